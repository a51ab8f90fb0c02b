"""The case library's table: cases fetched page by page from :class:`CaseService`, so that a library of
100,000 cases opens at once and scrolls smoothly.

Sorting, search and the real/fictional filter are passed to the service (and so to the database); the
model only keeps the rows fetched so far.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from mdtboard.domain.case import CaseSummary

if TYPE_CHECKING:
    from mdtboard.services.cases import CaseService

#: Rows fetched from the database at a time.
PAGE_SIZE = 200
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
    """Read-only rows of :class:`CaseSummary`; more are fetched as the view scrolls (``fetchMore``)."""

    def __init__(
        self, service: CaseService, *, page_size: int = PAGE_SIZE, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._page_size = page_size
        self._rows: list[CaseSummary] = []
        self._total = 0
        self._total_exact = True
        self._last_page_full = False
        self._query = ""
        self._fictional: bool | None = None
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
        if fictional is not self._fictional:
            self._fictional = fictional
            self.refresh()

    def refresh(self) -> None:
        """Fetch again from the first page (after an import, an edit, a new search)."""
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def _load(self) -> None:
        self._rows, counted = self._service.search_with_count(
            self._query,
            count_limit=COUNT_LIMIT,
            fictional=self._fictional,
            limit=self._page_size,
            offset=0,
            sort=self._sort,
            descending=self._descending,
        )
        self._total_exact = counted <= COUNT_LIMIT
        self._last_page_full = len(self._rows) == self._page_size
        self._total = counted if self._total_exact else max(counted, len(self._rows))

    def _fetch(self, offset: int) -> list[CaseSummary]:
        return self._service.search(
            self._query,
            fictional=self._fictional,
            limit=self._page_size,
            offset=offset,
            sort=self._sort,
            descending=self._descending,
        )

    def summary(self, row: int) -> CaseSummary:
        return self._rows[row]

    def row_of(self, case_id: int) -> int | None:
        """The row of a case among those fetched so far."""
        for row, summary in enumerate(self._rows):
            if summary.id == case_id:
                return row
        return None

    # -- QAbstractItemModel
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return len(self._rows) < self._total or (not self._total_exact and self._last_page_full)

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._fetching:
            return
        self._fetching = True  # a view (or a model tester) may ask again while rows are being inserted
        try:
            self._fetch_page()
        finally:
            self._fetching = False

    def _fetch_page(self) -> None:
        page = self._fetch(len(self._rows))
        known = {summary.id for summary in self._rows}
        # A case created by someone else meanwhile can shift the pages by a row; never list one twice.
        self._last_page_full = len(page) == self._page_size
        page = [summary for summary in page if summary.id not in known]
        if not page:
            self._total = len(self._rows)
            self._total_exact = True
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()
        if not self._total_exact:
            if not self._last_page_full:  # the end of the matches: now the count is known
                self._total, self._total_exact = len(self._rows), True
            else:
                self._total = max(self._total, len(self._rows))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(summary, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == KIND:
                return (
                    "A fictional case (demo or teaching); no real patient."
                    if summary.fictional
                    else "A real patient's case."
                )
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
