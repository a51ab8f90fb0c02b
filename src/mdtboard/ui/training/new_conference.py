"""A new teaching conference in one step: title, time, facilitator, trainees, who chairs (the facilitator
unless a trainee is named, who is then scored on the chairing items) and the cases to discuss.

Only fictional cases are offered: a teaching conference works with teaching cases (the shipped bank, or
teaching cases made from real ones and finalised).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import (
    AgendaItem,
    Attendee,
    AttendeeRole,
    Conference,
    ConferenceMode,
    describe_clash,
)
from mdtboard.domain.errors import MdtboardError
from mdtboard.domain.progress import Trainee
from mdtboard.services.context import Services
from mdtboard.ui import palette
from mdtboard.ui.forms.ui_training_new_conference import Ui_NewTeachingConference

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def parse_trainees(text: str) -> tuple[list[Attendee], list[str]]:
    """Attendees from lines of "name", "name, discipline" or "name, discipline, year"; and a problem for
    each line not understood."""
    attendees, _years, problems = parse_trainee_lines(text)
    return attendees, problems


def parse_trainee_lines(text: str) -> tuple[list[Attendee], dict[str, int], list[str]]:
    """As :func:`parse_trainees`, with the year of training of those who have one ("3", "year 3", "PGY-3",
    "ST3"), by name."""
    by_word = {d.value: d for d in Discipline} | {d.label.casefold(): d for d in Discipline}
    attendees: list[Attendee] = []
    years: dict[str, int] = {}
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        name, _comma, rest = line.partition(",")
        word, _comma, year_text = rest.partition(",")
        key = " ".join(word.split()).casefold().replace(" ", "_") if word.strip() else "physician"
        discipline = by_word.get(key) or by_word.get(" ".join(word.split()).casefold())
        year = re.fullmatch(r"\s*(?:year|pgy|st|y)?[\s-]*(\d{1,2})\s*", year_text, re.IGNORECASE)
        if not name.strip():
            problems.append(f"line {number}: no name")
        elif discipline is None:
            problems.append(f"line {number}: {word.strip()!r} is not a discipline")
        elif year_text.strip() and (year is None or not 1 <= int(year.group(1)) <= 15):
            problems.append(f"line {number}: {year_text.strip()!r} is not a year of training (1 to 15)")
        else:
            clean = " ".join(name.split())
            attendees.append(Attendee(clean, discipline, AttendeeRole.TRAINEE))
            if year is not None:
                years[clean] = int(year.group(1))
    return attendees, years, problems


class NewConferenceDialog(QDialog):
    """Signals:
    created(int): the new conference's id.
    """

    created = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.ui = Ui_NewTeachingConference()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ui.problemLabel.setProperty("role", "error")
        self.ui.problemLabel.setStyleSheet(palette.ERROR_LABEL_STYLE)
        start = (datetime.now() + timedelta(days=1)).replace(hour=13, minute=0, second=0, microsecond=0)
        self.ui.whenEdit.setDateTime(
            QDateTime(QDate(start.year, start.month, start.day), QTime(start.hour, start.minute))
        )
        self.ui.titleEdit.setText("Teaching conference")
        for summary in services.cases.search("", fictional=True, limit=1000):
            item = QListWidgetItem(f"{summary.ref} – {summary.title or summary.display_name}")
            item.setData(CASE_ID_ROLE, summary.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.ui.casesList.addItem(item)
        self._warned: str | None = None  # the room clash last warned about
        self.ui.buttonBox.accepted.connect(self.create_conference)
        self.ui.buttonBox.rejected.connect(self.reject)

    def chosen_case_ids(self) -> list[int]:
        out = []
        for row in range(self.ui.casesList.count()):
            item = self.ui.casesList.item(row)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(CASE_ID_ROLE)))
        return out

    def create_conference(self) -> int | None:
        title = self.ui.titleEdit.text().strip()
        facilitator = " ".join(self.ui.facilitatorEdit.text().split())
        trainees, years, problems = parse_trainee_lines(self.ui.traineesEdit.toPlainText())
        if not title:
            problems.insert(0, "the conference needs a title")
        if not facilitator:
            problems.append("name the facilitator")
        if not trainees:
            problems.append("name at least one trainee")
        chair = " ".join(self.ui.chairEdit.text().split()) or facilitator
        chair_is_trainee = any(t.name.casefold() == chair.casefold() for t in trainees)
        if chair.casefold() != facilitator.casefold() and not chair_is_trainee:
            problems.append(f"the chair ({chair}) must be the facilitator or one of the trainees")
        chair = next((t.name for t in trainees if t.name.casefold() == chair.casefold()), chair)
        if problems:
            self.ui.problemLabel.setText("⚠ Not created: " + "; ".join(problems) + ".")
            return None
        starts = self.ui.whenEdit.dateTime().toPython()
        assert isinstance(starts, datetime)
        conference = Conference(
            title=title,
            starts_at=starts.replace(second=0, microsecond=0),
            room=self.ui.roomEdit.text().strip() or None,
            mode=ConferenceMode.TRAINING,
            chair=chair,  # a trainee in the chair is scored on the chairing items
            attendees=[
                Attendee(facilitator, Discipline.PHYSICIAN,
                         AttendeeRole.OBSERVER if chair_is_trainee else AttendeeRole.CHAIR),
                *trainees,
            ],
            agenda=[AgendaItem(case_id=c, position=i) for i, c in enumerate(self.chosen_case_ids())],
        )
        try:
            clashes = self._services.conferences.room_clashes(conference)
            warning = describe_clash(conference, clashes) if clashes else None
            if warning is not None and warning != self._warned:
                # said once; a second OK creates it (a room can be shared on purpose)
                self._warned = warning
                self.ui.problemLabel.setText(
                    f"\u26a0 {warning} Change the time or room, or press OK again to create it anyway."
                )
                return None
            stored = self._services.conferences.create(conference)
            self._services.training.register_trainees(
                [Trainee(t.name, t.discipline, years.get(t.name)) for t in trainees])
        except MdtboardError as exc:
            self.ui.problemLabel.setText(f"⚠ {exc}")
            return None
        assert stored.id is not None
        self.created.emit(stored.id)
        self.accept()
        return stored.id
