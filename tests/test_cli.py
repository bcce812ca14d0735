"""The CLI against the session's graph server, through typer's runner."""

import json

import pytest
from typer.testing import CliRunner

from tipgraph.cli import app

pytestmark = pytest.mark.server
runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args))


def test_cli_query_prints_json_rows(server_env, store):
    store.write("CREATE (:Person {id: 'person:q1', name: '陳偉廷'}), (:Person {id: 'person:q2', name: 'Lee'})")
    result = run("query", "--json", "MATCH (p:Person) RETURN p.name AS name ORDER BY name")
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.stdout.splitlines()] == [{"name": "Lee"}, {"name": "陳偉廷"}]


def test_cli_query_takes_typed_parameters(server_env, store):
    result = run("query", "--json", "-p", "n=41", "-p", "names=[\"a\",\"b\"]", "-p", "s=plain text",
                 "RETURN $n + 1 AS n, size($names) AS k, $s AS s")
    assert json.loads(result.stdout) == {"n": 42, "k": 2, "s": "plain text"}


def test_cli_query_refuses_writes_without_flag_and_changes_nothing(server_env, store):
    result = run("query", "CREATE (:Person {id: 'person:w'})")
    assert result.exit_code == 1
    assert "use --write" in result.stderr
    assert store.read("MATCH (n) RETURN count(n) AS n")[0]["n"] == 0
    assert run("query", "--write", "CREATE (:Person {id: 'person:w', name: 'w'})").exit_code == 0
    assert store.read("MATCH (n:Person) RETURN count(n) AS n")[0]["n"] == 1


def test_cli_query_syntax_error_is_one_line_with_server_message(server_env, store):
    result = run("query", "MATCH (n RETURN n")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: the graph server rejected the statement")
    assert "Traceback" not in result.output


def test_cli_bad_parameter_names_the_option(server_env):
    result = run("query", "-p", "novalue", "RETURN 1")
    assert result.exit_code == 2
    assert "name=value" in result.output


def test_cli_status_json_has_counts_and_no_password(server_env, store):
    result = run("db", "status", "--json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["state"] in ("running", "remote") and body["nodes"] == 0
    assert "password" not in result.stdout.lower()
    if server_env.uses_local_server:
        from graph.localserver import read_password

        assert read_password(server_env) not in result.stdout


def test_cli_db_init_is_idempotent(server_env, store):
    first, second = run("db", "init"), run("db", "init")
    assert first.exit_code == second.exit_code == 0
    assert first.stdout == second.stdout


def test_cli_extract_files_and_stdin_as_json_lines(tmp_path):
    big5 = tmp_path / "big5.txt"
    big5.write_bytes("被告陳大明涉嫌人口販運".encode("cp950"))
    plain = tmp_path / "plain.txt"
    plain.write_text("The victim Nguyen Thi Lan was rescued in Bavet.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(big5), str(plain), "-"], input="被害人吳志偉獲救。")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc"]["lang"] for r in lines] == ["zh", "en", "zh"]
    assert any(e["text"] == "陳大明" for e in lines[0]["entities"])
    assert lines[0]["doc"]["id"] != lines[2]["doc"]["id"]


def test_cli_extract_names_the_bad_file_and_option(tmp_path):
    missing = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "nope.txt" in missing.output
    binary = tmp_path / "bin.dat"
    binary.write_bytes(bytes(range(256)) * 4)
    bad = runner.invoke(app, ["extract", str(binary)])
    assert bad.exit_code == 2 and "bin.dat" in bad.output
    lang = runner.invoke(app, ["extract", "--lang", "fr", "-"], input="x")
    assert lang.exit_code == 2 and "--lang" in lang.output


def test_cli_ingest_prints_a_json_summary_quarantines_bad_files_and_exits_1(server_env, store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "case.txt").write_text("查獲國人李○華等 3 人涉嫌人口販運案，於 111 年 2 月 8 日移送臺中地方檢察署偵辦。", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    result = run("ingest", "--json", str(folder))
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert summary["documents"] == 1 and summary["quarantined"] == 1
    assert summary["quarantine"][0]["reason"] == "empty"
    assert (server_env.home / "quarantine").is_dir()
    again = run("ingest", "--json", "--allow-quarantine", str(folder))
    assert again.exit_code == 0
    assert json.loads(again.stdout)["skipped"] == 1


def test_cli_ingest_unknown_kind_names_the_option(server_env, tmp_path):
    result = run("ingest", "--kind", "novel", str(tmp_path))
    assert result.exit_code == 2 and "--kind" in result.output


RING = """
CREATE (a:Person {id: 'person:ra', name: '高○正'}), (b:Person {id: 'person:rb', name: '羅○明'}),
       (v:Person {id: 'person:rv', name: '陳○宇'}), (i:Identifier {id: 'ident:rp', type: 'phone', value: '+886981408652'}),
       (a)-[:HAS_IDENTIFIER {id: 'rel:r1'}]->(i), (b)-[:HAS_IDENTIFIER {id: 'rel:r2'}]->(i),
       (a)-[:RECRUITED {id: 'rel:r3'}]->(v)
"""


def test_cli_analyze_finds_a_phone_two_people_share(server_env, store):
    store.write(RING)
    result = run("analyze", "shared-identifiers", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["value"] for r in rows] == ["+886981408652"] and sorted(rows[0]["people"]) == ["person:ra", "person:rb"]


def test_cli_analyze_write_stores_communities_on_people(server_env, store):
    store.write(RING)
    result = run("analyze", "communities", "--write", "--json")
    assert result.exit_code == 0, result.output
    stored = store.read("MATCH (p:Person) WHERE p.an_community IS NOT NULL RETURN count(p) AS n, "
                        "count(DISTINCT p.an_run) AS runs")
    assert stored[0]["n"] == 3 and stored[0]["runs"] == 1


@pytest.mark.parametrize(("args", "hint"), [(("analyze", "gossip"), "NAME"), (("analyze", "paths"), "--from")])
def test_cli_analyze_bad_name_or_missing_option_is_a_usage_error(server_env, store, args, hint):
    result = run(*args)
    assert result.exit_code == 2 and hint in result.output
