"""Engine and session factory, connection settings, and migrating the database to head at start.

SQLite (the default, one PC) gets on every connection: WAL journal, ``synchronous=FULL``, foreign keys,
a busy timeout, and write transactions begun IMMEDIATE so that two writers never deadlock half-way.
A connection marked :data:`READ_ONLY` begins its transaction DEFERRED instead: with WAL, reading then
never waits for a writer. PostgreSQL is used when a URL names one (several PCs sharing one server).

Opening a database reads its schema revision with one query and compares it with the program's, which
is read from the revision files themselves (:func:`schema_revisions`); Alembic, which takes longer to
import than the rest of the command line, is loaded only when the database has to be upgraded.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from mdtboard.domain.errors import DatabaseError
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

if TYPE_CHECKING:
    from alembic.config import Config

#: Execution option of a connection (or session) that only reads; see the module docstring.
READ_ONLY = "mdtboard_read_only"


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
    cursor.close()


def _sqlite_on_begin(conn: sa.Connection) -> None:
    conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE")


def create_engine(url: str | None = None, *, echo: bool = False) -> Engine:
    """An engine for ``url`` with mdtboard's connection settings. Does not connect yet."""
    url = resolve_url(url)
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise DatabaseError(f"The database address {url!r} is not a valid database URL.") from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            folder = Path(database).expanduser().resolve().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(f"Cannot create the database folder {folder}: {exc.strerror}.") from exc
        engine = sa.create_engine(url, echo=echo)
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return sa.create_engine(
            url,
            echo=echo,
            pool_pre_ping=True,
            connect_args={"connect_timeout": 5, "application_name": "mdtboard"},
        )
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

    @property
    def url(self) -> str:
        return describe_url(self.engine.url.render_as_string(hide_password=False))

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        self.engine.dispose()


@contextmanager
def migration_connection(engine: Engine) -> Iterator[sa.Connection]:
    """A connection in one transaction for schema changes, committed if all goes well.

    On SQLite, foreign keys are switched off for it: Alembic's batch mode rebuilds a table by copying
    it and dropping the old one, and with foreign keys on, dropping ``cases`` would delete (ON DELETE
    CASCADE) every medication, line, input and agenda item of every case. Before commit,
    ``PRAGMA foreign_key_check`` makes sure the migration left every reference valid.
    """
    with engine.connect() as conn:
        raw = conn.connection.driver_connection if engine.dialect.name == "sqlite" else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys = OFF")  # no-op inside a transaction, so before BEGIN
        try:
            with conn.begin():
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


def open_database(url: str | None = None, *, migrate: bool = True) -> Database:
    """Connect, refuse a database newer than this program, upgrade an older one to head.

    Every failure is a :class:`DatabaseError` with a one-line message.
    """
    engine = create_engine(url)
    where = describe_url(str(engine.url))
    try:
        current = current_revision(engine)
    except sa.exc.OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseError(f"Cannot reach the database {where}: {reason}") from exc
    except sa.exc.DatabaseError as exc:
        engine.dispose()
        raise DatabaseError(f"{where} is not an mdtboard database (or is damaged): {exc.orig}") from exc
    if current is not None and current not in schema_revisions().known:
        engine.dispose()
        raise DatabaseError(
            f"The database {where} was written by a newer mdtboard (schema {current}); "
            f"this program knows schemas up to {head_revision()}. Update mdtboard."
        )
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
    return Database(engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
