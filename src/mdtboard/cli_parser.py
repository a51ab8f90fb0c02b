"""The arguments of the ``mdtboard`` command (see :mod:`mdtboard.cli`).

A command's arguments are parsed by a parser of that command alone (:func:`parse_args`): building every
command's parser, with its help texts, took a tenth of the time of ``mdtboard cases``; the desktop program's
own options (``--database URL``, ``--debug``, no command) are read without argparse (:func:`gui_arguments`).
Anything else (``--help`` before a command, an option this module does not read ahead, an error) goes to
the parser of every command, so that usage, help and error messages are the ones it gives.
"""

from __future__ import annotations

import sys

from mdtboard.cli import EXIT_USAGE, VERSION_LINE

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs a short command
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from typing import Any

#: Every command's name, in the order ``--help`` lists them.
COMMAND_NAMES = (
    "import", "export", "cases", "demo", "care-plan", "conferences", "minutes", "changes", "fhir",
    "teaching-case", "backup", "restore", "database", "account", "audit",
)


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns`` (what argparse's help formatter asks for), without importing
    ``shutil``, which loads the compression modules and cost ``mdtboard cases`` a sixth of its time."""
    import os

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    try:
        lines = int(os.environ["LINES"])
    except (KeyError, ValueError):
        lines = 0
    if columns <= 0 or lines <= 0:
        try:
            size = os.get_terminal_size(sys.__stdout__.fileno())  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            size = os.terminal_size((80, 24))
        if columns <= 0:
            columns = size.columns or 80
    return columns


class Retry(Exception):
    """The parser of one command met an error: the parser of every command parses again."""


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """``argv`` parsed as the parser of every command parses it (see the module docstring)."""
    gui = gui_arguments(argv)
    if gui is not None:
        return gui
    command = command_word(argv)
    if command is not None:
        try:
            return build_parser(command, retry=True).parse_args(argv)
        except Retry:
            pass
    return build_parser().parse_args(argv)


def gui_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """What the parser of every command gives for ``argv`` when it starts the desktop program with nothing
    but ``--database URL`` and ``--debug`` (the attributes ``command``, ``database`` and ``debug``), read
    without importing argparse, whose import is a tenth of the time to the window's first paint; None for
    anything else, which the parser reads."""
    database: str | None = None
    debug = False
    words = iter(argv)
    for word in words:
        if word == "--database":
            value = next(words, None)
            if value is None or value.startswith("-"):
                return None  # the parser says what is wrong (or reads an option-like value its own way)
            database = value
        elif word.startswith("--database="):
            database = word.removeprefix("--database=")
        elif word == "--debug":
            debug = True
        else:
            return None
    from types import SimpleNamespace

    return SimpleNamespace(command=None, database=database, debug=debug)  # type: ignore[return-value]


def command_word(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names when nothing before it but ``--database URL`` and ``--debug``, else None
    (the parser of every command decides)."""
    words = iter(argv)
    for word in words:
        if word == "--database":
            if next(words, None) is None:
                return None
        elif word.startswith("--database=") or word == "--debug":
            continue
        else:
            return word if word in COMMAND_NAMES else None
    return None


def build_parser(only: str | None = None, *, retry: bool = False) -> argparse.ArgumentParser:
    """The parser of every command, or with ``only`` of that one command (what parsing a command's
    arguments needs: 4 to 20 times fewer arguments to build). ``retry``: an error raises :class:`Retry`
    instead of being printed, so that the whole parser can parse again and say it as usual."""
    import argparse
    from pathlib import Path

    def want(name: str) -> bool:
        return only is None or only == name

    class _Formatter(argparse.HelpFormatter):
        def __init__(
            self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
        ) -> None:
            width = _terminal_columns() - 2 if width is None else width  # what argparse computes
            super().__init__(prog, indent_increment, max_help_position, width)

    class _Parser(argparse.ArgumentParser):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("formatter_class", _Formatter)
            super().__init__(*args, **kwargs)

        def error(self, message: str) -> None:  # type: ignore[override]
            if retry:
                raise Retry
            self.print_usage(sys.stderr)
            self.exit(EXIT_USAGE, f"mdtboard: {message}\n")

    parser = _Parser(prog="mdtboard", description="Multidisciplinary pain-medicine case conferences.")
    parser.add_argument("--version", action="version", version=VERSION_LINE)
    parser.add_argument(
        "--database",
        metavar="URL",
        help="database URL (default: MDTBOARD_DATABASE_URL, else SQLite in your data folder); "
        "for PostgreSQL: postgresql://user@host/dbname",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help="show tracebacks of failures; log SQL statements (never their values)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    if want("import"):
        p = sub.add_parser("import", help="import case bundles (JSON), printing one line per case")
        p.add_argument("files", nargs="+", type=Path, metavar="FILE")

    if want("export"):
        p = sub.add_parser("export", help="export cases to a case bundle")
        p.add_argument("out", type=Path, metavar="OUT.json")
        p.add_argument(
            "--case", action="append", dest="cases", metavar="ID", help="a case to export (repeatable)"
        )

    if want("cases"):
        p = sub.add_parser(
            "cases", help="list cases: ID<TAB>patient<TAB>title (archived cases with --archived)"
        )
        p.add_argument("--search", metavar="TEXT", default="")
        p.add_argument(
            "--archived", action="store_true", help="list the archived cases (and only them) instead"
        )

    if want("demo"):
        sub.add_parser("demo", help="load mdtboard's fictional demo and teaching cases")

    if want("care-plan"):
        p = sub.add_parser(
            "care-plan", help="write the care plan of a case as PDF (team, patient or GP paper)"
        )
        p.add_argument("case_id", metavar="CASE_ID")
        p.add_argument("--pdf", type=Path, required=True, metavar="OUT.pdf")
        p.add_argument("--for", dest="audience", choices=("team", "patient", "gp"), default="team",
                       help="the team's care plan (default), the patient's plan, or the letter to the GP")
        p.add_argument("--no-summary", action="store_true",
                       help="leave the case summary appendix out of the team's care plan")

    if want("conferences"):
        sub.add_parser("conferences", help="list conferences: ID<TAB>date<TAB>title<TAB>status")

    if want("minutes"):
        p = sub.add_parser("minutes", help="write the minutes of a conference as PDF")
        p.add_argument("conference_id", type=_conference_id, metavar="CONFERENCE-ID")
        p.add_argument("--pdf", type=Path, required=True, metavar="OUT.pdf")

    if want("changes"):
        p = sub.add_parser(
            "changes",
            help="print the database's changes, one JSON line each: after change N (--since), as they "
            "happen (--follow), or both",
        )
        p.add_argument("--since", type=_change_id, metavar="N",
                       help="print the changes after change N (0: all kept)")
        p.add_argument(
            "--follow", action="store_true", help="go on printing changes as they are committed"
        )

    if want("fhir"):
        p = sub.add_parser("fhir", help="export a case and its care plan as a FHIR R4 Bundle")
        p.add_argument("case_id", metavar="CASE_ID")
        p.add_argument("--out", type=Path, required=True, metavar="OUT.json")

    if want("teaching-case"):
        p = sub.add_parser(
            "teaching-case",
            help="write the de-identified draft of a real case, with every replacement and open hint, as "
            "JSON (not fictional until reviewed in mdtboard; the file still holds patient data)",
        )
        p.add_argument("case_id", metavar="CASE_REF")
        p.add_argument("--out", type=Path, required=True, metavar="DRAFT.json")
        p.add_argument(
            "--seed", metavar="TEXT", help="chooses the pseudonyms (the same seed, the same names)"
        )

    if want("backup"):
        p = sub.add_parser("backup", help="back up the (SQLite) database to a file, verified, owner-only")
        p.add_argument("out", type=Path, metavar="OUT")

    if want("restore"):
        p = sub.add_parser(
            "restore",
            help="replace the (SQLite) database by a backup; the current one is kept as a backup first",
        )
        p.add_argument("file", type=Path, metavar="FILE")

    if want("database"):
        p = sub.add_parser("database", help="the embedded (SQLite) database: encrypt it")
        dbs = p.add_subparsers(
            dest="database_command", metavar="encrypt", parser_class=_Parser, required=True
        )
        dbs.add_parser(
            "encrypt",
            help="encrypt the database and its backups with SQLCipher, the key kept in this computer's "
            "keyring; close mdtboard first (docs/deployment.md, Encryption at rest)",
        )

    if want("account"):
        p = sub.add_parser("account", help="accounts: add one (the first is the administrator), list them, "
                           "give one a PIN, deactivate or reactivate one")
        acc = p.add_subparsers(dest="account_command", metavar="add|list|pin|deactivate|reactivate",
                               parser_class=_Parser,
                               required=True)
        p = acc.add_parser("add", help="add an account; the password is read from the terminal (or "
                           "standard input); the first account is the administrator, later ones need --by "
                           "ADMIN")
        p.add_argument("username", metavar="USERNAME")
        p.add_argument("--name", required=True, help="the person's name as shown and printed")
        p.add_argument("--discipline", help="physician, physical_therapy, psychology, pharmacy, nursing, "
                       "occupational_therapy or social_work")
        p.add_argument("--role", action="append", dest="roles", metavar="ROLE",
                       help="administrator, chair, member, trainee or observer (repeatable)")
        p.add_argument(
            "--by", metavar="ADMIN", help="the administrator adding it (asked for their password)"
        )
        acc.add_parser("list", help="list accounts: username<TAB>name<TAB>discipline<TAB>roles, then "
                       "<TAB>demo for the demo team's and <TAB>deactivated for accounts that can no longer "
                       "sign in")
        p = acc.add_parser("pin", help="give an account a PIN of 4 to 8 digits, for signing and switching "
                           "user on the meeting-room PC; asks for the account's password, then the PIN")
        p.add_argument("username", metavar="USERNAME")
        for name, what in (
            ("deactivate", "deactivate an account: it can no longer sign in, its PIN no longer counts; "
             "nothing is deleted"),
            ("reactivate", "make a deactivated account active again"),
        ):
            p = acc.add_parser(
                name, help=f"{what}; by an administrator (--by ADMIN, asked for their password)"
            )
            p.add_argument("username", metavar="USERNAME")
            p.add_argument("--by", metavar="ADMIN", required=True,
                           help="the administrator doing it (asked for their password)")

    if want("audit"):
        p = sub.add_parser("audit", help="the audit trail: check it, or list a case's history")
        audit = p.add_subparsers(
            dest="audit_command", metavar="verify|show", parser_class=_Parser, required=True
        )
        audit.add_parser("verify", help="check the whole chain: exit 0, or 3 naming the first bad record")
        p = audit.add_parser(
            "show", help="a case's history: when<TAB>who<TAB>action<TAB>record<TAB>fields<TAB>versions"
        )
        p.add_argument("--case", required=True, metavar="ID", help="the case's reference (or its number)")
    return parser


def _conference_id(text: str) -> int:
    if not text.strip().isdigit():
        import argparse

        raise argparse.ArgumentTypeError(
            f"{text!r} is not a conference ID: use the number `mdtboard conferences` lists"
        )
    return int(text)


def _change_id(text: str) -> int:
    if not text.strip().isdigit():
        import argparse

        raise argparse.ArgumentTypeError(
            f"{text!r} is not a change number: use the id of a printed change, or 0"
        )
    return int(text)
