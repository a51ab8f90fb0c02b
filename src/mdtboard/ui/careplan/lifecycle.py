"""A care plan's life in the editor: the draft built from the team's input, a new version of a signed plan,
the sign-offs (the checklist first, then each lead's own password or PIN) and their withdrawal, and the
sign-off panel, whose rows follow from the attendance list of the plan's conference.

Each step reads on the reader thread and stores on the writer thread (:mod:`mdtboard.ui.ops`); the buttons
concerned are disabled and the save state says what runs meanwhile. A step that must state the text typed
(building a draft, signing, withdrawing a sign-off) runs once the save of that text is back, queued and
not waited for (``CarePlanEditor.after_save``). :class:`PlanLifecycle` is a part of
:class:`~mdtboard.ui.careplan.editor.CarePlanEditor` (a mixin); what it takes from the editor is declared
below, under ``TYPE_CHECKING``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

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
from mdtboard.domain.case import Case, Discipline
from mdtboard.domain.conference import Attendee, Conference
from mdtboard.domain.errors import ConflictError, MdtboardError
from mdtboard.services.accounts import SignInError
from mdtboard.services.context import Services
from mdtboard.ui import ops
from mdtboard.ui.accounts.dialogs import CredentialDialog, WithdrawDialog
from mdtboard.ui.careplan import display
from mdtboard.ui.careplan.checklist import ChecklistDialog
from mdtboard.ui.careplan.fields import PlanFields
from mdtboard.ui.careplan.history import VersionHistory
from mdtboard.ui.careplan.saving import plan_fields
from mdtboard.ui.careplan.sections import (
    GOALS,
    INTERVENTIONS,
    MEDICATION,
)
from mdtboard.ui.careplan.signoff import SignOffPanel
from mdtboard.ui.careplan.tables import PlanTables
from mdtboard.ui.dialogs import ask, show_error
from mdtboard.ui.editing.part import EditorPart
from mdtboard.ui.editing.session import RecordSession
from mdtboard.ui.editing.steps import Steps
from mdtboard.ui.forms.ui_careplan_editor import Ui_CarePlanEditor


def _open(item: object) -> bool:
    """The row is one the checklist counts as open (proposed, no owner or due date, not SMART, undecided)."""
    if isinstance(item, Intervention):
        return item.proposed or bool(item.missing)
    if isinstance(item, Goal):
        return not item.is_smart
    if isinstance(item, MedicationPlanEntry):
        return not item.decided
    return False


class PlanLifecycle(EditorPart):
    """Drafts, versions and sign-off of :class:`~mdtboard.ui.careplan.editor.CarePlanEditor`."""

    if TYPE_CHECKING:  # provided by the editor
        ui: Ui_CarePlanEditor
        session: RecordSession
        signoff: SignOffPanel
        history: VersionHistory
        _later: Steps
        tables: PlanTables
        fields: PlanFields
        last_dialog: QWidget | None
        status_message: Any
        plan_signed: Any
        _services: Services
        _case: Case | None
        _plan: CarePlan | None
        _agenda_item_id: int | None
        _latest_version: int | None
        _asked: dict[str, int]
        _attendance: tuple[tuple[int | None, int | None], list[Attendee], dict[Discipline, list[str]]] | None

        @property
        def editable(self) -> bool: ...
        @property
        def viewing_earlier(self) -> bool: ...
        _sign_waits: set[Discipline]

        def after_save(
            self, step: Callable[[], object], not_done: str, label: str = "",
            refused: Callable[[], object] | None = None,
        ) -> bool: ...
        def show_latest(self) -> None: ...
        def enter_part(self, index: int | None = None) -> None: ...
        def _load(self, plan: CarePlan | None) -> None: ...
        def _show_state(self, *, signoff: bool = True) -> None: ...
        def _show_lock(self) -> None: ...
        def _show_follow_through(self) -> None: ...
        def _ask(self, what: str) -> int: ...

    # -- drafts, versions, sign-off
    def build_draft(self) -> None:
        """Build and store a draft from the team's input in this conference, on the writer thread after
        any save queued (the
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
        case_id = self._case.id
        self.after_save(lambda: self._build_draft(case_id), "No draft built", "building a care-plan draft")

    def _build_draft(self, case_id: int) -> None:
        if self._case is None or self._case.id != case_id or self._latest_version is not None:
            return  # another case was opened meanwhile, or its plan was shown
        services, item_id = self._services, self._agenda_item_id
        self.ui.buildButton.setEnabled(False)
        self.ui.saveState.setText("Building the draft…")
        ops.write(
            lambda: services.careplans.create_draft(case_id, agenda_item_id=item_id),
            parent=self, label="building a care-plan draft",
            success=self._draft_built, failure=self._draft_failed,
        )

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
        """Sign the plan shown for ``discipline`` as ``name``, a person on the attendance list, once what
        was typed is saved (the save queued on the writer, not waited for; the sign-off states the version
        it stored, so the text signed is the text typed; when the save fails, nothing is signed and the
        status bar says why). Before the first signature the checklist is shown when items are open;
        signing then goes on once a reason is given there (or ``reason`` is passed). Then ``name`` types
        their own password or PIN (:class:`CredentialDialog`, unless ``credential`` is passed). The
        checklist and who may sign are read on the reader thread (the dialogs open when they come;
        ``checked``: the checklist was read and nothing is open); the sign-off is stored on the writer
        thread ("Signing…", the row's button disabled meanwhile). True when the sign-off was started (or
        waits for the save), its outcome shown when it arrives."""
        if self._plan is None or not self.editable:
            return False
        if not name.strip():
            self.status_message.emit(f"Choose the {discipline.label.lower()} lead from the attendance list.")
            self.signoff.rows[discipline].name.setFocus()
            return False
        if discipline in self._sign_waits:  # pressed again while the first waits for the save: one signing
            return True
        plan_id, waits = self._plan.id, self._sign_waits
        waits.add(discipline)

        def saved() -> bool:
            waits.discard(discipline)
            return self._sign_saved(plan_id, discipline, name, reason, credential, checked)

        return self.after_save(saved, "Not signed", "signing a care plan", lambda: waits.discard(discipline))

    def _sign_saved(
        self, plan_id: int | None, discipline: Discipline, name: str, reason: str | None,
        credential: Credential | None, checked: bool,
    ) -> bool:
        """Sign once what was typed is saved: the plan shown is then the version stored with it, which
        the sign-off states (a version saved since is refused: never an older text signed)."""
        if self._plan is None or self._plan.id != plan_id or not self.editable:
            self.status_message.emit("Not signed: the plan shown changed meanwhile.")
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
        before, self._plan = self._plan, plan
        self.session.base = plan  # the version the next save states
        if plan.signed:
            self._locked(before, plan)
            self.status_message.emit(f"Signed by every discipline: version {plan.plan_version} is locked")
            assert plan.case_id is not None
            self.plan_signed.emit(plan.case_id)
        else:
            self._show_state()
            self.signoff.focus_next_unsigned()
            self.status_message.emit(f"Signed for {discipline.label.lower()} by {name.strip()}")

    def _locked(self, before: CarePlan | None, plan: CarePlan) -> None:
        """The last signature locked ``plan``. Its text is the one shown (signing states the version
        seen), so the fields and tables stay as they are, made read-only, and only what signing changes
        is shown again (the lock, the sign-offs, the version's row in the history, the follow-through);
        the whole plan is shown again only when the screen may differ from it (something typed
        meanwhile, a row without text, text the signing changed)."""
        if (
            before is None
            or self.session.pending
            or self.tables.blank_rows()
            or plan_fields(before) != plan_fields(plan)
        ):
            self._load(plan)
            return
        self.session.load(plan)
        self.ui.saveState.setText("")
        # now: read-only, the lock and the sign-offs; the rest in the next turns of the event loop
        self.tables.set_read_only(True)
        self.fields.set_read_only(True)
        self._show_lock()
        self._show_signoff()

        def rest() -> None:
            if self._plan is plan:
                self._show_state(signoff=False)
                self.history.model.update_plan(plan)

        def follow_through() -> None:
            if self._plan is plan:
                self._show_follow_through()

        self._later.start([(False, rest), (False, follow_through)])

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
        withdraw is read on the reader thread, the dialog opens when it comes), once what was typed is
        saved (queued, not waited for; when it fails, nothing is withdrawn and the status bar says why).
        The withdrawal is stored on the writer thread ("Withdrawing…", the row's button disabled
        meanwhile). True when it was started (or waits for the save), its outcome shown when it arrives."""
        if self._plan is None or not self.editable:
            return False
        plan_id = self._plan.id
        return self.after_save(
            lambda: self._withdraw_saved(plan_id, discipline, by, reason),
            "Sign-off not withdrawn", "withdrawing a care-plan sign-off",
        )

    def _withdraw_saved(
        self, plan_id: int | None, discipline: Discipline, by: Credential | None, reason: str | None
    ) -> bool:
        if self._plan is None or self._plan.id != plan_id or not self.editable:
            self.status_message.emit("Sign-off not withdrawn: the plan shown changed meanwhile.")
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
