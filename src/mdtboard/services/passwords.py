"""Passwords and PINs: the Argon2id hasher, the rules a new password or PIN must meet, and an account as
the services give it (never its hashes).

Passwords are hashed with Argon2id (argon2-cffi) at OWASP's recommended parameters (19 MiB, 2 passes, 1
lane; see :data:`HASHER`). A PIN (4 to 8 digits) is hashed the same way, each with its own salt: so
finding which account a PIN belongs to means verifying it against each account's hash in turn.
"""

from __future__ import annotations

from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from mdtboard.domain.accounts import Account, Role
from mdtboard.domain.case import Discipline
from mdtboard.domain.errors import InvalidInputError, MdtboardError, Problem
from mdtboard.storage.account_models import AccountRow

#: OWASP Password Storage Cheat Sheet (2024): Argon2id, m=19 MiB, t=2, p=1 (or an equivalent).
HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
MIN_PASSWORD = 10
PIN_DIGITS = (4, 8)
#: Failed sign-ins in a row before a lock-out, how long it lasts, and the pause after each failure so far.
LOCK_AFTER = 5
LOCK_FOR = timedelta(minutes=5)
SLOWDOWN_S = 0.5


class SignInError(MdtboardError):
    """A sign-in was refused (wrong name, password or PIN, or a lock-out); nothing was changed."""

    exit_status = 2


def matches(hashed: str, secret: str) -> bool:
    try:
        return bool(HASHER.verify(hashed, secret))
    except (VerificationError, InvalidHashError):
        return False


def is_pin(text: str) -> bool:
    low, high = PIN_DIGITS
    return text.isascii() and text.isdigit() and low <= len(text) <= high


def check_pin(pin: str) -> None:
    if not is_pin(pin):
        raise InvalidInputError(Problem("PIN", f"{PIN_DIGITS[0]} to {PIN_DIGITS[1]} digits"))


def password_problems(password: str) -> list[Problem]:
    if len(password) >= MIN_PASSWORD:
        return []
    return [Problem("password", f"at least {MIN_PASSWORD} characters")]


def to_account(row: AccountRow) -> Account:
    return Account(
        id=row.id, username=row.username, display_name=row.display_name,
        discipline=Discipline(row.discipline) if row.discipline else None,
        roles=frozenset(Role(r) for r in row.roles.split(",") if r), demo=row.demo, version=row.version,
        active=row.active is not False,
    )
