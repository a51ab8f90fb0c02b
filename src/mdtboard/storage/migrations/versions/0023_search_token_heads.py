"""case_search_tokens on PostgreSQL: an index of each entry's first two characters, case and token, in which
the entries of a word of two characters or more come in the order of their cases, whichever tokens they are
of, so that two common words are counted by merging their entries instead of probing one word's cases for
the other ("chronic ba" over 100,000 cases: 2,231 entries of "ba" probed for "chronic", some 6,700 buffers,
against about 40 read in order)

Revision ID: 0023_search_token_heads
Revises: 0022_case_search_letters
Create Date: 2026-12-07 23:00:00

PostgreSQL only: SQLite answers such a count with probes of a few instructions each, and would only pay for
the index at every saving. The index is filled from the entries already stored as it is made.
"""

from __future__ import annotations

from alembic import op

revision = '0023_search_token_heads'
down_revision = '0022_case_search_letters'
branch_labels = None
depends_on = None

INDEX = 'ix_case_search_tokens_head_case_token'


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute(f'CREATE INDEX {INDEX} ON case_search_tokens (substr(token, 1, 2), case_id, token)')
    op.execute('ANALYZE case_search_tokens')


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute(f'DROP INDEX {INDEX}')
