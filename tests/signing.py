"""Signing care plans in tests as the program does: each lead with their own account (made here the first
time, with a PIN of its own: :func:`pin_for`) and that PIN, never by typing a name."""

from __future__ import annotations

import zlib
from datetime import datetime

from mdtboard.domain.accounts import Account, Credential, Role
from mdtboard.domain.careplan import CarePlan
from mdtboard.domain.case import Discipline
from mdtboard.services.accounts import same_name
from mdtboard.services.context import Services


def pin_for(username: str) -> str:
    """The PIN of the test account ``username``: six digits of its own (PINs are unique among accounts)."""
    return f"{zlib.crc32(username.encode('utf-8')) % 1_000_000:06d}"


PASSWORD = "a long test password"
#: Stands for an administrator who adds the accounts (``add`` checks the roles of who adds).
ADMIN = Account(id=0, username="admin", display_name="Test administrator", discipline=None,
                roles=frozenset({Role.ADMINISTRATOR}))


def username_for(name: str, discipline: Discipline) -> str:
    return f"{'-'.join(name.lower().split())}.{discipline.value}"


def account_for(services: Services, name: str, discipline: Discipline,
                roles: frozenset[Role] = frozenset({Role.MEMBER})) -> Account:
    """The account of ``name`` for ``discipline``, made (with its PIN, :func:`pin_for`) when there is none."""
    for account in services.accounts.all():
        if account.discipline is discipline and same_name(account.display_name, name):
            return account
    username = username_for(name, discipline)
    return services.accounts.add(ADMIN, username, name, PASSWORD, roles, discipline=discipline,
                                 pin=pin_for(username))


def credential(services: Services, name: str, discipline: Discipline) -> Credential:
    username = account_for(services, name, discipline).username
    return Credential(username, pin_for(username))


def sign(services: Services, plan: CarePlan, discipline: Discipline, name: str, *,
         at: datetime | None = None, open_items_reason: str | None = None) -> CarePlan:
    """``name`` signs ``plan`` for ``discipline`` with their own PIN."""
    return services.careplans.sign_off(plan, discipline, credential(services, name, discipline), at=at,
                                       open_items_reason=open_items_reason)
