"""The case library sends no SQL from the GUI thread: walking it (a search typed, the filter changed, a far
scroll, a refresh after an edit, a new case revealed behind a search) every statement runs on the reader
thread, on SQLite and on PostgreSQL; and while another program holds the SQLite file, typing a search keeps
the window answering ("Searching…", the rows of before shown), the results appearing once it lets go."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Ticks, held_for, settle, sqlite_locked
from gui_thread_sql import watch_gui_thread
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Case, Patient
from mdtboard.services.context import Services, open_services
from mdtboard.ui import ops
from mdtboard.ui.cases.library import CaseLibrary
from mdtboard.ui.cases.table_cells import CASE_ID_ROLE, PLACEHOLDER, REF
from mdtboard.ui.cases.table_model import PAGE_SIZE

pytestmark = pytest.mark.gui

MANY = 7 * PAGE_SIZE + 37  # more windows than the first and those read ahead
HOLD_MS = 400  # well under the busy timeout (8 s)
#: How long an export waits for the database held (under the busy and lock timeouts: it then goes on).
HELD_S = 1.5
#: The longest gap between two turns of the event loop allowed meanwhile (a did-it-block check).
GAP_S = 0.5


def _cases(count: int) -> list[Case]:
    return [
        Case(
            ref=f"GEN-{i:05d}",
            fictional=i % 2 == 0,
            patient=Patient(display_name=f"Patient N{i:05d}"),
            title=f"Generated case {i}",
        )
        for i in range(count)
    ]


def _library(qtbot: QtBot, services: Services) -> CaseLibrary:
    library = CaseLibrary(services)
    qtbot.addWidget(library)
    library.resize(900, 600)
    library.show()
    qtbot.waitExposed(library)
    library.activateWindow()  # for the focus to move to the table on Return
    qtbot.waitUntil(library.isActiveWindow)
    return library


def _idle(qtbot: QtBot, library: CaseLibrary) -> None:
    """Until the search typed has been read (its debounce fired, its rows arrived)."""
    qtbot.waitUntil(lambda: not library._search_timer.isActive())  # noqa: SLF001 - the debounce
    settle()


def _current_ref(library: CaseLibrary) -> str | None:
    summary = library.current_summary()
    return None if summary is None else summary.ref


def test_walking_the_library_sends_no_sql_from_the_gui_thread(qtbot: QtBot, services: Services) -> None:
    services.cases.store_many(_cases(MANY))
    with watch_gui_thread(services.db.engine) as noted:
        library = _library(qtbot, services)
        model, table = library.model, library.ui.caseTable
        settle()
        assert model.total == MANY and _current_ref(library) == "GEN-00000"
        # a search typed, then Return: the table has the focus, the first match is selected on arrival
        qtbot.keyClicks(library.ui.searchEdit, "gen-0012")
        qtbot.keyClick(library.ui.searchEdit, Qt.Key.Key_Return)
        assert table.hasFocus()
        _idle(qtbot, library)
        assert model.total == 10 and _current_ref(library) == "GEN-00120"
        assert library.ui.countLabel.text() == "10 cases"
        assert not noted, f"SQL sent from the GUI thread:\n{noted}"
        # the filter changed: real cases only (the odd ones)
        library.ui.filterCombo.setCurrentIndex(1)
        settle()
        assert model.total == 5 and _current_ref(library) == "GEN-00121"
        library.ui.filterCombo.setCurrentIndex(0)
        library.ui.searchEdit.clear()
        _idle(qtbot, library)
        assert model.total == MANY
        # a far scroll: the rows not in memory show placeholders, read in the background
        last = model.index(MANY - 1, REF)
        assert last.data() == PLACEHOLDER[REF] == "…"
        with qtbot.waitSignal(model.dataChanged, timeout=10_000):
            table.scrollToBottom()
            qtbot.wait(1)
        qtbot.waitUntil(lambda: last.data() == f"GEN-{MANY - 1:05d}", timeout=10_000)
        assert not noted, f"SQL sent from the GUI thread:\n{noted}"
        table.setCurrentIndex(model.index(MANY - 3, REF))
        kept = table.currentIndex().data(CASE_ID_ROLE)
        assert isinstance(kept, int)
        scroll = table.verticalScrollBar().value()
        # an edit (made in the background, as the editor saves), then a refresh keeps case and scroll
        case = ops.read(lambda: services.cases.get(kept))
        settle()
        edited = case.result
        edited.title = "Edited in the meeting"
        ops.write(lambda: services.cases.update(edited))
        settle()
        library.refresh()
        assert library.ui.countLabel.text() == "Searching…"
        settle()
        assert library.current_summary() is not None
        assert library.current_summary().id == kept  # type: ignore[union-attr]
        assert library.current_summary().title == "Edited in the meeting"  # type: ignore[union-attr]
        assert table.verticalScrollBar().value() == scroll
        # a new case, hidden by the search shown: the search is cleared to show it once read again
        library.ui.searchEdit.setText("gen-0000")
        _idle(qtbot, library)
        assert model.total == 10
        new = Case(ref="NEW-001", fictional=True, patient=Patient(display_name="New"))
        made = ops.write(lambda: services.cases.create(new))
        settle()
        messages: list[str] = []
        library.status_message.connect(messages.append)
        library.show_when_refreshed(made.result.id)
        library.refresh()
        settle()
        assert library.ui.searchEdit.text() == "" and model.total == MANY + 1
        assert _current_ref(library) == "NEW-001"
        assert messages == ["The search and filter were cleared to show the new case."]
        # a case far down selected by its id: its row found in the background
        far_ref = f"GEN-{MANY - 101:05d}"
        far = ops.read(lambda: services.cases.get_by_ref(far_ref).id)
        settle()
        table.scrollToTop()
        with qtbot.waitCallback() as selected:
            library.select_case(far.result, selected)
            settle()
        selected.assert_called_with(True)
        assert _current_ref(library) == far_ref and table.currentIndex().row() == MANY - 101
    assert not noted, f"SQL sent from the GUI thread:\n{noted}"
    assert noted.elsewhere > 0  # the guard listened: the reads ran on the reader thread


@pytest.fixture
def sqlite_services(sqlite_database_url: str) -> Iterator[Services]:
    services = open_services(sqlite_database_url)
    services.cases.store_many(_cases(30))
    yield services
    services.close()


def test_typing_a_search_while_the_database_is_held_keeps_the_window_answering(
    qtbot: QtBot, sqlite_services: Services
) -> None:
    library = _library(qtbot, sqlite_services)
    settle()
    model = library.model
    assert model.total == 30 and _current_ref(library) == "GEN-00000"
    with sqlite_locked(sqlite_services.db):
        ticks = Ticks()
        qtbot.keyClicks(library.ui.searchEdit, "gen-0002")
        qtbot.keyClick(library.ui.searchEdit, Qt.Key.Key_Return)
        qtbot.wait(HOLD_MS)  # the event loop runs while the search waits for the database
        ticks.stop()
        assert library.ui.countLabel.text() == "Searching…"
        assert model.rowCount() == 30 and model.index(0, REF).data() == "GEN-00000"  # the rows of before
        assert library.ui.caseTable.hasFocus()
    assert ticks.count >= 5  # about 40 in 400 ms; a GUI thread waiting for the lock would give none
    qtbot.waitUntil(lambda: library.ui.countLabel.text() == "10 cases", timeout=10_000)
    assert [model.index(r, REF).data() for r in range(model.rowCount())] == [
        f"GEN-{i:05d}" for i in range(20, 30)
    ]
    assert _current_ref(library) == "GEN-00020"  # Return's first match, selected once it arrived


def _select_near_and_far(library: CaseLibrary) -> list[str]:
    """Select the second row and one far down (its window not in memory, never shown); their refs."""
    model, selection = library.model, library.ui.caseTable.selectionModel()
    rows = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(model.index(1, REF), QItemSelectionModel.SelectionFlag.ClearAndSelect | rows)
    selection.select(model.index(MANY - 2, REF), rows)
    return ["GEN-00001", f"GEN-{MANY - 2:05d}"]


def test_exporting_while_the_database_is_held_keeps_the_window_answering(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Export selected…: the references of the selected rows not in memory, the file and its record in
    the audit trail are read and written in the background, on SQLite (the file held exclusively) and on
    PostgreSQL (the audit trail held): the event loop turns meanwhile, and the file is written once the
    database is free."""
    services.cases.store_many(_cases(MANY))
    library = _library(qtbot, services)
    settle()
    wanted = _select_near_and_far(library)
    out = tmp_path / "exported.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    messages: list[str] = []
    library.status_message.connect(messages.append)
    with watch_gui_thread(services.db.engine) as noted:
        with held_for(services.db, HELD_S, ("audit_log",)):
            ticks = Ticks()
            library.export_action.trigger()
            qtbot.wait(int(HELD_S * 1000) - 300)  # while held (what comes after it is not timed)
            ticks.stop()
        assert ticks.longest < GAP_S, f"the event loop stood still {ticks.longest:.2f} s"
        settle()
    assert not noted, f"SQL sent from the GUI thread:\n{noted}"
    assert noted.elsewhere > 0
    exported = json.loads(out.read_text("utf-8"))
    assert [c["id"] for c in exported["cases"]] == wanted
    assert messages[-1] == f"Exported 2 cases to {out}"


def test_an_export_that_cannot_read_the_database_is_told(
    qtbot: QtBot, sqlite_database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database held longer than the program waits for it: the export fails in the background and
    the person is told (a message box, "Export failed" in the status bar); no file is written."""
    from mdtboard.storage import db as storage_db

    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_MS", 100)
    services = open_services(sqlite_database_url)
    try:
        services.cases.store_many(_cases(MANY))
        library = _library(qtbot, services)
        settle()
        _select_near_and_far(library)
        out = tmp_path / "exported.json"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
        messages: list[str] = []
        library.status_message.connect(messages.append)
        with held_for(services.db, HELD_S, ()):
            library.export_action.trigger()
            qtbot.waitUntil(lambda: "Export failed" in messages, timeout=10_000)
        boxes = [b for b in library.findChildren(QMessageBox) if b.windowTitle() == "Cases not exported"]
        assert len(boxes) == 1 and "could not be read" in boxes[0].text()
        assert not out.exists()
        settle()
    finally:
        services.close()
