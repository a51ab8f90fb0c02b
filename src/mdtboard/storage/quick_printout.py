"""Reading what a care plan's papers print from a SQLite file with the standard library's ``sqlite3`` alone,
and adding the export to the audit trail the same way, for the command line (``mdtboard care-plan --pdf``).

SQLAlchemy and the declarative models take longer to import than writing the paper takes, so on a plain
SQLite file at the program's schema the rows are read here and turned into domain objects by the very
functions that turn the ORM's rows into them (:mod:`mdtboard.storage.case_reading`,
:mod:`mdtboard.storage.careplan_reading`); the audit rows are made by :mod:`mdtboard.storage.audit_rows`,
as :mod:`mdtboard.storage.audit_append` makes them. The statements are those the ORM sends (the same tables,
conditions and order). A column of a type this module does not read exactly as SQLAlchemy does, a stored
time in another shape, a file that is encrypted, damaged, missing, or at another schema revision: each is
:class:`NotQuick`, and the caller takes the ordinary path (before anything is written).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from mdtboard.domain.careplan import CarePlan
from mdtboard.domain.careplan_progress import ActionProgress
from mdtboard.domain.case import Case, DisciplineInput
from mdtboard.domain.conference import Attendee
from mdtboard.domain.errors import NotFoundError
from mdtboard.storage import audit_key, audit_rows
from mdtboard.storage.careplan_reading import to_attendee, to_plan, to_progress
from mdtboard.storage.case_reading import to_case, to_input
from mdtboard.storage.location import BUSY_TIMEOUT_MS, head_revision, resolve_url, sqlite_file


class NotQuick(Exception):  # noqa: N818 - a signal to take the ordinary path, not an error to show
    """This file is not read here: the ordinary path (SQLAlchemy) opens it."""


#: SQLAlchemy's way of writing ``DateTime`` and ``Date`` into SQLite (what it reads back without a zone).
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{6})?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _datetime(value: Any) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _DATETIME.fullmatch(value):
        raise NotQuick("a time stored in another shape")
    return datetime.fromisoformat(value)


def _date(value: Any) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise NotQuick("a date stored in another shape")
    return date.fromisoformat(value)


def _boolean(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _as_is(value: Any) -> Any:
    return value


#: How a column of each declared type is read back as SQLAlchemy reads it from SQLite; any other type
#: makes the file :class:`NotQuick`.
_READ: dict[str, Callable[[Any], Any]] = {
    "INTEGER": _as_is, "VARCHAR": _as_is, "TEXT": _as_is, "FLOAT": _as_is,
    "BOOLEAN": _boolean, "DATE": _date, "DATETIME": _datetime,
}

#: The children of a case and of a plan: (attribute, table, order), as the models' relationships load them.
CASE_PARTS = (
    ("pain_locations", "pain_locations", "position"),
    ("medications", "medications", "position"),
    ("lines", "case_lines", "kind, position"),
    ("items", "questionnaire_items", "instrument, item_no"),
    ("other_scores", "other_scores", "position"),
    ("inputs", "discipline_inputs", "position"),
    ("passages", "restricted_passages", "position"),
)
PLAN_PARTS = (
    ("problems", "care_plan_problems"),
    ("goals", "care_plan_goals"),
    ("interventions", "care_plan_interventions"),
    ("medications", "care_plan_medications"),
    ("procedures", "care_plan_procedures"),
    ("risks", "care_plan_risks"),
    ("disagreements", "care_plan_disagreements"),
    ("sign_offs", "care_plan_sign_offs"),
)


def plain_file(url: str | None) -> Path | None:
    """The file ``url`` names (the default database when None) when it is a plain SQLite URL of a file
    that exists, else None."""
    path = sqlite_file(resolve_url(url))
    if path is None or not path.is_file():
        return None
    return path.expanduser().resolve()


@contextmanager
def _connection(path: Path) -> Iterator[sqlite3.Connection]:
    uri = f"{path.as_uri()}?mode=rw"  # never created here
    try:
        with closing(
            sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        ) as conn:
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            yield conn
    except sqlite3.Error as exc:  # encrypted, damaged, locked too long: the ordinary path says so
        raise NotQuick(type(exc).__name__) from exc


def _check_revision(conn: sqlite3.Connection) -> None:
    try:
        stored = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.DatabaseError as exc:  # no schema yet, encrypted, not a database
        raise NotQuick("no schema") from exc
    if stored != [(head_revision(),)]:
        raise NotQuick("another schema revision")


@contextmanager
def reading(path: Path) -> Iterator[PlanFile]:
    """One deferred read transaction on the file at ``path``, checked first (the program's schema revision,
    ``PRAGMA quick_check`` as opening the database does): :class:`NotQuick` when it cannot be read here."""
    with _connection(path) as conn:
        conn.execute("BEGIN")  # deferred: reading never waits for a writer (WAL)
        try:
            _check_revision(conn)
            if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                raise NotQuick("damaged")
            yield PlanFile(conn)
        finally:
            conn.execute("ROLLBACK")


def append_to_trail(path: Path, entries: Sequence[dict[str, Any]]) -> None:
    """Add ``entries`` (see :func:`mdtboard.storage.audit_rows.note_entry`) to the audit trail of the file at
    ``path``, chained after its last row, in one write transaction: the rows ``storage.audit.append`` would
    add. :class:`NotQuick` (nothing written) when the file cannot be written here."""
    key = audit_key.installed_key()
    actor = audit_key.current_actor()
    with _connection(path) as conn:
        conn.execute("BEGIN IMMEDIATE")  # the trail's last row stays the last until the commit
        try:
            _check_revision(conn)
            last = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
            last_id, prev = (last[0], last[1]) if last is not None else (0, audit_rows.GENESIS)
            rows = audit_rows.chained(list(entries), last_id, prev, key, actor, audit_rows.now_text())
            names = (*audit_key.CONTENT, "hash")
            conn.executemany(
                f"INSERT INTO audit_log ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",  # noqa: S608
                [tuple(row[n] for n in names) for row in rows],
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


class PlanFile:
    """The reads of :class:`mdtboard.services.printouts.PlanReads` (and the case) in one read transaction
    of a SQLite file, each row read back as the ORM reads it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._types: dict[str, dict[str, Callable[[Any], Any]]] = {}

    def _readers(self, table: str) -> dict[str, Callable[[Any], Any]]:
        found = self._types.get(table)
        if found is None:
            found = {}
            for _cid, name, declared, *_rest in self._conn.execute(f"PRAGMA table_info({table})"):
                read = _READ.get(declared.split("(")[0].upper())
                if read is None:
                    raise NotQuick(f"a column of type {declared}")
                found[name] = read
            if not found:
                raise NotQuick(f"no table {table}")
            self._types[table] = found
        return found

    def _rows(self, table: str, where: str, values: Sequence[Any], order: str) -> list[SimpleNamespace]:
        """``SELECT * FROM table WHERE ... ORDER BY ...``, each row an object with the columns' names."""
        readers = self._readers(table)
        cursor = self._conn.execute(f"SELECT * FROM {table} WHERE {where} ORDER BY {order}", values)  # noqa: S608
        names = [d[0] for d in cursor.description]
        reads = [readers[n] for n in names]
        return [
            SimpleNamespace(**{n: read(v) for n, read, v in zip(names, reads, row, strict=True)})
            for row in cursor.fetchall()
        ]

    def _children(self, parent: SimpleNamespace, key: str, parts: Sequence[tuple[str, str, str]]) -> None:
        for attribute, table, order in parts:
            setattr(parent, attribute, self._rows(table, f"{key} = ?", (parent.id,), order))

    def case(self, ref: str) -> Case:
        """The case ``ref`` with all its parts (as ``case_repo.load_cases``); :class:`NotFoundError`."""
        found = self._rows("cases", "ref = ?", (ref,), "ref")
        if not found:
            raise NotFoundError("case", ref)
        self._children(found[0], "case_id", CASE_PARTS)
        return to_case(found[0])

    def _plans(self, where: str, values: Sequence[Any]) -> list[CarePlan]:
        """As ``careplan_repo.load_plans``: with the case's reference and the conference agreed in."""
        plans = []
        for row in self._rows("care_plans", where, values, "case_id, plan_version"):
            self._children(row, "plan_id", [(a, t, "position") for a, t in PLAN_PARTS])
            ref = self._conn.execute("SELECT ref FROM cases WHERE id = ?", (row.case_id,)).fetchone()
            if ref is None:  # the ORM's inner join would leave the plan out
                continue
            conference = None
            if row.agenda_item_id is not None:
                found = self._rows(
                    "conferences",
                    "id = (SELECT conference_id FROM agenda_items WHERE id = ?)", (row.agenda_item_id,), "id",
                )
                conference = found[0] if found else None
            plans.append(to_plan(row, ref[0], conference))
        return plans

    def latest(self, case_id: int, *, signed_only: bool = False) -> CarePlan | None:
        sql = "SELECT max(plan_version) FROM care_plans WHERE case_id = ?"
        if signed_only:
            sql += " AND status = 'signed'"
        version = self._conn.execute(sql, (case_id,)).fetchone()[0]
        if version is None:
            return None
        return self._plans("case_id = ? AND plan_version = ?", (case_id, int(version)))[0]

    def stored(self, plan_id: int) -> CarePlan:
        found = self._plans("id = ?", (plan_id,))
        if not found:
            raise NotFoundError("care plan", plan_id)
        return found[0]

    def progress(self, plan_id: int) -> dict[str, ActionProgress]:
        rows = self._rows("care_plan_progress", "plan_id = ?", (plan_id,), "id")
        return {r.intervention_uid: to_progress(r) for r in rows}

    def inputs(self, case_id: int, agenda_item_id: int | None) -> list[DisciplineInput]:
        rows = self._rows(
            "discipline_inputs", "case_id = ? AND (agenda_item_id IS NULL OR agenda_item_id = ?)",
            (case_id, agenda_item_id), "agenda_item_id IS NOT NULL, position",
        )
        return [to_input(r) for r in rows]

    def attendees(self, agenda_item_id: int | None) -> list[Attendee]:
        if agenda_item_id is None:
            return []
        rows = self._rows(
            "attendees", "conference_id = (SELECT conference_id FROM agenda_items WHERE id = ?)",
            (agenda_item_id,), "position",
        )
        return [to_attendee(r) for r in rows]

    def check_item(self, case: Case, agenda_item_id: int | None) -> None:
        if agenda_item_id is not None:  # never asked for a printout; its refusals are the service's
            raise NotQuick("an agenda item to check")
