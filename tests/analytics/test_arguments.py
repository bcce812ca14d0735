"""Every analysis checks its arguments first and names the bad one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from graph import analytics as an
from tests.analytics.casegraphs import two_rings

G = two_rings()

BAD_CALLS: list[tuple[str, Callable[[], Any]]] = [
    ("g", lambda: an.communities({"person:a": {}})),  # type: ignore[arg-type]
    ("g", lambda: an.collapse_people(None)),  # type: ignore[arg-type]
    ("seed", lambda: an.communities(G, seed="1")),  # type: ignore[arg-type]
    ("seed", lambda: an.communities(G, seed=True)),
    ("runs", lambda: an.communities(G, runs=0)),
    ("backend", lambda: an.communities(G, backend="girvan")),
    ("resolution", lambda: an.communities(G, resolution=0)),
    ("resolution", lambda: an.communities(G, resolution="high")),  # type: ignore[arg-type]
    ("seed", lambda: an.key_players(G, seed=1.5)),  # type: ignore[arg-type]
    ("sample", lambda: an.key_players(G, sample=0)),
    ("days", lambda: an.co_travel(G, days=-1)),
    ("days", lambda: an.co_travel(G, days=1.5)),  # type: ignore[arg-type]
    ("kinds", lambda: an.shared_identifiers(G, kinds="phone")),
    ("kinds", lambda: an.shared_identifiers(G, kinds=("fax",))),
    ("kinds", lambda: an.shared_identifiers(G, kinds=())),
    ("via", lambda: an.person_graph(G, via=("gossip",))),
    ("runs", lambda: an.rings(G, runs=-1)),
    ("source", lambda: an.explain_paths(G, "person:nobody", "person:a1")),
    ("target", lambda: an.explain_paths(G, "person:a1", 42)),  # type: ignore[arg-type]
    ("target", lambda: an.explain_paths(G, "person:a3b", "person:a3")),
    ("max_hops", lambda: an.explain_paths(G, "person:a1", "person:b1", max_hops=0)),
    ("limit", lambda: an.explain_paths(G, "person:a1", "person:b1", limit=0)),
    ("time_ordered",
     lambda: an.explain_paths(G, "person:a1", "person:b1", time_ordered="yes")),  # type: ignore[arg-type]
    ("person", lambda: an.journey(G, "case:A")),
    ("person", lambda: an.journey(G, "person:nobody")),
]


@pytest.mark.parametrize("argument, call", BAD_CALLS, ids=[f"{i}-{a}" for i, (a, _c) in enumerate(BAD_CALLS)])
def test_bad_arguments_raise_value_error_naming_the_argument(argument: str, call: Callable[[], Any]) -> None:
    with pytest.raises(ValueError, match=rf"^{argument}\b"):
        call()


def test_arguments_are_checked_before_any_work() -> None:
    # a bad seed is reported even on an empty graph, where there is nothing to compute
    import networkx as nx

    with pytest.raises(ValueError, match="seed"):
        an.communities(nx.MultiDiGraph(), seed=-0.5)  # type: ignore[arg-type]
