"""Every registered figure at every filter level a reader can choose: the county, each community,
each grid, two grids of one community and grids of two communities, over the work year, a half
year and one month. What must hold between the levels:

- an additive figure's communities add up to the county, and (kept per grid) its grids add up
  to their community and two grids to their sum;
- a figure not kept per grid is read for the chosen grids' communities: one grid shows its
  community's value, never the county's, and grids of two communities show both communities';
- a ratio kept per grid takes numerator and denominator from the same grids;
- a ratio with a part not kept per grid is its community's ratio (never a community's office
  space over one grid's households).
"""

from __future__ import annotations

from functools import cache

import pytest

from data_access import metrics
from data_access.filters import Filters
from tests.conftest import EAST, OLD_TOWN, sample_rows

PERIODS = {
    "work year": ("2021-07", "2022-06"),
    "half year": ("2022-01", "2022-06"),
    "one month": ("2022-03", "2022-03"),
}
GRIDS_OF = {
    community: tuple(
        sorted(r["code"] for r in sample_rows("grids") if r["community_code"] == community)
    )
    for community in (OLD_TOWN, EAST)
}
ALL_GRIDS = GRIDS_OF[OLD_TOWN] + GRIDS_OF[EAST]
COMMUNITY_OF = {grid: c for c, grids in GRIDS_OF.items() for grid in grids}
KEYS = [m.key for m in metrics.all_metrics()]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a == pytest.approx(b, rel=1e-9, abs=1e-9)


@pytest.fixture(params=list(PERIODS), scope="module")
def period(request) -> tuple[str, str]:
    return PERIODS[request.param]


@pytest.fixture
def read(conn, period):
    start, end = period

    @cache
    def value(key: str, communities: tuple[str, ...] = (), grids: tuple[str, ...] = ()):
        return metrics.value(conn, key, Filters(communities, grids, start, end))

    return value


def test_the_sample_has_two_communities_of_several_grids():
    assert len(GRIDS_OF[OLD_TOWN]) >= 2 and len(GRIDS_OF[EAST]) >= 2


@pytest.mark.parametrize("key", [k for k in KEYS if metrics.get(k).is_additive])
def test_an_additive_figures_parts_add_up(read, key):
    county = read(key)
    communities = [read(key, (c,)) for c in GRIDS_OF]
    assert _close(county, sum(communities)), (key, county, communities)
    if not metrics.grid_level(key):
        return
    for community, grids in GRIDS_OF.items():
        parts = [read(key, (), (g,)) for g in grids]
        assert _close(read(key, (community,)), sum(parts)), (key, community, parts)
    first, second = GRIDS_OF[OLD_TOWN][:2]
    pair = read(key, (), (first, second))
    assert _close(pair, read(key, (), (first,)) + read(key, (), (second,))), (key, pair)
    across = read(key, (), (GRIDS_OF[OLD_TOWN][0], GRIDS_OF[EAST][0]))
    expected = read(key, (), (GRIDS_OF[OLD_TOWN][0],)) + read(key, (), (GRIDS_OF[EAST][0],))
    assert _close(across, expected), (key, across)


@pytest.mark.parametrize("key", [k for k in KEYS if not metrics.grid_level(k)])
def test_a_figure_not_kept_per_grid_is_its_communitys(read, key):
    for grid in ALL_GRIDS:
        shown, community = read(key, (), (grid,)), read(key, (COMMUNITY_OF[grid],))
        assert _close(shown, community), (key, grid, shown, community)
    first, second = GRIDS_OF[OLD_TOWN][:2]
    assert _close(read(key, (), (first, second)), read(key, (OLD_TOWN,))), key
    across = read(key, (), (GRIDS_OF[OLD_TOWN][0], GRIDS_OF[EAST][0]))
    assert _close(across, read(key, (OLD_TOWN, EAST))), (key, across)


@pytest.mark.parametrize("key", [k for k in KEYS if metrics.get(k).is_ratio])
def test_a_ratios_parts_come_from_one_area(read, key):
    m = metrics.get(key)
    numerator, denominator = m.ratio
    areas = [((), ())] + [((c,), ()) for c in GRIDS_OF] + [((), (g,)) for g in ALL_GRIDS]
    areas.append(((), GRIDS_OF[OLD_TOWN][:2]))
    areas.append(((), (GRIDS_OF[OLD_TOWN][0], GRIDS_OF[EAST][0])))
    for communities, grids in areas:
        if grids and not metrics.grid_level(key):
            communities, grids = tuple(sorted({COMMUNITY_OF[g] for g in grids})), ()
        num, den = read(numerator, communities, grids), read(denominator, communities, grids)
        expected = num / den * m.scale if den else None
        assert _close(read(key, communities, grids), expected), (key, communities, grids)


def test_the_office_space_under_one_grid_is_its_communitys(read):
    """The issue's case: 898 m² of the county over one grid's 373 households read 240.8."""
    grid = GRIDS_OF[EAST][-1]
    per_100 = read("office_m2_per_100_households", (), (grid,))
    assert _close(per_100, read("office_m2_per_100_households", (EAST,)))
    assert not _close(per_100, read("office_area") / read("households", (), (grid,)) * 100)
