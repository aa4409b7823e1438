"""The synthetic county (`python -m data_access generate`): deterministic, valid, consistent,
accepted by the import path, and the overview's metrics compute on it."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from data_access import metrics, overview
from data_access.areas import geo
from data_access.db import make_engine
from data_access.filters import Filters
from data_access.idcard import id_number_problem
from data_access.models import DATA_TABLES
from data_access.sample import scale, scale_load
from data_access.sample.spec import AS_OF, REGION
from data_access.tables import table

N, SEED = 3, 7
PERIOD = Filters(start="2021-07", end="2022-06")


def _rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def county() -> dict[str, str]:
    return scale.generate(N, SEED)


@pytest.fixture(scope="module")
def rows(county) -> dict[str, list[dict]]:
    return {name: _rows(text) for name, text in county.items()}


@pytest.fixture(scope="module")
def loaded(county, tmp_path_factory):
    """The county loaded through the import path's validation (every table)."""
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('scale') / 'county.db'}")
    result = scale_load.load(engine, county, "validated")
    yield engine, result
    engine.dispose()


def test_same_seed_same_bytes_other_seed_other_data(county):
    assert scale.generate(N, SEED) == county
    other = scale.generate(N, SEED + 1)
    assert other.keys() == county.keys()
    assert other["compounds"] != county["compounds"]


def test_every_table_is_there_in_load_order(county, rows):
    assert list(county) == [name for name in DATA_TABLES if name in county]
    assert set(county) == set(DATA_TABLES)
    assert len(rows["communities"]) == N
    for name in ("grids", "compounds", "service_points", "welfare_payments", "disputes"):
        assert rows[name], name


def test_codes_are_valid_and_nest(rows):
    codes = [c["code"] for c in rows["communities"]]
    assert len(set(codes)) == N
    for code in codes:
        assert len(code) == 12 and code.isdigit() and code.startswith(REGION)
    assert len({c["name"] for c in rows["communities"]}) == N
    for grid in rows["grids"]:
        assert len(grid["code"]) == 15 and grid["code"].isdigit()
        assert grid["code"][:12] == grid["community_code"]
    assert len({g["code"] for g in rows["grids"]}) == len(rows["grids"])


def test_every_reference_resolves_and_every_key_is_unique(rows):
    """Dropping the odd pair's second community (N=3) leaves nothing pointing at it."""
    for name in DATA_TABLES:
        tbl = table(name)
        pk = [c.name for c in tbl.primary_key.columns]
        keys = [tuple(r[c] for c in pk) for r in rows[name]]
        assert len(set(keys)) == len(keys), name
        for col in tbl.columns:
            for fk in col.foreign_keys:
                target = {r[fk.column.name] for r in rows[fk.column.table.name]}
                missing = {r[col.name] for r in rows[name] if r[col.name]} - target
                assert not missing, (name, col.name, sorted(missing)[:3])


def test_id_numbers_are_valid_unique_and_match_the_person(rows):
    seekers = rows["jobseekers"]
    numbers = [p["id_number"] for p in seekers]
    assert len(set(numbers)) == len(numbers)
    for p in seekers:
        assert id_number_problem(p["id_number"]) is None
        assert p["id_number"][6:14] == p["birth_date"].replace("-", "")
        assert (int(p["id_number"][16]) % 2 == 1) == (p["gender"] == "M")
    heads = [h["head_id_number"] for h in rows["welfare_households"]]
    assert len(set(heads)) == len(heads)
    assert all(id_number_problem(n) is None for n in heads)


def test_totals_add_up(rows):
    for level, parts, key in (("communities", "grids", "community_code"), ("grids", "compounds", "grid_code")):  # fmt: skip
        for whole in rows[level]:
            members = [p for p in rows[parts] if p[key] == whole["code"]]
            assert members, whole["code"]
            for measure in ("households", "population"):
                assert int(whole[measure]) == sum(int(p[measure]) for p in members)
    for c in rows["compounds"]:
        assert int(c["residents_80_plus"]) <= int(c["residents_60_plus"]) <= int(c["population"])


def test_places_lie_inside_their_grid(rows):
    rings = {g["code"]: geo.polygons(g["boundary"])[0] for g in rows["grids"]}
    for name in ("compounds", "service_points"):
        for r in rows[name]:
            assert geo.in_polygon(rings[r["grid_code"]], float(r["lon"]), float(r["lat"])), r["id"]
    # Communities do not overlap: each grid lies in its own community's box only.
    boxes = {c["code"]: geo.bounds([c["boundary"]]) for c in rows["communities"]}
    for c in rows["compounds"]:
        inside = [
            code
            for code, b in boxes.items()
            if b.lat_min <= float(c["lat"]) <= b.lat_max
            and b.lon_min <= float(c["lon"]) <= b.lon_max
        ]
        assert inside == [c["community_code"]], c["id"]


def _work_year(day: str) -> int:
    """The year a July-to-June work year begins in."""
    return int(day[:4]) - (day[5:7] < "07")


def test_repeated_records_stay_within_their_work_year(rows):
    """A copy lies in the work year of its original (the records span two: 2020-07..2022-06)."""
    first, last = "2020-07-01", AS_OF.isoformat()
    assert len(rows["disputes"]) == scale.EXTRA_DISPUTES * len(
        [d for d in rows["disputes"] if "-" not in d["id"]]
    )
    originals = {d["id"]: d for d in rows["disputes"] if "-" not in d["id"]}
    for d in rows["disputes"]:
        assert first <= d["reported_on"] <= last
        assert not d["resolved_on"] or d["reported_on"] <= d["resolved_on"] <= last
        original = originals[d["id"].split("-")[0]]["reported_on"]
        assert _work_year(d["reported_on"]) == _work_year(original), d["id"]
    assert {_work_year(d["reported_on"]) for d in rows["disputes"]} == {2020, 2021}
    for a in rows["volunteer_activities"]:
        assert first <= a["date"] <= last
    for s in rows["service_point_states"]:
        assert not s["valid_to"] or s["valid_from"] < s["valid_to"]


def test_the_import_path_accepts_every_table(loaded, rows):
    _engine, result = loaded
    assert result.mode == "validated"
    assert result.rows == {name: len(rows[name]) for name in rows}


def test_bulk_load_gives_the_same_rows(county, tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'bulk.db'}")
    result = scale_load.load(engine, county, "bulk")
    assert result.rows == {name: text.count("\n") - 1 for name, text in county.items()}
    with pytest.raises(scale_load.LoadError):
        scale_load.load(engine, county, "bulk")  # not into a county that is there already
    engine.dispose()


def test_overview_metrics_compute(loaded, rows):
    engine, _result = loaded
    with engine.connect() as conn:
        values = {key: metrics.value(conn, key, PERIOD) for key in overview.CARDS}
    assert all(v is not None for v in values.values()), values
    # Points operating on the last day: an operating spell covers 2022-06-30.
    end = AS_OF.isoformat()
    operating = {
        s["point_id"]
        for s in rows["service_point_states"]
        if s["status"] == "operating" and s["valid_from"] <= end and (not s["valid_to"] or s["valid_to"] > end)
    }  # fmt: skip
    assert values["service_points"] == len(operating)
    dibao = [h for h in rows["welfare_households"] if h["category"] == "dibao"]
    assert 0 < values["dibao_persons"] <= sum(int(h["members"]) for h in dibao)


def test_write_dir(county, tmp_path):
    counts = scale_load.write_dir(county, tmp_path)
    assert counts["communities"] == N
    assert (tmp_path / "grids.csv").read_text(encoding="utf-8") == county["grids"]
    assert dt.date.fromisoformat(_rows(county["disputes"])[0]["reported_on"])


def test_communities_vary_and_the_sample_generator_is_left_as_it_was(rows):
    from data_access.sample import area, spec, welfare

    sizes = {c["households"] for c in rows["communities"]}
    assert len(sizes) == N
    per_community = {c["code"]: 0 for c in rows["communities"]}
    for g in rows["grids"]:
        per_community[g["community_code"]] += 1
    assert all(8 <= n <= 10 for n in per_community.values()), per_community
    assert area.COMMUNITIES is spec.COMMUNITIES
    assert welfare.OLD_TOWN is spec.OLD_TOWN
    assert len(area.COMPOUND_NAMES[spec.OLD_TOWN.code]) == 42


def test_command_line_writes_a_folder_and_loads_an_empty_database(tmp_path, capsys):
    from data_access.__main__ import main as cli

    assert (
        cli(["generate", "--communities", "2", "--seed", "3", "--out", str(tmp_path / "csv")]) == 0
    )
    assert (tmp_path / "csv" / "communities.csv").read_text(encoding="utf-8") == scale.generate(
        2, 3
    )["communities"]
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    args = ["--database-url", url, "generate", "--communities", "2", "--seed", "3"]
    assert cli([*args, "--mode", "bulk"]) == 0
    assert "bulk" in capsys.readouterr().out
    assert cli(args) == 2  # the county is there already: nothing loaded twice
    assert capsys.readouterr().err


def test_benchmark_script_runs(tmp_path):
    """bench/bench_generate.py end to end at a tiny size (no timing asserted), so it cannot rot."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "bench" / "bench_generate.py"
    out = subprocess.run(
        [sys.executable, str(script), "--sizes", "1", "--modes", "bulk", "--no-append"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "| 1 | bulk |" in out.stdout


def test_bulk_parts_keep_every_row_under_the_upload_limit():
    """A city's largest table (over the 1,000,000-row upload limit) goes in by parts, each
    with the header, no row lost or repeated."""
    from data_access.sample.scale_load import _parts

    data = b"a,b\r\n" + b"".join(f"{i},x\r\n".encode() for i in range(7))
    parts = _parts(data, rows=3)
    assert [p.splitlines()[0] for p in parts] == [b"a,b"] * 3
    assert b"".join(b"".join(p.splitlines(keepends=True)[1:]) for p in parts) == data[5:]
    assert _parts(data, rows=7) == [data]
