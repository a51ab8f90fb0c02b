"""How many identifiers the teaching-case finder catches before review, on real-looking cases of our own.

The figures are stated in the README; these tests keep them true. See deid_corpus.py for the counting.
"""

from __future__ import annotations

from deid_corpus import CORPUS, DATA, HELD_OUT, KINDS, load_corpus, measure


def test_the_test_set_is_big_and_varied_enough() -> None:
    cases, marked = load_corpus(CORPUS)
    assert len(cases) >= 20
    assert len(marked) >= 200
    assert len({m.kind for m in marked}) >= 12
    assert {m.kind for m in marked} <= set(KINDS)
    # every mark points at its text
    from deid_corpus import text_of

    for mark in marked:
        assert text_of(cases[mark.case], mark.where)[mark.start:mark.end] == mark.text


def test_recall_is_at_least_98_percent_on_the_test_set() -> None:
    result = measure(CORPUS)
    assert result.recall >= 0.98, [m.text for m in result.misses]


def test_recall_is_at_least_98_percent_on_the_held_out_cases() -> None:
    result = measure(HELD_OUT)
    assert result.total >= 100
    assert result.recall >= 0.98, [m.text for m in result.misses]


def test_the_second_held_out_set_is_found_at_98_percent_since_the_finder_was_fixed_on_it() -> None:
    """Written by someone who had not read the patterns; measured once untuned (README): 132 of 151
    identifiers (87.4 %). The finder was then given general rules for its misses: 151 of 151."""
    path = DATA / "second-held-out-cases.json"
    cases, marked = load_corpus(path)
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (8, 151, 13)
    result = measure(path)
    assert result.recall >= 0.98, [m.text for m in result.misses]


def test_the_third_held_out_set_is_big_and_varied_enough() -> None:
    """Written and committed before the finder was changed after the second set's measurement."""
    cases, marked = load_corpus(DATA / "third-held-out-cases.json")
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (13, 245, 13)


def test_the_third_held_out_set_keeps_its_first_measured_recall() -> None:
    """Measured once after the finder's changes for the second set, and not tuned on (README): 207 of 245
    identifiers (84.5 %; 190, 77.6 %, before those changes). A floor, not the target: left untuned so
    that its figure stays an honest estimate for cases nobody tuned on."""
    result = measure(DATA / "third-held-out-cases.json")
    assert result.found >= 207, [m.text for m in result.misses]


def test_the_rules_in_other_languages_find_what_they_are_for() -> None:
    """One example of each general rule added for the second set's misses, in sentences of our own."""
    from datetime import date

    from mdtboard.domain.phi import HintKind, find_identifiers

    def found(text: str) -> set[tuple[HintKind, str]]:
        return {(h.kind, h.text) for h in find_identifiers("f", text, today=date(2024, 6, 1))}

    assert (HintKind.DATE, "le 14 juillet") in found("Chute le 14 juillet.")
    assert (HintKind.DATE, "el 5 de mayo de 2021") in found("Operada el 5 de mayo de 2021.")
    assert (HintKind.AGE_OVER_89, "92 ans") in found("Patiente de 92 ans.")
    assert (HintKind.NAME, "Orla") in found("OT (Orla): splint fitted.")
    assert (HintKind.NAME, "Tariq") in found("PT Tariq: gait retraining.")
    assert (HintKind.NAME, "J. Okoro") in found("Seen by Dr J. Okoro.")
    assert (HintKind.NAME, "Anne") in found("Lives with sa fille Anne.")
    assert (HintKind.INSTITUTION, "St Columba's chapel") in found("Prays at St Columba's chapel.")
    assert (HintKind.INSTITUTION, "Résidence Les Pins") in found("Vit à la Résidence Les Pins.")
    assert (HintKind.INSTITUTION, "CHUS") in found("Suivie au CHUS.")
    assert (HintKind.INSTITUTION, "Sainte-Justine") in found("Née à Sainte-Justine.")
    hints = found("Lives at 4 Kauri Street, Taupo 3330.")
    assert (HintKind.PLACE, "Taupo") in hints and (HintKind.POSTCODE, "3330") in hints
    assert not {h for h in found("Pharmacy (NSAIDs): none. PHQ-9 14 in 2023.") if h[0] is HintKind.NAME}
