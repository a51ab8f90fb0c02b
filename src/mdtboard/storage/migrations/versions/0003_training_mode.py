"""training mode: roles per case in a teaching conference, facilitator and self assessments with their
scores, presentation and discussion timing, and the review of teaching cases made from real ones

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 05:20:26.780034
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('teaching_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_case_id', sa.Integer(), nullable=True),
    sa.Column('draft_case_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('seed', sa.String(length=64), nullable=True),
    sa.Column('age_text', sa.String(length=32), nullable=True),
    sa.Column('names', sa.Text(), nullable=True),
    sa.Column('changes', sa.Text(), nullable=False),
    sa.Column('case_version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finalised_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finalised_by', sa.String(length=200), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("status IN ('in_review', 'final')", name=op.f('ck_teaching_reviews_status_known')),
    sa.ForeignKeyConstraint(['draft_case_id'], ['cases.id'], name=op.f('fk_teaching_reviews_draft_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_case_id'], ['cases.id'], name=op.f('fk_teaching_reviews_source_case_id_cases'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_teaching_reviews')),
    sa.UniqueConstraint('draft_case_id', name=op.f('uq_teaching_reviews_draft_case_id'))
    )
    with op.batch_alter_table('teaching_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_teaching_reviews_source_case_id'), ['source_case_id'], unique=False)

    op.create_table('training_assessments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('trainee', sa.String(length=200), nullable=False),
    sa.Column('trainee_key', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('assessor', sa.String(length=200), nullable=True),
    sa.Column('rubric_version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("role IN ('facilitator', 'self')", name=op.f('ck_training_assessments_role_known')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_training_assessments_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['conference_id'], ['conferences.id'], name=op.f('fk_training_assessments_conference_id_conferences'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_assessments'))
    )
    with op.batch_alter_table('training_assessments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_assessments_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_assessments_conference_id'), ['conference_id'], unique=False)
        batch_op.create_index('uq_training_assessments_case', ['conference_id', 'trainee_key', 'role', 'case_id'], unique=True)
        batch_op.create_index('uq_training_assessments_conference', ['conference_id', 'trainee_key', 'role'], unique=True, sqlite_where=sa.text('case_id IS NULL'), postgresql_where=sa.text('case_id IS NULL'))

    op.create_table('teaching_review_fields',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=100), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('wheres', sa.Text(), nullable=False),
    sa.Column('hints', sa.Text(), nullable=False),
    sa.Column('confirmed', sa.Boolean(), nullable=False),
    sa.Column('confirmed_by', sa.String(length=200), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['review_id'], ['teaching_reviews.id'], name=op.f('fk_teaching_review_fields_review_id_teaching_reviews'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_teaching_review_fields')),
    sa.UniqueConstraint('review_id', 'field', name='uq_teaching_review_fields_review_field')
    )
    with op.batch_alter_table('teaching_review_fields', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_teaching_review_fields_review_id'), ['review_id'], unique=False)

    op.create_table('training_roles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agenda_item_id', sa.Integer(), nullable=False),
    sa.Column('part', sa.String(length=32), nullable=False),
    sa.Column('trainee', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("part IN ('presenter', 'physician', 'physical_therapy', 'psychology', 'pharmacy', 'nursing', 'occupational_therapy', 'social_work')", name=op.f('ck_training_roles_part_known')),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_items.id'], name=op.f('fk_training_roles_agenda_item_id_agenda_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_roles')),
    sa.UniqueConstraint('agenda_item_id', 'part', name='uq_training_roles_item_part')
    )
    with op.batch_alter_table('training_roles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_roles_agenda_item_id'), ['agenda_item_id'], unique=False)

    op.create_table('training_scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('item_key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.CheckConstraint('value BETWEEN 1 AND 5', name=op.f('ck_training_scores_value_range')),
    sa.ForeignKeyConstraint(['assessment_id'], ['training_assessments.id'], name=op.f('fk_training_scores_assessment_id_training_assessments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_scores')),
    sa.UniqueConstraint('assessment_id', 'item_key', name='uq_training_scores_assessment_item')
    )
    with op.batch_alter_table('training_scores', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_scores_assessment_id'), ['assessment_id'], unique=False)

    op.create_table('training_timings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agenda_item_id', sa.Integer(), nullable=False),
    sa.Column('presentation_seconds', sa.Float(), nullable=True),
    sa.Column('target_seconds', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('presentation_seconds >= 0', name=op.f('ck_training_timings_presentation_seconds_positive')),
    sa.CheckConstraint('target_seconds > 0', name=op.f('ck_training_timings_target_seconds_positive')),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_items.id'], name=op.f('fk_training_timings_agenda_item_id_agenda_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_timings')),
    sa.UniqueConstraint('agenda_item_id', name=op.f('uq_training_timings_agenda_item_id'))
    )
    op.create_table('training_discussion_times',
    sa.Column('timing_id', sa.Integer(), nullable=False),
    sa.Column('discipline', sa.String(length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('seconds', sa.Float(), nullable=False),
    sa.CheckConstraint("discipline IN ('physician', 'physical_therapy', 'psychology', 'pharmacy', 'nursing', 'occupational_therapy', 'social_work')", name=op.f('ck_training_discussion_times_discipline_known')),
    sa.CheckConstraint('seconds >= 0', name=op.f('ck_training_discussion_times_seconds_positive')),
    sa.ForeignKeyConstraint(['timing_id'], ['training_timings.id'], name=op.f('fk_training_discussion_times_timing_id_training_timings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('timing_id', 'discipline', name=op.f('pk_training_discussion_times'))
    )


def downgrade() -> None:
    op.drop_table('training_discussion_times')
    op.drop_table('training_timings')
    with op.batch_alter_table('training_scores', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_scores_assessment_id'))

    op.drop_table('training_scores')
    with op.batch_alter_table('training_roles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_roles_agenda_item_id'))

    op.drop_table('training_roles')
    with op.batch_alter_table('teaching_review_fields', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_teaching_review_fields_review_id'))

    op.drop_table('teaching_review_fields')
    with op.batch_alter_table('training_assessments', schema=None) as batch_op:
        batch_op.drop_index('uq_training_assessments_conference', sqlite_where=sa.text('case_id IS NULL'), postgresql_where=sa.text('case_id IS NULL'))
        batch_op.drop_index('uq_training_assessments_case')
        batch_op.drop_index(batch_op.f('ix_training_assessments_conference_id'))
        batch_op.drop_index(batch_op.f('ix_training_assessments_case_id'))

    op.drop_table('training_assessments')
    with op.batch_alter_table('teaching_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_teaching_reviews_source_case_id'))

    op.drop_table('teaching_reviews')
