import pytest

from graph.namekeys import is_masked, name_keys, normalise, query_keys


@pytest.mark.parametrize("masked", ["陳○明", "陳〇明", "陳Ｏ明", "陳*明", "陳 O 明", "陳o明"])
def test_namekeys_masks_are_one_character(masked):
    assert normalise(masked) == "陳○明"
    assert is_masked(masked)


def test_namekeys_chinese_given_name_alone_finds_the_name():
    keys = name_keys("陳偉廷")
    assert any(k.startswith("偉廷") for k in keys)
    assert "陳偉廷" in keys


def test_namekeys_latin_orders_and_cases_meet():
    # a query in either order is a prefix of some key of the other spelling
    for name in ("CHEN WEI-TING", "Wei-Ting Chen", "chen wei ting"):
        keys = name_keys(name)
        for query in ("wei-ting chen", "Chen Wei-ting", "weiting"):
            q = query_keys(query)[0]
            assert any(k.startswith(q) for k in keys), (name, query)


def test_namekeys_honorifics_are_dropped():
    assert normalise("Mr. Somchai Boonmee") == normalise("Somchai Boonmee")


def test_namekeys_tai_variants_are_one():
    assert normalise("台中地方檢察署") == normalise("臺中地方檢察署")


def test_namekeys_full_name_query_also_asks_for_masked_form():
    assert query_keys("陳偉明") == ["陳偉明", "陳○明"]
    assert query_keys("Chen") == ["chen"]


def test_namekeys_case_numbers_are_found_by_their_start():
    keys = name_keys("111年度偵字第1234號")
    assert any(k.startswith(q) for q in query_keys("111年度偵") for k in keys)


def test_namekeys_empty_and_symbol_only_input_give_no_keys():
    assert name_keys("") == []
    assert query_keys("  ...  ") == []
