"""Shown when a record was changed elsewhere (another PC, another window) after this user opened it.

Both versions are shown field by field; the user keeps theirs, takes the stored one, or copies parts of
one into the other before choosing. Nothing is overwritten without that choice.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


class Choice(Enum):
    KEEP_MINE = "mine"
    TAKE_THEIRS = "theirs"


class ConflictDialog(QDialog):
    """``rows`` are (field label, my text, stored text) for each field that differs."""

    def __init__(self, what: str, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{what} was changed elsewhere")
        self.choice = Choice.TAKE_THEIRS
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Someone else saved {what} after you opened it. Your text has not been saved over theirs. "
            "Choose which version to keep; you can copy text from either side first."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.addWidget(QLabel("<b>Field</b>"), 0, 0)
        grid.addWidget(QLabel("<b>Your version (not saved)</b>"), 0, 1)
        grid.addWidget(QLabel("<b>Saved version</b>"), 0, 2)
        self.mine_edits: list[QPlainTextEdit] = []
        for row, (label, mine, theirs) in enumerate(rows, start=1):
            grid.addWidget(QLabel(label), row, 0)
            for col, text, side in ((1, mine, "your version"), (2, theirs, "saved version")):
                edit = QPlainTextEdit(text)
                edit.setReadOnly(True)
                edit.setAccessibleName(f"{label}, {side}")
                edit.setMinimumHeight(60)
                grid.addWidget(edit, row, col)
                if col == 1:
                    self.mine_edits.append(edit)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll)
        buttons = QDialogButtonBox()
        self.keep_mine = QPushButton("&Keep my version")
        self.take_theirs = QPushButton("Use the &saved version")
        buttons.addButton(self.keep_mine, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_theirs, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        self.keep_mine.clicked.connect(self._keep_mine)
        self.take_theirs.clicked.connect(self._take_theirs)
        self.resize(900, 500)

    def _keep_mine(self) -> None:
        self.choice = Choice.KEEP_MINE
        self.accept()

    def _take_theirs(self) -> None:
        self.choice = Choice.TAKE_THEIRS
        self.reject()
