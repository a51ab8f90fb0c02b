"""Restricted passages marked in a discipline's input during a conference: kept with the case's passages
under an input pointer, withheld wherever their words occur, a field withheld whole when its passage was
edited, and left out of case bundles (which carry no conference input)."""

from __future__ import annotations

import pytest

from mdtboard.domain.case import Case, Discipline, DisciplineInput, Patient, RestrictedPassage
from mdtboard.domain.privacy import (
    case_passages,
    input_passages,
    input_pointer,
    is_input_pointer,
    passage_problems,
    shared_case,
    shared_input_text,
    shared_inputs,
)

SECRET = "Her partner keeps a shotgun in the house."
HELD = "[restricted: held by psychology]"


def case(item: int = 7) -> Case:
    return Case(
        ref="P-2",
        fictional=True,
        patient=Patient("Bea Test", age=51),
        psychosocial="Lives with her partner.",
        restricted_passages=[
            RestrictedPassage(input_pointer(item, "psychology", "assessment"), SECRET, "psychology")
        ],
    )


def test_the_input_pointer_names_item_discipline_and_field() -> None:
    pointer = input_pointer(7, "psychology", "assessment")
    assert pointer == "/agenda_items/7/psychology/assessment"
    assert is_input_pointer(pointer)
    assert not is_input_pointer("/psychosocial") and not is_input_pointer("/discipline_inputs/0/assessment")
    with pytest.raises(ValueError):
        input_pointer(7, "psychology", "author")


def test_the_passage_is_withheld_in_the_input_and_wherever_its_words_occur() -> None:
    c = case()
    typed = DisciplineInput(Discipline.PSYCHOLOGY, "Ana Ruiz", f"Low mood. {SECRET} Engaged.", "Safety plan.",
                            agenda_item_id=7)
    other = DisciplineInput(Discipline.PHYSICIAN, "Dr Okafor", f"Noted: {SECRET}", None, agenda_item_id=7)
    shared = shared_inputs(c, [typed, other])
    assert shared[0].assessment == f"Low mood. {HELD} Engaged."
    assert shared[1].assessment == f"Noted: {HELD}"  # copied into another discipline's words
    assert typed.assessment == f"Low mood. {SECRET} Engaged."  # the input itself is left whole
    c.title = f"Pain; {SECRET}"
    assert SECRET not in (shared_case(c).title or "")  # and in any text of the case


def test_a_passage_edited_since_it_was_marked_withholds_its_whole_field() -> None:
    c = case()
    edited = "Low mood. Her partner keeps a gun in the house. Engaged."
    assert shared_input_text(edited, c.restricted_passages, 7, "psychology", "assessment") == HELD
    # Another field, another item or another discipline is not affected by that mark.
    assert shared_input_text(edited, c.restricted_passages, 7, "psychology", "recommendations") == edited
    assert shared_input_text(edited, c.restricted_passages, 8, "psychology", "assessment") == edited
    assert shared_input_text(edited, c.restricted_passages, 7, "physician", "assessment") == edited
    assert shared_input_text("", c.restricted_passages, 7, "psychology", "assessment") == ""


def test_bundles_carry_only_the_case_s_own_passages() -> None:
    own = RestrictedPassage("/psychosocial", "partner", "psychology")
    marked = case().restricted_passages or []
    assert case_passages([own, *marked]) == [own]
    assert input_passages([own, *marked], 7, "psychology", "assessment") == marked
    assert input_passages([own, *marked], None, "psychology", "assessment") == []
    # A bundle naming an input pointer is refused: it names no text of the case.
    problems = passage_problems(case())
    assert problems and "names no text of this case" in problems[0].message
