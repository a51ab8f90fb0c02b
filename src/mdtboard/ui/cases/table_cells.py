"""What the case library's table shows of a case: its columns, the roles it answers and the text of each
cell, made from a row as the model keeps it (:data:`mdtboard.ui.cases.table_reads.Row`)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mdtboard.ui.cases.table_reads import ARCHIVED as _ARCHIVED
from mdtboard.ui.cases.table_reads import FICTIONAL as _FICTIONAL
from mdtboard.ui.cases.table_reads import NAME as _NAME
from mdtboard.ui.cases.table_reads import REF as _REF
from mdtboard.ui.cases.table_reads import TITLE as _TITLE
from mdtboard.ui.cases.table_reads import UPDATED as _UPDATED
from mdtboard.ui.cases.table_reads import Row

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
#: The cells of a row whose window is being read (background mode).
PLACEHOLDER = ("…", "", "", "", "")

# Roles as plain ints, made once: a view asks for every role of every cell it paints (about a thousand
# calls a page step), and building Qt's enum objects on each call cost more than the rest.
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
CASE_ID = int(CASE_ID_ROLE)
SUMMARY = int(SUMMARY_ROLE)
#: The other roles the model answers from the row; every other one is None.
ROW_ROLES = frozenset({TOOLTIP, CASE_ID, SUMMARY})
#: The roles answered with the cell's text.
TEXT_ROLES = frozenset({DISPLAY, ACCESSIBLE})


def row_texts(found: Row) -> tuple[str, ...]:
    """The text of each cell of a row, in column order."""
    return tuple(cell_text(found, column) for column in range(len(COLUMNS)))


def cell_text(found: Row, column: int) -> str:
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


def tooltip(found: Row, column: int) -> str | None:
    """The tooltip of a cell: what the kind means, else the cell's text (None when empty)."""
    if column == KIND:
        real = not found[_FICTIONAL]
        tip = "A real patient's case." if real else "A fictional case (demo or teaching); no real patient."
        archived_at = found[_ARCHIVED]
        if archived_at is not None:
            tip += f" Archived on {archived_at.astimezone().strftime('%Y-%m-%d')}."
        return tip
    return cell_text(found, column) or None
