"""The debrief and the teaching-case draft are exports like the others: each is recorded in the audit trail
(who, the record, the kind of export), never with the file's name, the trainee's name or any text of the
case; on SQLite and PostgreSQL."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from signing import account_for

from mdtboard.domain.case import Discipline
from mdtboard.interchange.teaching_draft import export_teaching_draft
from mdtboard.reports.training_debrief import save_debrief
from mdtboard.services.accounts import AccountService
from mdtboard.services.context import Services

sys.path.insert(0, str(Path(__file__).parents[1] / "training"))
from training_setup import ZOE, load_bank, real_case, teaching_conference  # noqa: E402


def _trail(services: Services) -> list[tuple[str, str, str | None, str, str | None]]:
    with services.db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(  # type: ignore[misc]
            "SELECT action, record_type, record_id, fields, actor FROM audit_log ORDER BY id"))]


def _everything(services: Services) -> str:
    with services.db.engine.connect() as conn:
        return " ".join(str(r) for r in conn.execute(sa.text("SELECT * FROM audit_log")))


def test_saving_a_debrief_is_recorded_by_conference_and_kind(services: Services, tmp_path: Path) -> None:
    bank = load_bank(services)
    conf = teaching_conference(services, "Teaching 1", datetime(2026, 4, 13, 13), [bank["TEACH-01"]])
    assert conf.id is not None
    member = account_for(services, "Sam Lee", Discipline.PHYSICAL_THERAPY)
    AccountService.become(member)
    written = save_debrief(services.training, conf.id, ZOE, tmp_path / "zoe-secret-name.pdf")
    assert written.read_bytes().startswith(b"%PDF")
    last = _trail(services)[-1]
    assert last[:4] == ("export", "conferences", str(conf.id), '["debrief pdf"]')
    assert last[4] == member.username
    everything = _everything(services)
    assert "zoe-secret-name" not in everything and ZOE not in everything


def test_a_teaching_draft_is_recorded_by_case_and_kind(services: Services, tmp_path: Path) -> None:
    stored = services.cases.create(real_case("REAL-0042"))
    member = account_for(services, "Sam Lee", Discipline.PHYSICAL_THERAPY)
    AccountService.become(member)
    draft = export_teaching_draft(services.cases, "REAL-0042", tmp_path / "draft-secret.json", seed="x")
    assert draft.replacements and (tmp_path / "draft-secret.json").exists()
    last = _trail(services)[-1]
    assert last[:4] == ("export", "cases", str(stored.id), '["teaching draft"]')
    assert last[4] == member.username
    everything = _everything(services)
    assert "draft-secret" not in everything and "O'Sullivan" not in everything
    assert services.audit.verify().bad_id is None
