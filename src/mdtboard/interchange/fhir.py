"""FHIR R4 export of a case and its joint care plan, as a Bundle of type "collection".

The bundle holds the Patient; the CarePlan (status, intent, subject, title, period, careTeam, addresses,
goal, activity); a Goal per goal, a Condition per problem, the CareTeam; an Observation per score (LOINC
for NRS 72514-3, PHQ-9 total 44261-6, GAD-7 total 70274-6; the other instruments coded by text only);
a MedicationStatement per current medicine; and a Provenance with a signature for each sign-off, since
CarePlan has no signature element of its own.

Only what was agreed is exported: accepted interventions, the medication decisions made, and a decision
left pending (or not made yet) as an activity with status ``not-started`` and a note (``progress``)
saying so, its options, who decides with the patient and by when.

Restricted text never leaves: the sharing restrictions show as the fixed notice (a CarePlan note) and as
security labels: every resource of a case with sharing restrictions or restricted passages carries
``meta.security`` confidentiality "R" (restricted), and every resource in which a restricted passage was
replaced by its notice also carries "REDACTED".

Entries are linked by ``urn:uuid`` full URLs. The ids are UUID version 5 from the case reference, the
plan version and the item's place, so exporting the same plan twice gives the same bundle.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mdtboard.domain.careplan import (
    AgreementStatus,
    CarePlan,
    Intervention,
    InterventionStatus,
    MedicationAction,
    MedicationPlanEntry,
    PlanStatus,
    RiskKind,
    SignOff,
)
from mdtboard.domain.case import Case
from mdtboard.domain.errors import InvalidInputError
from mdtboard.domain.instruments import instrument_label
from mdtboard.domain.mme import MME_CAUTION, format_number, mme_report
from mdtboard.domain.privacy import has_sharing_restrictions, shared_case, shared_record, sharing_notice
from mdtboard.domain.scoring import (
    LOINC_GAD7_TOTAL,
    LOINC_NRS,
    LOINC_PHQ9_TOTAL,
    ScoreSummary,
    score_summary,
)
from mdtboard.services.files import write_atomic

if TYPE_CHECKING:
    from mdtboard.services.printouts import CarePlanPrintout

#: Namespace of mdtboard's deterministic resource ids.
NAMESPACE = uuid.UUID("6f1d3a52-8c0e-5b7e-9a43-3f0c2d7be4a1")
LOINC = "http://loinc.org"
CASE_SYSTEM = "urn:mdtboard:case"
PLAN_SYSTEM = "urn:mdtboard:care-plan"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
OBSERVATION_VALUE = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue"
#: The security labels of a case with sharing restrictions or restricted passages, and of a resource
#: in which a restricted passage was replaced by its notice.
RESTRICTED_LABEL = {"system": CONFIDENTIALITY, "code": "R", "display": "restricted"}
REDACTED_LABEL = {"system": OBSERVATION_VALUE, "code": "REDACTED", "display": "redacted"}
#: How a replaced passage begins (see :func:`mdtboard.domain.privacy.passage_notice`).
PASSAGE_NOTICE_START = "[restricted: held by "
SIGNATURE_TYPE = {
    "system": "urn:iso-astm:E1762-95:2013",
    "code": "1.2.840.10065.1.12.1.5",
    "display": "Verification Signature",
}
_NUMBER = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*([^\d\s].*)?$")


def _uuid(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def _ref(resource_id: str, display: str | None = None) -> dict[str, Any]:
    ref: dict[str, Any] = {"reference": f"urn:uuid:{resource_id}"}
    if display:
        ref["display"] = display
    return ref


def _instant(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _text(value: str) -> dict[str, str]:
    return {"text": value}


#: Recorded sex values that are plain administrative values (FHIR AdministrativeGender), folded.
ADMINISTRATIVE_GENDER: dict[str, str] = {
    "male": "male", "m": "male", "female": "female", "f": "female", "other": "other",
    "unknown": "unknown", "not known": "unknown",
}
#: The standard extensions for how the patient describes themself (FHIR core extensions).
GENDER_IDENTITY_URL = "http://hl7.org/fhir/StructureDefinition/patient-genderIdentity"
PRONOUNS_URL = "http://hl7.org/fhir/StructureDefinition/individual-pronouns"
RECORDED_SEX_URL = "http://hl7.org/fhir/StructureDefinition/individual-recordedSexOrGender"


def _gender(sex: str | None) -> str | None:
    """Patient.gender from the recorded sex only when it is a plain administrative value; anything else
    (a gender identity typed in the sex field, say) is not turned into one."""
    if not sex:
        return None
    return ADMINISTRATIVE_GENDER.get(" ".join(sex.split()).casefold())


def _patient_extensions(case: Case) -> list[dict[str, Any]]:
    """Gender identity and pronouns as the standard extensions, and a recorded sex that is not a plain
    administrative value as it was recorded."""
    p = case.patient
    found: list[dict[str, Any]] = []
    if p.gender_identity and p.gender_identity.strip():
        found.append({"url": GENDER_IDENTITY_URL, "valueCodeableConcept": _text(p.gender_identity.strip())})
    if p.pronouns and p.pronouns.strip():
        found.append({
            "url": PRONOUNS_URL,
            "extension": [{"url": "value", "valueCodeableConcept": _text(p.pronouns.strip())}],
        })
    if p.sex and p.sex.strip() and _gender(p.sex) is None:
        found.append({
            "url": RECORDED_SEX_URL,
            "extension": [{"url": "value", "valueCodeableConcept": _text(p.sex.strip())}],
        })
    return found


# ---------------------------------------------------------------------------------------------------
# Resources


def _patient(case: Case, pid: str) -> dict[str, Any]:
    patient: dict[str, Any] = {
        "resourceType": "Patient",
        "id": pid,
        "identifier": [{"system": CASE_SYSTEM, "value": case.ref}],
        "name": [{"text": case.patient.display_name}],
    }
    extensions = _patient_extensions(case)
    if extensions:
        patient["extension"] = extensions
    gender = _gender(case.patient.sex)
    if gender:
        patient["gender"] = gender
    if case.patient.preferred_language:
        patient["communication"] = [
            {"language": _text(case.patient.preferred_language), "preferred": True}
        ]
    if case.fictional:
        patient["meta"] = {"tag": [{"system": ACT_REASON, "code": "HTEST", "display": "test health data"}]}
    return patient


def _scores(case: Case, summary: ScoreSummary | None, pid: str) -> list[dict[str, Any]]:
    found: list[tuple[str, dict[str, Any], dict[str, Any], str | None]] = []

    def loinc(code: str, display: str) -> dict[str, Any]:
        return {"coding": [{"system": LOINC, "code": code, "display": display}], "text": display}

    if summary is not None:
        if summary.nrs is not None:
            band = summary.nrs_band.label if summary.nrs_band else None
            found.append(("nrs", loinc(LOINC_NRS, "Pain severity 0-10 (NRS)"),
                          {"valueInteger": summary.nrs}, band))
        if summary.peg is not None:
            found.append(("peg", _text("PEG score (pain, enjoyment, general activity)"),
                          {"valueQuantity": {"value": summary.peg}}, None))
        if summary.phq9_total is not None:
            band = summary.phq9_band.label if summary.phq9_band else None
            found.append(("phq9", loinc(LOINC_PHQ9_TOTAL, "PHQ-9 total score"),
                          {"valueInteger": summary.phq9_total}, band))
        if summary.phq9_item9 is not None:
            found.append(("phq9-item9", _text("PHQ-9 item 9 (thoughts of self-harm)"),
                          {"valueInteger": summary.phq9_item9},
                          "same-day safety assessment needed" if summary.safety_flag else None))
        if summary.gad7_total is not None:
            band = summary.gad7_band.label if summary.gad7_band else None
            found.append(("gad7", loinc(LOINC_GAD7_TOTAL, "GAD-7 total score"),
                          {"valueInteger": summary.gad7_total}, band))
    for index, other in enumerate((case.scores.other or []) if case.scores else []):
        found.append((f"other/{index}", _text(instrument_label(other.instrument)),
                      {"valueQuantity": {"value": other.value}},
                      other.note))
    out = []
    for key, code, value, interpretation in found:
        obs: dict[str, Any] = {
            "resourceType": "Observation",
            "id": _uuid(case.ref, "observation", key),
            "status": "final",
            "category": [{"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey"}]}],
            "code": code,
            "subject": _ref(pid, case.patient.display_name),
            **value,
        }
        if interpretation:
            obs["interpretation"] = [_text(interpretation)]
        out.append(obs)
    return out


def _medication_statements(case: Case, pid: str) -> list[dict[str, Any]]:
    out = []
    for index, med in enumerate(case.medications or []):
        dosage_text = " ".join(x for x in (med.dose, med.route, med.frequency) if x)
        statement: dict[str, Any] = {
            "resourceType": "MedicationStatement",
            "id": _uuid(case.ref, "medication", index),
            "status": "active",
            "medicationCodeableConcept": _text(med.name),
            "subject": _ref(pid, case.patient.display_name),
        }
        dosage: dict[str, Any] = {}
        if dosage_text:
            dosage["text"] = dosage_text
        if med.prn is not None:
            dosage["asNeededBoolean"] = med.prn
        if med.route:
            dosage["route"] = _text(med.route)
        if dosage:
            statement["dosage"] = [dosage]
        out.append(statement)
    return out


def _target(goal_target: str | None) -> dict[str, Any]:
    if not goal_target or not goal_target.strip():
        return {}
    match = _NUMBER.match(goal_target)
    if match:
        quantity: dict[str, Any] = {"value": float(match.group(1))}
        if match.group(2):
            quantity["unit"] = match.group(2).strip()
        return {"detailQuantity": quantity}
    return {"detailString": goal_target.strip()}


def _activity_status(item: Intervention) -> str:
    if item.status is InterventionStatus.DONE:
        return "completed"
    return "scheduled" if item.due is not None else "not-started"


#: The activity status of a decided medication line: a continued medicine goes on, the rest is to do.
_DECIDED_STATUS = {MedicationAction.CONTINUE: "in-progress"}


def _medication_activity(entry: MedicationPlanEntry) -> dict[str, Any]:
    """One medication line as an activity. A decision pending or not made yet is ``not-started`` with a
    note (``progress``) saying so: the options, who decides with the patient, and by when."""
    text = f"{entry.action.label} {entry.medication}"
    if entry.action is MedicationAction.SWITCH and entry.switch_to:
        text = f"Switch {entry.medication} to {entry.switch_to}"
    if entry.detail:
        text += f": {entry.detail}"
    if entry.is_opioid and (entry.mme_before is not None or entry.mme_after is not None or not entry.decided):
        before = "?" if entry.mme_before is None else format_number(entry.mme_before)
        after = (
            "not yet decided" if not entry.decided
            else "?" if entry.mme_after is None else format_number(entry.mme_after)
        )
        text += f" (MME/day {before} -> {after})"
    detail: dict[str, Any] = {
        "kind": "MedicationRequest", "code": _text(entry.action.label),
        "status": _DECIDED_STATUS.get(entry.action, "not-started") if entry.decided else "not-started",
        "productCodeableConcept": _text(entry.medication), "description": text,
        "doNotPerform": entry.action is MedicationAction.STOP,
    }
    activity: dict[str, Any] = {"detail": detail}
    if not entry.decided:
        if entry.action is MedicationAction.PENDING:
            parts = ["Decision pending"]
            if entry.options:
                parts.append(f"options offered: {entry.options}")
            parts.append(f"decided with the patient by {entry.decided_by or 'a clinician not named yet'}")
            if entry.decide_by is not None:
                parts.append(f"by {entry.decide_by.isoformat()}")
            note = "; ".join(parts) + "."
        else:
            note = "No decision made yet for this medicine."
        detail["statusReason"] = _text(note)
        activity["progress"] = [{"text": note}]
    return activity


def _activities(plan: CarePlan, goal_refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    activities: list[dict[str, Any]] = []
    for item in plan.agreed_interventions():
        detail: dict[str, Any] = {
            "kind": "Task",
            "code": _text(item.discipline.label),
            "status": _activity_status(item),
            "description": item.description,
        }
        if item.owner:
            detail["performer"] = [{"display": f"{item.owner} ({item.discipline.label})"}]
        if item.due is not None:
            detail["scheduledPeriod"] = {"end": item.due.isoformat()}
        else:
            detail["scheduledString"] = "due date not set"
        if goal_refs:
            detail["goal"] = goal_refs
        activities.append({"detail": detail})
    for entry in plan.medication_plan:
        activities.append(_medication_activity(entry))
    for procedure in plan.procedures:
        activities.append({"detail": {
            "kind": "ServiceRequest", "code": _text(procedure.kind.label), "status": "not-started",
            "description": procedure.notes or procedure.kind.label,
        }})
    for risk in plan.risk_mitigations:
        detail = {
            "kind": "MedicationRequest" if risk.kind is RiskKind.NALOXONE else "Task",
            "code": _text(risk.kind.label), "status": "not-started",
            "description": risk.detail or risk.kind.label,
        }
        if risk.kind is RiskKind.NALOXONE:
            detail["productCodeableConcept"] = _text("naloxone")
        activities.append({"detail": detail})
    return activities


def _provenance(case: Case, plan: CarePlan, plan_id: str, index: int, sign_off: SignOff) -> dict[str, Any]:
    who = {"display": f"{sign_off.name} ({sign_off.discipline.label} lead)"}
    return {
        "resourceType": "Provenance",
        "id": _uuid(case.ref, "careplan", plan.plan_version, "provenance", index),
        "target": [_ref(plan_id, f"Joint care plan, version {plan.plan_version}")],
        "recorded": _instant(sign_off.signed_at),
        "activity": _text("sign-off"),
        "agent": [{"role": [_text(f"{sign_off.discipline.label} lead")], "who": who}],
        "signature": [{"type": [SIGNATURE_TYPE], "when": _instant(sign_off.signed_at), "who": who}],
    }


def fhir_bundle(case: Case, plan: CarePlan) -> dict[str, Any]:
    """The FHIR R4 Bundle (type collection) of ``case`` and its care ``plan``, as JSON-ready data.

    An export leaves the team: the sharing restrictions show only as the notice that they apply (and as
    security labels), and restricted passages as their notices (:mod:`mdtboard.domain.privacy`)."""
    original = case
    plan = shared_record(plan, case)
    case = shared_case(case)
    ref, version = case.ref, plan.plan_version
    pid = _uuid(ref, "patient")
    plan_id = _uuid(ref, "careplan", version)
    team_id = _uuid(ref, "careplan", version, "careteam")
    subject = _ref(pid, case.patient.display_name)
    signed = plan.status is PlanStatus.SIGNED
    try:
        summary = score_summary(case.scores) if case.scores else None
    except InvalidInputError:
        summary = None

    conditions: list[dict[str, Any]] = [
        {
            "resourceType": "Condition",
            "id": _uuid(ref, "careplan", version, "condition", i),
            "clinicalStatus": {"coding": [{"system": CONDITION_CLINICAL, "code": "active"}]},
            "category": [{"coding": [{"system": CONDITION_CATEGORY, "code": "problem-list-item"}]}],
            "code": _text(problem.text),
            "subject": subject,
        }
        for i, problem in enumerate(plan.problems)
    ]
    goals: list[dict[str, Any]] = []
    for i, goal in enumerate(plan.goals):
        resource: dict[str, Any] = {
            "resourceType": "Goal",
            "id": _uuid(ref, "careplan", version, "goal", i),
            "lifecycleStatus": "active" if signed else "proposed",
            "description": _text(goal.description),
            "subject": subject,
            "expressedBy": subject,
            "addresses": [_ref(c["id"]) for c in conditions],
        }
        target: dict[str, Any] = {}
        if goal.measure:
            target["measure"] = _text(goal.measure)
        target |= _target(goal.target)
        if goal.due is not None:
            target["dueDate"] = goal.due.isoformat()
        if target:
            resource["target"] = [target]
        if goal.baseline:
            resource["note"] = [{"text": f"Baseline: {goal.baseline}"}]
        goals.append(resource)

    participants: dict[tuple[str, str], dict[str, Any]] = {}
    for so in plan.sign_offs:
        participants[(so.discipline.label, so.name)] = {
            "role": [_text(f"{so.discipline.label} lead")], "member": {"display": so.name}
        }
    for item in plan.agreed_interventions():
        if item.owner:
            participants.setdefault((item.discipline.label, item.owner), {
                "role": [_text(item.discipline.label)], "member": {"display": item.owner}
            })
    if plan.responsible_clinician:
        participants.setdefault(("responsible", plan.responsible_clinician), {
            "role": [_text("Responsible clinician")], "member": {"display": plan.responsible_clinician}
        })
    care_team: dict[str, Any] = {
        "resourceType": "CareTeam",
        "id": team_id,
        "status": "active",
        "name": f"Pain MDT for case {ref}",
        "subject": subject,
    }
    if participants:
        care_team["participant"] = list(participants.values())

    start = plan.conference_date or plan.created_at
    period: dict[str, str] = {}
    if start is not None:
        period["start"] = start.date().isoformat() if isinstance(start, datetime) else str(start)
    if plan.review_date is not None:
        period["end"] = plan.review_date.isoformat()
    notes = [{"text": f"Patient agreement: {plan.agreement.status.label}"
              + (f". {plan.agreement.notes}" if plan.agreement.notes else "")}]
    for d in plan.disagreements:
        resolution = d.resolution if d.resolved else "unresolved"
        notes.append({"text": f"Disagreement: {d.issue} Resolution: {resolution}"})
    mme = mme_report(case.medications)
    if mme.shows_total:
        notes.append({"text": f"Current medicines: {mme.total_statement} (CDC 2022 factors). {MME_CAUTION}"})
    formulation = [
        f"{label}: {text}" for label, text in (
            ("Biological", plan.formulation.biological),
            ("Psychological", plan.formulation.psychological),
            ("Social", plan.formulation.social),
        ) if text
    ]
    goal_refs = [_ref(g["id"]) for g in goals]
    care_plan: dict[str, Any] = {
        "resourceType": "CarePlan",
        "id": plan_id,
        "identifier": [{"system": PLAN_SYSTEM, "value": f"{ref}/{version}"}],
        "status": "active" if signed else "draft",
        "intent": "plan",
        "category": [_text("Interdisciplinary pain management plan")],
        "title": f"Joint care plan, version {version}",
        "subject": subject,
        "careTeam": [_ref(team_id)],
        "addresses": [_ref(c["id"]) for c in conditions],
        "goal": goal_refs,
        "activity": _activities(plan, goal_refs),
        "note": notes,
    }
    if plan.supersedes is not None or version > 1:
        care_plan["replaces"] = [{"identifier": {"system": PLAN_SYSTEM, "value": f"{ref}/{version - 1}"}}]
    if formulation:
        care_plan["description"] = " ".join(formulation)
    if period:
        care_plan["period"] = period
    if plan.created_at is not None:
        care_plan["created"] = _instant(plan.created_at)
    if plan.agreement.status is AgreementStatus.NOT_AGREED:
        care_plan["note"].append({"text": "The patient has not agreed to this plan."})
    for key in ("addresses", "goal", "activity"):
        if not care_plan[key]:
            del care_plan[key]

    notice = sharing_notice(original)
    if notice:
        care_plan["note"].insert(0, {"text": notice})

    resources: list[dict[str, Any]] = [
        _patient(case, pid), care_plan, care_team, *goals, *conditions,
        *_scores(case, summary, pid), *_medication_statements(case, pid),
        *(_provenance(case, plan, plan_id, i, so) for i, so in enumerate(plan.sign_offs)),
    ]
    bundle: dict[str, Any] = {
        "resourceType": "Bundle",
        "id": _uuid(ref, "bundle", version),
        "type": "collection",
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources],
    }
    if has_sharing_restrictions(original) or original.restricted_passages:
        for resource in resources:
            _label(resource, RESTRICTED_LABEL)
            if PASSAGE_NOTICE_START in json.dumps(resource, ensure_ascii=False, default=str):
                _label(resource, REDACTED_LABEL)
        _label(bundle, RESTRICTED_LABEL)
    return bundle


def _label(resource: dict[str, Any], label: dict[str, str]) -> None:
    """Add a security label to ``resource.meta.security`` (once)."""
    security = resource.setdefault("meta", {}).setdefault("security", [])
    if label not in security:
        security.append(dict(label))


def write_fhir_bundle(printout: CarePlanPrintout, path: Path) -> Path:
    """Write the FHIR bundle of the printout's care plan to ``path`` atomically (by default the agreed
    plan, else the latest draft, else a draft built from the discipline inputs, as ``mdtboard care-plan``
    prints: see :meth:`mdtboard.services.context.Services.printout`)."""
    bundle = fhir_bundle(printout.case, printout.plan)
    data = json.dumps(bundle, ensure_ascii=False, indent=2, default=_json_default)
    return write_atomic(path, (data + "\n").encode("utf-8"))


def _json_default(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
