"""The printed care plan introduces the patient as they describe themself (read back with pypdf)."""

from __future__ import annotations

from careplan_pdf_reading import read_pdf

from mdtboard.domain.case import Case, OtherScore, Patient, Scores
from mdtboard.reports.care_plan import care_plan_pdf_bytes
from mdtboard.services.context import Services


def test_gender_identity_pronouns_and_instrument_names_are_printed(services: Services) -> None:
    patient = Patient(
        "Sam Rivera", age=34, sex="female", gender_identity="non-binary", pronouns="they/them",
        preferred_language="Spanish", interpreter_needed=True,
    )
    scores = Scores(other=[OtherScore("tsk17", 44), OtherScore("pcs_total", 31, "in clinic")])
    case = services.cases.create(
        Case("MDT-55", fictional=False, patient=patient, title="Low back pain", scores=scores)
    )
    services.careplans.create_draft(case.id or 0)
    pdf = read_pdf(care_plan_pdf_bytes(services.printout("MDT-55")), training=False)
    assert (
        "34 years · non-binary · pronouns they/them · speaks Spanish, interpreter needed · case MDT-55"
        in pdf.flat_body
    )
    # typed totals under their instruments' names, not the keys
    assert "TSK-17 total 44 typed total" in pdf.flat_body and "tsk17" not in pdf.text
    assert "PCS total 31 typed total; in clinic" in pdf.flat_body
