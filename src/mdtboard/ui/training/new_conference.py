"""A new teaching conference in one step: title, time, facilitator, the trainees taking part, who chairs (the
facilitator unless a trainee is chosen, who is then scored on the chairing items) and the cases to discuss.

Trainees are people, chosen from a list (not typed names matched by spelling): every trainee recorded in the
programme (name, profession, year of training) and every account with the trainee role. Someone new is
added with their name, profession and year of training, and recorded as a person when the conference is
created.

Only fictional cases are offered: a teaching conference works with teaching cases (the shipped bank, or
teaching cases made from real ones and finalised). The lists are read, and the conference created, on
background operations.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from mdtboard.domain.case import CaseSummary, Discipline
from mdtboard.domain.conference import (
    AgendaItem,
    Attendee,
    AttendeeRole,
    Conference,
    ConferenceMode,
    describe_clash,
)
from mdtboard.domain.errors import MdtboardError
from mdtboard.domain.progress import Trainee, trainee_key
from mdtboard.services import permissions
from mdtboard.services.context import Services
from mdtboard.ui import ops, palette
from mdtboard.ui.forms.ui_training_new_conference import Ui_NewTeachingConference

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TRAINEE_ROLE = Qt.ItemDataRole.UserRole + 2


def trainee_text(trainee: Trainee) -> str:
    """``Zoë Lindqvist (psychology, year 3, has an account)``."""
    parts = [trainee.profession.label.lower()]
    if trainee.year_of_training is not None:
        parts.append(f"year {trainee.year_of_training}")
    if trainee.account_id is not None:
        parts.append("has an account")
    return f"{trainee.name} ({', '.join(parts)})"


class NewConferenceDialog(QDialog):
    """Signals:
    created(int): the new conference's id.
    loaded(): the cases and trainees to choose from were read and are listed.
    """

    created = Signal(int)
    loaded = Signal()

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
        signed_in = permissions.acting()
        if signed_in is not None:
            self.ui.facilitatorEdit.setText(signed_in.display_name)
        for discipline in Discipline:
            self.ui.newProfessionCombo.addItem(discipline.label, discipline.value)
        self.ui.chairCombo.addItem("The facilitator", None)
        self._warned: str | None = None  # the room clash last warned about
        self._connect_signals()
        cases, training = services.cases, services.training
        ops.read(lambda: (cases.search("", fictional=True, limit=1000), training.trainee_choices()),
                 parent=self, label="reading cases and trainees", success=lambda found: self._arrived(*found),
                 failure=lambda error: self.ui.problemLabel.setText(f"⚠ {error}"))

    def _connect_signals(self) -> None:
        self.ui.buttonBox.accepted.connect(self.create_conference)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.addTraineeButton.clicked.connect(self.add_trainee)
        self.ui.newNameEdit.returnPressed.connect(self.add_trainee)
        self.ui.traineesList.itemChanged.connect(lambda _item: self._fill_chairs())

    def _arrived(self, cases: list[CaseSummary], trainees: list[Trainee]) -> None:
        for summary in cases:
            item = QListWidgetItem(f"{summary.ref} – {summary.title or summary.display_name}")
            item.setData(CASE_ID_ROLE, summary.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.ui.casesList.addItem(item)
        for trainee in trainees:
            self._add_entry(trainee, checked=False)
        self.loaded.emit()

    # -- trainees
    def _add_entry(self, trainee: Trainee, *, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(trainee_text(trainee))
        item.setData(TRAINEE_ROLE, trainee)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.ui.traineesList.addItem(item)
        return item

    def _entries(self) -> list[QListWidgetItem]:
        listed = self.ui.traineesList
        return [item for row in range(listed.count()) if (item := listed.item(row)) is not None]

    def listed_trainees(self) -> list[Trainee]:
        """Everyone in the list, ticked or not."""
        return [item.data(TRAINEE_ROLE) for item in self._entries()]

    def chosen_trainees(self) -> list[Trainee]:
        """The trainees ticked, in list order."""
        return [item.data(TRAINEE_ROLE) for item in self._entries()
                if item.checkState() == Qt.CheckState.Checked]

    def choose_trainee(self, name: str, chosen: bool = True) -> None:
        """Tick (or untick) the person listed as ``name``; KeyError when nobody is listed so."""
        item = next((i for i in self._entries() if i.data(TRAINEE_ROLE).name == name), None)
        if item is None:
            raise KeyError(name)
        item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)

    def add_trainee(self) -> bool:
        """Add the new trainee typed (name, profession, year of training) to the list, ticked; recorded as a
        person when the conference is created. A name already listed ticks that person instead."""
        name = " ".join(self.ui.newNameEdit.text().split())
        if not name:
            self.ui.problemLabel.setText("⚠ Type the new trainee's name first.")
            return False
        key = trainee_key(name)
        same = next((i for i in self._entries() if trainee_key(i.data(TRAINEE_ROLE).name) == key), None)
        if same is not None:
            same.setCheckState(Qt.CheckState.Checked)
            self.ui.problemLabel.setText(
                f"{same.data(TRAINEE_ROLE).name} is in the list already: ticked, not added twice.")
        else:
            year = self.ui.newYearSpin.value() or None
            profession = Discipline(self.ui.newProfessionCombo.currentData())
            self._add_entry(Trainee(name, profession, year), checked=True)
            self._fill_chairs()
            self.ui.problemLabel.setText("")
        self.ui.newNameEdit.clear()
        self.ui.newYearSpin.setValue(0)
        return same is None

    def _fill_chairs(self) -> None:
        combo = self.ui.chairCombo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("The facilitator", None)
        for trainee in self.chosen_trainees():
            combo.addItem(f"{trainee.name} (a trainee: the chairing items are scored)", trainee.name)
        combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
        combo.blockSignals(False)

    def choose_chair(self, name: str | None) -> None:
        """The trainee ``name`` chairs (None: the facilitator)."""
        index = self.ui.chairCombo.findData(name) if name is not None else 0
        if index < 0:
            raise KeyError(name)
        self.ui.chairCombo.setCurrentIndex(index)

    # -- cases
    def chosen_case_ids(self) -> list[int]:
        out = []
        for row in range(self.ui.casesList.count()):
            item = self.ui.casesList.item(row)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(CASE_ID_ROLE)))
        return out

    # -- creating
    def create_conference(self) -> bool:
        """Create the conference on the writer thread (True when started); ``created`` follows. Refused,
        saying why, without a title, a facilitator or a trainee; a room booked at an overlapping time is
        said once, and a second OK creates it anyway."""
        title = self.ui.titleEdit.text().strip()
        facilitator = " ".join(self.ui.facilitatorEdit.text().split())
        trainees = self.chosen_trainees()
        problems = []
        if not title:
            problems.append("the conference needs a title")
        if not facilitator:
            problems.append("name the facilitator")
        if not trainees:
            problems.append("tick at least one trainee (or add a new one)")
        if problems:
            self.ui.problemLabel.setText("⚠ Not created: " + "; ".join(problems) + ".")
            return False
        trainee_chair = self.ui.chairCombo.currentData()
        chair = trainee_chair or facilitator
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
                         AttendeeRole.OBSERVER if trainee_chair else AttendeeRole.CHAIR),
                *(Attendee(t.name, t.profession, AttendeeRole.TRAINEE) for t in trainees),
            ],
            agenda=[AgendaItem(case_id=c, position=i) for i, c in enumerate(self.chosen_case_ids())],
        )
        services, warned = self._services, self._warned

        def work() -> tuple[str | None, int | None]:
            clashes = services.conferences.room_clashes(conference)
            warning = describe_clash(conference, clashes) if clashes else None
            if warning is not None and warning != warned:
                return warning, None  # said once; a second OK creates it (a room can be shared on purpose)
            stored = services.conferences.create(conference)
            services.training.register_trainees(trainees)
            return None, stored.id

        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        ops.write(work, parent=self, label="creating a teaching conference",
                  success=lambda outcome: self._done(*outcome), failure=self._failed)
        return True

    def _done(self, warning: str | None, conf_id: int | None) -> None:
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        if warning is not None:
            self._warned = warning
            self.ui.problemLabel.setText(
                f"\u26a0 {warning} Change the time or room, or press OK again to create it anyway.")
            return
        assert conf_id is not None
        self.created.emit(conf_id)
        self.accept()

    def _failed(self, error: MdtboardError) -> None:
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.ui.problemLabel.setText(f"⚠ {error}")
