"""Two conferences in one room at overlapping times are found (for a warning), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta

from mdtboard.domain.case import Case, Patient
from mdtboard.domain.conference import AgendaItem, Conference, describe_clash, planned_span, room_clashes
from mdtboard.services.context import Services

TUESDAY = datetime(2027, 3, 2, 13, 0)


def test_the_planned_span_is_the_agenda_or_at_least_an_hour() -> None:
    conf = Conference("Pain MDT", TUESDAY)
    assert planned_span(conf) == (TUESDAY, TUESDAY + timedelta(hours=1))
    conf.agenda = [AgendaItem(case_id=n, position=n, minutes=20) for n in range(5)]
    assert planned_span(conf) == (TUESDAY, TUESDAY + timedelta(minutes=100))


def test_clashes_need_the_same_room_and_overlapping_times() -> None:
    first = Conference("Pain MDT", TUESDAY, room="Room 4", id=1)
    cases = [
        (Conference("Teaching", TUESDAY + timedelta(minutes=30), room="room  4"), True),  # spacing, case
        (Conference("Teaching", TUESDAY + timedelta(minutes=60), room="Room 4"), False),  # starts as it ends
        (Conference("Teaching", TUESDAY - timedelta(minutes=59), room="Room 4"), True),
        (Conference("Teaching", TUESDAY, room="Room 5"), False),
        (Conference("Teaching", TUESDAY, room=None), False),
        (Conference("Pain MDT", TUESDAY, room="Room 4", id=1), False),  # itself
    ]
    for second, clash in cases:
        assert (room_clashes(second, [first]) == [first]) is clash, second
    text = describe_clash(cases[0][0], [first])
    assert text == (
        "room  4 is booked at an overlapping time: Pain MDT (Tue 02 Mar 13:00\u201314:00) is there too."
    )


def test_the_service_finds_the_clash_in_the_database(services: Services) -> None:
    first = services.conferences.create(Conference("Pain MDT", TUESDAY, room="Room 4"))
    services.conferences.create(Conference("Pain MDT", TUESDAY + timedelta(days=7), room="Room 4"))
    services.conferences.create(Conference("Spine", TUESDAY, room="Room 5"))
    second = Conference("Teaching", TUESDAY + timedelta(minutes=45), room="Room 4")
    assert [c.id for c in services.conferences.room_clashes(second)] == [first.id]
    assert services.conferences.room_clashes(first) == []  # not with itself, nor a week later
    # a long agenda makes the first one run into a later booking
    assert first.id is not None
    later = Conference("Teaching", TUESDAY + timedelta(minutes=90), room="Room 4")
    assert services.conferences.room_clashes(later) == []
    for case_id in [services.cases.create(c).id for c in _cases(8)]:
        assert case_id is not None
        services.conferences.add_agenda_item(first.id, case_id)  # 8 x 12 minutes = 96 minutes
    assert [c.id for c in services.conferences.room_clashes(later)] == [first.id]


def _cases(n: int) -> list[Case]:
    return [Case(ref=f"ROOM-{i}", fictional=True, patient=Patient(f"Patient {i}")) for i in range(n)]
