"""Make a teaching case from a real one: settle each hint, read and confirm each field, then finalise.

The draft was stored as a new case with every identifier mdtboard was sure of replaced (the real case is
never changed); what was replaced is listed under each field. What it was not sure of is a *hint*,
highlighted in the text and listed under it: Enter (or "Replace everywhere") replaces it everywhere in the
case with what "Replace with" says (a pseudonym, the year, "[town]"... or the reviewer's own words); Ctrl+K
(or "Keep…") keeps it as written, for a typed reason. The reviewer may also edit the text. A field is
confirmed with "Confirm field" (Ctrl+Enter, which then moves on to the next open field) only when none of
its hints is open. "Finalise teaching case" is enabled only when every field is confirmed and no hint is
open; only then does the case become fictional, and the status bar lists what was kept.

Each step (an edit saved, a hint replaced or kept, a field confirmed, finalising, discarding) is stored as
a background operation on the writer queue (:mod:`mdtboard.ui.ops`), so the dialog answers however slow
the database is. Steps asked for quickly are queued in the dialog and stored one after the other in the
order asked for, each with the version the one before it stored; the dialog says what it is saving and
shows each result when it comes. A step that fails is shown in the dialog, with the review as stored;
the steps asked for after it are not done (they say so). Text typed meanwhile stays in the text box.
Closing waits until the steps asked for are stored.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QListWidgetItem, QTextEdit, QWidget

from mdtboard.domain.case import Case
from mdtboard.domain.deidentify import IdentifierHint, proposal
from mdtboard.domain.errors import ConflictError, MdtboardError
from mdtboard.services.context import Services
from mdtboard.services.training import TeachingReview
from mdtboard.ui import ops
from mdtboard.ui.dialogs import ask, show_error
from mdtboard.ui.forms.ui_training_teaching_case import Ui_TeachingCaseDialog
from mdtboard.ui.training.style import HINT_BACKGROUND, KEPT_BACKGROUND, STYLE

FIELD_ROLE = Qt.ItemDataRole.UserRole + 1
HINT_ROLE = Qt.ItemDataRole.UserRole + 2
PROPOSAL_ROLE = Qt.ItemDataRole.UserRole + 3
#: A step when its turn comes: what it is ("Replace"), the work for the writer, what to do with its result.
_Planned = tuple[str, Callable[[], Any], Callable[[Any], None]]
#: A step as asked for: made into its work when its turn comes (None: nothing left to do by then).
_Step = Callable[[], "_Planned | None"]
#: Names of the structured fields changed automatically, as a person reads them.
_WHERE = {"id": "Reference", "patient.display_name": "Patient name", "patient.age": "Age",
          "sharing_restrictions_by": "Who recorded the sharing restrictions", "kept": "Kept"}


def _where_words(where: str) -> str:
    """A change's place as a person reads it ("discipline_inputs[0].author" -> "Input 1: clinician")."""
    if where.startswith("discipline_inputs[") and where.endswith("].author"):
        return f"Input {int(where.split('[')[1].split(']')[0]) + 1}: clinician"
    return _WHERE.get(where, where)


def utf16_offset(text: str, index: int) -> int:
    """A Python string index as Qt's text position (UTF-16 code units)."""
    return len(text[:index].encode("utf-16-le")) // 2


def hint_words(hints: tuple[IdentifierHint, ...] | list[IdentifierHint]) -> str:
    if not hints:
        return "Nothing else here looks like an identifier to mdtboard; read it all the same."
    open_hints = [h for h in hints if h.open]
    found = "; ".join(f"{h.kind.value} “{h.text}”" for h in open_hints)
    kept = len(hints) - len(open_hints)
    words = f"{len(open_hints)} open hint(s) (highlighted): {found}." if open_hints else "No open hint."
    return words + (f" {kept} kept with a reason." if kept else "")


class TeachingCaseDialog(QDialog):
    """Review of one draft teaching case.

    Signals:
        finalised(int): the teaching case (its case id) is finished and fictional.
        discarded(): the draft was deleted.
        status_message(str): a line for the status bar.
    """

    finalised = Signal(int)
    discarded = Signal()
    status_message = Signal(str)

    def __init__(
        self,
        services: Services,
        review: TeachingReview,
        parent: QWidget | None = None,
        *,
        reviewer: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._reviewer = reviewer
        self.review = review
        self.ui = Ui_TeachingCaseDialog()
        self.ui.setupUi(self)
        self.setStyleSheet(STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._shown_text = ""
        self.keep_prompt: QInputDialog | None = None
        self._steps: deque[_Step] = deque()  # asked for, waiting for the one being stored
        self._running: str | None = None  # the step being stored
        self._confirming: set[str] = set()  # fields whose confirmation waits to be stored
        self._replacing: set[str] = set()  # hints whose replacement waits to be stored
        self._close_when_stored = False
        self._progress = ""
        self._connect_signals()
        self._show_review(select=review.checklist.unconfirmed[0] if review.checklist.unconfirmed else None)

    def _connect_signals(self) -> None:
        self.ui.fieldList.currentItemChanged.connect(lambda *_a: self._show_field())
        self.ui.textChoice.currentIndexChanged.connect(lambda _i: self._show_text())
        self.ui.textEdit.textChanged.connect(self._text_changed)
        self.ui.saveEditButton.clicked.connect(self.save_edit)
        self.ui.confirmButton.clicked.connect(self.confirm_current)
        self.ui.unconfirmButton.clicked.connect(lambda: self._confirm(False))
        self.ui.finaliseButton.clicked.connect(self.finalise)
        self.ui.discardButton.clicked.connect(self.ask_discard)
        self.ui.closeButton.clicked.connect(self.close)
        self.ui.hintList.currentItemChanged.connect(lambda *_a: self._show_hint())
        self.ui.hintList.itemActivated.connect(lambda _item: self.replace_current())
        self.ui.replaceButton.clicked.connect(self.replace_current)
        self.ui.replacementEdit.returnPressed.connect(self.replace_current)
        self.ui.keepButton.clicked.connect(self.ask_keep)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.confirm_current)
        QShortcut(QKeySequence("Ctrl+K"), self).activated.connect(self.ask_keep)

    # -- showing the review
    def _show_review(self, select: str | None = None) -> None:
        review = self.review
        case = review.draft.case
        checklist = review.checklist
        changes = "; ".join(f"{_where_words(c.where)}: {c.what}" for c in review.draft.changes)
        age = f" Age shown as “{review.draft.age_text}”." if review.draft.age_text else ""
        intro = (
            f"Draft teaching case <b>{case.ref}</b> ({case.patient.display_name}).{age} It stays marked "
            "real, not fictional, until a person has read and confirmed every field below.<br/>"
            f"Changed automatically: {changes or 'nothing'}."
        )
        if review.changed_elsewhere:
            intro += (
                "<br/><b>The draft was edited outside this review since: every field must be read "
                "and confirmed again.</b>"
            )
        if review.final:
            intro = f"<b>{case.ref}</b> is a finished, fictional teaching case."
        self.ui.introLabel.setText(intro)
        current = select or self.current_field()
        lst = self.ui.fieldList
        lst.blockSignals(True)
        lst.clear()
        for item in checklist.items:
            hints = f" · {len(item.open_hints)} open hint(s)" if item.open_hints else ""
            row = QListWidgetItem(f"{item.label}{hints}")
            row.setData(FIELD_ROLE, item.field)
            row.setData(
                Qt.ItemDataRole.CheckStateRole,
                Qt.CheckState.Checked if item.confirmed else Qt.CheckState.Unchecked,
            )
            row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            row.setToolTip("Confirmed" if item.confirmed else "Not confirmed yet")
            lst.addItem(row)
        fields = list(checklist.fields)
        lst.setCurrentRow(fields.index(current) if current in fields else 0)
        lst.blockSignals(False)
        done = len(checklist.fields) - len(checklist.unconfirmed)
        open_hints = len(checklist.open_hints)
        self._progress = (
            f"{done} of {len(checklist.fields)} fields confirmed · {open_hints} open hint(s) · "
            f"{len(review.draft.replacements)} replacement(s)"
        )
        self._show_saving()
        self.ui.finaliseButton.setEnabled(review.ready)
        self.ui.discardButton.setEnabled(not review.final)
        self._show_field()

    def current_field(self) -> str | None:
        item = self.ui.fieldList.currentItem()
        return None if item is None else str(item.data(FIELD_ROLE))

    def select_field(self, field: str) -> None:
        for row in range(self.ui.fieldList.count()):
            item = self.ui.fieldList.item(row)
            if item is not None and item.data(FIELD_ROLE) == field:
                self.ui.fieldList.setCurrentRow(row)
                return
        raise KeyError(field)

    def _show_field(self) -> None:
        field = self.current_field()
        editable = field is not None and not self.review.final
        for widget in (self.ui.textEdit, self.ui.confirmButton, self.ui.unconfirmButton, self.ui.textChoice,
                       self.ui.hintList, self.ui.replacementEdit, self.ui.replaceButton, self.ui.keepButton):
            widget.setEnabled(editable)
        if field is None:
            return
        item = self.review.checklist.item(field)
        self.ui.confirmButton.setEnabled(editable and not item.open_hints)
        self._show_hints(field)
        state = "confirmed" if item.confirmed else "not confirmed yet"
        self.ui.fieldHeading.setText(f"<b>{item.label}</b> – {state}")
        choice = self.ui.textChoice
        choice.blockSignals(True)
        choice.clear()
        for where in item.wheres:
            choice.addItem(where, where)
        choice.blockSignals(False)
        self.ui.textChoiceLabel.setVisible(len(item.wheres) > 1)
        choice.setVisible(len(item.wheres) > 1)
        self._show_text()

    def current_where(self) -> str | None:
        data = self.ui.textChoice.currentData()
        return None if data is None else str(data)

    def _show_text(self) -> None:
        field, where = self.current_field(), self.current_where()
        if field is None or where is None:
            return
        texts = dict(self.review.texts(field))
        self._shown_text = texts.get(where, "")
        edit = self.ui.textEdit
        edit.blockSignals(True)
        edit.setPlainText(self._shown_text)
        edit.blockSignals(False)
        hints = [h for h in self.review.checklist.item(field).hints if h.where == where]
        self._highlight(hints)
        replaced = [r for r in self.review.draft.replacements if r.where == where]
        done = ("Replaced here: " + "; ".join(f"“{r.original}” → “{r.replacement}”" for r in replaced) + ". "
                if replaced else "")
        self.ui.hintsLabel.setText(done + hint_words(hints))
        self.ui.saveEditButton.setEnabled(False)

    def _show_hints(self, field: str) -> None:
        """The field's hints, open ones first, each with what it would be replaced with."""
        item = self.review.checklist.item(field)
        texts = dict(self.review.texts(field))
        lst = self.ui.hintList
        lst.blockSignals(True)
        lst.clear()
        seen: set[str] = set()
        # every hint of the same words across the case is one row: one Replace or one Keep settles them all
        counts: dict[str, int] = {}
        for other in (h for i in self.review.checklist.items for h in i.hints):
            counts[other.text.casefold()] = counts.get(other.text.casefold(), 0) + 1
        for hint in sorted(item.hints, key=lambda h: (not h.open, h.where, h.start)):
            if hint.text.casefold() in seen:
                continue
            seen.add(hint.text.casefold())
            suggested = proposal(self.review.draft, hint, texts.get(hint.where))
            times = counts.get(hint.text.casefold(), 1)
            where = f" ({times} times in the case)" if times > 1 else ""
            words = (f"{hint.kind.value} “{hint.text}”{where} → {suggested}" if hint.open
                     else f"kept: {hint.kind.value} “{hint.text}”{where} ({hint.reason})")
            row = QListWidgetItem(words)
            row.setData(HINT_ROLE, hint.text)
            row.setData(PROPOSAL_ROLE, suggested)
            row.setToolTip("Open: replace it or keep it with a reason" if hint.open else "Kept with a reason")
            lst.addItem(row)
        lst.setCurrentRow(0 if lst.count() else -1)
        lst.blockSignals(False)
        self.ui.hintListLabel.setVisible(True)
        self._show_hint()

    def current_hint(self) -> str | None:
        row = self.ui.hintList.currentItem()
        return None if row is None else str(row.data(HINT_ROLE))

    def _show_hint(self) -> None:
        row = self.ui.hintList.currentItem()
        self.ui.replacementEdit.setText("" if row is None else str(row.data(PROPOSAL_ROLE)))
        has = row is not None and not self.review.final
        for widget in (self.ui.replacementEdit, self.ui.replaceButton, self.ui.keepButton):
            widget.setEnabled(has)

    def _highlight(self, hints: list[IdentifierHint]) -> None:
        marks = []
        text = self.ui.textEdit.toPlainText()
        for hint in hints:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.ui.textEdit.document())
            cursor.setPosition(utf16_offset(text, hint.start))
            cursor.setPosition(utf16_offset(text, hint.end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(HINT_BACKGROUND if hint.open else KEPT_BACKGROUND))
            fmt.setFontUnderline(hint.open)
            fmt.setToolTip(hint.kind.value if hint.open else f"kept: {hint.reason}")
            selection.cursor = cursor
            selection.format = fmt
            marks.append(selection)
        self.ui.textEdit.setExtraSelections(marks)

    @property
    def highlighted(self) -> list[str]:
        """The texts highlighted as open identifier hints in the shown text."""
        return [s.cursor.selectedText() for s in self.ui.textEdit.extraSelections()
                if s.format.fontUnderline()]

    def _text_changed(self) -> None:
        self.ui.saveEditButton.setEnabled(self.ui.textEdit.toPlainText() != self._shown_text)


    # -- the steps: each stored on the writer queue, one after the other, in the order asked for
    @property
    def saving(self) -> bool:
        """A step is being stored, or waits for the one before it."""
        return self._running is not None or bool(self._steps)

    def _queue(self, step: _Step) -> None:
        """Do ``step`` once the steps asked for before it are stored (at once when none is waiting)."""
        self._steps.append(step)
        self._next()

    def _next(self) -> None:
        while self._running is None and self._steps:
            planned = self._steps.popleft()()
            if planned is None:  # nothing left to do by the time its turn came
                continue
            action, work, done = planned
            self._running = action
            ops.write(work, parent=self, label=f"teaching review: {action.lower()}",
                      success=partial(self._stored, done), failure=partial(self._failed, action))
        self._show_saving()
        if not self.saving and self._close_when_stored:
            self._close_when_stored = False
            self.reject()

    def _show_saving(self) -> None:
        waiting = len(self._steps)
        if self._running is None:
            self.ui.progressLabel.setText(self._progress)
            return
        more = f" (and {waiting} more step(s))" if waiting else ""
        self.ui.progressLabel.setText(f"{self._progress} · Saving: {self._running.lower()}{more}…")

    def _stored(self, done: Callable[[Any], None], result: Any) -> None:
        self._running = None
        done(result)
        self._next()

    def _failed(self, action: str, error: MdtboardError) -> None:
        """A step was refused or could not be stored: nothing of it was changed, and the steps asked for
        after it are not done either (they were meant for the state it would have made)."""
        self._running = None
        left = len(self._steps)
        self._steps.clear()
        self._confirming.clear()
        self._replacing.clear()
        after = f"\n\nThe {left} step(s) asked for after it were not done either." if left else ""
        if isinstance(error, ConflictError):
            self._reload("The review was changed elsewhere meanwhile; it is shown as it is now." + after)
        else:
            self._show_saving()
            show_error(self, f"{action}: not done", str(error) + after)
            self._show_review()
        if not self.saving and self._close_when_stored:
            self._close_when_stored = False
            self.reject()

    def _apply(self, review: TeachingReview, select: str | None = None) -> None:
        """Show ``review`` as stored; text typed and not saved yet stays in the text box, unsaved."""
        typed_where, typed = self.current_where(), self.ui.textEdit.toPlainText()
        unsaved = typed != self._shown_text
        self.review = review
        self._show_review(select=select)
        if unsaved and not review.final and self.current_where() == typed_where and typed != self._shown_text:
            self.ui.textEdit.setPlainText(typed)  # Save edit stays enabled: it is not stored yet

    def _reload(self, message: str) -> None:
        training, review_id = self._services.training, self.review.id
        self._running = "Reading the review again"
        self._show_saving()

        def read(review: TeachingReview) -> None:
            self._running = None
            self._apply(review)
            self.status_message.emit(message)
            self._next()

        def not_read(error: MdtboardError) -> None:
            self._running = None
            self.status_message.emit(str(error).splitlines()[0])
            self._next()

        ops.read(lambda: training.teaching_review(review_id), parent=self, label="reading a teaching review",
                 success=read, failure=not_read)

    def reject(self) -> None:
        """Closing waits until the steps asked for are stored (it says so meanwhile); asked a second
        time, it closes at once (what is being stored still is, what waits is not)."""
        if self.saving and not self._close_when_stored:
            self._close_when_stored = True
            self.status_message.emit("The teaching case review closes once what was asked for is stored")
            return
        super().reject()

    # -- actions
    def save_edit(self) -> None:
        """Store the text as edited (after the steps asked for before)."""
        where = self.current_where()
        text = self.ui.textEdit.toPlainText()
        if where is None or text == self._shown_text or self.review.final:
            return
        training = self._services.training

        def step() -> _Planned | None:
            if self.review.final:
                return None
            rid, version = self.review.id, self.review.version
            return ("Save edit", lambda: training.revise_field(rid, where, text, seen_version=version),
                    self._edit_saved)

        self._queue(step)

    def _edit_saved(self, review: TeachingReview) -> None:
        self._apply(review)
        self.status_message.emit("Edit saved; the field must be confirmed again")

    def replace_current(self) -> None:
        """Replace the selected hint everywhere in the case with what "Replace with" says."""
        text, row = self.current_hint(), self.ui.hintList.currentItem()
        if text is None or row is None or self.review.final or text.casefold() in self._replacing:
            return  # (Enter in the hint list also reaches the dialog's default button: once is enough)
        self.save_edit()
        typed = self.ui.replacementEdit.text()
        replacement = None if typed == row.data(PROPOSAL_ROLE) else typed
        training = self._services.training

        def step() -> _Planned | None:
            if self.review.final or not self._is_hint(text):
                self._replacing.discard(text.casefold())
                return None  # replaced or kept by a step before
            rid, version = self.review.id, self.review.version
            return ("Replace", lambda: training.replace_hint(rid, text, replacement, seen_version=version),
                    lambda review: self._replaced(review, text))

        self._replacing.add(text.casefold())
        self._queue(step)

    def _is_hint(self, text: str) -> bool:
        return any(h.text.casefold() == text.casefold() for h in self.review.checklist.open_hints)

    def _replaced(self, review: TeachingReview, text: str) -> None:
        self._replacing.discard(text.casefold())
        self._apply(review)
        self.status_message.emit("Replaced everywhere in the case; read the fields it was in again")
        self.ui.hintList.setFocus()

    def ask_keep(self) -> None:
        """Ask why the selected hint may stay (non-blocking), then keep it."""
        text = self.current_hint()
        if text is None or self.review.final:
            return
        prompt = QInputDialog(self)
        prompt.setWindowTitle("Keep as written")
        prompt.setLabelText(f"Why may “{text}” stay in the teaching case? (for example: not an identifier, "
                            "a country, a drug name)")
        prompt.setTextEchoMode(QLineEdit.EchoMode.Normal)
        prompt.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        prompt.textValueSelected.connect(lambda reason: self.keep_current(reason, text))
        self.keep_prompt = prompt
        prompt.open()

    def keep_current(self, reason: str, text: str | None = None) -> bool:
        """Keep the hint reading ``text`` (by default the selected one) for ``reason`` (stored after the
        steps asked for before; a missing reason is refused then, in the dialog). False when there is no
        such hint to keep."""
        text = text if text is not None else self.current_hint()
        if text is None or self.review.final:
            return False
        training = self._services.training

        def step() -> _Planned | None:
            if self.review.final:
                return None
            rid, version = self.review.id, self.review.version
            return ("Keep", lambda: training.keep_hint(rid, text, reason, seen_version=version),
                    lambda review: self._kept(review, text, reason))

        self._queue(step)
        return True

    def _kept(self, review: TeachingReview, text: str, reason: str) -> None:
        self._apply(review)
        self.status_message.emit(f"“{text}” kept: {' '.join(reason.split())}")
        self.ui.hintList.setFocus()

    def confirm_current(self) -> None:
        field = self.current_field()
        if field is not None and not self.saving and self.review.checklist.item(field).open_hints:
            self._not_confirmed(field)
            return
        self._confirm(True)

    def _not_confirmed(self, field: str) -> None:
        count = len(self.review.checklist.item(field).open_hints)
        self.status_message.emit(
            f"Not confirmed: {count} open hint(s) in this field; replace each (Enter) or keep it "
            "with a reason (Ctrl+K)"
        )
        if self.current_field() != field:
            self.select_field(field)
        self.ui.hintList.setFocus()

    def _confirm(self, confirmed: bool) -> None:
        """Confirm (or not) the field shown; confirming moves on to the next field not confirmed at once,
        while it is stored."""
        field = self.current_field()
        if field is None or self.review.final:
            return
        self.save_edit()
        training, reviewer = self._services.training, self._reviewer

        def step() -> _Planned | None:
            self._confirming.discard(field)
            if self.review.final:
                return None
            if confirmed and self.review.checklist.item(field).open_hints:
                self._not_confirmed(field)  # a hint the steps before did not settle
                return None
            rid, version = self.review.id, self.review.version
            return ("Confirm field" if confirmed else "Not confirmed",
                    lambda: training.confirm_field(rid, field, confirmed=confirmed, reviewer=reviewer,
                                                   seen_version=version),
                    self._apply)

        if confirmed:
            self._confirming.add(field)
        self._queue(step)
        if confirmed and self.current_field() == field:
            self._move_on(field)

    def _move_on(self, field: str) -> None:
        """Show the next field that is neither confirmed nor being confirmed (after ``field``, else the
        first one)."""
        fields = list(self.review.checklist.fields)
        following = [f for f in self.review.checklist.unconfirmed if f != field and f not in self._confirming]
        later = [f for f in following if fields.index(f) > fields.index(field)]
        if later or following:
            self.select_field((later or following)[0])

    def finalise(self) -> None:
        if not self.review.ready:
            return
        training, reviewer = self._services.training, self._reviewer

        def step() -> _Planned | None:
            if not self.review.ready:  # a step before opened a field again
                self.status_message.emit("Not finalised: every field must be confirmed first")
                return None
            rid, version = self.review.id, self.review.version
            return ("Finalise",
                    lambda: training.finalise_teaching_case(rid, reviewer=reviewer, seen_version=version),
                    self._finalised)

        self._queue(step)

    def _finalised(self, case: Case) -> None:
        self._steps.clear()
        kept = "; ".join(f"“{text}” ({reason})" for text, reason in sorted(self.review.draft.kept.items()))
        self.status_message.emit(
            f"Teaching case {case.ref} is finished and marked fictional"
            + (f"; kept as written: {kept}" if kept else "; nothing was kept as written")
        )
        self.finalised.emit(case.id)
        self.accept()

    def ask_discard(self) -> None:
        ask(
            self,
            "Discard this draft?",
            "Delete this draft teaching case? The real case it came from is not changed.",
            lambda yes: self.discard() if yes else None,
        )

    def discard(self) -> None:
        training = self._services.training

        def step() -> _Planned | None:
            if self.review.final:
                return None
            rid, version = self.review.id, self.review.version

            def discard() -> bool:
                training.discard_teaching_case(rid, seen_version=version)
                return True

            return ("Discard", discard, self._discarded)

        self._queue(step)

    def _discarded(self, _done: bool) -> None:
        self._steps.clear()
        self.status_message.emit("Draft teaching case discarded")
        self.discarded.emit()
        self.reject()
