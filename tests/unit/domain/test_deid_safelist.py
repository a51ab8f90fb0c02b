"""The safe-list catch (phi_safelist.py): a proper noun no vocabulary knows is asked about, on sentences of
our own (not of the measured sets)."""

from __future__ import annotations

from datetime import date

from mdtboard.domain.phi import HintKind, find_identifiers
from mdtboard.domain.phi_safelist import clinical_terms, proper_nouns, safe_words, unknown_spans

TODAY = date(2024, 6, 1)


def asked(text: str) -> list[str]:
    return [text[s:e] for s, e in unknown_spans(text)]


def test_a_capitalised_word_no_vocabulary_knows_is_asked_about_with_its_neighbours() -> None:
    assert asked("She was seen at Kilbarrack Family Practice last week.") == ["Kilbarrack Family Practice"]
    assert asked("Her grandson Tadhgín drives her.") == ["Tadhgín"]
    assert asked("Lives with Ngaire Whakatōhea-Rimu and the dog.") == ["Ngaire Whakatōhea-Rimu"]
    # the title stays: only the name is asked about
    assert asked("Reviewed with Dr Brannagh today.") == ["Brannagh"]


def test_words_capitalised_only_where_every_word_is_are_not_asked_about() -> None:
    assert asked("Brannagh phoned. Plan: reduce the dose.\n1) Titrate slowly 2) Wean off") == []
    assert asked("- Kilbarrack review\n* Tadhgín to call") == []


def test_clinical_words_levels_eponyms_countries_and_languages_are_safe() -> None:
    assert asked("Disc bulge at L4-L5 and T12, C6 radiculopathy; Tinel's sign positive at the wrist.") == []
    assert asked("Known Ehlers-Danlos syndrome and Raynaud's; on Amitriptylin, Polyneuropathie.") == []
    assert asked("Speaks Welsh and Danish; moved from Lebanon to Tasmania.") == []
    assert asked("I'm sure I'll manage, said the Patient at the Pain Clinic.") == []
    assert asked("Kellgren-Lawrence grade 4; Rome IV criteria met.") == []
    # a bibliographic reference: its authors are not the case's people
    assert asked("Brannagh K, Tadhg L. Pain 2019;160:12-19.") == []


def test_other_scripts_are_asked_about_but_not_greek_letters_or_labels() -> None:
    assert asked("Daughter 김지우 calls from Busan.") == ["김지우", "Busan"]
    assert asked("Lives in Γλυφάδα with her son.") == ["Γλυφάδα"]
    assert asked("α2δ ligand, β-blocker and 5 µg.") == []
    assert asked("Ημερομηνία: 5/11") == []


def test_capitals_are_asked_about_only_in_a_letterhead_and_when_long() -> None:
    assert asked("DROMKEEN PAIN SERVICE\nMRN and DOB checked; ORIF in 2019.") == ["DROMKEEN PAIN SERVICE"]
    assert asked("Seen by PT and OT; DROMKEEN not reached.") == []


def test_the_catch_gives_questions_only_and_only_where_no_rule_found_something() -> None:
    hints = find_identifiers("f", "Her neighbour Mrs Brannagh and Tadhgín Kilbarrack visit.", (), TODAY)
    catch = [h for h in hints if h.kind is HintKind.NAME_OR_PLACE]
    assert catch and not any(h.sure for h in catch)
    spans = sorted((h.start, h.end) for h in hints)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))  # no overlaps


def test_the_vocabularies_are_read_from_dated_sourced_files() -> None:
    from mdtboard.resources import resource

    for name in ("clinical-terms.txt", "proper-nouns.txt", "languages-and-nations.txt", "drug-names.txt"):
        lines = resource("deid", name).read_text(encoding="utf-8").splitlines()
        head = " ".join(line.lstrip("# ") for line in lines if line.startswith("#"))
        assert "Written 20" in head and "Source" in head, name
    assert "radiculopathy" in clinical_terms() and "london" in proper_nouns()
    safe = safe_words()
    assert "london" not in safe and "john" not in safe and "parkinson" in safe and "welsh" in safe
