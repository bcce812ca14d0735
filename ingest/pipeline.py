"""The ingest run: find files, read and extract them on all cores, write each in one transaction.

A run is idempotent and resumable: a document's id is the SHA-256 of its bytes, its node is
written in the same transaction as everything it contributes, and documents already in the
graph are skipped before any work. A run killed at any point and run again therefore ends
with the graph of an uninterrupted run. Files that cannot be read or stored are copied to
``TIPGRAPH_HOME/quarantine`` with the reason, and the run goes on.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import re
import signal
import sys
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

from graph.errors import GraphError, GraphUnavailable, ModelError
from graph.store import Store
from graph.writes import GraphBatch, write_batch, write_batches
from ingest.documents import Unreadable
from ingest.quarantine import quarantine

__all__ = ["KINDS", "REGISTER_SUFFIXES", "IngestSummary", "Outcome", "discover", "guess_kind", "ingest", "prepare_file"]

KINDS = ("auto", "case", "rescue", "manifest", "services", "activities")
REGISTER_SUFFIXES = (".csv", ".xlsx")
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
# Documents written per transaction: each lands whole, with its evidence, or not at all; a
# group saves the round trips that dominate writing one short document.
GROUP = 16
T = TypeVar("T")
log = logging.getLogger(__name__)
_REGISTER_KINDS = {"rescue": "rescue", "manifest": "manifest", "services": "services", "activities": "activities"}

_PR_SET_PDEATHSIG = 1

# How long a run waits for a graph server that stopped answering before it stops (and keeps
# what it wrote); the waits double from 1 s up to 30 s.
RETRY_SECONDS = 120.0

EXISTING_DOCUMENTS = """
MATCH (d:Document)
RETURN d.id AS id
"""


@dataclass(frozen=True)
class Outcome:
    """What reading and extracting one file gave: a batch to write, or why it could not be read."""

    path: str
    doc_id: str
    kind: str
    batch: GraphBatch | None = None
    reason: str | None = None
    detail: str = ""
    entities: int = 0
    relations: int = 0


@dataclass
class IngestSummary:
    """Counts of one run (``--json`` prints it)."""

    files: int = 0
    documents: int = 0
    registers: int = 0
    skipped: int = 0  # already in the graph
    nodes: int = 0
    relationships: int = 0
    entities: int = 0
    relations: int = 0
    evidence: int = 0
    merges: int = 0
    candidates: int = 0
    quarantined: list[dict[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def per_second(self) -> float:
        done = self.documents + self.registers
        return round(done / self.seconds, 1) if self.seconds else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "files": self.files, "documents": self.documents, "registers": self.registers, "skipped": self.skipped,
            "nodes": self.nodes, "relationships": self.relationships, "entities": self.entities,
            "relations": self.relations, "evidence": self.evidence, "merges": self.merges,
            "candidates": self.candidates, "quarantined": len(self.quarantined),
            "quarantine": self.quarantined, "seconds": round(self.seconds, 2), "documents_per_second": self.per_second,
        }


def discover(paths: Iterable[Path]) -> list[Path]:
    """Every file under the given files and folders, sorted, hidden files left out."""
    found: set[Path] = set()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.update(Path(root) / f for f in files if not f.startswith("."))
        else:
            found.add(path)
    return sorted(found)


_KIND_WORDS: list[tuple[str, re.Pattern[str]]] = [
    ("case", re.compile(r"移送|起訴|地方檢察署|地檢署|偵辦|(?i:indictment|prosecutors? office|referred)")),
    ("family", re.compile(r"我(?:的)?(?:兒子|女兒|弟弟|妹妹|哥哥|姊姊|先生|太太|孫子)|(?i:my (?:son|daughter|brother|sister))")),
    ("liaison", re.compile(r"聯絡官|移民秘書|(?i:liaison)")),
    ("rescue", re.compile(r"救出|獲救|解救|返國|遣返|(?i:rescued|repatriat|returnee)")),
    ("press", re.compile(r"新聞稿|(?i:press release|^[A-Z]{3,}, [A-Z][a-z]+\.? \d)", re.M)),
    ("ngo", re.compile(r"(?i:our (?:team|shelter|caseworker|outreach|hotline)|foundation|ngo)")),
]


def guess_kind(path: Path, text: str) -> str:
    """The kind of a text document, from its folder name or else its words."""
    for part in reversed(path.parts[:-1]):
        part = part.lower()
        for kind in ("case", "rescue", "liaison", "family", "ngo", "press"):
            if part.startswith(kind):
                return kind
    head = text[:3000]
    for kind, words in _KIND_WORDS:
        if words.search(head):
            return kind
    return "other"


def prepare_file(path: str, kind: str = "auto", lang: str = "auto", max_bytes: int = 50 * 2**20,
                 ingested_at: str = "") -> Outcome:
    """Read, extract and build the batch of one file (runs in a worker process)."""
    from ingest.batches import document_batch
    from ingest.readers import read_document
    from ingest.register_batches import register_batch
    from ingest.registers import read_register
    from nlp.extract import extract

    file = Path(path)
    try:
        if file.suffix.lower() in REGISTER_SUFFIXES:
            register = read_register(file, _REGISTER_KINDS.get(kind), max_bytes=max_bytes)
            batch = register_batch(register, ingested_at=ingested_at)
            return Outcome(path, register.id, register.kind, batch, entities=len(batch.nodes) - 1,
                           relations=len(batch.rels))
        source = read_document(file, max_bytes=max_bytes)
        doc_kind = kind if kind in ("case", "rescue") else guess_kind(file, source.text)
        result = extract(source.text, lang=lang, doc_id=source.id)
        batch = document_batch(source, result, kind=doc_kind, ingested_at=ingested_at)
        return Outcome(path, source.id, doc_kind, batch, entities=len(result["entities"]),
                       relations=len(result["relations"]))
    except Unreadable as e:
        return Outcome(path, _file_id(file), kind, reason=e.reason, detail=e.detail)
    except ModelError as e:  # a value the data model refuses: this file is quarantined, the run goes on
        return Outcome(path, _file_id(file), kind, reason="invalid", detail=str(e))


def _file_id(path: Path) -> str:
    try:
        return "doc:" + hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _prepare_star(args: tuple[str, str, str, int, str]) -> Outcome:
    return prepare_file(*args)


def _warm_up(parent: int) -> None:
    """Tie the worker's life to the run's, then build the extraction pipelines once."""
    _die_with_parent(parent)
    from nlp.extract import extract

    extract("暖機 warm-up")


def _die_with_parent(parent: int) -> None:
    """On Linux, ask the kernel to end this worker when the process that started it dies, so a
    run killed with SIGKILL leaves no workers behind (they would wait on their queue forever)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _outcomes(tasks: list[tuple[str, str, str, int, str]], workers: int) -> Iterator[Outcome]:
    if workers <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield _prepare_star(task)
        return
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_warm_up, initargs=(os.getpid(),))
    try:
        # in order, so that the writes (and so the final graph) do not depend on timing
        yield from pool.map(_prepare_star, tasks, chunksize=4)
    except BaseException:  # the run stopped early (the graph went away, Ctrl+C): drop the files not read yet
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def ingest(store: Store, paths: Iterable[Path], *, home: Path, kind: str = "auto", lang: str = "auto",
           max_bytes: int = 50 * 2**20, workers: int = 0, batch_size: int = 2000,
           progress: Callable[[Outcome], None] | None = None, retry_s: float = RETRY_SECONDS) -> IngestSummary:
    """Ingest every file under ``paths``; returns the summary. Never stops for one bad file.

    A graph server that stops answering is waited for up to ``retry_s`` seconds (``patiently``).

    Raises:
        IngestInterrupted: the server did not come back in time; what was written is kept.
        QuarantineFailed: a refused file could not be quarantined (a full disk, say).
    """
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r}: choose one of {', '.join(KINDS)}")
    started = time.monotonic()
    summary = IngestSummary()
    files = discover(paths)
    summary.files = len(files)
    existing = {row["id"] for row in store.read(EXISTING_DOCUMENTS, {}, purpose="ingest")}
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    tasks = []
    for file in files:
        if not file.is_file():
            _quarantine(summary, file, Unreadable(str(file), "missing", "not a file"), home)
            continue
        if _file_id(file) in existing:
            summary.skipped += 1
            continue
        tasks.append((str(file), kind, lang, max_bytes, now))
    workers = workers or os.cpu_count() or 1
    group: list[Outcome] = []
    try:
        for outcome in _outcomes(tasks, min(workers, len(tasks)) if tasks else 1):
            if outcome.batch is None:
                _quarantine(summary, Path(outcome.path),
                            Unreadable(outcome.path, outcome.reason or "corrupt", outcome.detail), home)
            elif outcome.doc_id in existing or any(o.doc_id == outcome.doc_id for o in group):
                summary.skipped += 1  # the same bytes twice in one run
            else:
                group.append(outcome)
                if len(group) >= GROUP:
                    _write_group(store, group, summary, existing, home, batch_size, retry_s)
                    group = []
            if progress is not None:
                progress(outcome)
        if group:
            _write_group(store, group, summary, existing, home, batch_size, retry_s)
    except GraphUnavailable as e:
        raise IngestInterrupted(summary.documents + summary.registers, e, getattr(e, "waited_s", retry_s)) from e
    summary.seconds = time.monotonic() - started
    return summary


class IngestInterrupted(GraphError):
    """The graph server went away during a run and did not come back in time; what was
    written is kept, and running the same command again goes on from there."""

    def __init__(self, written: int, cause: GraphUnavailable, waited_s: float) -> None:
        self.written = written
        super().__init__(
            f"{cause}; waited {waited_s:.0f} s for it to come back. The {written} documents this run wrote are in "
            "the graph and kept; once the server answers, run the same command again: it skips them and goes on.")


def patiently(work: Callable[[], T], *, retry_s: float, on_wait: Callable[[str], None] | None = None,
              reachable: Callable[[], bool] | None = None) -> T:
    """``work()``, tried again while the graph server does not answer, within pauses doubling
    from 1 s (at most 30 s each) until ``retry_s`` seconds have been spent waiting. During a
    pause ``reachable()`` (the server's port open) is polled, and the next try comes as soon
    as it holds.

    Raises:
        GraphUnavailable: the server did not come back within ``retry_s``.
    """
    waited, delay = 0.0, 1.0
    while True:
        try:
            return work()
        except GraphUnavailable as e:
            if waited >= retry_s:
                e.waited_s = waited  # type: ignore[attr-defined]
                raise
            pause = min(delay, retry_s - waited, 30.0)
            message = f"the graph server does not answer ({e.reason}); trying again within {pause:.0f} s"
            log.warning(message)
            if on_wait is not None:
                on_wait(message)
            started = time.monotonic()
            deadline = started + pause
            while time.monotonic() < deadline and not (reachable is not None and reachable()):
                time.sleep(min(0.25, max(0.0, deadline - time.monotonic())))  # poll step of the pause
            waited += time.monotonic() - started
            delay *= 2


def _server_answers(store: Store) -> bool:
    try:
        store.ping()
    except GraphUnavailable:
        return False
    return True


def _write(store: Store, write: Callable[[], T], retry_s: float) -> T:
    """``write()``, waited out while the server does not answer. A failure is the batch's own
    only if the server still answers afterwards: a server that is shutting down refuses
    statements with ordinary errors before its port closes, and those must not be blamed on
    (and quarantine) the documents in flight.

    Raises:
        GraphUnavailable: the server stayed away longer than ``retry_s``.
        GraphError: the server answers and refused this batch.
    """
    while True:
        try:
            return patiently(write, retry_s=retry_s, reachable=store.reachable)
        except GraphUnavailable:
            raise
        except GraphError:
            if _server_answers(store):
                raise
            patiently(store.ping, retry_s=retry_s, reachable=store.reachable)  # back: try the same batch again


def _write_group(store: Store, group: list[Outcome], summary: IngestSummary, existing: set[str], home: Path,
                 batch_size: int, retry_s: float = RETRY_SECONDS) -> None:
    """Write several documents in one transaction (each whole); when the group fails, write
    them one by one so that only the document at fault is quarantined. A server that does not
    answer is waited for (``_write``), never blamed on a document."""
    try:
        written = _write(store, lambda: write_batches(store, [o.batch for o in group if o.batch is not None],
                                                      batch_size=batch_size), retry_s)
    except GraphUnavailable:
        raise
    except GraphError:
        if len(group) == 1:
            o = group[0]
            try:
                written = (_write(store, lambda: write_batch(store, o.batch, batch_size=batch_size), retry_s)
                           if o.batch is not None else None)
            except GraphUnavailable:
                raise
            except GraphError as e:
                _quarantine(summary, Path(o.path), Unreadable(o.path, "invalid", str(e)), home)
                return
        else:
            for o in group:
                _write_group(store, [o], summary, existing, home, batch_size, retry_s)
            return
    if written is None:
        return
    summary.nodes += written.nodes
    summary.relationships += written.relationships
    summary.evidence += written.evidence_added
    for o in group:
        existing.add(o.doc_id)
        if Path(o.path).suffix.lower() in REGISTER_SUFFIXES:
            summary.registers += 1
        else:
            summary.documents += 1
        summary.entities += o.entities
        summary.relations += o.relations


def _quarantine(summary: IngestSummary, path: Path, error: Unreadable, home: Path) -> None:
    copy = quarantine(path, error, home)
    summary.quarantined.append({"path": str(path), "reason": error.reason, "message": error.message,
                                "copy": str(copy)})
