"""TimingService on SQLite and PostgreSQL: runs written while they happen and read back, a stretch left open
by a crash, the meeting clock, the meeting record's numbers from recorded timing, and refused input that
changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from conftest import table_snapshot
from timing_setup import meeting

from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import AgendaStatus
from mdtboard.domain.errors import InvalidInputError, NotFoundError
from mdtboard.domain.timers import PLAN, PRESENTATION, FakeClock, FloorSegment, Phase
from mdtboard.services.context import Services
from mdtboard.services.timed_item import TimedItem
from mdtboard.services.timing import RecordedRun

START = datetime(2026, 3, 4, 16, 0, tzinfo=UTC)
PHYS, PSY, PT = Discipline.PHYSICIAN, Discipline.PSYCHOLOGY, Discipline.PHYSICAL_THERAPY


def _run_case(
    services: Services, item_id: int, clock: FakeClock, steps: list[tuple[float, object]]
) -> TimedItem:
    """Start a timer on ``item_id``, then for each (minutes, what): wait, then mark the floor or phase."""
    item = TimedItem(item_id, 12, clock, store=services.timing)
    item.enter_phase(PRESENTATION)
    item.start()
    for minutes, what in steps:
        clock.advance(minutes=minutes)
        if isinstance(what, Discipline) or what is None:
            item.mark_floor(what)
        else:
            assert isinstance(what, Phase)
            item.enter_phase(what)
    return item


def test_a_run_is_written_as_it_happens_and_read_back(services: Services) -> None:
    _conf, (first, _second, _third) = meeting(services)
    clock = FakeClock(START)
    item = _run_case(services, first, clock, [(5, PHYS), (0, Phase.turn(PHYS)), (3, PSY), (2, PLAN)])
    # While it runs, the stretches going on are stored open: a crash now loses only those.
    live = services.timing.item_timing(first)
    assert live.runs == 1 and live.cut_short == 2
    assert [(s.discipline, s.seconds) for s in live.floor_segments] == [(None, 300), (PHYS, 180)]
    assert live.active_seconds == 480
    clock.advance(minutes=1)
    item.stop()
    stored = services.timing.item_timing(first)
    assert stored.cut_short == 0
    floor = [(s.discipline, s.seconds) for s in stored.floor_segments]
    assert floor == [(None, 300), (PHYS, 180), (PSY, 180)]
    assert dict(stored.phase_durations()) == {PRESENTATION: 300, Phase.turn(PHYS): 300, PLAN: 60}
    assert stored.floor_segments[0].start == START
    assert stored.floor_segments[-1].end == START + timedelta(minutes=11)
    assert stored.floor_segments == item.timer.floor_segments()
    assert stored.phase_segments == item.timer.phase_segments()


def test_a_second_run_adds_to_the_first_and_a_restart_counts_on(services: Services) -> None:
    _conf, (first, second, _third) = meeting(services)
    clock = FakeClock(START)
    one = _run_case(services, first, clock, [(4, PT)])
    two = one.next_run()  # on to another case
    other = TimedItem(second, 12, clock, store=services.timing)
    other.start()
    clock.advance(minutes=6)
    other.stop()
    two.start()
    clock.advance(minutes=2)
    two.stop()
    stored = services.timing.item_timing(first)
    assert stored.runs == 2 and stored.active_seconds == 360
    # After a restart, the program builds the timer from what is stored.
    again = TimedItem(first, 12, clock, store=services.timing, prior=stored)
    assert again.reading().clock_text == "06:00"
    assert services.timing.conference_timing(_conf)[second].active_seconds == 360


def test_the_meeting_record_shows_time_against_budget_and_the_share_of_each_discipline(
    services: Services,
) -> None:
    conf_id, (first, second, third) = meeting(services)
    clock = FakeClock(START)
    services.timing.start_meeting(conf_id, clock.wall())
    one = _run_case(services, first, clock, [(5, PHYS), (6, PSY)])
    clock.advance(minutes=3)  # 14 minutes on a 12-minute budget
    one.stop()
    two = _run_case(services, second, clock, [(2, PHYS)])
    clock.advance(minutes=4)
    two.stop()
    agenda = {i.id: i for i in services.conferences.get(conf_id).agenda}
    services.conferences.update_agenda_item(agenda[first], status=AgendaStatus.DISCUSSED)
    services.conferences.update_agenda_item(agenda[second], status=AgendaStatus.DEFERRED)
    services.timing.end_meeting(conf_id, clock.wall())

    record = services.timing.meeting_record(conf_id)
    lines = {line.position: line for line in record.cases}
    assert (lines[1].actual_seconds, lines[1].budget_seconds, lines[1].over_text) == (840, 720, "+02:00")
    assert (lines[2].actual_seconds, lines[2].over_text) == (360, "-06:00")
    assert lines[3].actual_text == "not timed"
    assert [c.case_ref for c in record.discussed] == ["T-1"]
    assert [c.case_ref for c in record.deferred] == ["T-2"]
    assert [c.case_ref for c in record.overruns] == ["T-1"]
    assert record.meeting_seconds == 20 * 60 and record.planned_seconds == 36 * 60
    shares = {s.discipline: (s.seconds, s.percent_text) for s in record.time_share}
    assert shares == {PHYS: (360 + 240, "50%"), PSY: (180, "15%"), None: (300 + 120, "35%"),
                      PT: (0, "0%"), Discipline.PHARMACY: (0, "0%")}
    # Present but never heard: physical therapy and pharmacy attended and never held the floor.
    assert record.never_heard == (Discipline.PHYSICAL_THERAPY, Discipline.PHARMACY)
    assert record.missing_disciplines == ()
    assert dict(lines[1].phase_durations)[PRESENTATION] == 14 * 60
    assert [c.case_ref for c in record.not_reached] == ["T-3"]
    assert all(line.actual_seconds is None for line in record.cases if line.position == 3)
    assert third in services.timing.conference_timing(conf_id)


def test_the_meeting_clock_keeps_its_first_start_and_can_be_resumed(services: Services) -> None:
    conf_id, _items = meeting(services)
    assert services.timing.meeting_times(conf_id) is None
    first = services.timing.start_meeting(conf_id, START)
    again = services.timing.start_meeting(conf_id, START + timedelta(minutes=5))
    assert again.started_at == first.started_at == START
    ended = services.timing.end_meeting(conf_id, START + timedelta(hours=1))
    assert ended.ended_at == START + timedelta(hours=1)
    resumed = services.timing.resume_meeting(conf_id)
    assert resumed is not None and resumed.ended_at is None


def test_refused_input_changes_nothing(services: Services) -> None:
    conf_id, (first, *_rest) = meeting(services)
    services.timing.start_meeting(conf_id, START)
    before = table_snapshot(services.db)
    backwards = RecordedRun(
        "abc", floor_segments=(FloorSegment(PHYS, START, START - timedelta(seconds=1)),)
    )
    with pytest.raises(InvalidInputError, match="ends before it starts"):
        services.timing.save_run(first, backwards)
    naive = RecordedRun("abc", open_floor=(None, START.replace(tzinfo=None)))
    with pytest.raises(InvalidInputError, match="time zone"):
        services.timing.save_run(first, naive)
    with pytest.raises(NotFoundError):
        services.timing.save_run(987654, RecordedRun("abc", open_floor=(None, START)))
    with pytest.raises(InvalidInputError, match="after the start"):
        services.timing.end_meeting(conf_id, START - timedelta(minutes=1))
    with pytest.raises(NotFoundError):
        services.timing.start_meeting(987654, START)
    assert table_snapshot(services.db) == before


def test_taking_a_case_off_the_agenda_takes_its_timing_with_it(services: Services) -> None:
    _conf, (first, *_rest) = meeting(services)
    clock = FakeClock(START)
    item = _run_case(services, first, clock, [(1, PHYS)])
    item.stop()
    services.conferences.remove_agenda_item(first)
    with pytest.raises(NotFoundError):
        services.timing.item_timing(first)
    # The timer of a case taken off the agenda stops writing, and says why.
    clock.advance(1)
    item2 = TimedItem(first, 12, clock, store=services.timing)
    item2.start()
    assert isinstance(item2.error, NotFoundError)
    assert item2.flush()
