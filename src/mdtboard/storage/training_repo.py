"""The training aggregate's statements: roles, assessments and their scores, goals, timings, and the rows a
teaching conference's records are read from. The training service (:mod:`mdtboard.services.training`)
decides; this module only reads and writes rows, in the session it is given."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from mdtboard.domain.conference import AttendeeRole, ConferenceMode
from mdtboard.domain.progress import trainee_key as fold_name
from mdtboard.storage.children import replace_in_order
from mdtboard.storage.models import AgendaItemRow, AttendeeRow, CaseRow, ConferenceRow
from mdtboard.storage.training_models import (
    PRESENTER_PART,
    TraineeRow,
    TrainingAssessmentRow,
    TrainingDiscussionTimeRow,
    TrainingFocusRow,
    TrainingGoalRow,
    TrainingRoleRow,
    TrainingScoreRow,
    TrainingTimingRow,
)

# ---------------------------------------------------------------------------- conferences, agenda, cases


def conference(session: Session, conference_id: int) -> ConferenceRow | None:
    return session.get(ConferenceRow, conference_id)


def conferences(session: Session, conference_ids: Sequence[int]) -> dict[int, ConferenceRow]:
    rows = session.scalars(sa.select(ConferenceRow).where(ConferenceRow.id.in_(conference_ids)))
    return {row.id: row for row in rows}


def training_conference_ids(session: Session) -> list[int]:
    """Every teaching conference, oldest first."""
    return list(
        session.scalars(
            sa.select(ConferenceRow.id)
            .where(ConferenceRow.mode == ConferenceMode.TRAINING.value)
            .order_by(ConferenceRow.starts_at, ConferenceRow.id)
        )
    )


def trainee_names(session: Session, conference_id: int) -> list[str]:
    return list(
        session.scalars(
            sa.select(AttendeeRow.name)
            .where(AttendeeRow.conference_id == conference_id, AttendeeRow.role == AttendeeRole.TRAINEE.value)
            .order_by(AttendeeRow.position)
        )
    )


def trainees_of(session: Session, conference_ids: Sequence[int]) -> list[tuple[int, str]]:
    """(conference id, trainee's name) of each trainee, in attendance order."""
    return [
        (conf_id, name)
        for conf_id, name in session.execute(
            sa.select(AttendeeRow.conference_id, AttendeeRow.name)
            .where(
                AttendeeRow.conference_id.in_(conference_ids), AttendeeRow.role == AttendeeRole.TRAINEE.value
            )
            .order_by(AttendeeRow.conference_id, AttendeeRow.position)
        )
    ]


def agenda_item(session: Session, agenda_item_id: int) -> AgendaItemRow | None:
    return session.get(AgendaItemRow, agenda_item_id)


def agenda_items(session: Session, conference_id: int) -> list[AgendaItemRow]:
    return list(
        session.scalars(
            sa.select(AgendaItemRow)
            .where(AgendaItemRow.conference_id == conference_id)
            .order_by(AgendaItemRow.position)
        )
    )


def agenda_with_refs(session: Session, conference_ids: Sequence[int]) -> list[tuple[AgendaItemRow, str]]:
    """The agenda items of the conferences with their cases' references, in agenda order."""
    return [
        (item, ref)
        for item, ref in session.execute(
            sa.select(AgendaItemRow, CaseRow.ref)
            .join(CaseRow, CaseRow.id == AgendaItemRow.case_id)
            .where(AgendaItemRow.conference_id.in_(conference_ids))
            .order_by(AgendaItemRow.position)
        )
    ]


def case_refs(session: Session, case_ids: Iterable[int]) -> dict[int, str]:
    return {
        case_id: ref
        for case_id, ref in session.execute(
            sa.select(CaseRow.id, CaseRow.ref).where(CaseRow.id.in_(list(case_ids)))
        )
    }


def case_ref(session: Session, case_id: int) -> str | None:
    row = session.get(CaseRow, case_id)
    return row.ref if row is not None else None


def case_ref_on_agenda(session: Session, conference_id: int, case_id: int) -> str | None:
    """The case's reference when it is on the conference's agenda; None when it is not."""
    return (
        session.execute(
            sa.select(CaseRow.ref)
            .join(AgendaItemRow, AgendaItemRow.case_id == CaseRow.id)
            .where(AgendaItemRow.conference_id == conference_id, CaseRow.id == case_id)
        )
        .scalars()
        .first()
    )


def delete(session: Session, row: Any) -> None:
    session.delete(row)


# ---------------------------------------------------------------------------- roles


def role_rows(session: Session, agenda_item_ids: Sequence[int]) -> list[TrainingRoleRow]:
    return list(
        session.scalars(sa.select(TrainingRoleRow).where(TrainingRoleRow.agenda_item_id.in_(agenda_item_ids)))
    )


def presenters(session: Session, agenda_item_ids: Sequence[int]) -> dict[int, str]:
    """Who presents each case (by agenda item id), where someone does."""
    return {
        item_id: name
        for item_id, name in session.execute(
            sa.select(TrainingRoleRow.agenda_item_id, TrainingRoleRow.trainee).where(
                TrainingRoleRow.agenda_item_id.in_(agenda_item_ids), TrainingRoleRow.part == PRESENTER_PART
            )
        )
    }


def role_row(session: Session, agenda_item_id: int, part: str) -> TrainingRoleRow | None:
    return session.scalars(
        sa.select(TrainingRoleRow).where(
            TrainingRoleRow.agenda_item_id == agenda_item_id, TrainingRoleRow.part == part
        )
    ).one_or_none()


def add_role(session: Session, agenda_item_id: int, part: str, trainee: str) -> TrainingRoleRow:
    row = TrainingRoleRow(agenda_item_id=agenda_item_id, part=part, trainee=trainee, version=0,
                          trainee_id=person_id(session, fold_name(trainee)))
    session.add(row)
    session.flush()
    return row


def update_role(session: Session, row_id: int, seen_version: int | None, trainee: str) -> int | None:
    """The role's new version, or None when its version is no longer ``seen_version``."""
    new = session.execute(
        sa.update(TrainingRoleRow)
        .where(TrainingRoleRow.id == row_id, TrainingRoleRow.version == seen_version)
        .values(trainee=trainee, trainee_id=person_id(session, fold_name(trainee)),
                version=TrainingRoleRow.version + 1)
        .returning(TrainingRoleRow.version)
    ).scalar_one_or_none()
    return None if new is None else int(new)


# ---------------------------------------------------------------------------- assessments


def _of_case(case_id: int | None) -> Any:
    return (
        TrainingAssessmentRow.case_id.is_(None)
        if case_id is None
        else TrainingAssessmentRow.case_id == case_id
    )


def assessment(session: Session, assessment_id: int) -> TrainingAssessmentRow | None:
    return session.get(TrainingAssessmentRow, assessment_id)


def assessment_again(session: Session, assessment_id: int) -> TrainingAssessmentRow:
    """The assessment as stored now (after this session changed it)."""
    session.flush()
    session.expire_all()
    row = session.get(TrainingAssessmentRow, assessment_id)
    assert row is not None
    return row


def assessments(
    session: Session,
    conference_ids: Sequence[int],
    *,
    trainee_key: str | None = None,
    case: tuple[int | None] | None = None,
) -> list[TrainingAssessmentRow]:
    """Assessments of the conferences with their scores, oldest first: of one trainee (their folded name)
    when given, and of one case (``case=(case_id,)``; ``(None,)``: of the conference as a whole)."""
    stmt = (
        sa.select(TrainingAssessmentRow)
        .options(selectinload(TrainingAssessmentRow.scores))
        .where(TrainingAssessmentRow.conference_id.in_(conference_ids))
        .order_by(TrainingAssessmentRow.id)
    )
    if trainee_key is not None:
        stmt = stmt.where(TrainingAssessmentRow.trainee_key == trainee_key)
    if case is not None:
        stmt = stmt.where(_of_case(case[0]))
    return list(session.scalars(stmt))


def assessment_of(
    session: Session,
    conference_id: int,
    trainee_key: str,
    role: str,
    case_id: int | None,
    rater_key: str | None,
) -> TrainingAssessmentRow | None:
    """The assessment of ``rater_key`` (None: the first of any rater)."""
    return session.scalars(
        sa.select(TrainingAssessmentRow)
        .options(selectinload(TrainingAssessmentRow.scores))
        .where(
            TrainingAssessmentRow.conference_id == conference_id,
            TrainingAssessmentRow.trainee_key == trainee_key,
            TrainingAssessmentRow.role == role,
            TrainingAssessmentRow.rater_key == rater_key if rater_key is not None else sa.true(),
            _of_case(case_id),
        )
        .order_by(TrainingAssessmentRow.id)
    ).first()


def add_assessment(session: Session, **values: Any) -> TrainingAssessmentRow:
    row = TrainingAssessmentRow(version=0, trainee_id=person_id(session, values["trainee_key"]), **values)
    session.add(row)
    session.flush()
    return row


def update_assessment(session: Session, assessment_id: int, seen_version: int, **values: Any) -> int | None:
    """Set ``values`` and a new version; None when the version is no longer ``seen_version``."""
    new = session.execute(
        sa.update(TrainingAssessmentRow)
        .where(TrainingAssessmentRow.id == assessment_id, TrainingAssessmentRow.version == seen_version)
        .values(version=TrainingAssessmentRow.version + 1, **values)
        .returning(TrainingAssessmentRow.version)
    ).scalar_one_or_none()
    return None if new is None else int(new)


def replace_scores(session: Session, assessment_id: int, scores: Sequence[Mapping[str, Any]]) -> None:
    """The assessment's scores become ``scores`` (item_key, value, comment), in this order."""
    replace_in_order(session, TrainingScoreRow, TrainingScoreRow.assessment_id, assessment_id, scores)


def submitted_roles(session: Session, conference_id: int, trainee_key: str) -> set[str]:
    """The roles (self, facilitator) of the trainee's submitted assessments at the conference."""
    return set(
        session.scalars(
            sa.select(TrainingAssessmentRow.role).where(
                TrainingAssessmentRow.conference_id == conference_id,
                TrainingAssessmentRow.trainee_key == trainee_key,
                TrainingAssessmentRow.submitted_at.is_not(None),
            )
        )
    )


# ---------------------------------------------------------------------------- goals


def replace_goals(
    session: Session, conference_id: int, trainee_key: str, rows: Sequence[Mapping[str, Any]]
) -> None:
    session.execute(
        sa.delete(TrainingGoalRow).where(
            TrainingGoalRow.conference_id == conference_id, TrainingGoalRow.trainee_key == trainee_key
        )
    )
    person = person_id(session, trainee_key)
    for values in rows:
        session.add(TrainingGoalRow(conference_id=conference_id, trainee_key=trainee_key, trainee_id=person,
                                    version=0, **values))


def goals(session: Session, trainee_key: str, *, conference_id: int | None = None) -> list[TrainingGoalRow]:
    """The trainee's goals (of one conference, or all), oldest first."""
    stmt = (
        sa.select(TrainingGoalRow)
        .join(ConferenceRow, ConferenceRow.id == TrainingGoalRow.conference_id)
        .where(TrainingGoalRow.trainee_key == trainee_key)
        .order_by(ConferenceRow.starts_at, TrainingGoalRow.position)
    )
    if conference_id is not None:
        stmt = stmt.where(TrainingGoalRow.conference_id == conference_id)
    return list(session.scalars(stmt))


def goals_to_review(session: Session, trainee_key: str, conference: ConferenceRow) -> list[TrainingGoalRow]:
    """Goals set before ``conference`` not reviewed yet, or reviewed at it."""
    return list(
        session.scalars(
            sa.select(TrainingGoalRow)
            .join(ConferenceRow, ConferenceRow.id == TrainingGoalRow.conference_id)
            .where(
                TrainingGoalRow.trainee_key == trainee_key,
                ConferenceRow.starts_at < conference.starts_at,
                sa.or_(
                    TrainingGoalRow.outcome.is_(None),
                    TrainingGoalRow.reviewed_at_conference_id == conference.id,
                ),
            )
            .order_by(ConferenceRow.starts_at, TrainingGoalRow.position)
        )
    )


def goal(session: Session, goal_id: int) -> TrainingGoalRow | None:
    row = session.get(TrainingGoalRow, goal_id)
    if row is not None:
        session.refresh(row)
    return row


def review_goal(session: Session, goal_id: int, seen_version: int, **values: Any) -> bool:
    """Record a goal's outcome; False when its version is no longer ``seen_version`` (or it is gone)."""
    done = session.execute(
        sa.update(TrainingGoalRow)
        .where(TrainingGoalRow.id == goal_id, TrainingGoalRow.version == seen_version)
        .values(version=TrainingGoalRow.version + 1, **values)
        .returning(TrainingGoalRow.id)
    ).scalar_one_or_none()
    return done is not None


# ---------------------------------------------------------------------------- timings


def timing(session: Session, agenda_item_id: int) -> TrainingTimingRow | None:
    return session.scalars(
        sa.select(TrainingTimingRow).where(TrainingTimingRow.agenda_item_id == agenda_item_id)
    ).one_or_none()


def timings(session: Session, agenda_item_ids: Sequence[int]) -> list[TrainingTimingRow]:
    return list(
        session.scalars(
            sa.select(TrainingTimingRow)
            .options(selectinload(TrainingTimingRow.discussion))
            .where(TrainingTimingRow.agenda_item_id.in_(agenda_item_ids))
        )
    )


def store_timing(
    session: Session,
    agenda_item_id: int,
    row: TrainingTimingRow | None,
    seen_version: int | None,
    values: Mapping[str, Any],
    discussion: Sequence[Mapping[str, Any]],
) -> TrainingTimingRow | None:
    """Store a case's timing (a new row when ``row`` is None, else over ``row`` at ``seen_version``) and its
    discussion times (discipline, seconds); the timing as stored, or None when the version moved on."""
    if row is None:
        row = TrainingTimingRow(agenda_item_id=agenda_item_id, version=0, **values)
        session.add(row)
        session.flush()
    else:
        done = session.execute(
            sa.update(TrainingTimingRow)
            .where(TrainingTimingRow.id == row.id, TrainingTimingRow.version == seen_version)
            .values(version=TrainingTimingRow.version + 1, **values)
            .returning(TrainingTimingRow.id)
        ).scalar_one_or_none()
        if done is None:
            return None
        session.execute(
            sa.delete(TrainingDiscussionTimeRow).where(TrainingDiscussionTimeRow.timing_id == row.id)
        )
    if discussion:
        session.execute(
            sa.insert(TrainingDiscussionTimeRow),
            [{"timing_id": row.id, "position": i, **entry} for i, entry in enumerate(discussion)],
        )
    session.flush()
    session.expire_all()
    stored = session.get(TrainingTimingRow, row.id)
    assert stored is not None
    return stored


# ------------------------------------------------------------------- items announced before a session


def replace_focus(session: Session, conference_id: int, trainee: str, trainee_key: str,
                  item_keys: Sequence[str]) -> None:
    session.execute(sa.delete(TrainingFocusRow).where(
        TrainingFocusRow.conference_id == conference_id, TrainingFocusRow.trainee_key == trainee_key))
    person = person_id(session, trainee_key)
    for position, key in enumerate(item_keys):
        session.add(TrainingFocusRow(conference_id=conference_id, trainee=trainee, trainee_id=person,
                                     trainee_key=trainee_key, item_key=key, position=position))


def focus(session: Session, conference_id: int, trainee_key: str) -> tuple[str, ...]:
    return tuple(session.scalars(
        sa.select(TrainingFocusRow.item_key)
        .where(TrainingFocusRow.conference_id == conference_id, TrainingFocusRow.trainee_key == trainee_key)
        .order_by(TrainingFocusRow.position)))


# ---------------------------------------------------------------------------------- trainees as people


_WITH_KEY = (TrainingAssessmentRow, TrainingGoalRow, TrainingFocusRow)


def person_id(session: Session, name_key: str) -> int | None:
    """The id of the trainee recorded as a person under this folded name; None when there is none."""
    return session.scalars(sa.select(TraineeRow.id).where(TraineeRow.name_key == name_key)).one_or_none()


def trainee_person(session: Session, name_key: str) -> TraineeRow | None:
    return session.scalars(sa.select(TraineeRow).where(TraineeRow.name_key == name_key)).one_or_none()


def save_trainee(session: Session, name: str, name_key: str, profession: str, year: int | None,
                 account_id: int | None = None) -> None:
    """Record the person (with their account, when given), and link to them what was stored under their
    name before they were recorded."""
    row = trainee_person(session, name_key)
    if row is None:
        row = TraineeRow(name=name, name_key=name_key, profession=profession, year_of_training=year,
                         account_id=account_id)
        session.add(row)
        session.flush()
    else:
        row.name, row.profession = name, profession
        if year is not None:
            row.year_of_training = year
        if account_id is not None:
            row.account_id = account_id
    for table in _WITH_KEY:
        session.execute(sa.update(table).where(table.trainee_key == name_key, table.trainee_id.is_(None))
                        .values(trainee_id=row.id))
    for role_id, typed in session.execute(
            sa.select(TrainingRoleRow.id, TrainingRoleRow.trainee)
            .where(TrainingRoleRow.trainee_id.is_(None))):
        if fold_name(typed) == name_key:
            session.execute(sa.update(TrainingRoleRow).where(TrainingRoleRow.id == role_id)
                            .values(trainee_id=row.id))


def name_in_use(session: Session, name_key: str, person: int) -> bool:
    """Whether another person is recorded under this folded name, or rows not linked to this person
    carry it."""
    if session.scalars(sa.select(TraineeRow.id).where(TraineeRow.name_key == name_key,
                                                      TraineeRow.id != person)).first() is not None:
        return True
    for table in _WITH_KEY:
        if session.scalars(sa.select(table.id).where(
                table.trainee_key == name_key,
                sa.or_(table.trainee_id.is_(None), table.trainee_id != person))).first() is not None:
            return True
    return False


def rename_trainee(session: Session, person: int, name: str, name_key: str) -> None:
    """Give the person a new name everywhere they are linked (roles, assessments, goals, announced items)
    and where they attend a conference as a trainee."""
    old_name = session.scalars(sa.select(TraineeRow.name).where(TraineeRow.id == person)).one()
    session.execute(sa.update(TraineeRow).where(TraineeRow.id == person).values(name=name, name_key=name_key))
    for table in _WITH_KEY:
        session.execute(sa.update(table).where(table.trainee_id == person)
                        .values(trainee=name, trainee_key=name_key))
    session.execute(sa.update(TrainingRoleRow).where(TrainingRoleRow.trainee_id == person)
                    .values(trainee=name, version=TrainingRoleRow.version + 1))
    # the person as a trainee attending teaching conferences
    old_key = fold_name(old_name)
    for attendee_id, typed in session.execute(sa.select(AttendeeRow.id, AttendeeRow.name)
                                              .where(AttendeeRow.role == AttendeeRole.TRAINEE.value)):
        if fold_name(typed) == old_key:
            session.execute(sa.update(AttendeeRow).where(AttendeeRow.id == attendee_id)
                            .values(name=name, version=AttendeeRow.version + 1))


def trainee_people(session: Session) -> list[TraineeRow]:
    return list(session.scalars(sa.select(TraineeRow).order_by(TraineeRow.name_key)))
