"""A trainee's record for the competency committee: every submitted score by item, with the competency
frameworks the item gives evidence for, who scored it and when, and the goals with whether they were met.

Plain data built from the conference records (:mod:`mdtboard.domain.progress`) and the rubric's mapping
(``resources/training/rubric.json``); the CSV (:mod:`mdtboard.interchange.competency_csv`) and the PDF
(:mod:`mdtboard.reports.competency`) print it. Only submitted (locked) assessments are included.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from statistics import mean

from mdtboard.domain.blind import Goal
from mdtboard.domain.progress import ConferenceRecord, trainee_key
from mdtboard.domain.rubric import MDTBOARD_RUBRIC, AssessorRole, Rubric

FRAMEWORKS = (
    ("acgme_pain_medicine", "ACGME Pain Medicine Milestones"),
    ("canmeds", "CanMEDS"),
    ("ipec", "IPEC core competencies"),
)


@dataclass(frozen=True)
class ScoreLine:
    held_on: date
    conference: str
    case_ref: str | None
    item_key: str
    item: str
    group: str
    frameworks: dict[str, tuple[str, ...]]
    rater: str  # the rater's name, or "self" for the trainee's own assessment
    role: AssessorRole
    score: int
    comment: str | None


@dataclass(frozen=True)
class GoalLine:
    held_on: date
    conference: str
    goal: Goal


@dataclass(frozen=True)
class CompetencyRecord:
    trainee: str
    scores: tuple[ScoreLine, ...]
    goals: tuple[GoalLine, ...]

    @property
    def dates(self) -> tuple[date, ...]:
        return tuple(sorted({line.held_on for line in self.scores}))

    @property
    def raters(self) -> tuple[str, ...]:
        return tuple(sorted({line.rater for line in self.scores if line.role is AssessorRole.FACILITATOR},
                            key=str.casefold))

    def item_means(self) -> list[tuple[str, str, dict[date, tuple[float, int]]]]:
        """Per item (key, title): the raters' mean score and how many raters, per conference date."""
        out: dict[str, tuple[str, dict[date, list[int]]]] = {}
        for line in self.scores:
            if line.role is AssessorRole.FACILITATOR:
                by_day = out.setdefault(line.item_key, (line.item, {}))[1]
                by_day.setdefault(line.held_on, []).append(line.score)
        return [(key, title, {day: (mean(values), len(values)) for day, values in by_day.items()})
                for key, (title, by_day) in out.items()]

    def milestone_means(self, framework: str = "acgme_pain_medicine") -> list[tuple[str, dict[date, float]]]:
        """Per competency code of ``framework``: the mean of the raters' scores of its items, per date."""
        out: dict[str, dict[date, list[int]]] = {}
        for line in self.scores:
            if line.role is AssessorRole.FACILITATOR:
                for code in line.frameworks.get(framework, ()):
                    out.setdefault(code, {}).setdefault(line.held_on, []).append(line.score)
        return [(code, {day: mean(values) for day, values in by_day.items()})
                for code, by_day in sorted(out.items())]


def competency_record(
    trainee: str,
    conferences: Iterable[ConferenceRecord],
    goals: Sequence[tuple[ConferenceRecord, Goal]] = (),
    rubric: Rubric = MDTBOARD_RUBRIC,
) -> CompetencyRecord:
    """The record of ``trainee`` over ``conferences``, oldest first; ``goals`` with their conference."""
    key = trainee_key(trainee)
    lines: list[ScoreLine] = []
    name = " ".join(trainee.split())
    for conference in sorted(conferences, key=lambda c: (c.held_on, c.ref)):
        for assessment in conference.assessments:
            if trainee_key(assessment.trainee) != key or not assessment.submitted:
                continue
            name = " ".join(assessment.trainee.split())
            rater = "self" if assessment.role is AssessorRole.SELF else (assessment.assessor or "rater")
            for score in sorted(assessment.scores, key=lambda s: rubric.order(s.item_key)):
                item = rubric.item(score.item_key) if rubric.has(score.item_key) else None
                lines.append(ScoreLine(
                    held_on=conference.held_on, conference=conference.title or conference.ref,
                    case_ref=assessment.case_ref, item_key=score.item_key,
                    item=item.title if item else score.item_key,
                    group=item.domain.label if item else "",
                    frameworks=dict(item.frameworks) if item else {},
                    rater=rater, role=assessment.role, score=score.value, comment=score.comment,
                ))
    goal_lines = tuple(GoalLine(c.held_on, c.title or c.ref, g)
                       for c, g in sorted(goals, key=lambda pair: (pair[0].held_on, pair[1].id or 0)))
    return CompetencyRecord(name, tuple(lines), goal_lines)
