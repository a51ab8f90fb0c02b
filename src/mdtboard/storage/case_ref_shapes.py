"""The shapes of case references, and what a search's words fix in them: the part of a search typed as a
reference (see :mod:`mdtboard.storage.case_ref_search`, which answers it). Imports nothing but the standard
library and ``domain.search``.

A reference of printable ASCII only (at most :data:`TOKEN_LENGTH` characters) is *regular*: its search
tokens are its words (runs of letters and digits, lower-cased), each joined with the words after it
(``PMC-2019-000123``: ``pmc2019000123``, ``2019000123``, ``000123``), and its *shape* is the reference with
each capital written ``A``, each small letter ``a``, each digit ``9`` (``AAA-9999-999999``). References of one
shape have their letters and digits at the same places, so

* the references of a shape whose folded letters and digits (its *key*, ``pmc2019000123``) start with some
  text are exactly those that start with that text written into the shape (``PMC-2019-00`` for
  ``pmc201900``), a range of the references' own order; and any reference that starts with that written
  text, whatever its shape, has a token starting with each word that the text holds at a word's start;
* a word of a search starts the token of the reference's word ``j`` when it fits there (letters where the
  shape has letters, digits where it has digits, within the key): so which letters and digits each way of
  placing a search's words fixes, and where, is known from the shapes alone, before reading anything.

Everything else (names and titles, references of other characters) is a *word* of the case:
``case_search_words`` keeps every such token that a stored case has.
"""

from __future__ import annotations

import re
import string
from itertools import product

from mdtboard.domain.frozen import Frozen
from mdtboard.domain.search import TOKEN_LENGTH, case_tokens

#: A search is not answered by shape when the database has more shapes than this.
MAX_SHAPES = 32
#: ... nor when its words can be placed in more ways than this (over all shapes).
MAX_PLACINGS = 96
_CLASSES = "Aa9"
_WORD = re.compile(r"[a-z0-9]+")
_CLASS_OF = {ch: "A" for ch in string.ascii_uppercase} | {ch: "a" for ch in string.ascii_lowercase} | {
    ch: "9" for ch in string.digits
}


def shape_of(ref: str | None) -> str | None:
    """The shape of a regular reference (see the module docstring); None for any other."""
    if not ref or len(ref) > TOKEN_LENGTH or not all(" " <= ch <= "~" for ch in ref):
        return None
    return "".join(_CLASS_OF.get(ch, ch) for ch in ref)


def ref_words(ref: str) -> list[str]:
    """The words of a regular reference, lower-cased (``domain.search``'s words of ASCII text)."""
    return _WORD.findall(ref.lower())


def ref_tails(ref: str | None) -> list[tuple[str, int, str]]:
    """``(shape, j, tail)`` for each word ``j`` of a regular reference: the tail is that word joined with the
    words after it (the reference's search tokens, one a word). None for another reference."""
    shape = shape_of(ref)
    if shape is None or ref is None:
        return []
    words = ref_words(ref)
    return [(shape, j, "".join(words[j:])) for j in range(len(words))]


def word_tokens(name: str | None, title: str | None, ref: str | None) -> set[str]:
    """The case's search tokens that are not the tokens of a regular reference (see the module docstring)."""
    words = case_tokens(name, title, None)
    if shape_of(ref) is None:
        words |= case_tokens(None, None, ref)
    return words


class RefShape:
    """A shape parsed: per place of the key, its class (``A``, ``a``, ``9``) and its index in the reference;
    where each word starts in the key."""

    __slots__ = ("text", "classes", "at", "starts", "_key_at")

    def __init__(self, text: str) -> None:
        self.text = text
        classes: list[str] = []
        at: list[int] = []
        starts: list[int] = []
        previous = False
        for i, ch in enumerate(text):
            letter_or_digit = ch in _CLASSES
            if letter_or_digit:
                if not previous:
                    starts.append(len(classes))
                classes.append(ch)
                at.append(i)
            previous = letter_or_digit
        self.classes = "".join(classes)
        self.at = tuple(at)
        self.starts = tuple(starts)
        self._key_at = {r: k for k, r in enumerate(at)}

    def fits(self, word: str, j: int) -> bool:
        """Whether ``word`` (folded) can start the token of the shape's word ``j``."""
        start = self.starts[j]
        if start + len(word) > len(self.classes):
            return False
        for ch, cls in zip(word, self.classes[start:], strict=False):
            if "0" <= ch <= "9":
                if cls != "9":
                    return False
            elif not ("a" <= ch <= "z" and cls != "9"):
                return False
        return True

    def render(self, fixed: dict[int, str], first: int, last: int) -> str:
        """The reference's characters ``first`` to ``last`` (indexes of the reference), the letters and digits
        of key places ``fixed`` in the shape's case, the punctuation as the shape has it."""
        out = []
        for r in range(first, last + 1):
            k = self._key_at.get(r)
            if k is None:
                out.append(self.text[r])
            else:
                ch = fixed[k]
                out.append(ch.upper() if self.classes[k] == "A" else ch)
        return "".join(out)


class Run(Frozen):
    """Letters and digits fixed at consecutive places of a key from the start of word ``j``: the tails of
    word ``j`` start with ``text``; in the reference they are ``length`` characters from ``offset``
    (1-based, as ``substr`` counts), written ``written``."""

    __slots__ = ("j", "text", "offset", "length", "written")
    j: int
    text: str
    offset: int
    length: int
    written: str

    def __init__(self, j: int, text: str, offset: int, length: int, written: str) -> None:
        self._set(j=j, text=text, offset=offset, length=length, written=written)


class Gap(Frozen):
    """References of one shape with letters and digits fixed in several runs (not all from the start): found
    through the tails of one run, the others compared in the reference. ``lead``: when the first run is at
    the start of the reference, what every such reference starts with."""

    __slots__ = ("shape", "runs", "lead")
    shape: str
    runs: tuple[Run, ...]
    lead: str | None

    def __init__(self, shape: str, runs: tuple[Run, ...], lead: str | None = None) -> None:
        self._set(shape=shape, runs=runs, lead=lead)


class Placing(Frozen):
    """Where a search's words (or its words written together) can be in the references of the database,
    by shape: ``prefixes``, texts whose every reference matches (a range of the references' order, none
    the start of another), and ``gaps``."""

    __slots__ = ("prefixes", "gaps")
    prefixes: tuple[str, ...]
    gaps: tuple[Gap, ...]

    def __init__(self, prefixes: tuple[str, ...], gaps: tuple[Gap, ...]) -> None:
        self._set(prefixes=prefixes, gaps=gaps)


def _placings(shape: RefShape, words: tuple[str, ...]) -> list[dict[int, str]] | None:
    """Each way of placing every word at the start of a word of the shape, as the key places it fixes
    (placings that contradict themselves left out); None when there are too many."""
    options = [[j for j in range(len(shape.starts)) if shape.fits(w, j)] for w in words]
    ways = 1
    for found in options:
        ways *= len(found)
    if ways > MAX_PLACINGS:
        return None
    out: list[dict[int, str]] = []
    for choice in product(*options):
        fixed: dict[int, str] = {}
        for word, j in zip(words, choice, strict=True):
            start = shape.starts[j]
            for k, ch in enumerate(word):
                if fixed.setdefault(start + k, ch) != ch:
                    break
            else:
                continue
            break
        else:
            if fixed not in out:
                out.append(fixed)
    return out


def _runs(shape: RefShape, fixed: dict[int, str]) -> list[tuple[int, int]]:
    """The fixed key places as runs ``(first, last)`` of consecutive places."""
    runs: list[tuple[int, int]] = []
    for k in sorted(fixed):
        if runs and runs[-1][1] == k - 1:
            runs[-1] = (runs[-1][0], k)
        else:
            runs.append((k, k))
    return runs


def place(words: tuple[str, ...], joined: str | None, shapes: tuple[RefShape, ...]) -> Placing | None:
    """Where the references matching the search can be (``words`` each starting a token, or ``joined``
    starting one), over ``shapes``; None when there are too many ways to say."""
    prefixes: set[str] = set()
    gaps: list[Gap] = []
    total = 0
    for shape in shapes:
        found: list[dict[int, str]] = []
        for group in ([words] if words else []) + ([(joined,)] if joined else []):
            placed = _placings(shape, group)
            if placed is None:
                return None
            found.extend(p for p in placed if p not in found)
        total += len(found)
        if total > MAX_PLACINGS:
            return None
        for fixed in found:
            runs = _runs(shape, fixed)
            if runs[0][0] == 0 and len(runs) == 1:
                prefixes.add(shape.render(fixed, 0, shape.at[runs[0][1]]))
                continue
            parts = []
            for first, last in runs:
                offset, end = shape.at[first], shape.at[last]
                text = "".join(fixed[k] for k in range(first, last + 1))
                written = shape.render(fixed, offset, end)
                parts.append(Run(shape.starts.index(first), text, offset + 1, end - offset + 1, written))
            lead = shape.render(fixed, 0, shape.at[runs[0][1]]) if runs[0][0] == 0 else None
            gap = Gap(shape.text, tuple(parts), lead)
            if gap not in gaps:
                gaps.append(gap)
    kept = sorted(p for p in prefixes if not any(p != q and p.startswith(q) for q in prefixes))
    # A gap whose references all start with a prefix kept is found with that prefix's range already.
    shown = tuple(g for g in gaps if g.lead is None or not any(g.lead.startswith(q) for q in kept))
    return Placing(tuple(kept), shown)
