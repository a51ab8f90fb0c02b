"""Follow-ups in the conference workspace: open actions of agreed care plans due by the conference are
listed on its agenda tab, and one button puts their cases on the agenda (undoable)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from conftest import settle
from gui_thread_sql import watch_gui_thread
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_careplan_support import conference_draft, load_samples, signed

from mdtboard.domain.careplan import Intervention, InterventionStatus, OpenAction
from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import Conference
from mdtboard.services.context import Services
from mdtboard.ui.careplan.follow_ups import FollowUpModel, follow_up_text
from mdtboard.ui.conference.workspace import ConferenceWorkspace

pytestmark = pytest.mark.gui

CONFERENCE_AT = datetime(2027, 1, 14, 13, 0)
DAY = CONFERENCE_AT.date()


def _agreed_plan_with_dues(
    services: Services, case_id: int, dues: list[date | None], *, done: bool = False
) -> None:
    """An agreed (signed) plan whose first interventions are due on ``dues``."""
    plan = conference_draft(services, case_id)
    items = list(plan.interventions)
    status = InterventionStatus.DONE if done else InterventionStatus.OPEN
    for index, due in enumerate(dues):
        items[index] = replace(items[index], due=due, status=status)
    signed(services, services.careplans.save_draft(replace(plan, interventions=items)))


def _workspace(qtbot: QtBot, services: Services, tmp_path: Path) -> ConferenceWorkspace:
    stack = QUndoStack()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    workspace = ConferenceWorkspace(services, stack, settings)
    workspace.test_stack = stack  # type: ignore[attr-defined]
    stack.setParent(workspace)  # Qt's to delete with the workspace, on the GUI thread
    settings.setParent(workspace)
    qtbot.addWidget(workspace)
    workspace.resize(1400, 900)
    workspace.show()
    qtbot.waitExposed(workspace)
    return workspace


def test_open_actions_due_by_the_conference_are_offered_for_its_agenda(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    ids = load_samples(services)
    _agreed_plan_with_dues(services, ids["MDT-001"], [DAY - timedelta(days=3), DAY, DAY + timedelta(days=10)])
    _agreed_plan_with_dues(services, ids["MDT-002"], [DAY - timedelta(days=5)], done=True)  # done: not listed
    services.careplans.create_draft(ids["MDT-004"])  # a draft is not agreed: not listed
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=CONFERENCE_AT))
    assert conf.id is not None
    workspace = _workspace(qtbot, services, tmp_path)
    with watch_gui_thread(services.db.engine) as noted:
        workspace.open_conference(conf.id)
        settle()  # the follow-ups are read in the background
    assert not [w for w in noted.places() if "careplan/follow_ups.py" in w]  # not on the GUI thread
    workspace.ui.tabs.setCurrentWidget(workspace.ui.agendaTab)
    panel = workspace.follow_ups
    assert panel.isVisible()
    rows = panel.model.rows()
    assert [(a.case_ref, a.intervention.due) for a in rows] == [
        ("MDT-001", DAY - timedelta(days=3)), ("MDT-001", DAY)
    ]
    assert panel.ui.followUpLabel.text().startswith("Follow-ups: 2 open actions of agreed care plans due by")
    first = panel.model.index(0, 0).data()
    assert first.startswith("MDT-001 · José Ñúñez — ") and "on the agenda" not in first
    assert panel.ui.addButton.text() == "Add their 1 case to the agenda"

    panel.ui.addButton.setFocus()
    qtbot.keyClick(panel.ui.addButton, Qt.Key.Key_Space)  # one action puts the case on the agenda
    settle()
    agenda = services.conferences.get(conf.id).agenda
    assert [i.case_ref for i in agenda] == ["MDT-001"]
    assert "on the agenda" in panel.model.index(0, 0).data()
    assert not panel.ui.addButton.isEnabled() and panel.ui.addButton.text() == "Their cases are on the agenda"

    workspace.test_stack.undo()  # type: ignore[attr-defined]
    settle()
    assert services.conferences.get(conf.id).agenda == []
    assert panel.ui.addButton.isEnabled()


def test_no_follow_ups_no_panel(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    ids = load_samples(services)
    _agreed_plan_with_dues(services, ids["MDT-001"], [DAY + timedelta(days=1)])  # due after the conference
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=CONFERENCE_AT))
    workspace = _workspace(qtbot, services, tmp_path)
    workspace.open_conference(conf.id or 0)
    settle()
    workspace.ui.tabs.setCurrentWidget(workspace.ui.agendaTab)
    assert workspace.follow_ups.model.rowCount() == 0 and not workspace.follow_ups.isVisible()


def test_follow_up_model_passes_the_model_tester(
    qapp: QApplication, qtmodeltester: ModelTester, services: Services
) -> None:
    ids = load_samples(services)
    _agreed_plan_with_dues(services, ids["MDT-001"], [DAY - timedelta(days=3), DAY])
    actions = services.careplans.open_actions_due(DAY + timedelta(days=1))
    model = FollowUpModel()
    model.today = DAY
    model.set_rows(actions, frozenset())
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    model.set_rows(actions[:1], frozenset({ids["MDT-001"]}))
    assert model.rowCount() == 1 and model.cases_to_add() == []


def test_follow_up_text_says_overdue_in_words() -> None:
    item = Intervention(Discipline.PHARMACY, "Taper tramadol by 50 mg a fortnight", "P. Ng",
                        date(2027, 1, 2))
    action = OpenAction(1, "MDT-001", "José Ñúñez", 1, 1, item)
    assert follow_up_text(action, on_agenda=False, today=date(2027, 1, 10)) == (
        "MDT-001 · José Ñúñez — overdue since 2 Jan 2027\n"
        "Pharmacy: Taper tramadol by 50 mg a fortnight (P. Ng)"
    )
    assert "due 2 Jan 2027 · on the agenda" in follow_up_text(action, on_agenda=True, today=date(2027, 1, 1))
