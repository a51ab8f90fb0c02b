"""Is a case ready to present? An ISBAR check that names what is missing or thin, in plain words.

ISBAR (clinical reference): Identify (who is presenting, which patient), Situation (the one-liner
and the question for the team), Background (pain history, treatments so far, medicines,
comorbidities, psychosocial), Assessment (scores, each discipline's findings, red flags),
Recommendation (proposed plan, what the team must decide).

A gap is *missing* (the part is absent: the case is not ready) or *thin* (present but weak: worth
fixing, does not block). Who presents is recorded on the agenda, not the case, so it is not checked here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from mdtboard.domain.case import CORE_DISCIPLINES, Case, DisciplineInput, Medication
from mdtboard.domain.mme import MmeStatus, mme_row

#: A one-liner longer than this many words is thin (a guide: a one-liner is one sentence).
ONE_LINER_MAX_WORDS = 60

# A sentence ends at . ! or ? followed by a space and a capital letter or digit, unless the word
# before is a common abbreviation.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z0-9\"'(])")
_ABBREVIATIONS = frozenset({
    "dr", "mr", "mrs", "ms", "prof", "st", "vs", "no", "approx", "e.g", "i.e", "etc", "cf", "fig", "jr", "sr",
})


class IsbarPart(StrEnum):
    IDENTIFY = "I"
    SITUATION = "S"
    BACKGROUND = "B"
    ASSESSMENT = "A"
    RECOMMENDATION = "R"

    @property
    def label(self) -> str:
        return _PART_LABELS[self]


_PART_LABELS: dict[IsbarPart, str] = {
    IsbarPart.IDENTIFY: "Identify",
    IsbarPart.SITUATION: "Situation",
    IsbarPart.BACKGROUND: "Background",
    IsbarPart.ASSESSMENT: "Assessment",
    IsbarPart.RECOMMENDATION: "Recommendation",
}


class GapSeverity(StrEnum):
    MISSING = "missing"
    THIN = "thin"


@dataclass(frozen=True)
class IsbarGap:
    """One thing missing or thin; ``field`` names the case field (or path) to fill in."""

    part: IsbarPart
    field: str
    severity: GapSeverity
    message: str


@dataclass(frozen=True)
class IsbarCheck:
    """All the gaps of a case, in ISBAR order. ``ready`` when nothing is missing (thin gaps allowed)."""

    gaps: tuple[IsbarGap, ...]

    @property
    def ready(self) -> bool:
        return not self.missing

    @property
    def missing(self) -> tuple[IsbarGap, ...]:
        return tuple(gap for gap in self.gaps if gap.severity is GapSeverity.MISSING)

    @property
    def thin(self) -> tuple[IsbarGap, ...]:
        return tuple(gap for gap in self.gaps if gap.severity is GapSeverity.THIN)

    def for_part(self, part: IsbarPart) -> tuple[IsbarGap, ...]:
        return tuple(gap for gap in self.gaps if gap.part is part)

    @property
    def text(self) -> str:
        """A short line for a list: "Ready", or "Not ready: 2 missing, 1 thin"."""
        if not self.gaps:
            return "Ready"
        head = "Ready" if self.ready else "Not ready"
        counts = []
        if self.missing:
            counts.append(f"{len(self.missing)} missing")
        if self.thin:
            counts.append(f"{len(self.thin)} thin")
        return f"{head}: {', '.join(counts)}"


# ---------------------------------------------------------------------------------------------------


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def word_count(text: str) -> int:
    return len(text.split())


def sentence_count(text: str) -> int:
    """Sentences in a short text (a heuristic good enough for a one-liner)."""
    text = text.strip()
    if not text:
        return 0
    count = 1
    for match in _SENTENCE_END.finditer(text):
        before = text[: match.start()].rstrip(".!?\"')]").split()
        last = before[-1].casefold() if before else ""
        if last not in _ABBREVIATIONS and not (len(last) == 1 and last.isalpha()):
            count += 1
    return count


def _one_liner_gaps(one_liner: str | None) -> list[IsbarGap]:
    if _blank(one_liner):
        return [IsbarGap(
            IsbarPart.SITUATION, "one_liner", GapSeverity.MISSING,
            "No one-liner: one sentence with who the patient is, the time course and the pain syndrome.",
        )]
    assert one_liner is not None
    gaps = []
    sentences = sentence_count(one_liner)
    if sentences > 1:
        gaps.append(IsbarGap(
            IsbarPart.SITUATION, "one_liner", GapSeverity.THIN,
            f"The one-liner has {sentences} sentences; make it one sentence "
            "(who the patient is, the time course and the pain syndrome).",
        ))
    words = word_count(one_liner)
    if words > ONE_LINER_MAX_WORDS:
        gaps.append(IsbarGap(
            IsbarPart.SITUATION, "one_liner", GapSeverity.THIN,
            f"The one-liner has {words} words; keep it under about {ONE_LINER_MAX_WORDS}.",
        ))
    return gaps


def _text_gap(
    text: str | None, part: IsbarPart, field: str, message: str, severity: GapSeverity = GapSeverity.MISSING
) -> list[IsbarGap]:
    return [IsbarGap(part, field, severity, message)] if _blank(text) else []


def _medication_gaps(medications: Sequence[Medication] | None) -> list[IsbarGap]:
    if medications is None:
        return [IsbarGap(
            IsbarPart.BACKGROUND, "medications", GapSeverity.MISSING,
            "No medication list given (an empty list is fine if the patient takes none).",
        )]
    gaps = []
    for index, medication in enumerate(medications):
        row = mme_row(index, medication)
        if row.status is MmeStatus.NOT_COUNTED and row.factor is not None and medication.daily_dose is None:
            gaps.append(IsbarGap(
                IsbarPart.BACKGROUND, f"medications[{index}].daily_dose", GapSeverity.THIN,
                f"{medication.name} has no daily amount, so its MME cannot be counted.",
            ))
        elif row.status is MmeStatus.NOT_RECOGNISED:
            gaps.append(IsbarGap(
                IsbarPart.BACKGROUND, f"medications[{index}].name", GapSeverity.THIN,
                f"{medication.name} is not a medicine mdtboard recognises: check whether it is an opioid, "
                "benzodiazepine or gabapentinoid (a generic name is safest).",
            ))
    return gaps


def _input_gaps(inputs: Sequence[DisciplineInput] | None) -> list[IsbarGap]:
    if not inputs:
        return [IsbarGap(
            IsbarPart.ASSESSMENT, "discipline_inputs", GapSeverity.MISSING,
            "No discipline input yet: no findings from any discipline.",
        )]
    gaps = []
    with_assessment = {entry.discipline for entry in inputs if not _blank(entry.assessment)}
    if not with_assessment:
        gaps.append(IsbarGap(
            IsbarPart.ASSESSMENT, "discipline_inputs", GapSeverity.THIN,
            "The discipline inputs have no assessment text yet.",
        ))
    else:
        absent = [d.label.lower() for d in CORE_DISCIPLINES if d not in with_assessment]
        if absent:
            names = absent[0] if len(absent) == 1 else f"{', '.join(absent[:-1])} or {absent[-1]}"
            gaps.append(IsbarGap(
                IsbarPart.ASSESSMENT, "discipline_inputs", GapSeverity.THIN,
                f"No assessment yet from {names}.",
            ))
    return gaps


def _score_gaps(case: Case) -> list[IsbarGap]:
    scores = case.scores
    if scores is None or scores.is_empty():
        return [IsbarGap(
            IsbarPart.ASSESSMENT, "scores", GapSeverity.MISSING,
            "No scores: give at least a pain score (NRS or PEG) and a mood screen (PHQ-9, GAD-7).",
        )]
    gaps = []
    if scores.nrs is None and scores.peg_items is None:
        gaps.append(IsbarGap(
            IsbarPart.ASSESSMENT, "scores.nrs", GapSeverity.THIN,
            "No pain score (NRS or PEG).",
        ))
    if scores.phq9_total is None and scores.phq9_items is None and scores.gad7_total is None \
            and scores.gad7_items is None:
        gaps.append(IsbarGap(
            IsbarPart.ASSESSMENT, "scores.phq9_total", GapSeverity.THIN,
            "No mood screen (PHQ-9 or GAD-7).",
        ))
    elif (scores.phq9_total is not None or scores.phq9_items is not None) \
            and scores.phq9_items is None and scores.phq9_item9 is None:
        gaps.append(IsbarGap(
            IsbarPart.ASSESSMENT, "scores.phq9_item9", GapSeverity.THIN,
            "PHQ-9 item 9 (thoughts of self-harm) is not recorded.",
        ))
    return gaps


def isbar_gaps(case: Case) -> list[IsbarGap]:
    """What is missing or thin in a case, in ISBAR order."""
    gaps: list[IsbarGap] = []
    # I
    if _blank(case.patient.display_name):
        gaps.append(IsbarGap(IsbarPart.IDENTIFY, "patient.display_name", GapSeverity.MISSING,
                             "No patient name (or teaching alias)."))
    if case.patient.age is None:
        gaps.append(IsbarGap(IsbarPart.IDENTIFY, "patient.age", GapSeverity.THIN, "No age given."))
    # S
    gaps.extend(_one_liner_gaps(case.one_liner))
    gaps.extend(_text_gap(case.question_for_team, IsbarPart.SITUATION, "question_for_team",
                          "No question for the team: say what the team must decide."))
    # B
    gaps.extend(_text_gap(case.presenting_complaint, IsbarPart.BACKGROUND, "presenting_complaint",
                          "No presenting complaint."))
    gaps.extend(_text_gap(case.pain_history, IsbarPart.BACKGROUND, "pain_history", "No pain history."))
    if case.prior_treatments is None:
        gaps.append(IsbarGap(IsbarPart.BACKGROUND, "prior_treatments", GapSeverity.THIN,
                             "No treatments so far listed (an empty list is fine if there were none)."))
    gaps.extend(_medication_gaps(case.medications))
    if case.comorbidities is None:
        gaps.append(IsbarGap(IsbarPart.BACKGROUND, "comorbidities", GapSeverity.THIN,
                             "No comorbidities listed (an empty list is fine if there are none)."))
    gaps.extend(_text_gap(case.psychosocial, IsbarPart.BACKGROUND, "psychosocial",
                          "No psychosocial history."))
    # A
    gaps.extend(_score_gaps(case))
    gaps.extend(_input_gaps(case.discipline_inputs))
    if not case.red_flags:
        gaps.append(IsbarGap(IsbarPart.ASSESSMENT, "red_flags", GapSeverity.MISSING,
                             "No red flags reviewed: record the screen, including negatives."))
    # R
    if not case.function_goals:
        gaps.append(IsbarGap(IsbarPart.RECOMMENDATION, "function_goals", GapSeverity.MISSING,
                             "No function goals: the plan needs goals the patient owns."))
    gaps.extend(_text_gap(case.recommendation, IsbarPart.RECOMMENDATION, "recommendation",
                          "No proposed plan from the presenter.", GapSeverity.THIN))
    order = list(IsbarPart)
    return sorted(gaps, key=lambda gap: order.index(gap.part))


def check_isbar(case: Case) -> IsbarCheck:
    """The ISBAR readiness of a case."""
    return IsbarCheck(tuple(isbar_gaps(case)))
