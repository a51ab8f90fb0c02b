"""People named by initials or by a word that is also a common or clinical one, and vehicles' plates, for
:mod:`mdtboard.domain.phi`:

- the initials listed in a meeting's attendance ("Present: FMcL (chair), RK, SD, JT (minutes)") and those
  signing a care log's entry after its time ("01/11/26 07:40 DM - resident settled"), or taking an action
  ("- JT to write to the GP"), when they are no clinical abbreviation ("PT", "OT", "GP");
- a relative's name after the relation word, when that name is also a word the finder knows ("her daughter
  Esi", "son Will", "oğlu Can"): asked about, never replaced without asking;
- a vehicle's registration after its label ("plate KRT-4419", "Kennzeichen L-HB 1955").

Each is a question (the reviewer confirms it), except the plates, which are numbers like any record number.
"""

from __future__ import annotations

import re
from functools import cache

from mdtboard.domain.phi_vocab import entries

Sure = tuple[int, int, bool]

#: Initials standing for a person: two or three capitals, with up to two small letters before each but the
#: first ("RK", "MRT", "FMcL", "JdB", "PvdM"). The teaching drafts' pseudonyms read them too.
INITIALS = r"[A-Z](?:[a-z]{0,2}[A-Z]){1,2}"
_ATTENDANCE = re.compile(
    r"(?im:^[ \t]*(?:present|attendees|attending|in\s+attendance|apologies|absent|also\s+present|"
    r"anwesend|entschuldigt|présents?|excusés?|presentes|ausentes|aanwezig|afwezig|presenti|assenti|"
    r"obecni|närvarande|til\s+stede|läsnä)[ \t]*:[ \t]*(?P<list>[^\n]*))"
)
_LIST_INITIALS = re.compile(rf"(?<![\w'’-])(?P<i>{INITIALS})(?![\w'’-])")
_LOG_INITIALS = re.compile(
    r"(?m:^[ \t]*(?:\d{1,4}[./-]\d{1,2}(?:[./-]\d{2,4})?[ \t,]+)?"
    r"(?:[01]?\d|2[0-3])[:.h]?[0-5]\d(?:[ \t]*[ap]m)?"
    rf"[ \t]+(?P<i>{INITIALS})[ \t]*(?:[-–:]|\([^)\n]{{0,20}}\)[ \t]*[-–:]))"
)
_ACTION_INITIALS = re.compile(
    rf"(?m:^[ \t]*(?:[-•*·][ \t]*|\d{{1,2}}[.)][ \t]*)?(?:(?i:action)s?[ \t]*:?[ \t]*)?(?P<i>{INITIALS})"
    r"(?:[ \t]*(?:/|and|&)[ \t]*(?P<j>" + INITIALS + r"))?[ \t]+to[ \t]+[a-z])"
)
#: Initials in brackets after a discipline heading an input or a line: "Pain medicine (RH): ...",
#: "Orthopaedics (SL, ANMC): ...".
_HEADING_INITIALS = re.compile(
    rf"(?m:^[^\n()]{{0,30}}[^\W\d_][ \t]*\([ \t]*(?P<i>{INITIALS})[ \t]*(?:,[^)\n]{{0,30}})?\)[ \t]*:)"
)
#: Initials signing an entry at the end of its line: "... mailed naloxone. — AB", "2. SH — book psychology".
_SIGNED_INITIALS = re.compile(
    rf"(?m:[—–][ \t]*(?P<i>{INITIALS})\.?[ \t]*$"
    rf"|^[ \t]*\d{{1,2}}[.)][ \t]*(?P<j>{INITIALS})[ \t]*[—–-][ \t])"
)
#: Initials closing an entry after its last sentence: "... no fluoroscopy there on Thursdays. CR", with
#: the writer's role after them ("... fax 540-555-0199. LB RN").
_CLOSING_INITIALS = re.compile(
    rf"(?<=[.!?)])[ \t]+(?P<i>{INITIALS})(?:[ \t]+(?P<r>[A-Z]{{2,4}}))?[ \t]*(?=\n|$)"
)
#: Initials after a time and a dash, before what they did: "RN call back 11/18 3:15p - PH: phantom pain".
_TIMED_INITIALS = re.compile(
    rf"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[ \t]*[ap]\.?m?\.?)?[ \t]+[-–—][ \t]+(?P<i>{INITIALS})[ \t]*:"
)
#: Initials signing a line of a log after a hyphen: "Oramorph 2.5mg given - KT".
_HYPHEN_INITIALS = re.compile(rf"(?m:[ \t]-[ \t]*(?P<i>{INITIALS})\.?[ \t]*$)")
#: Initials taking an action in a numbered list written on one line: "ACTIONS: 1. RH to write to GP. 2. BMcA
#: to phone".
_NUMBERED_ACTION_INITIALS = re.compile(
    rf"(?<![\w.])\d{{1,2}}[.)][ \t]*(?P<i>{INITIALS})(?:[ \t]*(?:/|and|&)[ \t]*(?P<j>{INITIALS}))?"
    r"[ \t]+to[ \t]+[a-z]"
)
#: A writer's name closing a text after its last sentence, as an initial and a name or a name and its
#: initials at the end of a line, in the Latin or the Greek alphabet: "... Happy to co-manage. F Iqbal",
#: "... by 111. Ana P",
#: "... 2.30pm. Ng W.J.", "... δυσκοιλιότητα. Μ. Κωνσταντινίδου", "... 19/11. Ν.Γ.".
_UPPER_ANY = r"[A-ZΑ-ΩΆΈΉΊΌΎΏ]"
_LOWER_ANY = r"[a-zà-ÿα-ωάέήίόύώϊϋΐΰς]"
_CLOSING_NAME = re.compile(
    rf"(?<=[.!?)])[ \t]+(?P<i>{_UPPER_ANY}\.?[ \t]?{_UPPER_ANY}{_LOWER_ANY}{{2,}}"
    rf"(?:-{_UPPER_ANY}{_LOWER_ANY}+)?"
    rf"|{_UPPER_ANY}{_LOWER_ANY}+[ \t](?:{_UPPER_ANY}\.){{1,2}}|{_UPPER_ANY}{_LOWER_ANY}+[ \t]{_UPPER_ANY}"
    rf"|(?:{_UPPER_ANY}\.){{2,3}})[ \t]*(?=\n|\Z)"
)
#: Initials doing what people do in minutes: "SH felt", "AJ reported", "RM's nurse clinic".
_ACTING_INITIALS = re.compile(
    rf"(?<![\w'’&./-])(?P<i>{INITIALS})(?:['’]s\b|[ \t]+(?:felt|feels|reported|reports|said|says|noted|"
    r"notes|"
    r"recorded|advised|agreed|suggested|will|recommended|recommends|explained|thinks|asked|saw|reviewed|spoke|"
    r"summari[sz]ed|presented|"
    r"phoned|called|rang|visited|examined|confirmed|offered|discussed|raised|wondered)\b)"
)

_PLATE = re.compile(
    r"(?<![\w-])(?i:(?:number|licen[cs]e|registration|reg\.?)?[ \t]*plate|registration(?:[ \t]+no\.?)?|"
    r"reg\.?[ \t]+no\.?|kennzeichen|matrícula|matricula|targa|immatriculation|placa|kenteken|"
    r"rekisterinumero|registreringsnummer|rejestracja|numer\s+rejestracyjny|SPZ)"
    r"[ \t]*(?:no\.?|#|:)?[ \t]*"
    r"(?P<p>(?=[A-Z0-9 -]*\d)(?=[0-9 -]*[A-Z])[A-Z0-9](?:[A-Z0-9]|[ -](?=[A-Z0-9])){2,10})"
    r"(?![\w-])"
)


#: Roles written in capitals where a list or a log names people: "Present: PT, OT, GP".
_ROLES = frozenset((
    "PT", "OT", "GP", "RN", "SW", "HCA", "CNS", "SLT", "SALT", "DN", "ANP", "NP", "PA", "MO", "SHO", "SPR",
    "STR",
    "FY", "RMO", "CN", "EN", "LPN", "CNA", "MD", "DO", "HO", "MDT", "SN", "CSW", "AHP", "ACP", "RGN", "RMN",
    "SSW", "TA", "NA", "DR", "MR", "MRS", "MS", "ALL", "NB", "PS", "OK", "AM", "PM", "I", "A",
    # countries and bodies that minutes name the same way ("the UK's guidance", "NICE recommends")
    "UK", "US", "USA", "EU", "UN", "NHS", "WHO", "NICE", "CDC", "FDA", "EMA", "MHRA", "VA",
))


def _initials(text: str, start: int, end: int, strict: bool) -> bool:
    """Whether the capitals at ``start`` are a person's initials: never a role; where the place alone does
    not say so (``strict``: an action line, a verb after them), never a clinical abbreviation of the
    vocabularies' table either ("CT to confirm", "MRI reported")."""
    word = text[start:end]
    return word.upper() not in _ROLES and not (strict and word in _abbreviations())


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(entries("abbreviations", "clinical"))


#: Places where capitals could as well be a clinical abbreviation ("CT to confirm", "MRI showed").
_STRICT = (_ACTION_INITIALS, _ACTING_INITIALS, _CLOSING_INITIALS, _HYPHEN_INITIALS, _NUMBERED_ACTION_INITIALS)


def staff_initials_spans(text: str) -> list[Sure]:
    """The initials above, as questions: (start, end, False)."""
    spans: list[Sure] = []
    for line in _ATTENDANCE.finditer(text):
        for match in _LIST_INITIALS.finditer(text, line.start("list"), line.end("list")):
            if _initials(text, *match.span("i"), strict=False):
                spans.append((*match.span("i"), False))
    for pattern in (_LOG_INITIALS, _ACTION_INITIALS, _HEADING_INITIALS, _SIGNED_INITIALS, _ACTING_INITIALS,
                    _CLOSING_INITIALS, _HYPHEN_INITIALS, _NUMBERED_ACTION_INITIALS, _TIMED_INITIALS):
        for match in pattern.finditer(text):
            for group in ("i", "j"):
                # initials closing the whole text, or with a role after them, are a signature whatever
                # abbreviation they also spell ("... discuss at MDT. CR")
                strict = pattern in _STRICT and not (pattern is _CLOSING_INITIALS and (
                    match.group("r") in _ROLES or not text[match.end():].strip()))
                if group in pattern.groupindex and match.group(group) and \
                        _initials(text, *match.span(group), strict=strict):
                    spans.append((*match.span(group), False))
    for match in _CLOSING_NAME.finditer(text):
        words = [w.strip(".") for w in re.split(r"[ \t.]+", match.group("i")) if len(w.strip(".")) > 1]
        if not any(w.casefold() in _not_signatures() for w in words):
            spans.append((*match.span("i"), False))
    return spans


@cache
def _not_signatures() -> frozenset[str]:
    """Words that close a sentence with a letter beside them and are no name ("Vitamin D", "Ward B")."""
    from mdtboard.domain.phi_gazetteer import clinical_words
    from mdtboard.domain.phi_names import NOT_NAMES
    from mdtboard.domain.phi_people import english_frequency, given_names, surnames

    names = given_names() | surnames()
    english = {word for word, zipf in english_frequency().items() if zipf >= 3.5 and word not in names}
    return frozenset(clinical_words()) | frozenset(NOT_NAMES) | frozenset(english) | frozenset(
        w.casefold() for w in entries("abbreviations", "clinical"))


def plate_spans(text: str) -> list[tuple[int, int]]:
    """Vehicles' registrations after their label."""
    return [match.span("p") for match in _PLATE.finditer(text)]


#: Family and friends in English (the other languages' are in identifier-words.toml): not roles such as
#: "GP" or "contact", after which a known word is usually not a name.
_FAMILY = (
    r"daughter|son|wife|husband|partner|spouse|mother|mum|mom|mam|father|dad|brother|sister|neighbou?r|friend|"
    r"niece|nephew|granddaughter|grandson|grandmother|grandfather|aunt|auntie|uncle|cousin|fianc[ée]e?|"
    r"girlfriend|boyfriend|step-?(?:son|daughter|mother|father)|(?:daughter|son|sister|brother)-in-law|twin"
)


@cache
def _relation_cue() -> re.Pattern[str]:
    from mdtboard.domain.phi_forms import _words

    relations = _words(entries("relations") + entries("name_forms", "relations"))
    possessives = _words(entries("name_forms", "possessives"))
    return re.compile(rf"(?<![\w-])(?i:{_FAMILY}|{relations})(?:\s+(?i:{possessives}))?(?:\s*[,(]\s*|\s+)"
                      r"(?P<name>[A-Z][a-zà-ÿ'’]{1,14})(?![\w'’-])")


@cache
def _relation_words() -> frozenset[str]:
    return frozenset(word.casefold() for word in entries("relations"))


#: Titles, which come between the relation and the name ("his wife Mrs Duffy": the rules find the name).
_TITLES = frozenset(("mr", "mrs", "ms", "miss", "mx", "dr", "sr", "sra", "srta", "don", "doña", "dona", "dom",
                     "frau",
                     "herr", "mme", "mlle", "sig", "prof", "rev", "fr", "sister", "pastor", "pan", "pani"))


@cache
def _too_common() -> frozenset[str]:
    from mdtboard.domain.phi_people import english_frequency

    return frozenset(word for word, zipf in english_frequency().items() if zipf >= 5.0)


def relative_name_spans(text: str) -> list[Sure]:
    """A relative's name right after the relation word, in title case, that is also a known word ("her
    daughter Esi", "son Will"): questions. Words too common to be a name there ("son Is") are left."""
    spans: list[Sure] = []
    for match in _relation_cue().finditer(text):
        if match.group()[0].isupper():
            continue  # a relation word capitalised ("Mother Teresa", a heading) is not the cue
        name = match.group("name").casefold()
        if name not in _too_common() and name not in _TITLES:
            spans.append((*match.span("name"), False))
    return spans


#: A given name opening a sentence or a line and doing what a person does: "Faith described the accident",
#: "May rates pain 7-9/10", "Hope attended alone" (a name that is also a word, with no title or relation).
_ACTING_GIVEN = re.compile(
    r"(?:(?<=^)|(?<=\n)|(?<=[.!?][ \t])|(?<=[.!?][ \t]{2}))(?P<name>[A-Z][a-z'’]{2,14})[ \t]+"
    r"(?:described|describes|rates|rated|reports|reported|says|said|feels|felt|denies|denied|attended|attends|"
    r"lives|works|phoned|rang|called|cried|cries|sleeps|slept|worries|worried|admits|admitted|explains|"
    r"explained|tells|told|prefers|preferred|declined|refused|cancelled|canceled|struggles|struggled|manages|"
    r"managed|walks|walked|drives|drove|wants|wanted|hopes|hoped|agreed|agrees|missed|mentioned|mentions)\b",
    re.MULTILINE,
)


def acting_given_name_spans(text: str) -> list[Sure]:
    """A census given name opening a sentence and followed by what a person does (questions): given names
    that are English words are found here where nothing else marks them as names."""
    from mdtboard.domain.phi_people import given_names
    from mdtboard.domain.phi_safelist import clinical_terms

    spans: list[Sure] = []
    for match in _ACTING_GIVEN.finditer(text):
        name = match.group("name").casefold()  # "May rates": a modal is followed by no such verb
        if name in given_names() and name not in clinical_terms() and name not in _TITLES \
                and name not in _relation_words():  # "Son lives nearby"
            spans.append((*match.span("name"), False))
    return spans


#: A person's age said after their name or relation: "her sister Megan is 97", "Leopold ist 91".
_AGE_AFTER_PERSON = re.compile(
    r"(?<![\w'’-])(?P<who>[A-Za-zà-ÿ'’-]+)[ \t]+(?:is|was|turned|turns|ist|est|è|es|é|er|är|on|jest)[ \t]+"
    r"(?P<age>9\d|1[01]\d)(?![\d.,]\d|[ \t]*(?:%|/|mg|kg|cm|mm|bpm|per[ \t]?cent|percent|on[ \t]+air)|\d)"
)


def person_age_spans(text: str) -> list[tuple[int, int]]:
    """Ages over 89 said after a given name or a relation word ("Megan is 97", "mother is 92")."""
    from mdtboard.domain.phi_people import given_names

    spans = []
    for match in _AGE_AFTER_PERSON.finditer(text):
        who = match.group("who")
        if who[0].isupper() and who.casefold() in given_names() or re.fullmatch(_FAMILY, who.casefold()):
            spans.append(match.span("age"))
    return spans
