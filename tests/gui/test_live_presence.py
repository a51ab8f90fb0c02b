"""Presence on screen: another PC (a real process) typing in a discipline panel is shown beside the case
("Dr Ana Ruiz is typing in Psychology · open on 1 other PC", and on the Psychology panel) and goes once that
PC is killed; in follow mode a colleague takes their own discipline's panel, types, and their PC announces
who is typing where (what the operator's PC shows)."""

from __future__ import annotations

import gc
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import settle
from gui_helpers import WindowFactory, close_window, make_window, settings_path
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Case, Discipline, Patient
from mdtboard.domain.changes import CARE_PLAN, CASE
from mdtboard.domain.conference import AgendaStatus, Attendee, Conference
from mdtboard.domain.presence import Presence, describe
from mdtboard.services.context import Services, open_services
from mdtboard.services.presence import PresenceService
from mdtboard.ui.main_window import CONFERENCE

pytestmark = pytest.mark.gui
__all__ = ["make_window", "settings_path"]  # fixtures used here

CHILD = Path(__file__).parents[1] / "unit" / "storage" / "presence_child.py"
WAIT_MS = 30_000  # a bound for a stuck test on a loaded machine, not a speed check


@pytest.fixture
def meeting(database_url: str) -> Iterator[tuple[str, Services, int, int]]:
    services = open_services(database_url)
    case = services.cases.create(Case(ref="PRES-1", fictional=True, patient=Patient("Alex Doe")))
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=datetime(2026, 12, 10, 13, 0)))
    services.conferences.add_attendee(conf.id or 0, Attendee("Dr Ana Ruiz", Discipline.PSYCHOLOGY))
    services.conferences.add_agenda_item(conf.id or 0, case.id or 0)
    yield database_url, services, conf.id or 0, case.id or 0
    services.close()


def test_another_pc_typing_is_shown_beside_the_case_and_goes_with_that_pc(
    qtbot: QtBot, make_window: WindowFactory, meeting: tuple[str, Services, int, int]
) -> None:
    url, _services, conf_id, case_id = meeting
    window = make_window(url)
    workspace = window.workspace
    assert workspace is not None
    window.show_page(CONFERENCE)
    workspace.open_conference(conf_id)
    settle()
    workspace.discuss(case_id)
    settle()
    discussion = workspace.discussion
    psychology = discussion.panels[Discipline.PSYCHOLOGY]
    physician = discussion.panels[Discipline.PHYSICIAN]
    with subprocess.Popen(  # another PC, typing in Psychology; its announcements last 2 s unless renewed
        [sys.executable, str(CHILD), url, CASE, str(case_id), "Dr Ana Ruiz", "Psychology", "2"],
        stdout=subprocess.PIPE, text=True,
    ) as child:
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "announced"
            qtbot.waitUntil(lambda: discussion.ui.presenceLabel.text()
                            == "Dr Ana Ruiz is typing in Psychology · open on 1 other PC", timeout=WAIT_MS)
            assert "Dr Ana Ruiz" in psychology.ui.presenceLabel.text()
            assert physician.ui.presenceLabel.text() == ""
            child.kill()  # the PC goes away without a word
            child.wait(30)
            qtbot.waitUntil(lambda: discussion.ui.presenceLabel.text() == "", timeout=WAIT_MS)
            assert psychology.ui.presenceLabel.text() == ""
        finally:
            if child.poll() is None:
                child.kill()
                child.wait(30)


def test_the_case_editor_shows_who_else_has_the_case_open(
    qtbot: QtBot, make_window: WindowFactory, meeting: tuple[str, Services, int, int]
) -> None:
    url, services, _conf_id, case_id = meeting
    window = make_window(url)
    window.open_case(case_id)
    settle()
    editor = window.editor
    assert editor is not None
    elsewhere = PresenceService(services.db, client="pc-desk:1:a")
    elsewhere.announce([Presence(CASE, case_id, "Dr Okafor")])
    qtbot.waitUntil(lambda: editor.ui.presenceLabel.text() == "open on 1 other PC", timeout=WAIT_MS)
    seen = elsewhere.others([(CASE, case_id)])  # and this PC announces it has the case open
    assert [p.who for p in seen] == [window.services.presence.who()]  # type: ignore[union-attr]
    elsewhere.leave()
    qtbot.waitUntil(lambda: editor.ui.presenceLabel.text() == "", timeout=WAIT_MS)


def test_following_a_colleague_takes_their_panel_and_the_operator_sees_who_types_where(
    qtbot: QtBot, make_window: WindowFactory, meeting: tuple[str, Services, int, int]
) -> None:
    url, services, conf_id, case_id = meeting
    item = services.conferences.get(conf_id).agenda[0]
    services.conferences.update_agenda_item(item, status=AgendaStatus.IN_DISCUSSION)  # the operator's
    window = make_window(url)
    workspace = window.workspace
    live = window.live
    assert workspace is not None and live is not None and live.follow_action is not None
    workspace.open_conference(conf_id)
    settle()
    live.follow_action.trigger()  # Conference > Follow the meeting
    settle()
    discussion = workspace.discussion
    qtbot.waitUntil(lambda: discussion.current_case_id() == case_id, timeout=WAIT_MS)
    psychology = discussion.panels[Discipline.PSYCHOLOGY]
    physio = discussion.panels[Discipline.PHYSICAL_THERAPY]
    assert psychology.ui.assessmentEdit.isReadOnly() and psychology.ui.takeButton.isVisible()
    physio.ui.takeButton.click()
    settle()
    psychology.ui.takeButton.click()  # taking Psychology gives Physiotherapy back
    settle()
    assert not physio.ui.takeButton.isChecked() and physio.ui.assessmentEdit.isReadOnly()
    assert not psychology.ui.assessmentEdit.isReadOnly()
    psychology.ui.assessmentEdit.setFocus()
    qtbot.keyClicks(psychology.ui.assessmentEdit, "Fear avoidance is high")
    operator = PresenceService(services.db, client="pc-operator:1:a")  # what the operator's PC reads
    qtbot.waitUntil(lambda: describe(operator.others([(CASE, case_id)]))
                    == "Dr Ana Ruiz is typing in Psychology · open on 1 other PC", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: any(i.assessment == "Fear avoidance is high"
                                for i in services.conferences.inputs(item.id or 0)), timeout=WAIT_MS)
    psychology.ui.takeButton.click()  # given back: read-only again
    settle()
    assert psychology.ui.assessmentEdit.isReadOnly()
    live.follow_action.trigger()
    settle()
    assert not psychology.ui.assessmentEdit.isReadOnly() and not psychology.ui.takeButton.isVisible()


def test_the_care_plan_editor_shows_who_else_has_the_plan_open(
    qtbot: QtBot, make_window: WindowFactory, meeting: tuple[str, Services, int, int]
) -> None:
    url, services, _conf_id, case_id = meeting
    plan = services.careplans.create_draft(case_id)
    window = make_window(url)
    page = window.care_plan
    assert page is not None and page.editor.open_case(case_id)
    settle()
    page.show()
    elsewhere = PresenceService(services.db, client="pc-desk:1:a")
    elsewhere.announce([Presence(CARE_PLAN, plan.id or 0, "Dr Okafor", None, True)])
    label = page.editor.ui.presenceLabel
    qtbot.waitUntil(lambda: label.text() == "Dr Okafor is typing · open on 1 other PC", timeout=WAIT_MS)
    assert [p.who for p in elsewhere.others([(CARE_PLAN, plan.id or 0)])] == [window.services.presence.who()]  # type: ignore[union-attr]
    elsewhere.leave()
    qtbot.waitUntil(lambda: label.text() == "", timeout=WAIT_MS)


def test_closing_while_the_presence_is_slow_to_withdraw_leaves_no_connection_open(
    qtbot: QtBot, make_window: WindowFactory, meeting: tuple[str, Services, int, int]
) -> None:
    """Closing withdraws this PC's announcements on a thread and waits a second at most; when the server is
    slower than that (another session holds the rows), the database is closed once the withdrawal has ended,
    not before: a connection handed back to a closed engine stayed open for nobody (psycopg's
    ResourceWarning once it is collected)."""
    url, services, _conf_id, case_id = meeting
    if not url.startswith("postgresql"):
        pytest.skip("a connection left open is told by psycopg's ResourceWarning, on PostgreSQL")
    window = make_window(url)
    window.open_case(case_id)
    desk = PresenceService(services.db, client="pc-desk:1:a")
    qtbot.waitUntil(lambda: bool(desk.others([(CASE, case_id)])), timeout=WAIT_MS)  # announced
    settle()
    other = sa.create_engine(url)
    with other.connect() as holder:  # another session holds the announcements while the window closes
        holder.exec_driver_sql("SELECT * FROM presence FOR UPDATE").all()
        close_window(qtbot, window)
    other.dispose()
    deadline = time.monotonic() + WAIT_MS / 1000
    while any(t.name in ("mdtboard-presence-leave", "mdtboard-close") for t in threading.enumerate()):
        assert time.monotonic() < deadline, "the announcements were not withdrawn"
        time.sleep(0.01)
    gc.collect()  # a connection left open is told now
    assert desk.others([(CASE, case_id)]) == []  # withdrawn once the rows were let go
