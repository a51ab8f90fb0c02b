"""SQL of the accounts table."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from mdtboard.storage.account_models import AccountRow
from mdtboard.storage.audit_models import AuditRow


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


def insert_unless_taken(session: Session, values: dict[str, Any]) -> bool:
    """:func:`insert`; False, with nothing changed, when another PC stored the same username or PIN tag
    after this one checked (the columns' uniqueness refuses it)."""
    try:
        with session.begin_nested():
            insert(session, values)
    except sa.exc.IntegrityError:
        return False
    return True


def set_pin(session: Session, account_id: int, pin_hash: str) -> None:
    session.execute(sa.update(AccountRow).where(AccountRow.id == account_id)
                    .values(pin_hash=pin_hash, version=AccountRow.version + 1))


def by_id(session: Session, account_id: int) -> AccountRow | None:
    return session.get(AccountRow, account_id)


def by_pin_tag(session: Session, tag: str) -> AccountRow | None:
    return session.execute(sa.select(AccountRow).where(AccountRow.pin_tag == tag)).scalar_one_or_none()


def active_pins_untagged(session: Session, key_prefix: str) -> list[AccountRow]:
    """The active accounts with a PIN but no tag made with the current key (``key_prefix``): PINs stored
    before tags, or under another key. By id."""
    return list(session.execute(
        sa.select(AccountRow).where(
            AccountRow.pin_hash.is_not(None), AccountRow.active.is_(True),
            sa.or_(AccountRow.pin_tag.is_(None), sa.not_(AccountRow.pin_tag.startswith(key_prefix))))
        .order_by(AccountRow.id)).scalars())


def update(session: Session, account_id: int, seen_version: int | None, **values: Any) -> bool:
    """Change the account's columns (and its version); False when it is not there or (``seen_version``
    given) was changed by someone else meanwhile."""
    stmt = sa.update(AccountRow).where(AccountRow.id == account_id)
    if seen_version is not None:
        stmt = stmt.where(AccountRow.version == seen_version)
    result = session.execute(stmt.values(version=AccountRow.version + 1, **values))
    return bool(getattr(result, "rowcount", 0))


def store_pin(session: Session, account_id: int, pin_hash: str, tag: str) -> bool:
    """Store the account's PIN (hash and tag); False, with nothing changed, when another account holds the
    tag already: another PC stored the same PIN after this one checked (the tag's uniqueness refuses it)."""
    try:
        with session.begin_nested():
            update(session, account_id, None, pin_hash=pin_hash, pin_tag=tag)
    except sa.exc.IntegrityError:
        return False
    return True


def notes_since(session: Session, action: str, since: str, *, host: str | None = None,
                record_id: str | None = None) -> list[str]:
    """When (``at``, oldest first) the audit trail noted ``action`` since ``since`` (ISO 8601, UTC), from
    ``host`` and about account ``record_id`` when given: what the PIN lock-outs count."""
    stmt = sa.select(AuditRow.at).where(AuditRow.action == action, AuditRow.record_type == "accounts",
                                        AuditRow.at >= since)
    if host is not None:
        stmt = stmt.where(AuditRow.host == host[:200])
    if record_id is not None:
        stmt = stmt.where(AuditRow.record_id == record_id)
    return list(session.execute(stmt.order_by(AuditRow.id)).scalars())
