"""PINs on the meeting-room PC: a PIN alone says who types it, so that switching user is F4, the PIN, Enter.

For that, PINs are unique among the active accounts: a new PIN (``mdtboard account pin``, an administrator
adding a person or resetting their PIN) is refused when another active account has it. Argon2id hashes are
salted, so finding the account of a PIN by its hash means verifying it against every account's hash (about
1.4 s with 30 accounts on a loaded two-core machine). So each PIN also has a tag (:func:`pin_tag`):
HMAC-SHA-256 of the PIN with a key derived from the audit trail's key, which is kept outside the database;
the account is found by its tag at once (a unique column), then its Argon2id hash is verified. Someone with
the database alone learns nothing from the tags; someone with the database and the key file could recover
PINs from the tags quickly, but could also rewrite the database and its audit trail, and a 4-digit PIN falls
to its Argon2id hash within minutes anyway. A PIN stored without a tag (before tags, or under another key)
is found by its hash as before, and gets its tag when it is next used. The program checks PINs on a worker
thread, never on the GUI thread.

A refusal says that the PIN is taken, which tells the person who chose it that it opens someone else's
account. So a PIN refused as taken is noted in the audit trail (``pin taken``, on the account that chose it,
never the PIN) and after :data:`~mdtboard.services.passwords.LOCK_AFTER` such refusals within
:data:`~mdtboard.services.passwords.LOCK_FOR` that account may choose no PIN until the time is up: finding
a PIN this way is no faster than guessing it at the lock screen.

Guessing at the lock screen: a PIN that opens no account is slowed (:data:`SLOWDOWN_S` a failure so far)
and noted in the audit trail (``pin refused``, with the computer's name; never the PIN). After
:data:`LOCK_AFTER` refusals on this computer within :data:`LOCK_FOR` (and since the last PIN that opened an
account here), PINs alone are refused on this computer until the time is up; a person then chooses who
they are and types their password, which the account's own lock-out guards. The notes live in the database
(and its tamper-evident trail), so restarting the program does not reset the count. An attacker's budget is
the same as when each account was guessed at by name: about :data:`LOCK_AFTER` tries in :data:`LOCK_FOR`,
each opening one of the accounts with that PIN.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import socket
import time
from datetime import UTC, datetime

from mdtboard.domain.accounts import Account, Credential
from mdtboard.domain.errors import InvalidInputError, Problem
from mdtboard.services.passwords import (
    HASHER,
    LOCK_AFTER,
    LOCK_FOR,
    SLOWDOWN_S,
    SignInError,
    check_pin,
    is_pin,
    matches,
    to_account,
)
from mdtboard.services.uow import Session, unit_of_work
from mdtboard.storage import account_repo, audit
from mdtboard.storage.account_models import AccountRow
from mdtboard.storage.db import Database

log = logging.getLogger(__name__)

__all__ = ["LOCK_AFTER", "LOCK_FOR", "SLOWDOWN_S", "PinMixin", "pin_holders"]
PIN_REFUSED, PIN_SIGN_IN, PIN_TAKEN = "pin refused", "pin sign-in", "pin taken"


def pin_tag(pin: str) -> str:
    """``KEYID:HMAC``: the PIN's tag under the key derived from the audit key (see the module docstring)."""
    key = audit.derived_key("mdtboard PIN lookup")
    return f"{key.id[:8]}:{hmac.new(key.secret, pin.encode('utf-8'), hashlib.sha256).hexdigest()}"


def pin_holders(session: Session, pin: str, *, besides: int | None = None) -> list[AccountRow]:
    """The active accounts (other than ``besides``) whose PIN is ``pin``: the one with its tag, and any
    whose PIN has no current tag, each confirmed by its Argon2id hash."""
    tag = pin_tag(pin)
    tagged = account_repo.by_pin_tag(session, tag)
    rows = [tagged] if tagged is not None and tagged.active else []
    rows += account_repo.active_pins_untagged(session, tag.split(":")[0] + ":")
    return [row for row in rows
            if row.id != besides and row.pin_hash is not None and matches(row.pin_hash, pin)]


def host() -> str:
    return socket.gethostname() or "unknown"


def _at(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _until(first: str) -> datetime:
    return datetime.fromisoformat(first) + LOCK_FOR


class PinMixin:
    """The PIN part of :class:`~mdtboard.services.accounts.AccountService`."""

    db: Database
    slowdown_s: float

    def verify(self, credential: Credential, *, pin_ok: bool = True, now: datetime | None = None) -> Account:
        raise NotImplementedError  # AccountService's

    @staticmethod
    def become(account: Account) -> None:
        raise NotImplementedError  # AccountService's

    # -- choosing a PIN
    def set_pin(self, credential: Credential, pin: str, *, now: datetime | None = None) -> Account:
        """Give the account of ``credential`` (its password) a PIN of 4 to 8 digits that no other active
        account has (:class:`InvalidInputError` when one has; see the module docstring)."""
        check_pin(pin)
        now = now or datetime.now(UTC)
        account = self.verify(credential, pin_ok=False, now=now)
        self.give_pin(account, pin, now=now)
        return account

    def give_pin(self, account: Account, pin: str, *, now: datetime | None = None) -> None:
        """Store ``pin`` as ``account``'s PIN once it is checked unique (whoever calls this has checked who
        may: the person with their password, or an administrator)."""
        check_pin(pin)
        now = now or datetime.now(UTC)
        with unit_of_work(self.db) as session:
            refused = account_repo.notes_since(session, PIN_TAKEN, _at(now - LOCK_FOR),
                                               record_id=str(account.id))
            if len(refused) >= LOCK_AFTER:
                raise SignInError(
                    f"{LOCK_AFTER} PINs chosen for this account were taken: choose another after "
                    f"{_until(refused[0]).astimezone():%H:%M}. Nothing was changed.")
            taken = bool(pin_holders(session, pin, besides=account.id))
            # another PC may store the same PIN between the check and the write: the tag's uniqueness
            # refuses the second, which is told the PIN is taken like any other
            if not taken and account_repo.store_pin(session, account.id, HASHER.hash(pin), pin_tag(pin)):
                return
        with unit_of_work(self.db) as session:
            audit.note(session, PIN_TAKEN, "accounts", account.id)
        log.warning("PIN chosen for account %d refused: another account has it", account.id)
        raise InvalidInputError(Problem("PIN", "another person has this PIN: choose another"))

    # -- a PIN alone
    def identify_by_pin(self, pin: str, *, now: datetime | None = None) -> Account:
        """The one active account whose PIN is ``pin`` (see the module docstring for the lock-out). Nobody
        is signed in by this; the account is noted in the audit trail (``pin sign-in``)."""
        now = now or datetime.now(UTC)
        if not is_pin(pin):
            raise SignInError("A PIN is 4 to 8 digits: type yours, or choose who you are and type your "
                              "password. Nothing was changed.")
        here = host()
        with unit_of_work(self.db) as session:
            since = _at(now - LOCK_FOR)
            opened = account_repo.notes_since(session, PIN_SIGN_IN, since, host=here)
            refused = account_repo.notes_since(session, PIN_REFUSED, max([since, *opened[-1:]]), host=here)
            if len(refused) >= LOCK_AFTER:
                log.warning("PIN refused: PINs are locked on this computer")
                raise SignInError(
                    f"PINs are locked on this computer after {LOCK_AFTER} wrong ones, until "
                    f"{_until(refused[-LOCK_AFTER]).astimezone():%H:%M}: choose who you are and type your "
                    "password. Nothing was changed.")
            holders = pin_holders(session, pin)
            if len(holders) == 1:
                row = holders[0]
                locked = row.locked_until
                if locked is not None and (locked if locked.tzinfo else locked.replace(tzinfo=UTC)) > now:
                    log.warning("PIN sign-in to locked account %d refused", row.id)
                    raise SignInError(f"This account is locked after {LOCK_AFTER} failed sign-ins until "
                                      f"{locked.astimezone():%H:%M}. Nothing was changed.")
                audit.note(session, PIN_SIGN_IN, "accounts", row.id)
                if row.pin_tag != pin_tag(pin):  # stored before tags (or under another key): tagged now
                    account_repo.update(session, row.id, None, pin_tag=pin_tag(pin))
                    session.refresh(row)
                return to_account(row)
        if len(holders) > 1:
            log.warning("PIN shared by %d accounts", len(holders))
            raise SignInError("More than one person has this PIN: choose who you are in the list, then type "
                              "your PIN again. (An administrator should give them new PINs.) Nothing was "
                              "changed.")
        with unit_of_work(self.db) as session:
            audit.note(session, PIN_REFUSED, "accounts")
        log.warning("PIN refused (%d on this computer lately)", len(refused) + 1)
        time.sleep(min(self.slowdown_s * (len(refused) + 1), 3.0))
        raise SignInError("Wrong PIN. Nothing was changed.")

    def sign_in_by_pin(self, pin: str, *, now: datetime | None = None) -> Account:
        """Switching user on the meeting-room PC: the account whose PIN is ``pin`` becomes who the services
        check and the audit trail records."""
        account = self.identify_by_pin(pin, now=now)
        self.become(account)
        log.info("account %d signed in by PIN", account.id)
        return account
