"""The case editor's form as keys: which widget shows which part of a :class:`Case`, and the paths
into a case that the form reads and writes (see :mod:`mdtboard.ui.cases.form`)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt

from mdtboard.domain.case import Case, Scores
from mdtboard.domain.mme import format_number

#: Single fields: widget name -> (path in the case, kind).
SCALARS: dict[str, tuple[str, str]] = {
    "refEdit": ("id", "ref"),
    "titleEdit": ("title", "text"),
    "nameEdit": ("patient.display_name", "name"),
    "ageEdit": ("patient.age", "int"),
    "sexEdit": ("patient.sex", "text"),
    "genderEdit": ("patient.gender_identity", "text"),
    "pronounsEdit": ("patient.pronouns", "text"),
    "languageEdit": ("patient.preferred_language", "text"),
    "interpreterCombo": ("patient.interpreter_needed", "tri"),
    "fictionalCheck": ("fictional", "bool"),
    "sharingEdit": ("sharing_restrictions", "text"),
    "sharingByEdit": ("sharing_restrictions_by", "text"),
    "oneLinerEdit": ("one_liner", "text"),
    "questionEdit": ("question_for_team", "text"),
    "complaintEdit": ("presenting_complaint", "text"),
    "historyEdit": ("pain_history", "text"),
    "treatmentsEdit": ("prior_treatments", "lines"),
    "imagingEdit": ("imaging", "lines"),
    "comorbiditiesEdit": ("comorbidities", "lines"),
    "psychosocialEdit": ("psychosocial", "text"),
    "nrsEdit": ("scores.nrs", "int"),
    "redFlagsEdit": ("red_flags", "lines"),
    "recommendationEdit": ("recommendation", "text"),
    "goalsEdit": ("function_goals", "lines"),
}
PEG_FIELDS = ("pegPainEdit", "pegEnjoymentEdit", "pegActivityEdit")
PEG_NAMES = ("pain", "enjoyment", "general_activity")
PHQ9_FIELDS = tuple(f"phq9Item{i}" for i in range(1, 10))
GAD7_FIELDS = tuple(f"gad7Item{i}" for i in range(1, 8))

#: Tables: name -> (path in the case, column titles for messages).
TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "locationsTable": ("pain_locations", ("Region", "Side", "Character")),
    "medicationsTable": (
        "medications",
        ("Name", "Dose", "Route", "Frequency", "As needed", "Daily amount", "Unit", "MME/day"),
    ),
    "otherScoresTable": ("scores.other", ("Instrument", "Value", "Note")),
}
MED_MME_COLUMN = 7
#: "As needed" is a check box; its text ("yes", "no", or "" when never said) is kept in this role.
MED_PRN_COLUMN = 4
MED_AMOUNT_COLUMN = 5
MED_UNIT_COLUMN = 6
PRN_ROLE = Qt.ItemDataRole.UserRole + 1
MED_KEYS = ("name", "dose", "route", "frequency", "prn", "daily_dose.amount", "daily_dose.unit")
LOC_KEYS = ("region", "side", "character")
OTHER_KEYS = ("instrument", "value", "note")

#: Which tab (ISBAR part) each unit's field sits on, for jumping to a problem or an undone edit.
TABLE_PATH = re.compile(r"^(pain_locations|medications|scores\.other)\[(\d+)\](?:\.(.+))?$")
ITEM_PATH = re.compile(r"^scores\.(phq9|gad7)_items(?:\[(\d+)\])?$")


def number_text(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value, 4)
    return str(value)


def get_path(obj: Any, path: str) -> Any:
    for part in path.split("."):
        if obj is None:
            return None
        obj = getattr(obj, "ref" if part == "id" else part)
    return obj


def set_path(case: Case, path: str, value: Any) -> None:
    *head, last = path.split(".")
    obj: Any = case
    for part in head:
        if part == "scores" and case.scores is None:
            case.scores = Scores()
        obj = getattr(obj, part)
    setattr(obj, "ref" if last == "id" else last, value)
