"""Every export against the role rules. The review exports (XLSX, PPTX, DOCX) are open to every
reader, so they must hold no personal data at all; the CSV export masks names and ID numbers
unless asked; templates, the problem workbook and backups are behind the data-management page
(editors; backups admins only — tests/app/test_access_pages.py); an import as a viewer is
refused and writes nothing."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from pptx import Presentation

from components.review.deck import build_deck
from components.review.files import deck_xlsx, summary_docx
from components.review.pptx_export import deck_pptx
from data_access.admin.users import User
from data_access.importing import run_import
from data_access.importing.templates import template
from data_access.models import DATA_TABLES
from data_access.privacy import mask
from data_access.review.summary import draft
from data_access.seeding import export, personal_columns, row_counts
from tests.conftest import SAMPLE_PERIOD, sample_rows


def _personal_values() -> set[str]:
    out = set()
    for table in DATA_TABLES:
        for row in sample_rows(table):
            for column, kind in personal_columns(table).items():
                if row.get(column):
                    out.add(row[column])
                    masked = mask(kind, row[column])
                    if len(masked) >= 3:
                        out.add(masked)
    return out


PERSONAL = _personal_values()
# Whole runs of CJK characters (names, masked with *) and ID-number shapes: a name is a cell or
# a text node of its own, so tokens match it exactly (李帅 is not found inside 李帅健) and fast.
_TOKEN = re.compile(r"[\u4e00-\u9fff*]{2,}|[0-9*]{14,17}[0-9X]")


def _leaked(text: str) -> set[str]:
    return set(_TOKEN.findall(text)) & PERSONAL


def _xml_text(data: bytes) -> str:
    """Every XML part of an Office file, as text (cells, runs, notes, chart labels)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "\n".join(
            z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")
        )


@pytest.fixture(scope="module")
def deck(engine):
    with engine.connect() as conn:
        return build_deck(conn, SAMPLE_PERIOD, "zh")


def test_the_search_can_find_personal_data():
    assert len(PERSONAL) > 100
    assert _leaked(_xml_text(template("welfare_households")))


def test_the_review_workbook_has_no_personal_data(deck):
    text = _xml_text(deck_xlsx(deck))
    assert "社区" in text and not _leaked(text)


def test_the_review_slides_have_no_personal_data(deck):
    data = deck_pptx(deck)
    assert len(Presentation(io.BytesIO(data)).slides) > 2
    text = _xml_text(data)
    assert not _leaked(text)


def test_the_summary_document_has_no_personal_data(engine):
    with engine.connect() as conn:
        text = _xml_text(summary_docx(draft(conn, SAMPLE_PERIOD, "zh")))
    assert not _leaked(text)


def test_the_csv_export_masks_every_personal_column(engine, tmp_path):
    export(engine, tmp_path, actor="test")
    text = "\n".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("*.csv"))
    assert not {v for v in _leaked(text) if "*" not in v}


def test_a_viewer_cannot_import(empty_engine):
    from data_access.seeding import seed

    seed(empty_engine)
    before = row_counts(empty_engine)
    result = run_import(
        empty_engine,
        "honours",
        template("honours"),
        "h.xlsx",
        User("v", "viewer"),
        dry_run=False,
    )
    assert result.problems and not result.written
    assert row_counts(empty_engine) == before
