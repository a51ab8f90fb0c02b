"""Encrypting an existing unencrypted SQLite database, and its backups, in place (``mdtboard database
encrypt``); see :mod:`mdtboard.storage.cipher`.

The database must not be open anywhere (it is switched out of WAL mode and locked for the copy, which fails
otherwise). Its key is made and kept in the keyring first (an existing key for the file is reused, so that
older encrypted backups of it stay readable). Then, for the database and for each unencrypted backup in its
backups folder:

1. SQLCipher's ``sqlcipher_export`` writes an encrypted copy beside it (``.<name>.encrypting``);
2. the copy is checked: ``PRAGMA integrity_check``, and the same tables with the same number of rows;
3. the unencrypted file is renamed aside (``.<name>.unencrypted``) and the copy takes its name;
4. the file now in place is opened with the key read back from the keyring and checked again; if that
   fails, the unencrypted file is put back and nothing has changed;
5. the unencrypted file is overwritten with random bytes, flushed to the disk and removed
   (:func:`cipher.shred`, with its limits).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from mdtboard.domain.errors import NOTHING_CHANGED, DatabaseError
from mdtboard.storage import cipher
from mdtboard.storage.backup import integrity_problem, list_backups

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Encrypted:
    database: Path
    #: Unencrypted backups in the backups folder that were encrypted too.
    backups: int


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    found = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
    names = [str(row[0]) for row in found]
    return {
        name: int(conn.execute(f'SELECT count(*) FROM "{name.replace(chr(34), chr(34) * 2)}"').fetchone()[0])
        for name in names
    }


def _same(plain: Path, encrypted: Path, key: str) -> None:
    """:class:`DatabaseError` unless ``encrypted`` opens with ``key``, is sound and holds the tables and rows
    of ``plain``."""
    problem = integrity_problem(encrypted, key)
    if problem is not None:
        raise DatabaseError(f"The encrypted copy of {plain} failed its check ({problem}). {NOTHING_CHANGED}")
    source = sqlite3.connect(f"file:{plain}?mode=ro", uri=True)
    copy = cipher.connect(f"file:{encrypted}?mode=ro", key, uri=True)
    try:
        if _counts(source) != _counts(copy):
            raise DatabaseError(
                f"The encrypted copy of {plain} does not hold the same rows. {NOTHING_CHANGED}"
            )
    finally:
        copy.close()
        source.close()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def encrypt_file(path: Path, key: str, *, exclusive: bool, key_of: Path) -> None:
    """Replace the unencrypted SQLite file ``path`` by an encrypted copy (steps 1-5 of the module
    docstring); ``key_of``: the database whose keyring entry the key is read back from."""
    tmp = path.with_name(f".{path.name}.encrypting")
    aside = path.with_name(f".{path.name}.unencrypted")
    if aside.exists():
        raise DatabaseError(
            f"{aside} is left from an encryption that was interrupted: make sure {path} opens, then remove "
            f"it. {NOTHING_CHANGED}"
        )
    tmp.unlink(missing_ok=True)  # an encrypted copy left by an interrupted run
    try:
        cipher.export_encrypted(path, tmp, key, exclusive=exclusive)
        _same(path, tmp, key)
        _fsync(tmp)
        os.replace(path, aside)
        os.replace(tmp, path)
        _fsync(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    try:
        _same(aside, path, cipher.key_for(key_of))  # the key as the keyring gives it back
    except BaseException:
        os.replace(aside, path)
        _fsync(path.parent)
        raise
    cipher.shred(aside)


def encrypt_database(database: Path) -> Encrypted:
    """Encrypt ``database`` and its unencrypted backups (see the module docstring); a
    :class:`DatabaseError` saying why not, with nothing changed."""
    database = Path(database).expanduser().resolve()
    state = cipher.file_state(database)
    if state in ("missing", "empty"):
        raise DatabaseError(f"There is no database at {database} to encrypt. {NOTHING_CHANGED}")
    if state == "encrypted":
        raise DatabaseError(f"The database {database} is encrypted already. {NOTHING_CHANGED}")
    problem = integrity_problem(database)
    if problem is not None:
        raise DatabaseError(f"The database {database} is damaged ({problem}). {NOTHING_CHANGED}")
    key = cipher.new_key(database)
    encrypt_file(database, key, exclusive=True, key_of=database)
    log.info("database encrypted")
    done = 0
    for backup in list_backups(database):
        if cipher.file_state(backup.path) == "plain":
            encrypt_file(backup.path, key, exclusive=False, key_of=database)
            done += 1
    if done:
        log.info("%d backup(s) encrypted", done)
    return Encrypted(database, done)
