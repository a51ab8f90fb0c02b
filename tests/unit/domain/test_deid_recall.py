"""How many identifiers the teaching-case finder catches before review, on real-looking cases of our own.

The figures are stated in the README; these tests keep them true. See deid_corpus.py for the counting.
"""

from __future__ import annotations

from deid_corpus import (
    CORPUS,
    DATA,
    EIGHTEENTH,
    EIGHTH,
    ELEVENTH,
    FIFTEENTH,
    FIFTH,
    FOURTEENTH,
    FOURTH,
    HELD_OUT,
    KINDS,
    NINETEENTH,
    NINTH,
    SEVENTEENTH,
    SEVENTH,
    SIXTEENTH,
    SIXTH,
    TENTH,
    THIRTEENTH,
    TWELFTH,
    TWENTIETH,
    clinical_hints,
    load_corpus,
    measure,
)


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


def test_the_fourth_held_out_set_is_big_and_varied_enough() -> None:
    """Written and committed before the finder was run on it (24 cases, 426 identifiers of 13 kinds)."""
    cases, marked = load_corpus(FOURTH)
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (24, 426, 13)


def test_the_fourth_held_out_set_is_found_at_98_percent_since_the_finder_was_fixed_on_it() -> None:
    """Measured once untuned (README): 321 of 426 identifiers (75.4 %). The finder was then given general
    rules for its misses (street names first in Portuguese, Italian, Polish and Spanish, Nordic street
    endings, floors and colonias, Singapore blocks, barangays, more national labels and acronyms, kinds of
    institution in eight languages, relations and titles in Portuguese, Italian, Polish and German, dates
    with roman-numeral months, "8. Januar", "Nov '23" and "27.12.23"): 419 of 426 (98.4 %); 424 (99.5 %) with
    the case-wide mechanisms and the vocabularies of many languages since. With the statistical recogniser
    (phi_model.py), trained on every set including this one (so not an estimate): 426."""
    result = measure(FOURTH)
    assert result.found >= 426, [m.text for m in result.misses]
    assert result.recall >= 0.98


def test_the_fifth_held_out_set_is_big_and_varied_enough() -> None:
    """Written by someone who never read the finder, and committed before the finder was run on it."""
    cases, marked = load_corpus(FIFTH)
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (26, 515, 13)


def test_the_fifth_set_is_found_at_98_percent_since_the_finder_was_tuned_on_it() -> None:
    """Measured once, untuned, after case-wide propagation, the towns gazetteer and the institutions'
    structure had landed (README): 408 of 515 identifiers (79.2 %). The finder was then given general
    mechanisms for its misses, with their vocabularies as data in many languages (phi_world.py,
    resources/deid/identifier-words.toml): 513 of 515 (99.6 %). The fifth set is no longer held out: it was
    tuned on, and this figure is not an estimate for untuned cases. With the statistical recogniser
    (phi_model.py), trained on every set including this one: 515."""
    result = measure(FIFTH)
    assert result.found >= 515, [m.text for m in result.misses]
    assert result.recall >= 0.98


def test_the_sixth_held_out_set_is_big_and_varied_enough() -> None:
    """Written blind to the finder (its author read neither its code, its tests nor the earlier sets), and
    committed before the finder was run on it."""
    cases, marked = load_corpus(SIXTH)
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (26, 641, 13)


def test_the_sixth_set_is_found_at_98_percent_since_the_finder_was_tuned_on_it() -> None:
    """Measured once, untuned (README): 531 of 641 identifiers (82.8 %). The finder was then given general
    mechanisms for its misses, each written for every language we could list (phi_forms.py, with their
    vocabularies in resources/deid/identifier-words.toml): 639 of 641 (99.7 %). The sixth set is no longer
    held out: it was tuned on, and this figure is not an estimate for untuned cases. With the statistical
    recogniser (phi_model.py), trained on every set including this one: 641."""
    result = measure(SIXTH)
    assert result.found >= 641, [m.text for m in result.misses]
    assert result.recall >= 0.98


def test_the_seventh_held_out_set_is_big_and_varied_enough() -> None:
    """Written blind to the finder (its author read neither its code, its tests nor the earlier sets beyond
    one case for the format), and committed before the finder was run on it."""
    cases, marked = load_corpus(SEVENTH)
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (30, 845, 13)


def test_the_seventh_set_is_found_at_least_as_well_as_since_the_finder_was_tuned_on_it() -> None:
    """Measured once, untuned (README): 688 of 845 identifiers (81.4 %), short of the 98 % target. The finder
    was then given general mechanisms chosen by its misses (names with no cue by given-name, surname and
    English-word lists, loosely written dates, labelled lines, streets without a number): 749 of 845 (88.6 %).
    No longer held out. With the safe-list catch (phi_safelist.py): 793 (93.8 %). With the statistical
    recogniser (phi_model.py): 817 (96.7 %) when trained without this set, 829 (98.1 %) as shipped, trained on
    every set including this one. With the rules chosen by the seventeenth set's misses and the recogniser
    retrained with it: 831 (98.3 %)."""
    result = measure(SEVENTH)
    assert result.found >= 831, [m.text for m in result.misses]



def test_the_eighth_held_out_set_is_big_and_varied_enough() -> None:
    """Written blind to the finder (its author read only a note on the format: not the finder's code, its
    tests, its resources, the README or the earlier sets), and committed before the finder was run on it."""
    cases, marked = load_corpus(EIGHTH)
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (39, 1318, 13)


def test_the_eighth_set_is_found_at_least_as_well_as_at_its_first_runs() -> None:
    """Measured untuned, twice, each once (README): on the finder before the names without a cue, the
    loose dates and the labelled lines, 1,057 of 1,318 identifiers (80.2 %); on the finder with them,
    1,112 (84.4 %), short of the 98 % target. With the safe-list catch (phi_safelist.py), whose general
    rules were shaped while looking at this set's hints and misses (so no longer a blind figure): 1,203
    (91.3 %); with the mechanisms chosen by the ninth set's misses, 1,209 (91.7 %). The figure must not
    fall back. With the statistical recogniser (phi_model.py): 1,245 (94.5 %) when trained without this set,
    1,266 (96.1 %) as shipped, trained on every set including this one; with the rules chosen by the sixteenth
    set's misses, 1,272 (96.5 %)."""
    result = measure(EIGHTH)
    assert result.found >= 1272, [m.text for m in result.misses]

def test_the_ninth_held_out_set_is_big_and_varied_enough() -> None:
    """Written blind to the finder from the note on the format alone, and committed before the finder was
    run on it (README)."""
    cases, marked = load_corpus(NINTH)
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (38, 1712, 13)


def test_the_ninth_set_is_found_at_least_as_well_as_since_the_finder_was_fixed_on_it() -> None:
    """Measured untuned, twice, each once (README): on the finder of 2026-12-07 before the safe-list catch,
    1,492 of 1,712 identifiers (87.1 %, 135 hints on text not marked); with the catch, written without this
    set, 1,546 (90.3 %, 289 hints), short of the 98 % target. The finder was then given general mechanisms
    chosen by its misses (capitals read as titles, names and ages by their shape, institution kinds,
    letterheads, medicine names as safe words, local address forms): 1,619 (94.6 %, 264 hints). Tuned on from
    then: no longer held out, and the figure must not fall back. With the statistical recogniser
    (phi_model.py): 1,653 (96.6 %) when trained without this set, 1,679 (98.1 %) as shipped, trained on every
    set including this one. With the rules chosen by the seventeenth set's misses and the recogniser retrained
    with it: 1,682 (98.2 %)."""
    result = measure(NINTH)
    assert result.found >= 1682, [m.text for m in result.misses]


def test_the_tenth_held_out_set_is_big_and_varied_enough() -> None:
    """Written blind to the finder from the note on the format alone, and committed before the finder was
    run on it (README)."""
    cases, marked = load_corpus(TENTH)
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (34, 1355, 13)


def test_the_tenth_set_is_found_at_least_as_well_as_at_its_first_runs() -> None:
    """Measured untuned, twice, each once (README): on the finder with the safe-list catch, before the ninth
    set's mechanisms, 1,240 of 1,355 identifiers (91.5 %, 185 hints on text not marked); with them, 1,250
    (92.3 %, 173 hints), short of the 98 % target. No rule was tuned on it, but it is training data of the
    statistical recogniser (phi_model.py): with a model trained without it, 1,284 (94.8 %, 203 hints); as
    shipped, trained on every set including this one, 1,311 (96.8 %); with the rules chosen by the sixteenth
    set's misses, 1,315 (97.0 %). The figure must not fall back. With the rules chosen by the seventeenth
    set's misses and the recogniser retrained with it: 1,316 (97.1 %); with the lower-case rules the
    eighteenth set's misses asked for (phi_lower.py): 1,317 (97.2 %)."""
    result = measure(TENTH)
    assert result.found >= 1317, [m.text for m in result.misses]


def test_the_eleventh_held_out_set_is_big_and_varied_enough() -> None:
    """Written blind to the finder from the note on the format alone, and committed before the finder was
    run on it (README)."""
    cases, marked = load_corpus(ELEVENTH)
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (32, 1786, 13)


def test_the_eleventh_set_is_found_at_least_as_well_as_at_its_first_runs() -> None:
    """Measured untuned, twice, each once (README): on the rules alone, 1,632 of 1,786 identifiers (91.4 %,
    237 hints on text not marked); with the statistical recogniser, trained without it, 1,670 (93.5 %, 279
    hints), short of the 98 % target. Then the rules for initials and a weekday with the day alone, chosen by
    its misses: 1,695 (94.9 %). As shipped, the recogniser trained on every set including this one: 1,729
    (96.8 %, 238 hints); with the rules chosen by the sixteenth set's misses, 1,739 (97.4 %). The figure must
    not fall back. With the rules chosen by the seventeenth set's misses and the recogniser retrained with it:
    1,742 (97.5 %)."""
    result = measure(ELEVENTH)
    assert result.found >= 1742, [m.text for m in result.misses]


def test_the_twelfth_held_out_set_is_big_and_varied_enough() -> None:
    """Written blind to the finder from the note on the format alone, and committed before the finder was
    run on it (README)."""
    cases, marked = load_corpus(TWELFTH)
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (33, 1540, 13)


def test_the_twelfth_set_is_found_at_least_as_well_as_at_its_first_run() -> None:
    """Measured once, untuned (README), on the finder with the recogniser trained on the eleven sets before it
    and the rules chosen by the eleventh set's misses: 1,436 of 1,540 identifiers (93.2 %, 209 hints on text
    not marked), short of the 98 % target. As shipped, the recogniser trained on every set including this one:
    1,463 (95.0 %, 186 hints); with the rules chosen by the sixteenth set's misses, 1,489 (96.7 %). The figure
    must not fall back. With the rules chosen by the seventeenth set's misses and the recogniser retrained
    with it: 1,491 (96.8 %)."""
    result = measure(TWELFTH)
    assert result.found >= 1491, [m.text for m in result.misses]


def test_the_thirteenth_held_out_set_is_big_and_varied_enough() -> None:
    """36 cases written blind to the finder (the author read only the format note); 2,293 marks, of which
    143 mark the authors' own names in the list of authors, which are registered names, not text."""
    cases, marked = load_corpus(THIRTEENTH)
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (36, 2150, 13)


def test_the_thirteenth_set_is_found_at_least_as_well_as_at_its_first_run() -> None:
    """Measured once, untuned (README), on the finder with the recogniser trained on the twelve sets before it
    and the month-name dates of every CLDR language (written before the set was seen): 1,986 of 2,150
    identifiers (92.4 %, 745 hints on text not marked), short of the 98 % target; the finder of the stop
    before found 1,981 (92.1 %). Then the rules its misses asked for (a time of day and a weekday after a
    date, other calendars in their own scripts and figures, "the 12th" closing a clause) and the recogniser
    trained on every set including this one: 2,071 (96.3 %, 746 hints); with staff initials in minutes and
    logs, relatives' names that are known words and vehicles' plates: 2,081 (96.8 %); with the rules chosen by
    the sixteenth set's misses, 2,087 (97.1 %). The figure must not fall back. With the rules chosen by the
    seventeenth set's misses and the recogniser retrained with it: 2,092 (97.3 %)."""
    result = measure(THIRTEENTH)
    assert result.found >= 2092, [m.text for m in result.misses]


def test_the_fourteenth_held_out_set_is_big_and_varied_enough() -> None:
    cases, marked = load_corpus(FOURTEENTH)
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (42, 3006, 13)


def test_the_fourteenth_set_is_found_at_least_as_well_as_at_its_first_run() -> None:
    """Measured once, untuned (README), on the finder with the recogniser trained on the thirteen sets before
    it and the rules chosen by the thirteenth set's misses: 2,782 of 3,006 identifiers (92.5 %, 1,070 hints on
    text not marked); the finder at the start of that day found 2,728 (90.8 %). Then the rules its misses
    asked for (initials heading an input, signing a line or doing what people do in minutes; an age said after
    a name or a relation) and the recogniser trained on every set including this one: 2,914 (96.9 %, 953
    hints); with the rules chosen by the sixteenth set's misses, 2,918 (97.1 %). The figure must not fall
    back. With the rules chosen by the seventeenth set's misses and the recogniser retrained with it: 2,921
    (97.2 %)."""
    result = measure(FOURTEENTH)
    assert result.found >= 2921, [m.text for m in result.misses]


def test_the_fifteenth_held_out_set_is_big_and_varied_enough() -> None:
    cases, marked = load_corpus(FIFTEENTH)
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (22, 1355, 13)


def test_the_fifteenth_set_is_found_at_least_as_well_as_at_its_first_run() -> None:
    """Measured once, untuned (README), on the finder with the recogniser trained on the fourteen sets before
    it and the rules chosen by the fourteenth set's misses: 1,214 of 1,355 identifiers (89.6 %, 204 hints on
    text not marked; names 280 of 362: staff initials closing entries); the finder at the start of that day
    found 1,178 (86.9 %). Then initials closing an entry and headings after a log's time: 1,244 (91.8 %); with
    the recogniser trained on every set including this one: 1,290 (95.2 %, 193 hints); with the rules chosen
    by the sixteenth set's misses, 1,305 (96.3 %). The figure must not fall back. With the rules chosen by the
    seventeenth set's misses and the recogniser retrained with it: 1,308 (96.5 %)."""
    result = measure(FIFTEENTH)
    assert result.found >= 1308, [m.text for m in result.misses]


def test_the_sixteenth_held_out_set_is_big_and_varied_enough() -> None:
    """40 cases written blind to the finder (the author read only the format note) in some 30 languages, and
    committed before the finder was run on it."""
    cases, marked = load_corpus(SIXTEENTH)
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (40, 1749, 13)


def test_the_sixteenth_set_is_found_at_least_as_well_as_at_its_first_run() -> None:
    """Measured once, untuned (README), on the finder with the recogniser trained on the fifteen sets before
    it: 1,615 of 1,749 identifiers (92.3 %, 282 hints on text not marked), short of the 98 % target; 1,635
    (93.5 %) once the measure kept the titles of other languages out of the names, as it did the English ones
    ("dr.", "Dra.", "lek.", "mgr", "PD Dr.", "Δρ.", "डॉ.": the title is kept, the name must be found). Then
    the rules its misses asked for (a day and a month with a time, in a list or ending a line; the time and
    weekday after a date in more languages; initials and names signing a note, in the Greek alphabet too;
    names after Greek and Indic titles; hospitals in the cases of Polish, Czech, Finnish and Swedish; acronyms
    beside a job, a department or a postposition; employers after "ex-" or "retired from"): 1,686 (96.4 %, 289
    hints); with the recogniser trained on every set including this one: 1,701 (97.3 %, 262 hints; 1,678, 95.9
    %, as marked, titles counted). The figure must not fall back. With the rules chosen by the seventeenth
    set's misses and the recogniser retrained with it: 1,703 (97.4 %); with the lower-case rules the
    eighteenth set's misses asked for (phi_lower.py): 1,704 (97.4 %)."""
    result = measure(SIXTEENTH)
    assert result.found >= 1704, [m.text for m in result.misses]


def test_the_seventeenth_held_out_set_is_big_and_varied_enough() -> None:
    """40 cases written blind to the finder (the author read only the format note) in some 30 languages and
    39 countries, and committed before the finder was run on it. Measured once, untuned, on the finder with
    the recogniser trained on the sixteen sets before it: 1,469 of 1,617 identifiers (90.8 %, 229 hints on
    text not marked), short of the 98 % target (institutions 293 of 358: insurers', unions' and employers'
    acronyms; names 229 of 265; dates 195 of 211)."""
    cases, marked = load_corpus(SEVENTEENTH)
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (40, 1617, 13)


def test_the_seventeenth_set_is_found_at_least_as_well_as_at_its_first_run() -> None:
    """Measured once, untuned (README), on the finder with the recogniser trained on the sixteen sets before
    it and the rules chosen by the sixteenth set's misses: 1,469 of 1,617 identifiers (90.8 %, 229 hints on
    text not marked), short of the 98 % target; 1,479 (91.5 %) once the measure kept more titles out of the
    names (Czech "doc.", Polish "pani", Spanish "doña", Italian "dott.ssa" and "Sig.", Portuguese "Dr.ª",
    Arabic "د."). The set's author marked named feast days as dates ("Anzac Day", "Rosh Hashanah", "Lá
    Fhéile Bríde"): they are counted, as a feast day names a day of the year, finer than the year (unlike a
    weekday or a season, which mdtboard does not count), and the finder asks about them. Its author also
    marked national insurers and agencies as institutions (ZUS, NFZ, DWP, ACC, INAIL, Kela, Fonasa ...),
    which earlier sets left unmarked and the finder leaves by design (a whole country's scheme); they are
    counted, and are most of what is still missed. Then the rules its misses asked for (phi_cues.py: dates
    with the day in words, user names in logs, attendance lists, record labels, phone extensions, street forms
    of other scripts, acronyms beside claim, union and affiliation words): 1,581 (97.8 %); with the
    recogniser trained on every set including this one: 1,586 (98.1 %, 229 hints; 1,576, 97.5 %, with the
    titles of the first measure). The figure must not fall back."""
    result = measure(SEVENTEENTH)
    assert result.found >= 1586, [m.text for m in result.misses]


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


def test_the_rules_for_the_fourth_sets_misses_find_what_they_are_for() -> None:
    """One example of each general rule added for the fourth set's misses, in sentences of our own."""
    from datetime import date

    from mdtboard.domain.phi import HintKind, find_identifiers

    def found(text: str) -> set[tuple[HintKind, str]]:
        return {(h.kind, h.text) for h in find_identifiers("f", text, today=date(2024, 6, 1))}

    hints = found("Mora na Rua Augusta 200, 2.º Dto., 1100-053 Lisboa.")
    assert {(HintKind.ADDRESS, "Rua Augusta 200, 2.º Dto"), (HintKind.POSTCODE, "1100-053"),
            (HintKind.PLACE, "Lisboa")} <= hints
    assert (HintKind.ADDRESS, "ul. Długa 15/3") in found("Mieszka przy ul. Długa 15/3, 80-827 Gdańsk.")
    assert (HintKind.ADDRESS, "Storgatan 8") in found("Bor på Storgatan 8, 111 22 Stockholm.")
    assert (HintKind.ADDRESS, "Blk 45 Bedok North, #03-112") in found("Lives at Blk 45 Bedok North, #03-112.")
    assert (HintKind.INSTITUTION, "Ospedale Maggiore") in found("Ricoverata all'Ospedale Maggiore.")
    assert (HintKind.INSTITUTION, "Szpital Miejski") in found("Leczony w Szpital Miejski.")
    assert (HintKind.INSTITUTION, "UBS Vila Maria") in found("Acompanhada na UBS Vila Maria.")
    assert (HintKind.INSTITUTION, "Grace Fellowship") in found("Church: Grace Fellowship.")
    assert (HintKind.INSTITUTION, "RLH") in found("Seen at Royal London Hospital (RLH) in clinic.")
    assert (HintKind.NAME, "Paola") in found("Vive con la figlia Paola.")
    assert (HintKind.NAME, "Marek") in found("Mieszka z synem Markiem i wnuk Marek.")
    assert (HintKind.NAME, "Anna Weber") in found("Hausärztin: Dr. med. Anna Weber.")
    assert (HintKind.DATE, "3 IV 2023") in found("Upadek 3 IV 2023.")
    assert (HintKind.DATE, "am 12. März 2024") in found("Sturz am 12. März 2024.")
    assert (HintKind.DATE, "Oct '22") in found("Injection in Oct '22.")
    assert (HintKind.PLACE, "Rosario") in found("Contador en Rosario.")
    assert (HintKind.RECORD_NUMBER, "AB/2023/4411") in found("Hospital no. AB/2023/4411.")


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
        "Brief Pain Inventory, Pain Catastrophizing Scale, Tampa Scale of Kinesiophobia, STarT Back.",
        "Medial branch blocks at L4-L5, 80 % relief; pulsed RF to the suprascapular nerve 42 °C 240 s.",
    ]
    for text in clinical:
        assert find_identifiers("f", text, today=date(2024, 6, 1)) == (), text
    # German nouns are capitalised and mdtboard knows no German words: the safe-list catch asks about them
    # (questions only), never about the drug, the score or the dose
    german = find_identifiers(
        "f", "Schmerz NRS 6, Ibuprofen 400 mg bei Bedarf, Physiotherapie 2 x pro Woche.",
        today=date(2024, 6, 1))
    assert {(h.kind.value, h.sure) for h in german} <= {("name or place?", False)}
    assert not {h.text for h in german} & {"Schmerz", "NRS", "Ibuprofen", "Physiotherapie"}


def test_no_medicine_or_instrument_name_is_taken_for_an_identifier() -> None:
    """Every medicine name and brand mdtboard knows, in a dose line, and every instrument's name and full
    name, in a score line, get no hint."""
    import json
    import tomllib
    from datetime import date

    from mdtboard.domain.phi import find_identifiers
    from mdtboard.resources import resource

    table = tomllib.loads(resource("medicines", "medicines.toml").read_text(encoding="utf-8"))
    medicines = {name for entry in table["ingredient"].values()
                 for key in ("names", "brands", "transmucosal_brands") for name in entry.get(key, [])}
    instruments = json.loads(resource("instruments", "instrument-names.json").read_text(encoding="utf-8"))
    lines = [line for name in medicines for line in (f"Started {name} 50 mg twice daily; MME 30.",
                                                     f"{name} 10 mg at night since review.")]
    lines += [f"{name}: 24 at review." for entry in instruments["instruments"]
              for name in (entry["name"], entry["full_name"])]
    assert len(medicines) > 300
    taken = {}
    for line in lines:
        hits = [h.text for h in find_identifiers("f", line, today=date(2024, 6, 1))]
        if hits:
            taken[line] = hits
    assert taken == {}


def test_the_shipped_clinical_texts_keep_their_clinical_content() -> None:
    """On every text mdtboard ships (about 245,000 characters), no hint falls on a dose, a score or a
    medicine: what is found there is a name, a place or a date of the fictional cases, or one of the false
    positives the README counts (a capitalised phrase such as "CDC Clinical Practice Guideline")."""
    import re

    dose_or_score = re.compile(r"\d\s*(?:mg|mcg|g|mL|ml|µg|%|/10)\b|\b(?:MME|PHQ|GAD|PEG|NRS|ODI|BPI)\b")
    hints = clinical_hints()
    assert hints, "the shipped texts name fictional people and places"
    assert [h for h in hints if dose_or_score.search(h[4])] == []



def test_the_eighteenth_held_out_set_is_big_and_varied_enough() -> None:
    """40 cases written blind to the finder (the author read only the format note): English-speaking
    clinics' paperwork (dictation without capitals, record headers and footers with user names, pharmacy
    histories, solicitors' and insurers' letters, telehealth logs) and some 30 languages in 35 countries,
    committed before the finder was run on it."""
    cases, marked = load_corpus(EIGHTEENTH)
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (40, 1795, 13)


def test_the_eighteenth_set_is_found_at_least_as_well_as_at_its_first_run() -> None:
    """Measured once, untuned (README), on the finder with the recogniser trained on the seventeen sets
    before it and the rules chosen by the seventeenth set's misses: 1,643 of 1,795 identifiers (91.5 %, 217
    hints on text not marked), short of the 98 % target (names 362 of 412: dictated text without capitals,
    "mr hathersage", log-in names; institutions 336 of 392: "leeds general infirmary", acronyms of trusts and
    hospitals; postcodes 53 of 62: lower-case "ls18 4dh", Latvian "LV-1002", Luxembourg "L-1210"). With the
    recogniser trained on every set including this one: 1,704 (94.9 %, 195 hints). Then rules for what is
    written without capitals, chosen by its misses (phi_lower.py: lower-case postcodes, titles and names,
    streets, hospitals and practices, towns after "in"; user names after "run by"; postcodes with a country's
    prefix; a saint's hospital or a town's general after "at"): 1,724 (96.0 %, 195 hints). The figure must not
    fall back."""
    result = measure(EIGHTEENTH)
    assert result.found >= 1724, [m.text for m in result.misses]


def test_the_nineteenth_held_out_set_is_big_and_varied_enough() -> None:
    """40 cases written blind to the finder (the author read only the format note): 27 in English from
    clinics of 20 countries (referrals, letters, e-mail threads, messages, prescription-monitoring extracts,
    minutes, discharge summaries, insurers' letters, radiology reports) and 13 in other languages with their
    calendars, committed before the finder was run on it."""
    cases, marked = load_corpus(NINETEENTH)
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (40, 1788, 13)


def test_the_nineteenth_set_is_found_at_least_as_well_as_at_its_first_run() -> None:
    """Measured once, untuned (README), on the finder with the recogniser trained on the eighteen sets
    before it and the rules chosen by the eighteenth set's misses: 1,678 of 1,788 identifiers (93.8 %, 173
    hints on text not marked), 1,684 (94.2 %) with "Nurse", "Sister" and "Sir" kept out of the names as
    titles; short of the 98 % target (names 463 of 501: given names that are English words with no cue,
    user names with digits, names in Thai, Hebrew and Amharic script; institutions 253 of 306, 28 of the
    misses national insurers and agencies left by design). Then rules chosen by its misses (user names in
    brackets, a message's day and month, six-digit and Maltese postcodes, feast days): 1,702 (95.2 %); with
    the recogniser trained on every set including this one: 1,713 (95.8 %, 165 hints); with a given name
    opening a sentence before what a person does ("Faith described"): 1,716 (96.0 %). The figure must not
    fall back."""
    result = measure(NINETEENTH)
    assert result.found >= 1716, [m.text for m in result.misses]


def test_the_twentieth_held_out_set_is_big_and_varied_enough() -> None:
    """40 cases written blind to the finder (the author read only the format note): 24 in English, the
    paperwork of pain services in the USA, Canada, Australia, New Zealand, the UK, Ireland and eleven more
    countries; 16 short notes in 31 other languages and their scripts; committed before the finder was run
    on it."""
    cases, marked = load_corpus(TWENTIETH)
    assert (len(cases), len(marked), len({m.kind for m in marked})) == (40, 895, 13)


def test_the_twentieth_set_is_found_at_least_as_well_as_at_its_first_run() -> None:
    """Measured once, untuned (README), on the finder with the recogniser trained on the nineteen sets
    before it and the rules chosen by the nineteenth set's misses: 765 of 895 identifiers (85.5 %, 129 hints
    on text not marked; the English cases 90.0 %, the notes in other languages 74.4 %: names, towns and
    hospitals in Gurmukhi, Tamil, Sinhala, Burmese, Khmer and Lao script, dates in Basque, Catalan, Igbo,
    Hausa and isiZulu). Then rules chosen by its misses (a relative's lower-case given name, user names in a
    log's brackets, hospital-prefixed record numbers, licence numbers, a code after the town): 778 (86.9 %);
    with the recogniser trained on every set including this one: 815 (91.1 %, 124 hints). The figure must
    not fall back."""
    result = measure(TWENTIETH)
    assert result.found >= 815, [m.text for m in result.misses]
