"""The general forms of identifiers of phi_forms.py, each in several languages, in sentences of our own (none
taken from a test set), and what they must leave alone."""

from __future__ import annotations

from datetime import date

from deid_probe import covered

from mdtboard.domain.case import Case, Patient
from mdtboard.domain.deidentify import case_hints, people_names
from mdtboard.domain.phi import HintKind, find_identifiers
from mdtboard.domain.phi_forms import widen_place

TODAY = date(2024, 6, 1)


def found(text: str) -> set[tuple[HintKind, str]]:
    return {(h.kind, h.text) for h in find_identifiers("f", text, today=TODAY)}


def texts(text: str) -> set[str]:
    return {h.text for h in find_identifiers("f", text, today=TODAY)}


def test_ages_over_89_written_as_one_word_with_the_number() -> None:
    assert (HintKind.AGE_OVER_89, "94-jährige") in found("Eine 94-jährige Patientin aus dem Pflegeheim.")
    assert (HintKind.AGE_OVER_89, "96-åring") in found("Remiss för en 96-åring med höftfraktur.")
    assert covered("Isang 92-anyos na lolo mula sa Iloilo.", "92-anyos")
    assert (HintKind.AGE_OVER_89, "91-letnia") in found("Pacjentka 91-letnia, mieszka sama.")
    assert (HintKind.AGE_OVER_89, "95歳") in found("患者は95歳の女性。")
    assert not found("Ein 54-jähriger Mann; 23-åring; 45-anyos.")


def test_ages_over_89_written_as_number_words() -> None:
    assert (HintKind.AGE_OVER_89, "novantaseienne") in found("La paziente, novantaseienne, vive sola.")
    assert (HintKind.AGE_OVER_89, "dreiundneunzigjährige") in found("Die dreiundneunzigjährige Dame.")
    assert (HintKind.AGE_OVER_89, "nittiofemåring") in found("En pigg nittiofemåring.")
    assert (HintKind.AGE_OVER_89, "aged ninety-one") in found("Mrs Byrne (aged ninety-one) - hip pain.")
    assert not found("La paziente, cinquantenne, vive sola.")


def test_an_age_over_89_known_in_one_text_is_looked_for_in_every_text_of_the_case() -> None:
    case = Case(ref="REAL-1", fictional=False, patient=Patient(display_name="Hannah Frost"),
                title="Vertebral fracture", one_liner="96F with a new L1 fracture.",
                question_for_team="At 96, is kyphoplasty reasonable?",
                psychosocial="Says she is 'ninety-six and counting'.")
    hints = case_hints(case, TODAY)
    assert (HintKind.AGE_OVER_89, "96") in {(h.kind, h.text) for h in hints["question_for_team"]}
    assert (HintKind.AGE_OVER_89, "ninety-six") in {(h.kind, h.text) for h in hints["psychosocial"]}


def test_dates_with_short_month_names_of_many_languages() -> None:
    assert covered("Bloqueo facetario el 12-dic-2025 sin alivio.", "12-dic-2025")
    assert covered("Operatie op 3 okt. 2025 in Zwolle.", "3 okt. 2025")
    assert covered("Na-admit noong Nob. 4, 2025 dahil sa pagkahulog.", "Nob. 4, 2025")
    assert (HintKind.DATE, "Abr 7/25") in found("Consulta Abr 7/25 con neurocirugía.")
    assert (HintKind.DATE, "Dec 3/25") in found("Seen in clinic Dec 3/25.")


def test_the_weekday_and_the_article_before_a_date_are_part_of_it() -> None:
    assert covered("Infiltration le jeudi 4 décembre 2025 : bon effet.", "jeudi 4 décembre 2025")
    assert covered("Kontroll den 4 december 2025 på vårdcentralen.", "den 4 december 2025")
    assert covered("Termin am Montag, 1. Dezember 2025 in der Ambulanz.", "Montag, 1. Dezember 2025")


def test_dates_of_other_calendars() -> None:
    assert covered("Seen on 3 Shawwal 1447 after Eid.", "3 Shawwal 1447")
    assert covered("Surgery 12 Tishrei 5786, recovered well.", "12 Tishrei 5786")
    assert covered("Visit 5 Farvardin 1404 SH in Shiraz.", "5 Farvardin 1404 SH")
    assert covered("ผ่าตัดวันที่ 15 ต.ค. 2568 ที่โรงพยาบาล", "15 ต.ค. 2568")
    assert covered("Admitted R7.4.1 to the ward.", "R7.4.1")
    assert covered("初診：民國114年4月1日。", "民國114年4月1日")


def test_a_day_and_month_that_can_only_be_a_date_and_scores_that_are_not() -> None:
    assert (HintKind.DATE, "11/28") in found("Compression fracture after a fall 11/28.")
    assert (HintKind.DATE, "17/11") in found("Bekkenfysio, start 17/11.")
    assert (HintKind.DATE, "29/9") in found("Ingreso 29/9 por caída.")
    for text in ("Leg 7/10, back 4/10 on average.", "Power 4/5 in the left leg.", "PHQ-9 14/27, HADS 11/21.",
                 "BP 128/82, pulse 72.", "Pain 15/20 on the scale.", "Grip strength 24/30."):
        assert not [h for h in find_identifiers("f", text, today=TODAY) if h.kind is HintKind.DATE], text


def test_names_after_possessives_personal_articles_occupations_and_by() -> None:
    assert (HintKind.NAME, "Amina") in found("Anaishi na dada yake Amina mjini.")
    assert (HintKind.NAME, "Astrid") in found("Bor med frun Astrid i en villa.")
    assert (HintKind.NAME, "Josefina") in found("Ang cellphone ni Josefina ay sira.")
    assert (HintKind.NAME, "Kwame Mensah") in found("Orthotist Kwame Mensah fitted the brace.")
    assert (HintKind.NAME, "R. Okafor") in found("Minutes taken by R. Okafor.")
    assert (HintKind.NAME, "Annelies") in found("Verwezen door Annelies van de thuiszorg.")


def test_nicknames_roles_in_brackets_and_first_names_heading_an_entry() -> None:
    assert covered('Referred by Dr. Joseph "Joe" Bloggs of the spinal team.', 'Joseph "Joe" Bloggs')
    assert (HintKind.NAME, "Lasse") in found('Lars kallas "Lasse" av alla.')
    assert (HintKind.NAME, "Chuy") in found('Su hijo, llamado "Chuy", lo cuida.')
    assert (HintKind.NAME, "Aroha Ngata") in found("Present: Dr Lee (chair), Aroha Ngata (pharm).")
    assert (HintKind.NAME, "Annelies") in found("ergotherapie (Annelies): valpreventie besproken.")
    assert (HintKind.NAME, "Tiihu") in found("Māori health liaison (Tiihu): whānau hui planned.")


def test_the_joined_parts_of_a_name() -> None:
    assert covered("Referred from clinic (Dr Suresh s/o Ramasamy).", "Suresh s/o Ramasamy")
    assert covered("Referred by Dr. Khalid al-Harbi, spine surgery.", "Khalid al-Harbi")
    assert covered("Mr Iolo ap Dafydd (aged 70) has rest pain.", "Iolo ap Dafydd")


def test_relation_and_role_words_that_are_not_followed_by_a_name() -> None:
    for text in ("dietitian: Na 131 on carbamazepine.", "infermiere: Braden 15, lesione stadio 1.",
                 "psycholog: HADS-D 11.", "Kori SH, Miller RP, Todd DD. Kinesiophobia.",
                 "51 ani, F, asistentă medicală."):
        assert not [h for h in find_identifiers("f", text, today=TODAY) if h.kind is HintKind.NAME], text


def test_a_first_name_is_looked_for_alone_once_the_full_name_is_known() -> None:
    case = Case(ref="REAL-2", fictional=False, patient=Patient(display_name="Rosa Lindqvist"),
                title="Knee pain", one_liner="Knee pain.", question_for_team="Injection?",
                psychosocial="Marta Lindqvist visits on Sundays. Marta drives her to clinic.")
    assert "Marta" in people_names(case, TODAY)
    hints = case_hints(case, TODAY)["psychosocial"]
    assert sum(h.text == "Marta" for h in hints) == 1


def test_places_below_the_town() -> None:
    assert (HintKind.PLACE, "Polk County") in found("Retired farmer in Polk County, lives alone.")
    assert covered("Moved from Cameron Parish after the storm.", "Cameron Parish")
    assert covered("Vive en el barrio La Floresta de Quito.", "La Floresta")
    assert covered("Apartment in the Al Rawdah district, Riyadh.", "Al Rawdah")
    assert covered("Lives with her sons in Kibera, Nairobi.", "Kibera")
    assert (HintKind.PLACE, "Dzielnica") not in found("Mieszka w dzielnicy.")


def test_the_article_compass_word_or_city_of_a_town_found() -> None:
    text = "Cofion, Y Bala; North Fitzroy; Rio Grande City."
    assert text[slice(*widen_place(text, text.index("Bala"), text.index("Bala") + 4))] == "Y Bala"
    start = text.index("Fitzroy")
    assert text[slice(*widen_place(text, start, start + 7))] == "North Fitzroy"
    start = text.index("Rio")
    assert text[slice(*widen_place(text, start, start + 10))] == "Rio Grande City"


def test_street_addresses_of_more_local_forms() -> None:
    assert covered("Menei stin Odos Ermou 25, Athina.", "Odos Ermou 25")
    assert covered("Lives on Rehov Herzl 12, apt. 3, Haifa.", "Rehov Herzl 12, apt. 3")
    assert covered("Dr Jones, Heol y Dwr, Caernarfon.", "Heol y Dwr")
    assert covered("Vive en la Calle 72 # 10-34, apto 501, Bogotá.", "Calle 72 # 10-34, apto 501")
    assert covered("Farm at 4410 County Rd 12, Hutchinson.", "4410 County Rd 12")
    assert covered("Mail to Rural Route 3 Box 17-B, Alamo.", "Rural Route 3 Box 17-B")
    assert covered("Address: C-45, Sector 62, Noida.", "C-45, Sector 62")
    assert covered("Nakatira sa 27-A Mabini St., Iloilo.", "27-A Mabini St")
    assert covered("Woont aan de Kerkstraat 14bis in Gent.", "Kerkstraat 14bis")
    assert covered("Bor på Storgatan 5 B, 2 tr.", "Storgatan 5 B")
    assert covered("Lives at 12 Awolowo Road, off Allen Avenue, Ikeja.", "12 Awolowo Road, off Allen Avenue")


def test_institutions_with_kinds_of_more_languages() -> None:
    assert covered("Nosileia sto Nosokomeio Evangelismos, Athina.", "Nosokomeio Evangelismos")
    assert covered("Skierowanie z Poradnia Leczenia Bólu Szpitala Miejskiego.", "Poradnia Leczenia Bólu")
    assert covered("Seguimento no Centro de Saúde Arcozelo.", "Centro de Saúde Arcozelo")
    assert covered("Camarera en el Hotel Miramar desde 2010.", "Hotel Miramar")
    assert covered("Delivered at Lagos Island Maternity.", "Lagos Island Maternity")
    assert covered("Teacher aide at Karori Primary, Wellington.", "Karori Primary")
    assert covered("Diakonie Sozialstation Lindenthal kommt täglich.", "Diakonie Sozialstation Lindenthal")
    assert covered("Breakfast at the Kim Tian kopitiam daily.", "Kim Tian")
    assert covered("Uczy w SP nr 12 w Gdańsku.", "SP nr 12 w Gdańsku")
    assert covered("Sus padres van a la iglesia Santa Rita; la iglesia San Roque.", "iglesia San Roque")
    assert covered("Fitted at Limb Centre for Children & Adults.", "Limb Centre for Children & Adults")
    assert covered("Seguida na UBS Centro de Saúde Vila Nova, Dra. Costa.", "UBS Centro de Saúde Vila Nova")


def test_insurers_employers_and_roles_in_organisations() -> None:
    assert covered("Afiliada a EPS Sanitas desde 2019.", "Sanitas")
    assert covered("Baja laboral; mutua Asepeyo, expediente abierto.", "Asepeyo")
    assert covered("Versichert: Krankenkasse KPT, Karte vorhanden.", "KPT")
    assert covered("Former chairman of the Ballina Rotary Club.", "Ballina Rotary Club")
    assert covered("Son works at Q-Mart in the Bronx.", "Q-Mart")
    assert covered("Former secretary at J. R. Hartley.", "J. R. Hartley")
    assert covered("Was a nurse at the old Groote Schuur for 30 years.", "Groote Schuur")
    assert covered("Hemtjänst (Omsorgshuset Norr) kommer 3 ggr/dag.", "Omsorgshuset Norr")


def test_unknown_acronyms_where_an_institution_stands_are_questions() -> None:
    hints = {(h.kind, h.text, h.sure) for h in find_identifiers(
        "f", "Fixed at the RVI in 2019; KATH Kumasi follow-up; RIE ward 5 last week.", today=TODAY)}
    assert (HintKind.INSTITUTION, "RVI", False) in hints
    assert (HintKind.INSTITUTION, "KATH Kumasi", False) in hints
    assert (HintKind.INSTITUTION, "RIE", False) in hints
    for text in ("Seen in the ED, then at the GP.", "Referred to the MDT from ICU.",
                 "PHQ-9 at NHS review.", "Covered by NHIF; SHA card at the ED."):
        assert not [h for h in find_identifiers("f", text, today=TODAY)
                    if h.kind is HintKind.INSTITUTION], text


def test_an_institutions_name_or_town_in_brackets_after_it() -> None:
    assert (HintKind.PLACE, "Accra") in found("Engineer, works for Tullow Oil (Accra).")
    assert covered("Referred from KNH (Kenyatta National), Dr Otieno.", "Kenyatta National")
    assert (HintKind.PLACE, "Québec") not in found("Résidence Saint-Jean (Québec), chambre 12.")


def test_titles_and_the_word_for_age_in_more_languages() -> None:
    assert (HintKind.NAME, "Amina Hassan") in found("Bi. Amina Hassan alikuja kliniki.")
    assert (HintKind.NAME, "Eleni Papadaki") in found("Kyria Eleni Papadaki, syntaxiouchos.")
    assert (HintKind.NAME, "Musa Bello") in found("Alhaji Musa Bello visited on Friday.")
    assert covered("Alter: 94, wohnt allein.", "94")
    assert covered("Pacjentka, wiek 91, mieszka sama.", "91")
    assert covered("המטופלת בת 92 גרה לבד.", "92")
    assert not found("Alter: 54, wohnt allein; wiek 61.")


def test_a_day_and_short_month_joined_by_a_hyphen() -> None:
    assert covered("Control el 15-ene con RM.", "15-ene")
    assert covered("Afspraak 3-okt. bij de huisarts.", "3-okt")


def test_post_office_boxes_and_private_bags() -> None:
    assert covered("Apartado 412, Cartagena.", "Apartado 412")
    assert covered("Postfach 10 12 20, 50452 Köln.", "Postfach 10 12 20")
    assert covered("Private Bag 12, Gaborone.", "Private Bag 12")
    assert covered("Sanduku la Posta 45, Moshi.", "Sanduku la Posta 45")


def test_hospitals_schools_and_places_of_more_languages_and_scripts() -> None:
    assert covered("Admitted to Szent János Kórház in 2020.", "Szent János Kórház")
    assert covered("Hoidettu Keskisuomen keskussairaala 2021.", "Keskisuomen keskussairaala")
    assert covered("Seen at PHC Rampur, then referred.", "PHC Rampur")
    assert covered("Sent to Mulago Health Post.", "Mulago Health Post")
    assert covered("北京协和医院で手術。", "北京协和医院")
    assert covered("세브란스병원에서 수술.", "세브란스병원")
    assert covered("住在朝阳区。", "朝阳区")


def test_a_range_of_house_numbers_and_blocks_and_lots() -> None:
    assert covered("Unit 5, 12-14 Smith St, Leeds.", "12-14 Smith St")
    assert covered("Vive en Mz. 5 Lt. 12, Villa El Salvador.", "Mz. 5 Lt. 12")


def test_an_employer_named_before_a_job_or_as_a_brand_in_brackets_is_a_question() -> None:
    hints = {(h.kind, h.text, h.sure) for h in find_identifiers(
        "f", "He is a Tesco employee; his wife, a former Walmart cashier, calls Sara Vos (PostNL).",
        today=TODAY)}
    assert (HintKind.INSTITUTION, "Tesco", False) in hints
    assert (HintKind.INSTITUTION, "Walmart", False) in hints
    assert (HintKind.INSTITUTION, "PostNL", False) in hints
    assert not found("He is a Polish worker; she was a Care worker.")
