"""Guards against faults under a running program: a SQLite file deleted or replaced, a silent network.

:class:`SqliteFileGuard` remembers the identity (device and inode) of the database file when it is first
opened and checks it before every new connection and every write transaction. SQLite itself would go on
writing into a deleted file (its open handle keeps the inode alive) and report success, and a new
connection would silently create an empty database in its place; with the guard, the write is refused with
:class:`DatabaseGoneError` before anything is written.

:class:`StatementDeadline` ends a PostgreSQL statement that has had no answer for :data:`DEADLINE_S`. The
server's own ``statement_timeout`` covers a slow query, and TCP keepalives a dead peer, but when the network
(or a proxy on the way) goes silent while a statement waits for its answer, nothing on the client side ends
the wait: the watchdog shuts the connection's socket down, the driver raises "server closed the connection",
the pool drops that connection and the save fails with a message instead of hanging for minutes.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from mdtboard.domain.errors import DatabaseGoneError

log = logging.getLogger(__name__)

#: Seconds a PostgreSQL statement (or commit) may wait for its answer before its connection is cut.
DEADLINE_S = 8.0
#: ... and the pool's ping of a connection before it is handed out (a new connection is then made, within
#: the connect timeout: a silent network fails the operation within ``PING_DEADLINE_S`` + 5 s).
PING_DEADLINE_S = 2.0
#: ... but not of a connection that answered a statement this recently (seconds): while someone types, a
#: save follows a save within 2 s, and the ping would be one more round trip to the server each time. A
#: connection that died in between fails its first statement instead, and the save is retried.
PING_AFTER_IDLE_S = 5.0
#: Execution option of a connection whose statements may take as long as they need (schema migrations).
NO_DEADLINE = "mdtboard_no_deadline"


class SqliteFileGuard:
    """The identity of one SQLite database file, checked before each connection and write."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._identity: tuple[int, int] | None = None
        self._lock = threading.Lock()
        #: Called before each write transaction, after the identity check (see ``db.OpeningChecks``): it
        #: waits while the file is being checked and raises if it was found damaged.
        self.write_gate: Callable[[], None] | None = None

    def _stat(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_dev, st.st_ino)

    def remember(self) -> None:
        """Take the identity of the file as it is now (once it exists), if not known yet."""
        with self._lock:
            if self._identity is None:
                self._identity = self._stat()

    def check(self) -> None:
        """Raise :class:`DatabaseGoneError` when the file is not the one first opened."""
        with self._lock:
            expected = self._identity
        if expected is None:
            return
        now = self._stat()
        if now is None:
            log.error("database file deleted under the running program")
            raise DatabaseGoneError(str(self.path), "deleted")
        if now != expected:
            log.error("database file replaced under the running program")
            raise DatabaseGoneError(str(self.path), "replaced by another file")

    def before_connect(self, *_args: Any) -> None:
        """``do_connect`` listener: refuse to connect (which would create an empty file) once it is gone."""
        self.check()
        self.remember()

    def after_connect(self, *_args: Any) -> None:
        """``connect`` listener: a new database file has just been created by the first connection."""
        self.remember()


_GUARDS: weakref.WeakKeyDictionary[Engine, SqliteFileGuard] = weakref.WeakKeyDictionary()


def sqlite_guard(engine: Engine) -> SqliteFileGuard | None:
    """The guard of a SQLite file's engine (None for other engines)."""
    return _GUARDS.get(engine)


def install_sqlite_guard(engine: Engine, path: Path) -> SqliteFileGuard:
    guard = SqliteFileGuard(path)
    guard.remember()
    _GUARDS[engine] = guard
    event.listen(engine, "do_connect", guard.before_connect)
    event.listen(engine, "connect", guard.after_connect)
    return guard


class StatementDeadline:
    """One thread that cuts PostgreSQL connections whose statement has waited past its deadline."""

    def __init__(self, seconds: float = DEADLINE_S) -> None:
        self.seconds = seconds
        self._running: dict[int, tuple[float, int]] = {}  # id(driver connection) -> (deadline, socket fd)
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self.cut = 0  # how many connections were cut (for tests and the log)
        #: When each driver connection last answered a statement (monotonic seconds).
        self.answered: weakref.WeakKeyDictionary[Any, float] = weakref.WeakKeyDictionary()

    # -- the events of the engine
    def start(self, conn: Any, *_args: Any) -> None:
        if conn.get_execution_options().get(NO_DEADLINE) or conn.invalidated:
            return  # an invalidated connection (cut, or lost) has nothing left to wait for
        self.watch(conn.connection.driver_connection)

    def watch(self, driver: Any, seconds: float | None = None) -> None:
        """Start the clock of a psycopg connection about to wait for an answer."""
        try:
            fd = int(driver.pgconn.socket)
        except Exception:  # no socket (closed connection): nothing to watch
            return
        with self._lock:
            self._running[id(driver)] = (time.monotonic() + (seconds or self.seconds), fd)
            if self._thread is None:
                self._thread = threading.Thread(target=self._watch, name="mdtboard-deadline", daemon=True)
                self._thread.start()

    def stop(self, conn: Any, *_args: Any) -> None:
        with contextlib.suppress(Exception):
            driver = conn.connection.driver_connection
            with self._lock:
                self._running.pop(id(driver), None)
            self.answered[driver] = time.monotonic()

    def answered_lately(self, driver: Any) -> bool:
        """Whether ``driver`` answered a statement within :data:`PING_AFTER_IDLE_S`."""
        try:
            return time.monotonic() - self.answered.get(driver, -1e9) < PING_AFTER_IDLE_S
        except TypeError:  # not weakly referable: always pinged
            return False

    def stop_error(self, context: Any) -> None:
        if context.connection is not None:
            self.stop(context.connection)

    def stop_pooled(self, dbapi_connection: Any, *_args: Any) -> None:
        with self._lock:
            self._running.pop(id(dbapi_connection), None)

    # -- the watching thread
    def _watch(self) -> None:
        while True:
            time.sleep(0.2)
            now = time.monotonic()
            with self._lock:
                late = [key for key, (deadline, _fd) in self._running.items() if deadline <= now]
                fds = [self._running.pop(key)[1] for key in late]
            for fd in fds:
                self.cut += 1
                log.warning("no answer from the database server in time: connection cut")
                _shut_down(fd)


def _shut_down(fd: int) -> None:
    """Shut a socket down (both ways) without closing the descriptor its owner still holds."""
    with contextlib.suppress(OSError):
        dup = os.dup(fd)
        sock = socket.socket(fileno=dup)
        try:
            sock.shutdown(socket.SHUT_RDWR)
        finally:
            sock.close()


def install_deadline(engine: Engine, seconds: float = DEADLINE_S) -> StatementDeadline:
    deadline = StatementDeadline(seconds)
    event.listen(engine, "before_cursor_execute", deadline.start)
    event.listen(engine, "after_cursor_execute", deadline.stop)
    event.listen(engine, "commit", deadline.start)
    event.listen(engine, "rollback", deadline.start)
    event.listen(engine, "handle_error", deadline.stop_error)
    event.listen(engine.pool, "checkin", deadline.stop_pooled)
    event.listen(engine.pool, "reset", deadline.stop_pooled)
    # The pool's ping before handing a connection out talks to the server without the events above. It is
    # left out for a connection that answered lately (:data:`PING_AFTER_IDLE_S`).
    ping = engine.dialect.do_ping

    def do_ping(dbapi_connection: Any) -> bool:
        if deadline.answered_lately(dbapi_connection):
            return True
        deadline.watch(dbapi_connection, PING_DEADLINE_S)
        try:
            return ping(dbapi_connection)
        finally:
            deadline.stop_pooled(dbapi_connection)

    engine.dialect.do_ping = do_ping  # type: ignore[method-assign]
    return deadline
