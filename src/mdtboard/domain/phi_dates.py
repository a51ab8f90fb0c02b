"""Dates in free text, for :mod:`mdtboard.domain.phi`: dates finer than a year, with or without a year, in
the usual spellings of English and of the other languages cases are written in ("3rd Feb 2024", "14/03/2023",
"2024-02-07", "le 3 janvier", "3 de octubre de 2022", "03.05.2022"), and named days of the year.
"""

from __future__ import annotations

import re
from datetime import date

from mdtboard.domain.phi_vocab import entries
from mdtboard.domain.phi_words import FOREIGN_MONTHS

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    + FOREIGN_MONTHS
    + "|"
    + "|".join(re.escape(m) for m in sorted(set(entries("months")), key=len, reverse=True))
    + ")"
)
#: Month names and short forms of every language the finder knows (for phi_forms.py).
MONTHS = _MONTHS
_DAYS = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
_ORD = r"(?:st|nd|rd|th|er|re|º|°)?"
_ROMAN_MONTH = r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
_YEAR4 = r"(?P<y>(?:1[89]|2[01])\d\d)"
_HOLIDAYS = (
    r"(?:Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Easter\s+(?:Sunday|Monday)|Good\s+Friday|"
    r"Boxing\s+Day|St\.?\s+Patrick['’]s\s+Day|Thanksgiving(?:\s+Day)?|Hallowe['’]?en|Valentine['’]s\s+Day|"
    r"Independence\s+Day|Hogmanay|Bonfire\s+Night|Eid(?:\s+al-\w+)?)"
)
_FULL_DATES = [
    re.compile(rf"\b{_YEAR4}[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?:[T ]\d{{1,2}}:\d\d(?::\d\d)?)?\b"),
    re.compile(rf"\b(?P<a>\d{{1,2}})[/.-](?P<b>\d{{1,2}})[/.-]{_YEAR4}\b"),
    re.compile(r"\b(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<y2>\d\d)\b(?![.,/]\d)"),
    # Polish and others: the month in roman numerals ("14 III 2024", "14.III.2024")
    re.compile(rf"\b\d{{1,2}}[\s.]{_ROMAN_MONTH}[\s.]{_YEAR4}\b"),
    # ... and with dashes or slashes ("12-XII-2024", "3/IV/2023")
    re.compile(rf"\b\d{{1,2}}([-/]){_ROMAN_MONTH}\1{_YEAR4}\b"),
    re.compile(
        rf"\b(?:(?:le|el|am)\s+)?(?:{_DAYS},?\s+)?(?:the\s+)?\d{{1,2}}(?:{_ORD}|\.)(?:\s+|-)(?:of\s+|de\s+)?{_MONTHS}\.?"
        rf"(?:,?\s+|-|\s+del?\s+){_YEAR4}\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:{_DAYS},?\s+)?{_MONTHS}\.?\s+(?:the\s+)?\d{{1,2}}{_ORD},?\s+{_YEAR4}\b", re.IGNORECASE
    ),
    re.compile(rf"\b{_MONTHS}\.?,?\s+(?:of\s+|de\s+)?{_YEAR4}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTHS}\.?\s+['’](?P<y2>\d\d)\b", re.IGNORECASE),
    re.compile(rf"\b(?P<m>\d{{1,2}})/{_YEAR4}\b"),
    re.compile(
        rf"\b\d{{1,2}}{_ORD}\s*[–-]\s*\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTHS}\.?,?\s+{_YEAR4}\b", re.IGNORECASE
    ),
    re.compile(rf"\b{_HOLIDAYS}(?:,?\s+|\s+of\s+){_YEAR4}\b"),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])\b"),
]
_PARTIAL_DATES = [
    re.compile(rf"\b\d{{1,2}}{_ORD}\s*[–-]\s*\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTHS}\b", re.IGNORECASE),
    re.compile(
        rf"\b(?:(?:le|el|am)\s+)?(?:{_DAYS},?\s+)?(?:the\s+)?\d{{1,2}}{_ORD}\s+(?:of\s+|de\s+)?{_MONTHS}\b",
        re.IGNORECASE,
    ),
    re.compile(rf"\b(?:{_DAYS},?\s+)?{_MONTHS}\.?\s+(?:the\s+)?\d{{1,2}}{_ORD}\b", re.IGNORECASE),
    re.compile(r"\b(?:19|20)\d\d-(?:0[1-9]|1[0-2])\b"),
    # day/month only after a word that makes it a date ("on 14/3"): "power 4/5" and "NRS 7/10" are scores
    re.compile(
        r"\b(?:on|since|from|until|till|by|dated|seen|admitted|discharged|reviewed|before|after|appt|"
        r"appointment|visit|clinic|booked\s+for|due|dal|dall['’]|d[èe]s|depuis|desde|el|le|am|vom|seit|od|dnia|em|"
        r"op|sinds|du|al|au|bis|ab)\s+"
        r"(?P<dm>(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2]))(?![\w/])",
        re.IGNORECASE,
    ),
    # a month on its own ("in March", "since last October") is finer than the year
    re.compile(
        r"\b(?:January|February|March|April|June|July|August|September|October|November|December)\b"
    ),
    re.compile(rf"\b(?:{_DAYS})\b(?=\s+(?:last|next|morning|evening|night))", re.IGNORECASE),
]
HOLIDAY = re.compile(rf"\b{_HOLIDAYS}")


def _full_year(match: re.Match[str], today: date) -> int | None:
    """The year of a full date match, or None when the numbers cannot be a date (e.g. 40/13/2024)."""
    groups = match.groupdict()
    if groups.get("a") is not None:
        a, b = int(groups["a"]), int(groups["b"])
        if not (1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12):
            return None
    if groups.get("m") is not None and not 1 <= int(groups["m"]) <= 12:
        return None
    if groups.get("d") is not None and not 1 <= int(groups["d"]) <= 31:
        return None
    if groups.get("y2") is not None:
        two = int(groups["y2"])
        century = today.year // 100 * 100
        return century + two if two <= today.year % 100 else century - 100 + two
    return int(groups["y"])


def date_spans(text: str, today: date) -> list[tuple[int, int, int | None]]:
    """Dates in ``text``: (start, end, year) for full dates, (start, end, None) for dates without a year."""
    spans: list[tuple[int, int, int | None]] = []
    for pattern in _FULL_DATES:
        for match in pattern.finditer(text):
            year = _full_year(match, today)
            if year is not None:
                spans.append((match.start(), match.end(), year))
    for pattern in _PARTIAL_DATES:
        for m in pattern.finditer(text):
            part = "dm" if "dm" in m.groupdict() else 0
            spans.append((m.start(part), m.end(part), None))
    kept: list[tuple[int, int, int | None]] = []
    for span in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept
