"""Faults under a running program: the SQLite file deleted or replaced, a damaged file, a database used
before that is gone at start, and a PostgreSQL server behind a network that goes silent or a lock held."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import _postgres_schema_url, prepare_at_head
from tcp_proxy import TcpProxy

from mdtboard.domain.case import Case, Patient
from mdtboard.domain.errors import DatabaseError, DatabaseGoneError, DatabaseMissingError
from mdtboard.services.context import Services
from mdtboard.storage import db as storage_db
from mdtboard.storage.db import Database, open_database, sqlite_url
from mdtboard.storage.faults import DEADLINE_S


def _case(ref: str, name: str = "Ana Example") -> Case:
    return Case(ref=ref, fictional=True, patient=Patient(name), title="Low back pain")


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[tuple[Database, Path]]:
    path = tmp_path / "team.sqlite3"
    db = open_database(sqlite_url(path))
    yield db, path
    db.dispose()


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- SQLite file identity
def test_a_deleted_database_file_refuses_saves_and_is_not_recreated(sqlite_db: tuple[Database, Path]) -> None:
    db, path = sqlite_db
    services = Services.on(db)
    stored = services.cases.create(_case("DEL-1"))
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    stored.title = "Changed after the file was deleted"
    with pytest.raises(DatabaseGoneError, match=r"was deleted while mdtboard was running") as info:
        services.cases.update(stored)
    assert str(path) in str(info.value)
    assert not path.exists()
    # a fresh connection (the pool emptied) is refused too, instead of creating an empty database
    db.engine.dispose()
    with pytest.raises(DatabaseGoneError):
        services.cases.create(_case("DEL-2"))
    assert not path.exists()
    assert _files(path.parent) == []


def test_a_replaced_database_file_refuses_saves(sqlite_db: tuple[Database, Path], tmp_path: Path) -> None:
    db, path = sqlite_db
    services = Services.on(db)
    stored = services.cases.create(_case("REP-1"))
    other_path = tmp_path / "other.sqlite3"
    other = open_database(sqlite_url(other_path))
    other.dispose()
    before = other_path.read_bytes()
    os.replace(other_path, path)
    stored.title = "Changed after the file was replaced"
    with pytest.raises(DatabaseGoneError, match=r"was replaced by another file"):
        services.cases.update(stored)
    db.engine.dispose()
    assert path.read_bytes() == before  # the file put in its place was not written to


def test_the_file_guard_costs_nothing_while_the_file_is_in_place(sqlite_db: tuple[Database, Path]) -> None:
    db, _path = sqlite_db
    services = Services.on(db)
    stored = services.cases.create(_case("OK-1"))
    stored.title = "Still the same file"
    assert services.cases.update(stored).title == "Still the same file"


# -- missing at start, damaged
def test_a_missing_file_is_not_created_when_asked_not_to(tmp_path: Path) -> None:
    path = tmp_path / "gone" / "team.sqlite3"
    with pytest.raises(DatabaseMissingError, match="is not there any more") as info:
        open_database(sqlite_url(path), create=False)
    assert info.value.path == str(path)
    assert not path.parent.exists()
    open_database(sqlite_url(path)).dispose()  # the default creates it (first start, command line)
    assert path.exists()


def _damage(path: Path) -> None:
    """Overwrite the header of the file's last page (a page of the cases table)."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    pages = path.stat().st_size // page_size
    with path.open("r+b") as f:
        f.seek((pages - 1) * page_size)
        f.write(b"\xff" * 32)


def test_a_damaged_database_is_found_at_open(tmp_path: Path) -> None:
    path = tmp_path / "team.sqlite3"
    db = open_database(sqlite_url(path))
    services = Services.on(db)
    for i in range(150):
        services.cases.create(_case(f"DMG-{i}", "Long Name " * 20))
    db.dispose()
    _damage(path)
    # the schema version can still be read: without the check the program would start on it
    assert sqlite3.connect(path).execute("SELECT version_num FROM alembic_version").fetchone()
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as info:
        open_database(sqlite_url(path))
    message = str(info.value)
    assert "is damaged" in message and "copy your latest backup over this file" in message
    assert "Nothing was changed" in message
    assert path.read_bytes() == before


# -- PostgreSQL
@pytest.fixture
def pg_url() -> Iterator[str]:
    yield from (url for url, _schema in _postgres_schema_url())


@pytest.mark.postgres
def test_postgresql_connections_carry_timeouts_and_keepalives(pg_url: str) -> None:
    prepare_at_head(pg_url)
    db = open_database(pg_url)
    try:
        with db.engine.connect() as conn:
            shown = {
                name: conn.exec_driver_sql(f"SHOW {name}").scalar_one()
                for name in ("statement_timeout", "lock_timeout", "idle_in_transaction_session_timeout")
            }
            assert conn.exec_driver_sql("SHOW search_path").scalar_one().startswith("t_")  # URL options kept
            info = conn.connection.driver_connection.info  # type: ignore[union-attr]
            params = info.get_parameters()
        assert shown == {
            "statement_timeout": "6s",
            "lock_timeout": "4s",
            "idle_in_transaction_session_timeout": "1min",
        }
        assert params["connect_timeout"] == "5"
        assert params["keepalives"] == "1" and params["tcp_user_timeout"] == "9000"
    finally:
        db.dispose()


def _through(url: str, port: int) -> str:
    return sa.make_url(url).set(host="127.0.0.1", port=port).render_as_string(hide_password=False)


@pytest.mark.postgres
def test_a_save_through_a_silent_network_fails_within_ten_seconds(pg_url: str) -> None:
    prepare_at_head(pg_url)
    parsed = sa.make_url(pg_url)
    with TcpProxy((parsed.host or "127.0.0.1", parsed.port or 5432)) as proxy:
        db = open_database(_through(pg_url, proxy.port))
        try:
            services = Services.on(db)
            stored = services.cases.create(_case("NET-1"))
            proxy.go_silent()
            stored.title = "Typed while the network was gone"
            started = time.monotonic()
            with pytest.raises(DatabaseError) as info:
                services.cases.update(stored)
            elapsed = time.monotonic() - started
            assert info.value.passing  # retried automatically
            assert "does not answer" in str(info.value)
            assert elapsed < 10
            proxy.speak_again()
            # the broken connection was dropped: the next save goes through on a new one
            assert services.cases.update(stored).title == "Typed while the network was gone"
        finally:
            db.dispose()


@pytest.mark.postgres
def test_a_lock_held_by_another_session_fails_the_save_with_a_passing_error(pg_url: str) -> None:
    prepare_at_head(pg_url)
    db = open_database(pg_url)
    try:
        services = Services.on(db)
        stored = services.cases.create(_case("LCK-1"))
        holder = db.engine.connect()
        holder.begin()
        holder.exec_driver_sql(f"SELECT * FROM cases WHERE id = {stored.id} FOR UPDATE")
        stored.title = "Typed while a colleague's PC held the case"
        try:
            with pytest.raises(DatabaseError) as info:
                services.cases.update(stored)
            assert info.value.passing
            assert "busy" in str(info.value)
        finally:
            holder.rollback()
            holder.close()
        assert services.cases.update(stored).title == "Typed while a colleague's PC held the case"
    finally:
        db.dispose()


def test_the_deadline_cuts_a_statement_left_without_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    """The watchdog itself, on a socket pair: a blocked read ends once the deadline passes."""
    import socket

    from mdtboard.storage.faults import _shut_down

    a, b = socket.socketpair()
    result: list[bytes] = []
    reader = threading.Thread(target=lambda: result.append(a.recv(10)))
    reader.start()
    time.sleep(0.1)
    _shut_down(a.fileno())
    reader.join(5)
    assert not reader.is_alive() and result == [b""]
    a.close()
    b.close()
    # the server ends a slow statement (with a clearer message) before the watchdog cuts the connection
    assert storage_db.PG_STATEMENT_TIMEOUT_MS / 1000 < DEADLINE_S
