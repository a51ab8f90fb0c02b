"""Failures a user can cause, each saying what was wrong, where, and that nothing was changed.

They are raised by the domain and services and caught once at the edge (a dialog or the command line).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

NOTHING_CHANGED = "Nothing was changed."


class MdtboardError(Exception):
    """Base class of every error mdtboard reports to a person."""

    #: exit status of the command line for this kind of error
    exit_status = 1


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where (a field or JSON path) and why."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class InvalidInputError(MdtboardError):
    """Input that breaks a rule; carries every problem found, not just the first."""

    exit_status = 2

    def __init__(self, problems: list[Problem] | Problem, *, source: str | None = None) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        self.source = source
        super().__init__(self.describe())

    def describe(self) -> str:
        head = f"{self.source}: " if self.source else ""
        if len(self.problems) == 1:
            return f"{head}{self.problems[0]}. {NOTHING_CHANGED}"
        lines = "\n".join(f"  {p}" for p in self.problems)
        return f"{head}{len(self.problems)} problems found. {NOTHING_CHANGED}\n{lines}"


class CancelledError(MdtboardError):
    """The person stopped a long operation (an import) before it finished; what it was doing is undone."""

    def __init__(self, what: str) -> None:
        self.what = what
        super().__init__(f"{what} was cancelled. {NOTHING_CHANGED}")


class NotFoundError(MdtboardError):
    exit_status = 2

    def __init__(self, what: str, key: Any) -> None:
        self.what = what
        self.key = key
        super().__init__(f"No {what} {key!s} was found. {NOTHING_CHANGED}")


class ConflictError(MdtboardError):
    """Someone else saved the record after this user read it.

    ``mine`` is what this user tried to save, ``theirs`` what is stored now; both are kept so that the
    user can choose.
    """

    def __init__(
        self, what: str, key: Any, *, seen_version: int, mine: Any = None, theirs: Any = None
    ) -> None:
        self.what = what
        self.key = key
        self.seen_version = seen_version
        self.mine = mine
        self.theirs = theirs
        super().__init__(
            f"The {what} {key!s} was changed by someone else (on another PC or window) after you opened it. "
            f"Your text was not saved over theirs; both versions are kept for you to choose."
        )


class DatabaseError(MdtboardError):
    """The database cannot be used: unreachable, newer than this program, not writable, full."""

    #: True when the fault can pass by itself (a lock held by another program, a connection lost for a
    #: moment): the save is then retried automatically. False when a person must act (read-only, disk full).
    passing: bool = False

    def __init__(self, message: str, *, passing: bool | None = None) -> None:
        super().__init__(message)
        if passing is not None:
            self.passing = passing


class DatabaseGoneError(DatabaseError):
    """The SQLite file was deleted or replaced under the running program: nothing more is saved to it."""

    def __init__(self, path: str, what: str) -> None:
        self.path = path
        super().__init__(
            f"The database file {path} was {what} while mdtboard was running, so nothing more can be saved "
            "to it; what you typed since is still on screen. Put the file back (or restore a backup) and "
            "start mdtboard again, or start it with another database."
        )


class DatabaseMissingError(DatabaseError):
    """A SQLite database that was used before is not there any more (and was not silently recreated)."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(
            f"The database file {path} that mdtboard used before is not there any more (moved, deleted, "
            "or on a drive that is not connected). It was not recreated empty."
        )
