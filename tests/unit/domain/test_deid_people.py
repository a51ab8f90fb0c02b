"""People's names with no cue before them, found by the given-name, surname and English-word lists
(phi_people.py), in sentences of our own."""

from __future__ import annotations

from datetime import date

from mdtboard.domain.phi import HintKind, find_identifiers


def names(text: str) -> dict[str, bool]:
    return {h.text: h.sure for h in find_identifiers("f", text, today=date(2024, 6, 1))
            if h.kind is HintKind.NAME}


def test_a_given_name_and_a_rare_word_or_a_surname_after_it_is_a_name() -> None:
    assert names("Present: Marlene Vukovich (OT), Darrell Brown PT and the team.") == {
        "Marlene Vukovich": True, "Darrell Brown": True}
    assert names("Case manager Gloria Esperanza Villalobos Ortega phoned.") == {
        "Gloria Esperanza Villalobos Ortega": True}


def test_a_surname_then_a_given_name_or_an_initial_and_initials_then_a_surname() -> None:
    assert names("Handover: Kowalski, Deborah – hip fracture") == {"Kowalski, Deborah": True}
    assert names("MDT 3 March – Thibodaux, R. – chronic back pain") == {"Thibodaux, R": True}
    assert names("Letter copied to J. Pilkington and the practice.") == {"J. Pilkington": True}


def test_a_given_name_alone_is_a_question_and_with_an_initial_a_name() -> None:
    assert names("Spoke on the phone; thanks again, Bernadette") == {"Bernadette": False}
    assert names("Hydrotherapy with Rhonda K. twice weekly.") == {"Rhonda K": True}


def test_common_words_clinical_words_and_references_are_not_names() -> None:
    # given names that are common words, surnames that are words, eponyms and a reference's authors
    for text in ("Will Grace help? Hope so. Mark the dates in the diary.",
                 "Patrick test positive on the left; Hoffmann sign absent.",
                 "Young Brown dog bit her in Green Park.",
                 "Lewis JS, Solomon DH. Ann Rheum Dis 2010;69:1-5.",
                 "Pain Clinic review with Tampa Scale and Brief Pain Inventory.",
                 "she walks daily; Lindsay finds walking hard. She said lindsay was fine"):
        assert names(text) == {}, text
