"""Identifiers that tie people together: one phone, account or handle held by several people."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import pandas as pd

from graph.analytics._common import PERSON, CASE_RELS, check_graph, check_names, edges_of, frame, name_of
from graph.analytics.people import collapsed

__all__ = ["shared_identifiers", "IDENTIFIER_KINDS"]

IDENTIFIER_KINDS = ("phone", "account", "handle", "email", "passport")
COLUMNS = ["identifier", "kind", "value", "people", "names", "cases"]


def shared_identifiers(g: nx.Graph, *, kinds: Iterable[str] = IDENTIFIER_KINDS) -> pd.DataFrame:
    """Identifiers of the given kinds held by two or more people, after resolving people.

    A person resolved onto another (``canonical``, SAME_AS merged) counts once, so a phone
    held by one person under two names is not "shared". Columns: ``identifier`` (id),
    ``kind`` (phone, account, ...), ``value`` (normalised), ``people`` (sorted canonical ids),
    ``names`` (their names, same order), ``cases`` (sorted ids of every case any of them has
    a role in: a shared identifier across cases is a lead). Ordered by how many people hold
    it, descending, then identifier.

    Raises:
        ValueError: ``kinds`` is empty, a plain string, or names an unknown kind.

    >>> g = nx.MultiDiGraph()
    >>> for p in "ab": g.add_node("person:" + p, label="Person", name=p)
    >>> g.add_node("ident:1", label="Identifier", type="phone", value="+886912")
    >>> for p in "ab": _ = g.add_edge("person:" + p, "ident:1", type="HAS_IDENTIFIER")
    >>> shared_identifiers(g)[["identifier", "people"]].values.tolist()
    [['ident:1', ['person:a', 'person:b']]]
    """
    check_graph(g)
    wanted = set(check_names(kinds, "kinds", IDENTIFIER_KINDS))
    c = collapsed(g)
    rows = []
    for ident, data in c.nodes(data=True):
        if data.get("label") != "Identifier" or data.get("type") not in wanted:
            continue
        holders = sorted({p for p, _i, d in edges_of(c, ident, out=False)
                          if d.get("type") == "HAS_IDENTIFIER" and c.nodes[p].get("label") == PERSON})
        if len(holders) < 2:
            continue
        cases = sorted({case for p in holders for _p, case, d in edges_of(c, p) if d.get("type") in CASE_RELS})
        rows.append({"identifier": ident, "kind": data.get("type"), "value": data.get("value"),
                     "people": holders, "names": [name_of(c, p) for p in holders], "cases": cases})
    rows.sort(key=lambda r: (-len(r["people"]), r["identifier"]))
    return frame(rows, COLUMNS)
