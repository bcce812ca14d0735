import pytest

from nlp.text import detect_language, fold, paragraphs


@pytest.mark.parametrize(
    ("raw", "folded"),
    [("１１１年３月４日", "111年3月4日"), ("ＢＲ２６５", "BR265"), ("陈伟廷", "陳偉廷"), ("台中", "臺中"),
     ("诈骗集团", "詐騙集團"), ("Ｏ", "O"), ("，：；（）", ",:;()"), ("\u3000", " ")],
)
def test_text_fold_maps_forms_one_to_one(raw, folded):
    assert fold(raw) == folded


def test_text_fold_keeps_length_on_any_input():
    hostile = "".join(chr(c) for c in range(0, 0x3000, 7)) + "😀🇹🇼\u200b\ufeff㈱ﬁ" + "ｱｲｳ"
    assert len(fold(hostile)) == len(hostile)


def test_text_fold_keeps_traditional_characters_that_look_simplified():
    for word in ("范", "控制", "系統", "公里", "皇后"):
        assert fold(word) == word


@pytest.mark.parametrize(
    ("text", "lang"),
    [("查獲國人李○華等 3 人涉嫌人口販運案", "zh"), ("The victim flew on BR265 to Phnom Penh.", "en"),
     ("被害人 CHEN WEI-TING 於金邊獲救", "zh"), ("", "en"), ("12345 +855", "en")],
)
def test_text_detect_language_by_script(text, lang):
    assert detect_language(text) == lang


def test_text_paragraphs_carry_their_own_language_and_offsets():
    text = "Liaison note.\nThe victim was located.\n\n  \n被害人已於 111 年 9 月返國。\n\nEnd."
    parts = paragraphs(text)
    assert [p.lang for p in parts] == ["en", "zh", "en"]
    assert text[parts[1].start : parts[1].end].startswith("被害人")
    assert all(text[p.start : p.end].strip() for p in parts)
