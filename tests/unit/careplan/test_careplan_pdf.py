"""The care plan PDF, read back with pypdf: everything printed, nothing clipped, fonts embedded, marks on
every page, written atomically."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from careplan_pdf_reading import font_problems, read_pdf, squash
from careplan_setup import accepted_draft, sign_all
from conftest import SAMPLE_CASES

from mdtboard.domain.careplan import Goal, PlanStatus
from mdtboard.domain.case import (
    Case,
    DailyDose,
    Discipline,
    DisciplineInput,
    Medication,
    Patient,
    Scores,
)
from mdtboard.domain.errors import InvalidInputError
from mdtboard.domain.mme import mme_report
from mdtboard.domain.scoring import PHQ_GAD_ATTRIBUTION
from mdtboard.interchange.bundle import import_files
from mdtboard.reports.care_plan import CarePlanDocument, care_plan_pdf_bytes, write_care_plan_pdf
from mdtboard.reports.page import TRAINING_MARK
from mdtboard.services.context import Services
from mdtboard.services.files import FileWriteError
from mdtboard.storage.db import open_database

SAMPLE_REFS = ("MDT-001", "MDT-002", "MDT-004", "MDT-006", "MDT-008")
AT = datetime(2026, 12, 3, 14, 30, tzinfo=UTC)


@pytest.fixture
def sqlite_services(sqlite_database_url: str) -> Iterator[Services]:
    db = open_database(sqlite_database_url)
    services = Services.on(db)
    import_files(services.cases, [SAMPLE_CASES])
    yield services
    db.dispose()


def _every_page(pdf: Any, needle: str) -> None:
    missing = [i for i, text in enumerate(pdf.pages, start=1) if needle not in text]
    assert not missing, f"{needle!r} missing on pages {missing}"


@pytest.mark.parametrize("ref", SAMPLE_REFS)
def test_sample_case_prints_everything(sqlite_services: Services, tmp_path: Path, ref: str) -> None:
    case = sqlite_services.cases.get_by_ref(ref)
    out = write_care_plan_pdf(sqlite_services.printout(ref), tmp_path / f"{ref}.pdf")
    pdf = read_pdf(out.read_bytes(), training=case.fictional)
    n = len(pdf.pages)
    assert n >= 3
    for page_no, text in enumerate(pdf.pages, start=1):
        assert f"Page {page_no} of {n}" in text
    assert "page 1 of" in pdf.pages[0].lower()
    _every_page(pdf, TRAINING_MARK)
    _every_page(pdf, "DRAFT")  # no plan agreed yet: a draft built from the inputs
    assert case.patient.display_name in pdf.pages[0]
    body = pdf.flat_body
    for inp in case.discipline_inputs or []:
        assert squash(inp.recommendations or "") in body, inp.discipline
        assert squash(inp.assessment or "") in body, inp.discipline
    for med in case.medications or []:
        assert "".join(med.name.split()) in pdf.compact
    total = mme_report(case.medications).total_text
    assert f"Total: {total} MME/day" in pdf.flat
    assert "Sharing restrictions apply" not in pdf.text  # none recorded for the samples
    assert "Goals the patient owns" in pdf.pages[0]  # the plan first, the case summary as an appendix
    assert squash(PHQ_GAD_ATTRIBUTION) in pdf.flat  # PHQ-9 and GAD-7 are shown for every sample case
    for flag in case.red_flags or []:
        assert squash(flag) in body
    assert font_problems(pdf.reader) == []


def test_names_print_with_their_accents(sqlite_services: Services) -> None:
    for ref, name in (("MDT-001", "José Ñúñez"), ("MDT-002", "Zoë Ørsted")):
        pdf = read_pdf(care_plan_pdf_bytes(sqlite_services.printout(ref)), training=True)
        _every_page(pdf, name)


def _hoa(services: Services) -> Case:
    return services.cases.create(Case(
        ref="REAL-7",
        fictional=False,
        patient=Patient("Nguyễn Thị Hoa", age=58, sex="female"),
        title="Widespread pain with low mood",
        one_liner="58-year-old with 6 years of widespread pain.",
        sharing_restrictions="Do not share with the employer. Interpreter: Vietnamese.",
        medications=[
            Medication("morphine sulfate modified-release", "30 mg", "oral", "twice daily",
                       daily_dose=DailyDose(60, "mg")),
            Medication("diazepam", "5 mg", "oral", "at night"),
        ],
        scores=Scores(nrs=8, phq9_total=17, phq9_item9=1),
        discipline_inputs=[
            DisciplineInput(Discipline.PHYSICIAN, "Dr Trần", "Sensitisation.", "Slow morphine taper."),
            DisciplineInput(
                Discipline.PSYCHOLOGY, "Ana Ruiz", "Low mood, passive thoughts.", "Safety plan today."
            ),
        ],
    ))


def test_safety_notice_restrictions_and_a_real_case(sqlite_services: Services) -> None:
    _hoa(sqlite_services)
    pdf = read_pdf(care_plan_pdf_bytes(sqlite_services.printout("REAL-7")), training=False)
    first = squash(pdf.pages[0])
    assert "Nguyễn Thị Hoa" in first
    # the restriction itself is never printed: a discreet notice says whom to ask
    notice = "Sharing restrictions apply: ask the clinician who recorded them before discussing details"
    assert notice in first  # the shared wording (domain.privacy.sharing_notice)
    assert "employer" not in pdf.flat
    assert "SAFETY: PHQ-9 item 9 (thoughts of self-harm) is 1 of 3." in first
    assert "SAFETY: PHQ-9 item 9" in squash(pdf.body.split("Scores", 1)[1])  # again beside the scores
    assert TRAINING_MARK not in pdf.text  # a real case carries no training mark
    assert "Opioid with a benzodiazepine" in pdf.flat
    assert "Total: 60 MME/day" in pdf.flat
    assert font_problems(pdf.reader) == []


def _long_case() -> Case:
    words = [
        "pain", "sleep", "walking", "flare", "pacing", "mood", "work", "family", "exercise", "medicine",
        "review", "goal", "function", "hip", "knee", "back", "nerve", "burning", "aching", "stiffness",
        "fatigue",
    ]

    def paragraph(seed: int, n: int) -> str:
        return " ".join(words[(seed * 7 + i * 3) % len(words)] for i in range(n))

    history = "\n\n".join(f"{paragraph(i, 90)} HISTMARK{i:02d}." for i in range(30)) + " ENDOFHISTORY"
    meds = [
        Medication(f"medicine{i:02d}", f"{i + 1} mg", "oral", "twice daily with food and plenty of water")
        for i in range(13)
    ] + [
        Medication("oxycodone", "10 mg", "oral", "every 6 hours", daily_dose=DailyDose(40, "mg")),
        Medication("tramadol", "50 mg", "oral", "three times daily", daily_dose=DailyDose(150, "mg")),
    ]
    long_assessment = (
        "\n\n".join(f"{paragraph(i, 120)} ASSMARK{i:02d}." for i in range(20)) + " ENDOFASSESSMENT"
    )
    one_point = paragraph(3, 2400) + " ENDOFONEPOINT"  # one recommendation taller than a page
    return Case(
        ref="LONG-1",
        fictional=True,
        patient=Patient("Zoë Ørsted-Nguyễn", age=61),
        title="A case with very long texts",
        pain_history=history,
        medications=meds,
        red_flags=[f"{paragraph(i, 30)} FLAGMARK{i}" for i in range(6)],
        function_goals=[f"{paragraph(i, 60)} GOALMARK{i}" for i in range(5)],
        discipline_inputs=[
            DisciplineInput(Discipline.PHYSICIAN, "Dr Long", long_assessment, "\n".join(
                f"{paragraph(i, 40)} RECMARK{i:02d}" for i in range(25)
            )),
            DisciplineInput(Discipline.PHYSICAL_THERAPY, "Sam Lee", "Short.", one_point),
        ],
    )


def test_long_texts_print_in_full_over_many_pages(sqlite_services: Services) -> None:
    case = sqlite_services.cases.create(_long_case())
    pdf = read_pdf(care_plan_pdf_bytes(sqlite_services.printout(case.ref)), training=True)
    n = len(pdf.pages)
    assert n >= 10
    _every_page(pdf, TRAINING_MARK)
    for page_no, text in enumerate(pdf.pages, start=1):
        assert f"Page {page_no} of {n}" in text
    body = pdf.flat_body
    assert squash(case.pain_history or "") in body
    assert body.count("ENDOFHISTORY") == 1
    for i in range(30):
        assert f"HISTMARK{i:02d}" in body
    for med in case.medications or []:
        assert med.name in body
    assert "Total: at least 90 MME/day: 13 lines not counted" in body  # medicine00-12 are not recognised
    for inp in case.discipline_inputs or []:
        assert squash(inp.assessment or "") in body
        assert squash(inp.recommendations or "") in body
    # recommendations not yet accepted are not printed as agreed interventions
    assert body.count("ENDOFONEPOINT") == 1
    for i in range(25):
        assert body.count(f"RECMARK{i:02d}") == 1  # in the discipline's input only
    for i in range(5):
        assert f"GOALMARK{i}" in body


def test_signed_plan_prints_sign_offs_without_draft_marks(services: Services) -> None:
    import_files(services.cases, [SAMPLE_CASES])
    case = services.cases.get_by_ref("MDT-001")
    leads = {
        Discipline.PHYSICIAN: "Dr Amara Okafor",
        Discipline.PHYSICAL_THERAPY: "Sam Lee",
        Discipline.PSYCHOLOGY: "Ana Ruiz-Ørsted",
    }
    plan = accepted_draft(services, case, leads=leads)
    plan.goals[0] = Goal(plan.goals[0].description, "hours a day at work", "0", "4", date(2027, 1, 28),
                         plan.goals[0].uid)
    plan = services.careplans.save_draft(plan)
    assert services.careplans.required_sign_offs(plan) == tuple(leads)
    plan = sign_all(services, plan, leads=leads)
    assert plan.status is PlanStatus.SIGNED
    pdf = read_pdf(care_plan_pdf_bytes(services.printout("MDT-001")), training=True)
    assert "DRAFT" not in pdf.text
    for name in ("Dr Amara Okafor", "Sam Lee", "Ana Ruiz-Ørsted"):
        assert name in pdf.text
    assert "Signed and locked on" in pdf.flat
    assert "Plan version 1 (signed)" in pdf.pages[-1]
    assert "SMART" in pdf.flat and "Not SMART: no measure, no baseline, no target, no due date" in pdf.flat
    # a new draft does not replace the agreed plan on paper; it prints when asked for
    draft = services.careplans.new_version(plan)
    signed = read_pdf(care_plan_pdf_bytes(services.printout("MDT-001")), training=True)
    assert "Plan version 1 (signed)" in signed.text
    explicit = read_pdf(care_plan_pdf_bytes(services.printout("MDT-001", draft)), training=True)
    assert "Plan version 2 (draft)" in explicit.text and "DRAFT" in explicit.pages[-1]


def test_page_sizes(sqlite_services: Services) -> None:
    printout = sqlite_services.printout("MDT-004")
    letter = read_pdf(care_plan_pdf_bytes(printout, page_size="Letter"), training=True)
    box = letter.reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    a4 = read_pdf(care_plan_pdf_bytes(sqlite_services.printout("MDT-004")), training=True)
    box = a4.reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    with pytest.raises(InvalidInputError, match="page size"):
        care_plan_pdf_bytes(sqlite_services.printout("MDT-004"), page_size="A5")


def test_text_that_looks_like_markup_prints_as_typed() -> None:
    tricky = "Ask O'Brien <Jr> & Co about <b>dose</b> & 5 < 7 > 3"
    case = Case(
        "ESC-1", True, Patient("<Ada> & \"Bo\""), one_liner=tricky,
        discipline_inputs=[DisciplineInput(Discipline.PHARMACY, "A&B", tricky, tricky)],
    )
    from mdtboard.domain.careplan_draft import draft_plan

    pdf = read_pdf(CarePlanDocument(case, draft_plan(case)).render(), training=True)
    assert pdf.flat.count(tricky) >= 4  # one-liner, assessment, recommendations, intervention
    assert '<Ada> & "Bo"' in pdf.pages[0]


def test_writing_into_a_path_whose_folder_is_a_file_fails_cleanly(
    sqlite_services: Services, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(FileWriteError) as caught:
        write_care_plan_pdf(sqlite_services.printout("MDT-001"), blocker / "plan.pdf")
    assert "Any earlier file there is unchanged" in str(caught.value)
    assert blocker.read_text() == "a file where a folder should be"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["not-a-folder", "mdtboard.sqlite3",
                                                                  *_sqlite_side_files(tmp_path)])


def _sqlite_side_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith("mdtboard.sqlite3-")]


def test_full_disk_leaves_the_earlier_file_intact(sqlite_services: Services, sqlite_database_url: str,
                                                    tmp_path: Path) -> None:
    """A file-size limit (RLIMIT_FSIZE) in a child process makes the disk "full" part-way through the
    write: the real error branch of write_atomic runs, and the earlier PDF must survive whole."""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "plan.pdf"
    earlier = write_care_plan_pdf(sqlite_services.printout("MDT-002"), target).read_bytes()
    size = len(care_plan_pdf_bytes(sqlite_services.printout("MDT-001")))
    limit = 40 * 1024
    assert size > limit * 1.5  # the new PDF cannot fit under the limit
    script = textwrap.dedent(f"""
        import resource, signal, sys
        from pathlib import Path
        from mdtboard.services.context import open_services
        from mdtboard.reports.care_plan import write_care_plan_pdf
        from mdtboard.services.files import FileWriteError
        services = open_services({sqlite_database_url!r})
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
        try:
            write_care_plan_pdf(services.printout("MDT-001"), Path({str(target)!r}))
        except FileWriteError as exc:
            print(exc)
            sys.exit(3)
        sys.exit(0)
    """)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONWARNINGS": "error"},
    )
    assert result.returncode == 3, result.stderr
    assert f"Could not write {target}" in result.stdout
    assert "Any earlier file there is unchanged" in result.stdout
    assert target.read_bytes() == earlier
    assert [p.name for p in out_dir.iterdir()] == ["plan.pdf"]  # no partial file left behind


def test_the_printout_is_one_read_transaction_and_the_paper_asks_the_database_nothing(
    sqlite_services: Services,
) -> None:
    from sqlalchemy import event

    services = sqlite_services
    case = services.cases.get_by_ref("MDT-001")
    assert case.id is not None
    plan = sign_all(services, accepted_draft(services, case))
    draft = services.careplans.new_version(plan)  # reviews the signed plan: its progress is read too
    engine = services.db.engine
    begun: list[object] = []
    statements: list[str] = []

    def began(conn: object) -> None:
        begun.append(conn)

    def sent(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(engine, "begin", began)
    event.listen(engine, "before_cursor_execute", sent)
    try:
        printout = services.printout("MDT-001", draft)
        assert len(begun) == 1 and statements, "one read transaction"
        assert printout.reviewed is not None and printout.reviewed[0].id == plan.id
        assert printout.required_sign_offs and printout.case.ref == "MDT-001"
        begun.clear()
        statements.clear()
        pdf = read_pdf(care_plan_pdf_bytes(printout), training=True)
    finally:
        event.remove(engine, "begin", began)
        event.remove(engine, "before_cursor_execute", sent)
    assert (begun, statements) == ([], [])  # the paper is made from the printout alone
    assert "Plan version 2 (draft)" in pdf.text
