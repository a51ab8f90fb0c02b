"""Cached mdtboard databases of N generated cases, for the benchmarks that read rather than write.

Building 100,000 cases through the storage layer takes a minute or two, so each database is kept under
``bench/results/cache/``, named by case count, generator seed, generator version and schema revision:
any change to one of them builds a fresh file. A larger set is grown from the largest smaller one
already cached (case ``i`` depends only on the seed and ``i``), so 10k, 30k and 100k together cost
what 100k costs. A file appears under its final name only once complete.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

from bench.generate import DEFAULT_SEED, GENERATOR_VERSION, generate_cases
from bench.measure import progress
from mdtboard.services.uow import unit_of_work
from mdtboard.storage import case_repo
from mdtboard.storage.db import head_revision, open_database, sqlite_url

RESULTS = Path(__file__).resolve().parent / "results"
CACHE = RESULTS / "cache"
CHUNK = 2000
_NAME = re.compile(r"^cases-n(\d+)-seed(\d+)-g(\d+)-(.+?)\.sqlite3(\.building.*)?$")


def _name(n: int, seed: int, revision: str) -> str:
    return f"cases-n{n}-seed{seed}-g{GENERATOR_VERSION}-{revision}.sqlite3"


def _cached(seed: int, revision: str) -> dict[int, Path]:
    found: dict[int, Path] = {}
    for path in CACHE.glob("cases-*.sqlite3"):
        m = _NAME.match(path.name)
        if m and int(m[2]) == seed and int(m[3]) == GENERATOR_VERSION and m[4] == revision and not m[5]:
            found[int(m[1])] = path
    return found


def _remove_stale(seed: int, revision: str) -> None:
    """Drop cached databases (and unfinished builds) of an older generator or schema: they are large and
    never read again."""
    for path in CACHE.glob("cases-*.sqlite3*"):
        m = _NAME.match(path.name)
        if m and int(m[2]) == seed and (int(m[3]) != GENERATOR_VERSION or m[4] != revision):
            path.unlink()


def case_database(n: int, seed: int = DEFAULT_SEED) -> Path:
    """The path of an mdtboard SQLite database holding generated cases 0 to n-1 (built if not cached)."""
    revision = head_revision()
    CACHE.mkdir(parents=True, exist_ok=True)
    target = CACHE / _name(n, seed, revision)
    if target.exists():
        return target
    building = target.with_name(target.name + ".building")
    for leftover in CACHE.glob(building.name + "*"):
        leftover.unlink()
    older = _older_revision(n, seed, revision)
    if older is not None:
        # The same cases at an older schema: upgraded by mdtboard's own migrations, as a user's would be.
        progress(f"upgrading the cached database of {n:,} cases to schema {revision}")
        shutil.copyfile(older, building)
        open_database(sqlite_url(building)).dispose()
        return _finish(building, target, n)
    _remove_stale(seed, revision)
    smaller = [k for k in _cached(seed, revision) if k < n]
    have = max(smaller, default=0)
    if have:
        shutil.copyfile(CACHE / _name(have, seed, revision), building)
    progress(f"building a database of {n:,} cases from {have:,} (cached under {CACHE})")
    db = open_database(sqlite_url(building))
    try:
        for start in range(have, n, CHUNK):
            cases = list(generate_cases(min(CHUNK, n - start), seed, start=start))
            with unit_of_work(db) as session:
                case_repo.insert_cases(session, cases)
            if (start // CHUNK) % 10 == 9:
                progress(f"{start + len(cases):,} of {n:,} cases")
    finally:
        db.dispose()
    return _finish(building, target, n)


def _older_revision(n: int, seed: int, revision: str) -> Path | None:
    for path in CACHE.glob("cases-*.sqlite3"):
        m = _NAME.match(path.name)
        if m and (int(m[1]), int(m[2]), int(m[3])) == (n, seed, GENERATOR_VERSION) and m[4] != revision:
            return path
    return None


def _finish(building: Path, target: Path, n: int) -> Path:
    # Fold the write-ahead log into the file so that the file alone is the whole database.
    conn = sqlite3.connect(building)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (count,) = conn.execute("SELECT count(*) FROM cases").fetchone()
    finally:
        conn.close()
    if count != n:
        raise RuntimeError(f"{building} holds {count} cases, expected {n}")
    for suffix in ("-wal", "-shm"):
        Path(str(building) + suffix).unlink(missing_ok=True)
    building.replace(target)
    for stale in CACHE.glob(f"cases-n{n}-*.sqlite3"):
        if stale != target:
            stale.unlink()
    return target


#: The library sizes the search benchmarks read.
SIZES = (10_000, 30_000, 100_000)


def case_databases(sizes: tuple[int, ...] = SIZES, seed: int = DEFAULT_SEED) -> dict[int, Path]:
    """Databases of each size, built smallest first so that each grows from the one before."""
    return {n: case_database(n, seed) for n in sorted(sizes)}
