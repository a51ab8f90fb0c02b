"""What training mode stores, as the services hand it out, and the teaching conferences as domain records.

The result types of :class:`~mdtboard.services.training.TrainingService` live here with the conversions
from rows, :func:`load_records`, which reads teaching conferences into
:class:`~mdtboard.domain.progress.ConferenceRecord` for progress, the programme overview and the debrief,
and the input checks the service adds to the rubric's own (names, seconds, the level of each item).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mdtboard.domain.blind import Goal
from mdtboard.domain.case import Case, Discipline
from mdtboard.domain.errors import ConflictError, Problem
from mdtboard.domain.progress import (
    DEFAULT_PRESENTATION_TARGET_SECONDS,
    ConferenceRecord,
    DisciplineTime,
    Presentation,
    trainee_key,
)
from mdtboard.domain.rubric import MDTBOARD_RUBRIC, Assessment, AssessorRole, RubricLevel, Score
from mdtboard.domain.timers import PRESENTATION, CaseTiming, PhaseKind
from mdtboard.services.timing import records_of
from mdtboard.services.uow import Session
from mdtboard.storage import training_repo
from mdtboard.storage.training_models import (
    PRESENTER_PART,
    TrainingAssessmentRow,
    TrainingRoleRow,
    TrainingTimingRow,
)

NAME_MAX = 200
#: A presentation or a discipline's speaking time longer than this is surely a timer left running.
SECONDS_MAX = 24 * 3600.0


def conflict(what: str, key: Any, seen: int | None, mine: Any, theirs: Any) -> ConflictError:
    """The conflict of a training save that stated version ``seen`` (None: it thought there was none)."""
    return ConflictError(what, key, seen_version=-1 if seen is None else seen, mine=mine, theirs=theirs)


def conference_ref(conference_id: int) -> str:
    """The reference of a conference in assessments and records."""
    return str(conference_id)


# ---------------------------------------------------------------------------------------- results


@dataclass(frozen=True)
class RoleAssignment:
    """A trainee's part in one case: presenting it (``discipline`` None) or speaking for a discipline."""

    agenda_item_id: int
    trainee: str
    discipline: Discipline | None = None
    id: int | None = None
    version: int = 0

    @property
    def part(self) -> str:
        return PRESENTER_PART if self.discipline is None else self.discipline.value

    @property
    def label(self) -> str:
        return (
            "Presents the case" if self.discipline is None else f"Speaks for {self.discipline.label.lower()}"
        )


@dataclass(frozen=True)
class CaseRoles:
    """The parts of one case on a teaching conference's agenda, and who holds them."""

    agenda_item_id: int
    case_id: int
    case_ref: str
    presenter: RoleAssignment | None
    speakers: tuple[RoleAssignment, ...]  # in the usual discipline order

    def speaker(self, discipline: Discipline) -> RoleAssignment | None:
        return next((s for s in self.speakers if s.discipline is discipline), None)

    def parts_of(self, trainee: str) -> tuple[RoleAssignment, ...]:
        key = trainee_key(trainee)
        every = ([self.presenter] if self.presenter else []) + list(self.speakers)
        return tuple(role for role in every if trainee_key(role.trainee) == key)


@dataclass(frozen=True)
class StoredAssessment:
    """An assessment as stored: its database id and version, the conference and (for per-case items) case."""

    id: int
    version: int
    conference_id: int
    case_id: int | None
    assessment: Assessment
    updated_at: datetime | None = None
    #: When it was submitted (then locked); None while it is being written.
    submitted_at: datetime | None = None
    #: When it was first saved (a self-assessment started after a rater's submission is not blind).
    created_at: datetime | None = None

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None


@dataclass(frozen=True)
class PresentationTiming:
    """The timing of one case: presentation length against its target, and each discipline's time."""

    agenda_item_id: int
    presentation_seconds: float | None
    target_seconds: float = DEFAULT_PRESENTATION_TARGET_SECONDS
    discussion: tuple[DisciplineTime, ...] = ()
    id: int | None = None
    version: int = 0


@dataclass(frozen=True)
class DebriefInputs:
    """Everything the debrief document of one trainee at one conference needs."""

    trainee: str
    conference: ConferenceRecord
    history: tuple[ConferenceRecord, ...]
    cases: tuple[Case, ...]
    #: Goals written at this conference, and earlier goals listed for review at it.
    goals: tuple[Goal, ...] = ()
    goals_reviewed: tuple[Goal, ...] = ()
    #: The parts (a case's reference; None: team behaviours and the meeting) whose self-assessment was
    #: started after a rater's scores of it were submitted, when the debrief could show them: not blind.
    not_blind: frozenset[str | None] = frozenset()


def timing_from_case_timer(timing: CaseTiming) -> tuple[float | None, dict[Discipline, float]]:
    """Presentation seconds and each discipline's discussion seconds from the presentation timers.

    The presentation is the time in the presentation phase (None when no phase was timed). A discipline's
    discussion time is the time it held the floor outside the presentation; when nobody was marked on the
    floor, the time of each discipline's own phase is used instead.
    """
    phases = dict(timing.phase_durations)
    presentation = phases.get(PRESENTATION) if phases else None
    talks = [s for s in timing.phase_segments if s.phase.kind is PhaseKind.PRESENTATION]
    discussion: dict[Discipline, float] = {}
    for segment in timing.floor_segments:
        if segment.discipline is None:
            continue
        overlap = sum(
            max(0.0, (min(segment.end, talk.end) - max(segment.start, talk.start)).total_seconds())
            for talk in talks
        )
        discussion[segment.discipline] = discussion.get(segment.discipline, 0.0) + segment.seconds - overlap
    if not discussion:
        for phase, seconds in timing.phase_durations:
            if phase.discipline is not None:
                discussion[phase.discipline] = discussion.get(phase.discipline, 0.0) + seconds
    return presentation, {d: max(0.0, s) for d, s in discussion.items()}


# ---------------------------------------------------------------------------------------- conversions


def to_role(row: TrainingRoleRow) -> RoleAssignment:
    discipline = None if row.part == PRESENTER_PART else Discipline(row.part)
    return RoleAssignment(row.agenda_item_id, row.trainee, discipline, row.id, row.version)


def to_assessment(row: TrainingAssessmentRow, case_ref: str | None) -> Assessment:
    return Assessment(
        role=AssessorRole(row.role),
        trainee=row.trainee,
        conference_ref=conference_ref(row.conference_id),
        scores=tuple(Score(s.item_key, s.value, s.comment) for s in row.scores),
        case_ref=case_ref,
        assessor=row.assessor,
        submitted=row.submitted_at is not None,
        assessor_id=row.rater_account_id,
    )


def to_timing(row: TrainingTimingRow) -> PresentationTiming:
    return PresentationTiming(
        row.agenda_item_id,
        row.presentation_seconds,
        row.target_seconds,
        tuple(DisciplineTime(Discipline(d.discipline), d.seconds) for d in row.discussion),
        row.id,
        row.version,
    )


def recorded_timings(session: Session, item_ids: Sequence[int]) -> dict[int, PresentationTiming]:
    """The timing the conference timers recorded (``services.timing``) for those of ``item_ids`` that
    were timed, as training mode keeps it: presentation seconds (default target) and each discipline's
    time. Timing typed into training mode takes precedence over this wherever there is some."""
    out = {}
    for item_id, record in records_of(session, item_ids).items():
        if record.timed:
            presentation, discussion = timing_from_case_timer(record.case_timing(0.0))
            out[item_id] = PresentationTiming(
                item_id, presentation, DEFAULT_PRESENTATION_TARGET_SECONDS, discussion_times(discussion)
            )
    return out


def discussion_times(
    discussion: Mapping[Discipline, float] | Iterable[DisciplineTime],
) -> tuple[DisciplineTime, ...]:
    entries = (
        [DisciplineTime(Discipline(d), s) for d, s in discussion.items()]
        if isinstance(discussion, Mapping)
        else list(discussion)
    )
    totals: dict[Discipline, float] = {}
    for entry in entries:
        totals[entry.discipline] = totals.get(entry.discipline, 0.0) + entry.seconds
    order = list(Discipline)
    return tuple(DisciplineTime(d, totals[d]) for d in sorted(totals, key=order.index))


def load_records(session: Session, conference_ids: Sequence[int]) -> list[ConferenceRecord]:
    """The conferences as the domain's records, in the order of ``conference_ids``: trainees (attendees
    with the role trainee), presentations (cases with a presenter, and their timing) and assessments."""
    if not conference_ids:
        return []
    confs = training_repo.conferences(session, conference_ids)
    trainees: dict[int, list[str]] = {}
    for conf_id, name in training_repo.trainees_of(session, conference_ids):
        trainees.setdefault(conf_id, []).append(" ".join(name.split()))
    items = training_repo.agenda_with_refs(session, conference_ids)
    item_ids = [item.id for item, _ref in items]
    presenters = training_repo.presenters(session, item_ids)
    timings = {row.agenda_item_id: to_timing(row) for row in training_repo.timings(session, item_ids)}
    timings = {**recorded_timings(session, [i for i in item_ids if i not in timings]), **timings}
    case_refs = {item.case_id: ref for item, ref in items}
    presentations: dict[int, list[Presentation]] = {}
    for item, ref in items:
        if item.id in presenters:
            timing = timings.get(item.id)
            presentations.setdefault(item.conference_id, []).append(
                Presentation(
                    trainee=presenters[item.id],
                    case_ref=ref,
                    seconds=timing.presentation_seconds if timing else None,
                    target_seconds=timing.target_seconds if timing else DEFAULT_PRESENTATION_TARGET_SECONDS,
                    discussion=timing.discussion if timing else (),
                )
            )
    assessments: dict[int, list[Assessment]] = {}
    for row in training_repo.assessments(session, conference_ids):
        about = case_refs.get(row.case_id) if row.case_id is not None else None
        if about is None and row.case_id is not None:
            about = training_repo.case_ref(session, row.case_id)
        assessments.setdefault(row.conference_id, []).append(to_assessment(row, about))
    return [
        ConferenceRecord(
            ref=conference_ref(conf_id),
            held_on=confs[conf_id].starts_at.date(),
            title=confs[conf_id].title,
            trainees=tuple(trainees.get(conf_id, ())),
            presentations=tuple(presentations.get(conf_id, ())),
            assessments=tuple(assessments.get(conf_id, ())),
            cases=tuple(ref for item, ref in items if item.conference_id == conf_id),
        )
        for conf_id in conference_ids
        if conf_id in confs
    ]


# ---------------------------------------------------------------------------------------- checks


def clean_name(name: str | None, where: str, problems: list[Problem]) -> str:
    text = " ".join((name or "").split())
    if not text:
        problems.append(Problem(where, "no name given"))
    elif len(text) > NAME_MAX:
        problems.append(Problem(where, f"is {len(text)} characters long, more than the maximum {NAME_MAX}"))
    return text


def check_seconds(
    value: float | None, where: str, problems: list[Problem], *, positive: bool = False
) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        problems.append(Problem(where, f"{value!r} is not a number of seconds"))
    elif value < 0 or (positive and value == 0):
        problems.append(Problem(where, f"{value:g} seconds is not {'above' if positive else 'at least'} 0"))
    elif value > SECONDS_MAX:
        problems.append(Problem(where, f"{value:g} seconds is longer than a day"))


def level_problems(scores: Iterable[Score], has_case: bool) -> list[Problem]:
    """Per-case items belong to an assessment of a case; team behaviours and the meeting to one without."""
    problems = []
    for score in scores:
        if not MDTBOARD_RUBRIC.has(score.item_key):
            continue
        per_case = MDTBOARD_RUBRIC.item(score.item_key).level is RubricLevel.CASE
        if per_case and not has_case:
            problems.append(Problem(score.item_key, "is scored per case: name the case"))
        elif not per_case and has_case:
            problems.append(Problem(score.item_key, "is scored for the conference as a whole, not per case"))
    return problems
