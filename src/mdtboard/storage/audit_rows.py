"""The audit trail's rows as plain data, free of SQLAlchemy: a row's number and chained hash after the last
one, the time it is written, and the content of a note (an export, a read of restricted text). Who acts and
the key are :mod:`mdtboard.storage.audit_key`. :mod:`mdtboard.storage.audit_append` writes these rows
through SQLAlchemy; the command line's quick path on a SQLite file (:mod:`mdtboard.storage.quick_printout`)
writes the very same rows with ``sqlite3``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from mdtboard.storage.audit_key import Actor, Key, row_hash

GENESIS = "0" * 64


def chained(entries: list[dict[str, Any]], last_id: int, prev: str, key: Key, actor: Actor,
            at: str) -> list[dict[str, Any]]:
    """``entries`` as the trail's rows, numbered and chained after the row ``last_id`` whose hash is
    ``prev``, each with its hash under ``key``."""
    rows = []
    for entry in entries:
        last_id += 1
        row = {
            "id": last_id, "at": at, "actor": actor.name[:200], "account_id": actor.account_id,
            "host": actor.host[:200], "key_id": key.id, "prev_hash": prev, **entry,
        }
        row["hash"] = prev = row_hash(key, row)
        rows.append(row)
    return rows


def now_text() -> str:
    """The time a row is written, as the trail stores (and hashes) it: UTC, ISO 8601, microseconds."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def note_entry(action: str, record_type: str, record_id: Any = None, *, case_id: int | None = None,
               fields: Iterable[str] = ()) -> dict[str, Any]:
    """The entry of an event that changes no row (a read of restricted text, an export): what
    :func:`chained` makes a row of."""
    return {
        "action": action, "record_type": record_type,
        "record_id": None if record_id is None else str(record_id), "case_id": case_id,
        "fields": json.dumps(sorted(fields)), "old_version": None, "new_version": None,
    }
