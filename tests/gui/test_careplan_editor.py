"""The care-plan editor driven by keyboard: the draft built from the team's input, goals with their SMART
check, autosave into the database, undo, refused values, sign-off that locks, new versions, the version
history with its changes, and a conflict with a second session."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import table_snapshot
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot
from test_careplan_support import (
    CTRL,
    WAIT_MS,
    EditorFactory,
    care_settings,
    focused,
    load_samples,
    make_editor,
    press,
    signed,
    type_text,
)

from mdtboard.domain.careplan import CarePlan, MedicationAction, PlanLockedError
from mdtboard.domain.case import Discipline
from mdtboard.services.context import Services, open_services
from mdtboard.ui.conflict_dialog import ConflictDialog

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
    editor = make_editor(services)
    assert editor.open_case(case_id)
    assert editor.plan is None and "has no care plan yet" in editor.ui.emptyLabel.text()
    editor.ui.buildButton.setFocus()
    press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # Alt+B: build the draft
    qtbot.waitUntil(lambda: editor.plan is not None)  # a mnemonic clicks its button after a moment
    stored = _stored(services, case_id)
    assert editor.plan is not None and editor.plan.id == stored.id and editor.editable
    assert stored.plan_version == 1 and not stored.signed
    interventions = editor.tables.views["interventions"]
    assert interventions.model().rowCount() == len(stored.interventions) > 0
    disciplines = {_cell(interventions, r, 0) for r in range(interventions.model().rowCount())}
    assert {"Physician", "Physical therapy", "Psychology"} <= disciplines
    goals = editor.tables.views["goals"]
    assert goals.model().rowCount() == 4
    assert _cell(goals, 0, SMART) == "Missing: measure, baseline, target, due date"
    medication = editor.tables.views["medication_plan"]
    tramadol = next(r for r in range(medication.model().rowCount()) if _cell(medication, r, 1) == "tramadol")
    assert _cell(medication, tramadol, 0) == MedicationAction.TAPER.label
    assert (_cell(medication, tramadol, 5), _cell(medication, tramadol, 6)) == ("30", "0")
    assert "Total MME/day: 30 now → 0 after the plan" in editor.ui.mmeLabel.text()
    assert editor.ui.versionLabel.text().startswith("Version 1 · Draft")
    # The draft exists: neither another draft nor a new version is offered.
    assert not editor.ui.buildButton.isVisible() and not editor.ui.newVersionButton.isVisible()
    assert not editor.ui.lockFrame.isVisible()


def test_a_goal_added_by_keyboard_becomes_smart_and_is_saved(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_samples(services)["MDT-001"]
    editor = make_editor(services)
    editor.open_case(case_id)
    editor.build_draft()
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

    qtbot.waitUntil(saved, timeout=WAIT_MS)
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
    editor.open_case(case_id)
    editor.build_draft()
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
    editor.open_case(case_id)
    editor.build_draft()
    assert editor.flush()
    messages: list[str] = []
    editor.status_message.connect(messages.append)
    medication = editor.tables.views["medication_plan"]
    before = _cell(medication, 0, 4)
    _edit_cell(qtbot, medication, 0, 4, "a little less")
    assert _cell(medication, 0, 4) == before
    assert messages == [
        "Daily dose after, row 1: “a little less” is not a daily amount: write the daily amount as 150 mg, "
        "600 mcg or 25 mcg/h. Nothing was changed."
    ]
    assert editor.ui.saveState.text().endswith("Not changed")
    _edit_cell(qtbot, medication, 0, 4, "100 mg")
    assert _cell(medication, 0, 4) == "100 mg/day"
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
    editor.open_case(case_id)
    drafted = editor.build_draft()
    assert drafted is not None
    drafted_review = drafted.review_date  # "review in 6 weeks" in the sample's recommendations
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
    assert editor.ui.reviewDateEdit.text() == str(drafted_review)
    qtbot.waitUntil(
        lambda: str(_stored(services, case_id).agreement.status) == "not_yet_asked", timeout=WAIT_MS
    )
    assert _stored(services, case_id).review_date == drafted_review


def test_signing_by_every_discipline_locks_the_plan(
    qtbot: QtBot, services: Services, make_editor: EditorFactory, db: object
) -> None:
    case_id = load_samples(services)["MDT-001"]
    editor = make_editor(services)
    editor.open_case(case_id)
    editor.build_draft()
    stack = editor.test_stack  # type: ignore[attr-defined]
    editor.ui.socialEdit.setFocus()
    press(qtbot, Qt.Key.Key_End, CTRL)
    type_text(qtbot, " Wife supportive.")
    rows = editor.signoff.rows
    required = services.careplans.required_sign_offs(_stored(services, case_id))
    assert list(rows) == list(required) and Discipline.PHYSICIAN in rows
    first = rows[required[0]].name
    first.setFocus()
    for discipline in required:
        assert focused() is editor.signoff.rows[discipline].name  # the next name field to fill
        type_text(qtbot, f"Dr {discipline.label}")
        press(qtbot, Qt.Key.Key_Return)  # Enter in the name field signs
    plan = _stored(services, case_id)
    assert plan.signed and {s.name for s in plan.sign_offs} == {f"Dr {d.label}" for d in required}
    assert plan.formulation.social is not None and plan.formulation.social.endswith("Wife supportive.")
    assert editor.plan is not None and editor.plan.signed and not editor.editable
    assert editor.ui.lockFrame.isVisible()
    assert "Signed — locked" in editor.ui.lockLabel.text()
    assert "locked" in editor.signoff.ui.summaryLabel.text()
    assert editor.ui.socialEdit.isReadOnly() and not editor.ui.agreedRadio.isEnabled()
    goals = editor.tables.views["goals"]
    assert not goals.model().flags(goals.model().index(0, GOAL)) & Qt.ItemFlag.ItemIsEditable
    assert editor.ui.newVersionButton.isVisible() and editor.ui.buildButton.isVisible()

    snapshot = table_snapshot(db)  # type: ignore[arg-type]
    messages: list[str] = []
    editor.status_message.connect(messages.append)
    goals.setFocus()
    press(qtbot, Qt.Key.Key_Insert)
    assert goals.model().rowCount() == 4 and "signed and locked" in messages[-1]
    assert not goals.model().setData(goals.model().index(0, GOAL), "Changed after signing")
    stack.undo()  # the formulation edit, now on a signed plan
    assert "nothing was undone" in messages[-1]
    assert editor.ui.socialEdit.toPlainText().endswith("Wife supportive.")
    assert editor.flush()
    with pytest.raises(PlanLockedError):
        services.careplans.save_draft(replace(plan, review_date=None, responsible_clinician="Someone else"))
    assert table_snapshot(db) == snapshot  # type: ignore[arg-type]


def test_new_version_is_an_editable_copy_and_history_shows_the_changes(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_samples(services)["MDT-001"]
    signed(services, services.careplans.create_draft(case_id))
    editor = make_editor(services)
    editor.open_case(case_id)
    assert not editor.editable and editor.ui.lockFrame.isVisible()
    editor.ui.newVersionButton.setFocus()
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Alt+N: start a new version
    qtbot.waitUntil(lambda: editor.plan is not None and editor.plan.plan_version == 2)
    assert editor.plan is not None and editor.plan.plan_version == 2 and editor.editable
    assert not editor.ui.lockFrame.isVisible()
    goals = editor.tables.views["goals"]
    _edit_cell(qtbot, goals, 0, TARGET, "6 h/day")
    qtbot.waitUntil(lambda: _stored(services, case_id).goals[0].target == "6 h/day", timeout=WAIT_MS)

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
    assert editor.plan is not None and editor.plan.plan_version == 1 and not editor.editable
    assert "earlier version" in editor.ui.lockLabel.text() and editor.ui.currentButton.isVisible()
    assert _cell(goals, 0, TARGET) == ""
    editor.ui.currentButton.click()
    assert editor.plan is not None and editor.plan.plan_version == 2 and editor.editable
    assert _cell(goals, 0, TARGET) == "6 h/day"


def test_a_conflict_with_another_session_shows_both_versions(
    qtbot: QtBot, services: Services, make_editor: EditorFactory, database_url: str
) -> None:
    case_id = load_samples(services)["MDT-001"]
    editor = make_editor(services)
    editor.open_case(case_id)
    editor.build_draft()
    other = open_services(database_url)
    try:
        theirs = other.careplans.current(case_id)
        assert theirs is not None
        other.careplans.save_draft(replace(theirs, responsible_clinician="Dr Elsewhere"))
    finally:
        other.close()
    editor.ui.clinicianEdit.setFocus()
    editor.ui.clinicianEdit.selectAll()
    type_text(qtbot, "Dr Here")
    qtbot.waitUntil(lambda: editor.conflict_dialog is not None, timeout=WAIT_MS)
    dialog = editor.conflict_dialog
    assert isinstance(dialog, ConflictDialog)
    texts = [(e.accessibleName(), e.toPlainText()) for e in dialog.findChildren(type(dialog.mine_edits[0]))]
    assert ("Responsible clinician, your version", "Dr Here") in texts
    assert ("Responsible clinician, saved version", "Dr Elsewhere") in texts
    assert _stored(services, case_id).responsible_clinician == "Dr Elsewhere"  # nothing overwritten
    dialog.keep_mine.click()
    qtbot.waitUntil(lambda: _stored(services, case_id).responsible_clinician == "Dr Here", timeout=WAIT_MS)
