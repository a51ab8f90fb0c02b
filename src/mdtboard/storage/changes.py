"""The change feed, written centrally: every committed unit of work records which records it changed.

:func:`install` puts three session hooks on a session factory, so that no service has to remember it:

- every ORM flush (``after_flush``) and every insert, update or delete statement run through the session
  (``do_orm_execute``) notes the rows it touches, as references to their parents (a medication is its
  case's, an attendee its conference's, a sign-off its care plan's);
- just before the commit (``before_commit``) those references are resolved to the records the program
  follows (:data:`ROOTS`: cases, conferences, care plans, teaching-case reviews), their versions read, and
  one :class:`ChangeLogRow` written per record, in the same transaction, by the statement that reads the
  versions. On PostgreSQL that one statement takes a transaction-level advisory lock first, so that change
  ids are in commit order (a reader that has seen change N has seen every change before it), and wakes the
  listeners with ``pg_notify`` (the ids only);
- after the commit (``after_commit``) the program's own watchers are woken at once (:func:`on_commit`).

A statement whose rows cannot be told (no id in its WHERE clause) is logged as "some records of this kind"
(``record_id`` None), and so is a transaction touching more than :data:`MANY` records of a kind: a view
then reloads what it shows of that kind. Nothing of a record's text is logged.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker
from sqlalchemy.sql import operators, visitors

from mdtboard.domain.changes import CARE_PLAN, CASE, CONFERENCE, EVERYTHING, TEACHING_REVIEW, Change
from mdtboard.storage.change_models import ChangeLogRow
from mdtboard.storage.models import Base

log = logging.getLogger(__name__)

#: The tables whose records the program follows, and the kind the change feed calls them.
ROOTS = {
    "cases": CASE, "conferences": CONFERENCE, "care_plans": CARE_PLAN, "teaching_reviews": TEACHING_REVIEW
}
#: Past this many records of one kind in one transaction (an import), one row says "some records".
MANY = 200
#: Change-log rows are kept this long: a PC asleep over a long weekend still catches up change by change.
KEEP = timedelta(days=4)
#: The PostgreSQL channel is this prefix and the schema, so that two databases in one server stay apart.
CHANNEL_PREFIX = "mdtboard_changes_"

_KEY = "mdtboard_changes"
#: A column's value that is not known (as opposed to None, a reference to nothing).
UNKNOWN = object()
_BUSY = "mdtboard_changes_busy"


def _new_client_id() -> str:
    host = socket.gethostname().split(".")[0][:40] or "pc"
    return f"{host}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


#: Who writes: this program (host, process, a random part). Part of every change it logs.
CLIENT_ID = _new_client_id()


# -- which rows belong to which records ------------------------------------------------------------------
def _routes(table: sa.Table) -> list[tuple[str, str]]:
    """(column, parent table) pairs leading a row of ``table`` to the records it belongs to."""
    if table.name in ROOTS:
        return [("id", table.name)]
    found = []
    for column in table.columns:
        for fk in column.foreign_keys:
            if fk.column.name == "id":
                found.append((column.name, fk.column.table.name))
    return found


#: Tables not in the change feed: the log itself, and presence (renewed every few seconds, read by polling).
UNLOGGED = frozenset({ChangeLogRow.__tablename__, "presence"})
ROUTES: dict[str, list[tuple[str, str]]] = {
    t.name: _routes(t) for t in Base.metadata.sorted_tables if t.name not in UNLOGGED
}


def _roots_of(table: str, seen: frozenset[str] = frozenset()) -> set[str]:
    if table in ROOTS:
        return {table}
    found: set[str] = set()
    for _column, parent in ROUTES.get(table, []):
        if parent not in seen:
            found |= _roots_of(parent, seen | {table})
    return found


@dataclass
class _Noted:
    """Rows touched in one transaction: ids of rows of a table (roots or parents still to resolve)."""

    refs: dict[str, set[int | None]] = field(default_factory=dict)

    def add(self, table: str, row_id: Any) -> None:
        self.refs.setdefault(table, set()).add(row_id if isinstance(row_id, int) else None)

    def row(self, table: str, values: Callable[[str], Any]) -> None:
        """A row of ``table``: its route columns' values from ``values`` (:data:`UNKNOWN` when not known;
        None, a reference to nothing, is left out)."""
        for column, parent in ROUTES.get(table, []):
            value = values(column)
            if value is not None:
                self.add(parent, value)


def _noted(session: Session) -> _Noted:
    noted = session.info.get(_KEY)
    if noted is None:
        noted = session.info[_KEY] = _Noted()
    return noted


# -- noting: ORM flushes ----------------------------------------------------------------------------------
def _after_flush(session: Session, _context: Any) -> None:
    noted = None
    new = set(map(id, session.new))
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(obj, "__table__", None)
        if table is None or table.name not in ROUTES:
            continue
        noted = noted or _noted(session)
        state = sa.inspect(obj)
        mapper = state.mapper

        missing = None if id(obj) in new else UNKNOWN  # a new row's column not given is NULL

        def value(
            column: str, state: Any = state, mapper: Any = mapper, table: Any = table, missing: Any = missing
        ) -> Any:
            key = mapper.get_property_by_column(table.c[column]).key
            return state.dict.get(key, missing)

        noted.row(table.name, value)


# -- noting: statements -----------------------------------------------------------------------------------
def _where_values(clause: Any, table: str, columns: set[str]) -> dict[str, list[Any]]:
    """Values compared with ``==`` or ``IN`` to the route columns of ``table`` in a WHERE clause."""
    found: dict[str, list[Any]] = {}
    if clause is None:
        return found
    for node in visitors.iterate(clause):
        if not isinstance(node, sa.BinaryExpression):
            continue
        left, right = node.left, node.right
        if not (isinstance(left, sa.Column) and left.table is not None and left.table.name == table):
            continue
        if left.name not in columns or not isinstance(right, sa.BindParameter):
            continue
        value = right.effective_value
        if node.operator is operators.eq:
            found.setdefault(left.name, []).append(value)
        elif node.operator is operators.in_op and isinstance(value, list | tuple):
            found.setdefault(left.name, []).extend(value)
    return found


def _statement_table(statement: Any) -> sa.Table | None:
    table = getattr(statement, "table", None)
    name = getattr(table, "name", None)
    if name is None or name not in ROUTES:
        return None
    return table


def _do_orm_execute(state: ORMExecuteState) -> Any:
    if not (state.is_insert or state.is_update or state.is_delete) or state.session.info.get(_BUSY):
        return None
    table = _statement_table(state.statement)
    if table is None:
        return None
    name = table.name
    routes = ROUTES[name]
    noted = _noted(state.session)
    if state.is_insert:
        params: Any = state.parameters
        rows: list[Any] = params if isinstance(params, list) else [params] if params else []
        values = getattr(state.statement, "_values", None) or {}
        stated = {getattr(k, "key", k): v for k, v in values.items()}
        given = [{**stated, **(row or {})} for row in rows or [{}]]
        if name in ROOTS and not any(row.get("id") for row in given):
            return _insert_returning_ids(state, noted, name)
        for row in given:
            noted.row(name, _getter(row))
        return None
    columns = {column for column, _parent in routes} | {"id"}
    found = _where_values(getattr(state.statement, "whereclause", None), name, columns)
    if any(found.get(column) for column, _parent in routes):  # the rows' records, by the routes it names
        for column, parent in routes:
            for value in found.get(column) or []:
                noted.add(parent, value)
        return None
    if found.get("id"):  # a child row by its own id: find what it belongs to before it changes
        _resolve_rows(state.session, noted, name, found["id"])
        return None
    for _column, parent in routes:
        noted.add(parent, None)
    return None


def _getter(row: dict[str, Any]) -> Callable[[str], Any]:
    return lambda column: row.get(column, UNKNOWN)


def _insert_returning_ids(state: ORMExecuteState, noted: _Noted, table: str) -> Any:
    """An insert of records whose ids the database gives: read them from its RETURNING rows, if any."""
    statement = state.statement
    returning = getattr(statement, "_returning", ()) or ()
    if not any(getattr(col, "name", None) == "id" for col in returning):
        noted.add(table, None)
        return None
    frozen = state.invoke_statement().freeze()
    result = frozen()
    keys = list(result.keys())
    index = keys.index("id") if "id" in keys else 0
    for row in result.all():
        noted.add(table, row[index])
    return frozen()


def _resolve_rows(session: Session, noted: _Noted, table: str, ids: Iterable[Any]) -> None:
    """Note the parents of rows of ``table`` (non-root) by reading their route columns."""
    routes = ROUTES.get(table, [])
    known = [i for i in ids if isinstance(i, int)]
    if not routes or not known:
        return
    if len(known) > MANY:
        for _column, parent in routes:
            noted.add(parent, None)
        return
    tbl = Base.metadata.tables[table]
    cols = [tbl.c[column] for column, _parent in routes]
    session.info[_BUSY] = True
    try:
        rows = session.execute(sa.select(tbl.c.id, *cols).where(tbl.c.id.in_(known))).all()
    finally:
        session.info.pop(_BUSY, None)
    missing = set(known) - {row[0] for row in rows}
    for row in rows:
        for (_column, parent), value in zip(routes, row[1:], strict=True):
            noted.add(parent, value)
    if missing:
        for _column, parent in routes:
            noted.add(parent, None)


# -- writing the log --------------------------------------------------------------------------------------
def _resolve(session: Session, noted: _Noted) -> dict[str, set[int | None]]:
    """Root table -> record ids (None: some records of it), following parents until only roots remain."""
    roots: dict[str, set[int | None]] = {}
    pending = dict(noted.refs)
    for _depth in range(4):
        if not pending:
            break
        later = _Noted()
        for table, ids in pending.items():
            if table in ROOTS:
                roots.setdefault(table, set()).update(ids)
                continue
            if None in ids:
                for root in _roots_of(table):
                    roots.setdefault(root, set()).add(None)
            _resolve_rows(session, later, table, [i for i in ids if i is not None])
        pending = later.refs
    return roots


def _before_commit(session: Session) -> None:
    if session.info.get(_BUSY):
        return
    session.flush()  # pending ORM changes are noted by their flush
    noted = session.info.pop(_KEY, None)
    if noted is None or not noted.refs:
        return
    session.info[_BUSY] = True
    try:
        _write(session, noted)
    finally:
        session.info.pop(_BUSY, None)


def _write(session: Session, noted: _Noted) -> None:
    """One change-log row per record changed (and one "some records" row per kind that cannot be told),
    each with the record's version as it is now: read by the statement that writes the rows."""
    roots = _resolve(session, noted)
    now = datetime.now(UTC)
    wanted: list[tuple[str, int | None]] = []  # (root table, record id; None: some records of it)
    for table, ids in sorted(roots.items()):
        named = sorted(i for i in ids if i is not None)
        if None in ids or len(named) > MANY:
            wanted.append((table, None))
            if len(named) > MANY:
                continue
        wanted.extend((table, record_id) for record_id in named)
    if not wanted:
        return
    if session.get_bind().dialect.name == "postgresql":
        logged = _write_postgresql(session, wanted, now)
    else:
        logged = _write_sqlite(session, wanted, now)
    session.info["mdtboard_logged"] = logged


#: PostgreSQL: the change-log rows in one statement (one round trip to the server): the transaction-level
#: advisory lock first, so that change ids are in commit order (the next writer takes its ids after this
#: one has committed; a reader that has seen change N has seen every change before it), the versions read,
#: the rows written, and the listeners woken with the ids only.
_PG_WRITE = sa.text(f"""
WITH held AS MATERIALIZED (
    SELECT pg_advisory_xact_lock(hashtext(:prefix || current_schema())) AS lock
), wanted AS (
    SELECT w.tbl, w.record_id, w.n
    FROM unnest(CAST(:tables AS text[]), CAST(:ids AS integer[])) WITH ORDINALITY AS w(tbl, record_id, n)
), found AS (
    SELECT w.n, w.tbl, w.record_id, CASE w.tbl {" ".join(
        f"WHEN '{table}' THEN (SELECT r.version FROM {table} r WHERE r.id = w.record_id)" for table in ROOTS
    )} END AS version
    FROM wanted w CROSS JOIN held
), logged AS (
    INSERT INTO change_log (kind, record_id, version, deleted, client, at)
    SELECT CASE f.tbl {" ".join(f"WHEN '{table}' THEN '{kind}'" for table, kind in ROOTS.items())} END,
           f.record_id, f.version, f.record_id IS NOT NULL AND f.version IS NULL, :client, :at
    FROM found f ORDER BY f.n
    RETURNING id
)
SELECT count(*), pg_notify(:prefix || current_schema(), min(id) || '-' || max(id)) FROM logged
""").bindparams(sa.bindparam("at", type_=ChangeLogRow.__table__.c.at.type))  # noqa: S608 - fixed names


def _write_postgresql(session: Session, wanted: list[tuple[str, int | None]], now: datetime) -> int:
    count, _notified = session.execute(_PG_WRITE, {
        "prefix": CHANNEL_PREFIX, "tables": [t for t, _i in wanted], "ids": [i for _t, i in wanted],
        "client": CLIENT_ID, "at": now,
    }).one()
    return int(count)


def _write_sqlite(session: Session, wanted: list[tuple[str, int | None]], now: datetime) -> int:
    """SQLite (no round trips: the statements are calls in this process; the write transaction is
    exclusive, so ids are in commit order): per kind, the named records that exist are written with their
    versions read by the insert itself; those gone, and "some records" rows, by one more insert."""
    t = ChangeLogRow.__table__
    logged = 0
    rest: list[dict[str, Any]] = []
    for table in dict.fromkeys(table for table, _i in wanted):
        kind = ROOTS[table]
        named = [i for tbl, i in wanted if tbl == table and i is not None]
        if any(tbl == table and i is None for tbl, i in wanted):
            rest.append(_row(kind, None, None, False, now))
        if not named:
            continue
        root = Base.metadata.tables[table]
        rows = sa.select(
            sa.literal(kind, t.c.kind.type), root.c.id, root.c.version, sa.false(),
            sa.literal(CLIENT_ID, t.c.client.type), sa.literal(now, t.c.at.type),
        ).where(root.c.id.in_(named)).order_by(root.c.id)
        found = session.execute(
            sa.insert(ChangeLogRow)
            .from_select(["kind", "record_id", "version", "deleted", "client", "at"], rows)
            .returning(ChangeLogRow.record_id)
        ).scalars().all()
        logged += len(found)
        rest.extend(_row(kind, i, None, True, now) for i in sorted(set(named) - set(found)))
    if rest:
        session.execute(sa.insert(ChangeLogRow), rest)
        logged += len(rest)
    return logged


def _row(
    kind: str, record_id: int | None, version: int | None, deleted: bool, now: datetime
) -> dict[str, Any]:
    return {"kind": kind, "record_id": record_id, "version": version, "deleted": deleted,
            "client": CLIENT_ID, "at": now}


# -- after the commit: wake this program's watchers -------------------------------------------------------
_COMMIT_LISTENERS: list[Callable[[], None]] = []


def on_commit(listener: Callable[[], None]) -> Callable[[], None]:
    """Call ``listener`` (on the committing thread) after every commit of this program that logged a
    change; returns the function that stops it."""
    _COMMIT_LISTENERS.append(listener)

    def remove() -> None:
        if listener in _COMMIT_LISTENERS:
            _COMMIT_LISTENERS.remove(listener)

    return remove


def _after_commit(session: Session) -> None:
    if not session.info.pop("mdtboard_logged", 0):
        return
    for listener in list(_COMMIT_LISTENERS):
        try:
            listener()
        except Exception:  # a watcher's fault must not fail the save that has been committed
            log.exception("a change listener failed")


def _after_rollback(session: Session) -> None:
    session.info.pop(_KEY, None)
    session.info.pop("mdtboard_logged", None)


def install(sessions: sessionmaker[Session]) -> None:
    """Log the changes of every transaction of sessions made by ``sessions``."""
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "do_orm_execute", _do_orm_execute)
    event.listen(sessions, "before_commit", _before_commit)
    event.listen(sessions, "after_commit", _after_commit)
    event.listen(sessions, "after_rollback", _after_rollback)


# -- reading ----------------------------------------------------------------------------------------------
def to_change(row: Any) -> Change:
    at = row.at
    if isinstance(at, datetime) and at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return Change(int(row.id), row.kind, row.record_id, row.version, bool(row.deleted), row.client, at)


def changes_since(session: Session, since: int, limit: int = 1000) -> list[Change]:
    """The changes after change ``since``, oldest first; one :data:`EVERYTHING` change first when the log no
    longer reaches back to ``since`` (pruned meanwhile)."""
    t = ChangeLogRow
    rows = session.execute(
        sa.select(t.id, t.kind, t.record_id, t.version, t.deleted, t.client, t.at)
        .where(t.id > since).order_by(t.id).limit(limit)
    ).all()
    found = [to_change(row) for row in rows]
    if since > 0:
        oldest = session.execute(sa.select(sa.func.min(t.id))).scalar_one_or_none()
        if oldest is not None and oldest > since + 1 and (not found or found[0].id == oldest):
            return [Change(oldest - 1, EVERYTHING, None, None, False, "", None), *found]
    return found


def latest(session: Session) -> int:
    """The id of the newest change (0 when none)."""
    return int(session.execute(sa.select(sa.func.coalesce(sa.func.max(ChangeLogRow.id), 0))).scalar_one())


def prune(session: Session, keep: timedelta = KEEP) -> int:
    """Delete change-log rows older than ``keep``, never the newest one; how many were deleted."""
    cutoff = datetime.now(UTC) - keep
    newest = latest(session)
    result = session.execute(
        sa.delete(ChangeLogRow).where(ChangeLogRow.at < cutoff, ChangeLogRow.id < newest)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
