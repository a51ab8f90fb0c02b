"""The statements of case search, as fixed SQL text with named parameters.

One statement per shape (how many words, whether the words written together are looked up too, the
filter, the order, the way of answering), built once and cached, so that a keystroke only binds values:
nothing is compiled per call. The same text runs through SQLAlchemy (``sa.text``, both databases) and
through a bare ``sqlite3`` connection (the command line's quick read, see :mod:`mdtboard.storage.quick`).
This module imports nothing but the standard library and ``domain.search``.

A case matches when each word starts one of its search tokens, or the words written together do
(see :mod:`mdtboard.domain.search`). Two ways of finding a sorted page:

* ``sorted``: collect the matching ids through the token index, read those cases and sort them: the cost
  grows with the number of matches, so it serves narrow queries;
* ``walk``: walk the cases in reference order on the reference index and check each with one probe of
  the (case, token) key per word, stopping at the page: the cost grows with how rare matches are, so it
  serves broad queries (and only the reference order has an index to walk).

The bounded count reads at most :data:`COUNT_READ` token entries and says how many distinct cases they
hold, so it costs the same for "s" as for "smith"; it also tells which way to find the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from mdtboard.domain.search import Query, prefix_upper_bound

#: Columns of a library row (``domain.case.CaseSummary``), in order.
SUMMARY_COLUMNS = "c.id, c.ref, c.display_name, c.title, c.fictional, c.updated_at"
SORT_COLUMNS = {
    "ref": "c.ref",
    "name": "c.display_name",
    "title": "c.title",
    "fictional": "c.fictional",
    "updated": "c.updated_at",
}
#: The bounded count reads at most this many token entries (one case may hold several of a prefix).
COUNT_READ = 4000
#: More matches than this: a page in reference order is found by walking the reference index.
BROAD_MATCHES = 1500


@dataclass(frozen=True)
class Shape:
    """What decides the text of a statement; the values go in as parameters."""

    words: int
    joined: bool
    fictional: bool  # whether the filter on fictional applies
    sort: str = "ref"
    descending: bool = False
    walk: bool = False
    limited: bool = True


def params(query: Query, fictional: bool | None = None) -> dict[str, Any]:
    """The parameters of every statement for ``query``."""
    values: dict[str, Any] = {}
    for i, word in enumerate(query.words):
        values[f"lo{i}"] = word
        values[f"hi{i}"] = prefix_upper_bound(word)
    if query.joined is not None:
        values["jlo"] = query.joined
        values["jhi"] = prefix_upper_bound(query.joined)
    if fictional is not None:
        values["fictional"] = fictional
    return values


def _probe(i: int, case_id: str) -> str:
    return (
        f"EXISTS (SELECT 1 FROM case_search_tokens t{i} WHERE t{i}.case_id = {case_id}"
        f" AND t{i}.token >= :lo{i} AND t{i}.token < :hi{i})"
    )


def _joined_probe(case_id: str) -> str:
    return (
        f"EXISTS (SELECT 1 FROM case_search_tokens tj WHERE tj.case_id = {case_id}"
        " AND tj.token >= :jlo AND tj.token < :jhi)"
    )


def _fictional(case_id: str) -> str:
    return f"EXISTS (SELECT 1 FROM cases f WHERE f.id = {case_id} AND f.fictional = :fictional)"


def _token_entries(shape: Shape) -> str:
    """The token entries of matching cases (a case may come more than once): driven by the token index
    on the first (longest) word, the others probed per entry; the joined words in a branch of their own."""
    where = ["t0.token >= :lo0", "t0.token < :hi0"]
    where += [_probe(i, "t0.case_id") for i in range(1, shape.words)]
    if shape.fictional:
        where.append(_fictional("t0.case_id"))
    sql = f"SELECT t0.case_id FROM case_search_tokens t0 WHERE {' AND '.join(where)}"
    if shape.joined:
        branch = "tj.token >= :jlo AND tj.token < :jhi"
        if shape.fictional:
            branch += " AND " + _fictional("tj.case_id")
        sql += f" UNION ALL SELECT tj.case_id FROM case_search_tokens tj WHERE {branch}"
    return sql


@cache
def count_sql(shape: Shape) -> str:
    """``(entries read, distinct cases among them)``: exact when fewer than ``:read`` entries were read."""
    if not shape.words:
        where = " WHERE c.fictional = :fictional" if shape.fictional else ""
        return f"SELECT count(*), count(*) FROM (SELECT c.id FROM cases c{where} LIMIT :read) m"
    return (
        "SELECT count(*), count(DISTINCT m.case_id) FROM "
        f"(SELECT e.case_id FROM ({_token_entries(shape)}) e LIMIT :read) m"
    )


@cache
def exact_count_sql(shape: Shape) -> str:
    """Every match counted (when the bounded count was not enough to tell)."""
    if not shape.words:
        where = " WHERE c.fictional = :fictional" if shape.fictional else ""
        return f"SELECT count(*) FROM cases c{where}"
    return f"SELECT count(DISTINCT e.case_id) FROM ({_token_entries(shape)}) e"


@cache
def page_sql(shape: Shape) -> str:
    """One sorted page of matching cases (``:limit`` and ``:offset`` when ``shape.limited``)."""
    column = SORT_COLUMNS[shape.sort]
    direction = "DESC" if shape.descending else "ASC"
    where: list[str] = []
    if shape.words and shape.walk:
        every = " AND ".join(_probe(i, "c.id") for i in range(shape.words))
        where.append(f"(({every}) OR {_joined_probe('c.id')})" if shape.joined else every)
    elif shape.words:
        entries = _token_entries(Shape(shape.words, shape.joined, fictional=False))
        where.append(f"c.id IN ({entries})")
    if shape.fictional:
        where.append("c.fictional = :fictional")
    sql = f"SELECT {SUMMARY_COLUMNS} FROM cases c"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {column} {direction}, c.id ASC"
    if shape.limited:
        sql += " LIMIT :limit OFFSET :offset"
    return sql
