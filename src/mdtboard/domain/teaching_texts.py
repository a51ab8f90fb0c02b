"""The texts of a case that a teaching case is made from, for :mod:`mdtboard.domain.deidentify`: every
text of a case with its path ("title", "imaging[2]", "medications[0].dose"), its checklist label, and how
one is changed by its path."""

from __future__ import annotations

import re
from typing import Any

from mdtboard.domain.case import DISCIPLINE_LABELS, LINE_FIELDS, TEXT_FIELDS, Case
from mdtboard.domain.errors import InvalidInputError, Problem

__all__ = ["label", "set_text", "text_slots"]

_LABELS: dict[str, str] = {
    "title": "Title",
    "one_liner": "One-liner",
    "question_for_team": "Question for the team",
    "presenting_complaint": "Presenting complaint",
    "pain_history": "Pain history",
    "psychosocial": "Psychosocial history",
    "sharing_restrictions": "Sharing restrictions",
    "recommendation": "Presenter's recommendation",
    "pain_locations": "Pain locations",
    "medications": "Medications",
    "prior_treatments": "Treatments so far",
    "imaging": "Imaging",
    "comorbidities": "Comorbidities",
    "function_goals": "Function goals",
    "red_flags": "Red flags",
    "scores.other": "Notes on other scores",
}

_PATH = re.compile(r"^(?P<name>[a-z_]+(?:\.other)?)(?:\[(?P<index>\d+)\])?(?:\.(?P<attr>[a-z_]+))?$")
_STRUCTURED_ATTRS = {
    "pain_locations": ("region", "side", "character"),
    "medications": ("name", "dose", "route", "frequency"),
    "scores.other": ("note",),
}


def text_slots(case: Case) -> list[tuple[str, str, str, bool]]:
    """Every non-empty text of a case: (checklist field, path, text, structured?) in case order."""
    slots: list[tuple[str, str, str, bool]] = []

    def add(field: str, where: str, text: str | None, structured: bool) -> None:
        if text is not None and text.strip():
            slots.append((field, where, text, structured))

    add("title", "title", case.title, True)
    for name in (*TEXT_FIELDS, "recommendation"):
        add(name, name, getattr(case, name), False)
    for name, attrs in _STRUCTURED_ATTRS.items():
        entries = case.scores.other if name == "scores.other" and case.scores else getattr(case, name, None)
        for index, entry in enumerate(entries or []):
            for attr in attrs:
                add(name, f"{name}[{index}].{attr}", getattr(entry, attr), True)
    for name in LINE_FIELDS:
        if name != "discipline_inputs":
            for index, line in enumerate(getattr(case, name) or []):
                add(name, f"{name}[{index}]", line, True)
    for index, entry in enumerate(case.discipline_inputs or []):
        for attr in ("assessment", "recommendations"):
            path = f"discipline_inputs[{index}].{attr}"
            add(path, path, getattr(entry, attr), False)
    return slots


def label(field: str, case: Case) -> str:
    match = re.match(r"discipline_inputs\[(\d+)\]\.(\w+)", field)
    if match and case.discipline_inputs is not None:
        entry = case.discipline_inputs[int(match.group(1))]
        return f"{DISCIPLINE_LABELS[entry.discipline]} input: {match.group(2)}"
    return _LABELS.get(field, field)


def set_text(case: Case, where: str, text: str | None) -> None:
    match = _PATH.match(where)
    if match is None:
        raise InvalidInputError(Problem(where, "is not a text field of a case"))
    name, index, attr = match.group("name"), match.group("index"), match.group("attr")
    if index is None and attr is None and name in (*TEXT_FIELDS, "recommendation", "title"):
        setattr(case, name, text)
        return
    entries: Any = case.scores.other if name == "scores.other" and case.scores else getattr(case, name, None)
    if index is None or not isinstance(entries, list) or int(index) >= len(entries):
        raise InvalidInputError(Problem(where, "is not a text field of this case"))
    allowed = _STRUCTURED_ATTRS.get(name) or (("assessment", "recommendations")
                                               if name == "discipline_inputs" else ())
    if attr is None and name in LINE_FIELDS and name != "discipline_inputs":
        if text is None or not text.strip():
            raise InvalidInputError(Problem(where, "a line of a list cannot be empty"))
        entries[int(index)] = text
    elif attr in allowed:
        if attr in ("name", "region") and text is None:
            raise InvalidInputError(Problem(where, f"the {attr} cannot be empty"))
        setattr(entries[int(index)], attr, text)
    else:
        raise InvalidInputError(Problem(where, "is not a text field of a case"))



