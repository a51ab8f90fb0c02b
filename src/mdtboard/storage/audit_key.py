"""Who acts, and the audit trail's key: the actor recorded on every change (the operating-system user, or
the account signed in), the key kept outside the database (``MDTBOARD_AUDIT_KEY_FILE``, else ``audit.key``
in the user's configuration folder, made owner-only on first use) and the HMAC of a row of the trail under
it (see :mod:`mdtboard.storage.audit`)."""

from __future__ import annotations

import getpass
import hashlib
import hmac
import json
import logging
import os
import secrets
import socket
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from mdtboard.domain.errors import MdtboardError
from mdtboard.storage.permissions import create_private_file, make_private_folder, others_can_read, restrict

log = logging.getLogger(__name__)

ENV_KEY_FILE = "MDTBOARD_AUDIT_KEY_FILE"


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


#: How long a key file found empty is read again for (another program creates it empty, then writes it).
KEY_WRITE_WAITS = 50
KEY_WRITE_WAIT_S = 0.02


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
        for _ in range(KEY_WRITE_WAITS):  # empty: another program made it a moment ago and is writing it
            if text:
                break
            time.sleep(KEY_WRITE_WAIT_S)
            text = path.read_text(encoding="ascii").strip()
        secret = bytes.fromhex(text)
    except (OSError, ValueError) as exc:
        raise AuditKeyError(f"The audit trail's key {path} cannot be read or made ({exc}).") from exc
    if len(secret) < 16:
        raise AuditKeyError(f"The audit trail's key {path} is too short (at least 16 bytes).")
    return Key(secret)


def load_key(path: Path | None = None) -> Key:
    return _load_key((path or key_file()).resolve())


_installed: Key | None = None


def install_key() -> Key:
    """Read (or make) the trail's key now, once for the program (a missing key fails here)."""
    global _installed
    _installed = load_key()
    return _installed


def installed_key() -> Key:
    """The key the program installed, else the one of the key file."""
    return _installed or load_key()


def derived_key(purpose: str) -> Key:
    """A key for ``purpose`` derived from the audit trail's key (HMAC-SHA-256 of the purpose): kept outside
    the database as that key is, and never the same as it."""
    base = installed_key()
    return Key(hmac.new(base.secret, purpose.encode("utf-8"), hashlib.sha256).digest())


# -------------------------------------------------------------------------------------- hashing a row
CONTENT = (
    "id", "at", "actor", "account_id", "host", "action", "record_type", "record_id", "case_id", "fields",
    "old_version", "new_version", "key_id", "prev_hash",
)


def row_hash(key: Key, row: dict[str, Any]) -> str:
    content = json.dumps([row[name] for name in CONTENT], ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key.secret, content.encode("utf-8"), hashlib.sha256).hexdigest()
