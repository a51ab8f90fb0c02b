"""Encryption at rest of the embedded (SQLite) database with SQLCipher, its key kept in the operating
system's keyring.

With the ``database/encrypt`` setting on, a new SQLite database is created encrypted: a random 256-bit key is
made, stored in the keyring (service ``mdtboard``, one entry per database file, named by its absolute path)
and read back before the file is created; if the keyring cannot keep it, nothing is created. An existing
file is encrypted when it does not begin with SQLite's header (``SQLite format 3``); it is then opened with
the key from the keyring whatever the setting says, and a file without its key is refused with a message,
never replaced by a new one.

Every connection to an encrypted file (SQLAlchemy's, the backups', the change feed's) is made by
:func:`connect`: ``PRAGMA key`` with the raw key first (no key derivation, so a connection costs no more
than a plain one), then one read that fails at once with a wrong key. The key is held in memory only; it is
never logged, never written to a settings file, never printed, never part of a database URL.

Whether a file is encrypted is read from its header (:func:`file_state`) only while this process has no
engine on it. An engine's file is known by its identity (device and inode) and answered from what it was
opened as (:func:`hold`): opening and closing a descriptor of a file SQLite has open drops every POSIX lock
the process holds on it, SQLite's own included (closing any descriptor of a file releases the process's
locks on it). Another program closing its last connection would then find the file free, checkpoint, and
delete the ``-wal`` and ``-shm`` files under this one, whose connections would go on reading the deleted
ones (never seeing another program's saves again) and writing into them (saves lost).
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mdtboard.domain.errors import NOTHING_CHANGED, DatabaseError
from mdtboard.storage.location import BUSY_TIMEOUT_MS

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

#: The keyring's service name for database keys; the entry's user name is the database file's path.
KEYRING_SERVICE = "mdtboard"
#: The first 16 bytes of every unencrypted SQLite file.
SQLITE_HEADER = b"SQLite format 3\x00"
_HEX_KEY = re.compile(r"^[0-9a-f]{64}$")

FileState = Literal["missing", "empty", "plain", "encrypted"]


class KeyringUnavailableError(DatabaseError):
    """The operating system's keyring cannot keep (or give back) a database key."""

    def __init__(self, reason: str, what: str = "Nothing was created or changed.") -> None:
        super().__init__(
            "An encrypted database needs the operating system's keyring to keep its key, and none can be "
            f"used here ({reason}). On Windows and macOS the keyring is built in; on Linux, start mdtboard "
            "in a desktop session that runs a Secret Service keyring (GNOME Keyring or KWallet, e.g. `apt "
            "install gnome-keyring`, then log in to the desktop again). Or turn database encryption off and "
            f"rely on full-disk encryption (docs/deployment.md). {what}"
        )


class DatabaseKeyError(DatabaseError):
    """An encrypted database whose key is missing from the keyring, or does not open it."""


class _Held:
    """A database file an engine opens, what it opens it as, and how many of its connections are open."""

    def __init__(self, identity: tuple[int, int], state: FileState) -> None:
        self.identity = identity
        self.state = state
        self.open = 0

    def opened(self, *_args: Any) -> None:
        with _HELD_LOCK:
            self.open += 1

    def closed(self, *_args: Any) -> None:
        with _HELD_LOCK:
            self.open -= 1


#: The SQLite files of the engines of this process (see :func:`hold`).
_HELD: weakref.WeakKeyDictionary[Engine, _Held] = weakref.WeakKeyDictionary()
_HELD_LOCK = threading.Lock()  # connections open and close on several threads; engines are made on others


def hold(engine: Engine, path: Path, state: FileState) -> None:
    """``engine`` opens ``path`` (which exists) as ``state`` (``plain`` or ``encrypted``): while any of its
    connections is open, :func:`file_state` answers that for the file without opening it (see the module
    docstring). An open connection also keeps the file's identity from going to another file."""
    st = os.stat(path)
    held = _Held((st.st_dev, st.st_ino), state)
    from sqlalchemy import event

    # The engine's pool events, for every pool it has (disposing of it makes a new one with these events).
    event.listen(engine, "connect", held.opened)
    event.listen(engine, "close", held.closed)
    event.listen(engine, "close_detached", held.closed)
    with _HELD_LOCK:
        _HELD[engine] = held


def _held_state(identity: tuple[int, int]) -> FileState | None:
    """What an engine with a connection open to the file of ``identity`` opened it as (None: no such one)."""
    with _HELD_LOCK:
        return next((h.state for h in _HELD.values() if h.identity == identity and h.open > 0), None)


def file_state(path: Path) -> FileState:
    """``missing``, ``empty`` (0 bytes: not made yet), ``plain`` (SQLite's header) or ``encrypted``
    (anything else: a SQLCipher file, or a file that is no database at all). A file an engine of this
    process has open (:func:`hold`) is not opened again: its state is the one the engine opened it as."""
    try:
        st = os.stat(path)
    except OSError:  # not there, or not reachable: SQLite (or the folder's creation) says why
        return "missing"
    held = _held_state((st.st_dev, st.st_ino))
    if held is not None:
        return held
    if st.st_size == 0:
        return "empty"
    try:
        with open(path, "rb") as f:  # no engine of this process has it open: closing this drops no lock
            head = f.read(len(SQLITE_HEADER))
    except OSError:
        return "missing"
    if not head:
        return "empty"
    return "plain" if head == SQLITE_HEADER else "encrypted"


def is_encrypted(path: Path) -> bool:
    return file_state(path) == "encrypted"


def entry_name(path: Path) -> str:
    """The keyring entry (its user name) of a database file: its absolute path."""
    return str(Path(path).expanduser().resolve())


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    text = text.split(". ")[0].rstrip(".")[:160]  # the first sentence
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def stored_key(path: Path) -> str | None:
    """The key the keyring holds for ``path``, or None; :class:`KeyringUnavailableError` without a usable
    keyring."""
    try:
        import keyring

        found = keyring.get_password(KEYRING_SERVICE, entry_name(path))
    except Exception as exc:  # keyring.errors.KeyringError, and a backend's own (D-Bus, locked, ...)
        log.error("the keyring could not be read (%s)", type(exc).__name__)
        raise KeyringUnavailableError(_reason(exc)) from exc
    if found is None:
        return None
    return found if _HEX_KEY.match(found) else None


def new_key(path: Path) -> str:
    """The key for an encrypted ``path``: the one the keyring holds already (so that older encrypted
    backups of that file stay readable), else a new random 256-bit key, stored and read back before it
    is used. :class:`KeyringUnavailableError` if the keyring cannot keep it."""
    existing = stored_key(path)
    if existing is not None:
        return existing
    key = secrets.token_hex(32)
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, entry_name(path), key)
    except Exception as exc:
        log.error("the keyring could not store a database key (%s)", type(exc).__name__)
        raise KeyringUnavailableError(_reason(exc)) from exc
    if stored_key(path) != key:
        log.error("the keyring did not keep the database key")
        raise KeyringUnavailableError("the keyring accepted the key but did not keep it")
    log.info("a new database key was stored in the keyring")
    return key


def key_for(path: Path) -> str:
    """The key of an encrypted ``path`` from the keyring; :class:`DatabaseKeyError` if it holds none."""
    key = stored_key(path)
    if key is None:
        raise DatabaseKeyError(
            f"The database {path} is encrypted (or is not a SQLite file), and this computer's keyring holds "
            f"no key for it (service {KEYRING_SERVICE!r}, entry {entry_name(path)!r}). Open it as the user "
            f"who encrypted it, on the computer where it was encrypted. {NOTHING_CHANGED}"
        )
    return key


def no_key_hint(path: Path) -> str:
    """What to add to "damaged or not a database" for a file without SQLite's header and without a key."""
    try:
        key = stored_key(path)
    except KeyringUnavailableError as exc:
        return f" If it is an encrypted mdtboard database, copy nothing over it: {exc}"
    if key is not None:
        return ""
    return (
        " If it is an encrypted mdtboard database, copy nothing over it: this computer's keyring holds no "
        f"key for it (service {KEYRING_SERVICE!r}, entry {entry_name(path)!r}); open it as the user who "
        "encrypted it, on the computer where it was encrypted."
    )


def key_of(path: Path) -> str | None:
    """None for an unencrypted (or missing) file, else its key (see :func:`key_for`)."""
    return key_for(path) if is_encrypted(path) else None


def dbapi() -> Any:
    """SQLCipher's DB-API module (``sqlcipher3``)."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError as exc:
        raise DatabaseError(
            "Encrypted databases need the sqlcipher3 package, which this installation lacks; reinstall "
            f"mdtboard. {NOTHING_CHANGED}"
        ) from exc
    return dbapi2


def apply_key(conn: Any, key: str, schema: str = "main") -> None:
    """``PRAGMA key`` with the raw 256-bit key on a new SQLCipher connection, before anything else."""
    if not _HEX_KEY.match(key):
        raise DatabaseKeyError(f"The key for the database is not a 256-bit key. {NOTHING_CHANGED}")
    conn.execute("PRAGMA cipher_log_level = NONE")  # SQLCipher's own messages go to stderr otherwise
    conn.execute(f"PRAGMA {schema}.key = \"x'{key}'\"")


def wrong_key(path: Path | str) -> DatabaseKeyError:
    return DatabaseKeyError(
        f"The database {path} is encrypted, and the key this computer's keyring holds for it does not open "
        f"it (or the file is damaged). {NOTHING_CHANGED} Restore the key's keyring entry, or restore a "
        "backup made with this key."
    )


def connect(path: Path | str, key: str, *, uri: bool = False, **kwargs: Any) -> Any:
    """A SQLCipher connection to ``path`` opened with ``key`` and checked with one read:
    :class:`DatabaseKeyError` if the key does not open the file."""
    module = dbapi()
    kwargs.setdefault("timeout", BUSY_TIMEOUT_MS / 1000)
    conn = module.connect(str(path), uri=uri, **kwargs)
    try:
        apply_key(conn, key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except module.DatabaseError as exc:
        conn.close()
        raise wrong_key(str(path).removeprefix("file:").split("?")[0]) from exc
    except BaseException:
        conn.close()
        raise
    return conn


_ENGINE_KEYS: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


def remember_engine_key(engine: Engine, key: str) -> None:
    _ENGINE_KEYS[engine] = key


def engine_key(engine: Engine) -> str | None:
    """The key an engine opens its (encrypted SQLite) database with; None for any other engine."""
    return _ENGINE_KEYS.get(engine)


def shred(path: Path) -> None:
    """Overwrite a file's bytes with random data, flush them to the disk, then remove it. As far as the
    file system lets a program: on SSDs (wear levelling), copy-on-write file systems (btrfs, ZFS, APFS),
    snapshots and backups of the disk, the old blocks may survive (docs/deployment.md)."""
    try:
        size = path.stat().st_size
        with open(path, "r+b", buffering=0) as f:
            left = size
            while left > 0:
                chunk = min(left, 1 << 20)
                f.write(os.urandom(chunk))
                left -= chunk
            os.fsync(f.fileno())
    finally:
        path.unlink(missing_ok=True)


class DatabaseInUseError(DatabaseError):
    """The file is open in another program (or another mdtboard window): it cannot be converted now."""


def export_encrypted(plain: Path, out: Path, key: str, *, exclusive: bool = False) -> None:
    """Write an encrypted copy of the unencrypted SQLite file ``plain`` to ``out`` (which must not exist)
    with SQLCipher's ``sqlcipher_export``. ``exclusive``: ``plain`` is first switched out of WAL mode and
    locked for the copy, which only succeeds when no other connection has it open
    (:class:`DatabaseInUseError` otherwise); afterwards no ``-wal`` or ``-shm`` file is left beside it."""
    from mdtboard.storage.permissions import create_private_file

    module = dbapi()
    create_private_file(out)
    src = module.connect(str(plain), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        src.execute("PRAGMA cipher_log_level = NONE")
        if exclusive:
            try:
                mode = src.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            except module.OperationalError as exc:
                mode = str(exc)
            if str(mode).lower() != "delete":
                raise DatabaseInUseError(
                    f"The database {plain} is open in another program (an mdtboard window or command?); "
                    f"close it everywhere, then try again. {NOTHING_CHANGED}"
                )
        src.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(out), f"x'{key}'"))
        src.execute("BEGIN EXCLUSIVE" if exclusive else "BEGIN")
        version = int(src.execute("PRAGMA main.user_version").fetchone()[0])
        src.execute("SELECT sqlcipher_export('encrypted')").fetchall()
        src.execute(f"PRAGMA encrypted.user_version = {version}")
        src.execute("COMMIT")
        src.execute("DETACH DATABASE encrypted")
    finally:
        src.close()
