"""NRS, PEG, PHQ-9 and GAD-7 scoring (rules of shared/clinical/REFERENCE.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdtboard.domain.case import PegItems, Scores
from mdtboard.domain.errors import InvalidInputError, Problem
from mdtboard.domain.scoring import (
    PHQ_GAD_ATTRIBUTION,
    Gad7Band,
    NrsBand,
    Phq9Band,
    gad7_band,
    gad7_suggests_further_evaluation,
    nrs_band,
    peg_change,
    peg_score,
    phq9_band,
    round_half_up,
    safety_prompt,
    score_summary,
    validate_scores,
)

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "sample-cases.json"

items_0_3 = st.integers(min_value=0, max_value=3)


def sample_scores() -> dict[str, Scores]:
    bundle = json.loads(SAMPLES.read_text(encoding="utf-8"))
    out: dict[str, Scores] = {}
    for case in bundle["cases"]:
        raw: dict[str, Any] = dict(case["scores"])
        raw.pop("other", None)
        peg = raw.pop("peg_items", None)
        out[case["id"]] = Scores(peg_items=None if peg is None else PegItems(**peg), **raw)
    return out


# --- NRS -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nrs", "band"),
    [(0, NrsBand.NONE), (1, NrsBand.MILD), (3, NrsBand.MILD), (4, NrsBand.MODERATE), (6, NrsBand.MODERATE),
     (7, NrsBand.SEVERE), (10, NrsBand.SEVERE)],
)
def test_nrs_band_edges(nrs: int, band: NrsBand) -> None:
    assert nrs_band(nrs) is band


@pytest.mark.parametrize("nrs", [-1, 11])
def test_nrs_out_of_range_raises(nrs: int) -> None:
    with pytest.raises(InvalidInputError):
        nrs_band(nrs)


def test_nrs_11_message_names_field_and_maximum() -> None:
    with pytest.raises(InvalidInputError) as raised:
        score_summary(Scores(nrs=11))
    assert raised.value.problems == [Problem(where="scores.nrs", message="11 is more than the maximum 10")]
    assert "scores.nrs: 11 is more than the maximum 10" in str(raised.value)
    assert "Nothing was changed." in str(raised.value)


def test_nrs_negative_message() -> None:
    assert validate_scores(Scores(nrs=-1)) == [Problem("scores.nrs", "-1 is less than the minimum 0")]


def test_non_integer_values_are_problems() -> None:
    problems = validate_scores(Scores(nrs=True, phq9_total=4.5))  # type: ignore[arg-type]
    assert [p.where for p in problems] == ["scores.nrs", "scores.phq9_total"]
    assert all("not a whole number" in p.message for p in problems)


# --- PEG -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "mean"),
    [((7, 8, 7), 7.3), ((8, 8, 7), 7.7), ((6, 7, 6), 6.3), ((6, 6, 6), 6.0), ((0, 0, 0), 0.0),
     ((10, 10, 10), 10.0), ((0, 0, 1), 0.3), ((1, 1, 0), 0.7), ((5, 5, 6), 5.3)],
)
def test_peg_mean_to_one_decimal(items: tuple[int, int, int], mean: float) -> None:
    assert peg_score(PegItems(*items)) == mean


@given(st.integers(0, 10), st.integers(0, 10), st.integers(0, 10))
def test_peg_mean_property(pain: int, enjoyment: int, activity: int) -> None:
    score = peg_score(PegItems(pain, enjoyment, activity))
    assert 0 <= score <= 10
    assert min(pain, enjoyment, activity) <= score <= max(pain, enjoyment, activity)
    assert abs(score - (pain + enjoyment + activity) / 3) <= 0.05 + 1e-9
    assert round(score, 1) == score


def test_peg_item_out_of_range() -> None:
    problems = validate_scores(Scores(peg_items=PegItems(pain=11, enjoyment=-1, general_activity=5)))
    assert problems == [
        Problem("scores.peg_items.pain", "11 is more than the maximum 10"),
        Problem("scores.peg_items.enjoyment", "-1 is less than the minimum 0"),
    ]
    with pytest.raises(InvalidInputError):
        peg_score(PegItems(11, 0, 0))


def test_peg_change_fall_of_30_percent_is_meaningful() -> None:
    change = peg_change(7.0, 10.0)
    assert change.percent_change == -30.0
    assert change.meaningful
    assert change.change == -3.0
    assert "meaningful" in change.text


def test_peg_change_just_under_30_percent_is_not_meaningful() -> None:
    change = peg_change(7.1, 10.0)
    assert change.percent_change == -29.0
    assert not change.meaningful


def test_peg_change_uses_exact_items() -> None:
    # previous 7.3 (22/3), now 5.0 (15/3): exact fall 31.8 %
    change = peg_change(PegItems(5, 5, 5), PegItems(7, 8, 7))
    assert change.previous == 7.3
    assert change.current == 5.0
    assert change.percent_change == -31.8
    assert change.meaningful


def test_peg_change_exactly_30_percent_from_items() -> None:
    # 30 -> 21 item points is exactly -30 %, however the floats fall
    change = peg_change(PegItems(7, 7, 7), PegItems(10, 10, 10))
    assert change.meaningful
    assert change.percent_change == -30.0


def test_peg_rise_is_not_meaningful() -> None:
    change = peg_change(8.0, 6.0)
    assert change.percent_change == 33.3
    assert not change.meaningful
    assert "+33.3%" in change.text


def test_peg_change_from_zero_has_no_percent() -> None:
    change = peg_change(3.0, 0.0)
    assert change.percent_change is None
    assert not change.meaningful
    assert "previous PEG was 0" in change.text


@pytest.mark.parametrize("bad", [-0.1, 10.5, float("nan")])
def test_peg_change_rejects_impossible_scores(bad: float) -> None:
    with pytest.raises(InvalidInputError):
        peg_change(bad, 5.0)


def test_summary_peg_change_with_previous() -> None:
    summary = score_summary(Scores(peg_items=PegItems(4, 5, 4)), previous_peg=PegItems(7, 8, 7))
    assert summary.peg == 4.3
    assert summary.peg_change is not None
    assert summary.peg_change.meaningful


def test_summary_without_previous_peg_has_no_change() -> None:
    assert score_summary(Scores(peg_items=PegItems(4, 5, 4))).peg_change is None


# --- PHQ-9 -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "band"),
    [(0, Phq9Band.MINIMAL), (4, Phq9Band.MINIMAL), (5, Phq9Band.MILD), (9, Phq9Band.MILD),
     (10, Phq9Band.MODERATE), (14, Phq9Band.MODERATE), (15, Phq9Band.MODERATELY_SEVERE),
     (19, Phq9Band.MODERATELY_SEVERE), (20, Phq9Band.SEVERE), (27, Phq9Band.SEVERE)],
)
def test_phq9_band_edges(total: int, band: Phq9Band) -> None:
    assert phq9_band(total) is band
    assert score_summary(Scores(phq9_total=total, phq9_item9=0)).phq9_band is band


def test_phq9_band_label() -> None:
    assert Phq9Band.MODERATELY_SEVERE.label == "moderately severe"


@pytest.mark.parametrize("total", [-1, 28])
def test_phq9_total_out_of_range(total: int) -> None:
    with pytest.raises(InvalidInputError):
        phq9_band(total)
    problems = validate_scores(Scores(phq9_total=total))
    assert [p.where for p in problems] == ["scores.phq9_total"]


@given(st.lists(items_0_3, min_size=9, max_size=9))
def test_phq9_total_from_items_is_their_sum(items: list[int]) -> None:
    summary = score_summary(Scores(phq9_items=items))
    assert summary.phq9_total == sum(items)
    assert summary.phq9_from_items
    assert summary.phq9_item9 == items[8]
    assert summary.safety_flag == (items[8] > 0)


def test_phq9_item_of_4_is_a_problem() -> None:
    items = [0, 0, 0, 4, 0, 0, 0, 0, 0]
    with pytest.raises(InvalidInputError) as raised:
        score_summary(Scores(phq9_items=items))
    assert raised.value.problems == [Problem("scores.phq9_items[3]", "4 is more than the maximum 3")]


def test_phq9_eight_items_is_a_problem() -> None:
    problems = validate_scores(Scores(phq9_items=[1] * 8))
    assert problems == [Problem("scores.phq9_items", "has 8 items; the PHQ-9 has 9")]
    with pytest.raises(InvalidInputError):
        score_summary(Scores(phq9_items=[1] * 8))


def test_phq9_items_and_disagreeing_total_is_a_problem() -> None:
    problems = validate_scores(Scores(phq9_items=[1] * 9, phq9_total=10))
    assert problems == [Problem("scores.phq9_total", "10 does not match the sum of the nine items (9)")]


def test_phq9_items_and_agreeing_total_is_fine() -> None:
    assert validate_scores(Scores(phq9_items=[1] * 9, phq9_total=9, phq9_item9=1)) == []


def test_phq9_items_and_disagreeing_item9_is_a_problem() -> None:
    problems = validate_scores(Scores(phq9_items=[0] * 9, phq9_item9=2))
    assert [p.where for p in problems] == ["scores.phq9_item9"]


def test_phq9_typed_total_used_when_no_items() -> None:
    summary = score_summary(Scores(phq9_total=11, phq9_item9=0))
    assert summary.phq9_total == 11
    assert summary.phq9_band is Phq9Band.MODERATE
    assert not summary.phq9_from_items
    assert not summary.safety_flag
    assert summary.safety_prompt is None


@pytest.mark.parametrize("item9", [-1, 4])
def test_phq9_item9_out_of_range(item9: int) -> None:
    assert [p.where for p in validate_scores(Scores(phq9_item9=item9))] == ["scores.phq9_item9"]


# --- item 9 safety --------------------------------------------------------------------------------


@pytest.mark.parametrize("item9", [1, 2, 3])
def test_item9_above_zero_raises_safety_flag_whatever_the_total(item9: int) -> None:
    summary = score_summary(Scores(phq9_total=item9, phq9_item9=item9))
    assert summary.phq9_band is Phq9Band.MINIMAL
    assert summary.safety_flag
    assert summary.safety_prompt is not None
    assert "today" in summary.safety_prompt
    assert "item 9" in summary.safety_prompt
    assert f"is {item9} of 3" in summary.safety_prompt


def test_item9_taken_from_items_when_given() -> None:
    summary = score_summary(Scores(phq9_items=[0, 0, 0, 0, 0, 0, 0, 0, 1]))
    assert summary.phq9_item9 == 1
    assert summary.safety_flag


def test_item9_zero_no_prompt() -> None:
    assert safety_prompt(0) is None
    assert score_summary(Scores(phq9_items=[3] * 8 + [0])).safety_flag is False


def test_item9_unrecorded_is_reported() -> None:
    assert score_summary(Scores(phq9_total=12)).phq9_item9_unrecorded
    assert not score_summary(Scores(phq9_total=12, phq9_item9=0)).phq9_item9_unrecorded
    assert not score_summary(Scores()).phq9_item9_unrecorded


def test_safety_prompt_rejects_out_of_range() -> None:
    with pytest.raises(InvalidInputError):
        safety_prompt(4)


# --- GAD-7 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "band", "further"),
    [(0, Gad7Band.MINIMAL, False), (4, Gad7Band.MINIMAL, False), (5, Gad7Band.MILD, False),
     (9, Gad7Band.MILD, False), (10, Gad7Band.MODERATE, True), (14, Gad7Band.MODERATE, True),
     (15, Gad7Band.SEVERE, True), (21, Gad7Band.SEVERE, True)],
)
def test_gad7_band_edges(total: int, band: Gad7Band, further: bool) -> None:
    assert gad7_band(total) is band
    assert gad7_suggests_further_evaluation(total) is further
    summary = score_summary(Scores(gad7_total=total))
    assert summary.gad7_band is band
    assert summary.gad7_further_evaluation is further


@pytest.mark.parametrize("total", [-1, 22])
def test_gad7_total_out_of_range(total: int) -> None:
    with pytest.raises(InvalidInputError):
        gad7_band(total)
    assert validate_scores(Scores(gad7_total=total))[0].where == "scores.gad7_total"


@given(st.lists(items_0_3, min_size=7, max_size=7))
def test_gad7_total_from_items_is_their_sum(items: list[int]) -> None:
    summary = score_summary(Scores(gad7_items=items))
    assert summary.gad7_total == sum(items)
    assert summary.gad7_from_items


def test_gad7_item_and_length_problems() -> None:
    problems = validate_scores(Scores(gad7_items=[0, 0, 0, 0, 0, 5]))
    assert problems == [
        Problem("scores.gad7_items", "has 6 items; the GAD-7 has 7"),
        Problem("scores.gad7_items[5]", "5 is more than the maximum 3"),
    ]


def test_gad7_items_and_disagreeing_total() -> None:
    problems = validate_scores(Scores(gad7_items=[2] * 7, gad7_total=13))
    assert problems == [Problem("scores.gad7_total", "13 does not match the sum of the seven items (14)")]


# --- summary --------------------------------------------------------------------------------------


def test_empty_scores_summary_is_all_none() -> None:
    summary = score_summary(Scores())
    assert summary.nrs is None and summary.nrs_band is None
    assert summary.peg is None and summary.peg_change is None
    assert summary.phq9_total is None and summary.phq9_band is None and summary.phq9_item9 is None
    assert summary.gad7_total is None and summary.gad7_band is None
    assert summary.gad7_further_evaluation is None
    assert not summary.safety_flag
    assert summary.attribution is None


def test_summary_reports_every_problem_at_once() -> None:
    with pytest.raises(InvalidInputError) as raised:
        score_summary(Scores(nrs=11, phq9_items=[0] * 8, gad7_total=22))
    wheres = [p.where for p in raised.value.problems]
    assert wheres == ["scores.nrs", "scores.phq9_items", "scores.gad7_total"]
    assert "3 problems found" in str(raised.value)


def test_summary_is_frozen() -> None:
    summary = score_summary(Scores(nrs=3))
    with pytest.raises(AttributeError):
        summary.nrs = 4  # type: ignore[misc]


def test_attribution_line_exact() -> None:
    assert PHQ_GAD_ATTRIBUTION == (
        "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an "
        "educational grant from Pfizer Inc. No permission required to reproduce, translate, display or "
        "distribute."
    )
    assert score_summary(Scores(gad7_total=3)).attribution == PHQ_GAD_ATTRIBUTION
    assert score_summary(Scores(phq9_total=3)).attribution == PHQ_GAD_ATTRIBUTION


def test_round_half_up() -> None:
    assert round_half_up(7.25) == 7.3
    assert round_half_up(0.05) == 0.1


# --- the shared sample cases ----------------------------------------------------------------------

SAMPLE_EXPECTED = {
    # id: (PEG mean, NRS band, PHQ-9 band, GAD-7 band)
    "MDT-001": (7.3, NrsBand.SEVERE, Phq9Band.MODERATE, Gad7Band.MILD),
    "MDT-002": (7.7, NrsBand.SEVERE, Phq9Band.MILD, Gad7Band.MODERATE),
    "MDT-004": (6.3, NrsBand.MODERATE, Phq9Band.MILD, Gad7Band.MILD),
    "MDT-006": (6.0, NrsBand.MODERATE, Phq9Band.MODERATE, Gad7Band.MODERATE),
    "MDT-008": (7.3, NrsBand.SEVERE, Phq9Band.MODERATE, Gad7Band.MILD),
}


def test_sample_file_has_the_expected_cases() -> None:
    assert set(sample_scores()) == set(SAMPLE_EXPECTED)


@pytest.mark.parametrize("case_id", sorted(SAMPLE_EXPECTED))
def test_sample_case_scores(case_id: str) -> None:
    peg, nrs, phq, gad = SAMPLE_EXPECTED[case_id]
    summary = score_summary(sample_scores()[case_id])
    assert summary.peg == peg
    assert summary.nrs_band is nrs
    assert summary.phq9_band is phq
    assert summary.gad7_band is gad
    assert summary.safety_flag is False
