"""The teaching-case draft is an export like the others: ``mdtboard teaching-case`` records it in the audit
trail (the case and the kind of export), never with the file's name or any text of the case; on SQLite and
PostgreSQL. (The debrief PDF: ``tests/gui/test_export_audit_gui.py``.)"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from mdtboard.cli import main
from mdtboard.services.context import Services

sys.path.insert(0, str(Path(__file__).parents[1] / "training"))
from training_setup import real_case  # noqa: E402


def trail(services: Services) -> list[tuple[str, str, str | None, str]]:
    with services.db.engine.connect() as conn:
        return [(r.action, r.record_type, r.record_id, r.fields) for r in conn.execute(sa.text(
            "SELECT action, record_type, record_id, fields FROM audit_log ORDER BY id"))]


def everything(services: Services) -> str:
    with services.db.engine.connect() as conn:
        return " ".join(str(r) for r in conn.execute(sa.text("SELECT * FROM audit_log")))


def test_a_teaching_draft_is_recorded_by_case_and_kind(
    services: Services, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stored = services.cases.create(real_case("REAL-0042"))
    out = tmp_path / "draft-secret.json"
    argv = ["--database", database_url, "teaching-case", "REAL-0042", "--out", str(out), "--seed", "x"]
    assert main(argv) == 0
    capsys.readouterr()
    assert out.exists()
    assert trail(services)[-1] == ("export", "cases", str(stored.id), '["teaching draft"]')
    assert "draft-secret" not in everything(services) and "O'Sullivan" not in everything(services)
    assert services.audit.verify().bad_id is None
