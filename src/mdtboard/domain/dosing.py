"""The daily amount of a medicine worked out from its dose and frequency, as written.

"10 mg" "every 6 hours" is 40 mg a day; "2 tablets" of "Tylenol #3" "four times daily" is 240 mg of
codeine a day (the opioid part of a combination product, as the MME needs); "25 mcg/h" of a patch is
25 mcg/h whatever the day it is changed; "as needed, about 3 doses a day" counts 3. Whatever cannot be
read without guessing (a range "1-2 tablets", millilitres without a concentration) gives no amount,
with the reason, and the person types the daily amount instead.

The frequencies are data (``[frequencies]`` in ``resources/medicines/medicines.toml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from mdtboard.domain.medicines import DrugClass, fold, recognise
from mdtboard.resources import resource

#: Units offered for a dose (free text is allowed too).
DOSE_UNITS: tuple[str, ...] = ("mg", "mcg", "mcg/h", "g", "mL", "tablet", "capsule", "patch", "puff",
                               "sachet", "drop", "units")
#: Routes offered, as (text stored, text shown with its abbreviation).
ROUTE_CHOICES: tuple[tuple[str, str], ...] = (
    ("oral", "oral (PO)"), ("transdermal", "transdermal (TD, patch)"), ("sublingual", "sublingual (SL)"),
    ("buccal", "buccal"), ("intravenous", "intravenous (IV)"), ("intramuscular", "intramuscular (IM)"),
    ("subcutaneous", "subcutaneous (SC, SQ)"), ("intrathecal", "intrathecal (IT)"), ("epidural", "epidural"),
    ("intranasal", "intranasal"), ("rectal", "rectal (PR)"), ("topical", "topical"), ("inhaled", "inhaled"),
)
#: Frequencies offered (free text is allowed too).
FREQUENCY_CHOICES: tuple[str, ...] = (
    "once daily", "twice daily", "three times daily", "four times daily", "every 4 hours", "every 6 hours",
    "every 8 hours", "every 12 hours", "at night", "in the morning", "weekly patch", "patch every 72 hours",
    "as needed, about 1 dose a day", "as needed, about 2 doses a day", "as needed, about 3 doses a day",
    "as needed, about 4 doses a day",
)

_UNIT_WORDS = {
    "mcg/h": "mcg/h", "mcg/hr": "mcg/h", "mcg/hour": "mcg/h", "micrograms/hour": "mcg/h", "µg/h": "mcg/h",
    "ug/h": "mcg/h", "mg": "mg", "milligram": "mg", "milligrams": "mg", "mcg": "mcg", "µg": "mcg",
    "ug": "mcg", "microgram": "mcg", "micrograms": "mcg", "g": "g", "gram": "g", "grams": "g", "ml": "mL",
}
_COUNT_WORDS = r"tablets?|tabs?|capsules?|caps?|films?|patch(?:es)?|puffs?|sachets?|lozenges?|drops?|sprays?"
_NUMBER = r"\d+(?:[.,]\d+)?"
_AMOUNT = re.compile(rf"({_NUMBER})\s*(mcg/h(?:r|our)?|micrograms/hour|[µu]g/h|mg|milligrams?|mcg|[µu]g|"
                     rf"micrograms?|grams?|g|ml)\b", re.IGNORECASE)
_COUNT = re.compile(rf"({_NUMBER}|one|two|three|four|half|a)\s*(?:x\s*)?({_COUNT_WORDS})\b", re.IGNORECASE)
_RANGE = re.compile(rf"{_NUMBER}\s*(?:-|–|to|or)\s*{_NUMBER}")
_WORD_NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "half": "0.5", "a": "1"}


@dataclass(frozen=True)
class Frequency:
    """What a written frequency means for the daily amount."""

    per_day: Decimal | None
    patch: bool = False
    weekly: bool = False


@dataclass(frozen=True)
class DailyAmount:
    """A daily amount worked out from the dose and frequency; ``how`` says how ("5 mg x 4 a day")."""

    amount: Decimal
    unit: str  # "mg", "mcg" or "mcg/h"
    how: str


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(_WORD_NUMBERS.get(text.casefold(), text).replace(",", "."))
    except InvalidOperation:
        return None


def _text(value: Decimal) -> str:
    """At most three decimals, no trailing zeros: 240 -> "240", 1/7 -> "0.143"."""
    text = f"{value.quantize(Decimal('0.001')).normalize():f}"
    return "0" if text == "-0" else text


@cache
def _frequency_table() -> tuple[tuple[str, object], ...]:
    import tomllib

    data = tomllib.loads(resource("medicines", "medicines.toml").read_text(encoding="utf-8"))
    table = data.get("frequencies") or {}
    return tuple(sorted(((fold(k), v) for k, v in table.items()), key=lambda kv: -len(kv[0])))


_AVERAGE = re.compile(
    rf"(?<!max )(?<!up to )({_NUMBER})\s*(?:doses?|tablets?|tabs?|capsules?|caps?|times|x)?\s*"
    r"(?:a day|per day|/\s*day|daily|in 24 ?h(?:ours)?)"
)
_EVERY_HOURS = re.compile(rf"(?:every|q)\s*({_NUMBER})\s*(?:hours?|hrs?|h)\b")
_TIMES = re.compile(rf"({_NUMBER})\s*times\s*(?:a day|daily|per day)")


def read_frequency(text: str | None) -> Frequency:
    """Doses a day of a written frequency; ``per_day`` is None when it cannot be read."""
    folded = " ".join(fold(text or "").split())
    if not folded:
        return Frequency(None)
    averages = [m for m in _AVERAGE.finditer(folded)
                if not folded[:m.start()].rstrip().endswith(("max", "up to"))]
    if averages:
        return Frequency(_decimal(averages[-1].group(1)))
    if re.search(r"\b(?:up to|max|maximum|no more than)\b", folded):
        return Frequency(None)  # a ceiling, not what is taken: the average has to be given
    for phrase, meaning in _frequency_table():
        if re.search(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])", folded):
            if meaning == "patch":
                return Frequency(None, patch=True)
            if meaning == "weekly":
                return Frequency(Decimal(1) / 7, weekly=True)
            if isinstance(meaning, int | float) and not isinstance(meaning, bool):
                return Frequency(Decimal(str(meaning)))
    every = _EVERY_HOURS.search(folded)
    if every:
        hours = _decimal(every.group(1))
        if hours:
            return Frequency(Decimal(24) / hours)
    times = _TIMES.search(folded)
    if times:
        return Frequency(_decimal(times.group(1)))
    return Frequency(None)


def _strength_for(name: str, numbers: list[Decimal]) -> Decimal | None:
    """The opioid (or single ingredient) in one unit, from strengths written in the dose or the name."""
    found = recognise(name)
    if numbers:
        named = [i for p in found.products for i in p.ingredients]
        if len(numbers) == 1 and len(found.ingredients) == 1:
            return numbers[0]
        target = found.opioids[0] if len(found.opioids) == 1 else None
        if target and len(numbers) == len(named):
            return numbers[named.index(target)]
        return None
    per_unit = found.opioid_mg_per_unit()
    if per_unit is not None:
        return per_unit
    if len(found.ingredients) == 1 and len(found.numbers) == 1:
        return found.numbers[0]
    return None


def daily_amount(name: str, dose: str | None, frequency: str | None) -> DailyAmount | None:
    """The daily amount from dose x frequency, or None when it cannot be read without guessing."""
    dose_text = " ".join((dose or "").split())
    if not dose_text or _RANGE.search(dose_text):
        return None
    amounts = [(_decimal(m.group(1)), _UNIT_WORDS[m.group(2).casefold()])
               for m in _AMOUNT.finditer(dose_text)]
    if any(value is None for value, _unit in amounts):
        return None
    patch = [value for value, unit in amounts if unit == "mcg/h"]
    if patch and patch[0] is not None:
        return DailyAmount(patch[0], "mcg/h", f"patch of {_text(patch[0])} mcg/h")
    freq = read_frequency(frequency)
    if freq.per_day is None or freq.per_day <= 0:
        return None
    count_match = _COUNT.search(dose_text)
    count = _decimal(count_match.group(1)) if count_match else None
    units = {unit for _value, unit in amounts}
    if "mL" in units or len(units) > 1 and units != {"mg"} and units != {"mcg"}:
        return None
    values = [value for value, _unit in amounts if value is not None]
    unit = next(iter(units)) if units else "mg"
    if count is not None:
        per_unit = _strength_for(name, values)
        if per_unit is None:
            return None
        per_dose = count * per_unit
        what = f"{_text(count)} {count_match.group(2) if count_match else ''} of {_text(per_unit)} {unit}"
    elif values:
        strength = _strength_for(name, values) if len(values) > 1 else values[0]
        if strength is None:
            return None
        per_dose = strength
        what = f"{_text(per_dose)} {unit}"
    else:
        return None
    if unit == "g":
        per_dose, unit = per_dose * 1000, "mg"
    found = recognise(name)
    opioids = found.of_class(DrugClass.OPIOID)
    part = f" of {opioids[0]}" if len(opioids) == 1 and len(found.ingredients) > 1 else ""
    per_day = freq.per_day
    how_often = "a week" if freq.weekly else f"x {_text(per_day)} a day"
    daily = per_dose / 7 if freq.weekly else per_dose * per_day
    if freq.weekly:
        return DailyAmount(daily, unit, f"{what}{part} once {how_often} = {_text(daily)} {unit} a day")
    return DailyAmount(daily, unit, f"{what}{part} {how_often}")

