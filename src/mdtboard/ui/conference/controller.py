"""The open conference: what the workspace's panels show, and every change they make to it.

The panels never call the services themselves: they ask the controller, which pushes an undoable
command onto the shared QUndoStack (agenda, attendance, status, time budgets, saved input), then reloads
what changed and tells the panels through its signals. The conference's own fields are saved by the
editor's record session, which tells the controller (:meth:`ConferenceController.details_saved`).

No database call runs on the GUI thread (:mod:`mdtboard.ui.ops`): opening a conference reads it on the
reader thread, and it is shown (:attr:`ConferenceController.opened`) when it comes; every change and every
reload runs on the writer thread, in the order asked (so a reload after a change sees it), and what it
read comes back through the signals. A locked or silent database makes them fail later, with a message,
while the window keeps answering.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from mdtboard.domain.case import Discipline, DisciplineInput
from mdtboard.domain.conference import AgendaItem, AgendaStatus, Attendee, Conference
from mdtboard.domain.errors import MdtboardError
from mdtboard.services.context import Services
from mdtboard.ui import ops
from mdtboard.ui.conference.commands import (
    AGENDA,
    ATTENDANCE,
    DETAILS,
    INPUTS,
    AddAttendeeCommand,
    AddCasesCommand,
    CommandHub,
    ConferenceCommand,
    EditAttendeeCommand,
    InputText,
    MinutesCommand,
    RemoveAttendeeCommand,
    RemoveCaseCommand,
    ReorderCommand,
    SaveInputCommand,
    StatusCommand,
)
from mdtboard.ui.conference.models import single_move

#: What to do with a failure (of opening or reading a conference) instead of telling ``failed``.
Failure = Callable[[MdtboardError], None]


@dataclass
class _Changed:
    """A change made on the writer thread: what stopped it, if anything, and the conference after it."""

    error: MdtboardError | None
    conference: Conference


class ConferenceController(QObject):
    """Holds the open conference and changes it through the services and the undo stack.

    Signals:
        opened(Conference): a conference was opened (or reopened) and shown in full.
        closed(): no conference is open any more.
        details_changed(Conference): the conference's own fields changed (title, time, room, ...).
        attendance_changed(list): the attendees changed.
        agenda_changed(list): the agenda changed (order, cases, budgets, status).
        inputs_changed(int): discipline input on this case (its id) changed through undo or redo.
        case_edited(int): this case (its id) was saved in the case editor: views showing it read it again.
        failed(str): a change could not be made; nothing was changed.
    """

    opened = Signal(object)
    closed = Signal()
    details_changed = Signal(object)
    attendance_changed = Signal(list)
    agenda_changed = Signal(list)
    inputs_changed = Signal(int)
    case_edited = Signal(int)
    failed = Signal(str)

    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        # Owned by the controller, so that Qt deletes it with the window on the GUI thread: left to Python,
        # the hub (in a reference cycle with the controller) was destroyed by the cycle collector on
        # whichever thread ran it, a worker's included.
        self.hub = CommandHub(services, undo_stack, self)
        self.conference: Conference | None = None
        self._opening = 0  # counts the conferences asked to open: only the last one is shown
        self._starting: set[tuple[int, int]] = set()  # (conference, case) being marked in discussion
        #: Save pending typing now; called before a command changes the conference.
        self.flushers: list[Callable[[], bool]] = []
        #: Queue the save of pending typing (not waited for); called before a step that must come after it.
        self.savers: list[Callable[[], None]] = []
        #: The last save of typing under way, if any (one per record session).
        self.last_saves: list[Callable[[], ops.Op[Any] | None]] = []
        self._left_saving: dict[int, list[ops.Op[Any]]] = {}  # conferences left, their saves under way
        self._recording = True
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.hub.changed.connect(self._on_changed)
        self.hub.failed.connect(self.failed)
        self.hub.about_to_change.connect(self._on_about_to_change)
        self.hub.input_changed.connect(self._on_input_changed)

    # -- opening
    @property
    def conf_id(self) -> int | None:
        return None if self.conference is None else self.conference.id

    def open(
        self,
        conf_id: int,
        *,
        then: Callable[[Conference], None] | None = None,
        missing: Failure | None = None,
    ) -> ops.Op[Conference]:
        """Open a conference: read on the reader thread, shown (:attr:`opened`, then ``then``) when it
        comes, if it is still the last one asked. A failure (NotFoundError: there is none with that id) goes
        to ``missing``, else to :attr:`failed`."""
        self._opening += 1
        token, conferences = self._opening, self.services.conferences

        def got(conf: Conference) -> None:
            if token == self._opening:
                self.adopt(conf)
                if then is not None:
                    then(conf)

        def not_got(error: MdtboardError) -> None:
            if token == self._opening:
                (missing or self._fail)(error)

        # read on the reader, unless typing on it is being saved: the one open (its saves queued now), or
        # one left when another was opened, its saves still queued: then on the writer, after them
        again = conf_id == self.conf_id
        if again:
            self.save_pending()
        start = ops.write if again or self._saving(conf_id) else ops.read
        return start(lambda: conferences.get(conf_id), parent=self, success=got, failure=not_got,
                     label="opening a conference")

    def adopt(self, conf: Conference) -> None:
        """Show ``conf`` as the open conference (as just read). What is typed on the one before is saved
        first, queued and not waited for (a locked or silent database does not hold the window): those
        saves go on by themselves, retried after a fault that passes, else their text is offered to copy
        (the record sessions' ``left_unsaved``); reopening that conference reads it after them."""
        left = self.conf_id
        self.save_pending()
        saves = [op for op in (last() for last in self.last_saves) if op is not None]
        if left is not None and left != conf.id and saves:
            self._left_saving[left] = saves
        self.conference = conf
        self.opened.emit(conf)

    def _saving(self, conf_id: int) -> bool:
        """Whether saves of typing on ``conf_id``, queued when another conference was opened, are still
        under way."""
        saves = [op for op in self._left_saving.pop(conf_id, []) if not op.delivered]
        if saves:
            self._left_saving[conf_id] = saves
        return bool(saves)

    def close(self) -> None:
        self._opening += 1  # a conference being read is not shown any more
        self.conference = None
        self.closed.emit()

    def create(
        self, make: Callable[[], Conference], *, then: Callable[[Conference], None] | None = None,
        failure: Failure | None = None,
    ) -> ops.Op[Conference]:
        """Create the conference ``make()`` gives (called on the writer thread, so that it can read what
        it needs) and open it; ``then`` gets it once shown."""
        self._opening += 1
        token, conferences = self._opening, self.services.conferences

        def work() -> Conference:
            return conferences.get(conferences.create(make()).id or 0)

        def made(conf: Conference) -> None:
            if token == self._opening:
                self.adopt(conf)
            if then is not None:
                then(conf)

        return ops.write(work, parent=self, success=made, failure=failure or self._fail,
                         label="creating a conference")

    def reload(
        self, part: str = "", *, then: Callable[[], None] | None = None, missing: Failure | None = None
    ) -> ops.Op[Conference] | None:
        """Read the open conference again (on the writer thread, after the changes queued before) and tell
        what changed; ``then`` is called once it is shown, ``missing`` (else :attr:`failed`) with a
        failure (NotFoundError: deleted meanwhile)."""
        conf_id = self.conf_id
        if conf_id is None:
            return None
        conferences = self.services.conferences

        def got(fresh: Conference) -> None:
            self._apply(fresh, part)
            if then is not None and fresh.id == self.conf_id:
                then()

        def not_got(error: MdtboardError) -> None:
            if conf_id == self.conf_id:
                (missing or self._fail)(error)

        return ops.write(lambda: conferences.get(conf_id), parent=self, success=got, failure=not_got,
                         label="reading a conference again")

    def _apply(self, fresh: Conference, part: str = "") -> None:
        """``fresh`` was read (in the writer's order): the open conference takes it, and the views hear
        what changed (nothing when another conference is open now)."""
        if self.conference is None or fresh.id != self.conference.id:
            return
        old = self.conference
        self.conference = fresh
        if part in ("", DETAILS) and _details(fresh) != _details(old):
            self.details_changed.emit(fresh)
        if part in ("", ATTENDANCE):
            self.attendance_changed.emit(fresh.attendees)
        if part in ("", AGENDA, INPUTS):
            self.agenda_changed.emit(fresh.agenda)

    def _fail(self, error: MdtboardError) -> None:
        self.failed.emit(str(error))

    def _on_changed(self, conf_id: int, part: str, fresh: Conference | None) -> None:
        if conf_id != self.conf_id:
            return
        if fresh is None:  # a command's step ran, but the conference could not be read after it
            self.reload(part)
        else:
            self._apply(fresh, part)

    def _on_input_changed(self, conf_id: int, case_id: int) -> None:
        if conf_id == self.conf_id:
            self.inputs_changed.emit(case_id)

    def _on_about_to_change(self, conf_id: int) -> None:
        if conf_id == self.conf_id:
            self.save_pending(record=False)

    def save_pending(self, *, record: bool = True) -> None:
        """Queue the saves of all pending typing, without waiting (they run on the writer before whatever
        is queued after them); with ``record`` False they are not put on the undo stack as steps of their
        own (used while the stack itself is undoing or redoing: they continue its last step)."""
        was, self._recording = self._recording, record and self._recording
        try:
            for save in self.savers:
                save()
        finally:
            self._recording = was

    def flush(self, *, record: bool = True) -> bool:
        """Save all pending typing now and wait for it (closing the window: see :mod:`mdtboard.ui.closing`;
        everywhere else :meth:`save_pending` queues the saves instead); with ``record`` False the saves
        are not put on the undo stack (used while the stack itself is undoing or redoing)."""
        was, self._recording = self._recording, record and self._recording
        try:
            return all([flush() for flush in self.flushers])
        finally:
            self._recording = was

    # -- reading
    def agenda(self) -> list[AgendaItem]:
        return [] if self.conference is None else self.conference.agenda

    def attendees(self) -> list[Attendee]:
        return [] if self.conference is None else self.conference.attendees

    def item_for(self, case_id: int) -> AgendaItem | None:
        return next((i for i in self.agenda() if i.case_id == case_id), None)

    def read_inputs(
        self,
        case_id: int,
        *,
        parent: QObject,
        success: Callable[[list[DisciplineInput]], None],
        failure: Failure,
    ) -> ops.Op[list[DisciplineInput]]:
        """Read the discipline input given on ``case_id`` in the open conference (on the writer thread,
        after the saves and changes queued before, so it is never older than what was saved here)."""
        item = self.item_for(case_id)
        item_id = None if item is None else item.id
        conferences = self.services.conferences
        return ops.write(lambda: [] if item_id is None else conferences.inputs(item_id), parent=parent,
                         success=success, failure=failure, label="reading discipline input")

    # -- the conference's own fields (saved by the editor's record session)
    def details_saved(self, conf: Conference) -> None:
        """The conference's own fields were saved (or merged with a version saved elsewhere) as ``conf``:
        the open conference takes them (keeping its attendance and agenda as known here)."""
        if self.conference is None or conf.id != self.conference.id:
            return
        old = self.conference
        self.conference = replace(
            old,
            title=conf.title,
            starts_at=conf.starts_at,
            room=conf.room,
            mode=conf.mode,
            chair=conf.chair,
            default_minutes=conf.default_minutes,
            version=conf.version,
        )
        if _details(self.conference) != _details(old):
            self.details_changed.emit(self.conference)

    # -- undoable changes
    def _push(self, command: ConferenceCommand) -> bool:
        """Push ``command`` (its step queued on the writer thread; a failure is told when it comes)."""
        self.undo_stack.push(command)
        return True

    def _ready(self) -> int | None:
        if self.conf_id is None:
            self.failed.emit("Open or create a conference first.")
        return self.conf_id

    def add_attendee(self, attendee: Attendee) -> bool:
        conf_id = self._ready()
        return conf_id is not None and self._push(AddAttendeeCommand(self.hub, conf_id, attendee))

    def remove_attendee(self, attendee: Attendee) -> bool:
        conf_id = self._ready()
        return conf_id is not None and self._push(RemoveAttendeeCommand(self.hub, conf_id, attendee))

    def edit_attendee(self, before: Attendee, after: Attendee) -> bool:
        conf_id = self._ready()
        return conf_id is not None and self._push(EditAttendeeCommand(self.hub, conf_id, before, after))

    def add_cases(self, case_ids: Sequence[int], text: str) -> bool:
        conf_id = self._ready()
        if conf_id is None or not case_ids:
            return False
        return self._push(AddCasesCommand(self.hub, conf_id, case_ids, text))

    def remove_case(self, case_id: int) -> bool:
        conf_id = self._ready()
        item = self.item_for(case_id)
        if conf_id is None or item is None:
            return False
        text = f"Remove {item.case_ref} from the agenda"
        return self._push(RemoveCaseCommand(self.hub, conf_id, case_id, text))

    def reorder(self, item_ids: Sequence[int]) -> bool:
        """Put the agenda in this order of item ids (from a drag or a keyboard move)."""
        conf_id = self._ready()
        agenda = self.agenda()
        by_id = {i.id or 0: i for i in agenda}
        if conf_id is None or sorted(by_id) != sorted(item_ids):
            return False
        before = [i.case_id for i in agenda]
        after = [by_id[i].case_id for i in item_ids]
        if before == after:
            return False
        move = single_move(before, after)
        text = f"Move {agenda[move[0]].case_ref} on the agenda" if move else "Reorder the agenda"
        return self._push(ReorderCommand(self.hub, conf_id, before, after, text))

    def move(self, case_id: int, offset: int) -> bool:
        ids = [i.id or 0 for i in self.agenda()]
        item = self.item_for(case_id)
        if item is None:
            return False
        at = ids.index(item.id or 0)
        target = max(0, min(len(ids) - 1, at + offset))
        ids.insert(target, ids.pop(at))
        return self.reorder(ids)

    def set_status(self, case_id: int, status: AgendaStatus, reason: str | None = None) -> bool:
        """Mark a case (an undo step); ``reason`` says why a deferred case is deferred."""
        conf_id = self._ready()
        item = self.item_for(case_id)
        if conf_id is None or item is None or item.status is status:
            return False
        text = f"Mark {item.case_ref} {status.label}"
        reasons = (item.deferral_reason, reason)
        command = StatusCommand(self.hub, conf_id, case_id, item.status, status, text, reasons=reasons)
        return self._push(command)

    def start_discussion(self, case_id: int) -> None:
        """A pending case was opened for discussion: mark it in discussion (not an undo step)."""
        item = self.item_for(case_id)
        conf_id = self.conf_id
        if item is None or item.status is not AgendaStatus.PENDING or conf_id is None:
            return
        if (conf_id, case_id) in self._starting:  # asked twice before the first came back
            return
        self._starting.add((conf_id, case_id))
        conferences = self.services.conferences

        def work() -> _Changed:
            error: MdtboardError | None = None
            try:
                conferences.update_agenda_item(item, status=AgendaStatus.IN_DISCUSSION)
            except MdtboardError as exc:
                error = exc
            return _Changed(error, conferences.get(conf_id))

        def done(changed: _Changed) -> None:
            self._starting.discard((conf_id, case_id))
            if changed.error is not None:
                self.failed.emit(str(changed.error))
            self._apply(changed.conference, AGENDA)

        def failed(error: MdtboardError) -> None:
            self._starting.discard((conf_id, case_id))
            self._fail(error)

        ops.write(work, parent=self, success=done, failure=failed, label="starting a discussion")

    def set_minutes(self, item: AgendaItem, minutes: int) -> bool:
        conf_id = self._ready()
        if conf_id is None:
            return False
        text = f"Set {item.case_ref} to {minutes} min"
        return self._push(MinutesCommand(self.hub, conf_id, item.case_id, item.minutes, minutes, text))

    def record_input(
        self, case_id: int, discipline: Discipline, before: InputText | None, after: InputText | None
    ) -> None:
        """A discipline's input on a case was saved (by its panel's record session), from ``before`` (None:
        not given yet) to ``after``: one step on the undo stack (or, while the stack is undoing or redoing,
        the last step, continued)."""
        conf_id = self.conf_id
        if conf_id is None or after is None:
            return
        if self._recording:
            self.undo_stack.push(SaveInputCommand(self.hub, conf_id, case_id, discipline, before, after))
        else:
            top = self.undo_stack.command(self.undo_stack.index() - 1)
            if isinstance(top, SaveInputCommand):
                top.amend(case_id, discipline, before, after)


def _details(conf: Conference) -> tuple[object, ...]:
    return (conf.title, conf.starts_at, conf.room, conf.mode, conf.chair, conf.default_minutes, conf.version)
