"""A page in reference order walked with the matches' ids in a hash (PostgreSQL,
``case_search_plan.hashed_walk``) instead of collecting and sorting every match: chosen only when it costs
less, and the same page as a plain Python search finds, from the start, from an offset, after a reference, in
both directions, with the real/fictional filter, and when the matches crowd at the end of the order (the walk
finds too few and the matches are sorted after all). On SQLite (where the walk is never chosen this way) the
same pages."""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import partial
from typing import Any

import sqlalchemy as sa
from test_case_search import expected_refs, store_quickly, words_of

from mdtboard.domain.case import Case, Patient
from mdtboard.domain.search import Query, parse_query
from mdtboard.storage import case_search, case_search_plan, case_search_reads
from mdtboard.storage.db import Database


def test_a_walk_holding_the_matches_in_a_hash_is_chosen_only_when_it_costs_less_than_sorting() -> None:
    walk = case_search_plan.hashed_walk
    one = Query(("ngu",), None)
    # "ngu" over 100,000 cases: 2,744 entries, read whole; about 3,644 cases walked for 100 matches
    scan = walk(one, (100_000, 2744), 100, 1600, listed=False)
    assert scan is not None and 3644 < scan <= 1.5 * 3645 + 1
    assert walk(one, (100_000, 837), 100, 837, listed=False) is None  # few: sorting them costs less
    assert walk(one, (100_000, 12_000), 100, 1600, listed=False) is None  # past the cap: size not known
    assert walk(one, (100_000, 50), 100, 50, listed=False) is None  # fewer than the page
    assert walk(one, None, 100, 1600, listed=False) is None
    two = Query(("nguyen", "t"), "nguyent")
    assert walk(two, (100_000, 2744, 12_000, 686), 100, 1600, listed=False) is None  # several words: unknown
    scan = walk(two, (100_000, 2744, 12_000, 686), 100, 1646, listed=True)  # every match known (their ids)
    assert scan is not None and scan > case_search.scan_for(100)
    # never more cases than there are; never fewer than a walk looks at anyway
    assert walk(one, (5_000, 4000), 100, 1600, listed=False) == case_search.scan_for(100)
    assert walk(one, (3_000, 2000), 100, 1600, listed=False) == 3_000


def _cases(n: int, *, late: bool = False) -> list[Case]:
    """``n`` cases, about a third of them a "Nguyen" (``late``: only the last sixth of the references)."""
    rng = random.Random(11)
    others = ["Tran", "Lee", "Ruiz", "Okafor", "Smith"]
    out = []
    for i in range(n):
        nguyen = (i >= n - n // 6) if late else rng.random() < 0.35
        last = "Nguyen" if nguyen else rng.choice(others)
        out.append(
            Case(
                ref=f"W-{i:05d}",
                fictional=bool(i % 3),
                patient=Patient(f"{rng.choice(['Thi', 'Ana', 'Bo'])} {last}"),
                title=rng.choice(["back pain", "neck pain", None]),
            )
        )
    return out


def _pages(
    db: Database, cases: list[Case], queries: tuple[str, ...], *, pretend_cases: int | None = None
) -> None:
    """Each query's pages, from the count as the library asks it, against the plain search; on PostgreSQL
    the first page must have been walked. ``pretend_cases``: the sizes given to the page say that there are
    this many cases (a word alone counted whole over a large library, the count's "many"), as the bounded
    count says over 100,000 cases."""
    store_quickly(db, cases)
    postgresql = db.engine.dialect.name == "postgresql"
    if postgresql:
        with db.engine.begin() as conn:
            conn.execute(sa.text("ANALYZE cases, case_search_tokens"))
    words = words_of(cases)
    fictional_of = {c.ref: c.fictional for c in cases}
    with db.engine.connect() as conn:
        sent: list[str] = []

        def fetch(sql: str, values: dict[str, Any]) -> Sequence[Sequence[Any]]:
            sent.append(sql)
            return conn.execute(sa.text(sql), values).all()

        for query in queries:
            parsed = parse_query(query)
            for fictional in (None, True):
                expected = [r for r in expected_refs(words, query) if fictional is None or fictional_of[r]]
                assert len(expected) > 150, query
                _total, matches, sizes = case_search_reads.count(
                    fetch, parsed, fictional, 1000, False, postgresql=postgresql, ahead=("ref", 100)
                )
                if pretend_cases is not None:
                    assert isinstance(sizes, tuple), query
                    assert fictional is not None or not isinstance(sizes, case_search_reads.Listed), query
                    sizes, matches = (pretend_cases, *sizes[1:]), case_search.COUNT_READ  # ids dropped
                for descending in (False, True):
                    ordered = expected[::-1] if descending else expected
                    page = partial(
                        case_search_reads.page, fetch, fetch, parsed, fictional=fictional, sort="ref",
                        descending=descending, matches=matches, archived=False, postgresql=postgresql,
                        sizes=sizes,
                    )
                    sent.clear()
                    assert [r[1] for r in page(limit=100, offset=0, after=None)] == ordered[:100], (
                        query, fictional, descending
                    )
                    walked = sent[-1].startswith("WITH w AS")
                    assert walked == postgresql or fictional is not None, query
                    assert [r[1] for r in page(limit=40, offset=60, after=None)] == ordered[60:100], (
                        query, fictional, descending
                    )
                    assert [r[1] for r in page(limit=30, offset=5, after=ordered[10])] == ordered[16:46], (
                        query, fictional, descending
                    )


def test_walked_pages_of_a_word_counted_whole_are_the_plain_searchs(db: Database) -> None:
    """"pain" in two thirds of 3,000 cases, more entries than the count reads, counted whole: as over a
    library of 100,000 cases (where a walk of the usual length would not find the page), walked with the
    word's entries in a hash."""
    _pages(db, _cases(3000), ("pain", "pa"), pretend_cases=100_000)


def test_walked_pages_of_matches_the_count_listed_are_the_plain_searchs(db: Database) -> None:
    """"nguyen" in about a third of 3,000 cases, "nguyen t", "thi n": every match known by the count (their
    ids), walked with the ids in a hash."""
    _pages(db, _cases(3000), ("nguyen", "ng", "nguyen t", "thi n"))


def test_walked_pages_whose_matches_crowd_at_the_end_are_sorted_after_all(db: Database) -> None:
    """The matches all among the last references of 6,000: the walk, which expects them spread, finds none
    among the cases it may look at, and the same statement sorts every match instead."""
    _pages(db, _cases(6000, late=True), ("nguyen", "nguyen pain"))
