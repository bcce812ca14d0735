"""The report as a Word document (python-docx), for Word and LibreOffice alike.

Built from python-docx's own template with its built-in styles only (Title, Heading 1-3,
table styles), so both programs show it as intended. Chinese text asks for a Traditional
Chinese font (Microsoft JhengHei, as on Windows in Taiwan); a program that lacks it
substitutes its own CJK font. Charts are the same PNGs as in the HTML and PDF.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as DocxTable

from playbooks.report.charts import chart_png
from playbooks.report.fonts import CjkFont
from playbooks.report.model import Block, Chart, Paragraph, Report, Table

__all__ = ["render_docx", "EAST_ASIAN_FONT", "LATIN_FONT"]

EAST_ASIAN_FONT = "Microsoft JhengHei"
LATIN_FONT = "Calibri"
_ACCENT = RGBColor(0x1F, 0x4E, 0x79)
_MUTED = RGBColor(0x59, 0x59, 0x59)
_TEXT_CM = 16.6  # A4 less margins of 2.2 cm
_CELL_PT = 9
_LINE = int(_TEXT_CM / 2.54 * 72 / (_CELL_PT * 0.55)) - 8  # Latin characters across the text, less cell padding


def _fonts(document: Document) -> None:
    """Latin and East Asian fonts on every style text is written in."""
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Caption"):
        style = document.styles[name]
        style.font.name = LATIN_FONT
        r_pr = style.element.get_or_add_rPr()
        fonts = r_pr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = r_pr.makeelement(qn("w:rFonts"), {})
            r_pr.append(fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attr), LATIN_FONT)
        fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)
    document.styles["Normal"].font.size = Pt(10.5)
    for name in ("Title", "Heading 1", "Heading 2"):
        document.styles[name].font.color.rgb = _ACCENT


def _shade(cell: object, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shd = tc_pr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill})
    tc_pr.append(shd)


def _repeat_header(table: DocxTable) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))


def _table(document: Document, table: Table) -> None:
    out = document.add_table(rows=1, cols=len(table.columns))
    out.style = document.styles["Table Grid"]
    out.alignment = WD_TABLE_ALIGNMENT.CENTER
    out.autofit = False
    widths = [Cm(_TEXT_CM * share) for share in table.shares(line=_LINE)]
    for cell, text, numeric in zip(out.rows[0].cells, table.columns, table.numeric):
        run = cell.paragraphs[0].add_run(text)
        run.bold, run.font.color.rgb, run.font.size = True, RGBColor(0xFF, 0xFF, 0xFF), Pt(_CELL_PT)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT if numeric else WD_ALIGN_PARAGRAPH.LEFT
        _shade(cell, "1F4E79")
    _repeat_header(out)
    for column, width in zip(out.columns, widths):
        column.width = width  # the table grid: what LibreOffice reads
    for cell, width in zip(out.rows[0].cells, widths):
        cell.width = width  # the cells: what Word reads
    for i, row in enumerate(table.rows):
        cells = out.add_row().cells
        for j, (cell, text, numeric) in enumerate(zip(cells, row, table.numeric)):
            cell.width = widths[j]
            para = cell.paragraphs[0]
            para.add_run(text).font.size = Pt(_CELL_PT)
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT if numeric else WD_ALIGN_PARAGRAPH.LEFT
            if j == 0 and table.level(i):
                para.paragraph_format.left_indent = Cm(0.5 * table.level(i))
            if i % 2:
                _shade(cell, "F3F6F9")
    document.add_paragraph()


def _chart(document: Document, chart: Chart, font: CjkFont) -> None:
    document.add_heading(chart.title, level=3)
    document.add_picture(io.BytesIO(chart_png(chart, font)), width=Cm(_TEXT_CM))
    if chart.note:
        run = document.add_paragraph().add_run(chart.note)
        run.italic, run.font.size, run.font.color.rgb = True, Pt(9), _MUTED


def _block(document: Document, block: Block, font: CjkFont) -> None:
    if isinstance(block, Paragraph):
        if block.text:
            document.add_paragraph(block.text)
    elif isinstance(block, Table):
        _table(document, block)
    elif isinstance(block, Chart):
        _chart(document, block, font)
    else:
        raise TypeError(f"no DOCX for {type(block).__name__}")


def _cover(document: Document, report: Report) -> None:
    cover = report.cover
    document.add_paragraph().paragraph_format.space_before = Cm(5)
    document.add_paragraph(cover.title, style="Title")
    sub = document.add_paragraph().add_run(cover.subtitle)
    sub.font.size, sub.font.color.rgb = Pt(13), _MUTED
    fields = document.add_table(rows=0, cols=2)
    for label, value in cover.fields:
        cells = fields.add_row().cells
        cells[0].paragraphs[0].add_run(label).font.color.rgb = _MUTED
        cells[1].paragraphs[0].add_run(value).bold = True
    note = document.add_paragraph()
    note.paragraph_format.space_before = Cm(1)
    run = note.add_run(cover.note)
    run.italic, run.font.size = True, Pt(9)
    note.add_run().add_break(WD_BREAK.PAGE)


def render_docx(report: Report, font: CjkFont) -> bytes:
    """The report as a .docx file; ``font`` draws the charts."""
    document = Document()
    _fonts(document)
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)  # A4
    section.left_margin = section.right_margin = Cm(2.2)
    props = document.core_properties
    props.title, props.author, props.language = report.cover.title, "tipgraph", report.lang
    props.created = props.modified = report.generated_at
    _cover(document, report)
    for part in report.sections:
        if part.id == "appendix":
            document.add_page_break()  # the definitions read as a table of their own
        document.add_heading(part.title, level=1)
        for block in part.blocks:
            _block(document, block, font)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
