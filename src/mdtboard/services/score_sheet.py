"""The scores one rater gives one trainee on one case, as one record to edit: a :class:`ScoreSheet`.

A rater's scores are stored as two assessments: the per-case items (about the case on the agenda) and the
items of the conference as a whole (team behaviours, the meeting). The scoring panel edits both at once
through a record session (:mod:`mdtboard.ui.editing.session`), so they are one record here: the two stored
assessments it was read from (their ids and versions, what a save states it saw) and the scores, one field
per rubric item. :func:`save_sheet` stores what changed and returns the sheet as stored; when someone else
saved scores meanwhile it raises :class:`ConflictError` carrying their sheet, read afresh, so that the session
merges item by item (their score of an item this rater did not touch is kept; only an item both scored
differently is offered for a choice).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from mdtboard.domain.errors import ConflictError
from mdtboard.domain.rubric import MDTBOARD_RUBRIC, AssessorRole, RubricLevel, Score
from mdtboard.services.training_data import StoredAssessment

if TYPE_CHECKING:
    from mdtboard.services.training import TrainingService


@dataclass(frozen=True)
class ScoreSheet:
    """One rater's scores of one trainee: of a case (``case_id``) and of the conference as a whole."""

    conference_id: int
    trainee: str
    role: AssessorRole
    assessor: str | None
    case_id: int | None
    #: the stored assessment of the per-case items (None: none yet) and of the conference as a whole
    case_side: StoredAssessment | None = None
    conference_side: StoredAssessment | None = None
    #: the scores by rubric item key, both sides together
    scores: Mapping[str, Score] = field(default_factory=dict)
    #: the rater's account (None: the account signed in, or a typed name while nobody is signed in)
    rater_id: int | None = None

    @property
    def id(self) -> tuple[int, str, str, str | None, int | None, int | None]:
        """What the sheet is about (the same for every version of it)."""
        return (self.conference_id, self.trainee, str(self.role), self.assessor, self.case_id, self.rater_id)

    @property
    def version(self) -> int:
        return sum(side.version + 1 for side in self.sides if side is not None)

    @property
    def sides(self) -> tuple[StoredAssessment | None, StoredAssessment | None]:
        return (self.case_side, self.conference_side)

    @property
    def submitted(self) -> bool:
        return any(side is not None and side.submitted for side in self.sides)

    @property
    def updated_at(self) -> datetime | None:
        times = [side.updated_at for side in self.sides if side is not None and side.updated_at is not None]
        return max(times) if times else None

    def side_scores(self, per_case: bool) -> tuple[Score, ...]:
        """The scores stored on one side, in the rubric's order."""
        mine = [s for key, s in self.scores.items() if _per_case(key) == per_case]
        return tuple(sorted(mine, key=lambda s: MDTBOARD_RUBRIC.order(s.item_key)))


def _per_case(key: str) -> bool:
    return MDTBOARD_RUBRIC.item(key).level is RubricLevel.CASE


def _stored_scores(side: StoredAssessment | None) -> dict[str, Score]:
    return {s.item_key: s for s in side.assessment.scores} if side is not None else {}


def sheet_fields(sheet: ScoreSheet) -> dict[str, Any]:
    """One field per scored item: its score and comment."""
    return {key: (score.value, score.comment) for key, score in sheet.scores.items()}


def sheet_with_fields(like: ScoreSheet, values: Mapping[str, Any]) -> ScoreSheet:
    scores = {key: Score(key, value, comment) for key, (value, comment) in values.items()}
    return dataclasses.replace(like, scores=scores)


def load_sheet(
    training: TrainingService,
    conference_id: int,
    trainee: str,
    role: AssessorRole,
    *,
    assessor: str | None,
    case_id: int | None,
    rater_id: int | None = None,
) -> ScoreSheet:
    """The sheet as stored now (a read of the rater's own assessments)."""
    case_side = (
        training.assessment(conference_id, trainee, role, case_id=case_id, assessor=assessor,
                            rater_id=rater_id)
        if case_id is not None
        else None
    )
    conference_side = training.assessment(conference_id, trainee, role, assessor=assessor, rater_id=rater_id)
    return ScoreSheet(
        conference_id, trainee, role, assessor, case_id, case_side, conference_side,
        _stored_scores(case_side) | _stored_scores(conference_side), rater_id,
    )


def _again(training: TrainingService, sheet: ScoreSheet) -> ScoreSheet:
    return load_sheet(training, sheet.conference_id, sheet.trainee, sheet.role,
                      assessor=sheet.assessor, case_id=sheet.case_id, rater_id=sheet.rater_id)


def save_sheet(training: TrainingService, sheet: ScoreSheet) -> ScoreSheet:
    """Store each side whose scores changed (stating the version read); returns the sheet as stored.

    Raises :class:`ConflictError` with ``theirs`` the sheet as stored now when either side was saved
    elsewhere since it was read (a side saved here before that stays saved, and is in ``theirs``)."""
    sides: dict[bool, StoredAssessment | None] = {True: sheet.case_side, False: sheet.conference_side}
    for per_case in (True, False):
        if per_case and sheet.case_id is None:
            continue
        stored = sides[per_case]
        scores = sheet.side_scores(per_case)
        if (stored.assessment.scores if stored is not None else ()) == scores:
            continue
        try:
            if scores:
                sides[per_case] = training.save_assessment(
                    sheet.conference_id, sheet.trainee, sheet.role, scores,
                    case_id=sheet.case_id if per_case else None, assessor=sheet.assessor,
                    rater_id=sheet.rater_id,
                    seen_version=stored.version if stored is not None else None,
                )
            elif stored is not None:
                training.delete_assessment(stored.id, seen_version=stored.version)
                sides[per_case] = None
        except ConflictError as error:
            theirs = _again(training, sheet)
            raise ConflictError("scores", f"of {sheet.trainee}", seen_version=sheet.version,
                                mine=sheet, theirs=theirs) from error
    return dataclasses.replace(sheet, case_side=sides[True], conference_side=sides[False])
