"""Where the database is, and which schema revisions this program knows: what the command line needs
before it decides whether to load SQLAlchemy or Alembic at all. Standard library only.

The program's revisions are read from the revision files themselves (``revision = "..."`` and
``down_revision = ...``); Alembic is asked only if a file does not state them plainly.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from mdtboard.domain.frozen import Frozen

ENV_URL = "MDTBOARD_DATABASE_URL"
BUSY_TIMEOUT_MS = 8000
#: Where Alembic finds env.py and versions/ (beside this module, in the installed package and in the
#: PyInstaller bundle alike; ``importlib.resources`` would answer the same folder, at a cost to every
#: command).
MIGRATIONS = Path(__file__).parent / "migrations"
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)
#: A value a revision file states plainly: one quoted name, or None.
_PLAIN = re.compile(r"""^(?:"([^"\\]*)"|'([^'\\]*)'|(None))$""")


def _literal(text: str) -> object:
    """The Python literal ``text`` (``ast.literal_eval``, loaded only for what is not plain)."""
    plain = _PLAIN.match(text)
    if plain is not None:
        return None if plain[3] else plain[1] if plain[1] is not None else plain[2]
    import ast

    return ast.literal_eval(text)


def default_database_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("mdtboard", appauthor=False)) / "mdtboard.sqlite3"


def resolve_url(url: str | None = None) -> str:
    """The URL given, else ``MDTBOARD_DATABASE_URL``, else SQLite in the per-user data folder."""
    url = url or os.environ.get(ENV_URL)
    if url:
        if url.startswith("postgresql://"):
            # psycopg 3 is the driver mdtboard ships with.
            url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
        return url
    return sqlite_url(default_database_path())


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def sqlite_file(url: str) -> Path | None:
    """The file of a plain SQLite URL (``sqlite:///path``, no options), else None."""
    if not url.startswith("sqlite:///") or "?" in url:
        return None
    path = url.removeprefix("sqlite:///")
    return Path(path) if path and path != ":memory:" else None


class SchemaRevisions(Frozen):
    """The program's schema revisions: every one it knows, and the newest (the heads)."""

    __slots__ = ("known", "heads")
    known: frozenset[str]
    heads: tuple[str, ...]

    def __init__(self, known: frozenset[str], heads: tuple[str, ...]) -> None:
        self._set(known=known, heads=heads)


def _read_revisions() -> SchemaRevisions | None:
    """The revisions as their files state them, or None if a file does not state them plainly."""
    known: set[str] = set()
    parents: set[str] = set()
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        found: dict[str, str] = {m[1]: m[2] for m in _ASSIGNMENT.finditer(text)}
        try:
            revision = _literal(found["revision"])
            down = _literal(found["down_revision"])
        except (KeyError, ValueError, SyntaxError):
            return None
        if not isinstance(revision, str):
            return None
        known.add(revision)
        if isinstance(down, str):
            parents.add(down)
        elif isinstance(down, tuple | list):
            parents.update(down)
        elif down is not None:
            return None
    return SchemaRevisions(frozenset(known), tuple(sorted(known - parents)))


def _alembic_revisions() -> SchemaRevisions:
    from alembic.script import ScriptDirectory

    from mdtboard.storage.db import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    return SchemaRevisions(
        frozenset(rev.revision for rev in script.walk_revisions()), tuple(script.get_heads())
    )


@cache
def schema_revisions() -> SchemaRevisions:
    """The program's schema revisions, read from the revision files without importing Alembic."""
    return _read_revisions() or _alembic_revisions()


def head_revision() -> str:
    heads = schema_revisions().heads
    if len(heads) != 1:
        from mdtboard.domain.errors import DatabaseError

        raise DatabaseError(f"The program's migrations have {len(heads)} heads; expected one.")
    return heads[0]
