"""Choosing, field by field, between this person's text and a version saved elsewhere, without blocking
the program.

The record sessions of the conference's editor and discipline panels merge a version saved elsewhere
by themselves; only fields both sides changed come here. A :data:`Chooser` is handed the record's name,
the :class:`~mdtboard.ui.editing.session.Clash`, how fields are named on screen, and a function to call
with the fields whose text of this person's own is kept (the saved text for every other). The default
opens :class:`~mdtboard.ui.editing.clash_dialog.ClashDialog` window-modal and returns at once; tests put
in a chooser that answers (or waits) as they need.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from mdtboard.ui.editing.clash_dialog import ClashDialog
from mdtboard.ui.editing.session import Clash

#: ``chooser(what, clash, label, done)``: ``done(keep_mine)`` is called once the person chose.
Chooser = Callable[[str, Clash, Callable[[str], str], Callable[[set[str]], None]], None]


def dialog_chooser(parent: QWidget) -> Chooser:
    """Ask with a :class:`ClashDialog` opened over ``parent``."""

    def choose(
        what: str, clash: Clash, label: Callable[[str], str], done: Callable[[set[str]], None]
    ) -> None:
        dialog = ClashDialog(what, clash, label, parent)

        def finished(_result: int) -> None:
            done(dialog.keep_mine)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    return choose
