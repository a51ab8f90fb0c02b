"""``mdtboard account``: add accounts (the first is the administrator), list them, give one a PIN, deactivate
or reactivate one; everything through the account service, which checks who may and records it in the audit
trail. Imported by :func:`mdtboard.cli.cmd_account` when the command runs."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from mdtboard.cli import EXIT_OK, _one_line, _open

if TYPE_CHECKING:
    from mdtboard.services.context import Services


def _password(prompt: str) -> str:
    """A password from the terminal (not echoed), or the next line of standard input when it is not one."""
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\n")


def _account_active(services: Services, args: argparse.Namespace) -> int:
    """``account deactivate|reactivate USERNAME --by ADMIN``: the administrator signs in (as for ``account
    add``), then the account service changes the account (permission checked and audited there)."""
    from mdtboard.domain.errors import NotFoundError

    accounts = services.accounts
    admin = accounts.sign_in(args.by, _password(f"Password of {args.by}: "))
    account = next((a for a in accounts.all() if a.username == args.username), None)
    if account is None:
        raise NotFoundError("account", args.username)
    active = args.account_command == "reactivate"
    accounts.set_active(admin, account, active)
    print(f"account {args.username}: {'reactivated' if active else 'deactivated'}", file=sys.stderr)
    return EXIT_OK


def cmd_account(args: argparse.Namespace) -> int:
    from mdtboard.domain.accounts import Role
    from mdtboard.domain.case import Discipline

    services = _open(args)
    try:
        accounts = services.accounts
        if args.account_command == "list":
            for a in accounts.all():
                held = ",".join(sorted(r.value for r in a.roles))
                field = a.discipline.value if a.discipline else ""
                demo = "\tdemo" if a.demo else ""
                inactive = "" if a.active else "\tdeactivated"
                print(f"{_one_line(a.username)}\t{_one_line(a.display_name)}\t{field}\t{held}"
                      f"{demo}{inactive}")
            return EXIT_OK
        if args.account_command in ("deactivate", "reactivate"):
            return _account_active(services, args)
        if args.account_command == "pin":
            from mdtboard.domain.accounts import Credential

            credential = Credential(args.username, _password(f"Password of {args.username}: "))
            accounts.set_pin(credential, _password("New PIN (4 to 8 digits): "))
            print(f"account {args.username}: PIN set", file=sys.stderr)
            return EXIT_OK
        try:
            discipline = Discipline(args.discipline) if args.discipline else None
            roles = [Role(r) for r in (args.roles or ["member"])]
        except ValueError as exc:
            from mdtboard.domain.errors import InvalidInputError, Problem

            raise InvalidInputError(Problem("--discipline/--role", str(exc))) from exc
        if args.by is None:
            password = _password(f"Password for {args.username}: ")
            made = accounts.create_first_administrator(args.username, args.name, password,
                                                       discipline=discipline)
        else:
            admin = accounts.sign_in(args.by, _password(f"Password of {args.by}: "))
            password = _password(f"Password for {args.username}: ")
            made = accounts.add(admin, args.username, args.name, password, roles, discipline=discipline)
    finally:
        services.close()
    roles_made = ", ".join(sorted(r.value for r in made.roles))
    print(f"account {made.username} added ({roles_made})", file=sys.stderr)
    return EXIT_OK
