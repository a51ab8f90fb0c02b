"""One discipline's live input on the case under discussion: who speaks, their assessment and their
recommendations, saved as they are typed, and marked "not yet heard" until there is some."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QFrame, QWidget

from mdtboard.domain.case import Discipline, DisciplineInput
from mdtboard.domain.errors import ConflictError, MdtboardError, NotFoundError
from mdtboard.ui.autosave import AutoSaver
from mdtboard.ui.conference.commands import InputText
from mdtboard.ui.conference.conflicts import Chooser, WaitingForChoice, input_rows
from mdtboard.ui.conference.controller import ConferenceController
from mdtboard.ui.conference.icons import Mark, icon_size_for, pixmap
from mdtboard.ui.conflict_dialog import Choice
from mdtboard.ui.forms.ui_conference_discipline import Ui_DisciplinePanel

#: Lines of text each field shows before it scrolls.
FIELD_LINES = 4
PROBLEM_STYLE = "color: #b00020;"
QUIET_STYLE = "color: #555555;"


class _UndoKeys(QObject):
    """Ctrl+Z / Ctrl+Shift+Z in a field go to the window's undo stack (one history for everything), after
    the typing so far is saved as its own step, so that undo takes back exactly that."""

    def __init__(self, saver: AutoSaver, parent: QObject) -> None:
        super().__init__(parent)
        self._saver = saver

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo))
        ):
            self._saver.flush()
            event.ignore()
            return True
        return False


def _text(value: str) -> str | None:
    return value if value.strip() else None


class DisciplinePanel(QFrame):
    """Author, assessment and recommendations of one discipline on the case under discussion.

    Signals:
        heard_changed(): whether this discipline has been heard on the case may have changed.
        saved(datetime): the input was saved at that time.
        problem(str): a save failed; the typed text stays on screen and is saved with the next change.
    """

    heard_changed = Signal()
    saved = Signal(object)
    problem = Signal(str)

    def __init__(
        self,
        discipline: Discipline,
        shortcut: str,
        controller: ConferenceController,
        chooser: Chooser,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_DisciplinePanel()
        self.ui.setupUi(self)
        self.discipline = discipline
        self.shortcut = shortcut
        self._controller = controller
        self._chooser = chooser
        self._case_id: int | None = None
        self._stored: DisciplineInput | None = None
        self._waiting = False
        name = discipline.label
        self.setObjectName(f"discipline_{discipline.value}")
        self.setAccessibleName(f"{name} input")
        self.ui.titleLabel.setText(f"<b>{name}</b>")
        self.ui.titleLabel.setAccessibleName(name)
        self.ui.shortcutLabel.setText(shortcut)
        self.ui.shortcutLabel.setStyleSheet(QUIET_STYLE)
        self.ui.shortcutLabel.setToolTip(f"{shortcut} jumps to the {name.lower()} assessment")
        self.ui.authorCombo.setAccessibleName(f"{name} author")
        self.ui.authorCombo.setPlaceholderText("Who speaks for " + name.lower())
        self.ui.authorCombo.setToolTip(f"Who gives the {name.lower()} input: one of the attendees")
        self.ui.assessmentEdit.setAccessibleName(f"{name} assessment")
        self.ui.assessmentEdit.setToolTip(f"{name} assessment ({shortcut}); Tab goes to the recommendations")
        self.ui.recommendationsEdit.setAccessibleName(f"{name} recommendations")
        self.ui.recommendationsEdit.setToolTip(f"{name} recommendations; Tab goes to the next discipline")
        self.ui.savedLabel.setStyleSheet(QUIET_STYLE)
        self.saver = AutoSaver(self._save, parent=self)
        controller.flushers.append(self.saver.flush)
        self._undo_keys = _UndoKeys(self.saver, self)
        for edit in (self.ui.assessmentEdit, self.ui.recommendationsEdit):
            edit.installEventFilter(self._undo_keys)
        self._fit_fields()
        self._connect_signals()
        self._show_heard()

    def _connect_signals(self) -> None:
        self.ui.assessmentEdit.textChanged.connect(self.saver.touch)
        self.ui.recommendationsEdit.textChanged.connect(self.saver.touch)
        self.ui.authorCombo.currentIndexChanged.connect(self.saver.touch)
        self.saver.saved.connect(self._saved)
        self.saver.save_failed.connect(self._failed)
        self.saver.conflicted.connect(self._conflicted)

    def _fit_fields(self) -> None:
        lines = QFontMetrics(self.ui.assessmentEdit.font()).lineSpacing() * FIELD_LINES + 12
        for edit in (self.ui.assessmentEdit, self.ui.recommendationsEdit):
            edit.setMinimumHeight(lines)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FontChange:
            self._fit_fields()
            self._show_heard()
        super().changeEvent(event)

    # -- what it shows
    @property
    def case_id(self) -> int | None:
        return self._case_id

    @property
    def heard(self) -> bool:
        """The discipline has given input on this case: some text, and who gave it."""
        text = InputText.of(self._stored)
        return text is not None and text.has_text and bool((text.author or "").strip())

    def text(self) -> InputText:
        author = self.ui.authorCombo.currentText() if self.ui.authorCombo.currentIndex() >= 0 else ""
        return InputText(
            author=_text(author),
            assessment=_text(self.ui.assessmentEdit.toPlainText()),
            recommendations=_text(self.ui.recommendationsEdit.toPlainText()),
        )

    def show_input(self, case_id: int | None, stored: DisciplineInput | None) -> None:
        """Show the stored input of this discipline on ``case_id`` (pending typing must be saved first)."""
        self.saver.discard()
        self._case_id = case_id
        self._stored = stored
        with self.saver.suspend():
            author = stored.author if stored is not None else None
            if author:
                self._select_author(author)
            elif self.ui.authorCombo.count() == 1:
                self.ui.authorCombo.setCurrentIndex(0)
            else:
                self.ui.authorCombo.setCurrentIndex(-1)
            self.ui.assessmentEdit.setPlainText((stored.assessment or "") if stored else "")
            self.ui.recommendationsEdit.setPlainText((stored.recommendations or "") if stored else "")
        self.ui.savedLabel.setText(self._saved_text(stored))
        self.ui.savedLabel.setStyleSheet(QUIET_STYLE)
        self._show_heard()

    def set_authors(self, names: list[str]) -> None:
        """Offer these attendees as authors, keeping the one chosen."""
        current = self.ui.authorCombo.currentText() if self.ui.authorCombo.currentIndex() >= 0 else ""
        with self.saver.suspend():
            self.ui.authorCombo.clear()
            self.ui.authorCombo.addItems(names)
            if current:
                self._select_author(current)
            elif len(names) == 1:
                self.ui.authorCombo.setCurrentIndex(0)
            else:
                self.ui.authorCombo.setCurrentIndex(-1)

    def _select_author(self, name: str) -> None:
        index = self.ui.authorCombo.findText(name)
        if index < 0:
            self.ui.authorCombo.addItem(name)
            index = self.ui.authorCombo.count() - 1
        self.ui.authorCombo.setCurrentIndex(index)

    def _show_heard(self) -> None:
        heard = self.heard
        size = icon_size_for(self.ui.heardLabel.font())
        self.ui.heardIcon.setPixmap(pixmap(Mark.DONE if heard else Mark.ATTENTION, size))
        self.ui.heardIcon.setAccessibleName("Heard" if heard else "Not yet heard")
        if heard:
            self.ui.heardLabel.setText("Heard")
        elif self.text().has_text and not self.text().author:
            self.ui.heardLabel.setText("<b>Not yet heard:</b> say who spoke")
        else:
            self.ui.heardLabel.setText("<b>Not yet heard</b>")

    @staticmethod
    def _saved_text(stored: DisciplineInput | None) -> str:
        if stored is None or stored.updated_at is None:
            return ""
        return f"Saved {stored.updated_at.astimezone().strftime('%H:%M:%S')}"

    def focus_input(self) -> None:
        """Put the cursor in the first field to fill: the author when none is chosen yet (with several
        people of the discipline present, the first letter typed picks one), else the assessment."""
        if self.ui.authorCombo.currentIndex() < 0:
            self.ui.authorCombo.setFocus()
        else:
            self.ui.assessmentEdit.setFocus()

    # -- saving
    def _save(self) -> None:
        if self._case_id is None:
            return
        if self._waiting:
            raise WaitingForChoice()
        try:
            saved = self._controller.save_input(self._case_id, self.discipline, self._stored, self.text())
        except NotFoundError:
            if self._stored is None:
                raise
            # deleted elsewhere meanwhile: what is typed here is given anew
            saved = self._controller.save_input(self._case_id, self.discipline, None, self.text())
        was_heard = self.heard
        if saved is not None:
            self._stored = saved
        if self.heard != was_heard:
            self._show_heard()
            self.heard_changed.emit()

    def _saved(self, when: datetime) -> None:
        if self._stored is not None:
            self.ui.savedLabel.setText(f"Saved {when:%H:%M:%S}")
            self.ui.savedLabel.setStyleSheet(QUIET_STYLE)
            self.saved.emit(when)

    def _failed(self, exc: MdtboardError) -> None:
        if isinstance(exc, WaitingForChoice):
            self.ui.savedLabel.setText("\u26a0 Not saved yet: choose a version first")
        else:
            self.ui.savedLabel.setText(f"\u26a0 Not saved: {exc}")
            self.problem.emit(f"{self.discipline.label} input not saved: {exc}")
        self.ui.savedLabel.setStyleSheet(PROBLEM_STYLE)

    def _conflicted(self, exc: ConflictError) -> None:
        mine = exc.mine
        theirs = exc.theirs if isinstance(exc.theirs, DisciplineInput) else None
        if not isinstance(mine, DisciplineInput):
            self._failed(exc)
            return
        case_id = self._case_id
        self._waiting = True

        def done(choice: Choice) -> None:
            self._waiting = False
            if self._case_id != case_id:
                return
            if choice is Choice.KEEP_MINE:
                self._stored = theirs
                self.saver.touch()
                self.saver.flush()
            else:
                self.show_input(case_id, theirs)
                self._show_heard()
                self.heard_changed.emit()

        rows = input_rows(mine, theirs)
        if not rows:
            done(Choice.TAKE_THEIRS)
            return
        self._failed(WaitingForChoice())
        item = self._controller.item_for(case_id) if case_id is not None else None
        where = f" on {item.case_ref}" if item is not None else ""
        self._chooser(f"The {self.discipline.label.lower()} input{where}", rows, done)
