"""A trainee's progress over teaching conferences, and an overview of the whole programme.

Plain data in (:class:`ConferenceRecord`: what happened at one teaching conference), frozen results out:
per rubric domain a series of (conference date, mean score), the presentation time against its target
over time, and counts of conferences attended and presentations given.

Trainees are matched by name, ignoring case and extra spaces ("Zoë  Ng" is "zoë ng"); the spelling
first seen is the one shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from mdtboard.domain.case import Discipline
from mdtboard.domain.rubric import (
    MDTBOARD_RUBRIC,
    Assessment,
    AssessorRole,
    Rubric,
    RubricDomain,
)
from mdtboard.domain.timers import DEFAULT_PRESENTATION_TARGET_MINUTES

#: The same default target as the presentation timer: an oral case presentation should stay under
#: 5 minutes (ideally about 3); a programme may set a shorter target per presentation.
DEFAULT_PRESENTATION_TARGET_SECONDS = DEFAULT_PRESENTATION_TARGET_MINUTES * 60


def trainee_key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class DisciplineTime:
    """How long one discipline spoke in the discussion of a case."""

    discipline: Discipline
    seconds: float


@dataclass(frozen=True)
class Presentation:
    """One case presented by one trainee: how long it took against its target, and who spoke how long."""

    trainee: str
    case_ref: str
    seconds: float | None
    target_seconds: float = DEFAULT_PRESENTATION_TARGET_SECONDS
    discussion: tuple[DisciplineTime, ...] = ()

    @property
    def over_target_seconds(self) -> float | None:
        """Seconds over the target (negative when under); None when the length was not timed."""
        return None if self.seconds is None else self.seconds - self.target_seconds

    def discussion_shares(self) -> tuple[tuple[Discipline, float], ...]:
        """Each discipline's share of the discussion time (0 to 1), largest first; empty when none timed."""
        totals: dict[Discipline, float] = {}
        for entry in self.discussion:
            totals[entry.discipline] = totals.get(entry.discipline, 0.0) + max(entry.seconds, 0.0)
        whole = sum(totals.values())
        if whole <= 0:
            return ()
        order = list(Discipline)
        return tuple(sorted(((d, s / whole) for d, s in totals.items()),
                            key=lambda pair: (-pair[1], order.index(pair[0]))))


@dataclass(frozen=True)
class ConferenceRecord:
    """What happened at one teaching conference: who took part, who presented what, the assessments."""

    ref: str
    held_on: date
    title: str = ""
    trainees: tuple[str, ...] = ()
    presentations: tuple[Presentation, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    #: The references of the cases on its agenda (discussed by everyone who took part).
    cases: tuple[str, ...] = ()

    def took_part(self, trainee: str) -> bool:
        key = trainee_key(trainee)
        return (
            any(trainee_key(name) == key for name in self.trainees)
            or any(trainee_key(p.trainee) == key for p in self.presentations)
            or any(trainee_key(a.trainee) == key for a in self.assessments)
        )

    def presentations_by(self, trainee: str) -> tuple[Presentation, ...]:
        key = trainee_key(trainee)
        return tuple(p for p in self.presentations if trainee_key(p.trainee) == key)

    def assessments_of(self, trainee: str, role: AssessorRole | None = None) -> tuple[Assessment, ...]:
        key = trainee_key(trainee)
        return tuple(
            a for a in self.assessments
            if trainee_key(a.trainee) == key and (role is None or a.role is role)
        )


@dataclass(frozen=True)
class ScorePoint:
    conference_ref: str
    held_on: date
    mean: float
    count: int  # how many item scores the mean is of


@dataclass(frozen=True)
class DomainSeries:
    domain: RubricDomain
    points: tuple[ScorePoint, ...]


@dataclass(frozen=True)
class TimingPoint:
    conference_ref: str
    held_on: date
    case_ref: str
    seconds: float
    target_seconds: float


@dataclass(frozen=True)
class TraineeProgress:
    """A trainee over conferences, oldest first. ``domains`` has every rubric domain, scored or not."""

    trainee: str
    conferences: tuple[tuple[str, date], ...]  # (ref, date) of each conference the trainee took part in
    domains: tuple[DomainSeries, ...]
    presentation_time: tuple[TimingPoint, ...]
    conferences_attended: int
    presentations_given: int

    def series(self, domain: RubricDomain) -> DomainSeries:
        for series in self.domains:
            if series.domain is domain:
                return series
        return DomainSeries(domain, ())


def _in_order(conferences: Iterable[ConferenceRecord]) -> list[ConferenceRecord]:
    return sorted(conferences, key=lambda c: (c.held_on, c.ref))


def trainee_progress(
    trainee: str,
    conferences: Iterable[ConferenceRecord],
    *,
    role: AssessorRole = AssessorRole.FACILITATOR,
    rubric: Rubric = MDTBOARD_RUBRIC,
) -> TraineeProgress:
    """The trainee's scores per domain (mean of ``role``'s item scores at each conference), presentation
    times and counts, over the conferences they took part in."""
    taken: list[ConferenceRecord] = [c for c in _in_order(conferences) if c.took_part(trainee)]
    values: dict[RubricDomain, list[ScorePoint]] = {domain: [] for domain in RubricDomain}
    timings: list[TimingPoint] = []
    presentations = 0
    for conference in taken:
        by_domain: dict[RubricDomain, list[int]] = {}
        for assessment in conference.assessments_of(trainee, role):
            for score in assessment.scores:
                if rubric.has(score.item_key) and isinstance(score.value, int):
                    by_domain.setdefault(rubric.item(score.item_key).domain, []).append(score.value)
        for domain, scores in by_domain.items():
            values[domain].append(ScorePoint(conference.ref, conference.held_on, sum(scores) / len(scores),
                                             len(scores)))
        for presentation in conference.presentations_by(trainee):
            presentations += 1
            if presentation.seconds is not None:
                timings.append(TimingPoint(conference.ref, conference.held_on, presentation.case_ref,
                                           presentation.seconds, presentation.target_seconds))
    return TraineeProgress(
        trainee=_display_name(trainee, taken),
        conferences=tuple((c.ref, c.held_on) for c in taken),
        domains=tuple(DomainSeries(domain, tuple(values[domain])) for domain in RubricDomain),
        presentation_time=tuple(timings),
        conferences_attended=len(taken),
        presentations_given=presentations,
    )


def _display_name(trainee: str, conferences: Sequence[ConferenceRecord]) -> str:
    key = trainee_key(trainee)
    for conference in conferences:
        names = (*conference.trainees, *(p.trainee for p in conference.presentations),
                 *(a.trainee for a in conference.assessments))
        for name in names:
            if trainee_key(name) == key:
                return " ".join(name.split())
    return " ".join(trainee.split())


@dataclass(frozen=True)
class Trainee:
    """A trainee as a person: name, profession (their discipline) and year of training."""

    name: str
    profession: Discipline
    year_of_training: int | None = None
    #: The trainee's own account, when they have one.
    account_id: int | None = None


@dataclass(frozen=True)
class TraineeSummary:
    trainee: str
    conferences_attended: int
    presentations_given: int
    first_conference: date
    last_conference: date


@dataclass(frozen=True)
class ProgrammeOverview:
    """Every trainee of the programme, by name, with what they have done; and how many conferences ran."""

    trainees: tuple[TraineeSummary, ...]
    conferences: int


def programme_overview(conferences: Iterable[ConferenceRecord]) -> ProgrammeOverview:
    ordered = _in_order(conferences)
    names: dict[str, str] = {}
    for conference in ordered:
        for name in (*conference.trainees, *(p.trainee for p in conference.presentations),
                     *(a.trainee for a in conference.assessments)):
            if name.strip():
                names.setdefault(trainee_key(name), " ".join(name.split()))
    rows = []
    for display in names.values():
        taken = [c for c in ordered if c.took_part(display)]
        rows.append(TraineeSummary(
            trainee=display,
            conferences_attended=len(taken),
            presentations_given=sum(len(c.presentations_by(display)) for c in taken),
            first_conference=taken[0].held_on,
            last_conference=taken[-1].held_on,
        ))
    rows.sort(key=lambda row: trainee_key(row.trainee))
    return ProgrammeOverview(tuple(rows), len(ordered))
