"""Make a teaching case from a real one.

:func:`make_teaching_case` returns a :class:`TeachingDraft`: a *new* case (the original is never touched)
with the HIPAA Safe Harbor identifiers removed from the structured fields, and a :class:`ReviewChecklist`
naming every field that holds free text. The draft stays ``fictional=False`` until a person has read and
confirmed each of those fields (:func:`confirm`); only then does :func:`finalise` hand back the teaching
case, marked fictional.

What is changed automatically:

- the patient's name becomes a pseudonym drawn from a shipped list of invented names, chosen
  deterministically from a seed (the same seed gives the same name; the original name plays no part);
- an age over 89 is taken out of the age field: ``patient.age`` becomes ``None`` and the draft's
  ``age_text`` reads "90 or older". A number is not kept because any number (93, or a cap of 90) would be
  printed as a fact by every view that shows an age; put "90 or older" in the one-liner if the age matters
  for teaching;
- dates in the structured fields (title, list lines such as imaging and prior treatments, medication
  details, pain locations, notes on other scores) are reduced to their year: "12/03/2024", "2024-03-12",
  "12 March 2024", "March 12, 2024" and "March 2024" all become "2024";
- the reference becomes a new teaching reference derived from the seed; database keys, versions and
  time stamps are cleared; the clinicians' names on discipline inputs are removed.

What is *not* changed: the long free-text fields (one-liner, question, history, psychosocial, inputs...)
are left as written. They are listed for review with *hints* at the positions of things that look like
identifiers (phone and fax numbers, e-mail addresses, URLs, IP addresses, record or account numbers,
social security numbers, exact dates, ages over 89, the patient's and clinicians' names). The hints are an
aid, not a guarantee: pattern matching misses identifiers (places, employers, relatives' names, rare
events, unusual spellings), and even the best published automatic systems miss about one identifier in
125. A person must read every field.
"""

from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from mdtboard.domain.case import DISCIPLINE_LABELS, LINE_FIELDS, TEXT_FIELDS, Case
from mdtboard.domain.errors import InvalidInputError, Problem
from mdtboard.domain.privacy import shared_case

#: Ages above this are shown only as :data:`OLDEST_AGE_TEXT` (Safe Harbor).
MAX_SHOWN_AGE = 89
OLDEST_AGE_TEXT = "90 or older"
TEACHING_REF_PREFIX = "teach-"

# Invented names, not drawn from any one language or culture; 32 x 32 = 1024 combinations.
GIVEN_NAMES: tuple[str, ...] = (
    "Alemi", "Boravi", "Calen", "Daveno", "Elmira", "Faloni", "Galeo", "Ivari", "Kelmo", "Lorani",
    "Mavesi", "Nelio", "Orami", "Pemari", "Quilan", "Ravino", "Salemo", "Teviro", "Ulani", "Varesi",
    "Wenoli", "Yarimo", "Zelani", "Amoreth", "Belvani", "Corimo", "Delani", "Esmaro", "Filavi", "Gorimo",
    "Halevi", "Inaro",
)
FAMILY_NAMES: tuple[str, ...] = (
    "Ardeno", "Belvari", "Corvalen", "Davesto", "Elmarin", "Fenalo", "Goravin", "Halveno", "Isomar",
    "Kelavin", "Lorvano", "Mesarin", "Norvelo", "Oltamo", "Peravin", "Ravelon", "Salimor", "Teravo",
    "Ulvenor", "Varomin", "Wenalor", "Yoresin", "Zanelor", "Amberin", "Bolvani", "Celavor", "Dorimen",
    "Esvano", "Folarin", "Gemaro", "Hirvano", "Ilmenor",
)


def _digest(kind: str, seed: int | str) -> int:
    return int.from_bytes(hashlib.sha256(f"mdtboard-{kind}:{seed}".encode()).digest()[:8], "big")


def pseudonym(seed: int | str, avoid: str = "") -> str:
    """An invented "Given Family" name, the same for the same seed; never ``avoid`` (compared caselessly)."""
    number = _digest("pseudonym", seed)
    combos = len(GIVEN_NAMES) * len(FAMILY_NAMES)
    for step in range(combos):
        index = (number + step) % combos
        name = f"{GIVEN_NAMES[index // len(FAMILY_NAMES)]} {FAMILY_NAMES[index % len(FAMILY_NAMES)]}"
        if name.casefold() != avoid.strip().casefold():
            return name
    raise AssertionError("unreachable: the name lists hold more than one name")


def teaching_ref(seed: int | str) -> str:
    """A new case reference for a teaching case, from the seed only (so it does not lead back)."""
    return f"{TEACHING_REF_PREFIX}{_digest('ref', seed):016x}"[: len(TEACHING_REF_PREFIX) + 10]


# --- finding identifiers in text ------------------------------------------------------------------------


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


@dataclass(frozen=True)
class IdentifierHint:
    """Something in a text that looks like an identifier: ``text[start:end]`` of the field ``where``."""

    where: str
    kind: HintKind
    start: int
    end: int
    text: str


_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ORD = r"(?:st|nd|rd|th)?"
_YEAR4 = r"(?P<y>(?:1[89]|2[01])\d\d)"
# Each full date pattern has a group ``y`` (the year); the partial ones have none and are only hinted.
_FULL_DATES = [
    re.compile(rf"\b{_YEAR4}[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?:[T ]\d{{1,2}}:\d\d(?::\d\d)?)?\b"),
    re.compile(rf"\b(?P<a>\d{{1,2}})[/.-](?P<b>\d{{1,2}})[/.-]{_YEAR4}\b"),
    re.compile(r"\b(?P<a>\d{1,2})[/-](?P<b>\d{1,2})[/-](?P<y2>\d\d)\b"),
    re.compile(rf"\b\d{{1,2}}{_ORD}(?:\s+|-)(?:of\s+)?{_MONTHS}\.?(?:,?\s+|-){_YEAR4}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTHS}\.?\s+\d{{1,2}}{_ORD},?\s+{_YEAR4}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTHS}\.?,?\s+{_YEAR4}\b", re.IGNORECASE),
    re.compile(rf"\b(?P<m>\d{{1,2}})/{_YEAR4}\b"),
]
_PARTIAL_DATES = [
    re.compile(rf"\b\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTHS}\b\.?", re.IGNORECASE),
    re.compile(rf"\b{_MONTHS}\.?\s+\d{{1,2}}{_ORD}\b", re.IGNORECASE),
    re.compile(r"\b(?:19|20)\d\d-(?:0[1-9]|1[0-2])\b"),
]
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"']+", re.IGNORECASE)
_IP = re.compile(r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b")
_SSN = re.compile(r"\b\d{3}-\d{2}-\d{4}\b")
_PHONE = re.compile(
    r"(?<![\w/])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w/])"
)
_LABELLED_NUMBER = re.compile(
    r"\b(?:MRN|med(?:ical)?\s+rec(?:ord)?(?:\s+(?:no|number))?|record\s+(?:no|number)|hospital\s+(?:no|number)|"
    r"NHS\s+(?:no|number)|patient\s+(?:id|no|number)|account\s+(?:no|number)|acct|member\s+(?:id|no|number)|"
    r"policy\s+(?:no|number)|licen[cs]e\s+(?:no|number)|ID)\.?\s*(?:#|:|no\.?)?\s*"
    r"(?P<code>(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,})",
    re.IGNORECASE,
)
_LONG_NUMBER = re.compile(r"\b[A-Z]{0,3}\d{6,}\b")
_AGE = re.compile(
    r"\b(?P<n>\d{2,3})\s*(?:-\s*)?(?:years?|yrs?|y)\s*(?:-\s*)?(?:old|/o|o)\b|\baged?\s*:?\s*(?P<n2>\d{2,3})\b",
    re.IGNORECASE,
)
_NAME_SKIP = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "jr", "sr", "the", "and", "van", "von",
                        "de", "da", "del", "la", "le"})


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


def _spans_without_overlap(spans: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """Keep the earliest, then longest, of overlapping spans."""
    kept: list[tuple[int, int, object]] = []
    for span in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _date_spans(text: str, today: date) -> list[tuple[int, int, object]]:
    """Dates in ``text``: (start, end, year) for full dates, (start, end, None) for partial ones."""
    spans: list[tuple[int, int, object]] = []
    for pattern in _FULL_DATES:
        for match in pattern.finditer(text):
            year = _full_year(match, today)
            if year is not None:
                spans.append((match.start(), match.end(), year))
    for pattern in _PARTIAL_DATES:
        spans.extend((m.start(), m.end(), None) for m in pattern.finditer(text))
    return _spans_without_overlap(spans)


def reduce_dates(text: str, today: date | None = None) -> tuple[str, int]:
    """``text`` with every full date replaced by its year, and how many were replaced.

    Two-digit years are read as the most recent such year up to ``today``. Dates without a year
    ("12 March") are left for the reviewer (they are hinted, not changed).
    """
    today = today or date.today()
    out: list[str] = []
    count = last = 0
    for start, end, year in _date_spans(text, today):
        if year is None:
            continue
        out.extend((text[last:start], str(year)))
        last = end
        count += 1
    out.append(text[last:])
    return "".join(out), count


def find_identifiers(
    where: str, text: str, names: tuple[str, ...] = (), today: date | None = None
) -> tuple[IdentifierHint, ...]:
    """Things in ``text`` that look like identifiers, in order of position. A hint, never a guarantee."""
    today = today or date.today()
    found: list[tuple[int, int, HintKind]] = []

    def add(pattern: re.Pattern[str], kind: HintKind, group: int | str = 0) -> None:
        for match in pattern.finditer(text):
            if match.group(group):
                found.append((match.start(group), match.end(group), kind))

    add(_EMAIL, HintKind.EMAIL)
    for match in _URL.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in ".,;:!?)]":
            end -= 1
        found.append((match.start(), end, HintKind.URL))
    add(_IP, HintKind.IP_ADDRESS)
    add(_SSN, HintKind.SSN)
    found.extend((start, end, HintKind.DATE) for start, end, _year in _date_spans(text, today))
    add(_LABELLED_NUMBER, HintKind.RECORD_NUMBER, "code")
    for match in _PHONE.finditer(text):
        if 7 <= sum(ch.isdigit() for ch in match.group()) <= 15:
            found.append((match.start(), match.end(), HintKind.PHONE))
    add(_LONG_NUMBER, HintKind.RECORD_NUMBER)
    for match in _AGE.finditer(text):
        group = "n" if match.group("n") else "n2"
        if int(match.group(group)) > MAX_SHOWN_AGE:
            found.append((match.start(), match.end(), HintKind.AGE_OVER_89))
    for token in sorted(set(names), key=len, reverse=True):
        # Short name parts ("Li", "Ng", "Ana") only as written, or every "ng" in a word would show.
        flags = re.IGNORECASE if len(token) > 3 else 0
        for match in re.finditer(rf"(?<!\w){re.escape(token)}(?!\w)", text, flags):
            found.append((match.start(), match.end(), HintKind.NAME))
    # A hint inside an earlier-listed one (an IP address inside a URL, a date read as a phone number)
    # adds nothing: keep the first kind found for a span, drop spans inside it.
    kept: list[tuple[int, int, HintKind]] = []
    for start, end, kind in found:
        if not any(k_start <= start and end <= k_end for k_start, k_end, _kind in kept):
            kept = [k for k in kept if not (start <= k[0] and k[1] <= end)]
            kept.append((start, end, kind))
    return tuple(
        IdentifierHint(where, kind, start, end, text[start:end]) for start, end, kind in sorted(kept)
    )


def name_tokens(*names: str | None) -> tuple[str, ...]:
    """The parts of people's names worth looking for in free text (titles and particles left out)."""
    tokens: set[str] = set()
    for name in names:
        for word in re.split(r"[^\w'-]+", name or ""):
            # a double-barrelled name is looked for whole and in its parts
            for token in {word, *word.split("-")}:
                token = token.strip("'-")
                if len(token) >= 2 and token.casefold() not in _NAME_SKIP and not token.isdigit():
                    tokens.add(token)
    return tuple(sorted(tokens))


# --- the draft and its review -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """A change made automatically to a structured field (what kind, never the old value)."""

    where: str
    what: str


@dataclass(frozen=True)
class ReviewItem:
    """A free-text field a person must read and confirm. ``wheres`` are its texts (lines of a list)."""

    field: str
    label: str
    wheres: tuple[str, ...]
    hints: tuple[IdentifierHint, ...]
    confirmed: bool = False


@dataclass(frozen=True)
class ReviewChecklist:
    case_ref: str
    items: tuple[ReviewItem, ...]

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(item.field for item in self.items)

    @property
    def unconfirmed(self) -> tuple[str, ...]:
        return tuple(item.field for item in self.items if not item.confirmed)

    @property
    def complete(self) -> bool:
        return not self.unconfirmed

    def item(self, field: str) -> ReviewItem:
        for item in self.items:
            if item.field == field:
                return item
        raise InvalidInputError(Problem(field, "is not a field of this review checklist"))


@dataclass(frozen=True)
class TeachingDraft:
    """A case on its way to becoming a teaching case.

    ``case`` is a new object, not yet fictional; treat it as read-only and change its texts with
    :func:`revise_text`. ``age_text`` is the age as it may be shown ("90 or older" for an age over 89,
    which is then absent from ``case.patient.age``). ``checklist`` is the review as first made: every item
    unconfirmed.
    """

    case: Case
    checklist: ReviewChecklist
    age_text: str | None
    changes: tuple[Change, ...]
    names: tuple[str, ...]  # name parts hinted in free text (the original patient's and clinicians')


_LABELS: dict[str, str] = {
    "title": "Title",
    "one_liner": "One-liner",
    "question_for_team": "Question for the team",
    "presenting_complaint": "Presenting complaint",
    "pain_history": "Pain history",
    "psychosocial": "Psychosocial history",
    "sharing_restrictions": "Sharing restrictions",
    "recommendation": "Presenter's recommendation",
    "pain_locations": "Pain locations",
    "medications": "Medications",
    "prior_treatments": "Treatments so far",
    "imaging": "Imaging",
    "comorbidities": "Comorbidities",
    "function_goals": "Function goals",
    "red_flags": "Red flags",
    "scores.other": "Notes on other scores",
}

_PATH = re.compile(r"^(?P<name>[a-z_]+(?:\.other)?)(?:\[(?P<index>\d+)\])?(?:\.(?P<attr>[a-z_]+))?$")
_STRUCTURED_ATTRS = {
    "pain_locations": ("region", "side", "character"),
    "medications": ("name", "dose", "route", "frequency"),
    "scores.other": ("note",),
}


def _text_slots(case: Case) -> list[tuple[str, str, str, bool]]:
    """Every non-empty text of a case: (checklist field, path, text, structured?) in case order."""
    slots: list[tuple[str, str, str, bool]] = []

    def add(field: str, where: str, text: str | None, structured: bool) -> None:
        if text is not None and text.strip():
            slots.append((field, where, text, structured))

    add("title", "title", case.title, True)
    for name in (*TEXT_FIELDS, "recommendation"):
        add(name, name, getattr(case, name), False)
    for name, attrs in _STRUCTURED_ATTRS.items():
        entries = case.scores.other if name == "scores.other" and case.scores else getattr(case, name, None)
        for index, entry in enumerate(entries or []):
            for attr in attrs:
                add(name, f"{name}[{index}].{attr}", getattr(entry, attr), True)
    for name in LINE_FIELDS:
        if name != "discipline_inputs":
            for index, line in enumerate(getattr(case, name) or []):
                add(name, f"{name}[{index}]", line, True)
    for index, entry in enumerate(case.discipline_inputs or []):
        for attr in ("assessment", "recommendations"):
            path = f"discipline_inputs[{index}].{attr}"
            add(path, path, getattr(entry, attr), False)
    return slots


def _label(field: str, case: Case) -> str:
    match = re.match(r"discipline_inputs\[(\d+)\]\.(\w+)", field)
    if match and case.discipline_inputs is not None:
        entry = case.discipline_inputs[int(match.group(1))]
        return f"{DISCIPLINE_LABELS[entry.discipline]} input: {match.group(2)}"
    return _LABELS.get(field, field)


def _set_text(case: Case, where: str, text: str | None) -> None:
    match = _PATH.match(where)
    if match is None:
        raise InvalidInputError(Problem(where, "is not a text field of a case"))
    name, index, attr = match.group("name"), match.group("index"), match.group("attr")
    if index is None and attr is None and name in (*TEXT_FIELDS, "recommendation", "title"):
        setattr(case, name, text)
        return
    entries: Any = case.scores.other if name == "scores.other" and case.scores else getattr(case, name, None)
    if index is None or not isinstance(entries, list) or int(index) >= len(entries):
        raise InvalidInputError(Problem(where, "is not a text field of this case"))
    allowed = _STRUCTURED_ATTRS.get(name) or (("assessment", "recommendations")
                                               if name == "discipline_inputs" else ())
    if attr is None and name in LINE_FIELDS and name != "discipline_inputs":
        if text is None or not text.strip():
            raise InvalidInputError(Problem(where, "a line of a list cannot be empty"))
        entries[int(index)] = text
    elif attr in allowed:
        if attr in ("name", "region") and text is None:
            raise InvalidInputError(Problem(where, f"the {attr} cannot be empty"))
        setattr(entries[int(index)], attr, text)
    else:
        raise InvalidInputError(Problem(where, "is not a text field of a case"))


def _checklist(case: Case, names: tuple[str, ...], today: date) -> ReviewChecklist:
    grouped: dict[str, list[tuple[str, str]]] = {}
    for field, where, text, _structured in _text_slots(case):
        grouped.setdefault(field, []).append((where, text))
    items = tuple(
        ReviewItem(
            field=field,
            label=_label(field, case),
            wheres=tuple(where for where, _text in texts),
            hints=tuple(
                hint for where, text in texts for hint in find_identifiers(where, text, names, today)
            ),
        )
        for field, texts in grouped.items()
    )
    return ReviewChecklist(case.ref, items)


def make_teaching_case(
    case: Case, seed: int | str, *, ref: str | None = None, today: date | None = None
) -> TeachingDraft:
    """A de-identified copy of ``case`` with its review checklist; ``case`` itself is left unchanged.

    ``seed`` chooses the pseudonym and the teaching reference (store it if the same names are wanted
    again). ``ref`` overrides the teaching reference. ``today`` anchors two-digit years (default: today).
    """
    today = today or date.today()
    new = copy.deepcopy(case)
    if case.restricted_passages:
        # Restricted passages never go into teaching material: the copy carries their notices.
        withheld = shared_case(case)
        for name in (*TEXT_FIELDS, *LINE_FIELDS, "recommendation", "discipline_inputs"):
            if name != "sharing_restrictions":
                setattr(new, name, getattr(withheld, name))
        new.restricted_passages = None
    names = name_tokens(case.patient.display_name, *(entry.author for entry in case.discipline_inputs or []))
    changes: list[Change] = []
    new.ref = ref or teaching_ref(seed)
    new.fictional = False
    new.id, new.version, new.created_at, new.updated_at = None, 0, None, None
    changes.append(Change("id", "replaced by a new teaching reference"))
    new.patient.display_name = pseudonym(seed, avoid=case.patient.display_name)
    changes.append(Change("patient.display_name", "replaced by an invented name"))
    age = case.patient.age
    if age is not None and age > MAX_SHOWN_AGE:
        new.patient.age = None
        age_text: str | None = OLDEST_AGE_TEXT
        changes.append(
            Change("patient.age", f"an age over {MAX_SHOWN_AGE} is shown only as {OLDEST_AGE_TEXT!r}")
        )
    else:
        age_text = None if age is None else str(age)
    if case.restricted_passages:
        changes.append(Change("restricted_passages", "restricted passages withheld"))
    for index, entry in enumerate(new.discipline_inputs or []):
        if entry.author is not None:
            changes.append(Change(f"discipline_inputs[{index}].author", "clinician's name removed"))
        entry.author = None
        entry.id, entry.agenda_item_id, entry.version = None, None, 0
        entry.created_at, entry.updated_at = None, None
    for _field, where, text, structured in _text_slots(new):
        if structured:
            reduced, count = reduce_dates(text, today)
            if count:
                _set_text(new, where, reduced)
                plural = "s" if count > 1 else ""
                changes.append(Change(where, f"{count} date{plural} reduced to the year"))
    return TeachingDraft(new, _checklist(new, names, today), age_text, tuple(changes), names)


def confirm(checklist: ReviewChecklist, field: str, confirmed: bool = True) -> ReviewChecklist:
    """The checklist with ``field`` marked as read and confirmed (or, with ``confirmed=False``, not)."""
    checklist.item(field)  # raises for a field not on the list
    return replace(checklist, items=tuple(
        replace(item, confirmed=confirmed) if item.field == field else item for item in checklist.items
    ))


def revise_text(
    draft: TeachingDraft, checklist: ReviewChecklist, where: str, text: str | None, today: date | None = None
) -> tuple[TeachingDraft, ReviewChecklist]:
    """A reviewer's edit of one text: ``"pain_history"``, ``"imaging[2]"``, ``"medications[0].dose"``...

    Returns the new draft and checklist: the field's hints are found again and it must be confirmed again.
    A blank text clears a field; a line of a list cannot be blank. Nothing else changes.
    """
    today = today or date.today()
    new = copy.deepcopy(draft.case)
    _set_text(new, where, text if text is None or text.strip() else None)
    fresh = _checklist(new, draft.names, today)
    field = next((item.field for item in fresh.items if where in item.wheres), None)
    old = {item.field: item for item in checklist.items}
    items = []
    for item in fresh.items:
        before = old.get(item.field)
        confirmed = before is not None and before.confirmed and item.field != field
        items.append(replace(item, confirmed=confirmed))
    return replace(draft, case=new), ReviewChecklist(new.ref, tuple(items))


def finalise(draft: TeachingDraft, checklist: ReviewChecklist) -> Case:
    """The teaching case, marked fictional, once every field on the checklist is confirmed.

    Raises :class:`InvalidInputError` naming each unconfirmed field (or a checklist that is not this
    draft's); nothing is changed then.
    """
    expected = _checklist(draft.case, draft.names, date.today()).fields
    if checklist.case_ref != draft.case.ref or checklist.fields != expected:
        raise InvalidInputError(Problem(
            "checklist", "this review checklist does not belong to this teaching case (or the case changed "
            "after the checklist was made)",
        ))
    problems = [Problem(item.field, f"{item.label} has not been reviewed and confirmed")
                for item in checklist.items if not item.confirmed]
    if draft.case.patient.age is not None and draft.case.patient.age > MAX_SHOWN_AGE:
        problems.append(Problem("patient.age", f"an age over {MAX_SHOWN_AGE} cannot be kept"))
    if problems:
        raise InvalidInputError(problems, source="Teaching case not finished")
    done = copy.deepcopy(draft.case)
    done.fictional = True
    return done
