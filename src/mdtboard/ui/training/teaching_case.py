"""Make a teaching case from a real one: settle each hint, read and confirm each field, then finalise.

The draft was stored as a new case with every identifier mdtboard was sure of replaced (the real case is
never changed); what was replaced is listed under each field. What it was not sure of is a *hint*,
highlighted in the text and listed under it: Enter (or "Replace everywhere") replaces it everywhere in the
case with what "Replace with" says (a pseudonym, the year, "[town]"... or the reviewer's own words); Ctrl+K
(or "Keep…") keeps it as written, for a typed reason. The reviewer may also edit the text. A field is
confirmed with "Confirm field" (Ctrl+Enter, which then moves on to the next open field) only when none of
its hints is open. "Finalise teaching case" is enabled only when every field is confirmed and no hint is
open; only then does the case become fictional, and the status bar lists what was kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QListWidgetItem, QTextEdit, QWidget

from mdtboard.domain.deidentify import IdentifierHint, proposal
from mdtboard.domain.errors import ConflictError, InvalidInputError, MdtboardError
from mdtboard.services.context import Services
from mdtboard.services.training import TeachingReview
from mdtboard.ui.dialogs import ask, show_error
from mdtboard.ui.forms.ui_training_teaching_case import Ui_TeachingCaseDialog
from mdtboard.ui.training.style import HINT_BACKGROUND, KEPT_BACKGROUND, STYLE

FIELD_ROLE = Qt.ItemDataRole.UserRole + 1
HINT_ROLE = Qt.ItemDataRole.UserRole + 2
PROPOSAL_ROLE = Qt.ItemDataRole.UserRole + 3
T = TypeVar("T")
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
        self.ui.progressLabel.setText(
            f"{done} of {len(checklist.fields)} fields confirmed · {open_hints} open hint(s) · "
            f"{len(review.draft.replacements)} replacement(s)"
        )
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
        for hint in sorted(item.hints, key=lambda h: (not h.open, h.where, h.start)):
            if hint.text.casefold() in seen:
                continue
            seen.add(hint.text.casefold())
            suggested = proposal(self.review.draft, hint, texts.get(hint.where))
            words = (f"{hint.kind.value} “{hint.text}” → {suggested}" if hint.open
                     else f"kept: {hint.kind.value} “{hint.text}” ({hint.reason})")
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

    # -- actions
    def _run(self, action: str, call: Callable[[], T]) -> T | None:
        try:
            result = call()
        except ConflictError:
            self._reload("The review was changed elsewhere meanwhile; it is shown as it is now.")
            return None
        except InvalidInputError as exc:
            show_error(self, f"{action}: not done", str(exc))
            return None
        except MdtboardError as exc:
            show_error(self, f"{action}: not done", str(exc))
            return None
        return result

    def _reload(self, message: str) -> None:
        try:
            self.review = self._services.training.teaching_review(self.review.id)
        except MdtboardError as exc:
            message = str(exc)
        self.status_message.emit(message)
        self._show_review()

    def save_edit(self) -> bool:
        where = self.current_where()
        text = self.ui.textEdit.toPlainText()
        if where is None or text == self._shown_text:
            return True
        training = self._services.training
        review = self._run(
            "Save edit",
            lambda: training.revise_field(self.review.id, where, text, seen_version=self.review.version),
        )
        if review is None:
            return False
        self.review = review
        self.status_message.emit("Edit saved; the field must be confirmed again")
        self._show_review()
        return True

    def replace_current(self) -> None:
        """Replace the selected hint everywhere in the case with what "Replace with" says."""
        text, row = self.current_hint(), self.ui.hintList.currentItem()
        if text is None or row is None or self.review.final or not self.save_edit():
            return
        typed = self.ui.replacementEdit.text()
        replacement = None if typed == row.data(PROPOSAL_ROLE) else typed
        training = self._services.training
        review = self._run(
            "Replace",
            lambda: training.replace_hint(
                self.review.id, text, replacement, seen_version=self.review.version
            ),
        )
        if review is None:
            return
        self.review = review
        self.status_message.emit("Replaced everywhere in the case; read the fields it was in again")
        self._show_review()
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
        """Keep the hint reading ``text`` (by default the selected one) for ``reason``."""
        text = text if text is not None else self.current_hint()
        if text is None or self.review.final:
            return False
        training = self._services.training
        review = self._run(
            "Keep",
            lambda: training.keep_hint(self.review.id, text, reason, seen_version=self.review.version),
        )
        if review is None:
            return False
        self.review = review
        self.status_message.emit(f"“{text}” kept: {' '.join(reason.split())}")
        self._show_review()
        self.ui.hintList.setFocus()
        return True

    def confirm_current(self) -> None:
        field = self.current_field()
        if field is not None and self.review.checklist.item(field).open_hints:
            count = len(self.review.checklist.item(field).open_hints)
            self.status_message.emit(
                f"Not confirmed: {count} open hint(s) in this field; replace each (Enter) or keep it "
                "with a reason (Ctrl+K)"
            )
            self.ui.hintList.setFocus()
            return
        self._confirm(True)

    def _confirm(self, confirmed: bool) -> None:
        field = self.current_field()
        if field is None or self.review.final or not self.save_edit():
            return
        training = self._services.training
        review = self._run(
            "Confirm field",
            lambda: training.confirm_field(
                self.review.id,
                field,
                confirmed=confirmed,
                reviewer=self._reviewer,
                seen_version=self.review.version,
            ),
        )
        if review is None:
            return
        self.review = review
        following = [f for f in review.checklist.unconfirmed if f != field]
        fields = list(review.checklist.fields)
        later = [f for f in following if fields.index(f) > fields.index(field)]
        nxt = (later or following or [field])[0] if confirmed else field
        self._show_review(select=nxt)

    def finalise(self) -> None:
        if not self.review.ready:
            return
        training = self._services.training
        case = self._run(
            "Finalise",
            lambda: training.finalise_teaching_case(
                self.review.id, reviewer=self._reviewer, seen_version=self.review.version
            ),
        )
        if case is None:
            return
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

        def discard() -> bool:
            training.discard_teaching_case(self.review.id, seen_version=self.review.version)
            return True

        if self._run("Discard", discard) is None:
            return
        self.status_message.emit("Draft teaching case discarded")
        self.discarded.emit()
        self.reject()
