"""Writing files so that a failure never leaves a partial file or spoils an earlier one.

The bytes go to a temporary file in the target folder, are flushed to disk, and only then replace the
target in one rename. The file is owner-only (``0600`` less the umask): exports hold health data.
A read-only folder, a full disk or a missing folder gives :class:`FileWriteError`
saying which, and the earlier file (if any) is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from mdtboard.domain.accounts import Action
from mdtboard.domain.errors import MdtboardError
from mdtboard.services.permissions import check
from mdtboard.storage.permissions import file_mode


class FileWriteError(MdtboardError):
    """A file could not be written; any earlier file of that name is intact."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"Could not write {path}: {reason}. Any earlier file there is unchanged.")


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EDQUOT:
        return "the disk quota is used up"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (the folder or file is read-only)"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno == errno.ENOENT:
        return "the folder does not exist"
    if exc.errno == errno.EISDIR:
        return "a folder of that name is in the way"
    return exc.strerror or str(exc)


def write_atomic(path: Path | str, data: bytes) -> Path:
    """Replace ``path`` with ``data`` all at once. Every file mdtboard writes of its data is an export
    (PDF, FHIR, bundle, minutes): the account signed in must be allowed to export."""
    check(Action.EXPORT)
    target = Path(path).expanduser().absolute()
    if target.is_dir():
        raise FileWriteError(target, "a folder of that name is in the way")
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, file_mode())  # owner-only, never wider than the umask
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_folder(target.parent)
    except OSError as exc:
        raise FileWriteError(target, _reason(exc)) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return target


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
