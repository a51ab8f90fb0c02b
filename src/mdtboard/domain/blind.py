"""Blind, sequenced assessment and the goals that follow it (R2C2-style feedback).

The sequence: the trainee's self-assessment is entered first and submitted, which locks it; each rater
(any number, each recorded as the person who scored) scores without seeing it and submits, which locks
theirs; only then are the two shown side by side, to that rater and to the trainee. Trainee and rater then
write one to three goals together (what to keep, what to change, how), which are carried into the trainee's
next conference and reviewed there (met, partly, not met).

:func:`visible` decides what a viewer may see of one trainee's assessments of one case (or of the
conference as a whole); it works on plain data and knows nothing of storage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Generic, TypeVar

from mdtboard.domain.errors import InvalidInputError, Problem

MAX_GOALS = 3
MAX_GOAL_LENGTH = 500


class GoalKind(StrEnum):
    KEEP = "keep"
    CHANGE = "change"
    HOW = "how"

    @property
    def label(self) -> str:
        return {"keep": "Keep doing", "change": "Change", "how": "How"}[self.value]


class GoalOutcome(StrEnum):
    MET = "met"
    PARTLY = "partly"
    NOT_MET = "not_met"

    @property
    def label(self) -> str:
        return {"met": "met", "partly": "partly met", "not_met": "not met"}[self.value]


@dataclass(frozen=True)
class Goal:
    kind: GoalKind
    text: str
    trainee: str = ""
    rater: str | None = None
    conference_id: int | None = None
    id: int | None = None
    version: int = 0
    outcome: GoalOutcome | None = None
    outcome_note: str | None = None
    reviewed_at_conference_id: int | None = None
    #: The rater's account, when they wrote the goals with one.
    rater_id: int | None = None

    @property
    def as_agreed(self) -> str:
        """The goal as a debrief lists it for the next conference: "Ask one question (agreed with Dr A)"."""
        return f"{self.text} (agreed with {self.rater})" if self.rater else self.text

    @property
    def as_reviewed(self) -> str:
        """The goal as a debrief lists it once reviewed: "Ask one question (met) – One in both cases"."""
        outcome = self.outcome.label if self.outcome is not None else "not reviewed yet"
        note = f" – {self.outcome_note}" if self.outcome_note else ""
        return f"{self.text} ({outcome}){note}"


def check_goals(goals: list[tuple[GoalKind | str, str]]) -> list[tuple[GoalKind, str]]:
    """One to three goals, each of a known kind with words in it; raises naming each problem."""
    problems: list[Problem] = []
    if not 1 <= len(goals) <= MAX_GOALS:
        problems.append(Problem("goals", f"write one to {MAX_GOALS} goals (there are {len(goals)})"))
    out: list[tuple[GoalKind, str]] = []
    for number, (kind, text) in enumerate(goals, start=1):
        try:
            known = GoalKind(kind)
        except ValueError:
            problems.append(Problem(f"goal {number}", f"{kind!r} is not keep, change or how"))
            continue
        words = " ".join((text or "").split())
        if not words:
            problems.append(Problem(f"goal {number}", "says nothing: write what to keep, change or how"))
        elif len(words) > MAX_GOAL_LENGTH:
            problems.append(Problem(f"goal {number}", f"is longer than {MAX_GOAL_LENGTH} characters"))
        out.append((known, words))
    if problems:
        raise InvalidInputError(problems, source="Goals")
    return out


T = TypeVar("T")


@dataclass(frozen=True)
class Rated(Generic[T]):
    """An assessment with who scored it and whether it was submitted."""

    rater: str | None  # None for the trainee's own assessment
    submitted: bool
    value: T
    #: Tells raters apart (an account's ``#id``); None: the rater's folded name does.
    key: str | None = None

    @property
    def who(self) -> str:
        return self.key if self.key is not None else _key(self.rater)


@dataclass(frozen=True)
class Visible(Generic[T]):
    """What a viewer may see now; ``waiting`` says, in words, what the reveal waits for."""

    own: T | None
    self_assessment: T | None
    raters: tuple[Rated[T], ...]
    waiting: tuple[str, ...]
    #: A rater's scores were submitted before the trainee's self-assessment was started (or while there is
    #: none yet): the debrief can show them, so a self-assessment started after them is not blind.
    rater_first: bool = False

    @property
    def revealed(self) -> bool:
        return not self.waiting


def _key(name: str | None) -> str:
    return " ".join((name or "").split()).casefold()


def visible(
    viewer: str | None, self_assessment: Rated[T] | None, raters: list[Rated[T]]
) -> Visible[T]:
    """What ``viewer`` may see: ``None`` is the trainee; otherwise a rater's name.

    The trainee sees their own assessment, and a rater's only once both have submitted. A rater sees their
    own, and the self-assessment and the other raters' only once they have submitted their own (and the
    others theirs). Nobody sees an assessment that is not submitted but its author.
    """
    waiting: list[str] = []
    self_done = self_assessment is not None and self_assessment.submitted
    if viewer is None:
        own = self_assessment.value if self_assessment is not None else None
        if not self_done:
            waiting.append("the trainee's self-assessment, entered and submitted first")
        shown = tuple(r for r in raters if r.submitted and self_done)
        if not any(r.submitted for r in raters):
            waiting.append("a rater's submitted assessment")
        return Visible(own, own, shown, tuple(waiting))
    mine = next((r for r in raters if r.who == _key(viewer)), None)
    own_value = mine.value if mine is not None else None
    mine_done = mine is not None and mine.submitted
    if not mine_done:
        waiting.append("the rater's own assessment, submitted before seeing the trainee's")
    if not self_done:
        waiting.append("the trainee's self-assessment")
    self_shown = self_assessment.value if self_done and mine_done and self_assessment else None
    others = tuple(r for r in raters if r is mine or (mine_done and r.submitted))
    return Visible(own_value, self_shown, others, tuple(waiting))


def started_after_a_rater(self_started: datetime | None, raters_submitted: Sequence[datetime | None]) -> bool:
    """Whether a self-assessment started at ``self_started`` (None: not started yet) comes after a rater's
    submitted scores of the same part, which the trainee's debrief may have shown by then: such a
    self-assessment is not blind."""
    first = min((when for when in raters_submitted if when is not None), default=None)
    return first is not None and (self_started is None or self_started > first)


#: Said under a part whose self-assessment was started after a rater's scores of it were submitted.
NOT_BLIND = ("Not blind: the self-assessment was started after a rater's scores were submitted, when the "
             "debrief could show them, so its gap says less.")
