"""Follow-through: what became of the actions of an agreed (signed) plan, reviewed at the next conference.

Progress is not a change of what was agreed: it is recorded on an action of a signed plan without a new
plan version, and kept with who recorded it and when. An action is **done**, **not done** (with the
reason), or **carried forward** to a new date. The latest record of an action is its state; earlier
records stay (a mistaken "done" is put right by recording again).

Marks say what they mean (:func:`action_mark`): "done", "not done", "carried forward to ...", and for an
action without progress "overdue" or "due" by its date; being on an agenda is not a mark of an action.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from mdtboard.domain.careplan import Intervention, InterventionStatus
from mdtboard.domain.errors import Problem

REASON_MAX = 2000
NAME_MAX = 200


class ProgressState(StrEnum):
    DONE = "done"
    NOT_DONE = "not_done"
    CARRIED_FORWARD = "carried_forward"

    @property
    def label(self) -> str:
        return PROGRESS_LABELS[self]


PROGRESS_LABELS: dict[ProgressState, str] = {
    ProgressState.DONE: "Done",
    ProgressState.NOT_DONE: "Not done",
    ProgressState.CARRIED_FORWARD: "Carried forward",
}


def _day(value: date) -> str:
    return f"{value.day}\u00a0{value:%b}\u00a0{value:%Y}"


@dataclass(frozen=True)
class ActionProgress:
    """One record of progress on the action ``intervention_uid`` of plan ``plan_id``."""

    plan_id: int
    intervention_uid: str
    state: ProgressState
    recorded_by: str
    recorded_at: datetime
    reason: str | None = None
    new_due: date | None = None
    agenda_item_id: int | None = None
    id: int | None = None

    @property
    def text(self) -> str:
        """"Done", "Not done: the patient was in hospital", "Carried forward to 14 Jan 2027"."""
        if self.state is ProgressState.NOT_DONE:
            return f"Not done: {self.reason}" if self.reason else "Not done"
        if self.state is ProgressState.CARRIED_FORWARD and self.new_due is not None:
            return f"Carried forward to {_day(self.new_due)}"
        return self.state.label

    @property
    def recorded_text(self) -> str:
        """"recorded by Dr Okafor, 3 Dec 2026"."""
        when = self.recorded_at.astimezone() if self.recorded_at.tzinfo is not None else self.recorded_at
        return f"recorded by {self.recorded_by}, {_day(when.date())}"


def progress_problems(
    state: object, recorded_by: object, reason: object = None, new_due: object = None
) -> list[Problem]:
    """What stops a progress record from being stored: an unknown state, no recorder, "not done" without
    a reason, "carried forward" without a new date."""
    problems: list[Problem] = []
    if not isinstance(state, ProgressState):
        problems.append(Problem("state", f"{state!r} is not one of done, not done, carried forward"))
    if not isinstance(recorded_by, str) or not recorded_by.strip():
        problems.append(Problem("recorded_by", "say who records the progress"))
    elif len(recorded_by) > NAME_MAX:
        problems.append(Problem("recorded_by", f"is longer than {NAME_MAX} characters"))
    if reason is not None and (not isinstance(reason, str) or len(reason) > REASON_MAX or "\x00" in reason):
        problems.append(Problem("reason", f"must be text of at most {REASON_MAX} characters"))
    if state is ProgressState.NOT_DONE and not (isinstance(reason, str) and reason.strip()):
        problems.append(Problem("reason", "say why the action was not done"))
    if state is ProgressState.CARRIED_FORWARD and not isinstance(new_due, date):
        problems.append(Problem("new_due", "give the new date the action is carried forward to"))
    return problems


def effective_due(item: Intervention, progress: ActionProgress | None) -> date | None:
    """The date the action is due by now: the new date when it was carried forward."""
    if progress is not None and progress.state is ProgressState.CARRIED_FORWARD and progress.new_due:
        return progress.new_due
    return item.due


def is_closed(item: Intervention, progress: ActionProgress | None) -> bool:
    """Done (recorded as done, or marked done in the plan itself): no longer followed up."""
    if progress is not None:
        return progress.state is ProgressState.DONE
    return item.status is InterventionStatus.DONE


def action_mark(item: Intervention, progress: ActionProgress | None, today: date) -> str:
    """What the action is now, in one word or phrase: "done", "not done", "overdue", "due", "no date"."""
    if is_closed(item, progress):
        return "done"
    if progress is not None and progress.state is ProgressState.NOT_DONE:
        return "not done"
    due = effective_due(item, progress)
    if due is None:
        return "no date"
    return "overdue" if due < today else "due"


def open_action_line(item: Intervention, progress: ActionProgress | None, today: date) -> str:
    """One open action as the room sees it while the case is discussed again: what, who, by when, and
    whether it is overdue ("Graded walking programme · Sam Lee (physical therapy) · due 1 Dec 2026,
    overdue"); a reason given for "not done" is not repeated here (it is in the follow-through)."""
    who = f"{item.owner} ({item.discipline.label.lower()})" if item.owner else item.discipline.label
    due = effective_due(item, progress)
    mark = action_mark(item, progress, today)
    when = "no date set" if due is None else f"due {_day(due)}"
    if mark in ("overdue", "not done"):
        when += f", {mark}"
    elif progress is not None and progress.state is ProgressState.CARRIED_FORWARD:
        when += " (carried forward)"
    return f"{item.description.strip()} · {who} · {when}"
