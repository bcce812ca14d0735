"""What a document or a register contributes to the graph, built without a server."""

from pathlib import Path

import pytest

from graph.writes import _prepare
from ingest.batches import document_batch
from ingest.casefacts import case_facts
from ingest.documents import SourceDocument, Unreadable, document_id
from ingest.register_batches import register_batch
from ingest.registers import read_register
from nlp.extract import extract

NOW = "2026-11-29T00:00:00+00:00"


def source(text: str, path: str = "case.txt") -> SourceDocument:
    data = text.encode("utf-8")
    return SourceDocument(document_id(data), path, None, text, ((0, len(text)),), ((0, len(text)),), "utf-8",
                          "text/plain", len(data))


def batch_of(text: str, kind: str = "case"):
    doc = source(text)
    return document_batch(doc, extract(text, doc_id=doc.id), kind=kind, ingested_at=NOW)


REFERRAL = ("查獲國人李○華等 3 人涉嫌人口販運（勞力剝削）案，於 111 年 2 月 8 日移送臺中地方檢察署偵辦。"
            "被害人陳偉廷（護照號碼 312345678）於 111 年 1 月 5 日搭乘 BR265 班機赴金邊，被迫從事詐騙。被害人共 5 人。"
            "111 年 6 月 1 日，臺中地方檢察署起訴被告李○華等 2 人。")


def test_casefacts_referral_indictment_offence_and_counts():
    facts = case_facts(REFERRAL, extract(REFERRAL))
    assert (facts.referred_on, facts.office, facts.exploitation, facts.suspects, facts.victims) == (
        "2022-02-08", "臺中地方檢察署", "labour", 3, 5)
    assert (facts.indicted_on, facts.defendants, facts.is_trafficking) == ("2022-06-01", 2, True)


def test_casefacts_a_fraud_referral_that_mentions_trafficking_later_is_not_trafficking():
    text = "查獲蘇○庭 1 人涉嫌詐欺案，於 109年9月27日 移送臺南地方檢察署偵辦。經查尚無從認定構成人口販運。"
    assert not case_facts(text, extract(text)).is_trafficking


def test_batch_of_a_case_file_is_valid_for_the_model_and_keys_people_by_passport():
    batch = batch_of(REFERRAL)
    _prepare(batch)  # raises on anything the model refuses
    ids = {n.id.split(":")[0] for n in batch.nodes}
    assert {"doc", "person", "org", "ident", "flight", "loc", "case"} <= ids
    case = next(n for n in batch.nodes if n.id.startswith("case:"))
    assert case.props["referred_on"] == "2022-02-08" and case.props["victims"] == 5
    victim = next(r.start for r in batch.rels if r.type == "VICTIM_IN")
    passport_holder = next(r.start for r in batch.rels if r.type == "HAS_IDENTIFIER" and r.end.startswith("ident:"))
    assert victim == passport_holder
    flight = next(n for n in batch.nodes if n.id.startswith("flight:"))
    assert flight.props == {"key": "BR265@2022-01-05", "number": "BR265", "date": "2022-01-05"}


def test_batch_evidence_points_at_the_span_of_each_mention():
    batch = batch_of(REFERRAL)
    for node in batch.nodes:
        for ev in node.evidence:
            assert ev.doc == batch.nodes[0].id and 0 <= ev.start <= ev.end <= len(REFERRAL)


def test_batch_same_document_twice_gives_the_same_ids():
    assert [n.id for n in batch_of(REFERRAL).nodes] == [n.id for n in batch_of(REFERRAL).nodes]


def test_batch_two_documents_naming_one_masked_name_make_two_people():
    a = batch_of("查獲陳○明等 2 人涉嫌人口販運案。")
    b = batch_of("另查獲陳○明等 4 人涉嫌人口販運案。")
    people = lambda batch: {n.id for n in batch.nodes if n.id.startswith("person:")}  # noqa: E731
    assert people(a) and not people(a) & people(b)


def write_csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_register_rescue_rows_become_rescues_people_flights(tmp_path):
    path = write_csv(tmp_path / "rescue.csv", "姓名,護照號碼,出生年,國家,地點,救援日期,返國日期,駐外館處,返國班機\n"
                                             "SHIH HAO-SZU,349043038,1989,緬甸,妙瓦底,111/05/23,111/06/07,駐緬甸代表處,CI834\n")
    batch = register_batch(read_register(path), ingested_at=NOW)
    _prepare(batch)
    rescue = next(n for n in batch.nodes if n.id.startswith("rescue:"))
    assert rescue.props["country"] == "MM" and rescue.props["returned_on"] == "2022-06-07"
    assert {r.type for r in batch.rels} >= {"OF", "RETURNED_ON", "REPATRIATED_ON", "HAS_IDENTIFIER", "HANDLED_BY"}


def test_register_a_bad_row_refuses_the_whole_register_naming_line_and_column(tmp_path):
    path = write_csv(tmp_path / "services.csv", "被害人,服務類別,日期,提供單位\n"
                                               "V-0001,shelter_foreign,111/03/18,移民署\n"
                                               "V-0002,shelter_foreign,111/13/45,移民署\n"
                                               "V-0003,massage,111/03/20,移民署\n")
    with pytest.raises(Unreadable) as caught:
        register_batch(read_register(path), ingested_at=NOW)
    message = str(caught.value)
    assert caught.value.reason == "bad_register"
    assert "line 3, column date" in message and "line 4, column kind" in message and "services.csv" in message
