"""One discipline's live input on the case under discussion: who speaks, their assessment and their
recommendations, saved as they are typed, and marked "not yet heard" until there is some.

The input is edited through a :class:`RecordSession`: saved on the writer thread (a locked database or a
silent network never freezes the meeting), on a pause and at least every 0.6 s of steady typing (so that
colleagues following the meeting see the words within a second), retried by
itself after a fault that passes. When another PC saved the same input meanwhile (or gave the first input
of this discipline at the same time), the two are merged field by field and only a field both changed is
offered for a choice.

The input of a case newly shown is read in the background (see the discussion panel): until it comes the
panel is empty, says so, and takes no typing (:meth:`DisciplinePanel.show_loading`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QSignalBlocker, Signal
from PySide6.QtGui import QFontMetrics, QTextCursor
from PySide6.QtWidgets import QFrame, QWidget

from mdtboard.domain.case import Discipline, DisciplineInput
from mdtboard.domain.errors import MdtboardError, NotFoundError
from mdtboard.services.conferences import ConferenceService
from mdtboard.ui import palette
from mdtboard.ui.conference.commands import InputText
from mdtboard.ui.conference.conflicts import Chooser
from mdtboard.ui.conference.controller import ConferenceController
from mdtboard.ui.conference.icons import Mark, icon_size_for, pixmap
from mdtboard.ui.editing import undo_keys
from mdtboard.ui.editing.session import Clash, RecordSession
from mdtboard.ui.forms.ui_conference_discipline import Ui_DisciplinePanel

#: Lines of text each field shows before it scrolls.
FIELD_LINES = 4
#: In the meeting, colleagues follow the panels from their own PCs: what is typed is saved after a pause
#: this short, and at least this often while typing goes on, so that a typist's words reach a following
#: PC within a second (the record session's defaults, 0.5 s and 2 s, made that up to 2 s). About 1.5
#: small commits a second for a steady typist; measured by ``python -m bench live_typing``.
PANEL_PAUSE_MS = 300
PANEL_MAX_WAIT_MS = 600
PROBLEM_STYLE = palette.PROBLEM_STYLE
QUIET_STYLE = palette.QUIET_STYLE


def _text(value: str) -> str | None:
    return value if value.strip() else None


FIELD_LABELS = {"author": "Author", "assessment": "Assessment", "recommendations": "Recommendations"}


def input_fields(inp: DisciplineInput) -> dict[str, Any]:
    return {"author": inp.author, "assessment": inp.assessment, "recommendations": inp.recommendations}


def input_with_fields(like: DisciplineInput, values: dict[str, Any]) -> DisciplineInput:
    return replace(like, **values)


def store_input(service: ConferenceService, inp: DisciplineInput) -> DisciplineInput:
    """Save a discipline's input (on the writer thread): the first one given, or a change to it. Nothing is
    stored while there is no text; an input deleted elsewhere meanwhile is given anew."""
    if inp.id is None:
        if not InputText.of(inp) or not InputText.of(inp).has_text:  # type: ignore[union-attr]
            return inp
        return service.add_input(inp.agenda_item_id or 0, inp)
    try:
        return service.update_input(inp)
    except NotFoundError:
        return service.add_input(inp.agenda_item_id or 0, replace(inp, id=None, version=0))


class DisciplinePanel(QFrame):
    """Author, assessment and recommendations of one discipline on the case under discussion.

    Signals:
        heard_changed(): whether this discipline has been heard on the case may have changed.
        taken(bool): in follow mode, the person took this panel to type into it (True) or gave it back.
        saved(datetime): the input was saved at that time.
        problem(str): a save failed; the typed text stays on screen and is saved again.
        left_unsaved(str): the input typed on a case shown before could not be saved; its text, to copy.
    """

    heard_changed = Signal()
    taken = Signal(bool)
    saved = Signal(object)
    problem = Signal(str)
    left_unsaved = Signal(str)

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
        #: the text this panel's last undo step left stored (recorded when saved, or when queued)
        self._recorded: InputText | None = None
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
        self.ui.presenceLabel.setStyleSheet(QUIET_STYLE)
        self.ui.takeButton.setToolTip(f"Type into the {name.lower()} panel while following the meeting (the "
                                      "operator sees who is typing where); press again to give it back")
        self.following = False  # Conference > Follow the meeting: read-only unless taken
        self.loading = False  # the input of the case shown is being read: read-only until it comes
        service = controller.services.conferences
        self.session = RecordSession(
            save=lambda inp: store_input(service, inp),
            read=self._read_for_save,
            fields=input_fields,
            build=input_with_fields,
            label=FIELD_LABELS.__getitem__,
            what="discipline input",
            pause_ms=PANEL_PAUSE_MS,
            max_wait_ms=PANEL_MAX_WAIT_MS,
            parent=self,
        )
        controller.flushers.append(self.session.flush)
        controller.savers.append(self.save_pending)
        controller.last_saves.append(lambda: self.session.last_save)
        # Ctrl+Z in a field: the window's one history, after the typing so far is saved as its own step
        # (so that undo takes back exactly that): queued, not waited for, the undo step after it
        undo_keys.register(self, controller.undo_stack, before=self.save_pending)
        self._fit_fields()
        self._connect_signals()
        self._show_heard()

    def _connect_signals(self) -> None:
        self.ui.assessmentEdit.textChanged.connect(self.session.touch)
        self.ui.recommendationsEdit.textChanged.connect(self.session.touch)
        self.ui.authorCombo.currentIndexChanged.connect(self.session.touch)
        self.session.saved.connect(self._saved)
        self.session.state_changed.connect(self._show_state)
        self.session.merged.connect(self._merged)
        self.session.clashed.connect(self._clashed)
        self.session.left_unsaved.connect(self._left_unsaved)
        self.session.left_retrying.connect(self._left_retrying)
        self.ui.takeButton.toggled.connect(self._take)

    # -- following the meeting, and who types here on other PCs
    def set_following(self, on: bool) -> None:
        """Follow mode: the panel is read-only, with a "Type here" button to take it; off: editable."""
        self.following = on
        self.ui.takeButton.setVisible(on)
        with QSignalBlocker(self.ui.takeButton):
            self.ui.takeButton.setChecked(False)
        self._show_editable()

    @property
    def is_taken(self) -> bool:
        return self.following and self.ui.takeButton.isChecked()

    def give_back(self) -> None:
        if self.ui.takeButton.isChecked():
            self.ui.takeButton.setChecked(False)

    def _take(self, on: bool) -> None:
        if not self.following:
            return
        if not on:
            self.session.queue_save()
        self._show_editable()
        if on:
            self.focus_input()
        self.taken.emit(on)

    def _show_editable(self) -> None:
        """Editable unless its input is being read, or the meeting is followed and the panel not taken."""
        taken = not self.following or self.ui.takeButton.isChecked()
        self._set_editable(taken and not self.loading)

    def _set_editable(self, on: bool) -> None:
        self.ui.assessmentEdit.setReadOnly(not on)
        self.ui.recommendationsEdit.setReadOnly(not on)
        self.ui.authorCombo.setEnabled(on)

    def typing(self, within_s: float) -> bool:
        """The person typed in this panel within ``within_s`` seconds (on the case shown)."""
        return self._case_id is not None and self.session.typing(within_s)

    def show_typists(self, names: list[str]) -> None:
        """Who is typing in this panel on other PCs (presence); nobody: nothing shown."""
        if names:
            self.ui.presenceLabel.setText("\u270e " + ", ".join(names) + " typing on another PC")
        else:
            self.ui.presenceLabel.setText("")

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

    def show_loading(self, case_id: int) -> None:
        """The input on ``case_id`` is being read: nothing is shown, nothing can be typed, until
        :meth:`show_input` (pending typing must be saved first)."""
        self._case_id = case_id
        self._stored = None
        self._recorded = None
        self.session.load(None)
        self._fill(None)
        self.loading = True
        self._show_editable()
        self.ui.savedLabel.setText("Reading…")
        self.ui.savedLabel.setStyleSheet(QUIET_STYLE)
        self._show_heard()

    def not_read(self, reason: str) -> None:
        """The input being read could not be (it is read again): said in the panel."""
        if self.loading:
            self.ui.savedLabel.setText(f"\u26a0 Not read yet: {reason}")
            self.ui.savedLabel.setStyleSheet(PROBLEM_STYLE)

    def show_input(self, case_id: int | None, stored: DisciplineInput | None) -> None:
        """Show the stored input of this discipline on ``case_id`` (pending typing must be saved first)."""
        self._case_id = case_id
        self._stored = stored
        self._recorded = InputText.of(stored)
        self.loading = False
        self._show_editable()
        self.session.load(stored or DisciplineInput(self.discipline) if case_id is not None else None)
        self._fill(stored)
        self.ui.savedLabel.setText(self._saved_text(stored))
        self.ui.savedLabel.setStyleSheet(QUIET_STYLE)
        self._show_heard()

    def stored_elsewhere(self, case_id: int, stored: DisciplineInput | None) -> None:
        """This discipline's input on ``case_id``, as just committed on another PC (None: there is none):
        merged by field into what is on screen (the record session), never replacing what is being typed."""
        if case_id != self._case_id or self.session.base is None:
            return
        if stored is None:
            if not self.session.pending and self._stored is not None:
                self.show_input(case_id, None)  # removed elsewhere (undone): nothing was typed here
            return
        if self.session.stored_elsewhere(stored):
            self._stored = self.session.base
            self._recorded = InputText.of(self._stored)

    def _fill(self, stored: DisciplineInput | None) -> None:
        with self.session.suspend():
            author = stored.author if stored is not None else None
            if author:
                self._select_author(author)
            elif self.ui.authorCombo.count() == 1:
                self.ui.authorCombo.setCurrentIndex(0)
            else:
                self.ui.authorCombo.setCurrentIndex(-1)
            for edit, text in ((self.ui.assessmentEdit, stored.assessment if stored else None),
                               (self.ui.recommendationsEdit, stored.recommendations if stored else None)):
                if edit.toPlainText() != (text or ""):  # an unchanged field keeps its cursor
                    edit.setPlainText(text or "")

    def set_authors(self, names: list[str]) -> None:
        """Offer these attendees as authors, keeping the one chosen."""
        current = self.ui.authorCombo.currentText() if self.ui.authorCombo.currentIndex() >= 0 else ""
        with self.session.suspend():
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
        """Put the cursor in the first field to fill: the author when there is a choice to make (several
        people of the discipline present and none chosen yet: the first letter typed picks one), else the
        end of the assessment, where what is said next is added. With nobody of the discipline present the
        author list is empty, and typing there would be lost: the assessment takes it."""
        combo = self.ui.authorCombo
        if combo.currentIndex() < 0 and combo.count() > 1:
            combo.setFocus()
            return
        edit = self.ui.assessmentEdit
        edit.moveCursor(QTextCursor.MoveOperation.End)
        edit.setFocus()

    # -- saving (through the record session)
    def _read_for_save(self) -> DisciplineInput | None:
        """The input on screen, as the session saves it (on the agenda item of the case shown)."""
        if self._case_id is None or self.session.base is None:
            return None
        item = self._controller.item_for(self._case_id)
        if item is None or item.id is None:
            raise MdtboardError("This case is no longer on the agenda; its input was not saved.")
        return self.on_screen(item.id)

    def on_screen(self, agenda_item_id: int | None = None) -> DisciplineInput | None:
        """The input as it is on screen (None when no case is shown), on ``agenda_item_id`` if given: what
        a case taken off the agenda offers to copy, since it can no longer be saved."""
        base = self.session.base
        if self._case_id is None or base is None:
            return None
        text = self.text()
        return replace(
            base,
            agenda_item_id=base.agenda_item_id if agenda_item_id is None else agenda_item_id,
            author=text.author,
            assessment=text.assessment,
            recommendations=text.recommendations,
        )

    def save_pending(self) -> None:
        """Save the typing so far before a step that must come after it (an undo or redo, showing another
        case), without waiting: the save is queued first on the writer, the step after it. Its undo step is
        recorded now, with the text as queued (the saves already under way included), so that an undo
        that follows takes back exactly that typing."""
        self.session.queue_save()
        record = self.session.mark_queued()
        if record is None or self._case_id is None:
            return
        after = InputText.of(record)
        if record.id is None and (after is None or not after.has_text):
            return  # no text yet: nothing is stored (see store_input)
        before, self._recorded = self._recorded, after
        self._controller.record_input(self._case_id, self.discipline, before, after)

    def _saved(self, stored: DisciplineInput) -> None:
        if self._case_id is None or stored.id is None:
            return  # no text yet: nothing was stored
        was_heard = self.heard
        self._stored = stored
        if not self.session.saved_marked:  # (else its undo step was recorded when it was queued)
            before, self._recorded = self._recorded, InputText.of(stored)
            self._controller.record_input(self._case_id, self.discipline, before, self._recorded)
        if self.heard != was_heard:
            self._show_heard()
            self.heard_changed.emit()
        self.saved.emit(datetime.now())

    def _show_state(self, text: str) -> None:
        if text.startswith("Not saved"):
            self.ui.savedLabel.setText(f"\u26a0 {text}")
            self.ui.savedLabel.setStyleSheet(PROBLEM_STYLE)
            self.problem.emit(f"{self.discipline.label} input {text[0].lower()}{text[1:]}")
        elif text.startswith("Changed elsewhere"):
            self.ui.savedLabel.setText("\u26a0 Not saved yet: choose a version first")
            self.ui.savedLabel.setStyleSheet(PROBLEM_STYLE)
        elif text.startswith("Saved ") and self._stored is None:
            self.ui.savedLabel.setText("")  # nothing stored yet (no text)
        else:
            self.ui.savedLabel.setText(text)
            self.ui.savedLabel.setStyleSheet(QUIET_STYLE)

    def _merged(self, merged: DisciplineInput, message: str) -> None:
        """Merged with what another PC saved: show it (the session saves it)."""
        was_heard = self.heard
        self._stored = self.session.base
        self._recorded = InputText.of(self._stored)
        self._fill(merged)
        if self.heard != was_heard:
            self._show_heard()
            self.heard_changed.emit()
        if message:
            self.problem.emit(f"{self.discipline.label} input: {message}")

    def _left_unsaved(self, record: DisciplineInput, error: MdtboardError) -> None:
        """The input typed on a case shown before could not be saved (the panel shows another case now)."""
        text = InputText.of(record) or InputText()
        parts = [f"{self.discipline.label} {label.lower()}:\n{value}" for label, value in (
            ("Author", text.author), ("Assessment", text.assessment),
            ("Recommendations", text.recommendations)) if value]
        self.problem.emit(f"{self.discipline.label} input on a case shown before was not saved: "
                          f"{str(error).splitlines()[0]}")
        self.left_unsaved.emit("\n\n".join(parts))

    def _left_retrying(self, error: MdtboardError, wait: int) -> None:
        """The input typed on a case (or conference) shown before is not saved yet: tried again soon."""
        self.problem.emit(f"{self.discipline.label} input on a case shown before not saved yet: "
                          f"{str(error).splitlines()[0]} Retrying in {wait} s")

    def _clashed(self, clash: Clash) -> None:
        """A field both PCs changed: ask which text to keep (the saved one unless the person chooses)."""
        case_id = self._case_id

        def done(keep_mine: set[str]) -> None:
            if self._case_id == case_id:
                self.session.settle(clash, keep_mine)

        item = self._controller.item_for(case_id) if case_id is not None else None
        where = f" on {item.case_ref}" if item is not None else ""
        what = f"The {self.discipline.label.lower()} input{where}"
        self._chooser(what, clash, FIELD_LABELS.__getitem__, done)
