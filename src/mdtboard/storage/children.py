"""Child rows kept in the order given: the one way a repository replaces a parent's ordered list."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import InstrumentedAttribute, Session


def replace_in_order(
    session: Session, row_type: type[Any], parent: InstrumentedAttribute[int], parent_id: int,
    rows: Sequence[Mapping[str, Any]],
) -> None:
    """The rows of ``row_type`` whose ``parent`` column is ``parent_id`` become ``rows``, numbered by their
    ``position`` in the order given: one DELETE, and one INSERT for them all."""
    session.execute(sa.delete(row_type).where(parent == parent_id))
    if rows:
        session.execute(
            sa.insert(row_type),
            [{parent.key: parent_id, "position": position, **values} for position, values in enumerate(rows)],
        )
