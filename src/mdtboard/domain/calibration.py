"""Rater calibration: written vignettes scored against reference scores
(``resources/training/calibration.json``).

A rater scores a vignette on the rubric items it lists, without seeing the reference; :func:`compare`
then shows, item by item, the rater's score, the reference score, the difference and the reason for the
reference, and how many items were within one point. Plain Python; checked on load (every item is in the
rubric, every score 1-5, every reference has its reason).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from mdtboard.domain.rubric import MDTBOARD_RUBRIC, SCORE_MAX, SCORE_MIN, Rubric, RubricItem


class CalibrationDataError(ValueError):
    """The calibration file breaks a rule (which vignette, what is wrong)."""


@dataclass(frozen=True)
class Reference:
    item: RubricItem
    score: int
    why: str


@dataclass(frozen=True)
class Vignette:
    id: str
    title: str
    kind: str
    text: str
    reference: tuple[Reference, ...]


@dataclass(frozen=True)
class Difference:
    item: RubricItem
    given: int | None
    reference: int
    why: str

    @property
    def difference(self) -> int | None:
        return None if self.given is None else self.given - self.reference

    @property
    def text(self) -> str:
        if self.given is None:
            return f"not scored; reference {self.reference}"
        diff = self.difference or 0
        if diff == 0:
            return f"{self.given}: as the reference"
        return (f"{self.given}: {abs(diff)} {'above' if diff > 0 else 'below'} the reference "
                f"({self.reference})")


@dataclass(frozen=True)
class Calibration:
    vignette: Vignette
    differences: tuple[Difference, ...]

    @property
    def within_one(self) -> int:
        return sum(1 for d in self.differences if d.difference is not None and abs(d.difference) <= 1)

    @property
    def mean_absolute_difference(self) -> float | None:
        given = [abs(d.difference) for d in self.differences if d.difference is not None]
        return sum(given) / len(given) if given else None

    @property
    def summary(self) -> str:
        scored = sum(1 for d in self.differences if d.given is not None)
        mad = self.mean_absolute_difference
        average = "" if mad is None else f"; on average {mad:.1f} point(s) from the reference"
        return (f"{self.within_one} of {len(self.differences)} items within one point of the reference "
                f"({scored} scored){average}.")


def parse_vignettes(data: dict[str, object], rubric: Rubric = MDTBOARD_RUBRIC) -> tuple[Vignette, ...]:
    out = []
    entries = data.get("vignettes")
    if not isinstance(entries, list) or not entries:
        raise CalibrationDataError("no vignettes")
    for entry in entries:
        vid = str(entry.get("id", "?"))
        refs = []
        for ref in entry.get("reference") or []:
            key, score, why = ref.get("item"), ref.get("score"), str(ref.get("why") or "").strip()
            if not isinstance(key, str) or not rubric.has(key):
                raise CalibrationDataError(f"{vid}: {key!r} is not an item of the rubric")
            if not isinstance(score, int) or not SCORE_MIN <= score <= SCORE_MAX:
                raise CalibrationDataError(f"{vid}: the reference score of {key} is not 1 to 5")
            if not why:
                raise CalibrationDataError(f"{vid}: the reference score of {key} has no reason")
            refs.append(Reference(rubric.item(key), score, why))
        if not refs or not str(entry.get("text") or "").strip():
            raise CalibrationDataError(f"{vid}: a vignette needs its text and reference scores")
        out.append(Vignette(vid, str(entry["title"]), str(entry.get("kind") or ""), str(entry["text"]),
                            tuple(refs)))
    return tuple(out)


@cache
def vignettes() -> tuple[Vignette, ...]:
    from mdtboard.resources import resource

    with resource("training", "calibration.json").open(encoding="utf-8") as handle:
        return parse_vignettes(json.load(handle))


def compare(vignette: Vignette, given: dict[str, int | None]) -> Calibration:
    """The rater's scores (item key -> 1-5, or None) against the vignette's reference scores."""
    return Calibration(vignette, tuple(
        Difference(ref.item, given.get(ref.item.key), ref.score, ref.why) for ref in vignette.reference))
