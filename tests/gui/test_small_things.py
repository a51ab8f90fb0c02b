"""Small things that broke a meeting run by keyboard: F2 on the agenda, the first window size, the
attendance columns, the band of an invalid score, bigger text everywhere, conferences from the training
window and rooms booked twice."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from conftest import settle
from gui_helpers import WindowFactory, load_samples, make_window, second_session, settings_path
from presentation_support import AGENDA, START, MeetingFactory, make_meeting
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialogButtonBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Case, Patient
from mdtboard.services.context import Services
from mdtboard.ui.cases.display import INVALID_SCORE
from mdtboard.ui.conference.editor import to_qdatetime
from mdtboard.ui.conference.models import AgendaModel
from mdtboard.ui.fonts import MAX_SCALE, STEP
from mdtboard.ui.main_window import CASE, CONFERENCE, MainWindow

pytestmark = pytest.mark.gui
__all__ = ["make_meeting", "make_window", "second_session", "settings_path"]  # fixtures used here


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


def _retype(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def test_a_score_holding_an_invalid_value_shows_no_band(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, second_session: Services
) -> None:
    load_samples(second_session.cases)
    window = make_window(sqlite_database_url)
    case_id = second_session.cases.get_by_ref("MDT-008").id
    assert case_id is not None
    window.open_case(case_id)
    settle()
    editor = window.editor
    assert editor is not None
    editor.ui.isbarTabs.setCurrentIndex(3)  # Assessment
    assert editor.ui.nrsResult.text() == "7 of 10: severe"
    _retype(qtbot, editor.ui.nrsEdit, "11")
    assert editor.ui.nrsResult.text() == INVALID_SCORE  # not "7 of 10: severe", the last valid value
    _retype(qtbot, editor.ui.nrsEdit, "3")
    assert editor.ui.nrsResult.text() == "3 of 10: mild"
    before = editor.ui.pegResult.text()
    assert before.startswith("PEG score")
    _retype(qtbot, editor.ui.pegPainEdit, "ten")
    assert editor.ui.pegResult.text() == INVALID_SCORE
    assert editor.ui.phq9Result.text().startswith("Total 12 of 27")  # the other scores are unaffected
    _retype(qtbot, editor.ui.pegPainEdit, "4")
    assert editor.ui.pegResult.text() == "PEG score 6.3 (mean of the three items)"
    _retype(qtbot, editor.ui.phq9TotalEdit, "28")
    assert editor.ui.phq9Result.text() == INVALID_SCORE
    _retype(qtbot, editor.ui.phq9TotalEdit, "12")
    assert editor.ui.phq9Result.text().startswith("Total 12 of 27")


def _cells_fit(view: QAbstractItemView) -> list[str]:
    """The cells of ``view`` whose text is wider than the cell (Qt would elide it: "Tr…")."""
    model = view.model()
    metrics = view.fontMetrics()
    too_narrow = []
    for row in range(model.rowCount()):
        for column in range(1, model.columnCount()):  # the name column stretches
            index = model.index(row, column)
            text = str(index.data())
            if view.visualRect(index).width() < metrics.horizontalAdvance(text) + 8:
                too_narrow.append(text)
    return too_narrow


def test_the_attendance_columns_are_readable_at_first_show_and_at_any_text_size(
    qtbot: QtBot, make_meeting: MeetingFactory
) -> None:
    meeting = make_meeting()
    window = meeting.window
    workspace = meeting.workspace
    workspace.ui.tabs.setCurrentWidget(workspace.ui.detailsTab)
    view = workspace.attendance.ui.attendeeView
    qtbot.waitExposed(view)
    assert view.model().rowCount() == 4
    assert _cells_fit(view) == []
    attendance = workspace.attendance
    attendance.ui.nameEdit.setText("Jo Banks")
    combo = attendance.ui.disciplineCombo
    combo.setCurrentIndex(combo.findText("Occupational therapy"))
    attendance.ui.roleCombo.setCurrentIndex(attendance.ui.roleCombo.findText("Presenter"))
    attendance.add_person()
    qtbot.waitUntil(lambda: view.model().rowCount() == 5)
    assert _cells_fit(view) == []
    window.set_font_scale(2.0)
    assert _cells_fit(view) == []
    window.set_font_scale(1.0)
    # the quorum line, kept whole at 200 %, is no taller than its one line at 100 %
    quorum = attendance.ui.quorumLabel
    qtbot.waitUntil(lambda: quorum.minimumHeight() < 2 * quorum.fontMetrics().lineSpacing())


def _wrong_size(window: QWidget, base: float, scale: float) -> list[str]:
    """Widgets of ``window`` (every page, shown or not) whose text is not at ``scale`` of ``base``
    (times their own factor, for headings and banners)."""
    wrong = []
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.window() is not window or widget.font().pointSizeF() <= 0:  # sized in pixels
            continue
        factor = widget.property("mdtboardFontFactor")
        expected = base * scale * (float(factor) if factor is not None else 1.0)
        if abs(widget.font().pointSizeF() - expected) > 0.05:
            parent = widget.parentWidget()
            owner = f"{type(parent).__name__} {parent.objectName()}" if parent is not None else ""
            size = widget.font().pointSizeF()
            wrong.append(f"{type(widget).__name__} {widget.objectName()} in {owner}: {size}")
    return wrong


def _clipped(window: QWidget) -> list[str]:
    """Visible word-wrapped labels lower than their text needs at their width."""
    return [
        f"{label.objectName()}: {label.height()} < {label.heightForWidth(label.width())}"
        for label in window.findChildren(QLabel)
        if label.isVisible() and label.wordWrap() and label.text()
        and label.height() < label.heightForWidth(label.width())
    ]


def test_bigger_text_scales_every_part_at_once_and_banners_never_clip(
    qtbot: QtBot, make_meeting: MeetingFactory
) -> None:
    meeting = make_meeting()
    window = meeting.window
    base = QApplication.font().pointSizeF()
    window.open_case(meeting.case_ids["MDT-RISK"])  # sharing restrictions and the PHQ-9 item 9 banner
    settle()
    editor = window.editor
    assert editor is not None
    window.resize(1280, 720)  # a small laptop's screen
    scale = 1.0
    steps = 0
    while scale <= MAX_SCALE + 1e-9:
        window.set_font_scale(scale)
        assert _wrong_size(window, base, window.font_scale) == [], scale
        for page in (CASE, CONFERENCE):
            window.show_page(page)
            if page == CONFERENCE:
                meeting.discuss("MDT-RISK")
            else:
                assert editor.ui.safetyBanner.isVisible() and editor.ui.sharingBanner.isVisible()
            # the layouts settle (a label given its height may wrap again at its new width, once)
            qtbot.waitUntil(lambda: _clipped(window) == [], timeout=3000)
        scale *= STEP
        steps += 1
    window.set_font_scale(MAX_SCALE)
    window.show_page(CASE)
    qtbot.waitUntil(lambda: _clipped(window) == [], timeout=3000)
    assert steps >= 8
    # the case editor's fields and tabs at 250 %, without a restart
    tabs = editor.ui.isbarTabs.tabBar()
    assert tabs.font().pointSizeF() == pytest.approx(base * MAX_SCALE)
    assert editor.ui.nrsEdit.font().pointSizeF() == pytest.approx(base * MAX_SCALE)
    window.set_font_scale(1.0)
    assert _wrong_size(window, base, 1.0) == []


def test_a_teaching_conference_appears_in_the_conference_list_at_once_and_a_booked_room_is_warned_about(
    qtbot: QtBot, make_meeting: MeetingFactory
) -> None:
    meeting = make_meeting()  # "Pain MDT" in Room 4 at START
    window = meeting.window
    workspace = meeting.workspace
    training = window.training_menu.open_training_window()
    assert training is not None
    dialog = training.new_conference()
    settle()
    dialog.ui.facilitatorEdit.setText("Dr Okafor")
    dialog.ui.newNameEdit.setText("Ana Ruiz")
    dialog.ui.newProfessionCombo.setCurrentIndex(dialog.ui.newProfessionCombo.findText("Psychology"))
    assert dialog.add_trainee()
    dialog.ui.roomEdit.setText("room 4")
    dialog.ui.whenEdit.setDateTime(to_qdatetime(START + timedelta(minutes=30)))
    dialog.ui.titleEdit.setText("Teaching at the same time")
    before = len(meeting.services.conferences.list())
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    assert "Room 4 is booked" not in dialog.ui.problemLabel.text()  # says the room as typed
    assert "room 4 is booked at an overlapping time: Pain MDT" in dialog.ui.problemLabel.text()
    assert "press OK again" in dialog.ui.problemLabel.text()
    assert len(meeting.services.conferences.list()) == before and dialog.isVisible()  # not created yet
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()  # create it anyway
    settle()
    assert len(meeting.services.conferences.list()) == before + 1
    titles = [workspace.upcoming.row_object(r).title for r in range(workspace.upcoming.rowCount())]
    titles += [workspace.past.row_object(r).title for r in range(workspace.past.rowCount())]
    assert "Teaching at the same time" in titles  # listed in the main window at once

    # a conference made in the workspace and moved onto a booked slot is warned about in its details
    workspace.new_conference()
    settle()
    clash = workspace.editor.ui.clashLabel
    assert clash.isHidden()  # a week after the latest: the room is free
    created = workspace.controller.conference
    assert created is not None and created.room == "room 4"
    workspace.editor.ui.startsEdit.setDateTime(to_qdatetime(START))
    qtbot.waitUntil(lambda: not clash.isHidden())
    assert "is booked at an overlapping time" in clash.text() and "Pain MDT" in clash.text()


def test_the_navigation_grows_with_bigger_text(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    window = make_meeting().window
    nav = window.ui.navigation

    def cut_short() -> list[str]:
        # what the item delegate needs for each entry (text, padding, margins), against the room it has
        return [
            nav.item(row).text() for row in range(nav.count())
            if nav.viewport().width() < nav.sizeHintForIndex(nav.model().index(row, 0)).width()
        ]

    for scale in (1.0, 1.6, MAX_SCALE):
        window.set_font_scale(scale)
        qtbot.waitUntil(lambda: cut_short() == [])


def test_enter_adds_a_person_from_the_discipline_or_role_field(
    qtbot: QtBot, make_meeting: MeetingFactory
) -> None:
    meeting = make_meeting()
    workspace = meeting.workspace
    workspace.ui.tabs.setCurrentWidget(workspace.ui.detailsTab)
    attendance = workspace.attendance
    before = attendance.model.rowCount()
    attendance.ui.nameEdit.setFocus()
    qtbot.keyClicks(attendance.ui.nameEdit, "Lee Chan")
    qtbot.keyClick(attendance.ui.nameEdit, Qt.Key.Key_Tab)
    combo = attendance.ui.disciplineCombo
    assert combo.hasFocus()
    combo.setCurrentIndex(combo.findText("Nursing"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: attendance.model.rowCount() == before + 1)
    added = attendance.model.row_object(before)
    assert (added.name, added.discipline.label) == ("Lee Chan", "Nursing")
    assert attendance.ui.nameEdit.hasFocus() and attendance.ui.nameEdit.text() == ""  # ready for the next


def test_agenda_columns_fit_names_added_later_and_bigger_text(
    qtbot: QtBot, make_meeting: MeetingFactory
) -> None:
    meeting = make_meeting()
    workspace = meeting.workspace
    workspace.ui.tabs.setCurrentWidget(workspace.ui.agendaTab)
    view = workspace.agenda.ui.agendaView
    patient = Patient("Stanisław Wężyk-Ozimkowski")
    long_name = Case(ref="LONG-1", fictional=True, patient=patient, title="Back pain")
    case_id = meeting.services.cases.create(long_name).id
    assert case_id is not None
    workspace.controller.add_cases([case_id], "Add LONG-1 to the agenda")

    def too_narrow() -> list[str]:
        metrics = view.fontMetrics()
        model = view.model()
        return [
            str(model.index(row, column).data())
            for row in range(model.rowCount())
            for column in (AgendaModel.REF, AgendaModel.PATIENT, AgendaModel.MINUTES)
            if view.columnWidth(column) < metrics.horizontalAdvance(str(model.index(row, column).data())) + 8
        ]

    qtbot.waitUntil(lambda: view.model().rowCount() == len(AGENDA) + 1)
    assert too_narrow() == []
    meeting.window.set_font_scale(1.6)
    assert too_narrow() == []


def test_alt_a_then_typing_searches_the_case_library(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    meeting = make_meeting()
    workspace = meeting.workspace
    workspace.ui.tabs.setCurrentWidget(workspace.ui.detailsTab)
    workspace.ui.tabs.tabBar().setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert workspace.ui.tabs.currentWidget() is workspace.ui.agendaTab
    assert workspace.agenda.ui.searchEdit.hasFocus()


def test_the_fictional_badge_is_wide_enough_for_its_text_and_padding(
    qtbot: QtBot, make_meeting: MeetingFactory
) -> None:
    meeting = make_meeting()
    window = meeting.window
    window.open_case(meeting.case_ids["MDT-RISK"])
    settle()
    editor = window.editor
    assert editor is not None
    badge = editor.ui.kindBadge
    assert badge.text() == "FICTIONAL CASE"
    bold = badge.font()
    bold.setBold(True)
    needed = QFontMetrics(bold).horizontalAdvance(badge.text()) + 2 * 8  # the style sheet's padding
    qtbot.waitUntil(lambda: badge.width() >= needed)
