"""Making a teaching case from a real one, stored (SQLite and PostgreSQL): the original never changes,
the draft becomes fictional only once a person has confirmed every field, and a refused step changes
nothing."""

from __future__ import annotations

import copy

import pytest
from conftest import table_snapshot
from training_setup import real_case

from mdtboard.domain.case import Case, Patient
from mdtboard.domain.deidentify import OLDEST_AGE_TEXT, HintKind
from mdtboard.domain.errors import ConflictError, InvalidInputError, NotFoundError
from mdtboard.services.context import Services
from mdtboard.services.teaching_review import text_at

REVIEWER = "Dr Priya Raman"


def test_teaching_case_from_a_real_case(services: Services) -> None:
    original = services.cases.create(real_case())
    assert original.id is not None
    kept = copy.deepcopy(original)
    training = services.training
    review = training.make_teaching_case(original.id, seed="spring-2026")
    draft = review.draft.case
    # a new case, not fictional yet, with every identifier the finder is sure of replaced, in every text
    assert review.draft_case_id == draft.id != original.id
    assert review.source_case_id == original.id and not review.final
    assert draft.fictional is False and draft.ref.startswith("teach-")
    assert draft.patient.display_name != original.patient.display_name
    assert draft.patient.age is None and review.draft.age_text == OLDEST_AGE_TEXT
    assert draft.title == "Post-herpetic neuralgia since 2024"
    assert draft.prior_treatments == ["Amitriptyline 10 mg from 2024, stopped for dizziness"]
    assert draft.red_flags == ["None found in 2025"]
    assert [i.author for i in draft.discipline_inputs or []] == [None]
    assert draft.pain_history is not None and draft.psychosocial is not None
    for real in ("Agnieszka", "0161", "00482913", "Brigid", "12 March", "Margarethe"):
        assert real not in f"{draft.pain_history} {draft.psychosocial}", real
    given = review.draft.aliases["margarethe"]
    assert draft.psychosocial.endswith(f"{given} enjoys choir.")
    assert draft.patient.display_name.startswith(given)
    # what was replaced is listed (for the reviewer), and the town it was not sure of is an open hint
    assert ("pain_history", HintKind.PHONE, "0161 496 0734") in {
        (r.where, r.kind, r.original) for r in review.draft.replacements}
    assert [(h.where, h.kind, h.text) for h in review.checklist.open_hints] == [
        ("psychosocial", HintKind.PLACE, "Salford")]
    fields = review.checklist.fields
    assert {"title", "one_liner", "pain_history", "psychosocial", "discipline_inputs[0].assessment"} <= set(
        fields
    )
    assert review.checklist.unconfirmed == fields
    assert review.texts("pain_history") == [("pain_history", draft.pain_history)]
    assert review.texts("discipline_inputs[0].assessment") == [
        ("discipline_inputs[0].assessment", "Allodynia over left T6; no new rash.")
    ]
    # the original is exactly as it was
    assert services.cases.get(original.id) == kept
    # finalising names the open hint and each unconfirmed field, and changes nothing
    before = table_snapshot(services.db)
    with pytest.raises(InvalidInputError) as info:
        training.finalise_teaching_case(review.id, seen_version=review.version)
    assert [p.where for p in info.value.problems] == ["psychosocial", *fields]
    # confirming a field with an open hint is refused, however often it is asked
    for _ in range(3):
        with pytest.raises(InvalidInputError, match="Salford"):
            training.confirm_field(review.id, "psychosocial", seen_version=review.version)
    with pytest.raises(InvalidInputError, match="say why"):
        training.keep_hint(review.id, "Salford", " ", seen_version=review.version)
    assert table_snapshot(services.db) == before
    # a reviewer edits a text, keeps the town with a reason, then confirms the fields one by one
    revised = training.revise_field(
        review.id,
        "pain_history",
        "Shingles in 2024; pain since. Her daughter calls the clinic.",
        seen_version=review.version,
    )
    assert revised.draft.case.pain_history == "Shingles in 2024; pain since. Her daughter calls the clinic."
    assert revised.checklist.item("pain_history").hints == ()
    current = training.keep_hint(review.id, "Salford", "a city of 100,000: not identifying",
                                 seen_version=revised.version)
    assert current.checklist.open_hints == ()
    assert current.draft.kept == {"salford": "a city of 100,000: not identifying"}
    for field in fields[:-1]:
        current = training.confirm_field(review.id, field, reviewer=REVIEWER, seen_version=current.version)
    assert current.checklist.unconfirmed == (fields[-1],) and not current.ready
    assert current.confirmed_by[fields[0]] == REVIEWER
    with pytest.raises(InvalidInputError, match="has not been reviewed"):
        training.finalise_teaching_case(review.id, seen_version=current.version)
    assert services.cases.get(draft.id or 0).fictional is False
    current = training.confirm_field(review.id, fields[-1], reviewer=REVIEWER, seen_version=current.version)
    assert current.ready
    done = training.finalise_teaching_case(review.id, reviewer=REVIEWER, seen_version=current.version)
    assert done.id == draft.id and done.fictional is True
    assert services.cases.get(draft.id or 0).fictional is True
    final = training.teaching_review(review.id)
    assert final.final and final.source_case_id is None  # no link back to the real case any more
    # what was kept stays listed with the teaching case; the real names and originals are gone
    assert any(c.where == "kept" and "Salford".casefold() in c.what for c in final.draft.changes)
    assert final.draft.names == () and final.draft.replacements == () and final.draft.aliases == {}
    assert training.teaching_reviews() == [] and [
        r.id for r in training.teaching_reviews(open_only=False)
    ] == [review.id]
    assert services.cases.get(original.id) == kept


def test_an_open_hint_replaced_everywhere_with_the_same_words(services: Services) -> None:
    case = real_case("REAL-0043")
    case.pain_history = "Shingles in 2024; she moved to Salford after it."
    original = services.cases.create(case)
    training = services.training
    review = training.make_teaching_case(original.id or 0, seed="s2")
    assert {h.where for h in review.checklist.open_hints} == {"pain_history", "psychosocial"}
    with pytest.raises(InvalidInputError, match="type what to put"):
        training.replace_hint(review.id, "Salford", "  ", seen_version=review.version)
    after = training.replace_hint(review.id, "Salford", "a northern city", seen_version=review.version)
    assert after.draft.case.pain_history == "Shingles in 2024; she moved to a northern city after it."
    assert after.draft.case.psychosocial is not None
    assert after.draft.case.psychosocial.startswith("Lives alone in a northern city;")
    assert after.checklist.open_hints == ()
    assert ("pain_history", "Salford", "a northern city") in {
        (r.where, r.original, r.replacement) for r in after.draft.replacements}
    with pytest.raises(ConflictError):
        training.keep_hint(review.id, "Salford", "stale", seen_version=review.version)


def test_review_steps_that_are_refused_change_nothing(services: Services) -> None:
    original = services.cases.create(real_case())
    training = services.training
    review = training.make_teaching_case(original.id or 0, seed="7")
    fictional = services.cases.create(Case(ref="F-1", fictional=True, patient=Patient("Alemi Ardeno")))
    before = table_snapshot(services.db)
    with pytest.raises(InvalidInputError, match="is not a field of this review checklist"):
        training.confirm_field(review.id, "patient.display_name", seen_version=review.version)
    with pytest.raises(ConflictError):
        training.confirm_field(review.id, "title", seen_version=review.version + 1)
    with pytest.raises(InvalidInputError, match="cannot be empty"):
        training.revise_field(review.id, "prior_treatments[0]", "  ", seen_version=review.version)
    with pytest.raises(NotFoundError):
        training.teaching_review(999_999)
    # the same seed gives the same teaching reference, which now exists
    with pytest.raises(InvalidInputError, match="already exists"):
        training.make_teaching_case(original.id or 0, seed="7")
    # a fictional case is already fit for teaching
    with pytest.raises(InvalidInputError, match="is already fictional"):
        training.make_teaching_case(fictional.id or 0)
    assert table_snapshot(services.db) == before


def test_a_draft_edited_outside_the_review_must_be_reviewed_again(services: Services) -> None:
    original = services.cases.create(real_case())
    training = services.training
    review = training.make_teaching_case(original.id or 0)
    current = training.keep_hint(review.id, "Salford", "a large city", seen_version=review.version)
    for field in review.checklist.fields:
        current = training.confirm_field(review.id, field, seen_version=current.version)
    assert current.ready
    # someone adds a phone number to the draft in the case editor
    edited = services.cases.get(review.draft_case_id)
    edited.psychosocial = "Lives alone; neighbour on 0161 496 0999."
    services.cases.update(edited)
    again = training.teaching_review(review.id)
    assert again.changed_elsewhere and not again.ready
    assert again.checklist.unconfirmed == again.checklist.fields
    assert any(h.kind is HintKind.PHONE for h in again.checklist.item("psychosocial").hints)
    with pytest.raises(InvalidInputError, match="was changed outside this review"):
        training.finalise_teaching_case(review.id, seen_version=again.version)
    assert services.cases.get(review.draft_case_id).fictional is False
    # the phone number brought in is an open hint: replaced, then the review starts afresh
    current = training.replace_hint(review.id, "0161 496 0999", seen_version=again.version)
    assert current.draft.case.psychosocial == "Lives alone; neighbour on [phone number]."
    for field in again.checklist.fields:
        current = training.confirm_field(review.id, field, seen_version=current.version)
    assert not current.changed_elsewhere and current.ready
    assert training.finalise_teaching_case(review.id, seen_version=current.version).fictional


def test_discarding_a_draft_deletes_it_and_leaves_the_original(services: Services) -> None:
    original = services.cases.create(real_case())
    before = table_snapshot(services.db)
    review = services.training.make_teaching_case(original.id or 0)
    services.training.discard_teaching_case(review.id, seen_version=review.version)
    with pytest.raises(NotFoundError):
        services.cases.get(review.draft_case_id)
    assert table_snapshot(services.db) == before  # the search vocabulary too: no pseudonym's word left


def test_text_at_reads_every_kind_of_checklist_path() -> None:
    case = real_case()
    assert text_at(case, "title") == case.title
    assert text_at(case, "prior_treatments[0]") == case.prior_treatments[0]  # type: ignore[index]
    assert text_at(case, "discipline_inputs[0].assessment") == "Allodynia over left T6; no new rash."
    assert text_at(case, "discipline_inputs[0].author") == "Dr Tomasz Wróbel"
    assert text_at(case, "imaging[3]") is None
    assert text_at(case, "not a path") is None


def test_a_draft_under_review_cannot_be_taught_with_until_finalised(services: Services) -> None:
    from datetime import datetime

    from training_setup import teaching_conference

    original = services.cases.create(real_case("REAL-0044"))
    training = services.training
    review = training.make_teaching_case(original.id or 0, seed="t")
    conf = teaching_conference(services, "Teaching", datetime(2026, 5, 4, 13), [])
    assert conf.id is not None
    before = table_snapshot(services.db)
    with pytest.raises(InvalidInputError, match="still under review"):
        services.conferences.add_agenda_item(conf.id, review.draft_case_id)
    assert table_snapshot(services.db) == before
    # exported meanwhile, it says it is not fictional
    assert services.cases.get(review.draft_case_id).fictional is False
    current = training.keep_hint(review.id, "Salford", "a large city", seen_version=review.version)
    for field in current.checklist.fields:
        current = training.confirm_field(review.id, field, seen_version=current.version)
    training.finalise_teaching_case(review.id, seen_version=current.version)
    item = services.conferences.add_agenda_item(conf.id, review.draft_case_id)
    assert item.case_id == review.draft_case_id


def test_what_was_found_anywhere_in_the_case_is_kept_with_the_review(services: Services) -> None:
    """A town found after "lives in" is asked about in the title too, also once the review is stored and
    loaded again (the review's state keeps what was found), until it is replaced everywhere."""
    case = real_case("REAL-0044")
    case.title = "Salford: post-herpetic neuralgia"
    original = services.cases.create(case)
    training = services.training
    review = training.make_teaching_case(original.id or 0, seed="s3")
    assert ("Salford", HintKind.PLACE, False) in review.draft.known
    assert "title" in {h.where for h in review.checklist.open_hints if h.text == "Salford"}
    again = training.teaching_reviews()[0]
    assert again.draft.known == review.draft.known
    after = training.replace_hint(review.id, "Salford", "a northern city", seen_version=review.version)
    assert after.draft.case.title == "a northern city: post-herpetic neuralgia"
    assert not any(h.text == "Salford" for h in after.checklist.open_hints)
