"""People's names with no cue before them, for :mod:`mdtboard.domain.phi`: found by knowing which words are
given names and surnames, and which are common English words.

The lists (``resources/deid/``, written by ``packaging/make_deid_name_lists.py``, dated and sourced in
their headers):

- ``given-names.txt`` and ``surnames.txt``: the US Census Bureau's 1990 name files (5,000 given names,
  89,000 surnames; public domain), as shipped in the ``names`` package;
- ``english-words.txt``: how common each English word is (wordfreq's Zipf frequency, CC BY-SA 4.0).

A surname list holds common words ("Brown", "Young", "Page", "Pain", "Back"), and a given-name list holds
some too ("Will", "May", "Hope", "Mark"), so a word counts only when it is capitalised, not a word mdtboard
knows is not a name (clinical words, cue words, months, generic words, words this text writes in lower case)
and not too common in English. What is found:

- a given name and a rare capitalised word (or a surname) after it: "Renee Guidry", "Todd Brenneman",
  "Héctor Manuel Saavedra Olivares", "Nathalie De Smet";
- a surname, a comma and a given name or an initial: "Chavez, Rosalinda", "Landry, C.";
- initials and a surname or a rare capitalised word: "A. Qureshi", "A-M Virtanen", "A Mackie";
- a given name and an initial: "Karen B.";
- as questions: a rare capitalised word before a surname ("Aoife Brennan"), and a given name alone that
  is not a common word ("Renee to call", "thx Denny").
"""

from __future__ import annotations

import re
from functools import cache

from mdtboard.domain.phi_vocab import LOWER, UPPER
from mdtboard.domain.phi_words import GENERIC, NOT_NAMES, NOT_TOWNS

Sure = tuple[int, int, bool]

#: Zipf frequencies (log10 of uses per billion words): a given name more common than this as a word is a
#: word ("will", "hope", "mark"); a word next to a given name rarer than RARE is a name; a given name alone
#: is a name when rarer than ALONE (mid-sentence) or RARE (where every word is capitalised).
GIVEN_AS_WORD = 4.6
RARE = 3.5
ALONE = 4.5
SURNAME_AS_WORD = 5.6

_CAPW = rf"(?:{UPPER}{LOWER}[^\W\d_]*|{UPPER}['’]{UPPER}[^\W\d_]+)(?:['’-][^\W\d_]+)*"
_PARTICLES = r"(?:van|von|de|der|den|da|das|del|dos|du|la|le|di|ter|ten|bin|binti|al|el|ó|ní|mac|mc)"
#: A capitalised word; a particle ("De", "Van") is not one of a name's words but what joins them.
_WORD = re.compile(rf"(?<![\w'’.-])(?!(?i:{_PARTICLES})[ \t]){_CAPW}(?![\w])")
_GAP = re.compile(rf"[ \t]+(?:(?i:{_PARTICLES})[ \t]+){{0,2}}")
_INITIALS = re.compile(
    rf"(?<![\w.'’-])(?:(?P<dots>(?:[A-Z]\.[ \t]?){{1,2}})|(?P<hyphen>[A-Z]-[A-Z]\.?)[ \t]|"
    rf"(?P<bare>[A-Z])[ \t]+)"
    rf"(?P<w>{_CAPW})"
)
_WORD_BEFORE = re.compile(rf"(?P<w>{_CAPW})[ \t]+$")
_SURNAME_FIRST = re.compile(rf"(?<![\w'’-])(?P<s>{_CAPW}),[ \t]+(?P<g>{_CAPW}|[A-Z]\.(?!\w))")
_INITIAL_AFTER = re.compile(r"[ \t]+[A-Z]\.(?!\w)")
#: What follows an eponym, not a person: "Patrick's test", "Hoffmann sign".
_EPONYM_AFTER = re.compile(
    r"(?:['’]s)?[\s-]+(?i:test|sign|manoeuvre|maneuver|syndrome|disease|criteria|scale|score|index|"
    r"questionnaire|inventory|classification|procedure|operation|technique|method|fracture|grade|stage)\b"
)


#: A bibliographic reference ("Lewis JS, Solomon DH. Ann Rheum Dis 2010;69:1-5."): its authors are not
#: the case's people, and a journal's abbreviations are not names.
_REFERENCE = re.compile(r"\b(?:19|20)\d\d\s?;\s?\d+(?:\(\d+\))?\s?:\s?\d+|\bet\s+al\b|\bdoi\s?:|"
                        r"(?-i:[A-Z][a-z]+\s+[A-Z]{1,3},\s+[A-Z][a-z]+\s+[A-Z]{1,3}[,.])")


def _lines(name: str) -> list[str]:
    from mdtboard.resources import resource

    text = resource("deid", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@cache
def given_names() -> frozenset[str]:
    return frozenset(_lines("given-names.txt"))


@cache
def surnames() -> frozenset[str]:
    return frozenset(_lines("surnames.txt"))


@cache
def english_frequency() -> dict[str, float]:
    """Each common English word's Zipf frequency (words rarer than 3.0 are not listed)."""
    pairs = (line.split() for line in _lines("english-words.txt"))
    return {word: float(zipf) for word, zipf in pairs}


@cache
def people_not_names(clinical: frozenset[str]) -> frozenset[str]:
    from mdtboard.domain.phi_names import cue_words

    return NOT_NAMES | NOT_TOWNS | GENERIC | clinical | cue_words()


def _key(word: str) -> str:
    word = re.sub(r"['’]s$", "", word)
    return word.casefold()


class _Words:
    """What is known of the capitalised words of one text."""

    def __init__(self, text: str, clinical: frozenset[str]) -> None:
        # words written in lower case, not parts of an e-mail or a web address ("mike.arceneaux@...")
        lower = re.findall(r"(?<![\w'’.@/-])[a-zß-ÿ][\w'’-]*(?![\w'’-]|[.@]\w)", text)
        self.stop = people_not_names(clinical) | {w.casefold() for w in lower}
        self.zipf = english_frequency()
        self.given_names, self.surnames = given_names(), surnames()

    def known(self, word: str) -> bool:
        key = _key(word)
        return key in self.stop or any(part in self.stop for part in key.split("-"))

    def frequency(self, word: str) -> float:
        return self.zipf.get(_key(word), 0.0)

    def given(self, word: str, limit: float = GIVEN_AS_WORD) -> bool:
        key = _key(word)
        return ((key in self.given_names or key.split("-")[0] in self.given_names)
                and not self.known(word) and self.frequency(word) < limit)

    def surname(self, word: str) -> bool:
        key = _key(word)
        return key in self.surnames or any(part in self.surnames for part in key.split("-"))

    def family(self, word: str) -> bool:
        """Whether ``word`` may be the family name after a given name: rare, or a surname not too common."""
        if self.known(word) or word.isupper():
            return False
        zipf = self.frequency(word)
        return zipf < RARE or self.surname(word) and zipf < SURNAME_AS_WORD


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?:;•(\"“\n–-*>"


def _runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words written one after another on a line (particles between them allowed)."""
    runs: list[list[tuple[int, int]]] = []
    for match in _WORD.finditer(text):
        if runs and _GAP.fullmatch(text, runs[-1][-1][1], match.start()):
            runs[-1].append(match.span())
        else:
            runs.append([match.span()])
    return runs


def people_spans(text: str, clinical: frozenset[str] = frozenset()) -> list[Sure]:
    """Names in ``text`` found by the name lists (see the module): (start, end, sure)."""
    if not any(ch.isupper() for ch in text) or _REFERENCE.search(text):
        return []
    words = _Words(text, clinical)
    spans: list[Sure] = []
    for run in _runs(text):
        taken: set[int] = set()
        index = 0
        while index < len(run):
            start, end = run[index]
            word = text[start:end]
            following = text[slice(*run[index + 1])] if index + 1 < len(run) else ""
            # a given name that is also a word ("Mike", "Will") before a word English does not have
            limit = SURNAME_AS_WORD if following and words.frequency(following) == 0.0 else GIVEN_AS_WORD
            if following and words.given(word, limit) and words.family(following):
                last = index + 1
                while last + 1 < len(run) and last - index < 3 and words.family(text[slice(*run[last + 1])]):
                    last += 1
                spans.append((start, run[last][1], True))
                taken.update(range(index, last + 1))
                index = last + 1
                continue
            if (index + 1 < len(run) and not words.known(word) and words.frequency(word) == 0.0
                    and not word.isupper() and words.surname(nxt := text[slice(*run[index + 1])])
                    and words.family(nxt) and words.frequency(nxt) < RARE):
                spans.append((start, run[index + 1][1], False))
                taken.update((index, index + 1))
                index += 2
                continue
            index += 1
        for index, (start, end) in enumerate(run):
            if index in taken or len(run) > 2:
                continue
            word = text[start:end]
            limit = RARE if _sentence_start(text, start) else ALONE
            if words.given(word, limit) and not _EPONYM_AFTER.match(text, end):
                after = _INITIAL_AFTER.match(text, end)
                spans.append((start, after.end() if after else end, after is not None))
    for match in _SURNAME_FIRST.finditer(text):
        surname, given = match.group("s"), match.group("g")
        if words.surname(surname) and words.family(surname) and words.frequency(surname) < RARE and (
                given.endswith(".") or words.given(given)):
            spans.append((match.start(), match.end(), True))
    for match in _INITIALS.finditer(text):
        word = match.group("w")
        if words.known(word) or _EPONYM_AFTER.match(text, match.end()):
            continue
        # the initial of what stands before it ("Viby J. Hjemmepleje"), not of a name after it
        before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if before is not None and not words.known(before.group("w")):
            continue
        rare = words.frequency(word) < (RARE if match.group("bare") is None else 3.0)
        # a word that is not a surname only after two initials or joined ones ("A-M Virtanen"): one initial
        # and a full stop may end a sentence ("complex B. Infiltrație")
        two = match.group("hyphen") is not None or (match.group("dots") or "").count(".") == 2
        if rare and (words.surname(word) or two and words.frequency(word) == 0.0):
            spans.append((match.start(), match.end(), match.group("bare") is None))
    return spans


#: A number from 90 to 119 alone in brackets, or last in them after a comma, right after a word: "his
#: kokum (93)", "Kartar Singh ('Bapu ji', 90)". An age when the word is a relation or a name.
_BRACKET_AGE = re.compile(
    r"(?P<w>[^\W\d_][\w'’-]*)\s*\((?:[^()\d]{1,30},\s*)?(?P<n>9\d|1[01]\d)\s*\)"
)


@cache
def _relations() -> frozenset[str]:
    from mdtboard.domain.phi_names import cue_words

    return cue_words()


def bracket_age_spans(text: str, clinical: frozenset[str] = frozenset()) -> list[Sure]:
    """Ages over 89 in brackets after a relation or a person's name (questions)."""
    relations = _relations()
    spans: list[Sure] = []
    for match in _BRACKET_AGE.finditer(text):
        word = match.group("w")
        key = word.casefold()
        person = key in relations or (word.isalpha() and word[0].isupper() and word[1:].islower()
                                      and key not in clinical and key not in NOT_NAMES
                                      and (key in given_names() or key in surnames()
                                           or key not in english_frequency()))
        if person:
            spans.append((*match.span("n"), False))
    return spans
