"""Setting up a care plan as a team would in a conference: the three core leads present, the case on
the agenda, its prepared inputs said again in the meeting, proposed items accepted, signed by the leads."""

from __future__ import annotations

from datetime import UTC, date, datetime

from signing import sign

from mdtboard.domain.careplan import AgreementStatus, CarePlan, MedicationAction, PlanStatus
from mdtboard.domain.case import Case, Discipline, DisciplineInput
from mdtboard.domain.conference import Attendee, AttendeeRole, Conference
from mdtboard.services.context import Services

AT = datetime(2026, 12, 3, 14, 30, tzinfo=UTC)

LEADS = {
    Discipline.PHYSICIAN: "Dr Okafor",
    Discipline.PHYSICAL_THERAPY: "Sam Lee",
    Discipline.PSYCHOLOGY: "Ana Ruiz",
}


def conference_item(
    services: Services,
    case: Case,
    starts: datetime = datetime(2026, 12, 3, 13, 0),
    *,
    copy_inputs: bool = True,
    leads: dict[Discipline, str] | None = None,
) -> int:
    """A conference with the leads present and the case on its agenda; the case's prepared inputs given
    again in the meeting (as the team would say them). Returns the agenda item's id."""
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=starts))
    for discipline, name in (leads or LEADS).items():
        role = AttendeeRole.CHAIR if discipline is Discipline.PHYSICIAN else AttendeeRole.MEMBER
        services.conferences.add_attendee(conf.id or 0, Attendee(name, discipline, role))
    item = services.conferences.add_agenda_item(conf.id or 0, case.id or 0)
    if copy_inputs:
        for given in case.discipline_inputs or []:
            services.conferences.add_input(item.id or 0, DisciplineInput(
                given.discipline, given.author, given.assessment, given.recommendations
            ))
    return item.id or 0


def accepted_draft(services: Services, case: Case, *, leads: dict[Discipline, str] | None = None) -> CarePlan:
    """A draft built in a conference with every proposed item accepted."""
    plan = services.careplans.create_draft(
        case.id or 0, agenda_item_id=conference_item(services, case, leads=leads)
    )
    for item in plan.interventions:
        item.proposed = False
    return services.careplans.save_draft(plan)


def sign_all(
    services: Services, plan: CarePlan, *, leads: dict[Discipline, str] | None = None, at: datetime = AT
) -> CarePlan:
    """Every required discipline signs (with a reason recorded for any open checklist item)."""
    names = leads or LEADS
    for discipline in services.careplans.required_sign_offs(plan):
        plan = sign(
            services, plan, discipline, names[discipline], at=at, open_items_reason="agreed in the meeting"
        )
    assert plan.status is PlanStatus.SIGNED
    return plan


def agreed_plan(services: Services, case: Case) -> CarePlan:
    """The plan a team agrees for a sample case in a conference: every recommendation accepted, owners
    and due dates, SMART goals, a decision for every medicine (an opioid's left pending, with options,
    who decides and by when), a review date, the patient's agreement, signed by the leads."""
    plan = accepted_draft(services, case)
    owners = ["Dr Okafor", "Sam Lee", "patient", "GP"]
    for index, item in enumerate(plan.interventions):
        item.owner, item.due = owners[index % len(owners)], date(2027, 1, 10 + index % 15)
    for goal in plan.goals:
        goal.measure, goal.baseline, goal.target, goal.due = "hours a day", "2", "4", date(2027, 3, 1)
    for entry in plan.medication_plan:
        if entry.is_opioid:
            entry.action = MedicationAction.PENDING
            entry.options, entry.decided_by = "buprenorphine switch or slow taper", "Dr Okafor"
            entry.decide_by = date(2027, 1, 20)
        else:
            entry.action, entry.detail = MedicationAction.CONTINUE, "No change."
    plan.review_date = date(2027, 2, 14)
    plan.agreement.status = AgreementStatus.AGREED
    return sign_all(services, services.careplans.save_draft(plan))
