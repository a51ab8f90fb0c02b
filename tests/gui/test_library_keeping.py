"""Keeping cases in the program, by keyboard: duplicate as a new case, archive and restore (the library's
Archived filter), delete with undo, and the refusal to delete a case a conference uses. The library keeps
its selected case and scroll position when it is read again."""

from __future__ import annotations

from datetime import datetime

import pytest
import shiboken6
from conftest import settle as finish_operations
from gui_helpers import (
    WindowFactory,
    focused,
    load_samples,
    make_window,
    press,
    second_session,
    settings_path,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from test_conference_support import WorkspaceFactory, conference, make_workspace

from mdtboard.domain.case import Case, Patient
from mdtboard.domain.conference import Conference
from mdtboard.services.context import Services
from mdtboard.ui.cases.library import ARCHIVED_FILTER, CaseLibrary
from mdtboard.ui.cases.table_cells import KIND
from mdtboard.ui.main_window import CASE, LIBRARY, MainWindow

pytestmark = pytest.mark.gui
__all__ = ["make_window", "make_workspace", "second_session", "settings_path"]  # fixtures used here

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def find(qtbot: QtBot, library: CaseLibrary, text: str, count: int = 1) -> None:
    """Ctrl+F, type, Enter: the library lists ``count`` cases and the first is selected."""
    press(qtbot, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(focused(), text)
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is library.ui.caseTable  # at once; the rows follow from the background
    qtbot.waitUntil(lambda: not library.model.loading and library.model.total == count)
    finish_operations()  # the first match selected, its sharing looked up


def current_ref(library: CaseLibrary) -> str | None:
    summary = library.current_summary()
    return summary.ref if summary is not None else None


def box_shown(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    """The message box the keeping of cases showed, with the keyboard in it."""
    keeping = window.case_actions.keeping
    assert keeping is not None

    def shown() -> bool:
        box = keeping.last_dialog
        return isinstance(box, QMessageBox) and shiboken6.isValid(box) and box.isVisible()

    qtbot.waitUntil(shown)
    box = keeping.last_dialog
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(lambda: box.isAncestorOf(QApplication.focusWidget()))
    return box


def settle(qtbot: QtBot) -> None:
    """Every database operation done and its outcome delivered (and those the outcomes started)."""
    finish_operations()
    qtbot.wait(1)


@pytest.fixture
def window(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, second_session: Services
) -> MainWindow:
    load_samples(second_session.cases)
    made = make_window(sqlite_database_url)
    assert made.library is not None
    return made


# ---------------------------------------------------------------------------- duplicate


def test_duplicate_by_keyboard_opens_the_copy_in_the_editor(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    library = window.library
    assert library is not None
    find(qtbot, library, "wendell")
    press(qtbot, Qt.Key.Key_P, ALT)  # Du&plicate… (a button's key clicks it a moment later)
    qtbot.waitUntil(lambda: window.case_actions.duplicate_dialog is not None)
    dialog = window.case_actions.duplicate_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.isAncestorOf(QApplication.focusWidget()))
    assert dialog.windowTitle() == "Duplicate case MDT-008"
    assert "MDT-008 (Wendell Harrowgate)" in dialog.ui.introLabel.text()
    assert dialog.ui.fictionalRadio.isChecked()  # the kind of the case copied
    qtbot.waitUntil(lambda: bool(dialog.ui.refEdit.text()))  # the suggestion, looked up off the GUI thread
    ref = dialog.ui.refEdit.text()
    assert ref.startswith("TEACH-")
    press(qtbot, Qt.Key.Key_Return)
    editor = window.editor
    assert editor is not None
    qtbot.waitUntil(lambda: editor.saved_case is not None and editor.saved_case.ref == ref)
    assert window.current_page() == CASE
    qtbot.waitUntil(lambda: editor.isAncestorOf(QApplication.focusWidget()))
    copy = second_session.cases.get_by_ref(ref)
    source = second_session.cases.get_by_ref("MDT-008")
    assert copy.title == f"Copy of MDT-008: {source.title}"
    assert copy.fictional and copy.medications == source.medications and copy.id != source.id
    assert editor.ui.titleEdit.text() == copy.title
    assert "a copy of MDT-008" in window.statusBar().currentMessage()
    # the library lists the copy (the same patient: the search finds it) and has it selected
    press(qtbot, Qt.Key.Key_1, ALT)
    settle(qtbot)  # read again in the background
    assert current_ref(library) == ref and library.model.total == 2


def test_a_copy_of_a_real_case_made_fictional_is_warned_about(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    second_session.cases.create(Case(ref="MDT-2026-001", fictional=False, patient=Patient("Ana Ruiz")))
    library = window.library
    assert library is not None
    library.refresh()
    find(qtbot, library, "ruiz")
    dialog = window.case_actions.duplicate()
    assert dialog is not None
    assert dialog.ui.realRadio.isChecked() and "de-identify" not in dialog.ui.kindHint.text()
    dialog.ui.fictionalRadio.setChecked(True)
    assert "does not de-identify it" in dialog.ui.kindHint.text()
    qtbot.waitUntil(lambda: dialog.ui.refEdit.text().startswith("TEACH-"))  # the fictional suggestion
    dialog.ui.refEdit.setText("MDT-001")  # taken
    dialog.accept()
    assert not dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()  # being checked
    qtbot.waitUntil(lambda: "already exists" in dialog.ui.errorLabel.text())
    assert dialog.isVisible() and dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.reject()
    assert second_session.cases.count("ruiz") == 1


# ---------------------------------------------------------------------------- archive and restore


def test_archive_hides_the_case_and_the_archived_filter_restores_it(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    library = window.library
    assert library is not None
    total = library.model.total
    find(qtbot, library, "zoe")
    assert library.ui.archiveButton.text() == "A&rchive"
    press(qtbot, Qt.Key.Key_R, ALT)  # A&rchive
    qtbot.waitUntil(lambda: library.model.total == 0)
    assert "MDT-002 archived" in window.statusBar().currentMessage()
    assert second_session.cases.get_by_ref("MDT-002").archived_at is not None
    library.ui.searchEdit.clear()
    qtbot.waitUntil(lambda: library.model.total == total - 1)
    assert "MDT-002" not in [library.model.summary(r).ref for r in range(library.model.rowCount())]
    assert second_session.cases.search("zoe") == []  # the agenda's search: the same service call
    # Show: Archived cases, by keyboard
    press(qtbot, Qt.Key.Key_W, ALT)
    assert focused() is library.ui.filterCombo
    while library.ui.filterCombo.currentIndex() != ARCHIVED_FILTER:
        press(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: library.model.total == 1)
    assert library.ui.countLabel.text() == "1 archived case"
    assert current_ref(library) == "MDT-002"
    assert library.model.index(0, KIND).data().endswith(" · archived")  # the row says so too
    assert library.ui.archiveButton.text() == "&Restore"
    press(qtbot, Qt.Key.Key_R, ALT)  # &Restore
    qtbot.waitUntil(lambda: library.model.total == 0)
    assert "MDT-002 restored" in window.statusBar().currentMessage()
    assert second_session.cases.get_by_ref("MDT-002").archived_at is None
    library.ui.filterCombo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: library.model.total == total)


def test_archiving_the_open_case_from_the_file_menu_says_so_in_its_header(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    library = window.library
    editor = window.editor
    assert library is not None and editor is not None
    find(qtbot, library, "zoe")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page() == CASE)  # the case is read in the background
    window.case_actions.action_archive.trigger()
    qtbot.waitUntil(lambda: "(archived)" in editor.ui.headerLabel.text())
    assert editor.ui.headerLabel.text().startswith("MDT-002 (archived) · ")
    window.case_actions._name_archive_entry()  # noqa: SLF001 - as the File menu does when it opens
    assert window.case_actions.action_archive.text() == "&Restore case to the library"
    # the editor goes on saving the archived case
    editor.ui.titleEdit.setText("CRPS, archived and edited")
    assert editor.flush()
    stored = second_session.cases.get_by_ref("MDT-002")
    assert stored.title == "CRPS, archived and edited" and stored.archived_at is not None
    window.case_actions.action_archive.trigger()
    qtbot.waitUntil(lambda: "(archived)" not in editor.ui.headerLabel.text())
    assert second_session.cases.get_by_ref("MDT-002").archived_at is None


# ---------------------------------------------------------------------------- delete and undo


def test_delete_asks_and_undo_brings_the_case_back(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    library = window.library
    assert library is not None
    before = second_session.cases.get_by_ref("MDT-004")
    find(qtbot, library, "quillfeather")
    press(qtbot, Qt.Key.Key_Delete)
    box = box_shown(qtbot, window)
    assert "Delete case MDT-004 (Bartholomew Quillfeather)?" in box.text() and "Ctrl+Z" in box.text()
    press(qtbot, Qt.Key.Key_Escape)  # No: nothing happens
    qtbot.waitUntil(lambda: not box.isVisible())
    settle(qtbot)
    assert second_session.cases.count("quillfeather") == 1
    press(qtbot, Qt.Key.Key_D, ALT)  # &Delete… button
    box = box_shown(qtbot, window)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)  # Enter keeps the case
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())
    settle(qtbot)
    assert second_session.cases.count("quillfeather") == 1
    press(qtbot, Qt.Key.Key_D, ALT)
    box = box_shown(qtbot, window)
    press(qtbot, Qt.Key.Key_Y)  # Yes
    qtbot.waitUntil(lambda: library.model.total == 0)
    assert second_session.cases.count("quillfeather") == 0
    assert "MDT-004 deleted" in window.statusBar().currentMessage()
    assert window.action_undo.text() == "&Undo Delete case MDT-004"
    library.ui.caseTable.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: library.model.total == 1)
    assert second_session.cases.get_by_ref("MDT-004") == before  # same id, version and content
    assert current_ref(library) == "MDT-004"
    assert "MDT-004 brought back" in window.statusBar().currentMessage()
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)  # redo: deleted again
    qtbot.waitUntil(lambda: library.model.total == 0)
    assert second_session.cases.count("quillfeather") == 0
    window.action_undo.trigger()  # Edit > Undo Delete case MDT-004
    qtbot.waitUntil(lambda: library.model.total == 1)
    assert second_session.cases.get_by_ref("MDT-004").id == before.id


def test_undo_of_a_delete_whose_reference_was_taken_says_why(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    library = window.library
    assert library is not None
    find(qtbot, library, "quillfeather")
    window.case_actions.delete()
    box_shown(qtbot, window)
    press(qtbot, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: library.model.total == 0)
    second_session.cases.create(Case(ref="MDT-004", fictional=True, patient=Patient("Someone Else")))
    window.action_undo.trigger()
    box = box_shown(qtbot, window)
    assert "MDT-004 could not be brought back" in box.text() and "reference" in box.text()
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot)
    assert second_session.cases.get_by_ref("MDT-004").patient.display_name == "Someone Else"


def test_deleting_the_case_open_in_the_editor_closes_it(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    library = window.library
    editor = window.editor
    assert library is not None and editor is not None
    find(qtbot, library, "imogen")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page() == CASE)  # the case is read in the background
    editor.ui.titleEdit.setText("Typed just before deleting")
    window.case_actions.action_delete.trigger()  # File > Delete case…
    box_shown(qtbot, window)
    press(qtbot, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: window.current_page() == LIBRARY)
    assert editor.saved_case is None
    assert second_session.cases.count("imogen") == 0
    window.action_undo.trigger()
    qtbot.waitUntil(lambda: second_session.cases.count("imogen") == 1)
    # what was typed before the delete was saved first, and came back with the case
    assert second_session.cases.get_by_ref("MDT-006").title == "Typed just before deleting"


def test_a_case_in_a_conference_is_not_deleted_and_may_be_archived_instead(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    library = window.library
    assert library is not None
    case = second_session.cases.get_by_ref("MDT-001")
    conf = second_session.conferences.create(
        Conference(title="Pain MDT", starts_at=datetime(2026, 12, 1, 14))
    )
    second_session.conferences.add_agenda_item(conf.id or 0, case.id or 0)
    find(qtbot, library, "nunez")
    press(qtbot, Qt.Key.Key_Delete)
    box = box_shown(qtbot, window)
    assert box.windowTitle() == "Case cannot be deleted"
    assert "it is on the agenda of a conference (Pain MDT, 2026-12-01)" in box.text()
    assert "Archive case MDT-001 now?" in box.text()
    press(qtbot, Qt.Key.Key_Escape)  # No
    settle(qtbot)
    assert second_session.cases.get(case.id or 0) == case
    assert window.action_undo.text() != "&Undo Delete case MDT-001"
    press(qtbot, Qt.Key.Key_Delete)
    box_shown(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)  # Yes: archive it
    qtbot.waitUntil(lambda: library.model.total == 0)
    assert second_session.cases.get(case.id or 0).archived_at is not None
    # from the archived cases, deleting is still refused, and says it stays archived
    library.ui.searchEdit.clear()
    library.ui.filterCombo.setCurrentIndex(ARCHIVED_FILTER)
    qtbot.waitUntil(lambda: library.model.total == 1)
    library.ui.caseTable.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    box = box_shown(qtbot, window)
    assert "It stays archived" in box.text()
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot)
    assert second_session.cases.get(case.id or 0).archived_at is not None


# ---------------------------------------------------------------------------- the library read again


def test_the_library_keeps_its_selected_case_and_scroll_position_when_read_again(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    library = window.library
    assert library is not None
    second_session.cases.store_many(
        [Case(ref=f"GEN-{i:04d}", fictional=True, patient=Patient(f"Patient {i}")) for i in range(300)]
    )
    library.refresh()
    table = library.ui.caseTable
    with qtbot.waitCallback() as selected:  # once read again, its row found in the background
        library.select_case(second_session.cases.get_by_ref("GEN-0250").id or 0, selected)
    selected.assert_called_with(True)
    scroll = table.verticalScrollBar().value()
    assert scroll > 0
    # another PC edits a case: the library is read again and nothing moves
    other = second_session.cases.get_by_ref("GEN-0100")
    other.title = "Edited elsewhere"
    second_session.cases.update(other)
    library.refresh()
    settle(qtbot)
    assert current_ref(library) == "GEN-0250" and table.verticalScrollBar().value() == scroll
    # a case is added before it: the same case stays selected
    second_session.cases.create(Case(ref="GEN-0000A", fictional=True, patient=Patient("Inserted")))
    library.refresh()
    settle(qtbot)
    assert current_ref(library) == "GEN-0250"
    # one row further down: still in view (the table scrolled a row if it had gone past the bottom)
    assert table.viewport().rect().contains(table.visualRect(table.currentIndex()))
    assert table.verticalScrollBar().value() - scroll in (0, 1)
    scroll = table.verticalScrollBar().value()
    # archiving the selected case selects the one after it, where it was
    library.ui.caseTable.setFocus()
    press(qtbot, Qt.Key.Key_R, ALT)
    qtbot.waitUntil(lambda: current_ref(library) == "GEN-0251")
    assert table.verticalScrollBar().value() == scroll


def test_the_agenda_search_does_not_offer_an_archived_case(
    qtbot: QtBot, make_workspace: WorkspaceFactory, services: Services
) -> None:
    ids = {s.ref: s.id for s in load_samples(services.cases)}
    workspace = make_workspace(services)
    workspace.open_conference(conference(services, datetime(2026, 12, 1, 14)))
    finish_operations()  # opened in the background
    agenda = workspace.agenda

    def offered(text: str) -> list[str]:
        agenda.ui.searchEdit.setText(text)
        agenda.search()
        finish_operations()  # searched in the background
        return [agenda.results.row_object(r).ref for r in range(agenda.results.rowCount())]

    assert offered("zoe") == ["MDT-002"]
    services.cases.archive(ids["MDT-002"])
    assert offered("zoe") == [] and "MDT-002" not in offered("")
    services.cases.unarchive(ids["MDT-002"])
    assert offered("zoe") == ["MDT-002"]


def test_the_reference_column_shows_a_generated_reference_whole(window: MainWindow) -> None:
    from mdtboard.ui.cases.table_cells import REF

    library = window.library
    assert library is not None
    table = library.ui.caseTable
    needed = table.fontMetrics().horizontalAdvance("TEACH-2026-001")
    assert table.horizontalHeader().sectionSize(REF) >= needed + 8  # and the cell's margins
