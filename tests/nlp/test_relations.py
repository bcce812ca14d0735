"""Relations stated across clauses and sentences: short references, subjectless clauses, lists."""

import pytest

from nlp.extract import extract


def relations(text):
    result = extract(text)
    ents = {e["id"]: e["text"] for e in result["entities"]}
    return {(r["type"], ents[r["head"]], ents[r["tail"]]) for r in result["relations"]}


def test_relations_short_reference_names_the_victim_of_a_later_sentence():
    text = ("被害人洪○凱、戴 O 宇二人由男子簡○隆帶領出境。洪○凱放棄出境。"
            "9/4，戴員家屬來電表示其已被帶往西港某園區。")
    found = relations(text)
    assert ("EXPLOITED_AT", "戴 O 宇", "西港") in found
    assert ("EXPLOITED_AT", "洪○凱", "西港") not in found


def test_relations_a_subjectless_clause_continues_the_one_before():
    text = "被害人洪○凱、范〇廷放棄出境，被害人戴 O 宇則堅持出國，仍搭乘 BR265 離境。"
    found = relations(text)
    assert ("TRAVELED_ON", "戴 O 宇", "BR265") in found
    assert ("TRAVELED_ON", "洪○凱", "BR265") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10/27 會同柬國警方前往西港，自「金旺園區」帶出國人邵○翔及侯 O 宇二人。", ("RESCUED_FROM", "邵○翔", "金旺園區")),
        ("Police brought back Mr. Anucha Phromma from Myawaddy on 12 September.",
         ("RESCUED_FROM", "Anucha Phromma", "Myawaddy")),
    ],
)
def test_relations_more_ways_to_say_rescued(text, expected):
    assert expected in relations(text)


def test_relations_suspects_listed_with_bracketed_names_are_associates():
    text = "Prosecutors indicted Yen Chun-lung (顏俊龍) and Pan Shu-ting (潘淑婷) on charges of trafficking."
    assert ("ASSOCIATE_OF", "Yen Chun-lung", "Pan Shu-ting") in relations(text)


def test_relations_an_office_in_the_heading_indicts_the_defendants_the_body_names():
    text = ("臺灣嘉義地方檢察署起訴書（節錄）\n被告：蕭Ｏ宏，男，案發時 26 歲。\n"
            "犯罪事實：蕭Ｏ宏負責自臺招募人手，以高薪誘騙被害人曾○倫前往柬埔寨。")
    assert ("INDICTED_BY", "蕭Ｏ宏", "臺灣嘉義地方檢察署") in relations(text)


def test_relations_提起公訴_is_an_indictment():
    text = "臺灣臺南地方檢察署檢察官賴怡君以被告陳*明、吳 O 霖涉犯人口販運防制法等罪嫌，提起公訴。"
    found = relations(text)
    assert ("INDICTED_BY", "陳*明", "臺灣臺南地方檢察署") in found
    assert ("INDICTED_BY", "吳 O 霖", "臺灣臺南地方檢察署") in found


def test_relations_a_table_caption_refers_everyone_listed():
    text = ("犯罪嫌疑人一覽表（移送臺灣新北地方檢察署，112年1月12日）\n| 編號 | 姓名 | 角色 |\n"
            "| 1 | 丁○輝 | 主嫌 |\n| 2 | 方〇儒 | 招募者 |\n| 3 | 石*凱 | 帶團出境 |\n")
    found = relations(text)
    for name in ("丁○輝", "方〇儒", "石*凱"):
        assert ("REFERRED_TO", name, "臺灣新北地方檢察署") in found


def test_relations_a_bracketed_office_name_takes_no_relation_of_its_own():
    text = ("The Taiwan Kaohsiung District Prosecutors Office (臺灣高雄地方檢察署) on December 28 indicted "
            "Yen Chun-lung (顏俊龍) on charges of human trafficking.")
    found = relations(text)
    assert ("INDICTED_BY", "Yen Chun-lung", "Taiwan Kaohsiung District Prosecutors Office") in found
    assert ("INDICTED_BY", "Yen Chun-lung", "臺灣高雄地方檢察署") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the writer's own office (本處) named in the heading
        ("駐胡志明市台北經濟文化辦事處救援報告\n本處移民秘書許秘書家瑋於11 月 8 日會同當地警方前往救援。",
         ("MEMBER_OF", "許秘書家瑋", "駐胡志明市台北經濟文化辦事處")),
        # the company named just before
        ("他在「環宇國際人力」的人力公司看到職缺，公司的業務吳建良說薪水很高。", ("MEMBER_OF", "吳建良", "環宇國際人力")),
        # an organisation inside the bracket after a name
        ("Escort: HO YA-CHI (liaison officer, National Immigration Agency)", ("MEMBER_OF", "HO YA-CHI", "National Immigration Agency")),
    ],
)
def test_relations_members_of_the_writers_office_a_company_or_a_bracketed_unit(text, expected):
    assert expected in relations(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 其帳戶 after a doer named earlier in the sentence
        ("被害人高振銘在診所遭摘取腎臟，被告魏子傑則向買方收取美金 4 萬元，款項匯入其帳戶 812-0000-5421-9936。",
         ("HAS_IDENTIFIER", "魏子傑", "812-0000-5421-9936")),
        # he: the subject of the sentence before
        ("Police arrested Mr. Somchai Kaewkla, a broker who recruited Ms. Wanida Saengthong. "
         "He used the LINE ID somchai_job99.", ("HAS_IDENTIFIER", "Somchai Kaewkla", "somchai_job99")),
        # X 即 Y: the identifier goes to the name written first
        ("經比對護照資料，LIAO CHIH-WEI 即廖志偉（護照 346012897）。", ("HAS_IDENTIFIER", "LIAO CHIH-WEI", "346012897")),
    ],
)
def test_relations_identifier_owners_from_pronouns_and_aliases(text, expected):
    assert expected in relations(text)


def test_relations_a_table_rows_identifier_is_its_victims():
    text = ("日期\t來電家屬\t失聯者\t電話\n10/2\t鄭美雲（母）\t鄭○翰\t+855 97 612 0384\n")
    assert ("HAS_IDENTIFIER", "鄭○翰", "+855 97 612 0384") in relations(text)


def test_relations_the_doer_named_before_the_verb_recruits_not_every_suspect():
    text = ("經查，嫌疑人侯○翰在抖音發布影片，吸引被害人柴○婕、韋 O 廷私訊應徵，再由嫌疑人甘 O 琳代訂機票，"
            "安排二人於 11 月 9 日搭乘 VJ 943 前往越南胡志明市。")
    found = relations(text)
    assert ("RECRUITED", "侯○翰", "柴○婕") in found
    assert ("RECRUITED", "甘 O 琳", "柴○婕") not in found
    # 安排二人…搭乘: the two victims fly, not the one who booked
    assert ("TRAVELED_ON", "韋 O 廷", "VJ 943") in found
    assert ("TRAVELED_ON", "甘 O 琳", "VJ 943") not in found


def test_relations_suspects_listed_with_a_role_word_between_are_associates():
    assert ("ASSOCIATE_OF", "鄒○宏", "凃 O 妤") in relations("警方逮捕主嫌鄒○宏及成員凃 O 妤等 5 人，依人口販運罪嫌移送。")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我兒子盧冠宇今年 24 歲，他國中同學阿翔幫他找到泰國的工作，做網路客服。", ("RECRUITED", "阿翔", "盧冠宇")),
        ("Lai Tzu-hao, 22, a victim, was approached on Instagram by Hung Chia-wei, who offered model work.",
         ("RECRUITED", "Hung Chia-wei", "Lai Tzu-hao")),
    ],
)
def test_relations_more_ways_to_say_recruited(text, expected):
    assert expected in relations(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Taiwanese victim, Cheng Yu-han, left for Taipei on BR 212 on Sept 15.", ("REPATRIATED_ON", "Cheng Yu-han", "BR 212")),
        ("被害人邵○翔於 11/2 搭乘 BR 266（PNH→TPE）。", ("REPATRIATED_ON", "邵○翔", "BR 266")),
        ("我兒子尤○凱 12 月 2 日從桃園坐 CI 835 走的。", ("TRAVELED_ON", "尤○凱", "CI 835")),
    ],
)
def test_relations_flights_home_by_route_and_plain_words_for_flying(text, expected):
    assert expected in relations(text)


def test_relations_a_table_column_of_places_says_where_each_rows_victim_was_held():
    text = ("報案日\t報案人（關係）\t失聯者\t最後所在地\n10/2\t鄭美雲（母）\t鄭○翰\t西港\n")
    assert ("EXPLOITED_AT", "鄭○翰", "西港") in relations(text)


def test_relations_taken_abroad_is_not_a_rescue():
    text = "日期\t失聯者\t所在地\t招募管道\n10/18\t葉Ｏ婷\t寮國金三角\t表哥帶出國\n"
    assert not any(r[0] == "RESCUED_FROM" for r in relations(text))


def test_relations_all_three_were_referred():
    text = ("Officers arrested three members of a ring: the organiser Shih Kuo-wei, his partner Ting Ya-ling and a driver, "
            "Lo Chen-hao. All three were referred to the Taiwan Taichung District Prosecutors Office on 8 May.")
    found = relations(text)
    for name in ("Shih Kuo-wei", "Ting Ya-ling", "Lo Chen-hao"):
        assert ("REFERRED_TO", name, "Taiwan Taichung District Prosecutors Office") in found
    assert ("ASSOCIATE_OF", "Shih Kuo-wei", "Ting Ya-ling") in found


def test_relations_sold_without_an_agent_names_no_trafficker():
    text = "被害人殷○蓉經前同事龐○翔介紹赴泰，抵達後即被轉賣至園區。"
    found = relations(text)
    assert ("RECRUITED", "龐○翔", "殷○蓉") in found
    assert ("TRAFFICKED", "龐○翔", "殷○蓉") not in found


def test_relations_posting_a_job_ad_recruits_who_believed_it():
    text = "被告高*正於110年2月在求職網站張貼赴柬埔寨擔任中文翻譯之高薪廣告，被害人葉*惠、吳*淑等 3 人信以為真。"
    assert ("RECRUITED", "高*正", "葉*惠") in relations(text)


def test_relations_accomplices_joined_by_夥同_recruit_together_and_are_associates():
    text = ("犯罪嫌疑人蘭○翔係詐騙集團在臺負責人，夥同匡 O 安，以高薪為號召，透過 LINE 群組先後誘使喬○威、蔚 O 琳等 4 人赴杜拜。")
    found = relations(text)
    assert ("ASSOCIATE_OF", "蘭○翔", "匡 O 安") in found
    assert ("RECRUITED", "蘭○翔", "喬○威") in found and ("RECRUITED", "匡 O 安", "蔚 O 琳") in found


def test_relations_associates_once_where_first_listed():
    text = "被告蘭○翔、匡 O 安涉嫌人口販運。檢察官起訴蘭○翔、匡 O 安。"
    assert sum(1 for r in relations(text) if r[0] == "ASSOCIATE_OF") == 1


def test_relations_escaping_and_asking_a_countrys_police_is_no_rescue_from_that_country():
    text = "被害人池○翰於 1 月 10 日趁隙逃出，向越南警方求助。"
    assert not any(r[0] == "RESCUED_FROM" for r in relations(text))


def test_relations_a_heading_indicts_the_defendant_not_the_broker_beside_him():
    text = ("臺灣彰化地方檢察署起訴書摘錄\n被告甄○銘為某包裝場負責人，僱用經仲介符○宏引進之泰籍移工 Somsak Inthong 等 5 人。"
            "核被告所為，係犯勞力剝削罪嫌，爰依法提起公訴。")
    found = relations(text)
    assert ("INDICTED_BY", "甄○銘", "臺灣彰化地方檢察署") in found
    assert ("INDICTED_BY", "符○宏", "臺灣彰化地方檢察署") not in found


def test_relations_a_table_with_victim_broker_and_place_columns():
    text = ("| 案號 | 被害人 | 仲介 | 剝削地點 |\n| 1 | 艾○婷 | 冷 O 豪 | 柬埔寨西港 |\n")
    found = relations(text)
    assert ("EXPLOITED_AT", "艾○婷", "西港") in found
    assert ("RECRUITED", "冷 O 豪", "艾○婷") in found


def test_relations_the_company_a_person_runs():
    text = "被移送人祁○倫以其經營之「鼎盛人力資源有限公司」名義刊登徵才廣告。"
    assert ("MEMBER_OF", "祁○倫", "鼎盛人力資源有限公司") in relations(text)
