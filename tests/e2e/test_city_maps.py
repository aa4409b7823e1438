"""Journey on a generated county of 20 communities (a city's scale, not the sample's): at county
level the maps send communities shaded, not every point, grid or compound; choosing a community
in the sidebar brings that community's points back.

What the browser received is read from the websocket's frames: a deck's JSON travels in them as
text, so a layer's id is in the frames exactly when the layer was sent.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from data_access.areas.queries import communities
from data_access.db import make_engine
from data_access.sample import scale, scale_load
from tests.e2e import act
from tests.e2e.conftest import assert_no_exception, served


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> Iterator[tuple[str, str]]:
    """(base URL, first community's name) of the app on a generated N=20 county."""
    folder = tmp_path_factory.mktemp("city")
    url = f"sqlite:///{folder / 'city.db'}"
    engine = make_engine(url)
    scale_load.load(engine, scale.generate(20, 2022), "bulk")
    with engine.connect() as conn:
        first = communities(conn)["name"].iloc[0]
    engine.dispose()
    with served("app.py", url, folder) as base:
        yield base, first


def received(page) -> list[str]:
    """Every text frame the page receives over its websocket from now on (a growing list)."""
    frames: list[str] = []

    def keep(payload) -> None:
        frames.append(payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload)

    page.on("websocket", lambda ws: ws.on("framereceived", keep))
    return frames


def sent(frames: list[str], layer_id: str) -> bool:
    return any(f'"id": "{layer_id}"' in f or f'"id":"{layer_id}"' in f for f in frames)


def test_county_level_sends_communities_then_a_community_its_points(page, city):
    base, first = city
    frames = received(page)
    act.goto(page, f"{base}/service_points")
    assert_no_exception(page)
    county_colours = act.wait_map_drawn(page)
    assert sent(frames, "sp-communities"), "the county-level map's shaded communities"
    for detail in ("sp-points", "sp-inactive", "compounds"):
        assert not sent(frames, detail), f"{detail} sent at county level"
    assert page.get_by_text("地图按社区汇总").first.is_visible()
    total = sum(len(f) for f in frames)
    assert total < 1_000_000, f"{total:,} bytes on load"

    frames.clear()
    act.choose(page, act.widget(page, "stMultiSelect", "社区", act.SIDEBAR), first)
    assert_no_exception(page)
    assert sent(frames, "sp-points") and sent(frames, "compounds"), "the community's points"
    assert not sent(frames, "sp-communities")
    act.wait_map_drawn(page, other_than=county_colours)

    # The other city-scale maps, same session: 社会救助 and 志愿·为老·平安 at county level.
    frames.clear()
    act.goto(page, f"{base}/welfare?wel_sec=map")  # the map is a section of its own
    assert_no_exception(page)
    assert sent(frames, "wf-communities") and not sent(frames, "wf-compounds")
    frames.clear()
    act.goto(page, f"{base}/community_life")
    assert_no_exception(page)
    assert sent(frames, "cl-communities") and not sent(frames, "cl-compounds")
