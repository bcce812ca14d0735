"""Tests for ingest.quarantine: private copies of refused files, reason files, idempotence, vanished files."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

import pytest

from ingest.documents import Unreadable
from ingest.quarantine import list_quarantine, quarantine
from ingest.readers import read_document


def refuse(path: Path) -> Unreadable:
    with pytest.raises(Unreadable) as info:
        read_document(path, max_bytes=1024)
    return info.value


def test_quarantine_copies_file_and_leaves_original_untouched(tmp_path: Path) -> None:
    original = tmp_path / "in" / "scan.txt"
    original.parent.mkdir()
    data = b"\x00\x01binary\x00"
    original.write_bytes(data)
    before = os.stat(original)
    home = tmp_path / "home"
    copy = quarantine(original, refuse(original), home)
    sha = hashlib.sha256(data).hexdigest()
    assert copy == home / "quarantine" / f"{sha[:16]}-scan.txt"
    assert copy.read_bytes() == data
    assert original.read_bytes() == data
    after = os.stat(original)
    assert (after.st_mtime_ns, after.st_size, after.st_ino) == (before.st_mtime_ns, before.st_size, before.st_ino)
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o600


def test_quarantine_writes_reason_file_beside_the_copy(tmp_path: Path) -> None:
    original = tmp_path / "empty.txt"
    original.write_bytes(b"   \n")
    error = refuse(original)
    copy = quarantine(original, error, tmp_path / "home")
    record = json.loads(copy.with_name(copy.name + ".reason.json").read_text(encoding="utf-8"))
    assert record["path"] == str(original)
    assert record["reason"] == "empty"
    assert record["message"] == str(error) and "empty.txt" in record["message"]
    assert record["sha256"] == hashlib.sha256(b"   \n").hexdigest()
    assert record["size"] == 4
    assert record["time"].endswith("Z") and record["time"][:2] == "20"


def test_quarantine_same_bytes_twice_keeps_one_copy(tmp_path: Path) -> None:
    original = tmp_path / "x.exe"
    original.write_bytes(b"MZ payload")
    home = tmp_path / "home"
    first = quarantine(original, refuse(original), home)
    second = quarantine(original, refuse(original), home)
    assert first == second
    files = sorted(p.name for p in (home / "quarantine").iterdir())
    assert files == [first.name, first.name + ".reason.json"]
    assert len(list_quarantine(home)) == 1


def test_quarantine_of_vanished_file_still_writes_reason(tmp_path: Path) -> None:
    gone = tmp_path / "gone.pdf"
    error = Unreadable(str(gone), "corrupt", "the PDF cannot be parsed")
    result = quarantine(gone, error, tmp_path / "home")
    assert result.name.endswith("-gone.pdf.reason.json")
    record = json.loads(result.read_text(encoding="utf-8"))
    assert record["reason"] == "corrupt" and record["sha256"] is None and record["path"] == str(gone)
    assert [r["reason"] for r in list_quarantine(tmp_path / "home")] == ["corrupt"]


def test_list_quarantine_returns_every_record_and_skips_broken_ones(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert list_quarantine(home) == []
    for name, data in (("a.txt", b""), ("b.exe", b"MZ")):
        path = tmp_path / name
        path.write_bytes(data)
        quarantine(path, refuse(path), home)
    (home / "quarantine" / "junk.reason.json").write_text("{not json", encoding="utf-8")
    records = list_quarantine(home)
    assert sorted(r["reason"] for r in records) == ["empty", "unsupported"]
    assert all(Path(r["reason_file"]).is_file() for r in records)


@pytest.fixture
def full_home(tmp_path: Path):
    """A tipgraph home whose quarantine folder is a 32 KB tmpfs: a real full disk."""
    import subprocess

    home = tmp_path / "home"
    folder = home / "quarantine"
    folder.mkdir(parents=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32k,mode=0700", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({mounted.stderr.strip()}); CI runs as root and can")
    try:
        yield home
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_quarantine_on_a_full_disk_raises_a_clear_error_and_leaves_no_half_copy(full_home: Path, tmp_path: Path):
    from ingest.quarantine import QuarantineFailed

    big = tmp_path / "big.bin"
    big.write_bytes(b"\x00" * 200_000)
    with pytest.raises(QuarantineFailed, match="No space left on device.*run the same command again"):
        quarantine(big, Unreadable(str(big), "binary", "NUL bytes"), full_home)
    assert [p.name for p in (full_home / "quarantine").iterdir()] == []  # no temporary or partial file
    assert big.read_bytes() == b"\x00" * 200_000  # the original untouched


@pytest.mark.server
def test_ingest_stops_when_the_quarantine_disk_is_full_and_writes_nothing_half(full_home: Path, tmp_path: Path, store):
    from ingest.pipeline import ingest
    from ingest.quarantine import QuarantineFailed

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "scan.bin.txt").write_bytes(b"\x00" * 200_000)
    with pytest.raises(QuarantineFailed, match="cannot quarantine"):
        ingest(store, [folder], home=full_home, workers=1)
    assert store.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == 0
