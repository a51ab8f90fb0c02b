"""cases: an index of (id, ref), from which a search's page in reference order takes the matches' keys
without reading their rows

Revision ID: 0018_cases_id_ref
Revises: 0017_pin_tag
Create Date: 2026-12-07 02:45:00

The index is filled from the cases already stored as it is made.
"""

from __future__ import annotations

from alembic import op

revision = '0018_cases_id_ref'
down_revision = '0017_pin_tag'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index('ix_cases_id_ref', ['id', 'ref'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_id_ref')
