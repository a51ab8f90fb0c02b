"""Managing accounts (administrators only): a person's name, discipline and roles, a new password or PIN
when theirs is forgotten, and deactivating an account that is no longer used.

An account is never deleted: its signatures and its history keep naming it. A deactivated account cannot
sign in, sign or unlock, and its PIN no longer counts (another person may choose it); it can be made active
again. Every change checks the permission table (``manage accounts``) for both who is given as ``by`` and
the account signed in to the program, is saved at the version the administrator saw (someone else's change
meanwhile is a :class:`ConflictError`), and is recorded in the audit trail by the unit of work (which
fields changed, never a password or PIN). At least one active administrator always remains.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from mdtboard.domain.accounts import Account, Action, Role
from mdtboard.domain.case import Discipline
from mdtboard.domain.errors import ConflictError, InvalidInputError, NotFoundError, Problem
from mdtboard.services import permissions
from mdtboard.services.passwords import HASHER, password_problems, to_account
from mdtboard.services.permissions import require
from mdtboard.services.uow import Session, read_only, unit_of_work
from mdtboard.storage import account_repo
from mdtboard.storage.db import Database


def _may_manage(by: Account) -> None:
    require(by.roles, Action.MANAGE_ACCOUNTS, who=by.display_name)
    permissions.check(Action.MANAGE_ACCOUNTS)  # and whoever is signed in to this program


class AccountAdminMixin:
    """The administrator's part of :class:`~mdtboard.services.accounts.AccountService`."""

    db: Database

    def give_pin(self, account: Account, pin: str, *, now: datetime | None = None) -> None:
        raise NotImplementedError  # PinMixin's

    def get_account(self, account_id: int) -> Account:
        with read_only(self.db) as session:
            row = account_repo.by_id(session, account_id)
            if row is None:
                raise NotFoundError("account", account_id)
            return to_account(row)

    def _change(self, by: Account, account: Account, **values: object) -> Account:
        _may_manage(by)
        with unit_of_work(self.db) as session:
            if not account_repo.update(session, account.id, account.version, **values):
                raise ConflictError("account", account.username, seen_version=account.version)
            self._one_administrator_left(session)
        return self.get_account(account.id)

    @staticmethod
    def _one_administrator_left(session: Session) -> None:
        admins = [r for r in account_repo.all_accounts(session)
                  if r.active and Role.ADMINISTRATOR.value in r.roles.split(",")]
        if not admins:
            raise InvalidInputError(Problem(
                "roles", "at least one active administrator must remain: make someone else administrator "
                "first"))

    def update_account(
        self, by: Account, account: Account, *, display_name: str, discipline: Discipline | None,
        roles: Iterable[Role],
    ) -> Account:
        """Change ``account``'s name, discipline and roles (as the administrator saw it, at
        ``account.version``)."""
        names = sorted({r.value for r in roles})
        problems = []
        if not display_name.strip():
            problems.append(Problem("name", "the person's name is needed"))
        if not names:
            problems.append(Problem("roles", "at least one role"))
        if problems:
            raise InvalidInputError(problems)
        return self._change(by, account, display_name=" ".join(display_name.split()),
                            discipline=discipline.value if discipline else None, roles=",".join(names))

    def reset_password(self, by: Account, account: Account, password: str) -> Account:
        """Give ``account`` a new password (the person forgot theirs); a lock-out ends with it."""
        problems = password_problems(password)
        if problems:
            raise InvalidInputError(problems)
        return self._change(by, account, password_hash=HASHER.hash(password), failed_sign_ins=0,
                            locked_until=None)

    def reset_pin(self, by: Account, account: Account, pin: str | None) -> Account:
        """Give ``account`` a new PIN, unique among the active accounts (or none, with None)."""
        _may_manage(by)
        if pin is None:
            return self._change(by, account, pin_hash=None, pin_tag=None)
        self.give_pin(account, pin)
        return self.get_account(account.id)

    def set_active(self, by: Account, account: Account, active: bool) -> Account:
        """Deactivate ``account`` (it can no longer sign in; never deleted) or make it active again."""
        if not active and account.id == by.id:
            raise InvalidInputError(Problem("account", "you cannot deactivate your own account"))
        # a deactivated account's PIN no longer counts (another person may choose it): its tag goes
        return self._change(by, account, active=active, **({} if active else {"pin_tag": None}))
