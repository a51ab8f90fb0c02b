"""Reading a SQLite database with the standard library's ``sqlite3`` alone, for the command line.

SQLAlchemy and the declarative models take several times longer to import than a short command takes
to run, so ``mdtboard cases`` on a SQLite file at the program's schema reads it here, with the very
statements of :mod:`mdtboard.storage.case_search`, in one read transaction. Anything else (PostgreSQL, a
file that does not exist yet, a schema to upgrade) answers None, and the caller takes the ordinary path.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing

from mdtboard.domain.search import parse_query
from mdtboard.storage import case_search
from mdtboard.storage.location import BUSY_TIMEOUT_MS, head_revision, resolve_url, sqlite_file


def search(
    url: str | None, query: str, *, archived: bool = False
) -> list[tuple[str, str, str | None]] | None:
    """``(reference, patient, title)`` of every case matching ``query``, in reference order (the cases of
    ``CaseService.search(query, limit=None, archived=archived)``: the archived cases only with
    ``archived``, else the others), or None when this database is not a SQLite file at the program's
    schema."""
    path = sqlite_file(resolve_url(url))
    if path is None or not path.is_file():
        return None
    with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)) as conn:
        conn.execute("BEGIN")  # deferred: reading never waits for a writer (WAL)
        try:
            stored = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.DatabaseError:  # no schema yet, or not a database: the ordinary path says so
            return None
        if stored != [(head_revision(),)]:
            return None
        parsed = parse_query(query)
        shape = case_search.Shape(
            len(parsed.words), parsed.joined is not None, False, limited=False, archived=archived
        )
        values = case_search.params(parsed, archived=archived)
        rows = conn.execute(case_search.page_sql(shape), values).fetchall()
        conn.execute("ROLLBACK")
    return [(ref, name, title) for _id, ref, name, title, *_rest in rows]
