"""Updating 10,000 existing cases by import, against creating them by import.

mdtboard: ``CaseService.store_many`` (what a bundle import stores, after its file is read and checked) of
10,000 generated cases whose references all exist already in a SQLite file (each case's title and patient
name changed), in one transaction: every case row updated, its part rows replaced, the change feed and the
audit trail written.

Baseline: the same service storing the same 10,000 cases into an empty SQLite file (created, not updated),
in the same process, right before. Both files are opened with ``storage.db.open_database`` (migrations run
before the clock starts). The update is checked afterwards: every case at version 1 with its new name.

Target: the update takes at most 3x the creation (issue 13).
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.generate import DEFAULT_SEED, generate_cases
from bench.measure import progress, row, seconds
from mdtboard.services.cases import CaseService
from mdtboard.storage.db import open_database, sqlite_url

N = 10_000
TARGET_RATIO = 3.0


def run() -> dict[str, Any]:
    progress(f"generating {N:,} cases")
    cases = list(generate_cases(N, DEFAULT_SEED))
    again = [
        replace(
            c,
            title=f"{c.title or ''} (reviewed)",
            patient=replace(c.patient, display_name=f"{c.patient.display_name} Jr"),
        )
        for c in cases
    ]
    with tempfile.TemporaryDirectory(prefix="mdtboard-bench-") as tmp:
        db = open_database(sqlite_url(Path(tmp) / "reimport.sqlite3"))
        try:
            service = CaseService(db)
            progress(f"creating {N:,} cases by import")
            created = seconds(lambda: service.store_many(cases, source="bench.json"))
            progress(f"updating the {N:,} cases by importing them again")
            updated = seconds(lambda: service.store_many(again, source="bench again.json"))
            sample = [service.get_by_ref(again[i].ref) for i in (0, N // 2, N - 1)]
            if any(s.version != 1 or not s.patient.display_name.endswith(" Jr") for s in sample):
                raise RuntimeError("the import did not update the cases")
        finally:
            db.dispose()
    ratio = updated / created
    return {
        "rows": [
            row(
                f"update {N:,} existing cases by import",
                updated,
                created,
                "s",
                target=f"<= {TARGET_RATIO:g}x creating them",
                met=ratio <= TARGET_RATIO,
                note="baseline: creating the same cases by import",
            )
        ],
        "details": {"created_s": created, "updated_s": updated, "ratio": ratio, "cases": N},
    }
