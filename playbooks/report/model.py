"""The report as pure data: a cover and sections of paragraphs, tables and charts.

Everything a renderer prints is already a string here (counts formatted and suppressed, labels
in the report's language), so the four renderers only lay it out and never compute a figure.
Charts also keep their numbers, to draw bars; a suppressed count is ``None`` there.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

__all__ = ["Cover", "Paragraph", "Table", "Chart", "Block", "Section", "Report"]


@dataclass(frozen=True)
class Cover:
    """Title page: the title, a subtitle, (label, value) lines and a closing note."""

    title: str
    subtitle: str
    fields: tuple[tuple[str, str], ...]
    note: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Table:
    """A table of strings. ``levels`` indents rows (sub-indicators); ``numeric`` aligns columns right."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    levels: tuple[int, ...] = ()
    caption: str = ""

    def level(self, i: int) -> int:
        return self.levels[i] if i < len(self.levels) else 0

    def shares(self, line: int = 96, narrow: float = 0.2) -> list[float]:
        """Each column's share of the width, for a width holding ``line`` Latin characters: narrow
        columns (numbers, units) what their text needs, the others what is left, by the square root
        of their length (long text wraps anyway).

        >>> t = Table(("Indicator", "Unit", "2022"), (("Trafficking cases referred to prosecutors", "cases", "161"),),
        ...           (False, False, True))
        >>> [round(s, 2) for s in t.shares()]
        [0.82, 0.09, 0.08]
        """
        need = [(max(_width(c) for c in [self.columns[j], *(r[j] for r in self.rows)]) + 4) / line
                for j in range(len(self.columns))]
        fixed = [n <= narrow for n in need]
        left = 1 - sum(n for n, f in zip(need, fixed) if f)
        roots = sum(n ** 0.5 for n, f in zip(need, fixed) if not f)
        if not roots or left <= 0:
            return [n / sum(need) for n in need]
        return [n if f else left * n ** 0.5 / roots for n, f in zip(need, fixed)]


def _width(text: str) -> int:
    """Columns of a monospaced terminal the text takes: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@dataclass(frozen=True)
class Chart:
    """A bar chart: one bar per category, stacked by group (a single unnamed group: plain bars).

    ``values[g][c]`` is the count of group ``g`` in category ``c`` (``None``: suppressed, not
    drawn); ``totals`` are the printed labels of each bar; ``data`` is the same as a table, for
    readers who cannot see the picture (and for the Markdown report, which has no pictures).
    """

    id: str
    title: str
    x_label: str
    y_label: str
    categories: tuple[str, ...]
    groups: tuple[str, ...]
    values: tuple[tuple[int | None, ...], ...]
    totals: tuple[str, ...]
    horizontal: bool
    data: Table
    note: str = ""


Block = Paragraph | Table | Chart


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Report:
    """The whole report: what each renderer turns into md, html, docx or pdf."""

    year: int
    lang: str
    cover: Cover
    generated_at: datetime
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def charts(self) -> list[Chart]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Chart)]

    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]
