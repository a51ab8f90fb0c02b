"""The general mechanisms of the teaching-case finder: what is found in one text of a case is looked for in
all of them, towns known by name from a gazetteer, institutions by their structure."""

from __future__ import annotations

from datetime import date

from mdtboard.domain.case import Case, Patient
from mdtboard.domain.deidentify import (
    HintKind,
    case_hints,
    case_known,
    checklist_for,
    find_identifiers,
    make_teaching_case,
    people_names,
    replace_hint,
)

TODAY = date(2024, 6, 1)


def found(text: str) -> set[tuple[HintKind, str, bool]]:
    return {(h.kind, h.text, h.sure) for h in find_identifiers("f", text, today=TODAY)}


def a_case() -> Case:
    return Case(
        ref="REAL-7",
        fictional=False,
        patient=Patient(display_name="Nuala Kinsella", age=58, pronouns="she/her"),
        title="Kinsella, Knocknacarra: neck pain",
        one_liner="58-year-old woman with neck pain; RX88213Q on the Knocknacarra letter.",
        question_for_team="Is a medial branch block reasonable?",
        pain_history="Neck pain since a fall. Seen at Tirellan Medical Centre; MRN RX88213Q.",
        psychosocial="Lives alone in Knocknacarra; Nuala walks daily.",
        imaging=["X-ray at Tirellan Medical Centre: C5/6 spondylosis"],
    )


def test_what_is_found_in_one_text_is_looked_for_in_every_text_of_the_case() -> None:
    case = a_case()
    # alone, the title's town and the one-liner's bare number are not found as identifiers (the town is only
    # asked about by the safe-list catch: a word no vocabulary knows)
    assert {h.kind for h in find_identifiers("title", case.title or "", (), TODAY)
            if h.text == "Knocknacarra"} <= {HintKind.NAME_OR_PLACE}
    assert not any(h.sure for h in find_identifiers("one_liner", case.one_liner or "", (), TODAY))
    known = case_known(case, people_names(case, TODAY), TODAY)
    assert ("Knocknacarra", HintKind.PLACE, False) in known
    assert ("RX88213Q", HintKind.RECORD_NUMBER, True) in known
    hints = case_hints(case, TODAY)
    texts = {where: {(h.kind, h.text, h.sure) for h in these} for where, these in hints.items()}
    assert (HintKind.PLACE, "Knocknacarra", False) in texts["title"]
    assert (HintKind.PLACE, "Knocknacarra", False) in texts["one_liner"]
    assert (HintKind.RECORD_NUMBER, "RX88213Q", True) in texts["one_liner"]
    assert (HintKind.INSTITUTION, "Tirellan Medical Centre", True) in texts["imaging[0]"]
    assert (HintKind.NAME, "Kinsella", True) in texts["title"]


def test_a_draft_replaces_what_other_texts_showed_and_asks_about_the_rest_everywhere() -> None:
    draft = make_teaching_case(a_case(), seed="s", today=TODAY)
    new = draft.case
    assert "RX88213Q" not in (new.one_liner or "") and "[record number]" in (new.one_liner or "")
    assert "Tirellan" not in (new.imaging or [""])[0]
    # the same pseudonym for the patient's family name in the title and her given name in the text
    alias = draft.aliases["kinsella"]
    assert (new.title or "").startswith(alias.split()[0])
    assert draft.aliases["nuala"] in (new.psychosocial or "")
    # the town, a question, is open in the title as well as where its cue is
    open_towns = {h.where for h in draft.checklist.open_hints if h.text == "Knocknacarra"}
    assert open_towns == {"title", "one_liner", "psychosocial"}
    # the stored state carries what was found: a fresh checklist finds the same
    assert {h.where for h in checklist_for(draft, TODAY).open_hints if h.text == "Knocknacarra"} == open_towns
    after, checklist = replace_hint(draft, draft.checklist, "Knocknacarra", today=TODAY)
    assert "Knocknacarra" not in (after.case.title or "") + (after.case.one_liner or "")
    assert not any(h.text == "Knocknacarra" for h in checklist.open_hints)


def test_towns_of_the_gazetteer_are_questions_and_words_are_not_taken_for_towns() -> None:
    assert found("Family support around the Bydgoszcz area is limited.") == {
        (HintKind.PLACE, "Bydgoszcz", False)}
    assert found("Her brother near Casalecchio di Reno phones.") >= {
        (HintKind.PLACE, "Casalecchio di Reno", False)}
    # a word written in lower case in the same text, a sentence start, an eponym, a reference's author
    assert found("Enjoys Reading and gardening; needs reading glasses.") == set()
    assert found("Manage pain with pacing. Nice to see her.") == set()
    assert found("Kellgren-Lawrence grade 4; Rome IV criteria met; Ficat and Arlet stage II.") == set()
    assert found("Lewis JS, Davis K. Pain 2019;160:12.") == set()
    # provinces and countries are above the town level ("Ontario" is also a Californian town: the safe-list
    # catch asks about it, the gazetteer does not take it for a town)
    assert {kind for kind, _text, _sure in found("She moved there via Ontario and Portugal.")} <= {
        HintKind.NAME_OR_PLACE}


def test_institutions_are_found_by_their_structure() -> None:
    assert (HintKind.INSTITUTION, "Kerrigan Logistics", True) in found(
        "She is employed at Kerrigan Logistics as a driver.")
    assert (HintKind.INSTITUTION, "Glanmire Community College", True) in found(
        "Her son attends Glanmire Community College.")
    assert (HintKind.INSTITUTION, "SUNY Downstate", False) in found("Seen at SUNY Downstate last year.")
    assert (HintKind.INSTITUTION, "Ankara Şehir Hastanesi", True) in found(
        "Operated at Ankara Şehir Hastanesi.")
    assert (HintKind.INSTITUTION, "Spitalul Județean Cluj", True) in found(
        "Internată la Spitalul Județean Cluj.")
    assert found("Attends Mass on Sundays.") == set()
    assert found("Booked at MRI Thursday for the scan.") == set()


def test_an_institutions_own_name_is_asked_about_where_it_stands_alone() -> None:
    case = a_case()
    case.prior_treatments = ["Facet joint injection (Tirellan, 2023)"]  # no cue: "at Tirellan" is one
    assert not any(h.text == "Tirellan" for h in find_identifiers("p", case.prior_treatments[0], (), TODAY))
    hints = case_hints(case, TODAY)
    assert (HintKind.INSTITUTION, "Tirellan", False) in {
        (h.kind, h.text, h.sure) for h in hints["prior_treatments[0]"]}
