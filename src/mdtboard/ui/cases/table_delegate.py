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

Laying a cell's text out (shaping it in its fonts) is most of what drawing it costs: a page step draws 160
new cells, about 30 microseconds each of a step's 10 (2-core EPYC). So the text of the rows about to be shown
is prepared ahead, while the program waits for the next key or frame: after a paint, each time the event loop
has nothing left to do (about to wait, :meth:`QAbstractEventDispatcher.aboutToBlock`), a slice of at most
:data:`SLICE_S` lays out the cells of the :data:`PAGES_AHEAD` pages after the rows shown in
the way the view last moved and of the page on the other side (rows already read only; nothing is read for
it), each as a :class:`QStaticText` of the cell's text as drawn (elided as Qt elides it), which then draws in
about 5 microseconds. Prepared texts are kept by text and width (at most :data:`KEPT_TEXTS`), so that a
change of the rows, a resized column or another search can never draw a stale one; a change of font, style,
palette or elide mode drops them. A cell not prepared is drawn as before. Both draw the same pixels (the
test compares both with Qt's).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import (
    QAbstractEventDispatcher,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QStaticText,
    QTextLayout,
    QTextOption,
    QTransform,
)
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

#: Pages of rows prepared ahead in the way the view moves (and one on the other side).
PAGES_AHEAD = 2
#: The longest slice of preparing ahead in one go: a key pressed meanwhile waits at most this long.
SLICE_S = 0.003
#: Prepared texts kept (a 1280x800 page shows about 160 cells); the oldest go first.
KEPT_TEXTS = 2000

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

    def __init__(
        self,
        text: Callable[[int, int], str | None],
        parent: QTableView,
        *,
        text_if_read: Callable[[int, int], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._text = text
        #: The text of a cell whose row has been read, None else, reading nothing: for preparing ahead.
        self._text_if_read = text_if_read
        self._view = parent
        self._option = _text_option()
        #: Each state seen: the colour of a plain cell's text in it, or None when Qt draws the cell.
        self._plans: dict[object, QColor | None] = {}
        self._margin = 0
        self._own = False
        self._font = QFont()
        #: (text, line width): the text laid out as drawn, and half its line's height.
        self._prepared: dict[tuple[str, int], tuple[QStaticText, int]] = {}
        #: The font a painter of the view holds (what a prepared text must be laid out in), once seen.
        self._paint_font: QFont | None = None
        self._elide = Qt.TextElideMode.ElideRight
        #: The line width of each column's plain cells, as last drawn.
        self._widths: dict[int, int] = {}
        self._top = 0  # the first row shown when the text was last prepared ahead
        self._heading = 1
        self._soon = False  # preparing ahead is asked for: when the event loop has nothing left to do
        self._ahead = QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.setInterval(0)
        self._ahead.timeout.connect(self.prepare_ahead)
        idle = QAbstractEventDispatcher.instance()
        if idle is not None and text_if_read is not None:
            idle.aboutToBlock.connect(self._idle)
        #: Cells drawn from a prepared text (for tests: that the prepared way is taken, and draws as Qt).
        self.drawn_prepared = 0
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
        self._prepared.clear()
        self._paint_font = None
        self._widths.clear()

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
        self._soon = True  # text prepared ahead once the event loop has nothing left to do
        plain = colour is not None and self._own and not self._view.wordWrap()  # (a flag's test costs more)
        column = index.column()
        text = self._text(index.row(), column) if plain else None
        if text:
            x, y, width, height = cast("tuple[int, int, int, int]", option.rect.getRect())
            margin = self._margin
            line_width = width - 2 * margin
            prepared = self._prepared.get((text, line_width))  # (never a text of several lines)
            if prepared is not None:
                static, half = prepared
                painter.setPen(colour)
                painter.drawStaticText(QPointF(x + margin, y + height // 2 - half), static)
                self.drawn_prepared += 1
                return
        if text is None or _BREAK.search(text) is not None:
            super().paint(painter, option, index)  # Qt's own drawing (lines: Qt lays out and elides them)
            return
        if not text:
            return  # Qt draws nothing for a plain cell without text
        self._widths[column] = line_width
        font = self._font
        if self._paint_font is None:
            # prepared texts are drawn in the painter's font: prepared only when it is the view's (which Qt's
            # delegate draws in)
            self._paint_font = painter.font()
            self._elide = option.textElideMode
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

    # -- preparing ahead
    def _idle(self) -> None:
        """The event loop is about to wait for events: prepare a slice ahead, if asked for (the timer wakes
        the loop; events come in meanwhile are handled first)."""
        if self._soon and not self._ahead.isActive():
            self._ahead.start()

    def prepare_ahead(self) -> None:
        """Prepare the text of the cells about to be shown (see the module), for :data:`SLICE_S` at most;
        the rest in another slice, after the events waiting."""
        self._soon = False
        ready, view, font = self._text_if_read, self._view, self._paint_font
        if ready is None or font is None or font != self._font or not self._own or view.wordWrap():
            return
        if view.textElideMode() != self._elide:  # elided otherwise now: what was prepared no longer holds
            self.view_changed()
            view.viewport().update()
            return
        top = view.rowAt(0)
        row_height = view.verticalHeader().defaultSectionSize()
        if top < 0 or row_height <= 0 or not self._widths:
            return
        page = view.viewport().height() // row_height + 1
        if top != self._top:
            self._heading = 1 if top > self._top else -1
            self._top = top
        step = self._heading
        first = top + page if step > 0 else top - 1
        rows = [first + step * k for k in range(PAGES_AHEAD * page)]
        rows += [top - 1 - k for k in range(page)] if step > 0 else [top + page + k for k in range(page)]
        prepared, widths = self._prepared, list(self._widths.items())
        deadline = time.perf_counter() + SLICE_S
        for row in rows:
            if row < 0:
                continue
            for column, line_width in widths:
                text = ready(row, column)
                if not text or (text, line_width) in prepared or _BREAK.search(text) is not None:
                    continue
                prepared[(text, line_width)] = self._prepare(text, line_width, font)
            if time.perf_counter() > deadline:
                self._soon = True  # the rest at the next idle moment
                break
        if len(prepared) > KEPT_TEXTS:
            for key in list(prepared)[: len(prepared) - KEPT_TEXTS]:
                del prepared[key]

    def _prepare(self, text: str, line_width: int, font: QFont) -> tuple[QStaticText, int]:
        """The text as a plain cell draws it (elided as :meth:`paint` elides it, when its natural width is
        more than the line's), and half its line's height (a static text's size is its line's natural width
        and height, which :meth:`paint` reads from a :class:`QTextLayout`)."""
        static = self._static(text, font)
        size = static.size()
        if size.width() > line_width:
            static = self._static(QFontMetrics(self._font).elidedText(text, self._elide, line_width), font)
        return static, int(size.height()) // 2

    def _static(self, text: str, font: QFont) -> QStaticText:
        static = QStaticText(text)
        static.setTextFormat(Qt.TextFormat.PlainText)
        static.setTextOption(self._option)
        static.prepare(QTransform(), font)
        return static
