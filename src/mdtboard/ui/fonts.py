"""Text size: one scale for the whole program (View > Bigger/Smaller text), remembered in QSettings.

Widgets that show text larger or smaller than the rest (headings, banners) say so with
:func:`set_relative_font`, and follow when the scale changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

MIN_SCALE = 0.7
MAX_SCALE = 2.5
STEP = 1.125
_FACTOR = "mdtboardFontFactor"
_BOLD = "mdtboardFontBold"
_BASE = "mdtboardBaseFontSize"  # the application's text size before any scaling, kept on the app


def set_relative_font(widget: QWidget, factor: float, *, bold: bool = False) -> None:
    """Show ``widget``'s text at ``factor`` times the program's text size."""
    widget.setProperty(_FACTOR, factor)
    widget.setProperty(_BOLD, bold)
    _apply(widget)


def _apply(widget: QWidget) -> None:
    factor = widget.property(_FACTOR)
    if factor is None:
        return
    font = QApplication.font()
    font.setPointSizeF(font.pointSizeF() * float(factor))
    font.setBold(bool(widget.property(_BOLD)))
    widget.setFont(font)


def clamp(scale: float) -> float:
    return max(MIN_SCALE, min(MAX_SCALE, round(scale, 3)))


class FontScaler:
    """Sets the application font to ``base x scale`` and refreshes the relative fonts."""

    def __init__(self) -> None:
        app = QApplication.instance()
        base = app.property(_BASE) if app is not None else None
        if base is None:
            base = QApplication.font().pointSizeF()
            if app is not None:
                app.setProperty(_BASE, base)
        self.base = float(base)
        self.scale = 1.0

    def apply(self, scale: float) -> float:
        self.scale = clamp(scale)
        font = QApplication.font()
        font.setPointSizeF(self.base * self.scale)
        QApplication.setFont(font)
        # Qt posts the font change to every widget; deliver it now, so the new size shows at once.
        QApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
        for widget in QApplication.allWidgets():
            _apply(widget)
        return self.scale

    def restore(self, scale: float) -> float:
        """Like :meth:`apply`, for a window being built: when the program's text already has that size
        (the usual case at start), nothing is sent to the widgets, which saves a pass over all of them."""
        target = clamp(scale)
        if abs(QApplication.font().pointSizeF() - self.base * target) < 1e-6:
            self.scale = target
            return self.scale
        return self.apply(target)
