"""Trafficking indicators tagged in narratives, each with the span that shows it.

Three kinds, for the CTDC and HTCDS exports and the protection side of the 4P report:

* ``MethodsOfControl``: the values of the Human Trafficking Case Data Standard
  (PhysicalThreats, DebtBondage, WithholdsDocuments, ...);
* ``RecruitmentMethod``: job_ad, social_media, acquaintance, agency, family;
* ``ExploitationType``: forced_criminality (scam compounds, which the standard lacks),
  labour, sexual, organ_removal.

Each is attached to the person it is about when the sentence names one (the nearest victim,
else the nearest person).

>>> [(i.type, i.value) for i in find_indicators("護照遭沒收，每天被迫工作16小時", "護照遭沒收，每天被迫工作16小時")]
[('MethodsOfControl', 'WithholdsDocuments'), ('MethodsOfControl', 'ExcessiveWorkingHours')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.text import ascii_lower, fold, has_cjk, has_english

__all__ = ["Indicator", "find_indicators", "LEXICON"]


@dataclass(frozen=True)
class Indicator:
    type: str
    value: str
    start: int
    end: int


# (type, value) -> Chinese and English expressions (regular expressions, matched on folded
# text). Offence names (勞力剝削, sexual exploitation) are OFFENSE entities, not indicators:
# an indicator is the narrative that shows it (強迫從事性交易, forced into prostitution).
LEXICON: dict[tuple[str, str], tuple[str, ...]] = {
    ("MethodsOfControl", "PhysicalThreats"): (
        r"威脅|恐嚇|揚言要?(?:殺|打|賣)|(?:會|就會|要)被打|要打(?:他|她|你)|持槍看守",
        r"threat(?:en(?:ed)?|s)?\b(?! to (?:report|call|have))|armed guards?|would be beaten"),
    ("MethodsOfControl", "ThreatsLawEnforcement"): (
        r"(?:威脅|恐嚇|揚言).{0,8}(?:報警|警察|移民局|坐牢|遣返|抓去關)",
        r"threaten(?:ed)? (?:to )?(?:report|call|hand|have) .{0,30}(?:police|immigration|deported|arrest|illegal)|"
        r"threatened with arrest"),
    ("MethodsOfControl", "ThreatensChildrenFamily"): (
        r"(?:威脅|恐嚇|揚言).{0,8}(?:家人|家屬|父母|小孩|孩子)|(?:對|傷害)(?:其|他的|她的)?家人不利|家人安危",
        r"threaten(?:ed)? (?:to hurt )?(?:his|her|their) (?:family|children|parents)"),
    ("MethodsOfControl", "DebtBondage"): (
        r"債務|欠債|背債|賠償金|違約金|贖身|贖金|贖人|欠公司錢|還清.{0,6}(?:機票|仲介費|債|費用)|償還.{0,4}(?:機票|費用)|"
        r"以工資抵償|抵債|仲介費債務|欠公司|從薪水扣|借據|本票",
        r"debt|owed? (?:money|the (?:company|agency|boss))|pay off|ransom|penalty fee|release fee|placement fee"),
    ("MethodsOfControl", "FalsePromises"): (
        r"輕鬆(?:的)?[\u4e00-\u9fff]{0,6}工作|薪水(?:很|又)?(?:高|好)|包吃包住|賺大錢|保證(?:月薪|收入|高薪)|高收入|"
        r"假(?:工作|職缺)|虛假(?:工作|承諾)|佯稱|觀光打工|模特兒|出國一趟即可|高薪",
        r"false (?:job|promise)s?|promised (?:him |her |them )?(?:a )?(?:well[- ]paid|high[- ]paying|easy)|fake job|"
        r"high (?:salar(?:y|ies)|pay)|(?:a )?monthly salary|easy (?:office |online )?(?:work|jobs?)|(?:well|highly)[- ]paid|"
        r"(?:call-centre|call-center|casino|restaurant|construction|office|hotel|factory|customer[- ]service|data-entry|"
        r"reception|model(?:l)?ing) (?:jobs?|work)"),
    ("MethodsOfControl", "PhysicalAbuse"): (
        r"毆打|電擊|虐待|體罰|凌虐|痛打|鞭打|打傷|瘀傷|拳打腳踢|被打|遭打|水牢|暴力",
        r"beaten|beat (?:him|her|them)|beatings?|tortured|electric shock|physically abused|whipped|kicked|slapped"),
    ("MethodsOfControl", "SexualAbuse"): (r"性侵|強制性交|性騷擾|猥褻",
                                         r"sexual(?:ly)? (?:abuse|assault|abused|assaulted)|raped"),
    ("MethodsOfControl", "TakesEarnings"): (
        r"扣薪|不給薪|未給薪|沒收薪|扣留薪|拿走薪|無薪|扣發|薪資遭扣|扣留[\u4e00-\u9fff]{0,4}(?:收入|薪)|收入[\u4e00-\u9fff]{0,4}(?:遭|被)扣|抽成|拿不到薪水",
        r"withheld (?:his |her |their )?(?:wages|salary|pay)|wages (?:had been |were |was )?withheld|unpaid|"
        r"took (?:half of )?(?:his |her |their )?(?:earnings|wages|commissions?)|never received (?:his |her |their )?"
        r"(?:wages|pay|salary)|without pay|kept (?:all )?(?:his |her |their )?earnings|deducted from (?:his |her |their )?"
        r"(?:wages|salary|pay)"),
    ("MethodsOfControl", "RestrictsFinancialAccess"): (
        r"(?:提款卡|金融卡|存摺|帳戶).{0,4}(?:被|遭)?(?:收走|控制|扣留|沒收)",
        r"(?:bank card|atm card|account)s? (?:was |were )?(?:taken|controlled|confiscated)|"
        r"kept (?:his |her |their )?(?:bank|atm) cards?"),
    ("MethodsOfControl", "RestrictsMedicalCare"): (
        r"不(?:讓|准|給)(?:他|她|其)?(?:就醫|看醫生|看病)|拒絕就醫|無法就醫|不得就醫",
        r"denied (?:medical|health )?(?:care|treatment)|refused (?:medical )?treatment|not allowed to see a doctor"),
    ("MethodsOfControl", "WithholdsNecessities"): (
        r"不給(?:飯|食物|水)|斷食|挨餓|不准吃飯|僅供一餐|沒有飯吃",
        r"denied (?:food|water)|starved|no food|without (?:running )?water|without food|little food"),
    ("MethodsOfControl", "PsychologicalAbuse"): (r"辱罵|羞辱|精神虐待|恐嚇訊息|監控|私密照片|要脅",
                                                r"psychological(?:ly)? abuse|humiliat|verbal(?:ly)? abuse"),
    ("MethodsOfControl", "PsychoactiveSubstance"): (r"毒品|強迫吸毒|下藥|注射|K\s*他命|安非他命|搖頭丸|不明藥物",
                                                    r"drugs?\b|drugged|narcotics|methamphetamine|meth\b|ketamine"),
    ("MethodsOfControl", "ExcessiveWorkingHours"): (
        r"每天(?:被迫)?(?:工作|做)\s*(?:1[2-9]|2[0-4]|十[二三四五六七八九]|二十)\s*(?:個)?小時|超時工作|日夜工作|"
        r"(?:做|工作)\s*(?:1[2-9]|十[二三四五六七八九])\s*(?:個)?小時|(?:1[2-9]|十[二三四五六七八九])\s*小時|全年無休|沒有休假",
        r"(?:1[2-9]|2[0-4]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen)[- ]hours?(?: shifts?)? "
        r"(?:a|per|each) day|long hours|around the clock|no days? off|seven days a week"),
    ("MethodsOfControl", "WithholdsDocuments"): (
        r"護照.{0,4}(?:遭|被)?(?:沒收|扣留|收走|扣押|拿走|保管)|(?:沒收|扣留|收走|扣押|保管)(?:其|他|她|被害人|大家)?.{0,2}護照|"
        r"才還護照|代為保管|護照[^。；]{0,16}?(?:遭|被)[\u4e00-\u9fff]{0,4}(?:扣留|沒收|收走|扣押)",
        r"(?:confiscated|took|withheld|kept|held|seized) (?:his |her |their |everyone's )?passports?|"
        r"passports? (?:was |were |had been |has been |have been )?(?:confiscated|taken|withheld|seized|kept)"),
    ("MethodsOfControl", "Other"): (
        r"手機(?:被|遭)(?:收走|沒收)|被轉賣|轉賣|被賣到|賣給|出不來|不准外出|限制行動|關禁閉|禁止外出|拘禁|囚禁",
        r"sold (?:him|her|them) (?:on )?to|sold between|locked (?:inside|in|up)|confined|not allowed to leave"),
    ("RecruitmentMethod", "job_ad"): (r"求職廣告|徵才廣告|網路廣告|徵人廣告|招聘廣告|[\u4e00-\u9fff]{0,4}工作廣告|求職網站|網路徵才|徵才|應徵",
                                      r"job (?:ad|advert|advertisement|posting)s?|answered an ad|advertised (?:overseas )?jobs"),
    ("RecruitmentMethod", "social_media"): (r"臉書社團|臉書|社群媒體|社群平台|微信|抖音|Instagram|(?:LINE|Telegram)\s*(?:群組|社群|頻道)",
                                            r"social media|facebook|line app|line groups?|telegram (?:channel|group)s?|wechat|tiktok|instagram"),
    ("RecruitmentMethod", "acquaintance"): (r"朋友|友人|熟人|同學|網友|同鄉|鄰居",
                                            r"(?:a |his |her )?friend|acquaintance|classmate|neighbou?r"),
    ("RecruitmentMethod", "agency"): (r"人力仲介|仲介公司|人力公司|勞務公司",
                                      r"(?:recruitment|employment|manning|labou?r|placement) agency"),
    ("RecruitmentMethod", "family"): (r"親戚|表(?:哥|姊|姐|弟|妹)|堂(?:哥|姊|姐|弟|妹)|姑姑|阿姨|舅舅|叔叔",
                                      r"(?:a )?relative|cousin|uncle|aunt"),
    ("ExploitationType", "forced_criminality"): (
        r"詐騙園區|詐騙集團|詐騙公司|被迫(?:從事)?[\u4e00-\u9fff]{0,6}詐騙|從事[\u4e00-\u9fff]{0,6}詐騙|電信詐騙|網路詐騙",
        r"scam (?:compound|centre|center|operation)s?|(?:forced|made) to (?:run |commit |do |carry out )?"
        r"(?:[\w-]+ ){0,2}?(?:scams?|fraud)|forced to defraud|online (?:scams?|fraud)|romance scams?"),
    ("ExploitationType", "labour"): (r"強迫勞動|強制勞動|遠洋漁船|漁船上|做苦工",
                                     r"forced to work|fishing on|distant-water|fishing vessel|worked on a (?:farm|boat)|"
                                     r"at sea"),
    ("ExploitationType", "sexual"): (r"性交易|賣淫|接客|陪酒|色情", r"prostitution|sex work|sell sex|forced into sex"),
    ("ExploitationType", "organ_removal"): (r"摘取腎臟|摘腎|賣腎|取出腎臟", r"(?:sell|sold|remove[ds]?|harvest(?:ed)?) (?:a |his |her |their )?kidneys?"),
}
# More ways the same indicators are written, kept apart so each entry above stays readable.
_MORE: dict[tuple[str, str], tuple[str, str]] = {
    ("MethodsOfControl", "ExcessiveWorkingHours"): (
        r"(?:工作|做)[^。；，]{0,10}(?:至|到)(?:凌晨|半夜|深夜)|每(?:日|天)工作\s*\d{2}\s*小時以上|只能睡[^，。；]{0,6}(?:小時|鐘頭)",
        r"shifts? of up to \d+ hours|up to \d+ hours|\d{2} hours a day|from \d{1,2} ?a\.?m\.? to \d{1,2} ?p\.?m"),
    ("MethodsOfControl", "PhysicalAbuse"): (r"電棍|電擊棒|抽打|拖到[^，。；]{0,8}打|打(?:他|她|我)|每天被打",
                                            r"stun gun|hit with|punched|beat (?:workers|people|those|anyone|us)\b"),
    ("MethodsOfControl", "Other"): (r"(?:遭|被)轉交|關(?:在|進|入)[^，。；]{0,10}(?:屋|房|房間|籠|室|宿舍)|小黑屋|狗籠|鐵皮屋|不得外出|手機[^，。；]{0,4}(?:收走|沒收|拿走)",
                                    r"locked in a room|kept in a cage|(?:confiscated|seized|took) (?:their|his|her|our) (?:mobile )?phones?|locked (?:the \w+|them|him|her) in\b|took (?:his|her|their) (?:mobile )?phones?|phones? (?:was|were) taken"),
    ("MethodsOfControl", "PsychoactiveSubstance"): (r"愷他命|K\s*菸|吃藥|藥丸", r"yaba|sedated|pills"),
    ("MethodsOfControl", "PsychologicalAbuse"): (r"被罵|沒用的東西|裸照|把柄", r"screamed at|calling them (?:stupid|useless)"),
    ("MethodsOfControl", "RestrictsFinancialAccess"): (
        r"(?:提款卡|存摺)[^，。；]{0,6}(?:保管|拿去|持有)|持有[^，。；]{0,10}(?:存摺|提款卡)",
        r"keeps? (?:his |her |their )?(?:atm|bank) cards?|company-held bank card|"
        r"accounts? (?:they|the men|the workers) could not (?:access|use)"),
    ("MethodsOfControl", "DebtBondage"): (r"借貸|欠[^，。；]{0,6}(?:錢|費)|機票[^，。；]{0,4}住宿費|轉賣費",
                                         r"deposit|loans?\b|repay|owed? (?:them|him|her|the \w+)\b"),
    ("MethodsOfControl", "PhysicalThreats"): (r"以槍|持槍|槍枝|如果[^，。；]{0,6}報警|(?:不|沒)[^，。；]{0,6}就(?:把|將)?[^，。；]{0,4}(?:賣掉|轉賣|打死|殺)",
                                             r"guards? carry|guns?\b|threatened to sell"),
    ("MethodsOfControl", "FalsePromises"): (r"包機票|月入|年薪|致富|好幾千|過好日子|可(?:自由)?(?:離職|回國|返鄉)",
                                            r"offered[^.;]{0,40}(?:jobs?|work)|free accommodation|promised a"),
}
# How victims, families and officers tell the same things in their own words.
_TOLD: dict[tuple[str, str], tuple[str, str]] = {
    ("MethodsOfControl", "TakesEarnings"): (
        r"(?:薪水|薪資|工資|收入|酬勞|其餘)[^，。；]{0,10}(?:扣光|扣抵|扣除|扣留|沒發|未發|一毛|(?:遭|被)[^，。；]{0,6}(?:扣|收取|拿走|收走))|"
        r"(?:全數|全部)(?:由|被|遭)[^，。；]{0,6}(?:收取|拿走|收走)|以[^，。；]{0,8}(?:名義|名目)[^，。；]{0,4}(?:扣除|扣留|扣光|扣)|"
        r"賺的錢[^，。；]{0,6}(?:拿走|收走)|只給(?:生活費|零用錢)|一毛(?:錢)?都沒(?:發|給|拿到)|領不到(?:薪水|錢)",
        r"(?:salary|wages?|pay) (?:was|were) never paid|(?:has|have|had) not (?:been )?paid|never (?:been )?paid|"
        r"not been paid|pays? (?:him|her|them) only|(?:was|were) fined|fined (?:him|her|them)|kept (?:all |the )?(?:their |his |her )?tips|deducted (?:monthly|from)|kept (?:the|their|his|her) tips|"
        r"took (?:all|most) of (?:the|their|his|her) (?:pay|wages|earnings)|(?:was|were) deducted"),
    ("MethodsOfControl", "RestrictsMedicalCare"): (
        r"不(?:准|讓|給)[^，。；]{0,4}(?:就醫|看醫生|看病|去醫院|送醫|服(?:用)?[^，。；]{0,8}藥|吃藥)|拒絕送醫|不送醫|"
        r"未獲(?:任何)?(?:治療|醫治|照護|後續照護|醫療)|沒有(?:給)?(?:藥|醫療)|生病[^，。；]{0,6}(?:不管|沒人管)",
        r"no (?:medicine|medical care|treatment|follow-up care|doctor)|with no follow-up care|"
        r"refused to let (?:him|her|them) (?:be taken|go|see)[^.;]{0,30}(?:treatment|doctor|hospital|clinic)|"
        r"without (?:medical )?(?:treatment|care)|denied (?:him|her|them) (?:medical|treatment|care)"),
    ("MethodsOfControl", "WithholdsNecessities"): (
        r"只給一餐|一天只(?:給|吃|有)[^，。；]{0,3}餐|沒有(?:飲)?水|斷水|無淨水|飲用水限量|飲水限量|只能吃剩|吃剩(?:飯|菜)|吃不飽|"
        r"(?:魚餌|餿水)(?:果腹|充飢)?|不給(?:吃|喝)",
        r"cut off (?:water|food)|fed (?:only )?(?:leftovers|mostly|scraps)|leftovers only|not enough (?:food|water)|"
        r"one meal a day|no (?:clean|drinking) water"),
    ("MethodsOfControl", "ThreatsLawEnforcement"): (
        r"(?:就會|會被|會把|否則|不然|若|如果|要是|揚言|威脅|恐嚇|敢)[^，。；]{0,12}(?:報警|警察|警方|移民局)[^，。；]{0,10}"
        r"(?:抓|關|坐牢|遣返|逮捕)|(?:舉報|檢舉|通報)[^，。；]{0,10}(?:非法|打工|偷渡|逾期)|(?:交給|移送)(?:警察|警方)|"
        r"(?:讓|使)(?:妳|你|他|她|其)?被遣返|(?:揚言|威脅|恐嚇|否則|就)[^，。；]{0,6}將其遣返",
        r"(?:police|immigration) (?:will|would|could) (?:catch|arrest|jail|deport|lock)|"
        r"handed (?:over )?to [^.;]{0,25}police|put (?:us|them|him|her|you) in jail|"
        r"report(?:ed)? (?:him|her|them|us)? ?to (?:the )?(?:police|immigration)|as illegal (?:workers|migrants|aliens)"),
    ("MethodsOfControl", "ThreatensChildrenFamily"): (
        r"(?:家人|父母|母親|父親|妹妹|弟弟|女兒|兒子|阿嬤|阿公|奶奶|爺爺|小孩|孩子)[^，。；]{0,8}(?:的)?照片|"
        r"派人去找[^，。；]{0,4}(?:家|阿嬤|媽|爸|父|母)|(?:傳|寄)給(?:其|他的|她的)?(?:母親|父親|家人|父母)",
        r"(?:parents|family|children|mother|father|relatives) would be|(?:visit|hurt|harm|find) (?:their|his|her) "
        r"(?:family|parents|children|relatives)"),
    ("MethodsOfControl", "WithholdsDocuments"): (
        r"護照[^，。；]{0,6}鎖(?:在|於)|(?:鎖|收)(?:在|於)[^，。；]{0,8}保險箱|證件[^，。；]{0,6}(?:沒收|扣留|收走|扣押)|護照在[^，。；]{0,6}(?:那邊|那裡|手上|身上)|"
        r"護照[^，。；]{0,10}(?:不還|沒還|未歸還|不歸還)|(?:收走|拿走|扣住)[^，。；]{0,6}(?:證件|護照)",
        r"passports? (?:was |were |is |are )?(?:held|kept|locked) (?:by|in|away)|"
        r"(?:took|keeps?|kept|locked|holds?)(?: away)? (?:all |their |his |her |everyone's |the )?(?:[a-z]+ and )?passports?|"
        r"id cards? (?:was |were )?taken|(?:holds?|kept|keeps|took|confiscated) (?:his|her|their) (?:residence|id|arc|resident) (?:card|permit)s?|passports? and [a-z' ]{0,20}(?:were|was) (?:locked|kept|taken)|"
        r"passports? (?:was|were) \"?kept"),
    ("MethodsOfControl", "SexualAbuse"): (r"亂來|強行[^，。；]{0,8}性行為|強暴|非禮",
                                         r"forced (?:her|him) into (?:his|her) (?:room|bed)|molested|groped"),
    ("ExploitationType", "forced_criminality"): (
        r"(?:博弈|投資|交友|感情|網路|電信|假|網購|愛情)[\u4e00-\u9fff]{0,4}詐騙|詐騙電話|幫忙騙人|騙人(?!口)|假投資|殺豬盤|當車手|"
        r"假交友|(?:誘騙|欺騙)他人(?:投資|匯款)",
        r"(?:made|forced) to (?:cheat|con|defraud|deceive|scam)|pig[- ]butchering|scam (?:work|team|calls?|scripts?)|fake (?:crypto|investment)[\w-]*|investment scams?|"
        r"online fraud|get them to \"?invest|push [^.;]{0,30}into fake investments"),
    ("RecruitmentMethod", "agency"): (r"仲介公司|派遣公司|人力派遣|媒介|仲介(?!費|公司負責人)",
                                      r"(?:labou?r |job |recruitment |employment )?brokers?\b|(?:job|travel|talent|manpower) agency"),
    ("RecruitmentMethod", "job_ad"): (r"徵人貼文|招募廣告|招工廣告|徵才貼文|徵人啟事|求職貼文",
                                      r"advertising (?:[\w-]+ ){0,2}jobs|advertisements?\b|job (?:post|listing)s?|recruitment posts?"),
    ("RecruitmentMethod", "acquaintance"): (r"前女友|前男友|女友|男友|同村|老同學|前同事|同事介紹|學姊|學姐|學長|學妹|學弟",
                                            r"from (?:their|his|her) (?:village|hometown)|ex-girlfriend|ex-boyfriend"),
    ("RecruitmentMethod", "family"): (r"姊夫|姐夫|妹夫|嫂嫂|表姑|堂叔", r"brother-in-law|sister-in-law|nephew|niece"),
    ("MethodsOfControl", "FalsePromises"): (
        r"一晚(?:上)?[^，。；]{0,3}萬|日領|月領|保證[^，。；]{0,6}(?:萬|千)|一個月[^，。；]{0,4}(?:萬|千)|「[^」]{0,12}(?:客服|荷官|公關|代儲|直播主|模特)[^」]{0,12}」",
        r"(?:hotel|casino|restaurant|office|factory|spa|salon) (?:receptionist|worker|staff|hostess|host|cleaner)s?|"
        r"(?:vip room|karaoke|bar|club) hostess"),
    ("ExploitationType", "sexual"): (r"坐檯|伴遊|援交|陪客|(?:跟|與|和)客人(?:出場|發生(?:性)?關係|發生性行為|上床)|跟男人睡|(?:被迫|強迫)[^，。；]{0,6}(?:發生關係|陪睡)",
                                     r"sit with customers|escort work|karaoke hostess|sexual services?|sleep with (?:customers|clients|gamblers|men)|"
                                     r"\"?vip clients|perform on (?:live)?streams?"),
    ("ExploitationType", "labour"): (r"從事[^，。；]{0,6}勞動|無償[^，。；]{0,12}勞動|漁撈|粗重(?:工作|勞動)",
                                     r"labou?r exploitation at sea|forced labou?r on"),
    ("ExploitationType", "organ_removal"): (r"腎臟摘除|摘除[^，。；]{0,4}腎", r"kidney (?:removal|was removed)"),
    ("RecruitmentMethod", "social_media"): (r"交友軟體|交友(?:app|APP)|(?<![A-Za-z])IG(?![A-Za-z])|LinkedIn|TikTok|私訊",
                                            r"linkedin|\big\b|telegram (?:job )?(?:channel|group)|group on line"),
}
LEXICON = {key: (zh + "|" + _MORE[key][0], en + "|" + _MORE[key][1]) if key in _MORE else (zh, en)
           for key, (zh, en) in LEXICON.items()}
LEXICON = {key: (zh + "|" + _TOLD[key][0], en + "|" + _TOLD[key][1]) if key in _TOLD else (zh, en)
           for key, (zh, en) in LEXICON.items()}

# Words that show an indicator less surely than the rest of their entry: taken only where the
# document says nothing more definite of the same indicator.
WEAK: dict[tuple[str, str], str] = {
    ("MethodsOfControl", "FalsePromises"): "高薪",
    ("RecruitmentMethod", "acquaintance"): "朋友|友人",
    ("RecruitmentMethod", "agency"): "(?:labou?r |job |recruitment |employment )?brokers?|媒介|仲介",
    ("RecruitmentMethod", "job_ad"): "徵才|應徵",
    ("MethodsOfControl", "FalsePromises"): "高薪|佯稱|模特兒",
    ("ExploitationType", "sexual"): "性交易",
    ("ExploitationType", "forced_criminality"): "詐騙集團|詐騙公司",
}

def _english(pattern: str) -> re.Pattern[str]:
    """An English pattern for lower-cased text: case-insensitive matching defeats the regex
    engine's literal prefix search, so the text is lowered once and the pattern too (unless it
    holds an upper-case escape such as \\S, which lowering would change)."""
    if re.search(r"\\[A-Z]", pattern):
        return re.compile(pattern, re.IGNORECASE)
    return re.compile(pattern.lower())


_COMPILED = [(key, re.compile(zh), _english(en)) for key, (zh, en) in LEXICON.items()]
_WEAK = {key: re.compile(f"(?:{words})") for key, words in WEAK.items()}


def find_indicators(text: str, folded: str | None = None) -> list[Indicator]:
    """Indicators in text order; one per (type, value) and place."""
    folded = fold(text) if folded is None else folded
    found: dict[tuple[str, str, int], Indicator] = {}
    scripts = (has_cjk(folded), has_english(folded))
    lowered = ascii_lower(folded) if scripts[1] else folded
    for (type_, value), zh, en in _COMPILED:
        for pattern, present, subject in zip((zh, en), scripts, (folded, lowered)):
            if not present:
                continue
            for m in pattern.finditer(subject):
                if m.end() > m.start():
                    found.setdefault((type_, value, m.start()), Indicator(type_, value, m.start(), m.end()))
    # a more specific control (threats to the family) replaces the general one at the same place
    specific = {(i.start, i.end) for i in found.values() if i.value in ("ThreatsLawEnforcement", "ThreatensChildrenFamily")}
    kept = [i for i in found.values() if _in_context(i, folded)
            and not (i.value == "PhysicalThreats" and any(s <= i.start < e for s, e in specific))]
    # a document shows each indicator once: where it is first said, by its surest words
    first: dict[tuple[str, str], Indicator] = {}
    for i in sorted(kept, key=lambda i: (_is_weak(i, folded), i.start, -(i.end - i.start))):
        first.setdefault((i.type, i.value), i)
    return sorted(first.values(), key=lambda i: (i.start, i.type, i.value))


# Some words show an indicator only in the right company: a platform is the channel of
# recruitment only where the sentence speaks of recruiting; 園區 is a scam compound only in a
# text about fraud.
_RECRUITING = re.compile(r"招募|招攬|廣告|徵才|應徵|認識|結識|私訊|物色|找人|介紹|工作|高薪|刊登|貼文|(?i:recruit|advert|\bads?\b|post|job|work|offer|met|contacted)")
_FRAUD = re.compile(r"詐|(?i:scam|fraud)")
_IDENTIFIER_AFTER = re.compile(r"\s*(?:帳號|號碼|ID|id|handle|account|name|暱稱)")
_SENTENCE_MARKS = re.compile(r"[。！？；\n]|\.\s")


def _sentence_of(folded: str, i: Indicator) -> str:
    start = max((m.end() for m in _SENTENCE_MARKS.finditer(folded, max(0, i.start - 200), i.start)), default=max(0, i.start - 200))
    end_match = _SENTENCE_MARKS.search(folded, i.end)
    return folded[start : end_match.start() if end_match else len(folded)]


def _is_weak(i: Indicator, folded: str) -> bool:
    weak = _WEAK.get((i.type, i.value))
    return weak is not None and weak.fullmatch(folded[i.start : i.end]) is not None


def _in_context(i: Indicator, folded: str) -> bool:
    if i.value == "social_media":
        if _IDENTIFIER_AFTER.match(folded, i.end):
            return False  # "used the WeChat ID x", "LINE 帳號 x": an identifier, not the channel
        return bool(_RECRUITING.search(_sentence_of(folded, i)))
    if i.value == "forced_criminality" and folded[i.start : i.end] == "園區":
        return bool(_FRAUD.search(folded))
    return True
