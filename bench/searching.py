"""Search as you type over a cached case database: what the library asks at each keystroke.

The queries are the prefixes a person types while looking for real names of the generated library
(one query per keystroke, accents typed or not, two-word names, case references, title words, a typo
that matches nothing), plus the empty query the library opens with: more than 100 of them.

Three ways of answering each query are timed on the same database, in the same process, in turn:

* ``mdtboard``: ``CaseService.search_with_count(query, count_limit=1000, limit=100)``: the whole keystroke
  as the library makes it (the bounded count and the first page, one read transaction);
* ``bare``: the baseline, one plain statement through the bare driver (``sqlite3``, or ``psycopg`` on
  PostgreSQL) returning the same sorted page: the cases whose id is among the token index's matches for
  each word (``INTERSECT`` for further words), ordered by reference, first 100;
* ``mdtboard SQL, bare``: mdtboard's own two statements (count and page) run through the bare driver,
  which tells the cost of the statements from the cost of the layers above them.

The statements each keystroke sends are counted too (SQLAlchemy's ``before_cursor_execute``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from bench.measure import median, percentile, seconds
from mdtboard.domain.search import parse_query, prefix_upper_bound
from mdtboard.services.cases import CaseService
from mdtboard.storage import case_search_reads
from mdtboard.storage.case_ref_search import RefShapes
from mdtboard.storage.db import open_database, sqlite_url

LIMIT = 100
#: The library counts matches up to this many (mdtboard.ui.cases.table_model.COUNT_LIMIT).
COUNT_LIMIT = 1000

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
    "jessica ngu",
    "abdel rahman",
    "oconnor",
    "chronic back",
    "phantom limb",
    "pmc-2019-000123",
    "pmc2020",
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

COLUMNS = "c.id, c.ref, c.display_name, c.title, c.fictional, c.updated_at"


def bare_statement(query: str, placeholder: str) -> tuple[str, list[str]]:
    """The baseline's sorted page for ``query``, with the driver's placeholder, and its parameters."""
    words = parse_query(query).words
    if not words:
        return f"SELECT {COLUMNS} FROM cases c ORDER BY c.ref, c.id LIMIT {LIMIT}", []
    one = f"SELECT case_id FROM case_search_tokens WHERE token >= {placeholder} AND token < {placeholder}"
    ids = " INTERSECT ".join([one] * len(words))
    sql = f"SELECT {COLUMNS} FROM cases c WHERE c.id IN ({ids}) ORDER BY c.ref, c.id LIMIT {LIMIT}"
    return sql, [p for w in words for p in (w, prefix_upper_bound(w))]


# ---------------------------------------------------------------------------- measuring


def _stats(values: list[float]) -> dict[str, float]:
    return {
        "median_ms": median(values) * 1000,
        "p95_ms": percentile(values, 95) * 1000,
        "max_ms": max(values) * 1000,
    }


class _Bare:
    """The bare driver's connection, and how it runs a statement."""

    def __init__(self, url: str) -> None:
        self.sqlite = url.startswith("sqlite")
        if self.sqlite:
            self.conn: Any = sqlite3.connect(url.removeprefix("sqlite:///"))
        else:
            import psycopg

            parsed = sa.make_url(url)
            self.conn = psycopg.connect(
                host=parsed.host,
                port=parsed.port,
                user=parsed.username,
                dbname=parsed.database,
                options=str(parsed.query.get("options", "")),
                autocommit=True,
            )
        self.placeholder = "?" if self.sqlite else "%s"

    def rows(self, sql: str, params: Any) -> list[Any]:
        if not self.sqlite:
            sql = _named_to_pyformat(sql) if isinstance(params, dict) else sql
        cursor = self.conn.execute(sql, params)
        return list(cursor.fetchall())

    def close(self) -> None:
        self.conn.close()


def _named_to_pyformat(sql: str) -> str:
    import re

    return re.sub(r":(\w+)", r"%(\1)s", sql)


def measure(url: str, *, passes: int) -> dict[str, Any]:
    """Time every query ``passes`` times each way (after one untimed warm-up pass) on database ``url``."""
    db = open_database(url)
    service = CaseService(db)
    bare = _Bare(url)
    statements: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    try:
        (cases,) = bare.rows("SELECT count(*) FROM cases", [])[0]
        qs = queries()
        pg = not bare.sqlite
        prepared = {q: (bare_statement(q, bare.placeholder),) for q in qs}
        refs = RefShapes()  # what mdtboard knows of the references' shapes, through the bare driver

        def keystroke(q: str) -> Any:
            return service.search_with_count(q, count_limit=COUNT_LIMIT, limit=LIMIT)

        def mine_bare(q: str) -> Any:
            """mdtboard's statements for the keystroke (the bounded count, then the page it chooses)."""
            parsed = parse_query(q)
            fetch = bare.rows
            limit = COUNT_LIMIT if parsed.words else None
            _total, matches, sizes = case_search_reads.count(
                fetch, parsed, None, limit, False, postgresql=pg, refs=refs, ahead=("ref", LIMIT)
            )
            return case_search_reads.page(
                fetch, fetch, parsed, fictional=None, limit=LIMIT, offset=0, sort="ref", descending=False,
                matches=matches, after=None, archived=False, postgresql=pg, sizes=sizes, refs=refs,
            )

        ways: dict[str, Callable[[str], Any]] = {
            "mdtboard": keystroke,
            "bare": lambda q: bare.rows(*prepared[q][0]),
            "mdtboard_sql_bare": mine_bare,
        }
        times: dict[str, dict[str, list[float]]] = {w: {q: [] for q in qs} for w in ways}
        for p in range(passes + 1):
            for q in qs:  # in typing order, each way in turn
                for way, fn in ways.items():
                    elapsed = seconds(lambda fn=fn, q=q: fn(q))  # type: ignore[misc]
                    if p:
                        times[way][q].append(elapsed)
        # Same answers, and how many statements a keystroke sends.
        matches: dict[str, int] = {}
        per_keystroke: dict[str, int] = {}
        differ = []
        sa.event.listen(db.engine, "before_cursor_execute", note)
        for q in qs:
            statements.clear()
            page, total = keystroke(q)
            per_keystroke[q] = sum(1 for s in statements if s.lstrip().upper().startswith("SELECT"))
            matches[q] = total
            theirs = bare.rows(*prepared[q][0])
            if [s.id for s in page] != [r[0] for r in theirs]:
                differ.append(q)
        sa.event.remove(db.engine, "before_cursor_execute", note)
        baseline = {q: prepared[q][0] for q in qs}
        instructions = _instructions(bare, qs, baseline, mine_bare) if bare.sqlite else {}
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
            | {"max": max(times["mdtboard"][q]) * 1000, "matches": matches[q], "statements": per_keystroke[q]}
            for q in qs
        },
        "pages_differ": differ,
        "statements_max": max(per_keystroke.values()),
        "instructions": instructions,
    }


#: SQLite's virtual machine calls the progress handler every this many instructions.
TICK = 100


def _instructions(
    bare: _Bare, qs: list[str], baseline: dict[str, tuple[str, list[str]]], mine: Callable[[str], Any]
) -> dict[str, dict[str, int]]:
    """SQLite virtual-machine instructions (in hundreds) of each query, mdtboard's two statements and the
    bare query, both through the bare driver: a measure of the work that the machine's load does not
    change (what timings on a shared machine cannot give)."""
    ticks = [0]

    def tick() -> int:
        ticks[0] += 1
        return 0

    def counted(fn: Callable[[], Any]) -> int:
        ticks[0] = 0
        fn()
        return ticks[0]

    bare.conn.set_progress_handler(tick, TICK)
    try:
        return {
            q: {
                "mdtboard": counted(lambda q=q: mine(q)),  # type: ignore[misc]
                "bare": counted(lambda q=q: bare.rows(*baseline[q])),  # type: ignore[misc]
            }
            for q in qs
        }
    finally:
        bare.conn.set_progress_handler(None, TICK)


def sqlite_measure(path: Path, *, passes: int) -> dict[str, Any]:
    return measure(sqlite_url(path), passes=passes)
