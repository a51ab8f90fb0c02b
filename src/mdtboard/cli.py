"""The ``mdtboard`` command.

``mdtboard [--database URL]`` starts the desktop program; the subcommands work without a display.
Exit status: 0 success, 2 invalid input or usage (message on standard error), 1 any other failure
(one line; the traceback only with ``--debug``).

Each command imports what it needs inside its own function (``cmd_<name>``), so that listing cases does
not load Qt, ReportLab or Alembic, and ``--version`` loads nothing but this module. To add a command: a
sub-parser in :func:`mdtboard.cli_parser.build_parser` (its name in ``COMMAND_NAMES`` there), a ``cmd_``
function with its imports inside, an entry in ``COMMANDS``.
"""

from __future__ import annotations

import sys

from mdtboard import __version__

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing alone costs ``--version`` a third

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from pathlib import Path
    from typing import Any

    from mdtboard.services.cases import StoredCase
    from mdtboard.services.context import Services

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
VERSION_LINE = f"mdtboard {__version__}"


def _open(args: argparse.Namespace) -> Services:
    from mdtboard.services.context import open_services

    services = open_services(args.database)
    for warning in services.db.warnings:  # e.g. other users can read the database: said, not fatal
        print(f"mdtboard: warning: {_safe(warning)}", file=sys.stderr)
    return services


def _warn_if_exposed(url: str | None) -> None:
    """The warning :func:`_open` gives, for a command that read the SQLite file without opening it."""
    from mdtboard.storage.location import resolve_url, sqlite_file
    from mdtboard.storage.permissions import exposure

    path = sqlite_file(resolve_url(url))
    warning = exposure(path) if path is not None else None
    if warning is not None:
        print(f"mdtboard: warning: {_safe(warning)}", file=sys.stderr)


def _print_stored(stored: Sequence[StoredCase]) -> None:
    for case in stored:
        action = "created" if case.created else "updated"
        print(f"{_one_line(case.ref)}\t{_one_line(case.display_name)}\t{action}", flush=True)


def _one_line(text: str) -> str:
    return _safe(" ".join(text.replace("\t", " ").splitlines()))


#: Characters a terminal may act on (escape sequences, other controls, direction overrides).
_UNSAFE = {
    c: f"\\u{c:04x}"
    for c in (*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), 0x061C, 0x200E, 0x200F,
              *range(0x202A, 0x202F), *range(0x2066, 0x206A))
}


def _safe(text: str) -> str:
    """Text for the terminal: control characters from a bundle or the database shown as \\uXXXX, never
    sent (an ESC from a file could otherwise recolour, retitle or rewrite the terminal)."""
    return text.translate(_UNSAFE)


def cmd_import(args: argparse.Namespace) -> int:
    from mdtboard.interchange.bundle import import_files

    services = _open(args)
    try:
        # One file at a time, printed as it is done: if a later file is refused, the lines already
        # printed say which files were imported before it.
        for path in args.files:
            _print_stored(import_files(services.cases, [path]))
    finally:
        services.close()
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from mdtboard.interchange.bundle import export_file

    services = _open(args)
    try:
        cases = export_file(services.cases, args.out, args.cases, title="mdtboard export")
    finally:
        services.close()
    print(f"{len(cases)} case{'s' if len(cases) != 1 else ''} written to {args.out}", file=sys.stderr)
    return EXIT_OK


def cmd_cases(args: argparse.Namespace) -> int:
    from mdtboard.storage import quick

    # A SQLite file at the current schema is read with sqlite3 alone (no SQLAlchemy to load).
    found = quick.search(args.database, args.search, archived=args.archived)
    if found is not None:
        _warn_if_exposed(args.database)
    else:
        _configure_log(args)  # see LOG_WHEN_NEEDED
        services = _open(args)
        try:
            found = [
                (s.ref, s.display_name, s.title)
                for s in services.cases.search(args.search, limit=None, archived=args.archived)
            ]
        finally:
            services.close()
    for ref, name, title in found:
        print(f"{_one_line(ref)}\t{_one_line(name)}\t{_one_line(title or '')}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from mdtboard.interchange.demo import load_demo_cases

    services = _open(args)
    try:
        _print_stored(load_demo_cases(services.cases))
    finally:
        services.close()
    return EXIT_OK


def cmd_care_plan(args: argparse.Namespace) -> int:
    from mdtboard.reports.papers import Audience, write_paper
    from mdtboard.services import quick_printout

    audience = Audience.named(args.audience)
    kind = f"{audience.value} paper"
    # A SQLite file at the current schema is read with sqlite3 alone (no SQLAlchemy to load); the paper is
    # given the same printout either way.
    quick = quick_printout.printout(args.database, args.case_id)
    if quick is not None:
        _warn_if_exposed(args.database)
        printout, path = quick
        write_paper(printout, args.pdf, audience, summary=not args.no_summary)
        if not quick_printout.exported(path, kind, case_ids=[printout.case.id or 0]):
            services = _open(args)
            try:
                services.audit.exported(kind, case_ids=[printout.case.id or 0])
            finally:
                services.close()
    else:
        services = _open(args)
        try:
            printout = services.printout(args.case_id)
            write_paper(printout, args.pdf, audience, summary=not args.no_summary)
            services.audit.exported(kind, case_ids=[printout.case.id or 0])
        finally:
            services.close()
    print(f"{audience.label.lower()} of {args.case_id} written to {args.pdf}", file=sys.stderr)
    return EXIT_OK


def cmd_conferences(args: argparse.Namespace) -> int:
    from mdtboard.services.minutes import MinutesService

    services = _open(args)
    try:
        listed = MinutesService(services.db).overview()
    finally:
        services.close()
    for c in listed:
        print(f"{c.id}\t{c.starts_at:%Y-%m-%d %H:%M}\t{_one_line(c.title)}\t{c.status}")
    return EXIT_OK


def cmd_minutes(args: argparse.Namespace) -> int:
    from mdtboard.reports.minutes import write_minutes_pdf
    from mdtboard.services.minutes import MinutesService

    services = _open(args)
    try:
        minutes = MinutesService(services.db).minutes(args.conference_id)
    finally:
        services.close()
    write_minutes_pdf(minutes, args.pdf)
    services = _open(args)
    try:
        services.audit.exported("minutes pdf", conference_id=args.conference_id)
    finally:
        services.close()
    print(f"minutes of conference {args.conference_id} written to {args.pdf}", file=sys.stderr)
    return EXIT_OK


def cmd_fhir(args: argparse.Namespace) -> int:
    from mdtboard.interchange.fhir import write_fhir_bundle

    services = _open(args)
    try:
        printout = services.printout(args.case_id)
        write_fhir_bundle(printout, args.out)
        services.audit.exported("fhir", case_ids=[printout.case.id or 0])
    finally:
        services.close()
    print(f"FHIR bundle of {args.case_id} written to {args.out}", file=sys.stderr)
    return EXIT_OK


def cmd_teaching_case(args: argparse.Namespace) -> int:
    from mdtboard.interchange.teaching_draft import write_teaching_draft

    services = _open(args)
    try:
        case = services.cases.get_by_ref(args.case_id)
        draft = write_teaching_draft(case, args.out, seed=args.seed)
        services.audit.exported("teaching draft", case_ids=[case.id or 0])
    finally:
        services.close()
    open_hints = len(draft.checklist.open_hints)
    print(
        f"draft teaching case written to {args.out}: {len(draft.replacements)} replacement(s), "
        f"{open_hints} open hint(s), {len(draft.checklist.fields)} field(s) to read; not fictional",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_changes(args: argparse.Namespace) -> int:
    import json
    import threading

    if args.since is None and not args.follow:
        print("mdtboard: changes needs --since N, --follow or both", file=sys.stderr)
        return EXIT_USAGE
    services = _open(args)
    try:
        since = args.since
        if since is not None:
            while True:
                found = services.changes.since(since)
                for change in found:
                    print(json.dumps(change.as_json()), flush=True)
                if len(found) < 1000:
                    break
                since = found[-1].id
            if found:
                since = found[-1].id
        if not args.follow:
            return EXIT_OK
        gone = threading.Event()

        def deliver(changes: list[Any]) -> None:
            try:
                for change in changes:
                    print(json.dumps(change.as_json()), flush=True)
            except (BrokenPipeError, ValueError):  # the reader went away
                gone.set()

        def state(text: str) -> None:
            print(f"mdtboard: {text}" if text != "live" else f"mdtboard: following {services.db.url}",
                  file=sys.stderr, flush=True)

        watcher = services.changes.watch(deliver, since=since, on_state=state)
        try:
            while not gone.wait(0.5):
                pass
        finally:
            watcher.stop()
        _silence_stdout()
        return EXIT_OK
    finally:
        services.close()


def _sqlite_database(args: argparse.Namespace, what: str) -> Path:
    from mdtboard.domain.errors import InvalidInputError, Problem
    from mdtboard.storage.location import resolve_url, sqlite_file

    path = sqlite_file(resolve_url(args.database))
    if path is None:
        raise InvalidInputError(Problem(
            "--database",
            f"`mdtboard {what}` works on the embedded (SQLite) database; back up PostgreSQL with pg_dump "
            "(see docs/deployment.md)",
        ))
    return path.expanduser().resolve()


def cmd_backup(args: argparse.Namespace) -> int:
    from mdtboard.storage.backup import backup_to

    written = backup_to(_sqlite_database(args, "backup"), args.out)
    print(f"database backed up to {written} (integrity checked)", file=sys.stderr)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from mdtboard.storage.backup import restore

    database = _sqlite_database(args, "restore")
    done = restore(database, args.file)
    aside = f"; the database before it is kept as {done.kept_aside}" if done.kept_aside else ""
    print(f"{database} restored from {args.file} (schema {done.revision}){aside}", file=sys.stderr)
    return EXIT_OK


def cmd_database(args: argparse.Namespace) -> int:
    from mdtboard.storage.encrypt import encrypt_database

    done = encrypt_database(_sqlite_database(args, "database encrypt"))
    also = f" and {done.backups} backup(s)" if done.backups else ""
    print(
        f"{done.database}{also} encrypted; the key is kept in this computer's keyring (service mdtboard). "
        "The unencrypted file was overwritten and removed, as far as the disk allows (docs/deployment.md).",
        file=sys.stderr,
    )
    return EXIT_OK


EXIT_AUDIT_BROKEN = 3


def cmd_account(args: argparse.Namespace) -> int:
    from mdtboard.cli_accounts import cmd_account as run

    return run(args)


def cmd_audit(args: argparse.Namespace) -> int:
    services = _open(args)
    try:
        if args.audit_command == "verify":
            verdict = services.audit.verify()
            if not verdict.ok:
                print(f"mdtboard: audit trail broken at record {verdict.bad_id}: {verdict.reason} "
                      f"({verdict.checked} records before it are sound)", file=sys.stderr)
                return EXIT_AUDIT_BROKEN
            print(f"audit trail sound: {verdict.checked} records, last {verdict.last_id} "
                  f"{verdict.last_hash[:16]}", file=sys.stderr)
            return EXIT_OK
        case_id = services.audit.case_id(args.case)
        for e in services.audit.history(case_id):
            print(f"{e.when}\t{_one_line(e.who)}\t{e.action}\t{e.record}\t{e.what}\t{e.versions}")
    finally:
        services.close()
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from mdtboard.app import run
    except ImportError as exc:  # Qt is there but a system library it links to is not
        if ".so" not in str(exc):
            raise
        from mdtboard.system_packages import platform_failure_message

        print(platform_failure_message(None, [str(exc)]), file=sys.stderr)
        return EXIT_FAILURE
    return run(args.database, debug=args.debug)


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: cmd_gui,
    "import": cmd_import,
    "export": cmd_export,
    "cases": cmd_cases,
    "demo": cmd_demo,
    "care-plan": cmd_care_plan,
    "conferences": cmd_conferences,
    "minutes": cmd_minutes,
    "fhir": cmd_fhir,
    "teaching-case": cmd_teaching_case,
    "changes": cmd_changes,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "database": cmd_database,
    "audit": cmd_audit,
    "account": cmd_account,
}


def main(argv: Sequence[str] | None = None) -> int:
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:
        print(VERSION_LINE)  # what argparse does for it, without loading argparse
        sys.exit(EXIT_OK)
    from mdtboard.cli_parser import parse_args

    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        if args.command not in LOG_WHEN_NEEDED:
            _configure_log(args)
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (``mdtboard cases | head``): stop quietly
        _silence_stdout()
        return EXIT_FAILURE
    except Exception as exc:
        return _failed(args, exc)


#: Commands that configure the log themselves, once they come to need it: ``cases`` on a SQLite file at
#: the program's schema logs nothing, and loading the logging package would cost it a sixth of its time.
LOG_WHEN_NEEDED = frozenset({"cases"})


def _configure_log(args: argparse.Namespace) -> None:
    from mdtboard.log import configure

    configure(debug=args.debug, deferred=True)  # the file is opened at the first record


def _failed(args: argparse.Namespace, exc: Exception) -> int:
    """What the command line says of a failure, and its exit status."""
    from mdtboard.domain.errors import InvalidInputError, MdtboardError

    if isinstance(exc, InvalidInputError):
        print(f"mdtboard: {_safe(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    if isinstance(exc, MdtboardError):
        if args.debug:
            import traceback

            traceback.print_exc()
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"mdtboard: {_safe(first)}", file=sys.stderr)
        return exc.exit_status
    # the last resort: one line, never a traceback unless asked
    import logging

    _configure_log(args)  # logged to the file, never through logging's last resort (the terminal)
    logging.getLogger("mdtboard.cli").error("command %s failed", args.command, exc_info=exc)
    if args.debug:
        import traceback

        traceback.print_exc()
    else:
        print(
            f"mdtboard: unexpected error: {type(exc).__name__}: {_safe(str(exc))} "
            "(run with --debug for details)",
            file=sys.stderr,
        )
    return EXIT_FAILURE


def _silence_stdout() -> None:
    """Point standard output at the null device, so that flushing it at exit does not fail again."""
    import io
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


if __name__ == "__main__":
    sys.exit(main())
