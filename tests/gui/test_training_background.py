"""Submitting scores runs in the background: while another program holds the database, the training
window keeps answering, says "Submitting…" with the Submit button disabled, and the scores are submitted
and locked once the database is free."""

from __future__ import annotations

import pytest
from conftest import Ticks, held_for, settle, sqlite_locked, turn_until_waited
from gui_thread_sql import watch_gui_thread
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_training_scoring import ZOE, conference, services, window

from mdtboard.domain.rubric import AssessorRole
from mdtboard.services.context import Services
from mdtboard.ui import ops
from mdtboard.ui.training.window import TrainingWindow

pytestmark = pytest.mark.gui
__all__ = ["conference", "services", "window"]  # fixtures used here

HOLD_MS = 1000  # the longest hold, well under the busy timeout (8 s); let go once the submission waits
#: How long another connection holds the database while a score is pending (under the busy timeout).
HELD_S = 1.5
#: The longest gap between two turns of the event loop allowed meanwhile (a did-it-block check).
GAP_S = 0.5


def test_submitting_scores_waits_for_a_locked_database_in_the_background(
    qtbot: QtBot, window: TrainingWindow, services: Services, conference: tuple[int, int, int]
) -> None:
    conf_id, _item_id, case_id = conference
    panel = window.scoring
    panel.set_role(AssessorRole.SELF)
    settle()
    row = panel.row("case.isbar.background")
    row.setFocus()
    qtbot.waitUntil(row.hasFocus)
    qtbot.keyClick(row, Qt.Key.Key_4)
    assert panel.flush() and panel.ui.submitButton.isEnabled()
    settle()
    with sqlite_locked(services.db) as held:
        ticks = Ticks()
        assert panel.submit()
        assert panel.ui.saveState.text() == "Submitting…" and not panel.ui.submitButton.isEnabled()
        # the event loop runs while the submission waits for the database
        turn_until_waited(qtbot, held, ticks, at_most_s=HOLD_MS / 1000)
        ticks.stop()
        assert held.waited_for()
        assert not panel.submitted and panel.ui.saveState.text() == "Submitting…"
        assert ops.operations().busy
    assert ticks.count >= 5, ticks.count  # about 100 in 1 s; a GUI thread waiting for the lock gives none
    qtbot.waitUntil(lambda: panel.submitted, timeout=10_000)
    settle()
    stored = services.training.assessment(conf_id, ZOE, AssessorRole.SELF, case_id=case_id)
    assert stored is not None and stored.submitted
    assert not panel.row("case.isbar.background").isEnabled()  # locked


def test_scoring_another_role_with_a_score_pending_does_not_wait_for_its_save(
    qtbot: QtBot, window: TrainingWindow, services: Services, conference: tuple[int, int, int]
) -> None:
    """A score given and not saved yet, then another role chosen while another connection holds the
    database: the save is queued, not waited for; the event loop keeps turning, no SQL is sent from the
    GUI thread, and once the database is free the score is stored and shown again with its role."""
    conf_id, _item_id, case_id = conference
    panel = window.scoring
    panel.set_role(AssessorRole.SELF)
    settle()
    row = panel.row("case.isbar.background")
    row.setFocus()
    qtbot.waitUntil(row.hasFocus)
    qtbot.keyClick(row, Qt.Key.Key_4)
    assert panel.pending
    with watch_gui_thread(services.db.engine) as noted:
        with held_for(services.db, HELD_S, ()) as held:
            ticks = Ticks()
            panel.set_role(AssessorRole.FACILITATOR)
            turn_until_waited(qtbot, held, ticks, at_most_s=HELD_S - 0.3)  # while held (what comes after
            ticks.stop()  # it is not timed)
            assert held.waited_for()
            held.let_go()
        assert ticks.longest < GAP_S, f"the event loop stood still {ticks.longest:.2f} s"
        settle()
    assert not noted, f"SQL sent from the GUI thread:\n{noted}"
    stored = services.training.assessment(conf_id, ZOE, AssessorRole.SELF, case_id=case_id)
    assert stored is not None
    score = stored.assessment.score("case.isbar.background")
    assert score is not None and score.value == 4
    panel.set_role(AssessorRole.SELF)
    settle()
    assert panel.unsaved_dialog is None
    assert panel.sheet is not None and panel.sheet.scores["case.isbar.background"].value == 4


def test_submitting_with_a_score_pending_does_not_wait_for_its_save(
    qtbot: QtBot, window: TrainingWindow, services: Services, conference: tuple[int, int, int]
) -> None:
    """A score given and not saved yet, then Submit while another connection holds the database: the save
    is queued, not waited for, and the submission runs after it; the event loop keeps turning, no SQL is
    sent from the GUI thread, and once the database is free the score is stored and submitted."""
    conf_id, _item_id, case_id = conference
    panel = window.scoring
    panel.set_role(AssessorRole.SELF)
    settle()
    row = panel.row("case.isbar.background")
    row.setFocus()
    qtbot.waitUntil(row.hasFocus)
    qtbot.keyClick(row, Qt.Key.Key_3)
    assert panel.flush()  # a first score stored (Submit needs one)
    qtbot.keyClick(row, Qt.Key.Key_4)
    assert panel.pending
    with watch_gui_thread(services.db.engine) as noted:
        with held_for(services.db, HELD_S, ()) as held:
            ticks = Ticks()
            assert panel.submit()
            # until after the database is free
            turn_until_waited(qtbot, held, ticks, at_most_s=HELD_S, let_go=True, then=5)
            ticks.stop()
        assert ticks.longest < GAP_S, f"the event loop stood still {ticks.longest:.2f} s"
        qtbot.waitUntil(lambda: panel.submitted, timeout=10_000)
        settle()
    assert not noted, f"SQL sent from the GUI thread:\n{noted}"
    stored = services.training.assessment(conf_id, ZOE, AssessorRole.SELF, case_id=case_id)
    assert stored is not None and stored.submitted
    score = stored.assessment.score("case.isbar.background")
    assert score is not None and score.value == 4


def test_closing_the_training_window_with_a_score_pending_does_not_wait_for_its_save(
    qtbot: QtBot, window: TrainingWindow, services: Services, conference: tuple[int, int, int]
) -> None:
    """A score given and not saved yet, the training window closed while another connection holds the
    database: the save is queued, not waited for; the event loop keeps turning, no SQL is sent from the
    GUI thread, and the score is stored once the database is free."""
    conf_id, _item_id, case_id = conference
    panel = window.scoring
    panel.set_role(AssessorRole.SELF)
    settle()
    row = panel.row("case.isbar.background")
    row.setFocus()
    qtbot.waitUntil(row.hasFocus)
    qtbot.keyClick(row, Qt.Key.Key_4)
    assert panel.pending
    with watch_gui_thread(services.db.engine) as noted:
        with held_for(services.db, HELD_S, ()) as held:
            ticks = Ticks()
            window.close()
            # until after the database is free
            turn_until_waited(qtbot, held, ticks, at_most_s=HELD_S, let_go=True, then=5)
            ticks.stop()
        assert ticks.longest < GAP_S, f"the event loop stood still {ticks.longest:.2f} s"
        qtbot.waitUntil(lambda: not panel.pending, timeout=10_000)
        settle()
    assert not noted, f"SQL sent from the GUI thread:\n{noted}"
    assert not window.isVisible()
    stored = services.training.assessment(conf_id, ZOE, AssessorRole.SELF, case_id=case_id)
    assert stored is not None
    score = stored.assessment.score("case.isbar.background")
    assert score is not None and score.value == 4
