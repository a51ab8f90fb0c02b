"""The case library's table view as it scrolls: rows of one height, set from the font."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView


def fix_row_heights(table: QTableView) -> None:
    """Every row one line high (with room around it), from the table's font, never measured from the rows:
    measuring contents would read every row again each time a window of rows arrives, and 100,000 rows
    would no longer scroll smoothly. Called again when the font changes."""
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    metrics = table.fontMetrics()
    rows.setDefaultSectionSize(metrics.height() + metrics.height() // 2 + 4)
