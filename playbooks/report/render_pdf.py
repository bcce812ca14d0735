"""The report as PDF (reportlab), with the CJK TrueType font embedded (subset) in the file.

A4, a cover page, then the sections with running footer and page numbers. Every piece of
text is set in the one CJK font (it carries Latin letters too), so nothing depends on the
reader's fonts. Output is reproducible: reportlab's invariant mode writes no timestamps.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (Flowable, HRFlowable, Image, KeepTogether, PageBreak, SimpleDocTemplate, Spacer,
                                Table as PdfTable, TableStyle)
from reportlab.platypus import Paragraph as PdfParagraph
from xml.sax.saxutils import escape

from playbooks.report.charts import chart_png
from playbooks.report.fonts import CjkFont, FontNotFound
from playbooks.report.model import Block, Chart, Paragraph, Report, Table

__all__ = ["render_pdf", "FONT_NAME"]

FONT_NAME = "TipgraphCJK"
_ACCENT = colors.HexColor("#1f4e79")
_INK = colors.HexColor("#262626")
_MUTED = colors.HexColor("#595959")
_RULE = colors.HexColor("#d9d9d9")
_BAND = colors.HexColor("#f3f6f9")
_MARGIN = 2 * cm
_WIDTH = A4[0] - 2 * _MARGIN - 12  # the frame's text width: 6 pt of padding each side


def _register(font: CjkFont) -> None:
    if FONT_NAME in pdfmetrics.getRegisteredFontNames():
        registered = pdfmetrics.getFont(FONT_NAME)
        if getattr(registered, "_tipgraph_source", None) == font:
            return
    try:
        ttf = TTFont(FONT_NAME, str(font.path), subfontIndex=font.index)
    except Exception as e:  # reportlab raises bare TTFError and others for files it cannot use
        raise FontNotFound(f"{font.path} cannot be embedded ({type(e).__name__}: {e})") from e
    ttf._tipgraph_source = font  # type: ignore[attr-defined]
    pdfmetrics.registerFont(ttf)


def _styles(lang: str) -> dict[str, ParagraphStyle]:
    wrap = "CJK" if lang == "zh-TW" else None
    base = ParagraphStyle("body", fontName=FONT_NAME, fontSize=10, leading=15.5, textColor=_INK,
                          wordWrap=wrap, spaceAfter=6)
    return {
        "body": base,
        "title": ParagraphStyle("title", base, fontSize=24, leading=32, textColor=_ACCENT, spaceAfter=10),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=13, leading=19, textColor=_MUTED, spaceAfter=28),
        "h1": ParagraphStyle("h1", base, fontSize=16, leading=22, textColor=_ACCENT, spaceBefore=14, spaceAfter=2),
        "h3": ParagraphStyle("h3", base, fontSize=11, leading=16, spaceBefore=10, spaceAfter=4),
        "note": ParagraphStyle("note", base, fontSize=8.5, leading=13, textColor=_MUTED),
        "cell": ParagraphStyle("cell", base, fontSize=8.5, leading=12, spaceAfter=0),
        "num": ParagraphStyle("num", base, fontSize=8.5, leading=12, spaceAfter=0, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", base, fontSize=8.5, leading=12, spaceAfter=0, textColor=colors.white,
                               alignment=TA_LEFT),
        "headnum": ParagraphStyle("headnum", base, fontSize=8.5, leading=12, spaceAfter=0, textColor=colors.white,
                                  alignment=TA_RIGHT),
    }


def _p(text: str, style: ParagraphStyle) -> PdfParagraph:
    return PdfParagraph(escape(text), style)


def _widths(table: Table, font_size: float = 8.5) -> list[float]:
    """Column widths: narrow columns (numbers, units) as wide as their text, the rest share what is left."""
    def width(text: str) -> float:
        return pdfmetrics.stringWidth(text, FONT_NAME, font_size) + 14  # cell padding, both sides

    natural = [max(width(t) for t in [table.columns[j], *(r[j] for r in table.rows)]) for j in range(len(table.columns))]
    narrow = [w <= _WIDTH * 0.2 for w in natural]
    left = _WIDTH - sum(w for w, n in zip(natural, narrow) if n)
    weights = [0.0 if n else w ** 0.5 for w, n in zip(natural, narrow)]  # long text wraps; the square root shares fairly
    if not sum(weights) or left <= 0:
        return [_WIDTH * w / sum(natural) for w in natural]
    return [w if n else left * k / sum(weights) for w, n, k in zip(natural, narrow, weights)]


def _table(table: Table, styles: dict[str, ParagraphStyle]) -> PdfTable:
    head = [_p(c, styles["headnum" if n else "head"]) for c, n in zip(table.columns, table.numeric)]
    body = []
    for i, row in enumerate(table.rows):
        cells = [_p(c, styles["num" if n else "cell"]) for c, n in zip(row, table.numeric)]
        if table.level(i):
            cells[0] = PdfParagraph(escape(row[0]), ParagraphStyle("indent", styles["cell"],
                                                                   leftIndent=0.45 * cm * table.level(i)))
        body.append(cells)
    out = PdfTable([head, *body], colWidths=_widths(table), repeatRows=1, hAlign="LEFT")
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), _ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, _RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    commands += [("BACKGROUND", (0, r), (-1, r), _BAND) for r in range(2, len(body) + 1, 2)]
    out.setStyle(TableStyle(commands))
    return out


def _chart(chart: Chart, font: CjkFont, styles: dict[str, ParagraphStyle]) -> Flowable:
    png = chart_png(chart, font)
    w, h = ImageReader(io.BytesIO(png)).getSize()
    parts: list[Flowable] = [_p(chart.title, styles["h3"]),
                             Image(io.BytesIO(png), width=_WIDTH, height=_WIDTH * h / w)]
    if chart.note:
        parts.append(_p(chart.note, styles["note"]))
    return KeepTogether(parts + [Spacer(1, 8)])


def _block(block: Block, font: CjkFont, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    if isinstance(block, Paragraph):
        return [_p(block.text, styles["body"])] if block.text else []
    if isinstance(block, Table):
        return [_table(block, styles), Spacer(1, 10)]
    if isinstance(block, Chart):
        return [_chart(block, font, styles)]
    raise TypeError(f"no PDF for {type(block).__name__}")


def _cover(report: Report, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    cover = report.cover
    fields = PdfTable([[_p(k, ParagraphStyle("k", styles["body"], textColor=_MUTED)), _p(v, styles["body"])]
                       for k, v in cover.fields], colWidths=[4.2 * cm, _WIDTH - 4.2 * cm], hAlign="LEFT")
    fields.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return [Spacer(1, 6 * cm), _p(cover.title, styles["title"]),
            HRFlowable(width="100%", thickness=2.5, color=_ACCENT, spaceBefore=2, spaceAfter=12),
            _p(cover.subtitle, styles["subtitle"]), fields, Spacer(1, 1.2 * cm), _p(cover.note, styles["note"]),
            PageBreak()]


def _footer(title: str) -> Callable[[Canvas, SimpleDocTemplate], None]:
    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT_NAME, 8)
        canvas.setFillColor(_MUTED)
        canvas.setStrokeColor(_RULE)
        canvas.line(_MARGIN, 1.45 * cm, A4[0] - _MARGIN, 1.45 * cm)
        canvas.drawString(_MARGIN, 1.0 * cm, title)
        canvas.drawRightString(A4[0] - _MARGIN, 1.0 * cm, str(doc.page))
        canvas.restoreState()
    return draw


def render_pdf(report: Report, font: CjkFont) -> bytes:
    """The report as a PDF file, ``font`` embedded; raises ``FontNotFound`` if it cannot be embedded."""
    _register(font)
    styles = _styles(report.lang)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=_MARGIN, rightMargin=_MARGIN, topMargin=_MARGIN,
                            bottomMargin=2.2 * cm, title=report.cover.title, author="tipgraph",
                            subject=report.cover.subtitle, lang=report.lang, invariant=1)
    story: list[Flowable] = _cover(report, styles)
    for section in report.sections:
        if section.id == "appendix":
            story.append(PageBreak())  # the definitions read as a table of their own
        heading = [_p(section.title, styles["h1"]),
                   HRFlowable(width="100%", thickness=0.6, color=_RULE, spaceBefore=0, spaceAfter=8)]
        blocks = list(section.blocks)
        if blocks and isinstance(blocks[0], Paragraph):  # a heading never ends a page alone
            heading += _block(blocks.pop(0), font, styles)
        story.append(KeepTogether(heading))
        for block in blocks:
            story.extend(_block(block, font, styles))
    doc.build(story, onLaterPages=_footer(report.cover.title))
    return buf.getvalue()
