"""Load (``make bench``): concurrent workbench sessions while an ingest runs.

A private local server gets the demo corpus. Then, for ``--seconds``, ``--sessions`` threads
each act as one analyst through the workbench's service layer (the code every page calls):
search a name, draw its ego network as a link chart (the HTML the page embeds), open the
entity and a piece of its evidence, and now and then move a victim to a stage. At the same
time ``tipgraph ingest`` loads a second demo corpus (another seed) in a separate process.

Reported: latency percentiles per action, errors, whether every stage move landed (moves
made = StageChange nodes found), and ingest throughput under load against the same ingest
alone, measured first in the same run (the ratio). Results: stdout (Markdown) and
``bench/results/load.json``.

    python -m bench.load_bench [--sessions 20] [--seconds 180]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

NAMES = ("高○正", "黃○思", "林○美", "陳", "王", "KAO", "CHEN", "Garcia", "+8869", "BR265")
COUNT_MOVES = "MATCH (m:StageChange) WHERE m.note STARTS WITH 'load-bench' RETURN count(m) AS n"
DOCUMENTS = "MATCH (d:Document) RETURN count(d) AS n"
RESCUES = "MATCH (r:Rescue) RETURN r.id AS id, r.office AS office"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _ingest(home: str, folder: Path) -> tuple[float, int]:
    """Seconds and documents of one `tipgraph ingest` run in its own process."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "tipgraph", "ingest", "--json", "--allow-quarantine",
                           str(folder / "cases"), str(folder / "rescues"), str(folder / "registers")],
                          env={**os.environ, "TIPGRAPH_HOME": home, "TIPGRAPH_WORKERS": "1"},
                          capture_output=True, text=True, check=True)
    summary = json.loads(done.stdout)
    return time.perf_counter() - started, int(summary["documents"]) + int(summary["registers"])


def _session(n: int, store: Any, home: str, stop: threading.Event, rescues: list[dict[str, Any]],
             out: dict[str, list[float]],
             errors: list[str], moves: list[int], lock: threading.Lock) -> None:
    from graph.audit import AuditLog
    from workbench.linkchart import render_html
    from workbench.service import WorkbenchService

    audit = AuditLog.at_home(Path(home))  # every session appends to the one hash chain, as in the workbench
    svc = WorkbenchService(store, actor=f"load-{n}", role="investigator", audit=audit)
    # a coordinator moves victims of their own office (as the workbench's access rules say)
    writers = {office: WorkbenchService(store, actor=f"load-{n}", role="coordinator", office=office, audit=audit)
               for office in {r["office"] for r in rescues}}
    rng = random.Random(n)
    while not stop.is_set():
        try:
            t = time.perf_counter()
            hits = svc.search(rng.choice(NAMES))
            _note(out, lock, "search", t)
            if not hits:
                continue
            hit = rng.choice(hits)
            t = time.perf_counter()
            view = svc.ego_network(hit["id"], hops=2, max_nodes=300)
            render_html(view.chart)
            _note(out, lock, "ego network + chart", t)
            t = time.perf_counter()
            entity = svc.entity(hit["id"])
            mentions = [m for m in entity.mentions if m and m.get("doc")]
            if mentions:
                m = rng.choice(mentions)
                svc.evidence(m["doc"], int(m["start"]), int(m["end"]))
            _note(out, lock, "entity + evidence", t)
            if rng.random() < 0.1:
                t = time.perf_counter()
                record = rng.choice(rescues)
                writers[record["office"]].move_stage(record["id"], "contacted", "2022-06-01", note=f"load-bench {n}")
                _note(out, lock, "stage move (write)", t)
                with lock:
                    moves[0] += 1
        except Exception as e:  # counted and reported: the point is to see any
            with lock:
                errors.append(f"{type(e).__name__}: {e}"[:300])


def _note(out: dict[str, list[float]], lock: threading.Lock, what: str, started: float) -> None:
    with lock:
        out[what].append(time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=180)
    args = parser.parse_args(argv)
    from graph import localserver, schema
    from graph.settings import load_settings
    from graph.store import open_store
    from ingest.demo import generate

    with tempfile.TemporaryDirectory(prefix="tipgraph-load-") as home:
        settings = load_settings({"TIPGRAPH_HOME": home, "TIPGRAPH_SERVER_HEAP": "3g"})
        localserver.start(settings)
        try:
            with open_store(settings, start_local=False, user="bench") as store:
                schema.init_schema(store)
            first, second, third = (Path(home) / f"demo-{s}" for s in (2022, 7, 11))
            for folder, seed in ((first, 2022), (second, 7), (third, 11)):
                generate(folder, seed=seed)
            _ingest(home, first)  # the data the sessions read
            alone_s, alone_docs = _ingest(home, second)  # baseline: the same kind of ingest, nothing else running
            with open_store(settings, start_local=False, user="bench") as store:
                rescues = [r for r in store.read(RESCUES) if r["office"]]
                out: dict[str, list[float]] = defaultdict(list)
                errors: list[str] = []
                moves = [0]
                lock = threading.Lock()
                stop = threading.Event()
                threads = [threading.Thread(target=_session, args=(n, store, home, stop, rescues, out, errors, moves, lock),
                                            daemon=True) for n in range(args.sessions)]
                started = time.perf_counter()
                for th in threads:
                    th.start()
                loaded_s, loaded_docs = _ingest(home, third)
                remaining = args.seconds - (time.perf_counter() - started)
                if remaining > 0:
                    stop.wait(remaining)
                stop.set()
                for th in threads:
                    th.join(timeout=120)
                elapsed = time.perf_counter() - started
                found = store.read(COUNT_MOVES)[0]["n"]
            from graph.audit import AuditLog

            chain = AuditLog.at_home(Path(home)).verify()
        finally:
            localserver.stop(settings)
    rows = [{"action": what, "count": len(v), "p50_ms": round(1000 * statistics.median(v)),
             "p95_ms": round(1000 * _percentile(v, 0.95)), "p99_ms": round(1000 * _percentile(v, 0.99)),
             "max_ms": round(1000 * max(v))} for what, v in sorted(out.items()) if v]
    result = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
              "sessions": args.sessions, "seconds": round(elapsed), "rows": rows, "errors": len(errors),
              "first_errors": errors[:5], "stage_moves_made": moves[0], "stage_moves_found": found,
              "audit_chain": str(chain),
              "ingest_alone_docs_per_s": round(alone_docs / alone_s, 1),
              "ingest_under_load_docs_per_s": round(loaded_docs / loaded_s, 1),
              "ingest_under_load_ratio": round((loaded_docs / loaded_s) / (alone_docs / alone_s), 2)}
    out_dir = Path(__file__).parent / "results"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "load.json").write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\n{result['machine']}: {args.sessions} sessions for {result['seconds']} s while an ingest ran\n")
    print("| action | count | p50 ms | p95 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['action']} | {r['count']} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['max_ms']} |")
    print(f"\nerrors: {len(errors)}; stage moves made {moves[0]}, found {found}; ingest {result['ingest_under_load_docs_per_s']}"
          f" docs/s under load against {result['ingest_alone_docs_per_s']} alone ({result['ingest_under_load_ratio']}x)")
    print(f"audit trail after the run: {chain}")
    for e in errors[:5]:
        print("  ", e)
    return 0 if not errors and found == moves[0] else 1


if __name__ == "__main__":
    raise SystemExit(main())
