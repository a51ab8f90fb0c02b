"""Where the case timers of presentation mode write their runs: on the writer queue (no SQL on the GUI
thread)."""

from __future__ import annotations

from typing import Any

from mdtboard.services.timing import RecordedRun
from mdtboard.ui import ops


class QueuedRuns:
    """Where the case timers write their runs: on the writer queue, in order, so that starting, pausing
    or marking the floor never waits for the database; a failed write comes back to the session, which
    has it written again."""

    def __init__(self, session: Any) -> None:
        self._session = session

    def save_run(self, agenda_item_id: int, run: RecordedRun) -> None:
        session, timing = self._session, self._session.services.timing
        ops.write(lambda: timing.save_run(agenda_item_id, run), parent=session,
                  label="recording a case's time",
                  failure=lambda exc: session.run_not_written(agenda_item_id, run, exc))
