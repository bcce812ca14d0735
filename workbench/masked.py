"""Masking what the service returns: the link chart, its tables, rows of people and records.

Pure functions over the workbench's own shapes; the masks themselves are ``graph.masking``'s
(``陳○明``, ``C*** W**-t***``, ``+855 ** *** 567``). People's names and identifiers' values are
masked; cases, places, organisations and flights are not personal data and stay.

>>> mask_rows([{"name": "陳偉明", "country": "KH", "passport": "312345678"}])
[{'name': '陳○明', 'country': 'KH', 'passport': '******678'}]
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pandas as pd

from graph.masking import mask_identifier, mask_name, mask_text_names
from workbench.linkchart import Chart, ChartNode

__all__ = ["NAME_COLUMNS", "IDENTIFIER_COLUMNS", "guess_identifier_kind", "mask_value", "mask_rows", "mask_frame",
           "mask_chart", "mask_graph"]

# columns (and row keys) that hold a person's name, in every shape the service and playbooks return
NAME_COLUMNS = frozenset({"name", "names", "aliases", "a_name", "b_name", "name_a", "name_b", "passenger", "who",
                          "other_name", "person_name", "recruiter_name", "victim_names", "escort_names",
                          "recruiter_names", "holder_names", "node_names"})
# columns that hold an identifier's value, with its kind when the column says it
IDENTIFIER_COLUMNS = {"passport": "passport", "passports": "passport", "phone": "phone", "phones": "phone",
                      "shared_phones": "phone", "email": "email", "account": "account", "handle": "handle",
                      "identifiers": None, "identifiers_a": None, "identifiers_b": None, "value": None}
_NODE_ID = re.compile(r"^[a-z]+:[0-9a-f]{20}$")  # a hashed node id (graph.model.make_id): not personal data
_PHONE = re.compile(r"^\+?[\d\s\-()]{7,}$")


def guess_identifier_kind(value: str) -> str:
    """An identifier's kind from its look, when nothing else says it."""
    if "@" in value.strip("@"):
        return "email"
    if value.startswith("@"):
        return "handle"
    if _PHONE.match(value) and value.lstrip().startswith("+"):
        return "phone"
    return "account"


def mask_value(column: str, value: Any) -> Any:
    """``value`` masked as what ``column`` holds (names, identifiers), lists element by element."""
    if isinstance(value, (list, tuple)):
        return [mask_value(column, v) for v in value]
    if not isinstance(value, str) or not value or _NODE_ID.match(value):
        return value
    key = column.lower()
    if key in NAME_COLUMNS:
        return mask_name(value)
    if key in IDENTIFIER_COLUMNS:
        return mask_identifier(IDENTIFIER_COLUMNS[key] or guess_identifier_kind(value), value)
    return value


def _names_of(row: dict[str, Any]) -> list[str]:
    names: list[str] = []
    for key, value in row.items():
        if key.lower() in NAME_COLUMNS:
            names.extend(v for v in (value if isinstance(value, (list, tuple)) else [value]) if isinstance(v, str))
    return names


def mask_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with every name and identifier column masked, and the row's names masked wherever
    else they appear in its text (a path spelt out, reasons).

    >>> mask_rows([{"node_names": ["陳偉明", "林美"], "steps": "陳偉明 -[RECRUITED]-> 林美"}])[0]["steps"]
    '陳○明 -[RECRUITED]-> 林○'
    """
    out = []
    for row in rows:
        names = _names_of(row)
        masked = {}
        for key, value in row.items():
            shown = mask_value(key, value)
            if shown is value and isinstance(value, str) and names:
                shown = mask_text_names(value, names)
            masked[key] = shown
        out.append(masked)
    return out


def mask_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A table with its name and identifier columns masked."""
    out = frame.copy()
    for column in out.columns:
        key = str(column).lower()
        if key in NAME_COLUMNS or key in IDENTIFIER_COLUMNS:
            out[column] = out[column].map(lambda v, c=str(column): mask_value(c, v))
    return out


def _mask_label(kind: str, label: str) -> str:
    if kind == "Person":
        return mask_name(label)
    if kind == "Identifier":
        return mask_identifier(guess_identifier_kind(label), label)
    return label


def mask_chart(chart: Chart) -> Chart:
    """The chart with people's names and identifiers' values masked, in labels and tooltips."""
    nodes = []
    for n in chart.nodes:
        label = _mask_label(n.kind, n.label)
        details = n.details.replace(n.label, label) if n.label else n.details
        nodes.append(replace(n, label=label, details=details))
    return Chart(nodes, list(chart.edges), colour_by=chart.colour_by, note=chart.note)


def mask_graph(drawn: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """A playbook's drawn graph (nodes with ``label`` and ``kind``) with its labels masked."""
    nodes = [{**n, "label": _mask_label(n.get("kind") or "Person", str(n.get("label") or ""))}
             for n in drawn.get("nodes", [])]
    return {**drawn, "nodes": nodes}

