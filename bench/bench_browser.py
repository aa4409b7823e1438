"""Browser settle time: every page of the dashboard in headless Chromium, beside a reference page
(bench/reference_page.py: one Altair chart, one offline pydeck map of 138 points) served in the
same run, on the sample county and a generated one (N=200).

    python bench/bench_browser.py [--scales sample 200] [--loads 3] [--port 8613]
                                  [--n200-url sqlite:////tmp/bench-n200.db] [--quick]

For each scale: `streamlit run app.py` and `streamlit run bench/reference_page.py` on two ports.
Each page is opened --loads times, each time in a new browser context (a new session; the
server's caches stay, so the first load after the server starts is the cold one, and is shown
apart); after each load the sidebar's community filter is changed (its first option) and the time
to settled again is taken. 数据管理 asks for a sign-in: its load is the sign-in form, and its
"page" time is from the sign-in click to settled. "Settled" is defined in bench/chromium.py.
"""

from __future__ import annotations

import argparse
import statistics
import sys

import chromium
import harness
import proc_cpu


def median(xs: list[float]) -> float | None:
    return statistics.median(xs) if xs else None


def measure(browser, url: str, loads: int, admin: bool = False) -> dict:
    """Open url `loads` times (a new context each); page and filter-change times, and for the
    loads (median) the websocket bytes received and the CPU seconds of server and browser."""
    page_times, filter_times, received, server_cpu, browser_cpu = [], [], [], [], []
    for _ in range(loads):
        context, page = chromium.new_page(browser)
        got = [0]
        page.on(
            "websocket",
            lambda ws, got=got: ws.on(
                "framereceived", lambda m: got.__setitem__(0, got[0] + len(m))
            ),
        )
        try:
            before = proc_cpu.snapshot()
            took = chromium.load(page, url)
            if admin:
                took = chromium.sign_in(page)
            used = proc_cpu.used_between(before, proc_cpu.snapshot())
            page_times.append(took)
            received.append(got[0] / 1e6)
            server_cpu.append(used.get("app server", 0.0))
            browser_cpu.append(used.get("browser", 0.0))
            changed = chromium.change_filter(page)
            if changed is not None:
                filter_times.append(changed)
            errors = page.locator('[data-testid="stException"]').count()
            if errors:
                raise RuntimeError(f"{url}: {errors} exception box(es)")
        finally:
            context.close()
    return {
        "first": page_times[0],
        "load": median(page_times),
        "filter": median(filter_times),
        "mb": median(received),
        "server_cpu": median(server_cpu),
        "browser_cpu": median(browser_cpu),
    }


def run_scale(scale: str, args: argparse.Namespace, loads: int) -> list[dict]:
    from components.registry import PAGES

    rows = []
    with chromium.app_and_reference(scale, args.port, args.n200_url) as (app, ref, browser):
        reference = [measure(browser, ref + "/", loads)]
        for spec in PAGES:
            r = measure(browser, f"{app}/{spec.url_path}", loads, admin=spec.role != "viewer")
            rows.append({"page": spec.url_path or "(overview)", **r})
            print(f"  {harness.scale_label(scale)} {rows[-1]}", file=sys.stderr)
        reference.append(measure(browser, ref + "/", loads))  # and again after: shared machine
    ref_load = statistics.median([r["load"] for r in reference])
    ref_filter = statistics.median([r["filter"] for r in reference])
    rows.insert(0, {"page": "reference page", "first": reference[0]["first"], "load": ref_load,
                    "filter": ref_filter,
                    **{k: statistics.median([r[k] for r in reference])
                       for k in ("mb", "server_cpu", "browser_cpu")}})  # fmt: skip
    for r in rows:
        r["scale"], r["ref_load"], r["ref_filter"] = scale, ref_load, ref_filter
    return rows


def fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    harness.add_common_args(ap, ("sample", "200"))
    ap.add_argument("--loads", type=int, default=3)
    ap.add_argument("--port", type=int, default=8613, help="app; reference on port+1 (0: any)")
    args = ap.parse_args()
    scales = [harness.QUICK_SCALE] if args.quick else args.scales
    loads = 1 if args.quick else args.loads
    rows = [r for scale in scales for r in run_scale(scale, args, loads)]
    lines = harness.header(
        "Browser settle time, every page (Chromium)",
        harness.command_line("bench_browser.py", args),
        "Headless Chromium (1440×900) against `streamlit run app.py` on SQLite, beside "
        "bench/reference_page.py (one Altair chart, one offline pydeck map of 138 points, a "
        "sidebar filter) served in the same run. Load = from navigation to settled (Streamlit's "
        "status widget not running, no spinner, skeleton or stale element, still for 600 ms; the "
        f"quiet wait not counted), median of {loads} loads in new sessions; first = the first "
        "load after the server started (cold caches). Filter = from clicking the first option "
        "of the sidebar's community filter to settled, median over the loads. 数据管理: from the "
        "sign-in click. ÷ ref = page ÷ the reference page (median of its loads before and after). "
        "Where a load's time goes (medians over the loads, from navigation to settled): the "
        "bytes the page received over its websocket, and the CPU seconds the app server and "
        "Chromium (all its processes) used meanwhile, read from /proc (bench/proc_cpu.py).",
    )
    lines += [
        "| scale | page | first load (s) | load (s) | load ÷ ref | filter → settled (s) "
        "| filter ÷ ref | received (MB) | server CPU (s) | browser CPU (s) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {harness.scale_label(r['scale'])} | {r['page']} | {fmt(r['first'])} "
            f"| {fmt(r['load'])} | {harness.ratio(r['load'], r['ref_load'])} | {fmt(r['filter'])} "
            f"| {harness.ratio(r['filter'], r['ref_filter']) if r['filter'] else '–'} "
            f"| {r['mb']:.2f} | {fmt(r['server_cpu'])} | {fmt(r['browser_cpu'])} |"
        )
    if chromium.NEVER_BUSY:
        lines += ["", f"Never seen busy after the action (first settled look counted): "
                      f"{len(chromium.NEVER_BUSY)} time(s)."]  # fmt: skip
    harness.publish("\n".join(lines) + "\n", args)


if __name__ == "__main__":
    main()
