"""A rough PPTX renderer for checks (there is no LibreOffice here): draws each slide's text boxes
(wrapped with the CJK font at their point sizes), rectangles and pictures with PIL, and measures
whether each text box's wrapped text fits its height. PowerPoint wraps and spaces a little
differently; the check leaves a margin for that."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont
from pptx import Presentation
from pptx.util import Emu

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
DPI = 96
LINE = 1.2  # line height / font size (PowerPoint's single spacing is about this)


def _px(emu: int) -> int:
    return round(Emu(emu).inches * DPI)


def _font(points: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT, max(1, round(points * DPI / 72)), index=2)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Lines as a word-wrapping box breaks them (by character for CJK, by word otherwise)."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for token in _tokens(para):
            if font.getlength(line + token) <= width or not line:
                line += token
            else:
                lines.append(line.rstrip())
                line = token.lstrip()
        lines.append(line)
    return lines


def _tokens(text: str) -> list[str]:
    out, word = [], ""
    for ch in text:
        if ord(ch) > 0x2E80:  # CJK: a break is allowed anywhere
            if word:
                out.append(word)
                word = ""
            out.append(ch)
        elif ch == " ":
            out.append(word + " ")
            word = ""
        else:
            word += ch
    if word:
        out.append(word)
    return out


def text_boxes(slide):
    """(shape, [(text, points)], needed height px, box height px, inner width px)."""
    for shape in slide.shapes:
        if not shape.has_text_frame or not shape.text_frame.text.strip():
            continue
        frame = shape.text_frame
        inner = _px(shape.width) - _px(frame.margin_left) - _px(frame.margin_right)
        paras, needed = [], _px(frame.margin_top) + _px(frame.margin_bottom)
        for p in frame.paragraphs:
            size = max((r.font.size.pt for r in p.runs if r.font.size), default=18)
            text = "".join(r.text for r in p.runs)
            paras.append((text, size))
            needed += len(wrap(text, _font(size), inner)) * size * LINE * DPI / 72
        yield shape, paras, needed, _px(shape.height), inner


def render(data: bytes) -> list[Image.Image]:
    prs = Presentation(io.BytesIO(data))
    page = (_px(prs.slide_width), _px(prs.slide_height))
    images = []
    for slide in prs.slides:
        img = Image.new("RGB", page, "white")
        draw = ImageDraw.Draw(img)
        for shape in slide.shapes:
            box = (
                _px(shape.left),
                _px(shape.top),
                _px(shape.left + shape.width),
                _px(shape.top + shape.height),
            )
            if shape.shape_type == 13:  # picture
                pic = Image.open(io.BytesIO(shape.image.blob)).convert("RGB")
                img.paste(pic.resize((box[2] - box[0], box[3] - box[1])), box[:2])
            elif shape.shape_type == 1:  # autoshape (a card)
                fill = shape.fill.fore_color.rgb if shape.fill.type == 1 else None
                line = shape.line.color.rgb if shape.line.fill.type == 1 else None
                draw.rectangle(
                    box,
                    fill=f"#{fill}" if fill else None,
                    outline=f"#{line}" if line else None,
                    width=3,
                )
        for shape, _, _, _, inner in text_boxes(slide):
            frame = shape.text_frame
            y = _px(shape.top) + _px(frame.margin_top)
            x0 = _px(shape.left) + _px(frame.margin_left)
            for p in frame.paragraphs:
                runs = [r for r in p.runs if r.text]
                if not runs:
                    continue
                run = runs[0]
                size = run.font.size.pt if run.font.size else 18
                font = _font(size)
                colour = (
                    f"#{run.font.color.rgb}" if run.font.color and run.font.color.type else "#000"
                )
                for line in wrap("".join(r.text for r in runs), font, inner):
                    width = font.getlength(line)
                    align = p.alignment
                    x = x0
                    if align is not None and int(align) == 2:  # centre
                        x = x0 + (inner - width) / 2
                    elif align is not None and int(align) == 3:  # right
                        x = x0 + inner - width
                    draw.text((x, y), line, font=font, fill=colour)
                    y += size * LINE * DPI / 72
        images.append(img)
    return images
