"""What the case editor shows beside its fields: the header, the sharing and safety banners, the scores,
the morphine equivalents, and the restricted passages marked in their fields; each brought up to date
after an edit of a field it shows something of.

:class:`CaseBeside` is a part of :class:`~mdtboard.ui.cases.editor.CaseEditor` (a mixin); what it takes
from the editor is declared below, under ``TYPE_CHECKING``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QPlainTextEdit,
)

from mdtboard.domain.case import Case, RestrictedPassage, Scores
from mdtboard.domain.introduction import SEPARATOR, introduce_patient
from mdtboard.domain.isbar import check_isbar
from mdtboard.domain.mme import mme_report
from mdtboard.domain.privacy import passage_notice
from mdtboard.domain.scoring import score_summary
from mdtboard.ui.cases import display as show
from mdtboard.ui.cases.form import (
    GAD7_FIELDS,
    MED_AMOUNT_COLUMN,
    MED_MME_COLUMN,
    PEG_FIELDS,
    PHQ9_FIELDS,
    CaseForm,
    Reading,
)
from mdtboard.ui.cases.medication_entry import (
    show_amount_warning,
)
from mdtboard.ui.cases.restricted import (
    TEXT_POINTERS,
    highlight,
    passages_in,
)
from mdtboard.ui.editing.part import EditorPart
from mdtboard.ui.forms.ui_case_editor import Ui_CaseEditor

#: The fields each panel beside the form shows something of. After an edit of one field, a panel that does
#: not show it is left as it is; the field marks and the readiness check follow every edit.
_HEADER_KEYS = frozenset({
    "refEdit", "nameEdit", "titleEdit", "fictionalCheck", "ageEdit", "sexEdit", "genderEdit", "pronounsEdit",
})
_SCORE_KEYS = frozenset({
    "nrsEdit", *PEG_FIELDS, *PHQ9_FIELDS, "phq9TotalEdit", *GAD7_FIELDS, "gad7TotalEdit",
})
_BANNER_KEYS = frozenset({"sharingEdit", *PHQ9_FIELDS, "phq9TotalEdit"})  # sharing; PHQ-9 item 9


class CaseBeside(EditorPart):
    """The panels beside the case editor's form."""

    if TYPE_CHECKING:  # provided by the editor
        ui: Ui_CaseEditor
        form: CaseForm
        _saved: Case | None
        _loading: bool
        _passages: list[RestrictedPassage] | None
        _changed_passages: list[RestrictedPassage]
        _edit_count: int

        def _read(self) -> Reading: ...

    # -- what is shown beside the fields
    def _refresh(self, key: str | None = None) -> None:
        """Redraw the marks and the panels beside the fields; after an edit of the field ``key`` only the
        panels that show it (typing in a long text then costs a fraction of a millisecond a key)."""
        if self._saved is None:
            return
        reading = self._read()
        self.form.show_problems(reading.problems)
        case = reading.case
        if key is None or key in _HEADER_KEYS:
            self._show_header(case)
        if key is None or key in TEXT_POINTERS:
            self._show_passages()
        if key is None or key in _BANNER_KEYS or key in TEXT_POINTERS:
            self._show_banners(case)
        if key is None or key in _SCORE_KEYS:
            self._show_scores(case.scores, reading.invalid_units)
        if key is None or key.startswith("medicationsTable/"):
            self._show_mme(case, valid="medicationsTable" not in reading.invalid_units)
        self._show_readiness(case)

    def _refresh_steps(self) -> list[Callable[[], None]]:
        """:meth:`_refresh` in three steps, for three turns of the event loop (a case being opened): the
        marks, header, passages and banners; the scores and MME; the readiness check. The form is read
        once, and again only when it was edited in between."""
        seen: dict[str, tuple[int, Reading]] = {}

        def reading() -> Reading:
            if "last" not in seen or seen["last"][0] != self._edit_count:
                seen["last"] = (self._edit_count, self._read())
            return seen["last"][1]

        def marks() -> None:
            if self._saved is not None:
                got = reading()
                self.form.show_problems(got.problems)
                self._show_header(got.case)
                self._show_passages()
                self._show_banners(got.case)

        def scores() -> None:
            if self._saved is not None:
                got = reading()
                self._show_scores(got.case.scores, got.invalid_units)
                self._show_mme(got.case, valid="medicationsTable" not in got.invalid_units)

        def readiness() -> None:
            if self._saved is not None:
                self._show_readiness(reading().case)

        return [marks, scores, readiness]

    def _show_readiness(self, case: Case) -> None:
        check = check_isbar(case)
        self.ui.readinessSummary.setText(show.readiness_summary(check))
        self.ui.readinessDetails.setText(show.readiness_html(check))

    def _show_header(self, case: Case) -> None:
        title = f" — {case.title}" if case.title else ""
        intro = introduce_patient(case.patient, language=False)
        name = intro.line() if intro.name else SEPARATOR.join(("New case", *intro.facts))
        archived = " (archived)" if self._saved is not None and self._saved.archived_at is not None else ""
        self.ui.headerLabel.setText(f"{case.ref}{archived} · {name}{title}")
        badge = self.ui.kindBadge
        if badge.property("fictional") != case.fictional:
            badge.setProperty("fictional", case.fictional)
            badge.style().unpolish(badge)
            badge.style().polish(badge)
            # room for the style sheet's padding and border, which a label's size leaves out
            margins = (9, 4, 9, 4) if case.fictional else (6, 2, 6, 2)
            badge.setContentsMargins(*margins)
        badge.setText("FICTIONAL CASE" if case.fictional else "Real patient")

    def _show_passages(self) -> None:
        self._changed_passages = []
        for key, pointer in TEXT_POINTERS.items():
            edit = self.form.widget(key)
            if isinstance(edit, QPlainTextEdit):
                here = passages_in(self._passages, pointer)
                self._changed_passages += highlight(edit, here)
                # a passage withheld from the person signed in (its notice in its place): the field is
                # theirs to read around, not to change (the services refuse it too)
                withheld = [p for p in here if p.text == passage_notice(p)]
                edit.setReadOnly(bool(withheld))
                edit.setToolTip(f"Holds a passage restricted to {withheld[0].held_by}: only they read and "
                                "change this field" if withheld else "")

    def _show_banners(self, case: Case) -> None:
        sharing = show.sharing_banner(self.ui.sharingEdit.toPlainText())
        lines = [sharing] if sharing else []
        lines += show.passages_banner(self._passages, self._changed_passages)
        self.ui.sharingBanner.setText("\n".join(lines))
        self.ui.sharingBanner.setVisible(bool(lines))
        summary = score_summary(case.scores or Scores())
        prompt = summary.safety_prompt
        self.ui.safetyBanner.setText(f"{show.WARNING_SIGN} {prompt}" if prompt else "")
        self.ui.safetyBanner.setAccessibleDescription(prompt or "")
        self.ui.safetyBanner.setVisible(prompt is not None)

    def _show_scores(self, scores: Scores | None, invalid: set[str] | frozenset[str] = frozenset()) -> None:
        """The totals and bands; a score whose fields hold an invalid value says so instead of showing
        the band of the last valid value (which is what the case still holds)."""
        summary = score_summary(scores or Scores())
        results = (
            (self.ui.nrsResult, "nrsEdit", show.nrs_text(summary)),
            (self.ui.pegResult, "peg", show.peg_text(summary)),
            (self.ui.phq9Result, "phq9", show.phq9_text(summary)),
            (self.ui.gad7Result, "gad7", show.gad7_text(summary)),
        )
        for label, unit, text in results:
            label.setText(show.INVALID_SCORE if unit in invalid else text)

    def _show_mme(self, case: Case, *, valid: bool) -> None:
        report = mme_report(case.medications)
        rows = self.form.medication_rows()
        table = self.ui.medicationsTable
        cells = {}
        warnings: dict[int, str] = {}
        if valid:
            cells = {rows[row.index]: show.mme_cell(row) for row in report.rows if row.index < len(rows)}
            warnings = {rows[row.index]: row.warning for row in report.rows
                        if row.warning and row.index < len(rows)}
        self._loading = True
        try:
            for row in range(table.rowCount()):
                self.form.set_text(f"medicationsTable/{row}/{MED_MME_COLUMN}", cells.get(row, ""))
                show_amount_warning(table.item(row, MED_AMOUNT_COLUMN), warnings.get(row))
        finally:
            self._loading = False
        note = "" if valid else (
            f"{show.WARNING_SIGN} Correct the marked cells; until then this is the last saved list's MME.<br>"
        )
        self.ui.mmeSummary.setText(note + show.mme_html(report))
