"""The feedback rubric: its items and anchors, the scoring rules, facilitator beside self-assessment."""

from __future__ import annotations

import pytest

from mdtboard.domain.case import Discipline
from mdtboard.domain.errors import InvalidInputError
from mdtboard.domain.rubric import (
    ANCHOR_SCORES,
    ENTRUSTMENT_KEY,
    MDTBOARD_RUBRIC,
    Assessment,
    AssessorRole,
    RubricDomain,
    RubricLevel,
    Score,
    check_assessment,
    compare,
    discipline_item_key,
    domain_means,
    rubric_items,
    team_items,
    validate_assessment,
    work_on_next,
)

FAC = AssessorRole.FACILITATOR
SELF = AssessorRole.SELF


def assessment(*scores: Score, role: AssessorRole = FAC, case_ref: str | None = "case-1") -> Assessment:
    return Assessment(role=role, trainee="Zoë Ng", conference_ref="conf-1", scores=scores, case_ref=case_ref)


# --- the rubric itself ---------------------------------------------------------------------------------


def test_every_item_has_anchors_at_1_3_and_5_and_nothing_else() -> None:
    for item in MDTBOARD_RUBRIC.items:
        assert tuple(sorted(item.anchors)) == ANCHOR_SCORES, item.key
        for score in ANCHOR_SCORES:
            text = item.anchors[score]
            assert text.strip() and text == text.strip(), (item.key, score)
            assert len(text) <= 150, f"{item.key} anchor {score} is not short: {len(text)} characters"
        # the three anchors describe different behaviour
        assert len(set(item.anchors.values())) == 3, item.key
        assert item.goal == item.anchors[5]


def test_keys_are_unique_and_levels_and_domains_agree() -> None:
    keys = [item.key for item in MDTBOARD_RUBRIC.items]
    assert len(keys) == len(set(keys))
    for item in MDTBOARD_RUBRIC.items:
        assert item.key.startswith(f"{item.level.value}."), item.key
        if item.domain in (RubricDomain.PRESENTATION, RubricDomain.DISCIPLINE):
            assert item.level is RubricLevel.CASE
        elif item.domain is RubricDomain.TEAMWORK:
            assert item.level is RubricLevel.TRAINEE
        else:
            assert item.level is RubricLevel.MEETING


def test_levels_cover_isbar_each_discipline_team_behaviours_and_the_meeting() -> None:
    case_titles = [item.title for item in rubric_items(RubricLevel.CASE)]
    assert case_titles[:5] == ["Identify", "Situation", "Background", "Assessment", "Recommendation"]
    for discipline in Discipline:
        item = MDTBOARD_RUBRIC.item(discipline_item_key(discipline))
        assert item.title == f"{discipline.label} contribution"
    trainee_keys = {item.key for item in rubric_items(RubricLevel.TRAINEE)}
    assert {"trainee.invites_input", "trainee.closes_loop", "trainee.clear_recommendation",
            "trainee.respects_views"} <= trainee_keys
    # the behaviours interprofessional-education instruments treat as core, and the entrustment scale
    assert {"trainee.speaks_up", "trainee.explores_disagreement", "trainee.role_clarity",
            "trainee.stigma_free_language", "trainee.cultural_humility",
            "trainee.entrustment"} <= trainee_keys
    # scored by default: a short list (the rest only when announced for a trainee)
    assert len([item for item in rubric_items(RubricLevel.TRAINEE) if item.core]) <= 7
    assert [item.key for item in rubric_items(RubricLevel.MEETING)] == [
        "meeting.chairing", "meeting.inclusion", "meeting.plan_clarity", "meeting.psychological_safety",
        "meeting.confidentiality"]
    entrustment = MDTBOARD_RUBRIC.item(ENTRUSTMENT_KEY)
    assert (entrustment.anchors[1], entrustment.anchors[3], entrustment.anchors[5]) == (
        "I had to take over.", "I prompted often.", "I was not needed.")
    assert rubric_items() == MDTBOARD_RUBRIC.items


def test_anchors_cannot_be_changed_through_an_item() -> None:
    item = MDTBOARD_RUBRIC.items[0]
    with pytest.raises(TypeError):
        item.anchors[1] = "changed"  # type: ignore[index]
    assert hash(item) == hash(MDTBOARD_RUBRIC.item(item.key))


# --- scoring rules -------------------------------------------------------------------------------------


def test_a_valid_assessment_has_no_problems() -> None:
    a = assessment(
        Score("case.isbar.identify", 5),
        Score("case.isbar.situation", 3, ""),
        Score("case.isbar.background", 2, "Read the medicines list out without the MME."),
        Score("trainee.closes_loop", 1, "Did not read back the taper plan."),
    )
    assert validate_assessment(a) == []
    check_assessment(a)


@pytest.mark.parametrize("value", [1, 2])
@pytest.mark.parametrize("comment", [None, "", "   \n"])
def test_a_score_of_1_or_2_needs_a_comment(value: int, comment: str | None) -> None:
    a = assessment(Score("case.isbar.identify", 4), Score("trainee.closes_loop", value, comment))
    problems = validate_assessment(a)
    assert [p.where for p in problems] == ["trainee.closes_loop"]
    assert "needs a comment" in problems[0].message
    with pytest.raises(InvalidInputError) as raised:
        check_assessment(a)
    assert "Nothing was changed" in str(raised.value)


@pytest.mark.parametrize("value", [3, 4, 5])
def test_scores_of_3_to_5_need_no_comment(value: int) -> None:
    assert validate_assessment(assessment(Score("meeting.chairing", value))) == []


@pytest.mark.parametrize("value", [0, 6, -1, 100, 2.5, True, "3"])
def test_scores_outside_1_to_5_or_not_whole_numbers_are_rejected(value: object) -> None:
    a = assessment(Score("meeting.chairing", value, "comment given"))  # type: ignore[arg-type]
    problems = validate_assessment(a)
    assert [p.where for p in problems] == ["meeting.chairing"]


def test_every_problem_is_reported_not_just_the_first() -> None:
    a = Assessment(
        role=FAC, trainee=" ", conference_ref="", case_ref=None,
        scores=(
            Score("case.isbar.identify", 1),
            Score("case.isbar.identify", 4),
            Score("no.such.item", 3),
            Score("meeting.inclusion", 9),
        ),
    )
    wheres = [p.where for p in validate_assessment(a)]
    assert wheres == ["trainee", "conference_ref", "case.isbar.identify", "case.isbar.identify",
                      "no.such.item", "meeting.inclusion", "case_ref"]


def test_an_assessment_without_scores_is_a_problem() -> None:
    assert [p.where for p in validate_assessment(assessment())] == ["scores"]


def test_team_and_meeting_items_need_no_case() -> None:
    a = assessment(Score("trainee.invites_input", 4), Score("meeting.plan_clarity", 3), case_ref=None)
    assert validate_assessment(a) == []


# --- facilitator beside self-assessment ----------------------------------------------------------------


def test_compare_gives_the_gap_per_item_and_domain_means() -> None:
    fac = assessment(
        Score("case.isbar.identify", 4),
        Score("case.isbar.situation", 2, "No question for the team."),
        Score("trainee.invites_input", 3),
    )
    own = assessment(
        Score("case.isbar.situation", 4),
        Score("case.isbar.identify", 5),
        Score("trainee.respects_views", 4),
        role=SELF,
    )
    result = compare(fac, own)
    rows = {row.item.key: row for row in result.rows}
    # rubric order, every item either side scored
    assert [row.item.key for row in result.rows] == [
        "case.isbar.identify", "case.isbar.situation", "trainee.invites_input", "trainee.respects_views"]
    assert rows["case.isbar.identify"].gap == 1
    assert rows["case.isbar.situation"].gap == 2
    assert rows["trainee.invites_input"].gap is None and rows["trainee.invites_input"].self_score is None
    assert rows["trainee.respects_views"].facilitator is None
    domains = {d.domain: d for d in result.domains}
    assert domains[RubricDomain.PRESENTATION].facilitator_mean == pytest.approx(3.0)
    assert domains[RubricDomain.PRESENTATION].self_mean == pytest.approx(4.5)
    assert domains[RubricDomain.PRESENTATION].gap == pytest.approx(1.5)
    assert domains[RubricDomain.TEAMWORK].gap == pytest.approx(1.0)


def test_compare_without_a_self_assessment() -> None:
    result = compare(assessment(Score("meeting.chairing", 4)), None)
    assert [(r.item.key, r.gap) for r in result.rows] == [("meeting.chairing", None)]
    assert result.domains[0].self_mean is None and result.domains[0].gap is None


def test_compare_refuses_mismatched_assessments() -> None:
    fac = assessment(Score("meeting.chairing", 4))
    other = Assessment(role=SELF, trainee="Someone Else", conference_ref="conf-1", case_ref="case-1",
                       scores=(Score("meeting.chairing", 4),))
    with pytest.raises(InvalidInputError) as raised:
        compare(fac, other)
    assert [p.where for p in raised.value.problems] == ["trainee"]
    with pytest.raises(InvalidInputError):
        compare(other, fac)  # roles swapped


def test_domain_means_ignore_unknown_items() -> None:
    means = domain_means([Score("meeting.chairing", 4), Score("meeting.inclusion", 1), Score("x", 5)])
    assert means == {RubricDomain.MEETING: 2.5}


# --- what to work on next -------------------------------------------------------------------------------


def test_work_on_next_takes_the_lowest_facilitator_scores_with_the_level_5_goal() -> None:
    fac1 = assessment(
        Score("case.isbar.identify", 4),
        Score("case.isbar.recommendation", 2, "No proposal."),
        Score("trainee.closes_loop", 5),
    )
    fac2 = assessment(
        Score("case.isbar.identify", 3),
        Score("trainee.invites_input", 2, "Psychology never asked."),
        case_ref="case-2",
    )
    own = assessment(Score("meeting.chairing", 1, "I lost track of time."), role=SELF)
    steps = work_on_next([fac1, fac2, own], limit=3)
    assert [(s.item.key, s.score) for s in steps] == [
        ("case.isbar.recommendation", 2), ("trainee.invites_input", 2), ("case.isbar.identify", 3)]
    assert steps[0].goal == MDTBOARD_RUBRIC.item("case.isbar.recommendation").anchors[5]
    assert steps[1].comment == "Psychology never asked." and steps[1].case_ref == "case-2"
    assert work_on_next([assessment(Score("meeting.chairing", 5))]) == ()


def test_the_rubric_is_data_with_sources_anchors_and_framework_mapping() -> None:
    import json

    from mdtboard.domain.rubric import ANCHOR_SCORES, MDTBOARD_RUBRIC
    from mdtboard.resources import resource

    data = json.loads(resource("training", "rubric.json").read_text(encoding="utf-8"))
    assert len(data["sources"]) >= 5 and data["dated"]
    assert len(MDTBOARD_RUBRIC.items) == len(data["items"]) + len(Discipline)
    for item in MDTBOARD_RUBRIC.items:
        assert tuple(item.anchors) == ANCHOR_SCORES and all(item.anchors[s].strip() for s in ANCHOR_SCORES)
        assert set(item.frameworks) == {"acgme_pain_medicine", "canmeds", "ipec"}, item.key
        assert all(item.frameworks.values()), item.key


def test_team_items_are_those_announced_with_entrustment_or_else_the_core_ones() -> None:
    core = [item.key for item in team_items()]
    assert ENTRUSTMENT_KEY in core and "trainee.speaks_up" not in core and "trainee.invites_input" in core
    announced = [item.key for item in team_items(["trainee.speaks_up", "trainee.closes_loop"])]
    assert announced == ["trainee.closes_loop", "trainee.speaks_up", ENTRUSTMENT_KEY]  # in rubric order


def test_every_item_maps_to_all_three_frameworks() -> None:
    for item in MDTBOARD_RUBRIC.items:
        assert set(item.frameworks) == {"acgme_pain_medicine", "canmeds", "ipec"}, item.key
        assert all(item.frameworks[name] for name in item.frameworks), item.key


def test_the_presenter_and_discipline_anchors_ask_for_what_the_rubric_promises() -> None:
    assert "biopsychosocial formulation naming what is uncertain" in MDTBOARD_RUBRIC.item(
        "case.isbar.assessment").anchors[5]
    assert "no change included" in MDTBOARD_RUBRIC.item("case.isbar.recommendation").anchors[5]
    for discipline in Discipline:
        assert "a dated action the discipline will own" in MDTBOARD_RUBRIC.item(
            discipline_item_key(discipline)).anchors[5]
