"""Who may read a restricted passage in the case editor, and the case as someone who may not sees it.

A passage is held by a discipline or a named person (``RestrictedPassage.held_by``): people of that
discipline and the person named read it whole; everyone else sees the discreet notice in its place
(:func:`~mdtboard.domain.privacy.passage_notice`), in its field and in the case's list of passages, and
may not change a field that holds one (:func:`restored` refuses; the text stays as stored).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from mdtboard.domain.case import Case, Discipline, RestrictedPassage
from mdtboard.domain.privacy import _set_pointer, is_input_pointer, passage_notice, pointer_value, redact_text


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def may_see(passage: RestrictedPassage, name: str, discipline: Discipline | None) -> bool:
    """Whether a person (``name``, of ``discipline``) is one the passage is held by."""
    holder = _plain(passage.held_by)
    if discipline is not None and holder in (_plain(discipline.value.replace("_", " ")),
                                             _plain(discipline.label), _plain(discipline.value)):
        return True
    return bool(holder) and holder == _plain(name)


def hidden_from(case: Case, name: str, discipline: Discipline | None) -> list[RestrictedPassage]:
    """The case's restricted passages this person may not read."""
    return [p for p in case.restricted_passages or [] if not may_see(p, name, discipline)]


def _placeholder(passage: RestrictedPassage) -> RestrictedPassage:
    return RestrictedPassage(passage.field, passage_notice(passage), passage.held_by, passage.note)


def withheld(case: Case, hidden: Sequence[RestrictedPassage]) -> Case:
    """A copy of ``case`` with each passage of ``hidden`` replaced by its notice in its own field, and in
    the list of passages by a placeholder (its field, holder and note; the notice as its text)."""
    if not hidden:
        return case
    out = copy.deepcopy(case)
    for passage in hidden:
        if is_input_pointer(passage.field):
            continue
        value = pointer_value(out, passage.field)
        if value is not None:
            _set_pointer(out, passage.field, redact_text(value, [passage]) or "")
    out.restricted_passages = [_placeholder(p) if p in hidden else p for p in case.restricted_passages or []]
    return out


def changed_hidden_field(case: Case, stored: Case, hidden: Sequence[RestrictedPassage]) -> str | None:
    """The first field holding a passage of ``hidden`` that ``case`` (edited from the withheld copy)
    changed, or None."""
    shown = withheld(stored, hidden)
    for passage in hidden:
        if not is_input_pointer(passage.field) and \
                pointer_value(case, passage.field) != pointer_value(shown, passage.field):
            return passage.field
    return None


def restored(case: Case, stored: Case, hidden: Sequence[RestrictedPassage]) -> Case:
    """``case`` (edited from the withheld copy, see :func:`changed_hidden_field`) with the hidden passages'
    fields and list entries as stored."""
    out = copy.deepcopy(case)
    for passage in hidden:
        if is_input_pointer(passage.field):
            continue
        value = pointer_value(stored, passage.field)
        if value is not None:
            _set_pointer(out, passage.field, value)
    placeholders = [_placeholder(p) for p in hidden]
    kept = [p for p in out.restricted_passages or [] if p not in placeholders]
    out.restricted_passages = [*kept, *hidden] if (kept or hidden) else out.restricted_passages
    return out
