"""Searches typed as a case reference, answered by the references' shapes (storage.case_ref_search), on SQLite
and PostgreSQL: the same cases, counts and pages as a plain Python search for references of many shapes
(capitals or not, other punctuation, spaces, other characters), with names and titles holding digits, real
and fictional, archived, in both directions, after a reference; the shapes the program knows followed when a
new one appears; the tables it reads kept by every way a case is written, and made by the migration."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime
from functools import cache

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from mdtboard.domain.case import Case, Patient
from mdtboard.domain.search import case_tokens, matches, parse_query
from mdtboard.services.context import Services
from mdtboard.services.uow import unit_of_work
from mdtboard.storage import case_ref_search, case_repo, case_search_reads, case_search_repo
from mdtboard.storage.case_ref_shapes import RefShape, place, ref_tails, shape_of, word_tokens
from mdtboard.storage.case_search import stored_tokens
from mdtboard.storage.db import Database, create_engine, open_database, upgrade

#: Titles, the first five holding words that references start too (less often than the others).
TITLES = [
    "CRPS type 1, right hand",
    "Chronic low back pain with L5 radiculopathy",
    "2019 review of opioid taper",
    "PMC follow-up",
    "PMC-2019 audit case",
    "Migraine",
    "Neck pain",
    None,
]
WEIGHTS = [1, 1, 1, 1, 1, 10, 10, 10]
NAMES = [
    "Ana Lee", "José Ñúñez", "Siobhán O'Connell", "李小龙", "Mary Ann Mc Intyre", "Zoë Ørsted", "Pmc Smith"
]


def _refs() -> list[str]:
    refs = [f"PMC-{2016 + i % 9}-{i:06d}" for i in range(1100)]
    refs += [f"pmc-{2019 + i % 3}-{i:04d}" for i in range(150)]  # small letters, another shape
    refs += [f"PMC{2019 + i % 2}{i:05d}" for i in range(120)]  # no punctuation
    refs += [f"AB{i % 40}-{i}" for i in range(160)]  # many shapes of one pattern
    refs += [f"X/{2019 + i % 2}/{i}" for i in range(60)]
    refs += [f"PMC 2019 {i:03d}" for i in range(40)]  # spaces
    refs += [f"PMC-2019-{i:04d}A" for i in range(40)]  # a letter after the digits
    refs += [f"Ñ-2019-{i}" for i in range(30)]  # not ASCII: its words are words of the case
    refs += [f"PMC-2019-00{i}·B" for i in range(10)]
    refs += ["2019-PMC-0001", "0001-2019", "PMC-00-2019", "PMC-0019-2019", "z" * 64, "PMC_2019_000001"]
    return refs


def _cases() -> list[tuple[Case, bool]]:
    rng = random.Random(20261207)
    out = []
    for i, ref in enumerate(_refs()):
        case = Case(
            ref=ref,
            fictional=rng.random() < 0.7,
            patient=Patient(rng.choice(NAMES)),
            title=rng.choices(TITLES, WEIGHTS)[0],
        )
        out.append((case, i % 23 == 0))  # some archived
    return out


QUERIES = sorted(
    {
        *(ref[:k] for ref in ("PMC-2019-000123", "pmc-2020-0042") for k in range(1, 16)),
        *(ref[:k] for ref in ("PMC20190012", "AB7-47", "X/2020/7", "PMC 2019 03", "PMC-2019-0012A")
          for k in range(4, 16, 3)),
        "Ñ-2019-3", "Ñ-20",
        "pmc2019", "pmc 2019", "2019 pmc", "pmc-2019-1", "pmc 0001", "2019", "000123", "0001", "pmc-2020-",
        "x 2020", "x2020", "n-2019", "ñ 2019", "pmc 2019 0", "pmc-2019 audit", "audit 2019", "type 1", "l5",
        "2019 review", "review 2019", "pmc follow", "pmc smith", "smith pmc-2", "pmc 00", "pmc-00", "0019",
        "2019 0001", "pmc 2019 000", "pmc2019 0", "z" * 64, "pmc_2019_0", "2019pmc", "李 2019", "小龙 pmc-20",
        "ab 4", "ab12 12", "ab1-1", "pmc-2019-00b", "00 2019", "lee 2019", "o'connell pmc-2016",
    }
)


def _store(db: Database, cases: list[tuple[Case, bool]]) -> None:
    """The cases as the repository stores them (archived ones as stored archived), in one transaction."""
    when = datetime(2026, 12, 1, tzinfo=UTC)
    stored = [
        replace(case, id=i, version=0, archived_at=when if archived else None)
        for i, (case, archived) in enumerate(cases, start=1)
    ]
    with unit_of_work(db) as session:
        case_repo.insert_cases(session, stored, as_stored=True)
        case_search_repo.gather_statistics(session)


def _expected(cases: list[tuple[Case, bool]], query: str, *, archived: bool = False,
              fictional: bool | None = None) -> list[str]:
    """The search done in plain Python (references sorted by code point, as SQLite and "C" sort them)."""
    parsed = parse_query(query)
    return sorted(
        c.ref
        for c, is_archived in cases
        if is_archived == archived
        and (fictional is None or c.fictional == fictional)
        and matches(parsed, _tokens(c.patient.display_name, c.title, c.ref))
    )


@cache
def _tokens(name: str, title: str | None, ref: str) -> set[str]:
    return case_tokens(name, title, ref)


def test_searches_typed_as_references_find_exactly_the_matches(db: Database) -> None:
    cases = _cases()
    _store(db, cases)
    services = Services.on(db)
    shown = services.cases
    by_shape = 0
    for query in QUERIES:
        expected = _expected(cases, query)
        page, total = shown.search_with_count(query, count_limit=1000, limit=100)
        assert ([s.ref for s in page], total) == (expected[:100], min(len(expected), 1001)), query
        assert [s.ref for s in shown.search(query, limit=50, offset=30)] == expected[30:80], query
        assert [s.ref for s in shown.search(query, limit=25, descending=True)] == expected[::-1][:25], query
        assert shown.count(query, limit=50) == min(len(expected), 51), query
        if len(expected) > 12:
            after = shown.search(query, limit=40, after=expected[10])
            assert [s.ref for s in after] == expected[11:51], query
            before = shown.search(query, limit=30, descending=True, after=expected[-6])
            assert [s.ref for s in before] == expected[::-1][6:36], query
        fictional = len(query) % 2 == 0  # either kind, by turns
        kind = _expected(cases, query, fictional=fictional)
        page, total = shown.search_with_count(query, count_limit=20, limit=60, fictional=fictional)
        assert ([s.ref for s in page], total) == (kind[:60], min(len(kind), 21)), (query, fictional)
        archived = _expected(cases, query, archived=True)
        page, total = shown.search_with_count(query, count_limit=1000, limit=100, archived=True)
        assert ([s.ref for s in page], total) == (archived[:100], min(len(archived), 1001)), query
        with db.engine.connect() as conn:
            _found, _exact, sizes = case_search_reads.bounded_count(
                lambda sql, values: conn.execute(sa.text(sql), values).all(),  # noqa: B023
                parse_query(query), None, False,
                postgresql=db.engine.dialect.name == "postgresql", refs=case_search_repo.refs_of(db.engine),
            )
        by_shape += isinstance(sizes, case_ref_search.RefCount)
    assert by_shape > len(QUERIES) // 2, "most of these searches are answered by shape"


def test_a_keystroke_by_shape_is_two_statements(db: Database) -> None:
    """The count (which reads the shapes again) and the page, when no name or title holds a word typed."""
    cases = [(replace(c, title="Back pain", patient=Patient("Ana Lee")), False) for c, _ in _cases()[:600]]
    _store(db, cases)
    shown = Services.on(db).cases
    shown.search_with_count("pmc-2019-0", count_limit=1000, limit=100)  # the shapes are read once
    sent: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            sent.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        for query in ("pmc-2019-00", "pmc-2019-0001", "pmc2020", "pmc-2"):
            sent.clear()
            page, _total = shown.search_with_count(query, count_limit=1000, limit=100)
            assert [s.ref for s in page] == _expected(cases, query)[:100], query
            assert len(sent) == 2, (query, sent)
            assert "case_ref_tails" in sent[0], query  # by shape
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)


def test_a_new_shape_is_found_by_the_next_search(services: Services) -> None:
    """The program keeps the shapes it read; a search by shape reads them again, and a case of a shape it
    did not know is found at the next keystroke (the same program, and another one on the same database)."""
    shown = services.cases
    for i in range(30):
        shown.create(Case(ref=f"PMC-2019-{i:06d}", fictional=True, patient=Patient("Ana Lee")))
    assert len(shown.search("pmc-2019-0", limit=100)) == 30
    other = Services.on(open_database(services.db.url))
    try:
        other.cases.create(Case(ref="PMC-2019-0X", fictional=True, patient=Patient("Bo Lee")))
        other.cases.create(Case(ref="pmc.2019.07", fictional=True, patient=Patient("Cy Lee")))
    finally:
        other.db.dispose()
    found = [s.ref for s in shown.search("pmc-2019-0", limit=100)]
    assert found == sorted([f"PMC-2019-{i:06d}" for i in range(30)] + ["PMC-2019-0X", "pmc.2019.07"])
    page, total = shown.search_with_count("pmc 2019 07", count_limit=1000, limit=10)
    assert ([s.ref for s in page], total) == (["pmc.2019.07"], 1)


def test_shapes_that_appear_after_a_search_are_searched_by_from_the_next_keystroke(
    services: Services,
) -> None:
    """A library opened on a database without references of a shape (empty, here: a search of words found
    nothing, and no longer fails) searches by words; a search that the shapes known do not place reads the
    database's shapes too, so that the next keystroke places it."""
    shown = services.cases
    assert shown.search_with_count("pmc-2019-0", count_limit=1000, limit=100) == ([], 0)
    for i in range(20):
        shown.create(Case(ref=f"PMC-2019-{i:06d}", fictional=True, patient=Patient("Ana Lee")))
    engine = services.db.engine
    sent: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        sent.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        for placed in (False, True):
            sent.clear()
            page, total = shown.search_with_count("pmc-2019-00", count_limit=1000, limit=100)
            assert ([s.ref for s in page], total) == ([f"PMC-2019-{i:06d}" for i in range(20)], 20)
            # by shape (a range of references) the second time
            assert ("c.ref >= " in " ".join(sent)) is placed
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def test_the_tables_read_by_shape_follow_every_way_a_case_is_written(services: Services) -> None:
    shown = services.cases
    a = shown.create(
        Case(ref="PMC-2019-000001", fictional=True, patient=Patient("Ana Lee"), title="Back pain")
    )
    with unit_of_work(services.db) as session:  # a reference the program no longer takes (not ASCII)
        (b_id,) = case_repo.insert_cases(
            session, [Case(ref="Ñ-7", fictional=False, patient=Patient("Bo 42"), title="Type 1 CRPS")]
        )
    b = shown.get(b_id)
    edited = shown.update(replace(a, ref="QX-12-3", title="Knee 2020"), base=a)
    shown.duplicate(b.id or 0, ref="QX-12-4", fictional=True)
    shown.archive(edited.id or 0)
    shown.unarchive(edited.id or 0)
    shown.archive(b.id or 0)
    gone = shown.create(Case(ref="DEL-1", fictional=True, patient=Patient("Gone Soon")))
    shown.delete(gone.id or 0)
    shown.store_many([Case(ref="IMP-9", fictional=True, patient=Patient("Imported 9"), title="x1")])
    shown.store_many([Case(ref="IMP-9", fictional=True, patient=Patient("Imported again"), title="y2")])
    with services.db.engine.connect() as conn:
        cases = conn.execute(sa.text("SELECT id, ref, display_name, title, archived_at FROM cases")).all()
        tails = conn.execute(sa.text("SELECT case_id, pos, shape, tail FROM case_ref_tails")).all()
        words = set(conn.execute(sa.text("SELECT token FROM case_search_words")).scalars())
    assert sorted(tails) == sorted(
        (case_id, pos, shape, tail) for case_id, ref, *_ in cases for shape, pos, tail in ref_tails(ref)
    )
    assert words >= {  # every word each case has now
        t
        for _id, ref, name, title, archived_at in cases
        for t in stored_tokens(word_tokens(name, title, ref), archived=archived_at is not None)
    }
    with services.db.engine.connect() as conn:  # and only tokens that a case has (here by its reference)
        assert words <= set(conn.execute(sa.text("SELECT token FROM case_search_tokens")).scalars())
    assert {"knee", "2020", "1", "~n7", "~7", "~type", "y2"} <= words
    assert not {"back", "x1", "gone", "soon", "n7"} & words  # edited away, replaced, deleted, archived
    assert "qx123" not in words and "pmc2019000001" not in words  # references of a shape: apart
    assert [s.ref for s in shown.search("qx-12", limit=10)] == ["QX-12-3", "QX-12-4"]
    assert [s.ref for s in shown.search("n-7", limit=10, archived=True)] == ["Ñ-7"]


def test_placings_of_words_in_a_shape() -> None:
    """What the words of a search fix in a shape: a prefix of the references when they are typed from its
    start, runs elsewhere (found through the tails of a word) when not; nothing where they cannot be."""
    shape = RefShape(shape_of("PMC-2019-000123") or "")
    assert (shape.classes, shape.starts) == ("AAA9999999999", (0, 3, 7))
    joined = place(("pmc2019",), None, (shape,))
    assert joined is not None and (joined.prefixes, joined.gaps) == (("PMC-2019",), ())
    placed = place(*_words("pmc-2019-00"), (shape,))
    assert placed is not None and placed.prefixes == ("PMC-2019-00",)
    assert [[(r.j, r.text, r.offset, r.written) for r in g.runs] for g in placed.gaps] == [
        [(0, "pmc00", 1, "PMC-00"), (2, "2019", 10, "2019")]
    ]
    placed = place(*_words("2019"), (shape,))
    assert placed is not None and placed.prefixes == () and len(placed.gaps) == 2
    assert place(*_words("smith 2019"), (shape,)) == place((), None, ())
    lower = RefShape("aaa.9999")
    both = place(*_words("pmc 20"), (shape, lower))
    assert both is not None and both.prefixes == ("PMC-20", "pmc.20")


def _words(query: str) -> tuple[tuple[str, ...], str | None]:
    parsed = parse_query(query)
    return parsed.words, parsed.joined


BEFORE = "0018_cases_id_ref"


def test_the_migration_fills_the_tables_from_the_cases_stored(database_url: str) -> None:
    """Revision 0019 makes case_ref_tails and case_search_words from the cases already stored; searches by
    shape then find what a plain Python search finds."""
    cases = _cases()[::7]
    engine = create_engine(database_url)
    upgrade(engine, BEFORE)
    engine.dispose()
    db = open_database(database_url, migrate=False)
    try:
        _store_before(db, cases)
    finally:
        db.dispose()
    db = open_database(database_url)
    try:
        with db.engine.connect() as conn:
            tails = conn.execute(sa.text("SELECT case_id, pos, shape, tail FROM case_ref_tails")).all()
            words = set(conn.execute(sa.text("SELECT token FROM case_search_words")).scalars())
        assert sorted(tails) == sorted(
            (i, pos, shape, tail)
            for i, (case, _archived) in enumerate(cases, start=1)
            for shape, pos, tail in ref_tails(case.ref)
        )
        assert words == {
            t
            for case, archived in cases
            for t in stored_tokens(
                word_tokens(case.patient.display_name, case.title, case.ref), archived=archived
            )
        }
        shown = Services.on(db).cases
        for query in ("pmc-2019-0", "pmc2019", "pmc-2", "2019 review", "ab1", "ñ-2019"):
            expected = _expected(cases, query)
            page, total = shown.search_with_count(query, count_limit=1000, limit=100)
            assert ([s.ref for s in page], total) == (expected[:100], min(len(expected), 1001)), query
    finally:
        db.dispose()


def _store_before(db: Database, cases: list[tuple[Case, bool]]) -> None:
    """The rows the program stored before revision 0019: the cases and their search tokens only."""
    when = datetime(2026, 12, 1, tzinfo=UTC)
    with db.engine.begin() as conn:
        for i, (case, archived) in enumerate(cases, start=1):
            conn.execute(
                sa.text(
                    "INSERT INTO cases (id, ref, fictional, title, display_name, given_lists, has_scores,"
                    " version, created_at, updated_at, archived_at) VALUES (:id, :ref, :fictional, :title,"
                    " :name, '', :no, 0, :when, :when, :archived)"
                ),
                {"id": i, "ref": case.ref, "fictional": case.fictional, "title": case.title, "no": False,
                 "name": case.patient.display_name, "when": when, "archived": when if archived else None},
            )
            words = case_tokens(case.patient.display_name, case.title, case.ref)
            tokens = stored_tokens(words, archived=archived)
            if tokens:
                conn.execute(
                    sa.text("INSERT INTO case_search_tokens (case_id, token) VALUES (:id, :token)"),
                    [{"id": i, "token": t} for t in tokens],
                )


@pytest.mark.parametrize(
    ("database", "column", "plain"),
    [(None, None, True), ("C", None, True), ("C.UTF-8", None, True), ("POSIX", None, True),
     ("en_US.UTF-8", None, False), ("en_US.UTF-8", "C", True), ("C", "en_US", False)],
)
def test_ranges_of_references_only_where_they_compare_by_code_point(
    database: str | None, column: str | None, plain: bool
) -> None:
    assert case_ref_search.code_point_order(database, column) is plain
