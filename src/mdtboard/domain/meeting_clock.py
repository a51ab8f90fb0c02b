"""The meeting clock: the whole conference's elapsed time since its start, and when it will end if the
items still to come keep to their budgets (see :mod:`mdtboard.domain.timers` for the items' own timers)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from mdtboard.domain.clocks import Anchor, Clock, format_hms
from mdtboard.domain.timers import CaseTimer, Countdown, TimerState, TimerStateError

# --- the meeting clock --------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingForecast:
    """Where the meeting stands and when it will end if the remaining items keep to their budgets.

    An overrunning current item has no time left, but the overrun has already pushed ``now`` (and so the
    projected finish) later.
    """

    now: datetime
    elapsed_seconds: float
    current_remaining_seconds: float
    current_overrun_seconds: float
    pending_seconds: float
    projected_finish: datetime
    planned_finish: datetime | None

    @property
    def remaining_seconds(self) -> float:
        return self.current_remaining_seconds + self.pending_seconds

    @property
    def late_seconds(self) -> float | None:
        """Seconds the projected finish is after the planned one (negative: early)."""
        if self.planned_finish is None:
            return None
        return (self.projected_finish - self.planned_finish).total_seconds()


class MeetingClock:
    """The whole meeting's clock: elapsed time since its start, and the projected finish."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._anchor: Anchor | None = None
        self._ended: float | None = None

    @property
    def started_at(self) -> datetime | None:
        return None if self._anchor is None else self._anchor.wall

    @property
    def ended_at(self) -> datetime | None:
        if self._anchor is None or self._ended is None:
            return None
        return self._anchor.at(self._ended)

    def start(self) -> None:
        if self._anchor is not None:
            raise TimerStateError("start", TimerState.RUNNING, "the meeting clock has already been started")
        self._anchor = Anchor.take(self._clock)

    def end(self) -> None:
        if self._anchor is None:
            raise TimerStateError("end", TimerState.NOT_STARTED, "the meeting clock was never started")
        if self._ended is not None:
            raise TimerStateError("end", TimerState.STOPPED, "the meeting has already ended")
        self._ended = self._clock.now()

    def elapsed_seconds(self) -> float:
        if self._anchor is None:
            return 0.0
        until = self._clock.now() if self._ended is None else self._ended
        return until - self._anchor.mono

    def elapsed_text(self) -> str:
        return format_hms(self.elapsed_seconds())

    def forecast(
        self,
        current: Countdown | CaseTimer | None,
        pending_minutes: Sequence[float],
        *,
        planned_finish: datetime | None = None,
    ) -> MeetingForecast:
        """Project the finish: now, plus what is left of the current item, plus the pending budgets."""
        countdown = current.countdown if isinstance(current, CaseTimer) else current
        left = 0.0 if countdown is None else countdown.remaining_seconds()
        over = 0.0 if countdown is None else countdown.overrun_seconds()
        pending = 60.0 * sum(pending_minutes)
        now = self._clock.wall()
        return MeetingForecast(
            now=now,
            elapsed_seconds=self.elapsed_seconds(),
            current_remaining_seconds=left,
            current_overrun_seconds=over,
            pending_seconds=pending,
            projected_finish=now + timedelta(seconds=left + pending),
            planned_finish=planned_finish,
        )


def planned_finish(start: datetime, budgets_minutes: Iterable[float]) -> datetime:
    """When a meeting starting at ``start`` ends if every item keeps to its budget."""
    return start + timedelta(minutes=sum(budgets_minutes))
