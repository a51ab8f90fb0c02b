"""The conference timers, recorded: each agenda item's phases and who held the floor, and the meeting clock.

:class:`TimedItem` is the timer of one agenda item as the program runs it: a domain
:class:`~mdtboard.domain.timers.CaseTimer` (the truth about running, paused, two minutes left, overrun)
plus the time the item ran in earlier runs, and a recorder that writes the run's stretches to the
database through :class:`TimingService` each time something changes (start, pause, resume, stop, a new
phase, a new speaker). A stretch still going on is written without its end, so that a crash loses at most
that stretch's length. Every write replaces the whole run, so a write that failed (database busy) is put
right by the next one: :meth:`TimedItem.flush` retries.

Leaving a case stops its run; taking it up again starts a new run that counts on from the time recorded
(:meth:`TimedItem.next_run`, or after a restart :meth:`TimingService.item_timing`).

:meth:`TimingService.meeting_record` builds the domain's :class:`~mdtboard.domain.meeting.MeetingRecord`
from the agenda and what was recorded, for the meeting-record window and its PDF.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.orm import Session

from mdtboard.domain.case import Discipline
from mdtboard.domain.errors import InvalidInputError, MdtboardError, NotFoundError, Problem
from mdtboard.domain.meeting import ItemRecord, MeetingRecord, summarize_meeting
from mdtboard.domain.timers import (
    DEFAULT_PRESENTATION_TARGET_MINUTES,
    PRESENTATION,
    WARNING_SECONDS,
    CaseTimer,
    CaseTiming,
    Clock,
    CountdownReading,
    FloorSegment,
    Phase,
    PhaseSegment,
    PresentationReading,
    TimerState,
    format_mmss,
)
from mdtboard.services.conferences import ConferenceService
from mdtboard.services.uow import read_only, unit_of_work
from mdtboard.storage.db import Database
from mdtboard.storage.models import AgendaItemRow, ConferenceRow
from mdtboard.storage.timing_models import FLOOR_KIND, PHASE_KIND, MeetingClockRow, TimingSegmentRow


def _aware(value: datetime) -> datetime:
    """Stored times are UTC; SQLite gives them back without a zone."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# ---------------------------------------------------------------------------------------- plain data


@dataclass(frozen=True)
class RecordedRun:
    """One run of an item's timer as written: the closed stretches, and the ones still going on."""

    run_key: str
    phase_segments: tuple[PhaseSegment, ...] = ()
    floor_segments: tuple[FloorSegment, ...] = ()
    open_phase: tuple[Phase, datetime] | None = None
    open_floor: tuple[Discipline | None, datetime] | None = None


@dataclass(frozen=True)
class ItemTimingRecord:
    """What was recorded for one agenda item over all its runs (closed stretches only).

    ``cut_short`` counts stretches that were never closed (the program stopped during them): their
    length is unknown and not counted.
    """

    agenda_item_id: int
    phase_segments: tuple[PhaseSegment, ...] = ()
    floor_segments: tuple[FloorSegment, ...] = ()
    runs: int = 0
    cut_short: int = 0

    @property
    def active_seconds(self) -> float:
        """The time the item's timer ran: the floor stretches cover every running second."""
        return sum(s.seconds for s in self.floor_segments)

    @property
    def timed(self) -> bool:
        return bool(self.floor_segments or self.phase_segments)

    def phase_durations(self) -> tuple[tuple[Phase, float], ...]:
        totals: dict[Phase, float] = {}
        for seg in self.phase_segments:
            totals[seg.phase] = totals.get(seg.phase, 0.0) + seg.seconds
        return tuple(sorted(totals.items(), key=lambda item: item[0].sort_key()))

    def phase_seconds(self, phase: Phase) -> float:
        return sum(s.seconds for s in self.phase_segments if s.phase == phase)

    def plus(self, run: RecordedRun) -> ItemTimingRecord:
        """This record with the closed stretches of one more run."""
        return ItemTimingRecord(
            self.agenda_item_id,
            self.phase_segments + run.phase_segments,
            self.floor_segments + run.floor_segments,
            self.runs + 1,
            self.cut_short,
        )

    def case_timing(self, budget_seconds: float) -> CaseTiming:
        """As the domain's :class:`CaseTiming` (for the meeting record and training mode)."""
        starts = [s.start for s in self.floor_segments] + [s.start for s in self.phase_segments]
        ends = [s.end for s in self.floor_segments] + [s.end for s in self.phase_segments]
        return CaseTiming(
            budget_seconds=budget_seconds,
            started_at=min(starts) if starts else None,
            ended_at=max(ends) if ends else None,
            active_seconds=self.active_seconds,
            paused_seconds=0.0,
            phase_durations=self.phase_durations(),
            phase_segments=tuple(sorted(self.phase_segments, key=lambda s: s.start)),
            floor_segments=tuple(sorted(self.floor_segments, key=lambda s: s.start)),
        )


@dataclass(frozen=True)
class MeetingTimes:
    """When a conference's meeting clock was started and ended (None: still going)."""

    conference_id: int
    started_at: datetime
    ended_at: datetime | None = None
    version: int = 0


# ---------------------------------------------------------------------------------------- the service


def _run_problems(run: RecordedRun) -> list[Problem]:
    problems: list[Problem] = []
    if not run.run_key or len(run.run_key) > 32:
        problems.append(Problem("run_key", "must be 1 to 32 characters"))
    stretches: list[tuple[str, datetime, datetime | None]] = [
        *((f"phase_segments[{n}]", s.start, s.end) for n, s in enumerate(run.phase_segments)),
        *((f"floor_segments[{n}]", s.start, s.end) for n, s in enumerate(run.floor_segments)),
    ]
    if run.open_phase is not None:
        stretches.append(("open_phase", run.open_phase[1], None))
    if run.open_floor is not None:
        stretches.append(("open_floor", run.open_floor[1], None))
    for where, start, end in stretches:
        if start.tzinfo is None or (end is not None and end.tzinfo is None):
            problems.append(Problem(where, "times must carry their time zone"))
        elif end is not None and end < start:
            problems.append(Problem(where, "ends before it starts"))
    return problems


class TimingService:
    """Recorded timing of agenda items and meeting clocks; each call its own unit of work."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- runs
    def save_run(self, agenda_item_id: int, run: RecordedRun) -> None:
        """Write ``run`` of the item's timer, replacing what was written of that run before."""
        problems = _run_problems(run)
        if problems:
            raise InvalidInputError(problems, source="timing")
        rows: list[dict[str, object]] = []
        phases: list[tuple[Phase, datetime, datetime | None]] = [
            (s.phase, s.start, s.end) for s in run.phase_segments
        ]
        if run.open_phase is not None:
            phases.append((run.open_phase[0], run.open_phase[1], None))
        for position, (phase, start, end) in enumerate(phases):
            rows.append(
                self._row(agenda_item_id, run.run_key, PHASE_KIND, position, start, end, phase=phase.key)
            )
        floors: list[tuple[Discipline | None, datetime, datetime | None]] = [
            (s.discipline, s.start, s.end) for s in run.floor_segments
        ]
        if run.open_floor is not None:
            floors.append((run.open_floor[0], run.open_floor[1], None))
        for position, (who, start, end) in enumerate(floors):
            rows.append(self._row(
                agenda_item_id, run.run_key, FLOOR_KIND, position, start, end,
                discipline=None if who is None else who.value,
            ))
        with unit_of_work(self.db) as session:
            if session.get(AgendaItemRow, agenda_item_id) is None:
                raise NotFoundError("agenda item", agenda_item_id)
            session.execute(
                sa.delete(TimingSegmentRow).where(
                    TimingSegmentRow.agenda_item_id == agenda_item_id, TimingSegmentRow.run_key == run.run_key
                )
            )
            if rows:
                session.execute(sa.insert(TimingSegmentRow), rows)

    @staticmethod
    def _row(
        item_id: int, run_key: str, kind: str, position: int, start: datetime, end: datetime | None,
        *, phase: str | None = None, discipline: str | None = None,
    ) -> dict[str, object]:
        return {
            "agenda_item_id": item_id,
            "run_key": run_key,
            "kind": kind,
            "position": position,
            "phase": phase,
            "discipline": discipline,
            "started_at": start.astimezone(UTC),
            "ended_at": None if end is None else end.astimezone(UTC),
        }

    def item_timing(self, agenda_item_id: int) -> ItemTimingRecord:
        with read_only(self.db) as session:
            if session.get(AgendaItemRow, agenda_item_id) is None:
                raise NotFoundError("agenda item", agenda_item_id)
            return records_of(session, [agenda_item_id])[agenda_item_id]

    def conference_timing(self, conference_id: int) -> dict[int, ItemTimingRecord]:
        """What was recorded for each item of a conference's agenda, by agenda item id."""
        with read_only(self.db) as session:
            if session.get(ConferenceRow, conference_id) is None:
                raise NotFoundError("conference", conference_id)
            ids = list(session.scalars(
                sa.select(AgendaItemRow.id).where(AgendaItemRow.conference_id == conference_id)
            ))
            return records_of(session, ids)

    # -- the meeting clock
    def meeting_times(self, conference_id: int) -> MeetingTimes | None:
        with read_only(self.db) as session:
            row = session.get(MeetingClockRow, conference_id)
            return None if row is None else _to_times(row)

    def start_meeting(self, conference_id: int, at: datetime) -> MeetingTimes:
        """Record the meeting's start; a meeting started before keeps its first start."""
        if at.tzinfo is None:
            raise InvalidInputError(Problem("started_at", "must carry its time zone"), source="meeting clock")
        with unit_of_work(self.db) as session:
            if session.get(ConferenceRow, conference_id) is None:
                raise NotFoundError("conference", conference_id)
            row = session.get(MeetingClockRow, conference_id)
            if row is None:
                row = MeetingClockRow(conference_id=conference_id, started_at=at.astimezone(UTC), version=0)
                session.add(row)
                session.flush()
            return _to_times(row)

    def end_meeting(self, conference_id: int, at: datetime) -> MeetingTimes:
        """Record the meeting's end (again: the later end wins, e.g. after a case taken up once more)."""
        with unit_of_work(self.db) as session:
            row = session.get(MeetingClockRow, conference_id)
            if row is None:
                raise InvalidInputError(
                    Problem("meeting clock", "the meeting was never started"), source="meeting clock"
                )
            if at.tzinfo is None or at < _aware(row.started_at):
                raise InvalidInputError(
                    Problem("ended_at", "must carry its time zone and come after the start"),
                    source="meeting clock",
                )
            row.ended_at = at.astimezone(UTC)
            row.version += 1
            session.flush()
            return _to_times(row)

    def resume_meeting(self, conference_id: int) -> MeetingTimes | None:
        """Take back a recorded end (the meeting goes on)."""
        with unit_of_work(self.db) as session:
            row = session.get(MeetingClockRow, conference_id)
            if row is None:
                return None
            if row.ended_at is not None:
                row.ended_at = None
                row.version += 1
                session.flush()
            return _to_times(row)

    # -- the record
    def meeting_record(self, conference_id: int) -> MeetingRecord:
        """The meeting record of a conference from its agenda, attendance and recorded timing."""
        conference = ConferenceService(self.db).get(conference_id)
        timing = self.conference_timing(conference_id)
        times = self.meeting_times(conference_id)
        items = []
        for item in sorted(conference.agenda, key=lambda i: i.position):
            item = replace(
                item,
                started_at=None if item.started_at is None else _aware(item.started_at),
                ended_at=None if item.ended_at is None else _aware(item.ended_at),
            )
            record = timing.get(item.id or 0)
            case_timing = record.case_timing(60.0 * item.minutes) if record and record.timed else None
            items.append(ItemRecord.from_agenda(item, case_timing))
        return summarize_meeting(
            conference,
            items,
            started_at=times.started_at if times else None,
            ended_at=times.ended_at if times else None,
        )


def _to_times(row: MeetingClockRow) -> MeetingTimes:
    ended = None if row.ended_at is None else _aware(row.ended_at)
    return MeetingTimes(row.conference_id, _aware(row.started_at), ended, row.version)


def records_of(session: Session, item_ids: Sequence[int]) -> dict[int, ItemTimingRecord]:
    """The recorded timing of each of ``item_ids`` (an empty record for an item never timed)."""
    phases: dict[int, list[PhaseSegment]] = {i: [] for i in item_ids}
    floors: dict[int, list[FloorSegment]] = {i: [] for i in item_ids}
    runs: dict[int, set[str]] = {i: set() for i in item_ids}
    cut: dict[int, int] = dict.fromkeys(item_ids, 0)
    if item_ids:
        for row in session.scalars(
            sa.select(TimingSegmentRow)
            .where(TimingSegmentRow.agenda_item_id.in_(item_ids))
            .order_by(TimingSegmentRow.started_at, TimingSegmentRow.kind, TimingSegmentRow.position)
        ):
            item = row.agenda_item_id
            runs[item].add(row.run_key)
            if row.ended_at is None:
                cut[item] += 1
                continue
            start, end = _aware(row.started_at), _aware(row.ended_at)
            if row.kind == PHASE_KIND and row.phase is not None:
                phases[item].append(PhaseSegment(Phase.from_key(row.phase), start, end))
            elif row.kind == FLOOR_KIND:
                who = None if row.discipline is None else Discipline(row.discipline)
                floors[item].append(FloorSegment(who, start, end))
    return {
        i: ItemTimingRecord(i, tuple(phases[i]), tuple(floors[i]), len(runs[i]), cut[i]) for i in item_ids
    }


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
    """Where a :class:`TimedItem` writes its runs (a :class:`TimingService`, or a stand-in)."""

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
