"""Printing the care plan (the preview renders every page of the PDF through QtPdf), Save PDF (the plan on
screen, on the paper size chosen; a failed write is shown and leaves no file), Export FHIR, and the paper
size setting."""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from conftest import settle
from gui_helpers import python_owned_qt_objects_in_cycles
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from test_careplan_support import (
    EditorFactory,
    care_settings,
    conference_draft,
    in_conference,
    load_samples,
    make_editor,
    signed,
)

from mdtboard.services.context import Services
from mdtboard.ui.careplan.editor import CarePlanEditor
from mdtboard.ui.careplan.output import make_printer, render_pdf
from mdtboard.ui.settings import CAREPLAN_PAGE_SIZE

pytestmark = pytest.mark.gui
__all__ = ["care_settings", "make_editor"]  # fixtures used here

A4_WIDTH, LETTER_WIDTH = 595, 612  # points


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def _paper(editor: CarePlanEditor) -> bytes:
    """The PDF of the plan shown, as Print and Save PDF make it (in the background)."""
    made: list[bytes] = []
    assert editor.output.make_paper(made.append)
    assert made == []  # made on the reader thread; it comes through the event loop
    settle()
    assert len(made) == 1
    return made[0]


def _saved(editor: CarePlanEditor, start: Callable[[], bool]) -> str:
    """Start a Save PDF or FHIR export and wait for it: the file written, or "" when it was not."""
    got: list[str] = []
    editor.output.saved.connect(got.append)
    try:
        assert start()
        settle()
    finally:
        editor.output.saved.disconnect(got.append)
    assert len(got) == 1
    return got[0]


def test_every_page_is_rendered_onto_the_printer(
    qtbot: QtBot, services: Services, make_editor: EditorFactory, tmp_path: Path
) -> None:
    case_id = load_samples(services)["MDT-001"]
    editor = make_editor(services)
    editor.open_case(case_id, in_conference(services, case_id))
    settle()
    editor.build_draft()
    settle()
    data = _paper(editor)
    pages = _pages(data)
    assert pages >= 2
    printer = make_printer("A4", "Care plan MDT-001")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert render_pdf(data, printer) == pages
    printed = PdfReader(out)
    assert len(printed.pages) == pages
    assert round(float(printed.pages[0].mediabox.width)) == A4_WIDTH
    # A page range chosen in the print dialog prints just those pages.
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    printer.setOutputFileName(str(tmp_path / "page2.pdf"))
    assert render_pdf(data, printer) == 1


def test_print_preview_opens_without_blocking_and_shows_every_page(
    qtbot: QtBot, services: Services, make_editor: EditorFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview shows every page, each rendered by QtPdf's page renderer on a thread of its own: never
    on the GUI thread (a page drawn there stalled the window most of a second on a loaded machine)."""
    rendered_on: list[bool] = []  # each page rendered from Python: on the GUI thread?
    render = QPdfDocument.render

    def noted(document: QPdfDocument, *args: Any) -> QImage:
        rendered_on.append(threading.current_thread() is threading.main_thread())
        return render(document, *args)

    monkeypatch.setattr(QPdfDocument, "render", noted)  # the real render, its thread noted
    case_id = load_samples(services)["MDT-001"]
    editor = make_editor(services)
    editor.open_case(case_id, in_conference(services, case_id))
    settle()
    editor.build_draft()
    settle()
    data = _paper(editor)
    messages: list[str] = []
    editor.output.message.connect(messages.append)
    editor.output.print_preview()
    settle()
    assert messages == ["Making the team care plan…", ""]  # the status bar does not say so for ever
    dialog = editor.output.preview  # the dialog is open, not exec()'d
    assert isinstance(dialog, QPrintPreviewDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Print preview: Team care plan MDT-001 version 1"
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() == _pages(data))
    pages = getattr(dialog, "pages", None)  # each page shown as an image as it comes
    qtbot.waitUntil(lambda: len(rendered_on) == _pages(data) or (pages is not None and pages.done),
                    timeout=20_000)
    assert not any(rendered_on), "a page was rendered on the GUI thread"
    assert pages is not None and len(pages.images) == _pages(data)
    assert all(not image.isNull() for image in pages.images.values())
    # Shown on white paper: QtPdf leaves the page transparent where nothing is drawn, which an opaque
    # pixmap made by conversion alone turned black (the margins, the page behind the text).
    corner = pages.pixmaps[0].toImage()
    assert QColor(corner.pixel(2, 2)) == QColor("white")
    assert QColor(corner.pixel(corner.width() // 2, corner.height() - 3)) == QColor("white")
    dialog.close()


def test_save_pdf_writes_the_plan_shown_on_the_chosen_paper(
    qtbot: QtBot, services: Services, make_editor: EditorFactory, care_settings: QSettings, tmp_path: Path
) -> None:
    case_id = load_samples(services)["MDT-001"]
    signed(services, conference_draft(services, case_id))
    editor = make_editor(services)
    editor.open_case(case_id)
    settle()
    editor.start_new_version(confirmed=True)
    settle()  # version 2, a draft, is on screen
    out = tmp_path / "plan.pdf"
    assert _saved(editor, lambda: editor.output.save_pdf_to(out)) == str(out)
    text = _text(out.read_bytes())
    assert "DRAFT" in text and "tramadol" in text and "José Ñúñez" in text
    assert "version 2" in text.lower()
    assert round(float(PdfReader(out).pages[0].mediabox.width)) == A4_WIDTH

    editor.ui.pageSizeCombo.setCurrentIndex(1)  # US Letter
    assert care_settings.value(CAREPLAN_PAGE_SIZE.key) == "Letter"
    assert _saved(editor, lambda: editor.output.save_pdf_to(out)) == str(out)
    assert round(float(PdfReader(out).pages[0].mediabox.width)) == LETTER_WIDTH
    again = make_editor(services)  # the setting is remembered
    assert again.ui.pageSizeCombo.currentText() == "US Letter" and again.output.page_size == "Letter"


def test_each_paper_is_saved_and_previewed_from_the_program(
    qtbot: QtBot, services: Services, make_editor: EditorFactory, tmp_path: Path
) -> None:
    case_id = load_samples(services)["MDT-001"]
    signed(services, conference_draft(services, case_id))
    editor = make_editor(services)
    editor.open_case(case_id)
    settle()
    combo, summary = editor.ui.audienceCombo, editor.ui.summaryCheck
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Team care plan", "Patient plan", "Letter to the GP"
    ]
    team, short = tmp_path / "team.pdf", tmp_path / "short.pdf"
    assert _saved(editor, lambda: editor.output.save_pdf_to(team)) == str(team)
    summary.setChecked(False)  # the case summary appendix left out
    assert _saved(editor, lambda: editor.output.save_pdf_to(short)) == str(short)
    assert "Appendix: case summary" in _text(team.read_bytes())
    assert "Appendix: case summary" not in _text(short.read_bytes())
    assert len(PdfReader(short).pages) < len(PdfReader(team).pages)
    combo.setCurrentIndex(1)
    assert not summary.isEnabled()  # only the team's paper has the appendix
    patient = tmp_path / "patient.pdf"
    assert _saved(editor, lambda: editor.output.save_pdf_to(patient)) == str(patient)
    patient_text = _text(patient.read_bytes())
    assert "What we agreed with you" in patient_text and "MME" not in patient_text
    combo.setCurrentIndex(2)
    editor.output.print_preview()
    settle()
    dialog = editor.output.preview
    assert isinstance(dialog, QPrintPreviewDialog)
    assert dialog.windowTitle() == "Print preview: Letter to the GP MDT-001 version 1"
    pages = dialog.pages  # type: ignore[attr-defined]
    dialog.close()
    dialog.deleteLater()  # gone before its pages are all rendered: they still come, to nobody
    qtbot.waitUntil(lambda: pages.done, timeout=20_000)
    assert editor.output._default_path(".pdf").endswith("gp-letter-MDT-001-v1.pdf")


def test_save_pdf_under_a_file_shows_the_error_and_writes_nothing(
    qtbot: QtBot, services: Services, make_editor: EditorFactory, tmp_path: Path
) -> None:
    case_id = load_samples(services)["MDT-001"]
    editor = make_editor(services)
    editor.open_case(case_id, in_conference(services, case_id))
    settle()
    editor.build_draft()
    settle()
    work = tmp_path / "exports"
    work.mkdir()
    blocker = work / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    target = blocker / "plan.pdf"
    messages: list[str] = []
    editor.output.message.connect(messages.append)
    assert _saved(editor, lambda: editor.output.save_pdf_to(target)) == ""
    box = editor.last_dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.windowTitle() == "Care plan PDF not saved"
    assert f"Could not write {target}" in box.text() and "unchanged" in box.text()
    assert messages == ["Making the team care plan…", "", "The PDF was not saved"]
    assert blocker.read_text() == "a file where a folder should be"
    assert not target.exists()
    assert [p.name for p in work.iterdir()] == ["not-a-folder"]  # no partial file either
    box.close()


def test_export_fhir_writes_a_bundle_of_the_agreed_plan(
    qtbot: QtBot, services: Services, make_editor: EditorFactory, tmp_path: Path
) -> None:
    case_id = load_samples(services)["MDT-001"]
    signed(services, conference_draft(services, case_id))
    editor = make_editor(services)
    editor.open_case(case_id)
    settle()
    messages: list[str] = []
    editor.output.message.connect(messages.append)
    out = tmp_path / "plan.fhir.json"
    assert _saved(editor, lambda: editor.output.export_fhir_to(out)) == str(out)
    bundle = json.loads(out.read_text("utf-8"))
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    kinds = {entry["resource"]["resourceType"] for entry in bundle["entry"]}
    assert {"Patient", "CarePlan", "Goal", "Provenance"} <= kinds
    care_plan = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "CarePlan")
    assert care_plan["status"] == "active"
    assert messages[-1].startswith("Exported the FHIR bundle of the agreed plan (version 1) of MDT-001")



def test_a_closed_print_preview_leaves_nothing_of_qt_to_the_cycle_collector(
    qtbot: QtBot, services: Services, make_editor: EditorFactory
) -> None:
    """Closed, the preview is deleted by Qt on the GUI thread (it stayed, hidden, until its window went),
    and with it its printer, the document its pages were rendered from and the page images: none is left
    in a reference cycle for Python's cycle collector, which runs on whichever thread allocates at the
    moment (an operation's worker too) and would destroy a printer, an image or a pixmap there."""
    case_id = load_samples(services)["MDT-001"]
    editor = make_editor(services)
    editor.open_case(case_id, in_conference(services, case_id))
    settle()
    editor.build_draft()
    settle()
    python_owned_qt_objects_in_cycles()  # whatever earlier work left
    editor.output.print_preview()
    settle()
    dialog = editor.output.preview
    assert dialog is not None and dialog.isVisible()
    pages = dialog.pages  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: pages.done, timeout=20_000)
    assert pages.images and pages.pixmaps
    dialog.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # deleted once closed
    assert not pages.images and not pages.pixmaps
    assert not shiboken6.isValid(pages)  # the renderer, its document and buffer went with it
    assert python_owned_qt_objects_in_cycles() == []
