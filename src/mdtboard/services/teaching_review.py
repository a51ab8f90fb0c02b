"""Making a teaching case from a real one, stored: the draft, its review checklist, confirmation, finalising.

The steps are the domain's (:mod:`mdtboard.domain.deidentify`); this module keeps their state in the
database between one person's actions, inside the unit of work of a :class:`TrainingService` call:

- :func:`make` reads the real case (never changing it), stores the de-identified draft as a **new case**
  (``fictional`` False: until reviewed it must be treated as real) and a row per checklist field;
- :func:`replace_hint` and :func:`keep_hint` settle the open hints (replaced everywhere in the case, or
  kept with a typed reason); :func:`confirm_field` and :func:`revise` record a reviewer's work field by field;
- :func:`finalise` marks the draft fictional once every field is confirmed and no hint is open, keeps the list
  of what was kept (and why) with the review, and then drops the review's link back to the original (source
  case, seed, the real names and what each replacement replaced).

While under review, ``names`` holds the review's patient data as JSON: the real name parts looked for, the
pseudonym of each, the hints kept with their reasons, every replacement with its original and the towns,
institutions and numbers found anywhere in the case (looked for in every text).

If the draft case is edited elsewhere (the case editor) while under review, the checklist no longer
describes what is stored: the review then starts again, every field unconfirmed (``changed_elsewhere``).
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass, replace
from datetime import datetime

from mdtboard.domain.case import LINE_FIELDS, TEXT_FIELDS, Case
from mdtboard.domain.deidentify import (
    Change,
    HintKind,
    IdentifierHint,
    Replacement,
    ReviewChecklist,
    ReviewItem,
    TeachingDraft,
    checklist_for,
    confirm,
    kept_summary,
    make_teaching_case,
    revise_text,
)
from mdtboard.domain.deidentify import (
    finalise as finalise_draft,
)
from mdtboard.domain.deidentify import (
    keep_hint as keep_hint_in,
)
from mdtboard.domain.deidentify import (
    replace_hint as replace_hint_in,
)
from mdtboard.domain.errors import ConflictError, InvalidInputError, NotFoundError, Problem
from mdtboard.domain.validation import check_case
from mdtboard.services.uow import Session
from mdtboard.storage import case_repo
from mdtboard.storage import teaching_review_repo as review_repo
from mdtboard.storage.models import utcnow
from mdtboard.storage.training_models import TeachingReviewFieldRow, TeachingReviewRow

IN_REVIEW, FINAL = "in_review", "final"
_SEED_TRIES = 8


@dataclass(frozen=True)
class TeachingReview:
    """A teaching case on its way from a real case: the draft, its checklist and who confirmed what.

    ``draft.case`` is the stored draft (with its database id and version). ``checklist`` is the review
    as it stands. ``confirmed_by`` names the reviewer of each confirmed field, where one was given.
    ``changed_elsewhere``: the draft case was edited outside the review, so every field must be read
    again. ``source_case_id`` is None once the teaching case is final.
    """

    id: int
    version: int
    final: bool
    source_case_id: int | None
    draft_case_id: int
    draft: TeachingDraft
    checklist: ReviewChecklist
    confirmed_by: dict[str, str | None]
    changed_elsewhere: bool
    created_at: datetime | None = None
    finalised_at: datetime | None = None

    @property
    def ready(self) -> bool:
        """Every field is confirmed: the teaching case may be finalised."""
        return not self.final and not self.changed_elsewhere and self.checklist.complete

    def texts(self, field: str) -> list[tuple[str, str]]:
        """(where, text) of each text of a checklist field, e.g. ``[("imaging[0]", "MRI 2023: ...")]``."""
        item = self.checklist.item(field)
        return [(where, text_at(self.draft.case, where) or "") for where in item.wheres]


# ----------------------------------------------------------------------------------- reading texts

_PATH = re.compile(r"^(?P<name>[a-z_]+(?:\.other)?)(?:\[(?P<index>\d+)\])?(?:\.(?P<attr>[a-z_]+))?$")


def text_at(case: Case, where: str) -> str | None:
    """The text of a case at a checklist path ("title", "imaging[2]", "medications[0].dose",
    "scores.other[1].note", "discipline_inputs[0].assessment"); None when there is none."""
    match = _PATH.match(where)
    if match is None:
        return None
    name, index, attr = match.group("name"), match.group("index"), match.group("attr")
    if index is None:
        value = getattr(case, name, None) if name in (*TEXT_FIELDS, "recommendation", "title") else None
        return value if isinstance(value, str) else None
    if name == "scores.other":
        entries = case.scores.other if case.scores is not None else None
    elif name in (*LINE_FIELDS, "pain_locations", "medications", "discipline_inputs"):
        entries = getattr(case, name)
    else:
        return None
    if not entries or int(index) >= len(entries):
        return None
    entry = entries[int(index)]
    value = entry if attr is None else getattr(entry, attr, None)
    return value if isinstance(value, str) else None


# ----------------------------------------------------------------------------------- storing


def _hints_json(hints: tuple[IdentifierHint, ...]) -> str:
    return json.dumps(
        [[h.where, h.kind.value, h.start, h.end, h.text, h.sure, h.reason, h.year] for h in hints],
        ensure_ascii=False,
    )


def _hint(values: list[object]) -> IdentifierHint:
    where, kind, start, end, text, *rest = values
    sure, reason, year = (rest + [True, None, None])[:3] if len(rest) < 3 else rest[:3]
    return IdentifierHint(str(where), HintKind(str(kind)), int(str(start)), int(str(end)), str(text),
                          bool(sure), None if reason is None else str(reason),
                          None if year is None else int(str(year)))


def _item(row: TeachingReviewFieldRow) -> ReviewItem:
    return ReviewItem(
        field=row.field,
        label=row.label,
        wheres=tuple(json.loads(row.wheres)),
        hints=tuple(_hint(values) for values in json.loads(row.hints)),
        confirmed=row.confirmed,
    )


def _state_json(draft: TeachingDraft) -> str:
    """The review's patient data (see the module's doc), dropped when the teaching case is finalised."""
    return json.dumps(
        {
            "names": list(draft.names),
            "group": draft.group,
            "aliases": draft.aliases,
            "kept": draft.kept,
            "replacements": [[r.where, r.kind.value, r.original, r.replacement, r.automatic]
                             for r in draft.replacements],
            "known": [[text, kind.value, sure] for text, kind, sure in draft.known],
        },
        ensure_ascii=False,
    )


def _state(raw: str | None) -> dict[str, object]:
    data = json.loads(raw or "[]")
    if isinstance(data, list):  # reviews made before the state was kept: the names only
        return {"names": data}
    return dict(data)


def _write_fields(
    session: Session,
    row: TeachingReviewRow,
    checklist: ReviewChecklist,
    confirmed_by: dict[str, str | None],
    confirmed_at: dict[str, datetime | None],
) -> None:
    review_repo.replace_fields(
        session,
        row.id,
        [
            {
                "field": item.field,
                "label": item.label[:200],
                "wheres": json.dumps(list(item.wheres)),
                "hints": _hints_json(item.hints),
                "confirmed": item.confirmed,
                "confirmed_by": confirmed_by.get(item.field) if item.confirmed else None,
                "confirmed_at": confirmed_at.get(item.field) if item.confirmed else None,
            }
            for item in checklist.items
        ],
    )


def _fresh_checklist(draft: TeachingDraft) -> ReviewChecklist:
    """A new checklist for the draft as it is now, every field unconfirmed."""
    return checklist_for(draft)


def make(session: Session, case_id: int, seed: str | None) -> int:
    """Store the de-identified draft of a real case and its checklist; returns the review's id."""
    found = case_repo.load_cases(session, ids=[case_id])
    if not found:
        raise NotFoundError("case", case_id)
    source = found[0]
    if source.fictional:
        raise InvalidInputError(
            Problem("case", f"{source.ref} is already fictional: it can be used for teaching as it is")
        )
    seeds = [seed] if seed is not None else [secrets.token_hex(8) for _ in range(_SEED_TRIES)]
    for chosen in seeds:
        draft = make_teaching_case(source, chosen)
        if not case_repo.ids_by_ref(session, [draft.case.ref]):
            break
    else:
        raise InvalidInputError(
            Problem(
                "seed",
                f"a case with the teaching reference {draft.case.ref} already exists; choose another seed",
            )
        )
    check_case(draft.case)
    (draft_id,) = case_repo.insert_cases(session, [draft.case])
    now = utcnow()
    row = review_repo.add(
        session,
        source_case_id=case_id,
        draft_case_id=draft_id,
        status=IN_REVIEW,
        seed=chosen,
        age_text=draft.age_text,
        names=_state_json(draft),
        changes=json.dumps([[c.where, c.what] for c in draft.changes], ensure_ascii=False),
        case_version=0,
        created_at=now,
        updated_at=now,
    )
    _write_fields(session, row, draft.checklist, {}, {})
    return row.id


def _row(session: Session, review_id: int) -> TeachingReviewRow:
    row = review_repo.get(session, review_id)
    if row is None:
        raise NotFoundError("teaching review", review_id)
    return row


def _to_review(session: Session, row: TeachingReviewRow) -> TeachingReview:
    found = case_repo.load_cases(session, ids=[row.draft_case_id])
    if not found:
        raise NotFoundError("case", row.draft_case_id)
    case = found[0]
    stored = ReviewChecklist(case.ref, tuple(_item(f) for f in row.fields))
    unconfirmed = ReviewChecklist(case.ref, tuple(replace(i, confirmed=False) for i in stored.items))
    state = _state(row.names)
    draft = TeachingDraft(
        case=case,
        checklist=unconfirmed,
        age_text=row.age_text,
        changes=tuple(Change(w, what) for w, what in json.loads(row.changes or "[]")),
        names=tuple(str(n) for n in state.get("names", []) or []),  # type: ignore[attr-defined]
        seed=row.seed or "",
        group=str(state.get("group", "english")),
        aliases=dict(state.get("aliases", {}) or {}),  # type: ignore[call-overload]
        kept=dict(state.get("kept", {}) or {}),  # type: ignore[call-overload]
        replacements=tuple(
            Replacement(str(w), HintKind(str(k)), str(o), str(r), bool(a))
            for w, k, o, r, a in state.get("replacements", []) or []  # type: ignore[attr-defined]
        ),
        known=tuple(
            (str(t), HintKind(str(k)), bool(s))
            for t, k, s in state.get("known", []) or []  # type: ignore[attr-defined]
        ),
    )
    stale = row.status == IN_REVIEW and case.version != row.case_version
    return TeachingReview(
        id=row.id,
        version=row.version,
        final=row.status == FINAL,
        source_case_id=row.source_case_id,
        draft_case_id=row.draft_case_id,
        draft=draft,
        checklist=_fresh_checklist(draft) if stale else stored,
        confirmed_by={f.field: f.confirmed_by for f in row.fields if f.confirmed and not stale},
        changed_elsewhere=stale,
        created_at=row.created_at,
        finalised_at=row.finalised_at,
    )


def load(session: Session, review_id: int) -> TeachingReview:
    return _to_review(session, _row(session, review_id))


def load_all(session: Session, *, open_only: bool) -> list[TeachingReview]:
    rows = review_repo.all_reviews(session, status=IN_REVIEW if open_only else None)
    return [_to_review(session, row) for row in rows]


def _open_for_change(
    session: Session, review_id: int, seen_version: int
) -> tuple[TeachingReviewRow, TeachingReview]:
    row = _row(session, review_id)
    current = _to_review(session, row)
    if row.version != seen_version:
        raise ConflictError(
            "teaching review", current.draft.case.ref, seen_version=seen_version, theirs=current
        )
    if row.status == FINAL:
        raise InvalidInputError(
            Problem("review", f"{current.draft.case.ref} is already a finished teaching case")
        )
    return row, current


def _bump(session: Session, row: TeachingReviewRow, seen_version: int, **values: object) -> None:
    done = review_repo.update(session, row.id, seen_version, updated_at=utcnow(), **values)
    if done is None:
        raise ConflictError("teaching review", row.id, seen_version=seen_version)


def _confirmations(row: TeachingReviewRow) -> tuple[dict[str, str | None], dict[str, datetime | None]]:
    return ({f.field: f.confirmed_by for f in row.fields}, {f.field: f.confirmed_at for f in row.fields})


def confirm_field(
    session: Session, review_id: int, field: str, confirmed: bool, reviewer: str | None, seen_version: int
) -> None:
    row, current = _open_for_change(session, review_id, seen_version)
    checklist = confirm(current.checklist, field, confirmed)  # an unknown field raises
    by, at = _confirmations(row)
    by[field] = " ".join(reviewer.split())[:200] if reviewer and reviewer.strip() else None
    at[field] = utcnow()
    _write_fields(session, row, checklist, by, at)
    _bump(session, row, seen_version, case_version=current.draft.case.version)


def revise(session: Session, review_id: int, where: str, text: str | None, seen_version: int) -> None:
    row, current = _open_for_change(session, review_id, seen_version)
    draft, checklist = revise_text(current.draft, current.checklist, where, text)
    _store(session, row, current, draft, checklist, seen_version)


def replace_hint(
    session: Session, review_id: int, text: str, replacement: str | None, seen_version: int
) -> None:
    """Replace every hint reading ``text`` in the whole draft (by its proposal, or ``replacement``)."""
    row, current = _open_for_change(session, review_id, seen_version)
    draft, checklist = replace_hint_in(current.draft, current.checklist, text, replacement)
    _store(session, row, current, draft, checklist, seen_version)


def keep_hint(session: Session, review_id: int, text: str, reason: str, seen_version: int) -> None:
    """Keep every hint reading ``text`` as written, for the typed ``reason``."""
    row, current = _open_for_change(session, review_id, seen_version)
    draft, checklist = keep_hint_in(current.draft, current.checklist, text, reason)
    by, at = _confirmations(row)
    _write_fields(session, row, checklist, by, at)
    _bump(session, row, seen_version, names=_state_json(draft))


def _store(
    session: Session,
    row: TeachingReviewRow,
    current: TeachingReview,
    draft: TeachingDraft,
    checklist: ReviewChecklist,
    seen_version: int,
) -> None:
    check_case(draft.case)
    new_version = case_repo.replace_case(
        session, row.draft_case_id, draft.case, seen_version=current.draft.case.version
    )
    if new_version is None:
        raise ConflictError("case", current.draft.case.ref, seen_version=current.draft.case.version)
    by, at = _confirmations(row)
    _write_fields(session, row, checklist, by, at)
    _bump(session, row, seen_version, case_version=new_version, names=_state_json(draft))


def finalise(session: Session, review_id: int, reviewer: str | None, seen_version: int) -> int:
    """Mark the draft fictional; returns its case id. Refuses, changing nothing, while a field is open."""
    row, current = _open_for_change(session, review_id, seen_version)
    if current.changed_elsewhere:
        raise InvalidInputError(
            Problem(
                "case",
                f"{current.draft.case.ref} was changed outside this review; read and confirm every field "
                "again",
            ),
            source="Teaching case not finished",
        )
    done = finalise_draft(current.draft, current.checklist)
    new_version = case_repo.replace_case(
        session, row.draft_case_id, done, seen_version=current.draft.case.version
    )
    if new_version is None:
        raise ConflictError("case", current.draft.case.ref, seen_version=current.draft.case.version)
    name = " ".join(reviewer.split())[:200] if reviewer and reviewer.strip() else None
    changes = [*current.draft.changes, *kept_summary(current.draft)]
    _bump(
        session,
        row,
        seen_version,
        changes=json.dumps([[c.where, c.what] for c in changes], ensure_ascii=False),
        status=FINAL,
        case_version=new_version,
        source_case_id=None,
        seed=None,
        names=None,
        finalised_at=utcnow(),
        finalised_by=name,
    )
    return row.draft_case_id


def discard(session: Session, review_id: int, seen_version: int) -> None:
    """Delete the draft case (and so its review) while it is under review."""
    row, _current = _open_for_change(session, review_id, seen_version)
    draft_case_id = row.draft_case_id
    review_repo.delete(session, row.id)
    case_repo.delete_case(session, draft_case_id, seen_version=None)
