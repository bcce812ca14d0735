"""The 4P indicators of one year, computed from the graph.

Prosecution from the cases the case files state (referred and indicted that year), protection
from the services register, prevention and partnership from activities and repatriations.
Each figure is one of the rows of the yearly table (see ``FIGURES``); the statements are
read-only and run as they are written here.
"""

from __future__ import annotations

from dataclasses import dataclass
from graph.store import Store

__all__ = ["FIGURES", "Figure", "fourp_figures", "SOUTHEAST_ASIA"]

SOUTHEAST_ASIA = ("KH", "MM", "TH", "LA", "VN", "PH", "MY", "ID", "SG", "BN", "TL")


@dataclass(frozen=True)
class Figure:
    key: str
    pillar: str
    label: str


FIGURES: tuple[Figure, ...] = (
    Figure("cases_referred", "Prosecution", "trafficking cases referred to prosecutors by judicial police"),
    Figure("cases_referred_labour", "Prosecution", "... of which labour exploitation"),
    Figure("cases_referred_sexual", "Prosecution", "... of which sexual exploitation"),
    Figure("cases_referred_organ", "Prosecution", "... of which organ removal"),
    Figure("victims_in_referred_cases", "Prosecution", "victims in referred cases"),
    Figure("cases_indicted", "Prosecution", "cases indicted by district prosecutors' offices"),
    Figure("defendants_indicted", "Prosecution", "defendants indicted"),
    Figure("stay_permits", "Protection", "temporary stay permits issued to victims"),
    Figure("stay_permits_extended", "Protection", "temporary stay permits extended"),
    Figure("work_permits", "Protection", "work permits issued to victims"),
    Figure("foreign_victims_sheltered", "Protection", "foreign victims newly placed in shelters"),
    Figure("taiwanese_adult_victims", "Protection", "Taiwanese adult victims"),
    Figure("taiwanese_adult_placed", "Protection", "... placed by social services"),
    Figure("taiwanese_adult_declined", "Protection", "... declined placement or went home"),
    Figure("minor_sexual_victims", "Protection", "Taiwanese victims under 18 sexually exploited"),
    Figure("minor_sexual_victims_foreign", "Protection", "... of them foreign"),
    Figure("minor_placed", "Protection", "... placed"),
    Figure("minor_returned_family", "Protection", "... returned to family"),
    Figure("detainees_rescreened_victims", "Protection", "detainees re-screened and identified as victims"),
    Figure("interpretation_person_times", "Protection", "interpretation services (person-times)"),
    Figure("accompanied_interview_person_times", "Protection", "accompanied interviews (person-times)"),
    Figure("training_sessions", "Prevention", "training sessions"),
    Figure("trainees", "Prevention", "trainees"),
    Figure("border_meetings_person_times", "Prevention", "returnees met at the border (person-times)"),
    Figure("emergency_cards", "Prevention", "emergency-assistance cards handed out"),
    Figure("workshop_participants", "Partnership", "international workshop participants"),
    Figure("liaison_officers_thailand", "Partnership", "liaison officers sent to Thailand"),
    Figure("liaison_officers_phnom_penh", "Partnership", "liaison officers sent to Phnom Penh"),
    Figure("nationals_returned_from_sea", "Partnership", "nationals helped home from Southeast Asia"),
    Figure("action_plan_programmes", "Partnership", "anti-exploitation action plan programmes"),
    Figure("action_plan_strategies", "Partnership", "anti-exploitation action plan strategies"),
)

CASES_REFERRED = """
MATCH (c:Case)
WHERE c.trafficking = true AND c.referred_on >= $start AND c.referred_on <= $end
RETURN count(c) AS cases,
       sum(coalesce(c.victims, 0)) AS victims,
       sum(CASE WHEN c.exploitation = 'labour' THEN 1 ELSE 0 END) AS labour,
       sum(CASE WHEN c.exploitation = 'sexual' THEN 1 ELSE 0 END) AS sexual,
       sum(CASE WHEN c.exploitation = 'organ_removal' THEN 1 ELSE 0 END) AS organ
"""

CASES_INDICTED = """
MATCH (c:Case)
WHERE c.trafficking = true AND c.indicted_on >= $start AND c.indicted_on <= $end
RETURN count(c) AS cases, sum(coalesce(c.defendants, 0)) AS defendants
"""

SERVICES_BY_KIND = """
MATCH (s:Service)
WHERE s.date >= $start AND s.date <= $end
RETURN s.kind AS kind, count(s) AS n
"""

MINOR_VICTIM_NAMES = """
MATCH (s:Service {kind: 'minor_sexual_victim'})-[:FOR]->(p:Person)
WHERE s.date >= $start AND s.date <= $end
RETURN p.name AS name
"""

ACTIVITIES = """
MATCH (a:Activity)
WHERE a.date >= $start AND a.date <= $end
RETURN a.kind AS kind, a.date AS date, a.title AS title, a.participants AS participants
"""

RETURNED_FROM_SOUTHEAST_ASIA = """
MATCH (r:Rescue)
WHERE r.returned_on >= $start AND r.returned_on <= $end AND r.country IN $countries
RETURN count(r) AS n
"""

_THAILAND = ("泰國", "曼谷", "Thailand", "Bangkok")
_PHNOM_PENH = ("金邊", "Phnom Penh", "柬埔寨", "Cambodia")


def fourp_figures(store: Store, year: int) -> dict[str, int]:
    """Every figure of ``FIGURES`` for the calendar year ``year``."""
    if not 1900 <= year <= 2100:
        raise ValueError(f"year {year}: give a calendar year such as 2022")
    span = {"start": f"{year}-01-01", "end": f"{year}-12-31"}
    referred = store.read(CASES_REFERRED, span, purpose="4p")[0]
    indicted = store.read(CASES_INDICTED, span, purpose="4p")[0]
    services = {row["kind"]: row["n"] for row in store.read(SERVICES_BY_KIND, span, purpose="4p")}
    minors = [row["name"] or "" for row in store.read(MINOR_VICTIM_NAMES, span, purpose="4p")]
    activities = store.read(ACTIVITIES, span, purpose="4p")
    returned = store.read(RETURNED_FROM_SOUTHEAST_ASIA, {**span, "countries": list(SOUTHEAST_ASIA)}, purpose="4p")[0]

    def people(kind: str, where: tuple[str, ...] = ()) -> int:
        return sum(int(a["participants"] or 0) for a in activities
                   if a["kind"] == kind and (not where or any(w in (a["title"] or "") for w in where)))

    def count(kind: str) -> int:
        return int(services.get(kind, 0))

    return {
        "cases_referred": int(referred["cases"] or 0),
        "cases_referred_labour": int(referred["labour"] or 0),
        "cases_referred_sexual": int(referred["sexual"] or 0),
        "cases_referred_organ": int(referred["organ"] or 0),
        "victims_in_referred_cases": int(referred["victims"] or 0),
        "cases_indicted": int(indicted["cases"] or 0),
        "defendants_indicted": int(indicted["defendants"] or 0),
        "stay_permits": count("stay_permit"),
        "stay_permits_extended": count("stay_permit_extension"),
        "work_permits": count("work_permit"),
        "foreign_victims_sheltered": count("shelter_foreign"),
        "taiwanese_adult_victims": count("taiwanese_adult_victim"),
        "taiwanese_adult_placed": count("taiwanese_adult_placed"),
        "taiwanese_adult_declined": count("taiwanese_adult_declined"),
        "minor_sexual_victims": count("minor_sexual_victim"),
        "minor_sexual_victims_foreign": sum(1 for name in minors if name[:1].isascii() and name[:1].isalpha()),
        "minor_placed": count("minor_placed"),
        "minor_returned_family": count("minor_returned_family"),
        "detainees_rescreened_victims": count("rescreened_detainee"),
        "interpretation_person_times": count("interpretation"),
        "accompanied_interview_person_times": count("accompanied_interview"),
        "training_sessions": sum(1 for a in activities if a["kind"] == "training"),
        "trainees": people("training"),
        "border_meetings_person_times": count("border_meeting"),
        "emergency_cards": count("emergency_card"),
        "workshop_participants": people("international_workshop"),
        "liaison_officers_thailand": people("liaison_dispatch", _THAILAND),
        "liaison_officers_phnom_penh": people("liaison_dispatch", _PHNOM_PENH),
        "nationals_returned_from_sea": int(returned["n"] or 0),
        "action_plan_programmes": sum(1 for a in activities if a["kind"] == "action_plan_programme"),
        "action_plan_strategies": sum(1 for a in activities if a["kind"] == "action_plan_strategy"),
    }
