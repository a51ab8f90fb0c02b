"""A search keystroke (``CaseService.search_with_count``) on PostgreSQL runs its two statements without a
transaction (no BEGIN and ROLLBACK round trips; at READ COMMITTED each statement reads its own snapshot
either way), and leaves the pooled connection as it found it: the next unit of work is one transaction
again. On SQLite both statements read in one transaction (one snapshot of the file), as before."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from mdtboard.domain.case import Case, Patient
from mdtboard.services.context import Services
from mdtboard.services.uow import read_only, unit_of_work
from mdtboard.storage.db import Database


def _in_transaction(conn: sa.Connection) -> bool:
    driver: Any = conn.connection.driver_connection
    if conn.dialect.name == "postgresql":
        import psycopg

        return bool(driver.info.transaction_status != psycopg.pq.TransactionStatus.IDLE)
    return bool(driver.in_transaction)


def test_a_search_keystroke_begins_no_transaction_on_postgresql(services: Services, db: Database) -> None:
    for i in range(3):
        services.cases.create(Case(ref=f"T-{i}", fictional=True, patient=Patient(f"Ana Nguyen {i}")))
    postgresql = db.engine.dialect.name == "postgresql"
    seen: list[bool] = []

    def note(conn: sa.Connection, *_: object) -> None:
        seen.append(_in_transaction(conn))

    sa.event.listen(db.engine, "before_cursor_execute", note)
    try:
        page, total = services.cases.search_with_count("ana ng", count_limit=1000, limit=100)
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", note)
    assert ([s.ref for s in page], total) == (["T-0", "T-1", "T-2"], 3)
    # the page (the last statement) runs inside the count's transaction on SQLite (whose BEGIN DEFERRED is
    # a statement too); on PostgreSQL, count and page, in none
    assert seen[-1] is not postgresql
    assert len(seen) == (2 if postgresql else 3)

    # the pooled connection is transactional again: a unit of work that fails leaves nothing behind
    with pytest.raises(RuntimeError), unit_of_work(db) as session:
        session.execute(sa.text("UPDATE cases SET title = 'changed' WHERE ref = 'T-0'"))
        assert _in_transaction(session.connection())
        raise RuntimeError("undo it")
    assert services.cases.get(page[0].id).title != "changed"
    with read_only(db) as session:
        session.execute(sa.text("SELECT 1"))
        assert _in_transaction(session.connection())
