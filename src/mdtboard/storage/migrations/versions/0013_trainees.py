"""trainees: a trainee of the programme as a person (name, profession, year of training)

Revision ID: 0013_trainees
Revises: 0012_training_focus
Create Date: 2026-12-06 18:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013_trainees'
down_revision = '0012_training_focus'
branch_labels = None
depends_on = None

_DISCIPLINES = (
    "'physician', 'physical_therapy', 'psychology', 'pharmacy', 'nursing', "
    "'occupational_therapy', 'social_work'"
)


def upgrade() -> None:
    op.create_table('trainees',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('profession', sa.String(length=32), nullable=False),
    sa.Column('year_of_training', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint(f"profession IN ({_DISCIPLINES})", name=op.f('ck_trainees_profession_known')),
    sa.CheckConstraint('year_of_training BETWEEN 1 AND 15 OR year_of_training IS NULL',
                       name=op.f('ck_trainees_year_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trainees')),
    sa.UniqueConstraint('name_key', name=op.f('uq_trainees_name_key'))
    )


def downgrade() -> None:
    op.drop_table('trainees')
