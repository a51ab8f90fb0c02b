"""Undoable changes to a conference, for the shared QUndoStack.

Each command wraps one service call and knows its inverse. Commands find their records by what stays
stable across undo (an agenda item by its case, an input by case and discipline, an attendee through an
:class:`AttendeeRef` that follows their new id), and before they write they check that the stored record
is still what they left behind: if someone changed it since (another PC, another window), the command
changes nothing, says so, and drops out of the stack. Nothing is overwritten silently.

A command may run while another conference is open (the stack is shared): it reports through the
:class:`CommandHub`, and the open views refresh when it names their conference.

Every step runs on the writer thread (:mod:`mdtboard.ui.ops`), after the saves and steps queued before it,
never on the GUI thread: redo and undo queue the step and return at once. The step reads the conference
again after it (in the same queue, so what comes back is the conference as this step left it), and the
outcome comes back on the GUI thread through the hub's signals. A step that fails is reported and its
command made obsolete, and taken off the stack when it is on top (otherwise the stack drops it when it is
reached).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from mdtboard.domain.case import Discipline, DisciplineInput
from mdtboard.domain.conference import AgendaItem, AgendaStatus, Attendee, Conference
from mdtboard.domain.errors import NOTHING_CHANGED, MdtboardError, NotFoundError
from mdtboard.services.context import Services
from mdtboard.ui import ops

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


@dataclass
class StepOutcome:
    """What a command's step left behind (on the writer thread): the error that stopped it, if any, and
    the conference read after it (None when it could not be read)."""

    error: MdtboardError | None
    conference: Conference | None


class CommandHub(QObject):
    """Where conference commands report, and which attendee each live attendee id stands for.

    Signals:
        about_to_change(int): a command is about to change this conference (its id); save typing first.
        changed(int, str, object): a command changed this conference's details, attendance, agenda or
            inputs (or failed to); the conference as read after it (None when it could not be read).
        input_changed(int, int): a command changed discipline input: conference id, case id.
        failed(str): a command could not be done or undone, and why; nothing was changed.
    """

    about_to_change = Signal(int)
    changed = Signal(int, str, object)
    input_changed = Signal(int, int)
    failed = Signal(str)

    def __init__(
        self, services: Services, undo_stack: QUndoStack | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self.failures = 0
        self._refs: dict[int, AttendeeRef] = {}
        self._lock = threading.Lock()  # the steps run on the writer thread, new commands on the GUI's

    def ref(self, attendee_id: int) -> AttendeeRef:
        """The reference shared by every command on the attendee with this (live) id."""
        with self._lock:
            return self._refs.setdefault(attendee_id, AttendeeRef(attendee_id))

    def added(self, ref: AttendeeRef | None, attendee_id: int) -> AttendeeRef:
        """An attendee was added (``ref`` None) or put back under a new id."""
        with self._lock:
            if ref is None:
                ref = AttendeeRef(attendee_id)
            else:
                if self._refs.get(ref.id) is ref:
                    del self._refs[ref.id]
                ref.id = attendee_id
            self._refs[attendee_id] = ref
            return ref

    def removed(self, ref: AttendeeRef) -> None:
        """The attendee is gone; the database may give their id to someone else."""
        with self._lock:
            if self._refs.get(ref.id) is ref:
                del self._refs[ref.id]

    def report(self, message: str) -> None:
        self.failures += 1
        self.failed.emit(message)

    # -- running a command's step on the writer thread
    def run(self, command: ConferenceCommand, step: Callable[[], None], verb: str) -> ops.Op[StepOutcome]:
        """Queue ``step`` of ``command`` on the writer thread, then read the conference; the outcome is
        told on the GUI thread (a failure reported, the command dropped)."""
        conf_id, part, text = command.conf_id, command.part, command.text()
        conferences = self.services.conferences

        def work() -> StepOutcome:
            error: MdtboardError | None = None
            try:
                step()
            except MdtboardError as exc:
                error = exc
            try:
                conference: Conference | None = conferences.get(conf_id)
            except MdtboardError:
                conference = None
            return StepOutcome(error, conference)

        def done(outcome: StepOutcome) -> None:
            if outcome.error is not None:
                self._drop(command)
                self.report(f"Could not {verb} “{text}”: {outcome.error}")
            elif isinstance(command, SaveInputCommand):
                self.input_changed.emit(conf_id, command.case_id)
            self.changed.emit(conf_id, part, outcome.conference)

        return ops.write(work, parent=self, success=done, label="a change to a conference")

    def _drop(self, command: ConferenceCommand) -> None:
        """A step failed: the command is obsolete, and taken off the stack at once when it is next to the
        stack's index (else the stack drops it when undo or redo reaches it, doing nothing)."""
        if not shiboken6.isValid(command):  # the stack let go of it meanwhile
            return
        command.setObsolete(True)
        stack = self.undo_stack
        if stack is None:
            return
        at = stack.index()
        if at > 0 and stack.command(at - 1) is command:
            stack.undo()
        elif at < stack.count() and stack.command(at) is command:
            stack.redo()

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
    """Queues :meth:`apply` on redo and :meth:`revert` on undo (on the writer thread, see the module
    docstring); a failure is reported, changes nothing, and makes the command obsolete, so the stack drops
    it. :meth:`apply` and :meth:`revert` run on the writer thread: they call services and touch no widget."""

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
        self._run(self.doing, "do")

    def undo(self) -> None:
        self._run(self.undoing, "undo")

    def _run(self, make_step: Callable[[], Callable[[], None]], verb: str) -> None:
        # the typing pending is queued first (it may continue this step: see SaveInputCommand.amend), then
        # the step, with its values as they are then
        self.hub.about_to_change.emit(self.conf_id)
        self.hub.run(self, make_step(), verb)

    def doing(self) -> Callable[[], None]:
        """The step of redo, as the command stands now (run later, on the writer thread)."""
        return self.apply

    def undoing(self) -> Callable[[], None]:
        """The step of undo, as the command stands now."""
        return self.revert

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

    def doing(self) -> Callable[[], None]:
        before, after = self.before, self.after  # as they are now: typing saved later amends them
        return lambda: self._set(before, after)

    def undoing(self) -> Callable[[], None]:
        before, after = self.before, self.after
        return lambda: self._set(after, before)

    def apply(self) -> None:
        self._set(self.before, self.after)

    def revert(self) -> None:
        self._set(self.after, self.before)
