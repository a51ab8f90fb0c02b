"""The services of one database, opened together."""

from __future__ import annotations

from dataclasses import dataclass

from mdtboard.services.careplans import CarePlanService
from mdtboard.services.cases import CaseService
from mdtboard.services.conferences import ConferenceService
from mdtboard.services.timing import TimingService
from mdtboard.services.training import TrainingService
from mdtboard.storage.db import Database, open_database


@dataclass(frozen=True)
class Services:
    db: Database
    cases: CaseService
    conferences: ConferenceService
    careplans: CarePlanService
    training: TrainingService
    timing: TimingService

    @classmethod
    def on(cls, db: Database) -> Services:
        return cls(
            db=db,
            cases=CaseService(db),
            conferences=ConferenceService(db),
            careplans=CarePlanService(db),
            training=TrainingService(db),
            timing=TimingService(db),
        )

    def close(self) -> None:
        self.db.dispose()


def open_services(url: str | None = None) -> Services:
    """Open the database (upgrading it to the current schema) and its services."""
    return Services.on(open_database(url))
