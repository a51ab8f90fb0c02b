"""The programme view for a programme director: agreement between raters with its n, and the chosen
trainee's competency record exported from the view (CSV parsed back, PDF read back with pypdf)."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from conftest import settle
from gui_helpers import opened
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from mdtboard.domain.rubric import AssessorRole, Score
from mdtboard.services.context import Services, open_services
from mdtboard.ui.training.window import PROGRAMME_TAB, TrainingWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "training"))
from training_setup import FACILITATOR, KWAME, ZOE, load_bank, teaching_conference  # noqa: E402

pytestmark = pytest.mark.gui
FAC = AssessorRole.FACILITATOR
SECOND = "Chidi Okafor (physiotherapist)"


@pytest.fixture
def services(sqlite_database_url: str) -> Iterator[Services]:
    opened = open_services(sqlite_database_url)
    yield opened
    opened.close()


def test_agreement_and_a_trainees_export_from_the_programme_view(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = load_bank(services)
    conf = teaching_conference(services, "Teaching", datetime(2026, 5, 11, 13), [bank["TEACH-17"]])
    assert conf.id is not None
    for trainee, values in ((ZOE, (2, 3)), (KWAME, (4, 4))):
        for rater, value in zip((FACILITATOR, SECOND), values, strict=True):
            stored = services.training.save_assessment(
                conf.id, trainee, FAC, [Score("trainee.closes_loop", value, "Seen." if value < 3 else None)],
                assessor=rater)
            services.training.submit_assessment(stored.id, seen_version=stored.version)
    window = TrainingWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    settle()
    window.show_tab(PROGRAMME_TAB)
    settle()
    view = window.programme
    text = view.ui.agreementLabel.text()
    assert "weighted kappa (quadratic)" in text and "n = 2 pairs of scores" in text
    assert "ICC(1,1)" in text and "n = 2 items scored by 2 raters" in text
    # no trainee chosen: nothing written, and the view says why
    messages: list[str] = []
    view.status_message.connect(messages.append)
    view.ui.programmeTable.clearSelection()
    view.ui.programmeTable.setCurrentIndex(view.proxy.index(-1, -1))
    assert view.export("csv", tmp_path / "none.csv") is None and not (tmp_path / "none.csv").exists()
    assert messages[-1] == "Choose a trainee in the table first."
    view.choose_trainee(ZOE)
    assert view.chosen_trainee == ZOE
    # the button asks where to save; the CSV reads back
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(tmp_path / "zoe.csv"), "CSV (*.csv)"))
    view.ui.exportCsvButton.click()
    settle()
    with (tmp_path / "zoe.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted((r["rater"], r["score"]) for r in rows) == [(SECOND, "3"), (FACILITATOR, "2")]
    assert {r["trainee"] for r in rows} == {ZOE}
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(tmp_path / "zoe.pdf"), "PDF (*.pdf)"))
    view.ui.exportPdfButton.click()
    settle()
    text = " ".join(" ".join((p.extract_text() or "") for p in PdfReader(tmp_path / "zoe.pdf").pages).split())
    assert ZOE in text and FACILITATOR in text and SECOND in text and "2.5 (2)" in text
    assert messages[-1].startswith(f"{ZOE}'s competency record saved to")


def test_calibration_scores_a_vignette_by_keyboard_and_shows_the_difference_from_the_reference(
    qtbot: QtBot, services: Services
) -> None:
    from PySide6.QtCore import Qt

    from mdtboard.ui.training.window import CALIBRATION_TAB

    window = TrainingWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_tab(CALIBRATION_TAB)
    settle()
    panel = window.calibration
    panel.choose("CAL-03")
    assert "Twelve minutes pass" in panel.ui.vignetteText.toPlainText()
    keys = [row.item.key for row in panel.rows]
    assert keys == ["meeting.chairing", "meeting.inclusion", "meeting.plan_clarity"]
    first = panel.rows[0]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    for key in (Qt.Key.Key_4, Qt.Key.Key_Down):
        qtbot.keyClick(first, key)
    second = panel.rows[1]
    qtbot.waitUntil(second.hasFocus)
    qtbot.keyClick(second, Qt.Key.Key_2)
    assert panel.ui.resultTable.rowCount() == 0  # the reference stays hidden until compared
    qtbot.keyClick(panel, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.result is not None)
    table = panel.ui.resultTable
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert rows == [
        ["Chairing", "4", "2", "4: 2 above the reference (2)"],
        ["Inclusion of every discipline", "2", "2", "2: as the reference"],
        ["Clarity of the plan", "–", "1", "not scored; reference 1"],
    ]
    assert "no decision read out" in table.item(2, 4).text()
    summary = panel.ui.summaryLabel.text()
    assert summary.startswith("1 of 3 items within one point of the reference (2 scored)")


def test_a_trainee_in_the_chair_is_scored_on_the_chairing_items(qtbot: QtBot, services: Services) -> None:
    from mdtboard.domain.rubric import RubricDomain
    from mdtboard.ui.training.window import SCORING_TAB

    load_bank(services)
    window = TrainingWindow(services)
    qtbot.addWidget(window)
    window.show()
    dialog = window.new_conference()
    settle()
    ui = dialog.ui
    ui.titleEdit.setText("Chaired by a trainee")
    ui.facilitatorEdit.setText(FACILITATOR)
    for name, profession in ((ZOE, "Physician"), (KWAME, "Psychology")):  # new to the programme
        ui.newNameEdit.setText(name)
        ui.newProfessionCombo.setCurrentIndex(ui.newProfessionCombo.findText(profession))
        assert dialog.add_trainee()
    # only the facilitator and the trainees ticked may chair
    assert [ui.chairCombo.itemData(i) for i in range(ui.chairCombo.count())] == [None, ZOE, KWAME]
    dialog.choose_trainee(ZOE, False)
    assert [ui.chairCombo.itemData(i) for i in range(ui.chairCombo.count())] == [None, KWAME]
    dialog.choose_trainee(ZOE)
    dialog.choose_chair(KWAME)
    ui.buttonBox.accepted.emit()
    settle()
    assert window.conference is not None
    conf = services.conferences.get(window.conference.id or 0)
    assert conf.chair == KWAME  # the facilitator is not made the chair
    assert [(a.name, a.role.value) for a in conf.attendees] == [
        (FACILITATOR, "observer"), (ZOE, "trainee"), (KWAME, "trainee")]
    assert conf.facilitator == FACILITATOR
    info = window.ui.conferenceInfo.text()  # the trainee in the chair is not called the facilitator
    assert f"Facilitator: {FACILITATOR}." in info and f"Chair: {KWAME} (trainee)." in info
    window.show_tab(SCORING_TAB)
    settle()
    panel = window.scoring
    panel.set_rater(FACILITATOR)
    settle()
    panel.set_trainee(KWAME)
    settle()
    assert {row.item.domain for row in panel.rows} >= {RubricDomain.MEETING}
    assert "chairs the meeting" in panel.ui.partsLabel.text()
    panel.set_trainee(ZOE)
    settle()
    assert RubricDomain.MEETING not in {row.item.domain for row in panel.rows}


def test_the_cohort_columns_flag_a_trainee_and_count_curriculum_topics(
    qtbot: QtBot, services: Services
) -> None:
    from mdtboard.domain.facilitator_guides import curriculum
    from mdtboard.ui.training.programme import FLAGS, TEAM, TOPICS, TRAINEE

    bank = load_bank(services)
    today = datetime.now()
    conf = teaching_conference(services, "Recent", today.replace(hour=9, minute=0, second=0, microsecond=0),
                               [bank["TEACH-15"]])
    assert conf.id is not None
    stored = services.training.save_assessment(conf.id, ZOE, FAC, [Score("trainee.closes_loop", 2, "Late.")],
                                               case_id=None, assessor=FACILITATOR)
    services.training.submit_assessment(stored.id, seen_version=stored.version)
    stored = services.training.save_assessment(conf.id, ZOE, FAC, [Score("case.isbar.situation", 4)],
                                               case_id=bank["TEACH-15"], assessor=FACILITATOR)
    services.training.submit_assessment(stored.id, seen_version=stored.version)
    window = TrainingWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    settle()
    window.show_tab(PROGRAMME_TAB)
    settle()
    view = window.programme
    model = view.model
    by_name = {model.index(r, TRAINEE).data(): r for r in range(model.rowCount())}
    zoe, kwame = by_name[ZOE], by_name[KWAME]
    assert model.index(zoe, TEAM).data() == "2.0"
    assert model.index(zoe, FLAGS).data() == "below expectation in team behaviours (2.0)"
    assert model.index(kwame, FLAGS).data() == "no rater's assessment in the last 90 days"
    assert model.index(zoe, TOPICS).data() == f"2 of {len(curriculum())}"  # TEACH-15: children; interpreters
    assert model.index(zoe, TOPICS).data(Qt.ItemDataRole.ToolTipRole) == (
        "Children and adolescents, Culture, language and interpreters")
    assert view.ui.cohortLabel.text().startswith(
        f"Curriculum covered by the cohort: 2 of {len(curriculum())} topics; 2 trainee(s) flagged.")


def test_trainees_are_people_with_a_profession_and_a_year_of_training(
    qtbot: QtBot, services: Services
) -> None:
    from mdtboard.domain.case import Discipline
    from mdtboard.ui.training.programme import PROFESSION, TRAINEE, YEAR

    load_bank(services)
    window = TrainingWindow(services)
    qtbot.addWidget(window)
    window.show()
    dialog = window.new_conference()
    settle()
    dialog.ui.titleEdit.setText("People")
    dialog.ui.facilitatorEdit.setText(FACILITATOR)
    ui = dialog.ui
    for name, profession, year in ((ZOE, "Psychology", 3), (KWAME, "Pharmacy", 0)):
        ui.newNameEdit.setText(name)
        ui.newProfessionCombo.setCurrentIndex(ui.newProfessionCombo.findText(profession))
        ui.newYearSpin.setValue(year)
        assert dialog.add_trainee()
    # a name already in the list is ticked, not added twice
    ui.newNameEdit.setText(f"  {ZOE.upper()} ")
    assert not dialog.add_trainee() and len(dialog.listed_trainees()) == 2
    dialog.ui.buttonBox.accepted.emit()
    settle()
    assert window.conference is not None
    people = services.training.trainee_people()
    assert {(p.name, p.profession, p.year_of_training) for p in people.values()} == {
        (ZOE, Discipline.PSYCHOLOGY, 3), (KWAME, Discipline.PHARMACY, None)}
    # a later conference gives Kwame's year; Zoë's stays as recorded when none is given
    services.training.register_trainees([])
    from mdtboard.domain.progress import Trainee

    services.training.register_trainees([Trainee(KWAME, Discipline.PHARMACY, 2),
                                         Trainee(ZOE.upper(), Discipline.PSYCHOLOGY, None)])
    window.refresh()
    settle()
    window.show_tab(PROGRAMME_TAB)
    settle()
    model = window.programme.model
    rows = {model.index(r, TRAINEE).data(): (model.index(r, PROFESSION).data(), model.index(r, YEAR).data())
            for r in range(model.rowCount())}
    assert rows == {ZOE: ("Psychology", "3"), KWAME: ("Pharmacy", "2")}


def test_trainees_preparing_see_the_case_without_model_answers_or_red_flags(
    qtbot: QtBot, services: Services
) -> None:
    from mdtboard.domain.facilitator_guides import guide_for
    from mdtboard.domain.preparation import preparation
    from mdtboard.ui.training.window import ROLES_TAB

    bank = load_bank(services)
    conf = teaching_conference(services, "Preparing", datetime(2026, 6, 8, 13), [bank["TEACH-14"]])
    assert conf.id is not None
    window = TrainingWindow(services)
    qtbot.addWidget(window)
    window.show()
    assert opened(window, conf.id)
    window.select_case(0)
    settle()
    window.show_tab(ROLES_TAB)
    settle()
    roles = window.roles
    text = roles.ui.preparationText.toPlainText()
    case = services.cases.get(bank["TEACH-14"])
    assert case.one_liner and case.one_liner in text and "Should we switch him from pregabalin" in text
    assert "PHQ-9 10" in text and "morphine sulfate modified-release" in text
    # the model answers and the red-flag list are not there; the guide keeps them for the debrief
    physician = next(i for i in case.discipline_inputs or [] if i.discipline.value == "physician")
    assert "NG234" in (physician.assessment or "") and "NG234" not in text
    assert all(flag not in text for flag in case.red_flags or [])
    assert "Kept for the debrief" in roles.ui.withheldLabel.text()
    assert guide_for("TEACH-14") is not None
    # a teaching case not from the bank has no model answers: shown whole
    case.ref = "TEACH-2026-001"
    assert preparation(case).withheld is None
    assert any(heading == "Disciplines' input" for heading, _ in preparation(case).sections)


def test_a_trainee_s_name_is_corrected_from_the_programme_view(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from mdtboard.domain.case import Discipline
    from mdtboard.domain.progress import Trainee

    bank = load_bank(services)
    conf = teaching_conference(services, "Teaching", datetime(2026, 5, 11, 13), [bank["TEACH-17"]])
    assert conf.id is not None
    stored = services.training.save_assessment(conf.id, ZOE, FAC, [Score("trainee.closes_loop", 4)],
                                               assessor=FACILITATOR)
    services.training.submit_assessment(stored.id, seen_version=stored.version)
    services.training.register_trainees([Trainee(ZOE, Discipline.PSYCHOLOGY, 2)])
    window = TrainingWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    settle()
    window.show_tab(PROGRAMME_TAB)
    settle()
    view = window.programme
    messages: list[str] = []
    view.status_message.connect(messages.append)
    view.choose_trainee(ZOE)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Zoë  Lindqvist", True))
    view.ui.renameButton.click()
    settle()
    assert view.chosen_trainee == "Zoë Lindqvist"
    assert messages[-1] == f"{ZOE} is now Zoë Lindqvist in every conference, assessment and goal."
    assert [a.assessment.trainee for a in services.training.assessments(conf.id)] == ["Zoë Lindqvist"]
    # a name that is not a recorded trainee's cannot be corrected here, and the view says why
    view.choose_trainee(KWAME)
    assert view.chosen_trainee == KWAME
    view.rename("Kwame A.")
    settle()
    assert messages[-1].startswith("Not renamed:") and "nobody is recorded" in messages[-1]
