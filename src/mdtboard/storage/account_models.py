"""People's accounts: name, discipline, roles, the Argon2id hash of their password (and of an optional
short PIN), failed sign-ins. Never a password itself."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, true
from sqlalchemy.orm import Mapped, mapped_column

from mdtboard.storage.models import Base


class AccountRow(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    discipline: Mapped[str | None] = mapped_column(String(40), nullable=True)
    #: Comma-separated role names (``chair,member``).
    roles: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    pin_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    #: ``KEYID:HMAC`` of the PIN with a key derived from the audit key (outside the database): finds the
    #: account of a PIN at once, and keeps PINs unique. None for a PIN stored before (found by its hash).
    pin_tag: Mapped[str | None] = mapped_column(String(80), nullable=True, unique=True)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    #: False once deactivated: the account can no longer sign in, sign or act; it is never deleted, so that
    #: its signatures and its history keep naming it.
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
