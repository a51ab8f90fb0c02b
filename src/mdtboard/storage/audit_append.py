"""Chaining rows onto the audit trail: each row's id the previous one plus one, its HMAC over its content
and the previous row's hash (:func:`~mdtboard.storage.audit_key.row_hash`), inserted on condition that the
row it follows is still the last one, so that the chain never forks (see :func:`append`). The rows
themselves (one per record changed) are worked out by :mod:`mdtboard.storage.audit`."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from mdtboard.domain.errors import DatabaseError
from mdtboard.storage.audit_key import CONTENT, Actor, Key, current_actor, installed_key
from mdtboard.storage.audit_models import AuditRow
from mdtboard.storage.audit_rows import GENESIS as GENESIS  # named here as before
from mdtboard.storage.audit_rows import chained, now_text

TABLE: sa.Table = AuditRow.__table__  # type: ignore[assignment]


class AuditBusyError(DatabaseError):
    """Other programs kept adding to the trail while this one tried to (it may pass: retried)."""

    passing = True


#: The trail's last row (id, hash) as this program last wrote or read it, per engine: a writer chains after
#: it without reading it first, and the insert itself checks that it is still the last (see :func:`append`).
_heads: weakref.WeakKeyDictionary[sa.Engine, tuple[int, str]] = weakref.WeakKeyDictionary()
#: How many times :func:`append` reads the last row again before it gives up (each retry means another
#: writer's rows were committed in between: the trail moves on, this one chains after them).
ATTEMPTS = 100


def _insert_first(conn: sa.Connection, row: dict[str, Any], last_id: int, prev: str) -> bool:
    """Insert ``row`` (id ``last_id + 1``, chained after ``prev``) only if the trail's last row is still
    ``last_id`` with hash ``prev``: one statement, no lock and no read before it. The condition is read in
    the statement's snapshot; a row ``last_id + 1`` committed or being written by another transaction
    since is caught by the primary key (``ON CONFLICT DO NOTHING``: PostgreSQL waits for that transaction,
    then inserts nothing). True if inserted."""
    statement = _first_insert(conn.dialect.name, first=last_id == 0)
    params = {**{f"v_{n}": row[n] for n in _FIRST_NAMES}, "last_id": last_id, "prev": prev}
    result = conn.execute(statement, params, execution_options={"preserve_rowcount": True})
    return result.rowcount == 1


_FIRST_NAMES = (*CONTENT, "hash")


@functools.cache
def _first_insert(dialect: str, *, first: bool) -> Any:
    """The conditional insert of :func:`_insert_first`, built once per dialect with bound parameters (so
    that a save does not build it again, and SQLAlchemy's statement cache serves it)."""
    if first:
        holds = ~sa.exists(sa.select(TABLE.c.id))
    else:
        holds = sa.and_(
            sa.exists(sa.select(TABLE.c.id).where(TABLE.c.id == sa.bindparam("last_id"),
                                                  TABLE.c.hash == sa.bindparam("prev"))),
            ~sa.exists(sa.select(TABLE.c.id).where(TABLE.c.id > sa.bindparam("last_id"))),
        )
    given = sa.select(
        *(sa.bindparam(f"v_{n}", type_=TABLE.c[n].type).label(n) for n in _FIRST_NAMES)
    ).where(holds)
    from sqlalchemy.dialects.postgresql import insert as pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    dialect_insert: Any = pg_insert if dialect == "postgresql" else sqlite_insert
    return dialect_insert(TABLE).from_select(list(_FIRST_NAMES), given).on_conflict_do_nothing(
        index_elements=[TABLE.c.id]
    )


def append(conn: sa.Connection, entries: Iterable[dict[str, Any]], *, key: Key | None = None,
           actor: Actor | None = None) -> int:
    """Add ``entries`` (action, record_type, record_id, case_id, fields, old_version, new_version) to the
    trail on ``conn``, in its transaction, chained after the last row. The number added.

    The first row is inserted on condition that the last row is still the one this program knows
    (:func:`_insert_first`); when it is not (another program wrote meanwhile, or this program's last
    transaction was rolled back), the last row is read and the rows chained after it again. Once that
    first row is in, no other writer can chain after the same row (its id is taken; PostgreSQL makes
    others wait for this transaction), so the rest go in with a plain insert. One statement for a
    one-record change, none of them a lock or a read; the chain never forks."""
    entries = list(entries)
    if not entries:
        return 0
    key = key or installed_key()
    actor = actor or current_actor()
    at = now_text()
    engine = conn.engine
    head = _heads.get(engine)
    for _attempt in range(ATTEMPTS):
        if head is None:
            head = latest(conn)
        rows = chained(entries, head[0], head[1], key, actor, at)
        if _insert_first(conn, rows[0], *head):
            if len(rows) > 1:
                conn.execute(sa.insert(TABLE), rows[1:])
            _heads[engine] = (rows[-1]["id"], rows[-1]["hash"])
            return len(rows)
        head = None  # not the last row any more: read it
    raise AuditBusyError("The audit trail kept changing under this save; it was not saved. Try again.")


def latest(conn: sa.Connection) -> tuple[int, str]:
    """The last row's id and hash ((0, GENESIS) for an empty trail): printed on the minutes."""
    row = conn.execute(sa.select(TABLE.c.id, TABLE.c.hash).order_by(TABLE.c.id.desc()).limit(1)).first()
    return (row[0], row[1]) if row is not None else (0, GENESIS)
