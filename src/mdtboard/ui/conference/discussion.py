"""The case under discussion: its key facts beside a panel for each discipline present, and moving on.

The case's facts and the disciplines' input are read in the background (:mod:`mdtboard.ui.ops`): the
facts on the reader thread, the input on the writer thread after the saves queued before it. A case shown
anew shows no facts or input of the case before meanwhile, and its panels take no typing until its input
is in (so nothing typed is replaced by what comes); input read again for the case shown (undo, another PC)
is merged into a panel typed in meanwhile, never put over it."""

from __future__ import annotations

import html
from datetime import UTC, date, datetime

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from mdtboard.domain.careplan import OpenAction
from mdtboard.domain.careplan_progress import open_action_line
from mdtboard.domain.case import CORE_DISCIPLINES, Case, Discipline, DisciplineInput
from mdtboard.domain.conference import AgendaItem, AgendaStatus, Attendee, AttendeeRole, Conference
from mdtboard.domain.errors import MdtboardError
from mdtboard.domain.instruments import other_score_line
from mdtboard.domain.introduction import introduce_case
from mdtboard.domain.mme import mme_report
from mdtboard.domain.privacy import redact_text, shared_case, sharing_notice
from mdtboard.domain.scoring import ScoreSummary, score_summary
from mdtboard.ui import ops, palette
from mdtboard.ui.cases.display import gad7_text, nrs_text, peg_text, phq9_text
from mdtboard.ui.conference.conflicts import Chooser
from mdtboard.ui.conference.controller import ConferenceController
from mdtboard.ui.conference.defer_dialog import DeferDialog
from mdtboard.ui.conference.discipline_panel import DisciplinePanel
from mdtboard.ui.conference.icons import STATUS_MARKS, Mark, icon_size_for, pixmap
from mdtboard.ui.conference.passages import InputPassages
from mdtboard.ui.editing.elsewhere import closed_box, unsaved_text
from mdtboard.ui.forms.ui_conference_discussion import Ui_DiscussionPanel

WARNING_SIGN = "\u26a0"
SAFETY_STYLE = (
    f"QFrame#safetyFrame {{ border: 2px solid {palette.SAFETY_BORDER}; border-radius: 4px;"
    f" background: {palette.SAFETY_BACKGROUND}; }}"
)
SHARING_STYLE = (
    f"QFrame#sharingFrame {{ border: 2px solid {palette.RESTRICTED_BORDER}; border-radius: 4px;"
    f" background: {palette.RESTRICTED_BACKGROUND}; }}"
)


def aware(value: datetime) -> datetime:
    """Stored times are UTC; SQLite gives them back without a zone."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def medications_html(case: Case) -> str:
    """The key fact about medicines: the list, the MME total (saying "incomplete" when an opioid could
    not be counted), the co-prescription flags and the naloxone suggestion."""
    meds = [m for m in case.medications or [] if m.name.strip()]
    if not meds:
        return ""
    report = mme_report(meds)
    lines = []
    if report.any_opioid or report.uncounted:
        total = f"<b>MME total: {html.escape(report.total_statement)}</b>"
        if report.uncounted:
            missing = ", ".join(row.name for row in report.uncounted)
            total += f" <b>(incomplete: {html.escape(missing)})</b>"
        lines.append(total)
    for flag in report.co_prescriptions:
        lines.append(f"{WARNING_SIGN} {html.escape(flag.message)}")
    if report.naloxone_suggestion:
        lines.append(f"{WARNING_SIGN} {html.escape(report.naloxone_suggestion)}")
    for med in meds:
        detail = " · ".join(p for p in (med.dose, med.route, med.frequency) if p)
        lines.append("• " + html.escape(med.name) + (f" ({html.escape(detail)})" if detail else ""))
    return "<br>".join(lines)


#: A read of the disciplines' input that failed (a locked database) is tried again after this long.
INPUT_RETRY_MS = 3000


def _by_discipline(inputs: list[DisciplineInput]) -> dict[Discipline, DisciplineInput]:
    """Each discipline's input (its first, should there be several)."""
    stored: dict[Discipline, DisciplineInput] = {}
    for inp in inputs:
        stored.setdefault(inp.discipline, inp)
    return stored


def patient_line(case: Case) -> str:
    """The patient as introduced everywhere (:func:`mdtboard.domain.introduction.introduce_case`)."""
    return introduce_case(case).line()


class DiscussionPanel(QWidget):
    """Shows one agenda case at a time with every present discipline's input, and moves along the agenda.

    Signals:
        case_shown(int): this case (its id) is now the one under discussion on screen.
        open_case_requested(int): the user wants this case (its id) in the case editor.
        saved(datetime): some discipline's input was saved at that time.
        message(str): something for the status bar.
    """

    case_shown = Signal(int)
    open_case_requested = Signal(int)
    saved = Signal(object)
    message = Signal(str)

    def __init__(
        self, controller: ConferenceController, chooser: Chooser, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_DiscussionPanel()
        self.ui.setupUi(self)
        self._controller = controller
        self._case_id: int | None = None
        self._item_id: int | None = None
        self._actions_asked = 0  # counts the reads of open actions: only the last one is shown
        self._facts_asked = 0  # likewise the reads of the case's facts
        self._facts_case: int | None = None  # the case whose facts are shown (or being read)
        self._inputs_asked = 0  # likewise the reads of the disciplines' input
        self.defer_dialog: DeferDialog | None = None
        self.taken_off_dialog: QMessageBox | None = None  # the case was taken off the agenda, text unsaved
        self.unsaved_dialog: QMessageBox | None = None  # input typed on a case shown before, not saved
        self._in_view: QWidget | None = None
        self.panels: dict[Discipline, DisciplinePanel] = {}
        for number, discipline in enumerate(Discipline, start=1):
            panel = DisciplinePanel(discipline, f"Ctrl+{number}", controller, chooser, self.ui.panelsContent)
            self.ui.panelsLayout.insertWidget(number - 1, panel)
            self.panels[discipline] = panel
        self.passages = InputPassages(controller, self.panels, self.ui.panelsContent)
        self.ui.safetyFrame.setStyleSheet(SAFETY_STYLE)
        self.ui.sharingFrame.setStyleSheet(SHARING_STYLE)
        self.ui.bodySplitter.setStretchFactor(0, 2)
        self.ui.bodySplitter.setStretchFactor(1, 5)
        self._connect_signals()
        self._show_agenda_state()

    def _connect_signals(self) -> None:
        self.ui.prevButton.clicked.connect(lambda: self.step(-1))
        self.ui.nextButton.clicked.connect(lambda: self.step(1))
        self.ui.startButton.clicked.connect(self.start)
        self.ui.discussedButton.clicked.connect(lambda: self.mark(AgendaStatus.DISCUSSED))
        self.ui.deferButton.clicked.connect(lambda: self.mark(AgendaStatus.DEFERRED))
        self.ui.openCaseButton.clicked.connect(self._open_case)
        for panel in self.panels.values():
            panel.heard_changed.connect(self._show_heard_summary)
            panel.saved.connect(self.saved)
            panel.problem.connect(self.message)
            panel.left_unsaved.connect(self._left_unsaved)
        self._controller.opened.connect(self._opened)
        self._controller.agenda_changed.connect(self._agenda_changed)
        self._controller.attendance_changed.connect(self._attendance_changed)
        self._controller.inputs_changed.connect(self._inputs_changed)
        self._controller.case_edited.connect(self._case_edited)
        self.passages.message.connect(self.message)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # -- which case
    def current_case_id(self) -> int | None:
        return self._case_id

    def _item(self) -> AgendaItem | None:
        return None if self._case_id is None else self._controller.item_for(self._case_id)

    def default_case(self) -> int | None:
        """The case in discussion, else the first pending one, else the first on the agenda."""
        agenda = self._controller.agenda()
        for status in (AgendaStatus.IN_DISCUSSION, AgendaStatus.PENDING):
            for item in agenda:
                if item.status is status:
                    return item.case_id
        return agenda[0].case_id if agenda else None

    def show_case(self, case_id: int | None) -> bool:
        """Put ``case_id`` under discussion on screen, saving the input typed on the case before: the
        saves are queued, not waited for, and the input of the case shown is read after them. A save that
        then fails is retried by itself, or its text offered to copy (:attr:`unsaved_dialog`)."""
        if case_id == self._case_id and self._item() is not None:
            self._show_agenda_state()
            return True
        for panel in self.panels.values():
            panel.save_pending()
        self._case_id = case_id if case_id is not None and self._controller.item_for(case_id) else None
        item = self._item()
        self._item_id = None if item is None else item.id
        self._show_facts()
        self._load_inputs()
        self._show_agenda_state()
        if self._case_id is not None:
            self.case_shown.emit(self._case_id)
        return True

    def step(self, offset: int) -> None:
        agenda = self._controller.agenda()
        if not agenda:
            self.message.emit("The agenda is empty.")
            return
        ids = [i.case_id for i in agenda]
        at = ids.index(self._case_id) if self._case_id in ids else (-1 if offset > 0 else len(ids))
        target = at + offset
        if not 0 <= target < len(ids):
            self.message.emit(
                "This is the last case on the agenda." if offset > 0 else "This is the first case."
            )
            return
        self.show_case(ids[target])

    def start(self) -> None:
        """Start discussing the case on screen: it is marked in discussion (Ctrl+Shift+S)."""
        item = self._item()
        if item is None:
            self.message.emit("No case is on screen: choose one on the agenda first.")
            return
        if item.status is AgendaStatus.IN_DISCUSSION:
            self.message.emit(f"{item.case_ref} is already in discussion.")
            return
        if item.status is AgendaStatus.PENDING:
            self._controller.start_discussion(item.case_id)
        else:  # taken up again after it was marked discussed or deferred: an undoable step
            self._controller.set_status(item.case_id, AgendaStatus.IN_DISCUSSION)
        self.message.emit(f"Discussing {item.case_ref}")

    def mark(self, status: AgendaStatus, reason: str | None = None) -> None:
        """Mark the case on screen; deferring first asks why (unless ``reason`` is given)."""
        item = self._item()
        if item is None or item.status is status:
            return
        if status is AgendaStatus.DEFERRED and reason is None:
            dialog = DeferDialog(item.case_ref, self)
            self.defer_dialog = dialog
            case_id = item.case_id
            dialog.accepted.connect(lambda: self._defer(case_id, dialog.reason_text()))
            dialog.open()
            return
        if self._controller.set_status(item.case_id, status, reason):
            why = f" ({reason})" if reason else ""
            self.message.emit(f"{item.case_ref} marked {status.label}{why} (Ctrl+Z takes it back)")

    def _defer(self, case_id: int, reason: str | None) -> None:
        item = self._controller.item_for(case_id)
        if item is None:
            return
        if self._controller.set_status(case_id, AgendaStatus.DEFERRED, reason):
            why = f" ({reason})" if reason else ""
            self.message.emit(f"{item.case_ref} deferred{why} (Ctrl+Z takes it back)")

    def focus_discipline(self, discipline: Discipline) -> None:
        panel = self.panels[discipline]
        if self._case_id is None:
            self.message.emit("No case is under discussion.")
            return
        if panel.isHidden():
            self.message.emit(
                f"No {discipline.label.lower()} attendee is present: add one under Details and attendance."
            )
            return
        self.ui.panelsScroll.ensureWidgetVisible(panel)
        panel.focus_input()
        self._keep_in_view(QApplication.focusWidget())

    def take_keyboard(self) -> None:
        """The discussion tab brought forward (Alt+U, Enter on the agenda, a click on the tab): unless the
        cursor is already in a discipline's input, it goes to the first discipline present that is not
        yet heard (else the first present), so that Ctrl+1..7 and typing work at once. Left where it was,
        it would sit on a button that a typed space presses, or nowhere, when the agenda's search that
        had it is hidden."""
        focus = QApplication.focusWidget()
        if focus is not None and self.ui.panelsContent.isAncestorOf(focus):
            return
        present = [d for d in self.present() if not self.panels[d].isHidden()]
        if self._case_id is None or not present:
            self.ui.panelsScroll.setFocus()
            return
        waiting = [d for d in present if not self.panels[d].heard]
        panel = self.panels[(waiting or present)[0]]
        self.ui.panelsScroll.ensureWidgetVisible(panel)
        panel.focus_input()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._keep_in_view(new)

    def _keep_in_view(self, widget: QWidget | None) -> None:
        """Scroll the panels so that the field with the cursor is in view (Ctrl+1..7, Tab from panel to
        panel): nobody types into a field they cannot see."""
        if widget is None or not self.ui.panelsContent.isAncestorOf(widget):
            return
        self._in_view = widget
        QTimer.singleShot(0, self._scroll_to_focus)

    def _scroll_to_focus(self) -> None:
        """(After the layout has settled.)"""
        widget = self._in_view
        self._in_view = None
        if widget is not None and shiboken6.isValid(widget) and widget.isVisible():
            self.ui.panelsScroll.ensureWidgetVisible(widget, 10, 10)

    def _open_case(self) -> None:
        if self._case_id is not None:
            self.open_case_requested.emit(self._case_id)

    # -- reacting to the conference
    def _opened(self, conf: Conference) -> None:
        self._case_id = None
        self._item_id = None
        for panel in self.panels.values():
            panel.show_input(None, None)
        self._attendance_changed(conf.attendees)
        self.show_case(self.default_case())

    def _agenda_changed(self, items: list[AgendaItem]) -> None:
        item = self._item()
        if self._case_id is not None and item is None:
            self._taken_off()
            return
        if item is not None and item.id != self._item_id:
            self._item_id = item.id  # put back by undo: its input was put back too
            self._load_inputs()
        if self._case_id is None and items:
            self.show_case(self.default_case())
            return
        self._show_agenda_state()

    def _taken_off(self) -> None:
        """The case under discussion is no longer on the agenda (taken off here or on another PC): its
        panels close, and input typed and not saved (it has nowhere to go) is offered in a message to copy
        (:attr:`taken_off_dialog`); then the next case is shown."""
        unsaved = [unsaved_text(panel.session, f"{d.label}: ", panel.on_screen())
                   for d, panel in self.panels.items()]
        for panel in self.panels.values():
            panel.session.close()
        self._case_id = None
        self._item_id = None
        said = "The case under discussion was taken off the agenda."
        if any(unsaved):
            self.taken_off_dialog = closed_box(self, "Case taken off the agenda", said, unsaved)
        self.message.emit(said)
        self.show_case(self.default_case())

    def _left_unsaved(self, text: str) -> None:
        said = "The input typed on a case shown before could not be saved."
        self.unsaved_dialog = closed_box(self, "Input not saved", said, [text])

    def _attendance_changed(self, attendees: list[Attendee]) -> None:
        for discipline, panel in self.panels.items():
            panel.set_authors([a.name for a in attendees if a.discipline is discipline])
        self._show_presence()

    def _case_edited(self, case_id: int) -> None:
        if case_id == self._case_id:
            self._show_facts()

    def _inputs_changed(self, case_id: int) -> None:
        if case_id == self._case_id:
            self._load_inputs()

    def inputs_stored_elsewhere(self, case_id: int) -> None:
        """Discipline input on ``case_id`` was committed on another PC: read (in the background) and merged
        into the panels showing it."""
        if case_id != self._case_id:
            return

        def merge(inputs: list[DisciplineInput]) -> None:
            if case_id != self._case_id:
                return
            stored = _by_discipline(inputs)
            for discipline, panel in self.panels.items():
                if not panel.loading:
                    panel.stored_elsewhere(case_id, stored.get(discipline))
            self._show_presence()

        self._controller.read_inputs(case_id, parent=self, success=merge,
                                     failure=lambda exc: self.message.emit(str(exc)))

    # -- showing
    def _load_inputs(self) -> None:
        """Read the input of the case shown (in the background). Panels showing another case (or none)
        are emptied and take no typing until it comes; panels of this case keep what they show."""
        self._inputs_asked += 1
        token, case_id = self._inputs_asked, self._case_id
        if case_id is None:
            for panel in self.panels.values():
                panel.show_input(None, None)
            self._show_presence()
            return
        for panel in self.panels.values():
            if panel.case_id != case_id or panel.session.base is None:
                panel.show_loading(case_id)
        self._show_presence()
        self._controller.read_inputs(
            case_id, parent=self, success=lambda inputs: self._inputs_read(token, case_id, inputs),
            failure=lambda exc: self._inputs_not_read(token, case_id, exc),
        )

    def _inputs_read(self, token: int, case_id: int, inputs: list[DisciplineInput]) -> None:
        if token != self._inputs_asked or case_id != self._case_id:  # another case shown meanwhile
            return
        stored = _by_discipline(inputs)
        for discipline, panel in self.panels.items():
            if panel.loading or not panel.session.pending:
                panel.show_input(case_id, stored.get(discipline))
            else:  # typed in meanwhile (after an undo was asked): merged, not replaced
                panel.stored_elsewhere(case_id, stored.get(discipline))
        self._show_presence()

    def _inputs_not_read(self, token: int, case_id: int, error: MdtboardError) -> None:
        if token != self._inputs_asked or case_id != self._case_id:
            return
        for panel in self.panels.values():
            panel.not_read(str(error).splitlines()[0])
        self.message.emit(f"The input on this case could not be read: {error}")
        QTimer.singleShot(INPUT_RETRY_MS, self, lambda: self._retry_inputs(token, case_id))

    def _retry_inputs(self, token: int, case_id: int) -> None:
        if token == self._inputs_asked and case_id == self._case_id:
            self._load_inputs()

    def present(self) -> list[Discipline]:
        """The disciplines to hear: the core three always, others with someone present (not observers),
        and any that already gave input."""
        attending = {
            a.discipline for a in self._controller.attendees() if a.role is not AttendeeRole.OBSERVER
        }
        heard = {d for d, p in self.panels.items() if p.heard and p.case_id == self._case_id}
        return [d for d in Discipline if d in CORE_DISCIPLINES or d in attending or d in heard]

    def _show_presence(self) -> None:
        present = set(self.present())
        for discipline, panel in self.panels.items():
            panel.setVisible(discipline in present)
        self._show_heard_summary()

    def _show_heard_summary(self) -> None:
        if self._case_id is None:
            self.ui.heardLabel.setText("")
            self.ui.heardIcon.clear()
            return
        waiting = [d for d in self.present() if not self.panels[d].heard]
        size = icon_size_for(self.ui.heardLabel.font())
        if waiting:
            names = ", ".join(d.label.lower() for d in waiting)
            self.ui.heardLabel.setText(f"<b>Not yet heard:</b> {html.escape(names)}")
            self.ui.heardIcon.setPixmap(pixmap(Mark.ATTENTION, size))
            self.ui.heardIcon.setAccessibleName("Not everyone heard")
        else:
            self.ui.heardLabel.setText("Every discipline present has been heard")
            self.ui.heardIcon.setPixmap(pixmap(Mark.DONE, size))
            self.ui.heardIcon.setAccessibleName("Everyone heard")

    def _show_agenda_state(self) -> None:
        agenda = self._controller.agenda()
        item = self._item()
        has_case = item is not None
        self.ui.emptyLabel.setVisible(not has_case)
        self.ui.bodySplitter.setVisible(has_case)
        for button in (self.ui.discussedButton, self.ui.deferButton, self.ui.openCaseButton):
            button.setEnabled(has_case)
        self.ui.startButton.setEnabled(item is not None and item.status is not AgendaStatus.IN_DISCUSSION)
        ids = [i.case_id for i in agenda]
        at = ids.index(item.case_id) if item is not None else -1
        self.ui.prevButton.setEnabled(at > 0)
        self.ui.nextButton.setEnabled(0 <= at < len(ids) - 1 or (at < 0 and bool(ids)))
        if item is None:
            self.ui.caseLabel.setText("")
            self.ui.statusLabel.setText("")
            self.ui.statusIcon.clear()
            return
        who = html.escape(f"{item.case_ref} · {item.patient_name}")
        title = f"<br>{html.escape(item.case_title)}" if item.case_title else ""
        self.ui.caseLabel.setText(
            f"<span style='font-size: large'><b>Case {at + 1} of {len(ids)}</b> · {who}</span>{title}"
        )
        status = item.status.label.capitalize()
        timing = f"{item.minutes} min budget"
        if item.started_at is not None:
            timing += f", started {aware(item.started_at).astimezone():%H:%M}"
        self.ui.statusLabel.setText(f"<b>{status}</b> · {timing}")
        self.ui.statusIcon.setPixmap(pixmap(STATUS_MARKS[item.status], icon_size_for(self.font())))
        self.ui.statusIcon.setAccessibleName(status)

    def _show_facts(self) -> None:
        """Read the case shown (on the reader thread) and show its key facts when it comes; another case's
        facts are cleared meanwhile (the same case's stay until the new ones come)."""
        self._facts_asked += 1
        token, case_id, cases = self._facts_asked, self._case_id, self._controller.services.cases
        if case_id is None or case_id != self._facts_case:
            self._fill_facts(None)
        self._facts_case = case_id
        if case_id is None:
            return

        def read(case: Case) -> None:
            if token == self._facts_asked and case_id == self._case_id:
                self._fill_facts(case)

        def not_read(error: MdtboardError) -> None:
            if token == self._facts_asked:
                self.message.emit(str(error))

        ops.read(lambda: cases.get(case_id), parent=self, label="the case under discussion", success=read,
                 failure=not_read)

    def _fill_facts(self, case: Case | None) -> None:
        facts: dict[QLabel, str] = dict.fromkeys(
            (
                self.ui.patientLabel,
                self.ui.oneLinerLabel,
                self.ui.questionLabel,
                self.ui.actionsLabel,
                self.ui.medsLabel,
                self.ui.scoresLabel,
                self.ui.redFlagsLabel,
                self.ui.proposalLabel,
            ),
            "",
        )
        notice = sharing_notice(case)
        self.passages.show_case(case, self._item_id)
        if case is not None:
            self._read_actions(case)  # shown when read; until then the line stays empty
            case = shared_case(case)  # the key facts are in view of the room
            facts[self.ui.patientLabel] = patient_line(case)
            facts[self.ui.oneLinerLabel] = case.one_liner or ""
            facts[self.ui.questionLabel] = case.question_for_team or ""
            facts[self.ui.medsLabel] = medications_html(case)
            facts[self.ui.scoresLabel] = self._scores(case)
            facts[self.ui.redFlagsLabel] = "\n".join(
                f"{WARNING_SIGN} {flag}" for flag in case.red_flags or [] if flag.strip()
            )
            facts[self.ui.proposalLabel] = case.recommendation or ""
        headings = {
            self.ui.patientLabel: self.ui.patientHeading,
            self.ui.oneLinerLabel: self.ui.oneLinerHeading,
            self.ui.questionLabel: self.ui.questionHeading,
            self.ui.actionsLabel: self.ui.actionsHeading,
            self.ui.medsLabel: self.ui.medsHeading,
            self.ui.scoresLabel: self.ui.scoresHeading,
            self.ui.redFlagsLabel: self.ui.redFlagsHeading,
            self.ui.proposalLabel: self.ui.proposalHeading,
        }
        for label, text in facts.items():
            label.setText(text)
            label.setVisible(bool(text))
            headings[label].setVisible(bool(text))
        size = icon_size_for(self.font()) * 3 // 2
        self.ui.sharingFrame.setVisible(notice is not None)
        self.ui.sharingLabel.setText(f"<b>{html.escape(notice or '')}</b>")
        self.ui.sharingIcon.setPixmap(pixmap(Mark.RESTRICTED, size))
        prompt = self._safety(case)
        self.ui.safetyFrame.setVisible(prompt is not None)
        self.ui.safetyLabel.setText(f"<b>{html.escape(prompt or '')}</b>")
        self.ui.safetyIcon.setPixmap(pixmap(Mark.DANGER, size))

    def _read_actions(self, case: Case) -> None:
        """Read the open actions of the case's agreed plan on the reader thread, and show them one a line,
        restricted passages withheld (only for the case still shown when they come)."""
        self._actions_asked += 1
        token, case_id, careplans = self._actions_asked, case.id, self._controller.services.careplans
        if case_id is None:
            return

        def show(actions: list[OpenAction]) -> None:
            if token != self._actions_asked or case_id != self._case_id:  # another case shown meanwhile
                return
            today = date.today()
            lines = [open_action_line(a.intervention, a.progress, today) for a in actions]
            text = "\n".join(f"• {redact_text(line, case.restricted_passages)}" for line in lines)
            self.ui.actionsLabel.setText(text)
            self.ui.actionsLabel.setVisible(bool(text))
            self.ui.actionsHeading.setVisible(bool(text))

        ops.read(lambda: careplans.open_actions(case_id), parent=self, label="the open actions of a case",
                 success=show, failure=lambda exc: self.message.emit(str(exc)))

    @staticmethod
    def _summary(case: Case | None) -> ScoreSummary | None:
        if case is None or case.scores is None:
            return None
        try:
            return score_summary(case.scores)
        except MdtboardError:
            return None

    def _safety(self, case: Case | None) -> str | None:
        summary = self._summary(case)
        return None if summary is None else summary.safety_prompt

    def _scores(self, case: Case) -> str:
        mme = mme_report(case.medications)
        opioids = [f"Opioids: {mme.total_statement}"] if mme.shows_total else []
        summary = self._summary(case)
        if summary is None:
            return "\n".join(opioids)
        lines = []
        for name, text in (
            ("NRS", nrs_text(summary)),
            ("", peg_text(summary)),
            ("PHQ-9", phq9_text(summary)),
            ("GAD-7", gad7_text(summary)),
        ):
            if text:
                lines.append(f"{name}: {text}" if name else text)
        if summary.phq9_item9_unrecorded:
            lines.append("PHQ-9 item 9 (self-harm) not recorded: ask today")
        lines.extend(other_score_line(other) for other in (case.scores.other or [] if case.scores else []))
        return "\n".join(lines + opioids)
