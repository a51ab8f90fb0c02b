"""Help > Backups in the real main window: list, back up now, restore (which starts the program again);
restoring with typing pending queues it after the save (never waited for on the GUI thread), or refuses
when the save fails."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Ticks, held_for, settle, sqlite_locked
from gui_helpers import make_window, settings_path
from gui_thread_sql import watch_gui_thread
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Case, Patient
from mdtboard.services.context import Services, open_services
from mdtboard.storage import db as storage_db
from mdtboard.storage.db import sqlite_url
from mdtboard.ui import ops
from mdtboard.ui.cases.editor import CaseEditor
from mdtboard.ui.main_window import MainWindow
from mdtboard.ui.safety.backups import BackupsDialog

__all__ = ["make_window", "settings_path"]

HOLD_S = 0.8  # well under the busy timeout (8 s)
#: The longest gap between two turns of the event loop allowed while the database is held (a save waited
#: for on the GUI thread makes one as long as the hold): a did-it-block check.
GAP_S = 0.5


def test_backups_are_listed_made_and_restored(qtbot: QtBot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = sqlite_url(tmp_path / "db.sqlite3")
    first = open_services(url)
    first.cases.create(Case(ref="K-1", fictional=True, patient=Patient(display_name="Kai"), title="Knee"))
    first.close()
    window: MainWindow = make_window(url)
    with qtbot.waitSignal(window.database_checked, timeout=10_000):
        pass  # once the window is usable, the opened file is checked and the day's backup taken
    action = window.safety.action_backups
    assert action.isEnabled() and action in window.ui.menuHelp.actions()
    dialog = window.safety.open_backups()
    assert dialog is not None
    ops.operations().wait()
    assert dialog.list.count() == 1 and "daily" in dialog.list.item(0).text()

    assert window.services is not None
    window.services.cases.create(
        Case(ref="K-2", fictional=True, patient=Patient(display_name="Kim"), title="x")
    )
    dialog.backup_button.click()
    ops.operations().wait()
    ops.operations().wait()  # the refreshed list
    assert dialog.list.count() == 2 and "made by hand" in dialog.list.item(0).text()
    assert all(os.stat(p).st_mode & 0o077 == 0 for p in (tmp_path / "db-backups").iterdir())

    restarted: list[bool] = []
    window.safety._restart = lambda: restarted.append(True)
    dialog.list.setCurrentRow(1)  # the daily backup: K-1 only
    box = dialog.ask_restore()
    assert box is not None and "kept" in box.text()
    restore = next(b for b in box.buttons() if b.text() == "&Restore")
    restore.click()
    ops.operations().wait()
    done = window.safety.last_box
    assert isinstance(done, QMessageBox) and "before-restore" in done.text()
    done.accept()
    qtbot.waitUntil(lambda: bool(restarted))
    assert not window.isVisible()
    again = open_services(url)
    assert [c.ref for c in again.cases.search("", limit=None)] == ["K-1"]
    again.close()


def test_a_database_others_can_read_is_told_when_the_window_opens(make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "db.sqlite3"
    open_services(sqlite_url(path)).close()
    os.chmod(path, 0o644)
    window: MainWindow = make_window(sqlite_url(path))
    box = window.safety.last_box
    assert isinstance(box, QMessageBox) and "Other users of this computer can read" in box.text()
    box.accept()


@pytest.fixture
def with_typing(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[Services, CaseEditor, BackupsDialog]]:
    """A database with one case and a backup of it; the case open in a case editor with typing pending,
    Help > Backups' dialog on that backup, flushing that editor as the window flushes its editors."""
    services = open_services(sqlite_url(tmp_path / "db.sqlite3"))
    case = services.cases.create(
        Case(ref="K-1", fictional=True, patient=Patient(display_name="Kai"), title="Knee")
    )
    services.backups.backup_now()
    stack = QUndoStack()
    editor = CaseEditor(services, stack)
    stack.setParent(editor)  # Qt's to delete with the editor, on the GUI thread
    qtbot.addWidget(editor)
    assert case.id is not None and editor.open_case(case.id)
    settle()
    editor.ui.titleEdit.setFocus()
    qtbot.keyClick(editor.ui.titleEdit, Qt.Key.Key_End)
    qtbot.keyClicks(editor.ui.titleEdit, " (typed)")
    assert editor.pending
    dialog = BackupsDialog(services.backups, flush=editor.flush)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    yield services, editor, dialog
    assert ops.operations().wait(30)
    services.close()


def test_restoring_with_typing_pending_is_queued_after_its_save_or_refused_when_it_fails(
    qtbot: QtBot, with_typing: tuple[Services, CaseEditor, BackupsDialog], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Restore pressed while another program holds the database and typing is pending: the save is queued,
    not waited for on the GUI thread. When nobody answers, the save fails and nothing is restored; once
    the database answers, the restore runs after the save, so the typing is in the contents kept."""
    services, editor, dialog = with_typing
    path = dialog.selected()
    assert path is not None
    restored: list[str] = []
    dialog.restored.connect(restored.append)

    def kept() -> list[Path]:
        return [p for p in (tmp_path / "db-backups").iterdir() if "before-restore" in p.name]

    with monkeypatch.context() as patched:
        patched.setattr(storage_db, "BUSY_TIMEOUT_MS", 100)
        with sqlite_locked(services.db):  # nobody answers: the save fails
            dialog.restore(path)
            qtbot.waitUntil(lambda: "nothing was restored" in dialog.message.text(), timeout=10_000)
        settle()
    assert not restored and dialog.restore_button.isEnabled() and not kept()

    services.db.engine.dispose()  # (connections with the usual busy timeout again)
    editor.ui.titleEdit.setFocus()
    qtbot.keyClicks(editor.ui.titleEdit, " again")
    assert editor.pending
    with watch_gui_thread(services.db.engine) as noted:
        with held_for(services.db, HOLD_S, ("cases",)):
            ticks = Ticks()
            dialog.restore(path)
            said = dialog.message.text()
            qtbot.wait(int(HOLD_S * 1000) - 300)  # while held
            ticks.stop()
            assert ticks.longest < GAP_S, f"the event loop stood still {ticks.longest:.2f} s"
            assert said.startswith("Saving what is typed") and not restored
        qtbot.waitUntil(lambda: bool(restored), timeout=10_000)
    assert not noted, f"SQL sent from the GUI thread:\n{noted}"
    assert len(kept()) == 1 and kept()[0].name in restored[0]
    aside = open_services(sqlite_url(kept()[0]))
    assert aside.cases.get_by_ref("K-1").title == "Knee (typed) again"  # saved first, then restored over
    aside.close()
