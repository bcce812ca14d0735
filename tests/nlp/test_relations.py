"""Relations stated across clauses and sentences: short references, subjectless clauses, lists."""

import pytest

from nlp.extract import extract


def relations(text):
    result = extract(text)
    ents = {e["id"]: e["text"] for e in result["entities"]}
    return {(r["type"], ents[r["head"]], ents[r["tail"]]) for r in result["relations"]}


def test_relations_short_reference_names_the_victim_of_a_later_sentence():
    text = ("被害人洪○凱、戴 O 宇二人由男子簡○隆帶領出境。洪○凱放棄出境。"
            "9/4，戴員家屬來電表示其已被帶往西港某園區。")
    found = relations(text)
    assert ("EXPLOITED_AT", "戴 O 宇", "西港") in found
    assert ("EXPLOITED_AT", "洪○凱", "西港") not in found


def test_relations_a_subjectless_clause_continues_the_one_before():
    text = "被害人洪○凱、范〇廷放棄出境，被害人戴 O 宇則堅持出國，仍搭乘 BR265 離境。"
    found = relations(text)
    assert ("TRAVELED_ON", "戴 O 宇", "BR265") in found
    assert ("TRAVELED_ON", "洪○凱", "BR265") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10/27 會同柬國警方前往西港，自「金旺園區」帶出國人邵○翔及侯 O 宇二人。", ("RESCUED_FROM", "邵○翔", "金旺園區")),
        ("Police brought back Mr. Anucha Phromma from Myawaddy on 12 September.",
         ("RESCUED_FROM", "Anucha Phromma", "Myawaddy")),
    ],
)
def test_relations_more_ways_to_say_rescued(text, expected):
    assert expected in relations(text)


def test_relations_suspects_listed_with_bracketed_names_are_associates():
    text = "Prosecutors indicted Yen Chun-lung (顏俊龍) and Pan Shu-ting (潘淑婷) on charges of trafficking."
    assert ("ASSOCIATE_OF", "Yen Chun-lung", "Pan Shu-ting") in relations(text)


def test_relations_an_office_in_the_heading_indicts_the_defendants_the_body_names():
    text = ("臺灣嘉義地方檢察署起訴書（節錄）\n被告：蕭Ｏ宏，男，案發時 26 歲。\n"
            "犯罪事實：蕭Ｏ宏負責自臺招募人手，以高薪誘騙被害人曾○倫前往柬埔寨。")
    assert ("INDICTED_BY", "蕭Ｏ宏", "臺灣嘉義地方檢察署") in relations(text)


def test_relations_提起公訴_is_an_indictment():
    text = "臺灣臺南地方檢察署檢察官賴怡君以被告陳*明、吳 O 霖涉犯人口販運防制法等罪嫌，提起公訴。"
    found = relations(text)
    assert ("INDICTED_BY", "陳*明", "臺灣臺南地方檢察署") in found
    assert ("INDICTED_BY", "吳 O 霖", "臺灣臺南地方檢察署") in found


def test_relations_a_table_caption_refers_everyone_listed():
    text = ("犯罪嫌疑人一覽表（移送臺灣新北地方檢察署，112年1月12日）\n| 編號 | 姓名 | 角色 |\n"
            "| 1 | 丁○輝 | 主嫌 |\n| 2 | 方〇儒 | 招募者 |\n| 3 | 石*凱 | 帶團出境 |\n")
    found = relations(text)
    for name in ("丁○輝", "方〇儒", "石*凱"):
        assert ("REFERRED_TO", name, "臺灣新北地方檢察署") in found


def test_relations_a_bracketed_office_name_takes_no_relation_of_its_own():
    text = ("The Taiwan Kaohsiung District Prosecutors Office (臺灣高雄地方檢察署) on December 28 indicted "
            "Yen Chun-lung (顏俊龍) on charges of human trafficking.")
    found = relations(text)
    assert ("INDICTED_BY", "Yen Chun-lung", "Taiwan Kaohsiung District Prosecutors Office") in found
    assert ("INDICTED_BY", "Yen Chun-lung", "臺灣高雄地方檢察署") not in found
