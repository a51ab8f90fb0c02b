"""Deferring a case asks why, in one line: a common reason chosen with the arrow keys or any other typed."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from mdtboard.domain.conference import DEFERRAL_REASON_MAX, DEFERRAL_REASONS


class DeferDialog(QDialog):
    """Why a case is deferred: an editable list of the common reasons (the first is chosen; type over it
    for another). Enter defers, Esc leaves the case as it was."""

    def __init__(self, case_ref: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Defer {case_ref}")
        layout = QVBoxLayout(self)
        label = QLabel(f"Why is <b>{case_ref}</b> deferred? It is shown when the case is offered on the next "
                       "agenda, and in the minutes.")
        label.setWordWrap(True)
        layout.addWidget(label)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(DEFERRAL_REASONS)
        self.reason.setCurrentIndex(0)
        self.reason.setAccessibleName("Reason for deferring")
        line = self.reason.lineEdit()
        if line is not None:
            line.setMaxLength(DEFERRAL_REASON_MAX)
            line.selectAll()
            line.returnPressed.connect(self.accept)  # Enter in the reason defers, wherever focus came from
        label.setBuddy(self.reason)
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText("&Defer")
            ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reason.setFocus()
        self.resize(460, self.sizeHint().height())

    def reason_text(self) -> str | None:
        return " ".join(self.reason.currentText().split()) or None
