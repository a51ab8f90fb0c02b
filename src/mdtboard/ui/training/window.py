"""The training window: a teaching conference, its cases, and the views of training mode.

Choose the conference at the top and the case on the left; the tabs work on that case and conference:
roles and readiness, the facilitator's scoring, the debrief, a trainee's progress and the programme.
It is a window of its own, so it can sit beside the conference workspace on a second screen.

Everything it shows is read on background operations (:mod:`mdtboard.ui.ops`) and everything it stores is
written on the writer thread: the GUI thread never waits for the database.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QListWidgetItem, QMainWindow, QWidget

from mdtboard.domain.accounts import Account
from mdtboard.domain.conference import AgendaItem, AgendaStatus, AttendeeRole, Conference, ConferenceMode
from mdtboard.services.context import Services
from mdtboard.services.training import CaseRoles
from mdtboard.ui import ops as ops_module
from mdtboard.ui.editing.session import PAUSE_MS
from mdtboard.ui.forms.ui_training_window import Ui_TrainingWindow
from mdtboard.ui.training.calibration import CalibrationPanel
from mdtboard.ui.training.debrief_view import DebriefView
from mdtboard.ui.training.goals import GoalsPanel
from mdtboard.ui.training.new_conference import NewConferenceDialog
from mdtboard.ui.training.programme import ProgrammeView
from mdtboard.ui.training.progress import ProgressView
from mdtboard.ui.training.roles import RolesPanel
from mdtboard.ui.training.scoring import ScoringPanel

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
ROLES_TAB, SCORING_TAB, DEBRIEF_TAB, PROGRESS_TAB, PROGRAMME_TAB, GOALS_TAB, CALIBRATION_TAB = range(7)


def no_conference_text(has_fictional_cases: bool) -> str:
    """What the training window says when there is no teaching conference: how to make one, and where its
    fictional cases come from (the case library, or the teaching case bank when there are none)."""
    start = ("No teaching conference yet. Create one with “New teaching conference…”: a facilitator, the "
             "trainees and fictional cases to discuss")
    if has_fictional_cases:
        return f"{start}, chosen from the fictional cases in the case library."
    return (f"{start}. There are no fictional cases yet: load the teaching case bank with "
            "“mdtboard demo” on the command line, or import a case bundle.")


class TrainingWindow(QMainWindow):
    """Training mode for one teaching conference at a time.

    Signals:
        status_message(str): also shown in this window's status bar.
        conference_created(int): a teaching conference (its id) was created here.
        conference_shown(int): a teaching conference (its id) was read and is shown.
    """

    status_message = Signal(str)
    conference_created = Signal(int)
    conference_shown = Signal(int)

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, save_delay_ms: int = PAUSE_MS
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self._services = services
        self.ui = Ui_TrainingWindow()
        self.ui.setupUi(self)
        self.conference: Conference | None = None
        self._roles: list[CaseRoles] = []
        self.roles = RolesPanel(services, self.ui.rolesPage)
        self.scoring = ScoringPanel(services, self.ui.scoringPage, save_delay_ms=save_delay_ms)
        self.debrief = DebriefView(services, self.ui.debriefPage)
        self.progress = ProgressView(services, self.ui.progressPage)
        self.programme = ProgrammeView(services, self.ui.programmePage)
        self.goals = GoalsPanel(services, self.ui.goalsPage)
        self.ui.goalsLayout.addWidget(self.goals)
        self.calibration = CalibrationPanel(self.ui.calibrationPage)
        self.ui.calibrationLayout.addWidget(self.calibration)
        self.ui.rolesLayout.addWidget(self.roles)
        self.ui.scoringLayout.addWidget(self.scoring)
        self.ui.debriefLayout.addWidget(self.debrief)
        self.ui.progressLayout.addWidget(self.progress)
        self.ui.programmeLayout.addWidget(self.programme)
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setSizes([300, 1000])
        self.ui.agendaList.setWordWrap(True)
        self.new_conference_dialog: NewConferenceDialog | None = None
        self._connect_signals()
        self.refresh_conferences()

    def _connect_signals(self) -> None:
        self.ui.conferenceCombo.activated.connect(lambda _i: self._conference_chosen())
        self.ui.refreshButton.clicked.connect(self.refresh)
        self.ui.newConferenceButton.clicked.connect(self.new_conference)
        self.ui.agendaList.currentRowChanged.connect(lambda _r: self._case_chosen())
        self.ui.tabs.currentChanged.connect(self._tab_shown)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        shortcut.activated.connect(self.refresh)
        for view in (self.roles, self.scoring, self.debrief, self.programme, self.goals, self.calibration):
            view.status_message.connect(self.show_status)
        self.roles.roles_changed.connect(self._roles_changed)
        self.scoring.scores_saved.connect(lambda: self._stale(DEBRIEF_TAB, PROGRESS_TAB, PROGRAMME_TAB))
        self.programme.trainee_chosen.connect(self.show_progress)

    # -- conferences
    def refresh_conferences(self, select: int | None = None) -> None:
        """List the teaching conferences (latest first) and open ``select``, the one open, or the latest;
        read on a background operation, with the people who may be chosen as rater."""
        services = self._services

        def work() -> tuple[list[Conference], list[Account], int]:
            listed = [c for c in services.conferences.list() if c.mode is ConferenceMode.TRAINING]
            bank = 0 if listed else services.cases.count(fictional=True, limit=1)
            return listed, services.accounts.active(), bank

        ops_module.operations().read(
            work, parent=self, label="listing teaching conferences",
            success=lambda found: self._conferences_arrived(select, *found),
            failure=lambda error: self.show_status(str(error)))

    def _conferences_arrived(self, select: int | None, conferences: list[Conference],
                             accounts: list[Account], bank: int = 0) -> None:
        self.scoring.set_accounts(accounts)
        keep = select if select is not None else (self.conference.id if self.conference else None)
        combo = self.ui.conferenceCombo
        combo.blockSignals(True)
        combo.clear()
        for conf in conferences:
            combo.addItem(f"{conf.starts_at:%Y-%m-%d %H:%M} – {conf.title}", conf.id)
        combo.blockSignals(False)
        if not conferences:
            self.conference = None
            self.ui.conferenceInfo.setText(no_conference_text(bank > 0))
            self.ui.agendaList.clear()
            self.programme.refresh()
            return
        index = combo.findData(keep) if keep is not None else -1
        combo.setCurrentIndex(index if index >= 0 else 0)
        self._conference_chosen()

    def open_conference(self, conference_id: int) -> None:
        """Open the teaching conference ``conference_id`` (read on a background operation)."""
        self.refresh_conferences(select=conference_id)

    def _conference_chosen(self) -> None:
        conf_id = self.ui.conferenceCombo.currentData()
        if conf_id is None:
            return
        self.scoring.session.queue_save()  # the scores pending saved first: queued, not waited for
        self._read_conference(int(conf_id), chosen=True)

    def _read_conference(self, conf_id: int, *, chosen: bool) -> None:
        """Read the conference and the parts of its cases; ``chosen``: it was just chosen (show the case
        under discussion), else it was read again (keep the case and the tab shown)."""
        services = self._services
        ops_module.operations().read(
            lambda: (services.conferences.get(conf_id), services.training.roles(conf_id)), parent=self,
            success=lambda found: self._conference_arrived(found) if chosen else self._arrived(found),
            failure=lambda error: self.show_status(str(error)), label="reading a teaching conference",
        )

    def _conference_arrived(self, found: tuple[Conference, list[CaseRoles]]) -> None:
        conf, roles = found
        if self.ui.conferenceCombo.currentData() != conf.id:
            return  # another conference was chosen meanwhile
        self.conference, self._roles = conf, roles
        self._show_info(conf)
        discussing = [i for i, item in enumerate(conf.agenda) if item.status is AgendaStatus.IN_DISCUSSION]
        self._fill_agenda(keep_row=discussing[0] if discussing else 0)  # the case under discussion
        self.debrief.set_conference(conf)
        self._case_chosen()
        self._stale(DEBRIEF_TAB, PROGRESS_TAB, PROGRAMME_TAB, GOALS_TAB)
        self.conference_shown.emit(conf.id)

    def _show_info(self, conf: Conference) -> None:
        trainees = [a.name for a in conf.attendees if a.role is AttendeeRole.TRAINEE]
        where = f", {conf.room}" if conf.room else ""
        chairs = f"Chair: {conf.chair} (trainee). " if conf.chair in trainees else ""
        self.ui.conferenceInfo.setText(
            f"<b>{conf.title}</b>, {conf.starts_at:%A %d %B %Y %H:%M}{where}. "
            f"Facilitator: {conf.facilitator or '–'}. {chairs}Trainees: {', '.join(trainees) or 'none yet'}."
        )

    def _fill_agenda(self, keep_row: int | None = None) -> None:
        conf = self.conference
        lst = self.ui.agendaList
        row = lst.currentRow() if keep_row is None else keep_row
        lst.blockSignals(True)
        lst.clear()
        presenters = {r.agenda_item_id: r.presenter.trainee for r in self._roles if r.presenter}
        for item in conf.agenda if conf else []:
            text = f"{item.position + 1}. {item.case_ref}"
            if item.case_title:
                text += f" – {item.case_title}"
            if item.status is AgendaStatus.IN_DISCUSSION:
                text += "\n    in discussion now"
            if item.id in presenters:
                text += f"\n    presented by {presenters[item.id]}"
            entry = QListWidgetItem(text)
            entry.setData(ITEM_ROLE, item.id)
            lst.addItem(entry)
        lst.setCurrentRow(min(max(row, 0), lst.count() - 1) if lst.count() else -1)
        lst.blockSignals(False)

    def current_item(self) -> AgendaItem | None:
        if self.conference is None:
            return None
        entry = self.ui.agendaList.currentItem()
        if entry is None:
            return None
        item_id = entry.data(ITEM_ROLE)
        return next((i for i in self.conference.agenda if i.id == item_id), None)

    def select_case(self, row: int) -> None:
        self.ui.agendaList.setCurrentRow(row)

    def _case_chosen(self) -> None:
        conf = self.conference
        if conf is None:
            return
        item = self.current_item()
        roles = next((r for r in self._roles if item is not None and r.agenda_item_id == item.id), None)
        self.roles.set_case(conf, item)
        self.scoring.set_case(conf, item, roles)

    def _roles_changed(self) -> None:
        if self.conference is None or self.conference.id is None:
            return
        conf_id, training = self.conference.id, self._services.training
        ops_module.operations().read(
            lambda: training.roles(conf_id), parent=self, label="reading the parts of the cases",
            success=lambda roles: self._roles_arrived(conf_id, roles),
            failure=lambda error: self.show_status(str(error)))

    def _roles_arrived(self, conf_id: int, roles: list[CaseRoles]) -> None:
        if self.conference is None or self.conference.id != conf_id:
            return
        self._roles = roles
        self._fill_agenda()
        item = self.current_item()
        case_roles = next((r for r in self._roles if item is not None and r.agenda_item_id == item.id), None)
        self.scoring.set_case(self.conference, item, case_roles)
        self._stale(DEBRIEF_TAB, PROGRESS_TAB, PROGRAMME_TAB, GOALS_TAB)

    def refresh(self) -> None:
        """Read everything again (someone else may have changed the conference), after saving the scores
        pending (queued, not waited for)."""
        self.scoring.session.queue_save()
        self.refresh_conferences()

    def stored_elsewhere(self) -> None:
        """The open teaching conference (agenda, roles, scores) was changed on another PC: read it again on
        a background operation, keeping the case chosen and the tab shown. Scores being given here are not
        replaced: their record session merges what the other PC saved when it saves them."""
        conf = self.conference
        if conf is None or conf.id is None:
            return
        self._read_conference(conf.id, chosen=False)

    def _arrived(self, found: tuple[Conference, list[CaseRoles]]) -> None:
        conf, roles = found
        if self.conference is None or self.conference.id != conf.id:
            return  # another conference was chosen meanwhile
        chosen = self.current_item()
        self.conference, self._roles = conf, roles
        self._show_info(conf)
        rows = [i for i, item in enumerate(conf.agenda) if chosen is not None and item.id == chosen.id]
        self._fill_agenda(keep_row=rows[0] if rows else None)
        self.debrief.set_conference(conf)
        item = self.current_item()
        focus = QApplication.focusWidget()
        if focus is None or not self.roles.isAncestorOf(focus):  # never under the cursor of a timing edit
            self.roles.set_case(conf, item)
        if not self.scoring.pending:
            case_roles = next((r for r in roles if item is not None and r.agenda_item_id == item.id), None)
            self.scoring.set_case(conf, item, case_roles)
        self._stale(DEBRIEF_TAB, PROGRESS_TAB, PROGRAMME_TAB)

    def new_conference(self) -> NewConferenceDialog:
        dialog = NewConferenceDialog(self._services, self)
        dialog.created.connect(lambda conf_id: self.refresh_conferences(select=conf_id))
        dialog.created.connect(lambda _id: self.show_status("Teaching conference created"))
        dialog.created.connect(self.conference_created)
        self.new_conference_dialog = dialog
        dialog.open()
        return dialog

    # -- the tabs
    def _stale(self, *tabs: int) -> None:
        current = self.ui.tabs.currentIndex()
        for tab in tabs:
            if tab == current:
                self._tab_shown(tab)

    def _tab_shown(self, tab: int) -> None:
        if tab == GOALS_TAB:
            self.goals.rater = self.scoring.rater.name or None
            self.goals.rater_id = self.scoring.rater.account_id
            if self.scoring.trainee:
                self.goals.set_trainee(self.scoring.trainee)
            self.goals.set_conference(self.conference)
        elif tab == DEBRIEF_TAB:
            self.debrief.refresh()
        elif tab == PROGRESS_TAB:
            self.progress.refresh()
        elif tab == PROGRAMME_TAB:
            self.programme.refresh()
        elif tab == SCORING_TAB:
            self.scoring.focus_first_row()

    def show_tab(self, tab: int) -> None:
        self.ui.tabs.setCurrentIndex(tab)
        self._tab_shown(tab)

    def show_progress(self, trainee: str) -> None:
        self.show_tab(PROGRESS_TAB)
        self.progress.choose(trainee)

    def signed_in_changed(self, _account: object = None) -> None:
        """Someone signed in to the program: the scores given from now on are theirs (what was pending is
        saved as the previous rater's first)."""
        self.scoring.rater.signed_in_changed()

    # -- status and closing
    def show_status(self, text: str) -> None:
        self.ui.statusbar.showMessage(text)
        self.status_message.emit(text)

    def flush(self) -> bool:
        """Save the scores still pending; False when that failed (they stay on screen)."""
        return self.scoring.flush()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """Closing the training window saves the scores still pending: queued, not waited for (the window
        is hidden, not deleted: the save goes on, retried by itself after a fault that passes)."""
        self.scoring.session.queue_save()
        event.accept()
