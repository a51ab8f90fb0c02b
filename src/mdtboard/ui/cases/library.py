"""The case library: every case, found as you type, opened with Enter; bundles imported and exported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QWidget

from mdtboard.domain.case import Case, CaseSummary
from mdtboard.domain.errors import CancelledError, InvalidInputError, MdtboardError
from mdtboard.ui import ops, palette
from mdtboard.ui.cases.table_cells import CASE_ID_ROLE
from mdtboard.ui.cases.table_model import COUNT_LIMIT, CaseTableModel
from mdtboard.ui.cases.table_view import show_cases, size_columns
from mdtboard.ui.dialogs import show_error, show_invalid_input
from mdtboard.ui.fonts import set_relative_font
from mdtboard.ui.forms.ui_case_library import Ui_CaseLibrary
from mdtboard.ui.palette import LOCK_SIGN  # not from cases.display, which brings the case checks with it

if TYPE_CHECKING:  # the library is built before SQLAlchemy and the services are loaded (see __init__)
    from mdtboard.services.cases import StoredCase
    from mdtboard.services.context import Services
    from mdtboard.ui.cases.importing import BundleImport
    from mdtboard.ui.cases.table_reads import CaseReads

#: How long typing in the search field must pause before the library is searched.
SEARCH_DELAY_MS = 150

#: How long the current row must stay put before its sharing restrictions are looked up.
SELECTION_DELAY_MS = 80

#: The filter combo's entries, in order: which cases each shows (fictional: None for both kinds; archived).
FILTERS: tuple[tuple[bool | None, bool], ...] = ((None, False), (False, False), (True, False), (None, True))
#: The filter combo's entry of the archived cases.
ARCHIVED_FILTER = 3


def describe_import(stored: list[StoredCase]) -> str:
    created = sum(1 for s in stored if s.created)
    updated = len(stored) - created
    plural = "s" if len(stored) != 1 else ""
    return f"Imported {len(stored)} case{plural}: {created} created, {updated} updated"


class CaseLibrary(QWidget):
    """The table of cases with search, the real/fictional/archived filter, import and export, and the
    buttons (and context menu) that duplicate, archive or restore, and delete the selected case.

    Every look-up runs on the reader thread (:mod:`mdtboard.ui.ops`): while a search, a filter or a refresh
    is read, the rows of before stay shown and the count says "Searching…"; what follows it (selecting the
    first case of a new search, keeping the selected case of a refresh, showing a new case) is done once
    the rows have arrived.

    At the program's start the library may be built before the services are open, on the same reads
    through ``sqlite3`` (``cases``; see :mod:`mdtboard.services.quick_cases`): it lists, scrolls, sorts and
    searches as always, and opening a case is asked for as always (the window opens it once it can); what
    changes cases (new, duplicate, archive, delete, import) and export wait, their buttons disabled, until
    :meth:`attach_services`, and the sharing banner is looked up then.

    Signals:
        open_case_requested(int): the person asked to open this case (its id) in the case editor.
        new_case_requested(): the person asked for a new case (the New case… button).
        duplicate_requested(object): duplicate this case (a ``CaseSummary``) as a new case.
        archive_requested(object, bool): archive (True) or restore (False) this case (a ``CaseSummary``).
        delete_requested(object): delete this case (a ``CaseSummary``).
        status_message(str): a line for the status bar (cases imported, exported, errors).
        cases_imported(list): cases (``StoredCase``) were created or updated by an import.
    """

    open_case_requested = Signal(int)
    new_case_requested = Signal()
    duplicate_requested = Signal(object)
    archive_requested = Signal(object, bool)
    delete_requested = Signal(object)
    status_message = Signal(str)
    cases_imported = Signal(list)

    def __init__(
        self, services: Services | None, parent: QWidget | None = None, *, cases: CaseReads | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        reads = cases if cases is not None else services.cases if services is not None else None
        if reads is None:
            raise ValueError("the case library reads from the services or from the cases given")
        self.importing: BundleImport | None = None  # the import running, if any
        self.ui = Ui_CaseLibrary()
        self.ui.setupUi(self)
        set_relative_font(self.ui.heading, 1.35, bold=True)
        self.model = CaseTableModel(reads, prefetch=True, background=True, parent=self)
        #: What to do once the search, filter or refresh being read has arrived (the last one asked wins).
        self._then: Callable[[], None] | None = None
        self._loads = 0  # searches and refreshes arrived
        # widths and row heights from the font, never from the rows; cells drawn by the library's delegate
        show_cases(self.ui.caseTable, self.model)
        self.ui.sharingBanner.setStyleSheet(palette.SHARING_BANNER_STYLE)
        self._selection_timer = QTimer(self)
        self._selection_timer.setSingleShot(True)
        self._selection_timer.setInterval(SELECTION_DELAY_MS)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._pending_reveal: list[int] = []
        self._add_case_actions()
        self._connect_signals()
        self._update_count()
        self._after_load(self._select_first)  # Enter opens it, and the buttons act on it, from the start
        self._update_buttons()

    @property
    def services(self) -> Services | None:
        """The services the library changes cases with; None until :meth:`attach_services`."""
        return self._services

    def attach_services(self, services: Services) -> None:
        """The services are open: read from the case service from now on (the same rows) and let the
        buttons that change cases act."""
        self._services = services
        self.model.use_service(services.cases)
        self._update_buttons()
        self._selection_timer.start()  # the sharing banner of the current case

    def _add_case_actions(self) -> None:
        """The table's context menu (also the Menu key), and the Delete key on the table."""
        table = self.ui.caseTable

        def action(text: str, slot: object, key: str | None = None) -> QAction:
            made = QAction(text, table)
            if key is not None:
                made.setShortcuts([QKeySequence(key)])
                made.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            made.triggered.connect(slot)
            table.addAction(made)
            return made

        self.open_action = action("&Open case", self.open_current)
        self.duplicate_action = action("Du&plicate as a new case…", self.request_duplicate)
        self.archive_action = action("A&rchive", self.request_archive)
        self.delete_action = action("&Delete…", self.request_delete, "Delete")
        self.export_action = action("E&xport selected…", self.choose_and_export)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            size_columns(self.ui.caseTable)
        super().changeEvent(event)

    def _connect_signals(self) -> None:
        self.ui.searchEdit.textChanged.connect(self._search_timer.start)
        self.ui.searchEdit.returnPressed.connect(self._search_now_and_focus_table)
        self._search_timer.timeout.connect(self._apply_search)
        self.ui.filterCombo.currentIndexChanged.connect(self._apply_filter)
        self.ui.caseTable.activated.connect(self._open_index)
        self.ui.openButton.clicked.connect(self.open_current)
        self.ui.newButton.clicked.connect(self.new_case_requested)
        self.ui.importButton.clicked.connect(self.choose_and_import)
        self.ui.exportButton.clicked.connect(self.choose_and_export)
        self.ui.duplicateButton.clicked.connect(self.request_duplicate)
        self.ui.archiveButton.clicked.connect(self.request_archive)
        self.ui.deleteButton.clicked.connect(self.request_delete)
        self.ui.caseTable.selectionModel().currentRowChanged.connect(self._selection_timer.start)
        self.ui.caseTable.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._selection_timer.timeout.connect(self._show_sharing)
        self.model.modelReset.connect(self._update_count)
        self.model.modelReset.connect(self._selection_timer.start)
        self.model.rowsInserted.connect(self._update_count)
        self.model.searching.connect(self._update_count)
        self.model.loaded.connect(self._loaded)
        self.model.load_failed.connect(self._load_failed)
        self.model.dataChanged.connect(self._rows_arrived)

    # -- searching
    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchEdit.selectAll()

    def _apply_search(self) -> None:
        self.model.set_query(self.ui.searchEdit.text())
        self._after_load(self._select_first)

    def _search_now_and_focus_table(self) -> None:
        self._search_timer.stop()
        self._apply_search()
        self.ui.caseTable.setFocus(Qt.FocusReason.OtherFocusReason)

    def _apply_filter(self, index: int) -> None:
        fictional, archived = self._filter()
        self.model.set_filter(fictional, archived=archived)
        self._after_load(self._select_first)

    def _filter(self) -> tuple[bool | None, bool]:
        """What the filter combo shows: (fictional or None for both kinds, archived)."""
        index = self.ui.filterCombo.currentIndex()
        return FILTERS[index] if 0 <= index < len(FILTERS) else FILTERS[0]

    def _select_first(self) -> None:
        if self.model.rowCount():
            self.ui.caseTable.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _after_load(self, then: Callable[[], None]) -> None:
        """Do ``then`` once the search being read has arrived (now when none is being read)."""
        if self.model.loading:
            self._then = then
        else:
            self._then = None
            then()

    def _loaded(self) -> None:
        """The rows of the last search, filter or refresh asked for have arrived (the model was reset)."""
        then, self._then = self._then, None
        self._loads += 1
        if self._pending_reveal:
            ids, self._pending_reveal = self._pending_reveal, []
            self.reveal_cases(ids, what="the new case", done=self._note)
        elif then is not None:
            then()

    def _load_failed(self, message: str) -> None:
        """A search, or a window of rows shown as placeholders, could not be read."""
        if not self.model.loading:  # the search itself failed: what was to follow it will not
            self._then = None
        self._update_count()
        self.status_message.emit(f"Cases not read: {message}")

    def _note(self, note: str) -> None:
        if note:
            self.status_message.emit(note)

    def _rows_arrived(self, first: QModelIndex, last: QModelIndex) -> None:
        """Rows shown as placeholders have been read: the buttons act on the current one if among them."""
        row = self.ui.caseTable.currentIndex().row()
        if first.row() <= row <= last.row():
            self._update_buttons()
            self._selection_timer.start()

    def _update_count(self) -> None:
        if self.model.loading:
            self.ui.countLabel.setText("Searching…")
            return
        total = self.model.total
        kind = "archived case" if self.model.archived else "case"
        if self.model.total_is_exact:
            self.ui.countLabel.setText(f"{total:,} {kind}{'s' if total != 1 else ''}")
        else:
            self.ui.countLabel.setText(f"more than {COUNT_LIMIT:,} {kind}s")

    def refresh(self) -> None:
        """Read the cases again (after an edit, an import, an archive...), keeping the selected case and
        the scroll position once they have arrived; when the selected case is no longer listed, the row it
        had is selected."""
        table = self.ui.caseTable
        current = table.currentIndex()
        kept = self._case_id(current.row()) if current.isValid() else None
        row, column, scroll = current.row(), max(current.column(), 0), table.verticalScrollBar().value()
        self._then = lambda: self._restore(kept, row, column, scroll)
        self.model.refresh()

    def _restore(self, kept: int | None, row: int, column: int, scroll: int) -> None:
        """After a refresh: select the case ``kept`` again (or the row it had), at the scroll position."""
        if not self.model.rowCount():
            return
        if kept is None:  # nothing was selected (an empty library just filled): the first case, as at start
            self._select_row(0)
            return
        table = self.ui.caseTable
        table.verticalScrollBar().setValue(scroll)
        loads = self._loads

        def place(found: int | None) -> None:
            if self._loads != loads:
                return  # a search or refresh arrived meanwhile and selected for itself
            at = found if found is not None else min(row, self.model.rowCount() - 1)
            index = self.model.index(at, column)
            table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            table.verticalScrollBar().setValue(scroll)
            if at != row:
                table.scrollTo(index)  # the case moved: into view, if out of it

        self.model.find_row(kept, place, near=row)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.ui.caseTable.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )

    def show_when_refreshed(self, case_id: int) -> None:
        """Select ``case_id`` (a case just created) the next time the library is refreshed."""
        self._pending_reveal = [case_id]

    def reveal_cases(
        self, ids: list[int], *, what: str, done: Callable[[str], None] | None = None
    ) -> None:
        """Make the cases ``ids`` (new or just imported) visible and select the first: when the search or the
        filter hides any of them, they are cleared. The look-ups run in the background; then ``done`` is
        given what the status bar should say about it ("" when nothing was hidden; without ``done`` the
        library says it)."""
        told = done if done is not None else self._note
        if not ids:
            told("")
            return
        query = self.model.query
        fictional, archived = self._filter()
        if not (query.strip() or fictional is not None or archived):
            self._after_load(lambda: self._reveal(ids, what, "", told))
            return
        if self._services is None:
            told("")
            return
        cases = self._services.cases

        def listed() -> set[int]:
            return cases.listed(ids, query, fictional=fictional, archived=archived)

        def checked(shown: set[int]) -> None:
            note = ""
            if len(shown) < len(ids):
                self._search_timer.stop()
                self.ui.searchEdit.blockSignals(True)
                self.ui.searchEdit.clear()
                self.ui.searchEdit.blockSignals(False)
                self.model.set_query("")
                self.ui.filterCombo.setCurrentIndex(0)  # all cases
                note = f"The search and filter were cleared to show {what}."
            self._after_load(lambda: self._reveal(ids, what, note, told))

        ops.read(listed, parent=self, success=checked, failure=lambda _e: checked(set(ids)),
                 label="library reveal")

    def _reveal(self, ids: list[int], what: str, note: str, told: Callable[[str], None]) -> None:
        def selected(ok: bool) -> None:
            if not ok and not self.model.archived:
                told(f"{what[0].upper()}{what[1:]} is archived: Show: Archived cases lists it.")
            else:
                told(note)

        self._select_case(ids[0], selected)

    def select_case(self, case_id: int, done: Callable[[bool], None] | None = None) -> None:
        """Select ``case_id`` if the library lists it (as searched and filtered), once the rows being read
        have arrived and its row has been found (in the background); then ``done`` is told whether it was."""
        self._after_load(lambda: self._select_case(case_id, done))

    # -- the selected case: duplicate, archive or restore, delete
    def current_summary(self) -> CaseSummary | None:
        index = self.ui.caseTable.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        try:
            return self.model.summary(index.row())
        except IndexError:
            return None

    def _chosen(self) -> CaseSummary | None:
        summary = self.current_summary()
        if summary is None:
            self.status_message.emit("Select a case in the library first.")
        return summary

    def request_duplicate(self) -> None:
        summary = self._chosen()
        if summary is not None:
            self.duplicate_requested.emit(summary)

    def request_archive(self) -> None:
        """Archive the selected case, or restore it when it is archived."""
        summary = self._chosen()
        if summary is not None:
            self.archive_requested.emit(summary, summary.archived_at is None)

    def request_delete(self) -> None:
        summary = self._chosen()
        if summary is not None:
            self.delete_requested.emit(summary)

    def _update_buttons(self) -> None:
        summary = self.current_summary()
        ready = self._services is not None
        for widget in (self.ui.openButton, self.open_action):
            widget.setEnabled(summary is not None)  # a case asked for before the services is opened after
        for widget in (self.ui.newButton, self.ui.importButton, self.ui.exportButton, self.export_action):
            widget.setEnabled(ready)
        for widget in (
            self.ui.duplicateButton,
            self.ui.archiveButton,
            self.ui.deleteButton,
            self.duplicate_action,
            self.archive_action,
            self.delete_action,
        ):
            widget.setEnabled(summary is not None and ready)
        archived = summary is not None and summary.archived_at is not None
        self.ui.archiveButton.setText("&Restore" if archived else "A&rchive")
        self.archive_action.setText("&Restore to the library" if archived else "A&rchive")
        self.ui.archiveButton.setAccessibleName(
            "Restore the selected case to the library" if archived else "Archive the selected case"
        )

    def _select_case(self, case_id: int, done: Callable[[bool], None] | None = None) -> None:
        loads = self._loads

        def found(row: int | None) -> None:
            if row is not None and self._loads == loads:
                index = self.model.index(row, 0)
                self.ui.caseTable.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.ui.caseTable.scrollTo(index)
            if done is not None:
                done(row is not None)

        self.model.find_row(case_id, found)

    def _case_id(self, row: int) -> int | None:
        """The case of ``row`` if its window is in memory."""
        found = self.model.index(row, 0).data(CASE_ID_ROLE)
        return found if isinstance(found, int) else None

    def shutdown(self) -> None:
        """Stop the pending look-ups: the window is closing and the services with it."""
        self._search_timer.stop()
        self._selection_timer.stop()

    def _show_sharing(self) -> None:
        """The sharing restrictions of the current case, in a banner above the list (shown, never hidden
        in a tooltip: whoever looks at the screen must see them)."""
        if not self.isVisible() or self._services is None:  # looked up once the services are attached
            return
        summary = self.current_summary()
        if summary is None:  # none, or its row not read yet (its arrival looks again)
            self._set_sharing_banner("")
            return
        cases = self._services.cases

        def restriction() -> str:
            return (cases.get(summary.id).sharing_restrictions or "").strip()

        def shown(text: str) -> None:
            current = self.current_summary()
            if current is None or current.id != summary.id:
                return  # another case was selected meanwhile: its own read follows
            banner = f"{LOCK_SIGN} SHARING RESTRICTED ({summary.ref}): {text}"
            self._set_sharing_banner(banner if text else "")

        # read on the reader thread: the GUI thread never waits for the database (a case read in full)
        ops.read(restriction, parent=self, success=shown, failure=lambda _e: shown(""), label="sharing")

    def _set_sharing_banner(self, text: str) -> None:
        self.ui.sharingBanner.setText(text)
        self.ui.sharingBanner.setVisible(bool(text))

    # -- opening
    def _open_index(self, index: QModelIndex) -> None:
        case_id = self._case_id(index.row()) if index.isValid() else None
        if case_id is not None:  # None: a row still being read
            self.open_case_requested.emit(case_id)

    def open_current(self) -> None:
        self._open_index(self.ui.caseTable.currentIndex())

    def read_selected_refs(self, then: Callable[[list[str]], None]) -> None:
        """Give ``then`` the references of the selected cases (those of rows not in memory read on the
        reader thread); when they cannot be read, the person is told and ``then`` is not called."""
        rows = sorted({index.row() for index in self.ui.caseTable.selectionModel().selectedRows()})

        def not_read(error: MdtboardError) -> None:
            show_error(self, "Cases not exported", f"The selected cases could not be read: {error}")
            self.status_message.emit("Export failed")

        self.model.read_refs(rows, parent=self, success=then, failure=not_read)

    # -- import and export
    def choose_and_import(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, "Import case bundles", str(Path.home()), "Case bundles (*.json);;All files (*)"
        )
        if names:
            self.import_paths([Path(name) for name in names])

    def import_paths(self, paths: list[Path]) -> BundleImport:
        """Import bundle files in the background (the window goes on answering; a progress dialog can
        cancel); a bad file is reported with every JSON path and imports nothing. :attr:`cases_imported`
        tells when cases were stored."""
        from mdtboard.ui.cases.importing import start_import

        if self._services is None:
            raise RuntimeError("cases are imported once the services are open")
        self.status_message.emit(f"Importing {', '.join(p.name for p in paths)}…")
        self.importing = start_import(self._services.cases, paths, self, self._imported)
        return self.importing

    def _imported(self, outcome: list[StoredCase] | MdtboardError) -> None:
        self.importing = None
        self.refresh()
        if isinstance(outcome, CancelledError):
            self.status_message.emit(f"{outcome.what} was cancelled: nothing of that file was imported")
            return
        if isinstance(outcome, InvalidInputError):
            nothing = "Nothing was imported from this file."
            show_invalid_input(self, "Case bundle not imported", outcome, nothing)
            self.status_message.emit("Import failed: nothing was imported from the bad file")
            return
        if isinstance(outcome, MdtboardError):
            show_error(self, "Case bundle not imported", str(outcome))
            self.status_message.emit("Import failed")
            return
        stored = outcome
        self.status_message.emit(describe_import(stored))
        self.reveal_cases(
            [s.id for s in stored],
            what="the imported case" if len(stored) == 1 else "the imported cases",
            done=lambda note: self._note(f"{describe_import(stored)} {note}" if note else ""),
        )
        self.cases_imported.emit(stored)

    def choose_and_export(self) -> None:
        """Export the selected cases to a bundle file chosen: their references read, the file written and
        the export recorded, all in the background; a failure is told (and leaves no partial file)."""

        def chosen(refs: list[str]) -> None:
            if not refs:
                show_error(self, "Nothing to export", "Select one or more cases in the library first.")
                return
            name, _ = QFileDialog.getSaveFileName(
                self, "Export selected cases", str(Path.home() / "cases.json"), "Case bundles (*.json)"
            )
            if name:
                self.export_to(Path(name), refs)

        self.read_selected_refs(chosen)

    def export_to(self, path: Path, refs: list[str]) -> ops.Op[list[Case]]:
        """Write the cases ``refs`` to ``path`` on the writer thread (it records the export); the outcome
        is told when it comes (:attr:`status_message`, a message box on failure)."""
        from mdtboard.interchange.bundle import export_file

        if self._services is None:
            raise RuntimeError("cases are exported once the services are open")
        service = self._services.cases
        self.status_message.emit(f"Exporting {len(refs)} case{'s' if len(refs) != 1 else ''}…")

        def done(cases: list[Case]) -> None:
            self.status_message.emit(f"Exported {len(cases)} case{'s' if len(cases) != 1 else ''} to {path}")

        def failed(error: MdtboardError) -> None:
            show_error(self, "Cases not exported", str(error))
            self.status_message.emit("Export failed")

        return ops.write(lambda: export_file(service, path, refs, title="mdtboard export"), parent=self,
                         success=done, failure=failed, label="exporting cases")
