"""mdtboard's own bank of fictional teaching cases (resources/cases/teaching-cases.json).

The bank is content, not code, so these tests check what a teaching bank must offer: it is a valid
case bundle, every case is fictional, the required topics and the required variety are there, the
scores agree with themselves, every case has the core disciplines' input, and every opioid carries
a daily amount so that MME can be computed (with the CDC 2022 factors of the clinical reference).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

ROOT = Path(__file__).parents[2]
BANK_PATH = ROOT / "resources/cases/teaching-cases.json"
SCHEMA_PATH = ROOT / "src/mdtboard/interchange/case-bundle.schema.json"
SAMPLE_PATH = ROOT / "tests/data/sample-cases.json"

#: The required curriculum topics: id -> a pattern the title or one-liner must match.
TOPICS: dict[str, str] = {
    "TEACH-01": r"radicul",
    "TEACH-02": r"complex regional pain syndrome",
    "TEACH-03": r"fibromyalgia",
    "TEACH-04": r"hernia|mastectomy|post-surgical|herniorrhaphy",
    "TEACH-05": r"pelvic pain",
    "TEACH-06": r"migraine",
    "TEACH-07": r"cancer",
    "TEACH-08": r"taper",
    "TEACH-11": r"spinal cord stimulat.*radiofrequency",
    "TEACH-12": r"online pain course|telehealth",
    "TEACH-13": r"demanding",
    "TEACH-14": r"chemotherapy",
    "TEACH-15": r"\b9-year-old",
    "TEACH-16": r"dementia|Alzheimer",
    "TEACH-17": r"untreated opioid use disorder",
    "TEACH-18": r"buprenorphine.*knee replacement|knee replacement.*buprenorphine",
}

CORE_DISCIPLINES = ("physician", "physical_therapy", "psychology")
PATIENT_KEYS = ("display_name", "age", "sex", "pronouns", "preferred_language", "interpreter_needed")
TEXT_KEYS = (
    "title",
    "one_liner",
    "question_for_team",
    "presenting_complaint",
    "pain_history",
    "psychosocial",
)
LIST_KEYS = (
    "pain_locations",
    "medications",
    "prior_treatments",
    "imaging",
    "comorbidities",
    "function_goals",
    "red_flags",
)

#: CDC 2022 MME factors (clinical reference). Fentanyl is per mcg/h of a transdermal patch.
MME_FACTORS: dict[str, Decimal] = {
    "codeine": Decimal("0.15"),
    "fentanyl": Decimal("2.4"),
    "hydrocodone": Decimal("1"),
    "hydromorphone": Decimal("5"),
    "methadone": Decimal("4.7"),
    "morphine": Decimal("1"),
    "oxycodone": Decimal("1.5"),
    "oxymorphone": Decimal("3"),
    "tapentadol": Decimal("0.4"),
    "tramadol": Decimal("0.2"),
}
BENZODIAZEPINES = {"alprazolam", "clonazepam", "diazepam", "lorazepam", "temazepam", "oxazepam", "midazolam"}
GABAPENTINOIDS = {"gabapentin", "pregabalin"}

#: Expected MME/day of each case, worked out by hand from the medication lists.
EXPECTED_MME: dict[str, Decimal] = {
    "TEACH-01": Decimal("40"),  # tapentadol 100 mg x 0.4
    "TEACH-02": Decimal("18"),  # codeine 120 mg x 0.15
    "TEACH-03": Decimal("20"),  # tramadol 100 mg x 0.2
    "TEACH-04": Decimal("0"),  # buprenorphine only: flagged, never added
    "TEACH-05": Decimal("9"),  # codeine 60 mg x 0.15 (Ireland: codeine/paracetamol, not hydrocodone)
    "TEACH-06": Decimal("4"),  # tramadol 20 mg (monthly average) x 0.2
    "TEACH-07": Decimal("82.5"),  # fentanyl 25 mcg/h x 2.4 + oxycodone 15 mg x 1.5
    "TEACH-08": Decimal("124"),  # methadone 20 mg x 4.7 + hydromorphone 6 mg x 5
    "TEACH-09": Decimal("45"),  # morphine 30 mg x 1 + oxycodone 10 mg x 1.5
    "TEACH-10": Decimal("0"),
    "TEACH-11": Decimal("30"),  # oxycodone 20 mg x 1.5
    "TEACH-12": Decimal("0"),
    "TEACH-13": Decimal("60"),  # hydrocodone 60 mg x 1
    "TEACH-14": Decimal("50"),  # morphine 40 mg + 10 mg x 1
    "TEACH-15": Decimal("9"),  # codeine 60 mg x 0.15 (in a 9-year-old: the point of the case)
    "TEACH-16": Decimal("18"),  # codeine 120 mg x 0.15
    "TEACH-17": Decimal("0"),  # illicit fentanyl is not a prescribed medicine
    "TEACH-18": Decimal("0"),  # buprenorphine only: flagged, never added
}
#: Cases where self-report scales do not apply (a 9-year-old; advanced dementia): age- or ability-
#: appropriate measures are given instead of PEG, PHQ-9 and GAD-7.
NO_SELF_REPORT = {
    "TEACH-15": ("fps_r_score", "fdi_total"),
    "TEACH-16": ("painad_total", "abbey_pain_scale_total"),
}


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


BANK: dict[str, Any] = _load(BANK_PATH)
CASES: list[dict[str, Any]] = BANK["cases"]
CASE_IDS = [case["id"] for case in CASES]


def _case(case_id: str) -> dict[str, Any]:
    return next(case for case in CASES if case["id"] == case_id)


def _words(name: str) -> set[str]:
    return set(re.findall(r"[a-z]+", name.casefold()))


def _opioids(name: str) -> set[str]:
    words = _words(name)
    return (words & set(MME_FACTORS)) | (words & {"buprenorphine"})


def _mme(case: dict[str, Any]) -> Decimal:
    total = Decimal(0)
    for med in case.get("medications", []):
        opioids = _opioids(med["name"])
        if not opioids or "buprenorphine" in opioids:
            continue
        (opioid,) = opioids
        total += Decimal(str(med["daily_dose"]["amount"])) * MME_FACTORS[opioid]
    return total


def _text(inp: dict[str, Any]) -> str:
    return f"{inp.get('assessment', '')}\n{inp.get('recommendations', '')}"


# --------------------------------------------------------------------------------------------------
# The bundle as a whole


def test_bank_is_a_valid_case_bundle() -> None:
    validator = Draft202012Validator(_load(SCHEMA_PATH))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(BANK)]
    assert errors == []


def test_bank_header() -> None:
    assert BANK["format"] == "mdtboard.case-bundle"
    assert BANK["version"] == 1
    assert BANK["title"] == "mdtboard teaching case bank"


def test_at_least_eight_cases_all_fictional_with_unique_ids() -> None:
    assert len(CASES) >= 8
    assert all(case["fictional"] is True for case in CASES)
    assert len(set(CASE_IDS)) == len(CASE_IDS)
    assert all(re.fullmatch(r"TEACH-\d{2}", case_id) for case_id in CASE_IDS)


@pytest.mark.parametrize(("case_id", "pattern"), TOPICS.items())
def test_required_topic_is_present(case_id: str, pattern: str) -> None:
    assert case_id in CASE_IDS
    case = _case(case_id)
    assert re.search(pattern, f"{case['title']} {case['one_liner']}", re.IGNORECASE)


def test_cases_are_new_not_the_sample_cases() -> None:
    samples = _load(SAMPLE_PATH)["cases"]
    sample_names = {case["patient"]["display_name"] for case in samples}
    sample_ids = {case["id"] for case in samples}
    assert not sample_names & {case["patient"]["display_name"] for case in CASES}
    assert not sample_ids & set(CASE_IDS)


# --------------------------------------------------------------------------------------------------
# Required variety


def test_some_display_names_are_not_ascii() -> None:
    assert any(not case["patient"]["display_name"].isascii() for case in CASES)


def test_more_than_one_patient_needs_an_interpreter_for_a_language_other_than_english() -> None:
    needing = [case["patient"] for case in CASES if case["patient"].get("interpreter_needed") is True]
    assert len(needing) >= 3
    assert any(not p.get("preferred_language", "English").startswith("English") for p in needing)


def test_a_case_has_a_long_medication_list() -> None:
    assert max(len(case.get("medications", [])) for case in CASES) >= 12


def test_ages_range_from_a_child_under_twelve_to_over_eighty() -> None:
    ages = [case["patient"]["age"] for case in CASES]
    assert min(ages) < 12
    assert max(ages) > 80


def test_a_case_has_sharing_restrictions() -> None:
    assert any(case.get("sharing_restrictions", "").strip() for case in CASES)


def test_transdermal_fentanyl_buprenorphine_and_a_sedative_co_prescription_appear() -> None:
    meds = [med for case in CASES for med in case.get("medications", [])]
    assert any("fentanyl" in _opioids(m["name"]) and m["daily_dose"]["unit"] == "mcg/h" for m in meds)
    assert any("buprenorphine" in _opioids(m["name"]) for m in meds)
    co_prescribed = [
        case["id"]
        for case in CASES
        if any(_opioids(m["name"]) for m in case.get("medications", []))
        and any(_words(m["name"]) & (BENZODIAZEPINES | GABAPENTINOIDS) for m in case.get("medications", []))
    ]
    assert co_prescribed


# --------------------------------------------------------------------------------------------------
# Scores


def test_one_or_two_cases_have_phq9_item9_above_zero() -> None:
    positive = [case["id"] for case in CASES if case.get("scores", {}).get("phq9_item9", 0) > 0]
    assert 1 <= len(positive) <= 2


def test_at_least_two_cases_give_full_phq9_and_gad7_items() -> None:
    with_items = [
        case["id"]
        for case in CASES
        if len(case["scores"].get("phq9_items", [])) == 9 and len(case["scores"].get("gad7_items", [])) == 7
    ]
    assert len(with_items) >= 2


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_scores_agree_with_their_items(case_id: str) -> None:
    scores = _case(case_id)["scores"]
    if case_id in NO_SELF_REPORT:
        assert not {"peg_items", "phq9_items", "phq9_total", "phq9_item9", "gad7_total"} & set(scores)
        assert {o["instrument"] for o in scores["other"]} >= set(NO_SELF_REPORT[case_id])
        return
    assert "nrs" in scores and "peg_items" in scores
    assert "phq9_item9" in scores or "phq9_items" in scores
    if "phq9_items" in scores:
        if "phq9_total" in scores:
            assert sum(scores["phq9_items"]) == scores["phq9_total"]
        if "phq9_item9" in scores:
            assert scores["phq9_items"][8] == scores["phq9_item9"]
    if "gad7_items" in scores and "gad7_total" in scores:
        assert sum(scores["gad7_items"]) == scores["gad7_total"]


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_other_instruments_are_typed_totals_with_snake_case_names(case_id: str) -> None:
    for other in _case(case_id)["scores"].get("other", []):
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", other["instrument"]), other["instrument"]


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_positive_item9_has_safety_content_from_psychology(case_id: str) -> None:
    case = _case(case_id)
    if case["scores"].get("phq9_item9", 0) == 0:
        return
    psychology = [_text(i) for i in case["discipline_inputs"] if i["discipline"] == "psychology"]
    assert any(re.search(r"safety plan", text, re.IGNORECASE) for text in psychology)
    assert any(re.search(r"same-day|same day", text, re.IGNORECASE) for text in psychology)


# --------------------------------------------------------------------------------------------------
# Completeness of each case


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_case_has_complete_isbar_content(case_id: str) -> None:
    case = _case(case_id)
    patient = case["patient"]
    for key in PATIENT_KEYS:
        assert key in patient, key
    for key in TEXT_KEYS:
        assert case.get(key, "").strip(), key
    for key in LIST_KEYS:
        assert case.get(key), key


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_core_disciplines_give_assessment_and_recommendations(case_id: str) -> None:
    inputs = {i["discipline"]: i for i in _case(case_id)["discipline_inputs"]}
    for discipline in CORE_DISCIPLINES:
        assert discipline in inputs, discipline
        assert inputs[discipline].get("assessment", "").strip(), discipline
        assert inputs[discipline].get("recommendations", "").strip(), discipline


# --------------------------------------------------------------------------------------------------
# Opioids and MME


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_every_opioid_has_a_daily_amount_in_the_right_unit(case_id: str) -> None:
    for med in _case(case_id).get("medications", []):
        opioids = _opioids(med["name"])
        if not opioids:
            continue
        assert len(opioids) == 1, med["name"]
        assert "daily_dose" in med, med["name"]
        expected_unit = "mcg/h" if opioids == {"fentanyl"} else "mg"
        assert med["daily_dose"]["unit"] == expected_unit, med["name"]


def test_every_case_has_an_expected_mme() -> None:
    assert set(EXPECTED_MME) == set(CASE_IDS)


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_mme_total_matches_the_expected_value(case_id: str) -> None:
    assert _mme(_case(case_id)) == EXPECTED_MME[case_id]
