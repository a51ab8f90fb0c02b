"""The general mechanisms added after the ninth set's misses, each in sentences of our own (none copied from
the sets): capitals read as titles, names and ages by their shape, institution kinds and letterheads,
nicknames, lower-case and login names, medicine names as safe words, and fewer false names."""

from __future__ import annotations

from datetime import date

from deid_probe import covered

from mdtboard.domain.phi import HintKind, find_identifiers
from mdtboard.domain.phi_capitals import capital_runs, titled_copy
from mdtboard.domain.phi_safelist import drug_names, safe_words, unknown_spans

TODAY = date(2024, 6, 1)


def names(text: str) -> list[str]:
    return [h.text for h in find_identifiers("f", text, today=TODAY) if h.kind is HintKind.NAME]


def kinds(text: str) -> set[HintKind]:
    return {h.kind for h in find_identifiers("f", text, today=TODAY)}


def found(text: str) -> set[tuple[HintKind, str]]:
    return {(h.kind, h.text) for h in find_identifiers("f", text, today=TODAY)}


def test_a_run_of_capitals_is_read_as_a_title_of_the_same_length() -> None:
    text = "BRAMBLEFORD COMMUNITY HOSPITAL – Pain Team\nSeen today."
    copy, runs = titled_copy(text) or ("", [])
    assert len(copy) == len(text) and copy.startswith("Brambleford Community Hospital – Pain Team")
    assert copy.endswith("\x00" * len("Seen today."))  # a line without capitals is blanked
    assert runs == [(0, 30)]
    assert titled_copy("Seen today, no change.") is None
    assert capital_runs("ALL OF IT IN CAPITALS") == []  # a text all in capitals has no letterhead


def test_institutions_and_names_in_capitals_are_found() -> None:
    assert (HintKind.INSTITUTION, "BRAMBLEFORD COMMUNITY HOSPITAL") in found(
        "BRAMBLEFORD COMMUNITY HOSPITAL – Department of Anaesthesia\nDear colleague,")
    assert covered("QUILLSBY & FARNE ASSOCIATES, LLC\n17 Orchard Way", "QUILLSBY & FARNE ASSOCIATES, LLC")
    assert covered("HOLLOWAY HARDWARE LTD – staff health\nSeen.", "HOLLOWAY HARDWARE LTD")


def test_names_that_are_english_words_are_found_by_their_shape() -> None:
    text = "Ms Bishop came alone; Mr. Young drove her. Letter copied to H. Ward and to Simon R. Hope."
    assert covered(text, "Bishop") and covered(text, "Young") and covered(text, "H. Ward")
    assert covered(text, "Simon R. Hope")
    clinic = ("07:45 WARD, GRACE L.     02/03/1950\n08:15 young, peter          11/12/1961\n"
              "09:00 Hope, Abigail   new")
    for name in ("WARD, GRACE L", "young, peter", "Hope, Abigail"):
        assert covered(clinic, name), name
    assert (HintKind.NAME, "Tessa Ward") in found("Plan discussed with Tessa Ward by phone.")
    # right and left are not initials of a surname; a bibliographic reference has no patient
    assert not names("Pain in the R. Shoulder.")
    assert not found("Lyman S, Lee J. Spine 2001;26:1-5.")


def test_ages_over_89_told_of_someone_are_found() -> None:
    for text, age in (("Her aunt, who is 97, lives nearby.", "97"), ("His father lived to 102.", "102"),
                      ("Husband Walter, 91, is her carer.", "91"), ("Mrs Pike is 95 and still walks.", "95"),
                      ("She turned 93 in May.", "93")):
        assert (HintKind.AGE_OVER_89, age) in found(text), text
    assert HintKind.AGE_OVER_89 not in kinds("Pulse is 96 and SpO2 who is 94% on air.")


def test_institution_kinds_numbers_and_letterheads() -> None:
    assert covered("Collected from Hartwell Pharmacy #0217 on Friday.", "Hartwell Pharmacy #0217")
    assert covered("Scripts filled at Fenwoods #881, nearby.", "Fenwoods #881")
    assert covered("He drives for Calder Valley Drug & Alcohol Service.",
                   "Calder Valley Drug & Alcohol Service")
    assert covered("She worked at Pennock Quarry Mine No. 3 for years.", "Pennock Quarry Mine No. 3")
    assert covered("A hearing at the 114th Judicial District Court is due.", "114th Judicial District Court")
    assert covered("Referred to Ashgrove Physical Therapy.", "Ashgrove Physical Therapy")
    assert HintKind.INSTITUTION not in kinds("Using Tylenol #3 at night. Room #4 is quiet.")
    block = "Dr Colm Tierney\nMillbrook Family Practice\n22 Station Road\nKilrush"
    assert covered(block, "Millbrook Family Practice")
    assert covered("Post to P.O. Box GP 2211, Accra-North.", "P.O. Box GP 2211")
    assert covered("Mailing: RR #3, Site 22, Comp 7, Tatamagouche", "RR #3, Site 22, Comp 7")
    head = "HEATHERSIDE LODGE – Frail Care\n9 Mill Lane, Oakby"
    assert covered(head, "HEATHERSIDE LODGE")


def test_nicknames_lower_case_and_login_names() -> None:
    assert covered('Patient: Mrs Philippa (Pippa) Granger   DOB', "Pippa")
    assert covered('10:00 GRANGER, PHILIPPA "PIPPA"   01/01/1960', "PIPPA")
    assert "POA" not in names("Son Tom Granger (POA) visits.")
    assert covered("Lives with son roland petrie (carer).", "roland petrie")
    assert not names("Her son will come later.")
    assert covered("Report printed by mgranger at 10:02.", "mgranger")
    assert covered("Name: Isobel Hartley\nKnown as: Izzy", "Izzy")


def test_medicine_names_are_safe_words_for_the_catch() -> None:
    assert {"tylenol", "entonox", "lyrica"} <= drug_names() <= safe_words()
    assert not {"grace", "jordan", "paris"} & drug_names()  # names and towns are left out of the list
    assert unknown_spans("Continued on Lyrica and Entonox for dressings.") == []


def test_false_names_are_not_given() -> None:
    text = "Seen by Dr P. Okonjo\nContinue Lyrica as before."
    assert not any("Continue" in h.text for h in find_identifiers("f", text, today=TODAY))
    assert not any(h.text == "Married" for h in find_identifiers(
        "f", "Married, wife Dana works nights.", today=TODAY))
    assert (HintKind.DATE, "Wo 12/11/2025") in found("Notes\nWo 12/11/2025 – settled night")
