"""raters and trainees as accounts: who scored (and wrote goals) by account, a trainee person's account

Revision ID: 0016_rater_accounts
Revises: 0015_account_active
Create Date: 2026-12-06 21:05:00

``training_assessments.rater_account_id`` and ``training_goals.rater_account_id``: the account of the person
who scored (or wrote the goals with the trainee); empty for what was stored under a typed name before (and
when nobody was signed in). ``trainees.account_id``: the account of a trainee recorded as a person, when
they have one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0016_rater_accounts'
down_revision = '0015_account_active'
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ('training_assessments', 'training_goals'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('rater_account_id', sa.Integer(), nullable=True))
            batch_op.create_index(batch_op.f(f'ix_{table}_rater_account_id'), ['rater_account_id'],
                                  unique=False)
            batch_op.create_foreign_key(batch_op.f(f'fk_{table}_rater_account_id_accounts'), 'accounts',
                                        ['rater_account_id'], ['id'], ondelete='SET NULL')
    with op.batch_alter_table('trainees', schema=None) as batch_op:
        batch_op.add_column(sa.Column('account_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_trainees_account_id'), ['account_id'], unique=True)
        batch_op.create_foreign_key(batch_op.f('fk_trainees_account_id_accounts'), 'accounts',
                                    ['account_id'], ['id'], ondelete='SET NULL')


def downgrade() -> None:
    with op.batch_alter_table('trainees', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_trainees_account_id_accounts'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_trainees_account_id'))
        batch_op.drop_column('account_id')
    for table in ('training_goals', 'training_assessments'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f'fk_{table}_rater_account_id_accounts'), type_='foreignkey')
            batch_op.drop_index(batch_op.f(f'ix_{table}_rater_account_id'))
            batch_op.drop_column('rater_account_id')
