"""Reading and writing progress on the actions of signed plans (``care_plan_progress``): one row per
record, the latest per action its state."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from mdtboard.domain.careplan_progress import ActionProgress
from mdtboard.storage.careplan_models import CarePlanProgressRow
from mdtboard.storage.careplan_reading import to_progress


def insert_progress(session: Session, progress: ActionProgress) -> int:
    row = CarePlanProgressRow(
        plan_id=progress.plan_id,
        intervention_uid=progress.intervention_uid,
        state=str(progress.state),
        reason=progress.reason,
        new_due=progress.new_due,
        recorded_by=progress.recorded_by,
        recorded_at=progress.recorded_at,
        agenda_item_id=progress.agenda_item_id,
    )
    session.add(row)
    session.flush()
    return int(row.id)


def latest_progress(session: Session, plan_ids: Iterable[int]) -> dict[tuple[int, str], ActionProgress]:
    """The latest progress record (the last one stored) of every action of the plans ``plan_ids``, by
    (plan id, action uid)."""
    ids = list(plan_ids)
    if not ids:
        return {}
    rows = session.scalars(
        sa.select(CarePlanProgressRow)
        .where(CarePlanProgressRow.plan_id.in_(ids))
        .order_by(CarePlanProgressRow.id)
    )
    return {(r.plan_id, r.intervention_uid): to_progress(r) for r in rows}


def history(session: Session, plan_id: int, uid: str) -> list[ActionProgress]:
    """Every progress record of one action, oldest first."""
    rows = session.scalars(
        sa.select(CarePlanProgressRow)
        .where(CarePlanProgressRow.plan_id == plan_id, CarePlanProgressRow.intervention_uid == uid)
        .order_by(CarePlanProgressRow.id)
    )
    return [to_progress(r) for r in rows]
