"""Recorded timing in the database: the segments of each agenda item's timer runs (phases and who held
the floor) and each conference's meeting clock. Functions take the caller's session and return plain
data; :mod:`mdtboard.services.timing` turns segments into records."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from mdtboard.storage.models import AgendaItemRow, ConferenceRow
from mdtboard.storage.timing_models import MeetingClockRow, TimingSegmentRow


@dataclass(frozen=True)
class Segment:
    """One stored stretch of a timer run: a phase or who held the floor (``kind``), open while ``ended_at``
    is None. Times as stored (UTC; SQLite gives them back without their zone)."""

    agenda_item_id: int
    run_key: str
    kind: str
    phase: str | None
    discipline: str | None
    started_at: datetime
    ended_at: datetime | None


@dataclass(frozen=True)
class Clock:
    """A conference's meeting clock as stored."""

    conference_id: int
    started_at: datetime
    ended_at: datetime | None
    version: int


def item_exists(session: Session, item_id: int) -> bool:
    return session.get(AgendaItemRow, item_id) is not None


def conference_exists(session: Session, conf_id: int) -> bool:
    return session.get(ConferenceRow, conf_id) is not None


def agenda_item_ids(session: Session, conf_id: int) -> list[int]:
    return list(session.scalars(sa.select(AgendaItemRow.id).where(AgendaItemRow.conference_id == conf_id)))


def replace_run(session: Session, item_id: int, run_key: str, rows: Sequence[dict[str, Any]]) -> None:
    """Write the segments of one run of an item's timer, replacing what was written of that run before."""
    session.execute(
        sa.delete(TimingSegmentRow).where(
            TimingSegmentRow.agenda_item_id == item_id, TimingSegmentRow.run_key == run_key
        )
    )
    if rows:
        session.execute(sa.insert(TimingSegmentRow), list(rows))


def segments(session: Session, item_ids: Sequence[int]) -> list[Segment]:
    """Every stored segment of ``item_ids``, in the order they began."""
    if not item_ids:
        return []
    return [
        Segment(r.agenda_item_id, r.run_key, r.kind, r.phase, r.discipline, r.started_at, r.ended_at)
        for r in session.scalars(
            sa.select(TimingSegmentRow)
            .where(TimingSegmentRow.agenda_item_id.in_(item_ids))
            .order_by(TimingSegmentRow.started_at, TimingSegmentRow.kind, TimingSegmentRow.position)
        )
    ]


def _clock(row: MeetingClockRow) -> Clock:
    return Clock(row.conference_id, row.started_at, row.ended_at, row.version)


def clock(session: Session, conf_id: int) -> Clock | None:
    row = session.get(MeetingClockRow, conf_id)
    return None if row is None else _clock(row)


def start_clock(session: Session, conf_id: int, at: datetime) -> Clock:
    """The conference's clock, started at ``at`` unless it was started before."""
    row = session.get(MeetingClockRow, conf_id)
    if row is None:
        row = MeetingClockRow(conference_id=conf_id, started_at=at, version=0)
        session.add(row)
        session.flush()
    return _clock(row)


def set_clock_end(session: Session, conf_id: int, at: datetime | None) -> Clock | None:
    """Record (or, with None, take back) the meeting's end; None when the clock was never started."""
    row = session.get(MeetingClockRow, conf_id)
    if row is None:
        return None
    if row.ended_at != at:
        row.ended_at = at
        row.version += 1
        session.flush()
    return _clock(row)
