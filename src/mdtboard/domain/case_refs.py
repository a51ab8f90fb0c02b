"""References of new cases: readable, unique, and the person may change them.

A new case gets ``MDT-<year>-<number>`` (a real patient) or ``TEACH-<year>-<number>`` (a fictional,
teaching case), numbered one after the highest number already taken that year, three digits at least:
``MDT-2026-001``, ``MDT-2026-002``... A copy of a case is a new case and is numbered the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mdtboard.domain.case import Case, Patient

REAL_PREFIX = "MDT"
FICTIONAL_PREFIX = "TEACH"

def reference_prefix(fictional: bool, year: int) -> str:
    return f"{FICTIONAL_PREFIX if fictional else REAL_PREFIX}-{year}-"


def next_reference(prefix: str, taken: Iterable[str]) -> str:
    """``prefix`` followed by one more than the highest number that follows it in ``taken`` (3 digits at
    least), skipping any reference in ``taken``."""
    taken_set = set(taken)
    pattern = re.compile(re.escape(prefix) + r"(\d+)$")
    numbers = [int(m.group(1)) for ref in taken_set if (m := pattern.match(ref))]
    number = max(numbers, default=0) + 1
    while f"{prefix}{number:03d}" in taken_set:
        number += 1
    return f"{prefix}{number:03d}"


def blank_case(ref: str, fictional: bool) -> Case:
    """A new case with nothing in it yet but its reference and kind (the patient's name is still to be
    typed, so it is not a case that may be stored yet)."""
    return Case(ref=ref, fictional=fictional, patient=Patient(display_name=""))
