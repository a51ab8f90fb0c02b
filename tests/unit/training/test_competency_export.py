"""The per-trainee export for the competency committee: CSV parsed back and PDF read back with pypdf; only
submitted assessments, each rater by name, items with their ACGME, CanMEDS and IPEC codes, goals and
whether they were met."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

from pypdf import PdfReader
from training_setup import ZOE, load_bank, teaching_conference

from mdtboard.domain.blind import GoalKind, GoalOutcome
from mdtboard.domain.rubric import MDTBOARD_RUBRIC, AssessorRole, Score
from mdtboard.interchange.competency_csv import COLUMNS, competency_csv, write_competency_csv
from mdtboard.reports.competency import write_competency_pdf
from mdtboard.services.context import Services

FAC, SELF = AssessorRole.FACILITATOR, AssessorRole.SELF
RAMAN, OKAFOR = "Dr Priya Raman", "Chidi Okafor (physiotherapist)"


def _scored(services: Services) -> None:
    bank = load_bank(services)
    training = services.training
    march = teaching_conference(services, "March teaching", datetime(2026, 3, 9, 13), [bank["TEACH-13"]])
    april = teaching_conference(services, "April teaching", datetime(2026, 4, 13, 13), [bank["TEACH-16"]])
    assert march.id is not None and april.id is not None
    own = training.save_assessment(march.id, ZOE, SELF, [Score("case.isbar.situation", 4)],
                                   case_id=bank["TEACH-13"])
    training.submit_assessment(own.id, seen_version=own.version)
    for rater, value in ((RAMAN, 2), (OKAFOR, 3)):
        done = training.save_assessment(march.id, ZOE, FAC,
                                        [Score("case.isbar.situation", value, "Two asks.")],
                                        case_id=bank["TEACH-13"], assessor=rater)
        training.submit_assessment(done.id, seen_version=done.version)
    training.set_goals(march.id, ZOE, [(GoalKind.CHANGE, "Ask one question only.")], rater=RAMAN)
    (goal,) = training.goals_to_review(april.id, ZOE)
    training.review_goal(goal.id or 0, GoalOutcome.MET, conference_id=april.id, seen_version=goal.version)
    later = training.save_assessment(april.id, ZOE, FAC, [Score("case.isbar.situation", 4)],
                                     case_id=bank["TEACH-16"], assessor=RAMAN)
    training.submit_assessment(later.id, seen_version=later.version)
    # not submitted: left out of the export
    training.save_assessment(april.id, ZOE, FAC, [Score("case.isbar.situation", 1, "Draft.")],
                             case_id=bank["TEACH-16"], assessor=OKAFOR)


def test_the_csv_reads_back_with_every_submitted_score_rater_mapping_and_goal(
    services: Services, tmp_path: Path
) -> None:
    _scored(services)
    record = services.training.competency_record(ZOE)
    path = write_competency_csv(record, tmp_path / "zoe.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))
    assert tuple(rows[0]) == COLUMNS
    scores = [r for r in rows if r["record"] == "score"]
    assert [(r["date"], r["rater"], r["score"]) for r in scores] == [
        ("2026-03-09", "self", "4"), ("2026-03-09", RAMAN, "2"), ("2026-03-09", OKAFOR, "3"),
        ("2026-04-13", RAMAN, "4"),
    ]
    situation = MDTBOARD_RUBRIC.item("case.isbar.situation")
    assert scores[1]["item"] == situation.title and scores[1]["case"] == "TEACH-13"
    assert scores[1]["acgme_pain_medicine"] == " | ".join(situation.frameworks["acgme_pain_medicine"])
    assert scores[1]["canmeds"] and scores[1]["ipec"] and scores[1]["comment"] == "Two asks."
    (goal,) = [r for r in rows if r["record"] == "goal"]
    assert (goal["date"], goal["goal"], goal["agreed_with"], goal["outcome"]) == (
        "2026-03-09", "Ask one question only.", RAMAN, "met")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # spreadsheets read the accents
    assert path.read_bytes()[3:].decode("utf-8") == competency_csv(record)


def test_the_pdf_reads_back(services: Services, tmp_path: Path) -> None:
    _scored(services)
    record = services.training.competency_record(ZOE)
    path = write_competency_pdf(record, tmp_path / "zoe.pdf")
    text = " ".join((page.extract_text() or "") for page in PdfReader(path).pages)
    text = " ".join(text.split())
    assert ZOE in text and "2026-03-09 to 2026-04-13" in text
    title = MDTBOARD_RUBRIC.item("case.isbar.situation").title
    assert f"{title} 2.5 (2) 4.0 (1)" in text  # raters' mean and how many, per conference
    code = MDTBOARD_RUBRIC.item("case.isbar.situation").frameworks["acgme_pain_medicine"][0]
    assert code.split(" ")[0] in text
    assert RAMAN in text and OKAFOR in text
    assert "Ask one question only." in text and "met" in text
    assert "Draft." not in text  # the unsubmitted assessment
