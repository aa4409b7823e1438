"""Journey: the dashboard on the projector at a review meeting. The presenter opens 会议汇报,
turns the screens with the arrow keys and the buttons (one topic at a time), ranks the
communities by another figure, jumps to the drafted summary, downloads the deck and the summary,
shares the view and leaves presentation mode. No exception box, no request leaves 127.0.0.1, no
card text cut off at 1920×1080 or 1280×720."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from pptx import Presentation

from data_access.review.topics import TOPICS
from tests.e2e import act
from tests.e2e.conftest import assert_no_exception, card_value, screenshot
from tests.e2e.overflow import cut_off_texts


def title(page) -> str:
    return page.locator("h1").first.inner_text().strip()


def cards(page) -> int:
    return page.locator('[data-testid="stMetric"]').count()


def select(page, label: str, option: str) -> None:
    act.choose(page, act.widget(page, "stSelectbox", label), option)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_presentation_shows_one_topic_at_a_time(browser, app_url, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="zh-CN")
    page = context.new_page()
    from tests.e2e.conftest import PageWatch

    page.watch = PageWatch(page)
    try:
        act.goto(page, app_url + "/review")
        assert_no_exception(page)
        assert title(page) == "会议汇报 · 总体情况"
        assert cards(page) == len(TOPICS[0].cards)
        assert not page.locator('[data-testid="stSidebar"]').is_visible()  # presentation mode
        assert card_value(page, "便民服务网点") == "138个"
        assert cut_off_texts(page) == []
        screenshot(page, f"review-{size[0]}x{size[1]}")

        # Keyboard: → next topic, ← back (Streamlit's button shortcuts).
        page.locator("h1").first.click()  # focus the page, not a widget
        act.press(page, "ArrowRight")
        assert title(page) == "会议汇报 · 社区服务网点"
        assert cards(page) == len(TOPICS[1].cards)
        assert "topic=service" in page.url
        act.press(page, "ArrowLeft")
        assert title(page) == "会议汇报 · 总体情况"
        assert "topic=" not in page.url
        assert page.watch.outside_requests() == []
        assert page.watch.errors == []
    finally:
        context.close()


def test_review_every_control(page, app_url, tmp_path):
    page.set_viewport_size({"width": 1920, "height": 1080})
    act.goto(page, app_url + "/review")

    # Control 1: the next button walks through every topic, one at a time.
    seen = []
    for topic in TOPICS[1:]:
        act.click(page, page.get_by_role("button", name="下一页"), quiet_ms=800)
        assert f"topic={topic.key}" in page.url
        assert cards(page) == len(topic.cards)
        seen.append(title(page))
        assert_no_exception(page)
    assert len(set(seen)) == len(TOPICS) - 1
    # Control 2: previous.
    act.click(page, page.get_by_role("button", name="上一页"), quiet_ms=800)
    assert f"topic={TOPICS[-2].key}" in page.url

    # Control 3: the ranking's figure (employment: the 4050 placements).
    select(page, "跳转到", "劳动就业")
    assert "topic=employment" in page.url
    ranked = page.locator('[data-testid="stVegaLiteChart"]').first  # the ranking chart
    before = ranked.inner_text()
    assert "低保" not in before and "人" in before
    select(page, "排名指标", "“4050”人员就业")
    assert "rank=placed_4050" in page.url
    assert ranked.inner_text() != before
    # The PNG is the chart of the figure chosen on screen, named with area and period.
    act.click(page, page.get_by_role("button", name="导出"))
    png = act.download(page, page.get_by_role("button", name="本页图表 PNG"))
    assert (
        "4050" in png.suggested_filename and "全部社区_2021-07至2022-06" in png.suggested_filename
    )
    assert Path(png.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page.keyboard.press("Escape")

    # Control 4: jump to the summary; its DOCX download.
    select(page, "跳转到", "工作总结（草稿）")
    assert cards(page) == 0
    text = page.locator(".review-summary").inner_text()
    assert "社区服务网点138个" in text and "为1,276名低保对象" in text
    document = docx.Document(
        act.download_path(page, page.get_by_role("button", name="下载总结草稿（DOCX）"))
    )
    assert "社区服务网点138个" in "\n".join(p.text for p in document.paragraphs)
    screenshot(page, "review-summary")

    # Controls 5-7: the deck and the tables downloads (made on click), in the 导出 popover at the
    # top; their names carry the area and the period.
    select(page, "跳转到", "总体情况")
    act.click(page, page.get_by_role("button", name="导出"))
    deck = act.download(page, page.get_by_role("button", name="PPTX"))
    assert deck.suggested_filename == "社区建设工作汇报_全部社区_2021-07至2022-06.pptx"
    prs = Presentation(deck.path())
    assert len(prs.slides) == len(TOPICS) + 2
    for name in ("PDF", "XLSX"):
        head = act.download_path(page, page.get_by_role("button", name=name)).read_bytes()[:4]
        assert head == (b"%PDF" if name == "PDF" else b"PK\x03\x04")
    page.keyboard.press("Escape")

    # Control 8: share this view.
    act.click(page, page.get_by_role("button", name="分享此视图"))
    code = page.locator('[data-testid="stCode"]').first
    code.wait_for()
    assert code.inner_text().strip().startswith(app_url + "/review")

    # Control 9: leave presentation mode: the sidebar (the filters) comes back.
    page.keyboard.press("Escape")
    act.click(page, page.get_by_text("演示模式"), quiet_ms=800)
    assert "present=0" in page.url
    assert page.locator('[data-testid="stSidebar"]').is_visible()
    assert_no_exception(page)
    # Out of presentation mode the topic's table (as in the XLSX) opens under the ranking.
    tables = page.locator('[data-testid="stDataFrame"]')
    visible = sum(tables.nth(i).is_visible() for i in range(tables.count()))
    act.click(page, page.get_by_text("本页数据表"), quiet_ms=600)
    assert sum(tables.nth(i).is_visible() for i in range(tables.count())) == visible + 1
    assert page.watch.outside_requests() == []
    assert page.watch.errors == []
