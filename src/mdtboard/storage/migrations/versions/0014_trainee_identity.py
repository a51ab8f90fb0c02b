"""trainee identity: roles, assessments, goals and announced items linked to the trainee as a person

Revision ID: 0014_trainee_identity
Revises: 0013_trainees
Create Date: 2026-12-06 19:20:00

Each row gets ``trainee_id`` (``trainees.id``), filled for what is already stored from the folded name of
the trainee it names (spaces collapsed, case folded, as the program folds it).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014_trainee_identity'
down_revision = '0013_trainees'
branch_labels = None
depends_on = None

_TABLES = ('training_roles', 'training_assessments', 'training_goals', 'training_focus_items')


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('trainee_id', sa.Integer(), nullable=True))
            batch_op.create_index(batch_op.f(f'ix_{table}_trainee_id'), ['trainee_id'], unique=False)
            batch_op.create_foreign_key(batch_op.f(f'fk_{table}_trainee_id_trainees'), 'trainees',
                                        ['trainee_id'], ['id'], ondelete='SET NULL')
    connection = op.get_bind()
    people = {key: person for person, key in connection.execute(sa.text("SELECT id, name_key FROM trainees"))}
    if not people:
        return
    for table in _TABLES:
        rows = connection.execute(sa.text(f"SELECT id, trainee FROM {table}")).all()
        for row_id, name in rows:
            person = people.get(_fold(name))
            if person is not None:
                connection.execute(sa.text(f"UPDATE {table} SET trainee_id = :person WHERE id = :id"),
                                   {"person": person, "id": row_id})


def downgrade() -> None:
    for table in reversed(_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f'fk_{table}_trainee_id_trainees'), type_='foreignkey')
            batch_op.drop_index(batch_op.f(f'ix_{table}_trainee_id'))
            batch_op.drop_column('trainee_id')
