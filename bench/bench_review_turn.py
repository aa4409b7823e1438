"""A screen turn of 会议汇报 (→ to the next topic) in headless Chromium at 1280×720, beside the
reference page's filter change (bench/reference_page.py) served in the same run.

    python bench/bench_review_turn.py [--scales sample 200] [--turns 2] [--port 8623] [--quick]

For each scale: `streamlit run app.py` and the reference page on two ports. /review is opened in
presentation mode; the → key is pressed through every screen `--turns` times (the first round
after a server start fills the caches and is shown apart); each press is timed from the key to
settled (bench/chromium.py). The reference: its sidebar filter changed, the same number of times.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import chromium
import harness


def _turns(page, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        page.keyboard.press("ArrowRight")
        out.append(chromium.settled_at(page, t0, must_see_busy=True))
    return out


def run_scale(scale: str, args: argparse.Namespace, rounds: int) -> dict:
    from components.review.screen import SCREENS

    with chromium.app_and_reference(scale, args.port, args.n200_url) as (app, ref, browser):
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        page = context.new_page()
        chromium.load(page, app + "/review")
        page.locator("h1").first.click()  # focus the page, not a widget
        first = _turns(page, len(SCREENS))
        warm = [x for _ in range(rounds - 1) for x in _turns(page, len(SCREENS))]
        context.close()
        ref_times = []
        for _ in range(max(1, rounds - 1)):
            ctx, ref_page = chromium.new_page(browser)
            chromium.load(ref_page, ref + "/")
            took = chromium.change_filter(ref_page)
            if took is not None:
                ref_times.append(took)
            ctx.close()
    return {
        "scale": scale,
        "first": statistics.median(first),
        "turn": statistics.median(warm or first),
        "slowest": max(warm or first),
        "ref": statistics.median(ref_times) if ref_times else None,
        "n": len(warm or first),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    harness.add_common_args(ap, ("sample", "200"))
    ap.add_argument("--turns", type=int, default=2, help="rounds through every screen")
    ap.add_argument("--port", type=int, default=8623, help="app; reference on port+1 (0: any)")
    args = ap.parse_args()
    scales = [harness.QUICK_SCALE] if args.quick else args.scales
    rounds = 1 if args.quick else max(2, args.turns)
    rows = [run_scale(scale, args, rounds) for scale in scales]
    lines = harness.header(
        "会议汇报: a screen turn (Chromium, 1280×720)",
        harness.command_line("bench_review_turn.py", args),
        "From the → key to settled on /review in presentation mode, every screen in turn; "
        "first round = right after the server started (cold caches); turn = median of the "
        "later rounds, slowest = their maximum. Reference = bench/reference_page.py's sidebar "
        "filter change to settled, served in the same run.",
    )
    lines += [
        "| scale | first round (s) | turn (s) | slowest (s) | reference (s) | turn ÷ ref | turns |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        ref = r["ref"]
        lines.append(
            f"| {harness.scale_label(r['scale'])} | {r['first']:.2f} | {r['turn']:.2f} "
            f"| {r['slowest']:.2f} | {'–' if ref is None else f'{ref:.2f}'} "
            f"| {'–' if not ref else harness.ratio(r['turn'], ref)} | {r['n']} |"
        )
    harness.publish("\n".join(lines), args)
    print(f"done: {len(rows)} scale(s)", file=sys.stderr)


if __name__ == "__main__":
    main()
