"""Dates written loosely, for :mod:`mdtboard.domain.phi`: the forms a letter or a handover uses when the
year goes without saying, in every language whose month names the finder knows
(``resources/deid/identifier-words.toml``):

- a month and a year, however joined: "Okt. 2026", "jan/2026", "juli -25", "abril del 2025", "červen 2025";
- a month alone: a short English month after "in", "since", "by"... ("ran out in Sept"); a month of another
  language on its own ("falleció en marzo"), as a question;
- a day and a month without a year: "10 dic", "3 okt."; "17.11." and "2. 9." with the full stop after the
  month (European); "8/11", "12/03" where a fraction or a score would not stand (as a question);
- the day alone as an ordinal after "by", "on", "until"...: "resolved by 13th".
"""

from __future__ import annotations

import re
from functools import cache

from mdtboard.domain.phi_vocab import entries
from mdtboard.domain.phi_words import FOREIGN_MONTHS

Sure = tuple[int, int, bool]

_ENGLISH_SHORT = r"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
_CUE = (r"(?i:in|since|from|until|till|by|to|before|after|end\s+of|start\s+of|early|late|mid|mid-|last|next|"
        r"this|during|around|circa|c\.|on|of)")
#: What stands before a fraction or a decimal that is a reading, not a date.
_READING_WORDS = (
    r"(?i:score[sd]?|total|nrs|vas|power|grade|strength|mrc|bp|pulse|hr|rr|sats|temp|ratio|va|vision|acuity|"
    r"visual|dose|level|range|version|v|ph|inr|x|of|out|was|is|were|now|to|from|pain|sleep|mood|about|"
    r"approx|approximately|only|up|down|by|per|over|under)\s*[:=]?\s*$"
)
_READING_BEFORE = re.compile(
    _READING_WORDS + r"|(?-i:[A-Z][\w-]*\d[\w-]*|[A-Z]{2,}[\w-]*)\s*[:=]?\s*$|\d\s*$"
)
#: What stands before a fraction that ends a line and is still not a date: a reading's word, a score's name
#: with its number ("PHQ-9 4/11"), a number.
_READING_BEFORE_AT_END = re.compile(
    _READING_WORDS + r"|(?i:hads|phq|gad|odi|ndi|bpi|pcs|pseq|tsk|mmse|moca|gcs|asa|ess|isi|dass|audit|psfs|"
    r"rmdq|womac|koos|oks|ohs|dn4|lanss|k10|eq-?5d|sf-?\d+|cpaq|sbst)\s*[:=]?\s*$"
    r"|(?-i:[A-Z][\w-]*\d[\w-]*)\s*[:=]?\s*$|\d\s*$"
)
#: A day and a month (or a month and a day) with a time of day after them: "01/11 21:10", "31/10 @ 0930",
#: "11/02 9:40a". The time makes them a date whatever stands before them.
_TIMED = re.compile(r"(?<![\w/.,:-])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?=[ \t]+(?:@[ \t]*)?(?:[01]?\d|2[0-3])"
                    r"[:.][0-5]\d(?!\d|[.,]\d)|[ \t]*@[ \t]*(?:[01]?\d|2[0-3])(?::?[0-5]\d)?(?!\d))")
#: Days and months in a list ("two falls (12/10, 28/10)"): one that can only be a day and a month ("28/10")
#: makes the others dates too.
_DAY_MONTH = r"(?:3[01]|[12]\d|0?[1-9])/(?:1[0-2]|0?[1-9])(?!\d)"
_LISTED = re.compile(rf"(?<![\w/.,:-]){_DAY_MONTH}(?:[ \t]*(?:,|;|&|\b(?:and|or|und|et|en)\b)[ \t]*"
                     rf"{_DAY_MONTH})+(?![\w/]|[.,]\d)")
#: A day and a month ending a line, a sentence or the text, after a person's initials or a procedure's
#: acronym ("Plan SCS MDT. SLJ 4/11", "For genicular RFA 2/12."): as a question.
_AT_END = re.compile(r"(?<![\w/.,:-])(?P<a>[0-3]?\d)/(?P<b>[01]?\d)(?=[.?!]?[ \t]*(?:\n|$)|\.[ \t]+[A-Z])")
#: The month and day of Chinese and Japanese without a year, with the weekday in brackets: "11月18日(月)".
_CJK_MONTH_DAY = re.compile(r"(?<![\d年])(?:1[0-2]|0?[1-9])月(?:[12]\d|3[01]|0?[1-9])日"
                            r"(?:[(（][月火水木金土日][)）])?")
#: What an ordinal counts that is not a day of the month: "the 12th rib", "the 3rd cycle".
_ORDINAL_NOUNS = (
    r"ribs?|vertebra[e]?|nerves?|cranial|metatarsals?|metacarpals?|toes?|fingers?|digits?|percentile|centile|"
    r"times?|floor|cycles?|doses?|sessions?|visits?|days?|weeks?|months?|years?|attempts?|generation|"
    r"editions?|grades?|lumbar|thoracic|cervical|sacral|intercostal|space|level|trimester|decade|"
    r"post-?op|postoperative|round|course|injection|infusion|line|step|stage|time-?point|of\s+the\s+month"
)
_DURATION_BEFORE = re.compile(r"(?i:for|x|over|past|last|within|lasting|approx|about|only|after)\s*$")
_AFTER_FRACTION = re.compile(
    r"\s*(?:%|mg|mcg|ml|g\b|tab|tabs|tablet|dose|of\b|strength|power|points?|pts|hx|history|ago|duration|"
    r"post|weeks?|months?|days?|vision|times)", re.IGNORECASE
)


def _english_word(word: str, above: float = 3.5) -> bool:
    from mdtboard.domain.phi_people import english_frequency

    return english_frequency().get(word.casefold(), 0.0) >= above


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    full = sorted({w for w in entries("months") + entries("date_forms", "months")
                   if len(w) >= 4 and re.fullmatch(r"[^\W\d_]+", w)}, key=len, reverse=True)
    # short forms that are English words ("ago", "out", "set", "dis") are not months in an English text
    short = sorted({w.rstrip(".") for w in entries("date_forms", "month_abbreviations")
                    if len(w.rstrip(".")) >= 3 and not _english_word(w.rstrip("."), 3.0)},
                   key=len, reverse=True)
    english = (r"january|february|march|april|may|june|july|august|september|october|november|december|jan|"
               r"feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec")
    month = "(?:" + "|".join([english, FOREIGN_MONTHS, *map(re.escape, full), *map(re.escape, short)]) + ")"
    # alone, a month of five letters or more that is not an English word ("marzo", not "mars")
    foreign = ("(?=[^\\W\\d_]{5})(?:" + "|".join([*(re.escape(w) for w in full if not _english_word(w, 3.0)),
                                                  FOREIGN_MONTHS]) + ")(?<!(?i:mars))")
    day_short = "(?:" + "|".join(re.escape(w) for w in [*full, *short] if not _english_word(w)) + ")"
    return (
        # a month and a year: "Okt. 2026", "jan/2026", "juli -25", "abril del 2025", "červen 2025"
        re.compile(rf"(?<![\w'’-])(?=[^\W\d_]{{3,15}}\.?[\s/'’delofDELOF-]{{1,6}}\d)(?i:{month})\.?(?:\s+(?i:del?|of)\s+|\s*/\s*|\s+-|\s+['’]|\s+)"
                   r"(?:(?:19|20)\d\d|(?<=[-'’])\d\d)(?![\w/]|[.,]\d)"),
        # a short English month after a word that makes it one: "in Sept", "since Oct"
        re.compile(rf"(?<![\w-]){_CUE}\s+(?P<m>{_ENGLISH_SHORT}\.?)(?![\w'’-])"),
        # a day and a month of another language without a year: "10 dic", "3 okt."
        re.compile(rf"(?<![\w.,/-])(?:0?[1-9]|[12]\d|3[01])\.?\s+(?i:{day_short})\.?(?![\w'’-])"),
        # the day alone: "by 13th", "on the 2nd."
        re.compile(r"(?<![\w-])(?i:by|on|until|till|since|from|before|after|due)\s+"
                   r"(?P<m>(?:(?i:the)\s+)?(?:[12]?\d|3[01])(?:st|nd|rd|th))"
                   r"(?=\s*(?:[.,;:)!?]|$)|\s+(?:and|or|at|to)\b)"),
        # a month of another language alone (a question): "falleció en marzo"
        re.compile(rf"(?<![\w'’-])(?i:{foreign})(?![\w'’-])"),
        # the day alone after "on the", "since the"... before another word (a question): "came home on the
        # 12th she...", not "on the 12th rib", "since the 3rd cycle"
        re.compile(r"(?<![\w-])(?i:on|since|from|until|till|by|before|after)\s+(?P<m>(?i:the)\s+(?:[12]?\d|3[01])"
                   r"(?:st|nd|rd|th))(?=\s+[^\W\d_])(?!\s+(?i:" + _ORDINAL_NOUNS + r")\b)"),
        # "the 12th" closing a clause, after any word (a question): "I can't do the 12th, I have..."
        re.compile(r"(?<![\w-])(?P<m>(?i:the)\s+(?:[12]?\d|3[01])(?:st|nd|rd|th))(?=\s*(?:[,;:?!)]|\.(?!\d)|$))"),
    )


_DOTTED = re.compile(r"(?<![\w.,:/-])(?P<d>0?[1-9]|[12]\d|3[01])\.\s?(?P<m>0?[1-9]|1[0-2])\.(?![\d])")
_SLASHED = re.compile(r"(?<![\w/.,:-])(?P<a>[01]?\d)/(?P<b>[01]?\d)(?![\w/]|[.,]\d|\s*[-–]\s*\d)")


def loose_date_spans(text: str) -> list[Sure]:
    """Dates of the forms above: (start, end, sure)."""
    spans: list[Sure] = []
    for index, pattern in enumerate(_patterns()):
        for match in pattern.finditer(text):
            group = "m" if "m" in pattern.groupindex else 0
            spans.append((*match.span(group), index < 4))
    for match in _DOTTED.finditer(text):
        if not _READING_BEFORE.search(text, max(0, match.start() - 24), match.start()):
            spans.append((*match.span(), True))
    for match in _SLASHED.finditer(text):
        if not _fraction_may_be_date(match):
            continue
        before = text[max(0, match.start() - 24):match.start()]
        if _READING_BEFORE.search(before) or _DURATION_BEFORE.search(before) or _AFTER_FRACTION.match(
                text, match.end()):
            continue
        spans.append((*match.span(), False))
    for match in _AT_END.finditer(text):
        before = text[max(0, match.start() - 24):match.start()]
        if _fraction_may_be_date(match) and not _READING_BEFORE_AT_END.search(before) and not \
                _DURATION_BEFORE.search(before):
            spans.append((*match.span(), False))
    for match in _TIMED.finditer(text):
        a, b = int(match.group("a")), int(match.group("b"))
        leading_zero = match.group("a").startswith("0") or match.group("b").startswith("0")
        if 1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12 and (
                leading_zero or a > b or b not in (4, 5, 7, 10)):
            spans.append((*match.span(), True))
    for match in _LISTED.finditer(text):
        items = list(re.finditer(_DAY_MONTH, match.group()))
        if any(int(item.group().split("/")[0]) > 12 for item in items):
            spans.extend((match.start() + item.start(), match.start() + item.end(), True) for item in items)
    for match in _CJK_MONTH_DAY.finditer(text):
        spans.append((*match.span(), True))
    for pattern in _month_patterns():
        for match in pattern.finditer(text):
            spans += [(*match.span(group), False) for group in ("m", "n") if group in pattern.groupindex]
    return spans


@cache
def _month_patterns() -> tuple[re.Pattern[str], ...]:
    """A month of another language after that language's "in" or "since" ("w maju", "sedan mars", "depuis
    juin"), and a month in a list of months ("(juin, juillet)"): questions, as a month alone is."""
    names = sorted({w for w in entries("months") + entries("date_forms", "months")
                    if len(w) >= 4 and re.fullmatch(r"[^\W\d_]+", w)}, key=len, reverse=True)
    month = "(?:" + "|".join([FOREIGN_MONTHS, *map(re.escape, names)]) + ")"
    cue = r"(?:w|we|v|ve|en|i|sedan|depuis|desde|seit|sinds|sejak|od|från|fra|siden|fin|début|hasta|até)"
    joined = r"(?:,|;|/|et|and|y|e|und|og|och|i|en|a|à|bis|tot|–|-)"
    return (
        re.compile(rf"(?<![\w'’-])(?i:{cue})[ \t]+(?P<m>(?i:{month}))(?![\w'’-])"),
        re.compile(rf"(?<![\w'’-])(?P<m>(?i:{month}))[ \t]*{joined}[ \t]*(?P<n>(?i:{month}))(?![\w'’-])"),
    )


def _fraction_may_be_date(match: re.Match[str]) -> bool:
    """Whether a day and a month of two numbers ``a`` and ``b`` up to 12 may be a date, not a score ("4/5",
    "7/10") nor a number of days ("3/7")."""
    a, b = int(match.group("a")), int(match.group("b"))
    return 1 <= a <= 12 and 1 <= b <= 12 and a != b and b not in (7, 10) and not (
        a < b and b not in (11, 12) and not match.group("a").startswith("0")
        and not match.group("b").startswith("0"))
