"""The audit trail's chain under writers that do not know each other's rows: two processes saving at the
same moment, two programs taking turns, a transaction rolled back. Each writer chains after the last row
it knows without reading it first; the chain must never fork, lose or repeat a row. On SQLite and
PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from mdtboard.domain.case import Case, Patient
from mdtboard.services.context import Services
from mdtboard.storage import audit, audit_append
from mdtboard.storage.audit import TABLE
from mdtboard.storage.db import open_database

#: A writer process: waits for the start file, then saves (one case's title, one record a transaction) and
#: imports (five new cases in one transaction: five rows chained in one go), in turns, as fast as it can.
#: It starts a round only when the other writer has finished the round before (waiting 10 s at most), so
#: that the two write over the same stretch of time even when a loaded machine starts one process late;
#: within a round they race.
WRITER = r"""
import sys, time
from dataclasses import replace
from pathlib import Path
from mdtboard.domain.case import Case, Patient
from mdtboard.services.context import open_services

url, tag, start, rounds = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
other = "b" if tag == "a" else "a"
services = open_services(url)
case = services.cases.create(Case(ref=f"W-{tag}", fictional=True, patient=Patient("Ana Example")))
print("ready", flush=True)
while not start.exists():
    time.sleep(0.005)
for n in range(rounds):
    deadline = time.monotonic() + 10
    while n and not start.with_name(f"{other}-{n - 1}").exists() and time.monotonic() < deadline:
        time.sleep(0.002)
    case = services.cases.update(replace(case, title=f"{tag} {n}"))
    services.cases.store_many(
        [Case(ref=f"W-{tag}-{n}-{k}", fictional=True, patient=Patient("Ana Example")) for k in range(5)]
    )
    start.with_name(f"{tag}-{n}").touch()
services.close()
print("done", flush=True)
"""

ROUNDS = 12


def _rows(services: Services) -> list[tuple[int, str, str]]:
    with services.db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(  # type: ignore[misc]
            sa.select(TABLE.c.id, TABLE.c.prev_hash, TABLE.c.hash).order_by(TABLE.c.id)
        )]


def _writer(url: str, tag: str, start: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, url, tag, str(start), str(ROUNDS)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_two_processes_writing_at_once_make_one_valid_chain(
    services: Services, database_url: str, tmp_path: Path
) -> None:
    start = tmp_path / "start"
    writers = [_writer(database_url, tag, start) for tag in ("a", "b")]
    try:
        for writer in writers:
            assert writer.stdout is not None
            assert writer.stdout.readline() == "ready\n", writer.stderr.read() if writer.stderr else ""
        start.touch()  # both go at once
        outcomes = [writer.communicate(timeout=300) for writer in writers]
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
    for writer, (out, err) in zip(writers, outcomes, strict=True):
        assert writer.returncode == 0 and out.strip() == "done", err
    # per writer: its case made, ROUNDS saves of it, 5 new cases a round
    expected = 2 * (1 + ROUNDS * 6)
    rows = _rows(services)
    assert [r[0] for r in rows] == list(range(1, expected + 1))
    assert all(row[1] == before[2] for before, row in zip(rows, rows[1:], strict=False))
    verdict = services.audit.verify()
    assert verdict.ok and verdict.checked == expected, verdict.reason
    # both wrote while the other did: their rows are interleaved, not one writer's after the other's
    cases = TABLE.metadata.tables["cases"]
    with services.db.engine.connect() as conn:
        writer_of = {str(i): ref.split("-")[1] for i, ref in conn.execute(sa.select(cases.c.id, cases.c.ref))}
        order = [writer_of[r[0]] for r in conn.execute(sa.select(TABLE.c.record_id).order_by(TABLE.c.id))]
    turns = sum(1 for a, b in zip(order, order[1:], strict=False) if a != b)
    assert sorted(set(order)) == ["a", "b"] and turns >= 3, order


def test_programs_taking_turns_and_a_rollback_keep_the_chain(services: Services) -> None:
    """Two programs on one database (each knows only its own last row) take turns; one program's write is
    rolled back after its audit row was chained. Every later write reads the last row again and chains
    after it."""
    other = open_database(str(services.db.engine.url.render_as_string(hide_password=False)))
    try:
        theirs = Services.on(other)
        mine = services.cases.create(Case(ref="T-1", fictional=True, patient=Patient("Ana Example")))
        case = theirs.cases.create(Case(ref="T-2", fictional=True, patient=Patient("Ana Example")))
        for n in range(3):
            mine = services.cases.update(replace(mine, title=f"mine {n}"))
            case = theirs.cases.update(replace(case, title=f"theirs {n}"))
        # a transaction that writes its audit row and is then rolled back: this program's head is stale
        with services.db.sessions() as session:
            session.execute(sa.update(TABLE.metadata.tables["cases"]).where(
                TABLE.metadata.tables["cases"].c.id == mine.id).values(title="never"))
            session.flush()
            audit.append(session.connection(), [{
                "action": "update", "record_type": "cases", "record_id": str(mine.id), "case_id": mine.id,
                "fields": '["title"]', "old_version": None, "new_version": None,
            }])
            session.rollback()
        mine = services.cases.update(replace(mine, title="after the rollback"))
        case = theirs.cases.update(replace(case, title="theirs again"))
    finally:
        other.dispose()
    rows = _rows(services)
    assert [r[0] for r in rows] == list(range(1, 11))
    verdict = services.audit.verify()
    assert verdict.ok and verdict.checked == 10, verdict.reason


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_stale_head_costs_one_read_and_no_lock(services: Services) -> None:
    """The trail's rows are written without a lock and without reading the last row while this program
    knows it; when it does not (another program wrote), it reads it once."""
    from sqlalchemy import event

    case = services.cases.create(Case(ref="S-1", fictional=True, patient=Patient("Ana Example")))
    seen: list[str] = []

    def count(_c: object, _cur: object, statement: str, *_a: object) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(services.db.engine, "before_cursor_execute", count)
    try:
        case = services.cases.update(replace(case, title="one"))
        known = [s for s in seen if "audit_log" in s]
        audit_append._heads.clear()  # as if another program had written: it no longer knows the last row
        seen.clear()
        time.sleep(0.001)
        services.cases.update(replace(case, title="two"))
        stale = [s for s in seen if "audit_log" in s]
    finally:
        event.remove(services.db.engine, "before_cursor_execute", count)
    assert len(known) == 1 and known[0].startswith("INSERT INTO audit_log")
    assert len(stale) == 2 and stale[0].startswith("SELECT audit_log.id, audit_log.hash")
    assert services.audit.verify().ok
