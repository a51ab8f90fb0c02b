"""Folding text for search: case- and accent-insensitive, so "nguyen" finds "Nguyễn" and "orsted" finds
"Ørsted". Transliteration is anyascii's; this module only decides what a word is.

A case is found when every word of the query starts one of its words, or when the query's words written
together start one of them. The words of a case are:

* the words of its patient's name, title and reference in Latin letters (other scripts transliterated,
  as before), split at anything that is not a letter or digit;
* for the name and the reference, each word with all the words after it, joined (``O'Connell`` is
  ``oconnell`` and ``connell``, ``Mary Ann Lee`` ``maryannlee``, ``annlee`` and ``lee``): every word and
  every run of neighbours starts one of these, so apostrophes, hyphens and spaces inside names fold
  like accents, in both directions ("mc donald" finds McDonald, "maryann" Mary Ann);
* the words in their own script, for every script that is not Latin (case and marks folded), and for
  scripts written without spaces (Chinese, Japanese, Korean, Thai) every tail of a word too, so that
  "小龙" finds "李小龙".

A query keeps its non-Latin words in their own script: 李 finds "李" and never "link" (which its
transliteration "li" would start).
"""

from __future__ import annotations

import re
import unicodedata

from mdtboard.domain.frozen import Frozen

TOKEN_LENGTH = 64
_WORD = re.compile(r"[a-z0-9]+")
#: Scripts written without spaces between words: every tail of a word is a word too.
UNSPACED = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR")


def fold(text: str) -> str:
    """Lower-case ASCII transliteration of ``text``."""
    if text.isascii():  # what anyascii answers for ASCII text, without loading it (the command line)
        return text.lower()
    from anyascii import anyascii

    return anyascii(text).lower()


def _script(ch: str) -> str:
    """``"LATIN"`` for Latin letters, digits and anything not a letter; else the script's name as
    Unicode names it (``"CJK"``, ``"CYRILLIC"``, ``"GREEK"``...)."""
    if not ch.isalpha():
        return "LATIN"
    name = unicodedata.name(ch, "")
    if not name or name.startswith(("LATIN", "MODIFIER")):
        return "LATIN"
    return name.split(" ", 1)[0]


def _fold_script(word: str) -> str:
    """A non-Latin word folded: case, and marks (accents, tonos, diacritics) dropped."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    kept = "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M"))
    return unicodedata.normalize("NFC", kept)


def _segments(text: str) -> list[tuple[bool, str]]:
    """``text`` (NFKC) cut into runs of Latin text (True) and of one other script's letters and marks."""
    out: list[tuple[bool, str]] = []
    current: list[str] = []
    current_script: str | None = None
    for ch in unicodedata.normalize("NFKC", text):
        if unicodedata.category(ch).startswith("M") and current_script is not None:
            current.append(ch)  # a mark belongs to the letter before it
            continue
        script = _script(ch)
        if script != current_script and current:
            out.append((current_script == "LATIN", "".join(current)))
            current = []
        current_script = script
        current.append(ch)
    if current:
        out.append((current_script == "LATIN", "".join(current)))
    return out


def _script_words(text: str) -> list[tuple[str, bool]]:
    """The non-Latin words of ``text``, folded, each with whether its script is written without spaces."""
    if text.isascii():
        return []
    out = []
    for latin, segment in _segments(text):
        if not latin:
            word = _fold_script(segment)
            if word:
                out.append((word[:TOKEN_LENGTH], _script(segment[0]) in UNSPACED))
    return out


def _latin_words(text: str) -> list[str]:
    return [w[:TOKEN_LENGTH] for w in _WORD.findall(fold(text))]


def _tails(words: list[str]) -> set[str]:
    """Each word joined with the words after it (the last word alone), cut to the token length."""
    return {"".join(words[i:])[:TOKEN_LENGTH] for i in range(len(words))}


def tokens(*texts: str | None) -> set[str]:
    """The distinct words of the given texts, each cut to the stored token length (no joined words)."""
    words: set[str] = set()
    for text in texts:
        if text:
            words.update(_latin_words(text))
            for word, unspaced in _script_words(text):
                words.add(word)
                if unspaced:
                    words.update(word[i:] for i in range(1, len(word)))
    return words


def case_tokens(name: str | None, title: str | None, ref: str | None) -> set[str]:
    """Every word a case is found by: the words of its title (:func:`tokens`), and the name's and the
    reference's words each joined with the words after it (which every word, and every run of
    neighbouring words, starts)."""
    words = tokens(title)
    for text in (name, ref):
        if text:
            words.update(_tails(_latin_words(text)))
            for word, unspaced in _script_words(text):
                if unspaced:
                    words.update(word[i:] for i in range(len(word)))
            words.update(_tails([w for w, _ in _script_words(text)]))
    return words


#: A query's words beyond this many (the shortest, least selective ones) are not compared: a case must
#: match the longest ones, which keeps any query to a bounded number of index look-ups.
MAX_QUERY_WORDS = 12


class Query(Frozen):
    """What a search box holds, as it is looked up.

    ``words``: the distinct folded words, longest first (the most selective goes first), at most
    :data:`MAX_QUERY_WORDS`. ``joined``: the words as typed, written together, when there are several
    (a case is also found when a word of it starts with this).
    """

    __slots__ = ("words", "joined")
    words: tuple[str, ...]
    joined: str | None

    def __init__(self, words: tuple[str, ...], joined: str | None) -> None:
        self._set(words=words, joined=joined)


def _query_words_in_order(query: str) -> list[str]:
    if query.isascii():
        return _latin_words(query)
    out: list[str] = []
    for latin, segment in _segments(query):
        if latin:
            out.extend(_latin_words(segment))
        else:
            word = _fold_script(segment)
            if word:
                out.append(word[:TOKEN_LENGTH])
    return out


def parse_query(query: str) -> Query:
    typed = _query_words_in_order(query)
    words = sorted(set(typed), key=lambda w: (-len(w), w))[:MAX_QUERY_WORDS]
    joined = "".join(typed)[:TOKEN_LENGTH] if len(typed) > 1 else None
    return Query(tuple(words), joined)


def query_tokens(query: str) -> list[str]:
    """The folded words of a search query, longest first, at most :data:`MAX_QUERY_WORDS` of them."""
    return list(parse_query(query).words)


def matches(query: Query, words: set[str]) -> bool:
    """Whether a case with these words (:func:`case_tokens`) is found by ``query``, as the database finds
    it: for checks and tests."""
    if not query.words:
        return True
    if all(any(t.startswith(w) for t in words) for w in query.words):
        return True
    return query.joined is not None and any(t.startswith(query.joined) for t in words)


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix``, in code point order (the
    order of SQLite's BINARY and PostgreSQL's "C" collation over UTF-8): its last character plus one."""
    last = ord(prefix[-1]) + 1
    if 0xD800 <= last <= 0xDFFF:  # no string holds a surrogate: the next character is U+E000
        last = 0xE000
    return prefix[:-1] + chr(last)
