"""Backup → fresh database → restore: every importable table holds the same rows, and every
metric of the registry (each parameter value) is identical for every community and month of
the data, and for every grid over the whole period. The county carries text a spreadsheet
would run (= + - @ first), which must come back exactly. On SQLite through the command line
(`backup`, `restore`), on PostgreSQL (TEST_DATABASE_URL) through the same functions."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from sqlalchemy import select, update

from data_access import metrics
from data_access.__main__ import main as cli
from data_access.admin.users import User
from data_access.db import create_schema
from data_access.filters import Filters
from data_access.importing import importable_tables
from data_access.importing.templates import (
    BackupProblem,
    backup_files,
    restore_zip,
    sealed_backup,
)
from data_access.models import Base, Community, Grid, WelfareHousehold
from data_access.seeding import seed
from tests.conftest import BACKENDS, EAST, OLD_TOWN, _new_engine

PASSPHRASE = "roundtrip passphrase 1"
RISKY = {"community": '=HYPERLINK("http://x","y")', "grid": "+1+1 网格", "head": "-2+3"}


@pytest.fixture(scope="module", params=BACKENDS)
def restored(request, tmp_path_factory):
    """(source, restored copy) of the sample county with risky text in it."""
    tmp = tmp_path_factory.mktemp("roundtrip")
    src, cleanup_src = _new_engine(request.param, tmp)
    dst, cleanup_dst = _new_engine(request.param, tmp)
    seed(src)
    with src.begin() as conn:
        conn.execute(
            update(Community).where(Community.code == OLD_TOWN).values(name=RISKY["community"])
        )
        grid = conn.execute(select(Grid.code).where(Grid.community_code == EAST).limit(1))
        conn.execute(update(Grid).where(Grid.code == grid.scalar_one()).values(name=RISKY["grid"]))
        first = conn.execute(select(WelfareHousehold.household_no).limit(1)).scalar_one()
        conn.execute(
            update(WelfareHousehold)
            .where(WelfareHousehold.household_no == first)
            .values(head_name=RISKY["head"])
        )
    if request.param == "sqlite":
        archive = tmp / "backup.zip"
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("BACKUP_PASSPHRASE", PASSPHRASE)
            assert cli(["--database-url", str(src.url), "backup", str(archive)]) == 0
            assert cli(["--database-url", str(dst.url), "restore", str(archive)]) == 0
    else:
        create_schema(dst)
        sealed = sealed_backup(src, "tester", PASSPHRASE)
        results = restore_zip(dst, sealed, User("tester", "admin"), PASSPHRASE)
        assert all(r.ok for r in results) and len(results) == len(importable_tables())
    yield src, dst
    cleanup_dst()
    cleanup_src()


def _value(v: object) -> object:
    if isinstance(v, dt.datetime):
        return v.replace(microsecond=0).isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float):
        return round(v, 6)
    return v


def _rows(engine, table: str) -> list[tuple]:
    tbl = Base.metadata.tables[table]
    with engine.connect() as conn:
        rows = conn.execute(select(tbl)).all()
    return sorted((tuple(_value(v) for v in r) for r in rows), key=repr)


@pytest.mark.parametrize("table", importable_tables())
def test_every_table_comes_back_row_for_row(restored, table):
    src, dst = restored
    assert _rows(dst, table) == _rows(src, table)


def test_risky_text_comes_back_exactly(restored):
    _, dst = restored
    with dst.connect() as conn:
        assert conn.execute(select(Community.name).where(Community.code == OLD_TOWN)).scalar_one()
        names = set(conn.execute(select(Community.name)).scalars())
        grids = set(conn.execute(select(Grid.name)).scalars())
        heads = set(conn.execute(select(WelfareHousehold.head_name)).scalars())
    assert RISKY["community"] in names and RISKY["grid"] in grids and RISKY["head"] in heads


def _variants(m: metrics.Metric) -> list[dict]:
    """The defaults, then each parameter at its first and last allowed value with the others at
    their defaults, then all first and all last. The parameters steer the same statement over the
    same rows (restored row for row above), so the corners check what the full product would: the
    36 × 36 review-interval settings month by month were 90% of this test's time."""
    names = list(m.params)
    if not names:
        return [{}]
    default = {n: m.params[n].default for n in names}
    ends = {n: (m.params[n].allowed[0], m.params[n].allowed[-1]) for n in names}
    out = [default]
    for n in names:
        out += [{**default, n: end} for end in ends[n]]
    out += [{n: ends[n][0] for n in names}, {n: ends[n][1] for n in names}]
    unique: list[dict] = []
    for combo in out:
        if combo not in unique:
            unique.append(combo)
    return unique


def _frame(conn, key: str, f: Filters, params: dict) -> pd.DataFrame:
    return (
        metrics.monthly(conn, key, f, **params)
        .sort_values(["month", "community_code"])
        .reset_index(drop=True)
    )


def test_every_metric_for_every_community_and_month_is_identical(restored):
    src, dst = restored
    with src.connect() as a, dst.connect() as b:
        period = metrics.data_period(a)
        assert period is not None and metrics.data_period(b) == period
        f = Filters(start=period[0], end=period[1])
        checked = 0
        for m in metrics.all_metrics():
            for params in _variants(m):
                before, after = _frame(a, m.key, f, params), _frame(b, m.key, f, params)
                assert len(before) > 0, m.key
                pd.testing.assert_frame_equal(after, before, obj=f"{m.key} {params}")
                if metrics.grid_level(m.key):
                    pd.testing.assert_series_equal(
                        metrics.by_grid(b, m.key, f, **params),
                        metrics.by_grid(a, m.key, f, **params),
                        obj=f"{m.key} by grid {params}",
                    )
                checked += 1
    assert checked >= len(metrics.all_metrics())


def test_a_zip_that_is_not_a_backup_is_refused(tmp_path):
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("01_evil.xlsx", b"x")
    with pytest.raises(BackupProblem):
        backup_files(out.getvalue())
    with pytest.raises(BackupProblem):
        backup_files(b"not a zip")
    path = tmp_path / "x.zip"
    path.write_bytes(out.getvalue())
    assert cli(["--database-url", f"sqlite:///{tmp_path / 'e.db'}", "restore", str(path)]) == 2
