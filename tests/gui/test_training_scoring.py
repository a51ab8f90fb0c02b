"""The facilitator's scoring panel, driven by the keyboard alone: digits score, arrows and Tab move,
a 2 takes a comment, and the scores land in the database; a 1 without a comment is marked and not saved."""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from conftest import settle, sqlite_path, table_snapshot
from gui_helpers import opened
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Discipline
from mdtboard.domain.rubric import AssessorRole, Score
from mdtboard.services.context import Services, open_services
from mdtboard.ui.editing.session import Clash
from mdtboard.ui.training.scoring import RubricRow
from mdtboard.ui.training.window import SCORING_TAB, TrainingWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "training"))
from training_setup import FACILITATOR, KWAME, ZOE, load_bank, teaching_conference  # noqa: E402

pytestmark = pytest.mark.gui
FAC, SELF = AssessorRole.FACILITATOR, AssessorRole.SELF


@pytest.fixture
def services(sqlite_database_url: str, sqlite_as_made: Path) -> Iterator[Services]:
    shutil.copy(sqlite_as_made, str(sqlite_path(sqlite_database_url)))  # an empty file the program made
    opened = open_services(sqlite_database_url)
    yield opened
    opened.close()


@pytest.fixture
def conference(services: Services) -> tuple[int, int, int]:
    """A teaching conference where Zoë presents TEACH-02 and speaks for psychology: (conf, item, case)."""
    bank = load_bank(services)
    conf = teaching_conference(services, "Teaching 3", datetime(2026, 3, 9, 13), [bank["TEACH-02"]])
    item = conf.agenda[0]
    assert conf.id is not None and item.id is not None
    services.training.assign_role(item.id, ZOE)
    services.training.assign_role(item.id, ZOE, Discipline.PSYCHOLOGY)
    services.training.assign_role(item.id, KWAME, Discipline.PHYSICIAN)
    return conf.id, item.id, item.case_id


@pytest.fixture
def window(qtbot: QtBot, services: Services, conference: tuple[int, int, int]) -> TrainingWindow:
    window = TrainingWindow(services, save_delay_ms=50)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert opened(window, conference[0])
    window.select_case(0)
    settle()
    window.show_tab(SCORING_TAB)
    settle()
    window.scoring.set_rater(FACILITATOR)
    settle()
    window.scoring.focus_first_row()
    return window


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _press(qtbot: QtBot, key: Qt.Key) -> None:
    """A key pressed by the person: it goes to whatever has the focus."""
    qtbot.keyClick(_focused(), key)


def _type(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(_focused(), text)


def _row_in_focus() -> RubricRow:
    widget: QWidget | None = _focused()
    while widget is not None and not isinstance(widget, RubricRow):
        widget = widget.parentWidget()
    assert isinstance(widget, RubricRow), f"the focus is on {_focused()!r}, not on a rubric item"
    return widget


def test_the_facilitator_scores_a_case_by_keyboard_only(
    qtbot: QtBot, window: TrainingWindow, services: Services, conference: tuple[int, int, int]
) -> None:
    conf_id, _item_id, case_id = conference
    panel = window.scoring
    assert panel.trainee == ZOE
    keys = [row.item.key for row in panel.rows]
    assert keys[:6] == [
        "case.isbar.identify",
        "case.isbar.situation",
        "case.isbar.background",
        "case.isbar.assessment",
        "case.isbar.recommendation",
        "case.discipline.psychology",
    ]
    assert "case.discipline.physician" not in keys  # Kwame speaks for the physician, not Zoë
    # the anchors are there to read
    identify = panel.row("case.isbar.identify")
    assert identify.ui.anchor1Label.isVisible() and "Starts without saying" in identify.ui.anchor1Label.text()
    assert "Opens with own name and role" in identify.ui.anchor5Label.text()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), RubricRow))
    assert _row_in_focus().item.key == "case.isbar.identify"

    _press(qtbot, Qt.Key.Key_5)  # Identify: 5
    _press(qtbot, Qt.Key.Key_Down)
    assert _row_in_focus().item.key == "case.isbar.situation"
    _press(qtbot, Qt.Key.Key_2)  # Situation: 2, which needs a comment: the cursor is in it at once
    assert isinstance(_focused(), QLineEdit)
    situation = panel.row("case.isbar.situation")
    assert situation.property("invalid") is True and situation.ui.commentError.isVisible()
    assert "needs a comment" in situation.ui.commentError.text()
    _type(qtbot, "No question for the team; the room had to ask.")
    assert situation.property("invalid") is False and not situation.ui.commentError.isVisible()
    _press(qtbot, Qt.Key.Key_Tab)  # on to Background
    assert _row_in_focus().item.key == "case.isbar.background"
    _press(qtbot, Qt.Key.Key_4)
    _press(qtbot, Qt.Key.Key_Tab)
    _press(qtbot, Qt.Key.Key_3)  # Assessment: 3
    _press(qtbot, Qt.Key.Key_Up)
    assert _row_in_focus().item.key == "case.isbar.background"
    _press(qtbot, Qt.Key.Key_3)  # Background changed from 4 to 3
    for _ in range(3):
        _press(qtbot, Qt.Key.Key_Down)
    assert _row_in_focus().item.key == "case.discipline.psychology"
    _press(qtbot, Qt.Key.Key_4)
    _press(qtbot, Qt.Key.Key_Return)  # an optional comment on a 4
    _type(qtbot, "Named the fear-avoidance clearly.")
    _press(qtbot, Qt.Key.Key_Down)
    assert _row_in_focus().item.key == "trainee.invites_input"
    _press(qtbot, Qt.Key.Key_3)

    def stored() -> tuple[tuple[Score, ...], tuple[Score, ...]]:
        per_case = services.training.assessment(conf_id, ZOE, FAC, case_id=case_id)
        whole = services.training.assessment(conf_id, ZOE, FAC)
        return (per_case.assessment.scores if per_case else (), whole.assessment.scores if whole else ())

    expected = (
        (
            Score("case.isbar.identify", 5),
            Score("case.isbar.situation", 2, "No question for the team; the room had to ask."),
            Score("case.isbar.background", 3),
            Score("case.isbar.assessment", 3),
            Score("case.discipline.psychology", 4, "Named the fear-avoidance clearly."),
        ),
        (Score("trainee.invites_input", 3),),
    )
    qtbot.waitUntil(lambda: stored() == expected, timeout=2000)
    per_case = services.training.assessment(conf_id, ZOE, FAC, case_id=case_id)
    assert per_case is not None and per_case.assessment.assessor == FACILITATOR
    # "Saved" once the commit is back on the GUI thread (the save runs on the writer thread)
    qtbot.waitUntil(lambda: panel.ui.saveState.text().startswith("Scores saved "), timeout=2000)


def test_a_one_without_a_comment_is_marked_and_not_saved(
    qtbot: QtBot, window: TrainingWindow, services: Services, conference: tuple[int, int, int]
) -> None:
    conf_id, _item_id, case_id = conference
    panel = window.scoring
    services.training.save_assessment(conf_id, ZOE, FAC, [Score("case.isbar.background", 4)], case_id=case_id,
                                      assessor=FACILITATOR)
    window.refresh()
    settle()
    window.show_tab(SCORING_TAB)
    settle()
    background = panel.row("case.isbar.background")
    assert background.value == 4
    before = table_snapshot(services.db)
    background.setFocus()
    qtbot.waitUntil(background.hasFocus)
    _press(qtbot, Qt.Key.Key_1)
    assert background.property("invalid") is True
    assert background.ui.commentEdit.property("invalid") is True
    assert background.ui.commentError.text().startswith("⚠ A score of 1 needs a comment")
    assert "Comment needed" in background.ui.commentEdit.placeholderText()
    _press(qtbot, Qt.Key.Key_Escape)  # back to the row without writing the comment
    assert panel.flush()
    assert table_snapshot(services.db) == before  # the database keeps the last valid score, 4
    assert "need a comment" in panel.ui.saveState.text()
    # the comment written, the 1 is saved
    background.focus_comment()
    _type(qtbot, "Psychosocial history left out.")
    qtbot.waitUntil(
        lambda: (
            services.training.assessment(conf_id, ZOE, FAC, case_id=case_id).assessment.scores  # type: ignore[union-attr]
            == (Score("case.isbar.background", 1, "Psychosocial history left out."),)
        ),
        timeout=2000,
    )


def test_blind_sequence_self_first_then_the_rater_then_side_by_side(
    qtbot: QtBot, window: TrainingWindow, services: Services, conference: tuple[int, int, int]
) -> None:
    conf_id, _item_id, case_id = conference
    window.refresh()
    settle()
    window.show_tab(SCORING_TAB)
    settle()
    panel = window.scoring
    # the trainee scores first, in the same panel, and submits: locked from then on
    panel.set_role(SELF)
    settle()
    background = panel.row("case.isbar.background")
    background.setFocus()
    qtbot.waitUntil(background.hasFocus)
    _press(qtbot, Qt.Key.Key_4)
    assert "stays hidden until you submit" in panel.ui.saveState.text()
    assert panel.flush()
    assert panel.ui.submitButton.isEnabled()
    qtbot.keyClick(panel, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.submitted)
    settle()
    assert not panel.row("case.isbar.background").isEnabled()
    own = services.training.assessment(conf_id, ZOE, SELF, case_id=case_id)
    assert own is not None and own.submitted
    # the facilitator scores blind: the self-assessment is not shown before the facilitator submits
    services.training.save_assessment(
        conf_id, ZOE, FAC, [Score("case.isbar.background", 2, "Thin.")], case_id=case_id, assessor=FACILITATOR
    )
    panel.set_role(FAC)
    settle()
    background = panel.row("case.isbar.background")
    assert (background.value, background.comment) == (2, "Thin.")
    assert background.ui.otherLabel.text() == "" and panel.hidden
    # the trainee cannot see the facilitator's scores before both have submitted
    panel.set_role(SELF)
    settle()
    assert panel.row("case.isbar.background").ui.otherLabel.text() == ""
    panel.set_role(FAC)
    settle()
    panel.ui.submitButton.click()
    settle()
    qtbot.waitUntil(lambda: panel.submitted)
    settle()
    # now side by side, both ways
    background = panel.row("case.isbar.background")
    assert background.ui.otherLabel.text() == "Self-assessment: 4"
    panel.set_role(SELF)
    settle()
    background = panel.row("case.isbar.background")
    assert (background.value, background.ui.otherLabel.text()) == (4, f"{FACILITATOR}: 2 – Thin.")
    assert "both sides are shown" in panel.ui.saveState.text()
    # Kwame speaks for the physician only: his panel shows that item and the team behaviours
    panel.set_trainee(KWAME)
    settle()
    keys = [row.item.key for row in panel.rows]
    assert keys[0] == "case.discipline.physician" and "case.isbar.identify" not in keys
    assert "speaks for physician" in panel.ui.partsLabel.text()


def test_scores_saved_elsewhere_are_merged_item_by_item_and_a_choice_never_reverts_another(
    qtbot: QtBot, window: TrainingWindow, services: Services, conference: tuple[int, int, int]
) -> None:
    conf_id, _item_id, case_id = conference
    panel = window.scoring
    choices: list[list[str]] = []

    def keep_mine(
        _what: str, clash: Clash, label: Callable[[str], str], done: Callable[[set[str]], None]
    ) -> None:
        choices.append([label(name) for name in clash.merge.clashes])
        done(set(clash.merge.clashes))

    panel.chooser = keep_mine

    def stored() -> dict[str, tuple[int, str | None]]:
        found = services.training.assessment(conf_id, ZOE, FAC, case_id=case_id, assessor=FACILITATOR)
        return {s.item_key: (s.value, s.comment) for s in found.assessment.scores} if found else {}

    # another PC scores Identify first, after this panel read the (empty) scores
    services.training.save_assessment(conf_id, ZOE, FAC, [Score("case.isbar.identify", 5)], case_id=case_id,
                                      assessor=FACILITATOR)
    background = panel.row("case.isbar.background")
    background.setFocus()
    qtbot.waitUntil(background.hasFocus)
    _press(qtbot, Qt.Key.Key_3)
    # merged: their Identify kept (and shown), this Background saved; nobody was asked anything
    merged = {"case.isbar.identify": (5, None), "case.isbar.background": (3, None)}
    qtbot.waitUntil(lambda: stored() == merged, timeout=3000)
    assert panel.row("case.isbar.identify").value == 5 and choices == []
    qtbot.waitUntil(lambda: not panel.pending)

    # both sides change Background; the other PC also changes Identify: only Background is a choice, and
    # keeping this one's Background leaves their Identify as they saved it
    theirs = services.training.assessment(conf_id, ZOE, FAC, case_id=case_id, assessor=FACILITATOR)
    assert theirs is not None
    services.training.save_assessment(
        conf_id, ZOE, FAC, [Score("case.isbar.identify", 4), Score("case.isbar.background", 2, "Thin.")],
        case_id=case_id, assessor=FACILITATOR, seen_version=theirs.version,
    )
    background.setFocus()
    _press(qtbot, Qt.Key.Key_5)
    chosen = {"case.isbar.identify": (4, None), "case.isbar.background": (5, None)}
    qtbot.waitUntil(lambda: stored() == chosen, timeout=3000)
    assert choices == [["Background"]]
    assert panel.row("case.isbar.identify").value == 4 and panel.row("case.isbar.background").value == 5


def test_steady_scoring_is_saved_within_two_seconds_without_a_pause(
    qtbot: QtBot, services: Services, conference: tuple[int, int, int]
) -> None:
    conf_id, _item_id, case_id = conference
    window = TrainingWindow(services)  # the real pause: half a second
    qtbot.addWidget(window)
    window.show()
    assert opened(window, conf_id)
    window.select_case(0)
    settle()
    window.show_tab(SCORING_TAB)
    settle()
    panel = window.scoring
    panel.set_rater(FACILITATOR)
    settle()
    situation = panel.row("case.isbar.situation")
    situation.set_score(2)
    situation.score_chosen.emit(situation.item.key, 2)
    comment = situation.ui.commentEdit
    started = time.monotonic()
    saved_during: list[float] = []
    panel.session.saved.connect(lambda _sheet: saved_during.append(time.monotonic() - started))
    typed = ""
    while time.monotonic() - started < 3.0:  # a key every 100 ms: never a half-second pause
        typed += "x"
        comment.setText(typed)
        comment.textEdited.emit(typed)
        qtbot.wait(100)
    assert saved_during and saved_during[0] <= 2.5, saved_during
    found = services.training.assessment(conf_id, ZOE, FAC, case_id=case_id, assessor=FACILITATOR)
    assert found is not None and found.assessment.scores[0].comment.startswith("x")  # type: ignore[union-attr]
    assert panel.flush()


def test_two_raters_score_the_same_trainee_blind_each_recorded_as_who_scored(
    qtbot: QtBot, window: TrainingWindow, services: Services, conference: tuple[int, int, int]
) -> None:
    conf_id, _item_id, case_id = conference
    panel = window.scoring
    second = "Maeve Doyle (physiotherapist)"
    # no rater named: nothing can be scored, and the panel says why
    panel.set_rater("")
    settle()
    assert panel.rows == [] and "Type your name under Rater" in panel.ui.partsLabel.text()
    # Zoë's self-assessment first
    panel.set_role(SELF)
    settle()
    assert not panel.ui.raterEdit.isEnabled()
    row = panel.row("case.isbar.background")
    row.setFocus()
    qtbot.waitUntil(row.hasFocus)
    _press(qtbot, Qt.Key.Key_4)
    assert panel.submit()
    settle()
    # the first rater, typed into the panel, scores and submits
    panel.set_role(FAC)
    settle()
    panel.ui.raterEdit.setFocus()
    qtbot.waitUntil(panel.ui.raterEdit.hasFocus)
    panel.ui.raterEdit.selectAll()
    _type(qtbot, FACILITATOR)
    _press(qtbot, Qt.Key.Key_Return)
    settle()
    row = panel.row("case.isbar.background")
    row.setFocus()
    qtbot.waitUntil(row.hasFocus)
    _press(qtbot, Qt.Key.Key_3)
    assert panel.submit()
    settle()
    assert panel.row("case.isbar.background").ui.otherLabel.text() == "Self-assessment: 4"
    # the second rater sees none of the others' scores before submitting their own
    panel.set_rater(second)
    settle()
    row = panel.row("case.isbar.background")
    assert row.value is None and row.ui.otherLabel.text() == ""
    row.setFocus()
    qtbot.waitUntil(row.hasFocus)
    _press(qtbot, Qt.Key.Key_5)
    assert panel.submit()
    settle()
    shown = panel.row("case.isbar.background").ui.otherLabel.text()
    assert shown == f"Self-assessment: 4; {FACILITATOR}: 3"
    # stored as two assessments, each under the person who scored (not the chair)
    stored = [a for a in services.training.assessments(conf_id, ZOE) if a.assessment.role is FAC]
    by_rater = {a.assessment.assessor: a.assessment.score("case.isbar.background") for a in stored
                if a.assessment.case_ref}
    assert {name: s.value for name, s in by_rater.items() if s} == {FACILITATOR: 3, second: 5}
    # the trainee sees both raters side by side once revealed
    panel.set_role(SELF)
    settle()
    assert panel.row("case.isbar.background").ui.otherLabel.text() == f"{FACILITATOR}: 3; {second}: 5"
    del case_id


def test_goals_written_after_the_reveal_are_reviewed_at_the_next_conference(
    qtbot: QtBot, window: TrainingWindow, services: Services, conference: tuple[int, int, int]
) -> None:
    from mdtboard.domain.blind import GoalOutcome
    from mdtboard.ui.training.window import DEBRIEF_TAB, GOALS_TAB

    conf_id, _item_id, case_id = conference
    window.show_tab(GOALS_TAB)
    settle()
    goals = window.goals
    assert goals.trainee == ZOE and goals.rater == FACILITATOR
    assert goals.ui.reviewTable.rowCount() == 0
    # before the reveal: refused, with the reason, and nothing stored
    goals.ui.goal1Edit.setFocus()
    qtbot.waitUntil(goals.ui.goal1Edit.hasFocus)
    _type(qtbot, "Open with the one-liner.")
    goals.ui.goal2Edit.setText("Ask one question only.")
    goals.save()
    settle()
    assert "after the reveal" in goals.ui.stateLabel.text() and services.training.goals(ZOE) == []
    # both submit; the goals are saved, with the rater who wrote them with the trainee
    for role, assessor, value in ((SELF, None, 4), (FAC, FACILITATOR, 2)):
        comment = "Two questions." if value < 3 else None
        stored = services.training.save_assessment(
            conf_id, ZOE, role, [Score("case.isbar.situation", value, comment)], case_id=case_id,
            assessor=assessor)
        services.training.submit_assessment(stored.id, seen_version=stored.version)
    goals.ui.saveButton.click()
    settle()
    assert "Goals saved" in goals.ui.stateLabel.text()
    saved = services.training.goals(ZOE, conference_id=conf_id)
    assert [(g.kind.label, g.text, g.rater) for g in saved] == [
        ("Keep doing", "Open with the one-liner.", FACILITATOR),
        ("Change", "Ask one question only.", FACILITATOR),
    ]
    # the debrief on screen lists them, as its paper does
    window.show_tab(DEBRIEF_TAB)
    window.debrief.set_trainee(ZOE)
    window.debrief.refresh()
    qtbot.waitUntil(lambda: window.debrief.inputs is not None, timeout=3000)
    shown = " ".join(window.debrief.ui.preview.toPlainText().split())
    assert (f"Goals for the next conference Keep doing: Open with the one-liner. (agreed with {FACILITATOR}) "
            f"Change: Ask one question only. (agreed with {FACILITATOR})") in shown
    # the next teaching conference: the goals are there to review, and the review is stored
    bank = load_bank(services)
    later = teaching_conference(services, "Teaching 4", datetime(2026, 4, 13, 13), [bank["TEACH-05"]])
    assert later.id is not None
    window.refresh_conferences(select=later.id)
    settle()
    window.show_tab(GOALS_TAB)
    settle()
    goals.set_trainee(ZOE)
    settle()
    assert goals.ui.reviewTable.rowCount() == 2
    assert goals.ui.reviewTable.item(1, 0).text() == "Change: Ask one question only."
    assert all(text.text() == "" for text in goals.texts)  # nothing written yet for this conference
    goals.note_edit(1).setText("One question in both cases.")
    box = goals.outcome_box(1)
    box.setCurrentIndex(box.findData(GoalOutcome.MET.value))
    box.activated.emit(box.currentIndex())  # as when the person picks it
    settle()
    reviewed = services.training.goals_to_review(later.id, ZOE)
    assert [(g.outcome, g.outcome_note) for g in reviewed] == [
        (None, None), (GoalOutcome.MET, "One question in both cases.")]
    window.show_tab(DEBRIEF_TAB)
    window.debrief.set_trainee(ZOE)
    window.debrief.refresh()
    qtbot.waitUntil(lambda: window.debrief.inputs is not None, timeout=3000)
    shown = " ".join(window.debrief.ui.preview.toPlainText().split())
    assert ("Goals from earlier conferences Keep doing: Open with the one-liner. (not reviewed yet) "
            "Change: Ask one question only. (met) – One question in both cases.") in shown


def test_team_items_announced_before_the_session_are_the_ones_scored(
    qtbot: QtBot, window: TrainingWindow, services: Services, conference: tuple[int, int, int]
) -> None:
    from mdtboard.domain.errors import InvalidInputError
    from mdtboard.ui.training.window import GOALS_TAB

    conf_id, _item_id, _case_id = conference
    panel = window.scoring
    team = [row.item.key for row in panel.rows if row.item.key.startswith("trainee.")]
    assert "trainee.invites_input" in team and "trainee.speaks_up" not in team  # none announced: the core
    assert team[-1] == "trainee.entrustment"
    # announced on the Goals tab by ticking two items
    window.show_tab(GOALS_TAB)
    settle()
    goals = window.goals
    for key in ("trainee.speaks_up", "trainee.stigma_free_language"):
        goals.focus_item(key).setCheckState(Qt.CheckState.Checked)
    settle()
    announced = services.training.announced_items(conf_id, ZOE)
    assert announced == ("trainee.speaks_up", "trainee.stigma_free_language")
    # a fourth is refused and the ticks go back to what is stored
    for key in ("trainee.role_clarity", "trainee.cultural_humility"):
        goals.focus_item(key).setCheckState(Qt.CheckState.Checked)
    settle()
    assert services.training.announced_items(conf_id, ZOE) == (  # in rubric order
        "trainee.speaks_up", "trainee.role_clarity", "trainee.stigma_free_language")
    assert goals.focus_item("trainee.cultural_humility").checkState() == Qt.CheckState.Unchecked
    with pytest.raises(InvalidInputError, match="not a team behaviour"):
        services.training.announce_items(conf_id, ZOE, ["meeting.chairing"])
    # the scoring panel now scores exactly those, with the entrustment scale
    panel.set_trainee(KWAME)
    settle()
    panel.set_trainee(ZOE)
    settle()
    team = [row.item.key for row in panel.rows if row.item.key.startswith("trainee.")]
    assert team == ["trainee.speaks_up", "trainee.role_clarity", "trainee.stigma_free_language",
                    "trainee.entrustment"]


def test_enter_in_a_comment_keeps_the_text_and_goes_on_to_the_next_item(
    qtbot: QtBot, window: TrainingWindow, services: Services, conference: tuple[int, int, int]
) -> None:
    conf_id, _item_id, case_id = conference
    panel = window.scoring
    row = panel.row("case.isbar.situation")
    row.setFocus()
    qtbot.waitUntil(row.hasFocus)
    _press(qtbot, Qt.Key.Key_1)  # a 1: the cursor goes to the comment
    assert _focused() is row.ui.commentEdit
    _type(qtbot, "Three questions at once.")
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        row.ui.commentEdit.setFocus()
        qtbot.waitUntil(row.ui.commentEdit.hasFocus)
        _press(qtbot, key)
        assert _row_in_focus().item.key == "case.isbar.background"  # one item on, one highlighted
        assert row.comment == "Three questions at once."
    assert [r.item.key for r in panel.rows if r.property("current")] == ["case.isbar.background"]

    def stored() -> tuple[Score, ...]:
        found = services.training.assessment(conf_id, ZOE, FAC, case_id=case_id, assessor=FACILITATOR)
        return found.assessment.scores if found else ()

    qtbot.waitUntil(lambda: stored() == (Score("case.isbar.situation", 1, "Three questions at once."),),
                    timeout=3000)


def test_a_comment_typed_after_enter_or_straight_on_the_row_is_never_lost(
    qtbot: QtBot, window: TrainingWindow, services: Services, conference: tuple[int, int, int]
) -> None:
    """The keys say "Enter writes a comment": after a 2 (the cursor already in the comment), Enter stays
    there instead of moving on and dropping what is typed next; words typed on a row start its comment."""
    conf_id, _item_id, case_id = conference
    panel = window.scoring
    situation = panel.row("case.isbar.situation")
    situation.setFocus()
    qtbot.waitUntil(situation.hasFocus)
    _press(qtbot, Qt.Key.Key_2)
    _press(qtbot, Qt.Key.Key_Return)  # as the keys line says, to write the comment
    _type(qtbot, "Two questions at once.")
    assert situation.comment == "Two questions at once."
    assert _row_in_focus() is situation
    _press(qtbot, Qt.Key.Key_Return)  # written: on to the next item
    background = panel.row("case.isbar.background")
    assert _row_in_focus() is background and _focused() is background
    _press(qtbot, Qt.Key.Key_4)
    _type(qtbot, "Clear order, MME given.")  # typed on the row, not in its comment
    assert background.comment == "Clear order, MME given."
    assert background.value == 4

    def stored() -> tuple[Score, ...]:
        found = services.training.assessment(conf_id, ZOE, FAC, case_id=case_id, assessor=FACILITATOR)
        return found.assessment.scores if found else ()

    qtbot.waitUntil(lambda: stored() == (Score("case.isbar.situation", 2, "Two questions at once."),
                                         Score("case.isbar.background", 4, "Clear order, MME given.")),
                    timeout=3000)


def test_ctrl_z_takes_back_a_score_and_its_comment_and_ctrl_shift_z_gives_them_again(
    qtbot: QtBot, window: TrainingWindow, services: Services, conference: tuple[int, int, int]
) -> None:
    conf_id, _item_id, case_id = conference
    panel = window.scoring

    def stored() -> dict[str, tuple[int, str | None]]:
        found = services.training.assessment(conf_id, ZOE, FAC, case_id=case_id, assessor=FACILITATOR)
        return {s.item_key: (s.value, s.comment) for s in found.assessment.scores} if found else {}

    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), RubricRow))
    _press(qtbot, Qt.Key.Key_5)  # Identify: 5
    _press(qtbot, Qt.Key.Key_Down)
    _press(qtbot, Qt.Key.Key_2)  # Situation: 2, then its comment typed in one go
    _type(qtbot, "Thin.")
    both = {"case.isbar.identify": (5, None), "case.isbar.situation": (2, "Thin.")}
    qtbot.waitUntil(lambda: stored() == both, timeout=3000)
    # one step takes back the score of Situation with its comment (typing merged into the step)
    qtbot.keyClick(_focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    situation = panel.row("case.isbar.situation")
    assert (situation.value, situation.comment) == (None, "")
    qtbot.waitUntil(lambda: stored() == {"case.isbar.identify": (5, None)}, timeout=3000)
    qtbot.keyClick(_focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.row("case.isbar.identify").value is None
    qtbot.waitUntil(lambda: stored() == {}, timeout=3000)
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(_focused(), Qt.Key.Key_Z, redo)
    qtbot.keyClick(_focused(), Qt.Key.Key_Z, redo)
    assert (situation.value, situation.comment) == (2, "Thin.")
    qtbot.waitUntil(lambda: stored() == both, timeout=3000)
    # another trainee's scores: nothing of these to undo there
    panel.set_trainee(KWAME)
    settle()
    assert not panel.undo.stack.canUndo()


def test_a_self_assessment_started_after_the_rater_submitted_says_it_is_not_blind(
    qtbot: QtBot, window: TrainingWindow, services: Services, conference: tuple[int, int, int]
) -> None:
    conf_id, _item_id, case_id = conference
    panel = window.scoring
    # the self-assessment before any rater has submitted: nothing to warn of
    panel.set_role(SELF)
    qtbot.waitUntil(lambda: panel.ui.saveState.text().startswith("Not submitted"), timeout=3000)
    assert panel.not_blind == () and "⚠" not in panel.ui.saveState.text()
    # the rater submits the case before the trainee has started on it: the debrief may show the scores
    stored = services.training.save_assessment(conf_id, ZOE, FAC, [Score("case.isbar.situation", 3)],
                                               case_id=case_id, assessor=FACILITATOR)
    services.training.submit_assessment(stored.id, seen_version=stored.version)
    panel.set_role(FAC)
    settle()
    panel.set_role(SELF)
    qtbot.waitUntil(lambda: panel.not_blind == ("this case",), timeout=3000)
    text = panel.ui.saveState.text()
    assert text.startswith("⚠ A rater submitted scores of this case before this self-assessment was started")
    assert "marked as not blind" in text
