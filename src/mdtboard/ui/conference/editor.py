"""The open conference's own fields (title, date and time, room, chair, mode, minutes per case), saved
as they are typed."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from mdtboard.domain.conference import Conference, ConferenceMode
from mdtboard.domain.errors import ConflictError, InvalidInputError, MdtboardError
from mdtboard.ui.autosave import AutoSaver
from mdtboard.ui.conference.conflicts import Chooser, WaitingForChoice, details_rows
from mdtboard.ui.conference.controller import ConferenceController
from mdtboard.ui.conflict_dialog import Choice
from mdtboard.ui.forms.ui_conference_editor import Ui_ConferenceEditor

PROBLEM_STYLE = "color: #b00020;"
CLASH_STYLE = (
    "background: #fff4ce; color: #3d2e00; border: 1px solid #b88a00; border-radius: 3px; padding: 6px;"
)
FIELD_NAMES = {
    "title": "Title",
    "room": "Room",
    "chair": "Chair",
    "default_minutes": "Minutes per case",
}


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


class ConferenceEditor(QWidget):
    """Edits the open conference's own fields; every change is saved once typing pauses.

    Signals:
        saved(datetime): the fields were saved at that time.
        problem(str): a save failed (the typed text stays on screen and is saved with the next change).
    """

    saved = Signal(object)
    problem = Signal(str)

    def __init__(
        self, controller: ConferenceController, chooser: Chooser, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ConferenceEditor()
        self.ui.setupUi(self)
        self._controller = controller
        self._chooser = chooser
        self._conf: Conference | None = None
        self._waiting = False
        for mode in ConferenceMode:
            self.ui.modeCombo.addItem(mode.value.capitalize(), mode.value)
        self.ui.problemLabel.setStyleSheet(PROBLEM_STYLE)
        self.ui.problemLabel.hide()
        self.ui.clashLabel.setStyleSheet(CLASH_STYLE)
        self.ui.clashLabel.hide()
        self.saver = AutoSaver(self._save, parent=self)
        controller.flushers.append(self.saver.flush)
        self.ui.startsEdit.installEventFilter(self)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.ui.titleEdit.textEdited.connect(self.saver.touch)
        self.ui.roomEdit.textEdited.connect(self.saver.touch)
        self.ui.chairEdit.textEdited.connect(self.saver.touch)
        self.ui.startsEdit.dateTimeChanged.connect(self.saver.touch)
        self.ui.modeCombo.currentIndexChanged.connect(self.saver.touch)
        self.ui.minutesSpin.valueChanged.connect(self.saver.touch)
        self.saver.saved.connect(self.saved)
        self.saver.save_failed.connect(self._failed)
        self.saver.conflicted.connect(self._conflicted)
        self._controller.opened.connect(self.load)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Tab leaves the date and time field for the next field (rather than walking its sections:
        Left and Right do that), so that Tab goes through the form one field at a time."""
        if watched is self.ui.startsEdit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not event.modifiers() & ~(
                Qt.KeyboardModifier.ShiftModifier
            ):
                self.focusNextPrevChild(event.key() == Qt.Key.Key_Tab)
                return True
        return super().eventFilter(watched, event)

    # -- showing
    def load(self, conf: Conference) -> None:
        """Show ``conf`` (forgetting any edit still pending for the conference shown before)."""
        self.saver.discard()
        self._conf = conf
        self._waiting = False
        with self.saver.suspend():
            self.ui.titleEdit.setText(conf.title)
            self.ui.startsEdit.setDateTime(to_qdatetime(conf.starts_at))
            self.ui.roomEdit.setText(conf.room or "")
            self.ui.chairEdit.setText(conf.chair or "")
            self.ui.modeCombo.setCurrentIndex(max(0, self.ui.modeCombo.findData(conf.mode.value)))
            self.ui.minutesSpin.setValue(conf.default_minutes)
        self._show_problem(None)

    def edited(self) -> Conference | None:
        """The conference as the fields show it now."""
        if self._conf is None:
            return None
        starts: datetime = self.ui.startsEdit.dateTime().toPython()
        return replace(
            self._conf,
            title=self.ui.titleEdit.text(),
            starts_at=starts.replace(second=0, microsecond=0),
            room=self.ui.roomEdit.text().strip() or None,
            chair=self.ui.chairEdit.text().strip() or None,
            mode=ConferenceMode(self.ui.modeCombo.currentData()),
            default_minutes=self.ui.minutesSpin.value(),
        )

    def show_clash(self, text: str | None) -> None:
        """Warn that the room is booked at an overlapping time (``None``: it is not)."""
        self.ui.clashLabel.setVisible(text is not None)
        self.ui.clashLabel.setText(f"\u26a0 {text}" if text else "")

    def focus_title(self) -> None:
        self.ui.titleEdit.setFocus()
        self.ui.titleEdit.selectAll()

    # -- saving
    def _save(self) -> None:
        conf = self.edited()
        if conf is None:
            return
        if self._waiting:
            raise WaitingForChoice()
        self._conf = self._controller.save_details(conf)
        self._show_problem(None)

    def _show_problem(self, message: str | None) -> None:
        self.ui.problemLabel.setVisible(message is not None)
        self.ui.problemLabel.setText(f"\u26a0 Not saved: {message}" if message else "")

    def _failed(self, exc: MdtboardError) -> None:
        if isinstance(exc, WaitingForChoice):
            self._show_problem("changed elsewhere meanwhile; choose which version to keep")
            return
        if isinstance(exc, InvalidInputError):
            message = "; ".join(f"{FIELD_NAMES.get(p.where, p.where)} {p.message}" for p in exc.problems)
        else:
            message = str(exc)
        self._show_problem(message)
        self.problem.emit(f"Conference not saved: {message}")

    def _conflicted(self, exc: ConflictError) -> None:
        mine, theirs = exc.mine, exc.theirs
        if not isinstance(mine, Conference) or not isinstance(theirs, Conference):
            self._failed(exc)
            return

        def done(choice: Choice) -> None:
            self._waiting = False
            if self._conf is None or self._conf.id != theirs.id:
                return
            if choice is Choice.KEEP_MINE:
                self._conf = replace(self._conf, version=theirs.version)
                self.saver.touch()
                self.saver.flush()
            else:
                self.load(theirs)
                self._controller.reload()

        rows = details_rows(mine, theirs)
        if not rows:
            done(Choice.TAKE_THEIRS)
            return
        self._waiting = True
        self._failed(WaitingForChoice())
        self._chooser(f"Conference “{theirs.title}”", rows, done)
