"""Presence: this program announces the records it has open, and learns who else has them open
(:mod:`mdtboard.domain.presence`). Each call is one short unit of work, made by the GUI's background
operations every few seconds."""

from __future__ import annotations

from collections.abc import Iterable

from mdtboard.domain.presence import TTL_S, Presence
from mdtboard.services.uow import read_only, unit_of_work
from mdtboard.storage import presence as store
from mdtboard.storage.audit import current_actor
from mdtboard.storage.changes import CLIENT_ID
from mdtboard.storage.db import Database


class PresenceService:
    def __init__(self, db: Database, *, client: str = CLIENT_ID) -> None:
        self.db = db
        self.client = client

    @staticmethod
    def who() -> str:
        """The name announced when nothing more precise is known (the signed-in person, else the
        operating-system user)."""
        return current_actor().name

    def announce(self, open_now: Iterable[Presence], ttl_s: float = TTL_S) -> None:
        """This program has ``open_now`` open (and nothing else), for ``ttl_s`` seconds unless renewed."""
        with unit_of_work(self.db) as session:
            store.announce(session, self.client, open_now, ttl_s)

    def exchange(self, open_now: Iterable[Presence], ttl_s: float = TTL_S) -> list[Presence]:
        """Announce ``open_now`` and return the other programs' presence on the same records."""
        mine = list(open_now)
        self.announce(mine, ttl_s)
        return self.others({p.key for p in mine})

    def others(self, records: Iterable[tuple[str, int]]) -> list[Presence]:
        """Other programs' presence, not expired, on ``records`` ((kind, id) pairs)."""
        with read_only(self.db) as session:
            return store.present(session, records, besides=self.client)

    def leave(self) -> None:
        """This program has nothing open any more (it closes)."""
        with unit_of_work(self.db) as session:
            store.leave(session, self.client)
