"""The care plan of one case: build the draft from the team's input, edit it, sign it off, version it.

Keyboard: in every table, Insert or Ctrl+N adds a row (after the selected one), Delete removes the selected
row, Ctrl+Shift+Up/Down moves it, Tab and Shift+Tab go from cell to cell, typing or F2 edits a cell and
Enter finishes; Ctrl+Z / Ctrl+Shift+Z undo and redo through the main
window's one undo stack. Alt+O, G, I, M, R, W go to the parts of the plan; Alt+B builds the draft.

Everything typed is saved by the plan's :class:`RecordSession` (on a pause in typing and at least every 2 s
while it goes on, on the writer thread, retried by itself after a fault that passes) with
``CarePlanService.save_draft`` stating the version the person saw. Each change is a step on the window's
undo stack (the shared commands of :mod:`mdtboard.ui.editing.commands`). When someone saved the plan
elsewhere meanwhile, the two are merged field by field (each list is one field): their changes to other
parts are kept, and only a part both changed is offered for a choice. A row just added is stored once it
has its text. A signed plan is shown
read-only under a "Signed — locked" banner; "Start a new version" copies it into an editable draft.
Printing, the PDF and the FHIR export are in :mod:`.actions`; drafts, versions and sign-off in
:mod:`.lifecycle`; edits, rows and what the undo commands call in :mod:`.plan_edits`; what is shown
of the plan and its state (header, buttons, lock, summaries, versions) in :mod:`.showing`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QHideEvent, QUndoStack
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from mdtboard.domain.careplan import (
    CarePlan,
    PlanLockedError,
)
from mdtboard.domain.careplan_draft import OfferedItem
from mdtboard.domain.case import Case, Discipline
from mdtboard.domain.conference import Attendee
from mdtboard.domain.errors import DatabaseError, InvalidInputError, MdtboardError
from mdtboard.services.context import Services
from mdtboard.ui import ops, palette
from mdtboard.ui.careplan.actions import PlanActions
from mdtboard.ui.careplan.display import WARNING_SIGN
from mdtboard.ui.careplan.fields import ACKNOWLEDGED, PlanFields
from mdtboard.ui.careplan.follow_through import FollowThroughPanel
from mdtboard.ui.careplan.history import VersionHistory
from mdtboard.ui.careplan.lifecycle import PlanLifecycle
from mdtboard.ui.careplan.plan_edits import PlanEditing
from mdtboard.ui.careplan.saving import field_label, plan_fields, plan_with_fields, store_plan
from mdtboard.ui.careplan.sections import (
    DISAGREEMENTS,
    GOALS,
    INTERVENTIONS,
    MEDICATION,
    PROBLEMS,
    PROCEDURES,
    RISKS,
)
from mdtboard.ui.careplan.showing import PlanShowing
from mdtboard.ui.careplan.signoff import SignOffPanel
from mdtboard.ui.careplan.tables import PlanTables
from mdtboard.ui.careplan.texts import unsaved_changes
from mdtboard.ui.dialogs import show_error
from mdtboard.ui.editing import undo_keys
from mdtboard.ui.editing.after_save import after_save
from mdtboard.ui.editing.clash_dialog import ClashDialog
from mdtboard.ui.editing.commands import RecordReplace
from mdtboard.ui.editing.session import PAUSE_MS, Clash, RecordSession
from mdtboard.ui.editing.steady import steady_save_state
from mdtboard.ui.editing.steps import Steps
from mdtboard.ui.fonts import set_relative_font
from mdtboard.ui.forms.ui_careplan_editor import Ui_CarePlanEditor

STYLE = f"""
QFrame#lockFrame {{
    background: {palette.LOCKED_BACKGROUND};
    border: 1px solid {palette.LOCKED_BORDER};
    border-radius: 4px;
}}
QLabel#saveState, QLabel#versionLabel, QLabel#presenceLabel {{ color: {palette.SLATE_TEXT}; padding: 0 6px; }}
"""


class CarePlanEditor(PlanLifecycle, PlanEditing, PlanShowing, QWidget):
    """The care plan of the case opened with :meth:`open_case`.

    Signals:
        status_message(str): a line for the status bar ("Saved 14:02:31", or why something failed).
        plan_saved(int): the plan of this case (its id) was saved.
        plan_signed(int): the plan of this case (its id) was signed by every discipline and locked.
        reveal_requested(): an undo or redo changed the plan; the window should show the editor.
    """

    status_message = Signal(str)
    plan_saved = Signal(int)
    plan_signed = Signal(int)
    reveal_requested = Signal()

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        save_delay_ms: int = PAUSE_MS,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo_stack
        self.ui = Ui_CarePlanEditor()
        self.ui.setupUi(self)
        self.setStyleSheet(STYLE)
        self.fields = PlanFields(self.ui)
        self.signoff = SignOffPanel(self.ui.sideContent)
        self.history = VersionHistory(self.ui.sideContent)
        self.ui.sideLayout.addWidget(self.signoff)
        self.ui.sideLayout.addWidget(self.history)
        self.ui.sideLayout.addStretch(1)
        service = services.careplans
        self.session = RecordSession(
            save=lambda plan: store_plan(service, plan),
            read=self._read_for_save,
            fields=plan_fields,
            build=plan_with_fields,
            label=field_label,
            what="care plan",
            pause_ms=save_delay_ms,
            parent=self,
        )
        self.tables = PlanTables(self.ui, self)
        self.output = PlanActions(self, services, settings)
        self.follow_through = FollowThroughPanel(services, self.ui.sectionTabs)
        self.ui.sectionTabs.addTab(self.follow_through, "Follow-thro&ugh")
        QWidget.setTabOrder(self.ui.disagreementsTable, self.follow_through.ui.actionsTable)
        QWidget.setTabOrder(self.follow_through.ui.actionsTable, self.follow_through.ui.recorderCombo)
        self._case: Case | None = None
        self._agenda_item_id: int | None = None
        self._plan: CarePlan | None = None
        self._latest_version: int | None = None
        #: Disciplines whose signing waits for the save of what was typed (a second Sign meanwhile is one).
        self._sign_waits: set[Discipline] = set()
        self._texts: dict[str, str] = {}
        self._loading = False
        self._review_problem: str | None = None
        self._offered: list[OfferedItem] = []
        self._offered_for: tuple[int | None, int | None] = (None, None)  # (case id, plan id) of that list
        self._opening = 0  # counts the openings asked for: only the last one is shown
        self._asked = {"offered": 0, "history": 0, "signers": 0}  # the same, for each display read
        #: the attendance list last read for sign-off: (agenda item id, conference id), who is present,
        #: who may sign for each discipline
        self._attendance: tuple[tuple[int | None, int | None], list[Attendee], dict[Discipline, list[str]]] \
            | None = None
        self.conflict_dialog: ClashDialog | None = None
        self._later = Steps(self)  # what a locked plan shows a turn of the event loop later
        #: parts whose text of this person's own a choice did not keep (brought back by undo)
        self._discarded: dict[str, Any] = {}
        self.last_dialog: QWidget | None = None
        self._prepare_widgets()
        self._connect_signals()
        self._show_state()
        undo_keys.register(self, undo_stack)  # Ctrl+Z in any field: the window's one history

    # -- set-up
    def _prepare_widgets(self) -> None:
        set_relative_font(self.ui.headerLabel, 1.25, bold=True)
        set_relative_font(self.ui.lockLabel, 1.05)
        for key in self.fields.keys():  # noqa: SIM118 (PlanFields is not a dict)
            widget = self.fields.widget(key)
            if isinstance(widget, QPlainTextEdit):
                widget.setUndoRedoEnabled(False)
        steady_save_state(self.ui.saveState)  # a new state repaints the label, not the editor
        self.ui.bodySplitter.setStretchFactor(0, 3)
        self.ui.bodySplitter.setStretchFactor(1, 1)
        self.ui.bodySplitter.setSizes([900, 360])

    def _connect_signals(self) -> None:
        for key, widget in self.fields.texts.items():
            widget.textChanged.connect(lambda *_a, key=key: self._edited(key))
        for radio in self.fields.radios.values():
            radio.toggled.connect(self._agreement_toggled)
        self.fields.acknowledged.toggled.connect(lambda _checked: self._edited(ACKNOWLEDGED))
        self.ui.reviewDateEdit.editingFinished.connect(self._tidy_review_date)
        self.tables.item_edited.connect(self._push_item)
        self.tables.add_requested.connect(self.add_row)
        self.tables.accept_requested.connect(self.accept_proposed)
        self.tables.merge_requested.connect(self.merge_with_previous)
        self.tables.remove_requested.connect(self.remove_row)
        self.tables.move_requested.connect(self.move_row)
        self.tables.problem.connect(self._cell_problem)
        self.tables.items_changed.connect(self._show_summaries)
        self.ui.offeredList.itemActivated.connect(
            lambda item: self.add_offered(self.ui.offeredList.row(item))
        )
        self.ui.buildButton.clicked.connect(self.build_draft)
        self.ui.newVersionButton.clicked.connect(lambda: self.start_new_version())
        self.ui.currentButton.clicked.connect(self.show_latest)
        self.ui.printButton.clicked.connect(self.output.print_preview)
        self.ui.pdfButton.clicked.connect(self.output.choose_and_save_pdf)
        self.ui.fhirButton.clicked.connect(self.output.choose_and_export_fhir)
        self.ui.pageSizeCombo.currentIndexChanged.connect(self.output.page_size_chosen)
        self.ui.audienceCombo.currentIndexChanged.connect(self.output.audience_chosen)
        self.signoff.sign_requested.connect(self.sign)
        self.signoff.withdraw_requested.connect(self.withdraw)
        self.history.show_version_requested.connect(self.show_version)
        self.history.message.connect(self.status_message)
        self.follow_through.message.connect(self.status_message)
        self.follow_through.shown.connect(self._follow_through_shown)
        self.ui.sectionTabs.currentChanged.connect(self._part_shown)
        self.output.message.connect(self.status_message)
        self.session.saved.connect(self._on_saved)
        self.session.state_changed.connect(self._show_save_state)
        self.session.failed.connect(self._on_save_failed)
        self.session.merged.connect(self._on_merged)
        self.session.clashed.connect(self._on_clash)

    # -- what is open
    def current_case_id(self) -> int | None:
        return None if self._case is None else self._case.id

    @property
    def case(self) -> Case | None:
        return self._case

    @property
    def plan(self) -> CarePlan | None:
        """The plan shown, as last read from or saved to the database."""
        return self._plan

    @property
    def agenda_item_id(self) -> int | None:
        return self._agenda_item_id

    @property
    def viewing_earlier(self) -> bool:
        return self._plan is not None and self._plan.plan_version != self._latest_version

    @property
    def editable(self) -> bool:
        return self._plan is not None and not self._plan.signed and not self.viewing_earlier

    @property
    def pending(self) -> bool:
        return self.session.pending

    def open_case(
        self, case_id: int, agenda_item_id: int | None = None, *, then: Callable[[], None] | None = None
    ) -> bool:
        """Show the latest plan of ``case_id`` (``agenda_item_id``: where it is discussed, for a draft or a
        new version), read on the writer after the save of what is pending, queued ("Opening…"), shown
        once that went through, then ``then`` runs. False when the pending changes cannot be saved as they
        are; a failed save or read is told in the status bar, and the plan shown stays."""
        self.session.queue_save()
        if self.session.outcome() == "failed":
            self.status_message.emit("The care plan shown is not saved yet; staying on it.")
            return False
        services = self._services
        self._opening += 1
        token = self._opening

        def work() -> tuple[Case, CarePlan | None]:
            return services.cases.get(case_id), services.careplans.current(case_id)

        self.ui.saveState.setText("Opening…")
        ops.write(
            work, parent=self, label="opening a care plan",
            success=lambda got: self._opened(token, case_id, agenda_item_id, got, then),
            failure=lambda exc: self._open_failed(token, exc),
        )
        return True

    def _opened(
        self, token: int, case_id: int, agenda_item_id: int | None,
        got: tuple[Case, CarePlan | None], then: Callable[[], None] | None,
    ) -> None:
        if token != self._opening:  # another case was asked for meanwhile: that one is shown
            return
        self._show_save_state(self.session.state_text)
        if (outcome := self.session.outcome()) != "saved":  # typed on meanwhile: saved, read again
            if outcome == "typing":
                self.open_case(case_id, agenda_item_id, then=then)
            else:
                self.status_message.emit("The care plan shown is not saved yet; staying on it.")
            return
        case, plan = got
        if self._case is None or self._case.id != case_id:
            self.signoff.reset()
        self._case = case
        self._agenda_item_id = agenda_item_id
        self._latest_version = None if plan is None else plan.plan_version
        self._load(plan)
        if then is not None:
            then()

    def _open_failed(self, token: int, error: MdtboardError) -> None:
        if token != self._opening:
            return
        self.ui.saveState.setText("")
        self.status_message.emit(f"Care plan not opened: {str(error).splitlines()[0]}")

    def show_latest(self) -> None:
        if self._case is not None and self._case.id is not None:
            self.open_case(self._case.id, self._agenda_item_id)

    def show_version(self, plan_version: int) -> None:
        """Show an earlier version (read-only), or the latest one, once what was typed is saved."""
        if self._case is None or self._case.id is None:
            return
        case_id = self._case.id
        self.after_save(lambda: self._show_version(case_id, plan_version), "Version not shown",
                        "showing a care-plan version")

    def _show_version(self, case_id: int, plan_version: int) -> None:
        if self._case is None or self._case.id != case_id:
            return  # another case was opened meanwhile
        if plan_version == self._latest_version:
            self.show_latest()
            return
        careplans, case_id = self._services.careplans, self._case.id
        ops.read(lambda: careplans.get_version(case_id, plan_version), parent=self,
                 label="reading a care-plan version", success=lambda plan: self._version_read(plan),
                 failure=lambda exc: self.status_message.emit(str(exc)))

    def _version_read(self, plan: CarePlan) -> None:
        if self._case is None or plan.case_id != self._case.id:
            return  # another case was opened meanwhile
        self._load(plan)
        self.status_message.emit(f"Showing version {plan.plan_version} (read-only)")

    def _load(self, plan: CarePlan | None) -> None:
        self._later.cancel()
        self._plan = plan
        self.session.load(plan)
        self._fill(plan)
        self._review_problem = None
        self.ui.saveState.setText("")
        self._show_offered()
        self._show_history()
        self._show_follow_through()
        self._show_state()

    def _fill(self, plan: CarePlan | None) -> None:
        """Show ``plan``'s content (not an edit)."""
        self._loading = True
        try:
            with self.session.suspend():
                if plan is None:
                    self.fields.clear()
                    self._texts = {}
                else:
                    self._texts = self.fields.fill(plan)
                self.tables.fill(plan)
        finally:
            self._loading = False

    # -- saving (through the record session)
    def flush(self) -> bool:
        """Save anything pending now and wait for it (closing the window only: see
        :meth:`after_save`); False when the save failed or awaits a choice (the text stays on screen)."""
        ok = self.session.flush()
        self._show_save_state(self.session.state_text)
        return ok

    def after_save(
        self, step: Callable[[], object], not_done: str, label: str = "",
        refused: Callable[[], object] | None = None,
    ) -> bool:
        """Run ``step`` once what was typed in the plan is saved: the save queued on the writer, not
        waited for (see :mod:`mdtboard.ui.editing.after_save`). When that save fails or awaits a choice,
        ``step`` does not run, the text stays with its "Not saved" state, and the status bar says
        ``not_done`` ("Not signed") and why. False when refused now. ``label``: what the step is, for the
        list of what is still being saved when the window closes; ``refused``: run too when refused."""

        def not_run(reason: str) -> None:
            self._show_save_state(self.session.state_text)
            why = reason.removeprefix("Not saved: ").rstrip(".")
            self.status_message.emit(
                f"{not_done}: the changes typed in the care plan are not saved yet ({why}). "
                "Your text is kept on screen."
            )
            if refused is not None:
                refused()

        return after_save(self.session, step, not_run, parent=self, label=label or "a care-plan save")

    def read_plan(self) -> CarePlan:
        """The plan as the form shows it (rows still without their text left out)."""
        assert self._plan is not None
        values = self.fields.read(self._plan)
        self._review_problem = values.review_date_problem
        return replace(
            self._plan,
            formulation=values.formulation,
            problems=self.tables.stored(PROBLEMS),
            goals=self.tables.stored(GOALS),
            interventions=self.tables.stored(INTERVENTIONS),
            medication_plan=self.tables.stored(MEDICATION),
            procedures=self.tables.stored(PROCEDURES),
            risk_mitigations=self.tables.stored(RISKS),
            disagreements=self.tables.stored(DISAGREEMENTS),
            review_date=values.review_date,
            responsible_clinician=values.responsible_clinician,
            agreement=values.agreement,
            restriction_acknowledged=values.restriction_acknowledged,
        )

    def _read_for_save(self) -> CarePlan | None:
        """The plan on screen as the session saves it (nothing while it cannot be edited)."""
        if self._plan is None or not self.editable:
            return None
        return self.read_plan()

    def _on_saved(self, stored: CarePlan) -> None:
        before = self._plan
        if before is None or stored.id != before.id:
            return
        self._plan = stored
        withdrawn = before.signed_disciplines() - stored.signed_disciplines()
        if withdrawn:
            names = ", ".join(d.label.lower() for d in Discipline if d in withdrawn)
            self.status_message.emit(f"The plan changed, so the sign-offs given ({names}) were withdrawn.")
        self._show_signoff()
        self.history.model.update_plan(stored)
        assert self._case is not None and self._case.id is not None
        self.plan_saved.emit(self._case.id)

    def _show_save_state(self, text: str) -> None:
        """The session's save state beside the plan ("Saved 14:02:31", with what is not saved yet)."""
        if text.startswith("Saved"):
            blank = self.tables.blank_rows()
            if blank:
                text += f" · {blank} new row{'s' if blank != 1 else ''} without text not saved yet"
            if self._review_problem:
                text += " · review date not saved (see the field)"
        if text == self.ui.saveState.text().removeprefix(f"{WARNING_SIGN} "):
            return
        if text.startswith(("Not saved", "Changed elsewhere")):
            self.ui.saveState.setText(f"{WARNING_SIGN} {text}")
        else:
            self.ui.saveState.setText(text)
        if text.startswith("Saved"):
            self.status_message.emit(text)
        elif text.startswith("Not saved") and isinstance(self.session.last_error, DatabaseError):
            self.status_message.emit(f"Care plan {text[0].lower()}{text[1:]} Your text is kept on screen.")

    def _on_save_failed(self, error: MdtboardError) -> None:
        if isinstance(error, PlanLockedError) and self._plan is not None:
            mine = self.read_plan()
            lost = unsaved_changes(self._plan, mine)
            self.session.load(None)  # nothing more of this version is saved
            self.last_dialog = show_error(
                self,
                "The care plan was signed meanwhile",
                f"{error}\n\nThese changes of yours were not saved:\n{lost}",
            )
            self.show_latest()
            return
        first = str(error).splitlines()[0]
        if isinstance(error, InvalidInputError):
            first = "; ".join(f"{p.where}: {p.message}" for p in error.problems[:3])
        self.ui.saveState.setText(f"{WARNING_SIGN} Not saved")
        self.status_message.emit(
            f"Care plan not saved: {first} Your text is kept on screen; it is saved with your next change."
        )

    # -- a version saved elsewhere: merged by part; only a part both changed is offered for a choice
    def _on_merged(self, merged: CarePlan, message: str) -> None:
        """Show the merge of this person's edits with the version saved elsewhere (the session saves it);
        a text of one's own that a choice did not keep goes on the undo stack, and undo puts back only
        that text."""
        discarded, self._discarded = self._discarded, {}
        if self._plan is None or merged.id != self._plan.id:
            return
        self._plan = copy.deepcopy(self.session.base)
        self._fill(merged)
        self._show_summaries()
        self._show_signoff()
        ids = self._ids()
        if discarded and ids is not None:
            before = plan_with_fields(merged, discarded)
            self._undo.push(RecordReplace(self, ids, before, merged, "Choose the saved care plan text"))
        if message:
            self.status_message.emit(f"Care plan: {message}")

    def _on_clash(self, clash: Clash) -> None:
        theirs = clash.theirs_record
        dialog = ClashDialog(
            f"Care plan version {theirs.plan_version} of {theirs.case_ref}", clash, field_label, self
        )
        self.conflict_dialog = dialog
        dialog.finished.connect(lambda _result: self._settle(dialog, clash))
        self.status_message.emit("The care plan was changed elsewhere: nothing was overwritten")
        dialog.open()

    def _settle(self, dialog: ClashDialog, clash: Clash) -> None:
        self.conflict_dialog = None
        if self._plan is None or self._plan.id != clash.theirs_record.id or not self.editable:
            return
        keep = dialog.keep_mine
        mine = plan_fields(self.read_plan())  # with what was typed while the choice was open
        self._discarded = {n: mine[n] for n in clash.merge.clashes if n not in keep and n in mine}
        self.session.settle(clash, keep)

    # -- leaving
    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        """Leaving the care plan (another page, closing) saves what was typed: queued, not waited for."""
        self.session.queue_save()
        super().hideEvent(event)
