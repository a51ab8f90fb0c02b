"""The care plan's single fields (formulation, review date, responsible clinician, patient agreement, the
team's acknowledgement of the case's sharing restrictions) on the editor's form: filling them from a plan,
their texts for undo, and reading them back.

A field whose text is still the text it was filled with gives back the value it was filled from, so that
opening and saving a plan never changes what nobody edited (a text edit may normalise line ends).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QRadioButton, QWidget

from mdtboard.domain.careplan import AgreementStatus, CarePlan, Formulation, PatientAgreement
from mdtboard.ui.careplan.values import format_date, parse_date
from mdtboard.ui.forms.ui_careplan_editor import Ui_CarePlanEditor

BIOLOGICAL = "formulation.biological"
PSYCHOLOGICAL = "formulation.psychological"
SOCIAL = "formulation.social"
REVIEW_DATE = "review_date"
CLINICIAN = "responsible_clinician"
AGREEMENT = "agreement.status"
AGREEMENT_NOTES = "agreement.notes"
ACKNOWLEDGED = "restriction_acknowledged"
#: The text of the acknowledgement check box for undo: ticked or not.
TICKED = "yes"

LABELS: dict[str, str] = {
    BIOLOGICAL: "biological formulation",
    PSYCHOLOGICAL: "psychological formulation",
    SOCIAL: "social formulation",
    REVIEW_DATE: "review date",
    CLINICIAN: "responsible clinician",
    AGREEMENT: "patient agreement",
    AGREEMENT_NOTES: "agreement notes",
    ACKNOWLEDGED: "acknowledgement of the sharing restrictions",
}


@dataclass(frozen=True)
class FieldValues:
    """What the single fields hold, read back; ``review_date_problem`` says why the typed review date
    could not be read (the last saved date is kept then)."""

    formulation: Formulation
    review_date: date | None
    responsible_clinician: str | None
    agreement: PatientAgreement
    review_date_problem: str | None
    restriction_acknowledged: bool = False


def _optional(text: str) -> str | None:
    return text if text.strip() else None


class PlanFields:
    """The single fields of a plan on the form ``ui``."""

    def __init__(self, ui: Ui_CarePlanEditor) -> None:
        self.ui = ui
        self.texts: dict[str, QPlainTextEdit | QLineEdit] = {
            BIOLOGICAL: ui.biologicalEdit,
            PSYCHOLOGICAL: ui.psychologicalEdit,
            SOCIAL: ui.socialEdit,
            REVIEW_DATE: ui.reviewDateEdit,
            CLINICIAN: ui.clinicianEdit,
            AGREEMENT_NOTES: ui.agreementNotesEdit,
        }
        self.radios: dict[AgreementStatus, QRadioButton] = {
            AgreementStatus.AGREED: ui.agreedRadio,
            AgreementStatus.NOT_AGREED: ui.notAgreedRadio,
            AgreementStatus.NOT_YET_ASKED: ui.notAskedRadio,
        }
        self.acknowledged: QCheckBox = ui.acknowledgedCheck
        self._filled: dict[str, tuple[str, object]] = {}

    def keys(self) -> list[str]:
        return [*self.texts, AGREEMENT, ACKNOWLEDGED]

    def widget(self, key: str) -> QWidget:
        if key == AGREEMENT:
            return self.ui.agreedRadio
        if key == ACKNOWLEDGED:
            return self.acknowledged
        return self.texts[key]

    def text(self, key: str) -> str:
        if key == AGREEMENT:
            return next((str(s) for s, radio in self.radios.items() if radio.isChecked()), "")
        if key == ACKNOWLEDGED:
            return TICKED if self.acknowledged.isChecked() else ""
        widget = self.texts[key]
        return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()

    def set_text(self, key: str, text: str) -> None:
        if key == AGREEMENT:
            status = AgreementStatus(text) if text else AgreementStatus.NOT_YET_ASKED
            self.radios[status].setChecked(True)
            return
        if key == ACKNOWLEDGED:
            self.acknowledged.setChecked(text == TICKED)
            return
        widget = self.texts[key]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(text)
        else:
            widget.setText(text)

    def fill(self, plan: CarePlan) -> dict[str, str]:
        """Show ``plan``'s fields; returns the text of each field as shown."""
        values: dict[str, tuple[str, object]] = {
            BIOLOGICAL: (plan.formulation.biological or "", plan.formulation.biological),
            PSYCHOLOGICAL: (plan.formulation.psychological or "", plan.formulation.psychological),
            SOCIAL: (plan.formulation.social or "", plan.formulation.social),
            REVIEW_DATE: (format_date(plan.review_date), plan.review_date),
            CLINICIAN: (plan.responsible_clinician or "", plan.responsible_clinician),
            AGREEMENT_NOTES: (plan.agreement.notes or "", plan.agreement.notes),
            AGREEMENT: (str(plan.agreement.status), plan.agreement.status),
            ACKNOWLEDGED: (TICKED if plan.restriction_acknowledged else "", plan.restriction_acknowledged),
        }
        for key, (text, _value) in values.items():
            self.set_text(key, text)
        self._filled = {key: (self.text(key), value) for key, (_text, value) in values.items()}
        return {key: shown for key, (shown, _value) in self._filled.items()}

    def _value(self, key: str) -> tuple[bool, object]:
        """(True, the value filled in) when the field still shows what it was filled with."""
        filled = self._filled.get(key)
        if filled is not None and filled[0] == self.text(key):
            return True, filled[1]
        return False, None

    def _optional_text(self, key: str) -> str | None:
        same, value = self._value(key)
        if same:
            return value if isinstance(value, str) else None
        return _optional(self.text(key))

    def read(self, saved: CarePlan) -> FieldValues:
        same, review = self._value(REVIEW_DATE)
        problem = None
        if not same:
            try:
                review = parse_date(self.text(REVIEW_DATE))
            except ValueError as exc:
                review, problem = saved.review_date, str(exc)
        status_text = self.text(AGREEMENT)
        return FieldValues(
            formulation=Formulation(
                self._optional_text(BIOLOGICAL),
                self._optional_text(PSYCHOLOGICAL),
                self._optional_text(SOCIAL),
            ),
            review_date=review if isinstance(review, date) else None,
            responsible_clinician=self._optional_text(CLINICIAN),
            agreement=PatientAgreement(
                AgreementStatus(status_text) if status_text else AgreementStatus.NOT_YET_ASKED,
                self._optional_text(AGREEMENT_NOTES),
            ),
            review_date_problem=problem,
            restriction_acknowledged=self.text(ACKNOWLEDGED) == TICKED,
        )

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.texts.values():
            widget.setReadOnly(read_only)
        for radio in self.radios.values():
            radio.setEnabled(not read_only)
        self.acknowledged.setEnabled(not read_only)

    def clear(self) -> None:
        for key in self.texts:
            self.set_text(key, "")
        self.set_text(ACKNOWLEDGED, "")
        self._filled = {}
