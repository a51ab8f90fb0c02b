"""Conferences: attendance, quorum, agenda order and status, and inputs per agenda item."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from mdtboard.domain.case import Case, Discipline, DisciplineInput, Patient
from mdtboard.domain.conference import (
    AgendaStatus,
    Attendee,
    AttendeeRole,
    Conference,
    ConferenceMode,
    quorum,
)
from mdtboard.domain.errors import ConflictError, InvalidInputError, NotFoundError
from mdtboard.services.context import Services


def _cases(services: Services, n: int) -> list[int]:
    return [
        services.cases.create(Case(ref=f"C-{i}", fictional=True, patient=Patient(f"Patient {i}"))).id or 0
        for i in range(n)
    ]


def _conference(
    services: Services, when: datetime = datetime(2026, 12, 3, 13, 0), **kw: object
) -> Conference:
    return services.conferences.create(Conference(title="Pain MDT", starts_at=when, room="Room 4", **kw))  # type: ignore[arg-type]


def test_create_with_attendance_and_quorum(services: Services) -> None:
    conf = _conference(services, chair="Dr Okafor", mode=ConferenceMode.TRAINING)
    services.conferences.add_attendee(
        conf.id or 0, Attendee("Dr Okafor", Discipline.PHYSICIAN, AttendeeRole.CHAIR)
    )
    services.conferences.add_attendee(conf.id or 0, Attendee("Sam Lee", Discipline.PHYSICAL_THERAPY))
    got = services.conferences.get(conf.id or 0)
    assert got.mode is ConferenceMode.TRAINING
    assert [a.name for a in got.attendees] == ["Dr Okafor", "Sam Lee"]
    q = quorum(got.attendees)
    assert not q.quorate and q.missing == (Discipline.PSYCHOLOGY,)
    assert "psychology" in q.describe()
    services.conferences.add_attendee(conf.id or 0, Attendee("Ana Ruiz", Discipline.PSYCHOLOGY))
    assert quorum(services.conferences.get(conf.id or 0).attendees).quorate


def test_one_person_is_listed_once(services: Services) -> None:
    """The same person added twice (a double Enter, two PCs at once, another spelling of the same name) is
    refused with a message, and renaming someone to a name already listed too; the list stays as it was."""
    conf_id = _conference(services).id or 0
    sam = services.conferences.add_attendee(conf_id, Attendee("Sam Lee", Discipline.PHYSICAL_THERAPY))
    ana = services.conferences.add_attendee(conf_id, Attendee("Ana Ruiz", Discipline.PSYCHOLOGY))
    for again in ("Sam Lee", " sam  lee "):
        with pytest.raises(InvalidInputError, match="Sam Lee is already on the attendance list"):
            services.conferences.add_attendee(conf_id, Attendee(again, Discipline.PHYSICIAN))
    with pytest.raises(InvalidInputError, match="Sam Lee is already on the attendance list"):
        services.conferences.update_attendee(replace(ana, name="SAM LEE"))
    services.conferences.update_attendee(replace(sam, role=AttendeeRole.PRESENTER))  # keeping one's name
    other = _conference(services, datetime(2026, 12, 10, 13, 0)).id or 0
    services.conferences.add_attendee(other, Attendee("Sam Lee", Discipline.PHYSICAL_THERAPY))  # elsewhere
    listed = services.conferences.get(conf_id).attendees
    assert [(a.name, a.role) for a in listed] == [
        ("Sam Lee", AttendeeRole.PRESENTER), ("Ana Ruiz", AttendeeRole.MEMBER)]


def test_observer_does_not_make_quorum() -> None:
    attendees = [
        Attendee("A", Discipline.PHYSICIAN),
        Attendee("B", Discipline.PHYSICAL_THERAPY),
        Attendee("C", Discipline.PSYCHOLOGY, AttendeeRole.OBSERVER),
    ]
    assert quorum(attendees).missing == (Discipline.PSYCHOLOGY,)


def test_agenda_add_reorder_move_and_budget(services: Services) -> None:
    ids = _cases(services, 3)
    conf = _conference(services, default_minutes=15)
    items = [services.conferences.add_agenda_item(conf.id or 0, cid) for cid in ids]
    assert [i.minutes for i in items] == [15, 15, 15]
    first = services.conferences.add_agenda_item(
        conf.id or 0, services.cases.create(Case("C-X", True, Patient("X"))).id or 0, minutes=20, position=0
    )
    agenda = services.conferences.get(conf.id or 0).agenda
    assert [a.id for a in agenda] == [first.id, *(i.id for i in items)]
    assert [a.position for a in agenda] == [0, 1, 2, 3]
    reordered = services.conferences.reorder(
        conf.id or 0, [items[2].id or 0, items[0].id or 0, items[1].id or 0, first.id or 0]
    )
    assert [a.case_ref for a in reordered] == ["C-2", "C-0", "C-1", "C-X"]
    moved = services.conferences.move(first.id or 0, -1)
    assert [a.case_ref for a in moved] == ["C-2", "C-0", "C-X", "C-1"]
    with pytest.raises(InvalidInputError):
        services.conferences.reorder(conf.id or 0, [items[0].id or 0])
    with pytest.raises(InvalidInputError, match="already on"):
        services.conferences.add_agenda_item(conf.id or 0, ids[0])
    with pytest.raises(InvalidInputError, match="between 1 and 240"):
        services.conferences.add_agenda_item(
            conf.id or 0, services.cases.create(Case("C-Y", True, Patient("Y"))).id or 0, minutes=0
        )


def test_status_times_and_conflict(services: Services) -> None:
    (cid,) = _cases(services, 1)
    conf = _conference(services)
    item = services.conferences.add_agenda_item(conf.id or 0, cid)
    started = services.conferences.update_agenda_item(item, status=AgendaStatus.IN_DISCUSSION)
    assert started.started_at is not None and started.ended_at is None and started.version == 1
    with pytest.raises(ConflictError):
        services.conferences.update_agenda_item(item, status=AgendaStatus.DISCUSSED)  # stale version 0
    done = services.conferences.update_agenda_item(started, status=AgendaStatus.DISCUSSED)
    assert done.ended_at is not None and done.status is AgendaStatus.DISCUSSED


def test_deferred_cases_are_offered_to_the_next_conference(services: Services) -> None:
    a, b = _cases(services, 2)
    week1 = _conference(services, datetime(2026, 12, 3, 13))
    week2 = _conference(services, datetime(2026, 12, 10, 13))
    ia = services.conferences.add_agenda_item(week1.id or 0, a)
    services.conferences.add_agenda_item(week1.id or 0, b)
    services.conferences.update_agenda_item(ia, status=AgendaStatus.DEFERRED)
    offered = services.conferences.deferred_before(week2.id or 0)
    assert [o.case_id for o in offered] == [a]
    services.cases.archive(a)  # archived: not offered until restored
    assert services.conferences.deferred_before(week2.id or 0) == []
    services.cases.unarchive(a)
    assert [o.case_id for o in services.conferences.deferred_before(week2.id or 0)] == [a]
    services.conferences.add_agenda_item(week2.id or 0, a)
    assert services.conferences.deferred_before(week2.id or 0) == []


def test_inputs_belong_to_the_agenda_item(services: Services) -> None:
    (cid,) = _cases(services, 1)
    c1 = _conference(services, datetime(2026, 12, 3, 13))
    c2 = _conference(services, datetime(2026, 12, 10, 13))
    i1 = services.conferences.add_agenda_item(c1.id or 0, cid)
    i2 = services.conferences.add_agenda_item(c2.id or 0, cid)
    services.conferences.add_input(i1.id or 0, DisciplineInput(Discipline.PHYSICIAN, "Dr A", "first", "r1"))
    services.conferences.add_input(i2.id or 0, DisciplineInput(Discipline.PHYSICIAN, "Dr A", "second", "r2"))
    assert [x.assessment for x in services.conferences.inputs(i1.id or 0)] == ["first"]
    assert [x.assessment for x in services.conferences.inputs(i2.id or 0)] == ["second"]
    # conference inputs are not the case's prepared inputs
    assert services.cases.get(cid).discipline_inputs is None


def test_input_conflict_keeps_both_texts(services: Services) -> None:
    (cid,) = _cases(services, 1)
    conf = _conference(services)
    item = services.conferences.add_agenda_item(conf.id or 0, cid)
    created = services.conferences.add_input(
        item.id or 0, DisciplineInput(Discipline.PSYCHOLOGY, assessment="v0")
    )
    created.assessment = "from PC one"
    services.conferences.update_input(created)
    stale = services.conferences.inputs(item.id or 0)[0]
    stale.version = 0
    stale.assessment = "from PC two"
    with pytest.raises(ConflictError) as info:
        services.conferences.update_input(stale)
    assert info.value.mine.assessment == "from PC two"
    assert info.value.theirs.assessment == "from PC one"
    assert services.conferences.inputs(item.id or 0)[0].assessment == "from PC one"


def test_missing_things_are_not_found(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.conferences.get(999)
    with pytest.raises(NotFoundError):
        services.conferences.add_attendee(999, Attendee("A", Discipline.PHYSICIAN))
    with pytest.raises(InvalidInputError, match="title"):
        services.conferences.create(Conference(title=" ", starts_at=datetime(2026, 1, 1)))


def test_restore_agenda_item_puts_back_place_status_times_and_inputs(services: Services) -> None:
    a, b, c = _cases(services, 3)
    conf = _conference(services)
    cid = conf.id or 0
    for case_id in (a, b, c):
        services.conferences.add_agenda_item(cid, case_id, minutes=20 if case_id == b else None)
    middle = services.conferences.get(cid).agenda[1]
    middle = services.conferences.update_agenda_item(middle, status=AgendaStatus.DEFERRED)
    for inp in (
        DisciplineInput(Discipline.PSYCHOLOGY, "Ana", "calm", "CBT"),
        DisciplineInput(Discipline.PHYSICIAN, "Dr O", "stable", None),
    ):
        services.conferences.add_input(middle.id or 0, inp)
    inputs = services.conferences.inputs(middle.id or 0)
    services.conferences.remove_agenda_item(middle.id or 0)
    assert [i.case_id for i in services.conferences.get(cid).agenda] == [a, c]

    restored = services.conferences.restore_agenda_item(cid, middle, inputs)
    agenda = services.conferences.get(cid).agenda
    assert [i.case_id for i in agenda] == [a, b, c]
    assert [i.position for i in agenda] == [0, 1, 2]
    assert restored.id != middle.id
    assert (restored.minutes, restored.status) == (20, AgendaStatus.DEFERRED)
    assert restored.ended_at == middle.ended_at
    back = services.conferences.inputs(restored.id or 0)
    assert [(x.discipline, x.author, x.assessment, x.recommendations) for x in back] == [
        (Discipline.PSYCHOLOGY, "Ana", "calm", "CBT"),
        (Discipline.PHYSICIAN, "Dr O", "stable", None),
    ]
    with pytest.raises(InvalidInputError, match="already on"):
        services.conferences.restore_agenda_item(cid, middle, inputs)
    assert len(services.conferences.get(cid).agenda) == 3


def test_the_facilitator_of_a_teaching_conference_is_not_the_trainee_in_the_chair() -> None:
    when = datetime(2026, 12, 3, 13, 0)
    led = Conference(title="Teaching", starts_at=when, mode=ConferenceMode.TRAINING, chair="Dr Okafor",
                     attendees=[Attendee("Dr Okafor", Discipline.PHYSICIAN, AttendeeRole.CHAIR),
                                Attendee("Zoe Trainee", Discipline.PHYSICIAN, AttendeeRole.TRAINEE)])
    assert led.facilitator == "Dr Okafor"
    chaired = replace(led, chair="Zoe Trainee", attendees=[
        Attendee("Dr Okafor", Discipline.PHYSICIAN, AttendeeRole.OBSERVER),
        Attendee("Zoe Trainee", Discipline.PHYSICIAN, AttendeeRole.TRAINEE)])
    assert chaired.facilitator == "Dr Okafor"
    assert replace(chaired, attendees=chaired.attendees[1:]).facilitator is None
