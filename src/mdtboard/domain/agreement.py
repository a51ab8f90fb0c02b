"""Agreement between raters who scored the same trainee on the same rubric item.

Two figures, each with its n, over the teaching conferences given (a period):

- **Weighted kappa** (quadratic weights on the 1-5 scale): every pair of different raters who scored the
  same item of the same trainee at the same conference (and case) is one pair of scores. The pairs are
  counted in both orders, so which rater is "first" does not matter (the marginals are pooled, as in
  Scott's pi and Fleiss' kappa). Kappa = 1 - observed weighted disagreement / expected weighted
  disagreement; 1 is perfect agreement, 0 is what chance would give.
- **ICC(1,1)**, the one-way random-effects intraclass correlation of a single rating (Shrout and Fleiss
  1979, case 1), for targets scored by different sets of raters: each target (trainee, conference, case,
  item) scored by two or more raters, with the unbalanced-group size k0.

Only submitted assessments by raters (not self-assessments) count. Plain Python, no storage.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from mdtboard.domain.progress import ConferenceRecord, trainee_key
from mdtboard.domain.rubric import AssessorRole

SCALE = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Agreement:
    """Agreement over a period; a figure is None when there is too little to compute it."""

    kappa: float | None
    pairs: int  # pairs of scores by two different raters of one item
    icc: float | None
    targets: int  # items (of one trainee, conference and case) scored by two or more raters
    ratings: int  # scores given to those targets
    raters: int
    first: date | None
    last: date | None

    @property
    def text(self) -> str:
        if self.targets == 0:
            return ("Agreement between raters: no item has been scored by two raters yet "
                    "(submitted assessments only).")
        kappa = "not computable" if self.kappa is None else f"{self.kappa:.2f}"
        icc = "not computable" if self.icc is None else f"{self.icc:.2f}"
        period = f"{self.first:%d %b %Y} to {self.last:%d %b %Y}" if self.first and self.last else ""
        return (f"Agreement between raters, {period}: weighted kappa (quadratic) {kappa}, n = {self.pairs} "
                f"pairs of scores; ICC(1,1) {icc}, n = {self.targets} items scored by {self.raters} raters "
                f"({self.ratings} scores).")


def weighted_kappa(pairs: Iterable[tuple[int, int]], scale: tuple[int, ...] = SCALE) -> float | None:
    """Quadratic-weighted kappa of pairs of scores on ``scale``, each pair counted in both orders."""
    both = [(a, b) for x, y in pairs for a, b in ((x, y), (y, x))]
    if not both:
        return None
    span = (scale[-1] - scale[0]) ** 2
    n = len(both)
    observed = sum((a - b) ** 2 for a, b in both) / span / n
    share = {v: sum(1 for a, _ in both if a == v) / n for v in scale}
    expected = sum(share[i] * share[j] * (i - j) ** 2 for i in scale for j in scale) / span
    if expected == 0:
        return None  # every score the same value: kappa is undefined
    return 1 - observed / expected


def icc_one_way(groups: Iterable[list[int]]) -> float | None:
    """ICC(1,1) of targets each rated by two or more raters (groups of unequal size allowed)."""
    rated = [g for g in groups if len(g) >= 2]
    n, total = len(rated), sum(len(g) for g in rated)
    if n < 2:
        return None
    grand = sum(sum(g) for g in rated) / total
    between = sum(len(g) * (sum(g) / len(g) - grand) ** 2 for g in rated)
    within = sum((x - sum(g) / len(g)) ** 2 for g in rated for x in g)
    ms_between, ms_within = between / (n - 1), within / (total - n)
    k0 = (total - sum(len(g) ** 2 for g in rated) / total) / (n - 1)
    denominator = ms_between + (k0 - 1) * ms_within
    if denominator == 0:
        return None
    return (ms_between - ms_within) / denominator


def rater_agreement(conferences: Iterable[ConferenceRecord]) -> Agreement:
    """Agreement between raters over ``conferences``."""
    targets: dict[tuple[str, str, str, str], dict[str, int]] = {}
    held: dict[str, date] = {}
    for conference in conferences:
        for assessment in conference.assessments:
            if assessment.role is not AssessorRole.FACILITATOR or not assessment.submitted:
                continue
            rater = assessment.rater_key  # an account, or (scored without one) a typed name
            if not rater:
                continue
            for score in assessment.scores:
                key = (conference.ref, trainee_key(assessment.trainee), assessment.case_ref or "",
                       score.item_key)
                targets.setdefault(key, {})[rater] = score.value
                held[conference.ref] = conference.held_on
    shared = {key: by_rater for key, by_rater in targets.items() if len(by_rater) >= 2}
    pairs = [(a, b) for by_rater in shared.values() for a, b in combinations(by_rater.values(), 2)]
    days = sorted(held[key[0]] for key in shared)
    return Agreement(
        kappa=weighted_kappa(pairs),
        pairs=len(pairs),
        icc=icc_one_way([list(by_rater.values()) for by_rater in shared.values()]),
        targets=len(shared),
        ratings=sum(len(by_rater) for by_rater in shared.values()),
        raters=len({rater for by_rater in shared.values() for rater in by_rater}),
        first=days[0] if days else None,
        last=days[-1] if days else None,
    )
