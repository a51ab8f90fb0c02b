"""The lists of a care plan as the editor shows them: columns, what a new row starts as, and when a row is
still too empty to be stored (a row just added, whose text is being typed)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any, TypeVar

from mdtboard.domain.careplan import (
    Disagreement,
    Goal,
    Intervention,
    InterventionStatus,
    MedicationAction,
    MedicationPlanEntry,
    PlanProblem,
    Procedure,
    ProcedureKind,
    RiskKind,
    RiskMitigation,
    smart_missing,
)
from mdtboard.domain.case import Discipline
from mdtboard.ui.careplan.models import Column
from mdtboard.ui.careplan.values import format_date, format_dose, format_mme, parse_date, parse_dose
from mdtboard.ui.conference.icons import Mark

E = TypeVar("E", bound=Enum)

PROBLEMS = "problems"
GOALS = "goals"
INTERVENTIONS = "interventions"
MEDICATION = "medication_plan"
PROCEDURES = "procedures"
RISKS = "risk_mitigations"
DISAGREEMENTS = "disagreements"


def _label(value: Enum) -> str:
    text = str(getattr(value, "label", value.value))
    return text[:1].upper() + text[1:]


def _labels(kind: type[Enum]) -> tuple[str, ...]:
    return tuple(_label(v) for v in kind)


def _enum(kind: type[E], text: str) -> E:
    for value in kind:
        if _label(value).casefold() == text.strip().casefold() or str(value.value) == text.strip():
            return value
    raise ValueError(f"“{text}” is not one of {', '.join(_labels(kind))}")


def _required(what: str) -> Callable[[str], str]:
    def check(text: str) -> str:
        if not text.strip():
            raise ValueError(f"{what} cannot be empty (to take the row out, select it and press Delete)")
        return text.strip()

    return check


def _optional(text: str) -> str | None:
    return text.strip() or None


def smart_text(goal: Goal) -> str:
    """"SMART", or what the goal lacks in words: "Missing: measure, due date"."""
    missing = smart_missing(goal)
    return "SMART" if not missing else "Missing: " + ", ".join(missing)


def smart_tip(goal: Goal) -> str:
    missing = smart_missing(goal)
    if not missing:
        return "SMART: the goal names a measure, a baseline, a target and a due date."
    return (
        "Incomplete: " + ", ".join(f"no {part}" for part in missing)
        + ". An incomplete goal is allowed; it is printed marked as incomplete."
    )


def _smart_mark(goal: Goal) -> Mark:
    return Mark.DONE if not smart_missing(goal) else Mark.ATTENTION


def _resolved_mark(item: Disagreement) -> Mark:
    return Mark.DONE if item.resolved else Mark.ATTENTION


def _dash(text: str | None) -> str:
    return text if text and text.strip() else "—"


PROBLEM_COLUMNS: tuple[Column[PlanProblem], ...] = (
    Column("Problem", lambda p: p.text, lambda p, t: replace(p, text=_required("A problem")(t))),
)

GOAL_COLUMNS: tuple[Column[Goal], ...] = (
    Column("Goal (in the patient's words)", lambda g: g.description,
           lambda g, t: replace(g, description=_required("A goal")(t)), width=280),
    Column("Measure", lambda g: g.measure or "", lambda g, t: replace(g, measure=_optional(t)), width=150),
    Column("Baseline", lambda g: g.baseline or "", lambda g, t: replace(g, baseline=_optional(t)), width=110),
    Column("Target", lambda g: g.target or "", lambda g, t: replace(g, target=_optional(t)), width=110),
    Column("Due", lambda g: format_date(g.due), lambda g, t: replace(g, due=parse_date(t)), width=100),
    Column("SMART check", smart_text, mark=_smart_mark, tip=smart_tip, width=200),
)

def _agreed_text(item: Intervention) -> str:
    return "Proposed" if item.proposed else "Agreed"


def _agreed_mark(item: Intervention) -> Mark:
    return Mark.WAITING if item.proposed else Mark.DONE


def _agreed_tip(item: Intervention) -> str:
    if item.proposed:
        return ("Proposed from what the discipline said; not agreed yet. Enter accepts, E edits, "
                "M merges it into the row above, Delete drops it.")
    return "Accepted by the chair"


INTERVENTION_COLUMNS: tuple[Column[Intervention], ...] = (
    Column("Agreed?", _agreed_text, mark=_agreed_mark, tip=_agreed_tip, width=110),
    Column("Discipline", lambda i: i.discipline.label,
           lambda i, t: replace(i, discipline=_enum(Discipline, t)), choices=_labels(Discipline), width=150),
    Column("Intervention", lambda i: i.description,
           lambda i, t: replace(i, description=_required("An intervention")(t)), width=360),
    Column("Owner", lambda i: _dash(i.owner), lambda i, t: replace(i, owner=_optional(t)),
           edit=lambda i: i.owner or "", tip=lambda i: i.owner or "No owner yet", width=140),
    Column("Due", lambda i: _dash(format_date(i.due)), lambda i, t: replace(i, due=parse_date(t)),
           edit=lambda i: format_date(i.due), tip=lambda i: format_date(i.due) or "No due date yet",
           width=100),
    Column("Status", lambda i: _label(i.status), lambda i, t: replace(i, status=_enum(InterventionStatus, t)),
           choices=_labels(InterventionStatus), width=80),
)


def _mme_before(entry: MedicationPlanEntry) -> str:
    return format_mme(entry.mme_before) if entry.is_opioid else "—"


def _mme_after(entry: MedicationPlanEntry) -> str:
    if not entry.is_opioid:
        return "—"
    if not entry.decided:
        return "not yet decided"
    return format_mme(entry.mme_after)


def _decision_mark(entry: MedicationPlanEntry) -> Mark | None:
    if entry.action is MedicationAction.UNDECIDED:
        return Mark.ATTENTION
    if entry.action is MedicationAction.PENDING:
        return Mark.WAITING
    return None


def _decision_tip(entry: MedicationPlanEntry) -> str:
    if entry.action is MedicationAction.UNDECIDED:
        return ("The team has not decided yet: choose continue, reduce, change dose, stop, switch, start "
                "or decision pending")
    if entry.action is MedicationAction.PENDING:
        return "Decision pending: fill in the options offered, who decides with the patient, and by when"
    return entry.action.label


MEDICATION_COLUMNS: tuple[Column[MedicationPlanEntry], ...] = (
    Column("Decision", lambda m: m.action.label, lambda m, t: replace(m, action=_enum(MedicationAction, t)),
           choices=_labels(MedicationAction), mark=_decision_mark, tip=_decision_tip, width=150),
    Column("Medication", lambda m: m.medication,
           lambda m, t: replace(m, medication=_required("A medication")(t)), width=170),
    Column("Route", lambda m: m.route or "", lambda m, t: replace(m, route=_optional(t)), width=70),
    Column("Daily dose now", lambda m: format_dose(m.dose_before, per_day=True),
           lambda m, t: replace(m, dose_before=parse_dose(t)), edit=lambda m: format_dose(m.dose_before),
           width=120),
    Column("Switch to", lambda m: m.switch_to or "", lambda m, t: replace(m, switch_to=_optional(t)),
           tip=lambda m: "The medicine switched to (for a switch)", width=120),
    Column("Daily dose after", lambda m: format_dose(m.dose_after, per_day=True),
           lambda m, t: replace(m, dose_after=parse_dose(t)), edit=lambda m: format_dose(m.dose_after),
           tip=lambda m: "To what (reduce, change dose, switch, start)", width=120),
    Column("MME/day now", _mme_before,
           tip=lambda m: "Not an opioid" if not m.is_opioid else "MME/day before the change", width=100),
    Column("MME/day after", _mme_after,
           tip=lambda m: "Not an opioid" if not m.is_opioid else "MME/day after the decision", width=110),
    Column("Instruction (one line)", lambda m: m.detail or "", lambda m, t: replace(m, detail=_optional(t)),
           width=260),
    Column("Options offered (pending)", lambda m: m.options or "",
           lambda m, t: replace(m, options=_optional(t)),
           width=200),
    Column("Who decides with the patient", lambda m: m.decided_by or "",
           lambda m, t: replace(m, decided_by=_optional(t)), width=170),
    Column("Decide by", lambda m: format_date(m.decide_by), lambda m, t: replace(m, decide_by=parse_date(t)),
           width=100),
)

PROCEDURE_COLUMNS: tuple[Column[Procedure], ...] = (
    Column("Procedure", lambda p: p.kind.label, lambda p, t: replace(p, kind=_enum(ProcedureKind, t)),
           choices=_labels(ProcedureKind), width=230),
    Column("Notes", lambda p: p.notes or "", lambda p, t: replace(p, notes=_optional(t)), width=420),
)

RISK_COLUMNS: tuple[Column[RiskMitigation], ...] = (
    Column("Measure", lambda r: r.kind.label, lambda r, t: replace(r, kind=_enum(RiskKind, t)),
           choices=_labels(RiskKind), width=230),
    Column("Detail", lambda r: r.detail or "", lambda r, t: replace(r, detail=_optional(t)), width=420),
)

DISAGREEMENT_COLUMNS: tuple[Column[Disagreement], ...] = (
    Column("Disagreement", lambda d: d.issue, lambda d, t: replace(d, issue=_required("A disagreement")(t)),
           width=320),
    Column("How it was resolved", lambda d: d.resolution or "",
           lambda d, t: replace(d, resolution=_optional(t)), width=320),
    Column("Resolved?", lambda d: "Resolved" if d.resolved else "Not resolved", mark=_resolved_mark,
           width=130),
)


@dataclass(frozen=True)
class Section:
    """One list of a plan: its attribute on :class:`CarePlan`, what one row is called, its columns, a new
    row, and whether a row is still too empty to store."""

    name: str
    noun: str
    columns: Sequence[Column[Any]]
    new_item: Callable[[], Any]
    blank: Callable[[Any], bool]
    first_column: int = 0


SECTIONS: dict[str, Section] = {
    PROBLEMS: Section(PROBLEMS, "problem", PROBLEM_COLUMNS, lambda: PlanProblem(""),
                      lambda p: not p.text.strip()),
    GOALS: Section(GOALS, "goal", GOAL_COLUMNS, lambda: Goal(""), lambda g: not g.description.strip()),
    INTERVENTIONS: Section(
        INTERVENTIONS, "intervention", INTERVENTION_COLUMNS,
        lambda: Intervention(Discipline.PHYSICIAN, ""), lambda i: not i.description.strip(), first_column=2,
    ),
    MEDICATION: Section(
        MEDICATION, "medication plan line", MEDICATION_COLUMNS,
        lambda: MedicationPlanEntry(MedicationAction.UNDECIDED, ""), lambda m: not m.medication.strip(),
        first_column=1,
    ),
    PROCEDURES: Section(PROCEDURES, "procedure", PROCEDURE_COLUMNS, lambda: Procedure(ProcedureKind.OTHER),
                        lambda _p: False),
    RISKS: Section(RISKS, "risk mitigation", RISK_COLUMNS, lambda: RiskMitigation(RiskKind.OTHER),
                   lambda _r: False),
    DISAGREEMENTS: Section(DISAGREEMENTS, "disagreement", DISAGREEMENT_COLUMNS, lambda: Disagreement(""),
                           lambda d: not d.issue.strip()),
}
