"""The joint care plan: what the team agrees for a case in a conference, and the paper that leaves the room.

A plan has a biopsychosocial formulation, a problem list, goals the patient owns (checked against SMART),
interventions by discipline (each with an owner, a due date and a status), a medication plan with the MME
before and after, procedures, risk mitigation, recorded disagreements, a review date, the responsible
clinician, the patient's agreement, and the sign-offs of the discipline leads.

Two version numbers live on a plan and mean different things:

- ``plan_version`` is the document's number (1, 2, 3 ...). A signed plan is locked; changing it starts a
  new plan with the next number that ``supersedes`` the old one, which stays readable.
- ``version`` is the stored row's edit counter, as on every editable record: a save states the version
  its user saw, and a newer stored version means someone else saved in between.

Every item of a plan carries a ``uid`` that is kept when a plan is copied into its next version, so that
two versions can be compared item by item (``careplan_diff``).

The draft builder is in ``careplan_draft``; the diff and the content fingerprint in ``careplan_diff``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from mdtboard.domain.case import DailyDose, Discipline, Medication
from mdtboard.domain.errors import NOTHING_CHANGED, MdtboardError
from mdtboard.domain.mme import MmeReport, MmeStatus, format_number, mme_report, mme_row

if TYPE_CHECKING:
    from mdtboard.domain.careplan_progress import ActionProgress


def new_uid() -> str:
    return uuid.uuid4().hex


class PlanStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"

    @property
    def label(self) -> str:
        return self.value


class InterventionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"

    @property
    def label(self) -> str:
        return self.value


class MedicationAction(StrEnum):
    """What the team decided for one medicine. ``UNDECIDED`` is a draft's line the team has not decided
    yet; ``PENDING`` is a decision left to the patient and a named clinician, with options and a date."""

    UNDECIDED = "undecided"
    CONTINUE = "continue"
    REDUCE = "reduce"
    CHANGE = "change"
    STOP = "stop"
    SWITCH = "switch"
    START = "start"
    PENDING = "pending"

    @property
    def label(self) -> str:
        return MEDICATION_ACTION_LABELS[self]

    @property
    def decided(self) -> bool:
        return self not in (MedicationAction.UNDECIDED, MedicationAction.PENDING)


MEDICATION_ACTION_LABELS: dict[MedicationAction, str] = {
    MedicationAction.UNDECIDED: "Not yet decided",
    MedicationAction.CONTINUE: "Continue",
    MedicationAction.REDUCE: "Reduce",
    MedicationAction.CHANGE: "Change dose",
    MedicationAction.STOP: "Stop",
    MedicationAction.SWITCH: "Switch",
    MedicationAction.START: "Start",
    MedicationAction.PENDING: "Decision pending",
}


class ProcedureKind(StrEnum):
    NERVE_BLOCK = "nerve_block"
    EPIDURAL_STEROID_INJECTION = "epidural_steroid_injection"
    RADIOFREQUENCY_ABLATION = "radiofrequency_ablation"
    SPINAL_CORD_STIMULATOR_TRIAL = "spinal_cord_stimulator_trial"
    OTHER = "other"

    @property
    def label(self) -> str:
        return PROCEDURE_LABELS[self]


PROCEDURE_LABELS: dict[ProcedureKind, str] = {
    ProcedureKind.NERVE_BLOCK: "Nerve block",
    ProcedureKind.EPIDURAL_STEROID_INJECTION: "Epidural steroid injection",
    ProcedureKind.RADIOFREQUENCY_ABLATION: "Radiofrequency ablation",
    ProcedureKind.SPINAL_CORD_STIMULATOR_TRIAL: "Spinal cord stimulator trial",
    ProcedureKind.OTHER: "Other procedure",
}


class RiskKind(StrEnum):
    NALOXONE = "naloxone"
    PRESCRIPTION_MONITORING = "prescription_monitoring"
    OTHER = "other"

    @property
    def label(self) -> str:
        return RISK_LABELS[self]


RISK_LABELS: dict[RiskKind, str] = {
    RiskKind.NALOXONE: "Naloxone",
    RiskKind.PRESCRIPTION_MONITORING: "Prescription monitoring check",
    RiskKind.OTHER: "Other",
}


class AgreementStatus(StrEnum):
    AGREED = "agreed"
    NOT_AGREED = "not_agreed"
    NOT_YET_ASKED = "not_yet_asked"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class PlanLockedError(MdtboardError):
    """A signed plan was to be changed; it is locked, and changing it means starting a new version."""

    def __init__(self, case_ref: str, plan_version: int) -> None:
        self.case_ref = case_ref
        self.plan_version = plan_version
        super().__init__(
            f"Care plan version {plan_version} of case {case_ref} is signed and locked. "
            f"Start a new version to change it. {NOTHING_CHANGED}"
        )


# ---------------------------------------------------------------------------------------------------
# The parts of a plan


@dataclass
class Formulation:
    """The biopsychosocial formulation: why this person has this pain now, in three strands."""

    biological: str | None = None
    psychological: str | None = None
    social: str | None = None

    def is_empty(self) -> bool:
        return not any((self.biological, self.psychological, self.social))


@dataclass
class PlanProblem:
    """One entry of the problem list."""

    text: str
    uid: str = field(default_factory=new_uid)
    id: int | None = None


#: The parts of a SMART goal, in the order they are named when missing.
SMART_PARTS: tuple[str, ...] = ("measure", "baseline", "target", "due date")


@dataclass
class Goal:
    """A goal the patient owns. SMART when it names a measure, a baseline, a target and a due date;
    an incomplete goal is allowed, and :func:`smart_missing` says what it lacks."""

    description: str
    measure: str | None = None
    baseline: str | None = None
    target: str | None = None
    due: date | None = None
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    @property
    def missing(self) -> tuple[str, ...]:
        return smart_missing(self)

    @property
    def is_smart(self) -> bool:
        return not smart_missing(self)


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def smart_missing(goal: Goal) -> tuple[str, ...]:
    """What a goal lacks to be SMART, from :data:`SMART_PARTS`; empty when it is complete."""
    missing: list[str] = []
    if _blank(goal.measure):
        missing.append("measure")
    if _blank(goal.baseline):
        missing.append("baseline")
    if _blank(goal.target):
        missing.append("target")
    if goal.due is None:
        missing.append("due date")
    return tuple(missing)


def smart_status(goal: Goal) -> str:
    """"SMART" or "Incomplete: no measure, no due date" for display."""
    missing = smart_missing(goal)
    if not missing:
        return "SMART"
    return "Incomplete: " + ", ".join(f"no {part}" for part in missing)


@dataclass
class Intervention:
    """Something one discipline will do, with the person who owns it and when it is due."""

    discipline: Discipline
    description: str
    owner: str | None = None
    due: date | None = None
    status: InterventionStatus = InterventionStatus.OPEN
    uid: str = field(default_factory=new_uid)
    id: int | None = None
    #: A draft's item taken from what a discipline said, not yet accepted by the chair: not agreed, so
    #: not on the papers, the FHIR export or the follow-ups until accepted.
    proposed: bool = False

    @property
    def missing(self) -> tuple[str, ...]:
        """"owner" and/or "due date" when not given (allowed in a draft, shown on the document)."""
        out: list[str] = []
        if _blank(self.owner):
            out.append("owner")
        if self.due is None:
            out.append("due date")
        return tuple(out)


@dataclass
class MedicationPlanEntry:
    """The team's decision on one medicine, with a one-line instruction (``detail``).

    ``dose_before`` and ``dose_after`` are daily amounts as in the case's medication list
    (``DailyDose``); they give the MME/day before and after with the CDC 2022 factors. "reduce" and
    "change" say to what (``dose_after``); "switch" says to what medicine (``switch_to``, with
    ``dose_after`` its daily amount); a started medicine has no dose before, a stopped one none after.
    A pending decision names the ``options`` offered, who decides with the patient (``decided_by``)
    and by when (``decide_by``); until then, and while a line is still undecided, its MME after is
    not known.
    """

    action: MedicationAction
    medication: str
    detail: str | None = None
    route: str | None = None
    dose_before: DailyDose | None = None
    dose_after: DailyDose | None = None
    uid: str = field(default_factory=new_uid)
    id: int | None = None
    switch_to: str | None = None
    options: str | None = None
    decided_by: str | None = None
    decide_by: date | None = None

    def _mme(self, dose: DailyDose | None, name: str | None = None) -> float | None:
        row = mme_row(0, Medication(name=name or self.medication, route=self.route, daily_dose=dose))
        if row.status is MmeStatus.COUNTED:
            return row.mme
        return None

    @property
    def is_opioid(self) -> bool:
        names = [self.medication] + ([self.switch_to] if self.switch_to else [])
        return any(mme_row(0, Medication(name=n)).opioid is not None for n in names)

    @property
    def decided(self) -> bool:
        return self.action.decided

    @property
    def mme_before(self) -> float | None:
        """MME/day before the change: 0 for a started medicine, ``None`` when it cannot be counted."""
        if self.action is MedicationAction.START:
            return 0.0
        return self._mme(self.dose_before)

    @property
    def mme_after(self) -> float | None:
        """MME/day after the decision: 0 for a stopped medicine; for "continue" the dose before when no
        dose after is given; for "switch" the medicine switched to; ``None`` when it cannot be counted
        or the decision is not made yet."""
        if not self.decided:
            return None
        if self.action is MedicationAction.STOP:
            return 0.0
        if self.action is MedicationAction.SWITCH:
            return self._mme(self.dose_after, self.switch_to) if self.switch_to else None
        dose = self.dose_after
        if dose is None and self.action is MedicationAction.CONTINUE:
            dose = self.dose_before
        return self._mme(dose)


@dataclass
class Procedure:
    kind: ProcedureKind
    notes: str | None = None
    uid: str = field(default_factory=new_uid)
    id: int | None = None


@dataclass
class RiskMitigation:
    kind: RiskKind
    detail: str | None = None
    uid: str = field(default_factory=new_uid)
    id: int | None = None


@dataclass
class PatientAgreement:
    status: AgreementStatus = AgreementStatus.NOT_YET_ASKED
    notes: str | None = None


@dataclass
class Disagreement:
    """A point the team did not agree on, and how it was resolved (``None``: it was not)."""

    issue: str
    resolution: str | None = None
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    @property
    def resolved(self) -> bool:
        return not _blank(self.resolution)


@dataclass
class SignOff:
    """A discipline lead's signature on a plan."""

    discipline: Discipline
    name: str
    signed_at: datetime
    id: int | None = None
    #: The account that signed with its own password or PIN (None: signed before accounts existed).
    account_id: int | None = None
    #: SHA-256 (hex) of the plan version signed: see ``careplan_diff.signed_fingerprint``.
    fingerprint: str | None = None


@dataclass
class CarePlan:
    """A joint care plan of one case; see the module docstring for ``plan_version`` and ``version``."""

    case_id: int
    formulation: Formulation = field(default_factory=Formulation)
    problems: list[PlanProblem] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    interventions: list[Intervention] = field(default_factory=list)
    medication_plan: list[MedicationPlanEntry] = field(default_factory=list)
    procedures: list[Procedure] = field(default_factory=list)
    risk_mitigations: list[RiskMitigation] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    review_date: date | None = None
    responsible_clinician: str | None = None
    agreement: PatientAgreement = field(default_factory=PatientAgreement)
    sign_offs: list[SignOff] = field(default_factory=list)
    #: The case's sharing restrictions were acknowledged by the team for this plan.
    restriction_acknowledged: bool = False
    #: Why the plan was signed with checklist items open (recorded at the first signature).
    open_items_reason: str | None = None
    status: PlanStatus = PlanStatus.DRAFT
    plan_version: int = 1
    supersedes: int | None = None
    agenda_item_id: int | None = None
    id: int | None = None
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None
    signed_at: datetime | None = None
    # Filled in when read, for display.
    case_ref: str = ""
    conference_id: int | None = None
    conference_title: str | None = None
    conference_date: datetime | None = None

    @property
    def signed(self) -> bool:
        return self.status is PlanStatus.SIGNED

    def interventions_by_discipline(self) -> dict[Discipline, list[Intervention]]:
        """The agreed (accepted) interventions grouped by discipline, in the order of ``Discipline``;
        proposed items are left out."""
        grouped: dict[Discipline, list[Intervention]] = {}
        for discipline in Discipline:
            items = [i for i in self.interventions if i.discipline is discipline and not i.proposed]
            if items:
                grouped[discipline] = items
        return grouped

    def open_interventions(self) -> list[Intervention]:
        return [i for i in self.interventions if i.status is InterventionStatus.OPEN and not i.proposed]

    def agreed_interventions(self) -> list[Intervention]:
        """The interventions the chair accepted (proposed ones are not part of what was agreed)."""
        return [i for i in self.interventions if not i.proposed]

    def proposed_interventions(self) -> list[Intervention]:
        return [i for i in self.interventions if i.proposed]

    def signed_disciplines(self) -> frozenset[Discipline]:
        return frozenset(s.discipline for s in self.sign_offs)

    def awaiting_sign_off(self, required: Sequence[Discipline]) -> tuple[Discipline, ...]:
        """The disciplines of ``required`` that have not signed yet."""
        have = self.signed_disciplines()
        return tuple(d for d in required if d not in have)


# ---------------------------------------------------------------------------------------------------
# Medication plan: the list after the plan, and the MME before and after


def _same(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def medications_after(
    current: Sequence[Medication] | None, plan: Sequence[MedicationPlanEntry]
) -> list[Medication]:
    """The medication list once the decisions are carried out (undecided and pending lines leave the
    medicine as it is; see :func:`mme_change` for what that means for the MME).

    Entries are matched to the current list by name (ignoring case). "stop" removes the medicine;
    "start" adds it; "reduce" and "change" set its daily amount to ``dose_after`` when given; "switch"
    replaces it by ``switch_to`` at ``dose_after``; "continue" leaves it. A "reduce" or "change" of a
    medicine not on the list adds it with ``dose_after``.
    """
    after = [
        Medication(m.name, m.dose, m.route, m.frequency, m.prn, m.daily_dose) for m in (current or [])
    ]
    for entry in plan:
        index = next((i for i, med in enumerate(after) if _same(med.name, entry.medication)), None)
        action = entry.action
        if action in (MedicationAction.STOP, MedicationAction.SWITCH):
            if index is not None:
                del after[index]
            if action is MedicationAction.SWITCH and entry.switch_to and entry.switch_to.strip():
                after.append(
                    Medication(entry.switch_to.strip(), route=entry.route, daily_dose=entry.dose_after)
                )
        elif action in (MedicationAction.CONTINUE, MedicationAction.UNDECIDED, MedicationAction.PENDING):
            if index is None and action is MedicationAction.CONTINUE:
                after.append(Medication(entry.medication, route=entry.route, daily_dose=entry.dose_before))
        elif index is None:
            after.append(Medication(entry.medication, route=entry.route, daily_dose=entry.dose_after))
        elif entry.dose_after is not None:
            med = after[index]
            after[index] = Medication(
                med.name, med.dose, entry.route or med.route, med.frequency, med.prn, entry.dose_after
            )
    return after


NOT_YET_DECIDED = "not yet decided"


@dataclass(frozen=True)
class MmeChange:
    """MME/day of the current list and of the list after the decisions.

    ``after`` is ``None`` while any opioid's decision is pending or not made yet (``undecided`` names
    them): the MME after the plan is computed only from choices made.
    """

    before: MmeReport
    after: MmeReport | None
    #: Opioids reduced or changed without a target dose: the "after" total keeps their current dose.
    assumed_unchanged: tuple[str, ...] = ()
    #: Opioids whose decision is pending or not made yet.
    undecided: tuple[str, ...] = ()

    @property
    def after_text(self) -> str:
        """"12.5 MME/day" or "not yet decided"."""
        if self.after is None:
            return NOT_YET_DECIDED
        return f"{format_number(self.after.total)} MME/day"

    @property
    def text(self) -> str:
        """E.g. "30 -> 0 MME/day", or "30 MME/day -> not yet decided"."""
        if self.after is None:
            return f"{format_number(self.before.total)} MME/day -> {NOT_YET_DECIDED}"
        return f"{format_number(self.before.total)} -> {format_number(self.after.total)} MME/day"


def mme_change(current: Sequence[Medication] | None, plan: Sequence[MedicationPlanEntry]) -> MmeChange:
    """The MME/day before and after a medication plan (CDC 2022 factors, ``domain.mme``).

    A current opioid with no decided line in the plan counts as undecided, as does any opioid line
    whose decision is pending.
    """
    assumed = tuple(
        e.medication
        for e in plan
        if e.action in (MedicationAction.CHANGE, MedicationAction.REDUCE)
        and e.dose_after is None
        and e.is_opioid
    )
    undecided: list[str] = [e.medication for e in plan if not e.decided and e.is_opioid]
    decided_names = {e.medication.strip().casefold() for e in plan if e.decided}
    for med in current or []:
        name = med.name.strip()
        if not name or name.casefold() in decided_names:
            continue
        if mme_row(0, Medication(name=name)).opioid is None:
            continue
        if not any(_same(name, u) for u in undecided):
            undecided.append(name)
    before = mme_report(current)
    after = None if undecided else mme_report(medications_after(current, plan))
    return MmeChange(before, after, assumed, tuple(undecided))


# ---------------------------------------------------------------------------------------------------
# Versions


def next_version_of(plan: CarePlan) -> CarePlan:
    """A new draft copied from ``plan``: the next ``plan_version``, ``supersedes`` the old one.

    Every item keeps its ``uid`` (so the two versions can be compared) but loses its database id.
    The sign-offs are not copied (they were for the old text), and the patient's agreement goes back
    to "not yet asked" (notes kept): the patient has not seen the new version yet.
    """
    return CarePlan(
        case_id=plan.case_id,
        formulation=Formulation(
            plan.formulation.biological, plan.formulation.psychological, plan.formulation.social
        ),
        problems=[PlanProblem(p.text, p.uid) for p in plan.problems],
        goals=[Goal(g.description, g.measure, g.baseline, g.target, g.due, g.uid) for g in plan.goals],
        interventions=[
            Intervention(i.discipline, i.description, i.owner, i.due, i.status, i.uid, proposed=i.proposed)
            for i in plan.interventions
        ],
        medication_plan=[
            MedicationPlanEntry(
                m.action, m.medication, m.detail, m.route, m.dose_before, m.dose_after, m.uid,
                switch_to=m.switch_to, options=m.options, decided_by=m.decided_by, decide_by=m.decide_by,
            )
            for m in plan.medication_plan
        ],
        procedures=[Procedure(p.kind, p.notes, p.uid) for p in plan.procedures],
        risk_mitigations=[RiskMitigation(r.kind, r.detail, r.uid) for r in plan.risk_mitigations],
        disagreements=[Disagreement(d.issue, d.resolution, d.uid) for d in plan.disagreements],
        review_date=plan.review_date,
        responsible_clinician=plan.responsible_clinician,
        agreement=PatientAgreement(AgreementStatus.NOT_YET_ASKED, plan.agreement.notes),
        status=PlanStatus.DRAFT,
        plan_version=plan.plan_version + 1,
        supersedes=plan.id,
        agenda_item_id=plan.agenda_item_id,
        case_ref=plan.case_ref,
    )


@dataclass(frozen=True)
class OpenAction:
    """An open intervention of a case's current agreed plan: a follow-up for the next conference."""

    case_id: int
    case_ref: str
    patient_name: str
    plan_id: int
    plan_version: int
    intervention: Intervention
    #: The latest progress recorded on it (not done, or carried forward: ``intervention.due`` is then
    #: the new date), if any.
    progress: ActionProgress | None = None
