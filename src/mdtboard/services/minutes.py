"""The minutes of a conference, and the list of conferences they can be printed for.

:meth:`MinutesService.minutes` reads a conference's meeting record (attendance, time per case, the floor),
and for each agenda item the care plan made at the meeting (linked to the item), the disciplines' input
on it and the reason a deferred case was deferred, and hands them to the domain's
:func:`~mdtboard.domain.minutes.case_minutes`. Minutes are a paper that leaves the room: every text about a
case (its title, the deferral reason, the care plan's decisions and actions, the input) comes with the
case's restricted passages withheld (:mod:`mdtboard.domain.privacy`). :meth:`MinutesService.overview`
lists conferences with a status in words, for ``mdtboard conferences``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from mdtboard.domain.careplan import CarePlan
from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import AgendaItem, AgendaStatus, Conference
from mdtboard.domain.minutes import Minutes, case_minutes
from mdtboard.domain.privacy import redact_text, shared_inputs, shared_record
from mdtboard.services.careplans import CarePlanService
from mdtboard.services.cases import CaseService
from mdtboard.services.conferences import ConferenceService
from mdtboard.services.timing import TimingService
from mdtboard.services.uow import read_only
from mdtboard.storage import audit
from mdtboard.storage.db import Database


@dataclass(frozen=True)
class ConferenceOverview:
    """One conference as ``mdtboard conferences`` lists it."""

    id: int
    starts_at: datetime
    title: str
    status: str  # "upcoming", "in progress", "held", "not held"
    cases: int


class MinutesService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.conferences = ConferenceService(db)
        self.timing = TimingService(db)
        self.careplans = CarePlanService(db)
        self.cases = CaseService(db)

    def minutes(self, conference_id: int, *, now: datetime | None = None) -> Minutes:
        """The minutes of a conference; ``now`` counts the stretch of a case timer still running."""
        conference = self.conferences.get(conference_id)
        record = self.timing.meeting_record(conference_id, now=now or datetime.now(UTC))
        present = [d for d in Discipline if d in record.quorum.present]
        items = sorted(conference.agenda, key=lambda i: i.position)
        cases = []
        for item, line in zip(items, record.cases, strict=True):
            assert item.id is not None
            given = self.careplans.inputs_for(item.case_id, item.id)
            case = self.cases.get(item.case_id)
            passages = case.restricted_passages
            inputs = shared_inputs(case, [i for i in given if i.agenda_item_id == item.id])
            plan = self._plan_of(item)
            cases.append(case_minutes(
                replace(line, title=redact_text(line.title, passages)),
                plan=shared_record(plan, case) if plan is not None else None,
                inputs=inputs,
                present=present,
                deferral_reason=redact_text(_deferral_reason(item), passages),
            ))
        return Minutes(record, tuple(cases), conference_ref=str(conference_id), audit_head=self._audit_head())

    def _audit_head(self) -> str:
        with read_only(self.db) as session:
            last_id, last_hash = audit.latest(session.connection())
        return f"{last_id}:{last_hash[:16]}"

    def _plan_of(self, item: AgendaItem) -> CarePlan | None:
        """The latest version of the case's plan made at this agenda item, if any."""
        linked = [p for p in self.careplans.history(item.case_id) if p.agenda_item_id == item.id]
        return max(linked, key=lambda p: p.plan_version) if linked else None

    def overview(self, *, now: datetime | None = None) -> list[ConferenceOverview]:
        """Every conference, latest first, with its status."""
        now = now or datetime.now(UTC)
        out = []
        for listed in self.conferences.list():
            assert listed.id is not None
            conference = self.conferences.get(listed.id)
            times = self.timing.meeting_times(listed.id)
            out.append(ConferenceOverview(
                listed.id, conference.starts_at, conference.title, _status(conference, times, now),
                len(conference.agenda),
            ))
        return out


def _deferral_reason(item: AgendaItem) -> str | None:
    reason = getattr(item, "deferral_reason", None)
    return reason if isinstance(reason, str) else None


def _status(conference: Conference, times: object, now: datetime) -> str:
    started = getattr(times, "started_at", None)
    ended = getattr(times, "ended_at", None)
    if started is not None and ended is None:
        return "in progress"
    done = any(i.status in (AgendaStatus.DISCUSSED, AgendaStatus.DEFERRED) for i in conference.agenda)
    if ended is not None or done:
        return "held"
    starts = conference.starts_at.astimezone()  # a time without a zone is local time
    return "upcoming" if starts >= now else "not held"
