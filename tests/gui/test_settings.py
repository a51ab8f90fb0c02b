"""Every setting is declared once in ``mdtboard.ui.settings`` with its type and default: no other key is
used anywhere in the program, each default reads back as itself, and a value nobody could have meant (a
hand-edited file, another version's format) reads as the default instead of breaking the start."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from mdtboard.ui import settings as options

SRC = Path(options.__file__).resolve().parents[1]
#: a "section/key" string literal, as QSettings keys are written
KEY = re.compile(r"""["']([a-z_]+/[a-z_]+)["']""")


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_no_setting_is_used_without_its_declaration() -> None:
    declared = set(options.OPTIONS)
    used: dict[str, list[str]] = {}
    for path in SRC.rglob("*.py"):
        if path.name == "settings.py" or "forms" in path.parts:
            continue
        text = path.read_text("utf-8")
        if "settings.value(" in text or ".setValue(" in text and "QSettings" in text:
            for line in text.splitlines():
                if "settings.value(" in line or ("settings" in line and ".setValue(" in line):
                    used.setdefault(str(path.relative_to(SRC)), []).append(line.strip())
        for key in KEY.findall(text):
            if key.split("/")[0] in {k.split("/")[0] for k in declared} and key not in declared:
                used.setdefault(str(path.relative_to(SRC)), []).append(key)
    assert used == {}, "settings read or written around their declarations in mdtboard.ui.settings"


@pytest.mark.parametrize("option", list(options.OPTIONS.values()), ids=list(options.OPTIONS))
def test_each_default_reads_back_and_a_stored_value_round_trips(
    tmp_path: Path, option: options.Option
) -> None:
    settings = _settings(tmp_path)
    assert option.read(settings) == option.default  # nothing stored
    assert option.doc and option.key.count("/") == 1
    samples = {
        bool: True, int: 7, float: 1.25, str: "Letter" if "page_size" in option.key else "x",
        list: ["/data/a.sqlite3", "/data/b.sqlite3"], QByteArray: QByteArray(b"\x01\x02"),
    }
    sample = samples[option.kind]
    if option.key == "view/font_scale":
        sample = 1.5
    option.write(settings, sample)
    settings.sync()
    again = _settings(tmp_path)
    assert option.read(again) == sample


@pytest.mark.parametrize(
    ("option", "stored"),
    [
        (options.FONT_SCALE, "abc"),
        (options.FONT_SCALE, "40"),
        (options.LAST_CASE, "-3"),
        (options.LAST_CONFERENCE, "seven"),
        (options.DEMO_OFFERED, "maybe"),
        (options.PRESENTATION_TARGET_MINUTES, "0"),
        (options.CAREPLAN_PAGE_SIZE, "Tabloid"),
        (options.BACKUP_KEEP_DAYS, "0"),
        (options.WINDOW_GEOMETRY, "not bytes"),
    ],
)
def test_an_unusable_stored_value_reads_as_the_default(
    tmp_path: Path, option: options.Option, stored: str
) -> None:
    (tmp_path / "settings.ini").write_text(
        f"[{option.key.split('/')[0]}]\n{option.key.split('/')[1]}={stored}\n", "utf-8"
    )
    assert option.read(_settings(tmp_path)) == option.default
