"""What shared surfaces may show of a case: the notice instead of the sharing restrictions, restricted
passages replaced wherever their words occur, a whole field withheld when its passage was edited since it
was marked, and the case itself left unchanged."""

from __future__ import annotations

import copy

from mdtboard.domain.careplan import CarePlan
from mdtboard.domain.case import Case, Discipline, DisciplineInput, Patient, RestrictedPassage
from mdtboard.domain.privacy import (
    passage_notice,
    passage_problems,
    pointer_value,
    redact_text,
    shared_case,
    shared_inputs,
    shared_record,
    sharing_notice,
)

SECRET = "She was assaulted at work in 2019."
HELD = "[restricted: held by psychology]"


def case() -> Case:
    return Case(
        ref="P-1",
        fictional=True,
        patient=Patient("Ada Test", age=40),
        one_liner="40-year-old with neck pain.",
        psychosocial=f"Lives with her sister. {SECRET} Back at work part time.",
        pain_history=f"Neck pain since 2019. {SECRET}",
        sharing_restrictions="Not with her employer: the assault is known only to psychology.",
        sharing_restrictions_by="Dr Ana Ruiz",
        red_flags=["none", f"{SECRET}"],
        discipline_inputs=[
            DisciplineInput(Discipline.PHYSICIAN, "Dr Okafor", "Myofascial pain.", "Physio."),
            DisciplineInput(Discipline.PSYCHOLOGY, "Ana Ruiz", "Hypervigilant; sleeps badly.", "CBT."),
        ],
        restricted_passages=[
            RestrictedPassage("/psychosocial", SECRET, "psychology", "trauma-informed care is needed"),
            RestrictedPassage("/discipline_inputs/1/assessment", "sleeps badly", "Dr Ana Ruiz"),
        ],
    )


def test_the_notice_names_who_recorded_the_restrictions() -> None:
    c = case()
    assert sharing_notice(c) == "Sharing restrictions apply: ask Dr Ana Ruiz before discussing details"
    c.sharing_restrictions_by = "  "
    assert sharing_notice(c) == (
        "Sharing restrictions apply: ask the clinician who recorded them before discussing details"
    )
    c.sharing_restrictions = " \n "
    assert sharing_notice(c) is None
    assert sharing_notice(None) is None


def test_shared_case_withholds_restrictions_and_passages_everywhere() -> None:
    original = case()
    before = copy.deepcopy(original)
    shared = shared_case(original)
    assert original == before  # the case itself is never changed
    assert shared.sharing_restrictions == sharing_notice(original)
    assert shared.sharing_restrictions_by is None and shared.restricted_passages is None
    assert shared.psychosocial == f"Lives with her sister. {HELD} Back at work part time."
    assert shared.pain_history == f"Neck pain since 2019. {HELD}"  # the same words in another field
    assert shared.red_flags == ["none", HELD]
    assert shared.discipline_inputs is not None
    assert shared.discipline_inputs[1].assessment == "Hypervigilant; [restricted: held by Dr Ana Ruiz]."
    assert shared.discipline_inputs[1].discipline is Discipline.PSYCHOLOGY
    assert shared.one_liner == original.one_liner and shared.ref == "P-1"
    assert "assault" not in repr(shared)


def test_a_passage_edited_since_it_was_marked_withholds_its_whole_field() -> None:
    c = case()
    c.psychosocial = "Lives with her sister. She was assaulted at work in 2018. Back at work part time."
    shared = shared_case(c)
    assert shared.psychosocial == HELD
    assert "assaulted" not in repr(shared)


def test_conference_input_and_other_records_are_redacted_too() -> None:
    c = case()
    typed = [DisciplineInput(Discipline.NURSING, "Kim", f"Knows that {SECRET.lower()}", "sleeps badly: ask")]
    (shared,) = shared_inputs(c, typed)
    assert shared.assessment == f"Knows that {SECRET.lower()}"  # exact words only: a different case
    assert shared.recommendations == "[restricted: held by Dr Ana Ruiz]: ask"
    assert typed[0].recommendations == "sleeps badly: ask"
    plan = CarePlan(case_id=1)
    plan.formulation.psychological = f"Formulation. {SECRET}"
    redacted = shared_record(plan, c)
    assert redacted.formulation.psychological == f"Formulation. {HELD}"
    assert (plan.formulation.psychological or "").endswith(SECRET)
    assert shared_record(plan, Case("P-2", True, Patient("X"))) is plan  # nothing restricted: as it was


def test_a_prepared_input_edited_since_its_passage_was_marked_is_withheld_whole() -> None:
    c = case()
    assert c.discipline_inputs is not None
    c.discipline_inputs[1].assessment = "Hypervigilant; sleeps very badly."  # "sleeps badly" edited
    prepared = copy.deepcopy(c.discipline_inputs)
    given = DisciplineInput(Discipline.PSYCHOLOGY, "Ana Ruiz", "Hypervigilant; sleeps very badly.", "CBT.",
                            agenda_item_id=7)
    physician, psychology, in_meeting = shared_inputs(c, [*prepared, given])
    assert psychology.assessment == "[restricted: held by Dr Ana Ruiz]"  # as shared_case withholds it
    assert psychology.assessment == shared_case(c).discipline_inputs[1].assessment  # type: ignore[index]
    assert psychology.recommendations == "CBT." and physician.assessment == "Myofascial pain."
    assert in_meeting.assessment == "[restricted: held by Dr Ana Ruiz]"  # said again in the meeting
    assert prepared[1].assessment == "Hypervigilant; sleeps very badly."  # the inputs are unchanged


def test_redact_text_prefers_the_longest_passage() -> None:
    passages = [
        RestrictedPassage("/a", "abuse", "psychology"),
        RestrictedPassage("/a", "abuse at home", "sw"),
    ]
    assert redact_text("History of abuse at home and abuse.", passages) == (
        "History of [restricted: held by sw] and [restricted: held by psychology]."
    )
    assert redact_text(None, passages) is None and redact_text("x", None) == "x"
    unnamed = RestrictedPassage("/a", "x", " ")
    assert passage_notice(unnamed) == "[restricted: held by the clinician who marked it]"


def test_pointers_and_their_problems() -> None:
    c = case()
    assert pointer_value(c, "/psychosocial") == c.psychosocial
    assert pointer_value(c, "/discipline_inputs/1/assessment") == "Hypervigilant; sleeps badly."
    assert pointer_value(c, "/red_flags/1") == SECRET
    for bad in ("/nothing", "/discipline_inputs/9/assessment", "/patient", "psychosocial", "/red_flags/x"):
        assert pointer_value(c, bad) is None, bad
    assert passage_problems(c) == []
    c.restricted_passages = [
        RestrictedPassage("/psychosocial", "not in it", "psychology"),
        RestrictedPassage("/nowhere", "x", "psychology"),
        RestrictedPassage("/one_liner", "neck", " "),
    ]
    assert [str(p) for p in passage_problems(c, "cases[0].")] == [
        "cases[0].restricted_passages[0].text: the passage is not in /psychosocial word for word",
        "cases[0].restricted_passages[1].field: '/nowhere' names no text of this case",
        "cases[0].restricted_passages[2].held_by: must say who holds the passage",
    ]
