"""Paper and exports leave the room: the care plan PDF (read back with pypdf) and the FHIR bundle
(validated with fhir.resources) carry the notice that sharing restrictions apply, never their text, and
restricted passages only as "[restricted: held by ...]", wherever their words were copied."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from careplan_pdf_reading import read_pdf, squash
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from mdtboard.domain.case import Case, Discipline, DisciplineInput, Patient, RestrictedPassage, Scores
from mdtboard.interchange.fhir import fhir_bundle, write_fhir_bundle
from mdtboard.reports.care_plan import care_plan_pdf_bytes
from mdtboard.services.context import Services
from mdtboard.storage.db import open_database

SECRET = "She disclosed a conviction for fraud in 2015."
INPUT_SECRET = "debt of 40,000 pounds"
RESTRICTION = "Not to her employer or the benefits office: the conviction is known only to social work."
NOTICE = "Sharing restrictions apply: ask Ana Ruiz before discussing details"


@pytest.fixture
def sqlite_services(sqlite_database_url: str) -> Iterator[Services]:
    db = open_database(sqlite_database_url)
    services = Services.on(db)
    yield services
    db.dispose()


def restricted_case(services: Services) -> Case:
    return services.cases.create(Case(
        ref="PRIV-1",
        fictional=False,
        patient=Patient("Oona Test", age=51, sex="female"),
        title="Chronic pelvic pain",
        one_liner="51-year-old with 4 years of pelvic pain.",
        psychosocial=f"Lives with her son. {SECRET} Volunteers at a food bank.",
        sharing_restrictions=RESTRICTION,
        sharing_restrictions_by="Ana Ruiz",
        scores=Scores(nrs=6, phq9_total=9, phq9_item9=0),
        discipline_inputs=[
            DisciplineInput(
                Discipline.PHYSICIAN, "Dr Okafor", "Pelvic floor overactivity.", "Pelvic physio."
            ),
            DisciplineInput(
                Discipline.SOCIAL_WORK, "Ana Ruiz", f"Stressed by a {INPUT_SECRET}.",
                f"Debt advice; {SECRET}",
            ),
        ],
        restricted_passages=[
            RestrictedPassage("/psychosocial", SECRET, "social work"),
            RestrictedPassage("/discipline_inputs/1/assessment", INPUT_SECRET, "Ana Ruiz"),
        ],
    ))


def test_the_care_plan_pdf_withholds_restricted_text(sqlite_services: Services) -> None:
    case = restricted_case(sqlite_services)
    assert case.id is not None
    plan = sqlite_services.careplans.create_draft(case.id)  # built from the input, passages and all
    plan.formulation.social = f"Money worries. {SECRET}"
    sqlite_services.careplans.save_draft(plan)
    pdf = read_pdf(care_plan_pdf_bytes(sqlite_services.printout("PRIV-1")), training=False)
    flat = pdf.flat
    assert "Sharing restrictions apply" in squash(pdf.text)  # the notice, worded by the care plan
    assert "employer" not in flat and "benefits office" not in flat
    assert "conviction" not in flat and "fraud" not in flat and "40,000" not in flat
    assert "[restricted: held by social work]" in flat  # the history, the recommendation, the formulation
    assert "[restricted: held by Ana Ruiz]" in flat
    assert "Volunteers at a food bank." in flat or "Pelvic floor overactivity." in flat


def test_fhir_withholds_restricted_text(sqlite_services: Services, tmp_path: Path) -> None:
    case = restricted_case(sqlite_services)
    assert case.id is not None
    plan = sqlite_services.careplans.create_draft(case.id)
    plan.formulation.social = f"Money worries. {SECRET}"
    plan = sqlite_services.careplans.save_draft(plan)
    data = fhir_bundle(case, plan)
    Bundle.model_validate(data)
    text = json.dumps(data, ensure_ascii=False)
    assert "fraud" not in text and "conviction" not in text and "40,000" not in text
    assert "employer" not in text
    assert "[restricted: held by social work]" in text
    out = write_fhir_bundle(sqlite_services.printout("PRIV-1"), tmp_path / "priv.json")
    written = out.read_text("utf-8")
    assert "fraud" not in written and "40,000" not in written
    assert plan.formulation.social is not None and SECRET in plan.formulation.social  # the plan is unchanged


def test_fhir_labels_restricted_material(sqlite_services: Services) -> None:
    case = restricted_case(sqlite_services)
    assert case.id is not None
    plan = sqlite_services.careplans.create_draft(case.id)
    plan.formulation.social = f"Money worries. {SECRET}"
    plan = sqlite_services.careplans.save_draft(plan)
    data = fhir_bundle(case, plan)
    Bundle.model_validate(data)
    restricted = {"system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "R",
                  "display": "restricted"}
    redacted = {"system": "http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "code": "REDACTED",
                "display": "redacted"}
    assert restricted in data["meta"]["security"]
    by_type = {e["resource"]["resourceType"]: e["resource"] for e in data["entry"]}
    for resource in by_type.values():
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        assert restricted in resource["meta"]["security"], resource["resourceType"]
        has_notice = "[restricted: held by" in json.dumps(resource, ensure_ascii=False)
        assert (redacted in resource["meta"]["security"]) is has_notice, resource["resourceType"]
    assert redacted in by_type["CarePlan"]["meta"]["security"]  # the formulation's passage
    assert redacted not in by_type["Patient"]["meta"]["security"]
    assert {"text": NOTICE} in by_type["CarePlan"]["note"]  # the shared notice, not the restriction


def test_fhir_labels_a_case_with_passages_only(sqlite_services: Services) -> None:
    case = restricted_case(sqlite_services)
    assert case.id is not None
    plan = sqlite_services.careplans.create_draft(case.id)
    case.sharing_restrictions = None  # the passages are restricted all the same
    data = fhir_bundle(case, plan)
    Bundle.model_validate(data)
    care_plan = next(e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "CarePlan")
    assert care_plan["meta"]["security"][0]["code"] == "R"
    assert all("Sharing restrictions apply" not in n["text"] for n in care_plan["note"])
