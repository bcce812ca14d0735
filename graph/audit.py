"""The audit trail: who did what, when, with which parameters, as an append-only hash chain.

One JSON object per line in ``$TIPGRAPH_HOME/audit/audit.jsonl`` (mode 0600; what
``graph.backup`` copies). Each entry holds ``seq`` (1, 2, ...), ``at`` (UTC), ``actor``,
``role``, ``action``, ``target``, ``params``, ``outcome``, ``prev`` (the previous entry's
hash, ``""`` for the first) and ``hash``: SHA-256 over the canonical JSON of the entry
without ``hash``. Editing an entry breaks its hash; deleting, inserting or swapping entries
breaks ``seq`` or ``prev``; ``verify`` names the first entry where that happens.

Appends hold an exclusive ``fcntl`` lock on the file while they read the last entry and
write the next, so workbench sessions in several processes cannot fork the chain.

What the chain cannot show on its own: the last entries cut off the end (the chain before
them is still whole). Each append therefore also writes the new entry's ``seq`` and hash to
``audit.head`` beside the trail, and ``verify`` reports a trail shorter than its head; someone
who can rewrite both files can still cut the end, so copy the count and last hash ``verify``
prints somewhere else (a backup, a ticket) to pin them.

>>> e1 = chain_entry(None, at="2026-01-01T00:00:00+00:00", actor="ana", role="analyst", action="search",
...                  target="", params={"query": "x"}, outcome="ok")
>>> e2 = chain_entry(e1, at="2026-01-01T00:00:01+00:00", actor="ana", role="analyst", action="report",
...                  target="2022", params={}, outcome="ok")
>>> verify_entries([e1, e2]).ok, verify_entries([e2, e1]).ok
(True, False)
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from graph.backup_format import AUDIT_FILE  # the one place the path is named; backup copies it

__all__ = ["AuditLog", "AuditCheck", "audit_path", "chain_entry", "entry_hash", "verify_entries",
           "filter_entries"]

FIELDS = ("seq", "at", "actor", "role", "action", "target", "params", "outcome", "prev")
_TAIL_CHUNK = 8192


def audit_path(home: Path) -> Path:
    """Where the trail of the installation at ``home`` (``TIPGRAPH_HOME``) lives."""
    return Path(home) / AUDIT_FILE


def _canonical(entry: dict[str, Any]) -> bytes:
    body = {k: entry.get(k) for k in FIELDS}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode("utf-8")


def entry_hash(entry: dict[str, Any]) -> str:
    """SHA-256 (hex) over the canonical JSON of the entry's fields, ``hash`` left out."""
    return hashlib.sha256(_canonical(entry)).hexdigest()


def _plain(value: Any) -> Any:
    """A parameter as JSON can hold it (dates and paths as text, long text cut)."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return value if len(value) <= 500 else value[:500] + "…"
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    return _plain(str(value))


def chain_entry(previous: dict[str, Any] | None, *, at: str, actor: str, role: str, action: str, target: str,
                params: dict[str, Any], outcome: str) -> dict[str, Any]:
    """The entry that follows ``previous`` (``None`` for the first), with its hash."""
    entry: dict[str, Any] = {
        "seq": int(previous["seq"]) + 1 if previous else 1, "at": at, "actor": actor, "role": role,
        "action": action, "target": target, "params": _plain(params), "outcome": outcome,
        "prev": previous["hash"] if previous else "",
    }
    entry["hash"] = entry_hash(entry)
    return entry


@dataclass(frozen=True)
class AuditCheck:
    """What ``verify_entries`` found: ``ok`` and the count, or the first bad line and why."""

    ok: bool
    count: int
    last_hash: str = ""
    line: int | None = None
    problem: str = ""

    def message(self) -> str:
        if self.ok:
            return f"OK: {self.count} entries, the chain is whole (last hash {self.last_hash or '-'})"
        return f"line {self.line}: {self.problem}"


def verify_entries(entries: Iterable[dict[str, Any] | None]) -> AuditCheck:
    """Check the chain: each hash, each ``seq`` one more than the last, each ``prev`` the last hash.

    ``None`` stands for a line that is not a JSON object. The first problem wins; its line
    number counts from 1.
    """
    previous: dict[str, Any] | None = None
    count = 0
    for line, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or "hash" not in entry or "seq" not in entry:
            return AuditCheck(False, count, line=line, problem="not an audit entry (the line was edited or cut)")
        if entry_hash(entry) != entry["hash"]:
            return AuditCheck(False, count, line=line, problem=f"entry {entry.get('seq')} was edited "
                                                              "(its hash does not match its content)")
        expected = int(previous["seq"]) + 1 if previous else 1
        seq = entry["seq"]
        if not isinstance(seq, int) or seq != expected:
            if isinstance(seq, int) and seq > expected:
                why = f"entries {expected}..{seq - 1} were deleted (entry {seq} follows {expected - 1})"
            else:
                why = f"entry {seq} is out of order or was inserted (expected {expected})"
            return AuditCheck(False, count, line=line, problem=why)
        if entry["prev"] != (previous["hash"] if previous else ""):
            return AuditCheck(False, count, line=line, problem=f"entry {seq} does not follow the entry before it "
                                                              "(inserted, replaced or reordered)")
        previous = entry
        count += 1
    return AuditCheck(True, count, last_hash=previous["hash"] if previous else "")


def _parse(line: str) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def filter_entries(entries: Iterable[dict[str, Any]], *, actor: str | None = None, action: str | None = None,
                   since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
    """Entries by ``actor`` and ``action`` (exact), from ``since`` to ``until`` (ISO dates or
    date-times, UTC; a bare ``until`` date includes that whole day)."""
    if until and len(until) == 10:
        until = until + "T99"  # sorts after every time of that day
    out = []
    for e in entries:
        at = str(e.get("at", ""))
        if (actor and e.get("actor") != actor) or (action and e.get("action") != action):
            continue
        if (since and at < since) or (until and at > until):
            continue
        out.append(e)
    return out


class AuditLog:
    """The trail in one file: ``record`` appends under a lock, ``entries`` reads it back."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @classmethod
    def at_home(cls, home: Path) -> AuditLog:
        return cls(audit_path(home))

    def _open_for_append(self) -> int:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        os.fchmod(fd, 0o600)
        return fd

    def record(self, *, actor: str, role: str, action: str, target: str = "", params: dict[str, Any] | None = None,
               outcome: str = "ok", now: datetime | None = None) -> dict[str, Any]:
        """Append one entry, chained to the last one; the entry written."""
        at = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).isoformat(timespec="microseconds")
        fd = self._open_for_append()
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            previous = _parse(_last_line(fd))
            entry = chain_entry(previous, at=at, actor=actor, role=role, action=action, target=target,
                                params=params or {}, outcome=outcome)
            line = json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
            os.write(fd, line.encode("utf-8"))
            os.fsync(fd)
            self._write_head(entry)
            return entry
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    @property
    def head_path(self) -> Path:
        return self.path.with_suffix(".head")

    def _write_head(self, entry: dict[str, Any]) -> None:
        """The last entry's seq and hash, replaced whole (called under the append lock)."""
        tmp = self.path.with_suffix(".head.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"seq": entry["seq"], "hash": entry["hash"]}, f)
        os.replace(tmp, self.head_path)

    def head(self) -> dict[str, Any] | None:
        """The last appended entry's seq and hash as the head file has them (None without one)."""
        try:
            return _parse(self.head_path.read_text(encoding="utf-8"))
        except OSError:
            return None

    def lines(self) -> Iterator[dict[str, Any] | None]:
        """Every line parsed (``None`` for one that is not a JSON object); nothing when there is no file."""
        if not self.path.exists():
            return
        with open(self.path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield _parse(line)

    def entries(self) -> list[dict[str, Any]]:
        """The entries that parse, in file order."""
        return [e for e in self.lines() if e is not None]

    def verify(self) -> AuditCheck:
        """The chain checked (``verify_entries``), then its end against the head file."""
        check = verify_entries(self.lines())
        head = self.head()
        if check.ok and head and (int(head.get("seq", 0)) > check.count or
                                  (int(head.get("seq", 0)) == check.count and head.get("hash") != check.last_hash)):
            return AuditCheck(False, check.count, check.last_hash, line=check.count + 1,
                              problem=f"entries after {check.count} were cut off (the last one written was "
                                      f"{head.get('seq')})")
        return check


def _last_line(fd: int) -> str:
    """The last non-empty line of the open file, read from the end."""
    size = os.lseek(fd, 0, os.SEEK_END)
    data = b""
    position = size
    while position > 0:
        step = min(_TAIL_CHUNK, position)
        position -= step
        data = os.pread(fd, step, position) + data
        stripped = data.rstrip(b"\n")
        if b"\n" in stripped:
            return stripped.rsplit(b"\n", 1)[1].decode("utf-8", "replace")
    return data.rstrip(b"\n").decode("utf-8", "replace")
