"""The meeting clock of presentation mode: when the meeting started and ended, as recorded in the
database, and when it will end at this pace (a part of :class:`~mdtboard.ui.presentation.session.
PresentationSession`).

The clock starts with the first case timer of the conference. Every read and write runs as a background
operation: the start (or taking back a recorded end) and the end on the writer queue, after the runs
written before them; the clock of a conference opened is read on the reader thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mdtboard.domain.clocks import Clock
from mdtboard.domain.conference import AgendaStatus
from mdtboard.domain.errors import MdtboardError
from mdtboard.domain.meeting_clock import MeetingClock, MeetingForecast, planned_finish
from mdtboard.services.timing import MeetingTimes
from mdtboard.ui import ops

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from mdtboard.services.timed_item import TimedItem

    SessionPart = QObject
else:
    SessionPart = object

DONE = (AgendaStatus.DISCUSSED, AgendaStatus.DEFERRED)


class MeetingClockPart(SessionPart):
    """The meeting clock of a presentation session (a mixin of it: see the module docstring)."""

    controller: Any
    services: Any
    clock: Clock
    item: Any
    meeting: MeetingTimes | None
    _meeting_conf: int | None
    _meeting_asked: int

    def current_timer(self) -> TimedItem | None:
        raise NotImplementedError

    def _emit_ticked(self) -> None:
        raise NotImplementedError

    def _emit_message(self, text: str) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------ the meeting clock
    def _conference_id(self) -> int | None:
        conf_id: int | None = self.controller.conf_id
        return conf_id

    def meeting_times(self) -> MeetingTimes | None:
        """The meeting clock of the open conference as known here (None until read, on the reader thread,
        or when the meeting has not started)."""
        conf_id = self._conference_id()
        if conf_id is None:
            return None
        if self._meeting_conf != conf_id:
            self._meeting_conf, self.meeting = conf_id, None
            self._meeting_asked += 1
            token, timing = self._meeting_asked, self.services.timing
            ops.read(lambda: timing.meeting_times(conf_id), parent=self, label="the meeting clock",
                     success=lambda times: self._meeting_known(token, conf_id, times),
                     failure=lambda _exc: None)
        return self.meeting

    def _meeting_known(self, token: int, conf_id: int, times: MeetingTimes | None) -> None:
        if token == self._meeting_asked and conf_id == self._meeting_conf:  # not asked again meanwhile
            self.meeting = times
            self._emit_ticked()

    def _start_meeting(self) -> None:
        """Record the meeting's start (or take back its recorded end), on the writer queue."""
        conf_id = self._conference_id()
        if conf_id is None:
            return
        self._meeting_conf = conf_id
        self._meeting_asked += 1  # a read still on its way is older than this
        token, timing, at = self._meeting_asked, self.services.timing, self.clock.wall()

        def work() -> MeetingTimes | None:
            times = timing.meeting_times(conf_id)
            if times is None:
                return timing.start_meeting(conf_id, at)
            if times.ended_at is not None:
                return timing.resume_meeting(conf_id)
            return times

        ops.write(work, parent=self, label="starting the meeting clock",
                  success=lambda times: self._meeting_known(token, conf_id, times),
                  failure=lambda exc: self._emit_message(f"The meeting clock was not recorded: {exc}"))

    def end_meeting(self, done: Callable[[MeetingTimes | None], object] | None = None) -> None:
        """Stop the running case's timer and record the meeting's end, on the writer queue (after the
        run and the clock's start written before it); then ``done`` is given the meeting clock as
        recorded (None: the meeting never started), also when the end could not be recorded."""
        timer = self.current_timer()
        if timer is not None and timer.run_state().ticking:
            timer.stop()
        conf_id = self._conference_id()
        if conf_id is None:
            if done is not None:
                done(self.meeting)
            return
        self._meeting_conf = conf_id
        self._meeting_asked += 1
        token, timing, at = self._meeting_asked, self.services.timing, self.clock.wall()

        def work() -> MeetingTimes | None:
            return None if timing.meeting_times(conf_id) is None else timing.end_meeting(conf_id, at)

        def ended(times: MeetingTimes | None) -> None:
            self._meeting_known(token, conf_id, times)
            if done is not None:
                done(times)

        def failed(exc: MdtboardError) -> None:
            self._emit_message(f"The meeting's end was not recorded: {exc}")
            if done is not None:
                done(self.meeting)

        ops.write(work, parent=self, label="recording the meeting's end", success=ended, failure=failed)

    def meeting_seconds(self) -> float | None:
        times = self.meeting_times()
        if times is None:
            return None
        until = times.ended_at or self.clock.wall()
        return max(0.0, (until - times.started_at).total_seconds())

    def forecast(self) -> MeetingForecast | None:
        """When the meeting will end if the current and remaining cases keep to their budgets; None unless
        the meeting runs on its scheduled day (a projection against another day's plan means nothing)."""
        conference = self.controller.conference
        if conference is None:
            return None
        starts = conference.starts_at
        scheduled = (starts.astimezone() if starts.tzinfo is None else starts.astimezone()).date()
        if self.clock.wall().astimezone().date() != scheduled:
            return None
        current = self.item.id if self.item is not None else None
        timer = self.current_timer()
        left = 0.0
        if self.item is not None and self.item.status not in DONE:
            left = timer.reading().remaining_seconds if timer is not None else 60.0 * self.item.minutes
        pending = [
            float(i.minutes) for i in self.controller.agenda() if i.status not in DONE and i.id != current
        ]
        start = starts.astimezone() if starts.tzinfo is None else starts
        plan = planned_finish(start, [i.minutes for i in self.controller.agenda()])
        return MeetingClock(self.clock).forecast(None, [left / 60.0, *pending], planned_finish=plan)
