"""The debrief of one trainee at the open teaching conference: a preview on screen and "Save debrief PDF…".

The preview shows what the PDF holds in short: the scores (facilitator beside self-assessment), timing,
the readiness check of the cases presented and what to work on next. The PDF (``reports.debrief``) adds
the progress charts.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from mdtboard.domain.blind import NOT_BLIND
from mdtboard.domain.conference import AttendeeRole, Conference
from mdtboard.domain.errors import MdtboardError
from mdtboard.domain.isbar import GapSeverity, check_isbar
from mdtboard.domain.rubric import AssessorRole, rater_groups, rater_spread, work_on_next
from mdtboard.domain.timers import format_mmss
from mdtboard.reports.training_debrief import write_debrief
from mdtboard.services.context import Services
from mdtboard.services.training import DebriefInputs
from mdtboard.ui import ops
from mdtboard.ui.dialogs import show_error
from mdtboard.ui.forms.ui_training_debrief import Ui_TrainingDebrief


def _e(text: str | None) -> str:
    return html.escape(text or "")


def debrief_html(inputs: DebriefInputs) -> str:
    """The debrief in short, as HTML for the preview."""
    trainee, conference = inputs.trainee, inputs.conference
    mine = conference.assessments_of(trainee)
    out = [
        f"<h2>Debrief: {_e(trainee)}</h2>",
        f"<p>{_e(conference.title)}, {conference.held_on:%A %d %B %Y}</p>",
        "<h3>Scores</h3>",
    ]
    if not mine:
        out.append("<p>No scores were recorded for this trainee at this conference yet.</p>")
    several = len({a.rater_key for a in mine if a.role is AssessorRole.FACILITATOR}) > 1
    spread_shown: set[str | None] = set()
    for key, rater, comparison in rater_groups(mine):
        heading = f"Case {_e(key)}" if key else "Team behaviours and the meeting"
        by = f" · scored by {_e(rater)}" if several and rater else ""
        out.append(f"<h4>{heading}{by}</h4>")
        spread = rater_spread(mine, key)
        if spread and key not in spread_shown:
            spread_shown.add(key)
            out.append(f"<p><i>Raters compared. {_e(spread)}.</i></p>")
        if key in inputs.not_blind and any(r.self_score for r in comparison.rows):
            out.append(f"<p><i>⚠ {_e(NOT_BLIND)}</i></p>")
        out.append(
            '<table border="1" cellspacing="0" cellpadding="3"><tr><th>Item</th><th>Facilitator</th>'
            "<th>Self</th><th>Gap</th></tr>"
        )
        for row in comparison.rows:
            cells = []
            for score in (row.facilitator, row.self_score):
                text = "–" if score is None else f"<b>{score.value}</b>"
                if score is not None and score.comment:
                    text += f" {_e(score.comment)}"
                cells.append(text)
            gap_text = "–" if row.gap is None else f"{row.gap:+d}" if row.gap else "0"
            out.append(
                f"<tr><td>{_e(row.item.title)}</td><td>{cells[0]}</td><td>{cells[1]}</td><td>{gap_text}</td></tr>"
            )
        out.append("</table>")
    out.append("<h3>Timing</h3>")
    presentations = conference.presentations_by(trainee)
    if not presentations:
        out.append("<p>No case was presented by this trainee at this conference.</p>")
    for p in presentations:
        if p.seconds is None:
            length = f"not timed (target {format_mmss(p.target_seconds)})"
        else:
            over = p.seconds - p.target_seconds
            verdict = (
                "on target"
                if int(abs(over)) == 0
                else (f"{format_mmss(abs(over))} {'over' if over > 0 else 'under'}")
            )
            target = format_mmss(p.target_seconds)
            length = f"{format_mmss(p.seconds)} against a target of {target}, {verdict}"
        shares = ", ".join(f"{d.label} {round(100 * share)}%" for d, share in p.discussion_shares())
        out.append(
            f"<p>Case {_e(p.case_ref)}: presentation {length}."
            + (f" Discussion: {_e(shares)}." if shares else "")
            + "</p>"
        )
    out.append("<h3>Readiness check (ISBAR)</h3>")
    cases = {case.ref: case for case in inputs.cases}
    for p in presentations:
        case = cases.get(p.case_ref)
        if case is None:
            continue
        check = check_isbar(case)
        out.append(f"<p>Case {_e(p.case_ref)}: {_e(check.text)}.</p><ul>")
        for gap in check.gaps:
            word = "Missing" if gap.severity is GapSeverity.MISSING else "Thin"
            out.append(f"<li>{word} – {_e(gap.part.label)}: {_e(gap.message)}</li>")
        out.append("</ul>")
    out.append("<h3>What to work on next</h3><ol>")
    for step in work_on_next(mine):
        seen = f" Seen: {_e(step.comment)}" if step.comment else ""
        out.append(
            f"<li><b>{_e(step.item.title)}</b> scored {step.score} of 5.{seen}<br/>"
            f"Aim for: {_e(step.goal)}</li>"
        )
    out.append("</ol>")
    if inputs.goals_reviewed:  # as on the paper: earlier goals reviewed here, then the goals for the next one
        out.append("<h3>Goals from earlier conferences</h3><ul>")
        for goal in inputs.goals_reviewed:
            out.append(f"<li><b>{_e(goal.kind.label)}:</b> {_e(goal.as_reviewed)}</li>")
        out.append("</ul>")
    if inputs.goals:
        out.append("<h3>Goals for the next conference</h3><ul>")
        for goal in inputs.goals:
            out.append(f"<li><b>{_e(goal.kind.label)}:</b> {_e(goal.as_agreed)}</li>")
        out.append("</ul>")
    return "\n".join(out)


class DebriefView(QWidget):
    """Preview and save the debrief of a trainee.

    Signals:
        status_message(str): a line for the status bar ("Debrief saved to …", or why not).
    """

    status_message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.ui = Ui_TrainingDebrief()
        self.ui.setupUi(self)
        self._conference: Conference | None = None
        #: The debrief shown, as read (None: none yet, or being read).
        self.inputs: DebriefInputs | None = None
        #: The file the debrief was last saved to.
        self.saved: Path | None = None
        self._wanted: tuple[int, str] | None = None
        self.file_dialog: QFileDialog | None = None
        self.ui.traineeCombo.currentTextChanged.connect(lambda _t: self.refresh())
        self.ui.saveButton.clicked.connect(self.choose_file)
        self.ui.saveButton.setEnabled(False)

    def set_conference(self, conference: Conference) -> None:
        self._conference = conference
        names = [a.name for a in conference.attendees if a.role is AttendeeRole.TRAINEE]
        combo = self.ui.traineeCombo
        current = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(names)
        if current in names:
            combo.setCurrentIndex(names.index(current))
        combo.blockSignals(False)
        self.refresh()

    @property
    def trainee(self) -> str:
        return self.ui.traineeCombo.currentText()

    def set_trainee(self, name: str) -> None:
        index = self.ui.traineeCombo.findText(name)
        if index >= 0:
            self.ui.traineeCombo.setCurrentIndex(index)

    def refresh(self) -> None:
        """Read the debrief of the trainee chosen on a background operation; shown when it arrives."""
        conference, trainee = self._conference, self.trainee
        self.ui.saveButton.setEnabled(False)
        self.inputs = None
        if conference is None or conference.id is None or not trainee:
            self.ui.preview.setHtml("<p>Choose a teaching conference and a trainee.</p>")
            return
        conf_id, training = conference.id, self._services.training
        wanted = (conf_id, trainee)
        self._wanted = wanted
        ops.read(lambda: training.debrief_inputs(conf_id, trainee), parent=self, label="reading a debrief",
                 success=lambda inputs: self._arrived(wanted, inputs),
                 failure=lambda error: self._not_read(wanted, error))

    def _arrived(self, wanted: tuple[int, str], inputs: DebriefInputs) -> None:
        if wanted != self._wanted:
            return  # another trainee or conference was chosen meanwhile
        self.inputs = inputs
        self.ui.preview.setHtml(debrief_html(inputs))
        self.ui.saveButton.setEnabled(True)

    def _not_read(self, wanted: tuple[int, str], error: MdtboardError) -> None:
        if wanted == self._wanted:
            self.ui.preview.setHtml(f"<p>{_e(str(error))}</p>")

    def default_file_name(self) -> str:
        held = self._conference.starts_at.strftime("%Y-%m-%d") if self._conference else "conference"
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in self.trainee).strip("-")
        return f"debrief-{safe}-{held}.pdf"

    def choose_file(self) -> QFileDialog:
        """Ask where to save the PDF (without blocking); saving follows when a file is chosen."""
        dialog = QFileDialog(self, "Save debrief PDF", self.default_file_name(), "PDF documents (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(lambda path: self.save_pdf(Path(path)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def save_pdf(self, path: Path) -> bool:
        """Write the debrief shown (as read) to ``path`` and record the export in the audit trail, on the
        writer thread; :attr:`saved` is the file once written. True when the saving was started."""
        inputs, conference = self.inputs, self._conference
        if inputs is None or conference is None or conference.id is None:
            return False
        services, conf_id = self._services, conference.id

        def work() -> Path:
            written = write_debrief(inputs, path)
            # the conference and the kind of export; never the trainee's name nor the file's
            services.audit.exported("debrief pdf", conference_id=conf_id)
            return written

        self.saved = None
        ops.write(work, parent=self, label="saving a debrief", success=self._saved, failure=self._not_saved)
        return True

    def _saved(self, written: Path) -> None:
        self.saved = written
        self.status_message.emit(f"Debrief saved to {written}")

    def _not_saved(self, error: MdtboardError) -> None:
        show_error(self, "Debrief not saved", str(error))
        self.status_message.emit(f"Debrief not saved: {error}")
