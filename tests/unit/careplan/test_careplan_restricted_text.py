"""Restricted passages stay out of the plan and its papers: the draft does not copy a disclosure marked
restricted (a firearm at home, passive suicidal thoughts) into its formulation, items or risks; the offered
items do not carry it; the three papers, read back with pypdf, show the passage's notice in the team
paper's appendix (every discipline's input) and the shared sharing notice, never the words."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date

import pytest
from careplan_pdf_reading import read_pdf
from careplan_setup import LEADS, conference_item, sign_all

from mdtboard.domain.careplan import AgreementStatus, CarePlan, MedicationAction
from mdtboard.domain.case import (
    Case,
    DailyDose,
    Discipline,
    DisciplineInput,
    Medication,
    Patient,
    RestrictedPassage,
    Scores,
)
from mdtboard.domain.privacy import sharing_notice
from mdtboard.reports.papers import Audience, paper_bytes
from mdtboard.reports.site import SiteDetails
from mdtboard.services.context import Services
from mdtboard.storage.db import open_database

FIREARM = "He keeps a loaded shotgun in the garage."
THOUGHTS = "He would rather not wake up if the pain got worse."
PSYCH_RECOMMENDATION = "Agree safe storage of the shotgun with his wife."
#: Words of the passages that must not be on any plan or paper.
SECRET_WORDS = ("shotgun", "garage", "rather not wake up")
SITE = SiteDetails(
    name="Riverside Pain Service", address="1 River Road", letterhead="Pain team", phone="0123",
    crisis_line="Crisis line: call 988.", naloxone="Keep your naloxone with you.",
)


@pytest.fixture
def sqlite_services(sqlite_database_url: str) -> Iterator[Services]:
    db = open_database(sqlite_database_url)
    services = Services.on(db)
    yield services
    db.dispose()


def restricted_case(services: Services) -> Case:
    """A case whose psychology assessment, psychosocial history, red flag and a recommendation hold
    passages marked restricted (held by psychology)."""
    return services.cases.create(Case(
        ref="RISK-1",
        fictional=False,
        patient=Patient("Piet Test", age=64, sex="male"),
        title="Chronic pelvic girdle pain on methadone",
        one_liner="64-year-old with 16 years of pelvic girdle pain on methadone.",
        presenting_complaint="Pelvic girdle pain after a fall, worse on standing.",
        psychosocial=f"Married, drives his wife to dialysis. {FIREARM} Attends church.",
        question_for_team=f"Can we reduce his methadone safely? {FIREARM}",
        red_flags=[f"Passive suicidal thoughts. {FIREARM}"],
        function_goals=["Walk to church and back without stopping"],
        sharing_restrictions="Not with the family: the disclosure was made to psychology alone.",
        sharing_restrictions_by="Dr Ana Ruiz",
        scores=Scores(nrs=7, phq9_total=15, phq9_item9=1),
        medications=[Medication("methadone", "10 mg", "oral", "twice daily",
                                daily_dose=DailyDose(20, "mg"))],
        discipline_inputs=[
            DisciplineInput(Discipline.PHYSICIAN, "Dr Okafor", "Opioid risk outweighs benefit.",
                            "1) Slow methadone taper 2) Naloxone kit"),
            DisciplineInput(Discipline.PSYCHOLOGY, "Ana Ruiz",
                            f"Moderate risk. {THOUGHTS} {FIREARM}",
                            f"1) Weekly sessions during the taper 2) {PSYCH_RECOMMENDATION}"),
            DisciplineInput(Discipline.PHARMACY, "Lee Chan", f"Interactions checked. {FIREARM}",
                            f"Check QTc. {FIREARM}"),
        ],
        restricted_passages=[
            RestrictedPassage("/psychosocial", FIREARM, "psychology"),
            RestrictedPassage("/discipline_inputs/1/assessment", THOUGHTS, "psychology"),
            RestrictedPassage("/discipline_inputs/1/recommendations", PSYCH_RECOMMENDATION, "psychology"),
        ],
    ))


def _no_secret(text: str) -> list[str]:
    return [w for w in SECRET_WORDS if w in text]


def _draft(services: Services, case: Case) -> CarePlan:
    leads = dict(LEADS)  # physician, physiotherapy, psychology: pharmacy is not present
    item = conference_item(services, case, leads=leads)
    assert case.id is not None
    return services.careplans.create_draft(case.id, agenda_item_id=item)


def test_the_draft_does_not_copy_restricted_text(sqlite_services: Services) -> None:
    case = restricted_case(sqlite_services)
    plan = _draft(sqlite_services, case)
    stored = json.dumps(asdict(plan), ensure_ascii=False, default=str)
    assert not _no_secret(stored), stored
    held = "[restricted: held by psychology]"
    assert plan.formulation.psychological == f"Moderate risk. {held} {held}"
    assert plan.formulation.social == f"Married, drives his wife to dialysis. {held} Attends church."
    assert held in [i.description for i in plan.interventions]
    assert any(r.detail == f"Red flag: Passive suicidal thoughts. {held}" for r in plan.risk_mitigations)
    # the offered items (pharmacy was not present; its input was prepared) are withheld too
    assert case.id is not None
    offered = sqlite_services.careplans.offered(case.id, plan.agenda_item_id, plan)
    assert offered and not _no_secret(" ".join(o.text for o in offered))
    assert any(o.discipline is Discipline.PHARMACY and held in o.text for o in offered)
    # the case itself keeps the passages whole
    assert FIREARM in (sqlite_services.cases.get_by_ref("RISK-1").psychosocial or "")


def _agreed(services: Services, case: Case) -> CarePlan:
    plan = _draft(services, case)
    for index, item in enumerate(plan.interventions):
        item.proposed = False
        item.owner, item.due = "Dr Okafor", date(2027, 1, 10 + index)
    plan.goals[0].measure, plan.goals[0].baseline = "minutes walking", "5"
    plan.goals[0].target, plan.goals[0].due = "20", date(2027, 3, 1)
    entry = plan.medication_plan[0]
    entry.action, entry.options = MedicationAction.PENDING, "buprenorphine switch or slow taper"
    entry.decided_by, entry.decide_by = "Dr Okafor", date(2027, 1, 20)
    plan.review_date = date(2027, 2, 14)
    plan.agreement.status = AgreementStatus.AGREED
    plan.restriction_acknowledged = True
    return sign_all(services, services.careplans.save_draft(plan))


def test_the_three_papers_withhold_restricted_text(sqlite_services: Services) -> None:
    case = restricted_case(sqlite_services)
    _agreed(sqlite_services, case)
    notice = sharing_notice(case)
    assert notice == "Sharing restrictions apply: ask Dr Ana Ruiz before discussing details"
    printout = sqlite_services.printout("RISK-1")
    papers = {
        audience: read_pdf(paper_bytes(printout, audience, site=SITE), training=False)
        for audience in Audience
    }
    for audience, paper in papers.items():
        assert not _no_secret(paper.flat), audience
        assert "wife" not in paper.flat or audience is Audience.TEAM  # only the team's appendix has it
        assert "Not with the family" not in paper.flat, audience
    team = papers[Audience.TEAM]
    # the shared notice on page 1, in the shared wording (not the care plan's own)
    assert notice in " ".join(team.pages[0].split())
    assert notice in papers[Audience.GP].flat
    # the appendix prints every discipline's input, with the passages' notices in their place
    appendix = team.flat[team.flat.index("Appendix: case summary"):]
    assert "Moderate risk. [restricted: held by psychology] [restricted: held by psychology]" in appendix
    assert "Interactions checked. [restricted: held by psychology]" in appendix  # pharmacy, prepared
    assert "Weekly sessions during the taper" in appendix
