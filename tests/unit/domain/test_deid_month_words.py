"""Dates written with a month's or a weekday's name in any language (domain/phi_month_words.py,
resources/deid/calendar-names.toml from the Unicode CLDR), in sentences of our own (none taken from a test
set), and the words beside numbers that are not dates."""

from __future__ import annotations

import re
import tomllib
from datetime import date

import pytest

from mdtboard.domain.phi import HintKind, find_identifiers
from mdtboard.domain.phi_month_words import month_names, month_word_spans, weekday_before, weekday_names
from mdtboard.resources import resource


def dates(text: str) -> set[str]:
    return {h.text for h in find_identifiers("f", text, today=date(2024, 6, 1)) if h.kind is HintKind.DATE}


def test_the_calendar_names_are_dated_sourced_and_cover_the_worlds_languages() -> None:
    data = tomllib.loads(resource("deid", "calendar-names.toml").read_text(encoding="utf-8"))
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["about"]["dated"])
    assert "CLDR" in data["about"]["source"]
    assert len(data["months"]) >= 200 and len(data["weekdays"]) >= 200
    for section in ("months", "weekdays"):
        for language, names in data[section].items():
            assert names and len(names) == len(set(names)), (section, language)
            assert all(n == n.casefold().strip() and not any(c.isdigit() or c.isspace() for c in n)
                       for n in names), (section, language)
    assert {"janúar", "nóvember"} <= set(data["months"]["is"])
    assert "ديسمبر" in data["months"]["ar"] and "neljapäev" in data["weekdays"]["et"]


def test_common_english_and_clinical_words_are_never_months_or_weekdays() -> None:
    for word in ("set", "sets", "junior", "mg", "walk", "review", "level", "weeks", "tablets"):
        assert word not in month_names() and word not in weekday_names()


@pytest.mark.parametrize(("text", "expected"), [
    ("Dags.: 18. nóvember 2026. Verkir í hálsi.", "18. nóvember 2026"),
    ("Sick leave to 1. febrúar 2027.", "1. febrúar 2027"),
    ("ENMG pärast 5. novembril tehtud.", "5. novembril"),  # Estonian declines the month
    ("Dátum: 2026. november 20.\nNév:", "2026. november 20"),  # Hungarian writes the year first
    ("Műtét 2022 márciusában volt.", "2022 márciusában"),
    ("Tapasz december 3-án.", "december 3-án"),
    ("Moto ajali ya 14 Machi 2025.", "14 Machi 2025"),
    ("Kontrol na 9 Agosti.", "9 Agosti"),
    ("EUS available on ٣ ديسمبر if the CT is late.", "٣ ديسمبر"),
    ("Date: ኅዳር 9 ቀን 2019 ዓ.ም. (Ethiopian calendar)", "ኅዳር 9 ቀን 2019 ዓ.ም."),
    ("Since the accident in tháng 7/2026 she walks less.", "tháng 7/2026"),
    ("Consultation le lundi 24.", "lundi 24"),
    # a time of day with the date is part of it; so is a weekday after it, and one in two letters before it
    ("Log\n12/10/2025 08:40 rang daughter", "12/10/2025 08:40"),
    ("Date: Tue, 7 Oct 2025 19:03:51 +0100\nSubject: pain", "Tue, 7 Oct 2025 19:03:51 +0100"),
    ("Sent: Friday, October 3, 2025 9:15 PM\nTo: clinic", "Friday, October 3, 2025 9:15 PM"),
    ("Geliş: 14 Ekim 2025 Salı\nHasta", "14 Ekim 2025 Salı"),
    ("Afspraak wo 15 okt 2025 bij de pijnpoli", "wo 15 okt 2025"),
    ("Vastaanotto ke 8.10.2025 klo 14.15 fysiatrilla", "8.10.2025 klo 14.15"),
    # other calendars in their own scripts and figures
    ("Ymweliad nesaf: Dydd Mawrth 21ain Hydref.", "21ain Hydref"),
    ("ผ่าตัด 14 ต.ค. 68 ที่โรงพยาบาล", "14 ต.ค. 68"),
    ("นัดครั้งต่อไป 3/12/2568 ตอนเช้า", "3/12/2568"),
    ("Visit 1404/07/22 at the clinic", "1404/07/22"),
    ("ביקור הבא: ט\"ו בטבת תשפ\"ו, בבוקר", "ט\"ו בטבת תשפ\"ו"),
    ("Pain since असोज २०८२, worse at night.", "असोज २०८२"),
    ("Follow-up फागुन ३ गते at the clinic.", "फागुन ३ गते"),
])
def test_dates_with_a_month_or_weekday_name(text: str, expected: str) -> None:
    assert any(expected in found for found in dates(text)), dates(text)


@pytest.mark.parametrize("text", [
    "She took 3 sets of 10 repetitions twice a day.",
    "Two junior doctors and 12 junior nurses attended.",
    "L4 5 mg twice daily; PHQ-9 14/27.",
    "Walks 15 min with a frame; marche 15 min avec un cadre.",
    "In 2024 she had a fall and in 2025 another.",
    "Pain on the 12th rib; from the 3rd cycle on it eased.",
    "Spring 2024 flare; worse every winter 2023 to 2025.",  # a season is no finer than the year
])
def test_numbers_beside_words_that_are_not_months(text: str) -> None:
    assert month_word_spans(text) == [] or not dates(text), dates(text)


def test_a_weekday_before_a_date_belongs_to_it() -> None:
    text = "Before the MDT on neljapäeval 20.11? Call 2.ª feira 24/11 - ok."
    assert weekday_before(text, text.index("20.11")) == text.index("neljapäeval")
    assert weekday_before(text, text.index("24/11")) == text.index("2.ª")
    assert weekday_before(text, text.index("MDT")) == text.index("MDT")  # "the" is no weekday
    assert "neljapäeval 20.11" in dates(text)


def test_a_time_alone_after_a_date_is_not_a_count() -> None:
    assert dates("Seen on 3/11/2025 12 sessions of physio since.") == {"3/11/2025"}


def test_the_day_alone_after_on_the_is_asked_about_unless_it_counts_something() -> None:
    text = "Since she came home on the 12th she sits up at night."
    hints = find_identifiers("f", text, today=date(2024, 6, 1))
    assert [(h.text, h.sure) for h in hints if h.kind is HintKind.DATE] == [("the 12th", False)]
    assert dates("Off work since the 18th. Lives with her partner.") == {"the 18th"}
    assert dates("Tender on the 12th rib and from the 3rd cycle of chemotherapy.") == set()
    hints = find_identifiers("f", "Could we move it? I cannot do the 9th, sorry.", today=date(2024, 6, 1))
    assert [(h.text, h.sure) for h in hints if h.kind is HintKind.DATE] == [("the 9th", False)]
