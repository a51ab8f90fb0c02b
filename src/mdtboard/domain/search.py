"""Folding text for search: case- and accent-insensitive, so "nguyen" finds "Nguyễn" and "orsted" finds
"Ørsted". Transliteration is anyascii's; this module only decides what a word is."""

from __future__ import annotations

import re

from anyascii import anyascii

TOKEN_LENGTH = 64
_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case ASCII transliteration of ``text``."""
    return anyascii(text).lower()


def tokens(*texts: str | None) -> set[str]:
    """The distinct folded words of the given texts, each cut to the stored token length."""
    words: set[str] = set()
    for text in texts:
        if text:
            words.update(w[:TOKEN_LENGTH] for w in _WORD.findall(fold(text)))
    return words


#: A query's words beyond this many (the shortest, least selective ones) are not compared: a case must
#: match the longest ones, which keeps any query to a bounded number of index look-ups.
MAX_QUERY_WORDS = 12


def query_tokens(query: str) -> list[str]:
    """The folded words of a search query, longest first (the most selective goes first), at most
    :data:`MAX_QUERY_WORDS` of them."""
    words = sorted({w[:TOKEN_LENGTH] for w in _WORD.findall(fold(query))}, key=lambda w: (-len(w), w))
    return words[:MAX_QUERY_WORDS]


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix`` (tokens are [a-z0-9])."""
    return prefix + "\x7f"
