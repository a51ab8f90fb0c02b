"""The case library's table: cases fetched a window at a time from :class:`CaseService`, so that a library
of 100,000 cases opens at once, scrolls smoothly from end to end and holds only the rows near what is shown.

Sorting, search and the real/fictional filter are passed to the service (and so to the database). When the
number of matching cases is known exactly (the whole library, a filter, a search with up to
:data:`COUNT_LIMIT` matches), the table has that many rows from the start and each window of
:data:`PAGE_SIZE` rows is read when a view first asks for one of its rows: the window after (or before) one
already read continues from its last reference, far windows are dropped (at most :data:`KEPT_WINDOWS` are
kept). A broad search ("more than 1,000 cases") grows a page at a time as the view scrolls (``fetchMore``),
in windows all the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
        self, service: CaseService, *, page_size: int = PAGE_SIZE, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._page_size = page_size
        self._windows: dict[int, list[CaseSummary]] = {}
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
        self._windows = {0: first}
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
        return found

    def row_of(self, case_id: int) -> int | None:
        """The row of a case: among the windows in memory, else among the first :data:`FIND_ROWS` rows."""
        for window, rows in self._windows.items():
            for offset, summary in enumerate(rows):
                if summary.id == case_id:
                    return window * self._page_size + offset
        for window in range(min(self._rows, FIND_ROWS) // self._page_size + 1):
            if window not in self._windows and window * self._page_size < self._rows:
                for offset, summary in enumerate(self._window(window)):
                    if summary.id == case_id:
                        return window * self._page_size + offset
        return None

    # -- the windows
    def _summary(self, row: int) -> CaseSummary | None:
        if not 0 <= row < self._rows:
            return None
        window, offset = divmod(row, self._page_size)
        rows = self._window(window)
        return rows[offset] if offset < len(rows) else None

    def _window(self, window: int) -> list[CaseSummary]:
        rows = self._windows.get(window)
        if rows is None:
            rows = self._read(window)
            self._windows[window] = rows
            while len(self._windows) > KEPT_WINDOWS:
                del self._windows[max(self._windows, key=lambda w: abs(w - window))]
        return rows

    def _read(self, window: int) -> list[CaseSummary]:
        before = self._windows.get(window - 1)
        if self._sort == "ref" and before is not None and len(before) == self._page_size:
            # The next window goes on from the last reference of the one before: no rows skipped over.
            return self._service.search(
                self._query,
                fictional=self._fictional,
                limit=self._page_size,
                sort="ref",
                descending=self._descending,
                after=before[-1].ref,
                archived=self._archived,
            )
        return self._fetch(window * self._page_size)

    def _fetch(self, offset: int) -> list[CaseSummary]:
        return self._service.search(
            self._query,
            fictional=self._fictional,
            limit=self._page_size,
            offset=offset,
            sort=self._sort,
            descending=self._descending,
            archived=self._archived,
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
        if not index.isValid():
            return None
        summary = self._summary(index.row())
        if summary is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(summary, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == KIND:
                tip = (
                    "A fictional case (demo or teaching); no real patient."
                    if summary.fictional
                    else "A real patient's case."
                )
                if summary.archived_at is not None:
                    tip += f" Archived on {summary.archived_at.astimezone().strftime('%Y-%m-%d')}."
                return tip
            return self._text(summary, column) or None
        if role == CASE_ID_ROLE:
            return summary.id
        if role == SUMMARY_ROLE:
            return summary
        return None

    @staticmethod
    def _text(summary: CaseSummary, column: int) -> str:
        if column == REF:
            return summary.ref
        if column == NAME:
            return summary.display_name
        if column == TITLE:
            return summary.title or ""
        if column == KIND:
            return FICTIONAL_BADGE if summary.fictional else REAL_TEXT
        if column == UPDATED:
            return summary.updated_at.strftime("%Y-%m-%d %H:%M") if summary.updated_at else ""
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
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = COLUMNS[column][1]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()
