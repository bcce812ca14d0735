"""Community detection at scale (``make bench``): Leiden against networkx Louvain, same run.

Planted-partition graphs of exactly 10k, 100k and 1M edges (communities of 50 people, 90% of
the edges inside them, a sparse web between) are generated with numpy. Each backend runs in
its own child process on the same graph and seed, so each has its own peak memory:

* Leiden: ``graph.analytics.communities.leiden_membership``, the function behind
  ``--backend leiden``, timed from a list of vertex pairs (building its igraph included);
* Louvain: networkx's ``louvain_communities``, timed on a networkx graph already built (the
  build is reported apart), as the default backend runs.

Both partitions are scored with one modularity measure (igraph's). Then the projection from
the database is timed: the same graphs (up to ``--project-max`` edges) are loaded into a
private local server as people and ASSOCIATE_OF ties, and ``graph.projection.to_networkx``
reads them back. Results go to stdout (Markdown) and ``bench/results/scale.json``.

    python -m bench.scale_bench [--sizes 10000,100000,1000000] [--louvain-max 1000000]
                                [--project-max 1000000] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

COMMUNITY_SIZE = 50

CREATE_PEOPLE = """
UNWIND $ids AS id
CREATE (:Person {id: id, name: id})
"""

CREATE_TIES = """
UNWIND $pairs AS pair
MATCH (a:Person {id: pair[0]}), (b:Person {id: pair[1]})
CREATE (a)-[:ASSOCIATE_OF {id: pair[2]}]->(b)
"""


def planted(edges: int, seed: int, size: int = COMMUNITY_SIZE) -> tuple[int, np.ndarray]:
    """``(people, pairs)``: exactly ``edges`` distinct pairs, 90% inside communities of ``size``."""
    rng = np.random.default_rng(seed)
    people = max(size * 2, edges // 10)
    groups = people // size
    pairs = np.empty((0,), dtype=np.int64)
    draw = int(edges * 1.3) + 100
    while pairs.size < edges:
        a = rng.integers(0, people, draw)
        inside = rng.random(draw) < 0.9
        b = np.where(inside, (a // size) * size + rng.integers(0, size, draw),
                     rng.integers(0, groups, draw) * size + rng.integers(0, size, draw))
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        keep = lo != hi
        pairs = np.unique(np.concatenate([pairs, lo[keep] * people + hi[keep]]))
    chosen = np.sort(rng.permutation(pairs)[:edges])
    return people, np.stack([chosen // people, chosen % people], axis=1)


def _modularity(people: int, pairs: np.ndarray, membership: list[int]) -> float:
    import igraph

    return float(igraph.Graph(n=people, edges=pairs).modularity(membership))


def child(backend: str, edges: int, seed: int) -> dict[str, Any]:
    """One backend on one graph, in this process: seconds, modularity, peak memory."""
    people, pairs = planted(edges, seed)
    out: dict[str, Any] = {"backend": backend, "edges": int(len(pairs)), "nodes": people}
    if backend == "leiden":
        import igraph  # noqa: F401  (loaded once per process in the app too)

        from graph.analytics.communities import leiden_membership

        edge_list = list(zip(pairs[:, 0].tolist(), pairs[:, 1].tolist()))
        t = time.perf_counter()
        membership = leiden_membership(people, edge_list, seed=seed)
        out["seconds"] = time.perf_counter() - t
    else:
        import networkx as nx

        t = time.perf_counter()
        g = nx.Graph()
        g.add_nodes_from(range(people))
        g.add_edges_from(pairs.tolist())
        out["build_seconds"] = time.perf_counter() - t
        t = time.perf_counter()
        found = nx.community.louvain_communities(g, seed=seed)
        out["seconds"] = time.perf_counter() - t
        membership = [0] * people
        for i, members in enumerate(found):
            for p in members:
                membership[p] = i
    out["communities"] = len(set(membership))
    out["modularity"] = _modularity(people, pairs, membership)
    out["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _run_child(backend: str, edges: int, seed: int) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "bench.scale_bench", "--child", backend, "--sizes", str(edges),
                           "--seed", str(seed)], check=True, capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parent.parent)
    return json.loads(done.stdout.strip().splitlines()[-1])


def projection(sizes: list[int], seed: int) -> list[dict[str, Any]]:
    """Load each graph into a private local server and time ``to_networkx`` reading it back."""
    from graph import localserver, schema
    from graph.projection import to_networkx
    from graph.settings import load_settings
    from graph.store import open_store

    rows = []
    with tempfile.TemporaryDirectory(prefix="tipgraph-scale-") as home:
        settings = load_settings({"TIPGRAPH_HOME": home, "TIPGRAPH_SERVER_HEAP": "6g"})
        localserver.start(settings)
        try:
            with open_store(settings, start_local=False, user="bench") as store:
                for edges in sizes:
                    store.write("MATCH (n) DETACH DELETE n")
                    schema.init_schema(store)
                    people, pairs = planted(edges, seed)
                    ids = [f"person:s{i}" for i in range(people)]
                    t = time.perf_counter()
                    for i in range(0, people, 10_000):
                        store.write(CREATE_PEOPLE, {"ids": ids[i : i + 10_000]}, purpose="bench")
                    for i in range(0, len(pairs), 10_000):
                        chunk = [[ids[a], ids[b], f"tie:{i + k}"] for k, (a, b) in enumerate(pairs[i : i + 10_000].tolist())]
                        store.write(CREATE_TIES, {"pairs": chunk}, purpose="bench")
                    load_s = time.perf_counter() - t
                    t = time.perf_counter()
                    g = to_networkx(store, labels=["Person"], rel_types=["ASSOCIATE_OF"])
                    project_s = time.perf_counter() - t
                    assert g.number_of_edges() == len(pairs), (g.number_of_edges(), len(pairs))
                    rows.append({"edges": int(len(pairs)), "load_s": round(load_s, 1), "project_s": round(project_s, 2),
                                 "edges_per_s": round(len(pairs) / project_s)})
                    print(rows[-1], flush=True)
                    del g
        finally:
            localserver.stop(settings)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--louvain-max", type=int, default=1_000_000, help="largest graph Louvain is run on")
    parser.add_argument("--project-max", type=int, default=1_000_000, help="largest graph loaded and projected")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--child", choices=("leiden", "louvain"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    if args.child:
        print(json.dumps(child(args.child, sizes[0], args.seed)))
        return 0
    rows = []
    for edges in sizes:
        leiden = _run_child("leiden", edges, args.seed)
        louvain = _run_child("louvain", edges, args.seed) if edges <= args.louvain_max else None
        row = {"edges": leiden["edges"], "nodes": leiden["nodes"], "leiden_s": round(leiden["seconds"], 3),
               "leiden_peak_mib": round(leiden["peak_mib"]), "leiden_modularity": round(leiden["modularity"], 4),
               "louvain_s": None, "louvain_build_s": None, "louvain_peak_mib": None, "louvain_modularity": None,
               "speedup": None, "modularity_gap_pct": None}
        if louvain:
            row.update({"louvain_s": round(louvain["seconds"], 2), "louvain_build_s": round(louvain["build_seconds"], 2),
                        "louvain_peak_mib": round(louvain["peak_mib"]),
                        "louvain_modularity": round(louvain["modularity"], 4),
                        "speedup": round(louvain["seconds"] / leiden["seconds"], 1),
                        "modularity_gap_pct": round(100 * (louvain["modularity"] - leiden["modularity"])
                                                    / louvain["modularity"], 2)})
        rows.append(row)
        print(row, flush=True)
    projected = projection([e for e in sizes if e <= args.project_max], args.seed) if args.project_max else []
    result = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
              "rows": rows, "projection": projected}
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "scale.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print("\n| edges | Leiden s | networkx Louvain s (+ build) | Leiden speed-up | modularity Leiden / Louvain "
          "| peak MiB Leiden / Louvain |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['edges']:,} | {r['leiden_s']} | {r['louvain_s']} (+{r['louvain_build_s']}) | {r['speedup']}x | "
              f"{r['leiden_modularity']} / {r['louvain_modularity']} | {r['leiden_peak_mib']} / {r['louvain_peak_mib']} |")
    if projected:
        print("\n| edges | load into the local server s | to_networkx s | edges/s |")
        print("|---|---|---|---|")
        for p in projected:
            print(f"| {p['edges']:,} | {p['load_s']} | {p['project_s']} | {p['edges_per_s']:,} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
