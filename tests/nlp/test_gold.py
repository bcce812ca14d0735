import pytest

from nlp.gold import GoldError, SPLITS, load_corpus, parse_document


def test_gold_markup_gives_text_offsets_roles_norms_and_relations():
    doc = parse_document("# id: x\n[112 年 2 月 8 日|DATE|=2023-02-08]移送[臺中地方檢察署|ORG|#o]，被告[甲○乙|PERSON|suspect|#s]\n@ REFERRED_TO #s #o")
    assert doc.text == "112 年 2 月 8 日移送臺中地方檢察署，被告甲○乙"
    assert [(doc.text[e.start:e.end], e.norm, e.role) for e in doc.entities] == [
        ("112 年 2 月 8 日", "2023-02-08", None), ("臺中地方檢察署", None, None), ("甲○乙", None, "suspect")]
    assert doc.relations == [("REFERRED_TO", 2, 1)]


def test_gold_indicators_and_escapes():
    doc = parse_document("# id: y\n{{護照被收走|MethodsOfControl/WithholdsDocuments}}，見附件\\[1\\]")
    assert doc.text == "護照被收走，見附件[1]"
    assert [(i.value, doc.text[i.start:i.end]) for i in doc.indicators] == [("WithholdsDocuments", "護照被收走")]


@pytest.mark.parametrize(
    ("block", "message"),
    [("[甲|PERSON|suspect]", "no '# id:'"), ("# id: z\n[甲|THING]", "unknown label"), ("# id: z\n[甲乙|PERSON]", "no role"),
     ("# id: z\n[甲乙|PERSON|boss]", "not a role"), ("# id: z\n[甲|LOC|#a]\n@ OF #a #b", "#b"),
     ("# id: z\n@ broken line", "not '@ TYPE")],
)
def test_gold_errors_name_the_document_and_problem(block, message):
    with pytest.raises(GoldError, match=message):
        parse_document(block, where="f.gold")


@pytest.mark.parametrize("split", SPLITS)
def test_gold_corpus_splits_load(split):
    docs = load_corpus(split)
    for doc in docs:
        for e in doc.entities:
            assert 0 <= e.start < e.end <= len(doc.text)
