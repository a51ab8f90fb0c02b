"""The audit trail's rows as plain data, free of SQLAlchemy: who acts, the key, a row's content and its
chained hash, and the content of a note (an export, a read of restricted text). :mod:`mdtboard.storage.audit`
writes them through a session; the command line's quick paths on a SQLite file (see
:mod:`mdtboard.storage.quick_printout`) write the very same rows with ``sqlite3``. The chain itself, and the
key, are described in :mod:`mdtboard.storage.audit`.
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import json
import logging
import os
import secrets
import socket
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from mdtboard.domain.errors import MdtboardError
from mdtboard.storage.permissions import create_private_file, make_private_folder, others_can_read, restrict

log = logging.getLogger("mdtboard.storage.audit")

ENV_KEY_FILE = "MDTBOARD_AUDIT_KEY_FILE"
GENESIS = "0" * 64


class AuditKeyError(MdtboardError):
    """The trail's key cannot be read or made."""


# -------------------------------------------------------------------------------------------- who acts
@dataclass(frozen=True)
class Actor:
    """Who acts, from which computer. ``account_id`` is None until people sign in with accounts."""

    name: str
    host: str
    account_id: int | None = None


def _os_actor() -> Actor:
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"
    return Actor(name=name, host=socket.gethostname() or "unknown")


_actor: Actor | None = None


def current_actor() -> Actor:
    global _actor
    if _actor is None:
        _actor = _os_actor()
    return _actor


def act_as(actor: Actor | None) -> None:
    """Record ``actor`` on every change from now on (None: back to the operating-system user). The place
    where signing in to an account will say who acts."""
    global _actor
    _actor = actor


# ------------------------------------------------------------------------------------------------ key
def key_file() -> Path:
    given = os.environ.get(ENV_KEY_FILE)
    if given:
        return Path(given).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("mdtboard", appauthor=False)) / "audit.key"


@dataclass(frozen=True)
class Key:
    secret: bytes = field(repr=False)
    id: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", hashlib.sha256(self.secret).hexdigest()[:16])


@cache
def _load_key(path: Path) -> Key:
    try:
        if not path.exists():
            make_private_folder(path.parent)
            if create_private_file(path):
                path.write_text(secrets.token_hex(32) + "\n", encoding="ascii")
                log.info("a new audit-trail key was made")
        if others_can_read(path):
            restrict(path)
        text = path.read_text(encoding="ascii").strip()
        secret = bytes.fromhex(text)
    except (OSError, ValueError) as exc:
        raise AuditKeyError(f"The audit trail's key {path} cannot be read or made ({exc}).") from exc
    if len(secret) < 16:
        raise AuditKeyError(f"The audit trail's key {path} is too short (at least 16 bytes).")
    return Key(secret)


def load_key(path: Path | None = None) -> Key:
    return _load_key((path or key_file()).resolve())


# -------------------------------------------------------------------------------------- hashing a row
CONTENT = (
    "id", "at", "actor", "account_id", "host", "action", "record_type", "record_id", "case_id", "fields",
    "old_version", "new_version", "key_id", "prev_hash",
)


def row_hash(key: Key, row: dict[str, Any]) -> str:
    content = json.dumps([row[name] for name in CONTENT], ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key.secret, content.encode("utf-8"), hashlib.sha256).hexdigest()


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
