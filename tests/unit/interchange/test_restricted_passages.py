"""Restricted passages in case bundles (``restricted_passages``): stored, imported and exported exactly as
the schema specifies, bundles without the list exactly as before, misplaced passages refused with their
JSON path and nothing changed, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import SAMPLE_CASES, table_snapshot

from mdtboard.domain.case import RestrictedPassage
from mdtboard.domain.errors import InvalidInputError
from mdtboard.interchange.bundle import bundle_json, dumps, import_bytes, schema
from mdtboard.services.context import Services

SHARED_SCHEMA = SAMPLE_CASES.parents[2] / ".." / "shared" / "spec" / "case-bundle.schema.json"


def with_passages() -> dict[str, Any]:
    return {
        "format": "mdtboard.case-bundle",
        "version": 1,
        "cases": [
            {
                "id": "RP-1",
                "fictional": True,
                "patient": {"display_name": "Zoë Ørsted"},
                "psychosocial": "Lives alone. Told psychology about a court case. Walks daily.",
                "sharing_restrictions": "Ask psychology before discussing her family.",
                "restricted_passages": [
                    {
                        "field": "/psychosocial",
                        "text": "Told psychology about a court case.",
                        "held_by": "psychology",
                        "note": "a trauma-informed approach is needed",
                    },
                    {
                        "field": "/discipline_inputs/0/assessment",
                        "text": "sleeps badly",
                        "held_by": "Dr Ruiz",
                    },
                ],
                "red_flags": ["none"],
                "discipline_inputs": [
                    {
                        "discipline": "psychology",
                        "author": "Ana Ruiz",
                        "assessment": "Low mood; sleeps badly.",
                    }
                ],
            },
            {"id": "RP-2", "fictional": True, "patient": {"display_name": "B"}, "restricted_passages": []},
        ],
    }


def test_the_package_ships_the_shared_schema() -> None:
    if SHARED_SCHEMA.exists():  # the shared specification, when it is beside the source tree
        assert json.loads(SHARED_SCHEMA.read_text("utf-8")) == schema()
    passages = schema()["$defs"]["case"]["properties"]["restricted_passages"]
    assert passages["items"]["required"] == ["field", "text", "held_by"]


def test_passages_round_trip_byte_for_byte(services: Services) -> None:
    raw = dumps(with_passages())
    import_bytes(services.cases, raw, source="passages.json")
    case = services.cases.get_by_ref("RP-1")
    assert case.restricted_passages == [
        RestrictedPassage(
            "/psychosocial", "Told psychology about a court case.", "psychology",
            "a trauma-informed approach is needed",
        ),
        RestrictedPassage("/discipline_inputs/0/assessment", "sleeps badly", "Dr Ruiz"),
    ]
    assert services.cases.get_by_ref("RP-2").restricted_passages == []  # empty stays empty, not absent
    assert dumps(bundle_json(services.cases.get_many(None))) == raw
    # Re-importing without the list removes the passages, as any other list field.
    again = with_passages()
    del again["cases"][0]["restricted_passages"]
    import_bytes(services.cases, dumps(again), source="again.json")
    assert services.cases.get_by_ref("RP-1").restricted_passages is None
    assert dumps(bundle_json(services.cases.get_many(None))) == dumps(again)


def test_bundles_without_the_list_are_exactly_as_before(services: Services) -> None:
    sample = json.loads(SAMPLE_CASES.read_bytes())
    raw = dumps(sample)
    import_bytes(services.cases, raw, source="samples")
    assert all(c.restricted_passages is None for c in services.cases.get_many(None))
    out = dumps(bundle_json(services.cases.get_many(None), title=sample["title"]))
    assert json.loads(out) == sample and b"restricted_passages" not in out


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda p: p.update(text="not in the history"),
            "cases[0].restricted_passages[0].text: the passage is not in /psychosocial word for word",
        ),
        (
            lambda p: p.update(field="/discipline_inputs/3/assessment"),
            "cases[0].restricted_passages[0].field: '/discipline_inputs/3/assessment' names no text",
        ),
        (lambda p: p.update(field="psychosocial"), "cases[0].restricted_passages[0].field"),
        (lambda p: p.pop("held_by"), "cases[0].restricted_passages[0]: missing required 'held_by'"),
        (lambda p: p.update(held_by="  "), "cases[0].restricted_passages[0].held_by: must say who holds"),
        (lambda p: p.update(colour="red"), "cases[0].restricted_passages[0]"),
    ],
)
def test_a_misplaced_passage_is_refused_with_its_path_and_nothing_changes(
    services: Services, change: Any, expected: str
) -> None:
    import_bytes(services.cases, dumps(with_passages()), source="good.json")
    before = table_snapshot(services.db)
    bad = with_passages()
    change(bad["cases"][0]["restricted_passages"][0])
    with pytest.raises(InvalidInputError) as info:
        import_bytes(services.cases, dumps(bad), source="bad.json")
    message = str(info.value)
    assert expected in message and "Nothing was changed." in message
    assert "court case" not in message  # a passage is never quoted in an error
    assert table_snapshot(services.db) == before


def test_passages_of_conference_input_stay_out_of_bundles_and_survive_a_reimport(services: Services) -> None:
    """A passage marked in a discipline's input during a conference is kept with the case (so every shared
    surface withholds it) but a bundle, which carries no conference input, leaves it out; importing the
    case again from a bundle keeps it."""
    from datetime import datetime

    from mdtboard.domain.case import Discipline, DisciplineInput
    from mdtboard.domain.conference import Conference
    from mdtboard.domain.privacy import input_pointer

    raw = dumps(with_passages())
    import_bytes(services.cases, raw, source="passages.json")
    case = services.cases.get_by_ref("RP-1")
    assert case.id is not None
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=datetime(2026, 3, 4, 16, 0)))
    assert conf.id is not None
    item = services.conferences.add_agenda_item(conf.id, case.id)
    assert item.id is not None
    services.conferences.add_input(
        item.id, DisciplineInput(Discipline.PSYCHOLOGY, "Ana Ruiz", "Flashbacks of the assault.", None)
    )
    marked = RestrictedPassage(
        input_pointer(item.id, "psychology", "assessment"), "Flashbacks of the assault.", "psychology"
    )
    # Someone saves the case in between (the case editor, another PC): the mark is added to theirs.
    seen = services.cases.get(case.id)
    seen.one_liner = "Edited meanwhile."
    services.cases.update(seen)
    stored = services.cases.restrict_passage(case.id, marked)
    assert stored.one_liner == "Edited meanwhile." and stored.restricted_passages is not None
    assert stored.restricted_passages[-1] == marked and len(stored.restricted_passages) == 3
    assert services.cases.restrict_passage(case.id, marked).version == stored.version  # marked once only

    exported = bundle_json(services.cases.get_many(None))
    assert "assault" not in dumps(exported).decode("utf-8")
    exported["cases"][0].pop("one_liner")
    assert dumps(exported) == raw  # exactly the case's own passages, valid against the schema
    import_bytes(services.cases, raw, source="again.json")
    again = services.cases.get(case.id)
    assert again.restricted_passages is not None and again.restricted_passages[-1] == marked

    assert services.cases.unrestrict_passage(case.id, marked).restricted_passages == (
        again.restricted_passages[:-1]
    )
