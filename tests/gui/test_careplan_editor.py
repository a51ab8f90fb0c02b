"""The care-plan editor driven by keyboard: the draft built from the team's input, goals with their SMART
check, autosave into the database, undo, refused values, sign-off that locks, new versions, the version
history with its changes, and a conflict with a second session."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
import shiboken6
from conftest import settle, table_snapshot
from gui_helpers import focused, press, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QTableView, QTextBrowser
from pytestqt.qtbot import QtBot
from signing import account_for, pin_for, sign
from test_careplan_support import (
    CTRL,
    SHIFT,
    WAIT_MS,
    EditorFactory,
    care_settings,
    conference_draft,
    in_conference,
    load_samples,
    make_editor,
    signed,
)

from mdtboard.domain.accounts import Role
from mdtboard.domain.careplan import CarePlan, PlanLockedError
from mdtboard.domain.case import Discipline, DisciplineInput
from mdtboard.services.context import Services, open_services
from mdtboard.ui import ops
from mdtboard.ui.accounts.dialogs import CredentialDialog, WithdrawDialog
from mdtboard.ui.careplan.checklist import ChecklistDialog
from mdtboard.ui.editing.clash_dialog import ClashDialog

pytestmark = pytest.mark.gui
__all__ = ["care_settings", "make_editor"]  # fixtures used here

GOAL, MEASURE, BASELINE, TARGET, DUE, SMART = range(6)


def _stored(services: Services, case_id: int) -> CarePlan:
    plan = services.careplans.current(case_id)
    assert plan is not None
    return plan


def _cell(view: QTableView, row: int, column: int) -> str:
    return str(view.model().index(row, column).data())


def _edit_cell(qtbot: QtBot, view: QTableView, row: int, column: int, text: str) -> None:
    """Go to a cell, F2, replace its text, Enter: as a person edits a cell by keyboard."""
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, column))
    press(qtbot, Qt.Key.Key_F2)
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, text)
    _finish(qtbot, view)


def _finish(qtbot: QtBot, view: QTableView) -> None:
    """Enter: the cell editor hands its text on (Qt does so once control is back in the event loop)."""
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QTableView.State.EditingState)


def test_build_draft_from_the_teams_input(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_samples(services)["MDT-001"]
    item_id = in_conference(services, case_id, copy_inputs=False)
    services.conferences.add_input(item_id, DisciplineInput(
        Discipline.PHYSICIAN, "Dr Physician", None, "1) Graded return to work. 2) Sleep diary. 3) Drop me."
    ))
    services.conferences.add_input(item_id, DisciplineInput(
        Discipline.PSYCHOLOGY, "Dr Psychology", None, "CBT for pain, 8 sessions."
    ))
    editor = make_editor(services)
    assert editor.open_case(case_id, item_id)
    settle()
    assert editor.plan is None and "has no care plan yet" in editor.ui.emptyLabel.text()
    editor.ui.buildButton.setFocus()
    press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # Alt+B: build the draft
    qtbot.waitUntil(lambda: editor.plan is not None)  # a mnemonic clicks its button after a moment
    settle()  # the input offered besides the draft, read in the background
    stored = _stored(services, case_id)
    assert editor.plan is not None and editor.plan.id == stored.id and editor.editable
    assert stored.plan_version == 1 and not stored.signed
    # only what was said in this conference, each a proposed item in the discipline's own words
    interventions = editor.tables.views["interventions"]
    rows = [(_cell(interventions, r, 0), _cell(interventions, r, 1), _cell(interventions, r, 2))
            for r in range(interventions.model().rowCount())]
    assert rows == [
        ("Proposed", "Physician", "Graded return to work."), ("Proposed", "Physician", "Sleep diary."),
        ("Proposed", "Physician", "Drop me."), ("Proposed", "Psychology", "CBT for pain, 8 sessions."),
    ]
    # the prepared input is offered in its own list, not included
    offered = editor.ui.offeredList
    assert offered.count() > 0 and "prepared before the meeting" in editor.ui.offeredLabel.text()
    # Enter accepts, M merges into the row above, Delete drops, E edits: by keyboard
    interventions.setFocus()
    interventions.setCurrentIndex(interventions.model().index(0, 0))
    press(qtbot, Qt.Key.Key_Return)
    assert _cell(interventions, 0, 0) == "Agreed" and interventions.currentIndex().row() == 1
    press(qtbot, Qt.Key.Key_M)  # "Sleep diary." merges into "Graded return to work."
    assert _cell(interventions, 0, 2) == "Graded return to work. Sleep diary."
    assert _cell(interventions, 0, 0) == "Proposed"  # words not yet accepted: accepted again
    interventions.setCurrentIndex(interventions.model().index(0, 0))
    press(qtbot, Qt.Key.Key_Return)
    assert _cell(interventions, 0, 0) == "Agreed"
    interventions.setCurrentIndex(interventions.model().index(1, 0))
    assert _cell(interventions, 1, 2) == "Drop me."
    press(qtbot, Qt.Key.Key_Delete)
    assert interventions.model().rowCount() == 2 and _cell(interventions, 1, 2) == "CBT for pain, 8 sessions."
    interventions.setCurrentIndex(interventions.model().index(1, 0))
    press(qtbot, Qt.Key.Key_E)
    assert interventions.state() == QTableView.State.EditingState
    press(qtbot, Qt.Key.Key_End)
    type_text(qtbot, " Weekly.")
    _finish(qtbot, interventions)
    assert _cell(interventions, 1, 2) == "CBT for pain, 8 sessions. Weekly."
    assert _cell(interventions, 1, 0) == "Proposed"
    expected = [("Graded return to work. Sleep diary.", False), ("CBT for pain, 8 sessions. Weekly.", True)]
    assert editor.flush()
    assert [(i.description, i.proposed) for i in _stored(services, case_id).interventions] == expected
    # an offered item is added when the chair presses Enter on it
    first_offered = offered.item(0).text()
    offered.setFocus()
    offered.setCurrentRow(0)
    press(qtbot, Qt.Key.Key_Return)
    assert interventions.model().rowCount() == 3 and _cell(interventions, 2, 0) == "Agreed"
    assert _cell(interventions, 2, 2) in first_offered
    # every medicine's decision is the team's: not yet decided, so no MME after
    medication = editor.tables.views["medication_plan"]
    tramadol = next(r for r in range(medication.model().rowCount()) if _cell(medication, r, 1) == "tramadol")
    assert _cell(medication, tramadol, 0) == "Not yet decided"
    assert (_cell(medication, tramadol, 6), _cell(medication, tramadol, 7)) == ("30", "not yet decided")
    assert "after the plan: not yet decided" in editor.ui.mmeLabel.text()
    assert editor.ui.versionLabel.text().startswith("Version 1 · Draft")
    # The draft exists: neither another draft nor a new version is offered.
    assert not editor.ui.buildButton.isVisible() and not editor.ui.newVersionButton.isVisible()
    assert not editor.ui.lockFrame.isVisible()


def test_a_goal_added_by_keyboard_becomes_smart_and_is_saved(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_samples(services)["MDT-001"]
    editor = make_editor(services)
    editor.open_case(case_id, in_conference(services, case_id))
    settle()
    editor.build_draft()
    settle()
    editor.ui.sectionTabs.setFocus()
    press(qtbot, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # Alt+G: the goals
    goals = editor.tables.views["goals"]
    assert editor.ui.sectionTabs.currentWidget() is editor.ui.goalsTab
    goals.setFocus()
    goals.setCurrentIndex(goals.model().index(3, 0))
    press(qtbot, Qt.Key.Key_N, CTRL)  # a new row after the selected one, its text being typed
    assert goals.model().rowCount() == 5 and goals.currentIndex().row() == 4
    assert focused() is not goals  # the cell editor has the keyboard
    type_text(qtbot, "Play with his children in the park")
    _finish(qtbot, goals)
    assert _cell(goals, 4, SMART) == "Missing: measure, baseline, target, due date"
    assert "0 of 5 goals SMART" in editor.ui.goalsSummary.text()

    steps = [
        (MEASURE, "minutes of play", "Missing: baseline, target, due date"),
        (BASELINE, "5 min", "Missing: target, due date"),
        (TARGET, "30 min", "Missing: due date"),
        (DUE, "2027-03-01", "SMART"),
    ]
    for column, text, status in steps:
        _edit_cell(qtbot, goals, 4, column, text)
        assert _cell(goals, 4, SMART) == status
    smart_index = goals.model().index(4, SMART)
    assert smart_index.data(Qt.ItemDataRole.DecorationRole) is not None  # a tick beside the word
    assert "1 of 5 goals SMART" in editor.ui.goalsSummary.text()

    def saved() -> bool:
        goals_now = _stored(services, case_id).goals
        return len(goals_now) == 5 and goals_now[4].is_smart

    qtbot.waitUntil(lambda: saved() and not editor.pending, timeout=WAIT_MS)
    goal = _stored(services, case_id).goals[4]
    assert (goal.description, goal.measure, goal.baseline, goal.target, str(goal.due)) == (
        "Play with his children in the park", "minutes of play", "5 min", "30 min", "2027-03-01"
    )
    assert editor.ui.saveState.text().startswith("Saved")


def test_rows_removed_and_put_back_with_undo(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_samples(services)["MDT-001"]
    editor = make_editor(services)
    editor.open_case(case_id, in_conference(services, case_id))
    settle()
    editor.build_draft()
    settle()
    stack = editor.test_stack  # type: ignore[attr-defined]
    problems = editor.tables.views["problems"]
    first = _cell(problems, 0, 0)
    count = problems.model().rowCount()
    problems.setFocus()
    problems.setCurrentIndex(problems.model().index(0, 0))
    press(qtbot, Qt.Key.Key_Delete)
    assert problems.model().rowCount() == count - 1
    qtbot.waitUntil(lambda: len(_stored(services, case_id).problems) == count - 1, timeout=WAIT_MS)
    stack.undo()
    assert problems.model().rowCount() == count and _cell(problems, 0, 0) == first
    qtbot.waitUntil(lambda: len(_stored(services, case_id).problems) == count, timeout=WAIT_MS)
    assert _stored(services, case_id).problems[0].text == first
    stack.redo()
    assert problems.model().rowCount() == count - 1
    # Insert adds an empty row: not stored until it has its text
    press(qtbot, Qt.Key.Key_Escape)
    problems.setFocus()
    press(qtbot, Qt.Key.Key_Insert)
    press(qtbot, Qt.Key.Key_Escape)  # leave it empty
    assert problems.model().rowCount() == count
    assert editor.flush()
    assert len(_stored(services, case_id).problems) == count - 1
    assert "without text not saved yet" in editor.ui.saveState.text()


def test_a_value_that_is_not_a_dose_or_date_is_refused(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_samples(services)["MDT-001"]
    editor = make_editor(services)
    editor.open_case(case_id, in_conference(services, case_id))
    settle()
    editor.build_draft()
    settle()
    assert editor.flush()
    messages: list[str] = []
    editor.status_message.connect(messages.append)
    medication = editor.tables.views["medication_plan"]
    before = _cell(medication, 0, 5)
    _edit_cell(qtbot, medication, 0, 5, "a little less")
    assert _cell(medication, 0, 5) == before
    assert messages == [
        "Daily dose after, row 1: “a little less” is not a daily amount: write the daily amount as 150 mg, "
        "600 mcg or 25 mcg/h. Nothing was changed."
    ]
    assert editor.ui.saveState.text().endswith("Not changed")
    _edit_cell(qtbot, medication, 0, 5, "100 mg")
    assert _cell(medication, 0, 5) == "100 mg/day"
    goals = editor.tables.views["goals"]
    messages.clear()
    _edit_cell(qtbot, goals, 0, DUE, "next spring")
    assert _cell(goals, 0, DUE) == "" and any("is not a date" in m for m in messages)
    _edit_cell(qtbot, goals, 0, DUE, "in 6 weeks")
    assert _cell(goals, 0, DUE) != ""


def test_formulation_and_agreement_are_saved_and_undone(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_samples(services)["MDT-001"]
    editor = make_editor(services)
    editor.open_case(case_id, in_conference(services, case_id))
    settle()
    editor.build_draft()
    settle()
    settle()
    drafted = editor.plan
    assert drafted is not None
    assert drafted.review_date is None  # the team sets it; nothing is read into the recommendations
    stack = editor.test_stack  # type: ignore[attr-defined]
    social = editor.ui.socialEdit
    social.setFocus()
    social.selectAll()
    type_text(qtbot, "Off work; fears losing his job.")
    social_saved = "Off work; fears losing his job."
    qtbot.waitUntil(lambda: _stored(services, case_id).formulation.social == social_saved, timeout=WAIT_MS)
    press(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # Alt+W: agreement and follow-up
    editor.ui.notAgreedRadio.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    editor.ui.reviewDateEdit.setFocus()
    editor.ui.reviewDateEdit.selectAll()
    type_text(qtbot, "2027-13-01")
    assert "is not a date" in editor.ui.reviewDateShown.text()
    for _ in "13-01":
        press(qtbot, Qt.Key.Key_Backspace)
    type_text(qtbot, "04-01")
    assert editor.ui.reviewDateShown.text() == "Thursday 01 April 2027"
    qtbot.waitUntil(
        lambda: str(_stored(services, case_id).agreement.status) == "not_agreed"
        and str(_stored(services, case_id).review_date) == "2027-04-01",
        timeout=WAIT_MS,
    )
    stack.undo()  # the review date (typing in one field is one step)
    stack.undo()  # the agreement
    assert editor.ui.notAskedRadio.isChecked()
    assert editor.ui.reviewDateEdit.text() == ""
    qtbot.waitUntil(
        lambda: str(_stored(services, case_id).agreement.status) == "not_yet_asked", timeout=WAIT_MS
    )
    assert _stored(services, case_id).review_date is None


def _type_pin(qtbot: QtBot, editor: Any) -> None:
    """The signer types their own PIN in the dialog that asks for it, and presses Enter."""
    qtbot.waitUntil(  # who may sign is read in the background; then the dialog opens (the last one is gone)
        lambda: isinstance(editor.last_dialog, CredentialDialog) and shiboken6.isValid(editor.last_dialog)
        and editor.last_dialog.isVisible()
    )
    asked = editor.last_dialog
    assert isinstance(asked, CredentialDialog) and asked.isVisible()
    qtbot.waitUntil(lambda: focused() is asked.secret_edit)
    type_text(qtbot, pin_for(asked.username))
    press(qtbot, Qt.Key.Key_Return)


def test_signing_by_every_discipline_locks_the_plan(
    qtbot: QtBot, services: Services, make_editor: EditorFactory, db: object
) -> None:
    case_id = load_samples(services)["MDT-001"]
    editor = make_editor(services)
    editor.open_case(case_id, in_conference(services, case_id))
    settle()
    editor.build_draft()
    settle()
    messages: list[str] = []
    editor.status_message.connect(messages.append)
    stack = editor.test_stack  # type: ignore[attr-defined]
    editor.ui.socialEdit.setFocus()
    press(qtbot, Qt.Key.Key_End, CTRL)
    type_text(qtbot, " Wife supportive.")
    rows = editor.signoff.rows
    required = services.careplans.required_sign_offs(_stored(services, case_id))
    assert list(rows) == list(required) and Discipline.PHYSICIAN in rows
    first = rows[required[0]].name
    first.setFocus()
    # only the people on the attendance list can be chosen; nothing is typed
    assert [first.itemText(i) for i in range(first.count())] == ["Dr Physician"] and not first.isEditable()
    press(qtbot, Qt.Key.Key_Return)  # the first signature: the checklist first
    qtbot.waitUntil(lambda: isinstance(editor.last_dialog, ChecklistDialog))  # read in the background
    dialog = editor.last_dialog
    assert isinstance(dialog, ChecklistDialog) and dialog.isVisible()
    shown = dialog.findChildren(QLabel)[0].text()
    for open_item in ("proposed items not yet accepted", "goals not SMART", "medication decisions pending",
                      "agreement is not recorded", "no review date"):
        assert open_item in shown
    assert not dialog.sign_button.isEnabled()  # a reason first
    qtbot.waitUntil(lambda: focused() is dialog.reason_edit)
    type_text(qtbot, "Patient wants time to decide on the taper")
    assert dialog.sign_button.isEnabled()
    dialog.sign_button.click()
    # then the signer's own PIN: a wrong one signs nothing
    qtbot.waitUntil(lambda: isinstance(editor.last_dialog, CredentialDialog))
    asked = editor.last_dialog
    assert isinstance(asked, CredentialDialog) and asked.username == "dr-physician.physician"
    qtbot.waitUntil(lambda: focused() is asked.secret_edit)
    assert not asked.ok_button.isEnabled()
    type_text(qtbot, "0000")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Not signed: Wrong password or PIN" in messages[-1] if messages else False)
    assert _stored(services, case_id).sign_offs == []
    qtbot.waitUntil(lambda: editor.last_dialog is not asked)  # asked again; the reason given is kept
    _type_pin(qtbot, editor)
    qtbot.waitUntil(lambda: len(_stored(services, case_id).sign_offs) == 1, timeout=WAIT_MS)
    assert _stored(services, case_id).open_items_reason == "Patient wants time to decide on the taper"
    editor.activateWindow()  # back from the checklist (the offscreen platform does not do it by itself)
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.waitUntil(lambda: focused() is editor.signoff.rows[required[1]].name)
    for discipline in required[1:]:
        assert focused() is editor.signoff.rows[discipline].name  # the next signer to choose
        press(qtbot, Qt.Key.Key_Return)  # Enter on the drop-down signs, with the signer's PIN
        _type_pin(qtbot, editor)
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow)
        qtbot.waitUntil(lambda d=discipline: d in _stored(services, case_id).signed_disciplines(),
                        timeout=WAIT_MS)
        following = required[required.index(discipline) + 1:]
        if following:
            qtbot.waitUntil(lambda d=following[0]: focused() is editor.signoff.rows[d].name)
    settle()
    plan = _stored(services, case_id)
    assert plan.signed and {s.name for s in plan.sign_offs} == {f"Dr {d.label}" for d in required}
    assert plan.interventions and all(i.proposed for i in plan.interventions)  # signed, still not accepted
    assert plan.formulation.social is not None and plan.formulation.social.endswith("Wife supportive.")
    assert editor.plan is not None and editor.plan.signed and not editor.editable
    assert editor.ui.lockFrame.isVisible()
    assert "Signed — locked" in editor.ui.lockLabel.text()
    assert "locked" in editor.signoff.ui.summaryLabel.text()
    assert editor.ui.socialEdit.isReadOnly() and not editor.ui.agreedRadio.isEnabled()
    goals = editor.tables.views["goals"]
    assert not goals.model().flags(goals.model().index(0, GOAL)) & Qt.ItemFlag.ItemIsEditable
    assert editor.ui.newVersionButton.isVisible() and not editor.ui.buildButton.isVisible()

    snapshot = table_snapshot(db)  # type: ignore[arg-type]
    messages: list[str] = []
    editor.status_message.connect(messages.append)
    goals.setFocus()
    press(qtbot, Qt.Key.Key_Insert)
    assert goals.model().rowCount() == 4 and "signed and locked" in messages[-1]
    assert not goals.model().setData(goals.model().index(0, GOAL), "Changed after signing")
    stack.undo()  # the formulation edit, now on a signed plan
    assert "nothing was undone" in messages[-1]
    editor.setFocus()
    press(qtbot, Qt.Key.Key_B, CTRL | SHIFT)  # the build key leaves a signed plan as it is
    editor.build_draft()
    settle()
    assert not ops.operations().busy and "signed and locked" in messages[-1]
    assert editor.ui.socialEdit.toPlainText().endswith("Wife supportive.")
    assert editor.flush()
    with pytest.raises(PlanLockedError):
        services.careplans.save_draft(replace(plan, review_date=None, responsible_clinician="Someone else"))
    assert table_snapshot(db) == snapshot  # type: ignore[arg-type]


def test_new_version_is_an_editable_copy_and_history_shows_the_changes(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_samples(services)["MDT-001"]
    signed(services, conference_draft(services, case_id))
    editor = make_editor(services)
    editor.open_case(case_id)
    settle()
    assert not editor.editable and editor.ui.lockFrame.isVisible()
    editor.ui.newVersionButton.setFocus()
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Alt+N: start a new version
    qtbot.waitUntil(lambda: isinstance(editor.last_dialog, QMessageBox) and editor.last_dialog.isVisible())
    question = editor.last_dialog
    assert isinstance(question, QMessageBox)
    assert "Version 2 will be a draft copied from version 1" in question.text()
    assert "every lead signs version 2 again" in question.text()
    assert editor.plan is not None and editor.plan.plan_version == 1  # nothing yet
    qtbot.keyClick(question, Qt.Key.Key_Return)  # Yes, the default answer
    qtbot.waitUntil(lambda: editor.plan is not None and editor.plan.plan_version == 2)
    editor.activateWindow()  # back from the question (the offscreen platform does not do it by itself)
    qtbot.waitUntil(editor.isActiveWindow)
    assert editor.plan is not None and editor.plan.plan_version == 2 and editor.editable
    assert not editor.ui.lockFrame.isVisible()
    goals = editor.tables.views["goals"]
    _edit_cell(qtbot, goals, 0, TARGET, "6 h/day")
    qtbot.waitUntil(
        lambda: _stored(services, case_id).goals[0].target == "6 h/day" and not editor.pending,
        timeout=WAIT_MS,
    )

    history = editor.history
    lines = [history.model.index(r, 0).data() for r in range(history.model.rowCount())]
    assert lines[0].startswith("Version 2 · draft · shown") and lines[1].startswith("Version 1 · signed")
    history.select_versions(1, 2)
    assert history.ui.diffButton.isEnabled()
    history.ui.diffButton.click()
    assert history.last_changes is not None
    old, new, sections = history.last_changes
    assert (old, new) == (1, 2)
    goal_lines = next(s.lines for s in sections if s.section == "Goals")
    assert any("target" in line and "6 h/day" in line for line in goal_lines)
    assert "6 h/day" in history.ui.changesBrowser.toPlainText()

    history.select_versions(1)
    history.ui.showButton.click()  # version 1 again: readable, not editable
    settle()
    assert editor.plan is not None and editor.plan.plan_version == 1 and not editor.editable
    assert "earlier version" in editor.ui.lockLabel.text() and editor.ui.currentButton.isVisible()
    assert _cell(goals, 0, TARGET) == ""
    editor.ui.currentButton.click()
    settle()
    assert editor.plan is not None and editor.plan.plan_version == 2 and editor.editable
    assert _cell(goals, 0, TARGET) == "6 h/day"


def test_a_conflict_with_another_session_is_merged_and_only_a_clash_is_asked(
    qtbot: QtBot, services: Services, make_editor: EditorFactory, database_url: str
) -> None:
    case_id = load_samples(services)["MDT-001"]
    editor = make_editor(services)
    stack = editor.test_stack  # type: ignore[attr-defined]
    messages: list[str] = []
    editor.status_message.connect(messages.append)
    editor.open_case(case_id, in_conference(services, case_id))
    settle()
    editor.build_draft()
    settle()

    # another PC changes the social formulation; this one the clinician: both kept, no question
    other = open_services(database_url)
    try:
        theirs = other.careplans.current(case_id)
        assert theirs is not None
        social = replace(theirs.formulation, social="Works nights; lives with a partner.")
        other.careplans.save_draft(replace(theirs, formulation=social))
    finally:
        other.close()
    editor.ui.clinicianEdit.setFocus()
    editor.ui.clinicianEdit.selectAll()
    type_text(qtbot, "Dr Here")
    assert editor.flush()
    stored = _stored(services, case_id)
    assert (stored.responsible_clinician, stored.formulation.social) == (
        "Dr Here", "Works nights; lives with a partner."
    )
    assert editor.conflict_dialog is None
    assert any("social formulation was kept" in m for m in messages), messages

    # both change the clinician, the other PC also a goal: only the clinician is asked
    other = open_services(database_url)
    try:
        theirs = other.careplans.current(case_id)
        assert theirs is not None
        goals = [replace(theirs.goals[0], target="8 h/day"), *theirs.goals[1:]]
        other.careplans.save_draft(replace(theirs, responsible_clinician="Dr Elsewhere", goals=goals))
    finally:
        other.close()
    editor.ui.clinicianEdit.selectAll()
    type_text(qtbot, "Dr Here Again")
    qtbot.waitUntil(lambda: editor.conflict_dialog is not None, timeout=WAIT_MS)
    dialog = editor.conflict_dialog
    assert isinstance(dialog, ClashDialog)
    assert list(dialog.groups) == ["responsible_clinician"]
    texts = {view.accessibleName(): view.toPlainText() for view in dialog.findChildren(QTextBrowser)}
    assert texts["Responsible clinician, yours"] == "Dr Here Again"
    assert texts["Responsible clinician, saved"] == "Dr Elsewhere"
    assert _stored(services, case_id).responsible_clinician == "Dr Elsewhere"  # nothing overwritten
    assert not editor.flush()  # waits for the choice
    dialog.groups["responsible_clinician"][0].setChecked(True)  # keep mine
    dialog.use_button.click()
    assert editor.flush()
    stored = _stored(services, case_id)
    assert stored.responsible_clinician == "Dr Here Again"
    assert stored.goals[0].target == "8 h/day"  # their other change not reverted
    assert editor.ui.clinicianEdit.text() == "Dr Here Again"

    # the saved text chosen: mine comes back with undo, and nothing else of theirs is reverted
    other = open_services(database_url)
    try:
        theirs = other.careplans.current(case_id)
        assert theirs is not None
        other.careplans.save_draft(replace(theirs, responsible_clinician="Dr Third"))
    finally:
        other.close()
    editor.activateWindow()  # back from the dialog (the offscreen platform does not do it by itself)
    qtbot.waitUntil(editor.isActiveWindow)
    editor.ui.clinicianEdit.setFocus()
    editor.ui.clinicianEdit.selectAll()
    type_text(qtbot, "Dr Mine")
    qtbot.waitUntil(lambda: editor.conflict_dialog is not None, timeout=WAIT_MS)
    editor.conflict_dialog.use_button.click()  # the default: the saved text
    assert editor.flush()
    assert editor.ui.clinicianEdit.text() == "Dr Third"
    assert _stored(services, case_id).responsible_clinician == "Dr Third"
    stack.undo()
    assert editor.ui.clinicianEdit.text() == "Dr Mine"
    assert editor.flush()
    stored = _stored(services, case_id)
    assert stored.responsible_clinician == "Dr Mine" and stored.goals[0].target == "8 h/day"


def test_the_medication_table_shows_switch_and_pending_columns_only_when_needed(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_samples(services)["MDT-001"]
    item_id = in_conference(services, case_id)
    editor = make_editor(services)
    assert editor.open_case(case_id, item_id)
    settle()
    settle()
    editor.build_draft()
    settle()
    settle()
    assert editor.plan is not None
    view = editor.tables.views["medication_plan"]
    model = view.model()
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    pending_columns = [headers.index(h) for h in
                       ("Options offered (pending)", "Who decides with the patient", "Decide by")]
    switch_column = headers.index("Switch to")

    def hidden() -> set[int]:
        return {c for c in range(model.columnCount()) if view.isColumnHidden(c)}

    assert hidden() == {switch_column, *pending_columns}  # nothing is a switch or pending yet
    tramadol = next(r for r in range(model.rowCount()) if _cell(view, r, 1) == "tramadol")
    assert model.setData(model.index(tramadol, 0), "Decision pending")  # the Decision drop-down's choice
    assert _cell(view, tramadol, 0) == "Decision pending"
    assert hidden() == {switch_column}  # the options, who decides and by when can now be typed
    _edit_cell(qtbot, view, tramadol, pending_columns[0], "buprenorphine switch or slow taper")
    assert editor.flush()
    stored = next(m for m in _stored(services, case_id).medication_plan if m.medication == "tramadol")
    assert stored.options == "buprenorphine switch or slow taper"
    assert model.setData(model.index(tramadol, 0), "Switch")
    assert hidden() == set(pending_columns)
    press(qtbot, Qt.Key.Key_Z, CTRL)  # undo: pending again, and its columns with it
    assert _cell(view, tramadol, 0) == "Decision pending" and hidden() == {switch_column}


def test_a_sign_off_is_withdrawn_with_the_signer_s_own_pin_or_by_the_chair_with_a_reason(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_samples(services)["MDT-001"]
    plan = conference_draft(services, case_id)
    sign(services, plan, Discipline.PHYSICIAN, "Dr Physician", open_items_reason="test")
    chair = account_for(services, "Dr Chair", Discipline.NURSING, frozenset({Role.CHAIR}))
    editor = make_editor(services)
    editor.open_case(case_id, plan.agenda_item_id)
    settle()
    row = editor.signoff.rows[Discipline.PHYSICIAN]
    assert row.button.text() == "Withdraw"
    row.button.click()
    settle()  # who may withdraw is read in the background; then the dialog opens
    dialog = editor.last_dialog
    assert isinstance(dialog, WithdrawDialog)
    assert [dialog.who.itemText(i) for i in range(dialog.who.count())] == [
        "Dr Physician (who signed)", "Dr Chair (chair)"]
    dialog.secret_edit.setText("0000")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: bool(editor.last_dialog is not dialog or not dialog.isVisible()))
    settle()
    assert [s.name for s in _stored(services, case_id).sign_offs] == ["Dr Physician"]  # a wrong PIN
    editor.signoff.rows[Discipline.PHYSICIAN].button.click()
    settle()
    dialog = editor.last_dialog
    assert isinstance(dialog, WithdrawDialog)
    dialog.who.setCurrentIndex(1)  # the chair: a reason is needed
    dialog.secret_edit.setText(pin_for(chair.username))
    assert not dialog.ok_button.isEnabled()
    dialog.reason_edit.setPlainText("Signed before the discussion ended")
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: _stored(services, case_id).sign_offs == [], timeout=WAIT_MS)
    with services.db.engine.connect() as conn:
        by = conn.exec_driver_sql("SELECT withdrawn_by, reason FROM care_plan_withdrawals").one()
    assert tuple(by) == (chair.id, "Signed before the discussion ended")
