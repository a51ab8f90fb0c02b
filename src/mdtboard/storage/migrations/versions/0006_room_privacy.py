"""privacy and deferral: restricted passages of a case's free text, who recorded a case's sharing
restrictions, and why an agenda item was deferred

Revision ID: 0005_room_privacy
Revises: 0005_careplan_agreed
Create Date: 2026-12-06 03:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005_room_privacy'
down_revision = '0005_careplan_agreed'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('restricted_passages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('held_by', sa.String(length=200), nullable=False),
    sa.Column('note', sa.String(length=1000), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_restricted_passages_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_restricted_passages'))
    )
    with op.batch_alter_table('restricted_passages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_restricted_passages_case_id'), ['case_id'], unique=False)
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sharing_restrictions_by', sa.String(length=200), nullable=True))
    with op.batch_alter_table('agenda_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deferral_reason', sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('agenda_items', schema=None) as batch_op:
        batch_op.drop_column('deferral_reason')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('sharing_restrictions_by')
    with op.batch_alter_table('restricted_passages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_restricted_passages_case_id'))
    op.drop_table('restricted_passages')
