"""The record session: one record being edited, saved as it is typed, merged rather than overwritten.

A :class:`RecordSession` owns what every editor needs to edit a record safely:

- the last saved version (:attr:`base`): what was loaded, then what each save stored;
- the pending edits: :meth:`touch` says the record on screen changed; ``read()`` gives it;
- autosave: within :data:`PAUSE_MS` of a pause in typing, and at least every :data:`MAX_WAIT_MS` while
  typing goes on; the save runs on the writer thread (:mod:`mdtboard.ui.ops`), never on the GUI thread;
- the save state shown to the person (:attr:`state_changed`): "Saving…", "Saved 14:02:31" once committed,
  "Not saved: <reason>. Retrying in 5 s" for a fault that can pass (retried by itself, waiting longer each
  time), "Not saved: <reason>" for one a person must act on;
- conflicts: when someone else saved the record meanwhile, the session merges field by field against
  :attr:`base` (:mod:`mdtboard.domain.merge`): the other side's changes to fields this person did not touch
  are kept and the person is told; only fields both changed are offered for a choice (:attr:`clashed`).

Before a step that must come after the typing (an undo, showing another record), the editor queues the
save without waiting for it (:meth:`RecordSession.queue_save`): the writer runs it first, the step after it.
A save queued while another is under way states the version that one stores (read on the writer thread),
and is not tried when that one failed (what it would store is still on screen, and saved again). A save
of a record left meanwhile (another one loaded) goes on by itself: retried after a fault that passes, else
told (:attr:`RecordSession.left_unsaved`) with the record, so that its text can be offered to copy.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from mdtboard.domain.errors import ConflictError, DatabaseError, MdtboardError
from mdtboard.domain.merge import FieldMerge, merge_fields
from mdtboard.ui import ops as ops_module
from mdtboard.ui.editing.clock import note_saved

log = logging.getLogger(__name__)

#: A pause in typing this long saves the record.
PAUSE_MS = 500
#: While typing goes on without a pause, the record is saved at least this often.
MAX_WAIT_MS = 2000
#: Seconds before retrying a save that failed for a reason that can pass, one after the other.
RETRY_S = (5, 10, 20, 30)


_not_waiting = False  # see saves_not_waited_for


@contextlib.contextmanager
def saves_not_waited_for() -> Iterator[None]:
    """Within the block, :meth:`RecordSession.flush` starts each save and returns at once (closing the
    window: it shows what is still being saved instead of waiting for it)."""
    global _not_waiting
    before, _not_waiting = _not_waiting, True
    try:
        yield
    finally:
        _not_waiting = before


class SaveState(Enum):
    IDLE = "idle"  # loaded, nothing typed
    PENDING = "pending"  # typed, the save is due
    SAVING = "saving"
    SAVED = "saved"
    RETRYING = "retrying"  # failed for a reason that can pass: retried by itself
    FAILED = "failed"  # failed for a reason a person must act on
    CONFLICT = "conflict"  # fields changed on both sides: a choice is awaited


class SkippedError(MdtboardError):
    """A save queued after one that failed was not tried (what it would store is still on screen)."""

    def __init__(self) -> None:
        super().__init__("An earlier save failed first.")


@dataclass(eq=False)
class _Queued:
    """A save under way: its operation, the record it stores, whether the editor recorded its undo step
    when it queued it (:meth:`RecordSession.mark_queued`), and whether another record was loaded since."""

    record: Any
    op: ops_module.Op[Any] | None = None
    marked: bool = False
    left: bool = False
    tries: int = 0
    #: the record as it was saved (on the writer thread: stating the version the save before stored)
    stated: Any = None
    #: the stored version it changes (to merge with a newer one it meets when its record was left)
    base: Any = None
    #: the save queued after it while it was under way (not tried when this one fails)
    next: _Queued | None = None


@dataclass
class Clash:
    """Fields both sides changed, for the person to choose between (see :meth:`RecordSession.settle`)."""

    merge: FieldMerge
    base: dict[str, Any]
    mine: dict[str, Any]
    theirs: dict[str, Any]
    theirs_record: Any
    #: when the other version was saved (if known), for "saved elsewhere at 14:03"
    saved_at: datetime | None


class RecordSession(QObject):
    """One record being edited (see the module docstring).

    ``save(record)`` stores a record and returns what was stored (run on the writer thread; raises
    :class:`ConflictError` with ``theirs`` when the stored version is newer than the one it states);
    ``read()`` is the record on screen (stating :attr:`base`'s version); ``fields(record)`` its fields, flat;
    ``build(like, fields)`` a record like ``like`` (its id and version) with these fields.

    Signals:
        state_changed(str): the save state in words ("Saved 14:02:31").
        saved(object): a save was committed; the stored record.
        merged(object, str): the record on screen must become this one (a merge kept changes made
            elsewhere), with the sentence that tells the person what was kept.
        clashed(object): a :class:`Clash` awaits the person's choice.
        failed(object): a save failed for a reason a person must act on; the :class:`MdtboardError`.
        left_unsaved(object, object): the save of a record no longer edited here (another was loaded
            since) failed for good: the record (its text, to offer to copy) and the :class:`MdtboardError`.
        left_retrying(object, int): the save of a record no longer edited here failed for a reason that
            can pass: the :class:`MdtboardError`, and the seconds before it is tried again.
    """

    state_changed = Signal(str)
    saved = Signal(object)
    merged = Signal(object, str)
    clashed = Signal(object)
    failed = Signal(object)
    left_unsaved = Signal(object, object)
    left_retrying = Signal(object, int)

    def __init__(
        self,
        *,
        save: Callable[[Any], Any],
        read: Callable[[], Any],
        fields: Callable[[Any], dict[str, Any]],
        build: Callable[[Any, dict[str, Any]], Any],
        label: Callable[[str], str] = str,
        what: str = "record",
        pause_ms: int = PAUSE_MS,
        max_wait_ms: int = MAX_WAIT_MS,
        operations: ops_module.Operations | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._read = read
        self._fields = fields
        self._build = build
        self.label = label
        self.what = what
        self._ops = operations
        self.base: Any = None
        self.state = SaveState.IDLE
        self.state_text = ""
        self.last_error: MdtboardError | None = None
        self._dirty = False
        #: when the person last changed the record on screen (time.monotonic()), for presence's "typing"
        self.touched_at: float | None = None
        self._queued: list[_Queued] = []  # the saves under way of the record edited, in order
        #: True while :attr:`saved` tells of a save whose undo step was recorded when it was queued
        self.saved_marked = False
        self._retries = 0
        self._suspended = 0
        self._pause = self._timer(pause_ms)
        self._max_wait = self._timer(max_wait_ms)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.save_now)

    def _timer(self, ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(self.save_now)
        return timer

    @property
    def operations(self) -> ops_module.Operations:
        return self._ops or ops_module.operations()

    # -- the record
    def load(self, record: Any) -> None:
        """Start editing ``record`` (as stored): nothing pending, no state shown. Saves of the record before
        still under way go on by themselves."""
        self._stop_timers()
        self._leave()
        self.base = copy.deepcopy(record)  # the session's own: nothing on screen edits it in place
        self._dirty = False
        self._retries = 0
        self.last_error = None
        self._set_state(SaveState.IDLE, "")

    def close(self) -> None:
        """Stop editing: nothing more is saved (call :meth:`flush` first to keep what is pending)."""
        self._stop_timers()
        self._leave()
        self.base = None
        self._dirty = False

    def _leave(self) -> None:
        for queued in self._queued:
            queued.left = True
        self._queued = []

    @property
    def pending(self) -> bool:
        """True while an edit is not committed yet (due, running, failed or awaiting a choice)."""
        return self._dirty or bool(self._queued)

    def unsaved_fields(self, record: Any = None) -> dict[str, Any]:
        """The fields on screen that differ from the last saved version: what closing now would lose.
        ``record``: the record on screen when the editor gives it (default: read as for a save)."""
        if self.base is None or not self._dirty:
            return {}
        if record is None:
            try:
                record = self._read()
            except MdtboardError:
                return {}
        if record is None:
            return {}
        mine, base = self._fields(record), self._fields(self.base)
        return {name: value for name, value in mine.items() if value != base.get(name)}

    def typing(self, within_s: float) -> bool:
        """True when the person changed the record on screen within the last ``within_s`` seconds."""
        return self.touched_at is not None and time.monotonic() - self.touched_at < within_s

    @property
    def saving(self) -> bool:
        return bool(self._queued)

    @property
    def _op(self) -> ops_module.Op[Any] | None:
        return self._queued[-1].op if self._queued else None  # the last save under way

    @property
    def last_save(self) -> ops_module.Op[Any] | None:
        """The last save under way (queued or running), None when none is."""
        return self._op

    def suspend(self) -> _Suspension:
        """``with session.suspend():`` fills a form without counting it as an edit."""
        return _Suspension(self)

    # -- typing
    def touch(self) -> None:
        """The record on screen changed: save within a pause, and within :data:`MAX_WAIT_MS` anyway."""
        if self._suspended or self.base is None:
            return
        self._dirty = True
        self.touched_at = time.monotonic()
        if self.state in (SaveState.IDLE, SaveState.SAVED):
            self._set_state(SaveState.PENDING, self.state_text)
        if self.state is SaveState.CONFLICT:
            return  # saved once the person has chosen
        self._pause.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def save_now(self) -> None:
        """Start saving what is on screen now (on the writer thread), if anything changed."""
        self._stop_timers()
        if self.base is None or not self._dirty or self.state is SaveState.CONFLICT:
            return
        if self._op is not None:
            return  # saved again when the running save is back (still dirty)
        try:
            record = self._read()
        except MdtboardError as error:  # the editor says what must be typed before it can be saved
            self._fail(error)
            return
        self._dirty = False
        if record is None:  # nothing to save yet (a new record not typed in)
            return
        if self._fields(record) == self._fields(self.base):
            self._set_state(SaveState.SAVED if self.state_text else SaveState.IDLE, self.state_text)
            return
        self._set_state(SaveState.SAVING, "Saving…")
        self._write(record)

    def queue_save(self) -> None:
        """Queue the save of what is on screen now, without waiting for it (before a step that must come
        after it on the writer: an undo, reading another record), even while a save is under way: it then
        states the version that save stores. The state says "Saving…" until it is back."""
        self._stop_timers()
        if self.base is None or not self._dirty or self.state is SaveState.CONFLICT:
            return
        if not self._queued:
            self.save_now()
            return
        try:
            record = self._read()
        except MdtboardError as error:
            self._fail(error)
            return
        self._dirty = False
        if record is None:
            return
        if self._fields(record) == self._fields(self._queued[-1].record):
            return  # nothing typed since the save under way
        self._set_state(SaveState.SAVING, "Saving…")
        before = self._queued[-1]
        before.next = self._write(record, after=before.op)

    def outcome(self) -> str:
        """Once a step queued on the writer after :meth:`queue_save` is back (showing another record):
        "saved" when nothing typed is pending any more, "failed" when the save failed or awaits a choice
        (the state says why; the text stays), "typing" when typed on meanwhile (queue again, then the
        step)."""
        if not self.pending:
            return "saved"
        if self.state in (SaveState.RETRYING, SaveState.FAILED, SaveState.CONFLICT):
            return "failed"
        return "typing"

    def mark_queued(self) -> Any:
        """The editor records the undo step of every save under way now: they are marked (their
        :attr:`saved` comes with :attr:`saved_marked` True). The record the last one stores, or None when
        none was left to mark."""
        if not self._queued or all(q.marked for q in self._queued):
            return None
        for queued in self._queued:
            queued.marked = True
        return self._queued[-1].record

    def _write(
        self, record: Any, *, after: ops_module.Op[Any] | None = None, tries: int = 0, base: Any = None
    ) -> _Queued:
        save, fields, build = self._save, self._fields, self._build
        base = copy.deepcopy(self.base) if base is None else base
        queued = _Queued(record, tries=tries, stated=record, base=base)

        def work() -> Any:
            if after is not None:
                if after.error is not None:  # (the writer ran it already: writes run in order)
                    raise SkippedError()
                queued.base = after.result
                queued.stated = build(after.result, fields(record))  # the version the save before stored
            return save(queued.stated)

        queued.op = self.operations.write(
            work,
            parent=self,
            success=lambda stored: self._succeeded(queued, stored),
            failure=lambda error: self._failed(queued, error),
            label=f"save of {self.what}",
        )
        self._queued.append(queued)
        return queued

    def flush(self, timeout: float | None = None) -> bool:
        """Save now and wait for it (leaving the record): True when everything typed is committed. The
        one place where the GUI thread waits for a save; within :func:`saves_not_waited_for` (closing the
        window) it starts the save and does not wait (True only when everything is committed already)."""
        if timeout is None and _not_waiting:
            timeout = 0.0
        starts = 0
        while True:
            if self._queued:
                last = self._queued[-1]
                if last.op is None or not self.operations.wait_for(last.op, timeout):
                    return False
                if self._queued and self._queued[-1] is last:  # not delivered: should not happen
                    self._queued.remove(last)
                continue  # its outcome may have started another save (a merge, typing meanwhile)
            if self.state is SaveState.CONFLICT:
                return False
            if not self._dirty:
                return self.state not in (SaveState.FAILED, SaveState.RETRYING)
            if starts == 3:  # a save may have to run again (an edit came while one ran), not forever
                return False
            starts += 1
            self._stop_timers()
            self.save_now()

    # -- outcomes (GUI thread)
    def _succeeded(self, queued: _Queued, stored: Any) -> None:
        if queued.left or queued not in self._queued:
            return  # a record left meanwhile (stored: nothing more to do), or dropped after a failure
        self._queued.remove(queued)
        self.base = copy.deepcopy(stored)
        if self._queued:  # a save queued after it is still under way: "Saving…" until it is back
            self._tell_saved(queued, stored)
            return
        self._retries = 0
        self.last_error = None
        now = datetime.now()
        note_saved(now)
        self._set_state(SaveState.SAVED, f"Saved {now:%H:%M:%S}")
        self._tell_saved(queued, stored)
        if self._dirty:  # typed on while it was saved
            self._pause.start()

    def _tell_saved(self, queued: _Queued, stored: Any) -> None:
        self.saved_marked = queued.marked
        try:
            self.saved.emit(stored)
        finally:
            self.saved_marked = False

    def _failed(self, queued: _Queued, error: MdtboardError) -> None:
        if queued.left:
            self._left_failed(queued, error)
            return
        if queued not in self._queued:
            return  # queued after a save that failed: what it would store is still on screen
        self._queued = []  # those queued after it are not tried (SkippedError)
        self._fail(error)

    def _fail(self, error: MdtboardError) -> None:
        self._dirty = True
        self.last_error = error
        if isinstance(error, ConflictError) and error.theirs is not None:
            self._merge(error.theirs)
            return
        reason = str(error).splitlines()[0]
        if isinstance(error, DatabaseError) and error.passing:
            wait = RETRY_S[min(self._retries, len(RETRY_S) - 1)]
            self._retries += 1
            self._set_state(SaveState.RETRYING, f"Not saved: {reason} Retrying in {wait} s")
            self._retry.start(wait * 1000)
            return
        self._set_state(SaveState.FAILED, f"Not saved: {reason}")
        self.failed.emit(error)

    def _left_failed(self, queued: _Queued, error: MdtboardError) -> None:
        """A save of a record left meanwhile failed: retried after a fault that passes (with the text of
        the last save queued after it, which was not tried), merged with a newer version it met when no
        field clashes, else told with that text."""
        if isinstance(error, SkippedError):
            return  # the save before it failed and carries on with this one's text
        last = queued
        while last.next is not None:
            last = last.next
        record = self._build(queued.stated, self._fields(last.record))
        base, wait = queued.base, -1
        if isinstance(error, DatabaseError) and error.passing and queued.tries < len(RETRY_S):
            wait = RETRY_S[queued.tries]
        elif isinstance(error, ConflictError) and error.theirs is not None and queued.tries < len(RETRY_S):
            merge = merge_fields(self._fields(base), self._fields(record), self._fields(error.theirs))
            if not merge.clashes:
                record, base, wait = self._build(error.theirs, merge.merged), error.theirs, 0
        if wait >= 0:
            log.info("save of a %s left meanwhile failed: tried again in %d s", self.what, wait)

            def again() -> None:
                retried = self._write(record, tries=queued.tries + 1, base=base)
                self._queued.remove(retried)
                retried.left = True

            QTimer.singleShot(wait * 1000, self, again)
            if isinstance(error, DatabaseError):
                self.left_retrying.emit(error, wait)
            return
        log.warning("save of a %s left meanwhile failed: %s", self.what, type(error).__name__)
        self.left_unsaved.emit(record, error)

    # -- merging
    def stored_elsewhere(self, theirs: Any) -> bool:
        """``theirs`` is the record as another program (or view) has just committed it (the change feed):
        merge it field by field like a save that met it, so that fields this person did not touch show the
        other side's text and a field they are typing in keeps theirs. Ignored when it is not newer than
        :attr:`base`, and while a save is under way (that save meets it and merges) or a choice is open.
        True when it was merged."""
        if self.base is None or theirs is None:
            return False
        same = getattr(theirs, "id", None) == getattr(self.base, "id", None)
        if same and getattr(theirs, "version", 0) <= getattr(self.base, "version", 0):
            return False
        if self._op is not None or self.state is SaveState.CONFLICT:
            return False
        if self._fields(theirs) == self._fields(self.base):
            # a newer version with the same content (e.g. archived): nothing to show
            self.base = copy.deepcopy(theirs)
            return False
        self._stop_timers()
        self._merge(theirs)
        return True

    def _merge(self, theirs: Any) -> None:
        mine_record = self._read()
        base, mine, stored = self._fields(self.base), self._fields(mine_record), self._fields(theirs)
        merge = merge_fields(base, mine, stored)
        log.info("save of %s met a newer version: %d field(s) merged, %d to choose",
                 self.what, len(merge.kept_theirs), len(merge.clashes))
        self.base = copy.deepcopy(theirs)
        if merge.clashes:
            self._set_state(SaveState.CONFLICT, "Changed elsewhere: choose a version")
            self.clashed.emit(Clash(merge, base, mine, stored, theirs, getattr(theirs, "updated_at", None)))
            return
        self._apply_merge(merge)

    def settle(self, clash: Clash, keep_mine: set[str] | frozenset[str]) -> None:
        """The person chose, for each clashing field, to keep their own text (the names in ``keep_mine``)
        or the one saved elsewhere. What was typed while the choice was open is merged too."""
        current = self._fields(self._read())
        merge = merge_fields(clash.base, current, clash.theirs)
        merge.kept_theirs = clash.merge.kept_theirs  # told once already, with the choice
        for name in merge.clashes:
            merge.choose(name, current.get(name) if name in keep_mine else clash.theirs.get(name))
        self.state = SaveState.PENDING
        self._apply_merge(merge)

    def _apply_merge(self, merge: FieldMerge) -> None:
        record = self._build(self.base, merge.merged)
        kept = [self.label(name) for name in merge.kept_theirs]
        message = ""
        if kept:
            message = f"A change saved elsewhere to {_join(kept)} was kept"
            message += "; yours to the other fields too." if merge.kept_mine else "."
        self._dirty = True
        self.merged.emit(record, message)
        self._set_state(SaveState.PENDING, message or self.state_text)
        self.save_now()

    # -- helpers
    def _stop_timers(self) -> None:
        self._pause.stop()
        self._max_wait.stop()
        self._retry.stop()

    def _set_state(self, state: SaveState, text: str) -> None:
        self.state = state
        if text != self.state_text:
            self.state_text = text
            self.state_changed.emit(text)


def _join(names: list[str]) -> str:
    names = [n.lower() if n[:1].isupper() and not n[1:2].isupper() else n for n in names]
    if len(names) == 1:
        return f"the {names[0]}"
    return "the " + ", ".join(names[:-1]) + f" and {names[-1]}"


class _Suspension:
    def __init__(self, session: RecordSession) -> None:
        self._session = session

    def __enter__(self) -> None:
        self._session._suspended += 1

    def __exit__(self, *exc: object) -> None:
        self._session._suspended -= 1
