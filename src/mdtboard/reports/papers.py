"""The three papers of one agreed plan, by whom they are for: the team's care plan, the patient's plan and
the letter to the GP or referrer. What ``mdtboard care-plan ID --pdf OUT --for team|patient|gp`` runs, and
what the program's Save PDF and print preview use."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from mdtboard.domain.errors import InvalidInputError, Problem
from mdtboard.reports.care_plan import care_plan_document
from mdtboard.reports.gp_letter import GpLetterDocument
from mdtboard.reports.patient_plan import PatientPlanDocument
from mdtboard.reports.site import SiteDetails, load_site
from mdtboard.services.files import write_atomic

if TYPE_CHECKING:
    from mdtboard.services.printouts import CarePlanPrintout


class Audience(StrEnum):
    TEAM = "team"
    PATIENT = "patient"
    GP = "gp"

    @property
    def label(self) -> str:
        return AUDIENCE_LABELS[self]

    @classmethod
    def named(cls, text: str) -> Audience:
        for audience in cls:
            if audience.value == text.strip().casefold():
                return audience
        raise InvalidInputError(Problem("--for", f"{text!r} is not one of team, patient, gp"))


AUDIENCE_LABELS = {
    Audience.TEAM: "Team care plan",
    Audience.PATIENT: "Patient plan",
    Audience.GP: "Letter to the GP",
}


def paper_bytes(
    printout: CarePlanPrintout,
    audience: Audience = Audience.TEAM,
    *,
    page_size: str = "A4",
    summary: bool = True,
    site: SiteDetails | None = None,
    printed_at: datetime | None = None,
) -> bytes:
    """The PDF of one paper of the printout's plan (see :meth:`Services.printout`)."""
    if audience is Audience.TEAM:
        document = care_plan_document(printout, page_size=page_size, printed_at=printed_at, summary=summary)
        return document.render()
    site = load_site() if site is None else site
    if audience is Audience.PATIENT:
        return PatientPlanDocument(
            printout.case, printout.plan, site, page_size=page_size, printed_at=printed_at
        ).render()
    return GpLetterDocument(
        printout.case, printout.plan, site, required=printout.required_sign_offs, page_size=page_size,
        printed_at=printed_at,
    ).render()


def write_paper(
    printout: CarePlanPrintout,
    path: Path,
    audience: Audience = Audience.TEAM,
    *,
    page_size: str = "A4",
    summary: bool = True,
    site: SiteDetails | None = None,
) -> Path:
    """Write one paper of the printout's plan to ``path`` atomically (nothing is written when it fails)."""
    data = paper_bytes(printout, audience, page_size=page_size, summary=summary, site=site)
    return write_atomic(path, data)
