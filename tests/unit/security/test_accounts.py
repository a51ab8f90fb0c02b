"""Accounts: the first administrator, Argon2id hashes (rehashed when the parameters change), sign-in slowed
and locked after failures, and the audit trail recording the account signed in."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

from mdtboard.cli import main
from mdtboard.domain.accounts import Credential, Role
from mdtboard.domain.case import Case, Discipline, Patient
from mdtboard.domain.errors import InvalidInputError
from mdtboard.services import accounts as accounts_module
from mdtboard.services.accounts import LOCK_AFTER, AccountService, SignInError
from mdtboard.services.context import Services, open_services
from mdtboard.services.permissions import NotAllowedError
from mdtboard.storage import audit

PASSWORD = "correct horse battery"


@pytest.fixture
def accounts(services: Services) -> Iterator[AccountService]:
    yield AccountService(services.db, slowdown_s=0)
    audit.act_as(None)


def stored_hash(services: Services, username: str) -> str:
    with services.db.engine.connect() as conn:
        return str(conn.execute(sa.text("SELECT password_hash FROM accounts WHERE username = :u"),
                                {"u": username}).scalar_one())


def test_the_first_account_is_the_administrator_and_only_the_first(
    services: Services, accounts: AccountService
) -> None:
    admin = accounts.create_first_administrator("ada", "Ada Okafor", PASSWORD)
    assert admin.roles == {Role.ADMINISTRATOR}
    with pytest.raises(InvalidInputError, match="accounts exist already"):
        accounts.create_first_administrator("eve", "Eve", PASSWORD)
    chair = accounts.add(admin, "cho", "Dr Cho", PASSWORD, [Role.CHAIR, Role.MEMBER],
                         discipline=Discipline.PHYSICIAN)
    assert chair.roles == {Role.CHAIR, Role.MEMBER} and chair.discipline is Discipline.PHYSICIAN
    with pytest.raises(NotAllowedError, match="cho .* may not manage accounts"):
        accounts.add(chair, "mal", "Mal", PASSWORD, [Role.ADMINISTRATOR])
    assert [a.username for a in accounts.all()] == ["ada", "cho"]


def test_passwords_are_argon2id_at_owasp_parameters_never_stored_plain(
    services: Services, accounts: AccountService
) -> None:
    accounts.create_first_administrator("ada", "Ada Okafor", PASSWORD)
    hashed = stored_hash(services, "ada")
    assert hashed.startswith("$argon2id$v=19$")
    params = dict(p.split("=") for p in hashed.split("$")[3].split(","))
    memory, passes, lanes = int(params["m"]), int(params["t"]), int(params["p"])
    # OWASP's equivalent settings: (m=47104, t=1), (19456, 2), (12288, 3), (9216, 4), (7168, 5); p=1
    assert memory * passes >= 19456 * 2 and lanes >= 1
    with services.db.engine.connect() as conn:
        everything = json.dumps([list(map(str, r)) for r in conn.execute(sa.text("SELECT * FROM accounts"))])
    assert PASSWORD not in everything
    with pytest.raises(InvalidInputError, match="at least 10 characters"):
        accounts.create_first_administrator("bob", "Bob", "short")


def test_a_hash_with_old_parameters_is_made_again_at_sign_in(
    services: Services, accounts: AccountService
) -> None:
    accounts.create_first_administrator("ada", "Ada Okafor", PASSWORD)
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    with services.db.engine.begin() as conn:
        conn.execute(sa.text("UPDATE accounts SET password_hash = :h"), {"h": weak})
    accounts.sign_in("ada", PASSWORD)
    renewed = stored_hash(services, "ada")
    assert renewed != weak and not accounts_module.HASHER.check_needs_rehash(renewed)


def test_failed_sign_ins_lock_the_account_for_a_while(services: Services, accounts: AccountService) -> None:
    accounts.create_first_administrator("ada", "Ada Okafor", PASSWORD)
    now = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
    for _ in range(LOCK_AFTER):
        with pytest.raises(SignInError, match="Wrong name or password"):
            accounts.sign_in("ada", "guess guess guess", now=now)
    with pytest.raises(SignInError, match="locked"):
        accounts.sign_in("ada", PASSWORD, now=now + timedelta(minutes=1))  # even the right password
    assert accounts.sign_in("ada", PASSWORD, now=now + timedelta(minutes=6)).username == "ada"
    with pytest.raises(SignInError, match="Wrong name or password"):
        accounts.sign_in("nobody", PASSWORD, now=now)


def test_changes_after_sign_in_are_recorded_with_the_account(
    services: Services, accounts: AccountService
) -> None:
    admin = accounts.create_first_administrator("ada", "Ada Okafor", PASSWORD)
    signed = accounts.sign_in("ada", PASSWORD)
    services.cases.create(Case(ref="S-1", fictional=True, patient=Patient(display_name="Sam")))
    with services.db.engine.connect() as conn:
        last = conn.execute(sa.text("SELECT actor, account_id FROM audit_log ORDER BY id DESC LIMIT 1")).one()
    assert tuple(last) == ("ada", admin.id) and signed.id == admin.id
    accounts.sign_out()
    assert audit.current_actor().account_id is None
    assert services.audit.verify().ok


def test_accounts_from_the_command_line(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(accounts_module, "SLOWDOWN_S", 0)
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    assert main(["--database", database_url, "account", "add", "ada", "--name", "Ada Okafor"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\nanother long one\n"))
    assert main(["--database", database_url, "account", "add", "cho", "--name", "Dr Cho", "--by", "ada",
                 "--role", "chair", "--discipline", "physician"]) == 0
    capsys.readouterr()
    assert main(["--database", database_url, "account", "list"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "ada\tAda Okafor\t\tadministrator", "cho\tDr Cho\tphysician\tchair"
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("another long one\n2468\n"))
    assert main(["--database", database_url, "account", "pin", "cho"]) == 0
    assert "account cho: PIN set" in capsys.readouterr().err
    services = open_services(database_url)
    try:
        assert services.accounts.verify(Credential("cho", "2468")).username == "cho"
    finally:
        services.close()
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong password!!\nanother long one\n"))
    assert main(["--database", database_url, "account", "add", "eve", "--name", "Eve", "--by", "ada"]) == 2
    assert "Wrong name or password" in capsys.readouterr().err
    audit.act_as(None)


def test_the_demo_team_is_marked_demo_and_its_chair_is_signed_in_only_while_all_are_demo(
    services: Services, accounts: AccountService
) -> None:
    team = accounts.create_demo_team()
    assert team and all(a.demo for a in team) and accounts.demo_only()
    assert accounts.sign_in_demo_chair().username == "demo-chair"
    assert accounts.verify(Credential("demo-physio", "1235")).display_name == "Sam Lee"  # the PIN
    with pytest.raises(SignInError, match="Wrong name or password"):
        accounts.sign_in("demo-physio", "1235")  # a PIN does not sign in from the start
    with pytest.raises(InvalidInputError, match="only made on a new database"):
        accounts.create_demo_team()
    accounts.add(team[0], "real", "Real Person", PASSWORD, [Role.MEMBER])
    assert not accounts.demo_only()
    with pytest.raises(SignInError, match="real accounts"):
        accounts.sign_in_demo_chair()
