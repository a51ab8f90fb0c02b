"""What the change feed says: one committed change of one record, as other programs learn of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

#: Kinds of record the change feed names (the aggregates a view follows).
CASE = "case"
CONFERENCE = "conference"
CARE_PLAN = "care_plan"
TEACHING_REVIEW = "teaching_review"
#: Not a record: the change log no longer reaches back to the last change seen (a PC asleep past the time
#: the log is kept, or a listener that was away that long); every view reloads everything.
EVERYTHING = "everything"


@dataclass(frozen=True)
class Change:
    """One committed change: ``kind`` of record, its id (None: some records of that kind, reload them all),
    the version it has now (None when ``deleted``), the program that wrote it and when.

    ``id`` is the change's number in the change log: ``mdtboard changes --since N`` prints the changes
    after change N."""

    id: int
    kind: str
    record_id: int | None
    version: int | None
    deleted: bool
    client: str
    at: datetime | None

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "record_id": self.record_id,
            "version": self.version,
            "deleted": self.deleted,
            "client": self.client,
            "at": self.at.isoformat() if self.at is not None else None,
        }

    def about(self, kind: str, record_id: int | None = None) -> bool:
        """True when this change may concern the record (or, without an id, any record of that kind)."""
        if self.kind == EVERYTHING:
            return True
        if self.kind != kind:
            return False
        return record_id is None or self.record_id is None or self.record_id == record_id


def touches(changes: list[Change], kind: str, record_id: int | None = None) -> bool:
    return any(change.about(kind, record_id) for change in changes)
