"""Importing a bundle of 1,000 cases, against the same rows written with bare ``sqlite3.executemany``.

mdtboard: ``interchange.bundle.import_bytes`` (decode, schema check of the whole file, domain checks,
one transaction through the storage layer) into a fresh SQLite file opened with
``storage.db.open_database`` (migrations run before the clock starts).

Baseline: a fresh SQLite file with the very same tables (the DDL is copied from a migrated mdtboard
database, so columns, keys, checks and indexes are identical), WAL and ``synchronous=FULL`` as mdtboard
sets them, and the same rows (built beforehand, outside the clock) written with ``executemany`` in one
``BEGIN IMMEDIATE`` transaction. Afterwards both files must hold the same number of rows in every table.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from bench.generate import DEFAULT_SEED, bundle_bytes
from bench.measure import median, progress, row, seconds
from mdtboard.domain.validation import case_problems
from mdtboard.interchange.bundle import cases_from_bundle, import_bytes, parse_bytes
from mdtboard.services.cases import CaseService
from mdtboard.storage import case_rows
from mdtboard.storage.db import open_database, sqlite_url
from mdtboard.storage.models import CaseRow, DisciplineInputRow, SearchWordRow

N = 1000
REPEATS = 3
TABLES = [CaseRow, *case_rows.CHILD_TABLES, DisciplineInputRow, SearchWordRow]


def _sql_value(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")  # as SQLAlchemy stores DateTime on SQLite
    return value


def baseline_rows(raw: bytes) -> dict[str, tuple[str, list[tuple[Any, ...]]]]:
    """``table -> (INSERT statement, rows)``: exactly the rows mdtboard writes for this bundle."""
    cases = cases_from_bundle(json.loads(raw))
    by_table: dict[str, list[dict[str, Any]]] = {t.__tablename__: [] for t in TABLES}
    now = datetime.now()
    words: set[str] = set()
    for case_id, case in enumerate(cases, start=1):
        values = {"id": case_id} | case_rows.case_values(case)
        by_table["cases"].append(values | {"version": 0, "created_at": now, "updated_at": now})
        for table, rows in case_rows.child_rows(case_id, case).items():
            by_table[table.__tablename__].extend(rows)
        by_table["discipline_inputs"].extend(case_rows.input_rows(case_id, case.discipline_inputs or []))
        words.update(case_rows.search_words(case))
    by_table["case_search_words"] = [{"token": t} for t in sorted(words)]
    out = {}
    for name, rows in by_table.items():
        if not rows:  # a part of a case none of these cases has (nothing to write)
            continue
        columns = list(rows[0])
        sql = f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        out[name] = (sql, [tuple(_sql_value(r[c]) for c in columns) for r in rows])
    return out


def schema_ddl(folder: Path) -> list[str]:
    """The CREATE statements of a database migrated by mdtboard (its own bookkeeping table aside)."""
    path = folder / "schema.sqlite3"
    open_database(sqlite_url(path)).dispose()
    conn = sqlite3.connect(path)
    try:
        return [
            sql
            for (sql,) in conn.execute(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name != 'alembic_version' "
                "ORDER BY rowid"
            )
        ]
    finally:
        conn.close()


def _bare_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def bare_import(path: Path, ddl: list[str], rows: dict[str, tuple[str, list[tuple[Any, ...]]]]) -> float:
    conn = _bare_connection(path)
    try:
        for statement in ddl:
            conn.execute(statement)

        def write() -> None:
            conn.execute("BEGIN IMMEDIATE")
            for sql, values in rows.values():
                conn.executemany(sql, values)
            conn.execute("COMMIT")

        return seconds(write)
    finally:
        conn.close()


def mdtboard_import(path: Path, raw: bytes) -> float:
    db = open_database(sqlite_url(path))
    try:
        service = CaseService(db)
        stored: list[Any] = []
        elapsed = seconds(lambda: stored.extend(import_bytes(service, raw, source="bench.json")))
        if len(stored) != N:
            raise RuntimeError(f"import stored {len(stored)} cases, expected {N}")
        return elapsed
    finally:
        db.dispose()


def row_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {
            t.__tablename__: conn.execute(f"SELECT count(*) FROM {t.__tablename__}").fetchone()[0]
            for t in TABLES
        }
    finally:
        conn.close()


def run() -> dict[str, Any]:
    raw = bundle_bytes(N, DEFAULT_SEED)
    rows = baseline_rows(raw)
    with tempfile.TemporaryDirectory(prefix="mdtboard-bench-") as tmp:
        folder = Path(tmp)
        ddl = schema_ddl(folder)
        mine: list[float] = []
        bare: list[float] = []
        for i in range(REPEATS):
            progress(f"import run {i + 1} of {REPEATS}")
            mine.append(mdtboard_import(folder / f"mdtboard-{i}.sqlite3", raw))
            bare.append(bare_import(folder / f"bare-{i}.sqlite3", ddl, rows))
        counts_mine = row_counts(folder / "mdtboard-0.sqlite3")
        counts_bare = row_counts(folder / "bare-0.sqlite3")
        if counts_mine != counts_bare:
            raise RuntimeError(f"the two imports wrote different rows: {counts_mine} vs {counts_bare}")
        # Where mdtboard's time goes, one step at a time (one run each).
        t_json = seconds(lambda: json.loads(raw))
        parsed: list[Any] = []
        t_parse = seconds(lambda: parsed.append(parse_bytes(raw, source="bench.json")))
        cases: list[Any] = []
        t_convert = seconds(lambda: cases.extend(cases_from_bundle(parsed[0])))
        t_check = seconds(lambda: [case_problems(c) for c in cases])
        db = open_database(sqlite_url(folder / "steps.sqlite3"))
        try:
            t_store = seconds(lambda: CaseService(db).store_many(cases))
        finally:
            db.dispose()
    m, b = median(mine), median(bare)
    steps = [
        ("json.loads alone (part of the check)", t_json),
        ("parse_bytes: decode + JSON + schema check", t_parse),
        ("cases_from_bundle: JSON -> domain", t_convert),
        ("store_many: domain checks + storage", t_store),
        ("  of which the domain checks (case_problems)", t_check),
    ]
    return {
        "rows": [
            row(
                f"import {N:,} cases (one transaction)",
                m,
                b,
                "s",
                note=f"{sum(counts_mine.values()):,} rows in {len(counts_mine)} tables, "
                f"bundle {len(raw) / 1e6:.1f} MB",
            ),
        ],
        "details": {
            "cases": N,
            "bundle_bytes": len(raw),
            "repeats": REPEATS,
            "mdtboard_s": mine,
            "baseline_s": bare,
            "row_counts": counts_mine,
            "mdtboard_steps_s": dict(steps),
        },
        "tables": [
            {
                "title": f"Where the import of {N:,} cases spends its time (one run of each step)",
                "columns": ["step", "seconds", "per case (ms)"],
                "rows": [[name, f"{t:.3f}", f"{t / N * 1000:.2f}"] for name, t in steps],
            }
        ],
    }
