"""FHIR R4 export of a case and its care plan, validated with the fhir.resources R4B models; the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from careplan_setup import accepted_draft, sign_all
from conftest import SAMPLE_CASES
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from mdtboard.cli import main
from mdtboard.domain.careplan import Disagreement, MedicationAction
from mdtboard.domain.case import Discipline
from mdtboard.interchange.bundle import import_files
from mdtboard.interchange.fhir import fhir_bundle, write_fhir_bundle
from mdtboard.services.context import Services
from mdtboard.storage.db import open_database

AT = datetime(2026, 12, 3, 14, 30, tzinfo=UTC)


@pytest.fixture
def sqlite_services(sqlite_database_url: str) -> Iterator[Services]:
    db = open_database(sqlite_database_url)
    services = Services.on(db)
    import_files(services.cases, [SAMPLE_CASES])
    yield services
    db.dispose()


def _validate(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Validate the bundle and every resource on its own; resources by type."""
    Bundle.model_validate(data)
    by_type: dict[str, list[dict[str, Any]]] = {}
    urls = {entry["fullUrl"] for entry in data["entry"]}
    for entry in data["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        assert entry["fullUrl"] == f"urn:uuid:{resource['id']}"
        by_type.setdefault(resource["resourceType"], []).append(resource)
    # every reference inside the bundle points at an entry of the bundle
    for reference in _references(data):
        assert reference in urls, reference
    return by_type


def _references(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "reference" and isinstance(item, str):
                yield item
            else:
                yield from _references(item)
    elif isinstance(value, list):
        for item in value:
            yield from _references(item)


def _signed_plan(services: Services, ref: str) -> Any:
    case = services.cases.get_by_ref(ref)
    plan = accepted_draft(services, case)
    plan.goals[0].measure, plan.goals[0].baseline = "hours at work a day", "0 h"
    plan.goals[0].target, plan.goals[0].due = "4 h", date(2027, 1, 28)
    plan.interventions[0].due = date(2026, 12, 20)
    plan.interventions[0].owner = "Dr Okafor"
    plan.disagreements.append(Disagreement("Injection now or after rehabilitation", "After 4 weeks of PT"))
    plan.review_date = date(2027, 1, 14)
    plan = services.careplans.save_draft(plan)
    return case, sign_all(services, plan)


def test_bundle_of_a_signed_plan_validates(services: Services) -> None:
    import_files(services.cases, [SAMPLE_CASES])
    case, plan = _signed_plan(services, "MDT-001")
    data = fhir_bundle(case, plan)
    assert data["type"] == "collection"
    by_type = _validate(data)
    assert set(by_type) == {
        "Patient", "CarePlan", "CareTeam", "Goal", "Condition", "Observation", "MedicationStatement",
        "Provenance",
    }
    (care_plan,) = by_type["CarePlan"]
    patient_url = f"urn:uuid:{by_type['Patient'][0]['id']}"
    assert care_plan["status"] == "active" and care_plan["intent"] == "plan"
    assert care_plan["subject"]["reference"] == patient_url
    assert care_plan["title"] == "Joint care plan, version 1"
    assert care_plan["period"]["end"] == plan.review_date.isoformat()
    assert len(care_plan["goal"]) == len(plan.goals) == len(by_type["Goal"])
    assert len(care_plan["addresses"]) == len(plan.problems) == len(by_type["Condition"])
    tasks = [a["detail"] for a in care_plan["activity"] if a["detail"]["kind"] == "Task"]
    first = tasks[0]
    assert first["status"] == "scheduled" and first["scheduledPeriod"] == {"end": "2026-12-20"}
    assert first["performer"] == [{"display": "Dr Okafor (Physician)"}]
    assert first["description"] == plan.interventions[0].description
    assert any(t.get("scheduledString") == "due date not set" for t in tasks)
    assert any("Disagreement: Injection now" in n["text"] for n in care_plan["note"])
    goal = by_type["Goal"][0]
    assert goal["lifecycleStatus"] == "active" and goal["expressedBy"]["reference"] == patient_url
    assert goal["target"] == [{
        "measure": {"text": "hours at work a day"}, "detailQuantity": {"value": 4.0, "unit": "h"},
        "dueDate": "2027-01-28",
    }]
    codes = {
        c["code"] for o in by_type["Observation"] for c in o["code"].get("coding", [])
    }
    assert codes == {"72514-3", "44261-6", "70274-6"}
    nrs = next(o for o in by_type["Observation"] if o["code"].get("coding", [{}])[0].get("code") == "72514-3")
    assert nrs["valueInteger"] == 7 and nrs["status"] == "final"
    assert {m["medicationCodeableConcept"]["text"] for m in by_type["MedicationStatement"]} == {
        m.name for m in case.medications
    }
    assert len(by_type["Provenance"]) == 3
    for provenance in by_type["Provenance"]:
        assert provenance["target"][0]["reference"] == f"urn:uuid:{care_plan['id']}"
        assert provenance["signature"][0]["when"] == "2026-12-03T14:30:00Z"
    members = {p["member"]["display"] for p in by_type["CareTeam"][0]["participant"]}
    assert {"Dr Okafor", "Sam Lee", "Ana Ruiz"} <= members
    assert by_type["Patient"][0]["name"] == [{"text": "José Ñúñez"}]
    # the same plan exported twice gives the same bundle
    assert fhir_bundle(case, services.careplans.get(plan.id)) == data


def test_bundle_of_every_sample_case_validates(sqlite_services: Services, tmp_path: Path) -> None:
    for case in sqlite_services.cases.get_many():
        out = write_fhir_bundle(sqlite_services.printout(case.ref), tmp_path / f"{case.ref}.json")
        data = json.loads(out.read_text("utf-8"))
        by_type = _validate(data)
        assert by_type["CarePlan"][0]["status"] == "draft"
        assert all(g["lifecycleStatus"] == "proposed" for g in by_type["Goal"])
        assert "Provenance" not in by_type
        assert by_type["Patient"][0]["meta"]["tag"][0]["code"] == "HTEST"  # fictional
    assert "Zoë Ørsted" in (tmp_path / "MDT-002.json").read_text("utf-8")


def test_new_version_replaces_the_old_one(sqlite_services: Services) -> None:
    case, plan = _signed_plan(sqlite_services, "MDT-008")
    second = sqlite_services.careplans.new_version(plan)
    data = fhir_bundle(case, second)
    _validate(data)
    care_plan = next(e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "CarePlan")
    assert care_plan["replaces"] == [
        {"identifier": {"system": "urn:mdtboard:care-plan", "value": "MDT-008/1"}}
    ]
    assert care_plan["status"] == "draft"
    assert care_plan["id"] != fhir_bundle(case, plan)["entry"][1]["resource"]["id"]


# ------------------------------------------------------------------------------------------- CLI


def test_cli_care_plan_and_fhir(
    sqlite_database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--database", sqlite_database_url]
    assert main([*db, "import", str(SAMPLE_CASES)]) == 0
    pdf = tmp_path / "out.pdf"
    assert main([*db, "care-plan", "MDT-001", "--pdf", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF-")
    out = tmp_path / "out.json"
    assert main([*db, "fhir", "MDT-001", "--out", str(out)]) == 0
    _validate(json.loads(out.read_text("utf-8")))
    capsys.readouterr()
    assert main([*db, "care-plan", "NOPE-9", "--pdf", str(tmp_path / "x.pdf")]) == 2
    assert "No case NOPE-9 was found" in capsys.readouterr().err
    assert main([*db, "fhir", "NOPE-9", "--out", str(tmp_path / "x.json")]) == 2
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.json").exists()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main([*db, "care-plan", "MDT-001", "--pdf", str(blocker / "o.pdf")]) == 1
    assert "Could not write" in capsys.readouterr().err


def test_cli_signed_plan_prints_on_both_databases(
    services: Services, database_url: str, tmp_path: Path
) -> None:
    import_files(services.cases, [SAMPLE_CASES])
    _signed_plan(services, "MDT-004")
    pdf, out = tmp_path / "p.pdf", tmp_path / "p.json"
    assert main(["--database", database_url, "care-plan", "MDT-004", "--pdf", str(pdf)]) == 0
    assert main(["--database", database_url, "fhir", "MDT-004", "--out", str(out)]) == 0
    data = json.loads(out.read_text("utf-8"))
    assert len(_validate(data)["Provenance"]) == len(  # the leads present signed
        {Discipline.PHYSICIAN, Discipline.PHYSICAL_THERAPY, Discipline.PSYCHOLOGY}
    )


def _activities_by_medicine(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    care_plan = next(e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "CarePlan")
    return {
        a["detail"]["productCodeableConcept"]["text"]: a
        for a in care_plan["activity"]
        if a["detail"]["kind"] == "MedicationRequest" and "productCodeableConcept" in a["detail"]
        and a["detail"]["productCodeableConcept"]["text"] != "naloxone"
    }


def test_a_pending_decision_is_a_not_started_activity_with_a_note(services: Services) -> None:
    import_files(services.cases, [SAMPLE_CASES])
    case = services.cases.get_by_ref("MDT-001")
    plan = accepted_draft(services, case)
    opioids = [e for e in plan.medication_plan if e.is_opioid]
    others = [e for e in plan.medication_plan if not e.is_opioid]
    assert opioids and len(others) >= 2
    pending = opioids[0]
    pending.action = MedicationAction.PENDING
    pending.options, pending.decided_by = "buprenorphine switch or slow taper", "Dr Okafor"
    pending.decide_by = date(2027, 1, 20)
    others[0].action = MedicationAction.CONTINUE
    others[1].action = MedicationAction.STOP
    plan = services.careplans.save_draft(plan)
    data = fhir_bundle(case, plan)
    _validate(data)
    by_medicine = _activities_by_medicine(data)
    activity = by_medicine[pending.medication]
    assert activity["detail"]["status"] == "not-started"
    note = "Decision pending; options offered: buprenorphine switch or slow taper; decided with the " \
        "patient by Dr Okafor; by 2027-01-20."
    assert activity["progress"] == [{"text": note}]
    assert activity["detail"]["statusReason"] == {"text": note}
    assert "not yet decided" in activity["detail"]["description"]
    assert by_medicine[others[0].medication]["detail"]["status"] == "in-progress"
    assert "progress" not in by_medicine[others[0].medication]
    stopped = by_medicine[others[1].medication]["detail"]
    assert stopped["status"] == "not-started" and stopped["doNotPerform"] is True
    undecided = [e for e in plan.medication_plan if e.action is MedicationAction.UNDECIDED]
    for entry in undecided:
        assert by_medicine[entry.medication]["progress"] == [
            {"text": "No decision made yet for this medicine."}
        ]
    # a plain case carries no security label
    assert all("security" not in e["resource"].get("meta", {}) for e in data["entry"])
