"""Helpers of the timing tests: a conference with attendees and cases on its agenda, and a run store in
memory. (No tests here.)"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from mdtboard.domain.case import Case, Discipline, Patient
from mdtboard.domain.conference import Attendee, AttendeeRole, Conference
from mdtboard.domain.errors import DatabaseError
from mdtboard.services.context import Services
from mdtboard.services.timing import RecordedRun

TEAM = [
    Attendee("Dr Okafor", Discipline.PHYSICIAN, AttendeeRole.CHAIR),
    Attendee("Sam Lee", Discipline.PHYSICAL_THERAPY),
    Attendee("Ana Ruiz", Discipline.PSYCHOLOGY),
    Attendee("Kim Park", Discipline.PHARMACY),
]


def meeting(services: Services, refs: tuple[str, ...] = ("T-1", "T-2", "T-3")) -> tuple[int, list[int]]:
    """A conference with :data:`TEAM` and one fictional case per ref (12 min each): (conference id,
    agenda item ids in agenda order)."""
    conf = services.conferences.create(
        Conference(title="Pain MDT", starts_at=datetime(2026, 3, 4, 16, 0), room="Room 4")
    )
    assert conf.id is not None
    for person in TEAM:
        services.conferences.add_attendee(conf.id, person)
    for ref in refs:
        case = services.cases.create(Case(ref=ref, fictional=True, patient=Patient(f"Patient {ref}")))
        assert case.id is not None
        services.conferences.add_agenda_item(conf.id, case.id)
    items = sorted(services.conferences.get(conf.id).agenda, key=lambda i: i.position)
    return conf.id, [i.id or 0 for i in items]


@dataclass
class MemoryStore:
    """Keeps the last run written per (item, run key); can be told to fail like a busy database."""

    runs: dict[tuple[int, str], RecordedRun] = field(default_factory=dict)
    failing: bool = False
    writes: int = 0

    def save_run(self, agenda_item_id: int, run: RecordedRun) -> None:
        if self.failing:
            raise DatabaseError("The database is busy with another program for too long.")
        self.writes += 1
        self.runs[(agenda_item_id, run.run_key)] = run
