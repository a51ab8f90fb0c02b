"""General mechanisms for text nobody has tuned on, in sentences of our own: people's names with no cue
before them, found by the given-name, surname and English-word lists (phi_people.py); dates written loosely
(phi_calendar.py); what stands after an address or a patient label (phi_labels.py)."""

from __future__ import annotations

import re
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


def found(text: str) -> set[tuple[HintKind, str]]:
    return {(h.kind, h.text) for h in find_identifiers("f", text, today=date(2024, 6, 1))}


def test_dates_written_loosely_month_and_year_month_alone_day_and_month() -> None:
    assert (HintKind.DATE, "März 2025") in found("Stationär im März 2025, seither besser.")
    assert (HintKind.DATE, "feb/2024") in found("De baixa desde feb/2024 por lombalgia.")
    assert (HintKind.DATE, "agosto del 2023") in found("Operada en agosto del 2023 sin mejoría.")
    assert (HintKind.DATE, "Nov") in found("Two falls in Nov, none since.")
    assert (HintKind.DATE, "diciembre") in found("Ingresó en diciembre por dolor.")
    assert (HintKind.DATE, "14 ene.") in found("Cita tentativa 14 ene.")
    assert (HintKind.DATE, "am 24.10.") in found("Wir sahen sie am 24.10. erneut.")
    assert (HintKind.DATE, "10/3") in found("Bloods sent 10/3 to the lab.")
    assert (HintKind.DATE, "21st") in found("Fever settled by 21st. Home.")


def test_fractions_scores_and_readings_are_not_dates() -> None:
    for text in ("Power 4/5 in the left leg; vision 6/9; took 1/2 tablet; pain 3/10.",
                 "HbA1c 8.9. Dose 2.5. Ratio 3/2 on review; 5/5 power.",
                 "Out of 2 sets, she got 3 ago. We may set 10 goals."):
        assert {h for h in found(text) if h[0] is HintKind.DATE} == set(), text


def test_what_stands_after_an_address_or_a_patient_label() -> None:
    assert (HintKind.ADDRESS, "Kwiatowa 7 m. 3") in found("Adres: Kwiatowa 7 m. 3\nRozpoznanie: ból krzyża")
    assert (HintKind.ADDRESS, "Vinohradská 112") in found("Bydliště: Vinohradská 112 – bolest zad")
    hints = found("Address: Lot 44 Section 9, Umlazi; phone none")
    assert (HintKind.ADDRESS, "Lot 44 Section 9") in hints and (HintKind.PLACE, "Umlazi") in hints
    assert (HintKind.NAME, "Ilse Margarethe Vogt") in found("Patientin: Ilse Margarethe Vogt, geb. 1950")
    assert {h for h in found("PT: TUG 24 s, walker.") if h[0] is HintKind.NAME} == set()


def test_names_beside_an_email_capitalised_particles_and_a_given_name_that_is_a_word() -> None:
    hints = names("Adjuster: Bill Szczepanik, bill.szczepanik@example.com, and Ingrid De Wilde.")
    assert {"Bill Szczepanik": True, "Ingrid De Wilde": True}.items() <= hints.items()
    assert names("Sent by e-mail, thanks, Lorna") == {"Lorna": False}


def test_a_short_weekday_before_a_date_and_a_time_after_it_are_not_a_phone() -> None:
    assert (HintKind.DATE, "Thu 19/11") in found("Ward round Thu 19/11 0930 with the team.")


def test_a_street_named_without_a_number_an_age_in_brackets_and_a_number_with_its_check_character() -> None:
    assert (HintKind.ADDRESS, "Larchfield Road") in found("Practice moved to Larchfield Road, near the park.")
    assert (HintKind.ADDRESS, "W. 44th St") in found("Rents a room on W. 44th St with a friend.")
    assert {h for h in found("Seen in the Pain Clinic. Back Lane and Main Road are words too.")
            if h[0] is HintKind.ADDRESS} == set()
    assert (HintKind.AGE_OVER_89, "96") in found("Cares for her grandmother (96) at home.")
    assert (HintKind.AGE_OVER_89, "92") in found("Lives with Ahmad Rahimi ('Baba', 92) and his wife.")
    assert {h for h in found("SpO2 (95) on air; ODI (92).") if h[0] is HintKind.AGE_OVER_89} == set()
    assert (HintKind.RECORD_NUMBER, "Z683365(5)") in found("Copy of Z683365(5) on file.")
    assert (HintKind.AGE_OVER_89, "94 sui") in found("Her mother, 94 sui, lives alone.")


def test_a_name_found_only_as_a_question_stays_a_question_in_the_other_texts_of_the_case() -> None:
    from mdtboard.domain.case import Case, Patient
    from mdtboard.domain.deidentify import case_hints, people_names

    case = Case(ref="RC-1", fictional=False, patient=Patient(display_name="Ingrid Vogt"), title="Back pain",
                one_liner="Chronic back pain.", question_for_team="Next step?",
                pain_history="Spoke on the phone; thanks again, Bernadette",
                psychosocial="Walks daily and Bernadette phones most days.")
    assert "Bernadette" not in people_names(case, date(2024, 6, 1))
    hints = case_hints(case, date(2024, 6, 1))
    names_there = [(h.text, h.sure) for h in hints["psychosocial"] if h.kind is HintKind.NAME]
    assert names_there == [("Bernadette", False)]


def test_the_initials_of_people_named_in_the_case_are_names_too_but_not_abbreviations_or_words() -> None:
    """Minutes sign actions with initials: those of a person named anywhere in the case are found, wherever
    they stand; a clinical abbreviation ("OA", "MS") or a common word in capitals ("GO", "DO") is not, even
    when a person of the case has those initials."""
    from mdtboard.domain.case import Case, Discipline, DisciplineInput, Patient
    from mdtboard.domain.deidentify import case_hints
    from mdtboard.domain.phi_names import initials_of

    assert initials_of("Dr Ilse Marguerite Vandersteen") == {"IMV", "IV"}
    assert initials_of("Tomasz") == set() and initials_of("van der Berg") == set()
    case = Case(
        ref="MIN-1", fictional=False, patient=Patient("Oksana Mykhailenko"),
        pain_history=(
            "Present: Fergal Quinlan (physio), Grainne Ostrowska (psychology), Dr Otto Afolabi.\n"
            "Actions: FQ to book hydrotherapy; GO to see her in 2 weeks. Knee OA on the left.\n"
            "DO NOT send letters to the old address. MS excluded."
        ),
        discipline_inputs=[DisciplineInput(Discipline.PHYSICIAN, author="Dr Mark Shawcross",
                                           assessment="Seen with FQ; OM prefers morning slots.")],
    )
    hints = case_hints(case, date(2024, 6, 1))
    found = {(where, h.text) for where, got in hints.items() for h in got if h.kind is HintKind.NAME}
    assert ("pain_history", "FQ") in found  # Fergal Quinlan
    assessment = "discipline_inputs[0].assessment"
    assert (assessment, "FQ") in found and (assessment, "OM") in found  # and Oksana Mykhailenko
    # "GO" is Grainne Ostrowska's but a common word; "OA" Otto Afolabi's but an abbreviation; "MS" Mark
    # Shawcross's but an abbreviation; "DO" nobody's
    assert not {t for w, t in found if t in {"GO", "OA", "MS", "DO"}}


def test_a_weekday_and_the_day_alone_is_a_date() -> None:
    def dates(text: str) -> list[str]:
        hints = find_identifiers("f", text, today=date(2024, 6, 1))
        return [h.text for h in hints if h.kind is HintKind.DATE]

    assert dates("Hydrotherapy moved to Tues 10th; psychology Thursday the 4th.") == [
        "Tues 10th", "Thursday the 4th"]
    # with the time of day, which is part of the date
    assert dates("Clinic Mon 12/10 at 2pm, then mardi 12/10 à 14h.") == [
        "Mon 12/10 at 2pm", "mardi 12/10 à 14h"]
    # a score is not a date, nor a number of visits, nor an English name before an ordinal
    assert dates("Pain 7/10 on Monday; Mon 3 visits; Sam 10th birthday party.") == []


def test_initials_are_replaced_by_the_initials_of_the_same_persons_pseudonym() -> None:
    from mdtboard.domain.case import Case, Patient
    from mdtboard.domain.deidentify import make_teaching_case

    case = Case(
        ref="MIN-2", fictional=False, patient=Patient("Oksana Mykhailenko"),
        psychosocial=(
            "Present: Fergal Quinlan (physio). Actions: FQ to book hydrotherapy; OM prefers mornings."
        ),
    )
    text = make_teaching_case(case, seed="initials", today=date(2024, 6, 1)).case.psychosocial or ""
    physio = re.search(r"Present: (\w+) (\w+) \(physio\)", text)
    assert physio is not None and "Fergal" not in text and "FQ" not in text, text
    initials = physio.group(1)[0] + physio.group(2)[0]
    assert f"Actions: {initials} to book hydrotherapy" in text, text


def test_initials_of_nobody_named_become_other_initials_one_per_person() -> None:
    """Staff listed by initials alone ("Present: GMcK, TW, LB") are asked about; each proposal is a pair of
    initials, the same for the same person everywhere and different for different people, never a name,
    never capitals the case writes."""
    from mdtboard.domain.case import Case, Patient
    from mdtboard.domain.deidentify import make_teaching_case, replace_hint

    case = Case(
        ref="MIN-3", fictional=False, patient=Patient("Oksana Mykhailenko"),
        psychosocial="Present: GMcK (chair), TW, LB (minutes)\n- TW to write to the GP\n09:30 DM - settled.",
    )
    draft = make_teaching_case(case, seed="staff", today=date(2024, 6, 1))
    checklist = draft.checklist
    asked = {h.text for item in checklist.items for h in item.hints if h.open}
    assert {"GMcK", "TW", "LB", "DM"} <= asked
    for initials in ("GMcK", "TW", "LB", "DM"):
        draft, checklist = replace_hint(draft, checklist, initials, today=date(2024, 6, 1))
    text = draft.case.psychosocial or ""
    listed = re.match(r"Present: ([A-Z]{2}) \(chair\), ([A-Z]{2}), ([A-Z]{2}) \(minutes\)\n"
                      r"- ([A-Z]{2}) to write to the GP\n09:30 ([A-Z]{2}) - settled\.", text)
    assert listed is not None, text
    chair, tw, lb, tw_again, dm = listed.groups()
    assert tw == tw_again and len({chair, tw, lb, dm}) == 4
    assert not {chair, tw, lb, dm} & {"GM", "TW", "LB", "DM", "GP", "OM"}
