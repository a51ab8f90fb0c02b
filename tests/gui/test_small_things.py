"""Small things that broke a meeting run by keyboard: F2 on the agenda, the first window size, the
attendance columns, the band of an invalid score, bigger text everywhere, conferences from the training
window and rooms booked twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from presentation_support import AGENDA, MeetingFactory, make_meeting
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from mdtboard.ui.conference.models import AgendaModel
from mdtboard.ui.main_window import MainWindow

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


def _window(qtbot: QtBot, settings_path: Path) -> MainWindow:
    window = MainWindow(QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show_window()
    qtbot.waitExposed(window)
    return window


def test_the_first_start_fills_the_screen_and_then_remembers_the_choice(qtbot: QtBot, tmp_path: Path) -> None:
    settings_path = tmp_path / "settings.ini"
    first = _window(qtbot, settings_path)
    area = first.screen().availableGeometry()
    assert first.isMaximized()
    qtbot.waitUntil(lambda: first.width() >= 0.9 * area.width() and first.height() >= 0.9 * area.height())
    first.showNormal()  # restored down: 90 % of the screen, not a small default
    qtbot.waitUntil(lambda: not first.isMaximized())
    assert first.width() >= 0.89 * area.width() and first.height() >= 0.89 * area.height()
    first.resize(600, 400)
    qtbot.waitUntil(lambda: first.size() == QSize(600, 400))
    first.close()
    second = _window(qtbot, settings_path)
    assert not second.isMaximized() and second.size() == QSize(600, 400)
    second.showMaximized()
    qtbot.waitUntil(second.isMaximized)
    second.close()
    third = _window(qtbot, settings_path)
    assert third.isMaximized()
    third.close()
