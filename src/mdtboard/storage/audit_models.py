"""The audit trail's table: one row per change of a record, chained by keyed hashes (see
:mod:`mdtboard.storage.audit`). Rows are only ever inserted; ``id`` is given by the writer (the previous
row's plus one, under the write lock), so that a missing row shows as a gap.

No foreign keys: the trail outlives the records it speaks of (a deleted case keeps its history). No patient
data: a record is named by its table and id, a change by the names of the fields changed.
"""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mdtboard.storage.models import Base


class AuditRow(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    #: UTC, ISO 8601 with microseconds, as text: hashed exactly as stored, on SQLite and PostgreSQL alike.
    at: Mapped[str] = mapped_column(String(32))
    #: Who acted: the operating-system user until accounts exist; ``account_id`` is then the account.
    actor: Mapped[str] = mapped_column(String(200))
    account_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    host: Mapped[str] = mapped_column(String(200))
    #: insert, update, delete (of a record); read, export (of restricted text, of a paper or file).
    action: Mapped[str] = mapped_column(String(16))
    record_type: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    case_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: JSON list of the names of the fields (columns) and parts (child tables) changed; never their values.
    fields: Mapped[str] = mapped_column(Text)
    old_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    new_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: Which key signed the row (the first 16 hex digits of the key's SHA-256), so a wrong key is named.
    key_id: Mapped[str] = mapped_column(String(16))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_log_case_id", "case_id"),)
