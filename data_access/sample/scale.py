"""A city-sized synthetic county: N communities built from the sample county's own generator.

    python -m data_access generate --communities N --seed S [--out DIR]

The sample generator (`SampleCounty`) draws a county town of two communities with every rule of
the sample: streets and grids that tile their community, compounds adding up to grids and grids
to communities, points inside their grid, valid ID numbers, dated states, the welfare formula, the
small grids and compounds the privacy rules are about. This module runs it once per pair of
communities, each pair with its own seed and its own shape (`scale_shape`: sizes, 8–10 grids,
about 50 compounds and 100 points a community), and places the pairs side by side on a map of the
county:

- codes: community `i` becomes REGION + town (100 + i // 10) + community (i % 10 + 1), so the
  12-digit 统计用区划代码 stays valid and every grid code is its community code + 3 digits;
- keys (compound, point, household, person numbers...) get the pair's number after their letters;
- ID numbers are drawn again, unique in the county, keeping birth date and sex;
- coordinates (points, compounds, boundaries) are shifted as a whole, so inside stays inside;
- names of communities, towns and grids follow the new community;
- disputes and volunteer activities, which a city records far more of than the county town, are
  repeated inside their community at other dates of the same year (`EXTRA_DISPUTES`,
  `EXTRA_ACTIVITIES`).

The county-wide rows (facility kinds, welfare standards, county targets) are written once. The
output is deterministic for a seed: CSV text per table, in `DATA_TABLES` order.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import random
import re
from dataclasses import dataclass, field

from sqlalchemy import String

from data_access.idcard import make_id_number
from data_access.models import DATA_TABLES
from data_access.sample import SampleCounty
from data_access.sample.output import _cell
from data_access.sample.scale_shape import STEMS, pair_compound_names, pair_specs, sample_as
from data_access.sample.spec import AS_OF, COMMUNITIES, REGION, TOWN
from data_access.tables import table

# Tables with no community: written once, from the first pair.
COUNTY_TABLES = ("facility_kinds", "welfare_standards")
# Copies of each dispute and each volunteer activity (the original included).
EXTRA_DISPUTES = 5
EXTRA_ACTIVITIES = 7
_DAY = dt.timedelta(days=1)
# Where the pairs lie: one pair is about 0.041° of longitude by 0.015° of latitude.
PAIR_STEP = (0.045, 0.02)
# Targets that are rates, not counts: the county's stays as it is.
RATE_TARGETS = ("facility_completeness", "office_m2_per_100_households")

TOWN_STEMS = (
    "城关", "东城", "西城", "南城", "北城", "新区", "河东", "河西", "开发区", "高新区", "滨江",
    "东岗", "西岭", "南湖", "北塬", "中山", "长安", "永宁", "安定", "太平",
)  # fmt: skip
ORDINALS = "一二三四五六七八九十"
_ID_COLUMNS = ("id_number", "head_id_number")
_LETTERS = re.compile(r"^([A-Za-z]*)(.*)$")


def community_code(index: int) -> str:
    """The 12-digit code of community `index` (0-based): ten communities to a town."""
    return f"{REGION}{100 + index // 10:03d}{index % 10 + 1:03d}"


def community_name(index: int) -> str:
    stem = STEMS[index % len(STEMS)]
    round_ = index // len(STEMS)
    return f"{stem}{ORDINALS[round_ - 1] if round_ else ''}社区"


def town_name(index: int) -> str:
    town = index // 10
    stem = TOWN_STEMS[town % len(TOWN_STEMS)]
    round_ = town // len(TOWN_STEMS)
    suffix = "街道" if town else "镇"
    return f"{stem}{ORDINALS[round_ - 1] if round_ else ''}{suffix}"


def _key_columns() -> dict[str, set[str]]:
    """Per table, the text key columns (own keys and references) that get the pair's number:
    a table's own one-column key, and every reference to one, except community/grid codes and
    county-wide codes."""
    out: dict[str, set[str]] = {}
    for name in DATA_TABLES:
        cols = set()
        for col in table(name).columns:
            refs = {f.column.table.name for f in col.foreign_keys}
            if refs & {"communities", "grids", *COUNTY_TABLES}:
                continue
            if name in ("communities", "grids", "targets", *COUNTY_TABLES):
                continue
            sole_key = col.primary_key and len(table(name).primary_key.columns) == 1
            if (sole_key or refs) and isinstance(col.type, String):
                cols.add(col.name)
        out[name] = cols
    return out


KEY_COLUMNS = _key_columns()


def _plans() -> dict[str, list[tuple[str, str, tuple[str, ...]]]]:
    """Per table, each column with what happens to it and the tables it refers to."""
    plans = {}
    for name in DATA_TABLES:
        plan = []
        for col in table(name).columns:
            refs = tuple(f.column.table.name for f in col.foreign_keys)
            if col.name in ("community_code", "grid_code") or (
                col.name == "code" and name in ("communities", "grids")
            ):
                kind = "code"
            elif col.name in KEY_COLUMNS[name]:
                kind = "key"
            elif col.name in ("lat", "lon", "boundary", *_ID_COLUMNS):
                kind = col.name if col.name not in _ID_COLUMNS else "id_number"
            elif col.name == "geometry":  # a road's GeoJSON line moves like a boundary
                kind = "boundary"
            elif isinstance(col.type, String):
                kind = "text"
            else:
                kind = "other"
            plan.append((col.name, kind, refs))
        plans[name] = plan
    return plans


PLANS = _plans()
# The one-column primary key of each table (None when the key has several columns).
PRIMARY = {
    name: (pk[0].name if len(pk := list(table(name).primary_key.columns)) == 1 else None)
    for name in DATA_TABLES
}


@dataclass
class _Pair:
    """What one pair of sample communities becomes."""

    number: int
    codes: dict[str, str]  # old community code -> new (absent: dropped)
    shift: tuple[float, float]  # lon, lat
    names: list[tuple[str, str]]  # (old, new) text replacements, longest first
    ids: dict[str, str] = field(default_factory=dict)
    dropped: dict[str, set] = field(default_factory=dict)


class ScaledCounty:
    """Builds the N-community county, pair by pair, into CSV text per table."""

    def __init__(self, communities: int, seed: int):
        if communities < 1:
            raise ValueError("communities must be at least 1")
        self.communities = communities
        self.seed = seed
        self.pairs = math.ceil(communities / 2)
        self._id_rng = random.Random(f"{seed}:id_numbers")
        self._ids_used: set[str] = set()
        self._writers: dict[str, tuple[io.StringIO, csv.writer]] = {}
        self._targets: list[dict] = []
        self._county_targets: list[dict] = []
        self.counts: dict[str, int] = dict.fromkeys(DATA_TABLES, 0)

    # -- output ----------------------------------------------------------------------------------

    def _write(self, name: str, rows: list[dict]) -> None:
        if not rows:
            return
        if name not in self._writers:
            buf = io.StringIO()
            writer = csv.writer(buf, lineterminator="\n")
            writer.writerow(list(rows[0]))
            self._writers[name] = (buf, writer)
        writer = self._writers[name][1]
        writer.writerows([_cell(v) for v in row.values()] for row in rows)
        self.counts[name] += len(rows)

    def build(self) -> dict[str, str]:
        """CSV text per table, in load order."""
        for number in range(self.pairs):
            self._add_pair(number)
        self._write("targets", self._county_target_rows() + self._targets)
        return {
            name: self._writers[name][0].getvalue() for name in DATA_TABLES if name in self._writers
        }

    # -- one pair --------------------------------------------------------------------------------

    def _pair(self, number: int) -> _Pair:
        cols = math.ceil(math.sqrt(self.pairs))
        shift = ((number % cols) * PAIR_STEP[0], -(number // cols) * PAIR_STEP[1])
        codes, names = {}, []
        for k, spec in enumerate(COMMUNITIES):
            index = 2 * number + k
            if index >= self.communities:
                continue
            new_name = community_name(index)
            codes[spec.code] = community_code(index)
            names += [(spec.name, new_name), (spec.name[:-2] + "第", new_name[:-2] + "第")]
            names.append((TOWN, town_name(index)))
        return _Pair(number, codes, shift, sorted(set(names), key=lambda p: -len(p[0])))

    def _add_pair(self, number: int) -> None:
        pair = self._pair(number)
        shape = random.Random(f"{self.seed}:{number}:shape")
        specs = pair_specs(shape)
        with sample_as(specs, pair_compound_names(shape)):
            tables = SampleCounty(f"{self.seed}:{number}").build()
        rng = random.Random(f"{self.seed}:{number}:repeat")
        for name in DATA_TABLES:
            rows = tables.get(name, [])
            if name in COUNTY_TABLES:
                if number == 0:
                    self._write(name, rows)
                continue
            rows = [r for r in (self._remap(name, row, pair) for row in rows) if r is not None]
            if name == "targets":
                self._collect_targets(rows)
                continue
            if name == "disputes":
                rows = self._repeat(rows, EXTRA_DISPUTES, rng, ("reported_on", "resolved_on"))
            elif name == "volunteer_activities":
                rows = self._repeat(rows, EXTRA_ACTIVITIES, rng, ("date",))
            self._write(name, rows)

    def _remap(self, name: str, row: dict, pair: _Pair) -> dict | None:
        out = dict(row)
        for col, kind, refs in PLANS[name]:
            value = out[col]
            if value is None or value == "":
                continue
            if refs and any(value in pair.dropped.get(ref, ()) for ref in refs):
                return self._drop(name, row, pair)
            if kind == "code":
                new = pair.codes.get(value[:12])
                if new is None:
                    return self._drop(name, row, pair)
                out[col] = new + value[12:]
            elif kind == "key":
                head, tail = _LETTERS.match(value).groups()
                out[col] = f"{head}{pair.number:03d}{tail}"
            elif kind == "lon":
                out[col] = round(value + pair.shift[0], 6)
            elif kind == "lat":
                out[col] = round(value + pair.shift[1], 6)
            elif kind == "boundary":
                out[col] = _shifted(value, pair.shift)
            elif kind == "id_number":
                out[col] = self._id_number(value, pair)
            elif kind == "text" and not value.isascii():
                for old, new in pair.names:
                    value = value.replace(old, new)
                out[col] = value
        return out

    @staticmethod
    def _drop(name: str, row: dict, pair: _Pair) -> None:
        """Leave the row out (its community is beyond N), and every row that refers to it."""
        pk = PRIMARY[name]
        if pk:
            pair.dropped.setdefault(name, set()).add(row[pk])
        return None

    def _id_number(self, old: str, pair: _Pair) -> str:
        """A new ID number for the person `old` named in this pair: same birth date and sex,
        unique in the county; the same person keeps the same number in every table."""
        if old not in pair.ids:
            birth = dt.date(int(old[6:10]), int(old[10:12]), int(old[12:14]))
            male = int(old[16]) % 2 == 1
            while True:
                new = make_id_number(REGION, birth, self._id_rng.randint(1, 998), male)
                if new not in self._ids_used:
                    break
            self._ids_used.add(new)
            pair.ids[old] = new
        return pair.ids[old]

    @staticmethod
    def _repeat(rows: list[dict], copies: int, rng: random.Random, dates: tuple[str, ...]):
        """Each row, then copies - 1 more at other dates of the same work year (July to June: the
        span between its dates kept; not after AS_OF), numbered after the originals."""
        out = list(rows)
        for copy in range(1, copies):
            for row in rows:
                new = dict(row)
                new["id"] = f"{row['id']}-{copy}"
                first = row[dates[0]]
                last = max((row[d] for d in dates if row.get(d)), default=first)
                year_first = dt.date(first.year if first.month >= 7 else first.year - 1, 7, 1)
                year_last = min(AS_OF, year_first.replace(year=year_first.year + 1) - _DAY)
                low = (year_first - first).days
                high = (year_last - last).days
                delta = dt.timedelta(days=rng.randint(low, high) if low <= high else 0)
                for d in dates:
                    if row.get(d):
                        new[d] = row[d] + delta
                out.append(new)
        return out

    # -- targets ---------------------------------------------------------------------------------

    def _collect_targets(self, rows: list[dict]) -> None:
        for row in rows:
            if row["community_code"]:
                self._targets.append(row)
            else:
                self._county_targets.append(row)

    def _county_target_rows(self) -> list[dict]:
        """The county's targets: the sum of its communities' (or of the pairs' county figures for
        a measure set only county-wide); a rate stays the first pair's."""
        by_metric: dict[str, list[dict]] = {}
        for row in self._county_targets:
            by_metric.setdefault(row["metric_key"], []).append(row)
        out = []
        for key, rows in by_metric.items():
            row = dict(rows[0])
            own = [r["value"] for r in self._targets if r["metric_key"] == key]
            if key not in RATE_TARGETS:
                row["value"] = sum(own) if own else sum(r["value"] for r in rows)
            out.append(row)
        return out


def _shifted(boundary: str, shift: tuple[float, float]) -> str:
    geom = json.loads(boundary)

    def move(node):
        if node and isinstance(node[0], (int, float)):
            return [round(node[0] + shift[0], 6), round(node[1] + shift[1], 6)]
        return [move(n) for n in node]

    geom["coordinates"] = move(geom["coordinates"])
    return json.dumps(geom)


def generate(communities: int, seed: int) -> dict[str, str]:
    """CSV text per table of an N-community county (load order)."""
    return ScaledCounty(communities, seed).build()
