"""The ingest run against a real graph server: the demo corpus lands whole, reproduces the
2022 figures, lands once however often it is run or however it was interrupted, and every
bad file is quarantined with its reason."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from graph import localserver, schema
from graph.store import Store, open_store
from ingest.pipeline import ingest
from ingest.resolve import resolve
from playbooks.fourp import fourp_figures
from tests.conftest import demo_corpus
from tests.support.domain import TABLE_2022
from tests.support.waiting import wait_until

pytestmark = pytest.mark.server

NODE_COUNTS = "MATCH (n) RETURN labels(n)[0] AS label, count(n) AS n ORDER BY label"
REL_COUNTS = "MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n ORDER BY type"
EVIDENCE_COUNT = "MATCH ()-[r]->() WHERE r.ev_key IS NOT NULL RETURN sum(size(r.ev_key)) AS n"
WIPE = "MATCH (n) DETACH DELETE n"
DOCUMENTS = "MATCH (d:Document) RETURN count(d) AS n"


def _children(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (Linux /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def counts(store: Store) -> dict[str, int]:
    out = {f"node:{r['label']}": r["n"] for r in store.read(NODE_COUNTS)}
    out.update({f"rel:{r['type']}": r["n"] for r in store.read(REL_COUNTS)})
    out["evidence"] = store.read(EVIDENCE_COUNT)[0]["n"]
    return out


corpus = demo_corpus


@pytest.fixture(scope="module")
def loaded(server_settings, demo_dir, tmp_path_factory):
    """The demo corpus ingested once into an emptied database: (store, summary, home)."""
    home = tmp_path_factory.mktemp("home")
    with open_store(server_settings, start_local=False, user="test") as store:
        store.write(WIPE)
        schema.init_schema(store)
        summary = ingest(store, corpus(demo_dir), home=home, workers=2)
        summary.merges = resolve(store).merged
        yield store, summary, home


@pytest.fixture(scope="module")
def expected(loaded) -> dict[str, int]:
    """The counts of the uninterrupted run, taken before any test rewrites the graph."""
    return counts(loaded[0])


def test_ingest_demo_reproduces_every_2022_figure_from_the_graph(loaded, expected):
    store, _, _ = loaded
    assert fourp_figures(store, 2022) == TABLE_2022


def test_ingest_quarantines_every_bad_file_with_its_reason_and_nothing_else(loaded, demo_dir):
    _, summary, home = loaded
    truth = json.loads((demo_dir / "truth.json").read_text(encoding="utf-8"))
    expected = {str(demo_dir / bad["file"]): bad["reason"] for bad in truth["bad_files"]}
    assert {q["path"]: q["reason"] for q in summary.quarantined} == expected
    reasons = sorted(home.glob("quarantine/*.reason.json"))
    assert len(reasons) == len(expected)
    assert summary.documents + summary.registers + len(expected) == summary.files


def test_ingest_again_changes_no_count(loaded, demo_dir):
    store, summary, home = loaded
    before = counts(store)
    again = ingest(store, corpus(demo_dir), home=home, workers=2)
    resolve(store)
    assert again.documents == again.registers == 0
    assert again.skipped == summary.documents + summary.registers
    assert counts(store) == before


def test_ingest_every_document_keeps_its_text_and_provenance(loaded):
    store, summary, _ = loaded
    rows = store.read("MATCH (d:Document) WHERE d.text IS NOT NULL RETURN count(d) AS n, min(d.chars) AS least")
    assert rows[0]["n"] == summary.documents and rows[0]["least"] > 0
    orphans = store.read("MATCH (p:Person) WHERE NOT (p)-[:MENTIONED_IN]->(:Document) RETURN count(p) AS n")
    assert orphans[0]["n"] == 0


def test_ingest_resolution_never_merges_two_people_on_a_masked_name(loaded, demo_dir):
    store, _, _ = loaded
    truth = json.loads((demo_dir / "truth.json").read_text(encoding="utf-8"))
    twins = truth["structures"]["same_masked_name"]
    rows = store.read(
        "MATCH (p:Person {name: $name})-[:MENTIONED_IN]->(d:Document) WHERE d.path CONTAINS $a OR d.path CONTAINS $b "
        "RETURN DISTINCT p.id AS id, p.canonical AS canonical",
        {"name": twins["masked"], "a": twins["cases"][0], "b": twins["cases"][1]})
    assert len(rows) == 2
    groups = {r["canonical"] or r["id"] for r in rows}
    assert len(groups) == len(rows)


def test_ingest_resolution_keeps_ring_members_who_share_a_phone_apart(loaded, demo_dir):
    store, _, _ = loaded
    truth = json.loads((demo_dir / "truth.json").read_text(encoding="utf-8"))
    ring = truth["structures"]["rings"][0]
    phone = ring["shared_phones"][0]
    rows = store.read(
        "MATCH (p:Person)-[:HAS_IDENTIFIER]->(:Identifier {type: 'phone', value: $phone}) "
        "RETURN DISTINCT coalesce(p.canonical, p.id) AS who", {"phone": phone})
    assert len(rows) >= 2  # several recruiters behind one phone: the ring the analysts must see


def test_ingest_same_passport_in_a_register_and_a_report_is_one_person(loaded, demo_dir):
    store, _, _ = loaded
    truth = json.loads((demo_dir / "truth.json").read_text(encoding="utf-8"))
    person = next(p for p in truth["people"] if p["id"] == truth["structures"]["cross_script"]["person"])
    rows = store.read(
        "MATCH (p:Person)-[:HAS_IDENTIFIER]->(:Identifier {type: 'passport', value: $passport}) "
        "OPTIONAL MATCH (p)-[:MENTIONED_IN]->(d:Document) RETURN p.name AS name, p.aliases AS aliases, "
        "count(DISTINCT d) AS documents", {"passport": person["passport"]})
    assert len(rows) == 1 and rows[0]["documents"] >= 2
    names = {rows[0]["name"], *rows[0]["aliases"]}
    assert any(n.isascii() for n in names)


def test_analytics_each_hidden_ring_lands_in_one_community(loaded, demo_dir):
    import collections

    import graph.analytics as analytics
    from graph.projection import to_networkx

    store, _, _ = loaded
    truth = json.loads((demo_dir / "truth.json").read_text(encoding="utf-8"))
    holders: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    for row in store.read("MATCH (p:Person)-[:HAS_IDENTIFIER]->(i:Identifier) "
                          "RETURN coalesce(p.canonical, p.id) AS who, i.type AS type, i.value AS value"):
        holders[(row["type"], row["value"])].add(row["who"])
    community = dict(analytics.communities(to_networkx(store), seed=0, runs=3)[["person", "community"]].values)
    for ring in truth["structures"]["rings"]:
        shared = ([("phone", v) for v in ring["shared_phones"]] + [("account", v) for v in ring["shared_accounts"]]
                  + [("handle", v.split(":", 1)[1]) for v in ring["shared_handles"]])
        members = set().union(*(holders[k] for k in shared))  # who holds the ring's phones, accounts, handles
        counts = collections.Counter(community.get(m) for m in members)
        assert len(members) >= 2, ring["id"]
        assert counts.most_common(1)[0][1] / len(members) >= 0.9, (ring["id"], counts)


def test_analytics_every_planted_co_travel_flight_is_found(loaded, demo_dir):
    import graph.analytics as analytics
    from graph.projection import to_networkx

    store, _, _ = loaded
    truth = json.loads((demo_dir / "truth.json").read_text(encoding="utf-8"))
    table = analytics.co_travel(to_networkx(store))
    for planted in truth["structures"]["flew_with_recruiter"]:
        rows = table[table.flight == f"flight:{planted['flight']}@{planted['date']}"]
        assert any(victims and recruiters for victims, recruiters in zip(rows.victims, rows.recruiters)), planted


def _ingest_args(demo_dir: Path) -> list[str]:
    return [sys.executable, "-m", "tipgraph", "ingest", "--json", "--allow-quarantine", *map(str, corpus(demo_dir))]


def _ingest_env(server_settings, **extra: str) -> dict[str, str]:
    env = {**os.environ, "TIPGRAPH_HOME": str(server_settings.home), "TIPGRAPH_WORKERS": "2", **extra}
    if not server_settings.uses_local_server:
        env["NEO4J_URI"] = server_settings.neo4j_uri or ""
    return env


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_ingest_killed_at_a_random_point_then_run_again_ends_with_the_same_graph(server_settings, demo_dir, loaded,
                                                                                  expected, seed):
    store, _, _ = loaded
    kill_after = random.Random(seed).randint(10, expected["node:Document"] // 2)
    store.write(WIPE)
    schema.init_schema(store)
    env, args = _ingest_env(server_settings), _ingest_args(demo_dir)
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert wait_until(lambda: store.read(DOCUMENTS)[0]["n"] >= kill_after, timeout=300), "the run wrote too little"
    workers_before = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    gone = wait_until(lambda: not any(_alive(pid) for pid in workers_before), timeout=20)
    assert workers_before and gone, "workers outlived the killed run"
    partial = store.read(DOCUMENTS)[0]["n"]
    assert kill_after <= partial < expected["node:Document"], "the run should have been killed midway"
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["skipped"] == partial
    assert counts(store) == expected


def _stderr_says(path: Path, words: str) -> bool:
    return path.exists() and words in path.read_text(encoding="utf-8", errors="replace")


@pytest.mark.skipif(bool(os.environ.get("NEO4J_URI")), reason="stops and starts the bundled local server")
def test_ingest_waits_for_a_restarted_graph_server_and_loses_nothing(server_settings, demo_dir, loaded, expected,
                                                                     tmp_path):
    store, _, _ = loaded
    store.write(WIPE)
    schema.init_schema(store)
    log = tmp_path / "stderr.txt"
    with open(log, "w", encoding="utf-8") as err:
        proc = subprocess.Popen(_ingest_args(demo_dir), env=_ingest_env(server_settings, TIPGRAPH_RETRY_SECONDS="300"),
                                stdout=subprocess.PIPE, stderr=err, text=True)
        assert wait_until(lambda: store.read(DOCUMENTS)[0]["n"] >= 40, timeout=300)
        localserver.stop(server_settings)
        assert wait_until(lambda: _stderr_says(log, "trying again"), timeout=120), log.read_text()
        localserver.start(server_settings)  # on the same port: the run reconnects by itself
        out, _ = proc.communicate(timeout=900)
    assert proc.returncode == 0, log.read_text()
    summary = json.loads(out)
    assert summary["documents"] > 0
    assert [q for q in summary["quarantine"] if q["reason"] == "invalid"] == []  # none blamed on the outage
    assert counts(store) == expected


@pytest.mark.skipif(bool(os.environ.get("NEO4J_URI")), reason="stops and starts the bundled local server")
def test_ingest_stops_with_a_clear_error_when_the_server_stays_away_and_resumes_after(server_settings, demo_dir,
                                                                                     loaded, expected, tmp_path):
    store, _, _ = loaded
    store.write(WIPE)
    schema.init_schema(store)
    env = _ingest_env(server_settings, TIPGRAPH_RETRY_SECONDS="3")
    proc = subprocess.Popen(_ingest_args(demo_dir), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert wait_until(lambda: store.read(DOCUMENTS)[0]["n"] >= 40, timeout=300)
    localserver.stop(server_settings)
    _, err = proc.communicate(timeout=300)
    localserver.start(server_settings)
    assert proc.returncode == 1
    assert "run the same command again" in err and "Traceback" not in err
    written = store.read(DOCUMENTS)[0]["n"]
    assert written >= 40
    done = subprocess.run(_ingest_args(demo_dir), env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["skipped"] == written
    assert counts(store) == expected


def test_ingest_a_document_the_graph_refuses_is_quarantined_alone(store, tmp_path):
    from graph.writes import NodeRow
    from ingest.pipeline import IngestSummary, Outcome, _write_group
    from ingest.batches import document_batch
    from tests.ingest.test_batches import source
    from nlp.extract import extract

    good = []
    for i in range(3):
        text = f"查獲國人李○華{i}等 3 人涉嫌人口販運案，於 111 年 2 月 8 日移送臺中地方檢察署偵辦。"
        doc = source(text, f"good-{i}.txt")
        good.append(Outcome(doc.path, doc.id, "case", document_batch(doc, extract(text), kind="case", ingested_at="x")))
    bad_doc = source("壞的", "bad.txt")
    bad_batch = document_batch(bad_doc, extract("壞的"), kind="other", ingested_at="x")
    bad_batch.nodes.append(NodeRow("person:bad", {"birth_year": "not a year"}))  # the model refuses it
    (tmp_path / "bad.txt").write_text("壞的", encoding="utf-8")
    bad = Outcome(str(tmp_path / "bad.txt"), bad_doc.id, "other", bad_batch)
    summary, existing = IngestSummary(), set()
    _write_group(store, [*good[:2], bad, good[2]], summary, existing, tmp_path / "home", 2000)
    assert summary.documents == 3 and [q["reason"] for q in summary.quarantined] == ["invalid"]
    assert store.read(DOCUMENTS)[0]["n"] == 3


def test_patiently_waits_with_growing_pauses_then_gives_up_with_the_servers_error():
    from graph.errors import GraphUnavailable
    from ingest.pipeline import patiently

    calls, waits = [], []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise GraphUnavailable("bolt://127.0.0.1:1", "connection refused")
        return "written"

    assert patiently(flaky, retry_s=10, on_wait=waits.append, reachable=lambda: True) == "written"
    assert [w.rsplit("within ", 1)[1] for w in waits] == ["1 s", "2 s"]  # the pauses double

    tries, polls = [], []

    def once_down() -> str:
        tries.append(1)
        if len(tries) == 1:
            raise GraphUnavailable("bolt://127.0.0.1:1", "connection refused")
        return "written"

    # a port that stays closed: the 1 s pause runs out, the port polled all along
    assert patiently(once_down, retry_s=5, reachable=lambda: polls.append(1) is not None) == "written"
    assert len(polls) >= 3

    def down() -> str:
        raise GraphUnavailable("bolt://127.0.0.1:1", "connection refused")

    with pytest.raises(GraphUnavailable, match="cannot reach the graph server"):
        patiently(down, retry_s=0)
