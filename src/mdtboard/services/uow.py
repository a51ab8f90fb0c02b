"""One unit of work per user action: a session that commits on success and rolls back on any error.

The one module of the services that imports SQLAlchemy: the other services name a unit of work's
:class:`Session` through it, and leave every statement to the repositories in :mod:`mdtboard.storage`.

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

__all__ = ["Session", "database_error", "read_only", "unit_of_work"]

#: Words of a driver's message that say the connection to the server was lost or never made.
_LOST = (
    "server closed the connection",
    "consuming input failed",
    "connection timeout",
    "timeout expired",
    "could not receive data",
    "could not send data",
    "connection refused",
    "the connection is closed",
    "connection is lost",
    "terminating connection",
    "ssl syscall error",
)
#: ... and that another session held a lock too long, or a statement ran past its time (PostgreSQL).
_BUSY = ("locked", "lock timeout", "canceling statement due to statement timeout", "deadlock detected")


def database_error(exc: sa.exc.DBAPIError) -> DatabaseError:
    """The :class:`DatabaseError` a person is shown for a driver's error; ``passing`` when it may go away
    by itself (a lock held elsewhere, a connection lost), so that a save is retried."""
    text = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc).splitlines()[0]
    lowered = text.lower()
    if "disk" in lowered and "full" in lowered or "no space" in lowered:
        return DatabaseError(f"The disk holding the database is full ({text}). {NOTHING_CHANGED}")
    if "readonly" in lowered or "read-only" in lowered:
        return DatabaseError(f"The database cannot be written: it is read-only ({text}). {NOTHING_CHANGED}")
    if any(word in lowered for word in _BUSY):
        return DatabaseError(
            f"The database is busy with another program for too long ({text}). {NOTHING_CHANGED}",
            passing=True,
        )
    if exc.connection_invalidated or any(word in lowered for word in _LOST):
        return DatabaseError(
            f"The database server does not answer (network or server down: {text}). {NOTHING_CHANGED}",
            passing=True,
        )
    if isinstance(exc, sa.exc.IntegrityError):
        return DatabaseError(f"The change breaks a rule of the database ({text}). {NOTHING_CHANGED}")
    return DatabaseError(f"The database reported an error ({text}). {NOTHING_CHANGED}")


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
        raise database_error(exc) from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


@contextmanager
def read_only(db: Database, *, statements_apart: bool = False) -> Iterator[Session]:
    """A session for reading; nothing it does is committed. On SQLite its transaction begins DEFERRED,
    so that reading does not wait for (or hold up) a writer.

    ``statements_apart``: on PostgreSQL no transaction is begun, each statement runs on its own. Its
    statements see what they would see in one (at READ COMMITTED each statement of a transaction takes its
    own snapshot), without the round trips of BEGIN and ROLLBACK, each a wake-up of the server that a
    loaded machine may delay (a search keystroke: four round trips, two now). On SQLite, one transaction as
    always (its statements then read one snapshot of the file)."""
    session = db.sessions()
    options: dict[str, object] = {READ_ONLY: True}
    if statements_apart and db.engine.dialect.name == "postgresql":
        options["isolation_level"] = "AUTOCOMMIT"
    try:
        session.connection(execution_options=options)
        yield session
    except sa.exc.DBAPIError as exc:
        raise database_error(exc) from exc
    finally:
        session.rollback()
        session.close()
