"""Agreement between raters: weighted kappa and ICC(1,1) worked by hand, and over stored assessments (only
raters' submitted assessments count, each pair of raters of one item is one pair, n is stated)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from training_setup import KWAME, ZOE, load_bank, teaching_conference

from mdtboard.domain.agreement import icc_one_way, rater_agreement, weighted_kappa
from mdtboard.domain.progress import ConferenceRecord
from mdtboard.domain.rubric import Assessment, AssessorRole, Score
from mdtboard.services.context import Services

FAC, SELF = AssessorRole.FACILITATOR, AssessorRole.SELF


def test_weighted_kappa_worked_by_hand() -> None:
    # pairs (1,1) and (3,5), each counted both ways: observed weighted disagreement 0.125, expected
    # 0.34375 (marginals 1: 1/2, 3: 1/4, 5: 1/4; quadratic weights over 16): kappa = 1 - 4/11 = 7/11
    assert weighted_kappa([(1, 1), (3, 5)]) == pytest.approx(7 / 11)
    assert weighted_kappa([(5, 3), (1, 1)]) == pytest.approx(7 / 11)  # order does not matter
    assert weighted_kappa([(1, 1), (2, 2), (5, 5)]) == pytest.approx(1.0)
    assert weighted_kappa([(1, 5), (5, 1), (2, 4)]) < 0  # worse than chance
    assert weighted_kappa([]) is None and weighted_kappa([(3, 3), (3, 3)]) is None  # undefined


def test_icc_one_way_worked_by_hand() -> None:
    # groups [1,1] and [3,5]: MSB 9, MSW 1, k0 2: ICC = (9 - 1) / (9 + 1) = 0.8
    assert icc_one_way([[1, 1], [3, 5]]) == pytest.approx(0.8)
    # unequal groups: [2,2,3] and [5,4]; N 5, grand mean 3.2, SSB 3*(7/3-3.2)^2 + 2*(4.5-3.2)^2 = 5.6333...,
    # SSW 2/3 + 1/2 = 7/6, MSW 7/18, k0 = (5 - 13/5) = 2.4: ICC = (5.6333 - 0.3889) / (5.6333 + 1.4*0.3889)
    assert icc_one_way([[2, 2, 3], [5, 4]]) == pytest.approx((169 / 30 - 7 / 18) / (169 / 30 + 1.4 * 7 / 18))
    assert icc_one_way([[1, 2]]) is None and icc_one_way([[1], [2]]) is None


def _assessment(rater: str | None, role: AssessorRole, scores: dict[str, int], *, trainee: str = ZOE,
                submitted: bool = True) -> Assessment:
    given = tuple(Score(k, v, "x" if v < 3 else None) for k, v in scores.items())
    return Assessment(role, trainee, "TC-1", given, "TEACH-01", rater, submitted)


def test_only_raters_submitted_scores_of_the_same_item_count() -> None:
    record = ConferenceRecord("TC-1", date(2026, 3, 9), assessments=(
        _assessment("Dr A", FAC, {"case.isbar.situation": 1, "case.isbar.background": 3}),
        _assessment("dr  a", FAC, {"case.isbar.identify": 5}),  # the same rater, typed differently
        _assessment("Nurse B", FAC, {"case.isbar.situation": 1, "case.isbar.background": 5}),
        _assessment("Ms C", FAC, {"case.isbar.situation": 4}, submitted=False),  # not submitted
        _assessment(None, SELF, {"case.isbar.situation": 5}),  # the trainee's own
        _assessment("Dr A", FAC, {"case.isbar.situation": 2}, trainee=KWAME),  # one rater only
    ))
    agreement = rater_agreement([record])
    assert (agreement.pairs, agreement.targets, agreement.ratings, agreement.raters) == (2, 2, 4, 2)
    assert agreement.kappa == pytest.approx(7 / 11) and agreement.icc == pytest.approx(0.8)
    assert agreement.first == agreement.last == date(2026, 3, 9)
    assert "weighted kappa (quadratic) 0.64, n = 2 pairs" in agreement.text
    assert "ICC(1,1) 0.80, n = 2 items scored by 2 raters (4 scores)" in agreement.text
    assert "no item has been scored by two raters" in rater_agreement([]).text


def test_agreement_over_stored_assessments_and_a_period(services: Services) -> None:
    bank = load_bank(services)
    training = services.training
    march = teaching_conference(services, "March", datetime(2026, 3, 9, 13), [bank["TEACH-11"]])
    april = teaching_conference(services, "April", datetime(2026, 4, 13, 13), [bank["TEACH-12"]])
    for conf, case_id, (a, b) in ((march, bank["TEACH-11"], (2, 3)), (april, bank["TEACH-12"], (4, 4))):
        assert conf.id is not None
        for rater, value in (("Dr Priya Raman", a), ("Chidi Okafor", b)):
            stored = training.save_assessment(
                conf.id, ZOE, FAC, [Score("case.isbar.situation", value, "Seen." if value < 3 else None)],
                case_id=case_id, assessor=rater)
            training.submit_assessment(stored.id, seen_version=stored.version)
    whole = training.rater_agreement()
    assert (whole.pairs, whole.targets) == (2, 2)
    assert (whole.first, whole.last) == (date(2026, 3, 9), date(2026, 4, 13))
    # groups [2,3] and [4,4]: kappa from the pairs, ICC from the groups
    assert whole.kappa == pytest.approx(weighted_kappa([(2, 3), (4, 4)]))
    assert whole.icc == pytest.approx(icc_one_way([[2, 3], [4, 4]]))
    april_only = training.rater_agreement(since=date(2026, 4, 1))
    assert (april_only.pairs, april_only.first) == (1, date(2026, 4, 13))
