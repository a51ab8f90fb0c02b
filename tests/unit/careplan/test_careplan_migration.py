"""Revision 0002 creates exactly the care plan tables of the models, and can be undone."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from schema_compare import model_differences

from mdtboard.storage.careplan_models import CarePlanRow
from mdtboard.storage.db import Database, alembic_config, current_revision, upgrade
from mdtboard.storage.models import Base

CARE_PLAN_TABLES = {
    "care_plans", "care_plan_problems", "care_plan_goals", "care_plan_interventions", "care_plan_medications",
    "care_plan_procedures", "care_plan_risks", "care_plan_disagreements", "care_plan_sign_offs",
}


def _tables(db: Database) -> set[str]:
    return set(sa.inspect(db.engine).get_table_names())


def test_head_matches_the_models(db: Database) -> None:
    assert _tables(db) >= CARE_PLAN_TABLES
    assert CarePlanRow.__table__.name in Base.metadata.tables
    with db.engine.connect() as conn:
        assert model_differences(conn) == []


def test_downgrade_to_0001_and_back(db: Database) -> None:
    command.downgrade(alembic_config(db.engine), "0001")
    assert current_revision(db.engine) == "0001"
    assert not CARE_PLAN_TABLES & _tables(db)
    upgrade(db.engine)
    assert _tables(db) >= CARE_PLAN_TABLES
