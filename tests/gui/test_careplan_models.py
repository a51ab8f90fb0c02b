"""The care-plan editor's item models against Qt's model rules (qtmodeltester), edits handed on instead of
written, refused values, read-only plans; and how dates and doses are typed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from mdtboard.domain.careplan import (
    CarePlan,
    Disagreement,
    Goal,
    Intervention,
    MedicationAction,
    MedicationPlanEntry,
    PlanProblem,
    PlanStatus,
    Procedure,
    ProcedureKind,
    RiskKind,
    RiskMitigation,
    SignOff,
)
from mdtboard.domain.case import DailyDose, Discipline
from mdtboard.ui.careplan.history import VersionListModel
from mdtboard.ui.careplan.models import CHOICES_ROLE, ItemTableModel
from mdtboard.ui.careplan.sections import SECTIONS
from mdtboard.ui.careplan.values import format_dose, parse_date, parse_dose

SAMPLE_ITEMS: dict[str, list[Any]] = {
    "problems": [PlanProblem("Chronic left L5 radicular pain"), PlanProblem("Depressive symptoms")],
    "goals": [
        Goal("Walk 30 minutes", "minutes walked", "10", "30", date(2027, 3, 1)),
        Goal("Sleep 6 hours"),
    ],
    "interventions": [
        Intervention(Discipline.PHYSICIAN, "Taper tramadol", "Dr Okafor", date(2027, 2, 1)),
        Intervention(Discipline.PSYCHOLOGY, "Graded exposure", None, None),
    ],
    "medication_plan": [
        MedicationPlanEntry(MedicationAction.REDUCE, "tramadol", "to stop", "oral",
                            DailyDose(150, "mg"), DailyDose(0, "mg")),
        MedicationPlanEntry(MedicationAction.START, "duloxetine", None, "oral", None, DailyDose(60, "mg")),
    ],
    "procedures": [Procedure(ProcedureKind.EPIDURAL_STEROID_INJECTION, "left L5")],
    "risk_mitigations": [RiskMitigation(RiskKind.NALOXONE, "kit at home")],
    "disagreements": [Disagreement("Surgery referral", None), Disagreement("Imaging", "Not needed")],
}


@pytest.mark.parametrize("section", list(SECTIONS))
def test_section_models_pass_the_model_tester(qtmodeltester: ModelTester, section: str) -> None:
    model: ItemTableModel[Any] = ItemTableModel(section, SECTIONS[section].columns)
    qtmodeltester.check(model)  # keeps checking every change below
    model.set_items(SAMPLE_ITEMS[section])
    qtmodeltester.check(model, force_py=True)
    model.insert_item(1, SECTIONS[section].new_item())
    model.replace_item(0, SAMPLE_ITEMS[section][-1])
    model.remove_item(1)
    model.set_read_only(True)
    model.set_items([])


def test_edits_go_to_the_handler_and_bad_values_are_refused(qapp: QApplication) -> None:
    model: ItemTableModel[Any] = ItemTableModel("medication_plan", SECTIONS["medication_plan"].columns)
    model.set_items(SAMPLE_ITEMS["medication_plan"])
    handed: list[tuple[int, Any, Any]] = []
    problems: list[str] = []
    model.edit_handler = lambda row, old, new: handed.append((row, old, new))
    model.problem.connect(problems.append)
    after = model.index(0, 5)  # daily dose after
    assert model.setData(after, "50 mg")
    assert handed[0][0] == 0 and handed[0][2].dose_after == DailyDose(50, "mg")
    assert model.data(after) == "0 mg/day"  # the handler (the undo stack) applies it, not the model
    assert not model.setData(after, "fifty")
    assert problems and problems[0].startswith("Daily dose after, row 1: “fifty” is not a daily amount")
    assert model.index(0, 0).data(CHOICES_ROLE) == [
        "Not yet decided", "Continue", "Reduce", "Change dose", "Stop", "Switch", "Start", "Decision pending",
    ]
    assert not model.setData(model.index(0, 6), "99")  # MME is worked out, not typed
    assert not model.flags(model.index(0, 6)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(1, 1), "  ") is False and "cannot be empty" in problems[-1]
    model.set_read_only(True)
    assert not model.setData(after, "40 mg") and len(handed) == 1


def test_smart_and_resolution_are_said_in_words_with_a_symbol(qapp: QApplication) -> None:
    goals: ItemTableModel[Any] = ItemTableModel("goals", SECTIONS["goals"].columns)
    goals.set_items(SAMPLE_ITEMS["goals"])
    assert goals.index(0, 5).data() == "SMART"
    assert goals.index(1, 5).data() == "Missing: measure, baseline, target, due date"
    assert "no due date" in goals.index(1, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert goals.index(0, 5).data(Qt.ItemDataRole.DecorationRole) is not None
    disagreements: ItemTableModel[Any] = ItemTableModel("disagreements", SECTIONS["disagreements"].columns)
    disagreements.set_items(SAMPLE_ITEMS["disagreements"])
    assert [disagreements.index(r, 2).data() for r in range(2)] == ["Not resolved", "Resolved"]


def test_version_list_model_passes_the_model_tester(qapp: QApplication, qtmodeltester: ModelTester) -> None:
    at = datetime(2026, 12, 3, 14, 30, tzinfo=UTC)
    v1 = CarePlan(case_id=1, id=1, plan_version=1, status=PlanStatus.SIGNED, signed_at=at,
                  sign_offs=[SignOff(Discipline.PHYSICIAN, "Dr Okafor", at)])
    v2 = CarePlan(case_id=1, id=2, plan_version=2, updated_at=at)
    model = VersionListModel()
    qtmodeltester.check(model)
    model.set_plans([v1, v2], shown=2)
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 0).data().startswith("Version 2 · draft · shown\nlast saved")
    assert model.index(1, 0).data().startswith("Version 1 · signed\n")
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    model.update_plan(CarePlan(case_id=1, id=2, plan_version=2, updated_at=at))
    assert model.rowCount(QModelIndex()) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("2027-03-01", date(2027, 3, 1)),
        ("in 6 weeks", date(2027, 2, 12)),
        ("6w", date(2027, 2, 12)),
        ("+10 days", date(2027, 1, 11)),
        ("3 months", date(2027, 4, 1)),
        ("today", date(2027, 1, 1)),
    ],
)
def test_dates_as_typed(text: str, expected: date | None) -> None:
    assert parse_date(text, today=date(2027, 1, 1)) == expected


def test_months_end_on_the_last_day_of_a_short_month() -> None:
    assert parse_date("1 month", today=date(2027, 1, 31)) == date(2027, 2, 28)


@pytest.mark.parametrize("text", ["next spring", "2027-02-30", "in weeks"])
def test_what_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError, match="is not a date"):
        parse_date(text, today=date(2027, 1, 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("150 mg", DailyDose(150, "mg")),
        ("150", DailyDose(150, "mg")),
        ("7,5 mg/day", DailyDose(7.5, "mg")),
        ("600 µg", DailyDose(600, "mcg")),
        ("25 mcg/hr", DailyDose(25, "mcg/h")),
    ],
)
def test_doses_as_typed(text: str, expected: DailyDose | None) -> None:
    assert parse_dose(text) == expected


def test_what_is_not_a_dose() -> None:
    with pytest.raises(ValueError, match="not a daily amount"):
        parse_dose("two tablets")
    assert format_dose(DailyDose(25, "mcg/h"), per_day=True) == "25 mcg/h"
    assert format_dose(DailyDose(7.5, "mg"), per_day=True) == "7.5 mg/day"
