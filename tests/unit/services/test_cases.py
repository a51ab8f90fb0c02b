"""Cases through the services, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

import pytest
from conftest import table_snapshot

from mdtboard.domain.case import Case, Discipline, DisciplineInput, Medication, Patient, Scores
from mdtboard.domain.errors import ConflictError, InvalidInputError, NotFoundError
from mdtboard.interchange.bundle import cases_from_bundle
from mdtboard.services.context import Services


def new_case(ref: str = "C-1", name: str = "Nguyễn Thị Hoa", **kw: Any) -> Case:
    return Case(
        ref=ref, fictional=True, patient=Patient(display_name=name, age=52), title="Low back pain", **kw
    )


def test_create_read_round_trip(services: Services, sample_bundle: dict[str, Any]) -> None:
    for case in cases_from_bundle(sample_bundle):
        stored = services.cases.create(case)
        assert stored.id is not None and stored.version == 0
        again = services.cases.get(stored.id)
        assert replace(again, id=None, version=0, created_at=None, updated_at=None) == replace(
            case,
            discipline_inputs=[
                replace(i, id=None, created_at=None, updated_at=None) for i in case.discipline_inputs or []
            ],
        ) or _same_content(again, case)


def _same_content(a: Case, b: Case) -> bool:
    from mdtboard.interchange.bundle import case_to_json

    return case_to_json(a) == case_to_json(b)


def test_update_bumps_version_and_replaces_lists(services: Services) -> None:
    case = services.cases.create(new_case(medications=[Medication("oxycodone"), Medication("gabapentin")]))
    case.medications = [Medication("tramadol")]
    case.one_liner = "52-year-old with 3 years of axial low back pain."
    saved = services.cases.update(case)
    assert saved.version == 1
    assert [m.name for m in saved.medications or []] == ["tramadol"]
    assert saved.one_liner == case.one_liner


def test_second_save_from_stale_version_is_a_conflict_and_keeps_first_text(services: Services) -> None:
    created = services.cases.create(new_case())
    first = services.cases.get(created.id or 0)
    second = services.cases.get(created.id or 0)
    first.question_for_team = "Is a spinal cord stimulator trial appropriate?"
    services.cases.update(first)
    second.question_for_team = "Should we taper the opioids first?"
    with pytest.raises(ConflictError) as info:
        services.cases.update(second)
    assert info.value.mine.question_for_team == "Should we taper the opioids first?"
    assert info.value.theirs.question_for_team == "Is a spinal cord stimulator trial appropriate?"
    assert (
        services.cases.get(created.id or 0).question_for_team
        == "Is a spinal cord stimulator trial appropriate?"
    )


def test_conflict_even_when_the_second_session_re_read_in_between(services: Services) -> None:
    """The version that counts is the one the user saw, not whatever a refresh brought in."""
    created = services.cases.create(new_case())
    seen_by_b = services.cases.get(created.id or 0)  # B opens the form
    a = services.cases.get(created.id or 0)
    a.psychosocial = "Lives alone."
    services.cases.update(a)
    refreshed = services.cases.get(created.id or 0)  # B's program re-reads the record...
    assert refreshed.version == 1
    mine = replace(
        refreshed, psychosocial="Lives with daughter.", version=seen_by_b.version
    )  # ...but B saw v0
    with pytest.raises(ConflictError):
        services.cases.update(mine)
    assert services.cases.get(created.id or 0).psychosocial == "Lives alone."


def test_invalid_case_names_the_field_and_changes_nothing(services: Services) -> None:
    created = services.cases.create(new_case())
    before = table_snapshot(services.db)
    bad = copy.deepcopy(created)
    bad.scores = Scores(nrs=11)
    bad.patient.age = 131
    with pytest.raises(InvalidInputError) as info:
        services.cases.update(bad)
    wheres = {p.where for p in info.value.problems}
    assert {"scores.nrs", "patient.age"} <= wheres
    assert "11 is more than the maximum 10" in str(info.value)
    assert table_snapshot(services.db) == before


def test_duplicate_reference_is_refused(services: Services) -> None:
    services.cases.create(new_case("DUP-1"))
    with pytest.raises(InvalidInputError, match="already exists"):
        services.cases.create(new_case("DUP-1", name="Other"))


def test_delete_with_version_check(services: Services) -> None:
    created = services.cases.create(new_case())
    with pytest.raises(ConflictError):
        services.cases.delete(created.id or 0, seen_version=5)
    services.cases.delete(created.id or 0, seen_version=0)
    with pytest.raises(NotFoundError):
        services.cases.get(created.id or 0)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nguyen", {"A-1"}),
        ("NGUY", {"A-1"}),
        ("hoa", {"A-1"}),
        ("zoe", {"A-2"}),
        ("zoë ør", {"A-2"}),
        ("orsted", {"A-2"}),
        ("nunez", {"A-3"}),
        ("ÑÚÑEZ", {"A-3"}),
        ("jo nu", {"A-3"}),
        ("a-2", {"A-2"}),
        ("migraine", {"A-2"}),
        ("nguyen zoe", set()),
        ("xyz", set()),
        ("", {"A-1", "A-2", "A-3"}),
    ],
)
def test_search_is_case_and_accent_insensitive_prefix(
    services: Services, query: str, expected: set[str]
) -> None:
    services.cases.create(new_case("A-1", "Nguyễn Thị Hoa"))
    services.cases.create(replace(new_case("A-2", "Zoë Ørsted"), title="Chronic migraine"))
    services.cases.create(new_case("A-3", "José Ñúñez"))
    assert {s.ref for s in services.cases.search(query)} == expected
    assert services.cases.count(query) == len(expected)


def test_search_filters_fictional_and_pages(services: Services) -> None:
    for i in range(5):
        case = new_case(f"P-{i}", f"Patient {i}")
        case.fictional = i % 2 == 0
        services.cases.create(case)
    assert [s.ref for s in services.cases.search("patient", fictional=False)] == ["P-1", "P-3"]
    assert [s.ref for s in services.cases.search("", limit=2, offset=2)] == ["P-2", "P-3"]
    assert [s.ref for s in services.cases.search("", sort="name", descending=True, limit=1)] == ["P-4"]


def test_store_many_is_all_or_nothing(services: Services) -> None:
    services.cases.create(new_case("K-1"))
    before = table_snapshot(services.db)
    good = new_case("K-2")
    bad = new_case("K-3")
    bad.patient.display_name = ""
    with pytest.raises(InvalidInputError) as info:
        services.cases.store_many([good, bad])
    assert info.value.problems[0].where == "cases[1].patient.display_name"
    assert table_snapshot(services.db) == before


def test_store_many_updates_existing_reference_in_place(services: Services) -> None:
    services.cases.create(new_case("U-1", "First Name"))
    result = services.cases.store_many([new_case("U-1", "Second Name"), new_case("U-2")])
    assert [(r.ref, r.created) for r in result] == [("U-1", False), ("U-2", True)]
    assert services.cases.count() == 2
    assert services.cases.get_by_ref("U-1").patient.display_name == "Second Name"


def _case_writes(services: Services, action: Any) -> list[str]:
    """The INSERT, UPDATE and DELETE statements ``action()`` sends to the case tables (not counting the
    change feed and audit trail that every commit adds)."""
    from sqlalchemy import event

    writes: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        words = statement.split()
        verb = words[0].upper()
        table = words[2] if verb in ("INSERT", "DELETE") else words[1]
        if verb in ("INSERT", "UPDATE", "DELETE") and table not in ("change_log", "audit_log"):
            writes.append(f"{verb} {table}")

    event.listen(services.db.engine, "before_cursor_execute", seen)
    try:
        action()
    finally:
        event.remove(services.db.engine, "before_cursor_execute", seen)
    return writes


def test_an_import_over_existing_cases_writes_them_together_not_case_by_case(services: Services) -> None:
    def cases(n: int, name: str) -> list[Case]:
        return [
            new_case(f"IMP-{i:03d}", name, medications=[Medication("morphine", "10 mg", "oral", "daily")])
            for i in range(n)
        ]

    services.cases.store_many(cases(3, "First Name"))
    few = _case_writes(services, lambda: services.cases.store_many(cases(3, "Second Name")))
    services.cases.store_many(cases(40, "First Name"))
    many = _case_writes(services, lambda: services.cases.store_many(cases(40, "Third Name")))
    assert len(many) == len(few) and many.count("UPDATE cases") == 1, many  # one executemany for all 40
    for i in (0, 39):
        stored = services.cases.get_by_ref(f"IMP-{i:03d}")
        assert stored.patient.display_name == "Third Name"
        assert stored.version == (3 if i < 3 else 1)  # created, then updated once (or three times)
        assert [m.name for m in stored.medications or []] == ["morphine"]


def test_case_level_inputs_are_kept_in_order(services: Services) -> None:
    case = new_case(
        discipline_inputs=[
            DisciplineInput(Discipline.PSYCHOLOGY, assessment="Fear avoidance."),
            DisciplineInput(Discipline.PHYSICIAN, recommendations="Taper."),
        ]
    )
    stored = services.cases.create(case)
    assert [i.discipline for i in stored.discipline_inputs or []] == [
        Discipline.PSYCHOLOGY,
        Discipline.PHYSICIAN,
    ]
    assert all(i.created_at is not None for i in stored.discipline_inputs or [])


def test_suggested_references_are_free_and_readable(services: Services) -> None:
    from mdtboard.domain.case_refs import blank_case

    first = services.cases.suggest_reference(fictional=False, year=2026)
    assert first == "MDT-2026-001"
    case = blank_case(first, fictional=False)
    case.patient.display_name = "Ann Example"
    services.cases.create(case)
    assert services.cases.reference_taken("MDT-2026-001")
    assert not services.cases.reference_taken("mdt-2026-001")
    assert services.cases.suggest_reference(fictional=False, year=2026) == "MDT-2026-002"
    assert services.cases.suggest_reference(fictional=True, year=2026) == "TEACH-2026-001"
    other = blank_case("mdt-2026-009", fictional=False)  # another reference: case counts
    other.patient.display_name = "Bo Example"
    services.cases.create(other)
    assert services.cases.suggest_reference(fictional=False, year=2026) == "MDT-2026-002"


def test_which_cases_a_search_lists(services: Services) -> None:
    from mdtboard.domain.case_refs import blank_case

    ids = []
    for ref, name, fictional in (("A-1", "Zoë Quill", False), ("A-2", "Max Quill", True)):
        case = blank_case(ref, fictional=fictional)
        case.patient.display_name = name
        ids.append(services.cases.create(case).id or 0)
    assert services.cases.listed(ids, "zoe") == {ids[0]}
    assert services.cases.listed(ids, "quill", fictional=True) == {ids[1]}
    assert services.cases.listed(ids) == set(ids)
