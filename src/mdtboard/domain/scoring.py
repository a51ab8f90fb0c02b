"""Scoring of the instruments the program carries in full: NRS, PEG, PHQ-9 and GAD-7.

The rules are those of the clinical reference (``shared/clinical/REFERENCE.md``):

- NRS 0-10, bands by common convention (not validated): 0 none, 1-3 mild, 4-6 moderate, 7-10 severe.
- PEG: the mean of three 0-10 items to one decimal; no bands, only change against a previous PEG,
  where a fall of 30 % or more is commonly read as meaningful.
- PHQ-9: nine items 0-3, total 0-27, five bands; item 9 (thoughts of self-harm) above 0 raises a
  same-day safety prompt whatever the total.
- GAD-7: seven items 0-3, total 0-21, four bands; 10 or more suggests further evaluation.

Licensed instruments (``Scores.other``) are typed totals and are not scored here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction

from mdtboard.domain.case import PegItems, Scores
from mdtboard.domain.errors import InvalidInputError, Problem

#: Attribution line that must accompany the PHQ-9 and the GAD-7 wherever they are shown or printed.
PHQ_GAD_ATTRIBUTION = (
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
    "with an educational grant from Pfizer Inc. No permission required to reproduce, translate, "
    "display or distribute."
)

#: LOINC codes of the totals (for FHIR Observations).
LOINC_NRS = "72514-3"
LOINC_PHQ9_TOTAL = "44261-6"
LOINC_GAD7_TOTAL = "70274-6"

NRS_MAX = 10
PEG_ITEM_MAX = 10
PHQ9_ITEMS = 9
GAD7_ITEMS = 7
ITEM_MAX = 3  # PHQ-9 and GAD-7 items are each 0-3
PHQ9_MAX = PHQ9_ITEMS * ITEM_MAX  # 27
GAD7_MAX = GAD7_ITEMS * ITEM_MAX  # 21
GAD7_FURTHER_EVALUATION = 10
PEG_MEANINGFUL_FALL_PERCENT = 30

#: Meaning of PHQ-9 item 9 in plain words (used in the safety prompt).
PHQ9_ITEM9_MEANING = "thoughts of self-harm"


class NrsBand(StrEnum):
    NONE = "none"
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"

    @property
    def label(self) -> str:
        return self.value


class Phq9Band(StrEnum):
    MINIMAL = "minimal"
    MILD = "mild"
    MODERATE = "moderate"
    MODERATELY_SEVERE = "moderately_severe"
    SEVERE = "severe"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class Gad7Band(StrEnum):
    MINIMAL = "minimal"
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"

    @property
    def label(self) -> str:
        return self.value


# ---------------------------------------------------------------------------------------------------
# Checking values


def _check_whole(value: object, where: str, minimum: int, maximum: int) -> list[Problem]:
    if isinstance(value, bool) or not isinstance(value, int):
        return [Problem(where, f"{value!r} is not a whole number from {minimum} to {maximum}")]
    if value < minimum:
        return [Problem(where, f"{value} is less than the minimum {minimum}")]
    if value > maximum:
        return [Problem(where, f"{value} is more than the maximum {maximum}")]
    return []


def _check_items(items: Sequence[int], where: str, count: int, instrument: str) -> list[Problem]:
    problems: list[Problem] = []
    if len(items) != count:
        problems.append(Problem(where, f"has {len(items)} items; the {instrument} has {count}"))
    for index, item in enumerate(items):
        problems.extend(_check_whole(item, f"{where}[{index}]", 0, ITEM_MAX))
    return problems


def _items_ok(items: Sequence[int], count: int) -> bool:
    return len(items) == count and not any(
        _check_whole(item, "", 0, ITEM_MAX) for item in items
    )


def _check_instrument(
    items: Sequence[int] | None, total: int | None, where: str, instrument: str, count: int, count_word: str
) -> list[Problem]:
    """Items (if given), the typed total (if given), and that the two agree when both are given."""
    problems: list[Problem] = []
    if items is not None:
        problems.extend(_check_items(items, f"{where}_items", count, instrument))
    if total is not None:
        total_problems = _check_whole(total, f"{where}_total", 0, count * ITEM_MAX)
        problems.extend(total_problems)
        if not total_problems and items is not None and _items_ok(items, count):
            item_sum = sum(items)
            if total != item_sum:
                problems.append(Problem(
                    f"{where}_total", f"{total} does not match the sum of the {count_word} items ({item_sum})"
                ))
    return problems


def validate_scores(scores: Scores, *, where: str = "scores") -> list[Problem]:
    """Every problem with the carried instruments' values; an empty list when all are in range."""
    problems: list[Problem] = []
    if scores.nrs is not None:
        problems.extend(_check_whole(scores.nrs, f"{where}.nrs", 0, NRS_MAX))
    if scores.peg_items is not None:
        peg = scores.peg_items
        for name in ("pain", "enjoyment", "general_activity"):
            problems.extend(_check_whole(getattr(peg, name), f"{where}.peg_items.{name}", 0, PEG_ITEM_MAX))

    problems.extend(_check_instrument(
        scores.phq9_items, scores.phq9_total, f"{where}.phq9", "PHQ-9", PHQ9_ITEMS, "nine"
    ))
    if scores.phq9_item9 is not None:
        item9_problems = _check_whole(scores.phq9_item9, f"{where}.phq9_item9", 0, ITEM_MAX)
        problems.extend(item9_problems)
        items = scores.phq9_items
        if not item9_problems and items is not None and _items_ok(items, PHQ9_ITEMS) \
                and scores.phq9_item9 != items[8]:
            problems.append(Problem(
                f"{where}.phq9_item9",
                f"{scores.phq9_item9} does not match item 9 in the list of items ({items[8]})",
            ))
    problems.extend(_check_instrument(
        scores.gad7_items, scores.gad7_total, f"{where}.gad7", "GAD-7", GAD7_ITEMS, "seven"
    ))
    return problems


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise InvalidInputError(problems)


# ---------------------------------------------------------------------------------------------------
# Single instruments


def round_half_up(value: float | Fraction | Decimal, places: int = 1) -> float:
    """Round as people do on paper (7.25 -> 7.3), not as binary floats happen to fall."""
    if isinstance(value, Fraction):
        exact = Decimal(value.numerator) / Decimal(value.denominator)
    elif isinstance(value, Decimal):
        exact = value
    else:
        exact = Decimal(str(value))
    return float(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def nrs_band(nrs: int) -> NrsBand:
    """Band of a 0-10 numeric rating scale score (a convention, not validated cut-offs)."""
    _raise_if(_check_whole(nrs, "scores.nrs", 0, NRS_MAX))
    if nrs == 0:
        return NrsBand.NONE
    if nrs <= 3:
        return NrsBand.MILD
    if nrs <= 6:
        return NrsBand.MODERATE
    return NrsBand.SEVERE


def _peg_exact(items: PegItems) -> Fraction:
    problems: list[Problem] = []
    for name in ("pain", "enjoyment", "general_activity"):
        problems.extend(_check_whole(getattr(items, name), f"scores.peg_items.{name}", 0, PEG_ITEM_MAX))
    _raise_if(problems)
    return Fraction(items.pain + items.enjoyment + items.general_activity, 3)


def peg_score(items: PegItems) -> float:
    """The PEG score: the mean of its three items, to one decimal (7, 8, 7 -> 7.3)."""
    return round_half_up(_peg_exact(items))


@dataclass(frozen=True)
class PegChange:
    """Change of the PEG score against the previous conference.

    ``percent_change`` is negative for a fall (improvement) and ``None`` when the previous score was 0.
    ``meaningful`` is true for a fall of 30 % or more.
    """

    previous: float
    current: float
    change: float
    percent_change: float | None
    meaningful: bool

    @property
    def text(self) -> str:
        if self.percent_change is None:
            return f"PEG {self.previous:.1f} -> {self.current:.1f} (no percentage: previous PEG was 0)"
        sign = "+" if self.percent_change > 0 else ""
        verdict = "; a fall of 30% or more, commonly read as meaningful" if self.meaningful else ""
        return f"PEG {self.previous:.1f} -> {self.current:.1f} ({sign}{self.percent_change:.1f}%{verdict})"


def _peg_value(value: PegItems | float, where: str) -> Fraction:
    if isinstance(value, PegItems):
        return _peg_exact(value)
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise InvalidInputError(Problem(where, f"{value!r} is not a PEG score"))
    if not 0 <= value <= PEG_ITEM_MAX:
        raise InvalidInputError(Problem(where, f"{value} is not a PEG score from 0 to {PEG_ITEM_MAX}"))
    return Fraction(Decimal(str(value)))


def peg_change(current: PegItems | float, previous: PegItems | float) -> PegChange:
    """Compare a PEG with the previous one; items are used exactly, scores as given."""
    now = _peg_value(current, "current PEG")
    before = _peg_value(previous, "previous PEG")
    if before == 0:
        percent: Fraction | None = None
        meaningful = False
    else:
        percent = (now - before) / before * 100
        meaningful = percent <= -PEG_MEANINGFUL_FALL_PERCENT
    return PegChange(
        previous=round_half_up(before),
        current=round_half_up(now),
        change=round_half_up(now - before),
        percent_change=None if percent is None else round_half_up(percent),
        meaningful=meaningful,
    )


def phq9_band(total: int) -> Phq9Band:
    """Band of a PHQ-9 total (0-27)."""
    _raise_if(_check_whole(total, "scores.phq9_total", 0, PHQ9_MAX))
    if total <= 4:
        return Phq9Band.MINIMAL
    if total <= 9:
        return Phq9Band.MILD
    if total <= 14:
        return Phq9Band.MODERATE
    if total <= 19:
        return Phq9Band.MODERATELY_SEVERE
    return Phq9Band.SEVERE


def gad7_band(total: int) -> Gad7Band:
    """Band of a GAD-7 total (0-21)."""
    _raise_if(_check_whole(total, "scores.gad7_total", 0, GAD7_MAX))
    if total <= 4:
        return Gad7Band.MINIMAL
    if total <= 9:
        return Gad7Band.MILD
    if total <= 14:
        return Gad7Band.MODERATE
    return Gad7Band.SEVERE


def gad7_suggests_further_evaluation(total: int) -> bool:
    """A GAD-7 total of 10 or more suggests further evaluation."""
    gad7_band(total)  # validates
    return total >= GAD7_FURTHER_EVALUATION


def safety_prompt(item9: int) -> str | None:
    """The same-day safety prompt for a PHQ-9 item 9 score, or ``None`` when item 9 is 0."""
    _raise_if(_check_whole(item9, "scores.phq9_item9", 0, ITEM_MAX))
    if item9 == 0:
        return None
    return (
        f"SAFETY: PHQ-9 item 9 ({PHQ9_ITEM9_MEANING}) is {item9} of {ITEM_MAX}. "
        "A clinician must assess the patient's safety today (same-day risk assessment and safety plan), "
        "whatever the PHQ-9 total."
    )


# ---------------------------------------------------------------------------------------------------
# Everything about a case's scores


@dataclass(frozen=True)
class ScoreSummary:
    """What the carried instruments say; ``None`` wherever the value was not given."""

    nrs: int | None = None
    nrs_band: NrsBand | None = None
    peg: float | None = None
    peg_change: PegChange | None = None
    phq9_total: int | None = None
    phq9_band: Phq9Band | None = None
    phq9_from_items: bool = False
    phq9_item9: int | None = None
    safety_flag: bool = False
    safety_prompt: str | None = None
    gad7_total: int | None = None
    gad7_band: Gad7Band | None = None
    gad7_from_items: bool = False
    gad7_further_evaluation: bool | None = None

    @property
    def phq9_item9_unrecorded(self) -> bool:
        """A PHQ-9 total is known but item 9 (self-harm) is not: the team should ask."""
        return self.phq9_total is not None and self.phq9_item9 is None

    @property
    def attribution(self) -> str | None:
        """The PHQ-9/GAD-7 attribution line when either is shown."""
        if self.phq9_total is None and self.gad7_total is None and self.phq9_item9 is None:
            return None
        return PHQ_GAD_ATTRIBUTION


def score_summary(scores: Scores, *, previous_peg: PegItems | float | None = None) -> ScoreSummary:
    """Score a case's instruments; raises :class:`InvalidInputError` listing every out-of-range value.

    PHQ-9 and GAD-7 totals are the sum of the items when items are given, else the typed total;
    PHQ-9 item 9 is ``items[8]`` when items are given, else ``phq9_item9``.
    """
    _raise_if(validate_scores(scores))

    peg = None if scores.peg_items is None else peg_score(scores.peg_items)
    change = None
    if scores.peg_items is not None and previous_peg is not None:
        change = peg_change(scores.peg_items, previous_peg)

    phq9_total = sum(scores.phq9_items) if scores.phq9_items is not None else scores.phq9_total
    item9 = scores.phq9_items[8] if scores.phq9_items is not None else scores.phq9_item9
    prompt = None if item9 is None else safety_prompt(item9)
    gad7_total = sum(scores.gad7_items) if scores.gad7_items is not None else scores.gad7_total

    return ScoreSummary(
        nrs=scores.nrs,
        nrs_band=None if scores.nrs is None else nrs_band(scores.nrs),
        peg=peg,
        peg_change=change,
        phq9_total=phq9_total,
        phq9_band=None if phq9_total is None else phq9_band(phq9_total),
        phq9_from_items=scores.phq9_items is not None,
        phq9_item9=item9,
        safety_flag=prompt is not None,
        safety_prompt=prompt,
        gad7_total=gad7_total,
        gad7_band=None if gad7_total is None else gad7_band(gad7_total),
        gad7_from_items=scores.gad7_items is not None,
        gad7_further_evaluation=None if gad7_total is None else gad7_total >= GAD7_FURTHER_EVALUATION,
    )
