"""The meeting record in the program: cases discussed and deferred, time per case against its budget,
overruns, each discipline's share of the floor and the missing disciplines; Save PDF… and Print….

The figures come from ``TimingService.meeting_record`` (the domain's ``summarize_meeting`` over the agenda
and the recorded timing). The PDF is
``reports.meeting_record``; printing draws that same PDF onto the printer through the care plan's
print helper, so paper and file are one document. Files are written atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from mdtboard.domain.errors import MdtboardError
from mdtboard.domain.meeting import MeetingRecord
from mdtboard.domain.timers import format_hms, format_mmss
from mdtboard.ui import ops as ops_module
from mdtboard.ui import settings as options
from mdtboard.ui.careplan.output import page_size_setting, print_preview
from mdtboard.ui.dialogs import show_error
from mdtboard.ui.fonts import set_relative_font
from mdtboard.ui.forms.ui_presentation_record import Ui_MeetingRecordWindow

CASE_COLUMNS = ("#", "Case", "Budget", "Actual", "Over / under", "Status")
SHARE_COLUMNS = ("Discipline", "Time", "Share", "")
BAR_WIDTH = 30


def share_bar(fraction: float) -> str:
    """The share as a bar of block characters (its length, not its colour, is the figure)."""
    return "█" * round(BAR_WIDTH * max(0.0, min(1.0, fraction)))


def summary_lines(record: MeetingRecord) -> list[str]:
    counts = (
        f"{len(record.discussed)} discussed, {len(record.deferred)} deferred, "
        f"{len(record.not_reached)} not reached"
        + (f", {len(record.unfinished)} still in discussion" if record.unfinished else "")
    )
    lines = [f"Cases: {counts}."]
    planned = format_hms(record.planned_seconds)
    if record.meeting_seconds is None:
        lines.append(f"Length: not timed (planned {planned}).")
    else:
        over = record.over_plan_seconds or 0
        verdict = (
            f"{format_hms(over)} over plan" if over > 0
            else f"{format_hms(-over)} under plan" if over < 0 else "on plan"
        )
        lines.append(f"Length: {format_hms(record.meeting_seconds)} against {planned} planned: {verdict}.")
    if record.overruns:
        total = sum(c.over_seconds or 0 for c in record.overruns)
        lines.append(f"Overruns: {len(record.overruns)} case(s), {format_mmss(total)} in all.")
    else:
        lines.append("Overruns: none.")
    return lines


def missing_lines(record: MeetingRecord) -> list[str]:
    lines = []
    if record.missing_disciplines:
        names = ", ".join(d.label for d in record.missing_disciplines)
        lines.append(f"Missing from attendance: {names} ({record.quorum.describe()}).")
    else:
        lines.append("Missing from attendance: none; every core discipline was present.")
    if not record.floor_tracked:
        lines.append("Present but never heard: not known (who held the floor was not tracked).")
    elif record.never_heard:
        lines.append("Present but never heard: " + ", ".join(d.label for d in record.never_heard) + ".")
    else:
        lines.append("Present but never heard: none.")
    return lines


class MeetingRecordWindow(QWidget):
    """The meeting record of one conference (a window of its own, not modal).

    ``load`` returns the record afresh (the service call, run on the reader thread); ``end_meeting``
    records the meeting's end in the background and then calls the function it is given.

    Signals:
        message(str): something for the status bar.
        pdf_saved(): the PDF was written (an export, recorded in the audit trail by whoever listens).
    """

    message = Signal(str)
    pdf_saved = Signal()

    def __init__(
        self,
        load: Callable[[], MeetingRecord],
        settings: QSettings,
        *,
        end_meeting: Callable[[Callable[[object], object]], object] | None = None,
        conference_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ui = Ui_MeetingRecordWindow()
        self.ui.setupUi(self)
        self.conference_id = conference_id
        self._load = load
        self._end_meeting = end_meeting
        self._settings = settings
        self.record: MeetingRecord | None = None
        self.preview: QPrintPreviewDialog | None = None
        self.last_dialog: QWidget | None = None
        self._prepare(self.ui.casesTable, CASE_COLUMNS, stretch=1)
        self._prepare(self.ui.shareTable, SHARE_COLUMNS, stretch=3)
        self.ui.endButton.setVisible(end_meeting is not None)
        set_relative_font(self.ui.headingLabel, 1.4, bold=True)
        self._connect_signals()
        self.refresh(after_saves=True)

    @staticmethod
    def _prepare(table: QTableWidget, columns: tuple[str, ...], stretch: int) -> None:
        table.setColumnCount(len(columns))
        table.setHorizontalHeaderLabels(list(columns))
        table.verticalHeader().setVisible(False)
        # Rows as tall as their wrapped text at the width the columns have now (case titles wrap).
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = table.horizontalHeader()
        for column in range(len(columns)):
            fit = QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch else fit)

    def _connect_signals(self) -> None:
        self.ui.endButton.clicked.connect(self.end_meeting)
        self.ui.pdfButton.clicked.connect(self.choose_and_save_pdf)
        self.ui.printButton.clicked.connect(self.print_preview)
        self.ui.closeButton.clicked.connect(self.close)

    # -- content
    def refresh(self, *, after_saves: bool = False) -> None:
        """Make the record afresh on the reader thread and show it when it comes; with
        ``after_saves`` (the window just opened) on the writer queue, after the saves queued before it
        (what was typed last is in it)."""
        if self.record is None:
            self.ui.summaryLabel.setText("Making the meeting record…")
        operations = ops_module.operations()
        start = operations.write if after_saves else operations.read
        start(self._load, parent=self, success=self._show, failure=self._not_made,
              label="making the meeting record")

    def _not_made(self, error: MdtboardError) -> None:
        self.ui.summaryLabel.setText(f"The meeting record could not be made: {error}")
        self.record = None

    def follow_changes(self) -> None:
        """Something the record shows was saved (here or on another PC): read it again on a background
        operation and show it. A failure leaves it as it was."""
        ops_module.operations().read(self._load, parent=self, success=self._show, failure=lambda _error: None,
                                     label="reading the meeting record again")

    def _show(self, record: MeetingRecord) -> None:
        self.record = record
        held = record.scheduled_start.strftime("%A %d %B %Y, %H:%M")
        self.ui.headingLabel.setText(f"Meeting record: {record.title} · {held}")
        self.setWindowTitle(f"Meeting record: {record.title}")
        self.ui.summaryLabel.setText("\n".join(summary_lines(record)))
        self._fill_cases(record)
        self._fill_shares(record)
        self.ui.missingLabel.setText("\n".join(missing_lines(record)))

    def _fill_cases(self, record: MeetingRecord) -> None:
        table = self.ui.casesTable
        table.setRowCount(len(record.cases))
        for row, case in enumerate(record.cases):
            what = f"{case.case_ref} · {case.patient_name}" + (f"\n{case.title}" if case.title else "")
            over = case.over_text + (" over ‼" if case.overran else "")
            cells = (str(case.position), what, case.budget_text, case.actual_text, over, case.status.label)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (0, 2, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)

    def _fill_shares(self, record: MeetingRecord) -> None:
        table = self.ui.shareTable
        shares = record.time_share
        table.setRowCount(len(shares))
        for row, share in enumerate(shares):
            cells = (share.label, format_mmss(share.seconds), share.percent_text, share_bar(share.fraction))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        if not shares:
            table.setRowCount(1)
            table.setItem(0, 0, QTableWidgetItem("Who held the floor was not recorded at this meeting."))

    # -- actions
    def end_meeting(self) -> None:
        """Stop the case timer and record the meeting's end (in the background); the record is made
        again once it is recorded."""
        if self._end_meeting is None:
            return
        self.ui.endButton.setEnabled(False)
        self._end_meeting(self._meeting_ended)

    def _meeting_ended(self, times: object) -> None:
        self.ui.endButton.setEnabled(True)
        self.refresh()
        if times is not None:
            self.message.emit("The meeting's end was recorded")

    def _not_yet(self) -> bool:
        """True (and said) when the record has not been made yet."""
        if self.record is None:
            self.message.emit("The meeting record is not made yet: try again in a moment")
            return True
        return False

    def pdf_bytes(self) -> bytes | None:
        if self._not_yet():
            return None
        assert self.record is not None
        from mdtboard.reports.meeting_record import meeting_record_pdf  # ReportLab: when first used

        return meeting_record_pdf(self.record, size=page_size_setting(self._settings))

    def print_preview(self) -> QPrintPreviewDialog | None:
        """The print preview of the meeting record; its Print button opens the system's print dialog."""
        data = self.pdf_bytes()
        if data is None or self.record is None:
            return None
        self.preview = print_preview(
            data, page_size_setting(self._settings), f"Meeting record {self.record.title}", self
        )
        return self.preview

    def default_path(self) -> Path:
        folder = Path(options.RECORD_FOLDER.read(self._settings) or Path.home())
        when = self.record.scheduled_start.strftime("%Y-%m-%d") if self.record is not None else "meeting"
        return folder / f"meeting-record-{when}.pdf"

    def choose_and_save_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the meeting record as PDF", str(self.default_path()), "PDF documents (*.pdf)"
        )
        if name:
            self.save_pdf_to(Path(name))

    def save_pdf_to(self, path: Path) -> bool:
        """Write the record's PDF to ``path`` atomically; a failure is shown and leaves no file changed."""
        if self._not_yet():
            return False
        assert self.record is not None
        try:
            from mdtboard.reports.meeting_record import write_meeting_record_pdf

            written = write_meeting_record_pdf(self.record, path, size=page_size_setting(self._settings))
        except MdtboardError as exc:
            self.last_dialog = show_error(self, "Meeting record not saved", str(exc))
            self.message.emit("The meeting record PDF was not saved")
            return False
        options.RECORD_FOLDER.write(self._settings, str(written.parent))
        self.pdf_saved.emit()
        self.message.emit(f"Saved the meeting record to {written}")
        return True
