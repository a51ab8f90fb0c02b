"""Which SQL the conference page still sends from the GUI thread, walking it as in a meeting: opening a
conference, searching the library and adding a case to the agenda (undone and redone), opening the case's
discussion, typing a discipline's input, and the presentation mode (starting the meeting, the case timer,
stopping, leaving), on SQLite and on PostgreSQL.

Every database call of the window is to run as a background operation. The parts of the page already
moved are checked here (:data:`MOVED_FILES`, :data:`MOVED_FUNCTIONS`): none of their statements may come
from the GUI thread. The statements still sent from it are printed by place (``pytest -s``), so that what
remains can be seen."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import datetime

import pytest
from conftest import settle
from gui_helpers import WindowFactory, make_window, settings_path
from gui_thread_sql import GuiThreadStatements, watch_gui_thread
from pytestqt.qtbot import QtBot
from test_conference_support import SAMPLE_CASES, conference

from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import Attendee, AttendeeRole
from mdtboard.interchange.bundle import import_files
from mdtboard.services.context import Services, open_services
from mdtboard.ui.main_window import CONFERENCE, MainWindow

pytestmark = pytest.mark.gui
__all__ = ["make_window", "settings_path"]  # fixtures used here

#: The places of the page whose reads and writes run in the background (a statement noted from one of
#: them fails the test): whole files of ui/, and functions of files not moved in full.
MOVED_FILES = (
    "ui/conference/workspace.py",  # the lists of conferences, the room's other conferences
    "ui/conference/agenda.py",  # the library searched, the deferred cases offered
    "ui/conference/discussion.py",  # the open actions of a case's agreed plan, its facts, the input
    "ui/conference/controller.py",  # opening, reloads, starting a discussion
    "ui/conference/commands.py",  # the agenda, attendance and input steps, their undo and redo
    "ui/conference/discipline_panel.py",  # a discipline's input saved as typed
    "ui/conference/editor.py",  # the conference's own fields saved as typed
    "ui/conference/attendance.py",  # the people with accounts offered
    "ui/conference/passages.py",  # restricted passages of the input
    # presentation mode: the case on the big screen, the timers' recorded time, the meeting's end, the
    # meeting record and the minutes
    "ui/presentation/session.py",
    "ui/presentation/meeting_clock.py",
    "ui/presentation/integration.py",
    "ui/presentation/record_window.py",
    "ui/presentation/minutes_window.py",
    "ui/presentation/big_screen.py",
    "ui/presentation/operator_bar.py",
)
MOVED_FUNCTIONS = (
    # the case timers' runs and the meeting clock, written on the writer queue
    ("ui/presentation/session.py", "_start"),
    ("ui/presentation/session.py", "toggle_timer"),
    ("ui/presentation/session.py", "mark_speaker"),
    ("ui/presentation/session.py", "_start_meeting"),
    ("ui/presentation/session.py", "meeting_times"),
    ("ui/presentation/session.py", "_open_actions"),  # the open actions on the big screen
)

TEAM = [
    Attendee("Dr Okafor", Discipline.PHYSICIAN, AttendeeRole.CHAIR),
    Attendee("Sam Lee", Discipline.PHYSICAL_THERAPY),
    Attendee("Ana Ruiz", Discipline.PSYCHOLOGY, AttendeeRole.PRESENTER),
]


@pytest.fixture
def meeting(database_url: str) -> Iterator[tuple[str, Services, int, dict[str, int]]]:
    services = open_services(database_url)
    ids = {s.ref: s.id or 0 for s in import_files(services.cases, [SAMPLE_CASES])}
    conf_id = conference(services, datetime(2026, 12, 3, 13))
    for person in TEAM:
        services.conferences.add_attendee(conf_id, person)
    services.conferences.add_agenda_item(conf_id, ids["MDT-004"])
    yield database_url, services, conf_id, ids
    services.close()


def walk(qtbot: QtBot, window: MainWindow, conf_id: int, added: str) -> None:
    """The page walked as in a meeting."""
    workspace = window.workspace
    assert workspace is not None
    window.show_page(CONFERENCE)
    workspace.open_conference(conf_id)
    settle()
    assert workspace.current_conference_id() == conf_id
    # the agenda: search the library, add the case found
    workspace.ui.tabs.setCurrentWidget(workspace.ui.agendaTab)
    agenda = workspace.agenda
    agenda.ui.searchEdit.setText(added)
    agenda.search()
    settle()
    agenda.add_selected()
    settle()
    assert added in [i.case_ref for i in workspace.controller.agenda()]
    stack = workspace.controller.undo_stack  # the addition undone and done again
    stack.undo()
    settle()
    assert added not in [i.case_ref for i in workspace.controller.agenda()]
    stack.redo()
    settle()
    assert added in [i.case_ref for i in workspace.controller.agenda()]
    # the discussion of the first case: started, a discipline's input typed and saved
    first = workspace.controller.agenda()[0].case_id
    workspace.discuss(first)
    settle()
    workspace.discussion.start()
    settle()
    panel = workspace.discussion.panels[Discipline.PHYSICIAN]
    panel.ui.assessmentEdit.setFocus()
    qtbot.keyClicks(panel.ui.assessmentEdit, "Sleep poor, mood low.")
    assert workspace.flush()
    settle()
    assert panel.ui.assessmentEdit.toPlainText() == "Sleep poor, mood low."  # typed input stays
    # the presentation mode: the meeting started, the case's timer run and stopped, the mode left
    mode = window.presentation
    mode.start()
    settle()
    session = mode.session
    assert session is not None
    session.toggle_timer()  # the case's timer started: the meeting clock too
    settle()
    session.mark_speaker(Discipline.PSYCHOLOGY)  # the floor
    settle()
    session.toggle_timer()  # paused
    settle()
    workspace.discussion.ui.nextButton.setFocus()
    mode.leave()
    settle()


def moved_places(noted: GuiThreadStatements) -> list[str]:
    """The places moved to the background that still sent SQL from the GUI thread."""

    def moved(place: str) -> bool:
        where, _, function = place.split(" > ")[0].partition(" ")
        file = where.rsplit(":", 1)[0]
        return file in MOVED_FILES or (file, function) in MOVED_FUNCTIONS

    return [p for p in noted.places() if moved(p)]


def test_the_places_moved_are_named_as_the_guard_names_them() -> None:
    """A statement from a moved place would be caught: the names of the places moved match the guard's."""
    places = ["ui/conference/agenda.py:185 search > storage/case_repo.py:1 x",
              "ui/presentation/session.py:461 _start_meeting > storage/timing_repo.py:91 start_clock"]
    kept = "ui/cases/library.py:1 refresh > storage/case_repo.py:1 x"  # not a place of the page
    assert moved_places(GuiThreadStatements(seen=[(p, "SELECT") for p in [*places, kept]])) == places


def test_the_conference_page_walk_sends_no_sql_from_the_gui_thread_in_the_parts_moved(
    qtbot: QtBot, make_window: WindowFactory, meeting: tuple[str, Services, int, dict[str, int]]
) -> None:
    url, _services, conf_id, _ids = meeting
    window = make_window(url)
    assert window.services is not None
    settle()
    with watch_gui_thread(window.services.db.engine) as noted:
        walk(qtbot, window, conf_id, "MDT-001")
    by_place = Counter(where.split(" > ")[0] for where, _sql in noted.seen)
    print(f"\nSQL statements sent from the GUI thread in the walk: {len(noted.seen)}")
    for place, count in by_place.most_common():
        print(f"  {count:3d}  {place}")
    assert noted.elsewhere > 0  # the guard listened: statements ran on the workers
    assert not moved_places(noted), f"SQL sent from the GUI thread:\n{noted}"
