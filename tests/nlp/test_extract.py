"""The extraction contract (``tipgraph extract``): shape, offsets, references, each relation type."""

import re

import pytest

from nlp.extract import extract, extract_many
from nlp.found import LABELS
from nlp.roles import ROLES

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
E164 = re.compile(r"^\+\d{7,15}$")


def check_contract(text, result):
    ids = [e["id"] for e in result["entities"]]
    assert len(ids) == len(set(ids))
    assert result["doc"]["chars"] == len(text) and result["doc"]["lang"] in ("zh", "en")
    assert result["doc"]["id"].startswith("doc:")
    for e in result["entities"]:
        assert e["text"] == text[e["start"] : e["end"]]
        assert e["label"] in LABELS and 0 <= e["confidence"] <= 1 and e["source"]
        if e["label"] == "PERSON":
            assert e["role"] in ROLES
        if e["label"] == "DATE":
            assert ISO.match(e["norm"])
        if e["label"] == "PHONE":
            assert E164.match(e["norm"])
        if e["label"] in ("COUNT", "MONEY"):
            assert isinstance(e["value"], (int, float)) and e["unit"]
        if e["label"] == "LOC":
            assert re.fullmatch(r"[A-Z]{2}", e["country"])
    for r in result["relations"]:
        assert r["head"] in ids and r["tail"] in ids and 0 <= r["start"] < r["end"] <= len(text)
    for i in result["indicators"]:
        assert 0 <= i["start"] < i["end"] <= len(text)
        assert i.get("person", ids[0] if ids else None) in ids + [None]


def by_text(result):
    return {e["text"]: e for e in result["entities"]}


def relations(result):
    ents = {e["id"]: e["text"] for e in result["entities"]}
    return {(r["type"], ents[r["head"]], ents[r["tail"]]) for r in result["relations"]}


def test_extract_referral_line_meets_the_contract():
    text = "查獲國人李○華等 3 人涉嫌人口販運案，於 112 年 2 月 8 日移送臺中地方檢察署偵辦。"
    result = extract(text)
    check_contract(text, result)
    ents = by_text(result)
    assert ents["李○華"]["role"] == "suspect"
    assert ents["112 年 2 月 8 日"]["norm"] == "2023-02-08"
    assert ents["3 人"]["value"] == 3 and ents["3 人"]["unit"] == "人"
    assert ents["人口販運"]["norm"] == "trafficking"
    assert ents["臺中地方檢察署"]["label"] == "ORG"
    assert ("REFERRED_TO", "李○華", "臺中地方檢察署") in relations(result)


def test_extract_title_inside_name_norm_without_title():
    result = extract("本署林處長志豪出席。")
    assert by_text(result)["林處長志豪"]["norm"] == "林志豪"
    assert by_text(result)["林處長志豪"]["role"] == "official"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("被告陳大明以高薪招募被害人吳志偉前往柬埔寨西港，將其拘禁於詐騙園區。", ("RECRUITED", "陳大明", "吳志偉")),
        ("被告陳大明將被害人吳志偉販賣至妙瓦底園區。", ("TRAFFICKED", "陳大明", "吳志偉")),
        ("被害人吳志偉遭拘禁於妙瓦底園區被迫詐騙。", ("EXPLOITED_AT", "吳志偉", "妙瓦底")),
        ("被害人吳志偉於巴域獲救。", ("RESCUED_FROM", "吳志偉", "巴域")),
        ("被告陳大明搭乘 BR265 班機出境。", ("TRAVELED_ON", "陳大明", "BR265")),
        ("被害人吳志偉搭乘 CI-835 班機返國。", ("REPATRIATED_ON", "吳志偉", "CI-835")),
        ("被告陳大明涉嫌人口販運，移送臺中地方檢察署偵辦。", ("REFERRED_TO", "陳大明", "臺中地方檢察署")),
        ("臺灣臺北地方檢察署起訴被告陳大明。", ("INDICTED_BY", "陳大明", "臺灣臺北地方檢察署")),
        ("被告陳大明持用手機 +855 12 345 678 聯繫被害人。", ("HAS_IDENTIFIER", "陳大明", "+855 12 345 678")),
        ("法務部次長王大同致詞。", ("MEMBER_OF", "王大同", "法務部")),
        ("被告陳大明及林美玲涉嫌人口販運。", ("ASSOCIATE_OF", "陳大明", "林美玲")),
    ],
)
def test_extract_each_relation_type(text, expected):
    result = extract(text)
    check_contract(text, result)
    assert expected in relations(result)


@pytest.mark.parametrize(
    ("text", "expected", "unexpected"),
    [
        # the subject left out of a sentence is the victim of the sentence before
        ("被害人蔡○宏於111年8月2日搭乘 BR 265 班機赴柬埔寨。9月30日搭乘 CI-836 班機自 PNH 返抵 TPE。",
         ("REPATRIATED_ON", "蔡○宏", "CI-836"), None),
        # "the two" in the next sentence are the suspects just named
        ("臺灣桃園地方檢察署起訴被告林〇傑與王○婷。二人自111年5月起在臉書刊登廣告，招募被害人楊○安前往緬甸妙瓦底。",
         ("RECRUITED", "林〇傑", "楊○安"), None),
        # rescued from the place after 自, not the place the victim was taken to afterwards
        ("當地警方突襲園區，將被害人蔡○宏自巴域救出並暫時安置於金邊。", ("RESCUED_FROM", "蔡○宏", "巴域"),
         ("RESCUED_FROM", "蔡○宏", "金邊")),
        ("Two women, Kao Wan-ju and Tu Hsiao-ping, had escaped from a compound in Sihanoukville.",
         ("RESCUED_FROM", "Kao Wan-ju", "Sihanoukville"), None),
        # the city after its country
        ("被害人方○志自緬甸妙瓦底某詐騙園區逃出。", ("RESCUED_FROM", "方○志", "妙瓦底"), ("RESCUED_FROM", "方○志", "緬甸")),
        # a bracketed other-script name takes no relation of its own
        ("The broker Ms. Tran Thi Mai (陳氏梅) recruited the victim Nguyen Van Hung (阮文雄) in Nghe An.",
         ("RECRUITED", "Tran Thi Mai", "Nguyen Van Hung"), ("RECRUITED", "陳氏梅", "Nguyen Van Hung")),
        # the handle used to recruit is the recruiter's, though the recruit is named nearer
        ("Prosecutors indicted HUANG CHIH-MING. Huang recruited 9 people, among them Lo Chun-yi, through a LINE group "
         "(LINE ID kh_casino_tw).",
         ("HAS_IDENTIFIER", "Huang", "kh_casino_tw"), ("HAS_IDENTIFIER", "Lo Chun-yi", "kh_casino_tw")),
        # an officer of a named agency
        ("Chiu was escorted by Inspector Lai Chih-wei of the Criminal Investigation Bureau.",
         ("MEMBER_OF", "Lai Chih-wei", "Criminal Investigation Bureau"), None),
    ],
)
def test_extract_relations_across_sentences_places_and_aliases(text, expected, unexpected):
    result = extract(text)
    check_contract(text, result)
    assert expected in relations(result)
    assert unexpected is None or unexpected not in relations(result)


def test_extract_relations_in_a_pasted_repatriation_table():
    text = ("Repatriation manifest, TECO in Thailand, November 2022\n"
            "No.\tName\tPassport\tFlight\tDate\tRoute\n"
            "1\tCHEN WEI TING\t316640921\tCI 834\t2022-11-15\tBKK-TPE\n"
            "2\tLIN YU HSUAN\t302871154\tBR 206\t2022-11-18\tBKK-KHH\n")
    result = extract(text)
    check_contract(text, result)
    found = relations(result)
    assert {("REPATRIATED_ON", "CHEN WEI TING", "CI 834"), ("REPATRIATED_ON", "LIN YU HSUAN", "BR 206"),
            ("HAS_IDENTIFIER", "CHEN WEI TING", "316640921"), ("HAS_IDENTIFIER", "LIN YU HSUAN", "302871154")} <= found
    assert ("REPATRIATED_ON", "CHEN WEI TING", "BR 206") not in found


def test_extract_english_report():
    text = ("On 5 Sept 2022 the victim Nguyen Thi Lan, recruited by Mr. Somchai Boonmee through a job ad, "
            "was rescued in Bavet and flew home on BR 265; her passport had been confiscated.")
    result = extract(text)
    check_contract(text, result)
    ents = by_text(result)
    assert result["doc"]["lang"] == "en"
    assert ents["Nguyen Thi Lan"]["role"] == "victim" and ents["Somchai Boonmee"]["role"] == "recruiter"
    assert ents["5 Sept 2022"]["norm"] == "2022-09-05" and ents["Bavet"]["country"] == "KH"
    assert {(i["type"], i["value"]) for i in result["indicators"]} >= {
        ("RecruitmentMethod", "job_ad"), ("MethodsOfControl", "WithholdsDocuments")}


@pytest.mark.parametrize(
    "text",
    ["", " ", "\x00\x01\x02\u200b\ufeff", "😀🇹🇼 陳○明 😀", "被害人" * 3, "ＢＲ２６５ １１１年３月４日 陈伟明",
     "a" * 10000, "\n\n\n", "[陳大明|PERSON] {{x}} $param MATCH (n) DETACH DELETE n", "<script>alert(1)</script>王大明等2人"],
)
def test_extract_hostile_text_never_breaks_offsets(text):
    check_contract(text, extract(text))


def test_extract_five_megabytes_in_one_piece():
    filler = "被害人表示當時在園區內每日需依指示工作，生活起居均受到監視，直到獲救後才得以與家人聯繫。" * 20
    text = ((filler + "被告陳大明以高薪招募被害人吳志偉，於 111 年 3 月 4 日搭乘 BR265 前往金邊。") * 6000)[:5_000_000]
    result = extract(text)
    assert result["doc"]["chars"] == 5_000_000
    assert all(e["text"] == text[e["start"] : e["end"]] for e in result["entities"][:2000])


def test_extract_many_keeps_order_and_languages():
    items = [("doc:a", "被害人吳志偉獲救。"), ("doc:b", "The victim Nguyen Thi Lan was rescued."), ("doc:c", "被告陳大明涉嫌詐欺。")]
    results = list(extract_many(items))
    assert [r["doc"]["id"] for r in results] == ["doc:a", "doc:b", "doc:c"]
    assert [r["doc"]["lang"] for r in results] == ["zh", "en", "zh"]


def test_extract_rejects_unknown_language():
    with pytest.raises(ValueError, match="lang"):
        extract("x", lang="fr")


def test_extract_month_day_takes_the_year_stated_earlier_in_the_document():
    text = "本案於 111 年 3 月 4 日查獲。被告於 3 月 6 日移送。113 年 1 月 2 日起訴，1 月 9 日判決。"
    dates = [(e["text"], e["norm"]) for e in extract(text)["entities"] if e["label"] == "DATE"]
    assert dates == [("111 年 3 月 4 日", "2022-03-04"), ("3 月 6 日", "2022-03-06"),
                     ("113 年 1 月 2 日", "2024-01-02"), ("1 月 9 日", "2024-01-09")]
