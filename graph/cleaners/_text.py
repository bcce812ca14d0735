"""Shared first steps of every cleaner: refuse what is not text, fold what is.

Kept private: the public face of the package is one ``clean`` per identifier kind.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

__all__ = ["prepare", "fold_dashes", "looks_like_date"]

# Dashes seen in Chinese and copy-pasted text; NFKC leaves most of them alone.
_DASHES = re.compile("[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d\u30fc\u2500\u2501]")
_SEPARATED_DATE = re.compile(r"(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})")
_YEAR_MONTH = re.compile(r"(\d{4})([-/.])(\d{1,2})")


def prepare(value: object, max_length: int) -> str | None:
    """The text NFKC-folded, with format characters removed and outer space stripped.

    ``None`` when the value is not a ``str``, is longer than ``max_length`` (checked before
    any work, so a megabyte of junk costs nothing), holds control characters other than
    white space, or is empty once stripped.

    >>> prepare("\uff10\uff19\uff11\uff12\u200b ", 20)
    '0912'
    >>> prepare("ab\\x00c", 20) is None, prepare(b"abc", 20) is None, prepare("x" * 30, 20) is None
    (True, True, True)
    """
    if not isinstance(value, str) or len(value) > max_length:
        return None
    text = unicodedata.normalize("NFKC", value)
    # zero-width spaces, bidi marks, soft hyphens: invisible, and common in pasted numbers
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    if any(unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and not ch.isspace() for ch in text):
        return None
    text = text.strip()
    if not text or len(text) > max_length:
        return None
    return text


def fold_dashes(text: str) -> str:
    """Every dash-like character as an ASCII hyphen.

    >>> fold_dashes("0912\u2014345\u2013678")
    '0912-345-678'
    """
    return _DASHES.sub("-", text)


def looks_like_date(text: str) -> bool:
    """True for calendar dates written with one separator: ``2022-09-05``, ``5/9/2022``, ``111.03.04``, ``2022-09``.

    The ROC form takes a year of one to three digits (``111/3/4`` is 2022-03-04).

    >>> looks_like_date("2022-09-05"), looks_like_date("111/3/4"), looks_like_date("05.09.2022")
    (True, True, True)
    >>> looks_like_date("0912-345-678"), looks_like_date("2022-13-40")
    (False, False)
    """
    m = _SEPARATED_DATE.fullmatch(text)
    if m:
        a, b, c = m.group(1), m.group(3), m.group(4)
        if len(a) == 4 and len(c) <= 2:
            return _real(int(a), int(b), int(c))
        if len(c) == 4 and len(a) <= 2:
            # day-month-year or month-day-year: either reading makes it a date
            return _real(int(c), int(b), int(a)) or _real(int(c), int(a), int(b))
        if len(a) <= 3 and len(c) <= 2:
            return _real(int(a) + 1911, int(b), int(c))
        return False
    m = _YEAR_MONTH.fullmatch(text)
    return bool(m) and 1900 <= int(m.group(1)) <= 2100 and 1 <= int(m.group(3)) <= 12


def _real(year: int, month: int, day: int) -> bool:
    if not 1900 <= year <= 2100:
        return False
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
