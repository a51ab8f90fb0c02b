"""How the care-plan editor writes and reads dates and daily doses in its cells and fields.

Dates are shown as ISO dates (2026-03-01); besides those, "in 6 weeks", "6w", "+3 months", "10 days" and
"today" are understood, counted from today. Daily doses are "150 mg", "600 mcg" or "25 mcg/h" (a
trailing "/day" is allowed; a number alone means mg).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from mdtboard.domain.case import DailyDose
from mdtboard.domain.mme import format_number

DATE_HINT = "write a date as 2026-03-01, or “in 6 weeks”, “3 months”, “10 days”"
DOSE_HINT = "write the daily amount as 150 mg, 600 mcg or 25 mcg/h"

_RELATIVE = re.compile(
    r"^(?:in\s+|\+\s*)?(\d{1,3})\s*(d|days?|w|wks?|weeks?|m|mo|months?)(?:\s+from\s+now)?$", re.IGNORECASE
)
_DOSE = re.compile(
    r"^(\d+(?:[.,]\d+)?)\s*(mg|mcg|[\u00b5\u03bcu]g|mcg/hr?|[\u00b5\u03bcu]g/hr?)?\s*(?:/\s*(?:day|d)|per\s+day|daily)?$",
    re.IGNORECASE,
)


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def parse_date(text: str, today: date | None = None) -> date | None:
    """A date typed in a cell or field; None for an empty text. Raises ValueError saying what to write."""
    cleaned = " ".join(text.split()).strip()
    if not cleaned:
        return None
    today = today or date.today()
    if cleaned.casefold() == "today":
        return today
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    found = _RELATIVE.match(cleaned)
    if found is None:
        raise ValueError(f"“{cleaned}” is not a date: {DATE_HINT}")
    count, unit = int(found.group(1)), found.group(2).casefold()
    if unit.startswith("d"):
        return today + timedelta(days=count)
    if unit.startswith("w"):
        return today + timedelta(weeks=count)
    return add_months(today, count)


def format_date(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def parse_dose(text: str) -> DailyDose | None:
    """A daily dose typed in a cell; None for an empty text. Raises ValueError saying what to write."""
    cleaned = " ".join(text.split()).strip()
    if not cleaned:
        return None
    found = _DOSE.match(cleaned)
    if found is None:
        raise ValueError(f"“{cleaned}” is not a daily amount: {DOSE_HINT}")
    amount = float(found.group(1).replace(",", "."))
    unit = (found.group(2) or "mg").replace("\u00b5", "u").replace("\u03bc", "u").casefold()
    unit = unit.replace("ug", "mcg").replace("/hr", "/h")
    return DailyDose(int(amount) if amount.is_integer() else amount, unit)


def format_dose(dose: DailyDose | None, *, per_day: bool = False) -> str:
    """"150 mg" (or "150 mg/day" with ``per_day``), "25 mcg/h"; empty for no dose."""
    if dose is None:
        return ""
    per = "" if dose.unit == "mcg/h" or not per_day else "/day"
    return f"{format_number(dose.amount)} {dose.unit}{per}"


def format_mme(value: float | None) -> str:
    return "not counted" if value is None else format_number(value)
