"""Role rules on every registered page: a signed-in viewer sees no personal data at all (no
roster, masked or not), an editor sees only the masked people of their own communities; nobody
sees a name or ID number in clear. Everything a page sends is read: tables, text, charts and
map layers (their tooltips). The exports a page offers follow the same rule."""

from __future__ import annotations

import pytest
from google.protobuf import text_format
from streamlit.testing.v1 import AppTest

from components.auth import SESSION_KEY
from components.registry import PAGES, SECTIONS
from data_access.admin.users import User
from data_access.models import DATA_TABLES
from data_access.privacy import mask_id_number, mask_name
from data_access.seeding import personal_columns
from tests.app.conftest import APP, assert_clean
from tests.conftest import OLD_TOWN, sample_rows

VIEWER = User("reader", "viewer")
EDITOR = User("clerk", "editor", (OLD_TOWN,))


def _people() -> tuple[set[str], set[str], set[str]]:
    """(names and ID numbers in clear, masked values of OLD_TOWN's people, masked values of
    people of other communities). Masked two-character names (王*) are too short to search."""
    clear, own, other = set(), set(), set()
    for table in DATA_TABLES:
        # Names and ID numbers: a birth year is no one's, and is found in any text.
        columns = {c: kind for c, kind in personal_columns(table).items() if kind != "birth_date"}
        if not columns:
            continue
        for row in sample_rows(table):
            for column, kind in columns.items():
                value = row.get(column)
                if not value:
                    continue
                clear.add(value)
                masked = mask_name(value) if kind == "name" else mask_id_number(value)
                if len(masked) < 3:
                    continue
                community = row.get("community_code")
                (own if community == OLD_TOWN else other if community else set()).add(masked)
    return clear, own, other - own


CLEAR, OWN, OTHER = _people()


def _sent(node) -> list[str]:
    """Every string a page sent: tables cell by cell, other elements as their messages."""
    out: list[str] = []
    if type(node).__name__ == "Dataframe":
        frame = node.value
        out += [str(v) for v in frame.astype(str).to_numpy().ravel()]
        out += [str(c) for c in frame.columns]
    elif getattr(node, "proto", None) is not None and not hasattr(node, "children"):
        out.append(text_format.MessageToString(node.proto, as_utf8=True))
    for child in getattr(node, "children", {}).values():
        out += _sent(child)
    return out


def _open(page: str, user: User) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.session_state[SESSION_KEY] = user
    at.run()
    at.switch_page(page)
    return at.run()


def _sent_in_every_section(at: AppTest, page: str) -> list[str]:
    """What the page sent in its first screen and each of its sections (drawn one at a time)."""
    sent = _sent(at._tree)
    param, codes = SECTIONS.get(page, ("", ()))
    for code in codes[1:]:
        if not any(g.key == f"pw_{param}" for g in at.button_group):
            break  # refused or empty: no sections drawn
        at.button_group(key=f"pw_{param}").set_value(code).run()
        assert_clean(at)
        sent += _sent(at._tree)
    return sent


def _found(texts: list[str], values: set[str]) -> set[str]:
    blob = "\n".join(texts)
    return {v for v in values if v in blob}


def test_the_sample_has_people_on_both_sides():
    assert len(OWN) > 20 and len(OTHER) > 20 and len(CLEAR) > 100


@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.url_path or "overview")
def test_a_viewer_sees_no_personal_data_on_any_page(spec):
    at = _open(spec.file, VIEWER)
    assert_clean(at)
    sent = _sent_in_every_section(at, spec.file)
    assert not _found(sent, CLEAR)
    assert not _found(sent, OWN | OTHER)
    if spec.role != "viewer":  # the page itself is refused: the sign-in form says why
        assert any("auth" in (w.key or "") for w in at.text_input) or at.warning


@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.url_path or "overview")
def test_an_editor_sees_only_their_own_communitys_people_masked(spec):
    at = _open(spec.file, EDITOR)
    assert_clean(at)
    sent = _sent_in_every_section(at, spec.file)
    assert not _found(sent, CLEAR)
    assert not _found(sent, OTHER)


def test_the_welfare_roster_is_there_for_the_editor_so_the_check_can_fail():
    at = _open("pages/welfare.py", EDITOR)
    assert len(_found(_sent_in_every_section(at, "pages/welfare.py"), OWN)) > 10
