"""Bank account numbers: the digits, with the bank's code in front when it was written.

Rules:

* the account is 8 to 20 digits once spaces and dashes are removed;
* a bank code is three digits in brackets (``(822)``) or three digits and a dash at the
  very start (``822-``); it is kept as ``822-`` before the account digits. A number
  grouped as ``123-4567-8901`` therefore reads as bank ``123``: write such accounts
  without the first dash, or with the bank code, to keep them whole;
* anything starting with ``+`` is a phone number, not an account, and so is a string
  starting ``00`` whose remaining digits make a valid international phone number
  (``00855 12 345 567``); other accounts that start with ``00`` are kept;
* separated dates (``2022-09-05``) and anything with letters are refused.

>>> clean("(822) 1234-5678-9012"), clean("822-123456789012"), clean("0123 4567 8901")
('822-123456789012', '822-123456789012', '012345678901')
"""

from __future__ import annotations

import re

from graph.cleaners import phone
from graph.cleaners._text import fold_dashes, looks_like_date, prepare

__all__ = ["clean"]

_MAX_INPUT = 64
_MIN_DIGITS = 8
_MAX_DIGITS = 20
# ASCII digits only: \d would also take other scripts' digits into the key
_BANK_CODE = re.compile(r"^(?:\(([0-9]{3})\)\s*-?\s*|([0-9]{3})\s*-\s*)")
_DIGIT_GROUPS = re.compile(r"[0-9]+(?:[\s-]+[0-9]+)*")


def clean(text: object, *, country_hint: object = None) -> str | None:
    """``digits`` or ``bank-digits``, or ``None`` when the text is not an account number.

    Args:
        text: the number as written; spaces, dashes (including Chinese ones) and
            full-width digits are fine.
        country_hint: accepted so every cleaner takes the same keywords; unused, as
            the rules above do not depend on the bank's country.

    Returns:
        The canonical account, or ``None``. Never raises.

    >>> clean("+855 12 345 567"), clean("00855 12 345 567"), clean("1234567"), clean("12345678")
    (None, None, None, '12345678')
    """
    written = prepare(text, _MAX_INPUT)
    if written is None:
        return None
    written = fold_dashes(written)
    if written.startswith("+") or looks_like_date(written):
        return None
    bank = _BANK_CODE.match(written)
    rest = written[bank.end() :] if bank else written
    if not _DIGIT_GROUPS.fullmatch(rest):
        return None
    digits = re.sub(r"[^0-9]", "", rest)
    if not _MIN_DIGITS <= len(digits) <= _MAX_DIGITS:
        return None
    if bank is None:
        if digits.startswith("00") and phone.clean("+" + digits[2:]) is not None:
            return None
        return digits
    return f"{bank.group(1) or bank.group(2)}-{digits}"
