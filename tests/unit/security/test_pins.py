"""PINs on the meeting-room PC, on SQLite and PostgreSQL: a PIN alone says who types it (switching user is
F4, the PIN, Enter), so PINs are unique among the active accounts, checked wherever one is given; wrong PINs
are slowed, noted in the audit trail and lock PINs out on this computer (not reset by starting the program
again); a PIN refused as taken is limited the same way; a PIN shared from before asks who."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from mdtboard.cli import main
from mdtboard.domain.accounts import Account, Credential, Role
from mdtboard.domain.errors import InvalidInputError
from mdtboard.services import accounts as accounts_module
from mdtboard.services import permissions, pins
from mdtboard.services.accounts import LOCK_AFTER, LOCK_FOR, AccountService, SignInError
from mdtboard.services.context import Services
from mdtboard.storage import audit

PASSWORD = "correct horse battery"


@pytest.fixture
def accounts(services: Services) -> Iterator[AccountService]:
    yield AccountService(services.db, slowdown_s=0)
    AccountService.sign_out()


def team(accounts: AccountService) -> tuple[Account, Account, Account]:
    admin = accounts.create_first_administrator("ada", "Ada Okafor", PASSWORD)
    cho = accounts.add(admin, "cho", "Dr Cho", PASSWORD, [Role.CHAIR], pin="4321")
    sam = accounts.add(admin, "sam", "Sam Lee", PASSWORD, [Role.MEMBER], pin="555666")
    return admin, cho, sam


def notes(services: Services) -> list[tuple[str, str | None, str]]:
    with services.db.engine.connect() as conn:
        return [(r.action, r.record_id, r.fields) for r in conn.execute(sa.text(
            "SELECT action, record_id, fields FROM audit_log WHERE action LIKE 'pin %' ORDER BY id"))]


def test_a_pin_alone_says_who_and_signs_them_in(services: Services, accounts: AccountService) -> None:
    _admin, cho, sam = team(accounts)
    assert accounts.sign_in_by_pin("555666").id == sam.id
    acting = permissions.acting()
    assert acting is not None and acting.id == sam.id
    assert accounts.identify_by_pin("4321").id == cho.id
    assert notes(services) == [("pin sign-in", str(sam.id), "[]"), ("pin sign-in", str(cho.id), "[]")]
    with pytest.raises(SignInError, match="A PIN is 4 to 8 digits"):
        accounts.identify_by_pin(PASSWORD)  # a password is not looked up among everyone's


def test_pins_are_unique_among_active_accounts_wherever_one_is_given(
    services: Services, accounts: AccountService, database_url: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    admin, cho, sam = team(accounts)
    with pytest.raises(InvalidInputError, match="another person has this PIN"):
        accounts.add(admin, "eve", "Eve", PASSWORD, [Role.MEMBER], pin="4321")
    assert [a.username for a in accounts.all()] == ["ada", "cho", "sam"]  # nothing was made
    with pytest.raises(InvalidInputError, match="another person has this PIN"):
        accounts.set_pin(Credential("sam", PASSWORD), "4321")
    with pytest.raises(InvalidInputError, match="another person has this PIN"):
        accounts.reset_pin(admin, sam, "4321")
    assert accounts.verify(Credential("sam", "555666")).id == sam.id  # unchanged
    accounts.set_pin(Credential("sam", PASSWORD), "555666")  # one's own PIN again is no clash
    monkeypatch.setattr(accounts_module, "SLOWDOWN_S", 0)
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n4321\n"))
    assert main(["--database", database_url, "account", "pin", "sam"]) != 0
    assert "another person has this PIN" in capsys.readouterr().err
    assert notes(services) == [("pin taken", str(sam.id), "[]")] * 3  # never the PIN
    # a deactivated account's PIN no longer counts, and it no longer opens anything
    accounts.set_active(admin, accounts.get_account(cho.id), False)
    with pytest.raises(SignInError, match="Wrong PIN"):
        accounts.identify_by_pin("4321")
    accounts.set_pin(Credential("sam", PASSWORD), "4321")
    assert accounts.identify_by_pin("4321").id == sam.id
    audit.act_as(None)


def test_wrong_pins_lock_pins_on_this_computer_even_after_a_restart(
    services: Services, accounts: AccountService
) -> None:
    _admin, _cho, sam = team(accounts)
    for _ in range(LOCK_AFTER):
        with pytest.raises(SignInError, match="Wrong PIN"):
            accounts.identify_by_pin("9999")
    restarted = AccountService(services.db, slowdown_s=0)  # the program started again
    with pytest.raises(SignInError, match="PINs are locked on this computer"):
        restarted.identify_by_pin("555666")  # even the right PIN, until the time is up
    assert restarted.sign_in("sam", PASSWORD).id == sam.id  # a name and password still work
    later = datetime.now(UTC) + LOCK_FOR + timedelta(seconds=1)
    assert restarted.identify_by_pin("555666", now=later).id == sam.id
    refused = [n for n in notes(services) if n[0] == "pin refused"]
    assert refused == [("pin refused", None, "[]")] * LOCK_AFTER  # noted, never the PIN
    with services.db.engine.connect() as conn:
        trail = " ".join(str(r) for r in conn.execute(sa.text(  # the hashes and times apart (random digits)
            "SELECT actor, host, action, record_type, record_id, fields FROM audit_log")))
    assert "9999" not in trail and "555666" not in trail


def test_a_success_starts_the_count_again(services: Services, accounts: AccountService) -> None:
    team(accounts)
    for _ in range(LOCK_AFTER - 1):
        with pytest.raises(SignInError, match="Wrong PIN"):
            accounts.identify_by_pin("9999")
    accounts.identify_by_pin("4321")
    for _ in range(LOCK_AFTER - 1):
        with pytest.raises(SignInError, match="Wrong PIN"):
            accounts.identify_by_pin("9999")
    assert accounts.identify_by_pin("555666").username == "sam"


def test_choosing_taken_pins_is_limited_like_guessing(services: Services, accounts: AccountService) -> None:
    team(accounts)
    for _ in range(LOCK_AFTER):
        with pytest.raises(InvalidInputError, match="another person has this PIN"):
            accounts.set_pin(Credential("sam", PASSWORD), "4321")
    with pytest.raises(SignInError, match="PINs chosen for this account were taken"):
        accounts.set_pin(Credential("sam", PASSWORD), "777888")  # even a free one, until the time is up


def test_a_pin_shared_from_before_asks_who(services: Services, accounts: AccountService) -> None:
    _admin, cho, sam = team(accounts)
    with services.db.engine.begin() as conn:  # as on a database from before PINs were unique
        shared = conn.execute(sa.text("SELECT pin_hash FROM accounts WHERE id = :i"), {"i": cho.id}).scalar()
        conn.execute(sa.text("UPDATE accounts SET pin_hash = :h WHERE id = :i"), {"h": shared, "i": sam.id})
        conn.execute(sa.text("UPDATE accounts SET pin_tag = NULL"))
    with pytest.raises(SignInError, match="More than one person has this PIN: choose who you are"):
        accounts.identify_by_pin("4321")
    assert accounts.verify(Credential("sam", "4321")).id == sam.id  # chosen by name, the PIN works


def test_the_account_of_a_pin_is_found_by_its_tag_with_one_hash_verified(
    services: Services, accounts: AccountService, monkeypatch: pytest.MonkeyPatch
) -> None:
    _admin, cho, sam = team(accounts)
    for n in range(6):
        accounts.add(_admin, f"p{n}", f"Person {n}", PASSWORD, [Role.MEMBER], pin=f"70{n}0")
    with services.db.engine.connect() as conn:
        tags = dict(conn.execute(sa.text("SELECT username, pin_tag FROM accounts")).all())
    assert tags["ada"] is None and len(set(tags.values())) == len(tags)
    assert all(":" in t and "4321" not in t and "555666" not in t for t in tags.values() if t)
    verified: list[str] = []
    real = pins.matches
    monkeypatch.setattr(pins, "matches", lambda h, s: verified.append(s) or real(h, s))
    assert accounts.identify_by_pin("555666").id == sam.id
    assert verified == ["555666"]  # one Argon2id verify, not one per account
    # a PIN stored before tags is found by its hash, and tagged when used
    with services.db.engine.begin() as conn:
        conn.execute(sa.text("UPDATE accounts SET pin_tag = NULL WHERE id = :i"), {"i": cho.id})
    verified.clear()
    assert accounts.identify_by_pin("4321").id == cho.id and verified == ["4321"]
    with services.db.engine.connect() as conn:
        again = conn.execute(sa.text("SELECT pin_tag FROM accounts WHERE id = :i"), {"i": cho.id}).scalar()
    assert again == tags["cho"]
