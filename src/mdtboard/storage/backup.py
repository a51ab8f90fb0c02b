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
API, so that the database file stays the same file. Standard library only (``sqlite3``).
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

from mdtboard.domain.errors import NOTHING_CHANGED, MdtboardError
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


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def integrity_problem(path: Path) -> str | None:
    """None when ``PRAGMA integrity_check`` finds ``path`` sound, else the first problem it names."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            found = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if found == ["ok"] else (found[0] if found else "no answer")


def schema_of(path: Path) -> str | None:
    """The schema revision a database file was written with (None if it has none)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.DatabaseError:
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
    if it cannot be made, and then nothing is left at ``out`` that was not there before."""
    database, out = Path(database), Path(out).expanduser().absolute()
    if not database.exists():
        raise BackupError(f"There is no database at {database} to back up.")
    if out.is_dir():
        raise BackupError(f"Cannot write the backup to {out}: a folder of that name is in the way.")
    tmp = out.with_name(f".{out.name}.part")
    try:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        create_private_file(tmp)
        source, target = _connect(database), sqlite3.connect(tmp, isolation_level=None)
        try:
            # One step (pages=-1): the whole database is read in one read transaction, so the copy is a
            # snapshot of one moment, whatever other connections write meanwhile.
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
        finally:
            target.close()
            source.close()
        problem = integrity_problem(tmp)
        if problem is not None:
            raise BackupError(f"The backup of {database} failed its integrity check ({problem}); not kept.")
        restrict(tmp)
        _fsync(tmp)
        os.replace(tmp, out)
        _fsync(out.parent)
    except (OSError, sqlite3.Error) as exc:
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


def check_restorable(backup: Path) -> str:
    """The schema revision of a backup that may be restored; :class:`BackupError` saying why not."""
    backup = Path(backup)
    if not backup.is_file():
        raise BackupError(f"There is no backup file {backup}. {NOTHING_CHANGED}")
    problem = integrity_problem(backup)
    if problem is not None:
        raise BackupError(f"{backup} is damaged or not a database ({problem}). {NOTHING_CHANGED}")
    revision = schema_of(backup)
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
    revision = check_restorable(backup)
    if backup == database:
        raise BackupError(f"{backup} is the database itself. {NOTHING_CHANGED}")
    aside = take_backup(database, "before-restore") if database.exists() else None
    try:
        make_private_folder(database.parent)
        create_private_file(database)
        source, target = sqlite3.connect(f"file:{backup}?mode=ro", uri=True), _connect(database)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
            if path.exists():
                os.chmod(path, file_mode())
    except (OSError, sqlite3.Error) as exc:
        kept = f" The database before the attempt is kept as {aside}." if aside else ""
        raise BackupError(f"Could not restore {backup} into {database}: {exc}.{kept}") from exc
    log.info("database restored from a backup (schema %s)", revision)
    return Restored(revision, aside)
