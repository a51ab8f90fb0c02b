"""What the case library's table reads, made into functions of plain values that run on the reader thread
(:mod:`mdtboard.ui.ops`) or, in the model's synchronous mode, on the calling one: the first page with the
bounded count, a window of rows, a case's row among the first rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Final

from mdtboard.domain.case import CaseSummary

if TYPE_CHECKING:
    from mdtboard.services.cases import CaseService
    from mdtboard.services.quick_cases import QuickCases

    #: What the table reads from: the case service, or (while the services load at the program's start)
    #: the same reads through ``sqlite3``.
    CaseReads = CaseService | QuickCases

#: A row as the model keeps it: the fields of :class:`CaseSummary`, in order, as a tuple of plain values.
#: The garbage collector stops following such a tuple once it has looked at it (a CaseSummary is two
#: followed objects), so the windows kept add nothing to what its collections walk.
Row = tuple[int, str, str, str | None, bool, datetime | None, datetime | None]
ID: Final = 0
REF: Final = 1
NAME: Final = 2
TITLE: Final = 3
FICTIONAL: Final = 4
UPDATED: Final = 5
ARCHIVED: Final = 6

#: The first page and the bounded count of a search.
First = tuple[list[CaseSummary], int]


def plain(summaries: list[CaseSummary]) -> list[Row]:
    return [
        (s.id, s.ref, s.display_name, s.title, s.fictional, s.updated_at, s.archived_at) for s in summaries
    ]


@dataclass(frozen=True)
class Search:
    """What the table lists: the search, the filter and the sort."""

    query: str = ""
    fictional: bool | None = None
    archived: bool = False
    sort: str = "ref"
    descending: bool = False


def first(service: CaseReads, search: Search, page_size: int, count_limit: int) -> First:
    """The first page of ``search`` and how many cases match it, counted up to ``count_limit``."""
    return service.search_with_count(
        search.query,
        count_limit=count_limit,
        fictional=search.fictional,
        limit=page_size,
        offset=0,
        sort=search.sort,
        descending=search.descending,
        archived=search.archived,
    )


def page(
    service: CaseReads, search: Search, limit: int, offset: int, after: str | None = None
) -> list[Row]:
    """``limit`` rows of ``search`` from row ``offset``, or (sorted by reference) after reference ``after``:
    the next window goes on from the last reference of the one before, no rows skipped over."""
    if after is not None:
        return plain(
            service.search(
                search.query,
                fictional=search.fictional,
                limit=limit,
                sort="ref",
                descending=search.descending,
                after=after,
                archived=search.archived,
            )
        )
    return plain(
        service.search(
            search.query,
            fictional=search.fictional,
            limit=limit,
            offset=offset,
            sort=search.sort,
            descending=search.descending,
            archived=search.archived,
        )
    )


def find(
    service: CaseReads, search: Search, case_id: int, *, size: int, rows: int, near: int | None
) -> tuple[int | None, list[Row], int]:
    """The row of ``case_id`` (the window of row ``near`` looked at first, then the first ``rows`` rows),
    the rows of its window (of ``size`` rows), and how many rows were read (-1 when only that window)."""
    if near is not None:
        start = near // size * size
        window = page(service, search, size, start)
        for offset, each in enumerate(window):
            if each[ID] == case_id:
                return start + offset, window, -1
    read = page(service, search, rows, 0)
    for offset, each in enumerate(read):
        if each[ID] == case_id:
            start = offset // size * size
            return offset, read[start : start + size], len(read)
    return None, [], len(read)
