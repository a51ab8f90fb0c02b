"""The three papers of an agreed plan (team, patient, GP) for every shared sample, read back with pypdf:
the plan on page 1, page counts, no restricted text, every word of the plan whole; the command line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from careplan_pdf_reading import read_pdf
from careplan_setup import agreed_plan
from conftest import SAMPLE_CASES

from mdtboard.cli import main
from mdtboard.domain.careplan import CarePlan
from mdtboard.domain.case import Case
from mdtboard.interchange.bundle import import_files
from mdtboard.reports.page import FOOTER_HEIGHT, HEADER_HEIGHT, TRAINING_BAND
from mdtboard.reports.papers import Audience, paper_bytes
from mdtboard.reports.site import SiteDetails
from mdtboard.reports.styles import MARGIN
from mdtboard.services.context import Services
from mdtboard.storage.db import open_database

SAMPLE_REFS = ("MDT-001", "MDT-002", "MDT-004", "MDT-006", "MDT-008")
SECRET = "Do not tell his employer about the disability claim ZQXJ"
SITE = SiteDetails(
    name="Riverside Pain Service", address="1 River Road, Riverside",
    letterhead="Multidisciplinary pain team",
    phone="01234 567890", crisis_line="Crisis line RIVERCRISIS: call 988 at any time.",
    naloxone="Keep your naloxone kit NALOXKIT with you.",
)
APPENDIX = "Appendix: case summary"


@pytest.fixture
def sqlite_services(sqlite_database_url: str) -> Iterator[Services]:
    db = open_database(sqlite_database_url)
    services = Services.on(db)
    import_files(services.cases, [SAMPLE_CASES])
    yield services
    db.dispose()


def _restricted_case(services: Services, ref: str) -> Case:
    case = services.cases.get_by_ref(ref)
    case.sharing_restrictions = SECRET
    return services.cases.update(case)


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W_]+", text) if len(w) > 1]


def _plan_words_whole(plan: CarePlan, text: str) -> list[str]:
    """Words of the plan's texts that do not appear whole in ``text`` (a word broken in the middle
    reads as two pieces)."""
    found = set(_words(text))
    texts = [i.description for i in plan.agreed_interventions()] + [g.description for g in plan.goals]
    texts += [m.medication for m in plan.medication_plan] + [m.options or "" for m in plan.medication_plan]
    return sorted({w for t in texts for w in _words(t) if w not in found})


@pytest.mark.parametrize("ref", SAMPLE_REFS)
def test_three_papers_of_each_sample(sqlite_services: Services, ref: str) -> None:
    case = _restricted_case(sqlite_services, ref)
    plan = agreed_plan(sqlite_services, case)
    training = case.fictional

    team = read_pdf(paper_bytes(sqlite_services.printout(ref), Audience.TEAM, site=SITE), training=training)
    # the plan first: page 1 has the patient, the conference, the goals and the actions table
    first = " ".join(team.pages[0].split())
    for heading in ("Joint care plan", "Conference: Pain MDT", "Goals the patient owns",
                    "Actions: who does what, by when"):
        assert heading in first, heading
    assert "Sharing restrictions apply: ask" in first
    plan_pages = next(i for i, page in enumerate(team.pages) if APPENDIX in page)
    assert 1 <= plan_pages <= 2, f"the plan takes {plan_pages} pages"
    pending = any(m.is_opioid for m in plan.medication_plan)
    assert "Medication plan" in team.flat and "Review and sign-off" in team.flat
    # each signature prints the SHA-256 of the plan version it signed, made with the signer's own account
    short_print = " ".join(plan.sign_offs[0].fingerprint[i:i + 4] for i in range(0, 16, 4))  # type: ignore[index]
    assert team.flat.count(f"{short_print} · own account") == len(plan.sign_offs)
    assert ("MME/day now" in team.flat) and (("not yet decided" in team.flat) == pending)
    # the summary appendix follows by default; --no-summary leaves it out
    printout = sqlite_services.printout(ref)
    short = read_pdf(paper_bytes(printout, Audience.TEAM, summary=False), training=training)
    assert APPENDIX not in short.text and len(short.pages) == plan_pages
    assert not _plan_words_whole(plan, team.text)

    patient = read_pdf(paper_bytes(printout, Audience.PATIENT, site=SITE), training=training)
    for heading in ("What we agreed with you", "What you will do", "What we will do", "Who to call",
                    "When we will see you again", "RIVERCRISIS", "Riverside Pain Service"):
        assert heading in patient.flat, heading
    assert "MME" not in patient.text and "mg/day" not in patient.text
    assert ("We have not decided about" in patient.flat) == pending  # a pending decision in plain words
    language = (case.patient.preferred_language or "").strip()
    if language and language.casefold() != "english":
        assert f"Your preferred language: {language}" in patient.flat
    if case.patient.interpreter_needed:
        assert "We will book one" in patient.flat
    gp = read_pdf(paper_bytes(sqlite_services.printout(ref), Audience.GP, site=SITE), training=training)
    assert 1 <= len(gp.pages) <= 2
    for needed in ("Riverside Pain Service", "1 River Road, Riverside", "Your question", "The team's answer",
                   "Medication plan", "MME/day before", "What we ask of you", "Signed for the team",
                   "Review"):
        assert needed in gp.flat, needed
    assert "Sharing restrictions apply" in gp.flat
    for paper in (team, short, patient, gp):
        assert "ZQXJ" not in paper.compact and "employer about" not in paper.flat


def test_patient_plan_type_is_at_least_12_points(sqlite_services: Services) -> None:
    case = sqlite_services.cases.get_by_ref("MDT-001")
    agreed_plan(sqlite_services, case)
    from io import BytesIO

    from pypdf import PdfReader

    reader = PdfReader(BytesIO(paper_bytes(sqlite_services.printout("MDT-001"), Audience.PATIENT, site=SITE)))
    sizes: list[float] = []

    for page in reader.pages:
        height = float(page.mediabox.height)
        top, bottom = height - MARGIN / 2 - HEADER_HEIGHT - TRAINING_BAND, MARGIN / 2 + FOOTER_HEIGHT

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float,
                  top: float = top, bottom: float = bottom) -> None:
            y = tm[5] * cm[3] + cm[5]
            if text.strip() and not (cm[1] or cm[2]) and bottom < y < top:  # the body, not the watermark
                sizes.append(size * tm[3] * cm[3])

        page.extract_text(visitor_text=visit)
    assert len(sizes) > 20 and min(sizes) >= 12


def test_command_line_writes_each_paper(sqlite_database_url: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--database", sqlite_database_url]
    assert main([*db, "import", str(SAMPLE_CASES)]) == 0
    for audience in ("team", "patient", "gp"):
        out = tmp_path / f"{audience}.pdf"
        assert main([*db, "care-plan", "MDT-002", "--pdf", str(out), "--for", audience]) == 0
        assert out.read_bytes().startswith(b"%PDF-")
    assert main([*db, "care-plan", "MDT-002", "--pdf", str(tmp_path / "s.pdf"), "--no-summary"]) == 0
    with pytest.raises(SystemExit) as stopped:
        main([*db, "care-plan", "MDT-002", "--pdf", str(tmp_path / "x.pdf"), "--for", "family"])
    assert stopped.value.code == 2 and not (tmp_path / "x.pdf").exists()
    assert "invalid choice: 'family'" in capsys.readouterr().err


def test_reading_ease_of_plain_and_hard_text() -> None:
    from mdtboard.reports.reading_level import flesch_reading_ease, syllables

    assert [syllables(w) for w in ("cat", "table", "medicine", "agreed", "stopped", "physiotherapy")] == [
        1, 2, 3, 2, 1, 5,
    ]
    assert round(flesch_reading_ease("The cat sat on the mat.")) == 116
    hard = ("Multidisciplinary biopsychosocial formulation necessitates interprofessional "
            "collaboration regarding pharmacological rationalisation.")
    assert flesch_reading_ease(hard) < 0 < 60 < flesch_reading_ease("Keep taking it as you do now.")


def test_the_patient_plan_names_medicines_not_yet_decided_together(sqlite_services: Services) -> None:
    """A draft's undecided medicines make one line, not one "nothing has changed" line each, so the
    decided change stands out."""
    from dataclasses import replace

    from mdtboard.domain.careplan import MedicationAction
    from mdtboard.reports.plan_text import patient_medicine_lines

    case = sqlite_services.cases.get_by_ref("MDT-001")
    plan = sqlite_services.careplans.create_draft(case.id or 0)
    names = [m.medication for m in plan.medication_plan]
    assert len(names) >= 3 and all(m.action is MedicationAction.UNDECIDED for m in plan.medication_plan)
    first = replace(plan.medication_plan[0], action=MedicationAction.STOP)
    changed = replace(plan, medication_plan=[first, *plan.medication_plan[1:]])
    plan = sqlite_services.careplans.save_draft(changed)
    lines = patient_medicine_lines(plan.medication_plan)
    rest = names[1:]
    together = ("Nothing has changed yet for " + ", ".join(rest[:-1]) + f" and {rest[-1]}: keep taking them "
                "as you do now.")
    assert lines == [f"Stop taking {names[0]}.", together]
    paper = paper_bytes(sqlite_services.printout("MDT-001"), Audience.PATIENT, site=SITE)
    text = read_pdf(paper, training=case.fictional).flat_body
    assert f"Stop taking {names[0]}." in text and together in text
    assert text.count("Nothing has changed") == 1
    # one undecided medicine keeps its own line
    assert patient_medicine_lines(plan.medication_plan[:2]) == [
        f"Stop taking {names[0]}.", f"Nothing has changed for {names[1]} yet: keep taking it as you do now."
    ]
