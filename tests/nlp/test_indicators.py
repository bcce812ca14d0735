"""Trafficking indicators: which words show which value, once per document, in context."""

import pytest

from nlp.indicators import LEXICON, find_indicators


def values(text):
    return [(i.value, text[i.start : i.end]) for i in find_indicators(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("護照遭沒收，每天被迫工作16小時", [("WithholdsDocuments", "護照遭沒收"), ("ExcessiveWorkingHours", "每天被迫工作16小時")]),
        ("許員護照 318204577 遭園區扣留", [("WithholdsDocuments", "護照 318204577 遭園區扣留")]),
        ("they were made to run online scams for 15 hours a day",
         [("forced_criminality", "made to run online scams"), ("ExcessiveWorkingHours", "15 hours a day")]),
        ("揚言對其家人不利", [("ThreatensChildrenFamily", "揚言對其家人")]),
        ("the captain threatened to have them deported", [("ThreatsLawEnforcement", "threatened to have them deported")]),
        ("經表哥介紹前往", [("family", "表哥")]),
        ("She recruited them through LINE groups.", [("social_media", "LINE groups")]),
    ],
)
def test_indicators_words_and_their_values(text, expected):
    assert values(text) == expected


def test_indicators_each_value_once_per_document_at_its_first_sure_words():
    text = "他被打。後來又被打，還遭毆打。"
    assert values(text) == [("PhysicalAbuse", "被打")]


def test_indicators_a_weak_word_gives_way_to_a_sure_one_later():
    text = "對方說高薪。其實是假工作。"
    assert values(text) == [("FalsePromises", "假工作")]


@pytest.mark.parametrize(
    "text",
    [
        "依人口販運防制法勞力剝削罪嫌移送",  # an offence named is an OFFENSE entity, not an indicator
        "trafficking for sexual exploitation and organ removal",
        "聯絡方式：LINE ID：boss_888",  # a platform named as an identifier, not as the channel of recruitment
        "在網路上查到園區的位置",
    ],
)
def test_indicators_offence_names_and_bare_platform_words_are_not_indicators(text):
    assert values(text) == []


def test_indicators_lexicon_covers_every_methods_of_control_value():
    methods = {value for (type_, value) in LEXICON if type_ == "MethodsOfControl"}
    assert methods == {
        "PhysicalThreats", "ThreatsLawEnforcement", "ThreatensChildrenFamily", "DebtBondage", "FalsePromises",
        "PhysicalAbuse", "SexualAbuse", "TakesEarnings", "RestrictsFinancialAccess", "RestrictsMedicalCare",
        "WithholdsNecessities", "PsychologicalAbuse", "PsychoactiveSubstance", "ExcessiveWorkingHours",
        "WithholdsDocuments", "Other",
    }


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("每月薪水被公司以各種名目扣光", "TakesEarnings"),
        ("his salary was never paid", "TakesEarnings"),
        ("主管不讓其服用隨身攜帶之心臟病藥物", "RestrictsMedicalCare"),
        ("the captain refused to let him be taken to port for treatment", "RestrictsMedicalCare"),
        ("一天只給一餐", "WithholdsNecessities"),
        ("they cut off water and food to punish slow workers", "WithholdsNecessities"),
        ("要是跑出去就會被移民局抓去關", "ThreatsLawEnforcement"),
        ("police will catch us and put us in jail", "ThreatsLawEnforcement"),
        ("並以其在臺女兒的照片要脅", "ThreatensChildrenFamily"),
        ("their parents would be visited if they ran", "ThreatensChildrenFamily"),
        ("他的護照在老闆那邊，要做滿一年才會還", "WithholdsDocuments"),
        ("the boss keeps all passports in a safe", "WithholdsDocuments"),
        ("被迫從事投資詐騙", "forced_criminality"),
        ("made to run fake crypto-investment chats", "forced_criminality"),
        ("被迫陪賭客喝酒、與客人發生關係", "sexual"),
        ("被迫從事漁撈勞動", "labour"),
        ("在交友軟體結識被害人", "social_media"),
        ("He was recruited through a labour broker in Hanoi.", "agency"),
    ],
)
def test_indicators_told_in_victims_and_officers_own_words(text, value):
    assert value in [v for v, _ in values(text)]


def test_indicators_a_platform_named_with_its_id_is_not_the_channel():
    assert "social_media" not in [v for v, _ in values("Pan used the WeChat ID shuting_kh2022 to collect the recruitment fees.")]


@pytest.mark.parametrize(
    ("text", "value", "present"),
    [
        ("二人經泰國移民局收容後遣返。", "ThreatsLawEnforcement", False),
        ("他說敢報警就會被警察抓去關。", "ThreatsLawEnforcement", True),
        ("強迫其與客人發生性行為", "sexual", True),
        ("強迫其與客人發生性行為", "SexualAbuse", False),
        ("以「酒店公關，一晚上萬」為餌", "FalsePromises", True),
        ("He was made to cheat people through investment chats.", "forced_criminality", True),
    ],
)
def test_indicators_threats_need_a_threat_and_sex_with_customers_is_exploitation(text, value, present):
    assert (value in [v for v, _ in values(text)]) is present


def test_indicators_a_line_group_is_a_recruitment_channel():
    assert "social_media" in [v for v, _ in values("透過 LINE 群組招募被害人")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("大學學姊介紹她去泰國", "acquaintance"),
        ("一個月保證五萬", "FalsePromises"),
        ("不匯錢就把她賣掉", "PhysicalThreats"),
        ("將渠等護照鎖於辦公室保險箱", "WithholdsDocuments"),
        ("the compound confiscated their phones and beat workers who tried to leave", "PhysicalAbuse"),
    ],
)
def test_indicators_classmates_guaranteed_pay_threats_to_sell_and_locked_passports(text, value):
    assert value in [v for v, _ in values(text)]
