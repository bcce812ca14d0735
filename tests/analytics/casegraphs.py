"""Small hand-built case graphs, shaped like ``graph.projection.to_networkx`` output, with known answers."""

from __future__ import annotations

import random
from typing import Any

import networkx as nx


def person(g: nx.MultiDiGraph, pid: str, name: str, **props: Any) -> str:
    g.add_node(pid, label="Person", name=name, **props)
    return pid


def rel(g: nx.MultiDiGraph, u: str, v: str, rel_type: str, *, evidence: int = 1, documents: int = 1,
        **props: Any) -> None:
    g.add_edge(u, v, key=f"{rel_type}:{u}:{v}", type=rel_type, evidence=evidence, documents=documents, **props)


def flight(g: nx.MultiDiGraph, number: str, date: str, origin: str, destination: str) -> str:
    fid = f"flight:{number}@{date}"
    g.add_node(fid, label="Flight", number=number, date=date, origin=origin, destination=destination,
               key=f"{number}@{date}")
    return fid


def identifier(g: nx.MultiDiGraph, iid: str, kind: str, value: str) -> str:
    g.add_node(iid, label="Identifier", type=kind, value=value)
    return iid


def two_rings() -> nx.MultiDiGraph:
    """Two recruiter rings, each sharing a phone and an account, a broker tied into both, and their victims.

    Ring A: recruiters a1, a2, a3 (a3 also recorded as a3b, merged onto a3); victims va1 (masked
    陳○明), va2 (who later recruited vx). a1 flew BR265 with va1 and va2. Ring B: recruiters b1,
    b2, b3 (b3 has a proposed, unconfirmed duplicate b3x); victims vb1 (also masked 陳○明), vb2.
    b1 flew CI751 on 2022-10-01 and vb1 the same route a day later. The broker k is an
    associate of a1 and b1 and shares a handle with a2 and b2. Two tourists share a flight.
    """
    g = nx.MultiDiGraph()
    for case in ("A", "B", "C"):
        g.add_node(f"case:{case}", label="Case", number=f"{case}-111", referred_on="2023-01-01")
    g.add_node("loc:KH:Sihanoukville", label="Location", name="Sihanoukville", country="KH", kind="city")
    g.add_node("loc:MM:Myawaddy", label="Location", name="Myawaddy", country="MM", kind="city")
    g.add_node("org:tpe", label="Organization", name="Taipei District Prosecutors Office")
    rel(g, "case:A", "org:tpe", "REFERRED_TO", date="2023-01-01")

    for ring, phone, account in (("a", "+886912000111", "700-1234567"), ("b", "+886933000222", "812-7654321")):
        pid = identifier(g, f"ident:phone{ring}", "phone", phone)
        aid = identifier(g, f"ident:acct{ring}", "account", account)
        members = [person(g, f"person:{ring}{i}", f"{ring.upper()}{i} 林", birth_year=1980 + i) for i in (1, 2, 3)]
        for i, m in enumerate(members):
            rel(g, m, f"case:{ring.upper()}", "RECRUITER_IN", since="2022-01-01")
            rel(g, m, f"case:{ring.upper()}", "SUSPECT_IN", since="2022-01-01")
            rel(g, m, pid, "HAS_IDENTIFIER", evidence=2, documents=2)
            if i < 2:
                rel(g, m, aid, "HAS_IDENTIFIER", evidence=1, documents=1)
            for other in members[i + 1:]:
                rel(g, m, other, "ASSOCIATE_OF", evidence=2, documents=2)

    # ring A's third member was also written down as a3b; resolution merged the two
    person(g, "person:a3b", "A3 Lin", canonical="person:a3")
    rel(g, "person:a3", "person:a3b", "SAME_AS", evidence=0, documents=0, status="merged", score=0.97)
    rel(g, "person:a3b", "ident:phonea", "HAS_IDENTIFIER")
    identifier(g, "ident:phonea3", "phone", "+886955000333")
    rel(g, "person:a3", "ident:phonea3", "HAS_IDENTIFIER")
    rel(g, "person:a3b", "ident:phonea3", "HAS_IDENTIFIER")
    # ring B's third member has a candidate duplicate nobody confirmed
    person(g, "person:b3x", "B3 Lam")
    rel(g, "person:b3", "person:b3x", "SAME_AS", evidence=0, documents=0, status="proposed", score=0.61)

    # victims; va1 and vb1 are two different people whose names were masked alike
    person(g, "person:va1", "陳○明", masked=True)
    person(g, "person:va2", "Somchai")
    person(g, "person:vx", "Dara")
    person(g, "person:vb1", "陳○明", masked=True)
    person(g, "person:vb2", "Nguyen")
    for v, case in (("va1", "A"), ("va2", "A"), ("vb1", "B"), ("vb2", "B"), ("vx", "C")):
        rel(g, f"person:{v}", f"case:{case}", "VICTIM_IN", since="2022-03-01")
    rel(g, "person:a1", "person:va1", "RECRUITED", date="2022-03-01", evidence=3, documents=2)
    rel(g, "person:a1", "person:va2", "RECRUITED", date="2022-03-05", evidence=2, documents=2)
    rel(g, "person:va2", "person:vx", "RECRUITED", date="2023-02-01", evidence=1, documents=1)
    rel(g, "person:b1", "person:vb1", "RECRUITED", date="2022-06-01", evidence=2, documents=1)
    rel(g, "person:b2", "person:vb2", "TRAFFICKED", date="2022-06-03", evidence=1, documents=1)

    br265 = flight(g, "BR265", "2022-09-01", "TPE", "PNH")
    for p in ("a1", "va1", "va2"):
        rel(g, f"person:{p}", br265, "TRAVELED_ON")
    rel(g, "person:va1", "loc:KH:Sihanoukville", "EXPLOITED_AT", since="2022-09-05", until="2023-01-09")
    rel(g, "person:va2", "loc:KH:Sihanoukville", "EXPLOITED_AT", since="2022-09-05")
    rel(g, "person:va1", "loc:KH:Sihanoukville", "RESCUED_FROM", date="2023-01-10")
    home = flight(g, "CI762", "2023-01-20", "PNH", "TPE")
    rel(g, "person:va1", home, "REPATRIATED_ON")
    ci1 = flight(g, "CI751", "2022-10-01", "TPE", "BKK")
    ci2 = flight(g, "CI751", "2022-10-02", "TPE", "BKK")
    rel(g, "person:b1", ci1, "TRAVELED_ON")
    rel(g, "person:vb1", ci2, "TRAVELED_ON")
    rel(g, "person:vb1", "loc:MM:Myawaddy", "EXPLOITED_AT", since="2022-10-05")

    # the broker: an associate of both rings' leaders, sharing a handle with one member of each
    person(g, "person:k", "Broker Ko")
    handle = identifier(g, "ident:handle", "handle", "@luckyjob")
    for p in ("k", "a2", "b2"):
        rel(g, f"person:{p}", handle, "HAS_IDENTIFIER")
    rel(g, "person:k", "person:a1", "ASSOCIATE_OF")
    rel(g, "person:k", "person:b1", "ASSOCIATE_OF")

    # two tourists on one flight: co-travel without a victim or recruiter
    tourists = flight(g, "JX711", "2022-11-11", "TPE", "NRT")
    for t in ("t1", "t2"):
        person(g, f"person:{t}", t.upper())
        rel(g, f"person:{t}", tourists, "TRAVELED_ON")
    return g


def cliques(n: int = 2, size: int = 5) -> nx.MultiDiGraph:
    """``n`` disconnected groups of associates: the clear-cut case for community detection."""
    g = nx.MultiDiGraph()
    for c in range(n):
        members = [person(g, f"person:c{c}m{i}", f"C{c}M{i}") for i in range(size)]
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                rel(g, a, b, "ASSOCIATE_OF")
    return g


def random_people(n: int, p: float, *, seed: int) -> nx.MultiDiGraph:
    """An Erdős–Rényi graph of associates: no real community structure, so runs disagree."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    ids = [person(g, f"person:{i:05d}", f"P{i}") for i in range(n)]
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if rng.random() < p:
                rel(g, a, b, "ASSOCIATE_OF")
    return g
