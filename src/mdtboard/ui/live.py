"""Every view current: the change feed, delivered on the GUI thread, and the views following it.

:class:`LiveUpdates` runs the change watcher of :mod:`mdtboard.services.changes` (a thread of its own: the
GUI thread never waits for it) and emits :attr:`LiveUpdates.changed` on the GUI thread with each batch of
committed changes, this program's own included. :func:`install_live` starts it for the main window and
:func:`follow` hands each batch to the views:

- the case library reads its page again (keeping the selection and the scroll position), at once when it is
  shown, else the next time it is;
- the case editor merges a newer version of the open case field by field (:class:`RecordSession`), or
  closes a case deleted or archived on another PC with a message offering the unsaved text;
- the conference workspace reads the open conference again (attendance, agenda, statuses), or closes one
  deleted on another PC with a message offering the unsaved text; the discussion
  view and the big screen show a changed case afresh, and the discipline panels merge input typed on
  another PC;
- the conference lists show a conference planned elsewhere;
- the care-plan editor merges its plan saved elsewhere while it is being typed in, and otherwise shows
  the case's latest plan as it now is (a sign-off, a new version);
- the minutes and the meeting record, when shown, read their conference again (keeping the scroll);
- the training window reads its teaching conference again, keeping the case chosen and the tab (scores
  being given are merged by their record session when saved, never replaced).

A view's own saves reach it through its own signals already; changes of this program are therefore only
used where no signal told the view (the library).
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from mdtboard.domain.changes import CARE_PLAN, CASE, CONFERENCE, EVERYTHING, TEACHING_REVIEW, Change, touches
from mdtboard.domain.errors import MdtboardError, NotFoundError
from mdtboard.services.changes import CLIENT_ID
from mdtboard.ui import ops as ops_module
from mdtboard.ui.follow_clock import OperatorClock
from mdtboard.ui.presence import PresenceTracker

if TYPE_CHECKING:
    from mdtboard.services.changes import Watcher
    from mdtboard.services.context import Services

log = logging.getLogger(__name__)

#: Changes arriving within this many milliseconds are handed to the views together.
COALESCE_MS = 20
#: The main window's page of the conference workspace (``mdtboard.ui.main_window.CONFERENCE``).
CONFERENCE_PAGE = 2
#: The change log is pruned this often while the program runs (and once at start).
PRUNE_MS = 3600 * 1000


class LiveUpdates(QObject):
    """The change feed on the GUI thread.

    Signals:
        changed(list): committed changes (:class:`Change`), oldest first, by any program.
        state_changed(str): "live", or why live updates are paused.
    """

    changed = Signal(list)
    state_changed = Signal(str)
    _arrived = Signal(list)  # emitted on the watcher's thread, delivered on the GUI thread
    _state = Signal(str)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.state = ""
        self.following = False  # Conference > Follow the meeting
        self.follow_action: QAction | None = None
        self.presence: PresenceTracker | None = None  # who else has what open (mdtboard.ui.presence)
        self.clock: OperatorClock | None = None  # following: the operator's timer and floor
        self._watcher: Watcher | None = None
        self._queue: list[Change] = []
        self._coalesce = QTimer(self)
        self._coalesce.setSingleShot(True)
        self._coalesce.setInterval(COALESCE_MS)
        self._coalesce.timeout.connect(self._emit)
        self._prune = QTimer(self)
        self._prune.setInterval(PRUNE_MS)
        self._prune.timeout.connect(self.prune)
        self._arrived.connect(self._take)
        self._state.connect(self._set_state)

    def start(self, since: int | None = None) -> None:
        if self._watcher is not None:
            return
        self._watcher = self.services.changes.watch(
            self._from_thread, since=since, on_state=self._state_thread
        )
        self.prune()
        self._prune.start()

    def stop(self) -> threading.Thread | None:
        """Stop following the database: the thread still withdrawing this program's presence, if it took
        longer than closing waits (:meth:`PresenceTracker.stop`; the database is closed once it ends)."""
        leaving = self.presence.stop() if self.presence is not None else None
        self._prune.stop()
        self._coalesce.stop()
        self._queue = []
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            watcher.stop()
        return leaving

    @property
    def last_seen(self) -> int | None:
        return None if self._watcher is None else self._watcher.last

    def prune(self) -> None:
        service = self.services.changes
        ops_module.operations().write(service.prune, parent=self, success=lambda _n: None,
                                      failure=lambda _error: None, label="pruning the change log")

    # -- the watcher's thread
    def _from_thread(self, changes: list[Change]) -> None:
        if shiboken6.isValid(self):
            self._arrived.emit(changes)

    def _state_thread(self, text: str) -> None:
        if shiboken6.isValid(self):
            self._state.emit(text)

    # -- the GUI thread
    def _take(self, changes: list[Change]) -> None:
        if self._watcher is None:
            # Stopped (the window closed): a batch the watcher handed over just before is for nobody. The
            # views would read it from a database that is closed, and reopen its pool to do so.
            return
        self._queue.extend(changes)
        if not self._coalesce.isActive():
            self._coalesce.start()

    def _emit(self) -> None:
        changes, self._queue = self._queue, []
        if changes:
            self.changed.emit(changes)

    def _set_state(self, text: str) -> None:
        self.state = text
        self.state_changed.emit(text)


def others(changes: list[Change]) -> list[Change]:
    """The changes committed by other programs (another PC, or another window on this one)."""
    return [c for c in changes if c.client != CLIENT_ID]


def follow(window: Any, changes: list[Change]) -> None:
    """Hand committed changes to the main window's views (see the module docstring)."""
    elsewhere = others(changes)
    _follow_library(window, changes, elsewhere)
    _follow_meeting_papers(window, changes)
    if elsewhere:
        _follow_training(window, elsewhere)
        _follow_editor(window, elsewhere)
        _follow_workspace(window, elsewhere)
        _follow_care_plan(window, elsewhere)


def _follow_library(window: Any, changes: list[Change], elsewhere: list[Change]) -> None:
    library = window.library
    if library is None or not touches(changes, CASE):
        return
    if library.isVisible() and touches(elsewhere, CASE):
        library.refresh()  # keeps the selection and the scroll position
    else:
        window._library_stale = True  # read again when it is next shown


def _follow_editor(window: Any, elsewhere: list[Change]) -> None:
    editor = window.built_editor  # a page not built yet shows nothing, and reads afresh when it is
    case_id = editor.current_case_id() if editor is not None else None
    if case_id is None:
        return
    about = [c for c in elsewhere if c.about(CASE, case_id)]
    if about:
        last = about[-1]
        editor.stored_elsewhere(case_id, deleted=last.deleted and last.record_id == case_id)


def _follow_workspace(window: Any, elsewhere: list[Change]) -> None:
    workspace = window.built_workspace
    if workspace is None:
        return
    if touches(elsewhere, CONFERENCE):
        workspace.refresh_list()
    conf_id = workspace.current_conference_id()
    if conf_id is None:
        return
    controller = workspace.controller
    if any(c.kind == CONFERENCE and c.record_id == conf_id and c.deleted for c in elsewhere):
        workspace.closed_elsewhere()
        return
    if touches(elsewhere, CONFERENCE, conf_id):

        def reloaded() -> None:
            if getattr(window.live, "following", False):
                follow_operator(window)
                if window.live.clock is not None:
                    window.live.clock.refresh()  # the operator's timer is written as it runs

        def missing(error: MdtboardError) -> None:
            if isinstance(error, NotFoundError):  # deleted elsewhere (the log said "some conferences")
                workspace.closed_elsewhere()
            else:
                workspace.status_message.emit(str(error))

        controller.reload(then=reloaded, missing=missing)  # read in the background, after our own saves
    on_agenda = {item.case_id for item in controller.agenda()}
    everything = any(c.kind == EVERYTHING or (c.kind == CASE and c.record_id is None) for c in elsewhere)
    changed = on_agenda if everything else {c.record_id for c in elsewhere if c.kind == CASE} & on_agenda
    for case_id in sorted(changed):
        controller.case_edited.emit(case_id)  # the discussion's facts and the big screen
        workspace.discussion.inputs_stored_elsewhere(case_id)


def _follow_care_plan(window: Any, elsewhere: list[Change]) -> None:
    page = window.care_plan
    editor = getattr(page, "built_editor", None)
    if editor is None or editor.current_case_id() is None or not touches(elsewhere, CARE_PLAN):
        return
    plan = editor.plan
    ours = plan is not None and plan.id is not None and touches(elsewhere, CARE_PLAN, plan.id)
    if editor.pending:  # typing in it: merge the plan saved elsewhere by field, never replace it
        if ours:
            service = window.services.careplans
            ops_module.operations().read(
                lambda: service.get(plan.id), parent=editor,
                success=lambda stored: editor.session.stored_elsewhere(stored),
                failure=lambda _error: None, label="reading a care plan changed elsewhere",
            )
        return
    if ours or editor.isVisible():  # a sign-off, a new version: show the latest as it is now
        editor.show_latest()


def _follow_meeting_papers(window: Any, changes: list[Change]) -> None:
    """The minutes and the meeting record windows, when shown, read their conference again after a change
    to it, to a care plan or to a case (this program's own saves included: nothing else tells them)."""
    presentation = getattr(window, "_presentation", None)
    windows = (getattr(presentation, "minutes_window", None), getattr(presentation, "record_window", None))
    for shown in windows:
        if shown is None or not shiboken6.isValid(shown) or not shown.isVisible():
            continue
        if touches(changes, CONFERENCE, shown.conference_id) or touches(changes, CARE_PLAN) \
                or touches(changes, CASE):
            shown.follow_changes()


def _follow_training(window: Any, elsewhere: list[Change]) -> None:
    """The training window reads its teaching conference again after another PC changed it (its roles,
    assessments and timing are the conference's) or a teaching-case review."""
    menu = getattr(window, "training_menu", None)
    training = getattr(menu, "training_window", None)
    if training is None or not shiboken6.isValid(training) or training.conference is None:
        return
    if touches(elsewhere, CONFERENCE, training.conference.id) or touches(elsewhere, TEACHING_REVIEW):
        training.stored_elsewhere()


def follow_operator(window: Any) -> None:
    """Follow mode: show the case the operator has under discussion (else the next one pending)."""
    workspace = window.workspace
    if workspace is None or workspace.current_conference_id() is None:
        return
    discussion = workspace.discussion
    target = discussion.default_case()
    if target is None:
        return
    shown = workspace.ui.tabs.currentWidget() is workspace.ui.discussionTab
    if target != discussion.current_case_id() or not shown:
        if window.current_page() != CONFERENCE_PAGE:
            window.show_page(CONFERENCE_PAGE)
        workspace.discuss(target)


def set_following(window: Any, on: bool) -> None:
    """Conference > Follow the meeting: the discussion follows the operator's agenda from another PC;
    the discipline panels are read-only meanwhile, each with a "Type here" button that lets the person
    take their own discipline's panel (one at a time) and type into it, which the operator's PC shows
    through presence ("Dr Ruiz is typing in Psychology")."""
    live = window.live
    if live is None:
        return
    live.following = on
    workspace = window.workspace
    if workspace is not None:
        for panel in workspace.discussion.panels.values():
            panel.set_following(on)
        if on:
            workspace.controller.reload(then=lambda: follow_operator(window))
    if live.clock is not None:
        live.clock.set_following(on)
    window.show_status("Following the meeting: the case under discussion is shown as the operator moves on; "
                       "the panels are read-only (Type here takes your discipline's panel)." if on
                       else "No longer following the meeting.")


def _panel_taken(window: Any, taken: Any, on: bool) -> None:
    """One panel at a time is taken: taking one gives the others back."""
    workspace = window.workspace
    if not on or workspace is None:
        return
    for panel in workspace.discussion.panels.values():
        if panel is not taken:
            panel.give_back()
    window.show_status(f"You are typing in the {taken.discipline.label} panel; the operator's PC shows "
                       "it. Press Type here again to give it back.")


def workspace_built(window: Any, workspace: Any) -> None:
    """The conference workspace has been built (when first shown): its panels taken one at a time, its
    presence line quiet."""
    from mdtboard.ui.presence import quiet_labels

    quiet_labels(workspace)
    for panel in workspace.discussion.panels.values():
        panel.taken.connect(lambda on, panel=panel: _panel_taken(window, panel, on))
    live = window.live
    if live is not None and live.following:
        for panel in workspace.discussion.panels.values():
            panel.set_following(True)


def install_live(window: Any, since: int | None = None) -> LiveUpdates:
    """Start following the database for the main window: views updated, the state in the status bar.
    ``since``: the changes after this one are followed (the newest one when None), as when the library was
    filled before the services were open."""
    live = LiveUpdates(window.services, window)
    label: QLabel = window._database_label  # "Database: ..." in the status bar, then how live it is
    database = label.text()

    def show_state(text: str) -> None:
        if text == "live":
            label.setText(f"{database} · live")
            label.setToolTip("Changes saved on other PCs appear here as they are saved.")
        else:
            label.setText(f"{database} · live updates paused")
            label.setToolTip(text)
            window.show_status(text)

    action = QAction("&Follow the meeting", window)
    action.setCheckable(True)
    action.setToolTip("Show the case the operator has under discussion, as the operator moves through the "
                      "agenda on another PC (the discipline panels are read-only meanwhile)")
    action.setEnabled(window.conference_available)
    action.toggled.connect(lambda on: set_following(window, on))
    window.ui.menuConference.addSeparator()
    window.ui.menuConference.addAction(action)
    live.follow_action = action
    live.state_changed.connect(show_state)
    live.changed.connect(lambda changes: follow(window, changes))
    if window.built_workspace is not None:
        workspace_built(window, window.built_workspace)
    live.start(since)
    live.presence = PresenceTracker(window)
    live.presence.start()
    live.clock = OperatorClock(window)
    return live
