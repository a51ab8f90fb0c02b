"""accounts: a keyed tag of the PIN (HMAC-SHA-256 with a key kept outside the database), unique, so that the
account a PIN opens is found at once instead of by verifying the PIN against every account's hash

Revision ID: 0017_pin_tag
Revises: 0016_rater_accounts
Create Date: 2026-12-06 21:50:00

PINs stored before have no tag: they are found by their hash as before, and get their tag when next used.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0017_pin_tag'
down_revision = '0016_rater_accounts'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pin_tag', sa.String(length=80), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_accounts_pin_tag'), ['pin_tag'])


def downgrade() -> None:
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_accounts_pin_tag'), type_='unique')
        batch_op.drop_column('pin_tag')
