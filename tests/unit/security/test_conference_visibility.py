"""Trainees and observers see fictional cases and the cases of the conferences they attend: the conference
list, a conference's agenda, its minutes, its timing and the inputs given on it are filtered by the services
as the case list and care plans are. Tested as a table, every role against every read of a conference it
does not attend that has a real case on its agenda, on SQLite and PostgreSQL; and what every role sees
whatever its role (a conference it attends, one with fictional cases only)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from signing import account_for

from mdtboard.domain.accounts import Role
from mdtboard.domain.case import Case, Discipline, Patient
from mdtboard.domain.conference import AgendaStatus, Attendee, AttendeeRole, Conference
from mdtboard.services.accounts import AccountService
from mdtboard.services.context import Services
from mdtboard.services.minutes import MinutesService
from mdtboard.services.permissions import NotAllowedError, act_as_account

PHYS = Discipline.PHYSICIAN
SEES_REAL = {Role.ADMINISTRATOR: True, Role.CHAIR: True, Role.MEMBER: True, Role.TRAINEE: False,
             Role.OBSERVER: False}


class Conferences:
    """Three conferences: one with a real case that the person under test attends (``attended``), one with
    a real case they do not attend (``other``; its case deferred, so later conferences offer it again), and
    a teaching conference with a fictional case only (``teaching``), which they do not attend either."""

    def __init__(self, services: Services, role: Role) -> None:
        act_as_account(None)
        s = services.conferences
        self.me = account_for(services, f"Dr {role.value.title()}", PHYS, frozenset({role}))
        def case(ref: str, name: str, fictional: bool) -> int:
            return services.cases.create(Case(ref=ref, fictional=fictional,
                                              patient=Patient(display_name=name))).id or 0

        real, hidden = case("R-1", "Pat Real", False), case("R-2", "Sue Hid", False)
        fictional = case("F-1", "Fay", True)
        self.hidden_case = hidden
        self.other = s.create(Conference(title="Other clinic", starts_at=datetime(2026, 12, 1, 13))).id or 0
        s.add_attendee(self.other, Attendee("Ana Ruiz", Discipline.PSYCHOLOGY, AttendeeRole.MEMBER))
        item = s.add_agenda_item(self.other, self.hidden_case)
        self.other_item = item.id or 0
        s.update_agenda_item(item, status=AgendaStatus.DEFERRED, reason="scan awaited")
        self.attended = s.create(Conference(title="Clinic", starts_at=datetime(2026, 12, 8, 13))).id or 0
        s.add_attendee(self.attended, Attendee(self.me.display_name, PHYS, AttendeeRole.MEMBER))
        self.attended_item = s.add_agenda_item(self.attended, real).id or 0
        self.teaching = s.create(Conference(title="Teaching", starts_at=datetime(2026, 12, 9, 13))).id or 0
        s.add_agenda_item(self.teaching, fictional)


def reads(services: Services, c: Conferences) -> dict[str, Callable[[], object]]:
    """Each read of the conference ``other`` (or of what belongs to it): True when it shows it."""
    minutes = MinutesService(services.db)
    s = services.conferences

    def listed() -> bool:
        return c.other in {x.id for x in s.list()}

    def in_overview() -> bool:
        return c.other in {o.id for o in minutes.overview()}

    def offered_again() -> bool:
        return c.hidden_case in {i.case_id for i in s.deferred_before(c.attended)}

    return {
        "list": listed,
        "overview": in_overview,
        "get": lambda: s.get(c.other),
        "minutes": lambda: minutes.minutes(c.other),
        "meeting record": lambda: services.timing.meeting_record(c.other),
        "conference timing": lambda: services.timing.conference_timing(c.other),
        "meeting times": lambda: services.timing.meeting_times(c.other),
        "item timing": lambda: services.timing.item_timing(c.other_item),
        "inputs given": lambda: s.inputs(c.other_item),
        "case inputs": lambda: services.careplans.inputs_for(c.hidden_case, c.other_item),
        "deferred offered again": offered_again,
    }


@pytest.mark.parametrize("role", list(Role))
def test_every_role_against_every_read_of_a_conference_not_attended(services: Services, role: Role) -> None:
    c = Conferences(services, role)
    AccountService.become(c.me)
    shown: dict[str, bool] = {}
    for name, read in reads(services, c).items():
        try:
            result = read()
        except NotAllowedError as refused:
            assert "Nothing was changed" in str(refused) and "Sue Hid" not in str(refused)
            shown[name] = False
        else:
            shown[name] = result if isinstance(result, bool) else True
    assert shown == {name: SEES_REAL[role] for name in reads(services, c)}


@pytest.mark.parametrize("role", list(Role))
def test_every_role_sees_the_conferences_it_attends_and_the_fictional_ones(
    services: Services, role: Role
) -> None:
    c = Conferences(services, role)
    AccountService.become(c.me)
    minutes = MinutesService(services.db)
    assert {c.attended, c.teaching} <= {x.id for x in services.conferences.list()}
    for conf_id in (c.attended, c.teaching):
        assert services.conferences.get(conf_id).agenda
        assert len(minutes.minutes(conf_id).cases) == 1
        services.timing.conference_timing(conf_id)
    assert [i.case_ref for i in services.conferences.get(c.attended).agenda] == ["R-1"]
    assert services.conferences.inputs(c.attended_item) == []
    act_as_account(None)  # the command line (nobody signed in) sees everything
    assert {c.other, c.attended, c.teaching} == {x.id for x in services.conferences.list()}
