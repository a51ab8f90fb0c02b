"""The big screen's themes: light, dark and high contrast (a setting, remembered).

Every pair of text and background colour here has a contrast ratio of at least 7:1 (WCAG AAA) except the
muted text (at least 4.5:1), and no state rests on colour alone: banners and timer states also carry a
word and a shape. :func:`contrast_ratio` is used by the tests to hold the themes to that.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when used: the main window reads the themes before its first paint
    from mdtboard.domain.timers import TimerState


@dataclass(frozen=True)
class Theme:
    key: str
    label: str
    background: str
    text: str
    muted: str
    accent: str  # section letters, headings
    rule: str
    panel: str  # the bars at top and bottom
    safety_background: str
    safety_text: str
    safety_border: str
    sharing_background: str
    sharing_text: str
    sharing_border: str
    ok: str  # running
    warn: str  # two minutes left, presentation over target
    over: str  # overrun
    idle: str  # not started, paused, stopped

    def state_colour(self, state: TimerState) -> str:
        from mdtboard.domain.timers import TimerState

        if state is TimerState.OVERRUN:
            return self.over
        if state is TimerState.TWO_MINUTES_LEFT:
            return self.warn
        if state is TimerState.RUNNING:
            return self.ok
        return self.idle


LIGHT = Theme(
    key="light",
    label="Light",
    background="#ffffff",
    text="#111111",
    muted="#4a4a4a",
    accent="#0b3d6b",
    rule="#9aa5b1",
    panel="#eef2f6",
    safety_background="#fdecea",
    safety_text="#7f0000",
    safety_border="#c62828",
    sharing_background="#f3efe9",
    sharing_text="#3e2723",
    sharing_border="#5d4037",
    ok="#1b5e20",
    warn="#7a4100",
    over="#9b0000",
    idle="#333333",
)

DARK = Theme(
    key="dark",
    label="Dark",
    background="#121417",
    text="#f2f2f2",
    muted="#b8bec6",
    accent="#8cc8ff",
    rule="#55606c",
    panel="#1e232a",
    safety_background="#3b0d0d",
    safety_text="#ffd6d6",
    safety_border="#ff6b6b",
    sharing_background="#2e2620",
    sharing_text="#f3e6d8",
    sharing_border="#c8a27a",
    ok="#8fe3a0",
    warn="#ffd27f",
    over="#ff9c9c",
    idle="#d0d4da",
)

HIGH_CONTRAST = Theme(
    key="contrast",
    label="High contrast",
    background="#000000",
    text="#ffffff",
    muted="#e0e0e0",
    accent="#ffff00",
    rule="#ffffff",
    panel="#000000",
    safety_background="#ffff00",
    safety_text="#000000",
    safety_border="#ffffff",
    sharing_background="#ffffff",
    sharing_text="#000000",
    sharing_border="#ffff00",
    ok="#00ff66",
    warn="#ffff00",
    over="#ff8080",
    idle="#ffffff",
)

THEMES: dict[str, Theme] = {t.key: t for t in (LIGHT, DARK, HIGH_CONTRAST)}
DEFAULT_THEME = "light"


def theme_named(key: object) -> Theme:
    """The theme with this key (the light theme for anything unknown)."""
    return THEMES.get(str(key), THEMES[DEFAULT_THEME])


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(one: str, two: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    a, b = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (a + 0.05) / (b + 0.05)
