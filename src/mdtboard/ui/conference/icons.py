"""Small status icons drawn in code, each with its own shape (a tick, an exclamation mark, a triangle),
so that a state never rests on colour alone; every place that shows one also says it in words."""

from __future__ import annotations

from enum import Enum
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from mdtboard.domain.conference import AgendaStatus
from mdtboard.ui import palette

SIZE = 64


class Mark(Enum):
    DONE = "done"  # a tick in a green disc: heard, quorate, discussed
    ATTENTION = "attention"  # an exclamation mark in an amber disc: not yet heard, not quorate
    DANGER = "danger"  # an exclamation mark in a red triangle: safety
    RESTRICTED = "restricted"  # a padlock: sharing restrictions
    ACTIVE = "active"  # a play triangle in a blue disc: in discussion
    LATER = "later"  # an arrow in a grey disc: deferred
    WAITING = "waiting"  # a hollow grey ring: pending


COLOURS = {
    Mark.DONE: palette.DONE,
    Mark.ATTENTION: palette.ATTENTION,
    Mark.DANGER: palette.DANGER,
    Mark.RESTRICTED: palette.RESTRICTED_BORDER,
    Mark.ACTIVE: palette.ACTIVE,
    Mark.LATER: palette.LATER,
    Mark.WAITING: palette.WAITING,
}


def _exclamation(p: QPainter, cx: float, top: float, bottom: float) -> None:
    p.setPen(QPen(QColor("white"), 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(QPointF(cx, top), QPointF(cx, bottom - 12))
    p.drawPoint(QPointF(cx, bottom))


def _draw(mark: Mark) -> QPixmap:
    pix = QPixmap(SIZE, SIZE)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(COLOURS[mark])
    disc = QRectF(4, 4, SIZE - 8, SIZE - 8)
    white = QPen(QColor("white"), 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    white.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if mark is Mark.DANGER:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawPolygon(QPolygonF([QPointF(32, 3), QPointF(62, 59), QPointF(2, 59)]))
        _exclamation(p, 32, 22, 50)
    elif mark is Mark.RESTRICTED:
        p.setPen(QPen(colour, 6))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawArc(QRectF(18, 6, 28, 32), 0, 180 * 16)
        p.drawLine(QPointF(18, 22), QPointF(18, 30))
        p.drawLine(QPointF(46, 22), QPointF(46, 30))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRoundedRect(QRectF(10, 28, 44, 32), 5, 5)
    elif mark is Mark.WAITING:
        p.setPen(QPen(colour, 6))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QRectF(8, 8, SIZE - 16, SIZE - 16))
    else:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(disc)
        if mark is Mark.DONE:
            p.setPen(white)
            path = QPainterPath(QPointF(18, 33))
            path.lineTo(28, 43)
            path.lineTo(47, 22)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        elif mark is Mark.ATTENTION:
            _exclamation(p, 32, 16, 48)
        elif mark is Mark.ACTIVE:
            p.setBrush(QColor("white"))
            p.drawPolygon(QPolygonF([QPointF(25, 18), QPointF(47, 32), QPointF(25, 46)]))
        elif mark is Mark.LATER:
            p.setPen(white)
            p.drawLine(QPointF(17, 32), QPointF(45, 32))
            p.drawLine(QPointF(35, 21), QPointF(46, 32))
            p.drawLine(QPointF(35, 43), QPointF(46, 32))
    p.end()
    return pix


@cache
def icon(mark: Mark) -> QIcon:
    return QIcon(_draw(mark))


def pixmap(mark: Mark, size: int) -> QPixmap:
    """The mark at ``size`` logical pixels, sharp on high-DPI screens."""
    return icon(mark).pixmap(size, size)


STATUS_MARKS = {
    AgendaStatus.PENDING: Mark.WAITING,
    AgendaStatus.IN_DISCUSSION: Mark.ACTIVE,
    AgendaStatus.DISCUSSED: Mark.DONE,
    AgendaStatus.DEFERRED: Mark.LATER,
}


def status_icon(status: AgendaStatus) -> QIcon:
    return icon(STATUS_MARKS[status])


def icon_size_for(font: QFont) -> int:
    """An icon as tall as a line of text in ``font`` (so it grows with the font scale)."""
    return max(16, QFontMetrics(font).height())
