"""The minutes of a four-case conference on SQLite and PostgreSQL: outcomes, care plan decisions and
actions with their status, disciplines heard (only input with an author), time per case (with the
running stretch; none for a deferred case whose timer never ran), attendance with roles; the PDF read
back with pypdf (one or two pages); ``mdtboard conferences`` and ``mdtboard minutes`` as real processes."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from pypdf import PdfReader
from signing import sign

from mdtboard.domain.careplan import Intervention, MedicationAction, MedicationPlanEntry, PlanStatus
from mdtboard.domain.case import Case, Discipline, DisciplineInput, Patient
from mdtboard.domain.conference import AgendaStatus, Attendee, AttendeeRole, Conference
from mdtboard.domain.timers import FakeClock
from mdtboard.reports.minutes import MinutesDocument, write_minutes_pdf
from mdtboard.services.context import Services
from mdtboard.services.minutes import MinutesService
from mdtboard.services.timed_item import TimedItem
from mdtboard.storage.db import open_database, sqlite_url

PHYS, PT, PSY, PHARM = (Discipline.PHYSICIAN, Discipline.PHYSICAL_THERAPY, Discipline.PSYCHOLOGY,
                        Discipline.PHARMACY)
RESTRICTION = "Disclosed abuse by a family member; do not discuss with the family"


def _conference(services: Services) -> tuple[int, list[int]]:
    conf = services.conferences.create(
        Conference(title="Pain MDT, March", starts_at=datetime(2026, 3, 4, 16, 0), room="Room 4",
                   chair="Dr Okafor")
    )
    assert conf.id is not None
    for person in (Attendee("Dr Okafor", PHYS, AttendeeRole.CHAIR), Attendee("Sam Lee", PT),
                   Attendee("Ana Ruiz", PSY), Attendee("Kim Park", PHARM, AttendeeRole.OBSERVER)):
        services.conferences.add_attendee(conf.id, person)
    for n, name in enumerate(("Alex Example", "Bo Sample", "Cy Trial", "Di Test"), start=1):
        case = services.cases.create(Case(
            ref=f"M-{n}", fictional=True, patient=Patient(name), title=f"Case {n} back pain",
            sharing_restrictions=RESTRICTION if n == 1 else None,
        ))
        assert case.id is not None
        services.conferences.add_agenda_item(conf.id, case.id)
    items = sorted(services.conferences.get(conf.id).agenda, key=lambda i: i.position)
    return conf.id, [i.id or 0 for i in items]


def _meeting(services: Services) -> tuple[int, list[int], FakeClock, TimedItem]:
    """Case 1 discussed (timed 9 minutes, a signed plan), case 2 deferred without its timer ever
    running, case 3 discussed with a draft plan, its timer still running for 5 minutes, case 4 not
    reached."""
    conf_id, (first, second, third, _fourth) = _conference(services)
    conferences = services.conferences
    agenda = {i.id: i for i in conferences.get(conf_id).agenda}
    # the timers run on a fake clock from the time the meeting is set up (an agenda item's start and end are
    # stamped with the real time): read then, not when the module was imported, which under a long test run
    # can be more than the meeting's 14 minutes earlier, so that an item would end before it started
    clock = FakeClock(datetime.now(UTC).replace(microsecond=0))
    timer = TimedItem(first, 12, clock, store=services.timing)
    timer.start()
    timer.mark_floor(PHYS)
    clock.advance(minutes=6)
    timer.mark_floor(PSY)
    clock.advance(minutes=3)
    timer.stop()
    conferences.add_input(first, DisciplineInput(PHYS, "Dr Okafor", "Central sensitisation.", "Taper."))
    conferences.add_input(first, DisciplineInput(PSY, "Ana Ruiz", "Low mood.", "CBT for pain."))
    conferences.add_input(first, DisciplineInput(PT, None, "Deconditioned.", "Graded walking."))  # no author
    case1 = agenda[first].case_id
    plan = services.careplans.create_draft(case1, agenda_item_id=first)
    plan.interventions = [
        Intervention(PT, "Graded walking programme", owner="Sam Lee", due=date(2026, 4, 1)),
        Intervention(PSY, "Six sessions of CBT for pain", owner=None, due=None),
    ]
    plan.medication_plan = [MedicationPlanEntry(MedicationAction.REDUCE, "morphine", "10% a fortnight")]
    plan = services.careplans.save_draft(plan)
    for discipline, name in ((PHYS, "Dr Okafor"), (PT, "Sam Lee"), (PSY, "Ana Ruiz")):
        plan = sign(
            services, plan, discipline, name,
            open_items_reason="Goals and review date set at the next clinic visit",
        )
    conferences.update_agenda_item(conferences.get(conf_id).agenda[0], status=AgendaStatus.DISCUSSED)
    item2 = next(i for i in conferences.get(conf_id).agenda if i.id == second)
    conferences.update_agenda_item(item2, status=AgendaStatus.DEFERRED)
    item3 = next(i for i in conferences.get(conf_id).agenda if i.id == third)
    conferences.update_agenda_item(item3, status=AgendaStatus.IN_DISCUSSION)
    conferences.add_input(third, DisciplineInput(PT, "Sam Lee", "Good range.", None))
    services.careplans.create_draft(item3.case_id, agenda_item_id=third)
    running = TimedItem(third, 10, clock, store=services.timing)
    running.start()
    clock.advance(minutes=5)  # still running: nothing closed is written yet
    return conf_id, [first, second, third], clock, running


def test_the_minutes_say_what_happened_to_each_case(services: Services) -> None:
    conf_id, _items, clock, _running = _meeting(services)
    minutes = MinutesService(services.db).minutes(conf_id, now=clock.wall())
    one, two, three, four = minutes.cases
    assert one.outcome == "Discussed"
    assert one.line.actual_seconds == 9 * 60
    assert one.plan_status is PlanStatus.SIGNED and one.plan_text == "Care plan version 1: signed"
    assert one.heard == (PHYS, PSY)  # physical therapy's input has no author: not heard
    assert one.not_heard == (PT,)  # (pharmacy came as an observer only)
    assert [(a.who, a.what, a.by_when) for a in one.actions] == [
        ("Sam Lee (Physical therapy)", "Graded walking programme", "2026-04-01"),
        ("Psychology", "Six sessions of CBT for pain", "no date set"),
    ]
    assert one.decisions == ("Reduce: morphine (10% a fortnight)",)
    assert two.outcome == "Deferred" and two.line.actual_seconds is None
    assert two.time_text == "no time (budget 12:00)"
    assert two.plan_status is None
    assert three.outcome == "Still in discussion"
    assert three.line.actual_seconds == 5 * 60  # the running stretch counts
    assert three.plan_status is PlanStatus.DRAFT and three.heard == (PT,)
    assert four.outcome == "Not reached" and four.line.actual_seconds is None and four.not_heard == ()


def _pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_the_minutes_pdf_reads_back_on_one_or_two_pages(services: Services) -> None:
    conf_id, _items, clock, _running = _meeting(services)
    minutes = MinutesService(services.db).minutes(conf_id, now=clock.wall())
    pages, text = _pdf_text(MinutesDocument(minutes, tz=UTC, generated_at=clock.wall()).render())
    assert pages in (1, 2)
    assert "Minutes: Pain MDT, March" in text
    attendance = text.index("Attendance")
    assert attendance < text.index("1. M-1")  # attendance at the top
    for row in ("Dr Okafor Physician chair", "Sam Lee Physical therapy member", "Ana Ruiz Psychology member",
                "Kim Park Pharmacy observer"):
        assert row in text
    assert "Outcome Discussed" in text and "Outcome Deferred" in text and "Outcome Not reached" in text
    assert "Care plan Care plan version 1: signed" in text
    assert "Care plan Care plan version 1: draft, not signed" in text
    assert "Sam Lee (Physical therapy) Graded walking programme 2026-04-01" in text
    assert "Psychology Six sessions of CBT for pain no date set" in text
    assert "Reduce: morphine (10% a fortnight)" in text
    assert "Heard Physician, Psychology Not heard Physical therapy Care plan" in text
    assert "Time 09:00 of 12:00" in text and "Time no time (budget 12:00)" in text
    assert "Time 05:00 of 12:00" in text
    assert RESTRICTION not in text and "abuse" not in text  # the restriction's text is never printed


def test_the_command_line_lists_conferences_and_writes_the_minutes(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "minutes.sqlite3")
    db = open_database(url)
    try:
        conf_id, _items, _clock, running = _meeting(Services.on(db))
        running.stop()
    finally:
        db.dispose()
    script = Path(sys.executable).parent / "mdtboard"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "mdtboard.cli"]
    env = {k: v for k, v in os.environ.items() if k != "MDTBOARD_DATABASE_URL"}

    def mdtboard(*argv: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*command, "--database", url, *map(str, argv)], capture_output=True,
                              text=True, encoding="utf-8", env=env, timeout=120, check=False)

    done = mdtboard("conferences")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"{conf_id}\t2026-03-04 16:00\tPain MDT, March\theld\n"
    out = tmp_path / "minutes.pdf"
    done = mdtboard("minutes", str(conf_id), "--pdf", out)
    assert done.returncode == 0, done.stderr
    pages, text = _pdf_text(out.read_bytes())
    assert pages in (1, 2) and "Minutes: Pain MDT, March" in text and "Outcome Deferred" in text
    done = mdtboard("minutes", "999", "--pdf", tmp_path / "none.pdf")
    assert done.returncode == 2 and done.stderr.startswith("mdtboard: No conference 999 was found.")
    done = mdtboard("minutes", "March", "--pdf", tmp_path / "none.pdf")
    assert done.returncode == 2 and "is not a conference ID" in done.stderr
    assert not (tmp_path / "none.pdf").exists()


def test_write_minutes_pdf_writes_atomically(services: Services, tmp_path: Path) -> None:
    conf_id, _items, clock, _running = _meeting(services)
    minutes = MinutesService(services.db).minutes(conf_id, now=clock.wall() + timedelta(minutes=1))
    folder = tmp_path / "out"
    folder.mkdir()
    out = write_minutes_pdf(minutes, folder / "m.pdf")
    assert out.read_bytes().startswith(b"%PDF") and [p.name for p in folder.iterdir()] == ["m.pdf"]


def test_the_minutes_withhold_restricted_passages_also_those_marked_in_the_team_s_input(
    services: Services,
) -> None:
    """A passage marked in psychology's input, copied into the care plan and the deferral reason, and a
    passage of the case's title: none is printed; each is replaced by its notice."""
    from mdtboard.domain.case import RestrictedPassage
    from mdtboard.domain.privacy import input_pointer

    secret = "partner keeps a shotgun at home"
    conf_id, (first, second, _third, _fourth) = _conference(services)
    conferences = services.conferences
    agenda = {i.id: i for i in conferences.get(conf_id).agenda}
    conferences.add_input(first, DisciplineInput(PSY, "Ana Ruiz", f"Low mood; {secret}.", "Safety plan."))
    case1, case2 = agenda[first].case_id, agenda[second].case_id
    services.cases.restrict_passage(
        case1, RestrictedPassage(input_pointer(first, PSY.value, "assessment"), secret, "psychology")
    )
    plan = services.careplans.create_draft(case1, agenda_item_id=first)
    plan.interventions = [Intervention(PSY, f"Safety plan: {secret}", owner="Ana Ruiz", due=date(2026, 4, 1))]
    services.careplans.save_draft(plan)
    stored = services.cases.get(case2)
    stored.title = "Back pain after the court case"
    stored.restricted_passages = [RestrictedPassage("/title", "the court case", "Dr Okafor")]
    services.cases.update(stored)
    item2 = next(i for i in conferences.get(conf_id).agenda if i.id == second)
    conferences.update_agenda_item(item2, status=AgendaStatus.DEFERRED, reason="awaiting the court case")
    minutes = MinutesService(services.db).minutes(conf_id)
    _pages, text = _pdf_text(MinutesDocument(minutes, tz=UTC, generated_at=datetime.now(UTC)).render())
    assert "shotgun" not in text and "court case" not in text
    assert "Safety plan: [restricted: held by psychology]" in text
    assert "Back pain after [restricted: held by Dr Okafor]" in text
    assert "awaiting [restricted: held by Dr Okafor]" in text
