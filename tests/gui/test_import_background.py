"""A large bundle imports in the background: the window goes on answering, a progress dialog says how far
it got, and Cancel stores nothing of the file (one transaction); on both databases the service does the
same when asked to stop between chunks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import settle, table_snapshot
from gui_helpers import SAMPLE_CASES, WindowFactory, make_window, second_session, settings_path
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from mdtboard.domain.errors import CancelledError
from mdtboard.interchange.bundle import cases_from_bundle, parse_bytes
from mdtboard.services.cases import IMPORT_CHUNK
from mdtboard.services.context import Services

__all__ = ["make_window", "second_session", "settings_path"]  # fixtures, imported for pytest

CASES = IMPORT_CHUNK * 3 + 17


def _big_bundle(path: Path) -> Path:
    data = json.loads(SAMPLE_CASES.read_text("utf-8"))
    template = data["cases"][0]
    data["cases"] = [dict(template, id=f"BIG-{n:05d}") for n in range(CASES)]
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_a_large_import_reports_progress_and_stores_everything(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, tmp_path: Path
) -> None:
    window = make_window(sqlite_database_url)
    bundle = _big_bundle(tmp_path / "big.json")
    job = window.library.import_paths([bundle])
    seen: list[tuple[str, int, int]] = []
    job.progressed.connect(lambda what, done, total: seen.append((what, done, total)))
    with qtbot.waitSignal(job.finished, timeout=120_000) as blocker:
        pass
    stored = blocker.args[0]
    assert isinstance(stored, list) and len(stored) == CASES
    assert ("Checking big.json", 0, 0) in seen  # (reading it was told before this test listened)
    counts = [done for what, done, total in seen if what == "Storing big.json" and total == CASES]
    assert counts == sorted(counts) and counts[-1] == CASES and len(counts) >= 4
    settle()  # the library is read again in the background
    assert window.library.model.total == CASES
    assert window.statusBar().currentMessage().startswith(f"Imported {CASES} cases: {CASES} created")


def test_cancel_stores_nothing_of_the_file(
    qtbot: QtBot,
    make_window: WindowFactory,
    sqlite_database_url: str,
    tmp_path: Path,
    second_session: Services,
) -> None:
    window = make_window(sqlite_database_url)
    before = table_snapshot(second_session.db)
    bundle = _big_bundle(tmp_path / "big.json")
    job = window.library.import_paths([bundle])

    def cancel_once_storing(what: str, done: int, _total: int) -> None:
        # Run on the writer thread as it reports (a direct connection): a person's Cancel, at that moment.
        if what.startswith("Storing") and done >= IMPORT_CHUNK:
            job.cancel_requested.set()

    job.progressed.connect(cancel_once_storing, Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(job.finished, timeout=120_000) as blocker:
        pass
    outcome = blocker.args[0]
    assert isinstance(outcome, CancelledError)
    assert table_snapshot(second_session.db) == before
    assert window.statusBar().currentMessage() == (
        "Importing big.json was cancelled: nothing of that file was imported"
    )
    assert window.library.importing is None

    # The dialog's Cancel button asks the same.
    job = window.library.import_paths([bundle])
    button = job.dialog.findChild(QPushButton)
    assert button is not None and button.text() == "Cancel"
    button.click()
    assert job.cancel_requested.is_set()
    with qtbot.waitSignal(job.finished, timeout=120_000) as blocker:
        pass
    assert table_snapshot(second_session.db) == before


def test_the_service_stops_between_chunks_and_stores_nothing(services: Services) -> None:
    cases = cases_from_bundle(parse_bytes(_big_bundle_bytes(), source="big.json"))
    before = table_snapshot(services.db)
    reports: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        reports.append((done, total))

    with pytest.raises(CancelledError) as info:
        services.cases.store_many(
            cases, source="big.json", progress=progress, cancelled=lambda: len(reports) >= 2
        )
    assert str(info.value) == "Importing big.json was cancelled. Nothing was changed."
    assert reports == [(0, CASES), (IMPORT_CHUNK, CASES)]
    assert table_snapshot(services.db) == before


def _big_bundle_bytes() -> bytes:
    data: dict[str, Any] = json.loads(SAMPLE_CASES.read_text("utf-8"))
    template = data["cases"][0]
    data["cases"] = [dict(template, id=f"BIG-{n:05d}") for n in range(CASES)]
    return json.dumps(data).encode("utf-8")
