"""The debrief PDF of a trainee at a teaching conference, read back with pypdf."""

from __future__ import annotations

import io
import os
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from mdtboard.domain.case import Case, Discipline, DisciplineInput, Patient, Scores
from mdtboard.domain.errors import InvalidInputError
from mdtboard.domain.progress import ConferenceRecord, DisciplineTime, Presentation
from mdtboard.domain.rubric import MDTBOARD_RUBRIC, Assessment, AssessorRole, Score
from mdtboard.reports.debrief import debrief_pdf, write_debrief_pdf
from mdtboard.services.files import FileWriteError

TRAINEE = "Zoë Ångström-Nguyễn"
FAC, SELF = AssessorRole.FACILITATOR, AssessorRole.SELF
PRINTED = datetime(2026, 3, 9, 17, 30)


def teaching_case() -> Case:
    return Case(
        ref="teach-crps",
        fictional=True,
        patient=Patient(display_name="Alemi Ardeno", age=41),
        title="CRPS of the right hand",
        one_liner="41-year-old violinist with 14 months of right-hand CRPS after a wrist fracture.",
        question_for_team=None,  # missing on purpose: the readiness check must say so
        presenting_complaint="Burning right-hand pain.",
        pain_history="Began after a distal radius fracture.",
        psychosocial=None,  # missing on purpose
        medications=[],
        prior_treatments=["Mirror therapy"],
        comorbidities=[],
        red_flags=["None found"],
        function_goals=["Play for 20 minutes by the summer"],
        scores=Scores(nrs=7, phq9_total=8, phq9_item9=0),
        discipline_inputs=[DisciplineInput(Discipline.PHYSICIAN, assessment="Budapest criteria met.")],
    )


def conferences() -> list[ConferenceRecord]:
    first = ConferenceRecord(
        ref="t1", held_on=date(2026, 1, 12), title="Teaching conference 1", trainees=(TRAINEE,),
        presentations=(Presentation(TRAINEE, "teach-lbp", seconds=410, target_seconds=180),),
        assessments=(Assessment(FAC, TRAINEE, "t1", case_ref="teach-lbp", assessor="Dr Priya Raman", scores=(
            Score("case.isbar.situation", 2, "No question for the team."),
            Score("case.isbar.assessment", 3),
        )),),
    )
    second = ConferenceRecord(
        ref="t2", held_on=date(2026, 2, 9), title="Teaching conference 2", trainees=(TRAINEE,),
        assessments=(Assessment(FAC, TRAINEE, "t2", assessor="Dr Priya Raman", scores=(
            Score("trainee.invites_input", 3), Score("trainee.closes_loop", 4),
        )),),
    )
    third = ConferenceRecord(
        ref="t3", held_on=date(2026, 3, 9), title="Teaching conference 3 – CRPS",
        trainees=(TRAINEE, "Kwame Mensah"),
        presentations=(Presentation(
            TRAINEE, "teach-crps", seconds=255, target_seconds=180,
            discussion=(DisciplineTime(Discipline.PHYSICIAN, 240), DisciplineTime(Discipline.PSYCHOLOGY, 80),
                        DisciplineTime(Discipline.PHYSICAL_THERAPY, 80)),
        ),),
        assessments=(
            Assessment(FAC, TRAINEE, "t3", case_ref="teach-crps", assessor="Dr Priya Raman", scores=(
                Score("case.isbar.identify", 5),
                Score("case.isbar.situation", 4),
                Score("case.isbar.background", 2, "Psychosocial history & <work> left out."),
            )),
            Assessment(SELF, TRAINEE, "t3", case_ref="teach-crps", scores=(
                Score("case.isbar.identify", 4),
                Score("case.isbar.background", 4, "I covered the treatments."),
            )),
            Assessment(FAC, TRAINEE, "t3", assessor="Dr Priya Raman", scores=(
                Score("trainee.invites_input", 1, "Physical therapy was never asked for its view."),
                Score("trainee.respects_views", 5),
            )),
            Assessment(FAC, "Kwame Mensah", "t3",
                       scores=(Score("meeting.chairing", 2, "Ran 10 minutes over."),)),
        ),
    )
    return [first, second, third]


def read_back(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


def render() -> tuple[PdfReader, str]:
    history = conferences()
    return read_back(debrief_pdf(TRAINEE, history[2], history=history, cases=[teaching_case()],
                                 generated_at=PRINTED))


def test_the_debrief_has_the_trainee_scores_comments_and_self_assessment() -> None:
    reader, text = render()
    assert reader.metadata is not None and reader.metadata.title is not None
    assert TRAINEE in reader.metadata.title
    assert f"Debrief: {TRAINEE}" in text
    assert "Teaching conference 3 – CRPS" in text
    assert "Dr Priya Raman" in text
    # facilitator beside self-assessment, with comments (escaped markup printed as written)
    assert "Background Case presentation (ISBAR) 2 / 5 Psychosocial history & <work> left out. 4 / 5 " \
           "I covered the treatments. +2" in text
    assert "Identify Case presentation (ISBAR) 5 / 5 4 / 5 -1" in text
    assert "Invites every discipline Team behaviours 1 / 5 " \
           "Physical therapy was never asked for its view." in text
    assert "not scored" in text
    # another trainee's scores are not in this debrief
    assert "Ran 10 minutes over" not in text
    assert "Chairing" not in text
    assert f"Page 1 of {len(reader.pages)}" in text


def test_the_debrief_has_timing_readiness_and_what_to_work_on_next() -> None:
    _reader, text = render()
    assert "Presentation: 04:15 against a target of 03:00, 01:15 over." in text
    assert "Physician 04:00 60%" in text and "Psychology 01:20 20%" in text
    assert "Physical therapy 01:20 20%" in text
    # the readiness check of the presented case, in plain words
    assert "Not ready: 2 missing" in text
    assert "Situation – Missing: No question for the team" in text
    assert "Background – Missing: No psychosocial history." in text
    # what to work on next: lowest first, the comment, the level-5 anchor as the goal
    section = text[text.index("What to work on next"):text.index("Progress over conferences")]
    invites = MDTBOARD_RUBRIC.item("trainee.invites_input")
    background = MDTBOARD_RUBRIC.item("case.isbar.background")
    assert section.index("1. Invites every discipline") < section.index("2. Background")
    assert section.index("2. Background") < section.index("3. Situation")
    assert f"Aim for: {invites.goal}" in section
    assert f"Aim for: {background.goal}" in section
    assert "Seen: Physical therapy was never asked for its view." in section
    assert "Identify" not in section  # a 5 needs no work


def test_the_debrief_charts_progress_per_domain_and_presentation_time() -> None:
    _reader, text = render()
    progress = text[text.index("Progress over conferences"):]
    assert "3 conference(s) attended, 2 presentation(s) given" in progress
    for heading in ("Case presentation (ISBAR)", "Team behaviours", "Presentation time"):
        assert heading in progress
    assert "Discipline contribution" not in progress  # nothing scored there: no empty chart
    assert "12 Jan 2026" in progress and "09 Feb 2026" in progress and "09 Mar 2026" in progress
    # the points are labelled with their values: presentation means 2.5 then 3.7; teamwork 3.5 then 3.0
    assert "2.5" in progress and "3.7" in progress
    assert "06:50" in progress and "04:15" in progress


def test_later_conferences_are_left_out_of_an_earlier_debrief() -> None:
    history = conferences()
    _reader, text = read_back(debrief_pdf(TRAINEE, history[0], history=history, generated_at=PRINTED))
    assert "1 conference(s) attended, 1 presentation(s) given" in text
    assert "09 Mar 2026" not in text
    assert "The case was not available, so it could not be checked." in text


def test_a_trainee_who_did_not_take_part_gets_no_debrief() -> None:
    with pytest.raises(InvalidInputError) as raised:
        debrief_pdf("Someone Else", conferences()[2])
    assert raised.value.problems[0].where == "trainee"


def test_an_assessment_that_breaks_the_rules_is_refused() -> None:
    bad = ConferenceRecord(ref="t9", held_on=date(2026, 4, 1), trainees=(TRAINEE,), assessments=(
        Assessment(FAC, TRAINEE, "t9", scores=(Score("trainee.closes_loop", 2),)),))
    with pytest.raises(InvalidInputError) as raised:
        debrief_pdf(TRAINEE, bad)
    assert [p.where for p in raised.value.problems] == ["facilitator assessment: trainee.closes_loop"]


def test_a_trainee_without_scores_or_presentations_still_gets_a_plain_debrief() -> None:
    quiet = ConferenceRecord(ref="t4", held_on=date(2026, 4, 6), title="Teaching 4", trainees=(TRAINEE,))
    _reader, text = read_back(debrief_pdf(TRAINEE, quiet, generated_at=PRINTED))
    assert "No scores were recorded for this trainee at this conference." in text
    assert "No case was presented by this trainee at this conference." in text
    assert "The facilitator has not scored this conference yet." in text
    assert "Nothing to chart yet." in text


def test_write_debrief_pdf_writes_atomically(tmp_path: Path) -> None:
    history = conferences()
    target = tmp_path / "debrief.pdf"
    written = write_debrief_pdf(TRAINEE, history[2], target, history=history, generated_at=PRINTED)
    assert written == target
    _reader, text = read_back(target.read_bytes())
    assert TRAINEE in text
    with pytest.raises(FileWriteError):
        write_debrief_pdf(TRAINEE, history[2], tmp_path / "no such folder" / "debrief.pdf")
    assert sorted(os.listdir(tmp_path)) == ["debrief.pdf"]


def test_the_page_size_is_a4_or_letter() -> None:
    history = conferences()
    reader, _text = read_back(debrief_pdf(TRAINEE, history[2], history=history, size="Letter"))
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [612, 792]
    reader, _text = read_back(debrief_pdf(TRAINEE, history[2], history=history))
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [595, 842]
    with pytest.raises(InvalidInputError):
        debrief_pdf(TRAINEE, history[2], size="A5")


def test_the_facilitator_guide_of_a_bank_case_is_shown_at_the_debrief() -> None:
    from dataclasses import replace

    from mdtboard.domain.facilitator_guides import guide_for

    history = conferences()
    bank_case = replace(teaching_case(), ref="TEACH-02")
    third = replace(history[2], presentations=(replace(history[2].presentations[0], case_ref="TEACH-02"),))
    _reader, text = read_back(debrief_pdf(TRAINEE, third, history=history, cases=[bank_case],
                                          generated_at=PRINTED))
    guide = guide_for("TEACH-02")
    assert guide is not None
    assert "Facilitator guide: TEACH-02" in text
    assert "Canada, Ontario" in text and "pregnancy" in text
    assert "mdtboard does not flag it: the team had to find it" in text
    assert "<b>" not in text and "&lt;" not in text and "Setting: Canada, Ontario" in text
    # a case that is not in the bank has no guide
    _reader, plain = render()
    assert "Facilitator guide" not in plain


def test_two_raters_are_each_shown_beside_the_self_assessment_with_their_spread() -> None:
    from dataclasses import replace

    history = conferences()
    third = history[2]
    second_rater = Assessment(FAC, TRAINEE, "t3", case_ref="teach-crps", assessor="Chidi Okafor (physio)",
                              scores=(Score("case.isbar.identify", 3), Score("case.isbar.situation", 4)))
    third = replace(third, assessments=(*third.assessments, second_rater))
    _reader, text = read_back(debrief_pdf(TRAINEE, third, history=history, cases=[teaching_case()],
                                          generated_at=PRINTED))
    assert "scored by Dr Priya Raman" in text and "scored by Chidi Okafor (physio)" in text
    assert "Raters compared." in text
    assert "Identify: 5 (Dr Priya Raman), 3 (Chidi Okafor (physio)), spread 2" in text
    # one rater: no names in the headings, no comparison line
    _reader, plain = render()
    assert "scored by" not in plain and "Raters compared" not in plain
