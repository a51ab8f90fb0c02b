"""Small things that broke a meeting run by keyboard: F2 on the agenda, the first window size, the
attendance columns, the band of an invalid score, bigger text everywhere, conferences from the training
window and rooms booked twice."""

from __future__ import annotations

import pytest
from presentation_support import AGENDA, MeetingFactory, make_meeting
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from mdtboard.ui.conference.models import AgendaModel

pytestmark = pytest.mark.gui
__all__ = ["make_meeting"]  # the fixture, imported for pytest


def test_f2_edits_the_minutes_of_the_selected_row_from_any_column(
    qtbot: QtBot, make_meeting: MeetingFactory
) -> None:
    meeting = make_meeting()
    workspace = meeting.workspace
    workspace.ui.tabs.setCurrentWidget(workspace.ui.agendaTab)
    view = workspace.agenda.ui.agendaView
    for row, column in ((1, AgendaModel.REF), (2, AgendaModel.STATUS)):
        view.setFocus()
        view.setCurrentIndex(view.model().index(row, column))
        qtbot.keyClick(view, Qt.Key.Key_F2)
        assert view.state() == QAbstractItemView.State.EditingState
        assert view.currentIndex().row() == row and view.currentIndex().column() == AgendaModel.MINUTES
        editor = QApplication.focusWidget()
        assert editor is not None and editor is not view
        qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(editor, str(20 + row))
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        ref = AGENDA[row]
        qtbot.waitUntil(
            lambda ref=ref, row=row: next(
                i.minutes for i in meeting.services.conferences.get(meeting.conf_id).agenda
                if i.case_id == meeting.case_ids[ref]
            ) == 20 + row
        )
