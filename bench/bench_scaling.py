"""How search-as-you-type time grows with the library: 10,000, 30,000 and 100,000 cases.

The same queries as ``bench_search`` (see ``bench.searching``), on cached databases of each size, each
timed through ``CaseService.search_with_count`` (one keystroke) and through the bare sqlite3 baseline.
The growth factor is the median at 100,000 over the median at 10,000 (10x the cases); an index-bound
search grows far less than 10x, a search that reads every match grows with the matches.
"""

from __future__ import annotations

from typing import Any

from bench.datasets import SIZES, case_databases
from bench.measure import progress, row
from bench.searching import measure
from mdtboard.storage.db import sqlite_url

PASSES = 2


def run() -> dict[str, Any]:
    paths = case_databases(SIZES)
    by_size: dict[int, dict[str, Any]] = {}
    for n, path in paths.items():
        progress(f"timing {PASSES} passes over {n:,} cases")
        by_size[n] = measure(sqlite_url(path), passes=PASSES)
    small, large = min(by_size), max(by_size)
    rows = []
    for n, m in by_size.items():
        o = m["overall"]
        rows.append(
            row(
                f"search {n // 1000}k cases: median", o["mdtboard"]["median_ms"], o["bare"]["median_ms"], "ms"
            )
        )

    def growth(way: str, stat: str) -> float:
        return float(by_size[large]["overall"][way][stat] / by_size[small]["overall"][way][stat])

    span = f"{small // 1000}k -> {large // 1000}k"
    rows += [
        row(
            f"search growth {span}: median",
            growth("mdtboard", "median_ms"),
            growth("bare", "median_ms"),
            "x",
            note=f"{large // small}x the cases; baseline column: growth of the bare query",
        ),
        row(f"search growth {span}: p95", growth("mdtboard", "p95_ms"), growth("bare", "p95_ms"), "x"),
    ]
    ways = ("mdtboard", "bare", "mdtboard_sql_bare")
    return {
        "rows": rows,
        "details": {
            "passes": PASSES,
            "by_size": {str(n): m["overall"] for n, m in by_size.items()},
            "per_query": {str(n): m["per_query"] for n, m in by_size.items()},
        },
        "tables": [
            {
                "title": "Search time by library size (ms, median / p95 over all queries)",
                "columns": ["cases", "search (count + page)", "bare", "mdtboard SQL bare"],
                "rows": [
                    [f"{n:,}"]
                    + [f"{m['overall'][w]['median_ms']:.2f} / {m['overall'][w]['p95_ms']:.1f}" for w in ways]
                    for n, m in by_size.items()
                ],
            }
        ],
    }
