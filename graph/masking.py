"""Masking names and identifiers for outputs that leave the agency (partner exports, published
reports) and for roles that must not read them in full.

Names keep what published Taiwanese texts keep: a Chinese name its surname and last character
(``陳偉明`` becomes ``陳○明``), a Latin name the first letter of each part (``Chen Wei-ting``
becomes ``C*** W**-t***``). Identifiers keep enough to tell two apart by eye: a phone its
country code and last three digits in the country's grouping, a passport or account its last
three characters, an e-mail the first letter and the domain, a handle its first letter.
Functions are pure; a value that is already masked stays as it is.

>>> mask_name("陳偉明"), mask_name("Chen Wei-ting"), mask_name("陳○明")
('陳○明', 'C*** W**-t***', '陳○明')
>>> mask_identifier("phone", "+85512345567"), mask_identifier("passport", "312345678")
('+855 ** *** 567', '******678')
"""

from __future__ import annotations

import re

from graph.cleaners import phone

__all__ = ["MASK_CJK", "MASK_LATIN", "mask_name", "mask_identifier", "mask_text_names"]

MASK_CJK = "○"
MASK_LATIN = "*"
_KEEP_LAST = 3
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_MASK_MARKS = frozenset("○〇Ｏ*＊")
_LATIN_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _mask_cjk_run(run: str) -> str:
    """``陳偉明`` -> ``陳○明``; ``陳明`` -> ``陳○``; a single character stays (a surname alone)."""
    if len(run) <= 1:
        return run
    if len(run) == 2:
        return run[0] + MASK_CJK
    return run[0] + MASK_CJK * (len(run) - 2) + run[-1]


def _mask_latin_word(match: re.Match[str]) -> str:
    word = match.group(0)
    return word[0] + MASK_LATIN * (len(word) - 1)


def mask_name(name: str | None) -> str:
    """A person's name as a partner may see it.

    Chinese characters: each run keeps its first and last character, the rest becomes ``○``.
    Latin letters: each word (hyphenated parts count as words) keeps its first letter.
    Digits and punctuation stay; an empty or missing name gives ``""``.

    >>> mask_name("歐陽志明"), mask_name("林美"), mask_name("MARK RAMOS"), mask_name("Mr. Lee (李大同)")
    ('歐○○明', '林○', 'M*** R****', 'M*. L** (李○同)')
    >>> mask_name("Nguyễn Thị Hoa"), mask_name(None)
    ('N***** T** H**', '')
    """
    if not name:
        return ""
    if any(ch in _MASK_MARKS for ch in name) and not _has_plain_given_name(name):
        return name
    out: list[str] = []
    run: list[str] = []
    for ch in name:
        if _CJK.match(ch):
            run.append(ch)
            continue
        if run:
            out.append(_mask_cjk_run("".join(run)))
            run = []
        out.append(ch)
    if run:
        out.append(_mask_cjk_run("".join(run)))
    return _LATIN_WORD.sub(_mask_latin_word, "".join(out)) if _LATIN_WORD.search(name) else "".join(out)


def _has_plain_given_name(name: str) -> bool:
    """Whether a name with a mask mark still shows a run of three or more CJK characters."""
    return bool(re.search(r"[\u3400-\u9fff]{3,}", name))


def mask_identifier(kind: str | None, value: str | None) -> str:
    """An identifier as a partner may see it, by its kind (phone, passport, account, email, handle).

    >>> mask_identifier("email", "chen.wt@example.org"), mask_identifier("handle", "lucky888")
    ('c******@example.org', 'l*******')
    >>> mask_identifier("account", "004-12345678"), mask_identifier("phone", "garbled")
    ('***-*****678', '***')
    """
    if not value:
        return ""
    if kind == "phone":
        return phone.mask(value)
    if kind == "email" and "@" in value:
        local, _, domain = value.rpartition("@")
        return local[:1] + MASK_LATIN * max(len(local) - 1, 0) + "@" + domain
    if kind == "handle":
        body = value.lstrip("@")
        lead = value[: len(value) - len(body)]
        return lead + body[:1] + MASK_LATIN * max(len(body) - 1, 0)
    # passports, accounts and anything else: every letter or digit but the last three hidden
    alnum = sum(ch.isalnum() for ch in value)
    to_hide = max(alnum - _KEEP_LAST, 0) if alnum > _KEEP_LAST else alnum
    shown: list[str] = []
    for ch in value:
        if ch.isalnum() and to_hide > 0:
            shown.append(MASK_LATIN)
            to_hide -= 1
        else:
            shown.append(ch)
    return "".join(shown)


def mask_text_names(text: str, names: list[str]) -> str:
    """``text`` with every occurrence of the given names replaced by their masked form (longest first).

    >>> mask_text_names("陳偉明 met Chen Wei-ting", ["Chen Wei-ting", "陳偉明"])
    '陳○明 met C*** W**-t***'
    """
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        text = text.replace(name, mask_name(name))
    return text
