"""Numbers and quantities (COUNT, MONEY) in Traditional Chinese and English case texts.

Case files write one number many ways: ``1,064``, ``１，０６４``, ``3.5萬``, ``1 萬 2,345``,
``2 億零 30 萬 5``, ``一萬二千三百四十五``, and in the financial capitals of judgments
(``壹拾貳萬``). :func:`parse_number` reads one such number. :func:`find_quantities` finds
the numbers that count something (``共 379 人``, ``計 75 件``, ``303 person-times``) or
are an amount of money (``新臺幣 3 萬元``, ``USD 1,200``) and leaves the others alone:
dates, times, ROC years and percentages are not followed by a count unit or a currency;
phone, passport, account, case and flight numbers are rejected by what stands before
them (a letter, ``+``, ``-``, ``/``, ``第``, a digit and a separator).

Offsets are code points into the text as given: the search runs on a copy folded one code
point for one (full-width forms to ASCII, a few Simplified characters to Traditional).

>>> parse_number("2 億零 30 萬 5")
200300005
>>> [(q.text, q.label, q.value, q.unit, q.approx) for q in find_quantities("李○華等 3 名，扣得新臺幣 3.5 萬元")]
[('3 名', 'COUNT', 3, '人', False), ('新臺幣 3.5 萬元', 'MONEY', 35000, 'TWD', False)]
>>> [(q.text, q.approx) for q in find_quantities("about 300 participants")]
[('300 participants', True)]
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["Quantity", "find_quantities", "parse_number"]

# One code point for one, so that offsets in the folded copy are offsets in the input.
_FOLD: dict[int, int] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}  # full-width ASCII
_FOLD.update(
    {ord(a): ord(b) for a, b in zip("\u3000\t\u00a0\u2009\u202f万亿两贰叁叄陆币铢尔约处项场台",
                                    "     萬億兩貳參參陸幣銖爾約處項場臺")}
)

_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "貳": 2, "兩": 2, "三": 3, "參": 3, "四": 4, "肆": 4,
              "五": 5, "伍": 5, "六": 6, "陸": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_TENS = {"廿": 20, "卅": 30, "卌": 40}  # a digit and 十 in one character
_BIG_UNITS = {"萬": 10**4, "億": 10**8, "兆": 10**12, "thousand": 10**3, "million": 10**6, "billion": 10**9}
_MORE = "餘多"  # 300餘人, 十多人: "and some"
_ZH_NUMERALS = "".join(_ZH_DIGITS) + "".join(_SMALL_UNITS) + "".join(_TENS) + "萬億兆"
_UNIT_INITIAL = "十拾百佰千仟萬億兆"  # 百人, 萬元: the digit 一 left out
_MAX_CHARS = 80  # longer "numbers" are runs of identifiers or junk, not amounts
_MAX_DIGITS = 18  # an Arabic run longer than this is an identifier

_SP = " {0,3}"  # spaces between pieces; a wider gap is a column break, not one number
_ARABIC = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_MULTIPLIER = r"(?i:thousand|million|billion)(?![A-Za-z])"
_TOKEN = re.compile(
    rf" *(?:(?P<arabic>{_ARABIC})|(?P<zh>[{_ZH_NUMERALS}{_MORE}])|(?P<mult>{_MULTIPLIER}))"
)

# A number in running text: Arabic and Chinese pieces, spaces between; an Arabic piece may
# follow only a unit or a zero (1 萬 2,345; 2 億零 30), so a word ending in a numeral
# (大陸, 統一) does not swallow the count after it.
_NUMBER = re.compile(
    rf"(?:(?:{_ARABIC})(?:{_SP}{_MULTIPLIER})?|[{_ZH_NUMERALS}]++)"
    rf"(?:{_SP}[{_ZH_NUMERALS}{_MORE}]++|(?<=[{_UNIT_INITIAL}零]){_SP}(?:{_ARABIC})(?:{_SP}{_MULTIPLIER})?)*"
)


def _fold(text: str) -> str:
    return text.translate(_FOLD)


def _parse(s: str) -> tuple[Decimal, bool] | None:
    """The value of one folded number and whether it is approximate (300餘), or None."""
    s = s.strip()
    if not s or len(s) > _MAX_CHARS:
        return None
    total = section = Decimal(0)
    pending: Decimal | None = None  # digits not yet multiplied by a unit
    pending_zh = positional = zero_gap = approx = expect_unit = units_seen = False
    last_unit, small_ceiling, largest = 0, 10**4, 0
    pos = 0
    while pos < len(s):
        m = _TOKEN.match(s, pos)
        if m is None:
            return None
        pos, kind, tok = m.end(), m.lastgroup, m.group(m.lastgroup or 0)
        if kind == "arabic":
            whole = tok.replace(",", "").split(".")[0]
            if pending is not None or expect_unit or len(whole) > _MAX_DIGITS or (len(whole) > 1 and whole[0] == "0"):
                return None
            pending, pending_zh = Decimal(tok.replace(",", "")), False
        elif tok in _ZH_DIGITS:
            digit = _ZH_DIGITS[tok]
            if expect_unit:
                return None
            if pending is None and digit == 0 and units_seen:
                zero_gap = True  # 一百零五: 零 marks a skipped place
            elif pending is None:
                pending, pending_zh = Decimal(digit), True
            elif pending_zh and not units_seen:
                pending, positional = pending * 10 + digit, True  # 一一一, 二〇二二
            else:
                return None
        elif tok in _SMALL_UNITS or tok in _TENS:
            unit = _SMALL_UNITS.get(tok, 10)
            if positional or unit >= small_ceiling or (tok in _TENS and pending is not None):
                return None
            section += _TENS[tok] if tok in _TENS else (1 if pending is None else pending) * unit
            pending, small_ceiling, last_unit = None, unit, unit
            units_seen, zero_gap, expect_unit = True, False, False
        elif kind == "mult" or tok in _BIG_UNITS:
            unit = _BIG_UNITS[tok.lower()]
            if positional:
                return None
            chunk = section + (0 if pending is None else pending)
            if unit > largest:
                if pending is None and section == 0 and total == 0:
                    chunk = Decimal(1)  # 萬元: a bare unit is one of it
                total, largest = (total + chunk) * unit, unit
            elif unit < largest and chunk > 0:
                total += chunk * unit
            else:
                return None
            section, pending, small_ceiling, last_unit = Decimal(0), None, 10**4, unit
            units_seen, zero_gap, expect_unit = True, False, False
        else:  # 餘 or 多, which only a unit or the end may follow
            if expect_unit or (pending is None and not units_seen):
                return None
            approx = expect_unit = True
    if pending is None and not units_seen:
        return None
    if pending is not None and pending_zh and units_seen and not zero_gap and last_unit >= 100:
        pending *= last_unit // 10  # 一萬二 is 12,000 and 三百五 is 350, as spoken
    return total + section + (0 if pending is None else pending), approx


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def parse_number(text: str) -> int | float | None:
    """The value of one number, written in Arabic or Chinese numerals or both, or None.

    Reads thousands separators (``1,064``, ``1，064``), full-width digits, decimals, the
    units 十 百 千 萬 億 兆 with 零/〇, 兩, 廿, 卅 and the financial capitals, mixed forms
    (``1 萬 2,345``, ``3.5萬``) and English ``thousand``/``million``/``billion``; spaces may
    stand between the pieces but not inside an Arabic number (``1 064`` is None). A
    trailing 餘/多 (``300餘``) is allowed. Leading zeros (``0912``), Arabic runs over 18
    digits and inputs over 80 characters are identifiers, not numbers: None. Never raises.

    Returns an ``int`` when the value is whole, else a ``float``.

    >>> parse_number("1 萬 2,345"), parse_number("一百零五"), parse_number("3.5萬"), parse_number("1.5")
    (12345, 105, 35000, 1.5)
    >>> parse_number("第3號") is None
    True
    """
    parsed = _parse(_fold(text)) if isinstance(text, str) else None
    return None if parsed is None else _plain(parsed[0])


@dataclass(frozen=True)
class Quantity:
    """A count or an amount of money in a text.

    ``text == input[start:end]`` (code points); the span covers the number, its unit and a
    currency word before it, not a word like 共/計/約 that leads in. ``label`` is ``COUNT``
    or ``MONEY``; ``unit`` is the normal unit (``人``, ``人次``, ``件``, ``次``, ``場次``,
    ``份``, ``項``, ``處``) or an ISO currency code (``TWD``, ``USD``, ``THB``, ``KHR``,
    ``CNY``); ``approx`` is True for 約/逾/餘/左右/about/approximately and the like.
    """

    start: int
    end: int
    text: str
    label: str
    value: int | float
    unit: str
    approx: bool = False


# Chinese count units, surface -> normal unit; the look-aheads keep out words that begin
# with a unit character (人民幣, 人頭帳戶, 名額, 位數, 一次性, 場所, 處長).
_ZH_UNITS = {"人次": "人次", "場次": "場次", "人": "人", "名": "人", "位": "人", "件": "件", "案": "件",
             "次": "次", "場": "場次", "份": "份", "項": "項", "處": "處", "張": "張", "個": "個", "支": "支", "本": "本", "包": "包", "艘": "艘", "輛": "輛"}
_ZH_UNIT_NOT_BEFORE = {"人": "民幣|頭|口", "名": "額|單", "位": "數", "次": "性|方", "場": "所|地", "處": "長|分",
                       "個": "月|人|案|小時|星期|禮拜|工作天", "張": "貼", "本": "人|國|案|署|身|來|月|年|週|日", "包": "括|含|機", "支": "付|持|援"}
# English count units, lower case with a space for a hyphen -> normal unit.
_EN_UNITS = {"person times": "人次", "person time": "人次", "cases": "件", "case": "件", "victims": "人",
             "victim": "人", "people": "人", "persons": "人", "person": "人", "nationals": "人", "national": "人",
             "participants": "人", "participant": "人", "trainees": "人", "trainee": "人", "sessions": "場次",
             "session": "場次", "defendants": "人", "defendant": "人", "suspects": "人", "suspect": "人",
             "foreigners": "人", "foreigner": "人", "workers": "人", "worker": "人", "migrants": "人",
             "women": "人", "men": "人", "children": "人", "returnees": "人", "survivors": "人", "fishers": "人",
             "fishermen": "人", "crew members": "人", "crew": "人", "others": "人", "escorts": "人", "escort": "人",
             "reports": "件", "cards": "張", "card": "張"}
# Numbers written as words before a unit (six suspects, one case)
_EN_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split())}
_EN_WORD_NUMBER = re.compile(r"(?<![A-Za-z-])(?i:" + "|".join(_EN_WORD_NUMBERS) + r")(?![A-Za-z-])")
# "two women who had escaped": people described, not counted
_DESCRIBED = re.compile(r"(?i:nationals?|women|men|children)")
# 二人於…, 一處應召站: a small number in Chinese that refers back or is an article, not a count
_ANAPHORIC = re.compile(r"[一二兩三四]")
_COUNTED_BEFORE = re.compile(r"(?:計|共|等|約|達|有|含|其中|另|救出|查獲|逮捕|解救|緝獲|起訴|安置|協助)\s*$")
# Currencies, lower case without spaces -> ISO code; a 元 that leads (元人民幣) is dropped and
# a plain 元 is TWD.
_CURRENCIES = {"新臺幣": "TWD", "臺幣": "TWD", "nt$": "TWD", "ntd": "TWD", "twd": "TWD", "ntdollars": "TWD",
               "ntdollar": "TWD", "newtaiwandollars": "TWD", "newtaiwandollar": "TWD", "": "TWD",
               "美元": "USD", "美金": "USD", "us$": "USD", "usd": "USD", "usdollars": "USD", "usdollar": "USD",
               "泰銖": "THB", "thb": "THB", "baht": "THB", "瑞爾": "KHR", "khr": "KHR", "riel": "KHR", "riels": "KHR",
               "人民幣": "CNY", "rmb": "CNY", "cny": "CNY", "yuan": "CNY",
               "印尼盾": "IDR", "idr": "IDR", "rupiah": "IDR", "披索": "PHP", "php": "PHP", "pesos": "PHP", "peso": "PHP",
               "迪拉姆": "AED", "aed": "AED", "dirhams": "AED", "dirham": "AED", "馬幣": "MYR", "令吉": "MYR", "myr": "MYR",
               "ringgit": "MYR", "越南盾": "VND", "vnd": "VND", "dong": "VND", "緬幣": "MMK", "mmk": "MMK", "kyat": "MMK",
               "kyats": "MMK", "基普": "LAK", "lak": "LAK", "kip": "LAK", "港幣": "HKD", "港元": "HKD", "hkd": "HKD",
               "新加坡幣": "SGD", "新幣": "SGD", "sgd": "SGD", "歐元": "EUR", "eur": "EUR", "日圓": "JPY", "日幣": "JPY",
               "jpy": "JPY", "usdt": "USDT", "泰達幣": "USDT"}

_CODE = r"(?<![A-Za-z])(?:NTD|TWD|USDT|USD|THB|KHR|RMB|CNY|IDR|PHP|AED|MYR|VND|MMK|LAK|HKD|SGD|EUR|JPY)(?![A-Za-z])"
_ZH_CURRENCY = "新臺幣|臺幣|美元|美金|泰銖|瑞爾|人民幣|印尼盾|披索|迪拉姆|馬幣|令吉|越南盾|緬幣|基普|港幣|港元|新加坡幣|新幣|歐元|日圓|日幣|泰達幣"
_EN_CURRENCY = (r"(?i:new taiwan dollars?|nt dollars?|us dollars?|baht|riels?|yuan|rupiah|pesos?|dirhams?|ringgit|kyats?|"
                r"dong|kip)(?![A-Za-z])")
_ZH_UNIT = "|".join(
    re.escape(u) + (f"(?!{_ZH_UNIT_NOT_BEFORE[u]})" if u in _ZH_UNIT_NOT_BEFORE else "")
    for u in sorted(_ZH_UNITS, key=len, reverse=True)
)
# 34 Taiwanese nationals, nine Indonesian crew: a word or two may describe what is counted
_EN_ADJECTIVES = (r"(?:(?:Taiwanese|Indonesian|Vietnamese|Thai|Filipino|Cambodian|Burmese|Myanmar|Chinese|Malaysian|"
                  r"foreign|other|more|local|young|female|male|underage|adult) +){1,2}")
_EN_UNIT = "|".join(u.replace(" ", "[- ]") for u in sorted(_EN_UNITS, key=len, reverse=True))
_AFTER = re.compile(
    rf"{_SP}(?:(?P<post>{_ZH_CURRENCY}|{_CODE}|{_EN_CURRENCY}|[元圓](?![月旦])(?:{_SP}(?:{_ZH_CURRENCY}))?)"
    rf"|(?P<unit>{_ZH_UNIT})|(?:{_EN_ADJECTIVES})?(?P<eunit>(?i:{_EN_UNIT})(?![A-Za-z])))"
)
_APPROX = (r"(?<![條契預簽合節制公])約(?:計|莫)?|大約|將近|接近|(?<![最附])近|逾|超過"
           r"|(?<![A-Za-z])(?i:about|approximately|approx\.?|around|roughly|nearly|almost|some|more than)(?![A-Za-z])")
_BEFORE = re.compile(
    rf"(?:(?P<approx>{_APPROX}){_SP})?(?:(?P<pre>{_ZH_CURRENCY}|{_CODE}|(?<![A-Za-z])(?:NT|US) ?\$){_SP}"
    rf"(?:(?P<approx2>{_APPROX}){_SP})?)?\Z"
)
_WINDOW = 32  # how far back a currency or an approximation word may start
# The last characters of the words _BEFORE matches: a cheap test before the search, which
# is slow on every number of a long text.
_BEFORE_ENDS = frozenset("約計莫近逾過幣元金銖爾$.盾索姆吉普圓" + string.ascii_letters)
_FOREIGN_BEFORE = re.compile(rf"(?:韓元|英鎊|澳幣|(?<![A-Za-z])(?:KRW|GBP|AUD)(?![A-Za-z])){_SP}\Z")
_APPROX_AFTER = re.compile(rf"{_SP}(?:左右|上下)")
# A number right after one of these is part of an identifier, a time, a date, a flight or a
# range (3~5人: the bound is not a count).
_NOT_AFTER = frozenset(string.ascii_letters + string.digits + "_+-/:#@$&~\u2010\u2013\u2212")


def _currency(surface: str) -> str:
    key = surface.replace(" ", "").lower()
    return _CURRENCIES.get(key[1:] if key[:1] in "元圓" else key, "TWD")


def _stands_alone(folded: str, start: int) -> bool:
    """False when the number at ``start`` continues an identifier, a time or an ordinal."""
    prev = folded[start - 1] if start else ""
    if prev in _NOT_AFTER or (prev in ".," and start > 1 and folded[start - 2].isdigit()):
        return False  # BR265, CI-835, +855, 10:30, 3/4, or the tail of 1.5 and 1,2345
    return not folded[max(0, start - _WINDOW) : start].rstrip(" ").endswith("第")  # 第3場, 第1234號


def _kind(
    before: re.Match[str] | None, after: re.Match[str] | None, end: int
) -> tuple[str, str, int | None, int] | None:
    """(label, unit, span start, span end) from what stands before and after the number.

    The span start is None unless a currency stands before the number.
    """
    if before is not None and before.group("pre") is not None:
        unit = _currency(before.group("pre"))
        post = after.group("post") if after is not None else None
        if after is not None and post is not None and (post[0] in "元圓" or _currency(post) == unit):
            end = after.end()  # 新臺幣 3 萬元, 美金 500 元
        return "MONEY", unit, before.start("pre"), end
    if after is None:
        return None
    if after.group("post") is not None:
        return "MONEY", _currency(after.group("post")), None, after.end()
    if after.group("unit") is not None:
        return "COUNT", _ZH_UNITS[after.group("unit")], None, after.end()
    return "COUNT", _EN_UNITS[after.group("eunit").lower().replace("-", " ")], None, after.end()


def _quantity(text: str, folded: str, m: re.Match[str], floor: int) -> Quantity | None:
    start, end = m.span()
    num = m.group()
    after = _AFTER.match(folded, end)
    head = folded[max(floor, start - _WINDOW) : start].rstrip(" ")
    before = _BEFORE.search(folded, max(floor, start - _WINDOW), start) if head[-1:] in _BEFORE_ENDS else None
    kind = _kind(before, after, end)
    if kind is None or not num.strip(" 零〇"):
        return None  # no unit; or 零件 (parts), 陳〇明 (a masked name)
    label, unit, span_start, span_end = kind
    if span_start is None:  # no currency before the number
        span_start = start
        if not _stands_alone(folded, start):
            return None
        if label == "MONEY" and _FOREIGN_BEFORE.search(folded, max(floor, start - _WINDOW), start):
            return None  # 港幣 5 萬元: a currency this module does not know
    parsed = _parse(num)
    if parsed is None:
        return None
    value, approx = parsed
    if num[0] in _UNIT_INITIAL and start:
        if folded[start - 1] in "數幾好":
            return None  # 數十人, 幾百萬元: vague
        approx = approx or folded[start - 1] in "近上逾破"  # 近百人, 上千人
    if before is not None and (before.group("approx") or before.group("approx2")):
        approx = True
    approx = approx or _APPROX_AFTER.match(folded, span_end) is not None
    if label == "COUNT" and _ANAPHORIC.fullmatch(num.strip()) and unit in ("人", "處", "次", "個", "件") and not _COUNTED_BEFORE.search(head):
        return None
    if label == "COUNT" and num.strip() == "一" and unit == "次":
        return None  # 有一次: once, not a count
    return Quantity(span_start, span_end, text[span_start:span_end], label, _plain(value), unit, approx)


def find_quantities(text: str) -> list[Quantity]:
    """Counts and amounts of money in the text, in text order and not overlapping.

    COUNT: a number followed by 人, 人次, 名/位 (-> 人), 件/案 (-> 件), 次, 場/場次 (-> 場次),
    份, 項, 處, or in English cases, victims, people, persons, nationals, participants,
    trainees (-> 人), person-times (-> 人次), sessions (-> 場次). MONEY: a number with a
    currency before or after it (新臺幣/NT$/NTD/TWD/元, 美元/美金/US$/USD, 泰銖/THB/baht,
    瑞爾/KHR/riel, 人民幣/RMB/CNY/yuan), valued in full (``新臺幣 3 萬元`` is 30000).
    Never raises; returns ``[]`` for text that is not a ``str``.

    >>> [(q.text, q.value, q.unit) for q in find_quantities("111 年 3 月 4 日查獲 3 人，第1234號，計 75 件")]
    [('3 人', 3, '人'), ('75 件', 75, '件')]
    """
    if not isinstance(text, str):
        return []
    folded = _fold(text)
    out: list[Quantity] = []
    floor = 0
    for m in _NUMBER.finditer(folded):
        if m.start() < floor:
            continue
        quantity = _quantity(text, folded, m, floor)
        if quantity is not None:
            out.append(quantity)
            floor = quantity.end
    taken = [(q.start, q.end) for q in out]
    for m in _EN_WORD_NUMBER.finditer(folded):
        after = _AFTER.match(folded, m.end())
        if after is None or after.group("eunit") is None or _DESCRIBED.fullmatch(after.group("eunit")) or any(s < after.end() and m.start() < e for s, e in taken):
            continue
        unit = _EN_UNITS[after.group("eunit").lower().replace("-", " ")]
        out.append(Quantity(m.start(), after.end(), text[m.start() : after.end()], "COUNT",
                            _EN_WORD_NUMBERS[m.group().lower()], unit, False))
    return sorted(out, key=lambda q: q.start)
