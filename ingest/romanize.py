"""Chinese names in the Latin spellings passports and reports use, for matching across scripts.

Taiwanese passports mostly spell names in Wade-Giles without apostrophes (陳偉廷: CHEN
WEI-TING); some use Hanyu Pinyin (CHEN WEITING) or Tongyong (CHEN WEI-TING, 許 SYU), and
reports reorder them (Wei-Ting Chen). A Chinese name gives every such spelling as a key
(letters only, surname first), and a Latin name gives the keys of both word orders; a
shared key is a signal that two names are one person, never proof.

>>> "chenweiting" in chinese_keys("陳偉廷")
True
>>> sorted(latin_keys("Wei-Ting Chen")) == sorted(latin_keys("CHEN WEI-TING")) or "chenweiting" in latin_keys("Wei-Ting Chen")
True
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["chinese_keys", "latin_keys", "wade_giles", "tongyong"]

# Initials, longest first, pinyin -> Wade-Giles (apostrophes dropped, as on passports)
_WG_INITIALS = (("zh", "ch"), ("ch", "ch"), ("sh", "sh"), ("b", "p"), ("p", "p"), ("d", "t"), ("t", "t"), ("g", "k"),
                ("k", "k"), ("j", "ch"), ("q", "ch"), ("x", "hs"), ("z", "ts"), ("c", "ts"), ("s", "s"), ("r", "j"),
                ("h", "h"), ("f", "f"), ("m", "m"), ("n", "n"), ("l", "l"), ("y", "y"), ("w", "w"))
_WG_WHOLE = {"zhi": "chih", "chi": "chih", "shi": "shih", "ri": "jih", "zi": "tzu", "ci": "tzu", "si": "ssu",
             "yi": "i", "you": "yu", "yan": "yen", "ye": "yeh", "yong": "yung", "yue": "yueh", "yu": "yu",
             "yuan": "yuan", "yun": "yun", "er": "erh", "e": "o", "ge": "ko", "ke": "ko", "he": "ho", "le": "le",
             "de": "te", "te": "te", "ne": "ne", "me": "me", "re": "je", "ze": "tse", "ce": "tse", "se": "se",
             "zhe": "che", "che": "che", "she": "she", "guo": "kuo", "kuo": "kuo", "huo": "huo", "luo": "lo",
             "duo": "to", "tuo": "to", "nuo": "no", "zuo": "tso", "cuo": "tso", "suo": "so", "zhuo": "cho",
             "chuo": "cho", "shuo": "shuo", "ruo": "jo", "lian": "lien", "jian": "chien", "qian": "chien",
             "xian": "hsien", "bian": "pien", "pian": "pien", "dian": "tien", "tian": "tien", "nian": "nien",
             "mian": "mien"}
_WG_FINALS = (("iong", "iung"), ("ong", "ung"), ("ian", "ien"), ("ie", "ieh"), ("ve", "ueh"),
              ("ue", "ueh"), ("v", "u"))
# spellings Taiwanese passports use beside the systems' own (思 SZU, 李 LEE, 林 LIN)
_PASSPORT_VARIANTS = {"ssu": "szu", "li": "lee", "tsu": "tzu", "yu": "yu", "hsu": "hsu", "lu": "lyu", "kuo": "guo"}
_TY_WHOLE = {"zhi": "jhih", "chi": "chih", "shi": "shih", "ri": "rih", "zi": "zih", "ci": "cih", "si": "sih",
             "xi": "si", "qi": "ci", "ji": "ji", "feng": "fong", "meng": "mong", "weng": "wong", "peng": "pong",
             "beng": "bong", "xu": "syu", "qu": "cyu", "ju": "jyu", "yu": "yu"}


def wade_giles(syllable: str) -> str:
    """One pinyin syllable (no tones, ``v`` for ü) in Wade-Giles without apostrophes or umlauts."""
    if syllable in _WG_WHOLE:
        return _WG_WHOLE[syllable]
    initial, final = "", syllable
    for py, wg in _WG_INITIALS:
        if syllable.startswith(py):
            initial, final = wg, syllable[len(py) :]
            break
    if initial in ("ch", "hs") and syllable[:1] in "jqx" and final.startswith("u"):
        final = "ü" + final[1:]  # ju, qu, xu are jü, qü, xü
    for py, wg in _WG_FINALS:
        if final.endswith(py):
            final = final[: -len(py)] + wg
            break
    if final == "ui" and initial == "k":
        final = "uei"  # gui, kui are kuei; dui, rui, zhui keep ui
    if final.endswith("uo") and initial not in ("k", "h", "sh"):
        final = final[:-2] + "o"
    return (initial + final).replace("ü", "u")


def tongyong(syllable: str) -> str:
    """One pinyin syllable in Tongyong Pinyin (without tones)."""
    if syllable in _TY_WHOLE:
        return _TY_WHOLE[syllable]
    out = syllable.replace("v", "yu")
    if out.startswith("zh"):
        out = "jh" + out[2:]
    elif out.startswith("x"):
        out = "s" + out[1:]
    elif out.startswith("q"):
        out = "c" + out[1:]
    return out


@lru_cache(maxsize=65536)
def _syllables(char: str) -> tuple[str, ...]:
    from pypinyin import Style, pinyin

    readings = pinyin(char, style=Style.NORMAL, heteronym=True, v_to_u=False)
    return tuple(dict.fromkeys(r.replace("ü", "v") for r in readings[0] if r.isascii() and r.isalpha()))


def chinese_keys(name: str, *, limit: int = 64) -> set[str]:
    """Latin keys of a Chinese name (letters only, surname first) in Pinyin, Wade-Giles and Tongyong."""
    chars = [c for c in name if "\u4e00" <= c <= "\u9fff"]
    if len(chars) < 2 or any(c in "○〇" for c in name):
        return set()
    keys = {""}
    for char in chars:
        options = {f(s) for s in _syllables(char)[:3] for f in (lambda x: x, wade_giles, tongyong)}
        options |= {_PASSPORT_VARIANTS[o] for o in options if o in _PASSPORT_VARIANTS}
        if not options:
            return set()
        keys = {k + o for k in keys for o in options}
        if len(keys) > limit * 8:
            keys = set(sorted(keys)[: limit * 8])
    return set(sorted(keys)[: limit * 8])


_WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*")


def latin_keys(name: str) -> set[str]:
    """Keys of a Latin name for both orders: surname first as written, and the last word moved first."""
    words = [w.lower() for w in _WORD.findall(name)]
    if len(words) < 2:
        return set()
    letters = [re.sub(r"[^a-z]", "", w) for w in words]
    return {"".join(letters), "".join([letters[-1], *letters[:-1]])}
