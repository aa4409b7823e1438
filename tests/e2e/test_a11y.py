"""Readable by everyone: axe-core finds no serious or critical violation on any page, in Chinese and
English, on a 1440×900 screen and a 390×844 phone; one h1 a page and headings in order; and the
journeys a mouse makes (community, period, the 低保 standard, a new service point, two review
screens, the deck) done with the keyboard alone, each control reached by Tab with a visible focus.

Cheap by design: one browser context per screen size, the pages visited one after another; the
keyboard journey is one context and moves between pages by their links.
"""

from __future__ import annotations

import re

import pytest

from components.registry import PAGES
from tests.e2e import act, axe
from tests.e2e.act import SIDEBAR
from tests.e2e.conftest import assert_no_exception, phone

# Headings in document order: (level, text).
HEADINGS_JS = """() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]
  .filter(h => h.offsetParent !== null)
  .map(h => [Number(h.tagName[1]), h.innerText.trim().slice(0, 40)])"""


def heading_faults(headings: list[list]) -> list[str]:
    """More or fewer than one h1, or a level skipped on the way down (h1 → h3)."""
    faults = [] if sum(level == 1 for level, _ in headings) == 1 else [f"h1s: {headings}"]
    for (before, _), (level, text) in zip(headings, headings[1:], strict=False):
        if level > before + 1:
            faults.append(f"h{before} → h{level} {text!r}")
    return faults


def test_heading_faults_are_found():
    assert heading_faults([[2, "筛选"], [1, "总览"], [2, "社区对比"]]) == []
    assert heading_faults([[1, "总览"], [3, "社区对比"]]) == ["h1 → h3 '社区对比'"]
    assert heading_faults([[2, "筛选"]]) == ["h1s: [[2, '筛选']]"]


SIZES = {
    "1440x900": {"viewport": {"width": 1440, "height": 900}},
    "390x844": phone(),
}


@pytest.mark.parametrize("size", list(SIZES))
def test_no_serious_accessibility_violation_on_any_page(browser, app_url, size):
    context = browser.new_context(**SIZES[size], locale="zh-CN")
    context.set_default_timeout(90_000)
    page = context.new_page()
    found: dict[str, list] = {}
    try:
        for lang in ("zh", "en"):
            for spec in PAGES:
                where = f"/{spec.url_path}?lang={lang}"
                act.goto(page, app_url + where)
                assert_no_exception(page)
                faults = axe.severe(axe.run(page)) + [
                    ("heading", h, "") for h in heading_faults(page.evaluate(HEADINGS_JS))
                ]
                if faults:
                    found[where] = faults
                elif spec.url_path == "" and lang == "zh" and size == "1440x900":
                    faint_text_is_found(page)  # on the page just checked: no second load
    finally:
        context.close()
    assert found == {}, "\n".join(
        f"{where}: {rule} {target}\n    {why}"
        for where, faults in found.items()
        for rule, target, why in faults
    )


def faint_text_is_found(page) -> None:
    """The check can fail: a caption painted in a light grey is a serious violation."""
    page.evaluate(
        """() => document.querySelector('[data-testid="stMain"] [data-testid="stCaptionContainer"] p')
             .style.setProperty('color', '#B0B0B0', 'important')"""
    )
    assert [rule for rule, _, _ in axe.severe(axe.run(page))] == ["color-contrast"]


# ------------------------------------------------------------------------------ the keyboard

FOCUSED_IN_JS = "(el) => el.contains(document.activeElement) || el === document.activeElement"
# A focus a sighted keyboard user sees: the browser's :focus-visible with an outline or a ring
# (box-shadow) on the element or on the widget box around it.
FOCUS_SHOWN_JS = """() => {
  const a = document.activeElement;
  if (!a || !a.matches(':focus-visible')) return false;
  for (let e = a, i = 0; e && i < 4; e = e.parentElement, i++) {
    const s = getComputedStyle(e);
    if ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
        || (e !== a && e.matches(':focus-within') && s.borderColor.includes('198, 40, 40'))) {
      return true;
    }
  }
  return false;
}"""


def tab_to(page, target, back: bool = False, most: int = 150) -> None:
    """Press Tab (Shift+Tab when `back`) until the keyboard focus is in `target`, and see that
    the focus is drawn."""
    key = "Shift+Tab" if back else "Tab"
    target = target.first
    for _ in range(most):
        if target.evaluate(FOCUSED_IN_JS):
            break
        page.keyboard.press(key)
    assert target.evaluate(FOCUSED_IN_JS), f"{key} × {most} never reached {target}"
    assert page.evaluate(FOCUS_SHOWN_JS), "the keyboard focus is not drawn"


def follow_link(page, title: str) -> None:
    """Reach a page's link in the sidebar with Shift+Tab and open it with Enter."""
    tab_to(page, page.locator(f"{SIDEBAR} a").filter(has_text=title), back=True)
    act.press(page, "Enter")


def type_choice(page, box, text: str) -> None:
    """In a focused multiselect: type to narrow the list, Enter takes the first match, Escape
    closes the list."""
    since = act.arm(page)
    page.keyboard.type(text)
    page.locator(act.OPEN_LIST).first.wait_for()
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    act.settle(page, since)


def test_keyboard_only_journey(browser, app_url):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
    context.set_default_timeout(90_000)
    page = context.new_page()
    try:
        act.goto(page, app_url + "/")
        page.locator("h1").first.click()  # the page has the keyboard; from here no mouse

        # The sidebar: a community, typed; the period's end three months earlier.
        box = act.widget(page, "stMultiSelect", "社区", SIDEBAR)
        tab_to(page, box.locator("input"), back=True)
        type_choice(page, box, "老城")
        assert box.locator("[data-tag]").count() == 1 and "老城" in box.inner_text()
        end = page.locator(f'{SIDEBAR} [data-testid="stSlider"] input[type="range"]').nth(1)
        tab_to(page, end)
        act.press_until(page, end, "ArrowLeft", "2022-03")
        assert "to=2022-03" in page.url
        # Each chart says in words what it shows and its extremes (its accessible name).
        names = page.locator('[data-testid="stVegaLiteChart"]').evaluate_all(
            "els => els.map(e => e.getAttribute('aria-label'))"
        )
        assert names and all(
            re.match(r"图表：.+(最高：.+最低：|各项均为)", n or "") for n in names
        ), names

        # 社会救助: the 低保 standard up two steps.
        follow_link(page, "社会救助")
        thumb = page.locator('[data-testid="stMain"] [data-testid="stSlider"] input').first
        tab_to(page, thumb)
        today = int(re.sub(r"\D", "", thumb.get_attribute("aria-valuetext")))
        act.press_until(page, thumb, "ArrowRight", lambda v: int(re.sub(r"\D", "", v)) > today)
        assert re.search(r"standard=\d+", page.url)
        assert "老城" in act.widget(page, "stMultiSelect", "社区", SIDEBAR).inner_text()
        # The map's section opened with the keyboard (Tab to its button, Enter), then the map's
        # facts as a table, switched on with Space: one more table on the page.
        # Streamlit's segmented control is one tab stop (the chosen option); the arrow keys move
        # between its options, as in any ARIA radio group.
        group = '[data-testid="stMain"] [data-testid="stButtonGroup"]'
        map_button = page.locator(f"{group} button").filter(has_text=re.compile("^救助对象分布$"))
        tab_to(page, page.locator(f'{group} button[aria-checked="true"]'), back=True)
        for _ in range(10):
            if map_button.first.evaluate(FOCUSED_IN_JS):
                break
            page.keyboard.press("ArrowRight")
        assert map_button.first.evaluate(FOCUSED_IN_JS), "the arrows never reached 救助对象分布"
        assert page.evaluate(FOCUS_SHOWN_JS), "the keyboard focus is not drawn"
        act.press(page, "Enter")
        assert "wel_sec=map" in page.url and re.search(r"standard=\d+", page.url)
        tables = page.locator('[data-testid="stMain"] [data-testid="stDataFrame"]').count()
        switch = page.locator('[data-testid="stCheckbox"]').filter(has_text="地图数据表")
        assert re.search(r"地图数据表（\d+ 行）", switch.inner_text())
        tab_to(page, switch.locator("input"))
        act.press(page, "Space")
        assert (
            page.locator('[data-testid="stMain"] [data-testid="stDataFrame"]').count() == tables + 1
        )

        # 服务网点: the type 警务室 typed, then a new point at its first uncovered compound.
        follow_link(page, "服务网点")
        kind = act.widget(page, "stSelectbox", "网点类型")
        tab_to(page, kind.locator("input"))
        type_choice(page, kind, "警务")
        assert kind.locator("input").input_value() == "警务室"
        add = act.widget(page, "stMultiSelect", "在未覆盖的小区新增")
        tab_to(page, add.locator("input"))
        page.keyboard.press("ArrowDown")  # opens the list (its first entry selects them all)
        compounds = page.locator(act.OPEN_LIST).first.get_by_role("option").all_inner_texts()
        site = next(c for c in compounds if "户" in c)
        type_choice(page, add, site)
        assert add.locator("[data-tag]").count() == 1 and "sp_add=" in page.url

        # 会议汇报: two screens with → and ←, then the deck from the 导出 menu.
        follow_link(page, "会议汇报")
        first = page.locator("h1").first.inner_text()
        act.press(page, "ArrowRight")
        second = page.locator("h1").first.inner_text()
        assert second != first and "topic=" in page.url
        act.press(page, "ArrowLeft")
        assert page.locator("h1").first.inner_text() == first
        tab_to(page, page.get_by_role("button", name="导出"))
        page.keyboard.press("Enter")
        pptx = page.get_by_role("button", name="PPTX")
        pptx.wait_for()
        tab_to(page, pptx)
        since = act.arm(page)
        with page.expect_download(timeout=60_000) as got:
            page.keyboard.press("Enter")
        act.settle(page, since)
        assert got.value.suggested_filename.endswith(".pptx")
        assert_no_exception(page)
    finally:
        context.close()
