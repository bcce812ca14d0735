"""What the demo corpus hides, found from the graph: each ring in one community, the broker
between two rings among the top 3 in betweenness, every planted co-travel group on its flight.

The truth comes from the generator's ``truth.json``; a person of the truth is found in the
graph as the person of that name (any surface form) mentioned in the case's own file, or else
as the holder of their passport (people named only in a register).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.analytics import co_travel, communities, key_players
from graph.analytics.people import canonical_ids
from graph.projection import to_networkx
from graph.store import Store

pytestmark = pytest.mark.server

PEOPLE_OF_CASE_FILE = """
MATCH (p:Person)-[:MENTIONED_IN]->(d:Document)
WHERE d.path ENDS WITH $file
RETURN p.id AS id, p.name AS name
"""
PEOPLE_BY_PASSPORT = """
MATCH (p:Person)-[:HAS_IDENTIFIER]->(i:Identifier)
WHERE i.type = 'passport' AND i.value = $passport
RETURN p.id AS id
"""


@pytest.fixture(scope="module")
def truth(demo_dir: Path) -> dict[str, Any]:
    return json.loads((demo_dir / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def graph(demo_graph: Store) -> nx.MultiDiGraph:
    return to_networkx(demo_graph)


def _mask(name: str) -> str:
    """A name with its mask characters written alike: 黃*思, 黃〇思 and 黃○思 are one surface."""
    return name.translate(str.maketrans({"*": "○", "〇": "○", "＊": "○"}))


class Finder:
    """Truth person ids -> canonical graph person ids, through the case files that name them."""

    def __init__(self, store: Store, g: nx.MultiDiGraph, truth: dict[str, Any]) -> None:
        self.store, self.canonical = store, canonical_ids(g)
        self.people = {p["id"]: p for p in truth["people"]}
        self.cases = {c["id"]: c for c in truth["cases"]}

    def in_case(self, case_id: str) -> dict[str, set[str]]:
        """Graph people named in the case's file: name (masks written ○) -> canonical ids."""
        named: dict[str, set[str]] = {}
        for r in self.store.read(PEOPLE_OF_CASE_FILE, {"file": f"/cases/{case_id}.txt"}):
            named.setdefault(_mask(r["name"]), set()).add(self.canonical.get(r["id"], r["id"]))
        return named

    def person(self, pid: str, case_id: str) -> str | None:
        named = self.in_case(case_id)
        truth = self.people[pid]
        found = set().union(*(named.get(_mask(s), set()) for s in [truth["name"], *truth["surfaces"]]))
        if not found and truth.get("passport"):  # named only in a register, by passport
            rows = self.store.read(PEOPLE_BY_PASSPORT, {"passport": truth["passport"]})
            found = {self.canonical.get(r["id"], r["id"]) for r in rows}
        assert len(found) <= 1, f"{pid} matches several people in {case_id}: {found}"
        return next(iter(found), None)

    def members(self, case_ids: list[str]) -> set[str]:
        """Canonical ids of every suspect and victim of these cases found in their files."""
        out: set[str] = set()
        for case_id in case_ids:
            case = self.cases[case_id]
            for pid in case["suspects"] + case["victims"]:
                if (found := self.person(pid, case_id)) is not None:
                    out.add(found)
        return out


@pytest.fixture(scope="module")
def finder(demo_graph: Store, graph: nx.MultiDiGraph, truth: dict[str, Any]) -> Finder:
    return Finder(demo_graph, graph, truth)


def test_demo_truth_each_ring_lands_in_one_community_at_least_90_percent_pure(graph, finder, truth) -> None:
    table = communities(graph, seed=0, runs=1)
    community = dict(zip(table["person"], table["community"]))
    rings = {r["id"]: finder.members(r["cases"]) for r in truth["structures"]["rings"]}
    broker = {finder.person(truth["structures"]["broker"]["person"], c) for c in truth["structures"]["broker"]["cases"]}
    ringed = {p: ring for ring, members in rings.items() for p in members - broker}
    for ring, members in rings.items():
        members -= broker
        assert len(members) >= 6, f"{ring}: only {len(members)} of its people found in its case files"
        home, held = Counter(community[p] for p in members).most_common(1)[0]
        assert held / len(members) >= 0.9, f"{ring}: {held} of {len(members)} in its main community"
        others = [p for p, c in community.items() if c == home and p in ringed and ringed[p] != ring]
        assert len(others) <= 0.1 * held, f"{ring}'s community also holds other rings' people: {others}"


def test_demo_truth_the_broker_between_two_rings_ranks_top_3_in_betweenness(graph, finder, truth) -> None:
    planted = truth["structures"]["broker"]
    broker = {finder.person(planted["person"], c) for c in planted["cases"]}
    assert len(broker) == 1 and None not in broker, f"the broker resolves to {broker}"
    ranked = key_players(graph).sort_values("betweenness", ascending=False, kind="stable")
    top = list(ranked["person"][:3])
    assert broker.pop() in top, f"top 3 by betweenness: {list(ranked['name'][:3])}"


def test_demo_truth_every_planted_co_travel_group_is_found_on_its_flight(graph, finder, truth) -> None:
    table = co_travel(graph)
    groups = [(row["flight"], set(row["people"])) for _, row in table.iterrows()]
    planted = truth["structures"]["flew_with_recruiter"]
    assert len(planted) >= 5
    for trip in planted:
        people = {finder.person(pid, trip["case"]) for pid in [trip["recruiter"], *trip["victims"]]}
        assert None not in people, f"{trip['case']}: someone of the trip is not in the graph"
        flight = f"flight:{trip['flight']}@{trip['date']}"
        assert any(f == flight and people <= members for f, members in groups), \
            f"{trip['case']}: {trip['flight']} on {trip['date']} not found with all of {sorted(people)}"
