"""ISBAR readiness of a case: what is missing or thin, in plain words."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdtboard.domain.case import (
    Case,
    DailyDose,
    Discipline,
    DisciplineInput,
    Medication,
    PainLocation,
    Patient,
    PegItems,
    Scores,
)
from mdtboard.domain.isbar import (
    GapSeverity,
    IsbarPart,
    check_isbar,
    isbar_gaps,
    sentence_count,
)

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "sample-cases.json"


def case_from_json(raw: dict[str, Any]) -> Case:
    """A small stand-in for the bundle loader (which lives in interchange and is tested there)."""
    scores = None
    if raw.get("scores") is not None:
        score_fields = dict(raw["scores"])
        score_fields.pop("other", None)
        peg = score_fields.pop("peg_items", None)
        scores = Scores(peg_items=None if peg is None else PegItems(**peg), **score_fields)
    medications = None
    if raw.get("medications") is not None:
        medications = [
            Medication(**{**m, "daily_dose": DailyDose(**m["daily_dose"]) if m.get("daily_dose") else None})
            for m in raw["medications"]
        ]
    inputs = None
    if raw.get("discipline_inputs") is not None:
        inputs = [
            DisciplineInput(**{**entry, "discipline": Discipline(entry["discipline"])})
            for entry in raw["discipline_inputs"]
        ]
    return Case(
        ref=raw["id"],
        fictional=raw["fictional"],
        patient=Patient(**raw["patient"]),
        title=raw.get("title"),
        one_liner=raw.get("one_liner"),
        question_for_team=raw.get("question_for_team"),
        presenting_complaint=raw.get("presenting_complaint"),
        pain_history=raw.get("pain_history"),
        psychosocial=raw.get("psychosocial"),
        pain_locations=None if raw.get("pain_locations") is None
        else [PainLocation(**p) for p in raw["pain_locations"]],
        medications=medications,
        prior_treatments=raw.get("prior_treatments"),
        imaging=raw.get("imaging"),
        comorbidities=raw.get("comorbidities"),
        function_goals=raw.get("function_goals"),
        red_flags=raw.get("red_flags"),
        scores=scores,
        discipline_inputs=inputs,
    )


def sample_cases() -> dict[str, Case]:
    bundle = json.loads(SAMPLES.read_text(encoding="utf-8"))
    return {raw["id"]: case_from_json(raw) for raw in bundle["cases"]}


def complete_case() -> Case:
    return Case(
        ref="T-1",
        fictional=True,
        patient=Patient(display_name="Test Patient", age=50),
        one_liner="50-year-old builder with 2 years of chronic low back pain after a lifting injury.",
        question_for_team="Should we offer a pain management programme or a spinal cord stimulator trial?",
        presenting_complaint="Low back pain limiting work.",
        pain_history="Two years of axial low back pain since lifting a beam; worse with sitting.",
        psychosocial="Lives with partner; off work for 6 months.",
        recommendation="Interdisciplinary programme with a graded return to work.",
        medications=[Medication("morphine", daily_dose=DailyDose(30, "mg"))],
        prior_treatments=["Physical therapy x6"],
        comorbidities=[],
        function_goals=["Return to work 4 h/day within 8 weeks"],
        red_flags=["Screened negative."],
        scores=Scores(nrs=6, phq9_total=8, phq9_item9=0, gad7_total=4),
        discipline_inputs=[
            DisciplineInput(Discipline.PHYSICIAN, assessment="Chronic axial pain."),
            DisciplineInput(Discipline.PHYSICAL_THERAPY, assessment="Deconditioned."),
            DisciplineInput(Discipline.PSYCHOLOGY, assessment="Fear avoidance."),
        ],
    )


def fields(case: Case) -> dict[str, GapSeverity]:
    return {gap.field: gap.severity for gap in isbar_gaps(case)}


def test_complete_case_has_no_gaps_and_is_ready() -> None:
    check = check_isbar(complete_case())
    assert check.gaps == ()
    assert check.ready
    assert check.text == "Ready"


def test_empty_case_lists_every_missing_part() -> None:
    check = check_isbar(Case(ref="T-2", fictional=True, patient=Patient(display_name="")))
    assert not check.ready
    missing = {gap.field for gap in check.missing}
    assert missing == {
        "patient.display_name", "one_liner", "question_for_team", "presenting_complaint", "pain_history",
        "medications", "psychosocial", "scores", "discipline_inputs", "red_flags", "function_goals",
    }
    thin = {gap.field for gap in check.thin}
    assert thin == {"patient.age", "prior_treatments", "comorbidities", "recommendation"}
    parts = [gap.part for gap in check.gaps]
    assert parts == sorted(parts, key=list(IsbarPart).index), "gaps come in ISBAR order"
    assert check.text.startswith("Not ready: 11 missing, 4 thin")
    assert all(gap.message.strip() for gap in check.gaps)


@pytest.mark.parametrize(
    ("field", "blank", "part"),
    [("question_for_team", None, IsbarPart.SITUATION), ("question_for_team", "   ", IsbarPart.SITUATION),
     ("one_liner", "", IsbarPart.SITUATION), ("presenting_complaint", None, IsbarPart.BACKGROUND),
     ("pain_history", None, IsbarPart.BACKGROUND), ("psychosocial", "\n", IsbarPart.BACKGROUND),
     ("medications", None, IsbarPart.BACKGROUND), ("scores", None, IsbarPart.ASSESSMENT),
     ("scores", Scores(), IsbarPart.ASSESSMENT), ("red_flags", None, IsbarPart.ASSESSMENT),
     ("red_flags", [], IsbarPart.ASSESSMENT), ("discipline_inputs", [], IsbarPart.ASSESSMENT),
     ("function_goals", None, IsbarPart.RECOMMENDATION), ("function_goals", [], IsbarPart.RECOMMENDATION)],
)
def test_each_missing_part_blocks(field: str, blank: object, part: IsbarPart) -> None:
    case = complete_case()
    setattr(case, field, blank)
    check = check_isbar(case)
    assert not check.ready
    (gap,) = check.gaps
    assert (gap.field, gap.part, gap.severity) == (field, part, GapSeverity.MISSING)


def test_messages_are_plain_words() -> None:
    case = dataclasses.replace(complete_case(), question_for_team=None, function_goals=None, red_flags=None)
    messages = [gap.message for gap in isbar_gaps(case)]
    assert any(m.startswith("No question for the team") for m in messages)
    assert any(m.startswith("No function goals") for m in messages)
    assert any(m.startswith("No red flags reviewed") for m in messages)


def test_empty_medication_list_is_given() -> None:
    assert check_isbar(dataclasses.replace(complete_case(), medications=[])).ready


def test_one_liner_of_two_sentences_is_thin() -> None:
    case = dataclasses.replace(
        complete_case(), one_liner="50-year-old builder with back pain. He has had it for two years."
    )
    check = check_isbar(case)
    assert check.ready
    (gap,) = check.gaps
    assert (gap.part, gap.field, gap.severity) == (IsbarPart.SITUATION, "one_liner", GapSeverity.THIN)
    assert "2 sentences" in gap.message
    assert check.text == "Ready: 1 thin"


def test_one_liner_over_60_words_is_thin() -> None:
    case = dataclasses.replace(complete_case(), one_liner=" ".join(["word"] * 61) + ".")
    (gap,) = isbar_gaps(case)
    assert gap.severity is GapSeverity.THIN and "61 words" in gap.message
    case = dataclasses.replace(complete_case(), one_liner=" ".join(["word"] * 60) + ".")
    assert isbar_gaps(case) == []


@pytest.mark.parametrize(
    ("text", "count"),
    [("One sentence with Dr. Smith and e.g. Tramadol.", 1), ("Pain 2.5 years. Worse now.", 2),
     ("Is it CRPS? Maybe! Unclear.", 3), ("L5 radicular pain; 14 months", 1), ("", 0)],
)
def test_sentence_count(text: str, count: int) -> None:
    assert sentence_count(text) == count


@given(st.lists(st.text(alphabet="abcdefgh", min_size=2, max_size=8), min_size=1, max_size=10))
def test_sentence_count_of_sentences(words: list[str]) -> None:
    text = " ".join(word.capitalize() + " pain." for word in words)
    assert sentence_count(text) == len(words)


def test_opioid_without_daily_amount_is_thin() -> None:
    case = dataclasses.replace(complete_case(), medications=[Medication("tramadol"), Medication("ibuprofen")])
    (gap,) = isbar_gaps(case)
    assert (gap.field, gap.severity) == ("medications[0].daily_dose", GapSeverity.THIN)
    assert "tramadol" in gap.message and "MME" in gap.message


def test_scores_without_pain_or_mood_are_thin() -> None:
    case = dataclasses.replace(complete_case(), scores=Scores(gad7_total=3))
    assert fields(case) == {"scores.nrs": GapSeverity.THIN}
    case = dataclasses.replace(complete_case(), scores=Scores(peg_items=PegItems(5, 5, 5)))
    assert fields(case) == {"scores.phq9_total": GapSeverity.THIN}


def test_phq9_without_item9_is_thin() -> None:
    case = dataclasses.replace(complete_case(), scores=Scores(nrs=5, phq9_total=12))
    (gap,) = isbar_gaps(case)
    assert gap.field == "scores.phq9_item9" and "item 9" in gap.message
    items_case = dataclasses.replace(complete_case(), scores=Scores(nrs=5, phq9_items=[1] * 9))
    assert isbar_gaps(items_case) == []


def test_missing_core_discipline_input_is_thin() -> None:
    case = dataclasses.replace(complete_case(), discipline_inputs=[
        DisciplineInput(Discipline.PHYSICIAN, assessment="Findings."),
        DisciplineInput(Discipline.PSYCHOLOGY, assessment=" "),
    ])
    (gap,) = isbar_gaps(case)
    assert (gap.part, gap.field) == (IsbarPart.ASSESSMENT, "discipline_inputs")
    assert gap.severity is GapSeverity.THIN
    assert gap.message == "No assessment yet from physical therapy or psychology."


def test_discipline_inputs_without_any_assessment_are_thin() -> None:
    case = dataclasses.replace(
        complete_case(), discipline_inputs=[DisciplineInput(Discipline.PHARMACY, recommendations="Taper.")]
    )
    (gap,) = isbar_gaps(case)
    assert gap.message == "The discipline inputs have no assessment text yet."


def test_gaps_are_frozen() -> None:
    gap = isbar_gaps(dataclasses.replace(complete_case(), red_flags=None))[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        gap.message = "x"  # type: ignore[misc]


def test_for_part_and_labels() -> None:
    check = check_isbar(dataclasses.replace(complete_case(), question_for_team=None, red_flags=None))
    assert [gap.field for gap in check.for_part(IsbarPart.SITUATION)] == ["question_for_team"]
    assert [gap.field for gap in check.for_part(IsbarPart.ASSESSMENT)] == ["red_flags"]
    assert [part.label for part in IsbarPart] == [
        "Identify", "Situation", "Background", "Assessment", "Recommendation"
    ]


# --- the shared sample cases ----------------------------------------------------------------------


@pytest.mark.parametrize("case_id", ["MDT-001", "MDT-002", "MDT-004", "MDT-006", "MDT-008"])
def test_sample_cases_lack_only_the_question_and_the_plan(case_id: str) -> None:
    # The sample bundle has no question_for_team and no presenter's recommendation: all else is there.
    check = check_isbar(sample_cases()[case_id])
    assert {gap.field: gap.severity for gap in check.gaps} == {
        "question_for_team": GapSeverity.MISSING,
        "recommendation": GapSeverity.THIN,
    }
    assert not check.ready


def test_sample_case_ready_once_question_given() -> None:
    case = dataclasses.replace(sample_cases()["MDT-004"], question_for_team="Taper oxycodone, or not?")
    assert check_isbar(case).ready
