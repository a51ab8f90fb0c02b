"""accounts: deactivated instead of deleted (a deactivated account cannot sign in; its signatures and its
history keep naming it)

Revision ID: 0015_account_active
Revises: 0014_trainee_identity
Create Date: 2026-12-06 21:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0015_account_active'
down_revision = '0014_trainee_identity'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('active', sa.Boolean(), nullable=False, server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.drop_column('active')
