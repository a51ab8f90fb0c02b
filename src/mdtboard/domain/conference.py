"""Conferences: who came, what was on the agenda, in what order, for how long."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
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
