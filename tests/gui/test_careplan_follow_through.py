"""The Follow-through tab at the next conference: the agreed plan's actions, D done, N not done (asks why),
C carried forward (asks the date), recorded by someone present, without a new plan version; the model
passes qtmodeltester."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from conftest import settle
from gui_helpers import focused, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_careplan_support import (
    EditorFactory,
    care_settings,
    conference_draft,
    load_samples,
    make_editor,
    signed,
)

from mdtboard.domain.careplan_progress import ProgressState
from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import Attendee, AttendeeRole, Conference
from mdtboard.services.context import Services

pytestmark = pytest.mark.gui
__all__ = ["care_settings", "make_editor"]  # fixtures used here


def _next_conference(services: Services, case_id: int) -> int:
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=datetime(2027, 1, 21, 13, 0)))
    services.conferences.add_attendee(conf.id or 0, Attendee("Dr Chair", Discipline.PHYSICIAN,
                                                             AttendeeRole.CHAIR))
    services.conferences.add_attendee(conf.id or 0, Attendee("Sam Nurse", Discipline.NURSING,
                                                             AttendeeRole.MEMBER))
    return services.conferences.add_agenda_item(conf.id or 0, case_id).id or 0


def _answer(qtbot: QtBot, panel: object, text: str) -> None:
    dialog = panel.last_dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, QInputDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.setTextValue(text)
    dialog.accept()


def test_actions_are_reviewed_by_keyboard(
    qtbot: QtBot, qtmodeltester: ModelTester, services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_samples(services)["MDT-001"]
    plan = conference_draft(services, case_id)
    for index, item in enumerate(plan.interventions):
        item.owner, item.due = "Dr Physician", date.today() + timedelta(days=index - 2)
    plan = signed(services, services.careplans.save_draft(plan))
    assert plan.id is not None and len(plan.agreed_interventions()) >= 3
    editor = make_editor(services)
    editor.open_case(case_id, _next_conference(services, case_id))
    settle()
    panel = editor.follow_through
    qtmodeltester.check(panel.model)
    tabs = editor.ui.sectionTabs
    assert tabs.tabText(tabs.indexOf(panel)) == "Follow-thro&ugh (version 1)"
    assert panel.model.rowCount() == len(plan.agreed_interventions())
    assert [panel.ui.recorderCombo.itemText(i) for i in range(panel.ui.recorderCombo.count())] == [
        "Dr Chair", "Sam Nurse",
    ]
    view = panel.ui.actionsTable
    tabs.setCurrentWidget(panel)
    view.setFocus()
    view.setCurrentIndex(panel.model.index(0, 0))
    assert panel.model.index(0, 0).data() == "overdue" and panel.model.index(2, 0).data() == "due"
    press(qtbot, Qt.Key.Key_D)  # done: recorded in the background
    settle()
    assert panel.model.index(0, 0).data() == "done"
    assert "recorded by Dr Chair" in panel.model.index(0, 5).data()
    view.setCurrentIndex(panel.model.index(1, 0))
    panel.ui.recorderCombo.setCurrentText("Sam Nurse")
    view.setFocus()
    press(qtbot, Qt.Key.Key_N)  # not done: why?
    _answer(qtbot, panel, "The patient was in hospital")
    settle()
    assert panel.model.index(1, 0).data() == "not done"
    view.setCurrentIndex(panel.model.index(2, 0))
    press(qtbot, Qt.Key.Key_C)  # carried forward: to when?
    _answer(qtbot, panel, "no date at all")
    assert panel.model.index(2, 5).data() == ""  # not a date: nothing recorded
    press(qtbot, Qt.Key.Key_C)
    _answer(qtbot, panel, "in 6 weeks")
    settle()
    assert panel.model.index(2, 0).data() == "carried forward, due"
    assert focused() is view
    progress = services.careplans.progress(plan.id)
    items = plan.agreed_interventions()
    assert progress[items[0].uid].state is ProgressState.DONE
    assert progress[items[1].uid].reason == "The patient was in hospital"
    assert progress[items[1].uid].recorded_by == "Sam Nurse"
    assert progress[items[2].uid].new_due == date.today() + timedelta(weeks=6)
    # no new version: the signed plan is still the case's plan
    current = services.careplans.current(case_id)
    assert current is not None and current.id == plan.id and current.signed
    assert "1 done" in panel.ui.summaryLabel.text() and "1 not done" in panel.ui.summaryLabel.text()


def test_without_an_agreed_plan_or_a_conference(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_samples(services)["MDT-002"]
    editor = make_editor(services)
    editor.open_case(case_id)
    settle()
    panel = editor.follow_through
    assert panel.model.rowCount() == 0 and "No agreed plan yet" in panel.ui.introLabel.text()
    plan = signed(services, conference_draft(services, case_id))
    editor.open_case(case_id)  # from the library: no attendance list to choose from
    settle()
    assert panel.model.rowCount() == len(plan.agreed_interventions())
    assert not panel.ui.recorderCombo.isEnabled()
    messages: list[str] = []
    editor.status_message.connect(messages.append)
    panel.ui.actionsTable.setFocus()
    panel.ui.actionsTable.setCurrentIndex(panel.model.index(0, 0))
    press(qtbot, Qt.Key.Key_D)
    assert "open the case from its conference" in messages[-1]
    assert plan.id is not None and services.careplans.progress(plan.id) == {}
