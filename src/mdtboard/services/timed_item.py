"""An agenda item's timer as the program runs it, recorded while it runs.

:class:`TimedItem` is a domain :class:`~mdtboard.domain.timers.CaseTimer` (the truth about running,
paused, two minutes left, overrun) plus the time the item ran in earlier runs, and a recorder that writes
the run's stretches through a :class:`RunStore` (the :class:`~mdtboard.services.timing.TimingService`)
each time something changes: start, pause, resume, stop, a new phase, a new speaker. A stretch still
going on is written without its end, so that a crash loses at most that stretch's length. Every write
replaces the whole run, so a write that failed (database busy) is put right by the next one:
:meth:`TimedItem.flush` retries.

Leaving a case stops its run; taking it up again starts a new run that counts on from the time recorded
(:meth:`TimedItem.next_run`, or after a restart from
:meth:`~mdtboard.services.timing.TimingService.item_timing`).
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from mdtboard.domain.case import Discipline
from mdtboard.domain.errors import MdtboardError, NotFoundError
from mdtboard.domain.timers import (
    DEFAULT_PRESENTATION_TARGET_MINUTES,
    PRESENTATION,
    WARNING_SECONDS,
    CaseTimer,
    Clock,
    CountdownReading,
    Phase,
    PresentationReading,
    TimerState,
    format_mmss,
)
from mdtboard.services.timing import ItemTimingRecord, RecordedRun

# ---------------------------------------------------------------------------------------- readings


def countdown_reading(budget_seconds: float, elapsed_seconds: float, state: TimerState) -> CountdownReading:
    """What a countdown of ``budget_seconds`` shows after ``elapsed_seconds`` of running, by the same
    rules as :meth:`Countdown.reading <mdtboard.domain.timers.Countdown.reading>`; a ticking ``state``
    is worked out again from the time left (running, two minutes left, overrun)."""
    left = budget_seconds - elapsed_seconds
    if state.ticking:
        if left < 0:
            state = TimerState.OVERRUN
        elif left <= WARNING_SECONDS:
            state = TimerState.TWO_MINUTES_LEFT
        else:
            state = TimerState.RUNNING
    remaining = max(0.0, left)
    overrun = max(0.0, -left)
    if overrun > 0:
        clock_text = format_mmss(overrun, plus=True)
        signed_text = "-" + format_mmss(overrun)
    else:
        clock_text = signed_text = format_mmss(math.ceil(remaining - 1e-9))
    label = state.describe()
    if overrun > 0:
        label += f" {clock_text}" if state is TimerState.OVERRUN else f" · overrun {clock_text}"
    return CountdownReading(
        state, budget_seconds, elapsed_seconds, remaining, overrun, clock_text, signed_text, label
    )


# ---------------------------------------------------------------------------------------- the timer


class RunStore(Protocol):
    """Where a :class:`TimedItem` writes its runs: the TimingService, or a stand-in in tests."""

    def save_run(self, agenda_item_id: int, run: RecordedRun) -> None: ...


class HeldClock:
    """A clock that can be held at one instant, so that the timer and its recorder read the same time."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._held: float | None = None

    def now(self) -> float:
        return self._clock.now() if self._held is None else self._held

    def wall(self) -> datetime:
        return self._clock.wall()

    @contextmanager
    def held(self) -> Iterator[None]:
        outer = self._held
        if outer is None:
            self._held = self._clock.now()
        try:
            yield
        finally:
            self._held = outer


@dataclass
class _Since:
    """When the stretches going on began (None: none is going on)."""

    floor: datetime | None = None
    phase: datetime | None = None


@dataclass
class _SaveState:
    dirty: bool = False
    error: MdtboardError | None = None
    gone: bool = False  # the agenda item no longer exists: nothing more to write
    writes: int = field(default=0)


class TimedItem:
    """The timer of one agenda item: this run's :class:`CaseTimer`, the time of earlier runs, and the
    recorder that writes the run to ``store`` as it changes (see the module docstring).

    A failed write does not stop the timer: :attr:`error` says why, :attr:`unsaved` is True, and
    :meth:`flush` (called on every tick by the program) writes the run again.
    """

    def __init__(
        self,
        agenda_item_id: int,
        budget_minutes: float,
        clock: Clock,
        *,
        store: RunStore | None = None,
        prior: ItemTimingRecord | None = None,
        presentation_target_minutes: float = DEFAULT_PRESENTATION_TARGET_MINUTES,
    ) -> None:
        self.agenda_item_id = agenda_item_id
        self.budget_minutes = budget_minutes
        self._base_clock = clock
        self._clock = HeldClock(clock)
        self.timer = CaseTimer(
            budget_minutes, self._clock, presentation_target_minutes=presentation_target_minutes
        )
        self.presentation_target_minutes = presentation_target_minutes
        self.store = store
        self.prior = prior if prior is not None else ItemTimingRecord(agenda_item_id)
        self.run_key = uuid.uuid4().hex
        self._since = _Since()
        self._save = _SaveState()

    # -- reading
    @property
    def budget_seconds(self) -> float:
        return self.timer.countdown.budget_seconds

    def run_state(self) -> TimerState:
        """The state of this run's timer (not started, ticking, paused, stopped)."""
        return self.timer.state()

    def elapsed_seconds(self) -> float:
        """Running seconds over all runs."""
        return self.prior.active_seconds + self.timer.countdown.elapsed_seconds()

    def state(self) -> TimerState:
        """As :meth:`reading` shows it: an item timed before and not running now reads as paused."""
        return self.reading().state

    def reading(self) -> CountdownReading:
        state = self.timer.state()
        if state is TimerState.NOT_STARTED and self.prior.active_seconds > 0:
            state = TimerState.PAUSED
        return countdown_reading(self.budget_seconds, self.elapsed_seconds(), state)

    def presentation(self) -> PresentationReading:
        seconds = self.prior.phase_seconds(PRESENTATION) + self.timer.phase_seconds(PRESENTATION)
        return PresentationReading(seconds, 60.0 * self.presentation_target_minutes)

    @property
    def phase(self) -> Phase | None:
        return self.timer.phase

    @property
    def speaker(self) -> Discipline | None:
        return self.timer.speaker

    @property
    def unsaved(self) -> bool:
        return self._save.dirty

    @property
    def error(self) -> MdtboardError | None:
        return self._save.error

    @property
    def writes(self) -> int:
        """How many times the run was written (for tests and the status line)."""
        return self._save.writes

    # -- controls
    def start(self) -> None:
        with self._clock.held():
            self.timer.start()
            self._opened()
        self._write()

    def pause(self) -> None:
        with self._clock.held():
            self.timer.pause()
            self._since = _Since()
        self._write()

    def resume(self) -> None:
        with self._clock.held():
            self.timer.resume()
            self._opened()
        self._write()

    def stop(self) -> None:
        with self._clock.held():
            self.timer.stop()
            self._since = _Since()
        self._write()

    def toggle(self) -> TimerState:
        """Start, pause or resume, whichever fits; a stopped run stays stopped (see :meth:`next_run`)."""
        state = self.timer.state()
        if state is TimerState.NOT_STARTED:
            self.start()
        elif state.ticking:
            self.pause()
        elif state is TimerState.PAUSED:
            self.resume()
        return self.timer.state()

    def mark_floor(self, discipline: Discipline | None) -> None:
        """``discipline`` holds the floor from now on (None: nobody marked). Ignored after the stop."""
        if discipline == self.timer.speaker or self.timer.state() is TimerState.STOPPED:
            return
        with self._clock.held():
            self.timer.mark_floor(discipline)
            if self.timer.state().ticking:
                self._since.floor = self._wall()
        self._write()

    def enter_phase(self, phase: Phase | None) -> None:
        """Time ``phase`` from now on (None: no phase). Ignored after the stop."""
        if phase == self.timer.phase or self.timer.state() is TimerState.STOPPED:
            return
        with self._clock.held():
            self.timer.enter_phase(phase)
            if self.timer.state().ticking:
                self._since.phase = self._wall() if phase is not None else None
        self._write()

    def next_run(self) -> TimedItem:
        """A new run of this item counting on from everything recorded so far (this run is stopped)."""
        if self.timer.state() not in (TimerState.NOT_STARTED, TimerState.STOPPED):
            self.stop()
        stopped = self.timer.state() is TimerState.STOPPED
        prior = self.prior.plus(self.recorded_run()) if stopped else self.prior
        follow = TimedItem(
            self.agenda_item_id,
            self.budget_minutes,
            self._base_clock,
            store=self.store,
            prior=prior,
            presentation_target_minutes=self.presentation_target_minutes,
        )
        follow.timer.mark_floor(self.timer.speaker)
        follow.timer.enter_phase(self.timer.phase)
        return follow

    # -- recording
    def _wall(self) -> datetime:
        return self.timer.countdown.wall_at(self._clock.now())

    def _opened(self) -> None:
        at = self._wall()
        self._since = _Since(floor=at, phase=at if self.timer.phase is not None else None)

    def recorded_run(self) -> RecordedRun:
        """This run as written: closed stretches and the ones going on now."""
        if self.timer.state() is TimerState.NOT_STARTED:
            return RecordedRun(self.run_key)
        with self._clock.held():
            ticking = self.timer.state().ticking
            floors = list(self.timer.floor_segments())
            phases = list(self.timer.phase_segments())
            since = self._since
            if ticking and floors and floors[-1].start == since.floor:
                floors.pop()
            if ticking and phases and since.phase is not None and phases[-1].start == since.phase:
                phases.pop()
            open_floor = (self.timer.speaker, since.floor) if ticking and since.floor is not None else None
            phase = self.timer.phase
            open_phase = (phase, since.phase) if ticking and phase is not None and since.phase else None
        return RecordedRun(self.run_key, tuple(phases), tuple(floors), open_phase, open_floor)

    def _write(self) -> None:
        self._save.dirty = True
        self.flush()

    def write_failed(self, error: MdtboardError) -> None:
        """A write that ``store`` made later (in the background) failed: the run is unwritten again, and
        the next :meth:`flush` writes it; an item that no longer exists is not written any more."""
        self._save.error = error
        if isinstance(error, NotFoundError):
            self._save.gone = True
        else:
            self._save.dirty = True

    def flush(self) -> bool:
        """Write the run if a change is not written yet; True when nothing is left unwritten."""
        if not self._save.dirty or self.store is None or self._save.gone:
            return not self._save.dirty or self.store is None or self._save.gone
        try:
            self.store.save_run(self.agenda_item_id, self.recorded_run())
        except NotFoundError as exc:
            self._save.gone = True
            self._save.error = exc
            return True
        except MdtboardError as exc:
            self._save.error = exc
            return False
        self._save.dirty = False
        self._save.error = None
        self._save.writes += 1
        return True
