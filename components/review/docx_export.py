"""The drafted work summary as a DOCX a county office would hand on (python-docx).

Laid out as offices lay out a 工作总结 (GB/T 9704 for 公文 in spirit): A4 with 37/35/28/26 mm
margins; the title in 黑体 (2号, 22 pt) centred; the body in 仿宋 (3号, 16 pt) at a fixed 28 pt
line, first lines indented two characters; the headings 一、二、三… in 黑体 at body size. Fonts are
named for East Asian text (`w:eastAsia`) with Latin fallbacks (Times New Roman for digits and
English); where 黑体 / 仿宋 are missing Word and LibreOffice substitute a CJK font rather than
draw boxes. Headings are direct formatting on Normal paragraphs (no Word "Heading" style: its
theme colours turn them blue). The document's author is the issuing office, not the library.
"""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from data_access.review.summary import Summary

# East Asian fonts of headings and body: 黑体 and 仿宋 by the names Word and LibreOffice match on
# every system (SimHei, FangSong), so no substitution table is needed on a Chinese Windows PC.
HEI, FANG = "SimHei", "FangSong"
LATIN = "Times New Roman"
TITLE_PT, BODY_PT, LINE_PT = 22, 16, 28
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
INK = RGBColor(0, 0, 0)


def _font(run, east_asian: str, size: int, bold: bool = False) -> None:
    run.font.name = LATIN
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = INK
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asian)


def _paragraph(doc, text: str, east_asian: str, size: int, *, indent: bool, align=None):
    para = doc.add_paragraph()
    fmt = para.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PT)
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(2 * BODY_PT)  # two characters
    if align is not None:
        para.alignment = align
    _font(para.add_run(text), east_asian, size)
    return para


def summary_docx(summary: Summary) -> bytes:
    """The DOCX file's bytes: title, scope, opening, then 一、… headings with their paragraphs
    (存在问题 and 下一步工作 among them), and the date line."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side, mm in MARGINS_MM.items():
        setattr(section, f"{side}_margin", Mm(mm))
    normal = doc.styles["Normal"]
    normal.font.name = LATIN
    normal.font.size = Pt(BODY_PT)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FANG)

    title = _paragraph(doc, summary.title, HEI, TITLE_PT, indent=False)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.line_spacing = Pt(36)
    title.paragraph_format.space_after = Pt(LINE_PT)
    scope = _paragraph(doc, summary.scope, FANG, 12, indent=False)
    scope.alignment = WD_ALIGN_PARAGRAPH.CENTER
    scope.paragraph_format.space_after = Pt(LINE_PT / 2)
    if summary.opening:
        _paragraph(doc, summary.opening, FANG, BODY_PT, indent=True)
    for i, p in enumerate(summary.paragraphs):
        _paragraph(doc, summary.heading(i), HEI, BODY_PT, indent=True)
        _paragraph(doc, p.text, FANG, BODY_PT, indent=True)

    props = doc.core_properties
    props.author = props.last_modified_by = summary.author
    props.title = summary.title
    props.comments = summary.scope
    props.created = props.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
