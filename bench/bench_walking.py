"""Walking coverage along streets at city scale: 20,000 points, 10,000 compounds, ~200,000 segments.

    python bench/bench_walking.py [--repeat 5] [--no-append] [--quick]

Times what the service-point page computes in walking mode (data_access.service_points.walking): building the
street graph from the segments, joining every compound and point to its nearest street, one
type's coverage (multi-source Dijkstra limited to 800 m, then the 300 / 500 / 800 m masks and
shares per community), a what-if, and the reach of 1,000 candidate sites for the greedy
suggestion. Beside it, from the same run and the same places, the straight-line figure
(data_access.service_points.coverage's cKDTree) and an unlimited Dijkstra. The points and compounds are
bench_coverage's synthetic city; the streets are a jittered lattice over it (about 100 m blocks),
with ~8 % of the links missing (walls, dead ends) and a river across the city crossed by one
bridge in twenty. `--quick` runs a small city once and writes nothing (for CI).
Prints a Markdown section and appends it, with the machine and the date, to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import scipy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_coverage import LAT0, LON0, append_results, city, machine, ms  # noqa: E402

from data_access.service_points import coverage as cov  # noqa: E402
from data_access.service_points import walking  # noqa: E402

TYPES = 8  # the county's service types; the city's points are spread over them


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median CPU time of this process in seconds over `repeat` runs (after one warm-up), and
    the last result. CPU time, not wall time: the machine is shared, and a wall clock measured
    the neighbours' load (scipy's Dijkstra runs on one core, so CPU time is what a user waits)."""
    result = fn()
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        result = fn()
        times.append(time.process_time() - t0)
    return statistics.median(times), result


def lattice(n: int, seed: int = 11) -> list[np.ndarray]:
    """Street segments (each a 2 × 2 array of lon, lat) of an n × n jittered lattice over the
    city (bench_coverage's box), some links missing, a river crossed at few bridges."""
    rng = np.random.default_rng(seed)
    lats = np.linspace(LAT0 - 0.15, LAT0 + 0.15, n)
    lons = np.linspace(LON0 - 0.18, LON0 + 0.18, n)
    glon, glat = np.meshgrid(lons, lats)
    step = (lats[1] - lats[0]) * 0.2
    glat = glat + rng.uniform(-step, step, glat.shape)
    glon = glon + rng.uniform(-step, step, glon.shape)
    segs = []
    # The river: a west–east line (a sine meander) between rows; links crossing it are cut
    # except one in twenty (the bridges).
    river = n // 2 + np.round(3 * np.sin(np.arange(n) / n * 6 * np.pi)).astype(int)
    for i in range(n):
        for j in range(n):
            if j + 1 < n and rng.random() > 0.08:
                segs.append(np.array([[glon[i, j], glat[i, j]], [glon[i, j + 1], glat[i, j + 1]]]))
            if i + 1 < n and rng.random() > 0.08:
                crosses = i == river[j]
                if not crosses or j % 20 == 0:
                    segs.append(
                        np.array([[glon[i, j], glat[i, j]], [glon[i + 1, j], glat[i + 1, j]]])
                    )
    return segs


def coverage_walk(walks: walking.Walks, n_c: int, sources: np.ndarray, d: dict) -> dict:
    """One type's coverage by walking: distances within 800 m, three masks, shares per group."""
    dist = walking.from_sources(walks, sources, max(cov.RADII_M))[walks.doors[:n_c]]
    n_groups = int(d["group"].max()) + 1
    shares = {
        r: cov.shares_by_group(m, d["households"], d["group"], n_groups)
        for r, m in cov.covered_by_radius(dist).items()
    }
    return {"dist": dist, "shares": shares}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-append", action="store_true", help="print only, do not touch RESULTS.md")
    ap.add_argument("--quick", action="store_true", help="a small city, one run, nothing written")
    args = ap.parse_args()
    repeat = 1 if args.quick else args.repeat

    d = city()
    n_side = 60 if args.quick else 316
    if args.quick:
        d = {k: v[: (2_000 if k.startswith("p_") else 1_000)] for k, v in d.items()}
    n_p, n_c = len(d["p_lat"]), len(d["c_lat"])
    segs = lattice(n_side)
    rows: list[tuple[str, str]] = []

    t_build, streets = timed(lambda: walking.streets(segs), max(1, repeat // 2))
    rows.append(
        (f"street graph from {len(segs):,} segments ({len(streets.u):,} edges)", ms(t_build))
    )
    lat = np.r_[d["c_lat"], d["p_lat"]]
    lon = np.r_[d["c_lon"], d["p_lon"]]
    t_join, walks = timed(lambda: walking.join(streets, lat, lon), max(1, repeat // 2))
    rows.append((f"join {n_c:,} compounds + {n_p:,} points to their nearest street", ms(t_join)))

    ptype = np.arange(n_p) % TYPES
    one_type = n_c + np.flatnonzero(ptype == 0)
    every = n_c + np.arange(n_p)
    t_type, res = timed(lambda: coverage_walk(walks, n_c, one_type, d), repeat)
    rows.append(
        (
            f"**a type's coverage by walking** ({len(one_type):,} points), 3 radii + shares",
            ms(t_type),
        )
    )
    t_all, res_all = timed(lambda: coverage_walk(walks, n_c, every, d), repeat)
    rows.append((f"coverage by walking from all {n_p:,} points (worst case)", ms(t_all)))
    t_line, line = timed(
        lambda: cov.nearest_distance_m(
            d["p_lat"][ptype == 0], d["p_lon"][ptype == 0], d["c_lat"], d["c_lon"]
        ),
        repeat,
    )
    rows.append(
        (
            f"baseline: the same type by straight line (cKDTree, {len(one_type):,} points)",
            ms(t_line),
        )
    )
    t_unlim, _ = timed(lambda: walking.from_sources(walks, one_type), max(1, repeat // 2))
    rows.append(("baseline: the same Dijkstra without the 800 m limit", ms(t_unlim)))

    def what_if() -> cov.WhatIf:
        rng = np.random.default_rng(3)
        add = rng.choice(n_c, 10, replace=False)
        sites_lat, sites_lon = d["c_lat"][add], d["c_lon"][add]
        w = walking.join(streets, np.r_[lat, sites_lat], np.r_[lon, sites_lon])
        before = walking.nearest_walk_m(w, one_type, np.arange(n_c), 800)
        kept = one_type[50:]
        extra = np.arange(n_c + n_p, n_c + n_p + 10)
        after = walking.nearest_walk_m(w, np.r_[kept, extra], np.arange(n_c), 800)
        return cov.WhatIf(before, after)

    t_whatif, _ = timed(what_if, max(1, repeat // 2))
    rows.append(
        ("what-if by walking: add 10, close 50 (join included), before and after", ms(t_whatif))
    )
    cands = np.arange(min(1_000, n_c))
    t_reach, reach = timed(
        lambda: walking.reach_matrix(walks, cands, np.arange(n_c), 500), max(1, repeat // 2)
    )
    rows.append(
        (
            f"greedy's reach: {len(cands):,} candidate sites × {n_c:,} compounds at 500 m",
            ms(t_reach),
        )
    )

    dist_w = res["dist"]
    ok = np.isfinite(dist_w) & (line > 50)
    ratio = dist_w[ok] / line[ok]
    hh = d["households"]
    share_line = float(hh[line <= 500].sum() / hh.sum())
    share_walk = float(hh[dist_w <= 500].sum() / hh.sum())
    checks = [
        f"walking ≥ straight line for every compound: {bool(np.all(dist_w >= line - 1e-6))}",
        f"walk ÷ straight line (compounds reached within 800 m): median {np.median(ratio):.2f}, "
        f"90th percentile {np.percentile(ratio, 90):.2f}",
        f"500 m coverage of the type: straight line {share_line:.1%}, walking {share_walk:.1%}",
        f"{reach.nnz:,} (candidate, compound) pairs within a 500 m walk",
        f"all points: {int(np.isfinite(res_all['dist']).sum()):,} of {n_c:,} compounds within 800 m",
    ]

    stamp = subprocess.run(["date"], capture_output=True, text=True).stdout.strip() or str(
        dt.datetime.now()
    )
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    title = "## Walking along streets (`python bench/bench_walking.py`)"
    lines = [
        title + (" — quick" if args.quick else ""),
        "",
        f"- machine: {machine()}; Python {platform.python_version()}, numpy {np.__version__}, "
        f"scipy {scipy.__version__}",
        f"- date: {stamp}; commit {commit}",
        f"- CPU time of the process (the machine is shared); median of {repeat} runs after a warm-up (graph, join, what-if, reach: "
        f"{max(1, repeat // 2)})",
        f"- city: {n_p:,} points ({TYPES} types) × {n_c:,} compounds; a {n_side} × {n_side} street "
        "lattice",
        "",
        "| what | time |",
        "|---|---|",
        *[f"| {a} | {b} |" for a, b in rows],
        "",
        *[f"- {c}" for c in checks],
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_append and not args.quick:
        print(f"appended to {append_results(text)}")


if __name__ == "__main__":
    main()
