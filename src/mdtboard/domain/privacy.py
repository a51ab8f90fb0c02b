"""What shared surfaces may show of a case: the big screen, the discussion view's key facts, printed
papers, FHIR and logs are seen by people the patient did not choose.

Two things are withheld there and shown whole only in the case editor (and carried whole in case
bundles):

- the sharing restrictions themselves: a fixed notice takes their place, naming whom to ask
  (:func:`sharing_notice`);
- restricted passages (:class:`~mdtboard.domain.case.RestrictedPassage`): each is replaced by
  "[restricted: held by psychology]" (:func:`passage_notice`), in its own field and wherever else the
  same words occur in the case or in the discipline input given about it.

If a passage no longer occurs in its field (the text was edited since it was marked), the whole field is
withheld: it is safer to show too little than a restricted passage changed by one word.

A passage of a discipline's input given in a conference is kept with the case's passages too, so that every
surface that withholds the case's passages withholds it as well (also where the team's words were copied
into a care plan). Its field is an *input pointer*, ``/agenda_items/<item id>/<discipline>/<field>``
(:func:`input_pointer`): it names the input, not text of the case, so case bundles, which carry no
conference input, leave such passages out (:func:`case_passages`).

The API is small on purpose: :func:`shared_case` and :func:`shared_inputs` for whole records,
:func:`redact_text` for any other text about the case (care-plan texts, minutes), :func:`sharing_notice`
for a banner.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence
from dataclasses import fields, is_dataclass
from enum import Enum
from typing import Any, TypeVar

from mdtboard.domain.case import Case, DisciplineInput, RestrictedPassage
from mdtboard.domain.errors import Problem

#: The lock sign that goes with the notice where the surface can draw it (Qt surfaces draw an icon).
LOCK_SIGN = "\U0001f512"
NOTICE_TEMPLATE = "Sharing restrictions apply: ask {who} before discussing details"
#: Whom to ask when the case does not say who recorded the restrictions.
UNKNOWN_RECORDER = "the clinician who recorded them"

_POINTER = re.compile(r"^(/[A-Za-z0-9_]+)+$")
_INPUT_POINTER = re.compile(r"^/agenda_items/(\d+)/([a-z_]+)/(assessment|recommendations)$")
#: The fields of a discipline's input whose passages may be restricted.
INPUT_FIELDS = ("assessment", "recommendations")
T = TypeVar("T")

#: Fields that are never free text about the patient and are never redacted (identifiers, flags).
_NOT_TEXT = {"ref", "fictional", "id", "version", "created_at", "updated_at", "agenda_item_id", "discipline"}


def has_sharing_restrictions(case: Case | None) -> bool:
    return case is not None and bool((case.sharing_restrictions or "").strip())


def sharing_notice(case: Case | None) -> str | None:
    """The fixed notice shown instead of the sharing restrictions, or None when there are none."""
    if case is None or not has_sharing_restrictions(case):
        return None
    who = (case.sharing_restrictions_by or "").strip() or UNKNOWN_RECORDER
    return NOTICE_TEMPLATE.format(who=who)


def passage_notice(passage: RestrictedPassage) -> str:
    """What shared surfaces show instead of a restricted passage."""
    return f"[restricted: held by {passage.held_by.strip() or 'the clinician who marked it'}]"


# ---------------------------------------------------------------------------- JSON pointers


def input_pointer(agenda_item_id: int, discipline: str, field: str) -> str:
    """The field of a restricted passage marked in a discipline's input on an agenda item."""
    if field not in INPUT_FIELDS:
        raise ValueError(f"no restricted passages in an input's {field!r}")
    return f"/agenda_items/{agenda_item_id}/{discipline}/{field}"


def is_input_pointer(pointer: str) -> bool:
    return _INPUT_POINTER.match(pointer or "") is not None


def case_passages(passages: Iterable[RestrictedPassage] | None) -> list[RestrictedPassage]:
    """The passages of the case's own text (what a case bundle carries), without those of conference input."""
    return [p for p in passages or [] if not is_input_pointer(p.field)]


def input_passages(
    passages: Iterable[RestrictedPassage] | None, agenda_item_id: int | None, discipline: str, field: str
) -> list[RestrictedPassage]:
    """The passages marked in one field of one discipline's input on one agenda item."""
    if agenda_item_id is None:
        return []
    pointer = input_pointer(agenda_item_id, discipline, field)
    return [p for p in passages or [] if p.field == pointer]


def shared_input_text(
    text: str | None,
    passages: Sequence[RestrictedPassage] | None,
    agenda_item_id: int | None,
    discipline: str,
    field: str,
) -> str | None:
    """One field of a discipline's input as shared surfaces show it: every passage of the case replaced by
    its notice, or the whole field withheld when a passage marked in it no longer occurs there word for
    word (the text was edited after it was marked)."""
    marked = input_passages(passages, agenda_item_id, discipline, field)
    stale = [p for p in marked if p.text not in (text or "")]
    if stale and (text or "").strip():
        return _withheld(stale)
    return redact_text(text, passages)


def _parts(pointer: str) -> list[str] | None:
    if not _POINTER.match(pointer or ""):
        return None
    return pointer.split("/")[1:]


def _step(node: Any, part: str) -> Any:
    if isinstance(node, list):
        if not part.isdigit():
            return None
        index = int(part)
        return node[index] if index < len(node) else None
    if is_dataclass(node) and not isinstance(node, type) and part in {f.name for f in fields(node)}:
        return getattr(node, part)
    return None


def pointer_value(case: Case, pointer: str) -> str | None:
    """The text at ``pointer`` in ``case`` (``/psychosocial``, ``/discipline_inputs/0/assessment``,
    ``/red_flags/2``), or None if the pointer names no text."""
    parts = _parts(pointer)
    if not parts:
        return None
    node: Any = case
    for part in parts:
        node = _step(node, part)
        if node is None:
            return None
    return node if isinstance(node, str) else None


def _set_pointer(case: Case, pointer: str, value: str) -> None:
    parts = _parts(pointer)
    if not parts:
        return
    node: Any = case
    for part in parts[:-1]:
        node = _step(node, part)
        if node is None:
            return
    last = parts[-1]
    if isinstance(node, list) and last.isdigit() and int(last) < len(node):
        node[int(last)] = value
    elif is_dataclass(node) and not isinstance(node, type):
        setattr(node, last, value)


def passage_problems(case: Case, prefix: str = "") -> list[Problem]:
    """Each restricted passage whose field names no text of the case, or whose text is not in it."""
    problems: list[Problem] = []
    for i, passage in enumerate(case.restricted_passages or []):
        where = f"{prefix}restricted_passages[{i}]"
        value = pointer_value(case, passage.field)
        if value is None:
            problems.append(Problem(f"{where}.field", f"{passage.field!r} names no text of this case"))
        elif passage.text not in value:
            problems.append(
                Problem(f"{where}.text", f"the passage is not in {passage.field} word for word")
            )
        if not passage.held_by.strip():
            problems.append(Problem(f"{where}.held_by", "must say who holds the passage"))
    return problems


# ---------------------------------------------------------------------------- redaction


def redact_text(text: str | None, passages: Iterable[RestrictedPassage] | None) -> str | None:
    """``text`` with every occurrence of every passage replaced by its notice (longest passages first)."""
    if not text or not passages:
        return text
    ordered = sorted((p for p in passages if p.text), key=lambda p: len(p.text), reverse=True)
    if not ordered:
        return text
    notices = {p.text: passage_notice(p) for p in reversed(ordered)}  # the longest wins a tie of texts
    pattern = re.compile("|".join(re.escape(p.text) for p in ordered))
    return pattern.sub(lambda m: notices[m.group(0)], text)


def _withheld(passages: Sequence[RestrictedPassage]) -> str:
    holders = []
    for p in passages:
        notice = passage_notice(p)
        if notice not in holders:
            holders.append(notice)
    return " ".join(holders)


def _redacted(value: Any, passages: Sequence[RestrictedPassage]) -> Any:
    """``value`` with every text inside it redacted: a dataclass or list is changed in place (it is a
    copy of ours), a tuple or string is returned anew; enums, numbers and dates are left as they are."""
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return redact_text(value, passages)
    if isinstance(value, list):
        value[:] = [_redacted(v, passages) for v in value]
        return value
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return tuple(_redacted(v, passages) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            if f.name not in _NOT_TEXT:
                object.__setattr__(value, f.name, _redacted(getattr(value, f.name), passages))
    return value


def _redact_tree(node: Any, passages: Sequence[RestrictedPassage]) -> None:
    _redacted(node, passages)


def shared_case(case: Case) -> Case:
    """A copy of ``case`` as shared surfaces may show it: the sharing restrictions replaced by
    :func:`sharing_notice`, restricted passages by their notices, no passages list, no recorder."""
    passages = list(case.restricted_passages or [])
    out = copy.deepcopy(case)
    out.restricted_passages = None
    out.sharing_restrictions = sharing_notice(case)
    out.sharing_restrictions_by = None
    if not passages:
        return out
    # A passage that no longer occurs in its field withholds the whole field.
    for pointer, held in _stale_fields(case, passages).items():
        _set_pointer(out, pointer, _withheld(held))
    notice = out.sharing_restrictions
    out.sharing_restrictions = None
    _redact_tree(out, passages)
    out.sharing_restrictions = notice
    return out


def shared_record(record: T, case: Case | None) -> T:
    """A copy of any other record about ``case`` (a care plan, a list of them) with the case's restricted
    passages replaced wherever their words occur in its texts; ``record`` itself is left unchanged."""
    passages = list(case.restricted_passages or []) if case is not None else []
    if not passages:
        return record
    out = copy.deepcopy(record)
    _redact_tree(out, passages)
    return out


def shared_inputs(case: Case | None, inputs: Iterable[DisciplineInput]) -> list[DisciplineInput]:
    """Copies of discipline input about ``case`` (prepared, or given in a conference) with the case's
    restricted passages replaced wherever their words occur. A text that is word for word a field of the
    case whose passage was edited since it was marked (a prepared input, or one said again in the
    meeting) is withheld whole, as :func:`shared_case` withholds that field."""
    passages = list(case.restricted_passages or []) if case is not None else []
    stale: dict[str, list[RestrictedPassage]] = {}
    if case is not None:
        for pointer, held in _stale_fields(case, passages).items():
            value = pointer_value(case, pointer)
            if value and value.strip():
                stale.setdefault(value.strip(), []).extend(held)
    out = []
    for inp in inputs:
        shared = copy.copy(inp)
        shared.author = inp.author
        discipline = inp.discipline.value
        for name in INPUT_FIELDS:
            text: str | None = getattr(inp, name)
            withheld = stale.get(text.strip()) if text else None
            setattr(shared, name, _withheld(withheld) if withheld else shared_input_text(
                text, passages, inp.agenda_item_id, discipline, name
            ))
        out.append(shared)
    return out


def _stale_fields(case: Case, passages: Sequence[RestrictedPassage]) -> dict[str, list[RestrictedPassage]]:
    """The passages, by field, that no longer occur in their field (the text was edited since)."""
    stale: dict[str, list[RestrictedPassage]] = {}
    for p in passages:
        value = pointer_value(case, p.field)
        if value is not None and p.text not in value:
            stale.setdefault(p.field, []).append(p)
    return stale
