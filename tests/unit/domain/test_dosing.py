"""The daily amount worked out from dose x frequency, as the case editor offers it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mdtboard.domain.dosing import FREQUENCY_CHOICES, ROUTE_CHOICES, daily_amount, read_frequency
from mdtboard.domain.medicines import read_route


@pytest.mark.parametrize(
    ("text", "per_day"),
    [("once daily", "1"), ("twice daily", "2"), ("BD", "2"), ("b.i.d.", None), ("three times daily", "3"),
     ("tds", "3"), ("four times daily", "4"), ("QID", "4"), ("every 4 hours", "6"), ("every 6 hours", "4"),
     ("q6h", "4"), ("every 8 hours", "3"), ("every 12 hours", "2"), ("at night", "1"), ("nocte", "1"),
     ("in the morning", "1"), ("5 times a day", "5"), ("every 3 hours", "8"),
     ("as needed, about 2 doses a day", "2"), ("every 8 hours as needed (uses 3 doses/day)", "3"),
     ("up to every 2 hours as needed; averages 3 doses in 24 hours", "3"),
     ("up to four times daily", None), ("as needed, max 2 doses/day", None), ("as needed", None),
     ("whenever", None), ("", None)],
)
def test_frequencies(text: str, per_day: str | None) -> None:
    assert read_frequency(text).per_day == (None if per_day is None else Decimal(per_day))


def test_every_offered_frequency_is_read() -> None:
    for text in FREQUENCY_CHOICES:
        reading = read_frequency(text)
        assert reading.per_day is not None or reading.patch, text


def test_every_offered_route_is_read_as_itself() -> None:
    for stored, shown in ROUTE_CHOICES:
        assert read_route(stored).kinds == read_route(shown).kinds != (), stored


@pytest.mark.parametrize(
    ("name", "dose", "frequency", "amount", "unit"),
    [("oxycodone", "5 mg", "every 6 hours", "20", "mg"),
     ("MS Contin", "30 mg", "twice daily", "60", "mg"),
     ("Tylenol #3", "2 tablets", "four times daily", "240", "mg"),
     ("Tylenol #4", "1 tablet", "at night", "60", "mg"),
     ("Percocet 5/325", "1 tablet", "as needed, about 3 doses a day", "15", "mg"),
     ("Norco 10/325", "1 tab", "tid", "30", "mg"),
     ("acetaminophen/codeine", "300 mg/30 mg, 2 tablets", "twice daily", "120", "mg"),
     ("buprenorphine/naloxone", "16 mg/4 mg", "once daily", "16", "mg"),
     ("Duragesic", "25 mcg/h", "weekly patch", "25", "mcg/h"),
     ("fentanyl transdermal patch", "25 mcg/h", "changed every 72 hours", "25", "mcg/h"),
     ("hydromorphone", "500 mcg", "every 4 hours", "3000", "mcg"),
     ("paracetamol", "1 g", "four times daily", "4000", "mg"),
     ("gabapentin", "300 mg", "three times daily", "900", "mg"),
     ("methotrexate", "14 mg", "weekly", "2", "mg")],
)
def test_daily_amount(name: str, dose: str, frequency: str, amount: str, unit: str) -> None:
    found = daily_amount(name, dose, frequency)
    assert found is not None
    assert (found.amount, found.unit) == (Decimal(amount), unit)


def test_how_it_was_worked_out_is_said() -> None:
    found = daily_amount("Tylenol #3", "2 tablets", "four times daily")
    assert found is not None and found.how == "2 tablets of 30 mg of codeine x 4 a day"


@pytest.mark.parametrize(
    ("name", "dose", "frequency"),
    [("oxycodone", "1-2 tablets", "every 6 hours"),  # a range: which?
     ("morphine oral solution", "5 mL", "every 4 hours"),  # no concentration
     ("Percocet", "1 tablet", "twice daily"),  # four strengths sold
     ("oxycodone", "5 mg", "as needed"),  # no average given
     ("oxycodone", "5 mg", "up to four times daily"),  # a ceiling
     ("oxycodone", "", "twice daily"), ("oxycodone", "some", "twice daily")],
)
def test_no_guessing(name: str, dose: str, frequency: str) -> None:
    assert daily_amount(name, dose, frequency) is None
