"""The problem workbook of an XLSX upload hands back the upload's values only: a cell that was a
live formula (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`, a reference into another workbook) comes
back as quote-prefixed text with the same characters, and no hyperlink, external link or
defined name of the upload is in the file; the bad cells are still red with their reason."""

from __future__ import annotations

import io
import re
import zipfile

from openpyxl import Workbook, load_workbook
from openpyxl.workbook.defined_name import DefinedName

from data_access.importing import Problem
from data_access.importing.templates import problems_workbook

LIVE = ['=HYPERLINK("http://evil.example/x","点我")', "=cmd|' /C calc'!A0",
        "='[other.xlsx]Sheet1'!A1", "=SUM(1,2)"]  # fmt: skip


def _hostile_upload() -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = "低保"
    ws.append(["户编号", "户主姓名", "保障人数"])
    for n, formula in enumerate(LIVE, start=1):
        ws.append([f"H{n}", formula, n])
    ws["A2"].hyperlink = "http://evil.example/link"
    book.defined_names["evil"] = DefinedName("evil", attr_text="'低保'!$A$1")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_marked_upload_has_no_formula_link_or_name():
    upload = _hostile_upload()
    problems = [Problem(3, "户主姓名", LIVE[1], "不是姓名")]
    data = problems_workbook(upload, problems)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        xml = {n: z.read(n).decode("utf-8", "replace") for n in names if n.endswith(".xml")}
        rels = [z.read(n).decode() for n in names if n.endswith(".rels")]
    assert not [n for n in names if "externalLink" in n]
    for name, text in xml.items():
        assert not re.search(r"<(\w+:)?f[ >]", text), name  # no formula element anywhere
        assert "<hyperlink" not in text and "<definedName " not in text, name
    assert not any("evil.example" in r or "hyperlink" in r for r in rels)

    book = load_workbook(io.BytesIO(data))
    listing, copy = book.worksheets
    values = [copy.cell(row=r, column=2) for r in range(2, 2 + len(LIVE))]
    assert [c.value for c in values] == LIVE
    assert all(c.data_type == "s" and c.quotePrefix for c in values)
    assert copy.cell(row=3, column=2).fill.fgColor.rgb.endswith("FFC7CE")
    assert copy.cell(row=3, column=2).comment.text == "不是姓名"
    assert copy.cell(row=2, column=3).value == 1  # numbers stay numbers
    assert listing.cell(row=2, column=3).value == LIVE[1]
    assert listing.cell(row=2, column=3).data_type == "s"
