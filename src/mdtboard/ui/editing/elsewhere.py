"""A record deleted on another PC while it is open here: its editor closes with a message, and what was
typed and not saved is offered to copy (the message's details), never silently lost."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from mdtboard.ui.editing.session import RecordSession


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list | tuple):
        return "\n".join(t for t in (_as_text(v) for v in value) if t)
    if isinstance(value, dict):
        return "\n".join(t for t in (_as_text(v) for v in value.values()) if t)
    return str(value)


def unsaved_text(session: RecordSession, prefix: str = "", record: Any = None) -> str:
    """The fields typed on screen and not saved, labelled, as text to copy ("" when none); ``record``: the
    record on screen, when the editor gives it (see :meth:`RecordSession.unsaved_fields`)."""
    parts = []
    for name, value in session.unsaved_fields(record).items():
        text = _as_text(value)
        if text:
            parts.append(f"{prefix}{session.label(name)}:\n{text}")
    return "\n\n".join(parts)


def closed_box(parent: QWidget, title: str, message: str, unsaved: Iterable[str]) -> QMessageBox:
    """Open (not modal to the program) the message saying a record was closed because it went elsewhere;
    ``unsaved``: texts not saved, shown in the details to copy."""
    text = "\n\n".join(t for t in unsaved if t)
    if text:
        message += " What you had typed and not saved is below, to copy."
    box = QMessageBox(QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok, parent)
    if text:
        box.setDetailedText(text)
    box.open()
    return box
