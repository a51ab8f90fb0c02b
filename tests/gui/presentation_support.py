"""Helpers of the presentation-mode tests: a main window with a fake clock on a conference in the meeting
(the five sample cases, a risky case with a safety notice and sharing restrictions, a team present), and a
second session to read what was stored. (No tests here.)"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import settle
from gui_helpers import open_and_wait
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Case, Discipline, Patient, RestrictedPassage, Scores
from mdtboard.domain.conference import Attendee, AttendeeRole, Conference
from mdtboard.domain.timers import FakeClock
from mdtboard.interchange.bundle import import_files
from mdtboard.services.context import Services, open_services
from mdtboard.ui.main_window import MainWindow
from mdtboard.ui.presentation.big_screen import BigScreen
from mdtboard.ui.presentation.integration import PresentationMode
from mdtboard.ui.presentation.session import PresentationSession

SAMPLE_CASES = Path(__file__).resolve().parents[1] / "data" / "sample-cases.json"
START = datetime(2026, 3, 4, 16, 0).astimezone()

TEAM = [
    Attendee("Dr Okafor", Discipline.PHYSICIAN, AttendeeRole.CHAIR),
    Attendee("Sam Lee", Discipline.PHYSICAL_THERAPY),
    Attendee("Ana Ruiz", Discipline.PSYCHOLOGY, AttendeeRole.PRESENTER),
    Attendee("Kim Park", Discipline.PHARMACY),
]
#: The agenda, in order.
AGENDA = ("MDT-008", "MDT-RISK", "MDT-001")


#: A restricted passage of the risky case's psychosocial history, held by psychology.
SECRET = "Told psychology about a court case against her brother."


def risky_case() -> Case:
    return Case(
        ref="MDT-RISK",
        fictional=True,
        patient=Patient("Rhiannon Test", age=38),
        title="Widespread pain and low mood",
        one_liner="38-year-old with widespread pain and low mood.",
        question_for_team="How do we keep her safe while we reduce the opioid?",
        sharing_restrictions="Do not share with the employer's occupational health service.",
        sharing_restrictions_by="Ana Ruiz",
        psychosocial=f"Lives alone. {SECRET} Walks her dog daily.",
        restricted_passages=[RestrictedPassage("/psychosocial", SECRET, "psychology")],
        scores=Scores(phq9_total=16, phq9_item9=2),
        pain_history=" ".join(f"Sentence {n} of a long history, read out in full." for n in range(80)),
    )


@dataclass
class Meeting:
    window: MainWindow
    clock: FakeClock
    services: Services  # a second session on the same database
    conf_id: int
    case_ids: dict[str, int]

    @property
    def mode(self) -> PresentationMode:
        mode: PresentationMode = self.window.presentation
        return mode

    @property
    def session(self) -> PresentationSession:
        assert self.mode.session is not None
        return self.mode.session

    @property
    def workspace(self) -> Any:
        return self.window.workspace

    @property
    def screen(self) -> BigScreen:
        assert self.mode.big_screen is not None
        return self.mode.big_screen

    def item_id(self, ref: str) -> int:
        agenda = self.services.conferences.get(self.conf_id).agenda
        return next(i.id or 0 for i in agenda if i.case_id == self.case_ids[ref])

    def discuss(self, ref: str) -> None:
        """``ref`` under discussion, shown in presentation mode (the case is read in the background)."""
        self.window.show_page(2)
        self.workspace.discuss(self.case_ids[ref])
        settle()


def prepare(url: str) -> tuple[Services, int, dict[str, int]]:
    services = open_services(url)
    ids = {s.ref: s.id for s in import_files(services.cases, [SAMPLE_CASES])}
    ids["MDT-RISK"] = services.cases.create(risky_case()).id or 0
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=START, room="Room 4"))
    assert conf.id is not None
    for person in TEAM:
        services.conferences.add_attendee(conf.id, person)
    for ref in AGENDA:
        services.conferences.add_agenda_item(conf.id, ids[ref])
    return services, conf.id, ids


MeetingFactory = Callable[..., Meeting]


@pytest.fixture
def make_meeting(qtbot: QtBot, tmp_path: Path, sqlite_database_url: str) -> Iterator[MeetingFactory]:
    """``make_meeting()``: the main window on the Discussion tab of the meeting, with a fake clock."""
    opened: list[Services] = []

    def make(settings_values: dict[str, object] | None = None) -> Meeting:
        services, conf_id, ids = prepare(sqlite_database_url)
        opened.append(services)
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("session/last_conference", conf_id)
        for key, value in (settings_values or {}).items():
            settings.setValue(key, value)
        clock = FakeClock(START)
        window = MainWindow(settings)
        window.presentation.clock = clock
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        open_and_wait(qtbot, window, sqlite_database_url)
        settle()  # the conference open last time, read in the background
        meeting = Meeting(window, clock, services, conf_id, ids)
        meeting.discuss(AGENDA[0])
        settle()
        return meeting

    yield make
    for services in opened:
        services.close()


