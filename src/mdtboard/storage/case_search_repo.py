"""Searching cases: counts and sorted pages of the cases matching a query, through the token index
(the statements are built by :mod:`mdtboard.storage.case_search`)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import sqlalchemy as sa
from sqlalchemy.orm import Session

from mdtboard.domain.case import CaseSummary
from mdtboard.domain.search import Query, parse_query
from mdtboard.storage import case_search, case_search_reads
from mdtboard.storage.case_ref_search import RefShapes
from mdtboard.storage.models import CaseRow

#: What is known of each database's reference shapes, by the address of the database.
_REFS: dict[str, RefShapes] = {}


def gather_statistics(session: Session) -> None:
    """Have PostgreSQL's planner measure the searched tables again (after a bulk import its estimates
    would lead it to plans made for an empty table). SQLite plans these statements without statistics."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sa.text("ANALYZE cases, case_search_tokens, case_ref_tails, case_search_words"))


@cache
def _text(sql: str) -> sa.TextClause:
    return sa.text(sql)


@cache
def _page_text(sql: str) -> sa.TextualSelect:
    """A page statement whose columns are typed as the table's (times and flags read as on every database)."""
    table = CaseRow.__table__
    names = ("id", "ref", "display_name", "title", "fictional", "updated_at", "archived_at")
    return sa.text(sql).columns(*(sa.column(name, table.c[name].type) for name in names))


def _postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _refs(session: Session) -> RefShapes:
    return refs_of(session.get_bind().engine)


def refs_of(engine: sa.Engine) -> RefShapes:
    """What is known of the references of the engine's database (see :mod:`case_ref_search`)."""
    key = engine.url.render_as_string(hide_password=True)
    found = _REFS.get(key)
    if found is None:
        found = _REFS.setdefault(key, RefShapes())
    return found


def _fetch(session: Session) -> case_search_reads.Fetch:
    return lambda sql, values: session.execute(_text(sql), values).all()


def _fetch_page(session: Session) -> case_search_reads.Fetch:
    return lambda sql, values: session.execute(_page_text(sql), values).all()


def _count_shape(session: Session, query: Query, fictional: bool | None, archived: bool) -> case_search.Shape:
    return case_search.Shape(
        len(query.words),
        query.joined is not None,
        fictional is not None,
        postgresql=_postgresql(session),
        archived=archived,
    )


def count(
    session: Session,
    query: str = "",
    *,
    fictional: bool | None = None,
    limit: int | None = None,
    archived: bool = False,
) -> int:
    """How many cases match; with ``limit``, counting stops past ``limit``: ``limit + 1`` says "more".
    Archived cases count only with ``archived`` (and then only they do)."""
    return _count(session, parse_query(query), fictional, limit, archived)[0]


def _count(
    session: Session,
    parsed: Query,
    fictional: bool | None,
    limit: int | None,
    archived: bool,
    ahead: case_search_reads.Ahead | None = None,
) -> tuple[int, int, case_search_reads.Sizes]:
    """:func:`count`, how many matches a page should expect and the sizes of the words (see
    :func:`case_search_reads.count`; ``ahead``: the page asked next)."""
    return case_search_reads.count(
        _fetch(session), parsed, fictional, limit, archived, postgresql=_postgresql(session),
        refs=_refs(session), ahead=ahead,
    )


def listed_ids(
    session: Session,
    ids: Sequence[int],
    query: str = "",
    *,
    fictional: bool | None = None,
    archived: bool = False,
) -> set[int]:
    """Which of ``ids`` a search for ``query`` (and the real/fictional and archived filters) lists."""
    parsed = parse_query(query)
    shape = _count_shape(session, parsed, fictional, archived)
    stmt = _text(case_search.listed_sql(shape)).bindparams(sa.bindparam("ids", expanding=True))
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        values = case_search.params(parsed, fictional, archived=archived) | {
            "ids": list(ids[start : start + 500])
        }
        found.update(int(row[0]) for row in session.execute(stmt, values))
    return found


def search(
    session: Session,
    query: str = "",
    *,
    fictional: bool | None = None,
    limit: int | None = 100,
    offset: int = 0,
    sort: str = "ref",
    descending: bool = False,
    matches: int | None = None,
    after: str | None = None,
    archived: bool = False,
    sizes: case_search_reads.Sizes = None,
) -> list[CaseSummary]:
    """One sorted page of the matching cases. ``matches``: what :func:`count` said for the same query and
    filter, when the caller has it (it chooses how the page is found; else it is counted first), and
    ``sizes`` with it (see :func:`case_search_reads.page`).
    ``after`` (reference order only): the page starts after this reference, ``offset`` rows further.
    ``archived``: the archived cases (which are otherwise never found)."""
    rows = case_search_reads.page(
        _fetch(session),
        _fetch_page(session),
        parse_query(query),
        fictional=fictional,
        limit=limit,
        offset=offset,
        sort=sort,
        descending=descending,
        matches=matches,
        after=after,
        archived=archived,
        postgresql=_postgresql(session),
        sizes=sizes,
        refs=_refs(session),
    )
    return [CaseSummary(*row) for row in rows]


def search_with_count(
    session: Session,
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
    """A page and the bounded count (:func:`count` with ``count_limit``): what a keystroke needs. For a
    query without words (the whole library, or one kind of it) the count is exact, however large: it is
    one count of the cases table, as quick as the bounded one. ``archived``: among the archived cases."""
    parsed = parse_query(query)
    words = bool(parsed.words)
    ahead = (sort, None if limit is None else offset + limit)
    total, matches, sizes = _count(
        session, parsed, fictional, count_limit if words else None, archived, ahead
    )
    page = search(
        session,
        query,
        fictional=fictional,
        limit=limit,
        offset=offset,
        sort=sort,
        descending=descending,
        matches=matches,
        archived=archived,
        sizes=sizes,
    )
    return page, total
