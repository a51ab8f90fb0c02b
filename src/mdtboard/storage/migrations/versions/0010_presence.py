"""presence: which program has which record open, each row valid until it expires

Revision ID: 0010_presence
Revises: 0009_audit
Create Date: 2026-12-06 18:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010_presence'
down_revision = '0009_audit'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('presence',
    sa.Column('client', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('who', sa.String(length=200), nullable=False),
    sa.Column('place', sa.String(length=80), nullable=True),
    sa.Column('typing', sa.Boolean(), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('client', 'kind', 'record_id', name=op.f('pk_presence'))
    )
    with op.batch_alter_table('presence', schema=None) as batch_op:
        batch_op.create_index('ix_presence_record', ['kind', 'record_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('presence', schema=None) as batch_op:
        batch_op.drop_index('ix_presence_record')
    op.drop_table('presence')
