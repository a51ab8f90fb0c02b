"""The review of a teaching case sends no SQL from the GUI thread: keeping a hint with a reason, saving an
edit, replacing a hint, confirming every field and finalising (or, in another run, discarding the draft)
each run on the writer queue, on SQLite and on PostgreSQL. Steps asked for quickly are stored in the order
asked for while the dialog says it is saving, text typed meanwhile is kept, and a step that fails is shown
in the dialog with the review as stored."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import settle
from gui_thread_sql import watch_gui_thread
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mdtboard.services.context import Services
from mdtboard.services.training import TeachingReview
from mdtboard.ui.training.teaching_case import TeachingCaseDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "training"))
from training_setup import real_case  # noqa: E402

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


def _review(qtbot: QtBot, services: Services) -> tuple[TeachingCaseDialog, TeachingReview, list[str]]:
    original = services.cases.create(real_case())
    review = services.training.make_teaching_case(original.id or 0)
    dialog = TeachingCaseDialog(services, review)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # qtbot closes it at the end
    qtbot.addWidget(dialog)
    messages: list[str] = []
    dialog.status_message.connect(messages.append)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog, review, messages


def _keep_with_ctrl_k(qtbot: QtBot, dialog: TeachingCaseDialog, reason: str) -> None:
    qtbot.keyClick(dialog.ui.hintList, Qt.Key.Key_K, CTRL)
    prompt = dialog.keep_prompt
    assert prompt is not None and prompt.isVisible()
    prompt.setTextValue(reason)
    prompt.accept()
    dialog.activateWindow()  # as the window manager does when the prompt closes
    qtbot.waitUntil(dialog.isActiveWindow)


def test_reviewing_and_finalising_a_teaching_case_sends_no_sql_from_the_gui_thread(
    qtbot: QtBot, services: Services
) -> None:
    dialog, review, messages = _review(qtbot, services)
    fields = review.checklist.fields
    with watch_gui_thread(services.db.engine) as noted:
        dialog.select_field("psychosocial")
        assert dialog.current_hint() == "Salford"
        _keep_with_ctrl_k(qtbot, dialog, "a city of 100,000")
        # while the keep is stored the reviewer goes on: another field, an edit typed and saved
        dialog.select_field("pain_history")
        dialog.ui.textEdit.setPlainText("Shingles in 2024; seen at Salford Royal Hospital since.")
        dialog.ui.saveEditButton.click()
        assert dialog.saving and "Saving:" in dialog.ui.progressLabel.text()
        settle()
        assert not dialog.saving and "Saving" not in dialog.ui.progressLabel.text()
        assert dialog.review.draft.kept == {"salford": "a city of 100,000"}
        assert dialog.current_field() == "pain_history"
        assert dialog.highlighted == ["Salford Royal Hospital"]  # what the edit brought in
        # Enter replaces it, and Ctrl+Enter pressed at once for every field confirms each in turn
        dialog.ui.hintList.setFocus()
        qtbot.keyClick(dialog.ui.hintList, Qt.Key.Key_Return)
        dialog.select_field(fields[0])
        for _ in fields:
            qtbot.keyClick(dialog.ui.fieldList, Qt.Key.Key_Return, CTRL)
        assert dialog.saving
        settle()
        assert dialog.review.checklist.complete and dialog.ui.finaliseButton.isEnabled()
        assert dialog.review.draft.case.pain_history == "Shingles in 2024; seen at a local hospital since."
        with qtbot.waitSignal(dialog.finalised) as finalised:
            dialog.ui.finaliseButton.click()
        assert finalised.args == [review.draft_case_id]
        settle()
    assert noted.elsewhere > 0  # the guard listened: the steps ran on the writer
    assert not noted, f"SQL sent from the GUI thread:\n{noted}"
    assert "kept as written: “salford” (a city of 100,000)" in messages[-1]
    assert services.cases.get(review.draft_case_id).fictional is True


def test_discarding_a_teaching_case_sends_no_sql_from_the_gui_thread(
    qtbot: QtBot, services: Services
) -> None:
    dialog, review, _messages = _review(qtbot, services)
    with watch_gui_thread(services.db.engine) as noted:
        dialog.select_field("psychosocial")
        dialog.ui.hintList.setFocus()
        qtbot.keyClick(dialog.ui.hintList, Qt.Key.Key_Return)  # replaced
        dialog.ask_discard()  # asked while the replacement is stored: discarded after it
        box = dialog.findChildren(QMessageBox)[-1]
        with qtbot.waitSignal(dialog.discarded):
            box.button(QMessageBox.StandardButton.Yes).click()
        settle()
        assert not dialog.isVisible()
    assert noted.elsewhere > 0
    assert not noted, f"SQL sent from the GUI thread:\n{noted}"
    assert services.training.teaching_reviews() == []


def test_text_typed_while_a_step_is_stored_is_kept(qtbot: QtBot, services: Services) -> None:
    dialog, review, _messages = _review(qtbot, services)
    dialog.select_field("psychosocial")
    qtbot.keyClick(dialog.ui.hintList, Qt.Key.Key_Return)  # "Salford" replaced in the background
    assert dialog.saving
    dialog.ui.textEdit.setPlainText("Lives with her sister.")  # typed before the result comes
    settle()
    assert dialog.current_field() == "psychosocial"
    assert dialog.ui.textEdit.toPlainText() == "Lives with her sister."  # not lost, not saved yet
    assert dialog.ui.saveEditButton.isEnabled()
    assert "[town]" in (dialog.review.draft.case.psychosocial or "")
    dialog.ui.saveEditButton.click()
    settle()
    assert services.cases.get(review.draft_case_id).psychosocial == "Lives with her sister."


def test_a_step_that_fails_is_shown_with_the_review_as_stored(qtbot: QtBot, services: Services) -> None:
    dialog, review, messages = _review(qtbot, services)
    # someone else confirms a field meanwhile: the dialog's next step meets a newer version
    services.training.confirm_field(review.id, "title", seen_version=review.version)
    dialog.select_field("psychosocial")
    qtbot.keyClick(dialog.ui.hintList, Qt.Key.Key_Return)  # refused: the review changed
    qtbot.keyClick(dialog.ui.fieldList, Qt.Key.Key_Return, CTRL)  # asked for after it: not done
    settle()
    assert not dialog.saving
    assert "changed elsewhere" in messages[-1]
    assert "1 step(s) asked for after it were not done" in messages[-1]
    stored = services.training.teaching_review(review.id)
    assert dialog.review.version == stored.version
    assert dialog.review.checklist.item("title").confirmed  # shown as stored
    assert [h.text for h in stored.checklist.open_hints] == ["Salford"]  # nothing of the step was stored
    assert not stored.checklist.item("psychosocial").confirmed
    # a reason left empty is refused in the dialog; the review stays as stored
    dialog.keep_current("  ", "Salford")
    qtbot.waitUntil(lambda: bool(dialog.findChildren(QMessageBox)))
    assert "Keep: not done" in dialog.findChildren(QMessageBox)[-1].windowTitle()
    assert services.training.teaching_review(review.id).version == stored.version
