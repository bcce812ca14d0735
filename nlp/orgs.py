"""Organisations (ORG): prosecutors' offices, police and immigration units, missions abroad,
courts and NGOs, normalised to one canonical name each.

Prosecutors' offices are a closed list (Taiwan's district offices); the common typo
``檢查署`` for ``檢察署`` is accepted and corrected. Units are named by a place and a unit
word (``臺北市專勤隊``, ``國境事務大隊``); missions by ``駐`` + country + office word.

>>> [f.norm for f in find_orgs("移送臺中地方檢查署偵辦", "移送臺中地方檢查署偵辦")]
['臺中地方檢察署']
>>> [f.attrs["kind"] for f in find_orgs("Referred to the Taichung District Prosecutors Office", "Referred to the Taichung District Prosecutors Office")]
['prosecutors_office']
"""

from __future__ import annotations

import re

from nlp.found import Found
from nlp.text import has_cjk, has_latin

__all__ = ["find_orgs", "DISTRICTS"]

# district -> English name of the district prosecutors' office
DISTRICTS: dict[str, str] = {
    "臺北": "Taipei", "新北": "New Taipei", "士林": "Shilin", "桃園": "Taoyuan", "新竹": "Hsinchu", "苗栗": "Miaoli",
    "臺中": "Taichung", "彰化": "Changhua", "南投": "Nantou", "雲林": "Yunlin", "嘉義": "Chiayi", "臺南": "Tainan",
    "高雄": "Kaohsiung", "橋頭": "Qiaotou", "屏東": "Pingtung", "臺東": "Taitung", "花蓮": "Hualien", "宜蘭": "Yilan",
    "基隆": "Keelung", "澎湖": "Penghu", "金門": "Kinmen", "連江": "Lienchiang",
}
_EN_TO_DISTRICT = {en.lower(): zh for zh, en in DISTRICTS.items()}

_PROSECUTORS_ZH = re.compile(r"(?:臺灣|福建)?(" + "|".join(DISTRICTS) + r")(?:地方(?:法院)?檢[察查]署|地檢署)")
_PROSECUTORS_EN = re.compile(
    r"(?<![A-Za-z])(?:Taiwan\s+)?(" + "|".join(re.escape(v) for v in DISTRICTS.values()) + r")\s+District\s+Prosecutors?['’]?\s+Office",
    re.IGNORECASE,
)
_HIGH = re.compile(r"最高檢察署|臺灣高等檢察署(?:[\u4e00-\u9fff]{2}檢察分署)?|Supreme Prosecutors['’]? Office", re.IGNORECASE)

# A unit: an optional place (city or region) and a unit word. Places are limited to the
# district names and a few region words so that the verb before a unit is never taken in.
_PLACE = "(?:" + "|".join(DISTRICTS) + r")[市縣]?"
_UNITS_ZH = {
    "專勤隊": "police_unit", "國境事務大隊": "police_unit", "國境事務隊": "police_unit", "事務大隊": "police_unit",
    "刑事警察大隊": "police_unit", "刑事警察局": "police_unit", "警察局": "police_unit", "調查局": "police_unit",
    "調查處": "police_unit", "調查站": "police_unit", "移民署": "police_unit", "警政署": "police_unit",
    "海巡署": "police_unit", "航空警察局": "police_unit", "保安警察第[一二三四五六七]總隊": "police_unit", "地方法院": "court",
    "社會局": "social_services", "勞工局": "labour_office", "勞動部": "ministry", "外交部": "ministry",
    "法務部": "ministry", "內政部": "ministry", "衛生福利部": "ministry", "(?:北|中|南)區事務大隊": "police_unit",
}
# A unit is named down its chain: ministry, agency, region, city government, the unit and
# its sub-units, all one name (內政部警政署刑事警察局, 新北市政府警察局三重分局).
_MINISTRY = r"(?:內政部|法務部|勞動部|外交部|衛生福利部|海洋委員會)"
_AGENCY = r"(?:警政署|移民署|海巡署|調查局|刑事警察局)"
_SUB_UNIT = r"(?:婦幼警察隊|少年警察隊|保安警察大隊|[\u4e00-\u9fff]{2}分署|[\u4e00-\u9fff]{2}分局|[\u4e00-\u9fff]{2}派出所|刑事警察大隊|[\u4e00-\u9fff]{2}調查站|專勤隊|偵查隊)"
_UNIT_ZH = re.compile(
    f"{_MINISTRY}?{_AGENCY}?(?:(?:北|中|南)區事務大隊)?(?:{_PLACE}政府|{_PLACE})?"
    r"(?:" + "|".join(_UNITS_ZH) + f")(?:{_SUB_UNIT})*"
)
_FOREIGN_ZH = re.compile(
    r"柬埔寨國家警察總署|柬埔寨警方|泰國皇家警察(?:總署)?|泰國移民局|緬甸警方|寮國警方|越南公安|"
    # a foreign country, province or city and its police or immigration authority
    r"(?:柬埔寨|柬國|泰國|緬甸|寮國|越南|菲律賓|馬來西亞|印尼|杜拜|阿聯酋|(?<![遭被由向在至於將把自與和及的])[\u4e00-\u9fff]{2}省|胡志明市|金邊市|曼谷市|仰光市|杜拜市)"
    r"(?:國家|皇家)?(?:移民總局|移民局|警察總局|警察總署|警察局|公安廳|公安局|內政部|勞工部)"
)
_MISSION_ZH = re.compile(
    r"駐(?:泰國|越南|胡志明市|緬甸|柬埔寨|菲律賓|馬來西亞|印尼|杜拜|阿拉伯聯合大公國|寮國|新加坡|[\u4e00-\u9fff]{2,4}?)"
    r"(?:臺北|台北)?(?:經濟文化|商務)?(?:代表處|辦事處|辦事處處長|代表團)"
)
# companies, agencies and NGOs named in full (宏昇人力仲介有限公司, 財團法人台灣移駐勞工服務協會)
_COMPANY_ZH = re.compile(
    r"(?:財團法人|社團法人)[\u4e00-\u9fff]{2,20}?(?:協會|基金會|中心|服務社)"
    r"|(?P<name>[\u4e00-\u9fff]{2,12}?)(?P<suffix>股份有限公司|人力仲介有限公司|有限公司|人力仲介公司|國際人力|人力資源公司|"
    r"勞工協會|關懷協會|基金會|協會|集團)"
)
# where a name stops, reading back from its suffix: 翔係鼎鑫國際貿易有限公司, 玲經營之仲介公司
_NAME_BOUNDARY = re.compile(r".*[在於由向至與和及的之為將把被從到經以其該等並即係乃是獲任職前往赴營辦查稱售往宣布破過自讓給替跟對用]")
_GENERIC_NAMES = frozenset({"仲介", "人力", "境外", "海外", "當地", "跨境", "詐騙", "詐欺", "人蛇", "犯罪", "販運", "人口販運",
                            "該", "某", "本", "此", "國際", "跨國", "外國"})
_COUNTRY_PREFIX = re.compile(r"^(?:泰國|越南|柬埔寨|柬國|緬甸|菲律賓|印尼|馬來西亞|寮國|中國|臺灣|台灣|杜拜)")
_STANDALONE_UNIT_ZH = re.compile(r"(?:桃園國際機場|高雄國際機場|松山機場)?國境事務(?:大)?隊|婦幼警察隊|[\u4e00-\u9fff]{2}分局(?!長)")
_COMPANY_EN = re.compile(r"(?<![A-Za-z])(?:PT|CV|UD) +[A-Z][a-z]+(?: +[A-Z][a-z]+){0,4}"
                         r"|(?!(?:The|A|An) )[A-Z][A-Za-z&]+(?: +[A-Z][A-Za-z&]+){0,4} +(?:Co\.(?:,? *Ltd\.?)?|Ltd\.?|Inc\.?|"
                         r"Corp(?:oration)?\.?|Company|Manpower|Recruitment|Sdn\.? *Bhd\.?)(?![A-Za-z])")
# a city or county government's department (雲林縣政府勞動及青年發展處)
_GOVERNMENT_ZH = re.compile(_PLACE + r"政府[\u4e00-\u9fff]{2,10}?(?:處|局)(?![\u4e00-\u9fff]{0,1}長)")
_BANKS_ZH = re.compile(r"[\u4e00-\u9fff]{2,4}銀行(?<!該銀行)(?<!本銀行)|中國信託|中華郵政|國泰世華|台北富邦|臺北富邦|玉山銀行|台新銀行|臺灣銀行|合作金庫|土地銀行|華南銀行|"
                       r"第一銀行|兆豐銀行|彰化銀行|郵局")
# An organisation named in English: capitalised words ending in what kind of body it is
# (Royal Malaysia Police, Harbor Light Foundation, General Department of Immigration).
_EN_WORD = r"(?:[A-Z][A-Za-z'’-]*|[A-Z]{2,})"
_EN_HEAD = (r"(?:Foundation|Network|Police|Corps|Watch|Aid|Consulting|Bureau|Department|Agency|Office|Ministry|Association|Coalition|"
            r"Alliance|Brigade|Commissariat|Council|Court|Commission|Administration|Services?|Centre|Center|Shelter|"
            r"Society|Organi[sz]ation|Unit|Division|Force|Government|Embassy|Consulate|Committee|Federation|Union|"
            r"Bank|Airlines|Airways)")
_ORG_EN = re.compile(
    f"(?<![A-Za-z])(?!(?:The|A|An|Our|Their|His|Her) )({_EN_WORD}(?: +(?:for +(?:the +)?|and +)?{_EN_WORD})* +{_EN_HEAD}"
    f"(?: +(?:of|for) +(?:the +)?[A-Z][a-z]+(?: +(?:and +)?[A-Z][a-z]+)*)?(?: +in +[A-Z][a-z]+(?: +[A-Z][a-z]+)?)?"
    f"|TECO +in +[A-Z][a-z]+(?: +[A-Z][a-z]+)?)(?![A-Za-z])"
)
_NOT_ORG_START = frozenset("The A An Our Their His Her Its By From In At To On With For And Met Reached Called When After "
                           "Before During Since Officers Staff Members".split())
_UNITS_EN = re.compile(
    r"(?<![A-Za-z])(?:National Immigration Agency|Criminal Investigation Bureau|Investigation Bureau|"
    r"National Police Agency|Coast Guard Administration|Ministry of Foreign Affairs|Ministry of Justice|"
    r"Ministry of Labor|Ministry of Labour|Ministry of the Interior|"
    r"Taipei (?:Economic and Cultural|Commercial) (?:Representative )?Office in [A-Z][a-z]+(?: [A-Z][a-z]+)?|"
    r"Royal Thai Police|Cambodian National Police|Thai Immigration Bureau|Myanmar Police Force|"
    r"(?:Lao|Laos|Cambodian|Thai|Vietnamese) Anti-Human Trafficking (?:Department|Police|Unit)|"
    r"International Organization for Migration|IOM|Taiwan Fund for Children and Families|"
    r"Garden of Hope Foundation|Legal Aid Foundation|NIA|CIB|MJIB|UNODC|ILO|BDO|BRI|Kasikornbank|GCash|ABA Bank)(?![A-Za-z])"
)


def _unit_kind(name: str) -> str:
    for word, kind in _UNITS_ZH.items():
        if re.search(word + "$", name):
            return kind
    return "organisation"


def find_orgs(text: str, folded: str) -> list[Found]:
    """Organisations named in the text; ``folded`` is ``nlp.text.fold(text)``."""
    out: list[Found] = []
    zh, en = has_cjk(folded), has_latin(folded)
    for m in (_PROSECUTORS_ZH.finditer(folded) if zh else ()):
        out.append(Found(m.start(), m.end(), "ORG", f"{m.group(1)}地方檢察署", "rules.orgs", 0.97,
                         {"kind": "prosecutors_office"}))
    for m in (_PROSECUTORS_EN.finditer(folded) if en else ()):
        district = _EN_TO_DISTRICT[m.group(1).lower()]
        out.append(Found(m.start(), m.end(), "ORG", f"{district}地方檢察署", "rules.orgs", 0.95,
                         {"kind": "prosecutors_office"}))
    for m in _HIGH.finditer(folded):
        out.append(Found(m.start(), m.end(), "ORG", m.group(), "rules.orgs", 0.95, {"kind": "prosecutors_office"}))
    for m in (_UNIT_ZH.finditer(folded) if zh else ()):
        kind = _unit_kind(m.group())
        if kind == "court" and "檢" in folded[m.end() : m.end() + 2]:
            continue  # 地方法院檢察署 is the prosecutors' office, found above
        out.append(Found(m.start(), m.end(), "ORG", m.group(), "rules.orgs", 0.9, {"kind": kind}))
    for m in (_FOREIGN_ZH.finditer(folded) if zh else ()):
        if m.group().endswith("警方"):
            continue  # "the Cambodian police" is not a name
        out.append(Found(m.start(), m.end(), "ORG", m.group(), "rules.orgs", 0.85, {"kind": "foreign_agency"}))
    for m in (_MISSION_ZH.finditer(folded) if zh else ()):
        out.append(Found(m.start(), m.end(), "ORG", m.group(), "rules.orgs", 0.9, {"kind": "mission"}))
    for m in (_GOVERNMENT_ZH.finditer(folded) if zh else ()):
        out.append(Found(m.start(), m.end(), "ORG", m.group(), "rules.orgs", 0.9, {"kind": "government"}))
    for m in (_COMPANY_ZH.finditer(folded) if zh else ()):
        start = m.start()
        if m.group("name"):
            cut = _NAME_BOUNDARY.match(m.group("name"))
            start += cut.end() if cut else 0
            name = folded[start : m.start("suffix")]
            generic_group = m.group("suffix") == "集團" and any(name.endswith(g) for g in ("詐騙", "詐欺", "人蛇", "犯罪", "販運"))
            if len(name) < 2 or name in _GENERIC_NAMES or generic_group:
                continue  # 人蛇集團, 詐騙集團: what a group does, not its name
        out.append(Found(start, m.end(), "ORG", folded[start : m.end()], "rules.orgs.company", 0.8, {"kind": "company"}))
    for m in (_STANDALONE_UNIT_ZH.finditer(folded) if zh else ()):
        out.append(Found(m.start(), m.end(), "ORG", m.group(), "rules.orgs", 0.8, {"kind": "police_unit"}))
    for m in (_COMPANY_EN.finditer(folded) if en else ()):
        out.append(Found(m.start(), m.end(), "ORG", m.group(), "rules.orgs.company", 0.8, {"kind": "company"}))
    for m in (_BANKS_ZH.finditer(folded) if zh else ()):
        lead = _COUNTRY_PREFIX.match(m.group())
        start = m.start() + (lead.end() if lead and m.end() - m.start() - lead.end() >= 4 else 0)
        out.append(Found(start, m.end(), "ORG", folded[start : m.end()], "rules.orgs", 0.85, {"kind": "bank"}))
    for m in (_ORG_EN.finditer(folded) if en else ()):
        start, name = m.start(1), m.group(1)
        while (first := name.split(maxsplit=1)[0]) in _NOT_ORG_START and " " in name:
            start += len(first) + (len(name) - len(name[len(first):].lstrip()) - len(first))
            name = name[len(first):].lstrip()
        if " " in name or name.startswith("TECO"):
            out.append(Found(start, m.end(1), "ORG", name, "rules.orgs.english", 0.8, {"kind": "organisation"}))
    for m in (_UNITS_EN.finditer(folded) if en else ()):
        out.append(Found(m.start(), m.end(), "ORG", m.group(), "rules.orgs", 0.9, {"kind": "organisation"}))
    return out
