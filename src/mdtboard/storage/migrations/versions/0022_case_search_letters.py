"""cases.search_letters: the first letters of a case's search words (as its search tokens carry them since
revision 0021), so that a page found by walking the cases in reference order checks a one-letter word, and
the first letter of any other word, on the case's row instead of probing its tokens ("chronic ba" over
100,000 cases on PostgreSQL: 7,294 buffers read by its walk, 3,889 with the letters)

Revision ID: 0022_case_search_letters
Revises: 0021_search_letters
Create Date: 2026-12-07 20:30:00

Filled from the letters of each case's tokens (all of a case's tokens carry the same); a case without tokens
says -1 (not known), and its words are probed as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0022_case_search_letters'
down_revision = '0021_search_letters'
branch_labels = None
depends_on = None

FILL = sa.text(
    'UPDATE cases SET search_letters = coalesce('
    '(SELECT max(t.letters) FROM case_search_tokens t WHERE t.case_id = cases.id), -1)'
)


def upgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('search_letters', sa.Integer(), server_default='-1', nullable=False))
    op.get_bind().execute(FILL)


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('search_letters')
