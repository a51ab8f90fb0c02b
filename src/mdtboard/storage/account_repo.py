"""SQL of the accounts table."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from mdtboard.storage.account_models import AccountRow


def count(session: Session) -> int:
    return int(session.execute(sa.select(sa.func.count()).select_from(AccountRow)).scalar_one())


def by_username(session: Session, username: str) -> AccountRow | None:
    return session.execute(sa.select(AccountRow).where(AccountRow.username == username)).scalar_one_or_none()


def all_accounts(session: Session) -> list[AccountRow]:
    return list(session.execute(sa.select(AccountRow).order_by(AccountRow.username)).scalars())


def insert(session: Session, values: dict[str, Any]) -> int:
    result = session.execute(
        sa.insert(AccountRow).returning(AccountRow.id),
        [{"demo": False, "failed_sign_ins": 0, "version": 0, **values}],
    )
    return int(result.scalar_one())


def record_sign_in(
    session: Session, account_id: int, *, failed: int, locked_until: datetime | None,
    password_hash: str | None = None,
) -> None:
    values: dict[str, Any] = {"failed_sign_ins": failed, "locked_until": locked_until,
                              "version": AccountRow.version + 1}
    if password_hash is not None:
        values["password_hash"] = password_hash
    session.execute(sa.update(AccountRow).where(AccountRow.id == account_id).values(**values))


def set_pin(session: Session, account_id: int, pin_hash: str) -> None:
    session.execute(sa.update(AccountRow).where(AccountRow.id == account_id)
                    .values(pin_hash=pin_hash, version=AccountRow.version + 1))


def by_id(session: Session, account_id: int) -> AccountRow | None:
    return session.get(AccountRow, account_id)
