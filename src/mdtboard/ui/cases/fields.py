"""How a case is seen field by field: for merging it with a version saved elsewhere, for the conflict view
and for naming a field to the people in the room."""

from __future__ import annotations

from typing import Any

from mdtboard.domain.case import Case, Patient, Scores
from mdtboard.domain.merge import record_fields, with_fields
from mdtboard.ui.cases import display as show

#: How a case is seen field by field when it is merged with a version saved elsewhere.
_NESTED: dict[str, type] = {"patient": Patient, "scores": Scores}
_NOT_FIELDS = ("id", "version", "created_at", "updated_at", "archived_at", "discipline_inputs")


def case_fields(case: Case) -> dict[str, Any]:
    return record_fields(case, nested=tuple(_NESTED), skip=_NOT_FIELDS)


def case_with_fields(like: Case, values: dict[str, Any]) -> Case:
    case: Case = with_fields(like, values, nested=_NESTED)
    return case


def field_label(name: str) -> str:
    key = "id" if name == "ref" else name
    return show.FIELD_LABELS.get(key, name.replace("_", " ").capitalize())
