"""The care-plan editor's Follow-through tab: the actions of the case's agreed (signed) plan, reviewed at
the next conference, each with what became of it, recorded by keyboard without a new plan version.

On the table: D records the selected action as done; N as not done (asking why); C as carried forward
(asking the new date: "2027-03-01", "in 6 weeks"). Who records it is chosen from the attendance list
("Recorded by"); the record keeps who and when. Marks say what they mean: done (a tick), not done (an
exclamation mark), overdue (an exclamation mark in red), due (a ring), carried forward (an arrow).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QInputDialog, QLineEdit, QWidget

from mdtboard.domain.careplan import CarePlan, Intervention
from mdtboard.domain.careplan_progress import ActionProgress, ProgressState, action_mark, effective_due
from mdtboard.domain.errors import MdtboardError
from mdtboard.services.context import Services
from mdtboard.ui import ops
from mdtboard.ui.careplan.models import Column, ItemTableModel
from mdtboard.ui.careplan.values import parse_date
from mdtboard.ui.conference.icons import Mark
from mdtboard.ui.forms.ui_careplan_follow_through import Ui_FollowThroughPanel

Row = tuple[Intervention, ActionProgress | None]

#: The symbol of each mark (see :func:`~mdtboard.domain.careplan_progress.action_mark`).
MARKS: dict[str, Mark] = {
    "done": Mark.DONE,
    "not done": Mark.ATTENTION,
    "overdue": Mark.DANGER,
    "due": Mark.WAITING,
    "no date": Mark.WAITING,
}
KEYS: dict[int, ProgressState] = {
    Qt.Key.Key_D: ProgressState.DONE,
    Qt.Key.Key_N: ProgressState.NOT_DONE,
    Qt.Key.Key_C: ProgressState.CARRIED_FORWARD,
}


def _day(value: date | None) -> str:
    return "not set" if value is None else f"{value.day} {value:%b %Y}"


def _now(row: Row, today: date) -> str:
    item, progress = row
    mark = action_mark(item, progress, today)
    if progress is not None and progress.state is ProgressState.CARRIED_FORWARD and mark != "done":
        return f"carried forward, {mark}"
    return mark


def _mark(row: Row, today: date) -> Mark:
    item, progress = row
    mark = action_mark(item, progress, today)
    carried = progress is not None and progress.state is ProgressState.CARRIED_FORWARD
    if mark in ("due", "overdue") and carried:
        return Mark.LATER if mark == "due" else Mark.DANGER
    return MARKS[mark]


def columns(today: Callable[[], date]) -> tuple[Column[Row], ...]:
    return (
        Column("Now", lambda r: _now(r, today()), mark=lambda r: _mark(r, today()), width=150),
        Column("Discipline", lambda r: r[0].discipline.label, width=130),
        Column("Action", lambda r: r[0].description, width=360),
        Column("Who", lambda r: r[0].owner or "not set", width=120),
        Column("By", lambda r: _day(effective_due(*r)), width=100),
        Column("Progress", lambda r: "" if r[1] is None else f"{r[1].text} ({r[1].recorded_text})"),
    )


class _ProgressKeys(QObject):
    def __init__(self, record: Callable[[ProgressState], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._record = record

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        state = KEYS.get(event.key())
        plain = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        if state is None or modifiers not in plain:
            return False
        return self._record(state)


class FollowThroughPanel(QWidget):
    """The actions of the agreed plan shown with :meth:`show_case`.

    The plan, its progress and who may record it are read on the reader thread ("Loading…" meanwhile);
    progress is recorded on the writer thread.

    Signals:
        message(str): a line for the status bar.
        progress_recorded(int): progress was recorded on an action of this plan (its id).
        shown(): the actions of the case asked for with :meth:`show_case` are shown.
    """

    message = Signal(str)
    progress_recorded = Signal(int)
    shown = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.ui = Ui_FollowThroughPanel()
        self.ui.setupUi(self)
        self.today = date.today()
        self.model: ItemTableModel[Row] = ItemTableModel("follow_through", columns(lambda: self.today), self)
        self.model.set_read_only(True)
        view = self.ui.actionsTable
        view.setModel(self.model)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column, spec in enumerate(self.model.columns[:-1]):
            view.setColumnWidth(column, spec.width)
        self._keys = _ProgressKeys(self.record_selected, view)
        view.installEventFilter(self._keys)
        self.plan: CarePlan | None = None
        self._case_id: int | None = None
        self._agenda_item_id: int | None = None
        self._asked = 0  # counts the cases asked for: only the last one is shown
        self.last_dialog: QInputDialog | None = None
        self._connect_signals()
        self.show_case(None, None)

    def _connect_signals(self) -> None:
        """The table's keys are handled by its event filter (:class:`_ProgressKeys`)."""

    @property
    def has_actions(self) -> bool:
        return self.model.rowCount() > 0

    def show_case(self, case_id: int | None, agenda_item_id: int | None) -> None:
        """Show the actions of the case's latest signed plan, and who may record their progress: the
        people present at the conference of ``agenda_item_id`` (where the case is discussed). Read on
        the reader thread; until they come the table of another case is cleared and "Loading…" shown."""
        self._asked += 1
        token = self._asked
        if case_id != self._case_id:
            self.plan = None
            self.model.set_items([])
        self._case_id = case_id
        self._agenda_item_id = agenda_item_id
        if case_id is None:
            self._show(token, (None, {}, []))
            return
        careplans = self._services.careplans

        def work() -> tuple[CarePlan | None, dict[str, ActionProgress], list[str]]:
            plan = careplans.agreed(case_id)
            progress = careplans.progress(plan.id) if plan and plan.id else {}
            present = [] if agenda_item_id is None else careplans.present(agenda_item_id)
            return plan, progress, [a.name for a in present]

        self.ui.introLabel.setText("Loading…")
        ops.read(work, parent=self, label="the care plan's follow-through",
                 success=lambda got: self._show(token, got),
                 failure=lambda exc: self._not_read(token, exc))

    def _not_read(self, token: int, error: MdtboardError) -> None:
        if token == self._asked:
            self._show_texts(self.model.items(), self.ui.recorderCombo.isEnabled())
            self.message.emit(str(error))

    def _show(
        self, token: int, got: tuple[CarePlan | None, dict[str, ActionProgress], list[str]]
    ) -> None:
        if token != self._asked:  # another case was asked for meanwhile
            return
        plan, progress, recorders = got
        self.today = date.today()
        self.plan = plan
        rows: list[Row] = [] if plan is None else [
            (i, progress.get(i.uid)) for i in plan.agreed_interventions()
        ]
        row = max(self.ui.actionsTable.currentIndex().row(), 0)
        self.model.set_items(rows)
        if rows:
            self.ui.actionsTable.setCurrentIndex(self.model.index(min(row, len(rows) - 1), 0))
        combo = self.ui.recorderCombo
        chosen = combo.currentText()
        combo.clear()
        combo.addItems(list(recorders))
        if chosen in recorders:
            combo.setCurrentText(chosen)
        if not recorders:
            combo.addItem("Nobody on an attendance list")
        combo.setEnabled(bool(recorders))
        self._show_texts(rows, bool(recorders))
        self.shown.emit()

    def _show_texts(self, rows: Sequence[Row], can_record: bool) -> None:
        plan = self.plan
        if plan is None:
            self.ui.introLabel.setText(
                "No agreed plan yet. Once a plan is signed, its actions are reviewed here at the next "
                "conference: done, not done, or carried forward to a new date."
            )
        elif not rows:
            self.ui.introLabel.setText(
                f"Version {plan.plan_version} (signed) has no agreed actions to review."
            )
        else:
            how = ("D done, N not done (asks why), C carried forward (asks the new date). Recorded without "
                   "a new plan version, with who recorded it and when.")
            if not can_record:
                how = ("Open the case from the conference where it is discussed to record progress: who "
                       "records it is chosen from its attendance list.")
            self.ui.introLabel.setText(f"Actions of the agreed plan, version {plan.plan_version}. {how}")
        counts: dict[str, int] = {}
        for item, progress in rows:
            mark = action_mark(item, progress, self.today)
            counts[mark] = counts.get(mark, 0) + 1
        self.ui.summaryLabel.setText(
            " · ".join(f"{n} {mark}" for mark in ("done", "not done", "overdue", "due", "no date")
                       if (n := counts.get(mark)))
        )

    # -- recording
    def record_selected(self, state: ProgressState) -> bool:
        """Record ``state`` for the selected action (asking the reason or the new date first)."""
        row = self.ui.actionsTable.currentIndex().row()
        if self.plan is None or not 0 <= row < self.model.rowCount():
            return False
        if not self.ui.recorderCombo.isEnabled():
            self.message.emit("Progress not recorded: open the case from its conference, so that who records "
                              "it can be chosen from the attendance list.")
            return True
        item = self.model.item(row)[0]
        if state is ProgressState.DONE:
            self.record(item, state)
            return True
        dialog = QInputDialog(self)
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        if state is ProgressState.NOT_DONE:
            dialog.setWindowTitle("Not done")
            dialog.setLabelText(f"Why was it not done?\n{item.description}")
        else:
            dialog.setWindowTitle("Carried forward")
            dialog.setLabelText(f"Carried forward to which date? (2027-03-01, or \u201cin 6 weeks\u201d)\n"
                                f"{item.description}")
        dialog.textValueSelected.connect(lambda text: self._answered(item, state, text))
        self.last_dialog = dialog
        dialog.open()
        return True

    def _answered(self, item: Intervention, state: ProgressState, text: str) -> None:
        if state is ProgressState.CARRIED_FORWARD:
            try:
                when = parse_date(text)
            except ValueError as exc:
                self.message.emit(f"Progress not recorded: {exc}.")
                return
            self.record(item, state, new_due=when)
        else:
            self.record(item, state, reason=text)

    def record(self, item: Intervention, state: ProgressState, *, reason: str | None = None,
               new_due: date | None = None) -> bool:
        """Record progress on ``item``, on the writer thread (the table shows it when stored). False when
        there is no agreed plan to record it on."""
        plan = self.plan
        if plan is None or plan.id is None:
            return False
        careplans, plan_id, item_id = self._services.careplans, plan.id, self._agenda_item_id
        recorded_by = self.ui.recorderCombo.currentText()

        def work() -> tuple[ActionProgress, dict[str, ActionProgress]]:
            recorded = careplans.record_progress(
                plan_id, item.uid, state, recorded_by=recorded_by, reason=reason, new_due=new_due,
                agenda_item_id=item_id,
            )
            return recorded, careplans.progress(plan_id)

        ops.write(work, parent=self, label="recording progress on a care-plan action",
                  success=lambda got: self._recorded(plan, item, *got),
                  failure=lambda exc: self.message.emit(f"Progress not recorded: {exc}"))
        return True

    def _recorded(
        self, plan: CarePlan, item: Intervention, recorded: ActionProgress,
        progress: dict[str, ActionProgress],
    ) -> None:
        if self.plan is not None and self.plan.id == plan.id:
            row = self.ui.actionsTable.currentIndex().row()
            self.model.set_items([(i, progress.get(i.uid)) for i in plan.agreed_interventions()])
            self.ui.actionsTable.setCurrentIndex(self.model.index(max(row, 0), 0))
            self._show_texts(self.model.items(), self.ui.recorderCombo.isEnabled())
        self.message.emit(f"{recorded.text}: {item.description[:60]} ({recorded.recorded_text})")
        assert plan.id is not None
        self.progress_recorded.emit(plan.id)

    def rows(self) -> list[Any]:
        return self.model.items()
