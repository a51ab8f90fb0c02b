"""Backups of the SQLite database with the online backup API, and restoring one."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mdtboard.cli import main
from mdtboard.domain.case import Case, Patient
from mdtboard.domain.errors import DatabaseError
from mdtboard.services.context import Services, open_services
from mdtboard.storage.backup import (
    BackupError,
    backup_to,
    daily_backup,
    integrity_problem,
    list_backups,
    restore,
    take_backup,
)
from mdtboard.storage.db import create_engine, head_revision, open_database, sqlite_url, upgrade


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def refs(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT ref FROM cases")}
    finally:
        conn.close()


def new_case(ref: str) -> Case:
    return Case(ref=ref, fictional=True, patient=Patient(display_name="Åsa Öberg", age=40), title="Neck pain")


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "mdtboard.sqlite3"
    services = open_services(sqlite_url(path))
    for n in range(3):
        services.cases.create(new_case(f"B-{n}"))
    services.close()
    return path


WRITER = textwrap.dedent(
    """
    import sys
    from mdtboard.domain.case import Case, Patient
    from mdtboard.services.context import open_services

    services = open_services("sqlite:///" + sys.argv[1])
    n = 0
    while True:
        n += 1
        services.cases.create(
            Case(ref=f"W-{n}", fictional=True, patient=Patient(display_name="Wren", age=30), title="t")
        )
        print(n, flush=True)  # the save is acknowledged: the unit of work has committed
    """
)


def test_backups_taken_while_another_process_writes_are_sound_and_hold_every_acknowledged_save(
    database: Path, tmp_path: Path
) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(database)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None
        for attempt in range(8):
            acknowledged = int(writer.stdout.readline())  # saves up to this one were committed
            out = backup_to(database, tmp_path / f"copy-{attempt}.sqlite3")
            assert integrity_problem(out) is None
            held = refs(out)
            missing = {f"W-{n}" for n in range(1, acknowledged + 1)} - held
            assert not missing, f"backup {attempt} lacks acknowledged saves {sorted(missing)[:5]}"
            assert {"B-0", "B-1", "B-2"} <= held
    finally:
        writer.kill()
        writer.wait()
        if writer.stdout is not None:
            writer.stdout.close()
    assert acknowledged >= 8


def test_a_backup_is_one_owner_only_file_with_nothing_left_beside_it(database: Path, tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        out = take_backup(database, "manual")
    finally:
        os.umask(previous)
    assert out.parent == database.parent / "backups"
    assert mode(out) == 0o600 and mode(out.parent) == 0o700
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]  # no -wal, no .part
    conn = sqlite3.connect(out)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert refs(out) == {"B-0", "B-1", "B-2"}


def test_the_daily_backup_is_taken_once_a_day_and_old_ones_go(database: Path) -> None:
    start = datetime(2026, 12, 1, 9, 0)
    assert daily_backup(database, 14, now=start) is not None
    assert daily_backup(database, 14, now=start + timedelta(hours=3)) is None  # one a day
    for day in range(1, 20):
        daily_backup(database, 14, now=start + timedelta(days=day))
    kept = list_backups(database)
    days = sorted(b.taken_at.date() for b in kept)
    assert len(kept) == 15  # the day itself and the 14 before it
    assert days[0] == (start + timedelta(days=5)).date() and days[-1] == (start + timedelta(days=19)).date()
    # never the last one, however old
    assert daily_backup(database, 3, now=start + timedelta(days=100)) is not None
    assert len(list_backups(database)) == 1


def test_the_program_takes_the_day_s_backup_when_it_opens_the_database(database: Path) -> None:
    open_database(sqlite_url(database), backup_days=14).dispose()
    open_database(sqlite_url(database), backup_days=14).dispose()
    open_database(sqlite_url(database)).dispose()  # the command line: no daily backup
    assert [b.reason for b in list_backups(database)] == ["daily"]


def test_a_backup_is_taken_before_every_schema_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(sqlite_url(path))
    upgrade(engine, "0001")
    engine.dispose()
    open_database(sqlite_url(path)).dispose()
    (backup,) = list_backups(path)
    assert backup.reason == f"before-{head_revision()}"
    conn = sqlite3.connect(backup.path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    conn.close()


def test_no_upgrade_without_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(sqlite_url(path))
    upgrade(engine, "0001")
    engine.dispose()
    (tmp_path / "old-backups").write_text("a file where the backups folder should be")
    with pytest.raises(DatabaseError, match="not updated"):
        open_database(sqlite_url(path))
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    conn.close()


def test_backup_and_restore_from_the_command_line(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = sqlite_url(database)
    saved = tmp_path / "saved.sqlite3"
    assert main(["--database", url, "backup", str(saved)]) == 0
    assert mode(saved) == 0o600
    services = Services.on(open_database(url))
    services.cases.create(new_case("LATER"))
    services.close()
    assert refs(database) == {"B-0", "B-1", "B-2", "LATER"}
    capsys.readouterr()
    assert main(["--database", url, "restore", str(saved)]) == 0
    assert "kept as" in capsys.readouterr().err
    assert refs(database) == {"B-0", "B-1", "B-2"}
    (aside,) = [b for b in list_backups(database) if b.reason == "before-restore"]
    assert refs(aside.path) == {"B-0", "B-1", "B-2", "LATER"}  # the database before the restore is kept
    assert mode(database) == 0o600
    services = Services.on(open_database(url))  # the restored database is used as ever
    assert services.cases.count() == 3
    services.close()


def test_a_backup_from_a_newer_program_is_refused(database: Path, tmp_path: Path) -> None:
    newer = backup_to(database, tmp_path / "newer.sqlite3")
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    before = refs(database)
    with pytest.raises(BackupError, match=r"newer mdtboard \(schema 9999_future\).*Nothing was changed"):
        restore(database, newer)
    assert refs(database) == before
    assert list_backups(database) == []  # refused before anything was done


@pytest.mark.parametrize(
    "content", [b"", b"not a database at all" * 100, b"SQLite format 3\x00" + b"\x01" * 5000]
)
def test_a_damaged_or_foreign_file_is_not_restored(
    database: Path, tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    assert main(["--database", sqlite_url(database), "restore", str(bad)]) == 1
    assert "Nothing was changed" in capsys.readouterr().err
    assert refs(database) == {"B-0", "B-1", "B-2"}


def test_backup_of_postgresql_points_to_pg_dump(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["--database", "postgresql://u@127.0.0.1/x", "backup", str(tmp_path / "x")]) == 2
    assert "pg_dump" in capsys.readouterr().err
