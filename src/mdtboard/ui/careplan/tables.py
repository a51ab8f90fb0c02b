"""The seven lists of the care plan on the editor's form: a model and a table view each, with the program's
table keys everywhere (:mod:`mdtboard.ui.table_keys`: Insert or Ctrl+N adds a row, Delete removes one,
Ctrl+Shift+Up/Down moves it, Tab goes to the next cell; typing or F2 edits a cell)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from mdtboard.domain.careplan import CarePlan, Intervention, MedicationAction, MedicationPlanEntry
from mdtboard.ui.careplan.keys import CellDelegate, ReviewKeys
from mdtboard.ui.careplan.models import ItemTableModel
from mdtboard.ui.careplan.sections import (
    DISAGREEMENTS,
    GOALS,
    INTERVENTIONS,
    MEDICATION,
    PROBLEMS,
    PROCEDURES,
    RISKS,
    SECTIONS,
)
from mdtboard.ui.forms.ui_careplan_editor import Ui_CarePlanEditor
from mdtboard.ui.table_keys import install_table_keys

#: Medication-table columns shown only while some line has this decision.
MEDICATION_COLUMNS_WHEN: dict[str, MedicationAction] = {
    "Switch to": MedicationAction.SWITCH,
    "Options offered (pending)": MedicationAction.PENDING,
    "Who decides with the patient": MedicationAction.PENDING,
    "Decide by": MedicationAction.PENDING,
}


class PlanTables(QObject):
    """The models and views of the plan's lists, by section name (``CarePlan`` attribute).

    Signals:
        item_edited(str, int, object, object): a cell edit changed row ``int`` of section ``str`` from the
            first item to the second (not yet applied: the editor puts it on the undo stack).
        add_requested(str): Insert or Ctrl+N in the table of this section.
        accept_requested(int): Enter on a proposed intervention (this row).
        merge_requested(int): M on an intervention: merge it into the row above.
        remove_requested(str): Delete in the table of this section.
        move_requested(str, int): Ctrl+Shift+Up (-1) or Ctrl+Shift+Down (+1) in the table of this section.
        problem(str): a typed value was refused; nothing was changed.
        items_changed(): some list changed.
    """

    item_edited = Signal(str, int, object, object)
    add_requested = Signal(str)
    accept_requested = Signal(int)
    merge_requested = Signal(int)
    remove_requested = Signal(str)
    move_requested = Signal(str, int)
    problem = Signal(str)
    items_changed = Signal()

    def __init__(self, ui: Ui_CarePlanEditor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tabs = ui.sectionTabs
        self.views: dict[str, QTableView] = {
            PROBLEMS: ui.problemsTable, GOALS: ui.goalsTable, INTERVENTIONS: ui.interventionsTable,
            MEDICATION: ui.medicationTable, PROCEDURES: ui.proceduresTable, RISKS: ui.risksTable,
            DISAGREEMENTS: ui.disagreementsTable,
        }
        self.models: dict[str, ItemTableModel[Any]] = {}
        for name, view in self.views.items():
            section = SECTIONS[name]
            model: ItemTableModel[Any] = ItemTableModel(name, section.columns, self)
            model.edit_handler = self._edit_handler(name)
            view.setModel(model)
            view.setItemDelegate(CellDelegate(view))
            install_table_keys(view, self._emitter(self.add_requested, name),
                               self._emitter(self.remove_requested, name), self._mover(name))
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            for column, spec in enumerate(section.columns[:-1]):
                if spec.width:
                    view.setColumnWidth(column, spec.width)
            model.problem.connect(self.problem)
            model.items_changed.connect(self.items_changed)
            self.models[name] = model
        view = self.views[INTERVENTIONS]
        view.installEventFilter(ReviewKeys(self._accept, self._edit_text, self._merge, view))
        medication = self.models[MEDICATION]
        for signal in (medication.modelReset, medication.dataChanged, medication.rowsInserted,
                       medication.rowsRemoved):
            signal.connect(self._fit_medication_columns)
        self._fit_medication_columns()

    def _fit_medication_columns(self, *_args: object) -> None:
        """The medication table shows the columns of a switch only while a line is a switch, and those of
        a pending decision only while one is pending: all of them at once are wider than a 1920-pixel
        screen beside the sign-off panel."""
        view, model = self.views[MEDICATION], self.models[MEDICATION]
        actions = {m.action for m in model.items() if isinstance(m, MedicationPlanEntry)}
        for column, spec in enumerate(SECTIONS[MEDICATION].columns):
            needed = MEDICATION_COLUMNS_WHEN.get(spec.header)
            view.setColumnHidden(column, needed is not None and needed not in actions)

    def _accept(self, row: int) -> bool:
        item = self.models[INTERVENTIONS].item(row)
        if not isinstance(item, Intervention) or not item.proposed or self.models[INTERVENTIONS].read_only:
            return False
        self.accept_requested.emit(row)
        return True

    def _edit_text(self, row: int) -> bool:
        if self.models[INTERVENTIONS].read_only:
            return False
        self.start_editing(INTERVENTIONS, row)
        return True

    def _merge(self, row: int) -> bool:
        if self.models[INTERVENTIONS].read_only or row < 1:
            return False
        self.merge_requested.emit(row)
        return True

    def _edit_handler(self, name: str) -> Callable[[int, Any, Any], None]:
        return lambda row, old, new: self.item_edited.emit(name, row, old, new)

    def _mover(self, name: str) -> Callable[[int], None]:
        return lambda step: self.move_requested.emit(name, step)

    @staticmethod
    def _emitter(signal: Any, name: str) -> Callable[[], None]:
        return lambda: signal.emit(name)

    # -- filling and reading
    def fill(self, plan: CarePlan | None) -> None:
        for name, model in self.models.items():
            model.set_items([] if plan is None else list(getattr(plan, name)))

    def stored(self, name: str) -> list[Any]:
        """The rows of a section that can be stored (a row still without its text is left out)."""
        return [item for item in self.models[name].items() if not SECTIONS[name].blank(item)]

    def blank_rows(self) -> int:
        return sum(len(model.items()) - len(self.stored(name)) for name, model in self.models.items())

    def set_read_only(self, read_only: bool) -> None:
        for model in self.models.values():
            model.set_read_only(read_only)

    # -- rows
    def new_row(self, name: str) -> tuple[int, Any]:
        """Where a new row goes (after the selected one, else at the end) and the item it starts as (an
        intervention takes the discipline of the row above)."""
        current = self.views[name].currentIndex()
        model = self.models[name]
        row = current.row() + 1 if current.isValid() else model.rowCount()
        item = SECTIONS[name].new_item()
        if isinstance(item, Intervention) and current.isValid():
            item = replace(item, discipline=model.item(current.row()).discipline)
        return row, item

    def current_row(self, name: str) -> int:
        return self.views[name].currentIndex().row()

    def start_editing(self, name: str, row: int) -> None:
        view = self.views[name]
        index = self.models[name].index(row, SECTIONS[name].first_column)
        view.setCurrentIndex(index)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        view.edit(index)

    def replace(self, name: str, row: int, item: Any) -> bool:
        model = self.models[name]
        if not 0 <= row < model.rowCount():
            return False
        model.replace_item(row, item)
        self._select(name, row)
        return True

    def insert(self, name: str, row: int, item: Any) -> bool:
        self.models[name].insert_item(row, item)
        self._select(name, row)
        return True

    def remove(self, name: str, row: int) -> bool:
        model = self.models[name]
        if not 0 <= row < model.rowCount():
            return False
        model.remove_item(row)
        self._select(name, row)
        return True

    def _select(self, name: str, row: int) -> None:
        """Show the row just changed, in the column the cursor is in (a cell edit keeps its column, so
        that Tab and Shift+Tab go on from the cell just edited)."""
        self.reveal(self.views[name])
        model = self.models[name]
        view = self.views[name]
        if model.rowCount():
            column = max(view.currentIndex().column(), 0)
            view.setCurrentIndex(model.index(min(row, model.rowCount() - 1), column))

    def reveal(self, widget: QWidget) -> None:
        """Bring the tab holding ``widget`` to the front."""
        for index in range(self._tabs.count()):
            page = self._tabs.widget(index)
            if page is not None and page.isAncestorOf(widget):
                self._tabs.setCurrentIndex(index)
                return
