"""Sentences of a text, split once and looked up by position.

A sentence ends at ``。！？；!?``, a newline, or a full stop before a space, unless the full
stop closes an abbreviation (``Mr.``, ``Sept.``) or an initial. Roles, relations and
indicators are all decided within one sentence; splitting once keeps that linear in the
length of the text.

>>> s = Sentences("He met Mr. Lee in Bangkok. Then he left.")
>>> s.bounds(12), s.bounds(30)
((0, 26), (26, 40))
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = ["Sentences", "sentence_bounds"]

_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "No", "no", "St", "vs", "tel", "Tel", "acct", "Acct", "Pol", "Col", "Gen", "Lt",
                  "Capt", "Sgt", "Insp", "Ma", "Bros", "Jr", "Sr", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
                  "Sept", "Oct", "Nov", "Dec", "Co", "Ltd", "Inc", "approx", "etc")
_END = re.compile(r"[。！？；!?\n]|\.(?=\s|$)")
_WORD_BEFORE = re.compile(r"(\w+)$")
_NOT_ENDS = frozenset(_ABBREVIATIONS)


class Sentences:
    """The sentence boundaries of one text."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.ends = [m.end() for m in _END.finditer(text) if m.group() != "." or _ends_sentence(text, m.start())]

    def bounds(self, position: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``position``; the end includes its end mark."""
        i = bisect_right(self.ends, position)
        start = self.ends[i - 1] if i else 0
        end = self.ends[i] if i < len(self.ends) else self.length
        return start, end


def _ends_sentence(text: str, dot: int) -> bool:
    """A full stop ends a sentence unless it closes an abbreviation (``Mr.``) or an initial (``A.``)."""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if m is None:
        return True
    word = m.group(1)
    return word not in _NOT_ENDS and not (len(word) == 1 and word.isupper())


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """The sentence around ``position`` (splits the text: for many look-ups use ``Sentences``)."""
    return Sentences(text).bounds(position)
