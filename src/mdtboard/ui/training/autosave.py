"""Saving as people type, without a Save button (the training scores' own saver).

The editors of cases, conferences, discipline input and care plans use the record session
(:mod:`mdtboard.ui.editing.session`) instead; the training scores are to move onto it too.

:class:`AutoSaver` calls its save function once typing has stopped for a moment (well within a second),
and at once on :meth:`flush` (leaving a record, closing the window). A failed save keeps the typed text
on screen and reports why; a conflict is handed on so the user can choose between the two versions.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from mdtboard.domain.errors import ConflictError, MdtboardError
from mdtboard.ui.editing.clock import note_saved

#: How long typing must pause before the record is saved.
DEFAULT_DELAY_MS = 500


class AutoSaver(QObject):
    """Debounced saving of one record.

    Signals:
        saved(datetime): the record was saved at that time.
        save_failed(MdtboardError): the save failed; the edit is still pending and is retried on the next
            change or flush.
        conflicted(ConflictError): someone else saved the record first; nothing was overwritten.
    """

    saved = Signal(object)
    save_failed = Signal(object)
    conflicted = Signal(object)

    def __init__(
        self, save: Callable[[], None], *, delay_ms: int = DEFAULT_DELAY_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        self._pending = False
        self._suspended = 0

    @property
    def pending(self) -> bool:
        """True while an edit has not been saved yet."""
        return self._pending

    def touch(self) -> None:
        """An edit happened: save once typing pauses."""
        if self._suspended:
            return
        self._pending = True
        self._timer.start()

    def mark_pending(self) -> None:
        """An edit is still unsaved (its save failed elsewhere, e.g. on a worker thread): it is saved on
        the next change or flush, without retrying on a timer."""
        self._pending = True

    def flush(self) -> bool:
        """Save now if anything is pending. Returns False when the save failed or conflicted."""
        self._timer.stop()
        if not self._pending:
            return True
        try:
            self._save()
        except ConflictError as exc:
            self._pending = False
            self.conflicted.emit(exc)
            return False
        except MdtboardError as exc:
            self.save_failed.emit(exc)
            return False
        self._pending = False
        now = datetime.now()
        note_saved(now)
        self.saved.emit(now)
        return True

    def discard(self) -> None:
        """Forget a pending edit (the record was replaced, e.g. by the other version of a conflict)."""
        self._timer.stop()
        self._pending = False

    def suspend(self) -> _Suspension:
        """``with saver.suspend():`` fills a form from the database without counting it as an edit."""
        return _Suspension(self)


class _Suspension:
    def __init__(self, saver: AutoSaver) -> None:
        self._saver = saver

    def __enter__(self) -> None:
        self._saver._suspended += 1

    def __exit__(self, *exc: object) -> None:
        self._saver._suspended -= 1
