"""``mdtboard account deactivate|reactivate USERNAME --by ADMIN`` and the mark of deactivated accounts in
``mdtboard account list``, run as real processes on SQLite and PostgreSQL: an administrator signs in with
their password (as for ``account add``), the account service changes the account, the audit trail records
who did it; anyone else is refused with nothing changed."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from mdtboard.domain.accounts import Credential, Role
from mdtboard.services.accounts import AccountService, SignInError
from mdtboard.services.context import Services

PASSWORD = "correct horse battery"
CLI = "import sys; from mdtboard.cli import main; sys.exit(main(sys.argv[1:]))"


@pytest.fixture
def accounts(services: Services) -> Iterator[AccountService]:
    yield AccountService(services.db, slowdown_s=0)
    AccountService.sign_out()


def mdtboard(database_url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", CLI, "--database", database_url, *args],
                          input=stdin, capture_output=True, text=True, timeout=120, check=False)


def state(services: Services, username: str) -> tuple[object, ...]:
    with services.db.engine.connect() as conn:
        return tuple(conn.execute(
            sa.text("SELECT active, version, pin_tag FROM accounts WHERE username = :u"),
            {"u": username}).one())


def test_deactivating_and_reactivating_from_the_command_line(
    services: Services, accounts: AccountService, database_url: str
) -> None:
    admin = accounts.create_first_administrator("ada", "Ada Okafor", PASSWORD)
    accounts.add(admin, "cho", "Dr Cho", PASSWORD, [Role.CHAIR], pin="4321")
    sam = accounts.add(admin, "sam", "Sam Lee", PASSWORD, [Role.MEMBER])
    AccountService.sign_out()

    done = mdtboard(database_url, "account", "deactivate", "sam", "--by", "ada", stdin=f"{PASSWORD}\n")
    assert done.returncode == 0, done.stderr
    assert "account sam: deactivated" in done.stderr
    listed = mdtboard(database_url, "account", "list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == [
        "ada\tAda Okafor\t\tadministrator", "cho\tDr Cho\t\tchair", "sam\tSam Lee\t\tmember\tdeactivated"]
    with pytest.raises(SignInError):
        accounts.verify(Credential("sam", PASSWORD))

    # only an administrator, with their own password; nothing changed otherwise
    before = state(services, "cho")
    refused = mdtboard(database_url, "account", "deactivate", "cho", "--by", "sam", stdin=f"{PASSWORD}\n")
    assert refused.returncode == 2 and "Wrong name or password" in refused.stderr
    refused = mdtboard(database_url, "account", "deactivate", "ada", "--by", "cho", stdin=f"{PASSWORD}\n")
    assert refused.returncode == 2 and "may not manage accounts" in refused.stderr, refused.stderr
    refused = mdtboard(database_url, "account", "deactivate", "cho", "--by", "ada",
                       stdin="wrong password!!\n")
    assert refused.returncode == 2 and "Wrong name or password" in refused.stderr
    refused = mdtboard(database_url, "account", "deactivate", "nobody", "--by", "ada", stdin=f"{PASSWORD}\n")
    assert refused.returncode == 2 and "No account nobody" in refused.stderr
    refused = mdtboard(database_url, "account", "deactivate", "ada", "--by", "ada", stdin=f"{PASSWORD}\n")
    assert refused.returncode == 2 and "cannot deactivate your own account" in refused.stderr
    assert state(services, "cho") == before and state(services, "ada")[0]

    done = mdtboard(database_url, "account", "reactivate", "sam", "--by", "ada", stdin=f"{PASSWORD}\n")
    assert done.returncode == 0, done.stderr
    assert "account sam: reactivated" in done.stderr
    listed = mdtboard(database_url, "account", "list")
    assert listed.stdout.splitlines()[-1] == "sam\tSam Lee\t\tmember"
    assert accounts.verify(Credential("sam", PASSWORD)).id == sam.id

    with services.db.engine.connect() as conn:
        changes = [(r.actor, r.fields) for r in conn.execute(sa.text(
            "SELECT actor, fields FROM audit_log WHERE record_type = 'accounts' AND record_id = :i "
            "AND action = 'update' AND fields LIKE '%active%' ORDER BY id"), {"i": str(sam.id)})]
    assert [actor for actor, _fields in changes] == ["ada", "ada"]
    assert services.audit.verify().bad_id is None
