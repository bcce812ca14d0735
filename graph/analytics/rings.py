"""Rings: communities of people ranked by how much they look like a trafficking ring."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from graph.analytics._common import OFFENDER_ROLES, check_graph, check_int, edges_of, frame
from graph.analytics.communities import partition
from graph.analytics.people import collapsed, person_graph

__all__ = ["rings"]

COLUMNS = ["rank", "community", "size", "suspects", "victims", "identifiers", "evidence", "stability",
           "members", "reason"]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def rings(g: nx.Graph, *, seed: int = 0, runs: int = 10) -> pd.DataFrame:
    """Communities of two or more people with at least one suspect, ranked by suspects,
    victims, identifiers and evidence (a group of victims or witnesses alone is not a ring).

    Columns: ``rank`` (1 is the most ring-like), ``community`` (its number in
    ``communities`` with the same ``seed`` and ``runs``), ``size``, ``suspects`` (members
    who are suspects, recruiters or traffickers), ``victims``, ``identifiers`` (distinct
    identifiers two or more members share), ``evidence`` (pieces of evidence behind the ties
    inside the community), ``stability`` (as in ``communities``), ``members`` (sorted ids) and
    ``reason`` (one line, e.g. ``3 suspects and 4 victims sharing 2 identifiers (account,
    phone); 14 pieces of evidence; together in 100% of runs``).

    Raises:
        ValueError: ``seed`` or ``runs`` is not a usable integer (the message names it).
    """
    check_graph(g)
    check_int(seed, "seed")
    check_int(runs, "runs", minimum=1)
    c = collapsed(g)
    pg = person_graph(c)
    part = partition(pg, seed=seed, runs=runs)
    rows = []
    for index, members in enumerate(part.communities):
        if len(members) < 2:
            continue
        inside = set(members)
        suspects = sum(1 for p in members if pg.nodes[p]["roles"] & OFFENDER_ROLES)
        if not suspects:
            continue
        victims = sum(1 for p in members if "victim" in pg.nodes[p]["roles"])
        holders: dict[str, set[str]] = {}
        for p in members:
            for _p, ident, d in edges_of(c, p):
                if d.get("type") == "HAS_IDENTIFIER":
                    holders.setdefault(ident, set()).add(p)
        shared = sorted(i for i, h in holders.items() if len(h) >= 2)
        evidence = sum(d["evidence"] for a, b, d in pg.subgraph(inside).edges(data=True))
        kinds = sorted({str(c.nodes[i].get("type") or "identifier") for i in shared})
        reason = f"{_plural(suspects, 'suspect')} and {_plural(victims, 'victim')}"
        if shared:
            reason += f" sharing {_plural(len(shared), 'identifier')} ({', '.join(kinds)})"
        reason += f"; {_plural(evidence, 'piece')} of evidence; together in {part.stability[index]:.0%} of runs"
        rows.append({"community": index, "size": len(members), "suspects": suspects, "victims": victims,
                     "identifiers": len(shared), "evidence": evidence, "stability": part.stability[index],
                     "members": members, "reason": reason})
    rows.sort(key=lambda r: (-r["suspects"], -r["victims"], -r["identifiers"], -r["evidence"], r["community"]))
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    return frame(rows, COLUMNS)
