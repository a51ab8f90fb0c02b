"""The change feed: what other programs (and this one) committed, for views that stay current.

Every unit of work logs the records it changed (:mod:`mdtboard.storage.changes`); this service reads that
log and starts the watcher that learns of new changes as they are committed (:mod:`mdtboard.storage.listen`:
PostgreSQL ``LISTEN``, SQLite ``PRAGMA data_version``, and this program's own commits directly).
"""

from __future__ import annotations

from collections.abc import Callable

from mdtboard.domain.changes import Change
from mdtboard.services.uow import read_only, unit_of_work
from mdtboard.storage import changes as log
from mdtboard.storage.db import Database
from mdtboard.storage.listen import Watcher

__all__ = ["CLIENT_ID", "ChangeService", "Watcher"]

#: This program, as the change log names it.
CLIENT_ID = log.CLIENT_ID


class ChangeService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def since(self, change_id: int, limit: int = 1000) -> list[Change]:
        """The changes committed after change ``change_id``, oldest first."""
        with read_only(self.db) as session:
            return log.changes_since(session, change_id, limit)

    def latest(self) -> int:
        """The number of the newest change (0 when nothing was ever changed)."""
        with read_only(self.db) as session:
            return log.latest(session)

    def prune(self) -> int:
        """Forget changes older than the time the log is kept; how many were forgotten."""
        with unit_of_work(self.db) as session:
            return log.prune(session)

    def watch(
        self,
        deliver: Callable[[list[Change]], None],
        *,
        since: int | None = None,
        on_state: Callable[[str], None] | None = None,
    ) -> Watcher:
        """Start a thread that calls ``deliver`` (on that thread) with each batch of changes committed after
        change ``since`` (the newest one when None), by any program; ``on_state`` hears "live" or why not."""
        watcher = Watcher(self.db.engine, deliver, since=since, on_state=on_state)
        watcher.start()
        return watcher
