"""archived cases: when a case was archived (hidden from the library and the agenda's search, kept)

Revision ID: 0007_intake
Revises: 0005_room_privacy
Create Date: 2026-12-06 06:30:00

Nothing is archived yet, so no search token has to move to the archived cases' words (see
``storage.case_search``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007_intake'
down_revision = '0005_room_privacy'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f('ix_cases_archived_at'), ['archived_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cases_archived_at'))
        batch_op.drop_column('archived_at')
