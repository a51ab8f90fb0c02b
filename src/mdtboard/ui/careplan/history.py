"""The versions of a case's care plan, newest first, and what changed between two of them."""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import cache
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QPixmap
from PySide6.QtWidgets import QFrame, QWidget

from mdtboard.domain.careplan import CarePlan
from mdtboard.domain.careplan_diff import SectionChanges, diff_plans
from mdtboard.ui.careplan.signoff import local_time
from mdtboard.ui.conference.icons import SIZE, Mark, icon
from mdtboard.ui.fonts import set_relative_font
from mdtboard.ui.forms.ui_careplan_history import Ui_VersionHistory

Index = QModelIndex | QPersistentModelIndex


@cache
def _blank_icon() -> QIcon:
    """As wide as the padlock, so that drafts and signed versions line up."""
    blank = QPixmap(SIZE, SIZE)
    blank.fill(Qt.GlobalColor.transparent)
    return QIcon(blank)


def version_line(plan: CarePlan) -> str:
    """"Version 2 · draft" and, on a second line, "saved 3 Dec 2026, 14:30" (or "signed ...")."""
    if plan.signed:
        when = f"\n{local_time(plan.signed_at)}" if plan.signed_at else ""
        return f"Version {plan.plan_version} · signed{when}"
    stamp = plan.updated_at or plan.created_at
    when = f"\nlast saved {local_time(stamp)}" if stamp else ""
    return f"Version {plan.plan_version} · draft{when}"


class VersionListModel(QAbstractListModel):
    """The plan versions of one case, newest first; the one shown in the editor is in bold."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plans: list[CarePlan] = []
        self._shown: int | None = None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default argument)
        return 0 if parent.isValid() else len(self._plans)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < len(self._plans):
            return None
        plan = self._plans[index.row()]
        shown = plan.id is not None and plan.id == self._shown
        if role == Qt.ItemDataRole.DisplayRole:
            first, _, rest = version_line(plan).partition("\n")
            return first + (" · shown" if shown else "") + (f"\n{rest}" if rest else "")
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(Mark.RESTRICTED) if plan.signed else _blank_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            state = "signed and locked" if plan.signed else "a draft, still being edited"
            return f"Version {plan.plan_version} is {state}."
        if role == Qt.ItemDataRole.FontRole and shown:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def set_plans(self, plans: Sequence[CarePlan], shown: int | None) -> None:
        self.beginResetModel()
        self._plans = sorted(plans, key=lambda p: p.plan_version, reverse=True)
        self._shown = shown
        self.endResetModel()

    def update_plan(self, plan: CarePlan) -> None:
        """Show the newly saved state of one version (its row stays where it is)."""
        for row, known in enumerate(self._plans):
            if known.plan_version == plan.plan_version:
                self._plans[row] = plan
                self.dataChanged.emit(self.index(row, 0), self.index(row, 0))
                return

    def plan(self, row: int) -> CarePlan:
        return self._plans[row]

    def plans(self) -> list[CarePlan]:
        return list(self._plans)


def changes_html(old: CarePlan, new: CarePlan, sections: Sequence[SectionChanges]) -> str:
    head = f"<p><b>Changes from version {old.plan_version} to version {new.plan_version}</b></p>"
    if not sections:
        return head + "<p>No changes in what the team agreed (sign-offs are not compared).</p>"
    parts = [head]
    for section in sections:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in section.lines)
        parts.append(f"<p style='margin-bottom:0'><b>{html.escape(section.section)}</b></p><ul>{items}</ul>")
    return "".join(parts)


class VersionHistory(QFrame):
    """Lists the versions and shows what changed between two.

    Signals:
        show_version_requested(int): show this plan version (its number) in the editor.
        message(str): something for the status bar.
    """

    show_version_requested = Signal(int)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_VersionHistory()
        self.ui.setupUi(self)
        set_relative_font(self.ui.titleLabel, 1.15, bold=True)
        self._title = self.ui.titleLabel.text()
        self.model = VersionListModel(self)
        self.ui.versionsView.setModel(self.model)
        #: The last comparison shown: (older version, newer version, changes by section).
        self.last_changes: tuple[int, int, list[SectionChanges]] | None = None
        self._connect_signals()
        self._selection_changed()

    def _connect_signals(self) -> None:
        self.ui.versionsView.activated.connect(lambda index: self._show(index.row()))
        self.ui.versionsView.selectionModel().selectionChanged.connect(self._selection_changed)
        self.ui.showButton.clicked.connect(self._show_selected)
        self.ui.diffButton.clicked.connect(self.show_changes)

    def show_loading(self) -> None:
        """The versions are being read: said beside the title (those listed stay until they come)."""
        self.ui.titleLabel.setText(f"{self._title} (loading…)")

    def set_plans(self, plans: Sequence[CarePlan], shown: int | None) -> None:
        self.ui.titleLabel.setText(self._title)
        self.model.set_plans(plans, shown)
        self.ui.changesBrowser.clear()
        self.ui.changesBrowser.hide()
        self.last_changes = None
        self._selection_changed()

    def select_versions(self, *numbers: int) -> None:
        """Select the versions with these numbers (for the keyboard and for tests)."""
        view = self.ui.versionsView
        selection = view.selectionModel()
        selection.clearSelection()
        rows = [row for row, plan in enumerate(self.model.plans()) if plan.plan_version in numbers]
        if rows:
            view.setCurrentIndex(self.model.index(rows[0], 0))
        for row in rows:
            selection.select(self.model.index(row, 0), selection.SelectionFlag.Select)

    def _selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.ui.versionsView.selectionModel().selectedIndexes())

    def _selection_changed(self, *_args: object) -> None:
        rows = self._selected_rows()
        count = self.model.rowCount()
        self.ui.showButton.setEnabled(len(rows) == 1)
        comparable = len(rows) == 2 or (len(rows) == 1 and rows[0] < count - 1)
        # With one version there is nothing to compare: no button that sits disabled without saying why.
        self.ui.diffButton.setVisible(count >= 2)
        self.ui.diffButton.setEnabled(comparable)
        self.ui.diffButton.setToolTip(
            "What changed between the two selected versions, or between the selected one and the one before"
            if comparable else
            "Select a version that has one before it (not the first), or two versions, to see what changed"
        )

    def _show_selected(self) -> None:
        rows = self._selected_rows()
        if len(rows) == 1:
            self._show(rows[0])

    def _show(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.show_version_requested.emit(self.model.plan(row).plan_version)

    def show_changes(self) -> list[SectionChanges] | None:
        """Compare the two selected versions, or the selected one with the version before it."""
        rows = self._selected_rows()
        if len(rows) == 1 and rows[0] < self.model.rowCount() - 1:
            rows = [rows[0], rows[0] + 1]
        if len(rows) != 2:
            self.message.emit("Select one version (to compare it with the one before) or two versions.")
            return None
        new, old = self.model.plan(rows[0]), self.model.plan(rows[1])  # newest first
        sections = diff_plans(old, new)
        self.ui.changesBrowser.setHtml(changes_html(old, new, sections))
        self.ui.changesBrowser.show()
        self.last_changes = (old.plan_version, new.plan_version, sections)
        return sections
