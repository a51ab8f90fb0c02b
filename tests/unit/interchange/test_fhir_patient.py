"""The patient in the FHIR export: Patient.gender only from a plain administrative sex value, gender
identity and pronouns as the standard extensions; validated with fhir.resources."""

from __future__ import annotations

from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.patient import Patient as FhirPatient

from mdtboard.domain.case import Case, Patient
from mdtboard.interchange.fhir import GENDER_IDENTITY_URL, PRONOUNS_URL, RECORDED_SEX_URL, fhir_bundle
from mdtboard.services.context import Services


def _exported_patient(services: Services, patient: Patient) -> dict[str, Any]:
    case = services.cases.create(Case("MDT-77", fictional=True, patient=patient, title="Back pain"))
    plan = services.careplans.create_draft(case.id or 0)
    data = fhir_bundle(case, plan)
    Bundle.model_validate(data)
    (found,) = [e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "Patient"]
    FhirPatient.model_validate(found)
    return found


def _extension(resource: dict[str, Any], url: str) -> dict[str, Any] | None:
    return next((e for e in resource.get("extension", []) if e["url"] == url), None)


def test_gender_identity_and_pronouns_as_extensions(services: Services) -> None:
    patient = Patient("Sam Rivera", age=34, sex="F", gender_identity="non-binary", pronouns="they/them")
    found = _exported_patient(services, patient)
    assert found["gender"] == "female"  # from the recorded sex, a plain administrative value
    identity = _extension(found, GENDER_IDENTITY_URL)
    assert identity == {"url": GENDER_IDENTITY_URL, "valueCodeableConcept": {"text": "non-binary"}}
    pronouns = _extension(found, PRONOUNS_URL)
    assert pronouns is not None
    assert pronouns["extension"] == [{"url": "value", "valueCodeableConcept": {"text": "they/them"}}]
    assert _extension(found, RECORDED_SEX_URL) is None


def test_a_sex_that_is_not_an_administrative_value_is_no_patient_gender(services: Services) -> None:
    found = _exported_patient(services, Patient("Kai Moon", sex="trans woman"))
    assert "gender" not in found
    recorded = _extension(found, RECORDED_SEX_URL)
    assert recorded is not None
    assert recorded["extension"] == [{"url": "value", "valueCodeableConcept": {"text": "trans woman"}}]


def test_nothing_recorded_nothing_exported(services: Services) -> None:
    found = _exported_patient(services, Patient("Lee Blank"))
    assert "gender" not in found and "extension" not in found
