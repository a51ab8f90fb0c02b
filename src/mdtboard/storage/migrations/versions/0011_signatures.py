"""signatures: a sign-off names the account that signed and the fingerprint of the plan signed; withdrawn
sign-offs are kept with who withdrew them and why

Revision ID: 0011_signatures
Revises: 0010_presence
Create Date: 2026-12-06 18:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011_signatures'
down_revision = '0010_presence'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('care_plan_sign_offs') as batch:
        batch.add_column(sa.Column('account_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('fingerprint', sa.String(length=64), nullable=True))
    op.create_table(
        'care_plan_withdrawals',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('plan_id', sa.Integer(), nullable=False),
        sa.Column('discipline', sa.String(length=32), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('account_id', sa.Integer(), nullable=True),
        sa.Column('withdrawn_by', sa.Integer(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=True),
        sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['plan_id'], ['care_plans.id'], name=op.f('fk_care_plan_withdrawals_plan_id_care_plans'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_care_plan_withdrawals')),
    )
    op.create_index(op.f('ix_care_plan_withdrawals_plan_id'), 'care_plan_withdrawals', ['plan_id'])


def downgrade() -> None:
    op.drop_index(op.f('ix_care_plan_withdrawals_plan_id'), table_name='care_plan_withdrawals')
    op.drop_table('care_plan_withdrawals')
    with op.batch_alter_table('care_plan_sign_offs') as batch:
        batch.drop_column('fingerprint')
        batch.drop_column('account_id')
