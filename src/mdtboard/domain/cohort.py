"""The cohort at a glance for a programme director: each trainee's latest mean by item group and its
change since their first assessed conference, flags for a trainee below expectation or without a recent
assessment, and the curriculum topics each trainee (and the cohort) has presented or discussed.

Below expectation: the raters' mean of an item group at the trainee's latest scored conference is under
``expectation`` (3, the rubric's middle anchor). Without recent assessment: no rater scored them in the last
``recent_days`` days. Topics: those of the bank cases the trainee presented, was scored on, or discussed
(on the agenda of a conference they took part in).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from mdtboard.domain.progress import ConferenceRecord, programme_overview, trainee_key, trainee_progress
from mdtboard.domain.rubric import AssessorRole, RubricDomain

EXPECTATION = 3.0
RECENT_DAYS = 90


@dataclass(frozen=True)
class CohortRow:
    trainee: str
    latest: dict[RubricDomain, float]
    change: dict[RubricDomain, float]  # latest minus first, where scored at two conferences or more
    last_assessed: date | None
    flags: tuple[str, ...]
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Cohort:
    rows: tuple[CohortRow, ...]
    topics: Mapping[str, str]  # every curriculum topic, id -> label

    @property
    def covered(self) -> set[str]:
        return {t for row in self.rows for t in row.topics}

    @property
    def flagged(self) -> tuple[CohortRow, ...]:
        return tuple(row for row in self.rows if row.flags)

    @property
    def summary(self) -> str:
        missing = [label for key, label in self.topics.items() if key not in self.covered]
        gaps = f" Not yet covered: {', '.join(missing)}." if missing else ""
        return (f"Curriculum covered by the cohort: {len(self.covered)} of {len(self.topics)} topics; "
                f"{len(self.flagged)} trainee(s) flagged.{gaps}")


def cohort(
    conferences: Iterable[ConferenceRecord],
    topics_of_case: Mapping[str, tuple[str, ...]],
    curriculum: Mapping[str, str],
    today: date,
    *,
    expectation: float = EXPECTATION,
    recent_days: int = RECENT_DAYS,
) -> Cohort:
    # only submitted (locked) assessments count: a rater's scores in progress are not yet a judgement
    records = [replace(c, assessments=tuple(a for a in c.assessments if a.submitted)) for c in conferences]
    rows = []
    for summary in programme_overview(records).trainees:
        progress = trainee_progress(summary.trainee, records)
        latest, change = {}, {}
        for series in progress.domains:
            if series.points:
                latest[series.domain] = series.points[-1].mean
                if len(series.points) > 1:
                    change[series.domain] = series.points[-1].mean - series.points[0].mean
        key = trainee_key(summary.trainee)
        assessed = [c.held_on for c in records
                    if any(a.role is AssessorRole.FACILITATOR and trainee_key(a.trainee) == key
                           for a in c.assessments)]
        last = max(assessed) if assessed else None
        flags = [f"below expectation in {domain.label.lower()} ({mean:.1f})"
                 for domain, mean in latest.items() if mean < expectation]
        if last is None or last < today - timedelta(days=recent_days):
            flags.append(f"no rater's assessment in the last {recent_days} days")
        cases = {p.case_ref for c in records for p in c.presentations_by(summary.trainee)}
        cases |= {a.case_ref for c in records for a in c.assessments_of(summary.trainee) if a.case_ref}
        cases |= {ref for c in records if c.took_part(summary.trainee) for ref in c.cases}  # discussed
        topics = tuple(t for t in curriculum if any(t in topics_of_case.get(ref, ()) for ref in cases))
        rows.append(CohortRow(summary.trainee, latest, change, last, tuple(flags), topics))
    return Cohort(tuple(rows), dict(curriculum))
