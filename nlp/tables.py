"""Tables pasted as text: rows of cells separated by tabs or `` | ``, headed by their first row.

Registers and manifests are pasted into case files as such tables; what a cell holds is
said by its column's header (``護照號碼``, ``LINE ID``, ``Name``), not by words beside it.

>>> [(c.text, c.header) for c in table_cells("姓名\\t護照號碼\\n林○明\\t309876512\\n")]
[('林○明', '姓名'), ('309876512', '護照號碼')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

__all__ = ["Cell", "Tables", "table_cells"]

_PIPE = re.compile(r"\s*\|\s*")


@dataclass(frozen=True)
class Cell:
    start: int  # offsets of the stripped cell text in the whole text
    end: int
    text: str
    header: str
    column: int
    row: int
    row_start: int = 0  # offset of the row's line: cells of one row share it
    headers: tuple[str, ...] = ()  # the whole header row
    caption: str = ""  # the line above the header, often what the table is (Repatriation manifest)


def _split(line: str) -> list[tuple[int, str]] | None:
    """(offset in line, cell text) for a table row; None for a line that is not one."""
    if "\t" in line:
        parts = line.split("\t")
        sep = 1
        offsets, pos = [], 0
        for part in parts:
            offsets.append(pos)
            pos += len(part) + sep
        return list(zip(offsets, parts))
    if line.count("|") >= 2 or (line.count("|") == 1 and " | " in line):
        out, pos = [], 0
        for m in _PIPE.finditer(line):
            out.append((pos, line[pos : m.start()]))
            pos = m.end()
        out.append((pos, line[pos:]))
        return [(o, t) for o, t in out if not (o == 0 and t == "" and line.startswith("|"))] or None
    return None


def table_cells(text: str) -> list[Cell]:
    """Every body cell of every table in ``text``, with its column's header text."""
    cells: list[Cell] = []
    header: tuple[str, ...] | None = None
    caption = previous = ""
    row = 0
    offset = 0
    for line in text.split("\n"):
        parts = _split(line)
        if parts is None or len(parts) < 2 or set(line.strip()) <= set("|-: "):
            if parts is None or len(parts) < 2:
                header = None
            previous = line
            offset += len(line) + 1
            continue
        if header is None:
            header = tuple(t.strip() for _, t in parts)
            caption, row = previous, 0
        else:
            row += 1
            for column, (at, raw) in enumerate(parts):
                value = raw.strip()
                if value and column < len(header):
                    start = offset + at + raw.index(value)
                    cells.append(Cell(start, start + len(value), value, header[column], column, row, offset, header,
                                      caption))
        previous = line
        offset += len(line) + 1
    return cells


class Tables:
    """The tables of one text, read once and looked up by position."""

    def __init__(self, text: str) -> None:
        self.cells = table_cells(text)
        self._starts = [c.start for c in self.cells]
        self._rows: dict[int, list[Cell]] = {}
        for c in self.cells:
            self._rows.setdefault(c.row_start, []).append(c)

    def at(self, position: int) -> Cell | None:
        """The cell holding ``position``, if it is in a table body."""
        i = bisect_right(self._starts, position) - 1
        if i >= 0 and self.cells[i].start <= position < self.cells[i].end:
            return self.cells[i]
        return None

    def row(self, cell: Cell) -> list[Cell]:
        """Every cell of ``cell``'s row, in column order."""
        return self._rows.get(cell.row_start, [])
