"""Hostile values in exports: formula-looking names are neutralised in CSV and XLSX, Cypher- and
script-looking names go out unchanged (as data) in GraphML and FtM, the partner profile masks
them, and k-anonymity suppresses what it cannot generalise."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from exports import load_builtin
from exports.graphdata import read_export_data
from exports.kanon import k_anonymise
from graph.masking import mask_identifier, mask_name
from graph.writes import GraphBatch, NodeRow, RelRow, write_batch

EXPORTERS = load_builtin()
FORMULA = '=HYPERLINK("http://x","y")'
CYPHER = "'}) MATCH (n) DETACH DELETE n //"
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def hostile_graph(store):
    write_batch(store, GraphBatch(
        nodes=[NodeRow("person:f1", {"name": FORMULA}), NodeRow("person:c1", {"name": CYPHER}),
               NodeRow("person:s1", {"name": SCRIPT, "aliases": ["+1-555-0100", "@admin"]}),
               NodeRow("ident:h1", {"type": "handle", "value": "-2+3", "platform": "LINE"})],
        rels=[RelRow("RECRUITED", "person:f1", "person:c1"), RelRow("ASSOCIATE_OF", "person:c1", "person:s1"),
              RelRow("HAS_IDENTIFIER", "person:s1", "ident:h1")]))
    return store


@pytest.mark.server
def test_csv_export_neutralises_formula_injection_in_every_cell(hostile_graph, tmp_path):
    data = read_export_data(hostile_graph, profile="internal")
    result = EXPORTERS["csv"].write(data, tmp_path / "x.csv")
    with open(result.files[0], encoding="utf-8-sig", newline="") as fh:
        names = {row["id"]: row for row in csv.DictReader(fh)}
    assert names["person:f1"]["name"] == "'" + FORMULA
    assert names["person:c1"]["name"] == CYPHER
    assert names["person:s1"]["aliases"] == "'+1-555-0100; @admin"
    assert names["ident:h1"]["value"] == "'-2+3"


@pytest.mark.server
def test_xlsx_export_keeps_formula_looking_names_as_text(hostile_graph, tmp_path):
    from openpyxl import load_workbook

    data = read_export_data(hostile_graph, profile="internal")
    EXPORTERS["csv"].write(data, tmp_path / "x.xlsx")
    sheet = load_workbook(tmp_path / "x.xlsx")["nodes"]
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)
    assert "'" + FORMULA in {c.value for c in cells}


@pytest.mark.server
def test_graphml_and_ftm_carry_cypher_and_script_names_unchanged_as_data(hostile_graph, tmp_path):
    from followthemoney import model

    data = read_export_data(hostile_graph, profile="internal")
    EXPORTERS["graphml"].write(data, tmp_path / "x.graphml")
    back = nx.read_graphml(tmp_path / "x.graphml", force_multigraph=True)
    assert {back.nodes[n]["name"] for n in ("person:f1", "person:c1", "person:s1")} == {FORMULA, CYPHER, SCRIPT}
    EXPORTERS["ftm"].write(data, tmp_path / "x.ftm.json")
    entities = [json.loads(line) for line in (tmp_path / "x.ftm.json").read_text(encoding="utf-8").splitlines()]
    for entity in entities:
        model.get_proxy(entity, cleaned=False)
    assert CYPHER in {n for e in entities for n in e["properties"].get("name", [])}


@pytest.mark.server
def test_partner_profile_masks_hostile_names_too(hostile_graph, tmp_path):
    data = read_export_data(hostile_graph, profile="partner")
    names = {a["name"] for _, a in data.graph.nodes(data=True) if a.get("label") == "Person"}
    assert FORMULA not in names and CYPHER not in names
    assert mask_name(FORMULA) in names
    assert data.graph.nodes["ident:h1"]["value"] == mask_identifier("handle", "-2+3")


def test_masking_keeps_surname_and_last_character_and_country_code():
    assert mask_name("陳偉明") == "陳○明"
    assert mask_name("Chen Wei-ting") == "C*** W**-t***"
    assert mask_identifier("phone", "+85512345567") == "+855 ** *** 567"
    assert mask_identifier("passport", "A12345678") == "******678"


def test_k_anonymise_suppresses_rows_it_cannot_generalise_and_reports_it():
    rows = [{"y": 2022, "g": "F"}] * 12 + [{"y": 2023, "g": "M"}]
    kept, report = k_anonymise(rows, ["g", "y"], k=11)
    assert len(kept) == 12 and report["suppressed_rows"] == 1 and report["generalised"] == {"g": 1, "y": 1}
    with pytest.raises(ValueError, match="k must be"):
        k_anonymise(rows, ["g"], k=0)


def test_partner_profile_leaves_out_resolution_reasons_that_quote_identifiers():
    from exports.graphdata import apply_profile

    g = nx.MultiDiGraph()
    g.add_node("person:a", label="Person", name="陳偉明")
    g.add_node("person:b", label="Person", name="Chen Wei-ming")
    g.add_edge("person:a", "person:b", key="rel:1", type="SAME_AS", score=0.9,
               reasons=["share phone:+85512345567", "Chen Wei-ming is a romanisation of 陳偉明"])
    masked = apply_profile(g, "partner")
    assert "reasons" not in masked.edges["person:a", "person:b", "rel:1"]
    assert masked.nodes["person:a"]["name"] == "陳○明" and g.nodes["person:a"]["name"] == "陳偉明"
    assert apply_profile(g, "internal").edges["person:a", "person:b", "rel:1"]["reasons"]
