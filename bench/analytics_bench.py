"""Analytics benchmark: communities and key players on a synthetic case graph.

Builds a ``to_networkx``-shaped graph of rings (recruiters sharing a phone, each with a case
of victims who flew together), with some people resolved onto others and a few brokers
between rings, then times the analyses against a baseline measured in the same run:
building the person graph every analysis starts from. Prints a Markdown table.

    python -m bench.analytics_bench [--people 20000] [--seed 7] [--runs 10] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

import networkx as nx

from graph.analytics import collapse_people, communities, key_players, person_graph
from graph.analytics.keyplayers import DEFAULT_SAMPLE

RING_RECRUITERS = 4
VICTIMS_PER_RECRUITER = 4


def synthetic_graph(people: int, seed: int) -> nx.MultiDiGraph:
    """About ``people`` people in rings of 4 recruiters and 16 victims, plus resolved duplicates and brokers."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    ring_size = RING_RECRUITERS * (1 + VICTIMS_PER_RECRUITER)
    rings = max(1, people // ring_size)
    recruiters: list[list[str]] = []
    for r in range(rings):
        phone = f"ident:ph{r}"
        g.add_node(phone, label="Identifier", type="phone", value=f"+8869{r:08d}")
        members = []
        for j in range(RING_RECRUITERS):
            rec = f"person:r{r}_{j}"
            g.add_node(rec, label="Person", name=f"R{r}-{j}")
            members.append(rec)
            g.add_edge(rec, phone, type="HAS_IDENTIFIER", evidence=rng.randint(1, 3), documents=1)
            case = f"case:{r}_{j}"
            g.add_node(case, label="Case", number=f"{r}-{j}")
            g.add_edge(rec, case, type="RECRUITER_IN", evidence=1, documents=1)
            day = f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            flight = f"flight:BR{r % 900 + 100}@{day}"
            g.add_node(flight, label="Flight", number=f"BR{r % 900 + 100}", date=day, origin="TPE", destination="PNH")
            g.add_edge(rec, flight, type="TRAVELED_ON", evidence=1, documents=1)
            for v in range(VICTIMS_PER_RECRUITER):
                vic = f"person:v{r}_{j}_{v}"
                g.add_node(vic, label="Person", name=f"V{r}-{j}-{v}", masked=True)
                g.add_edge(vic, case, type="VICTIM_IN", evidence=1, documents=1)
                g.add_edge(rec, vic, type="RECRUITED", date=day, evidence=rng.randint(1, 4),
                           documents=rng.randint(1, 2))
                g.add_edge(vic, flight, type="TRAVELED_ON", evidence=1, documents=1)
        for a in range(RING_RECRUITERS):
            for b in range(a + 1, RING_RECRUITERS):
                if rng.random() < 0.5:
                    g.add_edge(members[a], members[b], type="ASSOCIATE_OF", evidence=1, documents=1)
        recruiters.append(members)
    # brokers: associates across rings
    for _ in range(rings // 2):
        a, b = rng.sample(range(rings), 2)
        g.add_edge(rng.choice(recruiters[a]), rng.choice(recruiters[b]), type="ASSOCIATE_OF", evidence=1, documents=1)
    # one person in 50 also recorded under a second id, resolved onto the first
    for i, p in enumerate([n for n in g if n.startswith("person:v")][::50]):
        dup = f"person:dup{i}"
        g.add_node(dup, label="Person", name=g.nodes[p]["name"], canonical=p)
        g.add_edge(p, dup, type="SAME_AS", status="merged", score=0.95, evidence=0, documents=0)
    return g


def _time(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=10, help="Louvain runs for the stability score")
    parser.add_argument("--repeat", type=int, default=1, help="time each step this many times (median)")
    args = parser.parse_args(argv)

    g = synthetic_graph(args.people, args.seed)
    collapsed = collapse_people(g)
    pg = person_graph(collapsed)
    baseline = _time(lambda: person_graph(collapsed), args.repeat)
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("collapse_people", lambda: collapse_people(g)),
        ("person_graph (baseline)", lambda: person_graph(collapsed)),
        ("communities, runs=1", lambda: communities(collapsed, seed=args.seed, runs=1)),
        (f"communities, runs={args.runs}", lambda: communities(collapsed, seed=args.seed, runs=args.runs)),
        (f"key_players (betweenness k={DEFAULT_SAMPLE})", lambda: key_players(collapsed, seed=args.seed)),
        (f"communities from the raw graph, runs={args.runs}", lambda: communities(g, seed=args.seed, runs=args.runs)),
    ]
    print(f"Synthetic graph: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} relationships; "
          f"person graph: {pg.number_of_nodes():,} people, {pg.number_of_edges():,} ties. "
          f"Python {platform.python_version()}, networkx {nx.__version__}, {os.cpu_count()} cores, seed {args.seed}.")
    print()
    print("| step | seconds | × baseline |")
    print("|---|---:|---:|")
    for name, fn in steps:
        seconds = baseline if name.endswith("(baseline)") else _time(fn, args.repeat)
        print(f"| {name} | {seconds:.2f} | {seconds / baseline:.1f} |", flush=True)


if __name__ == "__main__":
    main()
