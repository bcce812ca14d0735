"""One row per victim in the layout of IOM's Counter Trafficking Data Collaborative k-anonymised
global data set, checked for k-anonymity before it is written.

Columns keep CTDC's names and order (:data:`COLUMNS`); flags are ``1``/``0``, an unknown value
is ``-99`` as in CTDC's files. The quasi-identifiers are CTDC's: year of registration, gender,
age band, citizenship and country of exploitation (:data:`QUASI_IDENTIFIERS`). Rows in groups
smaller than ``k`` (11 by default, as CTDC) are generalised or suppressed by
``exports.kanon``, and the export says how many. No name, identifier or id is written.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from exports import ExportResult, exporter
from exports.casefacts import VictimFacts, victim_facts
from exports.graphdata import ExportData
from exports.kanon import MISSING, k_anonymise

__all__ = ["COLUMNS", "QUASI_IDENTIFIERS", "AGE_BANDS", "ctdc_row", "write_ctdc"]

_MEANS = ("DebtBondage", "TakesEarnings", "RestrictsFinancialAccess", "Threats", "PsychologicalAbuse",
          "PhysicalAbuse", "SexualAbuse", "FalsePromises", "PsychoactiveSubstances", "RestrictsMovement",
          "RestrictsMedicalCare", "ExcessiveWorkingHours", "UsesChildren", "ThreatOfLawEnforcement",
          "WithholdsNecessities", "WithholdsDocuments", "Other", "NotSpecified")
_EXPLOITS = ("isForcedLabour", "isSexualExploit", "isOtherExploit", "isSexAndLabour", "isForcedMarriage",
             "isForcedMilitary", "isOrganRemoval", "isSlaveryAndPractices")
_LABOUR = ("Agriculture", "Aquafarming", "Begging", "Construction", "DomesticWork", "Hospitality",
           "IllicitActivities", "Manufacturing", "MiningOrDrilling", "Peddling", "Transportation", "Other",
           "NotSpecified")
_SEX = ("Prostitution", "Pornography", "RemoteInteractiveServices", "PrivateSexualServices")
_RELATIONS = ("IntimatePartner", "Friend", "Family", "Other", "Unknown")

#: CTDC's columns, in its order.
COLUMNS: tuple[str, ...] = (
    "yearOfRegistration", "Datasource", "gender", "ageBroad", "majorityStatus", "majorityStatusAtExploit",
    "majorityEntry", "citizenship",
    *(f"meansOfControl{m}" for m in _MEANS), "meansOfControlConcatenated",
    *_EXPLOITS, "typeOfExploitConcatenated",
    *(f"typeOfLabour{t}" for t in _LABOUR), "typeOfLabourConcatenated",
    *(f"typeOfSex{t}" for t in _SEX), "typeOfSexConcatenated",
    "isAbduction", "RecruiterRelationship", "CountryOfExploitation",
    *(f"recruiterRelation{r}" for r in _RELATIONS),
)
QUASI_IDENTIFIERS = ("yearOfRegistration", "gender", "ageBroad", "citizenship", "CountryOfExploitation")
# generalised first: the least useful to a reader of the table
_GENERALISE_ORDER = ("ageBroad", "citizenship", "CountryOfExploitation", "gender", "yearOfRegistration")

#: CTDC's age bands (lowest age, label)
AGE_BANDS: tuple[tuple[int, str], ...] = ((0, "0--8"), (9, "9--17"), (18, "18--20"), (21, "21--23"), (24, "24--26"),
                                          (27, "27--29"), (30, "30--38"), (39, "39--47"), (48, "48+"))

# tipgraph's indicator values (nlp.indicators) -> CTDC's means of control
_MEANS_OF = {
    "PhysicalThreats": "Threats", "ThreatensChildrenFamily": "Threats", "ThreatsLawEnforcement": "ThreatOfLawEnforcement",
    "PsychoactiveSubstance": "PsychoactiveSubstances", "PhysicalAbuse": "PhysicalAbuse",
}
_GENDER = {"F": "Female", "M": "Male", "X": "Trans/Transgender/NonConforming"}


def _age_band(age: int) -> str:
    label = AGE_BANDS[0][1]
    for low, name in AGE_BANDS:
        if age >= low:
            label = name
    return label


def _flags(prefix: str, names: tuple[str, ...], chosen: set[str], row: dict[str, Any], *, known: bool) -> str:
    for name in names:
        row[f"{prefix}{name}"] = (1 if name in chosen else 0) if known else MISSING
    return ";".join(n for n in names if n in chosen) or MISSING


def ctdc_row(v: VictimFacts) -> dict[str, Any]:
    """A victim's CTDC row (before k-anonymity)."""
    a = v.attrs
    year = min(v.years) if v.years else None
    row: dict[str, Any] = {"yearOfRegistration": year or MISSING, "Datasource": "Case Management",
                           "gender": _GENDER.get(str(a.get("sex") or ""), MISSING)}
    birth = a.get("birth_year")
    age = year - int(birth) if year and isinstance(birth, int) else None
    row["ageBroad"] = _age_band(age) if age is not None and age >= 0 else MISSING
    status = MISSING if age is None else ("Adult" if age >= 18 else "Minor")
    row.update(majorityStatus=status, majorityStatusAtExploit=status, majorityEntry=MISSING,
               citizenship=a.get("nationality") or MISSING)
    means = {_MEANS_OF.get(value, value) for kind, value in v.indicators if kind == "MethodsOfControl"}
    means = {m if m in _MEANS else "Other" for m in means}
    row["meansOfControlConcatenated"] = _flags("meansOfControl", _MEANS, means, row, known=bool(means))
    exploits = set()
    if "labour" in v.exploitation or "forced_criminality" in v.exploitation:
        exploits.add("isForcedLabour")
    if "sexual" in v.exploitation:
        exploits.add("isSexualExploit")
    if "organ_removal" in v.exploitation:
        exploits.add("isOrganRemoval")
    if {"isForcedLabour", "isSexualExploit"} <= exploits:
        exploits.add("isSexAndLabour")
    if v.exploitation - {"labour", "sexual", "organ_removal", "forced_criminality"}:
        exploits.add("isOtherExploit")
    for name in _EXPLOITS:
        row[name] = (1 if name in exploits else 0) if v.exploitation else MISSING
    row["typeOfExploitConcatenated"] = ";".join(n[2:] for n in _EXPLOITS if n in exploits) or MISSING
    labour = {"IllicitActivities"} if "forced_criminality" in v.exploitation else set()
    row["typeOfLabourConcatenated"] = _flags("typeOfLabour", _LABOUR, labour, row, known=bool(labour))
    row["typeOfSexConcatenated"] = _flags("typeOfSex", _SEX, set(), row, known=False)
    row["isAbduction"] = MISSING
    methods = {value for kind, value in v.indicators if kind == "RecruitmentMethod"}
    relations = ({"Friend"} if "acquaintance" in methods else set()) | ({"Family"} if "family" in methods else set())
    if not relations:
        relations = {"Other"} if v.recruiters or methods else {"Unknown"}
    row["RecruiterRelationship"] = ";".join(r for r in _RELATIONS if r in relations)
    for r in _RELATIONS:
        row[f"recruiterRelation{r}"] = 1 if r in relations else 0
    row["CountryOfExploitation"] = v.countries[0] if v.countries else MISSING
    return {c: row.get(c, MISSING) for c in COLUMNS}


def ctdc_table(data: ExportData, *, k: int) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The k-anonymous CTDC rows of the export's victims, with the k-anonymity report."""
    rows = [ctdc_row(v) for v in victim_facts(data.graph, data.indicators)]
    kept, report = k_anonymise(rows, _GENERALISE_ORDER, k=k)
    kept.sort(key=lambda r: tuple(str(r[c]) for c in COLUMNS))
    return kept, report


def _describe(report: Mapping[str, Any]) -> str:
    changed = ", ".join(f"{n} {q}" for q, n in report["generalised"].items() if n) or "none"
    return (f"k-anonymity k={report['k']} on {', '.join(QUASI_IDENTIFIERS)}: {report['rows_in']} victims, "
            f"values generalised to -99: {changed}; {report['suppressed_rows']} rows suppressed; "
            f"{report['rows_out']} rows written in {report['groups']} groups (smallest {report['smallest_group']})")


@exporter("ctdc", suffix=".csv", help="CTDC case-level table (one row per victim), k-anonymous", needs_indicators=True)
def write_ctdc(data: ExportData, output: Path, *, k: int = 11, **_: Any) -> ExportResult:
    rows, report = ctdc_table(data, k=k)
    with open(output, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(COLUMNS), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    return ExportResult("ctdc", [str(output)], len(rows), data.profile, [_describe(report)], report)
