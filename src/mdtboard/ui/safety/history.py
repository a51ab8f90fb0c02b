"""File > Case history: who changed what of the open case, and when, from the audit trail (newest first).

The list shows the time (UTC), who (user@computer), what was done to which record (the case, a care plan,
an agenda item…), the fields changed by name, and the versions before and after; never their values. The
bottom line says whether the whole trail is sound (its chain checked on the reader thread).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mdtboard.ui import ops

if TYPE_CHECKING:
    from mdtboard.domain.errors import MdtboardError
    from mdtboard.services.audit import AuditEntry, AuditService, Verdict

COLUMNS = ("When (UTC)", "Who", "Action", "Record", "Fields changed", "Version")


class HistoryDialog(QDialog):
    def __init__(self, service: AuditService, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.case_id = case_id
        self.setWindowTitle("History of the case")
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAccessibleName("History of the case, newest first")
        layout.addWidget(self.tree)
        self.status = QLabel("Reading the history…")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.chain = QLabel("")
        self.chain.setWordWrap(True)
        layout.addWidget(self.chain)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 460)
        self.refresh()

    def refresh(self) -> None:
        ops.read(lambda: self.service.case_ref(self.case_id), parent=self, success=self._titled,
                 label="case reference")
        ops.read(lambda: self.service.history(self.case_id), parent=self, success=self._fill,
                 failure=self._failed, label="case history")
        ops.read(self.service.verify, parent=self, success=self._verified, failure=self._failed,
                 label="audit check")

    def _titled(self, ref: str | None) -> None:
        self.setWindowTitle(f"History of {ref}" if ref else f"History of case {self.case_id} (deleted)")

    def _fill(self, entries: list[AuditEntry]) -> None:
        self.tree.clear()
        for e in reversed(entries):
            item = QTreeWidgetItem([e.when, e.who, e.action, e.record, e.what, e.versions])
            item.setData(0, Qt.ItemDataRole.UserRole, e.id)
            self.tree.addTopLevelItem(item)
        for column in range(len(COLUMNS)):
            self.tree.resizeColumnToContents(column)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self.status.setText(f"{len(entries)} change{'s' if len(entries) != 1 else ''} recorded.")
        self.tree.setFocus()

    def _verified(self, verdict: Verdict) -> None:
        if verdict.ok:
            self.chain.setText(f"The audit trail is intact ({verdict.checked} records checked).")
        else:
            self.chain.setText(
                f"<b>The audit trail is broken at record {verdict.bad_id}</b>: {verdict.reason}. "
                "Tell whoever looks after mdtboard."
            )

    def _failed(self, error: MdtboardError) -> None:
        self.status.setText(str(error))
