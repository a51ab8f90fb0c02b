"""The conference workspace the main window embeds: pick or create a conference, edit it, run it.

Keyboard (listed in the tooltips and, through the workspace's QActions, in Help > Keyboard shortcuts):

- Ctrl+PgDown / Ctrl+PgUp: next / previous case on the agenda (the main window adds Alt+PgDown/PgUp);
- Ctrl+1 .. Ctrl+7: the physician, physical therapy, psychology, pharmacy, nursing, occupational therapy
  and social work input of the case under discussion; Tab goes on to the next field;
- Ctrl+Shift+D / Ctrl+Shift+L: mark the case under discussion discussed / deferred;
- Ctrl+Shift+O: open the case (under discussion, or selected on the agenda) in the case editor;
- on the agenda: Ctrl+Shift+Up / Ctrl+Shift+Down move the selected case, Delete removes it, F2 edits its
  minutes, Enter discusses it; in the case search, Down/Up choose a result and Enter adds it;
- in the attendance: Enter in the name field adds the person, Delete removes the selected one;
- Alt+D, Alt+A, Alt+U: the Details and attendance, Agenda and Discussion tabs; Ctrl+Shift+N (the main
  window's Conference menu): new conference.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QHideEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QListView, QMessageBox, QWidget

from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import (
    DEFAULT_CASE_MINUTES,
    AgendaStatus,
    Conference,
    ConferenceMode,
    describe_clash,
)
from mdtboard.domain.errors import MdtboardError, NotFoundError
from mdtboard.services.context import Services
from mdtboard.ui import ops
from mdtboard.ui import settings as options
from mdtboard.ui.careplan.follow_ups import FollowUpsPanel
from mdtboard.ui.conference.agenda import AgendaPanel
from mdtboard.ui.conference.attendance import AttendancePanel
from mdtboard.ui.conference.conflicts import Chooser, dialog_chooser
from mdtboard.ui.conference.controller import ConferenceController
from mdtboard.ui.conference.discussion import DiscussionPanel
from mdtboard.ui.conference.editor import ConferenceEditor
from mdtboard.ui.conference.models import TextListModel
from mdtboard.ui.editing import undo_keys
from mdtboard.ui.editing.elsewhere import closed_box, unsaved_text
from mdtboard.ui.editing.session import Clash
from mdtboard.ui.forms.ui_conference_workspace import Ui_ConferenceWorkspace

WHEN = "%a %d %b %Y, %H:%M"


def conference_line(conf: Conference) -> str:
    extra = [x for x in (conf.room, "training" if conf.mode is ConferenceMode.TRAINING else None) if x]
    return f"{conf.starts_at:{WHEN}}\n{conf.title}" + (f" · {' · '.join(extra)}" if extra else "")


def conference_heading(conf: Conference) -> str:
    parts = [f"{conf.starts_at:{WHEN}}", conf.room, f"chair {conf.chair}" if conf.chair else None]
    mode = "Training conference" if conf.mode is ConferenceMode.TRAINING else "Clinical conference"
    parts.append(mode)
    return (
        f"<span style='font-size: x-large'><b>{html.escape(conf.title)}</b></span>&nbsp;&nbsp; "
        + html.escape(" · ".join(p for p in parts if p))
    )


def next_slot(latest: Conference | None, now: datetime) -> datetime:
    """A week after the latest conference (the team meets weekly), or tomorrow at 13:00."""
    if latest is None:
        return (now + timedelta(days=1)).replace(hour=13, minute=0, second=0, microsecond=0)
    when = latest.starts_at + timedelta(days=7)
    while when < now:
        when += timedelta(days=7)
    return when


class ConferenceWorkspace(QWidget):
    """Conferences (upcoming and past), the open conference's details and attendance, its agenda, and
    the live input of each discipline on the case under discussion.

    Everything typed is saved within a second of typing stopping; agenda, attendance, status, budget and
    input changes go on the shared undo stack. Shortcuts: see the module docstring.

    Signals:
        status_message(str): something to show in the status bar, e.g. "Saved 14:02:31".
        conference_opened(int): a conference (its id) was opened.
        open_case_requested(int): the user asked to open this case (its id) in the case editor.
    """

    status_message = Signal(str)
    conference_opened = Signal(int)
    open_case_requested = Signal(int)

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ConferenceWorkspace()
        self.ui.setupUi(self)
        self._services = services
        self._lists_asked = 0  # counts the reads of the conference lists: only the last one is shown
        self._room_asked = 0  # likewise the checks of the room's other conferences
        self._settings = settings
        self.elsewhere_dialog: QMessageBox | None = None  # the conference was deleted on another PC
        self.controller = ConferenceController(services, undo_stack, self)
        #: How a conflict is put to the user; tests replace it with a function that answers at once.
        self.chooser: Chooser = dialog_chooser(self)
        self.editor = ConferenceEditor(self.controller, self._choose, self.ui.detailsContent)
        self.attendance = AttendancePanel(self.controller, self.ui.detailsContent)
        self.ui.detailsLayout.addWidget(self.editor, 2, Qt.AlignmentFlag.AlignTop)
        self.ui.detailsLayout.addWidget(self.attendance, 3)
        self.agenda = AgendaPanel(self.controller, self.ui.agendaTab)
        self.ui.agendaLayout.addWidget(self.agenda)
        # Open actions of agreed care plans due by this conference, under the deferred cases.
        self.follow_ups = FollowUpsPanel(self.controller, self.agenda.ui.pickerContent)
        picker = self.agenda.ui.pickerLayout
        picker.insertWidget(picker.indexOf(self.agenda.ui.deferredFrame) + 1, self.follow_ups)
        self.discussion = DiscussionPanel(self.controller, self._choose, self.ui.discussionTab)
        self.ui.discussionLayout.addWidget(self.discussion)
        self.upcoming: TextListModel[Conference] = TextListModel(
            conference_line, lambda c: c.id, tooltip=lambda c: conference_heading(c), parent=self
        )
        self.past: TextListModel[Conference] = TextListModel(
            conference_line, lambda c: c.id, tooltip=lambda c: conference_heading(c), parent=self
        )
        self.ui.upcomingView.setModel(self.upcoming)
        self.ui.pastView.setModel(self.past)
        self.ui.splitter.setStretchFactor(0, 0)
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setSizes([260, 1000])
        self._make_actions()
        self._restore_settings()
        self._connect_signals()
        self.refresh_list()
        self._show_open(None)
        undo_keys.register(self, undo_stack)  # Ctrl+Z in any field: the window's one history

    def _make_actions(self) -> None:
        def action(text: str, keys: str, slot: Callable[[], None]) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.setToolTip(f"{text} ({keys})")
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.next_action = action("Next case on the agenda", "Ctrl+PgDown", self.next_case)
        self.previous_action = action("Previous case on the agenda", "Ctrl+PgUp", self.previous_case)
        self.discipline_actions: dict[Discipline, QAction] = {}
        for number, discipline in enumerate(Discipline, start=1):
            self.discipline_actions[discipline] = action(
                f"Go to the {discipline.label.lower()} input",
                f"Ctrl+{number}",
                self._focuser(discipline),
            )
        self.start_action = action(
            "Start discussing the case on screen",
            "Ctrl+Shift+S",
            lambda: self._mark(AgendaStatus.IN_DISCUSSION),
        )
        self.discussed_action = action(
            "Mark the case under discussion discussed",
            "Ctrl+Shift+D",
            lambda: self._mark(AgendaStatus.DISCUSSED),
        )
        self.defer_action = action(
            "Defer the case under discussion", "Ctrl+Shift+L", lambda: self._mark(AgendaStatus.DEFERRED)
        )
        self.open_case_action = action("Open the case in the case editor", "Ctrl+Shift+O", self._open_case)

    def _focuser(self, discipline: Discipline) -> Callable[[], None]:
        return lambda: self.focus_discipline(discipline)

    def _connect_signals(self) -> None:
        self.ui.newButton.clicked.connect(self.new_conference)
        for view in (self.ui.upcomingView, self.ui.pastView):
            view.clicked.connect(self._list_chosen)
            view.activated.connect(self._list_chosen)
        self.ui.tabs.currentChanged.connect(self._tab_changed)
        self.ui.splitter.splitterMoved.connect(self._save_settings)
        self.discussion.ui.bodySplitter.splitterMoved.connect(self._save_settings)
        self.controller.details_changed.connect(self._details_changed)
        self.controller.failed.connect(self.status_message)
        self.editor.saved.connect(self._saved)
        self.editor.problem.connect(self.status_message)
        self.attendance.message.connect(self.status_message)
        self.editor.ui.chairEdit.editingFinished.connect(
            lambda: self.attendance.offer_chair(self.editor.ui.chairEdit.text())
        )
        self.agenda.message.connect(self.status_message)
        self.follow_ups.message.connect(self.status_message)
        self.agenda.discuss_requested.connect(self.discuss)
        self.agenda.open_case_requested.connect(self.open_case_requested)
        self.discussion.message.connect(self.status_message)
        self.discussion.saved.connect(self._saved)
        self.discussion.case_shown.connect(self._case_shown)
        self.discussion.open_case_requested.connect(self.open_case_requested)

    def _choose(
        self, what: str, clash: Clash, label: Callable[[str], str], done: Callable[[set[str]], None]
    ) -> None:
        self.chooser(what, clash, label, done)

    # -- the interface the main window uses
    def open_conference(self, conf_id: int) -> None:
        """Show the conference ``conf_id`` once read (on the reader thread); when there is none, say so
        (and forget it as the conference to open at start). What is typed on the conference shown is saved
        first, queued and not waited for (:meth:`ConferenceController.adopt`)."""

        def shown(conf: Conference) -> None:
            self._show_open(conf)
            self.refresh_list()
            self.conference_opened.emit(conf_id)

        def missing(error: MdtboardError) -> None:
            self.status_message.emit(str(error))
            if isinstance(error, NotFoundError) and options.LAST_CONFERENCE.read(self._settings) == conf_id:
                options.LAST_CONFERENCE.forget(self._settings)
            self.refresh_list()

        self.controller.open(conf_id, then=shown, missing=missing)

    def new_conference(self) -> None:
        """Create a conference a week after the latest one (same title, room, chair, mode and minutes per
        case), or tomorrow at 13:00 when there is none, and open it with its title ready to type over
        (made and read on the writer thread, after the saves of what is typed on the conference shown,
        queued and not waited for)."""
        self.save_pending()
        conferences, now = self._services.conferences, datetime.now()

        def make() -> Conference:
            known = conferences.list()
            latest = known[0] if known else None
            return Conference(
                title=latest.title if latest else "Pain MDT",
                starts_at=next_slot(latest, now),
                room=latest.room if latest else None,
                mode=latest.mode if latest else ConferenceMode.CLINICAL,
                chair=latest.chair if latest else None,
                default_minutes=latest.default_minutes if latest else DEFAULT_CASE_MINUTES,
            )

        def created(conf: Conference) -> None:
            if conf.id != self.controller.conf_id:  # another conference was opened meanwhile
                self.refresh_list()
                return
            self._show_open(conf)
            self.refresh_list()
            self.ui.tabs.setCurrentWidget(self.ui.detailsTab)
            self.editor.focus_title()
            self.conference_opened.emit(conf.id or 0)

            def told(clash: str | None) -> None:
                warning = f" \u2014 \u26a0 {clash}" if clash else ""
                self.status_message.emit(f"Created {conf.title}, {conf.starts_at:{WHEN}}{warning}")

            self._check_room(conf, told)

        self.controller.create(make, then=created,
                               failure=lambda exc: self.status_message.emit(f"No conference created: {exc}"))

    def next_case(self) -> None:
        """Discuss the next case on the agenda."""
        self._step(1)

    def previous_case(self) -> None:
        """Discuss the previous case on the agenda."""
        self._step(-1)

    def save_pending(self) -> None:
        """Queue the saves of anything typed, without waiting for them (a failure is told in the field,
        "Not saved", and retried)."""
        self.controller.save_pending()

    def flush(self) -> bool:
        """Save anything pending now and wait for it (closing the window, within ``saves_not_waited_for``:
        it then does not wait); False when a save failed (the text stays on screen)."""
        ok = self.controller.flush()
        if not ok:
            self.status_message.emit("Some changes are not saved yet: see the fields marked “Not saved”.")
        return ok

    def current_conference_id(self) -> int | None:
        return self.controller.conf_id

    def closed_elsewhere(self) -> None:
        """The open conference was deleted on another PC: close it with a message (:attr:`elsewhere_dialog`)
        offering what was typed here and not saved (details, discipline input) to copy."""
        conf = self.controller.conference
        if conf is None:
            return
        panels = self.discussion.panels
        unsaved = [unsaved_text(self.editor.session, "Conference: ")]
        unsaved += [unsaved_text(panel.session, f"{d.label}: ") for d, panel in panels.items()]
        for session in (self.editor.session, *(panel.session for panel in panels.values())):
            session.close()
        self.controller.close()
        self._show_open(None)
        self.refresh_list()
        said = f"The conference “{conf.title}” was deleted on another PC and was closed here."
        self.elsewhere_dialog = closed_box(self, "Conference deleted elsewhere", said, unsaved)
        self.status_message.emit(said)

    def case_saved(self, case_id: int) -> None:
        """A case was saved in the case editor: the discussion view and the big screen show it afresh."""
        self.controller.case_edited.emit(case_id)

    # -- more for keyboard users and tests
    def discuss(self, case_id: int) -> None:
        """Show the Discussion tab with ``case_id`` under discussion."""
        self.ui.tabs.setCurrentWidget(self.ui.discussionTab)
        self.discussion.show_case(case_id)

    def focus_discipline(self, discipline: Discipline) -> None:
        if self.controller.conf_id is None:
            return
        if self.ui.tabs.currentWidget() is not self.ui.discussionTab:
            self._show_discussion()
        self.discussion.focus_discipline(discipline)

    def refresh_list(self) -> None:
        """Read the lists of upcoming and past conferences again, on the reader thread (the lists shown
        stay until they come)."""
        today = datetime.now().replace(hour=0, minute=0, second=0, microsecond=0)
        self._lists_asked += 1
        token = self._lists_asked
        conferences = self._services.conferences

        def work() -> tuple[list[Conference], list[Conference]]:
            return conferences.list(upcoming_from=today), conferences.list(past_before=today)

        ops.read(work, parent=self, label="the list of conferences",
                 success=lambda got: self._lists_read(token, *got),
                 failure=lambda exc: self._lists_not_read(token, exc))

    def _lists_read(self, token: int, upcoming: list[Conference], past: list[Conference]) -> None:
        if token != self._lists_asked:  # read again meanwhile
            return
        self.upcoming.set_rows(upcoming)
        self.past.set_rows(past)
        self._select_open()

    def _lists_not_read(self, token: int, error: MdtboardError) -> None:
        if token == self._lists_asked:
            self.status_message.emit(str(error))
            self._select_open()

    def _select_open(self) -> None:
        """The open conference is the one selected in the lists."""
        conf_id = self.controller.conf_id
        for view, model in ((self.ui.upcomingView, self.upcoming), (self.ui.pastView, self.past)):
            row = model.row_of(conf_id) if conf_id is not None else None
            selection = view.selectionModel()
            if row is None:
                selection.clearSelection()
            else:
                view.setCurrentIndex(model.index(row, 0))

    # -- inside
    def _show_open(self, conf: Conference | None) -> None:
        self.ui.stack.setCurrentWidget(self.ui.emptyPage if conf is None else self.ui.conferencePage)
        if conf is not None:
            self.ui.headingLabel.setText(conference_heading(conf))
            self._check_room(conf)

    def _details_changed(self, conf: Conference) -> None:
        self.ui.headingLabel.setText(conference_heading(conf))
        self.refresh_list()
        self._check_room(conf)

    def _check_room(self, conf: Conference, then: Callable[[str | None], None] | None = None) -> None:
        """Warn in the details when another conference is planned in the same room at an overlapping
        time (read on the reader thread); ``then`` gets the warning's text, or None."""
        self._room_asked += 1
        token = self._room_asked
        conferences = self._services.conferences

        def checked(clashes: list[Conference]) -> None:
            if token != self._room_asked:  # checked again meanwhile (another conference, a new time)
                return
            text = describe_clash(conf, clashes) if clashes else None
            self.editor.show_clash(text)
            if then is not None:
                then(text)

        ops.read(lambda: conferences.room_clashes(conf), parent=self, label="the room's other conferences",
                 success=checked, failure=lambda _exc: checked([]))

    def _list_chosen(self, index: QModelIndex) -> None:
        view = self.sender()
        model = self.upcoming if view is self.ui.upcomingView else self.past
        if not index.isValid() or not isinstance(view, QListView):
            return
        conf = model.row_object(index.row())
        if conf.id == self.controller.conf_id or conf.id is None:
            return
        self.open_conference(conf.id)

    def _show_discussion(self) -> None:
        self.ui.tabs.setCurrentWidget(self.ui.discussionTab)
        if self.discussion.current_case_id() is None:
            self.discussion.show_case(self.discussion.default_case())

    def _step(self, offset: int) -> None:
        if self.controller.conf_id is None:
            self.status_message.emit("Open a conference first.")
            return
        had = self.discussion.current_case_id()
        on_discussion = self.ui.tabs.currentWidget() is self.ui.discussionTab
        self._show_discussion()
        if had is not None and on_discussion:
            self.discussion.step(offset)

    def _tab_changed(self, _index: int) -> None:
        if self.ui.tabs.currentWidget() is self.ui.agendaTab and self.isVisible():
            self.agenda.ui.searchEdit.setFocus()  # Alt+A, then type: the case search takes it
        if self.ui.tabs.currentWidget() is self.ui.discussionTab:
            self._show_discussion()  # shows a case; only Start discussion marks it in discussion
            if self.isVisible():
                self.discussion.take_keyboard()  # Alt+U, then Ctrl+2 or typing: a discipline's input

    def _case_shown(self, case_id: int) -> None:
        self.agenda.select_case(case_id)

    def _mark(self, status: AgendaStatus) -> None:
        if self.ui.tabs.currentWidget() is self.ui.discussionTab and status is AgendaStatus.IN_DISCUSSION:
            self.discussion.start()
        elif self.ui.tabs.currentWidget() is self.ui.discussionTab:
            self.discussion.mark(status)
        else:
            self.status_message.emit("Go to the Discussion tab (Alt+U) to mark the case under discussion.")

    def _open_case(self) -> None:
        if self.ui.tabs.currentWidget() is self.ui.agendaTab:
            self.agenda.ui.openCaseButton.click()
        elif (case_id := self.discussion.current_case_id()) is not None:
            self.open_case_requested.emit(case_id)

    def _saved(self, when: datetime) -> None:
        self.status_message.emit(f"Saved {when:%H:%M:%S}")

    # -- settings and visibility
    def _restore_settings(self) -> None:
        for option, splitter in (
            (options.CONFERENCE_SPLITTER, self.ui.splitter),
            (options.DISCUSSION_SPLITTER, self.discussion.ui.bodySplitter),
        ):
            state = option.read(self._settings)
            if not state.isEmpty():
                splitter.restoreState(state)

    def _save_settings(self) -> None:
        options.CONFERENCE_SPLITTER.write(self._settings, self.ui.splitter.saveState())
        options.DISCUSSION_SPLITTER.write(self._settings, self.discussion.ui.bodySplitter.saveState())

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        """Leaving the workspace (another page, closing) saves what was typed: queued, not waited for."""
        self.save_pending()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """Closing saves what was typed and lets the reads and saves started here finish (nothing of this
        page is still running when the database is closed after it)."""
        self.flush()
        ops.operations().wait(30)
        super().closeEvent(event)
