"""Store benchmark (``make bench``): batched upserts against per-row MERGE, neighbourhood and search.

Runs against a private local server in a temporary TIPGRAPH_HOME (or NEO4J_URI when set and
TIPGRAPH_BENCH_ALLOW_WIPE=1, since it wipes the database). Every figure is measured in the
same run as its baseline; results go to stdout as a Markdown table and to
``bench/results/store.json``.

    python -m bench.store_bench [--nodes 100000] [--rels 300000] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from graph import localserver, reads, schema
from graph.model import Evidence, make_id
from graph.settings import Settings, load_settings
from graph.store import Store, open_store
from graph.writes import GraphBatch, NodeRow, RelRow, write_batch

SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴徐周葉蘇莊呂江何蕭羅高"
GIVEN = "偉廷志豪美玲家宏淑芬俊傑雅婷冠宇怡君建華明德文雄秀英"
LATIN = ["Somchai", "Boonmee", "Nguyen", "Tran", "Chen", "Wei", "Ting", "Lee", "Kim", "Sokha", "Dara", "Aung"]

PER_ROW_MERGE = "MERGE (p:Person {id: $id}) ON CREATE SET p.name = $name"
BATCH_MERGE = "UNWIND $rows AS row MERGE (p:Person {id: row.id}) ON CREATE SET p.name = row.name"
WIPE_SOME = "MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n"


def _name(rng: random.Random, i: int) -> str:
    if i % 3 == 0:
        return f"{rng.choice(LATIN)} {rng.choice(LATIN)}"
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)


def _machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines() if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem_kb = next((int(l.split()[1]) for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")), 0)
    return {"cores": os.cpu_count(), "cpu": cpu, "memory_gib": round(mem_kb / 2**20, 1), "python": platform.python_version()}


def _rss_mib(pid: int) -> float | None:
    try:
        line = next(l for l in Path(f"/proc/{pid}/status").read_text().splitlines() if l.startswith("VmHWM"))
        return round(int(line.split()[1]) / 1024, 1)
    except (OSError, StopIteration):
        return None


def _wipe(store: Store) -> None:
    while store.write(WIPE_SOME)[0]["n"]:
        pass


def bench(store: Store, n_nodes: int, n_rels: int, seed: int, batch_size: int, tx_rows: int) -> dict[str, Any]:
    rng = random.Random(seed)
    results: dict[str, Any] = {}

    # Like for like, on the same 2k rows each time (fresh ids per measurement):
    # A. bare: one MERGE per round trip (as most tutorials do) against one UNWIND batch.
    n = 2000
    t = time.perf_counter()
    for i in range(n):
        store.write(PER_ROW_MERGE, {"id": f"person:a{i}", "name": f"Base {i}"})
    bare_per_row = n / (time.perf_counter() - t)
    t = time.perf_counter()
    store.write(BATCH_MERGE, {"rows": [{"id": f"person:b{i}", "name": f"Base {i}"} for i in range(n)]})
    bare_batched = n / (time.perf_counter() - t)
    # B. full rows as tipgraph writes them (name search keys and a piece of evidence each):
    #    one transaction per row against one transaction for all.
    doc = "doc:" + "0" * 64
    write_batch(store, GraphBatch(nodes=[NodeRow(doc, {"kind": "case"})]), batch_size=batch_size)

    def full_rows(tag: str) -> list[NodeRow]:
        return [NodeRow(make_id("Person", tag, str(i)), {"name": _name(rng, i)}, [Evidence(doc, i, i + 3, "bench")])
                for i in range(n)]

    rows = full_rows("c")
    t = time.perf_counter()
    for row in rows:
        write_batch(store, GraphBatch(nodes=[row]), batch_size=1)
    full_per_row = n / (time.perf_counter() - t)
    rows = full_rows("d")
    t = time.perf_counter()
    write_batch(store, GraphBatch(nodes=rows), batch_size=batch_size)
    full_batched = n / (time.perf_counter() - t)
    results.update(
        bare_per_row_rows_s=round(bare_per_row), bare_batched_rows_s=round(bare_batched),
        bare_speedup=round(bare_batched / bare_per_row, 1),
        full_per_row_rows_s=round(full_per_row), full_batched_rows_s=round(full_batched),
        full_speedup=round(full_batched / full_per_row, 1),
    )
    _wipe(store)

    # The large load: documents, people with evidence, relationships with evidence.
    docs = [f"doc:{i:064x}" for i in range(100)]
    people = [make_id("Person", "bench", str(i)) for i in range(n_nodes)]
    rel_types = ["ASSOCIATE_OF", "RECRUITED", "TRAFFICKED"]
    t0 = time.perf_counter()
    trips0 = store.round_trips
    write_batch(store, GraphBatch(nodes=[NodeRow(d, {"kind": "case"}) for d in docs]), batch_size=batch_size)
    chunk = tx_rows
    for start in range(0, n_nodes, chunk):
        nodes = [
            NodeRow(pid, {"name": _name(rng, i)}, [Evidence(rng.choice(docs), i % 500, i % 500 + 3, "bench", 0.9)])
            for i, pid in enumerate(people[start : start + chunk], start)
        ]
        write_batch(store, GraphBatch(nodes=nodes), batch_size=batch_size)
    t_nodes = time.perf_counter() - t0
    t1 = time.perf_counter()
    seen: set[tuple[str, str, str]] = set()
    pending: list[RelRow] = []
    while len(seen) < n_rels:
        a, b = rng.randrange(n_nodes), rng.randrange(n_nodes)
        rel_type = rel_types[len(seen) % 3]
        key = (rel_type, people[a], people[b])
        if a == b or key in seen:
            continue
        seen.add(key)
        pending.append(RelRow(rel_type, people[a], people[b], {},
                              [Evidence(rng.choice(docs), len(seen) % 900, len(seen) % 900 + 5, "bench", 0.8)]))
        if len(pending) == chunk:
            write_batch(store, GraphBatch(rels=pending), batch_size=batch_size)
            pending = []
    if pending:
        write_batch(store, GraphBatch(rels=pending), batch_size=batch_size)
    t_rels = time.perf_counter() - t1
    total_rows = n_nodes + n_rels
    total_s = t_nodes + t_rels
    results.update(
        nodes=n_nodes, relationships=n_rels, rows_per_transaction=tx_rows, rows_per_statement=batch_size,
        node_rows_s=round(n_nodes / t_nodes), rel_rows_s=round(n_rels / t_rels),
        batched_rows_s=round(total_rows / total_s), load_seconds=round(total_s, 1),
        load_round_trips=store.round_trips - trips0,
        load_speedup_vs_full_per_row=round((total_rows / total_s) / full_per_row, 1),
    )

    # Reads on the loaded graph.
    sample = rng.sample(people, 200)
    hood_ms, hood_sizes = [], []
    for pid in sample:
        t = time.perf_counter()
        view = reads.neighbourhood(store, pid, hops=2, max_nodes=300)
        hood_ms.append((time.perf_counter() - t) * 1000)
        hood_sizes.append(len(view.nodes))
    queries = [rng.choice(SURNAMES) + rng.choice(GIVEN) for _ in range(100)] + [rng.choice(LATIN).lower()[:4] for _ in range(50)] + [
        rng.choice(GIVEN) + rng.choice(GIVEN) for _ in range(50)]
    search_ms = []
    for q in queries:
        t = time.perf_counter()
        reads.search(store, q, limit=20)
        search_ms.append((time.perf_counter() - t) * 1000)
    results.update(
        hood2_median_ms=round(statistics.median(hood_ms), 1),
        hood2_p95_ms=round(statistics.quantiles(hood_ms, n=20)[18], 1),
        hood2_median_nodes=statistics.median(hood_sizes),
        search_median_ms=round(statistics.median(search_ms), 1),
        search_p95_ms=round(statistics.quantiles(search_ms, n=20)[18], 1),
    )
    return results


def _report(r: dict[str, Any]) -> str:
    rows = [
        ("A. bare MERGE, one per round trip (baseline)", f"{r['bare_per_row_rows_s']:,}", "", ""),
        ("A. bare MERGE, the same rows in one UNWIND batch", f"{r['bare_batched_rows_s']:,}", f"{r['bare_speedup']}x", ">= 10,000 rows/s, >= 20x"),
        ("B. full rows (name keys, evidence), one transaction each (baseline)", f"{r['full_per_row_rows_s']:,}", "", ""),
        ("B. full rows, the same rows batched in one transaction", f"{r['full_batched_rows_s']:,}", f"{r['full_speedup']}x", ">= 20x"),
        (f"C. load {r['nodes']:,} nodes + {r['relationships']:,} rels with evidence", f"{r['batched_rows_s']:,}",
         f"{r['load_speedup_vs_full_per_row']}x vs B baseline", ">= 10,000 rows/s"),
        ("   C nodes (name keys, mention)", f"{r['node_rows_s']:,}", "", ""),
        ("   C relationships (evidence)", f"{r['rel_rows_s']:,}", "", ""),
        ("2-hop neighbourhood on C, median / p95 ms", f"{r['hood2_median_ms']} / {r['hood2_p95_ms']}", "", "median < 50 ms"),
        ("name search on C, median / p95 ms", f"{r['search_median_ms']} / {r['search_p95_ms']}", "", "< 100 ms"),
    ]
    lines = ["| measure | rows/s or ms | ratio to its baseline | target |", "|---|---|---|---|"]
    lines += [f"| {m} | {v} | {x} | {t} |" for m, v, x, t in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--rels", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch-size", type=int, default=2000, help="rows per UNWIND statement")
    parser.add_argument("--tx-rows", type=int, default=4000, help="rows per write transaction")
    args = parser.parse_args()

    remote = bool(os.environ.get("NEO4J_URI"))
    if remote and os.environ.get("TIPGRAPH_BENCH_ALLOW_WIPE") != "1":
        raise SystemExit("the benchmark wipes the database: set TIPGRAPH_BENCH_ALLOW_WIPE=1 to run it against NEO4J_URI")
    with tempfile.TemporaryDirectory(prefix="tipgraph-bench-") as home:
        settings: Settings = load_settings() if remote else load_settings({"TIPGRAPH_HOME": home, "TIPGRAPH_SERVER_HEAP": "4g"})
        state = None if remote else localserver.start(settings)
        try:
            with open_store(settings, start_local=False, user="bench") as store:
                _wipe(store)
                schema.init_schema(store)
                results = bench(store, args.nodes, args.rels, args.seed, args.batch_size, args.tx_rows)
        finally:
            if state is not None:
                results_server_rss = _rss_mib(state.pid)
                localserver.stop(settings)
    results["machine"] = _machine()
    results["client_peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if state is not None:
        results["server_peak_rss_mib"] = results_server_rss
    results["server"] = "neo4j (NEO4J_URI)" if remote else "local ArcadeDB (arcadedb-embedded)"
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "store.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(_report(results))
    print(f"\nmachine: {results['machine']}; server: {results['server']}; "
          f"client peak RSS {results['client_peak_rss_mib']} MiB; server peak RSS {results.get('server_peak_rss_mib')} MiB")


if __name__ == "__main__":
    main()
