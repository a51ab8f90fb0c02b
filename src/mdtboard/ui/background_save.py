"""Saving a case on a worker thread, so that a slow disk or a distant PostgreSQL server never holds up
typing. One save runs at a time; its outcome comes back to the GUI thread as a signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from mdtboard.domain.errors import MdtboardError


class _Outcome(QObject):
    done = Signal(object, object)  # (token, the saved record or the MdtboardError raised)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], outcome: _Outcome, token: int) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.work = work
        self.outcome = outcome
        self.token = token
        self.result: Any = None

    def run(self) -> None:
        try:
            self.result = self.work()
        except MdtboardError as exc:
            self.result = exc
        except Exception as exc:  # an unexpected failure still comes back as a failed save
            self.result = MdtboardError(f"The save failed unexpectedly: {type(exc).__name__}: {exc}")
        self.outcome.done.emit(self.token, self.result)


class BackgroundSaver(QObject):
    """Runs one save at a time on its own thread.

    Signals:
        finished(object): a save ended, with the saved record or the :class:`MdtboardError` it raised.
            Delivered on the GUI thread; delivered once, either from the event loop or from :meth:`wait`.
    """

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._outcome = _Outcome(self)
        self._outcome.done.connect(self._done)
        self._job: _Job | None = None
        self._token = 0

    @property
    def busy(self) -> bool:
        return self._job is not None

    def start(self, work: Callable[[], Any]) -> None:
        if self._job is not None:
            raise RuntimeError("a save is already running")
        self._token += 1
        self._job = _Job(work, self._outcome, self._token)
        self._pool.start(self._job)

    def wait(self) -> None:
        """Block until the running save (if any) ends, and deliver its outcome now."""
        job = self._job
        if job is None:
            return
        self._pool.waitForDone()
        self._done(job.token, job.result)

    def _done(self, token: int, result: Any) -> None:
        if self._job is None or token != self._job.token:
            return  # already delivered by wait()
        self._job = None
        self.finished.emit(result)
