"""Searches typed as a case reference (``pmc-2019-00``), answered by the shapes of the references
(:mod:`mdtboard.storage.case_ref_shapes`): the statements, as fixed SQL text with named parameters, and the
decision when they apply. Imports nothing but the standard library, ``domain`` and the search modules.

Every word of such a search is common (``pmc`` starts a token of every case, ``2019`` of a ninth of them,
``00`` of a tenth), so the search by words intersected tens of thousands of token entries at every keystroke.
By shape, the same cases are found without intersecting anything. A case matches when each word starts one of
its tokens, or the words written together do (``domain.search``). Its tokens are those of its reference (when
regular: the rows of ``case_ref_tails``) and its other tokens, which ``case_search_words`` holds (all that the
cases have). So a case matches when

* its reference alone matches: the ways of placing the words in each shape say where (``Placing``): the
  references starting with a text (a range of the references' own order, read in that order until the page is
  full), or those of one shape with a run of letters and digits at a word's start (read from the tails of that
  word, the other runs compared in the reference); or
* a word (or the words written together) starts one of its other tokens: the cases with a token that starts
  the word and is among ``case_search_words``, each checked as any search checks a case.

This is exact when the database's shapes are those the statements were made with: the count says the shapes it
read, and a search made with others is made again (:class:`RefShapes`). It is fast when the words start few of
the cases' other tokens and a gap has a run with few tails (:data:`WORD_CAP`, :data:`DRIVE_CAP`): the count
measures both and, past that, the search is answered by words (its count then follows). A keystroke is the
count and the page; a third statement counts the cases found otherwise than in the ranges, when there are
any, or is the count by words.
Only the references' own order has a range to read, and only for cases that are not archived (archived cases
are few; their words are apart), so other searches are answered by words as before. On PostgreSQL a range of
references is their order only where they compare by code point (a "C" collation): elsewhere, by words.
"""

from __future__ import annotations

from functools import cache

from mdtboard.domain.frozen import Frozen
from mdtboard.domain.search import Query, prefix_upper_bound
from mdtboard.storage import case_search
from mdtboard.storage.case_ref_shapes import MAX_SHAPES, Gap, Placing, RefShape, place

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: the command line reads through the search modules
if TYPE_CHECKING:
    from typing import Any

#: A gap's tails through its best run are read at most this many, and a word's entries among the cases' other
#: tokens (each checked with a probe per word) at most WORD_CAP: more, and the search is answered by words.
DRIVE_CAP = 1500
WORD_CAP = 600
_SEP = "\x1e"


class RefShapes:
    """What is known of one database's reference shapes (kept between searches; a search by shape reads the
    shapes again, and is made again when they changed). ``usable``: a range of references is their order
    there (see the module docstring)."""

    __slots__ = ("_known", "usable")

    def __init__(self) -> None:
        self._known: tuple[tuple[str, ...], tuple[RefShape, ...]] | None = None
        self.usable = True

    @property
    def known(self) -> bool:
        return self._known is not None

    @property
    def shapes(self) -> tuple[RefShape, ...]:
        """The shapes, none when unknown or too many to search by."""
        return self._known[1] if self._known is not None else ()

    def learn(self, fingerprint: str | None) -> bool:
        """Take the shapes a statement read (:func:`fingerprint_sql`); whether they differ from those known
        before."""
        names = tuple(sorted(set(fingerprint.split(_SEP)))) if fingerprint else ()
        if self._known is not None and self._known[0] == names:
            return False
        parsed = tuple(RefShape(n) for n in names) if len(names) <= MAX_SHAPES else ()
        self._known = (names, parsed)
        return True


def fingerprint_sql(postgresql: bool) -> str:
    """The database's shapes (at most :data:`MAX_SHAPES` and one), joined: one probe of the tails' index
    each."""
    step = (
        "SELECT (SELECT min(r.shape) FROM case_ref_tails r WHERE r.shape > s.v) FROM s WHERE s.v IS NOT NULL"
    )
    first = "SELECT min(r.shape) FROM case_ref_tails r"
    if postgresql:
        shapes = f"WITH RECURSIVE s(v) AS ({first} UNION ALL {step}) SELECT v FROM s WHERE v IS NOT NULL"
        return f"(SELECT string_agg(z.v, chr(30)) FROM ({shapes} LIMIT {MAX_SHAPES + 1}) z)"
    shapes = f"WITH RECURSIVE s(v) AS ({first} UNION ALL {step} LIMIT {MAX_SHAPES + 2}) SELECT v FROM s"
    return f"(SELECT group_concat(z.v, char(30)) FROM ({shapes}) z WHERE z.v IS NOT NULL)"


def shapes_sql(postgresql: bool) -> str:
    """The shapes, and on PostgreSQL the collations that order references: the database's, the column's."""
    if not postgresql:
        return f"SELECT {fingerprint_sql(False)}, NULL, NULL"
    return (
        f"SELECT {fingerprint_sql(True)},"
        " (SELECT datcollate FROM pg_database WHERE datname = current_database()),"
        " (SELECT collation_name FROM information_schema.columns WHERE table_schema = current_schema()"
        " AND table_name = 'cases' AND column_name = 'ref')"
    )


def code_point_order(database: str | None, column: str | None) -> bool:
    """Whether references compare by code point under these collations (None: SQLite's, or the default)."""

    def plain(name: str) -> bool:
        return name in ("C", "POSIX") or name.startswith("C.")

    return plain(column) if column else database is None or plain(database)


class RefSearch(Frozen):
    """A search answered by shape: the query, where its matches can be among the references, and the words
    looked up among the cases' other tokens (its words, then the words written together)."""

    __slots__ = ("query", "placing", "words")
    query: Query
    placing: Placing
    words: tuple[str, ...]

    def __init__(self, query: Query, placing: Placing) -> None:
        words = query.words + ((query.joined,) if query.joined is not None else ())
        self._set(query=query, placing=placing, words=words)


def consider(query: Query, shapes: RefShapes) -> RefSearch | None:
    """The search by shape, when it applies: a word with a digit (a name or a title seldom has one, and other
    searches are answered well by words), the shapes known and not too many, a range of references where its
    matches can be."""
    if not shapes.usable or not shapes.shapes:
        return None
    if not any("0" <= ch <= "9" for word in query.words for ch in word):
        return None
    placing = place(query.words, query.joined, shapes.shapes)
    if placing is None or not placing.prefixes:
        return None
    return RefSearch(query, placing)


class RefCount(Frozen):
    """What the count of a search by shape measured: the entries of each word among the cases' other tokens,
    the tails of each run of each gap (see :func:`count_sql`). :func:`page_statement` takes it."""

    __slots__ = ("search", "words", "runs")
    search: RefSearch
    words: tuple[int, ...]
    runs: tuple[tuple[int, ...], ...]

    def __init__(self, search: RefSearch, words: tuple[int, ...], runs: tuple[tuple[int, ...], ...]) -> None:
        self._set(search=search, words=words, runs=runs)

    @property
    def bounded(self) -> bool:
        """Whether the search is quick by shape: each word among few other tokens, each gap with a run of few
        tails (else it is answered by words)."""
        return all(n < WORD_CAP for n in self.words) and all(min(r) < DRIVE_CAP for r in self.runs)

    @property
    def prefixes_only(self) -> bool:
        """Whether the references' ranges alone hold every match: no word among other tokens, every gap with
        a run without tails."""
        return not any(self.words) and all(min(r) == 0 for r in self.runs)

    def kept(self) -> tuple[tuple[Gap, ...], tuple[int, ...], tuple[str, ...]]:
        """The gaps that may hold cases (with the run each is read through: the one with fewest tails), and
        the words found among other tokens."""
        gaps: list[Gap] = []
        drivers: list[int] = []
        for gap, sizes in zip(self.search.placing.gaps, self.runs, strict=True):
            if min(sizes) > 0:
                gaps.append(gap)
                drivers.append(min(range(len(sizes)), key=sizes.__getitem__))
        words = tuple(w for w, n in zip(self.search.words, self.words, strict=True) if n)
        return tuple(gaps), tuple(drivers), words


class Statement(Frozen):
    """What decides the text of a statement by shape (the values go in as parameters): how many prefixes,
    the runs of each gap and the run each is read through (none: the gaps are only measured), how many words
    are looked up among other tokens, how many words the search has and whether they are written together
    (the check of a case found by a word)."""

    __slots__ = (
        "prefixes", "gaps", "drivers", "words", "terms", "joined", "fictional", "postgresql", "descending",
        "after",
    )
    prefixes: int
    gaps: tuple[int, ...]
    drivers: tuple[int, ...]
    words: int
    terms: int
    joined: bool
    fictional: bool
    postgresql: bool
    descending: bool
    after: bool

    def __init__(
        self,
        prefixes: int,
        gaps: tuple[int, ...],
        words: int,
        query: Query,
        *,
        fictional: bool,
        postgresql: bool,
        drivers: tuple[int, ...] = (),
        descending: bool = False,
        after: bool = False,
    ) -> None:
        self._set(prefixes=prefixes, gaps=gaps, drivers=drivers, words=words, terms=len(query.words),
                  joined=query.joined is not None, fictional=fictional, postgresql=postgresql,
                  descending=descending, after=after)

    @property
    def matched(self) -> case_search.Shape:
        """The statement shape whose check of a case is the search's."""
        return case_search.Shape(self.terms, self.joined, False, postgresql=self.postgresql)


def _kept(postgresql: bool) -> str:
    # On SQLite "+": no index of archived_at (which it would take as selective) instead of the range.
    return "c.archived_at IS NULL" if postgresql else "+c.archived_at IS NULL"


def _after(st: Statement) -> list[str]:
    return [f"c.ref {'<' if st.descending else '>'} :after"] if st.after else []


def _prefix_arm(i: int, st: Statement, *, page: bool) -> str:
    """The cases whose reference starts with prefix ``i``: in the references' order, up to what is wanted
    (counted, up to ``:cap``: in that order too, so that PostgreSQL reads the range of the index rather than
    every case until it has found enough)."""
    where = [f"c.ref >= :rp{i}", f"c.ref < :rq{i}", _kept(st.postgresql)]
    where += ["c.fictional = :fictional"] * st.fictional
    order = "DESC" if st.descending else "ASC"
    if page:
        where += _after(st)
    return (
        f"SELECT q.id FROM (SELECT c.id FROM cases c WHERE {' AND '.join(where)}"
        f" ORDER BY c.ref {order} LIMIT {':want' if page else ':cap'}) q"
    )


def _tails(i: int, k: int) -> str:
    return f"r.shape = :rg{i}s AND r.pos = :rg{i}_{k}j AND r.tail >= :rg{i}_{k}lo AND r.tail < :rg{i}_{k}hi"


def _gap_arm(i: int, st: Statement) -> str:
    """The cases of gap ``i``, read through the tails of its run ``st.drivers[i]``, each run compared in the
    reference. The cases are read by id after the tails, in that order on both databases (PostgreSQL's
    planner could otherwise join them another way on a misestimate)."""
    k = st.drivers[i]
    where = [f"substr(c.ref, :rg{i}_{m}o, :rg{i}_{m}n) = :rg{i}_{m}w" for m in range(st.gaps[i])]
    where += [_kept(st.postgresql)] + ["c.fictional = :fictional"] * st.fictional + _after(st)
    if st.postgresql:
        case = "SELECT c.id, c.ref, c.fictional, c.archived_at FROM cases c WHERE c.id = r.case_id OFFSET 0"
        conds = [_tails(i, k), *where]
        return f"SELECT c.id FROM case_ref_tails r CROSS JOIN LATERAL ({case}) c WHERE {' AND '.join(conds)}"
    source = "case_ref_tails r CROSS JOIN cases c"
    return f"SELECT c.id FROM {source} WHERE {_tails(i, k)} AND c.id = r.case_id AND {' AND '.join(where)}"


def _word_entries(i: int, postgresql: bool) -> str:
    """The token entries of the cases' other tokens that start word ``i`` (alias ``tt``)."""
    if postgresql:
        source = (
            "case_search_words v CROSS JOIN LATERAL"
            " (SELECT t.case_id FROM case_search_tokens t WHERE t.token = v.token OFFSET 0) tt"
        )
        return f"{source} WHERE v.token >= :rx{i}lo AND v.token < :rx{i}hi"
    source = "case_search_words v CROSS JOIN case_search_tokens tt"
    return f"{source} WHERE v.token >= :rx{i}lo AND v.token < :rx{i}hi AND tt.token = v.token"


def _word_arm(i: int, st: Statement) -> str:
    """The cases that word ``i`` finds among their other tokens and that match the search."""
    where = [case_search.matching(st.matched, "tt.case_id")]
    where += [case_search.fictional_is("tt.case_id")] * st.fictional
    if st.after:
        ref = "(SELECT a.ref FROM cases a WHERE a.id = tt.case_id)"
        where.append(f"{ref} {'<' if st.descending else '>'} :after")
    return f"SELECT tt.case_id AS id FROM {_word_entries(i, st.postgresql)} AND {' AND '.join(where)}"


def _arms(st: Statement, *, page: bool) -> list[str]:
    arms = [_prefix_arm(i, st, page=page) for i in range(st.prefixes)]
    arms += [_gap_arm(i, st) for i in range(len(st.gaps))]
    return arms + [_word_arm(i, st) for i in range(st.words)]


def _found(arms: list[str]) -> str:
    """How many distinct cases the arms find, up to ``:cap``."""
    union = " UNION ALL ".join(arms) or "SELECT NULL AS id WHERE 1 = 0"
    return f"SELECT count(*) FROM (SELECT DISTINCT u.id FROM ({union}) u LIMIT :cap) d"


@cache
def count_sql(st: Statement) -> str:
    """One row: the shapes read; how many cases the prefixes hold (up to ``:cap``); the entries of each word
    among the cases' other tokens (up to :data:`WORD_CAP`) and the tails of each run of each gap (up to
    :data:`DRIVE_CAP`)."""
    pg = st.postgresql
    sizes = [
        f"(SELECT count(*) FROM (SELECT 1 FROM {_word_entries(i, pg)} LIMIT :wcap) y)"
        for i in range(st.words)
    ]
    sizes += [
        f"(SELECT count(*) FROM (SELECT 1 FROM case_ref_tails r WHERE {_tails(i, k)} LIMIT :rcap) y)"
        for i, runs in enumerate(st.gaps)
        for k in range(runs)
    ]
    prefixes = [_prefix_arm(i, st, page=False) for i in range(st.prefixes)]
    return f"SELECT {', '.join([fingerprint_sql(pg), f'({_found(prefixes)})', *sizes])}"


@cache
def full_count_sql(st: Statement) -> str:
    """How many cases match (up to ``:cap``): those of the prefixes, of the gaps, of the words."""
    return _found(_arms(st, page=False))


@cache
def page_sql(st: Statement) -> str:
    """The page: the cases of every prefix (up to ``:want`` each, in order), of every gap and of every word,
    sorted; ``:limit`` and ``:offset``."""
    arms = _arms(st, page=True)
    where = f"c.id IN ({' UNION ALL '.join(arms)})" if arms else "1 = 0"
    # Sorted as an expression: neither database walks the reference index looking for the few cases found.
    key = "(c.ref || '')" if st.postgresql else "+c.ref"
    return (
        f"SELECT {case_search.SUMMARY_COLUMNS} FROM cases c WHERE {where}"
        f" ORDER BY {key} {'DESC' if st.descending else 'ASC'} LIMIT :limit OFFSET :offset"
    )


def _values(
    search: RefSearch, gaps: tuple[Gap, ...], words: tuple[str, ...], fictional: bool | None
) -> dict[str, Any]:
    values: dict[str, Any] = case_search.params(search.query, fictional)
    values |= {"rcap": DRIVE_CAP, "wcap": WORD_CAP}
    for i, prefix in enumerate(search.placing.prefixes):
        values[f"rp{i}"], values[f"rq{i}"] = prefix, prefix_upper_bound(prefix)
    for i, gap in enumerate(gaps):
        values[f"rg{i}s"] = gap.shape
        for k, run in enumerate(gap.runs):
            values |= {
                f"rg{i}_{k}j": run.j,
                f"rg{i}_{k}lo": run.text,
                f"rg{i}_{k}hi": prefix_upper_bound(run.text),
                f"rg{i}_{k}o": run.offset,
                f"rg{i}_{k}n": run.length,
                f"rg{i}_{k}w": run.written,
            }
    for i, word in enumerate(words):
        values[f"rx{i}lo"], values[f"rx{i}hi"] = word, prefix_upper_bound(word)
    return values


def count_statement(
    search: RefSearch, fictional: bool | None, cap: int, postgresql: bool
) -> tuple[str, dict[str, Any]]:
    """:func:`count_sql` for ``search`` and its values (``cap``: count up to this many)."""
    gaps = search.placing.gaps
    st = Statement(
        len(search.placing.prefixes), tuple(len(g.runs) for g in gaps), len(search.words), search.query,
        fictional=fictional is not None, postgresql=postgresql,
    )
    return count_sql(st), _values(search, gaps, search.words, fictional) | {"cap": cap}


def read_count(search: RefSearch, sizes: tuple[Any, ...]) -> RefCount:
    """The sizes :func:`count_sql` read (after the shapes and the count of the prefixes)."""
    words = tuple(int(n) for n in sizes[: len(search.words)])
    rest = [int(n) for n in sizes[len(search.words) :]]
    runs = []
    for gap in search.placing.gaps:
        runs.append(tuple(rest[: len(gap.runs)]))
        rest = rest[len(gap.runs) :]
    return RefCount(search, words, tuple(runs))


def _statement(counted: RefCount, fictional: bool | None, **kwargs: Any) -> tuple[Statement, dict[str, Any]]:
    search = counted.search
    gaps, drivers, words = counted.kept()
    st = Statement(
        len(search.placing.prefixes), tuple(len(g.runs) for g in gaps), len(words), search.query,
        fictional=fictional is not None, drivers=drivers, **kwargs,
    )
    return st, _values(search, gaps, words, fictional)


def full_count_statement(
    counted: RefCount, fictional: bool | None, cap: int, postgresql: bool
) -> tuple[str, dict[str, Any]]:
    """:func:`full_count_sql` for a search counted by shape whose matches are not all in its prefixes."""
    st, values = _statement(counted, fictional, postgresql=postgresql)
    return full_count_sql(st), values | {"cap": cap}


def page_statement(
    counted: RefCount,
    fictional: bool | None,
    *,
    limit: int,
    offset: int,
    descending: bool,
    after: str | None,
    postgresql: bool,
) -> tuple[str, dict[str, Any]]:
    """:func:`page_sql` for a search counted by shape, and its values: a gap none of whose runs has a tail,
    and a word among no other token, left out; each gap read through its run with fewest tails."""
    st, values = _statement(
        counted, fictional, postgresql=postgresql, descending=descending, after=after is not None
    )
    values |= {"want": offset + limit, "limit": limit, "offset": offset}
    if after is not None:
        values["after"] = after
    return page_sql(st), values
