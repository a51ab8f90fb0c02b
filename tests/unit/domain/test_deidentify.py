"""Making a teaching case: structured identifiers removed, free text listed for a person to confirm."""

from __future__ import annotations

import copy
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdtboard.domain.case import (
    Case,
    Discipline,
    DisciplineInput,
    Medication,
    OtherScore,
    PainLocation,
    Patient,
    Scores,
)
from mdtboard.domain.deidentify import (
    FAMILY_NAMES,
    GIVEN_NAMES,
    OLDEST_AGE_TEXT,
    HintKind,
    confirm,
    finalise,
    find_identifiers,
    make_teaching_case,
    name_tokens,
    pseudonym,
    reduce_dates,
    revise_text,
    teaching_ref,
)
from mdtboard.domain.errors import InvalidInputError
from mdtboard.domain.validation import case_problems

TODAY = date(2026, 6, 1)


def real_case(age: int | None = 93) -> Case:
    return Case(
        ref="RC-2024-0117",
        fictional=False,
        id=17,
        version=4,
        created_at=datetime(2024, 3, 1, 9, 0),
        updated_at=datetime(2024, 3, 14, 9, 0),
        patient=Patient(display_name="Ingrid Ångström-Nowak", age=age, sex="female",
                        preferred_language="Swedish", interpreter_needed=True),
        title="Ångström: back pain review 14/03/2024",
        one_liner="93-year-old woman with 4 years of low back pain radiating to the left leg.",
        question_for_team="Is a spinal cord stimulator trial reasonable?",
        presenting_complaint="Back and left leg pain; daughter phones 0412 345 678 most days.",
        pain_history="Began after a fall on 2 February 2021. MRN 00123456 at the county hospital.",
        psychosocial="Lives alone; Mrs Ångström writes to ingrid.a@example.org.",
        recommendation="Trial SCS after psychology review.",
        pain_locations=[PainLocation(region="lumbar", side="left", character="burning since 03/2021")],
        medications=[Medication(name="oxycodone", dose="5 mg", frequency="twice daily, started 2023-11-05")],
        prior_treatments=[
            "Epidural steroid injection 12/03/2024: two weeks' relief", "Physiotherapy March 2022"],
        imaging=["MRI lumbar spine 2024-01-09: L4/5 disc protrusion", "X-ray 5 Jan 2020 normal"],
        comorbidities=["Type 2 diabetes"],
        function_goals=["Walk to the shop (400 m) by 1 September 2024"],
        red_flags=["No weight loss", "No bladder change"],
        scores=Scores(nrs=7, other=[OtherScore(instrument="ODI", value=48, note="done 14.03.2024")]),
        discipline_inputs=[
            DisciplineInput(discipline=Discipline.PHYSICIAN, author="Dr Tomasz Weller", id=5,
                            agenda_item_id=3, version=2, assessment="Neuropathic leg pain.",
                            recommendations="SCS trial."),
            DisciplineInput(discipline=Discipline.PSYCHOLOGY, author="Aiko Tanaka",
                            assessment="Low mood; Dr Weller agrees.", recommendations=None),
        ],
    )


def test_structured_identifiers_are_removed_and_the_original_is_unchanged() -> None:
    original = real_case()
    before = copy.deepcopy(original)
    draft = make_teaching_case(original, seed=7, today=TODAY)
    assert original == before
    case = draft.case
    assert case is not original and case.patient is not original.patient
    # name -> invented pseudonym from the shipped list
    given, family = case.patient.display_name.split(" ")
    assert given in GIVEN_NAMES and family in FAMILY_NAMES
    # age 93 -> kept out of the age field, shown as "90 or older"
    assert case.patient.age is None
    assert draft.age_text == OLDEST_AGE_TEXT == "90 or older"
    # dates in structured fields -> years
    assert case.title == "Ångström: back pain review 2024"
    assert case.prior_treatments == [
        "Epidural steroid injection 2024: two weeks' relief", "Physiotherapy 2022"]
    assert case.imaging == ["MRI lumbar spine 2024: L4/5 disc protrusion", "X-ray 2020 normal"]
    assert case.function_goals == ["Walk to the shop (400 m) by 2024"]
    assert case.medications is not None and case.medications[0].frequency == "twice daily, started 2023"
    assert case.pain_locations is not None and case.pain_locations[0].character == "burning since 2021"
    assert case.scores is not None and case.scores.other is not None
    assert case.scores.other[0].note == "done 2024"
    # the reference, keys and clinicians' names
    assert case.ref == teaching_ref(7) and case.ref != original.ref
    assert (case.id, case.version, case.created_at, case.updated_at) == (None, 0, None, None)
    assert case.discipline_inputs is not None
    assert all(entry.author is None and entry.id is None and entry.agenda_item_id is None
               and entry.version == 0 for entry in case.discipline_inputs)
    # free text is left as written, for the reviewer
    assert case.pain_history == original.pain_history
    assert case.one_liner == original.one_liner
    # still not fictional, and still a valid case
    assert case.fictional is False
    assert case_problems(case) == []
    changed = {change.where for change in draft.changes}
    assert {"patient.display_name", "patient.age", "imaging[0]", "imaging[1]", "prior_treatments[0]",
            "discipline_inputs[0].author"} <= changed
    assert all("93" not in change.what for change in draft.changes)


@pytest.mark.parametrize(("age", "shown"), [(89, "89"), (90, OLDEST_AGE_TEXT), (112, OLDEST_AGE_TEXT),
                                            (None, None), (40, "40")])
def test_ages_over_89_are_shown_only_as_90_or_older(age: int | None, shown: str | None) -> None:
    draft = make_teaching_case(real_case(age), seed=1, today=TODAY)
    assert draft.age_text == shown
    assert draft.case.patient.age == (age if age is not None and age <= 89 else None)


def test_the_pseudonym_depends_on_the_seed_only_and_is_never_the_real_name() -> None:
    assert pseudonym(42) == pseudonym(42) == pseudonym("42")
    assert len({pseudonym(seed) for seed in range(50)}) > 40
    taken = pseudonym(3)
    assert pseudonym(3, avoid=taken.upper()) != taken
    a = make_teaching_case(real_case(), seed="x", today=TODAY)
    other = real_case()
    other.patient.display_name = "Someone Else Entirely"
    b = make_teaching_case(other, seed="x", today=TODAY)
    assert a.case.patient.display_name == b.case.patient.display_name
    assert make_teaching_case(real_case(), seed=1, ref="teach-lbp-1", today=TODAY).case.ref == "teach-lbp-1"


def test_every_free_text_field_is_on_the_checklist() -> None:
    draft = make_teaching_case(real_case(), seed=7, today=TODAY)
    fields = draft.checklist.fields
    for name in ("title", "one_liner", "question_for_team", "presenting_complaint", "pain_history",
                 "psychosocial", "recommendation", "pain_locations", "medications", "prior_treatments",
                 "imaging", "comorbidities", "function_goals", "red_flags", "scores.other",
                 "discipline_inputs[0].assessment", "discipline_inputs[0].recommendations",
                 "discipline_inputs[1].assessment"):
        assert name in fields, name
    # an absent text is not asked about
    assert "sharing_restrictions" not in fields
    assert "discipline_inputs[1].recommendations" not in fields
    assert draft.checklist.item("imaging").wheres == ("imaging[0]", "imaging[1]")
    assert draft.checklist.item("discipline_inputs[1].assessment").label == "Psychology input: assessment"
    assert not any(item.confirmed for item in draft.checklist.items)


def test_identifiers_in_free_text_are_hinted_with_their_positions() -> None:
    draft = make_teaching_case(real_case(), seed=7, today=TODAY)
    case = draft.case
    hints = {(h.where, h.kind, h.text) for item in draft.checklist.items for h in item.hints}
    assert ("one_liner", HintKind.AGE_OVER_89, "93-year-old") in hints
    assert ("presenting_complaint", HintKind.PHONE, "0412 345 678") in hints
    assert ("pain_history", HintKind.DATE, "2 February 2021") in hints
    assert ("pain_history", HintKind.RECORD_NUMBER, "00123456") in hints
    assert ("psychosocial", HintKind.EMAIL, "ingrid.a@example.org") in hints
    assert ("psychosocial", HintKind.NAME, "Ångström") in hints
    assert ("title", HintKind.NAME, "Ångström") in hints
    assert ("discipline_inputs[1].assessment", HintKind.NAME, "Weller") in hints
    for item in draft.checklist.items:
        for hint in item.hints:
            if hint.where in ("one_liner", "pain_history", "psychosocial", "presenting_complaint"):
                assert getattr(case, hint.where)[hint.start:hint.end] == hint.text


@pytest.mark.parametrize(("text", "kind", "found"), [
    ("call +1 (555) 123-4567 today", HintKind.PHONE, "+1 (555) 123-4567"),
    ("see https://portal.example.org/p/1.", HintKind.URL, "https://portal.example.org/p/1"),
    ("from 10.20.30.40 at night", HintKind.IP_ADDRESS, "10.20.30.40"),
    ("SSN 123-45-6789 on file", HintKind.SSN, "123-45-6789"),
    ("hospital no: AB-77812", HintKind.RECORD_NUMBER, "AB-77812"),
    ("seen 2024-03-12 in clinic", HintKind.DATE, "2024-03-12"),
    ("seen on 12 March", HintKind.DATE, "12 March"),
    ("she is aged 91", HintKind.AGE_OVER_89, "aged 91"),
])
def test_each_kind_of_identifier_is_hinted(text: str, kind: HintKind, found: str) -> None:
    assert [(h.kind, h.text) for h in find_identifiers("x", text)] == [(kind, found)]


def test_ordinary_clinical_text_gives_no_hints() -> None:
    text = "Pain 7/10, PEG 6.3, BP 120/80, L4/5 disc, 85-year-old, 30 mg MME, PT in 2019-20, aged 45."
    assert find_identifiers("x", text, name_tokens("Dr Li")) == ()


def test_dates_are_reduced_to_the_year_in_many_spellings() -> None:
    for text, expected in [
        ("12/03/2024", "2024"), ("2024-03-12", "2024"), ("12 March 2024", "2024"),
        ("12th of March 2024", "2024"),
        ("March 12, 2024", "2024"), ("Mar 2024", "2024"), ("03/2024", "2024"), ("12.03.2024", "2024"),
        ("2024-03-12T10:30", "2024"), ("12/03/19", "2019"), ("12/03/30", "1930"),
    ]:
        assert reduce_dates(text, TODAY) == (expected, 1), text
    assert reduce_dates("pain 7/10 on 40/13/2024 and 12 March", TODAY) == (
        "pain 7/10 on 40/13/2024 and 12 March", 0)


def test_finalise_refuses_until_every_field_is_confirmed() -> None:
    original = real_case()
    draft = make_teaching_case(original, seed=7, today=TODAY)
    checklist = draft.checklist
    with pytest.raises(InvalidInputError) as raised:
        finalise(draft, checklist)
    assert [p.where for p in raised.value.problems] == list(checklist.fields)
    *most, last = checklist.fields
    for field in most:
        checklist = confirm(checklist, field)
    assert checklist.unconfirmed == (last,)
    with pytest.raises(InvalidInputError) as raised:
        finalise(draft, checklist)
    assert [p.where for p in raised.value.problems] == [last]
    assert "Nothing was changed" in str(raised.value)
    assert draft.case.fictional is False
    checklist = confirm(checklist, last)
    assert checklist.complete
    teaching = finalise(draft, checklist)
    assert teaching.fictional is True
    assert teaching is not draft.case and draft.case.fictional is False
    assert original.fictional is False and original.ref == "RC-2024-0117"


def test_confirm_can_be_undone_and_refuses_unknown_fields() -> None:
    draft = make_teaching_case(real_case(), seed=7, today=TODAY)
    checklist = confirm(draft.checklist, "one_liner")
    assert checklist.item("one_liner").confirmed
    assert draft.checklist.item("one_liner").confirmed is False  # the earlier checklist is untouched
    assert not confirm(checklist, "one_liner", confirmed=False).item("one_liner").confirmed
    with pytest.raises(InvalidInputError):
        confirm(checklist, "patient.display_name")


def test_finalise_refuses_another_drafts_checklist() -> None:
    draft = make_teaching_case(real_case(), seed=7, today=TODAY)
    other = make_teaching_case(real_case(), seed=8, today=TODAY)
    checklist = other.checklist
    for field in checklist.fields:
        checklist = confirm(checklist, field)
    with pytest.raises(InvalidInputError) as raised:
        finalise(draft, checklist)
    assert raised.value.problems[0].where == "checklist"


def test_a_revised_text_gets_fresh_hints_and_must_be_confirmed_again() -> None:
    draft = make_teaching_case(real_case(), seed=7, today=TODAY)
    checklist = confirm(confirm(draft.checklist, "psychosocial"), "imaging")
    revised, checklist = revise_text(draft, checklist, "psychosocial", "Lives alone; writes letters.", TODAY)
    assert revised.case.psychosocial == "Lives alone; writes letters."
    assert draft.case.psychosocial != revised.case.psychosocial
    assert checklist.item("psychosocial").hints == ()
    assert checklist.item("psychosocial").confirmed is False
    assert checklist.item("imaging").confirmed is True
    revised, checklist = revise_text(revised, checklist, "imaging[1]", "X-ray normal", TODAY)
    assert revised.case.imaging == ["MRI lumbar spine 2024: L4/5 disc protrusion", "X-ray normal"]
    assert checklist.item("imaging").confirmed is False
    with pytest.raises(InvalidInputError):
        revise_text(revised, checklist, "imaging[1]", "  ", TODAY)
    with pytest.raises(InvalidInputError):
        revise_text(revised, checklist, "patient.age", "90", TODAY)
    for field in checklist.fields:
        checklist = confirm(checklist, field)
    assert finalise(revised, checklist).psychosocial == "Lives alone; writes letters."


_SPELLINGS = ("{d:%d/%m/%Y}", "{d:%m/%d/%Y}", "{d:%Y-%m-%d}", "{d.day} {d:%B %Y}", "{d:%B} {d.day}, {d:%Y}",
              "{d.day} {d:%b %Y}", "{d:%B %Y}", "{d:%m/%Y}", "{d:%d.%m.%Y}", "{d:%Y-%m-%d}T08:15")


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)), st.sampled_from(_SPELLINGS))
def test_any_date_in_any_usual_spelling_becomes_its_year(day: date, spelling: str) -> None:
    written = spelling.format(d=day)
    assert reduce_dates(f"MRI on {written}: normal", TODAY) == (f"MRI on {day.year}: normal", 1)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200))
def test_hints_always_point_at_their_text(text: str) -> None:
    for hint in find_identifiers("x", text, ("Ng", "Ångström"), TODAY):
        assert 0 <= hint.start < hint.end <= len(text)
        assert text[hint.start:hint.end] == hint.text
