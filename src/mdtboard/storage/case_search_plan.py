"""How a search of words is planned from the sizes its bounded count measured (``case_search.count_sql``):
which word drives, which words are read whole, whether a page in reference order is found by walking the
reference index. Plain Python: the statements are :mod:`mdtboard.storage.case_search`'s, which imports the
limits from here. Imports nothing but the standard library and ``domain``.
"""

from __future__ import annotations

from collections.abc import Iterable

from mdtboard.domain.search import Query

#: A walk looks at this many cases at most (or this many per row wanted) before collecting and sorting.
WALK_SCAN = 4000
WALK_SCAN_PER_ROW = 40
#: A walk is chosen when it can expect this many times the matches it needs (see worth_walking).
WALK_MARGIN = 1.5
#: A query of several words sizes each word first (in the bounded count): its token entries, read up to this
#: many. The rarest word (fewest entries) drives; another word whose entries are few (under the cap, and at
#: most HASH_RATIO times the driver's) is read whole once and looked up in memory, not probed per entry:
#: reading an entry of the token index costs a small part of a probe ("pmc-2019-00": "2019" drove with two
#: probes for each of its 11,111 entries, 270 ms on PostgreSQL; "00" and "2019" read whole, 10,000 and
#: 11,111 entries, take a few milliseconds; such searches are now answered by shape, case_ref_search).
SIZE_CAP = 12000
#: On SQLite words are sized up to this many entries: reading whole a word of more costs it more than probing
#: (a temporary index is made of it), and counting 12,000 entries of each of two common words was most of the
#: work of such a keystroke ("chronic back": 193,600 of 544,300 instructions).
SQLITE_SIZE_CAP = 4000
#: On SQLite a query of one word is sized up to this many entries only: its size decides only whether a walk
#: can find a page (see worth_walking), and reading 12,000 entries of "a" at every keystroke doubled the
#: median work. PostgreSQL sizes it up to SIZE_CAP: a walk there reads a word counted exactly whole rather
#: than probing each case walked (see plan), and a probe costs as much as reading some 30 entries ("jo",
#: 4,849 entries over 100,000 cases: 2,148 cases walked and probed, 12 ms; read whole, 5 ms).
ONE_WORD_CAP = 4000
HASH_RATIO = 8
#: When every word that may drive has more entries than it is counted up to, this many of each are checked
#: against the other words, and the word whose entries match most often drives (see case_search._sampled).
SAMPLE = 100
#: The bounded count, which runs before the sizes are known, chooses its driving word among this many
#: (the longest) words of the query: one branch each, only the chosen one runs.
DRIVERS = 4
#: On PostgreSQL a probe costs about as much as reading this many entries of the token index into a hash
#: (about 4 us against 0.2 over 100,000 cases).
PROBE_TO_HASH = 18
#: On PostgreSQL, sorting a match by its reference (looked up by its id: three pages of an index) costs about
#: as much as walking this many cases along the index of the references checking each against the matches'
#: ids held in a hash (about 2.2 us against 0.36 over 100,000 cases).
SORT_TO_WALK = 6
#: A word counted past the cap whose entries are all of one token has its size estimated from how far among
#: the case ids its first this many entries reach (one token holds each case once, in the order of their ids).
ESTIMATE_READ = 1000

#: The first characters whose presence each token entry carries for its case (``letters``: a bit for each
#: letter; the digits in four groups, bits 26 to 29; any other first character, bit 30; 31 bits, so that the
#: column is a 4-byte integer, which the index of tokens holds at no cost in size): a word of one letter is
#: matched by its bit, exactly, without a probe ("nguyen t": 2,058 probes of "t" over 100,000 cases, about
#: 9 ms on PostgreSQL; the bits of 2,744 entries of "nguyen", under 1 ms), and a longer word is probed only
#: where the bit of its first character is set.
LETTERS = "abcdefghijklmnopqrstuvwxyz"
_DIGITS = {"0": 26, "1": 26, "2": 27, "3": 27, "4": 28, "5": 28, "6": 28, "7": 29, "8": 29, "9": 29}
OTHER_LETTER = 30
#: The letters of an entry written without them (by an older program, or by hand): every word is probed.
UNKNOWN_LETTERS = -1


def letter_bit(word: str) -> int:
    """The bit of the first character of ``word`` (a search token as stored, or a word of a query) in the
    letters of a case; 0 for an empty word."""
    first = word.lstrip("~")[:1]  # an archived case's token (case_search.ARCHIVED_MARK)
    if not first:
        return 0
    at = LETTERS.find(first)
    return 1 << (at if at >= 0 else _DIGITS.get(first, OTHER_LETTER))


def letters_of(tokens: Iterable[str]) -> int:
    """The letters of a case with these search tokens (as stored): the bits of their first characters."""
    bits = 0
    for token in tokens:
        bits |= letter_bit(token)
    return bits


def _is_letter(word: str) -> bool:
    return len(word) == 1 and word in LETTERS


def lettered(query: Query) -> Query:
    """``query`` with its words of one letter of :data:`LETTERS` last, all but the first word (which is
    looked up): each is matched by the letters of the entries found for the other words."""
    first, rest = query.words[:1], query.words[1:]
    ordered = first + tuple(w for w in rest if not _is_letter(w)) + tuple(w for w in rest if _is_letter(w))
    return query if ordered == query.words else Query(ordered, query.joined)


def letter_words(query: Query) -> int:
    """How many words of ``query`` (as :func:`lettered` orders them), last, are matched by the letters."""
    count = 0
    for word in reversed(query.words[1:]):
        if not _is_letter(word):
            break
        count += 1
    return count


def drivers(words: int, lettered: int = 0) -> int:
    """How many of the first words of a query may drive: at most :data:`DRIVERS`, never a word matched by
    the letters (``lettered``, the last ones)."""
    return min(words - lettered, DRIVERS)


def cap_for(words: int, postgresql: bool) -> int:
    """Up to how many entries each word of a query of ``words`` words is sized."""
    if postgresql:
        return SIZE_CAP
    return ONE_WORD_CAP if words == 1 else SQLITE_SIZE_CAP


#: What the bounded count measures of a query with words (see :func:`case_search.count_sql`): the highest
#: case id (about how many cases there are), then the token entries of each word, then of the words written
#: together (when every word that may drive is past its cap, each given as the cap and a sample's misses).
Sizes = tuple[int, ...]


def limits(sizes: Sizes, words: int, *, postgresql: bool, lettered: int = 0) -> list[int]:
    """Up to how many entries :func:`case_search.count_sql` counted each word, and then the words written
    together: a size under its limit is exact (a word matched by the letters, ``lettered``, is given as the
    cap)."""
    cap = cap_for(words, postgresql)
    counted = sizes[1 : 1 + words]
    out = [cap]
    for i in range(1, words + (len(sizes) > 1 + words)):
        out.append(min(cap, HASH_RATIO * min(counted[: min(i, drivers(words, lettered))]) + 1))
    return out


def plan(
    query: Query, sizes: Sizes | None, *, postgresql: bool, walk: bool = False, lettered: int = 0
) -> tuple[Query, tuple[bool, ...]]:
    """The query with its driving word first, and which words are read whole, from the sizes of its words
    (what :func:`case_search.count_sql` gives): the choice its gated branches make. The words written
    together are not looked up when no token starts with them (a walk probed every case for them: a third of
    "phantom l" on PostgreSQL). Without sizes, as written.

    ``walk`` (a page walked along the reference index, on PostgreSQL): every word counted exactly (fewer
    entries than its limit), and then the words written together, are read whole: a walk checks up to
    4,000 cases, and a probe of PostgreSQL costs as much as reading some 30 entries ("phantom l": 1,643
    cases walked, 30 ms of probes; "phantom" read whole, 6,251 entries, about 2 ms).

    ``lettered``: how many words, last, are matched by the letters (:func:`letter_words`): they never drive
    and are never read whole."""
    if sizes is None or not query.words:
        return query, ()
    joined = query.joined if query.joined is None or sizes[-1] else None
    words = sizes[1 : 1 + len(query.words)]
    limit = limits(sizes, len(query.words), postgresql=postgresql, lettered=lettered)
    d = min(range(drivers(len(query.words), lettered)), key=lambda i: (words[i], i))
    order = [d, *(i for i in range(len(query.words)) if i != d)]
    planned = Query(tuple(query.words[i] for i in order), joined)
    if walk:
        small = [words[i] < limit[i] for i in order]
        return planned, tuple(small + ([sizes[-1] < limit[-1]] if joined is not None else []))
    hashed = tuple(i != d and words[i] < limit[i] and words[i] <= HASH_RATIO * words[d] for i in order)
    return planned, hashed if len(order) > 1 else ()


def worth_walking(
    query: Query, sizes: Sizes | None, want: int, *, postgresql: bool, lettered: int = 0
) -> bool:
    """Whether a walk of the reference index (:func:`scan_for` cases) can expect to find ``want`` matches,
    by the sizes: at most the driving word's entries plus the joined words' match, among about as many
    cases as the highest id. A walk that finds too few is followed by collecting and sorting every match
    (both, in one statement): "so" over 100,000 cases has 1,811 matches, more than BROAD_MATCHES, yet a
    walk of 4,000 cases finds about 70 of them."""
    if sizes is None or not query.words:
        return True
    cases, words = sizes[0], sizes[1 : 1 + len(query.words)]
    limit = limits(sizes, len(query.words), postgresql=postgresql, lettered=lettered)
    d = min(range(drivers(len(words), lettered)), key=lambda i: (words[i], i))
    joined = query.joined is not None
    if words[d] >= limit[d] or (joined and sizes[-1] >= limit[-1]):
        return True  # many
    most = words[d] + (sizes[-1] if joined else 0)
    return most * scan_for(want) >= WALK_MARGIN * want * max(int(cases or 0), 1)


def walk_bound(
    query: Query, sizes: Sizes | None, want: int, *, postgresql: bool, lettered: int = 0
) -> float | None:
    """On PostgreSQL, when the driving word of a walk was counted past the cap (its size unknown): the size
    below which reading it whole costs less than probing each case walked, for an estimate of its size (one
    token: see :data:`ESTIMATE_READ`). Reading ``n`` entries into a hash costs ``n / PROBE_TO_HASH`` probes;
    the walk probes about ``want * cases / matches`` cases, the matches about ``n`` times the share of the
    driving word's first entries that matched the other words in the count's sample (each, a word alone):
    read whole below the root of ``PROBE_TO_HASH * want * cases / share``, and never past what probing every
    case a walk may look at costs ("chronic back" over 100,000 cases: "back", some 12,000 entries of which
    about half match, is read whole instead of probing 1,909 cases walked; "chronic" of "chronic b", some
    37,000, still probed, in 566 cases). None: no such word (see :func:`plan`), or a size not well past the
    cap (a word alone over 100,000 cases: 13,400 entries, about the cost of probing the 830 cases walked for
    a word of as many; estimating its size costs some 0.3 ms)."""
    if not postgresql or sizes is None or not query.words:
        return None
    words = sizes[1 : 1 + len(query.words)]
    limit = limits(sizes, len(query.words), postgresql=postgresql, lettered=lettered)
    d = min(range(drivers(len(words), lettered)), key=lambda i: (words[i], i))
    if words[d] < limit[d]:
        return None
    # A word past the cap is given as the cap and the misses of the sample (always taken when the driving
    # word is past it); a word alone has no other word to miss.
    cap = cap_for(len(query.words), postgresql)
    hits = max(min(cap + SAMPLE - words[d], SAMPLE), 1)
    cases = max(int(sizes[0]), 1)
    bound = min((PROBE_TO_HASH * want * cases * SAMPLE / hits) ** 0.5, float(PROBE_TO_HASH * scan_for(want)))
    return bound if bound >= 1.5 * cap else None


def scan_for(want: int) -> int:
    """How many cases a walk looks at for ``want`` matches."""
    return max(WALK_SCAN, WALK_SCAN_PER_ROW * want)


def hashed_walk(
    query: Query, sizes: Sizes | None, want: int, matches: int, *, listed: bool, lettered: int = 0
) -> int | None:
    """On PostgreSQL, for a page in reference order that would collect and sort every match: how many cases
    a walk of the reference index may look at instead, when the matches' ids can be held in a hash (every
    match known, ``listed``; or a word alone counted exactly, read whole: :func:`plan` with ``walk``) and
    walking costs less than sorting; else None. Sorting costs a look-up of each match's reference; the walk
    reads the word whole (``PROBE_TO_HASH`` entries a probe) and checks about ``want * cases / matches``
    cases, each :data:`SORT_TO_WALK` times cheaper than a look-up ("ngu" over 100,000 cases: 2,744 matches,
    8,553 buffers to sort them; a walk of some 3,600 cases, about 60). It may look at :data:`WALK_MARGIN`
    times the cases it expects to walk (a walk that finds fewer is followed by the sort, in the same
    statement: see :func:`case_search._walked_page`). ``matches``: what the count said (exact when
    ``listed``); a word alone's entries are taken as its matches (a case may hold a few)."""
    if sizes is None or not query.words:
        return None
    cases = max(int(sizes[0]), 1)
    if listed:
        found, read = matches, matches
    elif len(query.words) == 1 and query.joined is None and sizes[1] < cap_for(1, True):
        found, read = sizes[1], sizes[1]
    else:
        return None
    if found < want or found <= 0:
        return None
    walked = want * cases / found
    if walked / SORT_TO_WALK + read / PROBE_TO_HASH >= found:
        return None
    return min(cases, max(scan_for(want), int(WALK_MARGIN * walked) + 1))
