"""Traditional Chinese texts: case files (referral line, narrative, indictment) and rescue notes, in
the government style of the seed excerpts, with several phrasings for every fact."""

from __future__ import annotations

import datetime as dt
import random

from ingest.demo import names
from ingest.demo.gazetteer import PLACES
from ingest.demo.model import Case, Person, Rescue, Trip, World
from ingest.demo.render import Doc, flight_text, phone_forms, roc_date, roc_loose, roc_month_day

__all__ = ["render_case", "render_rescue_zh", "NATIONALITY_ZH", "office_forms"]

NATIONALITY_ZH: dict[str, str] = {"TW": "國人", "ID": "印尼籍", "VN": "越南籍", "PH": "菲律賓籍", "TH": "泰國籍",
                                  "KH": "柬埔寨籍", "MM": "緬甸籍"}
_KIND = {"labour": "勞力剝削", "sexual": "性剝削", "organ": "器官摘取"}
_MASK_WEIGHTS = ("○",) * 12 + ("〇",) * 3 + ("Ｏ",) * 2 + ("*",) * 2 + (" O ",) * 1
_DATE_WEIGHTS = ("spaced",) * 6 + ("tight",) * 3 + ("minguo",) * 2 + ("slash",) * 2 + ("dot",) * 2 + \
    ("fullwidth", "hanzi")
_JOBS = ("線上客服", "博弈公司客服", "電商行銷", "遊戲代練", "網路投資顧問", "飯店櫃檯", "中文翻譯")
_CONTROL_OVERSEAS = (
    ("WithholdsDocuments", ("護照遭收走", "護照一到當地即被主管扣留", "證件遭園區沒收")),
    ("DebtBondage", ("被告知須支付違約金新臺幣 {money} 萬元始得離開", "被要求償還機票及食宿費用共新臺幣 {money} 萬元",
                     "家屬須匯款贖金新臺幣 {money} 萬元方能放人")),
    ("PhysicalThreats", ("遭恐嚇若不從將被轉賣至其他園區", "被警告逃跑會被抓回毆打")),
    ("PhysicalAbuse", ("未達業績即遭毆打", "曾遭電擊棒電擊", "多次被關入小黑屋並遭拳打腳踢")),
    ("Other", ("手機遭收走", "園區有持槍警衛看守，無法外出", "遭限制行動自由")),
    ("ExcessiveWorkingHours", ("每日被迫工作逾 15 小時", "每天從早到晚輪班，幾無休息")),
)
_CONTROL_MIGRANT = (
    ("WithholdsDocuments", ("護照及居留證遭雇主保管不還", "證件遭仲介扣留")),
    ("TakesEarnings", ("薪資遭扣留", "每月薪資僅發給新臺幣 {money} 千元，其餘以各種名目扣除")),
    ("DebtBondage", ("背負高額仲介費債務", "被要求償還來臺費用新臺幣 {money} 萬元")),
    ("ExcessiveWorkingHours", ("每日工作長達 16 小時", "全年無休")),
    ("WithholdsNecessities", ("住宿環境擁擠且不衛生", "三餐不足")),
    ("PhysicalThreats", ("遭威脅若不從即遣返", "被恐嚇會通報移民署遣送出境")),
)
_CONTROL_SEXUAL = (
    ("PsychologicalAbuse", ("以散布私密照片相脅", "以公開裸照威脅")),
    ("PsychoactiveSubstance", ("提供毒品加以控制", "以毒品控制其行為")),
    ("TakesEarnings", ("抽取大部分性交易所得", "所得多數遭嫌疑人收取")),
    ("DebtBondage", ("以積欠債務為由要求持續接客", "被告知須先還清債務新臺幣 {money} 萬元")),
    ("PhysicalThreats", ("揚言對其家人不利", "恐嚇不得報警")),
)
_TW_PLACES = ("桃園市觀音區", "彰化縣和美鎮", "雲林縣麥寮鄉", "臺中市大甲區", "新北市樹林區", "屏東縣東港鎮",
              "高雄市前鎮區", "臺南市安南區", "苗栗縣竹南鎮", "新竹縣湖口鄉")
_INDUSTRY = ("金屬加工廠", "食品工廠", "養殖場", "營造工地", "遠洋漁船", "紡織廠", "家禽屠宰場")
_CITIES = ("臺北市中山區", "新北市三重區", "桃園市中壢區", "臺中市西屯區", "高雄市苓雅區", "臺南市東區")


def office_forms(office: str) -> tuple[str, ...]:
    """How a prosecutors' office is written: in full, without 臺灣, with 台, rarely mistyped 檢查署."""
    short = office[2:]
    return (office, office, short, short, "台灣" + short, short.replace("檢察署", "檢查署"))


def _rng(world: World, key: str) -> random.Random:
    return random.Random(f"{world.seed}:{key}")


class _Writer:
    """Writes one case with a fixed choice of mask and name style."""

    def __init__(self, case: Case, world: World, rng: random.Random) -> None:
        self.case, self.world, self.rng = case, world, rng
        self.doc = Doc()
        self.mask = "○" if case.encoding == "big5" else rng.choice(_MASK_WEIGHTS)

    def p(self, pid: str) -> Person:
        return self.world.people[pid]

    def name(self, pid: str) -> str:
        p = self.p(pid)
        if pid in self.case.forced_masks:
            surface = self.case.forced_masks[pid]
        elif not p.chinese:
            surface = p.name.upper() if self.rng.random() < 0.3 else p.name
        elif self.case.full_names:
            surface = p.name
        else:
            surface = names.mask(p.name, self.mask)
        return self.doc.name(pid, surface)

    def names(self, pids: list[str], most: int = 3) -> str:
        return "、".join(self.name(pid) for pid in pids[:most])

    def date(self, d: dt.date) -> str:
        style = "spaced" if self.case.encoding == "big5" else self.rng.choice(_DATE_WEIGHTS)
        return roc_date(d, style)

    def who(self, pids: list[str]) -> str:
        n = len(pids)
        return f"{self.name(pids[0])}等 {n} 人" if n > 1 else f"{self.name(pids[0])} 1 人"

    # the parts ---------------------------------------------------------------------------------
    def referral(self) -> str:
        c, r = self.case, self.rng
        office = r.choice(office_forms(c.office))
        when = self.date(c.referral_date)
        nat = "國人" if self.p(c.suspects[0]).chinese else NATIONALITY_ZH[self.p(c.suspects[0]).nationality]
        who = self.who(c.suspects)
        if c.trafficking:
            what = f"人口販運（{_KIND[c.exploitation]}）"
            forms = (f"{c.unit}查獲{nat}{who}涉嫌{what}案，於 {when} 移送{office}偵辦。",
                     f"{c.unit}偵辦{who}涉犯{what}案件，已於{when}將全案移送{office}。",
                     f"{who}涉嫌{what}一案，經{c.unit}蒐證後，於 {when} 依法移送{office}偵辦。",
                     f"{c.unit}查獲{who}涉嫌{what}，於{when}移送{office}偵辦。")
        else:
            what = "及".join(c.offences)
            forms = (f"{c.unit}查獲{nat}{who}涉嫌{what}案，於 {when} 移送{office}偵辦。",
                     f"{who}涉嫌{what}一案，經{c.unit}於{when}移送{office}偵辦。")
        return r.choice(forms)

    def victims_line(self) -> str:
        c, r = self.case, self.rng
        k = len(c.victims)
        if c.setting == "minor":
            return r.choice((f"被害人均未滿 18 歲，共 {k} 人。", f"本案被害人計 {k} 人，皆未成年。",
                             f"經鑑別未成年被害人共 {k} 人，已通報社政單位。"))
        if k == 0:
            return "本案尚無經鑑別之人口販運被害人。"
        if not c.trafficking:
            return r.choice((f"本案受害國人共 {k} 人。", f"受騙出境之國人計 {k} 人。"))
        if k == 1:
            return f"被害人{self.name(c.victims[0])} 1 人。"
        vn = self.p(c.victims[0]).nationality
        nat = "本國籍" if vn == "TW" else NATIONALITY_ZH[vn]
        return r.choice((lambda: f"本案被害人共 {k} 人。", lambda: f"經鑑別被害人{self.names(c.victims, 2)}等，共 {k} 人。",
                         lambda: f"查獲{nat}被害人 {k} 人。",
                         lambda: f"被害人計 {k} 人，其中包括{self.names(c.victims, 2)}。"))()

    def controls(self, table: tuple[tuple[str, tuple[str, ...]], ...], n: int) -> str:
        picks = self.rng.sample(table, n)
        return "，".join(self.rng.choice(forms).format(money=self.rng.randint(3, 30)) for _, forms in picks)

    def contact(self, pid: str) -> str:
        p, r = self.p(pid), self.rng
        bits = []
        if p.phones:
            phone = r.choice(p.phones)
            bits.append(r.choice(("門號 {}", "行動電話 {}", "手機門號 {}")).format(phone_forms(phone)[0]))
        for platform, handle in p.handles[:2]:
            if platform == "LINE":
                bits.append(r.choice((f"LINE ID：{handle}", f"LINE 帳號 {handle}")))
            elif platform == "Telegram":
                bits.append(r.choice((f"Telegram 帳號 @{handle}", f"Telegram（t.me/{handle}）")))
            else:
                bits.append(f"微信（WeChat）帳號 {handle}")
        # most texts leave a space after a number or handle before the next word; some do not
        return "、".join(bits) + (" " if r.random() < 0.75 else "")

    def trip_line(self, trip: Trip, companion: str) -> str:
        r = self.rng
        f = flight_text(trip.flight, r.randrange(4))
        route = f"{trip.origin}→{trip.destination}"
        d = self.date(trip.date)
        return r.choice((f"被害人等於{d}由{companion}陪同，搭乘 {f} 班機（{route}）出境",
                         f"被害人等於 {d} 與{companion}一同搭乘 {f} 班機自桃園國際機場飛往{_city(trip.destination)}（{route}）",
                         f"{companion}於 {d} 帶同被害人等搭乘 {f} 班機，航程 {route}"))

    # narratives --------------------------------------------------------------------------------
    def overseas(self) -> None:
        c, r = self.case, self.rng
        country, place = c.destination
        cn = PLACES[country][0]
        rec = c.recruiters[0] if c.recruiters else c.suspects[0]
        start = (c.trips[0].date if c.trips else c.referral_date) - dt.timedelta(days=r.randint(15, 40))
        vs = self.names(c.victims, 2)
        k = len(c.victims)
        lead = self.name(rec)
        if c.recruitment == "job_ad":
            s = r.choice((f"經查{lead}自 {roc_loose(start, r)} 起在臉書刊登「{r.choice(_JOBS)}」徵才廣告，標榜月薪新臺幣 {r.randint(5, 15)} 萬元、免經驗、包吃住，吸引被害人{vs}等 {k} 人應徵",
                          f"{lead}於{roc_loose(start, r)}在求職網站張貼赴{cn}擔任{r.choice(_JOBS)}之高薪廣告，被害人{vs}等 {k} 人信以為真"))
        elif c.recruitment == "social_media":
            s = r.choice((f"{lead}於{roc_loose(start, r)}透過 LINE 群組及 Instagram 私訊招攬被害人{vs}等 {k} 人，佯稱赴{cn}工作輕鬆高薪",
                          f"{lead}在社群平台抖音發布海外打工影片，再以私訊聯繫被害人{vs}等 {k} 人"))
        else:
            s = r.choice((f"{lead}利用與被害人{vs}為舊識之關係，於{roc_loose(start, r)}邀其赴{cn}工作，被害人共 {k} 人",
                          f"被害人{vs}等 {k} 人經友人介紹認識{lead}，{lead}稱可安排赴{cn}從事{r.choice(_JOBS)}"))
        self.doc.add(s + f"；{lead}以{self.contact(rec)}與被害人聯繫。")
        shared = [a for pid in c.suspects for a in self.p(pid).accounts]
        if shared:
            owner = next(pid for pid in c.suspects if self.p(pid).accounts)
            self.doc.add(r.choice((lambda: f"報名費及機票款項要求匯入{self.name(owner)}名下帳戶 {shared[0]}。",
                                   lambda: f"其間並指示被害人家屬將款項匯至帳號 {shared[0]}。"))())
        if len(c.suspects) > 1 and r.random() < 0.7:
            other = c.suspects[1]
            self.doc.add(f"同案{self.name(other)}負責安排機票及接送，使用{self.contact(other)}。")
        elif len(c.suspects) > 1 and any(self.p(pid).accounts for pid in c.suspects[1:]):
            # every suspect with an account of their own is written (the broker between two rings)
            other = c.suspects[1]
            self.doc.add(f"另{self.name(other)}負責收取款項，使用{self.contact(other)}。")
        for trip in c.trips:
            companion = self.name(trip.people[0])
            self.doc.add(self.trip_line(trip, companion) + "，")
            break
        else:
            self.doc.add(f"被害人等於{roc_loose(start + dt.timedelta(days=20), r)}出境，")
        via = "經曼谷轉往湄索，再越境進入緬甸" if country == "MM" else f"抵達{cn}後"
        self.doc.add(f"{via}即被帶往{place}之詐騙園區，{self.controls(_CONTROL_OVERSEAS, r.randint(2, 4))}，被迫從事網路詐騙。")
        for v in c.victims[:1]:
            vp = self.p(v)
            if vp.passport and r.random() < 0.6:
                self.doc.add(f"被害人{self.name(v)}（護照號碼 {vp.passport}）後經家屬報案求助，始獲救返國。")
        if not c.trafficking:
            self.doc.add(r.choice(("經檢察官指揮偵辦，尚無從認定構成人口販運，爰依詐欺及妨害自由罪嫌移送。",
                                   "因被害人等尚未經鑑別為人口販運被害人，本件以詐欺、妨害自由案偵辦。")))

    def arrival(self) -> None:
        """How foreign victims came to Taiwan, where the case file says so."""
        r = self.rng
        for trip in self.case.trips:
            who = "被害人等" if len(trip.people) > 1 else "被害人"
            f = flight_text(trip.flight, r.randrange(4))
            d, route = self.date(trip.date), f"{trip.origin}→{trip.destination}"
            self.doc.add(r.choice((f"{who}於{d}搭乘 {f} 班機（{route}）入境，",
                                   f"查{who}係於 {d} 抵臺（{f}，{route}），",
                                   f"入出境資料顯示，{who}於{d}搭乘 {f} 班機由{_city(trip.origin)}入境，")))

    def migrant(self) -> None:
        c, r = self.case, self.rng
        k = len(c.victims)
        lead = self.name(c.suspects[0])
        place, industry = r.choice(_TW_PLACES), r.choice(_INDUSTRY)
        vs = self.names(c.victims, 2) + ("等" if k > 1 else "")
        nat = NATIONALITY_ZH[self.p(c.victims[0]).nationality]
        start = c.referral_date - dt.timedelta(days=r.randint(60, 300))
        if c.trips:
            start = c.trips[0].date - dt.timedelta(days=r.randint(60, 120))
        self.doc.add(r.choice((f"經查{lead}係{place}某{industry}實際負責人，自 {roc_loose(start, r)} 起透過人力仲介引進{nat}移工{vs} {k} 人，",
                               f"{lead}經營{place}之{industry}，以不實工作條件招募{nat}移工{vs}共 {k} 人來臺，")))
        self.arrival()
        self.doc.add(f"{'其後' if c.trips else '被害人等'}{self.controls(_CONTROL_MIGRANT, r.randint(2, 3))}。")
        if self.rich:
            base = c.trips[0].date if c.trips else start
            start = min(base + dt.timedelta(days=r.randint(30, 90)), c.referral_date - dt.timedelta(days=25))
            end = start + dt.timedelta(days=r.randint(1, 20))
            self.doc.add(f"{self.date(start)}至{roc_month_day(end) if end.year == start.year else self.date(end)}間，"
                         f"被害人等曾多次向仲介反映，均未獲處理，嗣經民間團體陪同向{c.unit}求助。")
            if self.p(c.suspects[0]).phones:
                self.doc.add(f"{lead}平日以{self.contact(c.suspects[0])}聯繫仲介。")

    def minor(self) -> None:
        c, r = self.case, self.rng
        k = len(c.victims)
        lead = self.name(c.suspects[0])
        start = c.referral_date - dt.timedelta(days=r.randint(30, 200))
        self.doc.add(r.choice((f"{lead}於{roc_loose(start, r)}透過 Instagram 及交友軟體結識未成年少女 {k} 人，以打工賺錢為由誘使其至{r.choice(_CITIES)}汽車旅館從事性交易，",
                               f"{lead}在網路聊天室以「兼職傳播妹」為名招募少女，共 {k} 人受騙，被帶往{r.choice(_CITIES)}之應召站，")))
        self.doc.add(self.controls(_CONTROL_SEXUAL, r.randint(1, 3)) + "。")
        if self.rich and self.p(c.suspects[0]).handles:
            self.doc.add(f"{lead}以{self.contact(c.suspects[0])}與少女聯繫並安排接客。")

    def sexual_foreign(self) -> None:
        c, r = self.case, self.rng
        k = len(c.victims)
        lead = self.name(c.suspects[0])
        nat = NATIONALITY_ZH[self.p(c.victims[0]).nationality]
        city = r.choice(_CITIES)
        self.doc.add(r.choice((lambda: f"{lead}以觀光名義引進{nat}女子{self.names(c.victims, 2)}{'等 ' + str(k) + ' 人' if k > 1 else ''}來臺，安置於{city}之按摩店，要求從事性交易，",
                               lambda: f"{lead}透過當地掮客以假結婚方式使{nat}女子共 {k} 人入境，再安排至{city}之小吃部陪酒並從事性交易，"))())
        self.doc.add(self.controls(_CONTROL_SEXUAL + _CONTROL_MIGRANT[:1], r.randint(1, 3)) + "。")
        self.arrival()

    def organ(self) -> None:
        c, r = self.case, self.rng
        lead = self.name(c.suspects[0])
        v = self.name(c.victims[0])
        when = c.referral_date - dt.timedelta(days=r.randint(60, 90))
        trip = c.trips[0]
        self.doc.add(f"{lead}以協助償還債務為由，誘使被害人{v}赴柬埔寨金邊，兩人於{self.date(trip.date)}同搭 "
                     f"{flight_text(trip.flight, r.randrange(4))} 班機（{trip.origin}→{trip.destination}）出境，"
                     f"被害人於{self.date(when)}在當地私人診所遭摘取腎臟一枚，"
                     f"約定給付新臺幣 {r.randint(20, 60)} 萬元，事後僅支付部分款項。{lead}係以{self.contact(c.suspects[0])}與被害人聯繫。")

    def fraud(self) -> None:
        c, r = self.case, self.rng
        lead = self.name(c.suspects[0])
        if "違反護照條例" in c.offences:
            self.doc.add(f"{lead}收購國人護照轉售境外詐騙集團，每本代價新臺幣 {r.randint(2, 8)} 萬元。")
        elif "偷渡" in c.offences:
            self.doc.add(f"{lead}安排他人搭乘漁船偷渡出境，每人收取新臺幣 {r.randint(10, 40)} 萬元。")
        else:
            self.doc.add(f"{lead}以高薪工作為餌，招募國人赴柬埔寨{c.destination[1]}從事詐騙，"
                         "經檢察官指揮偵辦，尚無從認定構成人口販運，爰依詐欺等罪嫌移送。")

    def indictment(self) -> str:
        c, r = self.case, self.rng
        if c.indictment_date is None:
            y = c.referral_date.year - 1911
            return r.choice((f"全案仍由{r.choice(office_forms(c.office))}偵辦中。", "目前全案仍在偵查中。",
                             f"全案仍由{c.office[2:4]}地檢署偵辦中。",
                             f"檢察官預計於 {y} 年底前偵結。"))
        d = len(c.defendants)
        when = self.date(c.indictment_date)
        office = r.choice(office_forms(c.office))
        law = "人口販運防制法" if c.trafficking else "詐欺"
        def named() -> str:
            return f"{self.name(c.defendants[0])} 1 人" if d == 1 else f"{self.names(c.defendants, 2)}等 {d} 人"

        def prosecutor() -> str:
            prosecutors: list[str] = self.world.structures["prosecutors"]  # type: ignore[assignment]
            pid = prosecutors[int(c.referral_date.toordinal()) % len(prosecutors)]
            return self.doc.name(pid, self.p(pid).name)

        forms = [lambda: f"{office}於 {when} 偵查終結，依{law}等罪嫌起訴被告{named()}。",
                 lambda: f"{when}，{office}以{law}等罪嫌起訴被告 {d} 人。",
                 lambda: f"{office}已於{when}提起公訴，起訴被告共 {d} 人。"]
        if self.rich:
            forms.append(lambda: f"案經{office}檢察官{prosecutor()}偵結，於{when}起訴被告{named()}。")
        return r.choice(forms)()

    @property
    def rich(self) -> bool:
        return self.case.rich

    def write(self) -> Doc:
        c = self.case
        if c.file.endswith(".md"):
            self.doc.add(f"# {c.id} 案件摘要\n\n## 移送\n\n")
        self.doc.add(self.referral() + "\n\n")
        if c.file.endswith(".md"):
            self.doc.add("## 案情\n\n")
        getattr(self, c.setting)()
        self.doc.add(self.victims_line() + "\n\n")
        if c.file.endswith(".md"):
            self.doc.add("## 偵查結果\n\n")
        self.doc.add(self.indictment() + "\n")
        return self.doc


def _city(airport: str) -> str:
    return {"PNH": "金邊", "BKK": "曼谷", "DXB": "杜拜", "SGN": "胡志明市", "MNL": "馬尼拉", "KUL": "吉隆坡",
            "TPE": "桃園", "CGK": "雅加達"}[airport]


def render_case(case: Case, world: World) -> Doc:
    """One case file's text and the people it names."""
    return _Writer(case, world, _rng(world, case.id)).write()


def render_rescue_zh(key: str, rescues: list[Rescue], world: World, *, ring_of: dict[str, dict[str, object]]) -> Doc:
    """A liaison officer's or rescue unit's note, in Chinese, about nationals brought home together."""
    r = _rng(world, key)
    doc = Doc()
    staff: dict[str, str] = world.structures["officials"]  # type: ignore[assignment]
    first = rescues[0]
    post = {"駐泰國代表處": "secretary_th", "駐緬甸代表處": "secretary_mm"}.get(first.mission, "secretary_vn")
    if first.country == "KH" and first.reported >= dt.date(2022, 10, 21):
        post, title = "liaison_pnh", "聯絡官"
    elif first.country in ("TH", "MM", "LA") and first.reported >= dt.date(2022, 9, 5):
        post, title = r.choice(("liaison_th_1", "liaison_th_2")), "聯絡官"
    else:
        title = "移民秘書"
    officer = world.people[staff[post]]
    officer_text = doc.name(officer.id, r.choice((f"{title}{officer.name}", f"{officer.name[0]}{title[-2:]}{officer.name[1:]}")))
    style = r.choice(("spaced", "tight", "slash"))
    doc.add(f"{first.mission}{officer_text}報告：\n\n")
    for res in rescues:
        cn = PLACES[res.country][0]
        p = world.people[res.person]
        shown = p.name if r.random() < 0.5 else names.mask(p.name, "○")
        who = doc.name(p.id, shown)
        facts = [f"{p.birth_year - 1911} 年次" if r.random() < 0.5 else f"{p.birth_year} 年生"]
        if p.passport:
            facts.append(f"護照號碼 {p.passport}")
        doc.add(r.choice((f"{roc_date(res.reported, style)}接獲家屬通報，國人{who}（{'，'.join(facts)}）受困{cn}{res.place}{'' if res.country == 'AE' else '園區'}。",
                          f"國人{who}（{'，'.join(facts)}）之家屬於{roc_date(res.reported, style)}向本處求助，稱其遭拘禁於{cn}{res.place}。")))
        if p.phones and r.random() < 0.6:
            doc.add(f"家屬提供其門號 {phone_forms(p.phones[0])[0]}。")
        if len(p.phones) > 1 and not ring_of.get(p.id):
            doc.add(f"其後本人以當地門號 {phone_forms(p.phones[-1])[0]} 傳訊求救。")
        ring = ring_of.get(p.id)
        if ring:
            handles: list[str] = ring["shared_handles"]  # type: ignore[assignment]
            phones: list[str] = ring["shared_phones"]  # type: ignore[assignment]
            platform, handle = handles[0].split(":", 1)
            abroad: list[str] = ring["abroad_phones"]  # type: ignore[assignment]
            doc.add(f"據其陳述，招募者以 {platform} 帳號 {handle} 及門號 {phone_forms(phones[0])[0]} 與其聯繫，"
                    f"園區主管則以 {phone_forms(r.choice(abroad))[0]} 向家屬索款。")
        if res.found is not None:
            doc.add(f"{roc_date(res.found, style)}確認其所在位置，")
        if res.rescued is not None:
            doc.add(r.choice((f"經協調當地警方於{roc_month_day(res.rescued)}救出，", f"{roc_month_day(res.rescued)}由當地移民警察帶出園區，")))
        if res.returned is not None:
            f = flight_text(res.flight, r.randrange(4))
            doc.add(f"{roc_date(res.returned, style)}搭乘 {f} 班機（{res.origin}→TPE）返國，由國境事務大隊於桃園國際機場接機關懷並發放旅外國人急難救助卡後移交警政署。\n\n")
        else:
            doc.add("目前仍持續與當地警方聯繫救援中。\n\n")
    doc.add(f"以上共 {len(rescues)} 人，謹報。\n")
    return doc
