"""Blind, sequenced assessment on SQLite and PostgreSQL: the self-assessment first and locked, raters blind
to it until they submit, any number of raters each recorded as who scored, and goals carried forward."""

from __future__ import annotations

from datetime import datetime

import pytest
from conftest import table_snapshot
from training_setup import KWAME, ZOE, load_bank, teaching_conference

from mdtboard.domain.blind import GoalKind, GoalOutcome
from mdtboard.domain.errors import ConflictError, InvalidInputError
from mdtboard.domain.rubric import AssessorRole, Score
from mdtboard.services.context import Services

FAC, SELF = AssessorRole.FACILITATOR, AssessorRole.SELF
RAMAN, OKAFOR = "Dr Priya Raman", "Chidi Okafor (physiotherapist)"


def _setup(services: Services) -> tuple[int, int]:
    bank = load_bank(services)
    conf = teaching_conference(services, "Teaching 1", datetime(2026, 3, 9, 13), [bank["TEACH-02"]])
    assert conf.id is not None
    return conf.id, bank["TEACH-02"]


def test_the_reveal_waits_for_both_and_each_rater_is_who_scored(services: Services) -> None:
    conf_id, case_id = _setup(services)
    training = services.training
    own = training.save_assessment(conf_id, ZOE, SELF, [Score("case.isbar.situation", 4)], case_id=case_id)
    # a rater scores blind: before submitting, the self-assessment is not shown, even once it is submitted
    raman = training.save_assessment(conf_id, ZOE, FAC, [Score("case.isbar.situation", 2, "Two questions.")],
                                     case_id=case_id, assessor=RAMAN)
    own = training.submit_assessment(own.id, seen_version=own.version)
    view = training.visible_assessments(conf_id, ZOE, viewer=RAMAN, case_id=case_id)
    assert view.own is not None and view.own.id == raman.id
    assert view.self_assessment is None and not view.revealed
    # the trainee sees nothing of the rater's yet
    mine = training.visible_assessments(conf_id, ZOE, viewer=None, case_id=case_id)
    assert mine.raters == () and not mine.revealed
    # a submitted self-assessment is locked
    before = table_snapshot(services.db)
    with pytest.raises(InvalidInputError, match="locked"):
        training.save_assessment(conf_id, ZOE, SELF, [Score("case.isbar.situation", 5)], case_id=case_id,
                                 seen_version=own.version)
    assert table_snapshot(services.db) == before
    # a second rater, of another profession, scores the same trainee and case
    okafor = training.save_assessment(conf_id, ZOE, FAC, [Score("case.isbar.situation", 3)],
                                      case_id=case_id, assessor=OKAFOR)
    assert okafor.id != raman.id and okafor.assessment.assessor == OKAFOR
    raman = training.submit_assessment(raman.id, seen_version=raman.version)
    # now side by side for Dr Raman; Okafor's not yet (not submitted)
    view = training.visible_assessments(conf_id, ZOE, viewer=RAMAN, case_id=case_id)
    assert view.revealed and view.self_assessment is not None and view.self_assessment.id == own.id
    assert [r.rater for r in view.raters] == [RAMAN]
    mine = training.visible_assessments(conf_id, ZOE, viewer=None, case_id=case_id)
    assert mine.revealed and [r.rater for r in mine.raters] == [RAMAN]
    # Okafor, not submitted, still sees only his own
    theirs = training.visible_assessments(conf_id, ZOE, viewer=OKAFOR, case_id=case_id)
    assert theirs.self_assessment is None and [r.rater for r in theirs.raters] == [OKAFOR]
    okafor = training.submit_assessment(okafor.id, seen_version=okafor.version)
    mine = training.visible_assessments(conf_id, ZOE, viewer=None, case_id=case_id)
    assert sorted(r.rater or "" for r in mine.raters) == sorted([RAMAN, OKAFOR])
    assert {r.value.assessment.scores[0].value for r in mine.raters} == {2, 3}  # the spread
    # a submitted rater's assessment is locked too; submitting twice is refused
    with pytest.raises(InvalidInputError, match="locked"):
        training.save_assessment(conf_id, ZOE, FAC, [Score("case.isbar.situation", 5)], case_id=case_id,
                                 assessor=RAMAN, seen_version=raman.version)
    with pytest.raises(InvalidInputError, match="submitted already"):
        training.submit_assessment(raman.id, seen_version=raman.version)
    with pytest.raises(ConflictError):
        training.submit_assessment(
            training.save_assessment(conf_id, KWAME, SELF, [Score("case.isbar.situation", 3)],
                                     case_id=case_id).id, seen_version=7)


def test_goals_are_written_after_the_reveal_and_reviewed_at_the_next_conference(services: Services) -> None:
    conf_id, case_id = _setup(services)
    training = services.training
    goals = [(GoalKind.KEEP, "Open with the one-liner."), (GoalKind.CHANGE, "Ask one question only."),
             (GoalKind.HOW, "Write the question on the first slide before preparing the rest.")]
    own = training.save_assessment(conf_id, ZOE, SELF, [Score("case.isbar.situation", 4)], case_id=case_id)
    with pytest.raises(InvalidInputError, match="after the reveal"):
        training.set_goals(conf_id, ZOE, goals, rater=RAMAN)
    training.submit_assessment(own.id, seen_version=own.version)
    raman = training.save_assessment(conf_id, ZOE, FAC, [Score("case.isbar.situation", 2, "Two questions.")],
                                     case_id=case_id, assessor=RAMAN)
    training.submit_assessment(raman.id, seen_version=raman.version)
    with pytest.raises(InvalidInputError, match="one to 3 goals"):
        training.set_goals(conf_id, ZOE, [*goals, (GoalKind.HOW, "A fourth.")], rater=RAMAN)
    with pytest.raises(InvalidInputError, match="says nothing"):
        training.set_goals(conf_id, ZOE, [(GoalKind.KEEP, "  ")], rater=RAMAN)
    stored = training.set_goals(conf_id, ZOE, goals, rater=RAMAN)
    assert [(g.kind, g.text, g.rater) for g in stored] == [(k, t, RAMAN) for k, t in goals]
    # the next conference shows them for review; a conference before it does not
    bank = load_bank(services)
    later = teaching_conference(services, "Teaching 2", datetime(2026, 4, 13, 13), [bank["TEACH-05"]])
    earlier = teaching_conference(services, "Teaching 0", datetime(2026, 2, 9, 13), [bank["TEACH-05"]])
    assert later.id is not None and earlier.id is not None
    to_review = training.goals_to_review(later.id, ZOE)
    assert [g.text for g in to_review] == [t for _k, t in goals]
    assert training.goals_to_review(earlier.id, ZOE) == []
    assert training.goals_to_review(later.id, KWAME) == []
    done = training.review_goal(to_review[1].id or 0, GoalOutcome.MET, conference_id=later.id,
                                note="One question in both cases.", seen_version=to_review[1].version)
    assert done.outcome is GoalOutcome.MET and done.reviewed_at_conference_id == later.id
    with pytest.raises(ConflictError):
        training.review_goal(to_review[1].id or 0, "partly", conference_id=later.id,
                             seen_version=to_review[1].version)
    with pytest.raises(InvalidInputError):
        training.review_goal(to_review[0].id or 0, "perhaps", conference_id=later.id, seen_version=0)
    # still listed at the conference that reviewed it, with its outcome; gone from a later one's review
    again = training.goals_to_review(later.id, ZOE)
    assert [g.outcome for g in again] == [None, GoalOutcome.MET, None]
    third = teaching_conference(services, "Teaching 3", datetime(2026, 5, 11, 13), [bank["TEACH-05"]])
    assert [g.text for g in training.goals_to_review(third.id or 0, ZOE)] == [goals[0][1], goals[2][1]]


def test_the_debrief_prints_the_goals_written_and_those_reviewed(services: Services) -> None:
    import io

    from pypdf import PdfReader

    from mdtboard.reports.training_debrief import debrief_for

    def text(pdf: bytes) -> str:
        return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())

    conf_id, case_id = _setup(services)
    training = services.training
    own = training.save_assessment(conf_id, ZOE, SELF, [Score("case.isbar.situation", 4)], case_id=case_id)
    training.submit_assessment(own.id, seen_version=own.version)
    raman = training.save_assessment(conf_id, ZOE, FAC, [Score("case.isbar.situation", 3)], case_id=case_id,
                                     assessor=RAMAN)
    training.submit_assessment(raman.id, seen_version=raman.version)
    training.set_goals(conf_id, ZOE, [(GoalKind.CHANGE, "Ask one question only.")], rater=RAMAN)
    first = text(debrief_for(training.debrief_inputs(conf_id, ZOE)))
    assert "Goals for the next conference" in first and "Change: Ask one question only." in first
    assert "<b>" not in first and "(agreed with Dr Priya Raman)" in first
    bank = load_bank(services)
    later = teaching_conference(services, "Teaching 2", datetime(2026, 4, 13, 13), [bank["TEACH-05"]])
    assert later.id is not None
    goal = training.goals_to_review(later.id, ZOE)[0]
    training.review_goal(goal.id or 0, GoalOutcome.PARTLY, conference_id=later.id, note="Two questions once.",
                         seen_version=goal.version)
    second = text(debrief_for(training.debrief_inputs(later.id, ZOE)))
    assert "Goals from earlier conferences" in second
    assert "Ask one question only. (partly met) – Two questions once." in second


def test_the_trainees_debrief_leaves_out_scores_before_the_reveal(services: Services) -> None:
    import io

    from pypdf import PdfReader

    from mdtboard.reports.training_debrief import debrief_for

    def text(pdf: bytes) -> str:
        return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())

    conf_id, case_id = _setup(services)
    training = services.training
    own = training.save_assessment(conf_id, ZOE, SELF, [Score("case.isbar.situation", 4)], case_id=case_id)
    raman = training.save_assessment(conf_id, ZOE, FAC, [Score("case.isbar.situation", 2, "Two questions.")],
                                     case_id=case_id, assessor=RAMAN)
    raman = training.submit_assessment(raman.id, seen_version=raman.version)
    # the rater has submitted, but the trainee's own is still open: the rater's scores stay off the paper
    assert "Two questions." not in text(debrief_for(training.debrief_inputs(conf_id, ZOE)))
    training.submit_assessment(own.id, seen_version=own.version)
    assert "Two questions." in text(debrief_for(training.debrief_inputs(conf_id, ZOE)))


def test_a_self_assessment_started_after_a_rater_submitted_is_marked_not_blind(services: Services) -> None:
    """A rater who submits before the trainee starts a self-assessment lets the debrief show the scores
    (nothing to wait for): a self-assessment started after that is marked as not blind, on screen and on
    paper; one started before the rater submitted stays blind."""
    import io

    from pypdf import PdfReader

    from mdtboard.domain.blind import NOT_BLIND
    from mdtboard.reports.training_debrief import debrief_for

    def text(pdf: bytes) -> str:
        return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())

    conf_id, case_id = _setup(services)
    training = services.training
    # team behaviours: the trainee starts first, the rater submits later: blind
    own_team = training.save_assessment(conf_id, ZOE, SELF, [Score("trainee.closes_loop", 3)])
    team = training.save_assessment(conf_id, ZOE, FAC, [Score("trainee.closes_loop", 4)], assessor=RAMAN)
    training.submit_assessment(team.id, seen_version=team.version)
    training.submit_assessment(own_team.id, seen_version=own_team.version)
    # the case: the rater submits first, and the debrief shows the scores before any self-assessment
    raman = training.save_assessment(conf_id, ZOE, FAC, [Score("case.isbar.situation", 2, "Two questions.")],
                                     case_id=case_id, assessor=RAMAN)
    training.submit_assessment(raman.id, seen_version=raman.version)
    assert "Two questions." in text(debrief_for(training.debrief_inputs(conf_id, ZOE)))
    assert training.visible_assessments(conf_id, ZOE, viewer=None, case_id=case_id).rater_first
    assert not training.visible_assessments(conf_id, ZOE, viewer=None).rater_first
    late = training.save_assessment(conf_id, ZOE, SELF, [Score("case.isbar.situation", 4)], case_id=case_id)
    training.submit_assessment(late.id, seen_version=late.version)
    inputs = training.debrief_inputs(conf_id, ZOE)
    assert inputs.not_blind == frozenset({"TEACH-02"})
    assert training.visible_assessments(conf_id, ZOE, viewer=None, case_id=case_id).rater_first
    paper = text(debrief_for(inputs))
    assert paper.count("Not blind:") == 1 and " ".join(NOT_BLIND.split()) in paper
