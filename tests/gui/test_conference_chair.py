"""The chair typed in a conference's details is offered for the attendance (as chair, the discipline left
to choose) when nobody of that name is on it yet, so the person chairing counts towards the quorum."""

from __future__ import annotations

from datetime import datetime

from conftest import settle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_conference_support import WorkspaceFactory as _Factory  # noqa: I001
from test_conference_support import conference, make_workspace, press, type_into

from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import Attendee, AttendeeRole
from mdtboard.services.context import Services

__all__ = ["make_workspace"]  # the fixture, imported for pytest


def test_the_chair_typed_is_offered_for_the_attendance(
    qtbot: QtBot, services: Services, make_workspace: _Factory
) -> None:
    conf_id = conference(services, datetime(2026, 12, 3, 13))
    services.conferences.add_attendee(conf_id, Attendee("Sam Lee", Discipline.PHYSICAL_THERAPY))
    workspace = make_workspace(services)
    workspace.open_conference(conf_id)
    settle()
    messages: list[str] = []
    workspace.status_message.connect(messages.append)
    editor = workspace.editor.ui
    panel = workspace.attendance.ui
    editor.chairEdit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.chairEdit)
    type_into(qtbot, editor.chairEdit, "Dr  Amara Okafor")
    press(qtbot, Qt.Key.Key_Tab)
    assert panel.nameEdit.text() == "Dr Amara Okafor"
    assert panel.roleCombo.currentData() == AttendeeRole.CHAIR.value
    assert "Dr Amara Okafor chairs but is not on the attendance yet" in messages[-1]
    panel.nameEdit.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # physician is the first discipline: Enter adds them
    attendees = services.conferences.get(conf_id).attendees
    assert [(a.name, a.discipline, a.role) for a in attendees][-1] == (
        "Dr Amara Okafor", Discipline.PHYSICIAN, AttendeeRole.CHAIR
    )

    # Someone already on the list, or a name being typed in the row, is left alone.
    messages.clear()
    editor.chairEdit.setFocus()
    editor.chairEdit.selectAll()
    type_into(qtbot, editor.chairEdit, "sam lee")
    press(qtbot, Qt.Key.Key_Tab)
    assert panel.nameEdit.text() == "" and not any("chairs" in m for m in messages)
    panel.nameEdit.setText("Lou Berg")
    editor.chairEdit.setFocus()
    editor.chairEdit.selectAll()
    type_into(qtbot, editor.chairEdit, "Dr Someone Else")
    press(qtbot, Qt.Key.Key_Tab)
    assert panel.nameEdit.text() == "Lou Berg"
