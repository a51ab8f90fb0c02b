"""The statements of teaching-case reviews (a de-identified draft of a real case and its checklist): the
review row and its field rows. :mod:`mdtboard.services.teaching_review` decides; this module reads and
writes rows in the session it is given."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from mdtboard.storage.children import replace_in_order
from mdtboard.storage.training_models import TeachingReviewFieldRow, TeachingReviewRow


def add(session: Session, **values: Any) -> TeachingReviewRow:
    row = TeachingReviewRow(version=0, **values)
    session.add(row)
    session.flush()
    return row


def get(session: Session, review_id: int) -> TeachingReviewRow | None:
    """The review with its field rows; None when there is none."""
    return session.scalars(
        sa.select(TeachingReviewRow)
        .options(selectinload(TeachingReviewRow.fields))
        .where(TeachingReviewRow.id == review_id)
    ).one_or_none()


def all_reviews(session: Session, *, status: str | None = None) -> list[TeachingReviewRow]:
    """Every review (of one status when given), oldest first, with their field rows."""
    stmt = (
        sa.select(TeachingReviewRow)
        .options(selectinload(TeachingReviewRow.fields))
        .order_by(TeachingReviewRow.id)
    )
    if status is not None:
        stmt = stmt.where(TeachingReviewRow.status == status)
    return list(session.scalars(stmt))


def replace_fields(session: Session, review_id: int, fields: Sequence[Mapping[str, Any]]) -> None:
    """The review's checklist rows become ``fields``, in this order."""
    replace_in_order(session, TeachingReviewFieldRow, TeachingReviewFieldRow.review_id, review_id, fields)


def update(session: Session, review_id: int, seen_version: int, **values: Any) -> int | None:
    """Set ``values`` and a new version; None when the version is no longer ``seen_version``."""
    done = session.execute(
        sa.update(TeachingReviewRow)
        .where(TeachingReviewRow.id == review_id, TeachingReviewRow.version == seen_version)
        .values(version=TeachingReviewRow.version + 1, **values)
        .returning(TeachingReviewRow.version)
    ).scalar_one_or_none()
    return None if done is None else int(done)


def delete(session: Session, review_id: int) -> None:
    """The review and its field rows."""
    session.execute(sa.delete(TeachingReviewFieldRow).where(TeachingReviewFieldRow.review_id == review_id))
    session.execute(sa.delete(TeachingReviewRow).where(TeachingReviewRow.id == review_id))
