"""The bounded count of a search of several words, on SQLite and PostgreSQL: when the page asked after it
would collect and sort every match, PostgreSQL's count reads every match itself (past COUNT_READ entries)
and gives their ids to the page; the words written together are looked up once, and their cases not probed
again for the other words; a count whose page is walked reads only as many entries as it must count; a
word alone is sized far enough on PostgreSQL for a walk to read it whole. The same counts and pages as a
plain Python search either way."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import partial
from typing import Any

import pytest
import sqlalchemy as sa
from conftest import _postgres_schema_url
from test_case_search import expected_refs, store_quickly, words_of

from mdtboard.domain.case import Case, Patient
from mdtboard.domain.search import Query, matches, parse_query, prefix_upper_bound
from mdtboard.services.context import Services
from mdtboard.storage import case_search, case_search_plan, case_search_reads
from mdtboard.storage.db import Database, create_engine, open_database, upgrade

FIRST = ["Ana", "Anna", "Bea"]
LAST = ["Stone", "Stokes", "Quill"]
TITLES = ["neck pain", "back pain", "pain", None]


def _stored(db: Database, cases: list[Case]) -> None:
    """The cases stored in bulk, and on PostgreSQL the tables analysed, as after a bulk import
    (``CaseService.store_many``): its planner would otherwise plan for empty tables."""
    store_quickly(db, cases)
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as conn:
            conn.execute(sa.text("ANALYZE cases, case_search_tokens"))


def _cases(n: int) -> list[Case]:
    rng = random.Random(16)
    return [
        Case(
            ref=f"W-{rng.randrange(10**6):06d}-{i}",
            fictional=bool(i % 3),
            patient=Patient(f"{rng.choice(FIRST)} {rng.choice(LAST)}"),
            title=rng.choice(TITLES),
        )
        for i in range(n)
    ]


def test_a_count_followed_by_a_page_that_collects_every_match_reads_them_all(db: Database) -> None:
    """The query "an st" over 4,000 cases: some 1,800 matches among more than COUNT_READ entries of either
    word, each word counted exactly. Followed by a page in another order than the references' (always
    collected and sorted), PostgreSQL's count reads every match and gives their ids; followed by a page in
    reference order that a walk can find (4,000 cases), or by nothing, it reads COUNT_READ entries, as SQLite
    always does. Pages from the ids are those the search finds without them: every order, both directions,
    from an offset, after a reference, real or fictional only."""
    cases = _cases(4000)
    _stored(db, cases)
    words = words_of(cases)
    postgresql = db.engine.dialect.name == "postgresql"
    query = parse_query("an st")
    expected = expected_refs(words, "an st")
    assert len(expected) > case_search.COUNT_READ
    with db.engine.connect() as conn:

        def fetch(sql: str, values: dict[str, Any]) -> Sequence[Sequence[Any]]:
            return conn.execute(sa.text(sql), values).all()

        def counted(ahead: case_search_reads.Ahead | None, fictional: bool | None = None) -> Any:
            return case_search_reads.bounded_count(
                fetch, query, fictional, False, postgresql=postgresql, ahead=ahead
            )

        for ahead in (None, ("ref", 100)):
            found, exact, sizes = counted(ahead)
            assert not exact and not isinstance(sizes, case_search_reads.Listed), ahead
        found, exact, sizes = counted(("name", 100))
        assert (exact, isinstance(sizes, case_search_reads.Listed)) == (postgresql, postgresql)
        matching = set(expected)
        if postgresql:
            assert found == len(expected)
            assert isinstance(sizes, case_search_reads.Listed)
            assert sorted({int(i) for i in sizes.ids.split(",")}) == sorted(
                i for i, (ref, _) in enumerate(words, start=1) if ref in matching
            )
        for fictional in (None, True) if postgresql else ():
            found, exact, listed = counted(("name", 100), fictional)
            assert exact and isinstance(listed, case_search_reads.Listed)
            for sort in case_search.SORT_COLUMNS:
                for descending in (False, True):
                    for limit, offset in ((40, 0), (40, 1500), (None, 0)):
                        ways = [
                            case_search_reads.page(
                                fetch, fetch, query, fictional=fictional, limit=limit, offset=offset,
                                sort=sort, descending=descending, matches=found, after=None, archived=False,
                                postgresql=True, sizes=given,
                            )
                            for given in (listed, None)
                        ]
                        assert [r[0] for r in ways[0]] == [r[0] for r in ways[1]], (sort, limit, offset)
            after = case_search_reads.page(
                fetch, fetch, query, fictional=fictional, limit=30, offset=0, sort="ref", descending=False,
                matches=found, after="W-5", archived=False, postgresql=True, sizes=listed,
            )
            assert [r[1] for r in after] == [
                r[1] for r in case_search_reads.page(
                    fetch, fetch, query, fictional=fictional, limit=30, offset=0, sort="ref",
                    descending=False, matches=found, after="W-5", archived=False, postgresql=True,
                )
            ]
    # the service's keystroke: the count and a page by name, as a plain Python search has them
    services = Services.on(db)
    page, total = services.cases.search_with_count("an st", count_limit=1000, limit=50, sort="name")
    by_name = sorted((c.patient.display_name, i) for i, c in enumerate(cases, start=1) if c.ref in matching)
    assert total == 1001
    assert [s.id for s in page] == [i for _name, i in by_name[:50]]


def test_the_cases_the_words_written_together_find_are_not_probed_again(db: Database) -> None:
    """The query "nguyen t": every case whose words start "nguyent" is among those of "nguyen" and matches
    "t" too. PostgreSQL's count reads the entries of "nguyent" once and skips those cases among the entries
    of "nguyen" (they would each be probed for "t", and counted again); SQLite, whose probes are cheap,
    reads them all. The same count either way."""
    rng = random.Random(17)
    cases = [
        Case(
            ref=f"N-{i:05d}",
            fictional=True,
            patient=Patient(rng.choice(["Nguyen Thi Hoa", "Nguyen Van An", "Nguyen Tuan", "Tran Thi Hoa"])),
            title=rng.choice(["tendon pain", "knee pain", None]),
        )
        for i in range(1200)
    ]
    _stored(db, cases)
    words = words_of(cases)
    postgresql = db.engine.dialect.name == "postgresql"
    query = parse_query("nguyen t")
    assert query == Query(("nguyen", "t"), "nguyent")
    shape = case_search.Shape(2, True, False, postgresql=postgresql)
    values = case_search.params(query) | {"read": case_search.COUNT_READ, "whole": 0, "need": 1001}
    with db.engine.connect() as conn:
        read, distinct, *_ = conn.execute(sa.text(case_search.count_sql(shape)), values).one()
        joined = conn.execute(
            sa.text("SELECT count(*) FROM case_search_tokens WHERE token >= :lo AND token < :hi"),
            {"lo": "nguyent", "hi": prefix_upper_bound("nguyent")},
        ).scalar_one()
    found = [have for _ref, have in words if any(t.startswith("nguyent") for t in have)]
    others = [
        have for _ref, have in words
        if not any(t.startswith("nguyent") for t in have)
        and any(t.startswith("nguyen") for t in have) and any(t.startswith("t") for t in have)
    ]
    assert distinct == len(expected_refs(words, "nguyen t")) == len(found) + len(others)
    assert joined == len(found) > 0 and others
    assert read == joined + len(others) if postgresql else read == joined + len(found) + len(others)


def test_a_count_whose_page_is_walked_reads_only_as_many_entries_as_it_must_count(db: Database) -> None:
    """The query "chronic bo" over 12,100 cases: "bone" (one token, each case once) and "chronic" both past
    the cap; the first entries of "bone" all match, those of "chronic" none (its first 100 cases have no
    "bone"): "bone" drives and "chronic" is probed for each of its entries. The page is walked whatever the
    count finds, so PostgreSQL's count reads only as many entries as it must count (the library's 1,000,
    and one more) instead of COUNT_READ; "chronic b", whose driving word "b" is three tokens (a case may
    come three times), reads COUNT_READ, as SQLite does. The same counts and pages as a plain Python
    search."""
    titles = ["Chronic burning bilateral bone pain", "Chronic back bilateral bone pain"]
    cases = [
        Case(
            ref=f"P-{i:05d}",
            fictional=True,
            patient=Patient(f"{FIRST[i % 3]} {LAST[i % 2]}"),
            title="Chronic pain" if i < 100 else titles[i % 2],
        )
        for i in range(12_100)
    ]
    _stored(db, cases)
    words = words_of(cases)
    postgresql = db.engine.dialect.name == "postgresql"
    services = Services.on(db)
    with db.engine.connect() as conn:
        for text, fewer in (("chronic bo", True), ("chronic b", False)):
            query = parse_query(text)
            shape = case_search.Shape(2, True, False, postgresql=postgresql)
            values = case_search.params(query) | {"read": case_search.COUNT_READ, "whole": 0, "need": 1001}
            read, distinct, *_ = conn.execute(sa.text(case_search.count_sql(shape)), values).one()
            assert read == (1001 if postgresql and fewer else case_search.COUNT_READ), text
            if fewer:
                assert distinct == read, text
            expected = expected_refs(words, text)
            assert len(expected) >= len(cases) - 100
            page, total = services.cases.search_with_count(text, count_limit=1000, limit=100)
            assert ([s.ref for s in page], total) == (expected[:100], 1001), text
        # a word alone ("bu": "burning", 6,000 entries) is sized up to 4,000 entries on SQLite, up to SIZE_CAP
        # on PostgreSQL (see the test below); its page is the same
        _found, _exact, sizes = case_search_reads.bounded_count(
            lambda sql, values: conn.execute(sa.text(sql), values).all(),
            parse_query("bu"), None, False, postgresql=postgresql,
        )
        assert sizes == (len(cases), 6000 if postgresql else 4000)
    page, total = services.cases.search_with_count("bu", count_limit=1000, limit=100)
    assert ([s.ref for s in page], total) == (expected_refs(words, "bu")[:100], 1001)


def test_postgresql_sizes_a_word_alone_far_enough_for_a_walk_to_read_it_whole() -> None:
    """A word alone of 4,849 entries among 100,000 cases ("jo"): SQLite counts its entries up to 4,000 only
    (it would only learn that a walk finds the page), PostgreSQL up to SIZE_CAP, so that a walk reads it
    whole once instead of probing each case it walks (2,148 of them: 12 ms against 5)."""
    jo = parse_query("jo")
    assert case_search.cap_for(1, postgresql=False) == case_search.ONE_WORD_CAP == 4000
    assert case_search.cap_for(1, postgresql=True) == case_search.SIZE_CAP
    assert case_search.plan(jo, (100_000, 4849), postgresql=True, walk=True) == (jo, (True,))
    assert case_search.plan(jo, (100_000, 4000), postgresql=False, walk=True) == (jo, (False,))
    assert case_search.plan(jo, (100_000, case_search.SIZE_CAP), postgresql=True, walk=True) == (jo, (False,))


def test_a_walk_bound_says_when_its_driving_word_counted_past_the_cap_is_worth_reading_whole() -> None:
    """PostgreSQL: a walk reads its driving word counted past the cap whole when the estimate of its size is
    below the bound (reading it costs less than probing the cases the walk looks at, by the share of its
    first entries that matched in the count's sample); no bound for a word counted exactly (plan reads it
    whole), on SQLite, or when the bound is not well past the cap."""
    cap = case_search.SIZE_CAP
    bound = partial(case_search.walk_bound, want=100, postgresql=True)
    # "chronic back" over 100,000 cases: "back" drives, 54 of its first 100 entries missed "chronic"
    back = bound(parse_query("chronic back"), (100_000, cap + 90, cap + 54, 0))
    assert back is not None and 19_000 < back < 20_000
    # half as many matches: a walk twice as long, a word read whole up to about 1.4 times the size
    assert bound(parse_query("chronic back"), (100_000, cap + 90, cap + 77, 0)) > 1.4 * back  # type: ignore[operator]
    # no other word to miss: about what probing the walk costs for a word of the cap
    assert bound(parse_query("chronic"), (100_000, cap)) is None
    assert bound(parse_query("phantom l"), (100_000, 6251, cap, 0)) is None  # counted exactly
    sqlite = case_search.SQLITE_SIZE_CAP
    on_sqlite = (100_000, sqlite + 90, sqlite + 54, 0)
    assert case_search.walk_bound(parse_query("chronic back"), on_sqlite, 100, postgresql=False) is None
    # never more than probing every case a walk may look at
    most = case_search_plan.PROBE_TO_HASH * case_search.scan_for(100)
    assert bound(parse_query("chronic back"), (10**9, cap + 90, cap + 99, 0)) == most


@pytest.mark.postgres
def test_a_walk_reads_its_driving_word_whole_when_its_estimated_size_is_below_the_bound() -> None:
    """The first word of a walk, one token ("back": 1,500 of 3,000 cases), read whole when the estimate of
    its size (how far among the case ids its first 1,000 entries reach) is below ``:bound``, else probed for
    each case walked: the same pages either way, and as a plain Python search."""
    rng = random.Random(18)
    cases = [
        Case(
            ref=f"B-{rng.randrange(10**6):06d}-{i}",
            fictional=bool(i % 3),
            patient=Patient(f"{rng.choice(FIRST)} {rng.choice(LAST)}"),
            title=rng.choice(["Chronic back pain", "Chronic neck pain", "Back spasm", "Chronic fatigue"]),
        )
        for i in range(3000)
    ]
    words = words_of(cases)
    for url, _schema in _postgres_schema_url():
        db = open_database(url)
        try:
            _stored(db, cases)
            with db.engine.connect() as conn:
                for query, fictional, descending in (("back chronic", None, False), ("back", True, True)):
                    parsed = parse_query(query)
                    shape = case_search.Shape(
                        len(parsed.words), parsed.joined is not None, fictional is not None, walk=True,
                        postgresql=True, descending=descending, gauged=True,
                    )
                    sql = case_search.page_sql(shape)
                    values = case_search.params(parsed, fictional) | case_search.page_params(shape, 40, 30)
                    pages, used = [], []
                    for bound in (10**9, 0):
                        rows = conn.execute(sa.text(sql), values | {"bound": bound}).all()
                        pages.append([r[1] for r in rows])
                        explained = sa.text(f"EXPLAIN ANALYZE {sql}")
                        plan = conn.execute(explained, values | {"bound": bound}).all()
                        read = [line for (line,) in plan if "case_search_tokens w0" in line]
                        used.append(bool(read) and "never executed" not in read[0])
                    kind = {c.ref: c.fictional for c in cases}
                    expected = [
                        ref for ref, have in sorted(words, key=lambda w: w[0], reverse=descending)
                        if matches(parsed, have) and fictional in (None, kind[ref])
                    ]
                    assert pages[0] == pages[1] == expected[30:70], query
                    assert used == [True, False], query
        finally:
            db.dispose()


@pytest.fixture
def small_cap(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Words counted past the cap from 150 entries (12,000 otherwise), so that a few thousand cases have
    common words past it; the statements, built for the cap, are made again before and after."""
    built = (
        case_search.count_sql, case_search.page_sql, case_search.listed_sql, case_search.exact_count_sql
    )
    monkeypatch.setattr(case_search_plan, "SIZE_CAP", 150)
    for cached in built:
        cached.cache_clear()
    yield 150
    for cached in built:
        cached.cache_clear()


def _merged_count_ran(conn: sa.Connection, query: Query, fictional: bool | None, archived: bool) -> bool:
    """Whether PostgreSQL's bounded count of ``query`` read the index of the tokens' heads (revision 0023)."""
    query = case_search.lettered(query)
    shape = case_search.Shape(
        len(query.words), query.joined is not None, fictional is not None, postgresql=True, archived=archived,
        lettered=case_search.letter_words(query),
    )
    values = case_search.params(query, fictional, archived=archived)
    values |= {"read": case_search.COUNT_READ, "whole": 0.0, "need": 1001}
    plan = conn.execute(sa.text(f"EXPLAIN ANALYZE {case_search.count_sql(shape)}"), values).all()
    heads = [line for (line,) in plan if "ix_case_search_tokens_head_case_token" in line]
    ran = bool(heads) and all("never executed" not in line for line in heads)
    if ran:  # each matching case read once, and no more than tell whether more than the limit match
        counted = conn.execute(sa.text(case_search.count_sql(shape)), values).one()
        read, distinct, _ids, most, *_sizes = counted
        assert read == distinct and most in (1001, case_search.COUNT_READ)
    return ran


def test_two_words_past_the_cap_are_counted_by_merging_their_entries(db: Database, small_cap: int) -> None:
    """Two words both past the cap, each of two characters or more, that no case has written together:
    PostgreSQL counts them by merging their entries in the order of the cases (the index of the tokens' first
    two characters, revision 0023), whichever tokens they are of ("ba": "bach", "back", "bad", "bao",
    "barbara"; a case may have several of them, and of both words), instead of probing one word's cases for
    the other. The same counts and pages as a plain Python search, in every order, from an offset, real or
    fictional only, among archived cases, with counts under and over the limit; SQLite (which has no such
    index) the same."""
    rng = random.Random(23)
    firsts = ["Bach", "Bao", "Barbara", "Chen", "Christa", "Ana"]
    lasts = ["Back", "Baker", "Chronic", "Stone", "Bach"]
    titles = ["Chronic back pain", "Chronic bad back", "Back ache", "Chronic neck pain", "Bach chronic", None]
    cases = [
        Case(
            ref=f"M-{rng.randrange(10**6):06d}-{i}",
            fictional=bool(i % 3),
            patient=Patient(f"{rng.choice(firsts)} {rng.choice(lasts)}"),
            title=rng.choice(titles),
        )
        for i in range(3000)
    ]
    _stored(db, cases)
    archived = set(range(5, 3000, 7))  # case ids: every seventh archived, its words stored behind the mark
    with db.engine.begin() as conn:
        when = datetime(2026, 12, 7, tzinfo=UTC)
        ids = sorted(archived)
        listed = sa.bindparam("ids", expanding=True)
        conn.execute(
            sa.text("UPDATE cases SET archived_at = :when WHERE id IN :ids").bindparams(listed),
            {"when": when, "ids": ids},
        )
        conn.execute(
            sa.text("UPDATE case_search_tokens SET token = '~' || token WHERE case_id IN :ids")
            .bindparams(listed),
            {"ids": ids},
        )
        if db.engine.dialect.name == "postgresql":
            conn.execute(sa.text("ANALYZE cases, case_search_tokens"))
    postgresql = db.engine.dialect.name == "postgresql"
    services = Services.on(db)
    kind = {c.ref: c.fictional for c in cases}
    names = {c.ref: (c.patient.display_name, i) for i, c in enumerate(cases, start=1)}
    gone = {cases[i - 1].ref for i in archived}
    words = words_of(cases)
    merged = []
    queries = ("chronic ba", "ba chronic", "chronic back", "ch ba", "bach chronic", "chronic bac", "ba bac")
    for text in queries:
        for among in (False, True):
            kept = [r for r in expected_refs(words, text) if (r in gone) == among]
            for fictional in (None, True):
                expected = [r for r in kept if fictional in (None, kind[r])]
                page, total = services.cases.search_with_count(
                    text, count_limit=1000, limit=100, fictional=fictional, archived=among
                )
                assert ([s.ref for s in page], total) == (expected[:100], min(len(expected), 1001)), text
                assert services.cases.count(text, limit=50, fictional=fictional, archived=among) == min(
                    len(expected), 51
                ), text
                assert services.cases.count(
                    text, limit=len(expected) + 5, fictional=fictional, archived=among
                ) == len(expected), text
                later = services.cases.search(
                    text, limit=50, offset=100, fictional=fictional, archived=among
                )
                assert [s.ref for s in later] == expected[100:150], text
                by_name = services.cases.search(
                    text, limit=40, sort="name", fictional=fictional, archived=among
                )
                assert [s.ref for s in by_name] == sorted(expected, key=lambda r: names[r])[:40], text
                backwards = services.cases.search(
                    text, limit=40, offset=10, descending=True, fictional=fictional, archived=among
                )
                assert [s.ref for s in backwards] == expected[::-1][10:50], text
                if postgresql:
                    with db.engine.connect() as conn:
                        merged.append(_merged_count_ran(conn, parse_query(text), fictional, among))
    if postgresql:
        assert any(merged) and not all(merged)  # "chronic ba" among the live cases merges; few archived ones


def _walked_pages_are_a_plain_search(conn: sa.Connection, cases: list[Case]) -> None:
    """Pages walked along the references (PostgreSQL: the cases walked read from the index of revision 0024),
    every way: real or fictional only, both directions, from an offset, after a reference, words probed or
    read whole, one word matched by the letters, the first word's size estimated."""
    words = words_of(cases)
    kind = {c.ref: c.fictional for c in cases}
    for text in ("an st", "anna", "st a", "quill an", "ann stokes"):
        query = case_search.lettered(parse_query(text))
        lettered = case_search.letter_words(query)
        for fictional, descending, after, hashed, gauged in (
            (None, False, None, (), False), (True, True, None, (), False), (False, False, "W-3", (), False),
            (None, True, "W-6", (True,) * 3, False), (None, False, None, (False,) * 3, True),
        ):
            shape = case_search.Shape(
                len(query.words), query.joined is not None, fictional is not None, walk=True, postgresql=True,
                descending=descending, after=after is not None, hashed=hashed[: len(query.words)],
                gauged=gauged and not lettered, lettered=lettered,
            )
            values = case_search.params(query, fictional) | case_search.page_params(shape, 40, 30)
            values |= {"after": after} if after is not None else {}
            values |= {"bound": 10**9} if shape.gauged else {}
            rows = conn.execute(sa.text(case_search.page_sql(shape)), values).all()
            expected = [
                ref for ref, have in sorted(words, key=lambda w: w[0], reverse=descending)
                if matches(query, have) and fictional in (None, kind[ref])
                and (after is None or (ref < after if descending else ref > after))
            ]
            assert [r[1] for r in rows] == expected[30:70], (text, fictional, descending, after)


def test_a_database_upgraded_from_before_the_index_of_heads_finds_the_same(
    database_url: str, small_cap: int
) -> None:
    """Revisions 0023 and 0024 make the index of the tokens' heads and the index of the references for a walk
    on PostgreSQL from the rows already stored (and nothing on SQLite); the merged count and a walked page,
    every way, then find what a plain Python search finds."""
    cases = _cases(1200)
    engine = create_engine(database_url)
    upgrade(engine, "0022_case_search_letters")
    engine.dispose()
    db = open_database(database_url, migrate=False)
    try:
        store_quickly(db, cases)
    finally:
        db.dispose()
    db = open_database(database_url)  # upgrades to head
    try:
        postgresql = db.engine.dialect.name == "postgresql"
        with db.engine.connect() as conn:
            if postgresql:
                found = conn.execute(sa.text(
                    "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                    " AND indexname = 'ix_case_search_tokens_head_case_token'"
                )).scalar_one()
                assert "substr((token)::text, 1, 2), case_id, token" in found
                walked = conn.execute(sa.text(
                    "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                    " AND indexname = 'ix_cases_ref_walk'"
                )).scalar_one()
                assert "(ref) INCLUDE (id, search_letters, fictional)" in walked
            else:
                assert not conn.execute(sa.text(
                    "SELECT 1 FROM sqlite_master WHERE name IN"
                    " ('ix_case_search_tokens_head_case_token', 'ix_cases_ref_walk')"
                )).all()
            if postgresql:
                assert _merged_count_ran(conn, parse_query("an st"), None, False)
                _walked_pages_are_a_plain_search(conn, cases)
        services = Services.on(db)
        words = words_of(cases)
        for text in ("anna sto", "sto anna", "an st"):
            expected = expected_refs(words, text)
            page, total = services.cases.search_with_count(text, count_limit=1000, limit=100)
            assert ([s.ref for s in page], total) == (expected[:100], min(len(expected), 1001)), text
            assert services.cases.count(text, limit=None) == len(expected), text
    finally:
        db.dispose()
