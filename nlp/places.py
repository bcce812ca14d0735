"""Places (LOC): countries, cities, compounds and airports from the gazetteer, with their country.

The gazetteer (``nlp/data/places.jsonl``) lists each place once with its Chinese and English
forms; ``norm`` is the canonical English name and ``country`` its ISO-3166 alpha-2 code.
Chinese forms match anywhere (Chinese has no spaces); English forms match whole words,
case-insensitively. The longest form wins (``金邊國際機場`` over ``金邊``).

>>> [(f.norm, f.attrs["country"]) for f in find_places("被害人自西港逃至金邊", "被害人自西港逃至金邊")]
[('Sihanoukville', 'KH'), ('Phnom Penh', 'KH')]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from nlp.found import Found
from nlp.text import ascii_lower, fold, has_cjk, has_latin

__all__ = ["Place", "gazetteer", "find_places", "place_words"]


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    country: str | None  # None for seas and regions that no one country holds
    iata: str | None


@cache
def _records() -> tuple[dict[str, Any], ...]:
    """The gazetteer file's records, read once."""
    text = resources.files("nlp").joinpath("data/places.jsonl").read_text(encoding="utf-8")
    return tuple(json.loads(line) for line in text.splitlines() if line.strip())


@cache
def gazetteer() -> tuple[dict[str, Place], re.Pattern[str], re.Pattern[str], dict[str, Place]]:
    """Surface form (folded, lower-cased for English) -> place, the two matchers, and airport codes."""
    forms: dict[str, Place] = {}
    codes: dict[str, Place] = {}
    zh: list[str] = []
    en: list[str] = []
    for rec in _records():
        place = Place(rec["name"], rec["kind"], rec["country"], rec.get("iata"))
        if place.iata:
            codes[place.iata] = place
        for form in rec.get("zh", []):
            forms[fold(form)] = place
            zh.append(fold(form))
        for form in rec.get("en", []) + [rec["name"]]:
            forms[fold(form).lower()] = place
            en.append(fold(form).lower())
    zh_re = re.compile("|".join(re.escape(f) for f in sorted(set(zh), key=len, reverse=True)))
    en_re = re.compile(  # matched on ascii-lowered text (faster than a case-insensitive pattern)
        r"(?<![a-z])(?:" + "|".join(re.escape(f) for f in sorted(set(en), key=len, reverse=True)) + r")(?![a-z])",
    )
    return forms, zh_re, en_re, codes


_DATELINE = re.compile(r",\s*(?:[A-Z][a-z]+\.?\s+\d|\d)")
_IATA = re.compile(r"(?<![A-Za-z0-9])[A-Z]{3}(?![A-Za-z0-9])")
# 越南籍 (Vietnamese), 阿聯酋航空 (an airline): the country's name, not the place
_NOT_PLACE_AFTER = re.compile(r"籍|航空|語|文(?![化])|人(?![口力員])|門號|號碼|手機")
# a country as an attribute (a Myanmar number, Thai border police) is not a place in the case
_NOT_PLACE_AFTER_EN = re.compile(r"\s+(?:(?:mobile|phone|sim)\s+)?(?:number|phone|sim|border|police|authorities)\b", re.I)
# 其中國人: 其中 (among them), not China
_NOT_PLACE_BEFORE = re.compile(r"其$")
# a named compound: 「金旺園區」, 「亞太新城」園區, "Golden Fortune Compound"
_COMPOUND_ZH = re.compile(r"[「『“\"]\s*([\u4e00-\u9fffA-Za-z0-9]{2,8}?)\s*(園區)?\s*[」』”\"]\s*(園區)?")
_COMPOUND_EN = re.compile(r"(?<![A-Za-z])((?:[A-Z][A-Za-z'-]+\s+){1,3}(?:Compound|Park|Complex))(?![A-Za-z])")
_COMPOUND_NOT = re.compile(r"詐騙|該|此|一個|某|其他|另|科學|工業|(?:^|\s)(?:The|A|An|Scam|Industrial|Science)\b")
# a district, township or town right after a Taiwanese city or county (雲林縣麥寮鄉)
_TW_SUBDIVISION = re.compile(r"[\u4e00-\u9fff]{2}(?:區|鄉|鎮)(?![\u4e00-\u9fff]{0,1}(?:公所|長|民|公))")


def place_words() -> frozenset[str]:
    """Every capitalised word of the gazetteer's English names (Phnom, Penh, Mae, Sot): never a
    person's name on its own."""
    words: set[str] = set()
    for rec in _records():
        for form in rec.get("en", []) + [rec["name"]]:
            words.update(w for w in re.split(r"[\s-]+", form) if w[:1].isupper())
    return frozenset(words)


def find_places(text: str, folded: str) -> list[Found]:
    """Every gazetteer place in the text, airport codes (``TPE``) among them; ``folded`` is ``fold(text)``."""
    forms, zh_re, en_re, codes = gazetteer()
    out: list[Found] = []

    def add(start: int, end: int, place: Place, source: str, confidence: float) -> None:
        attrs = {"kind": place.kind}
        if place.country:
            attrs["country"] = place.country
        if place.iata:
            attrs["iata"] = place.iata
        out.append(Found(start, end, "LOC", place.name, source, confidence, attrs))

    for pattern, lower in ((zh_re, False), (en_re, True)):
        if not (has_latin(folded) if lower else has_cjk(folded)):
            continue
        for m in pattern.finditer(ascii_lower(folded) if lower else folded):
            key = m.group().lower() if lower else m.group()
            place = forms.get(key)
            if place is None or (not lower and (_NOT_PLACE_AFTER.match(folded, m.end())
                                                 or _NOT_PLACE_BEFORE.search(folded, max(0, m.start() - 1), m.start()))):
                continue
            if lower and place.kind == "country" and _NOT_PLACE_AFTER_EN.match(folded, m.end()):
                continue
            if lower and folded[m.start() : m.end()].isupper() and _DATELINE.match(folded, m.end()) and m.start() in (0, folded.rfind("\n", 0, m.start()) + 1):
                continue  # "TAIPEI, March 3" heads a press release: where it was written, not a place in the case
            add(m.start(), m.end(), place, "gazetteer.places", 0.95)
            if not lower and place.country == "TW" and (sub := _TW_SUBDIVISION.match(folded, m.end())):
                out.append(Found(sub.start(), sub.end(), "LOC", sub.group(), "rules.places.tw_subdivision", 0.85,
                                 {"kind": "district", "country": "TW"}))
    for m in _IATA.finditer(folded):
        if (place := codes.get(m.group())) is not None:
            add(m.start(), m.end(), place, "gazetteer.iata", 0.9)
    out.extend(_compounds(folded, out))
    return out


def _compounds(folded: str, places: list[Found]) -> list[Found]:
    """Named compounds the gazetteer does not know (「金旺園區」, "Golden Fortune Compound"),
    in the country of the place named nearest to them (before, or right after in brackets)."""
    found: list[tuple[int, int, str]] = []
    if has_cjk(folded) and "園區" in folded:
        for m in _COMPOUND_ZH.finditer(folded):
            if not (m.group(2) or m.group(3)):
                continue
            end = m.end(2) if m.group(2) else m.end(1)
            found.append((m.start(1), end, folded[m.start(1) : end]))
    if has_latin(folded):
        for m in _COMPOUND_EN.finditer(folded):
            found.append((m.start(1), m.end(1), m.group(1)))
    out = []
    for start, end, name in found:
        if _COMPOUND_NOT.search(name) or any(p.start <= start and end <= p.end for p in places):
            continue
        near = [p for p in places if p.attrs.get("country") and p.attrs.get("kind") != "airport"
                and (0 <= start - p.end <= 200 or 0 <= p.start - end <= 8)]
        attrs: dict[str, Any] = {"kind": "compound"}
        if near:
            nearest = min(near, key=lambda p: start - p.end if p.end <= start else p.start - end)
            attrs["country"] = nearest.attrs["country"]
        out.append(Found(start, end, "LOC", name, "rules.places.compound", 0.8, attrs))
    return out
