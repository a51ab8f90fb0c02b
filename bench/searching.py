"""Search as you type over a cached case database: what the library view asks at each keystroke.

The queries are the prefixes a person types while looking for real names of the generated library
(one query per keystroke, accents typed or not, two-word queries, a case reference, title words, a
typo that matches nothing), plus the empty query the library opens with.

Three ways of answering each query are timed on the same database file, in the same process, in turn:

* ``mdtboard``: ``CaseService.search(query, limit=100)`` (one page of the library), and
  ``CaseService.count(query)`` (the total the library shows), each a unit of work as the program runs it;
* ``bare``: the baseline, one indexed sqlite3 query on the token table for the same folded prefixes:
  ``SELECT DISTINCT ... FROM case_search_tokens JOIN cases ... WHERE token >= ? AND token < ? LIMIT 100``
  (each further word adds an ``EXISTS`` on the same index), and ``count(DISTINCT case_id)`` for the total;
* ``mdtboard SQL, bare``: the very statement mdtboard's storage layer builds (ordered by reference),
  executed with bare sqlite3, to tell the cost of the query's shape from the cost of the layers above it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.dialects import sqlite as sqlite_dialect

from bench.measure import median, percentile, seconds
from mdtboard.domain.search import prefix_upper_bound, query_tokens
from mdtboard.services.cases import CaseService
from mdtboard.storage import case_repo
from mdtboard.storage.db import open_database, sqlite_url
from mdtboard.storage.models import CaseRow

LIMIT = 100

#: What people type, one keystroke at a time (accents typed as written, or not at all).
TYPED = (
    "nguyen thi hoa",
    "José Ñúñez",
    "zoe orsted",
    "wisniewska",
    "Yılmaz",
    "muller",
    "Sørensen",
    "smith",
    "chronic back",
    "pmc-2019-000123",
    "nguyne",  # a typo: "nguyn" and "nguyne" match nothing
)


def keystrokes(text: str) -> list[str]:
    """Each prefix of ``text`` as the search box holds it after each key, skipping those that end in a
    separator (they ask the same as the keystroke before)."""
    return [text[:k] for k in range(1, len(text) + 1) if text[k - 1].isalnum()]


def queries() -> list[str]:
    out = [""]
    for text in TYPED:
        out.extend(q for q in keystrokes(text) if q not in out)
    return out


# ---------------------------------------------------------------------------- the baseline


def _bare_search_sql(words: int) -> str:
    sql = (
        "SELECT DISTINCT c.id, c.ref, c.display_name, c.title, c.fictional, c.updated_at "
        "FROM case_search_tokens t JOIN cases c ON c.id = t.case_id WHERE t.token >= ? AND t.token < ?"
    )
    for _ in range(words - 1):
        sql += (
            " AND EXISTS (SELECT 1 FROM case_search_tokens t2 WHERE t2.case_id = c.id"
            " AND t2.token >= ? AND t2.token < ?)"
        )
    return sql + f" LIMIT {LIMIT}"


#: The library counts matches only up to this many (mdtboard.ui.cases.table_model.COUNT_LIMIT) and
#: says "more than 1,000 cases" past it; both counts here stop at the same point.
COUNT_LIMIT = 1000


def _bare_count_sql(words: int) -> str:
    one = "SELECT case_id FROM case_search_tokens WHERE token >= ? AND token < ?"
    if words == 1:
        inner = "SELECT DISTINCT case_id FROM case_search_tokens WHERE token >= ? AND token < ?"
    else:
        inner = " INTERSECT ".join([one] * words)
    return f"SELECT count(*) FROM ({inner} LIMIT {COUNT_LIMIT + 1})"


def bare_statements(query: str) -> tuple[str, str, list[str]]:
    """The baseline's search and count statements for ``query`` and their parameters."""
    words = query_tokens(query)
    if not words:
        return (
            f"SELECT id, ref, display_name, title, fictional, updated_at FROM cases LIMIT {LIMIT}",
            f"SELECT count(*) FROM (SELECT id FROM cases LIMIT {COUNT_LIMIT + 1})",
            [],
        )
    params = [p for w in words for p in (w, prefix_upper_bound(w))]
    return _bare_search_sql(len(words)), _bare_count_sql(len(words)), params


def mdtboard_sql(query: str) -> str:
    """The statement ``case_repo.search`` runs for ``query`` (default sort), with its values inlined."""
    stmt = case_repo.search_stmt(query).order_by(CaseRow.ref.asc(), CaseRow.id).offset(0).limit(LIMIT)
    return str(stmt.compile(dialect=sqlite_dialect.dialect(), compile_kwargs={"literal_binds": True}))


# ---------------------------------------------------------------------------- measuring


def _stats(values: list[float]) -> dict[str, float]:
    return {"median_ms": median(values) * 1000, "p95_ms": percentile(values, 95) * 1000}


def measure(path: Path, *, passes: int, with_count: bool = True) -> dict[str, Any]:
    """Time every query ``passes`` times each way (after one untimed warm-up pass) on database ``path``."""
    db = open_database(sqlite_url(path))
    service = CaseService(db)
    bare = sqlite3.connect(path)
    try:
        (cases,) = bare.execute("SELECT count(*) FROM cases").fetchone()
        qs = queries()
        prepared = {q: (bare_statements(q), mdtboard_sql(q)) for q in qs}
        ways: dict[str, Callable[[str], Any]] = {
            "mdtboard": lambda q: service.search(q, limit=LIMIT),
            "bare": lambda q: bare.execute(prepared[q][0][0], prepared[q][0][2]).fetchall(),
            "mdtboard_sql_bare": lambda q: bare.execute(prepared[q][1]).fetchall(),
        }
        if with_count:
            ways["count"] = lambda q: service.count(q, limit=COUNT_LIMIT)
            ways["bare_count"] = lambda q: bare.execute(prepared[q][0][1], prepared[q][0][2]).fetchone()
        times: dict[str, dict[str, list[float]]] = {w: {q: [] for q in qs} for w in ways}
        for p in range(passes + 1):
            for q in qs:  # in typing order, each way in turn
                for way, fn in ways.items():
                    elapsed = seconds(lambda fn=fn, q=q: fn(q))  # type: ignore[misc]
                    if p:
                        times[way][q].append(elapsed)
        matches = {q: service.count(q) for q in qs} if with_count else {}
        # Same answers? The baseline returns an unordered page, so compare sizes.
        for q in qs:
            mine, theirs = len(service.search(q, limit=LIMIT)), len(ways["bare"](q))
            if mine != theirs:
                raise RuntimeError(f"{q!r}: mdtboard found {mine}, the baseline {theirs}")
        plans = {
            q: [r[3] for r in bare.execute("EXPLAIN QUERY PLAN " + prepared[q][1])]
            for q in ("n", "nguyen thi", "nguyn")
        }
    finally:
        bare.close()
        db.dispose()
    return {
        "cases": cases,
        "passes": passes,
        "queries": qs,
        "overall": {way: _stats([t for ts in per.values() for t in ts]) for way, per in times.items()},
        "per_query": {
            q: {way: median(times[way][q]) * 1000 for way in ways}
            | ({"matches": matches[q]} if matches else {})
            for q in qs
        },
        "plans": plans,
    }
