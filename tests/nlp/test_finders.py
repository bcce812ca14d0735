"""The finders: what each one takes, its normal form, and what it must leave alone."""

import pytest

from nlp.flights import find_flights
from nlp.found import Found, resolve_overlaps
from nlp.offenses import find_offenses
from nlp.orgs import find_orgs
from nlp.persons import find_persons
from nlp.places import find_places
from nlp.text import fold


def spans(finder, text):
    return [(text[f.start : f.end], f.norm) for f in resolve_overlaps(finder(text, fold(text)))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("國人李○華等3人", [("李○華", "李○華")]),
        ("被害人陳 O 明獲救", [("陳 O 明", "陳○明")]),
        ("陳〇明與陳Ｏ明", [("陳〇明", "陳○明"), ("陳Ｏ明", "陳○明")]),
        ("本署林處長志豪出席", [("林處長志豪", "林志豪")]),
        ("周副代表美玲致詞", [("周副代表美玲", "周美玲")]),
        ("法務部次長王大同致詞", [("王大同", "王大同")]),
        ("被告陳大明涉嫌", [("陳大明", "陳大明")]),
        ("王小明遭陳大明誘騙", [("陳大明", "陳大明")]),
        ("歐陽志明等2人", [("歐陽志明", "歐陽志明")]),
        ("經他表哥周家豪介紹", [("周家豪", "周家豪")]),
        ("其母莊林秀蘭（0910-556-213）", [("莊林秀蘭", "莊林秀蘭")]),
        ("由社工鍾宜庭陪同", [("鍾宜庭", "鍾宜庭")]),
        ("一個自稱阿凱的人", [("阿凱", "阿凱")]),
        ("起訴船長孫國華及輪機長田志偉", [("孫國華", "孫國華"), ("田志偉", "田志偉")]),
    ],
)
def test_persons_chinese_names_and_their_norms(text, expected):
    assert [s for s in spans(find_persons, text) if s[0] in {e[0] for e in expected}] == expected


@pytest.mark.parametrize(
    "text",
    ["由高雄市政府協助安置", "被害人於111年返國", "被害人共379人", "林務局與黃金海岸", "移送臺中地方檢察署"],
)
def test_persons_no_name_where_none_is_marked(text):
    assert spans(find_persons, text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("recruited by Mr. Somchai Boonmee in Bangkok", ["Somchai Boonmee"]),
        ("passenger CHEN WEI-TING boarded", ["CHEN WEI-TING"]),
        ("Wei-Ting Chen was met at TPE", ["Wei-Ting Chen"]),
        ("the victim Nguyen Thi Lan said", ["Nguyen Thi Lan"]),
        ("Lin Chih-hao (林志豪) was rescued", ["Lin Chih-hao", "林志豪"]),
        ("IOM and the NGO met officers at TPE", []),
        # any two to four capitalised words that are not known non-name words
        ("Thandar Hlaing and Hnin Ei Phyu told our outreach team", ["Thandar Hlaing", "Hnin Ei Phyu"]),
        ("Her broker in Surabaya, Pak Hendra Gunawan, had left", ["Hendra Gunawan"]),
        ("Met Pol. Col. Anan Rattanakorn of the Royal Thai Police", ["Anan Rattanakorn"]),
        ("Deputy Director-General Chang Kuan-ting said", ["Chang Kuan-ting"]),
        # ... but not places after a preposition, nor organisations
        ("workers from Prey Veng were sent to Samut Sakhon", []),
        ("the Mekong Safe Return Network and the Specialized Operation Brigade", []),
        ("a man calling himself Kevin", ["Kevin"]),
    ],
)
def test_persons_latin_names(text, names):
    assert [s[0] for s in spans(find_persons, text)] == names


def test_persons_given_name_alone_stands_for_the_full_name():
    text = "我兒子廖書賢被帶去柬埔寨，後來書賢說被賣到西港。"
    found = resolve_overlaps(find_persons(text, fold(text)))
    assert [(text[f.start : f.end], f.attrs.get("of")) for f in found] == [("廖書賢", None), ("書賢", "廖書賢")]


def test_persons_table_cells_under_a_name_header():
    text = "姓名\t角色\t電話\n游家銘\t招募者\t0918-204-375\n"
    assert [s[0] for s in spans(find_persons, text)] == ["游家銘"]


def test_persons_a_name_found_once_is_found_again():
    text = "被告陳大明涉嫌招募。陳大明並於翌日出境。"
    assert [s[0] for s in spans(find_persons, text)] == ["陳大明", "陳大明"]


@pytest.mark.parametrize(
    ("text", "norm", "country"),
    [("逃至西港", "Sihanoukville", "KH"), ("在 Phnom Penh 獲救", "Phnom Penh", "KH"), ("抵達金邊國際機場", "Phnom Penh International Airport", "KH"),
     ("送往台中", "Taichung", "TW"), ("held in Myawaddy", "Myawaddy", "MM")],
)
def test_places_with_country(text, norm, country):
    found = resolve_overlaps(find_places(text, fold(text)))
    assert [(f.norm, f.attrs["country"]) for f in found] == [(norm, country)]


def test_places_english_needs_whole_words():
    assert spans(find_places, "Laotian workers in Bangkokian style") == []


@pytest.mark.parametrize(
    ("text", "norm", "kind"),
    [("移送臺中地方檢查署", "臺中地方檢察署", "prosecutors_office"), ("經臺灣臺北地方檢察署起訴", "臺北地方檢察署", "prosecutors_office"),
     ("the Kaohsiung District Prosecutors Office", "高雄地方檢察署", "prosecutors_office"),
     ("由國境事務大隊協助", "國境事務大隊", "police_unit"), ("駐泰國代表處轉報", "駐泰國代表處", "mission")],
)
def test_orgs_named_and_normalised(text, norm, kind):
    found = resolve_overlaps(find_orgs(text, fold(text)))
    assert [(f.norm, f.attrs["kind"]) for f in found] == [(norm, kind)]


@pytest.mark.parametrize(
    ("text", "norms"),
    [("搭乘長榮航空 BR 265 班機", ["BR265"]), ("CI-835 and TG649", ["CI835", "TG649"]), ("護照號碼K12345678", []),
     ("111年度偵字第1234號", []), ("QQ12 班機", ["QQ12"])],
)
def test_flights_need_an_airline_or_a_flight_word(text, norms):
    assert [f.norm for f in find_flights(text, fold(text))] == norms


@pytest.mark.parametrize(
    ("text", "norms"),
    [("涉嫌人口販運及勞力剝削", ["trafficking", "labour_exploitation"]), ("兒少性剝削案", ["sexual_exploitation"]),
     ("charged with human trafficking and fraud", ["trafficking", "fraud"]), ("違反護照條例", ["passport_offence"]),
     ("被迫從事犯罪", ["forced_criminality"]), ("被迫從事詐騙的園區", []), ("人蛇集團偷渡", ["smuggling", "smuggling"])],
)
def test_offenses_normalised_to_the_contract_values(text, norms):
    assert [f.norm for f in resolve_overlaps(find_offenses(text, fold(text)))] == norms


def test_found_rejects_unknown_labels_and_empty_spans():
    with pytest.raises(ValueError, match="label"):
        Found(0, 1, "THING", "x", "t")
    with pytest.raises(ValueError, match="span"):
        Found(3, 3, "LOC", "x", "t")


def test_overlaps_longest_wins_then_confidence():
    a, b, c = Found(0, 5, "ORG", "a", "t", 0.9), Found(0, 2, "LOC", "b", "t", 0.99), Found(6, 8, "LOC", "c", "t")
    assert resolve_overlaps([b, c, a]) == [a, c]


@pytest.mark.parametrize(
    "name",
    ["內政部警政署刑事警察局", "新北市政府警察局三重分局", "臺中市政府警察局刑事警察大隊", "法務部調查局", "臺北市政府社會局",
     "Taiwan Kaohsiung District Prosecutors Office", "Royal Thai Police"],
)
def test_orgs_chained_names_are_one_organisation(name):
    text = f"由{name}偵辦" if not name[0].isascii() else f"handled by the {name} today"
    assert [text[f.start : f.end] for f in resolve_overlaps(find_orgs(text, fold(text)))] == [name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("經查許○翔係鼎鑫國際貿易有限公司負責人", ["鼎鑫國際貿易有限公司"]),
        ("透過宏昇人力仲介有限公司引進移工", ["宏昇人力仲介有限公司"]),
        ("轉介財團法人台灣移駐勞工服務協會安置", ["財團法人台灣移駐勞工服務協會"]),
        ("再轉售境外人蛇集團", []),  # what a group does is not its name
        ("臺中市政府警察局婦幼警察隊偵辦", ["臺中市政府警察局婦幼警察隊"]),
        ("匯到泰國開泰銀行的帳戶", ["開泰銀行"]),
        ("the Thai Ministry of Social Development and Human Security took them in",
         ["Thai Ministry of Social Development and Human Security"]),
        ("referred to the Criminal Investigation Bureau and the National Immigration Agency",
         ["Criminal Investigation Bureau", "National Immigration Agency"]),
        ("hired by Golden Harbour Consulting Co. in Taipei", ["Golden Harbour Consulting Co."]),
    ],
)
def test_orgs_companies_ngos_units_and_english_names(text, expected):
    assert [s[0] for s in spans(find_orgs, text)] == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("由吳 O 霖在交友軟體以暱稱「阿霖哥」結識被害人", ["吳 O 霖", "阿霖哥"]),
        ("認識一個自稱「Amy姐」的女人", ["Amy"]),
        ("the boss, known only as \"Lao Lin\", keeps a gun", ["Lao Lin"]),
        ("10/2\t鄭美雲（母）\t鄭○翰", ["鄭美雲", "鄭○翰"]),
        ("報案人：馮國棟（失蹤者父親），電話", ["馮國棟"]),
        ("他國中同學阿翔幫他找到泰國的工作", ["阿翔"]),
        ("由本大隊簡分隊長冠宇率員於空橋接機", ["簡分隊長冠宇"]),
        ("10/3\tCHEN WEI TING\tBR 266\tPNH", ["CHEN WEI TING"]),
    ],
)
def test_persons_quoted_names_kin_brackets_titles_and_table_rows(text, names):
    assert [s[0] for s in spans(find_persons, text)] == names


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("國人邵○翔受困西港「金旺園區」", "金旺園區", "KH"),
        ('a list of people removed from "Golden Fortune Compound" (in Sihanoukville)', "Golden Fortune Compound", "KH"),
    ],
)
def test_places_named_compounds_take_the_country_of_the_place_nearby(text, name, country):
    found = [f for f in find_places(text, fold(text)) if text[f.start : f.end] == name]
    assert found and found[0].attrs["country"] == country


@pytest.mark.parametrize("text", ["其中國人 5 名", "以泰國門號 +66 92 000 3141 求救", "her Myanmar number, +95 9 4211 80376"])
def test_places_not_a_country_used_as_an_attribute(text):
    assert [f for f in find_places(text, fold(text)) if f.attrs.get("kind") == "country"] == []


@pytest.mark.parametrize(("text", "name"), [("被害人柴○婕", "柴○婕"), ("| 1 | 幸○傑 | 357712093 |", "幸○傑"), ("| 2 | 晏 O 慈 |", "晏 O 慈"),
                                            ("一個網友叫「小龍哥」的騙他出國", "小龍哥")])
def test_persons_masked_names_of_rarer_surnames_and_quoted_nicknames(text, name):
    assert name in [text[f.start : f.end] for f in find_persons(text, fold(text))]
