"""A step that must come after the save of what was typed: signing a care plan as it was typed, printing
it, submitting the scores given, showing another version.

The GUI thread does not wait for that save (a locked SQLite file or a silent PostgreSQL server would hold
the window). :func:`after_save` queues it on the writer thread (:meth:`RecordSession.queue_save`), then a
marker behind it on the same ordered queue that touches no database; when the marker is back on the GUI
thread, the save's outcome has been delivered before it, and the step runs only when everything typed is
committed. Typed on meanwhile, that is saved too and the step waits for it; when the save failed (a fault
that passes, retried by itself; one a person must act on; a choice awaited) the step does not run, the
text stays on screen with its "Not saved" state, and ``refused`` tells the person why.

:func:`after_saves` is the same for a step that must come after the saves of every editor of the window
(restoring a backup).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from mdtboard.ui import ops
from mdtboard.ui.editing.session import RecordSession, saves_not_waited_for


def after_save(
    session: RecordSession,
    step: Callable[[], object],
    refused: Callable[[str], None],
    *,
    parent: QObject,
    label: str,
) -> bool:
    """Run ``step`` once everything typed in ``session`` is committed: now when nothing is pending, else
    on the GUI thread once the save, queued now, is back. ``refused(reason)`` runs instead when the save
    failed or awaits a choice (``reason``: its save state, "Not saved: the database is busy. Retrying in
    5 s"). Returns False when refused now, the step's result when it ran now (True when it returned
    None), True when it waits for the save."""
    session.queue_save()
    outcome = session.outcome()
    if outcome == "failed":
        refused(session.state_text or "Not saved")
        return False
    if outcome == "saved":
        return step() is not False

    def back(_nothing: object) -> None:  # the save's outcome was delivered first (the writer is ordered)
        if session.outcome() == "failed":  # (not saved again here: it is retried by itself)
            refused(session.state_text or "Not saved")
        else:  # saved (the step runs), or typed on meanwhile (saved too, first)
            after_save(session, step, refused, parent=parent, label=label)

    session.operations.write(_nothing, parent=parent, label=label, success=back)
    return True


def _nothing() -> None:
    """The marker queued behind a save: it touches no database."""


#: How many times :func:`after_saves` looks again before refusing (a save may have to run again: an edit
#: came while one ran, a fault that passes retried), not forever.
ROUNDS = 3


def after_saves(
    flush: Callable[[], bool],
    step: Callable[[], object],
    refused: Callable[[], None],
    *,
    parent: QObject,
    label: str,
) -> bool:
    """Run ``step`` once everything typed in every editor of the window is committed (restoring a backup
    replaces the whole database): ``flush`` is the window's, which, called within
    :func:`~mdtboard.ui.editing.session.saves_not_waited_for`, starts each pending save without waiting and
    is True when everything is committed. When it is not, a marker queued behind those saves on the ordered
    writer brings the question back once they have run; ``refused()`` instead of the step when a save
    failed or awaits a choice (nothing on its way, yet not everything committed), or after
    :data:`ROUNDS` looks. Returns False when refused now, True when the step ran or waits."""
    operations = ops.operations()

    def look(round_: int) -> bool:
        with saves_not_waited_for():
            committed = flush()
        if committed:
            step()
            return True
        if round_ >= ROUNDS or not operations.busy:
            refused()
            return False

        def back(_nothing: object) -> None:  # the saves queued before it have run, their outcomes delivered
            look(round_ + 1)

        operations.write(_nothing, parent=parent, label=label, success=back)
        return True

    return look(0)
