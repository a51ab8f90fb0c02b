"""CarePlanService on SQLite and PostgreSQL: drafts, saving, sign-off and locking, versions, follow-ups."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from careplan_setup import accepted_draft, conference_item, sign_all
from conftest import table_snapshot
from signing import account_for, credential, pin_for, sign

from mdtboard.domain.accounts import Credential, Role
from mdtboard.domain.careplan import (
    AgreementStatus,
    CarePlan,
    Goal,
    Intervention,
    InterventionStatus,
    MedicationAction,
    PlanLockedError,
    PlanStatus,
)
from mdtboard.domain.careplan_diff import signed_fingerprint
from mdtboard.domain.case import Case, Discipline, DisciplineInput, Patient
from mdtboard.domain.conference import Attendee, AttendeeRole, Conference
from mdtboard.domain.errors import ConflictError, InvalidInputError, NotFoundError
from mdtboard.interchange.bundle import case_from_json
from mdtboard.services.accounts import SignInError
from mdtboard.services.context import Services
from mdtboard.services.permissions import NotAllowedError

AT = datetime(2026, 12, 3, 14, 30, tzinfo=UTC)


def _case(services: Services, sample_bundle: dict[str, Any], ref: str = "MDT-001") -> Case:
    data = next(c for c in sample_bundle["cases"] if c["id"] == ref)
    return services.cases.create(case_from_json(data))


def _conference_item(services: Services, case: Case, *args: Any, **kwargs: Any) -> int:
    return conference_item(services, case, *args, **kwargs)


def _draft(services: Services, case: Case) -> CarePlan:
    return accepted_draft(services, case)


def _signed(services: Services, plan: CarePlan) -> CarePlan:
    return sign_all(services, plan, at=AT)


def test_draft_from_the_conference_own_input_only(services: Services, sample_bundle: dict[str, Any]) -> None:
    case = _case(services, sample_bundle)
    assert case.id is not None
    assert services.careplans.current(case.id) is None
    item_id = _conference_item(services, case, copy_inputs=False)
    services.conferences.add_input(
        item_id,
        DisciplineInput(Discipline.PHYSICIAN, "Dr Okafor", None, "1) Graded return to work. 2) Sleep diary."),
    )
    services.conferences.add_input(  # pharmacy is not on the attendance list
        item_id, DisciplineInput(Discipline.PHARMACY, "P. Ng", "Gabapentinoid with opioid.", "Naloxone kit."),
    )
    plan = services.careplans.create_draft(case.id, agenda_item_id=item_id, today=date(2026, 12, 3))
    assert plan.id is not None and plan.plan_version == 1 and plan.status is PlanStatus.DRAFT
    assert plan.case_ref == "MDT-001"
    assert plan.conference_date == datetime(2026, 12, 3, 13, 0)
    # only what the team said in this conference, as proposed items in its own words
    assert [(i.discipline, i.description, i.proposed) for i in plan.interventions] == [
        (Discipline.PHYSICIAN, "Graded return to work.", True), (Discipline.PHYSICIAN, "Sleep diary.", True),
    ]
    assert plan.agreed_interventions() == [] and plan.open_interventions() == []
    # the prepared input and the absent discipline's are offered, not included
    offered = services.careplans.offered(case.id, item_id, plan)
    sources = {(o.discipline, o.source) for o in offered}
    assert (Discipline.PHARMACY, "discipline not present") in sources
    assert (Discipline.PHYSICAL_THERAPY, "prepared before the meeting") in sources
    assert "Naloxone kit." in [o.text for o in offered]
    # every medication's decision is left to the team
    assert all(m.action is MedicationAction.UNDECIDED for m in plan.medication_plan)
    tramadol = next(m for m in plan.medication_plan if m.medication == "tramadol")
    assert (tramadol.mme_before, tramadol.mme_after) == (30.0, None)
    # stored structurally and read back the same
    again = services.careplans.get(plan.id)
    assert [g.description for g in again.goals] == case.function_goals
    assert [i.uid for i in again.interventions] == [i.uid for i in plan.interventions]
    assert services.careplans.current(case.id) == again
    # accepting an item is stored; accepted offered items no longer offered
    again.interventions[0].proposed = False
    again.interventions.append(Intervention(Discipline.PHARMACY, "Naloxone kit."))
    saved = services.careplans.save_draft(again)
    assert [i.proposed for i in saved.interventions] == [False, True, False]
    assert "Naloxone kit." not in [o.text for o in services.careplans.offered(case.id, item_id, saved)]
    # a second draft is refused while this one is open
    with pytest.raises(InvalidInputError, match="already has a draft"):
        services.careplans.create_draft(case.id)


def test_draft_outside_a_conference_takes_no_input(services: Services, sample_bundle: dict[str, Any]) -> None:
    case = _case(services, sample_bundle)
    plan = services.careplans.create_draft(case.id or 0)
    assert plan.interventions == []
    offered = services.careplans.offered(case.id or 0, None, plan)
    assert {o.source for o in offered} == {"prepared before the meeting"} and len(offered) >= 6


def test_create_draft_checks_case_and_agenda_item(services: Services, sample_bundle: dict[str, Any]) -> None:
    case = _case(services, sample_bundle)
    other = services.cases.create(Case("OTHER", True, Patient("Other")))
    conf = services.conferences.create(Conference(title="MDT", starts_at=datetime(2026, 12, 3, 13, 0)))
    item = services.conferences.add_agenda_item(conf.id or 0, other.id or 0)
    before = table_snapshot(services.db)
    with pytest.raises(NotFoundError):
        services.careplans.create_draft(999_999)
    with pytest.raises(InvalidInputError, match="another case"):
        services.careplans.create_draft(case.id or 0, agenda_item_id=item.id)
    assert table_snapshot(services.db) == before


def test_save_draft_and_conflict_on_stale_version(services: Services, sample_bundle: dict[str, Any]) -> None:
    case = _case(services, sample_bundle)
    plan = _draft(services, case)
    mine = services.careplans.get(plan.id or 0)
    theirs = services.careplans.get(plan.id or 0)
    mine.goals[0].measure = "minutes of continuous walking"
    mine.goals[0].baseline, mine.goals[0].target, mine.goals[0].due = "10", "30", date(2027, 2, 1)
    mine.interventions[0].due = date(2026, 12, 20)
    mine.agreement.status = AgreementStatus.AGREED
    saved = services.careplans.save_draft(mine)
    assert saved.version == mine.version + 1
    assert saved.goals[0].is_smart and saved.agreement.status is AgreementStatus.AGREED
    before = table_snapshot(services.db)
    theirs.responsible_clinician = "Dr Somebody Else"
    with pytest.raises(ConflictError) as caught:
        services.careplans.save_draft(theirs)
    assert caught.value.mine is theirs
    assert caught.value.theirs.goals[0].is_smart
    assert table_snapshot(services.db) == before


def test_invalid_plan_lists_every_problem_and_changes_nothing(
    services: Services, sample_bundle: dict[str, Any]
) -> None:
    case = _case(services, sample_bundle)
    plan = _draft(services, case)
    plan.goals.append(Goal("  "))
    plan.interventions.append(Intervention(Discipline.NURSING, "x", owner="o" * 300))
    before = table_snapshot(services.db)
    with pytest.raises(InvalidInputError) as caught:
        services.careplans.save_draft(plan)
    wheres = [p.where for p in caught.value.problems]
    assert f"goals[{len(plan.goals) - 1}].description" in wheres
    assert f"interventions[{len(plan.interventions) - 1}].owner" in wheres
    assert table_snapshot(services.db) == before


def test_sign_off_locks_the_plan(services: Services, sample_bundle: dict[str, Any]) -> None:
    case = _case(services, sample_bundle)
    conf = services.conferences.create(Conference(title="MDT", starts_at=datetime(2026, 12, 3, 13, 0)))
    for name, discipline, role in (
        ("Dr Okafor", Discipline.PHYSICIAN, AttendeeRole.CHAIR),
        ("Sam Lee", Discipline.PHYSICAL_THERAPY, AttendeeRole.MEMBER),
        ("Ana Ruiz", Discipline.PSYCHOLOGY, AttendeeRole.PRESENTER),
        ("Kim Trainee", Discipline.PHARMACY, AttendeeRole.TRAINEE),
        ("Olu Observer", Discipline.NURSING, AttendeeRole.OBSERVER),
    ):
        services.conferences.add_attendee(conf.id or 0, Attendee(name, discipline, role))
    item = services.conferences.add_agenda_item(conf.id or 0, case.id or 0)
    plan = services.careplans.create_draft(case.id or 0, agenda_item_id=item.id)
    required = services.careplans.required_sign_offs(plan)
    assert required == (Discipline.PHYSICIAN, Discipline.PHYSICAL_THERAPY, Discipline.PSYCHOLOGY)
    assert [a.name for a in services.careplans.signers(plan)][:3] == ["Dr Okafor", "Sam Lee", "Ana Ruiz"]

    okafor = credential(services, "Dr Okafor", Discipline.PHYSICIAN)
    bob = credential(services, "Bob", Discipline.PHYSICIAN)
    lee = credential(services, "Sam Lee", Discipline.PHYSICAL_THERAPY)
    kim = credential(services, "Kim Trainee", Discipline.PHARMACY)
    before = table_snapshot(services.db)
    # someone not in attendance, or not for that discipline, or a trainee, cannot sign
    with pytest.raises(InvalidInputError, match="Bob is not on the attendance list for physician"):
        services.careplans.sign_off(plan, Discipline.PHYSICIAN, bob, at=AT)
    with pytest.raises(NotAllowedError, match="Sam Lee signs for physical therapy, not for physician"):
        services.careplans.sign_off(plan, Discipline.PHYSICIAN, lee, at=AT)
    with pytest.raises(InvalidInputError, match="attends as trainee"):
        services.careplans.sign_off(plan, Discipline.PHARMACY, kim, at=AT)
    # never without the signer's own PIN or password
    with pytest.raises(SignInError, match="Wrong password or PIN"):
        services.careplans.sign_off(plan, Discipline.PHYSICIAN, Credential(okafor.username, "9999"), at=AT)
    # the checklist before the first signature: open items need a recorded reason
    checklist = services.careplans.checklist(plan)
    assert "no review date" in checklist and "the patient's agreement is not recorded" in checklist
    assert any(c.endswith("goals not SMART") for c in checklist)
    assert any(c.startswith("medication decisions pending or not made") for c in checklist)
    with pytest.raises(InvalidInputError, match="give the reason for signing with items open"):
        services.careplans.sign_off(plan, Discipline.PHYSICIAN, okafor, at=AT)
    assert _without_accounts(table_snapshot(services.db)) == _without_accounts(before)

    plan = services.careplans.sign_off(
        plan, Discipline.PHYSICIAN, okafor, at=AT, open_items_reason="Patient asked for time to decide"
    )
    assert plan.open_items_reason == "Patient asked for time to decide"
    assert plan.status is PlanStatus.DRAFT and [s.name for s in plan.sign_offs] == ["Dr Okafor"]
    signed = plan.sign_offs[0]
    assert signed.account_id == account_for(services, "Dr Okafor", Discipline.PHYSICIAN).id
    assert signed.fingerprint == signed_fingerprint(plan) and len(signed.fingerprint or "") == 64
    with pytest.raises(InvalidInputError, match="already signed"):
        services.careplans.sign_off(plan, Discipline.PHYSICIAN, credential(services, "Dr Other",
                                                                            Discipline.PHYSICIAN), at=AT)
    plan = services.careplans.sign_off(plan, Discipline.PHYSICAL_THERAPY, lee, at=AT)
    plan = sign(services, plan, Discipline.PSYCHOLOGY, "Ana Ruiz", at=AT)
    assert plan.status is PlanStatus.SIGNED and plan.signed_at == AT
    assert [s.signed_at for s in plan.sign_offs] == [AT, AT, AT]
    assert {s.fingerprint for s in plan.sign_offs} == {signed_fingerprint(plan)}

    before = table_snapshot(services.db)
    plan.review_date = date(2027, 3, 1)
    with pytest.raises(PlanLockedError, match="signed and locked"):
        services.careplans.save_draft(plan)
    with pytest.raises(PlanLockedError):
        sign(services, plan, Discipline.PHARMACY, "Kim", at=AT)
    with pytest.raises(PlanLockedError):
        services.careplans.discard_draft(plan)
    assert _without_accounts(table_snapshot(services.db)) == _without_accounts(before)


def _without_accounts(snapshot: dict[str, Any]) -> dict[str, Any]:
    """The tables but the accounts (a failed PIN counts towards the lock-out) and the trail."""
    return {k: v for k, v in snapshot.items() if k not in ("accounts", "audit_log")}


def test_changing_a_draft_withdraws_its_sign_offs(services: Services, sample_bundle: dict[str, Any]) -> None:
    case = _case(services, sample_bundle)
    plan = _draft(services, case)
    plan = sign(services, plan, Discipline.PHYSICIAN, "Dr Okafor", at=AT, open_items_reason="x")
    unchanged = services.careplans.save_draft(plan)
    assert [s.name for s in unchanged.sign_offs] == ["Dr Okafor"]
    unchanged.review_date = date(2027, 3, 1)
    changed = services.careplans.save_draft(unchanged)
    assert changed.sign_offs == []


def test_a_sign_off_is_withdrawn_by_its_signer_or_by_the_chair_with_a_reason(
    services: Services, sample_bundle: dict[str, Any]
) -> None:
    case = _case(services, sample_bundle)
    plan = _draft(services, case)
    chair = account_for(services, "Dr Okafor", Discipline.PHYSICIAN, frozenset({Role.CHAIR, Role.MEMBER}))
    plan = sign(services, plan, Discipline.PHYSICIAN, "Dr Okafor", at=AT, open_items_reason="x")
    plan = sign(services, plan, Discipline.PHYSICAL_THERAPY, "Sam Lee", at=AT)
    other = credential(services, "Ana Ruiz", Discipline.PSYCHOLOGY)
    before = _without_accounts(table_snapshot(services.db))
    with pytest.raises(NotAllowedError, match="Only Sam Lee, who signed, or the chair may withdraw"):
        services.careplans.withdraw_sign_off(plan, Discipline.PHYSICAL_THERAPY, other, reason="why not")
    with pytest.raises(InvalidInputError, match="the chair withdraws Sam Lee's sign-off with a reason"):
        services.careplans.withdraw_sign_off(plan, Discipline.PHYSICAL_THERAPY,
                                             Credential(chair.username, pin_for(chair.username)))
    with pytest.raises(SignInError):
        services.careplans.withdraw_sign_off(plan, Discipline.PHYSICAL_THERAPY,
                                             Credential("sam-lee.physical_therapy", "0000"))
    assert _without_accounts(table_snapshot(services.db)) == before
    plan = services.careplans.withdraw_sign_off(plan, Discipline.PHYSICAL_THERAPY,
                                                credential(services, "Sam Lee", Discipline.PHYSICAL_THERAPY))
    plan = sign(services, plan, Discipline.PHYSICAL_THERAPY, "Sam Lee", at=AT)
    plan = services.careplans.withdraw_sign_off(plan, Discipline.PHYSICAL_THERAPY,
                                                Credential(chair.username, pin_for(chair.username)),
                                                reason="wrong case")
    assert [s.discipline for s in plan.sign_offs] == [Discipline.PHYSICIAN]
    with services.db.engine.connect() as conn:
        kept = conn.execute(sa.text(
            "SELECT name, withdrawn_by, reason FROM care_plan_withdrawals ORDER BY id")).all()
    lee = account_for(services, "Sam Lee", Discipline.PHYSICAL_THERAPY)
    assert [tuple(r) for r in kept] == [("Sam Lee", lee.id, None), ("Sam Lee", chair.id, "wrong case")]


def test_new_version_keeps_the_old_one_readable_and_diff_lists_changes(
    services: Services, sample_bundle: dict[str, Any]
) -> None:
    case = _case(services, sample_bundle)
    draft = _draft(services, case)
    draft.agreement.status = AgreementStatus.AGREED
    first = _signed(services, services.careplans.save_draft(draft))
    first_text = services.careplans.get(first.id or 0)
    second = services.careplans.new_version(first)
    assert second.plan_version == 2 and second.supersedes == first.id and second.status is PlanStatus.DRAFT
    assert second.sign_offs == [] and second.agreement.status is AgreementStatus.NOT_YET_ASKED
    with pytest.raises(InvalidInputError, match="is a draft"):
        services.careplans.new_version(second)
    with pytest.raises(InvalidInputError, match="exists already"):
        services.careplans.new_version(first)
    second.interventions[0].status = InterventionStatus.DONE
    second.goals.pop()
    second = services.careplans.save_draft(second)
    # the old version is unchanged and readable
    assert services.careplans.get(first.id or 0) == first_text
    assert services.careplans.get_version(case.id or 0, 1) == first_text
    assert [p.plan_version for p in services.careplans.history(case.id or 0)] == [1, 2]
    assert services.careplans.agreed(case.id or 0) == first_text
    sections = {s.section: s.lines for s in services.careplans.diff(first.id or 0, second.id or 0)}
    assert sections["Interventions"][0].endswith("status open \u2192 done")
    assert sections["Goals"] == (f"Removed goal \u201c{first.goals[-1].description}\u201d",)
    assert sections["Patient agreement"] == (
        "Changed patient agreement: status Agreed \u2192 Not yet asked",
    )


def test_next_conference_starts_from_previous_plan(services: Services, sample_bundle: dict[str, Any]) -> None:
    case = _case(services, sample_bundle)
    first = _signed(services, _draft(services, case))
    item_id = _conference_item(services, case, datetime(2027, 1, 14, 13, 0), copy_inputs=False)
    services.conferences.add_input(
        item_id, DisciplineInput(Discipline.PHYSICIAN, "Dr Okafor", None, "Sleep diary.")
    )
    second = services.careplans.create_draft(case.id or 0, agenda_item_id=item_id)
    assert second.plan_version == 2 and second.supersedes == first.id and second.agenda_item_id == item_id
    kept = second.interventions[: len(first.interventions)]
    assert [i.uid for i in kept] == [i.uid for i in first.interventions]
    assert not any(i.proposed for i in kept)
    assert second.interventions[-1].description == "Sleep diary." and second.interventions[-1].proposed
    assert len(second.interventions) == len(first.interventions) + 1


def test_discard_draft(services: Services, sample_bundle: dict[str, Any]) -> None:
    case = _case(services, sample_bundle)
    plan = _draft(services, case)
    stale = services.careplans.get(plan.id or 0)
    services.careplans.save_draft(plan)
    with pytest.raises(ConflictError):
        services.careplans.discard_draft(stale)
    services.careplans.discard_draft(services.careplans.get(plan.id or 0))
    assert services.careplans.current(case.id or 0) is None
    with pytest.raises(NotFoundError):
        services.careplans.get(plan.id or 0)


def test_open_actions_due(services: Services, sample_bundle: dict[str, Any]) -> None:
    one = _case(services, sample_bundle, "MDT-001")
    two = _case(services, sample_bundle, "MDT-002")
    plans = []
    for case in (one, two):
        plan = _draft(services, case)
        plan.interventions[0].due = date(2027, 1, 5)
        plan.interventions[1].due = date(2027, 1, 20)
        plan.interventions[2].due = date(2027, 1, 3)
        plan.interventions[2].status = InterventionStatus.DONE
        plans.append(services.careplans.save_draft(plan))
    # only agreed plans count: nothing is due while both are drafts
    assert services.careplans.open_actions_due(date(2027, 1, 14)) == []
    signed = [_signed(services, p) for p in plans]
    due = services.careplans.open_actions_due(date(2027, 1, 14))
    assert [(a.case_ref, a.intervention.due) for a in due] == [
        ("MDT-001", date(2027, 1, 5)), ("MDT-002", date(2027, 1, 5))
    ]
    assert due[0].patient_name == "José Ñúñez" and due[0].plan_version == 1
    assert due[0].intervention.uid == signed[0].interventions[0].uid
    only_two = services.careplans.open_actions_due(date(2027, 1, 31), case_ids=[two.id or 0])
    assert [a.intervention.due for a in only_two] == [date(2027, 1, 5), date(2027, 1, 20)]
    # a later agreed version replaces the earlier one's actions
    nxt = services.careplans.new_version(signed[0])
    nxt.interventions[0].status = InterventionStatus.DONE
    _signed(services, services.careplans.save_draft(nxt))
    due = services.careplans.open_actions_due(date(2027, 1, 14))
    assert [(a.case_ref, a.plan_version) for a in due] == [("MDT-002", 1)]
