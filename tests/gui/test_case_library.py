"""The case library in the main window: search as you type, filter, open, import (file and drop), export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import settle, table_snapshot
from gui_helpers import (
    SAMPLE_CASES,
    WindowFactory,
    import_and_wait,
    load_samples,
    make_window,
    second_session,
    settings_path,
    wait_for_import,
)
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mdtboard.services.context import Services
from mdtboard.ui.cases.table_cells import NAME, REF
from mdtboard.ui.dialogs import ProblemsDialog
from mdtboard.ui.main_window import CASE, LIBRARY

pytestmark = pytest.mark.gui
COPY, LEFT, NO_KEYS = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
__all__ = ["make_window", "second_session", "settings_path"]  # fixtures used here


def _refs(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.library.model
    return [model.index(row, REF).data() for row in range(model.rowCount())]


def test_search_as_you_type_ignores_accents(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, second_session: Services
) -> None:
    load_samples(second_session.cases)
    window = make_window(sqlite_database_url)
    assert window.library.model.total == 5
    window.ui.actionFind.trigger()
    search = window.library.ui.searchEdit
    assert search.hasFocus()
    qtbot.keyClicks(search, "zoe")
    # the search is read in the background: the rows of before stay until its rows arrive
    qtbot.waitUntil(lambda: window.library.ui.countLabel.text() == "1 case")
    assert _refs(window) == ["MDT-002"]
    assert window.library.model.index(0, NAME).data() == "Zoë Ørsted"
    assert window.library.ui.countLabel.text() == "1 case"
    # Enter goes to the list, Enter again opens the case in the editor.
    qtbot.keyClick(search, Qt.Key.Key_Return)
    table = window.library.ui.caseTable
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page() == CASE)  # the case is read in the background
    assert window.editor.current_case_id() == second_session.cases.get_by_ref("MDT-002").id
    assert window.editor.ui.nameEdit.text() == "Zoë Ørsted"


def test_filter_real_and_fictional(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, second_session: Services
) -> None:
    load_samples(second_session.cases)
    real = second_session.cases.get_by_ref("MDT-004")
    real.fictional = False
    second_session.cases.update(real)
    window = make_window(sqlite_database_url)
    combo = window.library.ui.filterCombo
    combo.setCurrentIndex(1)  # real only
    settle()  # read in the background
    assert _refs(window) == ["MDT-004"]
    assert window.library.model.index(0, 3).data() == "Real"
    combo.setCurrentIndex(2)  # fictional only, shown with a text badge
    settle()
    assert _refs(window) == ["MDT-001", "MDT-002", "MDT-006", "MDT-008"]
    assert {window.library.model.index(r, 3).data() for r in range(4)} == {"FICTIONAL"}


def test_import_a_good_bundle_refreshes_the_library(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str
) -> None:
    window = make_window(sqlite_database_url)
    assert window.library.model.total == 0
    stored = import_and_wait(qtbot, window.library, [SAMPLE_CASES])
    assert isinstance(stored, list) and len(stored) == 5
    settle()  # the library is read again in the background
    assert _refs(window) == ["MDT-001", "MDT-002", "MDT-004", "MDT-006", "MDT-008"]
    assert window.statusBar().currentMessage() == "Imported 5 cases: 5 created, 0 updated"
    import_and_wait(qtbot, window.library, [SAMPLE_CASES])
    assert window.statusBar().currentMessage() == "Imported 5 cases: 0 created, 5 updated"


def _drop(window, path: Path) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(50, 50), COPY, mime, LEFT, NO_KEYS)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted(), "the window refused a .json file"
    drop = QDropEvent(QPointF(50, 50), COPY, mime, LEFT, NO_KEYS)
    QApplication.sendEvent(window, drop)


def test_dropping_a_bad_bundle_lists_every_json_path_and_imports_nothing(
    qtbot: QtBot,
    make_window: WindowFactory,
    sqlite_database_url: str,
    tmp_path: Path,
    second_session: Services,
) -> None:
    load_samples(second_session.cases)
    before = table_snapshot(second_session.db)
    data = json.loads(SAMPLE_CASES.read_text("utf-8"))
    data["cases"][0]["patient"]["display_name"] = "Changed, must not be stored"
    data["cases"][2]["scores"]["nrs"] = 11
    data["cases"][4]["patient"]["age"] = "fifty"
    bad = tmp_path / "bad-bundle.json"
    bad.write_text(json.dumps(data), "utf-8")
    window = make_window(sqlite_database_url)
    window.show_page(CASE)
    _drop(window, bad)
    wait_for_import(qtbot, window.library)
    assert window.current_page() == LIBRARY
    dialog = window.library.findChild(ProblemsDialog)
    assert dialog is not None and dialog.isVisible()
    rows = dict(dialog.rows())
    assert "cases[2].scores.nrs" in rows and "10" in rows["cases[2].scores.nrs"]
    assert "cases[4].patient.age" in rows
    assert str(bad) in dialog.intro.text() and "Nothing was imported" in dialog.intro.text()
    assert table_snapshot(second_session.db) == before
    assert "nothing was imported" in window.statusBar().currentMessage()
    dialog.reject()


def test_dropping_something_else_is_refused(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, tmp_path: Path
) -> None:
    window = make_window(sqlite_database_url)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    enter = QDragEnterEvent(QPoint(5, 5), COPY, mime, LEFT, NO_KEYS)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_export_selected_cases(
    qtbot: QtBot,
    make_window: WindowFactory,
    sqlite_database_url: str,
    tmp_path: Path,
    second_session: Services,
) -> None:
    load_samples(second_session.cases)
    window = make_window(sqlite_database_url)
    table = window.library.ui.caseTable
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    refs: list[list[str]] = []
    window.library.read_selected_refs(refs.append)
    settle()
    assert refs == [["MDT-002", "MDT-004"]]
    out = tmp_path / "out.json"
    window.library.export_to(out, refs[0])
    settle()
    exported = json.loads(out.read_text("utf-8"))
    assert [c["id"] for c in exported["cases"]] == ["MDT-002", "MDT-004"]
    assert window.statusBar().currentMessage() == f"Exported 2 cases to {out}"


def test_sharing_restrictions_of_the_selected_case_are_shown(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, second_session: Services
) -> None:
    load_samples(second_session.cases)
    restricted = second_session.cases.get_by_ref("MDT-004")
    restricted.sharing_restrictions = "Staff member: not on the big screen"
    second_session.cases.update(restricted)
    window = make_window(sqlite_database_url)
    assert window.library is not None
    table = window.library.ui.caseTable
    banner = window.library.ui.sharingBanner
    table.setFocus()
    table.selectRow(2)
    qtbot.waitUntil(banner.isVisible)
    assert banner.text() == "\u2691 SHARING RESTRICTED (MDT-004): Staff member: not on the big screen"
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: not banner.isVisible())


def test_an_empty_library_filled_selects_its_first_case(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, second_session: Services
) -> None:
    """As after the demo cases are loaded on a first start: the buttons act on a case, Enter opens it."""
    window = make_window(sqlite_database_url)
    library = window.library
    assert library.model.rowCount() == 0
    load_samples(second_session.cases)
    library.refresh()
    settle()  # read in the background
    assert library.ui.caseTable.currentIndex().row() == 0
    assert library.ui.openButton.isEnabled()
