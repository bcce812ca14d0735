"""Journeys: one victim's itinerary in date order, and the transit routes victims share."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx
import pandas as pd

from graph.analytics._common import as_int, check_graph, check_node, edges_of, flight_route, frame, name_of, route_text
from graph.analytics.people import roles_in, canonical_ids, collapsed

__all__ = ["journey", "common_routes"]

JOURNEY_COLUMNS = ["person", "step", "date", "kind", "place", "detail", "evidence"]
ROUTE_COLUMNS = ["route", "legs", "victims", "people", "names", "first_date", "last_date", "destinations"]
_ORDER = {"flight": 0, "exploitation": 1, "rescue": 2, "repatriation": 3}


def _place(c: nx.MultiDiGraph, node: str) -> str:
    data = c.nodes[node]
    name = data.get("name") or node
    return f"{name}, {data['country']}" if data.get("country") else str(name)


def _events(c: nx.MultiDiGraph, person: str) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    for _p, other, d in edges_of(c, person):
        rel_type, evidence = d.get("type"), as_int(d.get("evidence"))
        data = c.nodes[other]
        if rel_type in ("TRAVELED_ON", "REPATRIATED_ON"):
            events.append({"date": data.get("date"), "kind": "flight" if rel_type == "TRAVELED_ON" else "repatriation",
                           "place": route_text(*flight_route(c, other)), "detail": name_of(c, other),
                           "evidence": evidence, "node": other})
        elif rel_type == "EXPLOITED_AT":
            until = f" until {d['until']}" if d.get("until") else ""
            events.append({"date": d.get("since") or d.get("date"), "kind": "exploitation", "place": _place(c, other),
                           "detail": f"exploited{until}", "evidence": evidence, "node": other})
        elif rel_type == "RESCUED_FROM":
            events.append({"date": d.get("date"), "kind": "rescue", "place": _place(c, other), "detail": "rescued",
                           "evidence": evidence, "node": other})
    # repatriation records (Rescue -OF-> Person) add what the relationships may lack
    for record, _p, d in edges_of(c, person, out=False):
        data = c.nodes[record]
        if d.get("type") != "OF" or data.get("label") != "Rescue":
            continue
        if data.get("rescued_on") and not any(e["kind"] == "rescue" for e in events):
            events.append({"date": data["rescued_on"], "kind": "rescue",
                           "place": data.get("place") or data.get("country"),
                           "detail": f"rescue record {record}", "evidence": as_int(d.get("evidence")), "node": record})
        for _r, flight, fd in edges_of(c, record):
            if fd.get("type") == "RETURNED_ON" and not any(e.get("node") == flight for e in events):
                events.append({"date": c.nodes[flight].get("date") or data.get("returned_on"), "kind": "repatriation",
                               "place": route_text(*flight_route(c, flight)), "detail": name_of(c, flight),
                               "evidence": as_int(fd.get("evidence")), "node": flight})
    events.sort(key=lambda e: (e["date"] is None, str(e["date"] or ""), _ORDER[e["kind"]], e["node"]))
    return events


def journey(g: nx.Graph, person: str) -> pd.DataFrame:
    """The itinerary of one person (a victim, usually) in date order, one row per step.

    Columns: ``person`` (canonical id), ``step`` (1, 2, ...), ``date`` (ISO, possibly
    partial; missing (NaN) for undated steps, which come last), ``kind`` (``flight``,
    ``exploitation``, ``rescue``, ``repatriation``), ``place`` (``TPE→PNH`` for a flight,
    ``name, country`` for a place), ``detail`` (the flight ``BR265@2022-09-01``, ``exploited
    until …``, ``rescued``) and ``evidence`` (pieces behind the step). Steps of one date
    follow that order of kinds.

    Raises:
        ValueError: ``person`` is not the id of a Person in ``g``.
    """
    check_graph(g)
    check_node(g, person, "person", label="Person")
    c = collapsed(g)
    canonical = canonical_ids(g).get(person, person)
    rows = [{"person": canonical, "step": i, **{k: e[k] for k in ("date", "kind", "place", "detail", "evidence")}}
            for i, e in enumerate(_events(c, canonical), start=1)]
    return frame(rows, JOURNEY_COLUMNS)


def common_routes(g: nx.Graph) -> pd.DataFrame:
    """Outbound routes (chains of airports) that two or more victims travelled.

    A victim's route is their TRAVELED_ON flights in date order as airports, e.g.
    ``TPE→BKK→PNH`` (a gap between flights shows as ``…``). Columns: ``route``, ``legs``
    (flights), ``victims`` (how many), ``people`` (sorted ids), ``names`` (same order),
    ``first_date`` and ``last_date`` (of their first flights), ``destinations`` (sorted places
    where they were exploited). Ordered by victims (descending), then route.
    """
    check_graph(g)
    c = collapsed(g)
    roles = roles_in(c)
    groups: dict[tuple[str, int], list[str]] = defaultdict(list)
    starts: dict[str, str] = {}
    for p in sorted(p for p, r in roles.items() if "victim" in r):
        flights = sorted(((str(c.nodes[f].get("date") or ""), f) for _p, f, d in edges_of(c, p)
                          if d.get("type") == "TRAVELED_ON"))
        if not flights:
            continue
        stops: list[str] = []
        for _date, f in flights:
            origin, destination = flight_route(c, f)
            if not stops:
                stops.append(origin or "?")
            elif stops[-1] != (origin or "?"):
                stops += ["…", origin or "?"]
            stops.append(destination or "?")
        groups[("→".join(stops).replace("→…→", "…"), len(flights))].append(p)
        starts[p] = flights[0][0]
    rows = []
    for (route, legs), members in groups.items():
        if len(members) < 2:
            continue
        dates = sorted(starts[p] for p in members if starts[p])
        places = sorted({_place(c, x) for p in members for _p, x, d in edges_of(c, p)
                         if d.get("type") == "EXPLOITED_AT"})
        rows.append({"route": route, "legs": legs, "victims": len(members), "people": members,
                     "names": [name_of(c, p) for p in members], "first_date": dates[0] if dates else None,
                     "last_date": dates[-1] if dates else None, "destinations": places})
    rows.sort(key=lambda r: (-r["victims"], r["route"]))
    return frame(rows, ROUTE_COLUMNS)
