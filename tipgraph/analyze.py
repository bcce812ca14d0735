"""``tipgraph analyze NAME``: run one link analysis over a projection of the graph.

The projection is read in a few statements (``graph.projection.to_networkx``), narrowed to a
time window when asked; the analysis is a pure function from ``graph.analytics``; ``--write``
stores per-person results (community, scores) on the nodes with the run id and time.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import networkx as nx
import pandas as pd

import graph.analytics as analytics
from graph.errors import GdsUnavailable
from graph.store import Store

__all__ = ["ANALYSES", "IN_DATABASE", "run_analysis", "run_in_database", "pick_engine", "results_to_write"]


def _communities(g: nx.MultiDiGraph, o: dict[str, Any]) -> pd.DataFrame:
    return analytics.communities(g, seed=o["seed"], runs=o["runs"], backend=o["backend"])


def _paths(g: nx.MultiDiGraph, o: dict[str, Any]) -> pd.DataFrame:
    if not o.get("source") or not o.get("target"):
        raise ValueError("paths needs --from and --to (entity ids, e.g. person:...)")
    return analytics.explain_paths(g, o["source"], o["target"], max_hops=o["max_hops"], time_ordered=o["time_ordered"])


def _journeys(g: nx.MultiDiGraph, o: dict[str, Any]) -> pd.DataFrame:
    if o.get("person"):
        return analytics.journey(g, o["person"])
    return analytics.common_routes(g)


def _recruiters(g: nx.MultiDiGraph, o: dict[str, Any]) -> pd.DataFrame:
    view = o.get("view") or "hubs"
    if view == "chains":
        return analytics.recruitment_chains(g)
    if view == "cohorts":
        return analytics.recruitment_cohorts(g)
    if view != "hubs":
        raise ValueError(f"--view {view!r}: choose hubs, chains or cohorts")
    return analytics.recruiter_hubs(g)


ANALYSES: dict[str, Callable[[nx.MultiDiGraph, dict[str, Any]], pd.DataFrame]] = {
    "communities": _communities,
    "key-players": lambda g, o: analytics.key_players(g, seed=o["seed"], sample=o.get("sample")),
    "co-travel": lambda g, o: analytics.co_travel(g, days=o["days"]),
    "shared-identifiers": lambda g, o: analytics.shared_identifiers(g),
    "recruiter-hubs": _recruiters,
    "journeys": _journeys,
    "rings": lambda g, o: analytics.rings(g, seed=o["seed"], runs=o["runs"]),
    "paths": _paths,
}

# analyses a Neo4j server with Graph Data Science can run itself (graph.analytics.gds)
IN_DATABASE = ("communities", "key-players")
ENGINES = ("auto", "local", "gds")


def pick_engine(engine: str, name: str, *, filtered: bool, local_server: bool, store: Store) -> str:
    """``local`` or ``gds`` for analysis ``name``: ``auto`` takes GDS only for the analyses it
    can run, unfiltered, on a server that has it (asked once); the bundled server never has it.

    Raises:
        ValueError: an unknown engine, or ``gds`` asked for what it cannot do.
        GdsUnavailable: ``gds`` asked of a server without it.
    """
    if engine not in ENGINES:
        raise ValueError(f"--engine {engine!r}: choose one of {', '.join(ENGINES)}")
    if engine == "local":
        return "local"
    if engine == "gds":
        if name not in IN_DATABASE:
            raise ValueError(f"--engine gds runs {' and '.join(IN_DATABASE)} only, not {name}")
        if filtered:
            raise ValueError("--engine gds runs over the whole graph: drop --since/--until/--case/--role/--type, "
                             "or use --engine local")
        store.data_science()  # raises GdsUnavailable with what to do
        return "gds"
    if name not in IN_DATABASE or filtered or local_server:
        return "local"
    try:
        store.data_science()
    except GdsUnavailable:
        return "local"
    return "gds"


def run_in_database(store: Store, name: str, options: dict[str, Any]) -> pd.DataFrame:
    """The table of ``communities`` or ``key-players`` computed inside a GDS server."""
    from graph.analytics.gds import gds_communities, gds_key_players

    if name == "communities":
        return gds_communities(store, seed=options["seed"], backend=options["backend"])
    return gds_key_players(store, seed=options["seed"], sample=options.get("sample"))


# per-person results worth keeping on the node: analysis -> {column: result name}
_WRITABLE = {
    "communities": {"community": "community", "stability": "community_stability"},
    "key-players": {"pagerank": "pagerank", "betweenness": "betweenness", "broker": "broker"},
}


def run_analysis(g: nx.MultiDiGraph, name: str, options: dict[str, Any]) -> pd.DataFrame:
    """The table of analysis ``name`` over ``g``; raises ValueError for an unknown name or bad option."""
    if name not in ANALYSES:
        raise ValueError(f"analysis {name!r}: choose one of {', '.join(ANALYSES)}")
    return ANALYSES[name](g, options)


def results_to_write(name: str, table: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """Per-person values of ``table`` to store on Person nodes (empty for table-only analyses)."""
    columns = _WRITABLE.get(name)
    if not columns or table.empty or "person" not in table.columns:
        return {}
    out: dict[str, dict[str, Any]] = {}
    for row in table.to_dict("records"):
        values = {}
        for column, result in columns.items():
            value = row.get(column)
            if isinstance(value, (bool, int, float, str)) and not (isinstance(value, float) and pd.isna(value)):
                values[result] = value.item() if hasattr(value, "item") else value
        if values:
            out[str(row["person"])] = values
    return out


def new_run_id(name: str) -> str:
    return f"{name}-{uuid.uuid4().hex[:12]}"
