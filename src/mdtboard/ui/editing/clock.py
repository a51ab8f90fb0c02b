"""When the program last saved what was typed: "What you typed is saved up to 14:02:31".

The program's start is noted as a plain timestamp when this module is imported (before the main window's
first paint, by the exception hook); ``datetime`` is imported when a time is first asked for.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

_started = time.time()
_last_saved: datetime | None = None


def note_saved(when: datetime | None = None) -> None:
    """A save of typed text was committed (call after the commit, on any editor)."""
    from datetime import datetime

    global _last_saved
    _last_saved = when or datetime.now()


def saved_up_to() -> datetime:
    """The time of the last committed save; the program's start when nothing was saved since (what was
    typed before it was saved in an earlier run)."""
    from datetime import datetime

    return _last_saved or datetime.fromtimestamp(_started)
