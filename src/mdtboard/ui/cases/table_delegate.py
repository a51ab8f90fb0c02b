"""The case library's cells, drawn as Qt draws them with less work.

Qt's own delegate (``QStyledItemDelegate`` under the Fusion style) asks the model for seven roles of every
cell it draws, one call into Python each, and lays the cell's text out three times: for its size, to see
whether it must be elided, and to draw it. Text is most of what a page step of the library costs (callgrind:
two thirds of a step's instructions; each page step of the 100,000-case scroll draws 160 new cells).
:class:`CaseCellDelegate` draws a plain cell (enabled, not selected, not current, not under the mouse, its
text on one line, no word wrap, left to right, Fusion style) with one call for its text and one layout,
following Qt's own steps (``QCommonStyle``'s ``CE_ItemViewItem``: the text within the focus-frame margin,
centred vertically as Qt centres it, elided as Qt elides it, in the palette's text colour); the pixels are
Qt's (``tests/gui/test_case_table_delegate.py`` compares them). Every other cell, and every style but
Fusion, is drawn by Qt's delegate.

It relies on the model answering no role but the text for the look of a cell (no font, colour, alignment,
check box, icon or background of its own): the test checks that too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

_Index = QModelIndex | QPersistentModelIndex

#: The states Qt draws differently from a plain cell (a highlight, a focus frame, an editor, hover).
_NOT_PLAIN = (
    QStyle.StateFlag.State_Selected
    | QStyle.StateFlag.State_HasFocus
    | QStyle.StateFlag.State_MouseOver
    | QStyle.StateFlag.State_Editing
)


#: The view's changes that change how a plain cell is drawn.
_VIEW_CHANGES = frozenset(
    {
        QEvent.Type.FontChange,
        QEvent.Type.StyleChange,
        QEvent.Type.PaletteChange,
        QEvent.Type.LayoutDirectionChange,
    }
)

#: What makes Qt lay a cell's text out on several lines (its delegate turns a new line into a line
#: separator), or choose among variants of it (U+009C).
_BREAK = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029\x9c]")


def _text_option() -> QTextOption:
    """As Qt lays out a cell's text: one line (no wrapping), left to right, at the left."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.ManualWrap)
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    option.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return option


class CaseCellDelegate(QStyledItemDelegate):
    """Draws the library's plain cells itself (see the module), every other cell as Qt's delegate does.

    ``text`` gives the text of a cell (row, column) as the model's display role would, None when it has
    none. The view's style, direction, font and palette are read once, and again each time one of them
    changes (the delegate watches the view's events)."""

    def __init__(self, text: Callable[[int, int], str | None], parent: QTableView) -> None:
        super().__init__(parent)
        self._text = text
        self._view = parent
        self._option = _text_option()
        #: Each state seen: the colour of a plain cell's text in it, or None when Qt draws the cell.
        self._plans: dict[object, QColor | None] = {}
        self._margin = 0
        self._own = False
        self._font = QFont()
        self.view_changed()
        parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _VIEW_CHANGES:
            self.view_changed()
        return False

    def view_changed(self) -> None:
        """Read the view's style, direction, font and palette again. Cells are drawn here only under the
        Fusion style, whose item drawing this follows, and left to right."""
        view = self._view
        style = view.style()
        self._own = (
            style.metaObject().className() == "QFusionStyle"
            and view.layoutDirection() is Qt.LayoutDirection.LeftToRight
        )
        self._margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        self._font = view.font()
        self._plans.clear()  # the text colours come from the palette

    def _plan(self, state: QStyle.StateFlag) -> QColor | None:
        if state & _NOT_PLAIN or not state & QStyle.StateFlag.State_Enabled:
            return None
        active = state & QStyle.StateFlag.State_Active
        group = QPalette.ColorGroup.Normal if active else QPalette.ColorGroup.Inactive
        return self._view.palette().color(group, QPalette.ColorRole.Text)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        state = option.state
        try:
            colour = self._plans[state]
        except KeyError:
            colour = self._plans[state] = self._plan(state)
        plain = colour is not None and self._own and not self._view.wordWrap()  # (a flag's test costs more)
        text = self._text(index.row(), index.column()) if plain else None
        if text is None or _BREAK.search(text) is not None:
            super().paint(painter, option, index)  # Qt's own drawing (lines: Qt lays out and elides them)
            return
        if not text:
            return  # Qt draws nothing for a plain cell without text
        x, y, width, height = cast("tuple[int, int, int, int]", option.rect.getRect())
        margin = self._margin
        line_width = width - 2 * margin
        font = self._font
        layout = QTextLayout(text, font)
        layout.setTextOption(self._option)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(line_width)
        layout.endLayout()
        at = QPointF(x + margin, y + height // 2 - int(line.height()) // 2)
        if line.naturalTextWidth() > line_width:
            elided = QFontMetrics(font).elidedText(text, option.textElideMode, line_width)
            layout = QTextLayout(elided, font)
            layout.setTextOption(self._option)
            layout.beginLayout()
            layout.createLine().setLineWidth(line_width)
            layout.endLayout()
        painter.setPen(colour)
        layout.draw(painter, at)
