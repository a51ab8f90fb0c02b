"""Raters and trainees as people with accounts: an assessment is recorded as the account of the person who
scored (the one signed in, or one who confirmed with their own credential), never by the spelling of a
typed name; a trainee account is offered as a trainee and linked to the person recorded."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from training_setup import FACILITATOR, ZOE, load_bank, teaching_conference

from mdtboard.domain.accounts import Credential, Role
from mdtboard.domain.case import Discipline
from mdtboard.domain.progress import Trainee, trainee_key
from mdtboard.domain.rubric import AssessorRole, Score
from mdtboard.services.context import Services
from mdtboard.services.passwords import SignInError
from mdtboard.services.permissions import NotAllowedError

FAC, SELF = AssessorRole.FACILITATOR, AssessorRole.SELF
DOYLE = "Maeve Doyle"


def _team(services: Services) -> tuple[int, int]:
    admin = services.accounts.create_first_administrator("admin", "Ada Admin", "admin-password-1")
    raman = services.accounts.add(admin, "raman", FACILITATOR, "raman-password-1", [Role.MEMBER],
                                  discipline=Discipline.PHYSICIAN, pin="2468")
    doyle = services.accounts.add(admin, "doyle", DOYLE, "doyle-password-1", [Role.MEMBER],
                                  discipline=Discipline.PHYSICAL_THERAPY, pin="1357")
    return raman.id, doyle.id


def test_a_rater_is_recorded_by_account_not_by_the_name_typed(services: Services) -> None:
    raman, doyle = _team(services)
    bank = load_bank(services)
    conf = teaching_conference(services, "Teaching", datetime(2026, 3, 9, 13), [bank["TEACH-02"]])
    assert conf.id is not None
    training = services.training
    signed_in = next(a for a in services.accounts.all() if a.id == raman)
    services.accounts.become(signed_in)
    # signed in: a typed name does not make someone else the rater; the account signed in scored
    stored = training.save_assessment(conf.id, ZOE, FAC, [Score("trainee.closes_loop", 4)], assessor="Anyone")
    assert (stored.assessment.assessor_id, stored.assessment.assessor) == (raman, FACILITATOR)
    # a second person who confirmed with their own PIN scores the same trainee: a second assessment
    assert services.accounts.confirm(Credential("doyle", "1357")).id == doyle
    theirs = training.save_assessment(conf.id, ZOE, FAC, [Score("trainee.closes_loop", 2, "Late.")],
                                      rater_id=doyle)
    assert theirs.id != stored.id
    assert (theirs.assessment.assessor_id, theirs.assessment.assessor) == (doyle, DOYLE)
    # each reads their own back, by account
    assert training.assessment(conf.id, ZOE, FAC).id == stored.id  # type: ignore[union-attr]
    assert training.assessment(conf.id, ZOE, FAC, rater_id=doyle).id == theirs.id  # type: ignore[union-attr]
    # blind: before submitting, Dr Raman sees only her own
    view = training.visible_assessments(conf.id, ZOE, viewer=FACILITATOR)
    assert [r.value.id for r in view.raters] == [stored.id] and not view.revealed
    for done in (stored, theirs):
        training.submit_assessment(done.id, seen_version=done.version)
    view = training.visible_assessments(conf.id, ZOE, viewer=FACILITATOR)
    assert sorted(r.rater or "" for r in view.raters) == sorted([FACILITATOR, DOYLE])
    # agreement counts two raters (two accounts), whatever their names
    agreement = training.rater_agreement()
    assert agreement.raters == 2 and agreement.pairs == 1
    # goals are recorded with the rater's account
    own = training.save_assessment(conf.id, ZOE, SELF, [Score("trainee.closes_loop", 3)])
    training.submit_assessment(own.id, seen_version=own.version)
    goals = training.set_goals(conf.id, ZOE, [("keep", "Close the loop.")], rater="Typed Name")
    assert [(g.rater, g.rater_id) for g in goals] == [(FACILITATOR, raman)]


def test_a_rater_who_has_not_confirmed_is_refused_by_the_service(services: Services) -> None:
    """The service does not take the window's word for who scores: another person's account is a rater only
    once that person confirmed with their own PIN or password (a wrong one does not count), and no longer
    once someone else signs in to the PC."""
    raman, doyle = _team(services)
    bank = load_bank(services)
    conf = teaching_conference(services, "Teaching", datetime(2026, 3, 9, 13), [bank["TEACH-02"]])
    assert conf.id is not None
    training, accounts = services.training, services.accounts
    accounts.become(next(a for a in accounts.all() if a.id == raman))
    scores = [Score("trainee.closes_loop", 2, "Late.")]

    def refused(action: Callable[[], object]) -> None:
        with pytest.raises(NotAllowedError, match="has not confirmed"):
            action()

    refused(lambda: training.save_assessment(conf.id or 0, ZOE, FAC, scores, rater_id=doyle))
    refused(lambda: training.assessment(conf.id or 0, ZOE, FAC, rater_id=doyle))
    refused(lambda: training.visible_assessments(conf.id or 0, ZOE, viewer=DOYLE, viewer_id=doyle))
    with pytest.raises(SignInError):
        accounts.confirm(Credential("doyle", "9999"))
    refused(lambda: training.save_assessment(conf.id or 0, ZOE, FAC, scores, rater_id=doyle))
    assert training.assessment(conf.id, ZOE, FAC, rater_id=raman) is None  # the one signed in may
    accounts.confirm(Credential("doyle", "1357"))
    stored = training.save_assessment(conf.id, ZOE, FAC, scores, rater_id=doyle)
    assert stored.assessment.assessor_id == doyle
    accounts.become(next(a for a in accounts.all() if a.id == doyle))  # someone else signs in
    accounts.become(next(a for a in accounts.all() if a.id == raman))
    refused(lambda: training.save_assessment(conf.id or 0, ZOE, FAC, scores, rater_id=doyle))


def test_nobody_signed_in_keeps_the_typed_rater_name(services: Services) -> None:
    bank = load_bank(services)
    conf = teaching_conference(services, "Teaching", datetime(2026, 3, 9, 13), [bank["TEACH-02"]])
    assert conf.id is not None
    stored = services.training.save_assessment(conf.id, ZOE, FAC, [Score("trainee.closes_loop", 4)],
                                               assessor=FACILITATOR)
    assert (stored.assessment.assessor_id, stored.assessment.assessor) == (None, FACILITATOR)


def test_trainee_accounts_are_offered_and_linked_to_the_person_recorded(services: Services) -> None:
    admin = services.accounts.create_first_administrator("admin", "Ada Admin", "admin-password-1")
    ola = services.accounts.add(admin, "ola", "Ola Adeyemi", "ola-password-12", [Role.TRAINEE],
                                discipline=Discipline.NURSING)
    services.accounts.add(admin, "member", "Dr Member", "member-password", [Role.MEMBER])
    services.training.register_trainees([Trainee(ZOE, Discipline.PSYCHOLOGY, 3)])
    choices = services.training.trainee_choices()
    assert choices == [Trainee("Ola Adeyemi", Discipline.NURSING, None, ola.id),
                       Trainee(ZOE, Discipline.PSYCHOLOGY, 3, None)]  # not the member
    services.training.register_trainees([choices[0]])
    person = services.training.trainee_people()[trainee_key("Ola Adeyemi")]
    assert person.account_id == ola.id
    assert [t.name for t in services.training.trainee_choices()] == ["Ola Adeyemi", ZOE]  # listed once
