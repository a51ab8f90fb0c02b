"""Choosing between two versions of a record changed elsewhere, without blocking the program.

A :data:`Chooser` is handed the record's name, the rows that differ and a function to call with the
choice. The default opens :class:`~mdtboard.ui.conflict_dialog.ConflictDialog` window-modal and returns at
once; tests put in a chooser that answers (or waits) as they need.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from mdtboard.domain.case import DisciplineInput
from mdtboard.domain.conference import Conference
from mdtboard.domain.errors import MdtboardError
from mdtboard.ui.conflict_dialog import Choice, ConflictDialog

Rows = list[tuple[str, str, str]]
Chooser = Callable[[str, Rows, Callable[[Choice], None]], None]


class WaitingForChoice(MdtboardError):
    """A save is held back while the user chooses between two versions of the record."""

    def __init__(self) -> None:
        super().__init__("Waiting for your choice between the two versions; nothing was saved meanwhile.")


def dialog_chooser(parent: QWidget) -> Chooser:
    """Ask with a ConflictDialog opened over ``parent``."""

    def choose(what: str, rows: Rows, done: Callable[[Choice], None]) -> None:
        dialog = ConflictDialog(what, rows, parent)

        def finished(_result: int) -> None:
            done(dialog.choice)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    return choose


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _rows(pairs: list[tuple[str, object, object]]) -> Rows:
    return [(label, _text(a), _text(b)) for label, a, b in pairs if _text(a) != _text(b)]


def details_rows(mine: Conference, theirs: Conference) -> Rows:
    """(field, my text, stored text) for each of the conference's own fields that differs."""
    when = "%a %d %b %Y %H:%M"
    return _rows(
        [
            ("Title", mine.title, theirs.title),
            ("When", mine.starts_at.strftime(when), theirs.starts_at.strftime(when)),
            ("Room", mine.room, theirs.room),
            ("Chair", mine.chair, theirs.chair),
            ("Mode", mine.mode.value, theirs.mode.value),
            ("Minutes per case", mine.default_minutes, theirs.default_minutes),
        ]
    )


def input_rows(mine: DisciplineInput, theirs: DisciplineInput | None) -> Rows:
    """(field, my text, stored text) for each field of a discipline's input that differs."""
    return _rows(
        [
            ("Author", mine.author, theirs.author if theirs else None),
            ("Assessment", mine.assessment, theirs.assessment if theirs else None),
            ("Recommendations", mine.recommendations, theirs.recommendations if theirs else None),
        ]
    )
