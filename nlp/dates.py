"""Dates in case texts, ROC and Western, found and normalised to ISO 8601.

Taiwanese case files write dates in the ROC calendar (year 111 is 2022: add 1911) in ASCII,
full-width or Chinese digits, and often drop the year of a later date in the sentence
(``111年3月4日至3月6日``); NGO and liaison reports write Western dates (``5 Sept 2022``).
Offsets are code points of the input as given, so ``text[d.start:d.end] == d.text``.

>>> [(d.text, d.norm) for d in find_dates("被害人於111年8月23日至24日遭拘禁，111 年底返國。")]
[('111年8月23日', '2022-08-23'), ('24日', '2022-08-24'), ('111 年底', '2022')]
>>> parse_date("Sept. 5, 2022")
'2022-09-05'

What is left out on purpose, since a wrong date in evidence costs more than a missing one:

* A date without a year takes the year of the previous date in its sentence (which ends at
  ``。！？；``, a newline, or ``. `` after a word that is not an abbreviation); a month-day
  with none there takes ``default_year``; anything else is skipped, never guessed.
* ``111年度`` is the year of a case number, not a date.
* ROC years of one or two digits (before 2011) need ``民國`` or a full day, and none after a
  word of duration: ``有期徒刑3年6月`` is three years and six months.
* A bare four-digit number is a year only after ``年`` or a word that marks a year
  (``in 2022``): alone it may be a count or part of a case number.
* ``dd/mm/yyyy`` is read only when one of the day-first and month-first readings is
  impossible (``25/09/2022``) or both agree (``05/05/2022``); ``05/09/2022`` is skipped.
  Two-digit years, times, relative dates (``去年``, ``last May``) are not read.
* An impossible date (``111年2月30日``, month 13) is no date, and no shorter date is taken
  from inside it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["DateMatch", "find_dates", "parse_date"]


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text.

    ``norm`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; ``precision`` is ``day``, ``month``,
    ``year``, or ``approx`` for loose dates (``111 年底``, ``early September 2022``), whose
    ``norm`` holds the part that is known.
    """

    start: int
    end: int
    text: str
    norm: str
    precision: str


class _Candidate(NamedTuple):  # a tuple: texts can hold hundreds of thousands of these
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    approx: bool = False
    carry: str = ""  # "year": from the sentence; "month": year and month; "same"/"next": 同年/翌年
    blocked: bool = False  # an impossible date: holds its span so nothing shorter is read inside it


# One code point for one, so offsets stay those of the input: full-width ASCII (１１１／３／４)
# becomes ASCII, and ideographic and no-break spaces become spaces.
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0xA0: 0x20, 0x301C: 0x7E}

_ZH_DIGITS = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0}
_ZH = "〇○零一二三四五六七八九十百廿卅"
_SP = r"[ \t]*"
_YEAR = rf"(?P<y>[0-9]{{1,4}}|[{_ZH}]{{1,6}})"
_MONTH = r"(?P<m>[0-9]{1,2}|[〇○零一二三四五六七八九十]{1,3})"
_DAY = rf"(?P<d>[0-9]{{1,2}}|[{_ZH}]{{1,4}})"
_NO_DIGIT_BEFORE = rf"(?<![0-9{_ZH}])"
# 中秋 is a festival and 初步 "preliminary", not mid- or early year.
_MONTH_PART = r"(?P<mp>上旬|中旬|下旬|初(?!步)|底|末|中(?![秋華]))"
_MONTH_TAIL = rf"{_SP}{_MONTH}{_SP}月(?:{_SP}(?:{_DAY}{_SP}[日號]|{_MONTH_PART}))?"

# Each pattern opens with a lookahead for its first character: it lets the regex engine skip
# through long texts ten times faster.
_ZH_DATE = re.compile(
    rf"(?=[中民西公0-9{_ZH}])(?:(?P<era>(?:中華)?民國|西元|公元){_SP})?{_NO_DIGIT_BEFORE}{_YEAR}{_SP}年(?!{_SP}度)"
    rf"(?:{_MONTH_TAIL}|{_SP}(?P<yp>上半年|下半年|底|末|初(?!步)|中(?![秋華])))?"
)
_ZH_NO_YEAR = re.compile(
    rf"(?=[同翌隔次0-9{_ZH}])(?:(?P<rel>同年|翌年|隔年|次年){_SP})?{_NO_DIGIT_BEFORE}{_MONTH_TAIL.removeprefix(_SP)}"
)
_ZH_BARE_DAY = re.compile(
    rf"(?:至|到|~|-|–|—|、|及|與|和){_SP}(?P<same>同月{_SP})?{_NO_DIGIT_BEFORE}{_DAY}{_SP}[日號]"
)
# After these a short number + 年 is a length of time, not a year.
_DURATION_BEFORE = re.compile(r"(?:徒刑|拘役|刑期|緩刑|服刑|為期|長達|歷時|期間|滿|逾|近|約|共|計|達)[ \t]*$")
_NOT_A_YEAR_AFTER = re.compile(r"[ \t]*(?:來|多|餘|以上|以下|左右|級|次|資|半|期(?!間))")

# Not calendar.month_abbr: that follows the locale.
_MONTH_NUMBERS = {name: i for i, name in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_MON = (
    r"(?P<mon>(?i:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec))(?![A-Za-z])"
)
_MON_FIRST = "(?=[JFMASONDjfmasond])"
_EN_YEAR = r"(?P<y>(?:19|20)[0-9]{2})(?![0-9])"
_EN_DAY = r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?(?![A-Za-z0-9])"
_EN_DAY_MONTH = re.compile(rf"(?<![A-Za-z0-9]){_EN_DAY}[ \t]+(?:of[ \t]+)?{_MON}(?:\.?[ \t]*,?[ \t]*{_EN_YEAR})?")
_EN_MONTH_DAY = re.compile(rf"(?<![A-Za-z]){_MON_FIRST}{_MON}\.?[ \t]+{_EN_DAY}(?:[ \t]*,?[ \t]*{_EN_YEAR})?")
_EN_MONTH_YEAR = re.compile(rf"(?<![A-Za-z]){_MON_FIRST}{_MON}\.?(?:[ \t]*,)?[ \t]+(?:of[ \t]+)?{_EN_YEAR}")
_EN_LOOSE = re.compile(
    r"(?<![A-Za-z])(?=[TtEeBbSsMmLl])(?i:(?:the[ \t]+)?(?:end|beginning|start|middle)[ \t]+of|early|mid|late)"
    rf"(?:[ \t]*-[ \t]*|[ \t]+)(?:{_MON}\.?[ \t]+(?:of[ \t]+)?)?{_EN_YEAR}(?![A-Za-z])"
)
_EN_MARKED_YEAR = re.compile(
    r"(?<![A-Za-z])(?=[IiDdSsUuTtBbAaFfYy])"
    r"(?i:in|during|since|until|till|through|throughout|before|after|from|between|year)[ \t]+"
    rf"{_EN_YEAR}(?![A-Za-z]|[,.][0-9])"
)
_COUNTED_AFTER = re.compile(r"[ \t]+(?i:people|persons|victims|cases|nationals|workers|men|women|children|times)\b")

_NUMERIC_BEFORE = r"(?<![A-Za-z0-9.+/:_-])"
_NUMERIC_AFTER = r"(?![0-9]|[-/.][0-9])"
_YMD_NUMERIC = re.compile(
    rf"{_NUMERIC_BEFORE}(?P<y>[0-9]{{3,4}})(?P<sep>[-/.])(?P<m>[0-9]{{1,2}})(?P=sep)(?P<d>[0-9]{{1,2}}){_NUMERIC_AFTER}"
)
_DMY_NUMERIC = re.compile(
    rf"{_NUMERIC_BEFORE}(?P<a>[0-9]{{1,2}})(?P<sep>[-/.])(?P<b>[0-9]{{1,2}})(?P=sep)(?P<y>(?:19|20)[0-9]{{2}})"
    rf"{_NUMERIC_AFTER}"
)
# 9/7, 10/24: month and day, the year carried from the sentence or the document; at the start
# of a line or a table cell, or after a space, never inside a fraction, a score or a range.
_MD_NUMERIC = re.compile(
    r"(?:(?<=^)|(?<=[\n\t|])|(?<=[ 　至到、~，,；:：(（]))(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12][0-9]|0?[1-9])"
    r"(?![0-9]|/[0-9]|[ \t]*(?:的|成|比|之|of\b|%))",
    re.MULTILINE,
)
_VERSION_BEFORE = re.compile(r"(?<![A-Za-z])(?i:v|ver|version|release|build|rev|no)\.?[ \t]*$")

_SENTENCE_END = re.compile(r"[。!?;\n\r]|\.(?=\s)")
_WORD_BEFORE = re.compile(r"[A-Za-z]+$")
_ABBREVIATIONS = frozenset(
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mr Mrs Ms Dr No St Co Ltd Inc Jr Sr vs Gen Col Lt".split()
)


def _number(token: str) -> int:
    """``111``, ``一一〇`` (digit by digit) or ``一百一十一`` (with units) as an int."""
    if token.isascii():
        return int(token)
    if not any(unit in token for unit in "十百廿卅"):
        return int("".join(str(_ZH_DIGITS[ch]) for ch in token))
    total, digit = 0, 0
    for ch in token:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
            continue
        total += {"十": (digit or 1) * 10, "百": (digit or 1) * 100, "廿": 20, "卅": 30}[ch]
        digit = 0
    return total + digit


def _valid(year: int, month: int, day: int | None = None) -> bool:
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def _blocked(m: re.Match[str]) -> _Candidate:
    return _Candidate(m.start(), m.end(), blocked=True)


def _zh_date(m: re.Match[str], folded: str) -> _Candidate | None:
    era, raw = m["era"], m["y"]
    value = _number(raw)
    month = _number(m["m"]) if m["m"] else None
    day = _number(m["d"]) if m["d"] else None
    if era in ("西元", "公元"):
        year = value if 1900 <= value <= 2100 else None
    elif 1 <= value <= 200:
        year = value + 1911
    else:
        year = value if not era and 1900 <= value <= 2100 else None
    if year is None:
        return _blocked(m)
    if not era and value < 100:
        if month is None:
            return None  # nothing shorter could be read inside it, so no need to hold the span
        if day is None or _DURATION_BEFORE.search(folded, max(0, m.start() - 8), m.start()):
            return _blocked(m)
    if month is None and not m["yp"]:
        if _NOT_A_YEAR_AFTER.match(folded, m.end()):
            return None
        if not era and not raw.isascii() and any(unit in raw for unit in "十百"):
            return _blocked(m)  # 一百年 is more often a hundred years than 2011
    if month is not None and not _valid(year, month, day):
        return _blocked(m)
    return _Candidate(m.start(), m.end(), year, month, day, approx=bool(m["mp"] or m["yp"]))


def _zh_no_year(m: re.Match[str], folded: str) -> _Candidate | None:
    month = _number(m["m"])
    day = _number(m["d"]) if m["d"] else None
    if not _valid(2000, month, day):  # a leap year, so 2月29日 waits for its year
        return _blocked(m)
    carry = {"同年": "same", "翌年": "next", "隔年": "next", "次年": "next"}.get(m["rel"] or "", "year")
    return _Candidate(m.start(), m.end(), None, month, day, approx=bool(m["mp"]), carry=carry)


def _zh_bare_day(m: re.Match[str], folded: str) -> _Candidate | None:
    day = _number(m["d"])
    start = m.start("same") if m["same"] else m.start("d")
    return _Candidate(start, m.end(), day=day, carry="month") if 1 <= day <= 31 else None


def _en_day(m: re.Match[str], folded: str) -> _Candidate | None:
    month, day = _MONTH_NUMBERS[m["mon"][:3].lower()], int(m["d"])
    if m["y"]:
        year = int(m["y"])
        return _Candidate(m.start(), m.end(), year, month, day) if _valid(year, month, day) else _blocked(m)
    if not m["mon"][0].isupper():  # "may" and "march" are also words
        return None
    return _Candidate(m.start(), m.end(), None, month, day, carry="year") if _valid(2000, month, day) else _blocked(m)


def _en_month(m: re.Match[str], folded: str) -> _Candidate | None:
    month = _MONTH_NUMBERS[m["mon"][:3].lower()] if m["mon"] else None
    return _Candidate(m.start(), m.end(), int(m["y"]), month, approx=m.re is _EN_LOOSE)


def _en_marked_year(m: re.Match[str], folded: str) -> _Candidate | None:
    if _COUNTED_AFTER.match(folded, m.end()):
        return None
    return _Candidate(m.start("y"), m.end("y"), int(m["y"]))


def _ymd_numeric(m: re.Match[str], folded: str) -> _Candidate | None:
    if _VERSION_BEFORE.search(folded, max(0, m.start() - 10), m.start()):
        return None
    raw, month, day = m["y"], int(m["m"]), int(m["d"])
    value = int(raw)
    if len(raw) == 3 and 100 <= value <= 200:
        year = value + 1911
    elif len(raw) == 4 and 1900 <= value <= 2100:
        year = value
    else:
        return _blocked(m)
    return _Candidate(m.start(), m.end(), year, month, day) if _valid(year, month, day) else _blocked(m)


def _dmy_numeric(m: re.Match[str], folded: str) -> _Candidate | None:
    if _VERSION_BEFORE.search(folded, max(0, m.start() - 10), m.start()):
        return None
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    readings = {(day, month) for day, month in ((a, b), (b, a)) if _valid(year, month, day)}
    if len(readings) != 1:
        return _blocked(m)  # ambiguous or impossible: reading it would be a guess
    ((day, month),) = readings
    return _Candidate(m.start(), m.end(), year, month, day)


def _md_numeric(m: re.Match[str], folded: str) -> _Candidate | None:
    month, day = int(m["m"]), int(m["d"])
    if not _valid(2000, month, day):
        return None
    return _Candidate(m.start(), m.end(), None, month, day, carry="year")


_Rule = Callable[[re.Match[str], str], "_Candidate | None"]
_RULES: tuple[tuple[re.Pattern[str], _Rule], ...] = (
    (_ZH_DATE, _zh_date), (_ZH_NO_YEAR, _zh_no_year), (_ZH_BARE_DAY, _zh_bare_day),
    (_EN_DAY_MONTH, _en_day), (_EN_MONTH_DAY, _en_day), (_EN_MONTH_YEAR, _en_month), (_EN_LOOSE, _en_month),
    (_EN_MARKED_YEAR, _en_marked_year), (_YMD_NUMERIC, _ymd_numeric), (_DMY_NUMERIC, _dmy_numeric),
    (_MD_NUMERIC, _md_numeric),
)


def _crosses_sentence_end(folded: str, start: int, end: int) -> bool:
    for m in _SENTENCE_END.finditer(folded, start, end):
        if m.group() != ".":
            return True
        word = _WORD_BEFORE.search(folded, max(0, m.start() - 8), m.start())
        if word is None or (len(word.group()) > 1 and word.group() not in _ABBREVIATIONS):
            return True
    return False


def _longest_first(candidates: list[_Candidate], length: int) -> list[_Candidate]:
    """Non-overlapping candidates, the longer winning, then the earlier; in text order."""
    taken = bytearray(length)
    kept = []
    for c in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if taken.find(1, c.start, c.end) == -1:
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _iso(year: int, month: int | None, day: int | None) -> str:
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


_LAST: list[tuple[str, list[_Candidate]]] = []  # the last text's candidates: callers read one text twice


def _candidates(folded: str) -> list[_Candidate]:
    if _LAST and _LAST[0][0] == folded:
        return _LAST[0][1]
    found = [c for pattern, rule in _RULES for m in pattern.finditer(folded) if (c := rule(m, folded)) is not None]
    _LAST[:] = [(folded, found)]
    return found


def find_dates(text: str, *, default_year: int | None = None) -> list[DateMatch]:
    """All dates in ``text``, in text order, non-overlapping, the longest reading winning.

    Args:
        text: any string; raw or already folded (``nlp.text.fold``) gives the same offsets.
        default_year: the Gregorian year for a month-day with no earlier year in its
            sentence (say, the year of the report); without it such dates are skipped.

    Returns:
        ``DateMatch`` with code-point offsets into ``text``. Never raises on a string.

    >>> [(d.norm, d.precision) for d in find_dates("On 5 Sept 2022 and 9 September, late 2022.")]
    [('2022-09-05', 'day'), ('2022-09-09', 'day'), ('2022', 'approx')]
    >>> [d.norm for d in find_dates("3月4日移送", default_year=2023)]
    ['2023-03-04']
    """
    if not isinstance(text, str) or not text:
        return []
    folded = text.translate(_FOLD)
    found = _candidates(folded)
    out: list[DateMatch] = []
    year: int | None = None  # and month: of the previous date in this sentence
    month: int | None = None
    last_year: int | None = None  # of the previous date anywhere, for 同年 and 翌年
    last_end = 0
    for c in _longest_first(found, len(folded)):
        if c.blocked:
            continue
        if c.carry in ("year", "month") and year is not None and _crosses_sentence_end(folded, last_end, c.start):
            year = month = None
        y, m = c.year, c.month
        if c.carry == "year":
            y = year if year is not None else default_year if c.day is not None else None
        elif c.carry == "month":
            y, m = (year, month) if month is not None else (None, None)
        elif c.carry in ("same", "next") and last_year is not None:
            y = last_year + (c.carry == "next")
        if y is None or (m is None and c.day is not None) or not 1 <= y <= 9999:
            continue
        if m is not None and not _valid(y, m, c.day):
            continue
        precision = "approx" if c.approx else "day" if c.day else "month" if m else "year"
        out.append(DateMatch(c.start, c.end, text[c.start : c.end], _iso(y, m, c.day), precision))
        year, month, last_year, last_end = y, m, y, c.end
    return out


_ISO_PART = re.compile(r"(?:19|20)[0-9]{2}(?:-(?:0[1-9]|1[0-2]))?")


def parse_date(text: str) -> str | None:
    """The ISO form of ``text`` if it is one date (surrounding spaces aside), else ``None``.

    Meant for fields known to hold a date, so a bare ``2022`` or ``2022-09`` is read too.
    A date with no year (``3月4日``) gives ``None``.

    >>> parse_date("民國111年3月4日"), parse_date("111/3/4"), parse_date("111年3月4日至6日")
    ('2022-03-04', '2022-03-04', None)
    """
    if not isinstance(text, str):
        return None
    stripped = text.strip()
    if _ISO_PART.fullmatch(folded := stripped.translate(_FOLD)):
        return folded
    found = find_dates(stripped)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0].norm
    return None
