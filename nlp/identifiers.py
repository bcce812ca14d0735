"""Identifiers in running text: PHONE, EMAIL, PASSPORT, ACCOUNT, HANDLE.

Finding candidates is this module's work; deciding whether a candidate is valid, and its
normal form, is the cleaners' (``graph.cleaners``), which ingest uses for registers too.
Passports, accounts and handles look like many other things, so they are taken only next to
a word that says what they are (``護照``, ``passport``, ``帳號``, ``LINE``, ``Telegram`` ...).
"""

from __future__ import annotations

import re

from graph.cleaners import account, email, handle, passport, phone
from nlp.found import Found

__all__ = ["find_identifiers"]

_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\d{1,3}[\s\-.]?(?:\(\d{1,4}\)[\s\-.]?)?\d[\d\s\-.]{5,14}\d"
    r"|\(\+?\d{1,3}\)\s?\d[\d\s\-.]{5,14}\d"
    r"|0\d{1,3}[\-\s]?\d{3,4}[\-\s]?\d{3,4})(?![\w])"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?![\w-])")
_PASSPORT_CUE = re.compile(r"(?:護照(?:號碼|號)?|passport(?:\s+(?:no\.?|number|#))?)\s*[:：#]?\s*([A-Za-z0-9][A-Za-z0-9\-\s]{4,11}[A-Za-z0-9])", re.IGNORECASE)
_ACCOUNT_CUE = re.compile(
    r"(?:(?:銀行)?帳(?:號|戶)(?:號碼)?|匯款帳號|人頭帳戶|(?:bank\s+)?account(?:\s+(?:no\.?|number|#))?)\s*[:：#]?\s*"
    r"((?:\(?\d{3}\)?[\s\-])?\d[\d\s\-]{6,26}\d)",
    re.IGNORECASE,
)
_HANDLE = re.compile(
    r"(?:(?P<platform>LINE(?:\s*ID)?|Line\s*ID|Telegram|TG|WeChat|微信(?:號|帳號)?|FB|Facebook|臉書|Instagram|IG)"
    r"\s*(?:帳號|ID|id)?\s*[:：]?\s*@?(?P<name>[A-Za-z0-9_.\-]{3,40}))"
    r"|(?:t\.me/(?P<tme>[A-Za-z0-9_]{3,40}))"
    r"|(?:facebook\.com/(?P<fb>[A-Za-z0-9_.\-]{3,60}))",
)
_TRAILING = re.compile(r"[\s\-]+$")


def _identifier(start: int, end: int, label: str, norm: str, attrs: dict[str, str] | None = None) -> Found:
    return Found(start, end, label, norm, f"rules.identifiers.{label.lower()}", 0.95, attrs or {})


def find_identifiers(text: str, folded: str, *, country_hint: str | None = "TW") -> list[Found]:
    """Phones (E.164), e-mails, passports, accounts and chat handles; ``folded`` is ``fold(text)``."""
    out: list[Found] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for m in _EMAIL.finditer(folded):
        norm = email.clean(m.group())
        if norm:
            out.append(_identifier(m.start(), m.end(), "EMAIL", norm))
            taken.append((m.start(), m.end()))
    for m in _PASSPORT_CUE.finditer(folded):
        raw = _TRAILING.sub("", m.group(1))
        norm = passport.clean(raw)
        if norm:
            out.append(_identifier(m.start(1), m.start(1) + len(raw), "PASSPORT", norm))
            taken.append((m.start(1), m.start(1) + len(raw)))
    for m in _ACCOUNT_CUE.finditer(folded):
        raw = _TRAILING.sub("", m.group(1))
        norm = account.clean(raw)
        if norm and free(m.start(1), m.start(1) + len(raw)):
            out.append(_identifier(m.start(1), m.start(1) + len(raw), "ACCOUNT", norm))
            taken.append((m.start(1), m.start(1) + len(raw)))
    for m in _HANDLE.finditer(folded):
        group = "name" if m.group("name") else "tme" if m.group("tme") else "fb"
        start, end = m.start(group), m.end(group)
        parsed = handle.parse(folded[m.start() : m.end()])
        if parsed and free(start, end):
            platform, name = parsed
            out.append(_identifier(start, end, "HANDLE", name, {"platform": platform}))
            taken.append((start, end))
    for m in _PHONE.finditer(folded):
        norm = phone.clean(m.group(), country_hint=country_hint)
        if norm and free(m.start(), m.end()):
            country = phone.country(norm)
            out.append(_identifier(m.start(), m.end(), "PHONE", norm, {"country": country} if country else {}))
    return out
