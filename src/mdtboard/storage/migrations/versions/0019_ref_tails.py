"""case_ref_tails and case_search_words: a search typed as a reference is answered by the references' shapes
and their own order (storage.case_ref_search) instead of intersecting words that every case has; the index
of cases by (ref, archived_at, fictional), which reads a range of references without their rows

Revision ID: 0019_ref_tails
Revises: 0018_cases_id_ref
Create Date: 2026-12-07 12:00:00

Both are filled from the cases already stored: the tails of each regular reference with its shape, and every
search token of a case that is not one of those tails (words of names and titles, other references).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from mdtboard.storage.case_ref_shapes import ref_tails, word_tokens
from mdtboard.storage.case_search import stored_tokens

revision = '0019_ref_tails'
down_revision = '0018_cases_id_ref'
branch_labels = None
depends_on = None

CHUNK = 2000
TOKEN = sa.String(length=64).with_variant(sa.String(length=64, collation='C'), 'postgresql')


def _fill(conn: sa.Connection) -> None:
    cases = sa.table(
        'cases', sa.column('id'), sa.column('display_name'), sa.column('title'), sa.column('ref'),
        sa.column('archived_at'),
    )
    tails = sa.table('case_ref_tails', sa.column('case_id'), sa.column('pos'), sa.column('shape'), sa.column('tail'))
    words_table = sa.table('case_search_words', sa.column('token'))
    words: set[str] = set()
    last = None
    while True:
        stmt = sa.select(cases.c.id, cases.c.display_name, cases.c.title, cases.c.ref, cases.c.archived_at)
        if last is not None:
            stmt = stmt.where(cases.c.id > last)
        rows = conn.execute(stmt.order_by(cases.c.id).limit(CHUNK)).all()
        if not rows:
            break
        values = [
            {'case_id': case_id, 'pos': pos, 'shape': shape, 'tail': tail}
            for case_id, _name, _title, ref, _archived in rows
            for shape, pos, tail in ref_tails(ref)
        ]
        if values:
            conn.execute(sa.insert(tails), values)
        for _id, name, title, ref, archived_at in rows:
            words.update(stored_tokens(word_tokens(name, title, ref), archived=archived_at is not None))
        last = rows[-1][0]
    ordered = sorted(words)
    for start in range(0, len(ordered), CHUNK * 5):
        conn.execute(sa.insert(words_table), [{'token': t} for t in ordered[start : start + CHUNK * 5]])
    if conn.dialect.name == 'postgresql':
        conn.exec_driver_sql('ANALYZE case_ref_tails, case_search_words')


def upgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index('ix_cases_ref_kept', ['ref', 'archived_at', 'fictional'], unique=False)

    op.create_table('case_ref_tails',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('pos', sa.Integer(), nullable=False),
    sa.Column('shape', TOKEN, nullable=False),
    sa.Column('tail', TOKEN, nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_ref_tails_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('case_id', 'pos', name=op.f('pk_case_ref_tails'))
    )
    with op.batch_alter_table('case_ref_tails', schema=None) as batch_op:
        batch_op.create_index('ix_case_ref_tails_shape_pos_tail', ['shape', 'pos', 'tail', 'case_id'], unique=False)

    op.create_table('case_search_words',
    sa.Column('token', TOKEN, nullable=False),
    sa.PrimaryKeyConstraint('token', name=op.f('pk_case_search_words'))
    )
    _fill(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_ref_kept')
    with op.batch_alter_table('case_ref_tails', schema=None) as batch_op:
        batch_op.drop_index('ix_case_ref_tails_shape_pos_tail')
    op.drop_table('case_ref_tails')
    op.drop_table('case_search_words')
