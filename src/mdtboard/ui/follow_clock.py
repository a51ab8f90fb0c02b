"""Following the meeting: the operator's timer and who holds the floor, on a colleague's PC.

The operator's PC records its timer as it runs (:class:`~mdtboard.services.timed_item.TimedItem`: every
start, pause and change of speaker writes the run, a stretch still going on without its end), and those
writes are changes of the conference in the change feed. :class:`OperatorClock` reads the timing of the
case under discussion after each of them and, every second, shows in the discussion's header the time it
has run against its budget, running or paused, and who holds the floor ("Operator's timer 04:12 of 12:00,
running · Floor: Psychology"). The running stretch is counted up to this PC's clock: PCs whose clocks
differ by a few seconds show a few seconds apart.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer

from mdtboard.domain.conference import AgendaItem
from mdtboard.domain.timers import format_mmss
from mdtboard.services.timing import ItemTimingRecord
from mdtboard.ui import ops as ops_module


def clock_text(record: ItemTimingRecord, budget_minutes: int, now: datetime) -> str:
    """The operator's timer as the header says it, at ``now``."""
    starts = [start for _who, start in record.open_floors]
    if starts and starts[0].tzinfo is None:
        now = now.astimezone(UTC).replace(tzinfo=None)  # SQLite gives stored times back without a zone
    counted = record.running_until(now)
    running = counted is not record
    text = f"Operator's timer {format_mmss(counted.active_seconds)} of {format_mmss(budget_minutes * 60)}"
    if not record.timed and not running:
        return text + ", not started"
    text += ", running" if running else ", paused"
    if running:
        who = max(record.open_floors, key=lambda o: o[1])[0]
        if who is not None:
            text += f" · Floor: {who.label}"
    return text


class OperatorClock(QObject):
    """The operator's timer in the discussion's header while following the meeting (module docstring)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.following = False
        self.record: ItemTimingRecord | None = None
        self.item: AgendaItem | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.show)

    def set_following(self, on: bool) -> None:
        self.following = on
        self.record, self.item = None, None
        if on:
            self._tick.start()
            self.refresh()
        else:
            self._tick.stop()
        self.show()

    def refresh(self) -> None:
        """Read the timing of the case under discussion again (the operator's PC wrote some)."""
        workspace = self.window.workspace
        if not self.following or workspace is None:
            return
        case_id = workspace.discussion.current_case_id()
        item = workspace.controller.item_for(case_id) if case_id is not None else None
        if item is None or item.id is None:
            self.record, self.item = None, None
            self.show()
            return
        timing, item_id = self.window.services.timing, item.id

        def arrived(record: ItemTimingRecord) -> None:
            self.record, self.item = record, item
            self.show()

        ops_module.operations().read(lambda: timing.item_timing(item_id), parent=self, success=arrived,
                                     failure=lambda _error: None, label="reading the operator's timer")

    def show(self) -> None:
        workspace = self.window.workspace
        if workspace is None:
            return
        label = workspace.discussion.ui.followLabel
        if not self.following or self.record is None or self.item is None:
            label.setText("")
            return
        label.setText(clock_text(self.record, self.item.minutes, datetime.now(UTC)))
