"""Print, Save PDF and Export FHIR for the care plan shown, the paper they give (the team's care plan, the
patient's plan or the letter to the GP; the team's with or without the case summary appendix) and the
paper size (A4 or US Letter, remembered in QSettings).

Print and Save PDF give the plan on screen: the latest draft while it is being edited (marked DRAFT), a
signed version, or an earlier version being looked at; a case with no plan yet prints a draft built from
the discipline inputs, as ``mdtboard care-plan`` does. The FHIR export is the case's agreed plan (else its
latest draft), as ``mdtboard fhir`` writes it. Files are written atomically: a failure leaves any earlier
file untouched, and says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QSignalBlocker, Signal
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog

from mdtboard.domain.careplan import CarePlan
from mdtboard.domain.errors import MdtboardError
from mdtboard.services.context import Services
from mdtboard.services.files import write_atomic
from mdtboard.ui import settings as options
from mdtboard.ui.careplan.output import PAGE_SIZES, page_size_setting, print_preview, set_page_size_setting
from mdtboard.ui.dialogs import show_error

if TYPE_CHECKING:
    from mdtboard.reports.papers import Audience
    from mdtboard.ui.careplan.editor import CarePlanEditor



class PlanActions(QObject):
    """The output actions of one care-plan editor.

    Signals:
        message(str): something for the status bar ("Saved the PDF to …").
    """

    message = Signal(str)

    def __init__(self, editor: CarePlanEditor, services: Services, settings: QSettings) -> None:
        super().__init__(editor)
        self._editor = editor
        self._services = services
        self._settings = settings
        self.preview: QPrintPreviewDialog | None = None
        combo = editor.ui.pageSizeCombo
        with QSignalBlocker(combo):
            combo.setCurrentIndex(next(
                (i for i, (_shown, name) in enumerate(PAGE_SIZES) if name == self.page_size), 0
            ))

    # -- the paper size
    @property
    def page_size(self) -> str:
        """"A4" or "Letter"."""
        return page_size_setting(self._settings)

    def set_page_size(self, name: str) -> None:
        set_page_size_setting(self._settings, name)
        combo = self._editor.ui.pageSizeCombo
        index = next((i for i, (_shown, known) in enumerate(PAGE_SIZES) if known == name), 0)
        if combo.currentIndex() != index:
            with QSignalBlocker(combo):
                combo.setCurrentIndex(index)

    def page_size_chosen(self, index: int) -> None:
        if 0 <= index < len(PAGE_SIZES):
            set_page_size_setting(self._settings, PAGE_SIZES[index][1])
            self.message.emit(f"Care plans print on {PAGE_SIZES[index][0]} paper")

    @property
    def audience(self) -> Audience:
        """Which paper is printed and saved, as chosen beside the buttons."""
        from mdtboard.reports.papers import Audience

        return list(Audience)[max(self._editor.ui.audienceCombo.currentIndex(), 0)]

    def audience_chosen(self, index: int) -> None:
        from mdtboard.reports.papers import Audience

        audience = list(Audience)[max(index, 0)]
        self._editor.ui.summaryCheck.setEnabled(audience is Audience.TEAM)
        self.message.emit(f"Print and Save PDF give the {audience.label.lower()}")

    # -- what is printed
    def _ready(self) -> tuple[str, CarePlan | None] | None:
        """The case reference and the plan to print, after saving what is pending."""
        case = self._editor.case
        if case is None:
            self.message.emit("Open a case first (Ctrl+Shift+P in the library, the case or a conference).")
            return None
        if not self._editor.flush():
            self.message.emit("The latest changes are not saved yet: this shows the plan as last saved.")
        return case.ref, self._editor.plan

    def pdf_bytes(self) -> bytes | None:
        ready = self._ready()
        if ready is None:
            return None
        ref, plan = ready
        try:
            from mdtboard.reports.papers import paper_bytes  # ReportLab: when printing

            return paper_bytes(self._services.printout(ref, plan), self.audience, page_size=self.page_size,
                               summary=self._editor.ui.summaryCheck.isChecked())
        except MdtboardError as exc:
            self._editor.last_dialog = show_error(self._editor, "Care plan not printed", str(exc))
            return None

    def _title(self) -> str:
        case, plan = self._editor.case, self._editor.plan
        ref = case.ref if case is not None else ""
        return f"{self.audience.label} {ref}" + (
            f" version {plan.plan_version}" if plan is not None else " (draft)"
        )

    def print_preview(self) -> QPrintPreviewDialog | None:
        """The print preview of the care plan; its Print button opens the system's print dialog."""
        data = self.pdf_bytes()
        if data is None:
            return None
        self.preview = print_preview(data, self.page_size, self._title(), self._editor)
        return self.preview

    def _default_path(self, suffix: str) -> str:
        folder = Path(options.CAREPLAN_FOLDER.read(self._settings) or Path.home())
        case, plan = self._editor.case, self._editor.plan
        ref = case.ref if case is not None else "case"
        version = f"-v{plan.plan_version}" if plan is not None else "-draft"
        kind = {"team": "care-plan", "patient": "patient-plan", "gp": "gp-letter"}
        paper = kind[str(self.audience)] if suffix == ".pdf" else "care-plan"
        return str(folder / f"{paper}-{ref}{version}{suffix}")

    def choose_and_save_pdf(self) -> None:
        if self._editor.case is None:
            self.message.emit("Open a case first.")
            return
        name, _ = QFileDialog.getSaveFileName(
            self._editor, f"Save the {self.audience.label.lower()} as PDF", self._default_path(".pdf"),
            "PDF documents (*.pdf)",
        )
        if name:
            self.save_pdf_to(Path(name))

    def save_pdf_to(self, path: Path) -> bool:
        """Write the care plan's PDF to ``path`` atomically; a failure is shown and changes no file."""
        data = self.pdf_bytes()
        if data is None:
            return False
        try:
            written = write_atomic(path, data)
            case = self._editor.case
            if case is not None and case.id is not None:
                self._services.audit.exported(f"{self.audience.value} paper", case_ids=[case.id])
        except MdtboardError as exc:
            self._editor.last_dialog = show_error(self._editor, "Care plan PDF not saved", str(exc))
            self.message.emit("The PDF was not saved")
            return False
        options.CAREPLAN_FOLDER.write(self._settings, str(written.parent))
        self.message.emit(f"Saved the {self.audience.label.lower()} PDF to {written}")
        return True

    def choose_and_export_fhir(self) -> None:
        if self._editor.case is None:
            self.message.emit("Open a case first.")
            return
        name, _ = QFileDialog.getSaveFileName(
            self._editor, "Export the care plan as FHIR", self._default_path(".fhir.json"),
            "FHIR bundles (*.json)",
        )
        if name:
            self.export_fhir_to(Path(name))

    def export_fhir_to(self, path: Path) -> bool:
        """Write the FHIR R4 bundle of the case's agreed plan (else its latest draft) to ``path``."""
        case = self._editor.case
        if case is None:
            return False
        self._editor.flush()
        try:
            from mdtboard.interchange.fhir import write_fhir_bundle

            written = write_fhir_bundle(self._services.printout(case.ref), path)
            self._services.audit.exported("fhir", case_ids=[case.id or 0])
        except MdtboardError as exc:
            self._editor.last_dialog = show_error(self._editor, "FHIR bundle not exported", str(exc))
            self.message.emit("The FHIR bundle was not exported")
            return False
        options.CAREPLAN_FOLDER.write(self._settings, str(written.parent))
        agreed = self._services.careplans.agreed(case.id) if case.id is not None else None
        which = f"agreed plan (version {agreed.plan_version})" if agreed is not None else "latest draft"
        self.message.emit(f"Exported the FHIR bundle of the {which} of {case.ref} to {written}")
        return True
