"""The statements of case search, as fixed SQL text with named parameters.

One statement per shape (how many words, whether the words written together are looked up too, the
filter, the order, the way of answering), built once and cached, so that a keystroke only binds values:
nothing is compiled per call. The same text runs through SQLAlchemy (``sa.text``, both databases) and
through a bare ``sqlite3`` connection (the command line's quick read, see :mod:`mdtboard.storage.quick`).
This module imports nothing but the standard library and ``domain.search``.

A case matches when each word starts one of its search tokens, or the words written together do
(see :mod:`mdtboard.domain.search`). Two ways of finding a sorted page:

* ``sorted``: collect the matching ids through the token index, read those cases and sort them: the cost
  grows with the number of matches, so it serves narrow queries;
* ``walk``: walk the cases in reference order on the reference index and check each with one probe of
  the (case, token) key per word, stopping at the page: the cost grows with how rare matches are, so it
  serves broad queries (and only the reference order has an index to walk).

The bounded count reads at most :data:`COUNT_READ` token entries and says how many distinct cases they
hold, so it costs the same for "s" as for "smith"; it also tells which way to find the page.

Archived cases are searched apart at no cost to the others: their words are stored behind
:data:`ARCHIVED_MARK` (``~smith``), which no word of a live case or of a query starts with, so the token
index holds two separate ranges, and a search of archived cases binds its words with the mark (see
:func:`params`). The statements differ only where no word is looked up (the whole library, a filter):
there the case's ``archived_at`` decides (an index on it keeps the count an index count).
"""

from __future__ import annotations

from functools import cache

from mdtboard.domain.frozen import Frozen
from mdtboard.domain.search import TOKEN_LENGTH, Query, prefix_upper_bound
from mdtboard.storage.case_search_plan import (
    ESTIMATE_READ,
    HASH_RATIO,
    SAMPLE,
    UNKNOWN_LETTERS,
    cap_for,
    drivers,
    letter_bit,
    scan_for,
)
from mdtboard.storage.case_search_plan import ONE_WORD_CAP as ONE_WORD_CAP  # the names as before
from mdtboard.storage.case_search_plan import SIZE_CAP as SIZE_CAP
from mdtboard.storage.case_search_plan import SQLITE_SIZE_CAP as SQLITE_SIZE_CAP
from mdtboard.storage.case_search_plan import WALK_SCAN as WALK_SCAN
from mdtboard.storage.case_search_plan import Sizes as Sizes
from mdtboard.storage.case_search_plan import hashed_walk as hashed_walk
from mdtboard.storage.case_search_plan import letter_words as letter_words
from mdtboard.storage.case_search_plan import lettered as lettered
from mdtboard.storage.case_search_plan import letters_of as letters_of
from mdtboard.storage.case_search_plan import limits as limits
from mdtboard.storage.case_search_plan import plan as plan
from mdtboard.storage.case_search_plan import walk_bound as walk_bound
from mdtboard.storage.case_search_plan import worth_walking as worth_walking

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: the command line reads through here (storage.quick)
if TYPE_CHECKING:
    from typing import Any

#: Columns of a library row (``domain.case.CaseSummary``), in order.
SUMMARY_COLUMNS = "c.id, c.ref, c.display_name, c.title, c.fictional, c.updated_at, c.archived_at"
#: The stored words of an archived case start with this (a word is letters and digits only).
ARCHIVED_MARK = "~"
SORT_COLUMNS = {
    "ref": "c.ref",
    "name": "c.display_name",
    "title": "c.title",
    "fictional": "c.fictional",
    "updated": "c.updated_at",
}
#: The bounded count reads at most this many token entries (one case may hold several of a prefix): enough
#: to tell more than BROAD_MATCHES (and the library's 1,000) from fewer. It was 4,000, and reading the
#: extra entries, each probed for the other words, was most of a two-word keystroke ("chronic back" over
#: 100,000 cases: 535,000 SQLite instructions of count, 217,000 now).
COUNT_READ = 1600
#: More matches than this: a page in reference order is found by walking the reference index.
BROAD_MATCHES = 1500
#: The index of the cases' (id, ref): a page's keys in reference order, read without the rows.
ID_REF_INDEX = "ix_cases_id_ref"


class Shape(Frozen):
    """What decides the text of a statement; the values go in as parameters."""

    __slots__ = (
        "words", "joined", "fictional", "sort", "descending", "walk", "limited", "postgresql", "after",
        "archived", "hashed", "listed", "gauged", "lettered",
    )
    words: int
    joined: bool
    fictional: bool  # whether the filter on fictional applies
    sort: str
    descending: bool
    walk: bool
    limited: bool
    postgresql: bool  # see _probe
    after: bool  # reference order only: the page starts after the reference ``:after``
    archived: bool  # archived cases only (else only the cases that are not archived)
    #: Per word: read whole and looked up (True) rather than probed per entry (see :func:`plan`); the first
    #: word drives (except in a walk, which checks it too, and then the joined words, one more flag).
    #: Empty: every word probed.
    hashed: tuple[bool, ...]
    #: The matches are known (their ids, comma-separated, in ``:ids``: see :func:`count_sql`): a page sorts
    #: them, looking nothing up.
    listed: bool
    #: A walk (PostgreSQL) reads its first word whole when the estimate of its size is below ``:bound``
    #: (see :func:`walk_bound`), else probes it.
    gauged: bool
    #: How many words, the last ones, are matched by the letters of the entries found (see
    #: :func:`case_search_plan.letter_words`): never sized, never driving, never probed where the letters are
    #: at hand and known.
    lettered: int

    def __init__(
        self,
        words: int,
        joined: bool,
        fictional: bool,
        sort: str = "ref",
        descending: bool = False,
        walk: bool = False,
        limited: bool = True,
        postgresql: bool = False,
        after: bool = False,
        archived: bool = False,
        hashed: tuple[bool, ...] = (),
        listed: bool = False,
        gauged: bool = False,
        lettered: int = 0,
    ) -> None:
        self._set(words=words, joined=joined, fictional=fictional, sort=sort, descending=descending,
                  walk=walk, limited=limited, postgresql=postgresql, after=after, archived=archived,
                  hashed=hashed, listed=listed, gauged=gauged, lettered=lettered)

    def replace(self, **changes: Any) -> Shape:
        """This shape with ``changes`` (as ``dataclasses.replace``)."""
        values: dict[str, Any] = dict(zip(self.__slots__, self._values(), strict=True))
        values.update(changes)
        return Shape(**values)


def archived_word(word: str) -> str:
    """A word of an archived case (or of a search among them) as stored: behind the mark, cut to the
    token length (so two words differing only in their 64th letter are one word there)."""
    return ARCHIVED_MARK + word[: TOKEN_LENGTH - 1]


def stored_tokens(words: set[str], *, archived: bool) -> list[str]:
    """The search tokens stored for a case with these words (``domain.search.case_tokens``), sorted."""
    return sorted({archived_word(w) for w in words} if archived else words)


def params(query: Query, fictional: bool | None = None, *, archived: bool = False) -> dict[str, Any]:
    """The parameters of every statement for ``query`` (among the archived cases when ``archived``)."""
    values: dict[str, Any] = {}
    for i, word in enumerate(query.words):
        values[f"lo{i}"] = archived_word(word) if archived else word
        values[f"hi{i}"] = prefix_upper_bound(values[f"lo{i}"])
        values[f"b{i}"] = letter_bit(word)
    if query.joined is not None:
        values["jlo"] = archived_word(query.joined) if archived else query.joined
        values["jhi"] = prefix_upper_bound(values["jlo"])
    if fictional is not None:
        values["fictional"] = fictional
    return values


def _range(alias: str, lo: str, hi: str, postgresql: bool, case_id: str) -> str:
    if postgresql:
        # The case and the token compared as one key (see _probe).
        key = f"({alias}.case_id, {alias}.token)"
        return f"{key} >= ({case_id}, :{lo}) AND {key} < ({case_id}, :{hi})"
    return f"{alias}.token >= :{lo} AND {alias}.token < :{hi}"


def _probe(i: int, case_id: str, postgresql: bool, alias: str | None = None) -> str:
    """Whether the case has a token starting with word ``i``: one probe of the (case, token) key.

    Written as a scalar subquery with LIMIT 1, not EXISTS: PostgreSQL turns an EXISTS into a semi-join,
    whose inner side it may read as a range of the token index for every outer row (a misestimated word
    made it pick that nested loop over millions of rows); a scalar subquery is run per row. And on
    PostgreSQL the case and the token are compared as one key, ``(case_id, token) >= (case, word)``,
    which only the (case, token) key can serve: a misestimated word could otherwise make it probe the
    token index by the word. (Compared as an expression, which did the same, every token of the case was
    read and compared at each probe: 2.4 times as long.)
    """
    a = alias or f"t{i}"
    return (
        f"(SELECT 1 FROM case_search_tokens {a} WHERE {a}.case_id = {case_id}"
        f" AND {_range(a, f'lo{i}', f'hi{i}', postgresql, case_id)} LIMIT 1) = 1"
    )


def _has(
    shape: Shape, i: int, case_id: str, letters: str | None, alias: str | None = None, *, first: bool = True
) -> str:
    """Whether the case has a token starting with word ``i``, where ``letters`` is the case's letters (the
    column of the entry found for it; None: not at hand): a word matched by the letters (one letter, see
    :attr:`Shape.lettered`) is its bit; any other word is probed (:func:`_probe`) only when the bit of its
    first letter is set (``first``). Letters unknown (:data:`UNKNOWN_LETTERS`, every bit set): probed."""
    probe = _probe(i, case_id, shape.postgresql, alias)
    if letters is None:
        return probe
    if i >= shape.words - shape.lettered:
        return f"CASE WHEN {letters} = {UNKNOWN_LETTERS} THEN {probe} ELSE ({letters} & :b{i}) <> 0 END"
    if not first:
        return probe
    return f"CASE WHEN ({letters} & :b{i}) = 0 THEN {_false(shape)} ELSE {probe} END"


def _false(shape: Shape) -> str:
    return "FALSE" if shape.postgresql else "0"


def _joined_probe(case_id: str, postgresql: bool) -> str:
    return (
        f"(SELECT 1 FROM case_search_tokens tj WHERE tj.case_id = {case_id}"
        f" AND {_range('tj', 'jlo', 'jhi', postgresql, case_id)} LIMIT 1) = 1"
    )


def _kept(shape: Shape, alias: str = "c", *, walked: bool = False) -> str:
    """Archived cases only, or only the others: for statements that look up no word (a looked-up word
    tells by itself, see the module docstring). ``walked``: the statement walks the reference index (a
    page in order): on SQLite, which plans without statistics and would take the index of archived_at as
    selective and sort every case found by it, the column is written ``+c.archived_at``, which no index
    serves. Counting, and finding the few archived cases, use that index."""
    if shape.archived:
        return f"{alias}.archived_at IS NOT NULL"
    column = f"{alias}.archived_at" if shape.postgresql or not walked else f"+{alias}.archived_at"
    return f"{column} IS NULL"


def _cases(shape: Shape) -> str:
    """The cases table of a statement that looks up no word: the archived ones are found by the index of
    archived_at (named, on SQLite, which would rather walk every case in order looking for the few)."""
    if shape.archived and not shape.postgresql and not shape.words:
        return "cases c INDEXED BY ix_cases_archived_at"
    return "cases c"


def _fictional(case_id: str) -> str:
    return f"(SELECT f.fictional FROM cases f WHERE f.id = {case_id}) = :fictional"


def _range_of(alias: str, i: int) -> str:
    return f"{alias}.token >= :lo{i} AND {alias}.token < :hi{i}"


def _listed(i: int, case_id: str, alias: str, postgresql: bool) -> str:
    """Whether the case has a token starting with word ``i``, looked up among that word's entries, read
    whole once (PostgreSQL hashes them, SQLite makes a temporary index). On SQLite ``+`` keeps the id from
    being looked up through the list (which would drive by this word); on PostgreSQL the CASE or ``IS
    TRUE`` around it keeps it a hashed subplan rather than a join planned on guesses."""
    listed = f"SELECT {alias}.case_id FROM case_search_tokens {alias} WHERE {_range_of(alias, i)}"
    return f"({case_id} IN ({listed})) IS TRUE" if postgresql else f"+{case_id} IN ({listed})"


def _joined_entries(shape: Shape) -> str:
    branch = "tj.token >= :jlo AND tj.token < :jhi"
    if shape.fictional:
        branch += " AND " + _fictional("tj.case_id")
    return f"SELECT tj.case_id FROM case_search_tokens tj WHERE {branch}"


def _token_entries(shape: Shape) -> str:
    """The token entries of matching cases (a case may come more than once): driven by the token index
    on the first word, the others probed per entry or, those ``shape.hashed``, looked up among their
    entries read whole; the joined words in a branch of their own, first."""
    where = ["t0.token >= :lo0", "t0.token < :hi0"]
    for i in range(1, shape.words):
        hashed = i < len(shape.hashed) and shape.hashed[i]
        where.append(
            _listed(i, "t0.case_id", f"h{i}", shape.postgresql) if hashed
            else _has(shape, i, "t0.case_id", "t0.letters")
        )
    if shape.fictional:
        where.append(_fictional("t0.case_id"))
    sql = f"SELECT t0.case_id FROM case_search_tokens t0 WHERE {' AND '.join(where)}"
    return f"{_joined_entries(shape)} UNION ALL {sql}" if shape.joined else sql


def _is_hashed(e: int, d: int, postgresql: bool) -> str:
    """Whether word ``e`` is read whole when word ``d`` drives (sizes ``n<i>`` of the CTE ``n``)."""
    return f"n.n{e} < {cap_for(2, postgresql)} AND n.n{e} <= {HASH_RATIO} * n.n{d}"


def _not_joined(shape: Shape, d: int, case_id: str) -> str:
    """For the branch of driving word ``d``: that the case is not among those the words written together
    found (the branch before it; their entries, the CTE ``j``, read whole), when those are few enough to be
    read whole (as another word would be, see :func:`_is_hashed`): such a case is counted once already, and
    the other words need no probe for it ("nguyen t": the 686 cases of "nguyent" are among the 2,744 of
    "nguyen", each probed for "t")."""
    few = f"n.nj > 0 AND n.nj < {cap_for(shape.words, shape.postgresql)} AND n.nj <= {HASH_RATIO} * n.n{d}"
    found = f"({case_id} IN (SELECT j.case_id FROM j)) IS NOT TRUE"
    return f"CASE WHEN (SELECT {few} FROM n) THEN {found} ELSE TRUE END"


def _drives(d: int, driving: int) -> str:
    """Whether word ``d`` drives: fewest entries among the first ``driving`` words (the first of equals)."""
    terms = [f"n.n{d} {'<' if k < d else '<='} n.n{k}" for k in range(driving) if k != d]
    return " AND ".join(terms) or "1 = 1"


def _mergeable(shape: Shape) -> bool:
    """Whether a count of ``shape`` has a branch that merges its two words' entries (see
    :func:`_merged_entries`): PostgreSQL (the index of the tokens' first characters is its only), two words,
    neither matched by the letters."""
    return shape.postgresql and shape.words == 2 and not shape.lettered


def _merged(shape: Shape) -> str:
    """Whether the two words are counted by merging their entries (the sizes, the CTE ``n``, say): both are
    past the cap (so that either would drive with a probe of the other for each of its entries), both have
    two characters or more (the head of the index), and no case has the words written together."""
    cap = cap_for(shape.words, shape.postgresql)
    terms = [f"n.n{i} >= {cap} AND length(CAST(:lo{i} AS text)) >= 2" for i in range(2)]
    terms += ["n.nj = 0"] * shape.joined
    return " AND ".join(terms)


def _in_case_order(i: int, alias: str) -> str:
    """The case ids of the entries of word ``i`` in the order of the cases, read along the index of the
    tokens' first two characters (revision 0023), in which the entries of one head come by case, whichever
    token they are of. Fenced (``OFFSET 0``) so that the planner cannot probe it per case."""
    head = f"substr({alias}.token, 1, 2) = substr(CAST(:lo{i} AS text), 1, 2)"
    return (
        f"SELECT {alias}.case_id FROM case_search_tokens {alias} WHERE {head} AND {_range_of(alias, i)}"
        f" ORDER BY {alias}.case_id OFFSET 0"
    )


def _merged_entries(shape: Shape) -> str:
    """The branch of :func:`_gated_entries` that merges the two words' entries, each read in the order of
    the cases (:func:`_in_case_order`): each matching case once, in the order of the ids, read only as far as
    the count asks ("chronic ba" over 100,000 cases: 2,231 entries of "ba" and 5,684 of "chronic", about 40
    buffers, instead of a probe of "chronic" for each of 2,231 entries of "ba", some 6,700)."""
    where = [f"(SELECT {_merged(shape)} FROM n)"]
    if shape.fictional:
        where.append(_fictional("a.case_id"))
    both = (
        f"SELECT DISTINCT a.case_id FROM ({_in_case_order(0, 'x')}) a JOIN ({_in_case_order(1, 'y')}) b"
        f" ON b.case_id = a.case_id WHERE {' AND '.join(where)} ORDER BY a.case_id"
    )
    return f"SELECT v.case_id FROM ({both}) v"


def _gated_entries(shape: Shape) -> str:
    """:func:`_token_entries` for a query of several words whose sizes are not known yet: one branch per
    word that may drive, each run only when the sizes (the CTE ``n``) choose it, and each other word
    looked up or probed as the sizes say (see :func:`plan`, which chooses the same way)."""
    driving = drivers(shape.words, shape.lettered)
    branches = [_joined_entries(shape)] if shape.joined else []
    for d in range(driving):
        a = f"t{d}"
        where = [_range_of(a, d)]
        if shape.joined and shape.postgresql:
            where.append(_not_joined(shape, d, f"{a}.case_id"))
        for e in range(shape.words):
            if e == d:
                continue
            listed = _listed(e, f"{a}.case_id", f"h{d}_{e}", shape.postgresql)
            where.append(
                f"CASE WHEN (SELECT {_is_hashed(e, d, shape.postgresql)} FROM n) THEN {listed}"
                f" ELSE {_has(shape, e, f'{a}.case_id', f'{a}.letters', alias=f'p{d}_{e}')} END"
            )
        if shape.fictional:
            where.append(_fictional(f"{a}.case_id"))
        drives = _drives(d, driving) + (f" AND NOT ({_merged(shape)})" if _mergeable(shape) else "")
        gate = f"(SELECT {drives} FROM n)"
        if shape.postgresql:
            # A condition on no row: PostgreSQL tests it once, before reading anything.
            branches.append(
                f"SELECT {a}.case_id FROM case_search_tokens {a} WHERE {gate} AND {' AND '.join(where)}"
            )
        else:
            # As in _sorted_page: a table of one row or none, the outer one, decides whether anything is read.
            branches.append(
                f"SELECT {a}.case_id FROM (SELECT 1 AS gate WHERE {gate}) g CROSS JOIN case_search_tokens {a}"
                f" WHERE {' AND '.join(where)}"
            )
    if _mergeable(shape):
        branches.append(_merged_entries(shape))
    return " UNION ALL ".join(branches)


@cache
def count_sql(shape: Shape) -> str:
    """``(entries read, distinct cases among them, their ids, entries it would read at most)``: exact (every
    match, their ids comma-separated, some maybe more than once) when fewer entries were read than that
    most; the ids NULL without words. The most is ``:read``, or, when the sizes say that the page asked next
    collects and sorts every match (see :func:`_whole`), enough for every match. With words, then the sizes
    (:data:`Sizes`): the highest case id, the token entries of each word and of the words written together
    (if looked up), each counted up to :func:`cap_for`; :func:`plan` and :func:`worth_walking` take them."""
    ctes, body = count_parts(shape)
    return f"WITH {ctes} {body}" if ctes else body


def count_parts(shape: Shape) -> tuple[str, str]:
    """:func:`count_sql` as its common table expressions (empty when none) and the statement after them."""
    if not shape.words:
        where = " WHERE " + " AND ".join(["c.fictional = :fictional"] * shape.fictional + [_kept(shape)])
        cases = f"SELECT c.id FROM {_cases(shape)}{where} LIMIT :read"
        return "", f"SELECT count(*), count(*), NULL, CAST(:read AS integer) FROM ({cases}) m"
    columns = ["(SELECT coalesce(max(x.id), 0) FROM cases x)"]  # no case yet: 0
    columns += [f"(SELECT n.n{i} FROM n)" for i in range(shape.words)]
    columns += ["(SELECT n.nj FROM n)"] * shape.joined
    entries = _token_entries(shape) if shape.words == 1 else _gated_entries(shape)
    # The ids of the matches too (comma-separated, a case that has several entries more than once): when
    # every entry was read they are every match, and the page sorts them instead of finding them again
    # ("nguyen th": 2,744 probes of its page).
    ids = "string_agg(CAST(m.case_id AS text), ',')" if shape.postgresql else "group_concat(m.case_id)"
    if not shape.postgresql or shape.words == 1:
        # Only PostgreSQL's probes of further words cost enough to read every match here rather than in the
        # page: a word alone is read without them (and SQLite probes a case's words in a few instructions),
        # its entries read again more cheaply than their ids are sorted.
        return _sizes(shape), (
            f"SELECT count(*), count(DISTINCT m.case_id), {ids}, CAST(:read AS integer), {', '.join(columns)}"
            f" FROM (SELECT e.case_id FROM ({entries}) e LIMIT :read) m"
        )
    # The highest case id once (the columns and r); the entries of the words written together once (each
    # branch of entries skips their cases, see _not_joined): each subquery is planned at every keystroke.
    ctes = [_sizes(shape), "c AS MATERIALIZED (SELECT coalesce(max(x.id), 0) AS top FROM cases x)"]
    if shape.joined:
        joined = "SELECT hj.case_id FROM case_search_tokens hj WHERE hj.token >= :jlo AND hj.token < :jhi"
        ctes.append(f"j AS MATERIALIZED ({joined})")
    columns[0] = "(SELECT c.top FROM c)"
    return ", ".join([*ctes, _whole(shape)]), (
        f"SELECT count(*), count(DISTINCT m.case_id), {ids}, (SELECT r.most FROM r), {', '.join(columns)}"
        f" FROM (SELECT e.case_id FROM ({entries}) e LIMIT (SELECT r.most FROM r)) m"
    )


def _whole(shape: Shape) -> str:
    """The CTE ``r``: how many entries the bounded count reads at most (``most``). ``:read``; or, when the
    driving word's entries are counted exactly and the words' sizes say that the page asked next collects
    and sorts every match (a page in reference order that a walk would not find, see :func:`worth_walking`:
    ``:whole`` is its ``WALK_MARGIN * want / scan``; any other order), its entries and those of the words
    written together, and one more: the count then has every match, and the page sorts their ids instead
    of finding them again ("nguyen t" over 100,000 cases: 1,646 matches, counted from 1,600 of its 3,430
    entries, then collected again with 2,744 probes). ``:whole`` 0: only ``:read`` (no page follows). Or
    ``:need`` entries, when those are enough to tell whether there are more matches than asked (below)."""
    driving = drivers(shape.words, shape.lettered)
    sizes = [f"n.n{d}" for d in range(driving)]
    fewest = sizes[0] if driving == 1 else f"least({', '.join(sizes)})"
    entries = f"{fewest} + n.nj" if shape.joined else fewest
    cap = cap_for(shape.words, shape.postgresql)
    whole = f"{fewest} < {cap} AND {entries} < :whole * c.top"
    # Or only :need entries, when every word that may drive is past the cap (the page is walked whatever the
    # count finds) and the sample says that more than twice BROAD_MATCHES match (see _enough), so that the
    # count needs only to tell whether more than its limit (``:need`` - 1) match, and the driving word is
    # one token, each case once among its entries (no words written together either): that many entries
    # are that many cases ("chronic back": 1,001 matches among 2,042 entries of "back", each probed for
    # "chronic", instead of 1,600 among 3,244).
    # (Two words only: the statement is planned at every keystroke, and each word that may drive adds
    # three subqueries to plan.)
    most = f"CASE WHEN {whole} THEN greatest(:read, {entries} + 1)"
    if _mergeable(shape):
        # Merged, each matching case comes once (see _merged_entries): as many as tell whether more than the
        # limit match, when the sample of the word that would drive says that a page in reference order is
        # walked whatever the count finds (see _enough); else :read, as the other branches read.
        enough = f"CASE WHEN {_drives(0, 2)} THEN {_enough(shape, 0)} ELSE {_enough(shape, 1)} END"
        most += f" WHEN {_merged(shape)} THEN CASE WHEN {enough} THEN least(:read, :need) ELSE :read END"
    if driving == 2 and shape.words == 2:
        checks = [" AND ".join([_probed(shape, d), _enough(shape, d), _one_token(d)]) for d in range(2)]
        one = f"CASE WHEN {_drives(0, 2)} THEN {checks[0]} ELSE {checks[1]} END"
        few = f"{fewest} >= {cap}{' AND n.nj = 0' if shape.joined else ''} AND {one}"
        most += f" WHEN {few} THEN least(:read, :need)"
    most += " ELSE :read END"
    return f"r AS MATERIALIZED (SELECT {most} AS most FROM n, m, c)"


def _probed(shape: Shape, d: int) -> str:
    """Whether, when word ``d`` drives, some other word is probed for each of its entries (else reading more
    of them costs little)."""
    return "NOT (" + " AND ".join(
        _is_hashed(e, d, shape.postgresql) for e in range(shape.words) if e != d
    ) + ")"


def _enough(shape: Shape, d: int) -> str:
    """Whether the sample of driving word ``d`` (taken when every word that may drive is past the cap, see
    :func:`_sampled`) says that its matches are more than twice :data:`BROAD_MATCHES` (the cap times the
    share of the sample that matches): a page in reference order is then walked, as a count of more than
    COUNT_READ entries would have said."""
    return f"m.h{d} * {cap_for(shape.words, shape.postgresql)} > {2 * BROAD_MATCHES * SAMPLE}"


def _estimate(i: int) -> str:
    """About how many entries word ``i`` has, when they are all of one token (else NULL): a token holds each
    case once, in the order of the case ids, so its first :data:`ESTIMATE_READ` entries reach about that
    share of the highest case id."""
    first = f"SELECT o.case_id FROM case_search_tokens o WHERE {_range_of('o', i)}"
    reach = f"SELECT max(x.case_id) FROM ({first} ORDER BY o.token, o.case_id LIMIT {ESTIMATE_READ}) x"
    cases = "SELECT coalesce(max(y.id), 0) FROM cases y"
    return f"CASE WHEN {_one_token(i)} THEN {ESTIMATE_READ} * ({cases}) / ({reach}) END"


def _one_token(i: int) -> str:
    """Whether the entries of word ``i`` are all of one token: its first and its last (two probes)."""
    first = f"SELECT o.token FROM case_search_tokens o WHERE {_range_of('o', i)} ORDER BY o.token"
    return f"({first} LIMIT 1) = ({first} DESC LIMIT 1)"


def _sizes(shape: Shape) -> str:
    """The CTEs sizing the words, the last, ``n``, one row of them all (``n0``, ``n1``... and ``nj``).

    Each word after the first is counted only up to :data:`HASH_RATIO` times the fewest entries so far
    among the words that may drive (plus one), as are the words written together (see :func:`limits`):
    a word past that can neither drive nor be read whole, and counting it further was most of the work
    of a keystroke on SQLite ("pmc-2019-0001": 100 entries of "0001", yet 11,111 of "2019" and 12,000 of
    "pmc" counted)."""
    cap = cap_for(shape.words, shape.postgresql)
    driving = drivers(shape.words, shape.lettered)
    ctes = []
    for i in range(shape.words + shape.joined):
        alias, lo, hi = (f"s{i}", f"lo{i}", f"hi{i}") if i < shape.words else ("tj", "jlo", "jhi")
        if shape.words - shape.lettered <= i < shape.words:
            ctes.append(f"z{i} AS MATERIALIZED (SELECT {cap} AS n)")  # matched by the letters: not read
            continue
        if i == 0:
            limit = str(cap)
        else:
            fewest = " UNION ALL ".join(f"SELECT z{k}.n AS v FROM z{k}" for k in range(min(i, driving)))
            bound = f"{HASH_RATIO} * f.m + 1"
            least = f"CASE WHEN {bound} < {cap} THEN {bound} ELSE {cap} END"
            limit = f"(SELECT {least} FROM (SELECT min(v) AS m FROM ({fewest}) u) f)"
        where = f"{alias}.token >= :{lo} AND {alias}.token < :{hi}"
        entries = f"SELECT 1 FROM case_search_tokens {alias} WHERE {where}"
        counted = f"(SELECT count(*) FROM ({entries} LIMIT {limit}) y)"
        if not shape.postgresql:
            # Whether a word has as many entries as the cap is asked first, skipping them: SQLite steps over
            # each in three instructions, and counts each in eight ("chronic", "back": 20,000 fewer each).
            # Such a word is said to have the cap (at least its limit: it neither drives nor is read whole).
            counted = f"CASE WHEN EXISTS ({entries} LIMIT 1 OFFSET {cap - 1}) THEN {cap} ELSE {counted} END"
        ctes.append(f"z{i} AS MATERIALIZED (SELECT {counted} AS n)")
    names = [f"(SELECT z{i}.n FROM z{i}) AS n{i}" for i in range(shape.words)]
    if shape.words > 1:
        ctes.append(_sampled(shape))
        names[:driving] = [
            f"(SELECT CASE WHEN m.h{d} IS NULL THEN z{d}.n ELSE {cap + SAMPLE} - m.h{d} END"
            f" FROM z{d}, m) AS n{d}"
            for d in range(driving)
        ]
    names += [f"(SELECT z{shape.words}.n FROM z{shape.words}) AS nj"] * shape.joined
    ctes.append(f"n AS MATERIALIZED (SELECT {', '.join(names)})")
    return ", ".join(ctes)


def _sampled(shape: Shape) -> str:
    """The CTE ``m``: when every word that may drive has more entries than the words are counted up to
    (``"chronic back"``: 37,429 and 12,482 over 100,000 cases, both counted to 12,000), how many of the
    first :data:`SAMPLE` entries of each match the other words (``h0``, ``h1``...; else NULL). Its size is
    then given as the cap plus the sample's misses, so that of such words the one whose entries match most
    often drives ("back": half of them, "chronic": a sixth; it was the first of equals, "chronic", and a
    count probed 9,821 of its entries instead of about 3,200 of "back"'s)."""
    cap = cap_for(shape.words, shape.postgresql)
    driving = drivers(shape.words, shape.lettered)
    capped = " AND ".join(f"(SELECT z{d}.n FROM z{d}) >= {cap}" for d in range(driving))
    columns = [f"CASE WHEN {capped} THEN {_hits(shape, d)} END AS h{d}" for d in range(driving)]
    return f"m AS MATERIALIZED (SELECT {', '.join(columns)})"


def _hits(shape: Shape, d: int, alias: str = "q") -> str:
    """How many of the first :data:`SAMPLE` entries of word ``d`` match the other words (probed)."""
    probes = " AND ".join(
        _has(shape, e, "s.case_id", "s.letters", alias=f"{alias}{d}_{e}")
        for e in range(shape.words)
        if e != d
    )
    entries = (
        f"SELECT sd.case_id, sd.letters FROM case_search_tokens sd WHERE {_range_of('sd', d)} LIMIT {SAMPLE}"
    )
    return f"(SELECT count(*) FROM ({entries}) s WHERE {probes})"


@cache
def exact_count_sql(shape: Shape) -> str:
    """Every match counted (when the bounded count was not enough to tell)."""
    if not shape.words and not (shape.fictional or shape.archived or shape.postgresql):
        # Every case but the archived ones (few, by their index): SQLite counts a table's rows without a step
        # of its program for each (the whole library over 100,000 cases: 301,400 instructions, now 1,400).
        archived = (
            "SELECT count(*) FROM cases a INDEXED BY ix_cases_archived_at WHERE a.archived_at IS NOT NULL"
        )
        return f"SELECT (SELECT count(*) FROM cases) - ({archived})"
    if not shape.words:
        where = " WHERE " + " AND ".join(["c.fictional = :fictional"] * shape.fictional + [_kept(shape)])
        return f"SELECT count(*) FROM {_cases(shape)}{where}"
    return f"SELECT count(DISTINCT e.case_id) FROM ({_token_entries(shape)}) e"


def _matches(shape: Shape, case_id: str, letters: str | None = None) -> str:
    """The condition that the case ``case_id`` matches, word by word: probed (checked by the case's
    ``letters``, when at hand: see :func:`_has`), or (``shape.hashed``, see :func:`plan` with ``walk``) looked
    up among the word's entries read whole."""

    if shape.listed:
        # Every match known (a walk on PostgreSQL, see case_search_plan.hashed_walk): their ids in a hash.
        return f"({case_id} IN ({_ids(shape.postgresql)})) IS TRUE"

    def hashed(i: int) -> bool:
        return i < len(shape.hashed) and shape.hashed[i]

    # On SQLite, whose probe costs a few instructions, the bit of a longer word's first letter is not asked
    # of the cases walked: most have it ("pha": the references' "pmc"), and asking cost a tenth more.
    terms = [
        _listed(i, case_id, f"w{i}", shape.postgresql) if hashed(i)
        else _has(shape, i, case_id, letters, first=shape.postgresql)
        for i in range(shape.words)
    ]
    every = " AND ".join(terms)
    if shape.gauged:
        # The first word read whole or probed as its estimated size says; checked first (as two conditions,
        # the planner would check the cheaper-looking probe of the second word first).
        whole = _listed(0, case_id, "w0", True)
        gauged = f"CASE WHEN {_estimate(0)} < :bound THEN {whole} ELSE {terms[0]} END"
        every = f"CASE WHEN {gauged} THEN {' AND '.join(terms[1:]) or 'TRUE'} ELSE FALSE END"
    if not shape.joined:
        return every
    if hashed(shape.words):
        entries = "SELECT wj.case_id FROM case_search_tokens wj WHERE wj.token >= :jlo AND wj.token < :jhi"
        joined = f"({case_id} IN ({entries})) IS TRUE" if shape.postgresql else f"+{case_id} IN ({entries})"
    else:
        joined = _joined_probe(case_id, shape.postgresql)
    return f"(({every}) OR {joined})"


def matching(shape: Shape, case_id: str) -> str:
    """The condition that the case ``case_id`` matches the search (each word probed; see :func:`_matches`)."""
    return _matches(shape, case_id)


def fictional_is(case_id: str) -> str:
    """The condition that the case ``case_id`` is real or fictional as ``:fictional`` says."""
    return _fictional(case_id)


@cache
def listed_sql(shape: Shape) -> str:
    """Which of the cases ``:ids`` (an expanding parameter) match."""
    where = ["c.id IN :ids", _kept(shape)]
    if shape.words:
        where.append(_matches(shape, "c.id", "c.search_letters"))
    if shape.fictional:
        where.append("c.fictional = :fictional")
    return "SELECT c.id FROM cases c WHERE " + " AND ".join(where)


def _after(shape: Shape) -> str:
    """The next page in reference order starts after a known reference (no rows skipped by OFFSET)."""
    if shape.sort != "ref":
        raise ValueError("only a page in reference order can start after a reference")
    return "c.ref < :after" if shape.descending else "c.ref > :after"


def _ids(postgresql: bool) -> str:
    """The ids of ``:ids`` (comma-separated), as rows."""
    if postgresql:
        return "SELECT CAST(x AS integer) FROM unnest(string_to_array(:ids, ',')) x"
    return "SELECT value FROM json_each('[' || :ids || ']')"


def _sorted_page(shape: Shape, limit: str, gate: str | None = None) -> str:
    """The matching cases sorted, ``limit`` the statement's LIMIT (and OFFSET), if any.

    With words and a limit, the cases are sorted as keys first, and only the page's rows are read: a
    subquery sorts the matches' ids by the sort column and keeps the page's, the statement then reads those
    rows. Sorting whole rows read every match's row (1,500 rows of a narrow search, 11,000 of a broad one
    whose matches the walk did not reach: "pmc2020" over 100,000 cases). In reference order the keys come
    from the index of (id, ref), without reading a row at all (on SQLite named: its planner would rather
    read the rows by id)."""
    column = SORT_COLUMNS[shape.sort]
    direction = "DESC" if shape.descending else "ASC"
    where: list[str] = []
    if shape.words:
        entries = _ids(shape.postgresql) if shape.listed else _token_entries(shape.replace(fictional=False))
        where.append(f"c.id IN ({entries})")
    else:
        where.append(_kept(shape, walked=True))
    if shape.fictional:
        where.append("c.fictional = :fictional")
    if shape.after:
        where.append(_after(shape))
    key = column
    if shape.postgresql and shape.words and shape.sort == "ref":
        # Sorted as an expression (same collation), which the reference index cannot serve: PostgreSQL
        # would otherwise walk that index probing each case when it guessed many matches ("sm": 796
        # found by walking 25,000 cases, 150-200 ms, instead of collecting them and sorting, 2 ms).
        key = f"({column} || '')"
    # References are unique: no second key (PostgreSQL would sort again by it).
    order = f" ORDER BY {key} {direction}" + ("" if shape.sort == "ref" else ", c.id ASC")
    if shape.words and limit:
        keys = "cases c"
        if shape.sort == "ref" and not shape.postgresql:
            keys += f" INDEXED BY {ID_REF_INDEX}"
        where = [f"c.id IN (SELECT c.id FROM {keys} WHERE {' AND '.join(where)}{order}{limit})"]
        limit = ""
    sql = f"SELECT {SUMMARY_COLUMNS} FROM {_cases(shape)}"
    if gate and shape.postgresql:
        where.insert(0, gate)  # a condition on no row: PostgreSQL tests it once, before reading anything
    elif gate:
        # SQLite tests such a condition on each row found; as a table of one row or none, the outer one
        # (CROSS JOIN fixes the order), it decides whether anything is read at all.
        sql = f"SELECT {SUMMARY_COLUMNS} FROM (SELECT 1 AS gate WHERE {gate}) g CROSS JOIN {_cases(shape)}"
    sql += " WHERE " + " AND ".join(where)
    return sql + order + limit


def _walked_page(shape: Shape) -> str:
    """The first ``:want`` matches in reference order, found by walking the first ``:scan`` cases of the
    reference index and probing each; if that walk finds fewer (the matches are rare, or crowd in one
    part of the order, as a year of the reference does), the matches are collected and sorted instead.
    One statement: the fallback is gated on the walk's count, so it runs only when needed."""
    direction = "DESC" if shape.descending else "ASC"
    match = _matches(shape, "c.id", "c.search_letters")
    # On PostgreSQL the cases walked are read from the index of the references that holds their ids, letters
    # and flag (revision 0023) without visiting their rows, and then only the page's rows are read: each case
    # walked was a row read (the 3,600 cases walked for "ngu" over 100,000 cases: most of its 8,553 buffers).
    columns = "c.id, c.ref, c.search_letters" if shape.postgresql else f"{SUMMARY_COLUMNS}, c.search_letters"
    first = f"SELECT {columns} FROM cases c"
    first_where = ["c.fictional = :fictional"] if shape.fictional else []
    first_where += [_after(shape)] if shape.after else []
    if first_where:
        first += " WHERE " + " AND ".join(first_where)
    first += f" ORDER BY c.ref {direction} LIMIT :scan"
    walk = f"SELECT {SUMMARY_COLUMNS} FROM ({first}) c WHERE {match} ORDER BY c.ref {direction} LIMIT :want"
    if shape.postgresql:
        found = f"SELECT c.id FROM ({first}) c WHERE {match} ORDER BY c.ref {direction} LIMIT :want"
        walk = f"SELECT {SUMMARY_COLUMNS} FROM cases c WHERE c.id IN ({found})"
    else:
        # SQLite read the :scan cases, probed every one and sorted them before taking the first :want
        # (about 20-40 ms for a frequent word over 100,000 cases). Bounded instead by the reference of the
        # :scan-th case, the walk goes along the reference index and stops at :want matches. With fewer
        # cases than :scan there is no bound: nothing is walked, and the fallback collects and sorts.
        bound = f"SELECT c.ref FROM cases c{' WHERE ' + ' AND '.join(first_where) if first_where else ''}"
        bound += f" ORDER BY c.ref {direction} LIMIT 1 OFFSET :scan - 1"
        within = f"c.ref {'>=' if shape.descending else '<='} ({bound})"
        walk = (
            f"SELECT {SUMMARY_COLUMNS} FROM cases c WHERE {' AND '.join([*first_where, within, match])}"
            f" ORDER BY c.ref {direction} LIMIT :want"
        )
    # The gate belongs to the fallback itself (see _sorted_page): outside it, it was tested on the rows the
    # fallback had already collected and sorted (every match: on SQLite 0.6 s for "pmc-20" over 100,000
    # cases, though the walk had found its page).
    fallback = _sorted_page(
        shape.replace(walk=False), " LIMIT :want", gate="(SELECT count(*) FROM w) < :want"
    )
    return (
        f"WITH w AS ({walk}) "
        "SELECT p.* FROM ("
        "SELECT * FROM w WHERE (SELECT count(*) FROM w) >= :want "
        f"UNION ALL SELECT * FROM ({fallback}) s"
        f") p ORDER BY p.ref {direction}"
    )


@cache
def page_sql(shape: Shape) -> str:
    """One sorted page of matching cases (``:limit`` and ``:offset`` when ``shape.limited``; a walked page
    also takes ``:want``, their sum, and ``:scan``, see :func:`scan_for`)."""
    if shape.words and shape.walk:
        return _walked_page(shape) + " LIMIT :limit OFFSET :offset"
    return _sorted_page(shape, " LIMIT :limit OFFSET :offset" if shape.limited else "")


def page_params(shape: Shape, limit: int, offset: int, scan: int | None = None) -> dict[str, int]:
    """The paging parameters of :func:`page_sql` (``scan``: how many cases a walk looks at, when not
    :func:`scan_for` the rows it wants)."""
    values = {"limit": limit, "offset": offset}
    if shape.words and shape.walk:
        values |= {"want": offset + limit, "scan": scan or scan_for(offset + limit)}
    return values
