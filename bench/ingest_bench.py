"""Ingest benchmark (``make bench``): documents per second end to end, and each stage alone.

Builds a corpus of ``--docs`` case files, rescue reports and liaison notes from the demo
generator (several seeds; registers are left out, being rows rather than documents), then in
one run against a private local server measures: reading alone, extraction alone (one
core), writing alone (batches built beforehand), and the whole ``ingest`` on every core.
The stages say which one bounds the whole; the end-to-end figure is also given as a ratio
of one core's extraction rate measured in the same run. Results go to stdout (Markdown) and
``bench/results/ingest.json``.

    python -m bench.ingest_bench [--docs 10000] [--sample 400]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from graph import localserver, schema
from graph.settings import load_settings
from graph.store import open_store
from graph.writes import write_batches
from ingest.demo import generate
from ingest.pipeline import GROUP, discover, ingest, prepare_file
from ingest.readers import read_document
from nlp.extract import extract

WIPE = "MATCH (n) DETACH DELETE n"


def _corpus(root: Path, docs: int) -> list[Path]:
    seed = 1
    files: list[Path] = []
    while len(files) < docs:
        folder = root / f"seed-{seed}"
        generate(folder, seed=seed)
        for part in ("cases", "rescues"):  # documents; registers are rows, not documents
            files.extend(discover([folder / part]))
        seed += 1
    return files[:docs]


def _rss_mib() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own, 1), round(children, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ingest_bench", description=__doc__)
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--sample", type=int, default=400, help="files for the single-stage measurements")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tipgraph-ingest-bench-") as tmp:
        root = Path(tmp)
        t = time.perf_counter()
        files = _corpus(root / "corpus", args.docs)
        generated = time.perf_counter() - t
        texts = [f for f in files if f.suffix in (".txt", ".md")][: args.sample]

        t = time.perf_counter()
        sources = [read_document(f, max_bytes=50 * 2**20) for f in texts]
        read_rate = len(sources) / (time.perf_counter() - t)

        extract("warm-up 暖機")
        t = time.perf_counter()
        for s in sources:
            extract(s.text, doc_id=s.id)
        extract_rate = len(sources) / (time.perf_counter() - t)

        outcomes = [prepare_file(str(f), ingested_at="2026-01-01T00:00:00+00:00") for f in texts]
        home = root / "home"
        settings = load_settings({"TIPGRAPH_HOME": str(home), "TIPGRAPH_SERVER_HEAP": "2g"})
        localserver.start(settings)
        try:
            with open_store(settings, start_local=False, user="bench") as store:
                schema.init_schema(store)
                t = time.perf_counter()
                batches = [o.batch for o in outcomes if o.batch is not None]
                for i in range(0, len(batches), GROUP):
                    write_batches(store, batches[i : i + GROUP])
                write_rate = len(outcomes) / (time.perf_counter() - t)
                store.write(WIPE)
                schema.init_schema(store)
                workers = os.cpu_count() or 1
                t = time.perf_counter()
                summary = ingest(store, files, home=home, workers=workers)
                total = time.perf_counter() - t
        finally:
            localserver.stop(settings)
    done = summary.documents + summary.registers
    e2e = done / total
    own, children = _rss_mib()
    stages = {"read": read_rate, "extract (one core)": extract_rate, f"write ({GROUP} documents per transaction)": write_rate}
    result = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "files": len(files), "ingested": done, "skipped": summary.skipped, "quarantined": len(summary.quarantined),
        "seconds": round(total, 1), "documents_per_second": round(e2e, 1), "target": 100,
        "stages_per_second": {k: round(v, 1) for k, v in stages.items()},
        "end_to_end_over_one_core_extraction": round(e2e / extract_rate, 2),
        "slowest_stage": min(stages, key=lambda k: stages[k] * (workers if k.startswith("extract") else 1)),
        "workers": workers, "peak_rss_mib": {"main": own, "largest_worker": children},
        "corpus_generation_seconds": round(generated, 1),
    }
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "ingest.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"ingest of {done} files on {result['machine']}")
    print("| measure | documents/s |\n|---|---|")
    for name, rate in stages.items():
        print(f"| {name} | {rate:.1f} |")
    print(f"| end to end, {workers} workers | {e2e:.1f} (target >= 100; {result['end_to_end_over_one_core_extraction']}x "
          f"one core's extraction) |")
    print(f"\nslowest stage: {result['slowest_stage']}; peak memory {own} MiB main, {children} MiB largest worker")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
