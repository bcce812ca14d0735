"""Search keys for names: what makes name search fast on Neo4j and on the local server alike.

Neither full-text indexes (absent on the local server) nor ``CONTAINS`` scans (about 100 ms
on 100k nodes) are used. Instead each name is turned into a few normalised keys, stored as
``NameKey`` nodes under a uniqueness constraint, and a search is an index-backed
``STARTS WITH`` over them. Keys make a prefix of any part of a name findable:

* Chinese names: every suffix of two or more characters (``陳偉廷``, ``偉廷``), so the
  given name alone finds it;
* Latin names: every rotation of the tokens (``chenweiting``, ``weitingchen``,
  ``tingchenwei``), so a prefix of any token, in either order, finds it;
* masked names: the mask is one canonical character (``陳○明`` for ``陳〇明``, ``陳Ｏ明``,
  ``陳*明``, ``陳 O 明``), and a query for a full three-character name also asks for its
  masked form, so a masked mention is offered as a possible match (never merged).

>>> name_keys("Wei-Ting CHEN")
['weitingchen', 'tingchenwei', 'chenweiting']
>>> name_keys("陳〇明")
['陳○明', '○明']
>>> query_keys("陳偉明")
['陳偉明', '陳○明']
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalise", "name_keys", "query_keys", "MASK", "is_masked"]

MASK = "○"
_MASKS = "○〇◯Ｏ*＊●Ｘ"
_HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "madam"}
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RUN = re.compile(f"[{_CJK}{MASK}]+")
_LATIN_TOKEN = re.compile(r"[0-9a-z]+")
_MAX_SUFFIX_CHARS = 16
_MAX_TOKENS = 4


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("台", "臺")
    # masks written as a letter O or X between two CJK characters, with or without spaces
    text = re.sub(f"(?<=[{_CJK}])\\s*[OoXx〇○◯Ｏ*＊●]\\s*(?=[{_CJK}])", MASK, text)
    return "".join(MASK if ch in _MASKS else ch for ch in text).casefold()


def normalise(name: str) -> str:
    """The name folded for comparison: NFKC, case-folded, 台 as 臺, one mask character, no spaces."""
    folded = _fold(name)
    tokens = [t for t in _LATIN_TOKEN.findall(folded) if t not in _HONORIFICS]
    cjk = "".join(_CJK_RUN.findall(folded))
    return cjk + "".join(tokens)


def is_masked(name: str) -> bool:
    """True when the name hides characters (``陳○明``); such names are never merged on the name alone."""
    return MASK in _fold(name)


def name_keys(name: str) -> list[str]:
    """The search keys of one name, without duplicates; few, since each is a write.

    Chinese runs give their suffixes of two or more characters (the given name alone finds
    the name); Latin tokens give every rotation (any token first, then the rest in order),
    so a prefix of any token, in either name order, finds it; a string of several parts with
    digits (a case number) also gives its compact whole form.
    """
    folded = _fold(name)
    keys: list[str] = []
    for run in _CJK_RUN.findall(folded):
        run = run[:_MAX_SUFFIX_CHARS]
        keys.extend(run[i:] for i in range(max(1, len(run) - 1)))
        if len(run) == 2:
            keys.append(run[1])
    tokens = [t for t in _LATIN_TOKEN.findall(folded) if t not in _HONORIFICS][:_MAX_TOKENS]
    keys.extend("".join(tokens[i:] + tokens[:i]) for i in range(len(tokens)))
    compact = _compact(folded)
    if compact not in keys and any(ch.isdigit() for ch in compact) and len(tokens) + len(_CJK_RUN.findall(folded)) > 1:
        keys.append(compact)
    seen: set[str] = set()
    return [k for k in keys if k and not (k in seen or seen.add(k))]


def _compact(folded: str) -> str:
    return re.sub(r"[\s\-_/.,()（）\[\]]+", "", folded)


def query_keys(query: str) -> list[str]:
    """The prefixes to look up for a search box entry: its normal form, and the masked form of a full Chinese name."""
    norm = normalise(query)
    if not norm:
        return []
    keys = [norm]
    compact = _compact(_fold(query))
    if compact and compact not in keys:
        keys.append(compact)
    if len(norm) == 3 and MASK not in norm and re.fullmatch(f"[{_CJK}]{{3}}", norm):
        keys.append(norm[0] + MASK + norm[2])
    return keys
