"""The programme view: every trainee, the teaching conferences they attended and the cases they presented;
the agreement between raters (weighted kappa and ICC with their n); the chosen trainee's competency record
exported as CSV or PDF for the competency committee."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFileDialog, QHeaderView, QInputDialog, QWidget

from mdtboard.domain.cohort import Cohort, CohortRow
from mdtboard.domain.errors import MdtboardError
from mdtboard.domain.progress import ProgrammeOverview, Trainee, TraineeSummary, trainee_key
from mdtboard.domain.rubric import RubricDomain
from mdtboard.interchange.competency_csv import write_competency_csv
from mdtboard.reports.competency import write_competency_pdf
from mdtboard.services.context import Services
from mdtboard.services.programme import ProgrammeView as ProgrammeData
from mdtboard.ui import ops
from mdtboard.ui.forms.ui_training_programme import Ui_TrainingProgramme

COLUMNS = ("Trainee", "Conferences attended", "Presentations given", "First conference", "Last conference",
           "Team behaviours (latest, change)", "Flags", "Curriculum topics", "Profession", "Year of training")
TRAINEE, ATTENDED, PRESENTED, FIRST, LAST, TEAM, FLAGS, TOPICS, PROFESSION, YEAR = range(len(COLUMNS))
#: The value to sort by (numbers as numbers, dates as ISO text).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class ProgrammeModel(QAbstractTableModel):
    """Read-only rows of :class:`TraineeSummary`, one per trainee."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TraineeSummary] = []
        self.conferences = 0
        self._cohort: dict[str, CohortRow] = {}
        self._topics: dict[str, str] = {}
        self._people: dict[str, Trainee] = {}

    def set_people(self, people: dict[str, Trainee]) -> None:
        self.beginResetModel()
        self._people = dict(people)
        self.endResetModel()

    def set_cohort(self, cohort: Cohort) -> None:
        self.beginResetModel()
        self._cohort = {row.trainee: row for row in cohort.rows}
        self._topics = dict(cohort.topics)
        self.endResetModel()

    def set_overview(self, overview: ProgrammeOverview) -> None:
        self.beginResetModel()
        self._rows = list(overview.trainees)
        self.conferences = overview.conferences
        self.endResetModel()

    def summary(self, row: int) -> TraineeSummary:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        extra = self._cohort.get(row.trainee)
        team = extra.latest.get(RubricDomain.TEAMWORK) if extra else None
        change = extra.change.get(RubricDomain.TEAMWORK) if extra else None
        values: tuple[Any, ...] = (
            row.trainee,
            row.conferences_attended,
            row.presentations_given,
            row.first_conference,
            row.last_conference,
            "–" if team is None else f"{team:.1f}" + ("" if change is None else f" ({change:+.1f})"),
            "; ".join(extra.flags) if extra else "",
            f"{len(extra.topics)} of {len(self._topics)}" if extra else "",
            person.profession.label if (person := self._people.get(trainee_key(row.trainee))) else "",
            person.year_of_training if person and person.year_of_training is not None else "",
        )
        value = values[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == TOPICS and extra:
            return ", ".join(self._topics[t] for t in extra.topics) or "none yet"
        if role == SORT_ROLE and column == TEAM:
            return -1.0 if team is None else team
        if role == SORT_ROLE and column == YEAR:
            return value if isinstance(value, int) else 0
        if role == SORT_ROLE and column == TOPICS:
            return len(extra.topics) if extra else 0
        if role == Qt.ItemDataRole.DisplayRole:
            return value.strftime("%d %b %Y") if isinstance(value, date) else str(value)
        if role == SORT_ROLE:
            return value.isoformat() if isinstance(value, date) else value
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ATTENDED, PRESENTED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == TRAINEE:
            return (
                f"{row.trainee}: {row.conferences_attended} conference(s), "
                f"{row.presentations_given} presentation(s)"
            )
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class FileNotWrittenError(MdtboardError):
    """A competency record could not be written to the file chosen; nothing was changed."""


class ProgrammeView(QWidget):
    """The table of trainees. Double-click or Enter on a trainee asks for their progress.

    Signals:
        trainee_chosen(str): show this trainee's progress.
        status_message(str): a line for the status bar.
        shown(): the programme was read and is shown.
    """

    trainee_chosen = Signal(str)
    status_message = Signal(str)
    shown = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.ui = Ui_TrainingProgramme()
        self.ui.setupUi(self)
        self.model = ProgrammeModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        table = self.ui.programmeTable
        table.setModel(self.proxy)
        table.sortByColumn(TRAINEE, Qt.SortOrder.AscendingOrder)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(TRAINEE, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(lambda index: self._choose(index))
        table.installEventFilter(self)
        self.ui.exportCsvButton.clicked.connect(lambda: self._ask_export("csv"))
        self.ui.exportPdfButton.clicked.connect(lambda: self._ask_export("pdf"))
        self.ui.renameButton.clicked.connect(self._ask_rename)
        #: The file of the last competency record exported.
        self.exported: Path | None = None
        self._choose_after: str | None = None

    @property
    def chosen_trainee(self) -> str | None:
        index = self.ui.programmeTable.currentIndex()
        if not index.isValid():
            return None
        return self.model.summary(self.proxy.mapToSource(index).row()).trainee

    def choose_trainee(self, name: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, TRAINEE)
            if self.model.summary(self.proxy.mapToSource(index).row()).trainee == name:
                self.ui.programmeTable.setCurrentIndex(index)
                return

    def export(self, kind: str, path: Path | str) -> None:
        """Write the chosen trainee's competency record as ``kind`` ("csv" or "pdf") to ``path``, on a
        background operation (read and written there); :attr:`exported` is the file once written."""
        trainee = self.chosen_trainee
        if trainee is None:
            self.status_message.emit("Choose a trainee in the table first.")
            return
        training = self._services.training

        def work() -> Path:
            record = training.competency_record(trainee)
            try:
                written = (write_competency_csv(record, path) if kind == "csv"
                           else write_competency_pdf(record, path))
            except OSError as exc:
                raise FileNotWrittenError(str(exc)) from exc
            # the trainee's record and the kind of export; never the trainee's name nor the file's
            training.competency_exported(trainee, f"competency record {kind}")
            return written

        self.exported = None
        ops.read(work, parent=self, label="exporting a competency record",
                 success=lambda written: self._exported(trainee, written),
                 failure=lambda error: self.status_message.emit(f"Not exported: {error}"))

    def _exported(self, trainee: str, written: Path) -> None:
        self.exported = written
        self.status_message.emit(f"{trainee}'s competency record saved to {written}")

    def _ask_export(self, kind: str) -> None:
        trainee = self.chosen_trainee
        if trainee is None:
            self.status_message.emit("Choose a trainee in the table first.")
            return
        name = "".join(c if c.isalnum() else "-" for c in trainee).strip("-")
        path, _filter = QFileDialog.getSaveFileName(
            self, f"Export {trainee}'s competency record", f"competency-{name}.{kind}",
            "CSV (*.csv)" if kind == "csv" else "PDF (*.pdf)")
        if path:
            self.export(kind, path)

    def rename(self, new: str) -> bool:
        """Correct the chosen trainee's name (recorded trainees only), on the writer thread; says why when
        it cannot. True when the correction was started."""
        trainee = self.chosen_trainee
        if trainee is None:
            self.status_message.emit("Choose a trainee in the table first.")
            return False
        training = self._services.training
        name = " ".join(new.split())
        ops.write(lambda: training.rename_trainee(trainee, new), parent=self, label="correcting a name",
                  success=lambda _none: self._renamed(trainee, name),
                  failure=lambda error: self.status_message.emit(f"Not renamed: {error}"))
        return True

    def _renamed(self, old: str, new: str) -> None:
        self._choose_after = new
        self.refresh()
        self.status_message.emit(f"{old} is now {new} in every conference, assessment and goal.")

    def _ask_rename(self) -> None:
        trainee = self.chosen_trainee
        if trainee is None:
            self.status_message.emit("Choose a trainee in the table first.")
            return
        new, ok = QInputDialog.getText(self, "Correct the trainee's name", f"New name for {trainee}:",
                                       text=trainee)
        if ok and new.strip() and new != trainee:
            self.rename(new)

    def refresh(self) -> None:
        """Read the programme (table, cohort, people, agreement between raters) on a background
        operation; shown when it arrives (:attr:`shown` is emitted then)."""
        training = self._services.training

        ops.read(training.programme_view, parent=self, label="reading the programme", success=self._arrived,
                 failure=lambda error: self.status_message.emit(str(error)))

    def _arrived(self, found: ProgrammeData) -> None:
        overview = found.overview
        self.model.set_overview(overview)
        self.model.set_cohort(found.cohort)
        self.model.set_people(found.people)
        self.ui.cohortLabel.setText(found.cohort.summary)
        self.ui.programmeTable.resizeColumnsToContents()
        count = len(overview.trainees)
        self.ui.summaryLabel.setText(
            f"{count} trainee{'s' if count != 1 else ''} over {overview.conferences} teaching "
            f"conference{'s' if overview.conferences != 1 else ''}."
        )
        self.ui.agreementLabel.setText(found.agreement.text)
        if self._choose_after is not None:
            self.choose_trainee(self._choose_after)
            self._choose_after = None
        self.shown.emit()

    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.trainee_chosen.emit(self.model.summary(self.proxy.mapToSource(index).row()).trainee)

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        current = self.ui.programmeTable.currentIndex()
        if (
            watched is self.ui.programmeTable
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._choose(current)
            return True
        return False
