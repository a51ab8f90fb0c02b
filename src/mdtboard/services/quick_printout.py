"""A case's care-plan printout read from a plain SQLite file without SQLAlchemy, for the command line.

``mdtboard care-plan --pdf`` spent most of its time importing SQLAlchemy and declaring the models. On a
plain SQLite file at the program's schema, with nobody signed in (the command line), the rows are read
with ``sqlite3`` (:mod:`mdtboard.storage.quick_printout`) and put together by the same
:func:`mdtboard.services.printouts.assemble` as ``Services.printout``, so that the paper is given the same
objects and filters them with the same code; the export is added to the audit trail as
``AuditService.exported`` adds it. Anything else answers None: the caller opens the database as usual.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mdtboard.services import printouts
from mdtboard.services.permissions import acting
from mdtboard.storage import audit_key, audit_rows, quick_printout
from mdtboard.storage.quick_printout import NotQuick


def printout(url: str | None, case_ref: str) -> tuple[printouts.CarePlanPrintout, Path] | None:
    """The printout ``Services.printout(case_ref)`` gives (the case's agreed plan, else its latest draft,
    else a draft built from its inputs) and the file it was read from; None when this database is not read
    here (PostgreSQL, encrypted, another schema revision, damaged, someone signed in). A case that does not
    exist is :class:`NotFoundError`, as on the ordinary path."""
    if acting() is not None:  # who may see which case is checked on the ordinary path
        return None
    path = quick_printout.plain_file(url)
    if path is None:
        return None
    audit_key.load_key()  # as opening the database does: no paper when its export cannot be recorded
    try:
        with quick_printout.reading(path) as reads:
            case = reads.case(case_ref)
            return printouts.assemble(reads, case), path
    except NotQuick:
        return None


def exported(path: Path, kind: str, *, case_ids: Iterable[int]) -> bool:
    """Record in the audit trail of the file at ``path`` that ``kind`` of these cases was exported (the
    rows of ``AuditService.exported``). False when it could not be written here (nothing written): the
    caller records it on the ordinary path."""
    entries = [audit_rows.note_entry("export", "cases", c, case_id=c, fields=[kind]) for c in case_ids]
    try:
        quick_printout.append_to_trail(path, entries)
    except NotQuick:
        return False
    return True
