"""Reading and writing care plans: domain :class:`CarePlan` objects to and from ``careplan_models`` rows.

The plan's own row is updated with an explicit statement that states the version its user saw; its items
are replaced as a whole on each save (they are identified across saves and versions by their ``uid``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from mdtboard.domain.careplan import (
    CarePlan,
)
from mdtboard.domain.case import DailyDose
from mdtboard.storage.careplan_models import (
    CarePlanDisagreementRow,
    CarePlanGoalRow,
    CarePlanInterventionRow,
    CarePlanMedicationRow,
    CarePlanProblemRow,
    CarePlanProcedureRow,
    CarePlanRiskRow,
    CarePlanRow,
    CarePlanSignOffRow,
    CarePlanWithdrawalRow,
)
from mdtboard.storage.careplan_reading import to_plan
from mdtboard.storage.models import (
    AgendaItemRow,
    AttendeeRow,
    CaseRow,
    ConferenceRow,
    DisciplineInputRow,
    utcnow,
)

ITEM_TABLES: tuple[Any, ...] = (
    CarePlanProblemRow,
    CarePlanGoalRow,
    CarePlanInterventionRow,
    CarePlanMedicationRow,
    CarePlanProcedureRow,
    CarePlanRiskRow,
    CarePlanDisagreementRow,
)


# ---------------------------------------------------------------------------- domain -> rows


def plan_values(plan: CarePlan) -> dict[str, Any]:
    """The editable columns of ``care_plans`` (no id, case, version number, status or times)."""
    return {
        "formulation_biological": plan.formulation.biological,
        "formulation_psychological": plan.formulation.psychological,
        "formulation_social": plan.formulation.social,
        "review_date": plan.review_date,
        "responsible_clinician": plan.responsible_clinician,
        "agreement_status": str(plan.agreement.status),
        "agreement_notes": plan.agreement.notes,
        "restriction_acknowledged": plan.restriction_acknowledged,
        "open_items_reason": plan.open_items_reason,
    }


def _dose(dose: DailyDose | None) -> tuple[float | None, str | None]:
    return (None, None) if dose is None else (dose.amount, dose.unit)


def item_rows(plan_id: int, plan: CarePlan) -> dict[Any, list[dict[str, Any]]]:
    def base(pos: int, uid: str) -> dict[str, Any]:
        return {"plan_id": plan_id, "position": pos, "uid": uid}

    rows: dict[Any, list[dict[str, Any]]] = {
        CarePlanProblemRow: [base(i, p.uid) | {"text": p.text} for i, p in enumerate(plan.problems)],
        CarePlanGoalRow: [
            base(i, g.uid) | {
                "description": g.description, "measure": g.measure, "baseline": g.baseline,
                "target": g.target, "due_date": g.due,
            }
            for i, g in enumerate(plan.goals)
        ],
        CarePlanInterventionRow: [
            base(i, v.uid) | {
                "discipline": str(v.discipline), "description": v.description, "owner": v.owner,
                "due_date": v.due, "status": str(v.status), "proposed": v.proposed,
            }
            for i, v in enumerate(plan.interventions)
        ],
        CarePlanMedicationRow: [],
        CarePlanProcedureRow: [
            base(i, p.uid) | {"kind": str(p.kind), "notes": p.notes} for i, p in enumerate(plan.procedures)
        ],
        CarePlanRiskRow: [
            base(i, r.uid) | {"kind": str(r.kind), "detail": r.detail}
            for i, r in enumerate(plan.risk_mitigations)
        ],
        CarePlanDisagreementRow: [
            base(i, d.uid) | {"issue": d.issue, "resolution": d.resolution}
            for i, d in enumerate(plan.disagreements)
        ],
    }
    for i, m in enumerate(plan.medication_plan):
        before_amount, before_unit = _dose(m.dose_before)
        after_amount, after_unit = _dose(m.dose_after)
        rows[CarePlanMedicationRow].append(base(i, m.uid) | {
            "action": str(m.action), "medication": m.medication, "detail": m.detail, "route": m.route,
            "before_amount": before_amount, "before_unit": before_unit,
            "after_amount": after_amount, "after_unit": after_unit,
            "switch_to": m.switch_to, "options": m.options, "decided_by": m.decided_by,
            "decide_by": m.decide_by,
        })
    return rows


def insert_items(session: Session, plan_id: int, plan: CarePlan) -> None:
    for table, values in item_rows(plan_id, plan).items():
        if values:
            session.execute(sa.insert(table), values)


def delete_items(session: Session, plan_id: int) -> None:
    for table in ITEM_TABLES:
        session.execute(sa.delete(table).where(table.plan_id == plan_id))


def insert_plan(session: Session, plan: CarePlan) -> int:
    """Insert a new plan with its items and sign-offs; returns its id."""
    row = CarePlanRow(
        case_id=plan.case_id,
        agenda_item_id=plan.agenda_item_id,
        plan_version=plan.plan_version,
        supersedes_id=plan.supersedes,
        status=str(plan.status),
        signed_at=plan.signed_at,
        version=0,
        **plan_values(plan),
    )
    session.add(row)
    session.flush()
    insert_items(session, row.id, plan)
    for pos, s in enumerate(plan.sign_offs):
        session.add(CarePlanSignOffRow(
            plan_id=row.id, position=pos, discipline=str(s.discipline), name=s.name, signed_at=s.signed_at
        ))
    session.flush()
    return row.id


# ---------------------------------------------------------------------------- rows -> domain


def _load_options() -> list[Any]:
    return [
        selectinload(CarePlanRow.problems),
        selectinload(CarePlanRow.goals),
        selectinload(CarePlanRow.interventions),
        selectinload(CarePlanRow.medications),
        selectinload(CarePlanRow.procedures),
        selectinload(CarePlanRow.risks),
        selectinload(CarePlanRow.disagreements),
        selectinload(CarePlanRow.sign_offs),
    ]


def load_plans(session: Session, *where: Any, order: Sequence[Any] | None = None) -> list[CarePlan]:
    """Plans matching ``where`` (conditions on ``CarePlanRow``), with their case reference and the
    conference they were agreed in."""
    stmt = (
        sa.select(CarePlanRow, CaseRow.ref, ConferenceRow)
        .join(CaseRow, CaseRow.id == CarePlanRow.case_id)
        .outerjoin(AgendaItemRow, AgendaItemRow.id == CarePlanRow.agenda_item_id)
        .outerjoin(ConferenceRow, ConferenceRow.id == AgendaItemRow.conference_id)
        .where(*where)
        .options(*_load_options())
        .order_by(*(order or (CarePlanRow.case_id, CarePlanRow.plan_version)))
    )
    return [to_plan(row, ref, conf) for row, ref, conf in session.execute(stmt)]


def load_plan(session: Session, plan_id: int) -> CarePlan | None:
    found = load_plans(session, CarePlanRow.id == plan_id)
    return found[0] if found else None


def latest_version(session: Session, case_id: int, *, signed_only: bool = False) -> int | None:
    stmt = sa.select(sa.func.max(CarePlanRow.plan_version)).where(CarePlanRow.case_id == case_id)
    if signed_only:
        stmt = stmt.where(CarePlanRow.status == "signed")
    value = session.execute(stmt).scalar_one_or_none()
    return None if value is None else int(value)


def latest_signed_ids(case_ids: Sequence[int] | None = None) -> sa.Select[Any]:
    """``SELECT id`` of each case's latest signed plan."""
    latest = (
        sa.select(CarePlanRow.case_id, sa.func.max(CarePlanRow.plan_version).label("plan_version"))
        .where(CarePlanRow.status == "signed")
        .group_by(CarePlanRow.case_id)
    )
    if case_ids is not None:
        latest = latest.where(CarePlanRow.case_id.in_(case_ids))
    sub = latest.subquery()
    return sa.select(CarePlanRow.id).join(
        sub, sa.and_(sub.c.case_id == CarePlanRow.case_id, sub.c.plan_version == CarePlanRow.plan_version)
    )


def plans_of_case(session: Session, case_id: int, plan_version: int | None = None) -> list[CarePlan]:
    """Every version of the case's plan (or the one ``plan_version``), oldest first."""
    where = [CarePlanRow.case_id == case_id]
    if plan_version is not None:
        where.append(CarePlanRow.plan_version == plan_version)
    return load_plans(session, *where)


def open_action_rows(
    session: Session, case_ids: Sequence[int] | None
) -> list[tuple[CarePlanInterventionRow, CarePlanRow, str, str]]:
    """The open, agreed interventions of each case's latest signed plan (of the cases given, or all), with
    their plan, case reference and patient's display name; by due date, case, position."""
    rows = session.execute(
        sa.select(CarePlanInterventionRow, CarePlanRow, CaseRow.ref, CaseRow.display_name)
        .join(CarePlanRow, CarePlanRow.id == CarePlanInterventionRow.plan_id)
        .join(CaseRow, CaseRow.id == CarePlanRow.case_id)
        .where(
            CarePlanInterventionRow.plan_id.in_(latest_signed_ids(case_ids)),
            CarePlanInterventionRow.status == "open",
            CarePlanInterventionRow.proposed.is_(False),
        )
        .order_by(CarePlanInterventionRow.due_date, CaseRow.ref, CarePlanInterventionRow.position)
    )
    return [(item, plan, ref, name) for item, plan, ref, name in rows]


def bump_draft(session: Session, plan_id: int, seen_version: int, **values: Any) -> int | None:
    """``UPDATE care_plans SET ..., version = version + 1 WHERE id AND version = :seen AND draft``: the new
    version, or None when the plan is no longer that draft."""
    new = session.execute(
        sa.update(CarePlanRow)
        .where(CarePlanRow.id == plan_id, CarePlanRow.version == seen_version, CarePlanRow.status == "draft")
        .values(version=CarePlanRow.version + 1, updated_at=utcnow(), **values)
        .returning(CarePlanRow.version)
    ).scalar_one_or_none()
    return None if new is None else int(new)


def delete_draft(session: Session, plan_id: int, seen_version: int) -> bool:
    """Delete the plan if it is still a draft at ``seen_version``."""
    deleted = session.execute(
        sa.delete(CarePlanRow).where(
            CarePlanRow.id == plan_id, CarePlanRow.version == seen_version, CarePlanRow.status == "draft"
        )
    ).rowcount  # type: ignore[attr-defined]
    return bool(deleted == 1)


def add_sign_off(session: Session, plan_id: int, **values: Any) -> None:
    """A discipline lead's signature (position, discipline, name, signed_at, account_id, fingerprint)."""
    session.add(CarePlanSignOffRow(plan_id=plan_id, **values))


def add_withdrawal(session: Session, plan_id: int, **values: Any) -> None:
    """A withdrawn signature, kept: whose it was, who withdrew it, why and when."""
    session.add(CarePlanWithdrawalRow(plan_id=plan_id, **values))


def delete_sign_offs(session: Session, plan_id: int, discipline: str | None = None) -> None:
    """The plan's sign-offs (of one discipline when given) are taken back."""
    where = [CarePlanSignOffRow.plan_id == plan_id]
    if discipline is not None:
        where.append(CarePlanSignOffRow.discipline == discipline)
    session.execute(sa.delete(CarePlanSignOffRow).where(*where))


def mark_signed(session: Session, plan_id: int, signed_at: datetime) -> None:
    session.execute(
        sa.update(CarePlanRow).where(CarePlanRow.id == plan_id).values(status="signed", signed_at=signed_at)
    )


def agenda_item(session: Session, agenda_item_id: int) -> AgendaItemRow | None:
    return session.get(AgendaItemRow, agenda_item_id)


def input_rows_for(session: Session, case_id: int, agenda_item_id: int | None) -> list[DisciplineInputRow]:
    """The case's own inputs, then those given in the conference on ``agenda_item_id``."""
    return list(session.scalars(
        sa.select(DisciplineInputRow)
        .where(
            DisciplineInputRow.case_id == case_id,
            sa.or_(
                DisciplineInputRow.agenda_item_id.is_(None),
                DisciplineInputRow.agenda_item_id == agenda_item_id,
            ),
        )
        .order_by(DisciplineInputRow.agenda_item_id.is_not(None), DisciplineInputRow.position)
    ))


def attendee_rows_of_item(session: Session, agenda_item_id: int) -> list[AttendeeRow]:
    """The attendance list of the conference the agenda item belongs to."""
    return list(session.scalars(
        sa.select(AttendeeRow)
        .join(AgendaItemRow, AgendaItemRow.conference_id == AttendeeRow.conference_id)
        .where(AgendaItemRow.id == agenda_item_id)
        .order_by(AttendeeRow.position)
    ))
