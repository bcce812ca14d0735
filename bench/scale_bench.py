"""Community detection at scale (``make bench``): Leiden against networkx Louvain, same run.

Planted-partition graphs of about 10k, 100k and 1M edges (communities of 50 people, dense
inside, a sparse web between) are built in memory; each backend finds communities with the
same seed, and the table gives seconds, the speed-up of Leiden over Louvain, the modularity
of each (networkx's measure, so both are judged alike) and the peak memory. Results go to
stdout (Markdown) and ``bench/results/scale.json``.

    python -m bench.scale_bench [--sizes 10000,100000,1000000] [--louvain-max 1000000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import time
from pathlib import Path

import igraph as ig
import leidenalg
import networkx as nx
from networkx.algorithms.community import louvain_communities, modularity


def planted(edges: int, seed: int, size: int = 50) -> nx.Graph:
    """About ``edges`` edges among communities of ``size`` people: 90% inside, 10% between."""
    rng = random.Random(seed)
    people = max(size * 2, edges // 10)
    groups = people // size
    g = nx.Graph()
    g.add_nodes_from(range(people))
    while g.number_of_edges() < edges:
        a = rng.randrange(people)
        if rng.random() < 0.9:
            base = (a // size) * size
            b = base + rng.randrange(size)
        else:
            b = rng.randrange(groups) * size + rng.randrange(size)
        if a != b:
            g.add_edge(a, b, weight=1)
    return g


def to_igraph(g: nx.Graph) -> ig.Graph:
    return ig.Graph(n=g.number_of_nodes(), edges=list(g.edges()))


def leiden(h: ig.Graph, seed: int) -> list[set[int]]:
    part = leidenalg.find_partition(h, leidenalg.ModularityVertexPartition, seed=seed)
    return [set(c) for c in part]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale_bench", description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")  # 1M edges: see docs/benchmarks.md
    parser.add_argument("--louvain-max", type=int, default=1_000_000, help="largest graph Louvain is run on")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rows = []
    for edges in (int(x) for x in args.sizes.split(",")):
        g = planted(edges, args.seed)
        t = time.perf_counter()
        h = to_igraph(g)
        convert_s = time.perf_counter() - t
        t = time.perf_counter()
        found = leiden(h, args.seed)
        leiden_s = time.perf_counter() - t
        leiden_q = modularity(g, found)
        louvain_s = louvain_q = None
        if edges <= args.louvain_max:
            t = time.perf_counter()
            found = louvain_communities(g, seed=args.seed)
            louvain_s = time.perf_counter() - t
            louvain_q = modularity(g, found)
        rows.append({"edges": g.number_of_edges(), "nodes": g.number_of_nodes(), "leiden_s": round(leiden_s, 2), "to_igraph_s": round(convert_s, 2),
                     "louvain_s": None if louvain_s is None else round(louvain_s, 2),
                     "speedup": None if louvain_s is None else round(louvain_s / leiden_s, 1),
                     "leiden_modularity": round(leiden_q, 4),
                     "louvain_modularity": None if louvain_q is None else round(louvain_q, 4)})
        print(rows[-1], flush=True)
    peak = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    result = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
              "networkx": nx.__version__, "leidenalg": leidenalg.__version__, "rows": rows, "peak_rss_mib": peak}
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "scale.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print("\n| edges | Leiden s (+ to igraph) | Louvain s | Leiden speed-up | modularity Leiden / Louvain |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['edges']:,} | {r['leiden_s']} (+{r['to_igraph_s']}) | {r['louvain_s']} | {r['speedup']}x | "
              f"{r['leiden_modularity']} / {r['louvain_modularity']} |")
    print(f"\npeak memory {peak} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
