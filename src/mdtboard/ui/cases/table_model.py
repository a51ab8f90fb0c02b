"""The case library's table: cases fetched a window at a time from :class:`CaseService`, so that a library
of 100,000 cases opens at once, scrolls smoothly from end to end and holds only the rows near what is shown.

Sorting, search and the real/fictional filter are passed to the service (and so to the database). When the
number of matching cases is known exactly (the whole library, a filter, a search with up to
:data:`COUNT_LIMIT` matches), the table has that many rows from the start and each window of
:data:`PAGE_SIZE` rows is read when a view first asks for one of its rows: the window after (or before) one
already read continues from its last reference, far windows are dropped (at most :data:`KEPT_WINDOWS` are
kept). A broad search ("more than 1,000 cases") grows a page at a time as the view scrolls (``fetchMore``),
in windows all the same.

With ``prefetch`` (the library's table), the :data:`AHEAD` windows after the one being shown, in the way the
view is scrolling, and the one before it are read ahead on the reader thread (:mod:`mdtboard.ui.ops`), once
the paint that asked for them is done, so that scrolling on rarely waits for the database. What the cells
show is made in :mod:`mdtboard.ui.cases.table_cells`, a row when it is first shown (or when the library's
delegate prepares it ahead, :meth:`CaseTableModel.cell_text_if_read`).

With ``background`` (the library's table), the model itself never reads on the GUI thread: a new search,
filter, sort or refresh is read on the reader thread while the rows of before stay shown, and the model is
reset once when the first page and the count arrive (:attr:`CaseTableModel.loaded`; a search typed over
before its turn is skipped); a row of a window not in memory shows as a placeholder until its window has
been read, then ``dataChanged`` is emitted for it; a case's row is looked for there too
(:meth:`CaseTableModel.find_row`). Without it (tests, benchmarks of the model alone), a window asked for
before it has arrived is read at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from mdtboard.domain.case import CaseSummary
from mdtboard.domain.errors import MdtboardError
from mdtboard.domain.search import parse_query
from mdtboard.ui.cases.table_cells import (
    CASE_ID,
    COLUMNS,
    PLACEHOLDER,
    ROW_ROLES,
    SUMMARY,
    TEXT_ROLES,
    row_texts,
    tooltip,
)
from mdtboard.ui.cases.table_reads import ID as _ID
from mdtboard.ui.cases.table_reads import REF as _REF
from mdtboard.ui.cases.table_reads import First, Search, find, first, page, plain
from mdtboard.ui.cases.table_reads import Row as _Row

if TYPE_CHECKING:
    from mdtboard.ui.cases.table_reads import CaseReads

#: Rows fetched from the database at a time: one window.
PAGE_SIZE = 200
#: Windows kept in memory; the one furthest from the last one read goes first.
KEPT_WINDOWS = 8
#: Windows read ahead in the direction the view last moved (one is read on the other side too).
AHEAD = 2
#: A case to show (:meth:`CaseTableModel.row_of`) is looked for among this many rows at most.
FIND_ROWS = 5000
#: Matches are counted up to this many; past it the library says "more than 1,000 cases" (an exact
#: count of a one-letter search over 100,000 cases would cost more than the search itself).
COUNT_LIMIT = 1000

_Index = QModelIndex | QPersistentModelIndex

#: The first load of the program's library, read by :func:`warm_up` on the thread that opened the database.
_warm: list[tuple[object, First]] = []


def warm_up(service: CaseReads, *, keep: bool = True) -> None:
    """The look-ups of a new model (how many cases; the first page, by reference), made once ahead of it on
    the thread that opened the database: the first statements on a new connection cost about 30 ms
    (connecting, compiling them), which the reader thread is then spared. With ``keep`` the answer is kept
    for the library's model (background mode), which then shows it at once."""
    answer = first(service, Search(), PAGE_SIZE, COUNT_LIMIT)
    if keep:
        _warm[:] = [(service, answer)]


def _take_warm(service: CaseReads) -> First | None:
    found = [first for owner, first in _warm if owner is service]
    _warm.clear()
    return found[0] if found else None


class CaseTableModel(QAbstractTableModel):
    """Read-only rows of :class:`CaseSummary`, read a window at a time (see the module docstring).

    Signals:
        searching(): a new search, filter, sort or refresh is being read in the background; the rows
            shown are still those of before.
        loaded(): the first page and the count of the search arrived and the model was reset (in the
            synchronous mode too, at once).
        load_failed(str): the search could not be read (background mode); the rows of before stay.
    """

    searching = Signal()
    loaded = Signal()
    load_failed = Signal(str)
    _ahead_wanted = Signal()  # the windows around the one shown are to be read once the paint is done

    def __init__(
        self,
        service: CaseReads,
        *,
        page_size: int = PAGE_SIZE,
        prefetch: bool = False,
        background: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._page_size = page_size
        self._prefetch = prefetch
        self._background = background
        self._pending: set[int] = set()  # windows being read (ahead, or shown as placeholders)
        self._asked: set[int] = set()  # windows a view asked for before they were in memory
        self._generation = 0  # a new search, filter or sort makes what is being read for the rows stale
        #: The last load asked for, shared with the reader thread: a search typed over is skipped there.
        self._latest = [0]
        self._loading = False
        self._growing = False  # a broad search's next page is being read (background mode)
        self._ahead_of = -1  # the window whose neighbours were last asked for
        self._heading = 1  # the way the view last moved: 1 down, -1 up
        self._windows: dict[int, list[_Row]] = {}
        #: The last reference of each full window read in this generation (shared with the reader thread).
        self._lasts: dict[int, str] = {}
        #: Each window's rows as the cells show them, each made when the row is first shown (not the whole
        #: window when it arrives, which made one page step in 25 pay for 200 rows).
        self._cells: dict[int, list[tuple[str, ...] | None]] = {}
        self._rows = 0  # rows the table has (all matches when the total is exact)
        self._total = 0
        self._total_exact = True
        self._last_page_full = False
        self._wanted = Search()  # what was asked for
        self._shown = Search()  # what the rows are
        self._fetching = False
        self._ahead_soon = False  # the windows around the one shown are to be read once the paint is done
        self._ahead_wanted.connect(self._read_ahead_now, Qt.ConnectionType.QueuedConnection)
        if not background:
            self._load()
            return
        warm = _take_warm(service) if page_size == PAGE_SIZE else None
        if warm is not None:
            self._apply(self._wanted, warm)
        else:
            self._start_load()

    def use_service(self, service: CaseReads) -> None:
        """Read from ``service`` from now on: at the program's start, the case service once it is open, in
        place of the same reads through ``sqlite3`` (the same rows: nothing shown changes, nothing is read
        again; what is being read finishes as it began)."""
        self._service = service

    # -- what is shown
    @property
    def query(self) -> str:
        """The search asked for (shown, or being read)."""
        return self._wanted.query

    @property
    def loading(self) -> bool:
        """A new search, filter, sort or refresh is being read (background mode)."""
        return self._loading

    @property
    def total(self) -> int:
        """How many cases match, fetched or not; when :attr:`total_is_exact` is False, at least this many."""
        return self._total

    @property
    def total_is_exact(self) -> bool:
        return self._total_exact

    def set_query(self, query: str) -> bool:
        """Search for ``query``; False when it is the search already asked for (nothing read)."""
        if query == self._wanted.query:
            return False
        self._wanted = replace(self._wanted, query=query)
        self.refresh()
        return True

    def set_fictional(self, fictional: bool | None) -> bool:
        """``None`` shows all cases, ``True`` only fictional ones, ``False`` only real ones."""
        return self.set_filter(fictional, archived=self._wanted.archived)

    @property
    def archived(self) -> bool:
        return self._wanted.archived

    def set_filter(self, fictional: bool | None, *, archived: bool = False) -> bool:
        """Which cases are shown: ``fictional`` as for :meth:`set_fictional`; ``archived`` True shows only
        the archived cases, False (the default) only the others. False when nothing changed."""
        if fictional is self._wanted.fictional and archived == self._wanted.archived:
            return False
        self._wanted = replace(self._wanted, fictional=fictional, archived=archived)
        self.refresh()
        return True

    def refresh(self) -> None:
        """Fetch again from the first page (after an import, an edit, a new search). In the background
        mode the rows shown stay until the first page and the count arrive; then the model is reset."""
        if self._background:
            self._start_load()
            return
        self.beginResetModel()
        self._load()
        self.endResetModel()
        self.loaded.emit()

    def _load(self) -> None:
        self._apply(self._wanted, first(self._service, self._wanted, self._page_size, COUNT_LIMIT))

    def _start_load(self) -> None:
        """Read the first page and the count of the search asked for on the reader thread."""
        from mdtboard.ui import ops

        self._latest[0] += 1
        load, latest = self._latest[0], self._latest
        search, service, page_size = self._wanted, self._service, self._page_size

        def read() -> First | None:
            if latest[0] != load:
                return None  # typed over before its turn came: not read at all
            return first(service, search, page_size, COUNT_LIMIT)

        self._loading = True
        self.searching.emit()
        ops.read(
            read,
            parent=self,
            success=partial(self._load_arrived, load, search),
            failure=partial(self._load_failed, load),
            label="library search",
        )

    def _load_arrived(self, load: int, search: Search, answer: First | None) -> None:
        if answer is None or load != self._latest[0]:
            return  # a search typed over, or a newer one on its way
        self.beginResetModel()
        self._apply(search, answer)
        self._loading = False  # before the reset ends: what it tells of the model is what follows
        self.endResetModel()
        self.loaded.emit()

    def _load_failed(self, load: int, error: MdtboardError) -> None:
        if load != self._latest[0]:
            return
        self._loading = False
        self.load_failed.emit(str(error).splitlines()[0] if str(error) else type(error).__name__)

    def _apply(self, search: Search, answer: First) -> None:
        rows, counted = answer
        self._generation += 1
        self._pending.clear()
        self._asked.clear()
        self._growing = False
        self._ahead_of, self._heading = -1, 1
        self._shown = search
        # Without words (the whole library, or one kind of it) the count is exact, however large.
        self._total_exact = counted <= COUNT_LIMIT or not parse_query(search.query).words
        self._windows = {0: plain(rows)}
        self._lasts = {0: rows[-1].ref} if len(rows) == self._page_size else {}
        self._cells = {0: [None] * len(rows)}
        self._last_page_full = len(rows) == self._page_size
        if self._total_exact:
            self._total = self._rows = max(counted, len(rows))
        else:
            self._rows = len(rows)
            self._total = max(counted, len(rows))

    def summary(self, row: int) -> CaseSummary:
        """The case of ``row``; IndexError when there is none or (background mode) its window is not in
        memory yet (it is then read, and ``dataChanged`` tells when it has arrived)."""
        found = self._summary(row)
        if found is None:
            raise IndexError(row)
        return CaseSummary(*found)

    def read_refs(
        self,
        rows: list[int],
        *,
        parent: QObject,
        success: Callable[[list[str]], None],
        failure: Callable[[MdtboardError], None],
    ) -> None:
        """Give ``success`` the references of ``rows`` (the cases to export): at once when their windows are
        in memory, else once those not in memory are read on the reader thread (``failure`` when they
        cannot be). Nothing is read on the GUI thread."""
        from mdtboard.ui import ops  # the model also serves without the program's operations (tests)

        size = self._page_size
        needed = sorted({row // size for row in rows if 0 <= row < self._rows})
        known = {window: self._windows[window] for window in needed if window in self._windows}
        readers = {window: self._reader(window) for window in needed if window not in known}

        def refs(windows: dict[int, list[_Row]]) -> list[str]:
            found = []
            for row in rows:
                window, offset = divmod(row, size)
                got = windows.get(window)
                if got is not None and offset < len(got):
                    found.append(got[offset][_REF])
            return found

        if not readers:
            success(refs(known))
            return
        ops.read(lambda: {window: read() for window, read in readers.items()}, parent=parent,
                 success=lambda read: success(refs({**known, **read})), failure=failure,
                 label="the cases to export")

    def _row_in_memory(self, case_id: int) -> int | None:
        for window, rows in self._windows.items():
            for offset, found in enumerate(rows):
                if found[_ID] == case_id:
                    return window * self._page_size + offset
        return None

    def row_of(self, case_id: int) -> int | None:
        """The row of a case: among the windows in memory, else (synchronous mode) among the first
        :data:`FIND_ROWS` rows. The background mode looks further with :meth:`find_row`."""
        row = self._row_in_memory(case_id)
        if row is not None or self._background:
            return row
        for window in range(min(self._rows, FIND_ROWS) // self._page_size + 1):
            if window not in self._windows and window * self._page_size < self._rows:
                for offset, found in enumerate(self._window(window) or []):
                    if found[_ID] == case_id:
                        return window * self._page_size + offset
        return None

    def find_row(self, case_id: int, found: Callable[[int | None], None], *, near: int | None = None) -> None:
        """Find the row of a case and give it to ``found`` (None when it is not among the first
        :data:`FIND_ROWS` rows): at once when it is in memory, else after a look-up on the reader thread
        (the window of row ``near`` first, then the first rows), whose window is then kept; a broad search
        grows to show the row."""
        row = self._row_in_memory(case_id)
        if row is not None or not self._background:
            found(row if row is not None else self.row_of(case_id))
            return
        from mdtboard.ui import ops

        generation, search, service, size = self._generation, self._shown, self._service, self._page_size

        def look() -> tuple[int | None, list[_Row], int]:
            return find(service, search, case_id, size=size, rows=FIND_ROWS, near=near)

        def looked(answer: tuple[int | None, list[_Row], int]) -> None:
            if generation != self._generation:
                self.find_row(case_id, found, near=near)  # the rows changed meanwhile: look again
                return
            row, rows, _read = answer
            if row is not None:
                self._found_at(row, rows)
            found(row if row is not None and row < self._rows else None)

        ops.read(look, parent=self, success=looked, failure=lambda _e: found(None), label="library find")

    def _found_at(self, row: int, rows: list[_Row]) -> None:
        """Keep the window of a case looked for at ``row``; grow a broad search's table to show it."""
        window = row // self._page_size
        if window not in self._windows:
            self._keep(window, rows)
        if row < self._rows or self._total_exact:
            return
        end = window * self._page_size + len(rows)
        self.beginInsertRows(QModelIndex(), self._rows, end - 1)
        self._rows = end
        self.endInsertRows()
        if len(rows) < self._page_size:  # the end of the matches: now the count is known
            self._total, self._total_exact, self._last_page_full = end, True, False
        else:
            self._total, self._last_page_full = max(self._total, end), True

    # -- the windows
    def _summary(self, row: int) -> _Row | None:
        if not 0 <= row < self._rows:
            return None
        window, offset = divmod(row, self._page_size)
        rows = self._window(window)
        return rows[offset] if rows is not None and offset < len(rows) else None

    def _window(self, window: int) -> list[_Row] | None:
        """The rows of ``window``; in the background mode None when not in memory (then it is read on the
        reader thread, and ``dataChanged`` tells when it has arrived)."""
        rows = self._windows.get(window)
        if rows is None:
            if self._background:
                self._asked.add(window)
                self._read_in_background(window)
            else:
                rows = self._read(window)
                self._keep(window, rows)
        if self._prefetch:
            self._read_ahead(window)
        return rows

    def _keep(self, window: int, rows: list[_Row]) -> None:
        self._windows[window] = rows
        self._cells[window] = [None] * len(rows)
        while len(self._windows) > KEPT_WINDOWS:
            far = max(self._windows, key=lambda w: abs(w - window))
            del self._windows[far]
            self._cells.pop(far, None)

    def _read_ahead(self, window: int) -> None:
        """Read on the reader thread, if not in memory, the :data:`AHEAD` windows after ``window`` in the
        direction the view last moved (down at first), then the one on the other side: a window read when
        its first row is shown would show placeholders for as long as its read takes.

        The reads are asked for once the event being handled is done (a zero timer), not at once: the first
        row of a window is asked for while the view paints, and a read started then ran beside the rest of
        the paint, the two threads taking the interpreter lock in turn (page steps of the 100,000-case
        library that overlapped a read took 7 ms more in wall time, median)."""
        if 0 <= self._ahead_of != window:
            self._heading = 1 if window > self._ahead_of else -1
        self._ahead_of = window
        if not self._ahead_soon:
            self._ahead_soon = True
            # Posted to the event loop (a queued signal, no timer: the last reference to a timer may be let go
            # on the reader thread, which cannot stop it).
            self._ahead_wanted.emit()

    def _read_ahead_now(self) -> None:
        self._ahead_soon = False
        window, step = self._ahead_of, self._heading
        if window < 0:
            return  # a new search since: its rows are read when shown
        for near in (*(window + step * k for k in range(1, AHEAD + 1)), window - step):
            if near >= 0 and near * self._page_size < self._rows:
                self._read_in_background(near)

    def _read_in_background(self, window: int) -> None:
        if window in self._windows or window in self._pending:
            return
        from mdtboard.ui import ops  # the model also serves without the program's operations (tests)

        self._pending.add(window)
        generation = self._generation
        ops.read(
            self._reader(window),
            parent=self,
            success=partial(self._arrived, generation, window),
            failure=partial(self._failed_ahead, generation, window),
            label="library rows",
        )

    def _reader(self, window: int) -> Callable[[], list[_Row]]:
        """What reads ``window`` (on another thread): the search as it stands now, frozen. Sorted by
        reference, it goes on from the last reference of the window before: the one in memory, else the
        one the reader thread has just read (windows asked for in turn, faster than they arrive, are read
        in that order), else (a far jump) by its offset."""
        before = self._windows.get(window - 1)
        shown, service, size, lasts = self._shown, self._service, self._page_size, self._lasts
        keyset = shown.sort == "ref"
        known = before[-1][_REF] if keyset and before and len(before) == size else None

        def read() -> list[_Row]:
            after = known if known is not None or not keyset else lasts.get(window - 1)
            rows = page(service, shown, size, window * size, after)
            if keyset and len(rows) == size:
                lasts[window] = rows[-1][_REF]  # a plain dict: one item set, atomic for the GUI thread
            return rows

        return read

    def _failed_ahead(self, generation: int, window: int, error: MdtboardError) -> None:
        if generation == self._generation and window in self._asked:
            self._asked.discard(window)  # shown as placeholders; asked again when next painted
            self.load_failed.emit(str(error).splitlines()[0] if str(error) else type(error).__name__)
        self._arrived(generation, window, None)  # read when shown instead

    def _arrived(self, generation: int, window: int, rows: list[_Row] | None) -> None:
        if generation != self._generation:
            return  # read for a search, filter or sort no longer shown
        self._pending.discard(window)
        if rows is None:
            return
        if window not in self._windows:
            self._keep(window, rows)
        if window in self._asked:
            self._asked.discard(window)
            first = window * self._page_size
            last = min(first + self._page_size, self._rows) - 1
            if first <= last:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        if self._growing and window == self._rows // self._page_size:
            self._growing = False
            self.fetchMore()

    def _texts(self, row: int) -> tuple[str, ...] | None:
        """The cells of ``row`` as shown (read with its window when not in memory; in the background mode
        a placeholder until it has arrived)."""
        if not 0 <= row < self._rows:
            return None
        window, offset = divmod(row, self._page_size)
        cells = self._cells.get(window)
        if cells is None:
            if window in self._asked and window in self._pending:
                return PLACEHOLDER  # asked for already, on its way (a view asks for each cell of each row)
            if self._window(window) is None:
                return PLACEHOLDER
            cells = self._cells[window]
        elif self._prefetch and window != self._ahead_of:
            self._read_ahead(window)
        if offset >= len(cells):
            return None
        texts = cells[offset]
        if texts is None:
            texts = cells[offset] = row_texts(self._windows[window][offset])
        return texts

    def cell_text(self, row: int, column: int) -> str | None:
        """What the cell shows (its display role), in one call: for the library's delegate, which would
        otherwise ask for seven roles of every cell it draws."""
        texts = self._texts(row)
        return None if texts is None else texts[column]

    def cell_text_if_read(self, row: int, column: int) -> str | None:
        """What the cell shows when its row has been read, else None; nothing is read or asked for (the
        library's delegate prepares the text of the rows about to be shown with it)."""
        if not 0 <= row < self._rows:
            return None
        window, offset = divmod(row, self._page_size)
        cells = self._cells.get(window)
        if cells is None or offset >= len(cells):
            return None
        texts = cells[offset]
        if texts is None:
            texts = cells[offset] = row_texts(self._windows[window][offset])
        return texts[column]

    def _read(self, window: int) -> list[_Row]:
        return self._reader(window)()

    # -- QAbstractItemModel
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._total_exact:
            return False
        return self._last_page_full

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._fetching or self._growing:
            return
        self._fetching = True  # a view (or a model tester) may ask again while rows are being inserted
        try:
            self._grow()
        finally:
            self._fetching = False

    def _grow(self) -> None:
        """A broad search: the next page after the rows the table has."""
        window = self._rows // self._page_size
        rows = self._window(window)
        if rows is None:  # being read on the reader thread: grown when it arrives
            self._growing = True
            return
        page = rows[self._rows % self._page_size :]
        self._last_page_full = (self._rows + len(page)) % self._page_size == 0 and bool(page)
        if not page:
            self._total, self._total_exact = self._rows, True
            return
        first = self._rows
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows += len(page)
        self.endInsertRows()
        if not self._last_page_full:  # the end of the matches: now the count is known
            self._total, self._total_exact = self._rows, True
        else:
            self._total = max(self._total, self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for about seven roles of every cell painted (a thousand times a page step): the text roles
        # first, every role not answered at once.
        if role in TEXT_ROLES:
            texts = self._texts(index.row())
            return None if texts is None else texts[index.column()]
        if role in ROW_ROLES:
            found = self._summary(index.row())
            if found is None:
                return None
            if role == CASE_ID:
                return found[_ID]
            if role == SUMMARY:
                return CaseSummary(*found)
            return tooltip(found, index.column())  # the tooltip
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section][0]
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"Sort by {COLUMNS[section][0].lower()}"
        return None

    # flags(): QAbstractTableModel's own (enabled, selectable, no children), answered without Python for
    # every cell painted.

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        wanted = replace(
            self._wanted, sort=COLUMNS[column][1], descending=order == Qt.SortOrder.DescendingOrder
        )
        if wanted != self._wanted:  # the view sorts once as it is given the model: nothing to read again
            self._wanted = wanted
            self.refresh()
