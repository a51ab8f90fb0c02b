"""Managing accounts through the services, on SQLite and PostgreSQL: an administrator changes a person's
name, discipline and roles, gives a new password or PIN, and deactivates an account (never deleted: its
signatures keep naming it); every role is tried against every one of these actions (only administrators
may); each change is in the audit trail by field names, never a password, PIN or their hashes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
import sqlalchemy as sa
from signing import account_for, sign

from mdtboard.domain.accounts import Account, Credential, Role
from mdtboard.domain.case import Case, Discipline, Patient
from mdtboard.domain.conference import Attendee, AttendeeRole, Conference
from mdtboard.domain.errors import ConflictError, InvalidInputError
from mdtboard.services.accounts import AccountService, SignInError
from mdtboard.services.context import Services
from mdtboard.services.permissions import NotAllowedError

PASSWORD = "correct horse battery"


@pytest.fixture
def accounts(services: Services) -> Iterator[AccountService]:
    yield AccountService(services.db, slowdown_s=0)
    AccountService.sign_out()


def trail(services: Services) -> list[tuple[str, str | None, str]]:
    with services.db.engine.connect() as conn:
        return [(r.action, r.record_id, r.fields) for r in conn.execute(sa.text(
            "SELECT action, record_id, fields FROM audit_log WHERE record_type = 'accounts' ORDER BY id"))]


def test_an_administrator_changes_name_discipline_and_roles(
    services: Services, accounts: AccountService
) -> None:
    admin = accounts.create_first_administrator("ada", "Ada Okafor", PASSWORD)
    AccountService.become(admin)
    cho = accounts.add(admin, "cho", "Dr Cho", PASSWORD, [Role.MEMBER])
    changed = accounts.update_account(admin, cho, display_name="  Dr  Mei Cho ",
                                      discipline=Discipline.PHYSICIAN, roles=[Role.CHAIR, Role.MEMBER])
    assert (changed.display_name, changed.discipline, changed.roles) == (
        "Dr Mei Cho", Discipline.PHYSICIAN, {Role.CHAIR, Role.MEMBER})
    assert trail(services)[-1] == ("update", str(cho.id), '["discipline", "display_name", "roles"]')
    with pytest.raises(ConflictError):  # saved at the version the administrator saw
        accounts.update_account(admin, cho, display_name="Stale", discipline=None, roles=[Role.MEMBER])
    with pytest.raises(InvalidInputError, match="at least one role"):
        accounts.update_account(admin, changed, display_name="Dr Mei Cho", discipline=None, roles=[])
    with pytest.raises(InvalidInputError, match="at least one active administrator must remain"):
        accounts.update_account(admin, accounts.get_account(admin.id), display_name="Ada", discipline=None,
                                roles=[Role.MEMBER])
    with pytest.raises(InvalidInputError, match="cannot deactivate your own account"):
        accounts.set_active(admin, accounts.get_account(admin.id), False)


def test_a_new_password_or_pin_replaces_the_forgotten_one(
    services: Services, accounts: AccountService
) -> None:
    admin = accounts.create_first_administrator("ada", "Ada Okafor", PASSWORD)
    cho = accounts.add(admin, "cho", "Dr Cho", PASSWORD, [Role.MEMBER], pin="8642")
    for _ in range(5):  # locked out
        with pytest.raises(SignInError):
            accounts.verify(Credential("cho", "wrong password"))
    cho = accounts.reset_password(admin, accounts.get_account(cho.id), "a brand new password")
    assert accounts.verify(Credential("cho", "a brand new password")).id == cho.id  # and no longer locked
    with pytest.raises(SignInError):
        accounts.verify(Credential("cho", PASSWORD))
    with pytest.raises(InvalidInputError, match="at least 10 characters"):
        accounts.reset_password(admin, accounts.get_account(cho.id), "short")
    cho = accounts.reset_pin(admin, accounts.get_account(cho.id), "97531")
    assert accounts.identify_by_pin("97531").id == cho.id
    accounts.reset_pin(admin, accounts.get_account(cho.id), None)
    with pytest.raises(SignInError):
        accounts.verify(Credential("cho", "97531"))
    with services.db.engine.connect() as conn:
        text = " ".join(str(r) for r in conn.execute(sa.text(  # the chain's hashes and times apart
            "SELECT actor, host, action, record_type, record_id, fields FROM audit_log")))
        hashes = [h for (h,) in conn.execute(sa.text("SELECT password_hash FROM accounts"))]
    assert "97531" not in text and "brand new" not in text and not any(h in text for h in hashes)
    assert ("update", str(cho.id), '["password_hash"]') in [(a, r, f.replace('"failed_sign_ins", ', "")
                                                             .replace('"locked_until", ', ""))
                                                            for a, r, f in trail(services)]


def test_a_deactivated_account_signs_in_no_more_and_its_signatures_stay(
    services: Services, accounts: AccountService
) -> None:
    admin = accounts.create_first_administrator("ada", "Ada Okafor", PASSWORD)
    case = services.cases.create(Case(ref="F-1", fictional=True, patient=Patient(display_name="Fay")))
    conf = services.conferences.create(Conference(title="MDT", starts_at=datetime(2026, 12, 3, 13)))
    signer = account_for(services, "Dr Okafor", Discipline.PHYSICIAN)
    services.conferences.add_attendee(conf.id or 0, Attendee("Dr Okafor", Discipline.PHYSICIAN,
                                                             AttendeeRole.MEMBER))
    item = services.conferences.add_agenda_item(conf.id or 0, case.id or 0).id
    plan = services.careplans.create_draft(case.id or 0, agenda_item_id=item)
    plan = sign(services, plan, Discipline.PHYSICIAN, "Dr Okafor", open_items_reason="test")
    gone = accounts.set_active(admin, signer, False)
    assert not gone.active and "deactivated" in gone.label
    with pytest.raises(SignInError):
        accounts.sign_in(signer.username, "a long test password")
    assert signer.id not in {a.id for a in accounts.active()} and signer.id in {a.id for a in accounts.all()}
    kept = services.careplans.get(plan.id or 0).sign_offs
    assert [(s.account_id, s.name) for s in kept] == [(signer.id, "Dr Okafor")]
    assert accounts.set_active(admin, gone, True).active
    assert accounts.sign_in(signer.username, "a long test password").id == signer.id


ACTIONS: dict[str, Callable[[AccountService, Account, Account], object]] = {
    "add": lambda s, by, _a: s.add(by, "new-one", "New One", PASSWORD, [Role.MEMBER]),
    "update": lambda s, by, a: s.update_account(by, s.get_account(a.id), display_name="Renamed",
                                                discipline=None, roles=[Role.MEMBER]),
    "password": lambda s, by, a: s.reset_password(by, s.get_account(a.id), "another long password"),
    "pin": lambda s, by, a: s.reset_pin(by, s.get_account(a.id), "13579"),
    "deactivate": lambda s, by, a: s.set_active(by, s.get_account(a.id), False),
}


@pytest.mark.parametrize("role", list(Role))
def test_every_role_against_every_account_action(
    services: Services, accounts: AccountService, role: Role
) -> None:
    admin = accounts.create_first_administrator("ada", "Ada Okafor", PASSWORD)
    me = accounts.add(admin, "me", f"Dr {role.value}", PASSWORD, [role])
    others = {name: accounts.add(admin, f"other-{name}", "Other", PASSWORD, [Role.MEMBER])
              for name in ACTIONS}
    AccountService.become(me)
    done = {}
    for name, action in ACTIONS.items():
        try:
            action(accounts, me, others[name])
        except NotAllowedError as refused:
            assert "Nothing was changed" in str(refused)
            done[name] = False
        else:
            done[name] = True
    assert done == {name: role is Role.ADMINISTRATOR for name in ACTIONS}
