"""How the care-plan editor's record session sees a plan: its fields, flat, for saving and merging.

A plan is merged with a version saved elsewhere field by field (:mod:`mdtboard.domain.merge`): each strand
of the formulation, the review date, the responsible clinician and the patient's agreement is a field, and
each of the seven lists is one field. The bookkeeping (ids, versions, times, the sign-offs, the status) is
not: the service keeps it. List items are compared without their database ids, which a save renews.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from mdtboard.domain.careplan import CarePlan, Formulation, PatientAgreement
from mdtboard.domain.merge import record_fields, with_fields
from mdtboard.services.careplans import CarePlanService
from mdtboard.ui.careplan.fields import LABELS
from mdtboard.ui.careplan.sections import SECTIONS

_NESTED: dict[str, type] = {"formulation": Formulation, "agreement": PatientAgreement}
_NOT_FIELDS = (
    "id", "version", "created_at", "updated_at", "signed_at", "sign_offs", "status", "plan_version",
    "supersedes", "case_id", "agenda_item_id", "case_ref", "conference_id", "conference_title",
    "conference_date",
)


def _without_ids(value: Any) -> Any:
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type) and hasattr(value, "id"):
        return dataclasses.replace(value, id=None)
    return value


def plan_fields(plan: CarePlan) -> dict[str, Any]:
    """The plan's fields as its editor edits them, flat."""
    fields = record_fields(plan, nested=tuple(_NESTED), skip=_NOT_FIELDS)
    return {name: _without_ids(value) for name, value in fields.items()}


def plan_with_fields(like: CarePlan, values: dict[str, Any]) -> CarePlan:
    plan: CarePlan = with_fields(like, values, nested=_NESTED)
    return plan


def field_label(name: str) -> str:
    """A field's name on screen ("Biological formulation", "Goals")."""
    if name in LABELS:
        return LABELS[name][:1].upper() + LABELS[name][1:]
    if name in SECTIONS:
        noun = SECTIONS[name].noun
        return (noun[:1].upper() + noun[1:]) + ("s" if not noun.endswith("s") else "")
    return name.replace("_", " ").capitalize()


def store_plan(service: CarePlanService, plan: CarePlan) -> CarePlan:
    """Save a draft (on the writer thread); a version saved elsewhere comes back in the ConflictError."""
    return service.save_draft(plan)
