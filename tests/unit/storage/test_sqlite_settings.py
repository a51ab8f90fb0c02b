"""SQLite connection settings: applied on every connection; writes begin IMMEDIATE, reads DEFERRED."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from conftest import table_snapshot

from mdtboard.domain.case import Case, Patient
from mdtboard.domain.errors import DatabaseError
from mdtboard.services.context import Services
from mdtboard.services.uow import read_only, unit_of_work
from mdtboard.storage import db as storage_db
from mdtboard.storage.db import BUSY_TIMEOUT_MS, READ_ONLY, Database, open_database


def pragmas(conn: sa.Connection) -> tuple[object, ...]:
    return tuple(
        conn.exec_driver_sql(f"PRAGMA {name}").scalar_one()
        for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
    )


EXPECTED = ("wal", 2, 1, BUSY_TIMEOUT_MS)  # synchronous 2 is FULL


def test_busy_timeout_is_several_seconds() -> None:
    assert BUSY_TIMEOUT_MS >= 3000


def test_settings_are_applied_on_every_connection(sqlite_database_url: str) -> None:
    db = open_database(sqlite_database_url)
    try:
        # three at once (reading, so that they do not wait for each other's write lock)
        reading = db.engine.execution_options(**{READ_ONLY: True})
        with reading.connect() as a, reading.connect() as b, reading.connect() as c:
            assert [pragmas(conn) for conn in (a, b, c)] == [EXPECTED] * 3
        with unit_of_work(db) as session:
            assert pragmas(session.connection()) == EXPECTED
        with read_only(db) as session:
            assert pragmas(session.connection()) == EXPECTED
        db.engine.dispose()  # new connections after the pool was emptied get them too
        with db.engine.connect() as conn:
            assert pragmas(conn) == EXPECTED
    finally:
        db.dispose()


@pytest.fixture
def impatient_db(sqlite_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """A database whose connections wait only 50 ms for a lock, so that "busy" comes at once."""
    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_MS", 50)
    db = open_database(sqlite_database_url)
    Services.on(db).cases.create(Case(ref="HELD-0", fictional=True, patient=Patient("Already There")))
    yield db
    db.dispose()


def _insert_case(conn: sa.Connection, ref: str) -> None:
    conn.exec_driver_sql(
        "INSERT INTO cases (ref, fictional, display_name, has_scores, given_lists, created_at, updated_at, "
        f"version) VALUES ('{ref}', 1, 'Writer A', 0, '', '2026-01-01', '2026-01-01', 0)"
    )


def test_a_write_transaction_begins_immediate(impatient_db: Database) -> None:
    """While one connection holds a write transaction, another's BEGIN is refused as busy at once,
    before it has read or written anything, instead of failing (or deadlocking) half-way later."""
    with impatient_db.engine.connect() as a, impatient_db.engine.connect() as b:
        a.begin()
        _insert_case(a, "HELD-1")
        with pytest.raises(sa.exc.OperationalError, match="database is locked"):
            b.begin()
        b.rollback()
        a.commit()
        with b.begin():  # once the writer is done, the other may write
            assert b.exec_driver_sql("SELECT count(*) FROM cases").scalar_one() == 2
            _insert_case(b, "HELD-2")


def test_a_writer_waiting_for_another_gets_a_clear_error_and_changes_nothing(impatient_db: Database) -> None:
    services = Services.on(impatient_db)
    before = table_snapshot(impatient_db)
    with impatient_db.engine.connect() as a:
        a.begin()
        _insert_case(a, "HELD-1")
        with pytest.raises(DatabaseError) as info:
            services.cases.create(Case(ref="NEW-1", fictional=True, patient=Patient("Second Writer")))
        assert str(info.value).startswith("The database is busy with another program for too long")
        assert str(info.value).endswith("Nothing was changed.")
        a.rollback()
    assert table_snapshot(impatient_db) == before


def test_reading_does_not_wait_for_a_writer(impatient_db: Database) -> None:
    """Reads begin DEFERRED: with WAL they see the last committed state while someone writes."""
    services = Services.on(impatient_db)
    with impatient_db.engine.connect() as a:
        a.begin()
        _insert_case(a, "HELD-1")
        assert [s.ref for s in services.cases.search()] == ["HELD-0"]
        assert services.cases.get_by_ref("HELD-0").patient.display_name == "Already There"
        assert services.conferences.list() == []
        a.commit()
    assert [s.ref for s in services.cases.search()] == ["HELD-0", "HELD-1"]
