"""Countdowns, phases, the floor log and the meeting clock, driven by a fake clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdtboard.domain.case import Discipline
from mdtboard.domain.errors import InvalidInputError
from mdtboard.domain.meeting_clock import MeetingClock, planned_finish
from mdtboard.domain.timers import (
    PLAN,
    PRESENTATION,
    CaseTimer,
    Countdown,
    FakeClock,
    FloorSegment,
    Phase,
    PhaseKind,
    SystemClock,
    TimerState,
    TimerStateError,
    format_hms,
    format_mmss,
    time_share,
)

T0 = datetime(2026, 3, 4, 16, 0, tzinfo=UTC)
PT = Discipline.PHYSICAL_THERAPY
PSY = Discipline.PSYCHOLOGY
DOC = Discipline.PHYSICIAN


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(wall_start=T0)


# --- clocks and formatting ----------------------------------------------------------------------------


def test_fake_clock_moves_only_forward(clock: FakeClock) -> None:
    before = clock.now()
    clock.advance(90)
    clock.advance(minutes=1.5)
    assert clock.now() - before == 180
    assert clock.wall() == T0 + timedelta(minutes=3)
    with pytest.raises(ValueError, match="only moves forward"):
        clock.advance(-1)
    assert clock.now() - before == 180


def test_fake_clock_wants_an_aware_wall_time() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        FakeClock(wall_start=datetime(2026, 3, 4, 16, 0))


def test_system_clock_is_monotonic_and_aware() -> None:
    clock = SystemClock()
    first = clock.now()
    assert clock.now() >= first
    assert clock.wall().tzinfo is not None


@pytest.mark.parametrize(
    ("seconds", "plus", "text"),
    [
        (0, False, "00:00"),
        (59.99, False, "00:59"),
        (192, True, "+03:12"),
        (-192, False, "-03:12"),
        (-0.4, False, "00:00"),
        (125 * 60 + 7, False, "125:07"),
    ],
)
def test_format_mmss(seconds: float, plus: bool, text: str) -> None:
    assert format_mmss(seconds, plus=plus) == text


def test_format_hms() -> None:
    assert format_hms(0) == "0:00:00"
    assert format_hms(3600 + 5 * 60 + 12.9) == "1:05:12"
    assert format_hms(-5) == "0:00:00"


# --- countdown ----------------------------------------------------------------------------------------


def test_countdown_runs_through_its_states(clock: FakeClock) -> None:
    cd = Countdown(12, clock)
    assert cd.state() is TimerState.NOT_STARTED
    assert cd.reading().clock_text == "12:00"
    assert cd.reading().label == "○ not started"
    cd.start()
    assert cd.started_at == T0
    r = cd.reading()
    assert (r.state, r.clock_text, r.label, r.shape) == (TimerState.RUNNING, "12:00", "▶ running", "play")
    clock.advance(0.5)
    assert cd.reading().clock_text == "12:00"  # a second is shown until it has fully gone
    clock.advance(0.5)
    assert cd.reading().clock_text == "11:59"
    clock.advance(minutes=9, seconds=58)
    assert cd.state() is TimerState.RUNNING
    assert cd.remaining_seconds() == 121
    clock.advance(1)
    r = cd.reading()
    assert (r.state, r.clock_text, r.label) == (TimerState.TWO_MINUTES_LEFT, "02:00", "⚠ 2 min left")
    assert r.symbol == "⚠" and r.shape == "warning-triangle"
    clock.advance(120)
    r = cd.reading()
    assert (r.state, r.remaining_seconds, r.overrun_seconds, r.clock_text) == (
        TimerState.TWO_MINUTES_LEFT, 0, 0, "00:00"
    )
    clock.advance(192)
    r = cd.reading()
    assert r.state is TimerState.OVERRUN
    assert (r.remaining_seconds, r.overrun_seconds) == (0, 192)
    assert (r.clock_text, r.signed_text, r.label) == ("+03:12", "-03:12", "‼ overrun +03:12")
    assert r.shape == "alarm-clock"
    cd.stop()
    r = cd.reading()
    assert r.state is TimerState.STOPPED
    assert r.label == "■ stopped · overrun +03:12"
    assert cd.ended_at == T0 + timedelta(minutes=12, seconds=192)
    clock.advance(600)
    assert cd.elapsed_seconds() == 12 * 60 + 192  # a stopped countdown does not move


def test_every_state_has_words_a_symbol_and_a_shape() -> None:
    labels = {s.label for s in TimerState}
    symbols = {s.symbol for s in TimerState}
    shapes = {s.shape for s in TimerState}
    assert len(labels) == len(symbols) == len(shapes) == len(TimerState)
    assert all(s.describe().startswith(s.symbol + " ") for s in TimerState)


def test_pause_stops_the_countdown_and_resume_carries_on(clock: FakeClock) -> None:
    cd = Countdown(10, clock)
    cd.start()
    clock.advance(minutes=3)
    cd.pause()
    r = cd.reading()
    assert (r.state, r.label, r.clock_text) == (TimerState.PAUSED, "❚❚ paused", "07:00")
    clock.advance(minutes=4)
    assert cd.remaining_seconds() == 7 * 60
    assert cd.paused_seconds() == 4 * 60
    cd.resume()
    clock.advance(minutes=1)
    assert cd.elapsed_seconds() == 4 * 60
    assert cd.state() is TimerState.RUNNING
    cd.stop()
    assert cd.paused_seconds() == 4 * 60


def test_pause_during_overrun_keeps_the_overrun_and_freezes_it(clock: FakeClock) -> None:
    cd = Countdown(2, clock)
    cd.start()
    clock.advance(150)
    assert cd.state() is TimerState.OVERRUN
    cd.pause()
    clock.advance(300)
    r = cd.reading()
    assert r.state is TimerState.PAUSED
    assert r.overrun_seconds == 30
    assert r.label == "❚❚ paused · overrun +00:30"
    cd.resume()
    assert cd.state() is TimerState.OVERRUN
    clock.advance(10)
    assert cd.reading().label == "‼ overrun +00:40"


def test_a_one_minute_budget_warns_from_the_first_moment(clock: FakeClock) -> None:
    cd = Countdown(1, clock)
    assert cd.state() is TimerState.NOT_STARTED  # no warning before it runs
    cd.start()
    r = cd.reading()
    assert (r.state, r.clock_text) == (TimerState.TWO_MINUTES_LEFT, "01:00")
    clock.advance(60.5)
    assert cd.reading().label == "‼ overrun +00:00"
    clock.advance(0.5)
    assert cd.reading().label == "‼ overrun +00:01"


@pytest.mark.parametrize("budget", [0, -5, float("nan"), float("inf")])
def test_a_budget_must_be_above_zero(clock: FakeClock, budget: float) -> None:
    with pytest.raises(InvalidInputError, match="budget") as info:
        Countdown(budget, clock)
    assert "Nothing was changed" in str(info.value)


def test_resuming_after_stop_is_an_error_and_changes_nothing(clock: FakeClock) -> None:
    cd = Countdown(5, clock)
    cd.start()
    clock.advance(60)
    cd.pause()
    cd.stop()
    assert not cd.can("resume")
    with pytest.raises(TimerStateError, match="stopped timer stays stopped") as info:
        cd.resume()
    assert info.value.action == "resume"
    assert "Nothing was changed" in str(info.value)
    clock.advance(60)
    assert cd.state() is TimerState.STOPPED
    assert cd.elapsed_seconds() == 60


@pytest.mark.parametrize(
    ("setup", "action"),
    [
        ([], "pause"),
        ([], "resume"),
        ([], "stop"),
        (["start"], "start"),
        (["start"], "resume"),
        (["start", "pause"], "pause"),
        (["start", "pause"], "start"),
        (["start", "stop"], "stop"),
        (["start", "stop"], "pause"),
        (["start", "stop"], "start"),
    ],
)
def test_actions_the_state_does_not_allow_are_refused(
    clock: FakeClock, setup: list[str], action: str
) -> None:
    cd = Countdown(5, clock)
    for step in setup:
        getattr(cd, step)()
        clock.advance(10)
    before = (cd.state(), cd.elapsed_seconds(), cd.paused_seconds())
    assert not cd.can(action)
    with pytest.raises(TimerStateError):
        getattr(cd, action)()
    assert (cd.state(), cd.elapsed_seconds(), cd.paused_seconds()) == before


def test_can_names_only_known_actions(clock: FakeClock) -> None:
    with pytest.raises(ValueError, match="unknown timer action"):
        Countdown(5, clock).can("rewind")


def test_wall_times_follow_the_monotonic_clock_from_the_start(clock: FakeClock) -> None:
    cd = Countdown(5, clock)
    with pytest.raises(TimerStateError):
        cd.wall_at(clock.now())
    clock.advance(30)
    cd.start()
    clock.advance(90)
    assert cd.wall_at(clock.now()) == T0 + timedelta(seconds=120)
    assert cd.ended_at is None


# --- phases -------------------------------------------------------------------------------------------


def test_phase_labels_keys_and_order() -> None:
    turn = Phase.turn(PSY)
    assert (PRESENTATION.label, turn.label, PLAN.label) == ("Presentation", "Psychology", "Agreeing the plan")
    assert [p.key for p in (PRESENTATION, turn, PLAN)] == ["presentation", "discipline:psychology", "plan"]
    assert all(Phase.from_key(p.key) == p for p in (PRESENTATION, turn, PLAN))
    assert sorted([PLAN, Phase.turn(PSY), PRESENTATION, Phase.turn(DOC)], key=Phase.sort_key) == [
        PRESENTATION, Phase.turn(DOC), Phase.turn(PSY), PLAN,
    ]
    with pytest.raises(ValueError):
        Phase(PhaseKind.DISCIPLINE)
    with pytest.raises(ValueError):
        Phase(PhaseKind.PLAN, DOC)


def test_phase_time_accumulates_and_pauses_do_not_count(clock: FakeClock) -> None:
    timer = CaseTimer(12, clock)
    timer.enter_phase(PRESENTATION)
    timer.start()
    clock.advance(minutes=4)
    timer.enter_phase(Phase.turn(PT))
    clock.advance(minutes=2)
    timer.pause()
    clock.advance(minutes=10)
    timer.resume()
    clock.advance(minutes=1)
    timer.enter_phase(PRESENTATION)  # back to the presenter for a question
    clock.advance(30)
    timer.enter_phase(PLAN)
    clock.advance(minutes=2)
    assert timer.phase is PLAN
    assert timer.phase_durations() == ((PRESENTATION, 270.0), (Phase.turn(PT), 180.0), (PLAN, 120.0))
    timer.stop()
    segments = timer.phase_segments()
    assert [s.phase for s in segments] == [PRESENTATION, Phase.turn(PT), Phase.turn(PT), PRESENTATION, PLAN]
    assert segments[1].end == T0 + timedelta(minutes=6)
    assert segments[2].start == T0 + timedelta(minutes=16)  # the pause is a gap, not a segment
    assert sum(s.seconds for s in segments) == timer.countdown.elapsed_seconds()


def test_phase_timing_is_optional(clock: FakeClock) -> None:
    timer = CaseTimer(12, clock)
    timer.start()
    clock.advance(minutes=5)
    assert timer.phase is None
    assert timer.phase_durations() == ()
    timer.enter_phase(PLAN)
    clock.advance(minutes=1)
    timer.enter_phase(None)
    clock.advance(minutes=1)
    assert timer.phase_durations() == ((PLAN, 60.0),)


def test_presentation_against_its_target(clock: FakeClock) -> None:
    timer = CaseTimer(12, clock)
    timer.enter_phase(PRESENTATION)
    timer.start()
    clock.advance(minutes=3, seconds=12)
    p = timer.presentation()
    assert (p.over_target, p.label, p.shape) == (False, "◷ presentation 03:12 of 05:00", "clock")
    clock.advance(minutes=1, seconds=48)
    assert not timer.presentation().over_target  # exactly on target is not over
    clock.advance(40)
    p = timer.presentation()
    assert (p.over_target, p.over_seconds, p.label) == (True, 40, "⚠ presentation over target +00:40")
    assert p.symbol == "⚠" and p.shape == "warning-triangle"


def test_presentation_target_can_be_set(clock: FakeClock) -> None:
    timer = CaseTimer(12, clock, presentation_target_minutes=3)
    timer.enter_phase(PRESENTATION)
    timer.start()
    clock.advance(minutes=4)
    assert timer.presentation().over_seconds == 60
    with pytest.raises(InvalidInputError, match="presentation target"):
        CaseTimer(12, clock, presentation_target_minutes=0)


# --- the floor ----------------------------------------------------------------------------------------


def test_floor_log_records_who_spoke_and_for_how_long(clock: FakeClock) -> None:
    timer = CaseTimer(12, clock)
    timer.mark_floor(DOC)  # before the start: the physician opens
    timer.start()
    clock.advance(minutes=4)
    timer.mark_floor(PT)
    clock.advance(minutes=2)
    timer.mark_floor(PT)  # marking the same speaker again does not split the segment
    clock.advance(minutes=1)
    timer.mark_floor(None)
    clock.advance(30)
    timer.mark_floor(PSY)
    clock.advance(90)
    timer.stop()
    assert [(s.discipline, s.seconds) for s in timer.floor_segments()] == [
        (DOC, 240.0), (PT, 180.0), (None, 30.0), (PSY, 90.0),
    ]
    assert timer.floor_segments()[0].start == T0
    assert timer.floor_segments()[-1].end == T0 + timedelta(minutes=9)
    share = {s.discipline: s for s in timer.time_share()}
    assert [s.discipline for s in timer.time_share()] == [DOC, PT, PSY, None]
    assert share[DOC].fraction == pytest.approx(240 / 540)
    assert share[None].label == "No discipline marked"
    assert share[PT].percent_text == "33%"
    assert timer.timing().floor_segments == timer.floor_segments()


def test_switching_the_floor_while_paused_takes_effect_on_resume(clock: FakeClock) -> None:
    timer = CaseTimer(12, clock)
    timer.mark_floor(DOC)
    timer.start()
    clock.advance(60)
    timer.pause()
    clock.advance(60)
    timer.mark_floor(PSY)
    clock.advance(60)
    assert timer.speaker is PSY
    assert [(s.discipline, s.seconds) for s in timer.floor_segments()] == [(DOC, 60.0)]
    timer.resume()
    clock.advance(45)
    timer.stop()
    segments = timer.floor_segments()
    assert [(s.discipline, s.seconds) for s in segments] == [(DOC, 60.0), (PSY, 45.0)]
    assert segments[1].start == T0 + timedelta(minutes=3)


def test_zero_length_segments_are_left_out(clock: FakeClock) -> None:
    timer = CaseTimer(12, clock)
    timer.start()
    timer.mark_floor(DOC)  # at the very start: no empty "nobody" segment
    timer.enter_phase(PRESENTATION)
    clock.advance(60)
    timer.mark_floor(PT)
    timer.mark_floor(PSY)  # PT for no time at all
    timer.pause()
    timer.resume()  # a pause of no length makes no empty segment either
    clock.advance(30)
    timer.stop()
    assert [(s.discipline, s.seconds) for s in timer.floor_segments()] == [(DOC, 60.0), (PSY, 30.0)]
    assert [s.phase for s in timer.phase_segments()] == [PRESENTATION, PRESENTATION]
    assert all(s.seconds > 0 for s in timer.floor_segments())


def test_a_timer_stopped_at_once_has_no_segments(clock: FakeClock) -> None:
    timer = CaseTimer(12, clock)
    timer.start()
    timer.stop()
    assert timer.floor_segments() == ()
    assert timer.time_share() == ()


def test_after_stop_neither_speaker_nor_phase_can_change(clock: FakeClock) -> None:
    timer = CaseTimer(12, clock)
    timer.start()
    clock.advance(60)
    timer.stop()
    with pytest.raises(TimerStateError, match="it was stopped"):
        timer.mark_floor(PT)
    with pytest.raises(TimerStateError, match="it was stopped"):
        timer.enter_phase(PLAN)
    with pytest.raises(TimerStateError):
        timer.resume()
    assert timer.speaker is None and timer.phase is None
    assert [(s.discipline, s.seconds) for s in timer.floor_segments()] == [(None, 60.0)]


def test_the_open_segment_is_read_up_to_now(clock: FakeClock) -> None:
    timer = CaseTimer(12, clock)
    timer.mark_floor(PSY)
    timer.start()
    clock.advance(100)
    assert [(s.discipline, s.seconds) for s in timer.floor_segments()] == [(PSY, 100.0)]
    clock.advance(20)
    assert timer.floor_segments()[0].seconds == 120


def test_timing_snapshot(clock: FakeClock) -> None:
    timer = CaseTimer(3, clock)
    assert timer.timing().started_at is None
    timer.enter_phase(PRESENTATION)
    timer.start()
    clock.advance(100)
    timer.pause()
    clock.advance(20)
    timer.resume()
    clock.advance(100)
    timer.stop()
    t = timer.timing()
    assert (t.budget_seconds, t.active_seconds, t.paused_seconds) == (180, 200, 20)
    assert (t.started_at, t.ended_at) == (T0, T0 + timedelta(seconds=220))
    assert t.phase_durations == ((PRESENTATION, 200.0),)
    assert timer.reading().label == "■ stopped · overrun +00:20"


def test_time_share_lists_disciplines_asked_for_even_when_silent() -> None:
    seg = FloorSegment(PSY, T0, T0 + timedelta(minutes=2))
    shares = time_share([seg], include=[DOC, PSY])
    assert [(s.discipline, s.seconds, s.fraction) for s in shares] == [(DOC, 0.0, 0.0), (PSY, 120.0, 1.0)]
    assert [s.fraction for s in time_share([], include=[DOC])] == [0.0]


ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["advance", "pause", "resume", "floor", "phase"]),
        st.integers(min_value=0, max_value=400),
        st.sampled_from([None, *Discipline]),
    ),
    max_size=40,
)


@given(actions=ACTIONS)
def test_floor_segments_add_up_to_the_running_time(actions: list[tuple[str, int, Discipline | None]]) -> None:
    clock = FakeClock(wall_start=T0)
    timer = CaseTimer(10, clock)
    timer.start()
    for action, seconds, who in actions:
        if action == "advance":
            clock.advance(seconds)
        elif action == "floor":
            timer.mark_floor(who)
        elif action == "phase":
            timer.enter_phase(None if who is None else Phase.turn(who))
        elif timer.countdown.can(action):
            getattr(timer, action)()
    floor = timer.floor_segments()
    elapsed = timer.countdown.elapsed_seconds()
    assert sum(s.seconds for s in floor) == pytest.approx(elapsed)
    assert sum(s.seconds for s in timer.time_share()) == pytest.approx(elapsed)
    assert sum(sec for _, sec in timer.phase_durations()) <= elapsed + 1e-6
    assert all(s.seconds > 0 for s in floor)
    assert all(a.end <= b.start for a, b in zip(floor, floor[1:], strict=False))
    assert timer.countdown.remaining_seconds() - timer.countdown.overrun_seconds() == pytest.approx(
        600 - elapsed
    )


# --- the meeting clock --------------------------------------------------------------------------------


def test_meeting_clock_projects_the_finish_from_the_remaining_budgets(clock: FakeClock) -> None:
    meeting = MeetingClock(clock)
    assert meeting.elapsed_seconds() == 0
    meeting.start()
    plan = planned_finish(T0, [12, 10, 15])
    assert plan == T0 + timedelta(minutes=37)
    current = CaseTimer(12, clock)
    current.start()
    clock.advance(minutes=5)
    f = meeting.forecast(current, [10, 15], planned_finish=plan)
    assert f.elapsed_seconds == 300
    assert (f.current_remaining_seconds, f.pending_seconds, f.remaining_seconds) == (420, 1500, 1920)
    assert f.projected_finish == T0 + timedelta(minutes=37)
    assert f.late_seconds == 0
    assert meeting.elapsed_text() == "0:05:00"


def test_an_overrun_pushes_the_projected_finish(clock: FakeClock) -> None:
    meeting = MeetingClock(clock)
    meeting.start()
    plan = planned_finish(T0, [12, 10])
    current = Countdown(12, clock)
    current.start()
    clock.advance(minutes=15)
    f = meeting.forecast(current, [10], planned_finish=plan)
    assert (f.current_remaining_seconds, f.current_overrun_seconds) == (0, 180)
    assert f.projected_finish == T0 + timedelta(minutes=25)
    assert f.late_seconds == 180


def test_a_paused_item_keeps_its_remaining_time_while_the_finish_moves(clock: FakeClock) -> None:
    meeting = MeetingClock(clock)
    meeting.start()
    current = CaseTimer(12, clock)
    current.start()
    clock.advance(minutes=2)
    current.pause()
    clock.advance(minutes=8)
    f = meeting.forecast(current, [])
    assert f.current_remaining_seconds == 600
    assert f.projected_finish == T0 + timedelta(minutes=20)
    assert f.late_seconds is None


def test_forecast_between_items_and_before_the_start(clock: FakeClock) -> None:
    meeting = MeetingClock(clock)
    clock.advance(minutes=3)
    f = meeting.forecast(None, [12, 12])
    assert f.elapsed_seconds == 0
    assert f.projected_finish == T0 + timedelta(minutes=27)
    waiting = Countdown(10, clock)
    assert meeting.forecast(waiting, [5]).remaining_seconds == 900


def test_meeting_clock_start_and_end(clock: FakeClock) -> None:
    meeting = MeetingClock(clock)
    with pytest.raises(TimerStateError, match="never started"):
        meeting.end()
    meeting.start()
    with pytest.raises(TimerStateError, match="already been started"):
        meeting.start()
    clock.advance(minutes=75)
    meeting.end()
    clock.advance(minutes=30)
    assert meeting.elapsed_seconds() == 75 * 60
    assert (meeting.started_at, meeting.ended_at) == (T0, T0 + timedelta(minutes=75))
    assert meeting.elapsed_text() == "1:15:00"
    with pytest.raises(TimerStateError, match="already ended"):
        meeting.end()


def test_every_symbol_is_in_the_shipped_font() -> None:
    from mdtboard.domain.timers import PresentationReading
    from mdtboard.reports.fonts import missing_glyphs

    texts = [s.describe() for s in TimerState]
    texts += [PresentationReading(10, 300).label, PresentationReading(400, 300).label]
    assert missing_glyphs("".join(texts)) == set()
    assert missing_glyphs("⏰") == {"⏰"}  # why the overrun symbol is not the alarm clock
