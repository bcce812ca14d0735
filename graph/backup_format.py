"""The backup file format: records, checksums, the manifest, and checking a file before use.

A backup is an uncompressed tar archive holding, in this order:

* ``manifest.json``: format and version, the tipgraph version, when it was made, counts per
  label and relationship type, every member's SHA-256 and size, and the content checksum;
* ``nodes.jsonl.gz``: one node per line, ``{"id", "label", "props"}`` (``props`` without ``id``);
* ``relationships.jsonl.gz``: one relationship per line,
  ``{"type", "start", "start_label", "end", "end_label", "props"}``;
* ``audit.jsonl`` when the audit trail exists (copied byte for byte, see ``AUDIT_FILE``).

Every line is canonical JSON (keys sorted, no spaces, UTF-8), so one record always has the
same bytes. The content checksum adds up the SHA-256 of every node and relationship line
modulo 2**256: it does not depend on the order the graph was read in, so a backup of a
restored graph has the checksum of the original.

>>> line = canonical_line({"id": "person:1", "label": "Person", "props": {"name": "陳○明"}})
>>> line
'{"id":"person:1","label":"Person","props":{"name":"陳○明"}}'
>>> total = ContentSum()
>>> total.add(line); total.add('{"b":1}')
>>> other = ContentSum()
>>> other.add('{"b":1}'); other.add(line)
>>> total.hexdigest() == other.hexdigest(), total.records
(True, 2)
"""

from __future__ import annotations

import gzip
import hashlib
import json
import tarfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from graph.errors import GraphError
from graph.model import MODEL

__all__ = [
    "AUDIT_FILE",
    "AUDIT_MEMBER",
    "BackupError",
    "ContentSum",
    "FORMAT",
    "FORMAT_VERSION",
    "MANIFEST",
    "Manifest",
    "NODES_MEMBER",
    "RELS_MEMBER",
    "canonical_line",
    "check_node",
    "check_relationship",
    "iter_member_records",
    "member_bytes",
    "open_archive",
    "verify_backup",
]

FORMAT = "tipgraph-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
NODES_MEMBER = "nodes.jsonl.gz"
RELS_MEMBER = "relationships.jsonl.gz"
AUDIT_MEMBER = "audit.jsonl"
#: Where the audit trail lives under ``TIPGRAPH_HOME`` (issue 8 writes it); backed up when present.
AUDIT_FILE = "audit/audit.jsonl"
_MAX_MANIFEST = 1024 * 1024
_CHUNK = 1024 * 1024
_MOD = 2**256


class BackupError(GraphError):
    """A backup file cannot be used (or made): names the file, the member and the line."""

    def __init__(self, path: str, message: str, *, member: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.member = member
        self.line = line
        where = path + (f", member {member}" if member else "") + (f" line {line}" if line else "")
        super().__init__(f"backup {where}: {message}")


def canonical_line(record: Mapping[str, Any]) -> str:
    """The one text of a record: JSON with sorted keys, no spaces, non-ASCII kept."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class ContentSum:
    """An order-independent checksum of lines: the sum of their SHA-256 digests modulo 2**256."""

    def __init__(self) -> None:
        self.total = 0
        self.records = 0

    def add(self, line: str) -> None:
        self.total = (self.total + int.from_bytes(hashlib.sha256(line.encode("utf-8")).digest(), "big")) % _MOD
        self.records += 1

    def merge(self, other: ContentSum) -> None:
        self.total = (self.total + other.total) % _MOD
        self.records += other.records

    def hexdigest(self) -> str:
        return f"{self.total:064x}"


@dataclass
class Manifest:
    """What ``manifest.json`` says; ``members`` maps a member name to its sha256, bytes and records."""

    created: str
    tipgraph_version: str
    nodes: dict[str, int]
    relationships: dict[str, int]
    members: dict[str, dict[str, Any]]
    content_checksum: str
    database: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "format_version": FORMAT_VERSION, "tipgraph_version": self.tipgraph_version,
            "created": self.created, "database": self.database,
            "counts": {"nodes": self.nodes, "relationships": self.relationships},
            "members": self.members, "content_checksum": self.content_checksum, **self.extra,
        }

    @classmethod
    def from_json(cls, path: str, data: Any) -> Manifest:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BackupError(path, "this is not a tipgraph backup (its manifest names no tipgraph-backup format)",
                              member=MANIFEST)
        version = data.get("format_version")
        if version != FORMAT_VERSION:
            raise BackupError(path, f"format version {version!r} is not {FORMAT_VERSION}: restore it with the "
                                    "tipgraph version that made it", member=MANIFEST)
        try:
            counts = data["counts"]
            members = data["members"]
            manifest = cls(created=str(data["created"]), tipgraph_version=str(data["tipgraph_version"]),
                           nodes={str(k): int(v) for k, v in counts["nodes"].items()},
                           relationships={str(k): int(v) for k, v in counts["relationships"].items()},
                           members={str(k): dict(v) for k, v in members.items()},
                           content_checksum=str(data["content_checksum"]), database=str(data.get("database", "")))
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise BackupError(path, f"the manifest lacks or garbles {e}", member=MANIFEST) from None
        for name in (NODES_MEMBER, RELS_MEMBER):
            if name not in manifest.members:
                raise BackupError(path, f"the manifest lists no {name}", member=MANIFEST)
        return manifest


# -- records ------------------------------------------------------------------------------------------------------

_SCALARS = (str, int, float, bool)


def _check_props(props: Any, where: str) -> dict[str, Any]:
    if not isinstance(props, dict):
        raise ValueError(f"{where} props is not an object")
    for key, value in props.items():
        if not key or (key == "id" and where == "node"):
            raise ValueError(f"{where} has a bad property name {key!r}")
        ok = isinstance(value, _SCALARS) or (isinstance(value, list) and all(isinstance(v, _SCALARS) for v in value))
        if not ok:
            raise ValueError(f"{where} property {key!r} is not a text, number, boolean or list of them")
    return props


def check_node(record: Any) -> dict[str, Any]:
    """A node record as read from a backup, checked against the model. Raises ``ValueError``."""
    if not isinstance(record, dict) or set(record) != {"id", "label", "props"}:
        raise ValueError("a node line must be an object with id, label and props")
    if not isinstance(record["id"], str) or not record["id"]:
        raise ValueError("node id is not a non-empty text")
    if record["label"] not in MODEL.nodes:
        raise ValueError(f"label {record['label']!r} is not a node kind of this tipgraph")
    _check_props(record["props"], "node")
    return record


def check_relationship(record: Any) -> dict[str, Any]:
    """A relationship record as read from a backup, checked against the model. Raises ``ValueError``."""
    keys = {"type", "start", "start_label", "end", "end_label", "props"}
    if not isinstance(record, dict) or set(record) != keys:
        raise ValueError(f"a relationship line must be an object with {', '.join(sorted(keys))}")
    if record["type"] not in MODEL.rels:
        raise ValueError(f"type {record['type']!r} is not a relationship type of this tipgraph")
    for end in ("start", "end"):
        if not isinstance(record[end], str) or not record[end]:
            raise ValueError(f"{end} is not a node id")
        if record[f"{end}_label"] not in MODEL.nodes:
            raise ValueError(f"{end}_label {record[f'{end}_label']!r} is not a node kind of this tipgraph")
    _check_props(record["props"], "relationship")
    return record


_CHECKS = {NODES_MEMBER: check_node, RELS_MEMBER: check_relationship}


# -- reading a backup ---------------------------------------------------------------------------------------------


def _open_tar(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, mode="r:")
    except FileNotFoundError:
        raise BackupError(str(path), "no such file") from None
    except (tarfile.TarError, OSError, EOFError) as e:
        raise BackupError(str(path), f"not a readable backup archive ({e}); it may be truncated or not a "
                                     "tipgraph backup") from None


def _members(archive: tarfile.TarFile, path: Path) -> dict[str, tarfile.TarInfo]:
    found: dict[str, tarfile.TarInfo] = {}
    try:
        for info in archive:
            found[info.name] = info
    except (tarfile.TarError, OSError, EOFError) as e:
        after = next(reversed(found), None)
        raise BackupError(str(path), f"the archive is damaged or truncated ({e})",
                          member=after) from None
    return found


def _read_chunks(archive: tarfile.TarFile, info: tarfile.TarInfo, path: Path) -> Iterator[bytes]:
    fh = archive.extractfile(info)
    if fh is None:
        raise BackupError(str(path), "is not a regular file", member=info.name)
    got = 0
    try:
        while chunk := fh.read(_CHUNK):
            got += len(chunk)
            yield chunk
    except (tarfile.TarError, OSError, EOFError) as e:
        raise BackupError(str(path), f"truncated ({e})", member=info.name) from None
    if got != info.size:
        raise BackupError(str(path), f"truncated: {got} of {info.size} bytes", member=info.name)


def _read_manifest(archive: tarfile.TarFile, members: dict[str, tarfile.TarInfo], path: Path) -> Manifest:
    info = members.get(MANIFEST)
    if info is None:
        raise BackupError(str(path), "it holds no manifest.json, so it is not a tipgraph backup")
    if info.size > _MAX_MANIFEST:
        raise BackupError(str(path), f"{info.size} bytes is too large for a manifest", member=MANIFEST)
    raw = b"".join(_read_chunks(archive, info, path))
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise BackupError(str(path), f"not valid JSON ({e})", member=MANIFEST) from None
    return Manifest.from_json(str(path), data)


class _HashingReader:
    """A file-like view of a member's chunks that hashes what it hands out."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = b""
        self.sha = hashlib.sha256()
        self.size = 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        while n < 0 or len(self._buffer) < n:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self.sha.update(chunk)
            self.size += len(chunk)
            self._buffer += chunk
        if n < 0:
            out, self._buffer = self._buffer, b""
        else:
            out, self._buffer = self._buffer[:n], self._buffer[n:]
        return out


def iter_member_records(archive: tarfile.TarFile, info: tarfile.TarInfo, path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each ``(line, record)`` of a ``.jsonl.gz`` member, checked against the model.

    Raises:
        BackupError: the member does not unpack, a line is not JSON or does not fit the model.
    """
    check = _CHECKS[info.name]
    reader = _HashingReader(_read_chunks(archive, info, path))
    number = 0
    try:
        with gzip.GzipFile(fileobj=reader, mode="rb") as gz:  # type: ignore[arg-type]
            for raw in gz:
                number += 1
                try:
                    line = raw.decode("utf-8").rstrip("\n")
                    record = check(json.loads(line))
                except (UnicodeDecodeError, ValueError) as e:
                    raise BackupError(str(path), str(e), member=info.name, line=number) from None
                yield line, record
    except (OSError, EOFError, zlib.error) as e:
        raise BackupError(str(path), f"does not unpack ({e}); the file is damaged", member=info.name,
                          line=number + 1) from None


def _sha256_of(archive: tarfile.TarFile, info: tarfile.TarInfo, path: Path) -> str:
    digest = hashlib.sha256()
    for chunk in _read_chunks(archive, info, path):
        digest.update(chunk)
    return digest.hexdigest()


def verify_backup(path: Path) -> Manifest:
    """Check a backup whole before anything is written: every member's SHA-256 and size, every
    line against the model, the counts and the content checksum against the manifest.

    Returns:
        The manifest.
    Raises:
        BackupError: naming the member (and line) that is missing, truncated, damaged or wrong.
    """
    path = Path(path)
    with _open_tar(path) as archive:
        members = _members(archive, path)
        manifest = _read_manifest(archive, members, path)
        unknown = sorted(set(members) - set(manifest.members) - {MANIFEST})
        if unknown:
            raise BackupError(str(path), "is not listed in the manifest", member=unknown[0])
        for name, listed in manifest.members.items():
            info = members.get(name)
            if info is None:
                raise BackupError(str(path), "is listed in the manifest but missing: the file is truncated",
                                  member=name)
            if info.size != listed.get("bytes"):
                raise BackupError(str(path), f"holds {info.size} bytes, the manifest says {listed.get('bytes')}",
                                  member=name)
            if _sha256_of(archive, info, path) != listed.get("sha256"):
                raise BackupError(str(path), "its SHA-256 does not match the manifest: the file is damaged",
                                  member=name)
        total = ContentSum()
        for name, key, checked in ((NODES_MEMBER, "label", manifest.nodes), (RELS_MEMBER, "type", manifest.relationships)):
            counts: dict[str, int] = {}
            part = ContentSum()
            for line, record in iter_member_records(archive, members[name], path):
                part.add(line)
                counts[record[key]] = counts.get(record[key], 0) + 1
            if {k: v for k, v in counts.items() if v} != {k: v for k, v in checked.items() if v}:
                raise BackupError(str(path), "its counts differ from the manifest's", member=name)
            if part.records != manifest.members[name].get("records"):
                raise BackupError(str(path), f"holds {part.records} records, the manifest says "
                                             f"{manifest.members[name].get('records')}", member=name)
            total.merge(part)
        if total.hexdigest() != manifest.content_checksum:
            raise BackupError(str(path), "the content checksum differs from the manifest's", member=MANIFEST)
    return manifest


def open_archive(path: Path) -> tuple[tarfile.TarFile, dict[str, tarfile.TarInfo]]:
    """The archive and its members by name (for a backup already verified)."""
    archive = _open_tar(Path(path))
    return archive, _members(archive, Path(path))


def member_bytes(archive: tarfile.TarFile, info: tarfile.TarInfo, path: Path, out: IO[bytes]) -> None:
    """Copy one member's bytes into ``out``."""
    for chunk in _read_chunks(archive, info, path):
        out.write(chunk)
