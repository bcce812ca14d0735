"""Phone numbers, cleaned to E.164 (``+85512345567``) with Google's ``phonenumbers`` metadata.

A number written without a country code is kept only when ``phonenumbers`` calls it
*valid* for its region (the right length and a range in use), so a year, a date, a
passport number or a scrap of digits is refused rather than turned into a
plausible-looking phone node. A number written with its country code (``+95 9 000 417
263``) needs only the right length for that country: the metadata lags behind new
ranges, and such a number in a case file is a number someone dialled. Numbers written
without a country code (``0912-345-678``) need a ``country_hint``: on its own such a
string could belong to any country, and a wrong guess would link two unrelated cases.

>>> clean("+855 12 345 567"), clean("0912-345-678", country_hint="TW")
('+85512345567', '+886912345678')
>>> country("+85512345567"), mask("+85512345567")
('KH', '+855 ** *** 567')
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

from graph.cleaners._text import fold_dashes, looks_like_date, prepare
from graph.values import COUNTRIES
from graph.values import country as _alpha2

__all__ = ["clean", "country", "mask"]

_MAX_INPUT = 64
_MIN_DIGITS = 7
_MAX_DIGITS = 17  # fifteen for E.164 itself, two more for a written ``00`` prefix
_KEEP_LAST = 3
_HIDDEN = "***"
# Only digits, one leading plus and the punctuation people put between digit groups.
_SHAPE = re.compile(r"\(?\+?[\d\s().\-/]+")
_INTERNATIONAL_00 = re.compile(r"^\(?00(?=[1-9])")
_TEL_URI = re.compile(r"^tel:", re.IGNORECASE)


def clean(text: object, *, country_hint: object = None) -> str | None:
    """The number in E.164, or ``None`` when it is not a valid phone number.

    Args:
        text: a number as written: ``+855 12 345 567``, ``(+855) 12-345-567``,
            ``00855 12345567``, ``０９１２－３４５－６７８``, ``tel:+85512345567``.
            Other letters, dates and years are refused.
        country_hint: ISO-3166 alpha-2 code (any case) of the country the number is
            assumed to be in when it has no ``+``/``00`` prefix. A number with its own
            country code ignores the hint; an unknown hint counts as none.

    Returns:
        ``+`` and up to fifteen digits, or ``None``. Never raises.

    >>> clean("(+855) 12-345-567")
    '+85512345567'
    >>> clean("\uff10\uff19\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18", country_hint="tw")
    '+886912345678'
    >>> clean("0912-345-678") is None, clean("2022-09-05", country_hint="TW") is None
    (True, True)
    """
    prepared = prepare(text, _MAX_INPUT)
    if prepared is None:
        return None
    written = fold_dashes(_TEL_URI.sub("", prepared, count=1))
    if not _SHAPE.fullmatch(written) or looks_like_date(written):
        return None
    digits = sum(ch.isdigit() for ch in written)
    if not _MIN_DIGITS <= digits <= _MAX_DIGITS:
        return None
    # ``00`` is the international prefix in most of the region; phonenumbers would read it
    # with the hint's own dialling rules (Taiwan's are 002, 005, ...) and reject it.
    written = _INTERNATIONAL_00.sub("+", written, count=1)
    region = _alpha2(country_hint)
    if "+" not in written and region is None:
        return None
    number = _parse(written, region)
    if number is None:
        return None
    international = written.lstrip("(").startswith("+")
    if not (phonenumbers.is_valid_number(number) or (international and phonenumbers.is_possible_number(number))):
        return None
    return str(phonenumbers.format_number(number, PhoneNumberFormat.E164))


def country(e164: object) -> str | None:
    """ISO-3166 alpha-2 code of the region the number belongs to; ``None`` for anything else.

    Non-geographic numbers (``+800`` freephone, satellite) have no country.

    >>> country("+886912345678"), country("+66 81 234 5678"), country("+80012345678"), country("hello")
    ('TW', 'TH', None, None)
    """
    number = _parse(clean(e164) or "", None)
    if number is None:
        return None
    region = phonenumbers.region_code_for_number(number)
    return region if region in COUNTRIES else None


def mask(e164: object) -> str:
    """The number for display where it must not be read in full: country code and last three digits.

    Digit groups follow the country's international format; every other digit is a ``*``.
    Anything that is not a valid phone number comes back as ``***``, revealing nothing.

    >>> mask("+85512345567"), mask("+886912345678")
    ('+855 ** *** 567', '+886 *** *** 678')
    >>> mask("not a number")
    '***'
    """
    number = _parse(clean(e164) or "", None)
    if number is None:
        return _HIDDEN
    formatted = str(phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL))
    prefix = f"+{number.country_code}"
    national = formatted[len(prefix) :] if formatted.startswith(prefix) else formatted
    to_hide = sum(ch.isdigit() for ch in national) - _KEEP_LAST
    shown: list[str] = []
    for ch in national:
        if ch.isdigit() and to_hide > 0:
            shown.append("*")
            to_hide -= 1
        else:
            shown.append(ch)
    return prefix + "".join(shown)


def _parse(text: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    if not text:
        return None
    try:
        return phonenumbers.parse(text, region)
    except NumberParseException:
        return None
