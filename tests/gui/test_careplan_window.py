"""The care plan in the main window: the Care plan page and menu, opened with Ctrl+Shift+P for the case
selected in the library or under discussion in a conference (with its agenda item), built with
Ctrl+Shift+B, undone with the window's Ctrl+Z, listed in the shortcut sheet, and saved on closing."""

from __future__ import annotations

from datetime import datetime

import pytest
from conftest import settle
from gui_helpers import (
    WindowFactory,
    close_window,
    focused,
    make_window,
    press,
    second_session,
    settings_path,
    type_text,
)
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_careplan_support import CTRL, SHIFT, WAIT_MS, load_samples

from mdtboard.domain.case import Discipline, DisciplineInput
from mdtboard.domain.conference import Attendee, AttendeeRole, Conference
from mdtboard.services.context import Services
from mdtboard.ui.careplan.integration import CARE_PLAN_PAGE
from mdtboard.ui.main_window import CONFERENCE, LIBRARY, MainWindow

pytestmark = pytest.mark.gui
__all__ = ["make_window", "second_session", "settings_path"]  # fixtures used here


def _select_in_library(qtbot: QtBot, window: MainWindow, case_id: int) -> None:
    library = window.library
    assert library is not None
    window.show_page(LIBRARY)
    qtbot.waitUntil(lambda: library.model.row_of(case_id) is not None)
    row = library.model.row_of(case_id)
    assert row is not None
    library.ui.caseTable.setCurrentIndex(library.model.index(row, 0))
    library.ui.caseTable.setFocus()


def test_care_plan_from_the_library_by_keyboard(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, second_session: Services
) -> None:
    case_id = load_samples(second_session)["MDT-001"]
    window = make_window(sqlite_database_url)
    page = window.care_plan
    assert page is not None and page.page == CARE_PLAN_PAGE
    assert window.ui.navigation.item(CARE_PLAN_PAGE).text() == "Care plan"
    _select_in_library(qtbot, window, case_id)
    press(qtbot, Qt.Key.Key_P, CTRL | SHIFT)  # the care plan of the selected case
    settle()
    assert window.current_page() == CARE_PLAN_PAGE
    editor = page.editor
    assert editor.current_case_id() == case_id and editor.plan is None
    assert focused() is editor.ui.buildButton
    press(qtbot, Qt.Key.Key_B, CTRL | SHIFT)  # build the draft
    settle()
    assert editor.plan is not None and second_session.careplans.current(case_id) is not None

    problems = editor.tables.views["problems"]
    count = problems.model().rowCount()
    problems.setFocus()
    problems.setCurrentIndex(problems.model().index(0, 0))
    press(qtbot, Qt.Key.Key_Delete)
    assert problems.model().rowCount() == count - 1
    window.show_page(LIBRARY)
    press(qtbot, Qt.Key.Key_Z, CTRL)  # the window's undo puts the row back and shows the care plan
    assert problems.model().rowCount() == count
    assert window.current_page() == CARE_PLAN_PAGE
    qtbot.waitUntil(
        lambda: len(second_session.careplans.current(case_id).problems) == count,  # type: ignore[union-attr]
        timeout=WAIT_MS,
    )

    sheet = window.show_shortcuts()
    keys = dict(sheet.all_keys())
    assert keys["Open the care plan of this case"] == "Ctrl+Shift+P"
    assert keys["Print"] == "Ctrl+P" and keys["Care plan page"] == "Alt+4"
    sheet.close()


def test_care_plan_of_the_case_under_discussion_takes_its_agenda_item(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, second_session: Services
) -> None:
    case_id = load_samples(second_session)["MDT-001"]
    when = datetime(2027, 1, 14, 13)
    conf = second_session.conferences.create(Conference(title="Pain MDT", starts_at=when))
    assert conf.id is not None
    for name, discipline in (("Dr Okafor", Discipline.PHYSICIAN), ("P. Ng", Discipline.PHARMACY)):
        second_session.conferences.add_attendee(conf.id, Attendee(name, discipline, AttendeeRole.MEMBER))
    item = second_session.conferences.add_agenda_item(conf.id, case_id)
    assert item.id is not None
    second_session.conferences.add_input(item.id, DisciplineInput(
        Discipline.PHARMACY, "P. Ng", "Tramadol with gabapentin.", "Naloxone kit at home."
    ))
    window = make_window(sqlite_database_url)
    workspace = window.workspace
    window.show_page(CONFERENCE)
    workspace.open_conference(conf.id)
    settle()
    workspace.discuss(case_id)
    settle()
    assert workspace.discussion.current_case_id() == case_id
    workspace.setFocus()
    press(qtbot, Qt.Key.Key_P, CTRL | SHIFT)
    settle()
    editor = window.care_plan.editor
    assert window.current_page() == CARE_PLAN_PAGE
    assert editor.current_case_id() == case_id and editor.agenda_item_id == item.id
    press(qtbot, Qt.Key.Key_B, CTRL | SHIFT)
    settle()
    plan = second_session.careplans.current(case_id)
    assert plan is not None and plan.agenda_item_id == item.id
    pharmacy = [i for i in plan.interventions if i.discipline is Discipline.PHARMACY]
    assert [(i.description, i.owner, i.proposed) for i in pharmacy] == [("Naloxone kit at home.", None, True)]
    rows = editor.signoff.rows
    assert list(rows) == [Discipline.PHYSICIAN, Discipline.PHARMACY]  # those present sign
    assert rows[Discipline.PHARMACY].name.currentText() == "P. Ng"  # chosen from the attendance
    assert plan.conference_title == "Pain MDT" and "Pain MDT, 14 Jan 2027" in editor.ui.versionLabel.text()


def test_closing_the_window_saves_the_care_plan(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, second_session: Services
) -> None:
    case_id = load_samples(second_session)["MDT-001"]
    second_session.careplans.create_draft(case_id)
    window = make_window(sqlite_database_url)
    window.open_case(case_id)
    press(qtbot, Qt.Key.Key_P, CTRL | SHIFT)
    settle()
    editor = window.care_plan.editor
    editor.ui.clinicianEdit.setFocus()
    editor.ui.clinicianEdit.selectAll()
    type_text(qtbot, "Dr Okafor")
    assert editor.pending
    close_window(qtbot, window)  # closes once the saves are written
    plan = second_session.careplans.current(case_id)
    assert plan is not None and plan.responsible_clinician == "Dr Okafor"


def test_an_edit_in_a_table_keeps_the_cursor_there(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, second_session: Services
) -> None:
    """Each edit shows the care plan (the window's undo does so from any page); it used to put the cursor
    on the parts' tab bar, so that the next arrow key switched the part instead of moving in the table."""
    case_id = load_samples(second_session)["MDT-001"]
    window = make_window(sqlite_database_url)
    _select_in_library(qtbot, window, case_id)
    press(qtbot, Qt.Key.Key_P, CTRL | SHIFT)
    settle()
    press(qtbot, Qt.Key.Key_B, CTRL | SHIFT)
    settle()
    editor = window.care_plan.editor
    assert editor.plan is not None
    assert focused() is editor.ui.biologicalEdit  # into the first part, not onto its tab bar
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # Alt+M: the medication plan
    medication = editor.tables.views["medication_plan"]
    qtbot.waitUntil(lambda: focused() is medication)
    model = medication.model()
    instruction = next(c for c in range(model.columnCount())
                       if model.headerData(c, Qt.Orientation.Horizontal) == "Instruction (one line)")
    medication.setCurrentIndex(model.index(0, instruction))
    press(qtbot, Qt.Key.Key_F2)
    type_text(qtbot, "No change.")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: medication.state() != medication.State.EditingState)
    assert focused() is medication
    tab = editor.ui.sectionTabs.currentIndex()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Left)
    assert editor.ui.sectionTabs.currentIndex() == tab and medication.currentIndex().row() == 1


def test_coming_to_the_care_plan_page_opens_the_plan_of_the_case_one_came_from(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, second_session: Services
) -> None:
    ids = load_samples(second_session)
    window = make_window(sqlite_database_url)
    page = window.care_plan
    assert page is not None
    # nothing open or selected: the page says how to open a plan
    library = window.library
    assert library is not None
    library.ui.caseTable.clearSelection()
    library.ui.caseTable.setCurrentIndex(library.model.index(-1, 0))
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    settle()
    assert window.current_page() == CARE_PLAN_PAGE and page.editor.current_case_id() is None
    # the case selected in the library: Alt+4 shows its plan, with the cursor on the build button
    _select_in_library(qtbot, window, ids["MDT-002"])
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    settle()
    assert window.current_page() == CARE_PLAN_PAGE
    assert page.editor.current_case_id() == ids["MDT-002"]
    assert focused() is page.editor.ui.buildButton
    # a plan already open stays open when the page is shown again from elsewhere
    _select_in_library(qtbot, window, ids["MDT-001"])
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    settle()
    assert page.editor.current_case_id() == ids["MDT-002"]
