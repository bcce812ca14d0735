import pytest

from nlp.found import resolve_overlaps
from nlp.persons import find_persons
from nlp.roles import assign_roles
from nlp.sentences import sentence_bounds
from nlp.text import fold


def roles(text):
    people = resolve_overlaps(find_persons(text, fold(text)))
    return list(zip([text[p.start : p.end] for p in people], assign_roles(text, people)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("查獲國人李○華等 3 人涉嫌人口販運案", [("李○華", "suspect")]),
        ("被告陳大明、林美玲及張○○等人涉嫌招募", [("陳大明", "suspect"), ("林美玲", "suspect"), ("張○○", "suspect")]),
        ("被告陳大明以高薪招募被害人吳志偉", [("陳大明", "suspect"), ("吳志偉", "victim")]),
        ("王小明遭陳大明誘騙至妙瓦底", [("王小明", "victim"), ("陳大明", "recruiter")]),
        ("本署林處長志豪出席", [("林處長志豪", "official")]),
        ("The victim Nguyen Thi Lan was recruited by Mr. Somchai Boonmee.", [("Nguyen Thi Lan", "victim"), ("Somchai Boonmee", "recruiter")]),
        ("Mr. Sok Dara was arrested in Phnom Penh.", [("Sok Dara", "suspect")]),
        ("Wei-Ting Chen was rescued in Bavet.", [("Wei-Ting Chen", "victim")]),
    ],
)
def test_roles_from_context(text, expected):
    assert roles(text) == expected


def test_roles_sentence_does_not_end_at_abbreviations():
    text = "He met Mr. Lee in Bangkok. Then he left."
    assert sentence_bounds(text, 12) == (0, 26)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive and an active verb ending at the same place: the passive speaks
        ("Liao Hsin-yi was recruited by a man calling himself Mr. Rashid Karim.",
         [("Liao Hsin-yi", "victim"), ("Rashid Karim", "recruiter")]),
        # the agent of a passive, several words after the verb
        ("Pham Van Duc had been recruited through a Telegram channel by Mr. Zhou Kai.",
         [("Pham Van Duc", "victim"), ("Zhou Kai", "recruiter")]),
        # names listed with a parenthesis between them share the role of the list
        ("Two nationals, CHIU PEI-SHAN (passport 300566213) and Ko Ting-yu (passport 300566840), were handed over.",
         [("CHIU PEI-SHAN", "victim"), ("Ko Ting-yu", "victim")]),
        # a bracketed other-script name has the role of the name it glosses
        ("The broker Ms. Tran Thi Mai (陳氏梅) recruited him.", [("Tran Thi Mai", "recruiter"), ("陳氏梅", "recruiter")]),
        # an apposition names the employer who held passports
        ("Her employer, Chou Hsiu-lan, held her passport.", [("Chou Hsiu-lan", "suspect")]),
        # a title before a Latin name makes an official, and is not part of the name
        ("Deputy Director-General Chang Kuan-ting said 314 nationals came home.", [("Chang Kuan-ting", "official")]),
        # a family's report: the writer's child is the victim, the writer is not
        ("我是潘怡君，弟弟潘柏宇在111年底經朋友紀○倫介紹去泰國。",
         [("潘怡君", "other"), ("潘柏宇", "victim"), ("紀○倫", "recruiter")]),
        ("我兒子黃俊傑在臉書看到徵才廣告，出國後就失聯。", [("黃俊傑", "victim")]),
        # 被害人 is a role word, not a passive: a list of suspects stays suspects
        ("被告陳大明、林美玲及張○○等人，於111年3月4日以高薪招募被害人吳志偉前往柬埔寨西港。",
         [("陳大明", "suspect"), ("林美玲", "suspect"), ("張○○", "suspect"), ("吳志偉", "victim")]),
        # a broker the clause says is suspected is a suspect
        ("雇主柯○德及仲介黃 O 霖涉嫌勞力剝削。", [("柯○德", "suspect"), ("黃 O 霖", "suspect")]),
        # X將Y帶往: X trafficked Y
        ("再由姚 O 書將邵○恩帶往緬甸妙瓦底交給園區。", [("姚 O 書", "suspect"), ("邵○恩", "victim")]),
        # the agent after "by a neighbour," and the objects of an active "recruited"
        ("Phan Rithy and Heng Dara were recruited by a neighbour, Mr. Chhay Bunthoeun, who promised work.",
         [("Phan Rithy", "victim"), ("Heng Dara", "victim"), ("Chhay Bunthoeun", "recruiter")]),
        ("She recruited Siriporn Kaew and Arthit Somboon through LINE groups.",
         [("Siriporn Kaew", "victim"), ("Arthit Somboon", "victim")]),
        # whoever demands the ransom is a suspect
        ("前陣子一個叫阿豪的從 +856 20 5512 3490 打來，要我們匯錢，不然就不放人。", [("阿豪", "suspect")]),
        ("Met Pol. Col. Anan Rattanakorn of the Royal Thai Police.", [("Anan Rattanakorn", "official")]),
    ],
)
def test_roles_generalise_across_phrasings(text, expected):
    assert roles(text) == expected


def test_roles_a_role_column_gives_each_row_its_role():
    text = "姓名\t角色\t電話\n游家銘\t招募者\t0918-204-375\n潘○宏\t車手頭\t0987-661-092\n"
    assert roles(text) == [("游家銘", "recruiter"), ("潘○宏", "suspect")]


def test_roles_table_column_header_gives_the_role():
    text = "案號\t被告\t罪名\n1\t孫○傑\t人口販運\n2\t洪〇萱\t性剝削\n"
    assert roles(text) == [("孫○傑", "suspect"), ("洪〇萱", "suspect")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one role per person per document: the label presenting them decides
        ("被告：蕭Ｏ宏，男。蕭Ｏ宏負責自臺招募人手。", [("蕭Ｏ宏", "suspect"), ("蕭Ｏ宏", "suspect")]),
        # a label before a list is the label of every name in it
        ("被害人許Ｏ豪、葉○佑應其邀約前往越南。", [("許Ｏ豪", "victim"), ("葉○佑", "victim")]),
        ("犯罪嫌疑人：羅○娟、羅 O 廷（母子）", [("羅○娟", "suspect"), ("羅 O 廷", "suspect")]),
        ("返國之獲救國人計 3 人，分別為古○傑、甘○宇及藍 O 凱。",
         [("古○傑", "victim"), ("甘○宇", "victim"), ("藍 O 凱", "victim")]),
        ("經查介紹二人赴柬者為臺中男子廖○彥。", [("廖○彥", "recruiter")]),
        ("園區主管為中國籍男子「彪哥」。", [("彪哥", "suspect")]),
    ],
)
def test_roles_one_per_person_labels_and_lists(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a parenthesis right after a name says what the person is
        ("犯罪嫌疑人：洪○發、莊 O 玲（人力仲介公司負責人）", [("洪○發", "suspect"), ("莊 O 玲", "recruiter")]),
        ("Escort: HO YA-CHI (liaison officer, National Immigration Agency)", [("HO YA-CHI", "official")]),
        ("來電者：鄭美雲（母），失聯者鄭○翰。", [("鄭美雲", "other"), ("鄭○翰", "victim")]),
        # 由X帶領 / 由X接往: X does it
        ("三人皆由同一名男子簡○隆帶領辦理報到。", [("簡○隆", "recruiter")]),
        ("被害人入境後即由簡○芬接往一處公寓。", [("簡○芬", "suspect")]),
        # an English title with a colon
        ("Liaison log (officer: HUANG WEN-PIN), 24 Oct.", [("HUANG WEN-PIN", "official")]),
        # a list with a bracketed other-script name inside shares one role
        ("Prosecutors indicted Yen Chun-lung (顏俊龍) and Pan Shu-ting (潘淑婷) on charges of fraud.",
         [("Yen Chun-lung", "suspect"), ("顏俊龍", "suspect"), ("Pan Shu-ting", "suspect"), ("潘淑婷", "suspect")]),
        # someone met under a name they gave
        ("She was offered a job by a woman calling herself Candy Lin.", [("Candy Lin", "recruiter")]),
        # one who recruited and is referred for it is a suspect; a broker presented as such stays a recruiter
        ("查獲國人鄭○翔等 4 人涉嫌人口販運。經查鄭○翔在臉書以高薪招募被害人。", [("鄭○翔", "suspect"), ("鄭○翔", "suspect")]),
        ("本案經紀人游○峰以高薪招募泰籍女子。游○峰已移送地檢署。", [("游○峰", "recruiter"), ("游○峰", "recruiter")]),
    ],
)
def test_roles_asides_agents_and_charged_recruiters(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kanya Srisuk was identified in January 2023 as a recruiter for a compound.", [("Kanya Srisuk", "recruiter")]),
        ("他在人力公司看到職缺，公司的業務吳建良說只要先繳仲介費。", [("吳建良", "recruiter")]),
        ("我是尤美珠，我先生的外甥尤○凱去年底被騙去柬埔寨。", [("尤美珠", "other"), ("尤○凱", "victim")]),
    ],
)
def test_roles_identified_as_company_sales_and_relatives_by_marriage(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police also arrested Mr. Somchai Kaewkla, 45, a labour broker from Nakhon Sawan.", [("Somchai Kaewkla", "recruiter")]),
        ("Met Pol. Col. Surachai Thongdee at the border.", [("Surachai Thongdee", "official")]),
        ("前陣子一個叫阿豪的打電話來。", [("阿豪", "recruiter")]),
        ("Her mother, Liao Mei-hua, called the rescued woman's hotline.", [("Liao Mei-hua", "other")]),
        # a name and its other form (英文名字是) share the role of the first
        ("我兒子許哲維英文名字是 Jerry Hsu，他被騙去柬埔寨。", [("許哲維", "victim"), ("Jerry Hsu", "victim")]),
    ],
)
def test_roles_appositions_police_ranks_callers_and_other_names(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 將甲（17 歲）、乙（16 歲）帶往: the whole list is handed over
        ("二人將童○琪（17 歲）、葛 O 婷（16 歲）帶往一處套房。", [("童○琪", "victim"), ("葛 O 婷", "victim")]),
        ("Officers arrested three members of a ring: the organiser Shih Kuo-wei, his partner Ting Ya-ling and a driver, "
         "Lo Chen-hao.", [("Shih Kuo-wei", "suspect"), ("Ting Ya-ling", "suspect"), ("Lo Chen-hao", "suspect")]),
        ("姓名\t身分\n蒲*婷\t帳戶提供者\n", [("蒲*婷", "suspect")]),
    ],
)
def test_roles_lists_handed_over_arrested_rings_and_account_providers(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prosecutors have charged a married couple, Hsueh Chin-lung and Yen Mei-chu, with human trafficking.",
         [("Hsueh Chin-lung", "suspect"), ("Yen Mei-chu", "suspect")]),
        ("The account belonged to a woman using the name Mimi Tsai.", [("Mimi Tsai", "recruiter")]),
        ("Client Hung Yu-ting, 26, was rescued in Phnom Penh.", [("Hung Yu-ting", "victim")]),
    ],
)
def test_roles_charged_couples_names_used_and_role_nouns_before_names(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("警察先生，我叫卓美惠，我女兒卓○晴被騙去緬甸。", [("卓美惠", "other"), ("卓○晴", "victim")]),
        ("Police hold two Taiwanese men, Kuan Po-chun and Sung Wei-lun, who walked out of a compound.",
         [("Kuan Po-chun", "victim"), ("Sung Wei-lun", "victim")]),
    ],
)
def test_roles_self_introductions_and_groups_named_after_a_count(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The caller, Do Thi Lan, says her younger brother Do Van Minh works at a pig farm.",
         [("Do Thi Lan", "other"), ("Do Van Minh", "victim")]),
        ("Ministry spokesperson Lin Hsiao-wen urged job seekers to be careful.", [("Lin Hsiao-wen", "official")]),
    ],
)
def test_roles_the_relative_a_caller_reports_and_spokespeople(text, expected):
    assert roles(text) == expected
