"""The care plan's rules without a database: SMART goals, MME before/after, draft, diff, fingerprint."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import pytest

from mdtboard.domain.careplan import (
    CarePlan,
    Disagreement,
    Goal,
    Intervention,
    InterventionStatus,
    MedicationAction,
    MedicationPlanEntry,
    PlanProblem,
    PlanStatus,
    RiskKind,
    SignOff,
    medications_after,
    mme_change,
    next_version_of,
    smart_missing,
    smart_status,
)
from mdtboard.domain.careplan_diff import diff_lines, diff_plans, fingerprint
from mdtboard.domain.careplan_draft import (
    NOT_PRESENT,
    PREPARED,
    conference_inputs,
    draft_plan,
    offered_items,
    offered_sources,
    split_recommendations,
)
from mdtboard.domain.case import Case, DailyDose, Discipline, DisciplineInput, Medication, Patient, Scores
from mdtboard.interchange.bundle import case_from_json


def _sample(sample_bundle: dict[str, Any], ref: str) -> Case:
    return case_from_json(next(c for c in sample_bundle["cases"] if c["id"] == ref))


# --------------------------------------------------------------------------------------------- SMART


def test_smart_goal_complete() -> None:
    goal = Goal("Walk to school", "continuous walking minutes", "10 min", "30 min", date(2027, 2, 1))
    assert smart_missing(goal) == ()
    assert goal.is_smart and smart_status(goal) == "SMART"


def test_incomplete_goal_names_every_missing_part_in_order() -> None:
    goal = Goal("Sleep better")
    assert smart_missing(goal) == ("measure", "baseline", "target", "due date")
    assert not goal.is_smart
    assert smart_status(goal) == "Incomplete: no measure, no baseline, no target, no due date"


@pytest.mark.parametrize(
    ("kwargs", "missing"),
    [
        ({"measure": "hours", "baseline": "4", "target": "6"}, ("due date",)),
        ({"measure": " ", "baseline": "4", "target": "6", "due": date(2027, 1, 1)}, ("measure",)),
        (
            {"measure": "hours", "baseline": "", "target": None, "due": date(2027, 1, 1)},
            ("baseline", "target"),
        ),
    ],
)
def test_blank_parts_count_as_missing(kwargs: dict[str, Any], missing: tuple[str, ...]) -> None:
    assert smart_missing(Goal("g", **kwargs)) == missing


# --------------------------------------------------------------------------------------------- MME


def test_medication_entry_mme_before_and_after() -> None:
    taper = MedicationPlanEntry(
        MedicationAction.REDUCE, "oxycodone", dose_before=DailyDose(40, "mg"), dose_after=DailyDose(20, "mg")
    )
    assert (taper.mme_before, taper.mme_after) == (60.0, 30.0)
    stop = MedicationPlanEntry(MedicationAction.STOP, "tramadol", dose_before=DailyDose(150, "mg"))
    assert (stop.mme_before, stop.mme_after) == (30.0, 0.0)
    start = MedicationPlanEntry(MedicationAction.START, "morphine", dose_after=DailyDose(10, "mg"))
    assert (start.mme_before, start.mme_after) == (0.0, 10.0)
    keep = MedicationPlanEntry(MedicationAction.CONTINUE, "hydromorphone", dose_before=DailyDose(4, "mg"))
    assert (keep.mme_before, keep.mme_after) == (20.0, 20.0)
    other = MedicationPlanEntry(MedicationAction.CHANGE, "gabapentin", dose_before=DailyDose(900, "mg"))
    assert (other.mme_before, other.mme_after) == (None, None)
    bup = MedicationPlanEntry(MedicationAction.START, "buprenorphine", dose_after=DailyDose(8, "mg"))
    assert bup.mme_after is None  # flagged, never counted


def test_mme_change_applies_the_plan_to_the_list() -> None:
    current = [
        Medication("oxycodone", daily_dose=DailyDose(40, "mg")),
        Medication("tramadol", daily_dose=DailyDose(100, "mg")),
        Medication("paracetamol"),
    ]
    plan = [
        MedicationPlanEntry(MedicationAction.REDUCE, "Oxycodone", dose_after=DailyDose(20, "mg")),
        MedicationPlanEntry(MedicationAction.STOP, "tramadol"),
        MedicationPlanEntry(MedicationAction.START, "naloxone nasal spray"),
    ]
    after = medications_after(current, plan)
    assert [m.name for m in after] == ["oxycodone", "paracetamol", "naloxone nasal spray"]
    change = mme_change(current, plan)
    assert (change.before.total, change.after.total) == (80.0, 30.0)
    assert change.text == "80 -> 30 MME/day"
    assert change.assumed_unchanged == ()
    assert current[0].daily_dose == DailyDose(40, "mg")  # the case's list is not touched


def test_mme_change_names_opioid_changes_without_a_target_dose() -> None:
    current = [Medication("morphine", daily_dose=DailyDose(60, "mg"))]
    change = mme_change(current, [MedicationPlanEntry(MedicationAction.REDUCE, "morphine")])
    assert change.after.total == 60.0
    assert change.assumed_unchanged == ("morphine",)


# --------------------------------------------------------------------------------------------- draft


def test_split_recommendations() -> None:
    assert split_recommendations("1) Do A. 2) Do B (x 2). 3) Review in 6 weeks.") == [
        "Do A.", "Do B (x 2).", "Review in 6 weeks."
    ]
    assert split_recommendations("- first\n- second\n\n* third") == ["first", "second", "third"]
    assert split_recommendations("Graded walking, 10 min three times daily.") == [
        "Graded walking, 10 min three times daily."
    ]
    assert split_recommendations("Dose 2) only once") == ["Dose 2) only once"]
    assert split_recommendations(None) == [] and split_recommendations("  ") == []


def test_draft_from_inputs_of_sample_case(sample_bundle: dict[str, Any]) -> None:
    case = _sample(sample_bundle, "MDT-001")
    case.id = 7
    plan = draft_plan(case, today=date(2026, 11, 30))
    assert plan.case_id == 7 and plan.status is PlanStatus.DRAFT and plan.plan_version == 1
    assert plan.problems[0].text == case.title
    assert "Depressive symptoms (PHQ-9 11, moderate)" in [p.text for p in plan.problems]
    # each recommendation becomes a proposed item of its discipline, in its own words, nothing agreed
    assert all(i.proposed for i in plan.interventions) and plan.agreed_interventions() == []
    assert plan.interventions_by_discipline() == {}
    for item in plan.interventions:
        item.proposed = False
    by = plan.interventions_by_discipline()
    assert set(by) == {Discipline.PHYSICIAN, Discipline.PHYSICAL_THERAPY, Discipline.PSYCHOLOGY}
    assert len(by[Discipline.PHYSICIAN]) == 6
    assert by[Discipline.PHYSICIAN][1].description.startswith("Titrate gabapentin")
    assert all(i.owner is None and i.due is None for i in plan.interventions)  # structure is the room's
    # goals come from the functional goals and are marked incomplete
    assert [g.description for g in plan.goals] == case.function_goals
    assert all(not g.is_smart for g in plan.goals)
    # medication plan: one undecided line per current medicine; no action guessed from the words
    assert [m.medication for m in plan.medication_plan] == [m.name for m in case.medications or []]
    assert all(m.action is MedicationAction.UNDECIDED for m in plan.medication_plan)
    change = mme_change(case.medications, plan.medication_plan)
    assert change.after is None and change.after_text == "not yet decided"
    assert change.text == "30 MME/day -> not yet decided"
    assert plan.procedures == [] and plan.review_date is None  # added by the people in the room
    # risk mitigation: naloxone and monitoring for the opioid, the gabapentinoid flag, the red flags
    kinds = [r.kind for r in plan.risk_mitigations]
    assert kinds[:2] == [RiskKind.NALOXONE, RiskKind.PRESCRIPTION_MONITORING]
    details = " ".join(r.detail or "" for r in plan.risk_mitigations)
    assert "gabapentinoid" in details and "Red flag: Mild left EHL weakness" in details
    assert plan.formulation.social == case.psychosocial
    assert plan.formulation.psychological and "PHQ-9 11" in plan.formulation.psychological
    # biological: the complaint, then what the physician and the physical therapist found, each named
    biological = plan.formulation.biological or ""
    assessments = {i.discipline: (i.assessment or "").strip() for i in case.discipline_inputs or []}
    complaint = case.presenting_complaint or case.one_liner or ""
    assert biological.startswith(complaint)
    assert f"Physician: {assessments[Discipline.PHYSICIAN]}" in biological
    assert f"Physical therapy: {assessments[Discipline.PHYSICAL_THERAPY]}" in biological
    assert assessments[Discipline.PSYCHOLOGY] not in biological


def test_pending_opioid_decision_keeps_mme_after_not_yet_decided() -> None:
    current = [
        Medication("methadone", daily_dose=DailyDose(20, "mg")),
        Medication("gabapentin", daily_dose=DailyDose(900, "mg")),
    ]
    pending = MedicationPlanEntry(
        MedicationAction.PENDING, "methadone", dose_before=DailyDose(20, "mg"),
        options="buprenorphine switch or slow taper", decided_by="Dr A", decide_by=date(2027, 1, 10),
    )
    stop_gaba = MedicationPlanEntry(MedicationAction.STOP, "gabapentin", dose_before=DailyDose(900, "mg"))
    change = mme_change(current, [pending, stop_gaba])
    assert change.after is None and change.undecided == ("methadone",)
    assert pending.mme_after is None
    # an opioid with no line at all is not decided either
    assert mme_change(current, [stop_gaba]).undecided == ("methadone",)
    # once chosen, the MME after follows the choice
    reduce = MedicationPlanEntry(
        MedicationAction.REDUCE, "methadone", dose_before=DailyDose(20, "mg"), dose_after=DailyDose(10, "mg")
    )
    decided = mme_change(current, [reduce, stop_gaba])
    assert decided.after is not None and decided.after.total == 47.0 and decided.undecided == ()


def test_switch_counts_the_medicine_switched_to() -> None:
    current = [Medication("oxycodone", daily_dose=DailyDose(40, "mg"))]
    switch = MedicationPlanEntry(
        MedicationAction.SWITCH, "oxycodone", dose_before=DailyDose(40, "mg"),
        switch_to="morphine", dose_after=DailyDose(30, "mg"),
    )
    assert (switch.mme_before, switch.mme_after) == (60.0, 30.0)
    change = mme_change(current, [switch])
    assert change.after is not None and change.after.total == 30.0
    assert [m.name for m in medications_after(current, [switch])] == ["morphine"]


def test_conference_inputs_and_offered_items() -> None:
    prepared = DisciplineInput(Discipline.PHARMACY, "P. Ng", None, "1) Naloxone kit. 2) Check the PDMP.")
    own = DisciplineInput(Discipline.PHYSICIAN, "Dr A", None, "Graded return to work.", agenda_item_id=5)
    absent = DisciplineInput(Discipline.NURSING, "N. Lee", None, "Sleep hygiene leaflet.", agenda_item_id=5)
    other_meeting = DisciplineInput(Discipline.PSYCHOLOGY, "Q", None, "CBT.", agenda_item_id=4)
    inputs = [prepared, own, absent, other_meeting]
    present = {Discipline.PHYSICIAN, Discipline.PSYCHOLOGY}
    assert conference_inputs(inputs, 5, present) == [own]
    assert conference_inputs(inputs, None, present) == []
    assert conference_inputs(inputs, 5, None) == [own, absent]  # no attendance recorded
    offered = offered_items(inputs, 5, present)
    assert [(o.text, o.source) for o in offered] == [
        ("CBT.", PREPARED), ("Naloxone kit.", PREPARED), ("Check the PDMP.", PREPARED),
        ("Sleep hygiene leaflet.", NOT_PRESENT),
    ]
    assert offered_sources(offered) == (
        "prepared before the meeting: psychology, pharmacy; discipline not present: nursing"
    )
    plan = CarePlan(case_id=1, interventions=[Intervention(Discipline.PHARMACY, "Naloxone  kit.")])
    assert "Naloxone kit." not in [o.text for o in offered_items(inputs, 5, present, plan)]


def test_draft_without_opioid_has_no_naloxone_and_shows_safety_prompt() -> None:
    case = Case(
        "X-1", True, Patient("A"), presenting_complaint="Neck pain",
        medications=[Medication("paracetamol")], scores=Scores(phq9_total=8, phq9_item9=1),
        discipline_inputs=[DisciplineInput(Discipline.PHYSICIAN, "Dr A", "ok", "Continue paracetamol.")],
    )
    plan = draft_plan(case)
    assert RiskKind.NALOXONE not in [r.kind for r in plan.risk_mitigations]
    assert any("PHQ-9 item 9" in (r.detail or "") for r in plan.risk_mitigations)
    assert plan.problems[0].text == "Neck pain"
    assert plan.responsible_clinician == "Dr A"
    assert plan.interventions[0].owner is None and plan.interventions[0].proposed


def test_draft_from_previous_plan_adds_only_new_recommendations(sample_bundle: dict[str, Any]) -> None:
    case = _sample(sample_bundle, "MDT-001")
    first = draft_plan(case)
    first.id, first.status = 11, PlanStatus.SIGNED
    first.sign_offs.append(SignOff(Discipline.PHYSICIAN, "Dr A", datetime(2026, 11, 30, 14, 0)))
    new_input = DisciplineInput(Discipline.PHARMACY, "P. Ng", None, "Naloxone kit with teaching.")
    again = draft_plan(case, [*(case.discipline_inputs or []), new_input], previous=first)
    assert again.plan_version == 2 and again.supersedes == 11 and again.status is PlanStatus.DRAFT
    assert again.sign_offs == []
    assert len(again.interventions) == len(first.interventions) + 1
    assert again.interventions[-1].discipline is Discipline.PHARMACY
    assert [g.uid for g in again.goals] == [g.uid for g in first.goals]


# --------------------------------------------------------------------------------------------- diff


def _plan() -> CarePlan:
    return CarePlan(
        case_id=1,
        problems=[PlanProblem("Low back pain")],
        goals=[Goal("Walk 30 minutes")],
        interventions=[Intervention(Discipline.PHYSICAL_THERAPY, "Graded walking", "Sam")],
        medication_plan=[
            MedicationPlanEntry(MedicationAction.REDUCE, "tramadol", dose_before=DailyDose(150, "mg"))
        ],
        review_date=date(2027, 1, 10),
    )


def test_diff_lists_changes_per_section() -> None:
    old = _plan()
    new = next_version_of(old)
    assert diff_plans(old, new) == [
        # only the agreement is reset by a new version (it was "not yet asked" already): no change
    ]
    new.goals[0].measure = "minutes walked"
    new.goals[0].due = date(2027, 2, 1)
    new.interventions[0].status = InterventionStatus.DONE
    new.interventions.append(Intervention(Discipline.PSYCHOLOGY, "CBT, 8 sessions", "Ana"))
    new.problems.clear()
    new.medication_plan[0].dose_after = DailyDose(50, "mg")
    new.disagreements.append(Disagreement("Injection or not", None))
    new.review_date = date(2027, 2, 7)
    sections = {s.section: s.lines for s in diff_plans(old, new)}
    assert sections["Problems"] == ("Removed problem \u201cLow back pain\u201d",)
    assert sections["Goals"] == (
        "Changed goal \u201cWalk 30 minutes\u201d: measure (none) \u2192 \u201cminutes walked\u201d; "
        "due date (none) \u2192 2027-02-01",
    )
    assert sections["Interventions"] == (
        "Changed physical therapy intervention \u201cGraded walking\u201d: status open \u2192 done",
        "Added psychology intervention \u201cCBT, 8 sessions\u201d",
    )
    assert sections["Medication plan"] == (
        "Changed reduce \u201ctramadol\u201d: dose after (none) \u2192 50 mg/day",
    )
    assert sections["Disagreements"] == ("Added disagreement \u201cInjection or not\u201d",)
    assert sections["Follow-up"] == ("Changed follow-up: review date 2027-01-10 \u2192 2027-02-07",)
    assert "Formulation" not in sections
    assert diff_lines(old, new)[0] == "Problems: Removed problem \u201cLow back pain\u201d"


def test_fingerprint_is_stable_and_follows_content() -> None:
    case = Case("C-1", True, Patient("Zoë Ørsted"))
    plan = _plan()
    same = next_version_of(plan)
    same.plan_version = plan.plan_version
    same.supersedes = None
    first = fingerprint(plan, case)
    assert len(first) == 12 and int(first, 16) >= 0
    assert fingerprint(same, case) == first  # uids and ids are not content
    same.goals[0].target = "30 min"
    assert fingerprint(same, case) != first
    case.patient.display_name = "Zoe Orsted"
    assert fingerprint(plan, case) != first
    json.dumps(first)  # plain text


def test_the_checklist_names_an_accepted_action_on_a_medicine_whose_decision_is_pending() -> None:
    from mdtboard.domain.careplan_checks import actions_on_undecided_medicines, sign_off_checklist

    taper = Intervention(Discipline.PHARMACY, "Taper the OxyContin by 10% a fortnight", owner="R. Obi",
                         due=date(2027, 1, 4))
    walk = Intervention(Discipline.PHYSICAL_THERAPY, "Walking plan, 10 minutes a day", owner="L. Park",
                        due=date(2027, 1, 4))
    proposed = Intervention(Discipline.PHYSICIAN, "Stop the oxycontin now", proposed=True)
    pending = MedicationPlanEntry(MedicationAction.PENDING, "OxyContin 20 mg twice daily",
                                  options="buprenorphine switch or slow taper")
    plan = CarePlan(case_id=1, interventions=[taper, walk, proposed], medication_plan=[pending])
    assert actions_on_undecided_medicines(plan) == [(taper.description, pending.medication)]
    named = [item for item in sign_off_checklist(plan, restricted=False) if "speaks of" in item]
    assert len(named) == 1 and named[0].part == "interventions"
    assert "Taper the OxyContin" in named[0] and "OxyContin 20 mg twice daily" in named[0]
    # once the team decides, the action is what was agreed and the checklist says nothing of it
    decided = MedicationPlanEntry(MedicationAction.REDUCE, "OxyContin 20 mg twice daily")
    plan = CarePlan(case_id=1, interventions=[taper, walk], medication_plan=[decided])
    assert actions_on_undecided_medicines(plan) == []
    assert not any("speaks of" in item for item in sign_off_checklist(plan, restricted=False))
