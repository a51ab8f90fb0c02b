"""care plan the team agreed: proposed items, explicit medication decisions (reduce, switch, pending...),
the checklist's acknowledgement and reason, and progress on actions recorded without a new version

Revision ID: 0005_careplan_agreed
Revises: 0005_save
Create Date: 2026-12-06 03:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005_careplan_agreed'
down_revision = '0005_save'
branch_labels = None
depends_on = None

NEW_ACTIONS = "action IN ('undecided', 'continue', 'reduce', 'change', 'stop', 'switch', 'start', 'pending')"
OLD_ACTIONS = "action IN ('start', 'stop', 'change', 'taper', 'continue')"


def upgrade() -> None:
    with op.batch_alter_table('care_plans', schema=None) as batch_op:
        batch_op.add_column(sa.Column('restriction_acknowledged', sa.Boolean(), server_default=sa.false(),
                                      nullable=False))
        batch_op.add_column(sa.Column('open_items_reason', sa.Text(), nullable=True))
    with op.batch_alter_table('care_plan_interventions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('proposed', sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table('care_plan_medications', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_care_plan_medications_action_known'), type_='check')
        batch_op.add_column(sa.Column('switch_to', sa.String(length=2000), nullable=True))
        batch_op.add_column(sa.Column('options', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('decided_by', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('decide_by', sa.Date(), nullable=True))
    op.execute("UPDATE care_plan_medications SET action = 'reduce' WHERE action = 'taper'")
    with op.batch_alter_table('care_plan_medications', schema=None) as batch_op:
        batch_op.create_check_constraint(batch_op.f('ck_care_plan_medications_action_known'), NEW_ACTIONS)
    op.create_table('care_plan_progress',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('intervention_uid', sa.String(length=32), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('new_due', sa.Date(), nullable=True),
    sa.Column('recorded_by', sa.String(length=200), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('agenda_item_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("state IN ('done', 'not_done', 'carried_forward')", name=op.f('ck_care_plan_progress_state_known')),
    sa.CheckConstraint("state != 'carried_forward' OR new_due IS NOT NULL", name=op.f('ck_care_plan_progress_carried_has_date')),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_items.id'], name=op.f('fk_care_plan_progress_agenda_item_id_agenda_items'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['plan_id'], ['care_plans.id'], name=op.f('fk_care_plan_progress_plan_id_care_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_plan_progress'))
    )
    with op.batch_alter_table('care_plan_progress', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_plan_progress_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index('ix_care_plan_progress_plan_uid', ['plan_id', 'intervention_uid'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('care_plan_progress', schema=None) as batch_op:
        batch_op.drop_index('ix_care_plan_progress_plan_uid')
        batch_op.drop_index(batch_op.f('ix_care_plan_progress_plan_id'))
    op.drop_table('care_plan_progress')
    with op.batch_alter_table('care_plan_medications', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_care_plan_medications_action_known'), type_='check')
    op.execute("UPDATE care_plan_medications SET action = 'taper' WHERE action = 'reduce'")
    op.execute("UPDATE care_plan_medications SET action = 'change' WHERE action = 'switch'")
    op.execute("UPDATE care_plan_medications SET action = 'continue' "
               "WHERE action IN ('undecided', 'pending')")
    with op.batch_alter_table('care_plan_medications', schema=None) as batch_op:
        batch_op.drop_column('decide_by')
        batch_op.drop_column('decided_by')
        batch_op.drop_column('options')
        batch_op.drop_column('switch_to')
        batch_op.create_check_constraint(batch_op.f('ck_care_plan_medications_action_known'), OLD_ACTIONS)
    with op.batch_alter_table('care_plan_interventions', schema=None) as batch_op:
        batch_op.drop_column('proposed')
    with op.batch_alter_table('care_plans', schema=None) as batch_op:
        batch_op.drop_column('open_items_reason')
        batch_op.drop_column('restriction_acknowledged')
