"""Probe: other statements for search and count over the cached 100,000-case database, run with bare sqlite3.

Not a benchmark (the runner does not pick it up): a measurement to guide a change to
``storage/case_repo.py``. ``python -m bench.probe_search_plans`` prints, per query, in ms:

* ``count now``: the statement ``case_repo.count`` builds (every match counted);
* ``capped count``: the matches counted only up to 1,001 (the library could show "1,000+"), with further
  words checked by ``EXISTS`` on the token primary key instead of ``INTERSECT``;
* ``page now``: the statement ``case_repo.search`` builds (all matches read and sorted by reference);
* ``walk ref``: the reference index walked in order, each case checked with ``EXISTS``, stopping at 100;
* ``hybrid``: capped count first; a broad query (cap reached) walks the reference index, a narrow one
  sorts its few matches.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite as sqlite_dialect

from bench.datasets import case_database
from mdtboard.domain.search import prefix_upper_bound, query_tokens
from mdtboard.storage import case_repo
from mdtboard.storage.models import CaseRow

CAP = 1001
COLUMNS = "c.id, c.ref, c.display_name, c.title, c.fictional, c.updated_at"
QUERIES = (
    "p",
    "c",
    "n",
    "ng",
    "nguyen",
    "nguyen t",
    "nguyen thi hoa",
    "s",
    "smith",
    "chronic b",
    "zoe o",
    "pmc-20",
    "pmc-2019",
    "wisniewska",
    "nguyn",
)


def _compiled(stmt: Any) -> str:
    return str(stmt.compile(dialect=sqlite_dialect.dialect(), compile_kwargs={"literal_binds": True}))


def _ids(words: list[str]) -> tuple[str, list[str]]:
    sql = "SELECT DISTINCT t.case_id FROM case_search_tokens t WHERE t.token >= ? AND t.token < ?"
    for i in range(1, len(words)):
        sql += (
            f" AND EXISTS (SELECT 1 FROM case_search_tokens t{i} WHERE t{i}.case_id = t.case_id"
            f" AND t{i}.token >= ? AND t{i}.token < ?)"
        )
    return sql, [p for w in words for p in (w, prefix_upper_bound(w))]


def main() -> None:
    conn = sqlite3.connect(case_database(100_000))

    def count_now(q: str) -> Any:
        inner = case_repo.search_stmt(q).subquery()
        return conn.execute(_compiled(sa.select(sa.func.count()).select_from(inner))).fetchone()

    def page_now(q: str) -> Any:
        stmt = case_repo.search_stmt(q).order_by(CaseRow.ref, CaseRow.id).limit(100)
        return conn.execute(_compiled(stmt)).fetchall()

    def capped(q: str) -> int:
        sql, params = _ids(query_tokens(q))
        return int(conn.execute(f"SELECT count(*) FROM ({sql} LIMIT {CAP})", params).fetchone()[0])

    def walk_ref(q: str) -> Any:
        words = query_tokens(q)
        where = " AND ".join(
            f"EXISTS (SELECT 1 FROM case_search_tokens t{i} WHERE t{i}.case_id = c.id"
            f" AND t{i}.token >= ? AND t{i}.token < ?)"
            for i in range(len(words))
        )
        params = [p for w in words for p in (w, prefix_upper_bound(w))]
        return conn.execute(
            f"SELECT {COLUMNS} FROM cases c INDEXED BY sqlite_autoindex_cases_1 WHERE {where} "
            "ORDER BY c.ref LIMIT 100",
            params,
        ).fetchall()

    def sorted_few(q: str) -> Any:
        sql, params = _ids(query_tokens(q))
        return conn.execute(
            f"SELECT {COLUMNS} FROM cases c WHERE c.id IN ({sql}) ORDER BY c.ref, c.id LIMIT 100", params
        ).fetchall()

    def hybrid(q: str) -> Any:
        return walk_ref(q) if capped(q) >= CAP else sorted_few(q)

    ways: dict[str, Callable[[str], Any]] = {
        "count now": count_now,
        "capped count": capped,
        "page now": page_now,
        "walk ref": walk_ref,
        "hybrid": hybrid,
    }
    print(f"{'query':18}" + "".join(f"{w:>14}" for w in ways) + f"{'matches':>10}")
    for q in QUERIES:
        cells = []
        for fn in ways.values():
            fn(q)
            times = []
            for _ in range(5):
                start = time.perf_counter()
                fn(q)
                times.append(time.perf_counter() - start)
            cells.append(f"{statistics.median(times) * 1000:14.2f}")
        matches = count_now(q)[0]
        print(f"{q!r:18}" + "".join(cells) + f"{matches:>10,}")
    conn.close()


if __name__ == "__main__":
    main()
