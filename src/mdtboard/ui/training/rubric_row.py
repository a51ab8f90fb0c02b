"""One rubric item on the scoring panel: its anchors at 1, 3 and 5, the score chosen and the comment.

Keys on a row: 1 to 5 score it, Delete (or 0) clears it, Up and Down (or Tab and Shift+Tab) move to the
item above or below, Enter goes to its comment, and a letter typed on the row starts the comment. A score of
1 or 2 puts the cursor in the comment at once; until the comment is written the row is marked (in words too)
and Enter stays in the comment. In the comment, Enter, Tab or Down go on to the next item, Up or Shift+Tab
back, Escape returns to the row. One row is highlighted at a time.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QWidget

from mdtboard.domain.rubric import COMMENT_NEEDED_BELOW, RubricItem
from mdtboard.ui.forms.ui_training_rubric_row import Ui_RubricRow
from mdtboard.ui.training.style import repolish

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 6)}
_CLEAR = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_0)


class RubricRow(QFrame):
    """One rubric item: its anchors, the score chosen, the comment.

    Signals:
        score_chosen(str, object): the item's key and its new score (None: cleared).
        comment_edited(str, str): the item's key and the comment as typed.
        move_requested(int): go to the item ``step`` rows below (negative: above).
    """

    score_chosen = Signal(str, object)
    comment_edited = Signal(str, str)
    move_requested = Signal(int)

    def __init__(self, item: RubricItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.ui = Ui_RubricRow()
        self.ui.setupUi(self)
        self.value: int | None = None
        self._boxes: dict[int, QLabel] = {n: getattr(self.ui, f"score{n}") for n in range(1, 6)}
        for box in self._boxes.values():
            box.setProperty("role", "scorebox")
            box.setFixedWidth(box.fontMetrics().horizontalAdvance("5") * 3 + 12)
        self.ui.titleLabel.setText(item.title)
        for score in (1, 3, 5):
            anchor: QLabel = getattr(self.ui, f"anchor{score}Label")
            anchor.setText(f"<b>{score}</b> {_escape(item.anchors[score])}")
            anchor.setProperty("role", "anchor")
            anchor.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.ui.commentError.setProperty("role", "error")
        self.ui.commentError.hide()
        self.ui.otherLabel.setProperty("role", "other")
        self.ui.otherLabel.hide()
        self.setAccessibleName(f"{item.title}: not scored")
        self.setAccessibleDescription(
            f"{item.domain.label}. 1: {item.anchors[1]} 3: {item.anchors[3]} 5: {item.anchors[5]}"
        )
        self.ui.commentEdit.installEventFilter(self)
        self.ui.commentEdit.textEdited.connect(lambda text: self.comment_edited.emit(self.item.key, text))

    # -- state
    @property
    def comment(self) -> str:
        return self.ui.commentEdit.text()

    @property
    def needs_comment(self) -> bool:
        """A 1 or 2 without a comment: marked, and not saved."""
        return self.value is not None and self.value < COMMENT_NEEDED_BELOW and not self.comment.strip()

    def set_score(self, value: int | None, comment: str | None = None) -> None:
        """Show a score (and, when given, a comment) without announcing it as an edit."""
        self.value = value
        if comment is not None:
            self.ui.commentEdit.setText(comment)
        for number, box in self._boxes.items():
            box.setProperty("chosen", number == value)
            repolish(box)
        shown = "not scored" if value is None else f"{value} of 5"
        self.setAccessibleName(f"{self.item.title}: {shown}")
        self.mark()

    def mark(self) -> None:
        """Mark the row when its score needs a comment that is missing."""
        missing = self.needs_comment
        self.setProperty("invalid", missing)
        self.ui.commentEdit.setProperty("invalid", missing)
        self.ui.commentEdit.setPlaceholderText(
            "Comment needed: what was seen?" if missing else "Comment: what was seen (Enter)"
        )
        if missing:
            self.ui.commentError.setText(
                f"⚠ A score of {self.value} needs a comment saying what was seen; "
                "it is not saved until there is one."
            )
        self.ui.commentError.setVisible(missing)
        repolish(self)
        repolish(self.ui.commentEdit)

    def set_other(self, text: str) -> None:
        self.ui.otherLabel.setText(text)
        self.ui.otherLabel.setVisible(bool(text))

    def focus_comment(self) -> None:
        self.ui.commentEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- keys
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Tab:
                self.move_requested.emit(1)
                return True
            if event.key() == Qt.Key.Key_Backtab:
                self.move_requested.emit(-1)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in _DIGITS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self._choose(_DIGITS[Qt.Key(key)])
        elif key in _CLEAR:
            self._choose(None)
        elif key == Qt.Key.Key_Down:
            self.move_requested.emit(1)
        elif key == Qt.Key.Key_Up:
            self.move_requested.emit(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focus_comment()
        elif _starts_comment(event):
            # words typed on the row are the start of its comment, never lost
            self.focus_comment()
            QApplication.sendEvent(self.ui.commentEdit, QKeyEvent(event))
        else:
            super().keyPressEvent(event)

    def _choose(self, value: int | None) -> None:
        self.set_score(value)
        self.score_chosen.emit(self.item.key, value)
        if self.needs_comment:
            self.focus_comment()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.commentEdit and event.type() == QEvent.Type.FocusOut and not self.hasFocus():
            self._set_current(False)  # left the comment for another item: one item highlighted at a time
        if watched is self.ui.commentEdit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.needs_comment:
                return True  # Enter to write the comment a 1 or a 2 needs: the cursor is there already
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Down):
                self.move_requested.emit(1)
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Backtab):
                self.move_requested.emit(-1)
                return True
            if key == Qt.Key.Key_Escape:
                self.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._set_current(True)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if not self.ui.commentEdit.hasFocus():
            self._set_current(False)
        super().focusOutEvent(event)

    def _set_current(self, current: bool) -> None:
        self.setProperty("current", current)
        repolish(self)


def _starts_comment(event: QKeyEvent) -> bool:
    """A key that types a character (a letter, a sign, a space; not a digit, which scores) with no Ctrl or
    Alt."""
    text = event.text()
    chorded = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                   | Qt.KeyboardModifier.MetaModifier)
    return bool(text) and text.isprintable() and not text.isdigit() and not chorded


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
