"""The system packages the desktop program needs, and the message shown when they are missing.

Kept free of Qt: the message is needed exactly when Qt cannot be loaded or cannot start.
"""

from __future__ import annotations

import os

#: What a Debian or Ubuntu desktop needs for Qt's window system plugin (xcb): the libraries it and Qt's
#: own libraries load that are not part of Qt (found with ``ldd`` on the plugin, each library's package
#: found with ``dpkg -S``). The README lists the same command.
SYSTEM_PACKAGES = (
    "libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libxkbcommon0 "
    "libxkbcommon-x11-0 libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 "
    "libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 "
    "libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1"
)


def platform_failure_message(platform: str | None, details: list[str]) -> str:
    """What to print when Qt cannot start its platform plugin: what is missing and how to install it."""
    name = f' ("{platform}")' if platform else ""
    lines = [
        f"mdtboard cannot open its window: Qt could not start its window system plugin{name}.",
        "",
    ]
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        lines += [
            "There is no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set): start",
            "mdtboard from the desktop, not over a plain SSH session. The command-line subcommands",
            "(mdtboard --help) work without one.",
            "",
        ]
    lines += [
        "On Debian or Ubuntu, Qt needs these system packages; install them with:",
        "",
        f"    sudo apt install {SYSTEM_PACKAGES}",
        "",
        "then start mdtboard again.",
    ]
    if details:
        lines += ["", "Qt said: " + " ".join(" ".join(details).split())]
    return "\n".join(lines)
