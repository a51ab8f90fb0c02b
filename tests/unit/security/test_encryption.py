"""Encryption at rest of the SQLite database: real SQLCipher (``sqlcipher3``), and a real keyring backend
that works without a desktop session (keyrings.alt's file backend, chosen through keyring's own
``PYTHON_KEYRING_BACKEND`` variable, its file in the test's folder)."""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest

from mdtboard.cli import main
from mdtboard.domain.case import Case, Patient
from mdtboard.domain.errors import DatabaseError, DatabaseGoneError
from mdtboard.services.context import open_services
from mdtboard.storage import cipher
from mdtboard.storage.backup import BackupError, backup_to, list_backups, restore, take_backup
from mdtboard.storage.db import create_engine, head_revision, open_database, sqlite_url, upgrade

FILE_BACKEND = "keyrings.alt.file.PlaintextKeyring"


def use_backend(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Choose the keyring backend as a user would: keyring's environment variable, read anew."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", name)
    keyring.core.init_backend()


@pytest.fixture(autouse=True)
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    before = keyring.get_keyring()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "keyring-data"))
    use_backend(monkeypatch, FILE_BACKEND)
    assert type(keyring.get_keyring()).__name__ == "PlaintextKeyring"
    yield tmp_path / "keyring-data"
    keyring.set_keyring(before)


def new_case(ref: str) -> Case:
    return Case(ref=ref, fictional=True, patient=Patient(display_name="Åsa Öberg", age=40), title="Neck pain")


def make(path: Path, refs: list[str], *, encrypt: bool) -> None:
    services = open_services(sqlite_url(path), encrypt=encrypt)
    for ref in refs:
        services.cases.create(new_case(ref))
    services.close()


def refs_in(path: Path) -> set[str]:
    services = open_services(sqlite_url(path), create=False)
    try:
        return {c.ref for c in services.cases.search("", limit=None)}
    finally:
        services.close()


def plain_sqlite_reads(path: Path) -> bool:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        return True
    except sqlite3.DatabaseError as exc:
        assert "not a database" in str(exc)
        return False
    finally:
        conn.close()


def digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "mdtboard.sqlite3"
    make(path, ["E-1", "E-2"], encrypt=True)
    return path


def test_a_new_database_with_encryption_on_is_unreadable_without_its_key_and_opens_with_it(
    encrypted: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert encrypted.read_bytes()[:16] != b"SQLite format 3\x00"
    assert cipher.file_state(encrypted) == "encrypted"
    assert not plain_sqlite_reads(encrypted)
    key = keyring.get_password("mdtboard", str(encrypted))
    assert key is not None and len(bytes.fromhex(key)) == 32
    caplog.set_level(logging.DEBUG)
    assert refs_in(encrypted) == {"E-1", "E-2"}  # opened with the key from the keyring, setting or not
    assert key not in caplog.text
    assert key.encode() not in encrypted.read_bytes()
    # The integrity check at opening and the day's backup, as the program's start runs them.
    db = open_database(sqlite_url(encrypted), backup_days=14, defer_checks=True)
    try:
        assert db.checks is not None
        assert db.finish_opening() == ()
    finally:
        db.dispose()
    (daily,) = list_backups(encrypted)
    assert not plain_sqlite_reads(daily.path)


def test_an_encrypted_database_of_an_older_schema_is_upgraded_after_an_encrypted_backup(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(sqlite_url(path), encrypt=True)
    upgrade(engine, "0001")  # Alembic, through the keyed engine
    engine.dispose()
    assert not plain_sqlite_reads(path)
    db = open_database(sqlite_url(path))
    db.dispose()
    (backup,) = list_backups(path)
    assert backup.reason == f"before-{head_revision()}"
    assert not plain_sqlite_reads(backup.path)
    key = keyring.get_password("mdtboard", str(path)) or ""
    for file, revision in ((backup.path, "0001"), (path, head_revision())):
        conn = cipher.connect(file, key)
        try:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == revision
        finally:
            conn.close()


def test_an_encrypted_file_replaced_under_the_running_program_refuses_saves(
    encrypted: Path, tmp_path: Path
) -> None:
    copy = backup_to(encrypted, tmp_path / "copy.sqlite3")
    services = open_services(sqlite_url(encrypted))
    try:
        services.cases.create(new_case("E-3"))  # the file's identity is known
        os.replace(copy, encrypted)  # the same key opens it: only the identity check can tell
        with pytest.raises(DatabaseGoneError):
            services.cases.create(new_case("E-4"))
    finally:
        services.close()


def test_a_second_database_gets_its_own_key(tmp_path: Path, encrypted: Path) -> None:
    other = tmp_path / "other.sqlite3"
    make(other, ["O-1"], encrypt=True)
    assert keyring.get_password("mdtboard", str(other)) != keyring.get_password("mdtboard", str(encrypted))
    assert refs_in(other) == {"O-1"}


@pytest.mark.parametrize("keyring_entry", ["wrong", "missing"])
def test_a_wrong_or_missing_key_is_refused_with_a_message_and_changes_nothing(
    encrypted: Path, keyring_entry: str
) -> None:
    if keyring_entry == "wrong":
        keyring.set_password("mdtboard", str(encrypted), os.urandom(32).hex())
    else:
        keyring.delete_password("mdtboard", str(encrypted))
    before = digest(encrypted.parent)
    with pytest.raises(DatabaseError) as caught:
        open_database(sqlite_url(encrypted), backup_days=14)
    said = str(caught.value)
    if keyring_entry == "wrong":
        assert "is encrypted, and the key this computer's keyring holds for it does not open it" in said
    else:  # as for a damaged file, for nothing tells an encrypted file from random bytes
        assert "is damaged or is not an mdtboard database" in said
        assert "database, copy nothing over it: this computer's keyring holds no key" in said
    assert "Nothing was changed" in said and "\n" not in said
    assert digest(encrypted.parent) == before
    with pytest.raises(DatabaseError):
        backup_to(encrypted, encrypted.parent / "copy.sqlite3")
    assert digest(encrypted.parent) == before


@pytest.mark.parametrize(
    ("backend", "reason"),
    [
        ("keyring.backends.fail.Keyring", "No recommended backend"),
        ("keyring.backends.null.Keyring", "did not keep"),
    ],
)
def test_without_a_usable_keyring_no_database_is_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: str, reason: str
) -> None:
    use_backend(monkeypatch, backend)
    path = tmp_path / "new" / "mdtboard.sqlite3"
    with pytest.raises(cipher.KeyringUnavailableError) as caught:
        open_services(sqlite_url(path), encrypt=True)
    said = str(caught.value)
    assert reason in said and "Secret Service" in said and "Nothing was created" in said
    assert not path.exists()


def test_the_cli_says_what_is_missing_without_a_keyring(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_backend(monkeypatch, "keyring.backends.fail.Keyring")
    before = digest(encrypted.parent)
    assert main(["--database", sqlite_url(encrypted), "cases"]) == 1
    err = capsys.readouterr().err
    assert "keyring" in err and "Secret Service" in err and "Nothing was created or changed" in err
    assert digest(encrypted.parent) == before


def test_encryption_on_with_an_unencrypted_database_warns(tmp_path: Path) -> None:
    path = tmp_path / "plain.sqlite3"
    make(path, ["P-1"], encrypt=False)
    services = open_services(sqlite_url(path), encrypt=True)
    try:
        assert any("mdtboard database encrypt" in w for w in services.db.warnings)
    finally:
        services.close()
    assert plain_sqlite_reads(path)


def test_backup_and_restore_round_trip_stay_encrypted(encrypted: Path, tmp_path: Path) -> None:
    copy = backup_to(encrypted, tmp_path / "by-hand.sqlite3")
    kept = take_backup(encrypted, "manual")
    for made in (copy, kept):
        assert not plain_sqlite_reads(made)
    make(encrypted, ["E-3"], encrypt=False)  # the setting does not matter for an encrypted file
    assert refs_in(encrypted) == {"E-1", "E-2", "E-3"}
    done = restore(encrypted, copy)
    assert refs_in(encrypted) == {"E-1", "E-2"}
    assert not plain_sqlite_reads(encrypted)
    assert done.kept_aside is not None and not plain_sqlite_reads(done.kept_aside)


def test_an_unencrypted_backup_is_encrypted_on_its_way_into_an_encrypted_database(
    tmp_path: Path, encrypted: Path
) -> None:
    plain = tmp_path / "plain.sqlite3"
    make(plain, ["P-1"], encrypt=False)
    old = backup_to(plain, tmp_path / "plain-backup.sqlite3")
    restore(encrypted, old)
    assert refs_in(encrypted) == {"P-1"}
    assert not plain_sqlite_reads(encrypted)
    assert not [p for p in encrypted.parent.rglob(".*")]  # no copy left


def test_an_encrypted_backup_is_not_restored_into_an_unencrypted_database(
    tmp_path: Path, encrypted: Path
) -> None:
    plain = tmp_path / "plain.sqlite3"
    make(plain, ["P-1"], encrypt=False)
    copy = backup_to(encrypted, tmp_path / "enc-backup.sqlite3")
    before = plain.read_bytes()
    with pytest.raises(BackupError, match="no key for"):
        restore(plain, copy)  # no key kept for this database
    keyring.set_password("mdtboard", str(plain), keyring.get_password("mdtboard", str(encrypted)) or "")
    with pytest.raises(BackupError, match="encrypt the database first"):
        restore(plain, copy)
    assert plain.read_bytes() == before
    assert refs_in(plain) == {"P-1"}


def test_the_encrypt_command_encrypts_a_database_with_cases_and_its_backups(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "data" / "mdtboard.sqlite3"
    make(path, ["C-1", "C-2", "C-3"], encrypt=False)
    take_backup(path, "manual")
    url = sqlite_url(path)
    assert main(["--database", url, "cases"]) == 0
    listed = capsys.readouterr().out
    assert plain_sqlite_reads(path)

    assert main(["--database", url, "database", "encrypt"]) == 0
    out, err = capsys.readouterr()
    assert "encrypted" in err and "1 backup(s)" in err
    key = keyring.get_password("mdtboard", str(path))
    assert key is not None and key not in out + err
    assert not plain_sqlite_reads(path)
    (backup,) = list_backups(path)
    assert not plain_sqlite_reads(backup.path)
    assert not [p.name for p in path.parent.rglob(".*")]  # no unencrypted original, no copy left
    assert main(["--database", url, "cases"]) == 0
    assert capsys.readouterr().out == listed
    assert main(["--debug", "--database", url, "conferences"]) == 0  # every SQL statement logged
    out, err = capsys.readouterr()
    assert "SELECT" in caplog.text and key not in caplog.text + out + err
    assert refs_in(path) == {"C-1", "C-2", "C-3"}
    restore(path, backup.path)  # its backups open with its key
    assert refs_in(path) == {"C-1", "C-2", "C-3"}

    assert main(["--database", url, "database", "encrypt"]) == 1
    assert "encrypted already" in capsys.readouterr().err


HOLDER = (
    "import sys\n"
    "from mdtboard.services.context import open_services\n"
    "s = open_services('sqlite:///' + sys.argv[1])\n"
    "s.cases.search('', limit=None)\n"
    "print('open', flush=True)\n"
    "sys.stdin.readline()\n"
    "s.close()\n"
)


def test_the_encrypt_command_refuses_a_database_another_program_has_open_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mdtboard.sqlite3"
    make(path, ["U-1"], encrypt=False)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        assert main(["--database", sqlite_url(path), "database", "encrypt"]) == 1
        assert "open in another program" in capsys.readouterr().err
    finally:
        holder.communicate("\n", timeout=60)
    assert holder.returncode == 0
    assert plain_sqlite_reads(path)
    assert refs_in(path) == {"U-1"}
    assert not [p.name for p in tmp_path.rglob(".*") if "keyring" not in str(p)]


def test_the_change_feed_hears_another_programs_save_in_an_encrypted_database(encrypted: Path) -> None:
    heard: list[int] = []
    states: list[str] = []
    follower = open_services(sqlite_url(encrypted))
    writer = open_services(sqlite_url(encrypted))
    watcher = follower.changes.watch(lambda changes: heard.extend(c.record_id for c in changes),
                                     on_state=states.append)
    try:
        wait_for(lambda: "live" in states, "the watcher connected")
        made = writer.cases.create(new_case("E-9"))
        wait_for(lambda: made.id in heard, "the other program's save heard")
    finally:
        watcher.stop()
        writer.close()
        follower.close()


def wait_for(condition: Callable[[], bool], what: str, limit_s: float = 30.0) -> None:
    """Wait until ``condition`` holds (a bound for a stuck test, not a speed check)."""
    end = time.monotonic() + limit_s
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"never happened: {what}")
        time.sleep(0.02)
