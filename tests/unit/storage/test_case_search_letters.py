"""The letters of the search tokens (``case_search_tokens.letters``, revision 0021, and the case's own
``cases.search_letters``, revision 0022): every entry and the case carry the first characters of all the
case's words, through every way a case's words are written (created, edited, renamed, archived, restored,
deleted and brought back, stored in bulk), and a database upgraded from before gets them for the cases it
holds; a search checks a one-letter word by them. An entry or a case without them (-1) is still found: its
words are probed. On SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from test_case_search import expected_refs, store_quickly, words_of

from mdtboard.domain.case import Case, Patient
from mdtboard.domain.search import Query, case_tokens, parse_query
from mdtboard.services.context import Services
from mdtboard.storage import case_search, case_search_plan
from mdtboard.storage.db import Database, create_engine, open_database, upgrade

BEFORE = "0020_forget_unused_words"


def _letters_by_case(db: Database) -> dict[int, set[int]]:
    """The letters of each case's token entries and of the case itself."""
    with db.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT case_id, letters FROM case_search_tokens")).all()
        rows += conn.execute(sa.text("SELECT id, search_letters FROM cases")).all()
    found: dict[int, set[int]] = {}
    for case_id, letters in rows:
        found.setdefault(case_id, set()).add(letters)
    return found


def _expected_letters(case: Case) -> int:
    return case_search_plan.letters_of(case_tokens(case.patient.display_name, case.title, case.ref))


def test_the_letters_of_a_word_are_its_first_character() -> None:
    bit = case_search_plan.letter_bit
    assert bit("t") == bit("thi") == bit("~thi") == 1 << 19
    assert bit("0") == bit("1") == bit("10") == 1 << 26 and bit("9") == 1 << 29
    assert bit("李小龙") == bit("ørsted") == 1 << 30 and bit("") == 0
    assert case_search_plan.letters_of(["nguyen", "thi", "2019"]) == (1 << 13) | (1 << 19) | (1 << 27)
    assert case_search_plan.letters_of(["a"] * 3) < 2**31  # a 4-byte integer; -1 says "not known"
    # one-letter words go last (the first word is looked up whatever it is); digits are probed as before
    assert case_search.lettered(parse_query("t nguyen")) == Query(("nguyen", "t"), "tnguyen")
    assert case_search.letter_words(parse_query("nguyen t h")) == 2
    assert case_search.letter_words(parse_query("a b")) == 1
    assert case_search.letter_words(parse_query("pmc 2019 0")) == 0
    assert case_search.lettered(parse_query("zhang 李 a")).words == ("zhang", "李", "a")


def test_every_way_of_writing_a_cases_words_writes_their_letters(services: Services) -> None:
    cases = services.cases
    ana = cases.create(
        Case(ref="MDT-2026-001", fictional=True, patient=Patient("Ana Ruiz"), title="Neck pain")
    )
    bo = cases.create(Case(ref="MDT-2026-002", fictional=True, patient=Patient("Bo Li")))
    assert ana.id is not None and bo.id is not None

    def check() -> None:
        stored = {c.id: c for c in cases.get_many()}
        by_case = _letters_by_case(services.db)
        assert set(by_case) == set(stored)
        for case_id, letters in by_case.items():
            assert letters == {_expected_letters(stored[case_id])}, case_id

    check()
    ana = cases.update(dataclasses.replace(ana, patient=Patient("Zoë Ørsted"), title="Whiplash"))
    check()
    cases.archive(ana.id or 0)
    check()
    assert [s.ref for s in cases.search("zoe w", archived=True)] == ["MDT-2026-001"]
    assert cases.search("zoe w") == [] and cases.search("zoe q", archived=True) == []
    cases.unarchive(ana.id or 0)
    check()
    deleted = cases.delete(bo.id or 0)
    check()
    cases.undelete(deleted)
    check()
    cases.store_many([Case(ref="MDT-2026-003", fictional=True, patient=Patient("Kim Tran"), title="Hip")])
    check()
    assert [s.ref for s in cases.search("kim h")] == ["MDT-2026-003"]
    assert [s.ref for s in cases.search("bo l")] == ["MDT-2026-002"]


def _cases(n: int) -> list[Case]:
    rng = random.Random(21)
    first = ["Ana", "Thi", "Bo", "Hoa", "Zoë", "Li", "Ørsted"]
    last = ["Nguyen", "Tran", "Lee", "Ruiz", "Ng", "O'Connell", "李小龙"]
    titles = ["chronic back pain", "back pain", "neck pain after a fall", None]
    return [
        Case(
            ref=f"L-{i:05d}",
            fictional=True,
            patient=Patient(f"{rng.choice(first)} {rng.choice(last)}"),
            title=rng.choice(titles),
        )
        for i in range(n)
    ]


QUERIES = ("nguyen t", "ana n", "chronic b", "back p", "ng t h", "t nguyen", "zoe o", "li 李", "pain a f",
           "thi x", "l b", "o c", "chronic ba", "nguyen 1", "pain a", "pain n", "l 3")


@pytest.mark.parametrize("known", [True, False], ids=["letters", "some unknown"])
def test_one_letter_words_find_what_a_plain_search_finds(db: Database, known: bool) -> None:
    """Over 6,000 cases, counted and paged (broad ones, "pain n", by walking the cases in reference order);
    ``some unknown``: a third of the cases' entries, and two thirds of the cases, say -1 (written without
    letters), and are found all the same."""
    cases = _cases(6000)
    store_quickly(db, cases)
    if not known:
        with db.engine.begin() as conn:
            conn.execute(sa.text("UPDATE case_search_tokens SET letters = -1 WHERE case_id % 3 = 0"))
            conn.execute(sa.text("UPDATE cases SET search_letters = -1 WHERE id % 3 <> 2"))
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as conn:
            conn.execute(sa.text("ANALYZE cases, case_search_tokens"))
    services = Services.on(db)
    words = words_of(cases)
    sent: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        sent.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", note)
    services.cases.search_with_count("pain n", count_limit=1000, limit=100)
    sa.event.remove(db.engine, "before_cursor_execute", note)
    assert any(s.startswith("WITH w AS") and "c.search_letters" in s for s in sent)  # walked, by the letters
    for query in QUERIES:
        expected = expected_refs(words, query)
        page, total = services.cases.search_with_count(query, count_limit=1000, limit=100)
        assert ([s.ref for s in page], total) == (expected[:100], min(len(expected), 1001)), query
        assert [s.ref for s in services.cases.search(query, limit=50, offset=100)] == expected[100:150], query
        assert [s.ref for s in services.cases.search(query, sort="name", limit=None)] == sorted(
            expected, key=lambda r: (cases[int(r[2:])].patient.display_name, int(r[2:]))
        ), query
        assert services.cases.count(query, limit=None) == len(expected), query


def test_a_database_upgraded_from_before_the_letters_has_them(database_url: str) -> None:
    """Revisions 0021 and 0022 compute the letters of the cases stored before them, archived ones included
    (the cases' own from their tokens')."""
    cases = _cases(300)
    engine = create_engine(database_url)
    upgrade(engine, BEFORE)
    engine.dispose()
    db = open_database(database_url, migrate=False)
    try:
        store_quickly(db, cases, letters=False)
        with db.engine.begin() as conn:
            archived = datetime(2026, 12, 7, tzinfo=UTC)
            conn.execute(sa.text("UPDATE cases SET archived_at = :when WHERE id = 7"), {"when": archived})
            conn.execute(sa.text("UPDATE case_search_tokens SET token = '~' || token WHERE case_id = 7"))
    finally:
        db.dispose()
    db = open_database(database_url)  # upgrades to head
    try:
        by_case = _letters_by_case(db)
        assert by_case == {i: {_expected_letters(c)} for i, c in enumerate(cases, start=1)}
        services = Services.on(db)
        words = words_of(cases)
        expected = [r for r in expected_refs(words, "nguyen t") if r != cases[6].ref]
        assert [s.ref for s in services.cases.search("nguyen t", limit=None)] == expected
    finally:
        db.dispose()
