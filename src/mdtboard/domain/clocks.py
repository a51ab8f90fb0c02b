"""The clocks the conference timers read (:mod:`mdtboard.domain.timers`): a :class:`Clock` gives monotonic
seconds for durations and a wall clock for the times printed in the record; :class:`FakeClock` moves only
when told to, so that every timing rule is tested without waiting. And how a duration is written
(``mm:ss``, ``h:mm:ss``)."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

# --- clocks -------------------------------------------------------------------------------------------


class Clock(Protocol):
    """Where timers read the time."""

    def now(self) -> float:
        """Monotonic seconds: only differences mean anything, and they never go backwards."""
        ...

    def wall(self) -> datetime:
        """The wall-clock time now, timezone-aware (UTC)."""
        ...


class SystemClock:
    """The real clock: ``time.monotonic`` and the current UTC time."""

    def now(self) -> float:
        return time.monotonic()

    def wall(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that moves only when told to, for tests and demonstrations."""

    def __init__(
        self, wall_start: datetime = datetime(2026, 3, 4, 16, 0, tzinfo=UTC), start: float = 1000.0
    ) -> None:
        if wall_start.tzinfo is None:
            raise ValueError("the fake clock's wall_start must be timezone-aware")
        self._start = start
        self._now = start
        self._wall_start = wall_start

    def now(self) -> float:
        return self._now

    def wall(self) -> datetime:
        return self._wall_start + timedelta(seconds=self._now - self._start)

    def advance(self, seconds: float = 0.0, *, minutes: float = 0.0) -> None:
        step = seconds + 60.0 * minutes
        if step < 0 or not math.isfinite(step):
            raise ValueError(f"a monotonic clock only moves forward, not by {step} seconds")
        self._now += step


@dataclass(frozen=True)
class Anchor:
    """One reading of both clocks: maps later monotonic readings to wall-clock times."""

    mono: float
    wall: datetime

    @classmethod
    def take(cls, clock: Clock) -> Anchor:
        return cls(clock.now(), clock.wall())

    def at(self, mono: float) -> datetime:
        return self.wall + timedelta(seconds=mono - self.mono)


# --- formatting ---------------------------------------------------------------------------------------


def format_mmss(seconds: float, *, plus: bool = False) -> str:
    """``mm:ss`` (minutes not capped at 60); a negative value gets ``-``, a positive one ``+`` if ``plus``.

    Fractions of a second are dropped, so a clock shows a second only once it has fully passed.
    """
    whole = int(abs(seconds))
    sign = "-" if seconds < 0 and whole else ("+" if plus else "")
    return f"{sign}{whole // 60:02d}:{whole % 60:02d}"


def format_hms(seconds: float) -> str:
    """``h:mm:ss`` for the meeting clock (fractions of a second dropped)."""
    whole = int(max(0.0, seconds))
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
