"""Backups of the database the program has open, for the Help > Backups window.

On SQLite they are the files of :mod:`mdtboard.storage.backup`; on PostgreSQL there are none here (IT backs
the server up with ``pg_dump``) and :attr:`BackupService.available` is False.
"""

from __future__ import annotations

from pathlib import Path

from mdtboard.domain.errors import MdtboardError
from mdtboard.storage import backup as store
from mdtboard.storage.backup import Backup, BackupError, Restored
from mdtboard.storage.db import Database, sqlite_path

__all__ = ["Backup", "BackupError", "BackupService", "Restored"]

POSTGRESQL_NOTE = (
    "This database is on a PostgreSQL server: your IT staff back it up there (pg_dump); mdtboard keeps "
    "no backups of its own of it."
)


class BackupService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.database: Path | None = sqlite_path(str(db.engine.url))

    @property
    def available(self) -> bool:
        return self.database is not None

    @property
    def folder(self) -> Path | None:
        return store.backups_folder(self.database) if self.database is not None else None

    def _file(self) -> Path:
        if self.database is None:
            raise MdtboardError(POSTGRESQL_NOTE)
        return self.database

    def list(self) -> list[Backup]:
        return store.list_backups(self.database) if self.database is not None else []

    def backup_now(self) -> Path:
        return store.take_backup(self._file(), "manual")

    def restore(self, backup: Path) -> Restored:
        """Replace the database's contents by ``backup`` (the current contents kept as a backup first). The
        program must open the database again afterwards: what it has in memory is of the old contents."""
        return store.restore(self._file(), backup)
