"""The program's start on a SQLite file at its schema: the case library is built and filled with reads
through bare ``sqlite3`` while SQLAlchemy and the services load behind it (mdtboard.ui.startup), showing the
same rows as the case service; searching works at once; a case asked for meanwhile opens once the services
are ready; what changes cases waits for them; then the library goes on with the service. A window that
requires signing in shows no case meanwhile."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import OPEN_TIMEOUT_MS, close_window, load_samples
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Case, Patient
from mdtboard.services.context import Services, open_services
from mdtboard.ui import startup
from mdtboard.ui.accounts.lock_screen import Curtain
from mdtboard.ui.cases.table_cells import COLUMNS
from mdtboard.ui.cases.table_model import CaseTableModel
from mdtboard.ui.main_window import CASE, MainWindow
from mdtboard.ui.startup import DatabaseOpener


@pytest.fixture
def filled_url(sqlite_database_url: str) -> str:
    """A SQLite file at the program's schema with the sample cases and 250 more (two windows of rows),
    real and fictional, one archived."""
    services = open_services(sqlite_database_url)
    try:
        load_samples(services.cases)
        for i in range(250):
            services.cases.create(
                Case(ref=f"QS-{i:03d}", fictional=i % 2 == 0, patient=Patient(f"Smith Nguyễn {i}"),
                     title=None if i % 7 == 0 else "Low back pain")
            )
        services.cases.archive(services.cases.search("QS-001", limit=1)[0].id)
    finally:
        services.close()
    return sqlite_database_url


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[DatabaseOpener]]:
    """The opening thread waits, after the library's first page, until the test lets it go on."""
    openers: list[DatabaseOpener] = []
    monkeypatch.setattr(startup, "GLIMPSE_WAIT_S", 120.0)
    monkeypatch.setattr(DatabaseOpener, "go_on", lambda self: openers.append(self))
    yield openers
    for opener in openers:
        opener._shown.set()


def rows(model: CaseTableModel, count: int | None = None) -> list[list[str]]:
    shown = model.rowCount() if count is None else min(count, model.rowCount())
    return [[model.index(r, c).data() for c in range(len(COLUMNS))] for r in range(shown)]


def service_rows(url: str, query: str = "") -> tuple[list[list[str]], int]:
    """The library's first page as the case service gives it (a model of its own, reading at once)."""
    services = open_services(url)
    try:
        model = CaseTableModel(services.cases)
        model.set_query(query)
        return rows(model, 200), model.total
    finally:
        services.close()


def new_window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_library_shows_the_services_rows_before_they_are_open_then_goes_on_with_them(
    qtbot: QtBot, tmp_path: Path, filled_url: str, held: list[DatabaseOpener]
) -> None:
    window = new_window(qtbot, tmp_path)
    with qtbot.waitSignal(window.library_filled, timeout=OPEN_TIMEOUT_MS):
        window.open_database(filled_url)
    library = window.library
    assert library is not None and window.services is None and library.services is None
    expected, total = service_rows(filled_url)
    assert rows(library.model, 200) == expected and library.model.total == total == 254
    assert library.ui.countLabel.text() == "254 cases"
    # what changes cases waits for the services; opening a case is asked for as always
    assert library.ui.openButton.isEnabled()
    for button in (library.ui.duplicateButton, library.ui.deleteButton, library.ui.archiveButton,
                   library.ui.newButton, library.ui.importButton, library.ui.exportButton):
        assert not button.isEnabled()
    # searching, and the second window of rows, through sqlite3 meanwhile
    with qtbot.waitSignal(library.model.loaded, timeout=OPEN_TIMEOUT_MS):
        library.ui.searchEdit.setText("smith nguyen 1")
    assert (rows(library.model), library.model.total) == service_rows(filled_url, "smith nguyen 1")
    with qtbot.waitSignal(library.model.loaded, timeout=OPEN_TIMEOUT_MS):
        library.ui.searchEdit.setText("")
    library.ui.caseTable.scrollToBottom()
    qtbot.waitUntil(lambda: library.model.index(253, 0).data() not in (None, "…"), timeout=OPEN_TIMEOUT_MS)
    wanted = library.model.summary(3)
    library.ui.caseTable.selectRow(3)
    library.open_current()  # before the services: opened once they are ready
    assert window.services is None and window.built_editor is None
    assert len(held) == 1
    with qtbot.waitSignal(window.services_ready, timeout=OPEN_TIMEOUT_MS):
        held[0]._shown.set()
    services = window.services
    assert services is not None and library.services is services
    assert library.model._service is services.cases  # the library reads through the service now
    qtbot.waitUntil(lambda: window.current_page() == CASE, timeout=OPEN_TIMEOUT_MS)
    editor = window.built_editor
    assert editor is not None and editor.current_case_id() == wanted.id
    assert library.ui.duplicateButton.isEnabled() and library.ui.newButton.isEnabled()
    # searching, and an edit, through the service
    window.show_page(0)
    with qtbot.waitSignal(library.model.loaded, timeout=OPEN_TIMEOUT_MS):
        library.ui.searchEdit.setText("QS-002")
    assert [row[0] for row in rows(library.model)] == ["QS-002"]
    services.cases.archive(library.model.summary(0).id)
    with qtbot.waitSignal(library.model.loaded, timeout=OPEN_TIMEOUT_MS):
        library.refresh()
    assert library.model.rowCount() == 0
    close_window(qtbot, window)


def test_a_change_saved_elsewhere_while_the_services_load_reaches_the_library(
    qtbot: QtBot, tmp_path: Path, filled_url: str, held: list[DatabaseOpener]
) -> None:
    """Live updates start from the newest change when the library was filled, not when they start."""
    window = new_window(qtbot, tmp_path)
    with qtbot.waitSignal(window.library_filled, timeout=OPEN_TIMEOUT_MS):
        window.open_database(filled_url)
    library = window.library
    assert library is not None and library.model.rowCount() == 254
    first = library.model.summary(0)
    archive = (  # another program (another PC, say) archives the first case
        "import sys\nfrom mdtboard.services.context import open_services\n"
        "s = open_services(sys.argv[1])\ns.cases.archive(int(sys.argv[2]))\ns.close()\n"
    )
    subprocess.run([sys.executable, "-c", archive, filled_url, str(first.id)], check=True, timeout=120)
    qtbot.waitUntil(lambda: len(held) == 1)
    with qtbot.waitSignal(window.services_ready, timeout=OPEN_TIMEOUT_MS):
        held[0]._shown.set()
    qtbot.waitUntil(lambda: library.model.rowCount() == 253, timeout=OPEN_TIMEOUT_MS)
    assert library.model.summary(0).id != first.id
    close_window(qtbot, window)


def test_a_window_that_requires_signing_in_shows_no_case_meanwhile(
    qtbot: QtBot, tmp_path: Path, filled_url: str, held: list[DatabaseOpener]
) -> None:
    window = new_window(qtbot, tmp_path)
    window.people.required = True
    covered: list[bool] = []

    def filled() -> None:
        curtains = [c for c in window.findChildren(Curtain) if c.isVisible()]
        covered.append(any(c.geometry() == window.rect() and c.label.text() == "Opening…" for c in curtains))

    window.library_filled.connect(filled)
    with qtbot.waitSignal(window.library_filled, timeout=OPEN_TIMEOUT_MS):
        window.open_database(filled_url)
    assert covered == [True]
    assert window.library is not None and window.library.model.rowCount() > 0
    qtbot.waitUntil(lambda: len(held) == 1)  # the library painted: the opener may go on
    with qtbot.waitSignal(window.services_ready, timeout=OPEN_TIMEOUT_MS):
        held[0]._shown.set()
    assert window.people.locked  # the lock screen (or the first start) in its place
    window.people.wait_started()
    opening = [c for c in window.findChildren(Curtain) if c.isVisible() and c.label.text() == "Opening…"]
    assert opening == []
    close_window(qtbot, window)


def test_a_database_to_upgrade_waits_for_the_services(
    qtbot: QtBot, tmp_path: Path, filled_url: str, held: list[DatabaseOpener]
) -> None:
    """Not at the program's schema: nothing is shown before the ordinary opening (and its checks)."""
    import sqlalchemy as sa

    engine = sa.create_engine(filled_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'f00000000000'"))
    engine.dispose()
    window = new_window(qtbot, tmp_path)
    filled: list[Services | None] = []
    window.library_filled.connect(lambda: filled.append(window.services))
    with qtbot.waitSignal(window.database_failed, timeout=OPEN_TIMEOUT_MS, raising=False):
        window.open_database(filled_url)
        qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=OPEN_TIMEOUT_MS)
        assert window.library is None and filled == [] and held == []
        window.last_dialog.close()  # "written by a newer mdtboard": the program closes


#: A new interpreter: the main window on ``argv[1]`` (settings in ``argv[2]``); the modules loaded when
#: the library has been filled, and once the services are ready.
PROBE = """
import json, sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([])
from mdtboard.ui.main_window import MainWindow

seen = {}
window = MainWindow(QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()

def loaded():
    return sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "alembic", "reportlab")
                  or m.startswith(("mdtboard.storage.models", "mdtboard.services.cases")))

def filled():
    seen["filled"] = loaded()
    seen["rows"] = window.library.model.rowCount()

def ready():
    seen["ready"] = loaded()
    window.close()
    app.quit()

window.library_filled.connect(filled)
window.services_ready.connect(lambda: QTimer.singleShot(0, ready))
window.open_database(sys.argv[1])
app.exec()
print(json.dumps(seen))
"""


def test_the_library_is_filled_before_the_database_layer_is_imported(filled_url: str, tmp_path: Path) -> None:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, filled_url, str(tmp_path / "settings.ini")],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["rows"] == 254
    assert seen["filled"] == []
    assert "sqlalchemy" in seen["ready"] and "mdtboard.services.cases" in seen["ready"]
