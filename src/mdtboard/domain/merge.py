"""Merging two edits of one record field by field, against the version both started from.

A record is seen as flat fields (name -> plain value). Given the version an editor loaded (``base``), what
its user has now (``mine``) and what another PC or window stored meanwhile (``theirs``):

- a field only the other side changed takes their value (their change is kept, and the user is told);
- a field only this user changed takes this user's value;
- a field both changed to the same value is simply that value;
- a field both changed differently is a clash: only those are shown side by side for a choice.

Choosing for a clash never changes any other field.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass
class FieldMerge:
    """The outcome of :func:`merge_fields`."""

    merged: dict[str, Any]
    #: fields the other side changed and this user did not: their value was kept
    kept_theirs: list[str] = field(default_factory=list)
    #: fields this user changed and the other side did not: this user's value is saved
    kept_mine: list[str] = field(default_factory=list)
    #: fields both changed differently: ``merged`` holds the stored (their) value until a choice is made
    clashes: list[str] = field(default_factory=list)

    def choose(self, name: str, value: Any) -> None:
        """Settle one clash with ``value`` (either side's, or text put together from both)."""
        if name not in self.clashes:
            raise KeyError(name)
        self.merged[name] = value


_MISSING = object()


def merge_fields(base: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> FieldMerge:
    names = list(dict.fromkeys([*theirs, *mine, *base]))
    out = FieldMerge(merged={})
    for name in names:
        b = base.get(name, _MISSING)
        m = mine.get(name, _MISSING)
        t = theirs.get(name, _MISSING)
        if m == t:
            value = m
        elif m == b:
            value = t
            out.kept_theirs.append(name)
        elif t == b:
            value = m
            out.kept_mine.append(name)
        else:
            value = t
            out.clashes.append(name)
        if value is not _MISSING:
            out.merged[name] = value
    return out


def record_fields(record: Any, *, nested: tuple[str, ...] = (), skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """The fields of a dataclass record, flat: ``nested`` dataclass fields one level down (``patient.age``);
    ``skip`` (ids, versions, times) left out. Lists are one field each."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        if f.name in skip:
            continue
        value = getattr(record, f.name)
        if f.name in nested:
            names = [g.name for g in dataclasses.fields(value)] if value is not None else []
            out[f.name] = value is not None
            for sub in names:
                out[f"{f.name}.{sub}"] = copy.deepcopy(getattr(value, sub))
        else:
            out[f.name] = copy.deepcopy(value)
    return out


def with_fields(like: Any, values: Mapping[str, Any], *, nested: dict[str, type] | None = None) -> Any:
    """A copy of ``like`` with the flat ``values`` of :func:`record_fields` set (its ids, version and
    times are ``like``'s). ``nested`` names the type of each nested dataclass field."""
    nested = nested or {}
    changes: dict[str, Any] = {}
    for name, kind in nested.items():
        if not values.get(name, getattr(like, name) is not None):
            changes[name] = None
            continue
        prefix = f"{name}."
        sub = {k.removeprefix(prefix): copy.deepcopy(v) for k, v in values.items() if k.startswith(prefix)}
        current = getattr(like, name)
        changes[name] = dataclasses.replace(current, **sub) if current is not None else kind(**sub)
    for name, value in values.items():
        if "." not in name and name not in nested:
            changes[name] = copy.deepcopy(value)
    return dataclasses.replace(copy.deepcopy(like), **changes)
