"""Who is at the conference, with discipline and role, and whether the team is quorate."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from mdtboard.domain.accounts import Account
from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import Attendee, AttendeeRole, Conference, quorum
from mdtboard.ui import ops
from mdtboard.ui.conference.controller import ConferenceController
from mdtboard.ui.conference.icons import Mark, icon_size_for, pixmap
from mdtboard.ui.conference.models import AttendeeModel
from mdtboard.ui.forms.ui_conference_attendance import Ui_AttendancePanel

DISCIPLINE_CHOICES = [(d.label, d.value) for d in Discipline]
ROLE_CHOICES = [(r.value.capitalize(), r.value) for r in AttendeeRole]


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a combo box of (label, value) choices; the model's EditRole holds the value."""

    def __init__(self, choices: list[tuple[str, str]], parent: Any = None) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(  # noqa: N802 (Qt's name)
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        for label, value in self._choices:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class AttendancePanel(QWidget):
    """The attendance table, a row to add a person, and the quorum by text and symbol.

    Signals:
        message(str): something for the status bar (a person added or removed, or why not).
    """

    message = Signal(str)

    def __init__(self, controller: ConferenceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AttendancePanel()
        self.ui.setupUi(self)
        self._controller = controller
        self._people: dict[str, Account] = {}
        self.model = AttendeeModel(self)
        self.model.edit_handler = controller.edit_attendee
        view = self.ui.attendeeView
        view.setModel(self.model)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(AttendeeModel.NAME, QHeaderView.ResizeMode.Stretch)
        view.setItemDelegateForColumn(AttendeeModel.DISCIPLINE, ChoiceDelegate(DISCIPLINE_CHOICES, view))
        view.setItemDelegateForColumn(AttendeeModel.ROLE, ChoiceDelegate(ROLE_CHOICES, view))
        for label, value in DISCIPLINE_CHOICES:
            self.ui.disciplineCombo.addItem(label, value)
        for label, value in ROLE_CHOICES:
            self.ui.roleCombo.addItem(label, value)
        self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData(AttendeeRole.MEMBER.value))
        self.remove_action = QAction("Remove the selected person from the attendance", view)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        view.addAction(self.remove_action)
        self._connect_signals()
        self.show_attendees([])
        self.size_columns()

    def size_columns(self) -> None:
        """Discipline and role as wide as their longest choice (and its drop-down when edited), whoever
        is present: readable from the first show, at every text size."""
        view = self.ui.attendeeView
        metrics = view.fontMetrics()
        header = view.horizontalHeader()
        columns = ((AttendeeModel.DISCIPLINE, DISCIPLINE_CHOICES), (AttendeeModel.ROLE, ROLE_CHOICES))
        for column, choices in columns:
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            widest = max(
                [metrics.horizontalAdvance(label) for label, _value in choices]
                + [header.fontMetrics().horizontalAdvance(title)]
            )
            # room for the cell's margins and, while the cell is edited, the drop-down's arrow
            view.setColumnWidth(column, widest + metrics.height() * 2 + 12)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.size_columns()

    def _connect_signals(self) -> None:
        self.ui.addButton.clicked.connect(self.add_person)
        self.ui.nameEdit.returnPressed.connect(self.add_person)
        self.ui.nameEdit.textChanged.connect(self._name_typed)
        for combo in (self.ui.disciplineCombo, self.ui.roleCombo):  # Enter adds from the whole row
            combo.installEventFilter(self)
        self.ui.removeButton.clicked.connect(self.remove_selected)
        self.remove_action.triggered.connect(self.remove_selected)
        self._controller.opened.connect(self._opened)
        self._controller.attendance_changed.connect(self.show_attendees)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            watched in (self.ui.disciplineCombo, self.ui.roleCombo)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.add_person()
            return True
        return super().eventFilter(watched, event)

    def _opened(self, conf: Conference) -> None:
        self.show_attendees(conf.attendees)
        accounts = self._controller.services.accounts
        ops.read(accounts.active, parent=self, success=self._offer_people, failure=lambda _e: None,
                 label="accounts for the attendance")

    def _offer_people(self, people: list[Account]) -> None:
        """The names of the people with accounts are offered as the name is typed; choosing one sets
        their discipline (a signature needs the name as on their account, and their discipline)."""
        self._people = {" ".join(a.display_name.split()).casefold(): a for a in people if a.discipline}
        completer = QCompleter(sorted(a.display_name for a in self._people.values()), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.ui.nameEdit.setCompleter(completer)

    def _name_typed(self, text: str) -> None:
        person = self._people.get(" ".join(text.split()).casefold())
        if person is not None and person.discipline is not None:
            at = self.ui.disciplineCombo.findData(person.discipline.value)
            if at >= 0:
                self.ui.disciplineCombo.setCurrentIndex(at)

    def show_attendees(self, attendees: list[Attendee]) -> None:
        self.model.set_rows(attendees)
        q = quorum(attendees)
        self.ui.quorumLabel.setText(q.describe())
        mark = Mark.DONE if q.quorate else Mark.ATTENTION
        size = icon_size_for(self.ui.quorumLabel.font())
        self.ui.quorumIcon.setPixmap(pixmap(mark, size))
        self.ui.quorumIcon.setAccessibleName("Quorate" if q.quorate else "Not quorate")
        self.ui.removeButton.setEnabled(bool(attendees))

    def add_person(self) -> None:
        name = self.ui.nameEdit.text().strip()
        if not name:
            self.message.emit("Type the person's name first.")
            self.ui.nameEdit.setFocus()
            return
        person = Attendee(
            name=name,
            discipline=Discipline(self.ui.disciplineCombo.currentData()),
            role=AttendeeRole(self.ui.roleCombo.currentData()),
        )
        if self._controller.add_attendee(person):
            self._clear_row()
            # A name chosen in the completer's list with Enter is put back in the field by the completer
            # once this has run: cleared again then, so that the next name typed does not join it.
            QTimer.singleShot(0, lambda: self._clear_row(unless_other_than=name))
            self.message.emit(f"{name} ({person.discipline.label.lower()}) added to the attendance")
        self.ui.nameEdit.setFocus()

    def _clear_row(self, *, unless_other_than: str | None = None) -> None:
        """The row to add a person emptied: no name, the first discipline, a member (left as it is when
        it holds a name other than ``unless_other_than``, if given)."""
        if unless_other_than is not None and self.ui.nameEdit.text().strip() != unless_other_than:
            return
        self.ui.nameEdit.clear()
        self.ui.disciplineCombo.setCurrentIndex(0)
        self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData(AttendeeRole.MEMBER.value))

    def offer_chair(self, name: str) -> None:
        """The chair typed in the conference's details: when nobody of that name is on the attendance,
        put them in the row to add, as chair, leaving their discipline to choose (Enter adds them)."""
        name = " ".join(name.split())
        present = {a.name.casefold() for a in self._controller.attendees()}
        if not name or name.casefold() in present or self.ui.nameEdit.text().strip():
            return
        self.ui.nameEdit.setText(name)
        self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData(AttendeeRole.CHAIR.value))
        self.message.emit(
            f"{name} chairs but is not on the attendance yet: choose their discipline below and press "
            "Enter to add them"
        )

    def remove_selected(self) -> None:
        index = self.ui.attendeeView.currentIndex()
        if not index.isValid():
            self.message.emit("Select the person to remove first.")
            return
        row = index.row()
        person = self.model.row_object(row)
        if self._controller.remove_attendee(person):
            self.message.emit(f"{person.name} removed from the attendance (Ctrl+Z puts them back)")
            if self.model.rowCount():
                self.ui.attendeeView.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))
