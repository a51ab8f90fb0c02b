"""Owner-only files and folders: the data folder, the database, its backups and every export.

What mdtboard writes holds health data, so other users of the PC must not read it. Folders mdtboard
creates are ``0700``, files ``0600``; either is narrowed further by the user's umask, never widened (a
user whose umask is ``077`` gets exactly that; one whose umask is ``022`` still gets owner-only files).

SQLite creates its database, ``-wal`` and ``-shm`` files with ``0644`` (less the umask), and gives the
``-wal`` and ``-shm`` files the permissions of the database file: so the database file is created here,
empty and owner-only, before SQLite opens it (an empty file is a valid empty database).

:func:`exposure` says when a database (or its folder) can be read by others, for the warning the program
and the command line show. Standard library only: the command line uses it before SQLAlchemy is loaded.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
_lock = threading.Lock()


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows (Linux), else set and reset
    under a lock."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    with _lock:
        mask = os.umask(0o077)
        os.umask(mask)
    return mask


def file_mode() -> int:
    """The mode of a file mdtboard writes: owner read and write, less the umask."""
    return FILE_MODE & ~current_umask()


def make_private_folder(folder: Path) -> Path:
    """Create ``folder`` and any missing parents owner-only (``0700`` less the umask). Folders that
    already exist keep their permissions."""
    folder = Path(folder)
    missing: list[Path] = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=FOLDER_MODE)
            # mkdir's mode is already less the umask; chmod makes sure no ACL default widened it.
            os.chmod(path, FOLDER_MODE & ~current_umask())
    return folder


def create_private_file(path: Path) -> bool:
    """Create ``path`` empty and owner-only if it is not there; True if it was created."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def restrict(path: Path) -> None:
    """Make an existing file owner-only (``0600`` less the umask)."""
    os.chmod(path, file_mode())


def others_can_read(path: Path) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return bool(mode & (stat.S_IRGRP | stat.S_IROTH))


def exposure(database: Path) -> str | None:
    """A warning when other users of the PC can read the database file (or its ``-wal`` file), else None.
    Names the file and says how to fix it; no patient data."""
    if os.name != "posix":
        return None
    exposed = [p for p in (database, Path(f"{database}-wal")) if p.exists() and others_can_read(p)]
    if not exposed:
        return None
    names = " and ".join(str(p) for p in exposed)
    return (
        f"Other users of this computer can read the database ({names}). It holds health data: make it "
        f"owner-only, e.g. `chmod 600 {database}*` and `chmod 700 {database.parent}`."
    )
