"""The vocabularies of many languages the teaching-case finder reads (resources/deid/identifier-words.toml),
checked on load, and one example of each phrase shape that uses them, in sentences of our own (none taken
from a test set)."""

from __future__ import annotations

import re
from datetime import date

from mdtboard.domain.phi import HintKind, find_identifiers
from mdtboard.domain.phi_vocab import entries, postcode_formats, table


def found(text: str) -> set[tuple[HintKind, str]]:
    return {(h.kind, h.text) for h in find_identifiers("f", text, today=date(2024, 6, 1))}


def test_the_vocabularies_are_dated_sourced_and_well_formed() -> None:
    data = table()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["about"]["dated"])
    assert len(data["about"]["sources"]) >= 5
    for section, part in data.items():
        if section in ("about", "postcodes"):
            continue
        for key, words in part.items():
            if isinstance(words, list):
                assert words, (section, key)
                assert len(words) == len(set(words)), (section, key, [w for w in words if words.count(w) > 1])
                assert all(w.strip() == w and w for w in words), (section, key)
    formats = postcode_formats()
    assert len(formats) >= 30
    for country, (pattern, example, _distinct) in formats.items():
        assert re.fullmatch(pattern, example), country
    assert len(entries("relations")) > 300 and len(entries("months")) > 150


def test_ages_over_89_in_every_form() -> None:
    assert (HintKind.AGE_OVER_89, "93 år") in found("Hans far er 93 år og bor alene.")
    assert (HintKind.AGE_OVER_89, "97 de ani") in found("Bunica are 97 de ani.")
    assert (HintKind.AGE_OVER_89, "92 yaşında") in found("Annesi 92 yaşında.")
    assert (HintKind.AGE_OVER_89, "ninety-four years old") in found("Her aunt is ninety-four years old.")
    assert (HintKind.AGE_OVER_89, "nonagenarian") in found("A frail nonagenarian neighbour.")
    assert (HintKind.AGE_OVER_89, "95") in found("Cared for by her uncle Tom Byrne (95).")
    assert (HintKind.AGE_OVER_89, "101") in found("Her grandmother died at 101 last spring.")
    assert (HintKind.AGE_OVER_89, "ninety-two") in found("Her mother is ninety-two and lives alone.")
    assert (HintKind.AGE_OVER_89, "93") in found("93M, lives alone, falls at night.")
    assert not {h for h in found("Oxygen saturation (95) at rest; NRS 9/10; temp 99F; a hundred percent.")
                if h[0] is HintKind.AGE_OVER_89}


def test_names_after_relations_and_titles_of_many_languages() -> None:
    assert (HintKind.NAME, "Ingrid") in found("Datter Ingrid kører hende.")
    assert (HintKind.NAME, "Ahmet") in found("Eşi Ahmet çalışıyor.")
    assert (HintKind.NAME, "Ioana") in found("Soția Ioana vine zilnic.")
    assert (HintKind.NAME, "Minh") in found("Con trai Minh ở Hà Nội.")
    assert (HintKind.NAME, "J. de Boer") in found("Bedrijfsarts drs. J. de Boer belt.")
    assert (HintKind.NAME, "Zeynep") in found("Ziyarete Zeynep Hanım geldi.")
    assert (HintKind.NAME, "Dana Reyes") in found("Social work (Dana Reyes, LCSW): housing.")
    assert (HintKind.NAME, "Bex") in found("Rebecca ('Bex') – knee pain")
    assert (HintKind.NAME, "Park Ji-woo") in found("The RRN is her father's (Park Ji-woo).")


def test_institutions_by_their_kind_in_many_languages() -> None:
    assert (HintKind.INSTITUTION, "Odense Kommune") in found("Hjemmehjælp fra Odense Kommune.")
    assert (HintKind.INSTITUTION, "Sykehuset Østfold Kalnes") in found("Operert på Sykehuset Østfold Kalnes.")
    assert (HintKind.INSTITUTION, "Bergen legesenter") in found("Fastlege ved Bergen legesenter.")
    assert (HintKind.INSTITUTION, "Rigshospitalet") in found("Henvist til Rigshospitalet i går.")
    assert (HintKind.INSTITUTION, "Hacettepe Üniversitesi") in found("Hacettepe Üniversitesi kliniğinde.")
    assert (HintKind.INSTITUTION, "Bệnh viện Bạch Mai") in found("Điều trị tại Bệnh viện Bạch Mai.")
    assert (HintKind.INSTITUTION, "Hargreaves (Haulage) Ltd") in found("Driver for Hargreaves (Haulage) Ltd.")
    assert (HintKind.INSTITUTION, "Kowalski Logistics") in found("Works part time at Kowalski Logistics.")
    assert (HintKind.INSTITUTION, "Technische Werke") in found("Arbeitgeber: Technische Werke, seit 2010.")


def test_record_numbers_after_labels_of_many_languages_and_unlabelled_codes() -> None:
    assert (HintKind.RECORD_NUMBER, "OUH-4471-20") in found("Journalnr. OUH-4471-20, Odense.")
    assert (HintKind.RECORD_NUMBER, "BM-23-118845") in found("Mã BN BM-23-118845.")
    hints = {(h.text, h.sure) for h in find_identifiers("f", "Scan filed as RVH-2023-44718 last week.")}
    assert ("RVH-2023-44718", False) in hints  # no label: a question
    readings = "BP 135/85, SCS trial 2019, ICD-10 M54.5, PHQ-9 14, MRI 2021-2022."
    assert find_identifiers("f", readings) == ()


def test_addresses_with_street_words_and_units_of_many_languages() -> None:
    cases = {
        "Adres: Brusselsesteenweg 12 bus 4, 9050 Gent.": "Brusselsesteenweg 12 bus 4",
        "Adresse: Vesterbrogade 40, 3. th., 1620 København V.": "Vesterbrogade 40, 3. th",
        "Domiciliu: Str. Republicii nr. 5, ap. 12.": "Str. Republicii nr. 5, ap. 12",
        "Vive en Pasaje Las Rosas 41, Talca.": "Pasaje Las Rosas 41",
        "House at Plot 7, Block B, Adum.": "Plot 7, Block B, Adum",
        "Lives at Room 301, 12 Sejong-daero 7-gil.": "Room 301, 12 Sejong-daero 7-gil",
        "Address: Meguro 2-4-11, Tokyo.": "Meguro 2-4-11",
        "Adres: Moda Mah. Bahariye Cad. No:12.": "Moda Mah. Bahariye Cad. No:12",
    }
    for text, address in cases.items():
        assert (HintKind.ADDRESS, address) in found(text), text


def test_postcodes_places_dates_phones_of_many_countries() -> None:
    hints = found("Adresse: Vesterbrogade 40, 3. th., 1620 København V.")
    assert {(HintKind.POSTCODE, "1620"), (HintKind.PLACE, "København V")} <= hints
    assert "GA-183-8164" in {text for _kind, text in found("Digital address GA-183-8164.")}
    assert (HintKind.PLACE, "Quận 3") in found("Nhà ở Quận 3.")
    assert (HintKind.PLACE, "Gangnam-gu") in found("Lives in Gangnam-gu, Seoul.")
    assert (HintKind.DATE, "令和4年3月") in found("Onset 令和4年3月.")
    assert (HintKind.DATE, "2023년 5월 2일") in found("Surgery 2023년 5월 2일.")
    assert (HintKind.DATE, "12 tháng 6 năm 2022") in found("Ngã 12 tháng 6 năm 2022.")
    assert (HintKind.DATE, "Diwali 2022") in found("Worse since Diwali 2022.")
    assert (HintKind.DATE, "3 Mart 2023") in found("Ameliyat 3 Mart 2023.")
    assert (HintKind.DATE, "iunie 2021") in found("Durere din iunie 2021.")
    assert (HintKind.PHONE, "(212) 555-0133 ext. 45") in found("Office (212) 555-0133 ext. 45 for results.")
    assert (HintKind.IP_ADDRESS, "2001:db8:85a3::8a2e") in found("Logged in from 2001:db8:85a3::8a2e today.")


def test_a_name_after_at_that_no_vocabulary_knows_is_a_question() -> None:
    hints = {(h.kind, h.text, h.sure) for h in find_identifiers("f", "Knee replaced at Craigavon in May.")}
    assert (HintKind.INSTITUTION, "Craigavon", False) in hints
    text = "Pain worse at Night and at Rest; seen at Physiotherapy, at Outpatients."
    assert find_identifiers("f", text) == ()
