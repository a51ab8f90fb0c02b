"""The facilitator's scoring panel: one trainee, the case under discussion, scored by keyboard alone.

Each rubric item is a :class:`RubricRow` showing what a 1, a 3 and a 5 look like. Keys on a row: 1 to 5
score it, Delete (or 0) clears it, Up and Down (or Tab and Shift+Tab) move to the item above or below,
Enter goes to its comment. A score of 1 or 2 puts the cursor in the comment at once; until the comment
is written the row is marked (in words too) and the score is not saved: the database keeps the last
valid one. In the comment, Enter, Tab or Down go on to the next item, Up or Shift+Tab back, Escape returns
to the row.

Scores are saved as they are given (an :class:`AutoSaver`): the per-case items into the trainee's
assessment of this case, team behaviours and the meeting items into the assessment of the conference as
a whole. The trainee's self-assessment (or, when scoring as the trainee, the facilitator's) is shown
under each item.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import AgendaItem, AttendeeRole, Conference
from mdtboard.domain.errors import ConflictError, MdtboardError
from mdtboard.domain.progress import trainee_key
from mdtboard.domain.rubric import (
    COMMENT_NEEDED_BELOW,
    MDTBOARD_RUBRIC,
    AssessorRole,
    RubricDomain,
    RubricItem,
    RubricLevel,
    Score,
    discipline_item_key,
)
from mdtboard.services.context import Services
from mdtboard.services.training import CaseRoles, StoredAssessment
from mdtboard.ui.dialogs import show_error
from mdtboard.ui.forms.ui_training_rubric_row import Ui_RubricRow
from mdtboard.ui.forms.ui_training_scoring import Ui_TrainingScoring
from mdtboard.ui.training.autosave import DEFAULT_DELAY_MS, AutoSaver
from mdtboard.ui.training.style import STYLE, repolish

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 6)}
_CLEAR = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_0)


class RubricRow(QFrame):
    """One rubric item: its anchors, the score chosen, the comment.

    Signals:
        score_chosen(str, object): the item's key and its new score (None: cleared).
        comment_edited(str, str): the item's key and the comment as typed.
        move_requested(int): go to the item ``step`` rows below (negative: above).
    """

    score_chosen = Signal(str, object)
    comment_edited = Signal(str, str)
    move_requested = Signal(int)

    def __init__(self, item: RubricItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.ui = Ui_RubricRow()
        self.ui.setupUi(self)
        self.value: int | None = None
        self._boxes: dict[int, QLabel] = {n: getattr(self.ui, f"score{n}") for n in range(1, 6)}
        for box in self._boxes.values():
            box.setProperty("role", "scorebox")
            box.setFixedWidth(box.fontMetrics().horizontalAdvance("5") * 3 + 12)
        self.ui.titleLabel.setText(item.title)
        for score in (1, 3, 5):
            anchor: QLabel = getattr(self.ui, f"anchor{score}Label")
            anchor.setText(f"<b>{score}</b> {_escape(item.anchors[score])}")
            anchor.setProperty("role", "anchor")
            anchor.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.ui.commentError.setProperty("role", "error")
        self.ui.commentError.hide()
        self.ui.otherLabel.setProperty("role", "other")
        self.ui.otherLabel.hide()
        self.setAccessibleName(f"{item.title}: not scored")
        self.setAccessibleDescription(
            f"{item.domain.label}. 1: {item.anchors[1]} 3: {item.anchors[3]} 5: {item.anchors[5]}"
        )
        self.ui.commentEdit.installEventFilter(self)
        self.ui.commentEdit.textEdited.connect(lambda text: self.comment_edited.emit(self.item.key, text))

    # -- state
    @property
    def comment(self) -> str:
        return self.ui.commentEdit.text()

    @property
    def needs_comment(self) -> bool:
        """A 1 or 2 without a comment: marked, and not saved."""
        return self.value is not None and self.value < COMMENT_NEEDED_BELOW and not self.comment.strip()

    def set_score(self, value: int | None, comment: str | None = None) -> None:
        """Show a score (and, when given, a comment) without announcing it as an edit."""
        self.value = value
        if comment is not None:
            self.ui.commentEdit.setText(comment)
        for number, box in self._boxes.items():
            box.setProperty("chosen", number == value)
            repolish(box)
        shown = "not scored" if value is None else f"{value} of 5"
        self.setAccessibleName(f"{self.item.title}: {shown}")
        self.mark()

    def mark(self) -> None:
        """Mark the row when its score needs a comment that is missing."""
        missing = self.needs_comment
        self.setProperty("invalid", missing)
        self.ui.commentEdit.setProperty("invalid", missing)
        self.ui.commentEdit.setPlaceholderText(
            "Comment needed: what was seen?" if missing else "Comment: what was seen (Enter)"
        )
        if missing:
            self.ui.commentError.setText(
                f"⚠ A score of {self.value} needs a comment saying what was seen; "
                "it is not saved until there is one."
            )
        self.ui.commentError.setVisible(missing)
        repolish(self)
        repolish(self.ui.commentEdit)

    def set_other(self, text: str) -> None:
        self.ui.otherLabel.setText(text)
        self.ui.otherLabel.setVisible(bool(text))

    def focus_comment(self) -> None:
        self.ui.commentEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- keys
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Tab:
                self.move_requested.emit(1)
                return True
            if event.key() == Qt.Key.Key_Backtab:
                self.move_requested.emit(-1)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in _DIGITS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self._choose(_DIGITS[Qt.Key(key)])
        elif key in _CLEAR:
            self._choose(None)
        elif key == Qt.Key.Key_Down:
            self.move_requested.emit(1)
        elif key == Qt.Key.Key_Up:
            self.move_requested.emit(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focus_comment()
        else:
            super().keyPressEvent(event)

    def _choose(self, value: int | None) -> None:
        self.set_score(value)
        self.score_chosen.emit(self.item.key, value)
        if self.needs_comment:
            self.focus_comment()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.commentEdit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Down):
                self.move_requested.emit(1)
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Backtab):
                self.move_requested.emit(-1)
                return True
            if key == Qt.Key.Key_Escape:
                self.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._set_current(True)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if not self.ui.commentEdit.hasFocus():
            self._set_current(False)
        super().focusOutEvent(event)

    def _set_current(self, current: bool) -> None:
        self.setProperty("current", current)
        repolish(self)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class _Target:
    """What the panel scores: a trainee at a conference, on one case of its agenda (or none)."""

    conference: Conference
    item: AgendaItem | None
    roles: CaseRoles | None
    trainee: str
    role: AssessorRole


class ScoringPanel(QWidget):
    """Scores one trainee on the case under discussion, by keyboard; saved as it goes.

    Signals:
        status_message(str): a line for the status bar ("Scores saved 14:02:31", or why not).
        scores_saved(): an assessment was saved or removed.
    """

    status_message = Signal(str)
    scores_saved = Signal()

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, save_delay_ms: int = DEFAULT_DELAY_MS
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.ui = Ui_TrainingScoring()
        self.ui.setupUi(self)
        self.setStyleSheet(STYLE)
        self.rows: list[RubricRow] = []
        self._headings: list[QLabel] = []
        self._target: _Target | None = None
        #: The other side's scores are hidden (not both submitted); these scores are submitted and locked.
        self.hidden = True
        self.submitted = False
        self._stored: dict[bool, StoredAssessment | None] = {True: None, False: None}
        self._saver = AutoSaver(self._save, delay_ms=save_delay_ms, parent=self)
        self._changed = False  # whether the last save stored anything
        self.ui.roleCombo.addItem(AssessorRole.FACILITATOR.label, AssessorRole.FACILITATOR.value)
        self.ui.roleCombo.addItem("Trainee's self-assessment", AssessorRole.SELF.value)
        self._conference: Conference | None = None
        self._item: AgendaItem | None = None
        self._roles: CaseRoles | None = None
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.ui.traineeCombo.currentIndexChanged.connect(lambda _i: self._retarget())
        self.ui.roleCombo.currentIndexChanged.connect(lambda _i: self._retarget())
        self._saver.saved.connect(self._on_saved)
        self._saver.save_failed.connect(self._on_save_failed)
        self._saver.conflicted.connect(self._on_conflict)
        self.ui.submitButton.clicked.connect(self.submit)

    # -- what is scored
    def set_case(self, conference: Conference, item: AgendaItem | None, roles: CaseRoles | None) -> None:
        """Score on ``item`` of ``conference`` (None: no case, only team behaviours and the meeting)."""
        self.flush()
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

    @property
    def trainee(self) -> str | None:
        return self._target.trainee if self._target else None

    def row(self, key: str) -> RubricRow:
        for row in self.rows:
            if row.item.key == key:
                return row
        raise KeyError(key)

    def focus_first_row(self) -> None:
        if self.rows:
            self.rows[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _retarget(self) -> None:
        self.flush()
        conference, trainee = self._conference, self.ui.traineeCombo.currentText()
        data = self.ui.roleCombo.currentData()  # Qt hands the enum back as its plain text
        role = AssessorRole(data) if data else None
        if conference is None or not trainee or role is None:
            self._target = None
            self._build_rows([])
            self.ui.partsLabel.setText("No trainee to score: add trainees to the conference's attendance.")
            return
        self._target = _Target(conference, self._item, self._roles, trainee, role)
        self._build_rows(self._items_for(self._target))
        self._load()

    def _items_for(self, target: _Target) -> list[RubricItem]:
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
        items.extend(rubric.for_domain(RubricDomain.TEAMWORK))
        chair = target.conference.chair
        if chair and trainee_key(chair) == trainee_key(target.trainee):
            items.extend(rubric.for_domain(RubricDomain.MEETING))
            words.append("chairs the meeting")
        case = f"case {target.item.case_ref}" if target.item is not None else "no case chosen"
        doing = " and ".join(words) if words else "has no part in this case (assign parts on the Roles tab)"
        self.ui.partsLabel.setText(
            f"{target.trainee} {doing}; {case}. Team behaviours are scored for the conference as a whole."
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

    # -- reading and saving
    def _load(self) -> None:
        target = self._target
        if target is None or target.conference.id is None:
            return
        training = self._services.training
        case_id = target.item.case_id if target.item is not None else None
        facilitating = target.role is AssessorRole.FACILITATOR
        other_role = AssessorRole.SELF if facilitating else AssessorRole.FACILITATOR
        conf_id = target.conference.id
        assessor = self._assessor(target)
        # blind: the other side's scores only once both have submitted (see domain.blind)
        viewer = (assessor or "") if facilitating else None
        try:
            self._stored = {
                True: training.assessment(conf_id, target.trainee, target.role, case_id=case_id,
                                          assessor=assessor)
                if case_id is not None
                else None,
                False: training.assessment(conf_id, target.trainee, target.role, assessor=assessor),
            }
            views = [
                training.visible_assessments(conf_id, target.trainee, viewer=viewer, case_id=case_id)
                if case_id is not None
                else None,
                training.visible_assessments(conf_id, target.trainee, viewer=viewer),
            ]
        except MdtboardError as exc:
            self.status_message.emit(str(exc))
            return
        others = []
        for view in views:
            if view is None:
                continue
            if facilitating:
                others.append(view.self_assessment)
            else:
                others.extend(r.value for r in view.raters)
        del other_role
        self.hidden = any(view is not None and not view.revealed and (view.own is not None or view.raters)
                          for view in views)
        mine = {s.item_key: s for stored in self._stored.values() if stored for s in stored.assessment.scores}
        theirs = {s.item_key: s for stored in others if stored for s in stored.assessment.scores}
        label = "Self-assessment" if target.role is AssessorRole.FACILITATOR else "Facilitator"
        with self._saver.suspend():
            for row in self.rows:
                score = mine.get(row.item.key)
                row.set_score(score.value if score else None, (score.comment or "") if score else "")
                other = theirs.get(row.item.key)
                row.set_other(_other_text(label, other))
        self._saver.discard()
        submitted = any(stored is not None and stored.submitted for stored in self._stored.values())
        self.submitted = submitted
        for row in self.rows:
            row.setEnabled(not submitted)
        self.ui.submitButton.setEnabled(not submitted and any(self._stored.values()))
        waits_for = "the trainee's self-assessment" if facilitating else "the raters' scores"
        if submitted and self.hidden:
            self.ui.saveState.setText(
                f"Submitted and locked; {waits_for} will show once both have submitted.")
        elif submitted:
            self.ui.saveState.setText("Submitted and locked; both sides are shown.")
        else:
            self.ui.saveState.setText(f"Not submitted: {waits_for} stays hidden until you submit (Alt+U).")

    @staticmethod
    def _assessor(target: _Target) -> str | None:
        """Who scores: the trainee for a self-assessment; the rater otherwise (today: the chair)."""
        return target.trainee if target.role is AssessorRole.SELF else (target.conference.chair or None)

    def submit(self) -> bool:
        """Save what is typed, then submit and lock it; the other side's scores show once both submitted."""
        target = self._target
        if target is None or not self.flush():
            return False
        training = self._services.training
        try:
            for stored in list(self._stored.values()):
                if stored is not None and not stored.submitted:
                    training.submit_assessment(stored.id, seen_version=stored.version)
        except MdtboardError as exc:
            self.status_message.emit(str(exc))
            self._load()
            return False
        self._load()
        self.status_message.emit("Scores submitted and locked")
        return True

    def _score_chosen(self, _key: str, _value: object) -> None:
        self._edited()

    def _comment_edited(self, key: str, _text: str) -> None:
        self.row(key).mark()
        self._edited()

    def _edited(self) -> None:
        missing = [row for row in self.rows if row.needs_comment]
        if missing:
            self.ui.saveState.setText(
                f"⚠ {len(missing)} score(s) need a comment before they are saved: "
                + ", ".join(row.item.title for row in missing)
            )
        self._saver.touch()

    def _scores(self, per_case: bool) -> tuple[Score, ...]:
        """What to store on one side: the valid rows shown, and the stored scores of items that are not
        shown or not valid now (so a missing comment keeps the last valid score)."""
        stored = self._stored[per_case]
        kept = {s.item_key: s for s in stored.assessment.scores} if stored else {}
        shown = {row.item.key: row for row in self.rows if (row.item.level is RubricLevel.CASE) == per_case}
        out: list[Score] = []
        for key, row in shown.items():
            if row.value is None:
                continue
            if row.needs_comment:
                if key in kept:
                    out.append(kept[key])
                continue
            out.append(Score(key, row.value, row.comment.strip() or None))
        out.extend(score for key, score in kept.items() if key not in shown)
        return tuple(sorted(out, key=lambda s: MDTBOARD_RUBRIC.order(s.item_key)))

    def _save(self) -> None:
        target = self._target
        if target is None or target.conference.id is None:
            return
        training = self._services.training
        assessor = self._assessor(target)
        sides = [False] if target.item is None else [True, False]
        changed = False
        for per_case in sides:
            scores = self._scores(per_case)
            stored = self._stored[per_case]
            if stored is not None and stored.assessment.scores == scores:
                continue
            if stored is None and not scores:
                continue
            if scores:
                self._stored[per_case] = training.save_assessment(
                    target.conference.id,
                    target.trainee,
                    target.role,
                    scores,
                    case_id=target.item.case_id if per_case and target.item else None,
                    assessor=assessor,
                    seen_version=stored.version if stored else None,
                )
            elif stored is not None:
                training.delete_assessment(stored.id, seen_version=stored.version)
                self._stored[per_case] = None
            changed = True
        self._changed = changed
        if changed:
            self.scores_saved.emit()

    def flush(self) -> bool:
        return self._saver.flush()

    @property
    def pending(self) -> bool:
        return self._saver.pending

    def _on_saved(self, when: object) -> None:
        self.ui.submitButton.setEnabled(not self.submitted and any(self._stored.values()))
        stamp = when.strftime("%H:%M:%S") if hasattr(when, "strftime") else ""
        missing = [row for row in self.rows if row.needs_comment]
        parts = [f"Scores saved {stamp}"] if self._changed or not missing else []
        if missing:
            parts.append(
                f"⚠ {len(missing)} score(s) need a comment before they are saved: "
                + ", ".join(row.item.title for row in missing)
            )
        text = "; ".join(parts)
        self.ui.saveState.setText(text)
        self.status_message.emit(text)

    def _on_save_failed(self, error: MdtboardError) -> None:
        self.ui.saveState.setText(f"Not saved: {error}")
        self.status_message.emit(f"Scores not saved: {error}")

    def _on_conflict(self, error: ConflictError) -> None:
        show_error(
            self,
            "Scores changed elsewhere",
            "Someone else saved scores for this trainee after you opened them (on another PC or "
            "window). Nothing was overwritten; their scores are shown now. Give yours again where "
            "they differ.",
        )
        self._load()

    # -- moving between items
    def _move(self, row: RubricRow, step: int) -> None:
        index = self.rows.index(row) + step
        if 0 <= index < len(self.rows):
            target = self.rows[index]
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            self.ui.scrollArea.ensureWidgetVisible(target, 0, 40)
        else:
            row.setFocus(Qt.FocusReason.OtherFocusReason)


def _other_text(label: str, score: Score | None) -> str:
    if score is None:
        return ""
    comment = f" – {score.comment}" if score.comment else ""
    return f"{label}: {score.value}{comment}"
