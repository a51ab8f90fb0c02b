"""Archiving a case, what uses a case, and a deleted case put back as it was.

Archiving sets ``cases.archived_at`` and moves the case's search words to the archived ones (see
:mod:`mdtboard.storage.case_search`); it changes neither the case's version nor its time of update, so an
editor open on the case goes on saving it.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from mdtboard.domain.case_keeping import CaseUsage
from mdtboard.domain.search import case_tokens
from mdtboard.storage import case_search, search_words
from mdtboard.storage.careplan_models import CarePlanRow
from mdtboard.storage.case_ref_shapes import word_tokens
from mdtboard.storage.models import AgendaItemRow, CaseRow, ConferenceRow, SearchTokenRow
from mdtboard.storage.training_models import TeachingReviewRow


def set_archived(session: Session, case_id: int, when: datetime | None) -> bool:
    """Archive the case (``when``) or restore it (None). False when there is no such case."""
    row = session.execute(
        sa.update(CaseRow)
        .where(CaseRow.id == case_id)
        .values(archived_at=when)
        .returning(CaseRow.display_name, CaseRow.title, CaseRow.ref)
    ).one_or_none()
    if row is None:
        return False
    words = case_tokens(*row)
    deleting = sa.delete(SearchTokenRow).where(SearchTokenRow.case_id == case_id)
    old_tokens = set(session.execute(deleting.returning(SearchTokenRow.token)).scalars())
    tokens = case_search.stored_tokens(words, archived=when is not None)
    if tokens:
        letters = case_search.letters_of(tokens)
        session.execute(
            sa.insert(SearchTokenRow), [{"case_id": case_id, "token": t, "letters": letters} for t in tokens]
        )
    search_words.remember(session, case_search.stored_tokens(word_tokens(*row), archived=when is not None))
    search_words.forget_unused(session, old_tokens - set(tokens))
    return True


def usage(session: Session, case_id: int) -> CaseUsage:
    """The conferences whose agenda has the case (earliest first), its care plans, its teaching reviews."""
    conferences = session.execute(
        sa.select(ConferenceRow.title, ConferenceRow.starts_at)
        .join(AgendaItemRow, AgendaItemRow.conference_id == ConferenceRow.id)
        .where(AgendaItemRow.case_id == case_id)
        .order_by(ConferenceRow.starts_at, ConferenceRow.id)
    ).all()
    plans = session.execute(
        sa.select(sa.func.count()).select_from(CarePlanRow).where(CarePlanRow.case_id == case_id)
    ).scalar_one()
    reviews = session.execute(
        sa.select(sa.func.count())
        .select_from(TeachingReviewRow)
        .where(
            sa.or_(TeachingReviewRow.draft_case_id == case_id, TeachingReviewRow.source_case_id == case_id)
        )
    ).scalar_one()
    return CaseUsage(
        conferences=[(title, starts) for title, starts in conferences],
        care_plans=int(plans),
        teaching_reviews=int(reviews),
    )


def lock_case(session: Session, case_id: int) -> tuple[int, str] | None:
    """``(version, ref)`` of the case, its row locked until the transaction ends (PostgreSQL; SQLite's
    write transactions lock the whole file already), so that nobody puts it on an agenda meanwhile."""
    stmt = sa.select(CaseRow.version, CaseRow.ref).where(CaseRow.id == case_id)
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    row = session.execute(stmt).one_or_none()
    return (int(row[0]), str(row[1])) if row is not None else None


def id_taken(session: Session, case_id: int) -> bool:
    return session.execute(sa.select(CaseRow.id).where(CaseRow.id == case_id)).first() is not None
