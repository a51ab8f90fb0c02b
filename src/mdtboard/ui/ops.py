"""Background operations: every database call from the GUI runs on a worker, never on the GUI thread.

Shaped after Anki's ``CollectionOp`` / ``QueryOp`` (aqt/operations): an operation is a function of no
arguments that calls a service; :func:`write` queues it on the one writer thread (so that saves reach the
database in the order they were made), :func:`read` on a reader thread. Its result, or the
:class:`MdtboardError` it raised, comes back to the GUI thread, to the ``success`` or ``failure`` function
given, and only while the ``parent`` widget still exists. A failure without a ``failure`` function is shown
in one place (:attr:`Operations.failed`, which the main window puts in its status bar) and logged (by record
id, never its text); a fault of the program goes to the exception hook (logged, told, the program goes on).

The GUI thread therefore never waits for the database: a locked SQLite file or a PostgreSQL server that
does not answer makes the operation fail later, on the worker, while the window keeps answering.
:meth:`Operations.wait` (tests; closing the window waits a few milliseconds at most, then shows what is
still being saved and goes on when it is) is the one place that blocks, until the queues are empty, and
delivers the outcomes.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    import queue

    from mdtboard.domain.errors import MdtboardError

log = logging.getLogger(__name__)

T = TypeVar("T")


class Op(Generic[T]):
    """One operation: the work, where its outcome goes, and (once done) its outcome.

    A plain class (compared by identity), not a dataclass: the main window makes the program's operations
    before its first paint, and neither ``dataclasses`` nor the domain's errors (nor ``queue``, see
    :class:`_Worker`) are imported for them until an operation runs."""

    __slots__ = ("work", "parent", "success", "failure", "label", "done", "result", "error", "delivered",
                 "seq", "writes")

    def __init__(
        self,
        work: Callable[[], T],
        parent: QObject | None,
        success: Callable[[T], None] | None,
        failure: Callable[[MdtboardError], None] | None,
        label: str,
        *,
        writes: bool = False,  # queued on the writer (a save), not the reader
    ) -> None:
        self.work = work
        self.parent = parent
        self.success = success
        self.failure = failure
        self.label = label
        self.done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self.delivered = False
        self.seq = 0
        self.writes = writes

    @property
    def failed(self) -> bool:
        return self.error is not None


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted on a worker is delivered here through the event loop."""

    finished = Signal(object)


class _Worker:
    """One thread running operations from its queue, in order; the queue is made and the thread started with
    the first operation (the main window makes the program's operations before its first paint, and starting
    a thread waits until the thread runs, which on a busy machine may take milliseconds)."""

    def __init__(self, name: str, relay: _Relay) -> None:
        self._name = name
        self._queue: queue.Queue[Op[Any] | None] | None = None
        self._relay = relay
        self._busy = 0
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)

    def put(self, op: Op[Any]) -> None:
        with self._lock:
            self._busy += 1
            if self._queue is None:
                import queue

                self._queue = queue.Queue()
                threading.Thread(target=self._run, args=(self._queue,), name=self._name, daemon=True).start()
            work = self._queue
        work.put(op)

    @property
    def busy(self) -> int:
        return self._busy

    def wait(self, timeout: float | None = None) -> bool:
        with self._idle:
            return self._idle.wait_for(lambda: self._busy == 0, timeout)

    def stop(self) -> None:
        if self._queue is not None:
            self._queue.put(None)

    def _run(self, work: queue.Queue[Op[Any] | None]) -> None:
        while True:
            op = work.get()
            if op is None:
                return
            try:
                op.result = op.work()
            except BaseException as exc:  # every outcome goes back to the GUI thread
                op.error = exc
            op.done.set()
            with contextlib.suppress(RuntimeError):  # the relay is gone (the program is ending)
                self._relay.finished.emit(op)
            with self._idle:
                self._busy -= 1
                self._idle.notify_all()


class Operations(QObject):
    """The background operations of the program: one writer thread, one reader thread.

    Signals:
        failed(str): an operation failed and nobody handled it; the message, for the status bar.
        busy_changed(bool): operations started running, or all have finished.
    """

    failed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._writer = _Worker("mdtboard-writer", self._relay)
        self._reader = _Worker("mdtboard-reader", self._relay)
        self._pending: set[Op[Any]] = set()
        self._seq = 0

    # -- starting
    def write(
        self,
        work: Callable[[], T],
        *,
        parent: QObject | None = None,
        success: Callable[[T], None] | None = None,
        failure: Callable[[MdtboardError], None] | None = None,
        label: str = "",
    ) -> Op[T]:
        """Queue ``work`` on the writer thread (after every write queued before it)."""
        return self._start(self._writer, Op(work, parent, success, failure, label, writes=True))

    def read(
        self,
        work: Callable[[], T],
        *,
        parent: QObject | None = None,
        success: Callable[[T], None] | None = None,
        failure: Callable[[MdtboardError], None] | None = None,
        label: str = "",
    ) -> Op[T]:
        """Queue ``work`` on the reader thread (reads do not wait for writes, nor writes for reads)."""
        return self._start(self._reader, Op(work, parent, success, failure, label))

    def _start(self, worker: _Worker, op: Op[T]) -> Op[T]:
        was_busy = bool(self._pending)
        self._seq += 1
        op.seq = self._seq
        self._pending.add(op)
        worker.put(op)
        if not was_busy:
            self.busy_changed.emit(True)
        return op

    # -- waiting (closing the window, tests)
    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @property
    def pending_writes(self) -> list[str]:
        """The writes queued or running and not delivered yet (what closing now would lose): each one's
        label, oldest first."""
        return [op.label or "a save" for op in sorted(self._pending, key=lambda o: o.seq) if op.writes]

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every queued operation has run (for ``timeout`` seconds at most, in all), then
        deliver the outcomes; False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        ok = self._writer.wait(timeout)
        left = None if deadline is None else max(0.0, deadline - time.monotonic())
        ok = ok and self._reader.wait(left)
        self._deliver_done()
        return ok

    def wait_for(self, op: Op[Any], timeout: float | None = None) -> bool:
        """Block until ``op`` has run, then deliver its outcome (and those before it)."""
        if not op.done.wait(timeout):
            return False
        self._deliver_done(up_to=op.seq)
        return True

    def _deliver_done(self, up_to: int | None = None) -> None:
        done = sorted((o for o in self._pending if o.done.is_set()), key=lambda o: o.seq)
        for op in done:
            if up_to is None or op.seq <= up_to:
                self._deliver(op)

    def shutdown(self) -> None:
        self.wait()
        self._writer.stop()
        self._reader.stop()

    # -- the outcome, on the GUI thread
    def _deliver(self, op: Op[Any]) -> None:
        from mdtboard.domain.errors import MdtboardError

        if op.delivered:
            return
        op.delivered = True
        self._pending.discard(op)
        alive = op.parent is None or shiboken6.isValid(op.parent)
        try:
            if op.error is None:
                if alive and op.success is not None:
                    op.success(op.result)
            elif isinstance(op.error, MdtboardError):
                if alive and op.failure is not None:
                    log.info("%s failed: %s", op.label or "operation", type(op.error).__name__)
                    op.failure(op.error)
                else:  # nobody handles it: logged (its kind, never its text) and shown in one place
                    log.warning("%s failed: %s", op.label or "operation", type(op.error).__name__)
                    self.failed.emit(str(op.error).splitlines()[0])
            else:
                error = op.error
                sys.excepthook(type(error), error, error.__traceback__)
        finally:
            # What the outcome went to is let go here, on the GUI thread: the worker holds the operation until
            # it takes the next one, and a widget or model whose last reference went with it there would be
            # deleted on the worker's thread (which cannot stop its timers).
            op.parent = op.success = op.failure = None
            if not self._pending:
                self.busy_changed.emit(False)


_instance: Operations | None = None


def operations() -> Operations:
    """The program's operations (made on first use, on the GUI thread)."""
    global _instance
    if _instance is None or not shiboken6.isValid(_instance):
        _instance = Operations()
    return _instance


def write(
    work: Callable[[], T],
    *,
    parent: QObject | None = None,
    success: Callable[[T], None] | None = None,
    failure: Callable[[MdtboardError], None] | None = None,
    label: str = "",
) -> Op[T]:
    """:meth:`Operations.write` on the program's operations."""
    return operations().write(work, parent=parent, success=success, failure=failure, label=label)


def read(
    work: Callable[[], T],
    *,
    parent: QObject | None = None,
    success: Callable[[T], None] | None = None,
    failure: Callable[[MdtboardError], None] | None = None,
    label: str = "",
) -> Op[T]:
    """:meth:`Operations.read` on the program's operations."""
    return operations().read(work, parent=parent, success=success, failure=failure, label=label)
