"""Importing case bundles in the background: the files are read, checked and stored on the writer thread
while the window goes on answering, with a progress dialog that says what is being done and can cancel.
A cancelled import stores nothing of the file in hand (it is one transaction); files of the same choice
imported before it stay, and the message says so.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from mdtboard.domain.errors import MdtboardError
from mdtboard.services.cases import CaseService, StoredCase
from mdtboard.ui import ops

#: The progress dialog shows itself only for an import that takes longer than this.
SHOW_AFTER_MS = 400


class BundleImport(QObject):
    """One import of bundle files, running on the writer thread.

    Signals:
        progressed(str, int, int): what is being done, cases stored so far and in all (0, 0: not counting).
        finished(object): the import ended: a list of ``StoredCase``, or the ``MdtboardError`` that stopped
            it (``CancelledError`` when the person cancelled).
    """

    progressed = Signal(str, int, int)
    finished = Signal(object)

    def __init__(self, service: CaseService, paths: list[Path], parent: QWidget) -> None:
        super().__init__(parent)
        self.paths = paths
        self._service = service
        #: Set (from any thread) to stop the import at its next step.
        self.cancel_requested = threading.Event()
        self.dialog = QProgressDialog("Reading the case bundle…", "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle("Importing case bundles")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self.dialog.canceled.connect(self.cancel)
        self.progressed.connect(self._show_progress)
        self.op: ops.Op[list[StoredCase]] | None = None

    def start(self) -> None:
        from mdtboard.interchange.bundle import import_files  # JSON Schema: only when importing

        def work() -> list[StoredCase]:
            return import_files(
                self._service,
                self.paths,
                progress=self.progressed.emit,
                cancelled=self.cancel_requested.is_set,
            )

        self.op = ops.write(work, parent=self, success=self._done, failure=self._done, label="import")

    def cancel(self) -> None:
        """Stop at the next step; nothing of the file in hand is stored."""
        self.cancel_requested.set()
        self.dialog.setLabelText("Cancelling: nothing of this file will be stored…")

    def _show_progress(self, what: str, done: int, total: int) -> None:
        if self.cancel_requested.is_set():
            return
        if total:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)
            self.dialog.setLabelText(f"{what}: {done:,} of {total:,} cases")
        else:
            self.dialog.setMaximum(0)
            self.dialog.setLabelText(f"{what}…")

    def _done(self, outcome: list[StoredCase] | MdtboardError) -> None:
        self.dialog.hide()
        self.dialog.deleteLater()
        self.finished.emit(outcome)


def start_import(
    service: CaseService,
    paths: list[Path],
    parent: QWidget,
    done: Callable[[list[StoredCase] | MdtboardError], None],
) -> BundleImport:
    """Import ``paths`` in the background; ``done`` gets the stored cases or the error that stopped it."""
    job = BundleImport(service, paths, parent)
    job.finished.connect(done)
    job.finished.connect(job.deleteLater)
    job.start()
    return job
