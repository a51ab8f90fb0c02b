"""What a case's care-plan papers and its FHIR export are given: plain data, read through the services.

The documents (:mod:`mdtboard.reports.care_plan`, :mod:`mdtboard.reports.papers`) and the FHIR export
(:mod:`mdtboard.interchange.fhir`) do not query: they are handed a :class:`CarePlanPrintout` holding the
case (as the person printing may see it), the plan to print, and what the papers show beside it.

A printout is put together by :func:`assemble` from the reads of :class:`PlanReads`, in one read
transaction: through the ORM (``CarePlanService.printout``), or, for the command line on a plain SQLite file
at the program's schema, with ``sqlite3`` alone (:mod:`mdtboard.services.quick_printout`). Only the rows'
reading differs; what is chosen, drafted and handed on is this module's, the same for both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Protocol

from mdtboard.domain.careplan import CarePlan
from mdtboard.domain.careplan_checks import required_sign_offs
from mdtboard.domain.careplan_draft import conference_inputs, draft_plan
from mdtboard.domain.careplan_progress import ActionProgress
from mdtboard.domain.case import Case, Discipline, DisciplineInput

if TYPE_CHECKING:
    from mdtboard.domain.conference import Attendee
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
    from mdtboard.services.uow import read_only

    with read_only(services.db) as session:
        case = services.cases.case_in(session, case_ref)
        return services.careplans.printout(session, case, plan)


class PlanReads(Protocol):
    """What a printout is read from, within one read transaction."""

    def latest(self, case_id: int, *, signed_only: bool = False) -> CarePlan | None:
        """The case's latest plan version (the latest signed one with ``signed_only``), or None."""

    def stored(self, plan_id: int) -> CarePlan:
        """A stored plan (:class:`NotFoundError` when there is none)."""

    def progress(self, plan_id: int) -> dict[str, ActionProgress]:
        """The latest progress of each action of a plan, by the action's uid."""

    def inputs(self, case_id: int, agenda_item_id: int | None) -> list[DisciplineInput]:
        """The case's prepared discipline inputs, then those given on ``agenda_item_id`` (if any)."""

    def attendees(self, agenda_item_id: int | None) -> list[Attendee]:
        """The attendance list of the conference of an agenda item (none without one)."""

    def check_item(self, case: Case, agenda_item_id: int | None) -> None:
        """Raise when ``agenda_item_id`` is not an agenda item about ``case`` (None passes)."""


def present(reads: PlanReads, agenda_item_id: int | None) -> set[Discipline] | None:
    """The disciplines on the attendance list (``None`` when nobody is recorded)."""
    return {a.discipline for a in reads.attendees(agenda_item_id)} or None


def own_inputs(reads: PlanReads, case_id: int, agenda_item_id: int | None) -> list[DisciplineInput]:
    """The inputs given in the conference on ``agenda_item_id`` by the disciplines present."""
    return conference_inputs(reads.inputs(case_id, agenda_item_id), agenda_item_id,
                             present(reads, agenda_item_id))


def draft_from(reads: PlanReads, case: Case, agenda_item_id: int | None, today: date | None) -> CarePlan:
    """The draft a new plan of ``case`` would start as (not stored)."""
    assert case.id is not None
    reads.check_item(case, agenda_item_id)
    inputs = own_inputs(reads, case.id, agenda_item_id)
    previous = reads.latest(case.id, signed_only=True)
    plan = draft_plan(case, inputs, previous=previous, today=today)
    plan.agenda_item_id = agenda_item_id
    plan.case_ref = case.ref
    if previous is None:
        plan.plan_version = 1
    return plan


def assemble(reads: PlanReads, case: Case, plan: CarePlan | None = None) -> CarePlanPrintout:
    """What the papers of ``plan`` show (by default the case's agreed plan, else its latest draft, else a
    draft built from the discipline inputs), ``case`` as the person printing may see it."""
    assert case.id is not None
    built = False
    if plan is None:
        plan = reads.latest(case.id, signed_only=True) or reads.latest(case.id)
        if plan is None:
            plan, built = draft_from(reads, case, None, None), True
    progress = reads.progress(plan.id) if plan.signed and plan.id is not None else {}
    reviewed = None
    if plan.supersedes is not None:
        previous = reads.stored(plan.supersedes)
        assert previous.id is not None
        reviewed = (previous, reads.progress(previous.id))
    return CarePlanPrintout(
        case,
        plan,
        built_from_inputs=built,
        progress=progress,
        reviewed=reviewed,
        inputs=tuple(reads.inputs(case.id, plan.agenda_item_id)),
        required_sign_offs=tuple(required_sign_offs(plan, reads.attendees(plan.agenda_item_id))),
    )
