"""Follow-ups in the conference workspace: the open actions of agreed care plans that are due by the
conference, each with its case, and one button that puts their cases on the agenda (undoable).

"Due by the conference" means due before the day after it (``open_actions_due(before=...)``), so an action
due on the conference day itself is followed up there, not a week late.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QFrame, QWidget

from mdtboard.domain.careplan import OpenAction
from mdtboard.domain.conference import AgendaItem, Conference
from mdtboard.domain.errors import MdtboardError
from mdtboard.ui import ops
from mdtboard.ui.conference.controller import ConferenceController
from mdtboard.ui.conference.icons import Mark, icon, icon_size_for, pixmap
from mdtboard.ui.forms.ui_careplan_follow_ups import Ui_FollowUpsPanel

Index = QModelIndex | QPersistentModelIndex


def _day(value: date) -> str:
    return f"{value:%d %b %Y}".lstrip("0")


def follow_up_text(action: OpenAction, *, on_agenda: bool, today: date) -> str:
    item = action.intervention
    due = item.due
    when = "no due date" if due is None else (
        f"overdue since {_day(due)}" if due < today else f"due {_day(due)}"
    )
    owner = f" ({item.owner})" if item.owner else ""
    if action.progress is not None:
        owner += f" · {action.progress.text}"
    where = " · on the agenda" if on_agenda else ""
    return (
        f"{action.case_ref} · {action.patient_name} — {when}{where}\n"
        f"{item.discipline.label}: {item.description}{owner}"
    )


class FollowUpModel(QAbstractListModel):
    """Open actions, soonest first; those whose case is on the agenda already say so."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[OpenAction] = []
        self._on_agenda: frozenset[int] = frozenset()
        self.today = date.today()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default argument)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < len(self._rows):
            return None
        action = self._rows[index.row()]
        on_agenda = action.case_id in self._on_agenda
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return follow_up_text(action, on_agenda=on_agenda, today=self.today)
        if role == Qt.ItemDataRole.DecorationRole:
            # the action's own state (overdue, due); being on the agenda is said in words, not ticked
            due = action.intervention.due
            return icon(Mark.DANGER if due is not None and due < self.today else Mark.WAITING)
        return None

    def set_rows(self, rows: Sequence[OpenAction], on_agenda: frozenset[int]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._on_agenda = on_agenda
        self.endResetModel()

    def rows(self) -> list[OpenAction]:
        return list(self._rows)

    def cases_to_add(self) -> list[int]:
        """The cases of the follow-ups not on the agenda yet, in the order of their first action."""
        out: list[int] = []
        for action in self._rows:
            if action.case_id not in self._on_agenda and action.case_id not in out:
                out.append(action.case_id)
        return out


class FollowUpsPanel(QFrame):
    """Shown in the conference workspace beside the agenda, while there are follow-ups for it.

    The follow-ups are read on the reader thread.

    Signals:
        message(str): something for the status bar.
    """

    message = Signal(str)

    def __init__(self, controller: ConferenceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FollowUpsPanel()
        self.ui.setupUi(self)
        self._controller = controller
        self._asked = 0  # counts the reads asked for: only the last one is shown
        self._shown_for: int | None = None  # the conference whose follow-ups are shown
        self.model = FollowUpModel(self)
        self.ui.followUpView.setModel(self.model)
        self.ui.followUpIcon.setPixmap(pixmap(Mark.LATER, icon_size_for(self.font())))
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.ui.addButton.clicked.connect(self.add_to_agenda)
        self._controller.opened.connect(self._opened)
        self._controller.agenda_changed.connect(self._agenda_changed)
        self._controller.closed.connect(self.refresh)

    @staticmethod
    def due_before(conf: Conference) -> date:
        """Actions due before this day are followed up at ``conf``: due on its day or earlier."""
        return conf.starts_at.date() + timedelta(days=1)

    def refresh(self) -> None:
        """Read the follow-ups of the open conference again, on the reader thread (those of another
        conference are cleared at once)."""
        conf = self._controller.conference
        self._asked += 1
        token = self._asked
        conf_id = None if conf is None else conf.id
        if conf_id != self._shown_for:
            self._shown_for = conf_id
            self._show(token, conf, [])
        if conf is None:
            return
        careplans, before = self._controller.services.careplans, self.due_before(conf)
        ops.read(lambda: careplans.open_actions_due(before), parent=self, label="the care-plan follow-ups",
                 success=lambda actions: self._show(token, conf, actions),
                 failure=lambda exc: self._not_read(token, exc))

    def _show(self, token: int, conf: Conference | None, actions: list[OpenAction]) -> None:
        if token != self._asked:  # read again meanwhile (another conference, say)
            return
        self.model.today = date.today()
        self.model.set_rows(actions, frozenset(i.case_id for i in self._controller.agenda()))
        self._show_counts(conf)

    def _not_read(self, token: int, error: MdtboardError) -> None:
        if token == self._asked:
            self.message.emit(str(error))

    def _show_counts(self, conf: Conference | None) -> None:
        actions = self.model.rows()
        self.setVisible(bool(actions))
        cases = len({a.case_id for a in actions})
        to_add = self.model.cases_to_add()
        if conf is not None and actions:
            self.ui.followUpLabel.setText(
                f"Follow-ups: {len(actions)} open action{'s' if len(actions) != 1 else ''} of agreed care "
                f"plans due by {_day(conf.starts_at.date())}, in {cases} case{'s' if cases != 1 else ''}"
            )
        self.ui.addButton.setEnabled(bool(to_add))
        self.ui.addButton.setText(
            f"Add their {len(to_add)} case{'s' if len(to_add) != 1 else ''} to the agenda" if to_add
            else "Their cases are on the agenda"
        )

    def _opened(self, _conf: Conference) -> None:
        self.refresh()

    def _agenda_changed(self, items: list[AgendaItem]) -> None:
        self.model.set_rows(self.model.rows(), frozenset(i.case_id for i in items))
        self._show_counts(self._controller.conference)

    def add_to_agenda(self) -> bool:
        """Put the cases of the follow-ups that are not on the agenda yet on it (one undoable step)."""
        case_ids = self.model.cases_to_add()
        if not case_ids:
            self.message.emit("The cases of these follow-ups are on the agenda already.")
            return False
        n = len(case_ids)
        text = f"Add {n} follow-up case{'s' if n != 1 else ''} to the agenda"
        if not self._controller.add_cases(case_ids, text):
            return False
        self.message.emit(text.replace("Add", "Added", 1) + " (Ctrl+Z takes them off)")
        return True
