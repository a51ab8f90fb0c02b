"""Signing a care plan brings the editor up to date where it is: the sign-off rows are the same widgets,
updated (no row made again at each signature), and the last signature, which locks the plan, makes the
plan read-only without filling its fields and tables again (the row chosen in a table stays chosen). When
the screen may differ from the plan signed, it is shown again whole."""

from __future__ import annotations

import pytest
import shiboken6
from conftest import settle
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot
from signing import credential
from test_careplan_support import (
    LEADS,
    EditorFactory,
    care_settings,
    conference_draft,
    load_samples,
    make_editor,
)

from mdtboard.domain.case import Discipline
from mdtboard.services.context import Services
from mdtboard.ui.careplan.sections import GOALS

pytestmark = pytest.mark.gui
__all__ = ["care_settings", "make_editor"]  # fixtures used here


def test_signing_updates_the_sign_off_rows_in_place_and_locking_keeps_the_tables(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_samples(services)["MDT-001"]
    plan = conference_draft(services, case_id)
    editor = make_editor(services)
    editor.open_case(case_id, plan.agenda_item_id)
    settle()
    required = services.careplans.required_sign_offs(plan)
    assert len(required) >= 2
    rows = dict(editor.signoff.rows)
    assert list(rows) == list(required)
    widgets = {d: row.widgets for d, row in rows.items()}
    goals = editor.tables.views[GOALS]
    assert goals.model().rowCount() >= 2
    goals.selectionModel().setCurrentIndex(
        goals.model().index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    goals_model = goals.model()

    for number, discipline in enumerate(required, start=1):
        name = LEADS[discipline]
        assert editor.sign(discipline, name, "agreed in the meeting", credential(services, name, discipline))
        settle()
        assert editor.plan is not None and len(editor.plan.sign_offs) == number
        # the same rows, each widget still alive: brought up to date, not made again
        assert editor.signoff.rows == rows
        for d, row in editor.signoff.rows.items():
            assert row.widgets == widgets[d] and all(shiboken6.isValid(w) for w in row.widgets)
        signed = editor.signoff.rows[discipline]
        assert name in signed.signed.text() and signed.signed.isVisible() and not signed.name.isVisible()
        for later in required[number:]:
            waiting = editor.signoff.rows[later]
            assert waiting.name.isVisible() and waiting.button.text() == "Sign" and waiting.button.isEnabled()
            assert not waiting.signed.isVisible()

    assert editor.plan is not None and editor.plan.signed and not editor.editable
    assert editor.ui.lockFrame.isVisible() and "locked" in editor.signoff.ui.summaryLabel.text()
    assert all(not row.button.isVisible() for row in editor.signoff.rows.values())  # nothing to withdraw
    # locked in place: read-only, the tables not filled again (the goal chosen is still the current one)
    assert editor.ui.socialEdit.isReadOnly() and not editor.ui.agreedRadio.isEnabled()
    assert goals.model() is goals_model and goals.currentIndex().row() == 1
    assert editor.history.model.plans()[0].signed


def test_the_plan_is_shown_again_whole_when_something_was_typed_while_the_last_lead_signed(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_samples(services)["MDT-001"]
    plan = conference_draft(services, case_id)
    editor = make_editor(services)
    editor.open_case(case_id, plan.agenda_item_id)
    settle()
    required = services.careplans.required_sign_offs(plan)
    for discipline in required[:-1]:
        name = LEADS[discipline]
        editor.sign(discipline, name, "agreed in the meeting", credential(services, name, discipline))
        settle()
    last = required[-1]
    before = editor.ui.socialEdit.toPlainText()
    assert editor.sign(last, LEADS[last], None, credential(services, LEADS[last], last))
    # typed while the signature is stored: not in the plan signed, so not left on screen as if it were
    editor.ui.socialEdit.setPlainText(before + " Typed while signing.")
    settle()
    assert editor.plan is not None and editor.plan.signed
    assert editor.ui.socialEdit.toPlainText() == before and editor.ui.socialEdit.isReadOnly()
    assert Discipline.PHYSICIAN in editor.plan.signed_disciplines()
