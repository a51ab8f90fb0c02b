"""Signing, printing, saving the PDF and exporting FHIR with typing pending in the care plan, while another
connection holds the database: the save of what was typed is queued, not waited for, and the step runs on
the writer after it. The event loop keeps turning, no SQL is sent from the GUI thread, and once the lock
goes the step gives the plan as typed: the version signed is the one with the typed text, the PDF shows
it (on SQLite and on PostgreSQL). When the save fails, nothing is signed, the text stays and the person is
told why."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import Ticks, held_for, settle, turn_until_waited
from gui_thread_sql import watch_gui_thread
from pypdf import PdfReader
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

from mdtboard.domain.careplan_diff import signed_fingerprint
from mdtboard.services.context import Services
from mdtboard.storage import db as storage_db
from mdtboard.storage.db import Database, open_database
from mdtboard.ui.careplan.editor import CarePlanEditor

pytestmark = pytest.mark.gui
__all__ = ["care_settings", "make_editor"]  # fixtures used here

#: How long the other connection holds the database: under SQLite's busy timeout (8 s) and PostgreSQL's
#: lock timeout (4 s), so that the save waits for it and then goes through.
HOLD_S = 1.5
#: The longest gap between two turns of the event loop allowed meanwhile: a save waited for on the GUI
#: thread would make one as long as the hold. (A did-it-block check, not a timing bench.)
GAP_S = 0.5
WAIT_MS = 15_000
TYPED = " Wife supportive."
#: On PostgreSQL the plan tables the save and the sign-off write, held in EXCLUSIVE mode (read, not written).
PG_TABLES = ("care_plans",)


def _typed(qtbot: QtBot, editor: CarePlanEditor) -> str:
    """Type at the end of the social formulation; the text it has now (not saved yet)."""
    social = editor.ui.socialEdit
    social.setFocus()
    social.moveCursor(social.textCursor().MoveOperation.End)
    qtbot.keyClicks(social, TYPED)
    assert editor.pending
    return social.toPlainText()


def _pdf_text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pages)


@pytest.mark.parametrize("step", ["sign", "print", "print_preview", "save_pdf", "export_fhir"])
def test_a_plan_step_with_typing_pending_runs_after_its_save_without_waiting_for_a_locked_database(
    qtbot: QtBot, db: Database, make_editor: EditorFactory, tmp_path: Path, step: str
) -> None:
    services = Services.on(db)
    case_id = load_samples(services)["MDT-001"]
    plan = conference_draft(services, case_id)
    discipline = services.careplans.required_sign_offs(plan)[0]
    name = LEADS[discipline]
    key = credential(services, name, discipline)
    editor = make_editor(services)
    editor.open_case(case_id, plan.agenda_item_id)
    settle()
    typed = _typed(qtbot, editor)
    out = tmp_path / ("plan.fhir.json" if step == "export_fhir" else "plan.pdf")
    made: list[bytes] = []
    written: list[str] = []
    editor.output.saved.connect(written.append)
    start = {
        "sign": lambda: editor.sign(discipline, name, "agreed in the meeting", key),
        "print": lambda: editor.output.make_paper(made.append),
        "print_preview": lambda: editor.output.print_preview() or True,
        "save_pdf": lambda: editor.output.save_pdf_to(out),
        "export_fhir": lambda: editor.output.export_fhir_to(out),
    }[step]
    done = {
        "sign": lambda: editor.plan is not None and discipline in editor.plan.signed_disciplines(),
        "print": lambda: bool(made),
        "print_preview": lambda: editor.output.preview is not None and editor.output.preview.isVisible(),
        "save_pdf": lambda: bool(written),
        "export_fhir": lambda: bool(written),
    }[step]

    with watch_gui_thread(db.engine) as noted:
        with held_for(db, HOLD_S, PG_TABLES) as held:
            ticks = Ticks()
            assert start()
            # the event loop turns until the save waits for the lock, the lock goes, and a little after; not
            # for the papers, drawn once the lock went (ReportLab on the reader, holding Python's lock in
            # turns on a loaded machine; the print preview's pages by QtPdf on the GUI thread): work of
            # their own, not a wait
            papers = step in ("print", "print_preview", "save_pdf")
            turn_until_waited(qtbot, held, ticks, at_most_s=HOLD_S, let_go=True, then=0 if papers else 5)
            ticks.stop()
        assert ticks.longest < GAP_S, f"the event loop stood still {ticks.longest:.2f} s"
        qtbot.waitUntil(done, timeout=WAIT_MS)
        settle()
    assert not noted, f"SQL sent from the GUI thread:\n{noted}"
    assert noted.elsewhere > 0

    stored = services.careplans.current(case_id)
    assert stored is not None and stored.formulation.social == typed and not editor.pending
    if step == "sign":  # the version signed is the one stored with the typed text
        (given,) = stored.sign_offs
        assert given.discipline is discipline and given.fingerprint == signed_fingerprint(stored)
        assert editor.plan is not None and editor.plan.version == stored.version
    elif step == "print":
        assert "Wife supportive." in _pdf_text(made[0])
    elif step == "print_preview":
        assert editor.output.preview is not None
        editor.output.preview.close()
    elif step == "save_pdf":
        assert written == [str(out)] and "Wife supportive." in _pdf_text(out.read_bytes())
    else:
        assert written == [str(out)] and "Wife supportive." in json.dumps(json.loads(out.read_text("utf-8")))


@pytest.fixture
def sqlite_db(sqlite_database_url: str, sqlite_at_head: Path) -> Iterator[Database]:
    from conftest import sqlite_path

    shutil.copy(sqlite_at_head, str(sqlite_path(sqlite_database_url)))  # made at head once a worker
    database = open_database(sqlite_database_url)
    yield database
    database.dispose()


def test_a_plan_whose_save_fails_is_not_signed_and_the_person_is_told_why(
    qtbot: QtBot, sqlite_db: Database, make_editor: EditorFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program holds the write lock past the busy timeout: the save queued before signing fails,
    without the window waiting for it; nothing is signed, the text typed stays with "Not saved", the
    status bar says why, and the save is retried by itself once the database is free (still unsigned)."""
    from mdtboard.ui.editing import session as session_module

    services = Services.on(sqlite_db)
    case_id = load_samples(services)["MDT-001"]
    plan = conference_draft(services, case_id)
    discipline = services.careplans.required_sign_offs(plan)[0]
    name = LEADS[discipline]
    key = credential(services, name, discipline)
    editor = make_editor(services)
    editor.open_case(case_id, plan.agenda_item_id)
    settle()
    typed = _typed(qtbot, editor)
    messages: list[str] = []
    editor.status_message.connect(messages.append)
    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_MS", 700)
    monkeypatch.setattr(session_module, "RETRY_S", (0.5, 1))
    sqlite_db.engine.dispose()  # its connections wait 700 ms for a lock from now on
    holder = sa.create_engine(sqlite_db.engine.url).connect()
    holder.exec_driver_sql("BEGIN IMMEDIATE")  # another program writes: reads go on, writes wait
    try:
        ticks = Ticks()
        editor.sign(discipline, name, "agreed in the meeting", key)
        qtbot.waitUntil(lambda: any(m.startswith("Not signed: ") for m in messages), timeout=WAIT_MS)
        ticks.stop()
        assert ticks.longest < GAP_S, f"the event loop stood still {ticks.longest:.2f} s"
        told = next(m for m in messages if m.startswith("Not signed: "))
        assert "not saved yet" in told and ("busy" in told or "locked" in told)
        assert editor.ui.socialEdit.toPlainText() == typed
        assert editor.ui.saveState.text().startswith("\u26a0 Not saved")
    finally:
        holder.exec_driver_sql("ROLLBACK")
        holder.close()
        holder.engine.dispose()
    qtbot.waitUntil(lambda: not editor.pending, timeout=WAIT_MS)
    settle()
    stored = services.careplans.current(case_id)
    assert stored is not None and stored.formulation.social == typed and not stored.sign_offs


def test_sign_pressed_twice_while_the_save_waits_signs_once(
    qtbot: QtBot, sqlite_db: Database, make_editor: EditorFactory
) -> None:
    """A second press of Sign while the first waits for the save of what was typed is the same signing: one
    sign-off is stored, and nobody is told the plan was already signed."""
    services = Services.on(sqlite_db)
    case_id = load_samples(services)["MDT-001"]
    plan = conference_draft(services, case_id)
    discipline = services.careplans.required_sign_offs(plan)[0]
    name = LEADS[discipline]
    key = credential(services, name, discipline)
    editor = make_editor(services)
    editor.open_case(case_id, plan.agenda_item_id)
    settle()
    _typed(qtbot, editor)
    said: list[str] = []
    editor.status_message.connect(said.append)
    with held_for(sqlite_db, HOLD_S, PG_TABLES):
        assert editor.sign(discipline, name, "agreed in the meeting", key)
        assert editor.sign(discipline, name, "agreed in the meeting", key)
    qtbot.waitUntil(lambda: editor.plan is not None and discipline in editor.plan.signed_disciplines(),
                    timeout=WAIT_MS)
    settle()
    qtbot.wait(300)
    stored = services.careplans.current(case_id)
    assert stored is not None and [s.discipline for s in stored.sign_offs] == [discipline]
    assert not [m for m in said if "Not signed" in m or "already" in m.lower()], said
