"""The cached case databases on PostgreSQL: the rows search reads (``cases``, ``case_search_tokens``,
``case_ref_tails`` and ``case_search_words``) of a cached SQLite database (``bench.datasets``), copied
into a schema of their own on the test server.

The schema is named by case count, generator version and schema revision and kept between runs; a
schema of another revision is dropped. It is migrated by mdtboard itself (so its tables and indexes are
exactly the program's), filled with ``COPY``, and analysed, as ``CaseService.store_many`` analyses after
a bulk import.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import sqlalchemy as sa

from bench.datasets import case_database
from bench.generate import GENERATOR_VERSION
from bench.measure import progress
from mdtboard.storage.db import head_revision, open_database

SERVER = os.environ.get("MDTBOARD_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
TABLES = ("cases", "case_search_tokens", "case_ref_tails", "case_search_words")


def schema_url(schema: str) -> str:
    sep = "&" if "?" in SERVER else "?"
    return f"{SERVER}{sep}options=-csearch_path%3D{schema}"


def _schema(n: int) -> str:
    revision = "".join(ch if ch.isalnum() else "_" for ch in head_revision().lower())
    return f"bench_cases_n{n}_g{GENERATOR_VERSION}_{revision}"


def _ready(admin: sa.Engine, schema: str, n: int) -> bool:
    with admin.connect() as conn:
        exists = conn.execute(
            sa.text(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = :s AND table_name = 'cases'"
            ),
            {"s": schema},
        ).first()
        if not exists:
            return False
        return bool(conn.execute(sa.text(f'SELECT count(*) FROM "{schema}".cases')).scalar_one() == n)


def _copy(source: Path, url: str) -> None:
    lite = sqlite3.connect(source)
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            for table in TABLES:
                columns = [r[1] for r in lite.execute(f"PRAGMA table_info({table})")]
                names = ", ".join(columns)
                with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for values in lite.execute(f"SELECT {names} FROM {table}"):
                        copy.write_row(values)
            conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('cases', 'id'), max(id)) FROM cases")
        with engine.connect() as conn:
            # As a server's autovacuum would soon: statistics, and the visibility map that lets the
            # token index be read without visiting the table.
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                f"VACUUM ANALYZE {', '.join(TABLES)}"
            )
    finally:
        engine.dispose()
        lite.close()


def pg_case_database(n: int) -> str:
    """The URL of a PostgreSQL schema holding the cases (and search tokens) of the cached database of n."""
    schema = _schema(n)
    admin = sa.create_engine(SERVER)
    try:
        if _ready(admin, schema, n):
            return schema_url(schema)
        source = case_database(n)
        progress(f"copying {n:,} cases into PostgreSQL schema {schema}")
        with admin.begin() as conn:
            stale = conn.execute(
                sa.text("SELECT nspname FROM pg_namespace WHERE nspname LIKE :p"),
                {"p": f"bench_cases_n{n}_%"},
            ).scalars()
            for name in list(stale):
                conn.exec_driver_sql(f'DROP SCHEMA "{name}" CASCADE')
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        url = schema_url(schema)
        open_database(url).dispose()  # mdtboard's own migrations make the tables
        _copy(source, url)
        return url
    finally:
        admin.dispose()
