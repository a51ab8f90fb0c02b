"""audit trail: one row per change of a record, chained by keyed hashes

Revision ID: 0008_audit
Revises: 0008_training
Create Date: 2026-12-06 06:45:00

The trail starts empty: what happened before this revision was not recorded.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008_audit'
down_revision = '0008_training'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'audit_log',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('at', sa.String(length=32), nullable=False),
        sa.Column('actor', sa.String(length=200), nullable=False),
        sa.Column('account_id', sa.Integer(), nullable=True),
        sa.Column('host', sa.String(length=200), nullable=False),
        sa.Column('action', sa.String(length=16), nullable=False),
        sa.Column('record_type', sa.String(length=64), nullable=False),
        sa.Column('record_id', sa.String(length=64), nullable=True),
        sa.Column('case_id', sa.Integer(), nullable=True),
        sa.Column('fields', sa.Text(), nullable=False),
        sa.Column('old_version', sa.Integer(), nullable=True),
        sa.Column('new_version', sa.Integer(), nullable=True),
        sa.Column('key_id', sa.String(length=16), nullable=False),
        sa.Column('prev_hash', sa.String(length=64), nullable=False),
        sa.Column('hash', sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log')),
    )
    op.create_index('ix_audit_log_case_id', 'audit_log', ['case_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_audit_log_case_id', table_name='audit_log')
    op.drop_table('audit_log')
