"""`tipgraph ingest` on a corpus of hostile files: no crash, a clear message for each refused file,
nothing written for a refused file, quarantine copies stay inside the quarantine, hostile names
come back from the graph unchanged, and a 200 MB file is refused without being read."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.store import Store
from ingest.documents import REASONS
from tests.reliability.hostile import HOSTILE_NAMES, SCRIPT, write_corpus, write_huge_text
from tipgraph.cli import app

pytestmark = pytest.mark.server

COUNT = "MATCH (n) RETURN count(n) AS n"
NAMES = "MATCH (p:Person) WHERE p.name IN $names RETURN p.name AS name ORDER BY name"
TEXTS = "MATCH (d:Document) RETURN d.path AS path, d.text AS text"


def ingest(paths: list[Path]) -> dict:
    result = CliRunner().invoke(app, ["ingest", "--json", "--allow-quarantine", *map(str, paths)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def one_worker(server_env, monkeypatch):
    monkeypatch.setenv("TIPGRAPH_WORKERS", "1")  # read in this process: the corpus is small
    return server_env


def test_ingest_of_hostile_corpus_quarantines_each_bad_file_with_a_clear_message(one_worker, store, tmp_path):
    expected = write_corpus(tmp_path / "hostile")
    # names starting with a dot are hidden files, left out when a folder is walked: name them
    dotted = [tmp_path / "hostile" / name for name in expected if name.startswith(".")]
    summary = ingest([tmp_path / "hostile", *dotted])
    got = {Path(q["path"]).name: q for q in summary["quarantine"]}
    assert {name: q["reason"] for name, q in got.items()} == {n: r for n, r in expected.items() if r}
    for name, q in got.items():
        assert name in q["message"], q["message"]
        assert REASONS[q["reason"]] in q["message"] or q["reason"] in q["message"], q["message"]
    assert summary["documents"] + summary["registers"] == sum(1 for r in expected.values() if r is None)
    quarantine = one_worker.home / "quarantine"
    for copy in quarantine.iterdir():
        assert copy.resolve().parent == quarantine.resolve()
    assert not any(p.name == "passwd.pdf" for p in tmp_path.rglob("*"))


def test_refused_files_write_nothing_to_the_graph(one_worker, store, tmp_path):
    expected = write_corpus(tmp_path / "hostile")
    bad = tmp_path / "bad"
    bad.mkdir()
    for name, reason in expected.items():
        if reason:
            (tmp_path / "hostile" / name).rename(bad / name)
    before = store.read(COUNT)[0]["n"]
    summary = ingest([bad, *(p for p in bad.iterdir() if p.name.startswith("."))])
    assert len(summary["quarantine"]) == len([r for r in expected.values() if r])
    assert store.read(COUNT)[0]["n"] == before


def test_hostile_names_go_through_ingest_into_the_graph_and_back_unchanged(one_worker, store, tmp_path):
    write_corpus(tmp_path / "hostile")
    ingest([tmp_path / "hostile" / "rescue_hostile.csv", tmp_path / "hostile" / "script.txt",
            tmp_path / "hostile" / "script.html"])
    assert [r["name"] for r in store.read(NAMES, {"names": list(HOSTILE_NAMES)})] == sorted(HOSTILE_NAMES)
    texts = {Path(r["path"]).name: r["text"] for r in store.read(TEXTS)}
    assert SCRIPT in texts["script.txt"]  # stored as data, shown escaped by every front end
    assert "alert(1)" not in texts["script.html"] and "林○華" in texts["script.html"]


@pytest.mark.timeout(60)
def test_ingest_refuses_a_200_mb_text_without_reading_it(one_worker, store: Store, tmp_path):
    huge = write_huge_text(tmp_path / "huge" / "huge.txt") if (tmp_path / "huge").mkdir() is None else None
    assert huge is not None and huge.stat().st_size >= 200 * 1024 * 1024 - 1024 * 1024
    before = store.read(COUNT)[0]["n"]
    started = time.monotonic()
    summary = ingest([huge])
    assert time.monotonic() - started < 30
    [q] = summary["quarantine"]
    assert q["reason"] == "too_large" and "huge.txt" in q["message"]
    assert store.read(COUNT)[0]["n"] == before


def test_a_file_whose_values_the_model_refuses_is_quarantined_not_fatal(tmp_path, monkeypatch):
    from graph.errors import ModelError
    from ingest import register_batches
    from ingest.pipeline import prepare_file

    write_corpus(tmp_path)

    def refuse(*_, **__):
        raise ModelError("Rescue.id", "needs at least one non-empty key part")

    monkeypatch.setattr(register_batches, "register_batch", refuse)
    outcome = prepare_file(str(tmp_path / "rescue_hostile.csv"))
    assert outcome.batch is None and outcome.reason == "invalid" and "Rescue.id" in outcome.detail
