"""When Qt cannot start its window system plugin, the program says which system packages to install
(the README's list) instead of Qt's raw message and abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mdtboard.system_packages import SYSTEM_PACKAGES, platform_failure_message

README = Path(__file__).resolve().parents[2] / "README.md"


def _start_program(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    environment.update(env)
    code = "import sys; from mdtboard.cli import main; sys.exit(main(sys.argv[1:]))"
    url = f"sqlite:///{tmp_path / 'mdtboard.sqlite3'}"
    return subprocess.run(
        [sys.executable, "-c", code, "--database", url],
        env=environment, capture_output=True, text=True, timeout=120, check=False,
    )


def test_an_unavailable_platform_prints_the_packages_and_exits_with_status_1(tmp_path: Path) -> None:
    done = _start_program(tmp_path, QT_QPA_PLATFORM="nosuchplatform", DISPLAY=":99")
    assert done.returncode == 1, done.stderr  # not Qt's abort (-6)
    assert done.stderr.startswith("mdtboard cannot open its window: Qt could not start its window system")
    assert '("nosuchplatform")' in done.stderr.splitlines()[0]
    assert f"sudo apt install {SYSTEM_PACKAGES}" in done.stderr
    assert "Qt said: Could not find the Qt platform plugin" in done.stderr  # the detail, last
    assert "no display" not in done.stderr  # DISPLAY was set
    assert not (tmp_path / "mdtboard.sqlite3").exists()  # nothing was started


def test_without_a_display_it_says_so_first(tmp_path: Path) -> None:
    done = _start_program(tmp_path, QT_QPA_PLATFORM="xcb")
    assert done.returncode == 1, done.stderr
    assert "There is no display to open a window on" in done.stderr
    assert f"sudo apt install {SYSTEM_PACKAGES}" in done.stderr


def test_the_readme_lists_the_same_packages() -> None:
    text = " ".join(README.read_text("utf-8").replace("\\\n", " ").split())  # one command over lines
    assert f"sudo apt install {SYSTEM_PACKAGES}" in text


def test_the_message_without_qt_details() -> None:
    message = platform_failure_message(None, [])
    assert "Qt said" not in message and "libxcb-cursor0" in message
