"""The main window's pages are built, and their modules imported, the first time they are shown: the window
is usable once the case library is filled. Alt+1..4 reach every page, built or not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from gui_helpers import WindowFactory, make_window, settings_path
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mdtboard.ui.main_window import CASE, CONFERENCE, LIBRARY

__all__ = ["make_window", "settings_path"]  # fixtures used here

#: Modules no page needs until it is shown.
LAZY = (
    "reportlab",
    "mdtboard.reports",
    "mdtboard.ui.cases.editor",
    "mdtboard.ui.cases.form",
    "mdtboard.ui.cases.display",
    "mdtboard.ui.conference.workspace",
    "mdtboard.ui.careplan.editor",
    "mdtboard.ui.presentation.session",
    "mdtboard.ui.presentation.operator_bar",
    "mdtboard.ui.presentation.big_screen",
    "mdtboard.ui.training.window",
)

#: A new interpreter: the main window on ``argv[1]`` (settings in ``argv[2]``), the modules of LAZY loaded
#: once the window is usable, then after each page is shown with its key.
PROBE = """
import json, sys
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

app = QApplication([])
from mdtboard.ui.main_window import MainWindow

lazy = json.loads(sys.argv[3])
seen = {}
window = MainWindow(QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()

def loaded():
    return sorted(m for m in sys.modules if any(m == n or m.startswith(n + ".") for n in lazy))

def ready():
    seen["ready"] = loaded()
    for key in (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4):
        QTest.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
        seen[f"page {window.current_page()}"] = loaded()
    window.close()
    app.quit()

window.services_ready.connect(lambda: QTimer.singleShot(0, ready))
window.open_database(sys.argv[1])
app.exec()
print(json.dumps(seen))
"""


def _has(loaded: list[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in loaded)


def test_pages_and_their_modules_wait_until_they_are_shown(sqlite_database_url: str, tmp_path: Path) -> None:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, sqlite_database_url, str(tmp_path / "settings.ini"), json.dumps(LAZY)],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["ready"] == []  # usable: none of them loaded
    case, conference, care_plan = seen["page 1"], seen["page 2"], seen["page 3"]
    assert _has(case, "mdtboard.ui.cases.editor")
    assert not _has(case, "mdtboard.ui.conference.workspace")
    assert not _has(case, "mdtboard.ui.careplan.editor")
    assert _has(conference, "mdtboard.ui.conference.workspace")
    assert _has(conference, "mdtboard.ui.presentation.session")  # the timer bar, in the discussion
    assert not _has(conference, "mdtboard.ui.careplan.editor")
    assert _has(care_plan, "mdtboard.ui.careplan.editor")
    assert not _has(care_plan, "mdtboard.ui.training.window")


def test_alt_keys_build_and_show_each_page(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str
) -> None:
    window = make_window(sqlite_database_url)
    care_plan = window.care_plan.page
    assert window.current_page() == LIBRARY
    for page in (CASE, CONFERENCE, care_plan):
        assert window.built_page(page) is None
    assert window.built_editor is None and window.built_workspace is None
    assert window.care_plan.built_editor is None
    for key, page in ((Qt.Key.Key_2, CASE), (Qt.Key.Key_3, CONFERENCE), (Qt.Key.Key_4, care_plan)):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
        assert window.current_page() == page
        built = window.built_page(page)
        assert built is not None and window.ui.pages.currentWidget() is built
    assert window.built_editor is window.built_page(CASE)
    assert window.built_workspace is window.built_page(CONFERENCE)
    assert window.care_plan.built_editor is window.built_page(care_plan)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.current_page() == LIBRARY


def test_a_page_asked_for_is_built_in_its_place(make_window: WindowFactory, sqlite_database_url: str) -> None:
    """Code that needs a page (opening a case, say) builds it where the navigation expects it."""
    window = make_window(sqlite_database_url)
    count = window.ui.pages.count()
    workspace = window.workspace  # built now, not shown
    assert workspace is not None and window.current_page() == LIBRARY
    assert window.ui.pages.count() == count
    assert window.ui.pages.indexOf(workspace) == CONFERENCE + 1
    assert window.workspace is workspace  # once


def test_what_the_first_paint_needs_imports_no_database_layer() -> None:
    """The window is shown before SQLAlchemy, the models or the services are imported (they take several
    times the bare window's start): the modules imported before ``show()`` bring none of them."""
    code = (
        "import json, sys\n"
        "import mdtboard.app, mdtboard.cli, mdtboard.log, mdtboard.ui.crash, mdtboard.ui.main_window\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = json.loads(done.stdout)
    database = ("mdtboard.storage.models", "mdtboard.services.accounts", "mdtboard.services.context")
    heavy = [m for m in loaded if m.split(".")[0] in {"sqlalchemy", "alembic", "reportlab"}
             or m.startswith(database)]
    assert heavy == []


def test_what_the_first_paint_needs_leaves_the_rest_for_later() -> None:
    """Before ``show()`` the program imports only what its window needs for the first paint, beyond what
    PySide6 imports itself: not the log's file handler, the domain's errors, ``dataclasses``, ``datetime`` or
    ``queue`` (for the settings, the clocks and the background operations), the lock screen and the
    accounts' dialogs, the missing database's dialog (each is imported when first used)."""
    code = (
        "import json, sys\n"
        "import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets\n"
        "before = set(sys.modules)\n"
        "import mdtboard.app, mdtboard.cli, mdtboard.log, mdtboard.ui.crash, mdtboard.ui.heap\n"
        "import mdtboard.ui.main_window\n"
        "print(json.dumps(sorted(set(sys.modules) - before)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = json.loads(done.stdout)
    later = (
        "logging.handlers", "platformdirs", "dataclasses", "datetime", "queue", "mdtboard.domain.errors",
        "mdtboard.domain.clocks", "mdtboard.system_packages", "mdtboard.ui.accounts.dialogs",
        "mdtboard.ui.accounts.lock_screen", "mdtboard.ui.missing_database",
    )
    assert [m for m in loaded if m in later] == []
