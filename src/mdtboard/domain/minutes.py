"""The minutes of a conference: for each case what was decided, by whom, by when, and who was heard.

:func:`case_minutes` puts together, for one agenda item, the meeting record's line (its time against its
budget), the outcome (discussed; deferred, with the reason given), the care plan agreed or drafted at
this meeting (its status, decisions and actions: who does what by when) and the disciplines heard. A
discipline counts as heard only when its input on this case at this meeting has an author and some text:
an empty panel, or text nobody put their name to, is not a contribution the minutes can attribute.

Everything here is plain data worked out from plain data; the service reads it, the window and the PDF
show it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from mdtboard.domain.careplan import CarePlan, InterventionStatus, PlanStatus
from mdtboard.domain.case import Discipline, DisciplineInput
from mdtboard.domain.conference import AgendaStatus
from mdtboard.domain.meeting import CaseLine, MeetingRecord


@dataclass(frozen=True)
class Action:
    """One action of a care plan: who (owner, else the discipline), what, by when."""

    discipline: Discipline
    owner: str | None
    what: str
    due: date | None
    done: bool = False

    @property
    def who(self) -> str:
        return f"{self.owner} ({self.discipline.label})" if self.owner else self.discipline.label

    @property
    def by_when(self) -> str:
        return self.due.isoformat() if self.due else "no date set"


@dataclass(frozen=True)
class CaseMinutes:
    """One case of the minutes."""

    line: CaseLine
    deferral_reason: str | None
    plan_status: PlanStatus | None  # None: no care plan was made at this meeting
    plan_version: int | None
    decisions: tuple[str, ...]
    actions: tuple[Action, ...]
    review_date: date | None
    heard: tuple[Discipline, ...]
    not_heard: tuple[Discipline, ...]  # present at the meeting, no input with an author on this case

    @property
    def outcome(self) -> str:
        """"Discussed", "Deferred: awaiting results", "Not reached", "Still in discussion"."""
        status = self.line.status
        if status is AgendaStatus.DEFERRED:
            return f"Deferred: {self.deferral_reason}" if self.deferral_reason else "Deferred"
        if status is AgendaStatus.PENDING:
            return "Not reached"
        if status is AgendaStatus.IN_DISCUSSION:
            return "Still in discussion"
        return "Discussed"

    @property
    def plan_text(self) -> str:
        if self.plan_status is None:
            return "No care plan made at this meeting"
        state = "signed" if self.plan_status is PlanStatus.SIGNED else "draft, not signed"
        return f"Care plan version {self.plan_version}: {state}"

    @property
    def time_text(self) -> str:
        """The case's time against its budget; "no time" when its timer never ran."""
        line = self.line
        if line.actual_seconds is None:
            return f"no time (budget {line.budget_text})"
        over = line.over_seconds or 0
        verdict = f", {line.over_text} over" if over > 0 else ""
        return f"{line.actual_text} of {line.budget_text}{verdict}"


@dataclass(frozen=True)
class Minutes:
    """The minutes of one conference: the meeting record (attendance, times) and each case."""

    record: MeetingRecord
    cases: tuple[CaseMinutes, ...]
    conference_ref: str = ""
    #: The audit trail's last record when the minutes were made ("N:hash"), printed so that records removed
    #: from the end of the trail later can be found against the paper; "" when unknown.
    audit_head: str = ""


def heard_disciplines(inputs: Sequence[DisciplineInput]) -> tuple[Discipline, ...]:
    """The disciplines with input that has an author and some text, in the order of ``Discipline``."""
    heard = {
        i.discipline for i in inputs
        if (i.author or "").strip() and ((i.assessment or "").strip() or (i.recommendations or "").strip())
    }
    return tuple(d for d in Discipline if d in heard)


def plan_decisions(plan: CarePlan) -> tuple[str, ...]:
    """The plan's decisions in words: medication changes, procedures, risk measures."""
    out: list[str] = []
    for entry in plan.medication_plan:
        detail = f" ({entry.detail})" if entry.detail else ""
        out.append(f"{entry.action.label}: {entry.medication}{detail}")
    for procedure in plan.procedures:
        notes = f" ({procedure.notes})" if procedure.notes else ""
        out.append(f"Procedure: {procedure.kind.label}{notes}")
    for risk in plan.risk_mitigations:
        detail = f" ({risk.detail})" if risk.detail else ""
        out.append(f"Risk: {risk.kind.label}{detail}")
    return tuple(out)


def plan_actions(plan: CarePlan) -> tuple[Action, ...]:
    return tuple(
        Action(i.discipline, (i.owner or "").strip() or None, i.description, i.due,
               done=i.status is InterventionStatus.DONE)
        for i in plan.interventions if i.description.strip()
    )


def case_minutes(
    line: CaseLine,
    *,
    plan: CarePlan | None,
    inputs: Sequence[DisciplineInput],
    present: Sequence[Discipline],
    deferral_reason: str | None = None,
) -> CaseMinutes:
    """The minutes of one case (see the module docstring). ``inputs`` are the disciplines' input on this
    case at this meeting; ``present`` the disciplines that attended."""
    heard = heard_disciplines(inputs)
    reached = line.status is not AgendaStatus.PENDING
    return CaseMinutes(
        line=line,
        deferral_reason=(deferral_reason or "").strip() or None,
        plan_status=plan.status if plan is not None else None,
        plan_version=plan.plan_version if plan is not None else None,
        decisions=plan_decisions(plan) if plan is not None else (),
        actions=plan_actions(plan) if plan is not None else (),
        review_date=plan.review_date if plan is not None else None,
        heard=heard,
        not_heard=tuple(d for d in present if d not in heard) if reached else (),
    )
