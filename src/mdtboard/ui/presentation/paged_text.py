"""A section's blocks laid out at room size and cut into pages that fit the screen, one page shown at a time.

The text is never made smaller to fit: a QTextDocument with a page size lays it out in pages (lines are
never cut between two pages), and the widget paints one page. :meth:`PagedText.page_of` finds the page
of a group of blocks (a discipline's input), so that the big screen can follow what is being typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, QSizeF, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from mdtboard.ui.presentation.content import WARNING, Block, Kind
from mdtboard.ui.presentation.sizing import RoomSizes, room_sizes
from mdtboard.ui.presentation.themes import LIGHT, Theme

FONT_FAMILY = "DejaVu Sans"


def room_font(pixels: int, *, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(max(1, pixels))
    font.setBold(bold)
    return font


class PagedText(QWidget):
    """Shows one page of a list of :class:`Block` at room size.

    Signals:
        paging_changed(int, int): the page shown (from 0) and the number of pages.
    """

    paging_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Section text")
        self._blocks: tuple[Block, ...] = ()
        self._theme = LIGHT
        self._sizes = room_sizes(1080)
        self._page = 0
        self._tags: dict[str, tuple[int, int]] = {}
        self.document = QTextDocument(self)
        self.document.setDocumentMargin(0)
        self.document.setUndoRedoEnabled(False)

    # -- what it shows
    def set_style(self, theme: Theme, sizes: RoomSizes) -> None:
        self._theme, self._sizes = theme, sizes
        self._rebuild()

    def set_blocks(self, blocks: Sequence[Block], *, page: int = 0) -> None:
        self._blocks = tuple(blocks)
        self._page = page
        self._rebuild()

    @property
    def blocks(self) -> tuple[Block, ...]:
        return self._blocks

    def page_count(self) -> int:
        """Pages with text on them (the document's own count may add a page for a last margin)."""
        block = self.document.lastBlock()
        if not block.isValid():
            return 1
        rect = self.document.documentLayout().blockBoundingRect(block)  # lays the block out first
        lines = block.layout()
        if lines.lineCount() == 0:
            return 1
        top = rect.top() + lines.lineAt(lines.lineCount() - 1).y()
        return max(1, int(top // self._page_height()) + 1)

    @property
    def page(self) -> int:
        return self._page

    def set_page(self, page: int) -> bool:
        """Show ``page`` (from 0); False when there is no such page."""
        if not 0 <= page < self.page_count():
            return False
        if page != self._page:
            self._page = page
            self.update()
            self.paging_changed.emit(self._page, self.page_count())
        return True

    def page_of(self, tag: str) -> int | None:
        """The page on which the blocks tagged ``tag`` end (where typing goes on); None when none."""
        if tag not in self._tags:
            return None
        block = self.document.findBlockByNumber(self._tags[tag][1])
        rect = self.document.documentLayout().blockBoundingRect(block)
        height = self._page_height()
        return max(0, min(self.page_count() - 1, int(max(0.0, rect.bottom() - 1) // height)))

    def page_text(self, page: int | None = None) -> str:
        """The plain text on a page (the page shown by default), its spacing folded; for tests and screen
        readers."""
        number = self._page if page is None else page
        height = self._page_height()
        out = []
        layout = self.document.documentLayout()
        block = self.document.begin()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            lines = block.layout()
            for i in range(lines.lineCount()):
                line = lines.lineAt(i)
                top = rect.top() + line.y()
                if int(top // height) == number:
                    out.append(block.text()[line.textStart() : line.textStart() + line.textLength()])
            block = block.next()
        return " ".join(" ".join(out).split())

    # -- layout
    def _page_height(self) -> float:
        return max(1.0, float(self.height()))

    def _rebuild(self) -> None:
        doc = self.document
        doc.clear()
        doc.setDefaultFont(room_font(self._sizes.body))
        doc.setTextWidth(max(1.0, float(self.width())))
        doc.setPageSize(QSizeF(max(1.0, float(self.width())), self._page_height()))
        self._tags = {}
        headings = []
        cursor = QTextCursor(doc)
        for number, block in enumerate(self._blocks):
            if number:
                cursor.insertBlock()
            self._insert(cursor, block)
            if block.kind is Kind.HEADING:
                headings.append(cursor.blockNumber())
            if block.tag is not None:
                first, _last = self._tags.get(block.tag, (cursor.blockNumber(), 0))
                self._tags[block.tag] = (first, cursor.blockNumber())
        doc.pageCount()  # the whole text laid out now (Qt otherwise lays out large texts bit by bit)
        self._keep_with_next(headings)
        self._page = max(0, min(self._page, self.page_count() - 1))
        self.update()
        self.paging_changed.emit(self._page, self.page_count())

    def _line_page(self, block: QTextBlock, last: bool) -> int:
        rect = self.document.documentLayout().blockBoundingRect(block)
        lines = block.layout()
        if lines.lineCount() == 0:
            return int(rect.top() // self._page_height())
        line = lines.lineAt(lines.lineCount() - 1 if last else 0)
        return int((rect.top() + line.y()) // self._page_height())

    def _keep_with_next(self, headings: Sequence[int]) -> None:
        """A heading left alone at the foot of a page starts the next page instead, with its text."""
        for number in headings:
            block = self.document.findBlockByNumber(number)
            following = block.next()
            if not following.isValid() or self._line_page(following, False) <= self._line_page(block, True):
                continue
            fmt = block.blockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(block).setBlockFormat(fmt)
            self.document.pageCount()  # laid out again before the next heading is looked at

    def _formats(self, block: Block) -> tuple[QTextBlockFormat, QTextCharFormat]:
        sizes, theme = self._sizes, self._theme
        fmt = QTextBlockFormat()
        fmt.setBottomMargin(sizes.body * 0.45)
        fmt.setLineHeight(118, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        char = QTextCharFormat()
        char.setFont(room_font(sizes.body))
        char.setForeground(QColor(theme.text))
        if block.kind is Kind.HEADING:
            char.setFont(room_font(sizes.heading, bold=True))
            char.setForeground(QColor(theme.accent))
            fmt.setTopMargin(sizes.body * 0.5)
            fmt.setBottomMargin(sizes.body * 0.2)
        elif block.kind is Kind.KEY:
            char.setFont(room_font(round(sizes.body * 1.15), bold=True))
        elif block.kind is Kind.WARNING:
            char.setFont(room_font(sizes.body, bold=True))
            char.setForeground(QColor(theme.over))
        elif block.kind is Kind.NOTE:
            char.setFont(room_font(sizes.small))
            char.setForeground(QColor(theme.muted))
        if block.kind in (Kind.BULLET, Kind.WARNING):
            fmt.setLeftMargin(sizes.body * 1.3)
            fmt.setTextIndent(-sizes.body * 1.1)
            fmt.setBottomMargin(sizes.body * 0.25)
        return fmt, char

    def _insert(self, cursor: QTextCursor, block: Block) -> None:
        fmt, char = self._formats(block)
        cursor.setBlockFormat(fmt)
        if block.kind is Kind.BULLET:
            cursor.insertText("•\u2003", char)
        elif block.kind is Kind.WARNING:
            cursor.insertText(f"{WARNING}\u2002", char)
        if block.kind is Kind.FIELD and block.label:
            label = QTextCharFormat(char)
            label.setFont(room_font(self._sizes.body, bold=True))
            label.setForeground(QColor(self._theme.accent))
            cursor.insertText(f"{block.label}: ", label)
        cursor.insertText(block.text, char)

    # -- Qt
    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(800, 400)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._rebuild()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        height = self._page_height()
        top = self._page * height
        painter.translate(0, -top)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, top, self.width(), height)
        palette = QPalette(self.palette())
        palette.setColor(QPalette.ColorRole.Text, QColor(self._theme.text))
        context.palette = palette
        painter.setClipRect(context.clip)
        self.document.documentLayout().draw(painter, context)
        painter.end()
