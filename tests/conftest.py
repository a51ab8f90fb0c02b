"""Shared fixtures: Qt on the offscreen platform, and a fresh database on SQLite and on PostgreSQL.

PostgreSQL tests use the server named by ``MDTBOARD_TEST_POSTGRES_URL`` (default: the local server's
``test`` database). Each test gets its own schema, dropped afterwards. When ``MDTBOARD_REQUIRE_POSTGRES``
is set (CI sets it), an unreachable server fails the run; otherwise those tests are skipped with the
reason shown in the summary.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts/truetype/dejavu")
# The program's log goes to a folder of the test run, not to the user's log folder.
os.environ.setdefault("MDTBOARD_LOG_DIR", __import__("tempfile").mkdtemp(prefix="mdtboard-test-log-"))
# The audit trail's key too (a child process started by a test uses the same one).
os.environ.setdefault(
    "MDTBOARD_AUDIT_KEY_FILE",
    os.path.join(__import__("tempfile").mkdtemp(prefix="mdtboard-test-key-"), "audit.key"),
)

import contextlib
import json
import shutil
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from mdtboard.services.context import Services
from mdtboard.storage.db import Database, open_database, sqlite_path, sqlite_url

DATA = Path(__file__).parent / "data"
SAMPLE_CASES = DATA / "sample-cases.json"
POSTGRES_URL = os.environ.get(
    "MDTBOARD_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REQUIRE_POSTGRES = bool(os.environ.get("MDTBOARD_REQUIRE_POSTGRES"))

_pg_state: dict[str, Any] = {}


@pytest.fixture(autouse=True)
def _application_first(request: pytest.FixtureRequest) -> None:
    """A GUI test runs with the QApplication made first: a model test (``qtmodeltester``) that draws an
    icon would otherwise make a QPixmap before any application exists, which aborts Python when such a
    test is the first of its worker."""
    if request.node.get_closest_marker("gui") is not None or "/gui/" in str(request.node.path):
        request.getfixturevalue("qapp")


@pytest.fixture(autouse=True)
def _nobody_signed_in() -> Iterator[None]:
    """Each test starts, and leaves, with nobody signed in to the program."""
    from mdtboard.services import permissions
    from mdtboard.storage import audit

    yield
    permissions.act_as_account(None)
    audit.act_as(None)


def postgres_available() -> str | None:
    """None when the server answers, else why not."""
    if "reason" not in _pg_state:
        try:
            engine = sa.create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
            with engine.connect() as conn:
                conn.execute(sa.text("select 1"))
            engine.dispose()
            _pg_state["reason"] = None
        except Exception as exc:  # any failure to connect means: not available
            _pg_state["reason"] = f"PostgreSQL at {POSTGRES_URL} is not reachable: {str(exc).splitlines()[0]}"
    return _pg_state["reason"]  # type: ignore[no-any-return]


def _postgres_schema_url() -> Iterator[tuple[str, str]]:
    reason = postgres_available()
    if reason is not None:
        if REQUIRE_POSTGRES:
            pytest.fail(f"MDTBOARD_REQUIRE_POSTGRES is set but {reason}")
        pytest.skip(reason)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in POSTGRES_URL else "?"
    url = f"{POSTGRES_URL}{sep}options=-csearch_path%3D{schema}"
    try:
        yield url, schema
    finally:
        drain_operations()
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each backend (nothing created in it yet); at the current schema when the test
    uses :func:`db` too (see there)."""
    at_head = "db" in request.fixturenames
    if request.param == "sqlite":
        path = tmp_path / "mdtboard.sqlite3"
        if at_head:
            shutil.copy(request.getfixturevalue("sqlite_at_head"), path)  # its owner-only mode too
            _AT_HEAD.add(sqlite_url(path))
        yield sqlite_url(path)
        drain_operations()
        _AT_HEAD.discard(sqlite_url(path))
    elif at_head:
        yield from _reused_postgres_schema()
    else:
        yield from (url for url, _schema in _postgres_schema_url())


#: The URLs :func:`database_url` gave at the current schema already (the tables made and stamped).
_AT_HEAD: set[str] = set()


@pytest.fixture(scope="session")
def sqlite_at_head(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file at the current schema, made once a worker: copied for each test that uses :func:`db`
    (a copy is the same file, made in a millisecond instead of a tenth of a second)."""
    path = tmp_path_factory.mktemp("template") / "mdtboard.sqlite3"
    prepare_at_head(sqlite_url(path))  # the engine disposed: the write-ahead log is in the file
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture(scope="session")
def sqlite_as_made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty SQLite file as the program makes it (opened by :func:`open_services`: migrated from nothing
    to head, not created from the models), made once a worker. Copied (with its owner-only mode) where a
    test wants a database the program made and nothing of how it was made: migrating a new file takes a
    good part of a second."""
    from mdtboard.services.context import open_services

    path = tmp_path_factory.mktemp("as-made") / "mdtboard.sqlite3"
    open_services(sqlite_url(path)).close()  # the engine disposed: the write-ahead log is in the file
    assert not path.with_name(path.name + "-wal").exists()
    return path


#: PostgreSQL schemas at the current schema, emptied, free for the next test of this worker, with the
#: fingerprint of their tables, columns, keys, indexes, triggers, rights and revision when made.
_pg_free: list[tuple[str, str]] = []
_pg_fingerprints: dict[str, str] = {}

_PG_FINGERPRINT = """
SELECT md5(string_agg(line, E'\n' ORDER BY line)) FROM (
  SELECT 'col ' || c.relname || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' '
         || a.attnotnull || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') AS line
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE c.relnamespace = CAST(:ns AS regnamespace) AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL SELECT 'rel ' || relname || ' ' || relkind::text || ' ' || relrowsecurity || ' '
         || coalesce(relacl::text, '')
    FROM pg_class WHERE relnamespace = CAST(:ns AS regnamespace)
  UNION ALL SELECT 'con ' || conname || ' ' || pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = CAST(:ns AS regnamespace)
  UNION ALL SELECT 'idx ' || indexname || ' ' || indexdef
    FROM pg_indexes WHERE schemaname = CAST(:name AS name)
  UNION ALL SELECT 'trg ' || pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE c.relnamespace = CAST(:ns AS regnamespace) AND NOT t.tgisinternal
  UNION ALL SELECT 'fn ' || p.oid::regprocedure::text || ' ' || md5(p.prosrc)
    FROM pg_proc p WHERE p.pronamespace = CAST(:ns AS regnamespace)
  UNION ALL SELECT 'typ ' || typname FROM pg_type WHERE typnamespace = CAST(:ns AS regnamespace)
  UNION ALL SELECT 'pol ' || polname FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
    WHERE c.relnamespace = CAST(:ns AS regnamespace)
  UNION ALL SELECT 'nsp ' || coalesce(nspacl::text, '') FROM pg_namespace WHERE nspname = CAST(:name AS name)
  UNION ALL SELECT 'dacl ' || defaclacl::text FROM pg_default_acl
    WHERE defaclnamespace = CAST(:ns AS regnamespace)
) lines
"""


def _pg_admin() -> sa.Engine:
    # no pool: nothing of it left open in a child process a test forks
    return sa.create_engine(POSTGRES_URL, poolclass=sa.pool.NullPool)


def _pg_fingerprint(conn: sa.Connection, schema: str) -> str:
    sql = f'SELECT string_agg(version_num, \',\') FROM "{schema}".alembic_version'
    version = conn.execute(sa.text(sql)).scalar_one()
    tables = conn.execute(sa.text(_PG_FINGERPRINT), {"ns": schema, "name": schema}).scalar_one()
    return f"{tables} {version}"


def _reused_postgres_schema() -> Iterator[str]:
    """A PostgreSQL schema at the current schema with nothing in its tables, for :func:`db`. Made once and
    used again by the next tests of the worker: after each test its rows are deleted and its sequences
    restarted when its fingerprint shows that the test changed no table, column, key, index, trigger, right
    or revision; otherwise (or when a lock is still held) it is dropped as before, and the next test gets a
    new one. Making a schema and its tables, and dropping it, took about a second a test."""
    reason = postgres_available()
    if reason is not None:
        if REQUIRE_POSTGRES:
            pytest.fail(f"MDTBOARD_REQUIRE_POSTGRES is set but {reason}")
        pytest.skip(reason)
    admin = _pg_admin()
    sep = "&" if "?" in POSTGRES_URL else "?"
    if _pg_free:
        schema, _fingerprint = _pg_free.pop()
        url = f"{POSTGRES_URL}{sep}options=-csearch_path%3D{schema}"
    else:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with admin.begin() as conn:
            conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        url = f"{POSTGRES_URL}{sep}options=-csearch_path%3D{schema}"
        prepare_at_head(url)
        with admin.begin() as conn:
            _pg_fingerprints[schema] = _pg_fingerprint(conn, schema)
    _AT_HEAD.add(url)
    try:
        yield url
    finally:
        drain_operations()
        _AT_HEAD.discard(url)
        if _emptied(admin, schema):
            _pg_free.append((schema, _pg_fingerprints[schema]))
        else:
            _pg_fingerprints.pop(schema, None)
            with admin.begin() as conn:
                conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _emptied(admin: sa.Engine, schema: str) -> bool:
    """Whether the tables of ``schema`` were emptied for the next test (False: it is to be dropped). Rows are
    deleted (the children's first) rather than truncated: on a few rows that is many times faster."""
    from mdtboard.storage.models import Base

    try:
        with admin.begin() as conn:
            conn.exec_driver_sql("SET LOCAL lock_timeout = '5s'")
            conn.exec_driver_sql("SET LOCAL synchronous_commit = off")  # a test's rows: nothing to keep
            if _pg_fingerprint(conn, schema) != _pg_fingerprints[schema]:
                return False
            conn.exec_driver_sql("; ".join(
                f'DELETE FROM "{schema}"."{table.name}"' for table in reversed(Base.metadata.sorted_tables)
            ))
            conn.execute(sa.text(
                "SELECT setval(format('%I.%I', schemaname, sequencename), start_value, false)"
                " FROM pg_sequences WHERE schemaname = CAST(:name AS name) AND last_value IS NOT NULL"
            ), {"name": schema}).all()
        return True
    except sa.exc.DBAPIError:  # a lock still held by what the test left running, a key: start afresh
        return False


@pytest.fixture(scope="session", autouse=True)
def _drop_reused_postgres_schemas() -> Iterator[None]:
    yield
    if _pg_free:
        admin = _pg_admin()
        with admin.begin() as conn:
            for schema, _fingerprint in _pg_free:
                conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
        _pg_free.clear()


def prepare_at_head(url: str) -> None:
    from alembic import command

    from mdtboard.storage.db import alembic_config, create_engine
    from mdtboard.storage.models import Base

    engine = create_engine(url)
    try:
        Base.metadata.create_all(engine, checkfirst=False)
        command.stamp(alembic_config(engine), "head")
    finally:
        engine.dispose()


@pytest.fixture
def sqlite_database_url(tmp_path: Path) -> str:
    return sqlite_url(tmp_path / "mdtboard.sqlite3")


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    """A database at the current schema, with nothing in it. The tables are created from the models and
    stamped at head, which is several times faster than replaying every migration for each test; that the
    migrations build exactly these tables is tested in tests/unit/storage/test_migrations.py. That is done
    once a worker: on SQLite the file made then is copied, on PostgreSQL the schema is emptied after each
    test (see :func:`database_url`)."""
    if database_url not in _AT_HEAD:  # asked for by name (getfixturevalue): not made at head yet
        prepare_at_head(database_url)
    database = open_database(database_url)
    yield database
    drain_operations()  # nothing still reading or writing when the test's database goes
    database.dispose()


def drain_operations() -> None:
    """Wait until the background operations of the window (if any were started) have run: a reader still
    holding a connection would race the teardown (on PostgreSQL: DROP SCHEMA waits for its locks)."""
    import shiboken6

    ops = sys.modules.get("mdtboard.ui.ops")
    if ops is not None and ops._instance is not None and shiboken6.isValid(ops._instance):
        assert ops._instance.wait(30), "a background operation did not finish within 30 s"


@pytest.fixture
def services(db: Database) -> Services:
    return Services.on(db)


@pytest.fixture
def sample_bundle() -> dict[str, Any]:
    return json.loads(SAMPLE_CASES.read_text("utf-8"))  # type: ignore[no-any-return]


def table_snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to show that a failed operation changed nothing. Not the audit trail: it
    grows with every change, also with one undone by another (tests/unit/security checks it)."""
    from mdtboard.storage.models import Base

    out: dict[str, list[tuple[Any, ...]]] = {}
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in ("change_log", "audit_log"):  # logs of what was written, not stored data
                continue
            rows = conn.execute(sa.select(table)).all()
            out[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return out


def damage_last_page(path: Path) -> None:
    """Overwrite the header of a SQLite file's last page (a page of its last table filled), leaving its
    schema readable: only an integrity check finds the damage."""
    import sqlite3

    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    pages = path.stat().st_size // page_size
    with path.open("r+b") as f:
        f.seek((pages - 1) * page_size)
        f.write(b"\xff" * 32)


def sqlite_file_with_cases(path: Path, n: int) -> None:
    """A SQLite database at ``path`` holding ``n`` fictional cases with long names (CHK-0, CHK-1, ...)."""
    from mdtboard.domain.case import Case, Patient
    from mdtboard.services.context import open_services

    services = open_services(sqlite_url(path))
    for i in range(n):
        services.cases.create(
            Case(ref=f"CHK-{i}", fictional=True, patient=Patient("Long Name " * 20), title="Low back pain")
        )
    services.close()


def settle() -> None:
    """Let the background operations started (opening a plan, building a draft, signing) run, and deliver
    their outcomes on the GUI thread, and those of any operation an outcome starts in turn; a case opened
    in the case editor is shown whole (its later parts come a turn of the event loop each)."""
    from PySide6.QtWidgets import QApplication

    from mdtboard.ui import ops
    from mdtboard.ui.editing.steps import Steps

    operations = ops.operations()
    for _ in range(20):
        if not operations.busy:
            for _turn in range(1000):
                if not Steps.any_busy():
                    break
                QApplication.processEvents()
            if not operations.busy:
                return
        assert operations.wait(30), "a background operation did not finish within 30 s"
    raise AssertionError("background operations kept starting others")


class Holder:
    """Another connection holding the database (:func:`sqlite_locked`, :func:`held_for`), and whether a
    background operation is waiting for it: on SQLite once a thread other than the GUI's has connected or
    sent a statement to ``db`` since the hold began (the file is held whole: it waits from there), on
    PostgreSQL once a connection waits for the holder's lock."""

    def __init__(self, db: Database, release: Any, pg_pid: int | None = None) -> None:
        import threading

        from sqlalchemy import event

        self._release = release
        self._done = False
        self._lock = threading.Lock()
        self._pg_pid = pg_pid
        self._reached = False
        self._watcher: sa.Connection | None = None
        self._engine = db.engine
        self._event = event
        gui = threading.main_thread()

        def reached(*_args: Any) -> None:
            if threading.current_thread() is not gui:
                self._reached = True

        self._reached_fn = reached
        if pg_pid is None:
            event.listen(self._engine, "do_connect", reached)
            event.listen(self._engine, "before_cursor_execute", reached)

    def waited_for(self) -> bool:
        """Whether a background operation is waiting for the held database."""
        if self._pg_pid is None or self._reached:
            return self._reached
        if self._watcher is None:  # one connection for the hold: a new one each look is slow under load
            self._watcher = _pg_admin().connect()
        self._reached = bool(self._watcher.execute(sa.text(
            "SELECT count(*) FROM pg_stat_activity WHERE :pid = ANY(pg_blocking_pids(pid))"
        ), {"pid": self._pg_pid}).scalar_one())
        self._watcher.rollback()
        return self._reached

    @property
    def done(self) -> bool:
        """Whether the database was let go of."""
        return self._done

    def let_go(self) -> None:
        """Let go of the database now (from whichever thread comes first; once)."""
        with self._lock:
            if self._done:
                return
            self._done = True
            if self._pg_pid is None:
                self._event.remove(self._engine, "do_connect", self._reached_fn)
                self._event.remove(self._engine, "before_cursor_execute", self._reached_fn)
            self._release()

    def close(self) -> None:
        """Close the connection that looked for waiting ones (on the GUI thread, where it was opened)."""
        if self._watcher is not None:
            self._watcher.close()
            self._watcher.engine.dispose()
            self._watcher = None


def turn_until_waited(
    qtbot: Any, holder: Holder, ticks: Ticks, *, at_most_s: float, turns: int = 5, let_go: bool = False,
    then: int = 0,
) -> None:
    """Let the event loop turn until a background operation waits for the database ``holder`` holds and
    ``turns`` more turns have passed (the operation is waiting then, and the event loop turns meanwhile), at
    most ``at_most_s``; then, with ``let_go``, let go of the database and let the event loop turn ``then``
    more times (the operation goes on once the database is free). Instead of a fixed wait as long as the
    hold: the same did-it-block check (a GUI thread that waits for the database turns no more until the hold
    ends by itself, a gap as long as the hold), in a fraction of the time."""
    deadline = time.monotonic() + at_most_s

    def left_ms() -> int:
        return max(1, int((deadline - time.monotonic()) * 1000))

    with contextlib.suppress(Exception):  # pytest-qt's TimeoutError: the hold's time is up, as before
        qtbot.waitUntil(holder.waited_for, timeout=left_ms())
    start = ticks.count
    with contextlib.suppress(Exception):
        qtbot.waitUntil(lambda: ticks.count >= start + turns, timeout=left_ms())
    if let_go:
        holder.let_go()
        start = ticks.count
        qtbot.waitUntil(lambda: ticks.count >= start + then, timeout=10_000)


@contextlib.contextmanager
def sqlite_locked(db: Database, *others: Database) -> Iterator[Holder]:
    """Another program holds the SQLite file exclusively (nobody reads or writes it) until the block ends.

    The pooled connections of ``db`` and of the ``others`` on the same file are closed first, so that the
    holder can take the file in exclusive locking mode; in WAL mode that is what keeps readers out, not
    only writers."""
    import sqlite3

    path = sqlite_path(str(db.engine.url))
    assert path is not None, "sqlite_locked needs a SQLite database"
    for each in (db, *others):
        each.engine.dispose()
    holder = sqlite3.connect(path, isolation_level=None, timeout=5)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("SELECT count(*) FROM sqlite_master").fetchall()
        held = Holder(db, lambda: holder.execute("ROLLBACK"))
        try:
            yield held
        finally:
            held.let_go()
    finally:
        holder.close()


@contextlib.contextmanager
def held_for(
    db: Database, seconds: float, pg_tables: tuple[str, ...], others: tuple[Database, ...] = ()
) -> Iterator[Holder]:
    """Another connection holds the database for ``seconds`` (or until :meth:`Holder.let_go`), then lets go
    from a thread of its own (so that it goes even while the GUI thread waits for it); the block's end waits
    for that. On SQLite the whole file, exclusively (see :func:`sqlite_locked`: nobody reads or writes it);
    on PostgreSQL the ``pg_tables`` in EXCLUSIVE mode (read, but not written), well under its lock timeout.
    ``others``: other databases on the same SQLite file, whose pooled connections are closed first too."""
    import sqlite3
    import threading

    path = sqlite_path(str(db.engine.url))
    release: Any
    pid: int | None = None
    if path is not None:
        for each in (db, *others):
            each.engine.dispose()
        holder = sqlite3.connect(path, isolation_level=None, timeout=5, check_same_thread=False)
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("SELECT count(*) FROM sqlite_master").fetchall()

        def release() -> None:
            holder.execute("ROLLBACK")
            holder.close()
    else:
        engine = sa.create_engine(db.engine.url)
        conn = engine.connect()
        conn.exec_driver_sql(f"LOCK TABLE {', '.join(pg_tables)} IN EXCLUSIVE MODE")
        pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()

        def release() -> None:
            conn.rollback()
            conn.close()
            engine.dispose()

    held = Holder(db, release, pid)
    timer = threading.Timer(seconds, held.let_go)
    timer.start()
    try:
        yield held
    finally:
        if held.done:  # let go of already: not held again till the time is up
            timer.cancel()
        timer.join()
        held.close()


class Ticks:
    """Counts the turns of the event loop while an operation waits: a 10 ms timer, started on creation;
    :attr:`longest` is the longest gap between two turns (seconds), the stop counting as one."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.count = 0
        self.longest = 0.0
        self._last = time.monotonic()
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(10)

    def _tick(self) -> None:
        self.count += 1
        now = time.monotonic()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stop(self) -> None:
        self._tick()
        self.count -= 1
        self.timer.stop()
