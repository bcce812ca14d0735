"""Every export of the demo graph is a real file its partner's tool opens: FollowTheMoney entities
load strictly into the FtM model, GraphML reads back into networkx identically, GEXF parses, the
CSV and XLSX tables open with the csv module and openpyxl, HTCDS and CTDC have their fields and
CTDC is k-anonymous; names are masked in the partner profile."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from exports import load_builtin
from exports.ctdc import COLUMNS, QUASI_IDENTIFIERS
from exports.graphdata import read_export_data
from exports.htcds import FIELDS
from exports.networks import plain_graph
from tipgraph.cli import app

pytestmark = pytest.mark.server
EXPORTERS = load_builtin()
CJK_NAME = re.compile(r"^[\u4e00-\u9fff]{3}$")


@pytest.fixture(scope="module")
def partner(demo_graph):
    return read_export_data(demo_graph, profile="partner", with_indicators=True)


@pytest.fixture(scope="module")
def internal(demo_graph):
    return read_export_data(demo_graph, profile="internal", with_indicators=True)


def test_ftm_export_every_line_loads_strictly_into_the_ftm_model(internal, tmp_path):
    from followthemoney import model

    out = tmp_path / "demo.ftm.json"
    result = EXPORTERS["ftm"].write(internal, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == result.records > 1000
    schemata = Counter()
    ids = set()
    for line in lines:
        data = json.loads(line)
        proxy = model.get_proxy(data, cleaned=False)  # cleans every value through its FtM type
        assert proxy.to_dict()["properties"] == data["properties"], f"a value was dropped or changed: {line[:200]}"
        assert proxy.id == data["id"] and proxy.id not in ids
        ids.add(proxy.id)
        schemata[proxy.schema.name] += 1
    for schema in ("Person", "Organization", "Address", "CourtCase", "Trip", "Event", "CourtCaseParty",
                   "Associate", "UnknownLink"):
        assert schemata[schema] > 0, schema
    refs = [json.loads(line) for line in lines]
    for entity in refs:  # every entity a relationship points at is in the file
        schema = model.get(entity["schema"])
        for prop, values in entity["properties"].items():
            if schema.get(prop).type.name == "entity":
                assert set(values) <= ids, (entity["schema"], prop)
    people = [e for e in refs if e["schema"] == "Person"]
    assert any("phone" in e["properties"] for e in people)
    assert any("passportNumber" in e["properties"] for e in people)


def test_ftm_partner_export_masks_names_and_identifiers_and_still_validates(partner, internal, tmp_path):
    from followthemoney import model

    out = tmp_path / "partner.ftm.json"
    EXPORTERS["ftm"].write(partner, out)
    people = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for data in people:
        model.get_proxy(data, cleaned=False)
    names = [n for e in people if e["schema"] == "Person" for n in e["properties"].get("name", [])]
    assert names and not any(CJK_NAME.match(n) and "○" not in n for n in names)
    assert not any("phone" in e["properties"] or "passportNumber" in e["properties"] for e in people)
    full = {a.get("name") for _, a in internal.graph.nodes(data=True) if a.get("label") == "Person"}
    text = out.read_text(encoding="utf-8")
    leaked = [n for n in full if n and len(n) >= 3 and "○" not in n and "*" not in n and n in text]
    assert not leaked, leaked[:5]
    assert re.search(r"phone \+\d+ [* ]+\d{3}", text)


def test_graphml_export_loads_back_into_networkx_identically(partner, tmp_path):
    out = tmp_path / "demo.graphml"
    EXPORTERS["graphml"].write(partner, out)
    written = plain_graph(partner.graph, profile="partner")
    back = nx.read_graphml(out, force_multigraph=True)
    assert isinstance(back, nx.MultiDiGraph)
    assert dict(back.nodes(data=True)) == dict(written.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True), key=repr) == sorted(written.edges(keys=True, data=True), key=repr)
    assert back.number_of_edges() == partner.graph.number_of_edges() > 1000


def test_gexf_export_parses_with_every_node_and_edge(partner, tmp_path):
    out = tmp_path / "demo.gexf"
    EXPORTERS["gexf"].write(partner, out)
    back = nx.read_gexf(out)
    assert back.number_of_nodes() == partner.graph.number_of_nodes()
    assert back.number_of_edges() == partner.graph.number_of_edges()
    kinds = Counter(a.get("kind") for _, a in back.nodes(data=True))
    assert kinds["Person"] > 100 and kinds["Flight"] > 0


def test_csv_export_writes_nodes_and_edges_that_the_csv_module_reads(partner, tmp_path):
    result = EXPORTERS["csv"].write(partner, tmp_path / "links.csv")
    nodes_file, edges_file = map(Path, result.files)
    assert nodes_file.name == "links-nodes.csv" and edges_file.name == "links-edges.csv"
    with open(nodes_file, encoding="utf-8-sig", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with open(edges_file, encoding="utf-8-sig", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert len(nodes) == partner.graph.number_of_nodes() and len(edges) == partner.graph.number_of_edges()
    assert {n["id"] for n in nodes} >= {e["source"] for e in edges} | {e["target"] for e in edges}
    assert not any(v.startswith(("=", "+", "-", "@")) for row in nodes + edges for v in row.values() if v)


def test_xlsx_export_opens_in_openpyxl_with_both_sheets(partner, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "links.xlsx"
    EXPORTERS["csv"].write(partner, out)
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == ["nodes", "edges"]
    header = next(book["nodes"].iter_rows(values_only=True))
    assert header[:3] == ("id", "kind", "label")
    assert sum(1 for _ in book["edges"].iter_rows()) == partner.graph.number_of_edges() + 1


def test_htcds_export_has_the_standard_fields_and_the_indicators(partner, tmp_path):
    out = tmp_path / "htcds.csv"
    EXPORTERS["htcds"].write(partner, out)
    with open(out, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert tuple(reader.fieldnames) == FIELDS
    assert {f[:4] for f in FIELDS} == {"cas_", "prs_", "vic_", "per_", "org_", "hte_"}
    victims = [r for r in rows if r["vic_MethodsOfControl"]]
    assert len(victims) > 20
    controls = {c for r in victims for c in r["vic_MethodsOfControl"].split(";")}
    assert {"WithholdsDocuments", "DebtBondage"} & controls
    roles = {role for r in rows for role in r["per_RoleInProcess"].split(";")}
    assert roles >= {"Exploiter", "RecruiterOrIntermediary", ""}
    assert any(r["hte_Country"] for r in rows)
    names = [r["prs_SecondName"] + r["prs_FirstName"] for r in rows]
    assert not any(CJK_NAME.match(n) and "○" not in n for n in names)


def test_ctdc_export_has_ctdc_columns_and_is_k_anonymous(partner, tmp_path):
    out = tmp_path / "ctdc.csv"
    result = EXPORTERS["ctdc"].write(partner, out, k=11)
    with open(out, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert tuple(reader.fieldnames) == COLUMNS
    assert {"yearOfRegistration", "gender", "ageBroad", "citizenship", "CountryOfExploitation", "isForcedLabour",
            "isSexualExploit", "isOtherExploit", "meansOfControlDebtBondage", "recruiterRelationFriend"} <= set(COLUMNS)
    groups = Counter(tuple(r[q] for q in QUASI_IDENTIFIERS) for r in rows)
    assert rows and min(groups.values()) >= 11
    report = result.report
    assert report["rows_in"] == report["rows_out"] + report["suppressed_rows"] and report["rows_out"] == len(rows)
    assert "k-anonymity k=11" in result.notes[0]
    assert any(r["isForcedLabour"] == "1" for r in rows)
    assert any(r["meansOfControlConcatenated"] not in ("-99", "") for r in rows)


def test_cli_export_writes_the_file_and_reports_k_anonymity(server_env, demo_graph, tmp_path):
    runner = CliRunner()
    out = tmp_path / "cases.csv"
    result = runner.invoke(app, ["export", "--format", "ctdc", "-o", str(out), "--k", "5"])
    assert result.exit_code == 0, result.output
    assert out.is_file() and "k-anonymity k=5" in result.stderr
    bad = runner.invoke(app, ["export", "--format", "pdf", "-o", str(out)])
    assert bad.exit_code == 2 and "ftm" in bad.output
