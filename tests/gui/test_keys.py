"""The keys of the whole program: Ctrl+Q quits, no key is ambiguous in any window, and every key the
program's own texts name (labels, placeholders, tooltips, status tips, Help > Keyboard shortcuts) exists.

The scans read the live windows (see keymap.py): an action, shortcut or mnemonic added later is covered
without naming it here."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from keymap import Binding, bindings, clashes, mnemonic, named_keys, normal, program_texts, seen_together
from presentation_support import Meeting, MeetingFactory, make_meeting
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QMenu, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from mdtboard.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
__all__ = ["make_meeting"]  # the fixture, imported for pytest

#: Keys handled in key-press code rather than by an action: the care-plan tables add a row with Insert
#: or Ctrl+N (careplan.keys.RowKeys; tests/gui/test_careplan_editor.py presses them).
KEY_PRESS_KEYS = {normal("Ctrl+N"), normal("Ins")}
#: Qt's own keys of a tab widget: the next and previous tab.
TAB_KEYS = {normal(k) for k in ("Ctrl+PgDown", "Ctrl+PgUp", "Ctrl+Tab", "Ctrl+Shift+Tab")}
#: Qt's own keys of every window: the next and previous field.
FOCUS_KEYS = {normal(k) for k in ("Tab", "Shift+Tab")}


def every_window(meeting: Meeting) -> list[QWidget]:
    """The main window (conference workspace, case editor, care-plan editor), the big screen and the
    training window, every page built and shown once."""
    window = meeting.window
    meeting.mode.start()
    window.training_menu.open_training_window()
    window.care_plan.show()
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
    names = {type(w).__name__ for w in windows}
    assert {"MainWindow", "BigScreen", "TrainingWindow"} <= names, names
    return windows


def test_ctrl_q_quits(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    window = make_meeting().window
    assert [normal(s) for s in window.ui.actionQuit.shortcuts()] == ["Ctrl+Q"]
    window.ui.actionQuit.setEnabled(True)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_no_key_is_ambiguous_in_any_window(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    meeting = make_meeting()
    found = {
        type(w).__name__: clashes(bindings(w), mnemonics_among_themselves=True) for w in every_window(meeting)
    }
    assert found == {name: [] for name in found}
    # the scan sees what it should: the window's menu keys, the workspace's keys, the big screen's keys
    keys = {b.key for b in bindings(meeting.window)}
    assert {"Ctrl+Q", "Ctrl+Shift+N", "Ctrl+3", "F2", "F5", "Alt+D"} <= keys


def test_the_scan_finds_a_clash_when_there_is_one(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    meeting = make_meeting()
    window = meeting.window
    twice = QAction("Quit again", window)
    twice.setShortcuts([QKeySequence("Ctrl+Q")])
    window.ui.menuFile.addAction(twice)
    doubled = QAction("Bigger twice", window)
    doubled.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl+=")])
    window.addAction(doubled)
    other_page = QAction("Only on the agenda", window.workspace.agenda.ui.agendaView)
    other_page.setShortcut(QKeySequence("Ctrl+B"))
    other_page.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    window.workspace.agenda.ui.agendaView.addAction(other_page)
    lines = clashes(bindings(window))
    assert any("Quit again" in line and "&Quit" in line for line in lines), lines
    assert any("Bigger twice" in line and "twice" in line for line in lines), lines
    assert not any("Only on the agenda" in line for line in lines), lines


def _exists(key: str, where: QWidget, found: list[Binding]) -> bool:
    if any(b.key == key and seen_together(b.owner, where) for b in found):
        return True
    if key in KEY_PRESS_KEYS or key in FOCUS_KEYS:
        return True
    window = where.window()
    widgets = [window, *window.findChildren(QWidget)]
    if key == "F2":  # Qt's edit key of an item view that allows it
        return any(
            isinstance(w, QAbstractItemView)
            and bool(w.editTriggers() & QAbstractItemView.EditTrigger.EditKeyPressed)
            and seen_together(w, where)
            for w in widgets
        )
    if key in TAB_KEYS:
        return any(isinstance(w, QTabWidget) and seen_together(w, where) for w in widgets)
    return False


def _named(windows: list[QWidget]) -> Iterator[tuple[QWidget, str, str]]:
    for window in windows:
        for widget, text in program_texts(window):
            for key in named_keys(text):
                yield widget, key, text


def test_every_key_the_texts_name_exists(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    meeting = make_meeting()
    windows = every_window(meeting)
    found = [b for w in windows for b in bindings(w)]
    missing = sorted(
        {f"{key} in {widget.objectName() or type(widget).__name__}: {text!r}"
         for widget, key, text in _named(windows) if not _exists(key, widget, found)}
    )
    assert missing == []
    checked = {key for _w, key, _t in _named(windows)}
    assert {"Ctrl+Shift+N", "Ctrl+Shift+O", "F5", "Alt+Right"} <= checked  # the texts were read


def test_every_key_of_the_shortcut_sheet_exists(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    meeting = make_meeting()
    window: MainWindow = meeting.window
    windows = every_window(meeting)
    sheet = window.show_shortcuts()
    found = [b for w in windows for b in bindings(w)]
    rows = sheet.all_keys()
    assert rows
    missing = []
    for what, keys in rows:
        for key in named_keys(keys):
            # the sheet is a window of its own: a key counts when the program has it anywhere
            if not any(_exists(key, b.owner, found) for b in found if b.key == key) and not any(
                _exists(key, w, found) for w in windows
            ):
                missing.append(f"{what}: {key}")
    assert missing == []


def test_named_keys_reads_the_ways_texts_write_keys() -> None:
    assert named_keys("create one with New conference (Ctrl+Shift+N).") == ["Ctrl+Shift+N"]
    assert named_keys("Alt+I, S, B, A, R") == ["Alt+I", "Alt+S", "Alt+B", "Alt+A", "Alt+R"]
    assert named_keys("Ctrl+1 to Ctrl+7") == [f"Ctrl+{n}" for n in range(1, 8)]
    assert named_keys("Ctrl+PgDown/PgUp; F2 changes it") == ["Ctrl+PgDown", "Ctrl+PgUp", "F2"]
    assert named_keys("<b>Zoom</b> (Alt+=, Alt+-)") == ["Alt+=", "Alt+-"]
    assert named_keys("a 5-minute target, FHIR R4") == []


def test_a_label_naming_a_key_nobody_has_is_found(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    meeting = make_meeting()
    window = meeting.window
    label = QLabel("Press Alt+Q to do nothing at all", window.workspace)
    found = bindings(window)
    assert not _exists(named_keys(label.text())[0], label, found)
    assert _exists("Ctrl+Shift+N", label, found)


def test_no_two_entries_of_a_menu_share_a_letter(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    """In an open menu the underlined letter chooses the entry: two entries with one letter only move
    between them."""
    meeting = make_meeting()
    shared = {}
    menus = meeting.window.menuBar().findChildren(QMenu)
    assert len(menus) >= 6
    for menu in menus:
        letters: dict[str, list[str]] = {}
        for action in menu.actions():
            key = mnemonic(action.text())
            if key and not action.isSeparator() and action.isVisible():
                letters.setdefault(key, []).append(action.text())
        shared.update({f"{menu.title()} {key}": texts for key, texts in letters.items() if len(texts) > 1})
    assert shared == {}
