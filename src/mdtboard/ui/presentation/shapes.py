"""The shapes of the timer states, drawn in code: a hollow circle (not started), a play triangle (running),
a warning triangle (two minutes left), an alarm clock (overrun), two bars (paused), a square (stopped)
and a clock face (the presentation against its target).

Each state has its own outline, so it is told apart without colour; the widgets that show a shape also
say the state in words. The names are those of :attr:`mdtboard.domain.timers.TimerState.shape`.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from mdtboard.ui import palette

SHAPES = (
    "circle-outline", "play", "warning-triangle", "alarm-clock", "pause", "stop-square", "clock",
)


def draw_shape(painter: QPainter, shape: str, box: QRectF, colour: QColor) -> None:
    """Draw ``shape`` filling the square ``box`` in ``colour``; an unknown name draws a hollow circle."""
    s = min(box.width(), box.height())
    x, y = box.x() + (box.width() - s) / 2, box.y() + (box.height() - s) / 2
    line = max(2.0, s * 0.11)
    pen = QPen(colour, line, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)

    def at(fx: float, fy: float) -> QPointF:
        return QPointF(x + fx * s, y + fy * s)

    if shape == "play":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([at(0.2, 0.08), at(0.92, 0.5), at(0.2, 0.92)]))
    elif shape == "warning-triangle":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([at(0.5, 0.04), at(0.98, 0.94), at(0.02, 0.94)]))
        luminance = 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF()
        mark = QPen(QColor("white") if luminance < 0.45 else QColor("black"), line)
        mark.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(mark)
        painter.drawLine(at(0.5, 0.36), at(0.5, 0.62))
        painter.drawPoint(at(0.5, 0.79))
    elif shape == "alarm-clock":
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(at(0.14, 0.2), at(0.86, 0.92)))
        painter.drawLine(at(0.5, 0.56), at(0.5, 0.36))
        painter.drawLine(at(0.5, 0.56), at(0.66, 0.66))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(QRectF(at(0.02, 0.02), at(0.3, 0.3)))
        painter.drawEllipse(QRectF(at(0.7, 0.02), at(0.98, 0.3)))
    elif shape == "pause":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRect(QRectF(at(0.16, 0.1), at(0.4, 0.9)))
        painter.drawRect(QRectF(at(0.6, 0.1), at(0.84, 0.9)))
    elif shape == "stop-square":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRect(QRectF(at(0.14, 0.14), at(0.86, 0.86)))
    elif shape == "clock":
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(at(0.08, 0.08), at(0.92, 0.92)))
        painter.drawLine(at(0.5, 0.5), at(0.5, 0.24))
        painter.drawLine(at(0.5, 0.5), at(0.7, 0.6))
    else:  # circle-outline
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(at(0.1, 0.1), at(0.9, 0.9)))
    painter.restore()


def shape_pixmap(shape: str, size: int, colour: str) -> QPixmap:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    draw_shape(painter, shape, QRectF(0, 0, size, size), QColor(colour))
    painter.end()
    return pix


class ShapeIcon(QWidget):
    """A timer state's shape at a given size; its accessible name says the state in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shape = "circle-outline"
        self._colour = QColor(palette.TEXT)
        self._size = 32
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    @property
    def shape(self) -> str:
        return self._shape

    def show_shape(self, shape: str, colour: str, words: str) -> None:
        if (shape, QColor(colour)) != (self._shape, self._colour):
            self._shape, self._colour = shape, QColor(colour)
            self.update()
        self.setAccessibleName(words)
        self.setToolTip(words)

    def set_icon_size(self, size: int) -> None:
        self._size = size
        self.setFixedSize(size, size)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self._size, self._size)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        draw_shape(painter, self._shape, QRectF(self.rect()), self._colour)
        painter.end()


def banner_pixmap(kind: str, size: int, colour: str) -> QPixmap:
    """The banners' symbols in the banner's text colour: ``danger`` (a warning triangle) or
    ``restricted`` (a padlock)."""
    if kind == "danger":
        return shape_pixmap("warning-triangle", size, colour)
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = QColor(colour)
    s = float(size)
    painter.setPen(QPen(ink, max(2.0, s * 0.1)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawArc(QRectF(s * 0.28, s * 0.08, s * 0.44, s * 0.5), 0, 180 * 16)
    painter.drawLine(QPointF(s * 0.28, s * 0.33), QPointF(s * 0.28, s * 0.46))
    painter.drawLine(QPointF(s * 0.72, s * 0.33), QPointF(s * 0.72, s * 0.46))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    painter.drawRoundedRect(QRectF(s * 0.14, s * 0.44, s * 0.72, s * 0.5), s * 0.08, s * 0.08)
    painter.end()
    return pix
