"""Conferences in the database: the conference with its attendance and agenda, and the discipline input
given on each agenda item.

Every function takes the session of the caller's unit of work and returns domain objects; the services
decide what a use case does, this module how it is stored. A change states the version its user saw
(:func:`bump`): none stored means someone else changed it first (:class:`ConflictError`).

Changes to one conference's agenda are serialised: :func:`lock_conference` takes the conference row for
update (on PostgreSQL; SQLite write transactions are serialised already), so two PCs adding cases at the
same moment get distinct positions, and the same case added twice at once gets the friendly refusal rather
than a database error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from mdtboard.domain.case import Discipline, DisciplineInput
from mdtboard.domain.conference import (
    AgendaItem,
    AgendaStatus,
    Attendee,
    AttendeeRole,
    Conference,
    ConferenceMode,
)
from mdtboard.domain.errors import ConflictError, InvalidInputError, NotFoundError, Problem
from mdtboard.storage.case_rows import to_input
from mdtboard.storage.models import (
    AgendaItemRow,
    AttendeeRow,
    CaseRow,
    ConferenceRow,
    DisciplineInputRow,
    utcnow,
)


@dataclass(frozen=True)
class CaseOnAgenda:
    """What an agenda item shows of its case."""

    id: int
    ref: str
    title: str | None
    patient_name: str


# ---------------------------------------------------------------------------- rows to domain


def _attendee(row: AttendeeRow) -> Attendee:
    return Attendee(
        name=row.name,
        discipline=Discipline(row.discipline),
        role=AttendeeRole(row.role),
        id=row.id,
        version=row.version,
    )


def _item(row: AgendaItemRow, case: CaseRow | CaseOnAgenda | None = None) -> AgendaItem:
    name = case.display_name if isinstance(case, CaseRow) else case.patient_name if case else ""
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
        patient_name=name,
    )


def _conference(row: ConferenceRow, cases: dict[int, CaseRow]) -> Conference:
    return Conference(
        title=row.title,
        starts_at=row.starts_at,
        room=row.room,
        mode=ConferenceMode(row.mode),
        chair=row.chair,
        default_minutes=row.default_minutes,
        attendees=[_attendee(a) for a in row.attendees],
        agenda=[_item(i, cases.get(i.case_id)) for i in row.agenda],
        id=row.id,
        version=row.version,
    )


def bump(session: Session, table: Any, row_id: int, seen: int, what: str, **values: Any) -> int:
    """``UPDATE table SET ..., version = version + 1 WHERE id = :id AND version = :seen``; the new version.
    Raises :class:`NotFoundError` when the row is gone, :class:`ConflictError` when it was changed since."""
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


# ---------------------------------------------------------------------------- conferences


def load_conference(session: Session, conf_id: int) -> Conference | None:
    """The conference with its attendance and agenda (each item with what it shows of its case)."""
    row = session.scalars(
        sa.select(ConferenceRow)
        .where(ConferenceRow.id == conf_id)
        .options(selectinload(ConferenceRow.attendees), selectinload(ConferenceRow.agenda))
    ).one_or_none()
    if row is None:
        return None
    case_ids = [i.case_id for i in row.agenda]
    cases = {c.id: c for c in session.scalars(sa.select(CaseRow).where(CaseRow.id.in_(case_ids)))}
    return _conference(row, cases)


def list_conferences(
    session: Session, *, upcoming_from: datetime | None = None, past_before: datetime | None = None
) -> list[Conference]:
    """Conferences without their attendees and agenda: upcoming ones soonest first, past ones latest first,
    all of them latest first when no bound is given."""
    stmt = sa.select(ConferenceRow)
    if upcoming_from is not None:
        stmt = stmt.where(ConferenceRow.starts_at >= upcoming_from).order_by(ConferenceRow.starts_at)
    elif past_before is not None:
        stmt = stmt.where(ConferenceRow.starts_at < past_before).order_by(ConferenceRow.starts_at.desc())
    else:
        stmt = stmt.order_by(ConferenceRow.starts_at.desc())
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


def _details(conf: Conference) -> dict[str, Any]:
    return {
        "title": conf.title.strip(),
        "starts_at": conf.starts_at,
        "room": conf.room,
        "mode": str(conf.mode),
        "chair": conf.chair,
        "default_minutes": conf.default_minutes,
    }


def insert_conference(session: Session, conf: Conference) -> int:
    """Store a new conference's own fields; its id."""
    row = ConferenceRow(**_details(conf), version=0)
    session.add(row)
    session.flush()
    return row.id


def update_conference(session: Session, conf: Conference) -> int:
    """Save the conference's own fields, as read at ``conf.version``; the new version."""
    assert conf.id is not None
    values = _details(conf)
    return bump(session, ConferenceRow, conf.id, conf.version, "conference", **values, updated_at=utcnow())


def delete_conference(session: Session, conf_id: int) -> None:
    session.execute(sa.delete(ConferenceRow).where(ConferenceRow.id == conf_id))


def lock_conference(session: Session, conf_id: int) -> int:
    """Take the conference for the rest of the unit of work (agenda and attendance changes one at a time);
    its default minutes per case. Raises :class:`NotFoundError` when there is no such conference."""
    minutes = session.execute(
        sa.select(ConferenceRow.default_minutes).where(ConferenceRow.id == conf_id).with_for_update()
    ).scalar_one_or_none()
    if minutes is None:
        raise NotFoundError("conference", conf_id)
    return int(minutes)


def is_training(session: Session, conf_id: int) -> bool:
    """Whether the conference is a teaching conference (training mode)."""
    query = sa.select(ConferenceRow.mode).where(ConferenceRow.id == conf_id)
    mode = session.execute(query).scalar_one_or_none()
    return mode == "training"


def under_teaching_review(session: Session, case_id: int) -> bool:
    """Whether the case is the draft of a teaching case not yet finalised (not fictional yet)."""
    from mdtboard.storage.training_models import TeachingReviewRow

    found = session.execute(
        sa.select(TeachingReviewRow.id).where(
            TeachingReviewRow.draft_case_id == case_id, TeachingReviewRow.status == "in_review"
        )
    ).scalar_one_or_none()
    return found is not None


def starts_at(session: Session, conf_id: int) -> datetime | None:
    return session.execute(
        sa.select(ConferenceRow.starts_at).where(ConferenceRow.id == conf_id)
    ).scalar_one_or_none()


# ---------------------------------------------------------------------------- attendance


def insert_attendee(session: Session, conf_id: int, att: Attendee) -> Attendee:
    """Add ``att`` at the end of the conference's attendance (locked by the caller)."""
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
    return _attendee(row)


def attendee_named(session: Session, conf_id: int, name: str, *, other_than: int | None = None) -> str | None:
    """The name as listed of the conference's attendee called ``name`` (compared without case or extra
    spaces), other than attendee ``other_than``; None if nobody is."""
    wanted = " ".join(name.split()).casefold()
    rows = session.execute(
        sa.select(AttendeeRow.id, AttendeeRow.name).where(AttendeeRow.conference_id == conf_id)
    )
    return next((listed for id_, listed in rows
                 if id_ != other_than and " ".join(listed.split()).casefold() == wanted), None)


def attendee_conference(session: Session, attendee_id: int) -> int | None:
    return session.execute(
        sa.select(AttendeeRow.conference_id).where(AttendeeRow.id == attendee_id)
    ).scalar_one_or_none()


def update_attendee(session: Session, att: Attendee) -> int:
    assert att.id is not None
    return bump(
        session, AttendeeRow, att.id, att.version, "attendee",
        name=att.name.strip(), discipline=str(att.discipline), role=str(att.role),
    )


def delete_attendee(session: Session, attendee_id: int) -> None:
    session.execute(sa.delete(AttendeeRow).where(AttendeeRow.id == attendee_id))


# ---------------------------------------------------------------------------- the agenda


def case_on_agenda(session: Session, case_id: int) -> CaseOnAgenda:
    """What an agenda item shows of case ``case_id``; :class:`NotFoundError` when there is none."""
    row = session.execute(
        sa.select(CaseRow.id, CaseRow.ref, CaseRow.title, CaseRow.display_name).where(CaseRow.id == case_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError("case", case_id)
    return CaseOnAgenda(row.id, row.ref, row.title, row.display_name)


def agenda_ids(session: Session, conf_id: int) -> list[int]:
    """The conference's agenda item ids in agenda order."""
    return list(
        session.scalars(
            sa.select(AgendaItemRow.id)
            .where(AgendaItemRow.conference_id == conf_id)
            .order_by(AgendaItemRow.position, AgendaItemRow.id)
        )
    )


def insert_agenda_item(
    session: Session, conf_id: int, case: CaseOnAgenda, position: int | None, **values: Any
) -> AgendaItem:
    """Put ``case`` on the agenda at ``position`` (None: at the end), moving later items down. The
    conference must be locked by the caller (:func:`lock_conference`). A case already on the agenda is
    refused with :class:`InvalidInputError`."""
    taken = session.execute(
        sa.select(AgendaItemRow.id).where(
            AgendaItemRow.conference_id == conf_id, AgendaItemRow.case_id == case.id
        )
    ).first()
    if taken is not None:
        raise InvalidInputError(Problem("agenda", f"case {case.ref} is already on this conference's agenda"))
    ids = agenda_ids(session, conf_id)
    at = len(ids) if position is None else max(0, min(position, len(ids)))
    row = AgendaItemRow(conference_id=conf_id, case_id=case.id, position=at, version=0, **values)
    for pos, item_id in enumerate(ids[at:], start=at + 1):
        session.execute(sa.update(AgendaItemRow).where(AgendaItemRow.id == item_id).values(position=pos))
    try:
        with session.begin_nested():  # another PC may have put the same case on in the same instant
            session.add(row)
            session.flush()
    except sa.exc.IntegrityError:
        raise InvalidInputError(
            Problem("agenda", f"case {case.ref} is already on this conference's agenda")
        ) from None
    return _item(row, case)


def _item_column(session: Session, item_id: int, column: Any) -> int:
    value = session.execute(sa.select(column).where(AgendaItemRow.id == item_id)).scalar_one_or_none()
    if value is None:
        raise NotFoundError("agenda item", item_id)
    return int(value)


def item_conference(session: Session, item_id: int) -> int:
    """The conference of agenda item ``item_id``; :class:`NotFoundError` when there is none."""
    return _item_column(session, item_id, AgendaItemRow.conference_id)


def item_case(session: Session, item_id: int) -> int:
    """The case of agenda item ``item_id``; :class:`NotFoundError` when there is none."""
    return _item_column(session, item_id, AgendaItemRow.case_id)


def delete_agenda_item(session: Session, item_id: int) -> None:
    session.execute(sa.delete(AgendaItemRow).where(AgendaItemRow.id == item_id))


def renumber(session: Session, conf_id: int, order: Sequence[int] | None = None) -> None:
    """Give the agenda positions 0, 1, ... in ``order`` (default: the present order)."""
    ids = list(order) if order is not None else agenda_ids(session, conf_id)
    for pos, item_id in enumerate(ids):
        session.execute(sa.update(AgendaItemRow).where(AgendaItemRow.id == item_id).values(position=pos))


def update_agenda_item(session: Session, item: AgendaItem, **values: Any) -> AgendaItem:
    """Save ``values`` of an agenda item read at ``item.version``; the item as stored."""
    assert item.id is not None
    bump(session, AgendaItemRow, item.id, item.version, "agenda item", **values)
    row = session.get(AgendaItemRow, item.id)
    assert row is not None
    session.refresh(row)
    return _item(row, case_on_agenda(session, row.case_id))


def deferred_before(session: Session, conf_id: int) -> list[AgendaItem]:
    """Cases deferred at conferences before ``conf_id`` and not on its or any later agenda, latest first;
    archived cases are not offered."""
    start = starts_at(session, conf_id)
    if start is None:
        raise NotFoundError("conference", conf_id)
    later = (
        sa.select(AgendaItemRow.case_id)
        .join(ConferenceRow, ConferenceRow.id == AgendaItemRow.conference_id)
        .where(ConferenceRow.starts_at >= start)
    )
    rows = session.execute(
        sa.select(AgendaItemRow, CaseRow)
        .join(ConferenceRow, ConferenceRow.id == AgendaItemRow.conference_id)
        .join(CaseRow, CaseRow.id == AgendaItemRow.case_id)
        .where(
            AgendaItemRow.status == "deferred",
            ConferenceRow.starts_at < start,
            AgendaItemRow.case_id.not_in(later),
            CaseRow.archived_at.is_(None),  # an archived case is offered again only once restored
        )
        .order_by(ConferenceRow.starts_at.desc())
    ).all()
    seen: set[int] = set()
    offered = []
    for item, case in rows:
        if item.case_id not in seen:
            seen.add(item.case_id)
            offered.append(_item(item, case))
    return offered


# ---------------------------------------------------------------------------- discipline input


def inputs(session: Session, item_id: int) -> list[DisciplineInput]:
    rows = session.scalars(
        sa.select(DisciplineInputRow)
        .where(DisciplineInputRow.agenda_item_id == item_id)
        .order_by(DisciplineInputRow.position)
    )
    return [to_input(r) for r in rows]


def _input_row(case_id: int, item_id: int, position: int, inp: DisciplineInput) -> DisciplineInputRow:
    now = utcnow()
    return DisciplineInputRow(
        case_id=case_id,
        agenda_item_id=item_id,
        position=position,
        discipline=str(inp.discipline),
        author=inp.author,
        assessment=inp.assessment,
        recommendations=inp.recommendations,
        version=0,
        created_at=inp.created_at or now,
        updated_at=inp.updated_at or now,
    )


def restore_inputs(session: Session, case_id: int, item_id: int, given: Sequence[DisciplineInput]) -> None:
    """Store inputs taken off with their agenda item again, on the item put back (new ids)."""
    for position, inp in enumerate(given):
        session.add(_input_row(case_id, item_id, position, inp))
    session.flush()


def _existing_input(session: Session, item_id: int, inp: DisciplineInput) -> None:
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


def insert_input(session: Session, item_id: int, inp: DisciplineInput) -> DisciplineInput:
    """The first input of a discipline on an agenda item; :class:`ConflictError` (with the stored one)
    when that discipline has given one already, also at the same moment on another PC."""
    case_id = item_case(session, item_id)
    _existing_input(session, item_id, inp)
    position = session.execute(
        sa.select(sa.func.coalesce(sa.func.max(DisciplineInputRow.position) + 1, 0)).where(
            DisciplineInputRow.agenda_item_id == item_id
        )
    ).scalar_one()
    row = _input_row(case_id, item_id, position, DisciplineInput(
        inp.discipline, inp.author, inp.assessment, inp.recommendations
    ))
    try:
        with session.begin_nested():  # another PC may store the first input at the same moment
            session.add(row)
            session.flush()
    except sa.exc.IntegrityError:
        _existing_input(session, item_id, inp)
        raise
    return to_input(row)


def update_input(session: Session, inp: DisciplineInput) -> DisciplineInput:
    """Save an input its user read at ``inp.version``; a newer stored version raises
    :class:`ConflictError` carrying both texts."""
    assert inp.id is not None
    try:
        bump(
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


def delete_input(session: Session, input_id: int) -> None:
    session.execute(sa.delete(DisciplineInputRow).where(DisciplineInputRow.id == input_id))


def input_discipline(session: Session, input_id: int) -> str | None:
    """The discipline of a discipline input (None when there is no such input)."""
    return session.execute(
        sa.select(DisciplineInputRow.discipline).where(DisciplineInputRow.id == input_id)
    ).scalar_one_or_none()


def attended_case_ids(session: Session, name: str) -> set[int]:
    """The cases on the agendas of the conferences where someone of this name is on the attendance
    list (names compared without case and extra spaces)."""
    wanted = " ".join(name.split()).casefold()
    rows = session.execute(
        sa.select(AgendaItemRow.case_id, AttendeeRow.name)
        .join(AttendeeRow, AttendeeRow.conference_id == AgendaItemRow.conference_id)
        .where(sa.func.lower(AttendeeRow.name) == wanted)
    )
    return {case_id for case_id, who in rows if " ".join(who.split()).casefold() == wanted}


def hidden_conference_ids(session: Session, name: str, conf_ids: Sequence[int] | None = None) -> set[int]:
    """The conferences (of ``conf_ids``, or all) that have a real (not fictional) case on their agenda and
    where nobody of this name is on the attendance list: what a trainee or observer of this name does not
    see (names compared without case and extra spaces)."""
    stmt = (
        sa.select(AgendaItemRow.conference_id).distinct()
        .join(CaseRow, CaseRow.id == AgendaItemRow.case_id)
        .where(CaseRow.fictional.is_(False))
    )
    if conf_ids is not None:
        stmt = stmt.where(AgendaItemRow.conference_id.in_(list(conf_ids)))
    with_real = set(session.scalars(stmt))
    if not with_real:
        return set()
    wanted = " ".join(name.split()).casefold()
    rows = session.execute(
        sa.select(AttendeeRow.conference_id, AttendeeRow.name)
        .where(AttendeeRow.conference_id.in_(sorted(with_real)), sa.func.lower(AttendeeRow.name) == wanted)
    )
    attended = {conf_id for conf_id, who in rows if " ".join(who.split()).casefold() == wanted}
    return with_real - attended
