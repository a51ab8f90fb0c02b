"""Rules a care plan must meet to be stored, and who must sign it.

An incomplete plan is allowed (goals without a target, interventions without an owner are shown as
such); what is refused is what cannot be stored or read back: empty descriptions, unknown kinds, doses
that are not numbers, texts longer than the columns, NUL characters.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from mdtboard.domain.careplan import (
    AgreementStatus,
    CarePlan,
    InterventionStatus,
    MedicationAction,
    ProcedureKind,
    RiskKind,
)
from mdtboard.domain.case import DOSE_UNITS, Case, DailyDose, Discipline
from mdtboard.domain.conference import Attendee, AttendeeRole
from mdtboard.domain.errors import Problem

TEXT_MAX = 20000
NAME_MAX = 200
SHORT_MAX = 500
MEDICATION_MAX = 2000
ROUTE_MAX = 100

#: Roles whose attendees sign a plan for their discipline (trainees and observers do not).
SIGNING_ROLES = frozenset({AttendeeRole.CHAIR, AttendeeRole.PRESENTER, AttendeeRole.MEMBER})


def _text(problems: list[Problem], where: str, value: Any, maximum: int, *, required: bool = False) -> None:
    if value is None:
        if required:
            problems.append(Problem(where, "must not be empty"))
        return
    if not isinstance(value, str):
        problems.append(Problem(where, f"{value!r} is not text"))
        return
    if required and not value.strip():
        problems.append(Problem(where, "must not be empty"))
    if len(value) > maximum:
        problems.append(Problem(where, f"is {len(value)} characters long, more than the maximum {maximum}"))
    if "\x00" in value:
        problems.append(Problem(where, "contains a NUL character, which cannot be stored"))


def _enum(problems: list[Problem], where: str, value: Any, kind: type) -> None:
    if not isinstance(value, kind):
        problems.append(Problem(where, f"{value!r} is not a known {kind.__name__}"))


def _dose(problems: list[Problem], where: str, dose: DailyDose | None) -> None:
    if dose is None:
        return
    amount = dose.amount
    if isinstance(amount, bool) or not isinstance(amount, int | float) or not math.isfinite(amount) \
            or amount < 0:
        problems.append(Problem(f"{where}.amount", f"{amount!r} is not a daily amount of 0 or more"))
    if dose.unit not in DOSE_UNITS:
        problems.append(Problem(f"{where}.unit", f"{dose.unit!r} is not one of {', '.join(DOSE_UNITS)}"))


def plan_problems(plan: CarePlan) -> list[Problem]:
    """Everything that stops ``plan`` from being stored; an empty list when it can be."""
    p: list[Problem] = []
    for name in ("biological", "psychological", "social"):
        _text(p, f"formulation.{name}", getattr(plan.formulation, name), TEXT_MAX)
    for i, problem in enumerate(plan.problems):
        _text(p, f"problems[{i}]", problem.text, TEXT_MAX, required=True)
    for i, goal in enumerate(plan.goals):
        _text(p, f"goals[{i}].description", goal.description, TEXT_MAX, required=True)
        for name in ("measure", "baseline", "target"):
            _text(p, f"goals[{i}].{name}", getattr(goal, name), SHORT_MAX)
    for i, item in enumerate(plan.interventions):
        _enum(p, f"interventions[{i}].discipline", item.discipline, Discipline)
        _text(p, f"interventions[{i}].description", item.description, TEXT_MAX, required=True)
        _text(p, f"interventions[{i}].owner", item.owner, NAME_MAX)
        _enum(p, f"interventions[{i}].status", item.status, InterventionStatus)
    for i, med in enumerate(plan.medication_plan):
        _enum(p, f"medication_plan[{i}].action", med.action, MedicationAction)
        _text(p, f"medication_plan[{i}].medication", med.medication, MEDICATION_MAX, required=True)
        _text(p, f"medication_plan[{i}].detail", med.detail, TEXT_MAX)
        _text(p, f"medication_plan[{i}].route", med.route, ROUTE_MAX)
        _dose(p, f"medication_plan[{i}].dose_before", med.dose_before)
        _dose(p, f"medication_plan[{i}].dose_after", med.dose_after)
        _text(p, f"medication_plan[{i}].switch_to", med.switch_to, MEDICATION_MAX)
        _text(p, f"medication_plan[{i}].options", med.options, TEXT_MAX)
        _text(p, f"medication_plan[{i}].decided_by", med.decided_by, NAME_MAX)
    for i, proc in enumerate(plan.procedures):
        _enum(p, f"procedures[{i}].kind", proc.kind, ProcedureKind)
        _text(p, f"procedures[{i}].notes", proc.notes, TEXT_MAX)
    for i, risk in enumerate(plan.risk_mitigations):
        _enum(p, f"risk_mitigations[{i}].kind", risk.kind, RiskKind)
        _text(p, f"risk_mitigations[{i}].detail", risk.detail, TEXT_MAX)
    for i, dis in enumerate(plan.disagreements):
        _text(p, f"disagreements[{i}].issue", dis.issue, TEXT_MAX, required=True)
        _text(p, f"disagreements[{i}].resolution", dis.resolution, TEXT_MAX)
    _text(p, "responsible_clinician", plan.responsible_clinician, NAME_MAX)
    _enum(p, "agreement.status", plan.agreement.status, AgreementStatus)
    _text(p, "agreement.notes", plan.agreement.notes, TEXT_MAX)
    _text(p, "open_items_reason", plan.open_items_reason, TEXT_MAX)
    return p


class OpenItem(str):
    """One open item of the checklist: its words, and ``part``, the part of the plan where it is fixed
    (one of :data:`CHECKLIST_PARTS`)."""

    part: str

    def __new__(cls, text: str, part: str) -> OpenItem:
        item = super().__new__(cls, text)
        item.part = part
        return item


#: The parts of a plan the checklist names, in the order it names them.
CHECKLIST_PARTS = ("interventions", "goals", "medication", "agreement", "review", "restrictions")


def sign_off_checklist(plan: CarePlan, *, restricted: bool) -> list[OpenItem]:
    """What is still open before the first signature, in plain words; empty when nothing is.

    ``restricted``: the case has sharing restrictions or restricted passages (see :func:`restrictions_apply`;
    the team acknowledges them on the plan).
    """
    agreed = [i for i in plan.interventions if not i.proposed]
    open_items: list[OpenItem] = []
    proposed = len(plan.interventions) - len(agreed)
    if proposed:
        plural = "s" if proposed != 1 else ""
        open_items.append(OpenItem(f"{proposed} proposed item{plural} not yet accepted or dropped",
                                   "interventions"))
    no_owner = [i for i in agreed if i.missing]
    if no_owner:
        open_items.append(OpenItem(
            f"{len(no_owner)} action{'s' if len(no_owner) != 1 else ''} without an owner or a due date",
            "interventions",
        ))
    not_smart = [g for g in plan.goals if not g.is_smart]
    if not plan.goals:
        open_items.append(OpenItem("no goal", "goals"))
    elif not_smart:
        open_items.append(OpenItem(f"{len(not_smart)} goal{'s' if len(not_smart) != 1 else ''} not SMART",
                                   "goals"))
    undecided = [m.medication for m in plan.medication_plan if not m.decided]
    if undecided:
        open_items.append(OpenItem("medication decisions pending or not made: " + ", ".join(undecided),
                                   "medication"))
    for action, medicine in actions_on_undecided_medicines(plan):
        open_items.append(OpenItem(
            f"the action \u201c{_short(action)}\u201d speaks of {medicine}, whose decision is not made: "
            "the papers would print it as agreed (reword it, drop it, or make the decision)",
            "interventions",
        ))
    if plan.agreement.status is not AgreementStatus.AGREED:
        open_items.append(OpenItem("the patient's agreement is not recorded", "agreement"))
    if plan.review_date is None:
        open_items.append(OpenItem("no review date", "review"))
    if restricted and not plan.restriction_acknowledged:
        open_items.append(OpenItem("the case's sharing restrictions are not acknowledged", "restrictions"))
    return open_items


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _medicine_word(name: str) -> str | None:
    """The word of a medication line that names the medicine ("Oxycodone MR 20 mg" gives "oxycodone")."""
    word = re.match(r"[^\W\d_][\w-]{3,}", name.strip())
    return word.group(0).casefold() if word else None


def actions_on_undecided_medicines(plan: CarePlan) -> list[tuple[str, str]]:
    """Accepted actions that name a medicine whose decision is pending or not made (an accepted "taper
    the oxycodone" while the team left oxycodone to the patient's choice): (the action, the medicine).
    The papers print accepted actions as agreed, so the checklist names each one before signing."""
    found: list[tuple[str, str]] = []
    undecided = [(w, m.medication) for m in plan.medication_plan if not m.decided
                 if (w := _medicine_word(m.medication))]
    for item in plan.agreed_interventions():
        words = set(re.findall(r"[\w-]+", item.description.casefold()))
        for word, medicine in undecided:
            if word in words:
                found.append((item.description, medicine))
                break
    return found


def restrictions_apply(case: Case) -> bool:
    """The case has sharing restrictions or restricted passages: the team acknowledges them on its plan."""
    return bool((case.sharing_restrictions or "").strip()) or bool(case.restricted_passages)


def signer_problems(
    discipline: Discipline, name: str, attendees: Sequence[Attendee]
) -> list[Problem]:
    """Why ``name`` cannot sign for ``discipline``: a sign-off is given by a person on the attendance
    list for that discipline (chair, presenter or member)."""
    if not attendees:
        return [Problem(
            "sign-off",
            "the plan is not linked to a conference with an attendance list: open it from the conference "
            "where it is agreed, so the signers can be chosen from the people present",
        )]
    wanted = name.strip().casefold()
    for person in attendees:
        if person.name.strip().casefold() == wanted and person.discipline is discipline:
            if person.role in SIGNING_ROLES:
                return []
            return [Problem("sign-off", f"{person.name} attends as {person.role.value} "
                                        "and does not sign for a discipline")]
    return [Problem(
        "sign-off",
        f"{name.strip()} is not on the attendance list for {discipline.label.lower()}; "
        "choose a signer from the people present",
    )]


def sign_off_problems(discipline: Any, name: Any) -> list[Problem]:
    p: list[Problem] = []
    _enum(p, "discipline", discipline, Discipline)
    _text(p, "name", name, NAME_MAX, required=True)
    return p


def required_sign_offs(plan: CarePlan, attendees: Sequence[Attendee] = ()) -> tuple[Discipline, ...]:
    """The disciplines whose leads must sign ``plan`` before it is signed and locked.

    In a conference: every discipline present (chair, presenters and members; not trainees or
    observers). Without a conference (or nobody recorded): every discipline with an intervention in the
    plan, and the physician in any case.
    """
    present = {a.discipline for a in attendees if a.role in SIGNING_ROLES}
    if not present:
        present = {i.discipline for i in plan.interventions} | {Discipline.PHYSICIAN}
    return tuple(d for d in Discipline if d in present)
