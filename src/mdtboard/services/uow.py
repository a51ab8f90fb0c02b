"""One unit of work per user action: a session that commits on success and rolls back on any error.

Database failures become :class:`DatabaseError` with a message a person can act on (disk full, folder
read-only, server gone); the transaction is rolled back, so the stored data is exactly as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy.orm import Session

from mdtboard.domain.errors import NOTHING_CHANGED, DatabaseError, MdtboardError
from mdtboard.storage.db import READ_ONLY, Database


def explain(exc: sa.exc.DBAPIError) -> str:
    text = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
    lowered = text.lower()
    if "disk" in lowered and "full" in lowered or "no space" in lowered:
        return f"The disk holding the database is full ({text}). {NOTHING_CHANGED}"
    if "readonly" in lowered or "read-only" in lowered:
        return f"The database cannot be written: it is read-only ({text}). {NOTHING_CHANGED}"
    if "locked" in lowered:
        return f"The database is busy with another program for too long ({text}). {NOTHING_CHANGED}"
    if isinstance(exc, sa.exc.IntegrityError):
        return f"The change breaks a rule of the database ({text}). {NOTHING_CHANGED}"
    return f"The database reported an error ({text}). {NOTHING_CHANGED}"


@contextmanager
def unit_of_work(db: Database) -> Iterator[Session]:
    session = db.sessions()
    try:
        yield session
        session.commit()
    except MdtboardError:
        session.rollback()
        raise
    except sa.exc.DBAPIError as exc:
        session.rollback()
        raise DatabaseError(explain(exc)) from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


@contextmanager
def read_only(db: Database) -> Iterator[Session]:
    """A session for reading; nothing it does is committed. On SQLite its transaction begins DEFERRED,
    so that reading does not wait for (or hold up) a writer."""
    session = db.sessions()
    try:
        session.connection(execution_options={READ_ONLY: True})
        yield session
    except sa.exc.DBAPIError as exc:
        raise DatabaseError(explain(exc)) from exc
    finally:
        session.rollback()
        session.close()
