"""The services of one database, opened together."""

from __future__ import annotations

from dataclasses import dataclass

from mdtboard.services.careplans import CarePlanService
from mdtboard.services.cases import CaseService
from mdtboard.services.conferences import ConferenceService
from mdtboard.services.timing import TimingService
from mdtboard.services.training import TrainingService
from mdtboard.storage.db import Database, open_database, resolve_url, sqlite_path


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


def open_services(url: str | None = None, *, create: bool = True) -> Services:
    """Open the database (upgrading it to the current schema) and its services. ``create=False``: a SQLite
    file that is not there is not created (:class:`DatabaseMissingError`)."""
    return Services.on(open_database(url, create=create))


def database_file(url: str | None = None) -> str | None:
    """The SQLite file ``url`` names (the default one when None), resolved; None for PostgreSQL."""
    path = sqlite_path(resolve_url(url))
    return str(path) if path is not None else None
