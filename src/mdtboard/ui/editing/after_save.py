"""A step that must come after the save of what was typed: signing a care plan as it was typed, printing
it, submitting the scores given, showing another version.

The GUI thread does not wait for that save (a locked SQLite file or a silent PostgreSQL server would hold
the window). :func:`after_save` queues it on the writer thread (:meth:`RecordSession.queue_save`), then a
marker behind it on the same ordered queue that touches no database; when the marker is back on the GUI
thread, the save's outcome has been delivered before it, and the step runs only when everything typed is
committed. Typed on meanwhile, that is saved too and the step waits for it; when the save failed (a fault
that passes, retried by itself; one a person must act on; a choice awaited) the step does not run, the
text stays on screen with its "Not saved" state, and ``refused`` tells the person why.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from mdtboard.ui.editing.session import RecordSession


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
