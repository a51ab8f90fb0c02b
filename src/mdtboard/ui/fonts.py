"""Text size: one scale for the whole program (View > Bigger/Smaller text), remembered in QSettings.

Widgets that show text larger or smaller than the rest (headings, banners) say so with
:func:`set_relative_font`, and follow when the scale changes.

The main window imports this module before its first paint: PySide6 classes that only a change of text
size needs are imported where they are used (each class imported builds its Python type and enums).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QWidget

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


def _inherit_again(widgets: list[QWidget]) -> None:
    """A widget that should inherit its parent's font but missed the change (a table's header has been
    seen to) takes it now: ``setFont(QFont())`` inherits again, without fixing a font of its own."""
    from PySide6.QtCore import Qt  # here, not at start-up (see main_window)
    from PySide6.QtGui import QFont

    for widget in widgets:
        parent = widget.parentWidget()
        if (
            parent is not None
            and not widget.isWindow()
            and not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont)
            and widget.property(_FACTOR) is None
            and widget.font().pointSizeF() != parent.font().pointSizeF()
        ):
            widget.setFont(QFont())


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
        from PySide6.QtWidgets import QHeaderView

        self.scale = clamp(scale)
        font = QApplication.font()
        font.setPointSizeF(self.base * self.scale)
        QApplication.setFont(font)
        # Qt posts the font change to every widget; deliver it now, so the new size shows at once.
        QApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
        widgets = QApplication.allWidgets()
        for widget in widgets:
            # A widget under a style sheet keeps the font it was polished with (the navigation, the
            # toolbar, the case editor's fields and tabs): polishing it again gives it the new size.
            style = widget.style()
            if style.metaObject().className() == "QStyleSheetStyle":
                style.unpolish(widget)
                style.polish(widget)
        _inherit_again(widgets)
        for widget in widgets:
            _apply(widget)
            if isinstance(widget, QHeaderView):
                widget.resizeSections()  # columns sized to their contents, measured at the new size
        keep_wrapped_labels_whole(widgets)
        return self.scale

    def restore(self, scale: float) -> float:
        """Like :meth:`apply`, for a window being built: when the program's text already has that size
        (the usual case at start), nothing is sent to the widgets, which saves a pass over all of them."""
        target = clamp(scale)
        if abs(QApplication.font().pointSizeF() - self.base * target) < 1e-6:
            self.scale = target
            return self.scale
        return self.apply(target)


_WHOLE = "mdtboardKeptWhole"
_FITTED = "mdtboardFittedFor"  # (text, width, font) of the last fit


class _KeepWhole(QObject):
    """Keeps a word-wrapped label at least as tall as its text needs at its width, so that a layout short
    of room shrinks something else (a scroll area) instead of cutting the label's last lines off."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if isinstance(watched, QLabel) and event.type() in (
            QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Paint, QEvent.Type.Show
        ):
            fit_height(watched)
        return False


_keeper: _KeepWhole | None = None


def fit_height(label: QLabel) -> None:
    """Give ``label`` the height its wrapped text needs at its present width."""
    if not label.text() or label.width() <= 0:
        return
    fitted = (label.text(), label.width(), label.font().toString())
    if label.property(_FITTED) == fitted:
        return  # nothing changed since the last fit (a paint, say)
    label.setProperty(_FITTED, fitted)
    kept = label.minimumHeight()
    if kept:
        label.setMinimumHeight(0)  # a label's height for a width counts its minimum height in
    needed = label.heightForWidth(label.width())
    label.setMinimumHeight(needed if needed > 0 else kept)


def keep_wrapped_labels_whole(widgets: Iterable[QWidget]) -> None:
    """Watch every word-wrapped label among ``widgets`` (see :class:`_KeepWhole`): banners and notes never
    clip, whatever the text size."""
    global _keeper
    for widget in widgets:
        if isinstance(widget, QLabel) and widget.wordWrap() and not widget.property(_WHOLE):
            if _keeper is None:
                _keeper = _KeepWhole(QApplication.instance())
            widget.setProperty(_WHOLE, True)
            widget.installEventFilter(_keeper)
            fit_height(widget)
