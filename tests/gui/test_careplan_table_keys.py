"""The program's table keys in every care-plan table: Tab and Shift+Tab go to the next and previous cell
(not the same cell again), Ctrl+Shift+Up/Down move a row (undoable), arrows never switch the tab above;
Tab from a part's tab goes into its table (not to the paper buttons); "Show changes" is not offered for a
first version."""

from __future__ import annotations

import pytest
from conftest import settle
from gui_helpers import focused, press, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_careplan_support import (
    CTRL,
    SHIFT,
    WAIT_MS,
    EditorFactory,
    care_settings,
    in_conference,
    load_samples,
    make_editor,
)

from mdtboard.services.context import Services
from mdtboard.ui.careplan.sections import SECTIONS

pytestmark = pytest.mark.gui
__all__ = ["care_settings", "make_editor"]  # fixtures used here


def test_every_table_moves_by_cell_and_rows_move(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_samples(services)["MDT-001"]
    editor = make_editor(services)
    editor.open_case(case_id, in_conference(services, case_id))
    settle()
    editor.build_draft()
    settle()
    plan = editor.plan
    assert plan is not None
    tabs = editor.ui.sectionTabs
    for name, view in editor.tables.views.items():
        assert view.tabKeyNavigation(), name
        model = view.model()
        if model.rowCount() == 0 or model.columnCount() < 2:
            continue
        editor.tables.reveal(view)
        shown = tabs.currentIndex()
        view.setFocus()
        view.setCurrentIndex(model.index(0, 0))
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is view and view.currentIndex().column() == 1, name  # the next cell
        press(qtbot, Qt.Key.Key_Tab, SHIFT)
        assert focused() is view and view.currentIndex().column() == 0, name  # back
        for key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            press(qtbot, key)
        assert tabs.currentIndex() == shown, f"an arrow key switched the tab in {SECTIONS[name].noun}"

    # Ctrl+Shift+Down moves the selected goal down, Ctrl+Z moves it back, and the move is saved
    goals = editor.tables.views["goals"]
    editor.tables.reveal(goals)
    first, second = (goals.model().index(r, 0).data() for r in (0, 1))
    goals.setFocus()
    goals.setCurrentIndex(goals.model().index(0, 0))
    press(qtbot, Qt.Key.Key_Down, CTRL | SHIFT)
    assert [goals.model().index(r, 0).data() for r in (0, 1)] == [second, first]
    assert goals.currentIndex().row() == 1

    def stored_goals() -> list[str]:
        current = services.careplans.current(case_id)
        assert current is not None
        return [g.description for g in current.goals]

    qtbot.waitUntil(lambda: stored_goals()[:2] == [second, first], timeout=WAIT_MS)
    editor.test_stack.undo()  # type: ignore[attr-defined]
    assert [goals.model().index(r, 0).data() for r in (0, 1)] == [first, second]
    qtbot.waitUntil(lambda: stored_goals()[:2] == [first, second], timeout=WAIT_MS)
    goals.setFocus()
    goals.setCurrentIndex(goals.model().index(0, 0))
    press(qtbot, Qt.Key.Key_Up, CTRL | SHIFT)  # the first row cannot go up: nothing changes
    assert [goals.model().index(r, 0).data() for r in (0, 1)] == [first, second]


def test_tab_from_a_part_goes_into_it_and_show_changes_waits_for_a_second_version(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_samples(services)["MDT-001"]
    editor = make_editor(services)
    editor.open_case(case_id, in_conference(services, case_id))
    settle()
    editor.build_draft()
    settle()
    assert editor.plan is not None
    tabs = editor.ui.sectionTabs
    firsts = {
        "goalsTab": editor.ui.goalsTable, "interventionsTab": editor.ui.interventionsTable,
        "medicationTab": editor.ui.medicationTable, "proceduresTab": editor.ui.proceduresTable,
        "agreementTab": editor.ui.reviewDateEdit,
    }
    for index in range(tabs.count()):
        page = tabs.widget(index)
        tabs.setCurrentIndex(index)
        tabs.tabBar().setFocus()
        press(qtbot, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        assert widget is not None and page.isAncestorOf(widget), (tabs.tabText(index), widget.objectName())
        if page.objectName() in firsts:
            assert widget is firsts[page.objectName()]
    assert widget is editor.follow_through.ui.actionsTable
    # Alt+G with the cursor on a paper button: the cursor goes into the goals, and Tab stays there
    editor.ui.summaryCheck.setFocus()
    press(qtbot, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: focused() is editor.ui.goalsTable)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is editor.ui.goalsTable
    # one version: nothing to compare, so no disabled button
    assert editor.history.ui.diffButton.isHidden()


def test_an_edited_cell_keeps_its_column(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    """After an edit, Shift+Tab goes to the cell before the one edited (the cursor used to go back to the
    row's first column, so the next value went into the row above)."""
    case_id = load_samples(services)["MDT-001"]
    editor = make_editor(services)
    editor.open_case(case_id, in_conference(services, case_id))
    settle()
    editor.build_draft()
    settle()
    assert editor.plan is not None
    view = editor.tables.views["goals"]
    editor.tables.reveal(view)
    view.setFocus()
    view.setCurrentIndex(view.model().index(1, 3))  # the second goal's target
    press(qtbot, Qt.Key.Key_F2)
    type_text(qtbot, "4 h")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, 3)
    press(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, 2)
