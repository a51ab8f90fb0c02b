"""The program's log: a rotating file in the user log folder, with record ids and never patient data.

What is logged names records by their database id or reference (``case 12 saved, version 5``), never by a
patient's name or anything typed: the log is read by IT staff the patient did not choose. SQL statements
are logged only under ``--debug``, and their parameters never (the engines are made with
``hide_parameters``). A failure's traceback is logged with the type of each exception and where it was
raised, but not its message, which may quote what was typed.

Only the standard library and platformdirs are imported here, so that every layer may log through
``logging.getLogger(__name__)`` and the program and the command line configure it with one call. The
command line configures it ``deferred``: the file (and what finding its folder imports) is opened at the
first record, so that a command that logs nothing does not pay for it. So does the desktop program, so that
its window is shown without waiting for the log's folder (the first record usually comes from the opening of
the database, on its own thread).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs a short command
if TYPE_CHECKING:
    from types import TracebackType

#: Folder of the log instead of the user log folder (for tests and for IT staff who want it elsewhere).
ENV_LOG_DIR = "MDTBOARD_LOG_DIR"
LOG_NAME = "mdtboard.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

_handler: logging.Handler | None = None


def log_folder() -> Path:
    folder = os.environ.get(ENV_LOG_DIR)
    if folder:
        return Path(folder)
    import platformdirs

    return Path(platformdirs.user_log_dir("mdtboard", appauthor=False))


def log_file() -> Path:
    """The file the log is written to (the current one; older ones end in .1 to .5)."""
    if isinstance(_handler, logging.FileHandler):
        return Path(_handler.baseFilename)
    return log_folder() / LOG_NAME


def current_file() -> Path | None:
    """The file records go to now; None when there is none (not opened yet by a ``deferred`` configuration,
    or the log cannot be written)."""
    if isinstance(_handler, logging.FileHandler):
        return Path(_handler.baseFilename)
    return None


class _WithoutMessages(logging.Formatter):
    """Formats a record's exception without the exceptions' messages (see the module docstring)."""

    def formatException(self, ei: tuple[type[BaseException], BaseException, TracebackType | None]) -> str:  # type: ignore[override]  # noqa: N802
        return describe_exception(ei[1])


def describe_exception(exc: BaseException) -> str:
    """The traceback of ``exc`` and of the exceptions it came from: types and places, no messages."""
    import traceback

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


_LOGGERS = ("mdtboard", "sqlalchemy")


def configure(*, debug: bool = False, folder: Path | None = None, deferred: bool = False) -> Path | None:
    """Log to the rotating file (once per process); ``debug`` adds debug records and SQL statements.

    Returns the log file, or None when it cannot be written (the program then runs without a log and
    says so on standard error, once). ``deferred`` (the command line): the levels are set now, the file's
    folder is found and the file opened at the first record (:class:`_Deferred`); returns None."""
    global _handler
    root = logging.getLogger("mdtboard")
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO if debug else logging.WARNING)
    if isinstance(_handler, _Deferred):
        if deferred:
            return None
        _handler.replace(folder)
    if _handler is not None:
        return log_file()
    if deferred:
        _install(_Deferred(folder))
        return None
    handler = _file_handler(folder or log_folder())
    if handler is None:
        return None
    _install(handler)
    return log_file()


def _file_handler(folder: Path) -> logging.Handler | None:
    """The rotating file handler in ``folder`` (made owner-only), or None (said on standard error)."""
    import logging.handlers

    from mdtboard.storage.permissions import make_private_folder

    try:
        make_private_folder(folder)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError as exc:
        print(f"mdtboard: cannot write the log in {folder}: {exc.strerror}", file=sys.stderr)
        return None
    handler.setFormatter(_WithoutMessages(_FORMAT))
    return handler


def _install(handler: logging.Handler) -> None:
    global _handler
    for name in _LOGGERS:
        logging.getLogger(name).addHandler(handler)
    _handler = handler


def _uninstall() -> logging.Handler | None:
    global _handler
    handler, _handler = _handler, None
    if handler is not None:
        for name in _LOGGERS:
            logging.getLogger(name).removeHandler(handler)
    return handler


class _Deferred(logging.Handler):
    """Stands for the file handler until the first record: then makes it (see :func:`configure`), puts it
    in its own place and hands it the record (or, if the log cannot be written, drops every record)."""

    def __init__(self, folder: Path | None) -> None:
        super().__init__()
        self._folder = folder

    def replace(self, folder: Path | None = None) -> logging.Handler | None:
        with self.lock:  # type: ignore[union-attr]  # made by Handler.__init__
            if _handler is not self:
                return _handler
            _uninstall()
            real = _file_handler(folder or self._folder or log_folder())
            if real is not None:
                _install(real)
            return real

    def handle(self, record: logging.LogRecord) -> bool:
        real = self.replace()
        if real is not None:
            real.handle(record)
        return True

    def emit(self, record: logging.LogRecord) -> None:  # pragma: no cover - handle() does the work
        self.handle(record)


def unconfigure() -> None:
    """Stop logging to the file (tests)."""
    handler = _uninstall()
    if handler is not None:
        handler.close()
