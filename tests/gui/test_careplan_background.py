"""The care plan's database work runs in the background: opening a plan, building a draft, signing,
saving the PDF and the print preview keep the window answering while another program holds the
database, show what they are doing, and finish once the database is free again."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Ticks, settle, sqlite_locked, turn_until_waited
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from signing import credential
from test_careplan_support import (
    LEADS,
    EditorFactory,
    care_settings,
    conference_draft,
    in_conference,
    load_samples,
    make_editor,
    signed,
)

from mdtboard.services.context import Services
from mdtboard.storage import db as storage_db
from mdtboard.storage.db import Database, open_database
from mdtboard.ui import ops
from mdtboard.ui.careplan.checklist import ChecklistDialog
from mdtboard.ui.editing import undo_queue

pytestmark = pytest.mark.gui
__all__ = ["care_settings", "make_editor"]  # fixtures used here

#: How long the other program holds the database (well under the busy timeout, which is 8 s).
HOLD_MS = 1000  # long enough to count the event loop's turns on a loaded machine


@pytest.fixture
def sqlite_db(sqlite_database_url: str, sqlite_at_head: Path) -> Iterator[Database]:
    from conftest import sqlite_path

    shutil.copy(sqlite_at_head, str(sqlite_path(sqlite_database_url)))  # made at head once a worker
    database = open_database(sqlite_database_url)
    yield database
    database.dispose()


def _waits_then_finishes(qtbot: QtBot, db: Database, start: object, busy: object, done: object) -> int:
    """Run ``start()`` while the database is held; while held, the event loop turns, ``busy()`` holds and
    ``done()`` does not; after, ``done()`` comes. Returns the timer's ticks while held."""
    assert callable(start) and callable(busy) and callable(done)
    with sqlite_locked(db) as held:
        ticks = Ticks()
        start()
        assert busy() and not done()  # returned at once, showing what it is doing
        # the event loop runs: the timer fires, and nothing has finished
        turn_until_waited(qtbot, held, ticks, at_most_s=HOLD_MS / 1000)
        ticks.stop()
        assert busy() and not done()
        assert ops.operations().busy
    assert ticks.count >= 5  # about 100 in 1 s; a GUI thread waiting for the lock gives none
    qtbot.waitUntil(done, timeout=10_000)
    return ticks.count


def test_opening_a_plan_waits_for_a_locked_database_in_the_background(
    qtbot: QtBot, sqlite_db: Database, make_editor: EditorFactory
) -> None:
    services = Services.on(sqlite_db)
    case_id = load_samples(services)["MDT-001"]
    plan = conference_draft(services, case_id)
    editor = make_editor(services)
    _waits_then_finishes(
        qtbot, sqlite_db,
        start=lambda: editor.open_case(case_id, plan.agenda_item_id),
        busy=lambda: editor.ui.saveState.text() == "Opening…",
        done=lambda: editor.plan is not None,
    )
    assert editor.plan is not None and editor.plan.id == plan.id and editor.editable
    assert editor.ui.saveState.text() == ""


def test_an_opening_that_fails_says_so_and_keeps_the_plan_shown(
    qtbot: QtBot, sqlite_db: Database, make_editor: EditorFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = Services.on(sqlite_db)
    cases = load_samples(services)
    shown = conference_draft(services, cases["MDT-001"])
    editor = make_editor(services)
    editor.open_case(cases["MDT-001"], shown.agenda_item_id)
    settle()
    messages: list[str] = []
    editor.status_message.connect(messages.append)
    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_MS", 100)
    with sqlite_locked(sqlite_db):
        editor.open_case(cases["MDT-002"])
        qtbot.waitUntil(lambda: any(m.startswith("Care plan not opened: ") for m in messages), timeout=10_000)
    assert "busy" in messages[-1] or "locked" in messages[-1]
    assert editor.plan is not None and editor.plan.id == shown.id  # the plan shown stays
    assert editor.case is not None and editor.case.id == cases["MDT-001"]
    assert editor.ui.saveState.text() == ""


def test_building_a_draft_waits_for_a_locked_database_in_the_background(
    qtbot: QtBot, sqlite_db: Database, make_editor: EditorFactory
) -> None:
    services = Services.on(sqlite_db)
    case_id = load_samples(services)["MDT-001"]
    item_id = in_conference(services, case_id)
    editor = make_editor(services)
    editor.open_case(case_id, item_id)
    settle()
    assert editor.plan is None and editor.ui.buildButton.isEnabled()
    _waits_then_finishes(
        qtbot, sqlite_db,
        start=editor.build_draft,
        busy=lambda: not editor.ui.buildButton.isEnabled()
        and editor.ui.saveState.text() == "Building the draft…",
        done=lambda: editor.plan is not None,
    )
    stored = services.careplans.current(case_id)
    assert editor.plan is not None and stored is not None and editor.plan.id == stored.id
    assert editor.plan.interventions and editor.editable


def test_signing_waits_for_a_locked_database_in_the_background(
    qtbot: QtBot, sqlite_db: Database, make_editor: EditorFactory
) -> None:
    services = Services.on(sqlite_db)
    case_id = load_samples(services)["MDT-001"]
    plan = conference_draft(services, case_id)
    editor = make_editor(services)
    editor.open_case(case_id, plan.agenda_item_id)
    settle()
    discipline = services.careplans.required_sign_offs(plan)[0]
    name = LEADS[discipline]
    button = editor.signoff.rows[discipline].button
    assert button.isEnabled()
    key = credential(services, name, discipline)
    _waits_then_finishes(
        qtbot, sqlite_db,
        start=lambda: editor.sign(discipline, name, "decided in the meeting", key),
        busy=lambda: not button.isEnabled() and editor.ui.saveState.text() == "Signing…",
        done=lambda: editor.plan is not None and discipline in editor.plan.signed_disciplines(),
    )
    stored = services.careplans.current(case_id)
    assert stored is not None and discipline in stored.signed_disciplines()
    assert editor.ui.saveState.text() == ""


def test_saving_the_pdf_waits_for_a_locked_database_in_the_background(
    qtbot: QtBot, sqlite_db: Database, make_editor: EditorFactory, tmp_path: Path
) -> None:
    services = Services.on(sqlite_db)
    case_id = load_samples(services)["MDT-001"]
    plan = conference_draft(services, case_id)
    editor = make_editor(services)
    editor.open_case(case_id, plan.agenda_item_id)
    settle()
    buttons = (editor.ui.printButton, editor.ui.pdfButton)
    assert all(b.isEnabled() for b in buttons)
    out = tmp_path / "plan.pdf"
    _waits_then_finishes(
        qtbot, sqlite_db,
        start=lambda: editor.output.save_pdf_to(out),
        busy=lambda: not any(b.isEnabled() for b in buttons) and not out.exists(),
        done=lambda: out.exists() and all(b.isEnabled() for b in buttons),
    )
    text = "\n".join(page.extract_text() or "" for page in PdfReader(out).pages)
    assert "DRAFT" in text and "MDT-001" in text


def test_the_print_preview_waits_for_a_locked_database_in_the_background(
    qtbot: QtBot, sqlite_db: Database, make_editor: EditorFactory
) -> None:
    services = Services.on(sqlite_db)
    case_id = load_samples(services)["MDT-001"]
    plan = conference_draft(services, case_id)
    editor = make_editor(services)
    editor.open_case(case_id, plan.agenda_item_id)
    settle()
    _waits_then_finishes(
        qtbot, sqlite_db,
        start=editor.output.print_preview,
        busy=lambda: editor.output.preview is None and not editor.ui.printButton.isEnabled(),
        done=lambda: editor.output.preview is not None and editor.output.preview.isVisible(),
    )
    assert editor.ui.printButton.isEnabled()
    assert editor.output.preview is not None
    editor.output.preview.close()


def test_the_checklist_before_signing_is_read_in_the_background(
    qtbot: QtBot, sqlite_db: Database, make_editor: EditorFactory
) -> None:
    services = Services.on(sqlite_db)
    case_id = load_samples(services)["MDT-001"]
    item_id = in_conference(services, case_id)
    editor = make_editor(services)
    editor.open_case(case_id, item_id)
    settle()
    editor.build_draft()  # proposed items not yet accepted: the checklist has open items
    settle()
    plan = editor.plan
    assert plan is not None
    discipline = services.careplans.required_sign_offs(plan)[0]
    _waits_then_finishes(
        qtbot, sqlite_db,
        start=lambda: editor.sign(discipline, LEADS[discipline]),
        busy=lambda: editor.last_dialog is None,
        done=lambda: isinstance(editor.last_dialog, ChecklistDialog) and editor.last_dialog.isVisible(),
    )
    assert isinstance(editor.last_dialog, ChecklistDialog)
    editor.last_dialog.reject()


def test_a_new_version_is_started_in_the_background(
    qtbot: QtBot, sqlite_db: Database, make_editor: EditorFactory
) -> None:
    services = Services.on(sqlite_db)
    case_id = load_samples(services)["MDT-001"]
    signed(services, conference_draft(services, case_id))
    editor = make_editor(services)
    editor.open_case(case_id)
    settle()
    assert editor.plan is not None and editor.plan.signed and editor.ui.newVersionButton.isEnabled()
    _waits_then_finishes(
        qtbot, sqlite_db,
        start=lambda: editor.start_new_version(confirmed=True),
        busy=lambda: not editor.ui.newVersionButton.isEnabled(),
        done=lambda: editor.plan is not None and editor.plan.plan_version == 2,
    )
    assert editor.editable and editor.ui.newVersionButton.isEnabled()
    stored = services.careplans.current(case_id)
    assert stored is not None and stored.plan_version == 2 and not stored.signed


def test_undo_of_a_plan_not_shown_opens_it_in_the_background(
    qtbot: QtBot, sqlite_db: Database, make_editor: EditorFactory
) -> None:
    """Ctrl+Z twice for changes to a care plan not shown, while the database is held: nothing waits on the
    GUI thread, the history does not move until the plan is shown, then each change is undone once."""
    services = Services.on(sqlite_db)
    cases = load_samples(services)
    first = conference_draft(services, cases["MDT-001"])
    editor = make_editor(services)
    stack = editor.test_stack  # type: ignore[attr-defined]
    editor.open_case(cases["MDT-001"], first.agenda_item_id)
    settle()
    fields = (editor.ui.socialEdit, editor.ui.psychologicalEdit)
    before = [field.toPlainText() for field in fields]
    for field in fields:  # two steps
        field.setFocus()
        field.moveCursor(field.textCursor().MoveOperation.End)
        qtbot.keyClicks(field, " Seen again.")
    assert editor.flush() and stack.index() == 2
    editor.open_case(cases["MDT-002"])  # a case without a plan
    settle()
    assert editor.case is not None and editor.case.id == cases["MDT-002"] and editor.plan is None
    _waits_then_finishes(
        qtbot, sqlite_db,
        start=lambda: (undo_queue.ask(stack, "undo"), undo_queue.ask(stack, "undo")),
        busy=lambda: stack.index() == 2 and editor.case is not None and editor.case.id == cases["MDT-002"],
        done=lambda: stack.index() == 0,
    )
    assert editor.plan is not None and editor.plan.id == first.id
    assert [field.toPlainText() for field in fields] == before
    assert stack.count() == 2
