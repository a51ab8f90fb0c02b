"""Search edge cases, on SQLite and PostgreSQL: punctuation, very long queries, "%" and "_" (which must
not act as SQL wildcards), and the results over 10,000 cases checked against a plain Python search."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from conftest import _postgres_schema_url

from mdtboard.domain.case import Case, Patient
from mdtboard.domain.search import TOKEN_LENGTH, Query, case_tokens, matches, parse_query
from mdtboard.services.context import Services
from mdtboard.storage import case_rows, case_search, case_search_plan, case_search_reads, quick
from mdtboard.storage.db import Database, create_engine, head_revision, open_database, sqlite_url, upgrade
from mdtboard.storage.models import CaseRow, SearchTokenRow

LONG_WORD = "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessenschafewaren"
CASES = [
    ("S-1", "José Ñúñez", "100% relief after block"),
    ("S-2", "Nunez Other", "Knee_pain (left)"),
    ("S-3", "Nanez Third", None),
    ("S_4", "Zoë Ørsted", "50%_of_days"),
    ("S-5", f"Hubert {LONG_WORD}", "Long names"),
]


@pytest.fixture
def searchable(services: Services) -> Services:
    for ref, name, title in CASES:
        services.cases.create(Case(ref=ref, fictional=True, patient=Patient(name), title=title))
    return services


def refs(services: Services, query: str) -> list[str]:
    """The references found, sorted here: the database's own order of references depends on its
    collation, which differs between servers."""
    found = [s.ref for s in services.cases.search(query, limit=None)]
    assert services.cases.count(query) == len(found)
    return sorted(found)


ALL = sorted(ref for ref, _, _ in CASES)


PUNCTUATION_ONLY = ["%", "_", "%%", "%_%", "-", "...", "'\"", "()[]{}", "\\", " \t ", "—", "·"]
#: Each query and what it finds. A LIKE search would treat "%" and "_" as wildcards; here they are
#: word breaks like any other punctuation.
NOT_WILDCARDS = [
    ("n_nez", []),  # LIKE 'n_nez%' would find Nunez and Nanez
    ("%nez", []),  # LIKE '%nez%' would find all three
    ("n%z", []),
    ("nu%", ["S-1", "S-2"]),  # "nu" is a prefix of nunez
    ("100%", ["S-1"]),
    ("50%_of", ["S_4"]),
    ("knee_pain", ["S-2"]),
    ("s_4", ["S_4"]),
    ("s-4", ["S_4"]),  # punctuation in a reference is a word break, whichever it is
    ("s_1", ["S-1"]),
    ("_", ALL),
]


def test_a_query_of_punctuation_only_filters_nothing(searchable: Services) -> None:
    """No word to look for: the same as an empty search box (every case), and never an error."""
    for query in PUNCTUATION_ONLY:
        assert refs(searchable, query) == ALL, query


def test_percent_and_underscore_are_not_wildcards(searchable: Services) -> None:
    for query, expected in NOT_WILDCARDS:
        assert refs(searchable, query) == expected, query


def test_a_very_long_query(searchable: Services) -> None:
    assert refs(searchable, "x" * 10_000) == []
    assert refs(searchable, LONG_WORD) == ["S-5"]
    assert len(LONG_WORD) > TOKEN_LENGTH  # words are compared on their first TOKEN_LENGTH letters
    assert refs(searchable, LONG_WORD[:TOKEN_LENGTH]) == ["S-5"]
    assert refs(searchable, "hubert " * 2_000) == ["S-5"]


def test_a_query_of_many_words(searchable: Services) -> None:
    """Only the longest MAX_QUERY_WORDS words are compared, so hundreds of words stay one bounded query."""
    many = " ".join(f"w{i}" for i in range(510))
    assert refs(searchable, many) == []
    assert refs(searchable, "hubert " + " ".join(LONG_WORD[: n + 1] for n in range(80))) == ["S-5"]


# ---------------------------------------------------------------------------- 10,000 cases

FIRST = [
    "José",
    "Zoë",
    "Nguyễn",
    "Siobhán",
    "Mikkel",
    "Ana",
    "Jo",
    "Joachim",
    "Ørjan",
    "Łukasz",
    "Chiamaka",
    "Li",
]
LAST = [
    "Ñúñez",
    "Ørsted",
    "Thị Hoa",
    "Ní Bhriain",
    "Østergård",
    "Ruiz",
    "Wężyk",
    "Eze-Baptiste",
    "Lee",
    "O'Brien",
]
TOPICS = ["low back pain", "migraine", "CRPS", "fibromyalgia", "neck pain", "knee OA", "pelvic pain", None]
QUERIES = [
    "jo",
    "jose",
    "JOSÉ ñú",
    "nguyen thi",
    "zoe orsted",
    "o'brien",
    "obrien",
    "o brien",
    "li",
    "lu",
    "lukasz wezyk",
    "back pain",
    "pain",
    "p",
    "crps",
    "c-12",
    "c-99",
    "c-9999",
    "eze baptiste",
    "baptiste-eze",
    "migraine zoe",
    "nonexistent",
    "",
]


def ten_thousand_cases() -> list[Case]:
    rng = random.Random(20261130)
    return [
        Case(
            ref=f"C-{i}",
            fictional=True,
            patient=Patient(f"{rng.choice(FIRST)} {rng.choice(LAST)}"),
            title=rng.choice(TOPICS),
        )
        for i in range(10_000)
    ]


def words_of(cases: list[Case]) -> list[tuple[str, set[str]]]:
    return [(c.ref, case_tokens(c.patient.display_name, c.title, c.ref)) for c in cases]


def expected_refs(words: list[tuple[str, set[str]]], query: str) -> list[str]:
    """The search done in plain Python: every word of the query starts some word of the case, or the words
    written together do."""
    wanted = parse_query(query)
    return sorted(ref for ref, have in words if matches(wanted, have))


def store_quickly(db: Database, cases: list[Case], *, letters: bool = True) -> None:
    """The rows the case repository would write for these cases (its own ``case_values`` and search
    tokens), inserted in bulk without the ORM, which would take several times longer. ``letters``: False in
    a database from before the search letters (revisions 0021 and 0022)."""
    now = case_rows.utcnow()
    rows = [
        case_rows.case_values(c) | {"id": i, "version": 0, "created_at": now, "updated_at": now}
        for i, c in enumerate(cases, start=1)
    ]
    words = [row for i, c in enumerate(cases, start=1) for row in case_rows.child_rows(i, c)[SearchTokenRow]]
    if not letters:
        words = [{"case_id": w["case_id"], "token": w["token"]} for w in words]
        rows = [{k: v for k, v in row.items() if k != "search_letters"} for row in rows]
    with db.engine.begin() as conn:
        conn.execute(sa.insert(CaseRow.__table__), rows)
        conn.execute(sa.insert(SearchTokenRow.__table__), words)


def _ten_thousand_cases_searched(db: Database, *, quick_read: bool) -> None:
    """Every query over the 10,000 cases against a plain Python search, then paging through one of them."""
    # Storing them through the service is what the bundle and service tests check; here it is the search.
    cases = ten_thousand_cases()
    words = words_of(cases)
    services = Services.on(db)
    store_quickly(db, cases)
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as conn:  # as after a bulk import (CaseService.store_many)
            conn.execute(sa.text("ANALYZE cases, case_search_tokens"))
    broad = 0
    for query in QUERIES:
        expected = expected_refs(words, query)
        assert refs(services, query) == expected, query
        # a first page, as the library asks for it: broad queries walk the reference index instead
        assert [s.ref for s in services.cases.search(query, limit=100)] == expected[:100], query
        assert services.cases.count(query, limit=50) == min(len(expected), 51), query
        # a keystroke: the bounded count (exact up to the library's 1,000) and the first page
        page, total = services.cases.search_with_count(query, count_limit=1000, limit=100)
        counted = min(len(expected), 1001) if parse_query(query).words else len(expected)  # none: exact
        assert ([s.ref for s in page], total) == (expected[:100], counted), query
        if quick_read:  # the command line's read with bare sqlite3: the same cases, in the same order
            everything = [(s.ref, s.display_name, s.title) for s in services.cases.search(query, limit=None)]
            assert quick.search(db.url, query) == everything, query
        broad += len(expected) > case_search.BROAD_MATCHES
    assert broad >= 2, "some queries should take the broad (reference-order) path"
    assert any(case_search.COUNT_READ > len(expected_refs(words, q)) > 1000 for q in QUERIES), (
        "a query should have more matches than the library counts, yet fewer than the bounded count reads"
    )
    for query in ("jose", "nguyen thi", "zoe orsted", "lukasz wezyk", "c-9999", "o brien"):
        assert expected_refs(words, query), f"the generated cases should hold a match for {query!r}"

    pages: list[str] = []
    while page := services.cases.search("pain", limit=700, offset=len(pages)):
        pages.extend(s.ref for s in page)
    assert pages == sorted(pages)  # compared byte by byte (SQLite; PostgreSQL's "C" collation)
    assert pages == expected_refs(words, "pain")


def test_search_over_ten_thousand_cases_finds_exactly_the_matches(tmp_path: Path) -> None:
    """One test (the 10,000 cases are stored once), on SQLite, the command line's quick read too."""
    db = open_database(sqlite_url(tmp_path / "ten-thousand.sqlite3"))
    try:
        _ten_thousand_cases_searched(db, quick_read=True)
    finally:
        db.dispose()


@pytest.mark.postgres
def test_search_over_ten_thousand_cases_finds_exactly_the_matches_on_postgresql() -> None:
    """The same queries on PostgreSQL, whose statements differ (see storage.case_search)."""
    for url, _schema in _postgres_schema_url():
        db = open_database(url)
        try:
            _ten_thousand_cases_searched(db, quick_read=False)
        finally:
            db.dispose()


def test_the_quick_read_leaves_other_databases_to_the_ordinary_path(tmp_path: Path) -> None:
    """None (take the ordinary path) for a file that does not exist, is not a database, or is at another
    schema revision, and for PostgreSQL."""
    assert quick.search(sqlite_url(tmp_path / "missing.sqlite3"), "") is None
    assert not (tmp_path / "missing.sqlite3").exists()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    assert quick.search(sqlite_url(junk), "") is None
    db = open_database(sqlite_url(tmp_path / "old.sqlite3"))
    try:
        Services.on(db).cases.create(Case(ref="Q-1", fictional=True, patient=Patient("Zoë Ørsted")))
        assert quick.search(db.url, "zoe") == [("Q-1", "Zoë Ørsted", None)]
        with db.engine.begin() as conn:
            conn.execute(sa.text("UPDATE alembic_version SET version_num = '0004'"))
        assert quick.search(db.url, "zoe") is None
    finally:
        db.dispose()
    assert quick.search("postgresql://mdtboard@127.0.0.1:1/mdtboard", "") is None


# ---------------------------------------------------------------------------- folding inside names

NAMES = [
    ("F-1", "Siobhán O'Connell", "Chronic low back pain"),
    ("F-2", "Anna Dupré-Lindqvist", "Migraine"),
    ("F-3", "Ewan McDonald", "CRPS of the left hand"),
    ("F-4", "Mary Ann Mc Intyre", None),
    ("F-5", "李小龙", "颈部疼痛"),
    ("F-6", "Linkon Smith", "Knee pain"),
    ("F-7", "Иванов Пётр", None),
    ("F-8", "Παπαδόπουλος Νίκος", None),
    ("F-9", "Lü Wen", None),
]
FOLDED = [
    ("oconnell", ["F-1"]),
    ("o'connell", ["F-1"]),
    ("o connell", ["F-1"]),
    ("O’Connell", ["F-1"]),  # a typographic apostrophe
    ("connell", ["F-1"]),
    ("dupre lindqvist", ["F-2"]),
    ("duprelindqvist", ["F-2"]),
    ("dupré-lind", ["F-2"]),
    ("lindqvist", ["F-2"]),
    ("mc donald", ["F-3"]),
    ("mcdonald", ["F-3"]),
    ("mc", ["F-3", "F-4"]),
    ("mcd", ["F-3"]),
    ("mcintyre", ["F-4"]),
    ("maryann", ["F-4"]),
    ("mary ann", ["F-4"]),
    ("李", ["F-5"]),  # never "Linkon": its transliteration "li" is not what was typed
    ("小龙", ["F-5"]),  # a name written without spaces is found by any part of it
    ("疼痛", ["F-5"]),
    ("li", ["F-2", "F-5", "F-6"]),  # Latin letters still find the transliteration, as before
    ("link", ["F-6"]),
    ("иван", ["F-7"]),
    ("ivanov", ["F-7"]),
    ("петр", ["F-7"]),  # ё typed as е
    ("ПЁТР", ["F-7"]),
    ("παπαδοπουλος", ["F-8"]),  # Greek accents and final sigma folded
    ("Νικος", ["F-8"]),
    ("lu", ["F-9"]),
    ("чужой", []),
    ("李 smith", []),
]


@pytest.fixture
def named(services: Services) -> Services:
    for ref, name, title in NAMES:
        services.cases.create(Case(ref=ref, fictional=True, patient=Patient(name), title=title))
    return services


def test_apostrophes_hyphens_and_spaces_in_names_fold_like_accents(named: Services) -> None:
    for query, expected in FOLDED:
        assert refs(named, query) == expected, query


def test_the_page_and_its_count_come_from_one_call(named: Services) -> None:
    page, total = named.cases.search_with_count("mc", count_limit=1, limit=1)
    assert ([s.ref for s in page], total) == (["F-3"], 2)
    assert isinstance(page[0].updated_at, datetime) and page[0].fictional is True  # typed on every database
    page, total = named.cases.search_with_count("", count_limit=5, limit=100, sort="ref", descending=True)
    # without words the count is exact, past the limit too
    assert ([s.ref for s in page], total) == ([ref for ref, _, _ in reversed(NAMES)], len(NAMES))


def test_a_broad_search_whose_matches_all_come_late_in_the_order_finds_its_first_page(db: Database) -> None:
    """More matches than BROAD_MATCHES, all after the cases a walk of the reference index looks at: the
    walk finds none and the one statement's fallback collects and sorts them; a broad search whose matches
    come early is answered by the walk alone. Same pages as a plain Python search, on both databases."""
    early = case_search.WALK_SCAN + 10
    late = case_search.BROAD_MATCHES + 100
    cases = [Case(ref=f"A-{i:05d}", fictional=True, patient=Patient("Ana Early")) for i in range(early)]
    cases += [Case(ref=f"Z-{i:05d}", fictional=True, patient=Patient("Zeb Late")) for i in range(late)]
    store_quickly(db, cases)
    services = Services.on(db)
    for query, expected in (("zeb", [c.ref for c in cases[early:]]), ("ana", [c.ref for c in cases[:early]])):
        page, total = services.cases.search_with_count(query, count_limit=1000, limit=100)
        assert total > 1000  # "more than 1,000"
        assert [s.ref for s in page] == expected[:100], query
        second = services.cases.search(query, limit=100, offset=100)
        assert [s.ref for s in second] == expected[100:200], query
        backwards = services.cases.search(query, limit=100, descending=True)
        assert [s.ref for s in backwards] == expected[::-1][:100], query


@pytest.mark.postgres
def test_postgresql_connections_compile_no_statement_just_in_time() -> None:
    """A search's unused fallback is costed high, and JIT compiling for it took longer than the search.
    (A PostgreSQL setting: the test runs on PostgreSQL only.)"""
    for url, _schema in _postgres_schema_url():
        database = open_database(url)
        try:
            with database.engine.connect() as conn:
                assert conn.exec_driver_sql("SHOW jit").scalar_one() == "off"
        finally:
            database.dispose()


@pytest.mark.postgres
def test_postgresql_connections_start_no_parallel_workers() -> None:
    """A broad search's fallback is gated off by a one-time filter, yet PostgreSQL started two parallel
    workers for it at every keystroke, which then read nothing."""
    for url, _schema in _postgres_schema_url():
        database = open_database(url)
        try:
            with database.engine.connect() as conn:
                assert conn.exec_driver_sql("SHOW max_parallel_workers_per_gather").scalar_one() == "0"
        finally:
            database.dispose()


# ---------------------------------------------------------------------------- pages in reference order

BEFORE_ID_REF = "0017_pin_tag"


def test_a_database_upgraded_from_before_the_id_ref_index_finds_the_same_pages(database_url: str) -> None:
    """Revision 0018 adds the index of the cases' (id, ref) that a page in reference order takes its keys
    from: made over the cases already stored, every one is in it, and the pages are what a plain Python
    search finds."""
    cases = [
        Case(
            ref=f"U-{(i * 7919) % 3000:05d}",
            fictional=True,
            patient=Patient(f"Ana {'Ruiz' if i % 3 else 'Lee'}"),
        )
        for i in range(3000)
    ]
    engine = create_engine(database_url)
    upgrade(engine, BEFORE_ID_REF)
    engine.dispose()
    db = open_database(database_url, migrate=False)
    try:
        store_quickly(db, cases, letters=False)
    finally:
        db.dispose()
    db = open_database(database_url)  # upgrades to head
    try:
        assert head_revision() != BEFORE_ID_REF
        with db.engine.connect() as conn:
            if db.engine.dialect.name == "sqlite":
                indexed = conn.exec_driver_sql(
                    f"SELECT id, ref FROM cases INDEXED BY {case_search.ID_REF_INDEX}"
                    " WHERE id > 0 ORDER BY id"
                ).all()
                assert [tuple(row) for row in indexed] == [(i, c.ref) for i, c in enumerate(cases, start=1)]
            else:
                conn.exec_driver_sql("ANALYZE cases, case_search_tokens")
                columns = conn.exec_driver_sql(
                    "SELECT indexdef FROM pg_indexes"
                    " WHERE indexname = %(name)s AND schemaname = current_schema()",
                    {"name": case_search.ID_REF_INDEX},
                ).scalar_one()
                assert columns.endswith("(id, ref)")
        services = Services.on(db)
        words = words_of(cases)
        for query in ("ana", "ruiz", "lee", "u-0", "u-02", "ana lee"):
            expected = expected_refs(words, query)
            page, total = services.cases.search_with_count(query, count_limit=1000, limit=100)
            assert ([s.ref for s in page], total) == (expected[:100], min(len(expected), 1001)), query
            later = services.cases.search(query, limit=50, offset=100)
            assert [s.ref for s in later] == expected[100:150], query
            backwards = services.cases.search(query, limit=100, descending=True)
            assert [s.ref for s in backwards] == expected[::-1][:100], query
    finally:
        db.dispose()


# ------------------------------------------------------------------------- several words: the rarest drives


def test_a_query_of_several_words_is_driven_by_its_rarest_word(db: Database) -> None:
    """The bounded count sizes each word (its token entries) and the words written together; the page is
    then driven by the rarest word, a word with few entries read whole rather than probed, a word with
    more than SIZE_CAP probed: the same pages and counts as a plain Python search, on both databases."""
    cases = [
        Case(
            ref=f"R-{i:05d}",
            fictional=True,
            patient=Patient(f"{'Ana' if i % 2 else 'Bea'} {'Quill' if i % 13 == 0 else 'Stone'}"),
            title="neck pain" if i % 3 else "back pain",
        )
        for i in range(2100)
    ]
    store_quickly(db, cases)
    services = Services.on(db)
    words = words_of(cases)
    postgresql = db.engine.dialect.name == "postgresql"
    for query in ("stone quill", "quill ana", "pain quill back", "ana stone", "ana s", "r-0 quill", "bea q"):
        expected = expected_refs(words, query)
        parsed = parse_query(query)
        with db.engine.connect() as conn:
            _found, _exact, sizes = case_search_reads.bounded_count(
                lambda sql, values: conn.execute(sa.text(sql), values).all(),  # noqa: B023
                parsed, None, False, postgresql=postgresql,
            )
        assert sizes is not None and sizes[0] == len(cases), query  # the highest id: about how many cases
        entries = sizes[1 : 1 + len(parsed.words)]
        lettered = case_search.letter_words(parsed)  # "ana s": "s" is matched by the letters, never counted
        limits = case_search.limits(sizes, len(parsed.words), postgresql=postgresql, lettered=lettered)
        for i, (n, limit, w) in enumerate(zip(entries, limits, parsed.words, strict=False)):
            if i >= len(parsed.words) - lettered:
                assert n == case_search_plan.cap_for(len(parsed.words), postgresql), query
                continue
            exact = sum(1 for _ref, have in words for t in have if t.startswith(w))
            assert n == exact if n < limit else exact >= limit <= n, query  # counted up to its limit
        planned, hashed = case_search.plan(parsed, sizes, postgresql=postgresql, lettered=lettered)
        assert planned.words[0] == min(parsed.words, key=lambda w: entries[parsed.words.index(w)]), query
        assert len(hashed) == len(parsed.words) and not hashed[0]
        page, total = services.cases.search_with_count(query, count_limit=1000, limit=100)
        assert ([s.ref for s in page], total) == (expected[:100], min(len(expected), 1001)), query
        later = services.cases.search(query, limit=100, offset=100)
        assert [s.ref for s in later] == expected[100:200], query
        assert services.cases.count(query, limit=50) == min(len(expected), 51), query
    # "stone ana": "ana" (1,050 cases) drives and "stone" (1,938) is read whole; "quill stone": "quill"
    # (162) drives and "stone", more than 8 times as many, is probed. No token starts with "stoneana" or
    # "quillstone": they are not looked up; "ana s" looks up "anas" (which "anastone" starts)
    with db.engine.connect() as conn:
        def sized(query: str) -> case_search.Sizes | None:
            return case_search_reads.bounded_count(
                lambda sql, values: conn.execute(sa.text(sql), values).all(),
                parse_query(query), None, False, postgresql=postgresql,
            )[2]

        assert sized("stone ana") == (2100, 1938, 1050, 0)
        assert case_search.plan(parse_query("stone ana"), sized("stone ana"), postgresql=postgresql) == (
            Query(("ana", "stone"), None), (False, True)
        )
        assert case_search.plan(parse_query("quill stone"), sized("quill stone"), postgresql=postgresql) == (
            Query(("quill", "stone"), None), (False, False)
        )
        assert case_search.plan(parse_query("ana s"), sized("ana s"), postgresql=postgresql)[0] == (
            parse_query("ana s")
        )


def test_a_page_walks_the_reference_index_only_when_the_sizes_say_it_can_find_it() -> None:
    """A walk of the reference index looks at WALK_SCAN cases: with 1,811 matches among 100,000 cases it
    finds about 70, fewer than a page, and everything is collected and sorted after it anyway."""
    so = parse_query("so")
    cap = case_search.SIZE_CAP  # PostgreSQL's (words of several words on SQLite: SQLITE_SIZE_CAP)
    walks = partial(case_search.worth_walking, want=100, postgresql=True)
    assert not walks(so, (100_000, 1839))
    assert walks(so, (100_000, case_search.cap_for(1, postgresql=True)))  # many
    assert walks(so, (5_000, 1839))
    two = parse_query("nguyen t")
    assert not walks(two, (100_000, 2744, cap, 686))
    assert walks(two, (100_000, cap, cap, 686))
    assert not case_search.worth_walking(two, (100_000, 2744, 4000, 686), want=100, postgresql=False)
    assert walks(so, None)  # not measured: as before
    # a walk on PostgreSQL, where a probe costs as much as reading some 30 entries: every word with fewer
    # than SIZE_CAP entries is read whole, and then the words written together
    planned = partial(case_search.plan, postgresql=True)
    assert planned(parse_query("phantom l"), (100_000, 6251, cap, 0), walk=True) == (
        Query(("phantom", "l"), None), (True, False)
    )
    assert planned(parse_query("nguyen t"), (100_000, 2744, cap, 686), walk=True) == (
        Query(("nguyen", "t"), "nguyent"), (True, False, True)
    )
    # after the first word, a word (and the joined words) is counted up to 8 times the fewest entries so far,
    # plus one: past that it can neither drive nor be read whole ("pmc-2019-0001": "0001" has 100 entries)
    assert case_search.limits((100_000, 100, 801, 801, 11), 3, postgresql=True) == [cap, 801, 801, 801]
    assert planned(parse_query("pmc-2019-0001"), (100_000, 100, 801, 801, 11)) == (
        parse_query("pmc-2019-0001"), (False, False, False)
    )
    # several words each with more entries than they are counted up to: the one whose entries match most
    # often drives (its size is given as the cap and the misses of a sample, see case_search._sampled)
    assert planned(parse_query("chronic back"), (100_000, cap + 83, cap + 50, 0)) == (
        Query(("back", "chronic"), None), (False, False)
    )


# --------------------------------------------------------- a count that read every match: its page sorts them


def test_a_page_of_matches_the_count_read_all_of_sorts_them_as_the_search_would(db: Database) -> None:
    """When the bounded count read every match (fewer than COUNT_READ entries), it gives their ids, and the
    page sorts those instead of finding them again: the same rows as finding them, in every order, both
    directions, from an offset and after a reference, with the real/fictional filter."""
    rng = random.Random(7)
    cases = [
        Case(
            ref=f"L-{rng.randrange(10**6):06d}-{i}",
            fictional=bool(i % 3),
            patient=Patient(f"{rng.choice(FIRST)} {rng.choice(LAST)}"),
            title=rng.choice(TOPICS),
        )
        for i in range(900)
    ]
    store_quickly(db, cases)
    postgresql = db.engine.dialect.name == "postgresql"
    with db.engine.connect() as conn:
        def fetch(sql: str, values: dict[str, Any]) -> Sequence[Sequence[Any]]:
            return conn.execute(sa.text(sql), values).all()

        for query in ("jo", "ana", "lee", "thi hoa", "o brien", "pain", "c-12", "nonexistent"):
            for fictional in (None, True):
                parsed = parse_query(query)
                found, exact, sizes = case_search_reads.bounded_count(
                    fetch, parsed, fictional, False, postgresql=postgresql
                )
                assert exact and isinstance(sizes, case_search_reads.Listed), query
                for sort in case_search.SORT_COLUMNS:
                    for descending in (False, True):
                        for limit, offset in ((15, 0), (15, 30), (None, 0)):
                            ways = [
                                case_search_reads.page(
                                    fetch, fetch, parsed, fictional=fictional, limit=limit, offset=offset,
                                    sort=sort, descending=descending, matches=found, after=None,
                                    archived=False, postgresql=postgresql, sizes=given,
                                )
                                for given in (sizes, None)
                            ]
                            assert [r[0] for r in ways[0]] == [r[0] for r in ways[1]], (query, sort, limit)
                refs = [r[1] for r in case_search_reads.page(
                    fetch, fetch, parsed, fictional=fictional, limit=None, offset=0, sort="ref",
                    descending=False, matches=found, after=None, archived=False, postgresql=postgresql,
                    sizes=sizes,
                )]
                assert len(refs) == found
                if len(refs) > 5:
                    after = case_search_reads.page(
                        fetch, fetch, parsed, fictional=fictional, limit=10, offset=0, sort="ref",
                        descending=False, matches=found, after=refs[4], archived=False,
                        postgresql=postgresql, sizes=sizes,
                    )
                    assert [r[1] for r in after] == refs[5:15], query
