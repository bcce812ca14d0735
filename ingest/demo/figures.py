"""The 2022 figures of DOMAIN.md's 4P table, and how to count them back from a generated corpus:
prosecution from the truth's case list, protection and prevention from the registers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

__all__ = ["REFERENCE_2022", "count_back", "prosecution_by_year"]

#: DOMAIN.md's table, one key per value.
REFERENCE_2022: dict[str, int] = {
    "cases_referred": 161, "cases_referred_labour": 75, "cases_referred_sexual": 85, "cases_referred_organ": 1,
    "victims_in_referred_cases": 379, "cases_indicted": 153, "defendants_indicted": 325,
    "stay_permits": 20, "stay_permits_extended": 35, "work_permits": 34, "foreign_victims_sheltered": 49,
    "taiwanese_adult_victims": 9, "taiwanese_adult_placed": 1, "taiwanese_adult_declined": 8,
    "minor_sexual_victims": 91, "minor_sexual_victims_foreign": 1, "minor_placed": 40, "minor_returned_family": 51,
    "detainees_rescreened_victims": 0, "interpretation_person_times": 124, "accompanied_interview_person_times": 185,
    "training_sessions": 2, "trainees": 222, "border_meetings_person_times": 303, "emergency_cards": 1064,
    "workshop_participants": 300, "liaison_officers_thailand": 2, "liaison_officers_phnom_penh": 1,
    "nationals_returned_from_sea": 314, "action_plan_programmes": 25, "action_plan_strategies": 76,
}
_SEA = frozenset({"柬埔寨", "緬甸", "泰國", "寮國", "越南", "菲律賓", "馬來西亞"})
_SERVICE_FIGURES = {
    "stay_permit": "stay_permits", "stay_permit_extension": "stay_permits_extended", "work_permit": "work_permits",
    "shelter_foreign": "foreign_victims_sheltered", "taiwanese_adult_victim": "taiwanese_adult_victims",
    "taiwanese_adult_placed": "taiwanese_adult_placed", "taiwanese_adult_declined": "taiwanese_adult_declined",
    "minor_sexual_victim": "minor_sexual_victims", "minor_placed": "minor_placed",
    "minor_returned_family": "minor_returned_family", "rescreened_detainee": "detainees_rescreened_victims",
    "interpretation": "interpretation_person_times", "accompanied_interview": "accompanied_interview_person_times",
    "border_meeting": "border_meetings_person_times", "emergency_card": "emergency_cards",
}


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _roc(value: str) -> tuple[int, int, int]:
    y, m, d = (int(x) for x in value.split("/"))
    return y + 1911, m, d


def prosecution_by_year(cases: list[dict[str, Any]], year: int) -> dict[str, int]:
    """Prosecution figures of ``year`` from the truth's case list (trafficking cases only).

    Referred: referral date in the year; indicted: indictment date in the year, whatever the referral year.
    """
    referred = [c for c in cases if c["trafficking"] and c["referral_date"].startswith(str(year))]
    indicted = [c for c in cases if c["trafficking"] and (c["indictment_date"] or "").startswith(str(year))]
    return {
        "cases_referred": len(referred),
        "cases_referred_labour": sum(c["exploitation"] == "labour" for c in referred),
        "cases_referred_sexual": sum(c["exploitation"] == "sexual" for c in referred),
        "cases_referred_organ": sum(c["exploitation"] == "organ" for c in referred),
        "victims_in_referred_cases": sum(c["victim_count"] for c in referred),
        "cases_indicted": len(indicted),
        "defendants_indicted": sum(c["defendants_indicted"] for c in indicted),
    }


def count_back(out_dir: Path) -> dict[str, int]:
    """Every 2022 figure, recomputed from ``truth.json``'s cases and the CSV registers under ``out_dir``."""
    truth = json.loads((out_dir / "truth.json").read_text(encoding="utf-8"))
    figures = prosecution_by_year(truth["cases"], 2022)
    services = _rows(out_dir / "registers" / "services_2022.csv")
    for key in _SERVICE_FIGURES.values():
        figures[key] = 0
    for row in services:
        if row["日期"].startswith("111/"):
            figures[_SERVICE_FIGURES[row["服務類別"]]] += 1
    figures["minor_sexual_victims_foreign"] = sum(
        1 for row in services if row["服務類別"] == "minor_sexual_victim" and row["被害人"].isascii())
    acts = _rows(out_dir / "registers" / "activities_2022.csv")
    training = [a for a in acts if a["活動類別"] == "training"]
    figures["training_sessions"] = len(training)
    figures["trainees"] = sum(int(a["人數"]) for a in training)
    figures["workshop_participants"] = sum(int(a["人數"]) for a in acts if a["活動類別"] == "international_workshop")
    dispatch = {a["日期"]: int(a["人數"]) for a in acts if a["活動類別"] == "liaison_dispatch"}
    figures["liaison_officers_thailand"] = dispatch.get("111/09/05", 0)
    figures["liaison_officers_phnom_penh"] = dispatch.get("111/10/21", 0)
    figures["action_plan_programmes"] = sum(a["活動類別"] == "action_plan_programme" for a in acts)
    figures["action_plan_strategies"] = sum(a["活動類別"] == "action_plan_strategy" for a in acts)
    rescued = _rows(out_dir / "registers" / "rescue_2022.csv")
    figures["nationals_returned_from_sea"] = sum(
        1 for r in rescued if r["國家"] in _SEA and r["返國日期"] and _roc(r["返國日期"]) <= (2022, 12, 31))
    return {k: figures[k] for k in REFERENCE_2022}
