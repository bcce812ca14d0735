"""Relations between the entities of one sentence, each with the span that supports it.

Rules over roles and cue words, sentence by sentence:

* RECRUITED (recruiter -> victim) and TRAFFICKED (suspect or recruiter -> victim), where the
  sentence says so (招募, 誘騙, recruited; 販運, 販賣, trafficked, sold);
* EXPLOITED_AT and RESCUED_FROM (victim -> place abroad), TRAVELED_ON and REPATRIATED_ON
  (person -> flight; a flight home for a victim is a repatriation);
* REFERRED_TO and INDICTED_BY (suspect -> prosecutors' office), MEMBER_OF (an official ->
  the organisation named just before the title, ``法務部次長王大同``);
* HAS_IDENTIFIER (the nearest person before the identifier, or after when none is before);
* ASSOCIATE_OF (suspects named together in one list).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from nlp.found import Found
from nlp.sentences import Sentences

__all__ = ["Relation", "find_relations", "RELATION_TYPES"]

RELATION_TYPES = ("RECRUITED", "TRAFFICKED", "EXPLOITED_AT", "TRAVELED_ON", "REFERRED_TO", "INDICTED_BY",
                  "RESCUED_FROM", "REPATRIATED_ON", "HAS_IDENTIFIER", "MEMBER_OF", "ASSOCIATE_OF")


@dataclass(frozen=True)
class Relation:
    type: str
    head: int  # index into the entity list
    tail: int
    start: int
    end: int
    confidence: float
    source: str


_RECRUIT = re.compile(r"招募|誘騙|引誘|介紹|招攬|仲介|利誘|以高薪|(?i:recruit|lured|enticed|promised)")
_TRAFFIC = re.compile(r"販運|販賣|賣到|賣至|轉賣|押送|帶往|(?i:traffick|sold|smuggled)")
_EXPLOIT = re.compile(r"園區|詐騙|詐欺|工作|拘禁|剝削|控制|被迫|囚禁|(?i:compound|forced|held|worked|exploited|detained|confined|scam)")
_RESCUE = re.compile(r"獲救|救出|逃出|脫逃|營救|救援|(?i:rescued|escaped|freed|fled)")
_TRAVEL = re.compile(r"搭乘|搭機|班機|航班|出境|入境|飛往|(?i:flew|flight|boarded|departed|arrived)")
_RETURN = re.compile(r"返國|返臺|返台|回國|遣返|送返|接回|(?i:repatriat|returned|flown home|back to taiwan)")
_REFER = re.compile(r"移送|函送|報請|(?i:referred)")
_INDICT = re.compile(r"起訴|(?i:indicted|charged)")
_LIST_JOIN = re.compile(r"^\s*(?:[、,，及與和跟]|and|&)\s*$")
_HOME_COUNTRIES = {"TW"}


def _sentences(text: str, entities: list[Found]) -> dict[tuple[int, int], list[int]]:
    groups: dict[tuple[int, int], list[int]] = {}
    sentences = Sentences(text)
    for i, e in enumerate(entities):
        groups.setdefault(sentences.bounds(e.start), []).append(i)
    return groups


def find_relations(text: str, entities: list[Found], roles: dict[int, str]) -> list[Relation]:
    """Relations among ``entities`` (non-overlapping, in text order); ``roles`` maps PERSON indexes to roles."""
    out: list[Relation] = []
    seen: set[tuple[str, int, int]] = set()

    def add(rel_type: str, head: int, tail: int, span: tuple[int, int], confidence: float, rule: str) -> None:
        key = (rel_type, head, tail)
        if head != tail and key not in seen:
            seen.add(key)
            out.append(Relation(rel_type, head, tail, span[0], span[1], confidence, f"rules.relations.{rule}"))

    for span, members in _sentences(text, entities).items():
        sentence = text[span[0] : span[1]]
        people = [i for i in members if entities[i].label == "PERSON"]
        by_role = {r: [i for i in people if roles.get(i) == r] for r in ("suspect", "victim", "recruiter", "official", "other")}
        places = [i for i in members if entities[i].label == "LOC" and entities[i].attrs.get("country") not in _HOME_COUNTRIES
                  and entities[i].attrs.get("kind") != "airport"]
        flights = [i for i in members if entities[i].label == "FLIGHT"]
        offices = [i for i in members if entities[i].label == "ORG" and entities[i].attrs.get("kind") == "prosecutors_office"]
        victims = by_role["victim"]
        doers = by_role["recruiter"] or by_role["suspect"]

        if _RECRUIT.search(sentence):
            for r in by_role["recruiter"] or by_role["suspect"]:
                for v in victims:
                    add("RECRUITED", r, v, span, 0.8, "recruited")
        if _TRAFFIC.search(sentence):
            for s in by_role["suspect"] or doers:
                for v in victims:
                    add("TRAFFICKED", s, v, span, 0.75, "trafficked")
        if places and victims:
            if _RESCUE.search(sentence):
                for v in victims:
                    add("RESCUED_FROM", v, places[-1], span, 0.75, "rescued_from")
            if _EXPLOIT.search(sentence):
                for v in victims:
                    add("EXPLOITED_AT", v, places[-1], span, 0.7, "exploited_at")
        if flights and people:
            home = bool(_RETURN.search(sentence))
            for p in people:
                for f in flights:
                    if home and roles.get(p) == "victim":
                        add("REPATRIATED_ON", p, f, span, 0.8, "repatriated_on")
                    elif _TRAVEL.search(sentence) or home:
                        add("TRAVELED_ON", p, f, span, 0.75, "traveled_on")
        for o in offices:
            for s in by_role["suspect"]:
                if _REFER.search(sentence):
                    add("REFERRED_TO", s, o, span, 0.85, "referred_to")
                if _INDICT.search(sentence):
                    add("INDICTED_BY", s, o, span, 0.85, "indicted_by")
        for i in members:
            e = entities[i]
            if e.label in ("PHONE", "PASSPORT", "ACCOUNT", "EMAIL", "HANDLE") and people:
                before = [p for p in people if entities[p].end <= e.start]
                owner = before[-1] if before else min(people, key=lambda p: entities[p].start - e.end)
                add("HAS_IDENTIFIER", owner, i, span, 0.7, "has_identifier")
        for p in by_role["official"]:
            orgs = [i for i in members if entities[i].label == "ORG" and 0 <= entities[p].start - entities[i].end <= 6]
            for o in orgs:
                add("MEMBER_OF", p, o, span, 0.8, "member_of")
        # suspects named in one list (陳大明、林美玲及張○○) are associates, every pair of them
        suspects = sorted(by_role["suspect"], key=lambda i: entities[i].start)
        runs: list[list[int]] = []
        for i in suspects:
            if runs and _LIST_JOIN.match(text[entities[runs[-1][-1]].end : entities[i].start]):
                runs[-1].append(i)
            else:
                runs.append([i])
        for run in runs:
            for a, b in combinations(run, 2):
                add("ASSOCIATE_OF", a, b, span, 0.7, "listed_together")
    return out
