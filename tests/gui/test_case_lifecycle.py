"""Cases made and kept in the program: a new case by keyboard alone, found again after restarting."""

from __future__ import annotations

import pytest
import shiboken6
from conftest import settle
from gui_helpers import (
    WindowFactory,
    close_window,
    focused,
    load_samples,
    make_window,
    press,
    second_session,
    settings_path,
    type_text,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mdtboard.services.context import Services
from mdtboard.ui.cases.new_case import NewCaseDialog
from mdtboard.ui.main_window import CASE, LIBRARY, MainWindow

pytestmark = pytest.mark.gui
__all__ = ["make_window", "second_session", "settings_path"]  # fixtures used here

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def tab_to(qtbot: QtBot, name: str, limit: int = 60) -> None:
    """Press Tab until the widget ``name`` has the focus, as a person would."""
    for _ in range(limit):
        if focused().objectName() == name:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name} (stopped at {focused().objectName()})")


def new_case_by_keyboard(qtbot: QtBot, window: MainWindow) -> NewCaseDialog:
    press(qtbot, Qt.Key.Key_N, CTRL)
    dialog = window.case_actions.new_case_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.isAncestorOf(QApplication.focusWidget()))
    qtbot.waitUntil(lambda: bool(dialog.ui.refEdit.text()))  # the suggestion, looked up off the GUI thread
    return dialog


def add_medication(
    qtbot: QtBot, name: str, dose: str, route: str, frequency: str, daily: str, unit: str
) -> None:
    """Background part: the Add medication button (Space), then each cell typed and Tab to the next."""
    tab_to(qtbot, "addMedicationButton")
    press(qtbot, Qt.Key.Key_Space)
    for text in (name, dose, route, frequency, "no", daily, unit):
        type_text(qtbot, text)
        press(qtbot, Qt.Key.Key_Tab)


def test_a_new_case_by_keyboard_alone_is_found_after_restarting(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, second_session: Services
) -> None:
    load_samples(second_session.cases)
    window = make_window(sqlite_database_url)
    assert window.current_page() == LIBRARY
    dialog = new_case_by_keyboard(qtbot, window)
    assert dialog.ui.realRadio.isChecked()  # no training conference open: a real patient, chosen in view
    suggested = dialog.ui.refEdit.text()
    assert suggested.startswith("MDT-") and not second_session.cases.reference_taken(suggested)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    editor = window.editor
    assert editor is not None and window.current_page() == CASE and editor.is_new_case
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.ui.nameEdit)  # the cursor in the name
    assert editor.ui.nameEditError.text() == ""  # nothing marked before anything is typed
    type_text(qtbot, "Ada Keyboard")
    # Background: two medications by dose and frequency.
    press(qtbot, Qt.Key.Key_B, ALT)
    add_medication(qtbot, "oxycodone", "10 mg", "oral", "twice daily", "20", "mg")
    add_medication(qtbot, "gabapentin", "300 mg", "oral", "three times daily", "900", "mg")
    # Assessment: the NRS.
    press(qtbot, Qt.Key.Key_A, ALT)
    tab_to(qtbot, "nrsEdit")
    type_text(qtbot, "7")
    assert "Total: 30 MME/day" in editor.ui.mmeSummary.text()
    close_window(qtbot, window)  # closes once the saves are written

    case = second_session.cases.get_by_ref(suggested)
    assert case.patient.display_name == "Ada Keyboard" and case.fictional is False
    assert case.scores is not None and case.scores.nrs == 7
    assert [(m.name, m.dose, m.frequency) for m in case.medications or []] == [
        ("oxycodone", "10 mg", "twice daily"),
        ("gabapentin", "300 mg", "three times daily"),
    ]

    again = make_window(sqlite_database_url)
    library = again.library
    assert library is not None
    press(qtbot, Qt.Key.Key_F, CTRL)
    type_text(qtbot, "ada keyb")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: library.model.total == 1)
    assert library.model.summary(0).ref == suggested
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: again.current_page() == CASE)  # the case is read in the background
    assert again.editor is not None and again.editor.ui.nameEdit.text() == "Ada Keyboard"


def test_a_new_case_left_blank_leaves_nothing_behind(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, second_session: Services
) -> None:
    window = make_window(sqlite_database_url)
    dialog = new_case_by_keyboard(qtbot, window)
    ref = dialog.ui.refEdit.text()
    press(qtbot, Qt.Key.Key_Return)
    editor = window.editor
    assert editor is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.ui.nameEdit)
    type_text(qtbot, "A")
    press(qtbot, Qt.Key.Key_Backspace)  # typed and taken back
    close_window(qtbot, window)  # closes once the saves are written
    assert second_session.cases.count() == 0
    assert not second_session.cases.reference_taken(ref)


def test_a_new_case_typed_without_a_name_is_not_lost_silently(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, second_session: Services
) -> None:
    window = make_window(sqlite_database_url)
    new_case_by_keyboard(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)
    editor = window.editor
    assert editor is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.ui.nameEdit)
    tab_to(qtbot, "ageEdit")
    type_text(qtbot, "52")
    assert not editor.flush()  # not stored: it has no name yet
    assert "patient's name" in editor.ui.nameEditError.text()
    assert "Not stored yet" in editor.ui.saveState.text()
    assert second_session.cases.count() == 0
    editor.focus_name()
    type_text(qtbot, "Grace Later")
    assert editor.flush()
    stored = second_session.cases.get_by_ref(editor.saved_case.ref)  # type: ignore[union-attr]
    assert stored.patient.display_name == "Grace Later" and stored.patient.age == 52


def test_the_library_shows_a_new_case_its_search_would_hide(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, second_session: Services
) -> None:
    load_samples(second_session.cases)
    window = make_window(sqlite_database_url)
    library = window.library
    assert library is not None
    press(qtbot, Qt.Key.Key_F, CTRL)
    type_text(qtbot, "wendell")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: library.model.total == 1)
    dialog = new_case_by_keyboard(qtbot, window)
    ref = dialog.ui.refEdit.text()
    press(qtbot, Qt.Key.Key_Return)
    editor = window.editor
    assert editor is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.ui.nameEdit)
    type_text(qtbot, "Hidden Bythesearch")
    assert editor.flush()
    press(qtbot, Qt.Key.Key_1, ALT)  # back to the library
    assert window.current_page() == LIBRARY
    settle()  # the library is read again, and the new case looked for, in the background
    assert library.ui.searchEdit.text() == ""
    assert library.model.summary(library.ui.caseTable.currentIndex().row()).ref == ref
    assert "cleared to show the new case" in window.statusBar().currentMessage()


def test_an_import_hidden_by_the_filter_is_shown(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str
) -> None:
    from gui_helpers import SAMPLE_CASES, import_and_wait

    window = make_window(sqlite_database_url)
    library = window.library
    assert library is not None
    library.ui.filterCombo.setCurrentIndex(1)  # real cases only; the samples include fictional ones
    library.ui.searchEdit.setText("nobody-by-this-name")
    stored = import_and_wait(qtbot, library, [SAMPLE_CASES])
    assert isinstance(stored, list) and stored
    settle()  # the library is read again, and the cases looked for, in the background
    assert library.ui.filterCombo.currentIndex() == 0 and library.ui.searchEdit.text() == ""
    assert library.model.summary(library.ui.caseTable.currentIndex().row()).id == stored[0].id
    assert "cleared to show the imported cases" in window.statusBar().currentMessage()
