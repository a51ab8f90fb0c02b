"""Encryption at rest: opening the database and one case autosave, encrypted (SQLCipher) against plain.

Two SQLite databases with the same cases, made in this run: one created with the ``database/encrypt``
setting on (SQLCipher, its key in a keyring), one without. For each, in alternation, ``ROUNDS`` times:

1. open: ``open_services`` as a command does (the key read from the keyring, every connection keyed, the
   schema revision read, ``PRAGMA quick_check`` of the whole file), then the first read of one case;
2. one case autosave after a one-field edit (``CaseService.update`` with the base, as the case editor's
   record session saves), committed;
3. the two together, closing the database after.

The baseline is the same work on the plain database. The keyring is keyrings.alt's file backend (as in the
tests; a desktop keyring answers in about the same or a few milliseconds more, once unlocked). No target:
the figure says what encryption costs. The file sizes are in the details.
"""

from __future__ import annotations

import copy
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.generate import make_case
from bench.measure import median, progress, row

#: Cases in each database; ``MDTBOARD_BENCH_ENCRYPTION_CASES`` sets another number (a larger file makes
#: the whole-file ``quick_check`` at opening, which decrypts every page, weigh more).
CASES = int(os.environ.get("MDTBOARD_BENCH_ENCRYPTION_CASES", "300"))
ROUNDS = 15
SAVES = 40


def _open_and_save(url: str, ref: str, n: int) -> tuple[float, float]:
    from mdtboard.services.context import open_services

    start = time.perf_counter()
    services = open_services(url, create=False)
    base = services.cases.get_by_ref(ref)
    opened = time.perf_counter() - start
    edited = copy.deepcopy(base)
    edited.title = f"{base.title or ''} ({n})"
    start = time.perf_counter()
    services.cases.update(edited, base=base)
    saved = time.perf_counter() - start
    services.close()
    return opened, saved


def _saves(url: str, ref: str) -> list[float]:
    """``SAVES`` autosaves of one case in one open database (the connection pooled, as in the program)."""
    from mdtboard.services.context import open_services

    services = open_services(url, create=False)
    base = services.cases.get_by_ref(ref)
    times = []
    for n in range(SAVES):
        edited = copy.deepcopy(base)
        edited.title = f"Autosave {n}"
        start = time.perf_counter()
        base = services.cases.update(edited, base=base)
        times.append(time.perf_counter() - start)
    services.close()
    return times


def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="mdtboard-bench-") as tmp:
        folder = Path(tmp)
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
        os.environ["XDG_DATA_HOME"] = str(folder / "keyring")
        from mdtboard.services.context import open_services
        from mdtboard.storage import cipher

        urls = {}
        for kind in ("plain", "encrypted"):
            progress(f"the {kind} database of {CASES} cases")
            path = folder / f"{kind}.sqlite3"
            services = open_services(f"sqlite:///{path}", encrypt=kind == "encrypted")
            for i in range(CASES):
                services.cases.create(make_case(i))
            services.close()
            assert cipher.file_state(path) == kind
            urls[kind] = f"sqlite:///{path}"
        ref = make_case(CASES // 2).ref
        opened: dict[str, list[float]] = {"plain": [], "encrypted": []}
        saved: dict[str, list[float]] = {"plain": [], "encrypted": []}
        total: dict[str, list[float]] = {"plain": [], "encrypted": []}
        progress(f"open + one autosave, {ROUNDS} rounds each, alternating")
        for n in range(ROUNDS):
            for kind in (("plain", "encrypted") if n % 2 == 0 else ("encrypted", "plain")):
                start = time.perf_counter()
                o, s = _open_and_save(urls[kind], ref, n)
                total[kind].append(time.perf_counter() - start)
                opened[kind].append(o)
                saved[kind].append(s)
        progress(f"{SAVES} autosaves in an open database each")
        pooled = {kind: _saves(url, ref) for kind, url in urls.items()}
        sizes = {kind: Path(url.removeprefix("sqlite:///")).stat().st_size for kind, url in urls.items()}

    def ms(values: list[float]) -> float:
        return median(values) * 1000

    rows = [
        row("encrypted: open + one case autosave + close", ms(total["encrypted"]), ms(total["plain"]), "ms",
            note=f"median of {ROUNDS}; baseline: the same on an unencrypted database ({CASES} cases)"),
        row("  of which open (key, quick_check, first read)", ms(opened["encrypted"]), ms(opened["plain"]),
            "ms"),
        row("  of which the autosave (first write)", ms(saved["encrypted"]), ms(saved["plain"]), "ms"),
        row("encrypted: case autosave, database open", ms(pooled["encrypted"]), ms(pooled["plain"]), "ms",
            note=f"median of {SAVES}"),
    ]
    return {
        "rows": rows,
        "details": {
            "cases": CASES,
            "file_bytes": sizes,
            "open_s": opened,
            "first_save_s": saved,
            "total_s": total,
            "pooled_save_s": pooled,
        },
    }
