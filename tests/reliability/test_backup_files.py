"""A backup file that is truncated, damaged or does not fit the model is refused before anything
is written, with a message naming the member; the command line backs up and restores."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.backup import write_backup
from graph.backup_format import BackupError, ContentSum, canonical_line
from graph.model import Evidence
from graph.restore import restore_backup
from graph.store import Store
from graph.writes import GraphBatch, NodeRow, RelRow, write_batch
from tipgraph.cli import app

pytestmark = pytest.mark.server

COUNT = "MATCH (n) RETURN count(n) AS n"
WIPE = "MATCH (n) DETACH DELETE n"
DOC = "doc:" + "a" * 64


def small_graph(store: Store) -> None:
    ev = Evidence(DOC, 0, 5, "test", sentence="陳○明招募")
    write_batch(store, GraphBatch(
        nodes=[NodeRow(DOC, {"kind": "case", "text": "陳○明招募林○華", "pages": ["0"]}),
               NodeRow("person:a1", {"name": "陳○明", "masked": True}, [ev]),
               NodeRow("person:b2", {"name": "林○華"}),
               NodeRow("ident:p1", {"type": "phone", "value": "+85512345678"})],
        rels=[RelRow("RECRUITED", "person:a1", "person:b2", {"date": "2022-09-05"}, [ev]),
              RelRow("HAS_IDENTIFIER", "person:a1", "ident:p1")]))


@pytest.fixture
def backup_file(store: Store, tmp_path: Path) -> Path:
    small_graph(store)
    target = tmp_path / "small.tar"
    write_backup(store, target)
    store.write(WIPE)
    return target


def rebuild(source: Path, target: Path, edit_member: str, edit) -> None:
    """Copy a backup, changing one member's lines and fixing up the manifest's checksums, so the
    file is consistent and only the model check can refuse it."""
    with tarfile.open(source) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        members = {n: tar.extractfile(n).read() for n in tar.getnames() if n != "manifest.json"}
    lines = gzip.decompress(members[edit_member]).decode().splitlines()
    lines = [edit(line) for line in lines]
    members[edit_member] = gzip.compress(("\n".join(lines) + "\n").encode())
    total = ContentSum()
    for name in ("nodes.jsonl.gz", "relationships.jsonl.gz"):
        for line in gzip.decompress(members[name]).decode().splitlines():
            total.add(line)
    manifest["content_checksum"] = total.hexdigest()
    for name, data in members.items():
        manifest["members"][name].update(sha256=hashlib.sha256(data).hexdigest(), bytes=len(data))
    with tarfile.open(target, "w") as tar:
        for name, data in [("manifest.json", json.dumps(manifest).encode()), *members.items()]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


def refused(store: Store, path: Path, **kw) -> BackupError:
    with pytest.raises(BackupError) as info:
        restore_backup(store, path, **kw)
    assert store.read(COUNT)[0]["n"] == 0, "nothing may be written from a refused backup"
    return info.value


def test_restore_of_small_graph_keeps_evidence_lists_and_mentions(store, backup_file):
    summary = restore_backup(store, backup_file)
    assert summary.checksum_matches is True and (summary.nodes, summary.relationships) == (8, 7)  # with 4 name search keys
    row = store.read("MATCH (:Person {id: 'person:a1'})-[r:RECRUITED]->() RETURN r.ev_doc AS docs, r.date AS d")[0]
    assert row == {"docs": [DOC], "d": "2022-09-05"}
    assert store.read("MATCH (:Person)-[m:MENTIONED_IN]->(:Document) RETURN m.sentence AS s")[0]["s"] == "陳○明招募"


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_restore_of_truncated_backup_is_refused_naming_the_member(store, backup_file, tmp_path, keep):
    with tarfile.open(backup_file) as tar:
        end = max(m.offset_data + m.size for m in tar.getmembers())  # the zero padding after it is not content
    cut = tmp_path / "cut.tar"
    cut.write_bytes(backup_file.read_bytes()[: int(end * keep)])
    err = refused(store, cut)
    assert err.member in ("manifest.json", "nodes.jsonl.gz", "relationships.jsonl.gz"), str(err)
    assert err.member in str(err) and "cut.tar" in str(err)


def test_restore_of_backup_with_a_flipped_byte_is_refused_naming_the_member(store, backup_file, tmp_path):
    with tarfile.open(backup_file) as tar:
        offset = tar.getmember("relationships.jsonl.gz").offset_data
    data = bytearray(backup_file.read_bytes())
    data[offset + 20] ^= 0xFF
    bad = tmp_path / "bad.tar"
    bad.write_bytes(bytes(data))
    err = refused(store, bad)
    assert err.member == "relationships.jsonl.gz" and "SHA-256" in str(err)


def test_restore_refuses_a_label_outside_the_model_even_with_consistent_checksums(store, backup_file, tmp_path):
    hostile = tmp_path / "hostile.tar"
    rebuild(backup_file, hostile, "nodes.jsonl.gz",
            lambda line: line.replace('"label":"Person"', '"label":"Person) DETACH DELETE (x"'))
    err = refused(store, hostile)
    assert err.member == "nodes.jsonl.gz" and err.line and "not a node kind" in str(err)


def test_restore_refuses_a_relationship_type_outside_the_model(store, backup_file, tmp_path):
    hostile = tmp_path / "hostile.tar"
    rebuild(backup_file, hostile, "relationships.jsonl.gz", lambda line: line.replace('"RECRUITED"', '"OWNS"'))
    err = refused(store, hostile)
    assert err.member == "relationships.jsonl.gz" and "'OWNS'" in str(err)


def test_restore_refuses_a_file_that_is_not_a_backup(store, tmp_path):
    junk = tmp_path / "junk.tar"
    junk.write_bytes(b"not a tar archive at all" * 50)
    assert "not a readable backup" in str(refused(store, junk))


def test_backup_refuses_nodes_outside_the_model(store, tmp_path):
    store.write("CREATE (:Person {id: 'person:x', name: 'x'}), (:Stranger {id: 'x:1'})")
    with pytest.raises(BackupError, match="Stranger"):
        write_backup(store, tmp_path / "b.tar")
    assert not (tmp_path / "b.tar").exists() and not list(tmp_path.iterdir())


def test_backup_content_checksum_is_the_order_free_sum_of_its_lines(store, tmp_path):
    small_graph(store)
    target = tmp_path / "b.tar"
    summary = write_backup(store, target)
    with tarfile.open(target) as tar:
        lines = [line for name in ("relationships.jsonl.gz", "nodes.jsonl.gz")
                 for line in gzip.decompress(tar.extractfile(name).read()).decode().splitlines()]
    total = ContentSum()
    for line in reversed(lines):
        assert canonical_line(json.loads(line)) == line
        total.add(line)
    assert total.hexdigest() == summary.content_checksum


def test_cli_backup_then_restore_into_emptied_graph(server_env, store, tmp_path):
    small_graph(store)
    runner = CliRunner()
    target = tmp_path / "cli.tar"
    result = runner.invoke(app, ["backup", "--json", str(target)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["nodes"] == 8
    refused_run = runner.invoke(app, ["restore", str(target)])
    assert refused_run.exit_code == 1 and "--merge" in refused_run.stderr
    store.write(WIPE)
    result = runner.invoke(app, ["restore", str(target)])
    assert result.exit_code == 0, result.output
    assert "the graph has the backup's checksum" in result.stdout
    assert runner.invoke(app, ["restore", "--merge", str(target)]).exit_code == 0
    assert store.read(COUNT)[0]["n"] == 8
