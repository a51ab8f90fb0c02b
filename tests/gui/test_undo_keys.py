"""One Ctrl+Z / Ctrl+Shift+Z handling for the whole window: in every field of the conference editor and the
care-plan editor the keys undo and redo on the window's one undo stack (never the field's own undo), what
is undone is saved; a text field outside the editors keeps its own undo."""

from __future__ import annotations

from datetime import datetime

from conftest import settle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from test_careplan_support import EditorFactory, care_settings, in_conference, make_editor
from test_careplan_support import load_samples as load_plan_samples
from test_conference_support import (
    CTRL,
    SHIFT,
    WAIT_MS,
    WorkspaceFactory,
    conference,
    make_workspace,
    press,
    type_into,
)

from mdtboard.services.context import Services
from mdtboard.ui.editing import undo_keys

__all__ = ["care_settings", "make_editor", "make_workspace"]  # the fixtures, imported for pytest


def test_ctrl_z_in_the_conference_fields_undoes_on_the_window_stack(
    qtbot: QtBot, services: Services, make_workspace: WorkspaceFactory
) -> None:
    conf_id = conference(services, datetime(2026, 12, 3, 13))
    workspace = make_workspace(services)
    workspace.open_conference(conf_id)
    settle()
    stack = workspace.controller.undo_stack
    title, room = workspace.editor.ui.titleEdit, workspace.editor.ui.roomEdit
    assert undo_keys.stack_for(title)[0] is stack
    title.setFocus()
    title.end(False)
    type_into(qtbot, title, " (spine)")
    room.setFocus()
    room.selectAll()
    type_into(qtbot, room, "Seminar room")
    assert stack.count() == 2  # consecutive typing in one field is one step
    press(qtbot, Qt.Key.Key_Z, CTRL)  # in the room field: its typing is undone
    assert room.text() == "Room 4" and title.text() == "Pain MDT (spine)"
    title.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)  # undo goes on through the window's history, not the field's own
    assert title.text() == "Pain MDT"
    assert workspace.flush()
    stored = services.conferences.get(conf_id)
    assert (stored.title, stored.room) == ("Pain MDT", "Room 4")
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    press(qtbot, Qt.Key.Key_Y, CTRL)
    assert (title.text(), room.text()) == ("Pain MDT (spine)", "Seminar room")
    qtbot.waitUntil(lambda: not workspace.editor.session.pending, timeout=WAIT_MS)
    stored = services.conferences.get(conf_id)
    assert (stored.title, stored.room) == ("Pain MDT (spine)", "Seminar room")


def test_ctrl_z_in_the_care_plan_undoes_on_the_window_stack(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_plan_samples(services)["MDT-001"]
    editor = make_editor(services)
    stack = editor.test_stack  # type: ignore[attr-defined]
    editor.open_case(case_id, in_conference(services, case_id))
    settle()
    editor.build_draft()
    settle()
    field = editor.ui.clinicianEdit
    field.setFocus()
    type_into(qtbot, field, "Dr Here")
    assert stack.count() == 1
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert field.text() == "" and stack.index() == 0
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert field.text() == "Dr Here"
    assert editor.flush()
    assert services.careplans.current(case_id).responsible_clinician == "Dr Here"  # type: ignore[union-attr]


def test_a_field_outside_the_editors_keeps_its_own_undo(qtbot: QtBot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    field.activateWindow()
    qtbot.waitUntil(field.isActiveWindow)
    field.setFocus()
    assert undo_keys.stack_for(field) == (None, [])
    qtbot.keyClicks(field, "search")
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    settle()
    assert field.text() == ""
