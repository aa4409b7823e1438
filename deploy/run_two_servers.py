"""Two Streamlit processes behind nginx (sticky by cookie) on one PostgreSQL, on this machine.

    python deploy/run_two_servers.py --database-url postgresql+psycopg://USER@HOST:5432/DB
                                     [--ports 8621,8622] [--listen 8680] [--check] [--keep]

Starts exactly what README "Operations" describes, on 127.0.0.1 only: the schema and the sample
county in the database when it has none, two `streamlit run app.py` processes sharing one cookie
secret, and nginx with deploy/nginx.conf (its ${...} names filled in). Without --check it serves
until Ctrl-C. With --check it shows, in Chromium, that the deployment works as one app:

1. browser contexts are opened through nginx until one is served by each process (read from
   nginx's access log: the route cookie and the upstream of its websocket);
2. both read the 低保对象 card on the overview;
3. an admin signs in through the first process and imports new 低保 households on 数据管理;
4. the session on the *other* process clicks 总览 once: its next run shows the new figure.

Before the import, a file over the upload limit is chosen: refused on the page before it is sent
(nginx sees no upload), the limit named in Chinese beside the uploader.

Exit 0 when all of it holds, 1 otherwise; everything started is stopped on the way out.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy.engine import make_url  # noqa: E402

from data_access.admin import accounts  # noqa: E402
from data_access.db import make_engine  # noqa: E402
from data_access.importing.limits import MAX_FILE_MB  # noqa: E402
from data_access.seeding import ensure_ready  # noqa: E402
from data_access.text import t  # noqa: E402
from deploy import streamlit_proc  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ADMIN, PASSWORD = "ops-admin", secrets.token_urlsafe(12)
HEALTH_TIMEOUT_S = 120


def nginx_conf(listen: str, apps: list[str], run_dir: Path) -> str:
    """deploy/nginx.conf with its four ${NAME}s filled in (nginx's own $variables left alone)."""
    values = {"LISTEN": listen, "APP1": apps[0], "APP2": apps[1], "RUN_DIR": str(run_dir)}
    template = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    return re.sub(r"\$\{(LISTEN|APP1|APP2|RUN_DIR)\}", lambda m: values[m.group(1)], template)


@contextlib.contextmanager
def deployment(url: str, ports: list[int], listen: int, run_dir: Path) -> Iterator[str]:
    """Both app processes and nginx running; yields nginx's base URL."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise RuntimeError("nginx missing: apt-get install -y nginx")
    engine = make_engine(url)
    ensure_ready(engine)  # once, before the processes start, so they do not seed side by side
    if any(user.name == ADMIN for user in accounts.list_users(engine)):
        accounts.reset_password(engine, ADMIN, PASSWORD, by="deploy/run_two_servers.py")
    else:
        accounts.add_user(engine, ADMIN, PASSWORD, "admin", by="deploy/run_two_servers.py")
    engine.dispose()
    # One secret for both: a cookie signed by one process must be accepted by the other after a
    # failover (Streamlit's XSRF cookie).
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32),
    }
    procs: list[subprocess.Popen] = []
    try:
        for port in ports:
            log = run_dir / f"streamlit-{port}.log"
            procs.append(streamlit_proc.start("app.py", port, log, env))
        for port, proc in zip(ports, procs, strict=True):
            log = run_dir / f"streamlit-{port}.log"
            url = f"http://127.0.0.1:{port}/_stcore/health"
            streamlit_proc.wait_healthy(url, proc, log, HEALTH_TIMEOUT_S)
        conf = run_dir / "nginx.conf"
        apps = [f"127.0.0.1:{p}" for p in ports]
        conf.write_text(nginx_conf(f"127.0.0.1:{listen}", apps, run_dir), encoding="utf-8")
        nginx_log = run_dir / "nginx-stderr.log"
        proc = subprocess.Popen(
            [nginx, "-p", str(run_dir), "-c", str(conf), "-g", "daemon off;"],
            stdout=nginx_log.open("w"), stderr=subprocess.STDOUT,
        )  # fmt: skip
        procs.append(proc)
        base = f"http://127.0.0.1:{listen}"
        streamlit_proc.wait_healthy(base + "/_stcore/health", proc, nginx_log, HEALTH_TIMEOUT_S)
        yield base
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()


# --- the check ---------------------------------------------------------------------------


def upstream_of(run_dir: Path, route: str) -> str | None:
    """The app process nginx sends this route to (from the access log; a websocket's own line is
    written only when it closes, so the page's other requests of the same route are read)."""
    pattern = re.compile(r'"GET /_stcore/host-config[^"]*" \d+ route=(\S+) upstream=(\S+)')
    log = (
        (run_dir / "access.log").read_text(errors="replace")
        if (run_dir / "access.log").exists()
        else ""
    )
    for match in pattern.finditer(log):
        if match.group(1) == route:
            return match.group(2)
    return None


def dibao_card(page) -> str:
    label = t("metric.dibao_persons.label", "zh")
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return "".join(
        ch for ch in metric.locator('[data-testid="stMetricValue"]').inner_text() if ch.isdigit()
    )


def no_error_on(page) -> bool:
    return (
        page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').count()
        == 0
    )


def uploads_in_log(run_dir: Path) -> list[str]:
    """The upload requests nginx has seen (method, path and status)."""
    log = (run_dir / "access.log").read_text(errors="replace")
    return re.findall(r'"(PUT|POST) (/_stcore/upload_file[^ "]*)[^"]*" (\d+)', log)


def too_big_refused(page, run_dir: Path) -> list[str]:
    """A file over the import limit chosen on 数据管理 passes nginx and the uploader (both set
    higher) and is refused by the importer on the page, in Chinese, naming its size and the limit;
    nothing is imported. The limit also stands beside the uploader. The refused file is taken out
    of the box again."""
    from tests.e2e import act

    failures = []
    start = time.monotonic()
    big = run_dir / "too_big.csv"
    with big.open("wb") as out:
        out.truncate((MAX_FILE_MB + 10) * 1024 * 1024)
    before = uploads_in_log(run_dir)
    since = act.arm(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(big))
    chip = page.locator('[data-testid="stFileChip"]').filter(has_text=big.name)
    chip.wait_for()
    refusal = t("import.limit.size", "zh", size=f"{MAX_FILE_MB + 10:.1f}", limit=MAX_FILE_MB)
    refusal = t("admin.refused.file", "zh", reasons=refusal)
    try:
        page.get_by_text(refusal).first.wait_for(timeout=60_000)
    except Exception:  # noqa: BLE001 - reported as a failure with what the page said
        failures.append(
            f"no Chinese refusal {refusal!r}: {page.locator('body').inner_text()[:400]!r}"
        )
    act.settle(page, since)
    if "MB or smaller" in chip.inner_text():  # Streamlit's own refusal, English only
        failures.append(f"the uploader refused it in English: {chip.inner_text()!r}")
    hint = t("admin.upload.limit", "zh", limit=MAX_FILE_MB)
    if not page.get_by_text(hint).is_visible():
        failures.append("no Chinese line naming the upload limit beside the uploader")
    if page.locator('[data-testid="stFileUploaderDropzoneInstructions"]').first.is_visible():
        failures.append("the box's English small print (its ceiling, not the limit) is shown")
    page.screenshot(path=str(run_dir / "too_big.png"))
    sent = [status for _, _, status in uploads_in_log(run_dir)[len(before) :]]
    if len(sent) != 1 or not sent[0].startswith("2"):
        logs = "".join(
            f.read_text(errors="replace")[-1500:]
            for f in sorted(run_dir.glob("*.log"))
            if f.name != "access.log"
        )
        failures.append(f"the upload did not pass nginx: {sent}; the logs end: {logs}")
    chip.locator('[data-testid="stFileChipDeleteBtn"]').click()
    chip.wait_for(state="detached")
    big.unlink()
    took = time.monotonic() - start
    print(f"a {MAX_FILE_MB + 10} MB file refused on the page in {took:.1f} s; beside it: {hint}")
    return failures


def check(base: str, run_dir: Path, ports: list[int]) -> list[str]:
    """What failed (empty: an import through one process showed through the other)."""
    from playwright.sync_api import sync_playwright

    from bench.import_files import households_csv
    from tests.e2e import act  # the browser tests' one way to act on a page and wait for it

    failures: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        sessions: dict[str, object] = {}  # upstream → page
        for _ in range(12):
            context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
            context.set_default_timeout(120_000)
            page = context.new_page()
            act.goto(page, base + "/")
            route = next(c["value"] for c in context.cookies() if c["name"] == "dashboard_route")
            upstream = upstream_of(run_dir, route)
            if upstream and upstream not in sessions:
                sessions[upstream] = page
            else:
                context.close()
            if len(sessions) == len(ports):
                break
        if len(sessions) < len(ports):
            browser.close()
            return [f"only {sorted(sessions)} served a session through nginx"]
        (first, a), (second, b) = sorted(sessions.items())
        print(f"session A on {first}, session B on {second}")
        before_a, before_b = dibao_card(a), dibao_card(b)
        if before_a != before_b:
            failures.append(
                f"the two processes disagree before the import: {before_a} vs {before_b}"
            )

        # The import, through process A's 数据管理 page.
        act.nav_to(a, t("nav.data_admin", "zh"))
        act.type_into(a, a.get_by_label(t("auth.name", "zh")), ADMIN, enter=False)
        act.type_into(a, a.get_by_label(t("auth.password", "zh")), PASSWORD, enter=False)
        act.click(a, a.get_by_role("button", name=t("auth.submit", "zh")))
        table = t("import.table.welfare_households", "zh")
        pickers = a.locator('[data-testid="stSelectbox"]').filter(has_text=t("admin.table", "zh"))
        # An admin's list is long and drawn only in part: filter it.
        act.choose(a, pickers.nth(1), table, search=table)
        failures += too_big_refused(a, run_dir)
        sheet = run_dir / "new_households.csv"
        sheet.write_bytes(households_csv(2, prefix=f"TWO{int(time.time()) % 100000:05d}"))
        since = act.arm(a)
        a.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(sheet))
        act.settle(a, since, quiet_ms=1000)
        act.click(a, a.get_by_role("button", name=t("admin.confirm", "zh")), quiet_ms=1000)
        expected = str(int(before_a) + 4)  # two households of two persons
        if not no_error_on(a):
            failures.append("an error box on process A's import")

        # Process B: one click, one run.
        act.nav_to(b, t("nav.overview", "zh"))
        after_b = dibao_card(b)
        print(
            f"低保对象 on B: {before_b} before, {after_b} after its next run (expected {expected})"
        )
        if after_b != expected:
            failures.append(f"process B shows {after_b} after the import, expected {expected}")
        if not no_error_on(b):
            failures.append("an error box on process B")
        browser.close()
    return failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    ap.add_argument("--ports", default="8621,8622", help="the two app processes (127.0.0.1)")
    ap.add_argument("--listen", type=int, default=8680, help="nginx's port (127.0.0.1)")
    ap.add_argument(
        "--check", action="store_true", help="show an import crossing processes, then stop"
    )
    args = ap.parse_args()
    # A plain `kill` (or a test's timeout) must still stop the app processes and nginx.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    if make_url(args.database_url or "sqlite://").get_backend_name() != "postgresql":
        print(
            "--database-url must name a PostgreSQL database (both processes share it)",
            file=sys.stderr,
        )
        return 2
    ports = [int(p) for p in args.ports.split(",")]
    if len(ports) != 2:
        print("--ports takes two ports", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="two-servers-") as tmp:
        run_dir = Path(tmp)
        with deployment(args.database_url, ports, args.listen, run_dir) as base:
            print(
                f"nginx on {base} → 127.0.0.1:{ports[0]}, 127.0.0.1:{ports[1]}; logs in {run_dir}"
            )
            if args.check:
                failures = check(base, run_dir, ports)
                for line in failures:
                    print("FAILED:", line, file=sys.stderr)
                print(
                    "ok: an import through one process showed through the other"
                    if not failures
                    else ""
                )
                return 1 if failures else 0
            print(f"admin account {ADMIN} / {PASSWORD} (this run only); Ctrl-C stops everything")
            with contextlib.suppress(KeyboardInterrupt):
                while True:
                    time.sleep(3600)
    return 0


if __name__ == "__main__":
    sys.exit(main())
