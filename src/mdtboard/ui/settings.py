"""Every setting the program keeps between runs, declared once: its key, type, default and what it is
for (after MusicBrainz Picard's ``options.py``).

A module that remembers something reads and writes it only through its :class:`Option`:
``FONT_SCALE.read(settings)`` gives a value of the declared type, or the default when nothing (or
something unusable, such as a hand-edited ``abc`` for a number) is stored; ``FONT_SCALE.write(settings,
1.25)`` stores it. :data:`OPTIONS` lists them all (a test checks that no other key is used and that
every default reads back as itself).

Settings are per user and per computer (``QSettings``: the registry on Windows, an ini file elsewhere).
They never hold patient data: ids of the last case and conference opened, folders, sizes, choices.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from mdtboard.domain.targets import DEFAULT_PRESENTATION_TARGET_MINUTES

T = TypeVar("T")


def _as_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "1", "yes"):
        return True
    if isinstance(value, str) and value.strip().lower() in ("false", "0", "no"):
        return False
    raise ValueError(value)


def _as_int(value: object) -> int:
    if isinstance(value, bool):
        raise ValueError(value)
    return int(value)  # type: ignore[call-overload]


def _as_float(value: object) -> float:
    if isinstance(value, bool):
        raise ValueError(value)
    return float(value)  # type: ignore[arg-type]


def _as_str(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(value)
    return value


def _as_bytes(value: object) -> QByteArray:
    if isinstance(value, QByteArray | bytes):
        return QByteArray(value)
    raise ValueError(value)


def _as_list(value: object) -> list[str]:
    if isinstance(value, str):  # QSettings gives one string for a list of one on some platforms
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value]
    raise ValueError(value)


_CONVERT: dict[type, Callable[[object], Any]] = {
    bool: _as_bool,
    int: _as_int,
    float: _as_float,
    str: _as_str,
    QByteArray: _as_bytes,
    list: _as_list,
}


def _any(_value: object) -> bool:
    return True


class Option(Generic[T]):
    """One setting. ``valid`` says whether a stored value of the right type may be used (a zoom in its
    range, a folder that is not empty); one that may not reads as the default.

    A plain class rather than a dataclass: the window reads its settings before its first paint, and
    ``dataclasses`` (with the making of the class) would be imported for this alone."""

    __slots__ = ("key", "kind", "default", "doc", "valid")

    def __init__(
        self, key: str, kind: type, default: T, doc: str, valid: Callable[[T], bool] = _any
    ) -> None:
        self.key = key
        self.kind = kind
        self.default = default
        self.doc = doc
        self.valid = valid

    def __repr__(self) -> str:
        return f"Option({self.key!r}, {self.kind.__name__}, {self.default!r})"

    def read(self, settings: QSettings) -> T:
        stored = settings.value(self.key)
        if stored is None:
            return self.default
        try:
            value: T = _CONVERT[self.kind](stored)
        except (TypeError, ValueError, OverflowError):
            return self.default
        return value if self.valid(value) else self.default

    def write(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)

    def forget(self, settings: QSettings) -> None:
        settings.remove(self.key)


def _positive(value: float) -> bool:
    return value > 0


# ---------------------------------------------------------------------------- the window

WINDOW_GEOMETRY: Option[QByteArray] = Option(
    "window/geometry", QByteArray, QByteArray(), "Where the main window was and how big (Qt's own format)",
    valid=lambda v: not v.isEmpty(),
)
WINDOW_STATE: Option[QByteArray] = Option(
    "window/state", QByteArray, QByteArray(), "The main window's toolbars and docks (Qt's own format)",
    valid=lambda v: not v.isEmpty(),
)
FONT_SCALE: Option[float] = Option(
    "view/font_scale", float, 1.0, "View > Bigger/Smaller text: the text size as a share of the system's",
    valid=lambda v: 0.5 <= v <= 3.0,
)
LAST_CONFERENCE: Option[int] = Option(
    "session/last_conference", int, 0, "The conference open when the program was last closed (its id)",
    valid=_positive,
)
LAST_CASE: Option[int] = Option(
    "session/last_case", int, 0, "The case open in the case editor when the program was last closed (its id)",
    valid=_positive,
)
DEMO_OFFERED: Option[bool] = Option(
    "start/demo_offered", bool, False, "Whether the demo cases were offered once on an empty database"
)
USED_DATABASE_FILES: Option[list[str]] = Option(
    "database/used_files", list, [], "SQLite files this user has used (the last 20), to notice one gone"
)
BACKUP_KEEP_DAYS: Option[int] = Option(
    "backups/keep_days", int, 14, "How many days the automatic daily backups are kept", valid=_positive
)
DATABASE_ENCRYPTION: Option[bool] = Option(
    "database/encrypt", bool, False,
    "A new database file is created encrypted (SQLCipher), its key in the operating system's keyring; an "
    "existing unencrypted one is encrypted by `mdtboard database encrypt`",
)
IDLE_LOCK_MINUTES: Option[float] = Option(
    "security/idle_lock_minutes", float, 10.0,
    "Minutes without a key press or mouse use before both windows hide patient data and ask to unlock",
    valid=_positive,
)
IDLE_LOCK_PRESENTING_MINUTES: Option[float] = Option(
    "security/idle_lock_presenting_minutes", float, 45.0,
    "The idle lock's time while presentation mode runs (a discussion may go on without typing)",
    valid=_positive,
)

# ---------------------------------------------------------------------------- the conference page

CONFERENCE_SPLITTER: Option[QByteArray] = Option(
    "conference/splitter", QByteArray, QByteArray(), "The conference list beside the conference: widths",
    valid=lambda v: not v.isEmpty(),
)
DISCUSSION_SPLITTER: Option[QByteArray] = Option(
    "conference/discussion_splitter", QByteArray, QByteArray(),
    "The key facts beside the discipline panels: widths", valid=lambda v: not v.isEmpty(),
)

# ---------------------------------------------------------------------------- presentation mode

PRESENTATION_SCREEN: Option[str] = Option(
    "presentation/screen", str, "", "The screen the big screen goes on (its name; empty: chosen by itself)"
)
PRESENTATION_THEME: Option[str] = Option(
    "presentation/theme", str, "light", "The big screen's colours: light, dark or high contrast"
)
PRESENTATION_ZOOM: Option[float] = Option(
    "presentation/zoom", float, 1.0, "The big screen's text size (Ctrl+plus/minus on it)", valid=_positive
)
TYPING_SUGGESTS_FLOOR: Option[bool] = Option(
    "presentation/typing_suggests_floor", bool, True,
    "Typing in a discipline's panel suggests who holds the floor while the timer runs and nobody set it",
)
PRESENTATION_TARGET_MINUTES: Option[float] = Option(
    "presentation/target_minutes", float, DEFAULT_PRESENTATION_TARGET_MINUTES,
    "How long the presentation part of a case should take",
    valid=lambda v: 0 < v <= 60,
)
RECORD_FOLDER: Option[str] = Option(
    "presentation/record_folder", str, "", "Where the meeting record PDF was last saved",
    valid=lambda v: bool(v.strip()),
)
MINUTES_FOLDER: Option[str] = Option(
    "presentation/minutes_folder", str, "", "Where the minutes PDF was last saved",
    valid=lambda v: bool(v.strip()),
)

# ---------------------------------------------------------------------------- care plans

#: The paper sizes care plans are printed on: (shown name, name the reports take).
PAGE_SIZES: tuple[tuple[str, str], ...] = (("A4", "A4"), ("US Letter", "Letter"))
CAREPLAN_PAGE_SIZE: Option[str] = Option(
    "careplan/page_size", str, "A4", "The paper size care plans are printed on (A4 or Letter)",
    valid=lambda v: v in ("A4", "Letter"),
)
CAREPLAN_FOLDER: Option[str] = Option(
    "careplan/last_folder", str, "", "Where a care plan PDF or FHIR file was last saved",
    valid=lambda v: bool(v.strip()),
)

#: Every setting, by key.
OPTIONS: dict[str, Option[Any]] = {
    option.key: option
    for option in (
        WINDOW_GEOMETRY, WINDOW_STATE, FONT_SCALE, LAST_CONFERENCE, LAST_CASE, DEMO_OFFERED,
        USED_DATABASE_FILES, BACKUP_KEEP_DAYS, DATABASE_ENCRYPTION, IDLE_LOCK_MINUTES,
        IDLE_LOCK_PRESENTING_MINUTES,
        CONFERENCE_SPLITTER, DISCUSSION_SPLITTER,
        PRESENTATION_SCREEN, PRESENTATION_THEME, PRESENTATION_ZOOM, TYPING_SUGGESTS_FLOOR,
        PRESENTATION_TARGET_MINUTES, RECORD_FOLDER, MINUTES_FOLDER, CAREPLAN_PAGE_SIZE, CAREPLAN_FOLDER,
    )
}
