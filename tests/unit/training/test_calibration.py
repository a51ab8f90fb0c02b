"""Rater calibration data and comparison: every shipped vignette checked against the rubric, differences
worked out item by item, and a file that breaks a rule refused naming the vignette."""

from __future__ import annotations

import pytest

from mdtboard.domain.calibration import CalibrationDataError, compare, parse_vignettes, vignettes
from mdtboard.domain.rubric import MDTBOARD_RUBRIC, RubricLevel


def test_the_shipped_vignettes_cover_presentation_contribution_and_chairing() -> None:
    shipped = vignettes()
    assert len(shipped) >= 3 and len({v.id for v in shipped}) == len(shipped)
    levels = {ref.item.level for v in shipped for ref in v.reference}
    assert levels == set(RubricLevel)  # a case presentation, a trainee's behaviour, a meeting
    for vignette in shipped:
        assert vignette.text.strip() and all(ref.why.strip() for ref in vignette.reference)
        assert all(MDTBOARD_RUBRIC.has(ref.item.key) for ref in vignette.reference)


def test_differences_are_shown_item_by_item() -> None:
    vignette = next(v for v in vignettes() if v.id == "CAL-01")
    given = {ref.item.key: ref.score for ref in vignette.reference}
    exact = compare(vignette, given)
    assert exact.within_one == len(vignette.reference) and exact.mean_absolute_difference == 0
    given["case.isbar.situation"] = 5  # the reference is 2: bundled questions
    given["case.isbar.assessment"] = None
    result = compare(vignette, given)
    situation = next(d for d in result.differences if d.item.key == "case.isbar.situation")
    assert (situation.given, situation.reference, situation.difference) == (5, 2, 3)
    assert situation.text == "5: 3 above the reference (2)" and "three questions" in situation.why
    assessment = next(d for d in result.differences if d.item.key == "case.isbar.assessment")
    assert assessment.text == "not scored; reference 3"
    assert result.summary == ("3 of 5 items within one point of the reference (4 scored); "
                              "on average 0.8 point(s) from the reference.")


CHAIRING = "CAL-X: the reference score of meeting.chairing"


@pytest.mark.parametrize(("reference", "message"), [
    ({"item": "no.such.item", "score": 3, "why": "x"}, "CAL-X: 'no.such.item' is not an item of the rubric"),
    ({"item": "meeting.chairing", "score": 6, "why": "x"}, f"{CHAIRING} is not 1 to 5"),
    ({"item": "meeting.chairing", "score": 3, "why": " "}, f"{CHAIRING} has no reason"),
])
def test_a_file_that_breaks_a_rule_is_refused_naming_the_vignette(reference: dict[str, object],
                                                                  message: str) -> None:
    data = {"vignettes": [{"id": "CAL-X", "title": "t", "text": "text", "reference": [reference]}]}
    with pytest.raises(CalibrationDataError, match=message.replace("(", r"\(").replace(".", r"\.")):
        parse_vignettes(data)
