"""The goals of one trainee at the open teaching conference (R2C2-style feedback carried forward), and the
two or three team items announced for them before the session (what they will be scored on).

First the goals set at earlier conferences and not yet reviewed: each is marked met, partly met or not met
here (saved at once, with a note if typed). Then one to three goals for the next conference, written by the
trainee and the rater together after the reveal (what to keep, what to change, how); saving them before
both the self-assessment and a rater's assessment are submitted is refused, and nothing is stored.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit, QListWidgetItem, QTableWidgetItem, QWidget

from mdtboard.domain.blind import MAX_GOALS, Goal, GoalKind, GoalOutcome
from mdtboard.domain.conference import AttendeeRole, Conference
from mdtboard.domain.errors import MdtboardError
from mdtboard.domain.rubric import ENTRUSTMENT_KEY, MDTBOARD_RUBRIC, RubricDomain
from mdtboard.services.context import Services
from mdtboard.ui import ops
from mdtboard.ui.forms.ui_training_goals import Ui_TrainingGoals

REVIEW_COLUMNS = ("Goal", "Agreed with", "Outcome", "Note")
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class GoalsPanel(QWidget):
    """Goals to review and goals to write for one trainee.

    Signals:
        status_message(str): a line for the status bar.
    """

    status_message = Signal(str)
    shown = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.ui = Ui_TrainingGoals()
        self.ui.setupUi(self)
        self.conference: Conference | None = None
        #: Who writes the goals with the trainee (the rater on the scoring tab: their name and account).
        self.rater: str | None = None
        self.rater_id: int | None = None
        self._wanted: tuple[int, str] | None = None
        self.to_review: list[Goal] = []
        self.kinds: list[QComboBox] = [self.ui.kind1Combo, self.ui.kind2Combo, self.ui.kind3Combo]
        self.texts: list[QLineEdit] = [self.ui.goal1Edit, self.ui.goal2Edit, self.ui.goal3Edit]
        for number, combo in enumerate(self.kinds):
            for kind in GoalKind:
                combo.addItem(kind.label, kind.value)
            combo.setCurrentIndex(min(number, len(GoalKind) - 1))
        table = self.ui.reviewTable
        table.setColumnCount(len(REVIEW_COLUMNS))
        table.setHorizontalHeaderLabels(list(REVIEW_COLUMNS))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.ui.traineeCombo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.focusList.itemChanged.connect(lambda _item: self.announce())

    @property
    def trainee(self) -> str:
        return self.ui.traineeCombo.currentText()

    def set_conference(self, conference: Conference | None) -> None:
        self.conference = conference
        names = [a.name for a in conference.attendees if a.role is AttendeeRole.TRAINEE] if conference else []
        current, combo = self.trainee, self.ui.traineeCombo
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(names)
        if current in names:
            combo.setCurrentIndex(names.index(current))
        combo.blockSignals(False)
        self.refresh()

    def set_trainee(self, name: str) -> None:
        index = self.ui.traineeCombo.findText(name)
        if index >= 0:
            self.ui.traineeCombo.setCurrentIndex(index)

    def refresh(self) -> None:
        conf = self.conference
        table = self.ui.reviewTable
        table.setRowCount(0)
        self.to_review = []
        for text in self.texts:
            text.clear()
        if conf is None or conf.id is None or not self.trainee:
            self.ui.stateLabel.setText("No trainee: add trainees to the conference's attendance.")
            return
        training, conf_id, trainee = self._services.training, conf.id, self.trainee
        wanted = (conf_id, trainee)
        self._wanted = wanted

        def work() -> tuple[list[Goal], list[Goal], tuple[str, ...]]:
            return (training.goals_to_review(conf_id, trainee),
                    training.goals(trainee, conference_id=conf_id),
                    training.announced_items(conf_id, trainee))

        ops.read(work, parent=self, label="reading goals",
                 success=lambda found: self._arrived(wanted, *found),
                 failure=lambda error: self.status_message.emit(str(error)))

    def _arrived(self, wanted: tuple[int, str], to_review: list[Goal], written: list[Goal],
                 announced: tuple[str, ...]) -> None:
        if wanted != self._wanted:
            return  # another trainee or conference was chosen meanwhile
        table = self.ui.reviewTable
        self.to_review = to_review
        self._show_focus(announced)
        table.setRowCount(len(self.to_review))
        for row, goal in enumerate(self.to_review):
            table.setItem(row, 0, QTableWidgetItem(f"{goal.kind.label}: {goal.text}"))
            table.setItem(row, 1, QTableWidgetItem(goal.rater or ""))
            outcome = QComboBox(table)
            outcome.setAccessibleName(f"Outcome of goal {row + 1}")
            outcome.addItem("not reviewed yet", "")
            for choice in GoalOutcome:
                outcome.addItem(choice.label, choice.value)
            if goal.outcome is not None:
                outcome.setCurrentIndex(outcome.findData(goal.outcome.value))
            outcome.activated.connect(lambda _i, row=row: self.review(row))
            table.setCellWidget(row, 2, outcome)
            note = QLineEdit(goal.outcome_note or "", table)
            note.setAccessibleName(f"Note on goal {row + 1}")
            note.editingFinished.connect(lambda row=row: self.review(row))
            table.setCellWidget(row, 3, note)
        self.ui.reviewLabel.setVisible(bool(self.to_review))
        table.setVisible(bool(self.to_review))
        for position, goal in enumerate(written[:MAX_GOALS]):
            self.kinds[position].setCurrentIndex(self.kinds[position].findData(goal.kind.value))
            self.texts[position].setText(goal.text)
        self.ui.stateLabel.setText("Goals saved for the next conference." if written else
                                   "No goals yet: write them together once the scores are revealed.")
        self.shown.emit()

    def _show_focus(self, announced: tuple[str, ...]) -> None:
        focus = self.ui.focusList
        focus.blockSignals(True)
        focus.clear()
        for item in MDTBOARD_RUBRIC.for_domain(RubricDomain.TEAMWORK):
            if item.key == ENTRUSTMENT_KEY:
                continue
            entry = QListWidgetItem(item.title if item.core else f"{item.title} (only when announced)")
            entry.setData(KEY_ROLE, item.key)
            entry.setToolTip(f"5: {item.anchors[5]}")
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if item.key in announced else Qt.CheckState.Unchecked)
            focus.addItem(entry)
        focus.blockSignals(False)

    def focus_item(self, key: str) -> QListWidgetItem:
        focus = self.ui.focusList
        return next(focus.item(r) for r in range(focus.count()) if focus.item(r).data(KEY_ROLE) == key)

    def announce(self) -> bool:
        """Store the ticked team items as those announced for the trainee (refused past three)."""
        conf = self.conference
        if conf is None or conf.id is None or not self.trainee:
            return False
        focus = self.ui.focusList
        keys = [focus.item(r).data(KEY_ROLE) for r in range(focus.count())
                if focus.item(r).checkState() == Qt.CheckState.Checked]
        training, conf_id, trainee = self._services.training, conf.id, self.trainee

        def refused(error: MdtboardError) -> None:
            self.status_message.emit(f"Not announced (nothing was changed): {error}")
            self.refresh()

        ops.write(lambda: training.announce_items(conf_id, trainee, keys), parent=self,
                  label="announcing items", failure=refused,
                  success=lambda _keys: self.status_message.emit(
                      f"{len(keys)} team item(s) announced for {trainee}"))
        return True

    def outcome_box(self, row: int) -> QComboBox:
        box = self.ui.reviewTable.cellWidget(row, 2)
        assert isinstance(box, QComboBox)
        return box

    def note_edit(self, row: int) -> QLineEdit:
        edit = self.ui.reviewTable.cellWidget(row, 3)
        assert isinstance(edit, QLineEdit)
        return edit

    def review(self, row: int) -> bool:
        """Store the outcome chosen (and the note) of the earlier goal in ``row``."""
        conf, goal = self.conference, self.to_review[row]
        outcome = self.outcome_box(row).currentData()
        if conf is None or conf.id is None or goal.id is None or not outcome:
            return False
        note = self.note_edit(row).text().strip() or None
        if goal.outcome is not None and goal.outcome.value == outcome and goal.outcome_note == note:
            return True
        training, conf_id, goal_id = self._services.training, conf.id, goal.id

        def reviewed(stored: Goal) -> None:
            if row < len(self.to_review) and self.to_review[row].id == stored.id:
                self.to_review[row] = stored
            self.status_message.emit(f"Goal reviewed: {GoalOutcome(outcome).label}")

        def refused(error: MdtboardError) -> None:
            self.status_message.emit(f"Not saved: {error}")
            self.refresh()

        ops.write(lambda: training.review_goal(goal_id, outcome, conference_id=conf_id, note=note,
                                               seen_version=goal.version),
                  parent=self, label="reviewing a goal", success=reviewed, failure=refused)
        return True

    def save(self) -> bool:
        """Store the goals typed (empty rows left out) for the next conference."""
        conf = self.conference
        if conf is None or conf.id is None or not self.trainee:
            return False
        rows = zip(self.kinds, self.texts, strict=True)
        goals = [(str(kind.currentData()), text.text()) for kind, text in rows if text.text().strip()]
        training, conf_id, trainee, rater, rater_id = (
            self._services.training, conf.id, self.trainee, self.rater, self.rater_id)

        def refused(error: MdtboardError) -> None:
            self.ui.stateLabel.setText(f"Not saved (nothing was changed): {error}")
            self.status_message.emit(f"Goals not saved: {error}")

        def saved(_goals: list[Goal]) -> None:
            self.ui.stateLabel.setText("Goals saved for the next conference.")
            self.status_message.emit(f"Goals saved for {trainee}")

        self.ui.stateLabel.setText("Saving the goals…")
        ops.write(lambda: training.set_goals(conf_id, trainee, goals, rater=rater, rater_id=rater_id),
                  parent=self, label="saving goals", success=saved, failure=refused)
        return True
