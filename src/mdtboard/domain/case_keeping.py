"""Keeping cases: a copy as a new case, and what keeps a case from being deleted.

A case that was on a conference's agenda, has a care plan or is a teaching review's draft or source is
part of the team's record: it can be archived (hidden from the library and the agenda's search, kept,
restorable), never deleted. A case in none of these can be deleted; the program can bring it back while
it runs.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from datetime import datetime

from mdtboard.domain.case import Case
from mdtboard.domain.errors import NOTHING_CHANGED, MdtboardError

#: The longest title a case may have (see ``domain.validation``).
TITLE_LENGTH = 300
#: Conferences named in a refusal at most (the others are counted).
NAMED_CONFERENCES = 3


@dataclass(frozen=True)
class CaseUsage:
    """Where a case is used: the conferences whose agenda has it (title, start), its care plans, the
    teaching reviews it is the draft or the source of."""

    conferences: list[tuple[str, datetime]] = field(default_factory=list)
    care_plans: int = 0
    teaching_reviews: int = 0

    @property
    def used(self) -> bool:
        return bool(self.conferences or self.care_plans or self.teaching_reviews)

    def reasons(self) -> list[str]:
        """Why the case is kept: one phrase per kind of use ("it is on the agenda of 2 conferences
        (Pain MDT, 2026-12-01 and ...)", "it has a care plan")."""
        out: list[str] = []
        if self.conferences:
            named = [
                f"{title}, {starts.strftime('%Y-%m-%d')}"
                for title, starts in self.conferences[:NAMED_CONFERENCES]
            ]
            more = len(self.conferences) - len(named)
            listed = "; ".join(named) + (f"; and {more} more" if more else "")
            count = len(self.conferences)
            noun = "a conference" if count == 1 else f"{count} conferences"
            out.append(f"it is on the agenda of {noun} ({listed})")
        if self.care_plans:
            plans = "a care plan" if self.care_plans == 1 else f"{self.care_plans} care plans"
            out.append(f"it has {plans}")
        if self.teaching_reviews:
            out.append("it is part of a teaching-case review")
        return out


def delete_refusal(ref: str, usage: CaseUsage, *, archived: bool = False) -> str | None:
    """Why the case ``ref`` cannot be deleted, as a person reads it, or None when it can. ``archived``: the
    case is archived already (so it is not told to archive it)."""
    reasons = usage.reasons()
    if not reasons:
        return None
    joined = reasons[0] if len(reasons) == 1 else ", ".join(reasons[:-1]) + " and " + reasons[-1]
    head = f"Case {ref} cannot be deleted: {joined}, and so it stays part of the team's record."
    if archived:
        return f"{head} It stays archived: hidden from the library and the agenda's search, and kept."
    return (
        f"{head} Archive it instead: it is then hidden from the library and the agenda's search, kept, and "
        "can be restored (Show: Archived cases)."
    )


def copy_title(source: Case) -> str:
    """The title of a copy: says it is a copy, and of what."""
    base = (source.title or "").strip()
    title = f"Copy of {source.ref}: {base}" if base else f"Copy of {source.ref}"
    if len(title) > TITLE_LENGTH:
        title = title[: TITLE_LENGTH - 1] + "…"
    return title


def duplicate(source: Case, *, ref: str, fictional: bool) -> Case:
    """A new case with ``source``'s content, a reference and a kind of its own, and a title that says it
    is a copy. Not copied: the disciplines' inputs (they were written about the earlier presentation and
    are signed by their authors), ids, versions, times, the archived state. The sharing restrictions and
    the restricted passages are copied with the text they protect."""
    new = copy.deepcopy(source)
    return replace(
        new,
        ref=ref,
        fictional=fictional,
        title=copy_title(source),
        discipline_inputs=None,
        id=None,
        version=0,
        created_at=None,
        updated_at=None,
        archived_at=None,
    )


class CaseInUseError(MdtboardError):
    """A case that conferences, care plans or teaching reviews use cannot be deleted, only archived."""

    exit_status = 2

    def __init__(self, ref: str, usage: CaseUsage) -> None:
        self.ref = ref
        self.usage = usage
        super().__init__(f"{delete_refusal(ref, usage)} {NOTHING_CHANGED}")
