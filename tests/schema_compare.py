"""What differs between a database's schema and the models (Alembic's autogenerate comparison), as the
migration tests ask it of a database upgraded to head."""

from __future__ import annotations

import warnings
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection

from mdtboard.storage.models import Base


def model_differences(conn: Connection) -> list[Any]:
    """Alembic's differences between the schema ``conn`` reaches and the models; [] when they agree.

    An index the models declare for one database only (``info["dialect"]``, made with ``ddl_if``:
    revisions 0023 and 0024) is compared on that database only; an index of an expression (revision 0023)
    is one that SQLite's reflection cannot compare, and Alembic's warning that it skips it is expected."""
    dialect = conn.dialect.name

    def declared_here(item: Any, _name: Any, kind: str, reflected: bool, _other: Any) -> bool:
        return kind != "index" or reflected or item.info.get("dialect", dialect) == dialect

    context = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": declared_here})
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*expression-based index 'ix_case_search_tokens_head")
        return list(compare_metadata(context, Base.metadata))
