"""File > Case history in the real main window: the open case's changes, newest first, and the chain."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import sqlalchemy as sa
from conftest import settle
from gui_helpers import make_window, settings_path
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Case, Patient
from mdtboard.services.context import open_services
from mdtboard.storage.db import sqlite_url
from mdtboard.ui import ops
from mdtboard.ui.main_window import MainWindow

__all__ = ["make_window", "settings_path"]


def test_history_of_the_open_case(qtbot: QtBot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = sqlite_url(tmp_path / "db.sqlite3")
    services = open_services(url)
    case = services.cases.create(
        Case(ref="H-1", fictional=True, patient=Patient(display_name="Hana"), title="a")
    )
    case = services.cases.update(replace(case, title="b", one_liner="c"))
    services.close()
    window: MainWindow = make_window(url)
    assert window.safety.action_history.isEnabled()
    assert window.safety.open_history() is None  # no case open: says so
    window.open_case(case.id or 0)
    settle()
    ops.operations().wait()
    window.safety.action_history.trigger()
    dialog = window.safety.history_dialog
    assert dialog is not None
    ops.operations().wait()
    assert dialog.windowTitle() == "History of H-1"
    assert dialog.tree.topLevelItemCount() == 2
    newest = dialog.tree.topLevelItem(0)
    assert newest is not None
    assert [newest.text(i) for i in (2, 3, 4, 5)] == ["update", "case 1", "one liner, title", "0→1"]
    assert "intact (2 records checked)" in dialog.chain.text()
    assert "Hana" not in "".join(newest.text(i) for i in range(6))

    assert window.services is not None
    with window.services.db.engine.begin() as conn:
        conn.execute(sa.text("UPDATE audit_log SET fields = '[]' WHERE id = 2"))
    dialog.refresh()
    ops.operations().wait()
    assert "broken at record 2" in dialog.chain.text()
