"""``tipgraph restore``: a backup back into a graph, checked whole before anything is written.

Order: refuse a database that holds nodes unless merging; verify the file (every member's
SHA-256, every line against the model, counts and content checksum: ``verify_backup``);
create the schema; then write nodes and relationships in batches, each batch in its own
write transaction, reading the members line by line (memory holds one batch per label or
type). Labels and types are filled into statements only after ``graph.backup_format``
checked them against the model; every value goes in as a parameter.

Into an empty database relationships are created as they were; with ``merge`` nodes are
upserted by ``id`` and relationships by their ``id`` (or ``key`` for mentions, or their ends
for search keys), so restoring the same file twice changes nothing the second time. A restore
cut short can be finished with ``merge``.
"""

from __future__ import annotations

import shutil
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, LiteralString

from graph import schema
from graph.backup import NODE_TOTAL, graph_checksum
from graph.backup_format import (
    AUDIT_FILE, AUDIT_MEMBER, NODES_MEMBER, RELS_MEMBER, BackupError, iter_member_records, member_bytes, open_archive,
    verify_backup,
)
from graph.cypher import fill
from graph.errors import MissingEndpoints
from graph.store import Store, Tx

__all__ = ["RestoreSummary", "restore_backup"]

UPSERT_NODES = """
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
SET n += row.props
"""

CREATE_RELS = """
UNWIND $rows AS row
MATCH (a:__START__ {id: row.start})
MATCH (b:__END__ {id: row.end})
CREATE (a)-[r:__TYPE__]->(b)
SET r += row.props
RETURN count(r) AS n
"""

MERGE_RELS_BY_ID = """
UNWIND $rows AS row
MATCH (a:__START__ {id: row.start})
MATCH (b:__END__ {id: row.end})
MERGE (a)-[r:__TYPE__ {id: row.props.id}]->(b)
SET r += row.props
RETURN count(r) AS n
"""

MERGE_RELS_BY_KEY = """
UNWIND $rows AS row
MATCH (a:__START__ {id: row.start})
MATCH (b:__END__ {id: row.end})
MERGE (a)-[r:__TYPE__ {key: row.props.key}]->(b)
SET r += row.props
RETURN count(r) AS n
"""

MERGE_RELS_BY_ENDS = """
UNWIND $rows AS row
MATCH (a:__START__ {id: row.start})
MATCH (b:__END__ {id: row.end})
MERGE (a)-[r:__TYPE__]->(b)
SET r += row.props
RETURN count(r) AS n
"""

_MERGE_BY = {"id": MERGE_RELS_BY_ID, "key": MERGE_RELS_BY_KEY, "": MERGE_RELS_BY_ENDS}
BATCH = 1000


@dataclass(frozen=True)
class RestoreSummary:
    """What a restore wrote and whether the graph now has the backup's checksum."""

    path: str
    nodes: int
    relationships: int
    merged: bool
    seconds: float
    content_checksum: str
    checksum_matches: bool | None  # None after a merge, when the graph may hold more
    audit: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "nodes": self.nodes, "relationships": self.relationships, "merged": self.merged,
                "seconds": round(self.seconds, 2), "content_checksum": self.content_checksum,
                "checksum_matches": self.checksum_matches, "audit": self.audit}


def _identity(props: dict[str, Any]) -> str:
    return "id" if "id" in props else "key" if "key" in props else ""


class _Batches:
    """Rows grouped by statement, each group written when it is full."""

    def __init__(self, store: Store, size: int) -> None:
        self.store = store
        self.size = size
        self.groups: dict[tuple[LiteralString, str], list[dict[str, Any]]] = defaultdict(list)
        self.written = 0

    def add(self, statement: LiteralString, what: str, row: dict[str, Any]) -> None:
        group = self.groups[(statement, what)]
        group.append(row)
        if len(group) >= self.size:
            self._write(statement, what, group)
            self.groups[(statement, what)] = []

    def flush(self) -> None:
        for (statement, what), rows in self.groups.items():
            if rows:
                self._write(statement, what, rows)
        self.groups.clear()

    def _write(self, statement: LiteralString, what: str, rows: list[dict[str, Any]]) -> None:
        def work(tx: Tx) -> None:
            result = tx.run(statement, {"rows": rows})
            if result and "n" in result[0] and result[0]["n"] != len(rows):
                raise MissingEndpoints(what, [f"{r['start']}->{r['end']}" for r in rows][:5])

        self.store.write_tx(work, purpose="restore")
        self.written += len(rows)


def restore_backup(store: Store, path: Path, *, merge: bool = False, home: Path | None = None,
                   batch_size: int = BATCH, progress: Callable[[str], None] | None = None) -> RestoreSummary:
    """Restore the backup at ``path`` into ``store``.

    Args:
        merge: allow a database that already holds nodes (upsert by id; idempotent).
        home: ``TIPGRAPH_HOME``; the backup's audit trail is put back there when none exists
            (else beside it as ``audit.restored-<created>.jsonl``).
    Raises:
        BackupError: the database holds nodes and ``merge`` is not set, or the file is damaged
            (then nothing was written).
    """
    started = time.monotonic()
    path = Path(path)
    say = progress or (lambda _: None)
    if not merge:
        held = int(store.read(NODE_TOTAL, purpose="restore")[0]["n"])
        if held:
            raise BackupError(str(path), f"the database {store.conn.database} holds {held} nodes: restore into an "
                                         "empty database, or pass --merge to upsert the backup into this one")
    say("verifying")
    manifest = verify_backup(path)
    schema.init_schema(store)
    say("writing")
    archive, members = open_archive(path)
    with archive:
        nodes = _Batches(store, batch_size)
        for _, record in iter_member_records(archive, members[NODES_MEMBER], path):
            nodes.add(fill(UPSERT_NODES, LABEL=record["label"]), record["label"],
                      {"id": record["id"], "props": record["props"]})
        nodes.flush()
        rels = _Batches(store, batch_size)
        for _, record in iter_member_records(archive, members[RELS_MEMBER], path):
            template = _MERGE_BY[_identity(record["props"])] if merge else CREATE_RELS
            statement = fill(template, TYPE=record["type"], START=record["start_label"], END=record["end_label"])
            rels.add(statement, record["type"], {"start": record["start"], "end": record["end"],
                                                 "props": record["props"]})
        rels.flush()
        audit = _restore_audit(archive, members, path, home, manifest.created) if home is not None else None
    matches = None
    if not merge:
        say("checking")
        checksum, _ = graph_checksum(store)
        matches = checksum == manifest.content_checksum
    return RestoreSummary(str(path), nodes.written, rels.written, merge, time.monotonic() - started,
                          manifest.content_checksum, matches, audit)


def _restore_audit(archive: Any, members: dict[str, Any], path: Path, home: Path, created: str) -> str | None:
    info = members.get(AUDIT_MEMBER)
    if info is None:
        return None
    target = home / AUDIT_FILE
    if target.exists():
        stamp = created.replace(":", "").replace("+", "_")
        target = target.with_name(f"audit.restored-{stamp}.jsonl")
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = target.with_name(target.name + ".partial")
    with open(partial, "wb") as out:
        member_bytes(archive, info, path, out)
    shutil.move(partial, target)
    return str(target)
