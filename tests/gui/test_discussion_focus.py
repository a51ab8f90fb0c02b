"""The keyboard lands where the chair expects after moving between the conference tabs: Alt+U from the
agenda's case search puts the cursor in the discussion, so Ctrl+1..7 and typing reach a discipline's
input and never a button that a space would press."""

from __future__ import annotations

from typing import Any

from conftest import settle
from gui_helpers import press
from presentation_support import MeetingFactory, make_meeting
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Discipline

__all__ = ["make_meeting"]  # the fixture, imported for pytest

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _discussing(qtbot: QtBot, make_meeting: MeetingFactory) -> Any:
    """The meeting's workspace on MDT-008's discussion, its window active (keys go to it)."""
    meeting = make_meeting()
    meeting.discuss("MDT-008")
    meeting.window.activateWindow()
    qtbot.waitUntil(meeting.window.isActiveWindow)
    return meeting.workspace


def test_alt_u_from_the_agenda_search_then_ctrl_2_types_into_physical_therapy(
    qtbot: QtBot, make_meeting: MeetingFactory
) -> None:
    workspace = _discussing(qtbot, make_meeting)
    press(qtbot, Qt.Key.Key_A, ALT)
    assert workspace.ui.tabs.currentWidget() is workspace.ui.agendaTab
    assert QApplication.focusWidget() is workspace.agenda.ui.searchEdit
    press(qtbot, Qt.Key.Key_U, ALT)
    settle()
    assert workspace.ui.tabs.currentWidget() is workspace.ui.discussionTab
    focus = QApplication.focusWidget()
    assert focus is not None and workspace.ui.discussionTab.isAncestorOf(focus)
    assert not isinstance(focus, QAbstractButton)  # a space typed there would press it
    press(qtbot, Qt.Key.Key_2, CTRL)
    panel = workspace.discussion.panels[Discipline.PHYSICAL_THERAPY]
    assert QApplication.focusWidget() is panel.ui.assessmentEdit
    qtbot.keyClicks(QApplication.focusWidget(), "Walks 200 m")
    settle()
    assert panel.ui.assessmentEdit.toPlainText() == "Walks 200 m"


def test_ctrl_1_adds_at_the_end_and_a_discipline_with_nobody_present_still_takes_the_typing(
    qtbot: QtBot, make_meeting: MeetingFactory
) -> None:
    workspace = _discussing(qtbot, make_meeting)
    physician = workspace.discussion.panels[Discipline.PHYSICIAN]
    physician.ui.assessmentEdit.setPlainText("Stable on the current dose.")  # as read from the database
    press(qtbot, Qt.Key.Key_1, CTRL)
    assert QApplication.focusWidget() is physician.ui.assessmentEdit
    qtbot.keyClicks(physician.ui.assessmentEdit, " Taper next month.")
    assert physician.ui.assessmentEdit.toPlainText() == "Stable on the current dose. Taper next month."
    # physical therapy (a core discipline, always shown) with nobody of it present: its author list is
    # empty, so Ctrl+2 goes to the assessment and the typing is kept
    therapy = workspace.discussion.panels[Discipline.PHYSICAL_THERAPY]
    therapy.set_authors([])
    press(qtbot, Qt.Key.Key_2, CTRL)
    assert QApplication.focusWidget() is therapy.ui.assessmentEdit
    qtbot.keyClicks(therapy.ui.assessmentEdit, "Walks 200 m")
    assert therapy.ui.assessmentEdit.toPlainText().endswith("Walks 200 m")
