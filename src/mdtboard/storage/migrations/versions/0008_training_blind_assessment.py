"""training: any number of raters per trainee and case (rater_key), submitted assessments (blind,
sequenced reveal), and goals carried into the next conference

Revision ID: 0008_training
Revises: 0007_live
Create Date: 2026-12-06 07:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008_training'
down_revision = '0007_live'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('training_assessments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rater_key', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.drop_index('uq_training_assessments_conference', sqlite_where=sa.text('case_id IS NULL'),
                            postgresql_where=sa.text('case_id IS NULL'))
        batch_op.drop_index('uq_training_assessments_case')
        batch_op.create_index('uq_training_assessments_case',
                              ['conference_id', 'trainee_key', 'role', 'case_id', 'rater_key'], unique=True)
        batch_op.create_index('uq_training_assessments_conference',
                              ['conference_id', 'trainee_key', 'role', 'rater_key'], unique=True,
                              sqlite_where=sa.text('case_id IS NULL'), postgresql_where=sa.text('case_id IS NULL'))
    # Assessments stored before this revision were complete when saved: count them as submitted.
    op.execute("UPDATE training_assessments SET submitted_at = updated_at")
    op.create_table('training_goals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('trainee', sa.String(length=200), nullable=False),
    sa.Column('trainee_key', sa.String(length=200), nullable=False),
    sa.Column('rater', sa.String(length=200), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.Column('outcome_note', sa.Text(), nullable=True),
    sa.Column('reviewed_at_conference_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('keep', 'change', 'how')", name=op.f('ck_training_goals_kind_known')),
    sa.CheckConstraint("outcome IN ('met', 'partly', 'not_met') OR outcome IS NULL",
                       name=op.f('ck_training_goals_outcome_known')),
    sa.ForeignKeyConstraint(['conference_id'], ['conferences.id'],
                            name=op.f('fk_training_goals_conference_id_conferences'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewed_at_conference_id'], ['conferences.id'],
                            name=op.f('fk_training_goals_reviewed_at_conference_id_conferences'),
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_goals')),
    sa.UniqueConstraint('conference_id', 'trainee_key', 'position', name='uq_training_goals_position')
    )
    with op.batch_alter_table('training_goals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_goals_conference_id'), ['conference_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_goals_trainee_key'), ['trainee_key'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('training_goals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_goals_trainee_key'))
        batch_op.drop_index(batch_op.f('ix_training_goals_conference_id'))
    op.drop_table('training_goals')
    with op.batch_alter_table('training_assessments', schema=None) as batch_op:
        batch_op.drop_index('uq_training_assessments_conference', sqlite_where=sa.text('case_id IS NULL'),
                            postgresql_where=sa.text('case_id IS NULL'))
        batch_op.drop_index('uq_training_assessments_case')
        batch_op.create_index('uq_training_assessments_case', ['conference_id', 'trainee_key', 'role', 'case_id'],
                              unique=True)
        batch_op.create_index('uq_training_assessments_conference', ['conference_id', 'trainee_key', 'role'],
                              unique=True, sqlite_where=sa.text('case_id IS NULL'),
                              postgresql_where=sa.text('case_id IS NULL'))
        batch_op.drop_column('submitted_at')
        batch_op.drop_column('rater_key')
