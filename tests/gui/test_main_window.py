"""The main window: first start, a database that cannot be opened, settings, shortcuts, close and reopen."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from conftest import settle
from gui_helpers import (
    OPEN_TIMEOUT_MS,
    WindowFactory,
    click_button,
    close_window,
    load_samples,
    make_window,
    sample_count,
    second_session,
    settings_path,
)
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mdtboard import __version__
from mdtboard.domain.errors import MdtboardError
from mdtboard.services.context import Services, open_services
from mdtboard.ui import ops
from mdtboard.ui.main_window import CASE, CONFERENCE, LIBRARY, MainWindow

pytestmark = pytest.mark.gui
__all__ = ["make_window", "second_session", "settings_path"]  # fixtures used here


def test_first_start_offers_the_demo_cases(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str
) -> None:
    window = make_window(sqlite_database_url, offer_demo=True, load_demo=load_samples)
    settle()  # the cases are counted in the background before the offer
    box = window.last_dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "empty" in box.text() and "fictional" in box.text()
    click_button(box, QMessageBox.StandardButton.Yes)
    assert window.library is not None
    qtbot.waitUntil(lambda: window.library.model.total == sample_count())  # type: ignore[union-attr]
    assert window.statusBar().currentMessage() == f"Loaded {sample_count()} demo cases"


def test_declined_demo_offer_is_not_repeated(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str
) -> None:
    window = make_window(sqlite_database_url, offer_demo=True, load_demo=load_samples)
    settle()  # the cases are counted in the background before the offer
    box = window.last_dialog
    assert isinstance(box, QMessageBox)
    click_button(box, QMessageBox.StandardButton.No)
    assert window.library is not None and window.library.model.total == 0
    window.close()
    again = make_window(sqlite_database_url, offer_demo=True, load_demo=load_samples)
    settle()
    assert again.last_dialog is None


def test_no_demo_offer_on_a_database_with_cases(
    make_window: WindowFactory, sqlite_database_url: str, second_session: Services
) -> None:
    load_samples(second_session.cases)
    window = make_window(sqlite_database_url, offer_demo=True, load_demo=load_samples)
    settle()  # the cases are counted in the background before the offer
    assert window.last_dialog is None


def test_a_database_that_cannot_be_opened_is_explained_then_the_program_exits(
    qtbot: QtBot, tmp_path: Path, settings_path: Path
) -> None:
    folder = tmp_path / "not-a-database.sqlite3"
    folder.write_bytes(b"this is not SQLite at all, just some text" * 50)
    window = MainWindow(QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.open_database(f"sqlite:///{folder}")
    assert window.statusBar().currentMessage() == "Opening the database…"  # at once, behind the window
    qtbot.waitUntil(lambda: isinstance(window.last_dialog, QMessageBox), timeout=OPEN_TIMEOUT_MS)
    box = window.last_dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "is not an mdtboard database" in box.text() and "Nothing was changed" in box.text()
    assert window.library is None  # no page was built on a database that is not there
    with qtbot.waitSignal(window.database_failed) as failed:
        click_button(box, QMessageBox.StandardButton.Close)
    assert "not an mdtboard database" in failed.args[0]


def test_the_window_appears_before_its_database_is_open(
    qtbot: QtBot, settings_path: Path, sqlite_database_url: str
) -> None:
    """Shown at once, saying the database is being opened; the form's look and keys as designed (set by
    style sheet and in code rather than in the form, to keep PySide's Qt enums out of the first paint)."""
    window = MainWindow(QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_database(sqlite_database_url)
    assert window.statusBar().currentMessage() == "Opening the database…"
    assert window.ui.startLabel.text() == "Opening the database…" and window.services is None
    assert window.ui.startLabel.alignment() == Qt.AlignmentFlag.AlignCenter
    assert window.ui.toolBar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextOnly
    assert window.ui.navigation.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert window.toolBarArea(window.ui.toolBar) == Qt.ToolBarArea.TopToolBarArea
    assert not window.ui.actionImport.isEnabled() and not window.ui.navigation.isEnabled()
    keys = {a.text().replace("&", ""): a.shortcut().toString() for a in window.findChildren(QAction)}
    assert keys["Import bundle…"] == "Ctrl+I" and keys["Keyboard shortcuts"] == "F1"
    assert keys["Previous case"] == "Alt+PgUp" and keys["Case library"] == "Alt+1"
    with qtbot.waitSignal(window.services_ready, timeout=OPEN_TIMEOUT_MS):
        pass
    assert window.current_page() == LIBRARY and window.ui.actionImport.isEnabled()
    assert window.editor is not None and window.workspace is not None and window.care_plan is not None
    assert window.statusBar().currentMessage() == "Ready"


def test_font_scale_and_geometry_are_remembered(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str
) -> None:
    window = make_window(sqlite_database_url)
    base = window.font().pointSizeF()
    window.ui.actionBiggerText.trigger()
    window.ui.actionBiggerText.trigger()
    assert window.font_scale == pytest.approx(1.125**2, abs=0.01)
    assert window.font().pointSizeF() > base
    window.resize(window.width(), 456)  # the offscreen screen is narrow: change the height only
    window.close()
    again = make_window(sqlite_database_url)
    assert again.font_scale == pytest.approx(1.125**2, abs=0.01)
    assert again.height() == 456
    again.ui.actionResetText.trigger()
    assert again.font_scale == 1.0 and again.font().pointSizeF() == pytest.approx(base)


def test_layout_survives_double_text_size(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, second_session: Services
) -> None:
    load_samples(second_session.cases)
    window = make_window(sqlite_database_url)
    window.open_case(second_session.cases.get_by_ref("MDT-008").id)  # type: ignore[arg-type]
    settle()
    window.set_font_scale(2.0)
    try:
        assert window.font_scale == 2.0
        # The forms scroll instead of growing: the window still fits a 1280 x 800 screen.
        hint = window.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 800, hint
    finally:
        window.set_font_scale(1.0)


def test_navigation_and_find(qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str) -> None:
    window = make_window(sqlite_database_url)
    assert window.current_page() == LIBRARY
    window.ui.actionShowCase.trigger()
    assert window.current_page() == CASE
    assert window.editor is not None and window.editor.ui.emptyLabel.isVisible()
    window.ui.actionShowConference.trigger()
    assert window.current_page() == CONFERENCE
    window.ui.actionFind.trigger()
    assert window.current_page() == LIBRARY
    assert window.library is not None and window.library.ui.searchEdit.hasFocus()


def test_shortcut_sheet_lists_every_menu_shortcut(
    make_window: WindowFactory, sqlite_database_url: str
) -> None:
    window = make_window(sqlite_database_url)
    window.ui.actionShortcuts.trigger()
    sheet = window._shortcut_sheet
    assert sheet is not None and sheet.isVisible()
    shown = dict(sheet.all_keys())
    for menu in (window.ui.menuFile, window.ui.menuEdit, window.ui.menuView, window.ui.menuConference,
                 window.ui.menuHelp):
        for action in menu.actions():
            if not action.shortcut().isEmpty():
                what = action.text().replace("&", "").rstrip("…")
                assert what in shown, f"{what} missing from the shortcut sheet"
    assert shown["Undo"].startswith("Ctrl+Z")
    assert shown["Keyboard shortcuts"] == "F1"
    assert "Bigger text" in shown and "Next case" in shown


def test_about_shows_the_version(make_window: WindowFactory, sqlite_database_url: str) -> None:
    window = make_window(sqlite_database_url)
    box = window.show_about()
    assert __version__ in box.text()
    box.accept()


def test_conference_placeholder_when_the_workspace_is_missing(
    make_window: WindowFactory, sqlite_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "mdtboard.ui.conference.workspace", None)  # import raises ImportError
    window = make_window(sqlite_database_url)
    assert window.workspace is None
    assert not window.ui.actionNextCase.isEnabled()
    window.ui.actionShowConference.trigger()
    assert window.current_page() == CONFERENCE


def test_close_and_reopen_shows_everything_typed(
    qtbot: QtBot, make_window: WindowFactory, database_url: str
) -> None:
    """On SQLite and on PostgreSQL: what was typed is there after closing, even within the save delay."""
    services = open_services(database_url)
    try:
        load_samples(services.cases)
        case_id = services.cases.get_by_ref("MDT-001").id
    finally:
        services.close()
    assert case_id is not None
    window = make_window(database_url)
    window.open_case(case_id)
    settle()
    editor = window.editor
    assert editor is not None
    qtbot.keyClick(editor, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # Alt+R: Recommendation
    editor.ui.recommendationEdit.setFocus()
    qtbot.keyClicks(editor.ui.recommendationEdit, "Pain education; graded activity with PT.")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    editor.ui.questionEdit.setFocus()
    qtbot.keyClicks(editor.ui.questionEdit, "Is a facet injection worth trying?")
    assert editor.pending  # closed at once, before the autosave delay has passed
    close_window(qtbot, window)  # it closes once the saves are written
    stored = open_services(database_url)
    try:
        case = stored.cases.get(case_id)
    finally:
        stored.close()
    assert case.recommendation == "Pain education; graded activity with PT."
    assert case.question_for_team == "Is a facet injection worth trying?"

    again = make_window(database_url)
    settle()
    assert again.current_page() == LIBRARY
    assert again.built_editor is None  # the case page is built when it is first shown
    qtbot.keyClick(again, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # Alt+2: the case page
    assert again.current_page() == CASE
    editor = again.built_editor
    assert editor is not None
    qtbot.waitUntil(lambda: editor.current_case_id() == case_id)  # reopened, read in the background
    assert again.editor is editor
    qtbot.waitUntil(lambda: editor.ui.recommendationEdit.toPlainText() != "")  # shown in steps
    assert again.editor.ui.recommendationEdit.toPlainText() == "Pain education; graded activity with PT."
    assert again.editor.ui.questionEdit.toPlainText() == "Is a facet injection worth trying?"


def test_run_exits_1_when_the_database_cannot_be_opened(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The composition root shows the window, opens the database behind it, explains the failure and
    exits with status 1 once the person has read it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from mdtboard.app import run

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    bad = tmp_path / "damaged.sqlite3"
    bad.write_bytes(b"not a database" * 100)
    seen: list[str] = []

    def answer() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(20, answer)
            return
        seen.append(boxes[0].text())
        click_button(boxes[0], QMessageBox.StandardButton.Close)

    before = {id(w) for w in QApplication.topLevelWidgets()}
    QTimer.singleShot(0, answer)
    assert run(f"sqlite:///{bad}") == 1
    assert seen and "not an mdtboard database" in seen[0]
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow) and id(window) not in before:
            window.close()
            window.deleteLater()


def test_a_background_failure_nobody_handles_is_shown_in_the_status_bar_and_logged(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    window = make_window(sqlite_database_url)

    def fail() -> None:
        raise MdtboardError("Patient Ana Example: the disk is full. Nothing was changed.")

    with caplog.at_level(logging.INFO, logger="mdtboard.ui.ops"):
        op = ops.write(fail, label="save of test record")
        qtbot.waitUntil(lambda: op.delivered, timeout=10_000)
    assert window.ui.statusbar.currentMessage() == (
        "\u26a0 Patient Ana Example: the disk is full. Nothing was changed."
    )
    logged = [r.getMessage() for r in caplog.records if r.name == "mdtboard.ui.ops"]
    assert logged == ["save of test record failed: MdtboardError"]  # its kind, never its text


def test_background_operations_start_their_threads_with_the_first_operation(qtbot: QtBot) -> None:
    """The main window makes the program's operations before its first paint; their threads (and the
    domain's errors) wait for the first operation, which then runs and is delivered as always: its result,
    and a failure nobody handles in the one place."""
    import threading

    def workers() -> int:
        return sum(t.name in ("mdtboard-writer", "mdtboard-reader") for t in threading.enumerate())

    before = workers()
    operations = ops.Operations()
    assert workers() == before  # no thread yet
    results: list[int] = []

    def fail() -> None:
        raise MdtboardError("The disk is full. Nothing was changed.")

    done = operations.read(lambda: 6 * 7, success=results.append, label="answer")
    with qtbot.waitSignal(operations.failed, timeout=10_000) as failed:
        failing = operations.write(fail, label="save of test record")
    qtbot.waitUntil(lambda: done.delivered and failing.delivered, timeout=10_000)
    assert results == [42] and failed.args == ["The disk is full. Nothing was changed."]
    assert workers() == before + 2  # the reader and the writer, one each
    operations.shutdown()
    operations.deleteLater()


def test_the_sign_in_keys_reach_the_whole_program(qtbot: QtBot, tmp_path: Path) -> None:
    """File > Lock (Ctrl+L) and Switch user (F4) act in every window of the program (an application
    shortcut, set by the property's name before the first paint), above Quit; Accounts… has no key."""
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    people = window.people
    assert people.lock_action.shortcut().toString() == "Ctrl+L"
    assert people.switch_action.shortcut().toString() == "F4"
    assert people.accounts_action.shortcut().isEmpty() and people.accounts_action.shortcuts() == []
    for action in (people.lock_action, people.switch_action, people.accounts_action):
        assert action.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut
        assert not action.isEnabled()  # until someone may sign in
    file_actions = window.ui.menuFile.actions()
    assert file_actions[-1] is window.ui.actionQuit
    assert file_actions.index(people.accounts_action) < len(file_actions) - 1
