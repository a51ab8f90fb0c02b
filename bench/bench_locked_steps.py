"""Undo of a change to a case not on screen, restoring a backup with typing pending, and the care plan's
print preview, while another session holds the database for 2 s (``bench/locked_steps.py``): the longest
event-loop stall, on SQLite and PostgreSQL (restoring: SQLite only). Baseline: the same work on the GUI
thread, as the program did before (the opening waited for, the save waited for, QtPdf drawing the pages).
Target: under 50 ms. The noise floor (the heartbeat alone over the same spans) is shown too.
"""

from __future__ import annotations

import os
from typing import Any

from bench.measure import progress

TARGET_STALL_MS = 50.0
POSTGRES_URL = os.environ.get(
    "MDTBOARD_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def run() -> dict[str, Any]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from bench import locked_ops, locked_steps

    app = QApplication.instance() or QApplication([])
    rows: list[Any] = []
    details: dict[str, Any] = {}
    progress("undo of a case not shown, restoring a backup, print preview, while the database is held")
    held_rows, skipped = locked_ops.run_all(app, POSTGRES_URL, locked_steps.measure, "bench_locked_steps")
    locked_ops.report(held_rows, skipped, rows, details, TARGET_STALL_MS)
    return {"rows": rows, "details": details}
