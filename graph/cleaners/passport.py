"""Passport numbers: upper case, without the spaces and dashes people type into them.

The rules are deliberately loose, because case files name passports of many countries
and a number refused here is a link an investigator never sees:

* in general, six to nine letters or digits, of which at least five are digits
  (``K12345678``, ``AB1234567``, ``312345678``);
* with ``country_hint="TW"``, exactly nine digits, the form of the Republic of China
  passport numbers in our case files; other hints apply the general rule.

These are our acceptance rules, not a statement of any country's numbering. Separated
dates (``2022-09-05``) are refused, since folding their dashes away would make a
plausible number; a bare eight-digit run is kept, as it may be either.

>>> clean("k 1234 5678"), clean("312-345-678", country_hint="TW"), clean("K12345678", country_hint="TW")
('K12345678', '312345678', None)
"""

from __future__ import annotations

import re

from graph.cleaners._text import fold_dashes, looks_like_date, prepare
from graph.values import country as _alpha2

__all__ = ["clean"]

_MAX_INPUT = 40
_GENERAL = re.compile(r"[A-Z0-9]{6,9}")
_MIN_DIGITS = 5
_BY_COUNTRY: dict[str, re.Pattern[str]] = {
    "TW": re.compile(r"\d{9}"),
}
_SEPARATORS = re.compile(r"[\s-]+")


def clean(text: object, *, country_hint: object = None) -> str | None:
    """The passport number in canonical form, or ``None`` when it breaks the rules above.

    Args:
        text: the number as written, possibly with spaces, dashes or full-width characters.
        country_hint: ISO-3166 alpha-2 code of the issuing country, when known; ``TW``
            tightens the rule to nine digits, unknown codes count as no hint.

    Returns:
        Upper-case letters and digits, or ``None``. Never raises.

    >>> clean("ab-123 4567"), clean("ＡＢ１２３４５６７"), clean("ABCD12"), clean("2022-09-05")
    ('AB1234567', 'AB1234567', None, None)
    """
    written = prepare(text, _MAX_INPUT)
    if written is None:
        return None
    written = fold_dashes(written)
    if looks_like_date(written):
        return None
    number = _SEPARATORS.sub("", written)
    if not number.isascii():  # before upper(): "ß".upper() is "SS"
        return None
    number = number.upper()
    rule = _BY_COUNTRY.get(_alpha2(country_hint) or "", _GENERAL)
    if not rule.fullmatch(number) or sum(ch.isdigit() for ch in number) < _MIN_DIGITS:
        return None
    return number
