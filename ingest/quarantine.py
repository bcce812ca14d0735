"""Quarantine: a private copy of each file ingest refused, with a reason file beside it, under ``$TIPGRAPH_HOME``.

The original is only ever read; quarantining the same bytes twice keeps one copy.
"""

from __future__ import annotations

import datetime as _dt
import errno
import hashlib
import json
import logging
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from ingest.documents import Unreadable

__all__ = ["REASON_SUFFIX", "QuarantineFailed", "list_quarantine", "quarantine", "quarantine_dir"]

log = logging.getLogger(__name__)

#: Suffix of the reason file written beside each quarantined copy.
REASON_SUFFIX = ".reason.json"
_PREFIX_LEN = 16
_CHUNK = 1024 * 1024
_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


# errors of the quarantine folder itself, not of the refused file: the run must stop and say so
_FOLDER_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO}


class QuarantineFailed(Exception):
    """A refused file could not be put in quarantine (a full disk, a read-only folder)."""

    def __init__(self, path: Path, folder: Path, error: OSError) -> None:
        self.path = path
        self.folder = folder
        self.error = error
        super().__init__(
            f"cannot quarantine {path} into {folder}: {error.strerror or error}. Free space there (or fix its "
            "permissions) and run the same command again; what was written to the graph is kept.")


def quarantine_dir(home: Path) -> Path:
    """Return ``home/quarantine``, created private (mode 0700) if missing."""
    folder = Path(home) / "quarantine"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _safe_name(path: Path) -> str:
    name = _UNSAFE.sub("_", path.name).strip("._") or "file"
    return name[-100:]


def _utc_now() -> str:
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _copy_hashing(src: Path, folder: Path) -> tuple[Path, str, int]:
    """Copy ``src`` into a private temporary file in ``folder`` while hashing it; return (temp, sha256, size)."""
    digest = hashlib.sha256()
    size = 0
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".incoming-")
    try:
        with open(src, "rb") as fin, os.fdopen(fd, "wb") as fout:
            while chunk := fin.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                fout.write(chunk)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp), digest.hexdigest(), size


def _write_json(target: Path, record: dict[str, Any]) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".reason-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(record, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)  # no half-written reason file left behind
        raise


def _unreadable_source(path: Path) -> bool:
    """Whether the refused file itself cannot be opened (then the folder is not at fault)."""
    try:
        with open(path, "rb"):
            return False
    except OSError:
        return True


def _same_reason(target: Path, record: dict[str, Any]) -> bool:
    try:
        old = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return all(old.get(k) == record[k] for k in ("path", "reason", "sha256"))


def quarantine(path: Path, error: Unreadable, home: Path) -> Path:
    """Copy a refused file into ``home/quarantine/<sha256 prefix>-<name>`` and write its reason file beside it.

    Never moves or modifies the original. The same bytes quarantined twice give one copy. A file that vanished or
    cannot be read still gets a reason file (named from its path, with ``sha256`` null).

    Args:
        path: the refused file.
        error: why it was refused.
        home: the tipgraph home folder.

    Returns:
        The quarantined copy, or the reason file when the file could not be copied.
    """
    path = Path(path)
    folder = quarantine_dir(home)
    record: dict[str, Any] = {
        "path": str(path),
        "reason": error.reason,
        "message": str(error),
        "sha256": None,
        "size": None,
        "time": _utc_now(),
        "copy": None,
    }
    try:
        try:
            tmp, sha, size = _copy_hashing(path, folder)
        except OSError as e:
            if e.errno in _FOLDER_ERRORS and not _unreadable_source(path):
                raise
            key = hashlib.sha256(str(path).encode("utf-8", "surrogatepass")).hexdigest()[:_PREFIX_LEN]
            record["copy_error"] = e.strerror or type(e).__name__
            target = folder / f"unread-{key}-{_safe_name(path)}{REASON_SUFFIX}"
            if not _same_reason(target, record):
                _write_json(target, record)
            log.warning("quarantine: %s could not be copied (%s); reason file %s", error.reason, e.strerror,
                        target.name)
            return target
        copy = folder / f"{sha[:_PREFIX_LEN]}-{_safe_name(path)}"
        if copy.exists():
            tmp.unlink()
        else:
            os.chmod(tmp, 0o600)
            os.replace(tmp, copy)
        record.update(sha256=sha, size=size, copy=copy.name)
        reason_file = copy.with_name(copy.name + REASON_SUFFIX)
        if not _same_reason(reason_file, record):
            _write_json(reason_file, record)
    except OSError as e:
        raise QuarantineFailed(path, folder, e) from e
    log.info("quarantined doc:%s (%s)", sha, error.reason)
    return copy


def list_quarantine(home: Path) -> list[dict[str, Any]]:
    """Return the reason records in ``home/quarantine``, oldest first, each with ``reason_file`` (its path).

    Reason files that cannot be parsed are skipped with a logged warning.
    """
    folder = Path(home) / "quarantine"
    if not folder.is_dir():
        return []
    records = []
    for target in sorted(folder.glob("*" + REASON_SUFFIX)):
        try:
            record = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            log.warning("quarantine: reason file %s cannot be read; skipped", target.name)
            continue
        if isinstance(record, dict):
            record["reason_file"] = str(target)
            records.append(record)
    records.sort(key=lambda r: (str(r.get("time", "")), r["reason_file"]))
    return records
