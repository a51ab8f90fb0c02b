"""TimedItem under a FakeClock: the countdown's states (running, two minutes left, overrun, paused) by text
and symbol, earlier runs counted on, phases and the floor written as they happen (a stretch going on is
written without its end), a failed write retried, and the readings of a countdown built from seconds."""

from __future__ import annotations

from datetime import timedelta

import pytest
from timing_setup import MemoryStore

from mdtboard.domain.case import Discipline
from mdtboard.domain.errors import DatabaseError, NotFoundError
from mdtboard.domain.timers import (
    PLAN,
    PRESENTATION,
    FakeClock,
    Phase,
    TimerState,
)
from mdtboard.services.timed_item import TimedItem, countdown_reading

PHYS, PSY, PT = Discipline.PHYSICIAN, Discipline.PSYCHOLOGY, Discipline.PHYSICAL_THERAPY


def timed(minutes: float = 12, store: MemoryStore | None = None) -> tuple[TimedItem, FakeClock, MemoryStore]:
    clock = FakeClock()
    store = store if store is not None else MemoryStore()
    return TimedItem(7, minutes, clock, store=store), clock, store


def test_countdown_goes_from_running_to_two_minutes_left_to_overrun_in_words_and_symbols() -> None:
    item, clock, _store = timed(12)
    assert item.reading().state is TimerState.NOT_STARTED
    assert item.reading().clock_text == "12:00"
    item.start()
    clock.advance(minutes=9, seconds=59)
    first = item.reading()
    assert (first.state, first.clock_text, first.label) == (TimerState.RUNNING, "02:01", "▶ running")
    clock.advance(1)
    warned = item.reading()
    assert (warned.state, warned.clock_text) == (TimerState.TWO_MINUTES_LEFT, "02:00")
    assert warned.label == "⚠ 2 min left" and warned.shape == "warning-triangle"
    clock.advance(minutes=2, seconds=30)
    over = item.reading()
    assert over.state is TimerState.OVERRUN
    assert (over.clock_text, over.signed_text, over.label) == ("+00:30", "-00:30", "‼ overrun +00:30")
    assert over.shape == "alarm-clock"


def test_pause_stops_the_countdown_and_says_so_with_the_overrun() -> None:
    item, clock, _store = timed(1)
    assert item.toggle() is TimerState.TWO_MINUTES_LEFT  # a one-minute budget starts inside the warning
    clock.advance(90)
    assert item.toggle() is TimerState.PAUSED
    clock.advance(600)
    paused = item.reading()
    assert paused.state is TimerState.PAUSED
    assert paused.label == "❚❚ paused · overrun +00:30"
    assert item.elapsed_seconds() == 90
    item.toggle()
    clock.advance(10)
    assert item.reading().clock_text == "+00:40"


def test_floor_and_phases_are_written_as_they_happen_with_the_current_stretch_open() -> None:
    item, clock, store = timed(12)
    item.enter_phase(PRESENTATION)  # before the start: begins with it
    item.start()
    start = item.timer.countdown.started_at
    assert start is not None
    run = store.runs[(7, item.run_key)]
    assert run.open_phase == (PRESENTATION, start)
    assert run.open_floor == (None, start)
    assert run.floor_segments == () and run.phase_segments == ()

    clock.advance(minutes=4)
    item.mark_floor(PHYS)
    item.enter_phase(Phase.turn(PHYS))
    run = store.runs[(7, item.run_key)]
    four = start + timedelta(minutes=4)
    assert [(s.phase, s.start, s.end) for s in run.phase_segments] == [(PRESENTATION, start, four)]
    assert [(s.discipline, s.start, s.end) for s in run.floor_segments] == [(None, start, four)]
    assert run.open_floor == (PHYS, four) and run.open_phase == (Phase.turn(PHYS), four)

    clock.advance(minutes=2)
    item.pause()  # a pause closes both
    run = store.runs[(7, item.run_key)]
    assert run.open_floor is None and run.open_phase is None
    assert run.floor_segments[-1].seconds == 120
    clock.advance(minutes=5)  # paused: not counted
    item.mark_floor(PSY)  # marked while paused: begins on resume
    item.resume()
    clock.advance(minutes=3)
    item.enter_phase(PLAN)
    clock.advance(minutes=1)
    item.stop()
    run = store.runs[(7, item.run_key)]
    assert run.open_floor is None and run.open_phase is None
    # What was written is exactly what the domain timer recorded.
    assert run.floor_segments == item.timer.floor_segments()
    assert run.phase_segments == item.timer.phase_segments()
    assert [(s.discipline, s.seconds) for s in run.floor_segments] == [(None, 240), (PHYS, 120), (PSY, 240)]
    assert sum(s.seconds for s in run.floor_segments) == item.elapsed_seconds() == 600
    assert dict(item.timer.phase_durations()) == {PRESENTATION: 240, Phase.turn(PHYS): 120 + 180, PLAN: 60}


def test_marking_the_same_speaker_again_writes_nothing() -> None:
    item, clock, store = timed()
    item.start()
    item.mark_floor(PT)
    writes = store.writes
    clock.advance(30)
    item.mark_floor(PT)
    assert store.writes == writes


def test_a_new_run_counts_on_from_the_time_recorded_and_keeps_the_presentation_time() -> None:
    item, clock, store = timed(3)
    item.enter_phase(PRESENTATION)
    item.start()
    clock.advance(minutes=2)
    follow = item.next_run()  # leaving the case stops this run
    assert item.run_state() is TimerState.STOPPED
    assert follow.run_key != item.run_key
    assert follow.reading().state is TimerState.PAUSED  # timed before, not running now
    assert follow.reading().clock_text == "01:00"
    assert follow.presentation().seconds == 120
    clock.advance(minutes=10)  # on another case meanwhile
    follow.start()
    clock.advance(minutes=1, seconds=5)
    assert follow.reading().label == "‼ overrun +00:05"
    assert follow.presentation().seconds == 185
    assert len(store.runs) == 2


def test_a_failed_write_keeps_the_timer_going_and_is_written_on_the_next_flush() -> None:
    store = MemoryStore(failing=True)
    item, clock, _ = timed(12, store)
    item.start()
    clock.advance(60)
    item.mark_floor(PSY)
    assert item.unsaved and item.error is not None and "busy" in str(item.error)
    assert item.reading().state is TimerState.RUNNING
    assert not item.flush()
    store.failing = False
    assert item.flush()
    assert not item.unsaved and item.error is None
    run = store.runs[(7, item.run_key)]
    assert [(s.discipline, s.seconds) for s in run.floor_segments] == [(None, 60)]
    assert run.open_floor is not None and run.open_floor[0] is PSY


def test_a_write_that_failed_later_is_written_again_and_an_item_gone_is_not() -> None:
    item, clock, store = timed(12)
    item.start()
    clock.advance(30)
    assert not item.unsaved and store.writes == 1  # written (as a background store reports at once)
    item.write_failed(DatabaseError("The database is busy with another program for too long."))
    assert item.unsaved and item.error is not None
    assert item.flush() and not item.unsaved and store.writes == 2  # the run written again, whole
    item.write_failed(NotFoundError("agenda item", 7))
    assert not item.unsaved and item.flush() and store.writes == 2  # nothing more to write


def test_a_stopped_run_ignores_new_speakers_and_toggle() -> None:
    item, clock, store = timed()
    item.start()
    clock.advance(5)
    item.stop()
    writes = store.writes
    item.mark_floor(PHYS)
    item.enter_phase(PLAN)
    assert item.toggle() is TimerState.STOPPED
    assert store.writes == writes


@pytest.mark.parametrize(
    ("elapsed", "state", "text", "label"),
    [
        (0.0, TimerState.RUNNING, "10:00", "▶ running"),
        (0.4, TimerState.RUNNING, "10:00", "▶ running"),
        (480.0, TimerState.TWO_MINUTES_LEFT, "02:00", "⚠ 2 min left"),
        (600.0, TimerState.TWO_MINUTES_LEFT, "00:00", "⚠ 2 min left"),
        (601.0, TimerState.OVERRUN, "+00:01", "‼ overrun +00:01"),
    ],
)
def test_countdown_reading_from_seconds(elapsed: float, state: TimerState, text: str, label: str) -> None:
    reading = countdown_reading(600.0, elapsed, TimerState.RUNNING)
    assert (reading.state, reading.clock_text, reading.label) == (state, text, label)


def test_countdown_reading_keeps_a_state_that_is_not_ticking() -> None:
    assert countdown_reading(600.0, 700.0, TimerState.STOPPED).label == "■ stopped · overrun +01:40"
    assert countdown_reading(600.0, 0.0, TimerState.NOT_STARTED).label == "○ not started"
