"""Keeping cases through the services, on SQLite and PostgreSQL: a copy as a new case, archiving
(hidden from every search, kept, restored), deleting a case nobody uses and bringing it back as it was,
and the refusal to delete a case that a conference or a care plan uses."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from conftest import table_snapshot

from mdtboard.domain.case import (
    Case,
    Discipline,
    DisciplineInput,
    Medication,
    Patient,
    RestrictedPassage,
    Scores,
)
from mdtboard.domain.case_keeping import CaseInUseError
from mdtboard.domain.conference import Conference
from mdtboard.domain.errors import ConflictError, InvalidInputError, NotFoundError
from mdtboard.domain.search import TOKEN_LENGTH
from mdtboard.services.context import Services
from mdtboard.storage import quick
from mdtboard.storage.db import Database

LONG = "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessenschafewaren"


def a_case(ref: str, name: str, *, fictional: bool = False, title: str | None = "Low back pain") -> Case:
    return Case(
        ref=ref,
        fictional=fictional,
        title=title,
        patient=Patient(display_name=name, age=52, pronouns="she/her"),
        one_liner="52-year-old with 3 years of axial low back pain.",
        sharing_restrictions="Do not mention the divorce.",
        pain_history="Fell at work in 2022; the divorce made it worse.",
        restricted_passages=[RestrictedPassage("/pain_history", "the divorce made it worse", "Dr Lee")],
        medications=[Medication("MS Contin", dose="60 mg", route="po", frequency="twice daily")],
        scores=Scores(nrs=7),
        discipline_inputs=[DisciplineInput(Discipline.PSYCHOLOGY, "Dr Lee", "Fear avoidance.", "CBT")],
    )


@pytest.fixture
def three(services: Services) -> list[Case]:
    return [
        services.cases.create(a_case("MDT-2026-001", "Ana Ruiz")),
        services.cases.create(a_case("MDT-2026-002", "Ana Smith", title="Neck pain")),
        services.cases.create(a_case("TEACH-2026-001", "Zoë Ørsted", fictional=True)),
    ]


#: The tables of a case's lists, whose rows every save writes anew (their ids mean nothing).
LINE_TABLES = {"pain_locations", "medications", "case_lines", "other_scores", "restricted_passages"}


def rows_but_line_ids(snapshot: dict[str, list[tuple[object, ...]]]) -> dict[str, list[tuple[object, ...]]]:
    return {
        name: sorted((r[1:] for r in rows), key=repr) if name in LINE_TABLES else rows
        for name, rows in snapshot.items()
    }


def refs(services: Services, query: str = "", **kw: object) -> list[str]:
    return sorted(s.ref for s in services.cases.search(query, limit=None, **kw))  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- duplicate


def test_a_copy_is_a_new_case_with_its_own_reference_kind_and_title(
    services: Services, three: list[Case]
) -> None:
    source = three[0]
    copy = services.cases.duplicate(source.id or 0, ref="TEACH-2026-002", fictional=True)
    assert copy.id not in (None, source.id) and copy.version == 0 and copy.archived_at is None
    assert (copy.ref, copy.fictional) == ("TEACH-2026-002", True)
    assert copy.title == "Copy of MDT-2026-001: Low back pain"
    # the clinical content comes along, the restricted text still restricted
    assert copy.patient == source.patient and copy.medications == source.medications
    assert copy.pain_history == source.pain_history and copy.scores == source.scores
    assert copy.sharing_restrictions == source.sharing_restrictions
    assert copy.restricted_passages == source.restricted_passages
    # the disciplines' signed inputs were about the earlier presentation
    assert not copy.discipline_inputs
    assert services.cases.get(source.id or 0) == source  # the source is untouched
    assert refs(services, "copy") == ["TEACH-2026-002"]


def test_a_copy_of_a_case_without_title_says_what_it_copies(services: Services) -> None:
    source = services.cases.create(a_case("MDT-2026-009", "Ana Ruiz", title=None))
    copy = services.cases.duplicate(source.id or 0, ref="MDT-2026-010", fictional=False)
    assert copy.title == "Copy of MDT-2026-009"
    long = services.cases.create(a_case("MDT-2026-011", "Ana Ruiz", title="x" * 300))
    assert len(services.cases.duplicate(long.id or 0, ref="MDT-2026-012", fictional=False).title or "") == 300


def test_a_copy_under_a_reference_taken_is_refused_and_changes_nothing(
    services: Services, db: Database, three: list[Case]
) -> None:
    before = table_snapshot(db)
    with pytest.raises(InvalidInputError, match="MDT-2026-002' already exists"):
        services.cases.duplicate(three[0].id or 0, ref="MDT-2026-002", fictional=False)
    with pytest.raises(InvalidInputError, match="reference"):
        services.cases.duplicate(three[0].id or 0, ref="not a reference!", fictional=False)
    with pytest.raises(NotFoundError):
        services.cases.duplicate(999_999, ref="MDT-2026-099", fictional=False)
    assert table_snapshot(db) == before


# ---------------------------------------------------------------------------- archive


def test_an_archived_case_is_found_by_no_search_but_among_the_archived(
    services: Services, three: list[Case]
) -> None:
    ana = three[0]
    archived = services.cases.archive(ana.id or 0)
    assert archived.archived_at is not None
    assert archived.version == ana.version and archived.updated_at == ana.updated_at  # no edit
    cases = services.cases
    assert refs(services) == ["MDT-2026-002", "TEACH-2026-001"]
    assert refs(services, "ana") == ["MDT-2026-002"]
    assert refs(services, "ana ruiz") == []
    assert refs(services, "", fictional=False) == ["MDT-2026-002"]
    assert cases.count() == 2 and cases.count("ana") == 1 and cases.count("ana", limit=10) == 1
    page, total = cases.search_with_count("", count_limit=1000, limit=100)
    assert ([s.ref for s in page], total) == (["MDT-2026-002", "TEACH-2026-001"], 2)
    page, total = cases.search_with_count("ruiz", count_limit=1000, limit=100)
    assert (page, total) == ([], 0)
    assert cases.listed([ana.id or 0, three[1].id or 0], "ana") == {three[1].id}
    assert cases.listed([ana.id or 0]) == set()
    # among the archived: only it, by any of its words
    assert refs(services, archived=True) == ["MDT-2026-001"]
    assert refs(services, "ruiz", archived=True) == ["MDT-2026-001"]
    assert refs(services, "ana r", archived=True) == ["MDT-2026-001"]
    assert refs(services, "anaru", archived=True) == ["MDT-2026-001"]  # the words written together
    assert refs(services, "smith", archived=True) == []
    assert refs(services, "", fictional=True, archived=True) == []
    page, total = cases.search_with_count("ana", count_limit=1000, limit=100, archived=True)
    assert ([s.ref for s in page], total) == (["MDT-2026-001"], 1)
    assert page[0].archived_at is not None
    assert cases.count(archived=True) == 1 and cases.listed([ana.id or 0], archived=True) == {ana.id}
    # kept whole
    kept = cases.get(ana.id or 0)
    assert kept.medications == ana.medications and kept.discipline_inputs == ana.discipline_inputs


def test_an_archived_case_edited_stays_archived_and_restoring_brings_it_back(
    services: Services, three: list[Case]
) -> None:
    ana = services.cases.archive(three[0].id or 0)
    assert services.cases.archive(ana.id or 0).archived_at == ana.archived_at  # twice: no change
    ana.title = "Low back pain, taper question"
    saved = services.cases.update(ana)  # an editor still open on it saves as before
    assert saved.archived_at == ana.archived_at and saved.version == ana.version + 1
    assert refs(services, "taper") == [] and refs(services, "taper", archived=True) == ["MDT-2026-001"]
    restored = services.cases.unarchive(ana.id or 0)
    assert restored.archived_at is None and restored.version == saved.version
    assert refs(services, "taper") == ["MDT-2026-001"] and refs(services, archived=True) == []
    assert refs(services, "ana") == ["MDT-2026-001", "MDT-2026-002"]
    with pytest.raises(NotFoundError):
        services.cases.archive(999_999)


def test_archiving_a_case_with_very_long_words(services: Services) -> None:
    """Archived words are cut one letter shorter (behind the mark): two words that differ only in their
    last letter are then one word, stored once."""
    name = f"{LONG[: TOKEN_LENGTH - 1]}a {LONG[: TOKEN_LENGTH - 1]}b"
    case = services.cases.create(a_case("MDT-2026-050", name))
    services.cases.archive(case.id or 0)
    assert refs(services, LONG[:40], archived=True) == ["MDT-2026-050"]
    assert refs(services, LONG[:40]) == []
    services.cases.unarchive(case.id or 0)
    assert refs(services, f"{LONG[: TOKEN_LENGTH - 1]}b") == ["MDT-2026-050"]


def test_an_import_of_an_archived_case_updates_it_and_keeps_it_archived(
    services: Services, three: list[Case]
) -> None:
    services.cases.archive(three[1].id or 0)
    again = a_case("MDT-2026-002", "Ana Smith", title="Neck pain, second opinion")
    (stored,) = services.cases.store_many([again])
    assert not stored.created
    assert refs(services, "second") == [] and refs(services, "second", archived=True) == ["MDT-2026-002"]


# ---------------------------------------------------------------------------- delete and undelete


def test_a_case_nobody_uses_is_deleted_and_comes_back_as_it_was(
    services: Services, db: Database, three: list[Case]
) -> None:
    before = table_snapshot(db)
    ana = three[0]
    deleted = services.cases.delete(ana.id or 0)
    assert deleted == ana
    with pytest.raises(NotFoundError):
        services.cases.get(ana.id or 0)
    assert refs(services, "ana") == ["MDT-2026-002"]
    back = services.cases.undelete(deleted)
    assert back == ana  # same id, reference, content, version, times
    assert refs(services, "ruiz") == ["MDT-2026-001"]
    assert rows_but_line_ids(table_snapshot(db)) == rows_but_line_ids(before)  # every row, as it was
    with pytest.raises(InvalidInputError, match="already there"):
        services.cases.undelete(deleted)


def test_an_archived_case_deleted_comes_back_archived(services: Services, three: list[Case]) -> None:
    archived = services.cases.archive(three[2].id or 0)
    deleted = services.cases.delete(archived.id or 0)
    assert refs(services, archived=True) == []
    back = services.cases.undelete(deleted)
    assert back.archived_at == archived.archived_at
    assert refs(services, "orsted") == [] and refs(services, "orsted", archived=True) == ["TEACH-2026-001"]


def test_a_deleted_case_whose_reference_was_taken_since_is_not_brought_back(
    services: Services, db: Database, three: list[Case]
) -> None:
    deleted = services.cases.delete(three[0].id or 0)
    services.cases.create(a_case("MDT-2026-001", "Someone Else"))
    before = table_snapshot(db)
    with pytest.raises(InvalidInputError, match="another case has been given the reference"):
        services.cases.undelete(deleted)
    assert table_snapshot(db) == before


def test_deleting_a_case_saved_since_is_a_conflict(services: Services, three: list[Case]) -> None:
    ana = three[0]
    ana.title = "Changed on another PC"
    services.cases.update(ana)
    with pytest.raises(ConflictError):
        services.cases.delete(ana.id or 0, seen_version=0)
    with pytest.raises(NotFoundError):
        services.cases.delete(999_999)
    assert services.cases.get(ana.id or 0).title == "Changed on another PC"


def test_a_case_on_an_agenda_cannot_be_deleted_and_the_message_says_why(
    services: Services, db: Database, three: list[Case]
) -> None:
    ana = three[0]
    for title, day in (("Pain MDT", 1), ("Spine MDT", 8)):
        conf = services.conferences.create(Conference(title=title, starts_at=datetime(2026, 12, day, 14)))
        services.conferences.add_agenda_item(conf.id or 0, ana.id or 0)
    before = table_snapshot(db)
    with pytest.raises(CaseInUseError) as info:
        services.cases.delete(ana.id or 0)
    message = str(info.value)
    assert message.startswith("Case MDT-2026-001 cannot be deleted: it is on the agenda of 2 conferences")
    assert "Pain MDT, 2026-12-01; Spine MDT, 2026-12-08" in message
    assert "Archive it instead" in message and message.endswith("Nothing was changed.")
    assert info.value.exit_status == 2
    assert table_snapshot(db) == before
    assert services.cases.usage(ana.id or 0).conferences[0][0] == "Pain MDT"
    # archiving is the way: it stays on its agendas
    services.cases.archive(ana.id or 0)
    conf = services.conferences.list()[0]
    assert [i.case_id for i in services.conferences.get(conf.id or 0).agenda] == [ana.id]


def test_a_case_with_a_care_plan_cannot_be_deleted(
    services: Services, db: Database, three: list[Case]
) -> None:
    case = three[1]
    services.careplans.create_draft(case.id or 0)
    before = table_snapshot(db)
    with pytest.raises(CaseInUseError, match="cannot be deleted: it has a care plan, and so it stays part"):
        services.cases.delete(case.id or 0)
    assert table_snapshot(db) == before
    assert services.cases.usage(case.id or 0).care_plans == 1
    with pytest.raises(NotFoundError):
        services.cases.usage(999_999)


# ---------------------------------------------------------------------------- the command line's quick read


def test_the_quick_read_lists_archived_cases_only_when_asked(tmp_path: Path) -> None:
    from mdtboard.storage.db import open_database, sqlite_url

    url = sqlite_url(tmp_path / "quick.sqlite3")
    database = open_database(url)
    try:
        services = Services.on(database)
        ana = services.cases.create(a_case("MDT-2026-001", "Ana Ruiz"))
        services.cases.create(a_case("MDT-2026-002", "Ana Smith"))
        services.cases.archive(ana.id or 0)
    finally:
        database.dispose()
    assert [r[0] for r in quick.search(url, "") or []] == ["MDT-2026-002"]
    assert [r[0] for r in quick.search(url, "ana") or []] == ["MDT-2026-002"]
    assert [r[0] for r in quick.search(url, "", archived=True) or []] == ["MDT-2026-001"]
    assert [r[0] for r in quick.search(url, "ruiz", archived=True) or []] == ["MDT-2026-001"]
    assert quick.search(url, "smith", archived=True) == []


def test_on_sqlite_the_pages_without_words_are_read_by_the_right_index(tmp_path: Path) -> None:
    """The library's first page walks the reference index (SQLite, planning without statistics, would
    otherwise find every case not archived by the archived_at index and sort them all); the archived
    cases are found by that index, not by walking every case."""
    import sqlite3

    from mdtboard.domain.search import parse_query
    from mdtboard.storage import case_search
    from mdtboard.storage.db import open_database, sqlite_url

    path = tmp_path / "plans.sqlite3"
    open_database(sqlite_url(path)).dispose()
    with sqlite3.connect(path) as conn:

        def plan(archived: bool, fictional: bool) -> str:
            shape = case_search.Shape(0, False, fictional, archived=archived)
            values = case_search.params(parse_query(""), True if fictional else None, archived=archived)
            rows = conn.execute(
                f"EXPLAIN QUERY PLAN {case_search.page_sql(shape)}", values | {"limit": 1, "offset": 0}
            )
            return " | ".join(row[-1] for row in rows)

        for fictional in (False, True):
            assert "TEMP B-TREE" not in plan(False, fictional)  # in reference order, as the index has them
            assert "ix_cases_archived_at" in plan(True, fictional)
