"""Co-travel: people who flew together, where the group includes a victim or a recruiter.

With ``days=0`` a group is the passengers of one flight. With ``days > 0`` flights on the
same route (origin and destination) whose dates lie within ``days`` days of the first
flight of the group are one group: recruiters often send victims a day or two apart.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date as Date
from typing import Any

import networkx as nx
import pandas as pd

from graph.analytics._common import check_graph, check_int, edges_of, flight_route, frame, name_of, route_text
from graph.analytics.people import roles_in, collapsed

__all__ = ["co_travel"]

COLUMNS = ["flight", "date", "route", "people", "names", "victims", "recruiters"]


def _day(value: Any) -> Date | None:
    try:
        return Date.fromisoformat(str(value)[:10]) if value and len(str(value)) >= 10 else None
    except ValueError:
        return None


def _passengers(c: nx.MultiDiGraph, flight: str) -> set[str]:
    return {p for p, _f, d in edges_of(c, flight, out=False)
            if d.get("type") == "TRAVELED_ON" and c.nodes[p].get("label") == "Person"}


def co_travel(g: nx.Graph, *, days: int = 0) -> pd.DataFrame:
    """Groups of (collapsed) people on the same flight, or the same route within ``days`` days.

    Only groups of two or more people that include a victim or a recruiter (by
    ``person_roles``) are kept. Columns: ``flight`` (the flight id, or the ids joined by
    ``, `` when a group spans flights), ``date`` (ISO date, or ``first..last``), ``route``
    (``TPE→PNH``), ``people`` (sorted ids), ``names`` (same order), ``victims`` and
    ``recruiters`` (the sorted ids among them with that role; traffickers count as
    recruiters). Ordered by date, then flight. Flights without a full date only group alone.

    Raises:
        ValueError: ``days`` is not an integer of at least 0.
    """
    check_graph(g)
    check_int(days, "days", minimum=0)
    c = collapsed(g)
    roles = roles_in(c)
    flights = sorted(f for f, d in c.nodes(data=True) if d.get("label") == "Flight")
    groups: list[list[str]] = []
    if days == 0:
        groups = [[f] for f in flights]
    else:
        by_route: dict[tuple[str | None, str | None], list[tuple[Date, str]]] = defaultdict(list)
        for f in flights:
            day = _day(c.nodes[f].get("date"))
            route = flight_route(c, f)
            if day is None or None in route:
                groups.append([f])
            else:
                by_route[route].append((day, f))
        for dated in by_route.values():
            dated.sort()
            start: Date | None = None
            for day, f in dated:
                if start is None or (day - start).days > days:
                    groups.append([])
                    start = day
                groups[-1].append(f)
    rows = []
    for group in groups:
        aboard = sorted(set().union(*(_passengers(c, f) for f in group)))
        victims = [p for p in aboard if "victim" in roles[p]]
        recruiters = [p for p in aboard if roles[p] & {"recruiter", "trafficker"}]
        if len(aboard) < 2 or not (victims or recruiters):
            continue
        dates = sorted(str(c.nodes[f]["date"]) for f in group if c.nodes[f].get("date"))
        date = "" if not dates else dates[0] if dates[0] == dates[-1] else f"{dates[0]}..{dates[-1]}"
        routes = sorted({route_text(*flight_route(c, f)) for f in group})
        rows.append({"flight": ", ".join(group), "date": date, "route": ", ".join(routes), "people": aboard,
                     "names": [name_of(c, p) for p in aboard], "victims": victims, "recruiters": recruiters})
    rows.sort(key=lambda r: (r["date"], r["flight"]))
    return frame(rows, COLUMNS)
