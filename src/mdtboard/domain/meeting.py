"""The meeting record: what happened at a conference, worked out from plain data.

For each agenda item the record needs its case, budget, status, actual start and end, and (when the
timers were used) the running time, phase durations and floor segments; from those it works out the
cases discussed and deferred, the time of each case against its budget, the overruns, each discipline's
share of the floor across the meeting and per case, the disciplines missing from attendance (the
quorum) and those present but never heard, and the meeting's length against the plan.

Durations in the record are whole seconds, so that what is printed adds up and a case counts as
overrun only when the overrun shows (a budget of 12:00 and an actual 12:00.4 is on time).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import (
    AgendaItem,
    AgendaStatus,
    AttendeeRole,
    Conference,
    ConferenceMode,
    Quorum,
    quorum,
)
from mdtboard.domain.errors import InvalidInputError, Problem
from mdtboard.domain.timers import CaseTiming, FloorSegment, Phase, TimeShare, format_mmss, time_share


def whole_seconds(seconds: float) -> int:
    """Round to the nearest second (halves up)."""
    return math.floor(seconds + 0.5)


@dataclass(frozen=True)
class ItemRecord:
    """One agenda item as the meeting left it: the input of :func:`summarize_meeting`.

    ``active_seconds`` is the time the item's timer ran (pauses not counted); when it is ``None`` the
    time from ``started_at`` to ``ended_at`` is used instead.
    """

    case_ref: str
    patient_name: str
    title: str | None
    budget_minutes: float
    status: AgendaStatus
    started_at: datetime | None = None
    ended_at: datetime | None = None
    active_seconds: float | None = None
    phase_durations: tuple[tuple[Phase, float], ...] = ()
    floor_segments: tuple[FloorSegment, ...] = ()

    @classmethod
    def from_agenda(cls, item: AgendaItem, timing: CaseTiming | None = None) -> ItemRecord:
        """The item as stored, with what its timer recorded when there is one.

        The stored start and end win over the timer's; the timer fills in what was not stored.
        """
        if timing is None:
            return cls(
                item.case_ref, item.patient_name, item.case_title, item.minutes, item.status,
                item.started_at, item.ended_at,
            )
        return cls(
            case_ref=item.case_ref,
            patient_name=item.patient_name,
            title=item.case_title,
            budget_minutes=item.minutes,
            status=item.status,
            started_at=item.started_at or timing.started_at,
            ended_at=item.ended_at or timing.ended_at,
            active_seconds=timing.active_seconds if timing.started_at is not None else None,
            phase_durations=timing.phase_durations,
            floor_segments=timing.floor_segments,
        )

    def actual_seconds(self) -> float | None:
        """The time the case took: its timer's running time, else from its start to its end. A case
        deferred or not reached whose timer never ran has no time."""
        if self.active_seconds is not None:
            return self.active_seconds
        if self.status in (AgendaStatus.DEFERRED, AgendaStatus.PENDING) and not self.floor_segments:
            return None
        if self.started_at is not None and self.ended_at is not None:
            return (self.ended_at - self.started_at).total_seconds()
        return None

    def problems(self, where: str) -> list[Problem]:
        found = []
        if not (math.isfinite(self.budget_minutes) and self.budget_minutes > 0):
            found.append(Problem(f"{where}.budget_minutes", f"{self.budget_minutes} is not a budget above 0"))
        if self.started_at is not None and self.ended_at is not None and self.ended_at < self.started_at:
            found.append(Problem(f"{where}.ended_at", "ends before it starts"))
        if self.active_seconds is not None and not (
            math.isfinite(self.active_seconds) and self.active_seconds >= 0
        ):
            found.append(Problem(f"{where}.active_seconds", f"{self.active_seconds} is not a duration"))
        for n, seg in enumerate(self.floor_segments):
            if seg.end < seg.start:
                found.append(Problem(f"{where}.floor_segments[{n}]", "ends before it starts"))
        for phase, seconds in self.phase_durations:
            if not (math.isfinite(seconds) and seconds >= 0):
                found.append(Problem(f"{where}.phase_durations[{phase.key}]", f"{seconds} is not a duration"))
        return found


@dataclass(frozen=True)
class AttendeeLine:
    name: str
    discipline: Discipline
    role: AttendeeRole


@dataclass(frozen=True)
class CaseLine:
    """One case of the record: its time against its budget, its phases and who spoke."""

    position: int  # 1-based place on the agenda
    case_ref: str
    patient_name: str
    title: str | None
    status: AgendaStatus
    budget_seconds: int
    actual_seconds: int | None  # None: never timed
    started_at: datetime | None
    ended_at: datetime | None
    phase_durations: tuple[tuple[Phase, int], ...]
    time_share: tuple[TimeShare, ...]

    @property
    def over_seconds(self) -> int | None:
        """Actual minus budget: positive is an overrun, negative time to spare; None if never timed."""
        return None if self.actual_seconds is None else self.actual_seconds - self.budget_seconds

    @property
    def overran(self) -> bool:
        return self.over_seconds is not None and self.over_seconds > 0

    @property
    def budget_text(self) -> str:
        return format_mmss(self.budget_seconds)

    @property
    def actual_text(self) -> str:
        return "not timed" if self.actual_seconds is None else format_mmss(self.actual_seconds)

    @property
    def over_text(self) -> str:
        """``+03:12`` over, ``-02:00`` under, ``00:00`` on time, ``–`` when not timed."""
        over = self.over_seconds
        if over is None:
            return "–"
        return format_mmss(over, plus=over > 0)


@dataclass(frozen=True)
class MeetingRecord:
    """The summary of one conference, ready to show or print."""

    title: str
    scheduled_start: datetime
    room: str | None
    chair: str | None
    mode: ConferenceMode
    attendees: tuple[AttendeeLine, ...]
    quorum: Quorum
    started_at: datetime | None
    ended_at: datetime | None
    cases: tuple[CaseLine, ...]
    time_share: tuple[TimeShare, ...]
    floor_tracked: bool  # was any discipline ever marked as holding the floor?
    never_heard: tuple[Discipline, ...]
    planned_seconds: int
    meeting_seconds: int | None  # from the meeting's (or first case's) start to its (or last case's) end
    #: The audit trail's last record when the record was made ("N:hash"), printed like the minutes' so
    #: that records removed from the end of the trail later can be found against the paper; "" unknown.
    audit_head: str = ""

    def _with(self, status: AgendaStatus) -> tuple[CaseLine, ...]:
        return tuple(c for c in self.cases if c.status is status)

    @property
    def discussed(self) -> tuple[CaseLine, ...]:
        return self._with(AgendaStatus.DISCUSSED)

    @property
    def deferred(self) -> tuple[CaseLine, ...]:
        return self._with(AgendaStatus.DEFERRED)

    @property
    def not_reached(self) -> tuple[CaseLine, ...]:
        return self._with(AgendaStatus.PENDING)

    @property
    def unfinished(self) -> tuple[CaseLine, ...]:
        """Still in discussion when the record was made."""
        return self._with(AgendaStatus.IN_DISCUSSION)

    @property
    def overruns(self) -> tuple[CaseLine, ...]:
        return tuple(c for c in self.cases if c.overran)

    @property
    def missing_disciplines(self) -> tuple[Discipline, ...]:
        return self.quorum.missing

    @property
    def case_seconds(self) -> int:
        """The time spent on cases, added up."""
        return sum(c.actual_seconds or 0 for c in self.cases)

    @property
    def over_plan_seconds(self) -> int | None:
        """Meeting length minus the planned total: positive is over."""
        return None if self.meeting_seconds is None else self.meeting_seconds - self.planned_seconds


def summarize_meeting(
    conference: Conference,
    items: Sequence[ItemRecord] | None = None,
    *,
    started_at: datetime | None = None,
    ended_at: datetime | None = None,
) -> MeetingRecord:
    """Work out the record of ``conference``.

    ``items`` are its agenda items in agenda order (by default, the conference's own agenda without
    timer data); ``started_at`` and ``ended_at`` are the meeting clock's, when it was used.
    Inconsistent input (an end before its start, a budget of 0) raises :class:`InvalidInputError`
    naming every problem.
    """
    if items is None:
        items = [ItemRecord.from_agenda(i) for i in sorted(conference.agenda, key=lambda i: i.position)]
    problems = [p for n, item in enumerate(items) for p in item.problems(f"items[{n}] ({item.case_ref})")]
    if started_at is not None and ended_at is not None and ended_at < started_at:
        problems.append(Problem("ended_at", "the meeting ends before it starts"))
    if problems:
        raise InvalidInputError(problems, source="meeting record")

    q = quorum(conference.attendees)
    segments = [seg for item in items for seg in item.floor_segments]
    tracked = any(seg.discipline is not None for seg in segments)
    shares = time_share(segments, include=q.present if tracked else ())
    heard = {s.discipline for s in shares if s.seconds > 0}
    never_heard = tuple(d for d in Discipline if d in q.present and d not in heard) if tracked else ()

    starts = [i.started_at for i in items if i.started_at is not None]
    ends = [i.ended_at for i in items if i.ended_at is not None]
    first = started_at or (min(starts) if starts else None)
    last = ended_at or (max(ends) if ends else None)
    meeting_seconds = None
    if first is not None and last is not None and last >= first:
        meeting_seconds = whole_seconds((last - first).total_seconds())

    return MeetingRecord(
        title=conference.title,
        scheduled_start=conference.starts_at,
        room=conference.room,
        chair=conference.chair,
        mode=conference.mode,
        attendees=tuple(AttendeeLine(a.name, a.discipline, a.role) for a in conference.attendees),
        quorum=q,
        started_at=first,
        ended_at=last,
        cases=tuple(_case_line(n, item) for n, item in enumerate(items, start=1)),
        time_share=shares,
        floor_tracked=tracked,
        never_heard=never_heard,
        planned_seconds=whole_seconds(60 * sum(i.budget_minutes for i in items)),
        meeting_seconds=meeting_seconds,
    )


def _case_line(position: int, item: ItemRecord) -> CaseLine:
    actual = item.actual_seconds()
    return CaseLine(
        position=position,
        case_ref=item.case_ref,
        patient_name=item.patient_name,
        title=item.title,
        status=item.status,
        budget_seconds=whole_seconds(60 * item.budget_minutes),
        actual_seconds=None if actual is None else whole_seconds(actual),
        started_at=item.started_at,
        ended_at=item.ended_at,
        phase_durations=tuple(
            (phase, whole_seconds(sec))
            for phase, sec in sorted(item.phase_durations, key=lambda p: p[0].sort_key())
        ),
        time_share=time_share(item.floor_segments),
    )
