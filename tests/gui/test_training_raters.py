"""Raters and trainees are people: two raters with accounts score the same trainee on the meeting-room PC
(the second confirms with her own PIN) and each is recorded as who scored, blind until both submitted;
the trainees of a new teaching conference are chosen from the people and trainee accounts, not typed; and
the training window runs no database statement on the GUI thread. On SQLite and PostgreSQL."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import settle
from gui_helpers import opened
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from mdtboard.domain.accounts import Account, Role
from mdtboard.domain.case import Discipline
from mdtboard.domain.progress import Trainee, trainee_key
from mdtboard.domain.rubric import AssessorRole
from mdtboard.services.context import Services
from mdtboard.storage.db import Database
from mdtboard.ui.training.window import (
    CALIBRATION_TAB,
    DEBRIEF_TAB,
    GOALS_TAB,
    PROGRAMME_TAB,
    PROGRESS_TAB,
    ROLES_TAB,
    SCORING_TAB,
    TrainingWindow,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "training"))
from training_setup import FACILITATOR, KWAME, ZOE, load_bank, teaching_conference  # noqa: E402

pytestmark = pytest.mark.gui
FAC, SELF = AssessorRole.FACILITATOR, AssessorRole.SELF
DOYLE = "Maeve Doyle"
ITEM = "case.isbar.background"


@pytest.fixture
def services(db: Database) -> Iterator[Services]:
    """The services on each database; background operations still running when a test ends are finished
    before the database is closed (none may hold a connection of a closed engine)."""
    yield Services.on(db)
    settle()


@pytest.fixture
def conference(services: Services) -> tuple[int, int, int]:
    """A teaching conference where Zoë presents TEACH-02: (conf, item, case)."""
    bank = load_bank(services)
    conf = teaching_conference(services, "Teaching 3", datetime(2026, 3, 9, 13), [bank["TEACH-02"]])
    item = conf.agenda[0]
    assert conf.id is not None and item.id is not None
    services.training.assign_role(item.id, ZOE)
    services.training.assign_role(item.id, KWAME, Discipline.PHYSICIAN)
    return conf.id, item.id, item.case_id


def _team(services: Services) -> tuple[Account, Account]:
    services.accounts.slowdown_s = 0.0
    admin = services.accounts.create_first_administrator("admin", "Ada Admin", "admin-password-1")
    raman = services.accounts.add(admin, "raman", FACILITATOR, "raman-password-1", [Role.MEMBER],
                                  discipline=Discipline.PHYSICIAN, pin="2468")
    doyle = services.accounts.add(admin, "doyle", DOYLE, "doyle-password-1", [Role.MEMBER],
                                  discipline=Discipline.PHYSICAL_THERAPY, pin="1357")
    return raman, doyle


def _window(qtbot: QtBot, services: Services, conf_id: int) -> TrainingWindow:
    window = TrainingWindow(services, save_delay_ms=50)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert opened(window, conf_id)
    window.select_case(0)
    window.show_tab(SCORING_TAB)
    settle()
    return window


def _score(qtbot: QtBot, window: TrainingWindow, value: int) -> None:
    row = window.scoring.row(ITEM)
    row.setFocus()
    qtbot.waitUntil(row.hasFocus)
    qtbot.keyClick(row, getattr(Qt.Key, f"Key_{value}"))


def _submit(window: TrainingWindow) -> None:
    assert window.scoring.submit()
    settle()
    assert window.scoring.submitted


def _other(window: TrainingWindow) -> str:
    return window.scoring.row(ITEM).ui.otherLabel.text()


def test_two_raters_with_accounts_score_the_same_trainee_each_recorded_as_themselves(
    qtbot: QtBot, services: Services, conference: tuple[int, int, int]
) -> None:
    conf_id, _item_id, _case_id = conference
    raman, doyle = _team(services)
    services.accounts.become(raman)  # Dr Raman is signed in on the meeting-room PC
    window = _window(qtbot, services, conf_id)
    panel = window.scoring
    # the rater is the account signed in: nothing typed
    assert panel.rater.account_id == raman.id and panel.ui.raterEdit.isHidden()
    combo = panel.ui.raterCombo
    assert combo.isVisibleTo(window) and combo.currentText().startswith(FACILITATOR)
    assert f"Scored by {FACILITATOR}" in panel.ui.partsLabel.text()
    # Zoë's self-assessment first, submitted and locked
    panel.set_role(SELF)
    settle()
    _score(qtbot, window, 4)
    _submit(window)
    # Dr Raman scores blind; the trainee cannot see her scores before both have submitted
    panel.set_role(FAC)
    settle()
    _score(qtbot, window, 3)
    assert panel.flush()
    assert _other(window) == ""
    panel.set_role(SELF)
    settle()
    assert _other(window) == ""
    panel.set_role(FAC)
    settle()
    _submit(window)
    assert _other(window) == "Self-assessment: 4"
    # Maeve Doyle (physiotherapist) scores on the same PC: she chooses herself and types her own PIN
    dialog = panel.rater.choose(doyle.id)
    assert dialog is not None and dialog.isVisible() and panel.rater.account_id == raman.id
    dialog.secret_edit.setText("0000")  # a wrong PIN changes nothing
    dialog.ok_button.click()
    settle()
    assert panel.rater.account_id == raman.id
    dialog = panel.rater.choose(doyle.id)
    assert dialog is not None
    dialog.secret_edit.setText("1357")
    dialog.ok_button.click()
    settle()
    assert panel.rater.account_id == doyle.id and panel.ui.raterCombo.currentData() == doyle.id
    assert f"Scored by {DOYLE}" in panel.ui.partsLabel.text()
    row = panel.row(ITEM)
    assert row.value is None and _other(window) == ""  # blind to the self-assessment and to Dr Raman
    _score(qtbot, window, 5)
    _submit(window)
    assert _other(window) == f"Self-assessment: 4; {FACILITATOR}: 3"
    # stored as two assessments, each under the account of the person who scored (not the chair)
    stored = [a.assessment for a in services.training.assessments(conf_id, ZOE)
              if a.assessment.role is FAC and a.assessment.case_ref]
    assert sorted((a.assessor_id, a.assessor, a.score(ITEM).value) for a in stored  # type: ignore[union-attr]
                  ) == sorted([(raman.id, FACILITATOR, 3), (doyle.id, DOYLE, 5)])
    # the trainee now sees both raters side by side
    panel.set_role(SELF)
    settle()
    assert _other(window) == f"{FACILITATOR}: 3; {DOYLE}: 5"
    # the debrief on screen shows each rater's scores and the spread, as its paper does
    window.show_tab(DEBRIEF_TAB)
    window.debrief.set_trainee(ZOE)
    qtbot.waitUntil(lambda: window.debrief.inputs is not None, timeout=3000)
    preview = " ".join(window.debrief.ui.preview.toPlainText().split())
    assert f"scored by {FACILITATOR}" in preview and f"scored by {DOYLE}" in preview
    assert f"Background: 3 ({FACILITATOR}), 5 ({DOYLE}), spread 2" in preview
    # goals written after the reveal are recorded with the rater's account
    window.show_tab(GOALS_TAB)
    settle()
    assert window.goals.rater_id == doyle.id
    # someone signs in (unlocking, switching user): they score from then on; Maeve would confirm again
    window.show_tab(SCORING_TAB)
    panel.set_role(FAC)
    settle()
    assert f"Scored by {DOYLE}" in panel.ui.partsLabel.text()
    window.signed_in_changed(raman)
    settle()
    assert panel.rater.account_id == raman.id and panel.rater.confirmed is None
    assert panel.ui.raterCombo.currentData() == raman.id
    assert f"Scored by {FACILITATOR}" in panel.ui.partsLabel.text()
    window.close()
    settle()


def test_trainees_are_chosen_from_people_and_trainee_accounts_not_typed(
    qtbot: QtBot, services: Services
) -> None:
    services.accounts.slowdown_s = 0.0
    admin = services.accounts.create_first_administrator("admin", "Ada Admin", "admin-password-1")
    ola = services.accounts.add(admin, "ola", "Ola Adeyemi", "ola-password-12", [Role.TRAINEE],
                                discipline=Discipline.NURSING)
    services.training.register_trainees([Trainee(ZOE, Discipline.PSYCHOLOGY, 3)])
    bank = load_bank(services)
    window = TrainingWindow(services)
    qtbot.addWidget(window)
    window.show()
    settle()
    dialog = window.new_conference()
    settle()
    ui = dialog.ui
    assert not hasattr(ui, "traineesEdit")  # no names typed line by line any more
    listed = [ui.traineesList.item(r).text() for r in range(ui.traineesList.count())]
    assert listed == ["Ola Adeyemi (nursing, has an account)", f"{ZOE} (psychology, year 3)"]
    dialog.choose_trainee("Ola Adeyemi")
    ui.newNameEdit.setText("Sam Okoro")  # someone new: name, profession, year of training
    ui.newProfessionCombo.setCurrentIndex(ui.newProfessionCombo.findData(Discipline.SOCIAL_WORK.value))
    ui.newYearSpin.setValue(1)
    qtbot.keyClick(ui.newNameEdit, Qt.Key.Key_Return)
    assert [t.name for t in dialog.chosen_trainees()] == ["Ola Adeyemi", "Sam Okoro"]
    ui.facilitatorEdit.setText(FACILITATOR)
    for row in range(ui.casesList.count()):
        if ui.casesList.item(row).text().startswith("TEACH-02"):
            ui.casesList.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.choose_chair("Sam Okoro")
    ui.buttonBox.accepted.emit()
    settle()
    assert window.conference is not None
    conf = services.conferences.get(window.conference.id or 0)
    assert [(a.name, a.discipline, a.role.value) for a in conf.attendees] == [
        (FACILITATOR, Discipline.PHYSICIAN, "observer"), ("Ola Adeyemi", Discipline.NURSING, "trainee"),
        ("Sam Okoro", Discipline.SOCIAL_WORK, "trainee")]
    assert conf.chair == "Sam Okoro" and [i.case_id for i in conf.agenda] == [bank["TEACH-02"]]
    people = services.training.trainee_people()
    assert people[trainee_key("Ola Adeyemi")].account_id == ola.id  # the account is the person now
    assert people[trainee_key("Sam Okoro")] == Trainee("Sam Okoro", Discipline.SOCIAL_WORK, 1, None)
    assert [t.name for t in services.training.trainee_choices()] == ["Ola Adeyemi", "Sam Okoro", ZOE]
    window.close()
    settle()


def test_the_training_window_runs_no_statement_on_the_gui_thread(
    qtbot: QtBot, services: Services, conference: tuple[int, int, int], tmp_path: Path
) -> None:
    conf_id, _item_id, _case_id = conference
    gui = threading.get_ident()
    on_gui: list[str] = []
    on_workers: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        (on_gui if threading.get_ident() == gui else on_workers).append(" ".join(statement.split())[:80])

    engine = services.db.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        window = _window(qtbot, services, conf_id)
        panel = window.scoring
        panel.set_rater(FACILITATOR)
        settle()
        _score(qtbot, window, 4)  # saved by the record session on the writer thread
        assert panel.flush()
        _submit(window)
        panel.set_trainee(KWAME)
        settle()
        window.show_tab(ROLES_TAB)
        settle()
        combo = window.roles.part_combos[None]
        combo.setCurrentIndex(combo.findText(KWAME))
        combo.activated.emit(combo.currentIndex())  # a part given
        settle()
        window.roles.ui.presentationEdit.setText("4:10")
        window.roles.ui.presentationEdit.editingFinished.emit()  # a timing typed
        settle()
        for tab in (DEBRIEF_TAB, PROGRESS_TAB, PROGRAMME_TAB, GOALS_TAB, CALIBRATION_TAB):
            window.show_tab(tab)
            settle()
        window.goals.ui.goal1Edit.setText("Open with the one-liner.")
        window.goals.save()  # refused (not revealed yet), on the writer thread
        settle()
        window.goals.focus_item("trainee.speaks_up").setCheckState(Qt.CheckState.Checked)
        settle()
        window.show_progress(ZOE)
        settle()
        window.show_tab(PROGRAMME_TAB)
        settle()
        window.programme.choose_trainee(ZOE)
        window.programme.export("csv", tmp_path / "zoe.csv")
        settle()
        window.show_tab(DEBRIEF_TAB)
        settle()
        window.debrief.set_trainee(ZOE)
        settle()
        assert window.debrief.save_pdf(tmp_path / "debrief.pdf")
        settle()
        window.refresh()
        settle()
        window.stored_elsewhere()
        settle()
        dialog = window.new_conference()
        settle()
        dialog.ui.facilitatorEdit.setText(FACILITATOR)
        dialog.ui.newNameEdit.setText("Sam Okoro")
        assert dialog.add_trainee()
        dialog.create_conference()
        settle()
        window.close()
        settle()
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert on_gui == []
    assert len(on_workers) > 50  # the guard sees the statements: they ran on the workers
    assert window.programme.exported == tmp_path / "zoe.csv" and (tmp_path / "debrief.pdf").exists()
    assert [c.title for c in services.conferences.list()].count("Teaching conference") == 1  # created
