"""Rows out as CSV that is safe to open in a spreadsheet.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
Excel and LibreOffice as a formula (CSV injection, e.g. a chat handle ``=HYPERLINK(...)``
in a seized phone's contact list). Such cells get a leading apostrophe, which spreadsheets
show as text. Lists are joined with ``; `` and every cell is neutralised after joining.

>>> csv_cell("=1+1"), csv_cell(-3), csv_cell(["a", "@b"]), csv_cell(None)
("'=1+1", "'-3", 'a; @b', '')
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

__all__ = ["csv_cell", "write_csv", "FORMULA_STARTS"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """One value as CSV cell text, neutralised when a spreadsheet would read it as a formula."""
    if value is None:
        text = ""
    elif isinstance(value, (list, tuple)):
        text = "; ".join(_plain(v) for v in value)
    else:
        text = _plain(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def write_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], stream: TextIO) -> None:
    """Write a header and one line per row, every cell through ``csv_cell``."""
    # RFC 4180 line ends: the writer then quotes any cell holding a CR or LF, so a stray
    # carriage return inside a value cannot split a row
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow([csv_cell(c) for c in columns])
    for row in rows:
        writer.writerow([csv_cell(row.get(c)) for c in columns])
