"""Identifiers in running text: PHONE, EMAIL, PASSPORT, ACCOUNT, HANDLE.

Finding candidates is this module's work; deciding whether a candidate is valid, and its
normal form, is the cleaners' (``graph.cleaners``), which ingest uses for registers too.
Passports, accounts and handles look like many other things, so they are taken only next to
a word that says what they are (``護照``, ``passport``, ``帳號``, ``LINE``, ``Telegram`` ...).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from graph.cleaners import account, email, handle, passport, phone
from nlp.found import Found
from nlp.tables import Cell, table_cells

__all__ = ["find_identifiers"]

_PHONE = re.compile(
    r"(?<![0-9A-Za-z_+])(?:(?:\+|00)\d{1,3}[\s\-.]?(?:\(\d{1,4}\)[\s\-.]?)?\d[\d\s\-.]{5,14}\d"
    r"|\(\+?\d{1,3}\)\s?\d[\d\s\-.]{5,14}\d"
    r"|0\d{1,3}[\-\s]?\d{3,4}[\-\s]?\d{3,4})(?![0-9A-Za-z_])"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?![\w-])")
_PASSPORT_CUE = re.compile(
    r"(?:護照(?:號碼|號|字號)?(?:分別)?(?:為|是)?|(?:passports?|PP)(?:,?\s*(?:no\.?|nos\.?|numbers?|#))?(?:\s+(?:are|is|was|were))?)"
    r"\s*[,:：#]?\s*(?:(?:no\.?|number)\s*)?"
    r"([A-Za-z0-9][A-Za-z0-9\-\s]{4,11}[A-Za-z0-9])",
    re.IGNORECASE,
)
# 護照號碼分別為 A、B 及 C; passports 300…, 300… and 300…: the rest of a list after the first
_PASSPORT_NEXT = re.compile(r"\s*(?:、|，|,|;|；|及|與|和|and|&)\s*(?:(?:passport|護照)\s*)?([A-Za-z]{0,2}\d{6,9}[A-Za-z]?)(?![\w-])",
                            re.IGNORECASE)
# 護照號碼我們有拍照，是 X; Passport no. of Ms Lin: X: the number a few words after the cue
_PASSPORT_LOOSE = re.compile(r"(?:護照|旅行文件|(?i:passports?|travel documents?))[^。；;\n\d]{0,30}?"
                             r"(?<![\w-])([A-Za-z]{0,2}\d{7,9}[A-Za-z]?|[A-Z]{1,3}-\d{2,6}(?:-\d{2,6})+)(?![\w-])")
_ACCOUNT_CUE = re.compile(
    r"(?:(?:銀行)?帳(?:號|戶)(?:號碼)?(?:是|為)?|匯款帳號|人頭帳戶|戶頭|匯到|匯入|匯至|匯款至|轉帳至|轉入|"
    r"(?:bank\s+)?(?:account|acct\.?|wallet)(?:\s+(?:no\.?|number|#))?(?:\s+at\s+[A-Z][A-Za-z]*)?)\s*[:：#,]?\s*"
    r"((?:\(?\d{3,4}\)?[\s\-])?\d[\d\s\-]{6,26}\d)",
    re.IGNORECASE,
)
_HANDLE = re.compile(
    r"(?:(?P<platform>LINE(?:\s*ID)?|Line\s*ID|Telegram|TG|WeChat|微信(?:號|帳號)?|FB|Facebook|臉書|Instagram|IG|"
    r"TikTok|抖音|Zalo|LinkedIn|WhatsApp|Viber|Signal)"
    r"\s*(?P<cue>[（(]?\s*(?:帳號|ID|id|handle|account|username|user\s*name|name|群組|頻道|group|channel)?\s*"
    r"(?:是|為|:|：|\bis\b|\bas\b|\bwas\b)?\s*[「『\"“]?@?)"
    r"(?P<name>(?!t\.me/)[A-Za-z0-9_.\-]{3,40}(?<![.\-]))(?![/0-9A-Za-z_@]))"
    r"|(?:t\.me/(?P<tme>[A-Za-z0-9_]{3,40}))"
    r"|(?:facebook\.com/(?P<fb>[A-Za-z0-9_.\-]{3,60}))",
)
# 他的帳號是 bo_yu_0314: a handle named by 帳號/ID alone, on the platform named earlier in the sentence
_ACCOUNT_NAME = re.compile(r"(?:帳號|ID|id|handle|username|[「『])\s*(?:是|為|:|：|\bis\b)?\s*@?"
                           r"(?P<name>(?=[A-Za-z0-9_.]*[A-Za-z])(?=[A-Za-z0-9_.]*[_\d])[A-Za-z][A-Za-z0-9_.]{2,39}(?<!\.))(?![0-9A-Za-z_@]|\.[0-9A-Za-z_])")
# words that follow a platform's name and are not a handle (a Telegram channel, LINE groups)
_NOT_HANDLES = frozenset("group groups channel channels chat chats account accounts app call calls message messages "
                         "post posts page pages ad ads id handle user users number contact contacts link".split())
_PLATFORM_WORD = re.compile(r"LINE|Line|Telegram|TG|WeChat|微信|FB|Facebook|臉書|Instagram|IG|飛機|紙飛機|TikTok|抖音|Zalo|LinkedIn")
_PLATFORM_SUFFIX = re.compile(r"\s*(?:ID|號|帳號)$", re.IGNORECASE)


def _platform_of(named: str) -> str:
    """The platform a handle cue names: ``LINE ID`` and ``微信帳號`` are LINE and WeChat."""
    return handle.platform(_PLATFORM_SUFFIX.sub("", named)) or "Other"

# what a table column holds, by its header
_COLUMN_LABELS = [
    (re.compile(r"護照|旅行文件|入國證明|(?i:passport|travel doc)"), "PASSPORT"),
    (re.compile(r"LINE|Line|Telegram|WeChat|微信|臉書|Facebook|(?i:handle)"), "HANDLE"),
    (re.compile(r"帳戶|帳號|(?i:account)"), "ACCOUNT"),
    (re.compile(r"電話|手機|門號|(?i:phone|mobile|contact|tel)"), "PHONE"),
]
_TRAILING = re.compile(r"[\s\-]+$")


def _identifier(start: int, end: int, label: str, norm: str, attrs: dict[str, str] | None = None) -> Found:
    return Found(start, end, label, norm, f"rules.identifiers.{label.lower()}", 0.95, attrs or {})


# a travel document or emergency passport issued abroad: letters and dashed digits (TD-2209-0147),
# longer than a passport number; kept only where a cue or a column says what it is
_TRAVEL_DOCUMENT = re.compile(r"[A-Z]{1,3}-\d{2,6}(?:-\d{2,6})+")


def _document_number(text: str) -> str | None:
    """A passport number (``graph.cleaners.passport``), else a travel document's number, upper case
    without dashes."""
    norm = passport.clean(text)
    if norm is None and _TRAVEL_DOCUMENT.fullmatch(text.strip()) and len(text.strip()) <= 16:
        norm = text.strip().replace("-", "").upper()
    return norm


def _table_identifier(cell: Cell, country_hint: str | None) -> Found | None:
    """A table cell's identifier, of the kind its column's header names."""
    label = next((label for pattern, label in _COLUMN_LABELS if pattern.search(cell.header)), None)
    if label == "PASSPORT" and (norm := _document_number(cell.text)):
        return _identifier(cell.start, cell.end, "PASSPORT", norm)
    if label == "HANDLE":
        name = cell.text.lstrip("@")
        norm = handle.clean(name, platform=cell.header) or handle.clean(name, platform="Other")
        if norm and re.fullmatch(r"[A-Za-z0-9_.\-]+", name):
            start = cell.end - len(name)
            return _identifier(start, cell.end, "HANDLE", norm, {"platform": handle.platform(cell.header) or "Other"})
    if label == "ACCOUNT" and (norm := account.clean(cell.text)):
        return _identifier(cell.start, cell.end, "ACCOUNT", norm)
    return None


class _Taken:
    """Spans already given to an identifier, kept sorted: is a new span free of them?"""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.spans: list[tuple[int, int]] = []

    def append(self, span: tuple[int, int]) -> None:
        i = bisect_left(self.starts, span[0])
        self.starts.insert(i, span[0])
        self.spans.insert(i, span)

    def free(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, start)
        # the spans starting before (any of them may reach this far: they are few and short) and the next one
        if i < len(self.spans) and self.spans[i][0] < end:
            return False
        j = i - 1
        while j >= 0 and start - self.spans[j][0] <= 64:
            if self.spans[j][1] > start:
                return False
            j -= 1
        return True


def find_identifiers(text: str, folded: str, *, country_hint: str | None = "TW") -> list[Found]:
    """Phones (E.164), e-mails, passports, accounts and chat handles; ``folded`` is ``fold(text)``."""
    out: list[Found] = []
    taken = _Taken()
    free = taken.free

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
            end = m.start(1) + len(raw)
            while (more := _PASSPORT_NEXT.match(folded, end)) and (extra := passport.clean(more.group(1))):
                out.append(_identifier(more.start(1), more.end(1), "PASSPORT", extra))
                taken.append((more.start(1), more.end(1)))
                end = more.end(1)
    for m in _PASSPORT_LOOSE.finditer(folded):
        norm = _document_number(m.group(1))
        if norm and free(m.start(1), m.end(1)):
            out.append(_identifier(m.start(1), m.end(1), "PASSPORT", norm))
            taken.append((m.start(1), m.end(1)))
    for m in _ACCOUNT_CUE.finditer(folded):
        raw = _TRAILING.sub("", m.group(1))
        norm = account.clean(raw)
        if norm and free(m.start(1), m.start(1) + len(raw)):
            out.append(_identifier(m.start(1), m.start(1) + len(raw), "ACCOUNT", norm))
            taken.append((m.start(1), m.start(1) + len(raw)))
    for m in _HANDLE.finditer(folded):
        group = "name" if m.group("name") else "tme" if m.group("tme") else "fb"
        start, end = m.start(group), m.end(group)
        if group == "name":
            plain_word = m.group("name").isalpha() and not m.group("cue").strip()
            if m.group("name").lower() in _NOT_HANDLES or plain_word or _PLATFORM_WORD.fullmatch(m.group("name")):
                continue  # "a Facebook friend", "WeChat video", 微信（WeChat）: a word, not a handle
            name = handle.clean(m.group("name"), platform=m.group("platform"))
            parsed = (_platform_of(m.group("platform")), name) if name else None
        else:
            parsed = handle.parse(folded[m.start() : m.end()])
        if parsed and free(start, end):
            platform, name = parsed
            out.append(_identifier(start, end, "HANDLE", name, {"platform": platform}))
            taken.append((start, end))
    for m in _ACCOUNT_NAME.finditer(folded):
        start, end = m.start("name"), m.end("name")
        sentence_start = max(folded.rfind(ch, 0, start) for ch in "。！？\n") + 1
        platforms = list(_PLATFORM_WORD.finditer(folded, sentence_start, m.start()))
        if platforms and free(start, end):
            norm = handle.clean(m.group("name"), platform=platforms[-1].group())
            if norm:
                out.append(_identifier(start, end, "HANDLE", norm, {"platform": handle.platform(platforms[-1].group())
                                                                   or "Other"}))
                taken.append((start, end))
    for cell in table_cells(folded):
        if not free(cell.start, cell.end):
            continue
        found = _table_identifier(cell, country_hint)
        if found:
            out.append(found)
            taken.append((cell.start, cell.end))
    for m in _PHONE.finditer(folded):
        norm = phone.clean(m.group(), country_hint=country_hint)
        if norm and free(m.start(), m.end()):
            country = phone.country(norm)
            out.append(_identifier(m.start(), m.end(), "PHONE", norm, {"country": country} if country else {}))
    return out
