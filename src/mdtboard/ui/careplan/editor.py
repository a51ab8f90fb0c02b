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
Printing, the PDF and the FHIR export are in :mod:`.actions`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Hashable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QHideEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from mdtboard.domain.accounts import Account, Credential, Role
from mdtboard.domain.careplan import (
    CarePlan,
    Goal,
    Intervention,
    MedicationPlanEntry,
    PlanLockedError,
    SignOff,
)
from mdtboard.domain.careplan_checks import OpenItem, required_sign_offs
from mdtboard.domain.careplan_draft import OfferedItem, offered_sources
from mdtboard.domain.case import Case, Discipline
from mdtboard.domain.conference import Attendee, Conference
from mdtboard.domain.errors import ConflictError, DatabaseError, InvalidInputError, MdtboardError
from mdtboard.services.accounts import SignInError
from mdtboard.services.context import Services
from mdtboard.ui import ops, palette
from mdtboard.ui.accounts.dialogs import CredentialDialog, WithdrawDialog
from mdtboard.ui.careplan import display
from mdtboard.ui.careplan.actions import PlanActions
from mdtboard.ui.careplan.checklist import ChecklistDialog
from mdtboard.ui.careplan.display import WARNING_SIGN
from mdtboard.ui.careplan.fields import ACKNOWLEDGED, AGREEMENT, LABELS, REVIEW_DATE, PlanFields
from mdtboard.ui.careplan.follow_through import FollowThroughPanel
from mdtboard.ui.careplan.history import VersionHistory
from mdtboard.ui.careplan.saving import field_label, plan_fields, plan_with_fields, store_plan
from mdtboard.ui.careplan.sections import (
    DISAGREEMENTS,
    GOALS,
    INTERVENTIONS,
    MEDICATION,
    PROBLEMS,
    PROCEDURES,
    RISKS,
    SECTIONS,
)
from mdtboard.ui.careplan.signoff import SignOffPanel
from mdtboard.ui.careplan.tables import PlanTables
from mdtboard.ui.careplan.texts import unsaved_changes
from mdtboard.ui.careplan.values import format_date, parse_date
from mdtboard.ui.conference.icons import Mark, icon_size_for, pixmap
from mdtboard.ui.dialogs import ask, show_error
from mdtboard.ui.editing import undo_keys
from mdtboard.ui.editing.clash_dialog import ClashDialog
from mdtboard.ui.editing.commands import FieldEdit, RecordReplace, RowEdit, RowInsert, RowRemove
from mdtboard.ui.editing.session import PAUSE_MS, Clash, RecordSession
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


def _open(item: object) -> bool:
    """The row is one the checklist counts as open (proposed, no owner or due date, not SMART, undecided)."""
    if isinstance(item, Intervention):
        return item.proposed or bool(item.missing)
    if isinstance(item, Goal):
        return not item.is_smart
    if isinstance(item, MedicationPlanEntry):
        return not item.decided
    return False


class CarePlanEditor(QWidget):
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
        """Show the latest plan of ``case_id`` (saving what is pending first); ``agenda_item_id`` is where
        the case is being discussed, used when a draft or a new version is made. The case and its plan
        are read on the reader thread ("Opening…" meanwhile); once shown, ``then`` runs. False when the
        pending changes could not be saved (the plan shown stays); a case that does not exist, or a
        database that does not answer, is told in the status bar and the plan shown stays."""
        if not self.flush():
            self.status_message.emit("The care plan shown is not saved yet; staying on it.")
            return False
        services = self._services
        self._opening += 1
        token = self._opening

        def work() -> tuple[Case, CarePlan | None]:
            return services.cases.get(case_id), services.careplans.current(case_id)

        self.ui.saveState.setText("Opening…")
        ops.read(
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
        """Show an earlier version (read-only), or the latest one."""
        if self._case is None or self._case.id is None or not self.flush():
            return
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
        """Save anything pending now and wait for it; False when the save failed or awaits a choice (the
        text stays on screen)."""
        ok = self.session.flush()
        self._show_save_state(self.session.state_text)
        return ok

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

    # -- drafts, versions, sign-off
    def build_draft(self) -> None:
        """Build and store a draft from the team's input in this conference, on the writer thread (the
        button is disabled meanwhile; the draft is shown when stored). Only when the case has no plan
        yet: a signed plan is never changed by this key (see :meth:`start_new_version`), and a draft is
        edited, not rebuilt."""
        if self._case is None or self._case.id is None:
            self.status_message.emit("Open a case first.")
            return
        if self._latest_version is not None:
            self.status_message.emit(
                "This case has a plan already: nothing was built. "
                + ("Its latest version is signed and locked; Start a new version (Alt+N) to change it."
                   if self._plan is not None and self._plan.signed else "Edit the draft shown.")
            )
            return
        if not self.flush():
            return
        services, case_id, item_id = self._services, self._case.id, self._agenda_item_id
        self.ui.buildButton.setEnabled(False)
        self.ui.saveState.setText("Building the draft…")
        ops.write(
            lambda: services.careplans.create_draft(case_id, agenda_item_id=item_id),
            parent=self, label="building a care-plan draft",
            success=self._draft_built, failure=self._draft_failed,
        )
        return None

    def _draft_built(self, plan: CarePlan) -> None:
        self.ui.buildButton.setEnabled(True)
        if self._case is None or plan.case_id != self._case.id:
            return  # another case was opened meanwhile: its plan stays shown
        self._latest_version = plan.plan_version
        self._load(plan)
        self.ui.sectionTabs.setCurrentIndex(0)
        self.enter_part(0)  # the build button is gone: the cursor goes into the plan, not to the papers
        self.status_message.emit(
            f"Draft version {plan.plan_version} built from the team's input: "
            f"{len(plan.interventions)} interventions, {len(plan.goals)} goals, "
            f"{len(plan.medication_plan)} medication plan lines"
        )

    def _draft_failed(self, error: MdtboardError) -> None:
        self.ui.buildButton.setEnabled(True)
        self.ui.saveState.setText("")
        self.last_dialog = show_error(self, "No draft built", str(error))

    def start_new_version(self, *, confirmed: bool = False) -> None:
        """Copy the signed plan shown into the next version, a draft, after asking (``confirmed``: the
        person said yes already); stored on the writer thread (the button disabled meanwhile) and shown
        when it comes."""
        if self._plan is None or not self._plan.signed or self.viewing_earlier:
            self.status_message.emit("Only the latest signed version can be continued in a new version.")
            return None
        if not confirmed:
            old = self._plan.plan_version
            again = (" and the sharing restrictions are to be acknowledged again"
                     if display.restriction_text(self._case) else "")
            self.last_dialog = ask(
                self, "Start a new version?",
                f"Version {old + 1} will be a draft copied from version {old}, which stays as it was "
                f"signed and can still be read and printed.\n\nThe sign-offs are not copied: every lead "
                f"signs version {old + 1} again. The patient's agreement goes back to \"not yet asked\""
                f"{again}. "
                "Progress recorded on the actions stays with them.\n\nStart the new version?",
                lambda yes: self._new_version_answered(yes, old),
            )
            return None
        signed_plan, careplans, item_id = self._plan, self._services.careplans, self._agenda_item_id
        self.ui.newVersionButton.setEnabled(False)
        ops.write(lambda: careplans.new_version(signed_plan, agenda_item_id=item_id), parent=self,
                  label="starting a care-plan version",
                  success=lambda plan: self._version_started(signed_plan, plan),
                  failure=self._version_not_started)
        return None

    def _version_started(self, signed_plan: CarePlan, plan: CarePlan) -> None:
        self.ui.newVersionButton.setEnabled(True)
        if self._plan is None or self._plan.id != signed_plan.id:
            return  # another plan was opened meanwhile
        self._latest_version = plan.plan_version
        self._load(plan)
        self.enter_part()  # the new-version button is gone: the cursor goes into the plan
        self.status_message.emit(
            f"Version {plan.plan_version} started as a draft; version {signed_plan.plan_version} stays as "
            "it was signed"
        )

    def _version_not_started(self, error: MdtboardError) -> None:
        self.ui.newVersionButton.setEnabled(True)
        self.last_dialog = show_error(self, "No new version started", str(error))

    def _new_version_answered(self, yes: bool, old: int) -> None:
        if yes:
            self.start_new_version(confirmed=True)
        else:
            self.status_message.emit(f"No new version started; version {old} stays as signed")

    def sign(
        self, discipline: Discipline, name: str, reason: str | None = None,
        credential: Credential | None = None, *, checked: bool = False,
    ) -> bool:
        """Sign the plan shown for ``discipline`` as ``name``, a person on the attendance list (saving
        what is pending first). Before the first signature the checklist is shown when items are open;
        signing then goes on once a reason is given there (or ``reason`` is passed). Then ``name`` types
        their own password or PIN (:class:`CredentialDialog`, unless ``credential`` is passed). The
        checklist and who may sign are read on the reader thread (the dialogs open when they come;
        ``checked``: the checklist was read and nothing is open); the sign-off is stored on the writer
        thread ("Signing…", the row's button disabled meanwhile). True when the sign-off was started,
        its outcome shown when it arrives."""
        if self._plan is None or not self.editable:
            return False
        if not name.strip():
            self.status_message.emit(f"Choose the {discipline.label.lower()} lead from the attendance list.")
            self.signoff.rows[discipline].name.setFocus()
            return False
        if not self.flush():
            self.status_message.emit("The plan is not saved yet, so it cannot be signed; see the save state.")
            return False
        if not self._plan.sign_offs and reason is None and not checked:  # the checklist, in the background
            plan, careplans = self._plan, self._services.careplans
            ops.read(lambda: careplans.checklist(plan), parent=self, label="the care-plan checklist",
                     success=lambda items: self._checked(plan, discipline, name, credential, items),
                     failure=lambda exc: self.status_message.emit(f"Not signed: {exc}"))
            return False
        if credential is None:
            return self._ask_signer(discipline, name, reason)
        plan_shown, services = self._plan, self._services
        button = self.signoff.rows[discipline].button if discipline in self.signoff.rows else None
        if button is not None:
            button.setEnabled(False)
        self.ui.saveState.setText("Signing…")
        ops.write(
            lambda: services.careplans.sign_off(plan_shown, discipline, credential, open_items_reason=reason),
            parent=self, label="signing a care plan",
            success=lambda plan: self._signed(plan_shown, discipline, name, plan),
            failure=lambda exc: self._sign_failed(plan_shown, discipline, name, reason, exc),
        )
        return True

    def _sign_done(self, plan_shown: CarePlan, discipline: Discipline) -> bool:
        """The sign-off asked for has an outcome: False when another plan is shown meanwhile."""
        self.ui.saveState.setText("")
        row = self.signoff.rows.get(discipline)
        if row is not None:
            row.button.setEnabled(True)
        return self._plan is not None and self._plan.id == plan_shown.id

    def _signed(self, plan_shown: CarePlan, discipline: Discipline, name: str, plan: CarePlan) -> None:
        if not self._sign_done(plan_shown, discipline):
            self.status_message.emit(f"Signed for {discipline.label.lower()} by {name.strip()}")
            return
        self.signoff.forget_typed(discipline)
        self._plan = plan
        self.session.base = plan  # the version the next save states
        if plan.signed:
            self._load(plan)
            self.status_message.emit(f"Signed by every discipline: version {plan.plan_version} is locked")
            assert plan.case_id is not None
            self.plan_signed.emit(plan.case_id)
        else:
            self._show_state()
            self.signoff.focus_next_unsigned()
            self.status_message.emit(f"Signed for {discipline.label.lower()} by {name.strip()}")

    def _sign_failed(
        self, plan_shown: CarePlan, discipline: Discipline, name: str, reason: str | None, exc: MdtboardError
    ) -> None:
        if not self._sign_done(plan_shown, discipline):
            self.status_message.emit(f"Not signed: {exc}")
            return
        if isinstance(exc, ConflictError | PlanLockedError):
            self.last_dialog = show_error(self, "Not signed", f"{exc}\n\nThe plan as now saved is shown.")
            self.show_latest()
        elif isinstance(exc, SignInError):  # a mistyped PIN: asked again, the reason given is kept
            self.status_message.emit(f"Not signed: {exc}")
            self._ask_signer(discipline, name, reason)
        else:
            self.status_message.emit(f"Not signed: {exc}")

    def _checked(
        self, plan: CarePlan, discipline: Discipline, name: str, credential: Credential | None,
        open_items: list[OpenItem],
    ) -> None:
        """The checklist before the first signature came: shown when items are open, else on to sign."""
        if self._plan is None or self._plan.id != plan.id or not self.editable:
            return
        if not open_items:
            self.sign(discipline, name, None, credential, checked=True)
            return
        dialog = ChecklistDialog(discipline, name, open_items, self)
        self.last_dialog = dialog
        dialog.accepted.connect(lambda: self.sign(discipline, name, dialog.reason, credential))
        dialog.rejected.connect(lambda: self._back_to_fix(open_items[0]))
        dialog.open()

    def _ask_signer(self, discipline: Discipline, name: str, reason: str | None) -> bool:
        """Ask ``name`` for their own password or PIN, then sign (never on a name alone). Who may sign is
        read in the background; the dialog opens when it is known."""
        assert self._plan is not None
        plan, services = self._plan, self._services

        def work() -> tuple[list[tuple[str, str | None]], bool]:
            people = services.careplans.signer_accounts(plan).get(discipline, [])
            return list(people), services.accounts.demo_only()

        ops.read(work, parent=self, label="the care-plan signers",
                 success=lambda got: self._ask_credential(plan, discipline, name, reason, *got),
                 failure=lambda exc: self.status_message.emit(f"Not signed: {exc}"))
        return False

    def _ask_credential(
        self, plan: CarePlan, discipline: Discipline, name: str, reason: str | None,
        people: list[tuple[str, str | None]], demo: bool,
    ) -> None:
        if self._plan is None or self._plan.id != plan.id or not self.editable:
            return
        username = next((u for person, u in people if person == name), None)
        if username is None:
            self.status_message.emit(
                f"Not signed: {name} has no mdtboard account for {discipline.label.lower()}. An "
                "administrator adds one (mdtboard account add), with the name as on the attendance list."
            )
            return
        dialog = CredentialDialog(name, username, f"sign the care plan for {discipline.label.lower()}", self,
                                  demo=demo, title=f"Sign for {discipline.label.lower()}")
        self.last_dialog = dialog
        dialog.accepted.connect(lambda: self.sign(discipline, name, reason, dialog.credential))
        dialog.open()

    def _back_to_fix(self, first: OpenItem) -> None:
        """"Go back and fix": the cursor goes to where the checklist's first open item is fixed."""
        self.go_to_part(first.part)
        self.status_message.emit(f"Not signed: fix what the checklist shows, then sign ({first}).")

    def go_to_part(self, part: str) -> None:
        """Put the cursor where a part of the checklist is fixed (see ``CHECKLIST_PARTS``)."""
        ui = self.ui
        tables = {"interventions": INTERVENTIONS, "goals": GOALS, "medication": MEDICATION}
        widget: QWidget
        if part in tables:
            name = tables[part]
            widget = self.tables.views[name]
            model = self.tables.models[name]
            wanted = next((row for row, item in enumerate(model.items()) if _open(item)), 0)
            if model.rowCount():
                self.tables.views[name].setCurrentIndex(model.index(wanted, 0))
        elif part == "agreement":
            widget = next((r for r in self.fields.radios.values() if r.isChecked()), ui.agreedRadio)
        elif part == "review":
            widget = ui.reviewDateEdit
        elif part == "restrictions":
            widget = ui.acknowledgedCheck
        else:
            return
        self.tables.reveal(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def withdraw(
        self, discipline: Discipline, by: Credential | None = None, reason: str | None = None
    ) -> bool:
        """Withdraw the sign-off of ``discipline``: by the signer, or by a chair with a reason, each with
        their own password or PIN (asked in a :class:`WithdrawDialog` unless ``by`` is passed; who may
        withdraw is read on the reader thread, the dialog opens when it comes). The withdrawal is stored
        on the writer thread ("Withdrawing…", the row's button disabled meanwhile). True when it was
        started, its outcome shown when it arrives."""
        if self._plan is None or not self.editable:
            return False
        if not self.flush():
            self.status_message.emit(
                "The plan is not saved yet, so no sign-off was withdrawn; see the save state."
            )
            return False
        if by is None:
            self._ask_withdrawer(discipline)
            return False
        plan_shown, careplans = self._plan, self._services.careplans
        row = self.signoff.rows.get(discipline)
        if row is not None:
            row.button.setEnabled(False)
        self.ui.saveState.setText("Withdrawing…")
        ops.write(
            lambda: careplans.withdraw_sign_off(plan_shown, discipline, by, reason=reason),
            parent=self, label="withdrawing a care-plan sign-off",
            success=lambda plan: self._withdrawn(plan_shown, discipline, plan),
            failure=lambda exc: self._withdraw_failed(plan_shown, discipline, exc),
        )
        return True

    def _withdrawn(self, plan_shown: CarePlan, discipline: Discipline, plan: CarePlan) -> None:
        if self._sign_done(plan_shown, discipline):
            self._plan = plan
            self.session.base = plan  # the version the next save states
            self._show_state()
        self.status_message.emit(f"The {discipline.label.lower()} sign-off was withdrawn")

    def _withdraw_failed(self, plan_shown: CarePlan, discipline: Discipline, error: MdtboardError) -> None:
        self._sign_done(plan_shown, discipline)
        self.status_message.emit(f"Sign-off not withdrawn: {error}")

    def _ask_withdrawer(self, discipline: Discipline) -> None:
        assert self._plan is not None
        plan = self._plan
        given = next((so for so in plan.sign_offs if so.discipline is discipline), None)
        if given is None:
            return
        accounts_service = self._services.accounts

        def work() -> tuple[list[Account], bool]:
            return list(accounts_service.active()), accounts_service.demo_only()

        ops.read(work, parent=self, label="who may withdraw a care-plan sign-off",
                 success=lambda got: self._ask_withdraw_credential(plan, discipline, given, *got),
                 failure=lambda exc: self.status_message.emit(f"Sign-off not withdrawn: {exc}"))

    def _ask_withdraw_credential(
        self, plan: CarePlan, discipline: Discipline, given: SignOff, accounts: list[Account], demo: bool
    ) -> None:
        if self._plan is None or self._plan.id != plan.id or not self.editable:
            return
        signer = next((a.username for a in accounts if a.id == given.account_id), None)
        chairs = [a for a in accounts if Role.CHAIR in a.roles]
        dialog = WithdrawDialog(discipline.label.lower(), given.name, signer, chairs, self, demo=demo)
        self.last_dialog = dialog
        dialog.accepted.connect(lambda: self.withdraw(discipline, dialog.credential, dialog.reason or None))
        dialog.open()

    # -- editing
    def _edited(self, key: str) -> None:
        if self._loading or self._plan is None or self._plan.id is None or not self.editable:
            return
        new = self.fields.text(key)
        old = self._texts.get(key, "")
        if new == old:
            return
        self._texts[key] = new
        ids = self._ids()
        assert ids is not None
        self._undo.push(FieldEdit(self, ids, key, f"{LABELS[key]} (care plan)", old, new))
        self._changed()

    def _agreement_toggled(self, checked: bool) -> None:
        if checked:
            self._edited(AGREEMENT)

    def _tidy_review_date(self) -> None:
        """Once the review date field is left, "in 6 weeks" is written as the date it means."""
        values = None if self._plan is None or not self.editable else self.fields.read(self._plan)
        if values is not None and values.review_date_problem is None:
            shown = format_date(values.review_date)
            if shown != self.fields.text(REVIEW_DATE):
                self.fields.set_text(REVIEW_DATE, shown)

    def _push_item(self, section: str, row: int, old: Any, new: Any) -> None:
        ids = self._ids()
        if ids is not None:
            label = f"Edit {SECTIONS[section].noun} {row + 1} (care plan)"
            self._undo.push(RowEdit(self, ids, section, row, old, new, label))

    def _ids(self) -> tuple[int, int] | None:
        """(case id, plan id) of the plan shown."""
        if self._case is None or self._case.id is None or self._plan is None or self._plan.id is None:
            return None
        return self._case.id, self._plan.id

    def add_row(self, section: str) -> None:
        """Add an empty row after the selected one (or at the end) and start typing its text."""
        ids = self._ids()
        if not self._can_edit() or ids is None:
            return
        row, item = self.tables.new_row(section)
        noun = SECTIONS[section].noun
        self._undo.push(RowInsert(self, ids, section, row, item, label=f"Add a {noun}"))
        self.tables.start_editing(section, row)

    def remove_row(self, section: str) -> None:
        """Remove the selected row (Ctrl+Z puts it back)."""
        ids = self._ids()
        row = self.tables.current_row(section)
        if not self._can_edit() or ids is None or row < 0:
            return
        noun = SECTIONS[section].noun
        item = self.tables.models[section].item(row)
        label = f"Remove {noun} {row + 1} (care plan)"
        self._undo.push(RowRemove(self, ids, section, row, item, label=label))
        self.status_message.emit(f"Removed {noun} {row + 1} (Ctrl+Z puts it back)")

    def move_row(self, section: str, step: int) -> None:
        """Move the selected row up (-1) or down (+1): one undoable step."""
        ids = self._ids()
        row = self.tables.current_row(section)
        model = self.tables.models[section]
        target = row + step
        if not self._can_edit() or ids is None or row < 0 or not 0 <= target < model.rowCount():
            return
        noun = SECTIONS[section].noun
        item = model.item(row)
        self._undo.beginMacro(f"Move {noun} {row + 1} {'up' if step < 0 else 'down'} (care plan)")
        self._undo.push(RowRemove(self, ids, section, row, item, label="move"))
        self._undo.push(RowInsert(self, ids, section, target, item, label="move"))
        self._undo.endMacro()
        view = self.tables.views[section]
        view.setCurrentIndex(model.index(target, max(view.currentIndex().column(), 0)))
        self.status_message.emit(f"Moved {noun} {row + 1} to place {target + 1} (Ctrl+Z moves it back)")

    def accept_proposed(self, row: int) -> None:
        """The chair accepts a proposed intervention as agreed (its words unchanged); the cursor moves to
        the next proposed one."""
        ids = self._ids()
        model = self.tables.models[INTERVENTIONS]
        if not self._can_edit() or ids is None or not 0 <= row < model.rowCount():
            return
        item = model.item(row)
        if not item.proposed:
            return
        self._undo.push(RowEdit(
            self, ids, INTERVENTIONS, row, item, replace(item, proposed=False),
            f"Accept intervention {row + 1} (care plan)",
        ))
        left = [i for i, it in enumerate(model.items()) if it.proposed]
        after = [i for i in left if i > row] or left
        if after:
            self.tables.views[INTERVENTIONS].setCurrentIndex(model.index(after[0], 0))
        self.status_message.emit(
            f"Accepted: {item.description[:60]}" + (f" · {len(left)} still proposed" if left else
                                                     " · every proposed item decided")
        )

    def merge_with_previous(self, row: int) -> None:
        """Merge an intervention into the row above it: both texts kept, word for word, in one item
        (the row above keeps its discipline, owner and due date)."""
        ids = self._ids()
        model = self.tables.models[INTERVENTIONS]
        if not self._can_edit() or ids is None or not 1 <= row < model.rowCount():
            return
        above, item = model.item(row - 1), model.item(row)
        joint = above.description.rstrip()
        joint += (" " if joint.endswith((".", "!", "?", ";")) else "; ") + item.description.strip()
        merged = replace(above, description=joint, proposed=above.proposed or item.proposed)
        self._undo.beginMacro(f"Merge intervention {row + 1} into {row} (care plan)")
        self._undo.push(RowEdit(self, ids, INTERVENTIONS, row - 1, above, merged, "merge"))
        self._undo.push(RowRemove(self, ids, INTERVENTIONS, row, item, label="merge"))
        self._undo.endMacro()
        self.tables.views[INTERVENTIONS].setCurrentIndex(model.index(row - 1, 0))
        self.status_message.emit(f"Merged intervention {row + 1} into {row} (Ctrl+Z separates them)")

    def _ask(self, what: str) -> int:
        """A display read of ``what`` is asked for: its token (only the last one asked is shown)."""
        self._asked[what] += 1
        return self._asked[what]

    def _show_offered(self) -> None:
        """The input not taken into the draft, offered for the chair to add one by one: read on the reader
        thread ("Loading…" meanwhile; the list of another case or plan is cleared at once)."""
        token = self._ask("offered")
        case_id = None if self._case is None else self._case.id
        plan = self._plan
        shown_for = (case_id, None if plan is None else plan.id)
        if shown_for != self._offered_for:
            self._offered, self._offered_for = [], shown_for
            self._fill_offered()
        if case_id is None or plan is None:
            self._fill_offered()
            return
        current = self.read_plan() if self.editable else plan
        careplans, item_id = self._services.careplans, self._agenda_item_id
        self.ui.offeredLabel.setText("Loading what else the team offered…")
        ops.read(lambda: careplans.offered(case_id, item_id, current), parent=self,
                 label="the input offered for the care plan",
                 success=lambda items: self._offered_read(token, shown_for, items),
                 failure=lambda exc: self._offered_not_read(token, exc))

    def _offered_read(
        self, token: int, shown_for: tuple[int | None, int | None], items: list[OfferedItem]
    ) -> None:
        if token != self._asked["offered"] or shown_for != self._offered_for:
            return
        self._offered = items
        self._fill_offered()

    def _offered_not_read(self, token: int, error: MdtboardError) -> None:
        if token == self._asked["offered"]:
            self._fill_offered()
            self.status_message.emit(str(error))

    def _fill_offered(self) -> None:
        """Show ``self._offered`` (the selected row stays where it was)."""
        listed = self.ui.offeredList
        row = listed.currentRow()
        listed.clear()
        for item in self._offered:
            who = f", {item.author}" if item.author else ""
            listed.addItem(f"{item.discipline.label}{who} ({item.source}): {item.text}")
        if row >= 0 and self._offered:
            listed.setCurrentRow(min(row, len(self._offered) - 1))
        sources = offered_sources(self._offered)
        self.ui.offeredLabel.setText(
            f"Not in the draft ({sources}). Enter adds the selected one to the plan."
            if sources else "Nothing else was offered: every input is in the draft or the plan."
        )
        listed.setVisible(bool(self._offered))
        listed.setEnabled(self.editable)

    def add_offered(self, index: int) -> None:
        """Add an offered recommendation to the plan as an accepted intervention of its discipline."""
        ids = self._ids()
        offered = getattr(self, "_offered", [])
        if not self._can_edit() or ids is None or not 0 <= index < len(offered):
            return
        chosen = offered[index]
        row = self.tables.models[INTERVENTIONS].rowCount()
        item = Intervention(chosen.discipline, chosen.text)
        self._undo.push(RowInsert(
            self, ids, INTERVENTIONS, row, item,
            label=f"Add {chosen.discipline.label.lower()} input {chosen.source} (care plan)",
        ))
        del self._offered[index]  # at once; then read again in the background
        self._fill_offered()
        self.ui.offeredList.setCurrentRow(min(index, self.ui.offeredList.count() - 1))
        self.ui.offeredList.setFocus()
        self._show_offered()
        self.status_message.emit(f"Added to the plan: {chosen.text[:60]}")

    def _can_edit(self) -> bool:
        if not self.editable:
            self.status_message.emit(self._lock_reason())
        return self.editable

    def _cell_problem(self, text: str) -> None:
        self.ui.saveState.setText(f"{WARNING_SIGN} Not changed")
        self.status_message.emit(text)

    def _changed(self) -> bool:
        self.session.touch()
        self._show_summaries()
        return True

    # -- what the undo commands call
    def _ensure(self, case_id: int, plan_id: int) -> bool:
        if self._plan is None or self._plan.id != plan_id or self.viewing_earlier:
            self._open_now(case_id, self._agenda_item_id if self.current_case_id() == case_id else None)
        if self._plan is not None and self._plan.id == plan_id and self.editable:
            self.reveal_requested.emit()
            return True
        self.status_message.emit(
            "That change was made to a care plan version that is now signed (or replaced by a newer "
            "version): nothing was undone or redone there. Start a new version to change the plan."
        )
        return False

    def _open_now(self, case_id: int, agenda_item_id: int | None) -> None:
        """Open ``case_id``'s plan and wait for it: an undo or redo of a change to a plan not shown
        applies to that plan at once (the undo stack's commands are not asynchronous)."""
        if not self.open_case(case_id, agenda_item_id):
            return
        ops.operations().wait()

    @staticmethod
    def _record_ids(record: Hashable) -> tuple[int, int] | None:
        """(case id, plan id) an undo command names."""
        if isinstance(record, tuple) and len(record) == 2 and all(isinstance(x, int) for x in record):
            return record[0], record[1]
        return None

    def _ensure_record(self, record: Hashable) -> bool:
        ids = self._record_ids(record)
        return ids is not None and self._ensure(*ids)

    def apply_text(self, record: Hashable, key: str, text: str) -> bool:
        if not self._ensure_record(record):
            return False
        self._loading = True
        try:
            self.fields.set_text(key, text)
        finally:
            self._loading = False
        self._texts[key] = text
        self.tables.reveal(self.fields.widget(key))
        self._changed()
        return True

    def apply_row(self, record: Hashable, table: str, row: int, content: Any) -> bool:
        return self._ensure_record(record) and self.tables.replace(table, row, content) and self._changed()

    def apply_insert_row(self, record: Hashable, table: str, row: int, content: Any) -> bool:
        return self._ensure_record(record) and self.tables.insert(table, row, content) and self._changed()

    def apply_remove_row(self, record: Hashable, table: str, row: int) -> bool:
        return self._ensure_record(record) and self.tables.remove(table, row) and self._changed()

    def apply_move_row(self, record: Hashable, table: str, source: int, target: int) -> bool:
        if not self._ensure_record(record) or not 0 <= source < self.tables.models[table].rowCount():
            return False
        item = self.tables.models[table].item(source)
        moved = self.tables.remove(table, source) and self.tables.insert(table, target, item)
        return moved and self._changed()

    def apply_record(self, record: Hashable, content: Any) -> bool:
        if not self._ensure_record(record) or not isinstance(content, CarePlan):
            return False
        self._fill(content)
        return self._changed()

    # -- showing
    def _show_state(self) -> None:
        case, plan = self._case, self._plan
        self.ui.emptyLabel.setVisible(plan is None)
        self.ui.bodySplitter.setVisible(plan is not None)
        self.ui.headerLabel.setText(display.header_text(case))
        if plan is None:
            self.ui.emptyLabel.setText(display.no_plan_text(case))
        self.ui.versionLabel.setText(display.version_text(plan, case is not None))
        editable = self.editable
        # Only what can be done now is offered: a draft when there is none, a new version of a signed plan.
        self.ui.buildButton.setVisible(case is not None and self._draft_possible())
        self.ui.newVersionButton.setVisible(plan is not None and plan.signed and not self.viewing_earlier)
        for button in (self.ui.printButton, self.ui.pdfButton, self.ui.fhirButton):
            button.setEnabled(case is not None)
        self.tables.set_read_only(not editable)
        self.fields.set_read_only(not editable)
        self._show_restrictions()
        self._show_lock()
        self._show_signoff()
        self._show_summaries()

    def _show_restrictions(self) -> None:
        """The acknowledgement row, only for a case with sharing restrictions (or restricted passages),
        beside the shared notice (never the restrictions' own words: the room may see this screen)."""
        notice = display.restriction_text(self._case)
        for widget in (self.ui.restrictionLabel, self.ui.restrictionNotice, self.ui.acknowledgedCheck):
            widget.setVisible(notice is not None)
        self.ui.restrictionNotice.setText(notice or "")

    def _draft_possible(self) -> bool:
        """A draft is built only for a case without a plan: a draft is edited, a signed plan continued
        in a new version."""
        return self._latest_version is None

    def _lock_reason(self) -> str:
        return display.lock_reason(self._plan, earlier=self.viewing_earlier, latest=self._latest_version)

    def _show_lock(self) -> None:
        plan = self._plan
        locked = plan is not None and not self.editable
        self.ui.lockFrame.setVisible(locked)
        self.ui.currentButton.setVisible(self.viewing_earlier)
        if plan is not None and locked:
            size = icon_size_for(self.ui.lockLabel.font()) * 3 // 2
            self.ui.lockIcon.setPixmap(pixmap(Mark.RESTRICTED, size))
            self.ui.lockLabel.setText(
                display.lock_html(plan, earlier=self.viewing_earlier, latest=self._latest_version)
            )

    def _show_signoff(self) -> None:
        """The sign-off rows. Who must sign follows from the plan and the attendance list of its
        conference, which is read on the reader thread each time (people may have come meanwhile); the
        rows are shown at once from the list last read for that conference, else "Loading…"."""
        plan = self._plan
        if plan is None:
            self.signoff.show_plan(None, (), editable=False)
            return
        key = (plan.agenda_item_id, plan.conference_id)
        known = self._attendance
        if known is not None and known[0] == key:
            self._show_signoff_rows(known[1], known[2])
        else:
            self.signoff.show_loading()
        token = self._ask("signers")
        careplans, conferences = self._services.careplans, self._services.conferences

        def work() -> tuple[list[Attendee], Conference | None]:
            present = [] if key[0] is None else careplans.present(key[0])
            return present, None if key[1] is None else conferences.get(key[1])

        ops.read(work, parent=self, label="who signs the care plan",
                 success=lambda got: self._attendance_read(token, key, *got),
                 failure=lambda exc: self._attendance_not_read(token, key, exc))

    def _attendance_read(
        self, token: int, key: tuple[int | None, int | None], present: list[Attendee],
        conference: Conference | None,
    ) -> None:
        if token != self._asked["signers"]:
            return
        fresh = (key, present, display.signers(conference))
        changed = fresh != self._attendance
        self._attendance = fresh
        plan = self._plan
        if changed and plan is not None and (plan.agenda_item_id, plan.conference_id) == key:
            self._show_signoff_rows(fresh[1], fresh[2])

    def _attendance_not_read(
        self, token: int, key: tuple[int | None, int | None], error: MdtboardError
    ) -> None:
        if token != self._asked["signers"]:
            return
        self.status_message.emit(str(error))
        known = self._attendance
        if known is None or known[0] != key:  # nobody known to sign: the rows of those who signed
            self._show_signoff_rows([], {})

    def _show_signoff_rows(self, present: list[Attendee], signers: dict[Discipline, list[str]]) -> None:
        plan = self._plan
        if plan is not None:
            required = required_sign_offs(plan, present)
            self.signoff.show_plan(plan, required, editable=self.editable, signers=signers)

    def _part_shown(self, index: int) -> None:
        """A part chosen from outside it (Alt+G, say, with the cursor on a button above) takes the cursor
        to its first field, so that the next key acts there and Tab goes on inside it (not to the paper
        buttons above). A part chosen on the tab bar itself, or shown for a field, keeps the cursor."""
        tabs = self.ui.sectionTabs
        focus = QApplication.focusWidget()
        if focus is not None and tabs.isAncestorOf(focus) and focus.isVisible():
            return
        if focus is not None and not self.isAncestorOf(focus):
            return  # another page or window has the cursor
        self.enter_part(index)

    def enter_part(self, index: int | None = None) -> None:
        """Put the cursor in the first field of a part of the plan (default: the part shown)."""
        tabs = self.ui.sectionTabs
        page = tabs.widget(tabs.currentIndex() if index is None else index)
        if page is None:
            return
        # The Tab order (ui/careplan_editor.ui) goes from the parts' tab bar through every part's fields.
        widget = tabs.nextInFocusChain()
        while widget is not tabs:
            if page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled() \
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def _show_follow_through(self) -> None:
        """The actions of the case's agreed plan to review, and who may record their progress: the
        people present at the conference where the case is discussed (read in the background)."""
        self.follow_through.show_case(None if self._case is None else self._case.id, self._agenda_item_id)
        self._follow_through_shown()

    def _follow_through_shown(self) -> None:
        tabs = self.ui.sectionTabs
        tabs.setTabText(tabs.indexOf(self.follow_through), "Follow-thro&ugh" + (
            f" (version {self.follow_through.plan.plan_version})" if self.follow_through.plan else ""
        ))

    def _show_history(self) -> None:
        """Every version of the case's plan, read on the reader thread (those of another case are
        cleared at once; "loading" is said beside the title meanwhile)."""
        token = self._ask("history")
        case_id = None if self._case is None else self._case.id
        known = self.history.model.plans()
        if case_id is None or (known and known[0].case_id != case_id):
            self.history.set_plans([], None)
        if case_id is None:
            return
        careplans = self._services.careplans
        self.history.show_loading()
        ops.read(lambda: careplans.history(case_id), parent=self, label="the care plan's versions",
                 success=lambda plans: self._history_read(token, plans),
                 failure=lambda exc: self._history_not_read(token, exc))

    def _history_read(self, token: int, plans: list[CarePlan]) -> None:
        if token == self._asked["history"]:
            self.history.set_plans(plans, None if self._plan is None else self._plan.id)

    def _history_not_read(self, token: int, error: MdtboardError) -> None:
        if token == self._asked["history"]:
            self.history.set_plans(self.history.model.plans(), None if self._plan is None else self._plan.id)
            self.status_message.emit(str(error))

    def _show_review_date(self) -> None:
        """Beside the review date: the date as understood, or why it is not one."""
        text = self.fields.text(REVIEW_DATE).strip()
        try:
            when = parse_date(text)
        except ValueError as exc:
            self.ui.reviewDateShown.setText(f"{WARNING_SIGN} {exc}; not saved until corrected")
            return
        self.ui.reviewDateShown.setText("" if when is None else f"{when:%A %d %B %Y}")

    def _show_summaries(self) -> None:
        self._show_review_date()
        self.ui.goalsSummary.setText(display.goals_summary(self.tables.stored(GOALS)))
        self.ui.interventionsSummary.setText(display.interventions_summary(self.tables.stored(INTERVENTIONS)))
        current = self._case.medications if self._case is not None else None
        self.ui.mmeLabel.setText(display.mme_html(current, self.tables.stored(MEDICATION)))

    # -- leaving
    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        """Leaving the care plan (another page, closing) saves what was typed."""
        self.flush()
        super().hideEvent(event)
