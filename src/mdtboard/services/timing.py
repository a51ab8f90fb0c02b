"""The conference timers, recorded: each agenda item's phases and who held the floor, and the meeting clock.

:class:`TimingService` writes and reads the runs of each agenda item's timer (``timing_segments``: the
phase and floor stretches, the one going on without its end) and the meeting clock (``meeting_clocks``).
The timer that writes them as it runs is :class:`~mdtboard.services.timed_item.TimedItem`.

:meth:`TimingService.meeting_record` builds the domain's :class:`~mdtboard.domain.meeting.MeetingRecord`
from the agenda and what was recorded, for the meeting-record window and its PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from mdtboard.domain.accounts import Action
from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import AgendaStatus
from mdtboard.domain.errors import InvalidInputError, NotFoundError, Problem
from mdtboard.domain.meeting import ItemRecord, MeetingRecord, summarize_meeting
from mdtboard.domain.timers import (
    CaseTiming,
    FloorSegment,
    Phase,
    PhaseSegment,
)
from mdtboard.services.conferences import ConferenceService
from mdtboard.services.permissions import check
from mdtboard.services.uow import Session, read_only, unit_of_work
from mdtboard.services.visibility import check_conference_visible, check_item_visible
from mdtboard.storage import audit, timing_repo
from mdtboard.storage.db import Database
from mdtboard.storage.timing_models import FLOOR_KIND, PHASE_KIND


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
    #: the floor stretches written without an end (going on, or cut short), as (who, start)
    open_floors: tuple[tuple[Discipline | None, datetime], ...] = ()

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
            self.open_floors,
        )

    def then(self, later: ItemTimingRecord) -> ItemTimingRecord:
        """This record followed by ``later`` (the runs of the same item recorded after it)."""
        return ItemTimingRecord(
            self.agenda_item_id,
            self.phase_segments + later.phase_segments,
            self.floor_segments + later.floor_segments,
            self.runs + later.runs,
            self.cut_short + later.cut_short,
            self.open_floors + later.open_floors,
        )

    def running_until(self, end: datetime) -> ItemTimingRecord:
        """This record with the stretch still going on counted up to ``end``: the latest floor stretch
        written without an end, when nothing recorded starts after it (an earlier one was cut short by a
        stop of the program and stays uncounted)."""
        if not self.open_floors:
            return self
        who, start = max(self.open_floors, key=lambda o: o[1])
        starts = [s.start for s in self.floor_segments] + [s.start for s in self.phase_segments]
        later = [s for s in starts if s > start]
        if later or end <= start:
            return self
        return replace(
            self,
            floor_segments=(*self.floor_segments, FloorSegment(who, start, end)),
            open_floors=tuple(o for o in self.open_floors if o[1] != start),
            cut_short=self.cut_short - 1,
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
        check(Action.RUN_CONFERENCE)
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
            if not timing_repo.item_exists(session, agenda_item_id):
                raise NotFoundError("agenda item", agenda_item_id)
            timing_repo.replace_run(session, agenda_item_id, run.run_key, rows)

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
            if not timing_repo.item_exists(session, agenda_item_id):
                raise NotFoundError("agenda item", agenda_item_id)
            check_item_visible(session, agenda_item_id)
            return records_of(session, [agenda_item_id])[agenda_item_id]

    def conference_timing(self, conference_id: int) -> dict[int, ItemTimingRecord]:
        """What was recorded for each item of a conference's agenda, by agenda item id."""
        with read_only(self.db) as session:
            if not timing_repo.conference_exists(session, conference_id):
                raise NotFoundError("conference", conference_id)
            check_conference_visible(session, conference_id)
            return records_of(session, timing_repo.agenda_item_ids(session, conference_id))

    # -- the meeting clock
    def meeting_times(self, conference_id: int) -> MeetingTimes | None:
        with read_only(self.db) as session:
            check_conference_visible(session, conference_id)
            clock = timing_repo.clock(session, conference_id)
        return None if clock is None else _to_times(clock)

    def start_meeting(self, conference_id: int, at: datetime) -> MeetingTimes:
        """Record the meeting's start; a meeting started before keeps its first start."""
        check(Action.RUN_CONFERENCE)
        if at.tzinfo is None:
            raise InvalidInputError(Problem("started_at", "must carry its time zone"), source="meeting clock")
        with unit_of_work(self.db) as session:
            if not timing_repo.conference_exists(session, conference_id):
                raise NotFoundError("conference", conference_id)
            check_conference_visible(session, conference_id)
            return _to_times(timing_repo.start_clock(session, conference_id, at.astimezone(UTC)))

    def end_meeting(self, conference_id: int, at: datetime) -> MeetingTimes:
        """Record the meeting's end (again: the later end wins, e.g. after a case taken up once more)."""
        check(Action.RUN_CONFERENCE)
        with unit_of_work(self.db) as session:
            clock = timing_repo.clock(session, conference_id)
            if clock is None:
                raise InvalidInputError(
                    Problem("meeting clock", "the meeting was never started"), source="meeting clock"
                )
            if at.tzinfo is None or at < _aware(clock.started_at):
                raise InvalidInputError(
                    Problem("ended_at", "must carry its time zone and come after the start"),
                    source="meeting clock",
                )
            ended = timing_repo.set_clock_end(session, conference_id, at.astimezone(UTC))
            assert ended is not None
            return _to_times(ended)

    def resume_meeting(self, conference_id: int) -> MeetingTimes | None:
        """Take back a recorded end (the meeting goes on)."""
        check(Action.RUN_CONFERENCE)
        with unit_of_work(self.db) as session:
            clock = timing_repo.set_clock_end(session, conference_id, None)
        return None if clock is None else _to_times(clock)

    # -- the record
    def meeting_record(self, conference_id: int, *, now: datetime | None = None) -> MeetingRecord:
        """The meeting record of a conference from its agenda, attendance and recorded timing.

        The case still in discussion counts its timer's running stretch up to ``now`` (or the meeting's
        end); a case closed with its timer running counts it up to when it was closed."""
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
            if record is not None and record.open_floors:
                end = item.ended_at or (times.ended_at if times else None)
                if end is None and item.status is AgendaStatus.IN_DISCUSSION:
                    end = now
                if end is not None:
                    record = record.running_until(end)
            case_timing = record.case_timing(60.0 * item.minutes) if record and record.timed else None
            items.append(ItemRecord.from_agenda(item, case_timing))
        summary = summarize_meeting(
            conference,
            items,
            started_at=times.started_at if times else None,
            ended_at=times.ended_at if times else None,
        )
        with read_only(self.db) as session:
            last_id, last_hash = audit.latest(session.connection())
        return replace(summary, audit_head=f"{last_id}:{last_hash[:16]}")


def _to_times(row: timing_repo.Clock) -> MeetingTimes:
    ended = None if row.ended_at is None else _aware(row.ended_at)
    return MeetingTimes(row.conference_id, _aware(row.started_at), ended, row.version)


def records_of(session: Session, item_ids: Sequence[int]) -> dict[int, ItemTimingRecord]:
    """The recorded timing of each of ``item_ids`` (an empty record for an item never timed)."""
    phases: dict[int, list[PhaseSegment]] = {i: [] for i in item_ids}
    floors: dict[int, list[FloorSegment]] = {i: [] for i in item_ids}
    runs: dict[int, set[str]] = {i: set() for i in item_ids}
    cut: dict[int, int] = dict.fromkeys(item_ids, 0)
    open_floors: dict[int, list[tuple[Discipline | None, datetime]]] = {i: [] for i in item_ids}
    if item_ids:
        for row in timing_repo.segments(session, item_ids):
            item = row.agenda_item_id
            runs[item].add(row.run_key)
            if row.ended_at is None:
                cut[item] += 1
                if row.kind == FLOOR_KIND:
                    who = None if row.discipline is None else Discipline(row.discipline)
                    open_floors[item].append((who, _aware(row.started_at)))
                continue
            start, end = _aware(row.started_at), _aware(row.ended_at)
            if row.kind == PHASE_KIND and row.phase is not None:
                phases[item].append(PhaseSegment(Phase.from_key(row.phase), start, end))
            elif row.kind == FLOOR_KIND:
                who = None if row.discipline is None else Discipline(row.discipline)
                floors[item].append(FloorSegment(who, start, end))
    return {
        i: ItemTimingRecord(
            i, tuple(phases[i]), tuple(floors[i]), len(runs[i]), cut[i], tuple(open_floors[i])
        )
        for i in item_ids
    }
