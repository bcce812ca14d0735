"""The audit trail: a hash chain that names the first entry edited, deleted, inserted or
reordered; appends from many processes keep one chain; the file is private; the CLI."""

from __future__ import annotations

import json
import multiprocessing
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.audit import AuditLog, filter_entries, verify_entries
from tipgraph.cli import app


def _trail(path: Path, n: int = 5) -> AuditLog:
    log = AuditLog(path)
    for i in range(n):
        log.record(actor=f"user{i % 2}", role="investigator", action="search" if i % 2 else "entity",
                   target=f"person:{i}", params={"query": f"q{i}"})
    return log


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def test_audit_a_fresh_chain_verifies_with_its_count(tmp_path: Path) -> None:
    check = _trail(tmp_path / "audit.jsonl").verify()
    assert check.ok and check.count == 5 and check.message().startswith("OK: 5 entries")


def test_audit_file_is_private_to_its_owner(tmp_path: Path) -> None:
    log = _trail(tmp_path / "audit" / "audit.jsonl", 1)
    assert stat.S_IMODE(log.path.stat().st_mode) == 0o600


def test_audit_an_edited_entry_is_named(tmp_path: Path) -> None:
    log = _trail(tmp_path / "audit.jsonl")
    lines = _lines(log.path)
    entry = json.loads(lines[2])
    entry["actor"] = "someone-else"
    lines[2] = json.dumps(entry) + "\n"
    log.path.write_text("".join(lines), encoding="utf-8")
    check = log.verify()
    assert not check.ok and check.line == 3 and "edited" in check.problem


def test_audit_a_deleted_entry_is_named(tmp_path: Path) -> None:
    log = _trail(tmp_path / "audit.jsonl")
    lines = _lines(log.path)
    del lines[1]
    log.path.write_text("".join(lines), encoding="utf-8")
    check = log.verify()
    assert not check.ok and check.line == 2 and "deleted" in check.problem


def test_audit_swapped_entries_are_named(tmp_path: Path) -> None:
    log = _trail(tmp_path / "audit.jsonl")
    lines = _lines(log.path)
    lines[1], lines[3] = lines[3], lines[1]
    log.path.write_text("".join(lines), encoding="utf-8")
    check = log.verify()
    assert not check.ok and check.line == 2


def test_audit_an_inserted_entry_with_a_forged_hash_is_named(tmp_path: Path) -> None:
    log = _trail(tmp_path / "audit.jsonl", 3)
    lines = _lines(log.path)
    forged = json.loads(lines[1])
    forged.update(actor="ghost")
    from graph.audit import entry_hash
    forged["hash"] = entry_hash(forged)  # a consistent entry, but the chain after it breaks
    lines.insert(2, json.dumps(forged) + "\n")
    log.path.write_text("".join(lines), encoding="utf-8")
    check = log.verify()
    assert not check.ok and check.line == 3


def test_audit_a_line_that_is_not_json_is_named(tmp_path: Path) -> None:
    log = _trail(tmp_path / "audit.jsonl", 2)
    with open(log.path, "a", encoding="utf-8") as f:
        f.write("{not json\n")
    assert verify_entries(log.lines()).line == 3


def _append_many(path: str, who: str) -> None:
    log = AuditLog(Path(path))
    for i in range(25):
        log.record(actor=who, role="investigator", action="search", params={"i": i})


def test_audit_concurrent_appends_keep_one_chain(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    ctx = multiprocessing.get_context("fork")
    workers = [ctx.Process(target=_append_many, args=(str(path), f"w{n}")) for n in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    check = AuditLog(path).verify()
    assert check.ok and check.count == 100


def test_audit_filter_by_actor_action_and_dates(tmp_path: Path) -> None:
    entries = _trail(tmp_path / "audit.jsonl").entries()
    assert {e["actor"] for e in filter_entries(entries, actor="user1")} == {"user1"}
    assert {e["action"] for e in filter_entries(entries, action="entity")} == {"entity"}
    day = entries[0]["at"][:10]
    assert len(filter_entries(entries, since=day, until=day)) == 5
    assert filter_entries(entries, until="2000-01-01") == []


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TIPGRAPH_HOME", str(tmp_path))
    return tmp_path


def test_audit_cli_verify_says_ok_then_fails_on_tampering(home: Path) -> None:
    log = _trail(home / "audit" / "audit.jsonl")
    ok = CliRunner().invoke(app, ["audit", "verify"])
    assert ok.exit_code == 0 and "OK: 5 entries" in ok.output
    lines = _lines(log.path)
    del lines[0]
    log.path.write_text("".join(lines), encoding="utf-8")
    bad = CliRunner().invoke(app, ["audit", "verify"])
    assert bad.exit_code == 1 and "line 1" in bad.output


def test_audit_cli_show_filters_and_prints_json_lines(home: Path) -> None:
    _trail(home / "audit" / "audit.jsonl")
    result = CliRunner().invoke(app, ["audit", "show", "--actor", "user0", "--action", "entity", "--json"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert result.exit_code == 0 and len(rows) == 3 and {r["actor"] for r in rows} == {"user0"}


def test_audit_entries_cut_off_the_end_are_named_by_the_head(tmp_path: Path) -> None:
    log = _trail(tmp_path / "audit.jsonl")
    lines = _lines(log.path)
    log.path.write_text("".join(lines[:3]), encoding="utf-8")
    check = log.verify()
    assert not check.ok and check.line == 4 and "cut off" in check.problem
    assert verify_entries(log.lines()).ok, "the chain alone cannot tell: the head file does"


def test_audit_cli_verify_fails_when_the_trail_is_gone_but_its_head_is_not(home: Path) -> None:
    log = _trail(home / "audit" / "audit.jsonl", 2)
    log.path.unlink()
    result = CliRunner().invoke(app, ["audit", "verify"])
    assert result.exit_code == 1 and "audit trail missing" in result.output


def test_audit_a_store_as_a_user_shares_the_driver_and_names_the_user() -> None:
    from graph.store import Connection, Store

    base = Store(Connection("bolt://127.0.0.1:1", "neo4j", "unused", "neo4j"), user="workbench")
    try:
        ines = base.as_user("workbench:ines")
        assert ines.user == "workbench:ines" and base.user == "workbench" and ines._driver is base._driver
    finally:
        base.close()
