"""Entity resolution and name romanisation, as pure functions: who is merged, who is only proposed."""

import pytest

from ingest.resolve import Person, resolve_people
from ingest.romanize import chinese_keys, latin_keys, wade_giles


def person(pid, *names, year=None, ids=(), flights=()):
    return Person(pid, names, any("○" in n for n in names), year, frozenset(ids), frozenset(flights))


@pytest.mark.parametrize(
    ("chinese", "latin"),
    [("陳偉廷", "CHEN WEI-TING"), ("陳偉廷", "Wei-Ting Chen"), ("陳偉廷", "Chen Weiting"), ("施豪思", "SHIH HAO-SZU"),
     ("許雅婷", "HSU YA-TING"), ("邱品睿", "CHIU PIN-JUI"), ("李大同", "LEE TA-TUNG"), ("郭書豪", "Kuo Shu-hao"),
     ("謝欣怡", "Hsieh Hsin-yi"), ("曾國棟", "TSENG KUO-TUNG")],
)
def test_romanize_a_chinese_name_meets_its_passport_spellings(chinese, latin):
    assert chinese_keys(chinese) & latin_keys(latin)


@pytest.mark.parametrize(("chinese", "latin"), [("陳偉廷", "CHEN WEI-MING"), ("林志豪", "LIN CHIH-MING"), ("王大同", "HUANG TA-TUNG")])
def test_romanize_other_names_do_not_meet(chinese, latin):
    assert not chinese_keys(chinese) & latin_keys(latin)


@pytest.mark.parametrize(("pinyin", "wg"), [("zhi", "chih"), ("xin", "hsin"), ("qiang", "chiang"), ("guo", "kuo"),
                                            ("zong", "tsung"), ("rui", "jui"), ("gui", "kuei"), ("jie", "chieh")])
def test_romanize_wade_giles_syllables(pinyin, wg):
    assert wade_giles(pinyin) == wg


def test_romanize_a_masked_name_has_no_spelling():
    assert chinese_keys("陳○明") == set()


def test_resolution_same_name_and_a_shared_phone_merges():
    result = resolve_people([person("person:a", "林志豪", ids={"phone:+886912345678"}),
                             person("person:b", "林志豪", ids={"phone:+886912345678"})])
    assert result.merged == 1 and result.canonical == {"person:a": "person:a", "person:b": "person:a"}


def test_resolution_ring_members_sharing_a_phone_stay_apart():
    result = resolve_people([person("person:a", "高文正", ids={"phone:+886981408652"}),
                             person("person:b", "羅志明", ids={"phone:+886981408652"})])
    assert result.merged == result.candidates == 0 and result.canonical == {}


def test_resolution_two_equal_masked_names_are_two_people():
    result = resolve_people([person("person:a", "陳○明"), person("person:b", "陳○明")])
    assert result.merged == result.candidates == 0


def test_resolution_a_masked_name_with_a_shared_handle_merges():
    result = resolve_people([person("person:a", "高○正", ids={"handle:hr_gold648"}),
                             person("person:b", "高○正", ids={"handle:hr_gold648"})])
    assert result.merged == 1


def test_resolution_a_romanisation_alone_is_only_proposed():
    result = resolve_people([person("person:a", "陳偉廷"), person("person:b", "CHEN WEI-TING")])
    assert result.merged == 0 and result.candidates == 1
    (a, b, status, score, reasons), = result.pairs
    assert status == "proposed" and 0 < score < 1 and "romanisation" in reasons[0]


def test_resolution_a_romanisation_confirmed_by_birth_year_merges():
    result = resolve_people([person("person:a", "陳偉廷", year=1998), person("person:b", "CHEN WEI-TING", year=1998)])
    assert result.merged == 1


def test_resolution_different_birth_years_are_different_people():
    result = resolve_people([person("person:a", "林志豪", year=1980, ids={"phone:+886912345678"}),
                             person("person:b", "林志豪", year=1995, ids={"phone:+886912345678"})])
    assert result.merged == result.candidates == 0


def test_resolution_one_name_in_many_documents_proposes_a_star_not_every_pair():
    people = [person(f"person:{i:02d}", "林冠文") for i in range(30)]
    result = resolve_people(people)
    assert result.candidates == 29


def test_resolution_a_masked_name_fits_a_full_name_with_a_shared_phone():
    result = resolve_people([person("person:a", "潘○文", ids={"phone:+886917543339"}),
                             person("person:b", "潘詩文", ids={"phone:+886917543339"})])
    assert result.merged == 1


def test_resolution_a_masked_name_and_a_full_name_alone_propose_nothing():
    result = resolve_people([person("person:a", "潘○文"), person("person:b", "潘詩文")])
    assert result.merged == result.candidates == 0


def test_resolution_the_same_full_name_on_the_same_flight_merges():
    result = resolve_people([person("person:a", "Mark Ramos", flights={"flight:CI702@2019-10-27"}),
                             person("person:b", "MARK RAMOS", flights={"flight:CI702@2019-10-27"})])
    assert result.merged == 1 and "both on flight:CI702@2019-10-27" in result.pairs[0][4]


@pytest.mark.parametrize(
    ("a", "b", "flights_b"),
    [("Mark Ramos", "MARK RAMOS", {"flight:CI702@2019-11-02"}),  # another flight: only a name
     ("陳○明", "陳○明", {"flight:CI702@2019-10-27"}),  # masked: two people, flight or not
     ("陳偉廷", "CHEN WEI-TING", {"flight:CI702@2019-10-27"})],  # a romanisation on one flight: review
)
def test_resolution_a_shared_flight_confirms_only_the_same_full_name(a, b, flights_b):
    result = resolve_people([person("person:a", a, flights={"flight:CI702@2019-10-27"}),
                             person("person:b", b, flights=flights_b)])
    assert result.merged == 0
