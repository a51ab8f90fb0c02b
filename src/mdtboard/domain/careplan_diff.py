"""What changed between two versions of a care plan, and a short fingerprint of a plan's content.

Items are matched between versions by their ``uid`` (kept when a plan is copied into its next version),
so an edited goal shows as "changed", not as one removed and one added. The diff covers what the team
agreed (formulation, lists, dates, the patient's agreement); the status and sign-offs are not content and
are left out.

The fingerprint is the first 12 hex digits of SHA-256 over a canonical JSON of the plan and the case it
is for (database ids, row versions and edit times left out): two printouts with the same fingerprint
show the same plan of the same case.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from mdtboard.domain.careplan import (
    CarePlan,
    Disagreement,
    Goal,
    Intervention,
    MedicationPlanEntry,
    PlanProblem,
    Procedure,
    RiskMitigation,
)
from mdtboard.domain.case import Case, DailyDose, DisciplineInput
from mdtboard.domain.mme import format_number

FINGERPRINT_LENGTH = 12
SHOWN_TEXT_MAX = 120

#: Keys that are bookkeeping, not content: left out of the fingerprint.
_NOT_CONTENT = frozenset({
    "id", "uid", "version", "created_at", "updated_at", "agenda_item_id", "case_id", "supersedes",
    "case_ref", "conference_id", "conference_title", "conference_date",
})


@dataclass(frozen=True)
class SectionChanges:
    """The changes in one section of the plan, as readable lines."""

    section: str
    lines: tuple[str, ...]


# ---------------------------------------------------------------------------------------------------
# Showing values


def show(value: Any) -> str:
    """A value as a person reads it in a diff line."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return "(none)"
    if isinstance(value, Enum):
        label = getattr(value, "label", None)
        return str(label) if label is not None else str(value.value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, DailyDose):
        per = "mcg/h" if value.unit == "mcg/h" else f"{value.unit}/day"
        return f"{format_number(value.amount)} {per}"
    text = " ".join(str(value).split())
    if len(text) > SHOWN_TEXT_MAX:
        text = text[: SHOWN_TEXT_MAX - 1].rstrip() + "\u2026"
    return f"\u201c{text}\u201d"


def _fields(changes: list[str], name: str, fields: Sequence[tuple[str, Any, Any]]) -> None:
    diffs = [f"{label} {show(a)} \u2192 {show(b)}" for label, a, b in fields if a != b]
    if diffs:
        changes.append(f"Changed {name}: " + "; ".join(diffs))


def _items(
    old: Sequence[Any],
    new: Sequence[Any],
    name: Callable[[Any], str],
    fields: Callable[[Any, Any], list[tuple[str, Any, Any]]],
) -> list[str]:
    before = {item.uid: item for item in old}
    after = {item.uid: item for item in new}
    lines: list[str] = []
    for item in old:
        if item.uid not in after:
            lines.append(f"Removed {name(item)}")
    for item in new:
        if item.uid not in before:
            lines.append(f"Added {name(item)}")
        else:
            _fields(lines, name(before[item.uid]), fields(before[item.uid], item))
    return lines


def _problem_fields(a: PlanProblem, b: PlanProblem) -> list[tuple[str, Any, Any]]:
    return [("text", a.text, b.text)]


def _goal_fields(a: Goal, b: Goal) -> list[tuple[str, Any, Any]]:
    return [
        ("description", a.description, b.description),
        ("measure", a.measure, b.measure),
        ("baseline", a.baseline, b.baseline),
        ("target", a.target, b.target),
        ("due date", a.due, b.due),
    ]


def _intervention_fields(a: Intervention, b: Intervention) -> list[tuple[str, Any, Any]]:
    return [
        ("discipline", a.discipline, b.discipline),
        ("description", a.description, b.description),
        ("owner", a.owner, b.owner),
        ("due date", a.due, b.due),
        ("status", a.status, b.status),
        ("accepted", not a.proposed, not b.proposed),
    ]


def _medication_fields(a: MedicationPlanEntry, b: MedicationPlanEntry) -> list[tuple[str, Any, Any]]:
    return [
        ("action", a.action, b.action),
        ("medication", a.medication, b.medication),
        ("detail", a.detail, b.detail),
        ("route", a.route, b.route),
        ("dose before", a.dose_before, b.dose_before),
        ("dose after", a.dose_after, b.dose_after),
        ("switch to", a.switch_to, b.switch_to),
        ("options", a.options, b.options),
        ("who decides with the patient", a.decided_by, b.decided_by),
        ("decide by", a.decide_by, b.decide_by),
    ]


def _procedure_fields(a: Procedure, b: Procedure) -> list[tuple[str, Any, Any]]:
    return [("kind", a.kind, b.kind), ("notes", a.notes, b.notes)]


def _risk_fields(a: RiskMitigation, b: RiskMitigation) -> list[tuple[str, Any, Any]]:
    return [("kind", a.kind, b.kind), ("detail", a.detail, b.detail)]


def _disagreement_fields(a: Disagreement, b: Disagreement) -> list[tuple[str, Any, Any]]:
    return [("issue", a.issue, b.issue), ("resolution", a.resolution, b.resolution)]


def diff_plans(old: CarePlan, new: CarePlan) -> list[SectionChanges]:
    """The sections that differ between two versions, each with readable lines; empty when none do."""
    sections: list[SectionChanges] = []

    def add(section: str, lines: list[str]) -> None:
        if lines:
            sections.append(SectionChanges(section, tuple(lines)))

    formulation: list[str] = []
    for label in ("biological", "psychological", "social"):
        a, b = getattr(old.formulation, label), getattr(new.formulation, label)
        if a != b:
            formulation.append(f"Changed {label}: {show(a)} \u2192 {show(b)}")
    add("Formulation", formulation)
    add("Problems", _items(old.problems, new.problems, lambda p: f"problem {show(p.text)}", _problem_fields))
    add("Goals", _items(old.goals, new.goals, lambda g: f"goal {show(g.description)}", _goal_fields))
    add("Interventions", _items(
        old.interventions, new.interventions,
        lambda i: f"{i.discipline.label.lower()} intervention {show(i.description)}", _intervention_fields,
    ))
    add("Medication plan", _items(
        old.medication_plan, new.medication_plan,
        lambda m: f"{m.action.label.lower()} {show(m.medication)}", _medication_fields,
    ))
    add("Procedures", _items(
        old.procedures, new.procedures, lambda p: f"{p.kind.label.lower()} {show(p.notes)}", _procedure_fields
    ))
    add("Risk mitigation", _items(
        old.risk_mitigations, new.risk_mitigations,
        lambda r: f"{r.kind.label.lower()} {show(r.detail)}", _risk_fields,
    ))
    add("Disagreements", _items(
        old.disagreements, new.disagreements, lambda d: f"disagreement {show(d.issue)}", _disagreement_fields
    ))
    follow_up: list[str] = []
    _fields(follow_up, "follow-up", [
        ("review date", old.review_date, new.review_date),
        ("responsible clinician", old.responsible_clinician, new.responsible_clinician),
    ])
    add("Follow-up", follow_up)
    agreement: list[str] = []
    _fields(agreement, "patient agreement", [
        ("status", old.agreement.status, new.agreement.status),
        ("notes", old.agreement.notes, new.agreement.notes),
    ])
    add("Patient agreement", agreement)
    return sections


def diff_lines(old: CarePlan, new: CarePlan) -> list[str]:
    """The diff flattened for a log or a tooltip: "Goals: Added goal ..."."""
    return [f"{s.section}: {line}" for s in diff_plans(old, new) for line in s.lines]


# ---------------------------------------------------------------------------------------------------
# Fingerprint


def canonical(value: Any) -> Any:
    """Plain JSON values for dataclasses, enums, dates and lists, without the bookkeeping keys."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: canonical(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in _NOT_CONTENT
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
    if isinstance(value, dict):
        return {str(k): canonical(v) for k, v in value.items()}
    return value


def fingerprint(plan: CarePlan, case: Case, inputs: Sequence[DisciplineInput] | None = None) -> str:
    """12 hex digits identifying the content of a plan and its case (with the case's prepared inputs),
    and of any further discipline inputs shown with them (those given in a conference)."""
    content = {
        "plan": canonical(plan),
        "case": canonical(case),
        "inputs": canonical(list(inputs or [])),
    }
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


#: What a signature does not cover: the sign-offs themselves, the status and when it was signed.
_NOT_SIGNED = ("sign_offs", "status", "signed_at", "open_items_reason")


def signed_fingerprint(plan: CarePlan) -> str:
    """SHA-256 (64 hex digits) of what a signature vouches for: the case, the plan version and the plan's
    content, without the sign-offs, status and bookkeeping. Every signature of one version has the same
    one, since changing a draft withdraws the sign-offs given."""
    data = canonical(plan)
    assert isinstance(data, dict)
    for key in _NOT_SIGNED:
        data.pop(key, None)
    content = {"case_id": plan.case_id, "plan_version": plan.plan_version, "plan": data}
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
