"""Presentation mode in the main window: the Conference menu's entries, the keys, the timer bar in the
operator's view, the big screen and the meeting record.

Keys (also listed in Help > Keyboard shortcuts, and working from both the operator's window and the big
screen): F5 starts presentation mode or leaves it, Esc leaves it; Alt+Right / Alt+Left the next /
previous section; Alt+Down / Alt+Up the next / previous page of a long section; Ctrl+Space starts,
pauses or resumes the case timer; Alt+PgDown / Alt+PgUp (and Ctrl+PgDown / Ctrl+PgUp) the next /
previous case; Alt+= / Alt+- zoom the big screen in or out.

The big screen goes on the screen chosen under Conference > Big screen > Show on (remembered); on
"Automatic" that is the second screen when one is connected, otherwise the operator's own screen, full
screen. The theme (light, dark, high contrast) and the zoom are remembered too.

Only PySide6 and plain settings code are imported here, so that the main window paints at once; the
session (and with it the services), the big screen and the record window are imported when needed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QMainWindow, QMenu

from mdtboard.domain.case import Discipline
from mdtboard.ui import settings as options
from mdtboard.ui.presentation.sizing import clamp_zoom, zoom_in, zoom_out
from mdtboard.ui.presentation.themes import THEMES, Theme, theme_named

if TYPE_CHECKING:
    from mdtboard.domain.timers import Clock
    from mdtboard.ui.presentation.big_screen import BigScreen
    from mdtboard.ui.presentation.minutes_window import MinutesWindow
    from mdtboard.ui.presentation.operator_bar import TimerBar
    from mdtboard.ui.presentation.record_window import MeetingRecordWindow
    from mdtboard.ui.presentation.session import PresentationSession

AUTOMATIC = ""
#: The operator's key for each discipline's floor, in the order of ``Discipline`` (physician F6 ... social
#: work F12); pressed again, the floor is not set any more.
FLOOR_KEYS: dict[Discipline, str] = {d: f"F{6 + n}" for n, d in enumerate(Discipline)}


def choose_screen(screens: list[QScreen], operator: QScreen | None, wanted: str) -> QScreen | None:
    """The screen named ``wanted`` if connected; else the first screen that is not the operator's;
    else the operator's own."""
    for screen in screens:
        if wanted and screen.name() == wanted:
            return screen
    others = [s for s in screens if s is not operator]
    if others:
        return others[0]
    return operator if operator is not None else (screens[0] if screens else None)


def screen_words(screen: QScreen) -> str:
    size = screen.geometry()
    name = screen.name() or "Screen"
    return f"{name} ({size.width()}×{size.height()})"


class PresentationMode(QObject):
    """Everything of presentation mode in one main window (``window.presentation``).

    Signals:
        presenting_changed(bool): the big screen was shown (True) or left (False).
    """

    presenting_changed = Signal(bool)

    def __init__(self, window: QMainWindow, *, clock: Clock | None = None) -> None:
        super().__init__(window)
        self.window: Any = window
        self.settings: Any = getattr(window, "settings")  # noqa: B009 (a MainWindow's)
        self.clock = clock
        self.session: PresentationSession | None = None
        self.bar: TimerBar | None = None
        self.big_screen: BigScreen | None = None
        self.record_window: MeetingRecordWindow | None = None
        self.minutes_window: MinutesWindow | None = None
        self._make_actions()
        self._make_menu()
        self.set_enabled(False)
        services_ready = getattr(window, "services_ready", None)
        if services_ready is not None:
            services_ready.connect(self._services_ready)
        window.installEventFilter(self)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenRemoved.connect(self._screen_removed)

    # ------------------------------------------------------------------ actions and menu
    def _action(self, text: str, keys: str | list[str] | None, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        if keys:
            sequences = [keys] if isinstance(keys, str) else keys
            action.setShortcuts([QKeySequence(k) for k in sequences])
            action.setToolTip(f"{text} ({', '.join(sequences)})")
        action.triggered.connect(lambda _checked=False: self._with_session(slot))
        return action

    def _with_session(self, slot: Callable[[], object]) -> None:
        """Run an action's ``slot``, the presentation session made first (see :meth:`_ensure_session`)."""
        if slot != self.leave:
            self._ensure_session()
        slot()

    def _ensure_session(self) -> PresentationSession | None:
        """The presentation session: made with the conference workspace, which the window builds the first
        time it is shown or asked for (building it calls :meth:`attach_workspace`)."""
        if self.session is None:
            getattr(self.window, "workspace", None)
        return self.session

    def _make_actions(self) -> None:
        self.present_action = self._action("Pre&sentation mode", "F5", self.toggle)
        self.present_action.setStatusTip("Show the case under discussion on the big screen (F5; Esc leaves)")
        self.leave_action = self._action("&Leave presentation mode", "Esc", self.leave)
        self.record_action = self._action("Meeting &record…", None, self.open_record)
        self.minutes_action = self._action("&Minutes…", "Ctrl+Shift+M", self.open_minutes)
        self.minutes_action.setStatusTip(
            "The minutes of this conference: attendance, each case's outcome, decisions, actions and time"
        )
        act = self._action
        self.next_section_action = act("&Next section", "Alt+Right", lambda: self._section(1))
        self.previous_section_action = act("Pre&vious section", "Alt+Left", lambda: self._section(-1))
        self.next_page_action = act("Next pa&ge of the section", "Alt+Down", lambda: self._page(1))
        self.previous_page_action = act("Previous page of the section", "Alt+Up", lambda: self._page(-1))
        self.timer_action = act("Start, pause or resume the case &timer", "Ctrl+Space", self._toggle_timer)
        self.zoom_in_action = act("&Zoom in", ["Alt+=", "Alt++"], lambda: self.set_zoom(zoom_in(self.zoom)))
        self.zoom_out_action = act("Zoom &out", "Alt+-", lambda: self.set_zoom(zoom_out(self.zoom)))
        self.floor_actions = [
            act(f"Floor: {d.label}", FLOOR_KEYS[d], self._floor_slot(d)) for d in Discipline
        ]
        self.follow_action = QAction("T&yping in a panel suggests who holds the floor", self.window)
        self.follow_action.setStatusTip(
            "While the case timer runs and the floor is not set, typing in a discipline's panel gives it"
            " the floor until you set it (F6 to F12)"
        )
        self.follow_action.setCheckable(True)
        self.follow_action.triggered.connect(
            lambda checked: self._with_session(lambda: self._follow_chosen(checked))
        )
        self.shared_actions = [
            self.present_action, self.leave_action, self.next_section_action, self.previous_section_action,
            self.next_page_action, self.previous_page_action, self.timer_action, self.zoom_in_action,
            self.zoom_out_action, *self.floor_actions,
        ]

    def _make_menu(self) -> None:
        conference: QMenu = self.window.ui.menuConference
        conference.addSeparator()
        conference.addAction(self.present_action)
        conference.addAction(self.record_action)
        conference.addAction(self.minutes_action)
        self.menu = conference.addMenu("&Big screen")
        self.menu.setObjectName("menuBigScreen")
        for action in (
            self.leave_action, self.next_section_action, self.previous_section_action, self.next_page_action,
            self.previous_page_action, self.timer_action,
        ):
            self.menu.addAction(action)
        self.floor_menu = self.menu.addMenu("Who holds the &floor")
        self.floor_menu.setObjectName("menuFloor")
        for action in self.floor_actions:
            self.floor_menu.addAction(action)
        self.floor_menu.addSeparator()
        self.floor_menu.addAction(self.follow_action)
        self.menu.addSeparator()
        self.menu.addAction(self.zoom_in_action)
        self.menu.addAction(self.zoom_out_action)
        self.theme_menu = self.menu.addMenu("T&heme")
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for key, theme in THEMES.items():
            action = self.theme_menu.addAction(theme.label)
            action.setCheckable(True)
            action.setChecked(key == self.theme.key)
            action.triggered.connect(lambda _checked=False, key=key: self.set_theme(key))
            self.theme_group.addAction(action)
            self.theme_actions[key] = action
        self.screen_menu = self.menu.addMenu("&Show on")
        self.screen_group = QActionGroup(self)
        self.screen_menu.aboutToShow.connect(self.fill_screen_menu)  # the screens connected then

    def fill_screen_menu(self) -> None:
        """One choice per connected screen, and Automatic."""
        self.screen_menu.clear()
        for action in self.screen_group.actions():
            self.screen_group.removeAction(action)
        wanted = self.wanted_screen
        choices = [("Automatic: the second screen when one is connected", AUTOMATIC)]
        choices += [(screen_words(s), s.name()) for s in QGuiApplication.screens()]
        for text, name in choices:
            action = self.screen_menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(name == wanted)
            action.triggered.connect(lambda _checked=False, name=name: self.set_wanted_screen(name))
            self.screen_group.addAction(action)

    def set_enabled(self, enabled: bool) -> None:
        for action in (*self.shared_actions, self.record_action, self.minutes_action, self.follow_action):
            action.setEnabled(enabled)
        self.leave_action.setEnabled(enabled and self.presenting)

    # ------------------------------------------------------------------ settings
    @property
    def theme(self) -> Theme:
        return theme_named(options.PRESENTATION_THEME.read(self.settings))

    def set_theme(self, key: str) -> None:
        options.PRESENTATION_THEME.write(self.settings, theme_named(key).key)
        self.theme_actions[self.theme.key].setChecked(True)
        if self.big_screen is not None:
            self.big_screen.set_theme(self.theme)

    @property
    def zoom(self) -> float:
        return clamp_zoom(options.PRESENTATION_ZOOM.read(self.settings))

    def set_zoom(self, zoom: float) -> None:
        options.PRESENTATION_ZOOM.write(self.settings, clamp_zoom(zoom))
        if self.big_screen is not None:
            self.big_screen.set_zoom(self.zoom)
        self._status(f"Big screen zoom {round(self.zoom * 100)} %")

    @property
    def wanted_screen(self) -> str:
        return options.PRESENTATION_SCREEN.read(self.settings) or AUTOMATIC

    def set_wanted_screen(self, name: str) -> None:
        options.PRESENTATION_SCREEN.write(self.settings, name)
        if self.presenting:
            self.start()

    def operator_screen(self) -> QScreen | None:
        screen: QScreen | None = self.window.screen()
        return screen

    def target_screen(self) -> QScreen | None:
        return choose_screen(QGuiApplication.screens(), self.operator_screen(), self.wanted_screen)

    # ------------------------------------------------------------------ building on the services
    def _services_ready(self) -> None:
        """The window's pages are plugged in: the actions work once there is a conference workspace, which
        the window builds when it is first used (it then calls :meth:`attach_workspace`)."""
        if getattr(self.window, "conference_available", False):
            self.set_enabled(True)
        workspace = getattr(self.window, "built_workspace", None)
        if workspace is not None:
            self.attach_workspace(workspace)

    def attach_workspace(self, workspace: Any) -> None:
        """Present from ``workspace``, the window's conference workspace (once, as it is built)."""
        if self.session is not None:
            return
        from mdtboard.ui.presentation.operator_bar import TimerBar
        from mdtboard.ui.presentation.session import PresentationSession

        self.session = PresentationSession(workspace, self.settings, clock=self.clock, parent=self)
        self.session.message.connect(self._status)
        self.session.section_changed.connect(lambda _n: self._show_screen_state())
        self.follow_action.setChecked(self.session.follow_panels)
        self.bar = TimerBar(self.session, workspace.ui.discussionTab)
        workspace.ui.discussionLayout.insertWidget(0, self.bar)
        self.bar.present_requested.connect(self.toggle)
        self.bar.record_requested.connect(self.open_record)
        self._show_screen_state()
        self.set_enabled(True)

    def _status(self, text: str) -> None:
        show = getattr(self.window, "show_status", None)
        if show is not None:
            show(text)

    # ------------------------------------------------------------------ the big screen
    @property
    def presenting(self) -> bool:
        return self.big_screen is not None and self.big_screen.isVisible()

    def toggle(self) -> None:
        if self.presenting:
            self.leave()
        else:
            self.start()

    def start(self) -> BigScreen | None:
        """Show the big screen on the chosen screen (see the module docstring)."""
        session = self._ensure_session()
        if session is None:
            return None
        screen = self.target_screen()
        if screen is None:
            self._status("No screen to present on.")
            return None
        if self.big_screen is None:
            from mdtboard.ui.presentation.big_screen import BigScreen

            self.big_screen = BigScreen(session, self.theme, self.zoom)
            self.big_screen.addActions(self.shared_actions)
            for name in ("actionNextCase", "actionPreviousCase"):
                action = getattr(self.window.ui, name, None)
                if action is not None:
                    self.big_screen.addAction(action)
            workspace = self.window.workspace
            self.big_screen.addActions([workspace.next_action, workspace.previous_action])
            self.big_screen.leave_requested.connect(self.leave)
            self.big_screen.zoom_requested.connect(
                lambda step: self.set_zoom(zoom_in(self.zoom) if step > 0 else zoom_out(self.zoom))
            )
            self.big_screen.text.paging_changed.connect(lambda _p, _n: self._show_screen_state())
        session.show_section(0)  # the big screen opens on the Situation, wherever the operator was
        self.big_screen.show_on(screen)
        if screen is not self.operator_screen():
            self.window.activateWindow()  # the operator goes on typing on the laptop
        self.leave_action.setEnabled(True)
        self._show_screen_state()
        self.presenting_changed.emit(True)
        return self.big_screen

    def leave(self) -> None:
        if self.big_screen is None or not self.big_screen.isVisible():
            return
        self.big_screen.hide()
        self.leave_action.setEnabled(False)
        self.window.activateWindow()
        self._show_screen_state()
        self.presenting_changed.emit(False)

    def _screen_removed(self, screen: QScreen) -> None:
        if self.presenting and self.big_screen is not None and self.big_screen.screen() is screen:
            self.start()  # the projector went away: on to another screen

    def _show_screen_state(self) -> None:
        if self.bar is None or self.session is None:
            return
        section = self.session.current_section()
        screen = self.big_screen
        if not self.presenting or screen is None:
            self.bar.show_screen_state("Big screen off", False)
            return
        where = f" on {screen.screen().name()}" if screen.screen() is not None else ""
        if section is None:
            text = f"Big screen{where}: no case"
        else:
            count = screen.text.page_count()
            page = f", page {screen.text.page + 1} of {count}" if count > 1 else ""
            text = f"Big screen{where}: {section.title}{page}"
        self.bar.show_screen_state(text, True)

    # ------------------------------------------------------------------ keys
    def _section(self, offset: int) -> None:
        if self.session is not None:
            self.session.step_section(offset)

    def _page(self, offset: int) -> None:
        if self.big_screen is not None and self.presenting:
            self.big_screen.flow(offset)
        else:
            self._section(offset)

    def _floor_slot(self, discipline: Discipline) -> Callable[[], None]:
        def slot() -> None:
            if self.session is not None:
                self.session.toggle_speaker(discipline)
                if self.bar is not None:
                    self.bar.refresh()

        return slot

    def _toggle_timer(self) -> None:
        if self.session is not None:
            self.session.toggle_timer()

    def _follow_chosen(self, checked: bool) -> None:
        if self.session is not None:
            self.session.set_follow_panels(checked)
            if self.bar is not None:
                self.bar.refresh()

    # ------------------------------------------------------------------ the meeting record
    def open_record(self) -> MeetingRecordWindow | None:
        workspace = getattr(self.window, "workspace", None)
        services = getattr(self.window, "services", None)
        conf_id = workspace.current_conference_id() if workspace is not None else None
        if workspace is None or services is None or conf_id is None or self.session is None:
            self._status("Open a conference first: its meeting record is made from its agenda and timing.")
            return None
        self._save_typed(workspace)
        session = self.session
        from mdtboard.ui.presentation.record_window import MeetingRecordWindow

        if self.record_window is not None:
            self.record_window.close()
            self.record_window.deleteLater()
        self.record_window = MeetingRecordWindow(
            lambda: services.timing.meeting_record(conf_id, now=self._now()),
            self.settings,
            end_meeting=session.end_meeting,
            conference_id=conf_id,
            parent=self.window,
        )
        self.record_window.message.connect(self._status)
        self.record_window.pdf_saved.connect(lambda: self._exported(services, "meeting record pdf", conf_id))
        self.record_window.show()
        self.record_window.activateWindow()
        return self.record_window

    def open_minutes(self) -> MinutesWindow | None:
        workspace = getattr(self.window, "workspace", None)
        services = getattr(self.window, "services", None)
        conf_id = workspace.current_conference_id() if workspace is not None else None
        if workspace is None or services is None or conf_id is None:
            self._status("Open a conference first: its minutes are made from its agenda and care plans.")
            return None
        self._save_typed(workspace)
        from mdtboard.services.minutes import MinutesService
        from mdtboard.ui.presentation.minutes_window import MinutesWindow

        if self.minutes_window is not None:
            self.minutes_window.close()
            self.minutes_window.deleteLater()
        minutes = MinutesService(services.db)
        self.minutes_window = MinutesWindow(
            lambda: minutes.minutes(conf_id, now=self._now()), self.settings, conference_id=conf_id,
            parent=self.window,
        )
        self.minutes_window.message.connect(self._status)
        self.minutes_window.pdf_saved.connect(lambda: self._exported(services, "minutes pdf", conf_id))
        self.minutes_window.show()
        self.minutes_window.activateWindow()
        return self.minutes_window

    @staticmethod
    def _save_typed(workspace: Any) -> None:
        """Start saving what was typed in the workspace, without waiting for it: the record or the
        minutes are made on the writer queue after these saves."""
        from mdtboard.ui.editing.session import saves_not_waited_for

        with saves_not_waited_for():
            workspace.flush()

    def _exported(self, services: Any, what: str, conf_id: int) -> None:
        """A PDF was written: the export recorded in the audit trail, on the writer queue."""
        from mdtboard.ui import ops

        audit = services.audit
        ops.write(lambda: audit.exported(what, conference_id=conf_id), parent=self, label="noting an export")

    def _now(self) -> datetime:
        """The time now on the meeting's clock (a fake clock in tests)."""
        clock = self.session.clock if self.session is not None else None
        return clock.wall() if clock is not None else datetime.now(UTC)

    # ------------------------------------------------------------------ closing
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.shutdown()
        return False

    def resume(self) -> None:
        """The window did not close after all (the person went back to it while it was saving): the
        session ticks again (a case timer stopped by the closing stays stopped)."""
        if self.session is not None:
            self.session.tick_timer.start()

    def shutdown(self) -> None:
        """The program closes: the big screen goes, the running case timer stops and is written."""
        if self.big_screen is not None:
            self.big_screen.hide()
        if self.session is not None:
            timer = self.session.current_timer() if self.session.item is not None else None
            if timer is not None and timer.run_state().ticking:
                timer.stop()
            self.session.close()


def install_presentation(window: QMainWindow, *, clock: Clock | None = None) -> PresentationMode:
    """Add presentation mode to ``window`` (a MainWindow); returns it (kept as ``window.presentation``)."""
    return PresentationMode(window, clock=clock)
