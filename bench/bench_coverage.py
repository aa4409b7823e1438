"""Walking coverage at city scale: 20,000 points × 10,000 compounds, and at the sample county's size.

    python bench/bench_coverage.py [--repeat 7] [--no-append]

Times what the service-point page computes (data_access.service_points.coverage): nearest-point distances with
the cKDTree on the sphere and the covered masks for 300 / 500 / 800 m with shares per community,
a what-if (add 10 points, close 50), and a greedy suggestion of 10 sites. Next to it, in the same
run and on the same data, two baselines:
  - brute force: the full haversine distance matrix in numpy (what one writes without an index),
    timed on a slice of the compounds in chunks and scaled to all of them (the full matrix would
    need 1.6 GB); its distances also check the tree's answers;
  - a flat plane: the same cKDTree on an equirectangular projection around the mean latitude.
Prints a Markdown section and appends it, with the machine and the date, to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import scipy
from scipy.spatial import cKDTree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from data_access.service_points import coverage as cov  # noqa: E402

LAT0, LON0 = 35.5775, 104.6300  # the sample county town
CITY_POINTS, CITY_COMPOUNDS, CITY_COMMUNITIES = 20_000, 10_000, 200
BRUTE_SLICE = 1_000  # compounds in the brute-force baseline (× all points)


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median wall time in seconds over `repeat` runs (after one warm-up), and the last result."""
    result = fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def city(seed: int = 7) -> dict[str, np.ndarray]:
    """A synthetic city of ~30 × 30 km around the county town: points and compounds clustered
    around 200 community centres, as in a real city (dense centres, sparse edges)."""
    rng = np.random.default_rng(seed)
    centres_lat = LAT0 + rng.uniform(-0.13, 0.13, CITY_COMMUNITIES)
    centres_lon = LON0 + rng.uniform(-0.16, 0.16, CITY_COMMUNITIES)

    def around(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        which = rng.integers(0, CITY_COMMUNITIES, n)
        lat = centres_lat[which] + rng.normal(0, 0.006, n)
        lon = centres_lon[which] + rng.normal(0, 0.0075, n)
        return lat, lon, which

    p_lat, p_lon, _ = around(CITY_POINTS)
    c_lat, c_lon, group = around(CITY_COMPOUNDS)
    households = rng.integers(40, 400, CITY_COMPOUNDS).astype(float)
    return {
        "p_lat": p_lat,
        "p_lon": p_lon,
        "c_lat": c_lat,
        "c_lon": c_lon,
        "group": group,
        "households": households,
        "elderly": np.round(households * rng.uniform(0.3, 0.9, CITY_COMPOUNDS)),
    }


def sample_county(sp_type: str = "police") -> dict[str, np.ndarray]:
    """The sample county from sample_data/: the type's operating points at 2022-06-30 and all
    compounds (the page computes coverage one service type at a time)."""

    def rows(name: str) -> list[dict[str, str]]:
        with (ROOT / "sample_data" / f"{name}.csv").open(encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    end = "2022-06-30"
    operating = {
        s["point_id"]
        for s in rows("service_point_states")
        if s["status"] == "operating"
        and s["valid_from"] <= end
        and (not s["valid_to"] or s["valid_to"] > end)
    }
    points = [p for p in rows("service_points") if p["type"] == sp_type and p["id"] in operating]
    compounds = rows("compounds")
    codes = sorted({c["community_code"] for c in compounds})
    return {
        "p_lat": np.array([float(p["lat"]) for p in points]),
        "p_lon": np.array([float(p["lon"]) for p in points]),
        "c_lat": np.array([float(c["lat"]) for c in compounds]),
        "c_lon": np.array([float(c["lon"]) for c in compounds]),
        "group": np.array([codes.index(c["community_code"]) for c in compounds]),
        "households": np.array([float(c["households"]) for c in compounds]),
        "elderly": np.array([float(c["residents_60_plus"]) for c in compounds]),
    }


def coverage_all(d: dict[str, np.ndarray]) -> dict:
    """What the page does per type: distances, masks for every radius, shares per community."""
    n_groups = int(d["group"].max()) + 1
    dist = cov.nearest_distance_m(d["p_lat"], d["p_lon"], d["c_lat"], d["c_lon"])
    out = {}
    for r, mask in cov.covered_by_radius(dist).items():
        for key in ("households", "elderly"):
            out[(r, key)] = cov.shares_by_group(mask, d[key], d["group"], n_groups)
    return {"dist": dist, "shares": out}


def n_closed(d: dict[str, np.ndarray]) -> int:
    return min(50, len(d["p_lat"]) // 2)


def what_if(d: dict[str, np.ndarray]) -> cov.WhatIf:
    rng = np.random.default_rng(1)
    add = rng.choice(len(d["c_lat"]), 10, replace=False)
    close = rng.choice(len(d["p_lat"]), n_closed(d), replace=False)
    return cov.what_if(
        d["p_lat"], d["p_lon"], d["c_lat"], d["c_lon"], d["c_lat"][add], d["c_lon"][add], close
    )


def greedy(d: dict[str, np.ndarray], covered: np.ndarray, k: int = 10) -> list[cov.Pick]:
    reach = cov.reach_matrix(d["c_lat"], d["c_lon"], d["c_lat"], d["c_lon"], 500)
    return cov.greedy_sites(reach, d["households"], covered, k)


def brute_force(d: dict[str, np.ndarray], n_compounds: int, chunk: int = 250) -> np.ndarray:
    """Nearest distance by the full haversine matrix, in chunks of compounds (memory-bounded)."""
    out = np.empty(n_compounds)
    for start in range(0, n_compounds, chunk):
        stop = min(start + chunk, n_compounds)
        m = cov.haversine_m(
            d["c_lat"][start:stop, None], d["c_lon"][start:stop, None], d["p_lat"], d["p_lon"]
        )
        out[start:stop] = m.min(axis=1)
    return out


def flat_plane(d: dict[str, np.ndarray]) -> np.ndarray:
    """The same tree on an equirectangular plane around the mean latitude (an approximation)."""
    lat0 = np.radians(np.concatenate((d["p_lat"], d["c_lat"])).mean())

    def xy(lat, lon):
        return np.column_stack(
            (
                cov.EARTH_RADIUS_M * np.cos(lat0) * np.radians(lon),
                cov.EARTH_RADIUS_M * np.radians(lat),
            )
        )

    dist, _ = cKDTree(xy(d["p_lat"], d["p_lon"])).query(xy(d["c_lat"], d["c_lon"]), k=1)
    return dist


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds >= 1e-3 else f"{seconds * 1e6:,.0f} µs"


def ratio(x: float) -> str:
    return f"{x:,.0f}×" if x >= 10 else f"{x:.2f}×"


def machine() -> str:
    try:
        info = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        fields = dict(
            (k.strip(), v.strip())
            for k, v in (line.split(":", 1) for line in info.splitlines() if ":" in line)
        )
        model, cpus = fields.get("Model name", platform.processor()), fields.get("CPU(s)", "?")
    except (OSError, subprocess.CalledProcessError):
        model, cpus = platform.processor() or platform.machine(), str(os.cpu_count())
    return f"{model}, {cpus} CPU(s)"


def append_results(text: str) -> Path:
    """Append a Markdown section to bench/RESULTS.md (created with its title when missing)."""
    results = ROOT / "bench" / "RESULTS.md"
    existing = results.read_text(encoding="utf-8") if results.exists() else "# Benchmarks\n"
    results.write_text(existing.rstrip("\n") + "\n\n" + text, encoding="utf-8")
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--no-append", action="store_true", help="print only, do not touch RESULTS.md")
    args = ap.parse_args()

    rows: list[tuple[str, str, str]] = []
    checks: list[str] = []
    for label, data in (
        ("sample county, police rooms", sample_county("police")),
        ("city", city()),
    ):
        n_p, n_c = len(data["p_lat"]), len(data["c_lat"])
        size = f"{n_p:,} points × {n_c:,} compounds"
        t_cov, res = timed(lambda d=data: coverage_all(d), args.repeat)
        t_whatif, _ = timed(lambda d=data: what_if(d), args.repeat)
        covered = cov.covered_mask(res["dist"], 500)
        t_greedy, picks = timed(lambda d=data, c=covered: greedy(d, c), args.repeat)
        t_flat, flat = timed(lambda d=data: flat_plane(d), args.repeat)
        n_brute = min(BRUTE_SLICE, n_c)
        t_brute, brute = timed(
            lambda d=data, n=n_brute: brute_force(d, n), max(1, args.repeat // 3)
        )
        t_brute_all = t_brute * n_c / n_brute
        scaled = "" if n_brute == n_c else f" (timed on {n_brute:,} compounds, × {n_c / n_brute:g})"
        rows += [
            (label, f"coverage, 3 radii + shares per community ({size})", ms(t_cov)),
            (label, f"what-if: add 10, close {n_closed(data)}, before and after", ms(t_whatif)),
            (
                label,
                f"greedy: 10 sites at 500 m ({len(picks)} with a gain)",
                ms(t_greedy),
            ),
            (label, "baseline: flat-plane cKDTree, distances only", ms(t_flat)),
            (
                label,
                f"baseline: brute-force haversine matrix{scaled}",
                ms(t_brute_all),
            ),
        ]
        diff = float(np.max(np.abs(brute - res["dist"][:n_brute])))
        flat_err = float(np.max(np.abs(flat[:n_brute] - brute) / np.maximum(brute, 1.0)))
        checks.append(
            f"{label}: tree vs brute force max |Δ| = {diff:.1e} m; flat plane max relative error "
            f"{flat_err:.2%}; brute force ÷ tree = {ratio(t_brute_all / t_cov)}"
        )

    stamp = subprocess.run(["date"], capture_output=True, text=True).stdout.strip() or str(
        dt.datetime.now()
    )
    lines = [
        "## Walking coverage (`python bench/bench_coverage.py`)",
        "",
        f"- machine: {machine()}; Python {platform.python_version()}, numpy {np.__version__}, "
        f"scipy {scipy.__version__}",
        f"- date: {stamp}",
        f"- median of {args.repeat} runs after a warm-up (brute force: {max(1, args.repeat // 3)})",
        "",
        "| data | what | time |",
        "|---|---|---|",
        *[f"| {a} | {b} | {c} |" for a, b, c in rows],
        "",
        *[f"- {c}" for c in checks],
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_append:
        print(f"appended to {append_results(text)}")


if __name__ == "__main__":
    main()
