"""Trainees as people with a stable identity (``trainees.id``): what is stored for a trainee is linked to
the person, so correcting their name keeps their record together, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime

import pytest
import sqlalchemy as sa
from conftest import table_snapshot
from training_setup import KWAME, ZOE, load_bank, teaching_conference

from mdtboard.domain.blind import GoalKind
from mdtboard.domain.case import Discipline
from mdtboard.domain.errors import InvalidInputError
from mdtboard.domain.progress import Trainee
from mdtboard.domain.rubric import AssessorRole, Score
from mdtboard.services.context import Services

FAC, SELF = AssessorRole.FACILITATOR, AssessorRole.SELF
RAMAN = "Dr Priya Raman"
MARRIED = "Zoë Achterberg-Lindqvist"


def _linked(services: Services, table: str) -> set[tuple[str, int | None]]:
    with services.db.engine.connect() as connection:
        return {(name, person) for name, person in connection.execute(
            sa.text(f"SELECT trainee, trainee_id FROM {table}"))}


def test_a_trainee_s_record_stays_theirs_when_their_name_is_corrected(services: Services) -> None:
    bank = load_bank(services)
    conf = teaching_conference(services, "Teaching 1", datetime(2026, 3, 9, 13), [bank["TEACH-02"]])
    assert conf.id is not None
    training = services.training
    # stored before Zoë is recorded as a person: linked when she is
    own = training.save_assessment(conf.id, ZOE, SELF, [Score("case.isbar.situation", 4)],
                                   case_id=bank["TEACH-02"])
    training.submit_assessment(own.id, seen_version=own.version)
    training.register_trainees([Trainee(ZOE, Discipline.PSYCHOLOGY, 3), Trainee(KWAME, Discipline.PHARMACY)])
    assert {p.name for p in training.trainee_people().values()} == {ZOE, KWAME}
    rater = training.save_assessment(conf.id, ZOE, FAC, [Score("case.isbar.situation", 2, "Two questions.")],
                                     case_id=bank["TEACH-02"], assessor=RAMAN)
    training.submit_assessment(rater.id, seen_version=rater.version)
    training.set_goals(conf.id, ZOE, [(GoalKind.CHANGE, "Ask one question only.")], rater=RAMAN)
    training.announce_items(conf.id, ZOE, ["trainee.invites_input", "trainee.closes_loop"])
    item = training.roles(conf.id)[0].agenda_item_id
    training.assign_role(item, ZOE)
    with services.db.engine.connect() as connection:
        zoe_id = connection.execute(sa.text("SELECT id FROM trainees WHERE name = :n"),
                                    {"n": ZOE}).scalar_one()
    for table in ("training_assessments", "training_goals", "training_focus_items", "training_roles"):
        assert _linked(services, table) == {(ZOE, zoe_id)}, table

    training.rename_trainee(f"  {ZOE.upper()} ", MARRIED)

    for table in ("training_assessments", "training_goals", "training_focus_items", "training_roles"):
        assert _linked(services, table) == {(MARRIED, zoe_id)}, table
    assert {p.name for p in training.trainee_people().values()} == {MARRIED, KWAME}
    assert [a.assessment.trainee for a in training.assessments(conf.id, MARRIED)] == [MARRIED, MARRIED]
    assert training.assessments(conf.id, ZOE) == []
    assert [g.text for g in training.goals(MARRIED)] == ["Ask one question only."]
    presenter = training.roles(conf.id)[0].presenter
    assert presenter is not None and presenter.trainee == MARRIED
    # she is still a trainee of the conference under her new name: she can be scored again
    training.save_assessment(conf.id, MARRIED, SELF, [Score("trainee.closes_loop", 4)])


def test_a_rename_that_would_merge_two_people_or_finds_nobody_is_refused(services: Services) -> None:
    training = services.training
    training.register_trainees([Trainee(ZOE, Discipline.PSYCHOLOGY), Trainee(KWAME, Discipline.PHARMACY)])
    before = table_snapshot(services.db)
    with pytest.raises(InvalidInputError, match="already used for another trainee"):
        training.rename_trainee(ZOE, KWAME.lower())
    with pytest.raises(InvalidInputError, match="nobody is recorded"):
        training.rename_trainee("Someone Else", "Another Name")
    with pytest.raises(InvalidInputError, match="empty"):
        training.rename_trainee(ZOE, "   ")
    assert table_snapshot(services.db) == before
    training.rename_trainee(ZOE, ZOE.upper())  # the same person, written differently: allowed
    assert {p.name for p in training.trainee_people().values()} == {ZOE.upper(), KWAME}


def test_the_migration_links_what_was_stored_to_the_people_recorded(services: Services) -> None:
    """Revision 0014 fills ``trainee_id`` from the folded names of rows stored before it (downgraded to
    0013, the person recorded there, upgraded again)."""
    from alembic import command

    from mdtboard.storage.db import (
        alembic_config,
        current_revision,
        head_revision,
        migration_connection,
        upgrade,
    )

    bank = load_bank(services)
    conf = teaching_conference(services, "Teaching 1", datetime(2026, 3, 9, 13), [bank["TEACH-02"]])
    assert conf.id is not None
    services.training.save_assessment(conf.id, ZOE, SELF, [Score("case.isbar.situation", 4)],
                                      case_id=bank["TEACH-02"])
    services.training.announce_items(conf.id, KWAME, ["trainee.invites_input", "trainee.closes_loop"])
    engine = services.db.engine
    cfg = alembic_config(engine)
    with migration_connection(engine) as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0013_trainees")
    assert current_revision(engine) == "0013_trainees"
    with engine.begin() as connection:
        columns = sa.inspect(connection).get_columns("training_focus_items")
        assert "trainee_id" not in {c["name"] for c in columns}
        connection.execute(sa.text(
            "INSERT INTO trainees (name, name_key, profession, updated_at) "
            "VALUES (:n, :k, 'psychology', :t)"),
            {"n": ZOE, "k": " ".join(ZOE.split()).casefold(), "t": datetime(2026, 3, 1)})
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        zoe_id = connection.execute(sa.text("SELECT id FROM trainees")).scalar_one()
    assert _linked(services, "training_assessments") == {(ZOE, zoe_id)}
    assert _linked(services, "training_focus_items") == {(KWAME, None)}  # Kwame is not recorded
