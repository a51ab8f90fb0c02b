"""The team acknowledges a case's sharing restrictions on its care plan: the check box is there only for a
case with restrictions (or restricted passages), beside the shared notice and never the restrictions'
words; Space ticks it, it is saved and undone like any field; the checklist before the first signature
names it while it is open, and "Go back and fix" puts the cursor on it."""

from __future__ import annotations

import html

import pytest
from conftest import settle
from gui_helpers import focused, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from test_careplan_support import (
    WAIT_MS,
    EditorFactory,
    care_settings,
    in_conference,
    load_samples,
    make_editor,
)

from mdtboard.domain.case import RestrictedPassage
from mdtboard.services.context import Services
from mdtboard.ui.careplan.checklist import ChecklistDialog

pytestmark = pytest.mark.gui
__all__ = ["care_settings", "make_editor"]  # fixtures used here

RESTRICTION = "Not with his employer: the claim ZQXJ is known only to social work."
ACKNOWLEDGE = "the case's sharing restrictions are not acknowledged"


def _restricted(services: Services, case_id: int) -> None:
    case = services.cases.get(case_id)
    case.sharing_restrictions = RESTRICTION
    case.sharing_restrictions_by = "Ana Ruiz"
    services.cases.update(case)


def test_no_acknowledgement_without_restrictions(services: Services, make_editor: EditorFactory) -> None:
    case_id = load_samples(services)["MDT-001"]
    editor = make_editor(services)
    editor.open_case(case_id, in_conference(services, case_id))
    settle()
    editor.build_draft()
    settle()
    plan = editor.plan
    assert plan is not None
    assert editor.ui.acknowledgedCheck.isHidden() and editor.ui.restrictionNotice.isHidden()
    assert ACKNOWLEDGE not in services.careplans.checklist(plan)


def test_the_team_acknowledges_the_restrictions(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_samples(services)["MDT-001"]
    _restricted(services, case_id)
    editor = make_editor(services)
    editor.open_case(case_id, in_conference(services, case_id))
    settle()
    editor.build_draft()
    settle()
    assert editor.plan is not None
    check = editor.ui.acknowledgedCheck
    assert not check.isHidden() and not check.isChecked()
    notice = editor.ui.restrictionNotice.text()
    assert notice == "Sharing restrictions apply: ask Ana Ruiz before discussing details."
    assert "ZQXJ" not in notice and "employer" not in notice  # the room may see this screen

    # the first signature: the checklist names it; Go back and fix puts the cursor on the check box
    editor.signoff.rows[next(iter(editor.signoff.rows))].name.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(editor.last_dialog, ChecklistDialog))  # read in the background
    dialog = editor.last_dialog
    assert isinstance(dialog, ChecklistDialog)
    assert ACKNOWLEDGE in html.unescape(dialog.findChildren(QLabel)[0].text())
    first = services.careplans.checklist(editor.plan)[0]  # type: ignore[arg-type]
    assert first.part == "interventions"  # the first open item: the proposed ones
    dialog.back_button.click()
    editor.activateWindow()  # back from the checklist (the offscreen platform does not do it by itself)
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.waitUntil(lambda: focused() is editor.tables.views["interventions"])
    editor.go_to_part("restrictions")
    assert focused() is check and editor.ui.sectionTabs.currentWidget() is editor.ui.agreementTab

    press(qtbot, Qt.Key.Key_Space)  # ticks it: saved like any field
    assert check.isChecked()
    qtbot.waitUntil(lambda: services.careplans.current(case_id).restriction_acknowledged,  # type: ignore[union-attr]
                    timeout=WAIT_MS)
    stored = services.careplans.current(case_id)
    assert stored is not None and ACKNOWLEDGE not in services.careplans.checklist(stored)
    editor.test_stack.undo()  # type: ignore[attr-defined]
    assert not check.isChecked()
    qtbot.waitUntil(lambda: not services.careplans.current(case_id).restriction_acknowledged,  # type: ignore[union-attr]
                    timeout=WAIT_MS)
    editor.test_stack.redo()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: services.careplans.current(case_id).restriction_acknowledged,  # type: ignore[union-attr]
                    timeout=WAIT_MS)
    # reopened, the plan shows it ticked
    editor.open_case(case_id)
    settle()
    assert editor.ui.acknowledgedCheck.isChecked()


def test_restricted_passages_alone_ask_for_the_acknowledgement(
    services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_samples(services)["MDT-001"]
    case = services.cases.get(case_id)
    assert case.psychosocial
    words = case.psychosocial.split(".")[0]
    case.restricted_passages = [RestrictedPassage("/psychosocial", words, "psychology")]
    services.cases.update(case)
    editor = make_editor(services)
    editor.open_case(case_id, in_conference(services, case_id))
    settle()
    editor.build_draft()
    settle()
    plan = editor.plan
    assert plan is not None
    assert not editor.ui.acknowledgedCheck.isHidden()
    assert editor.ui.restrictionNotice.text() == (
        "Passages held by psychology are withheld from the papers, the big screen and exports."
    )
    assert ACKNOWLEDGE in services.careplans.checklist(plan)
