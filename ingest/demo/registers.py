"""The CSV registers: the 2022 rescue list, flight manifests, protection services and activities,
with the exact headers the register reader expects and one row per person-time of service."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random

from ingest.demo import names
from ingest.demo.gazetteer import PLACES, SEA_COUNTRIES
from ingest.demo.model import Person, World

__all__ = ["RESCUE_HEADER", "MANIFEST_HEADER", "SERVICES_HEADER", "ACTIVITIES_HEADER", "SERVICE_KINDS",
           "ACTIVITY_KINDS", "build_registers", "roc_slash", "csv_bytes"]

RESCUE_HEADER = ("姓名", "護照號碼", "性別", "出生年", "國家", "地點", "通報日期", "尋獲日期", "救援日期", "返國日期",
                 "駐外館處", "返國班機")
MANIFEST_HEADER = ("passenger", "passport", "flight", "date", "origin", "destination")
SERVICES_HEADER = ("被害人", "服務類別", "日期", "提供單位")
ACTIVITIES_HEADER = ("活動類別", "日期", "名稱", "人數", "合作單位")
SERVICE_KINDS = ("stay_permit", "stay_permit_extension", "work_permit", "shelter_foreign", "taiwanese_adult_victim",
                 "taiwanese_adult_placed", "taiwanese_adult_declined", "minor_sexual_victim", "minor_placed",
                 "minor_returned_family", "rescreened_detainee", "interpretation", "accompanied_interview",
                 "border_meeting", "emergency_card")
ACTIVITY_KINDS = ("training", "international_workshop", "liaison_dispatch", "action_plan_programme",
                  "action_plan_strategy")
_PROVIDERS = {
    "stay_permit": ("內政部移民署",), "stay_permit_extension": ("內政部移民署",), "work_permit": ("勞動部",),
    "shelter_foreign": ("移民署北區被害人庇護所", "移民署南區被害人庇護所", "勞動部委託民間庇護所"),
    "taiwanese_adult_victim": ("地方政府社會局",), "taiwanese_adult_placed": ("地方政府社會局",),
    "taiwanese_adult_declined": ("地方政府社會局",), "minor_sexual_victim": ("地方政府社會局",),
    "minor_placed": ("地方政府社會局", "兒少安置機構"), "minor_returned_family": ("地方政府社會局",),
    "interpretation": ("內政部移民署", "內政部警政署"), "accompanied_interview": ("地方政府社會局", "民間團體社工"),
    "border_meeting": ("內政部移民署國境事務大隊",), "emergency_card": ("內政部移民署國境事務大隊",),
}
_SEX = {"M": "男", "F": "女"}


def roc_slash(d: dt.date | None) -> str:
    """A register date in the ROC calendar: ``111/09/05``; empty for no date.

    >>> roc_slash(dt.date(2022, 9, 5))
    '111/09/05'
    """
    return "" if d is None else f"{d.year - 1911}/{d.month:02d}/{d.day:02d}"


def csv_bytes(header: tuple[str, ...], rows: list[tuple[str, ...]], *, bom: bool = True) -> bytes:
    """A CSV file's bytes: UTF-8 (with BOM by default), ``\\r\\n`` line ends, every field as given."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return (("\ufeff" if bom else "") + buf.getvalue()).encode("utf-8")


def _passport_name(p: Person) -> str:
    return names.romanise(p.name, 0) if p.chinese else p.name.upper()


def _rescue_rows(world: World, mentions: list[tuple[str, str]]) -> list[tuple[str, ...]]:
    rng = random.Random(f"{world.seed}:rescue-register")
    keep_roman = set(str(x) for ring in world.structures["rings"] for x in ring["victims"])  # type: ignore[index,union-attr]
    rows = []
    for res in sorted(world.rescues, key=lambda x: (x.reported, x.person)):
        p = world.people[res.person]
        shown = p.name if (rng.random() < 0.15 and p.id not in keep_roman) else _passport_name(p)
        mentions.append((p.id, shown))
        rows.append((shown, p.passport, _SEX[p.sex], str(p.birth_year), PLACES[res.country][0], res.place,
                     roc_slash(res.reported), roc_slash(res.found), roc_slash(res.rescued), roc_slash(res.returned),
                     res.mission, res.flight if res.returned else ""))
    return rows


def _manifests(world: World, mentions: list[tuple[str, str]]) -> dict[str, bytes]:
    by_month: dict[str, list[tuple[str, ...]]] = {}
    for trip in world.trips:
        for pid in trip.people:
            p = world.people[pid]
            shown = _passport_name(p)
            mentions.append((pid, shown))
            by_month.setdefault(f"{trip.date:%Y_%m}", []).append(
                (shown, p.passport, trip.flight, trip.date.isoformat(), trip.origin, trip.destination))
    return {f"registers/manifest_{month}.csv": csv_bytes(MANIFEST_HEADER, sorted(rows, key=lambda x: (x[3], x[2], x[0])))
            for month, rows in sorted(by_month.items())}


def _victims_2022(world: World) -> tuple[list[Person], list[Person], list[Person], list[Person]]:
    """2022 trafficking victims: foreign adults, Taiwanese adults, minors; and 2021 foreign adults."""
    foreign, tw_adult, minors, foreign_2021 = [], [], [], []
    for case in world.cases:
        if not case.trafficking:
            continue
        for pid in case.victims:
            p = world.people[pid]
            if case.year == 2021 and not p.chinese and not p.minor:
                foreign_2021.append(p)
            if case.year != 2022:
                continue
            (minors if p.minor else tw_adult if p.chinese else foreign).append(p)
    return foreign, tw_adult, minors, foreign_2021


def _services(world: World, mentions: list[tuple[str, str]]) -> list[tuple[str, ...]]:
    rng = random.Random(f"{world.seed}:services")
    foreign, tw_adult, minors, foreign_2021 = _victims_2022(world)
    everyone = foreign + tw_adult + minors
    rows: list[tuple[str, str, dt.date, str]] = []

    referred = {pid: c.referral_date for c in world.cases if c.year == 2022 for pid in c.victims}

    def add(kind: str, people: list[Person]) -> None:
        for p in people:
            shown = names.mask(p.name) if p.minor and p.chinese else p.name
            mentions.append((p.id, shown))
            # services follow the case's referral; older victims' permits are renewed any time in the year
            start = referred.get(p.id, dt.date(2022, 1, 3))
            day = min(start + dt.timedelta(days=rng.randint(0, 60)), dt.date(2022, 12, 30))
            rows.append((shown, kind, day, rng.choice(_PROVIDERS[kind])))

    add("stay_permit", rng.sample(foreign, 20))
    add("stay_permit_extension", rng.sample(foreign_2021, 14) + rng.sample(foreign, 21))
    add("work_permit", rng.sample(foreign, 34))
    add("shelter_foreign", rng.sample(foreign, 49))
    add("taiwanese_adult_victim", tw_adult)
    placed = rng.sample(tw_adult, 1)
    add("taiwanese_adult_placed", placed)
    add("taiwanese_adult_declined", [p for p in tw_adult if p not in placed])
    add("minor_sexual_victim", minors)
    minors_placed = rng.sample(minors, 40)
    add("minor_placed", minors_placed)
    add("minor_returned_family", [p for p in minors if p not in minors_placed])
    interp = foreign + rng.sample(foreign, 124 - len(foreign)) if len(foreign) < 124 else rng.sample(foreign, 124)
    add("interpretation", interp)
    add("accompanied_interview", rng.sample(everyone, 185))
    home = [r for r in world.rescues if r.returned and r.returned.year == 2022 and r.country in SEA_COUNTRIES]
    for res in rng.sample(home, 303):
        p = world.people[res.person]
        mentions.append((p.id, p.name))
        rows.append((p.name, "border_meeting", res.returned, "內政部移民署國境事務大隊"))  # type: ignore[arg-type]
    taken: set[str] = set()
    for _ in range(1064):  # departing travellers: not people of the case graph, masked names only
        traveller = names.mask(names.chinese_name(rng, taken=taken))
        rows.append((traveller, "emergency_card", dt.date(2022, 1, 3) + dt.timedelta(days=rng.randint(0, 360)),
                     "內政部移民署國境事務大隊"))
    order = {k: i for i, k in enumerate(SERVICE_KINDS)}
    rows.sort(key=lambda x: (order[x[1]], x[2], x[0]))
    return [(who, kind, roc_slash(day), unit) for who, kind, day, unit in rows]


_TOPICS = ("勞力剝削防制", "性剝削防制", "被害人鑑別", "跨國合作", "移工權益保障", "漁工人權", "網路性別暴力防治",
           "海外求職詐騙預防", "被害人安置保護", "查緝起訴量能", "通譯人才培訓", "供應鏈人權盤點", "兒少保護")
_ACTIONS = ("強化", "精進", "推動", "建構", "落實")


def _activities(world: World) -> list[tuple[str, ...]]:
    rng = random.Random(f"{world.seed}:activities")
    rows: list[tuple[str, ...]] = [
        ("training", roc_slash(dt.date(2022, 7, 29)), "防制勞力剝削及網路性別暴力教育訓練（第 1 場）", "108", "勞動部、衛生福利部"),
        ("training", roc_slash(dt.date(2022, 10, 25)), "防制勞力剝削及網路性別暴力教育訓練（第 2 場）", "114", "勞動部、衛生福利部"),
        ("international_workshop", roc_slash(dt.date(2022, 8, 23)), "2022 年防制人口販運國際工作坊", "300",
         "外交部、法務部、民間團體"),
        ("liaison_dispatch", roc_slash(dt.date(2022, 9, 5)), "派遣任務型聯絡官赴泰國", "2", "外交部、駐泰國代表處"),
        ("liaison_dispatch", roc_slash(dt.date(2022, 10, 21)), "派遣任務型聯絡官赴柬埔寨金邊", "1", "外交部"),
    ]
    programmes = []
    for i in range(25):
        topic = _TOPICS[i % len(_TOPICS)]
        name = f"方案 {i + 1:02d}：{_ACTIONS[i % len(_ACTIONS)]}{topic}（第 {i // len(_TOPICS) + 1} 期）"
        programmes.append(name)
        day = dt.date(2022, 1, 10) + dt.timedelta(days=rng.randint(0, 340))
        rows.append(("action_plan_programme", roc_slash(day), name, "", "行政院防制人口販運及消除種族歧視協調會報"))
    per = [3] * 25
    for i in rng.sample(range(25), 1):
        per[i] += 1
    for i, n in enumerate(per):
        for j in range(n):
            day = dt.date(2022, 1, 10) + dt.timedelta(days=rng.randint(0, 340))
            rows.append(("action_plan_strategy", roc_slash(day), f"策略 {i + 1:02d}-{j + 1}：{programmes[i][7:]}具體措施",
                         "", rng.choice(("內政部", "勞動部", "衛生福利部", "法務部", "外交部", "海洋委員會"))))
    return rows


def build_registers(world: World) -> tuple[dict[str, bytes], list[tuple[str, str]]]:
    """Every register file (relative path -> bytes) and the names each one shows."""
    mentions: list[tuple[str, str]] = []
    files = {"registers/rescue_2022.csv": csv_bytes(RESCUE_HEADER, _rescue_rows(world, mentions))}
    files.update(_manifests(world, mentions))
    files["registers/services_2022.csv"] = csv_bytes(SERVICES_HEADER, _services(world, mentions))
    files["registers/activities_2022.csv"] = csv_bytes(ACTIVITIES_HEADER, _activities(world))
    return files, mentions
