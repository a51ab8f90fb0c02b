"""TrainingService on SQLite and PostgreSQL: roles per case, the rubric's rules, versions and conflicts."""

from __future__ import annotations

from datetime import datetime

import pytest
from conftest import table_snapshot
from training_setup import FACILITATOR, KWAME, ZOE, load_bank, teaching_conference

from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import ConferenceMode
from mdtboard.domain.errors import ConflictError, InvalidInputError, NotFoundError
from mdtboard.domain.rubric import AssessorRole, Score
from mdtboard.services.context import Services

FAC, SELF = AssessorRole.FACILITATOR, AssessorRole.SELF
WHEN = datetime(2026, 3, 9, 13, 0)


@pytest.fixture
def conference(services: Services) -> tuple[int, list[int], list[int]]:
    """A teaching conference with two bank cases: (conference id, agenda item ids, case ids)."""
    bank = load_bank(services)
    case_ids = [bank["TEACH-02"], bank["TEACH-08"]]
    conf = teaching_conference(services, "Teaching conference – CRPS and taper", WHEN, case_ids)
    assert conf.id is not None
    return conf.id, [item.id or 0 for item in conf.agenda], case_ids


def test_roles_per_case_presenter_and_discipline_speakers(
    services: Services, conference: tuple[int, list[int], list[int]]
) -> None:
    conf_id, items, case_ids = conference
    training = services.training
    assert training.trainees(conf_id) == [ZOE, KWAME]
    presenter = training.assign_role(items[0], "  zoë   ångström-nguyễn ")  # matched to the attendance list
    assert (presenter.trainee, presenter.discipline, presenter.version) == (ZOE, None, 0)
    training.assign_role(items[0], KWAME, Discipline.PSYCHOLOGY)
    training.assign_role(items[0], ZOE, Discipline.PHYSICAL_THERAPY)  # one trainee may hold two parts
    training.assign_role(items[1], KWAME)
    roles = training.roles(conf_id)
    assert [(r.agenda_item_id, r.case_id) for r in roles] == list(zip(items, case_ids, strict=True))
    first = roles[0]
    assert first.presenter is not None and first.presenter.trainee == ZOE
    assert [(s.discipline, s.trainee) for s in first.speakers] == [
        (Discipline.PHYSICAL_THERAPY, ZOE),
        (Discipline.PSYCHOLOGY, KWAME),
    ]
    assert [r.label for r in first.parts_of(ZOE)] == ["Presents the case", "Speaks for physical therapy"]
    assert roles[0].case_ref == "TEACH-02"
    # reassigning a part states the version seen; a stale version is a conflict and changes nothing
    moved = training.assign_role(items[0], KWAME, seen_version=presenter.version)
    assert (moved.trainee, moved.version) == (KWAME, 1)
    before = table_snapshot(services.db)
    with pytest.raises(ConflictError) as info:
        training.assign_role(items[0], ZOE, seen_version=presenter.version)
    assert info.value.theirs.trainee == KWAME
    with pytest.raises(ConflictError):
        training.assign_role(items[0], ZOE)  # "nobody had it" is stale too
    assert table_snapshot(services.db) == before
    training.clear_role(items[0], Discipline.PSYCHOLOGY, seen_version=0)
    assert training.case_roles(items[0]).speaker(Discipline.PSYCHOLOGY) is None


def test_roles_only_for_trainees_of_a_training_conference(
    services: Services, conference: tuple[int, list[int], list[int]]
) -> None:
    conf_id, items, case_ids = conference
    before = table_snapshot(services.db)
    for who in ("Ola Nordmann", FACILITATOR, "Somebody Else"):  # an observer, the facilitator, a stranger
        with pytest.raises(InvalidInputError) as info:
            services.training.assign_role(items[0], who)
        assert info.value.problems[0].where == "trainee"
        assert "is not a trainee of this conference" in str(info.value)
    with pytest.raises(InvalidInputError, match="no name given"):
        services.training.assign_role(items[0], "   ")
    clinical = teaching_conference(services, "Pain MDT", WHEN, case_ids[:1], mode=ConferenceMode.CLINICAL)
    assert clinical.id is not None
    before = table_snapshot(services.db)
    with pytest.raises(InvalidInputError, match="is a clinical conference"):
        services.training.assign_role(clinical.agenda[0].id or 0, ZOE)
    with pytest.raises(InvalidInputError, match="is a clinical conference"):
        services.training.save_assessment(clinical.id, ZOE, FAC, [Score("trainee.closes_loop", 4)])
    with pytest.raises(NotFoundError):
        services.training.assign_role(999_999, ZOE)
    assert table_snapshot(services.db) == before


def test_assessments_per_case_and_per_conference_round_trip(
    services: Services, conference: tuple[int, list[int], list[int]]
) -> None:
    conf_id, _items, case_ids = conference
    training = services.training
    case_scores = [
        Score("case.isbar.identify", 5),
        Score("case.isbar.situation", 2, "No question for the team – the room had to ask."),
        Score("case.discipline.psychology", 4, "  Named the fear-avoidance clearly.  "),
    ]
    stored = training.save_assessment(
        conf_id, ZOE, FAC, case_scores, case_id=case_ids[0], assessor=FACILITATOR
    )
    assert (stored.version, stored.case_id, stored.conference_id) == (0, case_ids[0], conf_id)
    a = stored.assessment
    assert (a.trainee, a.role, a.case_ref, a.assessor, a.conference_ref) == (
        ZOE,
        FAC,
        "TEACH-02",
        FACILITATOR,
        str(conf_id),
    )
    assert a.score("case.discipline.psychology") == Score(
        "case.discipline.psychology", 4, "Named the fear-avoidance clearly."
    )
    team = training.save_assessment(
        conf_id, ZOE, FAC, [Score("trainee.invites_input", 3)], assessor=FACILITATOR
    )
    own = training.save_assessment(
        conf_id, ZOE, SELF, [Score("case.isbar.situation", 4)], case_id=case_ids[0]
    )
    assert team.case_id is None and own.assessment.role is SELF
    got = training.assessment(conf_id, "ZOË ÅNGSTRÖM-NGUYỄN", FAC, case_id=case_ids[0])
    assert got == stored
    assert training.assessment(conf_id, ZOE, FAC) == team
    assert training.assessment(conf_id, KWAME, FAC) is None
    assert {s.id for s in training.assessments(conf_id, ZOE)} == {stored.id, team.id, own.id}
    # saving again replaces the scores and bumps the version
    again = training.save_assessment(
        conf_id,
        ZOE,
        FAC,
        case_scores[:1],
        case_id=case_ids[0],
        assessor=FACILITATOR,
        seen_version=stored.version,
    )
    assert again.version == 1 and again.assessment.scores == (Score("case.isbar.identify", 5),)
    # someone else's save in between: conflict with both versions, nothing changed
    before = table_snapshot(services.db)
    with pytest.raises(ConflictError) as info:
        training.save_assessment(conf_id, ZOE, FAC, case_scores, case_id=case_ids[0], assessor=FACILITATOR,
                                 seen_version=0)
    assert info.value.theirs == again and info.value.mine.scores == tuple(case_scores)
    with pytest.raises(ConflictError):  # "there was none"
        training.save_assessment(conf_id, ZOE, FAC, case_scores, case_id=case_ids[0], assessor=FACILITATOR)
    assert table_snapshot(services.db) == before
    training.delete_assessment(again.id, seen_version=again.version)
    assert training.assessment(conf_id, ZOE, FAC, case_id=case_ids[0]) is None


@pytest.mark.parametrize(
    ("scores", "where", "message"),
    [
        ([Score("case.isbar.situation", 2)], "case.isbar.situation", "a score of 2 needs a comment"),
        (
            [Score("case.isbar.identify", 4), Score("case.isbar.background", 1, "   ")],
            "case.isbar.background",
            "a score of 1 needs a comment",
        ),
        ([Score("case.isbar.identify", 6)], "case.isbar.identify", "6 is outside 1 to 5"),
        ([Score("case.isbar.identify", 0, "none")], "case.isbar.identify", "0 is outside 1 to 5"),
        ([Score("case.isbar.made_up", 3)], "case.isbar.made_up", "is not an item of the rubric"),
        ([Score("trainee.closes_loop", 3)], "trainee.closes_loop", "scored for the conference as a whole"),
        (
            [Score("case.isbar.identify", 3), Score("case.isbar.identify", 4)],
            "case.isbar.identify",
            "scored more than once",
        ),
        ([], "scores", "no item scored"),
    ],
)
def test_an_assessment_that_breaks_the_rubric_is_refused_and_nothing_is_stored(
    services: Services,
    conference: tuple[int, list[int], list[int]],
    scores: list[Score],
    where: str,
    message: str,
) -> None:
    conf_id, _items, case_ids = conference
    earlier = services.training.save_assessment(
        conf_id, ZOE, FAC, [Score("case.isbar.identify", 4)], case_id=case_ids[0]
    )
    before = table_snapshot(services.db)
    with pytest.raises(InvalidInputError) as info:
        services.training.save_assessment(
            conf_id, ZOE, FAC, scores, case_id=case_ids[0], seen_version=earlier.version
        )
    assert where in [p.where for p in info.value.problems]
    assert message in str(info.value)
    assert "Nothing was changed" in str(info.value)
    assert table_snapshot(services.db) == before


def test_per_case_items_need_a_case_on_the_agenda(
    services: Services, conference: tuple[int, list[int], list[int]]
) -> None:
    conf_id, _items, _case_ids = conference
    other = load_bank(services)["TEACH-05"]  # in the database, not on this agenda
    before = table_snapshot(services.db)
    with pytest.raises(InvalidInputError) as info:
        services.training.save_assessment(conf_id, ZOE, FAC, [Score("case.isbar.identify", 3)])
    assert {p.where for p in info.value.problems} == {"case.isbar.identify", "case_ref"}
    with pytest.raises(InvalidInputError, match="is not on this conference's agenda"):
        services.training.save_assessment(conf_id, ZOE, FAC, [Score("case.isbar.identify", 3)], case_id=other)
    with pytest.raises(InvalidInputError, match="is not a trainee of this conference"):
        services.training.save_assessment(conf_id, "Ola Nordmann", SELF, [Score("trainee.closes_loop", 3)])
    assert table_snapshot(services.db) == before


def test_the_database_itself_keeps_one_assessment_per_trainee_role_and_case(
    services: Services, conference: tuple[int, list[int], list[int]]
) -> None:
    """Two PCs saving the first assessment at the same moment cannot both store one: unique indexes, the
    one for the conference as a whole partial (``case_id IS NULL``) on SQLite and PostgreSQL alike."""
    import sqlalchemy as sa

    from mdtboard.storage.training_models import TrainingAssessmentRow

    conf_id, _items, case_ids = conference
    services.training.save_assessment(conf_id, ZOE, FAC, [Score("trainee.closes_loop", 4)])
    services.training.save_assessment(
        conf_id, ZOE, FAC, [Score("case.isbar.identify", 4)], case_id=case_ids[0]
    )
    row = {
        "conference_id": conf_id,
        "trainee": ZOE,
        "trainee_key": "zoë ångström-nguyễn",
        "role": "facilitator",
        "rubric_version": 1,
        "version": 0,
        "created_at": datetime(2026, 3, 9),
        "updated_at": datetime(2026, 3, 9),
    }
    for case_id in (None, case_ids[0]):
        with pytest.raises(sa.exc.IntegrityError), services.db.engine.begin() as conn:
            conn.execute(sa.insert(TrainingAssessmentRow), [row | {"case_id": case_id}])
    with services.db.engine.begin() as conn:  # another case, or the self-assessment, is a different one
        conn.execute(sa.insert(TrainingAssessmentRow), [row | {"case_id": case_ids[1]}])
        conn.execute(sa.insert(TrainingAssessmentRow), [row | {"case_id": None, "role": "self"}])
