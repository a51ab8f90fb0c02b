"""Accounts: the first administrator, adding people, signing in.

Passwords are hashed with Argon2id (argon2-cffi) at OWASP's recommended parameters (19 MiB, 2 passes, 1
lane; see :data:`HASHER`); a hash made with other parameters is made again at the next sign-in. A failed
sign-in is slowed (:data:`SLOWDOWN_S` a failure so far) and logged by account id; after
:data:`LOCK_AFTER` failures in a row the account is locked for :data:`LOCK_FOR`. A successful sign-in
makes the account the one the audit trail records (``storage.audit.act_as``).
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterable
from datetime import UTC, datetime

from mdtboard.domain.accounts import Account, Action, Credential, Role
from mdtboard.domain.case import Discipline
from mdtboard.domain.errors import InvalidInputError, Problem
from mdtboard.services import permissions
from mdtboard.services.account_admin import AccountAdminMixin
from mdtboard.services.passwords import (
    HASHER,
    LOCK_AFTER,
    LOCK_FOR,
    MIN_PASSWORD,
    SLOWDOWN_S,
    SignInError,
    check_pin,
    matches,
    password_problems,
    to_account,
)
from mdtboard.services.permissions import require
from mdtboard.services.pins import PinMixin, pin_holders, pin_tag
from mdtboard.services.uow import read_only, unit_of_work
from mdtboard.storage import account_repo, audit
from mdtboard.storage.db import Database

log = logging.getLogger(__name__)

__all__ = ["HASHER", "LOCK_AFTER", "LOCK_FOR", "MIN_PASSWORD", "SLOWDOWN_S", "AccountService", "SignInError",
           "same_name", "to_account"]

def _check_new(username: str, display_name: str, password: str, roles: Iterable[Role]) -> None:
    problems = []
    if not username.strip() or len(username) > 80 or any(c.isspace() for c in username):
        problems.append(Problem("username", "a name of 1 to 80 characters without spaces"))
    if not display_name.strip():
        problems.append(Problem("name", "the person's name is needed"))
    problems += password_problems(password)
    if not list(roles):
        problems.append(Problem("roles", "at least one role"))
    if problems:
        raise InvalidInputError(problems)


class AccountService(PinMixin, AccountAdminMixin):
    def __init__(self, db: Database, *, slowdown_s: float = SLOWDOWN_S) -> None:
        self.db = db
        self.slowdown_s = slowdown_s

    def count(self) -> int:
        with read_only(self.db) as session:
            return account_repo.count(session)

    def all(self) -> list[Account]:
        """Every account, deactivated ones too (by user name)."""
        with read_only(self.db) as session:
            return [to_account(r) for r in account_repo.all_accounts(session)]

    def active(self) -> list[Account]:
        """The accounts that may sign in (by user name): whom the lock screen and the attendance offer."""
        return [a for a in self.all() if a.active]

    def create_first_administrator(
        self, username: str, display_name: str, password: str, *, discipline: Discipline | None = None
    ) -> Account:
        """The first account, an administrator: made by whoever installs mdtboard, before any exists."""
        return self._create(None, username, display_name, password, [Role.ADMINISTRATOR], discipline)

    def add(
        self, by: Account, username: str, display_name: str, password: str, roles: Iterable[Role],
        *, discipline: Discipline | None = None, demo: bool = False, pin: str | None = None,
    ) -> Account:
        require(by.roles, Action.MANAGE_ACCOUNTS, who=by.username)
        permissions.check(Action.MANAGE_ACCOUNTS)  # and whoever is signed in to this program
        return self._create(by, username, display_name, password, list(roles), discipline, demo=demo, pin=pin)

    def _create(
        self, by: Account | None, username: str, display_name: str, password: str, roles: list[Role],
        discipline: Discipline | None, *, demo: bool = False, pin: str | None = None,
    ) -> Account:
        _check_new(username, display_name, password, roles)
        if pin is not None:
            check_pin(pin)
        hashed = HASHER.hash(password)
        with unit_of_work(self.db) as session:
            if pin and pin_holders(session, pin):
                raise InvalidInputError(Problem("PIN", "another person has this PIN: choose another"))
            if by is None and account_repo.count(session) > 0:
                raise InvalidInputError(Problem(
                    "account", "accounts exist already: an administrator adds further ones"))
            if account_repo.by_username(session, username) is not None:
                raise InvalidInputError(Problem("username", f"{username!r} is taken"))
            values = {
                "username": username, "display_name": display_name.strip(),
                "discipline": discipline.value if discipline else None,
                "roles": ",".join(sorted(r.value for r in roles)), "password_hash": hashed, "demo": demo,
                "pin_hash": HASHER.hash(pin) if pin else None, "pin_tag": pin_tag(pin) if pin else None,
            }
            if not account_repo.insert_unless_taken(session, values):
                # another PC stored the same username or PIN since the checks above: say which
                if account_repo.by_username(session, username) is not None:
                    raise InvalidInputError(Problem("username", f"{username!r} is taken"))
                if pin and pin_holders(session, pin):
                    raise InvalidInputError(Problem("PIN", "another person has this PIN: choose another"))
                account_repo.insert(session, values)  # another rule: reported as the database's error
            row = account_repo.by_username(session, username)
            assert row is not None
            return to_account(row)

    def verify(self, credential: Credential, *, pin_ok: bool = True, now: datetime | None = None) -> Account:
        """The account whose password (or PIN, when ``pin_ok``) ``credential`` gives: a person acting with
        their own account on the PC someone else signed in to (a signature, unlocking, switching user).
        Failures count towards the lock-out as a failed sign-in does. Nobody is signed in by this."""
        now = now or datetime.now(UTC)
        refused = SignInError(f"Wrong {'password or PIN' if pin_ok else 'name or password'}. "
                              "Nothing was changed.")
        secret = credential.secret
        with unit_of_work(self.db) as session:
            row = account_repo.by_username(session, credential.username)
            if row is None or not row.active:
                HASHER.hash(secret)  # as slow as a wrong password: who has an account is not told
                if row is not None:
                    log.warning("sign-in to deactivated account %d refused", row.id)
                raise refused
            locked = row.locked_until
            if locked is not None and locked.tzinfo is None:
                locked = locked.replace(tzinfo=UTC)
            if locked is not None and locked > now:
                log.warning("sign-in to locked account %d refused", row.id)
                raise SignInError(f"This account is locked after {LOCK_AFTER} failed sign-ins until "
                                  f"{locked.astimezone():%H:%M}. Nothing was changed.")
            by_password = matches(row.password_hash, secret)
            if not by_password and not (pin_ok and row.pin_hash and matches(row.pin_hash, secret)):
                failed = row.failed_sign_ins + 1
                lock = now + LOCK_FOR if failed >= LOCK_AFTER else None
                account_repo.record_sign_in(session, row.id, failed=failed if lock is None else 0,
                                            locked_until=lock)
                log.warning("failed sign-in to account %d (%d in a row)", row.id, failed)
                session.commit()
                time.sleep(min(self.slowdown_s * failed, 3.0))
                raise refused
            rehash = (HASHER.hash(secret) if by_password and HASHER.check_needs_rehash(row.password_hash)
                      else None)
            if row.failed_sign_ins or row.locked_until or rehash:
                account_repo.record_sign_in(session, row.id, failed=0, locked_until=None,
                                            password_hash=rehash)
            return to_account(row)

    def confirm(self, credential: Credential, *, pin_ok: bool = True) -> Account:
        """The account whose own password or PIN ``credential`` gives, checked as :meth:`verify` does; the
        services take its person at their word from now on for what they do on the PC someone else signed
        in to (scoring as a rater: :func:`permissions.vouched`), until another account signs in."""
        account = self.verify(credential, pin_ok=pin_ok)
        permissions.vouch(account.id)
        log.info("account %d confirmed with its own credential", account.id)
        return account

    def sign_in(self, username: str, password: str, *, now: datetime | None = None, pin_ok: bool = False
                ) -> Account:
        """The account, once its password (or PIN, when ``pin_ok``: switching user on the meeting-room PC)
        is checked; it becomes who the services check and the audit trail records."""
        account = self.verify(Credential(username, password), pin_ok=pin_ok, now=now)
        self.become(account)
        log.info("account %d signed in", account.id)
        return account

    @staticmethod
    def become(account: Account) -> None:
        permissions.act_as_account(account)
        audit.act_as(audit.Actor(name=account.username, host=socket.gethostname() or "unknown",
                                 account_id=account.id))

    @staticmethod
    def sign_out() -> None:
        permissions.act_as_account(None)
        audit.act_as(None)

    # ------------------------------------------------------------------ the demo team
    def demo_only(self) -> bool:
        """True when there are accounts and every one of them is a demo account."""
        with read_only(self.db) as session:
            rows = account_repo.all_accounts(session)
            return bool(rows) and all(r.demo for r in rows)

    def create_demo_team(self) -> list[Account]:
        """The fictional demo team (:data:`DEMO_TEAM`), marked as demo accounts, on a database without
        accounts; each has the password :data:`DEMO_PASSWORD` and its own PIN (:func:`demo_pin`: PINs are
        unique, so that a PIN alone says who switches user)."""
        password_hash = HASHER.hash(DEMO_PASSWORD)
        with unit_of_work(self.db) as session:
            if account_repo.count(session) > 0:
                raise InvalidInputError(Problem(
                    "account", "accounts exist already: the demo team is only made on a new database"))
            for username, name, discipline, roles in DEMO_TEAM:
                pin_hash, tag = HASHER.hash(demo_pin(username)), pin_tag(demo_pin(username))
                account_repo.insert(session, {
                    "username": username, "display_name": name, "discipline": discipline.value,
                    "roles": ",".join(sorted(r.value for r in roles)), "password_hash": password_hash,
                    "pin_hash": pin_hash, "pin_tag": tag, "demo": True,
                })
        return self.all()

    def sign_in_demo_chair(self) -> Account:
        """Sign in as the demo team's chair, without a password: only while every account is a demo
        account (a database where real people have accounts always asks)."""
        with read_only(self.db) as session:
            rows = account_repo.all_accounts(session)
            chair = next((r for r in rows if r.username == DEMO_CHAIR), None)
            if not rows or not all(r.demo for r in rows) or chair is None:
                raise SignInError("This database has real accounts: sign in with yours. Nothing was changed.")
            account = to_account(chair)
        self.become(account)
        log.info("demo account %d signed in", account.id)
        return account


def same_name(a: str, b: str) -> bool:
    """Two ways of writing a person's name are the same (case and spaces aside)."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


#: The demo team: fictional people, one account each, marked as demo accounts.
DEMO_CHAIR = "demo-chair"
DEMO_PASSWORD = "demo-password"
#: The demo chair's PIN; the others' follow it in the order of :data:`DEMO_TEAM` (1235, 1236...).
DEMO_PIN = "1234"
DEMO_TEAM: tuple[tuple[str, str, Discipline, frozenset[Role]], ...] = (
    (DEMO_CHAIR, "Dr Amara Okafor", Discipline.PHYSICIAN,
     frozenset({Role.CHAIR, Role.MEMBER, Role.ADMINISTRATOR})),
    ("demo-physio", "Sam Lee", Discipline.PHYSICAL_THERAPY, frozenset({Role.MEMBER})),
    ("demo-psych", "Dr Ana Ruiz", Discipline.PSYCHOLOGY, frozenset({Role.MEMBER})),
    ("demo-pharm", "Kim Novak", Discipline.PHARMACY, frozenset({Role.MEMBER})),
    ("demo-nurse", "Jo Mensah", Discipline.NURSING, frozenset({Role.MEMBER})),
    ("demo-ot", "Lee Park", Discipline.OCCUPATIONAL_THERAPY, frozenset({Role.MEMBER})),
    ("demo-sw", "Rae Quinn", Discipline.SOCIAL_WORK, frozenset({Role.MEMBER})),
    ("demo-trainee", "Ola Trainee", Discipline.PHYSICIAN, frozenset({Role.TRAINEE})),
)


def demo_pin(username: str) -> str:
    """The PIN of the demo account ``username``: 1234 for the chair, then 1235, 1236... in the order of
    :data:`DEMO_TEAM`."""
    order = [u for u, *_rest in DEMO_TEAM]
    return str(int(DEMO_PIN) + order.index(username))


def demo_pins_text() -> str:
    """``Dr Amara Okafor 1234, Sam Lee 1235, ...``: for the hint shown with the demo team."""
    return ", ".join(f"{name} {demo_pin(username)}" for username, name, *_rest in DEMO_TEAM)
