"""Use cases on conferences: attendance, the agenda, and each discipline's input on a case."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from mdtboard.domain.accounts import Action
from mdtboard.domain.case import Discipline, DisciplineInput
from mdtboard.domain.conference import (
    DEFERRAL_REASON_MAX,
    AgendaItem,
    AgendaStatus,
    Attendee,
    AttendeeRole,
    Conference,
    planned_span,
    room_clashes,
    same_room,
)
from mdtboard.domain.errors import InvalidInputError, NotFoundError, Problem
from mdtboard.services.permissions import NotAllowedError, allowed, check
from mdtboard.services.uow import Session, read_only, unit_of_work
from mdtboard.services.visibility import (
    check_conference_visible,
    check_item_visible,
    hidden_conferences,
    visible_case_ids,
)
from mdtboard.storage import conference_repo as repo
from mdtboard.storage.db import Database
from mdtboard.storage.models import utcnow

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


def _not_listed_yet(session: Session, conf_id: int, att: Attendee) -> None:
    """Refuse a second line for one person on the attendance list (the quorum, the sign-offs and the
    minutes count people, not lines)."""
    listed = repo.attendee_named(session, conf_id, att.name, other_than=att.id)
    if listed is not None:
        raise InvalidInputError(Problem("name", f"{listed} is already on the attendance list"))


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


def _may_give(discipline: Discipline) -> None:
    """The account signed in gives input for its own discipline (any discipline: the chair)."""
    account = check(Action.GIVE_OWN_INPUT)
    if account is None or allowed(account.roles, Action.GIVE_ANY_INPUT) or account.discipline is discipline:
        return
    own = account.discipline.label.lower() if account.discipline else "no discipline"
    label = discipline.label.lower() if isinstance(discipline, Discipline) else str(discipline)
    raise NotAllowedError(f"{account.display_name} gives input for {own}, not for {label}. "
                          "Nothing was changed.")


def _check_input(inp: DisciplineInput) -> None:
    _may_give(inp.discipline)
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


class ConferenceService:
    """Conferences, each call its own unit of work."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- conferences
    def create(self, conf: Conference) -> Conference:
        check(Action.RUN_CONFERENCE)
        _check_conference(conf)
        with unit_of_work(self.db) as session:
            conf_id = repo.insert_conference(session, conf)
        for att in conf.attendees:
            self.add_attendee(conf_id, att)
        for item in conf.agenda:
            self.add_agenda_item(conf_id, item.case_id, minutes=item.minutes)
        return self.get(conf_id)

    def get(self, conf_id: int) -> Conference:
        """The conference with its attendance and agenda; trainees and observers see only those they attend
        and those with fictional cases alone (:class:`NotAllowedError` for another)."""
        with read_only(self.db) as session:
            conf = repo.load_conference(session, conf_id)
            if conf is not None:
                check_conference_visible(session, conf_id)
        if conf is None:
            raise NotFoundError("conference", conf_id)
        return conf

    def list(
        self, *, upcoming_from: datetime | None = None, past_before: datetime | None = None
    ) -> list[Conference]:
        """Conferences without their attendees and agenda: upcoming ones soonest first, past ones latest
        first, all of them latest first when no bound is given. Trainees and observers list those they
        may see (:meth:`get`)."""
        with read_only(self.db) as session:
            found = repo.list_conferences(session, upcoming_from=upcoming_from, past_before=past_before)
            hidden = hidden_conferences(session, [c.id for c in found if c.id is not None])
        return [c for c in found if c.id not in hidden]

    def update(self, conf: Conference) -> Conference:
        """Save the conference's own fields (title, time, room, mode, chair, default minutes)."""
        check(Action.RUN_CONFERENCE)
        if conf.id is None:
            raise NotFoundError("conference", conf.title)
        _check_conference(conf)
        with unit_of_work(self.db) as session:
            repo.update_conference(session, conf)
        return self.get(conf.id)

    def delete(self, conf_id: int) -> None:
        check(Action.RUN_CONFERENCE)
        with unit_of_work(self.db) as session:
            repo.delete_conference(session, conf_id)

    # -- attendance
    def add_attendee(self, conf_id: int, att: Attendee) -> Attendee:
        check(Action.RUN_CONFERENCE)
        _check_attendee(att)
        with unit_of_work(self.db) as session:
            repo.lock_conference(session, conf_id)
            _not_listed_yet(session, conf_id, att)
            return repo.insert_attendee(session, conf_id, att)

    def update_attendee(self, att: Attendee) -> Attendee:
        check(Action.RUN_CONFERENCE)
        if att.id is None:
            raise NotFoundError("attendee", att.name)
        _check_attendee(att)
        with unit_of_work(self.db) as session:
            conf_id = repo.attendee_conference(session, att.id)
            if conf_id is not None:
                repo.lock_conference(session, conf_id)
                _not_listed_yet(session, conf_id, att)
            version = repo.update_attendee(session, att)
        return replace(att, version=version)

    def remove_attendee(self, attendee_id: int) -> None:
        check(Action.RUN_CONFERENCE)
        with unit_of_work(self.db) as session:
            repo.delete_attendee(session, attendee_id)

    # -- agenda
    def add_agenda_item(
        self, conf_id: int, case_id: int, *, minutes: int | None = None, position: int | None = None
    ) -> AgendaItem:
        """Put a case on the agenda (at the end, or at ``position``), with the conference's default budget
        unless ``minutes`` is given. Two PCs adding at once get distinct places; the same case added twice
        at once is refused with a message, once."""
        check(Action.RUN_CONFERENCE)
        with unit_of_work(self.db) as session:
            default = repo.lock_conference(session, conf_id)
            case = repo.case_on_agenda(session, case_id)
            if repo.is_training(session, conf_id) and repo.under_teaching_review(session, case_id):
                raise InvalidInputError(Problem(
                    "case",
                    f"{case.ref} is a draft teaching case still under review: it may still identify a "
                    "patient. Finish its review (Training > Make a teaching case) before teaching with it",
                ))
            budget = default if minutes is None else minutes
            _check_minutes(budget)
            return repo.insert_agenda_item(session, conf_id, case, position, minutes=budget, status="pending")

    def restore_agenda_item(
        self, conf_id: int, item: AgendaItem, inputs: Sequence[DisciplineInput] = ()
    ) -> AgendaItem:
        """Put back an agenda item that was removed (to undo the removal): at ``item.position``, with its
        time budget, status, start and end times, and the discipline input given on it, in one unit of
        work. The restored item and inputs get new ids."""
        check(Action.RUN_CONFERENCE)
        for inp in inputs:
            _check_input(inp)
        with unit_of_work(self.db) as session:
            repo.lock_conference(session, conf_id)
            case = repo.case_on_agenda(session, item.case_id)
            _check_minutes(item.minutes)
            restored = repo.insert_agenda_item(
                session,
                conf_id,
                case,
                item.position,
                minutes=item.minutes,
                status=str(item.status),
                started_at=item.started_at,
                ended_at=item.ended_at,
            )
            assert restored.id is not None
            repo.restore_inputs(session, item.case_id, restored.id, inputs)
            return restored

    def remove_agenda_item(self, item_id: int) -> None:
        check(Action.RUN_CONFERENCE)
        with unit_of_work(self.db) as session:
            conf_id = repo.item_conference(session, item_id)
            repo.lock_conference(session, conf_id)
            repo.delete_agenda_item(session, item_id)
            repo.renumber(session, conf_id)

    # Below ``def list``, a bare ``list`` in an annotation names that method: hence ``builtins.list``.
    def reorder(self, conf_id: int, item_ids: Sequence[int]) -> builtins.list[AgendaItem]:
        """Put the agenda in the order given, which must name every item of the conference once."""
        check(Action.RUN_CONFERENCE)
        with unit_of_work(self.db) as session:
            repo.lock_conference(session, conf_id)
            current = set(repo.agenda_ids(session, conf_id))
            if set(item_ids) != current or len(item_ids) != len(current):
                raise InvalidInputError(
                    Problem(
                        "agenda",
                        "the new order does not name every agenda item exactly once (changed meanwhile?)",
                    )
                )
            repo.renumber(session, conf_id, item_ids)
        return self.get(conf_id).agenda

    def move(self, item_id: int, offset: int) -> builtins.list[AgendaItem]:
        """Move an agenda item up (negative) or down (positive) by ``offset`` places."""
        check(Action.RUN_CONFERENCE)
        with read_only(self.db) as session:
            conf_id = repo.item_conference(session, item_id)
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
        check(Action.RUN_CONFERENCE)
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
            return repo.update_agenda_item(session, item, **values)

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
            check_conference_visible(session, conf_id)
            items = repo.deferred_before(session, conf_id)
            seen = visible_case_ids(session, [i.case_id for i in items])
        return [i for i in items if i.case_id in seen]

    # -- discipline input given in the conference
    def inputs(self, item_id: int) -> builtins.list[DisciplineInput]:
        with read_only(self.db) as session:
            check_item_visible(session, item_id)
            return repo.inputs(session, item_id)

    def add_input(self, item_id: int, inp: DisciplineInput) -> DisciplineInput:
        _check_input(inp)
        with unit_of_work(self.db) as session:
            check_item_visible(session, item_id)
            return repo.insert_input(session, item_id, inp)

    def update_input(self, inp: DisciplineInput) -> DisciplineInput:
        """Save an input its user read at ``inp.version``; a newer stored version raises ConflictError
        carrying both texts."""
        if inp.id is None:
            raise NotFoundError("discipline input", inp.discipline)
        _check_input(inp)
        with unit_of_work(self.db) as session:
            return repo.update_input(session, inp)

    def delete_input(self, input_id: int) -> None:
        with unit_of_work(self.db) as session:
            discipline = repo.input_discipline(session, input_id)
            if discipline is not None:
                _may_give(Discipline(discipline))
            repo.delete_input(session, input_id)
