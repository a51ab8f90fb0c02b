"""Use cases on conferences: attendance, the agenda, and each discipline's input on a case."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from mdtboard.domain.case import Discipline, DisciplineInput
from mdtboard.domain.conference import (
    DEFERRAL_REASON_MAX,
    AgendaItem,
    AgendaStatus,
    Attendee,
    AttendeeRole,
    Conference,
    ConferenceMode,
    planned_span,
    room_clashes,
    same_room,
)
from mdtboard.domain.errors import ConflictError, InvalidInputError, NotFoundError, Problem
from mdtboard.services.uow import read_only, unit_of_work
from mdtboard.storage.case_repo import to_input
from mdtboard.storage.db import Database
from mdtboard.storage.models import (
    AgendaItemRow,
    AttendeeRow,
    CaseRow,
    ConferenceRow,
    DisciplineInputRow,
    utcnow,
)

TEXT_MAX = 20000


def _check_conference(conf: Conference) -> None:
    problems = []
    if not conf.title or not conf.title.strip():
        problems.append(Problem("title", "must not be empty"))
    elif len(conf.title) > 200:
        problems.append(Problem("title", f"is {len(conf.title)} characters long, more than the maximum 200"))
    for name in ("room", "chair"):
        value = getattr(conf, name)
        if value is not None and len(value) > 200:
            problems.append(Problem(name, f"is {len(value)} characters long, more than the maximum 200"))
    if not 1 <= conf.default_minutes <= 240:
        problems.append(
            Problem("default_minutes", f"{conf.default_minutes} is not between 1 and 240 minutes")
        )
    if problems:
        raise InvalidInputError(problems)


def _check_minutes(minutes: int) -> None:
    if not 1 <= minutes <= 240:
        raise InvalidInputError(Problem("minutes", f"{minutes} is not between 1 and 240 minutes"))


def _check_attendee(att: Attendee) -> None:
    problems = []
    if not att.name or not att.name.strip():
        problems.append(Problem("name", "must not be empty"))
    elif len(att.name) > 200:
        problems.append(Problem("name", f"is {len(att.name)} characters long, more than the maximum 200"))
    if not isinstance(att.discipline, Discipline):
        problems.append(Problem("discipline", f"{att.discipline!r} is not a known discipline"))
    if not isinstance(att.role, AttendeeRole):
        problems.append(Problem("role", f"{att.role!r} is not a known role"))
    if problems:
        raise InvalidInputError(problems)


def _check_input(inp: DisciplineInput) -> None:
    problems = []
    if not isinstance(inp.discipline, Discipline):
        problems.append(Problem("discipline", f"{inp.discipline!r} is not a known discipline"))
    if inp.author is not None and len(inp.author) > 200:
        problems.append(Problem("author", f"is {len(inp.author)} characters long, more than the maximum 200"))
    for name in ("assessment", "recommendations"):
        value = getattr(inp, name)
        if value is not None and len(value) > TEXT_MAX:
            problems.append(
                Problem(name, f"is {len(value)} characters long, more than the maximum {TEXT_MAX}")
            )
        if value is not None and "\x00" in value:
            problems.append(Problem(name, "contains a NUL character, which cannot be stored"))
    if problems:
        raise InvalidInputError(problems)


def _to_attendee(row: AttendeeRow) -> Attendee:
    return Attendee(
        name=row.name,
        discipline=Discipline(row.discipline),
        role=AttendeeRole(row.role),
        id=row.id,
        version=row.version,
    )


def _to_item(row: AgendaItemRow, case: CaseRow | None = None) -> AgendaItem:
    return AgendaItem(
        case_id=row.case_id,
        position=row.position,
        minutes=row.minutes,
        status=AgendaStatus(row.status),
        started_at=row.started_at,
        ended_at=row.ended_at,
        id=row.id,
        version=row.version,
        deferral_reason=row.deferral_reason,
        case_ref=case.ref if case else "",
        case_title=case.title if case else None,
        patient_name=case.display_name if case else "",
    )


def _to_conference(row: ConferenceRow, cases: dict[int, CaseRow]) -> Conference:
    return Conference(
        title=row.title,
        starts_at=row.starts_at,
        room=row.room,
        mode=ConferenceMode(row.mode),
        chair=row.chair,
        default_minutes=row.default_minutes,
        attendees=[_to_attendee(a) for a in row.attendees],
        agenda=[_to_item(i, cases.get(i.case_id)) for i in row.agenda],
        id=row.id,
        version=row.version,
    )


def _bump(session: Session, table: Any, row_id: int, seen: int, what: str, **values: Any) -> int:
    """``UPDATE table SET ..., version = version + 1 WHERE id = :id AND version = :seen``."""
    result = session.execute(
        sa.update(table)
        .where(table.id == row_id, table.version == seen)
        .values(version=table.version + 1, **values)
        .returning(table.version)
    )
    new = result.scalar_one_or_none()
    if new is None:
        exists = session.execute(sa.select(table.version).where(table.id == row_id)).scalar_one_or_none()
        session.rollback()
        if exists is None:
            raise NotFoundError(what, row_id)
        raise ConflictError(what, row_id, seen_version=seen, mine=values)
    return int(new)


class ConferenceService:
    """Conferences, each call its own unit of work."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- conferences
    def create(self, conf: Conference) -> Conference:
        _check_conference(conf)
        with unit_of_work(self.db) as session:
            row = ConferenceRow(
                title=conf.title.strip(),
                starts_at=conf.starts_at,
                room=conf.room,
                mode=str(conf.mode),
                chair=conf.chair,
                default_minutes=conf.default_minutes,
                version=0,
            )
            session.add(row)
            session.flush()
            conf_id = row.id
        for att in conf.attendees:
            self.add_attendee(conf_id, att)
        for item in conf.agenda:
            self.add_agenda_item(conf_id, item.case_id, minutes=item.minutes)
        return self.get(conf_id)

    def get(self, conf_id: int) -> Conference:
        with read_only(self.db) as session:
            row = session.scalars(
                sa.select(ConferenceRow)
                .where(ConferenceRow.id == conf_id)
                .options(selectinload(ConferenceRow.attendees), selectinload(ConferenceRow.agenda))
            ).one_or_none()
            if row is None:
                raise NotFoundError("conference", conf_id)
            case_ids = [i.case_id for i in row.agenda]
            cases = {c.id: c for c in session.scalars(sa.select(CaseRow).where(CaseRow.id.in_(case_ids)))}
            return _to_conference(row, cases)

    def list(
        self, *, upcoming_from: datetime | None = None, past_before: datetime | None = None
    ) -> list[Conference]:
        """Conferences without their attendees and agenda: upcoming ones soonest first, past ones latest
        first, all of them latest first when no bound is given."""
        stmt = sa.select(ConferenceRow)
        if upcoming_from is not None:
            stmt = stmt.where(ConferenceRow.starts_at >= upcoming_from).order_by(ConferenceRow.starts_at)
        elif past_before is not None:
            stmt = stmt.where(ConferenceRow.starts_at < past_before).order_by(ConferenceRow.starts_at.desc())
        else:
            stmt = stmt.order_by(ConferenceRow.starts_at.desc())
        with read_only(self.db) as session:
            return [
                Conference(
                    title=r.title,
                    starts_at=r.starts_at,
                    room=r.room,
                    mode=ConferenceMode(r.mode),
                    chair=r.chair,
                    default_minutes=r.default_minutes,
                    id=r.id,
                    version=r.version,
                )
                for r in session.scalars(stmt)
            ]

    def update(self, conf: Conference) -> Conference:
        """Save the conference's own fields (title, time, room, mode, chair, default minutes)."""
        if conf.id is None:
            raise NotFoundError("conference", conf.title)
        _check_conference(conf)
        with unit_of_work(self.db) as session:
            _bump(
                session,
                ConferenceRow,
                conf.id,
                conf.version,
                "conference",
                title=conf.title.strip(),
                starts_at=conf.starts_at,
                room=conf.room,
                mode=str(conf.mode),
                chair=conf.chair,
                default_minutes=conf.default_minutes,
                updated_at=utcnow(),
            )
        return self.get(conf.id)

    def delete(self, conf_id: int) -> None:
        with unit_of_work(self.db) as session:
            session.execute(sa.delete(ConferenceRow).where(ConferenceRow.id == conf_id))

    # -- attendance
    def add_attendee(self, conf_id: int, att: Attendee) -> Attendee:
        _check_attendee(att)
        with unit_of_work(self.db) as session:
            if session.get(ConferenceRow, conf_id) is None:
                raise NotFoundError("conference", conf_id)
            position = session.execute(
                sa.select(sa.func.coalesce(sa.func.max(AttendeeRow.position) + 1, 0)).where(
                    AttendeeRow.conference_id == conf_id
                )
            ).scalar_one()
            row = AttendeeRow(
                conference_id=conf_id,
                position=position,
                name=att.name.strip(),
                discipline=str(att.discipline),
                role=str(att.role),
                version=0,
            )
            session.add(row)
            session.flush()
            return _to_attendee(row)

    def update_attendee(self, att: Attendee) -> Attendee:
        if att.id is None:
            raise NotFoundError("attendee", att.name)
        _check_attendee(att)
        with unit_of_work(self.db) as session:
            version = _bump(
                session,
                AttendeeRow,
                att.id,
                att.version,
                "attendee",
                name=att.name.strip(),
                discipline=str(att.discipline),
                role=str(att.role),
            )
        return replace(att, version=version)

    def remove_attendee(self, attendee_id: int) -> None:
        with unit_of_work(self.db) as session:
            session.execute(sa.delete(AttendeeRow).where(AttendeeRow.id == attendee_id))

    # -- agenda
    def add_agenda_item(
        self, conf_id: int, case_id: int, *, minutes: int | None = None, position: int | None = None
    ) -> AgendaItem:
        """Put a case on the agenda (at the end, or at ``position``), with the conference's default budget
        unless ``minutes`` is given."""
        with unit_of_work(self.db) as session:
            conf = session.get(ConferenceRow, conf_id)
            if conf is None:
                raise NotFoundError("conference", conf_id)
            case = session.get(CaseRow, case_id)
            if case is None:
                raise NotFoundError("case", case_id)
            if conf.mode == "training" and _under_teaching_review(session, case_id):
                raise InvalidInputError(Problem(
                    "case",
                    f"{case.ref} is a draft teaching case still under review: it may still identify a "
                    "patient. "
                    "Finish its review (Training > Make a teaching case) before teaching with it",
                ))
            budget = conf.default_minutes if minutes is None else minutes
            _check_minutes(budget)
            row = self._insert_item(session, conf_id, case, position, minutes=budget, status="pending")
            return _to_item(row, case)

    def restore_agenda_item(
        self, conf_id: int, item: AgendaItem, inputs: Sequence[DisciplineInput] = ()
    ) -> AgendaItem:
        """Put back an agenda item that was removed (to undo the removal): at ``item.position``, with its
        time budget, status, start and end times, and the discipline input given on it, in one unit of
        work. The restored item and inputs get new ids."""
        for inp in inputs:
            _check_input(inp)
        with unit_of_work(self.db) as session:
            if session.get(ConferenceRow, conf_id) is None:
                raise NotFoundError("conference", conf_id)
            case = session.get(CaseRow, item.case_id)
            if case is None:
                raise NotFoundError("case", item.case_id)
            _check_minutes(item.minutes)
            row = self._insert_item(
                session,
                conf_id,
                case,
                item.position,
                minutes=item.minutes,
                status=str(item.status),
                started_at=item.started_at,
                ended_at=item.ended_at,
            )
            now = utcnow()
            for position, inp in enumerate(inputs):
                session.add(
                    DisciplineInputRow(
                        case_id=item.case_id,
                        agenda_item_id=row.id,
                        position=position,
                        discipline=str(inp.discipline),
                        author=inp.author,
                        assessment=inp.assessment,
                        recommendations=inp.recommendations,
                        version=0,
                        created_at=inp.created_at or now,
                        updated_at=inp.updated_at or now,
                    )
                )
            session.flush()
            return _to_item(row, case)

    def _insert_item(
        self, session: Session, conf_id: int, case: CaseRow, position: int | None, **values: Any
    ) -> AgendaItemRow:
        """Insert an agenda row for ``case`` at ``position`` (None: at the end), moving later items down."""
        taken = session.execute(
            sa.select(AgendaItemRow.id).where(
                AgendaItemRow.conference_id == conf_id, AgendaItemRow.case_id == case.id
            )
        ).first()
        if taken is not None:
            raise InvalidInputError(
                Problem("agenda", f"case {case.ref} is already on this conference's agenda")
            )
        ids = list(
            session.scalars(
                sa.select(AgendaItemRow.id)
                .where(AgendaItemRow.conference_id == conf_id)
                .order_by(AgendaItemRow.position)
            )
        )
        at = len(ids) if position is None else max(0, min(position, len(ids)))
        row = AgendaItemRow(conference_id=conf_id, case_id=case.id, position=at, version=0, **values)
        for pos, item_id in enumerate(ids[at:], start=at + 1):
            session.execute(sa.update(AgendaItemRow).where(AgendaItemRow.id == item_id).values(position=pos))
        session.add(row)
        session.flush()
        return row

    def remove_agenda_item(self, item_id: int) -> None:
        with unit_of_work(self.db) as session:
            row = session.get(AgendaItemRow, item_id)
            if row is None:
                raise NotFoundError("agenda item", item_id)
            conf_id = row.conference_id
            session.delete(row)
            session.flush()
            self._renumber(session, conf_id)

    def _renumber(self, session: Session, conf_id: int, order: Sequence[int] | None = None) -> None:
        ids = list(
            order
            if order is not None
            else session.scalars(
                sa.select(AgendaItemRow.id)
                .where(AgendaItemRow.conference_id == conf_id)
                .order_by(AgendaItemRow.position)
            )
        )
        for pos, item_id in enumerate(ids):
            session.execute(sa.update(AgendaItemRow).where(AgendaItemRow.id == item_id).values(position=pos))

    # Below ``def list``, a bare ``list`` in an annotation names that method: hence ``builtins.list``.
    def reorder(self, conf_id: int, item_ids: Sequence[int]) -> builtins.list[AgendaItem]:
        """Put the agenda in the order given, which must name every item of the conference once."""
        with unit_of_work(self.db) as session:
            current = set(
                session.scalars(sa.select(AgendaItemRow.id).where(AgendaItemRow.conference_id == conf_id))
            )
            if set(item_ids) != current or len(item_ids) != len(current):
                raise InvalidInputError(
                    Problem(
                        "agenda",
                        "the new order does not name every agenda item exactly once (changed meanwhile?)",
                    )
                )
            self._renumber(session, conf_id, item_ids)
        return self.get(conf_id).agenda

    def move(self, item_id: int, offset: int) -> builtins.list[AgendaItem]:
        """Move an agenda item up (negative) or down (positive) by ``offset`` places."""
        with read_only(self.db) as session:
            row = session.get(AgendaItemRow, item_id)
            if row is None:
                raise NotFoundError("agenda item", item_id)
            conf_id = row.conference_id
        order = [i.id for i in self.get(conf_id).agenda if i.id is not None]
        index = order.index(item_id)
        target = max(0, min(len(order) - 1, index + offset))
        order.insert(target, order.pop(index))
        return self.reorder(conf_id, order)

    def update_agenda_item(
        self,
        item: AgendaItem,
        *,
        status: AgendaStatus | None = None,
        minutes: int | None = None,
        reason: str | None = None,
    ) -> AgendaItem:
        """Change an item's status or time budget; starting discussion stamps the start time, finishing or
        deferring stamps the end time. ``reason`` says why a case is deferred (kept only while it is)."""
        if item.id is None:
            raise NotFoundError("agenda item", item.case_ref)
        values: dict[str, Any] = {}
        if status is not None:
            deferred = status is AgendaStatus.DEFERRED
            reason = (" ".join((reason or "").split()) or None) if deferred else None
            if reason is not None and len(reason) > DEFERRAL_REASON_MAX:
                raise InvalidInputError(
                    Problem(
                        "deferral reason",
                        f"is {len(reason)} characters long, more than the maximum {DEFERRAL_REASON_MAX}",
                    ),
                    source=f"Deferring {item.case_ref}",
                )
            values["deferral_reason"] = reason
        if minutes is not None:
            _check_minutes(minutes)
            values["minutes"] = minutes
        if status is not None:
            values["status"] = str(status)
            now = utcnow()
            if status is AgendaStatus.IN_DISCUSSION and item.started_at is None:
                values["started_at"] = now
            if status in (AgendaStatus.DISCUSSED, AgendaStatus.DEFERRED):
                values["ended_at"] = now
        with unit_of_work(self.db) as session:
            _bump(session, AgendaItemRow, item.id, item.version, "agenda item", **values)
            row = session.get(AgendaItemRow, item.id)
            assert row is not None
            session.refresh(row)
            return _to_item(row, session.get(CaseRow, row.case_id))

    def room_clashes(self, conf: Conference) -> builtins.list[Conference]:
        """Other conferences in ``conf``'s room whose planned time (agenda minutes, at least an hour)
        overlaps ``conf``'s; for a warning, never a refusal (a room can be shared on purpose)."""
        if not conf.room or not conf.room.strip():
            return []
        start, end = planned_span(conf)
        near = [
            c for c in self.list(upcoming_from=start - timedelta(days=1))
            if planned_span(c)[0] < end and same_room(c.room, conf.room) and c.id != conf.id
        ]
        return room_clashes(conf, [self.get(c.id) for c in near if c.id is not None])

    def deferred_before(self, conf_id: int) -> builtins.list[AgendaItem]:
        """Cases deferred at earlier conferences and not on any later agenda: to offer on this one."""
        with read_only(self.db) as session:
            conf = session.get(ConferenceRow, conf_id)
            if conf is None:
                raise NotFoundError("conference", conf_id)
            later = (
                sa.select(AgendaItemRow.case_id)
                .join(ConferenceRow, ConferenceRow.id == AgendaItemRow.conference_id)
                .where(ConferenceRow.starts_at >= conf.starts_at)
            )
            rows = session.execute(
                sa.select(AgendaItemRow, CaseRow)
                .join(ConferenceRow, ConferenceRow.id == AgendaItemRow.conference_id)
                .join(CaseRow, CaseRow.id == AgendaItemRow.case_id)
                .where(
                    AgendaItemRow.status == "deferred",
                    ConferenceRow.starts_at < conf.starts_at,
                    AgendaItemRow.case_id.not_in(later),
                )
                .order_by(ConferenceRow.starts_at.desc())
            ).all()
            seen: set[int] = set()
            offered = []
            for item, case in rows:
                if item.case_id not in seen:
                    seen.add(item.case_id)
                    offered.append(_to_item(item, case))
            return offered

    # -- discipline input given in the conference
    def inputs(self, item_id: int) -> builtins.list[DisciplineInput]:
        with read_only(self.db) as session:
            rows = session.scalars(
                sa.select(DisciplineInputRow)
                .where(DisciplineInputRow.agenda_item_id == item_id)
                .order_by(DisciplineInputRow.position)
            )
            return [to_input(r) for r in rows]

    def add_input(self, item_id: int, inp: DisciplineInput) -> DisciplineInput:
        _check_input(inp)
        with unit_of_work(self.db) as session:
            item = session.get(AgendaItemRow, item_id)
            if item is None:
                raise NotFoundError("agenda item", item_id)
            _refuse_second_input(session, item_id, inp)
            position = session.execute(
                sa.select(sa.func.coalesce(sa.func.max(DisciplineInputRow.position) + 1, 0)).where(
                    DisciplineInputRow.agenda_item_id == item_id
                )
            ).scalar_one()
            now = utcnow()
            row = DisciplineInputRow(
                case_id=item.case_id,
                agenda_item_id=item_id,
                position=position,
                discipline=str(inp.discipline),
                author=inp.author,
                assessment=inp.assessment,
                recommendations=inp.recommendations,
                version=0,
                created_at=now,
                updated_at=now,
            )
            try:
                with session.begin_nested():  # another PC may store the first input at the same moment
                    session.add(row)
                    session.flush()
            except sa.exc.IntegrityError:
                _refuse_second_input(session, item_id, inp)
                raise
            return to_input(row)

    def update_input(self, inp: DisciplineInput) -> DisciplineInput:
        """Save an input its user read at ``inp.version``; a newer stored version raises ConflictError
        carrying both texts."""
        if inp.id is None:
            raise NotFoundError("discipline input", inp.discipline)
        _check_input(inp)
        with unit_of_work(self.db) as session:
            try:
                _bump(
                    session,
                    DisciplineInputRow,
                    inp.id,
                    inp.version,
                    "discipline input",
                    discipline=str(inp.discipline),
                    author=inp.author,
                    assessment=inp.assessment,
                    recommendations=inp.recommendations,
                    updated_at=utcnow(),
                )
            except ConflictError as exc:
                theirs = session.get(DisciplineInputRow, inp.id)
                raise ConflictError(
                    "discipline input",
                    f"{Discipline(inp.discipline).label} input",
                    seen_version=inp.version,
                    mine=inp,
                    theirs=to_input(theirs) if theirs is not None else None,
                ) from exc
            row = session.get(DisciplineInputRow, inp.id)
            assert row is not None
            session.refresh(row)
            return to_input(row)

    def delete_input(self, input_id: int) -> None:
        with unit_of_work(self.db) as session:
            session.execute(sa.delete(DisciplineInputRow).where(DisciplineInputRow.id == input_id))


def _refuse_second_input(session: Session, item_id: int, inp: DisciplineInput) -> None:
    """One input per discipline on an agenda item: when it exists already (given on another PC while this
    one typed its first), raise :class:`ConflictError` with it, for the two to be merged."""
    existing = session.execute(
        sa.select(DisciplineInputRow).where(
            DisciplineInputRow.agenda_item_id == item_id,
            DisciplineInputRow.discipline == str(inp.discipline),
        )
    ).scalar_one_or_none()
    if existing is not None:
        raise ConflictError(
            "discipline input",
            f"{Discipline(inp.discipline).label} input",
            seen_version=inp.version,
            mine=inp,
            theirs=to_input(existing),
        )


def _under_teaching_review(session: Session, case_id: int) -> bool:
    """Whether the case is the draft of a teaching case not yet finalised (not fictional yet)."""
    from mdtboard.storage.training_models import TeachingReviewRow

    found = session.scalar(
        sa.select(TeachingReviewRow.id).where(
            TeachingReviewRow.draft_case_id == case_id, TeachingReviewRow.status == "in_review"
        )
    )
    return found is not None
