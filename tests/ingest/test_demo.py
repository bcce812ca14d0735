"""Tests for ingest.demo: a deterministic demo corpus whose 2022 slice reproduces DOMAIN.md's 4P table,
whose hidden structures are where the truth says, and whose case files our extractor can read."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from ingest.demo import DemoSummary, generate
from ingest.demo.names import FOREIGN_NAMES, SURNAMES, is_generated_chinese
from tests.support.domain import TABLE_2022

SEA = {"柬埔寨", "緬甸", "泰國", "寮國", "越南", "菲律賓", "馬來西亞"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary, dict[str, Any]]:
    out = tmp_path_factory.mktemp("demo")
    summary = generate(out, seed=2022)
    return out, summary, json.loads(summary.truth.read_text(encoding="utf-8"))


def digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def text_of(root: Path, rel: str, truth: dict[str, Any] | None = None) -> str:
    encoding = "utf-8"
    if truth is not None:
        encoding = next((c["encoding"] for c in truth["cases"] if c["file"] == rel), "utf-8")
    return (root / rel).read_bytes().decode(encoding)


def rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_demo_same_seed_gives_identical_bytes(corpus, tmp_path: Path) -> None:
    out, _, _ = corpus
    generate(tmp_path, seed=2022)
    assert digest(tmp_path) == digest(out)


def test_demo_different_seed_differs(corpus, tmp_path: Path) -> None:
    out, _, _ = corpus
    generate(tmp_path, seed=7)
    mine, theirs = digest(out), digest(tmp_path)
    assert mine["truth.json"] != theirs["truth.json"]
    shared = [k for k in mine if k.startswith("cases/") and k in theirs]
    assert sum(mine[k] != theirs[k] for k in shared) > 0.9 * len(shared)


def test_demo_writes_enough_documents_of_each_kind(corpus) -> None:
    out, summary, truth = corpus
    cases = sorted((out / "cases").iterdir())
    rescues = sorted((out / "rescues").iterdir())
    assert summary.cases == len(cases) >= 220 and summary.rescues == len(rescues) >= 60
    assert len(cases) + len(rescues) >= 300
    assert {c["year"] for c in truth["cases"]} == {2020, 2021, 2022}
    assert sum(p.suffix == ".md" for p in cases) >= 3
    big5 = [c for c in truth["cases"] if c["encoding"] == "big5"]
    assert len(big5) >= 3
    for c in big5:
        data = (out / c["file"]).read_bytes()
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        assert "地方檢" in data.decode("big5")
    langs = {r["lang"] for r in truth["rescue_reports"]}
    assert langs == {"zh", "en"}
    cjk = re.compile(r"[\u4e00-\u9fff]")
    assert all((cjk.search(text_of(out, r["file"])) is None) == (r["lang"] == "en") for r in truth["rescue_reports"])


def test_demo_registers_have_the_agreed_headers(corpus) -> None:
    out, _, _ = corpus
    reg = out / "registers"
    first = lambda p: p.read_text(encoding="utf-8-sig").splitlines()[0]  # noqa: E731
    assert first(reg / "rescue_2022.csv") == "姓名,護照號碼,性別,出生年,國家,地點,通報日期,尋獲日期,救援日期,返國日期,駐外館處,返國班機"
    assert first(reg / "services_2022.csv") == "被害人,服務類別,日期,提供單位"
    assert first(reg / "activities_2022.csv") == "活動類別,日期,名稱,人數,合作單位"
    manifests = sorted(reg.glob("manifest_*.csv"))
    assert manifests and all(first(m) == "passenger,passport,flight,date,origin,destination" for m in manifests)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", r["date"]) for m in manifests for r in rows(m))
    assert all(re.fullmatch(r"\d{3}/\d\d/\d\d", r["日期"]) for r in rows(reg / "services_2022.csv"))


def recount(out: Path, truth: dict[str, Any]) -> dict[str, int]:
    """The 2022 table recomputed here, independently of ingest.demo.figures."""
    referred = [c for c in truth["cases"] if c["trafficking"] and c["referral_date"][:4] == "2022"]
    indicted = [c for c in truth["cases"] if c["trafficking"] and (c["indictment_date"] or "")[:4] == "2022"]
    services: dict[str, int] = {}
    foreign_minors = 0
    for r in rows(out / "registers" / "services_2022.csv"):
        services[r["服務類別"]] = services.get(r["服務類別"], 0) + 1
        foreign_minors += r["服務類別"] == "minor_sexual_victim" and r["被害人"].isascii()
    acts = rows(out / "registers" / "activities_2022.csv")
    kind = lambda k: [a for a in acts if a["活動類別"] == k]  # noqa: E731
    returned = [r for r in rows(out / "registers" / "rescue_2022.csv")
                if r["國家"] in SEA and r["返國日期"] and r["返國日期"] <= "111/12/31"]
    return {
        "cases_referred": len(referred),
        "cases_referred_labour": sum(c["exploitation"] == "labour" for c in referred),
        "cases_referred_sexual": sum(c["exploitation"] == "sexual" for c in referred),
        "cases_referred_organ": sum(c["exploitation"] == "organ" for c in referred),
        "victims_in_referred_cases": sum(c["victim_count"] for c in referred),
        "cases_indicted": len(indicted), "defendants_indicted": sum(c["defendants_indicted"] for c in indicted),
        "stay_permits": services.get("stay_permit", 0), "stay_permits_extended": services.get("stay_permit_extension", 0),
        "work_permits": services.get("work_permit", 0), "foreign_victims_sheltered": services.get("shelter_foreign", 0),
        "taiwanese_adult_victims": services.get("taiwanese_adult_victim", 0),
        "taiwanese_adult_placed": services.get("taiwanese_adult_placed", 0),
        "taiwanese_adult_declined": services.get("taiwanese_adult_declined", 0),
        "minor_sexual_victims": services.get("minor_sexual_victim", 0), "minor_sexual_victims_foreign": foreign_minors,
        "minor_placed": services.get("minor_placed", 0), "minor_returned_family": services.get("minor_returned_family", 0),
        "detainees_rescreened_victims": services.get("rescreened_detainee", 0),
        "interpretation_person_times": services.get("interpretation", 0),
        "accompanied_interview_person_times": services.get("accompanied_interview", 0),
        "training_sessions": len(kind("training")), "trainees": sum(int(a["人數"]) for a in kind("training")),
        "border_meetings_person_times": services.get("border_meeting", 0),
        "emergency_cards": services.get("emergency_card", 0),
        "workshop_participants": sum(int(a["人數"]) for a in kind("international_workshop")),
        "liaison_officers_thailand": sum(int(a["人數"]) for a in kind("liaison_dispatch") if a["日期"] == "111/09/05"),
        "liaison_officers_phnom_penh": sum(int(a["人數"]) for a in kind("liaison_dispatch") if a["日期"] == "111/10/21"),
        "nationals_returned_from_sea": len(returned),
        "action_plan_programmes": len(kind("action_plan_programme")),
        "action_plan_strategies": len(kind("action_plan_strategy")),
    }


def test_demo_2022_figures_reproduce_the_domain_table(corpus) -> None:
    out, _, truth = corpus
    assert recount(out, truth) == TABLE_2022
    assert truth["figures_2022"] == TABLE_2022
    other = truth["figures_by_year"]
    for year in ("2020", "2021"):
        assert 0 < other[year]["cases_referred"] < TABLE_2022["cases_referred"]
    assert other["2020"] != other["2021"]


def test_demo_case_files_state_their_counts_and_dates(corpus) -> None:
    out, _, truth = corpus
    for c in truth["cases"]:
        text = text_of(out, c["file"], truth)
        assert f"{c['suspect_count']} 人" in text or f"{c['suspect_count']}人" in text, c["file"]
        if c["victim_count"]:
            assert f"{c['victim_count']} 人" in text, c["file"]
        if c["indicted"]:
            assert f"{c['defendants_indicted']} 人" in text and "起訴" in text, c["file"]
        referral = next(line for line in text.splitlines() if "移送" in line and not line.startswith("#"))
        assert ("人口販運（" in referral) == c["trafficking"], c["file"]


ROC_FORMS = {
    "spaced": r"1\d\d 年 \d{1,2} 月 \d{1,2} 日", "tight": r"(?<!國)1\d\d年\d{1,2}月\d{1,2}日",
    "minguo": r"民國1\d\d年\d{1,2}月\d{1,2}日", "slash": r"1\d\d/\d{1,2}/\d{1,2}",
    "dot": r"1\d\d\.\d\d\.\d\d", "fullwidth": r"１[０-９]{2}年[０-９]{1,2}月[０-９]{1,2}日",
    "hanzi": r"一[〇一]\w年\w{1,2}月\w{1,3}日", "no_year": r"至 ?\d{1,2} ?月 ?\d{1,2} ?日",
    "year_end": r"1\d\d 年底", "month": r"1\d\d ?年 ?\d{1,2} ?月(?! ?\d)",
}


@pytest.mark.parametrize("form", sorted(ROC_FORMS))
def test_demo_case_files_use_every_roc_date_form(corpus, form: str) -> None:
    out, _, truth = corpus
    texts = [text_of(out, c["file"], truth) for c in truth["cases"]]
    assert sum(bool(re.search(ROC_FORMS[form], t)) for t in texts) >= 3


def test_demo_bad_files_are_there_for_the_reasons_given(corpus) -> None:
    out, summary, truth = corpus
    reasons = {b["reason"]: out / b["file"] for b in truth["bad_files"]}
    assert set(reasons) == {"empty", "binary", "bad_register", "zip_bomb", "corrupt"} and summary.bad == 5
    assert reasons["empty"].stat().st_size == 0 and reasons["empty"].suffix == ".txt"
    assert reasons["binary"].suffix == ".txt" and b"\x00" in reasons["binary"].read_bytes()
    header = reasons["bad_register"].read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert "flight" not in header and "passenger" in header
    bomb = reasons["zip_bomb"]
    assert bomb.suffix == ".docx" and bomb.stat().st_size < 1_000_000
    with zipfile.ZipFile(bomb) as zf:
        assert sum(i.file_size for i in zf.infolist()) >= 100 * 1024 * 1024
    pdf = reasons["corrupt"].read_bytes()
    assert pdf.startswith(b"%PDF") and b"%%EOF" not in pdf
    assert [n["reason"] for n in truth["not_generated"]] == ["too_large"]


def test_demo_names_all_come_from_our_generator(corpus) -> None:
    out, _, truth = corpus
    foreign_words = {w for given, family in FOREIGN_NAMES.values() for part in given + family for w in part.split()}
    for p in truth["people"]:
        if p["nationality"] == "TW":
            assert is_generated_chinese(p["name"]), p
        else:
            assert set(p["name"].split()) <= foreign_words, p
    corpus_text = "\n".join(text_of(out, str(f.relative_to(out)), truth)
                            for d in ("cases", "rescues", "registers") for f in sorted((out / d).iterdir()))
    surfaces = {s for p in truth["people"] for s in p["surfaces"]}
    assert all(s in corpus_text for s in surfaces)
    masked = re.compile(f"[{''.join(SURNAMES)}](?:○|〇|Ｏ|\\*| O )\\w")
    for c in truth["cases"]:
        for hit in masked.findall(text_of(out, c["file"], truth)):
            assert hit in surfaces, (c["file"], hit)


def test_demo_recruiter_rings_share_phones_and_accounts_across_cases(corpus) -> None:
    out, _, truth = corpus
    people = {p["id"]: p for p in truth["people"]}
    cases = {c["id"]: c for c in truth["cases"]}
    rings = truth["structures"]["rings"]
    assert len(rings) >= 3
    for ring in rings:
        assert len(ring["cases"]) >= 2 and len(ring["victims"]) >= 4
        phone, account = ring["shared_phones"][0], ring["shared_accounts"][0]
        assert all(phone in people[r]["phones"] and account in people[r]["accounts"] for r in ring["recruiters"])
        local = "0" + phone[4:7] + "-" + phone[7:10] + "-" + phone[10:]
        files_with = [cid for cid in ring["cases"] if local in text_of(out, cases[cid]["file"], truth)
                      or account in text_of(out, cases[cid]["file"], truth)]
        assert len(files_with) >= 2, ring["id"]
    broker = truth["structures"]["broker"]
    assert len({cases[c]["ring"] for c in broker["cases"]}) == 2
    assert all(broker["person"] in cases[c]["suspects"] for c in broker["cases"])


def test_demo_recruitment_chain_victim_later_recruits(corpus) -> None:
    _, _, truth = corpus
    chain = truth["structures"]["recruitment_chain"]
    cases = {c["id"]: c for c in truth["cases"]}
    before, after = cases[chain["victim_in"]], cases[chain["recruiter_in"]]
    assert chain["person"] in before["victims"] and chain["person"] in after["suspects"]
    assert before["referral_date"] < after["referral_date"] and after["victims"] == chain["recruited"]
    person = next(p for p in truth["people"] if p["id"] == chain["person"])
    assert set(person["roles"]) == {"victim", "recruiter"}


def test_demo_victims_flew_with_their_recruiter_in_texts_and_manifests(corpus) -> None:
    out, _, truth = corpus
    people = {p["id"]: p for p in truth["people"]}
    cases = {c["id"]: c for c in truth["cases"]}
    manifest = {(r["passport"], r["flight"], r["date"]) for m in (out / "registers").glob("manifest_*.csv")
                for r in rows(m)}
    flew = truth["structures"]["flew_with_recruiter"]
    assert len(flew) >= 6
    for trip in flew:
        for pid in [trip["recruiter"], *trip["victims"]]:
            assert (people[pid]["passport"], trip["flight"], trip["date"]) in manifest
        text = text_of(out, cases[trip["case"]]["file"], truth)
        assert trip["flight"][2:] in text and trip["route"] in text


def test_demo_one_victim_in_two_scripts_and_two_people_behind_one_mask(corpus) -> None:
    out, _, truth = corpus
    people = {p["id"]: p for p in truth["people"]}
    cases = {c["id"]: c for c in truth["cases"]}
    cross = truth["structures"]["cross_script"]
    victim = people[cross["person"]]
    assert victim["name"] in text_of(out, cases[cross["case"]]["file"], truth)
    report = text_of(out, cross["rescue_report"])
    roman = [s for s in victim["surfaces"] if s.isascii() and s in report]
    assert roman and victim["passport"] in report and str(victim["birth_year"]) in report
    row = next(r for r in rows(out / cross["register"]) if r["護照號碼"] == victim["passport"])
    assert row["姓名"].isascii() and row["出生年"] == str(victim["birth_year"])
    same = truth["structures"]["same_masked_name"]
    a, b = (people[pid] for pid in same["people"])
    assert a["id"] != b["id"] and a["name"] != b["name"] and same["masked"] == "陳○明"
    for pid, cid in zip(same["people"], same["cases"]):
        assert "陳○明" in people[pid]["surfaces"] and "陳○明" in text_of(out, cases[cid]["file"], truth)


def _office_key(text: str) -> str:
    text = text.replace("台", "臺").replace("檢查署", "檢察署")
    return text[2:] if text.startswith("臺灣") else text


def test_demo_extractor_finds_referral_date_and_office(corpus) -> None:
    from nlp.extract import extract

    out, _, truth = corpus
    sample = [c for c in truth["cases"] if c["year"] == 2022 and c["trafficking"]]
    missed = []
    for c in sample:
        text = text_of(out, c["file"], truth)
        result = extract(text, lang="zh")
        dates = {e["norm"] for e in result["entities"] if e["label"] == "DATE"}
        orgs = {_office_key(e["norm"]) for e in result["entities"] if e["label"] == "ORG"}
        if c["referral_date"] not in dates:
            missed.append((c["file"], "DATE", c["referral_date"]))
        if _office_key(c["prosecutors_office"]) not in orgs:
            missed.append((c["file"], "ORG", c["prosecutors_office"]))
    assert len(sample) == 161
    assert missed == []
