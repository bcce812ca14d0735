"""People (PERSON) in Chinese and Latin script, with the name normalised (``norm``).

Chinese: a name is a surname from the list below and one or two given characters. Alone,
that shape is everywhere in running text, so a name is taken only where the text marks it:
a masked name (``陳○明``: always a person), a title inside the name (``林處長志豪``: norm
``林志豪``, the span covers all of it), a title or a role word before it (``次長王大同``,
``被告陳大明``, ``國人李○華``), or a marker after it (``等 3 人``, ``先生``, ``(男)``, ``涉嫌``).
A name found once is then found everywhere else in the same text.

Latin: a name after an honorific (``Mr. Somchai Boonmee``), a name in capitals as on a
passport (``CHEN WEI-TING``), or capitalised words next to a role word (``victim Nguyen
Thi Lan``); a Chinese name in brackets beside it (``王大同 (WANG TA-TUNG)``) is noted as
``alias`` of the same person.

>>> [(text[f.start:f.end], f.norm) for text in ["國人李○華等3人及林處長志豪"] for f in find_persons(text, text)]
[('李○華', '李○華'), ('林處長志豪', '林志豪')]
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS as _STOP_WORDS

from nlp.found import Found
from nlp.places import place_words
from nlp.tables import table_cells
from nlp.text import CJK

__all__ = ["find_persons", "SURNAMES", "TITLES"]

SURNAMES_COMPOUND = ("歐陽", "司馬", "諸葛", "上官", "司徒", "張簡", "范姜", "東方", "夏侯", "皇甫", "尉遲", "公孫", "慕容")
SURNAMES = frozenset(
    "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余盧梁趙顏柯翁魏孫戴范方宋鄧杜傅侯"
    "曹薛丁卓阮馬董溫唐藍石蔣古紀姚連馮歐程湯田康姜白汪鄒尤巫鐘黎涂龔嚴韓袁金童陸夏柳凃邵錢伍倪于譚駱熊任甘秦顧毛章史官"
    "萬俞雷粘饒闕凌崔尹孔辛武辜陶段龍韋葛池孟褚殷麥賀賈莫文管關向包丘梅華裴樊房全佘左花季郝易喬岳魯閻湛"
    "邢冉岑苗蒲靳聶祝瞿查甄戚席卜閔黨翟寇仇祁單喻賴康伍孫"
    "曲喬池宮殷龐景裘鄔柴幸晏匡蘭蔚溥鞠巫"
)
TITLES = (
    "副處長", "處長", "副代表", "代表", "大使", "公使", "參事", "一等秘書", "秘書", "移民秘書", "聯絡官", "組長", "副組長",
    "隊長", "副隊長", "大隊長", "副大隊長", "局長", "副局長", "署長", "副署長", "部長", "次長", "政務次長", "常務次長",
    "檢察官", "主任檢察官", "檢察長", "法官", "主任", "科長", "專員", "所長", "警官", "督察", "委員", "政務委員", "執行長",
    "董事長", "總經理", "經理", "社工", "館長", "分隊長", "副分隊長", "小隊長", "巡官", "巡佐", "警務員", "偵查佐",
    "科員", "書記官", "檢察事務官", "襄閱主任檢察官", "主任秘書", "大使", "處長", "分局長", "副分局長", "所長",
)
# role words and markers that make a following/preceding surname+given a name
_BEFORE = (
    "國人", "民眾", "被告", "嫌犯", "犯嫌", "主嫌", "共犯", "嫌疑人", "被害人", "受害人", "受害者", "證人", "車手", "通譯",
    "男子", "女子", "少年", "少女", "移工", "外籍", "仲介", "招募者", "負責人", "成員", "同案", "介紹人", "家屬", "母親",
    "父親", "兒子", "女兒", "妻子", "丈夫", "友人", "同學", "被害者", "被告人", "原告", "人蛇", "蛇頭",
    "我是", "弟弟", "哥哥", "姊姊", "姐姐", "妹妹", "名叫", "化名", "員警", "警員", "旅客", "乘客", "船員", "漁工",
    "外籍漁工", "同事", "老闆", "主管", "協助", "陪同",
    # kin, work and acquaintance words
    "表哥", "表姊", "表姐", "表妹", "表弟", "堂哥", "堂姊", "堂弟", "堂妹", "孫子", "孫女", "外甥", "姪子", "先生", "太太",
    "老公", "老婆", "男友", "女友", "朋友", "同鄉", "中間人", "船長", "輪機長", "幹部", "雇主", "自稱", "叫做", "其母",
    "其父", "其妻", "其夫", "其子", "其女", "其姊", "其兄", "其弟", "其妹",
    # acts done to a named person
    "起訴", "偵辦", "逮捕", "拘提", "通緝", "誘騙", "救出", "營救", "接回", "包括", "包含",
    "報案人：", "報案人:", "聯絡人：", "承辦人：", "我叫", "之母", "之父", "之妻", "之夫", "之姊", "之兄", "之弟", "之妹",
    "叔叔", "伯伯", "舅舅", "阿姨", "姑姑", "業務", "室友", "鄰居", "中文名字說是", "中文名", "同案", "另",
)
_AFTER = r"(?:負責|[（(](?:母|父|妻|夫|姊|姐|兄|弟|妹|子|女|祖母|祖父|[\u4e00-\u9fff]{0,4}(?:父親|母親))[）)]|等\s*\d+\s*[人名]|\s*\d+\s*人涉嫌|等人|先生|女士|小姐|\s*[(（][男女][)）]|\s*[(（]\d{2,3}\s*年次|涉嫌|、|及|與|和|於|遭|被|在|自|向|為|係|所)"

_SURNAME = "(?:" + "|".join(SURNAMES_COMPOUND) + "|[" + "".join(sorted(SURNAMES)) + "])"
_GIVEN = f"[{CJK}]"
_MASK = r"(?:[○〇◯*＊●]|\s?[OoXx]\s?)"
_TITLE = "(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + ")"
_BEFORE_RE = "(?:" + "|".join(sorted(_BEFORE, key=len, reverse=True)) + ")"

_MASKED = re.compile(f"(?<![{CJK}])?{_SURNAME}(?:{_MASK}{_GIVEN}|{_GIVEN}{_MASK}|{_MASK}{{1,2}})(?![{CJK}○〇])")
_MASKED_LOOSE = re.compile(f"{_SURNAME}(?:{_MASK}{_GIVEN}|{_MASK}{_MASK})")
# a rarer surname (柴○婕, 幸○傑): any character before a mask symbol (not a Latin O, which is a letter too)
_MASKED_ANY_SURNAME = re.compile(f"[{CJK}](?:[○〇◯*＊●][{CJK}]|[○〇◯*＊●]{{2}}| [OoXx] [{CJK}])")
# Most names have two given characters; one is taken only where the name visibly ends.
_END = f"(?:{_AFTER}|[^{CJK}]|$)"
_GIVEN_PART = f"(?:{_GIVEN}(?={_END})|{_GIVEN}{_GIVEN})"
_TITLE_INSIDE = re.compile(f"({_SURNAME})({_TITLE})({_GIVEN_PART})")
_TITLE_BEFORE = re.compile(f"{_TITLE}({_SURNAME}{_GIVEN_PART})")
_ROLE_BEFORE = re.compile(f"{_BEFORE_RE}\\s*({_SURNAME}{_GIVEN_PART})")
# a married woman's name keeps her husband's surname before her own (其母莊林秀蘭)
_MARRIED_NAME = re.compile(f"{_BEFORE_RE}\\s*({_SURNAME}{_SURNAME}{_GIVEN}{_GIVEN})(?=[（(，、。；:：\\s]|$)")
_PASSIVE_AGENT = re.compile(  # 遭陳大明誘騙: the one who did it, named between 遭/被 and the verb
    f"(?:遭|被)({_SURNAME}{_GIVEN}{{1,2}}?)(?=誘騙|招募|欺騙|騙|控制|拘禁|販賣|毆打|脅迫|帶往|押往|介紹|引誘)"
)
_NICKNAME = re.compile(f"(?:自稱|叫做|名叫|一個叫|綽號|暱稱|主管|朋友|老闆|同事|男子|女子|友人|網友|叫|同學|業務|仲介|室友|鄰居)"
                       f"\\s*(阿(?!姨|嬤|公|伯|婆|爸|母|兄|弟|里|拉|根|富|聯)[{CJK}](?:哥|姐|姊)?)"
                       f"(?=的|說|介紹|指示|用|從|是|、|，|以|要|在|帶|叫|和|與|及|有|幫|跟|也|就|會|把|將|被|還|都|又|$)")
# a name given in quotes after what someone calls themselves (暱稱「阿霖哥」, 自稱 "Michelle Tan", known as "Lao Lin")
_QUOTED_NAME = re.compile(r"(?:暱稱|自稱|綽號|化名|名叫|叫做|男子|女子|人稱|叫|(?i:known (?:only )?as|calling (?:himself|herself)|"
                          r"called (?:himself|herself)|nicknamed|who called (?:himself|herself)))\s*[「『\"“]"
                          f"((?:阿)?[{CJK}]{{1,4}}?|[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:哥|姐|姊)?[」』\"”]")
_NAME_HEADER = re.compile(r"姓名|名字|被告|被害人|嫌疑人|旅客|乘客|招募者|(?i:name|victim|suspect|passenger|defendant)")
_CELL_NAME = re.compile(f"{_SURNAME}[{CJK}]{{1,3}}|[A-Z][A-Za-z-]+(?: [A-Z][A-Za-z-]+){{0,3}}")
_LIST_NEXT = re.compile(f"\\s*[、及與和跟,，]\\s*({_SURNAME}{_GIVEN_PART})")
_NAME_AFTER = re.compile(f"(?<![{CJK}])({_SURNAME}{_GIVEN}{{1,2}}?)(?={_AFTER})")

# a "name" ending like this is an institution (林務局, 王氏公司) or a short reference (邱員, 魏嫌)
_INSTITUTION_ENDS = frozenset("局署處部所會院司廠店館校隊府廳科組室站行社團案員嫌姓氏")
# function words never stand in a given name (關在詐, 全案)
_NOT_IN_GIVEN = frozenset("年月日人名件等及與和在於被遭的了是並將把向從到至為因由以其該此全共計約姓說稱員")

_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Madam|Mister|Bapak|Pak|Ibu|Daw|Khun|Lok|Ma(?= [A-Z]))\.?"
_CAP = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
_UPPER = r"[A-Z]{2,}(?:-[A-Z]{2,})?"
_LATIN_HONORIFIC = re.compile(f"(?<![A-Za-z]){_HONORIFIC} +((?:{_CAP}|{_UPPER})(?: +(?:{_CAP}|{_UPPER})){{0,3}})")
_LATIN_UPPER = re.compile(f"(?<![A-Za-z-])({_UPPER}(?: +{_UPPER}){{1,3}})(?![A-Za-z-])")
_LATIN_ROLE = re.compile(
    r"(?<![A-Za-z])(?:victims?|suspects?|recruiters?|defendants?|broker|trafficker|national|woman|man|named|"
    r"officer|prosecutor|survivor|worker|passenger) +"
    f"((?:{_CAP})(?: +{_CAP}){{1,3}})"
)
_LATIN_HYPHENATED = re.compile(  # Wei-Ting Chen, Chen Wei-ting: romanised Chinese names
    r"(?<![A-Za-z])([A-Z][a-z]+-[A-Za-z][a-z]+ +[A-Z][a-z]+|[A-Z][a-z]+ +[A-Z][a-z]+-[A-Za-z][a-z]+)(?![A-Za-z])"
)
_VIETNAMESE = re.compile(  # Nguyen Thi Thu, Tran Van Hung: a Vietnamese surname and one to three names
    r"(?<![A-Za-z])((?:Nguyen|Tran|Le|Pham|Hoang|Huynh|Phan|Vu|Vo|Dang|Bui|Do|Ho|Ngo|Duong|Ly|Truong|Dinh|Mai|Trinh)"
    r"(?:\s+[A-Z][a-z]+){1,3})(?![A-Za-z])"
)
# Any run of two to four capitalised words none of which is a known non-name word: names of
# every nationality (Thandar Hlaing, Agus Prasetyo, Maria Cristina Dela Cruz); found last, at
# the lowest confidence, so places and organisations found by their own rules win an overlap.
_CAPITALISED_RUN = re.compile(r"(?<![A-Za-z.@/_-])([A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?: +[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?){1,5})"
                              r"(?![A-Za-z@_-])")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|from|at|to|near|across|via|into|outside|inside)\s+$")
# a single capitalised word where the text says it is what someone is called
_CALLED = re.compile(r"(?:(?i:calling (?:himself|herself)|called|named|nicknamed|known as)|自稱|叫做|名叫|一個叫|叫)\s*"
                     r"([A-Z][a-z]+)(?![A-Za-z])")
_BRACKETED_ZH = re.compile(f"\\s*[(（]\\s*([{CJK}]{{2,4}})\\s*[)）]")
# capitals that are not names
_NOT_NAMES = frozenset(
    "IOM NGO NGOS LINE ID TW KH TH MM PNH TPE BKK KOS RGN SGN DXB TSA KHH RMQ USD TWD NTD THB KHR CNY RMB UN US UAE ROC "
    "PDF SMS CCTV ATM VIP KK WECHAT TELEGRAM FACEBOOK NIA CIB MOFA MOJ TECO PRESS RELEASE STATEMENT NOTE".split()
)
_NOT_NAME_WORDS = frozenset(
    "The This That These Those When Where Which While After Before During Since From With Without Into Upon About Under "
    "January February March April May June July August September October November December Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday Cambodia Thailand Myanmar Taiwan Laos Vietnam Dubai Bangkok Phnom Penh "
    "Police Office Agency Ministry Bureau District Prosecutors Court Airport Airlines Immigration Border "
    "Deputy Director Director-General Minister Vice Secretary Secretary-General General Chief Inspector Officer "
    "Sergeant Captain Ambassador Representative Commissioner Judge Prosecutor President Premier Liaison Section "
    "Head Team Leader Social Worker Interpreter Counsellor Consul Attaché "
    # role nouns that open a sentence before a name (Client Hung Yu-ting), and words of organisations' names
    "Client Victim Suspect Defendant Survivor Returnee Caseworker Escort Recruiter Broker Manager Owner Employer "
    "Support Migrant Migrants Workers Rights Help Desk Hope Money Easy Release Press Statement Network Alliance "
    # honorifics and ranks of many countries, written before a name
    "Pak Bapak Bu Ibu Daw Khun Lok Nai Pol Col Gen Lt Capt Sgt Maj Cpl Atty Hon Sir Madam Mister Miss Mr Mrs Ms Dr "
    # words that begin capitalised in reports and are not names
    "Royal National International Immigration Economic Cultural Trade Special Zone Golden Triangle Business Bay "
    "Road Street Avenue Tower Building Hotel Casino Resort Park Province County City Town Village Centre Center "
    "Shelter Foundation Association Unit Task Force Labour Labor Department Council Embassy Consulate Mission Office "
    "Airlines Airways Air Flight Station Port Harbour Harbor Terminal Gate Bank Company Corp Group Ltd Inc "
    "Telegram WeChat Facebook Instagram TikTok WhatsApp Signal Viber Messenger Line Google Gmail Yahoo Zalo "
    "Thai Taiwanese Cambodian Burmese Myanmar Vietnamese Filipino Filipina Indonesian Malaysian Chinese Lao Laotian "
    "Khmer Korean Japanese American British Indian Nepali Lankan Bangladeshi "
    "Passport Phone Mobile Email Name Names Nationality Contact Route Date Sex Age Notes Note No Remarks Status "
    "Victim Victims Suspect Suspects Recruiter Recruited Case Cases Report Reported Rescue Rescued Repatriation "
    "Met Reached Called Visited Interviewed Received Arrived Returned Left Flew Crossed Update Summary Total "
    "Prosecution Protection Prevention Partnership Ministry Justice Interior Foreign Affairs Labour Health Welfare "
    "Executive Yuan Legislative Control Examination Judicial Criminal Investigation Coast Guard Administration "
    "Economic Cultural Representative Trafficking Human Persons Act Law Article Section Chapter Annex Table "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "Hotline Caseworker Outreach Field Staff Team Network River Brigade Operation Operations Specialized Southeast "
    "Northeast Southwest Northwest East West North South Asia Europe Africa Safe Return Mountain Lake Island Beach "
    "Market Mall Plaza Estate Compound Complex Garden Gardens Industrial Free Project Programme Program Coalition "
    "Alliance Network Service Services Church Temple School University College Hospital Clinic".split()
)


_PLACE_WORDS = place_words()


_CJK_CHAR = re.compile(f"[{CJK}]")
_LATIN_MASK = re.compile(r"[OoXx]")
_LATIN_MASK_BETWEEN = re.compile(f"[{CJK}]\\s?[OoXx]\\s?[{CJK}]")
_LATIN_WORD_CHAR = re.compile(r"[A-Za-z-]")
_GIVEN_NAME_NEXT = re.compile(r"說|表示|稱|被|遭|於|已|也|則|並|的|在|和|與")


def _occurrences(text: str, word: str) -> list[int]:
    """Every start of ``word`` in ``text`` (no regular expression to compile per name)."""
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + len(word))
    return out


def _chinese(text: str, folded: str) -> list[Found]:
    out: list[Found] = []
    for m in _MASKED_LOOSE.finditer(folded):
        span = folded[m.start() : m.end()]
        if _LATIN_MASK.search(span) and not _LATIN_MASK_BETWEEN.search(span):
            continue
        norm = re.sub(r"\s", "", re.sub(_MASK, "○", span))
        out.append(Found(m.start(), m.end(), "PERSON", norm, "rules.persons.masked", 0.97, {"masked": True}))
    for m in _MASKED_ANY_SURNAME.finditer(folded):
        norm = re.sub(_MASK, "○", m.group())
        out.append(Found(m.start(), m.end(), "PERSON", norm, "rules.persons.masked", 0.9, {"masked": True}))
    for m in _TITLE_INSIDE.finditer(folded):
        norm = m.group(1) + m.group(3)
        out.append(Found(m.start(), m.end(), "PERSON", norm, "rules.persons.title_inside", 0.93, {"title": m.group(2)}))
    for pattern, source, confidence in (
        (_TITLE_BEFORE, "rules.persons.title_before", 0.9),
        (_MARRIED_NAME, "rules.persons.married_name", 0.88),
        (_ROLE_BEFORE, "rules.persons.role_before", 0.85),
        (_PASSIVE_AGENT, "rules.persons.passive_agent", 0.85),
        (_NAME_AFTER, "rules.persons.marker_after", 0.75),
    ):
        for m in pattern.finditer(folded):
            name = m.group(1)
            if "○" in name or any(ch in name[1:] for ch in _NOT_IN_GIVEN) or name[-1] in _INSTITUTION_ENDS:
                continue
            out.append(Found(m.start(1), m.end(1), "PERSON", name, source, confidence))
    # names listed after a name (陳大明、林美玲及王小明) are names too
    queue = [f.end for f in out]
    starts = {f.start for f in out}
    while queue:
        end = queue.pop()
        m = _LIST_NEXT.match(folded, end)
        if m and m.start(1) not in starts:
            name = m.group(1)
            if name[-1] not in _INSTITUTION_ENDS:
                out.append(Found(m.start(1), m.end(1), "PERSON", name, "rules.persons.listed", 0.8))
                starts.add(m.start(1))
                queue.append(m.end(1))
    # 阿凱: a nickname, where the text says someone is called so or names their role
    for m in _NICKNAME.finditer(folded):
        out.append(Found(m.start(1), m.end(1), "PERSON", m.group(1), "rules.persons.nickname", 0.75))
    for m in _QUOTED_NAME.finditer(folded):
        inner = folded[m.start(1) : m.end() - 1]  # 阿霖哥 keeps its 哥; Amy姐 is Amy
        span_end = m.end() - 1 if _CJK_CHAR.match(inner[-1:]) and not inner[:1].isascii() else m.end(1)
        out.append(Found(m.start(1), span_end, "PERSON", folded[m.start(1) : span_end], "rules.persons.quoted", 0.8))
    out.extend(_table_cell_names(folded))
    # a name found once is a name wherever it stands in the same text
    known = {f.norm for f in out if not f.attrs.get("masked") and len(f.norm) >= 2}
    for name in sorted(known, key=len, reverse=True):
        for start in _occurrences(folded, name):
            out.append(Found(start, start + len(name), "PERSON", name, "rules.persons.repeat", 0.8))
    # the given name alone stands for a three-character name found (廖書賢 ... 書賢說)
    for name in sorted(n for n in known if len(n) == 3 and n[0] in SURNAMES):
        given = name[1:]
        for start in _occurrences(folded, given):
            before = folded[start - 1] if start else ""
            after = folded[start + len(given) : start + len(given) + 2]
            if before == name[0]:
                continue  # the full name itself
            if not _CJK_CHAR.match(before) or _GIVEN_NAME_NEXT.match(after):
                out.append(Found(start, start + len(given), "PERSON", given, "rules.persons.given_name", 0.7,
                                 {"of": name}))
    return out


def _table_cell_names(folded: str) -> list[Found]:
    """A cell holding only a surname and given name, in a column headed as names (姓名, 被告, Name)."""
    return [Found(c.start, c.end, "PERSON", c.text, "rules.persons.table_cell", 0.8) for c in table_cells(folded)
            if _NAME_HEADER.search(c.header) and _CELL_NAME.fullmatch(c.text)]


def _latin_norm(name: str) -> str:
    return " ".join(name.split())


def _latin(text: str, folded: str) -> list[Found]:
    out: list[Found] = []

    def add(start: int, end: int, source: str, confidence: float) -> None:
        name = folded[start:end]
        tokens = name.split()
        if not tokens or all(t.upper() in _NOT_NAMES or t in _NOT_NAME_WORDS for t in tokens):
            return
        if any(t in _NOT_NAME_WORDS for t in tokens):
            return
        attrs: dict[str, str] = {}
        bracket = _BRACKETED_ZH.match(folded, end)
        if bracket:
            attrs["alias"] = bracket.group(1)
            out.append(Found(bracket.start(1), bracket.end(1), "PERSON", bracket.group(1), "rules.persons.bracketed",
                             confidence, {"alias": _latin_norm(name)}))
        out.append(Found(start, end, "PERSON", _latin_norm(name), source, confidence, attrs))

    for m in _LATIN_HONORIFIC.finditer(folded):
        add(m.start(1), m.end(1), "rules.persons.honorific", 0.92)
    for m in _LATIN_UPPER.finditer(folded):
        if not any(t in _NOT_NAMES for t in m.group(1).split()):
            add(m.start(1), m.end(1), "rules.persons.upper", 0.8)
    for m in _LATIN_ROLE.finditer(folded):
        add(m.start(1), m.end(1), "rules.persons.role_before", 0.8)
    for m in _LATIN_HYPHENATED.finditer(folded):
        add(m.start(1), m.end(1), "rules.persons.romanised", 0.8)
    for m in _VIETNAMESE.finditer(folded):
        add(m.start(1), m.end(1), "rules.persons.vietnamese", 0.8)
    for m in _CALLED.finditer(folded):
        if m.group(1) not in _NOT_NAME_WORDS and m.group(1).lower() not in _STOP_WORDS:
            add(m.start(1), m.end(1), "rules.persons.called", 0.75)
    for m in _CAPITALISED_RUN.finditer(folded):
        if _PLACE_PREPOSITION.search(folded, max(0, m.start(1) - 8), m.start(1)):
            continue  # in Udon Thani, from Prey Veng: a place
        for start, end in _name_runs(folded, m.start(1), m.end(1)):
            add(start, end, "rules.persons.capitalised", 0.6)
    # a family or given name of a person already found stands for them on its own (Mr. Liao ... Liao)
    tokens: dict[str, str] = {}  # token -> the full name it stands for (the first found)
    for f in out:
        if f.source == "rules.persons.bracketed":
            continue
        for t in re.split(r"[\s-]+", f.norm):
            if len(t) >= 2 and t[0].isupper() and t not in _NOT_NAME_WORDS and t.upper() not in _NOT_NAMES:
                tokens.setdefault(t, f.norm)
                if t.isupper():  # HUANG CHIH-MING is Huang in the next sentence
                    tokens.setdefault(t.title(), f.norm)
    for token, full in sorted(tokens.items()):
        for start in _occurrences(folded, token):
            end = start + len(token)
            if (start and _LATIN_WORD_CHAR.match(folded[start - 1])) or (end < len(folded) and _LATIN_WORD_CHAR.match(folded[end])):
                continue
            out.append(Found(start, end, "PERSON", token, "rules.persons.repeat", 0.7, {"of": full}))
    return out


def _name_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The runs of two or more words between ``start`` and ``end`` that are not non-name words."""
    runs: list[tuple[int, int]] = []
    current: list[tuple[int, int]] = []
    for m in re.finditer(r"\S+", text[start:end]):
        word = m.group()
        if _is_name_word(word):
            current.append((start + m.start(), start + m.end()))
            continue
        if len(current) >= 2:
            runs.append((current[0][0], current[-1][1]))
        current = []
    if len(current) >= 2:
        runs.append((current[0][0], current[-1][1]))
    return runs


def _is_name_word(word: str) -> bool:
    parts = word.split("-")
    return not (word in _NOT_NAME_WORDS or word.lower() in _STOP_WORDS or word.upper() in _NOT_NAMES
                or any(p in _NOT_NAME_WORDS or p in _PLACE_WORDS for p in parts) or word in _PLACE_WORDS)


def find_persons(text: str, folded: str) -> list[Found]:
    """People named in the text; ``folded`` is ``nlp.text.fold(text)``. Overlaps are left to the caller."""
    return _chinese(text, folded) + _latin(text, folded)
