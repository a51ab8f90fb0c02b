"""Helpers of the care-plan GUI tests: an editor on a test database, the sample cases, keyboard helpers,
and a plan signed by every discipline. (No tests here.)"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from signing import account_for, sign

from mdtboard.domain.careplan import CarePlan, PlanStatus
from mdtboard.domain.case import Discipline, DisciplineInput
from mdtboard.domain.conference import Attendee, AttendeeRole, Conference
from mdtboard.interchange.bundle import import_files
from mdtboard.services.context import Services
from mdtboard.ui import ops
from mdtboard.ui.careplan.editor import CarePlanEditor

SAMPLE_CASES = Path(__file__).resolve().parents[1] / "data" / "sample-cases.json"

#: Autosave waits this long after the last keystroke in these tests (the program's default is 500 ms).
SAVE_DELAY_MS = 100
#: How long a test waits for something the program does by itself (autosave).
WAIT_MS = 5000

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier

EditorFactory = Callable[..., CarePlanEditor]


def load_samples(services: Services) -> dict[str, int]:
    """The five sample cases; their database ids by reference."""
    return {s.ref: s.id for s in import_files(services.cases, [SAMPLE_CASES])}


@pytest.fixture
def care_settings(tmp_path: Path) -> QSettings:
    """The settings the editors of a test share: the application's to keep (a few hundred of them in a run),
    never left to Python's cycle collector with the editors that hold them, which would destroy them on
    whichever thread ran it."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat, QApplication.instance())


@pytest.fixture
def make_editor(qtbot: QtBot, care_settings: QSettings) -> Iterator[EditorFactory]:
    """``make_editor(services, undo_stack=None)``: a shown, active care-plan editor (its undo stack is
    ``editor.test_stack``)."""

    def make(services: Services, undo_stack: QUndoStack | None = None) -> CarePlanEditor:
        stack = undo_stack if undo_stack is not None else QUndoStack()
        editor = CarePlanEditor(services, stack, care_settings, save_delay_ms=SAVE_DELAY_MS)
        editor.test_stack = stack  # type: ignore[attr-defined]
        if undo_stack is None:
            stack.setParent(editor)  # Qt's to delete with the editor, on the GUI thread
        qtbot.addWidget(editor)
        editor.resize(1400, 900)
        editor.show()
        qtbot.waitExposed(editor)
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow)
        return editor

    yield make
    assert ops.operations().wait(30)  # nothing still reading when the test's database goes


#: The leads present at the conferences of these tests.
LEADS = {
    Discipline.PHYSICIAN: "Dr Physician",
    Discipline.PHYSICAL_THERAPY: "Dr Physical therapy",
    Discipline.PSYCHOLOGY: "Dr Psychology",
}


def in_conference(services: Services, case_id: int, *, copy_inputs: bool = True) -> int:
    """A conference with the core leads present and the case on its agenda; the case's prepared inputs
    given again in the meeting. Returns the agenda item's id (to open the case's plan with)."""
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=datetime(2026, 12, 3, 13, 0)))
    for discipline, name in LEADS.items():
        role = AttendeeRole.CHAIR if discipline is Discipline.PHYSICIAN else AttendeeRole.MEMBER
        services.conferences.add_attendee(conf.id or 0, Attendee(name, discipline, role))
        account_for(services, name, discipline)  # each lead signs with their own account
    item = services.conferences.add_agenda_item(conf.id or 0, case_id)
    if copy_inputs:
        for given in services.cases.get(case_id).discipline_inputs or []:
            services.conferences.add_input(item.id or 0, DisciplineInput(
                given.discipline, given.author, given.assessment, given.recommendations
            ))
    return item.id or 0


def conference_draft(services: Services, case_id: int) -> CarePlan:
    """A draft built in a conference (see :func:`in_conference`) with every proposed item accepted."""
    plan = services.careplans.create_draft(case_id, agenda_item_id=in_conference(services, case_id))
    return services.careplans.save_draft(
        replace(plan, interventions=[replace(i, proposed=False) for i in plan.interventions])
    )


def signed(services: Services, plan: CarePlan) -> CarePlan:
    """``plan`` signed by the lead present of every required discipline (through the service)."""
    for discipline in services.careplans.required_sign_offs(plan):
        plan = sign(services, plan, discipline, LEADS[discipline], open_items_reason="test")
    assert plan.status is PlanStatus.SIGNED
    return plan
