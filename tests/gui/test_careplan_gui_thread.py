"""The care-plan page sends no SQL from the GUI thread: walking it (opening a plan, building the draft,
adding the input offered, accepting proposed items, typing, the version history, signing, withdrawing a
sign-off, a new version, the follow-through) every statement runs on a background operation's thread, on
SQLite and on PostgreSQL. Also: the guard used here notices a statement sent from the GUI thread."""

from __future__ import annotations

import pytest
from conftest import settle
from gui_helpers import press, type_text
from gui_thread_sql import watch_gui_thread
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from signing import credential
from test_careplan_support import (
    LEADS,
    EditorFactory,
    care_settings,
    in_conference,
    load_samples,
    make_editor,
)

from mdtboard.domain.accounts import Credential
from mdtboard.domain.careplan_progress import ProgressState
from mdtboard.domain.case import Discipline, DisciplineInput
from mdtboard.services.context import Services
from mdtboard.ui import ops
from mdtboard.ui.accounts.dialogs import CredentialDialog, WithdrawDialog
from mdtboard.ui.careplan.checklist import ChecklistDialog

pytestmark = pytest.mark.gui
__all__ = ["care_settings", "make_editor"]  # fixtures used here


def test_the_guard_notices_a_statement_sent_from_the_gui_thread(services: Services) -> None:
    case_id = load_samples(services)["MDT-001"]
    with watch_gui_thread(services.db.engine) as noted:
        ops.read(lambda: services.cases.get(case_id))
        settle()
        assert not noted and noted.elsewhere > 0  # run by the reader thread: not noted
        services.cases.get(case_id)  # on the GUI thread
    assert noted and any(sql.startswith("SELECT cases.") for _where, sql in noted.seen)


def test_walking_the_care_plan_page_sends_no_sql_from_the_gui_thread(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    case_id = load_samples(services)["MDT-001"]
    item_id = in_conference(services, case_id, copy_inputs=False)
    services.conferences.add_input(item_id, DisciplineInput(
        Discipline.PHYSICIAN, "Dr Physician", None, "1) Graded return to work. 2) Sleep diary."
    ))
    keys: dict[Discipline, Credential] = {d: credential(services, n, d) for d, n in LEADS.items()}
    editor = make_editor(services)
    with watch_gui_thread(services.db.engine) as noted:
        editor.open_case(case_id, item_id)
        settle()
        assert editor.plan is None
        editor.build_draft()
        settle()
        plan = editor.plan
        assert plan is not None and plan.interventions
        # the input prepared before the meeting is offered; Enter adds it
        offered = editor.ui.offeredList
        assert offered.count() > 0
        before = offered.count()
        offered.setFocus()
        offered.setCurrentRow(0)
        press(qtbot, Qt.Key.Key_Return)
        assert offered.count() == before - 1  # at once, before the list is read again
        settle()
        assert offered.count() == before - 1
        # every proposed intervention accepted
        model = editor.tables.models["interventions"]
        for row in range(model.rowCount()):
            editor.accept_proposed(row)
        assert not any(item.proposed for item in model.items())
        # typing, saved in the background
        formulation = editor.fields.widget("formulation.biological")
        formulation.setFocus()
        type_text(qtbot, "Chronic widespread pain")
        assert editor.flush()
        settle()
        # signing: the checklist, who may sign (the dialog asking for the PIN), the sign-off
        first = next(iter(editor.signoff.rows))
        editor.sign(first, LEADS[first])
        settle()
        dialog = editor.last_dialog
        assert isinstance(dialog, CredentialDialog | ChecklistDialog) and dialog.isVisible()
        dialog.reject()
        for discipline in editor.signoff.rows:
            editor.sign(discipline, LEADS[discipline], "agreed in the meeting", keys[discipline])
            settle()
        assert editor.plan is not None and editor.plan.signed
        assert editor.ui.newVersionButton.isVisible()
        # a new version, signed by one lead, that lead's sign-off withdrawn
        editor.start_new_version(confirmed=True)
        settle()
        assert editor.plan is not None and editor.plan.plan_version == 2 and editor.editable
        editor.sign(Discipline.PHYSICIAN, LEADS[Discipline.PHYSICIAN], "agreed", keys[Discipline.PHYSICIAN])
        settle()
        assert Discipline.PHYSICIAN in editor.plan.signed_disciplines()
        editor.withdraw(Discipline.PHYSICIAN)  # who may withdraw is read; the dialog asks for the PIN
        settle()
        dialog = editor.last_dialog
        assert isinstance(dialog, WithdrawDialog) and dialog.isVisible()
        dialog.reject()
        editor.withdraw(Discipline.PHYSICIAN, keys[Discipline.PHYSICIAN])
        settle()
        assert Discipline.PHYSICIAN not in editor.plan.signed_disciplines()
        # the history, its changes, an earlier version shown
        assert [p.plan_version for p in editor.history.model.plans()] == [2, 1]
        editor.history.select_versions(1, 2)
        assert editor.history.show_changes() is not None
        editor.show_version(1)
        settle()
        assert editor.plan is not None and editor.plan.plan_version == 1 and not editor.editable
        editor.show_latest()
        settle()
        # the follow-through of the agreed version 1: progress recorded
        panel = editor.follow_through
        assert panel.plan is not None and panel.plan.plan_version == 1 and panel.model.rowCount() > 0
        panel.ui.actionsTable.setCurrentIndex(panel.model.index(0, 0))
        assert panel.record(panel.model.item(0)[0], ProgressState.DONE)
        settle()
        assert panel.model.item(0)[1] is not None
    assert noted.elsewhere > 0  # the guard listened: the walk's statements ran on the workers
    assert not noted, f"SQL sent from the GUI thread:\n{noted}"
