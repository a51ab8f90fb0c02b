"""Help > Keyboard shortcuts (F1): every shortcut of the window, read from its menus and pages, plus the
keys of the case library and the case editor."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

#: Keys that are not menu actions: (section, what it does, keys).
FIXED_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Case library", "Search as you type", "Ctrl+F, then type"),
    ("Case library", "Go from the search field to the list", "Enter"),
    ("Case library", "Open the selected case", "Enter (or double-click)"),
    ("Case library", "Duplicate / archive or restore / delete the selected case", "Alt+P / Alt+R / Delete"),
    ("Case library", "Bring back the case just deleted (until mdtboard is closed)", "Ctrl+Z"),
    ("Case editor", "Go to Identify, Situation, Background, Assessment, Recommendation", "Alt+I, S, B, A, R"),
    ("Case editor", "Next / previous ISBAR part", "Ctrl+PgDown / Ctrl+PgUp"),
    ("Case editor", "Next / previous field", "Tab / Shift+Tab"),
    ("Case editor", "Edit a table cell", "F2 or start typing; Enter to finish"),
    ("Case editor", "Restrict the selected passage of a text field (on a restricted one: unrestrict)",
     "Ctrl+Shift+R"),
    ("Care plan", "Go to formulation, goals, interventions, medication, procedures, agreement",
     "Alt+O, G, I, M, R, W"),
    ("Care plan", "Add a row to a table / remove the selected row", "Insert or Ctrl+N / Delete"),
    ("Care plan", "Build the draft / start a new version", "Alt+B / Alt+N"),
    ("Care plan", "Sign for a discipline", "Enter in its name field"),
    ("Everywhere", "Choose a button in a dialog", "Alt + underlined letter"),
)


def _native(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


class ShortcutSheet(QDialog):
    """A window (not modal) listing each shortcut by section."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Action", "Keys"])
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(620, 640)

    def fill(self, window: QMainWindow) -> None:
        self.tree.clear()
        for section, rows in self.rows(window).items():
            top = QTreeWidgetItem([section, ""])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            for what, keys in rows:
                top.addChild(QTreeWidgetItem([what, keys]))
            top.setExpanded(True)

    @staticmethod
    def rows(window: QMainWindow) -> dict[str, list[tuple[str, str]]]:
        """Section -> (what, keys), for every shortcut the window offers."""
        out: dict[str, list[tuple[str, str]]] = {}
        seen: set[int] = set()
        for menu in window.menuBar().findChildren(QMenu):
            title = menu.title().replace("&", "")
            for action in menu.actions():
                seen.add(id(action))
                keys = ", ".join(_native(s) for s in action.shortcuts() if not s.isEmpty())
                if keys and not action.isSeparator():
                    out.setdefault(title, []).append((action.text().replace("&", "").rstrip("…"), keys))
        central = window.centralWidget()
        if central is not None:
            for action in central.findChildren(QAction):
                keys = ", ".join(_native(s) for s in action.shortcuts() if not s.isEmpty())
                if keys and id(action) not in seen and action.text():
                    out.setdefault("Conference", []).append((action.text().replace("&", ""), keys))
            for shortcut in central.findChildren(QShortcut):
                keys = _native(shortcut.key())
                what = shortcut.whatsThis() or shortcut.objectName()
                if keys and what:
                    out.setdefault("Conference", []).append((what, keys))
        for section, what, keys in FIXED_KEYS:
            out.setdefault(section, []).append((what, keys))
        return out

    def all_keys(self) -> list[tuple[str, str]]:
        """(what, keys) of every row shown."""
        rows = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None:
                    rows.append((child.text(0), child.text(1)))
        return rows



