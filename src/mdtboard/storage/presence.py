"""Presence in the database: each program's announcements of the records it has open (see
:mod:`mdtboard.domain.presence`), each row valid until ``expires_at``.

Times are the server's on PostgreSQL (``now()``), so that PCs whose clocks differ agree on what has
expired; on SQLite every program is on one PC and shares its clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from mdtboard.domain.presence import Presence
from mdtboard.storage.change_models import PresenceRow

TABLE: sa.Table = PresenceRow.__table__  # type: ignore[assignment]
#: Rows expired longer ago than this are deleted by the next announcement of any program.
FORGET = timedelta(minutes=1)


def _now(session: Session) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return sa.func.now()
    return datetime.now(UTC)


def announce(session: Session, client: str, open_now: Iterable[Presence], ttl_s: float) -> None:
    """Replace ``client``'s announcements with ``open_now``, each valid ``ttl_s`` seconds from now."""
    now = _now(session)
    session.execute(sa.delete(TABLE).where(TABLE.c.client == client))
    session.execute(sa.delete(TABLE).where(TABLE.c.expires_at < now - FORGET))
    rows = {p.key: p for p in open_now}  # one row a record
    if rows:  # one multi-row INSERT; on PostgreSQL the expiry is the server's now() + ttl, in the statement
        expires = now + timedelta(seconds=ttl_s)
        session.execute(sa.insert(TABLE).values([
            {"client": client, "kind": p.kind, "record_id": p.record_id, "who": p.who[:200],
             "place": p.place[:80] if p.place else None, "typing": p.typing, "expires_at": expires}
            for p in rows.values()
        ]))


def leave(session: Session, client: str) -> None:
    """Forget every announcement of ``client`` (the program closes)."""
    session.execute(sa.delete(TABLE).where(TABLE.c.client == client))


def present(session: Session, records: Iterable[tuple[str, int]], *, besides: str = "") -> list[Presence]:
    """The announcements not expired on ``records`` ((kind, id) pairs) by programs other than ``besides``."""
    wanted = set(records)
    if not wanted:
        return []
    kinds = {kind for kind, _id in wanted}
    ids = {record_id for _kind, record_id in wanted}
    rows = session.execute(
        sa.select(TABLE.c.kind, TABLE.c.record_id, TABLE.c.who, TABLE.c.place, TABLE.c.typing, TABLE.c.client)
        .where(TABLE.c.kind.in_(kinds), TABLE.c.record_id.in_(ids), TABLE.c.client != besides,
               TABLE.c.expires_at > _now(session))
        .order_by(TABLE.c.kind, TABLE.c.record_id, TABLE.c.who, TABLE.c.client)
    ).all()
    return [Presence(kind, record_id, who, place, bool(typing), client)
            for kind, record_id, who, place, typing, client in rows if (kind, record_id) in wanted]
