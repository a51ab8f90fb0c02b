"""Finding the HIPAA Safe Harbor identifiers in free text, for teaching cases made from real cases.

:func:`find_identifiers` returns :class:`IdentifierHint` s: where in a text something looks like an
identifier, of which kind, and whether it is *sure* (replaced without asking when a draft is made) or needs a
person's decision. It is an aid, not a guarantee: a person still reads every text.

What is found, and how:

- phone and fax numbers with Google's ``phonenumbers`` library (national and international formats of the
  regions a case is likely to come from), and a digit-group pattern for what it does not parse;
- e-mail addresses, web addresses, IP addresses;
- record, insurance and national identity numbers (:mod:`mdtboard.domain.phi_numbers`: after a label, or
  without one when python-stdnum finds their check digits right; other long numbers only as a question);
- dates finer than a year, with or without a year, in the usual spellings; ages over 89;
- street addresses, postcodes and ZIP codes, named institutions and towns (:mod:`mdtboard.domain.phi_places`;
  a town found only by a cue such as "lives in" is a question, not sure);
- people's names: the names the case gives (patient, clinicians) wherever they appear, and names found by
  what stands before or after them (:mod:`mdtboard.domain.phi_names`);
- all of these again by the words of many languages written around them (relations, titles, kinds of
  institution, street words and units, record and postcode labels, national postcode formats, month names,
  feast days, administrative divisions, the word for "years"): :mod:`mdtboard.domain.phi_world`, with its
  vocabularies as data in ``resources/deid/identifier-words.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache, partial

import phonenumbers

from mdtboard.domain.phi_calendar import loose_date_spans
from mdtboard.domain.phi_capitals import titled_copy
from mdtboard.domain.phi_cues import (
    address_cue_spans,
    date_cue_spans,
    institution_cue_spans,
    name_cue_spans,
    place_cue_spans,
    record_cue_spans,
)
from mdtboard.domain.phi_dates import HOLIDAY, date_spans
from mdtboard.domain.phi_forms import (
    age_form_spans,
    age_word_pattern,
    date_form_spans,
    name_form_spans,
    neighbourhood_spans,
    place_form_spans,
    widen_date,
    widen_name,
    widen_place,
)
from mdtboard.domain.phi_forms_sites import (
    acronym_spans,
    address_form_spans,
    bracket_after,
    clinical_acronyms,
    institution_form_spans,
    joined_by_landmark,
    street_name_spans,
    widen_address_end,
    widen_institution,
)
from mdtboard.domain.phi_gazetteer import clinical_words, gazetteer_spans, town_names
from mdtboard.domain.phi_labels import label_spans
from mdtboard.domain.phi_lower import lower_case_spans
from mdtboard.domain.phi_month_words import date_end, month_word_spans
from mdtboard.domain.phi_names import context_names, name_tokens, shortened_names, with_initials
from mdtboard.domain.phi_numbers import CHECKED_ID, LABELLED_NUMBER, LONG_NUMBER, SSN, national_number_spans
from mdtboard.domain.phi_people import bracket_age_spans, people_not_names, people_spans
from mdtboard.domain.phi_places import (
    acronym_institution_spans,
    address_spans,
    geo_spans,
    institution_spans,
    named_home_spans,
    places_beside,
    postcode_spans,
    town_spans,
)
from mdtboard.domain.phi_safelist import unknown_spans
from mdtboard.domain.phi_shapes import (
    NICKNAME,
    branch_spans,
    is_nickname,
    letterhead_spans,
    lowercase_name_spans,
    shape_age_spans,
    shape_name_spans,
)
from mdtboard.domain.phi_staff import (
    acting_given_name_spans,
    person_age_spans,
    plate_spans,
    relative_name_spans,
    staff_initials_spans,
)
from mdtboard.domain.phi_words import AGE_WORDS
from mdtboard.domain.phi_world import (
    IPV6_SHORT,
    PHONE_EXTENSION,
    address_world_spans,
    age_spans,
    at_name_spans,
    date_world_spans,
    institution_world_spans,
    name_spans,
    place_spans,
    postcode_world_spans,
    record_spans,
    widen_address,
)

__all__ = ["MAX_SHOWN_AGE", "OLDEST_AGE_TEXT", "HintKind", "IdentifierHint", "find_identifiers",
           "name_tokens"]


#: Ages above this are shown only as :data:`OLDEST_AGE_TEXT` (Safe Harbor).
MAX_SHOWN_AGE = 89
OLDEST_AGE_TEXT = "90 or older"

#: Regions whose national phone formats are tried (international "+..." numbers are found whatever these).
PHONE_REGIONS: tuple[str, ...] = ("GB", "IE", "US", "AU", "CA", "NZ", "DE", "FR", "PL", "IN")


class HintKind(StrEnum):
    NAME = "name"
    DATE = "date"
    AGE_OVER_89 = "age over 89"
    PHONE = "phone or fax number"
    EMAIL = "e-mail address"
    URL = "web address"
    IP_ADDRESS = "IP address"
    SSN = "social security number"
    RECORD_NUMBER = "record, account or ID number"
    ADDRESS = "street address"
    POSTCODE = "postcode or ZIP code"
    PLACE = "town or place"
    INSTITUTION = "named hospital, clinic, school or church"
    #: A proper noun no vocabulary knows to be safe (the safe-list catch, phi_safelist.py): always a question.
    NAME_OR_PLACE = "name or place?"


@dataclass(frozen=True)
class IdentifierHint:
    """Something in a text that looks like an identifier: ``text[start:end]`` of the field ``where``.

    ``sure``: replaced without asking when a draft is made; otherwise a person decides. ``reason``: set when
    a person decided to keep it (why). ``year``: the year of a full date (its replacement).
    """

    where: str
    kind: HintKind
    start: int
    end: int
    text: str
    sure: bool = True
    reason: str | None = None
    year: int | None = None

    @property
    def open(self) -> bool:
        """Neither replaced (it is still in the text) nor kept with a reason."""
        return self.reason is None


# ------------------------------------------------------------------------------------------ patterns

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(
    r"\b(?:https?://|ftp://|www\.)[^\s<>\"']+"
    r"|(?<![@\w.])(?:[\w-]+\.)+(?:com|org|net|ie|uk|io|info|edu|gov|au|nz|ca)\b(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)
_IP = re.compile(
    # a fifth group after it makes a phone ("02.99.28.42.01"), not an address
    r"(?<!\d\.)\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b(?!\.\d)|\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"(?<![\w/])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w/])"
    # an international number whose area code is one digit: "+82 2 3142 5500", "+33 1 42 68 53 00"
    r"|(?<![\w/])\+\d{1,3}[\s.-]\d(?:[\s.-]\d{2,5}){2,4}(?![\w/])"
)
_AGE = re.compile(
    r"\b(?P<n>\d{2,3})(?:\s*|-)(?:years?|yrs?|y)(?:\s*|-)(?:old|/o|o)\b|\b(?P<n3>\d{2,3})\s*(?:y/?o|yo)\b|"
    r"\baged?\s*:?\s*(?P<n2>\d{2,3})\b|\b(?P<n4>\d{2,3})(?:st|nd|rd|th)\s+birthday\b|"
    r"\b(?:in\s+(?:his|her|their)\s+)?(?P<n5>9\d|1[01]\d)(?:s|\s+years?)\b|"
    rf"\b(?P<n6>\d{{2,3}})\s*(?:{AGE_WORDS})\b",
    re.IGNORECASE,
)

def _phone_like(raw: str) -> bool:
    return 7 <= sum(ch.isdigit() for ch in raw) <= 15 and not any(ch.isalpha() for ch in raw)


Span = tuple[int, int, HintKind, bool, int | None]  # start, end, kind, sure, year



#: Pages of a journal reference ("Spine 2000;25:2940-2952") and a span of years ("2010/2011", "2021-2022")
#: are not phones.
#: A day and month and a 24-hour time ("28/11 0800") neither.
_NOT_A_PHONE = re.compile(r"\b\d{1,2}/\d{1,2}\s+(?:[01]\d|2[0-3])[0-5]\d\b|"
                          r"\d;\s?\d{1,4}(?:\(\d{1,3}\))?:\s?\d+[-–]\d+|\b(?:19|20)\d\d[/–-](?:19|20)\d\d\b")
_BRANCH_NUMBER = re.compile(r"(?:[ \t]*#[ \t]?|[ \t]+(?:No|Nr|Nº|N°)\.?[ \t]?)\d{1,6}(?![\w/.]\d)")
_ORDINAL_BEFORE = re.compile(r"(?<![\w/.])\d{1,4}(?:st|nd|rd|th)[ \t]+$")
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z]{1,7})\)")
#: What is written onto a record number: letters or a number before it ("G-18842", "PT.019882", "4-08812"),
#: letters after it ("188204-F").
_RECORD_PREFIX = re.compile(r"(?<![\w.,/-])(?:[A-Z]{1,3}\d{0,3}|\d{1,2})[-./]$")
_RECORD_SUFFIX = re.compile(r"-[A-Z]{1,2}(?![\w-])")
#: The town an institution is in, in Polish, Czech and Slovak: "Szpital Uniwersytecki w Krakowie", "Úrazové
#: nemocnici v Brně".
_IN_TOWN = re.compile(r"[ \t]+(?:w|we|v|ve)[ \t]+[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿā-ſ]+"
                      r"(?:-[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿā-ſ]+)?(?![\w-])")
#: Kinds a town is written beside ("12 Elm Grove, Ballincollig", "Liverpool L8 2TP").
_BESIDE = (HintKind.ADDRESS, HintKind.INSTITUTION, HintKind.POSTCODE)
_WORDY = (HintKind.INSTITUTION, HintKind.PLACE, HintKind.NAME, HintKind.ADDRESS)


#: What another text of the same case showed to be an identifier: (its text, its kind, sure?).
Known = tuple[str, HintKind, bool]


def find_identifiers(
    where: str, text: str, names: Iterable[str] = (), today: date | None = None, ages: Iterable[int] = (),
    known: Iterable[Known] = (),
) -> tuple[IdentifierHint, ...]:
    """Things in ``text`` that look like identifiers, in order of position. A hint, never a guarantee.

    ``names``: parts of names known to belong to people of this case (found wherever they stand).
    ``ages``: ages over 89 known from the case (found as bare numbers too: "Mr J, 96", "91F").
    ``known``: identifiers found in the case's other texts (a town, an institution, a record number), found
    wherever they are written again, with the kind and sureness they were found with.

    What depends on the text alone is found once per text (:func:`_text_spans`): a draft asks about each
    text several times, with the names, ages and identifiers found case-wide so far.
    """
    today = today or date.today()
    names = tuple(names)
    head, told_ages, middle, tail = _text_spans(text, today)
    found: list[Span] = list(head)
    add = partial(_add, found, text)
    for token in sorted(set(names), key=lambda t: (-len(t), t)):  # longest first; a total order, so that
        # the hints do not depend on the order of a set (which changes with the hash seed from run to run)
        # Short name parts ("Li", "Ng", "Ana") only as written, or every "ng" in a word would show.
        flags = re.IGNORECASE if len(token) > 3 else 0
        for match in re.finditer(rf"(?<![\w'’]){re.escape(token)}(?:['’]s)?(?![\w])", text, flags):
            end = match.end() - (2 if match.group().endswith(("'s", "’s")) else 0)
            start, end = with_initials(text, match.start(), end)
            add(start, end, HintKind.NAME)
    for start, end in shortened_names(text, names):
        add(start, end, HintKind.NAME)
    found.extend(told_ages)
    if any(age > MAX_SHOWN_AGE for age in ages):  # "ninety-seven and sharp": a case known to hold such an age
        for match in age_word_pattern().finditer(text):
            add(match.start(), match.end(), HintKind.AGE_OVER_89)
    for age in ages:
        if age > MAX_SHOWN_AGE:
            bare = rf"(?<![\d.,/]){age}(?![\d/]|[.,]\d)(?!\s*(?:mg|mcg|ml|mL|%|mmol|kg|cm|mm|MME|g\b))"
            for match in re.finditer(bare, text):
                add(match.start(), match.end(), HintKind.AGE_OVER_89)
    found.extend(middle)
    beside = [(s, e, kind is HintKind.POSTCODE) for s, e, kind, _sure, _year in found if kind in _BESIDE]
    for start, end, postcode in places_beside(beside, text):
        if postcode:  # "1100-053 Lisboa" after an address is a postcode, not the phone it looks like
            found[:] = [f for f in found if not (f[2] is HintKind.PHONE and start <= f[0] and f[1] <= end)]
        add(start, end, HintKind.POSTCODE if postcode else HintKind.PLACE)
    for found_text, kind, sure in sorted(set(known), key=lambda k: (-len(k[0]), k[0], k[1].value, k[2])):
        for match in re.finditer(rf"(?<![\w'’-]){re.escape(found_text)}(?!\w)", text):
            add(match.start(), match.end(), kind, sure)
    found.extend(tail)
    # an institution's name in full or its town in brackets after it: "JOOTRH (Jaramogi Oginga Odinga)",
    # "Saudi Aramco (Dhahran)"
    for _start, end, kind, sure, _year in list(found):
        if kind is HintKind.INSTITUTION and (inner := bracket_after(text, end)) is not None:
            town = text[inner[0]:inner[1]].casefold() in town_names()
            add(*inner, HintKind.PLACE if town else HintKind.INSTITUTION, sure)
        # its acronym in brackets, whichever rule found it: "Stavanger universitetssjukehus (SUS)"
        elif kind is HintKind.INSTITUTION and (acronym := _ACRONYM_AFTER.match(text, end)) is not None and (
                acronym.group("acronym").casefold() not in town_names()):
            add(*acronym.span("acronym"), HintKind.INSTITUTION, sure)
    # the institution heading an address block or a letterhead
    for start, end, sure in letterhead_spans(text, [(f[0], f[1]) for f in found if f[2] is HintKind.ADDRESS],
                                             [(f[0], f[1]) for f in found]):
        add(start, end, HintKind.INSTITUTION, sure)
    # a nickname in brackets or quotes after a name: "Gertruida (Trudie)", 'BISHOP, RAYMOND "RAY"'
    for _start, end, kind, sure, _year in list(found):
        if kind is HintKind.NAME and (nickname := NICKNAME.match(text, end)) is not None and (
                is_nickname(nickname.group("w"))):
            add(*nickname.span("w"), HintKind.NAME, sure)
    # the line after an address label: what the rules above did not find of it ("Kounicova 48" of
    # "Kounicova 48, 602 00 Brno" where the postcode and the town were found)
    not_names = people_not_names(clinical_words())
    for start, end, what, _sure in _labelled(text):
        if what == "address":
            for gap_start, gap_end in _gaps(start, end, [(f[0], f[1]) for f in found]):
                while gap_start < gap_end and not text[gap_start].isalnum():
                    gap_start += 1
                piece = text[gap_start:gap_end]
                if any(ch.isdigit() for ch in piece) or any(
                        w[:1].isupper() and w.strip(".,").casefold() not in not_names for w in piece.split()):
                    add(gap_start, gap_end, HintKind.ADDRESS)
    # the safe-list catch: what no rule found of a proper noun no vocabulary knows, as a question
    covered = [(f[0], f[1]) for f in found]
    for start, end in _unknown(text):
        for gap_start, gap_end in _gaps(start, end, covered):
            while gap_start < gap_end and not text[gap_start].isalnum():
                gap_start += 1
            while gap_end > gap_start and not text[gap_end - 1].isalnum():
                gap_end -= 1
            if gap_end > gap_start:
                found.append((gap_start, gap_end, HintKind.NAME_OR_PLACE, False, None))
    # the statistical recogniser (phi_model.py): what neither the rules nor the catch found, as a question
    modelled = _modelled(text)
    if modelled:  # (against the hints as they will be kept: a span the overlaps drop covers nothing)
        found = _without_overlaps(found)
    covered = [(f[0], f[1]) for f in found]
    for start, end, kind_name in modelled:
        for gap_start, gap_end in _gaps(start, end, covered):
            while gap_start < gap_end and not text[gap_start].isalnum():
                gap_start += 1
            while gap_end > gap_start and not text[gap_end - 1].isalnum():
                gap_end -= 1
            # (what the rules left of it: two letters or digits at least)
            if sum(ch.isalnum() for ch in text[gap_start:gap_end]) >= 2:
                found.append((gap_start, gap_end, HintKind[kind_name], False, None))
    return tuple(
        IdentifierHint(where, kind, start, end, text[start:end], sure, None, year)
        for start, end, kind, sure, year in _without_overlaps(found)
    )


@lru_cache(maxsize=512)
def _labelled(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """What stands after the address and person labels of ``text`` (phi_labels.py), once per text."""
    return tuple(label_spans(text, people_not_names(clinical_words())))


@lru_cache(maxsize=512)
def _unknown(text: str) -> tuple[tuple[int, int], ...]:
    """What the safe-list catch asks about in ``text`` (phi_safelist.py), once per text."""
    return tuple(unknown_spans(text))


@lru_cache(maxsize=512)
def _modelled(text: str) -> tuple[tuple[int, int, str], ...]:
    """What the statistical recogniser labels in ``text`` (phi_model.py, loaded on first use), once a text."""
    from mdtboard.domain.phi_model import model_spans

    return tuple(model_spans(text))


def _gaps(start: int, end: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of ``start``-``end`` that none of ``spans`` covers."""
    gaps, at = [], start
    for first, last in sorted(spans):
        if last <= at or first >= end:
            continue
        if first > at:
            gaps.append((at, first))
        at = max(at, last)
    if at < end:
        gaps.append((at, end))
    return gaps


def _add(
    found: list[Span], text: str, start: int, end: int, kind: HintKind, sure: bool = True,
    year: int | None = None,
) -> None:
    """Add a span of ``text`` found to be of ``kind`` to ``found``, with the parts written around it that
    belong to it (see phi_forms.py); the span as found is kept after the wider one, for when the wider one
    clashes with another hint."""
    wide = (start, end)
    if kind is HintKind.DATE:
        wide = (widen_date(text, start), date_end(text, end))
    elif kind is HintKind.NAME:
        wide = widen_name(text, start, end)
    elif kind is HintKind.PLACE:
        wide = widen_place(text, start, end)
    elif kind is HintKind.ADDRESS:
        # a range of house numbers before it: "12-14 Smith St"
        before = re.search(r"(?<![\w/-])\d{1,5}[A-Za-z]?[-–]$", text[max(0, start - 8):start])
        wide = (start - (len(before.group()) if before else 0), widen_address_end(text, start, end))
    elif kind is HintKind.RECORD_NUMBER:
        # the letters and the number written onto it, which belong to it: "G-18842", "PT.019882", "4-08812",
        # "188204-F"
        before = _RECORD_PREFIX.search(text, max(0, start - 8), start)
        after = _RECORD_SUFFIX.match(text, end)
        wide = (before.start() if before else start, after.end() if after else end)
    elif kind is HintKind.INSTITUTION:
        # a branch's or a site's number after it ("Kroger Pharmacy #0391", "Leeco Mine No. 2") and an
        # ordinal before it ("269th Judicial District Court")
        number = _BRANCH_NUMBER.match(text, end) or _IN_TOWN.match(text, end)
        ordinal = _ORDINAL_BEFORE.search(text, max(0, start - 8), start)
        wide = (ordinal.start() if ordinal else widen_institution(text, start),
                number.end() if number else end)
    for first, last in dict.fromkeys((wide, (start, end))):
        while last > first and (text[last - 1] in " ,;:" or text[last - 1] == "." and kind in _WORDY):
            last -= 1
        if last > first:
            found.append((first, last, kind, sure, year))


_FROM_CAPITALS = (HintKind.NAME, HintKind.INSTITUTION, HintKind.ADDRESS)


@lru_cache(maxsize=512)
def _text_spans(
    text: str, today: date
) -> tuple[tuple[Span, ...], tuple[Span, ...], tuple[Span, ...], tuple[Span, ...]]:
    """:func:`_rule_spans` of ``text``, with the names, institutions, places and addresses the rules find in
    its runs of capitals once written as titles (phi_capitals.py: "KENYATTA NATIONAL HOSPITAL")."""
    head, told_ages, middle, tail = _rule_spans(text, today)
    titled = titled_copy(text)
    if titled is None:
        return head, told_ages, middle, tail
    copy, runs = titled
    extra = tuple(span for group in _rule_spans(copy, today) for span in group
                  if span[2] in _FROM_CAPITALS and any(s < span[1] and span[0] < e for s, e in runs)
                  and re.search(r"[^\W\d_]{4}", copy[span[0]:span[1]]))
    return head + extra, told_ages, middle, tail


def _rule_spans(
    text: str, today: date
) -> tuple[tuple[Span, ...], tuple[Span, ...], tuple[Span, ...], tuple[Span, ...]]:
    """What :func:`find_identifiers` finds in ``text`` whatever the case knows, in its order of trust: what
    comes before the names of the case's people, the ages written as such (before the ages known from the
    case), the places (before those written beside an address) and what comes after the identifiers known
    from the case's other texts."""
    clinical = clinical_words()
    found: list[Span] = []
    add = partial(_add, found, text)
    for match in _EMAIL.finditer(text):
        add(match.start(), match.end(), HintKind.EMAIL)
    for match in _URL.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in ".,;:!?)]":
            end -= 1
        add(match.start(), end, HintKind.URL)
    for match in _IP.finditer(text):
        add(match.start(), match.end(), HintKind.IP_ADDRESS)
    for match in IPV6_SHORT.finditer(text):
        add(match.start(), match.end(), HintKind.IP_ADDRESS)
    for match in SSN.finditer(text):
        add(match.start(), match.end(), HintKind.SSN)
    for match in CHECKED_ID.finditer(text):
        add(match.start(), match.end(), HintKind.RECORD_NUMBER)
    for start, end in plate_spans(text):
        add(start, end, HintKind.RECORD_NUMBER)
    for match in LABELLED_NUMBER.finditer(text):
        add(match.start("code"), match.end("code"), HintKind.RECORD_NUMBER)
    for start, end in national_number_spans(text):
        add(start, end, HintKind.RECORD_NUMBER)
    for start, end, year in date_spans(text, today):
        add(start, end, HintKind.DATE, True, year)
    for start, end, year in date_world_spans(text):
        add(start, end, HintKind.DATE, True, year)
    for start, end, year in date_form_spans(text, today):
        add(start, end, HintKind.DATE, True, year)
    for start, end, year in month_word_spans(text):
        add(start, end, HintKind.DATE, True, year)
    for region in PHONE_REGIONS:
        for number in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE):
            # letters are read as a keypad's digits ("31 X2"): a number in a case is written in digits
            if _phone_like(number.raw_string):
                # "(087 123 4567)": the bracket around a whole number is not part of it
                start = number.start + (1 if number.raw_string.startswith("(") and ")" not in
                                        number.raw_string else 0)
                add(start, number.end, HintKind.PHONE)
    for match in _PHONE.finditer(text):
        if 7 <= sum(ch.isdigit() for ch in match.group()) <= 15:
            add(match.start(), match.end(), HintKind.PHONE)
    not_phones = [m.span() for m in _NOT_A_PHONE.finditer(text)]
    found[:] = [f for f in found
             if f[2] is not HintKind.PHONE or not any(s <= f[0] and f[1] == e for s, e in not_phones)]
    # a phone's extension is part of it: "(416) 935-7700 x4412", "+82 2 3142 5500 ext. 331"
    found[:] = [(f[0], extension.end(), *f[2:]) if f[2] is HintKind.PHONE and (
        extension := PHONE_EXTENSION.match(text, f[1])) else f for f in found]
    for start, end in (*address_spans(text), *address_world_spans(text), *address_form_spans(text, clinical),
                       *street_name_spans(text, clinical)):
        add(*widen_address(text, start, end), HintKind.ADDRESS)
    # two addresses joined by a landmark are one ("No. 17, Oke-Ado Road, off Liberty Stadium Rd")
    addresses = sorted(f for f in found if f[2] is HintKind.ADDRESS)
    for first, second in zip(addresses, addresses[1:], strict=False):
        if joined_by_landmark(text, first[1], second[0]):
            found.append((first[1], second[0], HintKind.ADDRESS, True, None))
    for start, end, sure in record_spans(text):
        add(start, end, HintKind.RECORD_NUMBER, sure)
    for start, end in postcode_spans(text):
        add(start, end, HintKind.POSTCODE)
    for start, end, what in postcode_world_spans(text):
        add(start, end, HintKind.POSTCODE if what == "postcode" else HintKind.PLACE)
    institutions = [(s, e, True) for s, e in (*institution_spans(text), *institution_world_spans(text))]
    institutions += institution_form_spans(text, clinical) + branch_spans(text)
    institutions += [(s, e, False)
                     for s, e in acronym_spans(text, town_names(), clinical, clinical_acronyms())]
    for start, end, sure in institutions:
        add(start, end, HintKind.INSTITUTION, sure)
        # its acronym in brackets after it: "Lagos University Teaching Hospital (LUTH)"
        acronym = _ACRONYM_AFTER.match(text, end)
        if acronym is not None and acronym.group("acronym").casefold() not in town_names():
            add(*acronym.span("acronym"), HintKind.INSTITUTION, sure)
    for start, end in (*context_names(text), *name_spans(text), *name_form_spans(text, clinical)):
        add(start, end, HintKind.NAME)
    head = tuple(found)
    found.clear()
    for match in _AGE.finditer(text):
        group = next(g for g in ("n", "n2", "n3", "n4", "n5", "n6") if match.group(g))
        if int(match.group(group)) > MAX_SHOWN_AGE:
            add(match.start(), match.end(), HintKind.AGE_OVER_89)
    for start, end in (*age_spans(text), *age_form_spans(text), *person_age_spans(text)):
        add(start, end, HintKind.AGE_OVER_89)
    for start, end, sure in bracket_age_spans(text, clinical):
        add(start, end, HintKind.AGE_OVER_89, sure)
    for start, end in shape_age_spans(text):
        add(start, end, HintKind.AGE_OVER_89)
    told_ages = tuple(found)
    found.clear()
    for start, end in town_spans(text):
        add(start, end, HintKind.PLACE, sure=False)
    for start, end, sure in loose_date_spans(text):
        add(start, end, HintKind.DATE, sure)
    for match in HOLIDAY.finditer(text):  # "at Christmas": a day of the year, but often harmless
        add(match.start(), match.end(), HintKind.DATE, sure=False)
    for start, end in (*geo_spans(text), *place_spans(text)):
        add(start, end, HintKind.PLACE)
    for start, end, sure in place_form_spans(text, clinical):
        add(start, end, HintKind.PLACE, sure)
    for start, end in named_home_spans(text):
        add(start, end, HintKind.ADDRESS, sure=False)
    middle = tuple(found)
    found.clear()
    for start, end in acronym_institution_spans(text, clinical):
        add(start, end, HintKind.INSTITUTION, sure=False)
    for start, end in at_name_spans(text, clinical):
        add(start, end, HintKind.INSTITUTION, sure=False)
    for start, end in gazetteer_spans(text):
        add(start, end, HintKind.PLACE, sure=False)
    for start, end in neighbourhood_spans(text, town_names(), clinical):
        add(start, end, HintKind.PLACE, sure=False)
    for start, end, what, sure in _labelled(text):
        if what == "name":
            add(start, end, HintKind.NAME, sure)
    for start, end, sure in people_spans(text, clinical):
        add(start, end, HintKind.NAME, sure)
    for start, end, sure in (*staff_initials_spans(text), *relative_name_spans(text),
                             *acting_given_name_spans(text)):
        add(start, end, HintKind.NAME, sure)
    for start, end, sure in (*shape_name_spans(text, clinical), *lowercase_name_spans(text)):
        add(start, end, HintKind.NAME, sure)
    for match in LONG_NUMBER.finditer(text):
        add(match.start(), match.end(), HintKind.RECORD_NUMBER, sure=False)
    _cue_spans(text, clinical, add)
    return head, told_ages, middle, tuple(found)


_LOWER_KINDS = {"postcode": HintKind.POSTCODE, "place": HintKind.PLACE, "name": HintKind.NAME,
                "address": HintKind.ADDRESS, "institution": HintKind.INSTITUTION}


def _cue_spans(text: str, clinical: frozenset[str], add: partial[None]) -> None:
    """What :mod:`mdtboard.domain.phi_cues` finds by the words around it (most of it as questions)."""
    acronyms = clinical_acronyms()
    for start, end, sure in date_cue_spans(text):
        add(start, end, HintKind.DATE, sure)
    for start, end in record_cue_spans(text):
        add(start, end, HintKind.RECORD_NUMBER, False)
    for start, end in address_cue_spans(text):
        add(start, end, HintKind.ADDRESS, False)
    for start, end in name_cue_spans(text, clinical, acronyms):
        add(start, end, HintKind.NAME, False)
    for start, end in place_cue_spans(text, clinical):
        add(start, end, HintKind.PLACE, False)
    for start, end in institution_cue_spans(text, clinical, acronyms, town_names()):
        add(start, end, HintKind.INSTITUTION, False)
    for start, end, what in lower_case_spans(text):
        add(start, end, _LOWER_KINDS[what], False)


def _without_overlaps(found: list[Span]) -> list[Span]:
    """One span for each stretch of text: the first found (the order above is the order of trust), widened
    to take in what overlaps it when that is a name or place word of the same identifier."""
    kept: list[Span] = []
    for span in found:
        start, end = span[0], span[1]
        clash = [k for k in kept if k[0] < end and start < k[1]]
        if not clash:
            kept.append(span)
        elif len(clash) == 1 and not (start >= clash[0][0] and end <= clash[0][1]) and not (
            start <= clash[0][0] and clash[0][1] <= end
        ):
            # half of it found as one thing, half as another ("Co. Cork P31" and "P31 X2Y4"): one span
            first = clash[0]
            kept[kept.index(first)] = (min(start, first[0]), max(end, first[1]), first[2], first[3], first[4])
        elif all(start <= k[0] and k[1] <= end and end - start > k[1] - k[0] for k in clash) and (span[2] in (
            HintKind.ADDRESS, HintKind.INSTITUTION, HintKind.DATE, HintKind.AGE_OVER_89,
            HintKind.RECORD_NUMBER, HintKind.NAME, HintKind.PHONE,
        ) or span[2] is HintKind.PLACE and (span[3] or all(k[2] is HintKind.PLACE for k in clash))) and all(
            k[2] in (HintKind.NAME, HintKind.PLACE, HintKind.POSTCODE, HintKind.DATE, HintKind.PHONE,
                     HintKind.RECORD_NUMBER, HintKind.ADDRESS, HintKind.INSTITUTION, HintKind.AGE_OVER_89)
            for k in clash
        ):
            # an address that holds a name-like street or a postcode, a date that holds a day number read
            # as a phone: the wider span is the identifier
            kept = [k for k in kept if k not in clash]
            kept.append(span)
        elif span[2] is HintKind.INSTITUTION and all(k[2] is HintKind.INSTITUTION for k in clash) and not any(
            k[0] <= start and end <= k[1] for k in clash
        ):
            # one institution found in pieces ("UBS Centro" and "Santa Teresa" of "UBS Centro de Saúde Santa
            # Teresa"): one span
            kept = [k for k in kept if k not in clash]
            kept.append((min(start, *(k[0] for k in clash)), max(end, *(k[1] for k in clash)), *span[2:]))
    return sorted(kept)

