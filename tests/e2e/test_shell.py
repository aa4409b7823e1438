"""Journeys through what every page shares: the period slider (dragged and keyed), quick periods,
a reload, a page switch, unknown paths, nothing cut off on a projector, a phone."""

from __future__ import annotations

import re

import pytest

from components.registry import PAGES
from tests.e2e import act
from tests.e2e.act import nav_to, wait_settled
from tests.e2e.conftest import assert_no_exception, card_value, screenshot
from tests.e2e.overflow import cut_off_texts

SLIDER = '[data-testid="stSidebar"] [data-testid="stSlider"]'


def handles(page) -> list[str]:
    inputs = page.locator(f'{SLIDER} input[type="range"]')
    return [inputs.nth(i).get_attribute("aria-valuetext") for i in range(inputs.count())]


def caption(page) -> str:
    return page.locator(
        '[data-testid="stMain"] [data-testid="stCaptionContainer"]'
    ).first.inner_text()


def drag(page, index: int, dx: float) -> None:
    thumb = page.locator(f'{SLIDER} [data-rac][style*="translate"]').nth(index)
    box = thumb.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    since = act.arm(page)
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx, y, steps=10)
    page.mouse.up()
    act.settle(page, since)


def test_the_period_slider_moves_by_keyboard_and_by_drag(page, app_url):
    act.goto(page, app_url + "/")
    assert handles(page) == ["2021-07", "2022-06"]
    placed_all = card_value(page, "下岗职工再就业")

    end = page.locator(f'{SLIDER} input[type="range"]').nth(1)
    act.press_until(page, end, "ArrowLeft", "2022-03")
    assert handles(page) == ["2021-07", "2022-03"]
    assert "2021-07 至 2022-03" in caption(page)
    assert "to=2022-03" in page.url
    assert card_value(page, "下岗职工再就业") != placed_all

    drag(page, 0, 70)  # the start handle, a few months to the right
    start, stop = handles(page)
    assert "2021-07" < start <= "2022-03" and stop == "2022-03"
    assert f"from={start}" in page.url and f"{start} 至 2022-03" in caption(page)

    start_handle = page.locator(f'{SLIDER} input[type="range"]').nth(0)
    # The start handle jumps to the end's month at most.
    act.press_until(page, start_handle, "End", "2022-03", max_presses=3)
    assert handles(page)[0] == "2022-03"
    assert_no_exception(page)

    page.reload()
    act.arm(page)
    wait_settled(page)
    assert handles(page)[1] == "2022-03"
    assert "2022-03" in caption(page)

    nav_to(page, "社会救助")
    assert handles(page)[1] == "2022-03" and "to=2022-03" in page.url
    nav_to(page, "总览")
    assert handles(page)[1] == "2022-03"
    screenshot(page, "period-moved")


def test_the_end_handle_drags_and_the_track_click_moves_the_nearest_handle(page, app_url):
    act.goto(page, app_url + "/")
    drag(page, 1, -120)
    start, stop = handles(page)
    assert start == "2021-07" and stop < "2022-06"
    assert f"to={stop}" in page.url
    track = page.locator(f"{SLIDER} [data-rac][data-orientation]").nth(1)
    box = track.bounding_box()
    since = act.arm(page)
    page.mouse.click(box["x"] + 5, box["y"] + box["height"] / 2)
    act.settle(page, since)
    # Clicking near the track's start moves the nearest handle, the start one, to the records'
    # first months (the app opens on the latest year; the records reach a year further back).
    assert handles(page)[0] < "2021-07" and handles(page)[1] == stop
    assert_no_exception(page)


@pytest.mark.parametrize(
    ("button", "span"),
    [
        ("本年", ("2022-01", "2022-06")),
        ("上半年", ("2022-01", "2022-06")),
        ("下半年", ("2021-07", "2021-12")),
        ("近三个月", ("2022-04", "2022-06")),
        ("上月", ("2022-06", "2022-06")),
    ],
)
def test_each_quick_period_button_sets_the_range(page, app_url, button, span):
    act.goto(page, app_url + "/")
    act.click(
        page,
        page.locator('[data-testid="stSidebar"]').get_by_role("button", name=button, exact=True),
    )
    assert tuple(handles(page)) == span
    assert f"{span[0]} 至 {span[1]}" in caption(page)
    assert f"from={span[0]}" in page.url and f"to={span[1]}" in page.url


def test_reset_returns_to_the_latest_work_year(page, app_url):
    act.goto(page, app_url + "/?community=629901100002&from=2022-01&to=2022-03")
    act.click(page, page.get_by_role("button", name="重置筛选"))
    assert handles(page) == ["2021-07", "2022-06"]
    assert "community=" not in page.url and "from=" not in page.url
    assert card_value(page, "低保对象") == "1,276人"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.url_path or "overview")
def test_no_card_text_is_cut_off(browser, app_url, spec, lang):
    """On the projector (1280×720) and a laptop (1440×900): one load, the window resized."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    act.goto(page, f"{app_url}/{spec.url_path}" + ("?lang=en" if lang == "en" else ""))
    assert_no_exception(page)
    if spec.role == "viewer":  # an editors' page shows an anonymous reader the sign-in form
        assert page.locator('[data-testid="stMetric"]').count() >= 2
    cut = {}
    for width, height in ((1280, 720), (1440, 900)):
        page.set_viewport_size({"width": width, "height": height})
        act.wait_layout_still(page)  # charts and maps re-measure their container on resize
        wait_settled(page)
        cut[f"{width}x{height}"] = cut_off_texts(page)
        screenshot(page, f"fit-{spec.url_path or 'overview'}-{lang}-{width}x{height}")
    context.close()
    assert cut == {"1280x720": [], "1440x900": []}


def test_an_unknown_path_says_page_not_found_and_leads_back(page, app_url):
    for path in ("/welfare/extra", "/etc/passwd", "/nothing-here"):
        act.goto(page, app_url + path)
        assert "页面不存在" in page.locator('[data-testid="stMain"]').inner_text(), path
        assert path in page.locator('[data-testid="stAlert"]').first.inner_text()
    act.click(page, page.get_by_role("button", name="返回总览"))
    assert page.locator("h1").first.inner_text() == "总览"
    assert card_value(page, "低保对象") == "1,276人"


def test_on_a_phone_the_sidebar_starts_closed(browser, app_url):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        user_agent="Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148",
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    act.goto(page, app_url + "/")
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.get_attribute("data-collapsed") == "true"
    box = sidebar.bounding_box()
    assert box is None or box["width"] == 0 or box["x"] + box["width"] <= 0
    assert page.locator("h1").first.is_visible()
    assert card_value(page, "低保对象") == "1,276人"
    screenshot(page, "phone-overview")
    context.close()


def test_a_bad_link_shows_a_bounded_notice(page, app_url):
    act.goto(
        page, app_url + "/?community=" + "x" * 3000 + "".join(f"&grid=g{i}" for i in range(120))
    )
    notice = page.locator('[data-testid="stAlert"]').first
    text = notice.inner_text()
    assert "及其他" in text and len(text) < 600
    assert notice.bounding_box()["height"] < 200
    assert re.search(r"x{39}…", text)
