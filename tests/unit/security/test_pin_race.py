"""Two PCs choosing the same new PIN at the same moment, on SQLite and PostgreSQL: both check that nobody
has it, then both store it; the tag's uniqueness refuses the second, which is told that the PIN is taken
(as when the check finds it), with its stored data unchanged. The other PC is a second, real connection."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from mdtboard.domain.accounts import Credential, Role
from mdtboard.domain.errors import InvalidInputError
from mdtboard.services.accounts import AccountService
from mdtboard.services.context import Services
from mdtboard.services.passwords import HASHER
from mdtboard.services.pins import pin_tag
from mdtboard.storage import account_repo

PASSWORD = "correct horse battery"
NEW_PIN = "909090"


@pytest.fixture
def accounts(services: Services) -> Iterator[AccountService]:
    yield AccountService(services.db, slowdown_s=0)
    AccountService.sign_out()


def pin_columns(services: Services, username: str) -> tuple[object, ...]:
    with services.db.engine.connect() as conn:
        return tuple(conn.execute(sa.text(
            "SELECT pin_hash, pin_tag, version, active FROM accounts WHERE username = :u"),
            {"u": username}).one())


def _waiting_on_a_lock(engine: sa.Engine) -> bool:
    with engine.connect() as conn:
        return bool(conn.execute(sa.text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock'")).scalar_one())


def test_the_same_new_pin_stored_by_two_pcs_at_once_is_refused_as_taken_for_the_second(
    services: Services, accounts: AccountService, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = accounts.create_first_administrator("ada", "Ada Okafor", PASSWORD)
    accounts.add(admin, "cho", "Dr Cho", PASSWORD, [Role.CHAIR], pin="4321")
    sam = accounts.add(admin, "sam", "Sam Lee", PASSWORD, [Role.MEMBER], pin="555666")
    sam_before = pin_columns(services, "sam")
    stored: list[bool] = []
    real_store_pin = account_repo.store_pin

    def spy(*args: object, **kwargs: object) -> bool:
        stored.append(real_store_pin(*args, **kwargs))  # type: ignore[arg-type]
        return stored[-1]

    monkeypatch.setattr(account_repo, "store_pin", spy)
    outcome: list[BaseException | None] = []

    def sam_chooses() -> None:
        try:
            accounts.set_pin(Credential("sam", PASSWORD), NEW_PIN)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
            outcome.append(exc)

    other_pc = sa.create_engine(database_url)
    try:
        with other_pc.begin() as conn:  # Dr Cho's PC stores the same PIN, not yet committed
            conn.execute(sa.text(
                "UPDATE accounts SET pin_hash = :h, pin_tag = :t, version = version + 1 "
                "WHERE username = 'cho'"),
                {"h": HASHER.hash(NEW_PIN), "t": pin_tag(NEW_PIN)})
            thread = threading.Thread(target=sam_chooses)
            thread.start()
            if other_pc.dialect.name == "postgresql":
                # Sam's PC has checked (the uncommitted PIN is not seen) and waits to store the same tag
                deadline = time.monotonic() + 30
                while not _waiting_on_a_lock(services.db.engine):
                    assert time.monotonic() < deadline and thread.is_alive()
                    time.sleep(0.05)
            else:
                time.sleep(1.0)  # SQLite: Sam's PC waits for the write lock, then sees the PIN committed
        thread.join(60)
    finally:
        other_pc.dispose()
    assert not thread.is_alive() and len(outcome) == 1
    assert isinstance(outcome[0], InvalidInputError), outcome[0]
    assert "another person has this PIN: choose another" in str(outcome[0])
    if services.db.engine.dialect.name == "postgresql":
        assert stored == [False]  # the database's uniqueness refused it, not the check before
    assert pin_columns(services, "sam") == sam_before
    assert accounts.verify(Credential("cho", NEW_PIN)).username == "cho"
    with services.db.engine.connect() as conn:
        taken = conn.execute(sa.text(
            "SELECT count(*) FROM audit_log WHERE action = 'pin taken' AND record_id = :i"),
            {"i": str(sam.id)}).scalar_one()
    assert taken == 1
    assert services.audit.verify().bad_id is None


def test_a_person_added_with_a_pin_another_pc_stores_at_that_moment_is_refused_as_taken(
    services: Services, accounts: AccountService, database_url: str
) -> None:
    admin = accounts.create_first_administrator("ada", "Ada Okafor", PASSWORD)
    accounts.add(admin, "cho", "Dr Cho", PASSWORD, [Role.CHAIR])
    outcome: list[BaseException | None] = []

    def add_sam() -> None:
        try:
            accounts.add(admin, "sam", "Sam Lee", PASSWORD, [Role.MEMBER], pin=NEW_PIN)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
            outcome.append(exc)

    other_pc = sa.create_engine(database_url)
    try:
        with other_pc.begin() as conn:
            conn.execute(sa.text("UPDATE accounts SET pin_hash = :h, pin_tag = :t WHERE username = 'cho'"),
                         {"h": HASHER.hash(NEW_PIN), "t": pin_tag(NEW_PIN)})
            thread = threading.Thread(target=add_sam)
            thread.start()
            if other_pc.dialect.name == "postgresql":
                deadline = time.monotonic() + 30
                while not _waiting_on_a_lock(services.db.engine):
                    assert time.monotonic() < deadline and thread.is_alive()
                    time.sleep(0.05)
            else:
                time.sleep(1.0)
        thread.join(60)
    finally:
        other_pc.dispose()
    assert not thread.is_alive() and len(outcome) == 1
    assert isinstance(outcome[0], InvalidInputError), outcome[0]
    assert "another person has this PIN: choose another" in str(outcome[0])
    assert [a.username for a in accounts.all()] == ["ada", "cho"]
    assert services.audit.verify().bad_id is None
