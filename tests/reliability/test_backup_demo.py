"""Backup and restore of the demo graph: the round trip gives the same counts, checksum and deep
properties; a second restore is refused without --merge; --merge twice changes nothing."""

from __future__ import annotations

import json
import tarfile
from pathlib import Path

import pytest

from graph.backup import graph_checksum, write_backup
from graph.backup_format import MANIFEST, BackupError
from graph.restore import restore_backup
from graph.store import Store

pytestmark = pytest.mark.server

WIPE = "MATCH (n) DETACH DELETE n"
NODE_COUNTS = "MATCH (n) RETURN labels(n)[0] AS label, count(n) AS n ORDER BY label"
REL_COUNTS = "MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n ORDER BY type"
SAMPLE_REL = """
MATCH (a)-[r]->(b) WHERE r.ev_json IS NOT NULL
RETURN r.id AS id, a.id AS a, b.id AS b, r.ev_key AS keys, r.ev_json AS evidence ORDER BY r.id LIMIT 5
"""
SAMPLE_DOCS = "MATCH (d:Document) RETURN d.id AS id, d.text AS text, d.pages AS pages ORDER BY d.id LIMIT 3"
SAME_AS = "MATCH (a)-[r:SAME_AS]->(b) RETURN a.id AS a, b.id AS b, properties(r) AS props ORDER BY r.id"
NAME_KEYS = "MATCH (:Person)-[:HAS_NAME_KEY]->(k:NameKey) RETURN count(k) AS n"
MENTION = "MATCH (p:Person)-[m:MENTIONED_IN]->(d) RETURN p.id AS p, properties(m) AS props ORDER BY m.key LIMIT 3"
ANALYSIS = "MATCH (p:Person) WHERE p.an_community IS NOT NULL RETURN p.id AS id, p.an_community AS c, p.an_run AS run ORDER BY id"
MARK_ANALYSIS = """
MATCH (p:Person) WITH p ORDER BY p.id LIMIT 2
SET p.an_community = 7, p.an_run = 'run:test', p.an_scores = [0.5, 0.25]
"""


def snapshot(store: Store) -> dict[str, object]:
    return {query: store.read(query) for query in (NODE_COUNTS, REL_COUNTS, SAMPLE_REL, SAMPLE_DOCS, SAME_AS,
                                                    NAME_KEYS, MENTION, ANALYSIS)}


@pytest.fixture(scope="module")
def demo_backup(demo_graph: Store, tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, Path, dict, str]:
    demo_graph.write(MARK_ANALYSIS)
    home = tmp_path_factory.mktemp("backup-home")
    (home / "audit").mkdir()
    (home / "audit" / "audit.jsonl").write_text('{"seq":1,"what":"export"}\n', encoding="utf-8")
    target = tmp_path_factory.mktemp("backup") / "demo.tipgraph.tar"
    summary = write_backup(demo_graph, target, home=home)
    before = snapshot(demo_graph)
    checksum, _ = graph_checksum(demo_graph)
    assert summary.content_checksum == checksum
    return demo_graph, target, before, checksum


def test_backup_restore_round_trip_gives_the_same_counts_checksum_and_deep_properties(demo_backup, tmp_path):
    store, target, before, checksum = demo_backup
    assert before[SAME_AS] and before[SAMPLE_REL] and before[ANALYSIS] and before[NAME_KEYS][0]["n"] > 0
    store.write(WIPE)
    assert store.read("MATCH (n) RETURN count(n) AS n")[0]["n"] == 0
    home = tmp_path / "home"
    summary = restore_backup(store, target, home=home)
    assert summary.checksum_matches is True
    assert graph_checksum(store)[0] == checksum
    assert snapshot(store) == before
    assert (home / "audit" / "audit.jsonl").read_text(encoding="utf-8") == '{"seq":1,"what":"export"}\n'


def test_backup_manifest_counts_every_label_and_type_with_member_checksums(demo_backup):
    store, target, before, _ = demo_backup
    with tarfile.open(target) as tar:
        names = tar.getnames()
        manifest = json.loads(tar.extractfile(MANIFEST).read())
    assert names == ["manifest.json", "nodes.jsonl.gz", "relationships.jsonl.gz", "audit.jsonl"]
    assert manifest["format"] == "tipgraph-backup" and manifest["format_version"] == 1
    assert manifest["counts"]["nodes"] == {r["label"]: r["n"] for r in before[NODE_COUNTS]}
    assert manifest["counts"]["relationships"] == {r["type"]: r["n"] for r in before[REL_COUNTS]}
    assert "NameKey" in manifest["counts"]["nodes"] and "SAME_AS" in manifest["counts"]["relationships"]
    assert all(len(m["sha256"]) == 64 for m in manifest["members"].values())


def test_restore_into_a_graph_that_holds_nodes_is_refused_without_merge(demo_backup):
    store, target, before, _ = demo_backup
    with pytest.raises(BackupError, match="--merge"):
        restore_backup(store, target)
    assert store.read(NODE_COUNTS) == before[NODE_COUNTS]


def test_restore_with_merge_twice_changes_nothing(demo_backup):
    store, target, before, checksum = demo_backup
    for _ in range(2):
        summary = restore_backup(store, target, merge=True)
        assert summary.checksum_matches is None
    assert graph_checksum(store)[0] == checksum
    assert store.read(REL_COUNTS) == before[REL_COUNTS]


def test_backup_paged_in_small_pages_reads_the_same_graph(demo_backup):
    store, _, _, checksum = demo_backup
    assert graph_checksum(store, page=150)[0] == checksum
