"""Alembic environment for mdtboard. The engine comes from ``config.attributes['engine']``."""

from __future__ import annotations

from alembic import context

from mdtboard.storage.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:  # given by storage.db.upgrade, already in its transaction
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        context.run_migrations()
        return
    engine = config.attributes.get("engine")
    if engine is None:
        from mdtboard.storage.db import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        context.run_migrations()


run_migrations_online()
