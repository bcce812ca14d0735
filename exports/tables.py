"""Nodes and edges as tables for i2 Analyst's Notebook and Excel: two CSV files, or one workbook.

``-o links.csv`` writes ``links-nodes.csv`` and ``links-edges.csv``; ``-o links.xlsx`` writes one
workbook with the sheets ``nodes`` and ``edges``. Every cell goes through the spreadsheet
neutraliser of ``playbooks.export`` (a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading apostrophe), and workbook cells are written as text, so a name
like ``=HYPERLINK("http://x","y")`` is shown, never run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from exports import ExportResult, exporter
from exports.graphdata import ExportData
from exports.networks import display_name
from playbooks.export import csv_cell, write_csv

__all__ = ["edge_rows", "node_rows", "write_tables"]

NODE_LEAD = ("id", "kind", "label")
EDGE_LEAD = ("id", "source", "target", "type")


def node_rows(data: ExportData) -> tuple[list[str], list[dict[str, Any]]]:
    """Columns and one row per node: id, kind, display label, then every property by name."""
    rows = []
    for node, attrs in sorted(data.graph.nodes(data=True)):
        row = {k: v for k, v in attrs.items() if k != "label"}
        row.update(id=node, kind=attrs.get("label", ""), label=display_name(node, attrs))
        rows.append(row)
    return _columns(rows, NODE_LEAD), rows


def edge_rows(data: ExportData) -> tuple[list[str], list[dict[str, Any]]]:
    """Columns and one row per edge: id, source, target, type, then every property by name."""
    rows = []
    for start, end, key, attrs in data.graph.edges(keys=True, data=True):
        row = {k: v for k, v in attrs.items() if k not in ("id",)}
        row.update(id=str(key), source=start, target=end, type=attrs.get("type", ""))
        rows.append(row)
    rows.sort(key=lambda r: (r["type"], r["source"], r["target"], r["id"]))
    return _columns(rows, EDGE_LEAD), rows


def _columns(rows: Iterable[dict[str, Any]], lead: Sequence[str]) -> list[str]:
    seen = {c for row in rows for c in row}
    return [*lead, *sorted(seen - set(lead))]


def _write_xlsx(output: Path, sheets: list[tuple[str, list[str], list[dict[str, Any]]]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for title, columns, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append([_text_cell(sheet, c) for c in columns])
        for row in rows:
            sheet.append([_text_cell(sheet, row.get(c)) for c in columns])
    book.save(output)


def _text_cell(sheet: Any, value: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=csv_cell(value))
    cell.data_type = "s"  # text, whatever it starts with: openpyxl would take "=..." for a formula
    return cell


@exporter("csv", suffix=".csv", help="nodes and edges as CSV (i2, Excel), or one .xlsx workbook")
def write_tables(data: ExportData, output: Path, **_: Any) -> ExportResult:
    node_cols, nodes = node_rows(data)
    edge_cols, edges = edge_rows(data)
    if output.suffix.lower() == ".xlsx":
        _write_xlsx(output, [("nodes", node_cols, nodes), ("edges", edge_cols, edges)])
        files = [str(output)]
    else:
        stem = output.with_suffix("") if output.suffix.lower() == ".csv" else output
        files = []
        for part, columns, rows in (("nodes", node_cols, nodes), ("edges", edge_cols, edges)):
            target = stem.with_name(f"{stem.name}-{part}.csv")
            with open(target, "w", encoding="utf-8-sig", newline="") as fh:  # the BOM tells Excel it is UTF-8
                write_csv(rows, columns, fh)
            files.append(str(target))
    return ExportResult("csv", files, len(nodes) + len(edges), data.profile,
                        [f"{len(nodes)} nodes, {len(edges)} edges; formula-like cells start with an apostrophe"])
