"""Identifiers written in capitals, for :mod:`mdtboard.domain.phi`.

Letterheads, headers of forms, appointment lists and insurance forms write names and institutions in
capitals ("OHIO VALLEY SPINE & PAIN ASSOCIATES, LLC", "KENYATTA NATIONAL HOSPITAL", "Name: TAN SIEW LAN").
The finder's rules read capitalisation (a name is a capitalised word that is not a common word written in
lower case; an institution is capitalised words before "Hospital" or "Ltd"), so in capitals they see only
acronyms. :func:`titled_copy` gives a copy of the text, of the same length, in which every run of two
words or more written in capitals is written as a title ("Kenyatta National Hospital"); the finder runs its
rules on that copy too and takes what they find inside those runs.

A short word in capitals stays as written (an acronym: "NHS", "LLC", "MRI") unless a census name list has
it and mdtboard's clinical acronyms do not ("TAN", "LAN", "WU"), or it is a legal form written as a title
("LTD": "Ltd"). Lines with no such run are blanked in the
copy (it is searched only for what is in the runs, and a blanked line costs the rules almost nothing).
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["capital_runs", "titled_copy"]

#: What a line without capitals is blanked with in the copy: neither a letter, a digit nor a space (a long
#: run of spaces would make some rules try every start in it).
_BLANK = "\x00"

#: A word in capitals (two letters or more, of any Latin letters) and what may join two of them in a run.
_CAPS_WORD = r"[^\W\d_a-zß-ÿ]{2,}(?:['’.-][^\W\d_a-zß-ÿ]+)*\.?"
_RUN = re.compile(rf"(?<![\w'’])(?:{_CAPS_WORD})(?:(?:[ \t]*[,&/-][ \t]*|[ \t]+)(?:{_CAPS_WORD}))+(?![\w'’])")


@cache
def _short_names() -> frozenset[str]:
    """Short words written as titles when in capitals: names in a census name list that are not clinical
    acronyms ("TAN", "WU"), and the legal forms of companies written so ("LTD": "Ltd")."""
    from mdtboard.domain.phi_forms_sites import clinical_acronyms
    from mdtboard.domain.phi_people import given_names, surnames
    from mdtboard.domain.phi_vocab import entries

    acronyms = {word.casefold() for word in clinical_acronyms()}
    legal = {form.strip(".").casefold() for form in entries("institutions", "legal_forms")
             if form[:1].isupper() and form[1:].islower()}
    return frozenset(w for w in given_names() | surnames() if len(w) <= 3 and w not in acronyms) | legal


def _title(word: str, short: frozenset[str]) -> str:
    letters = sum(ch.isalpha() for ch in word)
    if letters <= 3 and word.strip(".").casefold() not in short:
        return word
    out = []
    first = True
    for ch in word:
        if ch.isalpha():
            low = ch if first else ch.lower()
            out.append(low if len(low) == 1 else ch)
            first = False
        else:
            out.append(ch)
            first = ch in "-'’"
    return "".join(out)


def capital_runs(text: str) -> list[tuple[int, int]]:
    """The runs of two words or more written in capitals in ``text`` (with a letter in lower case in the
    text: a text written all in capitals is not a letterhead)."""
    if not any(ch.islower() for ch in text):
        return []
    runs = []
    for match in _RUN.finditer(text):
        words = re.findall(r"[^\W\d_]+", match.group())
        if sum(len(w) >= 3 for w in words) >= 1:
            runs.append(match.span())
    return runs


def titled_copy(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """A copy of ``text`` of the same length with its runs of capitals written as titles and its lines
    without such a run blanked, and the runs; None when there are none."""
    runs = capital_runs(text)
    if not runs:
        return None
    short = _short_names()
    chars = list(text)
    for start, end in runs:
        for match in re.finditer(r"\S+", text[start:end]):
            chars[start + match.start():start + match.end()] = _title(match.group(), short)
    copy = "".join(chars)
    if len(copy) != len(text):
        return None
    lines = []
    at = 0
    for line in copy.split("\n"):
        end = at + len(line)
        lines.append(line if any(s < end + 1 and at <= e for s, e in runs) else _BLANK * len(line))
        at = end + 1
    return "\n".join(lines), runs
