"""What a case's care-plan papers and its FHIR export are given: plain data, read through the services.

The documents (:mod:`mdtboard.reports.care_plan`, :mod:`mdtboard.reports.papers`) and the FHIR export
(:mod:`mdtboard.interchange.fhir`) do not query: they are handed a :class:`CarePlanPrintout` holding the
case (as the person printing may see it), the plan to print, and what the papers show beside it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mdtboard.domain.careplan import CarePlan
from mdtboard.domain.careplan_progress import ActionProgress
from mdtboard.domain.case import Case, Discipline, DisciplineInput
from mdtboard.services.uow import read_only

if TYPE_CHECKING:
    from mdtboard.services.context import Services


@dataclass(frozen=True)
class CarePlanPrintout:
    """A case's care plan and what its papers show with it."""

    case: Case
    plan: CarePlan
    #: the plan is not stored: a draft built from the discipline inputs (the case has no plan yet)
    built_from_inputs: bool = False
    #: the latest progress of each action of a signed plan, by the action's uid
    progress: Mapping[str, ActionProgress] = field(default_factory=dict)
    #: the plan this one replaces, with the progress of its actions (what the new plan reviews)
    reviewed: tuple[CarePlan, Mapping[str, ActionProgress]] | None = None
    #: the discipline inputs the plan was made from (the case's, then those given in the conference)
    inputs: tuple[DisciplineInput, ...] = ()
    #: the disciplines that must sign the plan
    required_sign_offs: tuple[Discipline, ...] = ()


def care_plan_printout(services: Services, case_ref: str, plan: CarePlan | None = None) -> CarePlanPrintout:
    """The printout of ``plan``, by default the case's agreed plan, else its latest draft, else a draft built
    from the discipline inputs (not stored); everything read in one read transaction, the case as the
    person signed in may see it."""
    with read_only(services.db) as session:
        case = services.cases.case_in(session, case_ref)
        return services.careplans.printout(session, case, plan)
