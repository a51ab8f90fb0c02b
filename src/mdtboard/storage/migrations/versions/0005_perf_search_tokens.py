"""search tokens rebuilt: apostrophes, hyphens and spaces inside names and references fold like accents
(the neighbouring words joined are tokens too), and words of scripts other than Latin are kept in their
own script; on PostgreSQL, the planner's statistics are gathered afresh

Revision ID: 0005_perf_search_tokens
Revises: 0004
Create Date: 2026-12-06 03:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from mdtboard.domain.search import case_tokens

revision = '0005_perf_search_tokens'
down_revision = '0004'
branch_labels = None
depends_on = None

CHUNK = 2000


def _rebuild(conn: sa.Connection) -> None:
    cases = sa.table('cases', sa.column('id'), sa.column('display_name'), sa.column('title'), sa.column('ref'))
    tokens = sa.table('case_search_tokens', sa.column('case_id'), sa.column('token'))
    conn.execute(sa.delete(tokens))
    last = None
    while True:
        stmt = sa.select(cases.c.id, cases.c.display_name, cases.c.title, cases.c.ref).order_by(cases.c.id)
        if last is not None:
            stmt = stmt.where(cases.c.id > last)
        rows = conn.execute(stmt.limit(CHUNK)).all()
        if not rows:
            break
        values = [
            {'case_id': case_id, 'token': token}
            for case_id, name, title, ref in rows
            for token in sorted(case_tokens(name, title, ref))
        ]
        if values:
            conn.execute(sa.insert(tokens), values)
        last = rows[-1][0]
    if conn.dialect.name == 'postgresql':
        conn.exec_driver_sql('ANALYZE case_search_tokens')


def upgrade() -> None:
    _rebuild(op.get_bind())


def downgrade() -> None:
    pass  # the earlier program finds cases through these tokens as well as through its own
