"""Facilitator guides of the teaching case bank: what the facilitator keeps apart while trainees prepare.

The guides are data (``resources/teaching/facilitator-guides.json``, dated and sourced): for each bank case
its setting (country and health system), its one decision question, a facilitator note with the other
questions the case raises, the red flags and safety issues the team should find, the teaching points, the
disagreement to provoke between disciplines, whether mdtboard itself flags the key safety issue (in some
cases it does not, and the trainees must find it), the guidance the content was checked against, and the
figures the tests check. They are shown to trainees at the debrief (:mod:`mdtboard.reports.debrief`), not
while they prepare.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from mdtboard.resources import resource


@dataclass(frozen=True)
class FacilitatorGuide:
    case_ref: str
    setting: str
    decision_question: str
    facilitator_note: str
    red_flags_to_find: tuple[str, ...]
    teaching_points: tuple[str, ...]
    disagreement: str
    key_safety_issue: str
    software_flags_key_issue: bool
    guidance: tuple[str, ...]
    expected_mme_per_day: str
    expected_phq9_band: str | None
    expected_gad7_band: str | None
    #: The curriculum topics (ids of :func:`curriculum`) the case covers.
    topics: tuple[str, ...] = ()
    #: Why the case has no self-reported scores (a child under 12, a person who cannot self-report), if so.
    no_self_report: str | None = None


@cache
def guides() -> dict[str, FacilitatorGuide]:
    """Every guide by case reference ("TEACH-01")."""
    with resource("teaching", "facilitator-guides.json").open(encoding="utf-8") as handle:
        data = json.load(handle)
    out: dict[str, FacilitatorGuide] = {}
    for entry in data["guides"]:
        expected = entry["expected"]
        out[entry["id"]] = FacilitatorGuide(
            case_ref=entry["id"],
            setting=entry["setting"],
            decision_question=entry["decision_question"],
            facilitator_note=entry["facilitator_note"],
            red_flags_to_find=tuple(entry["red_flags_to_find"]),
            teaching_points=tuple(entry["teaching_points"]),
            disagreement=entry["disagreement"],
            key_safety_issue=entry["key_safety_issue"],
            software_flags_key_issue=bool(entry["software_flags_key_issue"]),
            guidance=tuple(entry["guidance"]),
            expected_mme_per_day=str(expected["mme_per_day"]),
            expected_phq9_band=expected.get("phq9_band"),
            expected_gad7_band=expected.get("gad7_band"),
            no_self_report=expected.get("self_report"),
            topics=tuple(entry.get("topics", ())),
        )
    return out


def guide_for(case_ref: str) -> FacilitatorGuide | None:
    """The guide of a bank case, or None for any other case."""
    return guides().get(case_ref)


def sources() -> tuple[str, ...]:
    with resource("teaching", "facilitator-guides.json").open(encoding="utf-8") as handle:
        return tuple(json.load(handle)["sources"])


@cache
def curriculum() -> dict[str, str]:
    """The curriculum's topics, id -> label, in order (every topic has at least one bank case)."""
    with resource("teaching", "facilitator-guides.json").open(encoding="utf-8") as handle:
        return {entry["id"]: entry["label"] for entry in json.load(handle)["curriculum"]}


def topics_of_cases() -> dict[str, tuple[str, ...]]:
    """Each bank case's curriculum topics, by case reference."""
    return {ref: guide.topics for ref, guide in guides().items()}
