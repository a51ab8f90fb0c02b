"""A deleted case's words, and a name edited away, do not stay in the SQLite file's free space: the file's
bytes, read as a whole once the program has closed it, no longer hold them (``PRAGMA secure_delete`` on
every connection, whatever the platform's SQLite does by default)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from mdtboard.domain.case import Case, Patient
from mdtboard.services.context import open_services
from mdtboard.storage.db import sqlite_url

NAME = "Zebulon Quixotewright"
HISTORY = "Lives at Marrowfield Grange with his sister Philippa Quixotewright."


def test_a_deleted_case_leaves_no_trace_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "mdtboard.sqlite3"
    services = open_services(sqlite_url(path))
    try:
        kept = services.cases.create(Case(ref="KEEP-1", fictional=True, patient=Patient("Ada Example")))
        gone = services.cases.create(
            Case(ref="GONE-1", fictional=False, patient=Patient(NAME), psychosocial=HISTORY, title="Knee")
        )
        renamed = services.cases.create(
            Case(ref="GONE-2", fictional=False, patient=Patient("Orla Marchbanks"))
        )
    finally:
        services.close()  # the cases are written into the file itself
    assert b"Quixotewright" in path.read_bytes()
    services = open_services(sqlite_url(path))
    try:
        services.cases.update(replace(services.cases.get(renamed.id or 0), patient=Patient("Patient 2")))
        services.cases.delete(gone.id or 0)
    finally:
        services.close()
    data = path.read_bytes()
    assert not path.with_name(path.name + "-wal").exists()  # everything is in the file read
    assert b"Ada Example" in data and kept.ref.encode() in data  # the file is readable as bytes at all
    for secret in ("Quixotewright", "quixotewright", "Marrowfield", "Marchbanks", "marchbanks"):
        assert secret.encode() not in data, secret


def test_every_connection_overwrites_what_it_deletes_whatever_sqlites_default(tmp_path: Path) -> None:
    """SQLite's own default differs by platform (on by this build, off in many others): the program sets it
    on every connection it opens."""
    from mdtboard.storage.db import _sqlite_on_connect

    raw = sqlite3.connect(tmp_path / "plain.sqlite3")
    try:
        raw.execute("PRAGMA secure_delete = 0")
        assert raw.execute("PRAGMA secure_delete").fetchone() == (0,)
        _sqlite_on_connect(raw, None)
        assert raw.execute("PRAGMA secure_delete").fetchone() == (1,)
    finally:
        raw.close()
