"""People named by initials in minutes and care logs, relatives whose names are also known words, and
vehicles' plates (domain/phi_staff.py), in sentences of our own (none taken from a test set)."""

from __future__ import annotations

from datetime import date

import pytest

from mdtboard.domain.phi import HintKind, find_identifiers


def hints(text: str) -> set[tuple[HintKind, str, bool]]:
    return {(h.kind, h.text, h.sure) for h in find_identifiers("f", text, today=date(2024, 6, 1))}


@pytest.mark.parametrize(("text", "initials"), [
    ("Present: GMcK (chair), TW, LB (minutes)\nApologies: RS", {"GMcK", "TW", "LB", "RS"}),
    ("Anwesend: KH, MB\nTOP 1: Schmerzplan", {"KH", "MB"}),
    ("09:30 DM - resident settled after breakfast\n14:05 JdB: refused lunch", {"DM", "JdB"}),
    ("Actions:\n- TW to write to the GP\n- KH and LB to phone the daughter", {"TW", "KH", "LB"}),
    ("Physiotherapy (JN): graded walking.\nOrthopaedics (SL, ANMC): no surgery.", {"JN", "SL"}),
    ("Called the pharmacy about the patch. — AB\n2. SH — book the interpreter", {"AB", "SH"}),
    ("She attended RM's clinic; SH felt she was low and AJ reported good sleep.", {"RM", "SH", "AJ"}),
    ("Block booked for the 8th; anticoagulation held. GMcK\n10/11 08:15 Clinic (DW): yes, it is done.",
     {"GMcK", "DW"}),
])
def test_staff_initials_in_minutes_and_logs_are_found(text: str, initials: set[str]) -> None:
    found = {t for kind, t, _sure in hints(text) if kind is HintKind.NAME}
    assert initials <= found, found


def test_roles_and_clinical_abbreviations_are_not_initials() -> None:
    assert not {h for h in hints("Present: PT, OT, GP, psychology\n- CT to be repeated in March\n"
                                 "10:15 RN - obs done\nMRI reported a disc bulge; the UK's guidance; "
                                 "NICE recommends it.") if h[0] is HintKind.NAME}


def test_an_age_over_89_said_after_a_name_or_a_relation() -> None:
    assert (HintKind.AGE_OVER_89, "97", True) in hints("Her sister Megan is 97 and lives alone.")
    assert (HintKind.AGE_OVER_89, "93", True) in hints("She visits; her mother is 93.")
    assert not {h for h in hints("Sats is 97 on air; this is 95 % of the dose.")
                if h[0] is HintKind.AGE_OVER_89}


def test_a_relatives_name_that_is_also_a_known_word_is_asked_about() -> None:
    assert (HintKind.NAME, "Esi", False) in hints("Her daughter Esi (a nurse) phones daily.")
    assert (HintKind.NAME, "Esi", False) in hints("Tel: 0244 118 220 (daughter Esi)")
    # a title after the relation is not a name, nor a word too common to be one
    text = "His wife Mrs Duffy came; the mother Is unwell; her son Will see."
    assert not {h for h in hints(text) if h[1] in ("Mrs", "Is", "Will")}


@pytest.mark.parametrize(("text", "plate"), [
    ("Drives an adapted car (plate KXR-5521) to work.", "KXR-5521"),
    ("Fährt selbst (Kennzeichen M-KL 4410).", "M-KL 4410"),
    ("Registration no. AB12 CDE, blue badge holder.", "AB12 CDE"),
])
def test_a_vehicles_plate_is_a_record_number(text: str, plate: str) -> None:
    assert (HintKind.RECORD_NUMBER, plate, True) in hints(text)


def test_a_plate_needs_letters_and_figures() -> None:
    assert not {h for h in hints("Plate fixation of the radius; plate glass door.")
                if h[0] is HintKind.RECORD_NUMBER}
