"""A guard for the GUI tests: which SQL statements the GUI thread sent to the database.

Every database call of the window is to run as a background operation (:mod:`mdtboard.ui.ops`), so that
the event loop never waits for a locked or unreachable database. :func:`watch_gui_thread` listens to the
engine's ``before_cursor_execute`` event and notes each statement sent from the thread that runs Qt's
event loop, with where it came from in mdtboard's code; a test walks a page with the guard on and asserts
that nothing was noted. Only the SQL text is kept (never its parameters, which may hold patient data).
(No tests here.)"""

from __future__ import annotations

import contextlib
import threading
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine


@dataclass
class GuiThreadStatements:
    """The statements sent from the GUI thread while watched: (where from in mdtboard, the SQL's start)."""

    seen: list[tuple[str, str]] = field(default_factory=list)
    #: statements sent from other threads (the background operations), counted to show the guard listened
    elsewhere: int = 0

    def places(self) -> list[str]:
        """Where the statements sent from the GUI thread came from, once each, in order."""
        return list(dict.fromkeys(where for where, _sql in self.seen))

    def __bool__(self) -> bool:
        return bool(self.seen)

    def __str__(self) -> str:
        return "\n".join(f"{where}: {sql}" for where, sql in self.seen[:20])


def _where() -> str:
    """Where in mdtboard the statement came from: the innermost frame of the window's code (ui/), and the
    innermost of mdtboard's own code below it."""
    frames = [f for f in traceback.extract_stack() if "/mdtboard/" in f.filename]
    ui = [f for f in frames if "/mdtboard/ui/" in f.filename]
    named = [f"{f.filename.rsplit('/mdtboard/', 1)[1]}:{f.lineno} {f.name}" for f in ui[-1:] + frames[-1:]]
    return " > ".join(dict.fromkeys(named))


@contextlib.contextmanager
def watch_gui_thread(engine: Engine) -> Iterator[GuiThreadStatements]:
    """Note every statement ``engine`` sends from the GUI thread (Qt's event loop runs on the main thread
    in these tests) until the block ends."""
    gui = threading.main_thread()
    noted = GuiThreadStatements()

    def before(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if threading.current_thread() is gui:
            noted.seen.append((_where(), " ".join(statement.split())[:80]))
        else:
            noted.elsewhere += 1

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield noted
    finally:
        event.remove(engine, "before_cursor_execute", before)
