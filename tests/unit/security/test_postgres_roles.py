"""The runtime role of docs/deployment.md on the real PostgreSQL server: it cannot update the schema
(and is told who can), and it can add audit records but neither change nor delete them."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import POSTGRES_URL, _postgres_schema_url

from mdtboard.domain.case import Case, Patient
from mdtboard.domain.errors import DatabaseError
from mdtboard.services.context import open_services
from mdtboard.storage.db import create_engine, upgrade

pytestmark = pytest.mark.postgres
DOC = Path(__file__).parents[3] / "docs" / "deployment.md"


@pytest.fixture
def schema() -> Iterator[tuple[str, str]]:
    yield from _postgres_schema_url()


@pytest.fixture
def runtime_role(schema: tuple[str, str]) -> Iterator[str]:
    """A runtime role granted what docs/deployment.md grants (its SQL, with the test's schema)."""
    role = f"rt_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN")
        conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA "{schema[1]}" TO {role}')
    try:
        yield role
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'REVOKE ALL ON ALL TABLES IN SCHEMA "{schema[1]}" FROM {role}')
            conn.exec_driver_sql(f'REVOKE ALL ON ALL SEQUENCES IN SCHEMA "{schema[1]}" FROM {role}')
            conn.exec_driver_sql(f'REVOKE ALL ON SCHEMA "{schema[1]}" FROM {role}')
            conn.exec_driver_sql(f"DROP ROLE {role}")
        admin.dispose()


def grant(schema: str, role: str, *, old: bool = False) -> None:
    """The documented GRANT/REVOKE statements, run as the owner (``old``: a schema before the audit
    trail, which has no audit_log to revoke rights on)."""
    section = DOC.read_text("utf-8").split("## PostgreSQL: the audit trail and the runtime role")[1]
    block = section.split("```sql")[1].split("```")[0]
    sql = block.replace("mdtboard_user", role).replace("mdtboard.", f'"{schema}".')
    sql = re.sub(r"SCHEMA mdtboard\b", f'SCHEMA "{schema}"', sql)
    admin = sa.create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        for statement in filter(None, (s.strip() for s in sql.split(";"))):
            if not (old and "audit_log" in statement):
                conn.exec_driver_sql(statement)
    admin.dispose()


def as_role(url: str, role: str) -> str:
    return url.replace("postgres@", f"{role}@", 1)


def test_the_runtime_role_adds_audit_records_but_cannot_change_them(
    schema: tuple[str, str], runtime_role: str
) -> None:
    url, name = schema
    open_services(url).close()  # the owner makes the schema
    grant(name, runtime_role)
    services = open_services(as_role(url, runtime_role))
    try:
        case = services.cases.create(Case(ref="R-1", fictional=True, patient=Patient(display_name="Rui")))
        assert [e.action for e in services.audit.history(case.id or 0)] == ["insert"]
        for sql in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log",
                    "ALTER TABLE cases ADD COLUMN x integer", "UPDATE alembic_version SET version_num = 'x'"):
            with (
                pytest.raises(sa.exc.ProgrammingError, match="permission denied|must be owner"),
                services.db.engine.begin() as conn,
            ):
                conn.exec_driver_sql(sql)
        assert services.audit.verify().ok
    finally:
        services.close()


def test_the_runtime_role_does_not_update_the_schema_and_says_who_can(
    schema: tuple[str, str], runtime_role: str
) -> None:
    url, name = schema
    engine = create_engine(url)
    upgrade(engine, "0001")
    engine.dispose()
    grant(name, runtime_role, old=True)
    with pytest.raises(DatabaseError, match=rf"role {runtime_role} may not change its schema.*owner role"):
        open_services(as_role(url, runtime_role))
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one() == "0001"
    engine.dispose()
