"""The program's start leaves the integrity check and the day's backup of a SQLite file for just after it is
usable (``open_database(defer_checks=True)``, ``Database.finish_opening``): reads go ahead meanwhile,
writes wait for the check, a damaged file refuses every write, and the backup is taken afterwards."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from conftest import damage_last_page, sqlite_file_with_cases

from mdtboard.domain.case import Case, Patient
from mdtboard.domain.errors import DatabaseError
from mdtboard.services.context import Services
from mdtboard.storage.backup import backups_folder, list_backups
from mdtboard.storage.db import open_database, sqlite_url


def _case(ref: str, name: str = "Ana Example") -> Case:
    return Case(ref=ref, fictional=True, patient=Patient(name), title="Low back pain")


def test_the_check_and_the_backup_come_after_opening(tmp_path: Path) -> None:
    path = tmp_path / "team.sqlite3"
    sqlite_file_with_cases(path, 1)
    db = open_database(sqlite_url(path), backup_days=14, defer_checks=True)
    try:
        assert db.checks is not None and not db.checks.checked
        assert list_backups(path) == []  # not taken while opening
        services = Services.on(db)
        assert [s.ref for s in services.cases.search("")] == ["CHK-0"]  # reads do not wait
        assert db.finish_opening() == ()
        assert db.checks.checked
        assert [b.reason for b in list_backups(path)] == ["daily"]
        services.cases.create(_case("CHK-NEW"))
    finally:
        db.dispose()


def test_a_write_waits_for_the_check(tmp_path: Path) -> None:
    path = tmp_path / "team.sqlite3"
    sqlite_file_with_cases(path, 1)
    db = open_database(sqlite_url(path), defer_checks=True)
    services = Services.on(db)
    done: list[str] = []

    def write() -> None:
        services.cases.create(_case("CHK-W"))
        done.append("written")

    writer = threading.Thread(target=write)
    try:
        writer.start()
        time.sleep(0.3)
        assert done == []  # waiting for the check, nothing written
        assert sqlite3.connect(path).execute("SELECT count(*) FROM cases").fetchone() == (1,)
        db.finish_opening()
        writer.join(10)
        assert done == ["written"]
    finally:
        writer.join(10)
        db.dispose()


def test_a_damaged_file_found_after_opening_refuses_every_write(tmp_path: Path) -> None:
    path = tmp_path / "team.sqlite3"
    sqlite_file_with_cases(path, 12)
    damage_last_page(path)
    before = path.read_bytes()
    db = open_database(sqlite_url(path), backup_days=14, defer_checks=True)  # the schema can be read
    try:
        services = Services.on(db)
        with pytest.raises(DatabaseError) as info:
            db.finish_opening()
        message = str(info.value)
        assert "is damaged" in message and "copy your latest backup over this file" in message
        with pytest.raises(DatabaseError, match="is damaged"):
            services.cases.create(_case("CHK-X"))
        assert not backups_folder(path).exists()  # no backup of a damaged file
    finally:
        db.dispose()
    assert path.read_bytes() == before


def test_without_deferring_the_check_and_backup_are_part_of_opening(tmp_path: Path) -> None:
    path = tmp_path / "team.sqlite3"
    sqlite_file_with_cases(path, 1)
    db = open_database(sqlite_url(path), backup_days=14)
    try:
        assert db.checks is None and db.finish_opening() == ()
        assert [b.reason for b in list_backups(path)] == ["daily"]
    finally:
        db.dispose()
