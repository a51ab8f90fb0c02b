"""A SQLite file the program has open keeps this process's locks on it, whatever else the process does.

POSIX locks belong to a process and a file, not to a descriptor: closing *any* descriptor of the database
file drops every lock the process holds on it, SQLite's included (sqlite.org, "How To Corrupt An SQLite
Database File", 2.2). Then the next other program to close its last connection to the file believes it is
the only one, checkpoints, and deletes the ``-wal`` and ``-shm`` files under this program, whose connections
go on reading (and writing) the deleted ones: they never see another program's saves again, and what they
save is lost. Reading the file's header to tell whether it is encrypted did exactly that when a second
engine was opened on the file (a window beside the test's services), and when a backup was taken (the
day's backup at start, Help > Backups > Back up now) while the program had the file open.

Each test here has the engine hold the file (a read, as every pooled connection does in WAL mode), does one
of those things, lets two other processes commit one after the other, and reads again: it must see both.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from mdtboard.storage import cipher
from mdtboard.storage.backup import backup_to, take_backup
from mdtboard.storage.db import create_engine, sqlite_url

#: Another program: one connection, one commit, closed (the last connection of its process).
OTHER = (
    "import sqlite3, sys\n"
    "c = sqlite3.connect(sys.argv[1], timeout=10, isolation_level=None)\n"
    "c.execute('PRAGMA journal_mode = WAL')\n"
    "c.execute('INSERT INTO t (x) VALUES (?)', (int(sys.argv[2]),))\n"
    "c.close()\n"
)


def other_program_commits(path: Path, value: int) -> None:
    subprocess.run([sys.executable, "-c", OTHER, str(path), str(value)], check=True, timeout=60)


def newest(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT max(x) FROM t").scalar_one())


@pytest.fixture
def held(tmp_path: Path) -> Iterator[tuple[Path, Engine]]:
    """A SQLite database in WAL mode held open by an engine of this process, as the program holds it."""
    path = tmp_path / "held.sqlite3"
    engine = create_engine(sqlite_url(path))
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
        conn.exec_driver_sql("INSERT INTO t (x) VALUES (0)")
    assert newest(engine) == 0  # the pooled connection now holds the file (WAL: a shared lock, kept)
    yield path, engine
    engine.dispose()


def _second_engine(path: Path) -> None:
    create_engine(sqlite_url(path)).dispose()


def _file_state(path: Path) -> None:
    assert cipher.file_state(path) == "plain"
    assert not cipher.is_encrypted(path)


def _backup(path: Path) -> None:
    backup_to(path, path.with_name("copy.sqlite3"))


def _daily_style_backup(path: Path) -> None:
    take_backup(path, "manual")


@pytest.mark.parametrize(
    "meanwhile",
    [_second_engine, _file_state, _backup, _daily_style_backup],
    ids=["second-engine", "file-state", "backup-to", "take-backup"],
)
def test_the_program_keeps_seeing_other_programs_commits(
    held: tuple[Path, Engine], meanwhile: Callable[[Path], None]
) -> None:
    path, engine = held
    meanwhile(path)
    other_program_commits(path, 1)  # its close checkpoints; it must not take the -wal away from us
    assert newest(engine) == 1
    other_program_commits(path, 2)
    assert newest(engine) == 2  # not 1: the connections of this process still read the live -wal
    assert Path(f"{path}-wal").exists() and Path(f"{path}-shm").exists()
    with engine.begin() as conn:  # and what this program saves reaches the file others read
        conn.exec_driver_sql("INSERT INTO t (x) VALUES (3)")
    other_program_commits(path, 4)
    assert newest(engine) == 4


def _opened_while(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """The files ``open()`` is asked for from now on."""
    opened: list[str] = []
    real_open = open

    def watching_open(file: object, *args: object, **kwargs: object) -> object:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", watching_open)
    return opened


def test_a_file_held_by_an_engine_is_not_opened_again_to_read_its_header(
    held: tuple[Path, Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The state of a file an engine holds is the one it was opened with: no descriptor of it is opened
    (and closed) to read its header again."""
    path, engine = held
    opened = _opened_while(monkeypatch, path)
    assert cipher.file_state(path) == "plain"
    engine.dispose()  # every connection closed: nothing of this process holds the file
    with engine.connect():  # a connection again, of the pool dispose() made: held again
        assert cipher.file_state(path) == "plain"
    assert str(path) not in opened


def test_a_file_is_read_again_once_its_engine_has_no_connection_open(held: tuple[Path, Engine]) -> None:
    """An engine holds its file while a connection of it is open (which also keeps the file's identity from
    going to another file); once they are all closed, the file itself is read again, whatever it now is."""
    path, engine = held
    engine.dispose()
    with open(path, "r+b") as f:  # the same file (device and inode), no longer SQLite's
        f.write(b"\x00" * len(cipher.SQLITE_HEADER))
    assert cipher.file_state(path) == "encrypted"
