"""mdtboard's feedback rubric for teaching conferences, and the rules for scoring with it.

The rubric is mdtboard's own, written for pain-medicine team meetings. Published observation tools
(MDT-MODe, MDT-OARS, TeamSTEPPS, the ACGME milestones) were read for what is worth observing; none of
their items or wording is used here.

Three levels, four domains:

- per case: the quality of each ISBAR part of the presentation (domain *presentation*) and of each
  discipline's contribution (domain *discipline contributions*; one item per discipline, scored for the
  trainee who spoke for it);
- per trainee: team behaviours (domain *teamwork*);
- per meeting: chairing, inclusion of every discipline, clarity of the plan (domain *meeting*; scored for
  the trainee who chaired).

The items are data (``resources/training/rubric.json``, with their sources and their mapping to the ACGME
Pain Medicine Milestones, CanMEDS roles and IPEC core competencies). Every item is scored 1 to 5, with what
a 1, a 3 and a 5 look like written out as observable behaviour (2 and 4 lie between). A score of 1 or 2
needs a comment saying what was seen, so the trainee can act on it. The facilitator's assessment and the
trainee's self-assessment are kept apart and compared item by item (:func:`compare`). """

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import zip_longest
from types import MappingProxyType

from mdtboard.domain.case import DISCIPLINE_LABELS, Discipline
from mdtboard.domain.errors import InvalidInputError, Problem

SCORE_MIN = 1
SCORE_MAX = 5
#: Scores below this need a comment (that is, 1 and 2).
COMMENT_NEEDED_BELOW = 3
#: The scores whose behaviour is written out; 2 and 4 lie between.
ANCHOR_SCORES: tuple[int, ...] = (1, 3, 5)
COMMENT_MAX = 2000


class RubricLevel(StrEnum):
    CASE = "case"
    TRAINEE = "trainee"
    MEETING = "meeting"

    @property
    def label(self) -> str:
        return {"case": "Per case", "trainee": "Per trainee", "meeting": "Per meeting"}[self.value]


class RubricDomain(StrEnum):
    PRESENTATION = "presentation"
    DISCIPLINE = "discipline"
    TEAMWORK = "teamwork"
    MEETING = "meeting"

    @property
    def label(self) -> str:
        return _DOMAIN_LABELS[self]


_DOMAIN_LABELS: dict[RubricDomain, str] = {
    RubricDomain.PRESENTATION: "Case presentation (ISBAR)",
    RubricDomain.DISCIPLINE: "Discipline contribution",
    RubricDomain.TEAMWORK: "Team behaviours",
    RubricDomain.MEETING: "Running the meeting",
}


class AssessorRole(StrEnum):
    FACILITATOR = "facilitator"
    SELF = "self"

    @property
    def label(self) -> str:
        return "Facilitator" if self is AssessorRole.FACILITATOR else "Self-assessment"


@dataclass(frozen=True)
class RubricItem:
    """One thing to score. ``anchors`` maps 1, 3 and 5 to the behaviour that earns that score."""

    key: str
    level: RubricLevel
    domain: RubricDomain
    title: str
    anchors: Mapping[int, str] = field(hash=False)
    #: Competency framework -> codes this item gives evidence for (ACGME Pain Medicine, CanMEDS, IPEC).
    frameworks: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)
    #: Scored by default; an item that is not core is scored only when announced for the trainee.
    core: bool = field(default=True, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "anchors", MappingProxyType(dict(self.anchors)))
        object.__setattr__(self, "frameworks", MappingProxyType(dict(self.frameworks)))

    @property
    def goal(self) -> str:
        """The level-5 behaviour: what to aim for."""
        return self.anchors[SCORE_MAX]


@dataclass(frozen=True)
class Rubric:
    name: str
    version: int
    items: tuple[RubricItem, ...]

    def item(self, key: str) -> RubricItem:
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(key)

    def has(self, key: str) -> bool:
        return any(item.key == key for item in self.items)

    def for_level(self, level: RubricLevel) -> tuple[RubricItem, ...]:
        return tuple(item for item in self.items if item.level is level)

    def for_domain(self, domain: RubricDomain) -> tuple[RubricItem, ...]:
        return tuple(item for item in self.items if item.domain is domain)

    def order(self, key: str) -> int:
        """Position of an item in the rubric (unknown keys last)."""
        for index, item in enumerate(self.items):
            if item.key == key:
                return index
        return len(self.items)


@dataclass(frozen=True)
class Score:
    item_key: str
    value: int
    comment: str | None = None


@dataclass(frozen=True)
class Assessment:
    """One person's scores for one trainee at one conference.

    ``case_ref`` names the case the per-case items refer to; an assessment of team behaviours or of the
    meeting may leave it empty. ``assessor`` is the facilitator's name (for a self-assessment, the
    trainee's own, which may be left empty).
    """

    role: AssessorRole
    trainee: str
    conference_ref: str
    scores: tuple[Score, ...]
    case_ref: str | None = None
    assessor: str | None = None
    #: Submitted (and so locked); only submitted assessments count towards agreement between raters.
    submitted: bool = True
    #: The account of the person who scored, when they scored with one (None: a typed name).
    assessor_id: int | None = None

    @property
    def rater_key(self) -> str:
        """Who scored, to tell raters apart: ``#`` and the account id, else the folded typed name."""
        if self.assessor_id is not None:
            return f"#{self.assessor_id}"
        return " ".join((self.assessor or "").split()).casefold()

    def score(self, key: str) -> Score | None:
        for score in self.scores:
            if score.item_key == key:
                return score
        return None


# --- the rubric --------------------------------------------------------------------------------------


def _load_rubric() -> Rubric:
    """The rubric from its data file (``resources/training/rubric.json``: items, anchors at 1, 3 and 5,
    levels and domains, the competency-framework mapping of each item, and the sources read)."""
    import json

    from mdtboard.resources import resource

    with resource("training", "rubric.json").open(encoding="utf-8") as handle:
        data = json.load(handle)

    def item(entry: dict[str, object], key: str, title: str) -> RubricItem:
        anchors = entry["anchors"]
        assert isinstance(anchors, dict)
        frameworks = entry.get("frameworks") or {}
        assert isinstance(frameworks, dict)
        return RubricItem(
            key, RubricLevel(str(entry["level"])), RubricDomain(str(entry["domain"])), title,
            {score: str(anchors[str(score)]) for score in ANCHOR_SCORES},
            frameworks=MappingProxyType({name: tuple(codes) for name, codes in frameworks.items()}),
            core=bool(entry.get("core", True)),
        )

    items = [item(entry, entry["key"], entry["title"]) for entry in data["items"]]
    template = data["discipline_item"]
    disciplines = [
        item(template, template["key"].format(discipline=d.value),
             template["title"].format(label=DISCIPLINE_LABELS[d]))
        for d in Discipline
    ]
    position = int(template["position"])
    return Rubric(name=data["name"], version=int(data["version"]),
                  items=(*items[:position], *disciplines, *items[position:]))


#: mdtboard's rubric, read from ``resources/training/rubric.json``.
MDTBOARD_RUBRIC = _load_rubric()


def rubric_items(
    level: RubricLevel | None = None, rubric: Rubric = MDTBOARD_RUBRIC
) -> tuple[RubricItem, ...]:
    """The items of one level (all items when ``level`` is None), in rubric order."""
    return rubric.items if level is None else rubric.for_level(level)


#: The overall entrustment judgement, scored for every trainee whatever items were announced.
ENTRUSTMENT_KEY = "trainee.entrustment"
#: How many team items may be announced for one trainee before a session.
MAX_ANNOUNCED = 3


def team_items(announced: Sequence[str] = (), rubric: Rubric | None = None) -> tuple[RubricItem, ...]:
    """The team behaviours to score for a trainee: those announced for them (with the entrustment scale), or,
    when none were announced, the core ones."""
    chosen = set(announced)
    items = (rubric or MDTBOARD_RUBRIC).for_domain(RubricDomain.TEAMWORK)
    if chosen:
        return tuple(i for i in items if i.key in chosen or i.key == ENTRUSTMENT_KEY)
    return tuple(i for i in items if i.core)


def discipline_item_key(discipline: Discipline) -> str:
    return f"case.discipline.{discipline.value}"


# --- rules -------------------------------------------------------------------------------------------


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def validate_assessment(assessment: Assessment, rubric: Rubric = MDTBOARD_RUBRIC) -> list[Problem]:
    """Every rule the assessment breaks; an empty list means it may be saved.

    A problem with a score names the item key as ``where``, so a form can mark that row.
    """
    problems: list[Problem] = []
    if not isinstance(assessment.role, AssessorRole):
        problems.append(Problem("role", f"{assessment.role!r} is not facilitator or self"))
    if _blank(assessment.trainee):
        problems.append(Problem("trainee", "no trainee named"))
    if _blank(assessment.conference_ref):
        problems.append(Problem("conference_ref", "no conference given"))
    if not assessment.scores:
        problems.append(Problem("scores", "no item scored"))
    seen: set[str] = set()
    needs_case = False
    for score in assessment.scores:
        key = score.item_key
        if key in seen:
            problems.append(Problem(key, "scored more than once"))
            continue
        seen.add(key)
        if not rubric.has(key):
            problems.append(Problem(key, f"is not an item of the rubric {rubric.name!r}"))
            continue
        if rubric.item(key).level is RubricLevel.CASE:
            needs_case = True
        value = score.value
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(Problem(key, f"{value!r} is not a whole number from {SCORE_MIN} to {SCORE_MAX}"))
            continue
        if not SCORE_MIN <= value <= SCORE_MAX:
            problems.append(Problem(key, f"{value} is outside {SCORE_MIN} to {SCORE_MAX}"))
            continue
        if value < COMMENT_NEEDED_BELOW and _blank(score.comment):
            problems.append(Problem(key, f"a score of {value} needs a comment saying what was seen"))
        if score.comment is not None and len(score.comment) > COMMENT_MAX:
            problems.append(Problem(key, f"the comment is longer than {COMMENT_MAX} characters"))
    if needs_case and _blank(assessment.case_ref):
        problems.append(Problem("case_ref", "per-case items are scored but no case is named"))
    return problems


def check_assessment(assessment: Assessment, rubric: Rubric = MDTBOARD_RUBRIC) -> None:
    """Raise :class:`InvalidInputError` with every problem, or return quietly."""
    problems = validate_assessment(assessment, rubric)
    if problems:
        raise InvalidInputError(problems)


def _mean(values: Sequence[int]) -> float | None:
    return sum(values) / len(values) if values else None


def domain_means(scores: Iterable[Score], rubric: Rubric = MDTBOARD_RUBRIC) -> dict[RubricDomain, float]:
    """The mean score of each domain that has scores (items not in the rubric are left out)."""
    by_domain: dict[RubricDomain, list[int]] = {}
    for score in scores:
        if rubric.has(score.item_key):
            by_domain.setdefault(rubric.item(score.item_key).domain, []).append(score.value)
    return {domain: sum(v) / len(v) for domain in RubricDomain if (v := by_domain.get(domain))}


# --- facilitator beside self-assessment ----------------------------------------------------------------


@dataclass(frozen=True)
class ComparisonRow:
    """One item as the facilitator and the trainee scored it. ``gap`` is self minus facilitator."""

    item: RubricItem
    facilitator: Score | None
    self_score: Score | None

    @property
    def gap(self) -> int | None:
        if self.facilitator is None or self.self_score is None:
            return None
        return self.self_score.value - self.facilitator.value


@dataclass(frozen=True)
class DomainComparison:
    domain: RubricDomain
    facilitator_mean: float | None
    self_mean: float | None

    @property
    def gap(self) -> float | None:
        if self.facilitator_mean is None or self.self_mean is None:
            return None
        return self.self_mean - self.facilitator_mean


@dataclass(frozen=True)
class Comparison:
    """Rows in rubric order for every item either side scored, and the mean of each domain.

    A positive gap means the trainee scored themselves higher than the facilitator did.
    """

    rows: tuple[ComparisonRow, ...]
    domains: tuple[DomainComparison, ...]


def compare(
    facilitator: Assessment | None, self_assessment: Assessment | None, rubric: Rubric = MDTBOARD_RUBRIC
) -> Comparison:
    """The facilitator's scores beside the trainee's own, item by item and domain by domain.

    Either side may be missing (no self-assessment yet). Raises :class:`InvalidInputError` when the two
    are not of the same trainee, conference and case, or the roles are the wrong way round.
    """
    problems: list[Problem] = []
    if facilitator is not None and facilitator.role is not AssessorRole.FACILITATOR:
        problems.append(Problem("facilitator", "is not a facilitator's assessment"))
    if self_assessment is not None and self_assessment.role is not AssessorRole.SELF:
        problems.append(Problem("self", "is not a self-assessment"))
    if facilitator is not None and self_assessment is not None:
        for name in ("trainee", "conference_ref", "case_ref"):
            mine, theirs = getattr(facilitator, name), getattr(self_assessment, name)
            if mine != theirs:
                problems.append(
                    Problem(name, f"the facilitator's is {mine!r}, the self-assessment's {theirs!r}")
                )
    if problems:
        raise InvalidInputError(problems)
    fac_scores = {s.item_key: s for s in facilitator.scores} if facilitator else {}
    self_scores = {s.item_key: s for s in self_assessment.scores} if self_assessment else {}
    rows = tuple(
        ComparisonRow(item, fac_scores.get(item.key), self_scores.get(item.key))
        for item in rubric.items
        if item.key in fac_scores or item.key in self_scores
    )
    fac_means = domain_means(fac_scores.values(), rubric)
    self_means = domain_means(self_scores.values(), rubric)
    domains = tuple(
        DomainComparison(domain, fac_means.get(domain), self_means.get(domain))
        for domain in RubricDomain
        if domain in fac_means or domain in self_means
    )
    return Comparison(rows, domains)


def rater_groups(
    assessments: Sequence[Assessment], rubric: Rubric = MDTBOARD_RUBRIC
) -> list[tuple[str | None, str | None, Comparison]]:
    """A trainee's assessments paired rater with self, per case (cases first, then team and meeting): with
    several raters of a part, the self-assessment beside each of them. (case, rater's name, comparison)."""
    keys: list[str | None] = []
    for a in assessments:
        if a.case_ref not in keys:
            keys.append(a.case_ref)
    groups: list[tuple[str | None, str | None, Comparison]] = []
    for key in [k for k in keys if k is not None] + [k for k in keys if k is None]:
        raters = [a for a in assessments if a.case_ref == key and a.role is AssessorRole.FACILITATOR]
        selfs = [a for a in assessments if a.case_ref == key and a.role is AssessorRole.SELF]
        if len(raters) > 1 and len(selfs) == 1:
            groups.extend((key, rater.assessor, compare(rater, selfs[0], rubric)) for rater in raters)
            continue
        for rater, own in zip_longest(raters, selfs):
            groups.append((key, rater.assessor if rater else None, compare(rater, own, rubric)))
    return groups


def rater_spread(assessments: Sequence[Assessment], key: str | None, rubric: Rubric = MDTBOARD_RUBRIC) -> str:
    """Each rater's score of each item of the part ``key`` that several raters scored, and the spread
    (highest - lowest): "Situation: 2 (Dr A), 4 (Dr B), spread 2"; empty with fewer than two raters."""
    raters = [a for a in assessments if a.case_ref == key and a.role is AssessorRole.FACILITATOR]
    if len(raters) < 2:
        return ""
    parts = []
    for item in rubric.items:
        values = [(a.assessor or "a rater", score.value) for a in raters
                  if (score := a.score(item.key)) is not None]
        if len(values) > 1:
            numbers = [v for _w, v in values]
            given = ", ".join(f"{v} ({w})" for w, v in values)
            parts.append(f"{item.title}: {given}, spread {max(numbers) - min(numbers)}")
    return "; ".join(parts)


# --- what to work on next -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NextStep:
    """An item to work on: the score it got, the comment, and the level-5 behaviour as the goal."""

    item: RubricItem
    score: int
    comment: str | None
    case_ref: str | None

    @property
    def goal(self) -> str:
        return self.item.goal


def work_on_next(
    assessments: Iterable[Assessment], rubric: Rubric = MDTBOARD_RUBRIC, limit: int = 3
) -> tuple[NextStep, ...]:
    """The lowest-scoring items of the facilitator's assessments (below 5), lowest first, at most ``limit``.

    Self-assessments are not used: the next steps come from what the facilitator observed. An item scored
    on several cases counts once, at its lowest score. Ties go in rubric order.
    """
    lowest: dict[str, NextStep] = {}
    for assessment in assessments:
        if assessment.role is not AssessorRole.FACILITATOR:
            continue
        for score in assessment.scores:
            if not rubric.has(score.item_key) or not SCORE_MIN <= score.value < SCORE_MAX:
                continue
            known = lowest.get(score.item_key)
            if known is None or score.value < known.score:
                lowest[score.item_key] = NextStep(
                    rubric.item(score.item_key), score.value, score.comment, assessment.case_ref
                )
    steps = sorted(lowest.values(), key=lambda step: (step.score, rubric.order(step.item.key)))
    return tuple(steps[: max(limit, 0)])
