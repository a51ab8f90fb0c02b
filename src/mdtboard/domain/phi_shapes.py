"""Names and ages found by the shape they are written in, for :mod:`mdtboard.domain.phi`, when their words
are also English words ("Ward", "Hope", "Bishop", "Young") that the name rules of phi_people.py leave alone.

- a person's title and a surname: "Ms Ward", "Mr. Young" (a word a census surname list has; a title such
  as "Ms" or "Mr" stands before nothing else);
- a surname, a comma and a given name where a list or a form starts its entries, at a line's start (after a
  time or a label) or alone in brackets: "08:30 HOPE, DANIEL", "Ward, Willow", "young, tessa",
  "To: WU, Harriet (...)", "RE: WARD, HOPE M." (also in lower case: hurried lists keep no capitals);
- initials and a surname: "H. Ward", "J.L. Martinez", "É. Roux"; a given name, an initial and a
  capitalised word: "Marcus T. Bishop"; a given name and a surname that are both in the census lists,
  the given name not a common English word: "Hugh Ward", "Tessa Young";
- an age over 89 told of someone: "who is 96", "(who was 92)", "lived to 101", "turned 94",
  "Wife Mildred, 90,", "Mr Young, is 99".

The name lists are the census lists of phi_people.py; the titles and relations the finder's own
vocabularies (phi_names.py, ``resources/deid/identifier-words.toml``).
"""

from __future__ import annotations

import re
from functools import cache

from mdtboard.domain.phi_people import _REFERENCE, english_frequency, given_names, surnames
from mdtboard.domain.phi_safelist import clinical_terms, drug_names
from mdtboard.domain.phi_vocab import LOWER, UPPER

Sure = tuple[int, int, bool]

#: A given name more common than this as an English word ("Will", "Mark") is not taken as a name by the
#: shape "given name, surname" alone.
_GIVEN_AS_WORD = 4.7
#: ... nor a word more common than this as the surname after it ("Georgia State").
_SURNAME_AS_WORD = 5.6
_WORD = r"[^\W\d_][^\W\d_'’]*(?:['’-][^\W\d_]+)*"
_CAP = rf"{UPPER}{LOWER}[^\W\d_]*(?:['’-][^\W\d_]+)*"
_PERSON_TITLE = re.compile(rf"(?<![\w.])(?:Mr|Mrs|Ms|Miss|Mx|Mme|Mlle)\.?[ \t]+(?P<w>{_CAP})(?![\w'’])")
_SURNAME_FIRST = re.compile(
    rf"(?:^|\n)[ \t]*(?:[\d:.]+[ \t]+|[^\W\d_]{{1,12}}\.?[ \t]*:[ \t]*|[-–•*][ \t]+)?"
    rf"(?P<s>{_WORD}(?:[- ]{_WORD})?),[ \t]+(?P<g>{_WORD})(?P<rest>(?:[ \t]+(?:{_WORD}|[A-Z]\.)){{0,2}})"
    rf"(?=[ \t]*(?:$|\n|[ \t]{{2}}|\(|\"|\d|[|,;/]))"
)
_INITIALS = re.compile(rf"(?<![\w.'’-])(?:[{UPPER[1:-1]}]\.[ \t]?){{1,2}}(?P<w>{_CAP})(?![\w'’])")
_GIVEN_INITIAL = re.compile(rf"(?<![\w'’-])(?P<g>{_CAP})[ \t]+[A-Z]\.[ \t]+(?P<w>{_CAP})(?![\w'’])")
_GIVEN_SURNAME = re.compile(rf"(?<![\w'’.-])(?P<g>{_CAP})[ \t]+(?P<w>{_CAP})(?![\w'’-])")
_AGE = r"(?P<n>9\d|1[01]\d)(?![\d.,:/]\d|\s*(?:%|mg|mcg|ml|mmol|kg|cm|mm|min|bpm|/|mmHg))(?!\w)"


@cache
def _ages() -> re.Pattern[str]:
    from mdtboard.domain.phi_names import cue_words

    cues = (re.escape(w) for w in cue_words() if len(w) > 2)
    relations = "|".join(sorted(cues, key=lambda w: (-len(w), w)))
    return re.compile(
        rf"(?:\bwho\s+(?:is|was|turned|turns)\s+(?:now\s+|nearly\s+|almost\s+)?|\blived\s+to\s+(?:be\s+)?|"
        rf"\bturned\s+|"
        rf"(?i:\b(?:{relations}))\s+{_CAP}(?:[ \t]+{_CAP})?,[ \t]+(?:is[ \t]+|aged[ \t]+)?|"
        rf"\b(?:Mr|Mrs|Ms|Miss)\.?[ \t]+{_CAP},?[ \t]+is[ \t]+)" + _AGE
    )


def _stop(clinical: frozenset[str]) -> frozenset[str]:
    from mdtboard.domain.phi_names import cue_words

    return clinical | cue_words()


def shape_name_spans(text: str, clinical: frozenset[str] = frozenset()) -> list[Sure]:
    """Names found by their shape (see the module): (start, end, sure)."""
    if not any(ch.isalpha() for ch in text) or _REFERENCE.search(text):
        return []  # (a bibliographic reference: its authors are not the case's people)
    given, family, zipf = given_names(), surnames(), english_frequency()
    stop = _stop(clinical)
    spans: list[Sure] = []
    for match in _PERSON_TITLE.finditer(text):
        key = match.group("w").casefold()
        if key in family:
            spans.append((*match.span("w"), True))
    for match in _SURNAME_FIRST.finditer(text):
        surname, first = match.group("s"), match.group("g")
        cased = {surname.isupper() and first.isupper(), surname.islower() and first.islower(),
                 surname[:1].isupper() and first[:1].isupper() and not first.isupper()}
        keys = [w.casefold() for w in re.split(r"[- ]", surname)]
        if (True in cased and first.casefold() in given and first.casefold() not in stop
                and any(k in family for k in keys)):
            end = match.end("rest") if match.group("rest") else match.end("g")
            rest = match.group("rest").split()
            # what follows the given name: more given names or an initial, not a word ("NP", "Jr")
            kept = 0
            for word in rest:
                if word.endswith(".") or word.casefold() in given:
                    kept += 1
                else:
                    break
            end = match.end("g")
            for word in rest[:kept]:
                end = text.index(word, end) + len(word)
            spans.append((match.start("s"), end, True))
    terms = clinical_terms()
    for match in _INITIALS.finditer(text):
        # "R. Shoulder" is the right shoulder: not a word of ICD-10
        key = match.group("w").casefold()
        if key in family and key not in terms:
            # one initial and a common word only as a question
            two = match.group().count(".") > 1
            spans.append((match.start(), match.end(), two or zipf.get(key, 0.0) < 3.5))
    for match in _GIVEN_INITIAL.finditer(text):
        first, last = match.group("g").casefold(), match.group("w").casefold()
        if first in given and first not in stop:
            spans.append((match.start(), match.end(), True))
    for match in _GIVEN_SURNAME.finditer(text):
        first, last = match.group("g").casefold(), match.group("w").casefold()
        if (first in given and last in family and zipf.get(first, 0.0) < _GIVEN_AS_WORD
                and zipf.get(last, 0.0) < _SURNAME_AS_WORD and first not in stop):
            spans.append((match.start(), match.end(), False))
    return spans


_BRANCH = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:{_CAP}[ \t]+){{0,3}}{_CAP})[ \t]*#[ \t]?\d{{1,6}}(?![\w/.]\d)")


def branch_spans(text: str) -> list[Sure]:
    """A shop or a pharmacy and its branch number: "Walgreens #4471", "Sierra Drug #12" (two capitalised
    words, or one English does not have: not "Room #4"; no medicine: "Tylenol #3")."""
    if "#" not in text:
        return []
    zipf, drugs = english_frequency(), drug_names()
    spans = []
    for match in _BRANCH.finditer(text):
        words = match.group("name").split()
        if any(w.casefold() in drugs for w in words):  # "Tylenol #3" is a strength
            continue
        if len(words) >= 2 or zipf.get(words[0].casefold(), 0.0) == 0.0:
            spans.append((match.start(), match.end(), len(words) >= 2))
    return spans


#: A nickname after a name, in brackets or quotes: "Gertruida (Trudie) van der Merwe",
#: 'BISHOP, RAYMOND "RAY"'.
NICKNAME = re.compile(rf"[ \t]*(?:\([ \t]*[\"“'‘]?|[\"“‘])(?P<w>{UPPER}[^\W\d_]+(?:[- ][A-Z][^\W\d_]+)?)"
                      rf"[\"”'’]?(?:[ \t]*\))?")
#: Two lower-case words after a relation are a name only when neither is commoner than this ("son will come").
_LOWER_AS_WORD = 5.0
_LOWER_PAIR = re.compile(r"[ \t]+(?P<g>[a-zß-ÿ]{3,})[ \t]+(?P<s>[a-zß-ÿ]{3,})\b")
#: A login name after "by" or "user": an initial and a surname written together ("lchavez", "knord").
_LOGIN = re.compile(r"\b(?:by|user(?:name)?|login|operator)[ \t]*:?[ \t]+(?P<w>[a-z][a-z]{3,14})\b")


def is_nickname(word: str) -> bool:
    """Whether ``word`` in brackets after a name is a name too: a census given name ("Ray", "Trudie"), or a
    capitalised word no vocabulary knows ("Emeka"); not an acronym ("(POA)") nor a language ("(Samoan)")."""
    from mdtboard.domain.phi_safelist import safe_words

    key = word.casefold()
    first = key.split()[0].split("-")[0]
    return first in given_names() or (not word.isupper() and first not in safe_words())


def lowercase_name_spans(text: str) -> list[Sure]:
    """Names written in lower case in hurried notes, as questions: a given name and a surname after a
    relation ("daughter faith ward"), and a login name ("printed by knord", "run by lchavez")."""
    from mdtboard.domain.phi_names import RELATION_CUE

    given, family, zipf = given_names(), surnames(), english_frequency()
    spans: list[Sure] = []
    for match in RELATION_CUE.finditer(text):
        pair = _LOWER_PAIR.match(text, match.end())
        if (pair and pair.group("g") in given and pair.group("s") in family
                and max(zipf.get(pair.group("g"), 0.0), zipf.get(pair.group("s"), 0.0)) < _LOWER_AS_WORD):
            spans.append((pair.start("g"), pair.end("s"), False))
    for match in _LOGIN.finditer(text):
        word = match.group("w")
        if word not in zipf and word[1:] in family and len(word) >= 5:
            spans.append((*match.span("w"), False))
    return spans


_HEAD_WORD = r"(?:[^\W\d_][\w'’.]*|&)"
#: The first part of a line: words each capitalised (or "&", "of", "de"...), up to a dash, a comma or the end.
_HEAD = re.compile(
    rf"[ \t]*(?P<h>{UPPER}[\w'’.]*(?:[ \t]+(?:{UPPER}[\w'’.]*|&|and|of|the|de|du|la|van|von))*"
    rf"[ \t]+{UPPER}[\w'’.]*)"
    rf"(?=[ \t]*(?:$|\n|[–—|]|[ \t]-[ \t]|,))"
)


def letterhead_spans(
    text: str, addresses: list[tuple[int, int]], covered: list[tuple[int, int]]
) -> list[Sure]:
    """A letterhead's or an address block's institution: the capitalised words heading the line of a street
    address or the line before it ("Westerville Family Medicine" over "480 N. State St."; "HUIS RUSOORD –
    Frail Care Unit" over "14 Kerkstraat"; "NHS HIGHLAND – Raigmore Hospital, Old Perth Road"), when no
    other hint holds them and they are not a person's title and name (questions)."""
    from mdtboard.domain.phi_names import cue_words

    cues = cue_words()
    spans: list[Sure] = []
    for start, _end in addresses:
        line = text.rfind("\n", 0, start) + 1
        heads = [line] if text[line:start].strip() else []
        if line > 0 and not text[line:start].strip():
            heads.append(text.rfind("\n", 0, line - 1) + 1)
        for head in heads:
            match = _HEAD.match(text, head)
            if match is None or match.start("h") >= start and head == line:
                continue
            first = match.group("h").split()[0].strip(".").casefold()
            if first in cues or any(s < match.end("h") and match.start("h") < e for s, e in covered):
                continue
            spans.append((*match.span("h"), False))
    return spans


def shape_age_spans(text: str) -> list[tuple[int, int]]:
    """Ages over 89 told of someone (see the module)."""
    if not re.search(r"9\d|1[01]\d", text):
        return []
    return [match.span("n") for match in _ages().finditer(text)]
