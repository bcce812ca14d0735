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

from nlp.found import Found
from nlp.text import fold

__all__ = ["Place", "gazetteer", "find_places", "place_words"]


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    country: str
    iata: str | None


@cache
def gazetteer() -> tuple[dict[str, Place], re.Pattern[str], re.Pattern[str]]:
    """Surface form (folded, lower-cased for English) -> place, and the two matchers."""
    forms: dict[str, Place] = {}
    zh: list[str] = []
    en: list[str] = []
    text = resources.files("nlp").joinpath("data/places.jsonl").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        place = Place(rec["name"], rec["kind"], rec["country"], rec.get("iata"))
        for form in rec.get("zh", []):
            forms[fold(form)] = place
            zh.append(fold(form))
        for form in rec.get("en", []) + [rec["name"]]:
            forms[fold(form).lower()] = place
            en.append(fold(form).lower())
    zh_re = re.compile("|".join(re.escape(f) for f in sorted(set(zh), key=len, reverse=True)))
    en_re = re.compile(
        r"(?<![A-Za-z])(?:" + "|".join(re.escape(f) for f in sorted(set(en), key=len, reverse=True)) + r")(?![A-Za-z])",
        re.IGNORECASE,
    )
    return forms, zh_re, en_re


def place_words() -> frozenset[str]:
    """Every capitalised word of the gazetteer's English names (Phnom, Penh, Mae, Sot): never a
    person's name on its own."""
    text = resources.files("nlp").joinpath("data/places.jsonl").read_text(encoding="utf-8")
    words: set[str] = set()
    for line in text.splitlines():
        if line.strip():
            rec = json.loads(line)
            for form in rec.get("en", []) + [rec["name"]]:
                words.update(w for w in re.split(r"[\s-]+", form) if w[:1].isupper())
    return frozenset(words)


def find_places(text: str, folded: str) -> list[Found]:
    """Every gazetteer place in the text; ``folded`` is ``fold(text)``."""
    forms, zh_re, en_re = gazetteer()
    out: list[Found] = []
    for pattern, lower in ((zh_re, False), (en_re, True)):
        for m in pattern.finditer(folded):
            key = m.group().lower() if lower else m.group()
            place = forms.get(key)
            if place is None:
                continue
            attrs = {"country": place.country, "kind": place.kind}
            if place.iata:
                attrs["iata"] = place.iata
            out.append(Found(m.start(), m.end(), "LOC", place.name, "gazetteer.places", 0.95, attrs))
    return out
