"""File > New case… (Ctrl+N) and Duplicate case…: the reference and whether the case is about a real
patient, chosen on purpose.

The dialog suggests a reference (``MDT-2026-004`` for a real patient, ``TEACH-2026-004`` for a fictional
one) that the person may change. A real patient is never the silent default in a training conference:
there the fictional choice is made and the hint says why. A copy is of the kind of the case copied
(fictional in a training conference); a copy of a real patient's case marked fictional is warned about,
since marking it so does not take the patient's details out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from mdtboard.domain.case import CaseSummary
from mdtboard.domain.errors import MdtboardError
from mdtboard.domain.validation import REF_PATTERN
from mdtboard.services.cases import CaseService
from mdtboard.ui import ops, palette
from mdtboard.ui.forms.ui_case_new import Ui_NewCaseDialog

TRAINING_HINT = (
    "A training conference is open, so the case is marked fictional. Choose “a real patient” only for a "
    "real patient's case."
)
CLINICAL_HINT = "A fictional case says FICTIONAL wherever it is shown and printed."
REAL_COPY_HINT = (
    "\u26a0 The copy keeps this real patient's name and every detail: marking it fictional does not "
    "de-identify it. To teach with a real patient's case, use Training > Make a teaching case from the open "
    "case."
)


def copy_intro(source: CaseSummary) -> str:
    return (
        f"A copy of case {source.ref} ({source.display_name}) as a new case, to start from an earlier "
        "presentation or a teaching template. Everything is copied but the disciplines' inputs; the title "
        "says it is a copy. It opens in the case editor."
    )


class NewCaseDialog(QDialog):
    """Asks for the kind and the reference of a new case.

    Signals:
        case_chosen(str, bool): the reference and whether the case is fictional (the dialog was accepted).
    """

    case_chosen = Signal(str, bool)

    def __init__(
        self,
        cases: CaseService,
        *,
        training: bool,
        source: CaseSummary | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_NewCaseDialog()
        self.ui.setupUi(self)
        self.source = source
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ui.errorLabel.setStyleSheet(palette.ERROR_LABEL_STYLE)
        self.ui.errorLabel.setVisible(False)
        self._cases = cases
        self._suggested: dict[bool, str] = {}
        self._ref_typed = False
        self._checking = False
        self._suggesting = False
        self._accept_when_suggested = False
        self._hint = TRAINING_HINT if training else CLINICAL_HINT
        fictional = training or (source is not None and source.fictional)
        if source is not None:
            self.setWindowTitle(f"Duplicate case {source.ref}")
            self.setAccessibleName("Duplicate case")
            self.ui.introLabel.setText(copy_intro(source))
            self.ui.kindGroup.setTitle("The copy is about")
            ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
            if ok is not None:
                ok.setText("Create the copy")
        chosen = self.ui.fictionalRadio if fictional else self.ui.realRadio
        chosen.setChecked(True)
        self._suggest()
        self._show_hint()
        self._connect_signals()
        chosen.setFocus(Qt.FocusReason.OtherFocusReason)

    def _connect_signals(self) -> None:
        self.ui.fictionalRadio.toggled.connect(lambda _on: self._suggest())
        self.ui.fictionalRadio.toggled.connect(lambda _on: self._show_hint())
        self.ui.refEdit.textEdited.connect(self._ref_edited)
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)

    @property
    def fictional(self) -> bool:
        return self.ui.fictionalRadio.isChecked()

    def _show_hint(self) -> None:
        real_copy = self.source is not None and not self.source.fictional and self.fictional
        self.ui.kindHint.setText(REAL_COPY_HINT if real_copy else self._hint)

    def _ref_edited(self, text: str) -> None:
        self._ref_typed = bool(text.strip())
        self.ui.errorLabel.setVisible(False)

    def _suggest(self) -> None:
        """Put the suggested reference for the chosen kind in the field, unless the person typed one. The
        suggestion is looked up on the operations' reader thread; the field fills in when it comes back."""
        if self._ref_typed:
            return
        fictional = self.fictional
        if fictional in self._suggested:
            self.ui.refEdit.setText(self._suggested[fictional])
            return
        cases = self._cases

        def suggested(ref: str) -> None:
            self._suggesting = False
            self._suggested[fictional] = ref
            if not self._ref_typed and self.fictional == fictional:
                self.ui.refEdit.setText(ref)
                if self._accept_when_suggested:  # Enter was pressed before the suggestion came
                    self._accept_when_suggested = False
                    self.accept()

        self.ui.refEdit.clear()
        self._suggesting = True
        ops.read(
            lambda: cases.suggest_reference(fictional=fictional),
            parent=self,
            success=suggested,
            failure=lambda _exc: suggested(""),
            label="suggest case reference",
        )

    @staticmethod
    def _form_problem(ref: str) -> str | None:
        if not ref:
            return "Type a reference for the case."
        if not REF_PATTERN.match(ref):
            return (
                f"{ref!r} is not a valid reference: use letters, digits, '.', '_' or '-', starting with a "
                "letter or digit, at most 64 characters."
            )
        return None

    def _show_problem(self, problem: str) -> None:
        self.ui.errorLabel.setText(f"\u26a0 {problem}")
        self.ui.errorLabel.setVisible(True)
        self.ui.refEdit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ui.refEdit.selectAll()

    def _set_checking(self, checking: bool) -> None:
        self._checking = checking
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(not checking)
        if checking:
            self.ui.errorLabel.setText("Checking that the reference is free…")
            self.ui.errorLabel.setVisible(True)

    def accept(self) -> None:
        """Check the reference (its form here, whether it is free on the reader thread), then hand it on."""
        if self._checking:
            return
        ref = self.ui.refEdit.text().strip()
        if not ref and self._suggesting and not self._ref_typed:
            self._accept_when_suggested = True
            return
        problem = self._form_problem(ref)
        if problem is not None:
            self._show_problem(problem)
            return
        cases = self._cases
        fictional = self.fictional

        def checked(taken: bool) -> None:
            self._set_checking(False)
            if taken:
                self._show_problem(f"A case with reference {ref} already exists: choose another.")
                return
            self.ui.errorLabel.setVisible(False)
            self.case_chosen.emit(ref, fictional)
            super(NewCaseDialog, self).accept()

        def failed(exc: MdtboardError) -> None:
            self._set_checking(False)
            self._show_problem(f"The reference could not be checked: {exc}")

        self._set_checking(True)
        ops.read(
            lambda: cases.reference_taken(ref),
            parent=self,
            success=checked,
            failure=failed,
            label="check case reference",
        )
