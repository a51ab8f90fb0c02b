"""When the program last saved what was typed: "What you typed is saved up to 14:02:31"."""

from __future__ import annotations

from datetime import datetime

_started = datetime.now()
_last_saved: datetime | None = None


def note_saved(when: datetime | None = None) -> None:
    """A save of typed text was committed (call after the commit, on any editor)."""
    global _last_saved
    _last_saved = when or datetime.now()


def saved_up_to() -> datetime:
    """The time of the last committed save; the program's start when nothing was saved since (what was
    typed before it was saved in an earlier run)."""
    return _last_saved or _started
