"""Training mode reads what the conference timers recorded when nothing was typed in, and what was typed in
wins (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

from mdtboard.domain.case import Case, Discipline, Patient
from mdtboard.domain.conference import Attendee, AttendeeRole, Conference, ConferenceMode
from mdtboard.domain.progress import DisciplineTime
from mdtboard.domain.timers import PRESENTATION, FakeClock, Phase
from mdtboard.services.context import Services
from mdtboard.services.timed_item import TimedItem

ZOE = "Zoë Ångström-Nguyễn"


def test_timed_presentation_and_discussion_reach_training_mode(services: Services) -> None:
    conf = services.conferences.create(
        Conference(title="Timed", starts_at=datetime(2026, 3, 9, 13), mode=ConferenceMode.TRAINING)
    )
    assert conf.id is not None
    services.conferences.add_attendee(conf.id, Attendee(ZOE, Discipline.PHYSICIAN, AttendeeRole.TRAINEE))
    case = services.cases.create(Case(ref="TEACH-T", fictional=True, patient=Patient("Teaching patient")))
    item_id = services.conferences.add_agenda_item(conf.id, case.id or 0).id or 0
    services.training.assign_role(item_id, ZOE)
    assert services.training.timing(item_id) is None

    clock = FakeClock(datetime(2026, 3, 9, 13, 0, tzinfo=UTC))
    timed = TimedItem(item_id, 12, clock, store=services.timing)
    timed.enter_phase(PRESENTATION)
    timed.mark_floor(Discipline.PHYSICIAN)
    timed.start()
    clock.advance(minutes=4, seconds=10)
    timed.enter_phase(Phase.turn(Discipline.PSYCHOLOGY))
    timed.mark_floor(Discipline.PSYCHOLOGY)
    clock.advance(90)
    timed.stop()

    timing = services.training.timing(item_id)
    assert timing is not None and timing.id is None  # read from the timers, not typed in
    assert timing.presentation_seconds == 250
    # The presenter (a physician) spoke only within the presentation: 0 s of the discussion.
    assert timing.discussion == (
        DisciplineTime(Discipline.PHYSICIAN, 0), DisciplineTime(Discipline.PSYCHOLOGY, 90)
    )
    presented = services.training.conference_record(conf.id or 0).presentations
    assert [(p.trainee, p.seconds) for p in presented] == [(ZOE, 250)]

    typed = services.training.record_timing(item_id, presentation_seconds=200)
    assert services.training.timing(item_id) == typed
    presented = services.training.conference_record(conf.id or 0).presentations
    assert [(p.trainee, p.seconds) for p in presented] == [(ZOE, 200)]
