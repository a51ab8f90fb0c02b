"""training focus: the team items announced for each trainee before a teaching conference

Revision ID: 0012_training_focus
Revises: 0011_signatures
Create Date: 2026-12-06 18:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012_training_focus'
down_revision = '0011_signatures'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('training_focus_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('trainee', sa.String(length=200), nullable=False),
    sa.Column('trainee_key', sa.String(length=200), nullable=False),
    sa.Column('item_key', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['conference_id'], ['conferences.id'],
                            name=op.f('fk_training_focus_items_conference_id_conferences'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_focus_items')),
    sa.UniqueConstraint('conference_id', 'trainee_key', 'item_key', name='uq_training_focus_items_item')
    )
    with op.batch_alter_table('training_focus_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_focus_items_conference_id'), ['conference_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('training_focus_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_focus_items_conference_id'))
    op.drop_table('training_focus_items')
