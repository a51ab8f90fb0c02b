"""The program's log: a rotating file in the user log folder, with record ids and never patient data.

What is logged names records by their database id or reference (``case 12 saved, version 5``), never by a
patient's name or anything typed: the log is read by IT staff the patient did not choose. SQL statements
are logged only under ``--debug``, and their parameters never (the engines are made with
``hide_parameters``). A failure's traceback is logged with the type of each exception and where it was
raised, but not its message, which may quote what was typed.

Only the standard library and platformdirs are imported here, so that every layer may log through
``logging.getLogger(__name__)`` and the program and the command line configure it with one call.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

import platformdirs

from mdtboard.storage.permissions import make_private_folder

#: Folder of the log instead of the user log folder (for tests and for IT staff who want it elsewhere).
ENV_LOG_DIR = "MDTBOARD_LOG_DIR"
LOG_NAME = "mdtboard.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

_handler: logging.Handler | None = None


def log_folder() -> Path:
    folder = os.environ.get(ENV_LOG_DIR)
    return Path(folder) if folder else Path(platformdirs.user_log_dir("mdtboard", appauthor=False))


def log_file() -> Path:
    """The file the log is written to (the current one; older ones end in .1 to .5)."""
    if isinstance(_handler, logging.handlers.RotatingFileHandler):
        return Path(_handler.baseFilename)
    return log_folder() / LOG_NAME


class _WithoutMessages(logging.Formatter):
    """Formats a record's exception without the exceptions' messages (see the module docstring)."""

    def formatException(self, ei: tuple[type[BaseException], BaseException, TracebackType | None]) -> str:  # type: ignore[override]  # noqa: N802
        return describe_exception(ei[1])


def describe_exception(exc: BaseException) -> str:
    """The traceback of ``exc`` and of the exceptions it came from: types and places, no messages."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = "".join(traceback.format_list(traceback.extract_tb(current.__traceback__)))
        kind = type(current)
        parts.append(f"Traceback (most recent call last):\n{frames}{kind.__module__}.{kind.__qualname__} "
                     "(message not logged: it may hold patient data)")
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    return "\n\nwhich was raised while handling:\n".join(parts)


def configure(*, debug: bool = False, folder: Path | None = None) -> Path | None:
    """Log to the rotating file (once per process); ``debug`` adds debug records and SQL statements.

    Returns the log file, or None when it cannot be written (the program then runs without a log and
    says so on standard error, once)."""
    global _handler
    root = logging.getLogger("mdtboard")
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO if debug else logging.WARNING)
    if _handler is not None:
        return log_file()
    folder = folder or log_folder()
    try:
        make_private_folder(folder)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError as exc:
        print(f"mdtboard: cannot write the log in {folder}: {exc.strerror}", file=sys.stderr)
        return None
    handler.setFormatter(_WithoutMessages(_FORMAT))
    root.addHandler(handler)
    logging.getLogger("sqlalchemy").addHandler(handler)
    _handler = handler
    return log_file()


def unconfigure() -> None:
    """Stop logging to the file (tests)."""
    global _handler
    if _handler is not None:
        logging.getLogger("mdtboard").removeHandler(_handler)
        logging.getLogger("sqlalchemy").removeHandler(_handler)
        _handler.close()
        _handler = None
