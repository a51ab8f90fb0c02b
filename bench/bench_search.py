"""Search as you type over 100,000 cases, on SQLite and on PostgreSQL: at every keystroke the bounded count
and the first page of 100 (``CaseService.search_with_count``), against a bare query through the bare
driver returning the same sorted page.

Targets (issue 16), on each database: p95 at most 20 ms and the slowest keystroke at most 50 ms; median
within 3x of the bare query; one statement for the page and at most one bounded count per keystroke.
See ``bench.searching`` for the queries and the ways of answering. PostgreSQL is the test server
(``MDTBOARD_TEST_POSTGRES_URL``); the cases are copied there once (``bench.pg_dataset``).
"""

from __future__ import annotations

from typing import Any

from bench.datasets import case_databases
from bench.measure import median, percentile, progress, row
from bench.pg_dataset import pg_case_database
from bench.searching import TICK, measure
from mdtboard.storage.db import sqlite_url

N = 100_000
PASSES = 4
TARGET_P95_MS = 20.0
TARGET_MAX_MS = 50.0
TARGET_RATIO = 3.0
SLOWEST_SHOWN = 12


def _label(query: str) -> str:
    return repr(query) if query else "'' (whole library)"


def _rows(backend: str, m: dict[str, Any]) -> list[dict[str, Any]]:
    o = m["overall"]
    med, bare_med = o["mdtboard"]["median_ms"], o["bare"]["median_ms"]
    p95, worst = o["mdtboard"]["p95_ms"], o["mdtboard"]["max_ms"]
    per = m["per_query"]
    over = sum(1 for q in per if per[q]["mdtboard"] > TARGET_P95_MS)
    slowest = max(per, key=lambda q: per[q]["max"])
    tag = f"search {N // 1000}k, {backend}"
    return [
        row(
            f"{tag}: median per keystroke",
            med,
            bare_med,
            "ms",
            target=f"<= {TARGET_RATIO:g}x bare",
            met=med <= TARGET_RATIO * bare_med,
            note=f"{len(m['queries'])} queries x {PASSES} passes, count and page; mdtboard's statements "
            f"through the bare driver: {o['mdtboard_sql_bare']['median_ms']:.2f} ms median",
        ),
        row(
            f"{tag}: p95 per keystroke",
            p95,
            o["bare"]["p95_ms"],
            "ms",
            target=f"<= {TARGET_P95_MS:g} ms",
            met=p95 <= TARGET_P95_MS,
            note=f"{over} of {len(per)} queries have a median over {TARGET_P95_MS:g} ms",
        ),
        row(
            f"{tag}: slowest keystroke",
            worst,
            o["bare"]["max_ms"],
            "ms",
            target=f"<= {TARGET_MAX_MS:g} ms",
            met=worst <= TARGET_MAX_MS,
            note=f"{_label(slowest)} ({per[slowest]['matches']:,} matches)",
        ),
        row(
            f"{tag}: statements per keystroke, most",
            m["statements_max"],
            None,
            "",
            target="<= 2 (page + bounded count)",
            met=m["statements_max"] <= 2,
            note=f"pages unlike the bare query's: {len(m['pages_differ'])} {m['pages_differ'][:5]}",
        ),
    ]


def _instruction_rows(m: dict[str, Any]) -> list[dict[str, Any]]:
    """SQLite only: the virtual machine's instructions per keystroke, which the machine's load does not
    change (see ``bench.searching``)."""
    per = m["instructions"]
    if not per:
        return []
    mine = [v["mdtboard"] * TICK for v in per.values()]
    bare = [v["bare"] * TICK for v in per.values()]
    heaviest = max(per, key=lambda q: per[q]["mdtboard"])
    most = per[heaviest]
    return [
        row(
            f"search {N // 1000}k, SQLite: instructions per keystroke, median",
            median(mine),
            median(bare),
            "",
            note=f"SQLite virtual-machine instructions of mdtboard's count and page (bare driver) against "
            f"the bare query; p95 {percentile(mine, 95):,.0f} (bare {percentile(bare, 95):,.0f}); "
            f"most: {_label(heaviest)} {most['mdtboard'] * TICK:,} (bare {most['bare'] * TICK:,})",
        )
    ]


def _table(backend: str, m: dict[str, Any]) -> dict[str, Any]:
    per = m["per_query"]
    slowest = sorted(per, key=lambda q: -per[q]["mdtboard"])[:SLOWEST_SHOWN]
    return {
        "title": f"{backend}: slowest {SLOWEST_SHOWN} keystrokes over {N:,} cases (median of {PASSES}, ms)",
        "columns": ["query", "matches", "mdtboard", "max", "bare", "ratio", "mdtboard SQL bare"],
        "rows": [
            [
                _label(q),
                f"{per[q]['matches']:,}",
                f"{per[q]['mdtboard']:.2f}",
                f"{per[q]['max']:.2f}",
                f"{per[q]['bare']:.2f}",
                f"{per[q]['mdtboard'] / per[q]['bare']:.1f}x",
                f"{per[q]['mdtboard_sql_bare']:.2f}",
            ]
            for q in slowest
        ],
    }


def run() -> dict[str, Any]:
    path = case_databases()[N]
    urls = {"SQLite": sqlite_url(path), "PostgreSQL": pg_case_database(N)}
    rows: list[dict[str, Any]] = []
    tables = []
    details = {}
    for backend, url in urls.items():
        progress(f"timing {PASSES} passes of search as you type over {N:,} cases on {backend}")
        m = measure(url, passes=PASSES)
        rows += _rows(backend, m) + _instruction_rows(m)
        tables.append(_table(backend, m))
        details[backend] = m
    return {"rows": rows, "details": details, "tables": tables}
