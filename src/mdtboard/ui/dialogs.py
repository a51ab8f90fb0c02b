"""Small dialogs shared by the windows: problems with their JSON paths or fields, errors, questions.

Every dialog here is opened without blocking (``QDialog.open``): the event loop keeps running, autosave
keeps working, and tests can find the dialog and answer it like a person would.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mdtboard.domain.errors import InvalidInputError, Problem


class ProblemsDialog(QDialog):
    """Lists every problem of an input: where (JSON path or field) and what is wrong."""

    def __init__(
        self, title: str, intro: str, problems: Sequence[Problem], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.problems = list(problems)
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.intro)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(["Where", "Problem"])
        self.table.setAccessibleName("Problems found")
        self.table.setWordWrap(True)
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for problem in self.problems:
            item = QTreeWidgetItem([problem.where or "(whole file)", problem.message])
            item.setToolTip(1, problem.message)
            self.table.addTopLevelItem(item)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(760, 380)

    def rows(self) -> list[tuple[str, str]]:
        """What the dialog shows, row by row (for tests and screen readers alike)."""
        out = []
        for i in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(i)
            if item is not None:
                out.append((item.text(0), item.text(1)))
        return out


def show_invalid_input(parent: QWidget, title: str, error: InvalidInputError, what: str) -> ProblemsDialog:
    """Open a :class:`ProblemsDialog` for ``error``; ``what`` says what was not done."""
    head = f"{error.source}\n\n" if error.source else ""
    count = len(error.problems)
    found = "1 problem was found" if count == 1 else f"{count} problems were found"
    dialog = ProblemsDialog(title, f"{head}{found}. {what}", error.problems, parent)
    dialog.open()
    return dialog


def show_error(parent: QWidget, title: str, text: str) -> QMessageBox:
    """An error message that does not block the event loop."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def ask(
    parent: QWidget,
    title: str,
    text: str,
    on_answer: Callable[[bool], None],
    *,
    default_yes: bool = True,
) -> QMessageBox:
    """A yes/no question that does not block; ``on_answer(True)`` when the person says yes. With
    ``default_yes=False`` (a step that destroys something) Enter answers No and Y answers Yes."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(
        QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(_result: int) -> None:
        on_answer(box.clickedButton() is box.button(QMessageBox.StandardButton.Yes))

    box.finished.connect(finished)
    box.open()
    return box


def choose(
    parent: QWidget,
    title: str,
    text: str,
    on_answer: Callable[[bool], None],
    *,
    act: str,
    keep: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
    name: str = "",
) -> QMessageBox:
    """A question with two named answers that does not block: ``act``, a step that loses something, and
    ``keep``, the safe answer (the default, and what Escape gives); ``on_answer(True)`` when the person
    chose ``act``. ``name`` is the box's object name."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    keeping = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    acting = box.addButton(act, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keeping)
    box.setEscapeButton(keeping)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda _result: on_answer(box.clickedButton() is acting))
    box.open()
    return box
