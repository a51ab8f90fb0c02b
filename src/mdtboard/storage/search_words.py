"""``case_search_words``: every search token a case has had other than the tokens of a regular reference
(see :mod:`mdtboard.storage.case_ref_shapes`), only ever added to. A search typed as a reference looks its
words up here to know which cases it may find other than by their reference."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from mdtboard.storage.models import SearchWordRow


def remember(session: Session, words: Iterable[str]) -> None:
    """Add ``words`` (tokens as stored) to those kept; those kept already stay as they are. In one order,
    so that two savings adding the same new words never wait for each other in a circle (PostgreSQL)."""
    tokens = sorted(set(words))
    if not tokens:
        return
    rows = [{"token": t} for t in tokens]
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        session.execute(postgresql.insert(SearchWordRow).on_conflict_do_nothing(), rows)
    else:
        from sqlalchemy.dialects import sqlite

        session.execute(sqlite.insert(SearchWordRow).on_conflict_do_nothing(), rows)
