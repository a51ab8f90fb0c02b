"""Undoable changes to a conference, for the shared QUndoStack.

Each command wraps one service call and knows its inverse. Commands find their records by what stays
stable across undo (an agenda item by its case, an input by case and discipline, an attendee through an
:class:`AttendeeRef` that follows their new id), and before they write they check that the stored record
is still what they left behind: if someone changed it since (another PC, another window), the command
changes nothing, says so, and drops out of the stack. Nothing is overwritten silently.

A command may run while another conference is open (the stack is shared): it reports through the
:class:`CommandHub`, and the open views refresh when it names their conference.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from mdtboard.domain.case import Discipline, DisciplineInput
from mdtboard.domain.conference import AgendaItem, AgendaStatus, Attendee
from mdtboard.domain.errors import NOTHING_CHANGED, MdtboardError, NotFoundError
from mdtboard.services.context import Services

DETAILS, ATTENDANCE, AGENDA, INPUTS = "details", "attendance", "agenda", "inputs"


class StaleError(MdtboardError):
    """The record was changed elsewhere since this command last touched it."""

    def __init__(self, what: str) -> None:
        super().__init__(
            f"{what} was changed since (on another PC or in another window), so it was left as it is. "
            f"{NOTHING_CHANGED}"
        )


@dataclass
class AttendeeRef:
    """An attendee as the commands know them: removing and putting back (undo) gives a new id."""

    id: int


class CommandHub(QObject):
    """Where conference commands report, and which attendee each live attendee id stands for.

    Signals:
        about_to_change(int): a command is about to change this conference (its id); save typing first.
        changed(int, str): a command changed this conference's details, attendance, agenda or inputs.
        input_changed(int, int): a command changed discipline input: conference id, case id.
        failed(str): a command could not be done or undone, and why; nothing was changed.
    """

    about_to_change = Signal(int)
    changed = Signal(int, str)
    input_changed = Signal(int, int)
    failed = Signal(str)

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.failures = 0
        self._refs: dict[int, AttendeeRef] = {}

    def ref(self, attendee_id: int) -> AttendeeRef:
        """The reference shared by every command on the attendee with this (live) id."""
        return self._refs.setdefault(attendee_id, AttendeeRef(attendee_id))

    def added(self, ref: AttendeeRef | None, attendee_id: int) -> AttendeeRef:
        """An attendee was added (``ref`` None) or put back under a new id."""
        if ref is None:
            ref = AttendeeRef(attendee_id)
        else:
            self.removed(ref)
            ref.id = attendee_id
        self._refs[attendee_id] = ref
        return ref

    def removed(self, ref: AttendeeRef) -> None:
        """The attendee is gone; the database may give their id to someone else."""
        if self._refs.get(ref.id) is ref:
            del self._refs[ref.id]

    def report(self, message: str) -> None:
        self.failures += 1
        self.failed.emit(message)

    # -- reading what commands check against
    def agenda(self, conf_id: int) -> list[AgendaItem]:
        return self.services.conferences.get(conf_id).agenda

    def item(self, conf_id: int, case_id: int) -> AgendaItem:
        for item in self.agenda(conf_id):
            if item.case_id == case_id:
                return item
        raise NotFoundError("agenda item for case", case_id)

    def attendee(self, conf_id: int, ref: AttendeeRef) -> Attendee:
        for att in self.services.conferences.get(conf_id).attendees:
            if att.id == ref.id:
                return att
        raise NotFoundError("attendee", ref.id)


class ConferenceCommand(QUndoCommand):
    """Runs :meth:`apply` on redo and :meth:`revert` on undo; a failure is reported, changes nothing,
    and makes the command obsolete, so the stack drops it."""

    part = AGENDA

    def __init__(self, hub: CommandHub, conf_id: int, text: str, *, done: bool = False) -> None:
        super().__init__(text)
        self.hub = hub
        self.conf_id = conf_id
        self._skip_first_redo = done

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._run(self.apply, "do")

    def undo(self) -> None:
        self._run(self.revert, "undo")

    def _run(self, step: Callable[[], None], verb: str) -> None:
        self.hub.about_to_change.emit(self.conf_id)
        try:
            step()
        except MdtboardError as exc:
            self.setObsolete(True)
            self.hub.report(f"Could not {verb} “{self.text()}”: {exc}")
        self.hub.changed.emit(self.conf_id, self.part)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


# -- the agenda
class AddCasesCommand(ConferenceCommand):
    """Put cases on the agenda (at the end, each with the conference's default time budget)."""

    def __init__(self, hub: CommandHub, conf_id: int, case_ids: Sequence[int], text: str) -> None:
        super().__init__(hub, conf_id, text)
        self.case_ids = list(case_ids)

    def apply(self) -> None:
        on_agenda = {i.case_id for i in self.hub.agenda(self.conf_id)}
        clash = [c for c in self.case_ids if c in on_agenda]
        if clash:
            raise StaleError("The agenda (a case is already on it)")
        for case_id in self.case_ids:
            self.hub.services.conferences.add_agenda_item(self.conf_id, case_id)

    def revert(self) -> None:
        items = [self.hub.item(self.conf_id, c) for c in self.case_ids]
        for item in items:
            if item.status is not AgendaStatus.PENDING or self.hub.services.conferences.inputs(item.id or 0):
                raise StaleError(f"Case {item.case_ref} (it has been discussed)")
        for item in items:
            self.hub.services.conferences.remove_agenda_item(item.id or 0)


class RemoveCaseCommand(ConferenceCommand):
    """Take a case off the agenda; undo puts it back in its place with its status and input."""

    def __init__(self, hub: CommandHub, conf_id: int, case_id: int, text: str) -> None:
        super().__init__(hub, conf_id, text)
        self.case_id = case_id
        self._item: AgendaItem | None = None
        self._inputs: list[DisciplineInput] = []

    def apply(self) -> None:
        item = self.hub.item(self.conf_id, self.case_id)
        self._inputs = self.hub.services.conferences.inputs(item.id or 0)
        self._item = item
        self.hub.services.conferences.remove_agenda_item(item.id or 0)

    def revert(self) -> None:
        assert self._item is not None
        self.hub.services.conferences.restore_agenda_item(self.conf_id, self._item, self._inputs)


class ReorderCommand(ConferenceCommand):
    """Put the agenda in a new order (cases by id); undo puts back the old one."""

    def __init__(
        self, hub: CommandHub, conf_id: int, before: Sequence[int], after: Sequence[int], text: str
    ) -> None:
        super().__init__(hub, conf_id, text)
        self.before = list(before)
        self.after = list(after)

    def _order(self, expected: list[int], wanted: list[int]) -> None:
        agenda = self.hub.agenda(self.conf_id)
        if [i.case_id for i in agenda] != expected:
            raise StaleError("The agenda order")
        by_case = {i.case_id: i.id or 0 for i in agenda}
        self.hub.services.conferences.reorder(self.conf_id, [by_case[c] for c in wanted])

    def apply(self) -> None:
        self._order(self.before, self.after)

    def revert(self) -> None:
        self._order(self.after, self.before)


class StatusCommand(ConferenceCommand):
    """Mark a case pending, in discussion, discussed or deferred."""

    def __init__(
        self,
        hub: CommandHub,
        conf_id: int,
        case_id: int,
        before: AgendaStatus,
        after: AgendaStatus,
        text: str,
        *,
        reasons: tuple[str | None, str | None] = (None, None),
    ) -> None:
        super().__init__(hub, conf_id, text)
        self.case_id, self.before, self.after = case_id, before, after
        self.reasons = reasons  # why it was deferred, before and after (a deferral's reason)

    def _set(self, expected: AgendaStatus, wanted: AgendaStatus, reason: str | None) -> None:
        item = self.hub.item(self.conf_id, self.case_id)
        if item.status is not expected:
            raise StaleError(f"The status of case {item.case_ref}")
        self.hub.services.conferences.update_agenda_item(item, status=wanted, reason=reason)

    def apply(self) -> None:
        self._set(self.before, self.after, self.reasons[1])

    def revert(self) -> None:
        self._set(self.after, self.before, self.reasons[0])


class MinutesCommand(ConferenceCommand):
    """Change a case's time budget."""

    def __init__(
        self, hub: CommandHub, conf_id: int, case_id: int, before: int, after: int, text: str
    ) -> None:
        super().__init__(hub, conf_id, text)
        self.case_id, self.before, self.after = case_id, before, after

    def _set(self, expected: int, wanted: int) -> None:
        item = self.hub.item(self.conf_id, self.case_id)
        if item.minutes != expected:
            raise StaleError(f"The time budget of case {item.case_ref}")
        self.hub.services.conferences.update_agenda_item(item, minutes=wanted)

    def apply(self) -> None:
        self._set(self.before, self.after)

    def revert(self) -> None:
        self._set(self.after, self.before)


# -- attendance
def _same_person(a: Attendee, b: Attendee) -> bool:
    return (a.name, a.discipline, a.role) == (b.name, b.discipline, b.role)


class AddAttendeeCommand(ConferenceCommand):
    part = ATTENDANCE

    def __init__(self, hub: CommandHub, conf_id: int, attendee: Attendee) -> None:
        super().__init__(hub, conf_id, f"Add {attendee.name} to the attendance")
        self.attendee = attendee
        self.ref: AttendeeRef | None = None

    def apply(self) -> None:
        added = self.hub.services.conferences.add_attendee(self.conf_id, self.attendee)
        self.ref = self.hub.added(self.ref, added.id or 0)

    def revert(self) -> None:
        assert self.ref is not None
        current = self.hub.attendee(self.conf_id, self.ref)
        if not _same_person(current, self.attendee):
            raise StaleError(f"The attendee {current.name}")
        self.hub.services.conferences.remove_attendee(self.ref.id)
        self.hub.removed(self.ref)


class RemoveAttendeeCommand(ConferenceCommand):
    part = ATTENDANCE

    def __init__(self, hub: CommandHub, conf_id: int, attendee: Attendee) -> None:
        super().__init__(hub, conf_id, f"Remove {attendee.name} from the attendance")
        self.attendee = attendee
        self.ref = hub.ref(attendee.id or 0)

    def apply(self) -> None:
        current = self.hub.attendee(self.conf_id, self.ref)
        if not _same_person(current, self.attendee):
            raise StaleError(f"The attendee {current.name}")
        self.hub.services.conferences.remove_attendee(self.ref.id)
        self.hub.removed(self.ref)

    def revert(self) -> None:
        added = self.hub.services.conferences.add_attendee(self.conf_id, replace(self.attendee, id=None))
        self.hub.added(self.ref, added.id or 0)


class EditAttendeeCommand(ConferenceCommand):
    part = ATTENDANCE

    def __init__(self, hub: CommandHub, conf_id: int, before: Attendee, after: Attendee) -> None:
        super().__init__(hub, conf_id, f"Change attendee {before.name}")
        self.before, self.after = before, after
        self.ref = hub.ref(before.id or 0)

    def _set(self, expected: Attendee, wanted: Attendee) -> None:
        current = self.hub.attendee(self.conf_id, self.ref)
        if not _same_person(current, expected):
            raise StaleError(f"The attendee {current.name}")
        self.hub.services.conferences.update_attendee(replace(wanted, id=current.id, version=current.version))

    def apply(self) -> None:
        self._set(self.before, self.after)

    def revert(self) -> None:
        self._set(self.after, self.before)


# -- discipline input
@dataclass(frozen=True)
class InputText:
    """What a person types into a discipline's panel; None for an empty field."""

    author: str | None = None
    assessment: str | None = None
    recommendations: str | None = None

    @classmethod
    def of(cls, inp: DisciplineInput | None) -> InputText | None:
        if inp is None:
            return None
        return cls(inp.author, inp.assessment, inp.recommendations)

    @property
    def has_text(self) -> bool:
        return bool((self.assessment or "").strip() or (self.recommendations or "").strip())


def stored_input(hub: CommandHub, item_id: int, discipline: Discipline) -> DisciplineInput | None:
    """The input a discipline gave on an agenda item (its first, should there be several)."""
    for inp in hub.services.conferences.inputs(item_id):
        if inp.discipline is discipline:
            return inp
    return None


class SaveInputCommand(ConferenceCommand):
    """A discipline's input on a case was saved (by autosave, before the push: ``done``); undo puts back
    the text before, redo the text after. Each pause in typing is one step."""

    part = INPUTS

    def __init__(
        self,
        hub: CommandHub,
        conf_id: int,
        case_id: int,
        discipline: Discipline,
        before: InputText | None,
        after: InputText,
    ) -> None:
        super().__init__(hub, conf_id, f"Type {discipline.label.lower()} input", done=True)
        self.case_id, self.discipline = case_id, discipline
        self.before, self.after = before, after

    def amend(self, case_id: int, discipline: Discipline, seen: InputText | None, now: InputText) -> bool:
        """Typing saved while the stack is undoing continues this step, when it is this panel's last one:
        the step then covers it, and undo takes it back too."""
        if (case_id, discipline) != (self.case_id, self.discipline) or seen != self.after:
            return False
        self.after = now
        return True

    def _set(self, expected: InputText | None, wanted: InputText | None) -> None:
        item = self.hub.item(self.conf_id, self.case_id)
        stored = stored_input(self.hub, item.id or 0, self.discipline)
        if InputText.of(stored) != expected:
            raise StaleError(f"The {self.discipline.label.lower()} input on case {item.case_ref}")
        service = self.hub.services.conferences
        if wanted is None:
            assert stored is not None and stored.id is not None
            service.delete_input(stored.id)
        elif stored is None:
            service.add_input(item.id or 0, DisciplineInput(self.discipline, **asdict(wanted)))
        else:
            service.update_input(replace(stored, **asdict(wanted)))
        self.hub.input_changed.emit(self.conf_id, self.case_id)

    def apply(self) -> None:
        self._set(self.before, self.after)

    def revert(self) -> None:
        self._set(self.after, self.before)
