"""Use cases of training mode: roles per case, rubric assessments, timing, progress and teaching cases.

A teaching conference is a conference in :attr:`ConferenceMode.TRAINING` whose attendees with the role
*trainee* are the trainees. For each case on its agenda the facilitator assigns who presents and who
speaks for each discipline (:meth:`TrainingService.assign_role`). The facilitator scores each trainee with
mdtboard's rubric and trainees may add their own self-assessment (:meth:`~TrainingService.save_assessment`):
per-case items in an assessment that names the case, team behaviours and the meeting in one that does not.
Presentation and discussion timing are stored as plain seconds (:meth:`~TrainingService.record_timing`,
or :meth:`~TrainingService.record_case_timing` from the presentation timers).

The queries turn what is stored into the domain's :class:`ConferenceRecord`, so that
:func:`~mdtboard.domain.progress.trainee_progress`, :func:`~mdtboard.domain.progress.programme_overview`
and the debrief document (``reports.training_debrief``) work from the same data.

Making a teaching case from a real case (:meth:`~TrainingService.make_teaching_case` and the review
methods, in :mod:`.training_teaching`) keeps its state with :mod:`mdtboard.services.teaching_review`; the
timing methods are in :mod:`.training_timing`.

Every call is its own unit of work; a save states the version its user saw and raises
:class:`ConflictError` when someone else saved first; an input that breaks a rule raises
:class:`InvalidInputError` and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from mdtboard.domain.blind import (
    Goal,
    GoalKind,
    GoalOutcome,
    Rated,
    Visible,
    check_goals,
    started_after_a_rater,
    visible,
)
from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import ConferenceMode
from mdtboard.domain.errors import InvalidInputError, NotFoundError, Problem
from mdtboard.domain.progress import (
    ConferenceRecord,
    ProgrammeOverview,
    TraineeProgress,
    programme_overview,
    trainee_key,
    trainee_progress,
)
from mdtboard.domain.rubric import (
    MDTBOARD_RUBRIC,
    Assessment,
    AssessorRole,
    Score,
    validate_assessment,
)
from mdtboard.services import permissions
from mdtboard.services.programme import ProgrammeMixin
from mdtboard.services.teaching_review import TeachingReview
from mdtboard.services.training_data import (
    CaseRoles,
    DebriefInputs,
    PresentationTiming,
    RoleAssignment,
    StoredAssessment,
    clean_name,
    conference_ref,
    conflict,
    level_problems,
    load_records,
    timing_from_case_timer,
    to_assessment,
    to_role,
)
from mdtboard.services.training_teaching import TeachingCasesMixin
from mdtboard.services.training_timing import TimingMixin
from mdtboard.services.uow import Session, read_only, unit_of_work
from mdtboard.storage import account_repo
from mdtboard.storage import training_repo as repo
from mdtboard.storage.case_repo import load_cases
from mdtboard.storage.db import Database
from mdtboard.storage.models import AgendaItemRow, ConferenceRow, utcnow
from mdtboard.storage.training_models import (
    PRESENTER_PART,
    TrainingAssessmentRow,
    TrainingGoalRow,
    TrainingRoleRow,
)

__all__ = [
    "CaseRoles",
    "DebriefInputs",
    "PresentationTiming",
    "RoleAssignment",
    "StoredAssessment",
    "TeachingReview",
    "TrainingService",
    "timing_from_case_timer",
]


# ---------------------------------------------------------------------------------------- the service


class TrainingService(TimingMixin, TeachingCasesMixin, ProgrammeMixin):
    """Training mode, each call its own unit of work."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # ------------------------------------------------------------------ conferences and trainees
    def _training_conference(self, session: Session, conference_id: int) -> ConferenceRow:
        conf = repo.conference(session, conference_id)
        if conf is None:
            raise NotFoundError("conference", conference_id)
        if conf.mode != ConferenceMode.TRAINING.value:
            raise InvalidInputError(
                Problem(
                    "conference",
                    f"{conf.title!r} is a clinical conference; training needs a training conference",
                )
            )
        return conf

    def _trainee_names(self, session: Session, conference_id: int) -> list[str]:
        return repo.trainee_names(session, conference_id)

    def _check_trainee(self, session: Session, conference_id: int, name: str, where: str = "trainee") -> str:
        """The trainee's name as on the attendance list; raises when they are not a trainee there."""
        for known in self._trainee_names(session, conference_id):
            if trainee_key(known) == trainee_key(name):
                return " ".join(known.split())
        raise InvalidInputError(
            Problem(
                where,
                f"{name} is not a trainee of this conference; add them to its attendance as a trainee first",
            )
        )

    def trainees(self, conference_id: int) -> list[str]:
        """The trainees of a teaching conference, in attendance order."""
        with read_only(self.db) as session:
            self._training_conference(session, conference_id)
            return [" ".join(name.split()) for name in self._trainee_names(session, conference_id)]

    def _item(self, session: Session, agenda_item_id: int) -> tuple[AgendaItemRow, ConferenceRow]:
        item = repo.agenda_item(session, agenda_item_id)
        if item is None:
            raise NotFoundError("agenda item", agenda_item_id)
        return item, self._training_conference(session, item.conference_id)

    # ------------------------------------------------------------------ roles
    def case_roles(self, agenda_item_id: int) -> CaseRoles:
        with read_only(self.db) as session:
            item, _conf = self._item(session, agenda_item_id)
            return self._roles_of(session, [item])[0]

    def roles(self, conference_id: int) -> list[CaseRoles]:
        """The parts of every case on a teaching conference's agenda, in agenda order."""
        with read_only(self.db) as session:
            self._training_conference(session, conference_id)
            return self._roles_of(session, repo.agenda_items(session, conference_id))

    def _roles_of(self, session: Session, items: Sequence[AgendaItemRow]) -> list[CaseRoles]:
        ids = [item.id for item in items]
        refs = repo.case_refs(session, [item.case_id for item in items])
        by_item: dict[int, list[TrainingRoleRow]] = {}
        for row in repo.role_rows(session, ids):
            by_item.setdefault(row.agenda_item_id, []).append(row)
        order = [PRESENTER_PART, *(d.value for d in Discipline)]
        out = []
        for item in items:
            roles = sorted(
                (to_role(row) for row in by_item.get(item.id, [])), key=lambda r: order.index(r.part)
            )
            presenter = next((r for r in roles if r.discipline is None), None)
            speakers = [r for r in roles if r.discipline is not None]
            out.append(
                CaseRoles(item.id, item.case_id, refs.get(item.case_id, ""), presenter, tuple(speakers))
            )
        return out

    def assign_role(
        self,
        agenda_item_id: int,
        trainee: str,
        discipline: Discipline | None = None,
        *,
        seen_version: int | None = None,
    ) -> RoleAssignment:
        """``trainee`` presents the case (``discipline`` None) or speaks for ``discipline``.

        ``seen_version`` is the version of the part's assignment as the user saw it (None: it had none).
        """
        problems: list[Problem] = []
        name = clean_name(trainee, "trainee", problems)
        if discipline is not None and not isinstance(discipline, Discipline):
            problems.append(Problem("discipline", f"{discipline!r} is not a known discipline"))
        if problems:
            raise InvalidInputError(problems)
        part = PRESENTER_PART if discipline is None else discipline.value
        with unit_of_work(self.db) as session:
            item, _conf = self._item(session, agenda_item_id)
            name = self._check_trainee(session, item.conference_id, name)
            row = repo.role_row(session, agenda_item_id, part)
            mine = RoleAssignment(agenda_item_id, name, discipline)
            if row is None:
                return to_role(repo.add_role(session, agenda_item_id, part, name))
            if seen_version is None and trainee_key(row.trainee) == trainee_key(name):
                return to_role(row)
            new = repo.update_role(session, row.id, seen_version, name)
            if new is None:
                raise conflict("role", mine.label, seen_version, mine, to_role(row))
            return RoleAssignment(agenda_item_id, name, discipline, row.id, new)

    def clear_role(
        self, agenda_item_id: int, discipline: Discipline | None = None, *, seen_version: int
    ) -> None:
        """Nobody presents the case (``discipline`` None) or speaks for ``discipline`` any more."""
        part = PRESENTER_PART if discipline is None else discipline.value
        with unit_of_work(self.db) as session:
            self._item(session, agenda_item_id)
            row = repo.role_row(session, agenda_item_id, part)
            if row is None:
                return
            if row.version != seen_version:
                raise conflict("role", part, seen_version, None, to_role(row))
            repo.delete(session, row)

    # ------------------------------------------------------------------ assessments
    def assessment(
        self,
        conference_id: int,
        trainee: str,
        role: AssessorRole,
        *,
        case_id: int | None = None,
        assessor: str | None = None,
        rater_id: int | None = None,
    ) -> StoredAssessment | None:
        """A rater's or the trainee's own assessment, of the case or (``case_id`` None) of the conference as
        a whole; None when there is none yet. The rater is the account ``rater_id``, else the account signed
        in, else (nobody signed in) the typed name ``assessor``. Read it only for its author: what others
        may see is :meth:`visible_assessments`."""
        with read_only(self.db) as session:
            # a rater's own; with nobody named or signed in, the first rater's (when one person scores)
            rater_id = _rater_account(role, rater_id)
            anyone = assessor is None and rater_id is None and role is AssessorRole.FACILITATOR
            rater = None if anyone else _rater_key(role, assessor, rater_id)
            row = self._assessment_row(session, conference_id, trainee, role, case_id, rater)
            return None if row is None else self._to_stored(session, row)

    def assessments(self, conference_id: int, trainee: str | None = None) -> list[StoredAssessment]:
        with read_only(self.db) as session:
            key = trainee_key(trainee) if trainee is not None else None
            return [self._to_stored(session, row)
                    for row in repo.assessments(session, [conference_id], trainee_key=key)]

    def _assessment_row(
        self,
        session: Session,
        conference_id: int,
        trainee: str,
        role: AssessorRole,
        case_id: int | None,
        rater_key: str | None = "",
    ) -> TrainingAssessmentRow | None:
        """The assessment of ``rater_key`` (None: the first of any rater)."""
        return repo.assessment_of(session, conference_id, trainee_key(trainee), str(role), case_id, rater_key)

    def _to_stored(self, session: Session, row: TrainingAssessmentRow) -> StoredAssessment:
        ref = None if row.case_id is None else repo.case_ref(session, row.case_id)
        return StoredAssessment(
            row.id,
            row.version,
            row.conference_id,
            row.case_id,
            to_assessment(row, ref),
            row.updated_at,
            row.submitted_at,
            row.created_at,
        )

    def save_assessment(
        self,
        conference_id: int,
        trainee: str,
        role: AssessorRole,
        scores: Sequence[Score],
        *,
        case_id: int | None = None,
        assessor: str | None = None,
        rater_id: int | None = None,
        seen_version: int | None = None,
    ) -> StoredAssessment:
        """Store the assessment (replacing the scores of an earlier one) of ``trainee`` at the conference.

        With ``case_id`` it holds per-case items about that case; without, team behaviours and meeting
        items. The rubric's rules apply (a 1 or 2 needs a comment): each broken rule is an
        :class:`InvalidInputError` problem whose ``where`` is the item key, and nothing is stored.
        ``seen_version`` is the version the user saw (None: there was no assessment yet).

        A rater's assessment is recorded as the person who scored: the account ``rater_id`` (a person who
        confirmed with their own password or PIN on this PC), else the account signed in; only while nobody
        is signed in (the command line, maintenance) does the typed name ``assessor`` stand for the rater.
        """
        with unit_of_work(self.db) as session:
            self._training_conference(session, conference_id)
            problems: list[Problem] = []
            name = clean_name(trainee, "trainee", problems)
            who = None if assessor is None else (clean_name(assessor, "assessor", problems) or None)
            rater_id = _rater_account(role, rater_id)
            if rater_id is not None:
                who = self._rater_name(session, rater_id, problems)
            case_ref = self._case_on_agenda(session, conference_id, case_id, problems)
            if problems:
                raise InvalidInputError(problems)
            name = self._check_trainee(session, conference_id, name)
            assessment = Assessment(role, name, conference_ref(conference_id), tuple(scores), case_ref, who)
            problems = validate_assessment(assessment) + level_problems(scores, case_id is not None)
            if problems:
                raise InvalidInputError(problems, source=f"{AssessorRole(role).label} of {name}")
            rater = _rater_key(role, who, rater_id)
            row = self._assessment_row(session, conference_id, name, role, case_id, rater)
            now = utcnow()
            if row is not None and row.submitted_at is not None:
                raise InvalidInputError(Problem(
                    "assessment",
                    f"this assessment of {name} was submitted and is locked; nothing was changed",
                ), source=f"{AssessorRole(role).label} of {name}")
            if row is None:  # new, or deleted since the user read it: stored afresh either way
                row = repo.add_assessment(
                    session,
                    conference_id=conference_id,
                    case_id=case_id,
                    trainee=name,
                    trainee_key=trainee_key(name),
                    role=str(role),
                    assessor=who,
                    rater_key=rater,
                    rater_account_id=rater_id,
                    rubric_version=MDTBOARD_RUBRIC.version,
                    created_at=now,
                    updated_at=now,
                )
            else:
                theirs = self._to_stored(session, row)
                if seen_version is None or seen_version != row.version:
                    raise conflict("assessment", f"of {name}", seen_version, assessment, theirs)
                updated = repo.update_assessment(
                    session, row.id, seen_version,
                    assessor=who, trainee=name, rubric_version=MDTBOARD_RUBRIC.version, updated_at=now,
                )
                if updated is None:
                    raise conflict("assessment", f"of {name}", seen_version, assessment, theirs)
            repo.replace_scores(session, row.id, [
                {"item_key": s.item_key, "value": s.value, "comment": (s.comment or "").strip() or None}
                for s in scores
            ])
            return self._to_stored(session, repo.assessment_again(session, row.id))

    def submit_assessment(self, assessment_id: int, *, seen_version: int) -> StoredAssessment:
        """Submit an assessment: it is locked from then on. A self-assessment must be submitted before any
        rater's scores are shown to the trainee; a rater sees the self-assessment only after submitting."""
        with unit_of_work(self.db) as session:
            row = repo.assessment(session, assessment_id)
            if row is None:
                raise NotFoundError("assessment", assessment_id)
            if row.submitted_at is not None:
                raise InvalidInputError(Problem("assessment", "was submitted already; nothing was changed"))
            if not row.scores:
                raise InvalidInputError(Problem("assessment", "has no scores yet: score at least one item"))
            done = repo.update_assessment(session, assessment_id, seen_version, submitted_at=utcnow())
            if done is None:
                theirs = self._to_stored(session, row)
                raise conflict("assessment", assessment_id, seen_version, None, theirs)
            return self._to_stored(session, repo.assessment_again(session, assessment_id))

    def visible_assessments(
        self, conference_id: int, trainee: str, *, viewer: str | None, case_id: int | None = None,
        viewer_id: int | None = None,
    ) -> Visible[StoredAssessment]:
        """What a viewer may see of the trainee's assessments of the case (or of the conference as a whole):
        see :func:`mdtboard.domain.blind.visible`. The viewer is a rater (the account ``viewer_id``, else
        the account signed in, else the typed name ``viewer``) or, both None, the trainee."""
        as_rater = viewer is not None or viewer_id is not None
        viewer_id = _rater_account(AssessorRole.FACILITATOR, viewer_id) if as_rater else None
        with read_only(self.db) as session:
            key = trainee_key(trainee)
            rows = repo.assessments(session, [conference_id], trainee_key=key, case=(case_id,))
            stored = [self._to_stored(session, row) for row in rows]
        own = next((a for a in stored if a.assessment.role is AssessorRole.SELF), None)
        raters = [Rated(a.assessment.assessor, a.submitted, a, a.assessment.rater_key) for a in stored
                  if a.assessment.role is AssessorRole.FACILITATOR]
        seen_by = _rater_key(AssessorRole.FACILITATOR, viewer, viewer_id) if as_rater else None
        shown = visible(seen_by, None if own is None else Rated(None, own.submitted, own), raters)
        late = started_after_a_rater(None if own is None else own.created_at,
                                     [r.value.submitted_at for r in raters])
        return replace(shown, rater_first=late)

    def _rater_name(self, session: Session, account_id: int, problems: list[Problem]) -> str | None:
        row = account_repo.by_id(session, account_id)
        if row is None:
            problems.append(Problem("rater", f"account {account_id} does not exist"))
            return None
        return row.display_name

    # ------------------------------------------------------------------ goals
    def set_goals(
        self,
        conference_id: int,
        trainee: str,
        goals: Sequence[tuple[GoalKind | str, str]],
        *,
        rater: str | None = None,
        rater_id: int | None = None,
    ) -> list[Goal]:
        """Write the one to three goals trainee and rater agreed after the reveal (replacing earlier ones of
        this conference). Refused before the trainee's self-assessment and a rater's are both submitted.
        The rater is recorded as for an assessment: the account ``rater_id``, else the one signed in, else
        the typed name ``rater``."""
        checked = check_goals(list(goals))
        rater_id = _rater_account(AssessorRole.FACILITATOR, rater_id)
        with unit_of_work(self.db) as session:
            self._training_conference(session, conference_id)
            if rater_id is not None:
                problems: list[Problem] = []
                rater = self._rater_name(session, rater_id, problems)
                if problems:
                    raise InvalidInputError(problems, source="Goals")
            name = self._check_trainee(session, conference_id, " ".join(trainee.split()))
            submitted = repo.submitted_roles(session, conference_id, trainee_key(name))
            if submitted != {str(AssessorRole.SELF), str(AssessorRole.FACILITATOR)}:
                raise InvalidInputError(Problem(
                    "goals", f"goals are written after the reveal: {name}'s self-assessment and a rater's "
                    "assessment must both be submitted first"), source="Goals")
            now = utcnow()
            repo.replace_goals(session, conference_id, trainee_key(name), [
                {"trainee": name, "rater": " ".join(rater.split())[:200] if rater and rater.strip() else None,
                 "rater_account_id": rater_id,
                 "position": position, "kind": str(kind), "text": text, "created_at": now}
                for position, (kind, text) in enumerate(checked)
            ])
        return self.goals(trainee, conference_id=conference_id)

    def goals(self, trainee: str, *, conference_id: int | None = None) -> list[Goal]:
        """The trainee's goals (of one conference, or all), oldest first."""
        with read_only(self.db) as session:
            rows = repo.goals(session, trainee_key(trainee), conference_id=conference_id)
            return [_to_goal(row) for row in rows]

    def goals_to_review(self, conference_id: int, trainee: str) -> list[Goal]:
        """The goals the trainee set at earlier conferences and has not had reviewed yet: what the
        conference ``conference_id`` should look at first."""
        with read_only(self.db) as session:
            conf = self._training_conference(session, conference_id)
            return [_to_goal(row) for row in repo.goals_to_review(session, trainee_key(trainee), conf)]

    def review_goal(
        self, goal_id: int, outcome: GoalOutcome | str, *, conference_id: int, note: str | None = None,
        seen_version: int,
    ) -> Goal:
        """Record at conference ``conference_id`` whether an earlier goal was met, partly met or not."""
        try:
            result = GoalOutcome(outcome)
        except ValueError:
            raise InvalidInputError(
                Problem("outcome", f"{outcome!r} is not met, partly or not_met")) from None
        with unit_of_work(self.db) as session:
            self._training_conference(session, conference_id)
            done = repo.review_goal(
                session, goal_id, seen_version, outcome=str(result),
                outcome_note=(note or "").strip() or None, reviewed_at_conference_id=conference_id,
            )
            row = repo.goal(session, goal_id)
            if row is None:
                raise NotFoundError("goal", goal_id)
            if not done:
                raise conflict("goal", goal_id, seen_version, None, _to_goal(row))
            return _to_goal(row)

    def delete_assessment(self, assessment_id: int, *, seen_version: int) -> None:
        with unit_of_work(self.db) as session:
            row = repo.assessment(session, assessment_id)
            if row is None:
                return
            if row.version != seen_version:
                raise conflict(
                    "assessment", assessment_id, seen_version, None, self._to_stored(session, row)
                )
            repo.delete(session, row)

    def _case_on_agenda(
        self, session: Session, conference_id: int, case_id: int | None, problems: list[Problem]
    ) -> str | None:
        if case_id is None:
            return None
        ref = repo.case_ref_on_agenda(session, conference_id, case_id)
        if ref is None:
            problems.append(Problem("case", f"case {case_id} is not on this conference's agenda"))
        return ref

    # ------------------------------------------------------------------ records, progress, debrief
    def conference_record(self, conference_id: int) -> ConferenceRecord:
        with read_only(self.db) as session:
            self._training_conference(session, conference_id)
            return load_records(session, [conference_id])[0]

    def records(self) -> list[ConferenceRecord]:
        """Every teaching conference as a record, oldest first."""
        with read_only(self.db) as session:
            return load_records(session, repo.training_conference_ids(session))

    def trainee_progress(self, trainee: str) -> TraineeProgress:
        return trainee_progress(trainee, self.records())

    def programme_overview(self) -> ProgrammeOverview:
        return programme_overview(self.records())

    def debrief_inputs(self, conference_id: int, trainee: str) -> DebriefInputs:
        """The conference, the programme's earlier conferences and the cases the trainee presented."""
        history = self.records()
        conference = next((r for r in history if r.ref == conference_ref(conference_id)), None)
        if conference is None:
            self.conference_record(conference_id)  # raises: not found, or not a training conference
            raise NotFoundError("conference", conference_id)
        if not conference.took_part(trainee):
            raise InvalidInputError(
                Problem("trainee", f"{trainee} took no part in the conference {conference.title}"),
                source="Debrief",
            )
        refs = sorted({p.case_ref for p in conference.presentations_by(trainee)})
        with read_only(self.db) as session:
            cases = load_cases(session, refs=refs) if refs else []
        stored = self.assessments(conference_id, trainee)
        conference = _blind_for_trainee(conference, stored)
        return DebriefInputs(
            " ".join(trainee.split()), conference, tuple(history), tuple(cases),
            goals=tuple(self.goals(trainee, conference_id=conference_id)),
            goals_reviewed=tuple(self.goals_to_review(conference_id, trainee)),
            not_blind=_not_blind(stored),
        )


def _rater_account(role: AssessorRole | str, rater_id: int | None) -> int | None:
    """The account a rater scores as: the one given, which must be the account signed in or a person who
    confirmed with their own credential (:meth:`AccountService.confirm`), else the account signed in; None
    for a self-assessment, or when nobody is signed in and none was given."""
    if AssessorRole(role) is AssessorRole.SELF:
        return None
    if rater_id is not None:
        if not permissions.vouched(rater_id):  # another person's scores need their own credential
            raise permissions.NotAllowedError(
                "The rater has not confirmed with their own password or PIN on this PC, so nothing can be "
                "recorded or shown as theirs. Choose the rater again. Nothing was changed.")
        return rater_id
    acting = permissions.acting()
    return acting.id if acting is not None else None


def _rater_key(role: AssessorRole | str, assessor: str | None, rater_id: int | None = None) -> str:
    """Who scored, as the assessments table tells raters apart: ``#`` and the account id; without an
    account the folded typed name; '' for a self-assessment or an unnamed rater."""
    if AssessorRole(role) is AssessorRole.SELF:
        return ""
    if rater_id is not None:
        return f"#{rater_id}"
    return trainee_key(assessor)[:200] if assessor else ""


def _to_goal(row: TrainingGoalRow) -> Goal:
    return Goal(
        kind=GoalKind(row.kind), text=row.text, trainee=row.trainee, rater=row.rater,
        rater_id=row.rater_account_id,
        conference_id=row.conference_id, id=row.id, version=row.version,
        outcome=None if row.outcome is None else GoalOutcome(row.outcome), outcome_note=row.outcome_note,
        reviewed_at_conference_id=row.reviewed_at_conference_id,
    )


def _not_blind(stored: Sequence[StoredAssessment]) -> frozenset[str | None]:
    """The parts whose self-assessment was started after a rater's scores of them were submitted."""
    parts = {s.assessment.case_ref for s in stored}
    late = set()
    for part in parts:
        mine = [s for s in stored if s.assessment.case_ref == part]
        own = next((s for s in mine if s.assessment.role is AssessorRole.SELF), None)
        rated = [s.submitted_at for s in mine if s.assessment.role is AssessorRole.FACILITATOR]
        if own is not None and started_after_a_rater(own.created_at, rated):
            late.add(part)
    return frozenset(late)


def _blind_for_trainee(conference: ConferenceRecord, stored: Sequence[StoredAssessment]) -> ConferenceRecord:
    """The conference as the trainee may see it on paper: a rater's scores only once they are submitted and
    the trainee's own self-assessment of that case (if there is one) is submitted too."""
    own = {s.assessment.case_ref: s for s in stored if s.assessment.role is AssessorRole.SELF}

    def shown(entry: StoredAssessment) -> bool:
        if entry.assessment.role is AssessorRole.SELF:
            return True
        mine = own.get(entry.assessment.case_ref)
        return entry.submitted and (mine is None or mine.submitted)

    hidden = [s.assessment for s in stored if not shown(s)]
    if not hidden:
        return conference
    return replace(conference, assessments=tuple(a for a in conference.assessments if a not in hidden))
