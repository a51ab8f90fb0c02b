"""The case editor, driven by keyboard: autosave, field-level validation, safety banner, MME, undo,
conflicts with a second session."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from conftest import settle, table_snapshot
from gui_helpers import WindowFactory, load_samples, make_window, second_session, settings_path
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTextBrowser
from pytestqt.qtbot import QtBot

from mdtboard.services.context import Services
from mdtboard.ui.editing.clash_dialog import ClashDialog
from mdtboard.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
__all__ = ["make_window", "second_session", "settings_path"]  # fixtures used here

ASSESSMENT = 3
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
PLAN = "Graded motor imagery, then mirror therapy."


def _open(window: MainWindow, services: Services, ref: str) -> int:
    case_id = services.cases.get_by_ref(ref).id
    assert case_id is not None
    window.open_case(case_id)
    settle()
    assert window.editor is not None and window.editor.current_case_id() == case_id
    return case_id


def _retype(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


@pytest.fixture
def window(make_window: WindowFactory, sqlite_database_url: str, second_session: Services) -> MainWindow:
    load_samples(second_session.cases)
    return make_window(sqlite_database_url)


def test_typing_is_saved_within_a_second(qtbot: QtBot, window: MainWindow, second_session: Services) -> None:
    case_id = _open(window, second_session, "MDT-001")
    editor = window.editor
    assert editor is not None
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Alt+S: Situation
    assert editor.ui.isbarTabs.currentIndex() == 1
    question = editor.ui.questionEdit
    question.setFocus()
    qtbot.keyClicks(question, "Should we offer a spinal cord stimulator trial?")
    qtbot.waitUntil(
        lambda: second_session.cases.get(case_id).question_for_team
        == "Should we offer a spinal cord stimulator trial?",
        timeout=5000,
    )
    # The save ran on a worker thread; the status bar says so once its outcome is back.
    qtbot.waitUntil(lambda: editor.ui.saveState.text().startswith("Saved "))
    assert re.fullmatch(r"Saved \d\d:\d\d:\d\d", window.statusBar().currentMessage())


def test_invalid_score_is_marked_at_the_field_and_never_saved(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    case_id = _open(window, second_session, "MDT-008")
    editor = window.editor
    assert editor is not None
    before = table_snapshot(second_session.db)
    editor.ui.isbarTabs.setCurrentIndex(ASSESSMENT)
    nrs = editor.ui.nrsEdit
    _retype(qtbot, nrs, "11")
    error = editor.ui.nrsEditError
    assert error.isVisible()
    assert "11 is more than the maximum 10" in error.text() and error.text().startswith("\u26a0")
    assert nrs.property("invalid") is True
    assert nrs.text() == "11"  # the typed text stays on screen
    assert editor.flush()
    assert table_snapshot(second_session.db) == before  # nothing invalid reached the database

    # Text where a number goes, likewise.
    editor.ui.isbarTabs.setCurrentIndex(0)
    _retype(qtbot, editor.ui.ageEdit, "fifty")
    assert "'fifty' is not a whole number" in editor.ui.ageEditError.text()
    assert editor.flush()
    assert table_snapshot(second_session.db) == before

    # The rest of the form keeps working and is saved; the invalid fields keep their stored values.
    editor.ui.isbarTabs.setCurrentIndex(1)
    editor.ui.oneLinerEdit.setFocus()
    qtbot.keyClick(editor.ui.oneLinerEdit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.ui.oneLinerEdit, " Seen again today.")
    qtbot.waitUntil(lambda: (second_session.cases.get(case_id).one_liner or "").endswith("Seen again today."))
    stored = second_session.cases.get(case_id)
    assert stored.scores is not None and stored.scores.nrs == 7
    assert stored.patient.age == 58
    qtbot.waitUntil(lambda: "not saved until corrected" in editor.ui.saveState.text())

    # Correcting the field saves it and clears the mark.
    editor.ui.isbarTabs.setCurrentIndex(ASSESSMENT)
    _retype(qtbot, nrs, "6")
    assert not error.isVisible() and nrs.property("invalid") is False
    qtbot.waitUntil(lambda: second_session.cases.get(case_id).scores.nrs == 6)  # type: ignore[union-attr]
    assert editor.ui.nrsResult.text() == "6 of 10: moderate"

    # Leaving the case with a field still marked says so.
    editor.ui.isbarTabs.setCurrentIndex(0)
    assert "'fifty'" in editor.ui.ageEditError.text()
    _open(window, second_session, "MDT-001")
    assert window.statusBar().currentMessage() == (
        "1 marked field was not saved in case MDT-008 (the stored values are kept)"
    )


def test_phq9_item9_above_zero_shows_the_safety_banner(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    case_id = _open(window, second_session, "MDT-008")
    editor = window.editor
    assert editor is not None
    banner = editor.ui.safetyBanner
    assert not banner.isVisible()
    editor.ui.isbarTabs.setCurrentIndex(ASSESSMENT)
    assert editor.ui.phq9Item9.text() == "0"
    _retype(qtbot, editor.ui.phq9Item9, "1")
    assert banner.isVisible()
    assert banner.text().startswith("\u26a0 SAFETY: PHQ-9 item 9 (thoughts of self-harm) is 1 of 3")
    assert banner.accessibleName() == "Safety alert" and "same-day" in banner.accessibleDescription()
    # The banner sits above the ISBAR tabs, so it stays in view whichever part is open.
    editor.ui.isbarTabs.setCurrentIndex(0)
    assert banner.isVisible()
    qtbot.waitUntil(lambda: second_session.cases.get(case_id).scores.phq9_item9 == 1)  # type: ignore[union-attr]


def test_live_totals_and_bands(qtbot: QtBot, window: MainWindow, second_session: Services) -> None:
    _open(window, second_session, "MDT-008")
    editor = window.editor
    assert editor is not None
    assert editor.ui.phq9Result.text() == "Total 12 of 27: moderate (typed total)"
    assert editor.ui.pegResult.text() == "PEG score 7.3 (mean of the three items)"
    editor.ui.isbarTabs.setCurrentIndex(ASSESSMENT)
    for i, value in enumerate("2121012", start=1):
        _retype(qtbot, getattr(editor.ui, f"gad7Item{i}"), value)
    assert "7 of 7 items" not in editor.ui.gad7ItemsError.text()
    # items and the typed total 9 disagree (items sum to 9? 2+1+2+1+0+1+2 = 9): consistent
    assert editor.ui.gad7Result.text() == "Total 9 of 21: mild (from the items)"
    _retype(qtbot, editor.ui.gad7Item7, "3")
    assert "does not match the sum of the seven items (10)" in editor.ui.gad7TotalEditError.text()
    _retype(qtbot, editor.ui.gad7TotalEdit, "")
    assert editor.ui.gad7Result.text().startswith("Total 10 of 21: moderate (from the items)")
    _retype(qtbot, editor.ui.pegPainEdit, "4")
    assert editor.ui.pegResult.text() == "PEG score 6.3 (mean of the three items)"


def test_mme_of_the_sample_opioid_case(qtbot: QtBot, window: MainWindow, second_session: Services) -> None:
    case_id = _open(window, second_session, "MDT-008")
    editor = window.editor
    assert editor is not None
    summary = editor.ui.mmeSummary.text()
    assert "Total: 165 MME/day" in summary
    assert "benzodiazepine" in summary and "gabapentinoid" in summary
    assert "naloxone" in summary.lower()
    assert "not a conversion table" in summary
    table = editor.ui.medicationsTable
    assert table.item(0, 7).text() == "120" and table.item(1, 7).text() == "45"
    # Change the daily amount of the immediate-release oxycodone by keyboard: 30 -> 40 mg.
    editor.ui.isbarTabs.setCurrentIndex(2)
    table.setFocus()
    table.setCurrentCell(1, 5)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor_widget = table.focusWidget()
    assert isinstance(editor_widget, QLineEdit)
    editor_widget.selectAll()
    qtbot.keyClicks(editor_widget, "40")
    qtbot.keyClick(editor_widget, Qt.Key.Key_Return)  # the view commits the cell on its next turn
    qtbot.waitUntil(lambda: table.item(1, 5).text() == "40")
    assert table.item(1, 7).text() == "60"
    assert "Total: 180 MME/day" in editor.ui.mmeSummary.text()
    qtbot.waitUntil(
        lambda: second_session.cases.get(case_id).medications[1].daily_dose.amount == 40  # type: ignore[index, union-attr]
    )


def test_undo_and_redo_of_an_edit(qtbot: QtBot, window: MainWindow, second_session: Services) -> None:
    case_id = _open(window, second_session, "MDT-004")
    editor = window.editor
    assert editor is not None
    title = editor.ui.titleEdit
    original = title.text()
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_End)
    qtbot.keyClicks(title, " (revision)")
    assert window.undo_stack.count() == 1  # consecutive typing in one field is one step
    qtbot.waitUntil(lambda: second_session.cases.get(case_id).title == original + " (revision)")
    # Ctrl+Z in the field undoes through the window's one undo stack.
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert title.text() == original
    qtbot.waitUntil(lambda: second_session.cases.get(case_id).title == original)
    window.action_redo.trigger()
    assert title.text() == original + " (revision)"
    qtbot.waitUntil(lambda: second_session.cases.get(case_id).title == original + " (revision)")
    # Undo from another part of the program brings the field's ISBAR part back into view.
    editor.ui.isbarTabs.setCurrentIndex(ASSESSMENT)
    window.action_undo.trigger()
    assert editor.ui.isbarTabs.currentIndex() == 0 and title.text() == original


def test_undo_and_redo_of_a_removed_medication(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    case_id = _open(window, second_session, "MDT-008")
    editor = window.editor
    assert editor is not None
    table = editor.ui.medicationsTable
    table.setCurrentCell(0, 0)
    editor.ui.removeMedicationButton.click()
    assert "Total: 45 MME/day" in editor.ui.mmeSummary.text()
    qtbot.waitUntil(lambda: len(second_session.cases.get(case_id).medications or []) == 7)
    window.action_undo.trigger()
    assert table.item(0, 0).text() == "oxycodone extended-release"
    assert "Total: 165 MME/day" in editor.ui.mmeSummary.text()
    qtbot.waitUntil(lambda: len(second_session.cases.get(case_id).medications or []) == 8)


def test_changes_to_other_fields_are_merged_and_the_person_told(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    case_id = _open(window, second_session, "MDT-002")
    theirs = second_session.cases.get(case_id)
    theirs.title = "Title changed on the other PC"
    second_session.cases.update(theirs)
    editor = window.editor
    assert editor is not None
    messages: list[str] = []
    editor.status_message.connect(messages.append)
    editor.ui.isbarTabs.setCurrentIndex(4)
    editor.ui.recommendationEdit.setFocus()
    qtbot.keyClicks(editor.ui.recommendationEdit, PLAN)
    qtbot.waitUntil(lambda: second_session.cases.get(case_id).recommendation == PLAN)
    stored = second_session.cases.get(case_id)
    assert stored.title == "Title changed on the other PC"  # their change kept, not reverted
    assert editor.conflict_dialog is None  # nothing to choose: different fields
    assert editor.ui.titleEdit.text() == "Title changed on the other PC"
    assert "A change saved elsewhere to the title was kept; yours to the other fields too." in messages
    # Later edits save on top of the version now stored.
    qtbot.keyClicks(editor.ui.recommendationEdit, " Review in 6 weeks.")
    qtbot.waitUntil(lambda: (second_session.cases.get(case_id).recommendation or "").endswith("6 weeks."))
    assert second_session.cases.get(case_id).title == "Title changed on the other PC"


def _clash(qtbot: QtBot, window: MainWindow, second_session: Services) -> tuple[int, ClashDialog]:
    case_id = _open(window, second_session, "MDT-002")
    theirs = second_session.cases.get(case_id)
    theirs.title = "Title changed on the other PC"
    theirs.recommendation = "Their plan: a pain management programme."
    second_session.cases.update(theirs)
    editor = window.editor
    assert editor is not None
    editor.ui.isbarTabs.setCurrentIndex(4)
    editor.ui.recommendationEdit.setFocus()
    qtbot.keyClicks(editor.ui.recommendationEdit, "Graded motor imagery, then mirror therapy.")
    qtbot.waitUntil(lambda: editor.conflict_dialog is not None and editor.conflict_dialog.isVisible())
    dialog = editor.conflict_dialog
    assert dialog is not None
    stored = second_session.cases.get(case_id)
    # nothing was overwritten
    assert stored.recommendation == "Their plan: a pain management programme."
    # only the field changed on both sides is offered; the other one was merged
    assert list(dialog.groups) == ["recommendation"]
    texts = {w.toPlainText() for w in dialog.findChildren(QTextBrowser)}
    assert texts == {"Their plan: a pain management programme.", PLAN}
    mine, kept = dialog.groups["recommendation"]
    assert kept.isChecked() and not mine.isChecked()  # the default keeps the colleague's text
    assert dialog.use_button.isDefault()
    return case_id, dialog


def test_a_field_changed_on_both_sides_keeps_the_saved_text_by_default(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    case_id, dialog = _clash(qtbot, window, second_session)
    dialog.use_button.click()
    editor = window.editor
    assert editor is not None
    qtbot.waitUntil(lambda: not editor.pending)
    assert editor.ui.recommendationEdit.toPlainText() == "Their plan: a pain management programme."
    assert editor.ui.titleEdit.text() == "Title changed on the other PC"
    stored = second_session.cases.get(case_id)
    assert stored.recommendation == "Their plan: a pain management programme."
    # the text not kept comes back with undo
    window.action_undo.trigger()
    assert editor.ui.recommendationEdit.toPlainText() == "Graded motor imagery, then mirror therapy."


def test_keeping_mine_for_one_field_reverts_no_other_field(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    case_id, dialog = _clash(qtbot, window, second_session)
    dialog.groups["recommendation"][0].click()
    dialog.use_button.click()
    qtbot.waitUntil(lambda: second_session.cases.get(case_id).recommendation == PLAN)
    assert second_session.cases.get(case_id).title == "Title changed on the other PC"


def test_readiness_summary_follows_the_form(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    _open(window, second_session, "MDT-001")
    editor = window.editor
    assert editor is not None
    assert editor.ui.readinessSummary.text().startswith("\u26a0 Not ready: 1 missing")
    assert "No question for the team" in editor.ui.readinessDetails.text()
    editor.ui.isbarTabs.setCurrentIndex(1)
    editor.ui.questionEdit.setFocus()
    qtbot.keyClicks(editor.ui.questionEdit, "Is surgery still an option?")
    assert editor.ui.readinessSummary.text().startswith("\u2714 Ready to present")


def test_sharing_restrictions_banner(qtbot: QtBot, window: MainWindow, second_session: Services) -> None:
    _open(window, second_session, "MDT-006")
    editor = window.editor
    assert editor is not None
    assert not editor.ui.sharingBanner.isVisible()
    editor.ui.sharingEdit.setFocus()
    qtbot.keyClicks(editor.ui.sharingEdit, "Not on the big screen: staff member")
    assert editor.ui.sharingBanner.isVisible()
    assert "SHARING RESTRICTED: Not on the big screen: staff member" in editor.ui.sharingBanner.text()


def test_every_field_has_a_label_and_an_accessible_name(window: MainWindow, second_session: Services) -> None:
    _open(window, second_session, "MDT-001")
    editor = window.editor
    assert editor is not None
    buddies = {id(label.buddy()) for label in editor.findChildren(QLabel) if label.buddy() is not None}
    for key in editor.form.scalar_keys():
        widget = editor.form.widget(key)
        assert widget.accessibleName(), f"{key} has no accessible name"
        assert id(widget) in buddies, f"{key} has no label"
    for table in editor.form.tables.values():
        assert table.accessibleName()


def test_tab_order_follows_the_form(qtbot: QtBot, window: MainWindow, second_session: Services) -> None:
    _open(window, second_session, "MDT-001")
    editor = window.editor
    assert editor is not None
    editor.ui.refEdit.setFocus()
    seen = [editor.ui.refEdit.objectName()]
    for _ in range(10):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget().objectName())
    assert seen == [
        "refEdit", "titleEdit", "nameEdit", "ageEdit", "sexEdit", "genderEdit", "pronounsEdit",
        "languageEdit", "interpreterCombo", "fictionalCheck", "sharingEdit",
    ]


def test_one_key_restricts_the_selected_passage(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    case_id = _open(window, second_session, "MDT-006")
    editor = window.editor
    assert editor is not None
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # Alt+B: Background
    history = editor.ui.psychosocialEdit
    history.setFocus()
    qtbot.keyClick(history, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    secret = "Told psychology about a court case."
    qtbot.keyClicks(history, " " + secret)
    cursor = history.textCursor()  # select the sentence just typed
    cursor.movePosition(cursor.MoveOperation.Left, cursor.MoveMode.KeepAnchor, len(secret))
    history.setTextCursor(cursor)
    qtbot.keyClick(history, Qt.Key.Key_R, CTRL_SHIFT)
    dialog = editor.passage_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.holder.setCurrentText("")
    dialog._accept()  # nobody named: asked again, nothing marked
    assert dialog.isVisible() and dialog.error.isVisible()
    dialog.holder.setCurrentText("psychology")
    dialog.note.setText("a trauma-informed approach is needed")
    dialog._accept()
    qtbot.waitUntil(lambda: bool(second_session.cases.get(case_id).restricted_passages))
    stored = second_session.cases.get(case_id)
    assert stored.restricted_passages is not None
    (passage,) = stored.restricted_passages
    assert (passage.field, passage.text, passage.held_by, passage.note) == (
        "/psychosocial", secret, "psychology", "a trauma-informed approach is needed"
    )
    assert secret in (stored.psychosocial or "")  # kept whole in the case
    # Visible as such in the editor: highlighted in its field and counted in the banner.
    marks = history.extraSelections()
    assert [m.cursor.selectedText() for m in marks] == [secret]
    assert editor.ui.sharingBanner.isVisible()
    assert "1 restricted passage (held by psychology)" in editor.ui.sharingBanner.text()
    # Editing inside the passage warns that the whole field is withheld until it is marked again.
    cursor = history.textCursor()
    cursor.setPosition((history.toPlainText()).index("court") + 1)
    history.setTextCursor(cursor)
    qtbot.keyClicks(history, "x")
    assert "A restricted passage of Psychosocial was edited" in editor.ui.sharingBanner.text()
    assert history.extraSelections() == []
    qtbot.keyClick(history, Qt.Key.Key_Backspace)
    assert "was edited" not in editor.ui.sharingBanner.text()
    # The same key on the passage unrestricts it; Ctrl+Z restricts it again.
    window.activateWindow()  # the dialog has closed (the offscreen platform does not do this itself)
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(history, Qt.Key.Key_R, CTRL_SHIFT)
    qtbot.waitUntil(lambda: not second_session.cases.get(case_id).restricted_passages)
    assert editor.passage_dialog is dialog  # no new dialog: unmarking asks nothing
    window.action_undo.trigger()
    qtbot.waitUntil(lambda: bool(second_session.cases.get(case_id).restricted_passages))


def test_restrict_key_outside_a_text_field_says_what_to_do(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    _open(window, second_session, "MDT-006")
    editor = window.editor
    assert editor is not None
    messages: list[str] = []
    editor.status_message.connect(messages.append)
    editor.ui.titleEdit.setFocus()
    qtbot.keyClick(
        editor.ui.titleEdit, Qt.Key.Key_R, CTRL_SHIFT
    )
    assert messages and "select its words" in messages[-1]
    editor.ui.psychosocialEdit.setFocus()
    qtbot.keyClick(
        editor.ui.psychosocialEdit, Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert "Select the words" in messages[-1] and editor.passage_dialog is None


def test_a_text_longer_than_its_field_is_shown_from_its_start(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    """An opened case's one-line fields show the beginning of their text, not its end (seen under Xvfb:
    "t language Polish; reads Polish patient leaflets more easily)")."""
    case = second_session.cases.get_by_ref("MDT-001")
    long = "English (first language Polish; reads Polish patient leaflets more easily, prefers interpreter)"
    second_session.cases.update(replace(case, patient=replace(case.patient, preferred_language=long)))
    _open(window, second_session, "MDT-001")
    assert window.editor is not None
    field = window.editor.ui.languageEdit
    assert field.text() == long
    assert field.fontMetrics().horizontalAdvance(long) > field.width()  # longer than its field
    assert field.cursorPosition() == 0
