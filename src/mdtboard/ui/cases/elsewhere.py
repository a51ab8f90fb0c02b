"""The case editor's side of a case committed elsewhere (the change feed, :mod:`mdtboard.ui.live`): the
open case's new version merged field by field, or the case closed when it was deleted or archived on
another PC, with what was typed and not saved offered to copy."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QMessageBox

from mdtboard.domain.case import Case
from mdtboard.domain.errors import NotFoundError
from mdtboard.services.context import Services
from mdtboard.ui import ops as ops_module
from mdtboard.ui.cases.fields import case_fields, field_label
from mdtboard.ui.cases.form import Reading
from mdtboard.ui.editing.after_save import after_save
from mdtboard.ui.editing.part import EditorPart
from mdtboard.ui.editing.session import RecordSession
from mdtboard.ui.editing.steps import Steps
from mdtboard.ui.forms.ui_case_editor import Ui_CaseEditor


class CaseElsewhere(EditorPart):
    """A part of :class:`~mdtboard.ui.cases.editor.CaseEditor` (a mixin; what it takes from the editor is
    declared below, under ``TYPE_CHECKING``)."""

    if TYPE_CHECKING:  # provided by the editor
        ui: Ui_CaseEditor
        session: RecordSession
        _services: Services
        _saved: Case | None
        _passages: Any
        _fill_steps: Steps
        elsewhere_dialog: QMessageBox | None
        status_message: SignalInstance
        closed_elsewhere: SignalInstance

        def _read(self) -> Reading: ...
        def _show_body(self, shown: bool) -> None: ...
        def set_archived_at(self, case_id: int, when: datetime | None) -> None: ...

    def stored_elsewhere(self, case_id: int, *, deleted: bool = False, mine: bool = False) -> None:
        """The case ``case_id`` was committed by another PC (``mine``: by another view of this program):
        when it is the open case, its new version is merged field by field (what is being typed stays);
        deleted or archived on another PC, the case is closed with a message offering the unsaved text."""
        if self._saved is None or self._saved.id != case_id:
            return
        if deleted:
            if not mine:
                self._closed_elsewhere("deleted")
            return
        ops_module.operations().read(
            lambda: self._services.cases.open(case_id, record=False),
            parent=self,
            success=lambda case: self._arrived(case, mine),
            failure=lambda error: self._closed_elsewhere("deleted") if isinstance(error, NotFoundError)
            and not mine else None,
            label="reading a case changed elsewhere",
        )

    def _arrived(self, case: Case, mine: bool) -> None:
        if self._saved is None or self._saved.id != case.id:
            return
        if case.archived_at is not None and self._saved.archived_at is None and not mine:
            # an archived case can still be saved: what was typed is saved first (queued, not waited for),
            # then the case closed; when that save fails, the text is offered to copy as it closes
            case_id = case.id

            def close(*_why: object) -> None:
                if self._saved is not None and self._saved.id == case_id:
                    self._closed_elsewhere("archived")

            after_save(self.session, close, close, parent=self, label="saving a case archived elsewhere")
            return
        self.session.stored_elsewhere(case)
        if case.archived_at != self._saved.archived_at:
            self.set_archived_at(case.id or 0, case.archived_at)

    def _unsaved_text(self) -> str:
        """The fields typed on screen and not saved, as text to copy."""
        if self._saved is None or self.session.base is None or not self.session.pending:
            return ""
        mine, base = case_fields(self._read().case), case_fields(self.session.base)
        parts = [
            f"{field_label(k)}:\n{v}" for k, v in mine.items() if v != base.get(k) and v not in (None, "")
        ]
        return "\n\n".join(parts)

    def _closed_elsewhere(self, how: str) -> None:
        if self._saved is None:
            return
        case_id, ref, unsaved = self._saved.id, self._saved.ref, self._unsaved_text()
        self._fill_steps.cancel()
        self.session.close()
        self._saved = None
        self._passages = None
        self._show_body(False)
        self.ui.saveState.setText("")
        where = " Show: Archived cases lists it." if how == "archived" else ""
        message = f"Case {ref} was {how} on another PC and was closed here.{where}"
        if unsaved:
            message += " What you had typed and not saved is below, to copy."
        box = QMessageBox(QMessageBox.Icon.Information, f"Case {ref} {how} elsewhere", message,
                          QMessageBox.StandardButton.Ok, self)
        if unsaved:
            box.setDetailedText(unsaved)
        self.elsewhere_dialog = box
        box.open()
        self.status_message.emit(f"Case {ref} was {how} on another PC and was closed here.")
        self.closed_elsewhere.emit(case_id or 0)
