"""Saving a trainee's debrief PDF is an export like the others: recorded in the audit trail (the conference
and the kind of export), never with the trainee's name or the file's; on SQLite and PostgreSQL."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import settle
from pytestqt.qtbot import QtBot
from signing import account_for

from mdtboard.domain.case import Discipline
from mdtboard.services.accounts import AccountService
from mdtboard.services.context import Services
from mdtboard.ui.training.debrief_view import DebriefView

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "training"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "security"))
from test_export_audit import everything, trail  # noqa: E402
from training_setup import ZOE, load_bank, teaching_conference  # noqa: E402

pytestmark = pytest.mark.gui


def test_saving_a_debrief_is_recorded_by_conference_and_kind(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    bank = load_bank(services)
    conf = teaching_conference(services, "Teaching 1", datetime(2026, 4, 13, 13), [bank["TEACH-01"]])
    assert conf.id is not None
    member = account_for(services, "Sam Lee", Discipline.PHYSICAL_THERAPY)
    AccountService.become(member)
    view = DebriefView(services)
    qtbot.addWidget(view)
    view.set_conference(conf)
    view.set_trainee(ZOE)
    settle()  # the debrief is read on a background operation
    assert view.save_pdf(tmp_path / "zoe-secret-name.pdf")
    settle()  # and written, with its audit record, on the writer thread
    written = view.saved
    assert written is not None and written.read_bytes().startswith(b"%PDF")
    assert trail(services)[-1] == ("export", "conferences", str(conf.id), '["debrief pdf"]')
    text = everything(services)
    assert member.username in text and "zoe-secret-name" not in text and ZOE not in text


def test_exporting_a_competency_record_is_recorded_by_trainee_and_kind(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import settle
    from PySide6.QtWidgets import QFileDialog
    from training_setup import FACILITATOR, KWAME

    from mdtboard.domain.progress import Trainee
    from mdtboard.domain.rubric import AssessorRole, Score
    from mdtboard.ui.training.window import PROGRAMME_TAB, TrainingWindow

    bank = load_bank(services)
    conf = teaching_conference(services, "Teaching 1", datetime(2026, 4, 13, 13), [bank["TEACH-01"]])
    assert conf.id is not None
    services.training.register_trainees([Trainee(ZOE, Discipline.PHYSICAL_THERAPY, 2)])
    for trainee in (ZOE, KWAME):
        stored = services.training.save_assessment(
            conf.id, trainee, AssessorRole.FACILITATOR, [Score("trainee.closes_loop", 3, "Seen.")],
            assessor=FACILITATOR)
        services.training.submit_assessment(stored.id, seen_version=stored.version)
    with services.db.engine.connect() as conn:
        person_id = conn.execute(sa.text("SELECT id FROM trainees")).scalar_one()
    member = account_for(services, "Sam Lee", Discipline.PHYSICAL_THERAPY)
    AccountService.become(member)
    window = TrainingWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    settle()
    window.show_tab(PROGRAMME_TAB)
    settle()
    view = window.programme
    before = len(trail(services))
    view.choose_trainee(ZOE)
    for kind in ("csv", "pdf"):
        out = tmp_path / f"zoe-secret-name.{kind}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, _o=out, **_k: (str(_o), ""))
        (view.ui.exportCsvButton if kind == "csv" else view.ui.exportPdfButton).click()
        qtbot.waitUntil(lambda _o=out: view.exported == _o, timeout=10000)
    # a trainee not recorded as a person: the record type and kind, no id
    view.choose_trainee(KWAME)
    view.export("csv", tmp_path / "kwame.csv")
    qtbot.waitUntil(lambda: view.exported == tmp_path / "kwame.csv", timeout=10000)
    assert trail(services)[before:] == [
        ("export", "trainees", str(person_id), '["competency record csv"]'),
        ("export", "trainees", str(person_id), '["competency record pdf"]'),
        ("export", "trainees", None, '["competency record csv"]'),
    ]
    text = everything(services)
    assert member.username in text
    assert "zoe-secret-name" not in text and "kwame" not in text.casefold() and ZOE not in text
    assert services.audit.verify().bad_id is None
