"""One action builds a draft care plan from what the team said in the conference; the chair then accepts,
edits, merges or drops each proposed item, and the people in the room add the structure.

The draft is built from the input given **in this conference** for this case, by the disciplines
present. Input prepared before the meeting, and input from disciplines not present, is not included: it
is offered in a separate list (:func:`offered_items`), each item added only when the chair accepts it.

What the draft takes from where:

- problems: the case's title (else its presenting complaint), and depressive or anxiety symptoms when the
  PHQ-9 or GAD-7 total is 10 or more;
- goals: the case's functional goals, each marked incomplete until the team adds a measure, a baseline,
  a target and a due date;
- formulation: biological from the presenting complaint (else the one-liner), psychological from the
  psychology assessment given in the conference, social from the psychosocial history;
- interventions: each discipline's recommendations, one proposed item per numbered point, bullet or
  line, in the discipline's own words, with the discipline kept; nothing is guessed from the words
  (no owner, due date or action); an item counts as agreed only once the chair accepts it;
- medication plan: one line per current medicine, its decision "not yet decided" until the team
  chooses (so the MME after the plan is not shown until then);
- risk mitigation: naloxone and a prescription monitoring check when an opioid is prescribed, each
  co-prescription flag, the PHQ-9 item 9 safety prompt, the red flags;
- the responsible clinician: the physician who spoke.

With a previous plan, the draft is that plan's next version (see ``next_version_of``) with the new
recommendations added as proposed items when they are not already on it.

Restricted text is not copied into a plan: the case's restricted passages (a disclosure held by
psychology, say) are replaced by their notices wherever their words occur in what the draft takes
(:func:`mdtboard.domain.privacy.shared_case`), and so are the offered items. A plan's texts are printed,
exported and shown to the room; the passage stays whole only in the case.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from mdtboard.domain.careplan import (
    CarePlan,
    Formulation,
    Goal,
    Intervention,
    MedicationAction,
    MedicationPlanEntry,
    PlanProblem,
    RiskKind,
    RiskMitigation,
    next_version_of,
)
from mdtboard.domain.case import Case, Discipline, DisciplineInput
from mdtboard.domain.errors import InvalidInputError
from mdtboard.domain.mme import mme_report
from mdtboard.domain.privacy import shared_case, shared_inputs
from mdtboard.domain.scoring import GAD7_FURTHER_EVALUATION, ScoreSummary, score_summary

PRESCRIPTION_MONITORING_TEXT = (
    "An opioid is prescribed: check the prescription monitoring programme before each prescription."
)
NALOXONE_ON_LIST_TEXT = (
    "Naloxone is on the medication list: check that the patient carries it and knows how to use it."
)

_NUMBERED = re.compile(r"(?:^|(?<=\s))\(?(\d{1,2})\)\s+")
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d{1,2}[.)])\s+")
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


def _medication_entries(case: Case) -> list[MedicationPlanEntry]:
    """One undecided line per current medicine: the team chooses what happens to each."""
    return [
        MedicationPlanEntry(
            action=MedicationAction.UNDECIDED, medication=med.name.strip(), route=med.route,
            dose_before=med.daily_dose,
        )
        for med in case.medications or []
        if med.name.strip()
    ]


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


#: The disciplines whose assessments describe the body: the pain, its mechanism, function, the medicines.
BIOLOGICAL_DISCIPLINES = (Discipline.PHYSICIAN, Discipline.PHYSICAL_THERAPY, Discipline.PHARMACY)


def _formulation(case: Case, inputs: Sequence[DisciplineInput]) -> Formulation:
    """A first biopsychosocial formulation for the team to rewrite: biological, the presenting complaint and
    the physician's, physical therapist's and pharmacist's assessments (each named); psychological, the
    psychologist's; social, the psychosocial history."""
    def assessed(discipline: Discipline) -> list[str]:
        return [
            i.assessment.strip() for i in inputs
            if i.discipline is discipline and i.assessment and i.assessment.strip()
        ]

    complaint = (case.presenting_complaint or case.one_liner or "").strip()
    body = [complaint] if complaint else []
    body += [f"{d.label}: {text}" for d in BIOLOGICAL_DISCIPLINES for text in assessed(d)]
    return Formulation(
        biological="\n\n".join(body) or None,
        psychological="\n\n".join(assessed(Discipline.PSYCHOLOGY)) or None,
        social=case.psychosocial,
    )


def _interventions(inputs: Sequence[DisciplineInput]) -> list[Intervention]:
    """One proposed item per point of each discipline's recommendations, in its own words."""
    return [
        Intervention(discipline=inp.discipline, description=point, proposed=True)
        for inp in inputs
        for point in split_recommendations(inp.recommendations)
    ]


@dataclass(frozen=True)
class OfferedItem:
    """A recommendation not taken into the draft: prepared before the meeting, or from a discipline not
    present. The chair may add it to the plan."""

    discipline: Discipline
    text: str
    author: str | None
    #: "prepared before the meeting" or "not present".
    source: str

    @property
    def key(self) -> str:
        return f"{self.discipline}:{_squash(self.text).casefold()}"


PREPARED = "prepared before the meeting"
NOT_PRESENT = "discipline not present"


def conference_inputs(
    inputs: Sequence[DisciplineInput], agenda_item_id: int | None, present: Collection[Discipline] | None
) -> list[DisciplineInput]:
    """The inputs given in the conference (on ``agenda_item_id``) by the disciplines ``present``
    (``None``: no attendance recorded, every discipline counts as present)."""
    if agenda_item_id is None:
        return []
    return [
        i for i in inputs
        if i.agenda_item_id == agenda_item_id and (present is None or i.discipline in present)
    ]


def offered_items(
    inputs: Sequence[DisciplineInput],
    agenda_item_id: int | None,
    present: Collection[Discipline] | None,
    plan: CarePlan | None = None,
    case: Case | None = None,
) -> list[OfferedItem]:
    """Each recommendation point of the inputs that are not the conference's own (see
    :func:`conference_inputs`), leaving out those already on ``plan``; prepared ones first. With
    ``case``, restricted passages are replaced by their notices (the item may become part of the plan)."""
    own = {id(i) for i in conference_inputs(inputs, agenda_item_id, present)}
    others = [i for i in inputs if id(i) not in own]
    if case is not None:
        others = shared_inputs(case, others)
    have = set() if plan is None else {
        f"{i.discipline}:{_squash(i.description).casefold()}" for i in plan.interventions
    }
    offered: list[OfferedItem] = []
    for inp in others:
        source = NOT_PRESENT if inp.agenda_item_id is not None and inp.agenda_item_id == agenda_item_id \
            else PREPARED
        for point in split_recommendations(inp.recommendations):
            item = OfferedItem(inp.discipline, point, inp.author, source)
            if item.key not in have and all(o.key != item.key for o in offered):
                offered.append(item)
    offered.sort(key=lambda o: (o.source != PREPARED, list(Discipline).index(o.discipline)))
    return offered


def offered_sources(items: Sequence[OfferedItem]) -> str:
    """"prepared before the meeting: pharmacy, nursing; not present: social work"."""
    parts = []
    for source in (PREPARED, NOT_PRESENT):
        names = [d.label.lower() for d in Discipline if any(o.source == source and o.discipline is d
                                                             for o in items)]
        if names:
            parts.append(f"{source}: {', '.join(names)}")
    return "; ".join(parts)


def draft_plan(
    case: Case,
    inputs: Sequence[DisciplineInput] | None = None,
    *,
    previous: CarePlan | None = None,
    today: date | None = None,
) -> CarePlan:
    """A draft plan for ``case`` from the discipline ``inputs`` given in the conference (select them
    with :func:`conference_inputs`; default: all of the case's inputs).

    ``case.id`` must be set when the draft is to be stored; an unsaved case gives ``case_id`` 0.
    """
    inputs = list(case.discipline_inputs or []) if inputs is None else list(inputs)
    # No restricted passage is copied into the plan (its words are replaced by the passage's notice).
    inputs = shared_inputs(case, inputs)
    case = shared_case(case)
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
        medication_plan=_medication_entries(case),
        risk_mitigations=_risks(case, summary),
        responsible_clinician=physicians[0] if physicians else None,
    )
