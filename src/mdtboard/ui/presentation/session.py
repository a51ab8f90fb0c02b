"""The meeting as the big screen and the operator's timer bar see it: the case under discussion, the
section on the big screen, what the disciplines are typing, and the timers.

:class:`PresentationSession` follows the conference workspace (which case the discussion shows, the
agenda, which input panel has the keyboard focus, every keystroke in the panels: their ``textChanged``,
not the database) and owns one :class:`~mdtboard.services.timed_item.TimedItem` per agenda item. The truth
about time is the domain's timers on the injected clock (the system clock in the program, a fake clock in
tests); the QTimer here only asks the views to redraw once a second and retries a failed write.

Moving to another case stops the running case's run and, if it was running, starts the next case's
timer, so that a meeting flows without extra keys. Marking a case discussed or deferred stops its timer.
The meeting clock starts with the first case timer of the conference and is recorded in the database.

Who holds the floor is what the operator sets (:meth:`PresentationSession.mark_speaker`: one key per
discipline, or the bar's list), never where the text cursor is. Typing in a discipline's panel only
suggests it (:meth:`PresentationSession.suggest_speaker`): while the case timer runs and the operator has
not set the floor; the operator's choice always wins.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from mdtboard.domain.careplan import OpenAction
from mdtboard.domain.careplan_progress import open_action_line
from mdtboard.domain.case import Case, Discipline
from mdtboard.domain.conference import AgendaItem
from mdtboard.domain.errors import MdtboardError
from mdtboard.domain.timers import (
    PLAN,
    PRESENTATION,
    Clock,
    Phase,
    SystemClock,
    TimerState,
)
from mdtboard.services.timed_item import TimedItem
from mdtboard.services.timing import ItemTimingRecord, MeetingTimes, RecordedRun
from mdtboard.ui import ops
from mdtboard.ui import settings as options
from mdtboard.ui.presentation.content import (
    TEAM,
    Banners,
    Section,
    TypedInput,
    banners,
    case_sections,
    team_input,
)
from mdtboard.ui.presentation.meeting_clock import DONE as _DONE
from mdtboard.ui.presentation.meeting_clock import MeetingClockPart
from mdtboard.ui.presentation.runs import QueuedRuns

TICK_MS = 1000


class PhaseMode(Enum):
    """How the current case's time is split into phases (optional)."""

    OFF = "Not by phase"
    PRESENTATION = "Presentation"
    TURNS = "Discipline turns"  # the phase follows who holds the floor
    PLAN = "Agreeing the plan"


class PresentationSession(MeetingClockPart, QObject):
    """See the module docstring. ``workspace`` is the ConferenceWorkspace.

    Signals:
        case_changed(): another case is under discussion (or its facts or agenda entry changed).
        section_changed(int): the big screen should show this section (its index).
        team_changed(object): a discipline's typed input changed (the Discipline); the team section is new.
        ticked(): a second passed, or a timer was started, paused, resumed or stopped.
        message(str): something for the status bar.
    """

    case_changed = Signal()
    section_changed = Signal(int)
    team_changed = Signal(object)
    ticked = Signal()
    message = Signal(str)

    def __init__(
        self,
        workspace: Any,
        settings: QSettings,
        *,
        clock: Clock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.controller = workspace.controller
        self.services = workspace.controller.services
        self.settings = settings
        self.clock: Clock = clock or SystemClock()
        self.case: Case | None = None
        self.item: AgendaItem | None = None
        self.sections: list[Section] = []
        self.banners = Banners()
        self.section = 0
        self.typed: dict[Discipline, TypedInput] = {}
        self.focused: Discipline | None = None
        self._floor_set: set[int] = set()  # agenda items whose floor the operator set
        self.phase_mode = PhaseMode.OFF
        self.timers: dict[int, TimedItem] = {}
        self.meeting: MeetingTimes | None = None
        self._meeting_conf: int | None = None
        self._reported: str | None = None
        self._actions: dict[int, list[str]] = {}  # the open actions of a case's agreed plan, by case id
        self._actions_reading: set[int] = set()
        self._case_asked = 0  # counts the reads of the case shown: only the last one's answer is taken
        self._prior_known: set[int] = set()  # agenda items whose time recorded before was read
        self._meeting_asked = 0  # counts the reads and writes of the meeting clock: only the last counts
        #: writes of runs that failed after their timer was replaced (the case left): written again
        self._unwritten: dict[str, tuple[int, RecordedRun]] = {}
        self.runs = QueuedRuns(self)
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self._connect_signals()
        self.tick_timer.start()
        self._follow_case(workspace.discussion.current_case_id())

    def _connect_signals(self) -> None:
        discussion = self.workspace.discussion
        discussion.case_shown.connect(self._follow_case)
        self.controller.agenda_changed.connect(self._agenda_changed)
        self.controller.case_edited.connect(self._case_edited)
        self.controller.attendance_changed.connect(lambda _people: self._typed_changed(None))
        self.controller.opened.connect(lambda _conf: self._follow_case(discussion.current_case_id()))
        for discipline, panel in discipline_panels(self.workspace).items():
            panel.ui.assessmentEdit.textChanged.connect(lambda d=discipline: self._typed_changed(d))
            panel.ui.recommendationsEdit.textChanged.connect(lambda d=discipline: self._typed_changed(d))
            panel.ui.authorCombo.currentTextChanged.connect(lambda _t, d=discipline: self._typed_changed(d))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.tick_timer.timeout.connect(self._tick)

    # ------------------------------------------------------------------ settings
    @property
    def follow_panels(self) -> bool:
        """Whether typing in a discipline's panel suggests who holds the floor (while the timer runs and
        the operator has not set it)."""
        return options.TYPING_SUGGESTS_FLOOR.read(self.settings)

    def set_follow_panels(self, follow: bool) -> None:
        options.TYPING_SUGGESTS_FLOOR.write(self.settings, follow)

    @property
    def target_minutes(self) -> float:
        return options.PRESENTATION_TARGET_MINUTES.read(self.settings)

    # ------------------------------------------------------------------ the case
    def _follow_case(self, case_id: int | None) -> None:
        item = self.controller.item_for(case_id) if case_id is not None else None
        previous = self.current_timer()
        was_running = previous is not None and previous.run_state().ticking
        if item is not None and self.item is not None and item.id == self.item.id:
            self._refresh_item(item)
            return
        if previous is not None and previous.run_state() is not TimerState.NOT_STARTED:
            self.timers[previous.agenda_item_id] = previous.next_run()
        self.item = item
        self.case = None
        if case_id is not None:
            self._actions.pop(case_id, None)  # read afresh each time the case is shown
        self._case_asked += 1  # an answer still on its way is for the case shown before
        if case_id is not None and item is not None:
            self._read_case(case_id, keep_section=False)
        self.typed = {d: read_panel(p) for d, p in discipline_panels(self.workspace).items()}
        self.banners = banners(self.case)
        self.sections = []
        self.section = 0
        timer = self.current_timer()
        if timer is not None:
            self._apply_speaker(timer)
            if was_running and item is not None and item.status not in _DONE:
                self._start(timer)
        self.case_changed.emit()
        self.section_changed.emit(self.section)
        self.ticked.emit()

    def _case_edited(self, case_id: int) -> None:
        """The case on screen was saved in the case editor: show what was saved, in the same section."""
        if self.case is None or self.case.id != case_id:
            return
        self._case_asked += 1
        self._read_case(case_id, keep_section=True)

    def _read_case(self, case_id: int, *, keep_section: bool) -> None:
        """Read the case under discussion on the reader thread; shown when it comes (the big screen shows
        no case meanwhile, never the case before), in the section shown when ``keep_section``."""
        token, cases = self._case_asked, self.services.cases
        ops.read(lambda: cases.get(case_id), parent=self, label="reading the case under discussion",
                 success=lambda case: self._case_read(token, case, keep_section),
                 failure=lambda exc: self._case_not_read(token, exc))

    def _case_read(self, token: int, case: Case, keep_section: bool) -> None:
        if token != self._case_asked or self.item is None or self.item.case_id != case.id:
            return  # another case was shown meanwhile
        shown = self.current_section() if keep_section else None
        self.case = case
        self.banners = banners(case)
        self.sections = self._sections()
        at = self.section_index(shown.key) if shown is not None else None
        if at is None:
            at = min(self.section, len(self.sections) - 1) if keep_section else 0
        self.section = at
        self.case_changed.emit()
        self.section_changed.emit(self.section)

    def _case_not_read(self, token: int, error: MdtboardError) -> None:
        if token == self._case_asked:
            self.message.emit(str(error))

    def _refresh_item(self, item: AgendaItem) -> None:
        self.item = item
        timer = self.timers.get(item.id or 0)
        if timer is not None and timer.budget_minutes != item.minutes:
            running = timer.run_state().ticking
            follow = timer.next_run()
            fresh = TimedItem(
                follow.agenda_item_id, item.minutes, self.clock, store=self.runs,
                prior=follow.prior, presentation_target_minutes=follow.presentation_target_minutes,
            )
            fresh.timer.mark_floor(follow.speaker)
            fresh.timer.enter_phase(follow.phase)
            self.timers[item.id or 0] = fresh
            if running:
                fresh.start()
        if timer is not None and item.status in _DONE and timer.run_state().ticking:
            timer.stop()
            shown = timer.reading().clock_text
            self.message.emit(f"{item.case_ref} {item.status.label}: its timer stopped at {shown}")
        self.case_changed.emit()
        self.ticked.emit()

    def _agenda_changed(self, _items: list[AgendaItem]) -> None:
        case_id = self.workspace.discussion.current_case_id()
        item = self.controller.item_for(case_id) if case_id is not None else None
        if item is None or self.item is None or item.id != self.item.id:
            self._follow_case(case_id)
        else:
            self._refresh_item(item)

    def _item_id(self) -> int | None:
        return None if self.item is None else self.item.id

    def _sections(self) -> list[Section]:
        assert self.case is not None
        return case_sections(self.case, self.present(), self.typed, self._item_id(), self._open_actions())

    def _open_actions(self) -> list[str]:
        """The open actions of the case's agreed plan, one a line (withheld text is the caller's): as read
        when the case was shown (on the reader thread); none until they come, then the sections are made
        again with them."""
        if self.case is None or self.case.id is None:
            return []
        case_id = self.case.id
        if case_id not in self._actions and case_id not in self._actions_reading:
            self._actions_reading.add(case_id)
            careplans = self.services.careplans
            ops.read(lambda: careplans.open_actions(case_id), parent=self, label="the open actions of a case",
                     success=lambda actions: self._actions_read(case_id, actions),
                     failure=lambda exc: self._actions_not_read(case_id, exc))
        return self._actions.get(case_id, [])

    def _actions_read(self, case_id: int, actions: list[OpenAction]) -> None:
        self._actions_reading.discard(case_id)
        today = date.today()
        self._actions[case_id] = [open_action_line(a.intervention, a.progress, today) for a in actions]
        if self.case is None or self.case.id != case_id or not self._actions[case_id]:
            return
        shown = self.current_section()
        self.sections = self._sections()
        at = self.section_index(shown.key) if shown is not None else None
        self.section = at if at is not None else min(self.section, len(self.sections) - 1)
        self.case_changed.emit()
        self.section_changed.emit(self.section)

    def _actions_not_read(self, case_id: int, error: MdtboardError) -> None:
        self._actions_reading.discard(case_id)
        self.message.emit(str(error))

    def present(self) -> list[Discipline]:
        present: list[Discipline] = self.workspace.discussion.present()
        return present

    def agenda_position(self) -> tuple[int, int]:
        """(1-based place of the case under discussion, number of cases); (0, n) when none."""
        agenda = self.controller.agenda()
        ids = [i.id for i in agenda]
        place = ids.index(self.item.id) + 1 if self.item is not None and self.item.id in ids else 0
        return place, len(ids)

    # ------------------------------------------------------------------ typing and focus
    def _typed_changed(self, discipline: Discipline | None) -> None:
        panels = discipline_panels(self.workspace)
        if discipline is not None:
            self.typed[discipline] = read_panel(panels[discipline])
        if self.case is None:
            return
        index = self.section_index(TEAM)
        if index is None:
            return
        self.sections[index] = team_input(
            self.present(), self.typed, self.case.restricted_passages, self._item_id()
        )
        self.team_changed.emit(discipline)
        focus = QApplication.focusWidget()
        typing = discipline is not None and focus is not None and panels[discipline].isAncestorOf(focus)
        if typing and discipline is not None:
            self.suggest_speaker(discipline)
        if typing and self.section != index:
            self.show_section(index)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Only noted: the cursor in a panel says nothing about who is speaking."""
        if new is None:
            return
        for discipline, panel in discipline_panels(self.workspace).items():
            if panel.isAncestorOf(new):
                self.focused = discipline
                return

    # ------------------------------------------------------------------ sections
    def section_index(self, key: str) -> int | None:
        return next((n for n, s in enumerate(self.sections) if s.key == key), None)

    def current_section(self) -> Section | None:
        return self.sections[self.section] if 0 <= self.section < len(self.sections) else None

    def show_section(self, index: int) -> bool:
        if not 0 <= index < len(self.sections):
            return False
        self.section = index
        self.section_changed.emit(index)
        return True

    def step_section(self, offset: int) -> bool:
        """Next (1) or previous (-1) section; False (and a message) at either end."""
        if not self.sections:
            self.message.emit("No case is under discussion.")
            return False
        if not self.show_section(self.section + offset):
            self.message.emit("This is the last section." if offset > 0 else "This is the first section.")
            return False
        return True

    # ------------------------------------------------------------------ timers
    def current_timer(self) -> TimedItem | None:
        """The timer of the case under discussion (made, not started, on first use). The time recorded
        for the item before (earlier runs, another session) is read on the writer queue, ahead of any
        write of the new timer's run, and added to the item's timer when it comes (:meth:`_prior_read`)."""
        if self.item is None or self.item.id is None:
            return None
        timer = self.timers.get(self.item.id)
        if timer is None:
            timer = TimedItem(
                self.item.id, self.item.minutes, self.clock, store=self.runs,
                presentation_target_minutes=self.target_minutes,
            )
            self._apply_speaker(timer)
            self.timers[self.item.id] = timer
            item_id, ref, timing = self.item.id, self.item.case_ref, self.services.timing

            def unread(exc: MdtboardError) -> None:
                self.message.emit(f"The time recorded for {ref} could not be read: {exc}")

            ops.write(lambda: timing.item_timing(item_id), parent=self, label="reading a case's time",
                      success=lambda record: self._prior_read(item_id, record), failure=unread)
        return timer

    def _prior_read(self, item_id: int, record: ItemTimingRecord) -> None:
        """The time recorded for the item before its timer was made here: it counts before the runs timed
        here since (the item's timer may have been followed by another run meanwhile)."""
        timer = self.timers.get(item_id)
        if timer is None or item_id in self._prior_known:
            return
        self._prior_known.add(item_id)
        timer.prior = record.then(timer.prior)
        self.ticked.emit()

    def toggle_timer(self) -> TimerState | None:
        """Start, pause or resume the case's timer (Ctrl+Space); a stopped one starts a new run."""
        timer = self.current_timer()
        if timer is None:
            self.message.emit("No case is under discussion: nothing to time.")
            return None
        if timer.run_state() is TimerState.STOPPED:
            timer = self.timers[timer.agenda_item_id] = timer.next_run()
        if timer.run_state() is TimerState.NOT_STARTED:
            self._start(timer)
        else:
            timer.toggle()
        self._report(timer)
        self.ticked.emit()
        return timer.state()

    def _start(self, timer: TimedItem) -> None:
        timer.start()
        self._start_meeting()
        self._report(timer)

    @property
    def floor_set(self) -> bool:
        """Whether the operator set who holds the floor of the case under discussion."""
        return self.item is not None and self.item.id in self._floor_set

    def mark_speaker(self, discipline: Discipline | None, *, by_operator: bool = True) -> None:
        """``discipline`` holds the floor from now (None: not set), as the operator set it (else as
        typing suggested it)."""
        timer = self.current_timer()
        if timer is None:
            return
        if by_operator:
            if discipline is None:
                self._floor_set.discard(timer.agenda_item_id)
            else:
                self._floor_set.add(timer.agenda_item_id)
        timer.mark_floor(discipline)
        if self.phase_mode is PhaseMode.TURNS:
            timer.enter_phase(None if discipline is None else Phase.turn(discipline))
        self._report(timer)
        self.ticked.emit()

    def toggle_speaker(self, discipline: Discipline) -> None:
        """The operator's key of a discipline: it holds the floor from now; pressed again while it holds
        it, the floor is not set any more."""
        timer = self.current_timer()
        if timer is None:
            self.message.emit("No case is under discussion: nobody can hold the floor.")
            return
        if self.floor_set and timer.speaker is discipline:
            self.mark_speaker(None)
            self.message.emit(f"{discipline.label} no longer holds the floor.")
        else:
            self.mark_speaker(discipline)

    def suggest_speaker(self, discipline: Discipline) -> None:
        """Someone typed in ``discipline``'s panel: it holds the floor from now, if typing may suggest
        it (see :attr:`follow_panels`), the case timer runs and the operator has not set the floor."""
        timer = self.current_timer()
        if timer is None or self.floor_set or not self.follow_panels or not timer.run_state().ticking:
            return
        if timer.speaker is not discipline:
            self.mark_speaker(discipline, by_operator=False)

    @property
    def floor_suggested(self) -> bool:
        """Whether the discipline holding the floor came from typing, not from the operator."""
        timer = self.current_timer()
        return timer is not None and timer.speaker is not None and not self.floor_set

    def set_phase_mode(self, mode: PhaseMode) -> None:
        self.phase_mode = mode
        timer = self.current_timer()
        if timer is not None:
            timer.enter_phase(self._phase_for(mode, timer.speaker))
            self._report(timer)
        self.ticked.emit()

    @staticmethod
    def _phase_for(mode: PhaseMode, speaker: Discipline | None) -> Phase | None:
        if mode is PhaseMode.PRESENTATION:
            return PRESENTATION
        if mode is PhaseMode.PLAN:
            return PLAN
        if mode is PhaseMode.TURNS and speaker is not None:
            return Phase.turn(speaker)
        return None

    def _apply_speaker(self, timer: TimedItem) -> None:
        if timer.run_state() is TimerState.STOPPED:
            return
        timer.enter_phase(self._phase_for(self.phase_mode, timer.speaker))

    def _report(self, timer: TimedItem) -> None:
        error = timer.error
        text = None if error is None else f"Timing not recorded yet (retried every second): {error}"
        if text != self._reported and text is not None:
            self.message.emit(text)
        self._reported = text

    def run_not_written(self, agenda_item_id: int, run: RecordedRun, error: MdtboardError) -> None:
        """A run's write failed in the background: its timer writes it again on the next tick (or, when
        the case was left meanwhile, the run is written again from here)."""
        timer = next((t for t in self.timers.values() if t.run_key == run.run_key), None)
        if timer is None:
            self._unwritten[run.run_key] = (agenda_item_id, run)
            self.message.emit(f"Timing not recorded yet (retried every second): {error}")
            return
        timer.write_failed(error)
        self._report(timer)

    def _tick(self) -> None:
        for agenda_item_id, run in self._unwritten.values():
            self.runs.save_run(agenda_item_id, run)
        self._unwritten.clear()
        for timer in self.timers.values():
            if timer.unsaved:
                timer.flush()
                self._report(timer)
        self.ticked.emit()

    def _emit_ticked(self) -> None:
        self.ticked.emit()

    def _emit_message(self, text: str) -> None:
        self.message.emit(text)

    def close(self) -> None:
        """Stop ticking and write what is not written yet (timers keep their state in the database)."""
        self.tick_timer.stop()
        for timer in self.timers.values():
            timer.flush()




def discipline_panels(workspace: Any) -> dict[Discipline, Any]:
    panels: dict[Discipline, Any] = workspace.discussion.panels
    return panels


def read_panel(panel: Any) -> TypedInput:
    """What a discipline panel shows now, typed or loaded."""
    combo = panel.ui.authorCombo
    return TypedInput(
        author=combo.currentText() if combo.currentIndex() >= 0 else "",
        assessment=panel.ui.assessmentEdit.toPlainText(),
        recommendations=panel.ui.recommendationsEdit.toPlainText(),
    )


def local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")
