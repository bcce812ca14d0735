"""Text folding and language detection that keep offsets.

Every offset tipgraph reports points into the input as given, so folding is one code point
for one code point: full-width forms become ASCII (``１１１`` -> ``111``, ``：`` -> ``:``),
common Simplified characters of this domain become Traditional (``诈骗`` -> ``詐騙``), and
``台`` becomes ``臺``. Extractors run on the folded text and report spans of the original.

>>> fold("１１１年３月，陈○明在台北")
'111年3月,陳○明在臺北'
>>> detect_language("查獲國人李○華等 3 人涉嫌人口販運案")
'zh'
>>> [p.lang for p in paragraphs("The victim was rescued.\\n\\n被害人已返國。")]
['en', 'zh']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["ascii_lower", "has_cjk", "has_english", "has_latin", "fold", "detect_language", "paragraphs", "Paragraph", "CJK"]

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# Simplified -> Traditional for characters common in case files, names and places of this
# domain; one to one, so offsets are kept. Not a general converter: enough that a Simplified
# report about the same people and places matches.
_S2T_PAIRS = (
    "陈陳 张張 刘劉 吴吳 郑鄭 谢謝 许許 杨楊 赖賴 苏蘇 庄莊 吕呂 萧蕭 罗羅 叶葉 邓鄧 冯馮 钟鍾 韩韓 卢盧 黄黃 汤湯 龚龔 顾顧 "
    "孙孫 马馬 陆陸 锺鍾 纪紀 丰豐 闫閆 诈詐 骗騙 贩販 运運 剥剝 检檢 侦偵 诉訴 罚罰 护護 证證 签簽 国國 湾灣 东東 缅緬 "
    "门門 边邊 亚亞 区區 县縣 机機 场場 飞飛 离離 从從 来來 这這 个個 们們 为為 发發 现現 经經 带帶 关關 电電 话話 号號 "
    "码碼 银銀 账帳 户戶 劳勞 动動 员員 业業 务務 处處 长長 营營 组組 织織 团團 伙夥 岁歲 儿兒 妇婦 亲親 属屬 报報 队隊 厅廳 "
    "伟偉 华華 军軍 丽麗 红紅 龙龍 凤鳳 辉輝 杰傑 刚剛 云雲 宁寧 锋鋒 鹏鵬 涛濤 静靜 兰蘭 荣榮 贵貴 宝寶 庆慶 胜勝 颖穎 洁潔 莲蓮 凯凱 "
    "强強 债債 钱錢 币幣 万萬 亿億 时時 间間 与與 对對 将將 让讓 给給 还還 进進 过過 "
)
_S2T = {pair[0]: pair[1] for pair in _S2T_PAIRS.split()}
_EXTRA = {"台": "臺", "\u3000": " "}


def _fold_char(ch: str) -> str:
    if ch in _S2T:
        return _S2T[ch]
    if ch in _EXTRA:
        return _EXTRA[ch]
    if "\uff01" <= ch <= "\uff5e":  # full-width ASCII block maps one to one
        return chr(ord(ch) - 0xFEE0)
    if ord(ch) < 0x80:
        return ch
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


# Every character of the Basic Multilingual Plane that folds to another one, as a table for
# str.translate (built once: about 60 ms); characters beyond it are folded one by one.
_TABLE = {cp: folded for cp in range(0x80, 0x10000) if (folded := _fold_char(chr(cp))) != chr(cp)}
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def fold(text: str) -> str:
    """The text folded for matching, the same length as the input (one code point each)."""
    folded = text.translate(_TABLE)
    if _ASTRAL.search(folded):
        folded = _ASTRAL.sub(lambda m: _fold_char(m.group()), folded)
    return folded


_CJK_CHAR = re.compile(f"[{CJK}]")
_LATIN_CHAR = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    """``zh`` or ``en`` by the script most of the letters are in; ``en`` when there are none.

    A Chinese character carries about a word, a Latin letter a fifth of one, so CJK
    characters count five times.
    """
    cjk = len(_CJK_CHAR.findall(text))
    latin = len(_LATIN_CHAR.findall(text))
    return "zh" if cjk * 5 >= latin and cjk > 0 else "en"


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    lang: str


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[Paragraph]:
    """The text's paragraphs (split at blank lines), each with its language."""
    out: list[Paragraph] = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if text[start : m.start()].strip():
            out.append(Paragraph(start, m.start(), detect_language(text[start : m.start()])))
        start = m.end()
    if text[start:].strip():
        out.append(Paragraph(start, len(text), detect_language(text[start:])))
    return out


_ANY_CJK = re.compile(f"[{CJK}]")
_ANY_LATIN = re.compile(r"[A-Za-z]")


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds any Chinese character (so Chinese patterns can be skipped when not)."""
    return _ANY_CJK.search(text) is not None


def has_latin(text: str) -> bool:
    """Whether ``text`` holds any Latin letter (so English patterns can be skipped when not)."""
    return _ANY_LATIN.search(text) is not None


_ENGLISH_PHRASE = re.compile(r"[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}")


def has_english(text: str) -> bool:
    """Whether ``text`` holds running English (three words in a row), not just codes and names."""
    return _ENGLISH_PHRASE.search(text) is not None


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """``text`` with A-Z lowered and nothing else changed, so offsets stay the same."""
    return text.translate(_ASCII_LOWER)
