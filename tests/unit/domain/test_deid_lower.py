"""Identifiers written without capitals (phi_lower.py), in sentences of our own: letters typed by voice
recognition keep no capitals, so each rule needs a strong cue beside the lower-case words (a postcode's
shape, a title, a house number and a street's kind, a hospital's or a practice's kind, "in" before a town
of the gazetteer, a log's "printed by"); and lower-case clinical words stay free of hints."""

from __future__ import annotations

from deid_probe import covered, kinds

from mdtboard.domain.phi import HintKind, find_identifiers


def test_a_lower_case_uk_postcode_and_the_town_before_it_are_found() -> None:
    text = "cc patient, 31 ashgrove lane, kirkstall ls5 3bq\nseen today"
    assert covered(text, "ls5 3bq") and covered(text, "kirkstall")
    assert covered("address on file: flat 2, m14 5rt, please update", "m14 5rt")
    assert covered("returned to sw1a 2aa after the clinic", "sw1a 2aa")


def test_spine_levels_and_ordinals_are_no_postcode() -> None:
    assert HintKind.POSTCODE not in kinds("mri shows c5 6th root compression and l4 5 disc bulge")


def test_a_postcode_with_its_country_prefix_is_found() -> None:
    assert covered("Klinik am See, Seestrasse 4, D-78462 Konstanz, Tel.", "D-78462")
    assert covered("Vilniaus klinikos, Vilnius, LT-08661 – 2026", "LT-08661")
    assert covered("Hôpital, 12 route de Thionville, L-2610 Luxembourg", "L-2610")


def test_a_lower_case_title_and_name_are_a_name() -> None:
    assert covered("she was operated on by mr pennycook in 2018", "pennycook")
    assert covered("cc mrs j aldous, her daughter", "j aldous")
    assert covered("letter to dr r mcquarrie about the plan", "r mcquarrie")


def test_a_lower_case_title_before_a_clinical_word_is_no_name() -> None:
    assert HintKind.NAME not in kinds("mr scan of the knee was normal; ms symptoms stable; dr advised rest")


def test_a_lower_case_street_address_is_found() -> None:
    assert covered("lives at 7 tolpuddle rise with her son", "7 tolpuddle rise")
    assert covered("new address 22 ashgrove lane from monday", "22 ashgrove lane")


def test_a_walk_up_a_hill_is_no_address() -> None:
    assert HintKind.ADDRESS not in kinds("she can walk 2 miles up the hill and 3 flights of stairs")


def test_a_lower_case_hospital_or_practice_is_found() -> None:
    assert covered("her son works at airedale general infirmary as a porter", "airedale general infirmary")
    assert covered("registered with the beeches medical practice since 2001", "the beeches medical practice")
    assert covered("was admitted to pinderfields hospital overnight", "pinderfields hospital")


def test_a_kind_of_hospital_in_lower_case_is_no_institution() -> None:
    assert HintKind.INSTITUTION not in kinds("admitted to the local hospital, then a psychiatric hospital")
    assert HintKind.INSTITUTION not in kinds("Anak kerja di kilang, selalu hantar ke hospital.")


def test_a_lower_case_town_after_in_or_from_is_a_place() -> None:
    assert covered("she moved from bradford last year and now lives in wakefield", "bradford")
    assert covered("she moved from bradford last year and now lives in wakefield", "wakefield")


def test_a_town_named_by_a_word_of_another_language_or_a_common_word_is_no_place() -> None:
    assert HintKind.PLACE not in kinds("Werkt halftijds in haar zaak; blocco in sala operatoria.")
    assert HintKind.PLACE not in kinds("she swims twice a week in bath and in reading groups")


def test_a_user_name_in_a_log_is_a_name() -> None:
    assert covered("Report run by dmcallister 02/03/2026 10:14", "dmcallister")
    assert covered("Booked by tpatel2 on 4/5/26", "tpatel2")
    assert covered("Amended 4/5/26 by s.okafor_rn (ward 12)", "s.okafor_rn")
    assert covered("Vytlačil: jnovakova 12.3.2026", "jnovakova")
    assert HintKind.NAME not in kinds("sent by mail.clinicname.example.org on request")


def test_a_system_user_as_surname_initial_and_title_is_a_name() -> None:
    text = "Entered on 12/03/2026 by Penrose H (Dr) – EMIS Web"
    assert [h.text for h in find_identifiers("f", text) if h.kind is HintKind.NAME] == ["Penrose H"]


def test_a_saints_hospital_or_a_towns_general_in_lower_case_is_an_institution() -> None:
    assert covered("the stimulator trial would be done at st luke's by a colleague", "st luke's")
    assert covered("she was seen at bristol general last year", "bristol general")
    text = "in general she copes; tried st johns wort; at this general level"
    assert HintKind.INSTITUTION not in kinds(text)


def test_a_user_name_with_digits_in_brackets_and_one_ending_a_sentence_is_a_name() -> None:
    assert covered("Dictated: 19/02/2023   Typed: 14 August 2020 (bhale43)\nPatient:", "bhale43")
    assert covered("Jan 25, 2022 09:02 clinic (lgoldber99): Hi, moved you to Tuesday", "lgoldber99")
    assert covered("Seen at the clinic, portal login jvdheide.", "jvdheide")
    # a word with a number in brackets is no user name
    assert HintKind.NAME not in kinds("Swab positive (covid19) last week; saturation (spo2) 94 %.")


def test_a_relatives_given_name_in_lower_case_and_a_user_name_in_a_logs_brackets_are_names() -> None:
    text = "works part time at greggs. husband dave. daughter lou at Leeds Beckett."
    assert covered(text, "dave") and covered(text, "lou")
    assert covered("his son kofi can be reached on 024 555 0138", "kofi")
    assert covered("2024-04-02 09:14 clinic (sokwuosa): moved you to Tuesday", "sokwuosa")
    assert covered("DN visit log (sokwuosa), community nursing team", "sokwuosa")
    assert covered("Rx History Report  Requestor: mshadduck  DEA on file", "mshadduck")
    # a common word after a relation, a word of another language after "son", a label in brackets: no name
    assert HintKind.NAME not in kinds("wife may come; son will drive. Elle vit avec son conjoint.")
    assert HintKind.NAME not in kinds("Contact (e-mail): on file. Sats (spo2): 94.")
