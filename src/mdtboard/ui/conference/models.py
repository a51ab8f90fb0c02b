"""Item models of the conference workspace: plain lists (conferences, search results, deferred cases),
attendance and the agenda.

Models hold domain objects read from the services and never write to the database themselves: an edit
in a view (a cell, a drag) is handed to a handler, which pushes an undoable command; the command's result
comes back through :meth:`RowListModel.set_rows`, which turns it into the smallest change Qt can show
(rows changed, one row inserted, removed or moved, or else a reset), so that selection and the current
row survive.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import AgendaItem, AgendaStatus, Attendee, AttendeeRole
from mdtboard.ui.conference.icons import status_icon

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()

#: The role under which every model here gives the row's domain object.
ObjectRole = Qt.ItemDataRole.UserRole + 1


def single_move(old: Sequence[Hashable], new: Sequence[Hashable]) -> tuple[int, int] | None:
    """(source row, destination as Qt's beginMoveRows wants it) when ``new`` is ``old`` with one row
    moved, else None."""
    if len(old) != len(new) or old == new:
        return None
    for src in range(len(old)):
        rest = list(old[:src]) + list(old[src + 1 :])
        target = new.index(old[src]) if old[src] in new else -1
        if target < 0:
            return None
        if rest[:target] + [old[src]] + rest[target:] == list(new):
            return src, target + 1 if target > src else target
    return None


class RowListModel(QAbstractTableModel, Generic[T]):
    """A table of domain objects, one a row, keyed by ``key`` (usually the database id)."""

    headers: tuple[str, ...] = ("",)

    def __init__(self, key: Callable[[T], Hashable], parent: Any = None) -> None:
        super().__init__(parent)
        self._key = key
        self._rows: list[T] = []

    # -- reading
    def rows(self) -> list[T]:
        return list(self._rows)

    def row_object(self, row: int) -> T:
        return self._rows[row]

    def row_of(self, key: Hashable) -> int | None:
        for row, obj in enumerate(self._rows):
            if self._key(obj) == key:
                return row
        return None

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        obj = self._rows[index.row()]
        if role == ObjectRole:
            return obj
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.cell(index.row(), obj, index.column(), Qt.ItemDataRole.DisplayRole)
        return self.cell(index.row(), obj, index.column(), role)

    def cell(self, row: int, obj: T, column: int, role: int) -> Any:
        """What column ``column`` shows of ``obj`` (at ``row``) in ``role``; subclasses say."""
        raise NotImplementedError

    # -- replacing
    def show_again(self) -> None:
        """Every row shown afresh (what it shows depends on more than the row, and that changed)."""
        if self._rows:
            last = self.index(len(self._rows) - 1, max(len(self.headers) - 1, 0))
            self.dataChanged.emit(self.index(0, 0), last)

    def set_rows(self, rows: Sequence[T]) -> None:
        """Show ``rows``, with the smallest change Qt can show."""
        new = list(rows)
        old_keys = [self._key(o) for o in self._rows]
        new_keys = [self._key(o) for o in new]
        columns = max(len(self.headers) - 1, 0)
        if old_keys == new_keys:
            old, self._rows = self._rows, new
            for row, (before, after) in enumerate(zip(old, new, strict=True)):
                # only the rows that changed: an editor open on another row (a case's minutes being
                # typed when a change read in the background comes) keeps what is typed in it
                if before != after:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, columns))
            return
        move = single_move(old_keys, new_keys)
        if move is not None:
            src, dest = move
            self.beginMoveRows(ROOT, src, src, ROOT, dest)
            self._rows = new
            self.endMoveRows()
            self.dataChanged.emit(self.index(0, 0), self.index(len(new) - 1, columns))
            return
        if len(new) == len(self._rows) + 1:
            for at in range(len(new)):
                if new_keys[:at] + new_keys[at + 1 :] == old_keys:
                    self.beginInsertRows(ROOT, at, at)
                    self._rows = new
                    self.endInsertRows()
                    return
        if len(new) == len(self._rows) - 1:
            for at in range(len(self._rows)):
                if old_keys[:at] + old_keys[at + 1 :] == new_keys:
                    self.beginRemoveRows(ROOT, at, at)
                    self._rows = new
                    self.endRemoveRows()
                    return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()


class TextListModel(RowListModel[T]):
    """A one-column list of objects shown by a text function (conferences, search results, offers)."""

    def __init__(
        self,
        text: Callable[[T], str],
        key: Callable[[T], Hashable],
        *,
        tooltip: Callable[[T], str] | None = None,
        enabled: Callable[[T], bool] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(key, parent)
        self._text = text
        self._tooltip = tooltip
        self._enabled = enabled

    def cell(self, row: int, obj: T, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(obj)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._text(obj) if self._tooltip is None else self._tooltip(obj)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if self._enabled is None or self._enabled(self._rows[index.row()]):
            flags |= Qt.ItemFlag.ItemIsEnabled
        return flags


#: Hands an edited attendee (before, after) on; returns whether the edit was made.
AttendeeEditHandler = Callable[[Attendee, Attendee], bool]


class AttendeeModel(RowListModel[Attendee]):
    """The people at a conference: name, discipline and role, each editable in place."""

    headers = ("Name", "Discipline", "Role")
    NAME, DISCIPLINE, ROLE = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(lambda a: a.id, parent)
        self.edit_handler: AttendeeEditHandler | None = None

    def cell(self, row: int, obj: Attendee, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (obj.name, obj.discipline.label, obj.role.value.capitalize())[column]
        if role == Qt.ItemDataRole.EditRole:
            return (obj.name, obj.discipline.value, obj.role.value)[column]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        before = self._rows[index.row()]
        try:
            if index.column() == self.NAME:
                text = str(value).strip()
                if not text:
                    return False
                after = replace(before, name=text)
            elif index.column() == self.DISCIPLINE:
                after = replace(before, discipline=Discipline(value))
            else:
                after = replace(before, role=AttendeeRole(value))
        except ValueError:
            return False
        if after == before:
            return False
        if self.edit_handler is not None:
            return self.edit_handler(before, after)
        self._rows[index.row()] = after
        self.dataChanged.emit(index, index)
        return True


#: Hands a new agenda order (item ids) on; returns whether the agenda was reordered.
ReorderHandler = Callable[[list[int]], bool]
#: Hands a new time budget (item, minutes) on; returns whether it was saved.
MinutesHandler = Callable[[AgendaItem, int], bool]

AGENDA_MIME = "application/x-mdtboard-agenda-items"


class AgendaModel(RowListModel[AgendaItem]):
    """A conference's agenda in order (the vertical header numbers the rows). Rows move by drag and
    drop and by :meth:`moveRows`; the time budget is editable in place."""

    headers = ("Reference", "Patient", "Case", "Minutes", "Status")
    REF, PATIENT, TITLE, MINUTES, STATUS = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(lambda i: i.id, parent)
        self.reorder_handler: ReorderHandler | None = None
        self.minutes_handler: MinutesHandler | None = None

    def cell(self, row: int, obj: AgendaItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.MINUTES:
                return f"{obj.minutes} min"
            texts = (obj.case_ref, obj.patient_name, obj.case_title or "", None, status_text(obj))
            return texts[column]
        if role == Qt.ItemDataRole.EditRole and column == self.MINUTES:
            return obj.minutes
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATUS:
            return status_icon(obj.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.MINUTES:
                return "Time budget for this case; F2 changes it"
            if column == self.TITLE:
                return obj.case_title
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if index.column() == self.MINUTES:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() != self.MINUTES:
            return False
        try:
            minutes = int(value)
        except (TypeError, ValueError):
            return False
        item = self._rows[index.row()]
        if minutes == item.minutes:
            return False
        if self.minutes_handler is not None:
            return self.minutes_handler(item, minutes)
        self._rows[index.row()] = replace(item, minutes=minutes)
        self.dataChanged.emit(index, index)
        return True

    # -- moving rows
    def moveRows(  # noqa: N802
        self, source_parent: Index, source_row: int, count: int, destination_parent: Index, destination: int
    ) -> bool:
        """Move ``count`` rows from ``source_row`` to before ``destination`` (Qt's convention)."""
        if source_parent.isValid() or destination_parent.isValid() or count < 1:
            return False
        if source_row < 0 or source_row + count > len(self._rows) or not 0 <= destination <= len(self._rows):
            return False
        if source_row <= destination <= source_row + count:
            return False
        ids = [i.id for i in self._rows]
        block = ids[source_row : source_row + count]
        rest = ids[:source_row] + ids[source_row + count :]
        at = destination if destination < source_row else destination - count
        order = [i for i in rest[:at] + block + rest[at:] if i is not None]
        if self.reorder_handler is not None:
            return self.reorder_handler(order)
        self.beginMoveRows(ROOT, source_row, source_row + count - 1, ROOT, destination)
        moved = self._rows[source_row : source_row + count]
        kept = self._rows[:source_row] + self._rows[source_row + count :]
        self._rows = kept[:at] + moved + kept[at:]
        self.endMoveRows()
        return True

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [AGENDA_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        payload = json.dumps([self._rows[r].id for r in rows]).encode()
        data.setData(AGENDA_MIME, QByteArray(payload))
        return data

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(AGENDA_MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Move the dragged item to where it was dropped: between rows (``row``), or onto a row (the
        dragged item takes that row's place). Returns False, so that a view never removes the source
        rows: the move is already done."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            ids = json.loads(bytes(data.data(AGENDA_MIME).data()).decode())
        except ValueError:
            return False
        if len(ids) != 1:
            return False
        source = self.row_of(ids[0])
        if source is None:
            return False
        if row >= 0:
            destination = row
        elif parent.isValid():
            destination = parent.row() + 1 if parent.row() > source else parent.row()
        else:
            destination = len(self._rows)
        self.moveRows(ROOT, source, 1, ROOT, destination)
        return False


def status_text(item: AgendaItem) -> str:
    return item.status.label.capitalize()


def agenda_minutes(items: Sequence[AgendaItem]) -> int:
    """Minutes still planned: every case not yet discussed or deferred."""
    return sum(i.minutes for i in items if i.status in (AgendaStatus.PENDING, AgendaStatus.IN_DISCUSSION))
