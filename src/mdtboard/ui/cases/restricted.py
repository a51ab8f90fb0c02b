"""Restricted passages in the case editor: marking the selected words of a free-text field as restricted
(one key, Ctrl+Shift+R; the same key on a marked passage unmarks it), asking who holds them, and showing
marked passages in their fields.

Marked passages stay whole in the editor (highlighted); shared surfaces show "[restricted: held by ...]"
instead (:mod:`mdtboard.domain.privacy`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QTextCharFormat, QTextCursor, QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from mdtboard.domain.case import Discipline, RestrictedPassage
from mdtboard.ui import palette

RESTRICT_KEYS = QKeySequence("Ctrl+Shift+R")
#: The free-text fields whose passages may be marked: widget name -> JSON pointer in the case.
TEXT_POINTERS: dict[str, str] = {
    "oneLinerEdit": "/one_liner",
    "questionEdit": "/question_for_team",
    "complaintEdit": "/presenting_complaint",
    "historyEdit": "/pain_history",
    "psychosocialEdit": "/psychosocial",
}
HIGHLIGHT = QColor(palette.PASSAGE_HIGHLIGHT)
HOLDERS: tuple[str, ...] = tuple(d.label.lower() for d in Discipline)


def passages_in(passages: Sequence[RestrictedPassage] | None, pointer: str) -> list[RestrictedPassage]:
    return [p for p in passages or [] if p.field == pointer]


def highlight(edit: QPlainTextEdit, passages: Sequence[RestrictedPassage]) -> list[RestrictedPassage]:
    """Mark every occurrence of ``passages`` in ``edit``; returns the passages no longer found there."""
    text = edit.toPlainText()
    selections = []
    missing = []
    char = QTextCharFormat()
    char.setBackground(HIGHLIGHT)
    char.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    char.setToolTip("Restricted passage")
    for passage in passages:
        start = text.find(passage.text)
        if start < 0:
            missing.append(passage)
        while start >= 0:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(edit.document())
            cursor.setPosition(start)
            cursor.setPosition(start + len(passage.text), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = char
            selections.append(selection)
            start = text.find(passage.text, start + len(passage.text))
    edit.setExtraSelections(selections)
    return missing


def passage_at(
    passages: Sequence[RestrictedPassage], pointer: str, text: str, start: int, end: int
) -> RestrictedPassage | None:
    """The marked passage of ``pointer`` that the cursor or selection (``start``..``end``) touches."""
    for passage in passages_in(passages, pointer):
        found = text.find(passage.text)
        while found >= 0:
            if found <= end and start <= found + len(passage.text):
                return passage
            found = text.find(passage.text, found + len(passage.text))
    return None


class PassageTarget(Protocol):
    def apply_passages(self, case_id: int, passages: list[RestrictedPassage] | None) -> None: ...


class PassagesCommand(QUndoCommand):
    """The case's restricted passages changed from ``old`` to ``new`` (a passage marked or unmarked)."""

    def __init__(
        self,
        target: PassageTarget,
        case_id: int,
        old: list[RestrictedPassage] | None,
        new: list[RestrictedPassage] | None,
        label: str,
    ) -> None:
        super().__init__(label)
        self.target = target
        self.case_id = case_id
        self.record = case_id  # the case it applies to (opened first: mdtboard.ui.editing.undo_queue)
        self.old = old
        self.new = new

    def redo(self) -> None:
        self.target.apply_passages(self.case_id, self.new)

    def undo(self) -> None:
        self.target.apply_passages(self.case_id, self.old)


class PassageDialog(QDialog):
    """Who holds the selected passage, and what others may be told."""

    def __init__(self, passage: str, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restrict this passage")
        layout = QVBoxLayout(self)
        shown = passage if len(passage) <= 300 else passage[:300] + "…"
        intro = QLabel(
            f"In <b>{field}</b>, this passage will be shown only here, in the case editor. The big screen, "
            "the discussion view, papers and exports show “[restricted: held by …]” instead."
        )
        intro.setWordWrap(True)
        quote = QLabel(shown)
        quote.setWordWrap(True)
        quote.setTextFormat(Qt.TextFormat.PlainText)
        quote.setStyleSheet(f"background: {HIGHLIGHT.name()}; padding: 6px;")
        layout.addWidget(intro)
        layout.addWidget(quote)
        form = QFormLayout()
        self.holder = QComboBox()
        self.holder.setEditable(True)
        self.holder.addItems(HOLDERS)
        self.hold_for("psychology")
        self.holder.setAccessibleName("Held by")
        self.holder.setToolTip("A discipline, or type a clinician's name")
        self.note = QLineEdit()
        self.note.setAccessibleName("What others may be told")
        self.note.setPlaceholderText("Optional, e.g. a trauma-informed approach is needed")
        self.note.setMaxLength(1000)
        form.addRow("&Held by", self.holder)
        form.addRow("What others may be &told", self.note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText("&Restrict")
            ok.setDefault(True)
        # Enter in either field restricts (an editable list would otherwise keep the Enter to itself).
        holder_line = self.holder.lineEdit()
        if holder_line is not None:
            holder_line.returnPressed.connect(self._accept)
        self.note.returnPressed.connect(self._accept)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.error = QLabel("")
        self.error.setStyleSheet(palette.ERROR_LABEL_STYLE)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.holder.setFocus()

    def hold_for(self, holder: str) -> None:
        """Offer ``holder`` (a discipline of the list, else a typed name) as who holds the passage."""
        index = self.holder.findText(holder, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            self.holder.setCurrentIndex(index)
        else:
            self.holder.setCurrentText(holder)

    def held_by(self) -> str:
        return self.holder.currentText().strip()

    def note_text(self) -> str | None:
        return self.note.text().strip() or None

    def _accept(self) -> None:
        if self.result() == QDialog.DialogCode.Accepted and not self.isVisible():
            return  # one Enter reaches both the field and the default button: accept once
        if not self.held_by():
            self.error.setText("Say who holds the passage: a discipline or a clinician's name.")
            self.error.setVisible(True)
            return
        if len(self.held_by()) > 200:
            self.error.setText("Who holds the passage: at most 200 characters.")
            self.error.setVisible(True)
            return
        self.accept()
