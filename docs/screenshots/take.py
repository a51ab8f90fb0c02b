"""Take the README's screenshots anew from the program as it is:
``.venv/bin/python docs/screenshots/take.py``.

A fresh SQLite database in a temporary folder gets the demo cases and a conference like a team's Tuesday
meeting; the real main window (Qt's offscreen platform, 1600x900; the big screen 1920x1080) is put in
each state the README shows and grabbed to ``docs/screenshots/*.png``. Nothing here is part of the
program; it is kept so that the pictures can follow the program when it changes.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QSize  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

HERE = Path(__file__).resolve().parent
SIZE = QSize(*(int(n) for n in os.environ.get("MDTBOARD_SCREENSHOT_SIZE", "1600x900").split("x")))


def settle(app: QApplication, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def until(app: QApplication, done: Callable[[], bool], seconds: float = 20) -> None:
    """Run the event loop until ``done()`` (a background read or write has come back)."""
    end = time.monotonic() + seconds
    while not done():
        if time.monotonic() > end:
            raise SystemExit("the program did not get there in time")
        app.processEvents()
        time.sleep(0.01)
    settle(app)


def save(widget: QWidget, name: str) -> None:
    path = Path(os.environ.get("MDTBOARD_SCREENSHOTS", HERE)) / name
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main() -> int:
    app = QApplication(sys.argv[:1])
    from mdtboard.domain.case import Discipline, DisciplineInput
    from mdtboard.domain.conference import Attendee, AttendeeRole, Conference
    from mdtboard.interchange.demo import load_demo_cases
    from mdtboard.services.context import open_services
    from mdtboard.ui import ops
    from mdtboard.ui.main_window import CASE, CONFERENCE, LIBRARY, MainWindow

    folder = Path(tempfile.mkdtemp(prefix="mdtboard-screenshots-"))
    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    services = open_services(url)
    load_demo_cases(services.cases)
    ids = {c.ref: c.id for c in services.cases.get_many(None)}
    starts = (datetime.now() + timedelta(minutes=5)).replace(second=0, microsecond=0)
    conf = services.conferences.create(
        Conference(title="Pain MDT", starts_at=starts, room="Room 4", chair="Dr Amara Okafor")
    )
    assert conf.id is not None
    for person in (
        Attendee("Dr Amara Okafor", Discipline.PHYSICIAN, AttendeeRole.CHAIR),
        Attendee("Sam Lee", Discipline.PHYSICAL_THERAPY),
        Attendee("Ana Ruiz", Discipline.PSYCHOLOGY),
        Attendee("Priya Shah", Discipline.PHARMACY),
        Attendee("Dr Tom Reyes", Discipline.PHYSICIAN, AttendeeRole.PRESENTER),
    ):
        services.conferences.add_attendee(conf.id, person)
    for ref in ("TEACH-05", "TEACH-08", "TEACH-03", "TEACH-01"):
        services.conferences.add_agenda_item(conf.id, ids[ref] or 0)
    item = next(i for i in services.conferences.get(conf.id).agenda if i.case_id == ids["TEACH-08"])
    assert item.id is not None
    services.conferences.add_input(item.id, DisciplineInput(
        Discipline.PHYSICIAN, "Dr Amara Okafor",
        "124 MME/day with temazepam after a hypercapnic event; QTc 498 ms on methadone.",
        "Stop temazepam first with a slow taper; methadone reduction with ECG monitoring; naloxone today.",
    ))
    services.conferences.add_input(item.id, DisciplineInput(
        Discipline.PHARMACY, "Priya Shah",
        "Methadone with citalopram adds to the QT risk.",
        "Review citalopram with the GP; dispense weekly.",
    ))
    services.close()

    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("start/demo_offered", True)
    window = MainWindow(settings)
    window.resize(SIZE)
    window.show()
    loop = QEventLoop()
    window.services_ready.connect(loop.quit)
    window.open_database(url)
    loop.exec()
    settle(app)

    # The case library, searched as you type.
    window.show_page(LIBRARY)
    window.library.ui.searchEdit.setText("pain")
    settle(app, 0.8)
    save(window, "case-library.png")
    window.library.ui.searchEdit.clear()

    # A case in the editor: the sharing restrictions and the safety banner above the ISBAR parts.
    window.open_case(ids["TEACH-08"] or 0)
    window.show_page(CASE)
    editor = window.editor
    assert editor is not None
    editor.ui.isbarTabs.setCurrentIndex(3)  # Assessment
    settle(app)
    save(window, "case-editor.png")

    # The conference, Discussion tab: key facts beside the disciplines' panels.
    window.show_page(CONFERENCE)
    workspace = window.workspace
    workspace.open_conference(conf.id)
    workspace.discuss(ids["TEACH-08"] or 0)
    workspace.discussion.start()
    settle(app, 0.8)
    save(window, "conference.png")

    # The care plan built from the team's input in this conference: proposed items to accept, the
    # medication decisions, the checklist before signing.
    page = window.care_plan
    assert page is not None
    plan_editor = page.editor
    page.open_for_context()
    until(app, lambda: plan_editor.current_case_id() is not None)  # read on the reader thread
    plan_editor.build_draft()
    until(app, lambda: plan_editor.plan is not None)
    settle(app)
    for _ in range(2):
        plan_editor.accept_proposed(0)
    settle(app)
    save(window, "care-plan.png")
    if "MDTBOARD_SCREENSHOTS" in os.environ:  # a walk through more screens, not the README's pictures
        for part in ("goals", "medication"):
            plan_editor.go_to_part(part)
            settle(app)
            save(window, f"care-plan-{part}.png")
    window.show_page(CONFERENCE)
    settle(app)

    # Presentation mode: the big screen at 1920x1080 and the operator's view with the timer bar.
    mode = window.presentation
    mode.start()
    session = mode.session
    assert session is not None and mode.big_screen is not None
    session.toggle_timer()
    settle(app, 1.2)
    session.show_section(2)  # Medications
    mode.big_screen.resize(1920, 1080)
    settle(app, 0.8)
    save(mode.big_screen, "presentation.png")
    save(window, "operator.png")
    mode.leave()
    settle(app)

    training_screenshot(app, url, ids)
    ops.operations().wait(10)
    window.close()
    return 0


def training_screenshot(app: QApplication, url: str, ids: dict[str, int | None]) -> None:
    """The training window, Scoring tab: a rater scoring a trainee's presentation by keyboard."""
    from mdtboard.domain.case import Discipline
    from mdtboard.domain.conference import Attendee, AttendeeRole, Conference, ConferenceMode
    from mdtboard.services.context import open_services
    from mdtboard.ui.training.window import SCORING_TAB, TrainingWindow

    services = open_services(url)
    facilitator, trainee = "Dr Priya Raman", "Zoë Ångström-Nguyễn"
    starts = datetime.now().replace(second=0, microsecond=0)
    conf = services.conferences.create(Conference(
        title="Teaching MDT", starts_at=starts, room="Teaching room", mode=ConferenceMode.TRAINING,
        chair=facilitator,
    ))
    assert conf.id is not None
    chair = Attendee(facilitator, Discipline.PHYSICIAN, AttendeeRole.CHAIR)
    services.conferences.add_attendee(conf.id, chair)
    services.conferences.add_attendee(conf.id, Attendee(trainee, Discipline.PSYCHOLOGY, AttendeeRole.TRAINEE))
    item = services.conferences.add_agenda_item(conf.id, ids["TEACH-02"] or 0)
    assert item.id is not None
    services.training.assign_role(item.id, trainee)
    services.training.assign_role(item.id, trainee, Discipline.PSYCHOLOGY)
    window = TrainingWindow(services)
    window.resize(SIZE)
    window.show()
    window.open_conference(conf.id)  # read on background operations, like every read of the window
    until(app, lambda: window.conference is not None)
    window.select_case(0)
    window.show_tab(SCORING_TAB)
    panel = window.scoring
    panel.set_rater(facilitator)
    until(app, lambda: bool(panel.rows) and not panel.reading)
    panel.row("case.isbar.identify").set_score(4)
    panel.row("case.isbar.situation").set_score(5)
    panel.row("case.isbar.background").set_score(2)
    panel.focus_first_row()
    settle(app, 0.8)
    save(window, "training.png")
    window.close()
    services.close()


if __name__ == "__main__":
    sys.exit(main())
