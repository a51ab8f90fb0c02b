"""The main window's menus, keys and view: the keys of its actions, Undo and Redo, the window's size and
place, the text size, import and export (and dropping bundles on the window), the shortcut sheet and About
(a part of :class:`~mdtboard.ui.main_window.MainWindow`, which it is mixed into).

Only PySide6 classes the first paint needs are imported at module level (see :mod:`mdtboard.ui.main_window`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QKeySequence

from mdtboard import __version__
from mdtboard.ui import settings as options
from mdtboard.ui.editing import undo_queue
from mdtboard.ui.fonts import FontScaler

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QUndoStack
    from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

    from mdtboard.ui.forms.ui_main_window import Ui_MainWindow
    from mdtboard.ui.shortcut_sheet import ShortcutSheet

    WindowPart = QMainWindow
else:
    WindowPart = object

#: Page indexes of the navigation list and the stacked pages (page 0 of the stack is "opening...").
LIBRARY, CASE, CONFERENCE = range(3)

#: The navigation's width at the normal text size (ui/main_window.ui); it grows with bigger text.
NAVIGATION_WIDTH = 200


#: The keys of the menu actions of ui/main_window.ui, and of Undo and Redo. Set here with ``setShortcuts``,
#: not in the form: uic sets them with ``QAction.setShortcut(str)``, whose overloads make PySide build the
#: ``Qt`` namespace's enum types (about 15 ms) before the first paint. Named, not Qt's standard keys: those
#: differ between platforms (Quit is Ctrl+Q on X11 and nothing on others; Delete adds Ctrl+D on X11), and a
#: key an action carries twice is ambiguous to Qt, which then does nothing.
UNDO_KEYS = ("Ctrl+Z",)
REDO_KEYS = ("Ctrl+Shift+Z", "Ctrl+Y")
SHORTCUTS: dict[str, tuple[str, ...]] = {
    "actionImport": ("Ctrl+I",),
    "actionExport": ("Ctrl+Shift+E",),
    "actionQuit": ("Ctrl+Q",),
    "actionFind": ("Ctrl+F",),
    "actionShowLibrary": ("Alt+1",),
    "actionShowCase": ("Alt+2",),
    "actionShowConference": ("Alt+3",),
    "actionBiggerText": ("Ctrl++", "Ctrl+="),
    "actionSmallerText": ("Ctrl+-",),
    "actionResetText": ("Ctrl+0",),
    "actionNewConference": ("Ctrl+Shift+N",),
    "actionPreviousCase": ("Alt+PgUp",),
    "actionNextCase": ("Alt+PgDown",),
    "actionShortcuts": ("F1",),
}


def icon_path() -> Path | None:
    from mdtboard.resources import resource

    try:
        path = resource("icons", "mdtboard.svg")
    except FileNotFoundError:
        return None
    return path if path.exists() else None


class WindowView(WindowPart):
    """The menus, keys and view of the main window (see the module docstring)."""

    ui: Ui_MainWindow
    settings: Any
    undo_stack: QUndoStack
    library: Any
    last_dialog: QWidget | None
    _fonts: FontScaler
    _shortcut_sheet: ShortcutSheet | None
    first_start: bool

    def show_page(self, page: int) -> None:
        raise NotImplementedError

    # -- set-up
    def _add_undo_actions(self) -> None:
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcuts([QKeySequence(key) for key in UNDO_KEYS])
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence(key) for key in REDO_KEYS])
        # Qt's actions call the stack's undo() at once; here a step aimed at a record not on screen waits
        # (without blocking) for its editor to show it: see mdtboard.ui.editing.undo_queue
        queue = undo_queue.queue_for(self.undo_stack)
        for action, which in ((undo, "undo"), (redo, "redo")):
            action.triggered.disconnect()
            action.triggered.connect(lambda _checked=False, which=which: queue.ask(which))
        queue.refused.connect(self.show_status)
        menu = self.ui.menuEdit
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, undo)
        menu.insertAction(first, redo)
        menu.insertSeparator(first)
        self.action_undo: QAction = undo
        self.action_redo: QAction = redo
        for name, keys in SHORTCUTS.items():
            getattr(self.ui, name).setShortcuts([QKeySequence(key) for key in keys])

    def _restore_settings(self) -> None:
        geometry = options.WINDOW_GEOMETRY.read(self.settings)
        self.first_start = geometry.isEmpty()
        if not self.first_start:
            self.restoreGeometry(geometry)
        state = options.WINDOW_STATE.read(self.settings)
        if not state.isEmpty():
            self.restoreState(state)
        self._fonts.restore(options.FONT_SCALE.read(self.settings))
        if self._fonts.scale != 1.0:
            self._fit_navigation()

    def show_window(self) -> None:
        """Show the window as the person left it; on the first start, maximised on its screen, with 90 %
        of the screen, centred, as its size when it is restored down. Closing remembers what they chose."""
        if not self.first_start:
            self.show()
            return
        screen = self.screen()
        if screen is not None:
            area = screen.availableGeometry()
            width, height = round(area.width() * 0.9), round(area.height() * 0.9)
            left, top = area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2
            self.setGeometry(left, top, width, height)
        self.showMaximized()

    def _set_pages_enabled(self, enabled: bool) -> None:
        for action in (
            self.ui.actionImport, self.ui.actionExport, self.ui.actionFind, self.ui.actionShowLibrary,
            self.ui.actionShowCase, self.ui.actionShowConference, self.ui.actionNewConference,
            self.ui.actionNextCase, self.ui.actionPreviousCase,
        ):
            action.setEnabled(enabled)
        self.ui.navigation.setEnabled(enabled)

    # -- import and export
    def _import(self) -> None:
        if self.library is not None:
            self.show_page(LIBRARY)
            self.library.choose_and_import()

    def _export(self) -> None:
        if self.library is not None:
            self.show_page(LIBRARY)
            self.library.choose_and_export()

    @staticmethod
    def _bundle_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [
            Path(url.toLocalFile())
            for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".json")
        ]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.library is not None and self._bundle_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._bundle_paths(event)
        if self.library is None or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.show_page(LIBRARY)
        self.library.import_paths(paths)

    # -- view
    def set_font_scale(self, scale: float) -> None:
        applied = self._fonts.apply(scale)
        self._fit_navigation()
        options.FONT_SCALE.write(self.settings, applied)
        self.show_status(f"Text size {round(applied * 100)} %")

    def _fit_navigation(self) -> None:
        """The navigation as wide as its longest entry at the text size (200 px at least), so that bigger
        text does not cut "Case library" short."""
        nav = self.ui.navigation
        # what the entries need (text, the style sheet's padding, margins), the frame, and a little room
        width = max(NAVIGATION_WIDTH, nav.sizeHintForColumn(0) + 2 * nav.frameWidth() + 12)
        nav.setMinimumWidth(width if width > NAVIGATION_WIDTH else 0)
        nav.setMaximumWidth(width)

    @property
    def font_scale(self) -> float:
        return self._fonts.scale

    def show_status(self, text: str) -> None:
        self.ui.statusbar.showMessage(text)

    def _operation_failed(self, message: str) -> None:
        self.ui.statusbar.showMessage(f"\u26a0 {message}")

    def show_shortcuts(self) -> ShortcutSheet:
        if self._shortcut_sheet is None:
            from mdtboard.ui.shortcut_sheet import ShortcutSheet

            self._shortcut_sheet = ShortcutSheet(self)
        self._shortcut_sheet.fill(self)
        self._shortcut_sheet.show()
        self._shortcut_sheet.activateWindow()
        return self._shortcut_sheet

    def show_about(self) -> QMessageBox:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Information,
            "About mdtboard",
            f"<b>mdtboard {__version__}</b><br><br>Multidisciplinary pain-medicine case conferences: "
            "case preparation in ISBAR order, live input from every discipline, one joint care plan.",
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = box
        box.open()
        return box
