"""TrainingService on SQLite and PostgreSQL: timing, progress over three conferences, the programme
overview, and the debrief PDF of a trainee read back with pypdf."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import table_snapshot
from pypdf import PdfReader
from training_setup import FACILITATOR, KWAME, ZOE, load_bank, teaching_conference

from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import ConferenceMode
from mdtboard.domain.errors import ConflictError, InvalidInputError, NotFoundError
from mdtboard.domain.progress import DisciplineTime
from mdtboard.domain.rubric import AssessorRole, RubricDomain, Score
from mdtboard.domain.timers import PRESENTATION, CaseTimer, FakeClock, Phase
from mdtboard.reports.training_debrief import debrief_for, write_debrief
from mdtboard.services.context import Services
from mdtboard.services.files import FileWriteError
from mdtboard.services.training import timing_from_case_timer

FAC, SELF = AssessorRole.FACILITATOR, AssessorRole.SELF
NGOZI = "Ngozi Okonkwo-Adébáyọ̀"


def test_timing_is_stored_in_seconds_with_versions(services: Services) -> None:
    bank = load_bank(services)
    conf = teaching_conference(services, "Timing", datetime(2026, 3, 9, 13), [bank["TEACH-01"]])
    item_id = conf.agenda[0].id or 0
    training = services.training
    assert training.timing(item_id) is None
    first = training.record_timing(
        item_id,
        presentation_seconds=255.5,
        target_seconds=180,
        discussion={Discipline.PSYCHOLOGY: 80, Discipline.PHYSICIAN: 240},
    )
    assert (first.presentation_seconds, first.target_seconds, first.version) == (255.5, 180, 0)
    assert first.discussion == (
        DisciplineTime(Discipline.PHYSICIAN, 240),
        DisciplineTime(Discipline.PSYCHOLOGY, 80),
    )
    second = training.record_timing(item_id, presentation_seconds=None, seen_version=0)
    assert (second.presentation_seconds, second.target_seconds, second.discussion, second.version) == (
        None,
        300,
        (),
        1,
    )
    before = table_snapshot(services.db)
    with pytest.raises(ConflictError):
        training.record_timing(item_id, presentation_seconds=10, seen_version=0)
    with pytest.raises(InvalidInputError) as info:
        training.record_timing(
            item_id,
            presentation_seconds=-1,
            target_seconds=0,
            seen_version=1,
            discussion={Discipline.NURSING: float("nan")},
        )
    assert [p.where for p in info.value.problems] == [
        "presentation_seconds",
        "target_seconds",
        "discussion.nursing",
    ]
    assert table_snapshot(services.db) == before


def test_timing_from_the_presentation_timers() -> None:
    clock = FakeClock()
    timer = CaseTimer(12, clock)
    timer.enter_phase(PRESENTATION)
    timer.mark_floor(Discipline.PHYSICIAN)  # the presenter is a physician trainee
    timer.start()
    clock.advance(200)
    timer.enter_phase(Phase.turn(Discipline.PSYCHOLOGY))
    timer.mark_floor(Discipline.PSYCHOLOGY)
    clock.advance(90)
    timer.mark_floor(Discipline.PHYSICIAN)
    timer.enter_phase(Phase.turn(Discipline.PHYSICIAN))
    clock.advance(30)
    timer.stop()
    presentation, discussion = timing_from_case_timer(timer.timing())
    # the presenter's 200 s at the start are presentation, not the physician's share of the discussion
    assert presentation == 200
    assert discussion == {Discipline.PSYCHOLOGY: 90, Discipline.PHYSICIAN: 30}


def _programme(services: Services) -> list[int]:
    """Three teaching conferences (January to March) and a clinical one; returns the teaching ones' ids."""
    bank = load_bank(services)
    training = services.training
    ids = []
    plan = [
        ("Teaching 1", datetime(2026, 1, 12, 13), ["TEACH-01"], (ZOE, KWAME)),
        ("Teaching 2", datetime(2026, 2, 9, 13), ["TEACH-03", "TEACH-06"], (ZOE, KWAME, NGOZI)),
        ("Teaching 3", datetime(2026, 3, 9, 13), ["TEACH-02"], (ZOE, KWAME)),
    ]
    for title, when, refs, trainees in plan:
        conf = teaching_conference(services, title, when, [bank[r] for r in refs], trainees=trainees)
        assert conf.id is not None
        ids.append(conf.id)
    c1, c2, c3 = (services.conferences.get(i) for i in ids)
    item1, item3 = c1.agenda[0], c3.agenda[0]
    # Zoë presents in January and March; Kwame and Ngozi in February
    training.assign_role(item1.id or 0, ZOE)
    training.assign_role(item1.id or 0, KWAME, Discipline.PSYCHOLOGY)
    training.assign_role(c2.agenda[0].id or 0, KWAME)
    training.assign_role(c2.agenda[1].id or 0, NGOZI)
    training.assign_role(item3.id or 0, ZOE)
    training.record_timing(item1.id or 0, presentation_seconds=410, target_seconds=180)
    training.record_timing(
        item3.id or 0,
        presentation_seconds=255,
        target_seconds=180,
        discussion={Discipline.PHYSICIAN: 240, Discipline.PSYCHOLOGY: 80},
    )
    def save(*args: Any, **kwargs: Any) -> None:
        """Save and submit (a trainee's debrief shows only submitted scores)."""
        stored = training.save_assessment(*args, **kwargs)
        training.submit_assessment(stored.id, seen_version=stored.version)
    save(
        c1.id or 0,
        ZOE,
        FAC,
        [Score("case.isbar.situation", 2, "No question for the team."), Score("case.isbar.assessment", 3)],
        case_id=item1.case_id,
        assessor=FACILITATOR,
    )
    save(c1.id or 0, KWAME, FAC, [Score("case.discipline.psychology", 4)], case_id=item1.case_id)
    save(
        c2.id or 0,
        ZOE,
        FAC,
        [Score("trainee.invites_input", 3), Score("trainee.closes_loop", 4)],
        assessor=FACILITATOR,
    )
    save(
        c3.id or 0,
        ZOE,
        FAC,
        [
            Score("case.isbar.identify", 5),
            Score("case.isbar.situation", 4),
            Score("case.isbar.background", 2, "Psychosocial history & <work> left out."),
        ],
        case_id=item3.case_id,
        assessor=FACILITATOR,
    )
    save(
        c3.id or 0,
        ZOE,
        SELF,
        [Score("case.isbar.identify", 4), Score("case.isbar.background", 4, "I covered the treatments.")],
        case_id=item3.case_id,
    )
    save(
        c3.id or 0,
        ZOE,
        FAC,
        [
            Score("trainee.invites_input", 1, "Physical therapy was never asked."),
            Score("trainee.respects_views", 5),
        ],
        assessor=FACILITATOR,
    )
    clinical = teaching_conference(
        services, "Pain MDT", datetime(2026, 2, 20, 13), [bank["TEACH-04"]], mode=ConferenceMode.CLINICAL
    )
    assert clinical.id is not None
    return ids


def test_progress_of_a_trainee_over_three_conferences(services: Services) -> None:
    ids = _programme(services)
    progress = services.training.trainee_progress("zoë ångström-nguyễn")
    assert progress.trainee == ZOE
    assert progress.conferences == tuple(
        (str(i), d) for i, d in zip(ids, [date(2026, 1, 12), date(2026, 2, 9), date(2026, 3, 9)], strict=True)
    )
    assert (progress.conferences_attended, progress.presentations_given) == (3, 2)
    presentation = progress.series(RubricDomain.PRESENTATION).points
    assert [(p.held_on, round(p.mean, 2), p.count) for p in presentation] == [
        (date(2026, 1, 12), 2.5, 2),
        (date(2026, 3, 9), 3.67, 3),
    ]
    teamwork = progress.series(RubricDomain.TEAMWORK).points
    assert [(p.held_on, p.mean) for p in teamwork] == [(date(2026, 2, 9), 3.5), (date(2026, 3, 9), 3.0)]
    assert progress.series(RubricDomain.MEETING).points == ()
    assert [(t.held_on, t.seconds, t.target_seconds, t.case_ref) for t in progress.presentation_time] == [
        (date(2026, 1, 12), 410, 180, "TEACH-01"),
        (date(2026, 3, 9), 255, 180, "TEACH-02"),
    ]
    # the self-assessment is not mixed into the facilitator's series
    own = services.training.conference_record(ids[2]).assessments_of(ZOE, SELF)
    assert len(own) == 1 and own[0].case_ref == "TEACH-02"


def test_programme_overview(services: Services) -> None:
    _programme(services)
    overview = services.training.programme_overview()
    assert overview.conferences == 3  # the clinical conference is not part of the programme
    rows = [
        (t.trainee, t.conferences_attended, t.presentations_given, t.first_conference, t.last_conference)
        for t in overview.trainees
    ]
    assert rows == [
        (KWAME, 3, 1, date(2026, 1, 12), date(2026, 3, 9)),
        (NGOZI, 1, 1, date(2026, 2, 9), date(2026, 2, 9)),
        (ZOE, 3, 2, date(2026, 1, 12), date(2026, 3, 9)),
    ]


def _read(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_debrief_pdf_from_the_database(services: Services, tmp_path: Path) -> None:
    ids = _programme(services)
    inputs = services.training.debrief_inputs(ids[2], ZOE)
    reader, text = _read(debrief_for(inputs, generated_at=datetime(2026, 3, 9, 17)))
    assert reader.metadata is not None and ZOE in (reader.metadata.title or "")
    assert f"Debrief: {ZOE}" in text and "Teaching 3" in text and FACILITATOR in text
    # facilitator beside self-assessment with comments, escaped markup printed as written
    assert (
        "Background Case presentation (ISBAR) 2 / 5 Psychosocial history & <work> left out. 4 / 5 "
        "I covered the treatments. +2"
    ) in text
    assert "Invites every discipline Team behaviours 1 / 5 Physical therapy was never asked." in text
    # timing against the target and the discussion share, the readiness check of the bank case
    assert "Presentation: 04:15 against a target of 03:00, 01:15 over." in text
    assert "Physician 04:00 75%" in text and "Psychology 01:20 25%" in text
    assert "Readiness check (ISBAR)" in text and "TEACH-02" in text
    assert "What to work on next" in text and "1. Invites every discipline" in text
    # progress up to this conference: three conferences, two presentations
    assert "3 conference(s) attended, 2 presentation(s) given" in text
    assert f"Page 1 of {len(reader.pages)}" in text
    # another trainee's debrief holds only their own scores
    _reader, kwame = _read(debrief_for(services.training.debrief_inputs(ids[0], KWAME)))
    assert "Psychology contribution" in kwame and "No question for the team" not in kwame
    # written atomically; a failed write leaves the earlier file intact
    path = write_debrief(inputs, tmp_path / "debrief.pdf", size="Letter")
    letter, written = _read(path.read_bytes())
    assert f"Debrief: {ZOE}" in written
    assert round(float(letter.pages[0].mediabox.width)) == 612  # US Letter
    earlier = path.read_bytes()
    (tmp_path / "blocked").mkdir()
    with pytest.raises(FileWriteError):
        write_debrief(services.training.debrief_inputs(ids[2], ZOE), tmp_path / "blocked")
    assert path.read_bytes() == earlier


def test_debrief_of_someone_who_took_no_part_is_refused(services: Services) -> None:
    ids = _programme(services)
    with pytest.raises(InvalidInputError, match="took no part"):
        debrief_for(services.training.debrief_inputs(ids[0], NGOZI))  # Ngozi attended only in February
    with pytest.raises(NotFoundError):
        debrief_for(services.training.debrief_inputs(999_999, ZOE))
