"""Follow-through: progress on the actions of a signed plan (done, not done with a reason, carried forward to
a new date) is recorded without a new version, kept with who recorded it and when; the follow-ups of the
next conference leave out what is done and use the new date of what was carried forward."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from careplan_setup import agreed_plan, conference_item
from conftest import SAMPLE_CASES

from mdtboard.domain.careplan_progress import ProgressState, action_mark
from mdtboard.domain.errors import InvalidInputError, NotFoundError
from mdtboard.interchange.bundle import import_files
from mdtboard.services.context import Services

AT = datetime(2027, 1, 21, 14, 0, tzinfo=UTC)


def test_progress_is_recorded_without_a_new_version(services: Services) -> None:
    import_files(services.cases, [SAMPLE_CASES])
    case = services.cases.get_by_ref("MDT-001")
    plan = agreed_plan(services, case)
    assert plan.id is not None and case.id is not None
    first, second, third = plan.agreed_interventions()[:3]
    before = services.careplans.open_actions_due(date(2027, 2, 1), case_ids=[case.id])
    assert {a.intervention.uid for a in before} >= {first.uid, second.uid, third.uid}

    item = conference_item(services, case, datetime(2027, 1, 21, 13, 0), copy_inputs=False)
    done = services.careplans.record_progress(plan.id, first.uid, ProgressState.DONE,
                                              recorded_by="Dr Okafor", agenda_item_id=item, at=AT)
    assert done.id is not None and done.recorded_at == AT and done.text == "Done"
    services.careplans.record_progress(plan.id, second.uid, ProgressState.NOT_DONE, recorded_by="Sam Lee",
                                       reason="  the patient was in hospital ", at=AT)
    services.careplans.record_progress(plan.id, third.uid, ProgressState.CARRIED_FORWARD,
                                       recorded_by="Dr Okafor", new_due=date(2027, 3, 4), at=AT)
    progress = services.careplans.progress(plan.id)
    assert progress[second.uid].text == "Not done: the patient was in hospital"
    assert progress[third.uid].text == "Carried forward to 4\u00a0Mar\u00a02027"
    day = f"{AT.astimezone():%-d}\u00a0Jan\u00a02027"
    assert progress[first.uid].recorded_text == f"recorded by Dr Okafor, {day}"
    # no new version: the signed plan is as it was
    again = services.careplans.current(case.id)
    assert again is not None and again.id == plan.id and again.version == plan.version and again.signed
    # the follow-ups: done is closed, not done stays, carried forward is due by its new date
    after = {a.intervention.uid: a for a in services.careplans.open_actions_due(date(2027, 2, 1),
                                                                                 case_ids=[case.id])}
    assert first.uid not in after and third.uid not in after
    assert after[second.uid].progress is not None
    later = {a.intervention.uid: a for a in services.careplans.open_actions_due(date(2027, 3, 5),
                                                                                 case_ids=[case.id])}
    assert later[third.uid].intervention.due == date(2027, 3, 4)
    # marks say what they mean
    today = date(2027, 1, 25)
    assert action_mark(first, progress[first.uid], today) == "done"
    assert action_mark(second, progress[second.uid], today) == "not done"
    assert action_mark(third, progress[third.uid], today) == "due"
    assert action_mark(plan.agreed_interventions()[3], None, today) == "overdue"
    # a mistaken "done" is put right by recording again; the latest counts
    services.careplans.record_progress(plan.id, first.uid, ProgressState.NOT_DONE, recorded_by="Sam Lee",
                                       reason="recorded as done by mistake")
    assert services.careplans.progress(plan.id)[first.uid].state is ProgressState.NOT_DONE


def test_bad_progress_is_refused_and_nothing_is_stored(services: Services) -> None:
    import_files(services.cases, [SAMPLE_CASES])
    case = services.cases.get_by_ref("MDT-004")
    plan = agreed_plan(services, case)
    assert plan.id is not None and case.id is not None
    uid = plan.agreed_interventions()[0].uid
    cases = [
        (dict(state=ProgressState.NOT_DONE, recorded_by="Dr Okafor"), "reason: say why"),
        (dict(state=ProgressState.CARRIED_FORWARD, recorded_by="Dr Okafor"), "new_due: give the new date"),
        (dict(state=ProgressState.DONE, recorded_by="  "), "recorded_by: say who"),
        (dict(state="finished", recorded_by="Dr Okafor"), "state: 'finished' is not one of"),
    ]
    for kwargs, message in cases:
        state = kwargs.pop("state")
        with pytest.raises(InvalidInputError) as refused:
            services.careplans.record_progress(plan.id, uid, state, **kwargs)  # type: ignore[arg-type]
        assert message in str(refused.value)
    with pytest.raises(NotFoundError):
        services.careplans.record_progress(plan.id, "no-such-action", ProgressState.DONE, recorded_by="X")
    draft = services.careplans.new_version(plan)
    assert draft.id is not None
    with pytest.raises(InvalidInputError, match="progress is recorded on agreed"):
        services.careplans.record_progress(draft.id, uid, ProgressState.DONE, recorded_by="Dr Okafor")
    assert services.careplans.progress(plan.id) == {} and services.careplans.progress(draft.id) == {}


def test_the_team_paper_shows_the_follow_through(services: Services) -> None:
    from careplan_pdf_reading import read_pdf

    from mdtboard.reports.papers import Audience, paper_bytes

    import_files(services.cases, [SAMPLE_CASES])
    case = services.cases.get_by_ref("MDT-002")
    plan = agreed_plan(services, case)
    assert plan.id is not None
    first, second = plan.agreed_interventions()[:2]
    services.careplans.record_progress(plan.id, first.uid, ProgressState.DONE, recorded_by="Dr Okafor", at=AT)
    services.careplans.record_progress(plan.id, second.uid, ProgressState.NOT_DONE, recorded_by="Sam Lee",
                                       reason="waiting list closed", at=AT)
    signed = read_pdf(paper_bytes(services.printout("MDT-002"), Audience.TEAM, summary=False), training=True)
    assert "Not done: waiting list closed" in signed.flat  # the status of the signed plan's action
    assert "Follow-through of version" not in signed.flat
    second_version = services.careplans.new_version(plan)  # the draft shown and printed in the meeting
    draft = read_pdf(paper_bytes(services.printout("MDT-002", second_version), Audience.TEAM, summary=False),
                     training=True)
    assert "Follow-through of version 1" in draft.flat
    assert "Not done: waiting list closed (recorded by Sam Lee," in draft.flat
    assert "Done (recorded by Dr Okafor," in draft.flat
