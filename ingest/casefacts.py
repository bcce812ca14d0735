"""What a case file says about its case: referral, indictment, offences, how many suspects and victims.

Read from an extraction result (the ``tipgraph extract`` contract), sentence by sentence:
the referral is the sentence with 移送/函送/referred and a prosecutors' office, the
indictment the one with 起訴/indicted; counts are the COUNT entities standing after
``等`` or ``被告`` (suspects, defendants) or in a sentence about victims. Pure functions.

>>> text = "查獲國人李○華等 3 人涉嫌人口販運（勞力剝削）案，於 111 年 2 月 8 日移送臺中地方檢察署偵辦。被害人共 5 人。"
>>> from nlp.extract import extract
>>> facts = case_facts(text, extract(text))
>>> facts.referred_on, facts.office, facts.exploitation, facts.suspects, facts.victims
('2022-02-08', '臺中地方檢察署', 'labour', 3, 5)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from nlp.sentences import Sentences

__all__ = ["CaseFacts", "case_facts", "EXPLOITATION_OF_OFFENSE"]

# the offence that names the kind of exploitation; the first found in this order wins
EXPLOITATION_OF_OFFENSE = {
    "organ_removal": "organ_removal",
    "sexual_exploitation": "sexual",
    "labour_exploitation": "labour",
    "forced_criminality": "forced_criminality",
}
_REFER = re.compile(r"移送|函送|報請|移請|(?i:referred)")
_INDICT = re.compile(r"起訴|(?i:indicted)")
_SUSPECT_COUNT_BEFORE = re.compile(r"(?:等|共|計)\s*$")
_DEFENDANT_BEFORE = re.compile(r"(?:被告|defendants?|被告人)[^。；]{0,30}?$", re.IGNORECASE)
_VICTIM_WORDS = re.compile(r"被害|受害|受騙|被騙|救出|(?i:victim)")


@dataclass(frozen=True)
class CaseFacts:
    """The case a document is about, as far as its text says."""

    offenses: tuple[str, ...] = ()
    referral_offenses: tuple[str, ...] = ()  # those the referral names, when there is one
    exploitation: str | None = None
    referred_on: str | None = None
    office: str | None = None  # the prosecutors' office it was referred to (norm)
    indicted_on: str | None = None
    indicting_office: str | None = None
    suspects: int | None = None
    victims: int | None = None
    defendants: int | None = None
    evidence: dict[str, tuple[int, int]] = field(default_factory=dict)  # fact -> sentence span

    @property
    def is_trafficking(self) -> bool:
        """A trafficking case: so the referral calls it (or, with no referral, the text)."""
        named = self.referral_offenses or self.offenses
        return bool({"trafficking", "labour_exploitation", "sexual_exploitation", "organ_removal"} & set(named))


def case_facts(text: str, result: dict[str, Any]) -> CaseFacts:
    """The case facts of one document from its text and extraction result."""
    entities = result["entities"]
    sentences = Sentences(text)
    by_sentence: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for e in entities:
        by_sentence.setdefault(sentences.bounds(e["start"]), []).append(e)
    offenses = tuple(dict.fromkeys(e["norm"] for e in entities if e["label"] == "OFFENSE"))
    referred = indicted = None
    for span, members in sorted(by_sentence.items()):
        body = text[span[0] : span[1]]
        offices = [e for e in members if e["label"] == "ORG" and (e.get("attrs") or {}).get("kind") == "prosecutors_office"]
        if not offices:
            continue
        if referred is None and _REFER.search(body):
            referred = (span, members, offices[0])
        if indicted is None and _INDICT.search(body):
            indicted = (span, members, offices[0])
    exploitation = _exploitation(referred[1] if referred else [], entities)
    evidence: dict[str, tuple[int, int]] = {}
    facts: dict[str, Any] = {}
    if referred:
        span, members, office = referred
        evidence["referral"] = span
        facts["referred_on"] = _date_in(members, office)
        facts["office"] = office["norm"]
        facts["suspects"] = _count_after(text, members, _SUSPECT_COUNT_BEFORE, after_person=True)
        facts["referral_offenses"] = tuple(dict.fromkeys(e["norm"] for e in members if e["label"] == "OFFENSE"))
    if indicted:
        span, members, office = indicted
        evidence["indictment"] = span
        facts["indicted_on"] = _date_in(members, office)
        facts["indicting_office"] = office["norm"]
        facts["defendants"] = _count_after(text, members, _DEFENDANT_BEFORE)
    facts["victims"] = _victims(text, by_sentence, referred[0] if referred else None)
    return CaseFacts(offenses=offenses, exploitation=exploitation, evidence=evidence, **facts)


def _exploitation(referral: list[dict[str, Any]], entities: list[dict[str, Any]]) -> str | None:
    """The kind of exploitation: from the referral sentence's offences first, then the whole text."""
    for group in (referral, entities):
        norms = {e["norm"] for e in group if e["label"] == "OFFENSE"}
        for offense, kind in EXPLOITATION_OF_OFFENSE.items():
            if offense in norms:
                return kind
    return None


def _date_in(members: list[dict[str, Any]], office: dict[str, Any]) -> str | None:
    """The date of the sentence nearest the office (a full date before a partial one)."""
    dates = [e for e in members if e["label"] == "DATE" and len(e["norm"]) == 10]
    dates = dates or [e for e in members if e["label"] == "DATE"]
    if not dates:
        return None
    return min(dates, key=lambda e: abs(e["start"] - office["start"]))["norm"]


def _count_after(text: str, members: list[dict[str, Any]], before: re.Pattern[str], *,
                 after_person: bool = False) -> int | None:
    """The first head count that the words before it say is of these people (等 3 人, 被告…等 4 人);
    with ``after_person``, also one right after a name (李○華 1 人)."""
    people_ends = {e["end"] for e in members if e["label"] == "PERSON"}
    for e in members:
        if e["label"] != "COUNT" or e.get("unit") != "人":
            continue
        if before.search(text, max(0, e["start"] - 40), e["start"]):
            return int(e["value"])
        if after_person and any(0 <= e["start"] - end <= 1 for end in people_ends):
            return int(e["value"])
    return None


def _victims(text: str, by_sentence: dict[tuple[int, int], list[dict[str, Any]]],
             referral: tuple[int, int] | None) -> int | None:
    """How many victims: the largest head count in a sentence about victims (被害人…共 5 人),
    not the suspects' ``等 N 人`` of the referral; else the victims named."""
    counts = []
    for span, members in by_sentence.items():
        body = text[span[0] : span[1]]
        if not _VICTIM_WORDS.search(body):
            continue
        for e in members:
            if e["label"] != "COUNT" or e.get("unit") != "人":
                continue
            if span == referral:
                continue  # the referral's count is of suspects
            if _DEFENDANT_BEFORE.search(text, max(0, e["start"] - 12), e["start"]):
                continue
            counts.append(int(e["value"]))
    if counts:
        return max(counts)
    named = {e["norm"] for members in by_sentence.values() for e in members
             if e["label"] == "PERSON" and e.get("role") == "victim"}
    return len(named) or None
