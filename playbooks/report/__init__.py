"""The yearly 4P report: built once as a model, rendered as Markdown, HTML, DOCX or PDF.

``build_report`` reads the indicators (``playbooks.indicators``) and the chart series as of a
cut-off date and returns a ``Report`` of plain strings and bars; ``render`` lays it out in one
format. No figure is computed twice, and no name is ever read: the report holds counts only.
"""

from __future__ import annotations

from collections.abc import Callable

from playbooks.report.build import assemble, build_report
from playbooks.report.fonts import FONT_ENV, CjkFont, FontNotFound, find_cjk_font
from playbooks.report.model import Report

__all__ = ["FORMATS", "FONT_ENV", "CjkFont", "FontNotFound", "Report", "assemble", "build_report",
           "find_cjk_font", "render"]

FORMATS = ("md", "html", "docx", "pdf")


def _renderer(fmt: str) -> Callable[..., bytes]:
    # imported on demand: the PDF and DOCX writers and matplotlib load only when asked for
    if fmt == "md":
        from playbooks.report.render_md import render_md
        return render_md
    if fmt == "html":
        from playbooks.report.render_html import render_html
        return render_html
    if fmt == "docx":
        from playbooks.report.render_docx import render_docx
        return render_docx
    if fmt == "pdf":
        from playbooks.report.render_pdf import render_pdf
        return render_pdf
    raise ValueError(f"format {fmt!r}: give one of {', '.join(FORMATS)}")


def render(report: Report, fmt: str, *, font: CjkFont | None = None) -> bytes:
    """``report`` as the bytes of a ``fmt`` file (md, html, docx or pdf).

    Every format but Markdown draws charts, so it needs ``font`` (see ``find_cjk_font``).

    Raises:
        ValueError: an unknown format.
        FontNotFound: no font given for a format that draws.
    """
    renderer = _renderer(fmt)
    if fmt == "md":
        return renderer(report)
    if font is None:
        raise FontNotFound(f"the {fmt} report draws charts and needs a CJK font")
    return renderer(report, font)
