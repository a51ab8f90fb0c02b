"""Every view current: what another PC (a real process) saves appears in the library, the case editor and
the conference workspace, merged into what is being typed, never replacing it; a case deleted elsewhere
closes with the unsaved text offered to copy."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import settle
from gui_helpers import WindowFactory, close_window, make_window, opened, settings_path
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Case, Discipline, Patient
from mdtboard.domain.conference import AgendaStatus, Conference, ConferenceMode
from mdtboard.services.context import Services, open_services
from mdtboard.ui.main_window import CASE, CONFERENCE, LIBRARY, MainWindow

pytestmark = pytest.mark.gui
__all__ = ["make_window", "settings_path"]  # fixtures used here

WRITER = Path(__file__).with_name("live_writer.py")
WAIT_MS = 30_000  # a bound for a stuck test on a loaded machine, not a speed check


def elsewhere(url: str, *ops: list[Any]) -> None:
    """Another PC saves: a process of its own."""
    subprocess.run([sys.executable, str(WRITER), url, json.dumps(ops)], check=True, capture_output=True,
                   timeout=120)


@pytest.fixture
def prepared(database_url: str) -> Iterator[tuple[str, Services]]:
    services = open_services(database_url)
    for ref, name in (("LIVE-1", "Alex Doe"), ("LIVE-2", "Sam Roe"), ("LIVE-3", "Kim Poe")):
        services.cases.create(Case(ref=ref, fictional=True, patient=Patient(name), title=f"Title {ref}"))
    yield database_url, services
    services.close()


def _window(make_window: WindowFactory, url: str) -> MainWindow:
    window = make_window(url)
    assert window.live is not None
    return window


def _case_id(services: Services, ref: str) -> int:
    return services.cases.get_by_ref(ref).id or 0


def test_the_library_shows_another_pcs_edit_keeping_the_selection(
    qtbot: QtBot, make_window: WindowFactory, prepared: tuple[str, Services]
) -> None:
    url, services = prepared
    window = _window(make_window, url)
    library = window.library
    assert library is not None
    window.show_page(LIBRARY)
    second = _case_id(services, "LIVE-2")
    with qtbot.waitCallback() as selected:  # its row found in the background
        library.select_case(second, selected)
    selected.assert_called_with(True)
    elsewhere(url, ["case", _case_id(services, "LIVE-1"), "title", "Retitled on another PC"])

    def titles() -> list[str]:
        return [library.model.summary(r).title or "" for r in range(library.model.rowCount())]

    qtbot.waitUntil(lambda: "Retitled on another PC" in titles(), timeout=WAIT_MS)
    assert library.current_summary() is not None and library.current_summary().id == second  # type: ignore[union-attr]
    services.close()


def test_the_editor_merges_another_pcs_edit_around_what_is_typed(
    qtbot: QtBot, make_window: WindowFactory, prepared: tuple[str, Services]
) -> None:
    url, services = prepared
    window = _window(make_window, url)
    case_id = _case_id(services, "LIVE-1")
    window.open_case(case_id)
    settle()
    editor = window.editor
    assert editor is not None and window.current_page() == CASE
    history = editor.ui.historyEdit
    history.setFocus()
    qtbot.keyClicks(history, "Worse since the move")
    elsewhere(url, ["case", case_id, "one_liner", "58-year-old with low back pain"])
    qtbot.waitUntil(lambda: editor.ui.oneLinerEdit.toPlainText() == "58-year-old with low back pain",
                    timeout=WAIT_MS)
    assert history.toPlainText() == "Worse since the move"  # what was typed stays
    qtbot.waitUntil(lambda: services.cases.get(case_id).pain_history == "Worse since the move",
                    timeout=WAIT_MS)
    stored = services.cases.get(case_id)
    assert stored.one_liner == "58-year-old with low back pain"  # and the other PC's edit too
    services.close()


def test_a_case_deleted_elsewhere_closes_with_the_unsaved_text_to_copy(
    qtbot: QtBot, make_window: WindowFactory, prepared: tuple[str, Services]
) -> None:
    url, services = prepared
    window = _window(make_window, url)
    case_id = _case_id(services, "LIVE-3")
    window.open_case(case_id)
    settle()
    editor = window.editor
    assert editor is not None
    for timer in (editor.session._pause, editor.session._max_wait):  # not saved before the deletion
        timer.setInterval(600_000)
    editor.ui.historyEdit.setFocus()
    qtbot.keyClicks(editor.ui.historyEdit, "Typed while it was deleted")
    elsewhere(url, ["delete", case_id])
    qtbot.waitUntil(lambda: editor.elsewhere_dialog is not None, timeout=WAIT_MS)
    box = editor.elsewhere_dialog
    assert box is not None
    assert "LIVE-3 was deleted on another PC" in box.text()
    assert "Typed while it was deleted" in box.detailedText()
    assert editor.current_case_id() is None
    box.close()
    services.close()


def test_the_workspace_follows_attendance_input_and_case_edits_from_another_pc(
    qtbot: QtBot, make_window: WindowFactory, prepared: tuple[str, Services]
) -> None:
    url, services = prepared
    case_id = _case_id(services, "LIVE-1")
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=datetime(2026, 12, 10, 13, 0)))
    item = services.conferences.add_agenda_item(conf.id or 0, case_id)
    window = _window(make_window, url)
    workspace = window.workspace
    assert workspace is not None
    window.show_page(CONFERENCE)
    workspace.open_conference(conf.id or 0)
    settle()
    workspace.discuss(case_id)
    settle()
    physician = workspace.discussion.panels[Discipline.PHYSICIAN]
    physician.ui.assessmentEdit.setFocus()
    qtbot.keyClicks(physician.ui.assessmentEdit, "Opioid taper advised")
    elsewhere(
        url,
        ["attendee", conf.id, "Dr Ana Ruiz", "psychology"],
        ["input", item.id, "psychology", "Dr Ana Ruiz", "Fear avoidance is high"],
        ["case", case_id, "one_liner", "Now 59, pain for 4 years"],
    )
    psychology = workspace.discussion.panels[Discipline.PSYCHOLOGY]
    qtbot.waitUntil(lambda: psychology.ui.assessmentEdit.toPlainText() == "Fear avoidance is high",
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Now 59" in workspace.discussion.ui.oneLinerLabel.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: any(a.name == "Dr Ana Ruiz" for a in workspace.controller.attendees()),
                    timeout=WAIT_MS)
    assert workspace.attendance.model.rowCount() == 1
    assert physician.ui.assessmentEdit.toPlainText() == "Opioid taper advised"  # typing untouched
    assert physician.ui.assessmentEdit.hasFocus()
    qtbot.keyClick(physician.ui.assessmentEdit, Qt.Key.Key_Period)
    settle()
    assert physician.ui.assessmentEdit.toPlainText() == "Opioid taper advised."  # the cursor stayed put
    services.close()


def test_the_care_plan_editor_follows_its_plan_saved_elsewhere(
    qtbot: QtBot, make_window: WindowFactory, prepared: tuple[str, Services]
) -> None:
    url, services = prepared
    case_id = _case_id(services, "LIVE-2")
    services.careplans.create_draft(case_id)
    window = _window(make_window, url)
    page = window.care_plan
    assert page is not None
    editor = page.editor
    assert editor.open_case(case_id)
    settle()
    page.show()
    elsewhere(url, ["plan", case_id, "responsible_clinician", "Dr Okafor"])  # nothing typed here
    qtbot.waitUntil(lambda: editor.ui.clinicianEdit.text() == "Dr Okafor", timeout=WAIT_MS)
    for timer in (editor.session._pause, editor.session._max_wait):  # typing, not saved yet
        timer.setInterval(600_000)
    editor.ui.socialEdit.setFocus()
    qtbot.keyClicks(editor.ui.socialEdit, "Lives alone")
    elsewhere(url, ["plan", case_id, "responsible_clinician", "Dr Ruiz"])
    qtbot.waitUntil(lambda: editor.ui.clinicianEdit.text() == "Dr Ruiz", timeout=WAIT_MS)
    assert editor.ui.socialEdit.toPlainText() == "Lives alone"  # merged around what is typed
    assert editor.flush()
    stored = services.careplans.current(case_id)
    assert stored is not None and stored.responsible_clinician == "Dr Ruiz"
    assert stored.formulation.social == "Lives alone"
    services.close()


def test_follow_mode_tracks_the_operator_through_three_cases(
    qtbot: QtBot, make_window: WindowFactory, prepared: tuple[str, Services]
) -> None:
    """On SQLite this once failed about one run in four: the window's engine, opened beside the test's
    services, read the file's header and closed it, which dropped the test process's locks on the file; the
    other process's close then deleted the -wal under it, and the conference read again after a move showed
    the agenda before it (tests/unit/storage/test_file_locks.py)."""
    url, services = prepared
    ids = [_case_id(services, ref) for ref in ("LIVE-1", "LIVE-2", "LIVE-3")]
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=datetime(2026, 12, 10, 13, 0)))
    for case_id in ids:
        services.conferences.add_agenda_item(conf.id or 0, case_id)
    window = _window(make_window, url)
    workspace = window.workspace
    assert workspace is not None and window.live is not None and window.live.follow_action is not None
    workspace.open_conference(conf.id or 0)
    settle()
    window.show_page(LIBRARY)  # the colleague was looking elsewhere
    window.live.follow_action.trigger()  # Conference > Follow the meeting
    settle()
    panel = workspace.discussion.panels[Discipline.PSYCHOLOGY]
    assert panel.ui.assessmentEdit.isReadOnly()
    previous = None
    for case_id in ids:
        moves: list[list[Any]] = [["status", conf.id, case_id, "in_discussion"]]
        if previous is not None:
            moves.insert(0, ["status", conf.id, previous, "discussed"])
        elsewhere(url, *moves)
        qtbot.waitUntil(lambda case_id=case_id: workspace.discussion.current_case_id() == case_id,
                        timeout=WAIT_MS)
        assert window.current_page() == CONFERENCE
        previous = case_id
    window.live.follow_action.trigger()  # stop following: the panels can be typed in again
    settle()
    assert not panel.ui.assessmentEdit.isReadOnly()
    services.close()


def test_the_minutes_follow_attendance_recorded_on_another_pc(
    qtbot: QtBot, make_window: WindowFactory, prepared: tuple[str, Services]
) -> None:
    url, services = prepared
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=datetime(2026, 12, 10, 13, 0)))
    services.conferences.add_agenda_item(conf.id or 0, _case_id(services, "LIVE-1"))
    window = _window(make_window, url)
    workspace = window.workspace
    assert workspace is not None
    window.show_page(CONFERENCE)
    workspace.open_conference(conf.id or 0)
    settle()
    minutes = window.presentation.open_minutes()
    assert minutes is not None
    qtbot.waitUntil(lambda: "No attendance was recorded" in minutes.ui.minutesText.toPlainText())
    elsewhere(url, ["attendee", conf.id, "Dr Ana Ruiz", "psychology"])
    qtbot.waitUntil(lambda: "Dr Ana Ruiz" in minutes.ui.minutesText.toPlainText(), timeout=WAIT_MS)
    minutes.close()
    services.close()


def test_the_training_window_follows_its_conference_keeping_the_case_chosen(
    qtbot: QtBot, make_window: WindowFactory, prepared: tuple[str, Services]
) -> None:
    url, services = prepared
    ids = [_case_id(services, ref) for ref in ("LIVE-1", "LIVE-2")]
    conf = services.conferences.create(Conference(
        title="Teaching", starts_at=datetime(2026, 12, 10, 13, 0), mode=ConferenceMode.TRAINING,
        chair="Dr Facilitator"))
    for case_id in ids:
        services.conferences.add_agenda_item(conf.id or 0, case_id)
    window = _window(make_window, url)
    training = window.training_menu.open_training_window()
    assert training is not None and opened(training, conf.id or 0)
    training.select_case(1)
    assert "Trainees: none yet" in training.ui.conferenceInfo.text()
    elsewhere(url, ["trainee", conf.id, "Zoe Trainee", "physician"])
    qtbot.waitUntil(lambda: "Trainees: Zoe Trainee" in training.ui.conferenceInfo.text(), timeout=WAIT_MS)
    assert training.ui.agendaList.currentRow() == 1  # the case chosen stays chosen
    item = training.current_item()
    assert item is not None and item.case_id == ids[1]
    training.close()
    services.close()


def test_a_case_archived_elsewhere_closes_keeping_what_was_typed(
    qtbot: QtBot, make_window: WindowFactory, prepared: tuple[str, Services]
) -> None:
    url, services = prepared
    window = _window(make_window, url)
    case_id = _case_id(services, "LIVE-2")
    window.open_case(case_id)
    settle()
    editor = window.editor
    assert editor is not None
    for timer in (editor.session._pause, editor.session._max_wait):  # not saved before the archiving
        timer.setInterval(600_000)
    editor.ui.historyEdit.setFocus()
    qtbot.keyClicks(editor.ui.historyEdit, "Typed while it was archived")
    elsewhere(url, ["archive", case_id])
    qtbot.waitUntil(lambda: editor.elsewhere_dialog is not None, timeout=WAIT_MS)
    box = editor.elsewhere_dialog
    assert box is not None and "LIVE-2 was archived on another PC" in box.text()
    assert editor.current_case_id() is None
    qtbot.waitUntil(lambda: services.cases.get(case_id).pain_history == "Typed while it was archived",
                    timeout=WAIT_MS)  # an archived case can still be saved: what was typed is kept
    box.close()
    services.close()


def test_a_conference_deleted_elsewhere_closes_with_the_unsaved_input(
    qtbot: QtBot, make_window: WindowFactory, prepared: tuple[str, Services]
) -> None:
    url, services = prepared
    case_id = _case_id(services, "LIVE-1")
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=datetime(2026, 12, 10, 13, 0)))
    services.conferences.add_agenda_item(conf.id or 0, case_id)
    window = _window(make_window, url)
    workspace = window.workspace
    assert workspace is not None
    window.show_page(CONFERENCE)
    workspace.open_conference(conf.id or 0)
    settle()
    workspace.discuss(case_id)
    settle()
    physician = workspace.discussion.panels[Discipline.PHYSICIAN]
    for timer in (physician.session._pause, physician.session._max_wait):  # not saved before the deletion
        timer.setInterval(600_000)
    physician.ui.assessmentEdit.setFocus()
    qtbot.keyClicks(physician.ui.assessmentEdit, "Opioid taper advised")
    elsewhere(url, ["delete_conference", conf.id])
    qtbot.waitUntil(lambda: workspace.elsewhere_dialog is not None, timeout=WAIT_MS)
    box = workspace.elsewhere_dialog
    assert box is not None and "“Pain MDT” was deleted on another PC" in box.text()
    assert "Physician: Assessment:\nOpioid taper advised" in box.detailedText()
    assert workspace.current_conference_id() is None
    box.close()
    services.close()


def test_a_case_taken_off_the_agenda_elsewhere_offers_the_unsaved_input_and_moves_on(
    qtbot: QtBot, make_window: WindowFactory, prepared: tuple[str, Services]
) -> None:
    url, services = prepared
    first, second = _case_id(services, "LIVE-1"), _case_id(services, "LIVE-2")
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=datetime(2026, 12, 10, 13, 0)))
    for case_id in (first, second):
        services.conferences.add_agenda_item(conf.id or 0, case_id)
    window = _window(make_window, url)
    workspace = window.workspace
    assert workspace is not None
    window.show_page(CONFERENCE)
    workspace.open_conference(conf.id or 0)
    settle()
    workspace.discuss(first)
    settle()
    discussion = workspace.discussion
    psychology = discussion.panels[Discipline.PSYCHOLOGY]
    for timer in (psychology.session._pause, psychology.session._max_wait):  # not saved before the removal
        timer.setInterval(600_000)
    psychology.ui.recommendationsEdit.setFocus()
    qtbot.keyClicks(psychology.ui.recommendationsEdit, "Pain coping skills group")
    elsewhere(url, ["remove_item", conf.id, first])
    qtbot.waitUntil(lambda: discussion.taken_off_dialog is not None, timeout=WAIT_MS)
    box = discussion.taken_off_dialog
    assert box is not None and "taken off the agenda" in box.text()
    assert "Psychology: Recommendations:\nPain coping skills group" in box.detailedText()
    assert discussion.current_case_id() == second  # on to the next case, its own panels empty
    assert psychology.ui.recommendationsEdit.toPlainText() == ""
    box.close()
    services.close()


def test_the_big_screen_shows_a_case_corrected_on_another_pc(
    qtbot: QtBot, make_window: WindowFactory, prepared: tuple[str, Services]
) -> None:
    url, services = prepared
    case_id = _case_id(services, "LIVE-1")
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=datetime(2026, 12, 10, 13, 0)))
    services.conferences.add_agenda_item(conf.id or 0, case_id)
    window = _window(make_window, url)
    workspace = window.workspace
    assert workspace is not None
    window.show_page(CONFERENCE)
    workspace.open_conference(conf.id or 0)
    settle()
    workspace.discuss(case_id)
    settle()
    screen = window.presentation.start()  # the operator's big screen
    assert screen is not None
    qtbot.waitUntil(lambda: "Title LIVE-1" in screen.ui.caseLabel.text())  # the case read in the background
    elsewhere(url, ["case", case_id, "title", "Corrected on another PC"])
    qtbot.waitUntil(lambda: "Corrected on another PC" in screen.ui.caseLabel.text(), timeout=WAIT_MS)
    window.presentation.leave()
    services.close()


def test_follow_mode_shows_the_operators_timer_and_who_holds_the_floor(
    qtbot: QtBot, make_window: WindowFactory, prepared: tuple[str, Services]
) -> None:
    url, services = prepared
    case_id = _case_id(services, "LIVE-1")
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=datetime(2026, 12, 10, 13, 0)))
    item = services.conferences.add_agenda_item(conf.id or 0, case_id)
    services.conferences.update_agenda_item(item, status=AgendaStatus.IN_DISCUSSION)
    window = _window(make_window, url)
    workspace, live = window.workspace, window.live
    assert workspace is not None and live is not None and live.follow_action is not None
    workspace.open_conference(conf.id or 0)
    settle()
    live.follow_action.trigger()  # Conference > Follow the meeting
    settle()
    label = workspace.discussion.ui.followLabel
    qtbot.waitUntil(lambda: label.text().endswith("not started"), timeout=WAIT_MS)
    elsewhere(url, ["timing", conf.id, case_id, "psychology", 65])  # the operator's timer runs
    qtbot.waitUntil(lambda: "running · Floor: Psychology" in label.text(), timeout=WAIT_MS)
    assert label.text().startswith("Operator's timer 01:")  # 65 s and counting, of the item's budget
    assert f"of {item.minutes:02d}:00" in label.text()
    live.follow_action.trigger()
    settle()
    assert label.text() == ""
    services.close()


def test_changes_arriving_as_the_window_closes_reach_no_view(
    qtbot: QtBot, make_window: WindowFactory, prepared: tuple[str, Services]
) -> None:
    """Changes the watcher had handed to the GUI thread just before the window closed are given to no view
    once it has: following them would read the closed database, which reopens its pool (on PostgreSQL a
    connection nobody closes, a ResourceWarning in whichever test collects it)."""
    url, services = prepared
    case_id = _case_id(services, "LIVE-1")
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=datetime(2026, 12, 10, 13, 0)))
    services.conferences.add_agenda_item(conf.id or 0, case_id)
    window = _window(make_window, url)
    workspace, live = window.workspace, window.live
    assert workspace is not None and live is not None and live.follow_action is not None
    workspace.open_conference(conf.id or 0)
    settle()
    live.follow_action.trigger()  # following the meeting: a change moves the discussion on
    settle()
    seen = live.last_seen or 0
    elsewhere(url, ["status", conf.id, case_id, "in_discussion"])
    deadline = time.monotonic() + WAIT_MS / 1000
    while (live.last_seen or 0) <= seen:  # read by the watcher: the batch waits on the GUI thread's queue
        assert time.monotonic() < deadline, "the change was not read"
        time.sleep(0.01)  # not the event loop: the batch stays queued until the window has closed
    with qtbot.assertNotEmitted(live.changed, wait=500):  # the queued batch is delivered meanwhile
        close_window(qtbot, window)
    services.close()
