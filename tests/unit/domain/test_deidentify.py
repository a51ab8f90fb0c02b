"""Making a teaching case: identifiers replaced everywhere, the rest asked about, every field read."""

from __future__ import annotations

import copy
from datetime import date, datetime

import pytest
from hypothesis import given, settings
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
    OLDEST_AGE_TEXT,
    HintKind,
    confirm,
    finalise,
    find_identifiers,
    keep_hint,
    kept_summary,
    make_teaching_case,
    name_tokens,
    proposal,
    reduce_dates,
    replace_hint,
    revise_text,
    teaching_ref,
)
from mdtboard.domain.errors import InvalidInputError
from mdtboard.domain.pseudonyms import _book
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
        psychosocial="Lives alone near Kiruna; Mrs Ångström writes to ingrid.a@example.org.",
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


def test_identifiers_are_replaced_everywhere_and_the_original_is_unchanged() -> None:
    original = real_case()
    before = copy.deepcopy(original)
    draft = make_teaching_case(original, seed=7, today=TODAY)
    assert original == before
    case = draft.case
    assert case is not original and case.patient is not original.patient
    # name -> a pseudonym that fits: a woman's name from the Swedish (Nordic) list, never the real one
    given, family = case.patient.display_name.split(" ")
    nordic = _book()["groups"]["nordic"]
    assert given in nordic["female"] and family in nordic["family"]
    assert "Ingrid" not in case.patient.display_name
    # age 93 -> kept out of the age field, shown as "90 or older"
    assert case.patient.age is None
    assert draft.age_text == OLDEST_AGE_TEXT == "90 or older"
    # the same person has the same pseudonym in the title and in free text; dates become years
    assert case.title == f"{family}: back pain review 2024"
    assert case.psychosocial == f"Lives alone near Kiruna; Mrs {family} writes to [e-mail address]."
    assert case.one_liner == "90+-year-old woman with 4 years of low back pain radiating to the left leg."
    assert case.presenting_complaint == "Back and left leg pain; daughter phones [phone number] most days."
    assert case.pain_history == "Began after a fall in 2021. MRN [record number] at the county hospital."
    assert case.prior_treatments == [
        "Epidural steroid injection 2024: two weeks' relief", "Physiotherapy 2022"]
    assert case.imaging == ["MRI lumbar spine 2024: L4/5 disc protrusion", "X-ray 2020 normal"]
    assert case.function_goals == ["Walk to the shop (400 m) by 2024"]
    assert case.medications is not None and case.medications[0].frequency == "twice daily, started 2023"
    assert case.pain_locations is not None and case.pain_locations[0].character == "burning since 2021"
    assert case.scores is not None and case.scores.other is not None
    assert case.scores.other[0].note == "done 2024"
    # a clinician named in another's input gets the same pseudonym wherever he is named
    assert case.discipline_inputs is not None
    weller = draft.aliases["weller"]
    assert case.discipline_inputs[1].assessment == f"Low mood; Dr {weller} agrees."
    # the reference, keys and clinicians' names
    assert case.ref == teaching_ref(7) and case.ref != original.ref
    assert (case.id, case.version, case.created_at, case.updated_at) == (None, 0, None, None)
    assert all(entry.author is None and entry.id is None and entry.agenda_item_id is None
               and entry.version == 0 for entry in case.discipline_inputs)
    # the town is not sure: it stays, as an open hint with a proposal
    assert [(h.where, h.kind, h.text) for h in draft.checklist.open_hints] == [
        ("psychosocial", HintKind.PLACE, "Kiruna")]
    assert proposal(draft, draft.checklist.open_hints[0]) == "[town]"
    # every replacement is listed, with what it replaced (for the reviewer only)
    replaced = {(r.where, r.kind, r.original) for r in draft.replacements}
    assert {("one_liner", HintKind.AGE_OVER_89, "93-year-old"),
            ("presenting_complaint", HintKind.PHONE, "0412 345 678"),
            ("pain_history", HintKind.DATE, "2 February 2021"),
            ("pain_history", HintKind.RECORD_NUMBER, "00123456"),
            ("psychosocial", HintKind.EMAIL, "ingrid.a@example.org"),
            ("psychosocial", HintKind.NAME, "Ångström"),
            ("title", HintKind.NAME, "Ångström"),
            ("discipline_inputs[1].assessment", HintKind.NAME, "Weller")} <= replaced
    # still not fictional, and still a valid case
    assert case.fictional is False
    assert case_problems(case) == []
    changed = {change.where for change in draft.changes}
    assert {"patient.display_name", "patient.age", "discipline_inputs[0].author"} <= changed
    assert all("93" not in change.what for change in draft.changes)


def test_relatives_and_clinicians_named_only_in_free_text_get_consistent_pseudonyms() -> None:
    case = real_case(age=70)
    case.patient.pronouns = "he/him"
    case.patient.preferred_language = "Polish"
    case.psychosocial = ("His daughter Agata visits; neighbour, Tom Reilly, shops for him. "
                         "Agata's husband works nights. GP Dr Osei at Riverside Medical Centre, "
                         "12 Elm Grove, Ballincollig P31 X2Y4.")
    case.pain_history = "Agata phones Dr Osei weekly; Mr Reilly drives him to St Brigid's Church."
    draft = make_teaching_case(case, seed="s", today=TODAY)
    text = f"{draft.case.psychosocial} {draft.case.pain_history}"
    for real in ("Agata", "Tom", "Reilly", "Osei", "Riverside", "Elm Grove", "Ballincollig", "P31", "Brigid"):
        assert real not in text, real
    polish = _book()["groups"]["polish"]
    daughter = draft.aliases["agata"]
    assert daughter in polish["female"]  # the patient's culture, and a daughter is a woman
    assert text.count(daughter) == 3 and text.count(draft.aliases["osei"]) == 2
    assert text.count(draft.aliases["reilly"]) == 2
    assert "a local clinic" in text and "a local church" in text and "[street address]" in text
    assert draft.case.patient.display_name.split()[0] in polish["male"]
    # the same seed gives the same names; another seed may not
    again = make_teaching_case(case, seed="s", today=TODAY)
    assert again.case == draft.case


@pytest.mark.parametrize(("age", "shown"), [(89, "89"), (90, OLDEST_AGE_TEXT), (112, OLDEST_AGE_TEXT),
                                            (None, None), (40, "40")])
def test_ages_over_89_are_shown_only_as_90_or_older(age: int | None, shown: str | None) -> None:
    draft = make_teaching_case(real_case(age), seed=1, today=TODAY)
    assert draft.age_text == shown
    assert draft.case.patient.age == (age if age is not None and age <= 89 else None)


def test_the_pseudonym_depends_on_the_seed_and_is_never_a_real_name() -> None:
    a = make_teaching_case(real_case(), seed="x", today=TODAY)
    assert make_teaching_case(real_case(), seed="x", today=TODAY).case.patient.display_name == \
        a.case.patient.display_name
    names = {make_teaching_case(real_case(), seed=seed, today=TODAY).case.patient.display_name
             for seed in range(30)}
    assert len(names) > 10
    # a pseudonym is never any real name part of the case
    nordic = _book()["groups"]["nordic"]
    for first in nordic["female"]:
        other = real_case()
        other.patient.display_name = f"{first} Lindqvist"
        draft = make_teaching_case(other, seed=3, today=TODAY)
        assert first not in draft.case.patient.display_name
        assert "Lindqvist" not in draft.case.patient.display_name
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


@pytest.mark.parametrize(("text", "kind", "found"), [
    ("call +1 (555) 123-4567 today", HintKind.PHONE, "+1 (555) 123-4567"),
    ("see https://portal.example.org/p/1.", HintKind.URL, "https://portal.example.org/p/1"),
    ("from 10.20.30.40 at night", HintKind.IP_ADDRESS, "10.20.30.40"),
    ("SSN 123-45-6789 on file", HintKind.SSN, "123-45-6789"),
    ("hospital no: AB-77812", HintKind.RECORD_NUMBER, "AB-77812"),
    ("seen 2024-03-12 in clinic", HintKind.DATE, "2024-03-12"),
    ("seen on 12 March", HintKind.DATE, "12 March"),
    ("she is aged 91", HintKind.AGE_OVER_89, "aged 91"),
    ("lives at 14 Elm Grove with", HintKind.ADDRESS, "14 Elm Grove"),
    ("in Liverpool L8 2TP", HintKind.POSTCODE, "L8 2TP"),
    ("Eircode D6W Y002", HintKind.POSTCODE, "D6W Y002"),
    ("Springfield, IL 62704", HintKind.PLACE, "Springfield"),
    ("admitted to Cork University Hospital", HintKind.INSTITUTION, "Cork University Hospital"),
    ("goes to St Brigid's Church", HintKind.INSTITUTION, "St Brigid's Church"),
    ("her daughter Aoife visits", HintKind.NAME, "Aoife"),
    ("seen by Dr Okafor", HintKind.NAME, "Okafor"),
    ("NHS number 943 476 5919", HintKind.RECORD_NUMBER, "943 476 5919"),
    ("mobile +353 87 654 3210", HintKind.PHONE, "+353 87 654 3210"),
    ("fell on Christmas Day 2023", HintKind.DATE, "Christmas Day 2023"),
    ("his 97th birthday", HintKind.AGE_OVER_89, "97th birthday"),
])
def test_each_kind_of_identifier_is_hinted(text: str, kind: HintKind, found: str) -> None:
    assert (kind, found) in [(h.kind, h.text) for h in find_identifiers("x", text)]


def test_ordinary_clinical_text_gives_no_hints() -> None:
    text = ("Pain 7/10, PEG 6.3, BP 120/80, L4/5 disc, 85-year-old, 30 mg MME, PT in 2019-20, aged 45. "
            "Power 4/5 at the ankle; at 18 MME on tramadol. Seen in the Pain Clinic and by Physiotherapy; "
            "lives with her husband in a bungalow. Spanish interpreter; moved from Poland in 2015.")
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


def _confirm_all(checklist):  # type: ignore[no-untyped-def]
    for field in checklist.fields:
        checklist = confirm(checklist, field)
    return checklist


def test_finalise_refuses_while_a_hint_is_open_or_a_field_unread() -> None:
    original = real_case()
    draft = make_teaching_case(original, seed=7, today=TODAY)
    checklist = draft.checklist
    with pytest.raises(InvalidInputError) as raised:
        finalise(draft, checklist)
    wheres = [p.where for p in raised.value.problems]
    assert wheres[0] == "psychosocial" and "Kiruna" in raised.value.problems[0].message
    assert wheres[1:] == list(checklist.fields)
    # a field with an open hint cannot be confirmed, whatever key is pressed how often
    with pytest.raises(InvalidInputError) as raised:
        confirm(checklist, "psychosocial")
    assert "Kiruna" in str(raised.value)
    for field in checklist.fields:
        if field != "psychosocial":
            checklist = confirm(checklist, field)
    assert checklist.unconfirmed == ("psychosocial",)
    with pytest.raises(InvalidInputError) as raised:
        finalise(draft, checklist)
    assert "Nothing was changed" in str(raised.value)
    assert draft.case.fictional is False
    # keeping needs a reason
    with pytest.raises(InvalidInputError):
        keep_hint(draft, checklist, "Kiruna", "  ")
    kept, checklist = keep_hint(draft, checklist, "Kiruna", "a town of 17,000; teaches cold exposure")
    assert checklist.open_hints == ()
    checklist = confirm(checklist, "psychosocial")
    assert checklist.complete
    teaching = finalise(kept, checklist)
    assert teaching.fictional is True and "Kiruna" in (teaching.psychosocial or "")
    assert [c.what for c in kept_summary(kept)] == ["“kiruna” kept: a town of 17,000; teaches cold exposure"]
    assert teaching is not draft.case and draft.case.fictional is False
    assert original.fictional is False and original.ref == "RC-2024-0117"


def test_replacing_a_hint_replaces_it_everywhere_and_the_field_is_read_again() -> None:
    case = real_case()
    case.pain_history = "Fell near Kiruna in 2021."
    draft = make_teaching_case(case, seed=7, today=TODAY)
    checklist = confirm(draft.checklist, "one_liner")
    assert {h.where for h in checklist.open_hints} == {"psychosocial", "pain_history"}
    done, checklist = replace_hint(draft, checklist, "Kiruna")
    assert done.case.psychosocial is not None and "near [town]" in done.case.psychosocial
    assert done.case.pain_history == "Fell near [town] in 2021."
    assert checklist.open_hints == ()
    assert checklist.item("one_liner").confirmed  # untouched fields keep their confirmation
    assert ("pain_history", "Kiruna", "[town]", False) in {
        (r.where, r.original, r.replacement, r.automatic) for r in done.replacements}
    # a reviewer's own replacement, and a hint that is no longer there
    other, checklist2 = replace_hint(draft, draft.checklist, "Kiruna", "a mining town in the north")
    assert other.case.pain_history == "Fell near a mining town in the north in 2021."
    with pytest.raises(InvalidInputError):
        replace_hint(done, checklist, "Kiruna")
    with pytest.raises(InvalidInputError):
        replace_hint(draft, draft.checklist, "Kiruna", "   ")
    teaching = finalise(done, _confirm_all(checklist))
    assert teaching.fictional is True


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
    _kept, checklist = keep_hint(other, other.checklist, "Kiruna", "a real but large town")
    checklist = _confirm_all(checklist)
    with pytest.raises(InvalidInputError) as raised:
        finalise(draft, checklist)
    assert raised.value.problems[0].where == "checklist"


def test_a_revised_text_is_searched_again_and_must_be_confirmed_again() -> None:
    draft = make_teaching_case(real_case(), seed=7, today=TODAY)
    checklist = confirm(draft.checklist, "imaging")
    revised, checklist = revise_text(draft, checklist, "psychosocial", "Lives alone; writes letters.", TODAY)
    assert revised.case.psychosocial == "Lives alone; writes letters."
    assert checklist.item("psychosocial").hints == ()
    assert checklist.item("psychosocial").confirmed is False
    assert checklist.item("imaging").confirmed is True
    # what an edit brings in is an open hint, not replaced behind the reviewer's back
    revised, checklist = revise_text(revised, checklist, "imaging[1]", "X-ray at Sligo University Hospital",
                                     TODAY)
    assert revised.case.imaging == ["MRI lumbar spine 2024: L4/5 disc protrusion",
                                    "X-ray at Sligo University Hospital"]
    assert [(h.kind, h.text) for h in checklist.open_hints] == [
        (HintKind.INSTITUTION, "Sligo University Hospital")]
    assert checklist.item("imaging").confirmed is False
    with pytest.raises(InvalidInputError):
        revise_text(revised, checklist, "imaging[1]", "  ", TODAY)
    with pytest.raises(InvalidInputError):
        revise_text(revised, checklist, "patient.age", "90", TODAY)
    revised, checklist = replace_hint(revised, checklist, "Sligo University Hospital")
    assert revised.case.imaging is not None and revised.case.imaging[1] == "X-ray at a local hospital"
    assert finalise(revised, _confirm_all(checklist)).psychosocial == "Lives alone; writes letters."


_SPELLINGS = ("{d:%d/%m/%Y}", "{d:%m/%d/%Y}", "{d:%Y-%m-%d}", "{d.day} {d:%B %Y}", "{d:%B} {d.day}, {d:%Y}",
              "{d.day} {d:%b %Y}", "{d:%B %Y}", "{d:%m/%Y}", "{d:%d.%m.%Y}", "{d:%Y-%m-%d}T08:15")


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)), st.sampled_from(_SPELLINGS))
def test_any_date_in_any_usual_spelling_becomes_its_year(day: date, spelling: str) -> None:
    written = spelling.format(d=day)
    assert reduce_dates(f"MRI on {written}: normal", TODAY) == (f"MRI on {day.year}: normal", 1)


# no deadline: the first call loads the towns gazetteer, the clinical words and the vocabularies of many
# languages (about 2 s, once per process), which a worker may do inside this test
@settings(deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200))
def test_hints_always_point_at_their_text(text: str) -> None:
    for hint in find_identifiers("x", text, ("Ng", "Ångström"), TODAY):
        assert 0 <= hint.start < hint.end <= len(text)
        assert text[hint.start:hint.end] == hint.text
