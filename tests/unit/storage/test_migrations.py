"""Alembic migrations and opening a database: the schema at head is the models' schema, an old database
with data upgrades without loss, and a database the program cannot use gets a clear one-line error and
is left as it was."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from conftest import SAMPLE_CASES, table_snapshot
from schema_compare import model_differences

from mdtboard.domain.case import Case, Discipline, Patient
from mdtboard.domain.errors import DatabaseError
from mdtboard.domain.search import case_tokens
from mdtboard.interchange.bundle import import_files
from mdtboard.services.context import Services
from mdtboard.storage.db import (
    create_engine,
    current_revision,
    head_revision,
    migration_connection,
    open_database,
    sqlite_url,
    upgrade,
)

FIRST_REVISION = "0001"
WHEN = datetime(2026, 3, 4, 12, 30, tzinfo=UTC)


def test_upgrade_of_an_empty_database_matches_the_models(database_url: str) -> None:
    db = open_database(database_url)
    try:
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as conn:
            differences = model_differences(conn)
        assert differences == []
    finally:
        db.dispose()


def test_opening_again_at_head_changes_nothing(database_url: str) -> None:
    db = open_database(database_url)
    Services.on(db).cases.create(_case_for_reopen())
    before = table_snapshot(db)
    db.dispose()
    again = open_database(database_url)
    try:
        assert table_snapshot(again) == before
    finally:
        again.dispose()


def _case_for_reopen() -> Case:
    return Case(ref="R-1", fictional=True, patient=Patient("Zoë Ørsted"))


# ---------------------------------------------------------------------------- an old database with data

#: Rows written at the first revision, with only the columns that revision has. Inserted through the
#: tables as that revision made them (reflected), never through today's models.
OLD_ROWS: dict[str, list[dict[str, Any]]] = {
    "cases": [
        {
            "id": 1,
            "ref": "OLD-1",
            "fictional": True,
            "title": "Chronic low back pain, opioid taper question",
            "display_name": "Nguyễn Thị Hoa",
            "age": 52,
            "sex": "female",
            "gender_identity": None,
            "pronouns": "she/her",
            "preferred_language": "Vietnamese",
            "interpreter_needed": True,
            "one_liner": "52-year-old with 3 years of axial low back pain.",
            "question_for_team": "Should we taper the oxycodone?",
            "presenting_complaint": "Low back pain",
            "pain_history": "Since a fall in 2023.",
            "psychosocial": "Lives with her daughter 👪.",
            "sharing_restrictions": None,
            "recommendation": "Taper by 10% a month.",
            "has_scores": True,
            "nrs": 7,
            "peg_pain": 7,
            "peg_enjoyment": 6,
            "peg_general_activity": 8,
            "phq9_total": 12,
            "phq9_item9": 1,
            "gad7_total": 9,
            "given_lists": "pain_locations medications prior_treatments discipline_inputs scores.other",
            "created_at": WHEN,
            "updated_at": WHEN,
            "version": 3,
        },
        {
            "id": 2,
            "ref": "OLD-2",
            "fictional": False,
            "title": None,
            "display_name": "José Ñúñez",
            "age": None,
            "sex": None,
            "gender_identity": None,
            "pronouns": None,
            "preferred_language": None,
            "interpreter_needed": None,
            "one_liner": None,
            "question_for_team": None,
            "presenting_complaint": None,
            "pain_history": None,
            "psychosocial": None,
            "sharing_restrictions": None,
            "recommendation": None,
            "has_scores": False,
            "nrs": None,
            "peg_pain": None,
            "peg_enjoyment": None,
            "peg_general_activity": None,
            "phq9_total": None,
            "phq9_item9": None,
            "gad7_total": None,
            "given_lists": "",
            "created_at": WHEN,
            "updated_at": WHEN,
            "version": 0,
        },
    ],
    "case_search_tokens": [
        {"case_id": 1, "token": token}
        for token in ("1", "chronic", "hoa", "low", "back", "pain", "nguyen", "old", "opioid", "taper", "thi")
    ]
    + [{"case_id": 2, "token": token} for token in ("2", "jose", "nunez", "old")],
    "pain_locations": [
        {
            "id": 1,
            "case_id": 1,
            "position": 0,
            "region": "lumbar spine",
            "side": "midline",
            "character": "aching",
        }
    ],
    "medications": [
        {
            "id": 1,
            "case_id": 1,
            "position": 0,
            "name": "oxycodone",
            "dose": "10 mg",
            "route": "oral",
            "frequency": "twice daily",
            "prn": False,
            "daily_amount": 20.0,
            "daily_unit": "mg",
        },
        {
            "id": 2,
            "case_id": 1,
            "position": 1,
            "name": "paracetamol",
            "dose": None,
            "route": None,
            "frequency": None,
            "prn": True,
            "daily_amount": None,
            "daily_unit": None,
        },
    ],
    "case_lines": [
        {"id": 1, "case_id": 1, "kind": "prior_treatments", "position": 0, "text": "Physiotherapy x 6"},
        {"id": 2, "case_id": 1, "kind": "prior_treatments", "position": 1, "text": "Facet injections"},
    ],
    "questionnaire_items": [
        {"case_id": 1, "instrument": "phq9", "item_no": n, "value": v}
        for n, v in enumerate([2, 2, 1, 2, 1, 1, 1, 1, 1], start=1)
    ],
    "other_scores": [
        {"id": 1, "case_id": 1, "position": 0, "instrument": "ODI", "value": 42.5, "note": "in clinic"}
    ],
    "conferences": [
        {
            "id": 1,
            "title": "Pain MDT",
            "starts_at": datetime(2026, 3, 5, 13, 0),
            "room": "Room 4",
            "mode": "clinical",
            "chair": "Dr Okafor",
            "default_minutes": 12,
            "created_at": WHEN,
            "updated_at": WHEN,
            "version": 1,
        }
    ],
    "attendees": [
        {
            "id": 1,
            "conference_id": 1,
            "position": 0,
            "name": "Dr Okafor",
            "discipline": "physician",
            "role": "chair",
            "version": 0,
        }
    ],
    "agenda_items": [
        {
            "id": 1,
            "conference_id": 1,
            "case_id": 1,
            "position": 0,
            "minutes": 15,
            "status": "discussed",
            "started_at": WHEN,
            "ended_at": WHEN,
            "version": 2,
        }
    ],
    "discipline_inputs": [
        {
            "id": 1,
            "case_id": 1,
            "agenda_item_id": None,
            "position": 0,
            "discipline": "psychology",
            "author": "Sam Lee",
            "assessment": "Fear avoidance.",
            "recommendations": "CBT",
            "version": 0,
            "created_at": WHEN,
            "updated_at": WHEN,
        },
        {
            "id": 2,
            "case_id": 1,
            "agenda_item_id": 1,
            "position": 0,
            "discipline": "pharmacy",
            "author": "Ana Ruiz",
            "assessment": "MME 30.",
            "recommendations": "Naloxone.",
            "version": 1,
            "created_at": WHEN,
            "updated_at": WHEN,
        },
    ],
}


def _rows_of(conn: sa.Connection, tables: dict[str, sa.Table]) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of the first revision's tables, read through the first revision's columns only."""
    out = {}
    for name, table in tables.items():
        columns = [sa.column(c.name) for c in table.columns]
        rows = conn.execute(sa.select(*columns).select_from(sa.table(name)))
        out[name] = sorted((tuple(r) for r in rows), key=repr)
    return out


def test_a_database_at_the_first_revision_upgrades_without_loss(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine, FIRST_REVISION)
    assert current_revision(engine) == FIRST_REVISION
    old = sa.MetaData()
    with engine.begin() as conn:
        old.reflect(conn)
        old_tables = {name: old.tables[name] for name in OLD_ROWS}
        for table in old.sorted_tables:
            if table.name in OLD_ROWS:
                conn.execute(sa.insert(table), OLD_ROWS[table.name])
        if engine.dialect.name == "postgresql":  # the ids were given: move the sequences past them
            for name, table in old_tables.items():
                if "id" in table.columns:
                    conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), 10)"))
    with engine.connect() as conn:
        before = _rows_of(conn, old_tables)
    assert sum(len(rows) for rows in before.values()) == sum(len(rows) for rows in OLD_ROWS.values())
    engine.dispose()

    db = open_database(database_url)  # upgrades to head
    try:
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as conn:
            after = _rows_of(conn, old_tables)
        # Search tokens are rebuilt by revision 0005 (names' words joined); every other row is kept as it was.
        tokens = before.pop("case_search_tokens", [])
        rebuilt = after.pop("case_search_tokens", [])
        assert after == before
        cases = {row["id"]: row for row in OLD_ROWS["cases"]}
        assert sorted(rebuilt) == sorted(
            (case_id, token)
            for case_id, row in cases.items()
            for token in case_tokens(row["display_name"], row["title"], row["ref"])
        )
        assert {case_id for case_id, _ in tokens} <= set(cases)
        _check_old_data_through_the_services(Services.on(db))
    finally:
        db.dispose()


def _check_old_data_through_the_services(services: Services) -> None:
    case = services.cases.get_by_ref("OLD-1")
    assert (case.id, case.version, case.patient.display_name, case.patient.age) == (
        1,
        3,
        "Nguyễn Thị Hoa",
        52,
    )
    assert case.psychosocial == "Lives with her daughter 👪."
    assert [(m.name, m.daily_dose.amount if m.daily_dose else None) for m in case.medications or []] == [
        ("oxycodone", 20.0),
        ("paracetamol", None),
    ]
    assert case.prior_treatments == ["Physiotherapy x 6", "Facet injections"]
    assert case.imaging is None
    assert case.scores is not None
    assert case.scores.phq9_items == [2, 2, 1, 2, 1, 1, 1, 1, 1]
    assert case.scores.other is not None and case.scores.other[0].value == 42.5
    assert [(i.discipline, i.author) for i in case.discipline_inputs or []] == [
        (Discipline.PSYCHOLOGY, "Sam Lee")
    ]
    assert services.cases.get_by_ref("OLD-2").scores is None
    assert [s.ref for s in services.cases.search("nguyen")] == ["OLD-1"]
    assert [s.ref for s in services.cases.search("nunez")] == ["OLD-2"]
    conference = services.conferences.get(1)
    assert [(a.name, str(a.role)) for a in conference.attendees] == [("Dr Okafor", "chair")]
    assert [(item.case_id, item.minutes, str(item.status)) for item in conference.agenda] == [
        (1, 15, "discussed")
    ]
    assert [(i.discipline, i.author) for i in services.conferences.inputs(1)] == [
        (Discipline.PHARMACY, "Ana Ruiz")
    ]
    # and the upgraded database takes new data
    assert services.cases.create(_case_for_reopen()).id not in (1, 2)


# ---------------------------------------------------------------------------- SQLite table rebuilds


def test_a_table_rebuild_in_a_migration_keeps_the_rows_that_refer_to_it(sqlite_database_url: str) -> None:
    """Alembic's batch mode on SQLite copies a table and drops the old one; with foreign keys on, dropping
    ``cases`` would cascade to every row that refers to a case. Migrations run with foreign keys off."""
    db = open_database(sqlite_database_url)
    import_files(Services.on(db).cases, [SAMPLE_CASES])
    before = table_snapshot(db)
    with migration_connection(db.engine) as conn:
        ops = Operations(MigrationContext.configure(conn, opts={"render_as_batch": True}))
        with ops.batch_alter_table("cases", recreate="always"):
            pass
    assert table_snapshot(db) == before
    with db.engine.connect() as conn:  # and foreign keys are on again for everyone else
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
    db.dispose()


def test_a_migration_that_breaks_a_reference_is_undone(sqlite_database_url: str) -> None:
    db = open_database(sqlite_database_url)
    Services.on(db).cases.create(_case_for_reopen())
    before = table_snapshot(db)
    with pytest.raises(DatabaseError, match="broken reference"), migration_connection(db.engine) as conn:
        conn.exec_driver_sql(
            "INSERT INTO case_lines (case_id, kind, position, text) VALUES (999, 'imaging', 0, 'orphan')"
        )
    assert table_snapshot(db) == before
    db.dispose()


# -------------------------------------------------------------------- databases the program cannot use


def test_a_database_from_a_newer_program_is_refused_and_left_untouched(database_url: str) -> None:
    db = open_database(database_url)
    Services.on(db).cases.create(_case_for_reopen())
    with db.engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    before = table_snapshot(db)
    tables = sorted(sa.inspect(db.engine).get_table_names())
    with pytest.raises(DatabaseError) as info:
        open_database(database_url)
    message = str(info.value)
    assert "was written by a newer mdtboard (schema 9999_from_the_future)" in message
    assert f"this program knows schemas up to {head_revision()}" in message
    assert "\n" not in message
    db.engine.dispose()
    assert table_snapshot(db) == before
    assert sorted(sa.inspect(db.engine).get_table_names()) == tables
    assert current_revision(db.engine) == "9999_from_the_future"
    db.dispose()


@pytest.mark.parametrize("password", ["", ":s3cret"])
def test_an_unreachable_server_gives_one_clear_line(password: str) -> None:
    url = f"postgresql://mdtboard{password}@127.0.0.1:1/mdtboard"
    with pytest.raises(DatabaseError) as info:
        open_database(url)
    message = str(info.value)
    assert message.startswith("Cannot reach the database postgresql+psycopg://mdtboard")
    assert "127.0.0.1:1/mdtboard" in message
    assert "\n" not in message
    assert "s3cret" not in message


@pytest.mark.parametrize(
    "content",
    [bytes(range(256)) * 16, b"mdtboard notes\nnot a database at all\n" * 100],
    ids=["random bytes", "a text file"],
)
def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "mdtboard.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DatabaseError) as info:
        open_database(sqlite_url(path))
    assert str(info.value).startswith(
        f"The database sqlite:///{path} is damaged or is not an mdtboard database (file is not a database). "
        "Nothing was changed in it. Close mdtboard and copy your latest backup over this file"
    )
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mdtboard.sqlite3"]


def test_a_database_folder_that_cannot_be_made_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(DatabaseError, match=r"^Cannot create the database folder .*data"):
        open_database(sqlite_url(blocker / "mdtboard.sqlite3"))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "mysql://localhost/mdtboard",
            "mdtboard works with SQLite and PostgreSQL; 'mysql' is not supported.",
        ),
        ("not a url", "The database address 'not a url' is not a valid database URL."),
    ],
)
def test_an_unsupported_address_gives_a_clear_error(url: str, expected: str) -> None:
    with pytest.raises(DatabaseError) as info:
        open_database(url)
    assert str(info.value) == expected


# ---------------------------------------------------------------------------- the program's revisions


def test_the_revisions_read_from_the_files_are_alembic_s() -> None:
    from mdtboard.storage import location as storage_db

    read = storage_db._read_revisions()
    assert read is not None
    assert read == storage_db._alembic_revisions()
    assert read.heads == (head_revision(),)


def test_a_database_without_a_schema_has_no_revision(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        assert current_revision(engine) is None
        with engine.begin() as conn:  # the probe left no transaction aborted behind it
            assert conn.execute(sa.text("SELECT 1")).scalar_one() == 1
    finally:
        engine.dispose()
