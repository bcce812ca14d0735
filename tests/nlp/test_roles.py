import pytest

from nlp.found import resolve_overlaps
from nlp.persons import find_persons
from nlp.roles import assign_roles
from nlp.sentences import sentence_bounds
from nlp.text import fold


def roles(text):
    people = resolve_overlaps(find_persons(text, fold(text)))
    return list(zip([text[p.start : p.end] for p in people], assign_roles(text, people)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("查獲國人李○華等 3 人涉嫌人口販運案", [("李○華", "suspect")]),
        ("被告陳大明、林美玲及張○○等人涉嫌招募", [("陳大明", "suspect"), ("林美玲", "suspect"), ("張○○", "suspect")]),
        ("被告陳大明以高薪招募被害人吳志偉", [("陳大明", "suspect"), ("吳志偉", "victim")]),
        ("王小明遭陳大明誘騙至妙瓦底", [("王小明", "victim"), ("陳大明", "recruiter")]),
        ("本署林處長志豪出席", [("林處長志豪", "official")]),
        ("The victim Nguyen Thi Lan was recruited by Mr. Somchai Boonmee.", [("Nguyen Thi Lan", "victim"), ("Somchai Boonmee", "recruiter")]),
        ("Mr. Sok Dara was arrested in Phnom Penh.", [("Sok Dara", "suspect")]),
        ("Wei-Ting Chen was rescued in Bavet.", [("Wei-Ting Chen", "victim")]),
    ],
)
def test_roles_from_context(text, expected):
    assert roles(text) == expected


def test_roles_sentence_does_not_end_at_abbreviations():
    text = "He met Mr. Lee in Bangkok. Then he left."
    assert sentence_bounds(text, 12) == (0, 26)
