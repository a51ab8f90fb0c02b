"""Restricting a passage of a discipline's live input by keyboard: select the words, Ctrl+Shift+R, say who
holds it; the passage is highlighted in the panel, stored with the case, withheld on the big screen (also
when the typist edits inside it, then the whole field); Ctrl+Z takes the mark back."""

from __future__ import annotations

from conftest import settle
from presentation_support import Meeting, MeetingFactory, make_meeting
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from signing import sign

from mdtboard.domain.case import Discipline
from mdtboard.domain.privacy import input_pointer
from mdtboard.ui import ops

__all__ = ["make_meeting"]  # the fixture, imported for pytest

WORDS = "Her partner keeps a shotgun in the house."
HELD = "[restricted: held by psychology]"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _team_text(meeting: Meeting) -> str:
    from mdtboard.ui.presentation.content import TEAM

    index = meeting.session.section_index(TEAM)
    assert index is not None
    meeting.session.show_section(index)
    text = meeting.screen.text
    return " ".join(text.page_text(n) for n in range(text.page_count()))


def _select(edit: object, words: str) -> None:
    text = edit.toPlainText()  # type: ignore[attr-defined]
    start = text.index(words)
    cursor = edit.textCursor()  # type: ignore[attr-defined]
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)  # type: ignore[attr-defined]


def test_one_key_restricts_a_passage_of_the_team_s_input(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    meeting = make_meeting()
    meeting.discuss("MDT-RISK")
    settle()
    meeting.mode.start()
    settle()
    discussion = meeting.workspace.discussion
    edit = discussion.panels[Discipline.PSYCHOLOGY].ui.assessmentEdit
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    qtbot.keyClicks(edit, f"Low mood. {WORDS} Engaged.")
    assert WORDS in _team_text(meeting)  # not yet restricted: the room sees what is typed

    edit.setFocus()
    _select(edit, WORDS)
    qtbot.keyClick(edit, Qt.Key.Key_R, CTRL_SHIFT)
    settle()
    dialog = discussion.passages.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.held_by() == "psychology"  # the panel's discipline, to accept with Enter
    qtbot.keyClick(dialog.holder, Qt.Key.Key_Return)
    settle()
    assert not dialog.isVisible()
    ops.operations().wait()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)

    item_id = meeting.item_id("MDT-RISK")
    stored = meeting.services.cases.get(meeting.case_ids["MDT-RISK"]).restricted_passages or []
    assert [(p.field, p.text, p.held_by) for p in stored][-1] == (
        input_pointer(item_id, "psychology", "assessment"), WORDS, "psychology"
    )
    assert len(edit.extraSelections()) == 1  # highlighted where it was typed, whole
    assert edit.toPlainText() == f"Low mood. {WORDS} Engaged."
    shown = _team_text(meeting)
    assert "shotgun" not in shown and f"Low mood. {HELD} Engaged." in shown

    # Edited inside the passage: the whole field is withheld, and the typist is told.
    messages: list[str] = []
    discussion.message.connect(messages.append)
    cursor = edit.textCursor()
    cursor.setPosition(edit.toPlainText().index("shotgun"))
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, "loaded ")
    assert any("withhold that whole field" in m for m in messages)
    shown = _team_text(meeting)
    assert "shotgun" not in shown and "Low mood" not in shown and HELD in shown

    # Ctrl+Z takes the typing back, then the mark: the stored case has no mark any more.
    meeting.workspace.flush()
    ops.operations().wait()
    stack = meeting.workspace.controller.undo_stack
    undone = []
    while stack.canUndo() and undone[-1:] != ["Restrict a passage of the psychology input"]:
        undone.append(stack.undoText())
        stack.undo()
        settle()
        ops.operations().wait()
    assert undone[-1] == "Restrict a passage of the psychology input"
    stored = meeting.services.cases.get(meeting.case_ids["MDT-RISK"]).restricted_passages or []
    assert all(p.field != input_pointer(item_id, "psychology", "assessment") for p in stored)


def test_the_key_outside_the_team_s_input_says_what_to_do(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    meeting = make_meeting()
    meeting.discuss("MDT-RISK")
    settle()
    discussion = meeting.workspace.discussion
    messages: list[str] = []
    discussion.message.connect(messages.append)
    author = discussion.panels[Discipline.PSYCHOLOGY].ui.authorCombo
    author.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    discussion.passages.mark_selection()
    assert messages and "select its words in a discipline's assessment or recommendations" in messages[-1]
    edit = discussion.panels[Discipline.PSYCHOLOGY].ui.assessmentEdit
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    discussion.passages.mark_selection()
    assert messages[-1] == "Select the words to restrict first, then press Ctrl+Shift+R"
    assert discussion.passages.dialog is None


def test_the_field_with_the_cursor_is_scrolled_into_view(qtbot: QtBot, make_meeting: MeetingFactory) -> None:
    """Ctrl+3 and Tab on a small screen: the panels scroll so that the field typed into is in view."""
    from PySide6.QtCore import QPoint, QRect

    meeting = make_meeting()
    meeting.window.resize(1280, 720)
    meeting.discuss("MDT-RISK")
    settle()
    discussion = meeting.workspace.discussion
    viewport = discussion.ui.panelsScroll.viewport()

    def in_view() -> bool:
        widget = QApplication.focusWidget()
        if widget is None or not discussion.ui.panelsContent.isAncestorOf(widget):
            return False
        top_left = widget.mapTo(viewport, QPoint(0, 0))
        return viewport.rect().contains(QRect(top_left, widget.size()))

    assert discussion.ui.panelsContent.height() > viewport.height()  # the panels do not all fit
    for discipline in (Discipline.PSYCHOLOGY, Discipline.PHYSICIAN, Discipline.PSYCHOLOGY):
        discussion.focus_discipline(discipline)
        qtbot.waitUntil(in_view)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # on to the next field
        settle()
        qtbot.waitUntil(in_view)


def test_open_actions_of_the_agreed_plan_stand_in_the_key_facts_and_on_the_big_screen(
    qtbot: QtBot, make_meeting: MeetingFactory
) -> None:
    """Discussed again, a case shows what its signed plan left open (what, who, by when, overdue), not what
    was recorded done, with a restricted passage's words withheld."""
    from datetime import date, timedelta

    from mdtboard.domain.careplan import Intervention
    from mdtboard.domain.careplan_progress import ProgressState
    from mdtboard.domain.case import RestrictedPassage

    meeting = make_meeting()
    services = meeting.services
    case_id = meeting.case_ids["MDT-001"]
    item_id = meeting.item_id("MDT-001")
    plan = services.careplans.create_draft(case_id, agenda_item_id=item_id)
    late = date.today() - timedelta(days=3)
    plan.interventions = [
        Intervention(Discipline.PHYSICAL_THERAPY, "Graded walking programme", owner="Sam Lee", due=late),
        Intervention(Discipline.PSYCHOLOGY, "Six sessions of CBT for pain since the assault", due=None),
        Intervention(Discipline.PHARMACY, "Review the gun licence with the family", owner="Kim Park"),
    ]
    plan = services.careplans.save_draft(plan)
    for discipline, name in ((Discipline.PHYSICIAN, "Dr Okafor"), (Discipline.PHYSICAL_THERAPY, "Sam Lee"),
                             (Discipline.PSYCHOLOGY, "Ana Ruiz"), (Discipline.PHARMACY, "Kim Park")):
        plan = sign(services, plan, discipline, name, open_items_reason="set at the clinic")
    done = next(i for i in plan.agreed_interventions() if i.description.startswith("Review"))
    assert plan.id is not None and done.uid is not None
    services.careplans.record_progress(plan.id, done.uid, ProgressState.DONE, recorded_by="Kim Park")
    stored = services.cases.get(case_id)
    stored.restricted_passages = [*(stored.restricted_passages or [])]
    stored.one_liner = (stored.one_liner or "") + " Walking is hard since the assault."
    stored.restricted_passages.append(RestrictedPassage("/one_liner", "since the assault", "psychology"))
    services.cases.update(stored)

    meeting.discuss("MDT-001")
    settle()  # the open actions are read in the background
    facts = meeting.workspace.discussion.ui.actionsLabel
    assert facts.isVisibleTo(meeting.workspace.discussion)
    lines = facts.text().splitlines()
    assert lines[0].startswith("• Graded walking programme · Sam Lee (physical therapy) · due ")
    assert lines[0].endswith(", overdue")
    held = "[restricted: held by psychology]"
    assert lines[1] == f"• Six sessions of CBT for pain {held} · Psychology · no date set"
    assert len(lines) == 2  # the action recorded done is not followed up
    meeting.mode.start()
    settle()  # the open actions are read in the background
    shown = " ".join(meeting.screen.text.page_text(n) for n in range(meeting.screen.text.page_count()))
    assert "Open actions of the agreed plan" in shown and "Graded walking programme" in shown
    assert "Six sessions of CBT for pain [restricted: held by psychology]" in shown
    assert "assault" not in shown and "gun licence" not in shown
