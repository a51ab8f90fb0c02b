"""Engine and session factory, connection settings, and migrating the database to head at start.

SQLite (the default, one PC) gets on every connection: WAL journal, ``synchronous=FULL``, foreign keys, a
busy timeout, and write transactions begun IMMEDIATE so that two writers never deadlock half-way. A
connection marked :data:`READ_ONLY` begins its transaction DEFERRED instead: with WAL, reading then never
waits for a writer. PostgreSQL is used when a URL names one (several PCs sharing one server); its
connections carry a connect timeout, statement, lock and idle-in-transaction timeouts and TCP keepalives,
and a watchdog ends a statement left without an answer (see :mod:`mdtboard.storage.faults`), so that a
silent network fails a save within seconds. The SQLite file's identity is checked before every write (a file
deleted or replaced under the running program refuses saves), and ``PRAGMA quick_check`` runs when the
database is opened. The program's start may leave that check and the day's backup for just after it is
usable (:class:`OpeningChecks`): reads go ahead meanwhile, every write waits for the check, and a file found
damaged then refuses every write.

SQL parameters are never logged or shown in error messages (``hide_parameters``): they carry patient data.
An encrypted SQLite file (:mod:`mdtboard.storage.cipher`) is opened through SQLCipher, every connection
given its key from the keyring first; migrations, the checks and the backups go through the same engine
or the same key.

Opening a database reads its schema revision with one query and compares it with the program's, which
is read from the revision files themselves (:func:`schema_revisions`); Alembic, which takes longer to
import than the rest of the command line, is loaded only when the database has to be upgraded.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from mdtboard.domain.errors import DatabaseError, DatabaseMissingError
from mdtboard.storage import cipher
from mdtboard.storage.faults import (
    NO_DEADLINE,
    SqliteFileGuard,
    install_deadline,
    install_sqlite_guard,
    sqlite_guard,
)
from mdtboard.storage.location import (  # noqa: F401 - part of this module's interface
    BUSY_TIMEOUT_MS,
    ENV_URL,
    MIGRATIONS,
    SchemaRevisions,
    default_database_path,
    head_revision,
    resolve_url,
    schema_revisions,
    sqlite_url,
)
from mdtboard.storage.permissions import create_private_file, exposure, make_private_folder

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

#: Execution option of a connection (or session) that only reads; see the module docstring.
READ_ONLY = "mdtboard_read_only"

#: PostgreSQL connection settings (milliseconds unless said otherwise): a lock held by another session, a
#: slow statement or a transaction left open fail with a message instead of waiting without end.
PG_CONNECT_TIMEOUT_S = 5
PG_STATEMENT_TIMEOUT_MS = 6000
PG_LOCK_TIMEOUT_MS = 4000
PG_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60000
PG_KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "tcp_user_timeout": 9000,
}


def describe_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN IMMEDIATE instead of pysqlite's deferred BEGIN.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    # What is deleted or overwritten (a deleted case, an edited name) is overwritten with zeros in the file,
    # not left in its free space for anyone who reads the file's bytes.
    cursor.execute("PRAGMA secure_delete = ON")
    cursor.close()


def _sqlite_begin(guard: SqliteFileGuard | None) -> Any:
    def on_begin(conn: sa.Connection) -> None:
        if conn.get_execution_options().get(READ_ONLY):
            conn.exec_driver_sql("BEGIN")
            return
        if guard is not None:
            guard.check()  # before the write lock: nothing is written to a deleted or replaced file
            if guard.write_gate is not None:
                guard.write_gate()  # nothing is written to a file not yet checked, or found damaged
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return on_begin


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for an in-memory database or another backend)."""
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError:
        return None  # create_engine says what is wrong with it
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database).expanduser().resolve()


def _pg_options(parsed: sa.URL) -> str:
    """The server settings of every connection, after any ``options`` the URL gives."""
    given = parsed.query.get("options", "")
    given = given if isinstance(given, str) else " ".join(given)
    ours = (
        f"-c statement_timeout={PG_STATEMENT_TIMEOUT_MS} -c lock_timeout={PG_LOCK_TIMEOUT_MS} "
        f"-c idle_in_transaction_session_timeout={PG_IDLE_IN_TRANSACTION_TIMEOUT_MS}"
        # No JIT compiling: mdtboard's statements read little, but a search's unused fallback branch is
        # costed high, and compiling for it took 40-120 ms of a keystroke that read 700 pages (1-3 ms).
        " -c jit=off"
        # No parallel workers either: a search's fallback branch, gated off by a one-time filter, still
        # launched two workers at every broad keystroke (10-20 ms of a 30 ms keystroke) that then read
        # nothing; mdtboard's statements read too little for workers to pay for starting.
        " -c max_parallel_workers_per_gather=0"
    )
    return f"{given} {ours}".strip()


def _sqlite_key(file: Path, encrypt: bool) -> tuple[str | None, cipher.FileState]:
    """The SQLCipher key ``file`` is opened with (see :mod:`mdtboard.storage.cipher`), or None, and what the
    file is opened as (``plain`` or ``encrypted``): an encrypted file's key from the keyring; for a file not
    made yet with ``encrypt``, a new key, kept in the keyring before the file is created. A file without
    SQLite's header and without a key (a damaged file, or an encrypted one whose key is not here) is opened
    as it is: SQLite finds it is no database, and :func:`open_database` says both."""
    state = cipher.file_state(file)
    if state == "encrypted":
        try:
            return cipher.stored_key(file), state
        except cipher.KeyringUnavailableError:
            if encrypt:
                raise
            return None, state
    if state in ("missing", "empty") and encrypt:
        return cipher.new_key(file), "encrypted"
    return None, "plain"


def _install_key(engine: Engine, key: str) -> None:
    """Every connection of ``engine`` is made by :func:`cipher.connect`: ``PRAGMA key`` before anything."""
    cipher.remember_engine_key(engine, key)

    @event.listens_for(engine, "do_connect")
    def connect(_dialect: Any, _record: Any, cargs: list[Any], cparams: dict[str, Any]) -> Any:
        return cipher.connect(cargs[0], key, **cparams)


def create_engine(url: str | None = None, *, echo: bool = False, encrypt: bool = False) -> Engine:
    """An engine for ``url`` with mdtboard's connection settings. Does not connect yet.

    ``echo`` logs every SQL statement (``--debug``), never its parameters. ``encrypt``: a SQLite file not
    made yet is created encrypted (:mod:`mdtboard.storage.cipher`); an encrypted one is always opened with
    its key."""
    url = resolve_url(url)
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise DatabaseError(f"The database address {url!r} is not a valid database URL.") from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        key = None
        file = None
        state: cipher.FileState = "plain"
        if database and database != ":memory:":
            file = Path(database).expanduser().resolve()
            # First: nothing is created if the keyring cannot keep a key.
            key, state = _sqlite_key(file, encrypt)
            folder = file.parent
            try:
                make_private_folder(folder)
                create_private_file(file)  # owner-only before SQLite makes it 0644 (and its WAL alike)
            except OSError as exc:
                raise DatabaseError(f"Cannot create the database folder {folder}: {exc.strerror}.") from exc
        if key is not None:
            engine = sa.create_engine(url, echo=echo, hide_parameters=True, module=cipher.dbapi())
            _install_key(engine, key)
        else:
            engine = sa.create_engine(url, echo=echo, hide_parameters=True)
        path = sqlite_path(url)
        guard = install_sqlite_guard(engine, path) if path is not None else None
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_begin(guard))
        if file is not None:  # its header is not read again while a connection is open (cipher.hold)
            cipher.hold(engine, file, state)  # last: a connection whose settings failed is not counted
        return engine
    if parsed.get_backend_name() == "postgresql":
        engine = sa.create_engine(
            url,
            echo=echo,
            hide_parameters=True,
            pool_pre_ping=True,
            connect_args={
                "connect_timeout": PG_CONNECT_TIMEOUT_S,
                "application_name": "mdtboard",
                "options": _pg_options(parsed),
                **PG_KEEPALIVES,
            },
        )
        install_deadline(engine)
        return engine
    raise DatabaseError(
        f"mdtboard works with SQLite and PostgreSQL; {parsed.get_backend_name()!r} is not supported."
    )


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def _missing_table(exc: sa.exc.DBAPIError) -> bool:
    if getattr(exc.orig, "sqlstate", None) == "42P01":  # PostgreSQL: undefined_table
        return True
    return "no such table" in str(exc.orig)


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database (None for a database without one), in one query."""
    with engine.connect() as conn:
        conn = conn.execution_options(**{READ_ONLY: True})
        try:
            rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
        except (sa.exc.OperationalError, sa.exc.ProgrammingError) as exc:
            if _missing_table(exc):
                return None
            raise
    if len(rows) > 1:
        raise DatabaseError(f"The database stores {len(rows)} schema revisions; expected one.")
    return str(rows[0][0]) if rows else None


@dataclass(frozen=True)
class Database:
    """An engine whose schema is at head, and the session factory that goes with it."""

    engine: Engine
    sessions: sessionmaker[Session]
    #: What the person should know about the database (other users can read it, ...); no patient data.
    warnings: tuple[str, ...] = ()
    #: The integrity check and the day's backup, when opening left them for later (``defer_checks``).
    checks: OpeningChecks | None = None

    @property
    def url(self) -> str:
        return describe_url(self.engine.url.render_as_string(hide_password=False))

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        self.engine.dispose()

    def configure_models(self) -> None:
        """Configure every ORM model now (SQLAlchemy does it at the first ORM statement, some 0.1-0.3 s):
        for the program's start, on the thread that opens the database rather than at the first read of
        a case on the GUI thread."""
        from sqlalchemy.orm import configure_mappers

        import mdtboard.storage.models  # noqa: F401 - every model, so that all are configured

        configure_mappers()

    def finish_opening(self) -> tuple[str, ...]:
        """Run what opening left for later (:class:`OpeningChecks`), if anything: the warnings it has for
        the person (a daily backup that failed). :class:`DatabaseError` if the file is damaged."""
        return self.checks.run() if self.checks is not None else ()


#: Seconds a write waits for the opening's integrity check before it gives up (nothing written).
CHECK_WAIT_S = 120.0


class OpeningChecks:
    """``PRAGMA quick_check`` of an existing SQLite file and the day's backup, left by :func:`open_database`
    (``defer_checks``) for once the program is usable: on a large file they take seconds. Until :meth:`run`
    has checked the file, every write transaction waits for it (reads go ahead: they change nothing); once
    the file is found damaged, every write is refused with the same message as at open, and nothing is
    written."""

    def __init__(self, engine: Engine, path: Path, guard: SqliteFileGuard, backup_days: int | None) -> None:
        self._engine = engine
        self._path = path
        self._backup_days = backup_days
        self._checked = threading.Event()
        self._problem: str | None = None
        guard.write_gate = self.wait

    @property
    def checked(self) -> bool:
        return self._checked.is_set()

    def wait(self) -> None:
        """Return once the file has been checked and found sound; :class:`DatabaseError` otherwise."""
        if not self._checked.wait(CHECK_WAIT_S):
            raise DatabaseError(
                f"The database {self._path} is still being checked after {CHECK_WAIT_S:.0f} s; nothing was "
                "written. Try again in a moment."
            )
        if self._problem is not None:
            raise DatabaseError(self._problem)

    def run(self) -> tuple[str, ...]:
        """Check the file, then take the day's backup; the warnings for the person (see
        :meth:`Database.finish_opening`)."""
        try:
            check_integrity(self._engine)
        except sa.exc.DBAPIError as exc:
            self._problem = damaged_message(describe_url(str(self._engine.url)), str(exc.orig))
        except DatabaseError as exc:
            self._problem = str(exc)
        except BaseException:
            self._problem = f"The database {self._path} could not be checked; nothing was written to it."
            raise
        finally:
            self._checked.set()  # writes wait no longer: they go ahead, or are refused with the problem
        if self._problem is not None:
            raise DatabaseError(self._problem)
        warnings: list[str] = []
        _backups(self._engine, self._path, upgrading=False, days=self._backup_days, warnings=warnings)
        return tuple(warnings)


@contextmanager
def migration_connection(engine: Engine) -> Iterator[sa.Connection]:
    """A connection in one transaction for schema changes, committed if all goes well.

    On SQLite, foreign keys are switched off for it: Alembic's batch mode rebuilds a table by copying
    it and dropping the old one, and with foreign keys on, dropping ``cases`` would delete (ON DELETE
    CASCADE) every medication, line, input and agenda item of every case. Before commit,
    ``PRAGMA foreign_key_check`` makes sure the migration left every reference valid.
    """
    with engine.connect() as conn:
        conn.execution_options(**{NO_DEADLINE: True})
        raw = conn.connection.driver_connection if engine.dialect.name == "sqlite" else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys = OFF")  # no-op inside a transaction, so before BEGIN
        try:
            with conn.begin():
                if engine.dialect.name == "postgresql":  # a large table may take a while to change
                    conn.exec_driver_sql("SET LOCAL statement_timeout = 0")
                    conn.exec_driver_sql("SET LOCAL lock_timeout = 0")
                yield conn
                if raw is not None:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        table, rowid, parent, _ = broken[0]
                        raise DatabaseError(
                            f"Updating the database would leave {len(broken)} broken reference(s), "
                            f"e.g. row {rowid} of {table} to {parent}; the update was undone."
                        )
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys = ON")


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` in one transaction (see :func:`migration_connection`)."""
    from alembic import command

    cfg = alembic_config(engine)
    with migration_connection(engine) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def check_integrity(engine: Engine) -> None:
    """``PRAGMA quick_check`` of a SQLite database: a damaged file is found before anything is written."""
    with engine.connect() as conn:
        conn.execution_options(**{READ_ONLY: True})
        found = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check").all()]
        conn.rollback()
    if found != ["ok"]:
        log.error("database integrity check failed: %d problem(s)", len(found))
        path = sqlite_path(str(engine.url))
        raise DatabaseError(damaged_message(str(path), found[0] if found else "no answer"))


def damaged_message(where: str, detail: str) -> str:
    return (
        f"The database {where} is damaged or is not an mdtboard database ({detail}). Nothing was changed "
        "in it. Close mdtboard and copy your latest backup over this file, or start mdtboard with another "
        "database (--database); ask your IT staff if you have no backup."
    )


def _refuse_runtime_role(engine: Engine, where: str) -> None:
    """On PostgreSQL, a role that may not create in the schema (the runtime role of docs/deployment.md)
    does not try to update it: it says who must."""
    with engine.connect() as conn:
        conn = conn.execution_options(**{READ_ONLY: True})
        user, may_create = conn.exec_driver_sql(
            "SELECT current_user, has_schema_privilege(current_schema(), 'CREATE')"
        ).one()
    if not may_create:
        engine.dispose()
        raise DatabaseError(
            f"The database {where} needs an update to this program's schema ({head_revision()}), and the "
            f"role {user} may not change its schema. Start mdtboard once with the owner role's address "
            "(e.g. --database postgresql://mdtboard_owner@server/mdtboard), then grant the runtime role its "
            "rights again (docs/deployment.md, PostgreSQL roles). Nothing was changed."
        )


def _backups(engine: Engine, path: Path, *, upgrading: bool, days: int | None, warnings: list[str]) -> None:
    """The daily backup (``days`` given) and the one before an upgrade; see :func:`open_database`."""
    from mdtboard.storage.backup import BackupError, daily_backup, take_backup

    if days is not None:
        try:
            daily_backup(path, days)
        except BackupError as exc:
            log.error("the daily backup failed")
            warnings.append(f"Today's backup could not be made: {exc}")
    if upgrading:
        try:
            take_backup(path, f"before-{head_revision()}")
        except BackupError as exc:
            engine.dispose()
            raise DatabaseError(f"{exc} The database was not updated to this program's schema.") from exc


def open_database(
    url: str | None = None,
    *,
    migrate: bool = True,
    create: bool = True,
    echo: bool = False,
    backup_days: int | None = None,
    defer_checks: bool = False,
    encrypt: bool = False,
) -> Database:
    """Connect, refuse a database newer than this program, upgrade an older one to head.

    ``create=False``: a SQLite file that does not exist is not created (:class:`DatabaseMissingError`); the
    program passes it for a database it has used before. Every failure is a :class:`DatabaseError` with a
    one-line message.

    A SQLite database is backed up (:mod:`mdtboard.storage.backup`) before its schema is upgraded (no
    upgrade without a verified backup) and, when ``backup_days`` is given (the program's start), on the
    first opening of a day, keeping that many days of backups; a daily backup that fails is a warning.
    ``defer_checks``: an existing SQLite file already at the current schema is opened without its integrity
    check and daily backup, which :meth:`Database.finish_opening` then runs (:class:`OpeningChecks`); an
    upgrade is never deferred. ``encrypt``: a new SQLite file is created encrypted (an encrypted one is
    opened with its key from the keyring in any case; an existing unencrypted one is opened as it is, with a
    warning that ``mdtboard database encrypt`` encrypts it).
    """
    path = sqlite_path(resolve_url(url))
    existed = path is not None and path.exists()
    if path is not None and not existed and not create:
        raise DatabaseMissingError(str(path))
    engine = create_engine(url, echo=echo, encrypt=encrypt)
    where = describe_url(str(engine.url))
    try:
        current = current_revision(engine)
    except DatabaseError:  # an encrypted file the keyring's key does not open
        engine.dispose()
        raise
    except sa.exc.OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseError(f"Cannot reach the database {where}: {reason}") from exc
    except sa.exc.DatabaseError as exc:
        engine.dispose()
        hint = cipher.no_key_hint(path) if path is not None and cipher.is_encrypted(path) else ""
        raise DatabaseError(damaged_message(where, str(exc.orig)) + hint) from exc
    guard = sqlite_guard(engine)
    deferred = (
        defer_checks and existed and current == head_revision() and path is not None and guard is not None
    )
    if existed and current is not None and not deferred:
        try:
            check_integrity(engine)
        except sa.exc.DBAPIError as exc:
            engine.dispose()
            raise DatabaseError(damaged_message(where, str(exc.orig))) from exc
        except DatabaseError:
            engine.dispose()
            raise
    if current is not None and current not in schema_revisions().known:
        engine.dispose()
        raise DatabaseError(
            f"The database {where} was written by a newer mdtboard (schema {current}); "
            f"this program knows schemas up to {head_revision()}. Update mdtboard."
        )
    if migrate and current != head_revision() and engine.dialect.name == "postgresql":
        _refuse_runtime_role(engine, where)
    warnings: list[str] = []
    if encrypt and path is not None and cipher.engine_key(engine) is None:
        log.warning("database encryption is on, but the database file is not encrypted")
        warnings.append(
            f"Database encryption is on, but {path} is not encrypted. Close mdtboard and run "
            "`mdtboard database encrypt` to encrypt it."
        )
    if existed and current is not None and path is not None and not deferred:
        _backups(engine, path, upgrading=migrate and current != head_revision(), days=backup_days,
                 warnings=warnings)
    if migrate and current != head_revision():
        try:
            upgrade(engine)
        except sa.exc.DBAPIError as exc:
            engine.dispose()
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise DatabaseError(f"Cannot update the database {where}: {reason}") from exc
        except DatabaseError:
            engine.dispose()
            raise
    log.info("database opened (%s, schema %s)", engine.dialect.name, head_revision() if migrate else current)
    exposed = exposure(path) if path is not None else None
    if exposed is not None:
        log.warning("the database file can be read by other users of this computer")
        warnings.append(exposed)
    sessions = sessionmaker(engine, expire_on_commit=False)
    if migrate or current == head_revision():
        from mdtboard.storage import audit
        from mdtboard.storage.changes import install

        install(sessions)  # every commit logs what it changed (the change feed)
        try:
            audit.install(sessions)  # every change is recorded in the audit trail, in its transaction
        except audit.AuditKeyError:
            engine.dispose()
            raise
    checks = (
        OpeningChecks(engine, path, guard, backup_days)
        if deferred and path is not None and guard is not None
        else None
    )
    return Database(engine=engine, sessions=sessions, warnings=tuple(warnings), checks=checks)
