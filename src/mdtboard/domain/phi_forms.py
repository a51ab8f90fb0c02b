"""More general forms of identifiers, for :mod:`mdtboard.domain.phi`, each for every language we could list.

The vocabularies are data (``resources/deid/identifier-words.toml``, sections ``age_forms``, ``date_forms``,
``name_forms``, ``place_forms``, ``address_forms`` and ``institution_forms``); this module holds the shapes:

- ages over 89 written as one word with the number ("93-jährige", "93-åring", "94-anyos", "93歳") or as a
  number word ("novantaquattrenne", "dreiundneunzigjährige"), and "aged ninety" as a whole;
- dates with short month names of many languages in a date with a year ("15-ene-2026", "Nob. 23, 2026",
  "Sept 30/26", "mayo 20/2025"), the months of other calendars (Hijri, Solar Hijri, Hebrew, Thai, Nepali,
  Ethiopian: "14 Rabi' al-Thani 1448"), Japanese era and Minguo dates ("R8.3.15", "民國115年3月5日"), a
  day and month without a year that only a date can be ("start 17/11", "fall 11/28"); and the weekday or
  article written before any date ("vendredi 9 octobre 2026", "den 3 november 2026"), by :func:`widen_date`;
- names after relations and possessives of more languages ("dada yake Faith", "hustrun Ingrid"), Tagalog
  personal articles ("ni Mercy"), occupations ("Prosthetist Gord Friesen"), verbs with "by" ("Minutes taken
  by K. Soutar"), nicknames in quotes ('kallas "Gurra"', 'Jesús "Chuy" Garza'), a role in brackets after a
  name ("Shona Kerr (pharm)") or a first name in brackets heading an entry ("bekkenfysio (Marieke):"); and the
  joined parts of a name found ("Rajesh s/o Krishnan", "Turki al-Shehri", "Per-Olof"), by :func:`widen_name`;
- places below the town: a division after a name ("Meeker County"), a neighbourhood word before or after it
  ("barrio El Poblado", "Al Olaya district"), a capitalised name before a known town ("Manyatta, Kisumu"), and
  the article, compass word or "City" that belongs to a town found (:func:`widen_place`: "Y Bala", "North
  Fitzroy", "Rio Grande City");

Street addresses and institutions: :mod:`mdtboard.domain.phi_forms_sites`.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from mdtboard.domain.phi_month_words import weekday_before
from mdtboard.domain.phi_names import capitalised_words
from mdtboard.domain.phi_vocab import LOWER, UPPER, alternation, entries
from mdtboard.domain.phi_words import GENERIC, NOT_NAMES, NOT_TOWNS

Span = tuple[int, int]
DateSpan = tuple[int, int, int | None]
Sure = tuple[int, int, bool]

_NOT = NOT_NAMES | NOT_TOWNS | GENERIC
#: A capitalised word of any Latin, Greek or Cyrillic script (as in phi_world), hyphenated parts included.
CAPW = rf"(?:{UPPER}{LOWER}[^\W\d_]*|{UPPER}['’]{UPPER}[^\W\d_]+)(?:['’-][^\W\d_]+)*"
_ACRO = r"[A-Z][A-Z0-9&]{1,6}(?![\w-])"
_ROMAN = r"(?:[IVX]{1,5})(?![\w])"
_NAME = rf"(?:{CAPW}|{_ACRO}|{_ROMAN}|[A-Z](?:-[A-Z]){{1,4}}(?![\w-])|[A-Z]-{CAPW})"
_JOIN = (r"(?:\s+(?:de|la|las|los|del|of|the|and|for|von|van|der|den|le|du|des|les|da|das|do|dos|di|della|"
         r"e|y|et|und|og|och|și|im\.|&)\s+|\s+d['’]|\s+)")


def _bare(word: str) -> str:
    return word.strip("'’.,:;()\"“”").casefold()


def _words(names: list[str]) -> str:
    """One pattern matching any of ``names`` as written, the longest first (inner spaces match any spaces),
    built as a tree of their letters so that a long list costs little where none of them begins."""
    root: dict[str, dict] = {}
    for name in set(names):
        node = root
        for part in re.split(r"(\s+)", name.strip()):
            for token in ([r"\s+"] if part.isspace() else [re.escape(ch) for ch in part]):
                node = node.setdefault(token, {})
        node[""] = {}
    return "(?:" + _tree(root) + ")"


def _tree(node: dict[str, dict]) -> str:
    branches = [token + _tree(child) for token, child in sorted(node.items()) if token]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _all_known(text: str, clinical: frozenset[str]) -> bool:
    """Whether every word of ``text`` is a word that is not a name (generic, clinical, an acronym of
    departments and services)."""
    words = [_bare(w) for w in re.split(r"[\s-]+", text) if _bare(w)]
    return all(w in _NOT or w in clinical or w in _common_acronyms() or w in {"and", "of", "the", "for", "&"}
               for w in words)


@cache
def _common_acronyms() -> frozenset[str]:
    return frozenset(w.casefold() for w in entries("institution_forms", "not_acronyms"))


# ------------------------------------------------------------------------------------------------ ages

@cache
def _age_patterns() -> tuple[re.Pattern[str], ...]:
    suffixes = _words(entries("age_forms", "suffixes"))
    stems = _words(entries("age_forms", "word_stems"))
    before = _words(entries("age_forms", "before"))
    endings = _words(entries("age_forms", "word_suffixes"))
    ninety = alternation(entries("ages", "ninety"))
    units = (r"(?:one|two|three|four|five|six|seven|eight|nine|uno|dos|tres|cuatro|cinco|seis|siete|ocho|"
             r"nueve|un|deux|trois|quatre|cinq|sept|huit|neuf|due|tre|quattro|cinque|sei|sette|otto)")
    return (
        re.compile(rf"(?<![\d.,/])(?:9\d|1[01]\d)\s?-?\s?(?i:{suffixes})(?![^\W_])"),
        re.compile(r"(?<![\d.,/])(?:9\d|1[01]\d)\s?(?:歳|才|岁|歲|세)"),
        # a word for "age" before the number: "Alter: 94", "edad 93", "wiek 91", "בת 92"
        re.compile(rf"(?<![^\W_])(?i:{before})\s*:?\s*(?:9\d|1[01]\d)(?![\d/]|[.,]\d|\s*(?:%|mg|kg|cm|mm|ml|mmHg))"),
        re.compile(rf"(?<![^\W_])[^\W\d_]*(?i:{stems})[^\W\d_]*?(?i:{endings})(?![^\W_])"),
        re.compile(rf"(?<![^\W_])(?i:aged?)\s+{ninety}(?:[\s-]+(?:(?i:and|y|e|et)\s+)?(?i:{units}))?(?![^\W_])"),
    )


def age_form_spans(text: str) -> list[Span]:
    return [m.span() for pattern in _age_patterns() for m in pattern.finditer(text)]


@cache
def age_word_pattern() -> re.Pattern[str]:
    """A number word of 90 to 119 on its own ("ninety-seven"): an age when the case is known to hold one."""
    ninety = alternation([w for w in entries("ages", "ninety") if len(w) >= 6])
    return re.compile(rf"{ninety}(?:[\s-]+(?:(?i:and|y|e|et)\s+)?(?i:one|two|three|four|five|six|seven|eight|"
                      rf"nine|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve))?(?![^\W_])"
                      rf"(?!\s+(?i:per|percent|times|metres|meters|miles|mg|ml|minutes|mins|seconds|days|"
                      rf"pounds|kg|steps)\b|\s*%)")


# ----------------------------------------------------------------------------------------------- dates

_ERA_BASE = {"reiwa": 2018, "r": 2018, "heisei": 1988, "h": 1988, "showa": 1925, "shōwa": 1925, "s": 1925}


def _year(raw: str | None, today: date) -> int | None:
    if raw is None:
        return None
    value = int(raw)
    if len(raw) == 2:
        century = today.year // 100 * 100
        return century + value if value <= today.year % 100 else century - 100 + value
    return value if 1800 <= value <= 2199 else None


@cache
def _date_patterns() -> tuple[re.Pattern[str], ...]:
    from mdtboard.domain.phi_dates import MONTHS

    short = _words([w.rstrip(".") for w in entries("date_forms", "month_abbreviations")])
    full = _words(entries("date_forms", "months"))
    months = rf"(?:{MONTHS}|(?i:{full})|(?i:{short}))"
    calendar = _words(entries("date_forms", "calendar_months"))
    marks = _words(entries("date_forms", "calendar_year_marks"))
    year = r"(?P<y>(?:19|20)\d\d|\d\d)"
    return (
        # "15-ene-2026", "3.okt.2024", "12 Nob 2026"
        re.compile(rf"(?<![\w.])\d{{1,2}}(?:\.|\s|-|/)\s?(?:(?i:{short})|(?i:{full}))\.?(?:\s|-|/|\.)\s?{year}(?![\w])"),
        # "Nob. 23, 2026", "ene 5 2026"
        re.compile(rf"(?<![\w.])(?=[^\W\d_]{{2,14}}\.?\s+\d)(?:(?i:{short})|(?i:{full}))\.?\s+\d{{1,2}}"
                   rf"(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"),
        # "Sept 30/26", "mayo 20/2025", "Dec 3-24"
        re.compile(rf"(?<![\w.])(?=[^\W\d_]{{3,12}}\.?\s+\d{{1,2}}\s?[/-])(?i:{months})\.?\s+\d{{1,2}}\s?[/-]\s?(?P<y>(?:19|20)\d\d|\d\d)(?![\w/-]|\.\d)"),
        # a day and a short month joined by a hyphen, without a year: "15-ene", "3-okt."
        re.compile(rf"(?<![\w.-])\d{{1,2}}-(?:(?i:{short})|(?i:{full}))\.?(?![\w-])"),
        # the months of other calendars: "14 Rabi' al-Thani 1448", "3 Tishrei 5787", "15 ต.ค. 2569"
        re.compile(rf"(?<![\w.])\d{{1,2}}(?:st|nd|rd|th)?\s+{calendar}(?:,?\s+\d{{3,4}}(?:\s*{marks})?)(?![\w])"),
        re.compile(rf"(?<![\w.]){calendar}\s+\d{{1,2}},?\s+\d{{3,4}}(?:\s*{marks})?(?![\w])"),
        re.compile(rf"(?<![\w.])\d{{1,2}}(?:st|nd|rd|th)?\s+(?=[A-Z'א-ת\u0600-\u06ff\u0e00-\u0e7f])"
                   rf"{calendar}(?=[\s,.;)]|$)"),
        # Japanese eras in Latin letters: "Reiwa 8.3.15", "R8.3.15", "H30/4/1"
        re.compile(r"(?<![\w.])(?P<era>Reiwa|Heisei|Sh[oō]wa|R|H|S)\s?(?P<n>\d{1,2})[./-]\d{1,2}[./-]\d{1,2}(?![\w.])"),
        # the Minguo calendar of Taiwan: "民國115年3月5日"
        re.compile(r"(?:民國|民国)\s?(?P<mg>\d{1,3})\s?年\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?日)?"),
    )


#: A day and month without a year after a word that makes it a date in many languages.
_DAY_MONTH_CUES = re.compile(
    r"(?<![\w/])(?i:fall|fell|start|started|starts|starting|report\s+back|review|surgery|op|injection|"
    r"inj|scan|MRI|CT|X-?ray|US|seen|due|f/u|follow-?up|FU|next\s+(?:appt|review|visit)|ward\s+\d{1,2}|"
    r"admitted|admission|discharged?|d/c|booked|planned|DOS|vanaf|fra|från|hasta|a\s+partir\s+del?|"
    r"à\s+partir\s+du|jusqu['’]au|fino\s+al|siden|sedan|den)\s+"
    r"(?P<dm>(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|[12]\d|3[01]))(?![\w/]|[.,]\d)"
)
#: A day and month without a year that can only be a date (one number above 12, up to 31): "17/11", "11/28".
_DAY_MONTH = re.compile(
    r"(?<![\w/.,:-])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?![\w/]|[.,]\d|\s*(?:%|mg|points?|pts))"
)
#: What a fraction after these words is: a score or a reading, not a date.
_SCORE_BEFORE = re.compile(
    r"(?<![^\W_])(?i:score[sd]?|scored|total|nrs|vas|phq-?\d*|gad-?\d*|hads|odi|bpi|pcs|dn4|lanss|peg|audit|k10|mmse|moca|"
    r"power|grade|strength|mrc|bp|pulse|hr|rr|spo2|sats|temp|ratio|of|out|at|was|is|were|now|from|to|"
    r"pain|sleep|mood|anxiety|depression)\s*:?\s*(?:-|=)?\s*$|(?-i:[A-Z]{2,})-?\d*\s*:?\s*(?:-|=)?\s*$"
)


#: English weekdays, which the English ordinals follow ("Tues 10th"); not "sam" or "mar" of other languages,
#: which are words or names in English ("Sam 10th birthday").
_ENGLISH_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                     "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun")


@cache
def _weekday_day() -> re.Pattern[str]:
    """A weekday and the day of the month alone, as an English ordinal or a day and month without a year:
    "Tues 10th", "Thursday the 4th", "Mon 12/10", "mardi 12/10". The weekday makes it a date even where
    the day and month could be either way round."""
    weekdays = [w for w in entries("date_forms", "weekdays") if len(w) >= 4 and w.isalpha()]
    day = r"(?:0?[1-9]|[12]\d|3[01])"
    return re.compile(
        rf"(?<![^\W_])(?:(?i:{_words(list(_ENGLISH_WEEKDAYS))})\.?,?\s+(?:(?i:the)\s+)?{day}(?i:st|nd|rd|th)"
        rf"|(?i:{_words([*weekdays, *_ENGLISH_WEEKDAYS])})\.?,?\s+{day}/{day})(?![\w/]|[.,]\d)"
    )


def _day_month(a: int, b: int) -> bool:
    return 1 <= a <= 31 and 1 <= b <= 31 and (a <= 12) != (b <= 12)


def date_form_spans(text: str, today: date) -> list[DateSpan]:
    spans: list[DateSpan] = []
    patterns = _date_patterns()
    for index, pattern in enumerate(patterns):
        for match in pattern.finditer(text):
            groups = match.groupdict()
            if index == 7:
                year: int | None = _ERA_BASE[match.group("era").casefold()] + int(match.group("n"))
            elif index == 8:
                year = 1911 + int(match.group("mg"))
            elif index in (3, 4, 5, 6):
                year = None  # another calendar's year: replaced as a date, not by a Gregorian year
            else:
                year = _year(groups.get("y"), today)
            spans.append((*match.span(), year))
    for match in _DAY_MONTH_CUES.finditer(text):
        spans.append((*match.span("dm"), None))
    for match in _weekday_day().finditer(text):
        spans.append((*match.span(), None))
    for match in _DAY_MONTH.finditer(text):
        if _day_month(int(match.group("a")), int(match.group("b"))) and not _SCORE_BEFORE.search(
                text[max(0, match.start() - 24):match.start()]):
            spans.append((*match.span(), None))
    return spans


@cache
def _date_before() -> re.Pattern[str]:
    weekdays = [w for w in entries("date_forms", "weekdays") if len(w) >= 3]
    before = entries("date_forms", "before")
    return re.compile(rf"(?:(?<![^\W_])(?i:{_words(weekdays)})|(?<![^\W_])(?i:{_words(before)}))[,.]?\s+$")


@cache
def _short_weekday_before() -> re.Pattern[str]:
    return re.compile(rf"(?:^|(?<=\n))[ \t]*(?:{_words(entries('date_forms', 'weekdays_short'))})\.?[ \t]+$")


def widen_date(text: str, start: int) -> int:
    """A date's start widened to the weekday and the article written before it ("vendredi 9 octobre",
    "den 3 november", "le lundi 4 mars"), a weekday of any language (``phi_month_words.weekday_before``:
    "neljapäeval 20.11"), or a weekday in two letters heading a line ("Di 10/11/2026")."""
    short = _short_weekday_before().search(text, max(0, start - 8), start)
    if short is not None:
        return short.start() + len(short.group()) - len(short.group().lstrip())
    pattern = _date_before()
    for _ in range(2):
        match = pattern.search(text, max(0, start - 24), start)
        if match is None:
            break
        start = match.start()
    return weekday_before(text, start)


# ----------------------------------------------------------------------------------------------- names

@cache
def _name_cues() -> tuple[re.Pattern[str], ...]:
    relations = _words(entries("relations") + entries("name_forms", "relations"))
    possessives = _words(entries("name_forms", "possessives"))
    roles = _words(entries("name_forms", "roles"))
    by = _words(entries("name_forms", "by"))
    markers = _words(entries("name_forms", "person_markers"))
    return (
        re.compile(rf"(?<![\w-])(?i:{relations})(?:\s+(?i:{possessives}))?(?:\s*[,:(]\s*|\s+)"
                   r"(?:(?i:is|was|named|called|na\s+si|si|ni)\s+)?"),
        re.compile(rf"(?<![\w-])(?i:{roles})(?:\s*[,(]\s*|\s+)(?:(?:Dr|Dra|Mr|Mrs|Ms)\.?\s+)?"),
        re.compile(rf"(?<![\w-])(?i:{by})\s+(?:(?:Dr|Dra|Mr|Mrs|Ms)\.?\s+)?"),
        re.compile(rf"(?<![\w-]){markers}\s+(?=[A-Z])"),
    )


@cache
def _name_shapes() -> tuple[re.Pattern[str], ...]:
    called = _words(entries("name_forms", "called"))
    roles = _words(entries("name_forms", "roles_after"))
    person = rf"{CAPW}(?:\s+{CAPW}){{0,2}}"
    return (
        re.compile(rf"(?<![\w-])(?i:{called})\s*[\"“'‘«]\s*(?P<name>{CAPW}(?:\s+{CAPW})?)\s*[\"”'’»]"),
        re.compile(rf"(?P<name>{person}\s+[\"“«]{CAPW}[\"”»]\s+{CAPW}(?:[\s-]{CAPW}){{0,2}})"),
        re.compile(rf"(?P<name>{person}\s+['‘]{CAPW}['’]\s+{CAPW}(?:[\s-]{CAPW}){{0,2}})"),
        re.compile(rf"(?P<name>(?:[A-Z]\.\s?){{0,2}}{person})\s*\(\s*(?i:{roles})\s*[),;]"),
        # a first name in brackets heading an entry: "bekkenfysio (Marieke):", "OT (Orla):"
        re.compile(rf"(?:^|(?<=\n)|(?<=[.;]\s))\s*(?:[^\W\d_][^\W\d_.'’-]*\s+){{0,3}}[^\W\d_][^\W\d_'’-]*\s*"
                   rf"\(\s*(?P<name>{CAPW}(?:\s+{CAPW})?)\s*\)\s*:"),
    )


def _mid_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in ".;:!?\n(•-–"


def name_form_spans(text: str, clinical: frozenset[str] = frozenset()) -> list[Span]:
    spans = []
    for index, cue in enumerate(_name_cues()):
        for match in cue.finditer(text):
            if index < 2 and match.group()[0].isupper() and _mid_sentence(text, match.start()):
                continue  # a relation or role word written capitalised mid-sentence is a name ("Kori SH")
            span = capitalised_words(text, match.end())
            if span is None or not re.search(r"[^\W\d_]{2}", name := text[span[0]:span[1]]) or name.isupper():
                continue
            if not _all_known(name, clinical):
                spans.append(span)
    for pattern in _name_shapes():
        for match in pattern.finditer(text):
            if not _all_known(match.group("name"), clinical):
                spans.append(match.span("name"))
    return spans


#: The parts that join a name ("Rajesh s/o Krishnan", "Gwilym ap Rhys", "Turki al-Shehri", "Kamau wa
#: Njoroge").
_NAME_JOIN_AFTER = re.compile(
    rf"\s+(?:s/o|d/o|w/o|a/l|a/p|bin|binti|bte|bt\.?|ibn|ben|bat|ap|ab|verch|ferch|y|de|da|van|von|del|dos|"
    rf"al|el|wa)\s*-?\s*{CAPW}|\s+(?:al|el|ad|ar|as|ash|at|az|abu|ibn|bin|bint)-{CAPW}|-{CAPW}"
)
_NAME_JOIN_BEFORE = re.compile(rf"{CAPW}-$")


def widen_name(text: str, start: int, end: int) -> Span:
    """A name widened to the parts joined to it: "Rajesh" to "Rajesh s/o Krishnan", "Turki al" to "Turki
    al-Shehri", "Olof" to "Per-Olof"."""
    before = _NAME_JOIN_BEFORE.search(text, max(0, start - 20), start)
    if before is not None:
        start = before.start()
    if re.search(r"\s(?:al|el)$", text[start:end]):  # "Turki al" found: the particle joins the next word
        end = end - 3
    after = _NAME_JOIN_AFTER.match(text, end)
    if after is not None:
        end = after.end()
    return start, end


# ---------------------------------------------------------------------------------------------- places

@cache
def _place_patterns() -> tuple[re.Pattern[str], ...]:
    after = _words(entries("place_forms", "after"))
    lower_after = _words(entries("place_forms", "lower_after"))
    lower_before = _words(entries("place_forms", "lower_before"))
    place = rf"{CAPW}(?:[\s-]{CAPW}){{0,2}}"
    return (
        re.compile(rf"(?P<name>{place})\s+{after}(?![^\W_])"),
        re.compile(rf"(?P<name>{place})\s+{lower_after}(?![^\W_])"),
        re.compile(rf"(?<![\w-])(?i:{lower_before})\s+(?:(?:de\s+la|de|del|du|des|da|do|di|of|the)\s+)?"
                   rf"(?P<name>(?:(?:El|La|Las|Los|Le|Les|Al|An|Y|De)\s+)?{place})"),
    )


def place_form_spans(text: str, clinical: frozenset[str] = frozenset()) -> list[Sure]:
    """Places below the town: (start, end, sure); a neighbourhood word after a name is a question."""
    spans: list[Sure] = []
    for index, pattern in enumerate(_place_patterns()):
        for match in pattern.finditer(text):
            start, words = match.start("name"), match.group("name").split()
            while words and (_bare(words[0]) in _NOT or _bare(words[0]) in clinical):
                start = text.index(words[0], start) + len(words[0])
                start += len(text[start:]) - len(text[start:].lstrip())
                words = words[1:]
            if words:
                spans.append((start, match.end() if index == 0 else match.end("name"), index != 1))
    return spans


_BEFORE_TOWN = re.compile(rf"(?P<name>{CAPW}(?:[\s-]{CAPW}){{0,2}}),\s+(?P<town>{CAPW}(?:\s+{CAPW}){{0,2}})")


def neighbourhood_spans(
    text: str, towns: frozenset[str], clinical: frozenset[str] = frozenset()
) -> list[Span]:
    """A capitalised name written right before a known town ("Manyatta, Kisumu", "Lahug, Cebu City"): a
    part of that town, asked about."""
    spans = []
    for match in _BEFORE_TOWN.finditer(text):
        town = match.group("town").casefold()
        if town not in towns and town.split()[0] not in towns:
            continue
        if not _all_known(match.group("name"), clinical) and match.group("name").casefold() not in towns:
            spans.append(match.span("name"))
    return spans


@cache
def _town_edges() -> tuple[re.Pattern[str], re.Pattern[str]]:
    before = _words(entries("place_forms", "before"))
    after = _words(entries("place_forms", "after_town"))
    return (re.compile(rf"(?<![\w'’-]){before}[\s-]$"), re.compile(rf"\s+{after}(?![^\W_])"))


def widen_place(text: str, start: int, end: int) -> Span:
    """A town widened to the article or compass word before it and "City" after it ("Y Bala", "North
    Fitzroy", "Rio Grande City")."""
    before, after = _town_edges()
    match = before.search(text, max(0, start - 8), start)
    if match is not None:
        start = match.start()
    match = after.match(text, end)
    if match is not None:
        end = match.end()
    return start, end
