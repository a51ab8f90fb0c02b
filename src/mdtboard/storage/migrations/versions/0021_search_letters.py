"""case_search_tokens.letters: each entry carries the first letters of all its case's words, and the index of
tokens holds them, so that a search checks a word of one letter on the entries it finds for the other words
instead of probing each case ("nguyen t" over 100,000 cases: 2,058 probes of "t" on PostgreSQL)

Revision ID: 0021_search_letters
Revises: 0020_forget_unused_words
Create Date: 2026-12-07 20:00:00

The letters are computed from the tokens already stored (``storage.case_search_plan.letters_of``), a case at
a time; an entry written without them (by an older program) says -1, and its words are probed as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from mdtboard.storage.case_search_plan import letters_of

revision = '0021_search_letters'
down_revision = '0020_forget_unused_words'
branch_labels = None
depends_on = None

CHUNK = 2000


def _fill(conn: sa.Connection) -> None:
    tokens = sa.table('case_search_tokens', sa.column('case_id'), sa.column('token'), sa.column('letters'))
    update = sa.update(tokens).where(tokens.c.case_id == sa.bindparam('id')).values(letters=sa.bindparam('bits'))
    last = None
    while True:
        ids = sa.select(tokens.c.case_id).distinct()
        if last is not None:
            ids = ids.where(tokens.c.case_id > last)
        chunk = [row[0] for row in conn.execute(ids.order_by(tokens.c.case_id).limit(CHUNK))]
        if not chunk:
            break
        found: dict[int, list[str]] = {}
        rows = conn.execute(
            sa.select(tokens.c.case_id, tokens.c.token).where(tokens.c.case_id.between(chunk[0], chunk[-1]))
        )
        for case_id, token in rows:
            found.setdefault(case_id, []).append(token)
        conn.execute(update, [{'id': case_id, 'bits': letters_of(words)} for case_id, words in found.items()])
        last = chunk[-1]
    if conn.dialect.name == 'postgresql':
        conn.exec_driver_sql('ANALYZE case_search_tokens')


def upgrade() -> None:
    with op.batch_alter_table('case_search_tokens', schema=None) as batch_op:
        batch_op.drop_index('ix_case_search_tokens_token_case')
        batch_op.add_column(sa.Column('letters', sa.Integer(), server_default='-1', nullable=False))
    _fill(op.get_bind())
    with op.batch_alter_table('case_search_tokens', schema=None) as batch_op:
        batch_op.create_index(
            'ix_case_search_tokens_token_case_letters', ['token', 'case_id', 'letters'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('case_search_tokens', schema=None) as batch_op:
        batch_op.drop_index('ix_case_search_tokens_token_case_letters')
        batch_op.drop_column('letters')
        batch_op.create_index('ix_case_search_tokens_token_case', ['token', 'case_id'], unique=False)
