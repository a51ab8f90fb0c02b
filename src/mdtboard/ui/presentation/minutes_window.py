"""The minutes of a conference in the program (Conference > Minutes…): attendance with roles, then for
each case its outcome, care plan decisions and actions, the plan's status, the disciplines heard and its
time; Save PDF… and Print… give the same document on paper (``reports.minutes``). Files are written
atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QWidget

from mdtboard.domain.errors import MdtboardError
from mdtboard.domain.minutes import CaseMinutes, Minutes
from mdtboard.domain.timers import format_hms
from mdtboard.ui import ops as ops_module
from mdtboard.ui import settings as options
from mdtboard.ui.careplan.output import page_size_setting, print_preview
from mdtboard.ui.dialogs import show_error
from mdtboard.ui.forms.ui_presentation_minutes import Ui_MinutesWindow


def minutes_html(minutes: Minutes) -> str:
    """The minutes as the window shows them (typed text escaped)."""
    r = minutes.record
    held = r.scheduled_start.strftime("%A %d %B %Y, %H:%M")
    parts = [f"<h2>Minutes: {escape(r.title)}</h2>",
             f"<p>{escape(held)}" + (f" · {escape(r.room)}" if r.room else "")
             + (f" · chair {escape(r.chair)}" if r.chair else "") + "</p>",
             "<h3>Attendance</h3>"]
    if r.attendees:
        rows = "".join(
            f"<tr><td>{escape(a.name)}</td><td>{escape(a.discipline.label)}</td>"
            f"<td>{escape(a.role.value)}</td></tr>"
            for a in r.attendees
        )
        parts.append(f"<table cellpadding='3'><tr><th align='left'>Name</th><th align='left'>Discipline</th>"
                     f"<th align='left'>Role</th></tr>{rows}</table>")
    else:
        parts.append("<p>No attendance was recorded.</p>")
    parts.append(f"<p><i>{escape(r.quorum.describe())}</i></p><h3>Cases</h3>")
    parts += [_case_html(c) for c in minutes.cases] or ["<p>The agenda was empty.</p>"]
    if r.meeting_seconds is not None:
        parts.append(f"<p>The meeting took {format_hms(r.meeting_seconds)} against "
                     f"{format_hms(r.planned_seconds)} planned.</p>")
    return "".join(parts)


def _case_html(case: CaseMinutes) -> str:
    line = case.line
    head = f"{line.position}. {line.case_ref}" + (f" · {line.patient_name}" if line.patient_name else "")
    if line.title:
        head += f": {line.title}"
    rows = [("Outcome", case.outcome), ("Time", case.time_text)]
    if line.status.value != "pending":
        rows.append(("Heard", ", ".join(d.label for d in case.heard) or "none"))
        if case.not_heard:
            rows.append(("Not heard", ", ".join(d.label for d in case.not_heard)))
    rows.append(("Care plan", case.plan_text))
    body = "".join(f"<tr><td><b>{k}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
    out = f"<h4>{escape(head)}</h4><table cellpadding='2'>{body}</table>"
    if case.decisions:
        items = "".join(f"<li>{escape(d)}</li>" for d in case.decisions)
        out += f"<p><b>Decisions</b></p><ul>{items}</ul>"
    if case.actions:
        out += "<p><b>Actions</b></p><ul>" + "".join(
            f"<li>{escape(a.who)}: {escape(a.what)}, by {escape(a.by_when)}</li>" for a in case.actions
        ) + "</ul>"
    return out


class MinutesWindow(QWidget):
    """The minutes of one conference (a window of its own, not modal). ``load`` reads them afresh (run on
    the reader thread).

    Signals:
        message(str): something for the status bar.
        pdf_saved(): the PDF was written (an export, recorded in the audit trail by whoever listens).
    """

    message = Signal(str)
    pdf_saved = Signal()

    def __init__(
        self, load: Callable[[], Minutes], settings: QSettings, *, conference_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ui = Ui_MinutesWindow()
        self.ui.setupUi(self)
        self.conference_id = conference_id
        self._load = load
        self._settings = settings
        self.minutes: Minutes | None = None
        self.preview: QPrintPreviewDialog | None = None
        self.last_dialog: QWidget | None = None
        self._connect_signals()
        self.refresh(after_saves=True)

    def _connect_signals(self) -> None:
        self.ui.refreshButton.clicked.connect(self.refresh)
        self.ui.pdfButton.clicked.connect(self.choose_and_save_pdf)
        self.ui.printButton.clicked.connect(self.print_preview)
        self.ui.closeButton.clicked.connect(self.close)

    def refresh(self, *, after_saves: bool = False) -> None:
        """Make the minutes afresh on the reader thread and show them when they come; with
        ``after_saves`` (the window just opened) on the writer queue, after the saves queued before it
        (what was typed last is in them)."""
        if self.minutes is None:
            self.ui.minutesText.setPlainText("Making the minutes…")
        operations = ops_module.operations()
        start = operations.write if after_saves else operations.read
        start(self._load, parent=self, success=self._show, failure=self._not_made,
              label="making the minutes")

    def _not_made(self, error: MdtboardError) -> None:
        self.minutes = None
        self.ui.minutesText.setPlainText(f"The minutes could not be made: {error}")

    def _not_yet(self) -> bool:
        """True (and said) when the minutes have not been made yet."""
        if self.minutes is None:
            self.message.emit("The minutes are not made yet: try again in a moment")
            return True
        return False

    def _show(self, minutes: Minutes) -> None:
        self.minutes = minutes
        self.setWindowTitle(f"Minutes: {minutes.record.title}")
        bar = self.ui.minutesText.verticalScrollBar()
        at = bar.value()
        self.ui.minutesText.setHtml(minutes_html(minutes))
        bar.setValue(at)  # where the reader was

    def follow_changes(self) -> None:
        """Something the minutes show was saved (here or on another PC): read them again on a background
        operation and show them, keeping the scroll position. A failure leaves them as they were."""
        ops_module.operations().read(self._load, parent=self, success=self._show, failure=lambda _error: None,
                                     label="reading the minutes again")

    def pdf_bytes(self) -> bytes | None:
        if self._not_yet():
            return None
        assert self.minutes is not None
        try:
            from mdtboard.reports.minutes import MinutesDocument  # ReportLab: imported when first printed

            return MinutesDocument(self.minutes, size=page_size_setting(self._settings)).render()
        except MdtboardError as exc:
            self.last_dialog = show_error(self, "Minutes not printed", str(exc))
            return None

    def print_preview(self) -> QPrintPreviewDialog | None:
        data = self.pdf_bytes()
        if data is None or self.minutes is None:
            return None
        self.preview = print_preview(
            data, page_size_setting(self._settings), f"Minutes {self.minutes.record.title}", self
        )
        return self.preview

    def default_path(self) -> Path:
        folder = Path(options.MINUTES_FOLDER.read(self._settings) or Path.home())
        when = self.minutes.record.scheduled_start.strftime("%Y-%m-%d") if self.minutes else "meeting"
        return folder / f"minutes-{when}.pdf"

    def choose_and_save_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the minutes as PDF", str(self.default_path()), "PDF documents (*.pdf)"
        )
        if name:
            self.save_pdf_to(Path(name))

    def save_pdf_to(self, path: Path) -> bool:
        """Write the minutes' PDF to ``path`` atomically; a failure is shown and leaves no file changed."""
        if self._not_yet():
            return False
        assert self.minutes is not None
        try:
            from mdtboard.reports.minutes import write_minutes_pdf

            written = write_minutes_pdf(self.minutes, path, size=page_size_setting(self._settings))
        except MdtboardError as exc:
            self.last_dialog = show_error(self, "Minutes not saved", str(exc))
            self.message.emit("The minutes PDF was not saved")
            return False
        options.MINUTES_FOLDER.write(self._settings, str(written.parent))
        self.pdf_saved.emit()
        self.message.emit(f"Saved the minutes to {written}")
        return True
