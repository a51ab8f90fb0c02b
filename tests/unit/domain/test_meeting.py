"""The meeting record worked out from plain agenda data and what the timers recorded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import (
    AgendaItem,
    AgendaStatus,
    Attendee,
    AttendeeRole,
    Conference,
)
from mdtboard.domain.errors import InvalidInputError
from mdtboard.domain.meeting import ItemRecord, summarize_meeting, whole_seconds
from mdtboard.domain.timers import PLAN, PRESENTATION, CaseTimer, FakeClock, FloorSegment, Phase

T0 = datetime(2026, 3, 4, 16, 0, tzinfo=UTC)
DOC = Discipline.PHYSICIAN
PT = Discipline.PHYSICAL_THERAPY
PSY = Discipline.PSYCHOLOGY
PHARM = Discipline.PHARMACY
NURSE = Discipline.NURSING


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def floor(*parts: tuple[Discipline | None, float, float]) -> tuple[FloorSegment, ...]:
    return tuple(FloorSegment(d, at(a), at(b)) for d, a, b in parts)


def conference(attendees: list[Attendee] | None = None) -> Conference:
    return Conference(
        title="Pain MDT, March",
        starts_at=datetime(2026, 3, 4, 16, 0),
        room="Seminar room 2",
        chair="Dr Ada Byrne",
        attendees=attendees
        if attendees is not None
        else [
            Attendee("Dr Ada Byrne", DOC, AttendeeRole.CHAIR),
            Attendee("Sam Okafor", PT),
            Attendee("Lee Park", PHARM),
            Attendee("Jo Rees", NURSE),
            Attendee("Kim Vale", PSY, AttendeeRole.OBSERVER),  # observers do not make a quorum
        ],
    )


def items() -> list[ItemRecord]:
    return [
        ItemRecord(
            "CASE-A", "Alex Example", "Low back pain", 12, AgendaStatus.DISCUSSED, at(0), at(16),
            active_seconds=15 * 60,
            phase_durations=((PLAN, 120.0), (PRESENTATION, 400.0), (Phase.turn(PT), 380.0)),
            floor_segments=floor((DOC, 0, 5), (PT, 5, 9), (PHARM, 9, 11), (None, 11, 15)),
        ),
        ItemRecord(
            "CASE-B", "Bo Sample", None, 10, AgendaStatus.DEFERRED, at(16), at(20),
            floor_segments=floor((DOC, 16, 20)),
        ),
        ItemRecord(
            "CASE-C", "Cy Trial", "Neck pain", 12, AgendaStatus.DISCUSSED, at(20), at(29.01),
            floor_segments=floor((DOC, 20, 26), (PHARM, 26, 29)),
        ),
        ItemRecord("CASE-D", "Di Test", "Widespread pain", 15, AgendaStatus.PENDING),
        ItemRecord("CASE-E", "Ed Demo", None, 8, AgendaStatus.IN_DISCUSSION, at(29.5)),
    ]


def test_cases_by_outcome_and_time_against_budget() -> None:
    record = summarize_meeting(conference(), items())
    assert [c.case_ref for c in record.discussed] == ["CASE-A", "CASE-C"]
    assert [c.case_ref for c in record.deferred] == ["CASE-B"]
    assert [c.case_ref for c in record.not_reached] == ["CASE-D"]
    assert [c.case_ref for c in record.unfinished] == ["CASE-E"]
    a, b, c, d, e = record.cases
    assert [x.position for x in record.cases] == [1, 2, 3, 4, 5]
    # CASE-A: the timer's running time (pauses excluded) wins over end minus start.
    assert (a.budget_seconds, a.actual_seconds, a.over_seconds, a.over_text) == (720, 900, 180, "+03:00")
    assert (b.actual_seconds, b.over_seconds, b.over_text) == (240, -360, "-06:00")
    assert c.actual_seconds == 541  # 9:00.6 rounds to the nearest second
    assert (d.actual_seconds, d.over_seconds, d.actual_text, d.over_text) == (None, None, "not timed", "–")
    assert e.actual_seconds is None  # started, not ended, no timer: unknown
    assert a.budget_text == "12:00" and a.actual_text == "15:00"


def test_overruns_say_which_and_by_how_much() -> None:
    record = summarize_meeting(conference(), items())
    assert [(c.case_ref, c.over_seconds) for c in record.overruns] == [("CASE-A", 180)]


def test_a_case_is_overrun_only_when_it_shows_in_whole_seconds() -> None:
    on_time = ItemRecord("X", "P", None, 12, AgendaStatus.DISCUSSED, active_seconds=720.4)
    late = ItemRecord("Y", "P", None, 12, AgendaStatus.DISCUSSED, active_seconds=720.5)
    record = summarize_meeting(conference(), [on_time, late])
    assert [c.case_ref for c in record.overruns] == ["Y"]
    assert record.cases[0].over_text == "00:00"
    assert whole_seconds(0.5) == 1 and whole_seconds(0.49) == 0


def test_time_share_across_the_meeting_and_per_case() -> None:
    record = summarize_meeting(conference(), items())
    share = {s.discipline: s for s in record.time_share}
    # Present (not observers) disciplines are listed even when silent; unmarked time comes last.
    assert [s.discipline for s in record.time_share] == [DOC, PT, PHARM, NURSE, None]
    assert share[DOC].seconds == 15 * 60
    assert share[PT].seconds == 4 * 60
    assert share[PHARM].seconds == 5 * 60
    assert share[NURSE].seconds == 0
    assert share[None].seconds == 4 * 60
    assert PSY not in share  # the psychologist only observed and was never marked
    assert sum(s.fraction for s in record.time_share) == pytest.approx(1)
    assert share[DOC].fraction == pytest.approx(15 / 28)
    case_a = {s.discipline: s.seconds for s in record.cases[0].time_share}
    assert case_a == {DOC: 300, PT: 240, PHARM: 120, None: 240}
    assert record.cases[3].time_share == ()


def test_missing_and_never_heard_disciplines() -> None:
    record = summarize_meeting(conference(), items())
    assert record.floor_tracked
    assert record.missing_disciplines == (PSY,)
    assert not record.quorum.quorate
    assert record.never_heard == (NURSE,)
    chair = record.attendees[0]
    assert (chair.name, chair.discipline, chair.role) == ("Dr Ada Byrne", DOC, AttendeeRole.CHAIR)


def test_without_floor_tracking_nobody_is_said_to_be_silent() -> None:
    untimed = [
        ItemRecord("CASE-A", "Alex", None, 12, AgendaStatus.DISCUSSED, at(0), at(10),
                   floor_segments=floor((None, 0, 10))),
    ]
    record = summarize_meeting(conference(), untimed)
    assert not record.floor_tracked
    assert record.never_heard == ()
    assert [s.discipline for s in record.time_share] == [None]


def test_meeting_time_against_the_plan() -> None:
    record = summarize_meeting(conference(), items())
    assert record.planned_seconds == (12 + 10 + 12 + 15 + 8) * 60
    # No meeting clock: from the first case's start to the last recorded end.
    assert (record.started_at, record.ended_at) == (at(0), at(29.01))
    assert record.meeting_seconds == 1741
    assert record.over_plan_seconds == 1741 - 57 * 60
    assert record.case_seconds == 900 + 240 + 541
    clocked = summarize_meeting(conference(), items(), started_at=at(-5), ended_at=at(70))
    assert clocked.meeting_seconds == 75 * 60
    assert clocked.over_plan_seconds == 18 * 60


def test_a_meeting_where_nothing_was_timed() -> None:
    pending = ItemRecord("X", "P", None, 10, AgendaStatus.PENDING)
    record = summarize_meeting(conference(attendees=[]), [pending])
    assert record.meeting_seconds is None and record.over_plan_seconds is None
    assert record.case_seconds == 0
    assert record.missing_disciplines == (DOC, PT, PSY)
    assert record.time_share == () and record.never_heard == ()


def test_phase_durations_are_whole_seconds_in_phase_order() -> None:
    record = summarize_meeting(conference(), items())
    assert record.cases[0].phase_durations == ((PRESENTATION, 400), (Phase.turn(PT), 380), (PLAN, 120))


def test_inconsistent_input_names_every_problem() -> None:
    bad = [
        ItemRecord("CASE-A", "A", None, 0, AgendaStatus.DISCUSSED, at(10), at(5)),
        ItemRecord("CASE-B", "B", None, 10, AgendaStatus.DISCUSSED, active_seconds=-3,
                   floor_segments=floor((DOC, 5, 4)), phase_durations=((PLAN, float("nan")),)),
    ]
    with pytest.raises(InvalidInputError) as info:
        summarize_meeting(conference(), bad, started_at=at(10), ended_at=at(0))
    wheres = [p.where for p in info.value.problems]
    assert wheres == [
        "items[0] (CASE-A).budget_minutes",
        "items[0] (CASE-A).ended_at",
        "items[1] (CASE-B).active_seconds",
        "items[1] (CASE-B).floor_segments[0]",
        "items[1] (CASE-B).phase_durations[plan]",
        "ended_at",
    ]
    assert "Nothing was changed" in str(info.value)


def test_from_the_conference_agenda_and_a_real_case_timer() -> None:
    clock = FakeClock(wall_start=T0)
    timer = CaseTimer(10, clock)
    timer.enter_phase(PRESENTATION)
    timer.mark_floor(DOC)
    timer.start()
    clock.advance(minutes=6)
    timer.enter_phase(Phase.turn(PT))
    timer.mark_floor(PT)
    clock.advance(minutes=3)
    timer.pause()
    clock.advance(minutes=5)
    timer.resume()
    timer.mark_floor(PSY)
    clock.advance(minutes=3)
    timer.stop()
    conf = conference()
    timed = AgendaItem(case_id=1, position=0, minutes=10, status=AgendaStatus.DISCUSSED,
                       case_ref="CASE-T", patient_name="Tia Timer", case_title="Knee pain")
    skipped = AgendaItem(case_id=2, position=1, minutes=12, status=AgendaStatus.DEFERRED,
                         case_ref="CASE-S", patient_name="Sy Skip", ended_at=at(30))
    conf.agenda = [skipped, timed]
    record_item = ItemRecord.from_agenda(timed, timer.timing())
    assert (record_item.started_at, record_item.ended_at) == (T0, at(17))
    assert record_item.active_seconds == 12 * 60
    record = summarize_meeting(conf, [record_item, ItemRecord.from_agenda(skipped)])
    line = record.cases[0]
    assert (line.actual_seconds, line.over_text) == (720, "+02:00")
    assert line.phase_durations == ((PRESENTATION, 360), (Phase.turn(PT), 360))
    assert {s.discipline: s.seconds for s in line.time_share} == {DOC: 360, PT: 180, PSY: 180}
    assert record.never_heard == (PHARM, NURSE)
    assert record.cases[1].actual_seconds is None
    # The conference's own agenda, in agenda order, without timer data:
    plain = summarize_meeting(conf)
    assert [c.case_ref for c in plain.cases] == ["CASE-T", "CASE-S"]
    assert plain.cases[0].actual_seconds is None


def test_stored_start_and_end_win_over_the_timers() -> None:
    clock = FakeClock(wall_start=T0)
    timer = CaseTimer(10, clock)
    timer.start()
    clock.advance(60)
    timer.stop()
    stored = AgendaItem(case_id=1, position=0, minutes=10, status=AgendaStatus.DISCUSSED,
                        started_at=at(-1), ended_at=None, case_ref="CASE-T", patient_name="T")
    rec = ItemRecord.from_agenda(stored, timer.timing())
    assert (rec.started_at, rec.ended_at, rec.active_seconds) == (at(-1), at(1), 60)
    never = ItemRecord.from_agenda(stored, CaseTimer(10, clock).timing())
    assert never.active_seconds is None
