"""The services of one database, opened together.

Each service is made (and its module imported) the first time it is asked for, so that a command that
lists cases does not load what care plans, conferences or training need.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from mdtboard.storage.db import Database, open_database, resolve_url, sqlite_path

if TYPE_CHECKING:
    from mdtboard.domain.careplan import CarePlan
    from mdtboard.services.accounts import AccountService
    from mdtboard.services.audit import AuditService
    from mdtboard.services.backups import BackupService
    from mdtboard.services.careplans import CarePlanService
    from mdtboard.services.cases import CaseService
    from mdtboard.services.changes import ChangeService
    from mdtboard.services.conferences import ConferenceService
    from mdtboard.services.presence import PresenceService
    from mdtboard.services.printouts import CarePlanPrintout
    from mdtboard.services.timing import TimingService
    from mdtboard.services.training import TrainingService


class Services:
    """The services of one open database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @classmethod
    def on(cls, db: Database) -> Services:
        return cls(db)

    @cached_property
    def cases(self) -> CaseService:
        from mdtboard.services.cases import CaseService

        return CaseService(self.db)

    @cached_property
    def conferences(self) -> ConferenceService:
        from mdtboard.services.conferences import ConferenceService

        return ConferenceService(self.db)

    @cached_property
    def careplans(self) -> CarePlanService:
        from mdtboard.services.careplans import CarePlanService

        return CarePlanService(self.db)

    @cached_property
    def training(self) -> TrainingService:
        from mdtboard.services.training import TrainingService

        return TrainingService(self.db)

    @cached_property
    def timing(self) -> TimingService:
        from mdtboard.services.timing import TimingService

        return TimingService(self.db)

    @cached_property
    def audit(self) -> AuditService:
        from mdtboard.services.audit import AuditService

        return AuditService(self.db)

    @cached_property
    def changes(self) -> ChangeService:
        from mdtboard.services.changes import ChangeService

        return ChangeService(self.db)

    @cached_property
    def presence(self) -> PresenceService:
        from mdtboard.services.presence import PresenceService

        return PresenceService(self.db)

    @cached_property
    def accounts(self) -> AccountService:
        from mdtboard.services.accounts import AccountService

        return AccountService(self.db)

    @cached_property
    def backups(self) -> BackupService:
        from mdtboard.services.backups import BackupService

        return BackupService(self.db)

    def load(self, names: tuple[str, ...]) -> None:
        """Make these services now, importing their modules, and configure the ORM models (on a thread,
        before a window asks for them)."""
        for name in names:
            getattr(self, name)
        self.db.configure_models()

    def load_all(self) -> None:
        """Make every service now (see :meth:`load`)."""
        self.load(("cases", "conferences", "careplans", "training", "timing"))

    def printout(self, case_ref: str, plan: CarePlan | None = None) -> CarePlanPrintout:
        """What the care-plan papers and the FHIR export of a case are given (see
        :func:`mdtboard.services.printouts.care_plan_printout`)."""
        from mdtboard.services.printouts import care_plan_printout

        return care_plan_printout(self, case_ref, plan)

    def close(self) -> None:
        self.db.dispose()


def open_services(
    url: str | None = None,
    *,
    create: bool = True,
    backup_days: int | None = None,
    defer_checks: bool = False,
    encrypt: bool = False,
) -> Services:
    """Open the database (upgrading it to the current schema) and its services. ``create=False``: a SQLite
    file that is not there is not created (:class:`DatabaseMissingError`). ``backup_days``: take the day's
    backup of a SQLite database if not done yet, keeping that many days (the program's start).
    ``encrypt``: a new SQLite file is created encrypted, its key in the keyring (the ``database/encrypt``
    setting)."""
    return Services.on(
        open_database(url, create=create, backup_days=backup_days, defer_checks=defer_checks, encrypt=encrypt)
    )


def database_file(url: str | None = None) -> str | None:
    """The SQLite file ``url`` names (the default one when None), resolved; None for PostgreSQL."""
    path = sqlite_path(resolve_url(url))
    return str(path) if path is not None else None
