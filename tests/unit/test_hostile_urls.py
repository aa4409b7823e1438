"""Every page parameter's parser, fed random text and SQL fragments, returns a value or refuses
with a reason (BadValue) — nothing else escapes. The pages themselves under hostile links are
in tests/app/test_hostile_links.py."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from components.registry import PAGES, BadValue

PARAMS = [(spec.url_path, p) for spec in PAGES for p in spec.params]
HOSTILE = st.one_of(
    st.text(max_size=80),
    st.sampled_from(
        [
            "' OR 1=1 --",
            "1; DROP TABLE communities",
            "%00",
            "\x00",
            "<script>alert(1)</script>",
            "9" * 500,
            "-1",
            "1e999",
            "nan",
            "inf",
            "０１",
            "",
        ]
    ),
)


def test_there_are_page_parameters_to_check():
    assert len(PARAMS) >= 5


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PARAMS), HOSTILE)
def test_a_parser_returns_a_value_or_refuses_with_a_reason(page_param, raw):
    _, param = page_param
    try:
        value = param.parse(raw)
    except BadValue as err:
        assert err.reason
    else:
        # What a parser lets through can be written back to a link.
        assert isinstance(param.to_url(value if not param.multiple else (value,)), list)
