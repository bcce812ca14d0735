"""Roles of people (suspect, victim, recruiter, official, other) from the words around them.

Evidence is weighed in this order, the first that speaks decides:

1. a title on the name (``林處長志豪``, ``檢察官李文華``): official;
2. a role word right before the name (``被告``, ``被害人``, ``仲介``, ``victim``);
3. what the clause after the name says the person did or suffered (``X以高薪招募`` recruits;
   ``X遭誘騙``, ``X was rescued`` suffers; ``X涉嫌``, ``X was arrested`` is suspected): a
   verb after 遭/被/受 or a passive marks the victim of it, not the doer;
4. what the clause before the name says was done to them (``查獲X``: suspect; ``救出X``:
   victim; ``recruited by X``: recruiter).

>>> text = "被告陳大明以高薪招募被害人吳志偉前往柬埔寨"
>>> from nlp.found import Found
>>> people = [Found(2, 5, "PERSON", "陳大明", "t"), Found(13, 16, "PERSON", "吳志偉", "t")]
>>> assign_roles(text, people)
['suspect', 'victim']
"""

from __future__ import annotations

import re
from collections import Counter

from nlp.found import Found
from nlp.sentences import Sentences

__all__ = ["ROLES", "assign_role", "assign_roles"]

ROLES = ("suspect", "victim", "recruiter", "official", "other")

_COMPANY_TITLES = {"負責人", "董事長", "總經理", "經理"}

_PREFIX_ROLE = [
    (re.compile(r"(?:被告|嫌犯|犯嫌|主嫌|共犯|嫌疑人|車手|人蛇|蛇頭|通緝犯|被告人)\s*$"), "suspect"),
    (re.compile(r"(?:被害人|受害人|受害者|被害者|倖存者)\s*$"), "victim"),
    (re.compile(r"(?:仲介|招募者|介紹人|招募人員|人力仲介)\s*$"), "recruiter"),
    (re.compile(r"(?:檢察官|法官|聯絡官|移民秘書|警員|員警|社工|通譯)\s*$"), "official"),
    (re.compile(r"(?:我是|本人|家屬|母親|父親|姊姊|姐姐|哥哥|弟弟|妹妹|妻子|丈夫|友人|證人|同事)\s*$"), "other"),
    (re.compile(r"(?i)(?:witness|mother|father|sister|brother|wife|husband|friend|colleague|I am|my name is)\s+$"), "other"),
    (re.compile(r"(?i)(?:suspects?|defendants?|accused|trafficker|smuggler)\s+$"), "suspect"),
    (re.compile(r"(?i)(?:victims?|survivors?)\s+$"), "victim"),
    (re.compile(r"(?i)(?:recruiters?|broker|agent)\s+$"), "recruiter"),
    (re.compile(r"(?i)(?:officers?|prosecutor|liaison officer|judge|social worker|interpreter|inspector)\s+$"), "official"),
    # "recruited by [Mr.] X": the agent of a passive is named right before
    (re.compile(r"(?i)\b(?:recruited|lured|trafficked|deceived|enticed|sold)\s+by\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?$"), "recruiter"),
]

_PASSIVE = r"(?:遭|被|受|經)"
_AFTER_ROLE = [
    (re.compile(f"^\\s*{_PASSIVE}\\s*$"), "victim"),  # 王小明遭[陳大明誘騙]: the agent is named next
    (re.compile(f"^[^，。；]{{0,12}}?{_PASSIVE}[^，。；]{{0,8}}?(?:誘騙|招募|欺騙|騙|拘禁|控制|販賣|販運|毆打|剝削|押|帶往|脅迫|強迫)"), "victim"),
    (re.compile(r"^[^，。；]{0,12}?(?:獲救|救出|逃出|脫逃|返國|返臺|遣返|受騙|被迫|淪為)"), "victim"),
    (re.compile(r"^[^，。；]{0,16}?(?:招募|以高薪|誘騙|引誘|介紹|招攬|仲介|媒介|引介|利誘)"), "recruiter"),
    (re.compile(r"^[^，。；]{0,16}?(?:涉嫌|涉犯|起訴|移送|查獲|到案|逮捕|羈押|通緝|判刑|判決有罪)"), "suspect"),
    (re.compile(r"(?i)^[^.;]{0,30}?\b(?:was|were|had been|has been|being)\s+(?:\w+\s+)?(?:rescued|trafficked|lured|deceived|"
                r"repatriated|forced|held|detained|sold|exploited|beaten|freed|recruited)\b"), "victim"),
    (re.compile(r"(?i)^[^.;]{0,30}?\b(?:escaped|returned home|fled)\b"), "victim"),
    (re.compile(r"(?i)^[^.;]{0,30}?\b(?:recruited|lured|enticed|promised|offered|advertised)\b"), "recruiter"),
    (re.compile(r"(?i)^[^.;]{0,30}?\b(?:was|were)\s+(?:\w+\s+)?(?:arrested|charged|indicted|prosecuted|convicted|"
                r"accused|referred)\b"), "suspect"),
]
_BEFORE_ROLE = [
    (re.compile(r"(?:查獲|逮捕|拘提|起訴|移送|緝獲|通緝)[^，。；]{0,6}$"), "suspect"),
    (re.compile(r"(?:救出|救援|協助|營救|接回|安置|保護)[^，。；]{0,6}$"), "victim"),
    (re.compile(r"(?:遭|被|受)\s*$"), "recruiter"),
    (re.compile(r"(?i)\b(?:rescued|repatriated|sheltered|assisted|helped)\s+$"), "victim"),
    (re.compile(r"(?i)\b(?:arrested|charged|indicted|detained)\s+$"), "suspect"),
]

_COORDINATION = re.compile(r"^\s*(?:[、,，及與和跟]|and|&)\s*$")

def assign_role(text: str, person: Found, people: list[Found], sentences: Sentences | None = None) -> str | None:
    """The role of ``person`` (a PERSON found in ``text``) from its sentence, or None when the
    sentence says nothing of it; ``people`` are the persons of its sentence, to bound its context."""
    if person.attrs.get("title"):
        return "other" if person.attrs["title"] in _COMPANY_TITLES else "official"
    if person.source.endswith("title_before"):
        return "official"
    left, right = (sentences or Sentences(text)).bounds(person.start)
    others_before = [p.end for p in people if p is not person and left <= p.end <= person.start]
    others_after = [p.start for p in people if p is not person and person.end <= p.start < right]
    before = text[max([left, *others_before]) : person.start]
    after = text[person.end : min([right, *others_after])]
    for pattern, role in _PREFIX_ROLE:
        if pattern.search(before[-30:]):
            return role
    # the cue nearest the name speaks for it (被告X等人涉嫌招募: suspected, of recruiting)
    hits = [(m.end(), role) for pattern, role in _AFTER_ROLE if (m := pattern.search(after))]
    if hits:
        return min(hits)[1]
    for pattern, role in _BEFORE_ROLE:
        if pattern.search(before):
            return role
    return None


_VICTIM_DOCUMENT = re.compile(r"返國|返臺|返抵|獲救|救出|解救|遣返|協尋|失聯|被騙|(?i:repatriat|rescued|returnee|missing)")


def assign_roles(text: str, people: list[Found]) -> list[str]:
    """Roles of all people found in a text, in their order.

    Names listed together (``被告陳大明、林美玲及張○○``) share the role of the list when
    nothing else speaks for one of them.
    """
    sentences = Sentences(text)
    by_sentence: dict[tuple[int, int], list[Found]] = {}
    for p in people:
        by_sentence.setdefault(sentences.bounds(p.start), []).append(p)
    ordered = sorted(range(len(people)), key=lambda i: people[i].start)
    found = [assign_role(text, p, by_sentence[sentences.bounds(p.start)], sentences) for p in people]
    # the same name elsewhere in the document
    def key(p: Found) -> str:
        return str(p.attrs.get("of", p.norm))  # a surname alone stands for the full name it repeats

    by_name: dict[str, Counter[str]] = {}
    for p, role in zip(people, found):
        if role is not None:
            by_name.setdefault(key(p), Counter())[role] += 1
    roles: list[str | None] = [
        role if role is not None else (by_name[key(p)].most_common(1)[0][0] if key(p) in by_name else None)
        for p, role in zip(people, found)
    ]
    # names listed together share the role of the list
    for prev, cur in zip(ordered, ordered[1:]):
        between = text[people[prev].end : people[cur].start]
        if roles[cur] is None and roles[prev] not in (None, "other") and _COORDINATION.match(between):
            roles[cur] = roles[prev]
    # what the document is about: a returnee list or a rescue report is about victims
    default = "victim" if _VICTIM_DOCUMENT.search(text) else "other"
    return [role or default for role in roles]
