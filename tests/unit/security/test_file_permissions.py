"""Owner-only files: the data folder, the database and its WAL, and every export, checked with os.stat."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from mdtboard.cli import main
from mdtboard.services.files import write_atomic
from mdtboard.storage.db import open_database, sqlite_url
from mdtboard.storage.permissions import exposure, make_private_folder

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask() -> Iterator[object]:
    """Set the umask for one test; the earlier one comes back afterwards."""
    previous = os.umask(0o022)

    class Setter:
        def __call__(self, mask: int) -> None:
            os.umask(mask)

    try:
        yield Setter()
    finally:
        os.umask(previous)


def test_the_data_folder_and_the_database_and_its_wal_are_owner_only(tmp_path: Path, umask: object) -> None:
    path = tmp_path / "new" / "data" / "mdtboard.sqlite3"
    db = open_database(sqlite_url(path))
    try:
        with db.engine.begin() as conn:  # a write, so that the WAL and shared-memory files exist
            conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
            conn.exec_driver_sql("INSERT INTO t VALUES (1)")
        wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
        assert wal.exists() and shm.exists()
        assert mode(tmp_path / "new") == 0o700
        assert mode(path.parent) == 0o700
        assert mode(path) == 0o600
        assert mode(wal) == 0o600
        assert mode(shm) == 0o600
        assert db.warnings == ()
    finally:
        db.dispose()


def test_a_tighter_umask_is_kept(tmp_path: Path, umask: object) -> None:
    umask(0o277)  # type: ignore[operator]
    make_private_folder(tmp_path / "f")
    written = write_atomic(tmp_path / "out.pdf", b"%PDF")
    assert mode(tmp_path / "f") == 0o500
    assert mode(written) == 0o400


def test_exports_are_owner_only_even_with_a_wide_umask_and_over_a_readable_file(
    tmp_path: Path, umask: object
) -> None:
    umask(0o000)  # type: ignore[operator]
    target = tmp_path / "cases.json"
    target.write_bytes(b"old")
    os.chmod(target, 0o666)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert mode(target) == 0o600


def test_exports_from_the_command_line_are_owner_only(tmp_path: Path, umask: object) -> None:
    url = sqlite_url(tmp_path / "db.sqlite3")
    samples = Path(__file__).parents[2] / "data" / "sample-cases.json"
    assert main(["--database", url, "import", str(samples)]) == 0
    bundle, fhir, plan = tmp_path / "all.json", tmp_path / "fhir.json", tmp_path / "plan.pdf"
    assert main(["--database", url, "export", str(bundle)]) == 0
    db = open_database(url)
    with db.engine.connect() as conn:
        ref = conn.execute(sa.text("SELECT ref FROM cases ORDER BY id LIMIT 1")).scalar_one()
    db.dispose()
    assert main(["--database", url, "fhir", ref, "--out", str(fhir)]) == 0
    assert main(["--database", url, "care-plan", ref, "--pdf", str(plan)]) == 0
    for written in (bundle, fhir, plan):
        assert mode(written) == 0o600, written


def test_a_database_others_can_read_is_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], umask: object
) -> None:
    path = tmp_path / "db.sqlite3"
    open_database(sqlite_url(path)).dispose()
    assert exposure(path) is None
    os.chmod(path, 0o644)
    db = open_database(sqlite_url(path))
    db.dispose()
    assert len(db.warnings) == 1 and str(path) in db.warnings[0] and "chmod 600" in db.warnings[0]
    assert main(["--database", sqlite_url(path), "cases"]) == 0
    assert "warning: Other users of this computer can read the database" in capsys.readouterr().err
