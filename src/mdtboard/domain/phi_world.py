"""Identifiers found by the words of many languages around them, for :mod:`mdtboard.domain.phi`.

The vocabularies are data (:mod:`mdtboard.domain.phi_vocab`, ``resources/deid/identifier-words.toml``);
this module holds the shapes of phrase they are used in:

- ages over 89 in every form: digits before a word for "years" in many languages ("94 år", "96 de ani"),
  number words ("ninety-two years old"), "nonagenarian", a bare age in brackets after a name ("Earline
  Whitaker (91)") or after "alive at", "died at", "turned";
- names after a relation or a title of many languages ("Datter Mette", "kayınvalide Fadime", "drs. P.
  Hendriks", "BS Lê Thị Thu"), before an honorific ("Fadime Hanım") or a credential ("Tamika Harris, MSW"),
  a nickname in quotes ("Siobhán ('Shiv')"), a relation's name in brackets ("her mother's (Lee Soon-ja)");
- institutions with a kind before or after their name, or at the end of one word ("Sykehuset Innlandet",
  "Aarhus Kommune", "Universitetshospital", "Fåberg legesenter"), companies by their legal form ("Van Wijk
  B.V."), and workplaces after a label ("Werkgever ...", "İş yeri ...", "works part time at ...");
- record numbers after the labels of many languages ("Journalnr.", "Ficha", "Mã BN") and, as a question,
  codes of capitals and digits without a label ("SCJU-2024-33120");
- street addresses with a street word of many languages before or after the name or at the end of a word,
  with plots, lots, Korean "-ro/-gil" and Japanese block numbers, widened to the flat, floor or unit that
  follows ("bus 2", ", 2. tv.", ", apt 9", ", ap. 4");
- postcodes of many countries (a table of national formats) after a label, between a comma and a town,
  and their towns; places after an administrative division ("Quận 1", "Co. Cork", "Mapo-gu");
- dates with the month names of more languages, the year-month-day dates of Japan, China and Korea (and
  Japan's era years), Vietnamese "5 tháng 3 năm 2024", and a feast day with a year ("Deepavali 2021").
"""

from __future__ import annotations

import re
from functools import cache

from mdtboard.domain.phi_names import capitalised_words
from mdtboard.domain.phi_numbers import LABELLED_NUMBER
from mdtboard.domain.phi_vocab import LOWER, UPPER, alternation, entries, postcode_formats
from mdtboard.domain.phi_words import GENERIC, NOT_NAMES, NOT_TOWNS

Span = tuple[int, int]

#: A capitalised word of any Latin, Greek or Cyrillic script ("İstanbul", "El-Merghany", "O'Riordan").
CAPW = rf"(?:{UPPER}{LOWER}[^\W\d_]*|{UPPER}['’]{UPPER}[^\W\d_]+)(?:['’-][^\W\d_]+)*"
_ACRO = r"[A-Z]{2,6}(?![\w])"
_JOIN = (r"(?:(?:\s+(?:de|la|las|los|del|of|the|and|von|van|der|den|le|du|des|les|da|das|do|dos|di|della|"
         r"e|y|et|und|og|och|și|&)){1,3}\s+|\s+d['’]|\s+|-)")
_NOT = NOT_NAMES | NOT_TOWNS | GENERIC
#: The units after "ninety" ("ninety-two", "noventa y dos", "quatre-vingt-douze").
_UNITS = (r"(?i:one|two|three|four|five|six|seven|eight|nine|uno|dos|tres|cuatro|cinco|seis|siete|ocho|"
          r"nueve|um|dois|três|quatro|sete|oito|nove|un|deux|trois|quatre|cinq|sept|huit|neuf|onze|douze|"
          r"treize|quatorze|quinze|seize|dix|due|tre|quattro|cinque|sei|sette|otto)(?![^\W_])")
_NUMBER_GUARD = r"(?!\s*(?:%|mg|mcg|ml|mL|mmol|kg|cm|mm|MME|g\b|/|[.,]\d))"


def _bare(word: str) -> str:
    return word.strip("'’.,:;()").casefold()


# ------------------------------------------------------------------------------------------------ ages

@cache
def _age_patterns() -> tuple[re.Pattern[str], ...]:
    years = alternation(entries("ages", "years_after"))
    ninety = alternation(entries("ages", "ninety"))
    return (
        re.compile(rf"(?<![\d.,/])(?:9\d|1[01]\d)(?:\s*-?\s*|\s+de\s+){years}(?:[\s-]+(?i:old|oud|alt|gammel))?"
                   r"(?![^\W_])"),
        re.compile(rf"{ninety}(?:[\s-]?(?:(?i:and|y|e|et|und|og|och|și)[\s-]?)?[^\W\d_]+)?[\s-]+{years}"
                   r"(?:[\s-]+(?i:old))?(?![^\W_])"),
        re.compile(rf"{ninety}-(?i:year|yr)-(?i:old)"),
        re.compile(alternation(entries("ages", "over_89"))),
        re.compile(rf"(?P<who>{CAPW})\s*\((?P<n>9\d|1[01]\d)(?:\s*(?:y|yo|yrs?|F|M|f|m)\b)?(?=\s*[),;])"),
        # "She is ninety-two", "turned a hundred" (not "a hundred percent")
        re.compile(rf"\b(?i:aged?|is|was|turned|turns|turning|now)\s+(?P<n>{ninety}(?:[\s-]+(?:(?i:and|y|e|et)\s+)?"
                   rf"{_UNITS})?)(?![^\W_])(?!\s+(?i:per|percent|times|metres|meters|miles|mg|ml|pounds|kg)\b|\s*%)"),
        # "93M, lives alone", "(91F)", "94 yo F" at the start of a text or in brackets: age and sex
        re.compile(r"(?:^|(?<=[(\[]))(?P<n>9\d|1[01]\d)\s?(?:(?:yo|y/o|y\.o\.)\s?)?[FM](?![\w°])"),
        re.compile(r"\b(?i:alive|died|dead|living|passed\s+away|turned|turns|turning|is\s+now|now|still\s+\w+)"
                   rf"\s+(?i:at\s+|aged?\s+)?(?P<n>9\d|1[01]\d)\b{_NUMBER_GUARD}"),
    )


def age_spans(text: str) -> list[Span]:
    spans = []
    for pattern in _age_patterns():
        for match in pattern.finditer(text):
            if match.groupdict().get("who") and _bare(match.group("who")) in _NOT:
                continue  # an age in brackets follows a person's name ("Earline Whitaker (91)")
            group = "n" if "n" in pattern.groupindex else 0
            spans.append(match.span(group))
    return spans


# ----------------------------------------------------------------------------------------------- names

@cache
def _name_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    relations = alternation(entries("relations"))
    titles = alternation(entries("titles", "before"), as_written=True)
    return (
        re.compile(rf"{relations}(?:\s*[,:(-]\s*|\s+)(?:(?:is|was|named|called|er|es|est|ist|är|heter|hedder)\s+)?"),
        re.compile(rf"(?<![\w.]){titles}\s*(?=[^\W\d_])"),
    )


@cache
def _name_shapes() -> tuple[re.Pattern[str], ...]:
    after = alternation(entries("titles", "after"), as_written=True)
    credentials = alternation(entries("titles", "credentials"), as_written=True)
    person = rf"{CAPW}(?:\s+{CAPW}){{0,2}}"
    return (
        re.compile(rf"(?P<name>{CAPW})[\s-]{after}"),
        re.compile(rf"(?P<name>{CAPW}(?:\s+{CAPW}){{1,2}}),\s+{credentials}"),
        re.compile(rf"\(\s*['‘\"“](?P<name>{CAPW})['’\"”]\s*\)"),
        re.compile(rf"(?<![\w.])(?i:a\.?k\.?a\.?|known\s+as|goes\s+by|nicknamed)\s+['‘\"“]?(?P<name>{CAPW})"),
        re.compile(r"\b(?i:mother|father|wife|husband|daughter|son|sister|brother|partner|aunt|uncle)['’]s\s*"
                   rf"\(\s*(?P<name>{person})\s*\)"),
    )


def name_spans(text: str) -> list[Span]:
    spans = []
    for cue in _name_cues():
        for match in cue.finditer(text):
            span = capitalised_words(text, match.end())
            if span is not None and _bare(text[span[0]:span[1]].split()[0]) not in _NOT:
                spans.append(span)
    for pattern in _name_shapes():
        for match in pattern.finditer(text):
            words = match.group("name").split()
            if not all(_bare(w) in _NOT for w in words):
                spans.append(match.span("name"))
    return spans


# ---------------------------------------------------------------------------------------- institutions

@cache
def _institution_patterns() -> tuple[re.Pattern[str], ...]:
    after = alternation(entries("institutions", "after"), as_written=True)
    before = alternation(entries("institutions", "before"), as_written=True)
    endings = "|".join(sorted(entries("institutions", "word_endings"), key=len, reverse=True))
    legal = alternation(entries("institutions", "legal_forms"), as_written=True)
    labels = alternation(entries("institutions", "employer_labels"))
    name = rf"(?:{CAPW}|{_ACRO})"
    kind = (r"(?:\s+(?:[a-zà-ÿ]+\s+)?(?:centre|center|office|store|shop|branch|plant|factory|warehouse|depot|"
            r"site|mill|mine|farm|school|hospital|clinic|church|call\s+centre))?")
    return (
        re.compile(rf"(?P<pre>(?:{name}{_JOIN}){{0,5}}{name})\s+(?:&\s+)?{after}(?:-{CAPW})?"),
        re.compile(rf"(?<![\w.]){before}(?:\s+(?:[a-zà-ÿ]{{2,12}}\s+){{0,2}}(?=(?:de|del|des|du|da|di|do)\b))?"
                   rf"(?:\s+(?:de\s+la|de|del|des|du|da|das|do|dos|di|della|d['’]|am|im|zum|zur|van|voor)\s*)?"
                   rf"\s*(?:(?:{name}|św\.|Sf\.){_JOIN}){{0,4}}{name}"),
        re.compile(rf"(?:(?:{CAPW})\s+){{0,2}}{UPPER}{LOWER}{{2,}}(?:{endings})(?![^\W_])"
                   rf"(?:\s+{CAPW}(?=\s*[,.;:)!?]|\s*$))?"),
        re.compile(rf"{CAPW}\s+{LOWER}{{2,}}(?:{endings})(?![^\W_])"),
        re.compile(rf"(?:{name}(?:{_JOIN}|\s+)){{0,4}}{name}(?:\s*\({CAPW}(?:\s+{CAPW})?\))?,?\s+{legal}"),
        re.compile(rf"{labels}\s*:?\s*(?:(?i:the|la|le|el|de|het|die|der|das|a|an|l['’])\s+)?"
                   rf"(?:[a-zà-ÿ]+\s+){{0,3}}?(?P<employer>{name}(?:{_JOIN}(?:{name}|B\.V\.)){{0,4}}){kind}"),
    )


_DETERMINERS = frozenset({"the", "a", "an", "our", "his", "her", "their", "at", "from", "in", "to"})


def institution_world_spans(text: str) -> list[Span]:
    spans = []
    for index, pattern in enumerate(_institution_patterns()):
        for match in pattern.finditer(text):
            group = "employer" if index == 5 else "pre" if index == 0 else 0
            words = match.group(group).split()
            if all(_bare(w) in _NOT or _bare(w) in {"and", "of", "the"} for w in words):
                continue
            start, end = match.start(group if index == 5 else 0), match.end()
            if index == 0:  # "The ..." and words that say nothing before the name stay out
                for word in words:
                    if _bare(word) in NOT_NAMES - NOT_TOWNS - GENERIC or _bare(word) in _DETERMINERS:
                        start = text.index(word, start) + len(word) + 1
                    else:
                        break
            while end > start and text[end - 1] in " ,;:":
                end -= 1
            if end > start:
                spans.append((start, end))
    return spans


#: A name after "at" (or the word for it in French, Italian and Portuguese; not German, which capitalises
#: every noun): "fixed at Bronglais", "radiotherapy at Korle
#: Bu", "epidural at Bon Secours Galway". Only a question: it may be a town, a ward or a word.
_AT_NAME = re.compile(
    rf"(?<![\w'’])(?i:at|à|presso|em)\s+(?:the\s+)?(?:(?i:old|new|former|local|main|big|little|nearby)\s+)?"
    rf"(?P<name>(?:[A-Z]\.\s?){{1,3}}{CAPW}|[A-Z](?:-[A-Z]){{1,4}}(?![\w-])|{CAPW}(?:\s+{CAPW}){{0,2}})"
)


#: Parts of a hospital written capitalised after "at" ("seen at Outpatients"): not a name.
_DEPARTMENTS = frozenset({
    "outpatient", "outpatients", "theatre", "theatres", "recovery", "reception", "triage", "radiology",
    "pharmacy", "casualty", "admissions", "dialysis", "endoscopy", "x-ray", "physio", "physiotherapy",
    "rehab", "rehabilitation", "week", "day", "month", "visit", "baseline", "follow-up", "review",
    "discharge",
})


def at_name_spans(text: str, clinical: frozenset[str] = frozenset()) -> list[Span]:
    """Capitalised words after "at" that no vocabulary knows (not a generic, clinical, month or place
    word above the town): questions. ``clinical``: the words of mdtboard's clinical texts (caseless)."""
    spans = []
    for match in _AT_NAME.finditer(text):
        words = [_bare(w) for w in match.group("name").split()]
        known = _NOT | _DEPARTMENTS
        if not any(w in known or w in clinical or w[:-1] in known for w in words):
            spans.append(match.span("name"))
    return spans


# ------------------------------------------------------------------------------------------ numbers

@cache
def _record_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    labels = alternation(entries("records", "labels"))
    code = (r"(?P<code>(?=[A-Z0-9./-]*(?:\s[A-Z0-9-]*)?\d)[A-Z0-9](?:[A-Z0-9-]|[./](?=[A-Z0-9])|"
            r"\s(?=[A-Z0-9-]*\d)){3,}[A-Z0-9])")
    return (
        re.compile(rf"{labels}\.?\s*(?:(?i:is|was|es|est|ist|er|är)\s+)?(?:#|:|(?i:no)\.?|n[°º]\.?|(?i:nr)\.?)?\s*:?\s*{code}"),
        re.compile(r"(?<![\w/-])(?P<code>[A-Z]{2,6}(?:[-/][A-Z]{2,6}){0,3}(?:[-/]|\s)"
                   r"\d{2,}(?:[-/]\d{2,}){0,4})(?![\w/-]|[.,]\d)"),
    )


_DATE_LIKE = re.compile(r"(?:19|20)\d\d(?:[-/](?:19|20)?\d\d)?$|\d{1,4}[-/]\d{1,2}[-/]\d{2,4}$")


def record_spans(text: str) -> list[tuple[int, int, bool]]:
    """Record numbers: (start, end, sure); sure after a label, a question without one."""
    labelled, unlabelled = _record_patterns()
    spans = [(*m.span("code"), True) for m in labelled.finditer(text)]
    known = [m.span("code") for m in LABELLED_NUMBER.finditer(text)] + [s[:2] for s in spans]
    for match in unlabelled.finditer(text):
        code = match.group("code")
        if any(s < match.end() and match.start() < e for s, e in known):
            continue  # the label's own letters are not part of the number ("TRN 112-458-903")
        digits = re.split(r"[-/\s]", code, maxsplit=1)[1] if re.search(r"[-/\s]", code) else ""
        # five digits or more, one run of four or more ("BP 120/80" is a reading), not a date or years
        if (sum(ch.isdigit() for ch in code) >= 5 and re.search(r"\d{4}", digits)
                and not _DATE_LIKE.match(digits)):
            spans.append((*match.span("code"), False))
    return spans


# --------------------------------------------------------------------------------------- addresses

@cache
def _address_patterns() -> tuple[re.Pattern[str], ...]:
    before = alternation(entries("streets", "before"), as_written=True)
    after = alternation(entries("streets", "after"), as_written=True)
    endings = "|".join(re.escape(e) for e in sorted(entries("streets", "word_endings"), key=len,
                                                    reverse=True))
    particles = r"(?:de|del|la|las|los|da|do|dos|das|di|della|des|du|le|les|am|an\s+der|im|zum|zur)"
    sname = rf"(?:{CAPW}|[IVX]{{1,4}}\b|\d{{1,4}}\.?)"
    number = r"(?:(?i:nr|no|n[°º])\.?\s*:?\s*)?\d{1,5}[A-Za-z]?(?:/\d{1,4})?\b"
    return (
        re.compile(rf"(?<![\w.]){before}\s+(?:{particles}\s+)*(?:{sname},?\s+(?:{particles}\s+)*){{0,4}}{number}"),
        re.compile(rf"(?<![\w.])(?:Plot|Lot|Stand|Erf|House\s+No\.?|H\.\s?No\.?|Door\s+No\.?)\s+\d+[A-Z]?"
                   rf"(?:,\s*(?:Block|Blk|Phase|Sector)\s+\w+)?(?:,\s*(?:{CAPW}\s+){{0,3}}(?:{CAPW}|{after}))?"),
        re.compile(rf"\b(?:\d{{1,4}}/)?\d{{1,5}}[A-Za-z]?,?\s+(?:{CAPW}\s+){{1,3}}{after}"),
        re.compile(rf"{CAPW}\s+(?:Mah\.|Mahallesi|Mh\.)\s+(?:\d+\.|{CAPW}(?:\s+{CAPW})?)\s+"
                   r"(?:Sk\.|Sok\.|Sokak|Sokağı|Cad\.|Cd\.|Caddesi|Bulvarı|Blv\.)(?:\s*No\s*:?\s*\d+\w?)?"),
        re.compile(rf"{UPPER}[^\W\d_]*(?:{endings})\s+\d{{1,4}}[a-z]?\b"),
        re.compile(r"\b\d{1,5}(?:-\d{1,4})?\s+[A-Z][^\W\d_]*-(?:ro|gil|daero|dong|dori)(?:\s+\d{1,3}(?:beon)?-?gil)?\b"),
        re.compile(rf"\b{CAPW}(?:-(?:ku|shi|cho|machi))?\s+\d{{1,2}}-\d{{1,3}}-\d{{1,3}}\b"),
        re.compile(r"(?i:address|adres|adresse|direcci[óo]n|domicilio|endereço|morada|indirizzo|adresa|domiciliu|"
                   r"địa\s+chỉ|alamat|anschrift|lives|living|resides)\s*:?\s+"
                   rf"(?P<a>(?:\d{{1,4}}/)?\d{{1,5}}[A-Za-z]?(?:/\d{{1,4}})?,?\s+{CAPW}(?:\s+{CAPW}){{0,3}})"),
    )


def address_world_spans(text: str) -> list[Span]:
    spans = []
    for pattern in _address_patterns():
        for match in pattern.finditer(text):
            spans.append(match.span("a" if "a" in pattern.groupindex else 0))
    return spans


@cache
def _unit_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    units = alternation(entries("streets", "units"))
    buildings = alternation(entries("streets", "buildings"), as_written=True)
    return (
        re.compile(rf"(?:,?\s*(?:{units}\s*:?\s*[A-Z0-9]{{1,5}}\b\.?|\d{{1,2}}\.\s*(?:tv|th|mf|sal)\b\.?|"
                   rf"\d{{1,2}}\s*[º°ª]\s*[A-Z]?\b)|,\s*(?:{CAPW}\s+){{1,2}}{buildings}\s+\d{{1,4}}\b)+"),
        re.compile(rf"(?:\b(?:{units})\s*\d{{1,5}}[A-Z]?,\s*|\b\d{{1,3}}/\d{{1,3}},\s*)$"),
    )


def widen_address(text: str, start: int, end: int) -> Span:
    """An address widened to the flat, floor, door or unit written after it (", apt 9", " bus 2",
    ", 2. tv.", ", ap. 4", ", Sunny Heights 201") or before it ("Room 502, ", "2/1, ")."""
    after, before = _unit_patterns()
    match = after.match(text, end)
    if match is not None:
        end = match.end()
        while text[end - 1] in " ,":
            end -= 1
    prior = before.search(text, max(0, start - 20), start)
    if prior is not None:
        start = prior.start()
    return start, end


# ------------------------------------------------------------------------------------ postcodes, places

@cache
def _postcode_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    formats = postcode_formats()
    shapes = "|".join(f"(?:{p})" for p, _e, _d in sorted(set(formats.values()), key=lambda f: -len(f[0])))
    distinct = "|".join(f"(?:{p})" for p, _e, d in formats.values() if d)
    labels = alternation(entries("postcode_labels", "words"))
    return (
        re.compile(rf"{labels}\s*:?\s*(?P<zip>{shapes})(?![\w-])"),
        re.compile(rf"(?:^|(?<=,)|(?<=,\s)|(?<=\.\s))(?P<zip>{shapes})\s+(?P<town>{CAPW}(?:[\s-]{CAPW}){{0,2}}"
                   rf"(?:\s+[A-ZÆØÅ]{{1,2}}\b(?!\.\w))?)(?:/(?P<town2>{CAPW}))?"),
        re.compile(rf"(?<![\w-])(?P<zip>{distinct})(?![\w-])"),
    )


_YEAR = re.compile(r"(?:19|20)\d\d")


def postcode_world_spans(text: str) -> list[tuple[int, int, str]]:
    """Postcodes and the towns written with them: (start, end, "postcode" or "place")."""
    labelled, beside, distinct = _postcode_patterns()
    spans = [(*m.span("zip"), "postcode") for p in (labelled, distinct) for m in p.finditer(text)]
    for match in beside.finditer(text):
        town = match.group("town")
        if _bare(town.split()[0]) in _NOT or _YEAR.fullmatch(match.group("zip")):
            continue  # "2020 Focused Update": a year before a title
        spans += [(*match.span("zip"), "postcode"), (*match.span("town"), "place")]
        if match.group("town2") and _bare(match.group("town2")) not in _NOT:
            spans.append((*match.span("town2"), "place"))
    return spans


@cache
def _place_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    before = alternation(entries("places", "before"), as_written=True)
    endings = "|".join(entries("places", "hyphen_endings"))
    return (
        re.compile(rf"(?<![\w.]){before}\s+(?:\d{{1,3}}\b|{CAPW}(?:\s+{CAPW}){{0,3}})"),
        re.compile(rf"\b[A-Z][^\W\d_]+-(?:{endings})(?![\w-])"),
    )


def place_spans(text: str) -> list[Span]:
    spans = []
    for pattern in _place_patterns():
        for match in pattern.finditer(text):
            last = match.group().split()[-1]
            if not (_bare(last) in _NOT and not last[0].isdigit()):
                spans.append(match.span())
    return spans


# -------------------------------------------------------------------------------------------- dates

_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "Reiwa": 2018, "Heisei": 1988, "Showa": 1925}
_CJK_DATE = re.compile(
    r"(?:(?P<era>令和|平成|昭和)(?P<ey>\d{1,2}|元)|(?P<y>(?:19|20)\d\d))\s?[年년]\s?\d{1,2}\s?[月월](?:\s?\d{1,2}\s?[日일])?"
)
_VI_DATE = re.compile(
    r"(?:(?i:ngày)\s+)?\d{1,2}\s+(?i:tháng)\s+\d{1,2}(?:,?\s+(?i:năm)\s+(?P<y>(?:19|20)\d\d))?"
)


@cache
def _holiday_pattern() -> re.Pattern[str]:
    return re.compile(rf"{alternation(entries('holidays', 'names'))},?\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b")


def date_world_spans(text: str) -> list[tuple[int, int, int | None]]:
    """Dates of the East Asian and Vietnamese forms, and feast days with a year: (start, end, year)."""
    spans: list[tuple[int, int, int | None]] = []
    for match in _CJK_DATE.finditer(text):
        if match.group("era"):
            number = 1 if match.group("ey") == "元" else int(match.group("ey"))
            spans.append((*match.span(), _ERAS[match.group("era")] + number))
        else:
            spans.append((*match.span(), int(match.group("y"))))
    for pattern in (_VI_DATE, _holiday_pattern()):
        for match in pattern.finditer(text):
            year = match.group("y")
            spans.append((*match.span(), int(year) if year else None))
    return spans


#: An IPv6 address written short, with "::" ("2600:1700:5a80:9c10::1f").
IPV6_SHORT = re.compile(
    r"(?<![\w:])(?=[0-9a-fA-F:]*::)(?=(?:[0-9a-fA-F]{1,4}:+){2})(?:[0-9a-fA-F]{1,4}|:)(?::{1,2}[0-9a-fA-F]{1,4}){1,7}:{0,2}(?![\w:])"
)
#: The extension written after a phone number ("ext. 212", "x4412", "poste 33", "anexo 12", "Durchwahl 5").
PHONE_EXTENSION = re.compile(
    r"\s*,?\s*[（(]?\s*(?:(?i:ext|extn|extension|poste|anexo|ramal|interno|int|Durchwahl|DW|toestel|lokal|wew|dahili|εσωτ|内線|內線|分機|ต่อ|내선)\.?\s*|x\s?)"
    r"\d{1,6}\b"
)
