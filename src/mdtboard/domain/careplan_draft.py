"""One action builds a draft care plan from what each discipline recommended; the team then edits it.

What the draft takes from where:

- problems: the case's title (else its presenting complaint), and depressive or anxiety symptoms when the
  PHQ-9 or GAD-7 total is 10 or more;
- goals: the case's functional goals, each marked incomplete until the team adds a measure, a baseline,
  a target and a due date;
- formulation: biological from the presenting complaint (else the one-liner), psychological from the
  psychology assessment, social from the psychosocial history;
- interventions: each discipline's recommendations, one per numbered point, bullet or line, owned by
  the input's author;
- medication plan: each current medicine the recommendations mention, with the action the sentence
  names (taper, stop, change, continue), and every current opioid so that the MME before and after shows;
- procedures: physician recommendations naming a nerve block, an epidural steroid injection, radiofrequency
  ablation or a spinal cord stimulator trial;
- risk mitigation: naloxone and a prescription monitoring check when an opioid is prescribed, each
  co-prescription flag, the PHQ-9 item 9 safety prompt, the red flags;
- review date: "review in N weeks/months" in a recommendation; the responsible clinician: the physician.

With a previous plan, the draft is that plan's next version (see ``next_version_of``) with the new
recommendations added as interventions when they are not already on it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from mdtboard.domain.careplan import (
    CarePlan,
    Formulation,
    Goal,
    Intervention,
    MedicationAction,
    MedicationPlanEntry,
    PlanProblem,
    Procedure,
    ProcedureKind,
    RiskKind,
    RiskMitigation,
    next_version_of,
)
from mdtboard.domain.case import Case, DailyDose, Discipline, DisciplineInput
from mdtboard.domain.errors import InvalidInputError
from mdtboard.domain.mme import mme_report, opioids_in
from mdtboard.domain.scoring import GAD7_FURTHER_EVALUATION, ScoreSummary, score_summary

PRESCRIPTION_MONITORING_TEXT = (
    "An opioid is prescribed: check the prescription monitoring programme before each prescription."
)
NALOXONE_ON_LIST_TEXT = (
    "Naloxone is on the medication list: check that the patient carries it and knows how to use it."
)

_NUMBERED = re.compile(r"(?:^|(?<=\s))\(?(\d{1,2})\)\s+")
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d{1,2}[.)])\s+")
_REVIEW = re.compile(r"\breview\s+(?:in|after)\s+(\d{1,2})\s*(week|wk|month)s?\b", re.IGNORECASE)

#: Words naming what to do with a medicine, by the action they mean (matched as word beginnings).
_ACTION_WORDS: tuple[tuple[MedicationAction, tuple[str, ...]], ...] = (
    (MedicationAction.TAPER, ("taper", "wean")),
    (MedicationAction.STOP, ("stop", "discontinu", "deprescrib", "cease", "withdraw", "replace")),
    (MedicationAction.CHANGE, (
        "titrat", "increas", "reduc", "decreas", "switch", "change", "rotat", "adjust", "limit",
    )),
    (MedicationAction.CONTINUE, ("continu", "keep", "maintain")),
)
_ACTION_RE = re.compile(
    r"\b(" + "|".join(w for _a, words in _ACTION_WORDS for w in words) + r")\w*", re.IGNORECASE
)
_TO_ZERO_WORDS = ("stop", "off", "discontinue", "cease")
_CLAUSE_END = re.compile(r"[;:]|(?<=[.!?])\s+")

_PROCEDURE_PATTERNS: tuple[tuple[ProcedureKind, re.Pattern[str]], ...] = (
    (ProcedureKind.SPINAL_CORD_STIMULATOR_TRIAL,
     re.compile(r"spinal\s+cord\s+stimulat|\bscs\b", re.IGNORECASE)),
    (ProcedureKind.RADIOFREQUENCY_ABLATION,
     re.compile(r"radio-?\s?frequency|\brfa\b|\brf\s+(?:ablation|denervation)|neurotomy", re.IGNORECASE)),
    (ProcedureKind.EPIDURAL_STEROID_INJECTION, re.compile(r"epidural", re.IGNORECASE)),
    (ProcedureKind.NERVE_BLOCK, re.compile(r"\bblock(?:ade)?s?\b", re.IGNORECASE)),
)


def _squash(text: str) -> str:
    return " ".join(text.split())


def split_recommendations(text: str | None) -> list[str]:
    """The separate points of a discipline's recommendations.

    "1) ... 2) ..." (numbered in order from 1) gives one point per number; several lines (bullets or
    not) give one point per line; anything else is one point.
    """
    if text is None or not text.strip():
        return []
    matches = list(_NUMBERED.finditer(text))
    sequence: list[re.Match[str]] = []
    for match in matches:
        if int(match.group(1)) == len(sequence) + 1:
            sequence.append(match)
    if len(sequence) >= 2:
        points = []
        lead = text[: sequence[0].start()].strip()
        if lead:
            points.append(_squash(lead))
        for index, match in enumerate(sequence):
            end = sequence[index + 1].start() if index + 1 < len(sequence) else len(text)
            point = _squash(text[match.end() : end])
            if point:
                points.append(point)
        return points
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) >= 2:
        return [_squash(_BULLET.sub("", line)) for line in lines]
    return [_squash(text)]


def _review_date(texts: Sequence[str], today: date) -> date | None:
    for text in texts:
        found = _REVIEW.search(text)
        if found:
            count = int(found.group(1))
            if found.group(2).lower().startswith("month"):
                return today + timedelta(days=30 * count)
            return today + timedelta(weeks=count)
    return None


def _contains(text: str, words: Sequence[str]) -> bool:
    lowered = text.casefold()
    return any(re.search(rf"\b{re.escape(word)}\b", lowered) for word in words)


def _action_word(word: str) -> MedicationAction:
    lowered = word.casefold()
    for action, words in _ACTION_WORDS:
        if any(lowered.startswith(w) for w in words):
            return action
    raise ValueError(word)  # pragma: no cover - _ACTION_RE only matches these words


def action_for(point: str, names: Sequence[str]) -> MedicationAction | None:
    """The action a recommendation names for a medicine called by any of ``names``: the action word
    nearest before the name in its clause, else the nearest after it; ``None`` when the medicine is not
    mentioned or no action is named."""
    for clause in _CLAUSE_END.split(point):
        lowered = clause.casefold()
        spans = [
            m.span() for name in names
            for m in re.finditer(rf"\b{re.escape(name.casefold())}\b", lowered)
        ]
        if not spans:
            continue
        start, end = min(spans)
        words = list(_ACTION_RE.finditer(clause))
        before = [m for m in words if m.end() <= start]
        after = [m for m in words if m.start() >= end]
        if before:
            return _action_word(before[-1].group(0))
        if after:
            return _action_word(after[0].group(0))
    return None


def _names_of(name: str) -> list[str]:
    """What recommendations may call a medicine: its name, the opioids it contains, "opioid"."""
    names = [name]
    opioids = opioids_in(name)
    names.extend(o for o in opioids if o.casefold() != name.casefold())
    if opioids:
        names.append("opioid")
    return names


def _mentions(point: str, names: Sequence[str]) -> bool:
    lowered = point.casefold()
    return any(re.search(rf"\b{re.escape(n.casefold())}\b", lowered) for n in names)


def _medication_entries(case: Case, points: Sequence[str]) -> list[MedicationPlanEntry]:
    entries: list[MedicationPlanEntry] = []
    for med in case.medications or []:
        name = med.name.strip()
        if not name:
            continue
        names = _names_of(name)
        is_opioid = len(names) > 1
        mentions = [p for p in points if _mentions(p, names)]
        found = [(action, p) for p in mentions if (action := action_for(p, names)) is not None]
        if not found and not is_opioid:
            continue
        action = found[0][0] if found else MedicationAction.CONTINUE
        dose_after: DailyDose | None = None
        if action is MedicationAction.CONTINUE:
            dose_after = med.daily_dose
        elif action is MedicationAction.TAPER and med.daily_dose and _contains(found[0][1], _TO_ZERO_WORDS):
            dose_after = DailyDose(0, med.daily_dose.unit)
        detail = " ".join(p for _a, p in found) if found else "Not named in the recommendations: review."
        entries.append(MedicationPlanEntry(
            action=action, medication=name, detail=detail, route=med.route,
            dose_before=med.daily_dose, dose_after=dose_after,
        ))
    return entries


def _procedures(points: Sequence[str]) -> list[Procedure]:
    """One procedure per recommendation that names one (the first named, when it names several)."""
    found: list[Procedure] = []
    for point in points:
        hits = [(m.start(), kind) for kind, pattern in _PROCEDURE_PATTERNS if (m := pattern.search(point))]
        if hits:
            found.append(Procedure(min(hits)[1], point))
    return found


def _scores(case: Case) -> ScoreSummary | None:
    if case.scores is None:
        return None
    try:
        return score_summary(case.scores)
    except InvalidInputError:
        return None


def _risks(case: Case, summary: ScoreSummary | None) -> list[RiskMitigation]:
    report = mme_report(case.medications)
    risks: list[RiskMitigation] = []
    if report.any_opioid:
        risks.append(RiskMitigation(
            RiskKind.NALOXONE, report.naloxone_suggestion or NALOXONE_ON_LIST_TEXT
        ))
        risks.append(RiskMitigation(RiskKind.PRESCRIPTION_MONITORING, PRESCRIPTION_MONITORING_TEXT))
    for flag in report.co_prescriptions:
        risks.append(RiskMitigation(RiskKind.OTHER, f"{flag.message} Review the combination."))
    if summary is not None and summary.safety_prompt:
        risks.append(RiskMitigation(RiskKind.OTHER, summary.safety_prompt))
    for red_flag in case.red_flags or []:
        if red_flag.strip():
            risks.append(RiskMitigation(RiskKind.OTHER, f"Red flag: {red_flag.strip()}"))
    return risks


def _problems(case: Case, summary: ScoreSummary | None) -> list[PlanProblem]:
    problems: list[PlanProblem] = []
    first = case.title or case.presenting_complaint or case.one_liner
    if first and first.strip():
        problems.append(PlanProblem(_squash(first)))
    if summary is not None:
        if summary.phq9_total is not None and summary.phq9_total >= 10 and summary.phq9_band is not None:
            problems.append(PlanProblem(
                f"Depressive symptoms (PHQ-9 {summary.phq9_total}, {summary.phq9_band.label})"
            ))
        if summary.gad7_total is not None and summary.gad7_total >= GAD7_FURTHER_EVALUATION \
                and summary.gad7_band is not None:
            problems.append(PlanProblem(
                f"Anxiety symptoms (GAD-7 {summary.gad7_total}, {summary.gad7_band.label})"
            ))
    return problems


def _formulation(case: Case, inputs: Sequence[DisciplineInput]) -> Formulation:
    psychology = [
        i.assessment.strip() for i in inputs
        if i.discipline is Discipline.PSYCHOLOGY and i.assessment and i.assessment.strip()
    ]
    return Formulation(
        biological=case.presenting_complaint or case.one_liner,
        psychological="\n\n".join(psychology) or None,
        social=case.psychosocial,
    )


def _interventions(inputs: Sequence[DisciplineInput]) -> list[Intervention]:
    return [
        Intervention(discipline=inp.discipline, description=point, owner=inp.author)
        for inp in inputs
        for point in split_recommendations(inp.recommendations)
    ]


def draft_plan(
    case: Case,
    inputs: Sequence[DisciplineInput] | None = None,
    *,
    previous: CarePlan | None = None,
    today: date | None = None,
) -> CarePlan:
    """A draft plan for ``case`` from discipline ``inputs`` (default: the case's prepared inputs).

    ``case.id`` must be set when the draft is to be stored; an unsaved case gives ``case_id`` 0.
    """
    today = today or date.today()
    inputs = list(case.discipline_inputs or []) if inputs is None else list(inputs)
    points = [p for inp in inputs for p in split_recommendations(inp.recommendations)]
    physician_points = [
        p for inp in inputs if inp.discipline is Discipline.PHYSICIAN
        for p in split_recommendations(inp.recommendations)
    ]
    if previous is not None:
        plan = next_version_of(previous)
        have = {_squash(i.description).casefold() for i in plan.interventions}
        for item in _interventions(inputs):
            if _squash(item.description).casefold() not in have:
                plan.interventions.append(item)
                have.add(_squash(item.description).casefold())
        return plan
    summary = _scores(case)
    physicians = [i.author for i in inputs if i.discipline is Discipline.PHYSICIAN and i.author]
    return CarePlan(
        case_id=case.id or 0,
        case_ref=case.ref,
        formulation=_formulation(case, inputs),
        problems=_problems(case, summary),
        goals=[Goal(text.strip()) for text in case.function_goals or [] if text.strip()],
        interventions=_interventions(inputs),
        medication_plan=_medication_entries(case, points),
        procedures=_procedures(physician_points),
        risk_mitigations=_risks(case, summary),
        review_date=_review_date(points, today),
        responsible_clinician=physicians[0] if physicians else None,
    )
