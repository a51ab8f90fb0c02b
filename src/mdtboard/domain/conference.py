"""Conferences: who came, what was on the agenda, in what order, for how long."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from mdtboard.domain.case import CORE_DISCIPLINES, Discipline

DEFAULT_CASE_MINUTES = 12


class ConferenceMode(StrEnum):
    CLINICAL = "clinical"
    TRAINING = "training"


class AttendeeRole(StrEnum):
    CHAIR = "chair"
    PRESENTER = "presenter"
    MEMBER = "member"
    TRAINEE = "trainee"
    OBSERVER = "observer"


class AgendaStatus(StrEnum):
    PENDING = "pending"
    IN_DISCUSSION = "in_discussion"
    DISCUSSED = "discussed"
    DEFERRED = "deferred"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


@dataclass
class Attendee:
    name: str
    discipline: Discipline
    role: AttendeeRole = AttendeeRole.MEMBER
    id: int | None = None
    version: int = 0


@dataclass
class AgendaItem:
    case_id: int
    position: int
    minutes: int = DEFAULT_CASE_MINUTES
    status: AgendaStatus = AgendaStatus.PENDING
    started_at: datetime | None = None
    ended_at: datetime | None = None
    id: int | None = None
    version: int = 0
    #: Why a deferred case was deferred (one line), offered with it on the next agenda and in the minutes.
    deferral_reason: str | None = None
    # Filled in when read, for display.
    case_ref: str = ""
    case_title: str | None = None
    patient_name: str = ""


#: The common reasons for deferring a case, offered when a case is deferred (any other may be typed).
DEFERRAL_REASONS: tuple[str, ...] = (
    "Awaiting results",
    "Patient not present",
    "Out of time",
    "Needs another discipline",
)
DEFERRAL_REASON_MAX = 200


@dataclass
class Conference:
    title: str
    starts_at: datetime
    room: str | None = None
    mode: ConferenceMode = ConferenceMode.CLINICAL
    chair: str | None = None
    default_minutes: int = DEFAULT_CASE_MINUTES
    attendees: list[Attendee] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    id: int | None = None
    version: int = 0

    @property
    def facilitator(self) -> str | None:
        """Who leads a teaching conference: its chair, unless a trainee chairs it (to be scored on the
        chairing items), when it is the first attendee who is neither a trainee nor the chair (the
        facilitator, listed as an observer)."""
        trainees = {a.name for a in self.attendees if a.role is AttendeeRole.TRAINEE}
        if self.chair and self.chair not in trainees:
            return self.chair
        return next((a.name for a in self.attendees
                     if a.role is not AttendeeRole.TRAINEE and a.name != self.chair), None)


@dataclass(frozen=True)
class Quorum:
    present: frozenset[Discipline]
    missing: tuple[Discipline, ...]

    @property
    def quorate(self) -> bool:
        return not self.missing

    def describe(self) -> str:
        if self.quorate:
            return "Quorate: physician, physical therapy and psychology present"
        return "Not quorate: missing " + ", ".join(d.label.lower() for d in self.missing)


def quorum(attendees: list[Attendee]) -> Quorum:
    """Physician, physical therapy and psychology must be present (observers do not count)."""
    present = frozenset(a.discipline for a in attendees if a.role is not AttendeeRole.OBSERVER)
    missing = tuple(d for d in CORE_DISCIPLINES if d not in present)
    return Quorum(present=present, missing=missing)


#: How long a conference is taken to last when its agenda plans less (or nothing yet).
MIN_MEETING_MINUTES = 60


def planned_span(conf: Conference) -> tuple[datetime, datetime]:
    """When the conference starts and is planned to end (local wall time, as stored): its agenda's
    minutes, at least an hour."""
    minutes = max(sum(item.minutes for item in conf.agenda), MIN_MEETING_MINUTES)
    start = conf.starts_at
    if start.tzinfo is not None:
        start = start.astimezone().replace(tzinfo=None)
    return start, start + timedelta(minutes=minutes)


def same_room(a: str | None, b: str | None) -> bool:
    """Whether two rooms are the same, whatever the case and spacing ("Room 4" and "room  4")."""
    if not a or not b:
        return False
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def room_clashes(conf: Conference, others: Iterable[Conference]) -> list[Conference]:
    """The conferences among ``others`` in ``conf``'s room whose planned time overlaps ``conf``'s."""
    start, end = planned_span(conf)
    clashes = []
    for other in others:
        if other.id is not None and other.id == conf.id:
            continue
        other_start, other_end = planned_span(other)
        if same_room(conf.room, other.room) and other_start < end and start < other_end:
            clashes.append(other)
    return sorted(clashes, key=lambda c: c.starts_at)


def describe_clash(conf: Conference, clashes: list[Conference]) -> str:
    """One sentence for the person who booked ``conf``: which conferences already use its room then."""
    names = "; ".join(
        f"{c.title} ({c.starts_at:%a %d %b %H:%M}\u2013{planned_span(c)[1]:%H:%M})" for c in clashes
    )
    verb = "is" if len(clashes) == 1 else "are"
    return f"{conf.room} is booked at an overlapping time: {names} {verb} there too."
