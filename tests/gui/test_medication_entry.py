"""The case editor's medication table entered by keyboard alone: dose, route and frequency from lists
with free text, the daily amount worked out and overridable, "As needed" a check box, "check the unit"
at the field, and the incomplete total while a name is not recognised."""

from __future__ import annotations

import pytest
from conftest import settle
from gui_helpers import WindowFactory, load_samples, make_window, second_session, settings_path
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import DailyDose
from mdtboard.services.context import Services
from mdtboard.ui.main_window import MainWindow

__all__ = ["make_window", "second_session", "settings_path"]  # fixtures used here

BACKGROUND = 2


@pytest.fixture
def window(make_window: WindowFactory, sqlite_database_url: str, second_session: Services) -> MainWindow:
    load_samples(second_session.cases)
    return make_window(sqlite_database_url)


def _open(window: MainWindow, services: Services, ref: str) -> tuple[int, QTableWidget]:
    case_id = services.cases.get_by_ref(ref).id
    assert case_id is not None
    window.open_case(case_id)
    settle()
    editor = window.editor
    assert editor is not None
    editor.ui.isbarTabs.setCurrentIndex(BACKGROUND)
    return case_id, editor.ui.medicationsTable


def _type_cell(qtbot: QtBot, table: QTableWidget, row: int, column: int, text: str) -> None:
    """F2 on the cell, type, Tab: what a person does."""
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    widget = table.focusWidget()
    line = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    assert isinstance(line, QLineEdit), type(widget)
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)  # Enter keeps the cell; Tab would open the next one
    qtbot.waitUntil(lambda: table.state() != QTableWidget.State.EditingState)


def _new_row(qtbot: QtBot, window: MainWindow, table: QTableWidget) -> int:
    editor = window.editor
    assert editor is not None
    editor.ui.addMedicationButton.setFocus()
    qtbot.keyClick(editor.ui.addMedicationButton, Qt.Key.Key_Space)
    row = table.rowCount() - 1
    qtbot.waitUntil(lambda: table.state() == QTableWidget.State.EditingState)
    qtbot.keyClick(table.focusWidget(), Qt.Key.Key_Escape)
    return row


def test_a_medicine_typed_by_keyboard_gets_its_daily_amount_and_mme(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    case_id, table = _open(window, second_session, "MDT-002")
    row = _new_row(qtbot, window, table)
    _type_cell(qtbot, table, row, 0, "MS Contin")
    _type_cell(qtbot, table, row, 1, "30 mg")
    _type_cell(qtbot, table, row, 2, "PO")
    _type_cell(qtbot, table, row, 3, "twice daily")
    assert table.item(row, 5).text() == "60" and table.item(row, 6).text() == "mg"
    assert "30 mg x 2 a day" in table.item(row, 5).toolTip()
    assert table.item(row, 7).text() == "60"
    qtbot.waitUntil(lambda: (second_session.cases.get(case_id).medications or [])[-1].daily_dose
                    == DailyDose(60, "mg"))
    stored = (second_session.cases.get(case_id).medications or [])[-1]
    assert (stored.name, stored.dose, stored.route, stored.frequency) == (
        "MS Contin", "30 mg", "PO", "twice daily"
    )

    # A daily amount typed by the person is theirs: a later dose does not replace it.
    _type_cell(qtbot, table, row, 5, "45")
    _type_cell(qtbot, table, row, 1, "15 mg")
    assert table.item(row, 5).text() == "45"
    editor = window.editor
    assert editor is not None
    assert "Opioid with a gabapentinoid" in editor.ui.mmeSummary.text()  # pregabalin on MDT-002


def test_route_from_the_list_is_stored_without_its_abbreviation(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    case_id, table = _open(window, second_session, "MDT-002")
    row = _new_row(qtbot, window, table)
    _type_cell(qtbot, table, row, 0, "Duragesic")
    table.setCurrentCell(row, 2)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = table.focusWidget()
    assert isinstance(combo, QComboBox)
    assert combo.itemText(1) == "transdermal (TD, patch)"
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "transd")  # the list's completion offers "transdermal (TD, patch)"
    combo.setCurrentIndex(combo.findText("transdermal (TD, patch)"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, 2) is not None and table.item(row, 2).text() == "transdermal")
    _type_cell(qtbot, table, row, 1, "25 mcg/h")
    _type_cell(qtbot, table, row, 3, "weekly patch")
    assert (table.item(row, 5).text(), table.item(row, 6).text(), table.item(row, 7).text()) == (
        "25", "mcg/h", "60"
    )
    qtbot.waitUntil(lambda: (second_session.cases.get(case_id).medications or [])[-1].route == "transdermal")


def test_as_needed_is_a_check_box_toggled_with_space(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    case_id, table = _open(window, second_session, "MDT-002")
    meds = second_session.cases.get(case_id).medications or []
    row = next(i for i, med in enumerate(meds) if not med.prn)
    cell = table.item(row, 4)
    assert cell.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert cell.checkState() == Qt.CheckState.Unchecked and cell.text() == ""
    table.setFocus()
    table.setCurrentCell(row, 4)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert cell.checkState() == Qt.CheckState.Checked
    qtbot.waitUntil(lambda: (second_session.cases.get(case_id).medications or [])[row].prn is True)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not (second_session.cases.get(case_id).medications or [])[row].prn)


def test_an_implausible_amount_is_marked_check_the_unit(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    case_id, table = _open(window, second_session, "MDT-001")  # tramadol 150 mg a day
    row = next(i for i in range(table.rowCount()) if table.item(i, 0).text() == "tramadol")
    table.setFocus()
    table.setCurrentCell(row, 6)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    unit = table.focusWidget()
    assert isinstance(unit, QComboBox) and not unit.isEditable()
    assert [unit.itemText(i) for i in range(unit.count())] == ["", "mg", "mcg", "mcg/h"]
    qtbot.keyClick(unit, Qt.Key.Key_Down)  # mg -> mcg: the unit now says 150 mcg a day
    qtbot.keyClick(unit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, 6).text() == "mcg")
    cell = table.item(row, 5)
    assert cell.toolTip().startswith("Check the unit: 150 mcg a day of tramadol")
    assert not cell.icon().isNull()
    assert "check the unit" in table.item(row, 7).text()
    editor = window.editor
    assert editor is not None
    assert "at least 0 MME/day: 1 line not counted" in editor.ui.mmeSummary.text()


def test_an_unknown_name_makes_the_total_incomplete(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    _case_id, table = _open(window, second_session, "MDT-001")
    row = _new_row(qtbot, window, table)
    _type_cell(qtbot, table, row, 0, "Zydonex")
    editor = window.editor
    assert editor is not None
    summary = editor.ui.mmeSummary.text()
    assert "Total: at least 30 MME/day: 1 line not counted" in summary
    assert "not recognised: check whether this is an opioid, benzodiazepine or gabapentinoid" in summary
    assert table.item(row, 7).text().startswith("not recognised")


def test_tab_in_the_route_list_moves_on_to_the_frequency(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    case_id, table = _open(window, second_session, "MDT-002")
    row = _new_row(qtbot, window, table)
    _type_cell(qtbot, table, row, 0, "morphine")
    table.setCurrentCell(row, 2)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = table.focusWidget()
    assert isinstance(combo, QComboBox) and combo.lineEdit() is not None
    qtbot.keyClicks(combo.lineEdit(), "PO")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: table.currentColumn() == 3 and table.state() == QTableWidget.State.EditingState)
    assert table.item(row, 2).text() == "PO"
    qtbot.keyClick(table.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: (second_session.cases.get(case_id).medications or [])[-1].route == "PO")
