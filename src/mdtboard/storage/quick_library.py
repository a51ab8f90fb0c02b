"""The case library's reads of a SQLite file with the standard library's ``sqlite3`` alone, for the program's
first second: the library is filled through :class:`LibraryReader` while SQLAlchemy, the models and the
services load behind it (see ``mdtboard.services.quick_cases``), with the very statements of
:mod:`mdtboard.storage.case_search`. Anything else (PostgreSQL, a file that does not exist yet, an encrypted
file, a schema to upgrade, or one newer than the program's) answers None, and the caller takes the ordinary
path. (The command line's own quick read is :mod:`mdtboard.storage.quick`.)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from mdtboard.domain.case import CaseSummary
from mdtboard.domain.errors import DatabaseError
from mdtboard.domain.search import parse_query
from mdtboard.storage import case_search_reads
from mdtboard.storage.case_ref_search import RefShapes
from mdtboard.storage.location import BUSY_TIMEOUT_MS, head_revision, resolve_url, sqlite_file


def _time(value: str | None) -> datetime | None:
    """A time as SQLAlchemy reads it back from SQLite (``DateTime`` is stored as ISO text)."""
    return datetime.fromisoformat(value) if value is not None else None


def _summary(row: Sequence[Any]) -> CaseSummary:
    """A row of :data:`case_search.SUMMARY_COLUMNS` as the services give it (flags and times typed)."""
    case_id, ref, name, title, fictional, updated_at, archived_at = row
    return CaseSummary(case_id, ref, name, title, bool(fictional), _time(updated_at), _time(archived_at))


class LibraryReader:
    """The case library's reads (a page and the bounded count; a page from a row, or after a reference) of
    a SQLite file at the program's schema, with ``sqlite3`` alone: the answers of ``CaseService.search``
    and ``search_with_count`` for nobody signed in (the caller applies who may see what).

    Each read opens its own connection (on any thread), in one deferred read transaction that first checks
    the stored schema revision again: a file upgraded or replaced meanwhile is never read as if it were
    the one checked (:class:`DatabaseError`). Nothing is ever written; the file is never created.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        #: The newest change of the change log when the first page and count were read (in the same read
        #: transaction): the program's live updates start from it, so that a change saved elsewhere after
        #: the library was filled, and before the services were open, still reaches the library.
        self.first_change: int | None = None
        #: What is known of the file's reference shapes (see ``storage.case_ref_search``).
        self.refs = RefShapes()

    @classmethod
    def open(cls, url: str | None) -> LibraryReader | None:
        """A reader of ``url`` (the default database when None) when it is a plain SQLite file that exists
        and stores the program's schema revision (one query), else None: the ordinary path opens it."""
        path = sqlite_file(resolve_url(url))
        if path is None or not path.is_file():
            return None
        reader = cls(path.expanduser().resolve())
        try:
            with reader._reading():
                pass
        except DatabaseError:  # no schema yet, another one, encrypted, not a database
            return None
        return reader

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        uri = f"{self.path.as_uri()}?mode=rw"  # never created here
        try:
            with closing(
                sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                check_same_thread=False)
            ) as conn:
                conn.execute("BEGIN")  # deferred: reading never waits for a writer (WAL)
                try:
                    stored = conn.execute("SELECT version_num FROM alembic_version").fetchall()
                    if stored != [(head_revision(),)]:
                        raise DatabaseError(f"The database {self.path} is not at this program's schema.")
                    yield conn
                finally:
                    conn.execute("ROLLBACK")
        except sqlite3.Error as exc:  # SQLite's message names no value read or bound
            raise DatabaseError(f"Cannot read the database {self.path}: {exc}") from exc

    def search_with_count(
        self,
        query: str = "",
        *,
        count_limit: int,
        fictional: bool | None = None,
        limit: int | None = 100,
        offset: int = 0,
        sort: str = "ref",
        descending: bool = False,
        archived: bool = False,
    ) -> tuple[list[CaseSummary], int]:
        """As ``case_search_repo.search_with_count``: a page and the bounded count, one read transaction."""
        parsed = parse_query(query)
        with self._reading() as conn:
            fetch = self._fetch(conn)
            limit_count = count_limit if parsed.words else None
            total, matches, sizes = case_search_reads.count(fetch, parsed, fictional, limit_count, archived,
                                                     postgresql=False, refs=self.refs)
            rows = case_search_reads.page(
                fetch, fetch, parsed, fictional=fictional, limit=limit, offset=offset, sort=sort,
                descending=descending, matches=matches, after=None, archived=archived, postgresql=False,
                sizes=sizes, refs=self.refs,
            )
            if self.first_change is None:
                ((newest,),) = fetch("SELECT coalesce(max(id), 0) FROM change_log", {})
                self.first_change = int(newest)
        return [_summary(row) for row in rows], total

    def search(
        self,
        query: str = "",
        *,
        fictional: bool | None = None,
        limit: int | None = 100,
        offset: int = 0,
        sort: str = "ref",
        descending: bool = False,
        after: str | None = None,
        archived: bool = False,
    ) -> list[CaseSummary]:
        """As ``case_search_repo.search``: one sorted page of the matching cases."""
        parsed = parse_query(query)
        with self._reading() as conn:
            fetch = self._fetch(conn)
            rows = case_search_reads.page(
                fetch, fetch, parsed, fictional=fictional, limit=limit, offset=offset, sort=sort,
                descending=descending, matches=None, after=after, archived=archived, postgresql=False,
                refs=self.refs,
            )
        return [_summary(row) for row in rows]

    @staticmethod
    def _fetch(conn: sqlite3.Connection) -> case_search_reads.Fetch:
        return lambda sql, values: conn.execute(sql, values).fetchall()
