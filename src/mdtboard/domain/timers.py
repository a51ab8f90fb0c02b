"""Timers for a case conference: each agenda item's countdown, phases within a case, who held the floor,
and the meeting clock with its projected finish.

Plain Python, no Qt: the presentation-mode widgets read these objects on every tick and draw what they
report. Time comes from an injectable :class:`Clock` (monotonic seconds for durations, a wall clock for
the times printed in the record), so every rule here is tested with a :class:`FakeClock`.

Every state carries a text label and a symbol/shape name besides any colour the UI adds, so that nobody
has to tell red from green to see that a case is overrunning. The symbols are all in the shipped DejaVu
Sans (which has no alarm-clock emoji, hence ``‼`` for an overrun).

The clocks (and how a duration is written) are in :mod:`mdtboard.domain.clocks`; the whole meeting's
clock in :mod:`mdtboard.domain.meeting_clock`.

Durations count only the time a timer was running: a pause stops the countdown, the current phase and
the current speaker alike. Wall-clock times of segments are derived from the monotonic clock through one
anchor taken when the timer starts, so a jump of the system clock (daylight saving, NTP) cannot make a
segment negative or stretch it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Generic, TypeVar

from mdtboard.domain.case import Discipline
from mdtboard.domain.clocks import Anchor, Clock, format_mmss
from mdtboard.domain.clocks import FakeClock as FakeClock  # named here as before: the timers' clocks
from mdtboard.domain.clocks import SystemClock as SystemClock
from mdtboard.domain.clocks import format_hms as format_hms
from mdtboard.domain.errors import NOTHING_CHANGED, InvalidInputError, MdtboardError, Problem
from mdtboard.domain.targets import DEFAULT_PRESENTATION_TARGET_MINUTES as DEFAULT_PRESENTATION_TARGET_MINUTES

#: The countdown warns when this many seconds (or fewer) of the budget are left.
WARNING_SECONDS = 120.0


# --- errors -------------------------------------------------------------------------------------------


class TimerStateError(MdtboardError):
    """A timer was asked to do something its state does not allow (e.g. resume after stop)."""

    def __init__(self, action: str, state: TimerState, reason: str = "") -> None:
        self.action = action
        self.state = state
        because = reason or f"it is {state.label}"
        super().__init__(f"Cannot {action} the timer: {because}. {NOTHING_CHANGED}")


# --- countdown ----------------------------------------------------------------------------------------


class TimerState(StrEnum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    TWO_MINUTES_LEFT = "two_minutes_left"
    OVERRUN = "overrun"
    PAUSED = "paused"
    STOPPED = "stopped"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]

    @property
    def symbol(self) -> str:
        """A character that shows the state without colour."""
        return _STATE_SYMBOLS[self]

    @property
    def shape(self) -> str:
        """The name of the icon shape the UI draws for this state."""
        return _STATE_SHAPES[self]

    @property
    def ticking(self) -> bool:
        return self in (TimerState.RUNNING, TimerState.TWO_MINUTES_LEFT, TimerState.OVERRUN)

    def describe(self) -> str:
        return f"{self.symbol} {self.label}"


_STATE_LABELS = {
    TimerState.NOT_STARTED: "not started",
    TimerState.RUNNING: "running",
    TimerState.TWO_MINUTES_LEFT: "2 min left",
    TimerState.OVERRUN: "overrun",
    TimerState.PAUSED: "paused",
    TimerState.STOPPED: "stopped",
}
_STATE_SYMBOLS = {
    TimerState.NOT_STARTED: "○",
    TimerState.RUNNING: "▶",
    TimerState.TWO_MINUTES_LEFT: "⚠",
    TimerState.OVERRUN: "‼",
    TimerState.PAUSED: "❚❚",
    TimerState.STOPPED: "■",
}
_STATE_SHAPES = {
    TimerState.NOT_STARTED: "circle-outline",
    TimerState.RUNNING: "play",
    TimerState.TWO_MINUTES_LEFT: "warning-triangle",
    TimerState.OVERRUN: "alarm-clock",
    TimerState.PAUSED: "pause",
    TimerState.STOPPED: "stop-square",
}


@dataclass(frozen=True)
class CountdownReading:
    """What a countdown shows at one moment.

    ``clock_text`` counts down to ``00:00`` and then up as ``+mm:ss``; ``signed_text`` shows the overrun
    as ``-mm:ss`` instead, for displays that prefer a negative countdown. ``label`` is the state in words
    with its symbol, plus the overrun when there is one (``"‼ overrun +03:12"``,
    ``"❚❚ paused · overrun +00:30"``).
    """

    state: TimerState
    budget_seconds: float
    elapsed_seconds: float
    remaining_seconds: float
    overrun_seconds: float
    clock_text: str
    signed_text: str
    label: str

    @property
    def symbol(self) -> str:
        return self.state.symbol

    @property
    def shape(self) -> str:
        return self.state.shape


class Countdown:
    """Counts an agenda item's budget down: not started -> running (-> 2 min left -> overrun) -> stopped,
    with pause and resume in between. Stopped is final."""

    def __init__(self, budget_minutes: float, clock: Clock) -> None:
        if not (math.isfinite(budget_minutes) and budget_minutes > 0):
            raise InvalidInputError(Problem("budget", f"{budget_minutes} minutes is not a budget above 0"))
        self._clock = clock
        self._budget = 60.0 * budget_minutes
        self._anchor: Anchor | None = None
        self._banked = 0.0  # running seconds of the stretches before the current one
        self._since: float | None = None  # when the current running stretch began
        self._paused_at: float | None = None
        self._paused_total = 0.0
        self._stopped_at: float | None = None

    # -- reading --

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def budget_seconds(self) -> float:
        return self._budget

    @property
    def started_at(self) -> datetime | None:
        return None if self._anchor is None else self._anchor.wall

    @property
    def ended_at(self) -> datetime | None:
        if self._anchor is None or self._stopped_at is None:
            return None
        return self._anchor.at(self._stopped_at)

    def wall_at(self, mono: float) -> datetime:
        """The wall-clock time of a monotonic reading taken after the start."""
        if self._anchor is None:
            raise TimerStateError("read the start of", self.state())
        return self._anchor.at(mono)

    def state(self) -> TimerState:
        if self._anchor is None:
            return TimerState.NOT_STARTED
        if self._stopped_at is not None:
            return TimerState.STOPPED
        if self._paused_at is not None:
            return TimerState.PAUSED
        left = self._budget - self.elapsed_seconds()
        if left < 0:
            return TimerState.OVERRUN
        if left <= WARNING_SECONDS:
            return TimerState.TWO_MINUTES_LEFT
        return TimerState.RUNNING

    def elapsed_seconds(self) -> float:
        """Seconds the countdown has been running (pauses not counted)."""
        if self._since is None:
            return self._banked
        return self._banked + (self._clock.now() - self._since)

    def remaining_seconds(self) -> float:
        return max(0.0, self._budget - self.elapsed_seconds())

    def overrun_seconds(self) -> float:
        return max(0.0, self.elapsed_seconds() - self._budget)

    def paused_seconds(self) -> float:
        """Seconds spent paused, including a pause still going on."""
        current = 0.0 if self._paused_at is None else self._clock.now() - self._paused_at
        return self._paused_total + current

    def reading(self) -> CountdownReading:
        state = self.state()
        elapsed = self.elapsed_seconds()
        remaining = max(0.0, self._budget - elapsed)
        overrun = max(0.0, elapsed - self._budget)
        if overrun > 0:
            clock_text = format_mmss(overrun, plus=True)
            signed_text = "-" + format_mmss(overrun)
        else:
            # Counting down, a second is shown until it has fully gone: 11:59.5 left reads 12:00.
            clock_text = signed_text = format_mmss(math.ceil(remaining - 1e-9))
        label = state.describe()
        if overrun > 0:
            label += f" {clock_text}" if state is TimerState.OVERRUN else f" · overrun {clock_text}"
        return CountdownReading(
            state, self._budget, elapsed, remaining, overrun, clock_text, signed_text, label
        )

    # -- controls --

    def can(self, action: str) -> bool:
        """Whether ``start``, ``pause``, ``resume`` or ``stop`` is allowed now (to enable buttons)."""
        state = self.state()
        allowed = {
            "start": state is TimerState.NOT_STARTED,
            "pause": state.ticking,
            "resume": state is TimerState.PAUSED,
            "stop": state.ticking or state is TimerState.PAUSED,
        }
        if action not in allowed:
            raise ValueError(f"unknown timer action {action!r}")
        return allowed[action]

    def start(self) -> float:
        """Start counting; returns the monotonic reading used, so that callers can stamp the same instant."""
        if not self.can("start"):
            raise TimerStateError("start", self.state(), "it has already been started")
        self._anchor = Anchor.take(self._clock)
        self._since = self._anchor.mono
        return self._since

    def pause(self) -> float:
        if not self.can("pause"):
            raise TimerStateError("pause", self.state())
        now = self._clock.now()
        assert self._since is not None
        self._banked += now - self._since
        self._since = None
        self._paused_at = now
        return now

    def resume(self) -> float:
        if not self.can("resume"):
            stopped = self._stopped_at is not None
            reason = "it was stopped, and a stopped timer stays stopped" if stopped else ""
            raise TimerStateError("resume", self.state(), reason)
        now = self._clock.now()
        assert self._paused_at is not None
        self._paused_total += now - self._paused_at
        self._paused_at = None
        self._since = now
        return now

    def stop(self) -> float:
        if not self.can("stop"):
            raise TimerStateError("stop", self.state())
        now = self._clock.now()
        if self._since is not None:
            self._banked += now - self._since
            self._since = None
        if self._paused_at is not None:
            self._paused_total += now - self._paused_at
            self._paused_at = None
        self._stopped_at = now
        return now


# --- phases and the floor -----------------------------------------------------------------------------


class PhaseKind(StrEnum):
    PRESENTATION = "presentation"
    DISCIPLINE = "discipline"
    PLAN = "plan"


@dataclass(frozen=True)
class Phase:
    """A part of a case's discussion: the presentation, one discipline's turn, or agreeing the plan."""

    kind: PhaseKind
    discipline: Discipline | None = None

    def __post_init__(self) -> None:
        if (self.kind is PhaseKind.DISCIPLINE) != (self.discipline is not None):
            raise ValueError("a discipline's turn names its discipline; the other phases name none")

    @classmethod
    def turn(cls, discipline: Discipline) -> Phase:
        return cls(PhaseKind.DISCIPLINE, discipline)

    @property
    def label(self) -> str:
        if self.discipline is not None:
            return self.discipline.label
        return "Presentation" if self.kind is PhaseKind.PRESENTATION else "Agreeing the plan"

    @property
    def key(self) -> str:
        """A stable text key for storage: ``presentation``, ``discipline:psychology``, ``plan``."""
        return f"discipline:{self.discipline.value}" if self.discipline is not None else self.kind.value

    @classmethod
    def from_key(cls, key: str) -> Phase:
        kind, _, rest = key.partition(":")
        return cls(PhaseKind(kind), Discipline(rest) if rest else None)

    def sort_key(self) -> tuple[int, int]:
        """Presentation first, then the disciplines in their usual order, then the plan."""
        order = list(Discipline)
        if self.kind is PhaseKind.PRESENTATION:
            return (0, 0)
        if self.discipline is not None:
            return (1, order.index(self.discipline))
        return (2, 0)


PRESENTATION = Phase(PhaseKind.PRESENTATION)
PLAN = Phase(PhaseKind.PLAN)


@dataclass(frozen=True)
class FloorSegment:
    """Who held the floor (``None``: no discipline marked) from ``start`` to ``end``."""

    discipline: Discipline | None
    start: datetime
    end: datetime

    @property
    def seconds(self) -> float:
        return (self.end - self.start).total_seconds()


@dataclass(frozen=True)
class PhaseSegment:
    phase: Phase
    start: datetime
    end: datetime

    @property
    def seconds(self) -> float:
        return (self.end - self.start).total_seconds()


@dataclass(frozen=True)
class TimeShare:
    """A discipline's (or, for ``None``, nobody marked) share of the floor."""

    discipline: Discipline | None
    seconds: float
    fraction: float

    @property
    def label(self) -> str:
        return self.discipline.label if self.discipline is not None else "No discipline marked"

    @property
    def percent_text(self) -> str:
        return f"{round(100 * self.fraction)}%"


def time_share(
    segments: Iterable[FloorSegment], *, include: Iterable[Discipline] = ()
) -> tuple[TimeShare, ...]:
    """Floor time per discipline, in the usual discipline order, with unmarked time last.

    Fractions are of all floor time (unmarked included), so they add up to 1. Disciplines in ``include``
    are listed even when they never held the floor.
    """
    totals: dict[Discipline | None, float] = {d: 0.0 for d in include}
    for seg in segments:
        totals[seg.discipline] = totals.get(seg.discipline, 0.0) + seg.seconds
    whole = sum(totals.values())
    order = list(Discipline)
    keys = sorted(totals, key=lambda d: len(order) if d is None else order.index(d))
    return tuple(TimeShare(d, totals[d], totals[d] / whole if whole > 0 else 0.0) for d in keys)


K = TypeVar("K")


class _SegmentLog(Generic[K]):
    """The current holder of something (a phase, the floor) and the closed stretches of who held it."""

    def __init__(self, initial: K) -> None:
        self.current = initial
        self.since: float | None = None
        self.closed: list[tuple[K, float, float]] = []

    def open(self, at: float) -> None:
        if self.since is None:
            self.since = at

    def close(self, at: float) -> None:
        if self.since is not None and at > self.since:  # a zero-length stretch is not worth a row
            self.closed.append((self.current, self.since, at))
        self.since = None

    def switch(self, key: K, at: float) -> None:
        if key == self.current:
            return
        running = self.since is not None
        self.close(at)
        self.current = key
        if running:
            self.open(at)

    def stretches(self, now: float) -> list[tuple[K, float, float]]:
        if self.since is not None and now > self.since:
            return [*self.closed, (self.current, self.since, now)]
        return list(self.closed)


@dataclass(frozen=True)
class PresentationReading:
    """The presentation phase against its target (default 5 minutes)."""

    seconds: float
    target_seconds: float

    @property
    def over_target(self) -> bool:
        return self.seconds > self.target_seconds

    @property
    def over_seconds(self) -> float:
        return max(0.0, self.seconds - self.target_seconds)

    @property
    def symbol(self) -> str:
        return "⚠" if self.over_target else "◷"

    @property
    def shape(self) -> str:
        return "warning-triangle" if self.over_target else "clock"

    @property
    def label(self) -> str:
        if self.over_target:
            return f"⚠ presentation over target {format_mmss(self.over_seconds, plus=True)}"
        return f"◷ presentation {format_mmss(self.seconds)} of {format_mmss(self.target_seconds)}"


@dataclass(frozen=True)
class CaseTiming:
    """What a case's timers recorded, as plain data for the meeting record and for storage."""

    budget_seconds: float
    started_at: datetime | None
    ended_at: datetime | None
    active_seconds: float
    paused_seconds: float
    phase_durations: tuple[tuple[Phase, float], ...]
    phase_segments: tuple[PhaseSegment, ...]
    floor_segments: tuple[FloorSegment, ...]


class CaseTimer:
    """One agenda item's countdown with optional phase timing and a log of who held the floor.

    The operator (or the focused input panel) marks the speaking discipline with :meth:`mark_floor` and
    the phase with :meth:`enter_phase`. Both may be set before the start (they then begin with it) and
    while paused (they take effect on resume); after the stop they cannot change. Time the case ran with
    nobody marked is logged as the floor of ``None``, so the floor segments add up to the running time.
    """

    def __init__(
        self,
        budget_minutes: float,
        clock: Clock,
        *,
        presentation_target_minutes: float = DEFAULT_PRESENTATION_TARGET_MINUTES,
    ) -> None:
        if not (math.isfinite(presentation_target_minutes) and presentation_target_minutes > 0):
            raise InvalidInputError(
                Problem("presentation target", f"{presentation_target_minutes} minutes is not above 0")
            )
        self.countdown = Countdown(budget_minutes, clock)
        self._target = 60.0 * presentation_target_minutes
        self._phases: _SegmentLog[Phase | None] = _SegmentLog(None)
        self._floor: _SegmentLog[Discipline | None] = _SegmentLog(None)

    # -- controls: the countdown and both logs move together --

    def state(self) -> TimerState:
        return self.countdown.state()

    def reading(self) -> CountdownReading:
        return self.countdown.reading()

    def start(self) -> None:
        at = self.countdown.start()
        self._phases.open(at)
        self._floor.open(at)

    def pause(self) -> None:
        at = self.countdown.pause()
        self._phases.close(at)
        self._floor.close(at)

    def resume(self) -> None:
        at = self.countdown.resume()
        self._phases.open(at)
        self._floor.open(at)

    def stop(self) -> None:
        at = self.countdown.stop()
        self._phases.close(at)
        self._floor.close(at)

    @property
    def phase(self) -> Phase | None:
        return self._phases.current

    @property
    def speaker(self) -> Discipline | None:
        return self._floor.current

    def enter_phase(self, phase: Phase | None) -> None:
        """Move to ``phase`` (``None``: no phase timed from now on)."""
        self._check_open("change the phase of")
        self._phases.switch(phase, self.countdown.clock.now())

    def mark_floor(self, discipline: Discipline | None) -> None:
        """``discipline`` holds the floor from now on (``None``: nobody marked)."""
        self._check_open("change the speaker of")
        self._floor.switch(discipline, self.countdown.clock.now())

    def _check_open(self, action: str) -> None:
        if self.state() is TimerState.STOPPED:
            raise TimerStateError(action, TimerState.STOPPED, "it was stopped")

    # -- readings --

    def phase_durations(self) -> tuple[tuple[Phase, float], ...]:
        """Running seconds per phase so far, presentation first and the plan last."""
        totals: dict[Phase, float] = {}
        for phase, start, end in self._phases.stretches(self.countdown.clock.now()):
            if phase is not None:
                totals[phase] = totals.get(phase, 0.0) + (end - start)
        return tuple(sorted(totals.items(), key=lambda item: item[0].sort_key()))

    def phase_seconds(self, phase: Phase) -> float:
        return dict(self.phase_durations()).get(phase, 0.0)

    def presentation(self) -> PresentationReading:
        return PresentationReading(self.phase_seconds(PRESENTATION), self._target)

    def phase_segments(self) -> tuple[PhaseSegment, ...]:
        now = self.countdown.clock.now()
        return tuple(
            PhaseSegment(p, self.countdown.wall_at(s), self.countdown.wall_at(e))
            for p, s, e in self._phases.stretches(now)
            if p is not None
        )

    def floor_segments(self) -> tuple[FloorSegment, ...]:
        """Who held the floor, in order, up to now; zero-length stretches are left out."""
        now = self.countdown.clock.now()
        return tuple(
            FloorSegment(d, self.countdown.wall_at(s), self.countdown.wall_at(e))
            for d, s, e in self._floor.stretches(now)
        )

    def time_share(self) -> tuple[TimeShare, ...]:
        return time_share(self.floor_segments())

    def timing(self) -> CaseTiming:
        return CaseTiming(
            budget_seconds=self.countdown.budget_seconds,
            started_at=self.countdown.started_at,
            ended_at=self.countdown.ended_at,
            active_seconds=self.countdown.elapsed_seconds(),
            paused_seconds=self.countdown.paused_seconds(),
            phase_durations=self.phase_durations(),
            phase_segments=self.phase_segments(),
            floor_segments=self.floor_segments(),
        )
