"""The auditor over what the pages publish: every page × no filter, each community and each grid
of the sample county, read as a careful reader would — cards, tables, map circles — and put
together. No hidden count may be pinned down by bounds reasoning, and a cell never shows two
different things on two views."""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict

import pytest

from data_access.engine.disclosure import PRIMARY, SECONDARY, Group, audit
from tests.app.conftest import assert_clean, open_app_page
from tests.conftest import EAST, OLD_TOWN, sample_rows

CARD_MEASURES = {
    "低保对象": "dibao_persons",
    "低保家庭": "dibao_households",
    "特困供养户": "tekun_households",
}
TABLE_MEASURES = ("dibao_households", "dibao_persons", "tekun_households")
GRIDS = [(r["code"], r["community_code"], r["name"]) for r in sample_rows("grids")]
COMPOUNDS = [(r["id"], r["grid_code"]) for r in sample_rows("compounds")]
VIEWS = [("none", {}), *[(c, {"community": c}) for c in (OLD_TOWN, EAST)]]
VIEWS += [(g, {"grid": g}) for g, _c, _n in GRIDS]


def _shown(text) -> int | str | None:
    """A published cell as the reader sees it: a number, "<3" or "*"; None for an empty cell (a
    table's withheld value: it tells the reader nothing)."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return None
    if isinstance(text, int | float):
        return int(round(text))
    text = str(text).strip()
    if text.startswith(PRIMARY):
        return PRIMARY
    if text.startswith(SECONDARY):
        return SECONDARY
    digits = re.sub(r"[^\d]", "", text)
    return int(digits) if digits else None


def _cell(scope: dict) -> tuple:
    if "grid" in scope:
        return ("grid", scope["grid"])
    if "community" in scope:
        return ("community", scope["community"])
    return ("county",)


def _deck_cells(at) -> list[tuple[tuple, str, object]]:
    found = []
    for chart in at.get("deck_gl_json_chart"):
        spec = json.loads(chart.proto.json)
        for layer in spec.get("layers", []):
            data = layer.get("data")
            rows = data.get("features", []) if isinstance(data, dict) else data or []
            for row in rows:
                props = row.get("properties", row) if isinstance(row, dict) else {}
                key = ("grid", props["grid_code"]) if "grid_code" in props else None
                key = ("compound", props["compound_id"]) if "compound_id" in props else key
                if key is None:
                    continue
                found.extend((key, m, _shown(props[m])) for m in TABLE_MEASURES if m in props)
    return found


@pytest.fixture(scope="module")
def published():
    cells: dict[str, dict[tuple, set]] = defaultdict(lambda: defaultdict(set))
    community_of = {g: c for g, c, _n in GRIDS}
    grid_by_name = {n: g for g, _c, n in GRIDS}

    def read(at, scope: dict) -> None:
        for card in at.metric:
            if card.label in CARD_MEASURES:
                cells[CARD_MEASURES[card.label]][_cell(scope)].add(_shown(card.value))
        for frame in at.dataframe:
            df = frame.value
            if "grid" in df.columns and "dibao_households" in df.columns:
                for row in df.itertuples(index=False):
                    key = ("grid", grid_by_name[row.grid])
                    for m in TABLE_MEASURES:
                        cells[m][key].add(_shown(getattr(row, m)))
            if "name" in df.columns and "tekun_households" in df.columns:  # overview table
                for row in df.itertuples(index=False):
                    code = next(
                        c for c, n in ((OLD_TOWN, "老城社区"), (EAST, "东部社区")) if n == row.name
                    )
                    if "grid" in scope:
                        if community_of[scope["grid"]] != code:
                            continue  # no chosen grid in that community
                        key = ("grid", scope["grid"])
                    else:
                        key = ("community", code)
                    for m in ("dibao_persons", "tekun_households"):
                        cells[m][key].add(_shown(getattr(row, m)))

            for key, m, value in _deck_cells(at):
                cells[m][key].add(value)

    for _name, scope in VIEWS:
        # The overview; 社会救助's grid table (its section of household size and grids) and
        # its map (a section of its own), each drawn only when chosen.
        at = open_app_page(None, **scope)
        assert_clean(at)
        read(at, scope)
        at = open_app_page("pages/welfare.py", **scope, wel_sec="breakdown")
        assert_clean(at)
        read(at, scope)
        if any(g.key == "pw_wel_sec" for g in at.button_group):  # drawn: there are recipients
            at.button_group(key="pw_wel_sec").set_value("map").run()
            assert_clean(at)
            read(at, scope)
    return cells


def _groups() -> list[Group]:
    by_community = defaultdict(list)
    for g, c, _n in GRIDS:
        by_community[c].append(("grid", g))
    by_grid = defaultdict(list)
    for k, g in COMPOUNDS:
        by_grid[g].append(("compound", k))
    return [
        Group(("county",), tuple(("community", c) for c in by_community)),
        *(Group(("community", c), tuple(gs)) for c, gs in by_community.items()),
        *(Group(("grid", g), tuple(ks)) for g, ks in by_grid.items()),
    ]


@pytest.mark.parametrize("measure", TABLE_MEASURES)
def test_no_view_disagrees_with_another(published, measure):
    conflicts = {k: v for k, v in published[measure].items() if len(v - {None}) > 1}
    assert conflicts == {}


@pytest.mark.parametrize("measure", TABLE_MEASURES)
def test_the_auditor_recovers_no_hidden_count_from_all_pages_together(published, measure):
    shown = {k: next(iter(v - {None})) for k, v in published[measure].items() if v - {None}}
    # The map shows every compound where recipients live: one it leaves out has none.
    for group in _groups():
        for child in group.children:
            shown.setdefault(child, 0)
    assert ("community", EAST) in shown and any(k[0] == "compound" for k in shown)
    assert audit(shown, _groups()) == []


def test_small_counts_never_show_below_community_level(published):
    for measure in TABLE_MEASURES:
        for key, values in published[measure].items():
            if key[0] in ("grid", "compound"):
                assert not values & {1, 2}, (measure, key, values)
