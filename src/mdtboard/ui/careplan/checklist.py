"""The checklist shown before the first signature of a plan: what is still open (actions without an owner
or due date, goals not SMART, medication decisions pending, patient agreement, review date, sharing
restrictions), with the choice to go back and fix it or to sign anyway with a recorded reason."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mdtboard.domain.case import Discipline
from mdtboard.ui.careplan.display import WARNING_SIGN


class ChecklistDialog(QDialog):
    """Lists ``open_items``; "Sign with these open" needs a reason (``reason``), "Go back and fix" closes.

    The sign button stays disabled until a reason is typed; Esc goes back.
    """

    def __init__(
        self, discipline: Discipline, name: str, open_items: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Before the first signature")
        self.setAccessibleName("Checklist before the first signature")
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"<b>{WARNING_SIGN} Still open in this plan</b> ({len(open_items)}):<ul>"
            + "".join(f"<li>{html.escape(item)}</li>" for item in open_items)
            + "</ul>Go back and fix them, or sign with them open and say why (the reason is kept with "
            "the plan).",
            self,
        )
        intro.setTextFormat(Qt.TextFormat.RichText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        label = QLabel("&Reason for signing with items open:", self)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setAccessibleName("Reason for signing with items open")
        self.reason_edit.setTabChangesFocus(True)
        label.setBuddy(self.reason_edit)
        layout.addWidget(label)
        layout.addWidget(self.reason_edit)
        self.buttons = QDialogButtonBox(self)
        self.sign_button = QPushButton(
            f"&Sign for {discipline.label.lower()} as {name} with these open", self
        )
        self.back_button = QPushButton("&Go back and fix", self)
        self.buttons.addButton(self.sign_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(self.buttons)
        self.sign_button.setEnabled(False)
        self.back_button.setDefault(True)
        self.reason_edit.textChanged.connect(self._reason_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(620, 380)
        self.reason_edit.setFocus()

    @property
    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _reason_changed(self) -> None:
        self.sign_button.setEnabled(bool(self.reason))
