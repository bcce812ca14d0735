"""What an export holds: the public graph (without documents, mentions or search keys), masked
for its profile, and, for the case-level formats, the trafficking indicators each person's
documents show.

``read_export_data`` is the I/O edge (the projection of ``graph.projection`` and the document
texts, paged); ``apply_profile`` and ``indicators_by_node`` are pure.

Indicators are found by ``nlp.indicators.find_indicators`` in the text of every document that
mentions a person or a case. They belong to the document, not to one sentence's person: a
rescue report that lists several victims gives each of them its indicators.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.masking import mask_identifier, mask_name
from graph.projection import to_networkx
from graph.store import Store

__all__ = ["ExportData", "Indicators", "apply_profile", "indicators_by_node", "read_export_data"]

#: (type, value) pairs, e.g. ("MethodsOfControl", "DebtBondage")
Indicators = frozenset[tuple[str, str]]

MENTIONING_DOCUMENTS = """
MATCH (n)-[:MENTIONED_IN]->(d:Document)
WHERE n:Person OR n:Case
RETURN n.id AS id, collect(DISTINCT d.id) AS docs
"""

DOCUMENT_TEXTS = """
MATCH (d:Document)
WHERE d.id IN $ids
RETURN d.id AS id, d.text AS text
"""

_TEXT_PAGE = 50
# Properties a partner never gets: free text that may carry names, and resolution internals.
_PARTNER_DROPPED = {"Case": ("title",), "Person": ("canonical",)}


@dataclass
class ExportData:
    """The graph to export, already masked for ``profile``; ``indicators`` by node id when read."""

    graph: nx.MultiDiGraph
    profile: str
    indicators: dict[str, Indicators] = field(default_factory=dict)


def apply_profile(g: nx.MultiDiGraph, profile: str) -> nx.MultiDiGraph:
    """A copy of ``g`` as ``profile`` may see it: ``internal`` unchanged; ``partner`` with people's
    names and aliases masked, identifiers partly hidden, case titles, resolution ids and the
    reasons of resolution candidates left out.

    Raises:
        ValueError: an unknown profile.
    """
    if profile not in ("partner", "internal"):
        raise ValueError(f"profile {profile!r}: choose partner or internal")
    out = g.copy()
    if profile == "internal":
        return out
    for node, attrs in out.nodes(data=True):
        label = attrs.get("label")
        for prop in _PARTNER_DROPPED.get(str(label), ()):
            attrs.pop(prop, None)
        if label == "Person":
            attrs["name"] = mask_name(attrs.get("name"))
            if attrs.get("aliases"):
                attrs["aliases"] = sorted({mask_name(a) for a in attrs["aliases"]})
        elif label == "Identifier":
            attrs["value"] = mask_identifier(attrs.get("type"), attrs.get("value"))
    for _, _, attrs in out.edges(data=True):
        # a resolution candidate's reasons quote names and identifiers ("share phone:+855..."): left out
        attrs.pop("reasons", None)
    return out


def indicators_by_node(mentions: Mapping[str, Iterable[str]], by_document: Mapping[str, Indicators]
                       ) -> dict[str, Indicators]:
    """Each person's or case's indicators: the union of those of the documents that mention it.

    >>> indicators_by_node({"person:1": ["doc:a", "doc:b"]}, {"doc:a": frozenset({("T", "x")}), "doc:b": frozenset()})
    {'person:1': frozenset({('T', 'x')})}
    """
    out: dict[str, Indicators] = {}
    for node, docs in mentions.items():
        found: set[tuple[str, str]] = set()
        for doc in docs:
            found |= by_document.get(doc, frozenset())
        out[node] = frozenset(found)
    return out


def _document_indicators(store: Store, doc_ids: list[str]) -> dict[str, Indicators]:
    from nlp.indicators import find_indicators

    found: dict[str, Indicators] = {}
    for i in range(0, len(doc_ids), _TEXT_PAGE):
        for row in store.read(DOCUMENT_TEXTS, {"ids": doc_ids[i : i + _TEXT_PAGE]}, purpose="export"):
            text = row["text"] or ""
            found[row["id"]] = frozenset((ind.type, ind.value) for ind in find_indicators(text))
    return found


def read_export_data(store: Store, *, profile: str, with_indicators: bool = False) -> ExportData:
    """The public graph for an export, masked for ``profile``; with the indicators if asked."""
    g = apply_profile(to_networkx(store), profile)
    data = ExportData(g, profile)
    if with_indicators:
        mentions: dict[str, list[str]] = defaultdict(list)
        for row in store.read(MENTIONING_DOCUMENTS, purpose="export"):
            mentions[row["id"]].extend(row["docs"])
        docs = sorted({d for ds in mentions.values() for d in ds})
        data.indicators = indicators_by_node(mentions, _document_indicators(store, docs))
    return data


def attrs_of(g: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    """A node's attributes (empty for a node not in the graph)."""
    return dict(g.nodes[node]) if node in g else {}
