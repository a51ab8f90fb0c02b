"""General mechanisms, in sentences of our own: a day and a month without a year made a date by what stands
around them (a time, another date, the end of a line), months of other languages after their own "in";
the time and the weekday after a date; initials and names signing a note (in the Latin and the Greek
alphabets); names after titles of scripts that write no capitals; a Kikuyu patronymic; institutions
by their kind in the cases of Polish, Czech, Finnish and Swedish, by the town after them, by an acronym
beside a department, a job or a postposition, and by "ex-" or "retired from"; the letters written onto a
record number."""

from __future__ import annotations

from datetime import date

from deid_probe import covered, hints

from mdtboard.domain.phi import HintKind, find_identifiers

# ---------------------------------------------------------------------------------------------- dates

def test_a_day_and_a_month_with_a_time_after_them_is_a_date_with_its_time() -> None:
    assert hints("Night log:\n03/12 22:40 - restless, repositioned.", HintKind.DATE) == ["03/12 22:40"]
    assert hints("Rebooked for 27/09 @ 1415, transport arranged.", HintKind.DATE) == ["27/09 @ 1415"]
    assert hints("Left voicemail 10/04 8:15p re results.", HintKind.DATE) == ["10/04 8:15p"]
    assert hints("Follow-up Dec 3 @ 2:45pm with bloods.", HintKind.DATE) == ["Dec 3 @ 2:45pm"]
    # a score with a time is no date
    assert hints("NRS 4/10 10:30 after the dose.", HintKind.DATE) == []


def test_days_and_months_in_a_list_with_an_unambiguous_one_are_dates() -> None:
    assert hints("Near-falls at home (4/10, 19/10) at night.", HintKind.DATE) == ["4/10", "19/10"]


def test_a_day_and_a_month_ending_a_line_after_an_acronym_is_a_date_question() -> None:
    text = "Booked for repeat PRP 6/11. Consent done."
    found = [h for h in find_identifiers("f", text, today=date(2024, 6, 1)) if h.kind is HintKind.DATE]
    assert [(h.text, h.sure) for h in found] == [("6/11", False)]
    assert hints("Agreed plan. TKH 3/12", HintKind.DATE) == ["3/12"]
    # a score after its name, a power grade and a week count stay readings
    assert hints("Mood PHQ-9 4/11\nPower MRC 4/5\nRecheck in 2/52. HADS 11/9", HintKind.DATE) == []


def test_the_time_and_weekday_after_a_date_in_other_languages_are_part_of_it() -> None:
    assert covered("Kontrol: 4 Aralık 2024 Pazartesi saat 14:20, poliklinik.",
                   "4 Aralık 2024 Pazartesi saat 14:20")
    assert covered("Prochain rendez-vous : jeudi le 5 décembre à 9 h 15.", "jeudi le 5 décembre à 9 h 15")
    assert covered("Kontroll: december 3., kedd. Otthon.", "december 3., kedd")
    assert covered("Data przyjęcia: 02.12.2024 r.\nRozpoznanie", "02.12.2024 r.")


def test_the_month_and_day_of_japanese_and_chinese_without_a_year_is_a_date() -> None:
    assert covered("予約 12月3日(火) 14:00 外来。", "12月3日(火) 14:00")


def test_a_month_of_another_language_after_its_own_in_or_in_a_list_of_months() -> None:
    assert hints("Ból nasilił się w lutym, potem ustąpił.", HintKind.DATE) == ["lutym"]
    assert hints("Hon har haft ont sedan mars i år.", HintKind.DATE) == ["mars"]
    assert set(hints("Infiltrations (mai, juin) sans effet.", HintKind.DATE)) == {"mai", "juin"}
    assert hints("A Mars bar after the walk.", HintKind.DATE) == []


# ---------------------------------------------------------------------------------------------- names

def test_initials_and_names_signing_a_note_are_names() -> None:
    assert "TW" in hints("Plan to review after the block. TW", HintKind.NAME)  # "TW" also a clinical word
    assert "GK" in hints("Referral faxed to 020 7946 0011. GK RN", HintKind.NAME)
    assert "TQ" in hints("Fentanyl patch changed - TQ\nSettled.", HintKind.NAME)
    assert hints("Fentanyl patch changed - CT\nSettled.", HintKind.NAME) == []  # an abbreviation there
    actions = "Actions: 1. DW to call the GP. 2. KMcG to book bloods."
    assert {"DW", "KMcG"} <= set(hints(actions, HintKind.NAME))
    assert "HJ" in hints("Rang 09:10 - HJ: wants an earlier slot.", HintKind.NAME)
    assert "DW" in hints("DW summarised the history.", HintKind.NAME)
    assert covered("Will arrange a scan. R Okonkwo", "R Okonkwo")
    assert covered("Agreed with daughter. Siew L\n12/03 call", "Siew L")
    assert covered("Home exercise sheet given. Tan K.L.", "Tan K.L.")
    assert covered("Επανεξέταση σε δύο εβδομάδες. Π. Αλεξίου", "Π. Αλεξίου")
    assert covered("Συνέχιση αγωγής. Κ.Δ.", "Κ.Δ.")
    # a vitamin, a hepatitis, a plan and a ward closing a sentence are no names
    closing = "Low bone density. Vitamin D\nPast history. Hepatitis B\nSee above. Plan B"
    assert hints(closing, HintKind.NAME) == []


def test_a_name_after_a_greek_or_an_indic_title_is_a_name() -> None:
    def sure_names(text: str) -> list[str]:
        return [h.text for h in find_identifiers("f", text, today=date(2024, 6, 1))
                if h.kind is HintKind.NAME and h.sure]

    assert sure_names("Ακτινογραφία θώρακος: χωρίς ευρήματα. Δρ. Γ. Μαυρίδης") == ["Γ. Μαυρίδης"]
    assert sure_names("मरीज़ श्रीमती सुनीता शर्मा, उम्र 64 वर्ष") == ["सुनीता शर्मा"]
    assert sure_names("AIIMS में डॉ. वर्मा ने जांच की।") == ["वर्मा"]  # up to the postposition


def test_a_kikuyu_patronymic_joins_the_name() -> None:
    assert covered("Baba yake Mwangi wa Kariuki anaishi Thika.", "Mwangi wa Kariuki")
    # a credential or a title after a name stays outside it, as a title before it does
    assert "Corinne Batiste" in hints("Manual therapy with Corinne Batiste, PT, DPT weekly.", HintKind.NAME)


# ---------------------------------------------------------------------------------------- institutions

def test_hospitals_named_in_the_cases_of_polish_czech_finnish_and_swedish() -> None:
    assert covered("Operowany w Szpitalu im. Kopernika w 2019 r.", "Szpitalu im. Kopernika")
    assert covered("Leczona w Szpital Wojewódzki w Opolu od lat.", "Szpital Wojewódzki w Opolu")
    assert covered("Operace v Krajské nemocnici v Liberci proběhla.", "Krajské nemocnici v Liberci")
    assert covered("Hän on sihteerinä Mikkelin keskussairaalassa.", "Mikkelin keskussairaalassa")
    assert covered("Oulun yliopistollinen sairaala, kipupoliklinikka", "Oulun yliopistollinen sairaala")
    assert covered("Arbetade som vaktmästare på Bodens skola.", "Bodens skola")


def test_an_acronym_beside_a_department_a_job_or_a_postposition_is_an_institution_question() -> None:
    assert "RVH" in hints("Physiotherapy RVH x6, then home programme.", HintKind.INSTITUTION)
    assert "NWFS" in hints("Her brother is an NWFS officer.", HintKind.INSTITUTION)
    assert "ZMOH" in hints("Supplied through the ZMOH programme.", HintKind.INSTITUTION)
    assert "PGIMER" in hints("PGIMER में ऑपरेशन हुआ था।", HintKind.INSTITUTION)
    assert "ZPMV" in hints("Úraz v ZPMV garáži, pojišťovna OZP.", HintKind.INSTITUTION)
    assert "OZP" in hints("Úraz v ZPMV garáži, pojišťovna OZP.", HintKind.INSTITUTION)
    # clinical acronyms beside the same words are not
    clinical = "Physiotherapy TENS trial; an NHS employee; the GMI programme; MRI में"
    assert hints(clinical, HintKind.INSTITUTION) == []


def test_an_employer_after_ex_or_retired_from_is_an_institution() -> None:
    assert "Norsk Hydro" in hints("Jubilado de Norsk Hydro desde 2015.", HintKind.INSTITUTION)
    retired = "He retired from Burlington Northern in 2010."
    assert "Burlington Northern" in hints(retired, HintKind.INSTITUTION)
    assert covered("Ex-Alcoa haul truck driver, now retired.", "Alcoa")


# ------------------------------------------------------------------------------------------- numbers

def test_the_letters_written_onto_a_record_number_belong_to_it() -> None:
    assert covered("Kate Moss OT, licence K-44719", "K-44719")
    assert covered("Signed, D. Roy, ordre 7-11234", "7-11234")
    assert covered("Registry no. 552901-T on file", "552901-T")
