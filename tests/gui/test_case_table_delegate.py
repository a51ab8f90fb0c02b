"""The case library's cells drawn by its own delegate look exactly as Qt's delegate draws them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEventLoop, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Case, Patient
from mdtboard.services.context import Services, open_services
from mdtboard.ui.cases.table_cells import COLUMNS, TITLE
from mdtboard.ui.cases.table_delegate import CaseCellDelegate
from mdtboard.ui.cases.table_model import CaseTableModel
from mdtboard.ui.cases.table_view import set_up_table, show_cases, size_columns

pytestmark = pytest.mark.gui

NAMES = ("Nguyễn Thị Linh", "Şule Özkan", "Jyrki Kjærsgaard", "李秀兰", "Ана Петровић", "O'Connell-Dupré")
TITLES = (
    "Complex regional pain syndrome type 1, right hand, after distal radius fracture, with depression",
    "",
    None,
    "Fibromyalgia",
    "Two lines:\nthe second one",
    "Chronic neck pain\twith a tab",
)


def _cases() -> list[Case]:
    return [
        Case(
            ref=f"DLG-{i:04d}",
            fictional=i % 2 == 0,
            patient=Patient(display_name=NAMES[i % len(NAMES)]),
            title=TITLES[i % len(TITLES)],
        )
        for i in range(60)
    ]


@pytest.fixture
def library(sqlite_database_url: str) -> Iterator[Services]:
    services = open_services(sqlite_database_url)
    services.cases.store_many(_cases())
    yield services
    services.close()


def _views(qtbot: QtBot, model: CaseTableModel, *, wrap: bool = False) -> tuple[QTableView, QTableView]:
    """The library's table drawn by Qt's delegate, and as the library shows it (no word wrap, as its form)."""
    qt, mine = QTableView(), QTableView()
    qt.setModel(model)
    set_up_table(qt)
    show_cases(mine, model)
    for view in (qt, mine):
        view.setWordWrap(wrap)
        qtbot.addWidget(view)
        view.resize(900, 500)
        view.show()
    qtbot.waitExposed(mine)
    return qt, mine


def _grab(view: QTableView) -> QImage:
    view.activateWindow()
    view.setFocus()
    QApplication.processEvents()
    return view.grab().toImage()


def _assert_same(qt: QTableView, mine: QTableView) -> None:
    for top in (0, 25):
        for view in (qt, mine):
            view.verticalScrollBar().setValue(top)
        assert _grab(mine) == _grab(qt)


#: What Qt's delegate asks of a cell besides its text; the library's delegate relies on the model answering
#: none of them (it draws every plain cell in the view's font, colour and alignment).
LOOK = (
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.CheckStateRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.BackgroundRole,
)


def test_cell_text_is_the_display_role_and_nothing_else_sets_the_look(library: Services) -> None:
    model = CaseTableModel(library.cases)
    for row in range(model.rowCount()):
        for column in range(len(COLUMNS)):
            index = model.index(row, column)
            assert model.cell_text(row, column) == index.data()
            assert [index.data(role) for role in LOOK] == [None] * len(LOOK)
    assert model.cell_text(model.rowCount(), 0) is None


def test_cells_look_as_qt_draws_them(qtbot: QtBot, library: Services) -> None:
    model = CaseTableModel(library.cases)
    qt, mine = _views(qtbot, model)
    assert isinstance(mine.itemDelegate(), CaseCellDelegate)
    _assert_same(qt, mine)  # long titles elided, accents, other scripts, empty cells, a line break, a tab


def test_narrow_columns_elide_as_qt_does(qtbot: QtBot, library: Services) -> None:
    qt, mine = _views(qtbot, CaseTableModel(library.cases))
    for view in (qt, mine):
        for column, width in enumerate((60, 45, 120, 30, 70)):
            view.horizontalHeader().resizeSection(column, width)
    _assert_same(qt, mine)


def test_selected_and_current_cells_look_as_qt_draws_them(qtbot: QtBot, library: Services) -> None:
    model = CaseTableModel(library.cases)
    qt, mine = _views(qtbot, model)
    for view in (qt, mine):
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        view.selectionModel().setCurrentIndex(model.index(3, TITLE), flags)
    _assert_same(qt, mine)
    for view in (qt, mine):
        view.setEnabled(False)
    _assert_same(qt, mine)


def test_cells_of_an_inactive_window_look_as_qt_draws_them(qtbot: QtBot, library: Services) -> None:
    model = CaseTableModel(library.cases)
    qt, mine = _views(qtbot, model)
    for view in (qt, mine):
        view.selectRow(2)
    other = QTableView()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not mine.isActiveWindow() and not qt.isActiveWindow())
    assert mine.grab().toImage() == qt.grab().toImage()


def test_word_wrap_is_left_to_qt(qtbot: QtBot, library: Services) -> None:
    qt, mine = _views(qtbot, CaseTableModel(library.cases), wrap=True)
    for view in (qt, mine):
        view.verticalHeader().setDefaultSectionSize(60)  # room for two lines
    _assert_same(qt, mine)


def test_the_delegate_follows_the_font(qtbot: QtBot, library: Services) -> None:
    qt, mine = _views(qtbot, CaseTableModel(library.cases))
    font = QFont(mine.font())
    font.setPointSizeF(font.pointSizeF() * 1.4)
    for view in (qt, mine):
        view.setFont(font)
        size_columns(view)
    _assert_same(qt, mine)


def test_other_styles_are_drawn_by_qt(qtbot: QtBot, library: Services) -> None:
    from PySide6.QtWidgets import QCommonStyle

    qt, mine = _views(qtbot, CaseTableModel(library.cases))
    style = QCommonStyle()
    for view in (qt, mine):
        view.setStyle(style)
    assert not mine.itemDelegate()._own  # noqa: SLF001 - Qt's own drawing under a style it does not follow
    _assert_same(qt, mine)
    assert Qt.LayoutDirection.LeftToRight == mine.layoutDirection()


def _prepared_ahead(qtbot: QtBot, mine: QTableView) -> CaseCellDelegate:
    """Paint the top of the library's table and let its delegate prepare the rows after it."""
    delegate = mine.itemDelegate()
    assert isinstance(delegate, CaseCellDelegate)
    mine.verticalScrollBar().setValue(0)
    _grab(mine)
    _idle()
    assert not delegate._soon  # noqa: SLF001 - every slice of preparing ahead run
    return delegate


def _idle(ms: int = 300) -> None:
    """Run the event loop with nothing to do (waiting for events, as the program's does between keys) for
    ``ms`` milliseconds; ``qtbot.wait`` only polls it."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def test_text_prepared_ahead_draws_as_qt_draws_it(qtbot: QtBot, library: Services) -> None:
    model = CaseTableModel(library.cases)
    qt, mine = _views(qtbot, model)
    delegate = _prepared_ahead(qtbot, mine)
    assert delegate.drawn_prepared == 0  # the rows first shown were drawn as they came
    top = mine.rowAt(0) + mine.viewport().height() // mine.rowHeight(0) + 1  # the page after
    for view in (qt, mine):
        view.verticalScrollBar().setValue(top)
    assert _grab(mine) == _grab(qt)  # long titles elided, accents, other scripts, empty cells, a tab
    assert delegate.drawn_prepared > 50  # the page after was drawn from the texts prepared ahead


def test_text_prepared_ahead_follows_the_columns_and_the_font(qtbot: QtBot, library: Services) -> None:
    model = CaseTableModel(library.cases)
    qt, mine = _views(qtbot, model)
    delegate = _prepared_ahead(qtbot, mine)
    for view in (qt, mine):  # narrower: the texts prepared for the old widths no longer fit
        for column, width in enumerate((60, 45, 120, 30, 70)):
            view.horizontalHeader().resizeSection(column, width)
    _assert_same(qt, mine)
    delegate = _prepared_ahead(qtbot, mine)
    drawn = delegate.drawn_prepared
    _assert_same(qt, mine)
    assert delegate.drawn_prepared > drawn  # prepared again for the new widths
    font = QFont(mine.font())
    font.setPointSizeF(font.pointSizeF() * 1.4)
    for view in (qt, mine):
        view.setFont(font)
        size_columns(view)
    _assert_same(qt, mine)
    _prepared_ahead(qtbot, mine)
    _assert_same(qt, mine)
