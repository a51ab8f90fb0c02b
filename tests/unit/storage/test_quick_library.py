"""The case library's reads through bare ``sqlite3`` (storage.quick.LibraryReader, services.quick_cases),
which fill the library at the program's start while SQLAlchemy loads: the very answers of the case
service (rows, order, count, typed times and flags), for every sort, filter and kind of query; nothing for
a database at another schema, and the same cases as the service for an account that sees fictional cases
only."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from mdtboard.domain.accounts import Account, Role
from mdtboard.domain.case import Case, Patient
from mdtboard.domain.errors import DatabaseError
from mdtboard.services.context import Services
from mdtboard.services.permissions import act_as_account
from mdtboard.services.quick_cases import QuickCases, open_quick_cases
from mdtboard.storage.db import open_database, sqlite_url
from mdtboard.storage.quick_library import LibraryReader

NAMES = [
    "Siobhán O'Connell", "Anna Dupré-Lindqvist", "Ewan McDonald", "Mary Ann Mc Intyre", "李小龙",
    "Linkon Smith", "Иванов Пётр", "Nguyễn Thị Lan", "Zoë Ørsted", "José Ñúñez", "Smith Jones",
]
QUERIES = [
    "", "smith", "s", "mc", "mc donald", "oconnell", "李", "nguyen thi", "q-1", "q-", "pain", "zzz", "  ",
]
SORTS = ["ref", "name", "title", "fictional", "updated"]


@pytest.fixture
def varied(tmp_path: Path) -> Services:
    """Real and fictional cases, some archived, some without a title: 3 x len(NAMES) cases."""
    services = Services.on(open_database(sqlite_url(tmp_path / "quick.sqlite3")))
    made = 0
    for round_ in range(3):
        for name in NAMES:
            case = services.cases.create(Case(
                ref=f"Q-{made:03d}", fictional=made % 3 != 0, patient=Patient(name),
                title=None if made % 4 == 0 else f"Chronic pain {round_}",
            ))
            if made % 5 == 0:
                services.cases.archive(case.id or 0)
            made += 1
    return services


def test_the_quick_reads_answer_as_the_case_service(varied: Services) -> None:
    quick = open_quick_cases(varied.db.url)
    assert quick is not None
    cases = varied.cases
    compared = 0
    for query in QUERIES:
        for archived in (False, True):
            for fictional in (None, True, False):
                for sort in SORTS:
                    for descending in (False, True):
                        wanted = dict(count_limit=7, fictional=fictional, limit=5, sort=sort,
                                      descending=descending, archived=archived)
                        assert quick.search_with_count(query, **wanted) == cases.search_with_count(
                            query, **wanted), (query, wanted)
                        compared += 1
                page = dict(fictional=fictional, limit=4, offset=3, archived=archived, sort="name")
                assert quick.search(query, **page) == cases.search(query, **page)
                first = cases.search(query, fictional=fictional, limit=4, archived=archived)
                if first:
                    after = dict(fictional=fictional, limit=4, after=first[-1].ref, archived=archived)
                    assert quick.search(query, **after) == cases.search(query, **after)
                everything = dict(fictional=fictional, limit=None, archived=archived)
                assert quick.search(query, **everything) == cases.search(query, **everything)
    assert compared == len(QUERIES) * 2 * 3 * len(SORTS) * 2
    page, total = quick.search_with_count("", count_limit=1000, limit=200)
    assert total == 26 and len(page) == 26  # 33 cases, 7 archived
    assert {type(s.updated_at) for s in page} == {type(cases.search("", limit=1)[0].updated_at)}
    assert all(isinstance(s.fictional, bool) for s in page)


def test_a_restricted_viewer_lists_the_fictional_cases_only(varied: Services) -> None:
    quick = open_quick_cases(varied.db.url)
    assert quick is not None
    trainee = Account(1, "tr", "Trainee", None, frozenset({Role.TRAINEE}))
    act_as_account(trainee)
    try:
        for fictional in (None, True, False):
            wanted = dict(count_limit=1000, fictional=fictional, limit=200)
            answer = quick.search_with_count("", **wanted)
            assert answer == varied.cases.search_with_count("", **wanted)
            assert all(s.fictional for s in answer[0])
        assert quick.search("", fictional=False) == []
    finally:
        act_as_account(None)


def test_only_a_plain_sqlite_file_at_the_programs_schema_is_read(tmp_path: Path, varied: Services) -> None:
    assert open_quick_cases(sqlite_url(tmp_path / "missing.sqlite3")) is None
    assert not (tmp_path / "missing.sqlite3").exists()  # never created
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    assert open_quick_cases(sqlite_url(junk)) is None
    assert open_quick_cases("postgresql://mdtboard@127.0.0.1:1/mdtboard") is None
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert open_quick_cases(sqlite_url(empty)) is None  # no schema yet: the ordinary opening makes it
    quick = open_quick_cases(varied.db.url)
    assert isinstance(quick, QuickCases)
    with varied.db.engine.begin() as conn:  # upgraded, or replaced, by another program meanwhile
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0016'"))
    with pytest.raises(DatabaseError):
        quick.search_with_count("", count_limit=1000, limit=200)
    with pytest.raises(DatabaseError):
        quick.search("smith")
    assert LibraryReader.open(varied.db.url) is None
