"""The case library's table: cases fetched a window at a time from :class:`CaseService`, so that a library
of 100,000 cases opens at once, scrolls smoothly from end to end and holds only the rows near what is shown.

Sorting, search and the real/fictional filter are passed to the service (and so to the database). When the
number of matching cases is known exactly (the whole library, a filter, a search with up to
:data:`COUNT_LIMIT` matches), the table has that many rows from the start and each window of
:data:`PAGE_SIZE` rows is read when a view first asks for one of its rows: the window after (or before) one
already read continues from its last reference, far windows are dropped (at most :data:`KEPT_WINDOWS` are
kept). A broad search ("more than 1,000 cases") grows a page at a time as the view scrolls (``fetchMore``),
in windows all the same.

With ``prefetch`` (the library's table), the windows on either side of the one being shown are read ahead
on the reader thread (:mod:`mdtboard.ui.ops`), so that scrolling on rarely waits for the database; a
window asked for before it has arrived is read at once, as without.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from mdtboard.domain.case import CaseSummary
from mdtboard.domain.search import parse_query

if TYPE_CHECKING:
    from mdtboard.services.cases import CaseService

#: Rows fetched from the database at a time: one window.
PAGE_SIZE = 200
#: Windows kept in memory; the one furthest from the last one read goes first.
KEPT_WINDOWS = 8
#: A case to show (:meth:`CaseTableModel.row_of`) is looked for among this many rows at most.
FIND_ROWS = 5000
#: Matches are counted up to this many; past it the library says "more than 1,000 cases" (an exact
#: count of a one-letter search over 100,000 cases would cost more than the search itself).
COUNT_LIMIT = 1000

#: (header, service sort key) of each column, in order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("Reference", "ref"),
    ("Patient", "name"),
    ("Title", "title"),
    ("Kind", "fictional"),
    ("Updated", "updated"),
)
REF, NAME, TITLE, KIND, UPDATED = range(len(COLUMNS))

#: The case's database id, for any cell of its row.
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The whole :class:`CaseSummary` of the row.
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2

FICTIONAL_BADGE = "FICTIONAL"
REAL_TEXT = "Real"

_Index = QModelIndex | QPersistentModelIndex

# Roles and flags as plain ints, made once: a view asks for every role of every cell it paints (about a
# thousand calls a page step), and building Qt's enum objects on each call cost more than the rest.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_CASE_ID = int(CASE_ID_ROLE)
_SUMMARY = int(SUMMARY_ROLE)
_SERVED = frozenset({_DISPLAY, _ACCESSIBLE, _TOOLTIP, _CASE_ID, _SUMMARY})
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

#: A row as the model keeps it: the fields of :class:`CaseSummary`, in order, as a tuple of plain values.
#: The garbage collector stops following such a tuple once it has looked at it (a CaseSummary is two
#: followed objects), so the windows kept add nothing to what its collections walk.
_Row = tuple[int, str, str, str | None, bool, datetime | None, datetime | None]
_ID: Final = 0
_REF: Final = 1
_NAME: Final = 2
_TITLE: Final = 3
_FICTIONAL: Final = 4
_UPDATED: Final = 5
_ARCHIVED: Final = 6


def _plain(summaries: list[CaseSummary]) -> list[_Row]:
    return [
        (s.id, s.ref, s.display_name, s.title, s.fictional, s.updated_at, s.archived_at) for s in summaries
    ]


def warm_up(service: CaseService) -> None:
    """The look-ups of a new model (how many cases; the first page, by reference), made once ahead of it on
    the thread that opened the database: the first statements on a new connection cost about 30 ms
    (connecting, compiling them), which the GUI thread is then spared when it builds the library."""
    service.search_with_count(
        "", count_limit=COUNT_LIMIT, fictional=None, limit=PAGE_SIZE, offset=0, sort="ref", descending=False
    )


class CaseTableModel(QAbstractTableModel):
    """Read-only rows of :class:`CaseSummary`, read a window at a time (see the module docstring)."""

    def __init__(
        self,
        service: CaseService,
        *,
        page_size: int = PAGE_SIZE,
        prefetch: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._page_size = page_size
        self._prefetch = prefetch
        self._pending: set[int] = set()  # windows being read ahead
        self._generation = 0  # a new search, filter or sort makes what is being read ahead stale
        self._ahead_of = -1  # the window whose neighbours were last asked for
        self._windows: dict[int, list[_Row]] = {}
        #: Each window's rows as the cells show them, each made when the row is first shown (not the whole
        #: window when it arrives, which made one page step in 25 pay for 200 rows).
        self._cells: dict[int, list[tuple[str, ...] | None]] = {}
        self._rows = 0  # rows the table has (all matches when the total is exact)
        self._total = 0
        self._total_exact = True
        self._last_page_full = False
        self._query = ""
        self._fictional: bool | None = None
        self._archived = False
        self._sort = "ref"
        self._descending = False
        self._fetching = False
        self._load()

    # -- what is shown
    @property
    def query(self) -> str:
        return self._query

    @property
    def total(self) -> int:
        """How many cases match, fetched or not; when :attr:`total_is_exact` is False, at least this many."""
        return self._total

    @property
    def total_is_exact(self) -> bool:
        return self._total_exact

    def set_query(self, query: str) -> None:
        if query != self._query:
            self._query = query
            self.refresh()

    def set_fictional(self, fictional: bool | None) -> None:
        """``None`` shows all cases, ``True`` only fictional ones, ``False`` only real ones."""
        self.set_filter(fictional, archived=self._archived)

    @property
    def archived(self) -> bool:
        return self._archived

    def set_filter(self, fictional: bool | None, *, archived: bool = False) -> None:
        """Which cases are shown: ``fictional`` as for :meth:`set_fictional`; ``archived`` True shows only
        the archived cases, False (the default) only the others."""
        if fictional is not self._fictional or archived != self._archived:
            self._fictional = fictional
            self._archived = archived
            self.refresh()

    def refresh(self) -> None:
        """Fetch again from the first page (after an import, an edit, a new search)."""
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def _load(self) -> None:
        self._generation += 1
        self._pending.clear()
        self._ahead_of = -1
        first, counted = self._service.search_with_count(
            self._query,
            count_limit=COUNT_LIMIT,
            fictional=self._fictional,
            limit=self._page_size,
            offset=0,
            sort=self._sort,
            descending=self._descending,
            archived=self._archived,
        )
        # Without words (the whole library, or one kind of it) the count is exact, however large.
        self._total_exact = counted <= COUNT_LIMIT or not parse_query(self._query).words
        self._windows = {0: _plain(first)}
        self._cells = {0: [None] * len(first)}
        self._last_page_full = len(first) == self._page_size
        if self._total_exact:
            self._total = self._rows = max(counted, len(first))
        else:
            self._rows = len(first)
            self._total = max(counted, len(first))

    def summary(self, row: int) -> CaseSummary:
        found = self._summary(row)
        if found is None:
            raise IndexError(row)
        return CaseSummary(*found)

    def row_of(self, case_id: int) -> int | None:
        """The row of a case: among the windows in memory, else among the first :data:`FIND_ROWS` rows."""
        for window, rows in self._windows.items():
            for offset, found in enumerate(rows):
                if found[_ID] == case_id:
                    return window * self._page_size + offset
        for window in range(min(self._rows, FIND_ROWS) // self._page_size + 1):
            if window not in self._windows and window * self._page_size < self._rows:
                for offset, found in enumerate(self._window(window)):
                    if found[_ID] == case_id:
                        return window * self._page_size + offset
        return None

    # -- the windows
    def _summary(self, row: int) -> _Row | None:
        if not 0 <= row < self._rows:
            return None
        window, offset = divmod(row, self._page_size)
        rows = self._window(window)
        return rows[offset] if offset < len(rows) else None

    def _window(self, window: int) -> list[_Row]:
        rows = self._windows.get(window)
        if rows is None:
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
        """Read the windows on either side of ``window`` on the reader thread, if not in memory."""
        from mdtboard.ui import ops  # the model also serves without the program's operations (tests)

        self._ahead_of = window
        for near in (window + 1, window - 1):
            if near < 0 or near * self._page_size >= self._rows:
                continue
            if near in self._windows or near in self._pending:
                continue
            self._pending.add(near)
            generation = self._generation
            work = self._reader(near)
            ops.read(
                work,
                parent=self,
                success=partial(self._arrived, generation, near),
                failure=partial(self._failed_ahead, generation, near),
                label="library rows",
            )

    def _reader(self, window: int) -> Callable[[], list[_Row]]:
        """What reads ``window`` (on another thread): the search as it stands now, frozen."""
        before = self._windows.get(window - 1)
        after = (
            before[-1][_REF] if self._sort == "ref" and before and len(before) == self._page_size else None
        )
        search = self._service.search
        query, fictional, sort, descending, archived = (
            self._query,
            self._fictional,
            self._sort,
            self._descending,
            self._archived,
        )
        limit, offset = self._page_size, window * self._page_size

        def read() -> list[_Row]:
            if after is not None:
                return _plain(
                    search(
                        query,
                        fictional=fictional,
                        limit=limit,
                        sort="ref",
                        descending=descending,
                        after=after,
                        archived=archived,
                    )
                )
            return _plain(
                search(
                    query,
                    fictional=fictional,
                    limit=limit,
                    offset=offset,
                    sort=sort,
                    descending=descending,
                    archived=archived,
                )
            )

        return read

    def _failed_ahead(self, generation: int, window: int, _error: object) -> None:
        self._arrived(generation, window, None)  # read when shown instead (and any failure shown then)

    def _arrived(self, generation: int, window: int, rows: list[_Row] | None) -> None:
        if generation != self._generation:
            return  # read for a search, filter or sort no longer shown
        self._pending.discard(window)
        if rows is not None and window not in self._windows:
            self._keep(window, rows)

    def _texts(self, row: int) -> tuple[str, ...] | None:
        """The cells of ``row`` as shown (read with its window when not in memory)."""
        if not 0 <= row < self._rows:
            return None
        window, offset = divmod(row, self._page_size)
        cells = self._cells.get(window)
        if cells is None:
            self._window(window)
            cells = self._cells[window]
        elif self._prefetch and window != self._ahead_of:
            self._read_ahead(window)
        if offset >= len(cells):
            return None
        texts = cells[offset]
        if texts is None:
            texts = cells[offset] = self._row_texts(self._windows[window][offset])
        return texts

    def _read(self, window: int) -> list[_Row]:
        before = self._windows.get(window - 1)
        if self._sort == "ref" and before is not None and len(before) == self._page_size:
            # The next window goes on from the last reference of the one before: no rows skipped over.
            return _plain(
                self._service.search(
                    self._query,
                    fictional=self._fictional,
                    limit=self._page_size,
                    sort="ref",
                    descending=self._descending,
                    after=before[-1][_REF],
                    archived=self._archived,
                )
            )
        return self._fetch(window * self._page_size)

    def _fetch(self, offset: int) -> list[_Row]:
        return _plain(
            self._service.search(
                self._query,
                fictional=self._fictional,
                limit=self._page_size,
                offset=offset,
                sort=self._sort,
                descending=self._descending,
                archived=self._archived,
            )
        )

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
        if not self.canFetchMore(parent) or self._fetching:
            return
        self._fetching = True  # a view (or a model tester) may ask again while rows are being inserted
        try:
            self._grow()
        finally:
            self._fetching = False

    def _grow(self) -> None:
        """A broad search: the next page after the rows the table has."""
        window = self._rows // self._page_size
        page = self._window(window)[self._rows % self._page_size :]
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
        role = int(role)
        if role not in _SERVED or not index.isValid():
            return None
        if role in (_DISPLAY, _ACCESSIBLE):
            texts = self._texts(index.row())
            return None if texts is None else texts[index.column()]
        found = self._summary(index.row())
        if found is None:
            return None
        column = index.column()
        if role == _TOOLTIP:
            if column == KIND:
                tip = (
                    "A fictional case (demo or teaching); no real patient."
                    if found[_FICTIONAL]
                    else "A real patient's case."
                )
                archived_at = found[_ARCHIVED]
                if archived_at is not None:
                    tip += f" Archived on {archived_at.astimezone().strftime('%Y-%m-%d')}."
                return tip
            return self._text(found, column) or None
        if role == _CASE_ID:
            return found[_ID]
        if role == _SUMMARY:
            return CaseSummary(*found)
        return None

    @classmethod
    def _row_texts(cls, found: _Row) -> tuple[str, ...]:
        return tuple(cls._text(found, column) for column in range(len(COLUMNS)))

    @staticmethod
    def _text(found: _Row, column: int) -> str:
        if column == REF:
            return found[_REF]
        if column == NAME:
            return found[_NAME]
        if column == TITLE:
            return found[_TITLE] or ""
        if column == KIND:
            kind = FICTIONAL_BADGE if found[_FICTIONAL] else REAL_TEXT
            return f"{kind} · archived" if found[_ARCHIVED] is not None else kind
        if column == UPDATED:
            updated_at = found[_UPDATED]
            return updated_at.strftime("%Y-%m-%d %H:%M") if updated_at else ""
        return ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section][0]
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"Sort by {COLUMNS[section][0].lower()}"
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = COLUMNS[column][1]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()
