"""Presentation mode, the Training menu and closing the main window send no SQL from the GUI thread, on
SQLite and on PostgreSQL: the walks here (starting the meeting on the big screen, the case timer, the next
case, the meeting record and ending the meeting, the minutes; the Training menu's teaching-case entries;
closing the window with a save pending) run every statement of those parts on a background operation's
thread. The statements sent from the GUI thread are printed by place (``pytest -s``)."""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from conftest import Ticks, settle, sqlite_locked
from gui_helpers import WindowFactory, make_window, settings_path
from gui_thread_sql import GuiThreadStatements, watch_gui_thread
from pytestqt.qtbot import QtBot
from test_conference_support import SAMPLE_CASES, conference

from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import Attendee, AttendeeRole
from mdtboard.domain.timers import TimerState
from mdtboard.interchange.bundle import import_files
from mdtboard.services.context import Services, open_services
from mdtboard.ui.main_window import CONFERENCE

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "training"))
from training_setup import real_case  # noqa: E402

pytestmark = pytest.mark.gui
__all__ = ["make_window", "settings_path"]  # fixtures used here

#: The parts of ui/ walked here, none of whose statements may come from the GUI thread.
OURS = ("ui/presentation/", "ui/training/menu.py", "ui/main_window.py", "ui/window_", "ui/closing.py")

TEAM = [
    Attendee("Dr Okafor", Discipline.PHYSICIAN, AttendeeRole.CHAIR),
    Attendee("Sam Lee", Discipline.PHYSICAL_THERAPY),
    Attendee("Ana Ruiz", Discipline.PSYCHOLOGY, AttendeeRole.PRESENTER),
]


@pytest.fixture
def meeting(database_url: str) -> Iterator[tuple[str, Services, int, dict[str, int]]]:
    services = open_services(database_url)
    ids = {s.ref: s.id or 0 for s in import_files(services.cases, [SAMPLE_CASES])}
    conf_id = conference(services, datetime.now().astimezone().replace(microsecond=0))
    for person in TEAM:
        services.conferences.add_attendee(conf_id, person)
    for ref in ("MDT-004", "MDT-001"):
        services.conferences.add_agenda_item(conf_id, ids[ref])
    yield database_url, services, conf_id, ids
    services.close()


def ours(noted: GuiThreadStatements) -> list[str]:
    """The places of the parts walked here that sent SQL from the GUI thread."""
    return [p for p in noted.places() if p.split(" > ")[0].startswith(OURS)]


def report(what: str, noted: GuiThreadStatements) -> None:
    by_place = Counter(where.split(" > ")[0] for where, _sql in noted.seen)
    print(f"\n{what}: {len(noted.seen)} SQL statements sent from the GUI thread, {len(ours(noted))} places"
          f" of the parts walked")
    for place, count in by_place.most_common():
        print(f"  {count:3d}  {place}")


def test_presentation_mode_walk_sends_no_sql_from_the_gui_thread(
    qtbot: QtBot, make_window: WindowFactory, meeting: tuple[str, Services, int, dict[str, int]]
) -> None:
    url, services, conf_id, ids = meeting
    window = make_window(url)
    assert window.services is not None
    workspace = window.workspace
    assert workspace is not None
    window.show_page(CONFERENCE)
    workspace.open_conference(conf_id)
    settle()
    with watch_gui_thread(window.services.db.engine) as noted:
        workspace.discuss(ids["MDT-004"])
        settle()
        mode = window.presentation
        screen = mode.start()  # the big screen
        settle()
        session = mode.session
        assert screen is not None and session is not None
        qtbot.waitUntil(lambda: session.case is not None and session.case.id == ids["MDT-004"])
        assert session.toggle_timer() is not None  # the case's timer and the meeting clock start
        settle()
        assert session.meeting is not None  # the meeting's start, written and read back
        session.mark_speaker(Discipline.PSYCHOLOGY)
        settle()
        workspace.next_case()  # the next case: the first one's run stopped, the next one's timer runs
        settle()
        qtbot.waitUntil(lambda: session.case is not None and session.case.id == ids["MDT-001"])
        timer = session.current_timer()
        assert timer is not None and timer.run_state().ticking
        record = mode.open_record()
        assert record is not None
        qtbot.waitUntil(lambda: record.record is not None)
        record.ui.endButton.click()  # the meeting ends
        settle()
        qtbot.waitUntil(lambda: session.meeting is not None and session.meeting.ended_at is not None)
        minutes = mode.open_minutes()
        assert minutes is not None
        qtbot.waitUntil(lambda: minutes.minutes is not None)
        mode.leave()
        settle()
    report("presentation mode walk", noted)
    assert noted.elsewhere > 0  # the guard listened: statements ran on the workers
    assert not ours(noted), f"SQL sent from the GUI thread:\n{noted}"
    times = services.timing.meeting_times(conf_id)
    assert times is not None and times.ended_at is not None
    assert session.current_timer() is not None
    assert session.current_timer().run_state() is TimerState.STOPPED  # type: ignore[union-attr]


def test_training_menu_walk_sends_no_sql_from_the_gui_thread(
    qtbot: QtBot, make_window: WindowFactory, meeting: tuple[str, Services, int, dict[str, int]]
) -> None:
    url, services, _conf_id, _ids = meeting
    real = services.cases.create(real_case()).id or 0  # a teaching case is made from a real case
    window = make_window(url)
    assert window.services is not None
    window.open_case(real)
    settle()
    editor = window.editor
    assert editor is not None and editor.current_case_id() == real
    menu = window.training_menu
    with watch_gui_thread(window.services.db.engine) as noted:
        menu.reviews_menu.aboutToShow.emit()  # no review yet (read as the submenu shows)
        assert [a.text() for a in menu.reviews_menu.actions()] == ["Reading the teaching cases under review…"]
        settle()
        assert [a.text() for a in menu.reviews_menu.actions()] == ["No teaching case is under review"]
        menu.action_make.trigger()  # a draft teaching case from the open case, and its review
        settle()
        qtbot.waitUntil(lambda: menu.review_dialog is not None)
        dialog = menu.review_dialog
        assert dialog is not None
        dialog.reject()
        menu.reviews_menu.aboutToShow.emit()  # the draft is listed
        settle()
        actions = menu.reviews_menu.actions()
        assert len(actions) == 1 and "field(s) to confirm" in actions[0].text()
        actions[0].trigger()  # its review opened again
        settle()
        qtbot.waitUntil(lambda: menu.review_dialog is not None and menu.review_dialog is not dialog)
        menu.review_dialog.reject()  # type: ignore[union-attr]
        training = menu.open_training_window()
        assert training is not None
        settle()
        training.close()
    report("Training menu walk", noted)
    assert noted.elsewhere > 0
    assert not ours(noted), f"SQL sent from the GUI thread:\n{noted}"
    assert len(services.training.teaching_reviews()) == 1


def test_closing_with_a_save_pending_sends_no_sql_from_the_gui_thread(
    qtbot: QtBot, make_window: WindowFactory, meeting: tuple[str, Services, int, dict[str, int]]
) -> None:
    url, services, _conf_id, ids = meeting
    window = make_window(url)
    assert window.services is not None
    window.open_case(ids["MDT-001"])
    settle()
    editor = window.editor
    assert editor is not None
    editor.ui.questionEdit.setFocus()
    editor.ui.questionEdit.selectAll()
    qtbot.keyClicks(editor.ui.questionEdit, "Is a facet injection worth trying?")
    assert editor.pending  # closed within the autosave delay
    with watch_gui_thread(window.services.db.engine) as noted:
        window.close()  # closes once the save is written (at once, or after a box saying it is saving)
        qtbot.waitUntil(lambda: window.is_closed, timeout=30_000)
    report("closing with a save pending", noted)
    assert noted.elsewhere > 0
    assert not ours(noted), f"SQL sent from the GUI thread:\n{noted}"
    assert services.cases.get(ids["MDT-001"]).question_for_team == "Is a facet injection worth trying?"
    assert not window.isVisible()


def test_the_places_walked_are_named_as_the_guard_names_them() -> None:
    places = ["ui/presentation/session.py:1 current_timer > storage/timing_repo.py:1 x",
              "ui/main_window.py:1 closeEvent > storage/x.py:1 y"]
    other = "ui/conference/controller.py:1 case > storage/case_repo.py:1 x"
    seen = [(p, "SELECT") for p in [*places, other]]
    assert ours(GuiThreadStatements(seen=seen)) == places


def test_the_minutes_open_at_once_while_the_database_is_held_with_input_typed(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str
) -> None:
    """Opening the minutes starts saving what was typed and does not wait for it: the minutes are made
    after the save, on the writer queue, once the database is free."""
    services = open_services(sqlite_database_url)
    ids = {s.ref: s.id or 0 for s in import_files(services.cases, [SAMPLE_CASES])}
    conf_id = conference(services, datetime.now().astimezone().replace(microsecond=0))
    for person in TEAM:
        services.conferences.add_attendee(conf_id, person)
    services.conferences.add_agenda_item(conf_id, ids["MDT-004"])
    window = make_window(sqlite_database_url)
    with qtbot.waitSignal(window.database_checked, timeout=20_000):
        pass  # the day's backup reads the file: done before it is held
    if window.live is not None:
        window.live.stop()  # its thread reconnects all the time: the file could not be held exclusively
    workspace = window.workspace
    assert workspace is not None and window.services is not None
    window.show_page(CONFERENCE)
    workspace.open_conference(conf_id)
    settle()
    workspace.discuss(ids["MDT-004"])
    settle()
    panel = workspace.discussion.panels[Discipline.PHYSICIAN]
    panel.ui.assessmentEdit.setFocus()
    qtbot.keyClicks(panel.ui.assessmentEdit, "Sleep poor, mood low.")
    try:
        with sqlite_locked(window.services.db, services.db):
            ticks = Ticks()
            started = time.perf_counter()
            minutes = window.presentation.open_minutes()
            took = time.perf_counter() - started
            assert minutes is not None and minutes.ui.minutesText.toPlainText() == "Making the minutes…"
            qtbot.wait(1000)  # the event loop runs while the save and the minutes wait for the database
            ticks.stop()
            assert minutes.minutes is None
        print(f"\nopen_minutes() returned after {took * 1000:.0f} ms with the database held")
        # far under the 8 s busy timeout a GUI thread waiting for the save would take (first opening: the
        # window's modules imported, about 0.1 s); about 100 ticks in 1 s, none if it waited
        assert took < 2.0 and ticks.count >= 5
        qtbot.waitUntil(lambda: minutes.minutes is not None, timeout=20_000)
        item_id = services.conferences.get(conf_id).agenda[0].id or 0
        typed = [i.assessment for i in services.conferences.inputs(item_id)]
        assert "Sleep poor, mood low." in typed  # saved before the minutes were made
        assert panel.ui.assessmentEdit.toPlainText() == "Sleep poor, mood low."
    finally:
        services.close()
