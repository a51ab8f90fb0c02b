"""The operator's window takes its colours from one place (``mdtboard.ui.palette``; the big screen's from
its themes): no colour is written anywhere else, and each text colour is readable on the background it
is drawn on (WCAG AA, at least 4.5:1)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mdtboard.ui import palette

UI = Path(palette.__file__).resolve().parent
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_colours_are_written_only_in_the_palette_and_the_big_screen_themes() -> None:
    elsewhere = {
        str(path.relative_to(UI)): HEX.findall(path.read_text("utf-8"))
        for path in UI.rglob("*.py")
        if path.name not in ("palette.py", "themes.py") and "forms" not in path.parts
    }
    assert {k: v for k, v in elsewhere.items() if v} == {}


@pytest.mark.parametrize(
    ("text", "background"),
    [
        (palette.TEXT, palette.WHITE),
        (palette.QUIET_TEXT, palette.WHITE),
        (palette.HINT_TEXT, palette.WHITE),
        (palette.SLATE_TEXT, palette.LOCKED_BACKGROUND),
        (palette.PROBLEM_TEXT, palette.WHITE),
        (palette.PROBLEM_TEXT, palette.PROBLEM_BACKGROUND),
        (palette.PROBLEM_ALERT, palette.WHITE),
        (palette.WHITE, palette.PROBLEM_BORDER),  # the case editor's safety banner
        (palette.SHARING_TEXT, palette.SHARING_BACKGROUND),
        (palette.FICTIONAL_TEXT, palette.FICTIONAL_BACKGROUND),
        (palette.OTHER_TEXT, palette.WHITE),
        (palette.WHITE, palette.ACCENT),  # a chosen score
    ],
)
def test_text_is_readable_on_its_background(text: str, background: str) -> None:
    assert _contrast(text, background) >= 4.5, (text, background)
