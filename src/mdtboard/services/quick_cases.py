"""The case library's reads while the services load: at the program's start, the library is filled through
the standard library's ``sqlite3`` (:class:`mdtboard.storage.quick_library.LibraryReader`) while SQLAlchemy,
the models and the services are imported and the database opened behind it; the library then goes on with
:class:`~mdtboard.services.cases.CaseService`, whose answers these are (the same statements, the same rows).

Only reads: nothing here writes. Only a plain SQLite file that stores this program's schema revision is read
this way (every read checks it again); anything else waits for the ordinary opening, with its checks. This
module imports no SQLAlchemy.
"""

from __future__ import annotations

from mdtboard.domain.case import CaseSummary
from mdtboard.services.permissions import listing
from mdtboard.storage.quick_library import LibraryReader


class QuickCases:
    """``search`` and ``search_with_count`` of :class:`CaseService` (the library's reads) for the account
    signed in, through a :class:`LibraryReader`."""

    def __init__(self, reader: LibraryReader) -> None:
        self.reader = reader

    @property
    def first_change(self) -> int | None:
        """The newest change when the first page was read (see :attr:`LibraryReader.first_change`)."""
        return self.reader.first_change

    @staticmethod
    def _lists_nothing(fictional: bool | None) -> bool:
        return fictional is False and listing(False) is True

    def search(
        self,
        query: str = "",
        *,
        fictional: bool | None = None,
        limit: int | None = 100,
        offset: int = 0,
        sort: str = "ref",
        descending: bool = False,
        after: str | None = None,
        archived: bool = False,
    ) -> list[CaseSummary]:
        if self._lists_nothing(fictional):
            return []
        return self.reader.search(
            query, fictional=listing(fictional), limit=limit, offset=offset, sort=sort, descending=descending,
            after=after, archived=archived,
        )

    def search_with_count(
        self,
        query: str = "",
        *,
        count_limit: int,
        fictional: bool | None = None,
        limit: int | None = 100,
        offset: int = 0,
        sort: str = "ref",
        descending: bool = False,
        archived: bool = False,
    ) -> tuple[list[CaseSummary], int]:
        if self._lists_nothing(fictional):
            return [], 0
        return self.reader.search_with_count(
            query, count_limit=count_limit, fictional=listing(fictional), limit=limit, offset=offset,
            sort=sort, descending=descending, archived=archived,
        )


def open_quick_cases(url: str | None) -> QuickCases | None:
    """The library's reads of ``url`` through ``sqlite3`` when it is a plain SQLite file at this program's
    schema (one query says), else None."""
    reader = LibraryReader.open(url)
    return QuickCases(reader) if reader is not None else None
