"""conference timers: the phase and floor segments each agenda item's timer records as they happen,
and each conference's meeting clock

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 06:11:54.439348
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('meeting_clocks',
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('ended_at IS NULL OR ended_at >= started_at', name=op.f('ck_meeting_clocks_ends_after_start')),
    sa.ForeignKeyConstraint(['conference_id'], ['conferences.id'], name=op.f('fk_meeting_clocks_conference_id_conferences'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('conference_id', name=op.f('pk_meeting_clocks'))
    )
    op.create_table('timing_segments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agenda_item_id', sa.Integer(), nullable=False),
    sa.Column('run_key', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('phase', sa.String(length=48), nullable=True),
    sa.Column('discipline', sa.String(length=32), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("(kind = 'phase' AND phase IS NOT NULL AND discipline IS NULL) OR (kind = 'floor' AND phase IS NULL)", name=op.f('ck_timing_segments_kind_fields')),
    sa.CheckConstraint("discipline IS NULL OR discipline IN ('physician', 'physical_therapy', 'psychology', 'pharmacy', 'nursing', 'occupational_therapy', 'social_work')", name=op.f('ck_timing_segments_discipline_known')),
    sa.CheckConstraint("kind IN ('phase', 'floor')", name=op.f('ck_timing_segments_kind_known')),
    sa.CheckConstraint('ended_at IS NULL OR ended_at >= started_at', name=op.f('ck_timing_segments_ends_after_start')),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_items.id'], name=op.f('fk_timing_segments_agenda_item_id_agenda_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_timing_segments')),
    sa.UniqueConstraint('agenda_item_id', 'run_key', 'kind', 'position', name='uq_timing_segments_place')
    )
    with op.batch_alter_table('timing_segments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_timing_segments_agenda_item_id'), ['agenda_item_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('timing_segments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_timing_segments_agenda_item_id'))

    op.drop_table('timing_segments')
    op.drop_table('meeting_clocks')
