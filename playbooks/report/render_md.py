"""The report as Markdown: GitHub-flavoured tables, charts as their data tables.

Markdown has no pictures of its own, so each chart is written as the table it is drawn from.
The text is reproducible: the same report model gives the same bytes.
"""

from __future__ import annotations

import re

from playbooks.report.model import Block, Chart, Paragraph, Report, Table

__all__ = ["render_md"]

_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_INDENT = "\u3000"  # an ideographic space: Markdown keeps it, and it reads as indentation in both scripts


def _escape(text: str) -> str:
    """Text safe inside a table cell or a paragraph: no pipes, no line breaks, no HTML tags.

    ``<5`` stays as it is (no tag starts with a digit); ``<b>`` becomes ``&lt;b>``.
    """
    out = _TAG_START.sub("&lt;", text.replace("\\", "\\\\").replace("|", "\\|"))
    return " ".join(out.split())


def _table(table: Table) -> list[str]:
    lines = ["| " + " | ".join(_escape(c) for c in table.columns) + " |",
             "|" + "|".join("---:" if n else "---" for n in table.numeric) + "|"]
    for i, row in enumerate(table.rows):
        cells = [_escape(c) for c in row]
        cells[0] = _INDENT * table.level(i) + cells[0]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [_escape(block.text)] if block.text else []
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Chart):
        lines = [f"### {_escape(block.title)}", "", *_table(block.data)]
        return lines + (["", f"*{_escape(block.note)}*"] if block.note else [])
    raise TypeError(f"no Markdown for {type(block).__name__}")


def render_md(report: Report) -> bytes:
    """The report as UTF-8 Markdown."""
    cover = report.cover
    lines = [f"# {_escape(cover.title)}", "", f"*{_escape(cover.subtitle)}*", ""]
    lines += [f"- **{_escape(label)}**: {_escape(value)}" for label, value in cover.fields]
    lines += ["", f"> {_escape(cover.note)}"]
    for section in report.sections:
        lines += ["", f"## {_escape(section.title)}"]
        for block in section.blocks:
            rendered = _block(block)
            if rendered:
                lines += ["", *rendered]
    return ("\n".join(lines) + "\n").encode("utf-8")
