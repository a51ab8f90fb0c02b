"""Learning of changes as they are committed, on a thread of its own (never the GUI thread).

A :class:`Watcher` holds one connection of its own, outside the engine's pool, and reads the change log
(:mod:`mdtboard.storage.change_models`) after the last change it has delivered:

- PostgreSQL: the connection is in autocommit and ``LISTEN``\\ s on the database's channel; a notification
  (ids only) wakes it at once. It also reads the log every :data:`HEARTBEAT_S` without one (a heartbeat and
  a slow fallback poll: a connection that died silently fails that query, helped by TCP keepalives, and a
  read with no answer for :data:`QUERY_DEADLINE_S` has its connection cut). After
  a connection is lost it reconnects (waiting longer each time, up to :data:`RETRY_MAX_S`) and reads the log
  from the last change it saw, since notifications sent meanwhile are lost.
- SQLite: ``PRAGMA data_version`` is asked every :data:`POLL_S`; it changes when another connection
  (another program, or this program's pool) committed.
- This program's own commits wake it directly (:func:`mdtboard.storage.changes.on_commit`).

Change ids are in commit order (see :mod:`mdtboard.storage.changes`), so "after the last one seen" misses
nothing; a log pruned past that point gives one :data:`~mdtboard.domain.changes.EVERYTHING` change.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import Engine

from mdtboard.domain.changes import EVERYTHING, Change
from mdtboard.storage import changes as change_log
from mdtboard.storage import cipher
from mdtboard.storage.db import BUSY_TIMEOUT_MS, PG_CONNECT_TIMEOUT_S, PG_KEEPALIVES, sqlite_path

log = logging.getLogger(__name__)

#: SQLite: how often ``PRAGMA data_version`` is asked (seconds).
POLL_S = 0.2
#: PostgreSQL: the log is read this often without a notification (heartbeat and fallback poll).
HEARTBEAT_S = 5.0
#: How long the PostgreSQL wait for a notification lasts before the thread looks at its stop flag.
WAIT_S = 0.25
#: Reconnecting waits this long after the first failure, doubling up to RETRY_MAX_S.
RETRY_FIRST_S = 0.5
RETRY_MAX_S = 10.0
#: Rows read at once.
BATCH = 1000
#: PostgreSQL: a read of the log without an answer this long cuts the connection (a network gone silent:
#: TCP keepalives do not notice a proxy or firewall that swallows everything), and it reconnects.
QUERY_DEADLINE_S = 5.0

_COLUMNS = "id, kind, record_id, version, deleted, client, at"


class Watcher:
    """A thread delivering the changes committed after change ``since`` (the newest when None), in order,
    to ``deliver`` (called on the thread). ``on_state`` hears "live" once connected, and a sentence when
    the connection was lost. :meth:`stop` ends it."""

    def __init__(
        self,
        engine: Engine,
        deliver: Callable[[list[Change]], None],
        *,
        since: int | None = None,
        on_state: Callable[[str], None] | None = None,
        poll_s: float = POLL_S,
        heartbeat_s: float = HEARTBEAT_S,
    ) -> None:
        self.engine = engine
        self.deliver = deliver
        self.last: int | None = since
        self.on_state = on_state
        self.poll_s = poll_s
        self.heartbeat_s = heartbeat_s
        self.postgres = engine.dialect.name == "postgresql"
        self.connections = 0  # how many times it connected (tests: a reconnect happened)
        self.backend_pid: int | None = None  # PostgreSQL: the listening connection's server process
        self._stop = threading.Event()
        self._poked = threading.Event()
        self._thread = threading.Thread(target=self._run, name="mdtboard-changes", daemon=True)
        self._remove_hook: Callable[[], None] | None = None

    # -- control
    def start(self) -> None:
        self._remove_hook = change_log.on_commit(self.poke)
        self._thread.start()

    def poke(self) -> None:
        """Read the log now (this program committed)."""
        self._poked.set()

    def stop(self, timeout: float = 3.0) -> None:
        if self._remove_hook is not None:
            self._remove_hook()
            self._remove_hook = None
        self._stop.set()
        self._poked.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    # -- the thread
    def _run(self) -> None:
        if not self.postgres and sqlite_path(str(self.engine.url)) is None:
            self._state("Live updates are not available for an in-memory database")
            return
        wait = RETRY_FIRST_S
        while not self._stop.is_set():
            conn: Any = None
            try:
                conn = self._connect()
                self.connections += 1
                self._catch_up(conn)
                self._state("live")
                wait = RETRY_FIRST_S
                if self.postgres:
                    self._listen_loop(conn)
                else:
                    self._poll_loop(conn)
            except Exception as exc:  # any failure of the connection: say so, reconnect, read what was missed
                if self._stop.is_set():
                    break
                reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                log.warning("change listener lost its connection (%s); reconnecting in %.1f s", reason, wait)
                self._state(f"Live updates paused ({reason}); reconnecting")
                self._stop.wait(wait)
                wait = min(wait * 2, RETRY_MAX_S)
            finally:
                if conn is not None:
                    try:
                        conn.close()
                    except Exception:  # closing a broken connection may fail too
                        log.debug("closing the listener connection failed", exc_info=True)

    def _state(self, text: str) -> None:
        if self.on_state is not None:
            self.on_state(text)

    def _connect(self) -> Any:
        if self.postgres:
            import psycopg

            url = self.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
            conn: Any = psycopg.connect(
                url,
                autocommit=True,
                connect_timeout=PG_CONNECT_TIMEOUT_S,
                application_name="mdtboard listener",
                **PG_KEEPALIVES,  # type: ignore[arg-type]
            )
            timer = threading.Timer(QUERY_DEADLINE_S, _cut, args=(conn,))
            timer.daemon = True
            timer.start()
            try:
                schema = conn.execute("SELECT current_schema()").fetchone()
                channel = change_log.CHANNEL_PREFIX + str(schema[0] if schema else "public")
                conn.execute(f'LISTEN "{channel}"')
            except BaseException:
                conn.close()  # not handed back: closed here
                raise
            finally:
                timer.cancel()
            self.backend_pid = conn.info.backend_pid
            return conn
        path = sqlite_path(str(self.engine.url))
        if path is None:
            raise RuntimeError("an in-memory SQLite database has no other writers to follow")
        key = cipher.engine_key(self.engine)
        if key is not None:  # an encrypted database: the same key as the engine's
            return cipher.connect(path, key, isolation_level=None)
        return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)

    def _poll_loop(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        while not self._stop.is_set():
            poked = self._poked.wait(self.poll_s)
            self._poked.clear()
            if self._stop.is_set():
                return
            now = conn.execute("PRAGMA data_version").fetchone()[0]
            if poked or now != version:
                version = now
                self._catch_up(conn)

    def _listen_loop(self, conn: Any) -> None:
        quiet_since = time.monotonic()
        while not self._stop.is_set():
            woken = False
            for _note in conn.notifies(timeout=WAIT_S, stop_after=1):
                woken = True
            if self._poked.is_set():
                self._poked.clear()
                woken = True
            if self._stop.is_set():
                return
            if woken or time.monotonic() - quiet_since >= self.heartbeat_s:
                self._catch_up(conn)
                quiet_since = time.monotonic()

    def _catch_up(self, conn: Any) -> None:
        """Deliver every change after :attr:`last` (the newest change becomes :attr:`last` the first time)."""
        if not self.postgres:
            self._read_log(conn)
            return
        timer = threading.Timer(QUERY_DEADLINE_S, _cut, args=(conn,))
        timer.daemon = True
        timer.start()
        try:
            self._read_log(conn)
        finally:
            timer.cancel()

    def _read_log(self, conn: Any) -> None:
        mark = "%s" if self.postgres else "?"
        if self.last is None:
            row = conn.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()
            self.last = int(row[0])
            return
        while True:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM change_log WHERE id > {mark} ORDER BY id LIMIT {BATCH}", (self.last,)
            ).fetchall()
            if not rows:
                return
            found = [_change(row) for row in rows]
            if found[0].id > self.last + 1 and self.last > 0:
                oldest = conn.execute("SELECT min(id) FROM change_log").fetchone()[0]
                if oldest == found[0].id:  # the changes in between were pruned: reload everything
                    found.insert(0, Change(oldest - 1, EVERYTHING, None, None, False, "", None))
            self.last = found[-1].id
            self.deliver(found)
            if len(rows) < BATCH:
                return


def _cut(conn: Any) -> None:
    """Shut the connection's socket down: the read waiting on it fails at once, and the watcher reconnects."""
    try:
        sock = socket.socket(fileno=os.dup(conn.fileno()))
    except (OSError, ValueError):
        return
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
    log.warning("change listener: no answer for %.0f s; its connection was cut", QUERY_DEADLINE_S)


def _change(row: tuple[Any, ...]) -> Change:
    id_, kind, record_id, version, deleted, client, at = row
    if isinstance(at, str):
        at = datetime.fromisoformat(at)
    if isinstance(at, datetime) and at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return Change(int(id_), kind, record_id, version, bool(deleted), client, at)
