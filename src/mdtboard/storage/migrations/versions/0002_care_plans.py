"""care plans: one row per plan version, and its problems, goals, interventions, medication plan,
procedures, risk mitigation, disagreements and sign-offs

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 05:03:00.801552
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('care_plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('agenda_item_id', sa.Integer(), nullable=True),
    sa.Column('plan_version', sa.Integer(), nullable=False),
    sa.Column('supersedes_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('formulation_biological', sa.Text(), nullable=True),
    sa.Column('formulation_psychological', sa.Text(), nullable=True),
    sa.Column('formulation_social', sa.Text(), nullable=True),
    sa.Column('review_date', sa.Date(), nullable=True),
    sa.Column('responsible_clinician', sa.String(length=200), nullable=True),
    sa.Column('agreement_status', sa.String(length=16), nullable=False),
    sa.Column('agreement_notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('signed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("agreement_status IN ('agreed', 'not_agreed', 'not_yet_asked')", name=op.f('ck_care_plans_agreement_status_known')),
    sa.CheckConstraint("status IN ('draft', 'signed')", name=op.f('ck_care_plans_status_known')),
    sa.CheckConstraint('plan_version >= 1', name=op.f('ck_care_plans_plan_version_positive')),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_items.id'], name=op.f('fk_care_plans_agenda_item_id_agenda_items'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_care_plans_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['supersedes_id'], ['care_plans.id'], name=op.f('fk_care_plans_supersedes_id_care_plans'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_plans')),
    sa.UniqueConstraint('case_id', 'plan_version', name='uq_care_plans_case_plan_version')
    )
    with op.batch_alter_table('care_plans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_plans_agenda_item_id'), ['agenda_item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_care_plans_case_id'), ['case_id'], unique=False)

    op.create_table('care_plan_disagreements',
    sa.Column('issue', sa.Text(), nullable=False),
    sa.Column('resolution', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['care_plans.id'], name=op.f('fk_care_plan_disagreements_plan_id_care_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_plan_disagreements'))
    )
    with op.batch_alter_table('care_plan_disagreements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_plan_disagreements_plan_id'), ['plan_id'], unique=False)

    op.create_table('care_plan_goals',
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('measure', sa.String(length=500), nullable=True),
    sa.Column('baseline', sa.String(length=500), nullable=True),
    sa.Column('target', sa.String(length=500), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['care_plans.id'], name=op.f('fk_care_plan_goals_plan_id_care_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_plan_goals'))
    )
    with op.batch_alter_table('care_plan_goals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_plan_goals_plan_id'), ['plan_id'], unique=False)

    op.create_table('care_plan_interventions',
    sa.Column('discipline', sa.String(length=32), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.CheckConstraint("discipline IN ('physician', 'physical_therapy', 'psychology', 'pharmacy', 'nursing', 'occupational_therapy', 'social_work')", name=op.f('ck_care_plan_interventions_discipline_known')),
    sa.CheckConstraint("status IN ('open', 'done')", name=op.f('ck_care_plan_interventions_status_known')),
    sa.ForeignKeyConstraint(['plan_id'], ['care_plans.id'], name=op.f('fk_care_plan_interventions_plan_id_care_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_plan_interventions'))
    )
    with op.batch_alter_table('care_plan_interventions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_plan_interventions_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index('ix_care_plan_interventions_status_due', ['status', 'due_date'], unique=False)

    op.create_table('care_plan_medications',
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('medication', sa.String(length=2000), nullable=False),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('route', sa.String(length=100), nullable=True),
    sa.Column('before_amount', sa.Float(), nullable=True),
    sa.Column('before_unit', sa.String(length=10), nullable=True),
    sa.Column('after_amount', sa.Float(), nullable=True),
    sa.Column('after_unit', sa.String(length=10), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.CheckConstraint("action IN ('start', 'stop', 'change', 'taper', 'continue')", name=op.f('ck_care_plan_medications_action_known')),
    sa.CheckConstraint("after_unit IN ('mg', 'mcg', 'mcg/h')", name=op.f('ck_care_plan_medications_after_unit_known')),
    sa.CheckConstraint("before_unit IN ('mg', 'mcg', 'mcg/h')", name=op.f('ck_care_plan_medications_before_unit_known')),
    sa.CheckConstraint('(after_amount IS NULL) = (after_unit IS NULL)', name=op.f('ck_care_plan_medications_after_dose_whole')),
    sa.CheckConstraint('(before_amount IS NULL) = (before_unit IS NULL)', name=op.f('ck_care_plan_medications_before_dose_whole')),
    sa.ForeignKeyConstraint(['plan_id'], ['care_plans.id'], name=op.f('fk_care_plan_medications_plan_id_care_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_plan_medications'))
    )
    with op.batch_alter_table('care_plan_medications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_plan_medications_plan_id'), ['plan_id'], unique=False)

    op.create_table('care_plan_problems',
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['care_plans.id'], name=op.f('fk_care_plan_problems_plan_id_care_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_plan_problems'))
    )
    with op.batch_alter_table('care_plan_problems', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_plan_problems_plan_id'), ['plan_id'], unique=False)

    op.create_table('care_plan_procedures',
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.CheckConstraint("kind IN ('nerve_block', 'epidural_steroid_injection', 'radiofrequency_ablation', 'spinal_cord_stimulator_trial', 'other')", name=op.f('ck_care_plan_procedures_kind_known')),
    sa.ForeignKeyConstraint(['plan_id'], ['care_plans.id'], name=op.f('fk_care_plan_procedures_plan_id_care_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_plan_procedures'))
    )
    with op.batch_alter_table('care_plan_procedures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_plan_procedures_plan_id'), ['plan_id'], unique=False)

    op.create_table('care_plan_risks',
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.CheckConstraint("kind IN ('naloxone', 'prescription_monitoring', 'other')", name=op.f('ck_care_plan_risks_kind_known')),
    sa.ForeignKeyConstraint(['plan_id'], ['care_plans.id'], name=op.f('fk_care_plan_risks_plan_id_care_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_plan_risks'))
    )
    with op.batch_alter_table('care_plan_risks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_plan_risks_plan_id'), ['plan_id'], unique=False)

    op.create_table('care_plan_sign_offs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('discipline', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('signed_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("discipline IN ('physician', 'physical_therapy', 'psychology', 'pharmacy', 'nursing', 'occupational_therapy', 'social_work')", name=op.f('ck_care_plan_sign_offs_discipline_known')),
    sa.ForeignKeyConstraint(['plan_id'], ['care_plans.id'], name=op.f('fk_care_plan_sign_offs_plan_id_care_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_plan_sign_offs')),
    sa.UniqueConstraint('plan_id', 'discipline', name='uq_care_plan_sign_offs_plan_discipline')
    )
    with op.batch_alter_table('care_plan_sign_offs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_plan_sign_offs_plan_id'), ['plan_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('care_plan_sign_offs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_plan_sign_offs_plan_id'))

    op.drop_table('care_plan_sign_offs')
    with op.batch_alter_table('care_plan_risks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_plan_risks_plan_id'))

    op.drop_table('care_plan_risks')
    with op.batch_alter_table('care_plan_procedures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_plan_procedures_plan_id'))

    op.drop_table('care_plan_procedures')
    with op.batch_alter_table('care_plan_problems', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_plan_problems_plan_id'))

    op.drop_table('care_plan_problems')
    with op.batch_alter_table('care_plan_medications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_plan_medications_plan_id'))

    op.drop_table('care_plan_medications')
    with op.batch_alter_table('care_plan_interventions', schema=None) as batch_op:
        batch_op.drop_index('ix_care_plan_interventions_status_due')
        batch_op.drop_index(batch_op.f('ix_care_plan_interventions_plan_id'))

    op.drop_table('care_plan_interventions')
    with op.batch_alter_table('care_plan_goals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_plan_goals_plan_id'))

    op.drop_table('care_plan_goals')
    with op.batch_alter_table('care_plan_disagreements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_plan_disagreements_plan_id'))

    op.drop_table('care_plan_disagreements')
    with op.batch_alter_table('care_plans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_plans_case_id'))
        batch_op.drop_index(batch_op.f('ix_care_plans_agenda_item_id'))

    op.drop_table('care_plans')
