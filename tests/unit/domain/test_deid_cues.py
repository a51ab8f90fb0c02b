"""Identifiers found by the words around them (phi_cues.py and its neighbours), in sentences of our own: dates
with the day written in words, a day with a full stop after a weekday, the Finnish genitive month, timestamps
with an offset, Roman-numeral months with dashes, Republic of China dates, feast days alone; user names in
logs, typists' initials, a meeting's attendance list, "Action: xx to", surnames in capitals before a given
name, names in capitals after a title, given names that are also words after a title, Czech and Greek titles
and signatures; record numbers after more labels and in three or more groups; house numbers and the street
forms of Japanese, Korean, Thai, Persian, German and Dutch; towns before a Turkish case ending and after Thai
divisions; institutions by an acronym beside claim, union or affiliation words, by a word in two capitalised
halves, by a pharmacy's number, by the Turkish and insurers' kinds after the name, an acronym in brackets
after any institution; phone extensions in more languages and French phone numbers written with dots."""

from __future__ import annotations

from deid_probe import covered, hints, kinds

from mdtboard.domain.phi import HintKind

# ---------------------------------------------------------------------------------------------- dates

def test_a_date_with_its_day_written_in_words_is_a_date() -> None:
    assert covered("La paciente cayó el dos de mayo de 2023 en la obra.", "el dos de mayo de 2023")
    assert covered("Dor lombar desde sete de agosto de 2020.", "sete de agosto de 2020")
    assert covered("Controllo fissato il tre giugno, ore 9.", "il tre giugno")
    assert covered("Né le vingt-deux juin deux mille un à Brest.", "le vingt-deux juin deux mille un")
    assert covered("Unfall am zwölften März 2023 auf der Baustelle.", "am zwölften März 2023")
    assert covered("Przyjęty piątego maja 2024 r. na oddział.", "piątego maja 2024 r.")
    assert covered("Seen on the fourteenth of May.", "the fourteenth of May")
    # a number word that is also an English word needs the "de" of its language
    assert "due March" not in " ".join(hints("Payment due March, then review.", HintKind.DATE))


def test_a_day_with_a_full_stop_after_a_weekday_and_the_finnish_genitive_month() -> None:
    assert covered("Neste møte fredag 14. juni på kontoret.", "fredag 14. juni")
    assert covered("Lausunto toivotaan kesäkuun 20. päivään mennessä.", "kesäkuun 20. päivään")


def test_timestamps_roman_months_roc_dates_and_feast_days() -> None:
    assert covered("Audit 2023-11-02T17:05:31+01:00 opened the file.", "2023-11-02T17:05:31+01:00")
    assert covered("TK kręgosłupa 7-IV-2023, bez zmian.", "7-IV-2023")
    assert covered("腰椎MRI 112/09/15 正常", "112/09/15")
    assert "Nowruz" in hints("Pain worse since Nowruz, sleeping badly.", HintKind.DATE)
    assert covered("Flare after Lá Fhéile Pádraig this year.", "Lá Fhéile Pádraig")


# ---------------------------------------------------------------------------------------------- names

def test_user_names_and_typists_initials_are_names() -> None:
    assert "mtanaka" in hints("2023-11-02 10:01 user=mtanaka viewed the chart", HintKind.NAME)
    assert "jperez" in hints("Registro: usuario jperez desde 10.0.0.5 abrió la ficha", HintKind.NAME)
    assert {"rk", "pl"} <= set(hints("Typed 03/04/2023 by rk/pl", HintKind.NAME))


def test_a_meetings_attendance_list_and_its_actions_name_people() -> None:
    minutes = "Present: TW (chair), gh, lamb (physio). Apologies: none.\ngh: pain worse at night"
    found = hints(minutes, HintKind.NAME)
    assert {"TW", "gh", "lamb"} <= set(found)
    assert found.count("gh") == 2  # in the list, and where the minutes name gh again
    assert "gh" in hints("Action: gh to phone the daughter", HintKind.NAME)


def test_names_in_capitals_and_given_names_that_are_also_words() -> None:
    assert covered("Pt: BRENNAN, Martha J  DOB on file", "BRENNAN, Martha J")
    assert covered("cc DR. ADEYEMI - re results", "DR. ADEYEMI")
    assert covered("Referred by Dr Will Carter for review.", "Will Carter")
    assert covered("Konzultace s MUDr. Novotná proběhla.", "Novotná")
    assert covered("Υπογραφή: Κ. Παπαδάκη", "Κ. Παπαδάκη")
    # the modal verb stays a word
    assert hints("The GP will review in two weeks.", HintKind.NAME) == []


# ------------------------------------------------------------------------------------------- numbers

def test_record_numbers_after_more_labels_and_in_three_groups() -> None:
    assert covered("Skadenummer Tryg: K-19-228714 on the form", "K-19-228714")
    assert covered("ricetta NRE 1203B 5567123 – farmacia", "1203B 5567123")
    assert covered("stimulateur prêté (n° appareil SN QX-20331-C)", "SN QX-20331-C")
    assert covered("Assinado por Dr. Lima, CRM-RJ 52.881, em", "52.881")
    assert covered("Firma: Dra. Paz, M.P. 3321/4; lunes", "3321/4")
    assert covered("Dispensed, token 8D2F1-A99310-77C2E", "8D2F1-A99310-77C2E")
    assert covered("Signed Dr O. Bello, MCN/R/55120", "MCN/R/55120")
    assert covered("Work injury: ACC 31K0098812 lodged", "31K0098812")


def test_phone_extensions_in_more_languages_and_french_numbers_with_dots() -> None:
    assert covered("Fax : 01.45.22.87.10", "01.45.22.87.10")
    assert covered("電話 03-5555-0101（内線 233）", "233")
    assert covered("Tel: 0 (312) 555 10 10 Dahili 118", "118")


# ------------------------------------------------------------------------------------ addresses, towns

def test_house_numbers_and_street_forms_of_other_countries() -> None:
    assert covered("Lives in Hawassa, kebele 07, house no. 442.", "442")
    assert covered("自宅は世田谷区三軒茶屋2丁目11-3です。", "三軒茶屋2丁目11-3")
    assert covered("서울 마포구 월드컵로 212-5 거주", "월드컵로 212-5")
    assert covered("อยู่บ้านเลขที่ 55/7 หมู่ 2 ตำบลบางพลี", "55/7 หมู่ 2")
    assert covered("อยู่บ้านเลขที่ 55/7 หมู่ 2 ตำบลบางพลี", "บางพลี")
    assert covered("Lives at خیابان ولیعصر، پلاک ۱۲ with family.", "خیابان ولیعصر، پلاک ۱۲")
    assert covered("Wohnhaft Im Lindenhof 12, Essen.", "Im Lindenhof 12")
    assert covered("Burgemeester van Roijensingel 8, Zwolle", "Burgemeester van Roijensingel 8")


def test_a_town_before_a_turkish_case_ending() -> None:
    # at a sentence's start, where no relation stands before it
    assert covered("Tedavi sürüyor. Ankara'dan gelen annesi yanında kalıyor.", "Ankara")
    assert covered("Fizik tedavi bitti. Nevşehir'de yaşayan oğlu arıyor.", "Nevşehir")


# ---------------------------------------------------------------------------------------- institutions

def test_acronyms_beside_claim_union_and_affiliation_words_are_institution_questions() -> None:
    assert "WSNB" in hints("Return-to-work plan with the WSNB agent.", HintKind.INSTITUTION)
    assert "KELX" in hints("Chronic neck pain – KELX claim", HintKind.INSTITUTION)
    assert "OSPRERA" in hints("Afiliada a OSPRERA desde 2019.", HintKind.INSTITUTION)
    assert "NUMSA" in hints("Union: NUMSA.", HintKind.INSTITUTION)
    assert "ACLI" in hints("Pratica seguita dal Patronato ACLI.", HintKind.INSTITUTION)
    # the clinical acronyms and the national schemes the finder leaves stay out
    assert hints("MRI referral; NHS claim; TENS plan", HintKind.INSTITUTION) == []


def test_more_institutions_by_their_form() -> None:
    assert "MediShield" in hints("Covered by MediShield since 2020.", HintKind.INSTITUTION)
    assert covered("Pregabalin 75 mg (Apotheke 2)", "Apotheke 2")
    assert covered("ส่งต่อจากโรงพยาบาลรามาธิบดี", "โรงพยาบาลรามาธิบดี")
    assert "Arçelik" in hints("Arçelik fabrikasında çalışıyor.", HintKind.INSTITUTION)
    assert covered("Skade meldt til Tryg Forsikring i mai.", "Tryg Forsikring")
    assert covered("Behandlet ved Haukeland universitetssjukehus (HUS) i fjor.", "HUS")
    letter = "Centrum pro léčbu chronické bolesti FN Motol, V Úvalu 84\nPacient přichází"
    assert covered(letter, "Centrum pro léčbu chronické bolesti FN Motol")


def test_a_days_date_stamping_a_message_in_a_log_and_more_feast_days() -> None:
    assert covered("WhatsApp 2/3: daktari, dawa zimeisha.", "2/3")
    assert covered("txt 3/4: dok ubos na po gamot ko", "3/4")
    assert covered("LINE訊息 7/8：醫生好，止痛藥吃完了。", "7/8")
    assert covered("Puwede bang mag-injection bago mag-Undas?", "Undas")
    assert HintKind.DATE not in kinds("She took 3/4 of the tablet; text reads 1/2 dose.")


def test_six_digit_codes_after_a_town_and_maltese_codes_are_postcodes() -> None:
    assert covered("Lives alone at 85 Karve Road, Pune 411 023. Daughter visits.", "411 023")
    assert covered("Woodlands Singapore 701502\nOur ref: IC-5460718", "701502")
    assert covered("Lives at 150 Triq Tal-Qroqq, Msida ZBR 9526. Daughter visits daily.", "ZBR 9526")
    assert covered("57 Triq San Ġorġ, Żabbar BKR 2188\nTel +356 2555 6350", "BKR 2188")
    # a score and a year, a dose after a word: no postcode
    assert HintKind.POSTCODE not in kinds("Baseline PHQ 2019. Weight 104 500 g. Pain 8/10.")


def test_a_given_name_that_is_a_word_opening_a_sentence_and_doing_what_people_do_is_a_name() -> None:
    assert covered("Session 2, 11/12/2019\nFaith described the accident: after Eid I just fell.", "Faith")
    assert covered("Admitted under Dr Fraser MacLeod. May rates pain 7-9/10, worse at night.", "May")
    assert covered("Hope attended alone; her bus was late.", "Hope")
    # a relation, a clinical word or a modal opening the sentence is no name
    text = "Son lives nearby. Pain described as burning. Sleep rated poor. May need review. Will call."
    assert HintKind.NAME not in kinds(text)


def test_hospital_prefixed_record_numbers_licence_numbers_and_a_code_after_the_town() -> None:
    assert covered("Isibhedlele iGroote Schuur GSH-8812. ngomhla we-2", "GSH-8812")
    assert covered("UNTH Ituku-Ozalla UNTH-7713. 3 Mee 2024.", "UNTH-7713")
    assert covered("T. Oyelaran, PsyD, OH lic PSY.7102", "PSY.7102")
    assert covered("Doctor: Lauren Metzger, DO   TX lic Q4417   Fax 713-555-0190", "Q4417")
    assert covered("Pacienti Arben Hoxha, Rruga e Kavajës, Nr. 112, Tiranë 1001. QSUT", "1001")
    # scales and classifications with a hyphen and few digits are no record numbers
    assert HintKind.RECORD_NUMBER not in kinds("PHQ-9 16, GAD-7 12, ICD-10 M54.5, SF-36 and EQ-5D; COVID-19.")
