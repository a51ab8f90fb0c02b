"""A case autosave writes only what changed (on SQLite and PostgreSQL): one statement for an edited field
(plus the search words when the name, title or reference changed, with their new words among the words
of cases, and a delete and an insert for a list that changed), rows of untouched lists keep their ids, the
returned case is the stored one without a second read, and a save on a stale base still ends in a
conflict that changes nothing."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
import sqlalchemy as sa
from conftest import table_snapshot
from sqlalchemy import event

from mdtboard.domain.case import Case, Discipline, DisciplineInput, Medication, PainLocation, Patient
from mdtboard.domain.errors import ConflictError
from mdtboard.services.context import Services
from mdtboard.storage.models import MedicationRow, PainLocationRow


def _case() -> Case:
    return Case(
        ref="SAVE-1",
        fictional=True,
        patient=Patient("Ada Example", age=51),
        title="Low back pain",
        one_liner="51-year-old with low back pain.",
        pain_locations=[PainLocation("lower back", "both"), PainLocation("left leg", "left")],
        medications=[Medication("morphine", "10 mg", "oral", "twice daily")],
        red_flags=["none"],
        discipline_inputs=[DisciplineInput(Discipline.PSYCHOLOGY, "Ana Ruiz", "Low mood.", "CBT.")],
    )


class _Counter:
    def __init__(self, services: Services) -> None:
        self.engine = services.db.engine
        self.statements: list[str] = []
        self.full: list[str] = []

    def __enter__(self) -> _Counter:
        event.listen(self.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(self.engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self.statements.append(statement.split()[0].upper())
        self.full.append(" ".join(statement.split()))


def _written(statement: str) -> tuple[str, str] | None:
    """What a statement writes (``("INSERT", "change_log")``), also behind a ``WITH`` clause."""
    found = re.search(r"\b(UPDATE (\w+) SET|DELETE FROM (\w+)|INSERT INTO (\w+))", statement, re.IGNORECASE)
    if found is None:
        return None
    return found.group(1).split()[0].upper(), next(g for g in found.groups()[1:] if g)


def _ids(services: Services, table: Any) -> list[int]:
    with services.db.engine.connect() as conn:
        return list(conn.execute(sa.select(table.id).order_by(table.id)).scalars())


def test_an_edited_field_is_one_statement_and_the_result_is_what_is_stored(services: Services) -> None:
    base = services.cases.create(_case())
    edited = copy.deepcopy(base)
    edited.one_liner = "51-year-old with low back pain and sciatica."
    locations = _ids(services, PainLocationRow)
    with _Counter(services) as counter:
        stored = services.cases.update(edited, base=base)
    # The case row (conditioned on the version read, it states its change to the audit trail: nothing is
    # read before it; on SQLite the transaction's BEGIN is a statement), and what every committed write
    # adds: the change feed's row with the version (one statement: on PostgreSQL also its lock and the
    # wake-up) and the audit trail's row (one conditional insert: no lock, no read of the last row).
    # No child table is deleted from or written to.
    sqlite = services.db.engine.dialect.name == "sqlite"
    assert len(counter.statements) == (4 if sqlite else 3), counter.full
    assert [_written(s) for s in counter.full if _written(s)] == [
        ("UPDATE", "cases"), ("INSERT", "change_log"), ("INSERT", "audit_log")
    ]
    assert stored == services.cases.get(base.id or 0)
    assert stored.version == base.version + 1 and stored.one_liner.endswith("sciatica.")
    assert _ids(services, PainLocationRow) == locations

    # The title: the row and the search words. A list: only that list, the others keep their rows' ids.
    again = copy.deepcopy(stored)
    again.title = "Low back pain with sciatica"
    naloxone = Medication("naloxone nasal spray", "4 mg", "nasal", "as needed")
    again.medications = [*(again.medications or []), naloxone]
    medications = _ids(services, MedicationRow)
    with _Counter(services) as counter:
        stored = services.cases.update(again, base=stored)
    touched = {_written(s)[1] for s in counter.full if _written(s)}  # type: ignore[index]
    assert touched == {
        "cases", "medications", "case_search_tokens", "case_search_words", "change_log", "audit_log"
    }, counter.full
    assert stored == services.cases.get(base.id or 0)
    assert _ids(services, PainLocationRow) == locations and _ids(services, MedicationRow) != medications
    assert [c.ref for c in services.cases.search("sciatica")] == ["SAVE-1"]

    # Case-level input: stored anew, with the ids the database gave.
    third = copy.deepcopy(stored)
    assert third.discipline_inputs is not None
    third.discipline_inputs[0].assessment = "Low mood; sleeps badly."
    stored = services.cases.update(third, base=stored)
    assert stored == services.cases.get(base.id or 0)


def test_a_stale_base_still_ends_in_a_conflict_and_changes_nothing(services: Services) -> None:
    base = services.cases.create(_case())
    elsewhere = copy.deepcopy(base)
    elsewhere.title = "Changed on another PC"
    services.cases.update(elsewhere, base=base)
    mine = copy.deepcopy(base)
    mine.one_liner = "Typed here."
    before = table_snapshot(services.db)
    with pytest.raises(ConflictError) as info:
        services.cases.update(mine, base=base)
    assert info.value.theirs.title == "Changed on another PC"
    assert table_snapshot(services.db) == before


_HOOKS = ("do_orm_execute", "before_flush", "after_flush", "before_commit", "after_commit", "after_rollback",
          "after_soft_rollback")


def test_a_one_field_autosave_is_at_most_six_statements_before_the_audit_trail_and_change_feed(
    services: Services,
) -> None:
    """What is counted: every statement the save sends (BEGIN on SQLite included; COMMIT is the driver's,
    not a statement) with the change feed's and the audit trail's session hooks taken off for the count;
    those two add, on every committed write, the statements the first test lists."""
    from mdtboard.storage import audit, changes

    base = services.cases.create(_case())
    edited = copy.deepcopy(base)
    edited.title = "Low back pain, one field changed"
    sessions = services.db.sessions
    off: list[tuple[str, Any]] = []
    for module in (changes, audit):  # as open_database installs them (restored in the same order)
        for hook in _HOOKS:
            for name in dir(module):
                fn = getattr(module, name)
                if callable(fn) and event.contains(sessions, hook, fn):
                    event.remove(sessions, hook, fn)
                    off.append((hook, fn))
    assert off, "the hooks were found and taken off"
    try:
        with _Counter(services) as counter:
            stored = services.cases.update(edited, base=base)
    finally:
        for hook, fn in off:
            event.listen(sessions, hook, fn)
    assert len(counter.statements) <= 6, counter.full
    # SQLite: BEGIN IMMEDIATE, the UPDATE of the case row and the search words of the title, and the title's
    # new words kept among the words of cases (storage.search_words); PostgreSQL the same without the BEGIN
    # (the driver's)
    assert [s for s in counter.statements if s not in ("BEGIN", "SELECT")] == [
        "UPDATE", "DELETE", "INSERT", "INSERT"
    ]
    assert stored == services.cases.get(base.id or 0)
