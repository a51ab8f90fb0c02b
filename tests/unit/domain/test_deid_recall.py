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


def test_the_third_held_out_set_is_found_at_98_percent_since_the_finder_was_fixed_on_it() -> None:
    """Measured once untuned (README): 207 of 245 identifiers (84.5 %). The finder was then given general
    rules for its misses (phi_numbers.py, the European and Indian address orders, institutions without an
    institution word, names shortened in a title): 245 of 245. No longer an estimate for untuned cases."""
    result = measure(DATA / "third-held-out-cases.json")
    assert result.recall >= 0.98, [m.text for m in result.misses]


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


def test_the_rules_for_the_third_sets_misses_find_what_they_are_for() -> None:
    """One example of each general rule added for the third set's misses, in sentences of our own."""
    from datetime import date

    from mdtboard.domain.phi import HintKind, find_identifiers

    def found(text: str, names: tuple[str, ...] = ()) -> set[tuple[HintKind, str]]:
        return {(h.kind, h.text) for h in find_identifiers("f", text, names, today=date(2024, 6, 1))}

    hints = found("Wohnt in der Lindenstraße 7, 10115 Berlin, allein.")
    assert {(HintKind.ADDRESS, "Lindenstraße 7"), (HintKind.POSTCODE, "10115"),
            (HintKind.PLACE, "Berlin")} <= hints
    hints = found("Woont op Prinsengracht 263, 1016 GV Amsterdam.")
    assert {(HintKind.ADDRESS, "Prinsengracht 263"), (HintKind.POSTCODE, "1016 GV")} <= hints
    assert (HintKind.ADDRESS, "Calle Mayor 12, 2º A") in found("Vive en Calle Mayor 12, 2º A, 28013 Madrid.")
    assert (HintKind.ADDRESS, "455 NW Oak Blvd") in found("Home: 455 NW Oak Blvd, Bend, OR 97701.")
    assert (HintKind.ADDRESS, "No. 14, 3rd Main Road") in found("Stays at No. 14, 3rd Main Road, Jayanagar.")
    hints = found("Mail: General Delivery, Box 9, Attawapiskat.")
    assert (HintKind.ADDRESS, "General Delivery, Box 9") in hints
    assert (HintKind.INSTITUTION, "Mercy Health") in found("Scanned at Mercy Health last week.")
    assert (HintKind.INSTITUTION, "Hospice of Lake County") in found("Referred to Hospice of Lake County.")
    assert (HintKind.INSTITUTION, "Hôpital de Gaspé") in found("Vue à l'Hôpital de Gaspé.")
    assert (HintKind.INSTITUTION, "Gelre ziekenhuis") in found("Behandeld in het Gelre ziekenhuis.")
    assert (HintKind.INSTITUTION, "Praxis am Markt") in found("Hausarzt: Praxis am Markt.")
    assert (HintKind.RECORD_NUMBER, "AB-44120") in found("dossier AB-44120.")
    assert (HintKind.RECORD_NUMBER, "12345678Z") in found("DNI 12345678Z.")
    assert (HintKind.NAME, "Lucía") in found("Psicología (Lucía): bien.")
    assert (HintKind.NAME, "Chris O") in found("Chris O. – neck pain", ("Christopher", "Obi"))
    assert (HintKind.NAME, "J. van Dijk") in found("Seen by J. van Dijk.", ("Dijk",))


def test_national_numbers_are_found_by_their_check_digits_without_a_label() -> None:
    """python-stdnum's validators: a number whose check digits hold is sure even with no label before it;
    the same digits with a wrong check digit are at most a question."""
    from datetime import date

    from mdtboard.domain.phi import HintKind, find_identifiers

    def sure_numbers(text: str) -> set[str]:
        return {h.text for h in find_identifiers("f", text, today=date(2024, 6, 1))
                if h.kind is HintKind.RECORD_NUMBER and h.sure}

    assert sure_numbers("Dutch number 123456782 on the letter.") == {"123456782"}  # BSN, eleven test
    assert sure_numbers("Dutch number 123456781 on the letter.") == set()
    assert sure_numbers("His number is 943 476 5919, see letter.") == {"943 476 5919"}  # NHS number
    assert sure_numbers("South African 8001015009087 in the notes.") == {"8001015009087"}
    assert sure_numbers("Spanish 12345678Z in the notes.") == {"12345678Z"}  # DNI letter
    assert sure_numbers("Spanish 12345678A in the notes.") == set()


def test_clinical_content_is_not_taken_for_an_identifier() -> None:
    """Drug names, doses, scores, instruments, levels and units stay: none of these is an identifier."""
    from datetime import date

    from mdtboard.domain.phi import find_identifiers

    clinical = [
        "Pregabalin 75 mg bd, duloxetine 60 mg od, oxycodone MR 10 mg bd (MME 30); 1000 IU vitamin D daily.",
        "PHQ-9 14, GAD-7 11, PEG 7.3, NRS 7/10, ODI 42 %, Tampa Scale 44, PCS 30, HADS-D 11.",
        "MRI L4/5 and L5/S1 disc protrusion; EMG normal; eGFR 41 mL/min; HbA1c 8.9; BMI 41.",
        "Spring 2024 flare; 3 weeks of physio; TENS 2 h daily; SCS trial 7 days; RFA at L3-L5.",
        "Fentanyl 12 mcg/h patch every 72 h; naloxone 1.8 mg nasal spray; lidocaine 5 % plaster 12 h on.",
        "Dolor lumbar sin cambios, paracetamol 1 g cada 8 horas; ibuprofeno 400 mg si dolor.",
        "Schmerz NRS 6, Ibuprofen 400 mg bei Bedarf, Physiotherapie 2 x pro Woche.",
        "Brief Pain Inventory, Pain Catastrophizing Scale, Tampa Scale of Kinesiophobia, STarT Back.",
        "Medial branch blocks at L4-L5, 80 % relief; pulsed RF to the suprascapular nerve 42 °C 240 s.",
    ]
    for text in clinical:
        assert find_identifiers("f", text, today=date(2024, 6, 1)) == (), text
