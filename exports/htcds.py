"""The Human Trafficking Case Data Standard (HTCDS v2) field layout: one CSV row per person in a
case, with the standard's prefixed fields for the case (``cas_``), the person (``prs_``), their
victim (``vic_``) or perpetrator (``per_``) context, the organisation the case went to
(``org_``) and the exploitation event (``hte_``).

``cas_Id`` and ``prs_Id`` are tipgraph's ids (the standard leaves record ids to the system).
Picklist values use the standard's value names; tipgraph's trafficking indicators
(``nlp.indicators``) fill ``vic_MethodsOfControl``, ``vic_MethodOfRecruitment`` and the types of
exploitation. Names and identifiers are masked with the ``partner`` profile; every cell goes
through the spreadsheet neutraliser.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from exports import ExportResult, exporter
from exports.casefacts import VictimFacts, people_in_cases, victim_facts
from exports.graphdata import ExportData
from playbooks.export import write_csv

__all__ = ["FIELDS", "htcds_rows", "split_name", "write_htcds"]

FIELDS: tuple[str, ...] = (
    "cas_Id", "cas_Status", "cas_ReferredOrganisation", "cas_OutgoingReferralDate",
    "prs_Id", "prs_FirstName", "prs_SecondName", "prs_Birthdate", "prs_Gender", "prs_Nationality", "prs_Email",
    "prs_MobilePhone",
    "vic_MethodOfRecruitment", "vic_RecruitmentWebsitesAndApps", "vic_MethodsOfControl", "vic_TypeOfLabourExploitation",
    "vic_TypeOfSexExploitation", "vic_LocationOfExploitation",
    "per_RoleInProcess", "per_Organisation",
    "org_Name", "org_Type", "org_ShippingCountry",
    "hte_Type", "hte_Country", "hte_City", "hte_Date",
)

_GENDER = {"F": "Female", "M": "Male", "X": "Transgender/NonConforming"}
_CONTROL = {"PhysicalThreats": "Threats", "ThreatensChildrenFamily": "Threats",
            "ThreatsLawEnforcement": "ThreatOfLawEnforcement", "PsychoactiveSubstance": "PsychoactiveSubstances"}
_RECRUITMENT = {"job_ad": "Job offer/advertisement", "agency": "Job offer/advertisement",
                "social_media": "Internet (social media, online advertisement)", "family": "Familial",
                "acquaintance": "Other"}
_PLATFORMS = {"line": "Line", "telegram": "Telegram", "wechat": "WeChat", "facebook": "Facebook",
              "whatsapp": "WhatsApp", "instagram": "Instagram", "viber": "Viber", "tiktok": "TikTok"}
_ROLE = {"recruiter": "RecruiterOrIntermediary", "suspect": "Exploiter"}
_ORG_TYPE = {"police_unit": "LawEnforcement", "prosecutors_office": "LawEnforcement", "ngo": "NGO",
             "company": "CorporateBusiness", "mission": "CentralGovernmentOrganisation", "airline": "CorporateBusiness"}


def split_name(name: str) -> tuple[str, str]:
    """``(first, second)`` name: a Chinese name's surname is its first character; any other name
    stays whole as the first name (its order cannot be told from the text).

    >>> split_name("陳○明"), split_name("Chen Wei-ting")
    (('○明', '陳'), ('Chen Wei-ting', ''))
    """
    if len(name) >= 2 and "\u3400" <= name[0] <= "\u9fff":
        return name[1:], name[0]
    return name, ""


def _join(values: Any) -> str:
    return ";".join(sorted({str(v) for v in values if v}))


def _identifiers(g: nx.MultiDiGraph, person: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for _, ident, d in g.out_edges(person, data=True):
        if d.get("type") == "HAS_IDENTIFIER":
            a = g.nodes[ident]
            found.setdefault(str(a.get("type")), []).append(str(a.get("platform") or a.get("value")))
            if a.get("type") == "handle":
                found.setdefault("handle_value", []).append(str(a.get("value")))
    return found


def _org_of_case(g: nx.MultiDiGraph, case: str | None) -> dict[str, Any]:
    if case is None:
        return {}
    for rel in ("REFERRED_TO", "INDICTED_BY", "HANDLED_BY"):
        for _, org, d in g.out_edges(case, data=True):
            if d.get("type") == rel:
                return {**g.nodes[org], "_date": d.get("date")}
    return {}


def _victim_fields(g: nx.MultiDiGraph, v: VictimFacts) -> dict[str, Any]:
    controls = {_CONTROL.get(value, value) for kind, value in v.indicators if kind == "MethodsOfControl"}
    methods = {_RECRUITMENT[value] for kind, value in v.indicators if kind == "RecruitmentMethod" and value in _RECRUITMENT}
    platforms = {_PLATFORMS.get(p.lower(), "Other")
                 for r in v.recruiters for p in _identifiers(g, r).get("handle", [])}
    place = v.exploited_in[0] if v.exploited_in else {}
    return {
        "vic_MethodOfRecruitment": _join(methods), "vic_RecruitmentWebsitesAndApps": _join(platforms),
        "vic_MethodsOfControl": _join(controls),
        "vic_TypeOfLabourExploitation": "IllicitActivities" if "forced_criminality" in v.exploitation else "",
        "vic_TypeOfSexExploitation": "", "vic_LocationOfExploitation": _join(p.get("name") for p in v.exploited_in),
        "hte_Type": "Exploitation" if (place or v.countries) else "",
        "hte_Country": place.get("country") or (v.countries[0] if v.countries else ""),
        "hte_City": place.get("name", "") if place.get("kind") == "city" else "", "hte_Date": place.get("since") or "",
    }


def htcds_rows(data: ExportData) -> list[dict[str, Any]]:
    """The HTCDS rows of the export's graph: one per person and role in a case."""
    g = data.graph
    victims = {v.id: v for v in victim_facts(g, data.indicators)}
    rows = []
    for pic in people_in_cases(g):
        p = g.nodes[pic.person]
        case = g.nodes[pic.case] if pic.case else {}
        org = _org_of_case(g, pic.case)
        first, second = split_name(str(p.get("name") or ""))
        idents = _identifiers(g, pic.person)
        row: dict[str, Any] = {
            "cas_Id": pic.case or "", "cas_Status": "ClosedReferred" if case.get("referred_on") else "Active",
            "cas_ReferredOrganisation": org.get("name", ""), "cas_OutgoingReferralDate": case.get("referred_on", ""),
            "prs_Id": pic.person, "prs_FirstName": first, "prs_SecondName": second,
            "prs_Birthdate": str(p["birth_year"]) if p.get("birth_year") else "",
            "prs_Gender": _GENDER.get(str(p.get("sex") or ""), "Unknown"), "prs_Nationality": p.get("nationality", ""),
            "prs_Email": _join(idents.get("email", [])), "prs_MobilePhone": _join(idents.get("phone", [])),
            "per_RoleInProcess": ";".join(sorted({_ROLE[r] for r in {pic.role, *pic.acts} if r in _ROLE})),
            "per_Organisation": _join(g.nodes[o].get("name") for _, o, d in g.out_edges(pic.person, data=True)
                                      if d.get("type") == "MEMBER_OF") if pic.role != "victim" else "",
            "org_Name": org.get("name", ""), "org_Type": _ORG_TYPE.get(str(org.get("kind")), ""),
            "org_ShippingCountry": org.get("country", ""),
        }
        if pic.role == "victim" and pic.person in victims:
            row.update(_victim_fields(g, victims[pic.person]))
        rows.append(row)
    return rows


@exporter("htcds", suffix=".csv", help="Human Trafficking Case Data Standard v2 fields, one row per person in a case",
          needs_indicators=True)
def write_htcds(data: ExportData, output: Path, **_: Any) -> ExportResult:
    rows = htcds_rows(data)
    with open(output, "w", encoding="utf-8-sig", newline="") as fh:
        write_csv(rows, FIELDS, fh)
    victims = sum(1 for r in rows if r.get("vic_MethodsOfControl") is not None and r["per_RoleInProcess"] == "")
    with_controls = sum(1 for r in rows if r.get("vic_MethodsOfControl"))
    return ExportResult("htcds", [str(output)], len(rows), data.profile,
                        [f"{len(rows)} people in cases ({victims} victims, {with_controls} with methods of control "
                         "from the indicators)"])
