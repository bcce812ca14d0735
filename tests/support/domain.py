"""Figures from ../shared/domain/DOMAIN.md that tests check against, written down once."""

__all__ = ["TABLE_2022"]

#: DOMAIN.md's 2022 table, copied by hand (ROC year 111).
TABLE_2022: dict[str, int] = {
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
