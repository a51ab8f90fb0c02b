"""The timer controls in the operator's view, above the discussion of the case.

The countdown of the case under discussion (digits, the state in words, its shape and colour), the start
/ pause button (Ctrl+Space), the presentation against its target, the meeting clock and projected finish,
the phase being timed, who holds the floor (set by the operator: F6 to F12, or chosen here; typing in a
panel suggests it while the timer runs and the floor is not set),
what the big screen shows, and the buttons for the big screen (F5) and the meeting record.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QFrame, QWidget

from mdtboard.domain.case import Discipline
from mdtboard.domain.timers import TimerState
from mdtboard.ui.fonts import set_relative_font
from mdtboard.ui.forms.ui_presentation_timer_bar import Ui_TimerBar
from mdtboard.ui.presentation.big_screen import meeting_text, phase_text
from mdtboard.ui.presentation.integration import FLOOR_KEYS
from mdtboard.ui.presentation.session import PhaseMode, PresentationSession
from mdtboard.ui.presentation.shapes import ShapeIcon
from mdtboard.ui.presentation.themes import LIGHT

NOBODY = "nobody"
NOBODY_TEXT = "Floor not set"
TOGGLE_KEYS = "Ctrl+Space"


def floor_text(session: PresentationSession) -> str:
    """The phase (the presentation against its target) and who holds the floor, in a line."""
    timer = session.current_timer()
    speaker = timer.speaker if timer is not None else None
    phase = timer.phase if timer is not None else None
    parts = [phase_text(session)]
    if speaker is not None and (phase is None or phase.discipline is not speaker):
        parts.append(f"Floor: {speaker.label}" + (" (from typing)" if session.floor_suggested else ""))
    return " · ".join(p for p in parts if p)


class TimerBar(QFrame):
    """Timer controls for the operator.

    Signals:
        present_requested(): the big-screen button was pressed.
        record_requested(): the meeting-record button was pressed.
    """

    present_requested = Signal()
    record_requested = Signal()

    def __init__(self, session: PresentationSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TimerBar()
        self.ui.setupUi(self)
        self.session = session
        self.state_icon = ShapeIcon(self)
        self.ui.clockRow.insertWidget(0, self.state_icon)
        set_relative_font(self.ui.clockLabel, 1.6, bold=True)
        set_relative_font(self.ui.stateLabel, 1.15)
        for mode in PhaseMode:
            self.ui.phaseCombo.addItem(mode.value, mode)
        self.ui.phaseCombo.setToolTip(
            "Time the case by phase: the presentation (against its target), each discipline's turn"
            " (following who holds the floor), or agreeing the plan"
        )
        self.ui.speakerCombo.setToolTip(
            "Who holds the floor, as you set it: F6 physician, F7 physical therapy, F8 psychology,"
            " F9 pharmacy, F10 nursing, F11 occupational therapy, F12 social work (again: not set)."
            " Typing in a panel suggests it while the timer runs and the floor is not set."
        )
        self.ui.speakerCombo.addItem(NOBODY_TEXT, NOBODY)
        for discipline in Discipline:
            self.ui.speakerCombo.addItem(f"{discipline.label} ({FLOOR_KEYS[discipline]})", discipline)
        self.ui.toggleButton.setToolTip(f"Start, pause or resume the case timer ({TOGGLE_KEYS})")
        self._connect_signals()
        self.show_speaker_choice()
        self.refresh()

    def _connect_signals(self) -> None:
        self.ui.toggleButton.clicked.connect(self.session.toggle_timer)
        self.ui.phaseCombo.activated.connect(self._phase_chosen)
        self.ui.speakerCombo.activated.connect(self._speaker_chosen)
        self.ui.presentButton.clicked.connect(self.present_requested)
        self.ui.recordButton.clicked.connect(self.record_requested)
        self.session.ticked.connect(self.refresh)
        self.session.case_changed.connect(self.refresh)

    # -- choices
    def _phase_chosen(self, index: int) -> None:
        mode = self.ui.phaseCombo.itemData(index)
        if isinstance(mode, PhaseMode):
            self.session.set_phase_mode(mode)

    def _speaker_chosen(self, index: int) -> None:
        choice = self.ui.speakerCombo.itemData(index)
        self.session.mark_speaker(choice if isinstance(choice, Discipline) else None)

    def show_speaker_choice(self) -> None:
        timer = self.session.current_timer()
        speaker = timer.speaker if timer is not None else None
        data = speaker if speaker is not None else NOBODY
        with QSignalBlocker(self.ui.speakerCombo):
            self.ui.speakerCombo.setCurrentIndex(max(0, self.ui.speakerCombo.findData(data)))

    # -- showing
    def refresh(self) -> None:
        s = self.session
        timer = s.current_timer()
        with QSignalBlocker(self.ui.phaseCombo):
            self.ui.phaseCombo.setCurrentIndex(self.ui.phaseCombo.findData(s.phase_mode))
        if timer is None:
            self.state_icon.hide()
            self.ui.clockLabel.setText("--:--")
            self.ui.stateLabel.setText("No case under discussion")
            self.ui.toggleButton.setText("Start timer")
            self.ui.toggleButton.setEnabled(False)
        else:
            reading = timer.reading()
            colour = LIGHT.state_colour(reading.state)
            self.state_icon.show()
            self.state_icon.set_icon_size(max(16, self.ui.clockLabel.fontMetrics().height()))
            self.state_icon.show_shape(reading.shape, colour, reading.state.label)
            self.ui.clockLabel.setText(reading.clock_text)
            self.ui.clockLabel.setStyleSheet(f"color: {colour};")
            self.ui.stateLabel.setText(f"{reading.label} · budget {timer.budget_minutes:g} min")
            self.ui.toggleButton.setEnabled(True)
            run = timer.run_state()
            paused = reading.state is TimerState.PAUSED
            verb = "Pause" if run.ticking else ("Resume" if paused else "Start timer")
            self.ui.toggleButton.setText(f"{verb} ({TOGGLE_KEYS})")
        self.ui.presentationLabel.setText(floor_text(s))
        self.ui.meetingLabel.setText(meeting_text(s))
        self.show_speaker_choice()

    def show_screen_state(self, text: str, presenting: bool) -> None:
        """What the big screen shows, and the button's words (start or leave)."""
        self.ui.screenLabel.setText(text)
        self.ui.presentButton.setText("Leave big screen (Esc)" if presenting else "Big screen (F5)")
