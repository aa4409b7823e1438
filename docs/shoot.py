"""Look at the dashboard as a person would: screenshots of pages in Debian's Chromium.

    python docs/shoot.py / /welfare "/service_points?sp_type=police" --out /tmp/shots
    python docs/shoot.py / --size 1280x720 --size 1440x900 --lang zh --lang en --out /tmp/shots
    python docs/shoot.py --base http://127.0.0.1:8501 / --out /tmp/shots

Without --base it starts `streamlit run app.py` on a free port (DATABASE_URL passes through) and
stops it afterwards. For every path × size × language it waits until Streamlit has finished
running, saves a PNG of the window (--full: of the whole page, by growing the window to the
page's height after the cut-off check at the real size), and reports how long the page took to settle, any error box,
and any figure or label that is cut off (its text wider than its box). Open the PNGs and look.
Exit status 1 when any page shows an error or a cut-off figure. docs/overview.png is made with
`python docs/shoot.py / --size 1440x900 --lang zh --out docs --name overview`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.act import wait_settled  # noqa: E402
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, phone, served  # noqa: E402
from tests.e2e.overflow import cut_off_texts  # noqa: E402

PHONE_MAX_WIDTH = 480


def served_app() -> contextlib.AbstractContextManager[str]:
    """`streamlit run app.py` on a free port for as long as the block runs (log in /tmp)."""
    return served("app.py", None, Path(tempfile.gettempdir()))


def _file_name(path: str, size: str, lang: str, name: str | None) -> str:
    stem = name or (
        path.strip("/").replace("/", "_").replace("?", "_").replace("&", "_") or "overview"
    )
    return f"{stem[:80]}-{size}-{lang}.png" if name is None else f"{name}.png"


def shoot(base: str, paths: list[str], sizes: list[str], langs: list[str], out: Path,
          name: str | None, full: bool) -> int:  # fmt: skip
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    problems = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size in sizes:
            width, height = (int(v) for v in size.split("x"))
            for lang in langs:
                for path in paths:
                    # A window as narrow as a phone is a phone: its user agent and touch, so
                    # the app lays the page out as it does for one.
                    page = browser.new_page(
                        **(phone(width, height) if width <= PHONE_MAX_WIDTH else {})
                        or {"viewport": {"width": width, "height": height}}
                    )
                    sep = "&" if "?" in path else "?"
                    url = base + path + (f"{sep}lang=en" if lang == "en" else "")
                    t0 = time.time()
                    page.goto(url)
                    wait_settled(page)
                    seconds = time.time() - t0
                    target = out / _file_name(path, size, lang, name)
                    cut = cut_off_texts(page)
                    if full:  # the page scrolls inside Streamlit's main block: grow the window
                        tall = page.evaluate(
                            "document.querySelector('[data-testid=\"stMain\"]').scrollHeight"
                        )
                        page.set_viewport_size({"width": width, "height": min(int(tall), 9000)})
                        wait_settled(page)
                    page.screenshot(path=str(target))
                    errors = page.locator(
                        '[data-testid="stException"], [data-testid="stAlertContentError"]'
                    )
                    cut = cut_off_texts(page)
                    problems += errors.count() + len(cut)
                    print(f"{url} {size}: settled in {seconds:.1f} s -> {target}")
                    for i in range(errors.count()):
                        print("   error:", errors.nth(i).inner_text()[:200].replace("\n", " "))
                    for text in cut:
                        print("   cut off:", text)
                    page.close()
        browser.close()
    return problems


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("paths", nargs="+", help="URL paths, e.g. / /welfare?community=...")
    ap.add_argument("--base", help="base URL of a running app (default: start one)")
    ap.add_argument("--out", type=Path, default=Path("/tmp/shots"))
    ap.add_argument("--size", action="append", help="WIDTHxHEIGHT (default 1440x900 and 1280x720)")
    ap.add_argument("--lang", action="append", choices=["zh", "en"], help="default: both")
    ap.add_argument("--name", help="file name (one path, size and language only)")
    ap.add_argument("--full", action="store_true", help="the whole page, not just the window")
    a = ap.parse_args()
    sizes, langs = a.size or ["1440x900", "1280x720"], a.lang or ["zh", "en"]
    os.environ.setdefault("DASHBOARD_STRICT_TEXT", "1")
    if a.base:
        bad = shoot(a.base.rstrip("/"), a.paths, sizes, langs, a.out, a.name, a.full)
    else:
        with served_app() as base:
            bad = shoot(base, a.paths, sizes, langs, a.out, a.name, a.full)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
