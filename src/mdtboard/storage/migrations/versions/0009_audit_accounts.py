"""accounts: people who sign in (Argon2id password hashes, roles, failed sign-ins)

Revision ID: 0009_audit
Revises: 0008_audit
Create Date: 2026-12-06 07:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009_audit'
down_revision = '0008_audit'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'accounts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('username', sa.String(length=80), nullable=False),
        sa.Column('display_name', sa.String(length=200), nullable=False),
        sa.Column('discipline', sa.String(length=40), nullable=True),
        sa.Column('roles', sa.String(length=200), nullable=False),
        sa.Column('password_hash', sa.String(length=200), nullable=False),
        sa.Column('pin_hash', sa.String(length=200), nullable=True),
        sa.Column('demo', sa.Boolean(), nullable=False),
        sa.Column('failed_sign_ins', sa.Integer(), nullable=False),
        sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts')),
        sa.UniqueConstraint('username', name=op.f('uq_accounts_username')),
    )


def downgrade() -> None:
    op.drop_table('accounts')
