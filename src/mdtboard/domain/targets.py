"""The conference's time targets, as clinical references: plain numbers, in a module that imports nothing,
so that the settings read before the main window's first paint can declare their defaults from here
without loading the clocks (``datetime``) or the timers."""

from __future__ import annotations

#: An oral case presentation should stay under 5 minutes (clinical reference).
DEFAULT_PRESENTATION_TARGET_MINUTES = 5.0
