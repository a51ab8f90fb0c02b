"""The change log: one row per record changed by a committed transaction, written in that transaction;
and presence: which program has which record open, each row valid until it expires.

Written by :mod:`mdtboard.storage.changes` for every unit of work, read by the programs that follow the
database (:mod:`mdtboard.storage.listen`) and by ``mdtboard changes``. Rows older than
:data:`mdtboard.storage.changes.KEEP` are pruned; the newest row is always kept, so that ids never restart.
Only ids, kinds and versions: never any text of a record.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from mdtboard.storage.models import Base, utcnow

#: SQLite makes an INTEGER PRIMARY KEY the rowid only when it is spelled INTEGER.
CHANGE_ID = BigInteger().with_variant(Integer(), "sqlite")


class ChangeLogRow(Base):
    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(CHANGE_ID, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))
    #: None: some records of this kind changed (too many to name, or one that could not be told)
    record_id: Mapped[int | None] = mapped_column(Integer)
    #: the record's version after the change; None when it was deleted
    version: Mapped[int | None] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    client: Mapped[str] = mapped_column(String(80))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class PresenceRow(Base):
    """One program (``client``) having one record open, until ``expires_at`` unless renewed (see
    :mod:`mdtboard.domain.presence`). Who and where only: no text of the record. Not audited, and not in
    the change feed: presence is renewed every few seconds and read by polling."""

    __tablename__ = "presence"

    client: Mapped[str] = mapped_column(String(80), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    who: Mapped[str] = mapped_column(String(200))
    #: where in the record (a discipline's label, a section); None: just open
    place: Mapped[str | None] = mapped_column(String(80))
    typing: Mapped[bool] = mapped_column(Boolean, default=False)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_presence_record", "kind", "record_id"),)
