"""A label whose text changes often beside a wrapped heading (an editor's save state: "Opening…",
"Signing…", "Saved 14:02:31") keeps one width for its usual texts. Were its width to follow its text, each
new state would lay the editor out again (the heading beside it wraps differently) and repaint all of it:
about 8 ms of the GUI thread on a care plan at 1400x900, against well under 1 ms for the label alone."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel


class SteadyWidth(QObject):
    """Keeps ``label`` at least as wide as the widest of ``samples``, in its font (followed when the text
    size changes)."""

    def __init__(self, label: QLabel, samples: tuple[str, ...]) -> None:
        super().__init__(label)
        self._label = label
        self._samples = samples
        label.installEventFilter(self)
        self._apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._label and event.type() == QEvent.Type.FontChange:
            self._apply()
        return False

    def _apply(self) -> None:
        metrics = self._label.fontMetrics()
        margins = self._label.contentsMargins()
        widest = max(metrics.horizontalAdvance(text) for text in self._samples)
        self._label.setMinimumWidth(widest + margins.left() + margins.right() + 2 * self._label.margin() + 2)


#: The usual save states of an editor.
SAVE_STATES = ("Saved 00:00:00", "Saving…", "Opening…", "Signing…", "Withdrawing…", "Building the draft…")


def steady_save_state(label: QLabel) -> SteadyWidth:
    """The save state ``label`` keeps its width through its usual states."""
    return SteadyWidth(label, SAVE_STATES)
