"""Roles of people (suspect, victim, recruiter, official, other) from the words around them.

Evidence is weighed in this order, the first that speaks decides:

1. a title on the name (``林處長志豪``, ``檢察官李文華``): official;
2. a role word right before the name (``被告``, ``被害人``, ``仲介``, ``victim``);
3. what the clause after the name says the person did or suffered (``X以高薪招募`` recruits;
   ``X遭誘騙``, ``X was rescued`` suffers; ``X涉嫌``, ``X was arrested`` is suspected): a
   verb after 遭/被/受 or a passive marks the victim of it, not the doer;
4. what the clause before the name says was done to them (``查獲X``: suspect; ``救出X``:
   victim; ``recruited by X``: recruiter).

>>> text = "被告陳大明以高薪招募被害人吳志偉前往柬埔寨"
>>> from nlp.found import Found
>>> people = [Found(2, 5, "PERSON", "陳大明", "t"), Found(13, 16, "PERSON", "吳志偉", "t")]
>>> assign_roles(text, people)
['suspect', 'victim']
"""

from __future__ import annotations

import re
from collections import Counter

from nlp.found import Found
from nlp.sentences import Sentences
from nlp.tables import Tables

__all__ = ["ROLES", "assign_role", "assign_roles"]

ROLES = ("suspect", "victim", "recruiter", "official", "other")

_COMPANY_TITLES = {"負責人", "董事長", "總經理", "經理"}

_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Pak|Bapak|Bu|Ibu|Daw|U|Ma|Lok|Nai|Khun|Pol\.?\s*Col|Pol\.?\s*Lt|Col|Capt|Sgt)\.?\s+)"
_PREFIX_ROLE = [
    (re.compile(r"(?:被告|嫌犯|犯嫌|主嫌|共犯|嫌疑人|車手|人蛇|蛇頭|通緝犯|被告人|首腦|成員|幹部|雇主|負責人|船長|輪機長|大副|老闆|主管|車手頭|同案|夥同|偕同)\s*$"), "suspect"),
    (re.compile(r"(?i)\b(?:employer|captain|owner|boss|manager|supervisor|ringleader|leader)\s*,?\s+" + _HONORIFIC + "?$"),
     "suspect"),
    (re.compile(r"(?i)\b(?:suspects?|defendants?)\b[^.;]{0,20}?\b(?:led by|including|among them|namely)\s+"
                + _HONORIFIC + "?$"), "suspect"),
    (re.compile(r"(?:被害人|受害人|受害者|被害者|倖存者|移工|外籍勞工|外勞|漁工|看護工)\s*$"), "victim"),
    (re.compile(r"(?:仲介|招募者|介紹人|招募人員|人力仲介|經紀人|(?:公司|仲介|人力)的?業務)\s*$"), "recruiter"),
    (re.compile(r"(?:檢察官|法官|聯絡官|移民秘書|警員|員警|社工|通譯|秘書|科長|組長|專員|(?:部|次|處|局|署|隊|所|司|院)長)\s*$"),
     "official"),
    (re.compile(r"(?i)(?:suspects?|defendants?|accused|trafficker|smuggler|ringleader|boss|organi[sz]er|mastermind|"
                r"accomplice|(?:his|her|their) partner|a driver,)\s+$"), "suspect"),
    (re.compile(r"(?i)\barrested\b[^.;]{0,80}?\b(?:members?|ring|gang|syndicate|group)\b[^.;]{0,40}[:：]\s*(?:the\s+\w+\s+)?$"),
     "suspect"),
    (re.compile(r"(?i)\b(?:victims?|survivors?|returnees?|client|another|deckhands?|fishermen|crew members?|"
                r"migrant workers?|domestic workers?|caregivers?)\s*,?\s*$"), "victim"),
    (re.compile(r"(?:犯罪嫌疑人|嫌疑人|被告人?|被移送人|主嫌)\s*$"), "suspect"),
    (re.compile(r"(?i)(?:caseworker|case worker|prepared by|reported by caseworker)\s+$"), "official"),
    (re.compile(r"(?i)\b(?:recruiters?|broker|agent)\b[^.;,]{0,30},?\s+" + _HONORIFIC + "?$"), "recruiter"),
    (re.compile(r"(?i)(?:pol\.?\s*(?:col|lt|maj|gen|capt)\.?|police\s+(?:major\s+|lieutenant\s+)?(?:general|colonel|captain))\s*$"),
     "official"),
    (re.compile(r"(?i)(?:spokes(?:person|man|woman)|officers?|prosecutor|liaison officer|judge|social worker|interpreter|inspector|sergeant|captain|"
                r"outreach worker|caseworker|case worker|lt\.?\s*gen\.?|maj(?:or)?\.?\s*gen(?:eral)?\.?|general|colonel|"
                r"(?:deputy\s+)?(?:minister|director(?:-general)?|ambassador|representative|commissioner|secretary|"
                r"chief|superintendent))\s*$"), "official"),
    # "recruited [through a job ad] by [a man calling himself] [Mr.] X": the agent of a passive
    (re.compile(r"(?i)\b(?:recruited|lured|trafficked|deceived|enticed|sold|contacted|approached|sent|hired|brought)\b"
                r"[^.;]{0,60}?\bby\s+"
                r"(?:an?\s+(?:man|woman|person|recruiter|broker)\s+(?:calling|who called)\s+(?:himself|herself)\s+|"
                r"(?:an?|the|her|his|their)\s+[\w -]{1,30}?,\s+)?" + _HONORIFIC + "?$"), "recruiter"),
]
# family and witness words: weaker than what the clause after the name says (我女兒X經同學介紹: the victim)
_KIN_ROLE = [
    # a family's own report names the missing relative: 我兒子X, my son X
    (re.compile(r"(?:我|我們)(?:的)?(?:(?:先生|太太|丈夫|妻子|老公|老婆|爸爸|媽媽)的)?(?:兒子|女兒|弟弟|妹妹|哥哥|姊姊|姐姐|先生|太太|丈夫|妻子|孩子|小孩|外甥|姪子|孫子|孫女|外孫女|外孫)\s*$"), "victim"),
    (re.compile(r"(?i)\bmy\s+(?:son|daughter|brother|sister|husband|wife|child|nephew|niece)\s*,?\s+$"), "victim"),
    # The caller says her younger brother X came to Taiwan: the relative a report is about
    (re.compile(r"(?i)\b(?:says|said|reports?|reported|told us)\s+(?:that\s+)?(?:her|his)\s+(?:younger\s+|elder\s+|older\s+)?"
                r"(?:son|daughter|brother|sister|husband|wife|child|nephew|niece)\s*,?\s+$"), "victim"),
    (re.compile(r"(?:我是|我叫|本人|家屬|母親|父親|姊姊|姐姐|其姊|其兄|其母|其父|其妻|其夫|哥哥|弟弟|妹妹|妻子|丈夫|兒子|女兒|其子|其女|友人|證人|同事|報案人)\s*$"),
     "other"),
    (re.compile(r"(?i)(?:witness|mother|father|sister|brother|wife|husband|son|daughter|friend|colleague|I am|"
                r"my name is)\s*,?\s+$"), "other"),
]

_PASSIVE = r"(?:遭|被(?![害告])|受(?![害理])|經(?![查濟理營常過手辦]))"
_TRAFFICKING_ACTS = r"(?:轉賣|賣|販賣|帶往|帶到|交給|送往|送進|押往|押到|運往|關進|囚禁)"
_AFTER_ROLE = [
    # 一個叫阿豪的從…打來，要我們付贖金: whoever demands the ransom holds the victim
    (re.compile(r"^[^。；]{0,40}?(?:付贖金|要贖金|索取贖金|索贖|不放人|才放人|才能放人)"), "suspect"),
    # 另X負責收取款項: a part in the scheme
    (re.compile(r"^[^，。；]{0,6}?負責(?:收取|安排|接送|招募|聯繫|管理|看管|收款|匯款|帶領|押送|物色)"), "suspect"),
    # X係該集團實際負責人: what X is said to be
    (re.compile(r"^\s*均?(?:係|為|是|乃)[^，。；]{0,12}?(?:負責人|老闆|主嫌|首腦|幹部|成員|金主|車手)"), "suspect"),
    # 阿翔幫他找到泰國的工作: the one who found the job
    (re.compile(r"^\s*(?:幫|替)(?:他|她|我|他們)?(?:找|介紹|安排)[^，。；]{0,10}?工作"), "recruiter"),
    # 一個叫 Kevin 的人，說可以介紹她去: the one who offered the job
    (re.compile(r"^\s*的人[，,]\s*(?:說|表示|稱)[^。；]{0,12}?(?:介紹|可以|保證|高薪|工作)"), "recruiter"),
    (re.compile(r"(?i)^\s*,?\s*(?:of|from)\s+(?:the\s+)?[A-Z][\w ]{0,40}?(?:Police|Agency|Bureau|Ministry|Department|"
                r"Immigration|Embassy|Consulate|Prosecutors?['’]? Office)\b"), "official"),
    # 王小明遭[陳大明誘騙], 其子X於112年初經表哥[Y邀約]: the agent is named next
    (re.compile(f"^[^。；]{{0,30}}?{_PASSIVE}[^，。；\\d]{{0,6}}$"), "victim"),
    (re.compile(f"^[^，。；]{{0,12}}?{_PASSIVE}[^，。；]{{0,8}}?(?:誘騙|招募|欺騙|騙|拘禁|控制|販賣|販運|毆打|剝削|押|帶往|脅迫|強迫|邀約|介紹)"),
     "victim"),
    (re.compile(r"^[^，。；]{0,24}?(?:看到|看見|應徵|投履歷)|^[^，。；]{0,12}?(?:應(?:其|他|她|對方)?邀|獲救|救出|逃出|脫逃|返國|返臺|遣返|受騙|被迫|淪為|求救)"), "victim"),
    (re.compile(f"^[^，。；]{{0,10}}?(?:把|將)[^，。；]{{0,6}}?{_TRAFFICKING_ACTS}"), "suspect"),
    (re.compile(r"^[^，。；]{0,24}?(?:招募|以高薪|誘騙|引誘|介紹|招攬|仲介|媒介|引介|利誘|刊登|徵才|邀約)"), "recruiter"),
    (re.compile(r"^[^，。；]{0,16}?(?:涉嫌|涉犯|起訴|移送|查獲|到案|逮捕|羈押|通緝|判刑|判決有罪)"), "suspect"),
    (re.compile(r"(?i)^[^.;]{0,60}?\b(?:was|were|had been|has been|being)\s+(?:\w+\s+)?(?:rescued|trafficked|lured|"
                r"deceived|repatriated|forced|held|detained|sold|exploited|beaten|freed|recruited|promised|offered|told|"
                r"made|driven|taken|flown|handed|brought|escorted|locked|confined|threatened|sent|moved|approached|contacted|hired|"
                r"placed)\b"), "victim"),
    (re.compile(r"(?i)^[^.;]{0,30}?\b(?:escaped|returned home|fled|came home|saw|answered|applied|walked out|ran away|"
                r"got out|broke out)\b"), "victim"),
    (re.compile(r"(?i)^[^.;]{0,12}?\b(?:one|two|three|four|five|\d+)\s+of\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:crew|workers|victims|"
                r"fishermen|people|persons|nationals|women|men|returnees)\b"), "victim"),
    (re.compile(r"(?i)^[^.;]{0,20}?\bwas\s+one\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:workers|victims|people|persons|"
                r"nationals|women|men|returnees|survivors)\b"), "victim"),
    (re.compile(r"(?i)^\s*,?\s*(?:who\s+(?:was|were|had been)\s+)?(?:held|detained|trapped|confined|rescued|trafficked)\b"),
     "victim"),
    # the person's own verb, not one of a relative clause after it (``a group that advertised``)
    (re.compile(r"(?i)^(?:(?!\b(?:that|which|who|whose)\b)[^.;]){0,30}?\b(?:recruited|lured|enticed|promised|offered|"
                r"advertised|posted)\b"), "recruiter"),
    (re.compile(r"(?i)^[^.;]{0,30}?\b(?:was|were)\s+(?:\w+\s+)?(?:arrested|charged|indicted|prosecuted|convicted|"
                r"accused|referred)\b"), "suspect"),
    (re.compile(r"(?i)^\s*on\s+charges?\s+of\b"), "suspect"),
    # ... was identified in January 2023 as a recruiter
    (re.compile(r"(?i)^[^.;]{0,60}?\b(?:identified|named|described|known|listed)\b[^.;]{0,20}?\bas\s+(?:a|an|the)?\s*"
                r"(?:recruiter|broker|agent)\b"), "recruiter"),
    (re.compile(r"(?i)^[^.;]{0,60}?\b(?:identified|named|described|known|listed)\b[^.;]{0,20}?\bas\s+(?:a|an|the)?\s*"
                r"(?:suspect|trafficker|boss|ringleader|handler|enforcer)\b"), "suspect"),
]
_BEFORE_ROLE = [
    # 返國之獲救國人計 5 人，分別為X、Y: a list of the rescued
    (re.compile(r"(?:獲救|救出|返國|返抵|被害人|受害人|(?i:victims?|rescued))[^。；]{0,30}(?:分別為|包括|計有|名單如下|為)\s*[:：]?\s*$"),
     "victim"),
    # 帶他去的是X, 介紹二人赴柬者為X: who took them or introduced them
    (re.compile(r"(?:帶|介紹|找|招募)(?:他|她|他們|二人|三人)?[^，。；]{0,6}?(?:的|者)(?:人)?(?:是|為)[^，。；]{0,12}$"), "recruiter"),
    # 認識一個男生，叫 Jason Lin; 一個自稱陳經理: whoever the victim met and was offered the job by
    (re.compile(r"(?:認識|結識)[^。；]{0,16}(?:叫|名叫|自稱)\s*[「\"“]?\s*$|自稱\s*[「\"“]?\s*$"), "recruiter"),
    # 園區主管為中國籍男子「彪哥」, 老闆是一個叫阿豹的
    (re.compile(r"(?:主管|老闆|負責人|首腦|幹部|金主)(?:為|是)[^，。；]{0,10}$"), "suspect"),
    (re.compile(r"(?:查獲|逮捕|拘提|起訴|移送|緝獲|通緝)[^，。；]{0,6}$"), "suspect"),
    (re.compile(r"(?:救出|救援|協助|營救|接回|安置|保護|帶出|接出|救回|帶離)[^，。；]{0,6}$"), "victim"),
    (re.compile(r"(?:招募|誘騙|引誘|誘使|吸引|招攬|邀約|販賣|轉賣|控制|拘禁|毆打|帶往|送往)[^，。；]{0,4}$"), "victim"),
    (re.compile(f"{_PASSIVE}[^，。；\\d]{{0,6}}$"), "recruiter"),
    (re.compile(r"(?i)\b(?:rescued|repatriated|sheltered|assisted|helped|freed|brought back|brought out|removed|evacuated)\s+"
                + _HONORIFIC + "?$"), "victim"),
    (re.compile(r"(?i)\b(?:recruited|lured|trafficked|sold|deceived|enticed|smuggled)\s+" + _HONORIFIC + "?$"), "victim"),
    (re.compile(r"(?i)\b(?:rescued|freed|received|repatriated|took in|recruited|lured|trafficked|sent)\b[^.;]{0,60}?\b(?:including|among them|"
                r"among whom)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:(?:nationals?|workers?|women|men|citizens?)\s+)?"
                + _HONORIFIC + "?$"), "victim"),
    (re.compile(r"(?i)\b(?:arrested|charged|indicted|detained|prosecuted)\s+" + _HONORIFIC + "?$"), "suspect"),
    # charged a married couple, X and Y; arrested two brokers, X and Y
    (re.compile(r"(?i)\b(?:arrested|charged|indicted|detained|prosecuted)\s+(?:an?|the|two|three|four)\s+[\w -]{1,30}?,\s*"
                + _HONORIFIC + "?$"), "suspect"),
    # 一個叫阿豪的, 認識一個男生，叫 Jason Lin: someone who came to the victim or the family by a name
    (re.compile(r"(?:一個|有個|有一個|一名)[^，。；]{0,6}叫\s*$|(?<![我她他])叫\s*$"), "recruiter"),
    # hold two Taiwanese men, X and Y, who walked out: the group the names stand for
    (re.compile(r"(?i)\b(?:two|three|four|five|six|\d+)\s+(?:[A-Z]\w+\s+)?(?:men|women|nationals|workers|girls|boys)\s*,\s*$"),
     "victim"),
    # someone met under a name they gave: a woman calling herself X offered the job; a man known as X ran it
    (re.compile(r"(?i)\b(?:call(?:ing|ed)\s+(?:himself|herself)|who\s+called\s+(?:himself|herself)|went\s+by|"
                r"(?:using|under|used)\s+the\s+name|"
                r"introduced\s+(?:himself|herself)\s+as)\s*[\"“']?\s*" + _HONORIFIC + "?$"), "recruiter"),
    (re.compile(r"(?i)\b(?:known\s+(?:only\s+)?as|knew\s+(?:only\s+)?as|a\s+(?:man|woman)\s+(?:called|named))\s*[\"“']?\s*"
                r"(?:U\s+|" + _HONORIFIC + ")?$"), "suspect"),
]

# names listed together: a comma, 、, 及, and (a parenthesis between: ``X (passport 1) and Y``)
_COORDINATION = re.compile(r"^\s*[)）]?\s*(?:[（(][^()（）]{0,40}[)）])?\s*(?:,\s*\d{1,2}\s*)?(?:[、,，及與和跟]|,?\s*and|&)\s*"
                           r"(?:國人|[\u4e00-\u9fff]{1,3}籍(?:男子|女子|人士)?|男子|女子|"
                           r"(?i:(?:[A-Z][a-z]+\s+)?(?:national|citizen|woman|man))\s+)?\s*$")

# 由X + verb: X is the doer (經由, 理由 are not this 由)
_BY_AGENT = re.compile(r"(?<![經理緣事])由[^，。；由]{0,8}$")
_BY_RECRUITER = re.compile(r"^\s*(?:帶領|帶隊|面試|錄取|招募|招攬|介紹|引介|仲介|安排[^，。；]{0,6}(?:出境|出國|機票|工作|簽證))")
_BY_HOLDER = re.compile(r"^\s*(?:接往|接到|接至|載往|載到|載至|帶往|帶到|帶至|看管|控制|押|收走|收取|沒收|扣留|送往|送到|轉賣|監視|管理)")
_HANDLE_OVER = re.compile(r"^\s*(?:將|把)\s*$")
_HANDLE_OVER_BEFORE = re.compile(r"(?:將|把)\s*$")
_ACT_AFTER_NAME = re.compile(f"^[^，。；]{{0,8}}?{_TRAFFICKING_ACTS}")
_ACT_RIGHT_AFTER = re.compile(f"^[^，。；]{{0,4}}?{_TRAFFICKING_ACTS}")


def _list_ends(text: str, person: Found, people: list[Found], left: int, right: int) -> tuple[str, str]:
    """The words before the first and after the last name of the list ``person`` stands in
    (甲、乙及丙: one list), within its sentence; brackets after a name (its age) are dropped."""
    ordered = sorted((p for p in people if left <= p.start < right), key=lambda p: p.start)
    i = next(n for n, p in enumerate(ordered) if p is person)
    first = last = i
    while first > 0 and _COORDINATION.match(_PARENTHESIS.sub("", text[ordered[first - 1].end : ordered[first].start])):
        first -= 1
    while last + 1 < len(ordered) and _COORDINATION.match(_PARENTHESIS.sub("", text[ordered[last].end : ordered[last + 1].start])):
        last += 1
    start = ordered[first - 1].end if first > 0 else left
    end = ordered[last + 1].start if last + 1 < len(ordered) else right
    return text[start : ordered[first].start], _PARENTHESIS.sub(" ", text[ordered[last].end : end])


def _end_of(people: list[Found], start: int) -> int:
    return next(p.end for p in people if p.start == start)


_LABEL_COLON = re.compile(r"[：:]\s*$")
# a parenthesis right after a name that says what the person is
_APPOSITION = re.compile(r"\s*,\s*(?:\d{1,2}\s*,\s*)?(?:a|an|the)\s+((?:[\w-]+\s+){0,2}?(?:broker|recruiter|agent|boss|owner|"
                         r"employer|ringleader|trafficker))\b")
_ASIDE_AFTER = re.compile(r"\s*[（(]([^()（）]{1,80})[)）]")
_ASIDE_ROLE = [
    (re.compile(r"仲介|招募|介紹人|(?i:broker|recruiter|agent\b)"), "recruiter"),
    (re.compile(r"被告|嫌疑|主嫌|嫌犯|負責人|老闆|雇主|(?i:suspect|defendant|accused|owner|boss|employer)"), "suspect"),
    (re.compile(r"被害|受害|(?i:victim|survivor)"), "victim"),
    (re.compile(r"聯絡官|秘書|檢察官|警|通譯|社工|(?i:officer|interpreter|social worker|prosecutor|caseworker|police)"),
     "official"),
    (re.compile(r"^(?:[母父妻夫姊姐兄哥弟妹子女]|(?:其|之)?(?:母親|父親|妻子|丈夫|姊姊|姐姐|哥哥|弟弟|妹妹|兒子|女兒|家屬|友人|證人)|"
                r"(?i:mother|father|wife|husband|sister|brother|son|daughter|witness|friend))$"), "other"),
]
_PARENTHESIS = re.compile(r"[（(][^()（）]{0,80}[)）]")


def assign_role(text: str, person: Found, people: list[Found], sentences: Sentences | None = None) -> str | None:
    """The role of ``person`` (a PERSON found in ``text``) from its sentence, or None when the
    sentence says nothing of it; ``people`` are the persons of its sentence, to bound its context."""
    return _decide(text, person, people, sentences)[0]


def _decide(text: str, person: Found, people: list[Found], sentences: Sentences | None) -> tuple[str | None, str]:
    """The role a mention's sentence gives it, and what said so: ``label`` (a title or role word
    presenting the person), ``clause`` (what the sentence says they did or suffered) or ``context``."""
    if person.attrs.get("title"):
        return ("other" if person.attrs["title"] in _COMPANY_TITLES else "official"), "label"
    if person.source.endswith("title_before"):
        return "official", "label"
    left, right = (sentences or Sentences(text)).bounds(person.start)
    others_before = [p.end for p in people if p is not person and left <= p.end <= person.start]
    others_after = [p.start for p in people if p is not person and person.end <= p.start < right]
    before = text[max([left, *others_before]) : person.start]
    # a parenthesis after the name (its handle, passport, other-script name) says nothing of the role
    after = _PARENTHESIS.sub(" ", text[person.end : min([right, *others_after])])
    # X將Y帶往: X did it to Y (the clause runs on past the name of Y)
    if _HANDLE_OVER.match(after) and others_after:
        if _ACT_AFTER_NAME.match(text[_end_of(people, min(others_after)) : right]):
            return "suspect", "clause"
    if _HANDLE_OVER_BEFORE.search(before) and _ACT_RIGHT_AFTER.match(after):
        return "victim", "clause"
    # 將童○琪（17 歲）、葛 O 婷（16 歲）帶往: a list between 將 and the act
    group_before, group_after = _list_ends(text, person, people, left, right)
    if _HANDLE_OVER_BEFORE.search(group_before) and _ACT_RIGHT_AFTER.match(group_after):
        return "victim", "clause"
    if _BY_AGENT.search(before):  # 由X帶領辦理報到, 由X接往公寓: X does it
        if _BY_RECRUITER.match(after):
            return "recruiter", "clause"
        if _BY_HOLDER.match(after):
            return "suspect", "clause"
    apposition = _APPOSITION.match(text, person.end, right)
    if apposition:  # Mr. Somchai Kaewkla, 45, a labour broker from ...
        said = next((role for pattern, role in _ASIDE_ROLE if pattern.search(apposition.group(1))), None)
        if said in ("recruiter", "suspect"):
            return said, "label"
    aside = _ASIDE_AFTER.match(text, person.end, right)
    if aside:  # 莊○玲（人力仲介公司負責人）, HO YA-CHI (liaison officer), 鄭美雲（母）
        said = next((role for pattern, role in _ASIDE_ROLE if pattern.search(aside.group(1))), None)
        if said is not None:
            return said, "label"
    label_before = _LABEL_COLON.sub("", before[-64:])
    prefix = next((role for pattern, role in _PREFIX_ROLE if pattern.search(label_before)), None)
    # the cue nearest the name speaks for it (被告X等人涉嫌招募: suspected, of recruiting);
    # on a tie the earlier pattern wins: a passive (``was recruited``) before the active verb
    hits = [(m.end(), i, role) for i, (pattern, role) in enumerate(_AFTER_ROLE) if (m := pattern.search(after))]
    clause = min(hits)[2] if hits else None
    if prefix is not None:
        # a broker or employer the clause says is suspected (仲介X涉嫌) is a suspect
        return ("suspect" if prefix == "recruiter" and clause == "suspect" else prefix), "label"
    if clause is not None:
        return clause, "clause"
    for pattern, role in _KIN_ROLE:
        if pattern.search(before[-30:]):
            return role, "context"
    for pattern, role in _BEFORE_ROLE:
        if pattern.search(before):
            return role, "context"
    return None, "context"

_VICTIM_DOCUMENT = re.compile(r"返國|返臺|返抵|獲救|救出|解救|遣返|協尋|失聯|被騙|安置|庇護|受困|被迫|強迫|"
                              r"(?i:repatriat|rescued|returnee|missing|shelter|escaped|intake|clients?\b|crew|exploit|forced)")
# a name's other form: in brackets, after 即 or 英文名字是, a.k.a., (name in passport ...)
_BRACKETED = re.compile(r"^\s*(?:[（(]|即|亦即|又名|[，,]?\s*(?:的)?(?:英文名(?:字)?|中文名(?:字)?(?:說)?|護照上的(?:拼法|名字|英文名))(?:是|為)|"
                        r"(?i:a\.?k\.?a\.?|also known as|alias|[（(]\s*name in (?:his |her |the )?passport))\s*$")
_TABLE_HEADERS = [
    (re.compile(r"被告|嫌疑人|犯嫌|(?i:suspect|defendant|accused)"), "suspect"),
    (re.compile(r"被害人|受害人|(?i:victim)"), "victim"),
    (re.compile(r"仲介|招募|(?i:recruiter|broker)"), "recruiter"),
]


_ROLE_COLUMN = re.compile(r"角色|身分|身份|(?i:role)")
_ROLE_CELL = [
    (re.compile(r"招募|仲介|介紹|(?i:recruit|broker|agent)"), "recruiter"),
    (re.compile(r"被害|受害|(?i:victim|survivor)"), "victim"),
    (re.compile(r"車手|主嫌|被告|幹部|聯絡人|首腦|金主|打手|提供者|帳戶|司機|看守|(?i:suspect|boss|leader|handler|enforcer|driver|guard)"),
     "suspect"),
]


def assign_roles(text: str, people: list[Found]) -> list[str]:
    """Roles of all people found in a text, in their order.

    A mention's own clause speaks first; then the list it stands in (``被告陳大明、林美玲及
    張○○``, ``Kao and Tu were recruited``), its bracketed other-script form, the column of a
    table it sits in; then the same name elsewhere in the document; then what the document is
    about.
    """
    sentences = Sentences(text)
    by_sentence: dict[tuple[int, int], list[Found]] = {}
    for p in people:
        by_sentence.setdefault(sentences.bounds(p.start), []).append(p)
    ordered = sorted(range(len(people)), key=lambda i: people[i].start)
    decided = [_decide(text, p, by_sentence[sentences.bounds(p.start)], sentences) for p in people]
    roles: list[str | None] = [role for role, _ in decided]
    labels: list[str | None] = [role if how == "label" else None for role, how in decided]
    _share_within_groups(text, people, ordered, labels)  # 被害人許Ｏ豪、葉○佑: the label is the list's
    _share_within_groups(text, people, ordered, roles)
    tables = Tables(text)
    for i, p in enumerate(people):
        if roles[i] is None:
            roles[i] = _table_column_role(tables, p)
    # the same name elsewhere in the document
    def key(p: Found) -> str:
        return str(p.attrs.get("of", p.norm))  # a surname alone stands for the full name it repeats

    by_name: dict[str, Counter[str]] = {}
    for p, role in zip(people, roles):
        if role is not None:
            by_name.setdefault(key(p), Counter())[role] += 1
    roles = [
        role if role is not None else (by_name[key(p)].most_common(1)[0][0] if key(p) in by_name else None)
        for p, role in zip(people, roles)
    ]
    _share_within_groups(text, people, ordered, roles)
    # what the document is about: a returnee list or a rescue report is about victims
    default = "victim" if _VICTIM_DOCUMENT.search(text) else "other"
    return _one_role_per_person(text, people, ordered, [role or default for role in roles], labels)


_PRECEDENCE = ("suspect", "recruiter", "official", "victim", "other")


def _one_role_per_person(text: str, people: list[Found], ordered: list[int], roles: list[str],
                         labels: list[str | None]) -> list[str]:
    """A person has one role in a document: the one a label presents them with (被告, 仲介,
    a title), else the one most of their mentions have (the first mention's on a tie)."""
    key: dict[int, str] = {}
    for n, i in enumerate(ordered):
        p = people[i]
        key[i] = str(p.attrs.get("of", p.norm))
        if n and _BRACKETED.match(text[people[ordered[n - 1]].end : p.start]):
            key[i] = key[ordered[n - 1]]  # 陳偉廷（CHEN WEI-TING）
    members: dict[str, list[int]] = {}
    for i in ordered:
        members.setdefault(key[i], []).append(i)
    out = list(roles)
    for group in members.values():
        labelled = Counter(labels[i] for i in group if labels[i] is not None)
        if labelled:
            top = max(labelled.values())
            role = next(r for r in _PRECEDENCE if labelled.get(r) == top)
        elif {"recruiter", "suspect"} <= {roles[i] for i in group}:
            # one who recruited and is charged for it is a suspect (unless presented as a broker: a label)
            role = "suspect"
        else:
            counts = Counter(roles[i] for i in group)
            top = max(counts.values())
            role = next(roles[i] for i in group if counts[roles[i]] == top)
        for i in group:
            out[i] = role
    return out


def _share_within_groups(text: str, people: list[Found], ordered: list[int], roles: list[str | None]) -> None:
    """Names listed together, or a name and its bracketed other-script form, share one role:
    the role one of them has, when nothing else speaks for the others."""
    groups: list[list[int]] = [[ordered[0]]] if ordered else []
    for prev, cur in zip(ordered, ordered[1:]):
        between = text[people[prev].end : people[cur].start]
        if _COORDINATION.match(between) or _BRACKETED.match(between):
            groups[-1].append(cur)
        else:
            groups.append([cur])
    for group in groups:
        known = [roles[i] for i in group if roles[i] not in (None, "other")]
        if len(group) > 1 and known:
            shared = Counter(known).most_common(1)[0][0]
            for i in group:
                if roles[i] is None:
                    roles[i] = shared


def _table_column_role(tables: Tables, person: Found) -> str | None:
    """The role a table gives a name in it: its column's header (``被告``, ``被害人``), else a
    column of roles in its row (角色, Role)."""
    cell = tables.at(person.start)
    if cell is None:
        return None
    header_role = next((role for pattern, role in _TABLE_HEADERS if pattern.search(cell.header)), None)
    if header_role is not None:
        return header_role
    for other in tables.row(cell):
        if other is not cell and _ROLE_COLUMN.search(other.header):
            said = next((role for pattern, role in _ROLE_CELL if pattern.search(other.text)), None)
            if said is not None:
                return said
    # 犯罪嫌疑人一覽表, Repatriation manifest: what the table lists, from its caption
    return next((role for pattern, role in _TABLE_HEADERS if pattern.search(cell.caption)), None)
