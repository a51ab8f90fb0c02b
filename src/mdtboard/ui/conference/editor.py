"""The open conference's own fields (title, date and time, room, chair, mode, minutes per case), saved
as they are typed.

The fields are edited through a :class:`RecordSession`: saved on the writer thread (a locked database or a
silent network never freezes the window), on a pause and at least every 2 s of steady typing, retried by
itself after a fault that passes. Each change is a step on the window's undo stack
(:class:`~mdtboard.ui.editing.commands.FieldEdit`, consecutive typing in one field merged). When someone
saved the conference elsewhere meanwhile, the two are merged field by field: their change to another field
is kept (and the person told), only a field both changed is offered for a choice.
"""

from __future__ import annotations

import copy
from collections.abc import Hashable
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from mdtboard.domain.conference import Conference, ConferenceMode
from mdtboard.domain.errors import ConflictError, InvalidInputError, MdtboardError
from mdtboard.services.conferences import ConferenceService
from mdtboard.ui import palette
from mdtboard.ui.conference.conflicts import Chooser
from mdtboard.ui.conference.controller import ConferenceController
from mdtboard.ui.editing.commands import FieldEdit, RecordReplace
from mdtboard.ui.editing.elsewhere import closed_box
from mdtboard.ui.editing.session import Clash, RecordSession
from mdtboard.ui.forms.ui_conference_editor import Ui_ConferenceEditor

PROBLEM_STYLE = palette.PROBLEM_STYLE
CLASH_STYLE = palette.SHARING_NOTE_STYLE
FIELD_NAMES = {
    "title": "Title",
    "starts_at": "Date and time",
    "room": "Room",
    "chair": "Chair",
    "mode": "Mode",
    "default_minutes": "Minutes per case",
}
#: How the date and time field is written in an undo command.
WHEN_FORMAT = "yyyy-MM-dd HH:mm"


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def details_fields(conf: Conference) -> dict[str, Any]:
    """The conference's own fields, as the record session merges them."""
    return {
        "title": conf.title,
        "starts_at": conf.starts_at,
        "room": conf.room,
        "chair": conf.chair,
        "mode": conf.mode,
        "default_minutes": conf.default_minutes,
    }


def details_with_fields(like: Conference, values: dict[str, Any]) -> Conference:
    return replace(like, **values)


def store_details(service: ConferenceService, conf: Conference) -> Conference:
    """Save the conference's own fields as read at ``conf.version`` (on the writer thread); a version saved
    elsewhere meanwhile comes back in the :class:`ConflictError` (``theirs``), for the session to merge."""
    try:
        return service.update(conf)
    except ConflictError as exc:
        theirs = service.get(conf.id or 0)
        raise ConflictError(
            "conference", conf.title, seen_version=conf.version, mine=conf, theirs=theirs
        ) from exc


class ConferenceEditor(QWidget):
    """Edits the open conference's own fields; every change is saved as it is typed.

    Signals:
        saved(datetime): the fields were saved at that time.
        problem(str): a save failed (the typed text stays on screen and is saved again), or a merge with
            a version saved elsewhere kept someone else's change.
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
        self._texts: dict[str, str] = {}
        self._loading = False
        #: fields whose text of this person's own a choice did not keep (brought back by undo)
        self._discarded: dict[str, Any] = {}
        self.unsaved_dialog: QMessageBox | None = None  # typing on a conference left could not be saved
        for mode in ConferenceMode:
            self.ui.modeCombo.addItem(mode.value.capitalize(), mode.value)
        self.ui.problemLabel.setStyleSheet(PROBLEM_STYLE)
        self.ui.problemLabel.hide()
        self.ui.clashLabel.setStyleSheet(CLASH_STYLE)
        self.ui.clashLabel.hide()
        service = controller.services.conferences
        self.session = RecordSession(
            save=lambda conf: store_details(service, conf),
            read=self.edited,
            fields=details_fields,
            build=details_with_fields,
            label=FIELD_NAMES.__getitem__,
            what="conference",
            parent=self,
        )
        controller.flushers.append(self.session.flush)
        controller.savers.append(self.session.queue_save)
        controller.last_saves.append(lambda: self.session.last_save)
        self.ui.startsEdit.installEventFilter(self)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.ui.titleEdit.textChanged.connect(lambda _t: self._edited("title"))
        self.ui.roomEdit.textChanged.connect(lambda _t: self._edited("room"))
        self.ui.chairEdit.textChanged.connect(lambda _t: self._edited("chair"))
        self.ui.startsEdit.dateTimeChanged.connect(lambda _d: self._edited("starts_at"))
        self.ui.modeCombo.currentIndexChanged.connect(lambda _i: self._edited("mode"))
        self.ui.minutesSpin.valueChanged.connect(lambda _v: self._edited("default_minutes"))
        self.session.saved.connect(self._on_saved)
        self.session.state_changed.connect(self._show_state)
        self.session.failed.connect(self._on_failed)
        self.session.merged.connect(self._on_merged)
        self.session.clashed.connect(self._on_clash)
        self.session.left_retrying.connect(self._left_retrying)
        self.session.left_unsaved.connect(self._left_unsaved)
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
    @property
    def conference(self) -> Conference | None:
        """The conference shown, as last read or saved."""
        base = self.session.base
        return base if isinstance(base, Conference) else None

    def load(self, conf: Conference) -> None:
        """Show ``conf`` (what was pending for the conference shown before must be saved first)."""
        self.session.load(conf)
        self._fill(conf)
        self._show_problem(None)

    def _fill(self, conf: Conference) -> None:
        self._loading = True
        try:
            with self.session.suspend():
                self.ui.titleEdit.setText(conf.title)
                self.ui.startsEdit.setDateTime(to_qdatetime(conf.starts_at))
                self.ui.roomEdit.setText(conf.room or "")
                self.ui.chairEdit.setText(conf.chair or "")
                self.ui.modeCombo.setCurrentIndex(max(0, self.ui.modeCombo.findData(conf.mode.value)))
                self.ui.minutesSpin.setValue(conf.default_minutes)
        finally:
            self._loading = False
        self._texts = {key: self._text(key) for key in FIELD_NAMES}

    def edited(self) -> Conference | None:
        """The conference as the fields show it now (stating the version last read or saved)."""
        base = self.conference
        if base is None:
            return None
        starts: datetime = self.ui.startsEdit.dateTime().toPython()
        return replace(
            base,
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

    # -- editing: each change one step on the undo stack
    def _record_key(self) -> Hashable:
        conf = self.conference
        return ("conference", None if conf is None else conf.id)

    def _text(self, key: str) -> str:
        """A field's content as text (what an undo command holds)."""
        ui = self.ui
        if key == "starts_at":
            return str(ui.startsEdit.dateTime().toString(WHEN_FORMAT))
        if key == "mode":
            return str(ui.modeCombo.currentData())
        if key == "default_minutes":
            return str(ui.minutesSpin.value())
        return {"title": ui.titleEdit, "room": ui.roomEdit, "chair": ui.chairEdit}[key].text()

    def _set_text(self, key: str, text: str) -> None:
        ui = self.ui
        if key == "starts_at":
            ui.startsEdit.setDateTime(QDateTime.fromString(text, WHEN_FORMAT))
        elif key == "mode":
            ui.modeCombo.setCurrentIndex(max(0, ui.modeCombo.findData(text)))
        elif key == "default_minutes":
            ui.minutesSpin.setValue(int(text))
        else:
            {"title": ui.titleEdit, "room": ui.roomEdit, "chair": ui.chairEdit}[key].setText(text)

    def _edited(self, key: str) -> None:
        if self._loading or self.conference is None:
            return
        new, old = self._text(key), self._texts.get(key, "")
        if new == old:
            return
        self._texts[key] = new
        label = f"{FIELD_NAMES[key].lower()} of the conference"
        self._controller.undo_stack.push(FieldEdit(self, self._record_key(), key, label, old, new))
        self.session.touch()

    # -- what the undo commands call (False when the conference is no longer the one shown)
    def apply_text(self, record: Hashable, key: str, text: str) -> bool:
        if self.conference is None or record != self._record_key():
            return False
        self._loading = True
        try:
            self._set_text(key, text)
        finally:
            self._loading = False
        self._texts[key] = self._text(key)
        self.session.touch()
        return True

    def apply_record(self, record: Hashable, content: Any) -> bool:
        if self.conference is None or record != self._record_key() or not isinstance(content, Conference):
            return False
        self._show_record(content)
        self.session.touch()
        return True

    def apply_insert_row(self, record: Hashable, table: str, row: int, content: Any) -> bool:
        return False  # the conference's own fields have no rows

    def apply_remove_row(self, record: Hashable, table: str, row: int) -> bool:
        return False

    def apply_move_row(self, record: Hashable, table: str, source: int, target: int) -> bool:
        return False

    # -- saving (through the record session)
    def _on_saved(self, stored: Conference) -> None:
        self._controller.details_saved(stored)
        self._show_problem(None)
        self.saved.emit(datetime.now())

    def _show_state(self, text: str) -> None:
        if text.startswith("Changed elsewhere"):
            self._show_problem("changed elsewhere meanwhile; choose which version to keep")
        elif text.startswith("Not saved: "):
            if not isinstance(self.session.last_error, InvalidInputError):
                self._show_problem(text.removeprefix("Not saved: "))
                self.problem.emit(f"Conference not saved: {text.removeprefix('Not saved: ')}")
        elif text.startswith("Saved "):
            self._show_problem(None)

    def _on_failed(self, error: MdtboardError) -> None:
        if isinstance(error, InvalidInputError):
            message = "; ".join(
                f"{FIELD_NAMES.get(p.where, p.where)} {p.message}" for p in error.problems
            )
            self._show_problem(message)
            self.problem.emit(f"Conference not saved: {message}")

    def _left_retrying(self, error: MdtboardError, wait: int) -> None:
        """The fields typed on a conference shown before (another was opened) are not saved yet."""
        self.problem.emit(f"Conference shown before not saved yet: {str(error).splitlines()[0]} "
                          f"Retrying in {wait} s")

    def _left_unsaved(self, record: Conference, error: MdtboardError) -> None:
        """The fields typed on a conference shown before could not be saved: offered to copy
        (:attr:`unsaved_dialog`), never silently lost."""
        fields = details_fields(record)
        texts = [f"{FIELD_NAMES[name]}:\n{fields[name]}" for name in ("title", "room", "chair")
                 if fields[name]]
        said = f"What was typed on the conference shown before was not saved: {str(error).splitlines()[0]}"
        self.problem.emit(said)
        self.unsaved_dialog = closed_box(self, "Conference not saved", said, ["\n\n".join(texts)])

    def _show_problem(self, message: str | None) -> None:
        self.ui.problemLabel.setVisible(message is not None)
        self.ui.problemLabel.setText(f"\u26a0 Not saved: {message}" if message else "")

    def _show_record(self, conf: Conference) -> None:
        """Fill the fields with ``conf`` (not an edit: the caller saves it)."""
        self._fill(conf)

    def _on_merged(self, merged: Conference, message: str) -> None:
        """Merged with a version saved elsewhere: show the result (the session saves it). A text of this
        person's own that a choice did not keep goes on the undo stack, so that it can be brought back
        (undo puts back only that text: the other side's changes to other fields stay)."""
        discarded, self._discarded = self._discarded, {}
        stored = self.conference
        if stored is not None:
            self._controller.details_saved(copy.deepcopy(stored))
        self._show_record(merged)
        self._show_problem(None)  # settled; a save that fails now says so again
        if discarded:
            before = details_with_fields(merged, discarded)
            self._controller.undo_stack.push(
                RecordReplace(self, self._record_key(), before, merged, "Choose the saved conference text")
            )
        if message:
            self.problem.emit(f"Conference: {message}")

    def _on_clash(self, clash: Clash) -> None:
        conf_id = self._record_key()
        theirs = clash.theirs_record

        def done(keep_mine: set[str]) -> None:
            if self._record_key() != conf_id:
                return
            shown = self.edited()
            mine = details_fields(shown) if shown is not None else clash.mine  # typed on meanwhile too
            self._discarded = {n: mine[n] for n in clash.merge.clashes if n not in keep_mine}
            self.session.settle(clash, keep_mine)

        self._chooser(f"Conference “{theirs.title}”", clash, FIELD_NAMES.__getitem__, done)
