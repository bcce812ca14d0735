"""Relations between the entities of a text, each with the span that supports it.

Rules over roles and cue words, sentence by sentence:

* RECRUITED (recruiter -> victim) and TRAFFICKED (suspect or recruiter -> victim), where the
  sentence says so (招募, 誘騙, recruited; 販運, 販賣, trafficked, sold);
* EXPLOITED_AT and RESCUED_FROM (victim -> place abroad, the most specific one named),
  TRAVELED_ON and REPATRIATED_ON (person -> flight; a flight home for a victim is a
  repatriation);
* REFERRED_TO and INDICTED_BY (suspect -> prosecutors' office), MEMBER_OF (an official ->
  the organisation named just before the title, ``法務部次長王大同``, or after the name,
  ``Inspector Lai of the Criminal Investigation Bureau``);
* HAS_IDENTIFIER (the nearest person before the identifier, or after when none is before);
* ASSOCIATE_OF (suspects named together in one list).

A sentence that leaves out who did it or to whom (``二人自111年5月起招募被害人…``,
``9月30日搭乘 CI-836 班機返抵 TPE``) takes them from the sentences just before it. A row
of a pasted table is read with its header and the caption above it (``Repatriation
manifest``, ``返國航班``). Of a name and its bracketed other-script form, relations attach
to the first one written.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any
from itertools import combinations

from nlp.found import Found
from nlp.persons import TITLES
from nlp.sentences import Sentences
from nlp.tables import Tables

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


_RECRUIT = re.compile(r"招募|誘騙|引誘|誘使|吸引|結識|認識|介紹|招攬|仲介|利誘|以高薪|邀約|承諾|佯稱|騙去|騙到|拉去|找去|"
                      r"(?:張貼|刊登|發布|發佈)[^，。；]{0,20}(?:廣告|徵才|職缺|貼文)|"
                      r"(?:幫|替)(?:他|她|我)?找(?:到)?[^，。；]{0,8}工作|(?:說要|要)帶(?:他|她|他們)?(?:去|到)|"
                      r"(?i:recruit|lured|enticed|promised|hired|approached|offered|placed (?:them |him |her )?on|brought in)")
_TRAFFIC = re.compile(r"(?<!人口)販運(?!案|罪|防制)|剝削(?!罪|案)|強迫|強制(?!性交|猥褻)|扣留|拘禁|控制|販賣|賣到|賣至|賣給|轉賣|押送|帶往|帶到|送往|送進|送入|交給|(?i:traffick(?!ing\s+(?:case|charge|offen|and|in persons))|sold|smuggled|handed (?:him|her|them) over)")
_EXPLOIT = re.compile(r"園區|詐騙|詐欺|工作|受困|困在|拘禁|剝削|控制|被迫|囚禁|關在|關進|監禁|作業|應召|扣留|扣押|收走|沒收|陪酒|接客|毆打|電擊|"
                      r"性交易|(?i:compound|forced|held|worked|exploited|"
                      r"detained|confined|scam|locked|kept|working|works|trapped|stuck)")
_RESCUE = re.compile(r"獲救|救出|逃出|脫逃|營救|救援|解救|帶出(?!國(?!人)|境)|脫困|脫身|接出|救回|帶離|撤離|"
                     r"(?i:rescued|escaped|freed|fled|removed|raided|brought (?:back|out)|pulled out|extracted|evacuated|walked out|ran away|"
                     r"got out|broke out)")
_TRAVEL = re.compile(r"搭乘|搭機|班機|航班|出境|入境|飛往|出發|前往|坐|搭|出國|離境|登機|(?i:flew|flight|boarded|departed|arrived|left|took)")
_TAKEN = re.compile(r"被(?:帶|送|載|押)(?:往|到|至)|(?i:(?:was|were) (?:taken|driven|sent|moved|brought|trafficked))")
_RETURN = re.compile(r"返國|返臺|返台|返抵|回國|回臺|回台|遣返|送返|接回|(?i:repatriat|returned|flown home|flew home|back to taiwan|home on|"
                     r"flew back|flown back|back home|(?:left|flew|flown|sent|went|came) (?:back )?(?:for|to) (?:taipei|taiwan|kaohsiung|taoyuan))|"
                     r"→\s*(?:TPE|TSA|KHH|RMQ)\b|(?:->|–)\s*(?:TPE|TSA|KHH|RMQ)\b")
_REFER = re.compile(r"移送|函送|報請|(?i:referred)")
_INDICT = re.compile(r"起訴|公訴|(?i:indicted|charged)")
_LIST_JOIN = re.compile(r"^\s*(?:[（(][^()（）]{0,40}[)）])?\s*(?:,\s*\d{1,2}\s*)?(?:[、,，及與和跟]|,?\s*and|&)\s*"
                        r"(?:(?:his|her|their|a|an|the)\s+[\w-]+\s*,?\s*)?"
                        r"(?:國人|成員|共犯|被告|嫌犯|主嫌|幹部|[\u4e00-\u9fff]{1,3}籍(?:男子|女子)?|(?i:(?:[A-Z][a-z]+\s+)?(?:national|citizen))\s+)?\s*$")
# what stands between a name and the same person's other name: a bracket, 即, 英文名字是, a.k.a.
_BRACKET_GAP = re.compile(r"^\s*(?:[（(]|即|亦即|又名|[，,]?\s*(?:的)?(?:英文名(?:字)?|護照上的(?:拼法|名字|英文名))(?:是|為)|"
                          r"(?i:a\.?k\.?a\.?|also known as|alias|[（(]\s*name in (?:his |her |the )?passport))\s*$")
# words that point back to people named before: 二人, 被害人 (unnamed), 其, he, they
_BACK_REFERENCE = re.compile(r"(?i:\ball (?:two|three|four|five|six|of them)\b)|二人|兩人|三人|該[名員]|其(?!他|中|餘|實)|被害人(?![\u4e00-\u9fff]{0,1}[○〇*Ｏ])|渠等|(?i:\b(?:he|she|they|him|her|them|both|the two|"
                             r"the (?:men|women|workers|crew|victims|girls|boys))\b)")
_HOME_COUNTRIES = {"TW"}
_IDENTIFIER_LABELS = ("PHONE", "PASSPORT", "ACCOUNT", "EMAIL", "HANDLE")
# what a table's header or caption says about the flights or places in its rows
_TABLE_RETURN = re.compile(r"返國|返臺|返抵|回國|遣返|(?i:home|return|repatriat|back)")
_TABLE_OUTBOUND = re.compile(r"去程|出境|出發|(?i:outbound|departure|departed)")
_TABLE_RESCUE = re.compile(r"救出|解救|獲救|救援|(?i:rescued|rescue)")
_TABLE_EXPLOIT = re.compile(r"剝削|園區|地點|所在|受困|工作地|(?i:held|exploit|compound|where|workplace|location)")
_BACKWARD_SENTENCES = 10


@dataclass
class _Sentence:
    span: tuple[int, int]
    members: list[int]
    table_row: bool
    context: str  # the sentence, or a table row with its header and caption
    tables: Tables


def _sentences(text: str, entities: list[Found], tables: Tables) -> list[_Sentence]:
    sentences = Sentences(text)
    groups: dict[tuple[int, int], list[int]] = {}
    for i, e in enumerate(entities):
        groups.setdefault(sentences.bounds(e.start), []).append(i)
    out = []
    for span, members in sorted(groups.items()):
        context = text[span[0] : span[1]]
        cell = next((c for i in members if (c := tables.at(entities[i].start)) is not None), None)
        if cell is not None:  # a table row: read with its caption and header
            context = cell.caption + "\n" + "\t".join(cell.headers) + "\n" + context
        out.append(_Sentence(span, members, cell is not None, context, tables))
    return out


def _column_header(tables: Tables, entity: Found) -> str:
    """The header of the column a table cell's entity sits in, or ''."""
    cell = tables.at(entity.start)
    return cell.header if cell is not None else ""


def find_relations(text: str, entities: list[Found], roles: dict[int, str]) -> list[Relation]:
    """Relations among ``entities`` (non-overlapping, in text order); ``roles`` maps PERSON indexes to roles."""
    out: list[Relation] = []
    seen: set[tuple[str, int, int]] = set()

    def add(rel_type: str, head: int, tail: int, span: tuple[int, int], confidence: float, rule: str) -> None:
        key = (rel_type, head, tail)
        if head != tail and key not in seen:
            seen.add(key)
            out.append(Relation(rel_type, head, tail, span[0], span[1], confidence, f"rules.relations.{rule}"))

    aliases = _aliases(text, entities)
    tables = Tables(text)
    split = Sentences(text)
    index = _PersonIndex(entities, aliases)
    sentences = _sentences(text, entities, tables)
    owners: dict[int, int] = {}  # identifier -> the person it was given to
    associated: set[frozenset[str]] = set()
    for n, sentence in enumerate(sentences):
        span, members, context = sentence.span, sentence.members, sentence.context
        body = text[span[0] : span[1]]
        people = [i for i in members if entities[i].label == "PERSON" and i not in aliases]
        by_role = {r: [i for i in people if roles.get(i) == r] for r in ("suspect", "victim", "recruiter", "official", "other")}
        located = [i for i in members if entities[i].label == "LOC" and entities[i].attrs.get("kind") != "airport"
                   and entities[i].attrs.get("country")]
        # abroad where there is a place abroad; else where in Taiwan (a farm in 麥寮鄉)
        places = [i for i in located if entities[i].attrs.get("country") not in _HOME_COUNTRIES] or [
            i for i in located if entities[i].attrs.get("kind") != "country"]
        flights = [i for i in members if entities[i].label == "FLIGHT"]
        offices = [i for i in members if entities[i].label == "ORG" and entities[i].attrs.get("kind") == "prosecutors_office"
                   and i not in aliases]

        def earlier(role_names: tuple[str, ...]) -> list[int]:
            """People of these roles in the nearest sentence before that has any (not across tables)."""
            if sentence.table_row:
                return []
            for back in sentences[max(0, n - _BACKWARD_SENTENCES) : n][::-1]:
                if back.table_row:
                    return []
                found = [i for i in back.members if entities[i].label == "PERSON" and i not in aliases
                         and roles.get(i) in role_names]
                if found:
                    return found
            return []

        back_ref = bool(_BACK_REFERENCE.search(body))
        # 戴員, 簡女, 魏嫌: a surname and a word for the person stand for the one named before
        short = _short_referents(text, entities, span, index)
        victims = by_role["victim"] or [i for i in short if roles.get(i) == "victim"] or (
            earlier(("victim",)) if back_ref or not people else [])
        doers = by_role["recruiter"] or by_role["suspect"] or [i for i in short if roles.get(i) in ("recruiter", "suspect")]
        if not doers and (back_ref or not people):
            doers = earlier(("recruiter", "suspect"))

        if recruit := _RECRUIT.search(context if sentence.table_row else body):  # a row: its header (仲介, Recruiter)
            if sentence.table_row:
                recruit = None if not by_role["recruiter"] else recruit
        if recruit:
            recruiters = [i for i in doers if roles.get(i) == "recruiter"] or _doers_of(
                text, entities, doers, span[0] + recruit.start())
            for r in recruiters:
                for v in victims:
                    add("RECRUITED", r, v, span, 0.8, "recruited")
        if traffic := next((m for m in _TRAFFIC.finditer(body) if not _AGENTLESS.search(body, 0, m.start())), None):
            # 被轉賣至園區 without an agent says nothing of who sold them
            traffickers = [i for i in doers if roles.get(i) == "suspect"] or doers
            traffickers = _doers_of(text, entities, traffickers, span[0] + traffic.start())
            for s in traffickers:
                for v in victims:
                    add("TRAFFICKED", s, v, span, 0.75, "trafficked")
        if places and victims:
            rescue = (_RESCUE.search(context) if sentence.table_row else _RESCUE.search(body))
            if rescue:
                place = _rescued_from(entities, places, text, sentence, span[0] + rescue.start())
                for v in victims if place is not None else []:
                    add("RESCUED_FROM", v, place, span, 0.75, "rescued_from")
            elif _EXPLOIT.search(context) or (_TAKEN.search(body) and _destination(text, entities, places) is not None) or (
                    sentence.table_row and any(
                    _TABLE_EXPLOIT.search(_column_header(tables, entities[i])) for i in places)) or (
                    (_RECRUIT.search(body) or _TRAFFIC.search(body))
                                               and _destination(text, entities, places) is not None):
                place = _destination(text, entities, places) or _most_specific(entities, places, text, sentence)
                for v in victims:
                    add("EXPLOITED_AT", v, place, span, 0.7, "exploited_at")
        if flights:
            for f in flights:
                home, outbound = _flight_direction(text, entities[f], sentence)
                if home:
                    for p in by_role["victim"] or earlier(("victim",)):
                        add("REPATRIATED_ON", p, f, span, 0.8, "repatriated_on")
                travellers = [p for p in _travellers(text, entities, people, by_role["victim"], entities[f], earlier)
                              if not (home and roles.get(p) == "victim")]
                if sentence.table_row and by_role["victim"]:
                    travellers = [p for p in by_role["victim"] if not home]  # a row is about its victim
                if not people and not home:
                    travellers = earlier(("victim",)) or earlier(("suspect", "recruiter", "other"))
                if home or outbound or _TRAVEL.search(body):
                    for p in travellers:
                        add("TRAVELED_ON", p, f, span, 0.75, "traveled_on")
        for o in offices:
            suspects = by_role["suspect"] or by_role["recruiter"] or (earlier(("suspect",)) if back_ref or not people else [])
            said = context if sentence.table_row else body  # a row: its header and caption say it
            for s in suspects:
                if _REFER.search(said):
                    add("REFERRED_TO", s, o, span, 0.85, "referred_to")
                if _INDICT.search(said):
                    add("INDICTED_BY", s, o, span, 0.85, "indicted_by")
        for i in members:
            e = entities[i]
            if e.label in ("PHONE", "PASSPORT", "ACCOUNT", "EMAIL", "HANDLE"):
                # a handle or number used to recruit is the recruiter's, not the recruit's named before it
                recruiting = e.label != "PASSPORT" and _RECRUIT.search(body) and not sentence.table_row
                doers_here = [p for p in people if roles.get(p) in ("recruiter", "suspect")]
                recruiter_named = recruiting and any(entities[p].end <= e.start for p in doers_here)
                owner = _owner(entities, doers_here if recruiter_named else people, e)
                if sentence.table_row and people:
                    owner = _row_owner(sentence.tables, entities, people, roles, e)
                referred = _referred_owner(text, entities, roles, span[0], e, people, index, split)
                if referred is not None:
                    owner = referred
                elif owner is None and back_ref:
                    previous = earlier(("victim", "suspect", "recruiter", "other", "official"))
                    owner = previous[-1] if previous else None
                # 他的菲律賓號碼是 X，臺灣的號碼 Y: an identifier listed after another is the same person's
                listed = [j for j in members if j < i and entities[j].label in _IDENTIFIER_LABELS
                          and 0 <= e.start - entities[j].end <= 30 and (j in owners)
                          and not any(entities[j].end <= entities[p].start < e.start for p in people)]
                if listed and referred is None:
                    owner = owners[listed[-1]]
                if owner is not None:
                    owners[i] = owner
                    add("HAS_IDENTIFIER", owner, i, span, 0.7, "has_identifier")
        for p in people:
            if roles.get(p) == "victim":
                continue
            for o in _units_of(text, entities, members, p):
                add("MEMBER_OF", p, o, span, 0.8, "member_of")
        # suspects named in one list (陳大明、林美玲及張○○) are associates, every pair of them
        listed = sorted(by_role["suspect"] + by_role["recruiter"], key=lambda i: entities[i].start)
        runs: list[list[int]] = []
        for i in listed:
            gap = text[entities[runs[-1][-1]].end : entities[i].start] if runs else ""
            if runs and (_LIST_JOIN.match(gap) or (_ACCOMPLICE.search(gap) and not _SENTENCE_BREAK.search(gap))):
                runs[-1].append(i)
            else:
                runs.append([i])
        for run in runs:
            for a, b in combinations(run, 2):
                pair = frozenset((_person_key(entities[a]), _person_key(entities[b])))
                if pair not in associated:  # two people are associates once, where first listed together
                    associated.add(pair)
                    add("ASSOCIATE_OF", a, b, span, 0.7, "listed_together")
    for rel_type, suspect, office, where in _headed_by_office(text, entities, roles, aliases, sentences, seen):
        add(rel_type, suspect, office, where, 0.7, "office_in_heading")
    members_of = {h for t, h, _ in seen if t == "MEMBER_OF"}
    for person, org, where in _members_by_reference(text, entities, roles, aliases, members_of, index):
        add("MEMBER_OF", person, org, where, 0.65, "member_of_writer_or_company")
    return out


# 本處移民秘書許秘書家瑋, 由本大隊簡分隊長冠宇, our outreach worker X, prepared by caseworker X,
# a log's 聯絡官宋承翰 or Officer: X: the office that wrote the document (named in its heading)
_WRITERS_OWN = re.compile(r"(?:本(?:署|處|隊|大隊|局|館|會|中心|官|所|部)|(?i:our|prepared by|reported by|officer\s*[:：]))"
                          r"[^，。；,;\n與及和、]{0,10}$")
_LINE_START_TITLE = re.compile(r"(?:^|\n)[\d/.\s]*(?:聯絡官|移民秘書|秘書|專員|承辦人[:：]?|(?i:officer\s*[:：]?|caseworker))\s*$")
# 該公司業務X, the agency's contact X, PT Samudera, whose director X: the company named just before
_COMPANYS_OWN = re.compile(r"(?:該公司|公司的|該集團|(?i:the (?:agency|company|firm|group)['’]s|whose))[^，。；,;\n]{0,12}$")


def _members_by_reference(text: str, entities: list[Found], roles: dict[int, str], aliases: set[int],
                          done: set[int], index: "_PersonIndex") -> list[tuple[int, int, tuple[int, int]]]:
    """Officials the text places in the office that wrote it (本處, our, a log's heading), and
    people it places in the company named just before (該公司業務X, whose director X)."""
    first_line_end = text.find("\n")
    if not 0 < first_line_end <= 80:
        first_line_end = 0  # no heading line: a document that starts with its story
    heading_orgs = [i for i, e in enumerate(entities) if e.label == "ORG" and e.end <= first_line_end and i not in aliases]
    out: list[tuple[int, int, tuple[int, int]]] = []
    seen_people: set[str] = set()
    for i, e in enumerate(entities):
        if e.label != "PERSON" or i in aliases or i in done or roles.get(i) == "victim":
            continue
        key = str(e.attrs.get("of", e.norm))
        if key in seen_people:
            continue
        lead = text[max(0, e.start - 24) : e.start]
        if roles.get(i) == "official" and heading_orgs and (_WRITERS_OWN.search(lead) or _LINE_START_TITLE.search(lead)):
            seen_people.add(key)
            out.append((i, heading_orgs[0], (max(0, e.start - 24), e.end)))
        elif _COMPANYS_OWN.search(lead):
            company = index.last_org_before(e.start, 200, ("prosecutors_office", "police", "agency"))
            if company is not None:
                seen_people.add(key)
                out.append((i, company, (entities[company].start, e.end)))
    return out


_HEADING_INDICT = re.compile(r"起訴|公訴|(?i:indict|charged)")
_HEADING_REFER = re.compile(r"移送|函送|(?i:referr)")


def _headed_by_office(text: str, entities: list[Found], roles: dict[int, str], aliases: set[int],
                      sentences: list[_Sentence], seen: set[tuple[str, int, int]]) -> list[tuple[str, int, int, tuple[int, int]]]:
    """A prosecutors' office named in a document's heading (臺灣嘉義地方檢察署起訴書, PRESS
    RELEASE — Taiwan Taipei District Prosecutors Office) or a table's caption (犯罪嫌疑人一覽表
    （移送臺灣新北地方檢察署）) indicts or receives the suspects the body names: each suspect's
    first mention in a sentence that says so, or in the table."""
    first_line = text.find("\n")
    heading_end = first_line if 0 <= first_line <= 160 else min(len(text), 80)
    offices = [i for i, e in enumerate(entities) if e.label == "ORG" and e.attrs.get("kind") == "prosecutors_office"]
    out: list[tuple[str, int, int, tuple[int, int]]] = []
    for o in offices:
        office = entities[o]
        in_heading = office.end <= heading_end
        caption_rows = [s for s in sentences if s.table_row and office.start < s.span[0]
                        and s.tables.at(entities[s.members[0]].start) is not None
                        and text[office.start : office.end] in s.tables.at(entities[s.members[0]].start).caption]
        if o in aliases or (not in_heading and not caption_rows):
            continue
        line = text[text.rfind("\n", 0, office.start) + 1 : (text.find("\n", office.end) + 1 or len(text) + 1) - 1]
        # people the sentences already tied to an office stay as they are
        done: set[tuple[str, str]] = {(t, str(entities[h].attrs.get("of", entities[h].norm))) for t, h, _ in seen}
        # sentences that say it first, then (for a heading that says it) sentences presenting a defendant
        for s, weak in [(s, False) for s in sentences] + [(s, True) for s in sentences]:
            if s.span[0] < office.end:
                continue
            body = text[s.span[0] : s.span[1]]
            if any(entities[i].label == "ORG" and entities[i].attrs.get("kind") == "prosecutors_office" for i in s.members):
                continue  # a sentence naming its own office speaks for itself
            for rel_type, cue in (("INDICTED_BY", _HEADING_INDICT), ("REFERRED_TO", _HEADING_REFER)):
                if weak:  # only the defendants a label presents (被告X), not the broker named beside them
                    said = in_heading and cue.search(line) and _LABELLED_SUSPECT.search(body)
                else:
                    said = cue.search(s.context if s.table_row else body)
                if not said:
                    continue
                for i in s.members:
                    e = entities[i]
                    if e.label != "PERSON" or i in aliases or roles.get(i) not in ("suspect", "recruiter"):
                        continue
                    if weak and not _LABELLED_SUSPECT.search(text, max(0, e.start - 12), e.start):
                        continue
                    key = str(e.attrs.get("of", e.norm))
                    if (rel_type, key) in done or any(k[0] == rel_type and k[1] == i for k in seen):
                        continue
                    done.add((rel_type, key))
                    out.append((rel_type, i, o, s.span))
    return out


_LABELLED_SUSPECT = re.compile(r"被告|(?i:defendant)")




_CLAUSE_END = re.compile(r"[，,；;。]")


def _person_key(e: Found) -> str:
    return str(e.attrs.get("of", e.norm))
_AGENTLESS = re.compile(r"(?:被|遭)$")
# 甲…夥同乙: co-offenders named apart
_SENTENCE_BREAK = re.compile(r"[。；;\n]")
_ACCOMPLICE = re.compile(r"(?:夥同|偕同|(?i:together with|along with|and (?:his|her) accomplice))\s*$")


def _doers_of(text: str, entities: list[Found], doers: list[int], cue: int) -> list[int]:
    """Of several doers in a sentence, the one named last before the verb (with those listed
    with them): 侯○翰…吸引被害人應徵，再由甘 O 琳代訂機票 recruits by 侯○翰 alone."""
    before = sorted((i for i in doers if entities[i].end <= cue), key=lambda i: entities[i].start)
    if len(doers) < 2 or not before:
        return doers
    group = [before[-1]]
    for i in reversed(before[:-1]):
        gap = text[entities[i].end : entities[group[0]].start]
        if _LIST_JOIN.match(gap) or _ACCOMPLICE.search(gap):
            group.insert(0, i)
        else:
            break
    return group


_GROUP_OF_VICTIMS = re.compile(r"[二兩三四五六七八九十]人|渠等|(?i:\b(?:both|the two|the three|the victims)\b)")
_ESCORTED = re.compile(r"陪同|帶同|帶領|一起|一同|同行|(?i:escorted|accompanied|together|with)")


def _travellers(text: str, entities: list[Found], people: list[int], victims: list[int], flight: Found,
                earlier: Any) -> list[int]:
    """Who took a flight: the people of its clause (with the victims they escorted); a clause
    that names no one (二人遂於…搭乘, 於…搭乘) is about the victims of the sentence, or of the
    sentence before."""
    clause, bounds = _clause_people(text, entities, people, flight)
    if not clause and _GROUP_OF_VICTIMS.search(text, bounds[0], bounds[1]):
        # 安排二人於 11 月 9 日搭乘 VJ 943: the two spoken of are the victims
        group = victims or earlier(("victim",))
        if group:
            return group
    if not clause and bounds[0] > 0:
        # 戴 O 宇則堅持出國，仍搭乘 BR265 離境: a clause without a subject continues the one before
        prev_start = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, bounds[0] - 120), bounds[0] - 1)),
                         default=max(0, bounds[0] - 120))
        sentence_start = max((p for p in (text.rfind(c, 0, bounds[0]) for c in "。；\n") if p >= 0), default=-1) + 1
        before = [p for p in people if max(prev_start, sentence_start) <= entities[p].start and entities[p].end <= bounds[0]]
        if before and not _ESCORTED.search(text, prev_start, bounds[0]):
            return before
    if not clause and bounds[0] > 0:
        # 被害人等於…由黃*思陪同，搭乘 BR265: the clause before says who went, and with whom
        prev_start = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, bounds[0] - 120), bounds[0] - 1)),
                         default=max(0, bounds[0] - 120))
        before = [p for p in people if prev_start <= entities[p].start and entities[p].end <= bounds[0]]
        if before and _ESCORTED.search(text, prev_start, bounds[0]):
            clause, bounds = before, (prev_start, bounds[1])
    if clause:
        if _ESCORTED.search(text, bounds[0], bounds[1]):
            # 被害人等於…與高*正一同搭乘: the escort and the victims named before
            companions = victims or earlier(("victim",))
            return sorted(set(clause) | set(companions), key=lambda p: entities[p].start)
        return clause
    if victims:
        return victims
    back = earlier(("victim",))
    if back:
        return back
    return _nearest_group(text, entities, people, flight)


def _clause_people(text: str, entities: list[Found], people: list[int], flight: Found
                              ) -> tuple[list[int], tuple[int, int]]:
    before = text[: flight.start]
    start = max((m.end() for m in _CLAUSE_END.finditer(before, max(0, flight.start - 200))), default=0)
    end_match = _CLAUSE_END.search(text, flight.end)
    end = end_match.start() if end_match else len(text)
    return [p for p in people if start <= entities[p].start and entities[p].end <= end], (start, end)


def _nearest_group(text: str, entities: list[Found], people: list[int], flight: Found) -> list[int]:
    """The nearest person named before a flight in its sentence and those listed with them."""
    earlier = sorted((p for p in people if entities[p].end <= flight.start), key=lambda p: entities[p].start)
    if not earlier:
        return people
    group = [earlier[-1]]
    for p in reversed(earlier[:-1]):
        if _LIST_JOIN.match(text[entities[p].end : entities[group[0]].start]):
            group.insert(0, p)
        else:
            break
    return group


def _aliases(text: str, entities: list[Found]) -> set[int]:
    """People written in brackets right after another person's name: the same person again."""
    out = set()
    for i in range(1, len(entities)):
        a, b = entities[i - 1], entities[i]
        if a.label == b.label and a.label in ("PERSON", "ORG") and _BRACKET_GAP.match(text[a.end : b.start]):
            out.add(i)
    return out


# 石員原護照號碼, 汪女原護照: a surname and 員/女/男 stand for the person named in full before
_SHORT_REFERENCE = re.compile(r"([\u4e00-\u9fff])(?:員|女|男|嫌)(?=[^\u4e00-\u9fff]|原|之|的|所|護照|聯絡|電話|手機|帳|以|持|返|現)")
# 他的護照號碼是, 我兒子的護照, her passport: the person the pronoun stands for
_POSSESSIVE = re.compile(r"(?:他|她|其|我(?:的)?(?:兒子|女兒|弟弟|妹妹|哥哥|姊姊|姐姐|先生|太太|孫子|孫女|外孫女|外孫)|"
                         r"(?i:\b(?:his|her|their|he|she|my (?:son|daughter|brother|sister|husband|wife|child)['’]s)\b))"
                         r"[^。；，,\n]{0,12}$")


_SHORT_SUBJECT = re.compile(r"([\u4e00-\u9fff])(?:員|女|男|嫌)(?!工|警|子|性|士|生|孩|童|裝|兒|眷)")


def _short_referents(text: str, entities: list[Found], span: tuple[int, int], index: "_PersonIndex") -> list[int]:
    """People a sentence names by surname only (戴員家屬來電, 護照遭簡女收走): for each such
    reference the last person named before the sentence whose name starts with that surname."""
    found: list[int] = []
    for m in _SHORT_SUBJECT.finditer(text, span[0], span[1]):
        if index.inside_entity(m.start()):
            continue
        named = index.last_with_surname(m.group(1), span[0])
        if named is not None and named not in found:
            found.append(named)
    return found


class _PersonIndex:
    """The people of a document (aliases left out) in text order, for look-ups by position and
    surname in logarithmic time (a 5 MB case file names thousands)."""

    def __init__(self, entities: list[Found], aliases: set[int]) -> None:
        self.entities = entities
        self.ids = [i for i, e in enumerate(entities) if e.label == "PERSON" and i not in aliases]
        self.starts = [entities[i].start for i in self.ids]
        self.ends = [entities[i].end for i in self.ids]
        self.entity_starts = [e.start for e in entities]
        self.by_surname: dict[str, list[int]] = {}
        for i in self.ids:
            self.by_surname.setdefault(entities[i].norm[:1], []).append(i)
        self.surname_ends = {k: [entities[i].end for i in v] for k, v in self.by_surname.items()}
        orgs = [i for i, e in enumerate(entities) if e.label == "ORG"]
        self.orgs, self.org_ends = orgs, [entities[i].end for i in orgs]

    def inside_entity(self, pos: int) -> bool:
        k = bisect_right(self.entity_starts, pos) - 1
        return k >= 0 and self.entities[k].start <= pos < self.entities[k].end

    def count_before(self, pos: int) -> int:
        """How many people end at or before ``pos`` (they are ``ids[:n]``)."""
        return bisect_right(self.ends, pos)

    def last_with_surname(self, surname: str, pos: int) -> int | None:
        ends = self.surname_ends.get(surname)
        if not ends:
            return None
        k = bisect_right(ends, pos)
        return self.by_surname[surname][k - 1] if k else None

    def between(self, start: int, end: int) -> list[int]:
        """People wholly inside ``[start, end)``."""
        return self.ids[bisect_left(self.starts, start) : bisect_right(self.ends, end)]

    def last_org_before(self, pos: int, within: int, exclude_kinds: tuple[str, ...]) -> int | None:
        k = bisect_right(self.org_ends, pos)
        while k > 0 and pos - self.org_ends[k - 1] <= within:
            i = self.orgs[k - 1]
            if self.entities[i].attrs.get("kind") not in exclude_kinds:
                return i
            k -= 1
        return None


def _referred_owner(text: str, entities: list[Found], roles: dict[int, str], sentence_start: int, identifier: Found,
                    people: list[int], index: _PersonIndex, split: Sentences) -> int | None:
    """The owner a short reference or a possessive right before an identifier points to, when no
    one is named between them: the last person named before with that surname, or (for a
    pronoun) the last victim named before, for a passport, else the last person named."""
    clause_start = max(sentence_start, identifier.start - 24)
    if any(clause_start <= entities[p].start < identifier.start for p in people):
        return None
    lead = text[clause_start : identifier.start]
    n_before = index.count_before(clause_start)
    short = list(_SHORT_REFERENCE.finditer(lead))
    if short:
        return index.last_with_surname(short[-1].group(1), clause_start)
    pronoun = _POSSESSIVE.search(lead) or _SUBJECT_PRONOUN.search(lead)
    if pronoun:
        # 魏子傑則向買方收取…，款項匯入其帳戶: someone named earlier in the sentence
        in_sentence = index.between(sentence_start, identifier.start)
        if in_sentence:
            return in_sentence[-1]
        if not n_before:
            return None
        last = index.ids[n_before - 1]
        # He used the LINE ID x: the subject of the sentence before
        if _SUBJECT_PRONOUN.match(pronoun.group()):
            start = split.bounds(entities[last].start)[0]
            return index.between(start, entities[last].end)[0]
        # 他的護照, 我弟弟的號碼: in a report about a victim, the pronoun is most often the victim
        for k in range(n_before - 1, max(-1, n_before - 200), -1):
            if roles.get(index.ids[k]) == "victim":
                return index.ids[k]
        return last
    return None


_SUBJECT_PRONOUN = re.compile(r"(?i)\b(?:he|she)\b(?=[^.;\n]{0,30}$)")


def _row_owner(tables: Tables, entities: list[Found], people: list[int], roles: dict[int, str],
               identifier: Found) -> int:
    """Whose identifier a table row holds: the person written in its cell (阿凱，LINE kai_kh_job),
    else the row's victim, else its first person (the one the row is about)."""
    cell = tables.at(identifier.start)
    if cell is not None:
        same = [p for p in people if cell.start <= entities[p].start < cell.end]
        if same:
            return same[0]
    victims = [p for p in people if roles.get(p) == "victim"]
    return min(victims or people, key=lambda p: entities[p].start)


def _owner(entities: list[Found], people: list[int], identifier: Found) -> int | None:
    if not people:
        return None
    before = [p for p in people if entities[p].end <= identifier.start]
    return before[-1] if before else min(people, key=lambda p: entities[p].start - identifier.end)


def _most_specific(entities: list[Found], places: list[int], text: str, sentence: _Sentence) -> int:
    """The place a victim was held: in a table the cell under a rescue or place header; else the
    last city, district or compound named, or the last country when only countries are."""
    if sentence.table_row:
        for i in places:
            header = _column_header(sentence.tables, entities[i])
            if _TABLE_RESCUE.search(header) or _TABLE_EXPLOIT.search(header):
                return _city_after(entities, places, i)
    # 飛抵曼谷，再經清萊陸路入寮; via Bangkok: a place passed through is not where they were held
    held = [i for i in places if not _PASSED_THROUGH.search(text, max(0, entities[i].start - 12), entities[i].start)] or places
    specific = [i for i in held if entities[i].attrs.get("kind") not in ("country", "region", "sea")]
    return (specific or held)[-1]


_PASSED_THROUGH = re.compile(r"(?:(?<![已曾歷])經|途經|轉機|過境|取道|(?i:via|transiting|through))\s*$")


_FROM_PLACE = re.compile(r"(?:自|從|由|(?i:\bfrom(?:\s+an?\s+[\w -]{1,30}?\s+in)?))\s*$")
_TO_PLACE = re.compile(r"(?:轉往|轉至|轉賣到|轉賣至|送往|帶往|帶到|送進|送入|賣到|賣至|押往|押到|"
                       r"(?i:\b(?:taken|sent|sold|brought|moved|transferred|trafficked)\s+(?:\w+\s+){0,2}?(?:to|into)))"
                       r"\s*(?:[\u4e00-\u9fff]{2,4}\s*)?$")
_TOGETHER = re.compile(r"一起|一同|同行|陪同|(?i:together|along with|accompanied)")


def _rescued_from(entities: list[Found], places: list[int], text: str, sentence: _Sentence, cue: int) -> int | None:
    """Where a victim was rescued from: the place after 自/從/from, else the first named after
    the cue (escaped from a compound in Sihanoukville), else the one nearest before it."""
    if sentence.table_row:
        return _most_specific(entities, places, text, sentence)
    marked = [i for i in places if _FROM_PLACE.search(text, max(0, entities[i].start - 40), entities[i].start)]
    if marked:
        return _city_after(entities, places, marked[-1])
    # escaped from a compound in Sihanoukville; not 逃出，向越南警方求助 (a country named after is where help came from)
    after = [i for i in places if cue <= entities[i].start <= cue + 60]
    specific = [i for i in after if entities[i].attrs.get("kind") != "country"]
    if specific:
        return specific[0]
    before = [i for i in places if entities[i].end <= cue]
    if not before and after and cue > 0 and _SOUGHT_HELP.search(text, cue, entities[after[0]].start):
        return None
    return _most_specific(entities, before or places, text, sentence)


# 逃出，向越南警方求助: the country named after is where help came from, not where they were held
_SOUGHT_HELP = re.compile(r"向|(?i:\bto\b)")


def _city_after(entities: list[Found], places: list[int], place: int) -> int:
    """柬埔寨巴域, 緬甸妙瓦底: the city written right after its country stands for the place."""
    if entities[place].attrs.get("kind") == "country" and place + 1 in places:
        if entities[place + 1].start - entities[place].end <= 1:
            return place + 1
    return place


def _destination(text: str, entities: list[Found], places: list[int]) -> int | None:
    """The place victims were sent or taken to (前往柬埔寨西港, to Myawaddy): the most specific
    of the places named right after a word of going."""
    going = [i for i in places if _TO_PLACE.search(text, max(0, entities[i].start - 10), entities[i].start)]
    if not going:
        return None
    return _city_after(entities, places, going[-1])


def _flight_direction(text: str, flight: Found, sentence: _Sentence) -> tuple[bool, bool]:
    """(home, outbound) for a flight: from its column header in a table, else its sentence."""
    if sentence.table_row:
        header = _column_header(sentence.tables, flight)
        if _TABLE_RETURN.search(header):
            return True, False
        if _TABLE_OUTBOUND.search(header):
            return False, True
        return bool(_TABLE_RETURN.search(sentence.context)), bool(_TABLE_OUTBOUND.search(sentence.context))
    body = text[sentence.span[0] : sentence.span[1]]
    return bool(_RETURN.search(body)), False


_OF_UNIT = re.compile(r"^\s*,?\s*(?:of|from|at)\s+(?:the\s+)?$")
# between an organisation and the person it employs: a title or a word for their post
_POST = ("(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + "|"
         r"主任檢察官|檢察官|檢察長|副?處長|副?隊長|副?局長|分局長|(?:移民)?秘書|聯絡官|社工|副?代表|組長|巡官|警員|承辦人|"
         r"業務|負責人|專員|主任|科長|所長|調查處長|(?i:officer|secretary|director|contact|caseworker|outreach worker|"
         r"liaison officer|lt\. gen\.|pol\. col\.|deputy director))")
_UNIT_THEN_POST = re.compile(f"^[\\s,，:：(（]*(?:[^。；\\n]{{0,14}}?{_POST})?[\\s,，:：(（]*$")
_BRACKETED_ASIDE = re.compile(r"\s*[（(][^()（）]{0,30}[)）]")
_PERSON_THEN_UNIT = re.compile(r"^\s*(?:係|為|均為|乃|是|任職於|受僱於|[（(]|,|，|of the|of|from the|from|at the|at|"
                               r"以?其?經營(?:之|的)\s*[「『\"“]?|"
                               r"[（(][^()（）,，]{2,30}[,，]|,\s*(?:a|an|the)?\s*[\w ]{2,30}?\s+(?:of|at|with)(?: the)?)\s*$")


def _units_of(text: str, entities: list[Found], members: list[int], person: int) -> list[int]:
    """The organisation a person belongs to: named right before their title or name
    (法務部次長王大同, 婦幼警察隊吳隊長佩珊, 柬國移民總局副局長 Sok Pheakdey), or right after
    their name (Lai Chih-wei of the Criminal Investigation Bureau, 彭○翔係鼎鑫國際貿易有限公司負責人)."""
    p = entities[person]
    orgs = [i for i in members if entities[i].label == "ORG" and entities[i].attrs.get("kind") != "prosecutors_office"
            or entities[i].label == "ORG" and entities[i].end <= p.start]
    before = [i for i in orgs if 0 <= p.start - entities[i].end <= 24
              and _UNIT_THEN_POST.match(text[entities[i].end : p.start])
              and not any(entities[j].label == "PERSON" and entities[i].end <= entities[j].start < p.start for j in members)]
    after = [i for i in orgs if entities[i].start >= p.end and entities[i].start - p.end <= 40
             and _PERSON_THEN_UNIT.match(_BRACKETED_ASIDE.sub("", text[p.end : entities[i].start]))]
    return before[-1:] + after[:1]
