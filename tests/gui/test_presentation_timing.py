"""Timers in the program (fake clock, real database): who held the floor is what the operator sets (typing
in a panel suggests it while the timer runs and the floor is not set) and is recorded while it happens,
marking a case discussed stops its timer, the next case's timer starts when the meeting was running,
phases with the presentation target, closing the program closes the stretch going on, the meeting record
window's numbers, PDF and print preview, and the minutes window."""

from __future__ import annotations

import io
from pathlib import Path

from conftest import settle
from gui_helpers import close_window, press
from presentation_support import Meeting, MeetingFactory, make_meeting
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import AgendaStatus
from mdtboard.domain.timers import PRESENTATION, Phase, TimerState
from mdtboard.ui.presentation.session import PhaseMode, discipline_panels

__all__ = ["make_meeting"]  # the fixture, imported for pytest

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
PHYS, PT, PSY = Discipline.PHYSICIAN, Discipline.PHYSICAL_THERAPY, Discipline.PSYCHOLOGY


def floor(meeting: Meeting, ref: str) -> list[tuple[Discipline | None, float]]:
    settle()  # the runs are written in the background
    stored = meeting.services.timing.item_timing(meeting.item_id(ref))
    return [(s.discipline, s.seconds) for s in stored.floor_segments]


def _start_in_the_agenda(qtbot: QtBot, meeting: Meeting) -> None:
    """Focus somewhere in the workspace that is not an input panel, and start the timer by keyboard."""
    meeting.window.activateWindow()
    qtbot.waitUntil(meeting.window.isActiveWindow)
    meeting.workspace.discussion.ui.nextButton.setFocus()
    press(qtbot, Qt.Key.Key_Space, CTRL)


def test_the_floor_is_what_the_operator_sets_and_is_recorded_as_it_happens(
    qtbot: QtBot, make_meeting: MeetingFactory
) -> None:
    meeting = make_meeting()
    clock, bar = meeting.clock, meeting.mode.bar
    assert bar is not None
    _start_in_the_agenda(qtbot, meeting)
    settle()
    assert meeting.services.timing.meeting_times(meeting.conf_id) is not None  # the meeting clock started
    press(qtbot, Qt.Key.Key_3, CTRL)  # the cursor in psychology's panel says nothing about the floor
    clock.advance(minutes=3)
    assert bar.ui.speakerCombo.currentText() == "Floor not set" and bar.ui.presentationLabel.text() == ""
    press(qtbot, Qt.Key.Key_F6)  # the operator: the physician has the floor
    clock.advance(minutes=2)
    press(qtbot, Qt.Key.Key_F7)  # physical therapy's turn
    clock.advance(minutes=1)
    # While the case runs, the closed stretches are stored, the one going on is stored without its end.
    settle()
    live = meeting.services.timing.item_timing(meeting.item_id("MDT-008"))
    assert [(s.discipline, s.seconds) for s in live.floor_segments] == [(None, 180), (PHYS, 120)]
    assert live.cut_short == 1
    assert bar.ui.speakerCombo.currentText() == "Physical therapy (F7)"
    assert bar.ui.presentationLabel.text() == "Floor: Physical therapy"

    press(qtbot, Qt.Key.Key_D, CTRL | SHIFT)  # discussed: its timer stops
    settle()
    timer = meeting.session.timers[meeting.item_id("MDT-008")]
    assert timer.run_state() is TimerState.STOPPED
    assert floor(meeting, "MDT-008") == [(None, 180), (PHYS, 120), (PT, 60)]
    settle()
    assert meeting.services.timing.item_timing(meeting.item_id("MDT-008")).cut_short == 0


def _type_in(qtbot: QtBot, meeting: Meeting, discipline: Discipline, text: str) -> None:
    """Type ``text`` into the discipline's assessment, the cursor put there as Ctrl+1..7 and Tab would."""
    edit = discipline_panels(meeting.workspace)[discipline].ui.assessmentEdit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=2000)
    qtbot.keyClicks(edit, text)


def test_typing_suggests_the_floor_only_while_the_timer_runs_and_the_floor_is_not_set(
    qtbot: QtBot, make_meeting: MeetingFactory
) -> None:
    meeting = make_meeting()
    session, bar = meeting.session, meeting.mode.bar
    assert bar is not None
    meeting.mode.start()
    screen = meeting.screen
    _type_in(qtbot, meeting, PSY, "Low mood")  # the timer has not started: no suggestion
    timer = session.current_timer()
    assert timer is not None and timer.speaker is None
    _start_in_the_agenda(qtbot, meeting)
    _type_in(qtbot, meeting, PSY, " and poor sleep")
    assert timer.speaker is PSY and session.floor_suggested
    assert bar.ui.presentationLabel.text() == "Floor: Psychology (from typing)"
    _type_in(qtbot, meeting, PT, "Deconditioned")  # still only suggested: the next typist has it
    assert timer.speaker is PT
    press(qtbot, Qt.Key.Key_F6)  # the operator sets it: typing no longer moves it
    assert timer.speaker is PHYS and not session.floor_suggested
    _type_in(qtbot, meeting, PSY, ", wakes at 4")
    assert timer.speaker is PHYS
    with qtbot.waitSignal(session.ticked, timeout=3000):
        pass
    assert bar.ui.presentationLabel.text() == "Floor: Physician"
    assert screen.ui.speakerLabel.text() == "Floor: Physician"  # shown on the big screen too
    press(qtbot, Qt.Key.Key_F6)  # the same key again: the floor is not set any more
    assert timer.speaker is None
    assert screen.ui.speakerLabel.text() == ""
    session.toggle_timer()  # paused: typing suggests nothing
    _type_in(qtbot, meeting, PSY, ".")
    assert timer.speaker is None


def test_moving_on_stops_this_case_and_starts_the_next_while_the_meeting_runs(
    qtbot: QtBot, make_meeting: MeetingFactory
) -> None:
    meeting = make_meeting()
    clock = meeting.clock
    _start_in_the_agenda(qtbot, meeting)
    clock.advance(minutes=4)
    press(qtbot, Qt.Key.Key_PageDown, ALT)  # next case
    assert meeting.session.item is not None and meeting.session.item.case_ref == "MDT-RISK"
    second = meeting.session.current_timer()
    assert second is not None and second.run_state().ticking
    clock.advance(minutes=1)
    press(qtbot, Qt.Key.Key_PageUp, ALT)  # back to the first: its time counts on from 04:00
    first = meeting.session.current_timer()
    assert first is not None and first.run_state().ticking
    assert first.reading().clock_text == "08:00"
    clock.advance(minutes=2)
    assert first.reading().clock_text == "06:00"
    assert floor(meeting, "MDT-RISK") == [(None, 60)]
    assert [s for _d, s in floor(meeting, "MDT-008")] == [240]  # the second run is still going on


def test_phases_with_the_presentation_target_in_view(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    meeting = make_meeting()
    clock, bar = meeting.clock, meeting.mode.bar
    assert bar is not None
    bar.ui.phaseCombo.setCurrentIndex(bar.ui.phaseCombo.findData(PhaseMode.PRESENTATION))
    bar.ui.phaseCombo.activated.emit(bar.ui.phaseCombo.currentIndex())
    meeting.mode.start()
    screen = meeting.screen
    _start_in_the_agenda(qtbot, meeting)
    clock.advance(minutes=2)
    with qtbot.waitSignal(meeting.session.ticked, timeout=3000):
        pass
    assert bar.ui.presentationLabel.text() == "◷ presentation 02:00 of 05:00"  # nobody marked yet
    assert screen.ui.phaseLabel.text() == "◷ presentation 02:00 of 05:00"
    clock.advance(minutes=3, seconds=30)
    with qtbot.waitSignal(meeting.session.ticked, timeout=3000):
        pass
    assert screen.ui.phaseLabel.text() == "⚠ presentation over target +00:30"
    meeting.session.set_phase_mode(PhaseMode.TURNS)
    meeting.session.toggle_speaker(PSY)
    clock.advance(minutes=1)
    meeting.session.set_phase_mode(PhaseMode.OFF)
    timer = meeting.session.current_timer()
    assert timer is not None
    assert dict(timer.timer.phase_durations()) == {PRESENTATION: 330, Phase.turn(PSY): 60}
    settle()
    stored = meeting.services.timing.item_timing(meeting.item_id("MDT-008"))
    assert dict(stored.phase_durations()) == {PRESENTATION: 330, Phase.turn(PSY): 60}


def test_closing_the_program_closes_the_stretch_going_on(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    meeting = make_meeting()
    _start_in_the_agenda(qtbot, meeting)
    meeting.clock.advance(minutes=5)
    close_window(qtbot, meeting.window)
    stored = meeting.services.timing.item_timing(meeting.item_id("MDT-008"))
    assert stored.cut_short == 0 and stored.active_seconds == 300


def test_the_meeting_record_window_numbers_pdf_and_print(
    qtbot: QtBot, make_meeting: MeetingFactory, tmp_path: Path
) -> None:
    meeting = make_meeting()
    clock = meeting.clock
    _start_in_the_agenda(qtbot, meeting)
    clock.advance(minutes=5)
    press(qtbot, Qt.Key.Key_F6)  # the physician has the floor
    clock.advance(minutes=9)  # 14 minutes on a 12-minute budget
    press(qtbot, Qt.Key.Key_D, CTRL | SHIFT)
    settle()
    press(qtbot, Qt.Key.Key_PageDown, ALT)
    press(qtbot, Qt.Key.Key_L, CTRL | SHIFT)  # the risky case deferred, never timed
    settle()
    dialog = meeting.workspace.discussion.defer_dialog  # asked why: the first common reason will do
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    settle()
    assert not dialog.isVisible(), "the reason was not taken"
    item = meeting.workspace.controller.item_for(meeting.case_ids["MDT-RISK"])
    assert item is not None and item.deferral_reason == "Awaiting results", item
    meeting.mode.record_action.trigger()
    window = meeting.mode.record_window
    assert window is not None and window.isVisible()
    settle()  # the record made in the background
    cases = window.ui.casesTable
    rows = [[cases.item(r, c).text() for c in range(cases.columnCount())] for r in range(cases.rowCount())]
    assert rows[0][0] == "1" and rows[0][1].startswith("MDT-008")
    assert rows[0][2:] == ["12:00", "14:00", "+02:00 over ‼", "discussed"]
    assert rows[1][5] == "deferred"  # opened and deferred at once (timed by its agenda stamps only)
    assert rows[2][3:] == ["not timed", "–", "pending"]
    summary = window.ui.summaryLabel.text()
    assert "1 discussed, 1 deferred, 1 not reached" in summary
    assert "Overruns: 1 case(s), 02:00 in all." in summary
    share = window.ui.shareTable
    cells = [[share.item(r, c).text() for c in range(3)] for r in range(share.rowCount())]
    shares = {name: (time, percent) for name, time, percent in cells}
    assert shares["Physician"] == ("09:00", "64%")
    assert shares["No discipline marked"] == ("05:00", "36%")
    assert shares["Psychology"] == ("00:00", "0%")
    assert "Present but never heard: Physical therapy, Psychology, Pharmacy." in window.ui.missingLabel.text()

    window.ui.endButton.click()  # the meeting ends: its clock is recorded (in the background)
    settle()
    times = meeting.services.timing.meeting_times(meeting.conf_id)
    assert times is not None and times.ended_at is not None
    assert "Length: 0:14:00 against 0:36:00 planned: 0:22:00 under plan." in window.ui.summaryLabel.text()

    target = tmp_path / "record.pdf"
    assert window.save_pdf_to(target)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Meeting record" in text and "MDT-008" in text and "Physician" in text

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    assert not window.save_pdf_to(blocker / "record.pdf")
    box = window.last_dialog
    assert isinstance(box, QMessageBox) and box.windowTitle() == "Meeting record not saved"
    assert "not-a-folder" in box.text()
    assert blocker.read_text() == "a file where a folder should be"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    box.close()

    preview = window.print_preview()
    assert preview is not None and preview.isVisible()
    preview.close()
    assert meeting.services.conferences.get(meeting.conf_id).agenda[0].status is AgendaStatus.DISCUSSED


def test_the_minutes_window_from_the_conference_menu(
    qtbot: QtBot, make_meeting: MeetingFactory, tmp_path: Path
) -> None:
    meeting = make_meeting()
    clock = meeting.clock
    _start_in_the_agenda(qtbot, meeting)
    press(qtbot, Qt.Key.Key_F6)
    clock.advance(minutes=7)
    press(qtbot, Qt.Key.Key_D, CTRL | SHIFT)
    settle()
    press(qtbot, Qt.Key.Key_PageDown, ALT)
    press(qtbot, Qt.Key.Key_L, CTRL | SHIFT)  # deferred before its timer ran
    settle()
    dialog = meeting.workspace.discussion.defer_dialog  # asked why: the first common reason will do
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    settle()
    assert meeting.mode.minutes_action.shortcut().toString() == "Ctrl+Shift+M"
    assert meeting.mode.minutes_action in meeting.window.ui.menuConference.actions()
    meeting.mode.minutes_action.trigger()
    window = meeting.mode.minutes_window
    assert window is not None and window.isVisible()
    settle()  # the minutes made in the background
    shown = " ".join(window.ui.minutesText.toPlainText().split())
    assert "Attendance" in shown and shown.index("Attendance") < shown.index("1. MDT-008")
    assert "Outcome Discussed" in shown and "Time 07:00 of 12:00" in shown
    assert "Outcome Deferred" in shown and "Time no time (budget" in shown
    assert "Care plan No care plan made at this meeting" in shown
    target = tmp_path / "minutes.pdf"
    assert window.save_pdf_to(target)
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert len(reader.pages) in (1, 2)
    assert "Minutes:" in text and "Outcome Discussed" in text and "Outcome Deferred" in text
    window.close()
