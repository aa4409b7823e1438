"""Government bodies named in the data read in the reader's language."""

from __future__ import annotations

from data_access.text import organisation


def test_a_known_body_reads_in_english_and_an_unknown_one_as_recorded():
    assert organisation("县民政局", "en") == "County Civil Affairs Bureau"
    assert organisation(" 县民政局 ", "en") == "County Civil Affairs Bureau"
    assert organisation("县民政局", "zh") == "县民政局"
    assert organisation("某某协会", "en") == "某某协会"
    assert organisation(None, "en") == ""


def test_every_body_of_the_sample_county_has_an_english_name():
    from data_access.text.locale.organisations import ORGANISATIONS
    from tests.conftest import sample_rows

    named = {r["awarded_by"] for r in sample_rows("honours")}
    named |= {r["responsible_dept"] for r in sample_rows("facilities") if r["responsible_dept"]}
    assert named - set(ORGANISATIONS) == set()
