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
_READING_BEFORE = re.compile(
    r"(?i:score[sd]?|total|nrs|vas|power|grade|strength|mrc|bp|pulse|hr|rr|sats|temp|ratio|va|vision|acuity|"
    r"visual|dose|level|range|version|v|ph|inr|x|of|out|was|is|were|now|to|from|pain|sleep|mood|about|"
    r"approx|approximately|only|up|down|by|per|over|under)\s*[:=]?\s*$|(?-i:[A-Z][\w-]*\d[\w-]*|[A-Z]{2,}[\w-]*)"
    r"\s*[:=]?\s*$|\d\s*$"
)
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
        a, b = int(match.group("a")), int(match.group("b"))
        if not (1 <= a <= 12 and 1 <= b <= 12) or a == b or b in (7, 10) or a < b and b not in (11, 12) and \
                not match.group("a").startswith("0") and not match.group("b").startswith("0"):
            continue
        before = text[max(0, match.start() - 24):match.start()]
        if _READING_BEFORE.search(before) or _DURATION_BEFORE.search(before) or _AFTER_FRACTION.match(
                text, match.end()):
            continue
        spans.append((*match.span(), False))
    return spans
