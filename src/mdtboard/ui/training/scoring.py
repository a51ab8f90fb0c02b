"""The facilitator's scoring panel: one trainee, the case under discussion, scored by keyboard alone.

Each rubric item is a :class:`~mdtboard.ui.training.rubric_row.RubricRow` showing what a 1, a 3 and a 5
look like, scored by keys (see there). A score of 1 or 2 needs a comment: until it is written the row is
marked (in words too) and the score is not saved: the database keeps the last valid one.

The rater is a person with an account (:mod:`mdtboard.ui.training.rater`): the one signed in, or another
who confirms with their own password or PIN; the scores are recorded as theirs. What is stored (the
rater's scores, what they may see of the others' and the items announced) is read on a background
operation; the rows appear once it arrives.

Scores are saved as they are given, through a record session (:mod:`mdtboard.ui.editing.session`):
the per-case items into the trainee's assessment of this case, team behaviours and the meeting items into
the assessment of the conference as a whole. The trainee's self-assessment (or, when scoring as the
trainee, the facilitator's) is shown under each item.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from mdtboard.domain.accounts import Account
from mdtboard.domain.blind import Visible
from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import AgendaItem, AttendeeRole, Conference
from mdtboard.domain.errors import MdtboardError
from mdtboard.domain.progress import trainee_key
from mdtboard.domain.rubric import (
    MDTBOARD_RUBRIC,
    AssessorRole,
    RubricDomain,
    RubricItem,
    Score,
    discipline_item_key,
    team_items,
)
from mdtboard.services.context import Services
from mdtboard.services.score_sheet import ScoreSheet, load_sheet, save_sheet, sheet_fields, sheet_with_fields
from mdtboard.services.training import CaseRoles, StoredAssessment
from mdtboard.ui import ops
from mdtboard.ui.conference.conflicts import Chooser, dialog_chooser
from mdtboard.ui.editing.after_save import after_save
from mdtboard.ui.editing.elsewhere import closed_box
from mdtboard.ui.editing.session import PAUSE_MS, Clash, RecordSession
from mdtboard.ui.forms.ui_training_scoring import Ui_TrainingScoring
from mdtboard.ui.training.rater import RaterChooser
from mdtboard.ui.training.rubric_row import RubricRow
from mdtboard.ui.training.score_undo import ScoreUndo
from mdtboard.ui.training.style import STYLE

__all__ = ["RubricRow", "ScoringPanel"]


@dataclass(frozen=True)
class _Target:
    """What the panel scores: a trainee at a conference, on one case of its agenda (or none)."""

    conference: Conference
    item: AgendaItem | None
    roles: CaseRoles | None
    trainee: str
    role: AssessorRole
    #: The person scoring (a rater of any profession); for a self-assessment, the trainee.
    rater: str
    #: The rater's account (None: a self-assessment, or a typed name while nobody is signed in).
    rater_id: int | None = None


@dataclass(frozen=True)
class _Read:
    """What is stored for a target: the items announced, the rater's own scores, what they may see."""

    announced: tuple[str, ...]
    sheet: ScoreSheet
    views: tuple[Visible[StoredAssessment] | None, Visible[StoredAssessment]]


def _read(services: Services, target: _Target) -> _Read:
    """On a worker: everything the panel shows of ``target``."""
    training = services.training
    conf_id = target.conference.id
    assert conf_id is not None
    case_id = target.item.case_id if target.item is not None else None
    facilitating = target.role is AssessorRole.FACILITATOR
    # blind: the other side's scores only once both have submitted (see domain.blind)
    viewer = target.rater if facilitating else None
    viewer_id = target.rater_id if facilitating else None
    sheet = load_sheet(training, conf_id, target.trainee, target.role, assessor=target.rater,
                       case_id=case_id, rater_id=target.rater_id)
    views = (
        training.visible_assessments(conf_id, target.trainee, viewer=viewer, case_id=case_id,
                                     viewer_id=viewer_id) if case_id is not None else None,
        training.visible_assessments(conf_id, target.trainee, viewer=viewer, viewer_id=viewer_id),
    )
    return _Read(training.announced_items(conf_id, target.trainee), sheet, views)


class ScoringPanel(QWidget):
    """Scores one trainee on the case under discussion, by keyboard; saved as it goes.

    The scores are one :class:`ScoreSheet` edited through a :class:`RecordSession`: saved on the writer
    thread within a pause (and at least every 2 s while scoring goes on), retried by itself after a fault
    that can pass, and merged item by item with scores saved elsewhere meanwhile.

    Signals:
        status_message(str): a line for the status bar ("Scores saved 14:02:31", or why not).
        scores_saved(): an assessment was saved or removed.
        scores_shown(): the stored scores of the trainee chosen were read and are shown.
    """

    status_message = Signal(str)
    scores_saved = Signal()
    scores_shown = Signal()

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, save_delay_ms: int = PAUSE_MS
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.ui = Ui_TrainingScoring()
        self.ui.setupUi(self)
        self.setStyleSheet(STYLE)
        self.rows: list[RubricRow] = []
        self._headings: list[QLabel] = []
        self._target: _Target | None = None
        self._reading: _Target | None = None
        self._focus_first = False
        #: The other side's scores are hidden (not both submitted); these scores are submitted and locked.
        self.hidden = True
        self.submitted = False
        #: The parts of a self-assessment started after a rater's scores of them were submitted: not blind.
        self.not_blind: tuple[str, ...] = ()
        training = services.training
        self.session = RecordSession(
            save=lambda sheet: save_sheet(training, sheet),
            read=self._read_sheet,
            fields=sheet_fields,
            build=sheet_with_fields,
            label=_item_title,
            what="scores",
            pause_ms=save_delay_ms,
            parent=self,
        )
        #: Asks which score to keep for items scored differently here and elsewhere (tests replace it).
        self.chooser: Chooser = dialog_chooser(self)
        self._left_saves: list[ops.Op[ScoreSheet]] = []  # saves of scores left (another target) under way
        self.unsaved_dialog: QMessageBox | None = None  # scores left could not be saved: offered to copy
        #: Ctrl+Z and Ctrl+Shift+Z on the scores given here
        self.undo = ScoreUndo(
            self, rows=lambda: {row.item.key: row for row in self.rows}, record=self._record_key,
            titled=_item_title, edited=self._edited, before=self.session.flush,
        )
        #: Who scores: an account (the one signed in, or a person who confirmed), else a typed name.
        self.rater = RaterChooser(services, self.ui.raterCombo, self.ui.raterEdit, self)
        self.ui.roleCombo.addItem(AssessorRole.FACILITATOR.label, AssessorRole.FACILITATOR.value)
        self.ui.roleCombo.addItem("Trainee's self-assessment", AssessorRole.SELF.value)
        self._conference: Conference | None = None
        self._item: AgendaItem | None = None
        self._roles: CaseRoles | None = None
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.ui.traineeCombo.currentIndexChanged.connect(lambda _i: self._retarget())
        self.ui.roleCombo.currentIndexChanged.connect(lambda _i: self._retarget())
        self.ui.raterEdit.editingFinished.connect(self._rater_changed)
        self.rater.changed.connect(self._rater_changed)
        self.rater.status_message.connect(self.status_message)
        self.session.saved.connect(self._on_saved)
        self.session.state_changed.connect(self._on_state)
        self.session.merged.connect(self._on_merged)
        self.session.clashed.connect(self._on_clash)
        self.session.left_retrying.connect(lambda error, wait: self.status_message.emit(
            f"Scores given before not saved yet: {str(error).splitlines()[0]} Retrying in {wait} s"))
        self.session.left_unsaved.connect(self._left_unsaved)
        self.ui.submitButton.clicked.connect(self.submit)

    # -- what is scored
    def set_case(self, conference: Conference, item: AgendaItem | None, roles: CaseRoles | None) -> None:
        """Score on ``item`` of ``conference`` (None: no case, only team behaviours and the meeting); the
        scores pending are saved first, queued and not waited for (see :meth:`_retarget`)."""
        self.session.queue_save()
        self._conference, self._item, self._roles = conference, item, roles
        trainees = [a.name for a in conference.attendees if a.role is AttendeeRole.TRAINEE]
        current = self.ui.traineeCombo.currentText()
        combo = self.ui.traineeCombo
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(trainees)
        if current in trainees:
            combo.setCurrentIndex(trainees.index(current))
        combo.blockSignals(False)
        self._retarget()

    def set_trainee(self, name: str) -> None:
        index = self.ui.traineeCombo.findText(name)
        if index >= 0:
            self.ui.traineeCombo.setCurrentIndex(index)

    def set_role(self, role: AssessorRole) -> None:
        self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData(role.value))

    def set_rater(self, name: str) -> None:
        """Score as the typed name ``name`` (only while nobody is signed in: otherwise the rater is an
        account, see :meth:`RaterChooser.choose`)."""
        self.ui.raterEdit.setText(name)
        self._rater_changed()

    def set_accounts(self, accounts: Sequence[Account]) -> None:
        """The people who may be chosen as rater."""
        self.rater.set_accounts(accounts)
        target = self._target
        if target is not None and target.role is AssessorRole.FACILITATOR and (
                target.rater_id != self.rater.account_id or target.rater != self.rater.name):
            self._retarget()

    def _rater_changed(self) -> None:
        target = self._target
        if target is None or target.role is AssessorRole.SELF or (target.rater, target.rater_id) != (
                self.rater.name, self.rater.account_id):
            self._retarget()
        if self.ui.raterEdit.hasFocus():
            self.focus_first_row()  # Enter after the name: on to the first item

    @property
    def trainee(self) -> str | None:
        return self._target.trainee if self._target else None

    @property
    def sheet(self) -> ScoreSheet | None:
        """The scores as last stored (or read)."""
        base = self.session.base
        return base if isinstance(base, ScoreSheet) else None

    def row(self, key: str) -> RubricRow:
        for row in self.rows:
            if row.item.key == key:
                return row
        raise KeyError(key)

    def focus_first_row(self) -> None:
        """Put the cursor on the first item (once the rows are there, when they are being read)."""
        self._focus_first = not self.rows and self.reading
        if self.rows:
            self.rows[0].setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def reading(self) -> bool:
        """The stored scores of the trainee chosen are being read (the rows appear once they arrive)."""
        return self._reading is not None

    def _retarget(self) -> None:
        """Score another trainee, role or case: the scores pending are saved first, queued and not waited
        for; that save goes on by itself (retried after a fault that passes, else its scores offered to
        copy), and the scores of whoever is scored next are read after it."""
        self.session.queue_save()
        if (last := self.session.last_save) is not None:
            self._left_saves = [op for op in self._left_saves if not op.delivered] + [last]
        self.session.close()
        conference, trainee = self._conference, self.ui.traineeCombo.currentText()
        data = self.ui.roleCombo.currentData()  # Qt hands the enum back as its plain text
        role = AssessorRole(data) if data else None
        self._build_rows([])
        self.undo.reset()
        if conference is None or conference.id is None or not trainee or role is None:
            self._target = None
            self.ui.partsLabel.setText("No trainee to score: add trainees to the conference's attendance.")
            return
        facilitating = role is AssessorRole.FACILITATOR
        rater = self.rater.name if facilitating else trainee
        self.rater.set_enabled(facilitating)
        if not rater:
            self._target = None
            self.ui.partsLabel.setText(
                "Type your name under Rater (Alt+E): the scores are recorded as yours. Any number of raters "
                "may score the same trainee, each blind to the others until they submit.")
            return
        rater_id = self.rater.account_id if facilitating else None
        self._target = _Target(conference, self._item, self._roles, trainee, role, rater, rater_id)
        self.ui.partsLabel.setText(f"Reading the scores of {trainee}…")
        self._load()

    def _items_for(self, target: _Target, announced: tuple[str, ...]) -> list[RubricItem]:
        """Presentation items for the presenter, the discipline item of each discipline the trainee speaks
        for, team behaviours for everyone, the meeting items for a trainee in the chair."""
        rubric = MDTBOARD_RUBRIC
        parts = target.roles.parts_of(target.trainee) if target.roles else ()
        items: list[RubricItem] = []
        words: list[str] = []
        if any(p.discipline is None for p in parts):
            items.extend(rubric.for_domain(RubricDomain.PRESENTATION))
            words.append("presents this case")
        speaks: list[Discipline] = [p.discipline for p in parts if p.discipline is not None]
        for discipline in speaks:
            items.append(rubric.item(discipline_item_key(discipline)))
        if speaks:
            words.append("speaks for " + ", ".join(d.label.lower() for d in speaks))
        items.extend(team_items(announced))
        chair = target.conference.chair
        if chair and trainee_key(chair) == trainee_key(target.trainee):
            items.extend(rubric.for_domain(RubricDomain.MEETING))
            words.append("chairs the meeting")
        case = f"case {target.item.case_ref}" if target.item is not None else "no case chosen"
        doing = " and ".join(words) if words else "has no part in this case (assign parts on the Roles tab)"
        by = f" Scored by {target.rater}." if target.role is AssessorRole.FACILITATOR else ""
        self.ui.partsLabel.setText(
            f"{target.trainee} {doing}; {case}. Team behaviours are scored for the conference as a whole.{by}"
        )
        return items

    def _build_rows(self, items: list[RubricItem]) -> None:
        layout = self.ui.rowsLayout
        for widget in [*self.rows, *self._headings]:
            layout.removeWidget(widget)
            widget.deleteLater()
        self.rows, self._headings = [], []
        domain: RubricDomain | None = None
        for item in items:
            if item.domain is not domain:
                domain = item.domain
                heading = QLabel(domain.label, self.ui.rowsContainer)
                heading.setProperty("role", "heading")
                self._headings.append(heading)
                layout.insertWidget(layout.count() - 1, heading)
            row = RubricRow(item, self.ui.rowsContainer)
            row.score_chosen.connect(self._score_chosen)
            row.comment_edited.connect(self._comment_edited)
            row.move_requested.connect(lambda step, row=row: self._move(row, step))
            self.rows.append(row)
            layout.insertWidget(layout.count() - 1, row)
        for widget in [*self._headings, *self.rows]:
            widget.setVisible(True)  # at once, so that a row can take the focus straight away
        for before, after in zip(self.rows, self.rows[1:], strict=False):
            QWidget.setTabOrder(before, after)

    # -- reading
    def _load(self) -> None:
        """Read the target's stored scores on a background operation; shown when they arrive."""
        target = self._target
        if target is None or target.conference.id is None:
            return
        services = self._services
        self._reading = target
        # on the writer, after the saves of scores left (so that they are read back as saved), else the reader
        start = ops.write if any(not op.delivered for op in self._left_saves) else ops.read
        start(lambda: _read(services, target), parent=self, label="reading scores",
                 success=lambda found: self._arrived(target, found),
                 failure=lambda error: self._not_read(target, error))

    def _not_read(self, target: _Target, error: MdtboardError) -> None:
        if self._reading == target:
            self._reading = None
        if self._target == target:
            self.status_message.emit(str(error))

    def _arrived(self, target: _Target, found: _Read) -> None:
        if self._reading == target:
            self._reading = None
        if self._target != target:
            return  # another trainee, case or rater was chosen meanwhile
        facilitating = target.role is AssessorRole.FACILITATOR
        if not self.rows:
            self._build_rows(self._items_for(target, found.announced))
            if self._focus_first:
                self._focus_first = False
                self.focus_first_row()
        sheet = found.sheet
        # what this viewer may see of the others: the self-assessment and each other rater, by name
        mine = _rater_key(target) if facilitating else None
        others: list[tuple[str, StoredAssessment]] = []
        for view in found.views:
            if view is None:
                continue
            if facilitating and view.self_assessment is not None:
                others.append(("Self-assessment", view.self_assessment))
            others.extend((r.rater or "Rater", r.value) for r in view.raters if r.who != mine)
        self.hidden = any(view is not None and not view.revealed and (view.own is not None or view.raters)
                          for view in found.views)
        self.session.load(sheet)
        self._show_scores(sheet)
        self.undo.reset()
        for row in self.rows:
            row.set_other("; ".join(
                _other_text(label, score) for label, stored in others
                if (score := stored.assessment.score(row.item.key)) is not None))
        self.submitted = sheet.submitted
        for row in self.rows:
            row.setEnabled(not self.submitted)
        self._enable_submit()
        waits_for = "the trainee's self-assessment" if facilitating else "the raters' scores"
        late = [part for part, view in zip(("this case", "team behaviours"), found.views, strict=True)
                if view is not None and view.rater_first]
        self.not_blind = () if facilitating else tuple(late)
        if self.not_blind:
            parts = " and of ".join(self.not_blind)
            self.ui.saveState.setText(
                f"⚠ A rater submitted scores of {parts} before this self-assessment was started, and the "
                "debrief can show them: it is marked as not blind. Score what you did, as you saw it.")
        elif self.submitted and self.hidden:
            self.ui.saveState.setText(
                f"Submitted and locked; {waits_for} will show once both have submitted.")
        elif self.submitted:
            self.ui.saveState.setText("Submitted and locked; both sides are shown.")
        else:
            self.ui.saveState.setText(f"Not submitted: {waits_for} stays hidden until you submit (Alt+U).")
        self.scores_shown.emit()

    def _show_scores(self, sheet: ScoreSheet) -> None:
        with self.session.suspend():
            for row in self.rows:
                score = sheet.scores.get(row.item.key)
                row.set_score(score.value if score else None, (score.comment or "") if score else "")

    def _enable_submit(self) -> None:
        sheet = self.sheet
        stored = sheet is not None and any(side is not None for side in sheet.sides)
        self.ui.submitButton.setEnabled(not self.submitted and stored)

    def submit(self) -> bool:
        """Save what is typed (queued on the writer, not waited for), then submit and lock it (on the
        writer thread after that save: "Submitting…", the button disabled meanwhile); the other side's
        scores show once both submitted. When the save fails, nothing is submitted, the scores stay on
        screen with "Not saved" and the status bar says why. True when the submission was started or
        waits for the save."""
        target = self._target
        if target is None or self.sheet is None:
            return False

        def refused(reason: str) -> None:
            why = reason.removeprefix("Not saved: ").rstrip(".")
            self.status_message.emit(f"Scores not submitted: the scores given are not saved yet ({why}).")

        return after_save(self.session, lambda: self._submit(target), refused, parent=self,
                          label="submitting scores")

    def _submit(self, target: _Target) -> bool:
        """Submit the sides of the sheet as saved (their versions the save stored)."""
        if self._target is not target or self.sheet is None:
            return False  # another trainee, role or case was chosen meanwhile
        training = self._services.training
        sides = [(stored.id, stored.version) for stored in self.sheet.sides
                 if stored is not None and not stored.submitted]

        def work() -> None:
            for assessment_id, version in sides:
                training.submit_assessment(assessment_id, seen_version=version)

        self.ui.submitButton.setEnabled(False)
        self.ui.saveState.setText("Submitting…")
        ops.write(work, parent=self, label="submitting scores",
                  success=lambda _none: self._submitted(), failure=self._not_submitted)
        return True

    def _submitted(self) -> None:
        self._load()
        self.status_message.emit("Scores submitted and locked")

    def _not_submitted(self, error: MdtboardError) -> None:
        self.status_message.emit(str(error))
        self._load()

    # -- editing and saving
    def _score_chosen(self, key: str, _value: object) -> None:
        self.undo.changed(key)
        self._edited()

    def _comment_edited(self, key: str, _text: str) -> None:
        self.row(key).mark()
        self.undo.changed(key)
        self._edited()

    def _record_key(self) -> tuple[object, ...]:
        target = self._target
        if target is None:
            return ()
        case_id = target.item.case_id if target.item is not None else None
        return (target.conference.id, target.trainee, str(target.role), case_id, target.rater,
                target.rater_id)

    def _missing(self) -> str:
        missing = [row for row in self.rows if row.needs_comment]
        if not missing:
            return ""
        return (f"⚠ {len(missing)} score(s) need a comment before they are saved: "
                + ", ".join(row.item.title for row in missing))

    def _edited(self) -> None:
        missing = self._missing()
        if missing:
            self.ui.saveState.setText(missing)
        self.session.touch()

    def _read_sheet(self) -> ScoreSheet | None:
        """The scores on screen: the valid rows shown, and the stored scores of items that are not shown or
        not valid now (so a missing comment keeps the last valid score)."""
        sheet = self.sheet
        if sheet is None:
            return None
        scores = dict(sheet.scores)
        for row in self.rows:
            key = row.item.key
            if row.needs_comment:
                continue  # the stored score stays (or none)
            if row.value is None:
                scores.pop(key, None)
            else:
                scores[key] = Score(key, row.value, row.comment.strip() or None)
        return dataclasses.replace(sheet, scores=scores)

    def _left_unsaved(self, sheet: ScoreSheet, error: MdtboardError) -> None:
        """The scores given to a trainee, role or case scored before could not be saved: offered to copy
        (:attr:`unsaved_dialog`), never silently lost."""
        lines = [f"{key}: {score.value}" + (f" ({score.comment})" if score.comment else "")
                 for key, score in sheet.scores.items() if score.value is not None]
        said = f"The scores given before could not be saved: {str(error).splitlines()[0]}"
        self.status_message.emit(said)
        self.unsaved_dialog = closed_box(self, "Scores not saved", said, ["\n".join(lines)])

    def flush(self) -> bool:
        """Save what is pending now and wait for it (closing the window: elsewhere the saves are queued,
        not waited for): False when that failed (it stays on screen)."""
        return self.session.flush()

    @property
    def pending(self) -> bool:
        return self.session.pending

    def _on_saved(self, _sheet: object) -> None:
        self._enable_submit()
        self.scores_saved.emit()

    def _on_state(self, text: str) -> None:
        if not text:
            return
        shown = "Scores " + text[0].lower() + text[1:] if text.startswith(("Saved", "Saving")) else text
        missing = self._missing()
        line = f"{shown}; {missing}" if missing else shown
        self.ui.saveState.setText(line)
        if text.startswith("Not saved"):
            line = "Scores not saved: " + text.removeprefix("Not saved: ")
        self.status_message.emit(line)

    def _on_merged(self, sheet: ScoreSheet, message: str) -> None:
        """Scores saved elsewhere meanwhile were merged in: show them (the session saves the result)."""
        shown = self._read_sheet()
        with self.session.suspend():
            for row in self.rows:
                key = row.item.key
                score = sheet.scores.get(key)
                if shown is not None and shown.scores.get(key) == score:
                    continue
                row.set_score(score.value if score else None, (score.comment or "") if score else "")
        self.undo.synced()
        if message:
            self.status_message.emit(f"Scores: {message}")

    def _on_clash(self, clash: Clash) -> None:
        """An item scored differently here and elsewhere: ask which to keep (the saved one by default)."""
        target = self._target

        def done(keep_mine: set[str]) -> None:
            if self._target == target:
                self.session.settle(clash, keep_mine)

        who = target.trainee if target is not None else "the trainee"
        self.chooser(f"The scores of {who}", clash, _item_title, done)

    # -- moving between items
    def _move(self, row: RubricRow, step: int) -> None:
        index = self.rows.index(row) + step
        if 0 <= index < len(self.rows):
            target = self.rows[index]
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            self.ui.scrollArea.ensureWidgetVisible(target, 0, 40)
        else:
            row.setFocus(Qt.FocusReason.OtherFocusReason)


def _rater_key(target: _Target) -> str:
    """The rater as the stored assessments tell raters apart (see ``Assessment.rater_key``)."""
    if target.rater_id is not None:
        return f"#{target.rater_id}"
    return trainee_key(target.rater)


def _item_title(key: str) -> str:
    return MDTBOARD_RUBRIC.item(key).title


def _other_text(label: str, score: Score | None) -> str:
    if score is None:
        return ""
    comment = f" – {score.comment}" if score.comment else ""
    return f"{label}: {score.value}{comment}"
