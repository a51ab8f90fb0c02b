"""The case library's table view as it scrolls: columns sized from the font (the title takes the rest), rows
of one height, set from the font, plain cells drawn by :class:`CaseCellDelegate`. The library and the
library benchmark set the view up here, so that the benchmark measures the table as the program shows it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from mdtboard.ui.cases.table_cells import KIND, NAME, REF, TITLE, UPDATED
from mdtboard.ui.cases.table_delegate import CaseCellDelegate
from mdtboard.ui.cases.table_model import CaseTableModel


def show_cases(table: QTableView, model: CaseTableModel) -> CaseCellDelegate:
    """The library's table showing ``model``: set up (:func:`set_up_table`), its cells drawn by a
    :class:`CaseCellDelegate` reading their text from the model; the delegate."""
    table.setModel(model)
    cells = CaseCellDelegate(model.cell_text, table, text_if_read=model.cell_text_if_read)
    table.setItemDelegate(cells)
    set_up_table(table)
    return cells


def set_up_table(table: QTableView) -> None:
    """The library's table once its model is set: sorted by reference, every column sized by hand but the
    title's, which takes the rest; widths and row heights from the font (:func:`size_columns`)."""
    table.sortByColumn(REF, Qt.SortOrder.AscendingOrder)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
    size_columns(table)


def size_columns(table: QTableView) -> None:
    """Column widths and row heights from the table's font, never from the rows. Called again when the font
    changes."""
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    pad = 3 * metrics.averageCharWidth()
    for column, sample in ((REF, "TEACH-2026-000"), (KIND, "FICTIONAL"), (UPDATED, "2026-12-31 23:59")):
        header.resizeSection(column, metrics.horizontalAdvance(sample) + pad)
    header.resizeSection(NAME, metrics.horizontalAdvance("M") * 18 + pad)
    fix_row_heights(table)


def fix_row_heights(table: QTableView) -> None:
    """Every row one line high (with room around it), from the table's font, never measured from the rows:
    measuring contents would read every row again each time a window of rows arrives, and 100,000 rows
    would no longer scroll smoothly."""
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    metrics = table.fontMetrics()
    rows.setDefaultSectionSize(metrics.height() + metrics.height() // 2 + 4)
