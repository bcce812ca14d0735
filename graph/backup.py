"""``tipgraph backup``: the whole graph into one file, read in pages, never held in memory whole.

Nodes are read label by label in pages ordered by ``id`` (the uniqueness constraint's index);
relationships page by page of their start nodes, so each page is one short read transaction
and memory holds one page. Lines are gzip-compressed into temporary members beside the
target, then packed with the manifest into the tar archive described in
``graph.backup_format``; the finished file replaces the target in one rename, so a backup
cut short never leaves a file that looks whole.

A backup taken while ingest writes is not a snapshot: stop ingest first (the counts read at
the start and the end must agree, or the backup is refused).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from graph.backup_format import (
    AUDIT_FILE, AUDIT_MEMBER, MANIFEST, NODES_MEMBER, RELS_MEMBER, BackupError, ContentSum, Manifest, canonical_line,
)
from graph.cypher import fill
from graph.model import MODEL
from graph.store import Store

__all__ = ["BackupSummary", "write_backup", "graph_checksum", "iter_node_records", "iter_relationship_records",
           "tipgraph_version"]

NODES_PAGE = """
MATCH (n:__LABEL__)
WHERE n.id > $after
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY n.id
LIMIT $page
"""

# One page of start nodes with every relationship going out of them (OPTIONAL, so a page of
# nodes without any still moves the cursor on).
RELS_PAGE = """
MATCH (a:__LABEL__)
WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $page
OPTIONAL MATCH (a)-[r]->(b)
RETURN a.id AS start, type(r) AS type, b.id AS end, labels(b) AS end_labels, properties(r) AS props
"""

OUTSIDE_MODEL = """
MATCH (n)
WHERE n.id IS NULL OR size(labels(n)) <> 1 OR NOT labels(n)[0] IN $labels
RETURN labels(n) AS labels, count(n) AS n
LIMIT 10
"""

NODE_TOTAL = "MATCH (n) RETURN count(n) AS n"
RELATIONSHIP_TOTAL = "MATCH ()-[r]->() RETURN count(r) AS n"

#: Start nodes per page; Documents carry their whole text, so their pages are smaller.
PAGE = 1000
DOCUMENT_PAGE = 50


def tipgraph_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tipgraph")
    except PackageNotFoundError:
        return "unknown"


def _page_size(label: str, page: int) -> int:
    return min(page, DOCUMENT_PAGE) if label == "Document" else page


def iter_node_records(store: Store, *, page: int = PAGE) -> Iterator[dict[str, Any]]:
    """Every node as a backup record, label by label, in pages ordered by id."""
    for label in MODEL.nodes:
        statement = fill(NODES_PAGE, LABEL=label)
        after = ""
        while True:
            rows = store.read(statement, {"after": after, "page": _page_size(label, page)}, purpose="backup")
            for row in rows:
                if row["labels"] != [label]:
                    raise BackupError("(graph)", f"node {row['id']} has labels {row['labels']}; tipgraph "
                                                 "nodes have exactly one: fix it before backing up")
                props = {k: v for k, v in row["props"].items() if k != "id"}
                yield {"id": row["id"], "label": label, "props": props}
            if len(rows) < _page_size(label, page):
                break
            after = rows[-1]["id"]


def iter_relationship_records(store: Store, *, page: int = PAGE) -> Iterator[dict[str, Any]]:
    """Every relationship as a backup record, page by page of the start nodes of each label."""
    for label in MODEL.nodes:
        statement = fill(RELS_PAGE, LABEL=label)
        after = ""
        while True:
            rows = store.read(statement, {"after": after, "page": page}, purpose="backup")
            starts = {row["start"] for row in rows}
            for row in rows:
                if row["type"] is None:
                    continue
                yield {"type": row["type"], "start": row["start"], "start_label": label, "end": row["end"],
                       "end_label": (row["end_labels"] or [""])[0], "props": row["props"]}
            if len(starts) < page:
                break
            after = max(starts)


@dataclass(frozen=True)
class BackupSummary:
    """What a backup wrote."""

    path: str
    nodes: int
    relationships: int
    bytes: int
    seconds: float
    content_checksum: str
    audit: bool
    counts: dict[str, dict[str, int]]

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "nodes": self.nodes, "relationships": self.relationships, "bytes": self.bytes,
                "seconds": round(self.seconds, 2), "content_checksum": self.content_checksum,
                "audit": self.audit, "counts": self.counts}


def _check_inside_model(store: Store) -> dict[str, int]:
    outside = store.read(OUTSIDE_MODEL, {"labels": list(MODEL.nodes)}, purpose="backup")
    if outside:
        shown = ", ".join(f"{r['n']} with labels {r['labels']}" for r in outside)
        raise BackupError("(graph)", f"nodes outside the data model ({shown}): every node needs one model label "
                                     "and an id; fix or delete them with `tipgraph query --write`, then back up")
    return store.read_tx(lambda tx: {"nodes": int(tx.run(NODE_TOTAL)[0]["n"]),
                                     "relationships": int(tx.run(RELATIONSHIP_TOTAL)[0]["n"])}, purpose="backup")


def _write_member(records: Iterator[dict[str, Any]], target: Path, key: str) -> tuple[ContentSum, dict[str, int]]:
    total = ContentSum()
    counts: dict[str, int] = {}
    with open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        for record in records:
            line = canonical_line(record)
            total.add(line)
            counts[record[key]] = counts.get(record[key], 0) + 1
            gz.write(line.encode("utf-8") + b"\n")
    return total, counts


def _file_digest(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1024 * 1024):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def graph_checksum(store: Store, *, page: int = PAGE) -> tuple[str, dict[str, dict[str, int]]]:
    """The content checksum and counts of the graph as it is now (what a backup of it would say)."""
    total = ContentSum()
    counts: dict[str, dict[str, int]] = {"nodes": {}, "relationships": {}}
    for kind, key, records in (("nodes", "label", iter_node_records(store, page=page)),
                               ("relationships", "type", iter_relationship_records(store, page=page))):
        for record in records:
            total.add(canonical_line(record))
            counts[kind][record[key]] = counts[kind].get(record[key], 0) + 1
    return total.hexdigest(), counts


def write_backup(store: Store, target: Path, *, home: Path | None = None, page: int = PAGE,
                 now: datetime | None = None) -> BackupSummary:
    """Write the whole graph (and the audit trail under ``home`` when there is one) to ``target``.

    Raises:
        BackupError: nodes outside the model, the graph changed while it was read, or the
            target's folder cannot be written.
    """
    started = time.monotonic()
    target = Path(target)
    created = (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    if not target.parent.is_dir():
        raise BackupError(str(target), f"the folder {target.parent} does not exist; create it first")
    before = _check_inside_model(store)
    try:
        work = Path(tempfile.mkdtemp(dir=target.parent, prefix=".tipgraph-backup-"))
    except OSError as e:
        raise BackupError(str(target), f"cannot write in {target.parent} ({e.strerror})") from None
    try:
        nodes_sum, node_counts = _write_member(iter_node_records(store, page=page), work / NODES_MEMBER, "label")
        rels_sum, rel_counts = _write_member(iter_relationship_records(store, page=page), work / RELS_MEMBER, "type")
        after = _check_inside_model(store)
        if after != before or (nodes_sum.records, rels_sum.records) != (before["nodes"], before["relationships"]):
            raise BackupError(str(target), f"the graph changed while it was read ({before} then {after}, "
                                           f"{nodes_sum.records} nodes and {rels_sum.records} relationships "
                                           "written): stop ingest and back up again")
        members: dict[str, dict[str, Any]] = {}
        for name, part in ((NODES_MEMBER, nodes_sum), (RELS_MEMBER, rels_sum)):
            sha, size = _file_digest(work / name)
            members[name] = {"sha256": sha, "bytes": size, "records": part.records}
        audit = home / AUDIT_FILE if home is not None else None
        has_audit = audit is not None and audit.is_file()
        if has_audit:
            shutil.copyfile(audit, work / AUDIT_MEMBER)  # a copy, so it cannot grow while packed
            sha, size = _file_digest(work / AUDIT_MEMBER)
            members[AUDIT_MEMBER] = {"sha256": sha, "bytes": size}
        total = ContentSum()
        total.merge(nodes_sum)
        total.merge(rels_sum)
        manifest = Manifest(created=created, tipgraph_version=tipgraph_version(), nodes=node_counts,
                            relationships=rel_counts, members=members, content_checksum=total.hexdigest(),
                            database=store.conn.database)
        packed = work / "backup.tar"
        _pack(packed, manifest, work, created)
        os.replace(packed, target)
    except OSError as e:
        raise BackupError(str(target), f"cannot be written ({e.strerror or e}); check the free space") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return BackupSummary(str(target), nodes_sum.records, rels_sum.records, target.stat().st_size,
                         time.monotonic() - started, total.hexdigest(), has_audit,
                         {"nodes": node_counts, "relationships": rel_counts})


def _pack(packed: Path, manifest: Manifest, work: Path, created: str) -> None:
    mtime = int(datetime.fromisoformat(created).timestamp())
    body = json.dumps(manifest.as_json(), ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
    with open(packed, "wb") as fh:
        with tarfile.open(fileobj=fh, mode="w", format=tarfile.PAX_FORMAT) as tar:
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(body), mtime, 0o600
            tar.addfile(info, io.BytesIO(body))
            for name in manifest.members:
                info = tar.gettarinfo(str(work / name), arcname=name)
                info.mtime, info.mode, info.uid, info.gid, info.uname, info.gname = mtime, 0o600, 0, 0, "", ""
                with open(work / name, "rb") as member:
                    tar.addfile(info, member)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(packed, 0o600)
