"""How a search is answered (the bounded count, and the page found the way the count says), over any way
of running a statement: SQLAlchemy's session (:mod:`mdtboard.storage.case_search_repo`) or a bare
``sqlite3`` connection (:mod:`mdtboard.storage.quick_library`, the library's first reads while SQLAlchemy
loads). The statements are those of :mod:`mdtboard.storage.case_search`; one decision, whichever runs
them. This module imports nothing but the standard library and the search modules.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from mdtboard.domain.search import Query
from mdtboard.storage import case_ref_search, case_search, case_search_plan
from mdtboard.storage.case_ref_search import RefCount, RefShapes

#: Runs one statement (SQL text with named parameters) with its values; every row.
Fetch = Callable[[str, dict[str, Any]], Sequence[Sequence[Any]]]


class Listed(tuple[int, ...]):
    """The sizes of a search of words whose bounded count read every match, with the matches' ids (``ids``,
    comma-separated): its page sorts them instead of finding them again."""

    ids: str

    def __new__(cls, sizes: tuple[int, ...], ids: str) -> Listed:
        made = super().__new__(cls, sizes)
        made.ids = ids
        return made


#: The page asked after a count (``count``): its order, and how many rows from the first match it needs
#: (offset and limit; None: every row); see :func:`bounded_count`.
Ahead = tuple[str, int | None]


def whole_share(ahead: Ahead | None) -> float:
    """The count's ``:whole`` (see :func:`case_search.count_sql`): 0 when no page follows; for a page in
    reference order, the share of the cases below which the matches are too few for a walk to find the page
    (:func:`case_search.worth_walking`); a page of any other order, or of every row, is always collected and
    sorted."""
    if ahead is None:
        return 0.0
    sort, want = ahead
    if sort != "ref" or want is None:
        return float(2**31)
    return case_search_plan.WALK_MARGIN * want / case_search.scan_for(want)


#: What the bounded count measured of a query with words (:data:`case_search.Sizes`, or a search typed as a
#: reference: :class:`case_ref_search.RefCount`); else None.
Sizes = case_search.Sizes | RefCount | None


def _count_shape(query: Query, fictional: bool | None, archived: bool, postgresql: bool) -> case_search.Shape:
    """The shape of a count of ``query`` (as :func:`case_search.lettered` orders its words)."""
    return case_search.Shape(
        len(query.words), query.joined is not None, fictional is not None, postgresql=postgresql,
        archived=archived, lettered=case_search.letter_words(query),
    )


def _typed_as_ref(query: Query, archived: bool, refs: RefShapes | None) -> bool:
    """Whether ``query`` may be answered by shape (see :func:`case_ref_search.consider`)."""
    return refs is not None and not archived and any("0" <= ch <= "9" for word in query.words for ch in word)


def _by_shape(
    fetch: Fetch, query: Query, archived: bool, postgresql: bool, refs: RefShapes | None
) -> case_ref_search.RefSearch | None:
    """The search by shape of ``query`` when it applies (see :mod:`case_ref_search`); the first time for a
    database, the shapes are read first (one statement)."""
    if refs is None or not _typed_as_ref(query, archived, refs):
        return None
    if not refs.known:
        ((fingerprint, database, column),) = fetch(case_ref_search.shapes_sql(postgresql), {})
        refs.usable = case_ref_search.code_point_order(database, column)
        refs.learn(fingerprint)
    return case_ref_search.consider(query, refs)


def bounded_count(
    fetch: Fetch,
    query: Query,
    fictional: bool | None,
    archived: bool,
    *,
    postgresql: bool,
    refs: RefShapes | None = None,
    cap: int = case_search.COUNT_READ,
    ahead: Ahead | None = None,
) -> tuple[int, bool, Sizes]:
    """Distinct matching cases among the first :data:`case_search.COUNT_READ` token entries, whether that
    is every match, and (a query with words) its sizes, for :func:`case_search.plan`. A search typed as a
    reference (``refs``: what is known of the database's references) counts its matches up to ``cap`` by
    shape, when that applies (its sizes are then a :class:`RefCount`). ``ahead``: the page asked next;
    when it would collect and sort every match, every match is read here instead (see
    :func:`case_search.count_sql`), and the page sorts their ids."""
    search = _by_shape(fetch, query, archived, postgresql, refs)
    for _ in range(2):
        if search is None or refs is None:
            break
        sql, values = case_ref_search.count_statement(search, fictional, cap, postgresql)
        ((fingerprint, found, *sizes),) = fetch(sql, values)
        if refs.learn(fingerprint):  # made with other shapes: again with these
            search = case_ref_search.consider(query, refs)
            continue
        counted = case_ref_search.read_count(search, tuple(sizes))
        if not counted.bounded:
            break  # answered by words
        if not counted.prefixes_only:
            sql, values = case_ref_search.full_count_statement(counted, fictional, cap, postgresql)
            ((found,),) = fetch(sql, values)
        return int(found), int(found) < cap, counted
    query = case_search.lettered(query)
    shape = _count_shape(query, fictional, archived, postgresql)
    values = case_search.params(query, fictional, archived=archived) | {"read": case_search.COUNT_READ}
    if query.words and postgresql:
        values |= {"whole": whole_share(ahead), "need": cap}
    sql = case_search.count_sql(shape)
    # A search that the shapes known do not place may be placed by the database's: they are read with it,
    # so that the next keystroke has them (a shape added elsewhere, or none known when the library opened).
    watched = search is None and refs is not None and _typed_as_ref(query, archived, refs)
    if watched:
        sql = f"SELECT o.*, {case_ref_search.fingerprint_sql(postgresql)} FROM ({sql}) o"
    ((read, distinct, ids, most, *sizes),) = fetch(sql, values)
    if watched and refs is not None:
        refs.learn(sizes.pop())
    measured = tuple(int(n) for n in sizes) or None
    exact = int(read) < int(most)
    if exact and measured is not None:
        measured = Listed(measured, ids or "")
    return int(distinct), exact, measured


def exact_count(
    fetch: Fetch, query: Query, fictional: bool | None, archived: bool, *, postgresql: bool,
    sizes: Sizes = None,
) -> int:
    query = case_search.lettered(query)
    lettered = case_search.letter_words(query)
    query, hashed = case_search.plan(query, _by_words(sizes), postgresql=postgresql, lettered=lettered)
    shape = _count_shape(query, fictional, archived, postgresql).replace(hashed=hashed)
    values = case_search.params(query, fictional, archived=archived)
    ((total,),) = fetch(case_search.exact_count_sql(shape), values)
    return int(total)


def _by_words(sizes: Sizes) -> case_search.Sizes | None:
    return None if isinstance(sizes, RefCount) else sizes


def count(
    fetch: Fetch,
    query: Query,
    fictional: bool | None,
    limit: int | None,
    archived: bool,
    *,
    postgresql: bool,
    refs: RefShapes | None = None,
    ahead: Ahead | None = None,
) -> tuple[int, int, Sizes]:
    """How many cases match (with ``limit``, ``limit + 1`` says "more"), how many matches a page should
    expect (what :func:`page` takes as ``matches``): the distinct cases the bounded count found when it read
    every match, even past ``limit``, else :data:`case_search.COUNT_READ` (many); and the sizes of the
    words, when the bounded count measured them (what :func:`page` takes as ``sizes``). ``ahead``: the
    page that will be asked next (see :func:`bounded_count`)."""
    if limit is None:
        total = exact_count(fetch, query, fictional, archived, postgresql=postgresql)
        return total, total, None
    found, exact, sizes = bounded_count(
        fetch, query, fictional, archived, postgresql=postgresql, refs=refs, cap=limit + 1, ahead=ahead
    )
    if found > limit:
        return limit + 1, found if exact else case_search.COUNT_READ, sizes
    if exact:
        return found, found, sizes
    total = min(exact_count(fetch, query, fictional, archived, postgresql=postgresql, sizes=sizes), limit + 1)
    return total, total, sizes


def page(
    fetch: Fetch,
    fetch_page: Fetch,
    query: Query,
    *,
    fictional: bool | None,
    limit: int | None,
    offset: int,
    sort: str,
    descending: bool,
    matches: int | None,
    after: str | None,
    archived: bool,
    postgresql: bool,
    sizes: Sizes = None,
    refs: RefShapes | None = None,
) -> Sequence[Sequence[Any]]:
    """One sorted page of the matching cases, as rows of :data:`case_search.SUMMARY_COLUMNS` (read by
    ``fetch_page``). ``matches``: what :func:`count` said for the same query and filter, when the caller has
    it (it chooses how the page is found; else it is counted first), and ``sizes`` with it (which word
    drives, which are read whole: :func:`case_search.plan`). ``after`` (reference order only): the page
    starts after this reference, ``offset`` rows further."""
    if sort not in case_search.SORT_COLUMNS:
        raise ValueError(f"unknown sort {sort!r}")
    walk = False
    if query.words and sort == "ref" and limit is not None:
        if matches is None:
            matches, _exact, sizes = bounded_count(
                fetch, query, fictional, archived, postgresql=postgresql, refs=refs,
                ahead=(sort, offset + limit),
            )
        if isinstance(sizes, RefCount):
            sql, values = case_ref_search.page_statement(
                sizes, fictional, limit=limit, offset=offset, descending=descending, after=after,
                postgresql=postgresql,
            )
            return fetch_page(sql, values)
    # The words as the count ordered them (its sizes follow that order), one-letter words last.
    query = case_search.lettered(query)
    lettered = case_search.letter_words(query)
    if query.words and sort == "ref" and limit is not None and matches is not None:
        want = offset + limit
        broad = matches > case_search.BROAD_MATCHES
        walk = broad and case_search.worth_walking(
            query, _by_words(sizes), want, postgresql=postgresql, lettered=lettered
        )
    listed = isinstance(sizes, Listed) and bool(query.words)  # every match known: not found again
    walk = walk and not listed
    scan = None
    if postgresql and not walk and query.words and sort == "ref" and None not in (limit, matches):
        # Walked rather than sorted when the matches' ids can be held in a hash (see hashed_walk).
        scan = case_search.hashed_walk(
            query, _by_words(sizes), offset + (limit or 0), matches or 0, listed=listed, lettered=lettered
        )
        walk = scan is not None
    bound = case_search.walk_bound(
        query, _by_words(sizes), offset + (limit or 0), postgresql=postgresql, lettered=lettered
    )
    gauged = walk and bound is not None and scan is None
    query, hashed = case_search.plan(
        query, _by_words(sizes), postgresql=postgresql, walk=walk and postgresql, lettered=lettered
    )
    shape = case_search.Shape(
        len(query.words),
        query.joined is not None,
        fictional is not None,
        sort=sort,
        descending=descending,
        walk=walk,
        limited=limit is not None or offset > 0,
        postgresql=postgresql,
        after=after is not None,
        archived=archived,
        hashed=() if listed else hashed,
        listed=listed,
        gauged=gauged,
        lettered=lettered,
    )
    values = case_search.params(query, fictional, archived=archived)
    values |= {"after": after} if after is not None else {}
    values |= {"ids": sizes.ids} if isinstance(sizes, Listed) and listed else {}
    values |= {"bound": bound} if gauged else {}
    if shape.limited:
        values |= case_search.page_params(shape, limit if limit is not None else 2**62, offset, scan)
    return fetch_page(case_search.page_sql(shape), values)
