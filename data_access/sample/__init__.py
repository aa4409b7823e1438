"""Generate the sample county (sample_data/*.csv) deterministically from a seed.

    python -m data_access.sample [--out sample_data] [--seed 2022]

A fictional county town with the two communities of the source document (a county's 2022 work
summary on its harmonious demonstration communities). Every figure the document states is built in
exactly (`spec`); everything else is random but plausible and consistent: compounds add up to
grids, grids to communities; points and compounds lie inside their grid, and the grids tile their
community along its streets; 低保 incomes are below the standard and benefits follow the formula,
apart from the deliberate irregularities the welfare page's checks must find (listed in
sample_data/README.md). All names and ID numbers are invented; region code 629901 does not exist.

One module per domain: `area` (communities, grids, compounds), `service_points`, `facilities`
(with projects and funding), `welfare`, `employment`, `community_life` (volunteers, groups,
disputes, cadres, honours), `people` (names, ID numbers), `targets`, `roads` (the street
network). Each draws from a random generator of its own, derived from the seed, so changing one
domain leaves the others as they were.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from data_access.sample import facilities, targets
from data_access.sample.area import Geography
from data_access.sample.community_life import CommunityLife
from data_access.sample.employment import Employment
from data_access.sample.output import write_csv
from data_access.sample.people import People
from data_access.sample.roads import RoadNetwork
from data_access.sample.service_points import ServicePoints
from data_access.sample.welfare import Welfare, benefit, standard_at

__all__ = ["SampleCounty", "generate", "main"]


class SampleCounty:
    def __init__(self, seed: int = 2022):
        self.seed = seed
        self.tables: dict[str, list[dict]] = {}
        self.irregular: dict[str, list] = {}

    def rng(self, domain: str) -> random.Random:
        return random.Random(f"{self.seed}:{domain}")

    standard_at = staticmethod(standard_at)
    benefit = staticmethod(benefit)

    def build(self) -> dict[str, list[dict]]:
        tables = self.tables
        people = People(self.rng("people"))
        geo = Geography(self.rng("area"), people)
        geo.build(tables)
        sites = {}
        site_rng = self.rng("sites")
        for comm in sorted({c.community for c in geo.compounds}):
            big = sorted(geo.compounds_of(comm), key=lambda c: -c.households)
            office, new_office, centre = site_rng.sample(big[:12], 3)
            sites.update(
                {f"office:{comm}": office, f"new_office:{comm}": new_office,
                 f"centre:{comm}": centre}
            )  # fmt: skip
        points = ServicePoints(self.rng("service_points"), geo)
        points.build(tables, sites)
        facilities.build(self.rng("facilities"), geo, points, sites, tables)
        welfare = Welfare(self.rng("welfare"), geo, people, self.rng("welfare:earlier"))
        welfare.build(tables)
        self.irregular = welfare.irregular
        Employment(self.rng("employment"), geo, people, self.rng("employment:earlier")).build(
            tables
        )
        CommunityLife(self.rng("community_life"), geo, self.rng("community_life:earlier")).build(
            tables
        )
        targets.build(tables)
        RoadNetwork(self.rng("roads"), geo).build(tables)
        return tables


def generate(out_dir: Path, seed: int = 2022) -> dict[str, int]:
    """Write one CSV per table into out_dir; returns the row count per table."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = SampleCounty(seed).build()
    return {name: write_csv(out_dir / f"{name}.csv", rows) for name, rows in tables.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="生成示例县数据（确定性，可复现）")
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parents[2] / "sample_data"
    )
    parser.add_argument("--seed", type=int, default=2022)
    args = parser.parse_args(argv)
    for name, count in generate(args.out, args.seed).items():
        print(f"{name}: {count}")
