"""Checks a case against the rules of the case-bundle format before anything is stored.

Each problem names its field the way the bundle does (``patient.age``, ``medications[2].daily_dose.unit``)
so the same message serves a form field and a JSON path.
"""

from __future__ import annotations

import math
import re

from mdtboard.domain.case import DOSE_UNITS, LINE_FIELDS, TEXT_FIELDS, Case, Discipline
from mdtboard.domain.errors import InvalidInputError, Problem
from mdtboard.domain.scoring import validate_scores

REF_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
TEXT_MAX = 20000
LINE_MAX = 2000


def _length(problems: list[Problem], where: str, value: str | None, maximum: int, minimum: int = 0) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        problems.append(Problem(where, f"{value!r} is not text"))
        return
    if "\x00" in value:
        problems.append(Problem(where, "contains a NUL character, which cannot be stored"))
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        problems.append(Problem(where, "contains an unpaired surrogate, which is not valid Unicode text"))
        return
    if len(value) < minimum:
        problems.append(Problem(where, "must not be empty"))
    elif len(value) > maximum:
        problems.append(Problem(where, f"is {len(value)} characters long, more than the maximum {maximum}"))


def _int_range(problems: list[Problem], where: str, value: int | None, low: int, high: int) -> None:
    if value is None:
        return
    if value < low:
        problems.append(Problem(where, f"{value} is less than the minimum {low}"))
    elif value > high:
        problems.append(Problem(where, f"{value} is more than the maximum {high}"))


def case_problems(case: Case, prefix: str = "") -> list[Problem]:
    """Every rule ``case`` breaks; an empty list means it may be stored."""
    p: list[Problem] = []
    if not REF_PATTERN.match(case.ref or ""):
        p.append(
            Problem(
                f"{prefix}id",
                f"{case.ref!r} is not a valid case reference (letters, digits, '.', '_' or '-', "
                "starting with a letter or digit, at most 64 characters)",
            )
        )
    _length(p, f"{prefix}title", case.title, 300)
    patient = case.patient
    _length(p, f"{prefix}patient.display_name", patient.display_name, 200, minimum=1)
    if patient.display_name is not None and not patient.display_name.strip():
        p.append(Problem(f"{prefix}patient.display_name", "must not be blank"))
    _int_range(p, f"{prefix}patient.age", patient.age, 0, 130)
    _length(p, f"{prefix}patient.sex", patient.sex, 50)
    _length(p, f"{prefix}patient.gender_identity", patient.gender_identity, 100)
    _length(p, f"{prefix}patient.pronouns", patient.pronouns, 50)
    _length(p, f"{prefix}patient.preferred_language", patient.preferred_language, 200)
    for name in (*TEXT_FIELDS, "recommendation"):
        _length(p, f"{prefix}{name}", getattr(case, name), TEXT_MAX)
    _length(p, f"{prefix}sharing_restrictions_by", case.sharing_restrictions_by, 200)
    for i, loc in enumerate(case.pain_locations or []):
        where = f"{prefix}pain_locations[{i}]"
        _length(p, f"{where}.region", loc.region, LINE_MAX, minimum=1)
        _length(p, f"{where}.side", loc.side, 100)
        _length(p, f"{where}.character", loc.character, 500)
    for i, med in enumerate(case.medications or []):
        where = f"{prefix}medications[{i}]"
        _length(p, f"{where}.name", med.name, LINE_MAX, minimum=1)
        _length(p, f"{where}.dose", med.dose, 200)
        _length(p, f"{where}.route", med.route, 100)
        _length(p, f"{where}.frequency", med.frequency, 500)
        if med.daily_dose is not None:
            amount = med.daily_dose.amount
            if not isinstance(amount, int | float) or isinstance(amount, bool) or not math.isfinite(amount):
                p.append(Problem(f"{where}.daily_dose.amount", f"{amount!r} is not a number"))
            elif amount <= 0:
                p.append(Problem(f"{where}.daily_dose.amount", f"{amount} must be more than 0"))
            elif amount > 100000:
                p.append(Problem(f"{where}.daily_dose.amount", f"{amount} is more than the maximum 100000"))
            if med.daily_dose.unit not in DOSE_UNITS:
                p.append(
                    Problem(
                        f"{where}.daily_dose.unit",
                        f"{med.daily_dose.unit!r} is not one of {', '.join(DOSE_UNITS)}",
                    )
                )
    for kind in LINE_FIELDS:
        for i, line in enumerate(getattr(case, kind) or []):
            _length(p, f"{prefix}{kind}[{i}]", line, LINE_MAX, minimum=1)
    if case.scores is not None:
        for problem in validate_scores(case.scores):
            p.append(Problem(f"{prefix}{problem.where}", problem.message))
        for i, other in enumerate(case.scores.other or []):
            where = f"{prefix}scores.other[{i}]"
            _length(p, f"{where}.instrument", other.instrument, 100, minimum=1)
            _length(p, f"{where}.note", other.note, 500)
            if not isinstance(other.value, int | float) or not math.isfinite(other.value):
                p.append(Problem(f"{where}.value", f"{other.value!r} is not a number"))
    for i, inp in enumerate(case.discipline_inputs or []):
        where = f"{prefix}discipline_inputs[{i}]"
        if not isinstance(inp.discipline, Discipline):
            p.append(Problem(f"{where}.discipline", f"{inp.discipline!r} is not a known discipline"))
        _length(p, f"{where}.author", inp.author, 200)
        _length(p, f"{where}.assessment", inp.assessment, TEXT_MAX)
        _length(p, f"{where}.recommendations", inp.recommendations, TEXT_MAX)
    return p


def check_case(case: Case) -> None:
    problems = case_problems(case)
    if problems:
        raise InvalidInputError(problems)
