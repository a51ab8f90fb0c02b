"""Identifiers written without capitals, for :mod:`mdtboard.domain.phi`: letters typed by voice recognition
and hurried notes keep no capitals, so the rules that look for capitalised words see nothing. Each rule here
needs a strong cue beside the lower-case words, and the words themselves must not be clinical words, drugs
or common English words (every span is a question):

- a UK postcode in lower case, whose shape is unambiguous ("ls6 2qd", "m14 5rt": an outward code, a space,
  a digit and two letters of the inward alphabet; never "c5 6th"), and the town words before it on its line
  ("..., kirkstall ls6 2qd");
- a postcode with a country's prefix before a town or after one ("NL-1017 Amsterdam", "Vilnius, LT-01108");
- a title in lower case and a name ("mr pennycook", "mrs j aldous", "dr r mcquarrie");
- a house number, a street name and a street's kind in lower case ("7 tolpuddle rise", "22 ashgrove lane");
- a hospital, an infirmary or a practice in lower case with its name before it ("the beeches medical
  practice", "harrogate district hospital", "airedale general infirmary");
- a hospital named after a saint or a town's general hospital after "at", "to", "from" ("seen at st luke's",
  "transferred to bristol general");
- a town of the gazetteer in lower case after "in", "from", "at", "near" that English word lists know
  and is no common word ("lives in wakefield", never "in bath" nor Dutch "in haar");
- a user name after "printed by", "run by", "booked by", "host", "user" and their like in other languages
  ("run by dmcallister", "booked by tpatel2", "edited by s.okafor_rn"), and in brackets with digits, as
  systems print who typed a line ("Typed: 14/08/2020 (bhale43)");
- "Surname Initial (Dr)", as systems print their users ("Penrose H (Dr)").
"""

from __future__ import annotations

import re
from functools import cache

from mdtboard.domain.phi_people import english_frequency, given_names, surnames

LowerCue = tuple[int, int, str]  # start, end, kind ("postcode", "place", "name", "address", "institution")

#: A lower-case word rarer than this in English may be a name; a commoner one is a word ("mr scan").
_RARE = 3.6
#: A word of a street's or an institution's name may be no commoner than this ("fink hill", "wharf dale").
_NAME_WORD = 4.5
#: A given name in lower case after a relation may be no commoner than this as an English word ("husband
#: dave", "daughter grace"; not "wife may", "son will").
_RELATIVE_WORD = 4.7
#: A town written in lower case after "in" may be no commoner than this as an English word ("in bath").
_TOWN_WORD = 4.1

_INWARD = "abdefghjlnpqrstuwxyz"
_POSTCODE = re.compile(rf"(?<![\w-])[a-z]{{1,2}}\d[a-z\d]?[ \t]\d(?P<in>[{_INWARD}]{{2}})(?![\w-])")
_TOWN_BEFORE = re.compile(r"(?:^|,)[ \t]*(?P<t>[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){0,2})[ \t]*,?[ \t]*$")
_ORDINALS = frozenset({"st", "nd", "rd", "th"})
_COUNTRIES = ("A|AT|B|BE|BG|CH|CY|CZ|D|DE|DK|E|EE|ES|F|FI|FR|GR|H|HR|HU|I|IE|IS|IT|L|LI|LT|LU|LV|M|MC|NL|NO|"
              "P|PL|PT|RO|S|SE|SI|SK")
_COUNTRY_POSTCODE = re.compile(
    rf"(?:(?<=[^\W\d_],[ \t])|(?<=[^\W\d_],))(?P<a>(?:{_COUNTRIES})-\d{{4,5}})(?![\w-])|"
    rf"(?<![\w-])(?P<b>(?:{_COUNTRIES})-\d{{4,5}})(?=[ \t]+[A-ZÀ-ÖØ-Þ])"
)
_TITLE = re.compile(
    r"(?<![\w-])(?:mr|mrs|ms|miss|dr|doctor|prof|sister|Mr|Mrs|Ms|Dr)\.?[ \t]+(?:(?P<i>[a-z])\.?[ \t]+)?"
    r"(?P<n>[a-z][a-z'’-]{2,})(?:[ \t]+(?P<m>[a-z][a-z'’-]{2,}))?(?![\w-])"
)
_STREET_KINDS = ("lane|road|street|avenue|close|drive|crescent|terrace|grove|way|place|gardens|hill|rise|"
                 "court|walk|row|mews|green|view|park|gate|square|parade|vale|wynd|brow|fold|croft|bank|mount")
_STREET = re.compile(
    rf"(?<![\w/.,-])\d{{1,4}}[a-z]?,?[ \t]+(?P<w>[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+)?)"
    rf"[ \t]+(?:{_STREET_KINDS})(?![\w-])"
)
_INSTITUTION = re.compile(
    r"(?P<k>(?:general|royal|district|memorial|community|university|cottage)[ \t]+(?:infirmary|hospital)|"
    r"infirmary|hospital|hospice|medical[ \t]+(?:practice|centre|center)|health[ \t]+(?:centre|center)|"
    r"surgery[ \t]+(?=\d))(?![\w-])"
)
_WORD_BEFORE = re.compile(r"(?P<w>[a-z][a-z'’-]+)[ \t]+$")
#: A hospital named after a saint, or a town's general hospital, in lower case after a word leading to a
#: place: "seen at st luke's", "transferred to bristol general".
_SAINT_OR_GENERAL = re.compile(
    r"(?<![\w-])(?:at|to|from|into)[ \t]+(?:(?P<s>st\.?[ \t]+(?P<n>[a-z]+)['’]s)|"
    r"(?P<g>(?P<t>[a-z][a-z'’-]+(?:[ \t][a-z][a-z'’-]+)?)[ \t]+general))(?![\w'’-])"
    r"(?![ \t]+(?:practi|surg|medic|anaes|physic|hospital|infirmary|manager|public|health|ward|dental))"
)
#: What stands before a lower-case institution's name: a line's start, a mark, or an English word that leads
#: to a place ("at", "the"); not the words of another language ("selalu hantar ke hospital").
_BEFORE_NAME = re.compile(r"(?:\A|[\n(,;:/–-]|(?<![\w-])(?:at|to|from|in|the|of|with|by|into|and|via|for))"
                          r"[ \t]*$")
_TOWN_AFTER = re.compile(r"(?<![\w-])(?:in|from|at|near|to)[ \t]+"
                         r"(?P<t>[a-z][a-z'’-]+(?:[ \t][a-z][a-z'’-]+)?)(?![\w-])")
_LOGIN = re.compile(
    r"(?<![\w-])(?:(?i:printed|run|booked|logged|entered|amended|created|edited|updated|signed|scheduled|"
    r"authori[sz]ed|verified|reviewed|dispensed|checked)[ \t]+by|(?P<by>by)|"
    r"(?i:user(?:name|id)?|login|host|operator|requestor|requester)|"
    r"(?i:vytla[čc]il[a]?|vytiskl[a]?|gedruckt[ \t]+von|imprimé[ \t]+par|impreso[ \t]+por|impresso[ \t]+por|"
    r"stampato[ \t]+da|in[ \t]+bởi|utskrift[ \t]+av|wydrukował[a]?))[ \t]*:?[ \t]+"
    r"(?P<u>[a-z][a-z0-9_]{0,20}(?:\.[a-z0-9_]{2,20})?)(?![\w@-])(?!\.\w)"
)
#: A user name in brackets, as record systems and message logs print who typed a line: "Typed: 14/08/2020
#: (bhale43)", "09:02 clinic (pmerwe58):": letters and one to three digits.
_LOGIN_IN_BRACKETS = re.compile(r"(?<=\()(?P<u>(?P<l>[a-z]{4,14})\d{1,3})(?=\))")
#: A user name alone in brackets where a log names who wrote a line: "09:02 clinic (sokwuosa):", "DN visit
#: log (msebunya)", "phone fu 29/4 (kh):".
_LOGGED_BY = re.compile(
    r"(?:(?<=\()(?P<u>[a-z][a-z._]{1,14})(?=\)[ \t]*:)|"
    r"(?<![\w-])(?i:log|msg|message|note|entry)[ \t]+\((?P<v>[a-z][a-z._]{3,14})\))")
#: A time or a day and month earlier on a log's line.
_STAMP = re.compile(r"\d{1,2}[:/.]\d{1,2}")
#: A relative's given name in lower case after the relation: "husband dave", "daughter lou", "his son kofi".
_RELATIVE_LOWER = re.compile(
    r"(?<![\w-])(?P<own>(?:his|her|their|my|your|our)[ \t]+)?"
    r"(?:husband|wife|partner|son|daughter|brother|sister|mother|father|mum|mom|dad|nan|gran|"
    r"grandson|granddaughter|neighbour|neighbor|friend|carer|cousin|niece|nephew|aunt|uncle)[ \t]+"
    r"(?P<n>[a-z][a-z'’-]{2,14})(?![\w'’-])")
_SYSTEM_NAME = re.compile(r"(?<![\w-])(?P<n>[A-Z][a-z'’-]{2,}[ \t][A-Z])[ \t]*\((?:Dr|Mr|Mrs|Ms|Miss|Prof)\)")


@cache
def _not_names() -> frozenset[str]:
    from mdtboard.domain.phi_gazetteer import clinical_words
    from mdtboard.domain.phi_names import cue_words
    from mdtboard.domain.phi_safelist import clinical_terms, drug_names

    return frozenset(clinical_words() | clinical_terms() | drug_names() | cue_words())


def _zipf(word: str) -> float:
    return english_frequency().get(word.strip("'’").casefold(), 0.0)


def _name_like(word: str) -> bool:
    """Whether a lower-case word may be a person's name: rare in English, or a census name not common."""
    key = word.casefold()
    if key in _not_names():
        return False
    zipf = _zipf(key)
    return zipf == 0.0 or zipf < _RARE and (key in surnames() or key in given_names())


def _proper_words(words: list[str]) -> bool:
    """Whether lower-case words may be a street's or an institution's name: none clinical or common, one
    rare (or a town)."""
    from mdtboard.domain.phi_gazetteer import town_names

    keys = [w.casefold() for w in words]
    if any(k in _not_names() or _zipf(k) >= _NAME_WORD for k in keys):
        return False
    return any(_zipf(k) < _RARE or k in town_names() for k in keys)


def lower_case_spans(text: str) -> list[LowerCue]:
    """The identifiers of the module's points, as (start, end, kind)."""
    if not any(ch.isdigit() or ch.islower() for ch in text):
        return []
    spans: list[LowerCue] = []
    spans += _postcodes(text)
    for match in _COUNTRY_POSTCODE.finditer(text):
        spans.append((*match.span("a" if match.group("a") else "b"), "postcode"))
    spans += _titled_names(text)
    for match in _STREET.finditer(text):
        if _proper_words(match.group("w").split()):
            spans.append((*match.span(), "address"))
    spans += _institutions(text)
    spans += _towns(text)
    spans += _saints_and_generals(text)
    for match in _LOGIN.finditer(text):
        login = match.group("u")
        letters = re.sub(r"[\d._]", "", login)
        marked = letters != login and len(letters) >= 3
        if letters.casefold() in _not_names() or _zipf(letters) > 0.0 and not marked:
            continue
        if marked or len(login) >= 5 and not match.group("by"):
            spans.append((*match.span("u"), "name"))
    for match in _LOGGED_BY.finditer(text):
        group = "u" if match.group("u") else "v"
        login = match.group(group)
        letters = re.sub(r"[._]", "", login)
        line = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
        stamped = group == "v" or _STAMP.search(line) is not None  # "09:02 clinic (x):", not "Note (x):"
        if stamped and letters not in _not_names() and _zipf(letters) == 0.0:
            spans.append((*match.span(group), "name"))
    for match in _RELATIVE_LOWER.finditer(text):
        word = match.group("n")
        if word in _not_names():
            continue
        # a word no list knows only after "his son", "her husband": in other languages "son" is "his"
        if (_zipf(word) == 0.0 and len(word) >= 4 and match.group("own")
                or word in given_names() and _zipf(word) < _RELATIVE_WORD):
            spans.append((*match.span("n"), "name"))
    spans += [(*m.span("u"), "name") for m in _LOGIN_IN_BRACKETS.finditer(text)
              if m.group("l") not in _not_names() and _zipf(m.group("l")) == 0.0]
    spans += [(*m.span("n"), "name") for m in _SYSTEM_NAME.finditer(text)
              if m.group("n").split()[0].casefold() not in _not_names()]
    return spans


def _postcodes(text: str) -> list[LowerCue]:
    spans: list[LowerCue] = []
    for match in _POSTCODE.finditer(text):
        if match.group("in") in _ORDINALS:
            continue
        spans.append((*match.span(), "postcode"))
        # the town words before it on its line, after a comma or an address: "..., kirkstall ls6 2qd"
        line = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
        before = _TOWN_BEFORE.search(line)
        if before and _proper_words(before.group("t").split()):
            start = match.start() - len(line) + before.start("t")
            spans.append((start, start + len(before.group("t")), "place"))
    return spans


def _titled_names(text: str) -> list[LowerCue]:
    spans: list[LowerCue] = []
    for match in _TITLE.finditer(text):
        if not _name_like(match.group("n")):
            continue
        start = match.start("i") if match.group("i") else match.start("n")
        end = match.end("m") if match.group("m") and _name_like(match.group("m")) else match.end("n")
        spans.append((start, end, "name"))
    return spans


def _institutions(text: str) -> list[LowerCue]:
    spans: list[LowerCue] = []
    for match in _INSTITUTION.finditer(text):
        start, names = match.start(), list[str]()
        while len(names) < 3 and (word := _WORD_BEFORE.search(text, 0, start)) is not None:
            if word.group("w") == "the" or word.start() > 0 and text[word.start() - 1] not in " \t\n(,;:":
                break
            if word.group("w").casefold() in _not_names() or _zipf(word.group("w")) >= _NAME_WORD:
                break
            names.insert(0, word.group("w"))
            start = word.start()
        # a name of three words, or with a word of two letters, is more likely a sentence of another
        # language ("selalu hantar ke hospital")
        if not names or not _proper_words(names) or any(len(w) < 3 for w in names) or len(names) > 2 and (
                not re.search(r"(?<![\w-])(?:at|to|from|the|of|in)[ \t]+$", text[max(0, start - 6):start])):
            continue
        if not _BEFORE_NAME.search(text, 0, start):
            continue
        the = re.search(r"(?<![\w-])the[ \t]+$", text[max(0, start - 4):start])
        spans.append((start - (len(the.group()) if the else 0), match.end("k"), "institution"))
    return spans


def _towns(text: str) -> list[LowerCue]:
    from mdtboard.domain.phi_gazetteer import town_names

    towns, spans = town_names(), []
    for match in _TOWN_AFTER.finditer(text):
        words = match.group("t").split()
        for count in (2, 1):
            key = " ".join(words[:count])
            # a town English writes (so in English word lists: "leeds", "wakefield"), not a common word
            # ("bath") nor a word of another language that a town is named ("in haar", "in sala")
            if len(words) >= count and key in towns and key not in _not_names() and (
                    count == 2 or 0.0 < _zipf(key) < _TOWN_WORD):
                start = match.start("t")
                spans.append((start, start + len(key), "place"))
                break
    return spans


def _saints_and_generals(text: str) -> list[LowerCue]:
    from mdtboard.domain.phi_gazetteer import town_names

    spans: list[LowerCue] = []
    for match in _SAINT_OR_GENERAL.finditer(text):
        if match.group("s") and match.group("n") in given_names():
            spans.append((*match.span("s"), "institution"))
        elif match.group("g"):
            town = match.group("t")
            common = " " not in town and not 0.0 < _zipf(town) < _TOWN_WORD
            if town in town_names() and town not in _not_names() and not common:
                spans.append((*match.span("g"), "institution"))
    return spans
