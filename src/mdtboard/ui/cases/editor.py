"""The case editor: a case prepared in ISBAR order, saved as it is typed.

There is no Save button. Each change is pushed on the window's undo stack and saved by the case's
:class:`RecordSession` (on a pause in typing and at least every 2 s while it goes on, on the writer
thread), with ``CaseService.update`` stating the version the person saw.
A field with a problem (a score of 11, a word where a number goes) is marked where it is, keeps the typed
text on screen, and is left out of the save: the database keeps its last valid value while the rest of
the form is saved. When someone else saved the case in between, the two are merged field by field: their
changes to other fields are kept (and the person told), and only a field both changed is shown side by side
(:class:`ClashDialog`) for a choice; nothing is overwritten until then.

Edits, rows, restricted passages and what the undo commands call are in :mod:`.case_edits`; the panels
beside the fields (header, banners, scores, MME) in :mod:`.beside`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QStyledItemDelegate,
    QWidget,
)

from mdtboard.domain.case import Case, RestrictedPassage
from mdtboard.domain.errors import InvalidInputError, MdtboardError, NotFoundError, Problem
from mdtboard.domain.scoring import PHQ_GAD_ATTRIBUTION
from mdtboard.services.context import Services
from mdtboard.services.permissions import NotAllowedError
from mdtboard.ui import ops as ops_module
from mdtboard.ui import palette
from mdtboard.ui.cases import display as show
from mdtboard.ui.cases.beside import CaseBeside
from mdtboard.ui.cases.case_edits import CaseEditing
from mdtboard.ui.cases.elsewhere import CaseElsewhere
from mdtboard.ui.cases.fields import case_fields, case_with_fields, field_label
from mdtboard.ui.cases.filling import CaseFilling
from mdtboard.ui.cases.form import (
    CaseForm,
    Reading,
)
from mdtboard.ui.cases.medication_entry import (
    MedicationDelegate,
    SpaceTogglesCheckBoxes,
)
from mdtboard.ui.cases.restricted import (
    RESTRICT_KEYS,
    PassageDialog,
)
from mdtboard.ui.dialogs import show_error
from mdtboard.ui.editing import undo_keys
from mdtboard.ui.editing.after_save import after_save
from mdtboard.ui.editing.clash_dialog import ClashDialog
from mdtboard.ui.editing.commands import RecordReplace
from mdtboard.ui.editing.session import PAUSE_MS, Clash, RecordSession, SaveState
from mdtboard.ui.editing.steady import steady_save_state
from mdtboard.ui.editing.steps import Steps
from mdtboard.ui.fonts import set_relative_font
from mdtboard.ui.forms.ui_case_editor import Ui_CaseEditor

STYLE = f"""
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] {{
    border: 2px solid {palette.PROBLEM_BORDER}; border-radius: 3px; background: {palette.PROBLEM_BACKGROUND};
}}
QLabel[role="error"] {{ color: {palette.PROBLEM_TEXT}; font-weight: bold; }}
QLabel#sharingBanner {{
    background: {palette.SHARING_BACKGROUND}; color: {palette.SHARING_TEXT};
    border: 2px solid {palette.SHARING_BORDER}; border-radius: 4px; padding: 8px;
    font-weight: bold;
}}
QLabel#safetyBanner {{
    background: {palette.PROBLEM_BORDER}; color: {palette.WHITE};
    border: 2px solid {palette.SAFETY_STRONG_BORDER}; border-radius: 4px; padding: 10px;
    font-weight: bold;
}}
QLabel#kindBadge[fictional="true"] {{
    border: 1px solid {palette.FICTIONAL_BORDER}; color: {palette.FICTIONAL_TEXT};
    background: {palette.FICTIONAL_BACKGROUND}; border-radius: 3px; padding: 3px 8px;
    font-weight: bold;
}}
QLabel#kindBadge[fictional="false"] {{ color: {palette.QUIET_TEXT}; padding: 2px 6px; }}
QLabel#headerLabel {{ font-weight: bold; }}
QLabel#saveState, QLabel#presenceLabel {{ color: {palette.QUIET_TEXT}; }}
"""


#: What the name field of a new case says until the name is typed.
NAME_FIRST = "type the patient's name: the new case is stored once it has one"
NEW_CASE_STATE = "New case: stored once the patient's name is typed"


class _CellDelegate(QStyledItemDelegate):
    """A plain cell editor (kept as a class: the medication table has its own)."""


class CaseEditor(CaseEditing, CaseFilling, CaseBeside, CaseElsewhere, QWidget):
    """Edits one case at a time.

    A new case (:meth:`new_case`) is a draft with no database id until the patient's name is typed: it is
    then created (``CaseService.create``) and saved as any other case from there on; a new case left
    without a name leaves nothing behind.

    Signals:
        case_opened(int): a case (its id) was loaded into the editor.
        case_created(int): the new case being typed was stored, with this id.
        case_saved(int): the open case (its id) was saved.
        status_message(str): a line for the status bar ("Saved 14:02:31", or why a save failed).
        closed_elsewhere(int): the open case (its id) was deleted or archived on another PC and closed.
    """

    case_opened = Signal(int)
    case_created = Signal(int)
    case_saved = Signal(int)
    status_message = Signal(str)
    closed_elsewhere = Signal(int)

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        save_delay_ms: int = PAUSE_MS,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo_stack
        self.ui = Ui_CaseEditor()
        self.ui.setupUi(self)
        self.setStyleSheet(STYLE)
        self.form = CaseForm(self.ui)
        service = services.cases
        self.session = RecordSession(
            # Saves are one at a time, so the base is the stored version the edit states: only what
            # changed is written (see CaseService.update).
            save=lambda case: (
                service.create(case) if case.id is None else service.update(case, base=self.session.base)
            ),
            read=self._read_for_save,
            fields=case_fields,
            build=case_with_fields,
            label=field_label,
            what="case",
            pause_ms=save_delay_ms,
            parent=self,
        )
        self._saved: Case | None = None
        self._opening = 0  # counts the openings asked for: only the last one is shown
        #: Undo commands name a new case not stored yet by a negative key; once it is stored, the key maps
        #: to its id here.
        self._draft_key = 0
        self._stored_drafts: dict[int, int] = {}
        self._draft_texts: dict[str, str] | None = None  # the form of the new case as opened
        self._texts: dict[str, str] = {}
        self._loading = False
        self._service_problems: list[tuple[str | None, str, Problem, str]] = []
        self._not_saved_count = 0
        self.conflict_dialog: ClashDialog | None = None
        self.passage_dialog: PassageDialog | None = None
        self.elsewhere_dialog: QMessageBox | None = None  # a case deleted or archived on another PC
        self._passages: list[RestrictedPassage] | None = None  # as marked on screen
        self._changed_passages: list[RestrictedPassage] = []  # marked, but no longer in their field
        self._edit_count = 0  # edits made, so that a reading of the form knows when it is stale
        #: the rest of a case being shown, one turn of the event loop a step (see .filling)
        self._fill_steps = Steps(self)
        self._part_keys: list[frozenset[str]] | None = None  # the fields and tables of each ISBAR part
        self._prepare_widgets()
        self._connect_signals()
        self._show_body(False)
        undo_keys.register(self, undo_stack)  # Ctrl+Z in any field: the window's one history

    # -- set-up
    def _prepare_widgets(self) -> None:
        for label in self.form.all_error_labels():
            label.setProperty("role", "error")
        set_relative_font(self.ui.safetyBanner, 1.2, bold=True)
        set_relative_font(self.ui.sharingBanner, 1.1, bold=True)
        set_relative_font(self.ui.headerLabel, 1.3, bold=True)
        set_relative_font(self.ui.attributionLabel, 0.85)
        self.ui.attributionLabel.setText(PHQ_GAD_ATTRIBUTION)
        for key in self.form.scalar_keys():
            widget = self.form.widget(key)
            if isinstance(widget, QPlainTextEdit):
                widget.setUndoRedoEnabled(False)
        for table in self.form.tables.values():
            if table is self.ui.medicationsTable:
                table.setItemDelegate(MedicationDelegate(table))
                table.installEventFilter(SpaceTogglesCheckBoxes(table))
            else:
                table.setItemDelegate(_CellDelegate(table))
            table.verticalHeader().setVisible(False)
        medications = self.ui.medicationsTable
        for column, width in enumerate((200, 90, 90, 130, 80, 100, 70)):
            medications.setColumnWidth(column, width)
        self.ui.locationsTable.setColumnWidth(0, 220)
        self.ui.locationsTable.setColumnWidth(1, 120)
        self.ui.otherScoresTable.setColumnWidth(0, 220)
        self.ui.otherScoresTable.setColumnWidth(1, 100)
        steady_save_state(self.ui.saveState)  # a new state repaints the label, not the editor
        restrict = QShortcut(RESTRICT_KEYS, self)
        restrict.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        restrict.activated.connect(self.mark_selection)

    def _connect_signals(self) -> None:
        for key in self.form.scalar_keys():
            widget = self.form.widget(key)
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.textChanged.connect(lambda *_args, key=key: self._edited(key))
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(lambda _i, key=key: self._edited(key))
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(lambda _b, key=key: self._edited(key))
        for name, table in self.form.tables.items():
            table.itemChanged.connect(lambda item, name=name: self._cell_edited(name, item))
        self.ui.addLocationButton.clicked.connect(lambda: self.add_row("locationsTable"))
        self.ui.removeLocationButton.clicked.connect(lambda: self.remove_row("locationsTable"))
        self.ui.addMedicationButton.clicked.connect(lambda: self.add_row("medicationsTable"))
        self.ui.removeMedicationButton.clicked.connect(lambda: self.remove_row("medicationsTable"))
        self.ui.addScoreButton.clicked.connect(lambda: self.add_row("otherScoresTable"))
        self.ui.removeScoreButton.clicked.connect(lambda: self.remove_row("otherScoresTable"))
        # another part brought to the front while a case is being shown: its fields at once
        self.ui.isbarTabs.currentChanged.connect(lambda _i: self._fill_steps.finish(fields_only=True))
        self.session.saved.connect(self._on_saved)
        self.session.state_changed.connect(self._show_state)
        self.session.failed.connect(self._on_save_failed)
        self.session.merged.connect(self._on_merged)
        self.session.clashed.connect(self._on_clash)

    def _show_body(self, shown: bool) -> None:
        self.ui.editorBody.setVisible(shown)
        self.ui.emptyLabel.setVisible(not shown)

    # -- opening and saving
    def current_case_id(self) -> int | None:
        return self._saved.id if self._saved is not None else None

    @property
    def is_new_case(self) -> bool:
        """True while a new case is open that has not been stored yet."""
        return self._saved is not None and self._saved.id is None

    def _case_key(self) -> int:
        """What the undo commands call the open case: its id, or the draft's negative key."""
        assert self._saved is not None
        return self._saved.id if self._saved.id is not None else self._draft_key

    def new_case(self, case: Case, *, then: Callable[[], object] | None = None) -> bool:
        """Open ``case`` (not stored, no id) as a new case once the open case is saved: its save queued,
        not waited for (a locked or silent database does not hold the window); then ``then`` runs. It is
        stored once its patient's name is typed. When that save fails the open case stays, its state
        saying why, and the status bar says no new case was opened; False when it is refused now."""

        def refused(reason: str) -> None:
            self._show_state(self.session.state_text)
            why = reason.removeprefix("Not saved: ").rstrip(".")
            self.status_message.emit(
                f"No new case opened: the changes to the open case are not saved yet ({why})."
            )

        return after_save(self.session, lambda: self._new_case(case, then), refused, parent=self,
                          label="opening a new case")

    def _new_case(self, case: Case, then: Callable[[], object] | None) -> None:
        self._opening += 1  # an opening asked for before is not shown over it
        self._draft_key -= 1
        self._load(case)
        self.ui.isbarTabs.setCurrentIndex(0)
        self.ui.saveState.setText(NEW_CASE_STATE)
        if then is not None:
            then()

    @property
    def saved_case(self) -> Case | None:
        """The case as last read from or saved to the database."""
        return self._saved

    @property
    def pending(self) -> bool:
        return self.session.pending

    def open_case(self, case_id: int, *, then: Callable[[], object] | None = None) -> bool:
        """Show ``case_id``, saving the open case first: its save queued, not waited for (a locked or
        silent database does not hold the window). The case is read in the background, on the writer
        thread after that save ("Opening…" meanwhile; a later opening wins), and shown only when the save
        went through (else the open case stays, its state saying why); once shown, ``then`` runs. False
        when the open case cannot be saved as it is (a choice awaited, a save refused: it stays open) or
        ``case_id`` is a new case never stored; a case that does not exist, or a database that does not
        answer, is told in the status bar and the case shown stays."""
        if self._saved is not None and self._saved.id == case_id:
            if then is not None:
                then()
            return True
        if case_id < 0:  # a new case that was never stored
            return False
        self.session.queue_save()
        if self.session.pending and self.session.state in (SaveState.CONFLICT, SaveState.FAILED):
            return False  # (said in its save state)
        left = self._saved
        dropped = len(self._read().invalid_units) if left is not None else 0
        services = self._services
        self._opening += 1
        token = self._opening
        before = self.ui.saveState.text()
        self.ui.saveState.setText("Opening…")
        ops_module.write(  # the writer: the read may be recorded (restricted passages shown whole)
            lambda: services.cases.open(case_id), parent=self, label="opening a case",
            success=lambda case: self._opened(token, case, left, dropped, then),
            failure=lambda exc: self._open_failed(token, exc, before),
        )
        return True

    def _opened(
        self, token: int, case: Case, left: Case | None, dropped: int, then: Callable[[], object] | None
    ) -> None:
        if token != self._opening:  # another case was asked for meanwhile: that one is shown
            return
        assert case.id is not None
        outcome = self.session.outcome()
        if outcome == "typing":  # typed on meanwhile: saved first, then the case read again
            self.ui.saveState.setText(self.session.state_text)
            self.open_case(case.id, then=then)
            return
        if outcome == "failed":  # the case typed in stays, its state saying why
            self._show_state(self.session.state_text)
            what = f"case {left.ref}" if left is not None and left.ref else "the open case"
            self.status_message.emit(f"Case {case.ref} not opened: the changes to {what} are not saved yet.")
            return
        self._load(case, sliced=True)
        self.case_opened.emit(case.id)
        if left is not None and dropped:
            fields = "field was" if dropped == 1 else "fields were"
            self.status_message.emit(
                f"{dropped} marked {fields} not saved in case {left.ref} (the stored values are kept)"
            )
        if then is not None:
            then()

    def _open_failed(self, token: int, error: MdtboardError, state: str) -> None:
        if token != self._opening:
            return
        self.ui.saveState.setText(state)  # the case shown stays, with its save state
        if isinstance(error, NotFoundError | NotAllowedError):
            self.status_message.emit(str(error))
        else:
            self.status_message.emit(f"Case not opened: {str(error).splitlines()[0]}")

    def set_archived_at(self, case_id: int, when: datetime | None) -> None:
        """The open case ``case_id`` was archived (``when``) or restored (None) elsewhere: say so."""
        if self._saved is not None and self._saved.id == case_id:
            self._saved = replace(self._saved, archived_at=when)
            self._refresh()

    def close_case(
        self, case_id: int, then: Callable[[], object] | None = None,
        refused: Callable[[str], object] | None = None,
    ) -> bool:
        """Stop showing ``case_id`` (being deleted) once what is typed in it is saved: the save queued, not
        waited for (a locked or silent database does not hold the window); then ``then`` runs (the
        deletion, on the writer after that save). When the save fails, the case stays open with its text
        and "Not saved", and ``refused(why)`` runs instead. True when it was not open, is closed, or
        waits for its save; False when refused now."""
        if self._saved is None or self._saved.id != case_id:
            if then is not None:
                then()
            return True

        def not_saved(reason: str) -> None:
            self._show_state(self.session.state_text)
            if refused is not None:
                refused(reason.removeprefix("Not saved: ").rstrip("."))

        return after_save(self.session, lambda: self._close_case(case_id, then), not_saved, parent=self,
                          label="closing a case")

    def _close_case(self, case_id: int, then: Callable[[], object] | None) -> None:
        if self._saved is not None and self._saved.id == case_id:  # (else another case was opened)
            self._close()
        if then is not None:
            then()

    def _close(self) -> None:
        self._fill_steps.cancel()
        self.session.close()
        self._saved = None
        self._passages = None
        self._show_body(False)
        self.ui.saveState.setText("")

    def _load(self, case: Case, *, sliced: bool = False) -> None:
        """Show ``case``. ``sliced`` (a case opened): the header, the banners, the free texts and the part
        in front at once, the rest a step per turn of the event loop (see :mod:`.filling`)."""
        self._fill_steps.cancel()
        self._saved = case
        self._passages = list(case.restricted_passages) if case.restricted_passages is not None else None
        self._service_problems = []
        if sliced:
            self._show_in_steps(case)
            return
        self._fill_keys(case, None)
        self.session.load(case)
        self._draft_texts = dict(self._texts) if case.id is None else None
        self._show_body(True)
        self.ui.saveState.setText("")
        self._refresh()

    def flush(self) -> bool:
        """Save anything pending now and wait for it (leaving the case, closing the window); False when
        a save failed or awaits a choice (the text stays on screen)."""
        if self._saved is None:
            return True
        return self.session.flush()

    def _read_for_save(self) -> Case | None:
        """The case on screen as the session saves it: marked fields keep their stored values. A new case
        is stored once its patient's name is typed; before that, there is nothing to save."""
        if self._saved is None:
            return None
        reading = self._read()
        self._not_saved_count = len({unit for _k, unit, _p in reading.problems})
        if self._saved.id is None:
            if self._texts == self._draft_texts:
                return None  # nothing typed (or all of it taken back): nothing to store
            units = reading.invalid_units
            if "nameEdit" in units:
                raise MdtboardError("the new case is stored once the patient's name is typed.")
            if "refEdit" in units:
                raise MdtboardError("the new case needs a reference no other case has.")
        return reading.case

    def _created(self, stored: Case) -> None:
        assert stored.id is not None
        self._stored_drafts[self._draft_key] = stored.id
        self._saved = stored
        self._draft_texts = None
        self.case_created.emit(stored.id)
        self.case_saved.emit(stored.id)

    def _read(self) -> Reading:
        self._fill_steps.finish(fields_only=True)  # never a half-filled form
        self._service_problems = [
            entry
            for entry in self._service_problems
            if entry[0] is None or self.form.text(entry[0]) == entry[3]
        ]
        assert self._saved is not None
        reading = self.form.read(self._saved, extra=[(k, u, p) for k, u, p, _t in self._service_problems])
        reading.case.restricted_passages = list(self._passages) if self._passages is not None else None
        if self._saved.id is None:
            if self._texts == self._draft_texts:
                reading.problems = []  # a new case not typed in yet: nothing to mark
            else:
                reading.problems = [
                    (key, unit, Problem(p.where, NAME_FIRST) if p.where == "patient.display_name" else p)
                    for key, unit, p in reading.problems
                ]
        return reading

    def _on_saved(self, stored: Case) -> None:
        if self._saved is None:
            return
        if self._saved.id is None and stored.id is not None:
            self._created(stored)
        elif stored.id == self._saved.id:
            self._saved = stored
            self.case_saved.emit(stored.id)

    def _show_state(self, text: str) -> None:
        if self.is_new_case and not text.startswith("Not saved"):
            self.ui.saveState.setText(NEW_CASE_STATE)
            return
        if self.is_new_case:
            first = text.removeprefix("Not saved: ")
            self.ui.saveState.setText(f"{show.WARNING_SIGN} Not stored yet: {first}")
            self.status_message.emit(f"New case not stored yet: {first} What you typed stays on screen.")
            return
        if text.startswith("Saved ") and self._not_saved_count:
            fields = "field" if self._not_saved_count == 1 else "fields"
            text += f" · {self._not_saved_count} marked {fields} not saved until corrected"
        if text.startswith(("Not saved", "Changed elsewhere")):
            self.ui.saveState.setText(f"{show.WARNING_SIGN} {text}")
        else:
            self.ui.saveState.setText(text)
        if text and text != "Saving…":
            self.status_message.emit(text)

    def _on_save_failed(self, error: MdtboardError) -> None:
        if isinstance(error, InvalidInputError):
            # A rule only the service can check (a reference already taken): mark it and save the rest.
            for problem in error.problems:
                key = self.form.key_for(problem.where)
                unit = self.form.unit_for(problem.where)
                self._service_problems.append((key, unit, problem, self.form.text(key) if key else ""))
            self._refresh()
            self.session.touch()
            self.session.save_now()

    # -- conflicts: merged by field; only a field changed on both sides is offered for a choice
    def _on_merged(self, merged: Case, message: str) -> None:
        """The session merged this person's edits with a version saved elsewhere: show the result, with
        what it replaced on the undo stack (so that nothing typed is lost for good)."""
        if self._saved is None or merged.id != self._saved.id:
            return
        before = self._read().case
        self._saved = copy.deepcopy(self.session.base)
        self._show_record(merged)
        self._undo.push(RecordReplace(self, self._case_key(), before, merged, "Merge with the saved version"))
        if message:
            self.status_message.emit(message)

    def _on_clash(self, clash: Clash) -> None:
        theirs = clash.theirs_record
        dialog = ClashDialog(f"Case {theirs.ref}", clash, field_label, self)
        self.conflict_dialog = dialog
        dialog.finished.connect(lambda _result: self._settle(dialog, clash))
        self.status_message.emit(f"Case {theirs.ref} was changed elsewhere: nothing was overwritten")
        dialog.open()

    def _settle(self, dialog: ClashDialog, clash: Clash) -> None:
        self.conflict_dialog = None
        if self._saved is None or self._saved.id != clash.theirs_record.id:
            return
        self.session.settle(clash, dialog.keep_mine)

    def _show_record(self, case: Case) -> None:
        """Fill the form with ``case``'s content (not an edit: the caller saves it)."""
        self._fill_steps.cancel()
        self._loading = True
        try:
            with self.session.suspend():
                self.form.fill(case)
        finally:
            self._loading = False
        self._texts = self.form.snapshot()
        self._refresh()

    def show_error(self, title: str, text: str) -> None:
        show_error(self, title, text)
