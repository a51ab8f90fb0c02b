"""Make a teaching case from a real one.

:func:`make_teaching_case` returns a :class:`TeachingDraft`: a *new* case (the original is never touched)
with the HIPAA Safe Harbor identifiers found in **every** text of the case (title, free text, every line of
every list; see :mod:`mdtboard.domain.phi`) handled in two ways:

- what the finder is sure of is **replaced** at once, consistently across the case: each person's name by
  the same pseudonym everywhere (:mod:`mdtboard.domain.pseudonyms`: fitting the patient's pronouns and
  language), a date by its year (or "[date]" when it has none), an age over 89 by "90 or older", a phone
  number, e-mail, address, postcode, record number... by a bracketed placeholder, a named hospital or church
  by "a local hospital", "a local church". Each replacement is listed (:class:`Replacement`);
- what it is not sure of (a town named after "lives in", a long number without a label) stays in the text as
  an **open hint**, with a proposed replacement.

A person then reads every text: each open hint must be replaced (:func:`replace_hint`, everywhere in the
case) or kept with a typed reason (:func:`keep_hint`); a field can be confirmed as read only when it has no
open hint; the draft stays ``fictional=False`` until every field is confirmed and no hint is open
(:func:`finalise`). A reviewer's own edit (:func:`revise_text`) is searched again: what it brings in is an
open hint, never replaced behind the reviewer's back.

The finder is an aid, not a guarantee (see the measured recall in the README): a person must read every field.
"""

from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from mdtboard.domain.case import LINE_FIELDS, TEXT_FIELDS, Case
from mdtboard.domain.errors import InvalidInputError, Problem
from mdtboard.domain.phi import (
    MAX_SHOWN_AGE,
    OLDEST_AGE_TEXT,
    HintKind,
    IdentifierHint,
    Known,
    find_identifiers,
    name_tokens,
)
from mdtboard.domain.phi_dates import date_spans
from mdtboard.domain.phi_gazetteer import clinical_acronyms, clinical_words
from mdtboard.domain.phi_names import cue_words, initials_of
from mdtboard.domain.phi_people import english_frequency
from mdtboard.domain.phi_places import institution_name_parts
from mdtboard.domain.privacy import shared_case
from mdtboard.domain.pseudonyms import (
    FAMILY,
    NEUTRAL,
    Aliases,
    gender_for,
    group_for,
)
from mdtboard.domain.teaching_replacements import name_cue, name_replacement
from mdtboard.domain.teaching_replacements import replacement as replacement_for
from mdtboard.domain.teaching_texts import label, set_text, text_slots

__all__ = [
    "MAX_SHOWN_AGE", "OLDEST_AGE_TEXT", "HintKind", "IdentifierHint", "find_identifiers", "name_tokens",
    "Change", "Replacement", "ReviewItem", "ReviewChecklist", "TeachingDraft", "make_teaching_case",
    "replace_hint", "keep_hint", "confirm", "revise_text", "finalise", "reduce_dates", "teaching_ref",
    "proposal", "text_slots", "checklist_for", "case_hints", "case_known", "people_names", "kept_summary",
]

TEACHING_REF_PREFIX = "teach-"
#: The shortest reason a reviewer may give for keeping a hint.
MIN_REASON = 3


def _digest(kind: str, seed: int | str) -> int:
    return int.from_bytes(hashlib.sha256(f"mdtboard-{kind}:{seed}".encode()).digest()[:8], "big")


def teaching_ref(seed: int | str) -> str:
    """A new case reference for a teaching case, from the seed only (so it does not lead back)."""
    return f"{TEACHING_REF_PREFIX}{_digest('ref', seed):016x}"[: len(TEACHING_REF_PREFIX) + 10]


def reduce_dates(text: str, today: date | None = None) -> tuple[str, int]:
    """``text`` with every full date replaced by its year, and how many were replaced.

    Two-digit years are read as the most recent such year up to ``today``. Dates without a year
    ("12 March") are not changed here.
    """
    today = today or date.today()
    out: list[str] = []
    count = last = 0
    for start, end, year in date_spans(text, today):
        if year is None:
            continue
        out.extend((text[last:start], str(year)))
        last = end
        count += 1
    out.append(text[last:])
    return "".join(out), count


# --- the draft and its review -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """A change made automatically to a structured field (what kind, never the old value)."""

    where: str
    what: str


@dataclass(frozen=True)
class Replacement:
    """An identifier replaced in a text: ``original`` (patient data: kept only while under review)."""

    where: str
    kind: HintKind
    original: str
    replacement: str
    automatic: bool = True


@dataclass(frozen=True)
class ReviewItem:
    """A text field a person must read and confirm. ``wheres`` are its texts (lines of a list)."""

    field: str
    label: str
    wheres: tuple[str, ...]
    hints: tuple[IdentifierHint, ...]
    confirmed: bool = False

    @property
    def open_hints(self) -> tuple[IdentifierHint, ...]:
        return tuple(h for h in self.hints if h.open)


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
    def open_hints(self) -> tuple[IdentifierHint, ...]:
        return tuple(h for item in self.items for h in item.open_hints)

    @property
    def complete(self) -> bool:
        return not self.unconfirmed and not self.open_hints

    def item(self, field: str) -> ReviewItem:
        for item in self.items:
            if item.field == field:
                return item
        raise InvalidInputError(Problem(field, "is not a field of this review checklist"))


@dataclass(frozen=True)
class TeachingDraft:
    """A case on its way to becoming a teaching case.

    ``case`` is a new object, not yet fictional; treat it as read-only and change it with
    :func:`revise_text`, :func:`replace_hint` and :func:`keep_hint`. ``age_text`` is the age as it may be
    shown ("90 or older" for an age over 89, which is then absent from ``case.patient.age``). ``names``:
    parts of the real people's names, looked for in every text; ``aliases``: real name part (caseless) ->
    pseudonym part; ``kept``: hint text (caseless) -> the reviewer's reason for keeping it;
    ``replacements``: what was replaced, with the originals; ``known``: the towns, institutions and numbers
    found anywhere in the case, looked for in every text. Everything but ``case``, ``age_text`` and
    ``changes`` is patient data, dropped when the teaching case is finalised.
    """

    case: Case
    checklist: ReviewChecklist
    age_text: str | None
    changes: tuple[Change, ...]
    names: tuple[str, ...]
    seed: str = ""
    group: str = "english"
    aliases: dict[str, str] = field(default_factory=dict)
    kept: dict[str, str] = field(default_factory=dict)
    replacements: tuple[Replacement, ...] = ()
    known: tuple[Known, ...] = ()


# --- replacing ---------------------------------------------------------------------------------------------

def proposal(draft: TeachingDraft, hint: IdentifierHint, text: str | None = None) -> str:
    """What a hint would be replaced with ("[town]", a pseudonym, the year...). Does not change the draft.

    ``text``: the whole text the hint is in (gives a name its context); the hint's alone otherwise.
    """
    aliases = Aliases(draft.seed or draft.case.ref, draft.group, set(draft.names), dict(draft.aliases))
    return replacement_for(aliases, hint, text if text is not None else hint.text,
                        hint.start if text is not None else 0)


#: Kinds of hint a pseudonym put in may be taken for: not asked about again.
_PSEUDONYM_KINDS = (HintKind.NAME, HintKind.PLACE, HintKind.INSTITUTION)


def _known_hints(
    where: str, text: str, names: tuple[str, ...], aliases: dict[str, str], kept: dict[str, str], today: date,
    known: tuple[Known, ...] = (),
) -> tuple[IdentifierHint, ...]:
    """The hints of one text, without the pseudonyms put in (a "Mrs Byrne" that is already replaced), with
    the reviewer's reasons for those kept."""
    pseudonyms = {value.casefold() for value in aliases.values()}
    out = []
    for hint in find_identifiers(where, text, names, today, known=known):
        words = [w.strip("'’-.,").casefold() for w in hint.text.split()]
        if hint.kind in _PSEUDONYM_KINDS and words and all(w in pseudonyms for w in words):
            continue  # a pseudonym put in, which the finder may take for a town ("Reyes Romero")
        reason = kept.get(hint.text.casefold())
        out.append(replace(hint, reason=reason) if reason else hint)
    return tuple(out)


def _checklist(
    case: Case, names: tuple[str, ...], today: date, aliases: dict[str, str] | None = None,
    kept: dict[str, str] | None = None, known: tuple[Known, ...] = (),
) -> ReviewChecklist:
    grouped: dict[str, list[tuple[str, str]]] = {}
    for fld, where, text, _structured in text_slots(case):
        grouped.setdefault(fld, []).append((where, text))
    items = tuple(
        ReviewItem(
            field=fld,
            label=label(fld, case),
            wheres=tuple(where for where, _text in texts),
            hints=tuple(
                hint for where, text in texts
                for hint in _known_hints(where, text, names, aliases or {}, kept or {}, today, known)
            ),
        )
        for fld, texts in grouped.items()
    )
    return ReviewChecklist(case.ref, items)


def _apply(
    text: str, hints: list[IdentifierHint], aliases: Aliases, automatic: bool
) -> tuple[str, list[Replacement]]:
    """``text`` with each of ``hints`` replaced (from the end, so positions hold)."""
    done: list[Replacement] = []
    # decide in reading order (a name's first mention sets its pseudonym), replace from the end
    ordered = sorted(hints, key=lambda h: h.start)
    news = {hint: replacement_for(aliases, hint, text, hint.start) for hint in ordered}
    for hint in sorted(hints, key=lambda h: h.start, reverse=True):
        new = news[hint]
        start = hint.start
        if hint.kind is HintKind.DATE and new.isdigit() and re.search(r"(?<!\w)[Oo]n $", text[:start]):
            start -= 3  # "on 2 February 2021" -> "in 2021"
            new = ("in " if text[start] == "o" else "In ") + new
        text = text[:start] + new + text[hint.end:]
        done.append(Replacement(hint.where, hint.kind, hint.text, new, automatic))
    return text, done[::-1]


def _people(case: Case) -> list[str | None]:
    return [case.patient.display_name, case.sharing_restrictions_by,
            *(entry.author for entry in case.discipline_inputs or [])]


def people_names(case: Case, today: date | None = None) -> tuple[str, ...]:
    """The parts of the names of this case's people: the patient's, the clinicians', and every name found
    in any of its texts by its context (a name found once is looked for in every text). A name found only as
    a question (a given name alone, "thanks, Bernadette") is not one of them: it stays a question."""
    today = today or date.today()
    whole: set[str] = {name for name in _people(case) if name}
    slots = [(where, text) for _field, where, text, _structured in text_slots(case)]
    for where, text in slots:
        whole.update(h.text for h in find_identifiers(where, text, (), today)
                     if h.kind is HintKind.NAME and h.sure)
    found: set[str] = set(name_tokens(*whole))
    # the initials of a person named in the case, written alone ("MN to refer", "seen by AR") in minutes and
    # notes, unless they are a clinical abbreviation ("OA", "MS") or an English word in capitals ("DO NOT")
    alone = r"(?<![\w'’&.-])[A-Z]{2,4}(?![\w'’&-])"
    capitals = {w for _where, text in slots for w in re.findall(alone, text)}
    common = english_frequency()
    found.update(i for i in set().union(*map(initials_of, whole)) & capitals
                 if i not in clinical_acronyms() and common.get(i.casefold(), 0.0) < INITIALS_NOT_WORDS)
    # once a full name is known ("Mercy Bautista-Lim", found by its family name), its first name alone
    # is a name too ("Mercy phones"): the name parts found beside the known ones, unless the case writes
    # them in lower case (then they are words) or they are clinical words
    lower = {w for _where, text in slots for w in re.findall(r"(?<![\w'’-])[a-zß-öø-ÿ][\w'’-]*", text)}
    not_names = clinical_words() | cue_words()
    known = tuple(sorted(found))
    for where, text in slots:
        for hint in find_identifiers(where, text, known, today):
            if hint.kind is HintKind.NAME and hint.sure:
                found.update(token for token in name_tokens(hint.text) if token[:1].isupper()
                             and len(token) >= 3 and token.casefold() not in lower
                             and token.casefold() not in not_names)
    return tuple(sorted(found))


#: Capitals that are an English word at least this common (Zipf frequency: "do", "me", "an", "go") are not
#: taken for a person's initials. Lower, and the abbreviations that web text writes as words ("em", "nc",
#: "ms", 4 to 4.7) would be left out too.
INITIALS_NOT_WORDS = 5.0

#: Kinds of identifier looked for again in every text of the case once found in one.
_PROPAGATED = (HintKind.PLACE, HintKind.INSTITUTION, HintKind.RECORD_NUMBER, HintKind.ADDRESS,
               HintKind.POSTCODE, HintKind.EMAIL, HintKind.URL, HintKind.SSN)


def case_known(case: Case, names: tuple[str, ...], today: date | None = None) -> tuple[Known, ...]:
    """The towns, institutions, record numbers... found in any text of ``case``, with their kind and
    sureness: each is looked for in every other text (a town named once after "lives in" is the same town
    in the title or a line of a list). Sure wins over a question for the same text."""
    today = today or date.today()
    known: dict[tuple[str, HintKind], bool] = {}
    for _field, where, text, _structured in text_slots(case):
        for hint in find_identifiers(where, text, names, today):
            if hint.kind in _PROPAGATED and len(hint.text) >= 3 and any(ch.isalnum() for ch in hint.text):
                key = (hint.text, hint.kind)
                known[key] = known.get(key, False) or hint.sure
            if hint.kind is HintKind.INSTITUTION:
                # its own name without the kind ("Bronglais" of "Bronglais Hospital"): a question elsewhere
                for part in institution_name_parts(hint.text):
                    known.setdefault((part, HintKind.INSTITUTION), False)
    return tuple((text, kind, sure) for (text, kind), sure in sorted(known.items()))


def case_hints(case: Case, today: date | None = None) -> dict[str, tuple[IdentifierHint, ...]]:
    """Every identifier hint in every text of ``case`` as it is (path -> hints): what a draft starts from."""
    today = today or date.today()
    names = people_names(case, today)
    ages = _ages(case, today)
    known = case_known(case, names, today)
    return {where: find_identifiers(where, text, names, today, ages, known)
            for _f, where, text, _s in text_slots(case)}


def _ages(case: Case, today: date | None = None) -> tuple[int, ...]:
    """The ages over 89 known in ``case``: the patient's, and those written in any of its texts ("96F",
    "aged 93"), looked for as bare numbers in every text ("At 96, is ..."). """
    found: set[int] = set()
    age = case.patient.age
    if age is not None and age > MAX_SHOWN_AGE:
        found |= {age, age + 1}
    for _field, where, text, _structured in text_slots(case):
        for hint in find_identifiers(where, text, (), today or date.today()):
            if hint.kind is HintKind.AGE_OVER_89:
                found.update(n for n in map(int, re.findall(r"(?<!\d)\d{2,3}(?!\d)", hint.text))
                             if MAX_SHOWN_AGE < n < 120)
    return tuple(sorted(found))


def make_teaching_case(
    case: Case, seed: int | str, *, ref: str | None = None, today: date | None = None
) -> TeachingDraft:
    """A de-identified copy of ``case`` with its review checklist; ``case`` itself is left unchanged.

    ``seed`` chooses the pseudonyms and the teaching reference (store it if the same names are wanted
    again). ``ref`` overrides the teaching reference. ``today`` anchors two-digit years (default: today).
    """
    today = today or date.today()
    seed = str(seed)
    new = copy.deepcopy(case)
    if case.restricted_passages:
        # Restricted passages never go into teaching material: the copy carries their notices.
        withheld = shared_case(case)
        for name in (*TEXT_FIELDS, *LINE_FIELDS, "recommendation", "discipline_inputs"):
            if name != "sharing_restrictions":
                setattr(new, name, getattr(withheld, name))
        new.restricted_passages = None
    patient = case.patient
    people = _people(case)
    names = people_names(case, today)
    group = group_for(patient.preferred_language)
    # a pseudonym is never a real name part, nor capitals the case writes (initials stand for initials)
    capitals = {w.casefold() for _f, _w, text, _s in text_slots(case)
                for w in re.findall(r"\b[A-Z]{2,4}\b", text)}
    aliases = Aliases(seed, group, {n.casefold() for n in names} | capitals)
    changes: list[Change] = []
    new.ref = ref or teaching_ref(seed)
    new.fictional = False
    new.id, new.version, new.created_at, new.updated_at = None, 0, None, None
    changes.append(Change("id", "replaced by a new teaching reference"))
    real_name = " ".join(w for w in patient.display_name.split() if w.strip(".").casefold() not in
                         {"mr", "mrs", "ms", "miss", "mx", "dr", "prof"})
    new.patient.display_name = aliases.full_name(
        real_name or patient.display_name, gender_for(patient.pronouns, patient.sex, patient.gender_identity)
    )
    if len(real_name.split()) == 1:  # a one-word name: give the pseudonym a family name too
        new.patient.display_name += " " + aliases.alias("\x1ffamily", FAMILY)
    changes.append(Change("patient.display_name", "replaced by a pseudonym"))
    for person in people[1:]:
        if person:
            bare = " ".join(w for w in person.split() if w.strip(".").casefold() not in
                            {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor"})
            aliases.full_name(bare, NEUTRAL, clinician=True)
    if new.sharing_restrictions_by:
        new.sharing_restrictions_by = None
        changes.append(Change("sharing_restrictions_by", "the name of who recorded the restrictions removed"))
    age = patient.age
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
    known = case_known(new, names, today)
    # a name whose context says who it is ("her daughter Agata", "Dr Osei") anywhere in the case decides
    # its pseudonym before the mentions that say nothing ("Agata phones")
    for _field, where, text, _structured in text_slots(new):
        for hint in find_identifiers(where, text, names, today):
            if hint.kind is HintKind.NAME and name_cue(text, hint.start, hint.end):
                name_replacement(aliases, text, hint.start, hint.end)
    replacements: list[Replacement] = []
    ages = _ages(case, today)
    for _field, where, text, _structured in text_slots(new):
        sure = [h for h in find_identifiers(where, text, names, today, ages, known) if h.sure]
        if sure:
            changed, done = _apply(text, sure, aliases, automatic=True)
            set_text(new, where, changed)
            replacements.extend(done)
    draft = TeachingDraft(new, _checklist(new, names, today, aliases.mapping, known=known), age_text,
                          tuple(changes), names, seed, group, dict(aliases.mapping), {}, tuple(replacements),
                          known)
    return draft


def _rebuilt(draft: TeachingDraft, checklist: ReviewChecklist, new: Case, today: date,
             touched: set[str], **changes: Any) -> tuple[TeachingDraft, ReviewChecklist]:
    """The draft with ``new`` as its case, and its checklist found again; fields in ``touched`` must be
    confirmed again, others keep their confirmation."""
    revised = replace(draft, case=new, **changes)
    fresh = _checklist(new, revised.names, today, revised.aliases, revised.kept, revised.known)
    old = {item.field: item for item in checklist.items}
    items = []
    for item in fresh.items:
        before = old.get(item.field)
        confirmed = (before is not None and before.confirmed and item.field not in touched
                     and not item.open_hints)
        items.append(replace(item, confirmed=confirmed))
    return revised, ReviewChecklist(new.ref, tuple(items))


def replace_hint(
    draft: TeachingDraft, checklist: ReviewChecklist, text: str, replacement: str | None = None,
    today: date | None = None,
) -> tuple[TeachingDraft, ReviewChecklist]:
    """Replace every hint that reads ``text`` (caselessly), in every text of the case, with ``replacement``
    (by default each one's :func:`proposal`: the same person gets the same pseudonym everywhere).

    The fields changed must be confirmed again. Raises when no open or kept hint reads ``text``.
    """
    today = today or date.today()
    key = text.casefold()
    hints = [h for h in checklist.open_hints if h.text.casefold() == key] + [
        h for item in checklist.items for h in item.hints if not h.open and h.text.casefold() == key]
    if not hints:
        raise InvalidInputError(
            Problem("hint", f"no hint reads “{text}” (it may have been replaced already)"))
    if replacement is not None and not replacement.strip():
        raise InvalidInputError(
            Problem("replacement", "type what to put in its place, or keep it with a reason"))
    new = copy.deepcopy(draft.case)
    aliases = Aliases(draft.seed or draft.case.ref, draft.group, set(draft.names), dict(draft.aliases))
    if replacement is not None and hints[0].kind is HintKind.NAME:
        # a reviewer's own pseudonym for a name: the same for its parts everywhere
        for real, alias in zip(text.split(), replacement.split(), strict=False):
            aliases.mapping.setdefault(real.strip("'’-.,").casefold(), alias)
    touched: set[str] = set()
    done: list[Replacement] = []
    for fld, where, value, _structured in text_slots(new):
        mine = [h for h in _known_hints(where, value, draft.names, draft.aliases, {}, today, draft.known)
                if h.text.casefold() == key]
        if not mine:
            continue
        if replacement is None:
            changed, these = _apply(value, mine, aliases, automatic=False)
        else:
            changed = value
            these = []
            for hint in sorted(mine, key=lambda h: h.start, reverse=True):
                changed = changed[: hint.start] + replacement.strip() + changed[hint.end:]
                these.append(Replacement(where, hint.kind, hint.text, replacement.strip(), False))
        set_text(new, where, changed)
        done.extend(these)
        touched.add(fld)
    kept = {k: v for k, v in draft.kept.items() if k != key}
    return _rebuilt(draft, checklist, new, today, touched, aliases=dict(aliases.mapping), kept=kept,
                    replacements=draft.replacements + tuple(done))


def keep_hint(
    draft: TeachingDraft, checklist: ReviewChecklist, text: str, reason: str, today: date | None = None
) -> tuple[TeachingDraft, ReviewChecklist]:
    """Keep every hint that reads ``text`` as it is, for a typed ``reason`` (it is not an identifier, or it
    is needed and harmless: "a drug name", "a country"). Confirmations are unchanged."""
    today = today or date.today()
    reason = " ".join(reason.split())
    if len(reason) < MIN_REASON:
        raise InvalidInputError(
            Problem("reason", f"say why “{text}” may stay (at least {MIN_REASON} letters)"))
    if not any(h.text.casefold() == text.casefold() for item in checklist.items for h in item.hints):
        raise InvalidInputError(Problem("hint", f"no hint reads “{text}”"))
    kept = {**draft.kept, text.casefold(): reason[:300]}
    return _rebuilt(draft, checklist, copy.deepcopy(draft.case), today, set(), kept=kept)


def confirm(checklist: ReviewChecklist, field: str, confirmed: bool = True) -> ReviewChecklist:
    """The checklist with ``field`` marked as read and confirmed (or, with ``confirmed=False``, not).

    A field with an open hint cannot be confirmed: each hint must be replaced or kept with a reason first.
    """
    item = checklist.item(field)  # raises for a field not on the list
    if confirmed and item.open_hints:
        found = "; ".join(f"{h.kind.value} “{h.text}”" for h in item.open_hints)
        raise InvalidInputError(Problem(
            field, f"{item.label} still has {len(item.open_hints)} open hint(s): {found}. Replace each or "
            "keep it with a reason first",
        ), source="Field not confirmed")
    return replace(checklist, items=tuple(
        replace(i, confirmed=confirmed) if i.field == field else i for i in checklist.items
    ))


def revise_text(
    draft: TeachingDraft, checklist: ReviewChecklist, where: str, text: str | None, today: date | None = None
) -> tuple[TeachingDraft, ReviewChecklist]:
    """A reviewer's edit of one text: ``"pain_history"``, ``"imaging[2]"``, ``"medications[0].dose"``...

    Returns the new draft and checklist: the field's hints are found again (what the edit brought in is an
    open hint) and it must be confirmed again. A blank text clears a field; a line of a list cannot be blank.
    """
    today = today or date.today()
    new = copy.deepcopy(draft.case)
    set_text(new, where, text if text is None or text.strip() else None)
    fields = {fld for fld, w, _t, _s in text_slots(new) if w == where}
    return _rebuilt(draft, checklist, new, today, fields or {where})


def finalise(draft: TeachingDraft, checklist: ReviewChecklist) -> Case:
    """The teaching case, marked fictional, once every field on the checklist is confirmed and no hint is
    open.

    Raises :class:`InvalidInputError` naming each unconfirmed field and each open hint (or a checklist that
    is not this draft's); nothing is changed then. What was kept is in ``draft.kept``.
    """
    fresh = _checklist(draft.case, draft.names, date.today(), draft.aliases, draft.kept, draft.known)
    if checklist.case_ref != draft.case.ref or checklist.fields != fresh.fields:
        raise InvalidInputError(Problem(
            "checklist", "this review checklist does not belong to this teaching case (or the case changed "
            "after the checklist was made)",
        ))
    problems = [Problem(h.where,
                        f"open hint: {h.kind.value} “{h.text}” (replace it or keep it with a reason)")
                for h in fresh.open_hints]
    problems += [Problem(item.field, f"{item.label} has not been reviewed and confirmed")
                 for item in checklist.items if not item.confirmed]
    if draft.case.patient.age is not None and draft.case.patient.age > MAX_SHOWN_AGE:
        problems.append(Problem("patient.age", f"an age over {MAX_SHOWN_AGE} cannot be kept"))
    if problems:
        raise InvalidInputError(problems, source="Teaching case not finished")
    done = copy.deepcopy(draft.case)
    done.fictional = True
    return done


def checklist_for(draft: TeachingDraft, today: date | None = None) -> ReviewChecklist:
    """A fresh checklist for the draft as it is now (every field unconfirmed, kept hints with reasons)."""
    return _checklist(draft.case, draft.names, today or date.today(), draft.aliases, draft.kept, draft.known)


def kept_summary(draft: TeachingDraft) -> tuple[Change, ...]:
    """What the reviewer kept, and why, as changes a finished teaching case may carry."""
    return tuple(Change("kept", f"“{text}” kept: {reason}") for text, reason in sorted(draft.kept.items()))


