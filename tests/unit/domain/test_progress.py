"""A trainee's progress over conferences, and the programme overview."""

from __future__ import annotations

from datetime import date

import pytest

from mdtboard.domain.case import Discipline
from mdtboard.domain.progress import (
    ConferenceRecord,
    DisciplineTime,
    Presentation,
    TraineeProgress,
    programme_overview,
    trainee_progress,
)
from mdtboard.domain.rubric import Assessment, AssessorRole, RubricDomain, Score

FAC, SELF = AssessorRole.FACILITATOR, AssessorRole.SELF
ZOE = "Zoë Ng"


def scored(trainee: str, conference: str, *scores: tuple[str, int], role: AssessorRole = FAC,
           case_ref: str | None = "c1") -> Assessment:
    return Assessment(
        role=role, trainee=trainee, conference_ref=conference, case_ref=case_ref,
        scores=tuple(Score(key, value, "seen" if value < 3 else None) for key, value in scores),
    )


def means(progress: TraineeProgress, domain: RubricDomain) -> list[tuple[str, float]]:
    return [(p.conference_ref, p.mean) for p in progress.series(domain).points]


def three_conferences() -> list[ConferenceRecord]:
    first = ConferenceRecord(
        ref="t1", held_on=date(2026, 1, 12), title="Teaching 1", trainees=(ZOE, "Kwame Mensah"),
        presentations=(Presentation(ZOE, "lbp", seconds=420, target_seconds=180),),
        assessments=(
            scored(ZOE, "t1", ("case.isbar.situation", 2), ("case.isbar.recommendation", 2),
                   ("trainee.invites_input", 3)),
            scored(ZOE, "t1", ("case.isbar.situation", 4), ("trainee.invites_input", 4), role=SELF),
        ),
    )
    second = ConferenceRecord(
        ref="t2", held_on=date(2026, 2, 9), title="Teaching 2", trainees=("zoë  ng", "Kwame Mensah"),
        presentations=(Presentation("Kwame Mensah", "crps", seconds=200),),
        assessments=(
            scored(ZOE, "t2", ("trainee.invites_input", 4), ("trainee.closes_loop", 3), case_ref=None),
            scored(ZOE, "t2", ("case.discipline.psychology", 3), case_ref="crps"),
            scored("Kwame Mensah", "t2", ("case.isbar.situation", 5)),
        ),
    )
    third = ConferenceRecord(
        ref="t3", held_on=date(2026, 3, 9), title="Teaching 3", trainees=(ZOE,),
        presentations=(
            Presentation(ZOE, "fibro", seconds=240, target_seconds=180,
                         discussion=(DisciplineTime(Discipline.PHYSICIAN, 120),
                                     DisciplineTime(Discipline.PSYCHOLOGY, 60),
                                     DisciplineTime(Discipline.PHYSICIAN, 60))),
            Presentation(ZOE, "pelvic", seconds=None),
        ),
        assessments=(
            scored(ZOE, "t3", ("case.isbar.situation", 4), ("case.isbar.recommendation", 5),
                   ("case.isbar.background", 4), ("trainee.invites_input", 5), ("meeting.chairing", 4)),
        ),
    )
    # given out of order on purpose
    return [third, first, second]


def test_progress_over_three_conferences() -> None:
    progress = trainee_progress(ZOE, three_conferences())
    assert progress.trainee == ZOE
    assert progress.conferences == (
        ("t1", date(2026, 1, 12)), ("t2", date(2026, 2, 9)), ("t3", date(2026, 3, 9)))
    assert progress.conferences_attended == 3
    assert progress.presentations_given == 3  # one at t1, two at t3 (one not timed)
    presentation = progress.series(RubricDomain.PRESENTATION).points
    assert [(p.conference_ref, p.held_on, p.count) for p in presentation] == [
        ("t1", date(2026, 1, 12), 2), ("t3", date(2026, 3, 9), 3)]
    assert [p.mean for p in presentation] == [pytest.approx(2.0), pytest.approx(13 / 3)]
    teamwork = progress.series(RubricDomain.TEAMWORK).points
    assert [(p.conference_ref, p.mean) for p in teamwork] == [("t1", 3.0), ("t2", 3.5), ("t3", 5.0)]
    assert means(progress, RubricDomain.DISCIPLINE) == [("t2", 3.0)]
    assert means(progress, RubricDomain.MEETING) == [("t3", 4.0)]
    assert [d.domain for d in progress.domains] == list(RubricDomain)
    timing = [(t.conference_ref, t.case_ref, t.seconds, t.target_seconds) for t in progress.presentation_time]
    assert timing == [("t1", "lbp", 420, 180), ("t3", "fibro", 240, 180)]


def test_self_assessment_progress_is_kept_apart() -> None:
    progress = trainee_progress(ZOE, three_conferences(), role=SELF)
    assert means(progress, RubricDomain.PRESENTATION) == [("t1", 4.0)]
    assert means(progress, RubricDomain.TEAMWORK) == [("t1", 4.0)]


def test_a_trainee_with_no_conferences_has_empty_progress() -> None:
    progress = trainee_progress("Nobody Here", three_conferences())
    assert progress.conferences_attended == 0 and progress.presentations_given == 0
    assert all(series.points == () for series in progress.domains)
    assert progress.presentation_time == ()


def test_programme_overview() -> None:
    overview = programme_overview(three_conferences())
    assert overview.conferences == 3
    rows = [(r.trainee, r.conferences_attended, r.presentations_given, r.first_conference, r.last_conference)
            for r in overview.trainees]
    assert rows == [
        ("Kwame Mensah", 2, 1, date(2026, 1, 12), date(2026, 2, 9)),
        (ZOE, 3, 3, date(2026, 1, 12), date(2026, 3, 9)),
    ]


def test_discussion_shares_and_time_over_target() -> None:
    presentation = three_conferences()[0].presentations[0]
    assert presentation.over_target_seconds == 60
    assert presentation.discussion_shares() == (
        (Discipline.PHYSICIAN, pytest.approx(0.75)), (Discipline.PSYCHOLOGY, pytest.approx(0.25)))
    assert Presentation(ZOE, "x", seconds=None).over_target_seconds is None
    assert Presentation(ZOE, "x", seconds=100).discussion_shares() == ()
