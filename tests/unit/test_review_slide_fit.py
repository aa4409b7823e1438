"""Every text box of the deck holds its text (PowerPoint does not shrink text to fit): measured
with the CJK font at the boxes' sizes, in both languages, for the county and one community."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from components.review.deck import build_deck
from components.review.pptx_export import deck_pptx
from data_access.filters import Filters
from tests.conftest import EAST, SAMPLE_PERIOD
from tests.review_render import FONT, text_boxes

pytestmark = pytest.mark.skipif(not Path(FONT).exists(), reason="fonts-noto-cjk not installed")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("f", [SAMPLE_PERIOD, Filters((EAST,), (), "2022-01", "2022-06")])
def test_no_text_overflows_its_box(engine, lang, f):
    import io

    with engine.connect() as conn:
        data = deck_pptx(build_deck(conn, f, lang))
    prs = Presentation(io.BytesIO(data))
    too_long = []
    for number, slide in enumerate(prs.slides, start=1):
        for _, paras, needed, height, _ in text_boxes(slide):
            if needed > height * 1.05:
                too_long.append((number, [p[0] for p in paras], round(needed), height))
    assert too_long == []
