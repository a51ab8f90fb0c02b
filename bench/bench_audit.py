"""The audit trail and backups: what they cost.

1. A case autosave (title changed on a generated case with medications, lines, scores and inputs:
   ``CaseService.update`` with the case as last saved, as the editor's autosave sends it, so that only
   what changed is written, its UPDATE stating that change to the trail (``audit.CHANGE``); and, second,
   the same save of the whole case, as an import sends it) on a
   SQLite database whose sessions record the audit trail, against the same
   save on a second database opened without the trail (``storage.audit.install`` left out), interleaved
   in the same process, each going first every other time; median of 400 each (clock time, and the
   saving thread's processor time in the note). Target (issue 15): overhead under 20 %.
2. ``storage.audit_chain.verify`` of a trail of 1,000,000 records (written beforehand with
   ``storage.audit.append`` in chunks, as the program writes them). Baseline: reading the same rows with
   the same query and no checking. Target: under 30 s.
3. ``storage.backup.backup_to`` (online backup API, ``journal_mode=DELETE``, ``PRAGMA integrity_check``,
   fsync) of the cached 100,000-case database. Baseline: the bare ``sqlite3`` backup of the same file
   (no check). Target: under 10 s.
"""

from __future__ import annotations

import copy
import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.generate import make_case
from bench.measure import progress, row

SAVES = 400
TRAIL = 1_000_000
CHUNK = 20_000
CASES = 100_000
TARGET_OVERHEAD = 0.20
TARGET_VERIFY_S = 30.0
TARGET_BACKUP_S = 10.0


def _autosave(folder: Path, *, whole: bool = False) -> tuple[float, float]:
    from mdtboard.services.context import open_services
    from mdtboard.storage import audit, audit_chain

    kind = "whole" if whole else "changed"
    audited = open_services(f"sqlite:///{folder / f'audited-{kind}.sqlite3'}")
    install = audit.install
    audit.install = lambda _sessions: None  # type: ignore[assignment]
    try:
        plain = open_services(f"sqlite:///{folder / f'plain-{kind}.sqlite3'}")
    finally:
        audit.install = install  # type: ignore[assignment]
    cases = {"audited": audited.cases.create(make_case(2)), "plain": plain.cases.create(make_case(2))}
    times: dict[str, list[float]] = {"audited": [], "plain": []}
    cpu: dict[str, list[float]] = {"audited": [], "plain": []}
    order = (("audited", audited), ("plain", plain))
    for n in range(SAVES + 5):
        for name, services in order if n % 2 else order[::-1]:  # each goes first every other time
            case = cases[name]
            base = None if whole else copy.deepcopy(case)  # the editor keeps the case as last saved
            case.title = f"Chronic pain, review {n}"
            start, start_cpu = time.perf_counter(), time.thread_time()
            cases[name] = services.cases.update(case, base=base)
            if n >= 5:  # the first saves warm the statement caches
                times[name].append(time.perf_counter() - start)
                cpu[name].append(time.thread_time() - start_cpu)
    with audited.db.engine.connect() as conn:
        assert audit_chain.verify(conn).checked == SAVES + 6
    audited.close()
    plain.close()
    _cpu[kind] = statistics.median(cpu["audited"]) / statistics.median(cpu["plain"]) - 1
    return statistics.median(times["audited"]) * 1000, statistics.median(times["plain"]) * 1000


#: The overhead in the saving thread's processor time (less swayed by other programs on the machine than
#: the time on the clock), by kind of save: given in the row's note.
_cpu: dict[str, float] = {}


def _verify(folder: Path) -> tuple[float, float]:
    import sqlalchemy as sa

    from mdtboard.storage import audit, audit_chain
    from mdtboard.storage.db import open_database

    db = open_database(f"sqlite:///{folder / 'trail.sqlite3'}")
    entry = {"action": "update", "record_type": "cases", "case_id": 1, "fields": '["pain_history"]',
             "old_version": 1, "new_version": 2}
    progress(f"writing a trail of {TRAIL:,} records")
    for start in range(0, TRAIL, CHUNK):
        with db.engine.begin() as conn:
            audit.append(conn, [entry | {"record_id": str(start + i)} for i in range(CHUNK)])
    with db.engine.connect() as conn:
        start = time.perf_counter()
        for _ in audit_chain._rows(conn):
            pass
        read = time.perf_counter() - start
        start = time.perf_counter()
        verdict = audit_chain.verify(conn)
        checked = time.perf_counter() - start
        assert verdict.ok and verdict.checked == TRAIL, verdict
        assert conn.execute(sa.select(sa.func.count()).select_from(audit.TABLE)).scalar_one() == TRAIL
    db.dispose()
    return checked, read


def _backup(folder: Path) -> tuple[float, float, int]:
    from bench.datasets import case_database
    from mdtboard.storage.backup import backup_to, integrity_problem

    source = case_database(CASES)
    size = source.stat().st_size
    start = time.perf_counter()
    out = backup_to(source, folder / "backup.sqlite3")
    mine = time.perf_counter() - start
    assert integrity_problem(out) is None
    bare = folder / "bare.sqlite3"
    start = time.perf_counter()
    src, dst = sqlite3.connect(source), sqlite3.connect(bare)
    src.backup(dst)
    dst.close()
    src.close()
    baseline = time.perf_counter() - start
    return mine, baseline, size


def run() -> dict[str, Any]:
    rows = []
    details: dict[str, Any] = {"load_average_start": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="mdtboard-bench-audit-") as tmp:
        folder = Path(tmp)
        os.environ.setdefault("MDTBOARD_AUDIT_KEY_FILE", str(folder / "audit.key"))
        progress(f"{SAVES} case autosaves with and without the audit trail")
        audited, plain = _autosave(folder)
        overhead = audited / plain - 1
        rows.append(row(
            "case autosave with the audit trail", audited, plain, "ms",
            target=f"overhead < {TARGET_OVERHEAD:.0%}", met=overhead < TARGET_OVERHEAD,
            note=f"overhead {overhead:.0%} (processor time {_cpu['changed']:.0%}); baseline: the same save "
                 "without the trail",
        ))
        audited, plain = _autosave(folder, whole=True)
        overhead = audited / plain - 1
        rows.append(row(
            "whole-case save (import) with the audit trail", audited, plain, "ms",
            note=f"overhead {overhead:.0%} (processor time {_cpu['whole']:.0%}); baseline: the same save "
                 "without the trail",
        ))
        checked, read = _verify(folder)
        rows.append(row(
            f"audit verify, {TRAIL:,} records", checked, read, "s",
            target=f"< {TARGET_VERIFY_S:.0f} s", met=checked < TARGET_VERIFY_S,
            note="baseline: reading the same rows unchecked",
        ))
        progress(f"backup of the {CASES:,}-case database")
        mine, baseline, size = _backup(folder)
        details["database_bytes"] = size
        rows.append(row(
            f"backup of {CASES:,} cases ({size / 1e6:.0f} MB)", mine, baseline, "s",
            target=f"< {TARGET_BACKUP_S:.0f} s", met=mine < TARGET_BACKUP_S,
            note="baseline: bare sqlite3 backup, unchecked",
        ))
    details["load_average_end"] = os.getloadavg()
    return {"rows": rows, "details": details}
