"""Reading the audit trail back: :func:`verify` walks the chain that :mod:`mdtboard.storage.audit` writes and
names the first row edited, inserted, deleted or moved; :func:`history` lists a case's rows."""

from __future__ import annotations

import contextlib
import hmac
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from mdtboard.storage.audit_append import GENESIS, TABLE
from mdtboard.storage.audit_key import CONTENT, Key, load_key


@dataclass(frozen=True)
class Verdict:
    """The outcome of :func:`verify`: the rows checked, and the first bad one (None if the chain holds)."""

    checked: int
    bad_id: int | None = None
    reason: str = ""
    last_id: int = 0
    last_hash: str = GENESIS

    @property
    def ok(self) -> bool:
        return self.bad_id is None


def _rows(conn: sa.Connection, batch: int = 20_000) -> Iterator[tuple[Any, ...]]:
    """Every row of the trail (its content, then its hash), in id order, as plain tuples from the driver's
    cursor in batches: a million rows are read in seconds, in little memory (on PostgreSQL a server-side
    cursor)."""
    sql = f"SELECT {', '.join((*CONTENT, 'hash'))} FROM audit_log ORDER BY id"  # noqa: S608 - fixed names
    raw = conn.connection.dbapi_connection
    assert raw is not None
    postgresql = conn.dialect.name == "postgresql"
    cursor = raw.cursor(name="mdtboard_audit_verify") if postgresql else raw.cursor()
    try:
        cursor.execute(sql)
        while True:
            rows = cursor.fetchmany(batch)
            if not rows:
                return
            yield from rows
    finally:
        cursor.close()


_KEY_ID = CONTENT.index("key_id")
_NOT_FOLLOWING = "it does not follow the record before it (rows deleted, inserted or moved)"
_EDITED = "its content does not match its hash (edited, or written without the key)"


def verify(conn: sa.Connection, key: Key | None = None) -> Verdict:
    """Walk the trail in id order: each row's hash must match its content under the key, name the
    previous row's hash, and have the next id."""
    key = key or load_key()
    expected_id, prev, checked = 1, GENESIS, 0
    secret = key.secret
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for values in _rows(conn):
        row_id, stored = values[0], values[-1]
        if row_id != expected_id:
            what = "missing" if row_id > expected_id else "out of order"
            reason = f"record {expected_id} is {what} before it (rows deleted or moved)"
            return Verdict(checked, row_id, reason)
        if values[-2] != prev:
            return Verdict(checked, row_id, _NOT_FOLLOWING)
        digest = hmac.digest(secret, dumps(values[:-1]).encode("utf-8"), "sha256").hex()  # one C call
        if not hmac.compare_digest(digest, stored):
            signed_by = values[_KEY_ID]
            if signed_by != key.id:
                reason = f"it was signed with another key ({signed_by}; this computer's key is {key.id})"
                return Verdict(checked, row_id, reason)
            return Verdict(checked, row_id, _EDITED)
        prev, expected_id, checked = stored, expected_id + 1, checked + 1
    return Verdict(checked, None, "", expected_id - 1, prev)


def history(conn: sa.Connection, case_id: int) -> list[dict[str, Any]]:
    """A case's audit rows, oldest first (the case, its plans, inputs, agenda items…)."""
    rows = conn.execute(sa.select(TABLE).where(TABLE.c.case_id == case_id).order_by(TABLE.c.id)).all()
    out = []
    for row in rows:
        values = dict(row._mapping)
        with contextlib.suppress(ValueError, TypeError):
            values["fields"] = json.loads(values["fields"])
        out.append(values)
    return out
