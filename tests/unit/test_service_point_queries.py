"""Service-point queries on the seeded sample county (SQLite, and PostgreSQL when configured).

Expected figures are counted here from the sample CSVs with plain Python (and distances with the
haversine formula in `math`), independently of the SQL and numpy code under test.
"""

from __future__ import annotations

import json
import math
from collections import Counter

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hst

from data_access import metrics
from data_access.filters import Filters
from data_access.service_points import coverage_queries as sp_coverage
from data_access.service_points import queries as sp
from data_access.service_points import sites as sp_sites
from tests.conftest import EAST, OLD_TOWN, SAMPLE_PERIOD, operating_ids, sample_rows

R = 6_371_008.8


def operating_rows(end: str = "2022-06-30", community: str | None = None, grid: str | None = None):
    return [
        p
        for p in sample_rows("service_points")
        if p["id"] in operating_ids(end)
        and (community is None or p["community_code"] == community)
        and (grid is None or p["grid_code"] == grid)
    ]


def metres(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(float(lat1)), math.radians(float(lat2))
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(float(lon2) - float(lon1)) / 2) ** 2
    )
    return 2 * R * math.asin(math.sqrt(h))


def covered_ids(points, compounds, radius) -> set[str]:
    return {
        c["id"]
        for c in compounds
        if any(metres(c["lat"], c["lon"], p["lat"], p["lon"]) <= radius for p in points)
    }


def area(communities=(), grids=()) -> Filters:
    return Filters(tuple(communities), tuple(grids), SAMPLE_PERIOD.start, SAMPLE_PERIOD.end)


# ------------------------------------------------------------------------------ points and counts


def test_138_operating_points_at_the_end_of_the_sample_period(conn):
    df = sp.points(conn, SAMPLE_PERIOD)
    assert int(df["operating"].sum()) == 138 == len(operating_rows())
    assert set(df.loc[df["operating"], "id"]) == {p["id"] for p in operating_rows()}
    assert set(df.columns) >= {
        "id", "name", "type", "status", "opened_on", "lat", "lon", "community", "grid",
    }  # fmt: skip
    assert (df.loc[~df["operating"], "status"].isin(["closed", "suspended"])).all()
    assert df["community"].isin(["老城社区", "东部社区"]).all()


def test_counts_per_type_match_the_csv(conn):
    expected = Counter(p["type"] for p in operating_rows())
    counts = sp.type_counts(conn, SAMPLE_PERIOD)
    assert counts.groupby("type")["points"].sum().to_dict() == dict(expected)
    by_pair = {(r.community_code, r.type): r.points for r in counts.itertuples()}
    assert by_pair == dict(Counter((p["community_code"], p["type"]) for p in operating_rows()))


@pytest.mark.parametrize("community", [OLD_TOWN, EAST])
def test_community_filter(conn, community):
    f = area([community])
    expected = Counter(p["type"] for p in operating_rows(community=community))
    assert sp.type_counts(conn, f).groupby("type")["points"].sum().to_dict() == dict(expected)
    df = sp.points(conn, f)
    assert (df["community_code"] == community).all()
    assert int(df["operating"].sum()) == sum(expected.values())


def test_grid_filter(conn):
    grid = f"{EAST}003"
    f = area([EAST], [grid])
    df = sp.points(conn, f)
    assert set(df.loc[df["operating"], "id"]) == {p["id"] for p in operating_rows(grid=grid)}
    comps = sp.compounds(conn, f)
    assert set(comps["id"]) == {c["id"] for c in sample_rows("compounds") if c["grid_code"] == grid}


def test_period_end_decides_what_is_operating(conn):
    f = Filters(start="2021-07", end="2021-12")
    ids = set(sp.points(conn, f).query("operating")["id"])
    assert ids == {p["id"] for p in operating_rows("2021-12-31")}
    assert len(ids) < 138
    # A point suspended now still operated in December if its suspension began later.
    later = {
        s["point_id"]
        for s in sample_rows("service_point_states")
        if s["status"] == "suspended" and not s["valid_to"] and s["valid_from"] > "2021-12-31"
    }
    assert later and later <= ids
    # With no period at all, the open spell decides, which is the stored current status.
    now = sp.points(conn, Filters())
    assert set(now.query("operating")["id"]) == {
        p["id"] for p in sample_rows("service_points") if p["status"] == "operating"
    }


def test_per_thousand_households(conn):
    rates = sp.rates_by_community(conn, SAMPLE_PERIOD).set_index("community_code")
    households = {c["code"]: int(c["households"]) for c in sample_rows("communities")}
    for code in (OLD_TOWN, EAST):
        n = len(operating_rows(community=code))
        assert rates.loc[code, "points"] == n
        assert rates.loc[code, "households"] == households[code]
        assert rates.loc[code, "per_1000"] == pytest.approx(n / households[code] * 1000)
    county = metrics.value(conn, "sp_per_1000_households", SAMPLE_PERIOD)
    assert county == pytest.approx(138 / sum(households.values()) * 1000)


def test_per_thousand_households_of_a_grid(conn):
    grid = f"{OLD_TOWN}002"
    grid_households = next(int(g["households"]) for g in sample_rows("grids") if g["code"] == grid)
    value = metrics.value(conn, "sp_per_1000_households", area([OLD_TOWN], [grid]))
    assert value == pytest.approx(len(operating_rows(grid=grid)) / grid_households * 1000)


def test_county_bounds_enclose_every_compound(conn):
    lat_min, lat_max, lon_min, lon_max = sp.county_bounds(conn)
    coords = [
        xy for c in sample_rows("communities") for xy in json.loads(c["boundary"])["coordinates"][0]
    ]
    assert (lon_min, lon_max) == (min(x for x, _ in coords), max(x for x, _ in coords))
    assert (lat_min, lat_max) == (min(y for _, y in coords), max(y for _, y in coords))
    for c in sample_rows("compounds"):
        assert lat_min <= float(c["lat"]) <= lat_max and lon_min <= float(c["lon"]) <= lon_max


# ------------------------------------------------------------------------------ coverage


@pytest.mark.parametrize("sp_type", ["police", "clinic", "elderly_care", "mail"])
def test_coverage_table_matches_an_independent_haversine_count(conn, sp_type):
    table = sp_coverage.coverage_table(conn, SAMPLE_PERIOD, (sp_type,))
    points = [p for p in operating_rows() if p["type"] == sp_type]
    compounds = sample_rows("compounds")
    for radius in (300, 500, 800):
        hit = covered_ids(points, compounds, radius)
        for code in (OLD_TOWN, EAST, ""):
            mine = [c for c in compounds if code in ("", c["community_code"])]
            row = table[table["community_code"] == code].iloc[0]
            for measure in ("households", "residents_60_plus"):
                total = sum(int(c[measure]) for c in mine)
                covered = sum(int(c[measure]) for c in mine if c["id"] in hit)
                assert row[measure] == total
                assert row[f"{measure}_{radius}"] == pytest.approx(covered / total)


def test_coverage_of_one_community_counts_points_across_its_border(conn):
    # East's compounds near the old town are reached by old-town points: they count.
    table = sp_coverage.coverage_table(conn, area([EAST]))
    assert set(table["community_code"]) == {EAST}  # no total row for a single community
    east = [c for c in sample_rows("compounds") if c["community_code"] == EAST]
    total = sum(int(c["households"]) for c in east)
    differs = []
    for row in table.itertuples():
        everywhere = [p for p in operating_rows() if p["type"] == row.type]
        own = [p for p in everywhere if p["community_code"] == EAST]
        for radius in (300, 500, 800):
            hit = covered_ids(everywhere, east, radius)
            expected = sum(int(c["households"]) for c in east if c["id"] in hit) / total
            assert getattr(row, f"households_{radius}") == pytest.approx(expected)
            if hit != covered_ids(own, east, radius):
                differs.append((row.type, radius))
    assert differs  # the sample county has a case where the border matters


def test_scenario_without_changes_is_the_current_state(conn):
    s = sp_coverage.scenario(conn, SAMPLE_PERIOD, "clinic", 500)
    assert not s.active and s.rejected == ()
    fig = s.figures(500)
    assert fig["before"] == fig["after"] and fig["change"] == 0
    table = sp_coverage.coverage_table(conn, SAMPLE_PERIOD, ("clinic",))
    assert fig["after_share"] == pytest.approx(table.iloc[-1]["households_500"])
    assert set(s.uncovered["id"]) == set(s.compounds.loc[~s.compounds["covered_after"], "id"])
    assert list(s.uncovered["households"]) == sorted(s.uncovered["households"], reverse=True)


def test_adding_a_point_at_an_uncovered_compound(conn):
    s = sp_coverage.scenario(conn, SAMPLE_PERIOD, "police", 500)
    target = s.uncovered.iloc[0]
    after = sp_coverage.scenario(conn, SAMPLE_PERIOD, "police", 500, added=(target["id"],))
    compounds = sample_rows("compounds")
    points = [p for p in operating_rows() if p["type"] == "police"]
    before_hit = covered_ids(points, compounds, 500)
    site = [{"lat": target["lat"], "lon": target["lon"]}]
    newly = covered_ids(site, compounds, 500) - before_hit
    expected = sum(int(c["households"]) for c in compounds if c["id"] in newly)
    assert target["id"] in newly
    assert after.figures(500)["change"] == expected
    assert after.added["compound_id"].tolist() == [target["id"]]
    assert target["id"] not in set(after.uncovered["id"])


def test_closing_a_point_and_typed_coordinates(conn):
    clinic = next(p for p in operating_rows() if p["type"] == "clinic")
    s = sp_coverage.scenario(
        conn,
        SAMPLE_PERIOD,
        "clinic",
        500,
        added=("35.577000,104.640000", "XQ99999", "abc,def", "10,10"),
        closed=(clinic["id"], "FW9999"),
    )
    assert s.closed["id"].tolist() == [clinic["id"]]
    assert s.added["key"].tolist() == ["35.577000,104.640000"]
    assert set(s.rejected) == {
        ("sp_add", "XQ99999", "unknown_site"),
        ("sp_add", "abc,def", "not_number"),
        ("sp_add", "10,10", "out_of_area"),
        ("sp_close", "FW9999", "not_operating"),
    }


def test_closing_every_point_of_a_type_uncovers_everyone(conn):
    ids = tuple(p["id"] for p in operating_rows() if p["type"] == "police")
    s = sp_coverage.scenario(conn, SAMPLE_PERIOD, "police", 800, closed=ids)
    for r in (300, 500, 800):
        assert s.figures(r)["after"] == 0
        assert s.figures(r, "residents_60_plus")["after"] == 0
    assert len(s.uncovered) == len(sample_rows("compounds"))


def test_parse_coordinates():
    bounds = (35.0, 36.0, 104.0, 105.0)
    assert sp_sites.parse_coordinates("35.5", "104.6", bounds) == (35.5, 104.6)
    assert sp_sites.parse_coordinates("３５.５", " 104.6 ", bounds) == (35.5, 104.6)  # full-width
    for lat, lon, reason in (
        ("abc", "104.6", "not_number"),
        ("", "104.6", "not_number"),
        ("nan", "104.6", "not_number"),
        ("104.6", "35.5", "out_of_area"),  # swapped
        ("36.01", "104.6", "out_of_area"),
    ):
        with pytest.raises(sp_sites.SiteError) as err:
            sp_sites.parse_coordinates(lat, lon, bounds)
        assert err.value.reason == reason


def test_suggestions_are_greedy_on_top_of_the_scenario(conn):
    f = SAMPLE_PERIOD
    s = sp_coverage.scenario(conn, f, "elderly_care", 500)
    picks = sp_coverage.suggestions(conn, f, "elderly_care", 500, 3)
    assert 1 <= len(picks) <= 3
    compounds = sample_rows("compounds")
    uncovered = [c for c in compounds if c["id"] in set(s.uncovered["id"])]

    def single_gain(site) -> int:
        hit = covered_ids([site], uncovered, 500)
        return sum(int(c["households"]) for c in uncovered if c["id"] in hit)

    best = max(single_gain(c) for c in compounds)
    assert picks.iloc[0]["gain_households"] == best
    assert list(picks["gain_households"]) == sorted(picks["gain_households"], reverse=True)
    # Adopting the picks yields exactly the promised coverage.
    adopted = sp_coverage.scenario(conn, f, "elderly_care", 500, added=tuple(picks["compound_id"]))
    assert adopted.figures(500)["after"] == picks.iloc[-1]["households_after"]
    assert adopted.figures(500)["change"] == picks["gain_households"].sum()
    assert (
        adopted.figures(500, "residents_60_plus")["change"] == picks["gain_residents_60_plus"].sum()
    )


def test_suggestions_for_older_residents_maximise_their_gain(conn):
    picks = sp_coverage.suggestions(conn, SAMPLE_PERIOD, "clinic", 300, 2, "residents_60_plus")
    s = sp_coverage.scenario(conn, SAMPLE_PERIOD, "clinic", 300)
    uncovered = [c for c in sample_rows("compounds") if c["id"] in set(s.uncovered["id"])]
    gains = [
        sum(
            int(u["residents_60_plus"])
            for u in uncovered
            if u["id"] in covered_ids([c], uncovered, 300)
        )
        for c in sample_rows("compounds")
    ]
    assert picks.iloc[0]["gain_residents_60_plus"] == max(gains)
    with pytest.raises(ValueError):
        sp_coverage.suggestions(conn, SAMPLE_PERIOD, "clinic", 300, 2, "population")


def test_a_filter_that_matches_no_point(empty_engine):
    from data_access.db import create_schema

    create_schema(empty_engine)
    with empty_engine.connect() as conn:
        assert sp.points(conn, SAMPLE_PERIOD).empty
        assert sp.type_counts(conn, SAMPLE_PERIOD).empty
        assert sp.compounds(conn, SAMPLE_PERIOD).empty
        assert sp.county_bounds(conn) is None
        s = sp_coverage.scenario(conn, SAMPLE_PERIOD, "milk", 500)
        assert s.figures(500)["after_share"] is None
        assert sp_coverage.suggestions(conn, SAMPLE_PERIOD, "milk", 500, 3).empty
        assert sp_coverage.coverage_table(conn, SAMPLE_PERIOD).empty


# ------------------------------------------------------------------------------ county points, remembered


def _operating_points_in_sql(conn, f: Filters, types: tuple[str, ...] = ()):
    """operating_points as it was before the county's points were remembered: one statement
    with in_area computed by SQL (the reference for the test below)."""
    from sqlalchemy import case, select

    from data_access.models import Community, ServicePoint

    in_area = case((f.area_clause(ServicePoint.community_code, ServicePoint.grid_code), 1), else_=0)
    stmt = (
        select(
            ServicePoint.id, ServicePoint.name, ServicePoint.type, ServicePoint.lat,
            ServicePoint.lon, ServicePoint.community_code, Community.name.label("community"),
            ServicePoint.opened_on, in_area.label("in_area"),
        )
        .join(Community, Community.code == ServicePoint.community_code)
        .where(sp.operating_clause(Filters(start=f.start, end=f.end)))
        .order_by(ServicePoint.id)
    )  # fmt: skip
    if types:
        stmt = stmt.where(ServicePoint.type.in_(types))
    df = sp._frame(conn, stmt)
    df["in_area"] = df["in_area"].astype(bool)
    df["opened_on"] = df["opened_on"].map(lambda d: d.isoformat() if d is not None else "")
    return df


_GRIDS = sorted({(g["community_code"], g["code"]) for g in sample_rows("grids")})
_MONTHS = ["2021-07", "2021-12", "2022-03", "2022-06"]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    communities=hst.lists(
        hst.sampled_from([OLD_TOWN, EAST, "629901100003"]), unique=True, max_size=2
    ),
    grids=hst.lists(hst.sampled_from(_GRIDS), unique=True, max_size=3),
    end=hst.sampled_from(_MONTHS),
    types=hst.sampled_from([(), ("convenience",), ("clinic", "police")]),
)
def test_remembered_county_points_are_the_sql_ones(conn, communities, grids, end, types):
    f = Filters(tuple(communities), tuple(g for _c, g in grids), "2021-07", end)
    for _ in range(2):  # read, then remembered
        got = sp.operating_points(conn, f, types)
        pd.testing.assert_frame_equal(got, _operating_points_in_sql(conn, f, types))
    assert len(got)


def test_remembered_county_points_follow_a_write(tmp_path):
    from sqlalchemy import update

    from data_access.db import bump_data_version, make_engine
    from data_access.models import ServicePoint
    from data_access.seeding import seed

    engine = make_engine(f"sqlite:///{tmp_path / 'write.db'}")
    seed(engine)
    f = area([OLD_TOWN])
    with engine.connect() as conn:
        first = sp.operating_points(conn, f)["id"].iloc[0]
    with engine.begin() as conn:
        conn.execute(update(ServicePoint).where(ServicePoint.id == first).values(name="renamed"))
        bump_data_version(conn)  # as every write does
    with engine.connect() as conn:
        assert sp.operating_points(conn, f)["name"].iloc[0] == "renamed"
    engine.dispose()
