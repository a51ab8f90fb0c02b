"""A patient case as the team prepares and discusses it.

Plain dataclasses mirroring the case-bundle format (``case-bundle.schema.json``).
``None`` means "not given", which is different from an empty text or list:
keeping that difference is what makes import followed by export lossless.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Discipline(StrEnum):
    PHYSICIAN = "physician"
    PHYSICAL_THERAPY = "physical_therapy"
    PSYCHOLOGY = "psychology"
    PHARMACY = "pharmacy"
    NURSING = "nursing"
    OCCUPATIONAL_THERAPY = "occupational_therapy"
    SOCIAL_WORK = "social_work"

    @property
    def label(self) -> str:
        return DISCIPLINE_LABELS[self]


DISCIPLINE_LABELS: dict[Discipline, str] = {
    Discipline.PHYSICIAN: "Physician",
    Discipline.PHYSICAL_THERAPY: "Physical therapy",
    Discipline.PSYCHOLOGY: "Psychology",
    Discipline.PHARMACY: "Pharmacy",
    Discipline.NURSING: "Nursing",
    Discipline.OCCUPATIONAL_THERAPY: "Occupational therapy",
    Discipline.SOCIAL_WORK: "Social work",
}

#: The disciplines a pain conference needs to be quorate.
CORE_DISCIPLINES: tuple[Discipline, ...] = (
    Discipline.PHYSICIAN,
    Discipline.PHYSICAL_THERAPY,
    Discipline.PSYCHOLOGY,
)

DOSE_UNITS: tuple[str, ...] = ("mg", "mcg", "mcg/h")

#: The list fields of a case, in bundle order.
LIST_FIELDS: tuple[str, ...] = (
    "pain_locations",
    "medications",
    "prior_treatments",
    "imaging",
    "comorbidities",
    "function_goals",
    "red_flags",
    "discipline_inputs",
)

#: Plain lists of lines, stored as ordered rows of one kind each.
LINE_FIELDS: tuple[str, ...] = ("prior_treatments", "imaging", "comorbidities", "function_goals", "red_flags")

#: The free-text fields of a case, in ISBAR order.
TEXT_FIELDS: tuple[str, ...] = (
    "one_liner",
    "question_for_team",
    "presenting_complaint",
    "pain_history",
    "psychosocial",
    "sharing_restrictions",
)


@dataclass(frozen=True)
class RestrictedPassage:
    """A passage of a case's free text that only some people may see.

    ``field`` is a JSON pointer into the case as a bundle writes it (``/psychosocial``,
    ``/discipline_inputs/0/assessment``); ``text`` is the exact passage, which occurs in that field;
    ``held_by`` says who may see it (a discipline such as "psychology", or a named clinician); ``note`` is
    what others may be told.
    """

    field: str
    text: str
    held_by: str
    note: str | None = None


@dataclass
class Patient:
    display_name: str
    age: int | None = None
    sex: str | None = None
    gender_identity: str | None = None
    pronouns: str | None = None
    preferred_language: str | None = None
    interpreter_needed: bool | None = None


@dataclass
class PainLocation:
    region: str
    side: str | None = None
    character: str | None = None


@dataclass
class DailyDose:
    amount: float
    unit: str  # one of DOSE_UNITS


@dataclass
class Medication:
    name: str
    dose: str | None = None
    route: str | None = None
    frequency: str | None = None
    prn: bool | None = None
    daily_dose: DailyDose | None = None


@dataclass
class PegItems:
    pain: int
    enjoyment: int
    general_activity: int


@dataclass
class OtherScore:
    instrument: str
    value: float
    note: str | None = None


@dataclass
class Scores:
    nrs: int | None = None
    peg_items: PegItems | None = None
    phq9_items: list[int] | None = None
    phq9_total: int | None = None
    phq9_item9: int | None = None
    gad7_items: list[int] | None = None
    gad7_total: int | None = None
    other: list[OtherScore] | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, name) is None for name in self.__dataclass_fields__)


@dataclass
class DisciplineInput:
    discipline: Discipline
    author: str | None = None
    assessment: str | None = None
    recommendations: str | None = None
    id: int | None = None
    agenda_item_id: int | None = None
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass
class Case:
    """A case. ``ref`` is the external reference (the bundle's ``id``); ``id`` is the database key."""

    ref: str
    fictional: bool
    patient: Patient
    title: str | None = None
    one_liner: str | None = None
    question_for_team: str | None = None
    presenting_complaint: str | None = None
    pain_history: str | None = None
    psychosocial: str | None = None
    sharing_restrictions: str | None = None
    #: Who recorded the sharing restrictions (the person to ask); not part of bundle v1.
    sharing_restrictions_by: str | None = None
    restricted_passages: list[RestrictedPassage] | None = None
    recommendation: str | None = None  # the presenter's proposal (not part of bundle v1)
    pain_locations: list[PainLocation] | None = None
    medications: list[Medication] | None = None
    prior_treatments: list[str] | None = None
    imaging: list[str] | None = None
    comorbidities: list[str] | None = None
    function_goals: list[str] | None = None
    red_flags: list[str] | None = None
    scores: Scores | None = None
    discipline_inputs: list[DisciplineInput] | None = None
    id: int | None = None
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None
    #: When the case was archived (hidden from the library and the agenda's search); not in bundles.
    archived_at: datetime | None = None


@dataclass(frozen=True)
class CaseSummary:
    """One row of the case library: enough to list and find a case, nothing more."""

    id: int
    ref: str
    display_name: str
    title: str | None
    fictional: bool
    updated_at: datetime | None = None
    archived_at: datetime | None = None

