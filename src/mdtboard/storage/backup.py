"""Backups of the embedded (SQLite) database, and restoring one.

A backup is made with SQLite's online backup API, never by copying the file: the copy is one consistent
snapshot even while another program writes (a file copy taken then is often stale or torn, since the
latest saves are still in the ``-wal`` file). Each backup is written to a temporary file, switched out of
WAL mode so that it is one self-contained file, checked with ``PRAGMA integrity_check``, made owner-only,
and only then given its name: a backup that exists has passed the check.

Automatic backups go to the ``backups`` folder next to the database (``<name>-backups`` for a database
not named ``mdtboard.sqlite3``), named
``<database>-<YYYYmmdd-HHMMSS>-<reason>.sqlite3`` (local time): ``daily`` on the program's first start of a
day, ``before-<revision>`` before the schema is upgraded, ``before-restore`` before a restore replaces the
database. Backups older than the kept number of days are removed (the newest one is always kept).

Restoring checks the file (integrity, an mdtboard schema, not newer than this program), backs the current
database up first (``before-restore``), then copies the backup into the database, again with the backup
API, so that the database file stays the same file.

An encrypted database (:mod:`mdtboard.storage.cipher`) is backed up encrypted, with the same key (its
backups open only with the key this computer's keyring holds for the database). A backup is restored into
the database it was made from (or into another file with the same key): an encrypted backup needs the
database's key, and an unencrypted backup restored into an encrypted database is encrypted on the way (an
encrypted copy first, removed afterwards). An encrypted backup is not restored into an unencrypted
database: encrypt the database first (``mdtboard database encrypt``). Unencrypted files are read with the
standard library's ``sqlite3``, encrypted ones with SQLCipher.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from mdtboard.domain.errors import NOTHING_CHANGED, MdtboardError
from mdtboard.storage import cipher
from mdtboard.storage.location import BUSY_TIMEOUT_MS, schema_revisions
from mdtboard.storage.permissions import create_private_file, file_mode, make_private_folder, restrict

log = logging.getLogger(__name__)

KEEP_DAYS = 14
FOLDER_NAME = "backups"
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:\.\d+)?-(?P<reason>[a-z0-9_-]+)\.sqlite3$")


class BackupError(MdtboardError):
    """A backup could not be made or a restore was refused; the database is unchanged."""


@dataclass(frozen=True)
class Backup:
    """One backup file of the backups folder."""

    path: Path
    taken_at: datetime
    reason: str
    size: int

    @property
    def label(self) -> str:
        what = {"daily": "daily", "before-restore": "before a restore", "manual": "made by hand"}.get(
            self.reason, self.reason.replace("before-", "before schema update to ")
        )
        return f"{self.taken_at:%Y-%m-%d %H:%M:%S} ({what}, {self.size / 1_048_576:.1f} MB)"


def backups_folder(database: Path) -> Path:
    """``backups`` beside the program's own database (``mdtboard.sqlite3`` in the data folder); for any
    other file ``<name>-backups`` beside it, so that databases sharing a folder (``/tmp``, say) never share
    (or are refused by another user's) backups folder."""
    database = Path(database)
    if database.name == "mdtboard.sqlite3":
        return database.parent / FOLDER_NAME
    return database.parent / f"{database.stem}-{FOLDER_NAME}"


def _connect(path: Path, key: str | None = None) -> Any:
    if key is not None:
        conn = cipher.connect(path, key, isolation_level=None)
    else:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _read_only(path: Path, key: str | None) -> Any:
    if key is not None:
        return cipher.connect(f"file:{path}?mode=ro", key, uri=True)
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _errors(key: str | None, *more: type[Exception]) -> tuple[type[Exception], ...]:
    """The DB-API errors of a connection opened with ``key`` (SQLCipher's) or without (sqlite3's), and
    ``more``."""
    if key is None:
        return (sqlite3.Error, *more)
    cipher_error: type[Exception] = cipher.dbapi().Error
    return (sqlite3.Error, cipher_error, *more)


def integrity_problem(path: Path, key: str | None = None) -> str | None:
    """None when ``PRAGMA integrity_check`` finds ``path`` sound (opened with ``key`` if given), else the
    first problem it names."""
    try:
        conn = _read_only(path, key)
        try:
            found = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        finally:
            conn.close()
    except _errors(key) as exc:
        return str(exc)
    return None if found == ["ok"] else (found[0] if found else "no answer")


def schema_of(path: Path, key: str | None = None) -> str | None:
    """The schema revision a database file was written with (None if it has none)."""
    conn = _read_only(path, key)
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except _errors(key):
        return None
    finally:
        conn.close()
    return str(rows[0][0]) if len(rows) == 1 else None


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_to(database: Path, out: Path) -> Path:
    """Write a verified, owner-only backup of ``database`` to ``out`` (replacing it); :class:`BackupError`
    if it cannot be made, and then nothing is left at ``out`` that was not there before. The backup of an
    encrypted database is encrypted with its key."""
    database, out = Path(database), Path(out).expanduser().absolute()
    if not database.exists():
        raise BackupError(f"There is no database at {database} to back up.")
    key = cipher.key_of(database)
    if out.is_dir():
        raise BackupError(f"Cannot write the backup to {out}: a folder of that name is in the way.")
    tmp = out.with_name(f".{out.name}.part")
    try:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        create_private_file(tmp)
        source, target = _connect(database, key), _connect(tmp, key)
        try:
            # One step (pages=-1): the whole database is read in one read transaction, so the copy is a
            # snapshot of one moment, whatever other connections write meanwhile.
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
        finally:
            target.close()
            source.close()
        problem = integrity_problem(tmp, key)
        if problem is not None:
            raise BackupError(f"The backup of {database} failed its integrity check ({problem}); not kept.")
        restrict(tmp)
        _fsync(tmp)
        os.replace(tmp, out)
        _fsync(out.parent)
    except _errors(key, OSError) as exc:
        raise BackupError(f"Could not back up {database} to {out}: {exc}.") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return out


def take_backup(database: Path, reason: str, *, now: datetime | None = None) -> Path:
    """A backup of ``database`` in its backups folder (created owner-only), named for ``reason``."""
    folder = make_private_folder(backups_folder(database))
    stamp = (now or datetime.now()).strftime(_STAMP)
    out = folder / f"{Path(database).stem}-{stamp}-{reason}.sqlite3"
    n = 1
    while out.exists():  # two backups in one second (a migration right after the daily one)
        out = folder / f"{Path(database).stem}-{stamp}.{n}-{reason}.sqlite3"
        n += 1
    backup_to(database, out)
    log.info("database backed up (%s)", reason)
    return out


def list_backups(database: Path) -> list[Backup]:
    """The backups of ``database`` in its backups folder, newest first."""
    folder = backups_folder(database)
    found: list[Backup] = []
    if not folder.is_dir():
        return found
    stem = Path(database).stem
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match is None or match["stem"] != stem:
            continue
        with contextlib.suppress(ValueError, OSError):
            taken = datetime.strptime(match["stamp"], _STAMP)
            found.append(Backup(path, taken, match["reason"], path.stat().st_size))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def prune(database: Path, keep_days: int = KEEP_DAYS, *, now: datetime | None = None) -> list[Path]:
    """Remove backups older than ``keep_days`` days (never the newest); the files removed."""
    limit = (now or datetime.now()) - timedelta(days=keep_days)
    removed: list[Path] = []
    for backup in list_backups(database)[1:]:
        if backup.taken_at < limit:
            with contextlib.suppress(OSError):
                backup.path.unlink()
                removed.append(backup.path)
    return removed


def daily_backup(database: Path, keep_days: int = KEEP_DAYS, *, now: datetime | None = None) -> Path | None:
    """On the first call of a day: a backup of ``database`` (if it exists), then :func:`prune`. The backup
    made, or None if there was one of today already (or no database)."""
    now = now or datetime.now()
    if not Path(database).exists():
        return None
    made = None
    if not any(b.taken_at.date() == now.date() for b in list_backups(database)):
        made = take_backup(database, "daily", now=now)
    prune(database, keep_days, now=now)
    return made


def backup_key(backup: Path, database: Path | None) -> str | None:
    """The key an encrypted ``backup`` is opened with: that of ``database`` (the database it is restored
    into); None for an unencrypted backup. :class:`BackupError` when there is none."""
    if not cipher.is_encrypted(backup):
        return None
    key = cipher.stored_key(database) if database is not None else None
    if key is None:
        raise BackupError(
            f"{backup} is encrypted (or not a database), and this computer's keyring holds no key for "
            f"{database or 'the database'}: an encrypted backup is restored only into a database with the "
            f"same key. {NOTHING_CHANGED}"
        )
    return key


def check_restorable(backup: Path, database: Path | None = None) -> str:
    """The schema revision of a backup that may be restored (into ``database``, whose key opens an
    encrypted backup); :class:`BackupError` saying why not."""
    backup = Path(backup)
    if not backup.is_file():
        raise BackupError(f"There is no backup file {backup}. {NOTHING_CHANGED}")
    key = backup_key(backup, database)
    problem = integrity_problem(backup, key)
    if problem is not None:
        if key is not None:
            problem += f"; or it is encrypted with another key than that of {database}"
        raise BackupError(f"{backup} is damaged or not a database ({problem}). {NOTHING_CHANGED}")
    revision = schema_of(backup, key)
    if revision is None:
        raise BackupError(f"{backup} is not an mdtboard database. {NOTHING_CHANGED}")
    if revision not in schema_revisions().known:
        raise BackupError(
            f"{backup} was written by a newer mdtboard (schema {revision}); this program cannot read it. "
            f"Update mdtboard first. {NOTHING_CHANGED}"
        )
    return revision


@dataclass(frozen=True)
class Restored:
    revision: str
    kept_aside: Path | None


def restore(database: Path, backup: Path) -> Restored:
    """Replace the contents of ``database`` with ``backup`` (see the module docstring). The current
    database is kept as a ``before-restore`` backup first; the program upgrades an older schema when it
    next opens the database."""
    database, backup = Path(database).resolve(), Path(backup).resolve()
    revision = check_restorable(backup, database)
    if backup == database:
        raise BackupError(f"{backup} is the database itself. {NOTHING_CHANGED}")
    key = cipher.key_of(database)
    backup_key_ = backup_key(backup, database)
    if backup_key_ is not None and key is None:
        raise BackupError(
            f"{backup} is encrypted and {database} is not: encrypt the database first (`mdtboard database "
            f"encrypt`), then restore the backup. {NOTHING_CHANGED}"
        )
    aside = take_backup(database, "before-restore") if database.exists() else None
    encrypted_copy = None
    try:
        make_private_folder(database.parent)
        create_private_file(database)
        source_file = backup
        if key is not None and backup_key_ is None:  # an unencrypted backup into an encrypted database
            encrypted_copy = backups_folder(database) / f".{backup.name}.encrypted"
            encrypted_copy.unlink(missing_ok=True)
            cipher.export_encrypted(backup, encrypted_copy, key)
            source_file = encrypted_copy
        source, target = _read_only(source_file, key), _connect(database, key)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
            if path.exists():
                os.chmod(path, file_mode())
    except _errors(key, OSError) as exc:
        kept = f" The database before the attempt is kept as {aside}." if aside else ""
        raise BackupError(f"Could not restore {backup} into {database}: {exc}.{kept}") from exc
    finally:
        if encrypted_copy is not None:
            with contextlib.suppress(OSError):
                encrypted_copy.unlink()
    log.info("database restored from a backup (schema %s)", revision)
    return Restored(revision, aside)
