"""Saving a trainee's debrief PDF is an export like the others: recorded in the audit trail (the conference
and the kind of export), never with the trainee's name or the file's; on SQLite and PostgreSQL."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest
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
