"""Helpers of the training tests: teaching conferences with trainees and cases from the shipped bank."""

from __future__ import annotations

from datetime import datetime

from mdtboard.domain.case import Case, Discipline, DisciplineInput, Patient, Scores
from mdtboard.domain.conference import Attendee, AttendeeRole, Conference, ConferenceMode
from mdtboard.interchange.demo import load_demo_cases
from mdtboard.services.context import Services

ZOE = "Zoë Ångström-Nguyễn"
KWAME = "Kwame Mensah"
FACILITATOR = "Dr Priya Raman"


def load_bank(services: Services) -> dict[str, int]:
    """The shipped teaching cases, stored: ref -> case id."""
    return {stored.ref: stored.id for stored in load_demo_cases(services.cases)}


def teaching_conference(
    services: Services,
    title: str,
    when: datetime,
    case_ids: list[int],
    *,
    trainees: tuple[str, ...] = (ZOE, KWAME),
    mode: ConferenceMode = ConferenceMode.TRAINING,
) -> Conference:
    """A conference with the facilitator in the chair, the trainees, and the cases on its agenda."""
    conf = services.conferences.create(
        Conference(title=title, starts_at=when, room="Teaching room", mode=mode, chair=FACILITATOR)
    )
    assert conf.id is not None
    services.conferences.add_attendee(
        conf.id, Attendee(FACILITATOR, Discipline.PHYSICIAN, AttendeeRole.CHAIR)
    )
    for name, discipline in zip(
        trainees, [Discipline.PHYSICIAN, Discipline.PSYCHOLOGY, Discipline.NURSING], strict=False
    ):
        services.conferences.add_attendee(conf.id, Attendee(name, discipline, AttendeeRole.TRAINEE))
    services.conferences.add_attendee(
        conf.id, Attendee("Ola Nordmann", Discipline.PHARMACY, AttendeeRole.OBSERVER)
    )
    for case_id in case_ids:
        services.conferences.add_agenda_item(conf.id, case_id)
    return services.conferences.get(conf.id)


def real_case(ref: str = "REAL-0042") -> Case:
    """A real (not fictional) case full of identifiers, to make a teaching case from."""
    return Case(
        ref=ref,
        fictional=False,
        patient=Patient(
            "Margarethe O'Sullivan-Łukasik",
            age=93,
            sex="female",
            preferred_language="Polish",
            interpreter_needed=True,
        ),
        title="Post-herpetic neuralgia since 12/03/2024",
        one_liner="93-year-old woman with 18 months of post-herpetic neuralgia after shingles in March 2024.",
        question_for_team="Is a lidocaine plaster trial reasonable before gabapentin?",
        presenting_complaint="Burning pain over the left T6 dermatome.",
        pain_history="Shingles on 12 March 2024; pain since. Seen at St Brigid's, MRN 00482913. "
        "Daughter (Agnieszka) calls on 0161 496 0734.",
        psychosocial="Lives alone in Salford; widowed 2019. Margarethe enjoys choir.",
        medications=[],
        prior_treatments=["Amitriptyline 10 mg from 2024-05-02, stopped for dizziness"],
        imaging=[],
        comorbidities=["Atrial fibrillation"],
        function_goals=["Sleep through the night"],
        red_flags=["None found on 2025-01-14"],
        scores=Scores(nrs=7, phq9_total=6, phq9_item9=0),
        discipline_inputs=[
            DisciplineInput(
                Discipline.PHYSICIAN,
                author="Dr Tomasz Wróbel",
                assessment="Allodynia over left T6; no new rash.",
                recommendations="Lidocaine 5% plaster 12 h on, 12 h off.",
            ),
        ],
    )
