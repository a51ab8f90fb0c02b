"""The permission table enforced by the services, tested as a table: an account of each role does every
action of the issue through the real services, on SQLite and PostgreSQL, and what it may do must be
exactly what the table of ``test_permissions_table`` says (written out there by hand)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from signing import account_for, pin_for
from test_permissions_table import expected

from mdtboard.domain.accounts import Account, Action, Credential, Role
from mdtboard.domain.case import Case, Discipline, DisciplineInput, Patient
from mdtboard.domain.conference import Attendee, AttendeeRole, Conference
from mdtboard.interchange.bundle import export_file
from mdtboard.services.accounts import AccountService
from mdtboard.services.context import Services
from mdtboard.services.permissions import NotAllowedError, act_as_account

PHYS, PSY = Discipline.PHYSICIAN, Discipline.PSYCHOLOGY
_refs = itertools.count(1)


class Room:
    """A real case and a fictional one, a conference with the case on its agenda, its draft plan; the
    person under test (``me``, a physician) and a psychologist on the attendance list."""

    def __init__(self, services: Services, role: Role) -> None:
        self.services = services
        self.real = services.cases.create(Case(ref="R-1", fictional=False,
                                               patient=Patient(display_name="Pat")))
        self.fictional = services.cases.create(Case(ref="F-1", fictional=True,
                                                    patient=Patient(display_name="Fay")))
        conf = services.conferences.create(Conference(title="MDT", starts_at=datetime(2026, 12, 3, 13)))
        self.me = account_for(services, f"Dr {role.value.title()}", PHYS, frozenset({role}))
        self.psychologist = account_for(services, "Ana Ruiz", PSY)
        for person, discipline in ((self.me, PHYS), (self.psychologist, PSY)):
            services.conferences.add_attendee(conf.id or 0, Attendee(person.display_name, discipline,
                                                                     AttendeeRole.MEMBER))
        self.item = services.conferences.add_agenda_item(conf.id or 0, self.fictional.id or 0).id or 0
        plan = services.careplans.create_draft(self.fictional.id or 0, agenda_item_id=self.item)
        self.plan_id = plan.id or 0

    def signed_by(self, account: Account, discipline: Discipline) -> None:
        """A sign-off of ``account`` on the plan, stored as it is (whatever the account may do now)."""
        with self.services.db.engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM care_plan_sign_offs WHERE plan_id = :p AND discipline = :d"),
                         {"p": self.plan_id, "d": discipline.value})
            conn.execute(sa.text(
                "INSERT INTO care_plan_sign_offs (plan_id, position, discipline, name, signed_at, account_id)"
                " VALUES (:p, 9, :d, :n, :t, :a)"
            ), {"p": self.plan_id, "d": discipline.value, "n": account.display_name,
                "t": datetime(2026, 12, 3, 14, tzinfo=UTC), "a": account.id})


def attempts(room: Room, tmp_path: Path) -> dict[Action, Callable[[], object]]:
    s, me = room.services, room.me
    mine = Credential(me.username, pin_for(me.username))

    def own_input() -> object:
        return s.conferences.add_input(room.item, DisciplineInput(PHYS, me.display_name, "Seen today."))

    def any_input() -> object:
        return s.conferences.add_input(room.item, DisciplineInput(PSY, "Ana Ruiz", "Said by the chair."))

    def accept() -> object:
        plan = s.careplans.get(room.plan_id)
        plan.review_date = datetime(2027, 1, 1 + next(_refs) % 28).date()
        return s.careplans.save_draft(plan)

    def sign() -> object:
        with s.db.engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM care_plan_sign_offs WHERE plan_id = :p"), {"p": room.plan_id})
        return s.careplans.sign_off(s.careplans.get(room.plan_id), PHYS, mine, open_items_reason="table")

    def withdraw_own() -> object:
        room.signed_by(me, PHYS)
        return s.careplans.withdraw_sign_off(s.careplans.get(room.plan_id), PHYS, mine)

    def withdraw_any() -> object:
        room.signed_by(room.psychologist, PSY)
        return s.careplans.withdraw_sign_off(s.careplans.get(room.plan_id), PSY, mine, reason="wrong case")

    return {
        Action.EDIT_CASES: lambda: s.cases.create(Case(ref=f"N-{next(_refs)}", fictional=True,
                                                       patient=Patient(display_name="New"))),
        Action.RUN_CONFERENCE: lambda: s.conferences.create(Conference(title="Next",
                                                                       starts_at=datetime(2026, 12, 10, 13))),
        Action.GIVE_OWN_INPUT: own_input,
        Action.GIVE_ANY_INPUT: any_input,
        Action.ACCEPT_INTO_PLAN: accept,
        Action.SIGN_FOR_DISCIPLINE: sign,
        Action.WITHDRAW_OWN_SIGNATURE: withdraw_own,
        Action.WITHDRAW_ANY_SIGNATURE: withdraw_any,
        Action.MANAGE_ACCOUNTS: lambda: s.accounts.add(me, f"new{next(_refs)}", "New person",
                                                       "long password!", [Role.MEMBER]),
        Action.EXPORT: lambda: export_file(s.cases, tmp_path / f"out{next(_refs)}.json", ["F-1"]),
        Action.SEE_REAL_CASES: lambda: s.cases.get(room.real.id or 0),
    }


@pytest.mark.parametrize("role", list(Role))
def test_every_action_of_a_role_through_the_services(services: Services, tmp_path: Path, role: Role) -> None:
    services.accounts.slowdown_s = 0  # type: ignore[misc]
    room = Room(services, role)
    AccountService.become(room.me)
    done: dict[Action, bool] = {}
    for action, attempt in attempts(room, tmp_path).items():
        try:
            attempt()
        except NotAllowedError as refused:
            assert "Nothing was changed" in str(refused)
            done[action] = False
        else:
            done[action] = True
    assert done == {a: expected()[(role, a)] for a in Action}


def test_a_trainee_sees_fictional_cases_and_those_of_conferences_attended(services: Services) -> None:
    real = services.cases.create(Case(ref="R-1", fictional=False, patient=Patient(display_name="Pat")))
    other = services.cases.create(Case(ref="R-2", fictional=False, patient=Patient(display_name="Sue")))
    services.cases.create(Case(ref="F-1", fictional=True, patient=Patient(display_name="Fay")))
    conf = services.conferences.create(Conference(title="MDT", starts_at=datetime(2026, 12, 3, 13)))
    services.conferences.add_attendee(conf.id or 0, Attendee("Ola Trainee", PHYS, AttendeeRole.TRAINEE))
    services.conferences.add_agenda_item(conf.id or 0, real.id or 0)
    trainee = account_for(services, "Ola Trainee", PHYS, frozenset({Role.TRAINEE}))
    act_as_account(trainee)
    assert [c.ref for c in services.cases.search()] == ["F-1"]  # the library lists fictional cases only
    assert services.cases.count() == 1 and services.cases.search(fictional=False) == []
    assert services.cases.get(real.id or 0).ref == "R-1"  # on the agenda of a conference attended
    with pytest.raises(NotAllowedError, match="not case R-2"):
        services.cases.get(other.id or 0)
    with pytest.raises(NotAllowedError):
        services.cases.get_by_ref("R-2")
    with pytest.raises(NotAllowedError, match="not case R-2"):  # nor what belongs to it
        services.careplans.current(other.id or 0)
    assert services.careplans.current(real.id or 0) is None  # attended: may look (it has no plan)
    act_as_account(None)
    assert services.cases.count() == 3


def test_exports_are_recorded_in_the_audit_trail_without_the_file(services: Services, tmp_path: Path) -> None:
    case = services.cases.create(Case(ref="F-1", fictional=True, patient=Patient(display_name="Fay")))
    member = account_for(services, "Sam Lee", Discipline.PHYSICAL_THERAPY)
    AccountService.become(member)
    export_file(services.cases, tmp_path / "secret-name.json", ["F-1"])
    last = services.audit.history(case.id or 0)[-1]
    assert (last.action, last.actor, last.account_id, last.fields) == ("export", member.username, member.id,
                                                                      ("bundle",))
    with services.db.engine.connect() as conn:
        trail = " ".join(str(r) for r in conn.execute(sa.text("SELECT * FROM audit_log")))
    assert "secret-name" not in trail
