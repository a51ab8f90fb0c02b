"""Where the big screen goes, with screens simulated by Qt's offscreen platform (configured before the
QApplication exists, so each case runs in a process of its own): the second screen when one is connected,
the screen named in the setting, or full screen on the only screen; Esc leaves. Its text at 1920×1080 is
at least 28 px. Also, without a display: the sizes and the themes' contrast."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mdtboard.storage.db import sqlite_url
from mdtboard.ui.presentation.sizing import (
    REFERENCE_HEIGHT,
    ZOOM_STEPS,
    clamp_zoom,
    room_sizes,
    zoom_in,
    zoom_out,
)
from mdtboard.ui.presentation.themes import THEMES, contrast_ratio, theme_named

CHILD = Path(__file__).resolve().parent / "presentation_screens_child.py"
LAPTOP = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768}
PROJECTOR = {"name": "projector", "x": 1366, "y": 0, "width": 1920, "height": 1080}
#: What the offscreen platform says on every window shown: not a problem of the program.
HARMLESS = ("propagateSizeHints",)


def run_child(tmp_path: Path, screens: list[dict[str, Any]], wanted: str = "") -> dict[str, Any]:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": screens}))
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts/truetype/dejavu")
    url = sqlite_url(tmp_path / "mdtboard.sqlite3")
    done = subprocess.run(
        [sys.executable, str(CHILD), url, str(tmp_path / "settings.ini"), wanted],
        env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    problems = [
        line for line in done.stderr.splitlines()
        if line.strip() and not any(word in line for word in HARMLESS)
    ]
    assert problems == [], "\n".join(problems)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_big_screen_goes_to_the_second_screen_and_the_operator_stays(tmp_path: Path) -> None:
    out = run_child(tmp_path, [LAPTOP, PROJECTOR])
    assert out["screens"] == {"laptop": [0, 0, 1366, 768], "projector": [1366, 0, 1920, 1080]}
    shown = out["presenting"]
    assert shown["visible"] and shown["full_screen"]
    assert shown["screen"] == shown["window_handle_screen"] == "projector"
    assert shown["geometry"] == [1366, 0, 1920, 1080]
    assert shown["operator_screen"] == "laptop" and shown["operator_active"]
    # Text for the back of the room at 1920×1080.
    assert shown["body_px"] == 30
    assert shown["smallest_label_px"] >= 28, shown["smallest_label"]
    assert out["after_escape"] == {"visible": False, "presenting": False}


def test_the_screen_named_in_the_setting_wins(tmp_path: Path) -> None:
    out = run_child(tmp_path, [LAPTOP, PROJECTOR], wanted="laptop")
    shown = out["presenting"]
    assert shown["screen"] == "laptop" and shown["geometry"] == [0, 0, 1366, 768] and shown["full_screen"]
    assert shown["body_px"] == round(30 * 768 / 1080)


def test_on_the_only_screen_the_big_screen_fills_it(tmp_path: Path) -> None:
    only = {"name": "only", "x": 0, "y": 0, "width": 1920, "height": 1080}
    out = run_child(tmp_path, [only], wanted="a projector not connected today")
    shown = out["presenting"]
    assert shown["visible"] and shown["full_screen"]
    assert shown["screen"] == "only" and shown["geometry"] == [0, 0, 1920, 1080]
    assert shown["smallest_label_px"] >= 28
    assert out["after_escape"] == {"visible": False, "presenting": False}


# ---------------------------------------------------------------------------- no display needed


def test_text_sizes_at_1920_by_1080_are_readable_from_the_back_of_the_room() -> None:
    sizes = room_sizes(1080)
    assert sizes.body >= 28 and sizes.small >= 28
    assert sizes.heading > sizes.body and sizes.title > sizes.heading and sizes.timer > sizes.title
    assert room_sizes(2160).body == 2 * sizes.body  # a 4K wall screen: twice the pixels
    assert room_sizes(REFERENCE_HEIGHT, 1.5).body == 45


def test_zoom_steps() -> None:
    assert zoom_in(1.0) == 1.15 and zoom_out(1.0) == 0.85
    assert zoom_in(ZOOM_STEPS[-1]) == ZOOM_STEPS[-1] and zoom_out(ZOOM_STEPS[0]) == ZOOM_STEPS[0]
    assert clamp_zoom("nonsense") == 1.0 and clamp_zoom(1.12) == 1.15 and clamp_zoom(9) == ZOOM_STEPS[-1]


@pytest.mark.parametrize("key", sorted(THEMES))
def test_every_theme_has_high_contrast_text(key: str) -> None:
    t = THEMES[key]
    for text, background in (
        (t.text, t.background), (t.accent, t.background), (t.text, t.panel),
        (t.safety_text, t.safety_background), (t.sharing_text, t.sharing_background),
        (t.background, t.accent),  # the section letter
    ):
        assert contrast_ratio(text, background) >= 7.0, (key, text, background)
    for colour in (t.muted, t.ok, t.warn, t.over, t.idle):
        assert contrast_ratio(colour, t.background) >= 4.5, (key, colour)
        assert contrast_ratio(colour, t.panel) >= 4.5, (key, colour)


def test_an_unknown_theme_is_the_light_one() -> None:
    assert theme_named("sepia").key == "light" and theme_named("dark").key == "dark"
