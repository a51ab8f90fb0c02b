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

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QSignalBlocker, Signal
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog

from mdtboard.domain.careplan import CarePlan
from mdtboard.domain.errors import MdtboardError
from mdtboard.services.context import Services
from mdtboard.services.files import write_atomic
from mdtboard.ui import ops
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
        saved(str): a PDF or FHIR file was written (its path), or not ("").
    """

    message = Signal(str)
    saved = Signal(str)

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
    def make_paper(
        self, then: Callable[[bytes], object], what: str = "Care plan not printed",
        refused: Callable[[], object] | None = None,
    ) -> bool:
        """Make the paper of the plan shown in the background, once what was typed is saved (the save
        queued, not waited for; when it fails, nothing is made and the status bar says why): the printout
        read in one transaction and the PDF drawn (ReportLab) on the reader thread, Print, Save PDF and
        Export FHIR disabled meanwhile; ``then`` gets the PDF on the GUI thread. A failure is shown under
        the title ``what``; ``refused`` runs when the save failed. False when there is no case open."""
        case = self._editor.case
        if case is None:
            self.message.emit("Open a case first (Ctrl+Shift+P in the library, the case or a conference).")
            return False
        self._busy(True)
        self._editor.after_save(
            lambda: self._make_paper(case.id, then, what), what, "making a care-plan paper",
            refused=lambda: self._not_saved(refused),
        )
        return True

    def _not_saved(self, refused: Callable[[], object] | None) -> None:
        self._busy(False)
        if refused is not None:
            refused()

    def _make_paper(self, case_id: int | None, then: Callable[[bytes], object], what: str) -> None:
        case, plan = self._editor.case, self._editor.plan  # the plan as saved with what was typed
        if case is None or case.id != case_id:
            self._busy(False)
            self.message.emit(f"{what}: another case was opened meanwhile.")
            return
        ref, services, audience, page_size = case.ref, self._services, self.audience, self.page_size
        summary = self._editor.ui.summaryCheck.isChecked()

        def work() -> bytes:
            from mdtboard.reports.papers import paper_bytes  # ReportLab: when printing

            return paper_bytes(services.printout(ref, plan), audience, page_size=page_size, summary=summary)

        self.message.emit(f"Making the {audience.label.lower()}…")
        ops.read(
            work, parent=self._editor, label="making a care-plan paper",
            success=lambda data: self._made(data, then),
            failure=lambda exc: self._not_made(what, exc),
        )

    def _busy(self, busy: bool) -> None:
        for button in (self._editor.ui.printButton, self._editor.ui.pdfButton, self._editor.ui.fhirButton):
            button.setEnabled(not busy and self._editor.case is not None)

    def _made(self, data: bytes, then: Callable[[bytes], object]) -> None:
        self._busy(False)
        self.message.emit("")  # "Making the ..." is over (what is done with the paper may say more)
        then(data)

    def _not_made(self, title: str, error: MdtboardError) -> None:
        self._busy(False)
        self.message.emit("")
        self._editor.last_dialog = show_error(self._editor, title, str(error))

    def _title(self) -> str:
        case, plan = self._editor.case, self._editor.plan
        ref = case.ref if case is not None else ""
        return f"{self.audience.label} {ref}" + (
            f" version {plan.plan_version}" if plan is not None else " (draft)"
        )

    def print_preview(self) -> None:
        """The print preview of the care plan, once its paper is made (:attr:`preview`); its Print button
        opens the system's print dialog."""
        title = self._title()
        self.make_paper(lambda data: self._preview(data, title))

    def _preview(self, data: bytes, title: str) -> None:
        self.preview = print_preview(data, self.page_size, title, self._editor)

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
        """Write the care plan's PDF to ``path`` atomically, in the background (the paper is made on the
        reader thread, the file written and the export recorded on the writer thread); a failure is
        shown and changes no file. :attr:`saved` tells the outcome. False when no case is open."""
        return self.make_paper(lambda data: self._write_pdf(path, data), "Care plan PDF not saved",
                               refused=lambda: self.saved.emit(""))

    def _write_pdf(self, path: Path, data: bytes) -> None:
        case, services, kind = self._editor.case, self._services, f"{self.audience.value} paper"
        label = self.audience.label.lower()

        def work() -> Path:
            written = write_atomic(path, data)
            if case is not None and case.id is not None:
                services.audit.exported(kind, case_ids=[case.id])
            return written

        self._busy(True)
        ops.write(work, parent=self._editor, label="saving a care-plan PDF",
                  success=lambda written: self._pdf_written(written, label), failure=self._pdf_not_written)

    def _pdf_written(self, written: Path, label: str) -> None:
        self._busy(False)
        options.CAREPLAN_FOLDER.write(self._settings, str(written.parent))
        self.message.emit(f"Saved the {label} PDF to {written}")
        self.saved.emit(str(written))

    def _pdf_not_written(self, error: MdtboardError) -> None:
        self._busy(False)
        self._editor.last_dialog = show_error(self._editor, "Care plan PDF not saved", str(error))
        self.message.emit("The PDF was not saved")
        self.saved.emit("")

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
        """Write the FHIR R4 bundle of the case's agreed plan (else its latest draft) to ``path``, in the
        background (read, written and recorded on the writer thread); :attr:`saved` tells the outcome.
        False when no case is open."""
        case = self._editor.case
        if case is None or case.id is None:
            return False
        self._busy(True)
        case_id = case.id
        self._editor.after_save(
            lambda: self._export_fhir(case_id, path), "FHIR bundle not exported",
            "exporting a care plan as FHIR", refused=lambda: self._not_saved(lambda: self.saved.emit("")),
        )
        return True

    def _export_fhir(self, case_id: int | None, path: Path) -> None:
        case = self._editor.case
        if case is None or case.id is None or case.id != case_id:
            self._busy(False)
            self.message.emit("FHIR bundle not exported: another case was opened meanwhile.")
            self.saved.emit("")
            return
        services, ref, case_id = self._services, case.ref, case.id

        def work() -> tuple[Path, CarePlan | None]:
            from mdtboard.interchange.fhir import write_fhir_bundle

            written = write_fhir_bundle(services.printout(ref), path)
            services.audit.exported("fhir", case_ids=[case_id])
            return written, services.careplans.agreed(case_id)

        self.message.emit("Exporting the FHIR bundle…")
        ops.write(work, parent=self._editor, label="exporting a care plan as FHIR",
                  success=lambda got: self._fhir_written(ref, *got), failure=self._fhir_not_written)

    def _fhir_written(self, ref: str, written: Path, agreed: CarePlan | None) -> None:
        self._busy(False)
        options.CAREPLAN_FOLDER.write(self._settings, str(written.parent))
        which = f"agreed plan (version {agreed.plan_version})" if agreed is not None else "latest draft"
        self.message.emit(f"Exported the FHIR bundle of the {which} of {ref} to {written}")
        self.saved.emit(str(written))

    def _fhir_not_written(self, error: MdtboardError) -> None:
        self._busy(False)
        self._editor.last_dialog = show_error(self._editor, "FHIR bundle not exported", str(error))
        self.message.emit("The FHIR bundle was not exported")
        self.saved.emit("")
