"""one discipline input per agenda item and discipline: duplicates merged, then a unique index

Two PCs typing the first input of one discipline on one agenda item could store two rows. They are merged
into the most recently saved one (the other rows' texts are added below its own, so nothing typed is
lost), and a unique index keeps it so.

Revision ID: 0005_save
Revises: 0005_perf_search_tokens
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_save"
down_revision = "0005_perf_search_tokens"
branch_labels = None
depends_on = None

TEXTS = ("assessment", "recommendations")


def _merge_duplicates() -> None:
    conn = op.get_bind()
    inputs = sa.table(
        "discipline_inputs",
        sa.column("id", sa.Integer),
        sa.column("agenda_item_id", sa.Integer),
        sa.column("discipline", sa.String),
        sa.column("author", sa.String),
        sa.column("assessment", sa.Text),
        sa.column("recommendations", sa.Text),
        sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("version", sa.Integer),
    )
    groups = conn.execute(
        sa.select(inputs.c.agenda_item_id, inputs.c.discipline)
        .where(inputs.c.agenda_item_id.is_not(None))
        .group_by(inputs.c.agenda_item_id, inputs.c.discipline)
        .having(sa.func.count() > 1)
    ).all()
    for item_id, discipline in groups:
        rows = conn.execute(
            sa.select(inputs)
            .where(inputs.c.agenda_item_id == item_id, inputs.c.discipline == discipline)
            .order_by(inputs.c.updated_at.desc(), inputs.c.id.desc())
        ).all()
        kept, others = rows[0], rows[1:]
        values: dict[str, object] = {"version": kept.version + 1}
        values["author"] = kept.author or next((r.author for r in others if r.author), None)
        for name in TEXTS:
            parts = [getattr(kept, name)] if getattr(kept, name) else []
            for row in others:
                text = getattr(row, name)
                if text and all(text not in part for part in parts):
                    parts.append(text)
            values[name] = "\n\n".join(parts) if parts else None
        conn.execute(sa.update(inputs).where(inputs.c.id == kept.id).values(**values))
        conn.execute(sa.delete(inputs).where(inputs.c.id.in_([r.id for r in others])))


def upgrade() -> None:
    _merge_duplicates()
    op.create_index(
        "uq_discipline_inputs_item_discipline",
        "discipline_inputs",
        ["agenda_item_id", "discipline"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("uq_discipline_inputs_item_discipline", table_name="discipline_inputs")
