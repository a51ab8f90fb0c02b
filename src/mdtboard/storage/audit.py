"""The audit trail: every change made through a session is recorded in the same transaction, tamper-evident.

:func:`install` hooks a session factory (``open_database`` does it). From then on, every session notes the
rows each write touches, as it happens:

- statements run with ``session.execute`` (``INSERT``/``UPDATE``/``DELETE``): the rows an ``UPDATE`` or
  ``DELETE`` will touch are read first, with the statement's own ``WHERE``; an ``INSERT ... RETURNING``
  gives the new ids;
- objects the session flushes (added, changed, deleted).

A record is a row of a table with a ``version`` column (a case, a conference, a care plan, an attendee…);
the rows of a table without one belong to the record their first ``ON DELETE CASCADE`` key points to (a
medication to its case, a goal to its plan), and count as a change of that record's part (``medications``).
Just before the session commits, each record touched is read again and compared with what it was: one
audit row per record changed, saying who (the operating-system user, and the account once accounts
exist), when, from which computer, what record (table, id, case), which fields and parts changed, and the
version before and after. Never the values: the trail holds no patient data and no restricted text.

Each audit row carries HMAC-SHA-256, under a key kept outside the database, over its content and the
previous row's hash; its id is the previous one plus one. :func:`verify` walks the chain and names the
first row that was edited, inserted, deleted or moved. The key: ``MDTBOARD_AUDIT_KEY_FILE``, else
``audit.key`` in the user's configuration folder, created owner-only on first use. A writer chains after
the last row as it last saw it, and inserts on condition that it is still the last; the row's id (the
primary key) is taken by one writer only, the others read the last row again and chain after it (see
:func:`append`), so the chain never forks.

Removing rows at the end of the trail leaves a shorter, valid chain: :func:`latest` gives the last row's id
and hash, to be printed on paper (the minutes) and compared later.

Here: noting what each write touches and working out the rows. Who acts and the key are in
:mod:`.audit_key`, chaining the rows onto the trail in :mod:`.audit_append`, reading it back (verifying it,
a case's history) in :mod:`.audit_chain`.
"""

from __future__ import annotations

import decimal
import enum
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker
from sqlalchemy.sql import operators

from mdtboard.storage.audit_append import GENESIS, TABLE, AuditBusyError, append, latest
from mdtboard.storage.audit_key import (
    CONTENT,
    ENV_KEY_FILE,
    Actor,
    AuditKeyError,
    Key,
    act_as,
    current_actor,
    derived_key,
    install_key,
    key_file,
    load_key,
    row_hash,
)
from mdtboard.storage.audit_rows import note_entry
from mdtboard.storage.models import Base

__all__ = [  # who acts, the key and the chaining are in their own modules; named here as before
    "CONTENT", "ENV_KEY_FILE", "GENESIS", "TABLE", "Actor", "AuditBusyError", "AuditKeyError", "Key",
    "act_as", "append", "current_actor", "derived_key", "install", "key_file", "latest", "load_key", "note",
    "row_hash",
]

log = logging.getLogger(__name__)

#: Tables never audited: the trail itself, the change feed, presence (who has what open, renewed every few
#: seconds), and the search index (derived from the cases).
NOT_AUDITED = frozenset(
    {"audit_log", "change_log", "presence", "case_search_tokens", "case_ref_tails", "case_search_words",
     "alembic_version"}
)
#: Columns whose change is not news: the version (said apart), the times of saving, which of a case's lists
#: were given (bookkeeping that follows the lists, which are named themselves), and the first letters of its
#: search words (derived from its name, title and reference, which are named themselves).
QUIET = frozenset({"version", "created_at", "updated_at", "given_lists", "search_letters"})
#: Tables with versions of their own that are nonetheless parts of another record: a case's prepared
#: discipline inputs are written again with every save of the case.
PART_OF = {"discipline_inputs": ("cases", "case_id")}
_INFO = "mdtboard_audit"


# ------------------------------------------------------------------------------- what a table is part of
@dataclass(frozen=True)
class Shape:
    """How a table is audited: a record of its own (``pk``), or a part of its ``parent`` by ``parent_key``."""

    table: sa.Table
    pk: str | None
    parent: str | None
    parent_key: str | None
    case_column: str | None


@cache
def shape(name: str) -> Shape | None:
    table = Base.metadata.tables.get(name)
    if table is None or name in NOT_AUDITED:
        return None
    case_column = "id" if name == "cases" else next(
        (c for c in ("case_id", "draft_case_id") if c in table.c), None
    )
    pks = [c.name for c in table.primary_key]
    if name in PART_OF:
        parent, parent_key = PART_OF[name]
        return Shape(table, None, parent, parent_key, None)
    if "version" in table.c and len(pks) == 1:
        return Shape(table, pks[0], None, None, case_column)
    for column in table.c:
        for fk in column.foreign_keys:
            if (fk.ondelete or "").upper() == "CASCADE":
                return Shape(table, None, fk.column.table.name, column.name, None)
    return Shape(table, pks[0], None, None, case_column) if len(pks) == 1 else None


# ---------------------------------------------------------------------------- noting what is touched
@dataclass
class Part:
    """The rows of one part of one record this transaction removed and added (normalised, see
    :func:`_norm`); ``changed`` once it is known to have changed otherwise (an UPDATE, an object flushed)."""

    removed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    changed: bool = False

    @property
    def differs(self) -> bool:
        return self.changed or sorted(self.removed) != sorted(self.added)


@dataclass
class Pending:
    """What one session's transaction touched so far: records (table, id) with their state before, and
    parts (table, parent id)."""

    records: dict[tuple[str, Any], dict[str, Any] | None] = field(default_factory=dict)
    parts: dict[tuple[str, Any], Part] = field(default_factory=dict)
    notes: list[dict[str, Any]] = field(default_factory=list)
    #: Records' rows as the last statement that changed them returned them (an ``UPDATE ... RETURNING``),
    #: so that they need not be read again before the commit; dropped when anything else changes them.
    after: dict[tuple[str, Any], dict[str, Any]] = field(default_factory=dict)
    #: Records whose state before is known only for the columns an UPDATE stated it changed (see
    #: :data:`CHANGE`): completed from the row as soon as another statement touches them.
    partial: set[tuple[str, Any]] = field(default_factory=set)

    def part(self, table: str, parent: Any) -> Part:
        found = self.parts.get((table, parent))
        if found is None:
            found = self.parts[(table, parent)] = Part()
        return found


def _pending(session: Session) -> Pending:
    found = session.info.get(_INFO)
    if found is None:
        found = session.info[_INFO] = Pending()
    assert isinstance(found, Pending)
    return found


def _as_dict(row: sa.Row[Any]) -> dict[str, Any]:
    return dict(row._mapping)


@cache
def _part_columns(name: str) -> tuple[sa.Column[Any], ...]:
    """The columns of a part compared: all but row ids and save times (the parent's key first)."""
    s = shape(name)
    assert s is not None and s.parent_key is not None
    skip = QUIET | {"id", s.parent_key}
    return (s.table.c[s.parent_key], *(c for c in s.table.c if c.name not in skip))


@cache
def _defaults(name: str) -> tuple[Any, ...]:
    """What a column left out of an INSERT's values holds: its scalar default, else None."""
    out = []
    for column in _part_columns(name):
        default = column.default
        arg = getattr(default, "arg", None) if default is not None else None
        out.append(None if callable(arg) or isinstance(arg, sa.ClauseElement) else arg)
    return tuple(out)


def _norm(value: Any) -> Any:
    """A value as it compares between what was read back and what a statement was given: enums by their
    value, numbers as floats (``2`` and ``2.0`` are the same dose)."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, enum.Enum):
        return _norm(value.value)
    if isinstance(value, int | float | decimal.Decimal):
        return float(value)
    return value


def _line(values: Iterable[Any]) -> str:
    return repr(tuple(_norm(v) for v in values))


def _param_sets(params: Any) -> list[dict[str, Any]]:
    if params is None:
        return [{}]
    if isinstance(params, dict):
        return [params]
    return [dict(p) for p in params] or [{}]


def _note_record(session: Session, s: Shape, pk: Any, before: dict[str, Any] | None) -> None:
    key = (s.table.name, pk)
    pending = _pending(session)
    if pk is None:
        return
    if key not in pending.records:
        pending.records[key] = before
    elif key in pending.partial:
        # known so far only for the columns an earlier UPDATE stated; ``before`` is the row as that UPDATE
        # left it, so the row as it was before the transaction is the two together
        pending.partial.discard(key)
        stated = pending.records[key] or {}
        pending.records[key] = {**(before or {}), **stated}


def _part_statement(state: ORMExecuteState, s: Shape) -> Any:
    """A part's rows change: DELETE gives back the rows it removes (RETURNING: no extra statement), INSERT
    is known from its values, UPDATE reads which records it will change first."""
    pending = _pending(state.session)
    name = s.table.name
    columns = _part_columns(name)
    stmt = state.statement
    if state.is_insert:
        defaults = _defaults(name)
        for params in _param_sets(state.parameters):
            values = [params.get(c.key, d) for c, d in zip(columns, defaults, strict=True)]
            pending.part(name, values[0]).added.append(_line(values))
        return None
    where = getattr(stmt, "whereclause", None)
    returning = state.session.get_bind().dialect.delete_returning
    if state.is_delete and returning and not getattr(stmt, "_returning", ()) and _is_single(state):
        removing = stmt.returning(*columns)  # type: ignore[attr-defined]
        frozen = state.invoke_statement(statement=removing).freeze()
        for row in frozen().all():
            pending.part(name, row[0]).removed.append(_line(row))
        return frozen()
    key = columns[0]
    query = sa.select(key).distinct()
    if where is not None:
        query = query.where(where)
    conn = state.session.connection()
    for params in _param_sets(state.parameters):
        for (parent,) in conn.execute(query, params):
            pending.part(name, parent).changed = True
    return None


def _is_single(state: ORMExecuteState) -> bool:
    params = state.parameters
    return params is None or isinstance(params, dict) or len(params) <= 1


#: An execution option of an ``UPDATE ... RETURNING`` of one record whose ``WHERE`` names the record's id and
#: the version its caller read: ``{"before": {...}, "after": {...}}``, the values of the columns it sets as
#: they were at that version and as it sets them (the id and the version read among ``before``). The
#: statement matches only if the stored row is still that version, so what it changes is known without
#: reading the row first: no ``SELECT`` before it, no columns added to what it returns. The version after
#: is read from what it returns.
CHANGE = "mdtboard_audit_change"


def _stated_change(state: ORMExecuteState, s: Shape) -> Any:
    """An UPDATE that states its change (:data:`CHANGE`): run as it is; if it matched, the record is noted
    with the stated columns before and after. None (not handled here) if it cannot be taken at its word:
    not one record, returning no version, or a record this transaction touched already."""
    change = state.execution_options.get(CHANGE)
    asked = tuple(getattr(state.statement, "_returning", ()) or ())
    if (change is None or not state.is_update or not _is_single(state) or s.pk is None
            or not any(getattr(c, "key", None) == "version" for c in asked)):
        return None
    before, after = change["before"], change["after"]
    key = (s.table.name, before[s.pk])
    pending = _pending(state.session)
    where = getattr(state.statement, "whereclause", None)
    if key in pending.records or not _names(where, s.table.c[s.pk], before[s.pk]) \
            or not _names(where, s.table.c.version, before["version"]):
        return None
    frozen = state.invoke_statement().freeze()
    rows = frozen().mappings().all()
    if len(rows) == 1:
        pending.records[key] = dict(before)
        pending.partial.add(key)
        pending.after[key] = {**after, s.pk: before[s.pk], "version": rows[0]["version"]}
    return frozen()


def _names(where: Any, column: sa.Column[Any], value: Any) -> bool:
    """Whether ``where`` holds only where ``column`` is ``value``: it is ``column = value``, or an AND of
    conditions one of which is."""
    if where is None:
        return False
    terms = [where]
    if isinstance(where, sa.BooleanClauseList):
        if where.operator is not operators.and_:
            return False
        terms = list(where.clauses)
    for term in terms:
        if (isinstance(term, sa.BinaryExpression) and term.operator is operators.eq
                and isinstance(term.left, sa.Column) and term.left.table is column.table
                and term.left.name == column.name
                and isinstance(term.right, sa.BindParameter) and term.right.value == value):
            return True
    return False


def _before_change(state: ORMExecuteState, s: Shape) -> Any:
    """Before an UPDATE or DELETE of records: read the rows its WHERE names (their state before).

    An UPDATE that returns columns (its caller reads rows, not a row count) is run here with the table's
    columns added to what it returns: the records' rows after it, kept for the commit
    (:attr:`Pending.after`); its caller gets the columns it asked for. On PostgreSQL that UPDATE also
    returns the rows before it, joined as they were when the statement began (``UPDATE ... FROM`` the
    table itself), instead of a SELECT sent before it: one round trip to the server, not two."""
    where = getattr(state.statement, "whereclause", None)
    pending = _pending(state.session)
    name = s.table.name
    asked = tuple(getattr(state.statement, "_returning", ()) or ())
    returning = state.is_update and asked and _is_single(state) and all(map(_is_column, asked))
    joined = returning and where is not None and state.session.get_bind().dialect.name == "postgresql"
    if not joined:
        conn = state.session.connection()
        for params in _param_sets(state.parameters):
            query = sa.select(s.table)
            if where is not None:
                query = query.where(where)
            for row in conn.execute(query, params):
                values = _as_dict(row)
                _note_record(state.session, s, values[s.pk], values)  # type: ignore[index]
                pending.after.pop((name, values[s.pk]), None)  # type: ignore[index]
    if not returning:
        return None
    names = [c.name for c in s.table.c]
    width = len(names)
    statement: Any = state.statement
    if joined:
        before = s.table.alias("audit_before")
        pk = s.pk
        assert pk is not None
        statement = statement.where(s.table.c[pk] == before.c[pk]).returning(*before.c)
    frozen = state.invoke_statement(statement=statement.returning(*s.table.c)).freeze()
    for row in frozen().all():
        got = tuple(row)
        after = dict(zip(names, got[-width:], strict=True))
        key = after[s.pk]  # type: ignore[index]
        if joined:
            pending.after.pop((name, key), None)
            _note_record(state.session, s, key, dict(zip(names, got[-2 * width:-width], strict=True)))
        pending.after[(name, key)] = after
    return frozen().columns(*range(len(asked)))


def _is_column(element: Any) -> bool:
    inner = element.__clause_element__() if hasattr(element, "__clause_element__") else element
    return isinstance(inner, sa.ColumnElement)


def _on_execute(state: ORMExecuteState) -> Any:
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    table = getattr(state.statement, "table", None)
    s = shape(getattr(table, "name", "")) if table is not None else None
    if s is None:
        return None
    if s.parent is not None:
        return _part_statement(state, s)
    if state.is_update and CHANGE in state.execution_options:
        done = _stated_change(state, s)
        if done is not None:
            return done
    if state.is_update or state.is_delete:
        return _before_change(state, s)
    # INSERT of records
    param_sets = _param_sets(state.parameters)
    given = [p.get(s.pk) for p in param_sets]  # type: ignore[arg-type]
    if all(pk is not None for pk in given):
        for pk in given:
            _note_record(state.session, s, pk, None)
        return None
    if not getattr(state.statement, "_returning", ()):
        log.warning("an insert into %s gave no ids: its audit record has none", s.table.name)
        _pending(state.session).notes.append({"action": "insert", "record_type": s.table.name})
        return None
    frozen = state.invoke_statement().freeze()
    seen = frozen()
    pk = s.pk
    if pk is not None and pk in list(seen.keys()):
        for row in seen.mappings():
            _note_record(state.session, s, row[pk], None)
    return frozen()


def _before_flush(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    conn = session.connection()
    pending = _pending(session)
    for obj in [*session.dirty, *session.deleted, *session.new]:
        table = getattr(getattr(obj, "__table__", None), "name", None)
        s = shape(table) if table else None
        if s is None:
            continue
        insp = sa.inspect(obj)
        if s.parent is not None:
            attr = s.parent_key
            assert attr is not None
            if obj in session.dirty and not session.is_modified(obj):
                continue
            history = insp.attrs[attr].history if attr in insp.attrs else None
            for parent in {getattr(obj, attr, None), *(history.deleted if history else ())}:
                if parent is not None:
                    pending.part(s.table.name, parent).changed = True
        elif obj not in session.new:
            pk = insp.identity[0] if insp.identity else None
            key = (s.table.name, pk)
            pending.after.pop(key, None)
            if pk is not None and s.pk is not None and (key not in pending.records or key in pending.partial):
                row = conn.execute(sa.select(s.table).where(s.table.c[s.pk] == pk)).first()
                _note_record(session, s, pk, _as_dict(row) if row is not None else None)


def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    for obj in session.new:
        table = getattr(getattr(obj, "__table__", None), "name", None)
        s = shape(table) if table else None
        if s is None or s.parent is not None:
            continue
        _note_record(session, s, getattr(obj, s.pk, None), None)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- writing the audit rows
def _changes(session: Session) -> list[dict[str, Any]]:
    """One entry per record changed in this transaction: compared with its state before."""
    pending = _pending(session)
    conn = session.connection()
    entries: dict[tuple[str, Any], dict[str, Any]] = {}
    now_rows: dict[tuple[str, Any], dict[str, Any] | None] = {}

    def current(name: str, pk: Any) -> dict[str, Any] | None:
        key = (name, pk)
        if key in pending.after:
            return pending.after[key]
        if key not in now_rows:
            s = shape(name)
            row = None
            if s is not None and s.pk is not None:
                row = conn.execute(sa.select(s.table).where(s.table.c[s.pk] == pk)).first()
            now_rows[key] = _as_dict(row) if row is not None else None
        return now_rows[key]

    for (name, pk), before in pending.records.items():
        after = current(name, pk)
        if before is None and after is None:
            continue  # made and removed in one go
        fields: list[str] = []
        if before is None:
            action = "insert"
        elif after is None:
            action = "delete"
        else:
            action = "update"
            fields = sorted(k for k in after if k not in QUIET and after[k] != before.get(k))
            if not fields and after.get("version") == before.get("version"):
                continue
        entries[(name, pk)] = {"action": action, "fields": fields, "before": before, "after": after}
    for (part, parent_id), change in pending.parts.items():
        s = shape(part)
        assert s is not None and s.parent is not None
        if not change.differs:
            continue
        entry = entries.get((s.parent, parent_id))
        if entry is None:
            after = current(s.parent, parent_id)
            if after is None:
                continue  # the parent is gone: its deletion is the news
            entry = entries[(s.parent, parent_id)] = {
                "action": "update", "fields": [], "before": after, "after": after,
            }
        if entry["action"] != "delete" and part not in entry["fields"]:
            entry["fields"].append(part)
    out: list[dict[str, Any]] = []
    for (name, pk), entry in entries.items():
        s = shape(name)
        before, after = entry["before"], entry["after"]
        either = after or before or {}
        case_id = either.get(s.case_column) if s is not None and s.case_column else None
        out.append({
            "action": entry["action"],
            "record_type": name,
            "record_id": str(pk),
            "case_id": case_id if isinstance(case_id, int) else None,
            "fields": json.dumps(sorted(entry["fields"])),
            "old_version": (before or {}).get("version") if entry["action"] != "insert" else None,
            "new_version": (after or {}).get("version") if entry["action"] != "delete" else None,
        })
    for note in pending.notes:
        out.append({"record_id": None, "case_id": None, "fields": "[]", "old_version": None,
                    "new_version": None, **note})
    return out


def _before_commit(session: Session) -> None:
    session.flush()  # objects added but not flushed yet are noted now
    if _INFO not in session.info:
        return
    entries = _changes(session)
    append(session.connection(), entries)
    session.info.pop(_INFO, None)


def _forget(session: Session, *_args: object) -> None:
    session.info.pop(_INFO, None)


def note(session: Session, action: str, record_type: str, record_id: Any = None, *,
         case_id: int | None = None, fields: Iterable[str] = ()) -> None:
    """Record an event that changes no row (a read of restricted text, an export) with this session's
    transaction; the session must be committed (a unit of work)."""
    _pending(session).notes.append(note_entry(action, record_type, record_id, case_id=case_id, fields=fields))


def install(sessions: sessionmaker[Session]) -> None:
    """Audit every session ``sessions`` makes (the key is read, or made, now: a missing key fails here)."""
    install_key()
    event.listen(sessions, "do_orm_execute", _on_execute)
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "before_commit", _before_commit)
    event.listen(sessions, "after_commit", _forget)
    event.listen(sessions, "after_rollback", _forget)
    event.listen(sessions, "after_soft_rollback", _forget)
