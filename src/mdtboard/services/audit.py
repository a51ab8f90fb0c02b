"""The audit trail, read: a case's history, and checking the whole chain (see :mod:`mdtboard.storage.audit`
for how every change is recorded, in the transaction that makes it)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from mdtboard.domain.errors import NotFoundError
from mdtboard.services.uow import read_only, unit_of_work
from mdtboard.storage import audit, audit_chain, case_repo
from mdtboard.storage.audit_chain import Verdict
from mdtboard.storage.db import Database

__all__ = ["AuditEntry", "AuditService", "Verdict"]

#: How a record's table is said to a person.
RECORD_NAMES = {
    "cases": "case",
    "care_plans": "care plan",
    "agenda_items": "agenda item",
    "conferences": "conference",
    "attendees": "attendee",
    "discipline_inputs": "discipline input",
    "teaching_reviews": "teaching review",
    "training_assessments": "training assessment",
}


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    host: str
    account_id: int | None
    action: str
    record_type: str
    record_id: str | None
    case_id: int | None
    fields: tuple[str, ...]
    old_version: int | None
    new_version: int | None

    @property
    def record(self) -> str:
        name = RECORD_NAMES.get(self.record_type, self.record_type.replace("_", " "))
        return f"{name} {self.record_id}" if self.record_id else name

    @property
    def what(self) -> str:
        """The fields changed, as words (``pain history, medications``)."""
        return ", ".join(f.replace("_", " ") for f in self.fields)

    @property
    def versions(self) -> str:
        old = "" if self.old_version is None else str(self.old_version)
        new = "" if self.new_version is None else str(self.new_version)
        return f"{old}→{new}" if old and new else (f"→{new}" if new else f"{old}→")

    @property
    def when(self) -> str:
        """The UTC time, to the second, as ``2026-12-06 06:35:10 UTC``."""
        return f"{self.at[:10]} {self.at[11:19]} UTC"

    @property
    def who(self) -> str:
        return f"{self.actor}@{self.host}"


def _entry(values: dict[str, Any]) -> AuditEntry:
    fields = values["fields"]
    return AuditEntry(
        id=values["id"], at=values["at"], actor=values["actor"], host=values["host"],
        account_id=values["account_id"], action=values["action"], record_type=values["record_type"],
        record_id=values["record_id"], case_id=values["case_id"],
        fields=tuple(fields) if isinstance(fields, list) else (), old_version=values["old_version"],
        new_version=values["new_version"],
    )


class AuditService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def case_id(self, case: str) -> int:
        """The database id of a case given by reference (``C-2026-001``) or by id (a deleted case's)."""
        with read_only(self.db) as session:
            found = case_repo.ids_by_ref(session, [case]).get(case)
        if found is not None:
            return found[0]
        if case.strip().isdigit():
            return int(case)
        raise NotFoundError("case", case)

    def case_ref(self, case_id: int) -> str | None:
        """The reference of a case (None once it is deleted)."""
        with read_only(self.db) as session:
            return case_repo.ref_of(session, case_id)

    def history(self, case_id: int) -> list[AuditEntry]:
        """Who changed what of a case (and its care plans, inputs, agenda items), oldest first."""
        with read_only(self.db) as session:
            return [_entry(v) for v in audit_chain.history(session.connection(), case_id)]

    def exported(self, kind: str, *, case_ids: Iterable[int] = (), conference_id: int | None = None) -> None:
        """Record in the trail that the account signed in exported ``kind`` (``bundle``, ``fhir``,
        ``care plan pdf``...) of these cases or of a conference: who, when, from which PC, what; never
        the file's name or content."""
        with unit_of_work(self.db) as session:
            for case_id in case_ids:
                audit.note(session, "export", "cases", case_id, case_id=case_id, fields=[kind])
            if conference_id is not None:
                audit.note(session, "export", "conferences", conference_id, fields=[kind])

    def restricted_read(self, case_id: int, fields: Iterable[str]) -> None:
        """Record that the account signed in opened the restricted passages of a case in these fields
        (the field names only, never the text)."""
        with unit_of_work(self.db) as session:
            audit.note(session, "read", "cases", case_id, case_id=case_id, fields=fields)

    def verify(self) -> Verdict:
        with read_only(self.db) as session:
            return audit_chain.verify(session.connection())

    def latest(self) -> tuple[int, str]:
        with read_only(self.db) as session:
            return audit.latest(session.connection())
