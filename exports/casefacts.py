"""The facts the case-level formats (HTCDS, CTDC) need, gathered once from the export graph.

Pure: an export graph and the indicators by node in, plain records out. A victim is a person
who is a victim in a case, the subject of a repatriation record or the receiver of a service.
Their indicators are those of the documents that mention them or their cases
(``exports.graphdata``); their country of exploitation is where they were exploited, else
the country of their repatriation record, else where their case took place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from exports.graphdata import Indicators

__all__ = ["PersonInCase", "VictimFacts", "people_in_cases", "victim_facts"]

_ROLE_RELS = {"SUSPECT_IN": "suspect", "VICTIM_IN": "victim", "RECRUITER_IN": "recruiter"}
_ACTS = {"RECRUITED": "recruiter", "TRAFFICKED": "suspect"}


@dataclass
class VictimFacts:
    """One victim with what is known of their trafficking."""

    id: str
    attrs: dict[str, Any]
    cases: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    exploited_in: list[dict[str, Any]] = field(default_factory=list)  # Location attrs (+ "since")
    countries: list[str] = field(default_factory=list)
    exploitation: set[str] = field(default_factory=set)  # labour, sexual, organ_removal, forced_criminality
    indicators: set[tuple[str, str]] = field(default_factory=set)
    recruiters: list[str] = field(default_factory=list)


@dataclass
class PersonInCase:
    """A person with a role in a case (or a victim known only from a repatriation record: ``case`` None)."""

    person: str
    role: str
    case: str | None
    acts: set[str] = field(default_factory=set)  # recruiter, suspect: what they did to a victim of the case


def _year(text: Any) -> int | None:
    s = str(text or "")
    return int(s[:4]) if len(s) >= 4 and s[:4].isdigit() else None


def _exploitation_of_case(attrs: Mapping[str, Any]) -> set[str]:
    found = set()
    if attrs.get("exploitation"):
        found.add(str(attrs["exploitation"]))
    for offense in attrs.get("offenses") or []:
        for kind in ("labour", "sexual", "organ_removal", "forced_criminality"):
            if kind in str(offense):
                found.add(kind)
    return found


def _neighbours(g: nx.MultiDiGraph, node: str, rel: str, *, out: bool) -> list[str]:
    edges = g.out_edges(node, data=True) if out else g.in_edges(node, data=True)
    return sorted({(b if out else a) for a, b, d in edges if d.get("type") == rel})


def victim_facts(g: nx.MultiDiGraph, indicators: Mapping[str, Indicators]) -> list[VictimFacts]:
    """Every victim of the graph with their cases, years, places, exploitation and indicators."""
    victims: set[str] = set()
    for a, b, d in g.edges(data=True):
        if d.get("type") == "VICTIM_IN":
            victims.add(a)
        elif d.get("type") in ("OF", "FOR") and g.nodes[b].get("label") == "Person":
            victims.add(b)
    out = []
    for v in sorted(victims):
        facts = VictimFacts(v, dict(g.nodes[v]))
        facts.indicators |= indicators.get(v, frozenset())
        facts.cases = _neighbours(g, v, "VICTIM_IN", out=True)
        for case in facts.cases:
            c = g.nodes[case]
            facts.exploitation |= _exploitation_of_case(c)
            facts.indicators |= indicators.get(case, frozenset())
            facts.years.extend(y for y in (_year(c.get("referred_on")),) if y)
            for place in _neighbours(g, case, "OCCURRED_IN", out=True):
                if g.nodes[place].get("country"):
                    facts.countries.append(str(g.nodes[place]["country"]))
            facts.recruiters.extend(p for p, _, d in g.in_edges(case, data=True) if d.get("type") == "RECRUITER_IN")
        for a, _, d in g.in_edges(v, data=True):
            a_attrs = g.nodes[a]
            if d.get("type") == "OF" and a_attrs.get("label") == "Rescue":
                facts.years.extend(y for y in (_year(a_attrs.get(k)) for k in ("reported_on", "rescued_on", "returned_on")) if y)
                if a_attrs.get("country"):
                    facts.countries.insert(0, str(a_attrs["country"]))
            elif d.get("type") == "FOR":
                facts.years.extend(y for y in (_year(a_attrs.get("date")),) if y)
            elif d.get("type") in ("RECRUITED", "TRAFFICKED"):
                facts.recruiters.append(a)
        for _, place, d in g.out_edges(v, data=True):
            if d.get("type") == "EXPLOITED_AT":
                facts.exploited_in.append({**g.nodes[place], "since": d.get("since")})
                if g.nodes[place].get("country"):
                    facts.countries.insert(0, str(g.nodes[place]["country"]))
        facts.exploitation |= {value for kind, value in facts.indicators if kind == "ExploitationType"}
        facts.recruiters = sorted(set(facts.recruiters) - {v})
        out.append(facts)
    return out


def people_in_cases(g: nx.MultiDiGraph) -> list[PersonInCase]:
    """Every (person, role, case): the roles the graph states, the recruiter or trafficker of a
    victim in the victim's cases, and each victim known only from a repatriation record or service."""
    rows = [PersonInCase(a, _ROLE_RELS[d["type"]], b) for a, b, d in g.edges(data=True) if d.get("type") in _ROLE_RELS]
    roles = {(r.person, r.case): r for r in rows}
    victim_cases: dict[str, list[str]] = {}
    for r in rows:
        if r.role == "victim" and r.case:
            victim_cases.setdefault(r.person, []).append(r.case)
    # who recruited or trafficked a victim plays that part in the victim's cases, named there or not
    for a, b, d in g.edges(data=True):
        act = _ACTS.get(str(d.get("type")))
        for case in victim_cases.get(b, []) if act else []:
            if (a, case) not in roles:
                roles[(a, case)] = PersonInCase(a, act, case)
                rows.append(roles[(a, case)])
            roles[(a, case)].acts.add(act)
    in_case = {r.person for r in rows if r.role == "victim"}
    for a, b, d in g.edges(data=True):
        if d.get("type") in ("OF", "FOR") and g.nodes[b].get("label") == "Person" and b not in in_case:
            rows.append(PersonInCase(b, "victim", None))
            in_case.add(b)
    rows.sort(key=lambda r: (r.case or "~", r.role, r.person))
    return rows
