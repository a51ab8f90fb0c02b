"""The base of a part of an editor written as a mixin (the case editor's and the care-plan editor's edits,
lifecycle and side panels): a QWidget for the type checker, which then checks the part's use of the
widget it is mixed into, and plain ``object`` at run time, so that the editor's one QWidget base stays the
only one."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    EditorPart = QWidget
else:
    EditorPart = object
