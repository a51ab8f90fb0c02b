"""cases on PostgreSQL: an index of the references that holds each case's id, search letters and flag, so that
a search's page found by walking the cases in reference order reads the cases walked from the index and only
the page's rows from the table ("phantom l" over 100,000 cases: 1,635 buffers for its page, 356 with it)

Revision ID: 0024_cases_ref_walk
Revises: 0023_search_token_heads
Create Date: 2026-12-07 23:15:00

PostgreSQL only: SQLite's walk reads the rows it walks in a few instructions each. The index is filled from the
cases already stored as it is made.
"""

from __future__ import annotations

from alembic import op

revision = '0024_cases_ref_walk'
down_revision = '0023_search_token_heads'
branch_labels = None
depends_on = None

INDEX = 'ix_cases_ref_walk'


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute(f'CREATE INDEX {INDEX} ON cases (ref) INCLUDE (id, search_letters, fictional)')


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute(f'DROP INDEX {INDEX}')
