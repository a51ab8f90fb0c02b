"""The table model behind every list of the care-plan editor (problems, goals, interventions, ...).

One :class:`ItemTableModel` holds the items of one section of a plan, each a domain dataclass, and shows
them through :class:`Column` descriptions: what a cell shows, what an editor starts from, how a typed
value changes the item (a new item; items are never changed in place), which choices a drop-down offers,
and an optional symbol. A column without a setter is read-only (e.g. a goal's SMART status).

An edit goes through :attr:`ItemTableModel.edit_handler` when one is set (the editor puts it on the undo
stack, and the command calls :meth:`ItemTableModel.replace_item`); a value that cannot be read (a date
or dose that is not one) is refused and reported by :attr:`ItemTableModel.problem`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from mdtboard.ui.conference.icons import Mark, icon

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

#: The labels a drop-down cell offers (a list of str), asked for by :class:`~.delegates.ChoiceDelegate`.
CHOICES_ROLE = int(Qt.ItemDataRole.UserRole) + 1


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: ``show`` gives the cell text; ``edit`` the text an editor starts from (default: the
    shown text); ``change(item, text)`` the changed item, raising ValueError with what to write instead;
    ``choices`` the labels of a drop-down; ``mark`` a symbol beside the text; ``tip`` a tooltip."""

    header: str
    show: Callable[[T], str]
    change: Callable[[T, str], T] | None = None
    edit: Callable[[T], str] | None = None
    choices: tuple[str, ...] = ()
    mark: Callable[[T], Mark | None] | None = None
    tip: Callable[[T], str] | None = None
    width: int = 0


class ItemTableModel(QAbstractTableModel, Generic[T]):
    """The items of one section, a row each.

    Signals:
        problem(str): a typed value was refused (why, and what to write instead); nothing was changed.
        items_changed(): rows were changed, added or removed.
    """

    problem = Signal(str)
    items_changed = Signal()

    def __init__(self, name: str, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.columns = tuple(columns)
        self._items: list[T] = []
        self._read_only = False
        #: Called as ``edit_handler(row, old_item, new_item)`` instead of changing the row directly.
        self.edit_handler: Callable[[int, T, T], None] | None = None

    # -- reading
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default argument)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def items(self) -> list[T]:
        return list(self._items)

    def item(self, row: int) -> T:
        return self._items[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        item = self._items[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.show(item)
        if role == Qt.ItemDataRole.EditRole:
            return (column.edit or column.show)(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip(item) if column.tip is not None else (column.show(item) or None)
        if role == Qt.ItemDataRole.DecorationRole and column.mark is not None:
            mark = column.mark(item)
            return icon(mark) if mark is not None else None
        if role == CHOICES_ROLE and column.choices:
            return list(column.choices)
        return None

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return str(section + 1) if 0 <= section < len(self._items) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not self._valid(index):
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._read_only and self.columns[index.column()].change is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- editing
    @property
    def read_only(self) -> bool:
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        """Cells editable or not. Only their flags change: the views are told so with no role that
        changes a size, so that rows fitted to their text are not measured again (a plan locked by its
        last signature would measure every wrapped row of the seven tables, about 6 ms)."""
        if read_only != self._read_only:
            self._read_only = read_only
            if self._items:
                last = self.index(len(self._items) - 1, len(self.columns) - 1)
                self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.AccessibleDescriptionRole])

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        column = self.columns[index.column()]
        assert column.change is not None
        old = self._items[index.row()]
        try:
            new = column.change(old, "" if value is None else str(value))
        except ValueError as exc:
            self.problem.emit(f"{column.header}, row {index.row() + 1}: {exc}. Nothing was changed.")
            return False
        if new == old:
            return True
        if self.edit_handler is not None:
            self.edit_handler(index.row(), old, new)
        else:
            self.replace_item(index.row(), new)
        return True

    def set_items(self, items: Sequence[T]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()
        self.items_changed.emit()

    def replace_item(self, row: int, item: T) -> None:
        self._items[row] = item
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        self.items_changed.emit()

    def insert_item(self, row: int, item: T) -> None:
        row = max(0, min(row, len(self._items)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.insert(row, item)
        self.endInsertRows()
        self.items_changed.emit()

    def remove_item(self, row: int) -> T:
        self.beginRemoveRows(QModelIndex(), row, row)
        item = self._items.pop(row)
        self.endRemoveRows()
        self.items_changed.emit()
        return item

    def _valid(self, index: Index) -> bool:
        return (
            index.isValid()
            and not index.parent().isValid()
            and 0 <= index.row() < len(self._items)
            and 0 <= index.column() < len(self.columns)
        )
