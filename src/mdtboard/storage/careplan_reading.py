"""Between the rows of ``care_plans`` (with their parts), their progress records and attendance lists,
and domain objects, reading only. No SQLAlchemy here: the rows may be the ORM's
(:mod:`mdtboard.storage.careplan_repo`, :mod:`mdtboard.storage.careplan_progress_repo`) or plain ones read
with ``sqlite3`` (:mod:`mdtboard.storage.quick_printout`), any object with the models' attribute names and
the children in the relationships' order; both are read back by these very functions."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from mdtboard.domain.careplan import (
    AgreementStatus,
    CarePlan,
    Disagreement,
    Formulation,
    Goal,
    Intervention,
    InterventionStatus,
    MedicationAction,
    MedicationPlanEntry,
    PatientAgreement,
    PlanProblem,
    PlanStatus,
    Procedure,
    ProcedureKind,
    RiskKind,
    RiskMitigation,
    SignOff,
)
from mdtboard.domain.careplan_progress import ActionProgress, ProgressState
from mdtboard.domain.case import DailyDose, Discipline
from mdtboard.domain.conference import Attendee, AttendeeRole


def aware(value: datetime | None) -> datetime | None:
    """Times are stored in UTC; SQLite gives them back without a time zone."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _daily(amount: float | None, unit: str | None) -> DailyDose | None:
    return None if amount is None or unit is None else DailyDose(amount, unit)


def to_plan(row: Any, case_ref: str = "", conference: Any | None = None) -> CarePlan:
    return CarePlan(
        case_id=row.case_id,
        formulation=Formulation(
            row.formulation_biological, row.formulation_psychological, row.formulation_social
        ),
        problems=[PlanProblem(p.text, p.uid, p.id) for p in row.problems],
        goals=[
            Goal(g.description, g.measure, g.baseline, g.target, g.due_date, g.uid, g.id) for g in row.goals
        ],
        interventions=[
            Intervention(
                Discipline(v.discipline), v.description, v.owner, v.due_date, InterventionStatus(v.status),
                v.uid, v.id, proposed=bool(v.proposed),
            )
            for v in row.interventions
        ],
        medication_plan=[
            MedicationPlanEntry(
                MedicationAction(m.action), m.medication, m.detail, m.route,
                _daily(m.before_amount, m.before_unit), _daily(m.after_amount, m.after_unit), m.uid, m.id,
                switch_to=m.switch_to, options=m.options, decided_by=m.decided_by, decide_by=m.decide_by,
            )
            for m in row.medications
        ],
        procedures=[Procedure(ProcedureKind(p.kind), p.notes, p.uid, p.id) for p in row.procedures],
        risk_mitigations=[RiskMitigation(RiskKind(r.kind), r.detail, r.uid, r.id) for r in row.risks],
        disagreements=[Disagreement(d.issue, d.resolution, d.uid, d.id) for d in row.disagreements],
        review_date=row.review_date,
        responsible_clinician=row.responsible_clinician,
        agreement=PatientAgreement(AgreementStatus(row.agreement_status), row.agreement_notes),
        restriction_acknowledged=bool(row.restriction_acknowledged),
        open_items_reason=row.open_items_reason,
        sign_offs=[
            SignOff(Discipline(s.discipline), s.name, aware(s.signed_at) or s.signed_at, s.id, s.account_id,
                    s.fingerprint)
            for s in row.sign_offs
        ],
        status=PlanStatus(row.status),
        plan_version=row.plan_version,
        supersedes=row.supersedes_id,
        agenda_item_id=row.agenda_item_id,
        id=row.id,
        version=row.version,
        created_at=aware(row.created_at),
        updated_at=aware(row.updated_at),
        signed_at=aware(row.signed_at),
        case_ref=case_ref,
        conference_id=conference.id if conference else None,
        conference_title=conference.title if conference else None,
        conference_date=conference.starts_at if conference else None,
    )


def to_progress(row: Any) -> ActionProgress:
    recorded = aware(row.recorded_at)
    assert recorded is not None
    return ActionProgress(
        plan_id=row.plan_id,
        intervention_uid=row.intervention_uid,
        state=ProgressState(row.state),
        recorded_by=row.recorded_by,
        recorded_at=recorded,
        reason=row.reason,
        new_due=row.new_due,
        agenda_item_id=row.agenda_item_id,
        id=row.id,
    )


def to_attendee(row: Any) -> Attendee:
    return Attendee(row.name, Discipline(row.discipline), AttendeeRole(row.role), row.id, row.version)
