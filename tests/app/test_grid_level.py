"""AppTest: with one grid chosen, a card whose figure is not kept per grid shows its community's
value (never the county's, never a community's figure over one grid's households) and says so."""

from __future__ import annotations

import pytest

from data_access import metrics
from data_access.text import t
from tests.app.conftest import assert_clean, metric_values
from tests.conftest import OLD_TOWN

GRID = f"{OLD_TOWN}006"
# Pages and whether some of their cards are not kept per grid (money, office space, volunteers).
PAGES = {
    "pages/facilities.py": True,
    "pages/community_life.py": True,
    "pages/employment.py": False,
    "pages/welfare.py": False,
}


@pytest.mark.parametrize("page", list(PAGES))
def test_a_grid_shows_its_communitys_figure_where_none_is_kept_per_grid(open_page, page):
    under_grid = open_page(page, grid=GRID)
    assert_clean(under_grid)
    of_community = metric_values(open_page(page, community=OLD_TOWN))
    of_county = metric_values(open_page(page))
    shown = metric_values(under_grid)
    lifted = [
        m.key
        for m in metrics.all_metrics()
        if not metrics.grid_level(m.key) and t(f"metric.{m.key}.label", "zh") in shown
    ]
    assert bool(lifted) == PAGES[page], lifted
    for key in lifted:
        label = t(f"metric.{key}.label", "zh")
        assert shown[label] == of_community[label], (key, shown[label], of_community[label])
    differs = [
        k
        for k in lifted
        if of_community[t(f"metric.{k}.label", "zh")] != of_county.get(t(f"metric.{k}.label", "zh"))
    ]
    assert differs or not lifted  # the lifted figures are not the county's in disguise
    captions = [c.value for c in under_grid.caption]
    assert captions.count(t("common.not_grid_level", "zh")) == len(lifted)
